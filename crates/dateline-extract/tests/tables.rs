//! Data tables are kept as tables, layout tables are read as the page they hold.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use dateline_extract::{Options, extract_html};
use dateline_model::Block;

fn page(table: &str) -> String {
    format!(
        r#"<html lang="en"><head><title>Smaller app updates</title></head><body><article>
<h1>Smaller app updates</h1>
<p>Updates now send only the files that changed, which makes most of them far smaller than
before. The table lists a few of the apps we measured during the first month.</p>
{table}
<p>Savings differ from app to app, but every one of them downloads less than it used to.</p>
</article></body></html>"#
    )
}

fn tables(html: &str) -> Vec<Vec<Vec<String>>> {
    extract_html(html, &Options::default())
        .blocks
        .into_iter()
        .filter_map(|block| match block {
            Block::Table { rows } => Some(
                rows.into_iter()
                    .map(|row| row.cells.into_iter().map(|c| c.text).collect())
                    .collect(),
            ),
            _ => None,
        })
        .collect()
}

#[test]
fn a_grid_whose_cells_wrap_their_text_in_divs_is_a_data_table() {
    // Document exports wrap every cell's text in `<div dir="ltr"><span>`.
    let cell = |text: &str| format!(r#"<td><div dir="ltr"><span>{text}</span></div></td>"#);
    let row = |a: &str, b: &str, c: &str| format!("<tr>{}{}{}</tr>", cell(a), cell(b), cell(c));
    let table = format!(
        "<table><tbody>{}{}{}</tbody></table>",
        row("Application", "Original size", "Patch size"),
        row(
            r#"<a href="https://example.org/maps">Maps</a>"#,
            "32.7 MB",
            "17.5 MB"
        ),
        row(
            r#"<a href="https://example.org/mail">Mail</a>"#,
            "17.8 MB",
            "7.6 MB"
        ),
    );
    let found = tables(&page(&table));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0][1], ["Maps", "32.7 MB", "17.5 MB"]);
}

#[test]
fn a_two_column_table_of_divisions_is_layout() {
    let table = r#"<table><tr><td><div>Menu</div></td><td><div><p>Every update we measured
        came out smaller, and the biggest games saved more than half of their download.</p></div>
        </td></tr></table>"#;
    let html = page(table);
    assert!(tables(&html).is_empty());
    let article = extract_html(&html, &Options::default());
    assert!(
        article.text.contains("the biggest games saved"),
        "{}",
        article.text
    );
}
