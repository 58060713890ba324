//! Character references in text that never went through the tokenizer: JSON-LD strings and
//! other values that CMSs HTML-escape before embedding (`"name": "Redacci&oacute;n"`).
//!
//! Only references closed by `;` are decoded (`&oacute;`, `&#243;`, `&#xF3;`), with the
//! tokenizer's own reference reader: outside markup there is no legacy rule to honour, and a
//! bare `&copy` in a JSON string is more likely text.

use std::borrow::Cow;

use crate::tokenizer::char_ref;

/// `text` with its `;`-terminated character references decoded; borrowed when it has none.
pub fn unescape_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut search = 0;
    while let Some(found) = text[search..].find('&') {
        let amp = search + found;
        match char_ref::consume_terminated(text, amp + 1) {
            Some(reference) => {
                out.push_str(&text[copied..amp]);
                out.extend(reference.as_slice());
                copied = reference.end;
                search = reference.end;
            }
            None => search = amp + 1,
        }
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
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
