//! What an element's `class` and `id` say about it.
//!
//! Sites name their boilerplate in English far more often than in their own language, but
//! the common non-English names are here too. Words that are risky as substrings ("ad",
//! "nav", "tag", "print") only count as whole tokens of the class/id.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use dateline_html::{Element, local_name};

/// What the class and id of an element suggest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    /// Navigation, sharing, comments, ads, related stories and the like.
    Boilerplate,
    /// Names used for the article body.
    Content,
    /// Nothing either way.
    Neutral,
}

const BOILERPLATE_SUBSTRINGS: &[&str] = &[
    "comment",
    "trackback",
    "sidebar",
    "footer",
    "navbar",
    "navigation",
    "breadcrumb",
    "newsletter",
    "subscri",
    "cookie",
    "consent",
    "gdpr",
    "advert",
    "sponsor",
    "promo",
    "related",
    "recommend",
    "social",
    "share",
    "sharing",
    "popup",
    "modal",
    "lightbox",
    "skiplink",
    "skip-link",
    "outbrain",
    "taboola",
    "disqus",
    "signup",
    "sign-up",
    "login",
    "toolbar",
    "author-bio",
    "author-box",
    "authorbio",
    "about-author",
    "tagcloud",
    "tag-cloud",
    "pagination",
    "pager",
    "dropdown",
    "trending",
    "popular",
    "more-stories",
    "morestories",
    "read-more",
    "readmore",
    "read-next",
    "readnext",
    "also-read",
    "see-also",
    "masthead",
    "screen-reader",
    "sr-only",
    "visually-hidden",
    "offscreen",
    "byline",
    "dateline-meta",
    "article-meta",
    "post-meta",
    "entry-meta",
    "meta-data",
    "rating",
    "banner",
    "carousel",
    "slideshow-nav",
    "topics",
    "follow-us",
    "followus",
    "print-link",
    "kommentar",
    "teilen",
    "werbung",
    "anzeige",
    "mehr-zum-thema",
    "weitere-artikel",
    "compartir",
    "relacionad",
    "publicidad",
    "partager",
    "commentaire",
    "annonce",
    "condividi",
    "correlat",
    "pubblicit",
    "reclame",
    "gerelateerd",
    "reklam",
    "komentar",
    "polecane",
    "zobacz-tez",
    "donate",
    "donation",
];

const BOILERPLATE_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "nav",
    "menu",
    "tags",
    "tag",
    "print",
    "aside",
    "header-nav",
    "masthead",
    "sitemap",
    "social",
    "share",
    "bio",
    "credits",
    "foot",
    "pub",
    "noprint",
    "subnav",
    "topnav",
    "legal",
    "copyright",
    "disclaimer",
    "overlay",
    // "Call to action": donation, membership and app-download boxes.
    "cta",
];

/// Class names that hide an element (Bootstrap, utility CSS); only as the whole name, since
/// Drupal's `field--label-hidden` hides a label, not the field.
const HIDING_NAMES: &[&str] = &[
    "hidden",
    "hide",
    "d-none",
    "is-hidden",
    "invisible",
    "display-none",
];

const CONTENT_SUBSTRINGS: &[&str] = &[
    "article",
    "content",
    "entry",
    "story",
    "post-body",
    "postbody",
    "post-content",
    "text",
    "hentry",
    "main",
    "body",
    "blog",
    "artikel",
    "contenido",
    "contenu",
    "inhalt",
    "testo",
    "tresc",
];

static BOILERPLATE_MATCHER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(BOILERPLATE_SUBSTRINGS).ok());
static CONTENT_MATCHER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(CONTENT_SUBSTRINGS).ok());

fn contains_any(matcher: &LazyLock<Option<AhoCorasick>>, words: &[&str], text: &str) -> bool {
    match matcher.as_ref() {
        Some(matcher) => matcher.is_match(text),
        None => words.iter().any(|w| text.contains(w)),
    }
}

/// Class names that mark the article body so reliably that they outweigh any boilerplate
/// word beside them (`class="hentry tag-share"`).
const STRONG_CONTENT_NAMES: &[&str] = &[
    "hentry",
    "entry-content",
    "post-content",
    "post-body",
    "article-body",
    "articlebody",
    "article-content",
    "article__body",
    "article__content",
    "article__text",
    "article-body__content",
    "story__body",
    "story__content",
    "post__content",
    "entry__content",
    "article-text",
    "story-body",
    "story-content",
    "main-content",
    "content-body",
    "td-post-content",
    "single-content",
    "post-entry",
];

/// Class names CMS themes give the element that holds the story's text and nothing else
/// (not the title or the byline, as `hentry` or `post` do).
const BODY_ONLY_NAMES: &[&str] = &[
    "entry-content",
    "post-body",
    "post-content",
    "article-body",
    "articlebody",
    "article-content",
    "article__body",
    "story-body",
    "td-post-content",
];

/// Whether a `class` attribute names the story's text container ([`BODY_ONLY_NAMES`]).
pub(crate) fn names_story_text(class: &str) -> bool {
    class
        .split_ascii_whitespace()
        .any(|name| BODY_ONLY_NAMES.iter().any(|b| name.eq_ignore_ascii_case(b)))
}

/// Markers CMSs use to list an article's taxonomy in its class (`tag-chicken`,
/// `category-news`): they name the article's topics, not the element's role.
const TAXONOMY_MARKERS: &[&str] = &[
    "tag-",
    "category-",
    "type-",
    "format-",
    "status-",
    "postid-",
    "tags-",
];

/// The verdicts on class attributes and ids, remembered per distinct string of one page:
/// list items, teasers and grid cells repeat the same class string hundreds of times, and
/// judging it is the costly part (lower-casing, token splits, two automata). Class and id are
/// cached apart because ids are mostly unique (`post-1234`): a cache keyed on the pair
/// missed on nearly every element and judged its class names again each time.
///
/// aHash: the keys come from the page, so the hasher stays keyed per process (a page cannot
/// pick colliding class names), and it costs a fraction of SipHash.
pub(crate) struct HintCache<'a> {
    classes: HashMap<&'a str, Flags, ahash::RandomState>,
    ids: HashMap<&'a str, Flags, ahash::RandomState>,
    lower: String,
}

/// Verdicts on single names ("col", "item", "post-1234") kept beyond this many, or beyond
/// [`MAX_REMEMBERED_BYTES`] of names, are forgotten all at once: a few MiB per thread at
/// most, whatever the pages (a name is at most 200 bytes, the class prefix judged).
const MAX_REMEMBERED_NAMES: usize = 1 << 16;

/// Bytes of remembered names beyond which they are forgotten (see [`MAX_REMEMBERED_NAMES`]).
const MAX_REMEMBERED_BYTES: usize = 1 << 20;

/// The remembered verdicts and the bytes of their names.
struct NameMemo {
    verdicts: HashMap<Box<str>, Flags, ahash::RandomState>,
    bytes: usize,
}

thread_local! {
    /// Verdicts on single names, kept per thread across pages: class lists that differ share
    /// most of their names, and so do the pages of one site (its theme's names), so most
    /// names of a page were judged on an earlier one. A name's verdict depends on the name
    /// alone, so remembering it cannot change a result. Judging each name again on every
    /// page was 4 % of the instructions of a corpus run.
    static NAME_VERDICTS: RefCell<NameMemo> = RefCell::new(NameMemo {
        verdicts: HashMap::with_capacity_and_hasher(4096, Default::default()),
        bytes: 0,
    });
}

impl Default for HintCache<'_> {
    /// Maps sized for a typical news page (about 100 distinct class strings and 50 ids), so
    /// that filling them rarely rehashes.
    fn default() -> Self {
        let map = |capacity| HashMap::with_capacity_and_hasher(capacity, Default::default());
        Self {
            classes: map(128),
            ids: map(64),
            lower: String::new(),
        }
    }
}

impl<'a> HintCache<'a> {
    /// What the element's class and id say (see [`name_flags`]).
    pub(crate) fn hint(&mut self, element: &'a Element) -> Hint {
        let (class, id) = class_and_id(element);
        if class.is_empty() && id.is_empty() {
            return Hint::Neutral;
        }
        // An empty attribute has no names: no lookup (most elements lack one of the two).
        let class_flags = if class.is_empty() {
            Flags::default()
        } else if let Some(&flags) = self.classes.get(class) {
            flags
        } else {
            let flags = self.flags_of(class_names(class));
            self.classes.insert(class, flags);
            flags
        };
        let id_flags = if id.is_empty() {
            Flags::default()
        } else if let Some(&flags) = self.ids.get(id) {
            flags
        } else {
            let flags = self.flags_of(id_names(id));
            self.ids.insert(id, flags);
            flags
        };
        class_flags.or(id_flags).hint()
    }

    fn flags_of(&mut self, names: impl Iterator<Item = &'a str>) -> Flags {
        let lower = &mut self.lower;
        NAME_VERDICTS.with(|memo| {
            let Ok(mut memo) = memo.try_borrow_mut() else {
                return names
                    .map(|name| name_flags(name, lower))
                    .fold(Flags::default(), Flags::or);
            };
            let mut flags = Flags::default();
            for name in names {
                let found = match memo.verdicts.get(name) {
                    Some(&found) => found,
                    None => {
                        let found = name_flags(name, lower);
                        if memo.verdicts.len() >= MAX_REMEMBERED_NAMES
                            || memo.bytes >= MAX_REMEMBERED_BYTES
                        {
                            memo.verdicts.clear();
                            memo.bytes = 0;
                        }
                        memo.bytes += name.len();
                        memo.verdicts.insert(name.into(), found);
                        found
                    }
                };
                flags = flags.or(found);
            }
            flags
        })
    }
}

/// The only inputs of the verdict, and so the cache key.
fn class_and_id(element: &Element) -> (&str, &str) {
    (
        element.attr_atom(&local_name!("class")).unwrap_or(""),
        element.attr_atom(&local_name!("id")).unwrap_or(""),
    )
}

/// What the names of one attribute say; a class list and an id are judged apart and their
/// findings joined, which gives the verdict judging all their names together would.
#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    /// A name that marks the article body however it is combined.
    strong: bool,
    boilerplate: bool,
    content: bool,
}

impl Flags {
    fn or(self, other: Flags) -> Flags {
        Flags {
            strong: self.strong || other.strong,
            boilerplate: self.boilerplate || other.boilerplate,
            content: self.content || other.content,
        }
    }

    fn hint(self) -> Hint {
        if self.strong {
            Hint::Content
        } else if self.boilerplate {
            Hint::Boilerplate
        } else if self.content {
            Hint::Content
        } else {
            Hint::Neutral
        }
    }
}

/// Splits class and id into names and judges them, without a cache.
#[cfg(test)]
fn judge(class: &str, id: &str) -> Hint {
    let mut lower = String::new();
    class_names(class)
        .chain(id_names(id))
        .map(|name| name_flags(name, &mut lower))
        .fold(Flags::default(), Flags::or)
        .hint()
}

/// Long generated class lists (utility CSS) say nothing reliable past the first few names.
fn class_names(class: &str) -> std::str::SplitAsciiWhitespace<'_> {
    crate::text::prefix(class, 200).split_ascii_whitespace()
}

/// Documentation generators and CMSs derive ids from headings
/// ("sharing-with-a-single-developer"); such a slug names the section's topic, not its role,
/// so it is not read for boilerplate words.
fn id_names(id: &str) -> std::str::SplitAsciiWhitespace<'_> {
    let id = crate::text::prefix(id, 100);
    let is_slug = id.split(['-', '_']).filter(|part| !part.is_empty()).count() >= 4;
    if is_slug { "" } else { id }.split_ascii_whitespace()
}

/// What one class name or id says; `lower` is a reusable buffer.
fn name_flags(name: &str, lower: &mut String) -> Flags {
    let mut flags = Flags::default();
    lower.clear();
    lower.push_str(name);
    lower.make_ascii_lowercase();
    let name = lower.as_str();
    if ends_like_strong_name(name)
        && (STRONG_CONTENT_NAMES.contains(&name) || names_strong_content_with_prefix(name))
    {
        flags.strong = true;
        return flags;
    }
    // BEM names (`block__element--modifier`): the element part says what this is; the
    // block part names the surrounding layout (`sidebar-grid__content` is content).
    // (Byte scans, not `str` pattern searches: those set up a searcher per call, and this
    // runs for every distinct name of every page.)
    let name = match name.as_bytes().windows(2).rposition(|w| w == b"__") {
        Some(at) => {
            let element = &name[at + 2..];
            element.split("--").next().unwrap_or(element)
        }
        None => name,
    };
    if is_taxonomy(name) {
        return flags;
    }
    // An opinion column ("commentary") is a kind of story, not reader comments. (German
    // "Kommentar" names both, so only the English genre name is set aside.)
    let genre_free;
    let name = if name
        .as_bytes()
        .windows(COMMENTARY.len())
        .any(|w| w == COMMENTARY.as_bytes())
    {
        genre_free = name.replace(COMMENTARY, "");
        genre_free.as_str()
    } else {
        name
    };
    // Themes join words with `_` as often as with `-` (`about_author`, `read_more`); the
    // name lists are written with hyphens.
    let hyphenated;
    let name = if name.contains('_') {
        hyphenated = name.replace('_', "-");
        hyphenated.as_str()
    } else {
        name
    };
    flags.boilerplate = names_boilerplate(name);
    flags.content = contains_any(&CONTENT_MATCHER, CONTENT_SUBSTRINGS, name);
    flags
}

/// Which bytes end a [`STRONG_CONTENT_NAMES`] entry.
const STRONG_LAST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < STRONG_CONTENT_NAMES.len() {
        if let Some(&last) = STRONG_CONTENT_NAMES[i].as_bytes().last() {
            table[last as usize] = true;
        }
        i += 1;
    }
    table
};

/// Whether `name` ends as some strong name does: most names do not, and are ruled out
/// without comparing each strong name with their end.
fn ends_like_strong_name(name: &str) -> bool {
    name.as_bytes()
        .last()
        .is_some_and(|&b| STRONG_LAST_BYTES[usize::from(b)])
}

/// A strong name with a qualifier before it (`single-article-content`, `main_entry-content`):
/// themes prefix the layout, and the qualifier is only trusted when it names no boilerplate
/// (`related-post-content` stays a teaser).
fn names_strong_content_with_prefix(name: &str) -> bool {
    STRONG_CONTENT_NAMES.iter().any(|strong| {
        let Some(qualifier) = name
            .strip_suffix(strong)
            .and_then(|rest| rest.strip_suffix(['-', '_']))
        else {
            return false;
        };
        !qualifier.is_empty() && !names_boilerplate(qualifier)
    })
}

fn names_boilerplate(name: &str) -> bool {
    // "print" names a print button, unless it names what is printed: a recipe plugin's
    // `print-this-content` or a theme's `printable-article` is the story.
    let printed_content = || contains_any(&CONTENT_MATCHER, CONTENT_SUBSTRINGS, name);
    HIDING_NAMES.contains(&name)
        || contains_any(&BOILERPLATE_MATCHER, BOILERPLATE_SUBSTRINGS, name)
        || name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|token| {
                BOILERPLATE_TOKENS.contains(&token) && !(token == PRINT && printed_content())
            })
}

/// The boilerplate token that a content word beside it turns into the story's name.
const PRINT: &str = "print";

/// The editorial genre, which contains "comment" but names a story.
const COMMENTARY: &str = "commentary";

/// Names of reader-comment threads.
const COMMENT_NAMES: &[&str] = &["comment", "disqus", "kommentar", "komentar"];
/// Names of elements that hold a line (a byline) or a few (a row of post metadata, which
/// may grow to an author's bio), never a whole story; with the non-link text beyond which
/// such an element is a mislabelled wrapper of the story.
const SMALL_FURNITURE_NAMES: &[(&str, u32)] = &[("byline", 300), ("meta", 1000)];
/// The smallest of those limits.
pub(crate) const SMALL_FURNITURE_MIN_LIMIT: u32 = 300;

/// The class or id names a reader-comment thread.
pub(crate) fn names_comments(element: &Element) -> bool {
    class_or_id_contains(element, COMMENT_NAMES)
}

/// Names of a column beside the story.
const SIDEBAR_NAMES: &[&str] = &["sidebar"];
/// Names that make a sidebar-named element a layout holding the story
/// (`l-sidebar-fixed l-article-body-segment`).
const STORY_LAYOUT_NAMES: &[&str] = &[
    "article", "content", "story", "entry", "post", "main", "body",
];

/// The class or id names a sidebar column, and nothing of the story.
pub(crate) fn names_sidebar(element: &Element) -> bool {
    class_or_id_contains(element, SIDEBAR_NAMES)
        && !class_or_id_contains(element, STORY_LAYOUT_NAMES)
}

/// For a class or id naming a byline or a metadata row, the most non-link text such an
/// element holds (more means it is misnamed).
pub(crate) fn small_furniture_limit(element: &Element) -> Option<u32> {
    SMALL_FURNITURE_NAMES
        .iter()
        .find(|(word, _)| class_or_id_contains(element, &[word]))
        .map(|&(_, limit)| limit)
}

fn class_or_id_contains(element: &Element, words: &[&str]) -> bool {
    [local_name!("class"), local_name!("id")]
        .iter()
        .any(|attr| {
            element.attr_atom(attr).is_some_and(|value| {
                let lower = crate::text::prefix(value, 200)
                    .to_ascii_lowercase()
                    .replace(COMMENTARY, "");
                words.iter().any(|w| lower.contains(w))
            })
        })
}

/// `tag-chicken`, `entry-category-news`: a taxonomy marker at the start or after a hyphen.
fn is_taxonomy(name: &str) -> bool {
    let starts = std::iter::once(0).chain(name.match_indices('-').map(|(at, _)| at + 1));
    starts.filter_map(|at| name.get(at..)).any(|rest| {
        TAXONOMY_MARKERS
            .iter()
            .any(|marker| rest.starts_with(marker))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(element: &Element) -> Hint {
        HintCache::default().hint(element)
    }

    fn element_with(class: &str, id: &str) -> Element {
        let html = format!("<div class=\"{class}\" id=\"{id}\">x</div>");
        let doc = dateline_html::parse(&html, &dateline_html::Limits::default());
        let div = doc
            .find_tag(doc.root(), &dateline_html::local_name!("div"))
            .and_then(|id| doc.element(id).cloned());
        div.unwrap_or_else(|| panic!("no div in {html}"))
    }

    #[test]
    fn judges_common_names() {
        assert_eq!(hint(&element_with("share-buttons", "")), Hint::Boilerplate);
        assert_eq!(hint(&element_with("col ad", "")), Hint::Boilerplate);
        assert_eq!(hint(&element_with("", "comments")), Hint::Boilerplate);
        assert_eq!(hint(&element_with("article-body", "")), Hint::Content);
        assert_eq!(hint(&element_with("shadow", "")), Hint::Neutral);
        // Underscores join the words as hyphens do.
        assert_eq!(hint(&element_with("about_author", "")), Hint::Boilerplate);
        assert_eq!(hint(&element_with("", "more_stories")), Hint::Boilerplate);
        assert_eq!(hint(&element_with("blueprint", "")), Hint::Neutral);
        assert_eq!(hint(&element_with("artikel-teilen", "")), Hint::Boilerplate);
        assert_eq!(
            hint(&element_with("widget-custom-cta-letter", "")),
            Hint::Boilerplate
        );
        assert_eq!(hint(&element_with("donation-box", "")), Hint::Boilerplate);
        assert_eq!(hint(&element_with("octahedron", "")), Hint::Neutral);
        assert_eq!(
            hint(&element_with("post hentry tag-share tag-ad", "")),
            Hint::Content
        );
        assert_eq!(
            hint(&element_with("post category-ads tag-menu", "")),
            Hint::Neutral
        );
        assert_eq!(
            hint(&element_with("sect news subjective commentary", "")),
            Hint::Neutral
        );
        assert_eq!(
            hint(&element_with("commentary-comments", "")),
            Hint::Boilerplate
        );
        // A print button is boilerplate; the content a print plugin marks is the story.
        assert_eq!(hint(&element_with("print", "")), Hint::Boilerplate);
        assert_eq!(
            hint(&element_with("print-this-button", "")),
            Hint::Boilerplate
        );
        assert_eq!(hint(&element_with("print-this-content", "")), Hint::Content);
        assert_eq!(hint(&element_with("nav-content", "")), Hint::Boilerplate);
        // Popups and lightboxes hold captions and teaser videos, never the story.
        assert_eq!(
            hint(&element_with("pmc-trailer-widget-lightbox", "")),
            Hint::Boilerplate
        );
    }

    #[test]
    fn qualified_strong_name_outweighs_a_navigation_id() {
        // A theme reused WordPress's `nav-single` id for the article wrapper.
        assert_eq!(judge("single-article-content", "nav-single"), Hint::Content);
        assert_eq!(judge("main_entry-content", "sidebar"), Hint::Content);
        // The qualifier must not itself name boilerplate.
        assert_eq!(judge("related-post-content", ""), Hint::Boilerplate);
        assert_eq!(judge("sidebar-article-content", ""), Hint::Boilerplate);
        assert_eq!(judge("x-article-content", "nav"), Hint::Content);
    }

    #[test]
    fn every_strong_name_passes_the_last_byte_check() {
        for strong in STRONG_CONTENT_NAMES {
            assert!(ends_like_strong_name(strong), "{strong}");
            assert!(
                ends_like_strong_name(&format!("single-{strong}")),
                "{strong}"
            );
            assert_eq!(judge(strong, "nav"), Hint::Content, "{strong}");
        }
        assert!(!ends_like_strong_name(""));
        assert!(!ends_like_strong_name("sidebar"));
    }

    #[test]
    fn remembered_names_stay_bounded_and_judge_alike() {
        let names: Vec<String> = (0..70_000).map(|i| format!("block-{i}-sidebar")).collect();
        let mut cache = HintCache::default();
        for chunk in names.chunks(1000) {
            let flags = cache.flags_of(chunk.iter().map(String::as_str));
            assert!(flags.boilerplate && !flags.strong);
        }
        NAME_VERDICTS.with(|memo| {
            let memo = memo.borrow();
            assert!(memo.verdicts.len() <= MAX_REMEMBERED_NAMES);
            assert!(memo.bytes <= MAX_REMEMBERED_BYTES + 200);
        });
        // A remembered verdict is the fresh one.
        let mut lower = String::new();
        for name in [
            "entry-content",
            "related-posts",
            "col-md-8",
            "block-69999-sidebar",
        ] {
            let remembered = cache.flags_of(std::iter::once(name)).hint();
            assert_eq!(remembered, name_flags(name, &mut lower).hint(), "{name}");
        }
    }

    #[test]
    fn one_cache_judges_like_fresh_ones() {
        let pairs = [
            ("share-buttons", ""),
            ("article-body", ""),
            ("share-buttons", "main"),
            ("", "comments"),
            ("share-buttons", ""),
            ("post hentry tag-share", ""),
            ("", ""),
            ("share-buttons", "entry-content"),
            ("story", "post-1234"),
            ("story", "sidebar"),
            ("", "sharing-with-a-single-developer"),
        ];
        let elements: Vec<Element> = pairs.iter().map(|(c, i)| element_with(c, i)).collect();
        let mut shared = HintCache::default();
        for (element, (class, id)) in elements.iter().zip(pairs) {
            assert_eq!(shared.hint(element), hint(element));
            assert_eq!(shared.hint(element), judge(class, id), "{class:?} {id:?}");
        }
        assert_eq!(judge("share-buttons", "entry-content"), Hint::Content);
        assert_eq!(judge("story", "sidebar"), Hint::Boilerplate);
        assert_eq!(judge("", "sharing-with-a-single-developer"), Hint::Neutral);
    }
}
