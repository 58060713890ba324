//! Streaming reader for WARC archives (ISO 28500, WARC/1.0 and 1.1) as crawls such as
//! Common Crawl's CC-NEWS publish them, and a lenient HTTP response parser for the
//! payloads.
//!
//! - [`WarcReader`] reads `.warc`, `.warc.gz` (one gzip member per record, or any member
//!   layout) and `.warc.zst` (one zstd frame per record after an optional dictionary frame,
//!   the IIPC convention Common Crawl writes) from any `BufRead + Seek`, one [`Record`] at a
//!   time in constant memory, with the byte offset of each record (of its gzip member or
//!   zstd frame when compressed, as CDX indexes give it). The storage is detected from the
//!   first bytes.
//! - A corrupt or truncated record is reported as a [`ReadError`] naming its offset, and
//!   reading goes on at the next gzip member, zstd frame or `WARC/` version line.
//! - [`HttpResponse::parse`] reads the status, `Content-Type` (with charset) and `Date` of a
//!   `response` record's HTTP block with `httparse`, tolerating the header damage found in
//!   real crawls.
//!
//! ```
//! use std::io::Cursor;
//! use dateline_warc::{HttpResponse, WarcReader};
//!
//! let http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p>";
//! let mut warc = Vec::new();
//! warc.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n");
//! warc.extend_from_slice(format!("Content-Length: {}\r\n\r\n", http.len()).as_bytes());
//! warc.extend_from_slice(http);
//! warc.extend_from_slice(b"\r\n\r\n");
//!
//! let mut reader = WarcReader::new(Cursor::new(warc)).unwrap();
//! let record = reader.next().unwrap().unwrap();
//! assert_eq!(record.record_type(), Some("response"));
//! let response = HttpResponse::parse(&record.block).unwrap();
//! assert_eq!(response.status, 200);
//! assert_eq!(response.body, b"<p>Hi</p>");
//! assert!(reader.next().is_none());
//! ```

#![forbid(unsafe_code)]

mod counting;
mod error;
mod http;
mod reader;
mod record;
mod zstd_frames;

pub use error::{ErrorKind, ReadError};
pub use http::{HttpError, HttpResponse};
pub use reader::{Compression, Limits, WarcReader};
pub use record::{Headers, Record};
pub use zstd_frames::MAX_DICTIONARY_BYTES;
