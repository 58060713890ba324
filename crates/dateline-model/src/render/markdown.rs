//! The Markdown output format (CommonMark with GFM tables).

use std::fmt::Write as _;

use super::{RenderOptions, Segment, body_blocks, included, is_safe_url, one_line, segments};
use crate::{Article, Block, Link, ListItem, TableRow};

/// The article as Markdown: `# title`, then the body blocks separated by a blank line,
/// ending with `"\n"` (empty when there is neither title nor body).
///
/// Body headings are at least `##`, so the title stays the only level-one heading. Text is
/// escaped only where Markdown would misread it: at line starts that would open a block (a
/// paragraph starting with `#`, `>`, `- `, `1. `, a fence, ...) and before every `<` (raw
/// HTML); inline emphasis characters are left alone so the output stays readable as text.
pub fn markdown(article: &Article, opts: &RenderOptions) -> String {
    let mut parts = Vec::new();
    if let Some(title) = article.title.as_deref().map(heading_text)
        && !title.is_empty()
    {
        parts.push(format!("# {title}"));
    }
    let mut previous_list = None;
    for block in body_blocks(article).iter().filter(|b| included(b, opts)) {
        let rendered = match block {
            Block::List { ordered, items } => {
                // Two lists separated only by a blank line merge into one in Markdown unless
                // the second uses the other marker (`-`/`*`, `.`/`)`).
                let alternate = previous_list == Some((*ordered, false));
                let rendered = list(*ordered, items, alternate, opts);
                if rendered.is_some() {
                    previous_list = Some((*ordered, alternate));
                }
                rendered
            }
            other => {
                let rendered = block_markdown(other, opts);
                if rendered.is_some() {
                    previous_list = None;
                }
                rendered
            }
        };
        parts.extend(rendered);
    }
    if parts.is_empty() {
        return String::new();
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// One non-list block as Markdown, or `None` when it has nothing to show.
fn block_markdown(block: &Block, opts: &RenderOptions) -> Option<String> {
    let rendered = match block {
        Block::Heading { level, text } => {
            let text = heading_text(text);
            if text.is_empty() {
                return None;
            }
            format!("{} {text}", "#".repeat(usize::from((*level).clamp(2, 6))))
        }
        Block::Paragraph { text, links } => inline(text, links, opts),
        Block::Quote { text, links } => {
            let body = inline(text, links, opts);
            if body.is_empty() {
                return None;
            }
            body.split('\n')
                .map(|line| {
                    if line.is_empty() {
                        ">".to_owned()
                    } else {
                        format!("> {line}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        Block::List { ordered, items } => return list(*ordered, items, false, opts),
        Block::Table { rows } => return table(rows),
        Block::Code { text } => {
            let body = text.trim_end_matches(['\n', '\r']);
            if body.trim().is_empty() {
                return None;
            }
            // A fence longer than any backtick run in the code cannot be closed by it.
            let fence = "`".repeat(longest_run(body, '`').max(2) + 1);
            format!("{fence}\n{body}\n{fence}")
        }
        Block::FigureCaption { text } => {
            let caption = one_line(text);
            if caption.is_empty() {
                return None;
            }
            let mut out = String::from("*");
            for c in caption.chars() {
                if matches!(c, '*' | '\\' | '<') {
                    out.push('\\');
                }
                out.push(c);
            }
            out.push('*');
            out
        }
        Block::Image { src, alt } => {
            if !is_safe_url(src) {
                return None;
            }
            let mut out = String::from("![");
            push_label(&mut out, alt.as_deref().unwrap_or_default());
            out.push_str("](");
            push_destination(&mut out, src);
            out.push(')');
            out
        }
    };
    (!rendered.is_empty()).then_some(rendered)
}

/// A list with items `1.`, `2.`... or `-`; `alternate` switches to `)` or `*`.
fn list(
    ordered: bool,
    items: &[ListItem],
    alternate: bool,
    opts: &RenderOptions,
) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let mut lines = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let marker = match (ordered, alternate) {
            (true, false) => format!("{}.", index + 1),
            (true, true) => format!("{})", index + 1),
            (false, false) => "-".to_owned(),
            (false, true) => "*".to_owned(),
        };
        let body = inline(&item.text, &item.links, opts);
        let mut item_lines = body.split('\n');
        match item_lines.next() {
            Some(first) if !first.is_empty() => lines.push(format!("{marker} {first}")),
            _ => lines.push(marker.clone()),
        }
        // Continuation lines belong to the item only when indented past its marker.
        let indent = " ".repeat(marker.len() + 1);
        for line in item_lines {
            lines.push(if line.is_empty() {
                String::new()
            } else {
                format!("{indent}{line}")
            });
        }
    }
    Some(lines.join("\n"))
}

/// A GFM table; the first row is the header row whatever its cells say, since GFM tables
/// must have one. Short rows are padded so every row has the same number of columns.
fn table(rows: &[TableRow]) -> Option<String> {
    let columns = rows.iter().map(|row| row.cells.len()).max().unwrap_or(0);
    if columns == 0 {
        return None;
    }
    let mut out = String::new();
    for (index, row) in rows.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        out.push('|');
        for column in 0..columns {
            let cell = row.cells.get(column).map(|c| c.text.as_str()).unwrap_or("");
            let mut escaped = String::new();
            push_text(&mut escaped, &one_line(cell));
            let _ = write!(out, " {} |", escaped.replace('|', "\\|"));
        }
        if index == 0 {
            out.push_str("\n|");
            out.push_str(&" --- |".repeat(columns));
        }
    }
    Some(out)
}

/// Heading text on one line, escaped like running text. A trailing run of `#` would be read
/// as the heading's closing sequence and vanish, so it is escaped too.
fn heading_text(raw: &str) -> String {
    let mut text = String::new();
    push_text(&mut text, &one_line(raw));
    let body_len = text.trim_end_matches('#').len();
    if body_len < text.len() {
        text.insert(body_len, '\\');
    }
    text
}

/// Running text with its links, line starts escaped and stripped of indentation (which
/// Markdown would read as a code block), and leading and trailing blank lines removed.
fn inline(text: &str, links: &[Link], opts: &RenderOptions) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at_line_start = true;
    for segment in segments(text, links, opts.links) {
        match segment {
            Segment::Plain(plain) => push_plain(&mut out, plain, &mut at_line_start),
            Segment::Link { anchor, href } => {
                // `![` would make the link an image.
                if out.ends_with('!') {
                    out.pop();
                    out.push_str("\\!");
                }
                out.push('[');
                push_label(&mut out, anchor);
                out.push_str("](");
                push_destination(&mut out, href);
                out.push(')');
                at_line_start = false;
            }
        }
    }
    out.trim_matches('\n').to_owned()
}

/// Appends plain text, escaping each line start that Markdown would read as structure.
/// `\r\n` and lone `\r` are line breaks to Markdown too, so all three end a line here.
fn push_plain(out: &mut String, text: &str, at_line_start: &mut bool) {
    let lines = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .flat_map(|line| line.split('\r'));
    for (index, line) in lines.enumerate() {
        if index > 0 {
            out.push('\n');
            *at_line_start = true;
        }
        if !*at_line_start {
            push_text(out, line);
            continue;
        }
        let line = line.trim_start_matches([' ', '\t']);
        if !line.is_empty() {
            push_line_start(out, line);
            *at_line_start = false;
        }
    }
}

/// Appends `line`, which starts a Markdown line, with a backslash before the character that
/// would otherwise open a heading, quote, list, fence, thematic break, setext underline,
/// table delimiter row or link reference definition. The end of `line` is treated as the end of the line:
/// when a link follows that can only over-escape, and a backslash before ASCII punctuation
/// renders as the punctuation alone.
fn push_line_start(out: &mut String, line: &str) {
    let bytes = line.as_bytes();
    let blank_or_end = |at: usize| bytes.get(at).is_none_or(|b| matches!(b, b' ' | b'\t'));
    let Some(&first) = bytes.first() else {
        return;
    };
    let escape_first = match first {
        b'#' | b'>' | b'[' => true,
        b'-' | b'+' | b'*' if blank_or_end(1) => true,
        b'`' => line.starts_with("```"),
        b'~' => line.starts_with("~~~"),
        b'-' | b'*' | b'_' | b'='
            if line.bytes().all(|b| b == first || b == b' ' || b == b'\t') =>
        {
            true
        }
        // Under a line with pipes this would be a GFM table's delimiter row.
        b'-' | b':' | b'|' => {
            line.contains('-')
                && line
                    .bytes()
                    .all(|b| matches!(b, b'-' | b':' | b'|' | b' ' | b'\t'))
        }
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            let marker = bytes.get(digits).is_some_and(|b| matches!(b, b'.' | b')'));
            if digits <= 9 && marker && blank_or_end(digits + 1) {
                // `1\. ` rather than `\1. `: a backslash before a digit is not an escape.
                out.push_str(&line[..digits]);
                out.push('\\');
                push_text(out, &line[digits..]);
                return;
            }
            false
        }
        _ => false,
    };
    if escape_first {
        out.push('\\');
    }
    push_text(out, line);
}

/// Appends part of a line of running text. Every `<` is escaped: Markdown passes `<tag>`
/// through as raw HTML, which would hide article text such as `<beyond>` or, for
/// `<script>`, run it. A backslash is escaped where Markdown would read it as an escape
/// (before ASCII punctuation, such as the `[` of a following link) or as a hard line break
/// (at the end of a line); elsewhere it is literal and left alone.
fn push_text(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => out.push_str("\\<"),
            '\\' if chars.peek().is_none_or(char::is_ascii_punctuation) => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
}

/// Appends link or image text: brackets, backslashes, backticks and `<` could end or
/// swallow the link, and a line break could start a block inside it.
fn push_label(out: &mut String, label: &str) {
    for c in label.chars() {
        match c {
            '\\' | '[' | ']' | '`' | '<' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
}

/// Appends a link destination with the characters that would end it or be read as escapes
/// percent-encoded, which leaves the URL meaning the same.
fn push_destination(out: &mut String, url: &str) {
    for c in url.trim().chars() {
        if c.is_whitespace() || c.is_control() || matches!(c, '(' | ')' | '<' | '>' | '\\') {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{byte:02X}");
            }
        } else {
            out.push(c);
        }
    }
}

/// The length of the longest run of `needle` in `text`.
fn longest_run(text: &str, needle: char) -> usize {
    let (mut longest, mut current) = (0, 0);
    for c in text.chars() {
        current = if c == needle { current + 1 } else { 0 };
        longest = longest.max(current);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TableCell;

    fn md(blocks: Vec<Block>, opts: RenderOptions) -> String {
        let mut article = Article::default();
        article.set_body(blocks);
        markdown(&article, &opts)
    }

    fn para(text: &str) -> Block {
        Block::Paragraph {
            text: text.into(),
            links: vec![],
        }
    }

    fn linked(text: &str, links: &[(usize, usize, &str)]) -> Block {
        Block::Paragraph {
            text: text.into(),
            links: links
                .iter()
                .map(|&(start, end, href)| Link {
                    start,
                    end,
                    href: href.into(),
                })
                .collect(),
        }
    }

    fn with_links() -> RenderOptions {
        RenderOptions {
            links: true,
            ..RenderOptions::default()
        }
    }

    #[test]
    fn escapes_structural_line_starts() {
        let cases = [
            ("# not a heading", "\\# not a heading"),
            ("#hashtag", "\\#hashtag"),
            ("- not a list", "\\- not a list"),
            ("-5 degrees", "-5 degrees"),
            ("+ plus", "\\+ plus"),
            ("* star", "\\* star"),
            ("*emphasis* is fine", "*emphasis* is fine"),
            ("1. not a list", "1\\. not a list"),
            ("2024) was a year", "2024\\) was a year"),
            ("2024 was a year", "2024 was a year"),
            ("3.5 million", "3.5 million"),
            ("> not a quote", "\\> not a quote"),
            ("<div> is a tag", "\\<div> is a tag"),
            ("a <b>c</b> d", "a \\<b>c\\</b> d"),
            ("1. <x>", "1\\. \\<x>"),
            ("[x]: /url", "\\[x]: /url"),
            ("```", "\\```"),
            ("~~~ tilde", "\\~~~ tilde"),
            ("***", "\\***"),
            ("_ _ _", "\\_ _ _"),
            ("a | b\n--- | :-:", "a | b\n\\--- | :-:"),
            ("|-|", "\\|-|"),
            (":- a", ":- a"),
            ("    indented", "indented"),
            ("plain # text - 1. >", "plain # text - 1. >"),
        ];
        for (input, want) in cases {
            assert_eq!(
                md(vec![para(input)], RenderOptions::default()),
                format!("{want}\n")
            );
        }
    }

    #[test]
    fn escapes_every_line_of_a_multi_line_paragraph() {
        assert_eq!(
            md(vec![para("a\n===\r\n# b\rc")], RenderOptions::default()),
            "a\n\\===\n\\# b\nc\n"
        );
    }

    #[test]
    fn renders_links_only_when_asked() {
        let block = linked(
            "Read the Zürich report now",
            &[(9, 23, "https://ex.com/a b(1)")],
        );
        assert_eq!(
            md(vec![block.clone()], with_links()),
            "Read the [Zürich report](https://ex.com/a%20b%281%29) now\n"
        );
        assert_eq!(
            md(vec![block], RenderOptions::default()),
            "Read the Zürich report now\n"
        );
    }

    #[test]
    fn link_at_paragraph_start_needs_no_escape_and_its_label_is_escaped() {
        let block = linked("# [tag] rest", &[(0, 7, "/t")]);
        assert_eq!(md(vec![block], with_links()), "[# \\[tag\\]](/t) rest\n");
    }

    #[test]
    fn backslashes_are_escaped_only_where_markdown_reads_them() {
        let cases = [
            ("C:\\path\\file", "C:\\path\\file"),
            ("a \\* b", "a \\\\* b"),
            ("ends in \\", "ends in \\\\"),
            ("two\\\nlines", "two\\\\\nlines"),
        ];
        for (input, want) in cases {
            assert_eq!(
                md(vec![para(input)], RenderOptions::default()),
                format!("{want}\n")
            );
        }
        // A backslash or `!` right before a link would escape it or turn it into an image.
        let block = linked("a\\link b!link", &[(2, 6, "/1"), (9, 13, "/2")]);
        assert_eq!(
            md(vec![block], with_links()),
            "a\\\\[link](/1) b\\![link](/2)\n"
        );
    }

    #[test]
    fn bad_links_are_ignored() {
        let text = "Zürich ok";
        let block = linked(
            text,
            &[
                (2, 4, "/split-char"),
                (0, 99, "/out-of-range"),
                (8, 7, "/backwards"),
                (0, 7, "/first"),
                (1, 9, "/overlapping"),
                (8, 10, "javascript:alert(1)"),
            ],
        );
        assert_eq!(md(vec![block], with_links()), "[Zürich](/first) ok\n");
    }

    #[test]
    fn headings_are_clamped_below_the_title() {
        let mut article = Article {
            title: Some("Title #1 #".into()),
            ..Article::default()
        };
        article.set_body(vec![
            Block::Heading {
                level: 1,
                text: "One".into(),
            },
            Block::Heading {
                level: 9,
                text: "Nine\nlines".into(),
            },
            Block::Heading {
                level: 0,
                text: "  ".into(),
            },
        ]);
        assert_eq!(
            markdown(&article, &RenderOptions::default()),
            "# Title #1 \\#\n\n## One\n\n###### Nine lines\n"
        );
    }

    #[test]
    fn lists_number_items_indent_continuations_and_alternate_markers() {
        let items = |texts: &[&str]| -> Vec<ListItem> {
            texts
                .iter()
                .map(|t| ListItem {
                    text: (*t).into(),
                    links: vec![],
                })
                .collect()
        };
        let out = md(
            vec![
                Block::List {
                    ordered: true,
                    items: items(&["one", "two\nlines", "# three", ""]),
                },
                Block::List {
                    ordered: true,
                    items: items(&["again"]),
                },
                Block::List {
                    ordered: false,
                    items: items(&["a"]),
                },
                Block::List {
                    ordered: false,
                    items: items(&["b"]),
                },
                Block::List {
                    ordered: false,
                    items: items(&["c"]),
                },
            ],
            RenderOptions::default(),
        );
        assert_eq!(
            out,
            "1. one\n2. two\n   lines\n3. \\# three\n4.\n\n1) again\n\n- a\n\n* b\n\n- c\n"
        );
    }

    #[test]
    fn quotes_prefix_every_line() {
        let out = md(
            vec![Block::Quote {
                text: "First.\n\n> Second\nthird".into(),
                links: vec![],
            }],
            RenderOptions::default(),
        );
        assert_eq!(out, "> First.\n>\n> \\> Second\n> third\n");
    }

    #[test]
    fn tables_use_the_first_row_as_header_escape_pipes_and_pad() {
        let cell = |text: &str| TableCell {
            text: text.into(),
            header: false,
        };
        let rows = vec![
            TableRow {
                cells: vec![cell("a|b"), cell("two\nlines")],
            },
            TableRow {
                cells: vec![cell("1"), cell("2"), cell("3")],
            },
            TableRow { cells: vec![] },
        ];
        let blocks = vec![Block::Table { rows }];
        assert_eq!(
            md(blocks.clone(), RenderOptions::default()),
            "| a\\|b | two lines |  |\n| --- | --- | --- |\n| 1 | 2 | 3 |\n|  |  |  |\n"
        );
        let no_tables = RenderOptions {
            tables: false,
            ..RenderOptions::default()
        };
        assert_eq!(md(blocks, no_tables), "");
        assert_eq!(
            md(
                vec![Block::Table {
                    rows: vec![TableRow { cells: vec![] }]
                }],
                RenderOptions::default()
            ),
            ""
        );
    }

    #[test]
    fn code_fences_outgrow_backtick_runs() {
        let out = md(
            vec![
                Block::Code {
                    text: "plain\n".into(),
                },
                Block::Code {
                    text: "a ```` b\n```".into(),
                },
            ],
            RenderOptions::default(),
        );
        assert_eq!(out, "```\nplain\n```\n\n`````\na ```` b\n```\n`````\n");
    }

    #[test]
    fn captions_and_images() {
        let blocks = vec![
            Block::Image {
                src: "https://ex.com/a b.jpg".into(),
                alt: Some("A [b]".into()),
            },
            Block::Image {
                src: "javascript:alert(1)".into(),
                alt: None,
            },
            Block::FigureCaption {
                text: " Photo: *AP* \\ ".into(),
            },
        ];
        let images = RenderOptions {
            images: true,
            ..RenderOptions::default()
        };
        assert_eq!(
            md(blocks.clone(), images),
            "![A \\[b\\]](https://ex.com/a%20b.jpg)\n\n*Photo: \\*AP\\* \\\\*\n"
        );
        assert_eq!(
            md(blocks, RenderOptions::default()),
            "*Photo: \\*AP\\* \\\\*\n"
        );
    }

    #[test]
    fn text_only_article_renders_its_paragraphs() {
        let article = Article {
            title: Some("T".into()),
            text: "One.\n\n# Two.".into(),
            ..Article::default()
        };
        assert_eq!(
            markdown(&article, &RenderOptions::default()),
            "# T\n\nOne.\n\n\\# Two.\n"
        );
        assert_eq!(markdown(&Article::default(), &RenderOptions::default()), "");
    }
}
