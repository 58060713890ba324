//! Where a metadata node sits relative to the article: bylines and dates belong to the
//! story when they are inside it or next to its headline, not in a teaser, sidebar or footer.

use std::ops::ControlFlow;
use std::sync::LazyLock;

use dateline_html::{Document, NodeId, local_name};

use aho_corasick::AhoCorasick;

/// Ancestors climbed when judging a node's surroundings.
const MAX_CLIMB: usize = 24;

/// The anchors a node's position is measured from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Anchors {
    /// The headline element.
    pub headline: Option<NodeId>,
    /// The top element of the chosen article body.
    pub body: Option<NodeId>,
}

impl Anchors {
    /// Smaller is closer to the story; `None` when the node sits in page furniture.
    pub(crate) fn distance(&self, doc: &Document, id: NodeId) -> Option<usize> {
        if in_furniture(doc, id, self.body) {
            return None;
        }
        if let Some(body) = self.body
            && is_ancestor(doc, body, id)
        {
            return Some(0);
        }
        let at = id.index();
        let from = |anchor: NodeId| at.abs_diff(anchor.index());
        match (self.headline, self.body) {
            (Some(h), Some(b)) => Some(from(h).min(from(b))),
            (Some(a), None) | (None, Some(a)) => Some(from(a)),
            // Without anchors, document order is the only evidence.
            (None, None) => Some(at),
        }
    }
}

/// Calls `visit` with each non-blank text node under `<body>`, in document order, skipping
/// subtrees that are never content and the subtree of `skip` (the headline, whose own words
/// are not a byline or a date stamp); with `skip_furniture` also `<nav>`, `<aside>` and
/// `<footer>`, which carry other stories' bylines and dates. Stops when `visit` breaks.
pub(crate) fn visit_text<'d>(
    doc: &'d Document,
    skip: Option<NodeId>,
    skip_furniture: bool,
    mut visit: impl FnMut(NodeId, &'d str) -> ControlFlow<()>,
) {
    let start = doc.body().unwrap_or(doc.root());
    let mut walk = doc.descendants(start);
    while let Some(id) = walk.next() {
        if Some(id) == skip {
            walk.skip_subtree(id);
            continue;
        }
        if let Some(tag) = doc.html_tag(id) {
            let furniture = skip_furniture
                && matches!(
                    *tag,
                    local_name!("aside") | local_name!("nav") | local_name!("footer")
                );
            if furniture || crate::tags::is_never_content(tag) {
                walk.skip_subtree(id);
            }
            continue;
        }
        if let Some(text) = doc.text(id).map(str::trim).filter(|t| !t.is_empty())
            && visit(id, text).is_break()
        {
            return;
        }
    }
}

pub(crate) fn is_ancestor(doc: &Document, ancestor: NodeId, mut id: NodeId) -> bool {
    for _ in 0..4096 {
        if id == ancestor {
            return true;
        }
        match doc.parent(id) {
            Some(parent) => id = parent,
            None => return false,
        }
    }
    false
}

/// Inside navigation, a footer, an aside, a teaser list or reader comments. A story's own
/// footer (`<article><footer>`, Blogger's `post-footer`, WordPress's `entry-footer`) holds
/// its byline and dates, so it is not furniture; nor is anything that encloses the story's
/// body (Blogger wraps its posts in a `widget`).
fn in_furniture(doc: &Document, id: NodeId, body: Option<NodeId>) -> bool {
    // Asked only of furniture-like containers, so the ancestor walk runs rarely.
    let apart_from_story =
        |container: NodeId| !body.is_some_and(|b| is_ancestor(doc, container, b));
    let mut node = Some(id);
    for _ in 0..MAX_CLIMB {
        let Some(current) = node else { break };
        if let Some(element) = doc.element(current) {
            match *element.tag() {
                local_name!("nav") => return apart_from_story(current),
                local_name!("aside") => {
                    return !is_story_meta_box(element) && apart_from_story(current);
                }
                local_name!("footer") => {
                    return !inside(doc, current, "article") && apart_from_story(current);
                }
                local_name!("body") | local_name!("article") | local_name!("main") => return false,
                _ => {}
            }
            let names = [element.attr("class"), element.attr("id")];
            if names
                .into_iter()
                .flatten()
                .any(|name| is_furniture_name(name) && !is_story_footer_name(name))
            {
                return apart_from_story(current);
            }
        }
        node = doc.parent(current);
    }
    false
}

/// Whether an element named `tag` encloses `id` (below `<body>`, within a few levels).
pub(crate) fn inside(doc: &Document, id: NodeId, tag: &str) -> bool {
    let mut node = doc.parent(id);
    for _ in 0..MAX_CLIMB {
        let Some(current) = node else { break };
        match doc.html_tag(current).map(|name| &**name) {
            Some(name) if name == tag => return true,
            Some("body") => return false,
            _ => {}
        }
        node = doc.parent(current);
    }
    false
}

/// An `<aside>` named as the story's meta box (`<aside class="meta">` beside the standfirst,
/// `post-meta`, `byline`) holds the story's own date and byline; any other aside is a
/// sidebar.
fn is_story_meta_box(element: &dateline_html::Element) -> bool {
    let names = [element.attr("class"), element.attr("id")];
    let names = || names.into_iter().flatten();
    names().any(|name| {
        let name = name.to_ascii_lowercase();
        name.contains("meta") || name.contains("byline")
    }) && !names().any(is_furniture_name)
}

/// Class names of a story's own footer, which carries its byline and tags.
fn is_story_footer_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [
        "post-footer",
        "entry-footer",
        "article-footer",
        "story-footer",
    ]
    .iter()
    .any(|footer| name.contains(footer))
        && !["comment", "related", "sidebar", "widget"]
            .iter()
            .any(|other| name.contains(other))
}

/// Class/id substrings of containers whose dates and names belong to other stories or to
/// readers. Not "teaser" or "promo": CMSs also give those names to the article's own lead
/// figure and standfirst; distance to the headline sorts those out instead.
const FURNITURE_NAMES: &[&str] = &[
    "related",
    "sidebar",
    "recommend",
    "widget",
    "popular",
    "trending",
    "comment",
    "more-stories",
    "morestories",
    "newsletter",
    "footer",
];

static FURNITURE_MATCHER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(FURNITURE_NAMES)
        .ok()
});

fn is_furniture_name(name: &str) -> bool {
    match FURNITURE_MATCHER.as_ref() {
        Some(matcher) => matcher.is_match(name),
        None => {
            let name = name.to_ascii_lowercase();
            FURNITURE_NAMES.iter().any(|f| name.contains(f))
        }
    }
}
