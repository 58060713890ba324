//! The `txt` output format.

use std::borrow::Cow;

use super::{RenderOptions, plain_text};
use crate::{Article, Block};

/// The article body as plain text: blocks separated by a blank line, tables dropped when
/// `opts.tables` is off, ending with one `"\n"` (empty when there is no body).
///
/// The title and other metadata are not repeated: they are fields of the article, and the
/// `txt` format is the body only. Links and images never show in plain text.
pub fn text(article: &Article, opts: &RenderOptions) -> String {
    let drop_tables = !opts.tables
        && article
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Table { .. }));
    let body: Cow<'_, str> = if drop_tables {
        let kept: Vec<Block> = article
            .blocks
            .iter()
            .filter(|b| !matches!(b, Block::Table { .. }))
            .cloned()
            .collect();
        Cow::Owned(plain_text(&kept))
    } else if article.text.is_empty() {
        // `text` is derived from `blocks` by `set_body`; an article assembled field by field
        // may have skipped that, and its blocks are still the body.
        Cow::Owned(plain_text(&article.blocks))
    } else {
        Cow::Borrowed(&article.text)
    };
    let body = body.trim_end();
    if body.is_empty() {
        String::new()
    } else {
        format!("{body}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{TableCell, TableRow};

    fn with_table() -> Article {
        let mut article = Article::default();
        article.set_body(vec![
            Block::Paragraph {
                text: "Before.".into(),
                links: vec![],
            },
            Block::Table {
                rows: vec![TableRow {
                    cells: vec![
                        TableCell {
                            text: "a".into(),
                            header: true,
                        },
                        TableCell {
                            text: "b".into(),
                            header: false,
                        },
                    ],
                }],
            },
            Block::Paragraph {
                text: "After.".into(),
                links: vec![],
            },
        ]);
        article
    }

    #[test]
    fn keeps_tables_by_default_and_drops_them_on_request() {
        let article = with_table();
        assert_eq!(
            text(&article, &RenderOptions::default()),
            "Before.\n\na\tb\n\nAfter.\n"
        );
        let no_tables = RenderOptions {
            tables: false,
            ..RenderOptions::default()
        };
        assert_eq!(text(&article, &no_tables), "Before.\n\nAfter.\n");
    }

    #[test]
    fn empty_body_gives_empty_output() {
        assert_eq!(text(&Article::default(), &RenderOptions::default()), "");
        let article = Article {
            title: Some("Only a title".into()),
            ..Article::default()
        };
        assert_eq!(text(&article, &RenderOptions::default()), "");
    }

    #[test]
    fn ends_with_exactly_one_newline() {
        let mut article = Article::default();
        article.set_body(vec![Block::Code {
            text: "let x = 1;\n\n".into(),
        }]);
        assert_eq!(text(&article, &RenderOptions::default()), "let x = 1;\n");
    }

    #[test]
    fn falls_back_to_blocks_when_text_was_not_derived() {
        let article = Article {
            blocks: vec![Block::Paragraph {
                text: "Body.".into(),
                links: vec![],
            }],
            ..Article::default()
        };
        assert_eq!(text(&article, &RenderOptions::default()), "Body.\n");
    }
}
