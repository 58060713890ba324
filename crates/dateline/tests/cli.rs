//! End-to-end tests of the `dateline` binary: inputs (file, stdin, directory, URL), outputs
//! (stdout, `-o FILE`, `-o DIR/`), every `--format`, failures and `dateline bench`.
//!
//! Network: only loopback. The unreachable URL is `http://127.0.0.1:9/` (nothing listens on
//! the discard port here, so the connection is refused at once); the reachable one is a
//! one-shot HTTP server each test starts on `127.0.0.1:0`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const TITLE: &str = "Storm floods coastal towns";
const FIRST_SENTENCE: &str = "Thousands of people were evacuated";
const LAST_SENTENCE: &str = "more disruption later in the week";

/// A news page: navigation, an article with paragraphs, a data table and absolute links,
/// related links and a footer. `tag` makes the body of each page distinct.
fn page(tag: &str) -> String {
    format!(
        r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{TITLE} | The Example Times</title>
<meta property="og:site_name" content="The Example Times">
<meta property="article:published_time" content="2024-03-05T09:15:00Z">
<meta name="author" content="Jane Doe">
</head>
<body>
<nav><a href="/">Home</a> <a href="/uk">UK</a> <a href="/world">World</a></nav>
<article>
<h1>{TITLE}</h1>
<p>{FIRST_SENTENCE} from coastal towns on Tuesday ({tag}) after two days of torrential rain caused rivers to burst their banks, flooding homes, roads and railway lines.</p>
<p>The Environment Agency issued 45 severe flood warnings, its highest level, and said in a <a href="https://www.example.gov/floods">statement</a> that water levels would keep rising until Wednesday evening.</p>
<p>"We have never seen anything like it," said Maria Lopez, who runs a bakery on the high street. "The water came up through the floor in less than an hour."</p>
<table>
<thead><tr><th>Station</th><th>Rainfall (mm)</th></tr></thead>
<tbody><tr><td>Exampleton</td><td>112.4</td></tr><tr><td>Sampleford</td><td>98.0</td></tr></tbody>
</table>
<p>Forecasters said a further 40mm of rain could fall on saturated ground, and warned of {LAST_SENTENCE}.</p>
</article>
<aside><h3>Related</h3><ul><li><a href="/a">Storm warnings issued</a></li><li><a href="/b">How to prepare</a></li></ul></aside>
<footer>Copyright 2024 The Example Times</footer>
</body>
</html>
"##
    )
}

fn dateline() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.timeout(Duration::from_secs(120));
    cmd
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> PathBuf {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
    path.to_path_buf()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

struct Output {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Output {
    let output = cmd.output().expect("dateline runs");
    let out = Output {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(
        !out.stderr.contains("panicked"),
        "dateline panicked:\n{}",
        out.stderr
    );
    out
}

fn jsonl(stdout: &str) -> Vec<Value> {
    assert!(stdout.ends_with('\n'), "jsonl output ends with a newline");
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn assert_story(text: &str) {
    assert!(
        text.contains(FIRST_SENTENCE),
        "first paragraph missing: {text}"
    );
    assert!(
        text.contains(LAST_SENTENCE),
        "last paragraph missing: {text}"
    );
    assert!(!text.contains("Copyright 2024"), "footer leaked: {text}");
    assert!(
        !text.contains("How to prepare"),
        "related links leaked: {text}"
    );
}

// ---------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------

#[test]
fn an_app_shell_is_reported_as_needing_javascript() {
    let dir = TempDir::new().unwrap();
    let file = write(
        &dir.path().join("shell.html"),
        "<html><body><div id='root'></div><noscript>Please enable JavaScript to use this site.</noscript></body></html>",
    );
    let out = run(dateline().args(["extract", "-f", "jsonl", path_str(&file)]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("shell.html: no article text found (the page says it needs JavaScript"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_page_without_text_is_reported_not_silent() {
    let dir = TempDir::new().unwrap();
    let file = write(
        &dir.path().join("blank.html"),
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    );
    let out = run(dateline().args(["extract", "-f", "jsonl", path_str(&file)]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout.lines().count(),
        1,
        "one line per input: {}",
        out.stdout
    );
    assert!(
        out.stderr.contains("blank.html: no article text found"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("1 pages, 0 failed, 1 without text"),
        "{}",
        out.stderr
    );
}

#[test]
fn extracts_a_file() {
    let dir = TempDir::new().unwrap();
    let file = write(&dir.path().join("story.html"), page("file"));
    let out = run(dateline().args(["extract", path_str(&file)]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_story(&out.stdout);
    assert!(out.stdout.contains("(file)"));
    assert!(
        out.stderr.contains("dateline: 1 pages, 0 failed"),
        "summary line: {}",
        out.stderr
    );
}

#[test]
fn extracts_stdin() {
    let out = run(dateline()
        .args(["extract", "--format", "json", "-"])
        .write_stdin(page("stdin")));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let article: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(article["source"], "-");
    assert_eq!(article["title"], TITLE);
    assert_story(article["text"].as_str().unwrap());
    // Gzip on stdin is recognised by its magic bytes.
    let out = run(dateline()
        .args(["extract", "-"])
        .write_stdin(gzip(page("gzip stdin").as_bytes())));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("(gzip stdin)"));
}

#[test]
fn extracts_a_directory() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("pages");
    write(&root.join("a.html"), page("a"));
    write(&root.join("b.htm"), page("b"));
    write(&root.join("c.html.gz"), gzip(page("c").as_bytes()));
    write(&root.join("sub/d.html"), page("d"));
    write(&root.join("notes.md"), "not a page");
    write(&root.join("image.png"), b"\x89PNG\r\n\x1a\n");
    for jobs in ["1", "2"] {
        let out =
            run(dateline().args(["extract", "-j", jobs, "--format", "jsonl", path_str(&root)]));
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        let lines = jsonl(&out.stdout);
        let sources: Vec<&str> = lines
            .iter()
            .map(|l| l["source"].as_str().unwrap())
            .collect();
        let expected: Vec<String> = ["a.html", "b.htm", "c.html.gz", "sub/d.html"]
            .iter()
            .map(|name| root.join(name).display().to_string())
            .collect();
        assert_eq!(sources, expected, "-j {jobs}: inputs in sorted order");
        for (line, tag) in lines.iter().zip(["(a)", "(b)", "(c)", "(d)"]) {
            let text = line["text"].as_str().unwrap();
            assert_story(text);
            assert!(text.contains(tag), "{tag}: {text}");
            assert!(line.get("error").is_none());
        }
        assert!(out.stderr.contains("4 pages, 0 failed"), "{}", out.stderr);
    }
}

// ---------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------

#[test]
fn writes_to_an_output_file() {
    let dir = TempDir::new().unwrap();
    let a = write(&dir.path().join("a.html"), page("a"));
    let b = write(&dir.path().join("b.html"), page("b"));
    let target = dir.path().join("out.txt");
    let out = run(dateline().args([
        "extract",
        "-o",
        path_str(&target),
        path_str(&a),
        path_str(&b),
    ]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.is_empty(), "stdout: {}", out.stdout);
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.contains("(a)") && written.contains("(b)"));
    assert!(
        written.find("(a)") < written.find("(b)"),
        "input order kept"
    );
    assert_story(&written);
}

#[test]
fn writes_one_file_per_input_to_an_output_directory() {
    let dir = TempDir::new().unwrap();
    let inputs = dir.path().join("in");
    let a = write(&inputs.join("first-story.html"), page("a"));
    let b = write(&inputs.join("second.htm"), page("b"));
    let c = write(&inputs.join("third.html.gz"), gzip(page("c").as_bytes()));
    for (format, extension) in [
        ("txt", "txt"),
        ("markdown", "md"),
        ("json", "json"),
        ("html", "html"),
    ] {
        // The trailing slash asks for a directory that does not exist yet.
        let out_dir = dir.path().join(format!("out-{format}"));
        let target = format!("{}/", out_dir.display());
        let out = run(dateline().args([
            "extract",
            "--format",
            format,
            "-o",
            &target,
            path_str(&a),
            path_str(&b),
            path_str(&c),
        ]));
        assert_eq!(out.code, Some(0), "{format}: {}", out.stderr);
        assert!(out.stdout.is_empty());
        let mut names: Vec<String> = std::fs::read_dir(&out_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let expected: Vec<String> = ["first-story", "second", "third"]
            .iter()
            .map(|stem| format!("{stem}.{extension}"))
            .collect();
        assert_eq!(names, expected, "{format}");
        for (stem, tag) in [("first-story", "(a)"), ("second", "(b)"), ("third", "(c)")] {
            let content =
                std::fs::read_to_string(out_dir.join(format!("{stem}.{extension}"))).unwrap();
            assert!(content.contains(tag), "{format} {stem}: {content}");
            assert!(content.contains(FIRST_SENTENCE), "{format} {stem}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------

fn extract_one(format: &str, extra: &[&str]) -> Output {
    let dir = TempDir::new().unwrap();
    let file = write(&dir.path().join("story.html"), page("fmt"));
    let mut args = vec!["extract", "--format", format];
    args.extend_from_slice(extra);
    args.push(path_str(&file));
    let out = run(dateline().args(&args));
    assert_eq!(out.code, Some(0), "{format}: {}", out.stderr);
    out
}

#[test]
fn format_txt() {
    let out = extract_one("txt", &[]);
    assert_story(&out.stdout);
    assert!(out.stdout.ends_with('\n') && !out.stdout.ends_with("\n\n"));
    // The body only: no title line, paragraphs separated by one blank line.
    assert!(out.stdout.starts_with(FIRST_SENTENCE), "{}", out.stdout);
    assert!(out.stdout.contains(".\n\nThe Environment Agency"));
    assert!(
        out.stdout.contains("Exampleton\t112.4"),
        "table rows: {}",
        out.stdout
    );
}

#[test]
fn format_markdown() {
    let out = extract_one("markdown", &[]);
    let md = &out.stdout;
    assert!(md.starts_with(&format!("# {TITLE}\n")), "{md}");
    assert_story(md);
    assert!(
        md.contains("| Station | Rainfall (mm) |"),
        "GFM table header: {md}"
    );
    assert!(
        md.contains("| --- | --- |") || md.contains("|---|---|"),
        "{md}"
    );
    assert!(md.contains("| Exampleton | 112.4 |"), "{md}");
    // Links are plain text unless asked for.
    assert!(!md.contains("](https://"), "{md}");
}

#[test]
fn format_json() {
    let out = extract_one("json", &[]);
    assert!(out.stdout.starts_with("{\n"), "pretty-printed");
    let article: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(article["title"], TITLE);
    assert_eq!(article["site_name"], "The Example Times");
    assert_eq!(article["date_published"], "2024-03-05T09:15:00Z");
    assert_eq!(article["authors"][0], "Jane Doe");
    assert!(article["source"].as_str().unwrap().ends_with("story.html"));
    let text = article["text"].as_str().unwrap();
    assert_story(text);
    let blocks = article["blocks"].as_array().unwrap();
    assert!(blocks.iter().any(|b| b["type"] == "paragraph"));
    assert!(blocks.iter().any(|b| b["type"] == "table"));
    assert!(article["word_count"].as_u64().unwrap() > 50);
    assert!(article.get("error").is_none());
}

#[test]
fn format_jsonl() {
    let dir = TempDir::new().unwrap();
    let files: Vec<PathBuf> = (0..3)
        .map(|n| {
            write(
                &dir.path().join(format!("p{n}.html")),
                page(&format!("p{n}")),
            )
        })
        .collect();
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend(files.iter().map(|f| path_str(f)));
    let out = run(dateline().args(&args));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let lines = jsonl(&out.stdout);
    assert_eq!(lines.len(), 3, "exactly one line per input");
    for (n, (line, file)) in lines.iter().zip(&files).enumerate() {
        assert_eq!(line["source"], file.display().to_string());
        assert_eq!(line["title"], TITLE);
        assert!(line["text"].as_str().unwrap().contains(&format!("(p{n})")));
    }
}

#[test]
fn format_html() {
    let out = extract_one("html", &[]);
    let html = &out.stdout;
    assert!(html.starts_with("<!DOCTYPE html>\n"), "{html}");
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains(&format!("<title>{TITLE}</title>")), "{html}");
    assert!(html.contains(&format!("<h1>{TITLE}</h1>")), "{html}");
    assert!(
        html.contains("<table>") && html.contains("<th>Station</th>"),
        "{html}"
    );
    assert!(
        html.contains("<p>Thousands of people were evacuated"),
        "{html}"
    );
    assert!(html.trim_end().ends_with("</html>"), "{html}");
    assert!(
        !html.contains("<nav") && !html.contains("<script"),
        "{html}"
    );
}

#[test]
fn no_tables_drops_the_table() {
    for format in ["txt", "markdown", "json", "html"] {
        let with = extract_one(format, &[]).stdout;
        let without = extract_one(format, &["--no-tables"]).stdout;
        assert!(
            with.contains("Exampleton"),
            "{format} keeps the table by default"
        );
        assert!(!without.contains("Exampleton"), "{format}: {without}");
        assert!(without.contains(FIRST_SENTENCE) && without.contains(LAST_SENTENCE));
    }
}

#[test]
fn links_yields_markdown_links() {
    let out = extract_one("markdown", &["--links"]);
    assert!(
        out.stdout
            .contains("[statement](https://www.example.gov/floods)"),
        "{}",
        out.stdout
    );
    let out = extract_one("html", &["--links"]);
    assert!(
        out.stdout
            .contains("<a href=\"https://www.example.gov/floods\">statement</a>"),
        "{}",
        out.stdout
    );
    let out = extract_one("json", &["--links"]);
    let article: Value = serde_json::from_str(&out.stdout).unwrap();
    let linked = article["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["links"].as_array().cloned().unwrap_or_default())
        .any(|l| l["href"] == "https://www.example.gov/floods");
    assert!(linked, "{}", out.stdout);
}

/// See tests/robustness.rs in dateline-extract, `links_around_whitespace_or_blocks_do_not_panic`:
/// the same panic takes the whole CLI down (exit 101) and loses every other input's output.
#[test]
fn links_with_a_whitespace_only_anchor_do_not_crash() {
    let dir = TempDir::new().unwrap();
    let bad = write(
        &dir.path().join("bad.html"),
        "<p>Some text <a href=\"https://example.com/x\"> </a> and more</p>",
    );
    let good = write(&dir.path().join("good.html"), page("good"));
    let output = dateline()
        .args([
            "extract",
            "--links",
            "--format",
            "jsonl",
            path_str(&good),
            path_str(&bad),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 2);
}

// ---------------------------------------------------------------------------------------
// Failures
// ---------------------------------------------------------------------------------------

#[test]
fn missing_file_among_good_ones_with_jsonl() {
    let dir = TempDir::new().unwrap();
    let good1 = write(&dir.path().join("good1.html"), page("g1"));
    let missing = dir.path().join("no-such-page.html");
    let good2 = write(&dir.path().join("good2.html"), page("g2"));
    let out = run(dateline().args([
        "extract",
        "--format",
        "jsonl",
        path_str(&good1),
        path_str(&missing),
        path_str(&good2),
    ]));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    let lines = jsonl(&out.stdout);
    assert_eq!(lines.len(), 3, "exactly one line per input: {}", out.stdout);
    assert_eq!(lines[0]["source"], good1.display().to_string());
    assert!(lines[0]["text"].as_str().unwrap().contains("(g1)"));
    assert!(lines[0].get("error").is_none());
    assert_eq!(lines[1]["source"], missing.display().to_string());
    let error = lines[1]["error"]
        .as_str()
        .expect("the missing input has an error");
    assert!(error.contains("no-such-page.html"), "{error}");
    assert_eq!(lines[1]["text"], "");
    assert_eq!(lines[2]["source"], good2.display().to_string());
    assert!(lines[2]["text"].as_str().unwrap().contains("(g2)"));
    assert!(
        out.stderr.contains(&missing.display().to_string()),
        "stderr names the missing file: {}",
        out.stderr
    );
    assert!(out.stderr.contains("3 pages, 1 failed"), "{}", out.stderr);

    // The same with one file per input: the good ones are still written.
    let out_dir = dir.path().join("out");
    let out = run(dateline().args([
        "extract",
        "-o",
        &format!("{}/", out_dir.display()),
        path_str(&good1),
        path_str(&missing),
        path_str(&good2),
    ]));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("no-such-page.html"), "{}", out.stderr);
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["good1.txt", "good2.txt"]);
    let good2_text = std::fs::read_to_string(out_dir.join("good2.txt")).unwrap();
    assert!(good2_text.contains("(g2)"));
}

#[test]
fn non_html_binary_file() {
    let dir = TempDir::new().unwrap();
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let mut x: u32 = 12345;
    for _ in 0..64 * 1024 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        bytes.push((x >> 16) as u8);
    }
    let binary = write(&dir.path().join("picture.html"), &bytes);
    let good = write(&dir.path().join("good.html"), page("good"));
    let out = run(dateline().args([
        "extract",
        "--format",
        "jsonl",
        path_str(&binary),
        path_str(&good),
    ]));
    // Either an (empty) article or a clear failure, never a crash; the next input is fine.
    assert!(
        matches!(out.code, Some(0 | 1)),
        "{:?}: {}",
        out.code,
        out.stderr
    );
    let lines = jsonl(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["source"], binary.display().to_string());
    if out.code == Some(1) {
        assert!(lines[0]["error"].is_string());
        assert!(out.stderr.contains("picture.html"));
    }
    assert!(lines[1]["text"].as_str().unwrap().contains("(good)"));
    // A `.html.gz` that is not gzip at all is read as it is.
    let fake_gz = write(&dir.path().join("fake.html.gz"), page("fake gz"));
    let out = run(dateline().args(["extract", path_str(&fake_gz)]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("(fake gz)"));
    // A real gzip header with a broken stream is a clear failure.
    let mut broken = gzip(page("broken").as_bytes());
    broken.truncate(broken.len() / 2);
    let broken = write(&dir.path().join("broken.html.gz"), broken);
    let out = run(dateline().args(["extract", path_str(&broken)]));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("broken.html.gz") && out.stderr.contains("gzip"),
        "{}",
        out.stderr
    );
}

#[test]
fn unreachable_url_is_a_clear_error() {
    let url = "http://127.0.0.1:9/";
    let out = run(dateline().args(["extract", "--timeout", "10", url]));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(
        out.stderr.contains(url),
        "stderr names the URL: {}",
        out.stderr
    );
    assert!(out.stderr.contains("1 pages, 1 failed"), "{}", out.stderr);
    let out = run(dateline().args(["extract", "--timeout", "10", "--format", "jsonl", url]));
    assert_eq!(out.code, Some(1));
    let lines = jsonl(&out.stdout);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["source"], url);
    assert!(lines[0]["error"].as_str().unwrap().contains(url));
}

// ---------------------------------------------------------------------------------------
// A URL served from this test
// ---------------------------------------------------------------------------------------

/// Serves `body` once on 127.0.0.1 and returns the port and a handle yielding the request
/// line. Gives up after 60 s without a connection, so a failing test cannot hang on it.
fn serve_once(body: String) -> (u16, std::thread::JoinHandle<Option<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    let handle = std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut stream = loop {
            match listener.accept() {
                Ok((stream, _)) => break stream,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    if Instant::now() > deadline {
                        return None;
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(_) => return None,
            }
        };
        stream.set_nonblocking(false).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .ok()?;
        let mut request = Vec::new();
        let mut buf = [0u8; 1024];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = stream.read(&mut buf).ok()?;
            if n == 0 {
                break;
            }
            request.extend_from_slice(&buf[..n]);
        }
        let response = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(response.as_bytes()).ok()?;
        stream.flush().ok()?;
        let request = String::from_utf8_lossy(&request);
        request.lines().next().map(str::to_string)
    });
    (port, handle)
}

#[test]
fn extracts_a_url_from_a_local_server() {
    let (port, server) = serve_once(page("served"));
    let url = format!("http://127.0.0.1:{port}/news/storm-floods.html");
    let out = run(dateline().args(["extract", "--timeout", "20", "--format", "json", &url]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let article: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(article["url"], url);
    assert_eq!(article["source"], url);
    assert_eq!(article["title"], TITLE);
    let text = article["text"].as_str().unwrap();
    assert_story(text);
    assert!(text.contains("(served)"));
    let request = server.join().unwrap().expect("the server saw a request");
    assert_eq!(request, "GET /news/storm-floods.html HTTP/1.1");
}

#[test]
fn served_url_with_jsonl_and_output_directory() {
    let (port, server) = serve_once(page("served dir"));
    let url = format!("http://127.0.0.1:{port}/world/flood-report.html");
    let dir = TempDir::new().unwrap();
    let out_dir = dir.path().join("out");
    let out = run(dateline().args([
        "extract",
        "--timeout",
        "20",
        "--format",
        "jsonl",
        "-o",
        &format!("{}/", out_dir.display()),
        &url,
    ]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let written = std::fs::read_to_string(out_dir.join("flood-report.jsonl")).unwrap();
    let lines = jsonl(&written);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["url"], url);
    assert!(lines[0]["text"].as_str().unwrap().contains("(served dir)"));
    server.join().unwrap().expect("the server saw a request");
}

// ---------------------------------------------------------------------------------------
// bench
// ---------------------------------------------------------------------------------------

#[test]
fn bench_writes_predictions_and_summary() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("data");
    let dataset = root.join("tiny");
    write(&dataset.join("pages/page-1.html"), page("bench one"));
    write(
        &dataset.join("pages/page-2.html.gz"),
        gzip(page("bench two").as_bytes()),
    );
    write(
        &dataset.join("truth.jsonl"),
        "{\"id\":\"page-1\",\"text\":\"Thousands of people were evacuated\"}\n\
         {\"id\":\"page-2\",\"text\":\"Thousands of people were evacuated\"}\n",
    );
    // A folder without truth.jsonl is not a dataset.
    write(&root.join("not-a-dataset/pages/x.html"), page("x"));
    let out_dir = dir.path().join("results");
    let out = run(dateline().args([
        "bench",
        "--root",
        path_str(&root),
        "--out",
        path_str(&out_dir),
    ]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(!out_dir.join("not-a-dataset.jsonl").exists());

    let predictions = std::fs::read_to_string(out_dir.join("tiny.jsonl")).unwrap();
    let lines = jsonl(&predictions);
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["page-1", "page-2"]);
    for (line, tag) in lines.iter().zip(["(bench one)", "(bench two)"]) {
        let text = line["text"].as_str().unwrap();
        assert_story(text);
        assert!(text.contains(tag), "{text}");
        assert_eq!(line["title"], TITLE);
    }

    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(out_dir.join("tiny.summary.json")).unwrap())
            .unwrap();
    assert_eq!(summary["pages"], 2);
    let seconds = summary["extract_s"]
        .as_f64()
        .expect("extract_s is a number");
    assert!(seconds >= 0.0, "{summary}");
    let rate = summary["pages_per_s"]
        .as_f64()
        .expect("pages_per_s is a number");
    assert!(rate > 0.0, "{summary}");
    assert!(out.stderr.contains("tiny: 2 pages"), "{}", out.stderr);
}

#[test]
fn bench_without_datasets_fails_clearly() {
    let dir = TempDir::new().unwrap();
    let out = run(dateline().args([
        "bench",
        "--root",
        path_str(dir.path()),
        "--out",
        path_str(&dir.path().join("out")),
    ]));
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(out.stderr.contains("no dataset"), "{}", out.stderr);
}
