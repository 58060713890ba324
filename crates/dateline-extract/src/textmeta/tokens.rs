//! A lazy tokenizer for the date scanner: numbers, words and single punctuation marks with
//! their byte ranges.
//!
//! Tokens are produced on demand from a byte offset rather than collected up front, so a
//! 5 MB text costs no token vector; a match attempt re-reads at most a dozen tokens ahead,
//! which keeps the whole scan linear.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of decimal digits (ASCII or full-width).
    Num,
    /// A run of letters, or one CJK/Hangul/kana character.
    Word,
    /// Any other single non-space character.
    Punct(char),
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Whitespace separates it from the previous token.
    pub space_before: bool,
    /// For numbers: the value (saturating) and the number of digits.
    pub value: u32,
    pub digits: u8,
}

impl Tok {
    /// The token's text.
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }

    /// Is this the punctuation mark `c`?
    pub fn is(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// A number of exactly `n` digits?
    pub fn is_num(&self, n: u8) -> bool {
        self.kind == Kind::Num && self.digits == n
    }
}

/// Characters that form a token of their own even when adjacent to other letters:
/// CJK ideographs, kana and Hangul syllables are written without spaces, and date markers
/// such as 年 and 일 are glued to the numbers and words around them.
pub(crate) fn is_solo(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF // kana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF // CJK ideographs
        | 0xAC00..=0xD7AF) // Hangul syllables
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Whether `text` has a character that starts a number token (an ASCII or a full-width
/// digit).
pub(crate) fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        || (!text.is_ascii() && text.chars().any(|c| digit_value(c).is_some()))
}

/// The token starting at or after byte `pos` of `src`, if any.
pub(crate) fn next(src: &str, mut pos: usize) -> Option<Tok> {
    let bytes = src.as_bytes();
    let mut space_before = false;
    // Skip whitespace (ASCII fast path).
    while pos < bytes.len() {
        let b = bytes[pos];
        if b.is_ascii_whitespace() {
            pos += 1;
            space_before = true;
            continue;
        }
        if b < 0x80 {
            break;
        }
        let c = src.get(pos..)?.chars().next()?;
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            pos += c.len_utf8();
            space_before = true;
            continue;
        }
        break;
    }
    let rest = src.get(pos..)?;
    let first = rest.chars().next()?;
    let start = pos;
    if let Some(d) = digit_value(first) {
        let mut value = d;
        let mut digits: u8 = 1;
        let mut end = pos + first.len_utf8();
        for c in rest[first.len_utf8()..].chars() {
            match digit_value(c) {
                Some(d) => {
                    value = value.saturating_mul(10).saturating_add(d);
                    digits = digits.saturating_add(1);
                    end += c.len_utf8();
                }
                None => break,
            }
        }
        return Some(Tok {
            kind: Kind::Num,
            start,
            end,
            space_before,
            value,
            digits,
        });
    }
    if is_solo(first) {
        return Some(Tok {
            kind: Kind::Word,
            start,
            end: pos + first.len_utf8(),
            space_before,
            value: 0,
            digits: 0,
        });
    }
    if first.is_alphabetic() {
        // ASCII letters first, byte by byte: most words end before any other character.
        let ascii = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let mut end = pos + ascii;
        for c in rest[ascii..].chars() {
            if c.is_alphabetic() && !is_solo(c) {
                end += c.len_utf8();
            } else if is_mark(c) {
                // Combining accents belong to the word they decorate.
                end += c.len_utf8();
            } else {
                break;
            }
        }
        return Some(Tok {
            kind: Kind::Word,
            start,
            end,
            space_before,
            value: 0,
            digits: 0,
        });
    }
    Some(Tok {
        kind: Kind::Punct(first),
        start,
        end: pos + first.len_utf8(),
        space_before,
        value: 0,
        digits: 0,
    })
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// A position in the text with one-token lookahead, cheap to copy for backtracking.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cursor<'a> {
    pub src: &'a str,
    pub pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(src: &'a str, pos: usize) -> Self {
        Cursor { src, pos }
    }

    pub fn peek(&self) -> Option<Tok> {
        next(self.src, self.pos)
    }

    pub fn bump(&mut self) -> Option<Tok> {
        let tok = self.peek()?;
        self.pos = tok.end;
        Some(tok)
    }

    /// Consumes the next token when `pred` accepts it.
    pub fn eat(&mut self, pred: impl Fn(&Tok) -> bool) -> Option<Tok> {
        let tok = self.peek()?;
        if pred(&tok) {
            self.pos = tok.end;
            Some(tok)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(src: &str) -> Vec<(Kind, &str)> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(t) = next(src, pos) {
            out.push((t.kind, t.text(src)));
            pos = t.end;
        }
        out
    }

    #[test]
    fn splits_numbers_words_and_marks() {
        assert_eq!(
            all("Jan. 30, 2022"),
            vec![
                (Kind::Word, "Jan"),
                (Kind::Punct('.'), "."),
                (Kind::Num, "30"),
                (Kind::Punct(','), ","),
                (Kind::Num, "2022"),
            ]
        );
    }

    #[test]
    fn cjk_characters_stand_alone() {
        assert_eq!(
            all("2022年1月"),
            vec![
                (Kind::Num, "2022"),
                (Kind::Word, "年"),
                (Kind::Num, "1"),
                (Kind::Word, "月"),
            ]
        );
    }

    #[test]
    fn full_width_digits_have_values() {
        let t = next("２０２２", 0);
        assert_eq!(t.map(|t| (t.value, t.digits)), Some((2022, 4)));
    }

    #[test]
    fn records_space_before() {
        let src = "a  b";
        let b = next(src, 1);
        assert_eq!(b.map(|t| (t.start, t.space_before)), Some((3, true)));
    }
}
