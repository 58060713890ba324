//! The HTML output format: a clean standalone HTML5 document.

use super::{
    RenderOptions, Segment, body_blocks, included, is_safe_url, links_within, one_line,
    paragraph_ranges, segments,
};
use crate::{Article, Block, Link, ListItem, TableRow};

/// The article as a standalone HTML5 document: metadata in `<head>` (title, authors,
/// description, canonical URL, language), the title as `<h1>` and the body blocks inside
/// `<body><article>`, ending with `"\n"`.
///
/// All text is escaped, no styles or scripts are added, and links and images whose URL has
/// an unsafe scheme are left out.
pub fn html(article: &Article, opts: &RenderOptions) -> String {
    let mut out = String::from("<!DOCTYPE html>\n");
    match present(article.language.as_deref()) {
        Some(lang) => {
            out.push_str("<html lang=\"");
            push_attr(&mut out, lang.trim());
            out.push_str("\">\n");
        }
        None => out.push_str("<html>\n"),
    }
    out.push_str("<head>\n<meta charset=\"utf-8\">\n");
    let title = present(article.title.as_deref()).map(one_line);
    // HTML requires a non-empty <title>; the publication's name is the next best thing.
    let head_title = title
        .clone()
        .or_else(|| present(article.site_name.as_deref()).map(one_line))
        .unwrap_or_else(|| "Untitled".to_owned());
    out.push_str("<title>");
    push_text(&mut out, &head_title);
    out.push_str("</title>\n");
    for author in article.authors.iter().filter(|a| !a.trim().is_empty()) {
        // One element per author, as the HTML spec defines `author` as naming one author.
        push_meta(&mut out, "author", &one_line(author));
    }
    if let Some(description) = present(article.description.as_deref()) {
        push_meta(&mut out, "description", &one_line(description));
    }
    let canonical = present(article.canonical_url.as_deref())
        .or_else(|| present(article.url.as_deref()))
        .filter(|url| is_safe_url(url));
    if let Some(url) = canonical {
        out.push_str("<link rel=\"canonical\" href=\"");
        push_attr(&mut out, url.trim());
        out.push_str("\">\n");
    }
    out.push_str("</head>\n<body>\n<article>\n");
    if let Some(title) = title {
        out.push_str("<h1>");
        push_text(&mut out, &title);
        out.push_str("</h1>\n");
    }
    let blocks = body_blocks(article);
    let mut blocks = blocks.iter().filter(|b| included(b, opts)).peekable();
    while let Some(block) = blocks.next() {
        if let Block::Image { src, alt } = block {
            // A caption right after an image describes it: keep the two in one <figure>.
            let caption = match blocks.peek() {
                Some(Block::FigureCaption { text }) if is_safe_url(src) => {
                    blocks.next();
                    Some(text.as_str())
                }
                _ => None,
            };
            image(&mut out, src, alt.as_deref(), caption);
        } else {
            block_html(&mut out, block, opts);
        }
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// `value` unless it is absent or blank.
fn present(value: Option<&str>) -> Option<&str> {
    value.filter(|v| !v.trim().is_empty())
}

/// Appends one block (images are handled by [`image`]), each on its own line(s).
fn block_html(out: &mut String, block: &Block, opts: &RenderOptions) {
    match block {
        Block::Heading { level, text } => {
            let text = one_line(text);
            if !text.is_empty() {
                let level = (*level).clamp(2, 6);
                out.push_str(&format!("<h{level}>"));
                push_text(out, &text);
                out.push_str(&format!("</h{level}>\n"));
            }
        }
        Block::Paragraph { text, links } => {
            if !text.trim().is_empty() {
                out.push_str("<p>");
                push_inline(out, text, links, opts);
                out.push_str("</p>\n");
            }
        }
        Block::List { ordered, items } => list(out, *ordered, items, opts),
        Block::Quote { text, links } => {
            let paragraphs = paragraph_ranges(text);
            if paragraphs.is_empty() {
                return;
            }
            out.push_str("<blockquote>\n");
            for range in paragraphs {
                // Links are kept per paragraph; one spanning a paragraph break cannot nest.
                let links = links_within(text, links, &range);
                out.push_str("<p>");
                push_inline(out, &text[range], &links, opts);
                out.push_str("</p>\n");
            }
            out.push_str("</blockquote>\n");
        }
        Block::Table { rows } => table(out, rows),
        Block::Code { text } => {
            if !text.trim().is_empty() {
                out.push_str("<pre><code>");
                push_text(out, text.trim_end_matches(['\n', '\r']));
                out.push_str("</code></pre>\n");
            }
        }
        Block::FigureCaption { text } => {
            let text = one_line(text);
            if !text.is_empty() {
                out.push_str("<figure><figcaption>");
                push_text(out, &text);
                out.push_str("</figcaption></figure>\n");
            }
        }
        Block::Image { src, alt } => image(out, src, alt.as_deref(), None),
    }
}

fn list(out: &mut String, ordered: bool, items: &[ListItem], opts: &RenderOptions) {
    if items.is_empty() {
        return;
    }
    let tag = if ordered { "ol" } else { "ul" };
    out.push_str(&format!("<{tag}>\n"));
    for item in items {
        out.push_str("<li>");
        push_inline(out, &item.text, &item.links, opts);
        out.push_str("</li>\n");
    }
    out.push_str(&format!("</{tag}>\n"));
}

fn table(out: &mut String, rows: &[TableRow]) {
    if rows.iter().all(|row| row.cells.is_empty()) {
        return;
    }
    out.push_str("<table>\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in &row.cells {
            let tag = if cell.header { "th" } else { "td" };
            out.push_str(&format!("<{tag}>"));
            push_text(out, &cell.text);
            out.push_str(&format!("</{tag}>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

/// Appends a `<figure>` holding the image and its caption; an image whose URL is unsafe is
/// left out.
fn image(out: &mut String, src: &str, alt: Option<&str>, caption: Option<&str>) {
    if !is_safe_url(src) {
        return;
    }
    out.push_str("<figure><img src=\"");
    push_attr(out, src.trim());
    // Always present: a missing alt makes screen readers read out the file name.
    out.push_str("\" alt=\"");
    push_attr(out, &one_line(alt.unwrap_or_default()));
    out.push_str("\">");
    if let Some(caption) = caption.map(one_line).filter(|c| !c.is_empty()) {
        out.push_str("<figcaption>");
        push_text(out, &caption);
        out.push_str("</figcaption>");
    }
    out.push_str("</figure>\n");
}

fn push_meta(out: &mut String, name: &str, content: &str) {
    out.push_str("<meta name=\"");
    push_attr(out, name);
    out.push_str("\" content=\"");
    push_attr(out, content);
    out.push_str("\">\n");
}

/// Appends running text with its links as `<a href>` when `opts.links`.
fn push_inline(out: &mut String, text: &str, links: &[Link], opts: &RenderOptions) {
    for segment in segments(text, links, opts.links) {
        match segment {
            Segment::Plain(plain) => push_text(out, plain),
            Segment::Link { anchor, href } => {
                out.push_str("<a href=\"");
                push_attr(out, href.trim());
                out.push_str("\">");
                push_text(out, anchor);
                out.push_str("</a>");
            }
        }
    }
}

/// Appends `text` escaped for element content.
fn push_text(out: &mut String, text: &str) {
    push_escaped(out, text, false);
}

/// Appends `text` escaped for a double-quoted attribute value.
fn push_attr(out: &mut String, text: &str) {
    push_escaped(out, text, true);
}

fn push_escaped(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            // Control characters other than whitespace are HTML parse errors and carry no
            // meaning in article text.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_of(document: &str) -> &str {
        let start = document
            .find("<article>\n")
            .map_or(0, |i| i + "<article>\n".len());
        let end = document.find("</article>").unwrap_or(document.len());
        &document[start..end]
    }

    fn render(blocks: Vec<Block>, opts: RenderOptions) -> String {
        let mut article = Article::default();
        article.set_body(blocks);
        body_of(&html(&article, &opts)).to_owned()
    }

    #[test]
    fn minimal_document() {
        assert_eq!(
            html(&Article::default(), &RenderOptions::default()),
            "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>Untitled</title>\n\
             </head>\n<body>\n<article>\n</article>\n</body>\n</html>\n"
        );
    }

    #[test]
    fn head_metadata_is_escaped() {
        let article = Article {
            title: Some("A <b>\"quoted\"</b> & title".into()),
            authors: vec!["Ann \"A\" Lee".into(), " ".into(), "Bo".into()],
            description: Some("Line one\nline two".into()),
            url: Some("https://ex.com/a?b=1&c=2".into()),
            language: Some("de\"><script>".into()),
            ..Article::default()
        };
        let out = html(&article, &RenderOptions::default());
        assert!(out.contains("<html lang=\"de&quot;&gt;&lt;script&gt;\">\n"));
        assert!(out.contains("<title>A &lt;b&gt;\"quoted\"&lt;/b&gt; &amp; title</title>\n"));
        assert!(out.contains("<meta name=\"author\" content=\"Ann &quot;A&quot; Lee\">\n"));
        assert!(out.contains("<meta name=\"author\" content=\"Bo\">\n"));
        assert_eq!(out.matches("name=\"author\"").count(), 2);
        assert!(out.contains("<meta name=\"description\" content=\"Line one line two\">\n"));
        assert!(out.contains("<link rel=\"canonical\" href=\"https://ex.com/a?b=1&amp;c=2\">\n"));
        assert!(out.contains("<h1>A &lt;b&gt;\"quoted\"&lt;/b&gt; &amp; title</h1>\n"));
        assert!(!out.contains("<script>"));
    }

    #[test]
    fn links_are_rendered_only_when_safe_and_asked() {
        let block = Block::Paragraph {
            text: "a <b> & c".into(),
            links: vec![
                Link {
                    start: 2,
                    end: 5,
                    href: "/x?\"y\"".into(),
                },
                Link {
                    start: 8,
                    end: 9,
                    href: "javascript:alert(1)".into(),
                },
            ],
        };
        let opts = RenderOptions {
            links: true,
            ..RenderOptions::default()
        };
        assert_eq!(
            render(vec![block.clone()], opts),
            "<p>a <a href=\"/x?&quot;y&quot;\">&lt;b&gt;</a> &amp; c</p>\n"
        );
        assert_eq!(
            render(vec![block], RenderOptions::default()),
            "<p>a &lt;b&gt; &amp; c</p>\n"
        );
    }

    #[test]
    fn quote_paragraphs_keep_their_own_links() {
        let block = Block::Quote {
            text: "one\n\ntwo".into(),
            links: vec![
                Link {
                    start: 5,
                    end: 8,
                    href: "/two".into(),
                },
                Link {
                    start: 2,
                    end: 4,
                    href: "/across".into(),
                },
            ],
        };
        let opts = RenderOptions {
            links: true,
            ..RenderOptions::default()
        };
        assert_eq!(
            render(vec![block], opts),
            "<blockquote>\n<p>one</p>\n<p><a href=\"/two\">two</a></p>\n</blockquote>\n"
        );
    }

    #[test]
    fn images_join_the_following_caption() {
        let blocks = vec![
            Block::Image {
                src: "/a.jpg".into(),
                alt: None,
            },
            Block::FigureCaption {
                text: "Caption".into(),
            },
            Block::Image {
                src: "data:image/png;base64,AAAA".into(),
                alt: Some("x".into()),
            },
            Block::FigureCaption {
                text: "Orphan".into(),
            },
        ];
        let images = RenderOptions {
            images: true,
            ..RenderOptions::default()
        };
        assert_eq!(
            render(blocks.clone(), images),
            "<figure><img src=\"/a.jpg\" alt=\"\"><figcaption>Caption</figcaption></figure>\n\
             <figure><figcaption>Orphan</figcaption></figure>\n"
        );
        assert_eq!(
            render(blocks, RenderOptions::default()),
            "<figure><figcaption>Caption</figcaption></figure>\n\
             <figure><figcaption>Orphan</figcaption></figure>\n"
        );
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(
            render(
                vec![Block::Code {
                    text: "a\u{0}b\tc\u{7f}\n".into()
                }],
                RenderOptions::default()
            ),
            "<pre><code>ab\tc</code></pre>\n"
        );
    }
}
