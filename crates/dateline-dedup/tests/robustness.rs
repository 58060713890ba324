//! Any input gives a fingerprint and a verdict without panicking.
#![allow(clippy::unwrap_used)]

use dateline_dedup::{DedupConfig, Deduper, DuplicateKind, Fingerprint, fingerprint};
use proptest::prelude::*;

proptest! {
    #[test]
    fn any_text_fingerprints_and_inserts(texts in proptest::collection::vec(any::<String>(), 1..8)) {
        let config = DedupConfig::default();
        let mut deduper = Deduper::new(config.clone());
        for (key, text) in texts.iter().enumerate() {
            let f = fingerprint(text, &config);
            prop_assert!(f.signature().is_empty() || f.signature().len() == config.permutations);
            let json = serde_json::to_string(&f).unwrap();
            prop_assert_eq!(&serde_json::from_str::<Fingerprint>(&json).unwrap(), &f);
            let verdict = deduper.insert(key as u64, &f);
            prop_assert!(verdict.cluster_id <= key as u64);
            prop_assert_eq!(verdict.duplicate_of.is_none(), verdict.kind == DuplicateKind::Unique);
        }
        prop_assert_eq!(deduper.len(), texts.len());
    }

    #[test]
    fn wordy_text_under_any_config_does_not_panic(
        words in proptest::collection::vec("[a-zé東]{1,8}", 0..200),
        shingle_words in 0usize..12,
        permutations in 0usize..300,
        bands in 0usize..80,
        rows in 0usize..9,
        threshold in -1.0f64..2.0,
    ) {
        let config = DedupConfig {
            shingle_words,
            permutations,
            bands,
            rows,
            containment_threshold: threshold,
            min_words: 0,
            ..DedupConfig::default()
        };
        let text = words.join(" ");
        let mut deduper = Deduper::new(config.clone());
        let f = fingerprint(&text, &config);
        deduper.insert(0, &f);
        let again = deduper.insert(1, &fingerprint(&text, &config));
        prop_assert_eq!(again.kind == DuplicateKind::Exact, !words.is_empty());
    }
}

/// Pathological sizes stay bounded: one huge word, and more words than are shingled.
#[test]
fn huge_inputs_are_fingerprinted() {
    let config = DedupConfig::default();
    let one_word = "x".repeat(5_000_000);
    assert_eq!(fingerprint(&one_word, &config).words(), 1);
    let many = "word ".repeat(dateline_dedup::MAX_SHINGLED_WORDS + 10);
    let f = fingerprint(&many, &config);
    assert_eq!(f.words() as usize, dateline_dedup::MAX_SHINGLED_WORDS + 10);
    assert_eq!(f.shingles(), 1);
}
