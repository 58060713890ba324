//! Choosing a page's character encoding and decoding it to UTF-8.
//!
//! Order: byte-order mark, the HTTP `Content-Type` charset, a `<meta>` declaration near the
//! top, UTF-16 without BOM (NUL-byte pattern), then chardetng's guess. One correction on top:
//! a page labelled with a legacy encoding whose bytes are valid, non-ASCII UTF-8 is decoded as
//! UTF-8, because servers and CMS templates mislabel UTF-8 far more often than legacy text
//! happens to form valid multi-byte UTF-8 sequences (a page of GBK or Shift_JIS text almost
//! never does).

use std::io::Read;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::error::InputError;

/// How far into the page a `<meta charset>` is looked for. The spec says 1024 bytes, but
/// real pages put kilobytes of scripts and styles first; 16 KiB finds nearly all of them.
const META_PRESCAN_BYTES: usize = 16 * 1024;
/// How far into the page non-ASCII evidence is looked for.
const DETECTION_SCAN_BYTES: usize = 128 * 1024;
/// chardetng sees at most this much evidence; enough for a confident guess. Detection costs
/// some 250 instructions a byte, so feeding it the page's ASCII markup would cost more than
/// extracting the page.
const DETECTION_EVIDENCE_BYTES: usize = 32 * 1024;
/// ASCII context kept on each side of a non-ASCII run: the detector scores byte pairs and
/// the letters next to a non-ASCII byte, nothing further away.
const EVIDENCE_CONTEXT_BYTES: usize = 16;

/// Where the chosen encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingSource {
    /// A byte-order mark.
    Bom,
    /// The HTTP `Content-Type` header.
    HttpHeader,
    /// A `<meta charset>` or `<meta http-equiv=Content-Type>` in the page.
    Meta,
    /// The bytes were valid UTF-8 although the page declared another encoding.
    Utf8Override,
    /// Guessed from the bytes (no declaration).
    Detected,
}

/// The encoding decision for one page.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Why it was used.
    pub source: EncodingSource,
    /// Whether malformed sequences were replaced by U+FFFD.
    pub had_errors: bool,
}

/// Decodes `bytes` to a `String` (see the module docs for the order of evidence).
pub fn decode_bytes(bytes: &[u8], content_type: Option<&str>) -> (String, Decoded) {
    let (encoding, source) = decide(bytes, content_type);
    // decode() strips a BOM matching any UTF encoding, which is what a browser does too.
    let (text, _, had_errors) = encoding.decode(bytes);
    (
        text.into_owned(),
        Decoded {
            encoding,
            source,
            had_errors,
        },
    )
}

/// Like [`decode_bytes`], but borrows `bytes` when no conversion is needed.
pub fn decode_cow<'a>(
    bytes: &'a [u8],
    content_type: Option<&str>,
) -> (std::borrow::Cow<'a, str>, Decoded) {
    let (encoding, source) = decide(bytes, content_type);
    let (text, _, had_errors) = encoding.decode(bytes);
    (
        text,
        Decoded {
            encoding,
            source,
            had_errors,
        },
    )
}

/// Only the encoding decision, without decoding.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> (&'static Encoding, EncodingSource) {
    decide(bytes, content_type)
}

fn decide(bytes: &[u8], content_type: Option<&str>) -> (&'static Encoding, EncodingSource) {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return (encoding, EncodingSource::Bom);
    }
    let declared = content_type
        .and_then(charset_in_content_type)
        .map(|e| (e, EncodingSource::HttpHeader))
        .or_else(|| meta_charset(bytes).map(|e| (e, EncodingSource::Meta)));
    if let Some((encoding, source)) = declared {
        if encoding != UTF_8 && is_non_ascii_utf8(bytes) {
            return (UTF_8, EncodingSource::Utf8Override);
        }
        return (encoding, source);
    }
    if let Some(encoding) = sniff_utf16(bytes) {
        return (encoding, EncodingSource::Detected);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (UTF_8, EncodingSource::Detected);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(&detection_evidence(bytes), true);
    (
        detector.guess(None, chardetng::Utf8Detection::Allow),
        EncodingSource::Detected,
    )
}

/// The page's non-ASCII runs with a little ASCII context on each side, joined by spaces so
/// no two runs form a byte pair the page does not have.
fn detection_evidence(bytes: &[u8]) -> Vec<u8> {
    let sample = &bytes[..bytes.len().min(DETECTION_SCAN_BYTES)];
    let mut evidence = Vec::with_capacity(DETECTION_EVIDENCE_BYTES.min(sample.len()) + 64);
    let mut at = 0;
    while evidence.len() < DETECTION_EVIDENCE_BYTES {
        let Some(found) = sample[at..].iter().position(|b| !b.is_ascii()) else {
            break;
        };
        let run_start = at + found;
        let run_end = sample[run_start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(sample.len(), |len| run_start + len);
        let from = run_start.saturating_sub(EVIDENCE_CONTEXT_BYTES).max(at);
        // Context that stops inside the next run (double-byte encodings put ASCII-range
        // trail bytes between lead bytes) runs on to that run's end, and context after it.
        let mut to = run_end;
        loop {
            to = (to + EVIDENCE_CONTEXT_BYTES).min(sample.len());
            if to == sample.len() || sample[to - 1].is_ascii() {
                break;
            }
            to = sample[to..]
                .iter()
                .position(u8::is_ascii)
                .map_or(sample.len(), |len| to + len);
        }
        if from > at || at == 0 {
            evidence.push(b' ');
        }
        evidence.extend_from_slice(&sample[from..to]);
        at = to;
    }
    evidence.truncate(DETECTION_EVIDENCE_BYTES);
    evidence
}

fn is_non_ascii_utf8(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

/// `text/html; charset="koi8-r"` -> KOI8-R.
fn charset_in_content_type(content_type: &str) -> Option<&'static Encoding> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let value = value_after_equals(&lower.as_bytes()[at + "charset".len()..])?;
    label_to_encoding(value)
}

/// Per the HTML spec a `<meta>` can never truly declare UTF-16 (the page could not have been
/// read as ASCII to find it), and `x-user-defined` means windows-1252.
fn label_to_encoding(label: &[u8]) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label)?;
    Some(if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else if encoding.name() == "x-user-defined" {
        WINDOWS_1252
    } else {
        encoding
    })
}

fn value_after_equals(rest: &[u8]) -> Option<&[u8]> {
    let mut i = 0;
    while i < rest.len() && rest[i].is_ascii_whitespace() {
        i += 1;
    }
    if rest.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    while i < rest.len() && (rest[i].is_ascii_whitespace() || rest[i] == b'"' || rest[i] == b'\'') {
        i += 1;
    }
    let start = i;
    while i < rest.len() && (rest[i].is_ascii_alphanumeric() || b"-_.:".contains(&rest[i])) {
        i += 1;
    }
    (i > start).then(|| &rest[start..i])
}

/// Finds `charset=` inside the first `<meta ...>` tags near the top of the page.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    let mut from = 0;
    while let Some(offset) = find_ascii_ci(&head[from..], b"<meta") {
        let tag_start = from + offset + 5;
        let tag_end =
            memchr::memchr(b'>', &head[tag_start..]).map_or(head.len(), |e| tag_start + e);
        let tag = &head[tag_start..tag_end];
        let mut search = 0;
        while let Some(at) = find_ascii_ci(&tag[search..], b"charset") {
            let after = search + at + "charset".len();
            if let Some(encoding) = value_after_equals(&tag[after..]).and_then(label_to_encoding) {
                return Some(encoding);
            }
            search = after;
        }
        from = tag_end;
    }
    None
}

fn find_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut start = 0;
    while let Some(pos) = memchr::memchr2(first, first.to_ascii_uppercase(), &haystack[start..]) {
        let at = start + pos;
        let end = at + needle.len();
        if end <= haystack.len() && haystack[at..end].eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        start = at + 1;
    }
    None
}

/// UTF-16 without a BOM shows as NUL bytes in every other position for Latin-script markup.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(1024) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if odd_nul * 10 > pairs * 7 && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 > pairs * 7 && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decompresses (multi-member) gzip, stopping with an error once the output passes `limit`.
pub fn gunzip_limited(bytes: &[u8], limit: usize) -> Result<Vec<u8>, InputError> {
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(limit));
    decoder
        .take(limit as u64 + 1)
        .read_to_end(&mut out)
        .map_err(InputError::Gzip)?;
    if out.len() > limit {
        return Err(InputError::DecompressedTooLarge { limit });
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "test text must be representable");
        bytes.into_owned()
    }

    #[test]
    fn windows_1251_from_meta() {
        let html = "<html><head><meta charset=\"windows-1251\"></head><body><p>Москва: новости дня</p></body></html>";
        let bytes = encode(encoding_rs::WINDOWS_1251, html);
        let (text, decoded) = decode_bytes(&bytes, None);
        assert_eq!(decoded.source, EncodingSource::Meta);
        assert!(text.contains("Москва: новости дня"));
    }

    #[test]
    fn shift_jis_from_http_equiv() {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><p>東京の天気は晴れです。</p></body></html>";
        let bytes = encode(encoding_rs::SHIFT_JIS, html);
        let (text, decoded) = decode_bytes(&bytes, None);
        assert_eq!(decoded.encoding, encoding_rs::SHIFT_JIS);
        assert!(text.contains("東京の天気は晴れです。"));
    }

    #[test]
    fn gbk_detected_without_declaration() {
        let html = "<html><body><p>北京市今天发布了新的交通管理规定，市民出行需要注意最新的道路信息和公共交通的调整。</p></body></html>";
        let bytes = encode(encoding_rs::GBK, html);
        let (text, decoded) = decode_bytes(&bytes, None);
        assert_eq!(decoded.source, EncodingSource::Detected);
        assert!(text.contains("北京市今天发布了新的交通管理规定"), "{text}");
    }

    #[test]
    fn legacy_encodings_detected_from_text_far_into_the_page() {
        let markup = "<div class=\"filler\"><a href=\"/section/x\">x</a></div>\n".repeat(800);
        for (encoding, text) in [
            (
                encoding_rs::WINDOWS_1251,
                "Москва: новости дня и погода на завтра в столице.",
            ),
            (
                encoding_rs::SHIFT_JIS,
                "東京の天気は晴れです。明日は雨が降るでしょう。",
            ),
            (
                WINDOWS_1252,
                "Le café de la gare a fermé à Noël, après trente années.",
            ),
            (
                encoding_rs::GBK,
                "北京市今天发布了新的交通管理规定，市民出行需要注意。",
            ),
        ] {
            let html = format!("<html><body>{markup}<p>{text}</p></body></html>");
            let bytes = encode(encoding, &html);
            let (decoded_text, decoded) = decode_bytes(&bytes, None);
            assert_eq!(decoded.encoding, encoding, "{text}");
            assert!(decoded_text.contains(text));
        }
    }

    #[test]
    fn evidence_keeps_context_and_separates_runs() {
        let bytes = b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xe9tait bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\xe0 la";
        let evidence = detection_evidence(bytes);
        assert!(evidence.len() < bytes.len());
        assert!(evidence.windows(5).any(|w| w == b"\xe9tait"));
        assert!(evidence.ends_with(b"\xe0 la"));
        assert!(detection_evidence(b"plain ascii").is_empty());
    }

    #[test]
    fn iso_8859_1_from_http_header() {
        let html = "<p>Le café de la gare a fermé à Noël.</p>";
        let bytes = encode(WINDOWS_1252, html);
        let (text, decoded) = decode_bytes(&bytes, Some("text/html; charset=\"ISO-8859-1\""));
        assert_eq!(decoded.source, EncodingSource::HttpHeader);
        assert!(text.contains("Le café de la gare a fermé à Noël."));
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let html = "<html><body><p>Größe und Übermut</p></body></html>";
        let mut with_bom = vec![0xff, 0xfe];
        let mut bare = Vec::new();
        for unit in html.encode_utf16() {
            with_bom.extend_from_slice(&unit.to_le_bytes());
            bare.extend_from_slice(&unit.to_be_bytes());
        }
        let (text, decoded) = decode_bytes(&with_bom, None);
        assert_eq!(decoded.source, EncodingSource::Bom);
        assert_eq!(text, html);
        let (text, decoded) = decode_bytes(&bare, None);
        assert_eq!(decoded.encoding, UTF_16BE);
        assert_eq!(text, html);
    }

    #[test]
    fn mislabelled_utf8_is_read_as_utf8() {
        let html = "<meta charset=iso-8859-1><p>Zürich – naïve</p>";
        let (text, decoded) = decode_bytes(html.as_bytes(), None);
        assert_eq!(decoded.source, EncodingSource::Utf8Override);
        assert!(text.contains("Zürich – naïve"));
    }

    #[test]
    fn utf8_labelled_gb2312_is_read_as_utf8() {
        let html = "<meta charset=gb2312><p>人工智能迈上新台阶</p>";
        let (text, decoded) = decode_bytes(html.as_bytes(), None);
        assert_eq!(decoded.source, EncodingSource::Utf8Override);
        assert!(text.contains("人工智能迈上新台阶"));
    }

    #[test]
    fn meta_declaring_utf16_means_utf8() {
        let html = "<meta charset=utf-16><p>plain</p>";
        let (_, decoded) = decode_bytes(html.as_bytes(), None);
        assert_eq!(decoded.encoding, UTF_8);
    }

    #[test]
    fn garbage_label_is_ignored() {
        let (text, _) = decode_bytes(b"<meta charset=\"no-such-thing\"><p>ok</p>", None);
        assert!(text.contains("ok"));
    }

    #[test]
    fn gzip_bomb_stops_at_limit() {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&vec![b'a'; 4 * 1024 * 1024]).unwrap();
        let bomb = encoder.finish().unwrap();
        assert!(matches!(
            gunzip_limited(&bomb, 1024 * 1024),
            Err(InputError::DecompressedTooLarge { .. })
        ));
        assert_eq!(
            gunzip_limited(&bomb, 8 * 1024 * 1024).unwrap().len(),
            4 * 1024 * 1024
        );
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder
            .write_all(b"<p>some page text that is long enough</p>")
            .unwrap();
        let gz = encoder.finish().unwrap();
        assert!(matches!(
            gunzip_limited(&gz[..gz.len() / 2], 1 << 20),
            Err(InputError::Gzip(_))
        ));
    }
}
