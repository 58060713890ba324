use serde::{Deserialize, Serialize};

/// One typed piece of an article body.
///
/// Serialised as an object with a `type` tag: `{"type": "paragraph", "text": "..."}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A subheading inside the body; `level` 1–6 as in `<h1>`–`<h6>`.
    Heading {
        /// 1–6.
        level: u8,
        /// The heading text.
        text: String,
    },
    /// A paragraph of running text.
    Paragraph {
        /// The paragraph text, whitespace collapsed.
        text: String,
        /// Hyperlinks inside `text` (only filled when links are requested).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        links: Vec<Link>,
    },
    /// An ordered or unordered list.
    List {
        /// Whether the list is numbered.
        ordered: bool,
        /// The items in order.
        items: Vec<ListItem>,
    },
    /// A block quotation.
    Quote {
        /// The quoted text; paragraphs separated by a blank line.
        text: String,
        /// Hyperlinks inside `text` (only filled when links are requested).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        links: Vec<Link>,
    },
    /// A table.
    Table {
        /// Rows in order; header rows have `header: true` cells.
        rows: Vec<TableRow>,
    },
    /// Preformatted text or code, line breaks kept.
    Code {
        /// The text as written.
        text: String,
    },
    /// A caption of a figure, image or video.
    FigureCaption {
        /// The caption text.
        text: String,
    },
    /// An image inside the body (only emitted when images are requested).
    Image {
        /// The image URL.
        src: String,
        /// The alternative text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        alt: Option<String>,
    },
}

/// One list item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    /// The item text.
    pub text: String,
    /// Hyperlinks inside `text` (only filled when links are requested).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// A hyperlink over a byte range of the text that holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// Byte offset in the owning text where the anchor text starts (a char boundary).
    pub start: usize,
    /// Byte offset where it ends (exclusive, a char boundary).
    pub end: usize,
    /// The target, absolute when the page URL is known.
    pub href: String,
}

/// One table row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableRow {
    /// The row's cells in order.
    pub cells: Vec<TableCell>,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableCell {
    /// The cell text.
    pub text: String,
    /// Whether the cell is a header cell (`<th>`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub header: bool,
}

impl Block {
    /// The block's text as it appears in the plain-text body, or `None` for blocks without
    /// text (images).
    pub fn plain_text(&self) -> Option<String> {
        match self {
            Block::Heading { text, .. }
            | Block::Paragraph { text, .. }
            | Block::Quote { text, .. }
            | Block::Code { text }
            | Block::FigureCaption { text } => Some(text.clone()),
            Block::List { items, .. } => Some(
                items
                    .iter()
                    .map(|item| item.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Table { rows } => Some(
                rows.iter()
                    .map(|row| {
                        row.cells
                            .iter()
                            .map(|cell| cell.text.as_str())
                            .collect::<Vec<_>>()
                            .join("\t")
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Image { .. } => None,
        }
    }
}
