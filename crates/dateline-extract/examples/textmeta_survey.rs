//! Runs the `textmeta` parsers over real pages to see what they read and what they miss.
//!
//! ```sh
//! cargo run --profile quick -p dateline-extract --example textmeta_survey -- \
//!     ../shared/bench/data [--show 20]
//! ```
//!
//! For every dataset under the root (a folder with `pages/` and `truth.jsonl`) it reports:
//! - `<time datetime>` values that `parse_date` reads, and `<time>` texts that `find_date` reads
//!   (with up to `--show` misses printed, to find formats worth adding);
//! - date-like elements (class/id naming a date, `<time>`): how often the first date found in
//!   them matches the labelled publication day;
//! - byline-like elements (class/id naming an author or byline, `rel=author`,
//!   `itemprop=author`): how often `clean_authors` finds a labelled author;
//! - datelines that `parse_dateline` reads at the start of the first paragraphs;
//! - `find_dates` throughput over whole page texts (single thread).
//!
//! It measures, it does not assert: a tool for working on the parsers, not a test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dateline_extract::textmeta::{
    DateContext, clean_authors, find_date, find_dates, parse_date, parse_dateline,
};
use dateline_html::{Document, Limits, NodeId};

#[derive(Default)]
struct Tally {
    pages: usize,
    datetime_attrs: usize,
    datetime_read: usize,
    time_texts: usize,
    time_texts_read: usize,
    dated_pages: usize,
    date_right: usize,
    date_wrong: usize,
    authored_pages: usize,
    author_hit: usize,
    author_found_other: usize,
    datelines: usize,
    text_bytes: usize,
    scan_time: Duration,
}

struct Truth {
    date: Option<String>,
    authors: Vec<String>,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut root = PathBuf::from("../shared/bench/data");
    let mut show = 10usize;
    while let Some(arg) = args.next() {
        if arg == "--show" {
            show = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
        } else {
            root = PathBuf::from(arg);
        }
    }
    let mut datasets: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("data root")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("truth.jsonl").is_file() && p.join("pages").is_dir())
        .collect();
    datasets.sort();
    let mut total = Tally::default();
    for dataset in datasets {
        let tally = survey(&dataset, show);
        print_tally(&dataset.file_name().unwrap().to_string_lossy(), &tally);
        add(&mut total, &tally);
    }
    print_tally("ALL", &total);
}

fn truth(dataset: &Path) -> HashMap<String, Truth> {
    let text = std::fs::read_to_string(dataset.join("truth.jsonl")).unwrap_or_default();
    text.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| {
            let id = v.get("id")?.as_str()?.to_string();
            let date = v
                .get("date_published")
                .and_then(|d| d.as_str())
                .filter(|d| d.len() >= 10)
                .map(|d| d[..10].to_string());
            let authors = v
                .get("authors")
                .and_then(|a| a.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_lowercase))
                        .collect()
                })
                .unwrap_or_default();
            Some((id, Truth { date, authors }))
        })
        .collect()
}

fn survey(dataset: &Path, show: usize) -> Tally {
    let truths = truth(dataset);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dataset.join("pages"))
        .expect("pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let mut tally = Tally::default();
    let mut shown = 0;
    let name = dataset.file_name().unwrap().to_string_lossy().to_string();
    for file in files {
        let id = file
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".gz")
            .trim_end_matches(".html")
            .trim_end_matches(".htm")
            .to_string();
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        let Ok(doc) = dateline_html::with_decoded(&bytes, None, &Limits::default(), |text, _| {
            dateline_html::parse(text, &Limits::default())
        }) else {
            continue;
        };
        tally.pages += 1;
        // Numeric dates are read in the page's language, as the extractor will.
        let lang = doc
            .descendants(doc.root())
            .find_map(|n| doc.element(n).filter(|e| &**e.tag() == "html"))
            .and_then(|e| e.attr("lang"));
        let ctx = DateContext::new(None, lang);
        let mut date_snippets = Vec::new();
        let mut byline_snippets = Vec::new();
        for id_ in doc.descendants(doc.root()) {
            let Some(el) = doc.element(id_) else { continue };
            let tag = el.tag().to_string();
            if matches!(tag.as_str(), "script" | "style" | "noscript" | "template") {
                continue;
            }
            let names = format!(
                "{} {}",
                el.attr("class").unwrap_or(""),
                el.attr("id").unwrap_or("")
            )
            .to_lowercase();
            if tag == "time" {
                if let Some(dt) = el.attr("datetime").filter(|d| !d.trim().is_empty()) {
                    tally.datetime_attrs += 1;
                    if parse_date(dt, &ctx).is_some() {
                        tally.datetime_read += 1;
                    } else if shown < show {
                        shown += 1;
                        println!("[{name}] datetime miss: {dt:?}");
                    }
                }
                let text = squash(&doc.text_content(id_));
                if text.chars().any(|c| c.is_ascii_digit()) && text.len() < 120 {
                    tally.time_texts += 1;
                    if find_date(&text, &ctx).is_some() {
                        tally.time_texts_read += 1;
                    } else if shown < show {
                        shown += 1;
                        println!("[{name}] <time> text miss: {text:?}");
                    }
                }
            }
            let text_len = short_text_len(&doc, id_);
            if text_len == 0 || text_len > 200 {
                continue;
            }
            if tag == "time"
                || [
                    "date", "time", "publish", "posted", "dateline", "byline", "meta",
                ]
                .iter()
                .any(|k| names.contains(k))
            {
                date_snippets.push(squash(&doc.text_content(id_)));
            }
            let rel_author = el.attr("rel") == Some("author")
                || el.attr("itemprop").is_some_and(|p| p.contains("author"));
            if rel_author
                || ["author", "byline", "writer"]
                    .iter()
                    .any(|k| names.contains(k))
            {
                byline_snippets.push(squash(&doc.text_content(id_)));
            }
        }
        let truth = truths.get(&id);
        if let Some(want) = truth.and_then(|t| t.date.as_deref()) {
            tally.dated_pages += 1;
            let got = date_snippets
                .iter()
                .find_map(|s| find_date(s, &ctx).map(|(d, _)| d.to_iso()));
            match got {
                Some(g) if g.starts_with(want) => tally.date_right += 1,
                Some(g) => {
                    tally.date_wrong += 1;
                    if shown < show {
                        shown += 1;
                        println!("[{name}] {id}: date {g} but truth {want}");
                    }
                }
                None => {}
            }
        }
        if let Some(t) = truth.filter(|t| !t.authors.is_empty()) {
            tally.authored_pages += 1;
            let found: Vec<String> = byline_snippets
                .iter()
                .flat_map(|s| clean_authors(s))
                .map(|a| a.to_lowercase())
                .collect();
            if found.iter().any(|a| t.authors.contains(a)) {
                tally.author_hit += 1;
            } else if !found.is_empty() {
                tally.author_found_other += 1;
                if shown < show {
                    shown += 1;
                    println!(
                        "[{name}] {id}: authors {:?} but truth {:?} (from {:?})",
                        &found[..found.len().min(3)],
                        t.authors,
                        byline_snippets.iter().take(2).collect::<Vec<_>>()
                    );
                }
            }
        }
        let body = doc.body().unwrap_or(doc.root());
        for p in doc
            .descendants(body)
            .filter(|&n| doc.element(n).is_some_and(|e| &**e.tag() == "p"))
            .take(3)
        {
            let text = squash(&doc.text_content(p));
            if let Some((dateline, len)) = parse_dateline(&text, &ctx) {
                tally.datelines += 1;
                if shown < show {
                    shown += 1;
                    println!(
                        "[{name}] dateline {dateline:?} from {:?}",
                        &text[..len.min(text.len())]
                    );
                }
            }
        }
        let text = doc.text_content(body);
        let started = Instant::now();
        let found = find_dates(&text, &ctx);
        tally.scan_time += started.elapsed();
        tally.text_bytes += text.len();
        std::hint::black_box(found);
    }
    tally
}

fn short_text_len(doc: &Document, id: NodeId) -> usize {
    let mut len = 0;
    for n in doc.descendants(id) {
        if let Some(t) = doc.text(n) {
            len += t.trim().len();
            if len > 200 {
                break;
            }
        }
    }
    len
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn add(total: &mut Tally, t: &Tally) {
    total.pages += t.pages;
    total.datetime_attrs += t.datetime_attrs;
    total.datetime_read += t.datetime_read;
    total.time_texts += t.time_texts;
    total.time_texts_read += t.time_texts_read;
    total.dated_pages += t.dated_pages;
    total.date_right += t.date_right;
    total.date_wrong += t.date_wrong;
    total.authored_pages += t.authored_pages;
    total.author_hit += t.author_hit;
    total.author_found_other += t.author_found_other;
    total.datelines += t.datelines;
    total.text_bytes += t.text_bytes;
    total.scan_time += t.scan_time;
}

fn print_tally(name: &str, t: &Tally) {
    let mb = t.text_bytes as f64 / 1e6;
    let secs = t.scan_time.as_secs_f64();
    println!(
        "{name:>20}: pages {} | datetime attrs {}/{} | <time> texts {}/{} | page date right {} wrong {} of {} | authors hit {} other {} of {} | datelines {} | find_dates {:.1} MB in {:.3} s ({:.0} MB/s)",
        t.pages,
        t.datetime_read,
        t.datetime_attrs,
        t.time_texts_read,
        t.time_texts,
        t.date_right,
        t.date_wrong,
        t.dated_pages,
        t.author_hit,
        t.author_found_other,
        t.authored_pages,
        t.datelines,
        mb,
        secs,
        if secs > 0.0 { mb / secs } else { 0.0 },
    );
}
