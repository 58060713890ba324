//! The record iterator: plain, per-member gzip or per-frame zstd, with resynchronisation
//! after damage.
//!
//! Hand-written rather than taken from the `warc` crate because that crate decodes a
//! `.warc.gz` as one continuous stream (libflate's multi-member decoder): it gives no record
//! offsets, and one corrupt gzip member ends the whole file. Here each gzip member or zstd
//! frame is decoded on its own, so a record knows the member or frame offset a CDX index
//! would give for it, and a bad one is skipped by seeking past it to the next gzip header or
//! zstd magic.

use std::io::{self, BufRead, BufReader, Read};

use flate2::bufread::GzDecoder;

use crate::counting::Counting;
use crate::error::{ErrorKind, ReadError};
use crate::record::{Headers, Record};
use crate::zstd_frames::{self, Frame, ZSTD_MAGIC};

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
/// The gzip magic with deflate as method, which every gzip member has.
const GZIP_HEADER: [u8; 3] = [0x1f, 0x8b, 0x08];
const MAX_HEADERS: usize = 256;

/// Size limits that keep memory bounded whatever the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest content block read into memory; larger records are skipped and reported.
    pub max_block_bytes: u64,
    /// Largest WARC header block.
    pub max_header_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_block_bytes: 64 * 1024 * 1024,
            max_header_bytes: 64 * 1024,
        }
    }
}

/// How the archive is stored, detected from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// Uncompressed `.warc`.
    None,
    /// `.warc.gz`: gzip members, normally one per record.
    Gzip,
    /// `.warc.zst`: zstd frames, normally one per record, after an optional dictionary
    /// frame.
    Zstd,
}

// Boxed: the decoder state is large and the state enum moves on every record.
type Member<R> = Box<BufReader<GzDecoder<Slot<R>>>>;

/// The source a member decoder reads from, taken out of it between members so that one
/// decoder (its inflate state, window and output buffer) serves every member of a file:
/// a fresh one per record cost more to allocate and clear than small records cost to inflate.
struct Slot<R>(Option<Counting<R>>);

impl<R: BufRead> Read for Slot<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match &mut self.0 {
            Some(src) => src.read(buf),
            None => Ok(0),
        }
    }
}

impl<R: BufRead> BufRead for Slot<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match &mut self.0 {
            Some(src) => src.fill_buf(),
            None => Ok(&[]),
        }
    }

    fn consume(&mut self, amt: usize) {
        if let Some(src) = &mut self.0 {
            src.consume(amt);
        }
    }
}

/// Size of the buffer over a member's decompressed bytes.
const MEMBER_BUFFER: usize = 32 * 1024;

enum State<R> {
    Plain(Counting<R>),
    Between(Counting<R>),
    InMember { member: Member<R>, offset: u64 },
    BetweenFrames(Counting<R>, zstd_frames::Decoder),
    InFrame { frame: Box<Frame<R>>, offset: u64 },
    Done,
}

/// Iterates over the records of one archive. An `Err` item reports a damaged record or
/// member; iteration goes on after it with the next readable record.
pub struct WarcReader<R> {
    state: State<R>,
    /// The decoder of the last finished gzip member, ready for the next one.
    spare: Option<Member<R>>,
    limits: Limits,
    compression: Compression,
}

impl<R: BufRead + io::Seek> WarcReader<R> {
    /// Opens an archive with default [`Limits`].
    pub fn new(inner: R) -> Result<Self, ReadError> {
        Self::with_limits(inner, Limits::default())
    }

    /// Opens an archive, detecting gzip, zstd or plain from the first bytes. A zstd file's
    /// dictionary frame is read here, so a missing or unreadable one refuses the file.
    pub fn with_limits(inner: R, limits: Limits) -> Result<Self, ReadError> {
        let mut src = Counting::new(inner).map_err(|e| ReadError::new(0, ErrorKind::Io(e)))?;
        let start = src.pos();
        let head = src
            .fill_buf()
            .map_err(|e| ReadError::new(start, ErrorKind::Io(e)))?;
        let (state, compression) = if head.is_empty() {
            (State::Done, Compression::None)
        } else if head.starts_with(&GZIP_MAGIC) {
            (State::Between(src), Compression::Gzip)
        } else if head.starts_with(b"WARC/") {
            (State::Plain(src), Compression::None)
        } else if head.starts_with(&ZSTD_MAGIC) || zstd_frames::is_skippable(head) {
            let decoder =
                zstd_frames::Decoder::open(&mut src).map_err(|kind| ReadError::new(start, kind))?;
            (State::BetweenFrames(src, decoder), Compression::Zstd)
        } else {
            return Err(ReadError::new(0, ErrorKind::NotWarc));
        };
        Ok(WarcReader {
            state,
            spare: None,
            limits,
            compression,
        })
    }

    /// The storage detected when opening.
    pub fn compression(&self) -> Compression {
        self.compression
    }

    fn next_plain(&mut self, mut src: Counting<R>) -> Option<Result<Record, ReadError>> {
        match skip_blank(&mut src) {
            Ok(false) => return None,
            Ok(true) => {}
            Err(e) => return Some(Err(ReadError::new(src.pos(), ErrorKind::Io(e)))),
        }
        let offset = src.pos();
        match parse_record(&mut src, offset, &self.limits, ErrorKind::Io, true) {
            Ok(record) => {
                self.state = State::Plain(src);
                Some(Ok(record))
            }
            Err(kind) => {
                // A truncated record ends at the end of the file; anything else is followed by
                // a search for the next version line.
                if !matches!(kind, ErrorKind::Truncated { .. } | ErrorKind::Io(_))
                    && scan_to_version_line(&mut src).is_ok()
                {
                    self.state = State::Plain(src);
                }
                Some(Err(ReadError::new(offset, kind)))
            }
        }
    }

    /// The next record of a gzip file, from the member at the current position on. Loops
    /// rather than recursing over empty members, so that a file made of many of them cannot
    /// exhaust the stack.
    fn next_between(&mut self, mut src: Counting<R>) -> Option<Result<Record, ReadError>> {
        loop {
            let offset = src.pos();
            let head = match fill_at_least(&mut src, GZIP_MAGIC.len()) {
                Ok(head) => head,
                Err(e) => return Some(Err(ReadError::new(offset, ErrorKind::Io(e)))),
            };
            if head.is_empty() {
                return None;
            }
            if !head.starts_with(&GZIP_MAGIC) {
                if resync(&mut src, offset, &GZIP_HEADER).is_ok() {
                    self.state = State::Between(src);
                }
                return Some(Err(ReadError::new(offset, ErrorKind::NotGzip)));
            }
            let mut member = self.open_member(src);
            match skip_blank(&mut member) {
                Ok(true) => return self.next_in_member(member, offset),
                // The member is finished (the decoder has read its trailer) and held no record.
                Ok(false) => match self.close_member(member, offset) {
                    Ok(next) => src = next,
                    Err(e) => return Some(Err(e)),
                },
                Err(e) => {
                    return Some(Err(self.abandon_member(member, offset, ErrorKind::Gzip(e))));
                }
            }
        }
    }

    fn next_in_member(
        &mut self,
        mut member: Member<R>,
        offset: u64,
    ) -> Option<Result<Record, ReadError>> {
        match skip_blank(&mut member) {
            Ok(true) => {}
            Ok(false) => {
                // The member is finished: the decoder has read its trailer.
                return match self.close_member(member, offset) {
                    Ok(src) => self.next_between(src),
                    Err(e) => Some(Err(e)),
                };
            }
            Err(e) => return Some(Err(self.abandon_member(member, offset, ErrorKind::Gzip(e)))),
        }
        match parse_record(&mut member, offset, &self.limits, ErrorKind::Gzip, true) {
            Ok(record) => {
                self.state = State::InMember { member, offset };
                Some(Ok(record))
            }
            Err(kind) => Some(Err(self.abandon_member(member, offset, kind))),
        }
    }

    /// Skips the rest of a member after a bad record: to its end when the gzip stream is
    /// sound, else to the next gzip header after its start.
    fn abandon_member(&mut self, mut member: Member<R>, offset: u64, kind: ErrorKind) -> ReadError {
        let stream_ok = !matches!(kind, ErrorKind::Gzip(_) | ErrorKind::Truncated { .. })
            && io::copy(&mut member, &mut io::sink()).is_ok();
        let mut src = match self.close_member(member, offset) {
            Ok(src) => src,
            Err(e) => return e,
        };
        if stream_ok || resync(&mut src, offset, &GZIP_HEADER).is_ok() {
            self.state = State::Between(src);
        }
        ReadError::new(offset, kind)
    }

    /// A decoder for the gzip member at the start of `src`: the spare one reset, or a new one.
    fn open_member(&mut self, src: Counting<R>) -> Member<R> {
        match self.spare.take() {
            Some(mut member) => {
                // Bytes left buffered by an abandoned member belong to no later one.
                let stale = member.buffer().len();
                member.consume(stale);
                member.get_mut().reset(Slot(Some(src)));
                member
            }
            None => Box::new(BufReader::with_capacity(
                MEMBER_BUFFER,
                GzDecoder::new(Slot(Some(src))),
            )),
        }
    }

    /// Takes the source back out of a member's decoder, keeping the decoder as the spare.
    fn close_member(
        &mut self,
        mut member: Member<R>,
        offset: u64,
    ) -> Result<Counting<R>, ReadError> {
        let src = member.get_mut().get_mut().0.take();
        self.spare = Some(member);
        src.ok_or_else(|| {
            let lost = io::Error::other("gzip member decoder lost its source");
            ReadError::new(offset, ErrorKind::Io(lost))
        })
    }

    /// The next record of a zstd file, from the frame at the current position on. Loops
    /// rather than recursing over skippable and empty frames, so that a file made of
    /// millions of them cannot exhaust the stack.
    fn next_between_frames(
        &mut self,
        mut src: Counting<R>,
        mut decoder: zstd_frames::Decoder,
    ) -> Option<Result<Record, ReadError>> {
        loop {
            let offset = src.pos();
            let head = match fill_at_least(&mut src, zstd_frames::MAX_FRAME_HEADER) {
                Ok(head) => head,
                Err(e) => return Some(Err(ReadError::new(offset, ErrorKind::Io(e)))),
            };
            if head.is_empty() {
                return None;
            }
            if zstd_frames::is_skippable(head) {
                // Skippable frames carry no records (a second dictionary frame included).
                let Some(len) = zstd_frames::skippable_len(head) else {
                    return Some(Err(ReadError::new(offset, ErrorKind::NotZstd)));
                };
                // Consumed when buffered: a seek would discard and refill the whole read
                // buffer for each of a run of small frames.
                match usize::try_from(len) {
                    Ok(n) if n <= head.len() => src.consume(n),
                    _ => {
                        if let Err(e) = src.seek_to(offset + len) {
                            return Some(Err(ReadError::new(offset, ErrorKind::Io(e))));
                        }
                    }
                }
                continue;
            }
            if !head.starts_with(&ZSTD_MAGIC) {
                if resync(&mut src, offset, &ZSTD_MAGIC).is_ok() {
                    self.state = State::BetweenFrames(src, decoder);
                }
                return Some(Err(ReadError::new(offset, ErrorKind::NotZstd)));
            }
            if let Some(id) = zstd_frames::frame_dictionary(head)
                && decoder.dictionary_id != Some(id)
            {
                let kind = if decoder.has_dictionary {
                    ErrorKind::Dictionary(format!(
                        "frame needs dictionary {id}, the file's dictionary frame holds another"
                    ))
                } else {
                    // No later frame can be read either: one error for the file, not one
                    // per record.
                    return Some(Err(ReadError::new(
                        offset,
                        ErrorKind::Dictionary(format!(
                            "frame needs dictionary {id}, but the file has no dictionary frame"
                        )),
                    )));
                };
                if resync(&mut src, offset, &ZSTD_MAGIC).is_ok() {
                    self.state = State::BetweenFrames(src, decoder);
                }
                return Some(Err(ReadError::new(offset, kind)));
            }
            let (frame, reset) = Frame::new(src, decoder);
            let mut frame = Box::new(frame);
            if let Err(e) = reset {
                return Some(Err(self.abandon_frame(frame, offset, ErrorKind::Zstd(e))));
            }
            match skip_blank(&mut frame) {
                Ok(true) => return self.next_in_frame(frame, offset),
                Ok(false) => (src, decoder) = frame.into_parts(),
                Err(e) => return Some(Err(self.abandon_frame(frame, offset, ErrorKind::Zstd(e)))),
            }
        }
    }

    fn next_in_frame(
        &mut self,
        mut frame: Box<Frame<R>>,
        offset: u64,
    ) -> Option<Result<Record, ReadError>> {
        match skip_blank(&mut frame) {
            Ok(true) => {}
            Ok(false) => {
                let (src, decoder) = frame.into_parts();
                return self.next_between_frames(src, decoder);
            }
            Err(e) => return Some(Err(self.abandon_frame(frame, offset, ErrorKind::Zstd(e)))),
        }
        // An oversized block is not drained here: its declared length bounds nothing, and a
        // small frame can expand to terabytes. `abandon_frame` drains within the limits.
        match parse_record(&mut frame, offset, &self.limits, ErrorKind::Zstd, false) {
            Ok(record) => {
                self.state = State::InFrame { frame, offset };
                Some(Ok(record))
            }
            Err(kind) => Some(Err(self.abandon_frame(frame, offset, kind))),
        }
    }

    /// Skips the rest of a frame after a bad record: to its end when the zstd stream is
    /// sound and what is left decompresses to no more than a record within the limits, else
    /// (a corrupt frame, or a zstd bomb) to the next zstd magic after its start, without
    /// decompressing any more of it.
    fn abandon_frame(
        &mut self,
        mut frame: Box<Frame<R>>,
        offset: u64,
        kind: ErrorKind,
    ) -> ReadError {
        let bound = self
            .limits
            .max_block_bytes
            .saturating_add(self.limits.max_header_bytes as u64);
        let stream_ok = !matches!(kind, ErrorKind::Zstd(_) | ErrorKind::Truncated { .. })
            && io::copy(&mut frame.as_mut().take(bound), &mut io::sink()).is_ok()
            && frame.fill_buf().is_ok_and(|rest| rest.is_empty());
        let (mut src, decoder) = frame.into_parts();
        if stream_ok || resync(&mut src, offset, &ZSTD_MAGIC).is_ok() {
            self.state = State::BetweenFrames(src, decoder);
        }
        ReadError::new(offset, kind)
    }
}

impl<R: BufRead + io::Seek> Iterator for WarcReader<R> {
    type Item = Result<Record, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        match std::mem::replace(&mut self.state, State::Done) {
            State::Done => None,
            State::Plain(src) => self.next_plain(src),
            State::Between(src) => self.next_between(src),
            State::InMember { member, offset } => self.next_in_member(member, offset),
            State::BetweenFrames(src, decoder) => self.next_between_frames(src, decoder),
            State::InFrame { frame, offset } => self.next_in_frame(frame, offset),
        }
    }
}

/// Consumes the blank lines between records; `false` at the end of the stream.
fn skip_blank<B: BufRead>(src: &mut B) -> io::Result<bool> {
    loop {
        let buf = src.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        let blank = buf
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        let more = blank < buf.len();
        src.consume(blank);
        if more {
            return Ok(true);
        }
    }
}

/// Reads one line of at most `max` bytes; `None` when the line is longer.
fn read_line<B: BufRead>(src: &mut B, max: usize, line: &mut Vec<u8>) -> io::Result<Option<()>> {
    line.clear();
    src.by_ref().take(max as u64 + 1).read_until(b'\n', line)?;
    if line.len() > max {
        return Ok(None);
    }
    while matches!(line.last(), Some(b'\n' | b'\r')) {
        line.pop();
    }
    Ok(Some(()))
}

/// Reads one record. A block over the size limit is drained (`drain_oversized`) so that the
/// stream is at the next record, or left for the caller to skip some other way.
fn parse_record<B: BufRead>(
    src: &mut B,
    offset: u64,
    limits: &Limits,
    io_kind: fn(io::Error) -> ErrorKind,
    drain_oversized: bool,
) -> Result<Record, ErrorKind> {
    let mut line = Vec::with_capacity(128);
    let mut header_bytes = 0usize;
    match read_line(src, limits.max_header_bytes, &mut line).map_err(io_kind)? {
        Some(()) if line.starts_with(b"WARC/") => {}
        _ => {
            let shown: String = String::from_utf8_lossy(&line).chars().take(40).collect();
            return Err(ErrorKind::Garbage(shown));
        }
    }
    let version = String::from_utf8_lossy(&line).into_owned();
    let mut headers: Vec<(String, String)> = Vec::with_capacity(16);
    loop {
        let Some(()) = read_line(src, limits.max_header_bytes, &mut line).map_err(io_kind)? else {
            return Err(ErrorKind::Header("header line too long".into()));
        };
        header_bytes += line.len() + 2;
        if header_bytes > limits.max_header_bytes || headers.len() > MAX_HEADERS {
            return Err(ErrorKind::Header("header block too large".into()));
        }
        if line.is_empty() {
            break;
        }
        let text = String::from_utf8_lossy(&line);
        if line[0] == b' ' || line[0] == b'\t' {
            // A folded continuation line (WARC/1.0 allows them).
            match headers.last_mut() {
                Some((_, value)) => {
                    value.push(' ');
                    value.push_str(text.trim());
                }
                None => return Err(ErrorKind::Header("continuation before any field".into())),
            }
            continue;
        }
        let Some((name, value)) = text.split_once(':') else {
            let shown: String = text.chars().take(40).collect();
            return Err(ErrorKind::Header(format!(
                "line without a colon: {shown:?}"
            )));
        };
        headers.push((name.trim().to_string(), value.trim().to_string()));
    }
    let headers = Headers(headers);
    let length = headers
        .get("Content-Length")
        .ok_or_else(|| ErrorKind::Header("no Content-Length".into()))?;
    let length: u64 = length
        .parse()
        .map_err(|_| ErrorKind::Header(format!("bad Content-Length {length:?}")))?;
    if length > limits.max_block_bytes && !drain_oversized {
        return Err(ErrorKind::TooLarge(length));
    }
    if length > limits.max_block_bytes {
        let skipped = io::copy(&mut src.by_ref().take(length), &mut io::sink()).map_err(io_kind)?;
        if skipped < length {
            return Err(ErrorKind::Truncated {
                expected: length,
                got: skipped,
            });
        }
        return Err(ErrorKind::TooLarge(length));
    }
    let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
    src.by_ref()
        .take(length)
        .read_to_end(&mut block)
        .map_err(io_kind)?;
    if (block.len() as u64) < length {
        return Err(ErrorKind::Truncated {
            expected: length,
            got: block.len() as u64,
        });
    }
    Ok(Record {
        offset,
        version,
        headers,
        block,
    })
}

/// Moves to the next line that starts with `WARC/`, which may be the one at the current
/// position (the bad line before it has been consumed).
fn scan_to_version_line<B: BufRead>(src: &mut B) -> io::Result<()> {
    let here = src.fill_buf()?;
    if here.starts_with(b"WARC/") {
        return Ok(());
    }
    loop {
        let buf = src.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match memchr::memchr(b'\n', buf) {
            Some(i) => {
                src.consume(i + 1);
                let next = src.fill_buf()?;
                let n = next.len().min(5);
                if n == 0 || b"WARC/".starts_with(&next[..n]) {
                    return Ok(());
                }
            }
            None => {
                let n = buf.len();
                src.consume(n);
            }
        }
    }
}

/// The buffered bytes at the current position, at least `want` of them unless the file ends
/// sooner.
fn fill_at_least<R: BufRead + io::Seek>(src: &mut Counting<R>, want: usize) -> io::Result<&[u8]> {
    let buffered = src.fill_buf()?.len();
    if buffered > 0 && buffered < want {
        // The member or frame starts near the end of the read buffer, which a `BufRead`
        // does not refill until it is consumed: seeking to the same offset refills it.
        let here = src.pos();
        src.seek_to(here)?;
    }
    src.fill_buf()
}

/// Seeks just past `from` and on to the next occurrence of `magic` (or a prefix of it cut
/// by the end of the read buffer, which the caller's [`fill_at_least`] then reads whole).
fn resync<R: BufRead + io::Seek>(src: &mut Counting<R>, from: u64, magic: &[u8]) -> io::Result<()> {
    src.seek_to(from + 1)?;
    loop {
        let buf = src.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match memchr::memchr(magic[0], buf) {
            Some(i) => {
                let rest = &buf[i..];
                let n = rest.len().min(magic.len());
                if magic[..n] == rest[..n] {
                    src.consume(i);
                    return Ok(());
                }
                src.consume(i + 1);
            }
            None => {
                let n = buf.len();
                src.consume(n);
            }
        }
    }
}
