//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turn news pages into clean, structured articles.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract the article from pages (files, directories, `-` for stdin, or http(s) URLs).
    Extract(ExtractArgs),
    /// Run extraction over a benchmark root (`<root>/<dataset>/pages/*.html.gz`) and write
    /// predictions and timing for shared/bench/score.py.
    Bench(BenchArgs),
    /// Turn WARC archives, page directories or JSONL files into deduplicated articles with
    /// provenance: sharded JSONL/Parquet, stats.json and a manifest for resuming.
    Corpus(CorpusArgs),
}

/// What `extract` reads its inputs as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Decide per input: the HTTP content type, the file name (`.txt`, `.txt.gz` hint
    /// text), and the markup in the first KiBs.
    Auto,
    /// Pages already flattened to text (crawler text dumps).
    Text,
    /// HTML pages.
    Html,
}

/// Output format of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The body as plain text.
    Txt,
    /// Title and body as Markdown (GFM tables).
    Markdown,
    /// One pretty-printed JSON Article per input.
    Json,
    /// One JSON Article per line, one line per input (failures too).
    Jsonl,
    /// A clean standalone HTML document.
    Html,
    /// schema.org `NewsArticle` JSON-LD, one object per input.
    Jsonld,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
            Format::Jsonld => "jsonld",
        }
    }
}

#[derive(Debug, Args)]
pub struct LimitArgs {
    /// Largest page accepted after decompression, in bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub max_input_bytes: usize,
    /// Largest size gzip input may expand to, in bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub max_decompressed_bytes: usize,
    /// Deepest element nesting kept; deeper elements are attached at this depth.
    #[arg(long, default_value_t = 512, value_parser = clap::value_parser!(u16).range(16..=4096))]
    pub max_depth: u16,
}

impl LimitArgs {
    pub fn limits(&self) -> dateline_html::Limits {
        dateline_html::Limits {
            max_input_bytes: self.max_input_bytes,
            max_decompressed_bytes: self.max_decompressed_bytes,
            max_depth: usize::from(self.max_depth),
        }
    }
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files, directories (walked for *.html, *.htm, *.txt and their .gz), `-` for stdin,
    /// or URLs.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Read inputs as HTML, as flattened text, or decide per input.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Txt)]
    pub format: Format,
    /// Write to this file, or, if it is a directory (or ends with `/`), one file per input.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Parallel jobs (default: all cores).
    #[arg(short, long)]
    pub jobs: Option<usize>,
    /// Leave data tables out of the body.
    #[arg(long)]
    pub no_tables: bool,
    /// Keep hyperlinks (Markdown/HTML links, `links` in JSON blocks).
    #[arg(long)]
    pub links: bool,
    /// Keep images in the body.
    #[arg(long)]
    pub images: bool,
    /// The page URL when reading a file or stdin (resolves relative links).
    #[arg(long)]
    pub url: Option<String>,
    /// Reference time for relative dates ("3 hours ago") and for rejecting future dates, as
    /// RFC 3339 (`2024-05-02T08:30:00Z`); default: now. `none` turns both off.
    #[arg(long, default_value = "now")]
    pub reference_time: String,
    /// Seconds to wait for a URL to answer.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Benchmark root holding `<dataset>/pages/*.html[.gz]` and `<dataset>/truth.jsonl`.
    #[arg(long, default_value = "../shared/bench/data")]
    pub root: PathBuf,
    /// Where `<dataset>.jsonl` and `<dataset>.summary.json` go.
    #[arg(long, default_value = "RESULTS/dateline")]
    pub out: PathBuf,
    /// Only these datasets (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub datasets: Vec<String>,
    /// Timed passes per dataset; the median is reported.
    #[arg(long, default_value_t = 1)]
    pub repeat: usize,
    /// Flat mode: read the flattened text `DIR/<dataset>/<id>.txt[.gz]` of each page listed in
    /// `<root>/<dataset>/truth.jsonl` (as shared/bench/flatten.py writes it) instead of the HTML.
    #[arg(long, value_name = "DIR")]
    pub flat: Option<PathBuf>,
    /// Skip the metadata stage (to measure what it costs).
    #[arg(long)]
    pub no_metadata: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Shard file format of `corpus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CorpusFormat {
    /// `articles-NNNNN.jsonl[.zst|.gz]`.
    Jsonl,
    /// `articles-NNNNN.parquet` (zstd pages).
    Parquet,
    /// Both.
    Both,
}

/// JSONL compression of `corpus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CorpusCompression {
    /// `.jsonl.zst`.
    Zstd,
    /// `.jsonl.gz`.
    Gzip,
    /// `.jsonl`.
    None,
}

/// Duplicate handling of `corpus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DedupArg {
    /// Write only the first-seen record of each cluster.
    Drop,
    /// Write every record with `cluster_id` and `duplicate_of`.
    Mark,
    /// No deduplication.
    Off,
}

fn parse_day(value: &str) -> Result<String, String> {
    let b = value.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if ok {
        Ok(value.to_string())
    } else {
        Err(format!("expected a date as YYYY-MM-DD, got {value:?}"))
    }
}

#[derive(Debug, Args)]
pub struct CorpusArgs {
    /// WARC files (.warc, .warc.gz, .warc.zst), directories (of WARC/JSONL files, or of .html/.txt
    /// pages), JSONL files with an `html` or `text` field; glob patterns are expanded.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Output directory: shards, stats.json, manifest.json, clusters.jsonl.
    #[arg(long)]
    pub out: PathBuf,
    /// Extraction workers (default: all cores).
    #[arg(short, long)]
    pub jobs: Option<usize>,
    /// Shard file format.
    #[arg(long, value_enum, default_value_t = CorpusFormat::Jsonl)]
    pub format: CorpusFormat,
    /// JSONL compression.
    #[arg(long, value_enum, default_value_t = CorpusCompression::Zstd)]
    pub compression: CorpusCompression,
    /// Keep only these languages (comma-separated primary tags: en,de).
    #[arg(long, value_delimiter = ',')]
    pub lang: Vec<String>,
    /// Keep only articles published on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_day)]
    pub since: Option<String>,
    /// Keep only articles published on or before this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_day)]
    pub until: Option<String>,
    /// Keep only these hosts and their subdomains (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub host: Vec<String>,
    /// Drop these hosts and their subdomains (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub exclude_host: Vec<String>,
    /// Drop articles with fewer words.
    #[arg(long, default_value_t = 0)]
    pub min_words: usize,
    /// Keep pages that are not articles (index, tag, error, login pages), marked
    /// `is_article: false`.
    #[arg(long)]
    pub all: bool,
    /// Leave data tables out of the body.
    #[arg(long)]
    pub no_tables: bool,
    /// What to do with duplicates.
    #[arg(long, value_enum, default_value_t = DedupArg::Mark)]
    pub dedup: DedupArg,
    /// Dedup: words per shingle.
    #[arg(long, default_value_t = dateline_dedup::DedupConfig::default().shingle_words)]
    pub shingle_words: usize,
    /// Dedup: MinHash permutations.
    #[arg(long, default_value_t = dateline_dedup::DedupConfig::default().permutations)]
    pub permutations: usize,
    /// Dedup: LSH bands (bands x rows <= permutations).
    #[arg(long, default_value_t = dateline_dedup::DedupConfig::default().bands)]
    pub bands: usize,
    /// Dedup: rows per LSH band.
    #[arg(long, default_value_t = dateline_dedup::DedupConfig::default().rows)]
    pub rows: usize,
    /// Dedup: estimated Jaccard similarity that makes two texts near-duplicates.
    #[arg(long, default_value_t = dateline_dedup::DedupConfig::default().jaccard_threshold)]
    pub jaccard: f64,
    /// Dedup: estimated containment (share of the smaller text in the larger) that makes a
    /// cut copy a near-duplicate.
    #[arg(long, default_value_t = dateline_dedup::DedupConfig::default().containment_threshold)]
    pub containment: f64,
    /// Dedup: the smaller text must be at least this share of the larger for containment.
    #[arg(long, default_value_t = dateline_dedup::DedupConfig::default().min_size_ratio)]
    pub min_size_ratio: f64,
    /// Dedup: a near match must also share this share of the smaller text with the cluster's
    /// first-seen record (stops chains of small edits drifting to another story).
    #[arg(long, default_value_t = dateline_dedup::DedupConfig::default().min_canonical_containment)]
    pub min_canonical_containment: f64,
    /// Dedup: texts with fewer words are matched exactly only.
    #[arg(long, default_value_t = dateline_dedup::DedupConfig::default().min_words)]
    pub dedup_min_words: usize,
    /// No progress bar and no summary.
    #[arg(short, long)]
    pub quiet: bool,
    /// Stop after writing this many records, leaving the shard unfinished as a crash would
    /// (for testing resume).
    #[arg(long, hide = true)]
    pub halt_after: Option<u64>,
    #[command(flatten)]
    pub limits: LimitArgs,
}
