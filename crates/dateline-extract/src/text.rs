//! Whitespace handling shared by the stages.

/// Appends `raw` to `out` with every whitespace run folded to one space, never starting `out`
/// with a space nor doubling one across calls. Returns the number of non-space chars added.
pub(crate) fn push_collapsed(out: &mut String, raw: &str) -> usize {
    let bytes = raw.as_bytes();
    let mut added = 0;
    let mut at = 0;
    while at < bytes.len() {
        // Visible ASCII (most of most pages) is neither space nor invisible: copied a run at
        // a time instead of a char at a time. A single space between two visible bytes stays
        // inside the run, as the char-by-char rule would add it anyway (the byte before it
        // is visible), so plain prose is copied a line at a time rather than a word at a time.
        let mut run_end = at;
        let mut spaces = 0;
        while let Some(&b) = bytes.get(run_end) {
            if b.is_ascii_graphic() {
                run_end += 1;
            } else if b == b' '
                && run_end > at
                && bytes.get(run_end + 1).is_some_and(u8::is_ascii_graphic)
            {
                run_end += 2;
                spaces += 1;
            } else {
                break;
            }
        }
        if run_end > at {
            out.push_str(&raw[at..run_end]);
            added += run_end - at - spaces;
            at = run_end;
            continue;
        }
        let b = bytes[at];
        if b.is_ascii() {
            // ASCII whitespace or a control character, without decoding a char: `out` can
            // only end in a space or newline byte if it ends in that char.
            at += 1;
            if matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
                if !matches!(out.as_bytes().last(), None | Some(b' ' | b'\n')) {
                    out.push(' ');
                }
            } else {
                out.push(char::from(b));
                added += 1;
            }
            continue;
        }
        let Some(c) = raw.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        at += c.len_utf8();
        if c.is_whitespace() || is_invisible(c) {
            if c.is_whitespace() && !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(c);
            added += 1;
        }
    }
    added
}

/// Characters that render as nothing and only get in the way of matching and counting.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Trims each line and drops empty lines.
pub(crate) fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim();
        if !line.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
        }
    }
    out
}

/// The longest prefix of `text` of at most `max_bytes` bytes that ends on a char boundary.
pub(crate) fn prefix(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Whitespace-collapsed, trimmed copy.
pub(crate) fn collapse(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    push_collapsed(&mut out, raw);
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// Number of characters other than ASCII whitespace. Counting bytes that start a UTF-8
/// sequence is several times faster than decoding chars; the price is that rare non-ASCII
/// spaces (U+00A0, U+3000) count as characters, which no length threshold notices.
pub(crate) fn char_len(text: &str) -> usize {
    text.bytes()
        .filter(|&b| !b.is_ascii_whitespace() && (b & 0xC0) != 0x80)
        .count()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn collapses_runs_and_counts() {
        let mut out = String::new();
        assert_eq!(push_collapsed(&mut out, "  a \n\t b"), 2);
        assert_eq!(out, "a b");
        push_collapsed(&mut out, " c\u{00AD}d ");
        assert_eq!(out, "a b cd ");
    }

    /// The definition `push_collapsed` implements, one char at a time.
    fn by_chars(out: &mut String, raw: &str) -> usize {
        let mut added = 0;
        for c in raw.chars() {
            if c.is_whitespace() || is_invisible(c) {
                if c.is_whitespace() && !out.is_empty() && !out.ends_with([' ', '\n']) {
                    out.push(' ');
                }
            } else {
                out.push(c);
                added += 1;
            }
        }
        added
    }

    proptest! {
        #[test]
        fn collapsing_agrees_with_the_char_definition_on_any_mix(
            start in "(|x|x |x\n)",
            raw in prop::collection::vec(
                prop::sample::select(vec![
                    "a", "Z", "9", ".", " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}",
                    "\u{1}", "\u{7f}", "\u{85}", "\u{a0}", "\u{ad}", "\u{200b}", "\u{2028}",
                    "\u{3000}", "é", "字",
                ]),
                0..24,
            ).prop_map(|pieces| pieces.concat()),
        ) {
            let (mut fast, mut slow) = (start.clone(), start);
            prop_assert_eq!(push_collapsed(&mut fast, &raw), by_chars(&mut slow, &raw));
            prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn collapsing_by_runs_agrees_with_the_char_definition() {
        for start in ["", "x", "x ", "x\n"] {
            for raw in [
                "",
                "  plain words, here.\t\r\n",
                "caf\u{e9}\u{a0}na\u{ef}ve\u{200b}x \u{3000}y",
                "\u{1}ctl\u{7f}\u{85}z",
                "\u{ad}\u{feff}",
                "a\u{2028}b",
                "one two  three\u{b}four\u{c}five\u{1f}six ~ x",
                " lead and trail ",
                "a b\u{e9} c\u{a0}d e",
            ] {
                let (mut fast, mut slow) = (start.to_string(), start.to_string());
                assert_eq!(
                    push_collapsed(&mut fast, raw),
                    by_chars(&mut slow, raw),
                    "{raw:?}"
                );
                assert_eq!(fast, slow, "{start:?} + {raw:?}");
            }
        }
    }

    #[test]
    fn tidies_lines() {
        assert_eq!(tidy_lines(" a \n\n  b\n "), "a\nb");
    }
}
