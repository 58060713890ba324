//! `dateline corpus`: argument mapping, progress bar and summary; the pipeline is
//! `dateline_corpus::run`.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use dateline_corpus::{
    Compression, CorpusConfig, DedupConfig, DedupMode, Filters, OutputConfig, OutputFormat,
    Progress, Reporter, RunStats,
};

use crate::cli::{CorpusArgs, CorpusCompression, CorpusFormat, DedupArg};

pub fn run(args: CorpusArgs) -> anyhow::Result<ExitCode> {
    let dedup_config = DedupConfig {
        shingle_words: args.shingle_words,
        permutations: args.permutations,
        bands: args.bands,
        rows: args.rows,
        jaccard_threshold: args.jaccard,
        containment_threshold: args.containment,
        min_size_ratio: args.min_size_ratio,
        min_words: args.dedup_min_words,
        min_canonical_containment: args.min_canonical_containment,
        ..DedupConfig::default()
    };
    dedup_config.validate()?;
    let output = OutputConfig {
        format: match args.format {
            CorpusFormat::Jsonl => OutputFormat::Jsonl,
            CorpusFormat::Parquet => OutputFormat::Parquet,
            CorpusFormat::Both => OutputFormat::Both,
        },
        compression: match args.compression {
            CorpusCompression::Zstd => Compression::Zstd,
            CorpusCompression::Gzip => Compression::Gzip,
            CorpusCompression::None => Compression::None,
        },
        filters: Filters {
            languages: args.lang.clone(),
            since: args.since.clone(),
            until: args.until.clone(),
            hosts: args.host.clone(),
            exclude_hosts: args.exclude_host.clone(),
            min_words: args.min_words,
        },
        dedup: match args.dedup {
            DedupArg::Drop => DedupMode::Drop,
            DedupArg::Mark => DedupMode::Mark,
            DedupArg::Off => DedupMode::Off,
        },
        dedup_config,
        keep_all: args.all,
        tables: !args.no_tables,
    };
    let jobs = args.jobs.filter(|&j| j > 0).unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let config = CorpusConfig {
        out: args.out.clone(),
        jobs,
        output,
        limits: args.limits.limits(),
        halt_after_records: args.halt_after,
    };
    let inputs = dateline_corpus::expand_inputs(&args.inputs);
    let reporter = Bar::new(args.quiet);
    let stats = dateline_corpus::run(&config, &inputs, &reporter)
        .with_context(|| format!("corpus run into {}", args.out.display()))?;
    reporter.bar.finish_and_clear();
    if !args.quiet {
        summary(&stats, &config);
    }
    // Bad records are counted, not fatal; the run failed only if nothing could be read.
    let nothing_read =
        stats.counts.records_read > 0 && stats.counts.errors == stats.counts.records_read;
    if nothing_read {
        eprintln!("dateline: error: no input could be read");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

struct Bar {
    bar: indicatif::ProgressBar,
    quiet: bool,
}

impl Bar {
    fn new(quiet: bool) -> Self {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            indicatif::ProgressBar::hidden()
        } else {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        };
        Bar { bar, quiet }
    }
}

impl Reporter for Bar {
    fn progress(&self, p: &Progress) {
        let secs = p.seconds.max(1e-9);
        self.bar.set_message(format!(
            "shard {}/{}  {} records ({:.0}/s)  {} pages ({:.0}/s)  {} written  {} duplicates  {} errors",
            p.shards_done,
            p.shards,
            p.records,
            p.records as f64 / secs,
            p.pages,
            p.pages as f64 / secs,
            p.written,
            p.duplicates,
            p.errors,
        ));
    }

    fn warn(&self, message: &str) {
        if !self.quiet {
            self.bar
                .suspend(|| eprintln!("dateline: warning: {message}"));
        }
    }
}

fn summary(stats: &RunStats, config: &CorpusConfig) {
    let c = &stats.counts;
    let list = |map: &std::collections::BTreeMap<String, u64>| {
        if map.is_empty() {
            "none".to_string()
        } else {
            map.iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    eprintln!(
        "dateline corpus: {} shards ({} resumed) into {}",
        stats.shards,
        stats.shards_resumed,
        config.out.display()
    );
    eprintln!(
        "  {} records read, {} pages extracted; this run {:.1} s, {:.0} records/s, {:.0} pages/s",
        c.records_read, c.pages, stats.seconds, stats.records_per_sec, stats.pages_per_sec
    );
    eprintln!(
        "  {} written ({} articles), {} exact + {} near duplicates ({} dropped)",
        c.written, c.articles_written, c.exact_duplicates, c.near_duplicates, c.duplicates_dropped
    );
    eprintln!("  skipped: {}", list(&c.skipped));
    eprintln!("  not articles: {}", list(&c.not_articles));
    eprintln!("  filtered: {}", list(&c.filtered));
    eprintln!("  errors: {}", c.errors);
}
