//! The corpus pipeline behind `dateline corpus`: WARC archives, directories of pages and
//! JSONL files in; deduplicated articles with provenance out, as sharded JSONL and/or
//! Parquet, with `stats.json` and a manifest for resuming.
//!
//! One input is one shard: it is read in order, extracted in parallel, deduplicated across
//! the whole run in input order, and written as `articles-NNNNN.*` (NNNNN = the input's
//! position). See the crate README for the shard contract an external scheduler can use.
//!
//! ```no_run
//! use dateline_corpus::{CorpusConfig, Silent, expand_inputs, run};
//!
//! let inputs = expand_inputs(&["crawl/CC-NEWS-00000.warc.gz".to_string()]);
//! let mut config = CorpusConfig::new("out");
//! config.jobs = 4;
//! let stats = run(&config, &inputs, &Silent).unwrap();
//! println!("{} articles", stats.counts.articles_written);
//! ```

#![forbid(unsafe_code)]

mod classify;
mod config;
mod dedup_state;
mod error;
mod filter;
mod input;
mod manifest;
mod pipeline;
mod process;
mod provenance;
mod record;
mod source;
mod stats;
mod write;

pub use classify::{NotArticle, judge};
pub use config::{Compression, CorpusConfig, DedupMode, Filters, OutputConfig, OutputFormat};
pub use dateline_dedup::DedupConfig;
pub use error::CorpusError;
pub use input::{Input, InputKind, expand_inputs};
pub use manifest::{Manifest, ShardEntry};
pub use pipeline::{Progress, Reporter, Silent, run};
pub use provenance::Provenance;
pub use record::OutputRecord;
pub use stats::{Counts, RunStats};
pub use write::parquet_schema;
