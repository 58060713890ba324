//! The sequential clustering state: exact-hash tables, the LSH band index and the signatures
//! of indexed documents.
//!
//! Memory per document (default config, 64-bit target): a unique or near-duplicate text with a
//! signature costs its 128-byte stored signature, 16 bytes of per-document fields (cluster
//! key, canonical, set size), about 26 bytes in the text-hash table and up to 42 band entries (8-byte entries
//! in tables kept between 7/16 and 7/8 full); an exact duplicate costs only its hash-table
//! entries. The crate README has the measured figures.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::config::DedupConfig;
use crate::fingerprint::Fingerprint;
use crate::minhash::{estimate_containment, estimate_jaccard_stored, stored_value};

/// How an inserted document relates to the earlier ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateKind {
    /// No earlier document matches: it starts a cluster and is its canonical.
    Unique,
    /// The same normalised text (or the same payload bytes) as an earlier document.
    Exact,
    /// A near-duplicate of an earlier document (edited, re-framed or cut copy).
    Near,
}

/// The clustering decision for one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// Key of the cluster's canonical (first-seen) document; the document's own key when it is
    /// unique.
    pub cluster_id: u64,
    /// The canonical's key for a duplicate, `None` for a unique document.
    pub duplicate_of: Option<u64>,
    /// Unique, exact or near duplicate.
    pub kind: DuplicateKind,
}

/// Keys are already uniform hashes; one multiplication spreads them over all 64 bits (the
/// table reads its control bits from the top).
#[derive(Default)]
struct SpreadHasher(u64);

impl Hasher for SpreadHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type Table<K, V> = HashMap<K, V, BuildHasherDefault<SpreadHasher>>;

/// Clusters documents in insertion order: the first-seen document of a cluster is its
/// canonical, and every later one is compared with what came before it only. The same
/// insertion order always gives the same verdicts (no randomness, no iteration over hash
/// tables).
pub struct Deduper {
    config: DedupConfig,
    inserted: usize,
    /// Normalised-text hash → (canonical key of its cluster).
    by_text: Table<u64, u64>,
    /// Payload hash → (canonical key of its cluster).
    by_payload: Table<u64, u64>,
    /// Per indexed document (one with a signature), by index: its cluster's canonical key.
    clusters: Vec<u64>,
    /// Per indexed document: distinct shingles.
    sizes: Vec<u32>,
    /// Per indexed document: the index of its cluster's canonical (its own for a canonical).
    canonicals: Vec<u32>,
    /// Signatures of indexed documents, `permutations` 8-bit values each, back to back.
    signatures: Vec<u8>,
    /// Per band: band key → the first indexed document with that band.
    bands: Vec<Table<u32, u32>>,
}

impl Deduper {
    /// An empty deduper (the config is sanitised: see [`DedupConfig::sanitized`]).
    pub fn new(config: DedupConfig) -> Self {
        let config = config.sanitized();
        let bands = (0..config.bands).map(|_| Table::default()).collect();
        Self {
            config,
            inserted: 0,
            by_text: Table::default(),
            by_payload: Table::default(),
            clusters: Vec::new(),
            sizes: Vec::new(),
            canonicals: Vec::new(),
            signatures: Vec::new(),
            bands,
        }
    }

    /// The config in use (after sanitising).
    pub fn config(&self) -> &DedupConfig {
        &self.config
    }

    /// Documents inserted so far.
    pub fn len(&self) -> usize {
        self.inserted
    }

    /// True before the first insert.
    pub fn is_empty(&self) -> bool {
        self.inserted == 0
    }

    /// Decides whether the document `key` (the caller's record number: unique and increasing)
    /// duplicates an earlier one, and remembers it for the documents after it.
    pub fn insert(&mut self, key: u64, fingerprint: &Fingerprint) -> Verdict {
        self.inserted += 1;
        let exact = fingerprint
            .payload_hash()
            .and_then(|h| self.by_payload.get(&h))
            .or_else(|| fingerprint.text_hash().and_then(|h| self.by_text.get(&h)))
            .copied();
        if let Some(cluster) = exact {
            self.remember_hashes(fingerprint, cluster);
            return Verdict {
                cluster_id: cluster,
                duplicate_of: Some(cluster),
                kind: DuplicateKind::Exact,
            };
        }

        let signature = fingerprint.signature();
        let signed = signature.len() == self.config.permutations && fingerprint.shingles() > 0;
        let band_keys = if signed {
            self.band_keys(signature)
        } else {
            Vec::new()
        };
        let matched = self.best_match(&band_keys, signature, fingerprint.shingles());
        let canonical_index = matched.map(|i| self.canonicals[i]);
        let verdict = match matched {
            Some(index) => {
                let cluster = self.clusters[index];
                Verdict {
                    cluster_id: cluster,
                    duplicate_of: Some(cluster),
                    kind: DuplicateKind::Near,
                }
            }
            None => Verdict {
                cluster_id: key,
                duplicate_of: None,
                kind: DuplicateKind::Unique,
            },
        };
        self.remember_hashes(fingerprint, verdict.cluster_id);
        if signed {
            self.index(
                &band_keys,
                signature,
                fingerprint.shingles(),
                verdict.cluster_id,
                canonical_index,
            );
        }
        verdict
    }

    fn remember_hashes(&mut self, fingerprint: &Fingerprint, cluster: u64) {
        if let Some(h) = fingerprint.payload_hash() {
            self.by_payload.entry(h).or_insert(cluster);
        }
        if let Some(h) = fingerprint.text_hash() {
            self.by_text.entry(h).or_insert(cluster);
        }
    }

    /// One 32-bit key per band; a key collision between unrelated documents only costs a
    /// verification, which rejects it.
    fn band_keys(&self, signature: &[u16]) -> Vec<u32> {
        let rows = self.config.rows;
        signature
            .chunks_exact(rows)
            .take(self.config.bands)
            .enumerate()
            .map(|(band, values)| {
                let mut bytes = Vec::with_capacity(2 * rows);
                for v in values {
                    bytes.extend_from_slice(&v.to_le_bytes());
                }
                xxh3_64_with_seed(&bytes, band as u64) as u32
            })
            .collect()
    }

    fn signature_of(&self, index: usize) -> &[u8] {
        let p = self.config.permutations;
        self.signatures
            .get(index * p..(index + 1) * p)
            .unwrap_or(&[])
    }

    /// The earlier indexed document this one is a near-duplicate of, if any: among the LSH
    /// candidates that pass verification, the one with the highest estimated containment
    /// (ties: the earliest).
    fn best_match(&self, band_keys: &[u32], signature: &[u16], size: u32) -> Option<usize> {
        let mut candidates: Vec<u32> = Vec::new();
        for (table, key) in self.bands.iter().zip(band_keys) {
            if let Some(&index) = table.get(key)
                && !candidates.contains(&index)
            {
                candidates.push(index);
                if candidates.len() == self.config.max_candidates {
                    break;
                }
            }
        }
        let mut best: Option<(f64, usize)> = None;
        for index in candidates {
            let index = index as usize;
            let other_size = self.sizes[index];
            let jaccard = estimate_jaccard_stored(signature, self.signature_of(index));
            let containment = estimate_containment(jaccard, size, other_size);
            let ratio = f64::from(size.min(other_size)) / f64::from(size.max(other_size));
            let near = jaccard >= self.config.jaccard_threshold
                || (containment >= self.config.containment_threshold
                    && ratio >= self.config.min_size_ratio);
            let near = near && self.shares_enough_with_canonical(index, signature, size);
            if near && best.is_none_or(|(c, i)| containment > c || (containment == c && index < i))
            {
                best = Some((containment, index));
            }
        }
        best.map(|(_, index)| index)
    }

    /// The chain guard (see [`DedupConfig::min_canonical_containment`]).
    fn shares_enough_with_canonical(&self, index: usize, signature: &[u16], size: u32) -> bool {
        let Some(&canonical) = self.canonicals.get(index) else {
            return false;
        };
        let canonical = canonical as usize;
        if canonical == index {
            return true;
        }
        let jaccard = estimate_jaccard_stored(signature, self.signature_of(canonical));
        let size_canonical = self.sizes.get(canonical).copied().unwrap_or(0);
        estimate_containment(jaccard, size, size_canonical) >= self.config.min_canonical_containment
    }

    fn index(
        &mut self,
        band_keys: &[u32],
        signature: &[u16],
        size: u32,
        cluster: u64,
        canonical: Option<u32>,
    ) {
        // Indices are u32 to halve the band tables; past 4 billion documents new ones are
        // still matched against the indexed ones but not indexed themselves.
        let Ok(index) = u32::try_from(self.clusters.len()) else {
            return;
        };
        self.clusters.push(cluster);
        self.canonicals.push(canonical.unwrap_or(index));
        self.sizes.push(size);
        self.signatures
            .extend(signature.iter().map(|&v| stored_value(v)));
        for (table, &key) in self.bands.iter_mut().zip(band_keys) {
            table.entry(key).or_insert(index);
        }
    }

    /// Approximate heap bytes held (tables and vectors at their allocated capacity), for
    /// reporting.
    pub fn heap_bytes(&self) -> usize {
        // The std table fills its buckets to 7/8 and spends one control byte per bucket.
        fn table<K, V>(t: &Table<K, V>) -> usize {
            t.capacity() * 8 / 7 * (size_of::<(K, V)>() + 1)
        }
        table(&self.by_text)
            + table(&self.by_payload)
            + self.clusters.capacity() * size_of::<u64>()
            + self.sizes.capacity() * size_of::<u32>()
            + self.canonicals.capacity() * size_of::<u32>()
            + self.signatures.capacity()
            + self.bands.iter().map(table).sum::<usize>()
    }
}
