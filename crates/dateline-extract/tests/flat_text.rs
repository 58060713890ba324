//! Flattened-text extraction (`extract_text`), data-driven.
//!
//! Every `tests/flat/<name>.txt` is extracted and checked against `<name>.expected.json`, in
//! the shape of `shared/examples/flattened-news-page.expected.json`: each key present is
//! checked (`title`, `authors`, `date_published`, `site_name`, `section`, `tags`, `dateline`,
//! `body_first_words`, `body_last_words`, `body_paragraphs`, `not_in_body`). The same check
//! runs on the examples in `../shared/examples/` next to the worktree when that directory
//! exists (`DATELINE_SHARED_EXAMPLES` overrides the path); the test says so and passes when it
//! does not, since those pages are not ours to ship.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use dateline_extract::{Options, extract_text, extract_text_bytes};
use dateline_model::{Article, Block};
use serde_json::Value;

fn check(name: &str, article: &Article, expected: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    let Some(fields) = expected.as_object() else {
        return vec![format!("{name}: expected JSON is not an object")];
    };
    let paragraphs: Vec<&str> = article
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    for (key, want) in fields {
        let got: Value = match key.as_str() {
            "title" => article.title.clone().into(),
            "authors" => article.authors.clone().into(),
            "date_published" => article.date_published.clone().into(),
            "site_name" => article.site_name.clone().into(),
            "section" => article.section.clone().into(),
            "tags" => article.tags.clone().into(),
            "dateline" => serde_json::to_value(&article.dateline).unwrap(),
            "body_first_words" => {
                let ok = want.as_str().is_some_and(|w| article.text.starts_with(w));
                if !ok {
                    errors.push(format!(
                        "{name}: body should start with {want}, starts with {:?}",
                        article.text.chars().take(120).collect::<String>()
                    ));
                }
                continue;
            }
            "body_last_words" => {
                let ok = want
                    .as_str()
                    .is_some_and(|w| article.text.trim_end().ends_with(w));
                if !ok {
                    let tail: String = article.text.chars().rev().take(120).collect();
                    errors.push(format!(
                        "{name}: body should end with {want}, ends with {:?}",
                        tail.chars().rev().collect::<String>()
                    ));
                }
                continue;
            }
            "body_paragraphs" => paragraphs.len().into(),
            "not_in_body" => {
                for snippet in want
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                {
                    if article.text.contains(snippet) {
                        errors.push(format!("{name}: {snippet:?} is in the body"));
                    }
                }
                continue;
            }
            "comment" => continue,
            other => {
                errors.push(format!("{name}: unknown expected key {other}"));
                continue;
            }
        };
        if &got != want {
            errors.push(format!("{name}: {key}: expected {want}, got {got}"));
        }
    }
    errors
}

fn run_dir(dir: &Path) -> (usize, Vec<String>) {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let mut errors = Vec::new();
    let mut checked = 0;
    for path in names {
        let expected_path = path.with_extension("expected.json");
        let Ok(expected) = std::fs::read_to_string(&expected_path) else {
            continue;
        };
        let expected: Value = serde_json::from_str(&expected).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let article = extract_text_bytes(&bytes, &Options::default()).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        errors.extend(check(&name, &article, &expected));
        checked += 1;
    }
    (checked, errors)
}

#[test]
fn fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/flat");
    let (checked, errors) = run_dir(&dir);
    assert!(
        checked >= 8,
        "only {checked} fixtures found in {}",
        dir.display()
    );
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn shared_examples() {
    let dir = std::env::var_os("DATELINE_SHARED_EXAMPLES")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples"));
    if !dir.is_dir() {
        eprintln!("skipped: no shared examples at {}", dir.display());
        return;
    }
    let (checked, errors) = run_dir(&dir);
    eprintln!("checked {checked} shared examples in {}", dir.display());
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn gzip_and_legacy_charsets_decode() {
    let text = "Ministerin besucht Köln\n\nDie Ministerin hat am Montag die Stadt Köln besucht und \
        mit Bürgerinnen über den Ausbau der Straßenbahn gesprochen, der seit Jahren umstritten ist.\n";
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let article = extract_text_bytes(&latin1, &Options::default()).unwrap();
    assert!(article.text.contains("Bürgerinnen"), "{}", article.text);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, text.as_bytes()).unwrap();
    let article = extract_text_bytes(&gz.finish().unwrap(), &Options::default()).unwrap();
    assert!(article.text.contains("Straßenbahn"), "{}", article.text);
    let mut bom = vec![0xef, 0xbb, 0xbf];
    bom.extend_from_slice(text.as_bytes());
    let article = extract_text_bytes(&bom, &Options::default()).unwrap();
    assert_eq!(article.title.as_deref(), Some("Ministerin besucht Köln"));
}

#[test]
fn empty_and_blank_inputs() {
    for text in ["", "\n\n\n", "   \n\t\n", "date 2024-01-01 Example.com\n"] {
        let article = extract_text(text, &Options::default());
        assert!(article.blocks.is_empty(), "{text:?}: {:?}", article.blocks);
    }
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Every body block's text is a piece of one input line, in input order, one block per
    /// line at most (cells of a column layout aside, which share a line).
    fn is_subsequence(article: &Article, input: &str) -> bool {
        let lines: Vec<&str> = input.split('\n').collect();
        let mut at = 0;
        for block in &article.blocks {
            let Some(text) = block.plain_text() else {
                return false;
            };
            let text = text.trim();
            match lines[at..].iter().position(|l| l.contains(text)) {
                Some(offset) => at += offset,
                None => return false,
            }
        }
        true
    }

    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            "[A-Z][a-z]{2,9}( [a-z]{1,9}){0,30}[.!?]?",
            "(Home|World|Sport|News)( \\| (Home|World|Sport|News)){0,6}",
            "(By|Von|Par) [A-Z][a-z]+ [A-Z][a-z]+( \\| [0-9]{1,2} (January|März|mai) 20[0-9]{2})?",
            "[0-9]{1,2} (hours|minutes) ago",
            "(Related Topics|Recent Stories|More Stories From World|Tags:.*|Comments)",
            " {0,40}\\* [A-Za-z ]{0,40}",
            "[A-Z]{3,10} \\((Reuters|AP|AFP)\\) - [A-Za-z ,]{0,80}\\.",
            "\\PC{0,120}",
            "date 20[0-9]{2}-[01][0-9]-[0-3][0-9] [A-Za-z]+\\.com",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn any_text_extracts_a_subsequence(lines in proptest::collection::vec(line(), 0..60)) {
            let input = lines.join("\n");
            let started = std::time::Instant::now();
            let article = extract_text(&input, &Options::default());
            prop_assert!(started.elapsed() < std::time::Duration::from_secs(2));
            // Paragraphs are joined by a blank line: a body of every input line is at most
            // one byte per line break longer than the input.
            prop_assert!(article.text.len() <= input.len() + input.matches('\n').count());
            prop_assert!(is_subsequence(&article, &input), "body {:?} of {:?}", article.blocks, input);
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4000)) {
            let _ = extract_text_bytes(&bytes, &Options::default());
        }
    }

    #[test]
    fn huge_input_stays_bounded() {
        let mut input = String::new();
        for n in 0..20_000 {
            input.push_str(&format!("Line {n} of a long list | Home | World\n"));
            if n % 7 == 0 {
                input.push_str("The council said on Tuesday that the works would go on for another year at least.\n\n");
            }
        }
        let started = std::time::Instant::now();
        let article = extract_text(&input, &Options::default());
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert!(is_subsequence(&article, &input));
    }
}
