/// Why a page's bytes could not be turned into text.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The (decompressed) page is larger than [`crate::Limits::max_input_bytes`].
    #[error(
        "page is {size} bytes, over the limit of {limit} bytes (raise it with --max-input-bytes)"
    )]
    TooLarge {
        /// Bytes seen.
        size: usize,
        /// The limit in force.
        limit: usize,
    },
    /// Decompression would exceed [`crate::Limits::max_decompressed_bytes`] (a gzip bomb or a
    /// very large page).
    #[error("gzip data expands past {limit} bytes (raise it with --max-decompressed-bytes)")]
    DecompressedTooLarge {
        /// The limit in force.
        limit: usize,
    },
    /// The gzip stream is corrupt or truncated.
    #[error("broken gzip data: {0}")]
    Gzip(#[source] std::io::Error),
}
