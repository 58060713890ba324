//! html5ever's tree builder writing into the arena [`Document`].
//!
//! The element names `elem_name` answers with live in their own `RefCell` (beside the copy
//! each element holds) that only `create_element` mutates, because html5ever holds the borrow
//! returned by `elem_name` while it inspects the open-element stack; keeping it apart from the
//! node links means no other callback can collide with it.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, QualName, local_name, ns};

use crate::depth_guard::DepthGuard;
use crate::dom::{Document, Element, Link, Node, NodeId, NodeKind};
use crate::limits::Limits;

/// Parses `html` the way a browser does. Never fails; tree-construction errors are counted in
/// [`Document::parse_errors`].
pub fn parse(html: &str, limits: &Limits) -> Document {
    parse_with(html, limits, TokenizerKind::Dateline, true)
}

/// Which tokenizer feeds html5ever's tree builder.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenizerKind {
    /// The byte-level tokenizer in `src/tokenizer` (what [`parse`] uses).
    Dateline,
    /// html5ever's own tokenizer: the reference the differential tests compare against.
    Html5ever,
}

/// [`parse`] with a choice of tokenizer and of the prefilter (which drops script, style and
/// SVG bodies and comments first), for differential tests and benchmarks.
#[doc(hidden)]
pub fn parse_with(
    html: &str,
    limits: &Limits,
    tokenizer: TokenizerKind,
    prefilter: bool,
) -> Document {
    let ranges = if prefilter {
        crate::prefilter::kept_ranges(html)
    } else {
        vec![(0, html.len())]
    };
    let builder = Builder::new(limits.max_depth, html.len());
    let guard = DepthGuard::new(
        TreeBuilder::new(builder, TreeBuilderOpts::default()),
        limits.max_depth,
    );
    let kept: usize = ranges.iter().map(|(start, end)| end - start).sum();
    // Tendrils index with u32; anything near that size goes through html5ever's tokenizer,
    // which splits its input into buffers.
    let fits = u32::try_from(kept).is_ok_and(|len| len < u32::MAX / 2);
    if tokenizer == TokenizerKind::Html5ever || !fits {
        let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
        let input = BufferQueue::default();
        for (start, end) in ranges {
            input.push_back(StrTendril::from_slice(&html[start..end]));
        }
        // `Script` asks the caller to run a script, `EncodingIndicator` to restart with the
        // encoding a `<meta>` names; the text is already decoded and there is no script to
        // run, so both just mean "go on".
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
        tokenizer.end();
        return tokenizer.sink.inner.sink.finish();
    }
    let mut buf = StrTendril::with_capacity(u32::try_from(kept).unwrap_or(0));
    for (start, end) in ranges {
        buf.push_slice(&html[start..end]);
    }
    if let Some(normalized) = crate::tokenizer::normalize_newlines(&buf) {
        buf = normalized;
    }
    crate::tokenizer::tokenize(&buf, &guard);
    guard.inner.sink.finish()
}

struct Builder {
    nodes: RefCell<Vec<Node>>,
    names: RefCell<Vec<QualName>>,
    template_contents: RefCell<Vec<(NodeId, NodeId)>>,
    parse_errors: Cell<usize>,
    max_depth: u32,
}

impl Builder {
    fn new(max_depth: usize, input_len: usize) -> Self {
        // One node per ~40 bytes of markup is typical; reserving avoids most regrowth.
        let guess = (input_len / 40).clamp(64, 1 << 20);
        let builder = Builder {
            nodes: RefCell::new(Vec::with_capacity(guess)),
            names: RefCell::new(Vec::with_capacity(guess)),
            template_contents: RefCell::new(Vec::new()),
            parse_errors: Cell::new(0),
            max_depth: u32::try_from(max_depth.max(2)).unwrap_or(u32::MAX),
        };
        builder.push(NodeKind::Document, empty_name());
        builder
    }

    fn push(&self, kind: NodeKind, name: QualName) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        let id = NodeId(u32::try_from(nodes.len()).unwrap_or(u32::MAX));
        nodes.push(Node {
            parent: Link::NONE,
            first_child: Link::NONE,
            last_child: Link::NONE,
            prev_sibling: Link::NONE,
            next_sibling: Link::NONE,
            depth: 0,
            kind,
        });
        self.names.borrow_mut().push(name);
        id
    }

    /// Past the depth cap, children go to the ancestor at the cap instead.
    fn capped_parent(nodes: &[Node], mut parent: NodeId, max_depth: u32) -> NodeId {
        while nodes[parent.index()].depth >= max_depth {
            match nodes[parent.index()].parent.get() {
                Some(up) => parent = up,
                None => break,
            }
        }
        parent
    }

    /// The node to insert for `child`, or `None` when it was text merged into `neighbour`
    /// (html5ever expects adjacent text runs to become one node).
    fn node_to_insert(
        &self,
        neighbour: Option<NodeId>,
        child: NodeOrText<NodeId>,
    ) -> Option<NodeId> {
        match child {
            NodeOrText::AppendNode(id) => Some(id),
            NodeOrText::AppendText(text) => {
                if let Some(neighbour) = neighbour
                    && let NodeKind::Text(existing) =
                        &mut self.nodes.borrow_mut()[neighbour.index()].kind
                {
                    existing.push_tendril(&text);
                    return None;
                }
                Some(self.push(NodeKind::Text(text), empty_name()))
            }
        }
    }

    fn append_child(&self, parent: NodeId, child: NodeOrText<NodeId>) {
        let (parent, last) = {
            let nodes = self.nodes.borrow();
            let parent = Self::capped_parent(&nodes, parent, self.max_depth);
            (parent, nodes[parent.index()].last_child.get())
        };
        let Some(child) = self.node_to_insert(last, child) else {
            return;
        };
        let mut nodes = self.nodes.borrow_mut();
        unlink(&mut nodes, child);
        let depth = nodes[parent.index()].depth + 1;
        let previous_last = nodes[parent.index()].last_child;
        {
            let node = &mut nodes[child.index()];
            node.parent = parent.into();
            node.prev_sibling = previous_last;
            node.depth = depth;
        }
        match previous_last.get() {
            Some(last) => nodes[last.index()].next_sibling = child.into(),
            None => nodes[parent.index()].first_child = child.into(),
        }
        nodes[parent.index()].last_child = child.into();
    }

    fn insert_before(&self, sibling: NodeId, new_node: NodeOrText<NodeId>) {
        let (has_parent, prev) = {
            let nodes = self.nodes.borrow();
            let node = &nodes[sibling.index()];
            (node.parent.is_some(), node.prev_sibling.get())
        };
        if !has_parent {
            return;
        }
        let Some(child) = self.node_to_insert(prev, new_node) else {
            return;
        };
        let mut nodes = self.nodes.borrow_mut();
        let Some(parent) = nodes[sibling.index()].parent.get() else {
            return;
        };
        unlink(&mut nodes, child);
        // Unlinking may have changed the sibling's neighbours if child was next to it.
        let prev = nodes[sibling.index()].prev_sibling;
        let depth = nodes[sibling.index()].depth;
        {
            let node = &mut nodes[child.index()];
            node.parent = parent.into();
            node.prev_sibling = prev;
            node.next_sibling = sibling.into();
            node.depth = depth;
        }
        match prev.get() {
            Some(prev) => nodes[prev.index()].next_sibling = child.into(),
            None => nodes[parent.index()].first_child = child.into(),
        }
        nodes[sibling.index()].prev_sibling = child.into();
    }
}

fn empty_name() -> QualName {
    QualName::new(None, ns!(), local_name!(""))
}

fn unlink(nodes: &mut [Node], id: NodeId) {
    let (parent, prev, next) = {
        let node = &nodes[id.index()];
        (node.parent, node.prev_sibling, node.next_sibling)
    };
    let Some(parent) = parent.get() else { return };
    match prev.get() {
        Some(prev) => nodes[prev.index()].next_sibling = next,
        None => nodes[parent.index()].first_child = next,
    }
    match next.get() {
        Some(next) => nodes[next.index()].prev_sibling = prev,
        None => nodes[parent.index()].last_child = prev,
    }
    let node = &mut nodes[id.index()];
    node.parent = Link::NONE;
    node.prev_sibling = Link::NONE;
    node.next_sibling = Link::NONE;
}

impl TreeSink for Builder {
    type Handle = NodeId;
    type Output = Document;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Document {
        Document {
            nodes: self.nodes.into_inner(),
            parse_errors: self.parse_errors.get(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {
        self.parse_errors.set(self.parse_errors.get() + 1);
    }

    fn get_document(&self) -> NodeId {
        NodeId(0)
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.names.borrow(), |names| &names[target.index()])
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        // A copy for `elem_name` (names never change once created); for the common, static
        // names copying is free.
        let element = Element {
            name: name.clone(),
            attrs,
        };
        let id = self.push(NodeKind::Element(element), name);
        if flags.template {
            let contents = self.push(NodeKind::Document, empty_name());
            self.template_contents.borrow_mut().push((id, contents));
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeKind::Comment, empty_name())
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeKind::Comment, empty_name())
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.append_child(*parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.nodes.borrow()[element.index()].parent.is_some();
        if has_parent {
            self.insert_before(*element, child);
        } else {
            self.append_child(*prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public: StrTendril,
        _system: StrTendril,
    ) {
        let id = self.push(NodeKind::Doctype, empty_name());
        self.append_child(NodeId(0), NodeOrText::AppendNode(id));
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let found = self
            .template_contents
            .borrow()
            .iter()
            .rev()
            .find(|(template, _)| template == target)
            .map(|(_, contents)| *contents);
        // html5ever asks only for elements it created as templates; answering with the
        // element itself for anything else keeps the tree consistent instead of panicking.
        found.unwrap_or(*target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.insert_before(*sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeKind::Element(element) = &mut nodes[target.index()].kind {
            for attr in attrs {
                if !element.attrs.iter().any(|a| a.name == attr.name) {
                    element.attrs.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        unlink(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut next = self.nodes.borrow()[node.index()].first_child.get();
        while let Some(child) = next {
            next = self.nodes.borrow()[child.index()].next_sibling.get();
            self.append_child(*new_parent, NodeOrText::AppendNode(child));
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn parse_default(html: &str) -> Document {
        parse(html, &Limits::default())
    }

    #[test]
    fn builds_browser_tree_for_misnested_markup() {
        let doc = parse_default("<p>one<b>two<p>three</b>four");
        let body = doc.body().unwrap();
        let paragraphs: Vec<_> = doc
            .children(body)
            .filter(|&id| doc.html_tag(id) == Some(&local_name!("p")))
            .collect();
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(doc.text_content(paragraphs[0]), "onetwo");
        assert_eq!(doc.text_content(paragraphs[1]), "threefour");
    }

    #[test]
    fn adjacent_text_is_merged() {
        let doc = parse_default("<p>a&amp;b</p>");
        let p = doc.find_tag(doc.root(), &local_name!("p")).unwrap();
        assert_eq!(doc.children(p).count(), 1);
        assert_eq!(doc.text(doc.first_child(p).unwrap()), Some("a&b"));
    }

    #[test]
    fn template_contents_stay_out_of_the_tree() {
        let doc = parse_default("<body><template><p>hidden</p></template><p>shown</p>");
        assert_eq!(doc.text_content(doc.body().unwrap()), "shown");
    }

    #[test]
    fn foster_parented_text_lands_before_the_table() {
        let doc = parse_default("<table>lost<tr><td>cell</td></tr></table>");
        let text = doc.text_content(doc.body().unwrap());
        assert_eq!(text, "lostcell");
    }

    #[test]
    fn deep_nesting_is_capped() {
        let html = "<div>".repeat(100_000) + "deep text";
        let doc = parse(
            &html,
            &Limits {
                max_depth: 100,
                ..Limits::default()
            },
        );
        let max = doc
            .descendants(doc.root())
            .map(|id| doc.depth(id))
            .max()
            .unwrap();
        assert!(max <= 101, "depth {max}");
        assert!(doc.text_content(doc.root()).contains("deep text"));
    }

    #[test]
    fn meta_charset_does_not_stop_the_parse() {
        let doc = parse_default(
            "<head><meta http-equiv=Content-Type content='text/html; charset=utf-8'><title>T</title></head><body><p>after</p>",
        );
        assert_eq!(doc.text_content(doc.body().unwrap()), "after");
    }

    #[test]
    fn a_tag_with_200_000_attributes_parses() {
        // A quadratic duplicate check would take minutes here.
        let names: String = (0..200_000).map(|i| format!(" a{i}")).collect();
        let doc = parse_default(&format!("<div{names} a7=dup>t</div>"));
        let div = doc.find_tag(doc.root(), &local_name!("div")).unwrap();
        assert_eq!(doc.element(div).unwrap().attrs.len(), 200_000);
        assert_eq!(doc.attr(div, "a7"), Some(""));
    }

    #[test]
    fn attributes_are_readable() {
        let doc = parse_default("<div id=main class='a b' data-x=1>t</div>");
        let div = doc.find_tag(doc.root(), &local_name!("div")).unwrap();
        assert_eq!(doc.attr(div, "class"), Some("a b"));
        assert_eq!(doc.attr(div, "id"), Some("main"));
        assert_eq!(doc.attr(div, "missing"), None);
    }
}
