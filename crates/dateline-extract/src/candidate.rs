//! Stage 3: find the element that holds the article body.
//!
//! Scoring in the spirit of Readability: every run of inline text of some length is a
//! paragraph whose score (length, commas) flows to its parent, less to its grandparent and
//! further ancestors; containers start from a bias for their tag and class/id; the best
//! score, discounted by link density, wins. Explicit markup (`itemprop=articleBody`, a single
//! `<article>`) is taken at its word when it holds enough of the text.

use dateline_html::{Document, LocalName, NodeId, local_name};

use crate::analysis::Analysis;
use crate::hints::{self, Hint};

/// Shortest inline text run (non-space chars) that counts as a paragraph.
const MIN_PARAGRAPH_CHARS: u32 = 25;
/// How many ancestors a paragraph's score reaches.
const ANCESTOR_LEVELS: usize = 5;

/// The chosen container and the siblings that belong with it.
pub(crate) struct Choice {
    /// The best-scoring container.
    pub top: NodeId,
    /// Siblings of `top` (in document order, `top` included) whose content joins the body.
    pub parts: Vec<NodeId>,
    /// `top` is, or lies inside, the page's one theme-named story-text container: a short
    /// body there is the whole story, not a sign that the choice missed it.
    pub in_story_box: bool,
}

pub(crate) fn choose(doc: &Document, analysis: &Analysis, start: NodeId) -> Option<Choice> {
    let story = story_text_box(doc, analysis);
    let (top, parts) = choose_body(doc, analysis, start, story)?;
    Some(Choice {
        top,
        parts,
        in_story_box: within(doc, story, top),
    })
}

/// The chosen container and the parts that join it; `story` is the page's one theme-named
/// story-text container, if any.
fn choose_body(
    doc: &Document,
    analysis: &Analysis,
    start: NodeId,
    story: Option<NodeId>,
) -> Option<(NodeId, Vec<NodeId>)> {
    if let Some(marked) = marked_body(doc, analysis, start) {
        return Some((marked, vec![marked]));
    }
    let scores = score_containers(doc, analysis);
    let mut best: Option<(NodeId, f32)> = None;
    for &id in &analysis.order {
        let raw = scores[id.index()];
        if raw <= 0.0 {
            continue;
        }
        let score = raw * (1.0 - analysis.link_density(id));
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((id, score));
        }
    }
    let (mut top, mut top_score) = best?;
    // A parent that scores at least as well (after discount) holds more of the same story,
    // e.g. the article split over sibling wrappers.
    while let Some(parent) = doc.parent(top) {
        if parent == start || doc.element(parent).is_none() {
            break;
        }
        let parent_score = scores[parent.index()] * (1.0 - analysis.link_density(parent));
        if parent_score < top_score {
            break;
        }
        top = parent;
        top_score = parent_score;
    }
    // Scoring chose something inside a sidebar or a hidden box (a profile widget outweighing
    // a short post), apart from the one container the theme names as the story's text: the
    // named container wins.
    if let Some(story) = story
        && analysis.text_chars[story.index()] >= STORY_BOX_MIN_CHARS
        && story != top
        && !is_below(doc, story, top)
        && !is_below(doc, top, story)
        && (inside_boilerplate(doc, analysis, top) || in_box_series(doc, top))
    {
        return Some((story, vec![story]));
    }
    if let Some(wider) = widen(doc, analysis, &scores, top, top_score) {
        return Some((wider, vec![wider]));
    }
    let mut parts = siblings_to_join(doc, analysis, &scores, top, top_score);
    join_same_kind_sections(doc, analysis, top, &mut parts);
    Some((top, parts))
}

/// Whether a same-class element holds a section of the story rather than teasers.
fn is_story_section(analysis: &Analysis, id: NodeId) -> bool {
    analysis.link_density(id) < SECTION_MAX_LINK_DENSITY
        && analysis.para_chars[id.index()] >= SECTION_MIN_PARA_CHARS
}

/// Share of a wrapper's text the chosen container must hold for the wrapper's class to name it.
const WRAPPED_SHARE: f32 = 0.8;

/// The element whose class names the chosen container's kind: the container itself, or, when
/// it has no class (`<div xmlns=…>` inside `div.article-text`), the nearest of its two closest
/// ancestors that has one and whose text is nearly all the container's.
fn named_section(doc: &Document, analysis: &Analysis, top: NodeId) -> Option<NodeId> {
    let has_class = |id: NodeId| doc.attr(id, "class").is_some_and(|c| !c.trim().is_empty());
    let top_chars = analysis.text_chars[top.index()] as f32;
    std::iter::successors(Some(top), |&n| doc.parent(n))
        .take(3)
        .take_while(|&n| top_chars >= WRAPPED_SHARE * analysis.text_chars[n.index()] as f32)
        .find(|&n| has_class(n))
}

/// Prose share a section of the story keeps: below it, the same-class element is a teaser.
const SECTION_MAX_LINK_DENSITY: f32 = 0.3;
/// Paragraph characters a section of the story holds at least.
const SECTION_MIN_PARA_CHARS: u32 = 100;

/// A story cut into sections of one class (`div.post__content`) by a figure, a video or a
/// share bar, each at its own depth: the other sections join `parts`, in document order.
/// Same-class siblings are already there; this finds the cousins.
fn join_same_kind_sections(
    doc: &Document,
    analysis: &Analysis,
    top: NodeId,
    parts: &mut Vec<NodeId>,
) {
    let Some(section) = named_section(doc, analysis, top) else {
        return;
    };
    let Some(class) = doc.attr(section, "class") else {
        return;
    };
    let tag = doc.html_tag(section);
    let mut sections: Vec<NodeId> = Vec::new();
    for &id in &analysis.order {
        let same_kind =
            id != section && doc.attr(id, "class") == Some(class) && doc.html_tag(id) == tag;
        if !same_kind
            || parts.contains(&id)
            || is_below(doc, id, section)
            || is_below(doc, section, id)
            || sections.iter().any(|&s| is_below(doc, id, s))
        {
            continue;
        }
        if is_story_section(analysis, id) && !followed_by_read_more(doc, analysis, id) {
            sections.push(id);
        }
    }
    if sections.is_empty() {
        return;
    }
    parts.extend(sections);
    parts.sort_by_key(|id| id.index());
}

/// Text a "Continue reading" link holds at most.
const READ_MORE_MAX_CHARS: u32 = 40;

/// Whether the next element after `id` is a "Continue reading »" link: `id` is the excerpt
/// of another post (a teaser in the page's header strip), not a section of this story.
fn followed_by_read_more(doc: &Document, analysis: &Analysis, id: NodeId) -> bool {
    std::iter::successors(doc.next_sibling(id), |&n| doc.next_sibling(n))
        .find(|&n| doc.element(n).is_some())
        .is_some_and(|next| {
            analysis.text_chars[next.index()] <= READ_MORE_MAX_CHARS
                && analysis.link_density(next) > 0.5
                && {
                    let text = doc.text_content(next).to_lowercase();
                    let text = text.trim_start();
                    crate::filter::READ_MORE.iter().any(|m| text.starts_with(m))
                }
        })
}

/// A second container scoring at least this share of the best, elsewhere on the page, means
/// the page has several pieces of content (a front page, a multi-post blog page, a page of
/// sections): then the body is their common ancestor.
const WIDEN_SHARE: f32 = 0.7;
/// Widening is refused when the common ancestor has at least this link density.
const WIDEN_MAX_LINK_DENSITY: f32 = 0.25;

fn widen(
    doc: &Document,
    analysis: &Analysis,
    scores: &[f32],
    top: NodeId,
    top_score: f32,
) -> Option<NodeId> {
    let mut lineage = Vec::new();
    let mut node = Some(top);
    while let Some(id) = node {
        lineage.push(id);
        node = doc.parent(id);
    }
    let mut common: Option<NodeId> = None;
    for &id in &analysis.order {
        let score = scores[id.index()] * (1.0 - analysis.link_density(id));
        if score < WIDEN_SHARE * top_score || lineage.contains(&id) || is_below(doc, id, top) {
            continue;
        }
        // The lowest ancestor of `id` on top's lineage is where the two meet.
        let mut up = doc.parent(id);
        while let Some(a) = up {
            if lineage.contains(&a) {
                break;
            }
            up = doc.parent(a);
        }
        let meet = up?;
        common = Some(match common {
            Some(c)
                if lineage.iter().position(|&x| x == c)
                    >= lineage.iter().position(|&x| x == meet) =>
            {
                c
            }
            _ => meet,
        });
    }
    let common = common?;
    // On a page of several stories the shared container is still prose; when it is this
    // link-heavy, the second candidate was a sidebar or a teaser column instead.
    if analysis.link_density(common) >= WIDEN_MAX_LINK_DENSITY {
        return None;
    }
    Some(common)
}

fn is_below(doc: &Document, id: NodeId, ancestor: NodeId) -> bool {
    let mut up = doc.parent(id);
    while let Some(a) = up {
        if a == ancestor {
            return true;
        }
        up = doc.parent(a);
    }
    false
}

/// `itemprop=articleBody`, or the one `<article>` that holds most of the page's text.
fn marked_body(doc: &Document, analysis: &Analysis, start: NodeId) -> Option<NodeId> {
    let total = analysis.text_chars[start.index()].max(1) as f32;
    let mut articles = Vec::new();
    let mut marked = Vec::new();
    for &id in &analysis.order {
        let Some(element) = doc.element(id) else {
            continue;
        };
        if element.attr_atom(&local_name!("itemprop")) == Some("articleBody") {
            marked.push(id);
        }
        if *element.tag() == local_name!("article") {
            articles.push(id);
        }
    }
    // Some CMSs mark every paragraph as articleBody; their common ancestor is the body.
    if let Some(&first) = marked.first() {
        let mut body = marked
            .iter()
            .skip(1)
            .try_fold(first, |common, &other| common_ancestor(doc, common, other))?;
        if matches!(
            doc.html_tag(body),
            Some(&local_name!("p")) | Some(&local_name!("span"))
        ) {
            body = doc.parent(body).unwrap_or(body);
        }
        if analysis.text_chars[body.index()] >= 200 && analysis.link_density(body) < 0.5 {
            return Some(body);
        }
    }
    if articles.len() == 1 {
        let article = articles[0];
        let chars = analysis.text_chars[article.index()] as f32;
        if chars >= 0.3 * total && chars >= 300.0 && analysis.link_density(article) < 0.4 {
            return Some(article);
        }
    }
    None
}

/// Whether `id` or an ancestor is named as boilerplate (`#sidebar`, `.widget`, `.hidden`):
/// such a box survives removal when it holds much of the page's text, but is not the story.
fn inside_boilerplate(doc: &Document, analysis: &Analysis, id: NodeId) -> bool {
    std::iter::successors(Some(id), |&n| doc.parent(n))
        .any(|n| analysis.hints[n.index()] == Hint::Boilerplate)
}

/// Levels above a chosen container searched for the box of a series it sits in.
const BOX_SERIES_LEVELS: usize = 3;
/// Boxes of one class, side by side, that make a column of widgets rather than a story.
const BOX_SERIES_MIN: usize = 3;

/// Whether `id` or a near ancestor is one of several boxes of a kind stacked in one parent
/// (a blog column's `div.module-search module`, `div.module-typelist module`: the last class
/// names the kind, the others its variant): a box among boxes, not the page's story.
fn in_box_series(doc: &Document, id: NodeId) -> bool {
    let kind = |n: NodeId| {
        doc.attr(n, "class")
            .and_then(|c| c.split_whitespace().last())
    };
    std::iter::successors(Some(id), |&n| doc.parent(n))
        .take(BOX_SERIES_LEVELS)
        .any(|n| {
            let (Some(own), Some(parent)) = (kind(n), doc.parent(n)) else {
                return false;
            };
            doc.children(parent)
                .filter(|&sibling| kind(sibling) == Some(own))
                .take(BOX_SERIES_MIN)
                .count()
                >= BOX_SERIES_MIN
        })
}

/// Text a theme's one story-text container (`entry-content`, `post-body`) needs to be the body:
/// a photo post's caption and credit line, but not a lone "Read more" link.
const STORY_BOX_MIN_CHARS: u32 = 80;
/// Link density above which that container is a list of teasers, not a story.
const STORY_BOX_MAX_LINK_DENSITY: f32 = 0.4;

/// The page's one element a CMS theme names as the story's text (`div.entry-content`). Two
/// or more such elements (a blog's front page) say nothing about which is the story.
fn story_text_box(doc: &Document, analysis: &Analysis) -> Option<NodeId> {
    let mut found: Option<NodeId> = None;
    for &id in &analysis.order {
        let names_text = doc
            .element(id)
            .and_then(|e| e.attr_atom(&local_name!("class")))
            .is_some_and(hints::names_story_text);
        if !names_text || found.is_some_and(|outer| is_below(doc, id, outer)) {
            continue;
        }
        if found.is_some() {
            return None;
        }
        found = Some(id);
    }
    let body = found?;
    (analysis.link_density(body) < STORY_BOX_MAX_LINK_DENSITY).then_some(body)
}

/// Whether `id` is `story` or lies inside it.
pub(crate) fn within(doc: &Document, story: Option<NodeId>, id: NodeId) -> bool {
    story.is_some_and(|story| story == id || is_below(doc, id, story))
}

/// Whether `id` is, or lies inside, the page's one theme-named story-text container.
#[cfg(test)]
fn in_story_text_box(doc: &Document, analysis: &Analysis, id: NodeId) -> bool {
    within(doc, story_text_box(doc, analysis), id)
}

fn common_ancestor(doc: &Document, a: NodeId, b: NodeId) -> Option<NodeId> {
    let mut lineage = Vec::new();
    let mut node = Some(a);
    while let Some(id) = node {
        lineage.push(id);
        node = doc.parent(id);
    }
    let mut node = Some(b);
    while let Some(id) = node {
        if lineage.contains(&id) {
            return Some(id);
        }
        node = doc.parent(id);
    }
    None
}

fn tag_bias(tag: &LocalName) -> f32 {
    match *tag {
        local_name!("div")
        | local_name!("article")
        | local_name!("section")
        | local_name!("main") => 5.0,
        local_name!("pre") | local_name!("td") | local_name!("blockquote") => 3.0,
        local_name!("address")
        | local_name!("ol")
        | local_name!("ul")
        | local_name!("dl")
        | local_name!("dd")
        | local_name!("dt")
        | local_name!("li")
        | local_name!("form") => -3.0,
        local_name!("h1")
        | local_name!("h2")
        | local_name!("h3")
        | local_name!("h4")
        | local_name!("h5")
        | local_name!("h6")
        | local_name!("th") => -5.0,
        _ => 0.0,
    }
}

fn class_bias(doc: &Document, analysis: &Analysis, id: NodeId) -> f32 {
    let Some(element) = doc.element(id) else {
        return 0.0;
    };
    let mut bias = match analysis.hints[id.index()] {
        Hint::Content => 25.0,
        Hint::Boilerplate => -25.0,
        Hint::Neutral => 0.0,
    };
    if element.attr("itemprop") == Some("articleBody") {
        bias += 50.0;
    }
    if *element.tag() == local_name!("article") || *element.tag() == local_name!("main") {
        bias += 10.0;
    }
    bias
}

/// Commas and their CJK and Arabic counterparts (`，` `、` `،` `。`). The ASCII comma is
/// counted over bytes (a vectorised loop; the byte never occurs inside a multi-byte
/// character), and the others are looked for only in text that is not all ASCII.
fn count_commas(text: &str) -> usize {
    let ascii = text.bytes().filter(|&b| b == b',').count();
    if text.is_ascii() {
        return ascii;
    }
    ascii
        + text
            .chars()
            .filter(|c| matches!(c, '，' | '、' | '،' | '。'))
            .count()
}

fn score_containers(doc: &Document, analysis: &Analysis) -> Vec<f32> {
    let mut scores = vec![0.0f32; doc.len()];
    let mut initialised = vec![false; doc.len()];
    for &id in &analysis.order {
        let Some(element) = doc.element(id) else {
            continue;
        };
        let inline = analysis.inline_chars[id.index()];
        if inline < MIN_PARAGRAPH_CHARS || is_linkish(element.tag()) {
            continue;
        }
        let (commas, breaks) = inline_commas_and_breaks(doc, id);
        let commas = commas as f32;
        // Paragraphs separated by `<br><br>` inside one element score as the paragraphs
        // they render as (what Readability does by rewriting them to `<p>`), so an old-style
        // post in one `<p>` or `<div>` is not outscored by a sidebar of short `<p>`s.
        let runs = 1.0 + breaks as f32;
        let paragraph = 0.5 + 0.5 * runs + commas + (inline as f32 / 100.0).floor().min(3.0 * runs);
        let paragraph = paragraph * (1.0 - inline_link_share(doc, analysis, id));
        // List items are references, specs and teasers more often than prose; commas in
        // citations would otherwise make a bibliography outscore the article.
        let paragraph = if matches!(
            *element.tag(),
            local_name!("li") | local_name!("dd") | local_name!("dt")
        ) {
            paragraph * 0.5
        } else {
            paragraph
        };
        let mut ancestor = doc.parent(id);
        for level in 0..ANCESTOR_LEVELS {
            let Some(node) = ancestor else { break };
            let Some(tag) = doc.html_tag(node) else { break };
            if !initialised[node.index()] {
                initialised[node.index()] = true;
                scores[node.index()] += tag_bias(tag) + class_bias(doc, analysis, node);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f32 * 3.0,
            };
            scores[node.index()] += paragraph / divider;
            ancestor = doc.parent(node);
        }
    }
    scores
}

fn is_linkish(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("a") | local_name!("button") | local_name!("label")
    )
}

/// Link share of an element's own inline text, so a list of link teasers does not score as
/// prose.
fn inline_link_share(doc: &Document, analysis: &Analysis, id: NodeId) -> f32 {
    let inline = analysis.inline_chars[id.index()];
    if inline == 0 {
        return 0.0;
    }
    let links: u32 = doc
        .children(id)
        .filter(|&child| !doc.html_tag(child).is_some_and(crate::tags::is_block))
        .map(|child| analysis.link_chars[child.index()])
        .sum();
    (links as f32 / inline as f32).min(1.0)
}

/// The commas in the element's own text (not nested blocks; the first 4,000 bytes or so), and
/// how many runs of two or more `<br>` (paragraph breaks; a single `<br>` breaks a line) it
/// holds as children.
fn inline_commas_and_breaks(doc: &Document, id: NodeId) -> (usize, usize) {
    // Commas are counted piece by piece, which is the count over the joined sample without
    // building it (commas are whole chars, so none spans two pieces).
    let mut commas = 0;
    let mut sampled = 0;
    let mut breaks = 0;
    // `<br>`s seen since the last text, counting each run once.
    let mut run = 0;
    for child in doc.children(id) {
        match doc.html_tag(child) {
            Some(&local_name!("br")) => {
                run += 1;
                if run == 2 {
                    breaks += 1;
                }
                continue;
            }
            Some(tag) if crate::tags::is_block(tag) => continue,
            _ => {}
        }
        match doc.text(child) {
            Some(text) => {
                if !text.trim().is_empty() {
                    run = 0;
                }
                commas += count_commas(text);
                sampled += text.len();
            }
            None => {
                run = 0;
                let text = doc.text_content(child);
                commas += count_commas(&text);
                sampled += text.len();
            }
        }
        if sampled > 4000 {
            break;
        }
    }
    (commas, breaks)
}

fn siblings_to_join(
    doc: &Document,
    analysis: &Analysis,
    scores: &[f32],
    top: NodeId,
    top_score: f32,
) -> Vec<NodeId> {
    let Some(parent) = doc.parent(top) else {
        return vec![top];
    };
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = doc.attr(top, "class").unwrap_or("");
    let mut parts = Vec::new();
    for sibling in doc.children(parent) {
        if sibling == top {
            parts.push(sibling);
            continue;
        }
        if analysis.removed[sibling.index()] || doc.element(sibling).is_none() {
            continue;
        }
        let mut bonus = 0.0;
        let same_tag = doc.html_tag(sibling) == doc.html_tag(top);
        let same_kind = if top_class.is_empty() {
            // Hand-written pages cut a long text into bare `<section>`s or `<blockquote>`s.
            same_tag
                && doc
                    .attr(sibling, "class")
                    .is_none_or(|c| c.trim().is_empty())
                && doc.html_tag(top).is_some_and(|t| {
                    matches!(*t, local_name!("section") | local_name!("blockquote"))
                })
        } else {
            doc.attr(sibling, "class") == Some(top_class) && same_tag
        };
        if same_kind {
            // Articles split into same-class sections (`<div class=section>` per chapter);
            // a bare section of a hand-written page may be all lists and code.
            let section = if top_class.is_empty() {
                analysis.link_density(sibling) < SECTION_MAX_LINK_DENSITY
                    && analysis.text_chars[sibling.index()] >= SECTION_MIN_PARA_CHARS
            } else {
                is_story_section(analysis, sibling)
            };
            if section {
                parts.push(sibling);
                continue;
            }
            bonus = top_score * 0.2;
        }
        let score = scores[sibling.index()] * (1.0 - analysis.link_density(sibling)) + bonus;
        let join = if score >= threshold {
            true
        } else if doc.html_tag(sibling) == Some(&local_name!("p")) || is_bare_text_div(doc, sibling)
        {
            let chars = analysis.text_chars[sibling.index()];
            let density = analysis.link_density(sibling);
            (chars > 80 && density < 0.25)
                || (chars > 0 && density == 0.0 && ends_sentence(doc, sibling))
        } else {
            false
        };
        if join {
            parts.push(sibling);
        }
    }
    parts
}

/// A `<div>` holding only text and inline elements is a paragraph without its `<p>` (the
/// "continued" part of a post after its `<a id=more>` break, typed straight into the theme's
/// box).
fn is_bare_text_div(doc: &Document, id: NodeId) -> bool {
    doc.html_tag(id) == Some(&local_name!("div"))
        && doc.children(id).all(|child| {
            doc.html_tag(child)
                .is_none_or(|tag| !crate::tags::is_block(tag))
        })
}

fn ends_sentence(doc: &Document, id: NodeId) -> bool {
    let text = doc.text_content(id);
    let trimmed = text.trim_end();
    trimmed.ends_with(['.', '!', '?', '。', '"', '”']) && trimmed.len() > 20
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use dateline_html::{Limits, parse};

    /// Container scores of the elements with ids `a` and `b`.
    fn scores_of_a_and_b(html: &str) -> (f32, f32) {
        let doc = parse(html, &Limits::default());
        let body = doc.body().unwrap();
        let analysis = crate::analysis::analyse(&doc, body);
        let scores = score_containers(&doc, &analysis);
        let score = |id: &str| {
            let node = doc
                .descendants(body)
                .find(|&n| doc.attr(n, "id") == Some(id))
                .unwrap();
            scores[node.index()]
        };
        (score("a"), score("b"))
    }

    #[test]
    fn commas_counted_like_the_char_filter() {
        for text in [
            "",
            "a, b, c",
            "東京，大阪、名古屋。",
            "a،b, c",
            "no commas here",
            "é,",
        ] {
            let want = text
                .chars()
                .filter(|c| matches!(c, ',' | '，' | '、' | '،' | '。'))
                .count();
            assert_eq!(count_commas(text), want, "{text:?}");
        }
    }

    #[test]
    fn post_of_br_separated_paragraphs_beats_a_sidebar_of_short_paragraphs() {
        let para = "We picked the last of the beans this morning and cooked them with garlic \
                    and lemon; the rest of the garden is nearly done for the year and the \
                    frost is coming soon so the squash came in too.";
        let post = vec![para; 14].join("<br><br>\n");
        let note = "<p>A note on this blog, its recipes, and the way we cook them, at home.</p>";
        let html = format!(
            "<body><div id=a><p>{post}</p></div><div id=b>{}</div></body>",
            note.repeat(7)
        );
        let (post, notes) = scores_of_a_and_b(&html);
        assert!(post > notes, "{post} <= {notes}");
    }

    #[test]
    fn story_sections_split_by_a_figure_at_other_depths_are_joined() {
        let first = "<p>When the survey team reached the upper valley, the glacier had \
                     retreated further than any of the old maps showed, leaving bare rock.</p>";
        let second = "<p>Back at the station, the measurements confirmed what the team had \
                      seen: the ice had lost a third of its thickness since the last visit.</p>";
        let html = format!(
            "<body><nav>{}</nav><div class=wrap><section><div class=post__content>{}</div></section>\
             <aside class=share><a href=/s>Share</a></aside></div>\
             <div class=media><figure><figcaption>The valley in May</figcaption></figure></div>\
             <div class=more><section><div class=post__content>{}</div></section></div>\
             <div class=teasers><div class=post__content><a href=/x>Other story one</a> \
             <a href=/y>Other story two</a></div></div></body>",
            "<a href=/section>A section of the site with a long name</a> ".repeat(30),
            first.repeat(2),
            second.repeat(6)
        );
        let (doc, choice) = chosen(&html);
        let texts: Vec<String> = choice.parts.iter().map(|&p| doc.text_content(p)).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts[0].starts_with("When the survey team"), "{texts:?}");
        assert!(texts[1].starts_with("Back at the station"), "{texts:?}");
    }

    #[test]
    fn unclassed_text_inside_same_class_wrappers_joins_the_other_sections() {
        let para = "<p>The bistro opened in a former bakery, and the owners kept the old oven, \
                    the tiles and the long marble counter where the bread used to cool.</p>";
        let section = |n: usize| {
            format!(
                "<div class=blk-a><div lang=da>{}</div></div>",
                para.repeat(n)
            )
        };
        let html = format!(
            "<body><nav>{}</nav><main>{}<figure>Photo</figure><aside class=ad>Ad</aside>{}\
             <figure>Photo</figure>{}</main></body>",
            "<a href=/s>A section of the site with a long name</a> ".repeat(30),
            section(1),
            section(1),
            section(8)
        );
        let (doc, choice) = chosen(&html);
        let chars: usize = choice
            .parts
            .iter()
            .map(|&p| doc.text_content(p).len())
            .sum();
        let all: usize = doc
            .descendants(doc.root())
            .filter(|&n| doc.attr(n, "class") == Some("blk-a"))
            .map(|n| doc.text_content(n).len())
            .sum();
        assert_eq!(chars, all, "{} parts", choice.parts.len());
    }

    /// The document and the body chosen in it.
    fn chosen(html: &str) -> (Document, Choice) {
        let doc = parse(html, &Limits::default());
        let body = doc.body().unwrap();
        let analysis = crate::analysis::analyse(&doc, body);
        let choice = choose(&doc, &analysis, body).unwrap();
        (doc, choice)
    }

    /// A sidebar profile paragraph; ten of them outweigh a short post.
    const PROFILE_BIO: &str = "<p>Our editor has written about crafts, tools and the people \
        who make things for twenty years, from a small workshop by the river.</p>";

    #[test]
    fn short_post_in_the_themes_story_box_beats_a_wordy_sidebar_profile() {
        let html = format!(
            "<body><div id=main><div class=post><h3>A pencil drawing</h3>\
             <div class=entry-content><p>I still cannot believe this is a pencil drawing. \
             Every hair and every reflection was drawn by hand, over three months, \
             and the artist says the eyes alone took two weeks of evenings at the kitchen \
             table, with a magnifying glass and a box of worn-down pencils.</p></div>\
             </div></div><div id=sidebar><div class=profile>{}</div></div></body>",
            PROFILE_BIO.repeat(10)
        );
        let (doc, choice) = chosen(&html);
        assert_eq!(doc.attr(choice.top, "class"), Some("entry-content"));
    }

    #[test]
    fn continuation_typed_straight_into_a_div_joins_the_post() {
        // The post's "more" part after the break has no `<p>`: bare text in its own box.
        let html = "<body><div class=post><div class=entry-body><p>The lobbying arm of a law \
            firm now works for the owner of two amusement parks, the firm told the clerk of \
            the house on Monday.</p><p>The filing does not say which rules the firm will \
            discuss with the regulators, only that they concern safety at height.</p></div>\
            <a id=more></a><div class=entry-more>\nIn addition to the two parks, the owner runs \
            nine others and five hotels, and it has never hired a lobbyist before.</div>\
            <div class=share><a href=/a>Share</a></div></div></body>";
        let (doc, choice) = chosen(html);
        let classes: Vec<_> = choice.parts.iter().map(|&p| doc.attr(p, "class")).collect();
        assert_eq!(classes, [Some("entry-body"), Some("entry-more")]);
    }

    #[test]
    fn short_post_in_the_story_box_beats_a_wordy_widget_in_a_column_of_widgets() {
        // The column's boxes share their last class (`module`), not their whole class; none
        // is named as furniture, and the longest outweighs the two-line post.
        let widget = |kind: &str, text: &str| {
            format!(
                "<div class=\"module-{kind} module\"><div class=module-content>{text}</div></div>"
            )
        };
        let html = format!(
            "<body><div id=alpha>{}{}{}</div><div id=beta><div class=post><h3>City chic</h3>\
             <div class=entry-content><p>Happy Friday! We love this board of paper flowers and \
             are excited to celebrate with a couple in town this weekend.</p></div></div>\
             </div></body>",
            widget("search", "<p>Search this blog</p>"),
            widget("html", "<p>Find us on the map.</p>"),
            widget("notes", &PROFILE_BIO.repeat(3)),
        );
        let (doc, choice) = chosen(&html);
        assert_eq!(doc.attr(choice.top, "class"), Some("entry-content"));
    }

    #[test]
    fn excerpts_of_other_posts_ending_in_continue_reading_are_not_sections() {
        let teaser = |n: u32| {
            format!(
                "<div class=header-strip><div class=post><h2><a href=/p{n}>Other post {n}</a></h2>\
                 <div class=entry-content><p>This is the opening of another post on the site, \
                 long enough to read like a section of a story, about books and their bindings, \
                 and the printers who sew them.</p></div>\
                 <p class=more><a href=/p{n}>Continue Reading »</a></p></div></div>"
            )
        };
        let story = "<p>After being allowed to tease it a week ago, today they can confirm it: \
            the writer and the artist are on the book, and the team, old and new, will travel \
            through time and space for a year.</p>"
            .repeat(5);
        let html = format!(
            "<body>{}{}<div class=main><div class=post><h1>Four heroes return</h1>\
             <div class=entry-content>{story}</div></div></div></body>",
            teaser(1),
            teaser(2),
        );
        let (doc, choice) = chosen(&html);
        assert_eq!(choice.parts.len(), 1, "{:?}", choice.parts);
        assert_eq!(doc.attr(choice.top, "class"), Some("entry-content"));
        assert!(!doc.text_content(choice.top).contains("bindings"));
    }

    #[test]
    fn bare_sections_of_a_hand_written_page_are_joined() {
        // One section is prose; the others are a list of steps and a code listing, which
        // score little on their own.
        let prose = "<p>A while back I set up an encrypted tunnel for backups, and the old \
                     notes I found all used a syntax that no longer works, so here is mine, \
                     step by step, with the configuration that runs today.</p>";
        let steps = "<ul><li>download the sources and unpack them</li><li>change to the \
                     directory holding the unpacked files</li><li>configure, build and install \
                     them as root</li></ul>";
        let code = "<pre>cert = /etc/tunnel/server.pem\nclient = no\n[backup]\naccept = 2873\n\
                    connect = 873\n[archive]\naccept = 2874\nconnect = 874\npid = /var/run/tunnel.pid</pre>";
        let html = format!(
            "<body><h2>Overview</h2><blockquote id=a>{prose}{prose}</blockquote>\
             <h2>Building</h2><blockquote id=b>{steps}</blockquote>\
             <h2>Configuring</h2><blockquote id=c>{code}</blockquote></body>"
        );
        let (doc, choice) = chosen(&html);
        let ids: Vec<_> = choice
            .parts
            .iter()
            .filter_map(|&p| doc.attr(p, "id"))
            .collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn two_line_post_in_the_story_box_beats_the_sidebar_profile() {
        // About a hundred characters: a photo post's caption and credit, nothing more.
        let html = format!(
            "<body><div id=main><div class=post><h3>A pencil drawing</h3>\
             <div class=\"post-body entry-content\"><img src=a.jpg><img src=b.jpg>\
             I still cannot believe this is a pencil drawing, and not a photo. Mind blown.<br>\
             Artwork and photos by the artist</div>\
             </div></div><div id=sidebar><div class=profile>{}</div></div></body>",
            PROFILE_BIO.repeat(10)
        );
        let (doc, choice) = chosen(&html);
        assert_eq!(
            doc.attr(choice.top, "class"),
            Some("post-body entry-content")
        );
    }

    #[test]
    fn only_a_single_theme_story_box_is_trusted() {
        let one = "<body><div class=entry-content><p id=a>A short post.</p></div>\
                   <div class=sidebar><p id=b>About me.</p></div></body>";
        let two = "<body><div class=entry-content><p id=a>A short post.</p></div>\
                   <div class=entry-content><p id=b>Another post.</p></div></body>";
        for (html, expected) in [(one, (true, false)), (two, (false, false))] {
            let doc = parse(html, &Limits::default());
            let body = doc.body().unwrap();
            let analysis = crate::analysis::analyse(&doc, body);
            let node = |id: &str| {
                doc.descendants(body)
                    .find(|&n| doc.attr(n, "id") == Some(id))
                    .unwrap()
            };
            let got = (
                in_story_text_box(&doc, &analysis, node("a")),
                in_story_text_box(&doc, &analysis, node("b")),
            );
            assert_eq!(got, expected, "{html}");
        }
    }

    #[test]
    fn single_line_breaks_do_not_make_an_address_block_a_story() {
        let lines = vec!["Open Monday to Friday from nine to five"; 20].join("<br>\n");
        let para = "<p>The council met on Monday, and after a long debate, it agreed to \
                    repair the old bridge before winter at a cost of two million.</p>";
        let html = format!(
            "<body><div id=a>{}</div><div id=b><p>{lines}</p></div></body>",
            para.repeat(2)
        );
        let (story, address) = scores_of_a_and_b(&html);
        assert!(story > address, "{story} <= {address}");
    }
}
