//! `dateline extract` on flattened text: detection of text vs HTML per input, the
//! `--input-format` override, `.txt`/`.txt.gz` in directories, stdin.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// An invented page flattened to text: crawl header, headline, byline, body, related list,
/// footer.
const TEXT: &str = "date 2024-05-14 HarbourNews.com\n\n\
Harbour town votes to turn ferry terminal into library\n\n\
By Imogen Hale\n\n\
Councillors in Saltmere voted on Tuesday evening to turn the empty ferry terminal on the quay into a public library and study centre.\n\n\
The terminal has stood empty since the last crossing to Farrow Island in 2013, and two earlier plans to sell it collapsed.\n\n\
Work on the conversion is expected to begin in the autumn, with the library due to open in the spring.\n\n\
Related Stories\n\n\
Fishing fleet returns early as storm nears\n\n\
2 hours ago\n\n\
About Us | Contact Us | Advertise\n\n\
© 2024 HarbourNews\n";

/// The same story as an HTML page, tags and all.
const HTML: &str = "<!DOCTYPE html><html><head><title>Harbour town votes</title></head><body>\
<nav><a href='/'>Home</a></nav><article><h1>Harbour town votes to turn ferry terminal into library</h1>\
<p>Councillors in Saltmere voted on Tuesday evening to turn the empty ferry terminal on the quay into a public library and study centre.</p>\
<p>The terminal has stood empty since the last crossing to Farrow Island in 2013, and two earlier plans to sell it collapsed.</p>\
<p>Work on the conversion is expected to begin in the autumn, with the library due to open in the spring.</p>\
</article><footer>© 2024 HarbourNews</footer></body></html>";

fn dateline() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.timeout(Duration::from_secs(120));
    cmd
}

fn json(cmd: &mut Command) -> Vec<Value> {
    let output = cmd.output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "exit {:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// What flat-text extraction gives and HTML extraction of the same bytes would not.
fn assert_text_article(article: &Value) {
    assert_eq!(article["site_name"], "HarbourNews.com", "{article}");
    assert_eq!(article["authors"][0], "Imogen Hale", "{article}");
    let text = article["text"].as_str().unwrap();
    assert!(text.starts_with("Councillors in Saltmere"), "{text}");
    assert!(
        !text.contains("Related Stories") && !text.contains("About Us"),
        "{text}"
    );
}

#[test]
fn text_files_and_directories_are_detected() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(&root.join("a.txt"), TEXT.as_bytes());
    write(&root.join("b.txt.gz"), &gzip(TEXT.as_bytes()));
    // No telling extension: the content decides.
    write(&root.join("sub/c.dump"), TEXT.as_bytes());
    write(&root.join("page.html"), HTML.as_bytes());
    let articles = json(dateline().args([
        "extract",
        "--format",
        "jsonl",
        root.to_str().unwrap(),
        root.join("sub/c.dump").to_str().unwrap(),
    ]));
    let sources: Vec<&str> = articles
        .iter()
        .map(|a| a["source"].as_str().unwrap())
        .collect();
    assert_eq!(articles.len(), 4, "{sources:?}");
    for article in &articles {
        let source = article["source"].as_str().unwrap();
        if source.ends_with("page.html") {
            // The HTML extractor reads <title>, which flattened text does not have.
            assert_eq!(article["title"], "Harbour town votes");
            assert!(article.get("site_name").is_none(), "{article}");
        } else {
            assert_text_article(article);
        }
    }
}

#[test]
fn stdin_text_is_detected() {
    let articles = json(
        dateline()
            .args(["extract", "--format", "jsonl", "-"])
            .write_stdin(TEXT),
    );
    assert_text_article(&articles[0]);
}

#[test]
fn input_format_overrides_detection() {
    let dir = TempDir::new().unwrap();
    let html_named_txt = dir.path().join("page.txt");
    write(&html_named_txt, HTML.as_bytes());
    // A .txt name with a doctype inside is still HTML in auto mode.
    let auto = json(dateline().args([
        "extract",
        "--format",
        "jsonl",
        html_named_txt.to_str().unwrap(),
    ]));
    assert!(!auto[0]["text"].as_str().unwrap().contains("<p>"));
    // Forced text: the markup is text, kept verbatim.
    let forced = json(dateline().args([
        "extract",
        "--format",
        "jsonl",
        "--input-format",
        "text",
        html_named_txt.to_str().unwrap(),
    ]));
    assert!(
        forced[0]["text"].as_str().unwrap().contains("<p>"),
        "{}",
        forced[0]
    );
    // Forced HTML on flattened text: no crawl header read, so no site name.
    let text_file = dir.path().join("story.txt");
    write(&text_file, TEXT.as_bytes());
    let as_html = json(dateline().args([
        "extract",
        "--format",
        "jsonl",
        "--input-format",
        "html",
        text_file.to_str().unwrap(),
    ]));
    assert!(as_html[0].get("site_name").is_none(), "{}", as_html[0]);
    let as_text = json(dateline().args([
        "extract",
        "--format",
        "jsonl",
        "--input-format",
        "text",
        text_file.to_str().unwrap(),
    ]));
    assert_text_article(&as_text[0]);
}

#[test]
fn every_output_format_works_on_text() {
    for format in ["txt", "markdown", "json", "html"] {
        let output = dateline()
            .args(["extract", "--format", format, "-"])
            .write_stdin(TEXT)
            .output()
            .unwrap();
        assert!(output.status.success(), "{format}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(
            stdout.contains("Councillors in Saltmere"),
            "{format}: {stdout}"
        );
        assert!(!stdout.contains("About Us"), "{format}: {stdout}");
    }
}
