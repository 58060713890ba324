//! Stage 1 and 2: prune what is never content, then measure every element.
//!
//! One pre-order walk marks removed subtrees (non-content tags, hidden elements, page
//! chrome and boilerplate-named containers) and records the visit order; walking that order
//! backwards visits children before parents, which accumulates text and link lengths for
//! every element without recursion.

use dateline_html::{Document, NodeId, NodeKind, local_name};

use crate::hints::{Hint, HintCache};
use crate::metadata::position::is_ancestor;
use crate::tags::{is_block, is_chrome, is_never_content};
use crate::text::char_len;

/// Per-node measurements, indexed by [`NodeId::index`].
pub(crate) struct Analysis {
    /// The subtree is not content.
    pub removed: Vec<bool>,
    /// Non-whitespace characters of kept text below the node.
    pub text_chars: Vec<u32>,
    /// Of those, characters inside links.
    pub link_chars: Vec<u32>,
    /// Characters of text below the node that are not inside a nested block element.
    pub inline_chars: Vec<u32>,
    /// Characters of text inside `<p>` elements below the node: prose, as opposed to
    /// menus and teasers.
    pub para_chars: Vec<u32>,
    /// Kept nodes in document order.
    pub order: Vec<NodeId>,
    /// What each element's class and id say, computed once (Neutral for non-elements and
    /// for everything inside a removed subtree, which is never judged).
    pub hints: Vec<Hint>,
}

impl Analysis {
    pub(crate) fn link_density(&self, id: NodeId) -> f32 {
        let text = self.text_chars[id.index()];
        if text == 0 {
            return 0.0;
        }
        self.link_chars[id.index()] as f32 / text as f32
    }
}

/// A body text share above which a container is never pruned for its name: some sites wrap
/// the whole page in `class="sidebar-layout"` or `id="comments-enabled"`.
const PROTECTED_SHARE: f32 = 0.4;
/// The same for the share of the page's paragraph text, which ignores menus and footers.
const PROTECTED_PARAGRAPH_SHARE: f32 = 0.5;

pub(crate) fn analyse(doc: &Document, start: NodeId) -> Analysis {
    analyse_with(doc, start, Names::Judged)
}

/// Whether class and id names may remove elements.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Names {
    /// Elements named as furniture (comments, sidebars, sharing) are removed.
    Judged,
    /// Only what tags and roles mark (navigation, footers, asides) is removed: the last
    /// resort for a page whose every text sits in furniture-named elements, such as a forum
    /// thread whose opening post is marked up as the first comment.
    Ignored,
}

pub(crate) fn analyse_with(doc: &Document, start: NodeId, names: Names) -> Analysis {
    let n = doc.len();
    let mut analysis = Analysis {
        removed: vec![false; n],
        text_chars: vec![0; n],
        link_chars: vec![0; n],
        inline_chars: vec![0; n],
        para_chars: vec![0; n],
        order: Vec::with_capacity(n),
        hints: vec![Hint::Neutral; n],
    };
    walk(doc, start, &mut analysis, hard_remove);
    measure(doc, &mut analysis);
    let total = analysis.text_chars[start.index()] as f32;
    let total_para = analysis.para_chars[start.index()] as f32;
    let protected: Vec<bool> = analysis
        .text_chars
        .iter()
        .zip(&analysis.para_chars)
        .map(|(&chars, &para)| {
            (total > 0.0 && chars as f32 >= total * PROTECTED_SHARE)
                || (total_para >= 200.0 && para as f32 >= total_para * PROTECTED_PARAGRAPH_SHARE)
        })
        .collect();
    // One pre-order pass: a node is dead when it or an ancestor was soft-removed (parents
    // come before children, so the parent's verdict is known). Only the topmost removed
    // node of each subtree is subtracted from its ancestors' measurements, which is the
    // same as measuring again without it, at a fraction of the cost.
    let previous = std::mem::take(&mut analysis.order);
    let mut dead = vec![false; n];
    let mut hints = HintCache::default();
    for &id in &previous {
        let parent_dead = doc.parent(id).is_some_and(|p| dead[p.index()]);
        if parent_dead {
            // Nothing reads the names inside a removed subtree (later stages look only at
            // kept nodes and their ancestors), so they are not judged: a page's menus,
            // footers and comment threads are much of its elements.
            dead[id.index()] = true;
            continue;
        }
        if let Some(element) = doc.element(id) {
            analysis.hints[id.index()] = hints.hint(element);
        }
        let hint = match names {
            Names::Judged => analysis.hints[id.index()],
            Names::Ignored => Hint::Neutral,
        };
        if id != start
            && soft_remove(doc, id, hint)
            && !kept_despite_name(doc, &analysis, id, start, protected[id.index()])
        {
            dead[id.index()] = true;
            analysis.removed[id.index()] = true;
            subtract_from_ancestors(doc, &mut analysis, id, start);
            continue;
        }
        analysis.order.push(id);
    }
    analysis
}

/// Non-link text outside a comment thread that makes a story of its own; with less, the
/// comments are the page's content (a "your views" page) and stay.
const STORY_OUTSIDE_COMMENTS_CHARS: u32 = 500;
/// Non-link text above which an `<aside>` holding the headline is the article itself.
const ASIDE_ARTICLE_CHARS: u32 = 500;

/// Whether a container that its tag or name marks as chrome stays: a wrapper holding most of
/// the page (`class="sidebar-layout"`), unless it is a reader-comment thread beside a story
/// (a long thread can hold most of a page's text and still not be the story); an `<aside>`
/// that holds the headline and prose; a byline- or meta-named element that holds a whole
/// story's worth of prose.
fn kept_despite_name(
    doc: &Document,
    analysis: &Analysis,
    id: NodeId,
    start: NodeId,
    protected: bool,
) -> bool {
    let Some(element) = doc.element(id) else {
        return false;
    };
    if protected {
        let comments = crate::hints::names_comments(element)
            && !holds_headline(doc, id)
            && (prose_outside(analysis, id, start) >= STORY_OUTSIDE_COMMENTS_CHARS
                || under_a_comment_counter(doc, analysis, id));
        return !(comments || beside_a_short_story(doc, analysis, id, start, element));
    }
    let prose = prose(analysis, id);
    if *element.tag() == local_name!("aside") {
        return prose >= ASIDE_ARTICLE_CHARS
            && analysis.link_density(id) < 0.3
            && holds_headline(doc, id);
    }
    // Most removed elements hold little text: settle them before reading any names.
    prose >= crate::hints::SMALL_FURNITURE_MIN_LIMIT
        && analysis.link_density(id) < 0.2
        && crate::hints::small_furniture_limit(element).is_some_and(|limit| prose >= limit)
}

/// Levels climbed from a comment thread to find the counter over it.
const COMMENT_COUNTER_LEVELS: usize = 2;
/// Text of an element that can be a comment counter, at most (a heading's worth).
const COMMENT_COUNTER_MAX_CHARS: u32 = 200;

/// Whether the element just before the thread (or before one of its two nearest wrappers)
/// is the counter a blog prints over its comments, `92 Responses to "Headline"`: the thread
/// is about a post however short the post (a video with a two-line description).
fn under_a_comment_counter(doc: &Document, analysis: &Analysis, id: NodeId) -> bool {
    std::iter::successors(Some(id), |&n| doc.parent(n))
        .take(COMMENT_COUNTER_LEVELS)
        .any(|n| {
            std::iter::successors(doc.prev_sibling(n), |&s| doc.prev_sibling(s))
                .find(|&s| doc.element(s).is_some())
                .is_some_and(|counter| {
                    analysis.text_chars[counter.index()] <= COMMENT_COUNTER_MAX_CHARS
                        && crate::flat::boilerplate::counts_comments_on(
                            doc.text_content(counter).trim(),
                        )
                })
        })
}

/// Prose a headline's container needs for the story to stand outside a sidebar.
const STORY_OUTSIDE_SIDEBAR_CHARS: u32 = 100;
/// Levels climbed from a headline to find its story's container.
const HEADLINE_CONTAINER_LEVELS: usize = 3;

/// A sidebar column that outweighs a short post (an "About this blog" widget beside a list of
/// photo credits) is still beside the story when the story's headline stands outside it with
/// prose of its own around it; a logo `<h1>` in a bare header does not count, and neither
/// does a `sidebar-layout` wrapper whose name also says it holds the article.
fn beside_a_short_story(
    doc: &Document,
    analysis: &Analysis,
    id: NodeId,
    start: NodeId,
    element: &dateline_html::Element,
) -> bool {
    if !crate::hints::names_sidebar(element) || holds_headline(doc, id) {
        return false;
    }
    doc.descendants(start)
        .filter(|&node| doc.html_tag(node) == Some(&local_name!("h1")))
        .any(|h1| {
            let mut container = h1;
            for _ in 0..HEADLINE_CONTAINER_LEVELS {
                match doc.parent(container) {
                    Some(parent) if parent != start && !is_ancestor(doc, parent, id) => {
                        container = parent;
                    }
                    _ => break,
                }
            }
            prose(analysis, container) >= STORY_OUTSIDE_SIDEBAR_CHARS
        })
}

/// Non-link text below `id`.
fn prose(analysis: &Analysis, id: NodeId) -> u32 {
    analysis.text_chars[id.index()].saturating_sub(analysis.link_chars[id.index()])
}

/// Non-link text of the page outside `id`.
fn prose_outside(analysis: &Analysis, id: NodeId, start: NodeId) -> u32 {
    prose(analysis, start).saturating_sub(prose(analysis, id))
}

/// An `<h1>` or an `itemprop=articleBody` below `id`: the story, not its comments or sidebar.
fn holds_headline(doc: &Document, id: NodeId) -> bool {
    doc.descendants(id).any(|node| {
        doc.element(node).is_some_and(|e| {
            *e.tag() == local_name!("h1")
                || e.attr_atom(&local_name!("itemprop")) == Some("articleBody")
        })
    })
}

fn subtract_from_ancestors(
    doc: &Document,
    analysis: &mut Analysis,
    removed: NodeId,
    start: NodeId,
) {
    let i = removed.index();
    let (text, links, para) = (
        analysis.text_chars[i],
        analysis.link_chars[i],
        analysis.para_chars[i],
    );
    let mut inline = if doc.html_tag(removed).is_some_and(is_block) {
        0
    } else {
        analysis.inline_chars[i]
    };
    let mut node = doc.parent(removed);
    while let Some(id) = node {
        let a = id.index();
        analysis.text_chars[a] = analysis.text_chars[a].saturating_sub(text);
        analysis.link_chars[a] = analysis.link_chars[a].saturating_sub(links);
        analysis.para_chars[a] = analysis.para_chars[a].saturating_sub(para);
        analysis.inline_chars[a] = analysis.inline_chars[a].saturating_sub(inline);
        if doc.html_tag(id).is_some_and(is_block) {
            inline = 0;
        }
        if id == start {
            break;
        }
        node = doc.parent(id);
    }
}

/// Pre-order walk from `start` recording kept nodes and marking `remove`d subtrees.
fn walk(
    doc: &Document,
    start: NodeId,
    analysis: &mut Analysis,
    remove: impl Fn(&Document, NodeId) -> bool,
) {
    let mut nodes = doc.descendants(start);
    while let Some(id) = nodes.next() {
        if id != start && remove(doc, id) {
            analysis.removed[id.index()] = true;
            nodes.skip_subtree(id);
            continue;
        }
        analysis.order.push(id);
    }
}

fn measure(doc: &Document, analysis: &mut Analysis) {
    for &id in analysis.order.iter().rev() {
        let i = id.index();
        match &doc.node(id).kind {
            NodeKind::Text(text) => {
                let chars = char_len(text) as u32;
                analysis.text_chars[i] = chars;
                analysis.inline_chars[i] = chars;
            }
            NodeKind::Element(element) => {
                if *element.tag() == local_name!("a") {
                    analysis.link_chars[i] = analysis.text_chars[i];
                } else if *element.tag() == local_name!("p") {
                    analysis.para_chars[i] = analysis.text_chars[i];
                }
            }
            _ => {}
        }
        let Some(parent) = doc.parent(id) else {
            continue;
        };
        let p = parent.index();
        analysis.text_chars[p] += analysis.text_chars[i];
        analysis.link_chars[p] += analysis.link_chars[i];
        analysis.para_chars[p] += analysis.para_chars[i];
        let is_block_child = doc.html_tag(id).is_some_and(is_block);
        if !is_block_child {
            analysis.inline_chars[p] += analysis.inline_chars[i];
        }
    }
}

fn hard_remove(doc: &Document, id: NodeId) -> bool {
    match &doc.node(id).kind {
        NodeKind::Comment | NodeKind::Doctype => true,
        NodeKind::Element(element) => {
            if !element.is_html() {
                return true;
            }
            is_never_content(element.tag()) || is_hidden(element)
        }
        _ => false,
    }
}

fn is_hidden(element: &dateline_html::Element) -> bool {
    // One pass over the attributes (this runs for every element); the first of each name
    // counts, as `attr_atom` would find it.
    let (mut aria_hidden, mut style) = (None, None);
    for attr in &element.attrs {
        let name = &attr.name.local;
        if *name == local_name!("hidden") {
            return true;
        } else if *name == local_name!("aria-hidden") {
            aria_hidden = aria_hidden.or(Some(&*attr.value));
        } else if *name == local_name!("style") {
            style = style.or(Some(&*attr.value));
        }
    }
    aria_hidden == Some("true") || style.is_some_and(hides_by_style)
}

/// `display: none` or `visibility: hidden`, in any case and spacing.
fn hides_by_style(style: &str) -> bool {
    let compact: Vec<u8> = style
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| b.to_ascii_lowercase())
        .collect();
    memchr::memmem::find(&compact, b"display:none").is_some()
        || memchr::memmem::find(&compact, b"visibility:hidden").is_some()
}

fn soft_remove(doc: &Document, id: NodeId, hint: Hint) -> bool {
    let Some(element) = doc.element(id) else {
        return false;
    };
    let tag = element.tag();
    if is_chrome(tag) {
        return true;
    }
    if matches!(
        *tag,
        local_name!("body") | local_name!("html") | local_name!("main") | local_name!("article")
    ) || element.attr_atom(&local_name!("itemprop")) == Some("articleBody")
    {
        return false;
    }
    if matches!(
        element.attr_atom(&local_name!("role")),
        Some(
            "navigation"
                | "complementary"
                | "contentinfo"
                | "banner"
                | "dialog"
                | "alert"
                | "menu"
                | "menubar"
                | "search"
        )
    ) {
        return true;
    }
    hint == Hint::Boilerplate && !is_comments_heading(doc, id, tag)
}

/// `<h2 id="comments">Comments</h2>`: named as furniture, but kept for the filter, which
/// ends the story where the comment thread opens (the comments themselves often carry no
/// name at all: `<div id="c169900">`).
fn is_comments_heading(doc: &Document, id: NodeId, tag: &dateline_html::LocalName) -> bool {
    crate::tags::heading_level(tag).is_some()
        && crate::filter::opens_comments(&crate::filter::normalise(&doc.text_content(id)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use dateline_html::{Limits, parse};

    #[test]
    fn prunes_chrome_and_counts_links() {
        let html = "<body><nav><a href=/>Home</a></nav><div id=x><p>Some words here <a href=/a>link</a></p></div><script>var x</script></body>";
        let doc = parse(html, &Limits::default());
        let body = doc.body().unwrap();
        let analysis = analyse(&doc, body);
        assert_eq!(
            analysis.text_chars[body.index()],
            "Somewordsherelink".len() as u32
        );
        let p = doc.find_tag(body, &local_name!("p")).unwrap();
        assert_eq!(analysis.link_chars[p.index()], 4);
        assert!(analysis.inline_chars[p.index()] > 0);
    }

    fn removed_by_id(html: &str, id: &str) -> bool {
        let doc = parse(html, &Limits::default());
        let body = doc.body().unwrap();
        let analysis = analyse(&doc, body);
        let node = doc
            .descendants(body)
            .find(|&n| doc.attr(n, "id") == Some(id))
            .unwrap();
        analysis.removed[node.index()]
    }

    fn sentences(n: usize) -> String {
        "The river rose slowly through the night, and by morning the lower streets were under water. "
            .repeat(n)
    }

    #[test]
    fn comment_thread_beside_a_story_is_pruned_however_long() {
        let story = sentences(8);
        let comment = format!("<div class=c><b>Reader</b><p>{}</p></div>", sentences(2));
        let html = format!(
            "<body><div><h1>Flood</h1><p>{story}</p></div><div id=comments>{}</div></body>",
            comment.repeat(12)
        );
        assert!(removed_by_id(&html, "comments"));
    }

    #[test]
    fn comment_thread_that_is_the_whole_page_stays() {
        let comment = format!("<div class=c><b>Reader</b><p>{}</p></div>", sentences(2));
        let html = format!(
            "<body><p>Your views on the flood</p><div id=comments>{}</div></body>",
            comment.repeat(12)
        );
        assert!(!removed_by_id(&html, "comments"));
    }

    #[test]
    fn page_wrapper_named_for_comments_stays_when_it_holds_the_headline() {
        let html = format!(
            "<body><div id=comments-enabled><h1>Flood</h1><p>{}</p><div class=c>{}</div></div>\
             <div>{}</div></body>",
            sentences(8),
            sentences(2),
            sentences(4)
        );
        assert!(!removed_by_id(&html, "comments-enabled"));
    }

    #[test]
    fn story_wrapped_in_a_byline_span_stays() {
        let html = format!(
            "<body><div><h3>Flood</h3><span class=byline-author id=story>{}</span></div>\
             <span class=byline id=real>By Ann Lee</span><div>{}</div></body>",
            sentences(5),
            "<a href=/x>Another story on another subject</a> ".repeat(20)
        );
        assert!(!removed_by_id(&html, "story"));
        assert!(removed_by_id(&html, "real"));
    }

    #[test]
    fn author_bio_in_a_meta_row_is_still_pruned() {
        let html = format!(
            "<body><div><h1>Flood</h1><p>{}</p><div class=entry-meta id=bio>About the writer: {}</div></div></body>",
            sentences(20),
            sentences(3)
        );
        assert!(removed_by_id(&html, "bio"));
    }

    #[test]
    fn story_in_an_aside_with_the_headline_stays() {
        let html = format!(
            "<body><aside id=story><h1>Flood</h1><p>{}</p></aside>\
             <aside id=side><h2>Popular</h2><p>{}</p></aside><div>{}</div></body>",
            sentences(8),
            sentences(7),
            "<a href=/x>Another story on another subject</a> ".repeat(40)
        );
        assert!(!removed_by_id(&html, "story"));
        assert!(removed_by_id(&html, "side"));
    }

    #[test]
    fn keeps_a_huge_container_despite_its_name() {
        let text = "word ".repeat(200);
        let html = format!(
            "<body><div class=sidebar-layout><p>{text}</p></div><div class=share>x</div></body>"
        );
        let doc = parse(&html, &Limits::default());
        let body = doc.body().unwrap();
        let analysis = analyse(&doc, body);
        assert_eq!(analysis.text_chars[body.index()], 800);
    }
}
