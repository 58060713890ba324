//! `dateline bench`: predictions and timing over a benchmark root, in the layout
//! `shared/bench/score.py` reads.
//!
//! Timing covers what a user pays per page once the bytes are in memory: charset decoding,
//! parsing, extraction and serialising the JSON line. Reading and gunzipping the files is
//! outside it, as it is for the peers. One thread, so the figure compares with peers.py's.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use dateline_extract::Options;
use serde::Serialize;

use crate::cli::BenchArgs;

#[derive(Serialize)]
struct Prediction<'a> {
    id: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    authors: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

#[derive(Serialize)]
struct Summary {
    system: &'static str,
    pages: usize,
    /// Wall seconds of the median pass.
    extract_s: f64,
    /// Process CPU seconds of the same pass: steadier than wall time on a shared machine.
    extract_cpu_s: f64,
    pages_per_s: f64,
    pages_per_cpu_s: f64,
    pass_s: Vec<f64>,
    pass_cpu_s: Vec<f64>,
    repeat: usize,
}

pub fn run(args: BenchArgs) -> anyhow::Result<ExitCode> {
    let datasets = list_datasets(&args.root, &args.datasets)?;
    fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let options = Options {
        limits: args.limits.limits(),
        metadata: !args.no_metadata,
        ..Options::default()
    };
    let (mut all_pages, mut all_seconds, mut all_cpu) = (0usize, 0f64, 0f64);
    for dataset in datasets {
        let name = dataset
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let pages = match &args.flat {
            Some(flat) => read_flat_pages(&dataset.join("truth.jsonl"), &flat.join(&name))?,
            None => read_pages(&dataset.join("pages"))?,
        };
        let mut timings = Vec::new();
        let mut lines = Vec::new();
        for _ in 0..args.repeat.max(1) {
            lines.clear();
            let started = Instant::now();
            let cpu_started = cpu_time::ProcessTime::now();
            for (id, bytes) in &pages {
                let extracted = if args.flat.is_some() {
                    dateline_extract::extract_text_bytes(bytes, &options)
                } else {
                    dateline_extract::extract_bytes(bytes, None, &options)
                };
                let line = match extracted {
                    Ok(article) => serde_json::to_string(&Prediction {
                        id,
                        text: &article.text,
                        title: article.title.as_deref(),
                        authors: &article.authors,
                        date_published: article.date_published.as_deref(),
                        error: None,
                    }),
                    Err(error) => {
                        let message = error.to_string();
                        serde_json::to_string(&Prediction {
                            id,
                            text: "",
                            title: None,
                            authors: &[],
                            date_published: None,
                            error: Some(&message),
                        })
                    }
                }
                .context("cannot serialise a prediction")?;
                lines.push(line);
            }
            timings.push((
                started.elapsed().as_secs_f64(),
                cpu_started.elapsed().as_secs_f64(),
            ));
        }
        let pass_s: Vec<f64> = timings.iter().map(|t| t.0).collect();
        let pass_cpu_s: Vec<f64> = timings.iter().map(|t| t.1).collect();
        timings.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (seconds, cpu_seconds) = timings[timings.len() / 2];
        let mut out = fs::File::create(args.out.join(format!("{name}.jsonl")))
            .with_context(|| format!("cannot create predictions for {name}"))?;
        for line in &lines {
            writeln!(out, "{line}")
                .with_context(|| format!("cannot write predictions for {name}"))?;
        }
        let summary = Summary {
            system: "dateline",
            pages: pages.len(),
            extract_s: seconds,
            extract_cpu_s: cpu_seconds,
            pages_per_s: pages.len() as f64 / seconds.max(1e-9),
            pages_per_cpu_s: pages.len() as f64 / cpu_seconds.max(1e-9),
            pass_s,
            pass_cpu_s,
            repeat: args.repeat.max(1),
        };
        fs::write(
            args.out.join(format!("{name}.summary.json")),
            serde_json::to_string_pretty(&summary).context("cannot serialise the summary")?,
        )
        .with_context(|| format!("cannot write the summary for {name}"))?;
        eprintln!(
            "dateline bench: {name}: {} pages, {:.2} s, {:.0} pages/s, {:.0} pages/cpu-s",
            pages.len(),
            seconds,
            summary.pages_per_s,
            summary.pages_per_cpu_s
        );
        all_pages += pages.len();
        all_seconds += seconds;
        all_cpu += cpu_seconds;
    }
    eprintln!(
        "dateline bench: all: {all_pages} pages, {all_seconds:.2} s, {:.0} pages/s, {:.0} pages/cpu-s (one thread)",
        all_pages as f64 / all_seconds.max(1e-9),
        all_pages as f64 / all_cpu.max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}

fn list_datasets(root: &Path, only: &[String]) -> anyhow::Result<Vec<PathBuf>> {
    let entries = fs::read_dir(root)
        .with_context(|| format!("cannot read benchmark root {}", root.display()))?;
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("truth.jsonl").is_file() && p.join("pages").is_dir())
        .filter(|p| {
            only.is_empty()
                || p.file_name()
                    .is_some_and(|n| only.iter().any(|o| n.to_string_lossy() == *o))
        })
        .collect();
    found.sort();
    if found.is_empty() {
        bail!(
            "no dataset (a folder with truth.jsonl and pages/) under {}",
            root.display()
        );
    }
    Ok(found)
}

/// Flat mode: (id, decompressed text bytes) for every id of `truth`, from `dir/<id>.txt` or
/// `dir/<id>.txt.gz`, sorted by id. A page without a text file gets empty input (and so an
/// empty prediction), as a crawler that kept nothing would give.
fn read_flat_pages(truth: &Path, dir: &Path) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let truth_text =
        fs::read_to_string(truth).with_context(|| format!("cannot read {}", truth.display()))?;
    let mut pages = Vec::new();
    for line in truth_text.lines().filter(|l| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("bad JSON line in {}", truth.display()))?;
        let Some(id) = value.get("id").and_then(|v| v.as_str()) else {
            continue;
        };
        let plain = dir.join(format!("{id}.txt"));
        let gz = dir.join(format!("{id}.txt.gz"));
        let bytes = if plain.is_file() {
            fs::read(&plain).with_context(|| format!("cannot read {}", plain.display()))?
        } else if gz.is_file() {
            let raw = fs::read(&gz).with_context(|| format!("cannot read {}", gz.display()))?;
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&raw[..])
                .read_to_end(&mut out)
                .with_context(|| format!("cannot gunzip {}", gz.display()))?;
            out
        } else {
            eprintln!(
                "dateline bench: warning: no flattened text for {id} in {}",
                dir.display()
            );
            Vec::new()
        };
        pages.push((id.to_string(), bytes));
    }
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(pages)
}

/// (id, decompressed bytes) sorted by id; id is the file name minus `.html`/`.html.gz`.
fn read_pages(dir: &Path) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut pages = Vec::new();
    for entry in fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .flatten()
    {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let (id, gz) = if let Some(id) = name.strip_suffix(".html.gz") {
            (id.to_string(), true)
        } else if let Some(id) = name.strip_suffix(".html") {
            (id.to_string(), false)
        } else {
            continue;
        };
        let raw = fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let bytes = if gz {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&raw[..])
                .read_to_end(&mut out)
                .with_context(|| format!("cannot gunzip {}", path.display()))?;
            out
        } else {
            raw
        };
        pages.push((id, bytes));
    }
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(pages)
}
