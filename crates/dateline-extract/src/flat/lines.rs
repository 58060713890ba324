//! The line model: the flattened text cut into units (a line, or one cell of a line that a
//! layout-preserving flattener padded into columns), each with the features the segmenter
//! scores. One pass over the bytes, no allocation per word, so that thousands of pages a
//! second stay possible.

use super::lexicon;

/// Runs of this many spaces inside a line separate layout columns (table-based pages come
/// out of layout-aware flatteners as text grids); prose never has them.
const COLUMN_GAP: usize = 3;
const GAP: &[u8] = b"   ";
const _: () = assert!(GAP.len() == COLUMN_GAP);

/// One unit of text: a whole line, or one column cell of it.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// Input line number (0-based); cells of one line share it.
    pub line: usize,
    /// The text, trimmed, without a list bullet.
    pub text: &'a str,
    /// Leading spaces of the input line (cells after the first add their column).
    pub indent: u32,
    /// Whether the flattener marked the line as a list item (`* `, `• `, `- `).
    pub bullet: bool,
    /// Whether a blank line (or the start of the text) comes right before.
    pub blank_before: bool,
    /// Whether the unit shares its input line with other cells.
    pub cell: bool,
    /// Counted features.
    pub f: Features,
}

/// Word and character counts of a unit.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Features {
    /// Characters other than whitespace.
    pub chars: u32,
    /// Whitespace-separated words.
    pub words: u32,
    /// Words starting with an upper-case letter.
    pub capitalised: u32,
    /// Words starting with a lower-case letter.
    pub lower: u32,
    /// Han, kana, Hangul and Thai characters, which come without spaces between words.
    pub cjk: u32,
    /// Sentence-ending punctuation inside or at the end of the text.
    pub sentence_marks: u32,
    /// Whether the text ends like a sentence (`.`, `!`, `?`, `。`, closing quote after one).
    pub ends_sentence: bool,
    /// Commas (Latin and CJK).
    pub commas: u32,
}

impl Features {
    /// A length measure comparable across scripts: words, or for CJK text about one word per
    /// two characters.
    pub fn weight(&self) -> u32 {
        if self.cjk * 2 > self.chars {
            self.cjk / 2 + self.words
        } else {
            self.words
        }
    }

    /// Share of `stop` function words (see [`function_words`]) among the words (0 without
    /// words).
    pub fn stop_ratio(&self, stop: u32) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            stop as f32 / self.words as f32
        }
    }
}

/// Cuts `text` into units in reading order.
pub(crate) fn split(text: &str) -> Vec<Line<'_>> {
    let mut units = Vec::with_capacity(text.len() / 48 + 8);
    let mut blank_before = true;
    let gap = memchr::memmem::Finder::new(GAP);
    // `text.split('\n')`, with the SIMD newline search of the memchr crate.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut line_start = 0;
    for (number, end) in ends.enumerate() {
        // A newline is ASCII: both ends are character boundaries.
        let raw = text.get(line_start..end).unwrap_or("");
        line_start = end + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let (indent, rest) = leading_space(raw);
        // `rest` starts with a character other than whitespace, if it has any.
        if rest.is_empty() {
            blank_before = true;
            continue;
        }
        let first = units.len();
        for (offset, cell) in cells(raw, &gap) {
            let (bullet, body) = strip_bullet(cell, indent >= 4);
            if body.is_empty() {
                continue;
            }
            units.push(Line {
                line: number,
                text: body,
                indent: if offset == 0 { indent } else { offset as u32 },
                bullet,
                blank_before: blank_before && units.len() == first,
                cell: false,
                f: features(body),
            });
        }
        if units.len() > first + 1 {
            for unit in &mut units[first..] {
                unit.cell = true;
            }
        }
        blank_before = false;
    }
    units
}

/// The width of the line's leading whitespace (a tab counts four) and the rest of the line.
/// Layout-preserving flatteners pad lines with dozens of spaces, so ASCII whitespace is
/// skipped byte by byte and only other characters are decoded.
fn leading_space(raw: &str) -> (u32, &str) {
    let bytes = raw.as_bytes();
    let mut at = skip_space_run(bytes, 0);
    let mut width = at as u32;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'\t' => width += 4,
            b' ' | b'\n' | b'\r' | 0x0b | 0x0c => width += 1,
            0x80.. => break,
            _ => return (width, raw.get(at..).unwrap_or("")),
        }
        at += 1;
    }
    let rest = raw.get(at..).unwrap_or("");
    let mut chars = rest.char_indices();
    for (offset, c) in chars.by_ref() {
        if !c.is_whitespace() {
            return (width, rest.get(offset..).unwrap_or(""));
        }
        width += if c == '\t' { 4 } else { 1 };
    }
    (width, "")
}

/// Where a run of spaces starting at `at` ends, at least to within eight bytes: eight
/// spaces are compared at once, since indentation and column padding are a good share of
/// the bytes of a layout-preserving flattener's output.
fn skip_space_run(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..at + 8) {
        if chunk != b"        " {
            break;
        }
        at += 8;
    }
    at
}

/// The column cells of one line with their byte offsets: text separated by runs of at least
/// [`COLUMN_GAP`] spaces. Most lines are one cell.
fn cells<'a>(
    raw: &'a str,
    gap: &memchr::memmem::Finder<'_>,
) -> impl Iterator<Item = (usize, &'a str)> {
    let bytes = raw.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        pos = skip_space_run(bytes, pos);
        while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        // The next column gap, found with SIMD: this scan covers every byte of the page.
        pos = gap.find(&bytes[pos..]).map_or(bytes.len(), |k| pos + k);
        // Only ASCII spaces are stopped at, so both ends are char boundaries.
        let cell = raw.get(start..pos).unwrap_or("").trim_end();
        Some((start, cell))
    })
    .filter(|(_, cell)| !cell.is_empty())
}

/// `* item` and `• item` are how flatteners write list items; the text is the rest.
/// Nested lists use `+ `, `o ` and `- ` too; those are only read as bullets when indented,
/// since prose may start with them (`o` is a word in Portuguese, dialogue starts with `- `).
fn strip_bullet(cell: &str, indented: bool) -> (bool, &str) {
    for marker in ["* ", "• ", "· ", "◦ ", "▪ ", "– "] {
        if let Some(rest) = cell.strip_prefix(marker) {
            return (true, rest.trim_start());
        }
    }
    if indented {
        for marker in ["+ ", "o ", "- "] {
            if let Some(rest) = cell.strip_prefix(marker) {
                return (true, rest.trim_start());
            }
        }
    }
    if cell == "*" || cell == "•" {
        return (true, "");
    }
    (false, cell)
}

/// Counts the features of one unit of text: whole-line counts first, in loops the compiler
/// vectorises, then one scan for word ends, with per-word work only at the word's edges.
pub(crate) fn features(text: &str) -> Features {
    let b = text.as_bytes();
    let counts = line_counts(b);
    let mut f = Features {
        sentence_marks: counts.marks,
        commas: counts.commas,
        ..Features::default()
    };
    if counts.starts == b.len() as u32 {
        // Every byte starts a character: ASCII, the common case.
        f.chars = counts.starts - counts.spaces;
        ascii_words(b, &mut f);
        f.ends_sentence = ends_sentence_ascii(b);
    } else {
        let other_spaces = mixed_words(text, &mut f);
        f.chars = counts.starts - counts.spaces - other_spaces;
        f.ends_sentence = ends_sentence(text);
    }
    f
}

/// Byte classes of the word scans: one table load instead of several range tests.
const SPACE: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
const DIGIT: u8 = 8;
const ALPHA: u8 = UPPER | LOWER;
const ALNUM: u8 = ALPHA | DIGIT;

static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = if ascii_space(b) {
            SPACE
        } else if b.is_ascii_uppercase() {
            UPPER
        } else if b.is_ascii_lowercase() {
            LOWER
        } else if b.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        i += 1;
    }
    table
};

#[inline]
fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// Whitespace as `char::is_whitespace` has it, for ASCII bytes.
const fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// Whole-line byte counts.
#[derive(Default)]
struct LineCounts {
    /// `.`, `!`, `?`.
    marks: u32,
    commas: u32,
    /// ASCII whitespace.
    spaces: u32,
    /// Bytes that start a character (all but UTF-8 continuation bytes).
    starts: u32,
}

/// [`LineCounts`] in chunks of up to 255 bytes with byte-wide counters, which the compiler
/// turns into sixteen-lane vector adds (32-bit counters would take four times the lanes).
fn line_counts(b: &[u8]) -> LineCounts {
    let mut counts = LineCounts::default();
    for chunk in b.chunks(255) {
        let (mut marks, mut commas, mut spaces, mut starts) = (0u8, 0u8, 0u8, 0u8);
        for &c in chunk {
            marks += u8::from(matches!(c, b'.' | b'!' | b'?'));
            commas += u8::from(c == b',');
            spaces += u8::from(ascii_space(c));
            starts += u8::from((c as i8) >= -0x40);
        }
        counts.marks += u32::from(marks);
        counts.commas += u32::from(commas);
        counts.spaces += u32::from(spaces);
        counts.starts += u32::from(starts);
    }
    counts
}

/// Words and case of their first letters of ASCII text.
fn ascii_words(b: &[u8], f: &mut Features) {
    for (start, end) in ascii_word_spans(b) {
        ascii_word(b.get(start..end).unwrap_or_default(), f);
    }
}

/// The `(start, end)` byte spans of the whitespace-separated words of ASCII text `b`.
fn ascii_word_spans(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && class(b[i]) & SPACE != 0 {
            i += 1;
        }
        if i == b.len() {
            return None;
        }
        let start = i;
        i = ascii_word_end(b, i);
        Some((start, i))
    })
}

/// Where the word of ASCII text `b` running at `i` ends: the next ASCII whitespace, or the
/// end. Eight bytes are tested at once for one below `!` (whitespace and the other control
/// bytes); the scan for word ends covers every byte of the text.
fn ascii_word_end(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(chunk) = b.get(i..i + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(chunk);
        // The lowest flagged byte is the first below 0x21 (bytes are ASCII, so a borrow
        // only flags bytes after it).
        let low = x.wrapping_sub(0x21 * ONES) & !x & (0x80 * ONES);
        if low == 0 {
            i += 8;
            continue;
        }
        i += (low.trailing_zeros() / 8) as usize;
        if class(b[i]) & SPACE != 0 {
            return i;
        }
        // A control byte other than whitespace belongs to the word.
        i += 1;
    }
    while i < b.len() && class(b[i]) & SPACE == 0 {
        i += 1;
    }
    i
}

/// Eight bytes at `i` (or fewer, up to the first byte that may end the word or is not
/// ASCII) that are ASCII and no whitespace; `None` when there are none that way.
#[inline]
fn ascii_word_bytes(b: &[u8], i: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let chunk = <[u8; 8]>::try_from(b.get(i..i + 8)?).ok()?;
    let x = u64::from_le_bytes(chunk);
    // Flags bytes below 0x21 (exactly the lowest; see `ascii_word_end`) and bytes of
    // 0x80 and above.
    let stop = (x.wrapping_sub(0x21 * ONES) & !x | x) & (0x80 * ONES);
    let run = if stop == 0 {
        8
    } else {
        (stop.trailing_zeros() / 8) as usize
    };
    (run > 0).then_some(run)
}

/// Counts the ASCII word `word` and the case of its first letter.
#[inline(always)]
fn ascii_word(word: &[u8], f: &mut Features) {
    f.words += 1;
    for &c in word {
        let c = class(c);
        if c & ALPHA != 0 {
            if c & UPPER != 0 {
                f.capitalised += 1;
            } else {
                f.lower += 1;
            }
            return;
        }
    }
}

/// Function words (multilingual list) among the whitespace-separated words of `text`,
/// punctuation around them ignored. Looked up only for the units whose class depends on it
/// (see `segment::classify`): the lookup is most of the cost of a word.
pub(crate) fn function_words(text: &str) -> u32 {
    let table = lexicon::ascii_table();
    let b = text.as_bytes();
    let mut stop = 0;
    if text.is_ascii() {
        for (mut s, mut e) in ascii_word_spans(b) {
            while s < e && class(b[s]) & ALNUM == 0 {
                s += 1;
            }
            while e > s && class(b[e - 1]) & ALNUM == 0 {
                e -= 1;
            }
            stop += u32::from(table.contains_in(b, s, e));
        }
        return stop;
    }
    for word in text.split_whitespace() {
        let found = if word.is_ascii() {
            let w = word.as_bytes();
            let s = w.iter().position(|&c| class(c) & ALNUM != 0);
            let e = w.iter().rposition(|&c| class(c) & ALNUM != 0);
            match (s, e) {
                (Some(s), Some(e)) => table.contains_in(w, s, e + 1),
                _ => false,
            }
        } else {
            lexicon::is_function_word(word)
        };
        stop += u32::from(found);
    }
    stop
}

/// Words of text with characters other than ASCII (a curly quote is enough): ASCII words as
/// in [`ascii_words`], each other character decoded once; words are split on Unicode
/// whitespace. Returns the number of whitespace characters other than ASCII.
fn mixed_words(text: &str, f: &mut Features) -> u32 {
    let b = text.as_bytes();
    let decode = |at: usize| {
        text.get(at..)
            .and_then(|rest| rest.chars().next())
            .map_or((' ', 1), |c| (c, c.len_utf8()))
    };
    let mut other_spaces = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            if class(b[i]) & SPACE != 0 {
                i += 1;
                continue;
            }
        } else {
            let (c, width) = decode(i);
            if is_other_space(c) {
                other_spaces += 1;
                i += width;
                continue;
            }
        }
        let start = i;
        // Whether the word has a character other than ASCII yet, and (from then on) whether
        // its first letter came.
        let mut ascii = true;
        let mut first_letter = false;
        while i < b.len() {
            if ascii && let Some(run) = ascii_word_bytes(b, i) {
                i += run;
                continue;
            }
            let c = b[i];
            if c < 0x80 {
                let class = class(c);
                if class & SPACE != 0 {
                    break;
                }
                if !ascii && !first_letter && class & ALPHA != 0 {
                    first_letter = true;
                    if class & UPPER != 0 {
                        f.capitalised += 1;
                    } else {
                        f.lower += 1;
                    }
                }
                i += 1;
                continue;
            }
            let (ch, width) = decode(i);
            if is_other_space(ch) {
                // Skipped and counted by the outer loop.
                break;
            }
            if ascii {
                ascii = false;
                first_letter = ascii_first_letter(&b[start..i], f);
            }
            match ch {
                '\u{3002}' | '\u{ff01}' | '\u{ff1f}' | '\u{61f}' | '\u{964}' => {
                    f.sentence_marks += 1;
                }
                '\u{ff0c}' | '\u{3001}' | '\u{60c}' => f.commas += 1,
                _ => {
                    if is_cjk(ch) {
                        f.cjk += 1;
                    }
                }
            }
            if !first_letter && ch.is_alphabetic() {
                first_letter = true;
                if ch.is_uppercase() {
                    f.capitalised += 1;
                } else if ch.is_lowercase() {
                    f.lower += 1;
                }
            }
            i += width;
        }
        if ascii {
            ascii_word(b.get(start..i).unwrap_or_default(), f);
        } else {
            f.words += 1;
        }
    }
    other_spaces
}

/// `char::is_whitespace` for a character other than ASCII, without the Unicode table
/// search: every such character of a line is tested, and letters are most of them.
fn is_other_space(c: char) -> bool {
    matches!(
        c,
        '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Counts the case of the first letter of an ASCII word start; whether it has one.
fn ascii_first_letter(word: &[u8], f: &mut Features) -> bool {
    for &c in word {
        let class = class(c);
        if class & ALPHA != 0 {
            if class & UPPER != 0 {
                f.capitalised += 1;
            } else {
                f.lower += 1;
            }
            return true;
        }
    }
    false
}

/// [`ends_sentence`] for ASCII text, without re-validating it as UTF-8.
fn ends_sentence_ascii(b: &[u8]) -> bool {
    let mut end = b.len();
    while end > 0 && matches!(b[end - 1], b'"' | b'\'' | b')' | b']' | b'*') {
        end -= 1;
    }
    let trimmed = &b[..end];
    trimmed
        .last()
        .is_some_and(|c| matches!(c, b'.' | b'!' | b'?' | b':' | b';'))
        && !trimmed.ends_with(b" ..")
}

fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*']);
    trimmed.ends_with(['.', '!', '?', '。', '！', '？', '؟', '।', ':', ';', '…'])
        && !trimmed.ends_with(" ..")
        && !trimmed.ends_with(" …")
}

/// Scripts written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'   // kana
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified
        | '\u{ac00}'..='\u{d7af}' // Hangul syllables
        | '\u{0e00}'..='\u{0e7f}' // Thai
        | '\u{f900}'..='\u{faff}')
}

/// The word-by-word form [`features`] replaced, kept to check it against.
#[cfg(test)]
fn features_by_words(text: &str) -> (Features, u32) {
    let mut f = Features::default();
    let mut stop = 0;
    for word in text.split_whitespace() {
        f.words += 1;
        let first_letter = word.chars().find(|c| c.is_alphabetic());
        if let Some(c) = first_letter {
            if c.is_uppercase() {
                f.capitalised += 1;
            } else if c.is_lowercase() {
                f.lower += 1;
            }
        }
        if word.is_ascii() {
            f.chars += word.len() as u32;
            for b in word.bytes() {
                match b {
                    b'.' | b'!' | b'?' => f.sentence_marks += 1,
                    b',' => f.commas += 1,
                    _ => {}
                }
            }
            // ASCII words of a line with a curly quote or an accent elsewhere: the
            // lexicon's ASCII path, which trims and lower-cases the same way.
            let bytes = word.as_bytes();
            let (mut s, mut e) = (0, bytes.len());
            while s < e && !bytes[s].is_ascii_alphanumeric() {
                s += 1;
            }
            while e > s && !bytes[e - 1].is_ascii_alphanumeric() {
                e -= 1;
            }
            if lexicon::is_function_word_ascii(&bytes[s..e]) {
                stop += 1;
            }
        } else {
            for c in word.chars() {
                f.chars += 1;
                match c {
                    '.' | '!' | '?' | '。' | '！' | '？' | '؟' | '।' => f.sentence_marks += 1,
                    ',' | '，' | '、' | '،' => f.commas += 1,
                    _ => {
                        if is_cjk(c) {
                            f.cjk += 1;
                        }
                    }
                }
            }
            if lexicon::is_function_word(word) {
                stop += 1;
            }
        }
    }
    f.ends_sentence = ends_sentence(text);
    (f, stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_split_on_wide_gaps_only() {
        let units = split("  Title here    other column\n\n* item one\nA sentence, with a comma.");
        let texts: Vec<&str> = units.iter().map(|u| u.text).collect();
        assert_eq!(
            texts,
            [
                "Title here",
                "other column",
                "item one",
                "A sentence, with a comma."
            ]
        );
        assert!(units[0].cell && units[1].cell);
        assert_eq!(units[0].indent, 2);
        assert!(units[2].bullet && units[2].blank_before);
        assert!(!units[3].blank_before);
        assert!(units[3].f.ends_sentence);
        assert_eq!(units[3].f.commas, 1);
    }

    #[test]
    fn ascii_and_unicode_counts_agree() {
        let text = "The council, at last, voted (7-2) on Tuesday. \"Finally!\" said Ms Roe.";
        let fast = features(text);
        let mut slow_input = text.to_string();
        slow_input.push('é');
        let slow = features(&slow_input);
        assert_eq!(fast.words, slow.words);
        assert_eq!(function_words(text), function_words(&slow_input));
        assert_eq!(fast.capitalised, slow.capitalised);
        assert_eq!(fast.lower, slow.lower);
        assert_eq!(fast.commas, slow.commas);
        assert_eq!(fast.sentence_marks, slow.sentence_marks);
        assert_eq!(fast.chars + 1, slow.chars);
        for text in [
            "Done.\")", "Wait ..", "So: ", "A list;*", "No", "\"'", "Really?'",
        ] {
            assert_eq!(
                ends_sentence_ascii(text.as_bytes()),
                ends_sentence(text),
                "{text}"
            );
        }
    }

    #[test]
    fn leading_space_counts_tabs_and_other_scripts_spaces() {
        assert_eq!(leading_space("\t  x y"), (6, "x y"));
        assert_eq!(leading_space(" \u{a0}\u{3000}Zeile"), (3, "Zeile"));
        assert_eq!(leading_space("   "), (3, ""));
        assert_eq!(leading_space("\u{2003}"), (1, ""));
        assert_eq!(leading_space("é "), (0, "é "));
    }

    #[test]
    fn one_pass_counts_as_word_by_word() {
        for text in [
            "It\u{2019}s the council\u{2019}s vote, at last.",
            "Der Bürgermeister sagte am Dienstag: «Wir bauen die Brücke.»",
            "\u{a0}Le maire a dit\u{a0}: «\u{a0}Nous allons voter\u{a0}!\u{a0}»",
            "Москва, 10 мая. Мэр сказал, что это так.",
            "東京都は十日、新しい図書館の建設計画を発表した。 Tokyo, 10 May.",
            "قال رئيس البلدية، إن المكتبة ستفتح؟",
            "— Ab, ÉCOLE été. Ωmega İstanbul ǅemal 123 ... !?",
            "word\u{2003}word\u{3000}word\u{85}end…",
            "«»  ‹› “” ‘’",
        ] {
            let (a, (b, stop)) = (features(text), features_by_words(text));
            assert_eq!(function_words(text), stop, "{text}");
            assert_eq!(
                (a.chars, a.words, a.capitalised, a.lower, a.cjk),
                (b.chars, b.words, b.capitalised, b.lower, b.cjk),
                "{text}"
            );
            assert_eq!(
                (a.sentence_marks, a.commas, a.ends_sentence),
                (b.sentence_marks, b.commas, b.ends_sentence),
                "{text}"
            );
        }
    }

    /// The one-pass scan and the word-by-word reference agree on every count.
    fn counts_agree(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let (a, (b, stop)) = (features(text), features_by_words(text));
        proptest::prop_assert_eq!(function_words(text), stop);
        proptest::prop_assert_eq!(
            (a.chars, a.words, a.capitalised, a.lower, a.cjk, a.commas),
            (b.chars, b.words, b.capitalised, b.lower, b.cjk, b.commas)
        );
        proptest::prop_assert_eq!(a.sentence_marks, b.sentence_marks);
        proptest::prop_assert_eq!(a.ends_sentence, b.ends_sentence);
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn one_pass_counts_as_word_by_word_on_any_text(text in "\\PC{0,60}") {
            counts_agree(&text)?;
        }

        #[test]
        fn ascii_counts_as_word_by_word(text in "[ -~\\t\\n\\x0b\\x0c\\r\\x00-\\x08\\x0e-\\x1f]{0,80}") {
            counts_agree(&text)?;
        }
    }

    #[test]
    fn other_spaces_are_the_unicode_whitespace() {
        for c in '\u{80}'..='\u{10ffff}' {
            assert_eq!(is_other_space(c), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn cjk_weight_counts_characters() {
        let f = features("東京都は十日、新しい図書館の建設計画を発表した。");
        assert!(f.weight() >= 10);
        assert!(f.ends_sentence);
    }
}
