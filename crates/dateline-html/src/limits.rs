/// Bounds that keep every page within fixed time and memory, whatever it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest page accepted, after decompression, in bytes.
    pub max_input_bytes: usize,
    /// Largest output gzip input may expand to, in bytes; stops gzip bombs early.
    pub max_decompressed_bytes: usize,
    /// Deepest element nesting kept; deeper elements are attached at this depth, as
    /// Chromium does (its parser caps the tree at 512), so the tree stays shallow enough for
    /// every later pass.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 * 1024 * 1024,
            max_decompressed_bytes: 64 * 1024 * 1024,
            max_depth: 512,
        }
    }
}
