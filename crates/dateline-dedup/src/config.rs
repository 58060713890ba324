//! The tunable parameters, with the values measured on the corpus benchmark as defaults.
//!
//! The crate README says why each default has its value and what changing it did.

use serde::{Deserialize, Serialize};

/// Parameters of fingerprinting and matching.
///
/// Fingerprints must be made and matched with the same config: [`crate::Deduper`] treats a
/// fingerprint whose signature length differs from `permutations` as having no signature (it
/// can then only match exactly). Record the config next to replayable fingerprints (it is
/// serde-serialisable for that).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DedupConfig {
    /// Words per shingle (a shingle is a run of this many consecutive normalised words).
    pub shingle_words: usize,
    /// MinHash permutations, i.e. signature length (16-bit values, 2 bytes each).
    pub permutations: usize,
    /// LSH bands. `bands * rows` must not exceed `permutations`.
    pub bands: usize,
    /// Signature rows per LSH band.
    pub rows: usize,
    /// Two texts are near-duplicates when their estimated Jaccard similarity of shingle sets
    /// reaches this value ...
    pub jaccard_threshold: f64,
    /// ... or when the estimated share of the smaller shingle set found in the larger one
    /// (|A ∩ B| / min(|A|, |B|)) reaches this value and the size guard below holds.
    pub containment_threshold: f64,
    /// Size guard for the containment rule: the smaller shingle set must hold at least this
    /// share of the larger one, so a short item quoted inside a long one (a brief inside a
    /// round-up) does not count as a copy of it.
    pub min_size_ratio: f64,
    /// Texts with fewer normalised words than this are matched exactly only (no signature is
    /// computed or stored for them): a few shared words do not make two texts one story.
    pub min_words: usize,
    /// Chain guard: a record that matches a member of a cluster must also share at least
    /// this estimated share of the smaller text with the cluster's canonical, so that a
    /// round-up matched by two stories does not pull the second story into the first one's
    /// cluster.
    pub min_canonical_containment: f64,
    /// Most candidates verified per inserted document (LSH hits beyond this are ignored, which
    /// bounds the time per document whatever the input).
    pub max_candidates: usize,
    /// Seed of the hash permutations. Changing it changes every signature.
    pub seed: u64,
}

impl Default for DedupConfig {
    fn default() -> Self {
        Self {
            shingle_words: 3,
            permutations: 128,
            bands: 42,
            rows: 3,
            jaccard_threshold: 0.6,
            containment_threshold: 0.7,
            min_size_ratio: 0.4,
            min_words: 40,
            min_canonical_containment: 0.5,
            max_candidates: 64,
            seed: 0x6461_7465_6c69_6e65,
        }
    }
}

/// A config that cannot work.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ConfigError {
    /// A count that must be at least 1 is 0.
    #[error("dedup config: {0} must be at least 1")]
    Zero(&'static str),
    /// The LSH bands need more signature rows than there are permutations.
    #[error("dedup config: bands × rows ({bands} × {rows}) exceeds permutations ({permutations})")]
    BandsExceedPermutations {
        /// Configured bands.
        bands: usize,
        /// Configured rows per band.
        rows: usize,
        /// Configured permutations.
        permutations: usize,
    },
    /// A threshold or ratio outside 0..=1.
    #[error("dedup config: {0} must be between 0 and 1")]
    OutOfRange(&'static str),
    /// More permutations than a fingerprint may carry.
    #[error("dedup config: permutations must be at most {MAX_PERMUTATIONS}")]
    TooManyPermutations,
}

/// Upper bound on `permutations`, which keeps fingerprint size and time per text bounded.
pub const MAX_PERMUTATIONS: usize = 1024;

impl DedupConfig {
    /// Checks that the parameters can work together; callers taking a config from users should
    /// call it. [`crate::Deduper::new`] and [`crate::fingerprint()`] never fail: they clamp
    /// values that do not fit (see [`DedupConfig::sanitized`]).
    pub fn validate(&self) -> Result<(), ConfigError> {
        for (name, value) in [
            ("shingle_words", self.shingle_words),
            ("permutations", self.permutations),
            ("bands", self.bands),
            ("rows", self.rows),
            ("max_candidates", self.max_candidates),
        ] {
            if value == 0 {
                return Err(ConfigError::Zero(name));
            }
        }
        if self.permutations > MAX_PERMUTATIONS {
            return Err(ConfigError::TooManyPermutations);
        }
        if self.bands.saturating_mul(self.rows) > self.permutations {
            return Err(ConfigError::BandsExceedPermutations {
                bands: self.bands,
                rows: self.rows,
                permutations: self.permutations,
            });
        }
        for (name, value) in [
            ("jaccard_threshold", self.jaccard_threshold),
            ("containment_threshold", self.containment_threshold),
            ("min_size_ratio", self.min_size_ratio),
            ("min_canonical_containment", self.min_canonical_containment),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return Err(ConfigError::OutOfRange(name));
            }
        }
        Ok(())
    }

    /// The config with every value forced into its working range: counts at least 1,
    /// permutations at most [`MAX_PERMUTATIONS`], bands reduced until `bands * rows` fits,
    /// thresholds clamped to 0..=1 (NaN counts as 1: never match on that rule).
    pub fn sanitized(&self) -> Self {
        let clamp01 = |v: f64| if v.is_nan() { 1.0 } else { v.clamp(0.0, 1.0) };
        let permutations = self.permutations.clamp(1, MAX_PERMUTATIONS);
        let rows = self.rows.clamp(1, permutations);
        let bands = self.bands.clamp(1, permutations / rows);
        Self {
            shingle_words: self.shingle_words.max(1),
            permutations,
            bands,
            rows,
            jaccard_threshold: clamp01(self.jaccard_threshold),
            containment_threshold: clamp01(self.containment_threshold),
            min_size_ratio: clamp01(self.min_size_ratio),
            min_words: self.min_words,
            min_canonical_containment: clamp01(self.min_canonical_containment),
            max_candidates: self.max_candidates.max(1),
            seed: self.seed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_valid() {
        assert_eq!(DedupConfig::default().validate(), Ok(()));
    }

    #[test]
    fn bands_beyond_permutations_are_refused_and_clamped() {
        let config = DedupConfig {
            permutations: 16,
            bands: 8,
            rows: 4,
            ..DedupConfig::default()
        };
        assert!(matches!(
            config.validate(),
            Err(ConfigError::BandsExceedPermutations { .. })
        ));
        let fixed = config.sanitized();
        assert_eq!((fixed.bands, fixed.rows), (4, 4));
        assert_eq!(fixed.validate(), Ok(()));
    }

    #[test]
    fn zero_and_nan_values_are_refused_and_clamped() {
        let config = DedupConfig {
            shingle_words: 0,
            jaccard_threshold: f64::NAN,
            ..DedupConfig::default()
        };
        assert_eq!(config.validate(), Err(ConfigError::Zero("shingle_words")));
        let fixed = config.sanitized();
        assert_eq!(fixed.shingle_words, 1);
        assert_eq!(fixed.jaccard_threshold, 1.0);
        assert_eq!(fixed.validate(), Ok(()));
    }
}
