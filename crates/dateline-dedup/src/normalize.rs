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
    let mut buf = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            buf.push(c.to_ascii_lowercase());
        } else if c.is_ascii() || !c.is_alphanumeric() {
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

    #[test]
    fn empty_and_symbol_only_text_has_no_words() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" -- … !! "), "");
    }
}
