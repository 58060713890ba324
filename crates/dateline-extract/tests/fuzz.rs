//! A deterministic mutation fuzzer on the stable toolchain (no cargo-fuzz).
//!
//! A small corpus of news-like seed pages (navigation, article, tables, lists, JSON-LD, meta
//! tags; UTF-8, windows-1252, windows-1251, Shift_JIS, GBK without a declaration, UTF-16LE
//! with a BOM) is mutated with a seeded xorshift PRNG: truncation, byte flips, byte
//! insertion and deletion, duplicated slices, deep nesting, huge attributes, NUL bytes,
//! invalid UTF-8, markup tokens, splicing two seeds, re-encoding in another charset, gzip.
//! Every case goes through `extract_bytes` and every renderer of `dateline_model::render`
//! inside `catch_unwind`, and must neither panic nor break the article's invariants.
//!
//! Each case's PRNG seed is derived from the base seed and the case number alone, so a
//! failure report (case number, seed, mutations) reproduces on any machine and thread count.
//!
//! Environment:
//! - `DATELINE_FUZZ_CASES`: number of cases (default 10,000, see [`DEFAULT_CASES`];
//!   1,000,000 for the ignored long run);
//! - `DATELINE_FUZZ_SEED`: base seed (decimal or `0x` hex), to explore other cases;
//! - `DATELINE_FUZZ_CASE`: run only this case number (to reproduce a failure);
//! - `DATELINE_FUZZ_STRICT=1`: fail on [`KNOWN_BUGS`] too;
//! - `DATELINE_FUZZ_VERBOSE=1`: print every case before running it (to find the case that
//!   aborts the process, e.g. by a stack overflow, which `catch_unwind` cannot catch).
//!
//! The long run:
//! `DATELINE_FUZZ_CASES=1000000 cargo test --release -p dateline-extract --test fuzz -- --ignored --nocapture`
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use dateline_extract::{Options, extract_bytes};
use dateline_html::Limits;
use dateline_model::render::{self, RenderOptions};
use dateline_model::{Article, Block, Link, count_words};
use encoding_rs::Encoding;

/// Cases per `cargo test` run. The seed pages are small, so this is ~10 s in release and
/// ~35 s in a debug build (`cargo test --workspace`, as CI runs it) on a 2-core machine; debug
/// and release run the very same cases, so a failing seed reproduces in both.
const DEFAULT_CASES: u64 = 10_000;
/// Cases of the ignored long run.
const LONG_CASES: u64 = 1_000_000;
/// Base seed of the default run; the long run starts from another one.
const DEFAULT_SEED: u64 = 0x00da_7e11_4e5f_0001;
const LONG_SEED: u64 = 0x00da_7e11_4e5f_1000;
/// Largest input a case may grow to; keeps one case well under a second in release.
const MAX_CASE_BYTES: usize = 2 * 1024 * 1024;

#[test]
fn fuzz_extract_and_render() {
    run_fuzzer(DEFAULT_CASES, DEFAULT_SEED);
}

/// The long run; see the module docs for the command.
#[test]
#[ignore = "long run: DATELINE_FUZZ_CASES=1000000 cargo test --release -p dateline-extract --test fuzz -- --ignored"]
fn fuzz_extract_and_render_long() {
    run_fuzzer(LONG_CASES, LONG_SEED);
}

/// The fuzzer's own plumbing: same seed, same cases.
#[test]
fn cases_are_deterministic() {
    let seeds = seeds();
    for case in [0, 1, 77, 12_345] {
        let seed = case_seed(DEFAULT_SEED, case);
        let a = make_case(seed, &seeds);
        let b = make_case(seed, &seeds);
        assert_eq!(a.bytes, b.bytes);
        assert_eq!(a.log, b.log);
    }
}

// ---------------------------------------------------------------------------------------
// Driver
// ---------------------------------------------------------------------------------------

fn env_u64(name: &str) -> Option<u64> {
    let raw = std::env::var(name).ok()?;
    let raw = raw.trim().replace('_', "");
    let parsed = match raw.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => raw.parse(),
    };
    Some(parsed.unwrap_or_else(|_| panic!("{name}={raw:?} is not a number")))
}

thread_local! {
    /// Where the last panic on this thread happened, set by the panic hook.
    static PANIC_LOCATION: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// A library bug the fuzzer is known to hit, already reported with a failing (ignored) test.
/// Its panics are counted and printed but do not fail the run, so the fuzzer keeps guarding
/// against new ones; `DATELINE_FUZZ_STRICT=1` fails on them too. Delete the entry once the
/// bug is fixed.
struct KnownBug {
    /// Source file the panic comes from.
    file: &'static str,
    /// Any of these in the panic message.
    messages: &'static [&'static str],
    what: &'static str,
}

/// Empty: the walk_link slicing and underflow panics and the depth-guard raw-text panic
/// this list once held are fixed, with regression tests in tests/robustness.rs.
const KNOWN_BUGS: &[KnownBug] = &[];

fn known_bug(message: &str) -> Option<&'static KnownBug> {
    KNOWN_BUGS
        .iter()
        .find(|bug| message.contains(bug.file) && bug.messages.iter().any(|m| message.contains(m)))
}

struct Failure {
    case: u64,
    seed: u64,
    log: Vec<String>,
    message: String,
}

struct Slowest {
    time: Duration,
    case: u64,
    seed: u64,
    bytes: usize,
    log: Vec<String>,
}

fn run_fuzzer(default_cases: u64, default_seed: u64) {
    let cases = env_u64("DATELINE_FUZZ_CASES").unwrap_or(default_cases);
    let base = env_u64("DATELINE_FUZZ_SEED").unwrap_or(default_seed);
    let only = env_u64("DATELINE_FUZZ_CASE");
    let verbose = env_u64("DATELINE_FUZZ_VERBOSE").is_some_and(|v| v != 0);
    let seeds = seeds();
    let to_run: Vec<u64> = match only {
        Some(case) => vec![case],
        None => (0..cases).collect(),
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4)
        .min(to_run.len().max(1));
    let failures = Mutex::new(Vec::<Failure>::new());
    let slowest = Mutex::new(None::<Slowest>);
    let done = std::sync::atomic::AtomicU64::new(0);
    let started = Instant::now();
    // Fuzz workers report their panics with the case seed below; the hook only records
    // where the panic happened. Other threads keep the default hook.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let is_worker = std::thread::current()
            .name()
            .is_some_and(|n| n.starts_with("fuzz-"));
        if is_worker {
            let location = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            PANIC_LOCATION.with(|cell| *cell.borrow_mut() = location);
        } else {
            default_hook(info);
        }
    }));
    std::thread::scope(|scope| {
        for worker in 0..threads {
            let (to_run, seeds, failures, slowest, done) =
                (&to_run, &seeds, &failures, &slowest, &done);
            std::thread::Builder::new()
                .name(format!("fuzz-{worker}"))
                .spawn_scoped(scope, move || {
                    for &case in to_run.iter().skip(worker).step_by(threads) {
                        let seed = case_seed(base, case);
                        let input = make_case(seed, seeds);
                        if verbose {
                            println!(
                                "fuzz: case {case} seed {seed:#018x}: {}",
                                input.log.join(" | ")
                            );
                        }
                        let case_started = Instant::now();
                        let outcome = catch_unwind(AssertUnwindSafe(|| check_case(&input)));
                        let time = case_started.elapsed();
                        if let Err(payload) = outcome {
                            let message = payload
                                .downcast_ref::<String>()
                                .cloned()
                                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                                .unwrap_or_else(|| "non-string panic".to_string())
                                + &PANIC_LOCATION.with(|cell| cell.take());
                            failures.lock().unwrap().push(Failure {
                                case,
                                seed,
                                log: input.log.clone(),
                                message,
                            });
                        }
                        let mut slowest = slowest.lock().unwrap();
                        if slowest.as_ref().is_none_or(|s| time > s.time) {
                            *slowest = Some(Slowest {
                                time,
                                case,
                                seed,
                                bytes: input.bytes.len(),
                                log: input.log.clone(),
                            });
                        }
                        drop(slowest);
                        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                        if n % 100_000 == 0 {
                            println!("fuzz: {n} cases, {:.0} s", started.elapsed().as_secs_f64());
                        }
                    }
                })
                .expect("cannot start a fuzz worker");
        }
    });
    let elapsed = started.elapsed();
    println!(
        "fuzz: {} cases from seed {base:#018x} on {threads} threads in {:.1} s ({:.0} cases/s)",
        to_run.len(),
        elapsed.as_secs_f64(),
        to_run.len() as f64 / elapsed.as_secs_f64().max(1e-9)
    );
    if let Some(s) = slowest.into_inner().unwrap() {
        println!(
            "fuzz: slowest case {} (seed {:#018x}, {} bytes): {:.1} ms: {}",
            s.case,
            s.seed,
            s.bytes,
            s.time.as_secs_f64() * 1000.0,
            s.log.join(" | ")
        );
    }
    let mut failures = failures.into_inner().unwrap();
    failures.sort_by_key(|f| f.case);
    let strict = env_u64("DATELINE_FUZZ_STRICT").is_some_and(|v| v != 0);
    for bug in KNOWN_BUGS {
        let hits: Vec<&Failure> = failures
            .iter()
            .filter(|f| known_bug(&f.message).is_some_and(|b| std::ptr::eq(b, bug)))
            .collect();
        if let Some(first) = hits.first() {
            println!(
                "fuzz: known bug hit by {} cases ({}); first: case {} (seed {:#018x}): {}\n    mutations: {}",
                hits.len(),
                bug.what,
                first.case,
                first.seed,
                first.message,
                first.log.join(" | ")
            );
        }
    }
    if !strict {
        failures.retain(|f| known_bug(&f.message).is_none());
    }
    if !failures.is_empty() {
        let mut report = format!("{} of {} cases failed:\n", failures.len(), to_run.len());
        for f in failures.iter().take(20) {
            report.push_str(&format!(
                "  case {} (seed {:#018x}; rerun with DATELINE_FUZZ_SEED={base:#x} DATELINE_FUZZ_CASE={}): {}\n    mutations: {}\n",
                f.case,
                f.seed,
                f.case,
                f.message,
                f.log.join(" | ")
            ));
        }
        panic!("{report}");
    }
}

/// Runs one case: extraction with the case's options, then every renderer, then the
/// invariants. Panics on any violation.
fn check_case(input: &Case) {
    let result = extract_bytes(&input.bytes, input.content_type, &input.options);
    let article = match result {
        Ok(article) => article,
        Err(error) => {
            // Only gzip and size problems are errors; anything else must give an article.
            let gzip = input.bytes.starts_with(&[0x1f, 0x8b]);
            let too_large = input.bytes.len() > input.options.limits.max_input_bytes;
            assert!(gzip || too_large, "unexpected error: {error}");
            let failed = Article::failed("fuzz", error.to_string());
            let line = render::json_line(&failed);
            assert!(serde_json::from_str::<serde_json::Value>(&line).is_ok());
            return;
        }
    };
    check_article(&article, &input.options);
    for render_options in [
        RenderOptions::default(),
        RenderOptions {
            links: true,
            images: true,
            tables: false,
        },
        RenderOptions {
            links: true,
            images: false,
            tables: true,
        },
    ] {
        let text = render::text(&article, &render_options);
        assert!(
            text.is_empty() || text.ends_with('\n'),
            "txt must end with a newline"
        );
        let markdown = render::markdown(&article, &render_options);
        assert!(
            markdown.is_empty() || markdown.ends_with('\n'),
            "markdown must end with a newline"
        );
        let html = render::html(&article, &render_options);
        assert!(!html.is_empty(), "html output is empty");
    }
    let line = render::json_line(&article);
    assert!(!line.contains('\n'), "json_line holds a newline");
    let back: Article = serde_json::from_str(&line).expect("json_line is not an Article");
    assert_eq!(back, article, "json_line does not round-trip");
    let pretty = render::json(&article);
    let back: Article = serde_json::from_str(&pretty).expect("json is not an Article");
    assert_eq!(back, article, "json does not round-trip");
}

fn check_article(article: &Article, options: &Options) {
    assert_eq!(
        article.text,
        render::plain_text(&article.blocks),
        "text is not derived from blocks"
    );
    assert_eq!(article.word_count, count_words(&article.text), "word_count");
    assert!(article.error.is_none() && article.source.is_none());
    // The URL given, without its fragment and tracking parameters.
    let given = options
        .url
        .as_deref()
        .map(|u| u.split('#').next().unwrap_or(u));
    assert_eq!(article.url.as_deref(), given, "url must be the one given");
    for block in &article.blocks {
        match block {
            Block::Paragraph { text, links } | Block::Quote { text, links } => {
                check_links(text, links, options)
            }
            Block::List { items, .. } => {
                for item in items {
                    check_links(&item.text, &item.links, options);
                }
            }
            Block::Heading { level, .. } => assert!((1..=6).contains(level), "level {level}"),
            Block::Image { src, .. } => {
                assert!(options.images, "image block without --images");
                assert!(!src.is_empty(), "image without src");
            }
            Block::Table { .. } => assert!(options.tables, "table block with tables off"),
            Block::Code { .. } | Block::FigureCaption { .. } => {}
        }
    }
}

/// Links the extractor emits are well-formed: non-empty ranges on char boundaries inside
/// their text, and only when links were asked for.
fn check_links(text: &str, links: &[Link], options: &Options) {
    if !options.links {
        assert!(links.is_empty(), "links recorded although not requested");
    }
    for link in links {
        assert!(
            link.start < link.end
                && link.end <= text.len()
                && text.is_char_boundary(link.start)
                && text.is_char_boundary(link.end),
            "bad link range {}..{} in a text of {} bytes",
            link.start,
            link.end,
            text.len()
        );
    }
}

// ---------------------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------------------

/// xorshift64* (Vigna); enough randomness for mutation, and fully reproducible.
struct Rng(u64);

fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn case_seed(base: u64, case: u64) -> u64 {
    splitmix64(base ^ splitmix64(case))
}

impl Rng {
    fn new(seed: u64) -> Rng {
        // xorshift must never hold zero.
        Rng(splitmix64(seed) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `num / den`.
    fn chance(&mut self, num: u64, den: u64) -> bool {
        self.next() % den < num
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A size in `1..=max`, biased to small values: every power of two is equally likely.
    fn size(&mut self, max: usize) -> usize {
        let bits = usize::BITS - max.max(1).leading_zeros();
        let cap = (1usize << self.below(bits as usize + 1)).min(max.max(1));
        1 + self.below(cap)
    }

    fn position(&mut self, len: usize) -> usize {
        self.below(len + 1)
    }
}

// ---------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------

struct Seed {
    name: &'static str,
    encoding: &'static Encoding,
    bytes: Vec<u8>,
}

struct Case {
    bytes: Vec<u8>,
    content_type: Option<&'static str>,
    options: Options,
    log: Vec<String>,
}

const CONTENT_TYPES: &[&str] = &[
    "text/html",
    "text/html; charset=utf-8",
    "text/html; charset=\"windows-1252\"",
    "text/html; charset=Shift_JIS",
    "text/html;charset=koi8-r",
    "text/html; charset=utf-16",
    "text/html; charset=no-such-charset",
    "application/xhtml+xml; charset=gbk",
    "charset=",
    "",
];

const CHARSET_LABELS: &[&str] = &[
    "utf-8",
    "UTF8",
    "windows-1252",
    "iso-8859-1",
    "windows-1251",
    "koi8-r",
    "shift_jis",
    "euc-jp",
    "iso-2022-jp",
    "gbk",
    "gb18030",
    "big5",
    "euc-kr",
    "utf-16",
    "utf-16be",
    "x-user-defined",
    "replacement",
    "bogus-charset",
    "",
];

const ENCODINGS: &[&Encoding] = &[
    encoding_rs::UTF_8,
    encoding_rs::WINDOWS_1252,
    encoding_rs::WINDOWS_1251,
    encoding_rs::KOI8_R,
    encoding_rs::ISO_8859_2,
    encoding_rs::SHIFT_JIS,
    encoding_rs::EUC_JP,
    encoding_rs::ISO_2022_JP,
    encoding_rs::GBK,
    encoding_rs::GB18030,
    encoding_rs::BIG5,
    encoding_rs::EUC_KR,
    encoding_rs::UTF_16LE,
    encoding_rs::UTF_16BE,
];

/// Openers for the deep-nesting mutation, including the ones the parser treats specially.
const NESTING: &[&str] = &[
    "<div>",
    "<span>",
    "<b>",
    "<i><b>",
    "<a href=\"/x\">",
    "<table>",
    "<table><tr><td>",
    "<ul><li>",
    "<li>",
    "<dl><dd>",
    "<blockquote>",
    "<p>",
    "<section><article>",
    "<font color=red>",
    "<div/>",
    "<rt>",
    "<select><option>",
    "<svg><g>",
    "<math><mi>",
    "<template>",
    "<button>",
    "<object>",
    "<h2>",
    "<pre>",
    "<b id=x1><p>",
    "<form>",
    "</div>",
    "</p>",
];

/// Markup fragments inserted whole; tokens that switch the tokenizer's or tree builder's
/// mode are the interesting ones.
const TOKENS: &[&str] = &[
    "<",
    ">",
    "</",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
    "<?xml version=\"1.0\"?>",
    "<script>",
    "</script>",
    "<script type=\"application/ld+json\">",
    "<style>",
    "</style>",
    "<textarea>",
    "<title>",
    "<plaintext>",
    "<xmp>",
    "<noscript>",
    "<iframe>",
    "<template>",
    "</template>",
    "<table>",
    "</table>",
    "<tr>",
    "<td>",
    "<th colspan=99999>",
    "<caption>",
    "<colgroup>",
    "<frameset>",
    "<svg>",
    "<math>",
    "<foreignObject>",
    "<select>",
    "<option>",
    "<a href=\"javascript:alert(1)\">",
    "<a href=\"https://example.com/a b?c=1&d=<2>\">",
    "</a>",
    "<img src=\"x.jpg\" alt=\"a\nb\">",
    "<br>",
    "<hr>",
    "<h1>",
    "</h1>",
    "<p>",
    "</p>",
    "<ul>",
    "<ol>",
    "<li>",
    "<pre>",
    "<blockquote>",
    "<figure><figcaption>",
    "<article>",
    "<nav>",
    "<footer>",
    "<aside>",
    "<main>",
    "<div itemprop=articleBody>",
    "<div class=\"share social comments\">",
    "<div hidden>",
    "<div style=\"display: none\">",
    "<div aria-hidden=true>",
    "<time datetime=\"2024-02-30T25:61:00+99:00\">",
    "<meta charset=\"shift_jis\">",
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">",
    "<meta property=\"og:title\" content=\"\">",
    "<meta name=\"author\" content=\"By A, B and C & D\">",
    "<link rel=canonical href=\"::::\">",
    "<html lang=\"\u{0}\">",
    "<body>",
    "</body>",
    "</html>",
    "&amp;",
    "&nbsp;",
    "&#0;",
    "&#x0;",
    "&#xD800;",
    "&#x10FFFF;",
    "&#99999999999;",
    "&notit;",
    "&",
    "\u{0}",
    "\u{feff}",
    "\u{200b}",
    "\u{ad}",
    "\r\n",
    "\r",
    "\t",
    "\u{2028}",
    "\u{1f600}",
    "\u{5317}\u{4eac}",
    "\u{0645}\u{0631}\u{062d}\u{0628}\u{0627}",
    "e\u{301}",
    "{\"@type\":\"NewsArticle\",\"articleBody\":\"",
    "\"}",
    "[[[[[[[[[[",
    ",",
];

fn seeds() -> Vec<Seed> {
    let pages: [(&'static str, String, &'static Encoding); 8] = [
        ("news-utf8", seed_news(), encoding_rs::UTF_8),
        (
            "layout-windows-1252",
            seed_german(),
            encoding_rs::WINDOWS_1252,
        ),
        (
            "itemprop-windows-1251",
            seed_russian(),
            encoding_rs::WINDOWS_1251,
        ),
        ("shift_jis", seed_japanese(), encoding_rs::SHIFT_JIS),
        ("gbk-undeclared", seed_chinese(), encoding_rs::GBK),
        ("utf16le-bom", seed_french(), encoding_rs::UTF_16LE),
        ("broken-markup", seed_broken(), encoding_rs::UTF_8),
        ("jsonld-body", seed_jsonld_body(), encoding_rs::UTF_8),
    ];
    pages
        .into_iter()
        .map(|(name, text, encoding)| {
            let mut bytes = encode(&text, encoding);
            if encoding == encoding_rs::UTF_16LE {
                bytes.splice(0..0, [0xff, 0xfe]);
            }
            Seed {
                name,
                encoding,
                bytes,
            }
        })
        .collect()
}

/// `text` in `encoding`; encoding_rs only decodes UTF-16, so that is done by hand.
fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    if encoding == encoding_rs::UTF_16LE {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    } else if encoding == encoding_rs::UTF_16BE {
        text.encode_utf16().flat_map(u16::to_be_bytes).collect()
    } else {
        encoding.encode(text).0.into_owned()
    }
}

fn make_case(seed: u64, seeds: &[Seed]) -> Case {
    let mut rng = Rng::new(seed);
    let base = rng.pick(seeds);
    let mut log = vec![format!("seed page {}", base.name)];
    let mut bytes = base.bytes.clone();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        bytes = mutate(&mut rng, bytes, base, seeds, &mut log);
        bytes.truncate(MAX_CASE_BYTES);
    }
    let content_type = if rng.chance(1, 4) {
        let ct = *rng.pick(CONTENT_TYPES);
        log.push(format!("content type {ct:?}"));
        Some(ct)
    } else {
        None
    };
    let options = match rng.below(6) {
        0 => {
            log.push("options: links, images, url".into());
            Options {
                url: Some("https://news.example.com/world/2024/story.html?id=1#top".into()),
                links: true,
                images: true,
                ..Options::default()
            }
        }
        1 => {
            log.push("options: no tables, links".into());
            Options {
                tables: false,
                links: true,
                url: Some("not a url".into()),
                ..Options::default()
            }
        }
        2 => {
            let limits = Limits {
                max_input_bytes: rng.size(64 * 1024),
                max_decompressed_bytes: rng.size(64 * 1024),
                max_depth: 1 + rng.below(40),
            };
            log.push(format!("options: {limits:?}"));
            Options {
                limits,
                links: true,
                images: true,
                ..Options::default()
            }
        }
        _ => Options::default(),
    };
    Case {
        bytes,
        content_type,
        options,
        log,
    }
}

fn mutate(
    rng: &mut Rng,
    mut bytes: Vec<u8>,
    base: &Seed,
    seeds: &[Seed],
    log: &mut Vec<String>,
) -> Vec<u8> {
    let len = bytes.len();
    match rng.below(16) {
        0 => {
            let at = rng.position(len);
            log.push(format!("truncate at {at}"));
            bytes.truncate(at);
        }
        1 => {
            let n = rng.size(64);
            log.push(format!("flip {n} bytes"));
            for _ in 0..n {
                if bytes.is_empty() {
                    break;
                }
                let at = rng.below(bytes.len());
                bytes[at] ^= 1 << rng.below(8);
            }
        }
        2 => {
            let n = rng.size(256);
            let at = rng.position(len);
            log.push(format!("insert {n} random bytes at {at}"));
            let random: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            bytes.splice(at..at, random);
        }
        3 => {
            let at = rng.position(len);
            let n = rng.size(4096).min(len - at);
            log.push(format!("delete {n} bytes at {at}"));
            bytes.drain(at..at + n);
        }
        4 => {
            let from = rng.position(len);
            let n = rng.size(8192).min(len - from);
            let times = rng.size(64);
            let to = rng.position(len);
            log.push(format!("duplicate {n} bytes from {from} x{times} at {to}"));
            let slice = bytes[from..from + n].repeat(times);
            bytes.splice(to..to, slice);
        }
        5 => {
            let open = *rng.pick(NESTING);
            let n = rng.size(5_000);
            let at = rng.position(len);
            let close = rng.chance(1, 3);
            log.push(format!(
                "nest {open} x{n} at {at}{}",
                if close { " closed" } else { "" }
            ));
            let mut nest = open.repeat(n);
            nest.push_str("<p>Deep text at the bottom, long enough to count as a paragraph.</p>");
            if close {
                let closer: String = open
                    .split('<')
                    .filter(|t| !t.is_empty() && !t.starts_with('/'))
                    .rev()
                    .map(|t| {
                        let name: String = t
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric())
                            .collect();
                        format!("</{name}>")
                    })
                    .collect();
                nest.push_str(&closer.repeat(n));
            }
            bytes.splice(at..at, nest.into_bytes());
        }
        6 => {
            let n = rng.size(1024 * 1024);
            let at = rng.position(len);
            let quoted = rng.below(3);
            let fill = *rng.pick(&[b'a', b' ', b'"', b'&', b'<', b'\0', 0xc3]);
            log.push(format!(
                "huge attribute of {n} x {fill:#04x} at {at}, quoting {quoted}"
            ));
            let value = vec![fill; n];
            let mut attr = b"<div class=".to_vec();
            if quoted > 0 {
                attr.push(b'"');
            }
            attr.extend_from_slice(&value);
            if quoted == 1 {
                attr.extend_from_slice(b"\" id=x>");
            }
            bytes.splice(at..at, attr);
        }
        7 => {
            let n = rng.size(128);
            log.push(format!("insert {n} NUL bytes"));
            for _ in 0..n {
                let at = rng.position(bytes.len());
                bytes.insert(at, 0);
            }
        }
        8 => {
            const BAD: &[&[u8]] = &[
                b"\xff",
                b"\xfe",
                b"\xc3",
                b"\xc3\x28",
                b"\xe2\x82",
                b"\xed\xa0\x80",
                b"\xed\xbf\xbf",
                b"\xf4\x90\x80\x80",
                b"\xc0\xaf",
                b"\x80",
                b"\xf0\x9f\x98",
                b"\xef\xbb\xbf",
            ];
            let n = rng.size(32);
            log.push(format!("insert {n} invalid UTF-8 sequences"));
            for _ in 0..n {
                let at = rng.position(bytes.len());
                let seq = *rng.pick(BAD);
                bytes.splice(at..at, seq.iter().copied());
            }
        }
        9 | 10 => {
            let n = rng.size(16);
            let mut names = Vec::new();
            for _ in 0..n {
                let token = *rng.pick(TOKENS);
                let at = rng.position(bytes.len());
                names.push(token.escape_debug().to_string());
                bytes.splice(at..at, token.bytes());
            }
            log.push(format!("insert tokens {}", names.join(" ")));
        }
        11 => {
            let other = rng.pick(seeds);
            let cut = rng.position(len);
            let from = rng.position(other.bytes.len());
            log.push(format!("splice [..{cut}] + {}[{from}..]", other.name));
            bytes.truncate(cut);
            bytes.extend_from_slice(&other.bytes[from..]);
        }
        12 => {
            // Re-encode what this page says in another charset; keep, drop or falsify its
            // declaration and BOM.
            let target = *rng.pick(ENCODINGS);
            let (text, _, _) = base.encoding.decode(&bytes);
            let mut text = text.into_owned();
            let relabel = rng.below(3);
            if relabel == 1 {
                let label = *rng.pick(CHARSET_LABELS);
                text = replace_charset(&text, label);
                log.push(format!("re-encode as {} labelled {label:?}", target.name()));
            } else {
                log.push(format!("re-encode as {}", target.name()));
            }
            bytes = encode(&text, target);
            if rng.chance(1, 4) {
                const BOMS: [&[u8]; 3] = [&[0xef, 0xbb, 0xbf], &[0xff, 0xfe], &[0xfe, 0xff]];
                let bom = *rng.pick(&BOMS);
                log.push(format!("BOM {bom:02x?}"));
                bytes.splice(0..0, bom.iter().copied());
            }
        }
        13 => {
            let at = rng.position(len);
            let n = rng.size(256);
            log.push(format!(
                "overwrite {n} bytes at {at} with ASCII punctuation"
            ));
            let end = (at + n).min(len);
            for byte in &mut bytes[at..end] {
                *byte = *rng.pick(b"<>/=\"'&;!-[]?# \n");
            }
        }
        14 => {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            encoder.write_all(&bytes).unwrap();
            let mut gz = encoder.finish().unwrap();
            let cut = rng.chance(1, 3);
            if cut {
                let at = rng.position(gz.len());
                gz.truncate(at);
            }
            log.push(format!("gzip{}", if cut { " truncated" } else { "" }));
            bytes = gz;
        }
        _ => {
            // Several mutations in one go, picked with the same distribution.
            log.push("stack:".into());
            for _ in 0..2 + rng.below(3) {
                bytes = mutate(rng, bytes, base, seeds, log);
                bytes.truncate(MAX_CASE_BYTES);
            }
        }
    }
    bytes
}

/// Replaces every `charset=...` value in `text` with `label`.
fn replace_charset(text: &str, label: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.to_ascii_lowercase().find("charset=") {
        let value_start = at + "charset=".len();
        out.push_str(&rest[..value_start]);
        let after = &rest[value_start..];
        let quoted = after.starts_with('"');
        let skip = usize::from(quoted);
        let end = after[skip..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || "-_.:".contains(c)))
            .map_or(after.len(), |e| e + skip);
        if quoted {
            out.push('"');
        }
        out.push_str(label);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------------------
// Seed pages
// ---------------------------------------------------------------------------------------

fn seed_news() -> String {
    r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Storm floods coastal towns as rivers burst banks | The Example Times</title>
<meta name="description" content="Thousands evacuated after two days of heavy rain.">
<meta property="og:title" content="Storm floods coastal towns as rivers burst banks">
<meta property="og:site_name" content="The Example Times">
<meta property="og:image" content="/images/flood.jpg">
<meta property="article:published_time" content="2024-03-05T09:15:00Z">
<meta property="article:section" content="UK News">
<meta name="keywords" content="storm, flooding, weather">
<meta name="author" content="By Jane Doe and John Smith">
<link rel="canonical" href="https://www.example.com/uk/storm-floods">
<style>body { font-family: serif } .ad { display: none }</style>
<script>window.dataLayer = [{"page": "article"}]; if (a < b && c > d) { run(); }</script>
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Example Times","url":"https://www.example.com/"},
{"@type":"NewsArticle","headline":"Storm floods coastal towns as rivers burst banks","datePublished":"2024-03-05T09:15:00Z","dateModified":"2024-03-05T11:00:00Z",
"author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Smith"}],"publisher":{"@type":"Organization","name":"The Example Times","logo":{"@type":"ImageObject","url":"https://www.example.com/logo.png"}},
"image":["https://www.example.com/images/flood.jpg"],"articleSection":"UK News","keywords":["storm","flooding"],"inLanguage":"en-GB","mainEntityOfPage":{"@id":"https://www.example.com/uk/storm-floods"}}]}
</script>
</head>
<body class="article-page">
<a class="skip-link" href="#main">Skip to content</a>
<header class="masthead"><a href="/"><img src="/logo.png" alt="The Example Times"></a>
<nav class="main-nav" role="navigation"><ul><li><a href="/">Home</a></li><li><a href="/uk">UK</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<form role="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form></header>
<div class="cookie-consent">We use cookies. <button>Accept</button></div>
<main id="main">
<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/uk">UK</a></li></ol>
<article class="story">
<h1>Storm floods coastal towns as rivers burst banks</h1>
<p class="byline">By <a href="/authors/jane-doe" rel="author">Jane Doe</a> and John Smith, <time datetime="2024-03-05T09:15:00Z">5 March 2024</time></p>
<figure><img src="/images/flood.jpg" alt="A flooded street in Exampleton"><figcaption>Residents wade through a flooded street in Exampleton on Tuesday. Photo: A. Photographer</figcaption></figure>
<div class="article-body" itemprop="articleBody">
<p>EXAMPLETON (Reuters) - Thousands of people were evacuated from coastal towns on Tuesday after two days of torrential rain caused rivers to burst their banks, flooding homes, roads and railway lines across the region.</p>
<p>The Environment Agency issued 45 severe flood warnings, its highest level, meaning there is a <em>danger to life</em>, and said water levels were expected to keep rising until <strong>Wednesday evening</strong>.</p>
<div class="ad advert" aria-label="Advertisement">Advertisement <a href="https://ads.example.net/click?id=1">Buy now</a></div>
<p>"We have never seen anything like it," said Maria Lopez, 54, who runs a bakery on the high street. "The water came up through the floor in less than an hour, and everything we own is ruined."</p>
<h2>Railways and roads closed</h2>
<p>Network Rail said the main line between Exampleton and Sampleford would stay closed for at least three days, while police closed dozens of roads, including parts of the A123, and urged drivers not to attempt to cross flooded fords.</p>
<ul><li>45 severe flood warnings in force</li><li>More than 3,000 homes without power</li><li>Schools closed in six districts</li></ul>
<blockquote><p>"This is a major incident and our priority is keeping people safe," the council leader said.</p></blockquote>
<table class="data"><caption>Rainfall in 48 hours</caption><thead><tr><th>Station</th><th>Rainfall (mm)</th><th>Record?</th></tr></thead>
<tbody><tr><td>Exampleton</td><td>112.4</td><td>Yes</td></tr><tr><td>Sampleford</td><td>98.0</td><td>No</td></tr><tr><td>Testbury</td><td>87.5</td><td>No</td></tr></tbody></table>
<ol><li>Move valuables upstairs</li><li>Turn off gas and electricity</li><li>Follow the advice of the emergency services</li></ol>
<p>Forecasters said a further 40mm of rain could fall on already saturated ground, and warned of <a href="/weather/warnings">more disruption</a> later in the week.</p>
<pre><code>Flood line: 0345 988 1188
Open 24 hours</code></pre>
</div>
<div class="share-buttons social"><a href="https://twitter.com/share">Share on Twitter</a> <a href="https://facebook.com/share">Share on Facebook</a></div>
<div class="tags">Tags: <a href="/tags/storm">storm</a>, <a href="/tags/flooding">flooding</a></div>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/uk/1">Storm warnings issued</a></li><li><a href="/uk/2">How to prepare for a flood</a></li><li><a href="/uk/3">Rainfall records broken</a></li></ul></aside>
<section id="comments"><h3>Comments</h3><p>Log in to comment.</p></section>
</main>
<footer class="site-footer"><p>&copy; 2024 The Example Times. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
<noscript><img src="/pixel.gif"></noscript>
<iframe src="https://ads.example.net/frame"></iframe>
<svg width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>
<script>trackPageView("article");</script>
</body>
</html>
"##
    .to_string()
}

fn seed_german() -> String {
    r##"<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Hochwasser am Rhein: Pegel steigt weiter - Beispiel Zeitung</title>
<meta name="date" content="2023-12-28">
<meta name="author" content="Klaus Müller">
</head>
<body bgcolor="#ffffff">
<table width="100%" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="2"><a href="/">Startseite</a> | <a href="/politik">Politik</a> | <a href="/wirtschaft">Wirtschaft</a> | <a href="/sport">Sport</a></td></tr>
<tr>
<td width="160" valign="top" class="sidebar"><a href="/a">Nachrichten</a><br><a href="/b">Wetter</a><br><a href="/c">Börse</a><br></td>
<td valign="top">
<h1>Hochwasser am Rhein: Pegel steigt weiter</h1>
<p><b>Köln</b> – Der Pegel des Rheins ist in der Nacht zum Donnerstag auf 8,10 Meter gestiegen. Die Stadt hat mobile Schutzwände aufgebaut, Anwohner in der Altstadt wurden gebeten, ihre Keller zu räumen.</p>
<p>„Wir rechnen damit, dass der Höchststand am Freitag erreicht wird“, sagte ein Sprecher der Stadtentwässerungsbetriebe. Die Schäden werden auf mehrere Millionen € geschätzt; genaue Zahlen gibt es noch nicht.</p>
<p>Auch die Schifffahrt ist betroffen: Ab einem Pegel von 8,30 Metern wird der Verkehr auf dem Fluss eingestellt. Reedereien rechnen mit Ausfällen über Silvester hinaus.</p>
<table border="1"><tr><th>Ort</th><th>Pegel</th></tr><tr><td>Köln</td><td>8,10 m</td></tr><tr><td>Bonn</td><td>7,85 m</td></tr><tr><td>Düsseldorf</td><td>7,20 m</td></tr></table>
<p><i>Mehr zum Thema:</i> <a href="/hochwasser">Hochwasser-Ticker</a></p>
</td>
</tr>
<tr><td colspan="2"><font size="1">© 2023 Beispiel Zeitung GmbH · Impressum · Datenschutz</font></td></tr>
</table>
</body>
</html>
"##
    .to_string()
}

fn seed_russian() -> String {
    r##"<!DOCTYPE html>
<html lang="ru">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Москва: в городе открылась новая станция метро — Пример Новости</title>
<meta property="og:title" content="В Москве открылась новая станция метро">
<meta property="article:published_time" content="2024-01-15T10:00:00+03:00">
</head>
<body>
<div id="header"><ul class="menu"><li><a href="/">Главная</a></li><li><a href="/politics">Политика</a></li><li><a href="/society">Общество</a></li></ul></div>
<div class="layout">
<div class="content">
<h1>В Москве открылась новая станция метро</h1>
<div class="meta">15 января 2024, 10:00 · <span class="views">1 234 просмотра</span></div>
<div itemprop="articleBody">
<p>В понедельник в Москве открылась новая станция метро «Примерная», сообщили в пресс-службе мэрии. Станция стала частью Большой кольцевой линии и соединила два крупных жилых района.</p>
<p>По словам представителей метрополитена, ежедневно станцией будут пользоваться около 40 тысяч пассажиров. Время в пути до центра города сократится на 15–20 минут.</p>
<p>Строительство станции заняло три года. Её оформление посвящено истории района: на стенах размещены мозаики, изображающие старинные усадьбы и сады.</p>
<dl><dt>Открытие</dt><dd>15 января 2024 года</dd><dt>Линия</dt><dd>Большая кольцевая</dd></dl>
</div>
<div class="social">Поделиться: <a href="https://vk.com/share">ВКонтакте</a> <a href="https://t.me/share">Telegram</a></div>
<div class="read-more"><h3>Читайте также</h3><a href="/1">Новые маршруты автобусов</a> <a href="/2">Тарифы на проезд</a></div>
</div>
<div class="sidebar"><h3>Популярное</h3><ol><li><a href="/p1">Погода на выходные</a></li><li><a href="/p2">Курс рубля</a></li></ol></div>
</div>
<div id="footer">© Пример Новости, 2024. Все права защищены.</div>
</body>
</html>
"##
    .to_string()
}

fn seed_japanese() -> String {
    r##"<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="Shift_JIS">
<title>東京で桜が開花　平年より早く｜例新聞</title>
<meta name="description" content="気象庁は東京都心で桜が開花したと発表した。">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"東京で桜が開花　平年より早く","datePublished":"2024-03-14T14:00:00+09:00","author":{"@type":"Person","name":"山田太郎"}}</script>
</head>
<body>
<header><nav><a href="/">トップ</a>｜<a href="/society">社会</a>｜<a href="/economy">経済</a>｜<a href="/sports">スポーツ</a></nav></header>
<main>
<article>
<h1>東京で桜が開花　平年より早く</h1>
<p class="date"><time datetime="2024-03-14T14:00:00+09:00">2024年3月14日 14時00分</time></p>
<p>気象庁は14日、東京都心で桜（ソメイヨシノ）が開花したと発表した。平年より10日早く、昨年と同じ日の開花となった。</p>
<p>靖国神社にある標本木で、気象庁の職員が5輪以上の花が咲いているのを確認した。満開は来週末ごろになる見通しだという。</p>
<p>都内の公園では、早くも花見の準備が始まっている。上野公園では、ちょうちんの設置作業が進められていた。</p>
<ul><li>開花日：3月14日</li><li>平年差：10日早い</li><li>満開予想：3月23日ごろ</li></ul>
</article>
<aside><h2>関連記事</h2><ul><li><a href="/r1">各地の開花予想</a></li><li><a href="/r2">花見の注意点</a></li></ul></aside>
</main>
<footer>Copyright © 例新聞社 All rights reserved.</footer>
</body>
</html>
"##
    .to_string()
}

fn seed_chinese() -> String {
    r##"<html>
<head>
<title>北京发布新的交通管理规定_例新闻网</title>
</head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/finance">财经</a> <a href="/sports">体育</a></div>
<div class="main">
<div class="article-content">
<h1>北京发布新的交通管理规定</h1>
<div class="info">2024年04月01日 08:30 来源：例新闻网 作者：李明</div>
<p>北京市交通委员会今天发布了新的交通管理规定，市民出行需要注意最新的道路信息和公共交通的调整。新规定将于下个月起正式实施。</p>
<p>根据新规定，中心城区部分道路将实行单向通行，早晚高峰期间公交专用道的使用时间也将延长。有关部门表示，这些措施旨在缓解交通拥堵，提高通行效率。</p>
<p>交通专家认为，新规定有助于改善城市交通状况，但也需要配套的宣传和引导，让市民及时了解变化，合理安排出行。</p>
<table><tr><th>时间</th><th>措施</th></tr><tr><td>5月1日</td><td>单向通行</td></tr><tr><td>6月1日</td><td>公交专用道延长</td></tr></table>
</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/1">地铁新线路开通</a></li><li><a href="/2">共享单车管理办法</a></li></ul></div>
</div>
<div class="footer">版权所有 © 例新闻网</div>
</body>
</html>
"##
    .to_string()
}

fn seed_french() -> String {
    r##"<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-16"><title>La Seine déborde à Paris – Journal Exemple</title>
<meta property="og:site_name" content="Journal Exemple">
<meta name="twitter:title" content="La Seine déborde à Paris"></head>
<body>
<nav><a href="/">Accueil</a> · <a href="/france">France</a> · <a href="/monde">Monde</a></nav>
<section class="contenu">
<h1>La Seine déborde à Paris</h1>
<p>Le niveau de la Seine a atteint 5,20 mètres jeudi matin au pont d'Austerlitz, provoquant la fermeture des voies sur berge et de plusieurs stations du RER C.</p>
<p>« Nous surveillons la situation heure par heure », a déclaré le préfet de police, qui n'exclut pas d'autres fermetures d'ici le week-end. Les bateaux-mouches sont à l'arrêt depuis mercredi.</p>
<p>Selon Vigicrues, la décrue ne devrait pas commencer avant samedi. Les habitants des quais sont invités à rester prudents et à suivre les consignes des autorités.</p>
<blockquote>«&nbsp;C'est impressionnant, mais on a connu pire en 2016&nbsp;», confie un riverain.</blockquote>
</section>
<div class="partager">Partager : <a href="#">Facebook</a> <a href="#">X</a></div>
<footer>© Journal Exemple 2024</footer>
</body>
</html>
"##
    .to_string()
}

fn seed_broken() -> String {
    "<p>one<b>two<p>three</b>four<table>lost text<tr><td>cell<td>cell two<table><tr><td>inner</table>after\n\
     <ul><li>item<li>item two<ol><li>nested</ul><div><span><a href=/x>link<div>block in link</a></span>\n\
     <!-- comment <p>not text</p> --><![CDATA[cdata]]><?pi?>&amp;&nbsp;&#x1F600;&#0;&#xD800;&bogus;&lt;\n\
     <h1>Heading <h2>Sub</h1> text</h2><blockquote><blockquote>quoted<p>para</blockquote>\n\
     <select><option>opt<p>in select</select><svg><p>breaks out</svg><math><mi>x</mi></math>\n\
     <template><p>template</p></template><textarea><p>raw</textarea><title>late title</title>\n\
     <div hidden>hidden text that is long enough to be a paragraph if shown</div>\n\
     <pre>\n\n  code\n   block\n</pre><figure><img src=a.jpg><figcaption>caption</figcaption></figure>\n\
     <frameset><frame></frameset><p>The end of a broken page, with enough words, commas, and text to count.</p>"
        .to_string()
}

fn seed_jsonld_body() -> String {
    let body = "The central bank raised interest rates by a quarter of a percentage point on Thursday, the ninth increase in a row, as it tries to bring inflation back to its target. "
        .repeat(6);
    format!(
        r##"<html><head><title>Rates rise again</title>
<script type="application/ld+json"><!--
[{{"@context":"http://schema.org","@type":["LiveBlogPosting","NewsArticle"],"headline":"Rates rise again","articleBody":"{body}\n\nSecond paragraph &amp; more.","author":"By Ana Díaz, Bo Li & Chen Wu","datePublished":"2024-06-01","keywords":"rates, inflation, economy","image":{{"@type":"ImageObject","url":"/rates.png"}},"mainEntity":{{"@type":"Article","headline":"Inner"}}}}];
--></script>
<script type="application/ld+json">{{"@type": "BreadcrumbList", "itemListElement": [1, 2, 3],}}</script>
</head><body><div id="app"><div class="loading">Loading…</div><p>Short teaser.</p></div></body></html>"##
    )
}
