//! `dateline extract`: pages in, articles out, in input order, in parallel.

use std::fs;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use dateline_extract::Options;
use dateline_model::Article;
use dateline_model::render::{self, RenderOptions};
use rayon::prelude::*;

use crate::cli::{ExtractArgs, Format, InputFormat};
use crate::input::{self, Input};
use crate::sniff;

/// Inputs handled per parallel batch: large enough to keep all cores busy, small enough that
/// output starts early and memory stays flat on huge input lists.
const BATCH: usize = 256;

enum Sink {
    Stdout(BufWriter<std::io::Stdout>),
    File(BufWriter<fs::File>, PathBuf),
    Directory(PathBuf),
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let inputs = input::expand(&args.inputs);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        // Extraction walks recurse down to the parser's depth cap; give them room.
        .stack_size(16 * 1024 * 1024)
        .build()
        .context("cannot start worker threads")?;
    let mut sink = open_sink(args.output.as_deref())?;
    let options = Options {
        url: None,
        tables: !args.no_tables,
        links: args.links,
        images: args.images,
        limits: args.limits.limits(),
        reference_time: reference_time(&args.reference_time)?,
        metadata: true,
    };
    let render_options = RenderOptions {
        links: args.links,
        images: args.images,
        tables: !args.no_tables,
    };
    let progress = progress_bar(inputs.len());
    let started = Instant::now();
    let mut failures = 0usize;
    let mut empty = 0usize;
    let timeout = Duration::from_secs(args.timeout);
    for (batch_index, batch) in inputs.chunks(BATCH).enumerate() {
        let articles: Vec<Extracted> = pool.install(|| {
            batch
                .par_iter()
                .map(|input| {
                    extract_one(
                        input,
                        &options,
                        args.url.as_deref(),
                        timeout,
                        args.input_format,
                    )
                })
                .collect()
        });
        for (offset, Extracted { article, app_shell }) in articles.into_iter().enumerate() {
            let index = batch_index * BATCH + offset;
            if let Some(error) = &article.error {
                failures += 1;
                progress.suspend(|| {
                    eprintln!(
                        "dateline: error: {}: {error}",
                        article.source.as_deref().unwrap_or("?")
                    )
                });
                if args.format != Format::Jsonl {
                    progress.inc(1);
                    continue;
                }
            } else if article.text.is_empty() {
                // Not a failure (a page may hold only a video), but never a silent blank.
                empty += 1;
                progress.suspend(|| {
                    eprintln!(
                        "dateline: warning: {}: no article text found{}",
                        article.source.as_deref().unwrap_or("?"),
                        if app_shell {
                            " (the page says it needs JavaScript to show its content)"
                        } else {
                            ""
                        }
                    )
                });
            }
            write_article(
                &mut sink,
                &inputs[index],
                index,
                &article,
                args.format,
                &render_options,
            )?;
            progress.inc(1);
        }
    }
    progress.finish_and_clear();
    finish(sink)?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "dateline: {} pages, {} failed, {} without text, {:.2} s ({:.1} pages/s)",
        inputs.len(),
        failures,
        empty,
        seconds,
        inputs.len() as f64 / seconds.max(1e-9)
    );
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// One input's article, and whether its empty body is an app shell's.
struct Extracted {
    article: Article,
    /// The page has no text of its own and says it needs JavaScript ("enable JavaScript").
    app_shell: bool,
}

impl From<Article> for Extracted {
    fn from(article: Article) -> Self {
        Extracted {
            article,
            app_shell: false,
        }
    }
}

fn extract_one(
    input: &Input,
    options: &Options,
    url: Option<&str>,
    timeout: Duration,
    format: InputFormat,
) -> Extracted {
    let source = input.source();
    let fetched = match input::read(
        input,
        options
            .limits
            .max_input_bytes
            .max(options.limits.max_decompressed_bytes),
        timeout,
    ) {
        Ok(fetched) => fetched,
        Err(error) => return Article::failed(source, format!("{error:#}")).into(),
    };
    let mut options = options.clone();
    options.url = fetched.url.or_else(|| url.map(str::to_string));
    let kind = match format {
        InputFormat::Html => sniff::Kind::Html,
        InputFormat::Text => sniff::Kind::Text,
        InputFormat::Auto => {
            let name = match input {
                Input::File(path) => path.file_name().map(|n| n.to_string_lossy().into_owned()),
                Input::Url(url) => Some(url.clone()),
                Input::Stdin => None,
            };
            sniff::detect(
                &fetched.bytes,
                name.as_deref(),
                fetched.content_type.as_deref(),
            )
        }
    };
    let extracted = match kind {
        sniff::Kind::Html => dateline_extract::extract_bytes(
            &fetched.bytes,
            fetched.content_type.as_deref(),
            &options,
        ),
        sniff::Kind::Text => dateline_extract::extract_text_bytes(&fetched.bytes, &options),
    };
    match extracted {
        Ok(mut article) => {
            article.source = Some(source);
            let app_shell = article.text.is_empty()
                && kind == sniff::Kind::Html
                && dateline_extract::needs_javascript(&fetched.bytes);
            Extracted { article, app_shell }
        }
        Err(error) => Article::failed(source, error.to_string()).into(),
    }
}

fn open_sink(output: Option<&Path>) -> anyhow::Result<Sink> {
    let Some(path) = output else {
        return Ok(Sink::Stdout(BufWriter::new(std::io::stdout())));
    };
    let wants_dir = path.is_dir() || path.as_os_str().to_string_lossy().ends_with('/');
    if wants_dir {
        fs::create_dir_all(path)
            .with_context(|| format!("cannot create directory {}", path.display()))?;
        return Ok(Sink::Directory(path.to_path_buf()));
    }
    let file =
        fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(Sink::File(BufWriter::new(file), path.to_path_buf()))
}

fn render(article: &Article, format: Format, options: &RenderOptions) -> String {
    match format {
        Format::Txt => render::text(article, options),
        Format::Markdown => render::markdown(article, options),
        Format::Json => render::json(article),
        Format::Jsonl => render::json_line(article) + "\n",
        Format::Html => render::html(article, options),
        Format::Jsonld => render::jsonld(article) + "\n",
    }
}

fn write_article(
    sink: &mut Sink,
    input: &Input,
    index: usize,
    article: &Article,
    format: Format,
    options: &RenderOptions,
) -> anyhow::Result<()> {
    let rendered = render(article, format, options);
    match sink {
        Sink::Stdout(out) => out
            .write_all(rendered.as_bytes())
            .context("cannot write to standard output"),
        Sink::File(out, path) => out
            .write_all(rendered.as_bytes())
            .with_context(|| format!("cannot write {}", path.display())),
        Sink::Directory(dir) => {
            let path = dir.join(format!("{}.{}", input.stem(index), format.extension()));
            fs::write(&path, rendered).with_context(|| format!("cannot write {}", path.display()))
        }
    }
}

fn finish(sink: Sink) -> anyhow::Result<()> {
    match sink {
        Sink::Stdout(mut out) => out.flush().context("cannot write to standard output"),
        Sink::File(mut out, path) => out
            .flush()
            .with_context(|| format!("cannot write {}", path.display())),
        Sink::Directory(_) => Ok(()),
    }
}

fn progress_bar(total: usize) -> indicatif::ProgressBar {
    if total < 50 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} pages  {per_sec}  eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// `now`, `none` or an RFC 3339 instant.
fn reference_time(value: &str) -> anyhow::Result<Option<jiff::Timestamp>> {
    match value.trim() {
        "now" => Ok(Some(jiff::Timestamp::now())),
        "none" => Ok(None),
        other => other
            .parse::<jiff::Timestamp>()
            .map(Some)
            .with_context(|| format!("--reference-time '{other}' is not an RFC 3339 instant")),
    }
}
