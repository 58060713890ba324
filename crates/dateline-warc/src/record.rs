//! One WARC record: named headers and the content block.

/// WARC named fields in file order; names compare case-insensitively.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headers(pub Vec<(String, String)>);

impl Headers {
    /// The first value of `name`, compared case-insensitively.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One WARC record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Byte offset of the record in the file: of its gzip member or zstd frame when
    /// compressed.
    pub offset: u64,
    /// The version line, e.g. `WARC/1.0`.
    pub version: String,
    /// The named fields.
    pub headers: Headers,
    /// The content block (`Content-Length` bytes): for a `response`, the HTTP message.
    pub block: Vec<u8>,
}

impl Record {
    /// `WARC-Type`: `response`, `request`, `revisit`, `metadata`, `warcinfo`, ...
    pub fn record_type(&self) -> Option<&str> {
        self.headers.get("WARC-Type")
    }

    /// `WARC-Record-ID`, e.g. `<urn:uuid:...>`.
    pub fn record_id(&self) -> Option<&str> {
        self.headers.get("WARC-Record-ID")
    }

    /// `WARC-Target-URI`, without the angle brackets some writers put around it.
    pub fn target_uri(&self) -> Option<&str> {
        self.headers
            .get("WARC-Target-URI")
            .map(|u| u.trim_start_matches('<').trim_end_matches('>'))
    }

    /// `WARC-Date`: when the record was captured (ISO 8601).
    pub fn date(&self) -> Option<&str> {
        self.headers.get("WARC-Date")
    }

    /// `Content-Type` of the block, e.g. `application/http; msgtype=response`.
    pub fn content_type(&self) -> Option<&str> {
        self.headers.get("Content-Type")
    }
}
