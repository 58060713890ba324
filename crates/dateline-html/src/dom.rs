//! An arena DOM: nodes in one `Vec`, linked by index. Cheap to build, cache-friendly to walk,
//! and every walk here is iterative so that no page can overflow the stack.
//!
//! The small accessors are `#[inline]`: the extraction stages call them for every node from
//! another crate, where without link-time optimisation they would stay calls.

use html5ever::tendril::StrTendril;
use html5ever::{Attribute, LocalName, QualName, ns};

/// Index of a node in its [`Document`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub(crate) u32);

impl NodeId {
    /// The index, for side tables sized to [`Document::len`].
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A link to another node: four bytes where `Option<NodeId>` takes eight, which makes a node
/// a quarter smaller (the arena is the largest allocation per page, and every walk reads
/// the links).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Link(u32);

impl Link {
    /// No node. `u32::MAX` is never an index: the arena would need 2^32 nodes.
    pub(crate) const NONE: Link = Link(u32::MAX);

    #[inline]
    pub(crate) fn get(self) -> Option<NodeId> {
        (self != Link::NONE).then_some(NodeId(self.0))
    }

    pub(crate) fn is_some(self) -> bool {
        self != Link::NONE
    }
}

impl From<NodeId> for Link {
    fn from(id: NodeId) -> Link {
        Link(id.0)
    }
}

/// One node and its links.
#[derive(Debug, Clone)]
pub struct Node {
    pub(crate) parent: Link,
    pub(crate) first_child: Link,
    pub(crate) last_child: Link,
    pub(crate) prev_sibling: Link,
    pub(crate) next_sibling: Link,
    pub(crate) depth: u32,
    /// What the node is.
    pub kind: NodeKind,
}

/// What a node is.
#[derive(Debug, Clone)]
pub enum NodeKind {
    /// The document root (also used for `<template>` contents, which are kept out of the tree).
    Document,
    /// `<!DOCTYPE>`.
    Doctype,
    /// A comment or processing instruction.
    Comment,
    /// A text run; adjacent runs are merged while parsing.
    Text(StrTendril),
    /// An element.
    Element(Element),
}

/// An element's name and attributes.
#[derive(Debug, Clone)]
pub struct Element {
    /// Namespaced name; `name.local` is the tag name (lower case for HTML).
    pub name: QualName,
    /// Attributes in source order.
    pub attrs: Vec<Attribute>,
}

impl Element {
    /// The value of the attribute with local name `name` (ASCII lower case).
    #[inline]
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| &*a.value)
    }

    /// The value of the attribute `name`, compared as an interned atom: the fast path for
    /// names known at compile time (`local_name!("class")`).
    #[inline]
    pub fn attr_atom(&self, name: &LocalName) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name.local == *name)
            .map(|a| &*a.value)
    }

    /// The tag name.
    #[inline]
    pub fn tag(&self) -> &LocalName {
        &self.name.local
    }

    /// Whether the element is in the HTML namespace (not SVG or MathML).
    #[inline]
    pub fn is_html(&self) -> bool {
        self.name.ns == ns!(html)
    }
}

/// A parsed page.
#[derive(Debug, Clone)]
pub struct Document {
    pub(crate) nodes: Vec<Node>,
    pub(crate) parse_errors: usize,
}

impl Document {
    /// The document node.
    #[inline]
    pub fn root(&self) -> NodeId {
        NodeId(0)
    }

    /// Number of nodes, for side tables indexed by [`NodeId::index`].
    #[inline]
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the document has only its root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// How many tree-construction errors html5ever's tree builder reported (recovered from, as
    /// a browser would). Tokenizer errors are not counted: they never change the tree.
    pub fn parse_errors(&self) -> usize {
        self.parse_errors
    }

    /// The node behind `id`.
    #[inline]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// The element behind `id`, if it is one.
    #[inline]
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id.index()].kind {
            NodeKind::Element(element) => Some(element),
            _ => None,
        }
    }

    /// The tag name of an HTML element, `None` for other nodes and foreign (SVG/MathML) ones.
    #[inline]
    pub fn html_tag(&self, id: NodeId) -> Option<&LocalName> {
        self.element(id).filter(|e| e.is_html()).map(Element::tag)
    }

    /// The attribute `name` of element `id`.
    #[inline]
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.element(id).and_then(|e| e.attr(name))
    }

    /// The text of a text node.
    #[inline]
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id.index()].kind {
            NodeKind::Text(text) => Some(text),
            _ => None,
        }
    }

    /// Parent node.
    #[inline]
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].parent.get()
    }

    /// First child.
    #[inline]
    pub fn first_child(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].first_child.get()
    }

    /// Next sibling.
    #[inline]
    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].next_sibling.get()
    }

    /// Previous sibling.
    #[inline]
    pub fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].prev_sibling.get()
    }

    /// Nesting depth below the document node (approximate after the parser re-parented
    /// misnested formatting elements; used only for the depth cap).
    #[inline]
    pub fn depth(&self, id: NodeId) -> usize {
        self.nodes[id.index()].depth as usize
    }

    /// The children of `id`, in order.
    #[inline]
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            doc: self,
            next: self.first_child(id),
        }
    }

    /// `id` and everything below it, in document order.
    #[inline]
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            doc: self,
            root: id,
            next: Some(id),
        }
    }

    /// The first HTML element with tag `tag` at or below `from`, in document order.
    pub fn find_tag(&self, from: NodeId, tag: &LocalName) -> Option<NodeId> {
        self.descendants(from)
            .find(|&id| self.html_tag(id) == Some(tag))
    }

    /// `<html>`'s `<body>` (always present after parsing, unless the page is a frameset).
    pub fn body(&self) -> Option<NodeId> {
        self.find_tag(self.root(), &html5ever::local_name!("body"))
    }

    /// `<head>`.
    pub fn head(&self) -> Option<NodeId> {
        self.find_tag(self.root(), &html5ever::local_name!("head"))
    }

    /// All text below `id` concatenated as it stands in the source (no whitespace handling),
    /// skipping `<script>`, `<style>` and `<template>` contents.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        let mut walk = self.descendants(id);
        while let Some(node) = walk.next() {
            match &self.nodes[node.index()].kind {
                NodeKind::Text(text) => out.push_str(text),
                NodeKind::Element(e)
                    if node != id
                        && matches!(
                            &*e.name.local,
                            "script" | "style" | "template" | "noscript"
                        ) =>
                {
                    walk.skip_subtree(node);
                }
                _ => {}
            }
        }
        out
    }

    /// Unlinks `id` (and its subtree) from the tree; the node stays in the arena, unreachable.
    pub fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let node = &self.nodes[id.index()];
            (node.parent, node.prev_sibling, node.next_sibling)
        };
        let Some(parent) = parent.get() else { return };
        match prev.get() {
            Some(prev) => self.nodes[prev.index()].next_sibling = next,
            None => self.nodes[parent.index()].first_child = next,
        }
        match next.get() {
            Some(next) => self.nodes[next.index()].prev_sibling = prev,
            None => self.nodes[parent.index()].last_child = prev,
        }
        let node = &mut self.nodes[id.index()];
        node.parent = Link::NONE;
        node.prev_sibling = Link::NONE;
        node.next_sibling = Link::NONE;
    }
}

/// Iterator over a node's children.
pub struct Children<'a> {
    doc: &'a Document,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    #[inline]
    fn next(&mut self) -> Option<NodeId> {
        let current = self.next?;
        self.next = self.doc.next_sibling(current);
        Some(current)
    }
}

/// Pre-order walk over a subtree without recursion.
pub struct Descendants<'a> {
    doc: &'a Document,
    root: NodeId,
    next: Option<NodeId>,
}

impl Descendants<'_> {
    /// Do not descend into `id` (which must be the node just returned): continue after it.
    #[inline]
    pub fn skip_subtree(&mut self, id: NodeId) {
        self.next = self.after_subtree(id);
    }

    #[inline]
    fn after_subtree(&self, mut id: NodeId) -> Option<NodeId> {
        loop {
            if id == self.root {
                return None;
            }
            if let Some(next) = self.doc.next_sibling(id) {
                return Some(next);
            }
            id = self.doc.parent(id)?;
        }
    }
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    #[inline]
    fn next(&mut self) -> Option<NodeId> {
        let current = self.next?;
        self.next = match self.doc.first_child(current) {
            Some(child) => Some(child),
            None => self.after_subtree(current),
        };
        Some(current)
    }
}
