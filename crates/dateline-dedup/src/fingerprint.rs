//! What the deduper keeps of one text: hashes for exact matching, sizes, and the MinHash
//! signature for near-duplicate matching. Computing it is the expensive, parallel part; it
//! needs no shared state.

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use crate::config::DedupConfig;
use crate::minhash::Permutations;
use crate::normalize::for_each_word;

/// Words of one text beyond which no more shingles are taken (the exact hash still covers the
/// whole text). Bounds the signing time of a pathological input; a news story is far shorter.
pub const MAX_SHINGLED_WORDS: usize = 100_000;

/// Everything the [`crate::Deduper`] needs about one document.
///
/// About 280 bytes in a binary serde format with the default 128 permutations (the signature
/// is 2 bytes per permutation); in JSON and other human-readable formats the signature is one
/// base64 string (about 350 bytes in all).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Hash of the normalised text; `None` when the text has no words.
    #[serde(rename = "t")]
    text_hash: Option<u64>,
    /// Hash of the raw payload bytes, when the caller gave them. Always written: formats
    /// without field names (postcard, bincode) cannot skip a field.
    #[serde(rename = "p", default)]
    payload_hash: Option<u64>,
    /// Normalised words in the text.
    #[serde(rename = "w")]
    words: u32,
    /// Distinct shingles (the set size the containment estimate needs).
    #[serde(rename = "s")]
    shingles: u32,
    /// MinHash signature; empty for texts under `min_words`.
    #[serde(rename = "m", with = "signature_serde")]
    signature: Vec<u16>,
}

impl Fingerprint {
    /// Hash of the normalised text, `None` for a text without words.
    pub fn text_hash(&self) -> Option<u64> {
        self.text_hash
    }

    /// Hash of the raw payload, if one was attached with [`Fingerprint::with_payload`].
    pub fn payload_hash(&self) -> Option<u64> {
        self.payload_hash
    }

    /// Normalised words in the text (saturating at `u32::MAX`).
    pub fn words(&self) -> u32 {
        self.words
    }

    /// Distinct shingles of the text.
    pub fn shingles(&self) -> u32 {
        self.shingles
    }

    /// The MinHash signature (16 bits per permutation); empty when the text is too short for
    /// near-duplicate matching.
    pub fn signature(&self) -> &[u16] {
        &self.signature
    }

    /// Attaches the raw bytes the text was extracted from (e.g. the HTTP payload), so that
    /// byte-identical payloads are exact duplicates even when extraction found no text. Any
    /// byte string that is equal exactly when the payloads are works as well, such as a
    /// WARC-Payload-Digest value.
    pub fn with_payload(mut self, payload: &[u8]) -> Self {
        self.payload_hash = Some(xxh3_64(payload));
        self
    }
}

/// Fingerprints texts with one config, reusing the permutation parameters.
#[derive(Clone, Debug)]
pub struct Fingerprinter {
    config: DedupConfig,
    permutations: Permutations,
}

impl Fingerprinter {
    /// A fingerprinter for `config` (sanitised: see [`DedupConfig::sanitized`]).
    pub fn new(config: &DedupConfig) -> Self {
        let config = config.sanitized();
        let permutations = Permutations::new(config.permutations, config.seed);
        Self {
            config,
            permutations,
        }
    }

    /// The fingerprint of `text`.
    pub fn fingerprint(&self, text: &str) -> Fingerprint {
        let k = self.config.shingle_words.max(1);
        // The normal form is hashed in one call at the end: streaming a hasher word by word
        // cost more than the copy.
        let mut normal = String::with_capacity(text.len());
        let mut words: usize = 0;
        let mut word_hashes: Vec<u64> = Vec::new();
        for_each_word(text, |word| {
            if words > 0 {
                normal.push(' ');
            }
            normal.push_str(word);
            words += 1;
            if words <= MAX_SHINGLED_WORDS {
                word_hashes.push(xxh3_64(word.as_bytes()));
            }
        });
        if words == 0 {
            return Fingerprint {
                text_hash: None,
                payload_hash: None,
                words: 0,
                shingles: 0,
                signature: Vec::new(),
            };
        }
        // A text shorter than one shingle is one shingle of all its words. Repeated shingles
        // stay in: a minimum over them is the minimum over the set.
        let shingles: Vec<u64> = word_hashes
            .windows(k.min(word_hashes.len()))
            .map(shingle_hash)
            .collect();
        let signature = if words >= self.config.min_words {
            self.permutations.sign(&shingles)
        } else {
            Vec::new()
        };
        Fingerprint {
            text_hash: Some(xxh3_64(normal.as_bytes())),
            payload_hash: None,
            words: u32::try_from(words).unwrap_or(u32::MAX),
            shingles: u32::try_from(count_distinct(shingles)).unwrap_or(u32::MAX),
            signature,
        }
    }
}

/// Probes after which [`count_distinct`] stops hashing and sorts: shingle hashes are
/// uniform, so a run this long means a page built to collide them.
const MAX_PROBES: usize = 64;

/// How many distinct values `hashes` holds. Open addressing on the values' top bits (they
/// are uniform hashes) took half the instructions of sorting them
/// (callgrind, one CC-NEWS WARC).
fn count_distinct(mut hashes: Vec<u64>) -> usize {
    if hashes.len() < 2 {
        return hashes.len();
    }
    // At most half full; zero marks a free slot, so a zero hash is counted apart.
    let bits = (hashes.len() * 2).next_power_of_two().trailing_zeros();
    let mask = (1usize << bits) - 1;
    let mut table = vec![0u64; mask + 1];
    let mut zero = false;
    let mut distinct = 0;
    for &h in &hashes {
        if h == 0 {
            distinct += usize::from(!zero);
            zero = true;
            continue;
        }
        let mut at = (h >> (64 - bits)) as usize;
        let mut probes = 0;
        loop {
            let slot = &mut table[at & mask];
            if *slot == 0 {
                *slot = h;
                distinct += 1;
                break;
            }
            if *slot == h {
                break;
            }
            probes += 1;
            if probes == MAX_PROBES {
                hashes.sort_unstable();
                hashes.dedup();
                return hashes.len();
            }
            at += 1;
        }
    }
    distinct
}

/// One hash for a run of word hashes, sensitive to their order.
fn shingle_hash(words: &[u64]) -> u64 {
    let mut bytes = [0u8; 8 * 16];
    let n = words.len().min(16);
    for (chunk, w) in bytes.chunks_exact_mut(8).zip(&words[..n]) {
        chunk.copy_from_slice(&w.to_le_bytes());
    }
    // Windows longer than 16 words fold the rest in, still order-sensitively.
    let mut h = xxh3_64_with_seed(&bytes[..8 * n], words.len() as u64);
    for &w in &words[n..] {
        h = xxh3_64_with_seed(&w.to_le_bytes(), h);
    }
    h
}

/// The fingerprint of `text` under `config`. For many texts, [`Fingerprinter`] saves
/// re-deriving the permutations each time.
pub fn fingerprint(text: &str, config: &DedupConfig) -> Fingerprint {
    Fingerprinter::new(config).fingerprint(text)
}

/// The signature as bytes (little-endian u16s) in binary formats and as base64 text in
/// human-readable ones (JSON would otherwise spend up to 6 characters per value).
mod signature_serde {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD_NO_PAD;
    use serde::de::{self, Deserializer, Visitor};
    use serde::ser::Serializer;

    pub(super) fn serialize<S: Serializer>(signature: &[u16], s: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = signature.iter().flat_map(|v| v.to_le_bytes()).collect();
        if s.is_human_readable() {
            s.serialize_str(&STANDARD_NO_PAD.encode(bytes))
        } else {
            s.serialize_bytes(&bytes)
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u16>, D::Error> {
        if d.is_human_readable() {
            d.deserialize_str(SignatureVisitor)
        } else {
            d.deserialize_bytes(SignatureVisitor)
        }
    }

    struct SignatureVisitor;

    fn from_bytes<E: de::Error>(bytes: &[u8]) -> Result<Vec<u16>, E> {
        if !bytes.len().is_multiple_of(2) {
            return Err(E::custom("signature has an odd number of bytes"));
        }
        Ok(bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect())
    }

    impl<'de> Visitor<'de> for SignatureVisitor {
        type Value = Vec<u16>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a MinHash signature as base64 text or bytes")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<u16>, E> {
            let bytes = STANDARD_NO_PAD.decode(v).map_err(E::custom)?;
            from_bytes(&bytes)
        }

        fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Vec<u16>, E> {
            from_bytes(v)
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u16>, A::Error> {
            let mut bytes = Vec::new();
            while let Some(b) = seq.next_element::<u8>()? {
                bytes.push(b);
            }
            from_bytes(&bytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_has_no_hash_and_no_signature() {
        let f = fingerprint("", &DedupConfig::default());
        assert_eq!(f.text_hash(), None);
        assert_eq!((f.words(), f.shingles()), (0, 0));
        assert!(f.signature().is_empty());
        assert_eq!(fingerprint(" ,.; ", &DedupConfig::default()), f);
    }

    #[test]
    fn short_text_has_a_hash_but_no_signature() {
        let f = fingerprint("Council meets.", &DedupConfig::default());
        assert!(f.text_hash().is_some());
        assert_eq!((f.words(), f.shingles()), (2, 1));
        assert!(f.signature().is_empty());
    }

    #[test]
    fn shingle_hash_depends_on_order_and_length() {
        assert_ne!(shingle_hash(&[1, 2, 3]), shingle_hash(&[3, 2, 1]));
        assert_ne!(shingle_hash(&[1, 2]), shingle_hash(&[1, 2, 0]));
        let long: Vec<u64> = (0..20).collect();
        let mut swapped = long.clone();
        swapped.swap(17, 18);
        assert_ne!(shingle_hash(&long), shingle_hash(&swapped));
    }

    #[test]
    fn distinct_count_matches_sorting() {
        let sorted = |v: &[u64]| {
            let mut v = v.to_vec();
            v.sort_unstable();
            v.dedup();
            v.len()
        };
        let random: Vec<u64> = (0..3000u64)
            .map(|i| xxh3_64(&(i % 1700).to_le_bytes()))
            .collect();
        // Equal top bits for every value: the probe limit hands over to sorting.
        let clustered: Vec<u64> = (0..500u64).map(|i| i % 300 + 1).collect();
        for v in [
            random,
            clustered,
            vec![],
            vec![7],
            vec![0, 0, 5],
            vec![0, 1, 0, u64::MAX, u64::MAX],
        ] {
            assert_eq!(count_distinct(v.clone()), sorted(&v), "{v:?}");
        }
    }

    #[test]
    fn payload_hash_is_attached() {
        let f = fingerprint("", &DedupConfig::default()).with_payload(b"<html></html>");
        assert!(f.payload_hash().is_some());
    }
}
