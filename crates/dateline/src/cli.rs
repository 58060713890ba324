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
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
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
    #[command(flatten)]
    pub limits: LimitArgs,
}
