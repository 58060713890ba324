//! Metadata evidence gathered in one walk over the document.
//!
//! Every source the later stages weigh (meta tags, `<time>`, `itemprop`, `rel=author`, byline
//! and date classes, breadcrumbs, JSON-LD scripts) is noted here as node ids and raw values;
//! choosing between them happens in the field modules, which know the article's position.
//! One walk instead of one per field keeps metadata cheap next to extraction.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use dateline_html::{Document, Element, LocalName, NodeId, local_name};

use crate::text::collapse;

/// At most this many nodes of each kind are kept; real pages have a handful.
const MAX_MARKS: usize = 48;
/// Headline candidates kept.
const MAX_H1: usize = 16;
/// Other headings kept as headline candidates: the headline comes before the teaser lists.
const MAX_HEADINGS: usize = 64;

/// What the page says about itself, before any choice.
#[derive(Debug, Default)]
pub(crate) struct Signals {
    meta: HashMap<String, String>,
    pub canonical: Option<String>,
    pub html_lang: Option<String>,
    pub title_tag: Option<String>,
    /// `<h1>` elements in document order (text collapsed).
    pub h1s: Vec<(NodeId, String)>,
    /// `<h2>`–`<h6>` and `itemprop=headline` elements in the body, where pages without a
    /// headline `<h1>` put it.
    pub headings: Vec<NodeId>,
    /// `<time>` elements.
    pub times: Vec<NodeId>,
    /// Elements whose `itemprop` names a date (`datePublished`, `dateCreated`, `dateModified`).
    pub date_props: Vec<(NodeId, DateRole)>,
    /// Elements with `itemprop=author`/`creator`.
    pub author_props: Vec<NodeId>,
    /// `<a rel=author>` links.
    pub author_links: Vec<NodeId>,
    /// Elements whose class or id names a byline or author.
    pub bylines: Vec<NodeId>,
    /// Elements whose class or id names a date or time.
    pub date_boxes: Vec<NodeId>,
    /// Breadcrumb containers.
    pub breadcrumbs: Vec<NodeId>,
    /// `<script type=application/ld+json>` elements.
    pub ld_scripts: Vec<NodeId>,
    /// Every `article:tag` value (the one meta name pages repeat).
    pub article_tags: Vec<String>,
    /// `<a rel=tag>` links (WordPress, Blogger and microformats tag links).
    pub tag_links: Vec<NodeId>,
    /// Elements whose class or id names a story's tag list (`field-name-field-tags`).
    pub tag_boxes: Vec<NodeId>,
    /// `<a rel="category tag">` links (WordPress categories).
    pub category_links: Vec<NodeId>,
}

/// Whether a date source states the first publication or a later change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateRole {
    Published,
    Modified,
}

/// `<meta>` names a page repeats once per author (`citation_author`, `dc.creator`).
const REPEATED_AUTHOR_META: &[&str] = &[
    "citation_author",
    "dc.creator",
    "dc:creator",
    "dcterms.creator",
    "article:author",
    "author",
];

/// Most authors gathered from one repeated `<meta>` name.
const MAX_REPEATED_AUTHORS: usize = 12;

/// A repeated author `<meta>` adds its name to the list (";"-separated, as bylines list
/// names); URLs (`article:author` profile links) are never mixed with names.
fn add_repeated_author(names: &mut String, value: &str) {
    let is_url = |v: &str| v.contains("://");
    if is_url(names)
        || is_url(value)
        || names.split("; ").any(|n| n == value)
        || names.matches("; ").count() + 1 >= MAX_REPEATED_AUTHORS
    {
        return;
    }
    names.push_str("; ");
    names.push_str(value);
}

impl Signals {
    pub(crate) fn read(doc: &Document) -> Signals {
        let mut signals = Signals::default();
        let mut in_body = false;
        // Pages repeat the same class lists hundreds of times; each distinct one is matched
        // once. (aHash, keyed per process, as in `hints::HintCache`.)
        // Sized for a typical page's distinct class lists, ids and test ids, so that filling
        // it rarely rehashes.
        let mut kinds_of: HashMap<&str, u8, ahash::RandomState> =
            HashMap::with_capacity_and_hasher(256, Default::default());
        let test_id_name: &LocalName = &TEST_ID;
        let mut walk = doc.descendants(doc.root());
        while let Some(id) = walk.next() {
            let Some(element) = doc.element(id) else {
                continue;
            };
            if !element.is_html() {
                walk.skip_subtree(id);
                continue;
            }
            match *element.tag() {
                local_name!("html") => {
                    signals.html_lang = element
                        .attr("lang")
                        .or_else(|| element.attr("xml:lang"))
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_string);
                }
                local_name!("body") => in_body = true,
                local_name!("meta") => {
                    let key = element
                        .attr("property")
                        .or_else(|| element.attr("name"))
                        .or_else(|| element.attr("itemprop"))
                        .or_else(|| element.attr("http-equiv"));
                    let value = element.attr("content");
                    if let (Some(key), Some(value)) = (key, value) {
                        let value = collapse(value);
                        if key.eq_ignore_ascii_case("article:tag")
                            && !value.is_empty()
                            && signals.article_tags.len() < MAX_MARKS
                        {
                            signals.article_tags.push(value.clone());
                        }
                        // RDFa allows several properties on one tag
                        // (`property="dc:creator twitter:site_name"`).
                        if !value.is_empty() {
                            for key in key.split_whitespace() {
                                let key = key.to_ascii_lowercase();
                                match signals.meta.entry(key) {
                                    Entry::Vacant(slot) => {
                                        slot.insert(value.clone());
                                    }
                                    Entry::Occupied(mut slot) => {
                                        let repeatable =
                                            REPEATED_AUTHOR_META.contains(&slot.key().as_str());
                                        if repeatable {
                                            add_repeated_author(slot.get_mut(), &value);
                                        }
                                    }
                                }
                            }
                        }
                    }
                    if let Some(prop) = element.attr("itemprop") {
                        note_itemprop(&mut signals, id, prop);
                    }
                    continue;
                }
                local_name!("link") => {
                    if signals.canonical.is_none() && has_rel(element.attr("rel"), "canonical") {
                        signals.canonical = element
                            .attr("href")
                            .map(str::trim)
                            .filter(|h| !h.is_empty())
                            .map(str::to_string);
                    }
                    continue;
                }
                local_name!("title") => {
                    if signals.title_tag.is_none() {
                        let text = collapse(&doc.text_content(id));
                        if !text.is_empty() {
                            signals.title_tag = Some(text);
                        }
                    }
                    walk.skip_subtree(id);
                    continue;
                }
                local_name!("script") => {
                    let is_ld = element
                        .attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    if is_ld && signals.ld_scripts.len() < MAX_MARKS {
                        signals.ld_scripts.push(id);
                    }
                    walk.skip_subtree(id);
                    continue;
                }
                local_name!("style") | local_name!("template") | local_name!("noscript") => {
                    walk.skip_subtree(id);
                    continue;
                }
                local_name!("h1") if in_body && signals.h1s.len() < MAX_H1 => {
                    let text = collapse(&doc.text_content(id));
                    if !text.is_empty() {
                        signals.h1s.push((id, text));
                    }
                }
                local_name!("h2")
                | local_name!("h3")
                | local_name!("h4")
                | local_name!("h5")
                | local_name!("h6")
                    if in_body && signals.headings.len() < MAX_HEADINGS =>
                {
                    signals.headings.push(id);
                }
                local_name!("time") => push(&mut signals.times, id),
                local_name!("a") => {
                    let rel = element.attr_atom(&local_name!("rel"));
                    if has_rel(rel, "author") {
                        push(&mut signals.author_links, id);
                    } else if has_rel(rel, "category") {
                        push(&mut signals.category_links, id);
                    } else if has_rel(rel, "tag") {
                        push(&mut signals.tag_links, id);
                    }
                }
                _ => {}
            }
            let attrs = Attrs::of(element, test_id_name);
            if let Some(prop) = attrs.itemprop {
                note_itemprop(&mut signals, id, prop);
                if in_body
                    && prop.eq_ignore_ascii_case("headline")
                    && signals.headings.len() < MAX_HEADINGS
                {
                    signals.headings.push(id);
                }
            }
            if let Some(property) = attrs.property {
                note_rdfa_property(&mut signals, id, property);
            }
            if !in_body {
                continue;
            }
            let class = attrs.class.unwrap_or("");
            let ident = attrs.id.unwrap_or("");
            // React front ends name their parts in test ids, often with hashed class names.
            let test_id = attrs.test_id.unwrap_or("");
            if class.is_empty() && ident.is_empty() && test_id.is_empty() {
                continue;
            }
            let Some(names) = CLASS_MATCHER.as_ref() else {
                continue;
            };
            let mut kinds = 0u8;
            for hay in [class, ident, test_id] {
                if hay.is_empty() {
                    continue;
                }
                kinds |= *kinds_of
                    .entry(hay)
                    .or_insert_with(|| name_kinds(names, hay));
            }
            if kinds & BYLINE != 0 && kinds & NOT_BYLINE == 0 {
                push(&mut signals.bylines, id);
            }
            if kinds & DATE != 0 && kinds & NOT_DATE == 0 {
                push(&mut signals.date_boxes, id);
            }
            if kinds & CRUMB != 0 {
                push(&mut signals.breadcrumbs, id);
            }
            if kinds & TAG_LIST != 0 {
                push(&mut signals.tag_boxes, id);
            }
        }
        signals
    }

    /// A `<meta>` value by lower-cased `name`/`property`/`itemprop`, first occurrence.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.meta.get(key).map(String::as_str)
    }

    /// The first of `keys` the page declares.
    pub(crate) fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.get(k)).map(str::to_string)
    }
}

/// The kinds of name (byline, date, breadcrumb, tag list, and their exclusions) found in
/// one class list, id or test id.
fn name_kinds(names: &AhoCorasick, hay: &str) -> u8 {
    names.find_overlapping_iter(hay).fold(0, |kinds, found| {
        kinds | KIND_OF[found.pattern().as_usize()]
    })
}

/// `data-testid` is not among html5ever's static names; interned once, it compares as an atom.
static TEST_ID: LazyLock<LocalName> = LazyLock::new(|| LocalName::from("data-testid"));

/// The attributes read on every element, found in one pass over its attributes (the first
/// of each name, as `Element::attr_atom` finds it). Atoms, not strings: this runs for every
/// element of the page.
#[derive(Default)]
struct Attrs<'a> {
    itemprop: Option<&'a str>,
    property: Option<&'a str>,
    class: Option<&'a str>,
    id: Option<&'a str>,
    test_id: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(element: &'a Element, test_id_name: &LocalName) -> Self {
        let mut found = Attrs::default();
        for attr in &element.attrs {
            let name = &attr.name.local;
            let slot = if *name == local_name!("class") {
                &mut found.class
            } else if *name == local_name!("id") {
                &mut found.id
            } else if *name == local_name!("itemprop") {
                &mut found.itemprop
            } else if *name == local_name!("property") {
                &mut found.property
            } else if name == test_id_name {
                &mut found.test_id
            } else {
                continue;
            };
            slot.get_or_insert(&*attr.value);
        }
        found
    }
}

fn push(list: &mut Vec<NodeId>, id: NodeId) {
    if list.len() < MAX_MARKS {
        list.push(id);
    }
}

fn has_rel(rel: Option<&str>, wanted: &str) -> bool {
    rel.is_some_and(|rel| {
        rel.split_whitespace()
            .any(|r| r.eq_ignore_ascii_case(wanted))
    })
}

fn note_itemprop(signals: &mut Signals, id: NodeId, prop: &str) {
    for prop in prop.split_whitespace() {
        let role = match prop {
            "datePublished" | "dateCreated" | "uploadDate" => Some(DateRole::Published),
            "dateModified" => Some(DateRole::Modified),
            _ => None,
        };
        if let Some(role) = role {
            if signals.date_props.len() < MAX_MARKS {
                signals.date_props.push((id, role));
            }
        } else if prop == "author" || prop == "creator" {
            push(&mut signals.author_props, id);
        }
    }
}

/// RDFa on visible elements (Drupal's `<span property="schema:dateCreated" content="…">`,
/// `dc:date`): the same marks as microdata under a vocabulary prefix.
fn note_rdfa_property(signals: &mut Signals, id: NodeId, property: &str) {
    for term in property.split_whitespace() {
        let Some((vocabulary, name)) = term.split_once(':') else {
            continue;
        };
        let role = match (vocabulary, name) {
            ("schema", "datePublished" | "dateCreated")
            | ("dc" | "dcterms", "date" | "created" | "issued") => Some(DateRole::Published),
            ("schema", "dateModified") | ("dc" | "dcterms", "modified") => Some(DateRole::Modified),
            _ => None,
        };
        if let Some(role) = role
            && signals.date_props.len() < MAX_MARKS
        {
            signals.date_props.push((id, role));
        }
    }
}

const BYLINE: u8 = 1;
const NOT_BYLINE: u8 = 2;
const DATE: u8 = 4;
const NOT_DATE: u8 = 8;
const CRUMB: u8 = 16;
const TAG_LIST: u8 = 32;

/// Class/id substrings and what they mark. Substrings, because CMS classes glue words
/// (`article-byline__name`, `postAuthor`, `entry-date`).
const CLASS_PATTERNS: &[(&str, u8)] = &[
    ("byline", BYLINE),
    ("author", BYLINE),
    ("autor", BYLINE),
    ("auteur", BYLINE),
    ("writer", BYLINE),
    ("reporter", BYLINE),
    ("verfasser", BYLINE),
    ("firma", BYLINE),
    ("journalist", BYLINE),
    ("contributor", BYLINE),
    ("creator", BYLINE),
    ("redakteur", BYLINE),
    ("byl", BYLINE),
    ("yazar", BYLINE),
    ("autore", BYLINE),
    ("forfatter", BYLINE),
    ("författare", BYLINE),
    ("kirjoittaja", BYLINE),
    // Drupal's "Submitted by X on <date>" line.
    ("submitted", DATE),
    // Reader comments and author pages carry names that are not the article's authors.
    ("comment", NOT_BYLINE | NOT_DATE),
    ("avatar", NOT_BYLINE),
    ("authorbio", NOT_BYLINE),
    ("author-bio", NOT_BYLINE),
    ("author_bio", NOT_BYLINE),
    ("author-description", NOT_BYLINE),
    ("author-image", NOT_BYLINE),
    ("author-img", NOT_BYLINE),
    ("author-photo", NOT_BYLINE),
    ("author-social", NOT_BYLINE),
    ("authors-list", NOT_BYLINE),
    ("date", DATE),
    ("datum", DATE),
    ("fecha", DATE),
    ("data-pub", DATE),
    ("time", DATE),
    ("published", DATE),
    ("posted", DATE),
    ("pubdate", DATE),
    ("dateline", DATE),
    ("entry-meta", DATE),
    ("post-meta", DATE),
    ("article-meta", DATE),
    ("article__meta", DATE),
    ("meta-info", DATE),
    ("timeline", NOT_DATE),
    ("timer", NOT_DATE),
    ("timezone", NOT_DATE),
    ("runtime", NOT_DATE),
    ("validate", NOT_DATE),
    ("candidate", NOT_DATE),
    ("mandate", NOT_DATE),
    ("breadcrumb", CRUMB),
    // A story's own tag list; not bare "tags", which also names tag clouds.
    ("field-tags", TAG_LIST),
    ("field--name-field-tags", TAG_LIST),
    ("field-name-field-tags", TAG_LIST),
    ("post-tags", TAG_LIST),
    ("entry-tags", TAG_LIST),
    ("article-tags", TAG_LIST),
    ("story-tags", TAG_LIST),
    ("article__tags", TAG_LIST),
    ("tag-list", TAG_LIST),
    ("schlagworte", TAG_LIST),
    ("brotkruemel", CRUMB),
];

static KIND_OF: [u8; CLASS_PATTERNS.len()] = {
    let mut kinds = [0u8; CLASS_PATTERNS.len()];
    let mut i = 0;
    while i < CLASS_PATTERNS.len() {
        kinds[i] = CLASS_PATTERNS[i].1;
        i += 1;
    }
    kinds
};

/// Whether the page's matcher could be built; without it no class names are read, which
/// only costs the visible-text sources.
static CLASS_MATCHER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(CLASS_PATTERNS.iter().map(|(p, _)| p))
        .ok()
});

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use dateline_html::{Limits, parse};

    #[test]
    fn one_walk_finds_every_kind() {
        let html = r#"<html lang="de"><head><title>T</title>
            <meta property="og:title" content=" Og  title ">
            <link rel="canonical" href="https://example.org/a">
            <script type="application/ld+json">{}</script></head><body>
            <nav class="breadcrumbs"><a>Home</a><a>World</a></nav>
            <h1>Headline</h1>
            <div class="article-byline">By <a rel="author" href="/a">Ana</a></div>
            <span class="entry-date"><time datetime="2024-01-02">2 Jan</time></span>
            <span itemprop="datePublished" content="2024-01-02"></span>
            <div class="comment-author">Troll</div>
            <div class="last-updated">x</div></body></html>"#;
        let doc = parse(html, &Limits::default());
        let s = Signals::read(&doc);
        assert_eq!(s.html_lang.as_deref(), Some("de"));
        assert_eq!(s.get("og:title"), Some("Og title"));
        assert_eq!(s.canonical.as_deref(), Some("https://example.org/a"));
        assert_eq!(s.title_tag.as_deref(), Some("T"));
        assert_eq!(s.ld_scripts.len(), 1);
        assert_eq!(s.breadcrumbs.len(), 1);
        assert_eq!(s.h1s.len(), 1);
        assert_eq!(s.bylines.len(), 1, "comment authors are not bylines");
        assert_eq!(s.author_links.len(), 1);
        assert_eq!(s.times.len(), 1);
        assert_eq!(
            s.date_boxes.len(),
            2,
            "update boxes are kept: they give the modification date"
        );
        assert_eq!(s.date_props.len(), 1);
    }
}
