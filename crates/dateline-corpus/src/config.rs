//! What a run does: outputs, filters, dedup, parallelism.

use std::path::PathBuf;

use dateline_dedup::DedupConfig;
use serde::{Deserialize, Serialize};

/// Which files each shard is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputFormat {
    /// `articles-NNNNN.jsonl[.zst|.gz]`.
    Jsonl,
    /// `articles-NNNNN.parquet`.
    Parquet,
    /// Both of the above.
    Both,
}

impl OutputFormat {
    pub(crate) fn jsonl(self) -> bool {
        matches!(self, OutputFormat::Jsonl | OutputFormat::Both)
    }

    pub(crate) fn parquet(self) -> bool {
        matches!(self, OutputFormat::Parquet | OutputFormat::Both)
    }
}

/// Compression of JSONL shards (Parquet pages are always zstd).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compression {
    /// `.jsonl.zst`, zstd level 1.
    Zstd,
    /// `.jsonl.gz`.
    Gzip,
    /// `.jsonl`.
    None,
}

/// What happens to duplicates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DedupMode {
    /// Only the first-seen record of each cluster is written.
    Drop,
    /// Every record is written, with `cluster_id` and `duplicate_of`.
    Mark,
    /// No deduplication.
    Off,
}

/// Which records are kept. Records failing a filter are counted in `stats.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    /// Keep only these languages (primary subtag match: `en` keeps `en-GB`); empty = all.
    pub languages: Vec<String>,
    /// Keep only articles published on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Keep only articles published on or before this date (`YYYY-MM-DD`).
    pub until: Option<String>,
    /// Keep only these hosts and their subdomains; empty = all.
    pub hosts: Vec<String>,
    /// Drop these hosts and their subdomains.
    pub exclude_hosts: Vec<String>,
    /// Drop articles with fewer words.
    pub min_words: usize,
}

/// Everything that decides what a run writes. A resumed run must use the same config; the
/// manifest records it and refuses a different one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutputConfig {
    /// Shard file format.
    pub format: OutputFormat,
    /// JSONL compression.
    pub compression: Compression,
    /// Record filters.
    pub filters: Filters,
    /// Duplicate handling.
    pub dedup: DedupMode,
    /// Dedup parameters.
    pub dedup_config: DedupConfig,
    /// Keep pages judged not to be articles, marked `is_article: false`.
    pub keep_all: bool,
    /// Keep data tables in article bodies.
    pub tables: bool,
}

impl Default for OutputConfig {
    fn default() -> Self {
        OutputConfig {
            format: OutputFormat::Jsonl,
            compression: Compression::Zstd,
            filters: Filters::default(),
            dedup: DedupMode::Mark,
            dedup_config: DedupConfig::default(),
            keep_all: false,
            tables: true,
        }
    }
}

/// A corpus run.
#[derive(Debug, Clone)]
pub struct CorpusConfig {
    /// Output directory (shards, `stats.json`, `manifest.json`, `clusters.jsonl`).
    pub out: PathBuf,
    /// Extraction workers (at least 1).
    pub jobs: usize,
    /// What is written.
    pub output: OutputConfig,
    /// Page size and depth limits for extraction.
    pub limits: dateline_html::Limits,
    /// Stop after this many records have been written to shards, leaving the current shard
    /// unfinished, as a crash would (for testing resume).
    pub halt_after_records: Option<u64>,
}

impl CorpusConfig {
    /// A config writing to `out` with defaults: one job, zstd JSONL, dedup marked.
    pub fn new(out: impl Into<PathBuf>) -> Self {
        CorpusConfig {
            out: out.into(),
            jobs: 1,
            output: OutputConfig::default(),
            limits: dateline_html::Limits::default(),
            halt_after_records: None,
        }
    }
}
