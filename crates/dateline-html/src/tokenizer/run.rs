//! A string being collected from the input: a byte range of the input buffer for as long as
//! it is one contiguous stretch of the source (the common case, which then costs no copy: the
//! token gets a reference-counted slice of the buffer), an owned tendril once something else
//! (a decoded character reference, a replacement character) was appended.

use html5ever::tendril::StrTendril;

/// Runs up to this many bytes fit in a tendril's inline storage (tendril's
/// `MAX_INLINE_LEN`), so they are copied rather than shared.
const SHORT_RUN: usize = 8;

#[derive(Default)]
pub(super) enum Run {
    #[default]
    Empty,
    Slice(usize, usize),
    Owned(StrTendril),
}

impl Run {
    pub(super) fn push_range(&mut self, src: &str, start: usize, end: usize) {
        if start >= end {
            return;
        }
        match self {
            Run::Empty => *self = Run::Slice(start, end),
            Run::Slice(_, e) if *e == start => *e = end,
            Run::Slice(..) => {
                let mut owned = self.owned(src);
                owned.push_slice(&src[start..end]);
                *self = Run::Owned(owned);
            }
            Run::Owned(t) => t.push_slice(&src[start..end]),
        }
    }

    pub(super) fn push_char(&mut self, src: &str, c: char) {
        match self {
            Run::Owned(t) => t.push_char(c),
            _ => {
                let mut owned = self.owned(src);
                owned.push_char(c);
                *self = Run::Owned(owned);
            }
        }
    }

    pub(super) fn push_str(&mut self, src: &str, s: &str) {
        match self {
            Run::Owned(t) => t.push_slice(s),
            _ => {
                let mut owned = self.owned(src);
                owned.push_slice(s);
                *self = Run::Owned(owned);
            }
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        match self {
            Run::Empty => true,
            Run::Slice(s, e) => s >= e,
            Run::Owned(t) => t.is_empty(),
        }
    }

    fn owned(&self, src: &str) -> StrTendril {
        match self {
            Run::Empty => StrTendril::new(),
            Run::Slice(s, e) => StrTendril::from_slice(&src[*s..*e]),
            Run::Owned(t) => t.clone(),
        }
    }

    /// The collected string, leaving the run empty. A slice shares `buf`'s memory.
    pub(super) fn take(&mut self, buf: &StrTendril, src: &str) -> StrTendril {
        match std::mem::take(self) {
            Run::Empty => StrTendril::new(),
            Run::Slice(s, e) => {
                // A short run is stored inline whichever way it is made, and copying it
                // skips the UTF-8 boundary checks a shared slice makes at both ends.
                if e - s <= SHORT_RUN
                    && let Some(text) = src.get(s..e)
                {
                    return StrTendril::from_slice(text);
                }
                match (u32::try_from(s), u32::try_from(e - s)) {
                    (Ok(offset), Ok(len)) => buf
                        .try_subtendril(offset, len)
                        .unwrap_or_else(|_| StrTendril::from_slice(&src[s..e])),
                    _ => StrTendril::from_slice(&src[s..e]),
                }
            }
            Run::Owned(t) => t,
        }
    }
}
