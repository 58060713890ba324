//! Reading `.warc.zst` archives built here: per-record frames with and without a dictionary
//! frame, frame offsets, and damage.
#![allow(clippy::unwrap_used, missing_docs)]

mod support;

use std::io::{Cursor, Write};

use dateline_warc::{Compression, ErrorKind, Limits, ReadError, Record, WarcReader};

fn record(id: u32, body: &[u8]) -> Vec<u8> {
    let date = format!("2025-03-0{}T08:00:00Z", id % 9 + 1);
    support::warc_record(id, "response", "tidewater.example", &date, body)
}

fn page(id: u32) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<!doctype html><html>\
         <head><title>Tidewater Gazette: report {id}</title></head><body><article><h1>Lock \
         keeper number {id} retires after {} seasons</h1><p>The canal trust thanked the keeper \
         for {} years of opening the gates at dawn.</p></article></body></html>",
        id * 3 % 40 + 2,
        id * 7 % 30 + 5
    )
    .into_bytes()
}

fn records(n: u32) -> Vec<Vec<u8>> {
    (1..=n).map(|i| record(i, &page(i))).collect()
}

/// One frame, with a checksum so that flipped bytes are always caught.
fn frame(bytes: &[u8], dictionary: &[u8]) -> Vec<u8> {
    let mut enc = zstd::stream::write::Encoder::with_dictionary(Vec::new(), 3, dictionary).unwrap();
    enc.include_checksum(true).unwrap();
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn skippable(magic: u32, payload: &[u8]) -> Vec<u8> {
    let mut out = magic.to_le_bytes().to_vec();
    out.extend_from_slice(&u32::try_from(payload.len()).unwrap().to_le_bytes());
    out.extend_from_slice(payload);
    out
}

const DICTIONARY_MAGIC: u32 = 0x184D_2A5D;

/// Per-record frames after `prefix` (a dictionary frame or nothing); returns the file and
/// the frame offsets.
fn zstd_file(prefix: &[u8], records: &[Vec<u8>], dictionary: &[u8]) -> (Vec<u8>, Vec<u64>) {
    let mut file = prefix.to_vec();
    let mut offsets = Vec::new();
    for r in records {
        offsets.push(file.len() as u64);
        file.extend_from_slice(&frame(r, dictionary));
    }
    (file, offsets)
}

/// A dictionary trained on records like the test's, as Common Crawl trains theirs; it has
/// a dictionary id that its frames name.
fn trained_dictionary() -> Vec<u8> {
    let samples: Vec<Vec<u8>> = (100..400).map(|i| record(i, &page(i))).collect();
    zstd::dict::from_samples(&samples, 4096).unwrap()
}

/// A raw-content dictionary: any bytes, no id.
fn raw_dictionary() -> Vec<u8> {
    let mut dictionary = record(0, &page(0));
    dictionary.extend_from_slice(b"Lock keeper number retires after seasons canal trust");
    dictionary
}

fn read_all(bytes: Vec<u8>) -> (Vec<Record>, Vec<ReadError>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    let reader = WarcReader::new(Cursor::new(bytes)).unwrap();
    assert_eq!(reader.compression(), Compression::Zstd);
    for item in reader {
        match item {
            Ok(r) => ok.push(r),
            Err(e) => bad.push(e),
        }
    }
    (ok, bad)
}

fn ids(records: &[Record]) -> Vec<String> {
    records
        .iter()
        .map(|r| r.record_id().unwrap().to_string())
        .collect()
}

fn offsets(records: &[Record]) -> Vec<u64> {
    records.iter().map(|r| r.offset).collect()
}

#[test]
fn frames_without_dictionary_give_frame_offsets() {
    let recs = records(4);
    let (file, frame_offsets) = zstd_file(&[], &recs, &[]);
    let (ok, bad) = read_all(file);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(offsets(&ok), frame_offsets);
    assert_eq!(frame_offsets[0], 0);
    assert_eq!(ok[3].block, page(4));
    assert_eq!(ok[3].target_uri(), Some("https://tidewater.example/4"));
}

#[test]
fn raw_dictionary_frame_is_used_for_the_frames_after_it() {
    let dictionary = raw_dictionary();
    let recs = records(3);
    // The frames really need the dictionary: without it they do not decode to the record.
    let first = frame(&recs[0], &dictionary);
    assert!(zstd::decode_all(&first[..]).map_or(true, |d| d != recs[0]));

    let prefix = skippable(DICTIONARY_MAGIC, &dictionary);
    let (file, frame_offsets) = zstd_file(&prefix, &recs, &dictionary);
    let (ok, bad) = read_all(file);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ids(&ok), ["<urn:uuid:1>", "<urn:uuid:2>", "<urn:uuid:3>"]);
    assert_eq!(offsets(&ok), frame_offsets);
    assert_eq!(frame_offsets[0], prefix.len() as u64);
    assert_eq!(ok[1].block, page(2));
}

// Common Crawl's layout: the dictionary frame's payload is itself a zstd frame.
#[test]
fn compressed_trained_dictionary_frame_is_decompressed_first() {
    let dictionary = trained_dictionary();
    assert!(zstd::zstd_safe::get_dict_id_from_dict(&dictionary).is_some());
    let recs = records(5);
    let prefix = skippable(
        DICTIONARY_MAGIC,
        &zstd::encode_all(&dictionary[..], 3).unwrap(),
    );
    let (file, frame_offsets) = zstd_file(&prefix, &recs, &dictionary);
    let (ok, bad) = read_all(file);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(offsets(&ok), frame_offsets);
    assert_eq!(
        ok.iter().map(|r| r.block.clone()).collect::<Vec<_>>(),
        (1..=5).map(page).collect::<Vec<_>>()
    );
}

// Frames and the dictionary frame starting anywhere in the read buffer, down to buffers
// smaller than a frame header.
#[test]
fn frames_across_read_buffer_boundaries_are_all_read() {
    let dictionary = raw_dictionary();
    let prefix = skippable(DICTIONARY_MAGIC, &dictionary);
    let (file, frame_offsets) = zstd_file(&prefix, &records(6), &dictionary);
    for capacity in 8..64 {
        let reader = std::io::BufReader::with_capacity(capacity, Cursor::new(file.clone()));
        let items: Vec<_> = WarcReader::new(reader).unwrap().collect();
        let read: Vec<u64> = items.iter().map(|r| r.as_ref().unwrap().offset).collect();
        assert_eq!(read, frame_offsets, "buffer capacity {capacity}");
    }
}

#[test]
fn corrupt_frame_is_reported_at_its_offset_and_reading_goes_on() {
    let dictionary = trained_dictionary();
    let prefix = skippable(DICTIONARY_MAGIC, &dictionary);
    let (mut file, frame_offsets) = zstd_file(&prefix, &records(4), &dictionary);
    let start = frame_offsets[1] as usize + 30;
    for b in &mut file[start..start + 10] {
        *b ^= 0x5a;
    }
    let (ok, bad) = read_all(file);
    assert_eq!(ids(&ok), ["<urn:uuid:1>", "<urn:uuid:3>", "<urn:uuid:4>"]);
    assert_eq!(
        offsets(&ok),
        [frame_offsets[0], frame_offsets[2], frame_offsets[3]]
    );
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0].offset, frame_offsets[1]);
    assert!(matches!(bad[0].kind, ErrorKind::Zstd(_)), "{bad:?}");
}

#[test]
fn truncated_file_keeps_earlier_records() {
    let (mut file, frame_offsets) = zstd_file(&[], &records(3), &[]);
    file.truncate(file.len() - 25);
    let (ok, bad) = read_all(file);
    assert_eq!(ids(&ok), ["<urn:uuid:1>", "<urn:uuid:2>"]);
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0].offset, frame_offsets[2]);
    assert!(matches!(bad[0].kind, ErrorKind::Zstd(_)), "{bad:?}");
}

#[test]
fn garbage_between_frames_is_reported() {
    let (first, _) = zstd_file(&[], &records(1), &[]);
    let mut file = first.clone();
    file.extend_from_slice(b"these bytes are not a frame");
    let second_at = file.len() as u64;
    file.extend_from_slice(&frame(&record(2, &page(2)), &[]));
    let (ok, bad) = read_all(file);
    assert_eq!(ids(&ok), ["<urn:uuid:1>", "<urn:uuid:2>"]);
    assert_eq!(ok[1].offset, second_at);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].offset, first.len() as u64);
    assert!(matches!(bad[0].kind, ErrorKind::NotZstd));
}

// Skippable frames other than the leading dictionary carry no records and are passed over
// silently; a frame holding something other than a record is reported and skipped.
#[test]
fn skippable_frames_are_passed_and_junk_frames_reported() {
    let mut file = skippable(0x184D_2A50, b"writer notes");
    let first_at = file.len() as u64;
    file.extend_from_slice(&frame(&record(1, &page(1)), &[]));
    file.extend_from_slice(&skippable(0x184D_2A5F, b""));
    let junk_at = file.len() as u64;
    file.extend_from_slice(&frame(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", &[]));
    file.extend_from_slice(&frame(b"\r\n", &[]));
    let third_at = file.len() as u64;
    file.extend_from_slice(&frame(&record(3, &page(3)), &[]));
    let (ok, bad) = read_all(file);
    assert_eq!(ids(&ok), ["<urn:uuid:1>", "<urn:uuid:3>"]);
    assert_eq!(offsets(&ok), [first_at, third_at]);
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0].offset, junk_at);
    assert!(matches!(bad[0].kind, ErrorKind::Garbage(_)));
}

// `zstd file.warc` makes one frame for the whole file; every record in it is read, at the
// frame's offset.
#[test]
fn whole_file_frame_reads_every_record() {
    let plain: Vec<u8> = records(3).concat();
    let (ok, bad) = read_all(zstd::encode_all(&plain[..], 3).unwrap());
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ids(&ok).len(), 3);
    assert!(ok.iter().all(|r| r.offset == 0));
}

#[test]
fn frames_naming_a_dictionary_the_file_lacks_give_one_clear_error() {
    let dictionary = trained_dictionary();
    let (file, frame_offsets) = zstd_file(&[], &records(3), &dictionary);
    let (ok, bad) = read_all(file);
    assert!(ok.is_empty());
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0].offset, frame_offsets[0]);
    let message = bad[0].to_string();
    assert!(message.contains("no dictionary frame"), "{message}");
}

#[test]
fn unreadable_dictionary_frames_are_refused_at_open() {
    let open = |bytes: Vec<u8>| WarcReader::new(Cursor::new(bytes)).err().unwrap();
    let refused = |err: ReadError, wanted: &str| {
        assert_eq!(err.offset, 0);
        assert!(matches!(err.kind, ErrorKind::Dictionary(_)), "{err}");
        assert!(err.to_string().contains(wanted), "{err}");
    };

    // Cut short inside the payload.
    let mut cut = skippable(DICTIONARY_MAGIC, &raw_dictionary());
    cut.truncate(40);
    refused(open(cut), "cut short");

    // A size over the limit is refused before anything is read.
    let mut huge = DICTIONARY_MAGIC.to_le_bytes().to_vec();
    huge.extend_from_slice(&u32::MAX.to_le_bytes());
    refused(open(huge), "limit");

    // A compressed payload that does not decompress.
    let mut broken = zstd::encode_all(&raw_dictionary()[..], 3).unwrap();
    let n = broken.len();
    broken.truncate(n - 6);
    refused(
        open(skippable(DICTIONARY_MAGIC, &broken)),
        "cannot be decompressed",
    );

    // A compressed payload that expands past the limit (a zstd bomb).
    let bomb =
        zstd::encode_all(&vec![0u8; dateline_warc::MAX_DICTIONARY_BYTES + 1][..], 19).unwrap();
    assert!(bomb.len() < 4096);
    refused(open(skippable(DICTIONARY_MAGIC, &bomb)), "over");

    // A dictionary header with broken entropy tables.
    let mut damaged = trained_dictionary();
    for b in &mut damaged[8..64] {
        *b = 0xff;
    }
    refused(open(skippable(DICTIONARY_MAGIC, &damaged)), "cannot load");
}

// A small frame that expands to a block far over the limit is skipped while it streams,
// never held in memory; the record after it is read.
#[test]
fn oversized_record_in_a_frame_is_skipped() {
    let big = record(1, &vec![b'x'; 8 * 1024 * 1024]);
    let mut file = frame(&big, &[]);
    assert!(file.len() < 4096);
    let second_at = file.len() as u64;
    file.extend_from_slice(&frame(&record(2, &page(2)), &[]));
    let limits = Limits {
        max_block_bytes: 1000,
        ..Limits::default()
    };
    let items: Vec<_> = WarcReader::with_limits(Cursor::new(file), limits)
        .unwrap()
        .collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(matches!(
        items[0],
        Err(ReadError {
            offset: 0,
            kind: ErrorKind::TooLarge(_),
        })
    ));
    assert_eq!(items[1].as_ref().unwrap().offset, second_at);
}

// A frame made with another dictionary than the file's: that frame is reported, the
// others are read.
#[test]
fn frame_naming_another_dictionary_is_reported_and_skipped() {
    let dictionary = trained_dictionary();
    let other_samples: Vec<Vec<u8>> = (0..300)
        .map(|i| {
            format!(
                "<p>Weather bulletin {i}: showers over the northern fells {}</p>",
                i * 13 % 97
            )
            .into_bytes()
        })
        .collect();
    let other = zstd::dict::from_samples(&other_samples, 2048).unwrap();
    assert_ne!(
        zstd::zstd_safe::get_dict_id_from_dict(&dictionary),
        zstd::zstd_safe::get_dict_id_from_dict(&other)
    );
    let mut file = skippable(DICTIONARY_MAGIC, &dictionary);
    file.extend_from_slice(&frame(&record(1, &page(1)), &dictionary));
    let stray_at = file.len() as u64;
    file.extend_from_slice(&frame(&record(2, &page(2)), &other));
    file.extend_from_slice(&frame(&record(3, &page(3)), &dictionary));
    let (ok, bad) = read_all(file);
    assert_eq!(ids(&ok), ["<urn:uuid:1>", "<urn:uuid:3>"]);
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0].offset, stray_at);
    assert!(matches!(bad[0].kind, ErrorKind::Dictionary(_)), "{bad:?}");
}

// Empty frames and skippable frames one after another are passed over in a loop, not by
// recursion that a small file of them could use to overflow the stack.
#[test]
fn many_empty_and_skippable_frames_do_not_exhaust_the_stack() {
    let empty = frame(b"", &[]);
    let pad = skippable(0x184D_2A51, b"");
    let mut file = Vec::new();
    for _ in 0..50_000 {
        file.extend_from_slice(&empty);
        file.extend_from_slice(&pad);
    }
    let last_at = file.len() as u64;
    file.extend_from_slice(&frame(&record(1, &page(1)), &[]));
    let (ok, bad) = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || read_all(file))
        .unwrap()
        .join()
        .unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(offsets(&ok), [last_at]);
}

/// A frame, written by hand, holding `header` as a raw block and then `blocks` RLE blocks of
/// 128 KiB of `x` each: 4 bytes per 128 KiB, a zstd bomb.
fn bomb_frame(header: &[u8], blocks: usize) -> Vec<u8> {
    const BLOCK: u32 = 128 * 1024;
    // No content size, no checksum, no dictionary; window 128 KiB (exponent 7).
    let mut out = vec![0x28, 0xb5, 0x2f, 0xfd, 0x00, 7 << 3];
    let block_header = |last: bool, kind: u32, size: u32| {
        let v = u32::from(last) | (kind << 1) | (size << 3);
        v.to_le_bytes()[..3].to_vec()
    };
    out.extend_from_slice(&block_header(
        false,
        0,
        u32::try_from(header.len()).unwrap(),
    ));
    out.extend_from_slice(header);
    for i in 0..blocks {
        out.extend_from_slice(&block_header(i + 1 == blocks, 1, BLOCK));
        out.push(b'x');
    }
    out
}

// A 16 MB frame that expands to 512 GiB (half a minute of decoding even at memset speed)
// under a record claiming a petabyte: skipped by its compressed bytes, in moments, and the
// record after it is read.
#[test]
fn zstd_bomb_is_skipped_without_expanding_it() {
    let header = b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:9>\r\n\
                   Content-Length: 1000000000000000\r\n\r\n";
    let mut file = bomb_frame(header, 1 << 22);
    let next_at = file.len() as u64;
    file.extend_from_slice(&frame(&record(2, &page(2)), &[]));
    let started = std::time::Instant::now();
    let items: Vec<_> = WarcReader::new(Cursor::new(file)).unwrap().collect();
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(matches!(
        items[0],
        Err(ReadError {
            offset: 0,
            kind: ErrorKind::TooLarge(1_000_000_000_000_000),
        })
    ));
    assert_eq!(items[1].as_ref().unwrap().offset, next_at);
}

// The hand-written bomb frame is a valid frame: a small one decodes to what it says.
#[test]
fn bomb_frame_writer_makes_valid_frames() {
    let decoded = zstd::decode_all(&bomb_frame(b"head", 3)[..]).unwrap();
    assert_eq!(decoded.len(), 4 + 3 * 128 * 1024);
    assert!(decoded.starts_with(b"headxxx"));
}
