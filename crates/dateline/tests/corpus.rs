//! `dateline corpus` end to end: exit codes, the summary, and a run killed midway and rerun.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use tempfile::TempDir;

const SENTENCES: [&str; 6] = [
    "The lighthouse keeper of Gullrock logged {n} ships passing the point before dawn.",
    "A storm in week {n} tore the slates off the chapel roof and flooded the lower lane.",
    "Fishermen landed {n} crates of mackerel at the harbour market on the same morning.",
    "The ferry timetable was changed for the {n}th time this year after a vote in the hall.",
    "Pupils of the village school planted {n} oak saplings along the cliff path in spring.",
    "The parish council promised {n} new benches for the promenade by the end of summer.",
];

/// A page whose body differs with `n` (numbers in every sentence change the shingles).
fn page(n: usize) -> String {
    let mut body = String::new();
    for round in 0..4 {
        body.push_str("<p>");
        for s in SENTENCES {
            body.push_str(&s.replace("{n}", &format!("{}", n * 7 + round * 1000 + 13)));
            body.push(' ');
        }
        body.push_str("</p>");
    }
    format!(
        "<html lang=\"en\"><head><title>Gullrock notes {n}</title></head><body><nav>Home</nav>\
         <article><h1>Gullrock notes {n}</h1>{body}</article><footer>Gullrock Gazette</footer>\
         </body></html>"
    )
}

/// A plain WARC of `pages` responses starting at page number `first`.
fn write_warc(path: &Path, first: usize, pages: usize) {
    let mut out = Vec::new();
    for n in first..first + pages {
        let html = page(n);
        let http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
        write!(
            out,
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:page-{n}>\r\n\
             WARC-Target-URI: https://gullrock.example/notes/{n}\r\n\
             WARC-Date: 2024-08-05T10:00:00Z\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        )
        .unwrap();
    }
    std::fs::write(path, out).unwrap();
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_dateline"))
}

fn shards(dir: &TempDir, count: usize) -> Vec<String> {
    (0..count)
        .map(|i| {
            let path = dir.path().join(format!("crawl-{i:02}.warc"));
            // Every third shard repeats the pages of the one before: cross-shard duplicates.
            let first = if i % 3 == 2 { (i - 1) * 4 } else { i * 4 };
            write_warc(&path, first, 4);
            path.display().to_string()
        })
        .collect()
}

#[test]
fn corpus_writes_shards_and_a_summary() {
    let dir = TempDir::new().unwrap();
    let inputs = shards(&dir, 2);
    let out = dir.path().join("out");
    let assert = Command::new(bin())
        .args(["corpus", "-j", "2", "--out"])
        .arg(&out)
        .args(&inputs)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("8 records read"), "{stderr}");
    assert!(out.join("articles-00000.jsonl.zst").exists());
    assert!(out.join("articles-00001.jsonl.zst").exists());
    assert!(out.join("stats.json").exists());
}

// Bad records are counted, not fatal; a run where nothing at all could be read fails.
#[test]
fn corpus_fails_only_when_nothing_could_be_read() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    let missing = dir.path().join("nowhere.warc.gz");
    let assert = Command::new(bin())
        .args(["corpus", "--quiet", "--out"])
        .arg(&out)
        .arg(&missing)
        .assert()
        .failure()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("no input could be read"), "{stderr}");

    let inputs = shards(&dir, 1);
    Command::new(bin())
        .args(["corpus", "--quiet", "--out"])
        .arg(dir.path().join("out2"))
        .arg(&missing)
        .args(&inputs)
        .assert()
        .success();
}

fn finished_shards(out: &Path) -> usize {
    std::fs::read(out.join("manifest.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|m| m["shards"].as_array().map(Vec::len))
        .unwrap_or(0)
}

// The process is killed (SIGKILL) once some shards are finished; the rerun must produce the
// same shard files as a run that was never interrupted.
#[test]
fn killed_corpus_run_resumes_to_the_same_output() {
    let dir = TempDir::new().unwrap();
    let inputs = shards(&dir, 12);
    let whole = dir.path().join("whole");
    Command::new(bin())
        .args(["corpus", "--quiet", "-j", "1", "--format", "both", "--out"])
        .arg(&whole)
        .args(&inputs)
        .assert()
        .success();

    let killed = dir.path().join("killed");
    let mut child = std::process::Command::new(bin())
        .args(["corpus", "--quiet", "-j", "1", "--format", "both", "--out"])
        .arg(&killed)
        .args(&inputs)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while finished_shards(&killed) < 2 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let done = finished_shards(&killed);
    assert!(done >= 2, "the run never finished a shard");
    if done < 12 {
        assert!(!killed.join("stats.json").exists());
    }

    Command::new(bin())
        .args(["corpus", "--quiet", "-j", "2", "--format", "both", "--out"])
        .arg(&killed)
        .args(&inputs)
        .assert()
        .success();
    for i in 0..12 {
        for ext in ["jsonl.zst", "parquet"] {
            let name = format!("articles-{i:05}.{ext}");
            assert_eq!(
                std::fs::read(whole.join(&name)).unwrap(),
                std::fs::read(killed.join(&name)).unwrap(),
                "{name} differs after resume"
            );
        }
    }
    assert_eq!(
        std::fs::read(whole.join("clusters.jsonl")).unwrap(),
        std::fs::read(killed.join("clusters.jsonl")).unwrap()
    );
    let stats: serde_json::Value =
        serde_json::from_slice(&std::fs::read(killed.join("stats.json")).unwrap()).unwrap();
    assert_eq!(stats["records_read"], 48);
    assert!(stats["exact_duplicates"].as_u64().unwrap() >= 12);
}
