//! What the user named on the command line, expanded to single pages, and how to read one.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};

/// One page to extract.
#[derive(Debug, Clone)]
pub enum Input {
    Stdin,
    File(PathBuf),
    Url(String),
}

impl Input {
    /// How the page is named in output (`source`) and messages.
    pub fn source(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(path) => path.display().to_string(),
            Input::Url(url) => url.clone(),
        }
    }

    /// File name without `.html`/`.htm`/`.gz`, for per-input output files.
    pub fn stem(&self, index: usize) -> String {
        let name = match self {
            Input::File(path) => path.file_name().map(|n| n.to_string_lossy().into_owned()),
            Input::Url(url) => url.rsplit('/').find(|s| !s.is_empty()).map(str::to_string),
            Input::Stdin => None,
        };
        let name = name.unwrap_or_else(|| format!("input-{index}"));
        let mut stem = name.as_str();
        for suffix in [".gz", ".html", ".htm", ".txt"] {
            stem = stem.strip_suffix(suffix).unwrap_or(stem);
        }
        let cleaned: String = stem
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || "-_.".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if cleaned.is_empty() {
            format!("input-{index}")
        } else {
            cleaned
        }
    }
}

/// Expands directories (recursively, sorted) into their page files. Names that do not exist
/// stay as they are, so that reading them reports the problem for that input alone.
pub fn expand(args: &[String]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg == "-" {
            inputs.push(Input::Stdin);
        } else if arg.starts_with("http://") || arg.starts_with("https://") {
            inputs.push(Input::Url(arg.clone()));
        } else {
            let path = PathBuf::from(arg);
            if path.is_dir() {
                let mut found = Vec::new();
                walk_dir(&path, &mut found);
                found.sort();
                if found.is_empty() {
                    eprintln!(
                        "dateline: warning: {}: no *.html, *.htm, *.txt or *.gz of them",
                        path.display()
                    );
                }
                inputs.extend(found.into_iter().map(Input::File));
            } else {
                inputs.push(Input::File(path));
            }
        }
    }
    inputs
}

fn walk_dir(dir: &Path, found: &mut Vec<PathBuf>) {
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) => {
                eprintln!(
                    "dateline: warning: {}: cannot list directory: {error}",
                    dir.display()
                );
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // file_type does not follow symlinks, so a link loop cannot trap the walk.
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                pending.push(path);
            } else if is_page_name(&path) {
                found.push(path);
            }
        }
    }
}

fn is_page_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".txt")
}

/// A page's raw bytes and, for URLs, the HTTP content type and final URL.
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    pub url: Option<String>,
}

/// Reads one input, never more than `max_bytes` (+1 to detect the excess).
pub fn read(input: &Input, max_bytes: usize, timeout: Duration) -> anyhow::Result<Fetched> {
    match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(max_bytes as u64 + 1)
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            check_size(bytes.len(), max_bytes)?;
            Ok(Fetched {
                bytes,
                content_type: None,
                url: None,
            })
        }
        Input::File(path) => {
            let file = std::fs::File::open(path)
                .with_context(|| format!("cannot open {}", path.display()))?;
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                bail!("{} is a directory", path.display());
            }
            let mut bytes = Vec::new();
            file.take(max_bytes as u64 + 1)
                .read_to_end(&mut bytes)
                .with_context(|| format!("cannot read {}", path.display()))?;
            check_size(bytes.len(), max_bytes)?;
            Ok(Fetched {
                bytes,
                content_type: None,
                url: None,
            })
        }
        Input::Url(url) => fetch(url, max_bytes, timeout),
    }
}

fn check_size(len: usize, max_bytes: usize) -> anyhow::Result<()> {
    if len > max_bytes {
        bail!("input is over the limit of {max_bytes} bytes (raise it with --max-input-bytes)");
    }
    Ok(())
}

fn fetch(url: &str, max_bytes: usize, timeout: Duration) -> anyhow::Result<Fetched> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_redirects(10)
        .user_agent(concat!("dateline/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .call()
        .with_context(|| format!("cannot fetch {url}"))?;
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let bytes = response
        .body_mut()
        .with_config()
        .limit(max_bytes as u64)
        .read_to_vec()
        .with_context(|| format!("cannot read the body of {url} (limit {max_bytes} bytes)"))?;
    Ok(Fetched {
        bytes,
        content_type,
        url: Some(url.to_string()),
    })
}
