use serde::{Deserialize, Serialize};

use crate::block::Block;

/// One extracted news article.
///
/// Every optional field is `None`/empty when the page does not say it; serialisation skips
/// such fields so a consumer can tell "unknown" from "empty".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    /// Where the page came from as given by the user: a path, `-` for stdin, or a URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The page URL, when known (from the input or the page itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The canonical URL the page declares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    /// The headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The summary or standfirst the page declares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Person names (an organisation only when no person is named).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// ISO 8601 date or date-time, with the offset when the page gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    /// ISO 8601 date or date-time of the last modification.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<String>,
    /// The publication's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    /// The organisation that publishes the site, when the page names it apart from the site
    /// (JSON-LD `publisher`, `meta name=publisher`, Dublin Core, citation tags); it may equal
    /// `site_name`, and is not filled from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The section or category the article is filed under.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Keywords and topic tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// BCP 47 language tag (`en`, `de`, `pt-BR`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The lead image, as an absolute URL when the page URL is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The dateline at the start of the body (`LONDON (Reuters) -`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// The body as plain text: blocks in reading order, separated by a blank line.
    pub text: String,
    /// The body as typed blocks in reading order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    /// Number of words in `text`: maximal runs of letters and digits (see [`count_words`]).
    pub word_count: usize,
    /// Why this input gave no article; set only on failed inputs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Place, agencies and date announced at the start of a wire story.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dateline {
    /// The place (`LONDON`, `WASHINGTON`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// News agencies named (`Reuters`, `AP`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<String>,
    /// The date as written or as ISO 8601 when it could be resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Article {
    /// An article that records only a failure for `source`.
    pub fn failed(source: impl Into<String>, error: impl Into<String>) -> Self {
        Article {
            source: Some(source.into()),
            error: Some(error.into()),
            ..Article::default()
        }
    }

    /// Sets `blocks`, and derives `text` and `word_count` from them, so the three never disagree.
    pub fn set_body(&mut self, blocks: Vec<Block>) {
        self.text = crate::render::plain_text(&blocks);
        self.word_count = count_words(&self.text);
        self.blocks = blocks;
    }
}

/// Counts maximal runs of alphanumeric characters; CJK text without spaces counts each
/// ideograph run once, which undercounts, but stays stable across versions.
pub fn count_words(text: &str) -> usize {
    count_runs(text, false)
}

/// Words as a reader counts them: like [`count_words`], but each Chinese or Japanese
/// character (scripts written without spaces between words) counts as one, as CJK editors
/// count. For length thresholds; `word_count` keeps [`count_words`].
pub fn count_reading_words(text: &str) -> usize {
    if text.is_ascii() {
        return count_words(text);
    }
    count_runs(text, true)
}

fn count_runs(text: &str, cjk_characters: bool) -> usize {
    // Every body is counted when it is set, so ASCII bytes (most of most bodies) are read
    // as bytes and only other characters are decoded.
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    // Bytes before this position are read one by one: the last chunk tried held a non-ASCII
    // byte, so chunks are tried again only after it.
    let mut bytewise_until = 0;
    while i < bytes.len() {
        if i >= bytewise_until
            && let Some(chunk) = bytes.get(i..i + CHUNK)
            && let Ok(chunk) = <&[u8; CHUNK]>::try_from(chunk)
        {
            match chunk.iter().position(|b| !b.is_ascii()) {
                None => {
                    count += ascii_word_starts(chunk, &mut in_word);
                    i += CHUNK;
                    continue;
                }
                // A long ASCII run before the character (words of European text between
                // accented letters) is counted as a chunk too, padded with spaces.
                Some(at) if at >= MIN_PADDED_RUN => {
                    let mut padded = [b' '; CHUNK];
                    padded[..at].copy_from_slice(&chunk[..at]);
                    count += ascii_word_starts(&padded, &mut in_word);
                    in_word = ASCII_WORD[usize::from(chunk[at - 1])];
                    i += at;
                    bytewise_until = i + 1;
                }
                Some(at) => bytewise_until = i + at + 1,
            }
        }
        let b = bytes[i];
        let word_char = if b.is_ascii() {
            i += 1;
            let word_char = ASCII_WORD[usize::from(b)];
            count += usize::from(word_char && !in_word);
            in_word = word_char;
            continue;
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            if cjk_characters && is_cjk(c) {
                count += 1;
                in_word = false;
                continue;
            }
            is_word_char(c)
        };
        if word_char && !in_word {
            count += 1;
        }
        in_word = word_char;
    }
    count
}

/// Shortest ASCII run before another character that is counted as a padded chunk: below
/// it, the byte loop costs less than the chunk's fixed work.
const MIN_PADDED_RUN: usize = 12;

/// ASCII bytes counted together: a chunk's letter/digit test and word-start count compile
/// to vector instructions, a fifth of the instructions of the byte-by-byte table loop.
const CHUNK: usize = 32;

/// Word starts in a chunk of ASCII bytes, `in_word` carried in and out, as the byte loop
/// with [`ASCII_WORD`] counts them.
fn ascii_word_starts(chunk: &[u8; CHUNK], in_word: &mut bool) -> usize {
    let mut word = [0u8; CHUNK];
    for (w, &b) in word.iter_mut().zip(chunk) {
        // ASCII letters differ from their lower case only in bit 5.
        let letter = (b | 0x20).wrapping_sub(b'a') < 26;
        let digit = b.wrapping_sub(b'0') < 10;
        *w = u8::from(letter | digit);
    }
    let mut starts = u32::from(word[0] & u8::from(!*in_word));
    for j in 1..CHUNK {
        starts += u32::from(word[j] & !word[j - 1] & 1);
    }
    *in_word = word[CHUNK - 1] == 1;
    starts as usize
}

/// `char::is_alphanumeric`, with the two blocks most non-ASCII text in European languages
/// uses answered without the Unicode tables (the slow path of that lookup was a tenth of the
/// time of counting a body's words).
fn is_word_char(c: char) -> bool {
    match c {
        // General punctuation: dashes, curly quotes, special spaces; no letter or digit.
        '\u{2000}'..='\u{206F}' => false,
        // Latin-1 letters and Latin Extended-A/B: all letters but × and ÷.
        '\u{00C0}'..='\u{024F}' => c != '\u{00D7}' && c != '\u{00F7}',
        _ => c.is_alphanumeric(),
    }
}

/// Which ASCII bytes are letters or digits, for a branch-free count of word starts.
const ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Han ideographs and kana.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'      // hiragana, katakana
        | '\u{3400}'..='\u{4dbf}'    // CJK extension A
        | '\u{4e00}'..='\u{9fff}'    // CJK unified ideographs
        | '\u{f900}'..='\u{faff}'    // compatibility ideographs
        | '\u{ff66}'..='\u{ff9f}'    // half-width katakana
        | '\u{20000}'..='\u{2fa1f}') // supplementary ideographs
}

#[cfg(test)]
mod word_char_tests {
    use super::{ASCII_WORD, count_runs, is_cjk, is_word_char};

    /// The definition, one character at a time.
    fn count_by_char(text: &str, cjk_characters: bool) -> usize {
        let (mut count, mut in_word) = (0, false);
        for c in text.chars() {
            if cjk_characters && is_cjk(c) {
                count += 1;
                in_word = false;
                continue;
            }
            let word_char = if c.is_ascii() {
                ASCII_WORD[c as usize]
            } else {
                is_word_char(c)
            };
            count += usize::from(word_char && !in_word);
            in_word = word_char;
        }
        count
    }

    #[test]
    fn chunked_counts_agree_with_the_definition() {
        let long = "The council met on Tuesday; 12 members voted (9-3) to repair the bridge. ";
        let texts = [
            long.repeat(3),
            format!("{long}Zürich{long}東京タワー{long}"),
            format!("{}é{}", "a".repeat(31), "b".repeat(40)),
            format!("{}—{}", "word ".repeat(7), " next".repeat(9)),
            "x".repeat(64),
            " ".repeat(33),
            String::new(),
        ];
        for text in &texts {
            for cjk in [false, true] {
                assert_eq!(count_runs(text, cjk), count_by_char(text, cjk), "{text:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_counts_like_the_definition(
            text in "[a-zA-Z0-9 ,.'@\\[`{é東—]{0,100}|\\PC{0,80}",
            cjk: bool,
        ) {
            proptest::prop_assert_eq!(count_runs(&text, cjk), count_by_char(&text, cjk));
        }
    }

    #[test]
    fn shortcut_blocks_agree_with_the_unicode_tables() {
        for c in ('\u{00A0}'..='\u{02FF}').chain('\u{1FF0}'..='\u{20FF}') {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
