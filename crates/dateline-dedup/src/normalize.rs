//! Text normalisation: the word sequence that hashing and shingling see.
//!
//! A word is a maximal run of alphanumeric characters (Unicode `Alphabetic` or `Numeric`, so
//! Indic vowel signs stay inside their word), lowercased with Unicode's full case mapping.
//! Everything else (punctuation, symbols, whitespace of any kind) only separates words, so
//! re-spacing, curly versus straight quotes, dashes and bullet characters do not change the
//! sequence. Scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao,
//! Khmer, Myanmar) make one word per character; otherwise a whole paragraph would be one word
//! and one edit would hide the paragraph from shingle matching.

/// Calls `word` with each normalised word of `text`, in order.
pub(crate) fn for_each_word(text: &str, mut word: impl FnMut(&str)) {
    // Runs of ASCII letters and digits (most of most texts) are scanned as bytes, and a
    // lower-case one that is a whole word is passed on without a copy; other characters
    // are decoded and judged one by one.
    let bytes = text.as_bytes();
    let mut buf = String::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = BYTE_CLASS[usize::from(b)];
        if class != NON_ASCII {
            if class == SEPARATOR {
                flush(&mut buf, &mut word);
                i += 1;
                continue;
            }
            let start = i;
            let mut seen = 0;
            while let Some(&b) = bytes.get(i) {
                let class = BYTE_CLASS[usize::from(b)];
                if class & (LOWER | UPPER) == 0 {
                    break;
                }
                seen |= class;
                i += 1;
            }
            let run = text.get(start..i).unwrap_or_default();
            // A non-ASCII character next may continue the word.
            let ends_word = bytes.get(i).is_none_or(u8::is_ascii);
            if buf.is_empty() && ends_word && seen & UPPER == 0 {
                word(run);
            } else {
                let from = buf.len();
                buf.push_str(run);
                buf[from..].make_ascii_lowercase();
                if ends_word {
                    flush(&mut buf, &mut word);
                }
            }
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        if !c.is_alphanumeric() {
            flush(&mut buf, &mut word);
        } else if is_unspaced_script(c) {
            flush(&mut buf, &mut word);
            buf.extend(c.to_lowercase());
            flush(&mut buf, &mut word);
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    flush(&mut buf, &mut word);
}

/// Byte classes for the ASCII scan: one table load instead of three range tests per byte.
const SEPARATOR: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const NON_ASCII: u8 = 4;

/// [`SEPARATOR`], [`LOWER`] (lower-case letters and digits), [`UPPER`] or [`NON_ASCII`] (a
/// byte of a multi-byte character) for each byte value.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [SEPARATOR; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if !byte.is_ascii() {
            NON_ASCII
        } else if byte.is_ascii_uppercase() {
            UPPER
        } else if byte.is_ascii_alphanumeric() {
            LOWER
        } else {
            SEPARATOR
        };
        b += 1;
    }
    table
};

fn flush(buf: &mut String, word: &mut impl FnMut(&str)) {
    if !buf.is_empty() {
        word(buf);
        buf.clear();
    }
}

/// Characters of scripts that do not separate words with spaces.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF          // Thai, Lao
        | 0x1000..=0x109F        // Myanmar
        | 0x1780..=0x17FF        // Khmer
        | 0x3040..=0x30FF        // Hiragana, Katakana
        | 0x3400..=0x4DBF        // CJK Extension A
        | 0x4E00..=0x9FFF        // CJK Unified Ideographs
        | 0xF900..=0xFAFF        // CJK Compatibility Ideographs
        | 0x20000..=0x3134F // CJK Extensions B..G
    )
}

/// The normalised form of `text`: its words (as defined in the module docs) joined by single
/// spaces. Two texts with the same normal form are exact duplicates.
///
/// ```
/// assert_eq!(
///     dateline_dedup::normalize("  The MAYOR’s plan —\n“approved”, 12-3!"),
///     "the mayor s plan approved 12 3"
/// );
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_word(text, |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_and_spacing_do_not_matter() {
        assert_eq!(
            normalize("Hello,   world!\n\n\"Quoted\" - text."),
            normalize("hello world — “quoted” text")
        );
    }

    #[test]
    fn non_ascii_letters_are_lowercased_inside_words() {
        assert_eq!(normalize("ÉCOLE Straße İstanbul"), "école straße i̇stanbul");
    }

    #[test]
    fn cjk_characters_are_words_of_their_own() {
        assert_eq!(normalize("市议会今天投票"), "市 议 会 今 天 投 票");
        assert_eq!(normalize("Tokyo東京2024"), "tokyo 東 京 2024");
    }

    #[test]
    fn devanagari_vowel_signs_stay_in_the_word() {
        assert_eq!(normalize("नगर परिषद"), "नगर परिषद");
    }

    /// The definition, character by character.
    fn words_by_char(text: &str) -> Vec<String> {
        let mut words = Vec::new();
        let mut buf = String::new();
        let mut emit = |buf: &mut String| {
            if !buf.is_empty() {
                words.push(std::mem::take(buf));
            }
        };
        for c in text.chars() {
            if !c.is_alphanumeric() {
                emit(&mut buf);
            } else if is_unspaced_script(c) {
                emit(&mut buf);
                buf.extend(c.to_lowercase());
                emit(&mut buf);
            } else {
                buf.extend(c.to_lowercase());
            }
        }
        emit(&mut buf);
        words
    }

    fn words(text: &str) -> Vec<String> {
        let mut words = Vec::new();
        for_each_word(text, |w| words.push(w.to_string()));
        words
    }

    #[test]
    fn byte_runs_split_like_the_definition() {
        for text in [
            "plain words here",
            "Mixed CASE Words",
            "caféS naïve ÉCOLE",
            "abcÉ Éabc abÉcd ab—cd ab東cd",
            "x",
            "É",
            "12-3 a1b2",
            "trailing ASCII é",
        ] {
            assert_eq!(words(text), words_by_char(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_splits_like_the_definition(text in "\\PC{0,40}|[a-zA-Z0-9 éÉ東—.]{0,40}") {
            proptest::prop_assert_eq!(words(&text), words_by_char(&text));
        }
    }

    #[test]
    fn empty_and_symbol_only_text_has_no_words() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" -- … !! "), "");
    }
}
