//! Character references (`&amp;`, `&#233;`, `&#x2014;`), decided the way html5ever's own
//! tokenizer decides them, with the whole input at hand instead of a resumable state machine.
//!
//! Named references take the longest name in the WHATWG table (markup5ever's map holds every
//! prefix of every name, so extending the name one character at a time stops as soon as no
//! longer name can match). In an attribute value a name without `;` followed by `=` or an
//! alphanumeric is left as text (the legacy rule that keeps `?a=1&copy=2` intact).

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// What a reference decoded to and where the input continues after it.
pub(crate) struct CharRef {
    pub(crate) chars: [char; 2],
    pub(crate) len: usize,
    pub(crate) end: usize,
}

impl CharRef {
    pub(crate) fn as_slice(&self) -> &[char] {
        &self.chars[..self.len]
    }
}

/// The reference starting at `at` (just after the `&`), or `None` when the `&` is plain text
/// (the input then continues right after the `&`).
pub(super) fn consume(src: &str, at: usize, in_attribute: bool) -> Option<CharRef> {
    let bytes = src.as_bytes();
    match bytes.get(at)? {
        b if b.is_ascii_alphanumeric() => named(src, at, in_attribute),
        b'#' => numeric(bytes, at + 1),
        _ => None,
    }
}

fn named(src: &str, at: usize, in_attribute: bool) -> Option<CharRef> {
    if let Some(found) = terminated(src, at) {
        return Some(found);
    }
    let mut end = at;
    let mut matched: Option<((u32, u32), usize)> = None;
    // Names are ASCII, so stepping by bytes is stepping by characters until the lookup fails.
    while end < src.len() {
        let next = end + 1;
        let Some(name) = src.get(at..next) else {
            break;
        };
        match NAMED_ENTITIES.get(name) {
            Some(&found) => {
                if found.0 != 0 {
                    matched = Some((found, next));
                }
                end = next;
            }
            None => break,
        }
    }
    let ((first, second), match_end) = matched?;
    let bytes = src.as_bytes();
    if bytes[match_end - 1] != b';'
        && in_attribute
        && bytes
            .get(match_end)
            .is_some_and(|&b| b == b'=' || b.is_ascii_alphanumeric())
    {
        return None;
    }
    from_table((first, second), match_end)
}

/// Longer names go the character-by-character way.
const QUICK_NAME_MAX: usize = 32;

/// A name closed by `;` that the table holds is the longest match by itself, since no name
/// goes on past a `;` (and the table holds every prefix of it, so the character-by-character
/// walk would reach it). Most references on real pages (`&amp;`, `&nbsp;`, `&rsquo;`) are
/// decided here with one lookup, the commonest without hashing at all.
fn terminated(src: &str, at: usize) -> Option<CharRef> {
    let bytes = src.as_bytes();
    let len = bytes
        .get(at..)?
        .iter()
        .take(QUICK_NAME_MAX)
        .position(|b| !b.is_ascii_alphanumeric())?;
    if bytes.get(at + len) != Some(&b';') {
        return None;
    }
    let end = at + len + 1;
    let name = src.get(at..end)?;
    let (first, second) = common_entity(name).or_else(|| NAMED_ENTITIES.get(name).copied())?;
    if first == 0 {
        return None;
    }
    from_table((first, second), end)
}

/// A reference from the table's code points (the second is 0 for one-character references).
fn from_table((first, second): (u32, u32), end: usize) -> Option<CharRef> {
    let first = char::from_u32(first)?;
    let (second, len) = match second {
        0 => ('\0', 1),
        c => (char::from_u32(c)?, 2),
    };
    Some(CharRef {
        chars: [first, second],
        len,
        end,
    })
}

/// A reference closed by `;` starting at `at` (just after the `&`), for text outside markup
/// (`dateline_html::unescape_entities`): no legacy unterminated names, and a numeric reference
/// to an invalid code point is left as text rather than turned into U+FFFD.
pub(crate) fn consume_terminated(src: &str, at: usize) -> Option<CharRef> {
    let bytes = src.as_bytes();
    if bytes.get(at) != Some(&b'#') {
        return terminated(src, at);
    }
    let found = numeric(bytes, at + 1)?;
    let closed = bytes.get(found.end.checked_sub(1)?) == Some(&b';');
    (closed && found.chars[0] != '\u{fffd}').then_some(found)
}

/// The references news pages use most, as the WHATWG table has them (a test compares).
fn common_entity(name: &str) -> Option<(u32, u32)> {
    let code = match name {
        "amp;" => 0x26,
        "nbsp;" => 0xA0,
        "quot;" => 0x22,
        "lt;" => 0x3C,
        "gt;" => 0x3E,
        "apos;" => 0x27,
        "rsquo;" => 0x2019,
        "lsquo;" => 0x2018,
        "ldquo;" => 0x201C,
        "rdquo;" => 0x201D,
        "hellip;" => 0x2026,
        "mdash;" => 0x2014,
        "ndash;" => 0x2013,
        "copy;" => 0xA9,
        "raquo;" => 0xBB,
        "laquo;" => 0xAB,
        _ => return None,
    };
    Some((code, 0))
}

fn numeric(bytes: &[u8], mut at: usize) -> Option<CharRef> {
    let base = match bytes.get(at) {
        Some(b'x' | b'X') => {
            at += 1;
            16
        }
        _ => 10,
    };
    let mut value: u32 = 0;
    let mut too_big = false;
    let mut digits = 0;
    while let Some(digit) = bytes.get(at).and_then(|&b| char::from(b).to_digit(base)) {
        value = value.saturating_mul(base).saturating_add(digit);
        if value > 0x10FFFF {
            too_big = true;
        }
        digits += 1;
        at += 1;
    }
    if digits == 0 {
        return None;
    }
    if bytes.get(at) == Some(&b';') {
        at += 1;
    }
    let c = match value {
        _ if too_big => '\u{fffd}',
        0x00 | 0xD800..=0xDFFF => '\u{fffd}',
        0x80..=0x9F => C1_REPLACEMENTS[(value - 0x80) as usize]
            .or_else(|| char::from_u32(value))
            .unwrap_or('\u{fffd}'),
        n => char::from_u32(n).unwrap_or('\u{fffd}'),
    };
    Some(CharRef {
        chars: [c, '\0'],
        len: 1,
        end: at,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn decode(s: &str, in_attribute: bool) -> Option<(String, usize)> {
        consume(s, 0, in_attribute).map(|r| (r.as_slice().iter().collect(), r.end))
    }

    #[test]
    fn named_longest_match_and_legacy_rule() {
        assert_eq!(decode("amp;x", false), Some(("&".into(), 4)));
        assert_eq!(decode("ampx", false), Some(("&".into(), 3)));
        assert_eq!(decode("notin;", false), Some(("∉".into(), 6)));
        assert_eq!(decode("notit", false), Some(("¬".into(), 3)));
        assert_eq!(decode("copy=2", true), None);
        assert_eq!(decode("copy;=2", true), Some(("©".into(), 5)));
        assert_eq!(decode("copy 2", true), Some(("©".into(), 4)));
        assert_eq!(decode("nosuch;", false), None);
    }

    #[test]
    fn common_entities_match_the_table() {
        for name in [
            "amp;", "nbsp;", "quot;", "lt;", "gt;", "apos;", "rsquo;", "lsquo;", "ldquo;",
            "rdquo;", "hellip;", "mdash;", "ndash;", "copy;", "raquo;", "laquo;",
        ] {
            assert_eq!(
                common_entity(name),
                NAMED_ENTITIES.get(name).copied(),
                "{name}"
            );
        }
        assert_eq!(common_entity("amp"), None);
    }

    #[test]
    fn terminated_names_decide_like_the_longest_match_walk() {
        // Through `consume` (which tries the one-lookup path first) and through the
        // character-by-character walk alone.
        let walk = |s: &str| {
            let mut end = 0;
            let mut matched = None;
            while let Some(&found) = s.get(..end + 1).and_then(|n| NAMED_ENTITIES.get(n)) {
                end += 1;
                if found.0 != 0 {
                    matched = Some((found, end));
                }
            }
            matched
        };
        for s in [
            "amp;",
            "ampx;",
            "notin;",
            "not;",
            "nbsp;x",
            "NotEqualTilde;",
            "Aacute;",
            "aacute;",
            "bnequiv;",
            "x;",
            "nosuch;",
            "lt;",
            "LT;",
            "CounterClockwiseContourIntegral;",
        ] {
            let quick = terminated(s, 0).map(|r| (r.as_slice().to_vec(), r.end));
            let slow = walk(s).map(|((a, b), end)| {
                let mut chars = vec![char::from_u32(a).unwrap()];
                if b != 0 {
                    chars.push(char::from_u32(b).unwrap());
                }
                (chars, end)
            });
            if let Some(quick) = quick {
                assert_eq!(Some(quick), slow, "{s}");
            }
        }
    }

    #[test]
    fn numeric_references() {
        assert_eq!(decode("#233;", false), Some(("é".into(), 5)));
        assert_eq!(decode("#x2014", false), Some(("—".into(), 6)));
        assert_eq!(decode("#X41;", false), Some(("A".into(), 5)));
        assert_eq!(decode("#0;", false), Some(("\u{fffd}".into(), 3)));
        assert_eq!(decode("#x110000;", false), Some(("\u{fffd}".into(), 9)));
        assert_eq!(
            decode("#99999999999999;", false),
            Some(("\u{fffd}".into(), 16))
        );
        assert_eq!(decode("#x80;", false), Some(("€".into(), 5)));
        assert_eq!(decode("#xD800;", false), Some(("\u{fffd}".into(), 7)));
        assert_eq!(decode("#x;", false), None);
        assert_eq!(decode("#;", false), None);
    }
}
