//! Counts of one shard and of the whole run, written to `stats.json`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Counts for one shard; the run's totals are their sum.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Counts {
    /// Records (WARC records, page files, JSONL lines) read, good or bad.
    pub records_read: u64,
    /// Pages given to the extractor (HTML 200 responses, page files, JSONL pages).
    pub pages: u64,
    /// Records that are not pages, by reason (`request`, `revisit`, `non_200`, `non_html`, ...).
    pub skipped: BTreeMap<String, u64>,
    /// Pages judged not to be articles, by reason (kept only with `--all`).
    pub not_articles: BTreeMap<String, u64>,
    /// Articles removed by a filter, by filter.
    pub filtered: BTreeMap<String, u64>,
    /// Unreadable inputs, records and pages.
    pub errors: u64,
    /// Records written (articles, plus non-articles with `--all`, minus dropped duplicates).
    pub written: u64,
    /// Of those written, articles.
    pub articles_written: u64,
    /// Exact duplicates found (byte-identical payload or identical normalised text).
    pub exact_duplicates: u64,
    /// Near duplicates found.
    pub near_duplicates: u64,
    /// Duplicates left out (`--dedup drop`).
    pub duplicates_dropped: u64,
}

fn add_maps(into: &mut BTreeMap<String, u64>, from: &BTreeMap<String, u64>) {
    for (k, v) in from {
        *into.entry(k.clone()).or_default() += v;
    }
}

impl Counts {
    pub(crate) fn bump(map: &mut BTreeMap<String, u64>, key: &str) {
        *map.entry(key.to_string()).or_default() += 1;
    }

    /// Adds `other` into `self`.
    pub fn add(&mut self, other: &Counts) {
        self.records_read += other.records_read;
        self.pages += other.pages;
        add_maps(&mut self.skipped, &other.skipped);
        add_maps(&mut self.not_articles, &other.not_articles);
        add_maps(&mut self.filtered, &other.filtered);
        self.errors += other.errors;
        self.written += other.written;
        self.articles_written += other.articles_written;
        self.exact_duplicates += other.exact_duplicates;
        self.near_duplicates += other.near_duplicates;
        self.duplicates_dropped += other.duplicates_dropped;
    }
}

/// `stats.json`: the run's totals, its speed, and the first error messages.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RunStats {
    /// Totals over all shards, including shards finished by an earlier, resumed run.
    #[serde(flatten)]
    pub counts: Counts,
    /// Shards in the run.
    pub shards: usize,
    /// Shards finished before this invocation (resumed).
    pub shards_resumed: usize,
    /// Wall seconds of this invocation.
    pub seconds: f64,
    /// Records read by this invocation per wall second.
    pub records_per_sec: f64,
    /// Pages extracted by this invocation per wall second.
    pub pages_per_sec: f64,
    /// The first error messages (file and offset), at most 100.
    pub error_samples: Vec<String>,
}
