//! Text or HTML: what an input is when the user did not say. Crawl archives keep pages as
//! flattened text as often as markup, and the two need different extractors.

use std::io::Read;

/// How much of the (decompressed) input is looked at.
const SNIFF_BYTES: usize = 8 * 1024;
/// Markup-like tags per KiB of input above which text is read as HTML. Flattened text has
/// none; even a tag-poor HTML page has a few per KiB near its top.
const TAGS_PER_KIB: usize = 2;

/// A text may quote a tag or two; markup has more.
const MIN_TAGS: usize = 3;

/// What the extractor should read the input as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Html,
    Text,
}

/// Decides from the first KiBs of `bytes` (gunzipped when they are gzip), the file name
/// (`.txt`, `.txt.gz` hint text; `.html`, `.htm` mean HTML) and the HTTP content type.
pub fn detect(bytes: &[u8], name: Option<&str>, content_type: Option<&str>) -> Kind {
    if let Some(content_type) = content_type {
        let lower = content_type.to_ascii_lowercase();
        if lower.starts_with("text/plain") {
            return Kind::Text;
        }
        if lower.contains("html") || lower.contains("xml") {
            return Kind::Html;
        }
    }
    let name = name.map(str::to_ascii_lowercase).unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml") {
        return Kind::Html;
    }
    let head = head(bytes);
    let tags = count_tags(&head);
    if name.ends_with(".txt") {
        // A text file is HTML only when it plainly is a page: it opens like one and has
        // markup after that opening.
        return if starts_like_html(&head) && tags >= MIN_TAGS {
            Kind::Html
        } else {
            Kind::Text
        };
    }
    if starts_like_html(&head) {
        return Kind::Html;
    }
    let dense = tags >= MIN_TAGS && tags * 1024 >= TAGS_PER_KIB * head.len().max(1);
    if dense || has_page_tags(&head) {
        Kind::Html
    } else {
        Kind::Text
    }
}

/// The first [`SNIFF_BYTES`] bytes, gunzipped if needed (errors leave what was read).
fn head(bytes: &[u8]) -> Vec<u8> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::with_capacity(SNIFF_BYTES);
        let _ = flate2::read::MultiGzDecoder::new(bytes)
            .take(SNIFF_BYTES as u64)
            .read_to_end(&mut out);
        out
    } else {
        bytes[..bytes.len().min(SNIFF_BYTES)].to_vec()
    }
}

/// `<!doctype html`, `<html`, `<?xml`, or a comment first (after a BOM and whitespace).
fn starts_like_html(head: &[u8]) -> bool {
    let start = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start: Vec<u8> = start
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(16)
        .map(u8::to_ascii_lowercase)
        .collect();
    start.starts_with(b"<!doctype")
        || start.starts_with(b"<html")
        || start.starts_with(b"<?xml")
        || start.starts_with(b"<!--")
        || start.starts_with(b"<head")
}

/// `<` followed by a letter, `/` or `!`: the start of a tag.
fn count_tags(head: &[u8]) -> usize {
    head.windows(2)
        .filter(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        .count()
}

/// Tags only a page has (a text about HTML may mention one, not several).
fn has_page_tags(head: &[u8]) -> bool {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let found = [
        &b"<html"[..],
        b"<head",
        b"<body",
        b"<meta ",
        b"<script",
        b"<div",
        b"<p>",
        b"<title",
    ]
    .iter()
    .filter(|tag| lower.windows(tag.len()).any(|w| w == **tag))
    .count();
    found >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_pages() {
        assert_eq!(detect(b"<!DOCTYPE html><p>x", None, None), Kind::Html);
        assert_eq!(
            detect(b"\n  <html><body>x</body></html>", None, None),
            Kind::Html
        );
        assert_eq!(
            detect(b"<div><p>Just a fragment</p></div>", None, None),
            Kind::Html
        );
        assert_eq!(detect(b"plain words", Some("a.html"), None), Kind::Html);
        assert_eq!(
            detect(b"plain words", None, Some("text/html; charset=utf-8")),
            Kind::Html
        );
    }

    #[test]
    fn flattened_text() {
        let text =
            b"date 2024-01-02 Example.com\n\nHeadline\n\nA paragraph that mentions <b> once.";
        assert_eq!(detect(text, None, None), Kind::Text);
        assert_eq!(
            detect(b"<html> is a tag name", Some("notes.txt"), None),
            Kind::Text
        );
        assert_eq!(
            detect(b"<!doctype html><html><p>x", Some("page.txt"), None),
            Kind::Html
        );
        assert_eq!(detect(b"<p>x", None, Some("text/plain")), Kind::Text);
    }
}
