//! Markup declarations: comments (with the `<!-->` and `--!>` quirks), bogus comments,
//! DOCTYPE (its name and identifiers decide quirks mode, which changes tree building), and
//! CDATA sections in SVG and MathML, state for state as html5ever has them.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::{DoctypeIdKind, State};
use html5ever::tokenizer::{Doctype, Token, TokenSink};
use memchr::{memchr, memchr2, memchr3};

use super::Tokenizer;

impl<S: TokenSink> Tokenizer<'_, S> {
    /// One step in a markup-declaration state; `false` at the end of input.
    pub(super) fn markup(&mut self) -> bool {
        match self.state {
            State::MarkupDeclarationOpen => {
                self.markup_declaration_open();
                true
            }
            State::BogusComment => self.bogus_comment(),
            State::Comment => self.comment_text(),
            State::CdataSection => self.cdata_section(),
            State::AfterDoctypeName => self.after_doctype_name(),
            state => {
                let Some(c) = self.next_char() else {
                    return false;
                };
                self.markup_char(state, c);
                true
            }
        }
    }

    fn rest_starts_with(&self, pattern: &[u8], ignore_case: bool) -> bool {
        self.bytes
            .get(self.pos..self.pos + pattern.len())
            .is_some_and(|s| {
                if ignore_case {
                    s.eq_ignore_ascii_case(pattern)
                } else {
                    s == pattern
                }
            })
    }

    fn markup_declaration_open(&mut self) {
        self.comment.clear();
        if self.rest_starts_with(b"--", false) {
            self.pos += 2;
            self.state = State::CommentStart;
            return;
        }
        if self.rest_starts_with(b"doctype", true) {
            self.pos += 7;
            self.state = State::Doctype;
            return;
        }
        // The tree builder answers from its open elements, so it must have seen all text
        // before the `<!`.
        self.flush_text();
        if self
            .sink
            .adjusted_current_node_present_but_not_in_html_namespace()
            && self.rest_starts_with(b"[CDATA[", false)
        {
            self.pos += 7;
            self.state = State::CdataSection;
            return;
        }
        self.state = State::BogusComment;
    }

    fn bogus_comment(&mut self) -> bool {
        loop {
            let Some(found) = memchr2(b'>', b'\0', &self.bytes[self.pos..]) else {
                self.comment.push_str(&self.src[self.pos..]);
                self.pos = self.bytes.len();
                return false;
            };
            let at = self.pos + found;
            self.comment.push_str(&self.src[self.pos..at]);
            self.pos = at + 1;
            if self.bytes[at] == b'>' {
                self.emit_comment();
                self.state = State::Data;
                return true;
            }
            self.comment.push('\u{fffd}');
        }
    }

    /// The comment state: text up to the next `<`, `-` or NUL in one scan.
    fn comment_text(&mut self) -> bool {
        let Some(found) = memchr3(b'<', b'-', b'\0', &self.bytes[self.pos..]) else {
            self.comment.push_str(&self.src[self.pos..]);
            self.pos = self.bytes.len();
            return false;
        };
        let at = self.pos + found;
        self.comment.push_str(&self.src[self.pos..at]);
        self.pos = at + 1;
        match self.bytes[at] {
            b'<' => {
                self.comment.push('<');
                self.state = State::CommentLessThanSign;
            }
            b'-' => self.state = State::CommentEndDash,
            _ => self.comment.push('\u{fffd}'),
        }
        true
    }

    fn emit_comment(&mut self) {
        self.flush_text();
        let comment = StrTendril::from_slice(&self.comment);
        self.comment.clear();
        let _ = self.emit(Token::CommentToken(comment));
    }

    fn emit_doctype(&mut self) {
        self.flush_text();
        let doctype = std::mem::take(&mut self.doctype);
        let _ = self.emit(Token::DoctypeToken(doctype));
        self.state = State::Data;
    }

    fn doctype_id(&mut self, kind: DoctypeIdKind) -> &mut Option<StrTendril> {
        match kind {
            DoctypeIdKind::Public => &mut self.doctype.public_id,
            DoctypeIdKind::System => &mut self.doctype.system_id,
        }
    }

    fn start_doctype_id(&mut self, kind: DoctypeIdKind, quote: char) {
        *self.doctype_id(kind) = Some(StrTendril::new());
        self.state = if quote == '"' {
            State::DoctypeIdentifierDoubleQuoted(kind)
        } else {
            State::DoctypeIdentifierSingleQuoted(kind)
        };
    }

    /// Not a DOCTYPE html5ever can read: quirks mode, skip to `>`.
    fn bogus_doctype(&mut self, quirks: bool) {
        if quirks {
            self.doctype.force_quirks = true;
        }
        self.state = State::BogusDoctype;
    }

    fn after_doctype_name(&mut self) -> bool {
        if self.rest_starts_with(b"public", true) {
            self.pos += 6;
            self.state = State::AfterDoctypeKeyword(DoctypeIdKind::Public);
            return true;
        }
        if self.rest_starts_with(b"system", true) {
            self.pos += 6;
            self.state = State::AfterDoctypeKeyword(DoctypeIdKind::System);
            return true;
        }
        let Some(c) = self.peek() else {
            return false;
        };
        match c {
            '\t' | '\n' | '\x0C' | ' ' => self.pos += 1,
            '>' => {
                self.pos += 1;
                self.emit_doctype();
            }
            _ => self.bogus_doctype(true),
        }
        true
    }

    fn cdata_section(&mut self) -> bool {
        let rest = &self.bytes[self.pos..];
        let (end, next) = match memchr::memmem::find(rest, b"]]>") {
            Some(found) => (self.pos + found, self.pos + found + 3),
            None => (self.bytes.len(), self.bytes.len()),
        };
        let mut from = self.pos;
        while let Some(found) = memchr(b'\0', &self.bytes[from..end]) {
            self.text_range(from, from + found);
            self.emit_null();
            from += found + 1;
        }
        self.text_range(from, end);
        self.pos = next;
        self.state = State::Data;
        true
    }

    /// One character in the comment and DOCTYPE states that have no fast path.
    fn markup_char(&mut self, state: State, c: char) {
        let reconsume = |me: &mut Self, state: State| {
            me.pos -= c.len_utf8();
            me.state = state;
        };
        match state {
            State::CommentStart => match c {
                '-' => self.state = State::CommentStartDash,
                '>' => {
                    self.emit_comment();
                    self.state = State::Data;
                }
                '\0' => {
                    self.comment.push('\u{fffd}');
                    self.state = State::Comment;
                }
                c => {
                    self.comment.push(c);
                    self.state = State::Comment;
                }
            },
            State::CommentStartDash | State::CommentEndDash => match c {
                '-' => self.state = State::CommentEnd,
                '>' if state == State::CommentStartDash => {
                    self.emit_comment();
                    self.state = State::Data;
                }
                '\0' => {
                    self.comment.push_str("-\u{fffd}");
                    self.state = State::Comment;
                }
                c => {
                    self.comment.push('-');
                    self.comment.push(c);
                    self.state = State::Comment;
                }
            },
            State::CommentLessThanSign => match c {
                '!' => {
                    self.comment.push('!');
                    self.state = State::CommentLessThanSignBang;
                }
                '<' => self.comment.push('<'),
                _ => reconsume(self, State::Comment),
            },
            State::CommentLessThanSignBang => match c {
                '-' => self.state = State::CommentLessThanSignBangDash,
                _ => reconsume(self, State::Comment),
            },
            State::CommentLessThanSignBangDash => match c {
                '-' => self.state = State::CommentLessThanSignBangDashDash,
                _ => reconsume(self, State::CommentEndDash),
            },
            State::CommentLessThanSignBangDashDash => reconsume(self, State::CommentEnd),
            State::CommentEnd => match c {
                '>' => {
                    self.emit_comment();
                    self.state = State::Data;
                }
                '!' => self.state = State::CommentEndBang,
                '-' => self.comment.push('-'),
                _ => {
                    self.comment.push_str("--");
                    reconsume(self, State::Comment);
                }
            },
            State::CommentEndBang => match c {
                '-' => {
                    self.comment.push_str("--!");
                    self.state = State::CommentEndDash;
                }
                '>' => {
                    self.emit_comment();
                    self.state = State::Data;
                }
                '\0' => {
                    self.comment.push_str("--!\u{fffd}");
                    self.state = State::Comment;
                }
                c => {
                    self.comment.push_str("--!");
                    self.comment.push(c);
                    self.state = State::Comment;
                }
            },
            State::Doctype => match c {
                '\t' | '\n' | '\x0C' | ' ' => self.state = State::BeforeDoctypeName,
                _ => reconsume(self, State::BeforeDoctypeName),
            },
            State::BeforeDoctypeName => match c {
                '\t' | '\n' | '\x0C' | ' ' => {}
                '>' => {
                    self.doctype = Doctype::default();
                    self.doctype.force_quirks = true;
                    self.emit_doctype();
                }
                c => {
                    self.doctype = Doctype::default();
                    let c = if c == '\0' {
                        '\u{fffd}'
                    } else {
                        c.to_ascii_lowercase()
                    };
                    self.doctype.name = Some(StrTendril::from_char(c));
                    self.state = State::DoctypeName;
                }
            },
            State::DoctypeName => match c {
                '\t' | '\n' | '\x0C' | ' ' => self.state = State::AfterDoctypeName,
                '>' => self.emit_doctype(),
                c => {
                    let c = if c == '\0' {
                        '\u{fffd}'
                    } else {
                        c.to_ascii_lowercase()
                    };
                    self.doctype
                        .name
                        .get_or_insert_with(StrTendril::new)
                        .push_char(c);
                }
            },
            State::AfterDoctypeKeyword(kind) => match c {
                '\t' | '\n' | '\x0C' | ' ' => self.state = State::BeforeDoctypeIdentifier(kind),
                '"' | '\'' => self.start_doctype_id(kind, c),
                '>' => {
                    self.doctype.force_quirks = true;
                    self.emit_doctype();
                }
                _ => {
                    self.pos -= c.len_utf8();
                    self.bogus_doctype(true);
                }
            },
            State::BeforeDoctypeIdentifier(kind) => match c {
                '\t' | '\n' | '\x0C' | ' ' => {}
                '"' | '\'' => self.start_doctype_id(kind, c),
                '>' => {
                    self.doctype.force_quirks = true;
                    self.emit_doctype();
                }
                _ => {
                    self.pos -= c.len_utf8();
                    self.bogus_doctype(true);
                }
            },
            State::DoctypeIdentifierDoubleQuoted(kind)
            | State::DoctypeIdentifierSingleQuoted(kind) => {
                let quote = if matches!(state, State::DoctypeIdentifierDoubleQuoted(_)) {
                    '"'
                } else {
                    '\''
                };
                match c {
                    c if c == quote => self.state = State::AfterDoctypeIdentifier(kind),
                    '>' => {
                        self.doctype.force_quirks = true;
                        self.emit_doctype();
                    }
                    c => {
                        let c = if c == '\0' { '\u{fffd}' } else { c };
                        self.doctype_id(kind)
                            .get_or_insert_with(StrTendril::new)
                            .push_char(c);
                    }
                }
            }
            State::AfterDoctypeIdentifier(DoctypeIdKind::Public) => match c {
                '\t' | '\n' | '\x0C' | ' ' => {
                    self.state = State::BetweenDoctypePublicAndSystemIdentifiers;
                }
                '>' => self.emit_doctype(),
                '"' | '\'' => self.start_doctype_id(DoctypeIdKind::System, c),
                _ => {
                    self.pos -= c.len_utf8();
                    self.bogus_doctype(true);
                }
            },
            State::BetweenDoctypePublicAndSystemIdentifiers => match c {
                '\t' | '\n' | '\x0C' | ' ' => {}
                '>' => self.emit_doctype(),
                '"' | '\'' => self.start_doctype_id(DoctypeIdKind::System, c),
                _ => {
                    self.pos -= c.len_utf8();
                    self.bogus_doctype(true);
                }
            },
            State::AfterDoctypeIdentifier(DoctypeIdKind::System) => match c {
                '\t' | '\n' | '\x0C' | ' ' => {}
                '>' => self.emit_doctype(),
                _ => {
                    self.pos -= c.len_utf8();
                    self.bogus_doctype(false);
                }
            },
            State::BogusDoctype => {
                if c == '>' {
                    self.emit_doctype();
                }
            }
            _ => {
                // Every other state has its own handler; reaching here would be a bug in the
                // dispatch, and text is the safe way out of it.
                self.state = State::Data;
            }
        }
    }

    /// End of input in a markup-declaration state: the comment or DOCTYPE so far is emitted.
    pub(super) fn markup_eof(&mut self, state: State) {
        match state {
            State::Doctype | State::BeforeDoctypeName => {
                self.doctype = Doctype::default();
                self.doctype.force_quirks = true;
                self.emit_doctype();
            }
            State::DoctypeName
            | State::AfterDoctypeName
            | State::AfterDoctypeKeyword(_)
            | State::BeforeDoctypeIdentifier(_)
            | State::DoctypeIdentifierDoubleQuoted(_)
            | State::DoctypeIdentifierSingleQuoted(_)
            | State::AfterDoctypeIdentifier(_)
            | State::BetweenDoctypePublicAndSystemIdentifiers => {
                self.doctype.force_quirks = true;
                self.emit_doctype();
            }
            State::BogusDoctype => self.emit_doctype(),
            State::CdataSection | State::CdataSectionBracket | State::CdataSectionEnd => {
                self.state = State::Data;
            }
            _ => {
                // Every comment state, and `<!` at the very end (an empty bogus comment).
                self.emit_comment();
                self.state = State::Data;
            }
        }
    }
}
