//! Drops the bodies of `<script>`, `<style>` and `<svg>` elements and comments before the
//! tokenizer sees them.
//!
//! They are a third of a typical news page's bytes and dateline never reads them (except
//! JSON-LD, which is kept), yet html5ever would tokenize them character by character and
//! copy them into the tree. The elements themselves stay, empty, so the tree has the same
//! shape. The scan understands just enough of the tokenizer to be safe: it steps over whole
//! tags, quoted attribute values included, so `<script` inside an attribute is never taken
//! for a tag, and it copies raw-text elements (`<title>`, `<textarea>`, …) untouched.

use memchr::{memchr, memchr3};

/// Byte ranges of `html` to keep, in order.
pub(crate) fn kept_ranges(html: &str) -> Vec<(usize, usize)> {
    let bytes = html.as_bytes();
    let mut ranges = Vec::new();
    let mut keep_from = 0;
    let mut at = 0;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let lt = at + offset;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            // A comment: drop it whole. An unterminated one runs to the end, as in a browser.
            let body = lt + 4;
            let end = find(bytes, body, b"-->").map_or(bytes.len(), |e| e + 3);
            push(&mut ranges, keep_from, lt);
            keep_from = end;
            at = end;
            continue;
        }
        if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
            at = lt + 1;
            continue;
        }
        let name_end = rest
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
            .map_or(bytes.len(), |p| lt + 1 + p);
        let name = &bytes[lt + 1..name_end];
        let tag_end = end_of_tag(bytes, name_end);
        let Some(tag_end) = tag_end else {
            break;
        };
        let raw = raw_text_kind(name);
        match raw {
            RawText::None => at = tag_end,
            RawText::Drop(closing) => {
                let is_script = name.eq_ignore_ascii_case(b"script");
                let keep_json = is_script && is_json_ld(&bytes[name_end..tag_end]);
                let close = find_ci(bytes, tag_end, closing).unwrap_or(bytes.len());
                if is_script && is_html_template(&bytes[name_end..tag_end], &bytes[tag_end..close])
                {
                    // Rendered by the page's script in a browser: read as the markup it is.
                    push(&mut ranges, keep_from, lt);
                    push(&mut ranges, tag_end, close);
                    let after_close =
                        memchr(b'>', &bytes[close..]).map_or(bytes.len(), |g| close + g + 1);
                    keep_from = after_close;
                    at = after_close;
                    if at >= bytes.len() {
                        break;
                    }
                    continue;
                }
                if !keep_json {
                    push(&mut ranges, keep_from, tag_end);
                    keep_from = close;
                }
                at = close;
            }
            RawText::Keep(closing) => at = find_ci(bytes, tag_end, closing).unwrap_or(bytes.len()),
        }
        if at >= bytes.len() {
            break;
        }
    }
    push(&mut ranges, keep_from, bytes.len());
    ranges
}

enum RawText {
    None,
    Drop(&'static [u8]),
    Keep(&'static [u8]),
}

/// Elements whose content the tokenizer reads as raw text: (name, closing tag, drop the body).
/// Script, style and SVG bodies are dropped (SVG: inline icons and charts, path data in huge
/// attributes, never text dateline reads); the others are copied untouched. Nothing after
/// `<plaintext>` is markup, so its "closing tag" can never match and the scan stops there.
const RAW_TEXT: &[(&[u8], &[u8], bool)] = &[
    (b"script", b"</script", true),
    (b"style", b"</style", true),
    (b"svg", b"</svg", true),
    (b"title", b"</title", false),
    (b"textarea", b"</textarea", false),
    (b"xmp", b"</xmp", false),
    (b"iframe", b"</iframe", false),
    (b"noembed", b"</noembed", false),
    (b"noframes", b"</noframes", false),
    (b"plaintext", b"\0\0never\0\0", false),
];

fn raw_text_kind(name: &[u8]) -> RawText {
    // Every tag passes through here; most are `a`, `p`, `div`, `span`, which the lengths and
    // first letters of the raw-text names rule out before any comparison.
    let plausible = (3..=9).contains(&name.len())
        && matches!(
            name[0].to_ascii_lowercase(),
            b's' | b't' | b'x' | b'i' | b'n' | b'p'
        );
    if !plausible {
        return RawText::None;
    }
    match RAW_TEXT
        .iter()
        .find(|(raw, _, _)| name.eq_ignore_ascii_case(raw))
    {
        Some((_, closing, true)) => RawText::Drop(closing),
        Some((_, closing, false)) => RawText::Keep(closing),
        None => RawText::None,
    }
}

/// Index just past the `>` that ends a tag whose name ends at `from`, stepping over quoted
/// attribute values; `None` if the page ends inside the tag. Tags are most of what is left
/// of a page, so the scan jumps between the three bytes that matter instead of stepping.
fn end_of_tag(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        let at = i + memchr3(b'>', b'"', b'\'', bytes.get(i..)?)?;
        let b = bytes[at];
        if b == b'>' {
            return Some(at + 1);
        }
        // A quote opens a value only right after `=` (spaces allowed), as in the tokenizer.
        i = if preceded_by_equals(bytes, from, at) {
            at + 1 + memchr(b, bytes.get(at + 1..)?)? + 1
        } else {
            at + 1
        };
    }
}

fn preceded_by_equals(bytes: &[u8], from: usize, i: usize) -> bool {
    let mut j = i;
    while j > from {
        j -= 1;
        if !bytes[j].is_ascii_whitespace() {
            return bytes[j] == b'=';
        }
    }
    false
}

/// A `<script type="text/template">` holding static markup (not JSON) with paragraphs: content a
/// client-side theme renders into the page (Blogger's Google blogs put whole posts there).
/// A template with placeholders (`{{name}}`, `<%= x %>`, `${x}`) is a widget's skeleton and
/// stays dropped.
fn is_html_template(attributes: &[u8], body: &[u8]) -> bool {
    let has = |hay: &[u8], needle: &[u8]| memchr::memmem::find(hay, needle).is_some();
    let lower_attrs = attributes.to_ascii_lowercase();
    let starts_with_markup = body.trim_ascii_start().starts_with(b"<");
    has(&lower_attrs, b"text/template")
        && starts_with_markup
        && (has(body, b"<p>") || has(body, b"<p "))
        && !has(body, b"{{")
        && !has(body, b"<%")
        && !has(body, b"${")
}

fn is_json_ld(attributes: &[u8]) -> bool {
    attributes
        .windows(b"ld+json".len())
        .any(|w| w.eq_ignore_ascii_case(b"ld+json"))
}

fn push(ranges: &mut Vec<(usize, usize)>, start: usize, end: usize) {
    if end > start {
        ranges.push((start, end));
    }
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&bytes[from.min(bytes.len())..], needle).map(|p| from + p)
}

/// Case-insensitive search for an ASCII `needle` starting with `<`.
fn find_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut at = from;
    while at < bytes.len() {
        let lt = at + memchr(b'<', &bytes[at..])?;
        if bytes.len() - lt >= needle.len()
            && bytes[lt..lt + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(lt);
        }
        at = lt + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filtered(html: &str) -> String {
        kept_ranges(html)
            .into_iter()
            .map(|(s, e)| &html[s..e])
            .collect()
    }

    #[test]
    fn drops_script_style_and_comments() {
        assert_eq!(
            filtered("<p>a<script>if (a<b) {}</script>b<!-- x -->c<STYLE>p{}</style>d"),
            "<p>a<script></script>b<!-- x -->c<STYLE></style>d".replace("<!-- x -->", "")
        );
    }

    #[test]
    fn drops_svg_bodies() {
        assert_eq!(
            filtered("<p>a<svg viewBox='0 0 1 1'><path d='M0 0'/></svg>b</p>"),
            "<p>a<svg viewBox='0 0 1 1'></svg>b</p>"
        );
    }

    #[test]
    fn static_html_templates_are_read_as_markup() {
        let html = "<div itemprop=articleBody><script type='text/template'>\n<p>Posted today.</p>\
                    <p>Body.</p></script></div><script type=text/template><p>{{title}}</p></script>\
                    <script type=text/template>{\"quote\":\"<p>Q</p>\"}</script>";
        assert_eq!(
            filtered(html),
            "<div itemprop=articleBody>\n<p>Posted today.</p><p>Body.</p></div>\
             <script type=text/template></script><script type=text/template></script>"
        );
    }

    #[test]
    fn keeps_json_ld() {
        let html = r#"<script type="application/ld+json">{"a":1}</script>"#;
        assert_eq!(filtered(html), html);
    }

    #[test]
    fn script_inside_attribute_is_not_a_tag() {
        let html = r#"<div data-embed="<script>x</script>">text</div><p>more</p>"#;
        assert_eq!(filtered(html), html);
    }

    #[test]
    fn raw_text_elements_are_copied() {
        let html = "<title>a <script> b</title><textarea><!-- c --></textarea>";
        assert_eq!(filtered(html), html);
    }

    #[test]
    fn unterminated_constructs_do_not_panic() {
        for html in [
            "<script>never closed",
            "<!-- open",
            "<div class='x",
            "<",
            "<a",
            "<script",
        ] {
            let _ = filtered(html);
        }
    }
}
