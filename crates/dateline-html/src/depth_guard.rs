//! Keeps the parser's stack of open elements shallow.
//!
//! html5ever checks "is X in scope" by scanning its open-element stack, so a page with 100,000
//! unclosed `<div>`s costs 100,000 × 100,000 steps: minutes for one page. This guard sits between
//! the tokenizer and the tree builder and mirrors the open elements it let through. Past the
//! depth cap it drops further start tags (their content lands in the element at the cap, as
//! Chromium does) together with their matching end tags, so text is never lost.
//!
//! The mirror is approximate (the tree builder closes some elements implicitly), but its
//! errors only ever over-count, which at worst drops a tag on a pathological page:
//! - an end tag closes the innermost mirrored element of that name and everything above it,
//!   except that a formatting element's end tag closes only that element (the adoption
//!   agency leaves blocks opened inside it open); a stray end tag changes nothing;
//! - elements whose end tag is optional (`p`, `li`, `td`, …) and void elements are not
//!   mirrored, because pages leave them open as a matter of course and they never nest;
//! - `<x/>` counts as open except in SVG/MathML, where it closes itself;
//! - raw-text elements (`script`, `title`, `iframe`, …) always pass: their end tag must reach
//!   the tokenizer, and their content cannot nest anyway.
//!
//! Formatting elements (`b`, `font`, `a`, …) get a much lower cap of their own: the tree
//! builder re-creates every open one after each new paragraph, so hundreds of unclosed
//! `<b id=N>` followed by thousands of `<p>` would otherwise build millions of nodes.
//! Dropping a formatting tag loses styling, never text.

use std::cell::{Cell, RefCell};

use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::{LocalName, local_name};

/// Unclosed formatting elements allowed at once.
const MAX_OPEN_FORMATTING: usize = 16;

pub(crate) struct DepthGuard<S> {
    pub(crate) inner: S,
    max_depth: usize,
    open: RefCell<Vec<LocalName>>,
    open_formatting: Cell<usize>,
    /// Start tags dropped and not yet matched by an end tag, by name.
    dropped: RefCell<Vec<(LocalName, usize)>>,
}

impl<S: TokenSink> DepthGuard<S> {
    pub(crate) fn new(inner: S, max_depth: usize) -> Self {
        DepthGuard {
            inner,
            max_depth,
            open: RefCell::new(Vec::new()),
            open_formatting: Cell::new(0),
            dropped: RefCell::new(Vec::new()),
        }
    }

    /// Whether the token should reach the tree builder.
    fn admit(&self, tag: &Tag) -> bool {
        if is_raw_text(&tag.name) || !is_mirrored(&tag.name) {
            return true;
        }
        match tag.kind {
            TagKind::StartTag => {
                if tag.self_closing
                    && self
                        .inner
                        .adjusted_current_node_present_but_not_in_html_namespace()
                {
                    return true;
                }
                let formatting = is_formatting(&tag.name);
                let over = self.open.borrow().len() >= self.max_depth
                    || (formatting && self.open_formatting.get() >= MAX_OPEN_FORMATTING);
                if over {
                    let mut dropped = self.dropped.borrow_mut();
                    match dropped.iter_mut().find(|(name, _)| *name == tag.name) {
                        Some((_, count)) => *count += 1,
                        None => dropped.push((tag.name.clone(), 1)),
                    }
                    return false;
                }
                self.open.borrow_mut().push(tag.name.clone());
                if formatting {
                    self.open_formatting.set(self.open_formatting.get() + 1);
                }
                true
            }
            TagKind::EndTag => {
                let mut open = self.open.borrow_mut();
                if let Some(at) = open.iter().rposition(|name| *name == tag.name) {
                    if is_formatting(&tag.name) {
                        // The adoption agency closes a misnested formatting element but
                        // leaves the blocks opened inside it open (re-parented), so only the
                        // element itself leaves the mirror.
                        open.remove(at);
                        self.open_formatting
                            .set(self.open_formatting.get().saturating_sub(1));
                    } else {
                        let formatting_closed =
                            open[at..].iter().filter(|n| is_formatting(n)).count();
                        open.truncate(at);
                        self.open_formatting
                            .set(self.open_formatting.get().saturating_sub(formatting_closed));
                    }
                    return true;
                }
                let mut dropped = self.dropped.borrow_mut();
                if let Some((_, count)) = dropped
                    .iter_mut()
                    .find(|(name, count)| *name == tag.name && *count > 0)
                {
                    *count -= 1;
                    return false;
                }
                true
            }
        }
    }
}

/// Elements whose content the tokenizer reads as text; their tags must always pass.
fn is_raw_text(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("title")
            | local_name!("textarea")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("plaintext")
    )
}

fn is_formatting(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("a")
            | local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("nobr")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u")
    )
}

fn is_mirrored(name: &LocalName) -> bool {
    !matches!(
        *name,
        local_name!("html")
            | local_name!("head")
            | local_name!("body")
            | local_name!("p")
            | local_name!("li")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("option")
            | local_name!("optgroup")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
            | local_name!("thead")
            | local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("caption")
            | local_name!("colgroup")
            | local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("param")
            | local_name!("keygen")
    )
}

impl<S: TokenSink> TokenSink for DepthGuard<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token
            && !self.admit(tag)
        {
            return TokenSinkResult::Continue;
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}
