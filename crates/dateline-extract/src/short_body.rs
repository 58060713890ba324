//! What to do when the chosen body is short.
//!
//! A short choice is usually a teaser or a caption that scored well on a page whose story
//! scored badly, so it is widened to the enclosing prose, else the whole page. Two kinds of
//! short choice are the whole story and are kept: text inside the theme's one story
//! container (`entry-content`), and a short post that starts right under its headline (a
//! photo or video post with two lines): widening those only drags in author boxes and
//! sidebars.

use dateline_html::{Document, NodeId};

use crate::analysis::Analysis;
use crate::candidate::{Choice, within};

/// Pages whose chosen body has fewer non-space chars than this are re-read wider.
pub(crate) const FALLBACK_BELOW_CHARS: usize = 250;

/// The short `choice` is the page's whole story and must not be widened. `headline` finds
/// the headline element; it is only looked for when the story box does not decide.
pub(crate) fn is_whole_story(
    doc: &Document,
    analysis: &Analysis,
    choice: &Choice,
    headline: impl FnOnce() -> Option<NodeId>,
) -> bool {
    if choice.in_story_box {
        return true;
    }
    // A byline or a date line under the headline is no post: those are rarely paragraphs.
    analysis.para_chars[choice.top.index()] > 0
        && headline().is_some_and(|h| {
            first_text_after(doc, analysis, h).is_some_and(|t| within(doc, Some(choice.top), t))
        })
}

/// The nearest ancestor of `from` with at least [`FALLBACK_BELOW_CHARS`] of non-link text and
/// a modest link density.
pub(crate) fn enclosing_prose(
    doc: &Document,
    analysis: &Analysis,
    from: NodeId,
    start: NodeId,
) -> Option<NodeId> {
    let mut node = doc.parent(from);
    while let Some(id) = node {
        if id == start {
            return None;
        }
        let text = analysis.text_chars[id.index()] as usize;
        let links = analysis.link_chars[id.index()] as usize;
        if text.saturating_sub(links) >= FALLBACK_BELOW_CHARS {
            return (analysis.link_density(id) < 0.35).then_some(id);
        }
        node = doc.parent(id);
    }
    None
}

/// The first kept node with text that follows `from` in reading order, outside `from`.
fn first_text_after(doc: &Document, analysis: &Analysis, from: NodeId) -> Option<NodeId> {
    let has_text =
        |id: NodeId| !analysis.removed[id.index()] && analysis.text_chars[id.index()] > 0;
    let mut node = from;
    let mut found = loop {
        let mut sibling = doc.next_sibling(node);
        while let Some(id) = sibling {
            if has_text(id) {
                break;
            }
            sibling = doc.next_sibling(id);
        }
        if let Some(id) = sibling {
            break id;
        }
        node = doc.parent(node)?;
    };
    while let Some(child) = doc.children(found).find(|&c| has_text(c)) {
        found = child;
    }
    Some(found)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use dateline_html::{Limits, parse};

    /// Whether the element with id `choice` is the whole story when the element with id
    /// `headline` is the headline.
    fn kept(html: &str) -> bool {
        let doc = parse(html, &Limits::default());
        let body = doc.body().unwrap();
        let analysis = crate::analysis::analyse(&doc, body);
        let by_id = |id: &str| {
            doc.descendants(body)
                .find(|&n| doc.attr(n, "id") == Some(id))
                .unwrap()
        };
        let choice = Choice {
            top: by_id("choice"),
            parts: vec![by_id("choice")],
            in_story_box: false,
        };
        is_whole_story(&doc, &analysis, &choice, || Some(by_id("headline")))
    }

    #[test]
    fn short_post_under_its_headline_is_the_story() {
        assert!(kept(
            "<body><div class=about><p>I write about gardens and old radios.</p></div>\
             <h2 id=headline>Twelve paper boats</h2><div id=choice><img src=a.jpg>\
             <p>Folded from old maps, every one of them floats.</p></div></body>"
        ));
    }

    #[test]
    fn short_text_away_from_the_headline_proves_nothing() {
        // A teaser list sits between the headline and the short paragraph.
        assert!(!kept(
            "<body><h2 id=headline>Twelve paper boats</h2>\
             <ul><li><a href=/x>Another story entirely</a></li></ul>\
             <div id=choice><p>Folded from old maps, every one of them floats.</p></div></body>"
        ));
    }

    #[test]
    fn byline_under_the_headline_is_no_post() {
        assert!(!kept(
            "<body><h1 id=headline>Issue one is out</h1>\
             <div id=choice class=date><span>By Ada Vance, 1 June 2010</span></div>\
             <div><p>We have finally released issue one, with a new website.</p></div></body>"
        ));
    }

    #[test]
    fn empty_elements_between_headline_and_post_are_skipped() {
        assert!(kept(
            "<body><div><h2 id=headline>Twelve paper boats</h2><div class=spacer></div></div>\
             <div><div id=choice><p>Folded from old maps, every one of them floats.</p></div></div>\
             </body>"
        ));
    }
}
