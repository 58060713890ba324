//! A byte-level HTML tokenizer that drives html5ever's tree builder.
//!
//! It follows html5ever 0.40's own tokenizer state for state (the WHATWG states, with
//! html5ever's names from `tokenizer::states`), so the tree builder sees the same tokens and
//! builds the same tree; `tests/differential.rs` checks that on the benchmark pages and on
//! mutated markup. What differs is the mechanics:
//! - the whole input is one buffer, so nothing suspends or is pushed back: "reconsume" is not
//!   advancing, and a character reference is decided by looking ahead;
//! - text, tag names, attribute names and values are scanned with `memchr` or byte loops up to
//!   the next byte that matters, and handed over as slices of the input buffer (shared, not
//!   copied) unless a character reference or a replacement character was decoded into them;
//! - adjacent character tokens go to the tree builder as one token (it merges text anyway,
//!   and html5ever's own tokenizer already splits text at arbitrary buffer boundaries);
//! - newlines are normalised once, up front (`\r\n` and `\r` to `\n`), and parse errors are
//!   not reported (nothing reads them, and they never change the tree).

pub(crate) mod char_ref;
mod markup;
mod run;
mod script;

use std::collections::HashSet;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::{AttrValueKind, RawKind, State};
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::{Attribute, LocalName, QualName, local_name, ns};
use memchr::{memchr, memchr2, memchr3};

use run::Run;

/// From this many attributes on, duplicates are found through a set.
const MANY_ATTRIBUTES: usize = 16;

/// Tokenizes `buf` (already newline-normalised, see [`normalize_newlines`]) into `sink`,
/// ending with the EOF token and `sink.end()`.
pub(crate) fn tokenize<S: TokenSink>(buf: &StrTendril, sink: &S) {
    let src: &str = buf;
    let mut tokenizer = Tokenizer {
        sink,
        buf,
        src,
        bytes: src.as_bytes(),
        pos: 0,
        state: State::Data,
        text: Run::Empty,
        last_start_tag: None,
        tag_kind: TagKind::StartTag,
        tag_name: String::new(),
        self_closing: false,
        attrs: Vec::new(),
        attr_names: HashSet::new(),
        had_duplicate: false,
        attr_name: String::new(),
        attr_value: Run::Empty,
        temp: String::new(),
        comment: String::new(),
        doctype: Doctype::default(),
    };
    tokenizer.skip_bom();
    tokenizer.run();
}

/// `\r\n` and lone `\r` become `\n`, as the tokenizer's input preprocessing demands; `None`
/// when there is no `\r` (the usual case).
pub(crate) fn normalize_newlines(text: &str) -> Option<StrTendril> {
    let bytes = text.as_bytes();
    let mut at = memchr(b'\r', bytes)?;
    let mut out = StrTendril::with_capacity(u32::try_from(text.len()).unwrap_or(u32::MAX));
    let mut from = 0;
    loop {
        out.push_slice(&text[from..at]);
        out.push_char('\n');
        from = if bytes.get(at + 1) == Some(&b'\n') {
            at + 2
        } else {
            at + 1
        };
        match memchr(b'\r', &bytes[from..]) {
            Some(next) => at = from + next,
            None => break,
        }
    }
    out.push_slice(&text[from..]);
    Some(out)
}

pub(super) struct Tokenizer<'a, S> {
    sink: &'a S,
    buf: &'a StrTendril,
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    state: State,
    /// Character data not yet handed to the sink.
    text: Run,
    last_start_tag: Option<LocalName>,
    tag_kind: TagKind,
    tag_name: String,
    self_closing: bool,
    /// The attributes of the tag being read, in a buffer kept across tags: each tag's are
    /// copied out at their exact count, where handing over the buffer itself made every tag
    /// grow a new one from empty (4, then 8, then 16 entries).
    attrs: Vec<Attribute>,
    /// The names in `attrs` once there are many of them, so that a tag with thousands of
    /// attributes does not cost a quadratic duplicate check.
    attr_names: HashSet<LocalName>,
    had_duplicate: bool,
    attr_name: String,
    attr_value: Run,
    temp: String,
    comment: String,
    doctype: Doctype,
}

/// The atom for a tag name. The names most pages are made of are matched here directly, most
/// frequent first; `LocalName::from` hashes every name it is given to find it in the static set.
fn known_tag(name: &str) -> LocalName {
    match name {
        "a" => local_name!("a"),
        "div" => local_name!("div"),
        "span" => local_name!("span"),
        "p" => local_name!("p"),
        "li" => local_name!("li"),
        "img" => local_name!("img"),
        "i" => local_name!("i"),
        "br" => local_name!("br"),
        "ul" => local_name!("ul"),
        "b" => local_name!("b"),
        "em" => local_name!("em"),
        "strong" => local_name!("strong"),
        "h2" => local_name!("h2"),
        "h3" => local_name!("h3"),
        "h1" => local_name!("h1"),
        "h4" => local_name!("h4"),
        "meta" => local_name!("meta"),
        "link" => local_name!("link"),
        "script" => local_name!("script"),
        "style" => local_name!("style"),
        "title" => local_name!("title"),
        "head" => local_name!("head"),
        "body" => local_name!("body"),
        "html" => local_name!("html"),
        "section" => local_name!("section"),
        "article" => local_name!("article"),
        "header" => local_name!("header"),
        "footer" => local_name!("footer"),
        "nav" => local_name!("nav"),
        "aside" => local_name!("aside"),
        "main" => local_name!("main"),
        "figure" => local_name!("figure"),
        "figcaption" => local_name!("figcaption"),
        "picture" => local_name!("picture"),
        "source" => local_name!("source"),
        "time" => local_name!("time"),
        "button" => local_name!("button"),
        "svg" => local_name!("svg"),
        "path" => local_name!("path"),
        "form" => local_name!("form"),
        "input" => local_name!("input"),
        "label" => local_name!("label"),
        "option" => local_name!("option"),
        "select" => local_name!("select"),
        "table" => local_name!("table"),
        "tr" => local_name!("tr"),
        "td" => local_name!("td"),
        "th" => local_name!("th"),
        "tbody" => local_name!("tbody"),
        "thead" => local_name!("thead"),
        "iframe" => local_name!("iframe"),
        "noscript" => local_name!("noscript"),
        "template" => local_name!("template"),
        "small" => local_name!("small"),
        "sup" => local_name!("sup"),
        "sub" => local_name!("sub"),
        "blockquote" => local_name!("blockquote"),
        "hr" => local_name!("hr"),
        "u" => local_name!("u"),
        "s" => local_name!("s"),
        "dl" => local_name!("dl"),
        "dt" => local_name!("dt"),
        "dd" => local_name!("dd"),
        "g" => local_name!("g"),
        "use" => local_name!("use"),
        "video" => local_name!("video"),
        "ol" => local_name!("ol"),
        "h5" => local_name!("h5"),
        "h6" => local_name!("h6"),
        _ => LocalName::from(name),
    }
}

/// The atom for an attribute name, as [`known_tag`] does for tag names. `data-` and `aria-`
/// names, a large share of all, are none of the common ones.
fn known_attribute(name: &str) -> LocalName {
    if name.starts_with("data-") || name.starts_with("aria-") {
        return LocalName::from(name);
    }
    match name {
        "class" => local_name!("class"),
        "href" => local_name!("href"),
        "id" => local_name!("id"),
        "src" => local_name!("src"),
        "alt" => local_name!("alt"),
        "style" => local_name!("style"),
        "title" => local_name!("title"),
        "rel" => local_name!("rel"),
        "type" => local_name!("type"),
        "target" => local_name!("target"),
        "width" => local_name!("width"),
        "height" => local_name!("height"),
        "content" => local_name!("content"),
        "name" => local_name!("name"),
        "property" => local_name!("property"),
        "itemprop" => local_name!("itemprop"),
        "datetime" => local_name!("datetime"),
        "role" => local_name!("role"),
        "lang" => local_name!("lang"),
        "srcset" => local_name!("srcset"),
        "sizes" => local_name!("sizes"),
        "loading" => local_name!("loading"),
        "charset" => local_name!("charset"),
        "value" => local_name!("value"),
        "itemscope" => local_name!("itemscope"),
        "itemtype" => local_name!("itemtype"),
        "async" => local_name!("async"),
        "defer" => local_name!("defer"),
        "media" => local_name!("media"),
        "fill" => local_name!("fill"),
        "d" => local_name!("d"),
        "xmlns" => local_name!("xmlns"),
        "tabindex" => local_name!("tabindex"),
        "hidden" => local_name!("hidden"),
        "action" => local_name!("action"),
        "method" => local_name!("method"),
        "for" => local_name!("for"),
        "placeholder" => local_name!("placeholder"),
        _ => LocalName::from(name),
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b' ')
}

impl<S: TokenSink> Tokenizer<'_, S> {
    fn peek(&self) -> Option<char> {
        self.src.get(self.pos..)?.chars().next()
    }

    fn peek_byte(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Consumes and returns the next character.
    fn next_char(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// html5ever drops a U+FEFF at the front of the input every time the parser is fed, which
    /// happens at the start and again after a `</script>` or a `<meta charset>` stopped it.
    fn skip_bom(&mut self) {
        if self.src[self.pos..].starts_with('\u{feff}') {
            self.pos += '\u{feff}'.len_utf8();
        }
    }

    fn emit(&mut self, token: Token) -> TokenSinkResult<S::Handle> {
        // The line number only labels parse errors, which nothing reads.
        self.sink.process_token(token, 1)
    }

    /// Hands the pending character data to the sink. (The tree builder only answers tag
    /// tokens with anything but `Continue`, so answers to other tokens are ignored.)
    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            let text = self.text.take(self.buf, self.src);
            let _ = self.emit(Token::CharacterTokens(text));
        }
    }

    /// Appends the input bytes `start..end` to the pending character data.
    fn text_range(&mut self, start: usize, end: usize) {
        self.text.push_range(self.src, start, end);
    }

    fn text_char(&mut self, c: char) {
        self.text.push_char(self.src, c);
    }

    fn emit_null(&mut self) {
        self.flush_text();
        let _ = self.emit(Token::NullCharacterToken);
    }

    fn run(&mut self) {
        loop {
            let more = match self.state {
                State::Data => self.data(),
                State::Plaintext => self.plaintext(),
                State::TagOpen => self.tag_open(),
                State::EndTagOpen => self.end_tag_open(),
                State::TagName => self.tag_name(),
                State::BeforeAttributeName => self.before_attribute_name(),
                State::AttributeName => self.attribute_name(),
                State::AfterAttributeName => self.after_attribute_name(),
                State::BeforeAttributeValue => self.before_attribute_value(),
                State::AttributeValue(kind) => self.attribute_value(kind),
                State::AfterAttributeValueQuoted => self.after_attribute_value_quoted(),
                State::SelfClosingStartTag => self.self_closing_start_tag(),
                State::RawData(kind) => self.raw_data(kind),
                State::RawLessThanSign(kind) => self.raw_less_than_sign(kind),
                State::RawEndTagOpen(kind) => self.raw_end_tag_open(kind),
                State::RawEndTagName(kind) => self.raw_end_tag_name(kind),
                State::ScriptDataEscapeStart(kind) => self.script_data_escape_start(kind),
                State::ScriptDataEscapeStartDash => self.script_data_escape_start_dash(),
                State::ScriptDataEscapedDash(kind) => self.script_data_escaped_dash(kind),
                State::ScriptDataEscapedDashDash(kind) => self.script_data_escaped_dash_dash(kind),
                State::ScriptDataDoubleEscapeEnd => self.script_data_double_escape_end(),
                _ => self.markup(),
            };
            if !more {
                break;
            }
        }
        self.eof();
        self.flush_text();
        let _ = self.emit(Token::EOFToken);
        self.sink.end();
    }

    /// The data state: text up to the next `<`, `&` or NUL in one scan.
    fn data(&mut self) -> bool {
        loop {
            let Some(found) = memchr3(b'<', b'&', b'\0', &self.bytes[self.pos..]) else {
                self.text_range(self.pos, self.bytes.len());
                self.pos = self.bytes.len();
                return false;
            };
            let at = self.pos + found;
            self.text_range(self.pos, at);
            self.pos = at + 1;
            match self.bytes[at] {
                b'<' => {
                    self.state = State::TagOpen;
                    return true;
                }
                b'&' => self.char_ref_in_text(at),
                _ => self.emit_null(),
            }
        }
    }

    /// `&` at `amp` in text: the decoded characters, or the `&` itself.
    fn char_ref_in_text(&mut self, amp: usize) {
        match char_ref::consume(self.src, amp + 1, false) {
            Some(found) => {
                for &c in found.as_slice() {
                    self.text_char(c);
                }
                self.pos = found.end;
            }
            None => self.text_range(amp, amp + 1),
        }
    }

    fn plaintext(&mut self) -> bool {
        loop {
            let Some(found) = memchr(b'\0', &self.bytes[self.pos..]) else {
                self.text_range(self.pos, self.bytes.len());
                self.pos = self.bytes.len();
                return false;
            };
            let at = self.pos + found;
            self.text_range(self.pos, at);
            self.text_char('\u{fffd}');
            self.pos = at + 1;
        }
    }

    fn tag_open(&mut self) -> bool {
        let Some(b) = self.peek_byte() else {
            return false;
        };
        match b {
            b'!' => {
                self.pos += 1;
                self.state = State::MarkupDeclarationOpen;
            }
            b'/' => {
                self.pos += 1;
                self.state = State::EndTagOpen;
            }
            b if b.is_ascii_alphabetic() => {
                self.create_tag(TagKind::StartTag);
                self.state = State::TagName;
            }
            b'?' => {
                self.comment.clear();
                self.state = State::BogusComment;
            }
            _ => {
                self.text_range(self.pos - 1, self.pos);
                self.state = State::Data;
            }
        }
        true
    }

    fn end_tag_open(&mut self) -> bool {
        let Some(b) = self.peek_byte() else {
            return false;
        };
        match b {
            b if b.is_ascii_alphabetic() => {
                self.create_tag(TagKind::EndTag);
                self.state = State::TagName;
            }
            b'>' => {
                self.pos += 1;
                self.state = State::Data;
            }
            _ => {
                self.comment.clear();
                self.state = State::BogusComment;
            }
        }
        true
    }

    fn create_tag(&mut self, kind: TagKind) {
        self.tag_kind = kind;
        self.tag_name.clear();
        self.self_closing = false;
        self.had_duplicate = false;
        self.attrs.clear();
        // Filled only for tags with many attributes; clearing an empty set still costs a
        // call per tag.
        if !self.attr_names.is_empty() {
            self.attr_names.clear();
        }
        self.attr_name.clear();
        self.attr_value = Run::Empty;
    }

    /// Appends the run of name bytes at the cursor to `name`, lower-cased, stopping at the
    /// first byte `stop` accepts (all such bytes are ASCII, so the run ends on a character
    /// boundary). Returns the stop byte, `None` at the end of input.
    fn name_run(&mut self, attribute: bool, stop: fn(u8) -> bool) -> Option<u8> {
        let rest = &self.bytes[self.pos..];
        let len = rest.iter().position(|&b| stop(b)).unwrap_or(rest.len());
        let piece = &self.src[self.pos..self.pos + len];
        let name = if attribute {
            &mut self.attr_name
        } else {
            &mut self.tag_name
        };
        let from = name.len();
        name.push_str(piece);
        name[from..].make_ascii_lowercase();
        self.pos += len;
        self.peek_byte()
    }

    fn tag_name(&mut self) -> bool {
        loop {
            let Some(b) = self.name_run(false, |b| {
                matches!(b, b'\t' | b'\n' | b'\x0C' | b' ' | b'/' | b'>' | b'\0')
            }) else {
                return false;
            };
            self.pos += 1;
            match b {
                b'/' => {
                    self.state = State::SelfClosingStartTag;
                    return true;
                }
                b'>' => return self.emit_tag(),
                b'\0' => self.tag_name.push('\u{fffd}'),
                _ => {
                    self.state = State::BeforeAttributeName;
                    return true;
                }
            }
        }
    }

    fn before_attribute_name(&mut self) -> bool {
        loop {
            let Some(c) = self.next_char() else {
                return false;
            };
            match c {
                '\t' | '\n' | '\x0C' | ' ' => {}
                '/' => {
                    self.state = State::SelfClosingStartTag;
                    return true;
                }
                '>' => return self.emit_tag(),
                '\0' => return self.start_attribute('\u{fffd}'),
                c => return self.start_attribute(c.to_ascii_lowercase()),
            }
        }
    }

    fn start_attribute(&mut self, c: char) -> bool {
        self.finish_attribute();
        self.attr_name.push(c);
        self.state = State::AttributeName;
        true
    }

    fn attribute_name(&mut self) -> bool {
        loop {
            let Some(b) = self.name_run(true, |b| {
                matches!(
                    b,
                    b'\t' | b'\n' | b'\x0C' | b' ' | b'/' | b'>' | b'=' | b'\0'
                )
            }) else {
                return false;
            };
            self.pos += 1;
            match b {
                b'/' => {
                    self.state = State::SelfClosingStartTag;
                    return true;
                }
                b'>' => return self.emit_tag(),
                b'=' => {
                    self.state = State::BeforeAttributeValue;
                    return true;
                }
                b'\0' => self.attr_name.push('\u{fffd}'),
                _ => {
                    self.state = State::AfterAttributeName;
                    return true;
                }
            }
        }
    }

    fn after_attribute_name(&mut self) -> bool {
        loop {
            let Some(c) = self.next_char() else {
                return false;
            };
            match c {
                '\t' | '\n' | '\x0C' | ' ' => {}
                '/' => {
                    self.state = State::SelfClosingStartTag;
                    return true;
                }
                '=' => {
                    self.state = State::BeforeAttributeValue;
                    return true;
                }
                '>' => return self.emit_tag(),
                '\0' => return self.start_attribute('\u{fffd}'),
                c => return self.start_attribute(c.to_ascii_lowercase()),
            }
        }
    }

    fn before_attribute_value(&mut self) -> bool {
        loop {
            match self.peek_byte() {
                Some(b) if is_space(b) => self.pos += 1,
                Some(b'"') => {
                    self.pos += 1;
                    self.state = State::AttributeValue(AttrValueKind::DoubleQuoted);
                    return true;
                }
                Some(b'\'') => {
                    self.pos += 1;
                    self.state = State::AttributeValue(AttrValueKind::SingleQuoted);
                    return true;
                }
                Some(b'>') => {
                    self.pos += 1;
                    return self.emit_tag();
                }
                _ => {
                    self.state = State::AttributeValue(AttrValueKind::Unquoted);
                    return true;
                }
            }
        }
    }

    fn attribute_value(&mut self, kind: AttrValueKind) -> bool {
        loop {
            let rest = &self.bytes[self.pos..];
            let found = match kind {
                AttrValueKind::DoubleQuoted => memchr3(b'"', b'&', b'\0', rest),
                AttrValueKind::SingleQuoted => memchr3(b'\'', b'&', b'\0', rest),
                AttrValueKind::Unquoted => rest.iter().position(|&b| {
                    matches!(b, b'\t' | b'\n' | b'\x0C' | b' ' | b'&' | b'>' | b'\0')
                }),
            };
            let Some(found) = found else {
                self.pos = self.bytes.len();
                return false;
            };
            let at = self.pos + found;
            self.attr_value.push_range(self.src, self.pos, at);
            self.pos = at + 1;
            match self.bytes[at] {
                b'&' => match char_ref::consume(self.src, at + 1, true) {
                    Some(found) => {
                        for &c in found.as_slice() {
                            self.attr_value.push_char(self.src, c);
                        }
                        self.pos = found.end;
                    }
                    None => self.attr_value.push_range(self.src, at, at + 1),
                },
                b'\0' => self.attr_value.push_char(self.src, '\u{fffd}'),
                b'>' => return self.emit_tag(),
                b'"' | b'\'' if kind != AttrValueKind::Unquoted => {
                    self.state = State::AfterAttributeValueQuoted;
                    return true;
                }
                _ => {
                    self.state = State::BeforeAttributeName;
                    return true;
                }
            }
        }
    }

    fn after_attribute_value_quoted(&mut self) -> bool {
        let Some(b) = self.peek_byte() else {
            return false;
        };
        match b {
            b if is_space(b) => {
                self.pos += 1;
                self.state = State::BeforeAttributeName;
                true
            }
            b'/' => {
                self.pos += 1;
                self.state = State::SelfClosingStartTag;
                true
            }
            b'>' => {
                self.pos += 1;
                self.emit_tag()
            }
            _ => {
                self.state = State::BeforeAttributeName;
                true
            }
        }
    }

    fn self_closing_start_tag(&mut self) -> bool {
        let Some(b) = self.peek_byte() else {
            return false;
        };
        if b == b'>' {
            self.pos += 1;
            self.self_closing = true;
            return self.emit_tag();
        }
        self.state = State::BeforeAttributeName;
        true
    }

    fn finish_attribute(&mut self) {
        if self.attr_name.is_empty() {
            return;
        }
        let name = known_attribute(&self.attr_name);
        self.attr_name.clear();
        let duplicate = if self.attrs.len() < MANY_ATTRIBUTES {
            self.attrs.iter().any(|a| a.name.local == name)
        } else {
            if self.attr_names.is_empty() {
                self.attr_names
                    .extend(self.attrs.iter().map(|a| a.name.local.clone()));
            }
            !self.attr_names.insert(name.clone())
        };
        if duplicate {
            self.had_duplicate = true;
            self.attr_value = Run::Empty;
            return;
        }
        let value = self.attr_value.take(self.buf, self.src);
        self.attrs.push(Attribute {
            name: QualName::new(None, ns!(), name),
            value,
        });
    }

    /// The tag's attributes in a vector of their exact size (one copy of the buffer, not an
    /// element-by-element move; none for the many tags without attributes).
    fn take_attributes(&mut self) -> Vec<Attribute> {
        if self.attrs.is_empty() {
            return Vec::new();
        }
        let mut attrs = Vec::with_capacity(self.attrs.len());
        attrs.append(&mut self.attrs);
        attrs
    }

    /// Hands the current tag to the sink and switches to the state it asks for.
    fn emit_tag(&mut self) -> bool {
        self.finish_attribute();
        let name = known_tag(&self.tag_name);
        if self.tag_kind == TagKind::StartTag {
            self.last_start_tag = Some(name.clone());
        }
        let tag = Tag {
            kind: self.tag_kind,
            name,
            self_closing: self.self_closing,
            attrs: self.take_attributes(),
            had_duplicate_attributes: self.had_duplicate,
        };
        self.flush_text();
        self.state = State::Data;
        match self.emit(Token::TagToken(tag)) {
            TokenSinkResult::Continue => {}
            TokenSinkResult::Plaintext => self.state = State::Plaintext,
            TokenSinkResult::RawData(kind) => self.state = State::RawData(kind),
            TokenSinkResult::Script(_) | TokenSinkResult::EncodingIndicator(_) => {
                self.skip_bom();
            }
        }
        true
    }

    /// Whether the end tag being read closes the element whose raw text this is.
    fn appropriate_end_tag(&self) -> bool {
        self.tag_kind == TagKind::EndTag
            && self
                .last_start_tag
                .as_ref()
                .is_some_and(|last| **last == *self.tag_name)
    }

    /// What html5ever does at the end of input in each state, up to the EOF token.
    fn eof(&mut self) {
        loop {
            match self.state {
                State::Data
                | State::Plaintext
                | State::RawData(RawKind::Rcdata | RawKind::Rawtext | RawKind::ScriptData) => {
                    return;
                }
                State::TagOpen => {
                    self.text_char('<');
                    self.state = State::Data;
                }
                State::EndTagOpen => {
                    self.text.push_str(self.src, "</");
                    self.state = State::Data;
                }
                State::BeforeAttributeValue => {
                    self.state = State::AttributeValue(AttrValueKind::Unquoted);
                }
                State::TagName
                | State::RawData(RawKind::ScriptDataEscaped(_))
                | State::BeforeAttributeName
                | State::AttributeName
                | State::AfterAttributeName
                | State::AttributeValue(_)
                | State::AfterAttributeValueQuoted
                | State::SelfClosingStartTag
                | State::ScriptDataEscapedDash(_)
                | State::ScriptDataEscapedDashDash(_) => self.state = State::Data,
                state => {
                    if !self.script_eof(state) {
                        self.markup_eof(state);
                    }
                }
            }
        }
    }
}

/// The offset of the first byte in `rest` that ends a run of plain characters in a raw-text
/// state of this kind.
fn raw_stop(kind: RawKind, rest: &[u8]) -> Option<usize> {
    match kind {
        RawKind::Rcdata => memchr3(b'<', b'&', b'\0', rest),
        RawKind::Rawtext | RawKind::ScriptData => memchr2(b'<', b'\0', rest),
        RawKind::ScriptDataEscaped(_) => memchr3(b'<', b'-', b'\0', rest),
    }
}
