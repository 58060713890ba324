//! Stage 4: turn the chosen container into typed blocks in reading order.
//!
//! A recursive walk; the parser caps tree depth (`Limits::max_depth`), which bounds the
//! recursion. Inline content accumulates into the current paragraph; block elements flush
//! it. Each block remembers how much of its text sat inside links, for the filter stage.

use dateline_html::{Document, NodeId, NodeKind, local_name};
use dateline_model::{Block, Link, ListItem, TableCell, TableRow};

use crate::analysis::Analysis;
use crate::tags::{heading_level, is_block};
use crate::text::{collapse, push_collapsed, tidy_lines};

/// Non-space characters above which a heading element holds prose, not a heading.
const HEADING_MAX_CHARS: usize = 200;

/// What the collector emits, plus what the filter needs to judge it.
pub(crate) struct Candidate {
    pub block: Block,
    /// Non-space chars of text.
    pub chars: usize,
    /// Of those, inside links.
    pub link_chars: usize,
    /// An image that shows the story (not a linked navigation graphic): a heading right
    /// above it introduces it and is no orphan.
    pub picture: bool,
}

pub(crate) struct CollectOptions {
    pub tables: bool,
    pub links: bool,
    pub images: bool,
}

pub(crate) fn collect(
    doc: &Document,
    analysis: &Analysis,
    parts: &[NodeId],
    options: &CollectOptions,
) -> Vec<Candidate> {
    let mut collector = Collector {
        doc,
        analysis,
        options,
        out: Vec::new(),
        para: Inline::default(),
        link_depth: 0,
        flushes: 0,
        pending_images: Vec::new(),
    };
    for &part in parts {
        collector.walk(part);
        collector.flush();
    }
    collector.out
}

#[derive(Default)]
struct Inline {
    text: String,
    chars: usize,
    link_chars: usize,
    links: Vec<Link>,
}

impl Inline {
    fn is_blank(&self) -> bool {
        self.chars == 0
    }
}

struct Collector<'a> {
    doc: &'a Document,
    analysis: &'a Analysis,
    options: &'a CollectOptions,
    out: Vec<Candidate>,
    para: Inline,
    /// How many `<a>` elements enclose the current node.
    link_depth: usize,
    /// Paragraph flushes so far, to tell whether a link's paragraph is still the current one.
    flushes: usize,
    /// Images met inside the current paragraph (and whether each shows the story), emitted
    /// after it.
    pending_images: Vec<(Block, bool)>,
}

impl Collector<'_> {
    fn flush(&mut self) {
        self.flushes += 1;
        let para = std::mem::take(&mut self.para);
        if para.is_blank() {
            self.push_pending_images();
            return;
        }
        let text = tidy_lines(&para.text);
        let links = if text == para.text {
            para.links
        } else {
            Vec::new()
        };
        self.out.push(Candidate {
            block: Block::Paragraph { text, links },
            chars: para.chars,
            link_chars: para.link_chars,
            picture: false,
        });
        self.push_pending_images();
    }

    fn push_pending_images(&mut self) {
        for (image, picture) in std::mem::take(&mut self.pending_images) {
            self.push_image(image, picture);
        }
    }

    fn push(&mut self, block: Block, chars: usize, link_chars: usize) {
        if chars > 0 {
            self.out.push(Candidate {
                block,
                chars,
                link_chars,
                picture: false,
            });
        }
    }

    fn push_image(&mut self, block: Block, picture: bool) {
        self.out.push(Candidate {
            block,
            chars: 0,
            link_chars: 0,
            picture,
        });
    }

    fn walk(&mut self, id: NodeId) {
        if self.analysis.removed[id.index()] {
            return;
        }
        let doc = self.doc;
        match &doc.node(id).kind {
            NodeKind::Text(text) => {
                let added = push_collapsed(&mut self.para.text, text);
                self.para.chars += added;
                if self.link_depth > 0 {
                    self.para.link_chars += added;
                }
            }
            NodeKind::Element(element) => {
                let tag = element.tag().clone();
                if let Some(level) = heading_level(&tag) {
                    self.flush();
                    let (text, chars, link_chars) = self.inline_text(id);
                    // Old pages set whole paragraphs in `<h4>` for bold type: prose that long
                    // is no heading (and would be dropped as an orphan before the next one).
                    let block = if chars > HEADING_MAX_CHARS {
                        Block::Paragraph {
                            text,
                            links: Vec::new(),
                        }
                    } else {
                        Block::Heading { level, text }
                    };
                    self.push(block, chars, link_chars);
                    return;
                }
                match tag {
                    local_name!("br") => {
                        if !self.para.text.is_empty() {
                            trim_trailing_space(&mut self.para.text);
                            self.para.text.push('\n');
                        }
                    }
                    local_name!("a") => self.walk_link(id),
                    local_name!("ul") | local_name!("ol") => {
                        self.flush();
                        self.list(id, tag == local_name!("ol"));
                    }
                    local_name!("blockquote") => {
                        self.flush();
                        let (text, chars, link_chars) = self.block_text(id);
                        self.push(
                            Block::Quote {
                                text,
                                links: Vec::new(),
                            },
                            chars,
                            link_chars,
                        );
                    }
                    local_name!("pre") => {
                        self.flush();
                        let raw = doc.text_content(id);
                        let text = raw.trim_matches('\n').to_string();
                        let chars = crate::text::char_len(&text);
                        self.push(Block::Code { text }, chars, 0);
                    }
                    local_name!("table") => {
                        self.flush();
                        self.table(id);
                    }
                    local_name!("figcaption") => {
                        self.flush();
                        let (text, chars, link_chars) = self.block_text(id);
                        let text = text.replace('\n', " ");
                        self.push(Block::FigureCaption { text }, chars, link_chars);
                    }
                    local_name!("img") => {
                        let Some(src) = image_source(element) else {
                            return;
                        };
                        // A graphic linking to another page is navigation (a sidebar's
                        // "our books" buttons); one linking to its full size is a picture.
                        let picture = self.link_depth == 0 || links_to_image(self.doc, id);
                        // Without image output a picture still marks content (a heading over
                        // it is no orphan); the filter drops such markers, so only their place
                        // is kept, not their strings.
                        let image = if self.options.images {
                            let alt = element.attr("alt").map(collapse).filter(|a| !a.is_empty());
                            Block::Image {
                                src: src.to_string(),
                                alt,
                            }
                        } else if picture {
                            Block::Image {
                                src: String::new(),
                                alt: None,
                            }
                        } else {
                            return;
                        };
                        // An image inside running text waits for the paragraph to end:
                        // breaking the paragraph at it would make the text depend on
                        // whether images are output.
                        if self.para.is_blank() {
                            self.push_image(image, picture);
                        } else {
                            self.pending_images.push((image, picture));
                        }
                    }
                    local_name!("hr") => self.flush(),
                    _ if is_block(&tag) => {
                        self.flush();
                        self.children(id);
                        self.flush();
                    }
                    _ => self.children(id),
                }
            }
            _ => {}
        }
    }

    fn children(&mut self, id: NodeId) {
        let mut child = self.doc.first_child(id);
        while let Some(c) = child {
            self.walk(c);
            child = self.doc.next_sibling(c);
        }
    }

    fn walk_link(&mut self, id: NodeId) {
        let start = self.para.text.len();
        let generation = self.flushes;
        self.link_depth += 1;
        self.children(id);
        self.link_depth -= 1;
        // A block inside the link flushed the paragraph the link started in: its anchor text
        // is spread over several blocks and has no single range to record.
        if !self.options.links || self.flushes != generation {
            return;
        }
        let Some(href) = self.doc.attr(id, "href").filter(|h| !h.is_empty()) else {
            return;
        };
        let end = self.para.text.trim_end().len();
        let Some(anchor) = self.para.text.get(start..end) else {
            return;
        };
        let start = end - anchor.trim_start().len();
        if end > start {
            self.para.links.push(Link {
                start,
                end,
                href: href.to_string(),
            });
        }
    }

    /// Collects `id`'s content into a fresh inline buffer (nested blocks become line
    /// breaks), returning (text, chars, link chars).
    fn block_text(&mut self, id: NodeId) -> (String, usize, usize) {
        let saved_out = std::mem::take(&mut self.out);
        let saved_para = std::mem::take(&mut self.para);
        self.children(id);
        self.flush();
        let inner = std::mem::replace(&mut self.out, saved_out);
        self.para = saved_para;
        let mut text = String::new();
        let (mut chars, mut link_chars) = (0, 0);
        for candidate in inner {
            if let Some(part) = candidate.block.plain_text() {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&part);
            }
            chars += candidate.chars;
            link_chars += candidate.link_chars;
        }
        (text, chars, link_chars)
    }

    fn inline_text(&mut self, id: NodeId) -> (String, usize, usize) {
        let (text, chars, link_chars) = self.block_text(id);
        (text.replace('\n', " "), chars, link_chars)
    }

    fn list(&mut self, id: NodeId, ordered: bool) {
        let mut items = Vec::new();
        let (mut chars, mut link_chars) = (0, 0);
        for child in self.doc.children(id) {
            if self.analysis.removed[child.index()] {
                continue;
            }
            let (text, c, l) = if self.doc.element(child).is_some() {
                self.block_text(child)
            } else {
                let text = collapse(self.doc.text(child).unwrap_or(""));
                let c = crate::text::char_len(&text);
                (text, c, 0)
            };
            if c == 0 {
                continue;
            }
            chars += c;
            link_chars += l;
            items.push(ListItem {
                text: text.replace('\n', " "),
                links: Vec::new(),
            });
        }
        if !items.is_empty() {
            self.push(Block::List { ordered, items }, chars, link_chars);
        }
    }

    fn table(&mut self, id: NodeId) {
        if is_layout_table(self.doc, self.analysis, id) {
            // Layout tables hold the page itself; read them as ordinary containers.
            self.children(id);
            self.flush();
            return;
        }
        if !self.options.tables {
            return;
        }
        let mut rows = Vec::new();
        let (mut chars, mut link_chars) = (0, 0);
        let mut walk = self.doc.descendants(id);
        let mut row_ids = Vec::new();
        while let Some(node) = walk.next() {
            match self.doc.html_tag(node) {
                Some(&local_name!("tr")) => {
                    row_ids.push(node);
                    walk.skip_subtree(node);
                }
                Some(&local_name!("table")) if node != id => walk.skip_subtree(node),
                _ => {}
            }
        }
        for row in row_ids {
            let mut cells = Vec::new();
            for cell in self.doc.children(row) {
                let header = match self.doc.html_tag(cell) {
                    Some(&local_name!("th")) => true,
                    Some(&local_name!("td")) => false,
                    _ => continue,
                };
                let (text, c, l) = self.block_text(cell);
                chars += c;
                link_chars += l;
                cells.push(TableCell {
                    text: text.replace('\n', " "),
                    header,
                });
            }
            if cells.iter().any(|c| !c.text.is_empty()) {
                rows.push(TableRow { cells });
            }
        }
        if !rows.is_empty() {
            self.push(Block::Table { rows }, chars, link_chars);
        }
    }
}

fn trim_trailing_space(text: &mut String) {
    while text.ends_with(' ') {
        text.pop();
    }
}

/// Cells of short text that make a table a data grid even when each cell wraps its text in a
/// `<div>` or `<p>` (spreadsheet and document exports do).
const GRID_MIN_CELLS: usize = 6;
const GRID_MAX_CELL_CHARS: usize = 80;

/// A table used for page layout: it holds headings or other tables, paragraphs, lists or
/// divisions in a few big cells, or long prose in few cells, rather than data.
fn is_layout_table(doc: &Document, analysis: &Analysis, id: NodeId) -> bool {
    let mut cells = 0usize;
    let mut wrapped = false;
    for node in doc.descendants(id) {
        match doc.html_tag(node) {
            Some(&local_name!("td")) | Some(&local_name!("th")) => cells += 1,
            Some(tag)
                if matches!(
                    *tag,
                    local_name!("h1")
                        | local_name!("h2")
                        | local_name!("h3")
                        | local_name!("table")
                ) && node != id =>
            {
                return true;
            }
            Some(tag)
                if matches!(
                    *tag,
                    local_name!("p")
                        | local_name!("ul")
                        | local_name!("ol")
                        | local_name!("div")
                        | local_name!("blockquote")
                ) =>
            {
                wrapped = true;
            }
            _ => {}
        }
    }
    let chars = analysis.text_chars[id.index()] as usize;
    let per_cell = chars / cells.max(1);
    if wrapped {
        return cells < GRID_MIN_CELLS || per_cell > GRID_MAX_CELL_CHARS;
    }
    cells <= 1 || per_cell > 200
}

/// Attributes lazy loaders keep the real address in while `src` holds a placeholder.
const LAZY_SOURCES: &[&str] = &["data-src", "data-lazy-src", "data-original", "data-url"];
const LAZY_SRCSETS: &[&str] = &["data-srcset", "srcset"];

/// Declared width or height under which an image is an icon, a spacer or a tracking pixel.
const MIN_PICTURE_PIXELS: u32 = 50;

/// Words in an image's address or class that mark it as page chrome, not a picture of the
/// story: avatars, icons, logos, ad banners, share buttons, spacers.
const CHROME_IMAGE_WORDS: &[&str] = &[
    "avatar", "gravatar", "icon", "logo", "/ads/", "banner", "button", "badge", "spacer", "pixel",
    "sprite", "emoji",
];

/// An image's address: `src`, unless it is missing or an inline placeholder (`data:`), then
/// the lazy loader's attribute, else the first candidate of a `srcset`. `None` for images
/// that are page chrome (tiny, or named as icons, avatars, ads).
fn image_source(element: &dateline_html::Element) -> Option<&str> {
    let tiny = ["width", "height"].iter().any(|name| {
        element
            .attr(name)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
            .is_some_and(|pixels| pixels < MIN_PICTURE_PIXELS)
    });
    if tiny {
        return None;
    }
    let usable = |v: &&str| !v.is_empty() && !v.starts_with("data:");
    let src = element
        .attr("src")
        .map(str::trim)
        .filter(usable)
        .or_else(|| {
            LAZY_SOURCES
                .iter()
                .find_map(|name| element.attr(name).map(str::trim).filter(usable))
        })
        .or_else(|| {
            LAZY_SRCSETS.iter().find_map(|name| {
                element
                    .attr(name)
                    .and_then(|set| set.split_whitespace().next())
                    .filter(usable)
            })
        })?;
    let class = element.attr("class").unwrap_or_default();
    let chrome = CHROME_IMAGE_WORDS.iter().any(|word| {
        contains_ignore_ascii_case(src, word) || contains_ignore_ascii_case(class, word)
    });
    (!chrome).then_some(src)
}

/// Whether the link around image `id` (the nearest `<a>` within a few levels) opens an image
/// file: the full-size version of the picture.
fn links_to_image(doc: &Document, id: NodeId) -> bool {
    const IMAGE_ENDINGS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"];
    let mut at = id;
    for _ in 0..4 {
        let Some(parent) = doc.parent(at) else {
            return false;
        };
        if doc
            .element(parent)
            .is_some_and(|e| *e.tag() == local_name!("a"))
        {
            let href = doc.attr(parent, "href").unwrap_or_default();
            let path = href.split(['?', '#']).next().unwrap_or_default();
            let path = path.as_bytes();
            return IMAGE_ENDINGS.iter().any(|ending| {
                path.len() >= ending.len()
                    && path[path.len() - ending.len()..].eq_ignore_ascii_case(ending.as_bytes())
            });
        }
        at = parent;
    }
    false
}

fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}
