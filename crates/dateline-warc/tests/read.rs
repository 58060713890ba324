//! Reading archives built here: plain and per-record gzip, offsets, and every kind of damage.
#![allow(clippy::unwrap_used, missing_docs)]

mod support;

use std::io::{Cursor, Write};

use dateline_warc::{ErrorKind, HttpResponse, Limits, ReadError, Record, WarcReader};
use flate2::Compression;
use flate2::write::GzEncoder;

fn record(id: u32, kind: &str, body: &[u8]) -> Vec<u8> {
    support::warc_record(
        id,
        kind,
        "news.example",
        &format!("2024-08-05T00:00:0{id}Z"),
        body,
    )
}

fn page(id: u32) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Story number {id} \
         told at length by the harbour office.</p></body></html>"
    )
    .into_bytes()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// Per-record gzip; returns the file and the member offsets.
fn gzip_file(records: &[Vec<u8>]) -> (Vec<u8>, Vec<u64>) {
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for r in records {
        offsets.push(file.len() as u64);
        file.extend_from_slice(&gzip(r));
    }
    (file, offsets)
}

fn read_all(bytes: Vec<u8>) -> (Vec<Record>, Vec<ReadError>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for item in WarcReader::new(Cursor::new(bytes)).unwrap() {
        match item {
            Ok(r) => ok.push(r),
            Err(e) => bad.push(e),
        }
    }
    (ok, bad)
}

fn ids(records: &[Record]) -> Vec<&str> {
    records.iter().map(|r| r.record_id().unwrap()).collect()
}

#[test]
fn plain_records_come_with_their_offsets() {
    let a = record(1, "warcinfo", b"software: test");
    let b = record(2, "response", &page(2));
    let mut file = a.clone();
    file.extend_from_slice(&b);
    let (ok, bad) = read_all(file);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ids(&ok), ["<urn:uuid:1>", "<urn:uuid:2>"]);
    assert_eq!(ok[0].offset, 0);
    assert_eq!(ok[1].offset, a.len() as u64);
    assert_eq!(ok[1].record_type(), Some("response"));
    assert_eq!(ok[1].target_uri(), Some("https://news.example/2"));
    let http = HttpResponse::parse(&ok[1].block).unwrap();
    assert_eq!(http.status, 200);
}

#[test]
fn gzip_members_give_member_offsets() {
    let records: Vec<_> = (1..=3).map(|i| record(i, "response", &page(i))).collect();
    let (file, offsets) = gzip_file(&records);
    let (ok, bad) = read_all(file);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ok.iter().map(|r| r.offset).collect::<Vec<_>>(), offsets);
    assert_eq!(ok[2].block, page(3));
}

// A gzip member starting in the last byte of the read buffer was taken for junk (the buffer
// held only `1f`, not the whole magic), and its record was lost; found on a 1 GB corpus at
// offsets one byte before a 256 KiB boundary.
#[test]
fn members_across_read_buffer_boundaries_are_all_read() {
    let records: Vec<_> = (1..=6).map(|i| record(i, "response", &page(i))).collect();
    let (file, offsets) = gzip_file(&records);
    for capacity in 8..64 {
        let reader = std::io::BufReader::with_capacity(capacity, Cursor::new(file.clone()));
        let items: Vec<_> = WarcReader::new(reader).unwrap().collect();
        let read: Vec<u64> = items.iter().map(|r| r.as_ref().unwrap().offset).collect();
        assert_eq!(read, offsets, "buffer capacity {capacity}");
    }
}

#[test]
fn whole_file_gzip_reads_every_record() {
    let mut plain = Vec::new();
    for i in 1..=3 {
        plain.extend_from_slice(&record(i, "response", &page(i)));
    }
    let (ok, bad) = read_all(gzip(&plain));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ok.len(), 3);
}

// A download cut short inside the last gzip member: the earlier records are kept and the
// error names the member's offset.
#[test]
fn truncated_gzip_keeps_earlier_records() {
    let records: Vec<_> = (1..=3).map(|i| record(i, "response", &page(i))).collect();
    let (mut file, offsets) = gzip_file(&records);
    file.truncate(file.len() - 30);
    let (ok, bad) = read_all(file);
    assert_eq!(ids(&ok), ["<urn:uuid:1>", "<urn:uuid:2>"]);
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0].offset, offsets[2]);
}

// Bytes flipped inside one member's deflate data: that record is reported and the records
// after it are still read.
#[test]
fn corrupt_member_is_skipped_and_reading_goes_on() {
    let records: Vec<_> = (1..=3).map(|i| record(i, "response", &page(i))).collect();
    let (mut file, offsets) = gzip_file(&records);
    let start = offsets[1] as usize + 20;
    for b in &mut file[start..start + 12] {
        *b ^= 0x5a;
    }
    let (ok, bad) = read_all(file);
    assert_eq!(ids(&ok), ["<urn:uuid:1>", "<urn:uuid:3>"]);
    assert!(!bad.is_empty());
    assert_eq!(bad[0].offset, offsets[1]);
}

// Junk bytes between two gzip members.
#[test]
fn garbage_between_members_is_reported() {
    let (first, _) = gzip_file(&[record(1, "response", &page(1))]);
    let (second, _) = gzip_file(&[record(2, "response", &page(2))]);
    let mut file = first.clone();
    file.extend_from_slice(b"this is not gzip at all");
    file.extend_from_slice(&second);
    let (ok, bad) = read_all(file);
    assert_eq!(ids(&ok), ["<urn:uuid:1>", "<urn:uuid:2>"]);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].offset, first.len() as u64);
    assert!(matches!(bad[0].kind, ErrorKind::NotGzip));
}

// A gzip member that holds something other than a WARC record.
#[test]
fn garbage_record_in_a_member_is_skipped() {
    let (mut file, _) = gzip_file(&[record(1, "response", &page(1))]);
    let junk_at = file.len() as u64;
    file.extend_from_slice(&gzip(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    file.extend_from_slice(&gzip(&record(3, "response", &page(3))));
    let (ok, bad) = read_all(file);
    assert_eq!(ids(&ok), ["<urn:uuid:1>", "<urn:uuid:3>"]);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].offset, junk_at);
    assert!(matches!(bad[0].kind, ErrorKind::Garbage(_)));
}

// Plain archive with junk lines between records, and a record without Content-Length.
#[test]
fn plain_garbage_and_bad_headers_resync_at_next_version_line() {
    let mut file = record(1, "response", &page(1));
    let junk_at = file.len() as u64;
    file.extend_from_slice(b"random junk line\nmore junk\n");
    file.extend_from_slice(&record(2, "response", &page(2)));
    let no_length_at = file.len() as u64;
    file.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\n\r\nbody without length\r\n\r\n");
    file.extend_from_slice(&record(3, "response", &page(3)));
    // One junk line right before a record: the record after it is not lost.
    let one_line_at = file.len() as u64;
    file.extend_from_slice(b"\x00\x01 one binary line\n");
    file.extend_from_slice(&record(4, "response", &page(4)));
    let (ok, bad) = read_all(file);
    assert_eq!(
        ids(&ok),
        [
            "<urn:uuid:1>",
            "<urn:uuid:2>",
            "<urn:uuid:3>",
            "<urn:uuid:4>"
        ]
    );
    assert_eq!(bad.len(), 3, "{bad:?}");
    assert_eq!(bad[2].offset, one_line_at);
    assert_eq!(bad[0].offset, junk_at);
    assert_eq!(bad[1].offset, no_length_at);
    assert!(matches!(bad[1].kind, ErrorKind::Header(_)));
}

#[test]
fn plain_record_cut_short_is_truncated() {
    let mut file = record(1, "response", &page(1));
    let cut_at = file.len() as u64;
    let second = record(2, "response", &page(2));
    file.extend_from_slice(&second[..second.len() - 40]);
    let (ok, bad) = read_all(file);
    assert_eq!(ids(&ok), ["<urn:uuid:1>"]);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].offset, cut_at);
    assert!(matches!(bad[0].kind, ErrorKind::Truncated { .. }));
}

#[test]
fn oversized_record_is_skipped_not_loaded() {
    let mut file = record(1, "response", &vec![b'x'; 5000]);
    file.extend_from_slice(&record(2, "response", &page(2)));
    let limits = Limits {
        max_block_bytes: 1000,
        ..Limits::default()
    };
    let items: Vec<_> = WarcReader::with_limits(Cursor::new(file), limits)
        .unwrap()
        .collect();
    assert!(matches!(
        items[0],
        Err(ReadError {
            kind: ErrorKind::TooLarge(5000),
            ..
        })
    ));
    assert_eq!(items[1].as_ref().unwrap().record_id(), Some("<urn:uuid:2>"));
}

#[test]
fn non_warc_file_is_refused_at_open() {
    let err = WarcReader::new(Cursor::new(b"<html>not an archive</html>".to_vec()))
        .err()
        .unwrap();
    assert_eq!(err.offset, 0);
    assert!(matches!(err.kind, ErrorKind::NotWarc));
}

#[test]
fn empty_file_has_no_records() {
    assert_eq!(WarcReader::new(Cursor::new(Vec::new())).unwrap().count(), 0);
}

// Empty gzip members one after another (20 bytes each) used to recurse once per member, so
// a small file of them overflowed the stack; they are now passed over in a loop.
#[test]
fn many_empty_members_do_not_exhaust_the_stack() {
    let empty = gzip(b"");
    let mut file = Vec::with_capacity(empty.len() * 100_000 + 1000);
    for _ in 0..100_000 {
        file.extend_from_slice(&empty);
    }
    let last_at = file.len() as u64;
    file.extend_from_slice(&gzip(&record(1, "response", &page(1))));
    let read = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || read_all(file))
        .unwrap()
        .join()
        .unwrap();
    let (ok, bad) = read;
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ok.len(), 1);
    assert_eq!(ok[0].offset, last_at);
}
