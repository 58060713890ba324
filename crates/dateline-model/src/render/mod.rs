//! Renderings of an [`Article`]: plain text, Markdown, a standalone HTML document, JSON and
//! schema.org JSON-LD.
//!
//! Every renderer takes untrusted page text: link ranges that do not fit their text are
//! ignored rather than trusted, link and image URLs with a scheme other than `http`, `https`,
//! `mailto` or `ftp` (`javascript:` and friends) are rendered as plain text or left out, and no
//! input makes a renderer panic.

mod html;
mod jsonld;
mod markdown;
mod text;

use std::borrow::Cow;
use std::ops::Range;

use crate::{Article, Block, Link};

pub use html::html;
pub use jsonld::{jsonld, jsonld_value};
pub use markdown::markdown;
pub use text::text;

/// Which optional parts of the body the renderers emit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RenderOptions {
    /// Render the [`Link`]s of paragraphs, quotes and list items as hyperlinks
    /// (Markdown and HTML; plain text never shows link targets).
    pub links: bool,
    /// Render [`Block::Image`] blocks (Markdown and HTML).
    pub images: bool,
    /// Render [`Block::Table`] blocks; when `false` they are dropped from every format.
    pub tables: bool,
}

impl Default for RenderOptions {
    /// Text-first output: no links, no images, tables kept.
    fn default() -> Self {
        RenderOptions {
            links: false,
            images: false,
            tables: true,
        }
    }
}

/// The plain-text body of `blocks`: each block's [`Block::plain_text`] (images have none),
/// separated by a blank line, without a trailing newline. Figure captions are left out: they
/// describe pictures rather than continue the story, and read as noise in running text; they
/// stay in [`Article::blocks`] and in the Markdown and HTML renderings.
///
/// Line breaks at the edges of a block's text (a code block ending in `"\n"`) are dropped
/// and blocks without text are skipped, so exactly one blank line separates blocks, the
/// convention readers of [`Article::text`] split paragraphs on.
///
/// This is what [`Article::set_body`] stores in [`Article::text`].
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for text in blocks
        .iter()
        .filter(|b| !matches!(b, Block::FigureCaption { .. }))
        .filter_map(Block::plain_text)
    {
        let text = text.trim_matches(['\n', '\r']);
        if text.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(text);
    }
    out
}

/// What the JSON renderers return if serde ever refuses the article; kept valid JSON so a
/// consumer reading the output still parses it.
const JSON_FALLBACK: &str = r#"{"error":"serialisation failed"}"#;

/// The article as pretty-printed JSON (the schema in `schema/article.md`), ending with `"\n"`.
pub fn json(article: &Article) -> String {
    let mut out =
        serde_json::to_string_pretty(article).unwrap_or_else(|_| JSON_FALLBACK.to_owned());
    out.push('\n');
    out
}

/// The article as compact JSON on a single line, without a trailing newline, for JSON Lines
/// output (one article per line).
///
/// serde_json escapes every control character inside strings, so the line never contains a
/// raw `'\n'` or `'\r'`.
pub fn json_line(article: &Article) -> String {
    serde_json::to_string(article).unwrap_or_else(|_| JSON_FALLBACK.to_owned())
}

/// Whether `opts` lets `block` into the Markdown and HTML output.
fn included(block: &Block, opts: &RenderOptions) -> bool {
    match block {
        Block::Table { .. } => opts.tables,
        Block::Image { .. } => opts.images,
        _ => true,
    }
}

/// The blocks to render; an article that carries only `text` (built by hand or read from
/// older JSON) is rendered as the paragraphs of that text instead of as nothing.
fn body_blocks(article: &Article) -> Cow<'_, [Block]> {
    if !article.blocks.is_empty() || article.text.trim().is_empty() {
        return Cow::Borrowed(&article.blocks);
    }
    Cow::Owned(
        paragraph_ranges(&article.text)
            .into_iter()
            .map(|range| Block::Paragraph {
                text: article.text[range].to_owned(),
                links: Vec::new(),
            })
            .collect(),
    )
}

/// Byte ranges of the paragraphs of `text`: maximal runs of lines that are not blank.
fn paragraph_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut offset = 0;
    for line in text.split('\n') {
        let (start, end) = (offset, offset + line.len());
        offset = end + 1;
        if line.trim().is_empty() {
            ranges.extend(current.take());
        } else {
            current = Some(current.map_or(start, |range| range.start)..end);
        }
    }
    ranges.extend(current);
    ranges
}

/// The links of `text` that can be rendered, sorted by position.
///
/// A link is dropped when its range is empty, reaches past the text, splits a character, or
/// overlaps a link listed before it; the data comes from arbitrary pages and JSON, so a bad
/// range must cost that one link, never the render.
fn usable_links<'a>(text: &str, links: &'a [Link]) -> Vec<&'a Link> {
    // Kept sorted by start so the overlap check only needs the neighbours.
    let mut accepted: Vec<&Link> = Vec::with_capacity(links.len());
    for link in links {
        let fits = link.start < link.end
            && link.end <= text.len()
            && text.is_char_boundary(link.start)
            && text.is_char_boundary(link.end);
        if !fits {
            continue;
        }
        let at = accepted.partition_point(|other| other.start < link.start);
        let clear_before = at == 0 || accepted[at - 1].end <= link.start;
        let clear_after = accepted.get(at).is_none_or(|next| link.end <= next.start);
        if clear_before && clear_after {
            accepted.insert(at, link);
        }
    }
    accepted
}

/// The links of `text` that fall wholly inside `range`, re-based onto `&text[range]`.
fn links_within(text: &str, links: &[Link], range: &Range<usize>) -> Vec<Link> {
    usable_links(text, links)
        .into_iter()
        .filter(|link| range.start <= link.start && link.end <= range.end)
        .map(|link| Link {
            start: link.start - range.start,
            end: link.end - range.start,
            href: link.href.clone(),
        })
        .collect()
}

/// A run of text as a renderer sees it: plain, or the anchor of a link it may render.
#[derive(Debug, PartialEq, Eq)]
enum Segment<'a> {
    Plain(&'a str),
    Link { anchor: &'a str, href: &'a str },
}

/// Splits `text` into plain runs and renderable links. With `with_links` off, or for a link
/// whose target is unsafe, the anchor stays part of the surrounding plain run, so two plain
/// segments are never adjacent.
fn segments<'a>(text: &'a str, links: &'a [Link], with_links: bool) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    if with_links {
        for link in usable_links(text, links) {
            if !is_safe_url(&link.href) {
                continue;
            }
            if plain_from < link.start {
                out.push(Segment::Plain(&text[plain_from..link.start]));
            }
            out.push(Segment::Link {
                anchor: &text[link.start..link.end],
                href: &link.href,
            });
            plain_from = link.end;
        }
    }
    if plain_from < text.len() {
        out.push(Segment::Plain(&text[plain_from..]));
    }
    out
}

/// Whether `url` may become a link target or image source: relative URLs and the schemes
/// `http`, `https`, `mailto` and `ftp`. Anything else (`javascript:`, `data:`, `vbscript:`)
/// could run code in a reader's browser.
fn is_safe_url(url: &str) -> bool {
    // Browsers skip leading controls and spaces and drop tabs and newlines anywhere before
    // parsing, so `" java\tscript:"` must be judged as `javascript:`.
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return false;
    }
    match scheme(&cleaned) {
        None => true,
        Some(scheme) => ["http", "https", "mailto", "ftp"]
            .iter()
            .any(|allowed| scheme.eq_ignore_ascii_case(allowed)),
    }
}

/// The URL scheme, or `None` for a relative URL (a colon after anything that cannot be in a
/// scheme belongs to the path, query or fragment).
fn scheme(url: &str) -> Option<&str> {
    let candidate = &url[..url.find(':')?];
    let mut chars = candidate.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_valid = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (starts_with_letter && rest_valid).then_some(candidate)
}

/// `text` on one line: line breaks become spaces, surrounding whitespace goes. Titles,
/// headings and table cells cannot hold a line break in Markdown and should not in HTML.
fn one_line(text: &str) -> String {
    text.trim().replace("\r\n", " ").replace(['\n', '\r'], " ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn link(start: usize, end: usize) -> Link {
        Link {
            start,
            end,
            href: format!("https://example.com/{start}-{end}"),
        }
    }

    fn ranges(links: &[&Link]) -> Vec<(usize, usize)> {
        links.iter().map(|l| (l.start, l.end)).collect()
    }

    #[test]
    fn default_options_keep_tables_only() {
        assert_eq!(
            RenderOptions::default(),
            RenderOptions {
                links: false,
                images: false,
                tables: true
            }
        );
    }

    #[test]
    fn plain_text_joins_blocks_with_a_blank_line_and_skips_images() {
        let blocks = vec![
            Block::Heading {
                level: 2,
                text: "Head".into(),
            },
            Block::Image {
                src: "a.png".into(),
                alt: None,
            },
            Block::List {
                ordered: false,
                items: vec![
                    crate::ListItem {
                        text: "one".into(),
                        links: vec![],
                    },
                    crate::ListItem {
                        text: "two".into(),
                        links: vec![],
                    },
                ],
            },
        ];
        assert_eq!(plain_text(&blocks), "Head\n\none\ntwo");
        assert_eq!(plain_text(&[]), "");
    }

    #[test]
    fn plain_text_keeps_one_blank_line_around_code_and_empty_blocks() {
        let blocks = vec![
            Block::Code {
                text: "\n  indented();\n\n".into(),
            },
            Block::Paragraph {
                text: String::new(),
                links: vec![],
            },
            Block::FigureCaption {
                text: "A caption".into(),
            },
            Block::Paragraph {
                text: "After".into(),
                links: vec![],
            },
        ];
        assert_eq!(plain_text(&blocks), "  indented();\n\nAfter");
    }

    #[test]
    fn usable_links_drops_out_of_range_empty_and_split_characters() {
        let text = "Zürich €5";
        // 'ü' is bytes 1..3, '€' is bytes 8..11, the text is 12 bytes long.
        let links = vec![
            link(0, 1),
            link(2, 4),
            link(3, 3),
            link(5, 4),
            link(8, 9),
            link(7, 13),
            link(usize::MAX - 1, usize::MAX),
            link(8, 11),
        ];
        assert_eq!(ranges(&usable_links(text, &links)), vec![(0, 1), (8, 11)]);
    }

    #[test]
    fn usable_links_lets_earlier_listed_links_win_overlaps_and_sorts() {
        let text = "0123456789";
        let links = vec![link(5, 8), link(0, 6), link(7, 9), link(0, 5), link(8, 10)];
        assert_eq!(
            ranges(&usable_links(text, &links)),
            vec![(0, 5), (5, 8), (8, 10)]
        );
    }

    #[test]
    fn segments_keep_unsafe_and_disabled_links_as_plain_text() {
        let text = "see this and that";
        let links = vec![
            Link {
                start: 4,
                end: 8,
                href: "https://a.example/".into(),
            },
            Link {
                start: 13,
                end: 17,
                href: " JavaScript:alert(1)".into(),
            },
        ];
        assert_eq!(
            segments(text, &links, true),
            vec![
                Segment::Plain("see "),
                Segment::Link {
                    anchor: "this",
                    href: "https://a.example/"
                },
                Segment::Plain(" and that"),
            ]
        );
        assert_eq!(segments(text, &links, false), vec![Segment::Plain(text)]);
        assert_eq!(segments("", &links, true), vec![]);
    }

    #[test]
    fn safe_urls() {
        for url in [
            "https://example.com/a:b",
            "HTTP://x",
            "mailto:a@b.c",
            "/path",
            "relative/page.html",
            "?q=a:b",
            "#frag",
            "//cdn.example/x.png",
            "java script:alert(1)",
        ] {
            assert!(is_safe_url(url), "{url}");
        }
        for url in [
            "javascript:alert(1)",
            " JAVASCRIPT:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<b>",
            "vbscript:x",
            "",
            "  ",
        ] {
            assert!(!is_safe_url(url), "{url:?}");
        }
    }

    #[test]
    fn paragraph_ranges_split_on_blank_lines() {
        let text = "\n a\nb\n\n  \nc\n";
        let got: Vec<&str> = paragraph_ranges(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, vec![" a\nb", "c"]);
        assert!(paragraph_ranges("").is_empty());
    }

    #[test]
    fn links_within_rebases_and_drops_links_crossing_the_range() {
        let text = "ab\n\ncd";
        let links = vec![link(0, 1), link(1, 4), link(4, 6)];
        let spans = |range| {
            links_within(text, &links, &range)
                .iter()
                .map(|l| (l.start, l.end))
                .collect::<Vec<_>>()
        };
        assert_eq!(spans(0..2), vec![(0, 1)]);
        assert_eq!(spans(4..6), vec![(0, 2)]);
    }

    #[test]
    fn json_line_is_one_line_and_json_ends_with_newline() {
        let mut article = Article {
            title: Some("a\nb\r\u{2028}c".into()),
            ..Article::default()
        };
        article.set_body(vec![Block::Code {
            text: "x\ny\n".into(),
        }]);
        let line = json_line(&article);
        assert!(!line.contains('\n') && !line.contains('\r'));
        let back: Article = serde_json::from_str(&line).unwrap();
        assert_eq!(back, article);
        let pretty = json(&article);
        assert!(pretty.ends_with("}\n"));
        assert_eq!(serde_json::from_str::<Article>(&pretty).unwrap(), article);
    }
}
