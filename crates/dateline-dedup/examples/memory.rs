//! Memory and time per document at scale, on synthetic unique texts (the worst case for
//! memory: every document is indexed and adds a key to every band table).
//!
//! ```text
//! cargo run --profile quick -p dateline-dedup --example memory -- [DOCS] [WORDS_PER_DOC] [CONFIG_JSON]
//! ```
//!
//! Texts are random words from a Zipf-like vocabulary of 50,000 invented words (so common
//! shingles recur across documents as in real text). Prints the deduper's heap bytes per
//! document and the insert rate; run it under `/usr/bin/time -v` for the process peak RSS.

use std::time::Instant;

use dateline_dedup::{DedupConfig, Deduper, DuplicateKind, Fingerprinter};

/// xorshift64*: a small deterministic generator, enough for synthetic words.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let docs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200_000);
    let words: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(300);
    let config: DedupConfig = args
        .next()
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    let fingerprinter = Fingerprinter::new(&config);
    let mut deduper = Deduper::new(config);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut text = String::new();
    let mut duplicates = 0usize;
    let mut insert_secs = 0.0;
    let started = Instant::now();
    for key in 0..docs {
        text.clear();
        for _ in 0..words {
            // Zipf-like: squaring a uniform value favours small word numbers.
            let u = (rng.next() % 1_000_000) as f64 / 1_000_000.0;
            let word = (u * u * 50_000.0) as u64;
            text.push_str(&format!("w{word:x} "));
        }
        let f = fingerprinter.fingerprint(&text);
        let t = Instant::now();
        if deduper.insert(key as u64, &f).kind != DuplicateKind::Unique {
            duplicates += 1;
        }
        insert_secs += t.elapsed().as_secs_f64();
    }
    let total = started.elapsed().as_secs_f64();
    println!(
        "{docs} docs of {words} words: {duplicates} matched (expected 0), deduper heap {:.0} B/doc, insert {:.1} µs/doc, total {total:.1} s",
        deduper.heap_bytes() as f64 / docs as f64,
        insert_secs * 1e6 / docs as f64,
    );
}
