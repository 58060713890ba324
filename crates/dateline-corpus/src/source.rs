//! Reading one input into work items, in input order, on the reader thread.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use dateline_warc::{HttpResponse, WarcReader};
use serde::Deserialize;

use crate::input::{Input, InputKind, page_files};
use crate::provenance::{Provenance, http_date_to_iso};

/// What the reader hands to the workers for one record.
pub(crate) enum Payload {
    /// HTML bytes (`bytes[start..]`) and the Content-Type they came with.
    Html {
        /// The page, after `start` bytes that are not part of it: a WARC record's block is
        /// passed on whole with its HTTP head, rather than its body copied out.
        bytes: Vec<u8>,
        start: usize,
        content_type: Option<String>,
    },
    /// Plain text given as such (a `.txt` page, a JSONL `text` field).
    Text(String),
    /// A record that is not a page; the reason is a `skipped` key in the stats.
    Skip(&'static str),
    /// A record or input that could not be read; the message names file and offset.
    Error(String),
}

/// One record of an input.
pub(crate) struct Item {
    /// The path, or `path#line`, that identifies a non-WARC record.
    pub source: String,
    pub prov: Provenance,
    pub payload: Payload,
}

impl Item {
    fn error(source: &str, message: String) -> Self {
        Item {
            source: source.to_string(),
            prov: Provenance::default(),
            payload: Payload::Error(message),
        }
    }

    /// The bytes of page this item holds in memory.
    pub(crate) fn payload_bytes(&self) -> usize {
        match &self.payload {
            Payload::Html { bytes, .. } => bytes.len(),
            Payload::Text(text) => text.len(),
            Payload::Skip(_) | Payload::Error(_) => 0,
        }
    }
}

const READ_BUFFER: usize = 256 * 1024;

/// Reads `input` and calls `emit` for each record in order; stops early when `emit` returns
/// `false` (the run is shutting down).
pub(crate) fn read_input(input: &Input, max_bytes: usize, emit: &mut dyn FnMut(Item) -> bool) {
    let display = input.path.display().to_string();
    match input.kind {
        InputKind::Unreadable => {
            let why = if input.path.exists() {
                "not a file or directory that can be read"
            } else {
                "no such file or directory"
            };
            emit(Item::error(&display, format!("{display}: {why}")));
        }
        InputKind::Warc => read_warc(&input.path, &display, max_bytes, emit),
        InputKind::Pages => read_pages(&input.path, &display, max_bytes, emit),
        InputKind::Jsonl => read_jsonl(&input.path, &display, max_bytes, emit),
    }
}

fn read_warc(path: &Path, display: &str, max_bytes: usize, emit: &mut dyn FnMut(Item) -> bool) {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            emit(Item::error(display, format!("{display}: {e}")));
            return;
        }
    };
    let limits = dateline_warc::Limits {
        max_block_bytes: max_bytes as u64,
        ..dateline_warc::Limits::default()
    };
    let reader = match WarcReader::with_limits(BufReader::with_capacity(READ_BUFFER, file), limits)
    {
        Ok(r) => r,
        Err(e) => {
            emit(Item::error(display, format!("{display}: {e}")));
            return;
        }
    };
    for record in reader {
        let item = match record {
            Ok(record) => warc_item(record, display),
            Err(e) => Item::error(display, format!("{display}: {e}")),
        };
        if !emit(item) {
            return;
        }
    }
}

fn warc_item(record: dateline_warc::Record, display: &str) -> Item {
    let mut prov = Provenance {
        warc_file: Some(display.to_string()),
        warc_record_id: record.record_id().map(str::to_string),
        warc_offset: Some(record.offset),
        warc_date: record.date().map(str::to_string),
        url: record.target_uri().map(str::to_string),
        fetched_at: None,
    };
    let source = format!("{display}@{}", record.offset);
    let skip = |prov, reason| Item {
        source: source.clone(),
        prov,
        payload: Payload::Skip(reason),
    };
    match record.record_type() {
        Some("response") => {}
        Some("revisit") => return skip(prov, "revisit"),
        Some("request") => return skip(prov, "request"),
        Some("metadata") => return skip(prov, "metadata"),
        Some("warcinfo") => return skip(prov, "warcinfo"),
        _ => return skip(prov, "other_record_type"),
    }
    let http = match HttpResponse::parse(&record.block) {
        Ok(h) => h,
        Err(e) => {
            let offset = record.offset;
            return Item {
                source: source.clone(),
                prov,
                payload: Payload::Error(format!("{display}: offset {offset}: {e}")),
            };
        }
    };
    prov.fetched_at = http
        .date
        .as_deref()
        .and_then(http_date_to_iso)
        .or_else(|| prov.warc_date.clone());
    if http.status != 200 {
        return skip(prov, "non_200");
    }
    if !http.is_html() {
        return skip(prov, "non_html");
    }
    let dechunked = if http
        .transfer_encoding
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("chunked"))
    {
        dechunk(http.body)
    } else {
        None
    };
    if http
        .content_encoding
        .as_deref()
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "br" | "zstd" | "deflate"))
    {
        // gzip is decoded by the extractor; these encodings are not.
        return skip(prov, "encoded_payload");
    }
    // The body is the end of the block.
    let head_len = record.block.len() - http.body.len();
    let content_type = http.content_type;
    let (bytes, start) = match dechunked {
        Some(body) => (body, 0),
        None => (record.block, head_len),
    };
    Item {
        source,
        prov,
        payload: Payload::Html {
            bytes,
            start,
            content_type,
        },
    }
}

/// Undoes HTTP chunked transfer coding; `None` when the body is not validly chunked (crawlers
/// often store it de-chunked while keeping the header).
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = memchr_newline(body)?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        if body.len() < size {
            return None;
        }
        out.extend_from_slice(&body[..size]);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))?;
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

fn read_pages(dir: &Path, display: &str, max_bytes: usize, emit: &mut dyn FnMut(Item) -> bool) {
    let files = match page_files(dir) {
        Ok(f) => f,
        Err(e) => {
            emit(Item::error(display, format!("{display}: {e}")));
            return;
        }
    };
    for file in files {
        let source = file.display().to_string();
        let read = File::open(&file).and_then(|f| {
            let mut bytes = Vec::new();
            f.take(max_bytes as u64 + 1).read_to_end(&mut bytes)?;
            Ok(bytes)
        });
        let payload = match read {
            Err(e) => Payload::Error(format!("{source}: {e}")),
            Ok(bytes) if bytes.len() > max_bytes => Payload::Skip("too_large"),
            Ok(bytes) if source.ends_with(".txt") => {
                Payload::Text(String::from_utf8_lossy(&bytes).into_owned())
            }
            Ok(bytes) => Payload::Html {
                bytes,
                start: 0,
                content_type: None,
            },
        };
        let item = Item {
            source,
            prov: Provenance::default(),
            payload,
        };
        if !emit(item) {
            return;
        }
    }
}

#[derive(Deserialize)]
struct JsonlPage {
    html: Option<String>,
    text: Option<String>,
    url: Option<String>,
    id: Option<serde_json::Value>,
}

fn read_jsonl(path: &Path, display: &str, max_bytes: usize, emit: &mut dyn FnMut(Item) -> bool) {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            emit(Item::error(display, format!("{display}: {e}")));
            return;
        }
    };
    let mut reader: Box<dyn BufRead> = if display.ends_with(".gz") {
        Box::new(BufReader::with_capacity(
            READ_BUFFER,
            flate2::read::MultiGzDecoder::new(BufReader::new(file)),
        ))
    } else {
        Box::new(BufReader::with_capacity(READ_BUFFER, file))
    };
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        number += 1;
        line.clear();
        let read = reader
            .by_ref()
            .take(max_bytes as u64 + 1)
            .read_until(b'\n', &mut line);
        let source = format!("{display}#{number}");
        let payload = match read {
            Ok(0) => return,
            Err(e) => {
                emit(Item::error(
                    &source,
                    format!("{display}: line {number}: {e}"),
                ));
                return;
            }
            Ok(_) if line.len() > max_bytes => {
                // Skip the rest of the over-long line.
                let mut sink = Vec::new();
                while reader
                    .by_ref()
                    .take(1 << 20)
                    .read_until(b'\n', &mut sink)
                    .is_ok_and(|n| n > 0)
                    && !sink.ends_with(b"\n")
                {
                    sink.clear();
                }
                Payload::Skip("too_large")
            }
            Ok(_) if line.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(_) => match serde_json::from_slice::<JsonlPage>(&line) {
                Err(e) => Payload::Error(format!("{display}: line {number}: {e}")),
                Ok(page) => {
                    let source = match &page.id {
                        Some(serde_json::Value::String(s)) => s.clone(),
                        Some(v) => v.to_string(),
                        None => source.clone(),
                    };
                    let prov = Provenance {
                        url: page.url,
                        ..Provenance::default()
                    };
                    let payload = match (page.html, page.text) {
                        (Some(html), _) => Payload::Html {
                            bytes: html.into_bytes(),
                            start: 0,
                            content_type: Some("text/html; charset=utf-8".into()),
                        },
                        (None, Some(text)) => Payload::Text(text),
                        (None, None) => Payload::Error(format!(
                            "{display}: line {number}: neither `html` nor `text`"
                        )),
                    };
                    if !emit(Item {
                        source,
                        prov,
                        payload,
                    }) {
                        return;
                    }
                    continue;
                }
            },
        };
        if !emit(Item {
            source,
            prov: Provenance::default(),
            payload,
        }) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::dechunk;

    #[test]
    fn chunked_body_is_joined() {
        assert_eq!(
            dechunk(b"4\r\n<p>a\r\n5;x=1\r\n</p>\n\r\n0\r\n\r\n").as_deref(),
            Some(&b"<p>a</p>\n"[..])
        );
    }

    #[test]
    fn body_that_is_not_chunked_is_refused() {
        assert_eq!(dechunk(b"<html><body>hi</body></html>"), None);
    }
}
