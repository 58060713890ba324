//! WARC records built for the tests.
#![allow(dead_code)]

use std::io::Write;

/// One WARC record of `kind` for `https://{host}/{id}` dated `date`, holding `body`.
pub fn warc_record(id: u32, kind: &str, host: &str, date: &str, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    write!(
        out,
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Target-URI: https://{host}/{id}\r\nWARC-Date: {date}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap_or_default();
    out.extend_from_slice(body);
    out.extend_from_slice(b"\r\n\r\n");
    out
}
