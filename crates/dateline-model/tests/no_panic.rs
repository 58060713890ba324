//! Property test: no text, link range or option combination makes a renderer panic, and the
//! outputs keep their basic shape.

use dateline_model::render::{self, RenderOptions};
use dateline_model::{Article, Block, Link, ListItem, TableCell, TableRow};
use proptest::prelude::*;

/// Text with the characters renderers treat specially over-represented.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[#>\\-+*_=`~|<>&\"'\\[\\]()\\\\ \t\r\n1.)éü€🚄東]{0,24}",
    ]
}

fn links() -> impl Strategy<Value = Vec<Link>> {
    let offset = prop_oneof![0usize..40, Just(usize::MAX), any::<usize>()];
    let href = prop_oneof![
        Just("https://example.com/a b".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        any::<String>(),
    ];
    prop::collection::vec(
        (offset.clone(), offset, href).prop_map(|(start, end, href)| Link { start, end, href }),
        0..4,
    )
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        (any::<u8>(), text()).prop_map(|(level, text)| Block::Heading { level, text }),
        (text(), links()).prop_map(|(text, links)| Block::Paragraph { text, links }),
        (text(), links()).prop_map(|(text, links)| Block::Quote { text, links }),
        (
            any::<bool>(),
            prop::collection::vec(
                (text(), links()).prop_map(|(text, links)| ListItem { text, links }),
                0..3
            )
        )
            .prop_map(|(ordered, items)| Block::List { ordered, items }),
        prop::collection::vec(
            prop::collection::vec(
                (text(), any::<bool>()).prop_map(|(text, header)| TableCell { text, header }),
                0..3
            )
            .prop_map(|cells| TableRow { cells }),
            0..3
        )
        .prop_map(|rows| Block::Table { rows }),
        text().prop_map(|text| Block::Code { text }),
        text().prop_map(|text| Block::FigureCaption { text }),
        (text(), prop::option::of(text())).prop_map(|(src, alt)| Block::Image { src, alt }),
    ]
}

fn article() -> impl Strategy<Value = Article> {
    (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec(text(), 0..2),
        prop::collection::vec(block(), 0..6),
    )
        .prop_map(|(title, language, authors, blocks)| {
            let mut article = Article {
                title,
                language,
                authors,
                ..Article::default()
            };
            article.set_body(blocks);
            article
        })
}

proptest! {
    #[test]
    fn renderers_never_panic(
        article in article(),
        links: bool,
        images: bool,
        tables: bool,
    ) {
        let opts = RenderOptions { links, images, tables };

        let text = render::text(&article, &opts);
        prop_assert!(text.is_empty() || (text.ends_with('\n') && !text.ends_with("\n\n")));

        let markdown = render::markdown(&article, &opts);
        prop_assert!(markdown.is_empty() || markdown.ends_with('\n'));

        let html = render::html(&article, &opts);
        prop_assert!(html.starts_with("<!DOCTYPE html>\n") && html.ends_with("</html>\n"));
        prop_assert!(!html.contains("<script"));

        let line = render::json_line(&article);
        prop_assert!(!line.contains('\n'));
        let back: Result<Article, _> = serde_json::from_str(&line);
        prop_assert_eq!(back.ok(), Some(article.clone()));
        prop_assert!(render::json(&article).ends_with('\n'));
    }
}
