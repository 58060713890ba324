//! Character references in text that never went through the tokenizer: JSON-LD strings and
//! other values that CMSs HTML-escape before embedding (`"name": "Redacci&oacute;n"`).
//!
//! Only references closed by `;` are decoded (`&oacute;`, `&#243;`, `&#xF3;`): outside markup
//! there is no legacy rule to honour, and a bare `&copy` in a JSON string is more likely text.

use std::borrow::Cow;

use html5ever::data::NAMED_ENTITIES;

/// The longest entity name in the WHATWG table is 32 characters (`CounterClockwiseContourIntegral`).
const MAX_NAME_LEN: usize = 32;
/// Digits of the longest numeric reference worth reading (`&#x10FFFF;`).
const MAX_DIGITS: usize = 8;

/// `text` with its `;`-terminated character references decoded; borrowed when it has none.
pub fn unescape_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((chars, used)) => {
                out.extend(chars.into_iter().flatten());
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The characters a reference starting right after `&` stands for, and its length.
fn reference(after: &str) -> Option<([Option<char>; 2], usize)> {
    // Looked for only as far as the longest reference reaches: text with many `&` and no
    // `;` must not be scanned to its end once per `&`.
    let end = after
        .bytes()
        .take(MAX_NAME_LEN + 2)
        .position(|b| b == b';')?;
    let body = &after[..end];
    let chars = if let Some(number) = body.strip_prefix('#') {
        let (digits, radix) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (number, 10),
        };
        if digits.is_empty() || digits.len() > MAX_DIGITS {
            return None;
        }
        let code = u32::from_str_radix(digits, radix).ok()?;
        [Some(char::from_u32(code).filter(|&c| c != '\0')?), None]
    } else {
        if body.is_empty()
            || body.len() > MAX_NAME_LEN
            || !body.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return None;
        }
        let &(first, second) = NAMED_ENTITIES.get(&after[..=end])?;
        [
            char::from_u32(first),
            (second != 0).then(|| char::from_u32(second)).flatten(),
        ]
    };
    Some((chars, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_and_numeric_references() {
        assert_eq!(unescape_entities("Redacci&oacute;n"), "Redacción");
        assert_eq!(unescape_entities("caf&#233; &#x2014; bar"), "café — bar");
        assert_eq!(unescape_entities("Tom &amp; Jerry"), "Tom & Jerry");
        assert_eq!(unescape_entities("&NotEqualTilde;"), "\u{2242}\u{338}");
    }

    #[test]
    fn leaves_text_that_is_no_reference() {
        assert!(matches!(unescape_entities("plain"), Cow::Borrowed(_)));
        assert_eq!(unescape_entities("a & b; c"), "a & b; c");
        assert_eq!(unescape_entities("&nosuchname;"), "&nosuchname;");
        assert_eq!(unescape_entities("&copy 2024"), "&copy 2024");
        assert_eq!(
            unescape_entities("&#0;&#xD800;&#99999999999;"),
            "&#0;&#xD800;&#99999999999;"
        );
        assert_eq!(unescape_entities("trailing &"), "trailing &");
    }

    #[test]
    fn many_ampersands_without_semicolons_stay_linear() {
        // A quadratic scan would take minutes here.
        let text = "&".repeat(2_000_000) + ";";
        assert_eq!(unescape_entities(&text).len(), text.len());
    }
}
