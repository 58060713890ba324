//! zstd-compressed WARCs as Common Crawl, warcio and FastWARC write them (the IIPC "WARC
//! zstd" convention): one zstd frame per record, optionally preceded by a skippable frame
//! holding the dictionary the record frames were compressed with.
//!
//! The frames are decoded with `zstd_safe`'s streaming call directly rather than through
//! `zstd::stream::read::Decoder`: that decoder borrows its prepared dictionary, so it could
//! not live in the reader's state next to the dictionary it needs, and building one per
//! frame from the raw dictionary would digest the dictionary again for every record. One
//! long-lived `DCtx` keeps the loaded dictionary across frames, and `ZSTD_decompressStream`
//! stops at the end of a frame, so the input is consumed exactly up to the next frame's
//! offset.

use std::io::{self, BufRead, Read};

use zstd::zstd_safe::{DCtx, InBuffer, OutBuffer, ResetDirective};

use crate::counting::Counting;
use crate::error::ErrorKind;

pub(crate) const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];
/// The skippable-frame magic the convention reserves for the dictionary frame.
const DICTIONARY_MAGIC: u32 = 0x184D_2A5D;
/// Every skippable frame's magic is `0x184D2A5?`.
const SKIPPABLE_MASK: u32 = 0xFFFF_FFF0;
const SKIPPABLE_MAGIC: u32 = 0x184D_2A50;
/// Skippable magic and its 4-byte size.
pub(crate) const SKIPPABLE_HEADER: usize = 8;
/// Largest zstd frame header (magic, descriptor, window, dictionary id, content size).
pub(crate) const MAX_FRAME_HEADER: usize = 18;
/// Largest dictionary accepted, compressed or not. zstd's trainer makes 110 KiB by default
/// and Common Crawl's are a few hundred KiB; anything near this is not a dictionary.
pub const MAX_DICTIONARY_BYTES: usize = 16 * 1024 * 1024;

fn le_u32(bytes: &[u8]) -> Option<u32> {
    let word: [u8; 4] = bytes.get(..4)?.try_into().ok()?;
    Some(u32::from_le_bytes(word))
}

/// Whether `head` starts with any skippable frame's magic.
pub(crate) fn is_skippable(head: &[u8]) -> bool {
    le_u32(head).is_some_and(|m| m & SKIPPABLE_MASK == SKIPPABLE_MAGIC)
}

/// The total length of the skippable frame `head` starts with, if its header is buffered.
pub(crate) fn skippable_len(head: &[u8]) -> Option<u64> {
    let size = le_u32(head.get(4..)?)?;
    Some(SKIPPABLE_HEADER as u64 + u64::from(size))
}

/// The dictionary id a frame header asks for; `None` when it names none.
pub(crate) fn frame_dictionary(head: &[u8]) -> Option<u32> {
    zstd::zstd_safe::get_dict_id_from_frame(head).map(u32::from)
}

fn zstd_error(code: usize) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        zstd::zstd_safe::get_error_name(code),
    )
}

/// Decoding state carried from frame to frame: the context (holding the dictionary, if
/// any) and the output buffer.
pub(crate) struct Decoder {
    dctx: DCtx<'static>,
    out: Vec<u8>,
    /// Whether the file began with a dictionary frame.
    pub(crate) has_dictionary: bool,
    /// The loaded dictionary's id; `None` for a raw-content dictionary, which has none.
    pub(crate) dictionary_id: Option<u32>,
}

impl Decoder {
    /// Creates the decoder, reading the dictionary frame if the file starts with one
    /// (`src` is at the start of the file).
    pub(crate) fn open<R: BufRead>(src: &mut Counting<R>) -> Result<Self, ErrorKind> {
        let mut dctx = DCtx::try_create()
            .ok_or_else(|| ErrorKind::Dictionary("cannot create a zstd context".into()))?;
        let mut has_dictionary = false;
        let mut dictionary_id = None;
        let head = src.fill_buf().map_err(ErrorKind::Io)?;
        if le_u32(head) == Some(DICTIONARY_MAGIC) {
            let dictionary = read_dictionary(src)?;
            dctx.load_dictionary(&dictionary).map_err(|code| {
                ErrorKind::Dictionary(format!(
                    "zstd cannot load the dictionary frame's content: {}",
                    zstd::zstd_safe::get_error_name(code)
                ))
            })?;
            has_dictionary = true;
            dictionary_id = zstd::zstd_safe::get_dict_id_from_dict(&dictionary).map(u32::from);
        }
        Ok(Decoder {
            dctx,
            out: vec![0; DCtx::out_size()],
            has_dictionary,
            dictionary_id,
        })
    }
}

/// Reads the dictionary frame at the current position: its payload, decompressed when it
/// is itself a zstd frame.
fn read_dictionary<R: BufRead>(src: &mut Counting<R>) -> Result<Vec<u8>, ErrorKind> {
    let mut header = [0u8; SKIPPABLE_HEADER];
    src.read_exact(&mut header).map_err(|_| {
        ErrorKind::Dictionary("the file ends inside the dictionary frame's header".into())
    })?;
    let size = le_u32(&header[4..]).map_or(0, |s| s as usize);
    if size > MAX_DICTIONARY_BYTES {
        return Err(ErrorKind::Dictionary(format!(
            "dictionary frame of {size} bytes is over the {MAX_DICTIONARY_BYTES}-byte limit"
        )));
    }
    let mut payload = Vec::with_capacity(size);
    src.by_ref()
        .take(size as u64)
        .read_to_end(&mut payload)
        .map_err(ErrorKind::Io)?;
    if payload.len() < size {
        return Err(ErrorKind::Dictionary(format!(
            "dictionary frame cut short: {} of {size} bytes",
            payload.len()
        )));
    }
    if !payload.starts_with(&ZSTD_MAGIC) {
        return Ok(payload);
    }
    let unreadable = |e: io::Error| {
        ErrorKind::Dictionary(format!("compressed dictionary cannot be decompressed: {e}"))
    };
    let decoder = zstd::stream::read::Decoder::with_buffer(&payload[..])
        .map_err(unreadable)?
        .single_frame();
    let mut dictionary = Vec::new();
    decoder
        .take(MAX_DICTIONARY_BYTES as u64 + 1)
        .read_to_end(&mut dictionary)
        .map_err(unreadable)?;
    if dictionary.len() > MAX_DICTIONARY_BYTES {
        return Err(ErrorKind::Dictionary(format!(
            "compressed dictionary decompresses to over {MAX_DICTIONARY_BYTES} bytes"
        )));
    }
    Ok(dictionary)
}

/// One frame being decoded: reads end at the end of the frame, and the source is then
/// positioned exactly at the next frame.
pub(crate) struct Frame<R> {
    src: Counting<R>,
    decoder: Decoder,
    pos: usize,
    len: usize,
    done: bool,
}

impl<R: BufRead> Frame<R> {
    /// Starts decoding the frame at the current position of `src`.
    pub(crate) fn new(src: Counting<R>, mut decoder: Decoder) -> (Self, io::Result<()>) {
        // A session reset drops what an abandoned frame left behind and clears the error
        // state of a failed one; the dictionary stays loaded.
        let reset = decoder
            .dctx
            .reset(ResetDirective::SessionOnly)
            .map(|_| ())
            .map_err(zstd_error);
        let frame = Frame {
            src,
            decoder,
            pos: 0,
            len: 0,
            done: false,
        };
        (frame, reset)
    }

    pub(crate) fn into_parts(self) -> (Counting<R>, Decoder) {
        (self.src, self.decoder)
    }
}

impl<R: BufRead> BufRead for Frame<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.pos == self.len && !self.done {
            let input = self.src.fill_buf()?;
            if input.is_empty() {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the file ends inside the zstd frame",
                ));
            }
            let mut inb = InBuffer::around(input);
            let mut outb = OutBuffer::around(&mut self.decoder.out[..]);
            let hint = self
                .decoder
                .dctx
                .decompress_stream(&mut outb, &mut inb)
                .map_err(zstd_error)?;
            let (read, written) = (inb.pos(), outb.pos());
            self.src.consume(read);
            self.pos = 0;
            self.len = written;
            self.done = hint == 0;
            if read == 0 && written == 0 && !self.done {
                // With input offered and the whole output buffer free, zstd always moves;
                // this guards the loop against a library that would not.
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "zstd made no progress",
                ));
            }
        }
        Ok(&self.decoder.out[self.pos..self.len])
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.len);
    }
}

impl<R: BufRead> Read for Frame<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}
