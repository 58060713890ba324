//! Function words of the languages the segmenter knows, for the share of function words in a
//! line: running prose is full of them, menus, headline lists and tag clouds are not. The
//! lists are short on purpose (the most frequent words only), so that a word of another
//! language rarely collides.

use std::sync::OnceLock;

/// Most frequent function words: English, German, French, Spanish, Italian, Portuguese,
/// Dutch, Polish, Swedish/Danish/Norwegian, Czech, Turkish, Indonesian, Russian, Ukrainian.
const WORDS: &[&str] = &[
    // English
    "the",
    "of",
    "and",
    "to",
    "in",
    "is",
    "that",
    "for",
    "it",
    "with",
    "was",
    "on",
    "as",
    "are",
    "be",
    "by",
    "at",
    "this",
    "from",
    "or",
    "an",
    "have",
    "has",
    "had",
    "not",
    "but",
    "they",
    "his",
    "her",
    "she",
    "he",
    "we",
    "you",
    "their",
    "which",
    "were",
    "been",
    "would",
    "will",
    "who",
    "there",
    "its",
    "said",
    "one",
    "all",
    "can",
    "more",
    "about",
    "when",
    "than",
    "so",
    "into",
    "after",
    "also",
    "what",
    "our",
    "if",
    "no",
    "some",
    "them",
    "only",
    "could",
    "these",
    "other",
    "out",
    "up",
    "him",
    "my",
    "i",
    "me",
    "do",
    "did",
    "a",
    // German
    "der",
    "die",
    "das",
    "und",
    "ist",
    "nicht",
    "sich",
    "mit",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einen",
    "einer",
    "auf",
    "für",
    "von",
    "zu",
    "im",
    "auch",
    "es",
    "sie",
    "wir",
    "ich",
    "er",
    "wird",
    "werden",
    "hat",
    "haben",
    "sind",
    "war",
    "wie",
    "aus",
    "bei",
    "nach",
    "noch",
    "aber",
    "wenn",
    "nur",
    "oder",
    "um",
    "vor",
    "über",
    "dass",
    "daß",
    "so",
    "man",
    "zum",
    "zur",
    "durch",
    "kann",
    "schon",
    "sei",
    "hatte",
    // French
    "le",
    "la",
    "les",
    "de",
    "des",
    "du",
    "un",
    "une",
    "et",
    "est",
    "en",
    "que",
    "qui",
    "dans",
    "pour",
    "pas",
    "sur",
    "au",
    "aux",
    "il",
    "elle",
    "ne",
    "se",
    "ce",
    "cette",
    "son",
    "sa",
    "ses",
    "par",
    "avec",
    "plus",
    "sont",
    "ont",
    "été",
    "mais",
    "nous",
    "vous",
    "ils",
    "leur",
    "a",
    "été",
    "aussi",
    "comme",
    "où",
    "y",
    // Spanish
    "el",
    "los",
    "las",
    "del",
    "y",
    "que",
    "por",
    "con",
    "para",
    "una",
    "su",
    "sus",
    "es",
    "al",
    "lo",
    "como",
    "más",
    "pero",
    "se",
    "ha",
    "han",
    "fue",
    "este",
    "esta",
    "sobre",
    "entre",
    "también",
    "sin",
    "muy",
    "ya",
    "hay",
    "desde",
    "cuando",
    // Italian
    "il",
    "di",
    "che",
    "è",
    "non",
    "per",
    "una",
    "gli",
    "della",
    "delle",
    "dei",
    "nel",
    "nella",
    "sono",
    "anche",
    "alla",
    "ai",
    "come",
    "ma",
    "si",
    "ha",
    "dal",
    "dalla",
    "questo",
    "più",
    "degli",
    "essere",
    "stato",
    "tra",
    // Portuguese
    "o",
    "os",
    "as",
    "da",
    "do",
    "das",
    "dos",
    "em",
    "um",
    "uma",
    "não",
    "na",
    "no",
    "nos",
    "com",
    "por",
    "para",
    "mais",
    "foi",
    "ao",
    "à",
    "seu",
    "sua",
    "também",
    "pelo",
    "pela",
    "ser",
    "está",
    "são",
    "mas",
    // Dutch
    "het",
    "een",
    "van",
    "en",
    "ik",
    "dat",
    "niet",
    "zijn",
    "op",
    "te",
    "met",
    "voor",
    "er",
    "maar",
    "om",
    "ook",
    "als",
    "bij",
    "nog",
    "wordt",
    "werd",
    "door",
    "naar",
    "heeft",
    "worden",
    "dit",
    "wel",
    "uit",
    // Polish
    "i",
    "w",
    "z",
    "na",
    "się",
    "nie",
    "do",
    "to",
    "że",
    "jest",
    "o",
    "jak",
    "ale",
    "po",
    "co",
    "tak",
    "za",
    "od",
    "jego",
    "przez",
    "czy",
    "lub",
    "oraz",
    "który",
    "która",
    "które",
    "był",
    "była",
    "być",
    "tym",
    "ich",
    "już",
    "tylko",
    // Swedish, Danish, Norwegian
    "och",
    "att",
    "det",
    "som",
    "är",
    "av",
    "för",
    "på",
    "med",
    "har",
    "inte",
    "till",
    "den",
    "om",
    "ett",
    "var",
    "men",
    "jeg",
    "og",
    "ikke",
    "af",
    "til",
    "er",
    "med",
    "på",
    "som",
    "hun",
    "han",
    "vi",
    "ble",
    "blev",
    "kan",
    "fra",
    // Czech
    "je",
    "se",
    "na",
    "že",
    "to",
    "jsou",
    "by",
    "jako",
    "ale",
    "pro",
    "od",
    "jeho",
    "které",
    "který",
    "byl",
    "také",
    "podle",
    // Turkish
    "ve",
    "bir",
    "bu",
    "da",
    "de",
    "için",
    "ile",
    "çok",
    "olarak",
    "daha",
    "gibi",
    "ama",
    "olan",
    "kadar",
    "sonra",
    // Indonesian, Malay
    "yang",
    "dan",
    "di",
    "itu",
    "dengan",
    "untuk",
    "tidak",
    "ini",
    "dari",
    "dalam",
    "akan",
    "pada",
    "juga",
    "ke",
    "karena",
    "ada",
    "oleh",
    "mereka",
    // Russian, Ukrainian
    "и",
    "в",
    "не",
    "на",
    "что",
    "с",
    "по",
    "это",
    "как",
    "а",
    "но",
    "из",
    "к",
    "за",
    "от",
    "он",
    "она",
    "они",
    "для",
    "о",
    "же",
    "так",
    "было",
    "его",
    "только",
    "при",
    "уже",
    "та",
    "що",
    "у",
    "з",
    "до",
    "як",
    "від",
    "це",
    "та",
    "також",
];

/// Open-addressing table of the words, keyed by [`fnv`]: the lookup runs for every word of
/// every page, so it must not compare strings more than once or twice.
struct Table {
    slots: Vec<Option<&'static str>>,
    mask: usize,
    /// Longest word in bytes: lower-casing a longer one can stop early.
    longest: usize,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        // ASCII words are found in the packed table; a key with other characters can only
        // equal a word with other characters.
        let words: Vec<&'static str> = WORDS.iter().copied().filter(|w| !w.is_ascii()).collect();
        let size = (words.len() * 4).next_power_of_two();
        let mut slots = vec![None; size];
        let mask = size - 1;
        for &word in &words {
            let mut at = fnv(word.as_bytes()) as usize & mask;
            while let Some(existing) = slots[at] {
                if existing == word {
                    break;
                }
                at = (at + 1) & mask;
            }
            slots[at] = Some(word);
        }
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        Table {
            slots,
            mask,
            longest,
        }
    })
}

/// FNV-1a: short keys, no allocation.
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Longest function word in bytes, to skip the lookup for long words.
const MAX_BYTES: usize = 16;

/// Whether `word` (punctuation around it ignored, any case) is a function word.
pub(crate) fn is_function_word(word: &str) -> bool {
    // ASCII punctuation first, without the Unicode tables; the rest only when an end is
    // another character (`«que`, `слово»`).
    let word = word.trim_matches(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric());
    let word =
        if word.starts_with(|c: char| !c.is_ascii()) || word.ends_with(|c: char| !c.is_ascii()) {
            word.trim_matches(|c: char| !c.is_alphanumeric())
        } else {
            word
        };
    if word.is_empty() || word.len() > MAX_BYTES {
        return false;
    }
    if word.is_ascii() {
        return is_function_word_ascii(word.as_bytes());
    }
    let table = table();
    // Lower-casing only shortens characters of three or four bytes (by two bytes at most):
    // a word that stays longer than the longest function word is none.
    let wide = word.bytes().filter(|&b| b >= 0xe0).count();
    if word.len().saturating_sub(2 * wide) > table.longest {
        return false;
    }
    let mut buffer = [0u8; MAX_BYTES * 2];
    let limit = buffer.len().min(table.longest);
    let mut len = 0;
    let mut push = |c: char| {
        let width = c.len_utf8();
        if len + width > limit {
            return false;
        }
        c.encode_utf8(&mut buffer[len..len + width]);
        len += width;
        true
    };
    for c in word.chars() {
        let fits = match lower_common(c) {
            Some(lower) => push(lower),
            None => c.to_lowercase().all(&mut push),
        };
        if !fits {
            return false;
        }
    }
    let key = &buffer[..len];
    // A few characters lower-case to ASCII (the Kelvin sign to `k`).
    if key.is_ascii() {
        return ascii_table().contains(key);
    }
    table.contains(key)
}

/// [`is_function_word`] for an ASCII word already trimmed of punctuation: the common case
/// (two million calls on the benchmark), answered from [`AsciiTable`] without hashing bytes
/// one by one or calling `memcmp`.
pub(crate) fn is_function_word_ascii(word: &[u8]) -> bool {
    ascii_table().contains(word)
}

/// ASCII function words are at most this long (checked when the table is built), so an
/// ASCII word packs into one `u64` key.
pub(crate) const ASCII_KEY_BYTES: usize = 8;

/// The lower-cased bytes of a short ASCII word as one integer (never 0 for a non-empty word
/// that starts with a letter or digit, which trimmed words do).
#[inline]
fn ascii_key(word: &[u8]) -> u64 {
    debug_assert!(word.is_ascii());
    let mut key = 0u64;
    for &b in word.iter().take(ASCII_KEY_BYTES) {
        key = key << 8 | u64::from(b & 0x7f);
    }
    ascii_lowercase_word(key)
}

/// The lower case of the commonest characters outside ASCII without the case tables (a
/// binary search per character): Latin-1 and basic Cyrillic capitals, and the characters of
/// those blocks and of the general punctuation that are their own lower case. `None` for
/// other characters, which `char::to_lowercase` handles.
#[inline]
pub(crate) fn lower_common(c: char) -> Option<char> {
    let u = u32::from(c);
    let lower = match u {
        0xc0..=0xd6 | 0xd8..=0xde | 0x410..=0x42f => u + 0x20,
        0x400..=0x40f => u + 0x50,
        0xa0..=0xbf | 0xd7 | 0xdf..=0xff | 0x430..=0x45f | 0x2000..=0x206f => u,
        _ => return None,
    };
    char::from_u32(lower)
}

/// Lower-cases eight ASCII bytes packed in a word at once, in registers: a byte has its top
/// bit set after adding 0x3f when it is at least `A`, after adding 0x25 when it is above
/// `Z` (no carries, every byte being below 0x80); the capitals get 0x20 added. Bytes of
/// 0x80 and above must not occur.
#[inline]
pub(crate) fn ascii_lowercase_word(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least_a = word.wrapping_add(0x3f * ONES);
    let above_z = word.wrapping_add(0x25 * ONES);
    let capitals = at_least_a & !above_z & (0x80 * ONES);
    word | capitals >> 2
}

/// Open-addressing table of the ASCII function words as packed keys (0 marks a free slot).
pub(crate) struct AsciiTable {
    slots: Vec<u64>,
    mask: usize,
    shift: u32,
}

impl AsciiTable {
    /// [`is_function_word_ascii`] on this table, for loops that fetch it once.
    #[inline]
    pub(crate) fn contains(&self, word: &[u8]) -> bool {
        if word.is_empty() || word.len() > ASCII_KEY_BYTES {
            return false;
        }
        self.contains_key(ascii_key(word))
    }

    /// [`Self::contains`] for the word `line[s..e]`, packed with one eight-byte load from
    /// the line where it has room (every word but those of lines under eight bytes).
    #[inline]
    pub(crate) fn contains_in(&self, line: &[u8], s: usize, e: usize) -> bool {
        let len = e - s;
        if len == 0 || len > ASCII_KEY_BYTES {
            return false;
        }
        // The eight bytes ending at the word's end, or the line's first eight when the word
        // ends before them; the word is their low `len` bytes once shifted.
        let (window, shift) = if e >= 8 {
            (line.get(e - 8..e), 0)
        } else {
            (line.get(..8), 8 - e)
        };
        let Some(window) = window.and_then(|w| <[u8; 8]>::try_from(w).ok()) else {
            return self.contains(line.get(s..e).unwrap_or_default());
        };
        let packed = u64::from_be_bytes(window) >> (8 * shift);
        let key = packed & (u64::MAX >> (8 * (ASCII_KEY_BYTES - len)));
        self.contains_key(ascii_lowercase_word(key))
    }

    #[inline]
    fn contains_key(&self, key: u64) -> bool {
        let mut at = self.slot(key);
        loop {
            match self.slots[at] {
                0 => return false,
                k if k == key => return true,
                _ => at = (at + 1) & self.mask,
            }
        }
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize & self.mask
    }
}

pub(crate) fn ascii_table() -> &'static AsciiTable {
    static TABLE: OnceLock<AsciiTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let words: Vec<&str> = WORDS.iter().copied().filter(|w| w.is_ascii()).collect();
        let size = (words.len() * 4).next_power_of_two();
        let mut table = AsciiTable {
            slots: vec![0; size],
            mask: size - 1,
            shift: 64 - size.trailing_zeros(),
        };
        for word in words {
            // A longer word could never be found by the packed key; the list has none.
            debug_assert!(word.len() <= ASCII_KEY_BYTES, "{word}");
            let key = ascii_key(word.as_bytes());
            let mut at = table.slot(key);
            while table.slots[at] != 0 && table.slots[at] != key {
                at = (at + 1) & table.mask;
            }
            table.slots[at] = key;
        }
        table
    })
}

impl Table {
    fn contains(&self, key: &[u8]) -> bool {
        let mut at = fnv(key) as usize & self.mask;
        while let Some(candidate) = self.slots[at] {
            if candidate.as_bytes() == key {
                return true;
            }
            at = (at + 1) & self.mask;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_lower_case_matches_the_case_tables() {
        for u in (0x80..0x500).chain(0x2000..0x2100) {
            let Some(c) = char::from_u32(u) else { continue };
            if let Some(lower) = lower_common(c) {
                assert_eq!(
                    c.to_lowercase().collect::<String>(),
                    lower.to_string(),
                    "{u:x}"
                );
            }
        }
    }

    #[test]
    fn word_lower_casing_matches_bytes() {
        let text = b"Az@[`{ZaMIXED09";
        for chunk in text.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            let lowered = ascii_lowercase_word(u64::from_le_bytes(word)).to_le_bytes();
            let expected: Vec<u8> = word.iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(lowered.to_vec(), expected);
        }
    }

    #[test]
    fn finds_function_words_in_any_case() {
        for word in ["The", "und,", "«que", "się", "ЧТО", "och"] {
            assert!(is_function_word(word), "{word}");
        }
        for word in WORDS {
            assert!(is_function_word(word), "{word}");
            assert!(is_function_word(&word.to_uppercase()), "{word}");
        }
        for word in ["Moscow", "Regierung", "", "12", "extraordinarily"] {
            assert!(!is_function_word(word), "{word}");
        }
    }
}
