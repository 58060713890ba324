//! Keeps the parser's stack of open elements shallow.
//!
//! html5ever checks "is X in scope" by scanning its open-element stack, so a page with 100,000
//! unclosed `<div>`s costs 100,000 × 100,000 steps: minutes for one page. This guard sits between
//! the tokenizer and the tree builder, tracks how deep the elements opened so far nest, and past
//! the cap drops further start tags (their content lands in the element at the cap, as
//! Chromium does) together with their matching end tags. Elements whose end tag is optional
//! (`p`, `li`, `td`, …) and void elements do not count, because pages leave them unclosed
//! as a matter of course and they never nest by themselves.

use std::cell::{Cell, RefCell};

use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::{LocalName, local_name};

pub(crate) struct DepthGuard<S> {
    pub(crate) inner: S,
    max_depth: usize,
    depth: Cell<usize>,
    /// Start tags dropped and not yet matched by an end tag, by name.
    dropped: RefCell<Vec<(LocalName, usize)>>,
}

impl<S> DepthGuard<S> {
    pub(crate) fn new(inner: S, max_depth: usize) -> Self {
        DepthGuard {
            inner,
            max_depth,
            depth: Cell::new(0),
            dropped: RefCell::new(Vec::new()),
        }
    }

    /// Whether the token should reach the tree builder.
    fn admit(&self, tag: &Tag) -> bool {
        if !counts_for_depth(tag) {
            return true;
        }
        match tag.kind {
            TagKind::StartTag => {
                if self.depth.get() >= self.max_depth {
                    let mut dropped = self.dropped.borrow_mut();
                    match dropped.iter_mut().find(|(name, _)| *name == tag.name) {
                        Some((_, count)) => *count += 1,
                        None => dropped.push((tag.name.clone(), 1)),
                    }
                    return false;
                }
                self.depth.set(self.depth.get() + 1);
                true
            }
            TagKind::EndTag => {
                let mut dropped = self.dropped.borrow_mut();
                if let Some((_, count)) = dropped
                    .iter_mut()
                    .find(|(name, count)| *name == tag.name && *count > 0)
                {
                    *count -= 1;
                    return false;
                }
                self.depth.set(self.depth.get().saturating_sub(1));
                true
            }
        }
    }
}

fn counts_for_depth(tag: &Tag) -> bool {
    let optional_end_or_void = matches!(
        tag.name,
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
            | local_name!("rb")
            | local_name!("rt")
            | local_name!("rp")
            | local_name!("rtc")
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
    );
    // `<x/>` closes itself only in SVG/MathML, which is where it is common; an HTML
    // container written that way is rare enough to count as closed too.
    !optional_end_or_void && !tag.self_closing
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
