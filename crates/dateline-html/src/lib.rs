//! Bytes to a DOM: input limits, gzip, character decoding and browser-compatible parsing.
//!
//! ```
//! let page = dateline_html::Page::from_bytes(b"<p>Hello", None, &dateline_html::Limits::default())?;
//! let doc = dateline_html::parse(&page.text, &dateline_html::Limits::default());
//! assert!(doc.text_content(doc.root()).contains("Hello"));
//! # Ok::<(), dateline_html::InputError>(())
//! ```
//!
//! Parsing never fails: html5ever's tree builder, fed by this crate's byte-level tokenizer,
//! builds the same tree a browser would, and tree-construction errors are only counted. What
//! can fail is reading the input (too large, broken gzip), reported as an [`InputError`].
#![forbid(unsafe_code)]

mod decode;
mod depth_guard;
mod dom;
mod entities;
mod error;
mod limits;
mod prefilter;
mod sink;
mod tokenizer;

pub use decode::{Decoded, EncodingSource, decode, decode_bytes, decode_cow, gunzip_limited};
pub use dom::{Document, Element, Node, NodeId, NodeKind};
pub use entities::unescape_entities;
pub use error::InputError;
pub use html5ever::{LocalName, local_name};
pub use limits::Limits;
pub use sink::{TokenizerKind, parse, parse_with};

/// A page's bytes read, decompressed and decoded.
#[derive(Debug, Clone)]
pub struct Page {
    /// The decoded text.
    pub text: String,
    /// How the character encoding was chosen.
    pub encoding: Decoded,
}

/// Decompresses, checks the limits and decodes, borrowing `bytes` when they are UTF-8 already
/// (the common case), which saves copying the page. The callback gets the text.
pub fn with_decoded<T>(
    bytes: &[u8],
    content_type: Option<&str>,
    limits: &Limits,
    use_text: impl FnOnce(&str, &Decoded) -> T,
) -> Result<T, InputError> {
    let raw = decompress_within_limits(bytes, limits)?;
    let (text, decoded) = decode_cow(&raw, content_type);
    Ok(use_text(&text, &decoded))
}

/// Gunzips `bytes` when they start with the gzip magic bytes, and checks the result against
/// [`Limits::max_input_bytes`].
fn decompress_within_limits<'a>(
    bytes: &'a [u8],
    limits: &Limits,
) -> Result<std::borrow::Cow<'a, [u8]>, InputError> {
    let raw = if bytes.starts_with(&[0x1f, 0x8b]) {
        std::borrow::Cow::Owned(gunzip_limited(bytes, limits.max_decompressed_bytes)?)
    } else {
        std::borrow::Cow::Borrowed(bytes)
    };
    if raw.len() > limits.max_input_bytes {
        return Err(InputError::TooLarge {
            size: raw.len(),
            limit: limits.max_input_bytes,
        });
    }
    Ok(raw)
}

impl Page {
    /// Decompresses (gzip magic bytes), checks the size limits and decodes `bytes`.
    /// `content_type` is the HTTP `Content-Type` header when the page came with one.
    pub fn from_bytes(
        bytes: &[u8],
        content_type: Option<&str>,
        limits: &Limits,
    ) -> Result<Page, InputError> {
        let raw = decompress_within_limits(bytes, limits)?;
        let (text, encoding) = decode_bytes(&raw, content_type);
        Ok(Page { text, encoding })
    }
}
