//! Reads WARC files and prints record counts by type, bytes and errors: a quick check of an
//! archive, and a measure of reading speed without extraction.
//!
//! `cargo run --release -p dateline-warc --example warc_count -- FILE...`

use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufReader;
use std::time::Instant;

use dateline_warc::{HttpResponse, WarcReader};

fn main() {
    let started = Instant::now();
    let mut types: BTreeMap<String, u64> = BTreeMap::new();
    let mut html = 0u64;
    let mut bytes = 0u64;
    let mut errors = 0u64;
    for path in std::env::args().skip(1) {
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{path}: {e}");
                errors += 1;
                continue;
            }
        };
        let reader = match WarcReader::new(BufReader::with_capacity(256 * 1024, file)) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{path}: {e}");
                errors += 1;
                continue;
            }
        };
        for record in reader {
            match record {
                Ok(r) => {
                    bytes += r.block.len() as u64;
                    let kind = r.record_type().unwrap_or("?").to_string();
                    if kind == "response"
                        && HttpResponse::parse(&r.block)
                            .is_ok_and(|h| h.status == 200 && h.is_html())
                    {
                        html += 1;
                    }
                    *types.entry(kind).or_default() += 1;
                }
                Err(e) => {
                    eprintln!("{path}: {e}");
                    errors += 1;
                }
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let records: u64 = types.values().sum();
    println!(
        "{records} records ({types:?}), {html} HTML 200 responses, {bytes} block bytes, {errors} errors, \
         {seconds:.2} s, {:.0} records/s",
        records as f64 / seconds
    );
}
