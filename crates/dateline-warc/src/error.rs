//! Errors for one record or one stretch of a file; the reader goes on after each.

use std::io;

/// A problem at `offset` in the archive (the gzip member's or zstd frame's offset for
/// compressed files).
#[derive(Debug, thiserror::Error)]
#[error("offset {offset}: {kind}")]
pub struct ReadError {
    /// Byte offset in the file where the bad record or member starts.
    pub offset: u64,
    /// What went wrong.
    pub kind: ErrorKind,
}

/// What went wrong at an offset.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    /// The file starts with none of a gzip header, a zstd frame and a `WARC/` version line.
    #[error("not a WARC file (starts with neither gzip nor zstd magic nor `WARC/`)")]
    NotWarc,
    /// Bytes where a zstd frame should start.
    #[error("expected a zstd frame, found other bytes")]
    NotZstd,
    /// The zstd frame is corrupt or cut short.
    #[error("corrupt or truncated zstd frame: {0}")]
    Zstd(io::Error),
    /// The zstd dictionary is missing, too large or unreadable. At offset 0 the file is
    /// refused when opened; at a frame, that frame needs a dictionary the file lacks.
    #[error("zstd dictionary: {0}")]
    Dictionary(String),
    /// Bytes where a gzip member should start.
    #[error("expected a gzip member, found other bytes")]
    NotGzip,
    /// The gzip member is corrupt or cut short.
    #[error("corrupt or truncated gzip member: {0}")]
    Gzip(io::Error),
    /// Bytes where a record should start.
    #[error("garbage where a WARC record should start: {0:?}")]
    Garbage(String),
    /// The record's header block is malformed.
    #[error("malformed WARC header: {0}")]
    Header(String),
    /// The record ends before its `Content-Length`.
    #[error("record truncated: Content-Length {expected}, only {got} bytes")]
    Truncated {
        /// Declared length.
        expected: u64,
        /// Bytes present.
        got: u64,
    },
    /// The record's block is larger than [`crate::Limits::max_block_bytes`]; it was skipped.
    #[error("record of {0} bytes is over the size limit; skipped")]
    TooLarge(u64),
    /// Reading the file failed.
    #[error("I/O error: {0}")]
    Io(io::Error),
}

impl ReadError {
    pub(crate) fn new(offset: u64, kind: ErrorKind) -> Self {
        ReadError { offset, kind }
    }
}
