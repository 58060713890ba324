//! Turning command-line inputs into an ordered list of shards.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// What kind of input a shard reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// A `.warc`, `.warc.gz` or `.warc.zst` archive.
    Warc,
    /// A directory of pages (`.html`, `.htm`, `.html.gz`, `.txt`), walked in name order.
    Pages,
    /// JSON Lines with an `html` or `text` field and optional `url`.
    Jsonl,
    /// A path that does not exist or cannot be classified; the shard reports the error.
    Unreadable,
}

/// One unit of work: one input read into one output shard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input {
    /// The path as given (or as found under a given directory).
    pub path: PathBuf,
    /// How it is read.
    pub kind: InputKind,
}

fn is_warc(name: &str) -> bool {
    name.ends_with(".warc") || name.ends_with(".warc.gz") || name.ends_with(".warc.zst")
}

fn is_jsonl(name: &str) -> bool {
    name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") || name.ends_with(".ndjson")
}

pub(crate) fn is_page(name: &str) -> bool {
    [".html", ".htm", ".html.gz", ".htm.gz", ".xhtml", ".txt"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Expands inputs into shards, in the order given: a WARC or JSONL file is one shard; a
/// directory holding WARC or JSONL files (at its top level) gives one shard per such file in
/// name order, else it is one shard of pages; a glob pattern (`*`, `?`, `[`) expands in name
/// order. A missing path stays in the list as [`InputKind::Unreadable`], so that the shard
/// numbering does not depend on which files happen to exist.
pub fn expand_inputs(args: &[String]) -> Vec<Input> {
    let mut out = Vec::new();
    for arg in args {
        if arg.contains(['*', '?', '[']) && !Path::new(arg).exists() {
            let mut matched: Vec<PathBuf> = glob::glob(arg)
                .map(|paths| paths.filter_map(Result::ok).collect())
                .unwrap_or_default();
            matched.sort();
            if matched.is_empty() {
                out.push(Input {
                    path: PathBuf::from(arg),
                    kind: InputKind::Unreadable,
                });
            }
            for path in matched {
                push_path(path, &mut out);
            }
        } else {
            push_path(PathBuf::from(arg), &mut out);
        }
    }
    out
}

fn push_path(path: PathBuf, out: &mut Vec<Input>) {
    if path.is_dir() {
        let mut archives: Vec<PathBuf> = std::fs::read_dir(&path)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_file() && (is_warc(&file_name(p)) || is_jsonl(&file_name(p))))
                    .collect()
            })
            .unwrap_or_default();
        if archives.is_empty() {
            out.push(Input {
                path,
                kind: InputKind::Pages,
            });
        } else {
            archives.sort();
            out.extend(archives.into_iter().map(classify));
        }
    } else {
        out.push(classify(path));
    }
}

fn classify(path: PathBuf) -> Input {
    let name = file_name(&path);
    let kind = if !path.is_file() {
        InputKind::Unreadable
    } else if is_jsonl(&name) {
        InputKind::Jsonl
    } else {
        // Anything else given by name is tried as an archive; a file that is not one is
        // reported as such by the reader.
        InputKind::Warc
    };
    Input { path, kind }
}

/// The files of a pages directory, recursively, in path order.
pub(crate) fn page_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if is_page(&file_name(&path)) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}
