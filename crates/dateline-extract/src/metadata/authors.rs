//! Authors: person names from the best source; an organisation only when no source names a
//! person.
//!
//! Sources, best first: JSON-LD `author`, `<meta>` author names, `itemprop=author`,
//! `rel=author` links, then byline-classed elements next to the headline. Every raw value goes
//! through [`textmeta::clean_authors`], which strips "By", roles, dates and handles.

use std::ops::ControlFlow;

use dateline_html::{Document, NodeId};

use crate::filter::normalise;
use crate::jsonld::JsonLdArticle;
use crate::metadata::position::{self, Anchors};
use crate::metadata::signals::Signals;
use crate::text::collapse;
use crate::textmeta;

/// `<meta>` names that hold author names (not URLs), best first.
const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "article:author_name",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dc:creator",
    "dcterms.creator",
    "dcterms:creator",
    "citation_author",
    "byl",
    "cxenseparse:author",
];

/// Byline text longer than this is a paragraph, not a byline.
const MAX_BYLINE_CHARS: usize = 160;

pub(crate) fn authors(
    doc: &Document,
    signals: &Signals,
    jsonld: Option<&JsonLdArticle>,
    anchors: Anchors,
    site_name: Option<&str>,
) -> Vec<String> {
    let site = site_name.map(normalise);
    let is_organisation = |name: &str| {
        textmeta::is_organisation(name) || site.as_deref().is_some_and(|s| names_site(name, s))
    };
    // Typed organisations are names as they stand; person cleaning would cut
    // "Organization for Transformative Works" at "for".
    let mut organisation: Vec<String> = dedup(
        jsonld
            .iter()
            .flat_map(|ld| ld.author_orgs.iter())
            .map(|a| collapse(a))
            .filter(|a| !a.is_empty() && a.chars().count() <= 100)
            .collect(),
    );
    let mut take = |names: Vec<String>| -> Option<Vec<String>> {
        // "example.com, Frankfurt, Germany": a source naming the site is an address line,
        // not a list of people.
        let names_the_site = site
            .as_deref()
            .is_some_and(|s| names.iter().any(|n| names_site(n, s)));
        let (orgs, people): (Vec<String>, Vec<String>) = if names_the_site {
            (names, Vec::new())
        } else {
            names.into_iter().partition(|n| is_organisation(n))
        };
        if !people.is_empty() {
            return Some(people);
        }
        if organisation.is_empty() {
            organisation = orgs;
        }
        None
    };
    if let Some(ld) = jsonld {
        let names: Vec<String> = ld
            .authors
            .iter()
            .flat_map(|a| textmeta::clean_authors(a))
            .collect();
        if let Some(people) = take(dedup(names)) {
            return people;
        }
    }
    for key in AUTHOR_META {
        if let Some(value) = signals.get(key)
            && !value.contains("://")
            && let Some(people) = take(textmeta::clean_authors(value))
        {
            return people;
        }
    }
    // Yoast's "twitter:label1 = Written by / twitter:data1 = Name" card fields.
    for (label, data) in [
        ("twitter:label1", "twitter:data1"),
        ("twitter:label2", "twitter:data2"),
    ] {
        if signals.get(label).is_some_and(textmeta::is_byline_label)
            && let Some(value) = signals.get(data)
            && let Some(people) = take(textmeta::clean_authors(value))
        {
            return people;
        }
    }
    for sources in [&signals.author_props, &signals.author_links] {
        if let Some(people) = take(nearest_names(doc, sources, anchors, prop_name)) {
            return people;
        }
    }
    if let Some(people) = take(nearest_names(doc, &signals.bylines, anchors, |doc, id| {
        Some(spaced_text(doc, id))
    })) {
        return people;
    }
    if let Some(people) = take(headline_byline(doc, anchors)) {
        return people;
    }
    organisation
}

/// The names of the source nearest to the story (all of its kind at that element's level:
/// several `rel=author` links in one byline are all taken).
fn nearest_names(
    doc: &Document,
    sources: &[NodeId],
    anchors: Anchors,
    read: impl Fn(&Document, NodeId) -> Option<String>,
) -> Vec<String> {
    let mut scored: Vec<(usize, NodeId, Vec<String>)> = sources
        .iter()
        .filter_map(|&id| {
            let distance = anchors.distance(doc, id)?;
            let raw = read(doc, id)?;
            if raw.is_empty() || raw.chars().count() > MAX_BYLINE_CHARS {
                return None;
            }
            let names = plausible_names(&raw);
            (!names.is_empty()).then_some((distance, id, names))
        })
        .collect();
    scored.sort_by_key(|(distance, id, _)| (*distance, id.index()));
    let Some((_, first, _)) = scored.first() else {
        return Vec::new();
    };
    // Siblings in the same byline ("By <a>A</a> and <a>B</a>") share a parent.
    let parent = doc.parent(*first);
    let names: Vec<String> = scored
        .iter()
        .filter(|(_, id, _)| *id == *first || (parent.is_some() && doc.parent(*id) == parent))
        .flat_map(|(_, _, names)| names.iter().cloned())
        .collect();
    dedup(names)
}

/// The longest text taken as the name after a bare label ("By" | "Ana Ruiz").
const MAX_LABELLED_NAME_CHARS: usize = 80;

/// Text read after the headline when looking for an unmarked byline.
const AFTER_HEADLINE_CHARS: usize = 600;

/// An unmarked byline in the lines right after the headline: a short element whose text
/// opens with a byline word ("Door Pieter de Vries | 30 januari 2022").
fn headline_byline(doc: &Document, anchors: Anchors) -> Vec<String> {
    let Some(headline) = anchors.headline else {
        return Vec::new();
    };
    let mut seen = 0usize;
    let mut names = Vec::new();
    let mut after_label = false;
    position::visit_text(doc, Some(headline), false, |id, text| {
        if id.index() < headline.index() {
            return ControlFlow::Continue(());
        }
        if std::mem::take(&mut after_label) && text.chars().count() <= MAX_LABELLED_NAME_CHARS {
            names = plausible_names(text);
            if !names.is_empty() {
                return ControlFlow::Break(());
            }
        }
        after_label = textmeta::is_bare_byline_label(text);
        if seen < NAME_DATE_LINE_WINDOW
            && let Some(name) = name_date_line(text)
        {
            names = vec![name];
            return ControlFlow::Break(());
        }
        if textmeta::starts_like_byline(text)
            && let Some(parent) = doc.parent(id)
        {
            let line = collapse(&doc.text_content(parent));
            if line.chars().count() <= MAX_BYLINE_CHARS {
                names = plausible_names(&line);
                if !names.is_empty() {
                    return ControlFlow::Break(());
                }
            }
        }
        seen += text.len();
        if seen > AFTER_HEADLINE_CHARS {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    names
}

/// How far under the headline (characters of text) an unmarked "Name · date" line is read.
const NAME_DATE_LINE_WINDOW: usize = 200;

/// "Martin Greaves · 30 January 2022": a line under the headline that is only a person's
/// name and a date, with a separator between them, is the byline.
fn name_date_line(text: &str) -> Option<String> {
    if text.chars().count() > MAX_LABELLED_NAME_CHARS {
        return None;
    }
    let (_, range) = textmeta::find_date(text, &textmeta::DateContext::default())?;
    const SEPARATORS: [char; 7] = ['·', '|', '•', '-', '–', '—', ','];
    let before = text[..range.start].trim_end();
    let separated = before.ends_with(SEPARATORS);
    let name = before.trim_end_matches(SEPARATORS).trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let person_shaped = (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !separated || !person_shaped || !text[range.end..].trim().is_empty() {
        return None;
    }
    let cleaned = plausible_names(name);
    (cleaned.len() == 1 && cleaned[0] == name && !textmeta::is_organisation(name))
        .then(|| name.to_string())
}

/// An element's text with a space between its text nodes, so a label and a name in
/// separate elements ("<div>Author</div><div>Marta</div>") do not run together.
/// Text for screen readers only (a brand or section name, "Posted by") is not shown in the
/// byline.
fn spaced_text(doc: &Document, id: NodeId) -> String {
    let mut out = String::new();
    for node in doc.descendants(id) {
        if let Some(text) = doc.text(node)
            && !screen_reader_only(doc, id, node)
        {
            out.push_str(text);
            out.push(' ');
        }
        if out.len() > MAX_BYLINE_CHARS * 8 {
            break;
        }
    }
    collapse(&out)
}

/// Class names of text kept for screen readers and hidden from sight.
const SCREEN_READER_CLASSES: &[&str] = &[
    "visually-hidden",
    "visuallyhidden",
    "sr-only",
    "screen-reader",
    "screenreader",
];

/// Whether `node`, or an element between it and `top`, is shown to screen readers only.
fn screen_reader_only(doc: &Document, top: NodeId, node: NodeId) -> bool {
    let mut current = Some(node);
    while let Some(id) = current {
        if doc.attr(id, "class").is_some_and(|class| {
            let class = class.to_ascii_lowercase();
            SCREEN_READER_CLASSES.iter().any(|c| class.contains(c))
        }) {
            return true;
        }
        if id == top {
            break;
        }
        current = doc.parent(id);
    }
    false
}

/// `itemprop=author`: a nested `itemprop=name`, a `content` attribute, or the text.
fn prop_name(doc: &Document, id: NodeId) -> Option<String> {
    if let Some(content) = doc.attr(id, "content") {
        return Some(collapse(content)).filter(|c| !c.contains("://"));
    }
    let named = doc
        .descendants(id)
        .find(|&d| doc.attr(d, "itemprop") == Some("name"));
    if let Some(name) = named {
        return Some(
            doc.attr(name, "content")
                .map(collapse)
                .unwrap_or_else(|| collapse(&doc.text_content(name))),
        );
    }
    Some(collapse(&doc.text_content(id)))
}

/// "Example Times" for the site "The Example Times", or a domain like `example.com`.
fn names_site(name: &str, site: &str) -> bool {
    let name = normalise(name);
    name == site
        || (name.len() * 2 >= site.len() && site.contains(&name))
        || (site.len() > 3 && name.contains(site))
        || name.rsplit('.').next().is_some_and(|tld| {
            name.contains('.') && !name.contains(' ') && (2..=6).contains(&tld.len())
        })
}

/// Interface words that byline boxes hold next to names ("Follow", "Kategorien"); the
/// social-network and share words `clean_authors` already drops are not repeated here.
const NOT_NAMES: &[&str] = &[
    "teilen",
    "follow",
    "folgen",
    "abonnieren",
    "news",
    "nachrichten",
    "tags",
    "kategorien",
    "categories",
    "category",
    "kategorie",
    "more",
    "mehr",
    "profile",
    "profil",
    "contact",
    "kontakt",
    "alle beiträge",
    "all posts",
    "view all",
    "read more",
];
/// The names of a byline as the page shows it, cleaned, without what only looks like one.
fn plausible_names(raw: &str) -> Vec<String> {
    textmeta::clean_authors(raw)
        .into_iter()
        .filter(|n| plausible_visible_name(n))
        .collect()
}

/// A name read from visible page text: not an interface word, and not several lower-case
/// words. Declared metadata is trusted without this check.
fn plausible_visible_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    if NOT_NAMES.contains(&lower.as_str())
        || lower.split_whitespace().all(|w| NOT_NAMES.contains(&w))
    {
        return false;
    }
    // "of the article" is a sentence fragment; a single lower-case word is a user handle.
    let words = name.split_whitespace().count();
    words == 1
        || name
            .split_whitespace()
            .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
            .any(|c| !c.is_lowercase())
}

fn dedup(names: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    names
        .into_iter()
        .filter(|n| seen.insert(n.to_lowercase()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::name_date_line;

    #[test]
    fn a_name_and_a_date_alone_make_a_byline() {
        assert_eq!(
            name_date_line("Martin Greaves · 30 January 2022").as_deref(),
            Some("Martin Greaves")
        );
        assert_eq!(
            name_date_line("Ana Ruiz | 2022-01-30").as_deref(),
            Some("Ana Ruiz")
        );
        // A place, an organisation, a sentence, or no separator: not a byline.
        assert_eq!(name_date_line("Berlin · 30 January 2022"), None);
        assert_eq!(name_date_line("Metro News Desk · 30 January 2022"), None);
        assert_eq!(name_date_line("Martin Greaves 30 January 2022"), None);
        assert_eq!(name_date_line("The council met on · 30 January 2022"), None);
        assert_eq!(
            name_date_line("Martin Greaves · 30 January 2022 in Leeds"),
            None
        );
    }
}
