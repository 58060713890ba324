//! Adversarial pages through `extract_bytes` with default `Options`: each must come back
//! (`Ok` or a clear `Err`) with a sane article, whatever it holds.
//!
//! Every case prints how long it took (run with `-- --nocapture` to see the figures). Nothing
//! here asserts on time: timing targets live in the benchmarks, and a shared CI machine makes
//! wall-clock assertions flaky. A case that hangs or needs minutes is still a bug, and shows
//! as a test that does not finish.
//!
//! The inputs are the sizes the robustness brief names (50 MB page, 100,000 nested elements,
//! a 1 GB gzip bomb, ...) in release builds. Debug builds of html5ever are ~20x slower, so under
//! `cfg(debug_assertions)` (plain `cargo test --workspace`) the few largest inputs are scaled
//! down by [`SCALE_DOWN`]; the structure of every case stays the same. Run the full sizes with
//! `cargo test --release -p dateline-extract --test robustness -- --nocapture`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use dateline_extract::{Options, extract_bytes};
use dateline_html::{InputError, Limits};
use dateline_model::render::{self, RenderOptions};
use dateline_model::{Article, count_words};

/// Divides the largest inputs in debug builds (see the module docs).
const SCALE_DOWN: usize = if cfg!(debug_assertions) { 10 } else { 1 };

const MB: usize = 1024 * 1024;

/// Runs one case through `extract_bytes` with default options, prints its time, checks the
/// result is internally consistent and renders it in every format.
fn run(name: &str, bytes: &[u8], content_type: Option<&str>) -> Result<Article, InputError> {
    let started = Instant::now();
    let result = extract_bytes(bytes, content_type, &Options::default());
    let elapsed = started.elapsed();
    match &result {
        Ok(article) => {
            report(
                name,
                bytes.len(),
                elapsed,
                &format!("ok, {} words", article.word_count),
            );
            check_sane(article);
        }
        Err(error) => report(name, bytes.len(), elapsed, &format!("err: {error}")),
    }
    result
}

fn report(name: &str, input_bytes: usize, elapsed: Duration, outcome: &str) {
    println!(
        "robustness: {name:<44} {:>10} bytes in {:>9.3} ms: {outcome}",
        input_bytes,
        elapsed.as_secs_f64() * 1000.0
    );
}

/// The invariants every article keeps, whatever page it came from.
fn check_sane(article: &Article) {
    assert_eq!(
        article.text,
        render::plain_text(&article.blocks),
        "text must be derived from blocks"
    );
    assert_eq!(article.word_count, count_words(&article.text));
    assert!(article.error.is_none());
    assert!(article.source.is_none());
    let options = RenderOptions::default();
    let line = render::json_line(article);
    assert!(!line.contains('\n'));
    let value: serde_json::Value = serde_json::from_str(&line).expect("json_line is JSON");
    assert_eq!(
        value["word_count"].as_u64(),
        Some(article.word_count as u64)
    );
    let text = render::text(article, &options);
    assert!(text.is_empty() || text.ends_with('\n'));
    let markdown = render::markdown(article, &options);
    assert!(markdown.is_empty() || markdown.ends_with('\n'));
    let html = render::html(article, &options);
    assert!(html.contains("</html>") || html.contains("</body>") || html.is_empty());
}

fn ok(name: &str, bytes: &[u8]) -> Article {
    match run(name, bytes, None) {
        Ok(article) => article,
        Err(error) => panic!("{name}: expected an article, got {error}"),
    }
}

/// A plausible paragraph, unique per `n` so duplicate filtering keeps it.
fn paragraph(n: usize) -> String {
    format!(
        "<p>Paragraph {n}: the council met on Tuesday, and after a long debate about the \
         budget, the roads and the new library, it voted to approve plan number {n}.</p>\n"
    )
}

const STORY: &str = "The harbour reopened on Monday after a week of storms, and the first \
    ferries carried families, lorries and a brass band across the bay. Officials said the \
    repairs to the breakwater had cost less than feared, although the fishing fleet will \
    stay in port until the inspectors finish their report next month.";

fn page_around(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>Harbour reopens</title></head>\
         <body><nav><a href=/>Home</a> <a href=/news>News</a></nav>{body}\
         <footer>Copyright Example News</footer></body></html>"
    )
}

// ---------------------------------------------------------------------------------------
// Size
// ---------------------------------------------------------------------------------------

#[test]
fn page_of_50_mb_of_paragraphs() {
    let target = 50 * MB / SCALE_DOWN;
    let mut html = String::with_capacity(target + 4096);
    html.push_str("<!DOCTYPE html><html><head><title>Council budget</title></head><body><article><h1>Council budget</h1>\n");
    let mut n = 0;
    while html.len() < target {
        html.push_str(&paragraph(n));
        n += 1;
    }
    html.push_str("</article></body></html>");
    let article = ok("50 MB of paragraphs", html.as_bytes());
    assert!(
        article.text.starts_with("Paragraph 0:"),
        "{}",
        &article.text[..80]
    );
    assert!(
        article
            .text
            .contains(&format!("approve plan number {}.", n - 1)),
        "last paragraph missing"
    );
    assert_eq!(article.blocks.len(), n);
}

#[test]
fn page_over_the_input_limit_is_refused() {
    let limit = Options::default().limits.max_input_bytes;
    let bytes = vec![b'a'; limit + 1];
    let result = run("max_input_bytes + 1 (64 MiB)", &bytes, None);
    assert!(
        matches!(result, Err(InputError::TooLarge { size, .. }) if size == limit + 1),
        "{result:?}"
    );
}

#[test]
fn single_text_node_of_5_mb() {
    let words = "harbour ".repeat(5 * MB / 8);
    let html = page_around(&format!("<p>{words}</p>"));
    let article = ok("5 MB single text node", html.as_bytes());
    assert_eq!(article.word_count, 5 * MB / 8);
    // One word of 5 MB, no whitespace at all.
    let html = page_around(&format!("<p>{}</p>", "x".repeat(5 * MB)));
    let article = ok("5 MB single word", html.as_bytes());
    assert_eq!(article.word_count, 1);
    assert_eq!(article.text.len(), 5 * MB);
}

#[test]
fn hundred_thousand_links() {
    let mut body = String::from("<article><p>");
    body.push_str(STORY);
    body.push_str("</p></article><ul class=menu>");
    for n in 0..100_000 {
        body.push_str(&format!("<li><a href=\"/story/{n}\">Story {n}</a></li>"));
    }
    body.push_str("</ul><p>");
    for n in 0..100_000 {
        body.push_str(&format!("<a href=\"/inline/{n}\">w{n}</a> "));
    }
    body.push_str("</p>");
    let article = ok("100,000 + 100,000 links", page_around(&body).as_bytes());
    assert!(article.text.contains("The harbour reopened"));
}

#[test]
fn attribute_value_of_4_mb() {
    let huge = "a".repeat(4 * MB);
    let spaced = "share ".repeat(4 * MB / 6);
    let body = format!(
        "<div class=\"{spaced}\" id=\"{huge}\"><article data-x=\"{huge}\" style=\"{huge}\">\
         <p title=\"{huge}\">{STORY}</p><a href=\"{huge}\">link</a>\
         <img src=\"{huge}\" alt=\"{huge}\"></article></div>"
    );
    let html = format!(
        "<html lang=\"{huge}\"><head><meta name=description content=\"{huge}\">\
         <meta property=og:title content=\"{spaced}\"><link rel=canonical href=\"{huge}\">\
         </head><body>{body}</body></html>"
    );
    let article = ok("4 MB attribute values", html.as_bytes());
    assert!(article.text.contains("The harbour reopened"));
    // An unterminated attribute swallows the rest of the page and must not hang either.
    let html = format!("<div class=\"{huge}");
    ok("4 MB unterminated attribute", html.as_bytes());
}

// ---------------------------------------------------------------------------------------
// Depth
// ---------------------------------------------------------------------------------------

const DEEP: usize = 100_000;

fn deep_page(open: &str, n: usize, bottom: &str) -> String {
    let mut html = String::with_capacity(open.len() * n + bottom.len() + 256);
    html.push_str("<html><head><title>Deep</title></head><body>");
    for _ in 0..n {
        html.push_str(open);
    }
    html.push_str(bottom);
    html
}

#[test]
fn hundred_thousand_unclosed_divs() {
    let article = ok(
        "100,000 nested <div>",
        deep_page("<div>", DEEP, STORY).as_bytes(),
    );
    assert!(article.text.contains("The harbour reopened"));
}

#[test]
fn hundred_thousand_nested_spans() {
    let article = ok(
        "100,000 nested <span>",
        deep_page("<span>", DEEP, STORY).as_bytes(),
    );
    assert!(article.text.contains("The harbour reopened"));
}

#[test]
fn hundred_thousand_formatting_elements() {
    // Unclosed formatting elements: the list of active formatting elements grows, and every
    // `<a>` runs the adoption agency algorithm to close the one before. The text ends up
    // inside a link, so it may be judged navigation; the page must still come back.
    ok(
        "100,000 x <b><i><a>",
        deep_page("<b><i><a href=\"/x\">", DEEP, STORY).as_bytes(),
    );
    let article = ok(
        "100,000 x <b><i><u>",
        deep_page("<b><i><u>", DEEP, STORY).as_bytes(),
    );
    assert!(article.text.contains("The harbour reopened"));
    // Misnested end tags: every `</b>` runs the adoption agency algorithm over a block.
    let article = ok(
        "100,000 x <b><i><div>x</b></i>",
        deep_page("<b><i><div>x</b></i>", DEEP, STORY).as_bytes(),
    );
    assert!(article.text.contains("The harbour reopened"));
    let article = ok(
        "100,000 x <b><div>x</b>",
        deep_page("<b><div>x</b>", DEEP, STORY).as_bytes(),
    );
    assert!(article.text.contains("The harbour reopened"));
    // Identical formatting elements: the "Noah's ark" clause keeps three of each.
    let article = ok(
        "100,000 x <p><b><i>x",
        deep_page("<p><b><i>x", DEEP, STORY).as_bytes(),
    );
    assert!(article.text.contains("The harbour reopened"));
}

#[test]
fn hundred_thousand_nested_tables() {
    let article = ok(
        "100,000 x <table>",
        deep_page("<table>", DEEP, STORY).as_bytes(),
    );
    assert!(article.text.contains("The harbour reopened"));
    let article = ok(
        "100,000 x <table><tr><td>",
        deep_page("<table><tr><td>", DEEP, STORY).as_bytes(),
    );
    assert!(article.text.contains("The harbour reopened"));
}

/// The text at the bottom of a 100,000-deep nesting survives, for every kind of container.
#[test]
fn text_at_the_bottom_of_deep_nesting_survives() {
    for open in [
        "<div>",
        "<span>",
        "<section>",
        "<blockquote>",
        "<ul><li>",
        "<ol><li>",
        "<dl><dd>",
        "<table><tr><td>",
        "<b><i><u>",
        "<div><span><p>",
        "<article><div>",
        "<em>",
        "<font>",
    ] {
        let article = ok(
            &format!("100,000 x {open} + text at the bottom"),
            deep_page(open, DEEP, &format!("<p>{STORY}</p>")).as_bytes(),
        );
        assert!(
            article.text.contains("The harbour reopened on Monday")
                && article.text.contains("inspectors finish their report"),
            "{open}: the bottom text is lost: {:?}",
            article.text.chars().take(200).collect::<String>()
        );
    }
}

// ---------------------------------------------------------------------------------------
// Compression
// ---------------------------------------------------------------------------------------

/// A gzip stream of `total` zero bytes, written through the encoder in small chunks so that
/// building it never holds the uncompressed data.
fn gzip_of_zeros(total: usize) -> Vec<u8> {
    let chunk = vec![0u8; 256 * 1024];
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut written = 0;
    while written < total {
        let n = chunk.len().min(total - written);
        encoder.write_all(&chunk[..n]).unwrap();
        written += n;
    }
    encoder.finish().unwrap()
}

#[test]
fn gzip_bomb_is_refused() {
    let total = 1024 * MB / SCALE_DOWN;
    let started = Instant::now();
    let bomb = gzip_of_zeros(total);
    println!(
        "robustness: built a gzip bomb of {} MB -> {} bytes in {:.3} s",
        total / MB,
        bomb.len(),
        started.elapsed().as_secs_f64()
    );
    let result = run("gzip bomb", &bomb, None);
    let limit = Options::default().limits.max_decompressed_bytes;
    assert!(
        matches!(result, Err(InputError::DecompressedTooLarge { limit: l }) if l == limit),
        "{result:?}"
    );
    // Many small members, one after another, add up the same way.
    let member = gzip_of_zeros(MB);
    let mut multi = Vec::with_capacity(member.len() * 100);
    for _ in 0..100 {
        multi.extend_from_slice(&member);
    }
    let result = run("multi-member gzip bomb (100 x 1 MB)", &multi, None);
    assert!(
        matches!(result, Err(InputError::DecompressedTooLarge { .. })),
        "{result:?}"
    );
}

#[test]
fn gzip_page_truncated_and_garbage() {
    let html = page_around(&format!("<article><p>{STORY}</p></article>"));
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(html.as_bytes()).unwrap();
    let gz = encoder.finish().unwrap();
    let article = ok("gzip page", &gz);
    assert!(article.text.contains("The harbour reopened"));
    let result = run("truncated gzip", &gz[..gz.len() / 2], None);
    assert!(matches!(result, Err(InputError::Gzip(_))), "{result:?}");
    let result = run("gzip magic then garbage", b"\x1f\x8bnot gzip at all", None);
    assert!(matches!(result, Err(InputError::Gzip(_))), "{result:?}");
    let result = run("gzip magic alone", b"\x1f\x8b", None);
    assert!(matches!(result, Err(InputError::Gzip(_))), "{result:?}");
}

// ---------------------------------------------------------------------------------------
// JSON-LD
// ---------------------------------------------------------------------------------------

fn with_jsonld(json: &str) -> String {
    format!(
        "<html><head><title>Harbour reopens</title>\
         <script type=\"application/ld+json\">{json}</script></head>\
         <body><article><p>{STORY}</p></article></body></html>"
    )
}

#[test]
fn broken_jsonld() {
    let valid = format!(
        r#"{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour reopens","datePublished":"2024-05-06T07:00:00Z","author":{{"@type":"Person","name":"Ana Díaz"}},"articleBody":"{STORY}"}}"#
    );
    let article = ok("valid JSON-LD", with_jsonld(&valid).as_bytes());
    assert_eq!(article.authors, vec!["Ana Díaz"]);
    // Truncated at every 7th byte: never fatal, never a panic.
    let started = Instant::now();
    for cut in (0..valid.len()).step_by(7) {
        let mut end = cut;
        while !valid.is_char_boundary(end) {
            end -= 1;
        }
        let article = extract_bytes(
            with_jsonld(&valid[..end]).as_bytes(),
            None,
            &Options::default(),
        )
        .unwrap();
        check_sane(&article);
        assert!(article.text.contains("The harbour reopened"));
    }
    report(
        "JSON-LD truncated at every 7th byte",
        valid.len(),
        started.elapsed(),
        "ok",
    );

    let arrays = format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP));
    let article = ok(
        "JSON-LD arrays 100,000 deep",
        with_jsonld(&arrays).as_bytes(),
    );
    assert!(article.text.contains("The harbour reopened"));
    let open_arrays = "[".repeat(DEEP);
    ok(
        "JSON-LD 100,000 unclosed [",
        with_jsonld(&open_arrays).as_bytes(),
    );
    let objects = format!("{}1{}", "{\"a\":".repeat(DEEP), "}".repeat(DEEP));
    ok(
        "JSON-LD objects 100,000 deep",
        with_jsonld(&objects).as_bytes(),
    );
    // `@graph` nesting within serde_json's recursion limit.
    let graphs = format!("{}{valid}{}", "{\"@graph\":[".repeat(60), "]}".repeat(60));
    ok("JSON-LD @graph 60 deep", with_jsonld(&graphs).as_bytes());

    let huge_body = format!(
        r#"{{"@type":"NewsArticle","headline":"Harbour reopens","articleBody":"{}"}}"#,
        "harbour news. ".repeat(MB / 14)
    );
    let article = ok(
        "JSON-LD 1 MB articleBody",
        with_jsonld(&huge_body).as_bytes(),
    );
    assert!(article.word_count > 100_000, "{}", article.word_count);
    let over_cap = format!(
        r#"{{"@type":"NewsArticle","headline":"Harbour reopens","articleBody":"{}"}}"#,
        "x".repeat(3 * MB)
    );
    let article = ok("JSON-LD 3 MB string", with_jsonld(&over_cap).as_bytes());
    assert!(article.text.contains("The harbour reopened"));
    let unterminated = format!(r#"{{"@type":"NewsArticle","headline":"{}"#, "y".repeat(MB));
    ok(
        "JSON-LD unterminated 1 MB string",
        with_jsonld(&unterminated).as_bytes(),
    );
    let escapes = format!(
        r#"{{"@type":"NewsArticle","headline":"{}\ud800\udfff\u0000","author":[{}]}}"#,
        "\\u00e9\\n\\\"".repeat(50_000),
        "{\"name\":\"A\"},".repeat(10_000) + "{}"
    );
    ok(
        "JSON-LD escapes, lone surrogate, 10k authors",
        with_jsonld(&escapes).as_bytes(),
    );
    let types = r#"[{"@type":{"a":1}},{"@type":[1,null,"NewsArticle"],"headline":{"@value":["x"]},"author":[[["deep"]]],"image":[[{"url":[]}]],"keywords":[1,2,{"a":"b"}]},{"@type":"NewsArticle","mainEntity":{"mainEntity":{"mainEntity":{"mainEntity":{"mainEntity":{"@type":"NewsArticle"}}}}}}]"#;
    ok("JSON-LD odd value types", with_jsonld(types).as_bytes());
    let many = format!(
        "<html><head>{}</head><body><p>{STORY}</p></body></html>",
        format!("<script type=application/ld+json>{valid}</script>").repeat(2_000)
    );
    ok("2,000 JSON-LD blocks", many.as_bytes());
}

// ---------------------------------------------------------------------------------------
// Bytes and encodings
// ---------------------------------------------------------------------------------------

#[test]
fn nul_bytes() {
    let html = page_around(&format!("<article><p>{STORY}</p></article>"))
        .replace("harbour", "har\0bour")
        .replace("<p>", "<p\0 data-\0=\"\0\">\0")
        .replace("<article>", "<art\0icle>");
    let article = ok("NUL bytes in tags, attributes, text", html.as_bytes());
    assert!(article.text.contains("reopened on Monday"));
    ok("1 MB of NUL bytes", &vec![0u8; MB]);
    let mut mixed = Vec::new();
    for n in 0..100_000u32 {
        mixed.extend_from_slice(b"<p>a\0");
        mixed.push((n % 256) as u8);
    }
    ok("<p>a NUL and every byte value", &mixed);
}

#[test]
fn invalid_utf8() {
    let mut bytes = page_around(&format!("<article><p>{STORY}</p></article>")).into_bytes();
    let bad: &[&[u8]] = &[
        b"\xff",
        b"\xc3\x28",
        b"\xe2\x82",
        b"\xed\xa0\x80",
        b"\xf4\x90\x80\x80",
        b"\xc0\xaf",
        b"\x80\x80\x80",
        b"\xf0\x9f\x98",
    ];
    for (n, seq) in bad.iter().enumerate() {
        let at = bytes.len() * (n + 1) / (bad.len() + 2);
        bytes.splice(at..at, seq.iter().copied());
    }
    let article = ok("invalid UTF-8 sequences", &bytes);
    assert!(article.text.contains("after a week of storms") || article.word_count > 20);
    let garbage: Vec<u8> = (0..MB)
        .map(|i| (i * 2_654_435_761 % 251) as u8 | 0x80)
        .collect();
    ok("1 MB of high bytes", &garbage);
    let content_type = Some("text/html; charset=utf-8");
    let result = run("invalid UTF-8 declared as UTF-8", &bytes, content_type);
    check_sane(&result.unwrap());
}

#[test]
fn mixed_encodings_in_one_page() {
    // "Zürich" in UTF-8, then "Zürich" and "café" in windows-1252 in the same page.
    let mut bytes = b"<html><head><title>Mixed</title></head><body><article><p>".to_vec();
    bytes.extend_from_slice(STORY.as_bytes());
    bytes.extend_from_slice(" Z\u{fc}rich \u{2013} na\u{ef}ve.</p><p>".as_bytes());
    bytes.extend_from_slice(STORY.as_bytes());
    bytes.extend_from_slice(b" Z\xfcrich caf\xe9 \x93quoted\x94.</p></article></body></html>");
    for content_type in [
        None,
        Some("text/html; charset=utf-8"),
        Some("text/html; charset=windows-1252"),
    ] {
        let article = run(
            &format!("UTF-8 + windows-1252, {content_type:?}"),
            &bytes,
            content_type,
        )
        .unwrap();
        assert!(
            article.text.contains("The harbour reopened"),
            "{content_type:?}: {}",
            article.text
        );
        assert!(article.text.contains("rich"));
    }
    // Declared windows-1252 in <meta>, but mostly UTF-8.
    let mut declared = b"<meta charset=windows-1252>".to_vec();
    declared.extend_from_slice(&bytes);
    let article = ok("meta windows-1252, mixed bytes", &declared);
    assert!(article.text.contains("The harbour reopened"));
}

#[test]
fn page_of_only_less_than_signs() {
    let article = ok("5 MB of '<'", &vec![b'<'; 5 * MB / SCALE_DOWN]);
    assert!(article.text.chars().all(|c| c == '<' || c.is_whitespace()));
    ok("1 MB of '</'", &b"</".repeat(MB / 2));
    ok("1 MB of '<!'", &b"<!".repeat(MB / 2));
    ok("1 MB of '<a '", &b"<a ".repeat(MB / 3));
    ok("1 MB of '&#'", &b"&#".repeat(MB / 2));
}

#[test]
fn empty_and_whitespace_input() {
    let article = ok("empty input", b"");
    assert!(article.text.is_empty());
    assert_eq!(article.word_count, 0);
    assert!(article.blocks.is_empty());
    assert!(article.title.is_none());
    let article = ok("whitespace only", b" \n\t\r\n ");
    assert!(article.text.is_empty());
    let article = ok("a BOM only", b"\xef\xbb\xbf");
    assert!(article.text.is_empty());
    ok("UTF-16 BOM only", b"\xff\xfe");
    ok("one byte", b"<");
}

#[test]
fn utf16_without_bom() {
    let html = format!(
        "<html><head><title>Größe</title></head><body><article><p>{STORY} Größe und Übermut.</p></article></body></html>"
    );
    let le: Vec<u8> = html.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = html.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes) in [("UTF-16LE without BOM", le), ("UTF-16BE without BOM", be)] {
        let article = ok(name, &bytes);
        assert!(
            article.text.contains("The harbour reopened") && article.text.contains("Übermut"),
            "{name}: {}",
            article.text
        );
        // An odd length (a truncated last unit) is no reason to fail.
        ok(&format!("{name}, odd length"), &bytes[..bytes.len() - 1]);
    }
}

// ---------------------------------------------------------------------------------------
// Regressions: bugs the fuzzer and these tests found, fixed; each test is named after the bug
// ---------------------------------------------------------------------------------------

/// Whether `extract_bytes` on `bytes` returns within `bound`.
///
/// A hang detector for the regression tests below, not a timing target: with the bug fixed
/// these pages take milliseconds (a page of the same size without the trick does), and
/// `bound` is far above that. The worker thread is left behind when it does not finish; the
/// test process ends it.
fn finishes_within(name: &str, bytes: Vec<u8>, bound: Duration) -> bool {
    let (done, wait) = mpsc::channel();
    let input_bytes = bytes.len();
    let started = Instant::now();
    std::thread::spawn(move || {
        let result = extract_bytes(&bytes, None, &Options::default()).map(|a| a.word_count);
        let _ = done.send(result.is_ok());
    });
    let finished = wait.recv_timeout(bound).is_ok();
    let outcome = if finished {
        "finished"
    } else {
        "STILL RUNNING"
    };
    report(name, input_bytes, started.elapsed(), outcome);
    finished
}

/// Regression: dateline-html's depth guard (`depth_guard.rs`) keeps html5ever's stack of open
/// elements at most `max_depth` deep, because html5ever scans that stack for every start tag
/// ("is a `p` in button scope?") and a deep stack makes the parse quadratic. Its first
/// version, a counter, disagreed with html5ever's stack in three ways, each of which let the
/// stack grow without bound (now it mirrors the stack of names):
/// - `<div/>`: the guard treats a self-closing tag as closed, but in HTML the `/` is ignored
///   on non-void elements, so every `<div/>` opens a `<div>`;
/// - `<rt>`, `<rp>`, `<rb>`, `<rtc>` outside `<ruby>`: the guard skips them as
///   optional-end elements, but outside a ruby nothing closes them and they nest;
/// - stray end tags (`</span>` with no open span) lower the guard's count although the tree
///   builder ignores them, so `(<div>x500 </span>x500)xN` opens 500·N divs.
///
/// Measured in release on the 2-core dev machine: 25,000 `<div/>` (150 KB) 1.6 s, 50,000
/// (300 KB) 10 s, 100,000 (600 KB) 29 s; 50,000 `<rt>` (200 KB) 4 s;
/// `(<div>x500 </span>x500)x100` (600 KB) 6 s. Time grows with the square of the size, so a
/// 6 MB page (a tenth of the 64 MB input limit) needs the better part of an hour. Each page
/// below is ~1 MB and takes minutes.
#[test]
fn depth_guard_bounds_the_open_element_stack() {
    let cases: [(&str, String); 3] = [
        ("200,000 x <div/>", "<div/>".repeat(200_000)),
        ("250,000 x <rt>", "<rt>".repeat(250_000)),
        (
            "(<div> x 500 + </span> x 500) x 200",
            format!("{}{}", "<div>".repeat(500), "</span>".repeat(500)).repeat(200),
        ),
    ];
    let mut hung = Vec::new();
    for (name, body) in cases {
        let page = format!("<html><body>{body}<p>{STORY}</p>");
        if !finishes_within(name, page.into_bytes(), Duration::from_secs(60)) {
            hung.push(name);
        }
    }
    assert!(hung.is_empty(), "still parsing after 60 s: {hung:?}");
}

/// html5ever re-opens ("reconstructs") every element on its list of active formatting
/// elements whenever text follows a point where they were closed, creating new elements
/// that never pass through dateline-html's depth guard. With up to `max_depth` distinct
/// formatting elements on that list (distinct attributes defeat the Noah's-ark limit of
/// three), each 4-byte `<p>x` creates ~400 elements: 84 KB of input builds 8 million nodes
/// and 1.35 GB of memory in ~10 s (release); a 1 MB page would need ~16 GB, far beyond what
/// `Limits` promises ("fixed time and memory, whatever it holds").
#[test]
fn reconstructed_formatting_elements_stay_bounded() {
    let mut html = String::from("<html><body><p>");
    for n in 0..400 {
        html.push_str(&format!("<b id=b{n}>"));
    }
    html.push('x');
    html.push_str(&"<p>x".repeat(5_000));
    let started = Instant::now();
    let doc = dateline_html::parse(&html, &Limits::default());
    report(
        "400 x <b id=N> then 5,000 x <p>x (parse only)",
        html.len(),
        started.elapsed(),
        &format!("{} nodes", doc.len()),
    );
    // Every node needs some markup; a few nodes per input byte is generous (implied
    // <html>/<head>/<body>, text split around elements).
    assert!(
        doc.len() <= 4 * html.len(),
        "{} bytes of HTML built {} nodes",
        html.len(),
        doc.len()
    );
}

/// `collect.rs`, `Collector::walk_link`: with `Options::links` on, the link's byte range is
/// computed as `para.text[start..end]` with `start` = the paragraph's length before the
/// link's children and `end` = its trimmed length after them. Two ordinary shapes of markup
/// break that: a link whose content is only whitespace after text ending in a space
/// (`end < start`: "begin > end when slicing"), and a link holding a block element, which
/// flushes the paragraph so `start` lies past the end of the new, shorter one ("start byte
/// index N is out of bounds", or "is not a char boundary" when the new paragraph has a
/// multi-byte character there). All panic; `dateline extract --links` aborts on such pages.
/// The fuzzer (tests/fuzz.rs) hits this in ~0.3-0.5% of its cases.
#[test]
fn links_around_whitespace_or_blocks_do_not_panic() {
    let options = Options {
        links: true,
        ..Options::default()
    };
    let mut panicked = Vec::new();
    for html in [
        "<p>Some text <a href=\"/x\"> </a></p>",
        "<p>Some text <a href=\"/x\">\n</a> and more</p>",
        "<div>Some text<a href=\"/x\">more<div>a block inside the link</div></a></div>",
        "<li>ab <a href=\"/x\">cd <ul><li>nested list</li></ul></a></li>",
        "<div>ab<a href=\"/x\">c<div>block</div>€€€€</a></div>",
    ] {
        let result = std::panic::catch_unwind(|| extract_bytes(html.as_bytes(), None, &options));
        match result {
            Ok(article) => check_sane(&article.unwrap()),
            Err(_) => panicked.push(html),
        }
    }
    assert!(
        panicked.is_empty(),
        "extract_bytes panicked on {panicked:#?}"
    );
}

/// `collect.rs`, `Collector::walk_link`: `para.in_link += 1`, then the link's children, then
/// `para.in_link -= 1`. A block element inside the link flushes the paragraph, which
/// replaces `para` with a fresh one whose `in_link` is 0, so the decrement underflows:
/// "attempt to subtract with overflow" (a panic) in debug builds, whatever the options; in
/// release `in_link` wraps to `usize::MAX` and all the text that follows the link in the
/// same block is counted as link text, so the filter drops it as navigation (link density
/// 1.0). `<a href><div>...</div></a>` is common markup (cards, figure links).
#[test]
fn text_after_a_link_holding_a_block_is_kept() {
    let html = format!(
        "<html><body><article><p>{STORY}</p><div><a href=\"/gallery\"><div>Photo gallery</div></a>\
         After the storm, volunteers cleared the beaches and the harbour master praised \
         their work.</div></article></body></html>"
    );
    let result =
        std::panic::catch_unwind(|| extract_bytes(html.as_bytes(), None, &Options::default()));
    let article = result
        .expect("extract_bytes panicked (debug build: in_link underflow)")
        .unwrap();
    assert!(article.text.contains("The harbour reopened"));
    assert!(
        article.text.contains("volunteers cleared the beaches"),
        "the text after the link is lost: {:?}",
        article.text
    );
}

/// dateline-html's depth guard drops start tags past `max_depth` and, later, the same number
/// of end tags *by name*, wherever they occur. When an element whose content html5ever reads
/// as raw text (`iframe`, `textarea`, `title`, `xmp`, `noembed`; `style` and `script` do not
/// trip in this shape) was dropped unclosed at the cap, and a later one of the same name is admitted once the page
/// climbs back below the cap, the admitted one's end tag is dropped instead. The tokenizer
/// has already left raw-text mode, but the tree builder never sees the end tag and stays in
/// its "text" insertion mode, so the next tag hits html5ever's
/// `unreachable!("impossible case in Text mode")` (tree_builder/rules.rs): a panic with
/// default options on a 3 KB page. Found by the fuzzer (long run, seed 0xda7e114e5f1000,
/// cases 42735 and 99654).
#[test]
fn raw_text_elements_around_the_depth_cap_do_not_panic() {
    let mut panicked = Vec::new();
    for tag in [
        "iframe", "textarea", "title", "xmp", "noembed", "style", "script",
    ] {
        let html = format!(
            "<html><body>{}<{tag}>{}<{tag}>raw</{tag}><p>{STORY}</p>",
            "<div>".repeat(512),
            "</div>".repeat(8)
        );
        let result =
            std::panic::catch_unwind(|| extract_bytes(html.as_bytes(), None, &Options::default()));
        match result {
            Ok(article) => check_sane(&article.unwrap()),
            Err(_) => panicked.push(tag),
        }
    }
    assert!(
        panicked.is_empty(),
        "extract_bytes panicked for {panicked:?}"
    );
}
