//! The raw-text states: RCDATA (`<title>`, `<textarea>`), RAWTEXT (`<style>`, `<xmp>`, …)
//! and script data with its escaped (`<!--`) and double-escaped (`<!--<script>`) variants,
//! state for state as html5ever has them.

use html5ever::tokenizer::states::{RawKind, ScriptEscapeKind, State};
use html5ever::tokenizer::{TagKind, TokenSink};

use super::{Tokenizer, raw_stop};

impl<S: TokenSink> Tokenizer<'_, S> {
    pub(super) fn raw_data(&mut self, kind: RawKind) -> bool {
        loop {
            let Some(found) = raw_stop(kind, &self.bytes[self.pos..]) else {
                self.text_range(self.pos, self.bytes.len());
                self.pos = self.bytes.len();
                return false;
            };
            let at = self.pos + found;
            self.text_range(self.pos, at);
            self.pos = at + 1;
            match (self.bytes[at], kind) {
                (b'\0', _) => self.text_char('\u{fffd}'),
                (b'&', RawKind::Rcdata) => self.char_ref_in_text(at),
                (b'-', RawKind::ScriptDataEscaped(escape)) => {
                    self.text_char('-');
                    self.state = State::ScriptDataEscapedDash(escape);
                    return true;
                }
                (b'<', RawKind::ScriptDataEscaped(ScriptEscapeKind::DoubleEscaped)) => {
                    self.text_char('<');
                    self.state = State::RawLessThanSign(kind);
                    return true;
                }
                _ => {
                    self.state = State::RawLessThanSign(kind);
                    return true;
                }
            }
        }
    }

    pub(super) fn raw_less_than_sign(&mut self, kind: RawKind) -> bool {
        let Some(c) = self.peek() else {
            return false;
        };
        match kind {
            RawKind::ScriptDataEscaped(ScriptEscapeKind::Escaped) => {
                if c == '/' {
                    self.pos += 1;
                    self.temp.clear();
                    self.state = State::RawEndTagOpen(kind);
                } else if c.is_ascii_alphabetic() {
                    self.pos += 1;
                    self.temp.clear();
                    self.temp.push(c.to_ascii_lowercase());
                    self.text_char('<');
                    self.text_char(c);
                    self.state = State::ScriptDataEscapeStart(ScriptEscapeKind::DoubleEscaped);
                } else {
                    self.text_char('<');
                    self.state = State::RawData(kind);
                }
            }
            RawKind::ScriptDataEscaped(ScriptEscapeKind::DoubleEscaped) => {
                if c == '/' {
                    self.pos += 1;
                    self.temp.clear();
                    self.text_char('/');
                    self.state = State::ScriptDataDoubleEscapeEnd;
                } else {
                    self.state = State::RawData(kind);
                }
            }
            _ => {
                if c == '/' {
                    self.pos += 1;
                    self.temp.clear();
                    self.state = State::RawEndTagOpen(kind);
                } else if c == '!' && kind == RawKind::ScriptData {
                    self.pos += 1;
                    self.text_char('<');
                    self.text_char('!');
                    self.state = State::ScriptDataEscapeStart(ScriptEscapeKind::Escaped);
                } else {
                    self.text_char('<');
                    self.state = State::RawData(kind);
                }
            }
        }
        true
    }

    pub(super) fn raw_end_tag_open(&mut self, kind: RawKind) -> bool {
        let Some(c) = self.peek() else {
            return false;
        };
        if c.is_ascii_alphabetic() {
            self.pos += 1;
            self.create_tag(TagKind::EndTag);
            self.tag_name.push(c.to_ascii_lowercase());
            self.temp.push(c);
            self.state = State::RawEndTagName(kind);
        } else {
            self.text.push_str(self.src, "</");
            self.state = State::RawData(kind);
        }
        true
    }

    pub(super) fn raw_end_tag_name(&mut self, kind: RawKind) -> bool {
        loop {
            let Some(c) = self.peek() else {
                return false;
            };
            if self.appropriate_end_tag() {
                match c {
                    '\t' | '\n' | '\x0C' | ' ' => {
                        self.pos += 1;
                        self.temp.clear();
                        self.state = State::BeforeAttributeName;
                        return true;
                    }
                    '/' => {
                        self.pos += 1;
                        self.temp.clear();
                        self.state = State::SelfClosingStartTag;
                        return true;
                    }
                    '>' => {
                        self.pos += 1;
                        self.temp.clear();
                        return self.emit_tag();
                    }
                    _ => {}
                }
            }
            if c.is_ascii_alphabetic() {
                self.pos += 1;
                self.tag_name.push(c.to_ascii_lowercase());
                self.temp.push(c);
            } else {
                self.tag_name.clear();
                self.emit_end_tag_text();
                self.state = State::RawData(kind);
                return true;
            }
        }
    }

    /// `</` and the name read so far, as text: the end tag did not close the element.
    fn emit_end_tag_text(&mut self) {
        let temp = std::mem::take(&mut self.temp);
        self.text.push_str(self.src, "</");
        self.text.push_str(self.src, &temp);
    }

    pub(super) fn script_data_escape_start(&mut self, kind: ScriptEscapeKind) -> bool {
        let Some(c) = self.peek() else {
            return false;
        };
        match kind {
            ScriptEscapeKind::Escaped => {
                if c == '-' {
                    self.pos += 1;
                    self.text_char('-');
                    self.state = State::ScriptDataEscapeStartDash;
                } else {
                    self.state = State::RawData(RawKind::ScriptData);
                }
            }
            ScriptEscapeKind::DoubleEscaped => self.double_escape_boundary(
                c,
                ScriptEscapeKind::DoubleEscaped,
                ScriptEscapeKind::Escaped,
                ScriptEscapeKind::Escaped,
            ),
        }
        true
    }

    /// Reading a tag name after `<` (or `</`) in escaped script data: at its end, `script`
    /// switches to `if_script`, anything else to `otherwise`; a non-letter before that
    /// reconsumes in `interrupted`.
    fn double_escape_boundary(
        &mut self,
        c: char,
        if_script: ScriptEscapeKind,
        otherwise: ScriptEscapeKind,
        interrupted: ScriptEscapeKind,
    ) {
        if matches!(c, '\t' | '\n' | '\x0C' | ' ' | '/' | '>') {
            self.pos += 1;
            let escape = if self.temp == "script" {
                if_script
            } else {
                otherwise
            };
            self.text_char(c);
            self.state = State::RawData(RawKind::ScriptDataEscaped(escape));
        } else if c.is_ascii_alphabetic() {
            self.pos += 1;
            self.temp.push(c.to_ascii_lowercase());
            self.text_char(c);
        } else {
            self.state = State::RawData(RawKind::ScriptDataEscaped(interrupted));
        }
    }

    pub(super) fn script_data_escape_start_dash(&mut self) -> bool {
        let Some(c) = self.peek() else {
            return false;
        };
        if c == '-' {
            self.pos += 1;
            self.text_char('-');
            self.state = State::ScriptDataEscapedDashDash(ScriptEscapeKind::Escaped);
        } else {
            self.state = State::RawData(RawKind::ScriptData);
        }
        true
    }

    pub(super) fn script_data_escaped_dash(&mut self, kind: ScriptEscapeKind) -> bool {
        let Some(c) = self.next_char() else {
            return false;
        };
        match c {
            '-' => {
                self.text_char('-');
                self.state = State::ScriptDataEscapedDashDash(kind);
            }
            '<' => self.escaped_less_than(kind),
            '\0' => {
                self.text_char('\u{fffd}');
                self.state = State::RawData(RawKind::ScriptDataEscaped(kind));
            }
            c => {
                self.text_char(c);
                self.state = State::RawData(RawKind::ScriptDataEscaped(kind));
            }
        }
        true
    }

    fn escaped_less_than(&mut self, kind: ScriptEscapeKind) {
        if kind == ScriptEscapeKind::DoubleEscaped {
            self.text_char('<');
        }
        self.state = State::RawLessThanSign(RawKind::ScriptDataEscaped(kind));
    }

    pub(super) fn script_data_escaped_dash_dash(&mut self, kind: ScriptEscapeKind) -> bool {
        loop {
            let Some(c) = self.next_char() else {
                return false;
            };
            match c {
                '-' => self.text_char('-'),
                '<' => {
                    self.escaped_less_than(kind);
                    return true;
                }
                '>' => {
                    self.text_char('>');
                    self.state = State::RawData(RawKind::ScriptData);
                    return true;
                }
                '\0' => {
                    self.text_char('\u{fffd}');
                    self.state = State::RawData(RawKind::ScriptDataEscaped(kind));
                    return true;
                }
                c => {
                    self.text_char(c);
                    self.state = State::RawData(RawKind::ScriptDataEscaped(kind));
                    return true;
                }
            }
        }
    }

    pub(super) fn script_data_double_escape_end(&mut self) -> bool {
        let Some(c) = self.peek() else {
            return false;
        };
        self.double_escape_boundary(
            c,
            ScriptEscapeKind::Escaped,
            ScriptEscapeKind::DoubleEscaped,
            ScriptEscapeKind::DoubleEscaped,
        );
        true
    }

    /// End of input in a raw-text state: what html5ever flushes before the EOF token.
    /// `false` for states that are not raw-text ones.
    pub(super) fn script_eof(&mut self, state: State) -> bool {
        match state {
            State::RawLessThanSign(RawKind::ScriptDataEscaped(ScriptEscapeKind::DoubleEscaped)) => {
                self.state =
                    State::RawData(RawKind::ScriptDataEscaped(ScriptEscapeKind::DoubleEscaped));
            }
            State::RawLessThanSign(kind) => {
                self.text_char('<');
                self.state = State::RawData(kind);
            }
            State::RawEndTagOpen(kind) => {
                self.text.push_str(self.src, "</");
                self.state = State::RawData(kind);
            }
            State::RawEndTagName(kind) => {
                self.emit_end_tag_text();
                self.state = State::RawData(kind);
            }
            State::ScriptDataEscapeStart(kind) => {
                self.state = State::RawData(RawKind::ScriptDataEscaped(kind));
            }
            State::ScriptDataEscapeStartDash => self.state = State::RawData(RawKind::ScriptData),
            State::ScriptDataDoubleEscapeEnd => {
                self.state =
                    State::RawData(RawKind::ScriptDataEscaped(ScriptEscapeKind::DoubleEscaped));
            }
            _ => return false,
        }
        true
    }
}
