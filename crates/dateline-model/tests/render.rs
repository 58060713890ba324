//! Snapshot tests of every output format for one article that uses every block kind, and
//! checks of the JSON form against `schema/article.schema.json`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use dateline_model::render::{self, RenderOptions};
use dateline_model::{
    Article, Block, Dateline, Link, ListItem, TableCell, TableRow, count_reading_words, count_words,
};
use serde_json::Value;

const SCHEMA: &str = include_str!("../../../schema/article.schema.json");
const SCHEMA_DOC: &str = include_str!("../../../schema/article.md");

/// A link over the first occurrence of `anchor` in `text`.
fn link(text: &str, anchor: &str, href: &str) -> Link {
    let start = text.find(anchor).expect("anchor is in the text");
    Link {
        start,
        end: start + anchor.len(),
        href: href.into(),
    }
}

fn paragraph(text: &str, links: Vec<Link>) -> Block {
    Block::Paragraph {
        text: text.into(),
        links,
    }
}

fn item(text: &str) -> ListItem {
    ListItem {
        text: text.into(),
        links: vec![],
    }
}

fn cell(text: &str, header: bool) -> TableCell {
    TableCell {
        text: text.into(),
        header,
    }
}

/// Every field filled and every block kind used, with the text that needs care in some
/// format: multi-byte characters before a link, markup characters, a pipe in a table cell,
/// paragraphs starting with `#` and `- `, backticks inside code.
fn rich_article() -> Article {
    let mut article = Article {
        source: Some("https://news.example.com/2024/05/zurich-rail".into()),
        url: Some("https://news.example.com/2024/05/zurich-rail".into()),
        canonical_url: Some("https://news.example.com/zurich-rail".into()),
        title: Some("Zürich opens its “Blitz” line to the airport & <beyond>".into()),
        description: Some("Trains every 7½ minutes; the \"fast\" line cost CHF 1.2bn.".into()),
        authors: vec!["Anna Müller".into(), "Kenji Tanaka (田中健二)".into()],
        date_published: Some("2024-05-02T08:30:00+02:00".into()),
        date_modified: Some("2024-05-02T10:05:00+02:00".into()),
        site_name: Some("Example News".into()),
        publisher: Some("Example News Media Group AG".into()),
        section: Some("Transport".into()),
        tags: vec!["rail".into(), "Zürich".into()],
        language: Some("en-GB".into()),
        image: Some("https://news.example.com/img/lead.jpg".into()),
        dateline: Some(Dateline {
            place: Some("ZÜRICH".into()),
            agencies: vec!["Reuters".into()],
            date: Some("2024-05-02".into()),
        }),
        ..Article::default()
    };

    let lead = "ZÜRICH (Reuters) - The line, nicknamed “Blitz 🚄”, opened on Thursday; \
                see the timetable for details.";
    let night = "Night trains on weekends, from June";
    let quote = "“We waited 20 years for this,” the mayor said.\n\n\
                 > Not everyone agrees: read the critics’ letter.";
    article.set_body(vec![
        paragraph(
            lead,
            vec![link(
                lead,
                "timetable",
                "https://news.example.com/timetable?line=blitz&v=2",
            )],
        ),
        Block::Heading {
            level: 2,
            text: "What changes for commuters".into(),
        },
        paragraph("#1 priority is punctuality, the operator says.", vec![]),
        Block::List {
            ordered: false,
            items: vec![
                item("Trains every 7½ minutes"),
                ListItem {
                    text: night.into(),
                    links: vec![link(night, "from June", "/night")],
                },
            ],
        },
        Block::List {
            ordered: true,
            items: vec![item("Buy a ticket"), item("Board at track 4 *or* 5")],
        },
        Block::Quote {
            text: quote.into(),
            links: vec![link(quote, "letter", "https://news.example.com/letters/42")],
        },
        Block::Heading {
            level: 1,
            text: "Timetable".into(),
        },
        Block::Table {
            rows: vec![
                TableRow {
                    cells: vec![
                        cell("Station", true),
                        cell("Minutes", true),
                        cell("Note", true),
                    ],
                },
                TableRow {
                    cells: vec![
                        cell("Flughafen", false),
                        cell("0", false),
                        cell("Terminal 1 | 2", false),
                    ],
                },
                TableRow {
                    cells: vec![cell("Hauptbahnhof", false), cell("9", false)],
                },
            ],
        },
        Block::Heading {
            level: 4,
            text: "Fares".into(),
        },
        Block::Code {
            text: "fare = base * zones\nprint(\"```\") # <not html>\n".into(),
        },
        Block::Image {
            src: "https://news.example.com/img/map.png".into(),
            alt: Some("Map of the [new] line".into()),
        },
        Block::FigureCaption {
            text: "The new line (red). Photo: Example News".into(),
        },
        paragraph("- 3 °C at the opening; 東京 sent a delegation.", vec![]),
    ]);
    article
}

fn all_on() -> RenderOptions {
    RenderOptions {
        links: true,
        images: true,
        tables: true,
    }
}

#[test]
fn markdown_default_snapshot() {
    insta::assert_snapshot!(
        "markdown_default",
        render::markdown(&rich_article(), &RenderOptions::default())
    );
}

#[test]
fn markdown_links_and_images_snapshot() {
    insta::assert_snapshot!(
        "markdown_links_images",
        render::markdown(&rich_article(), &all_on())
    );
}

#[test]
fn html_links_and_images_snapshot() {
    insta::assert_snapshot!(
        "html_links_images",
        render::html(&rich_article(), &all_on())
    );
}

#[test]
fn html_default_snapshot() {
    insta::assert_snapshot!(
        "html_default",
        render::html(&rich_article(), &RenderOptions::default())
    );
}

#[test]
fn text_snapshots() {
    let article = rich_article();
    insta::assert_snapshot!(
        "text_default",
        render::text(&article, &RenderOptions::default())
    );
    let no_tables = RenderOptions {
        tables: false,
        ..RenderOptions::default()
    };
    insta::assert_snapshot!("text_no_tables", render::text(&article, &no_tables));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!("json", render::json(&rich_article()));
}

#[test]
fn jsonld_snapshot() {
    insta::assert_snapshot!("jsonld", render::jsonld(&rich_article()));
}

#[test]
fn jsonld_leaves_out_what_is_unknown() {
    let bare: Value = serde_json::from_str(&render::jsonld(&Article::default())).unwrap();
    assert_eq!(
        keys(&bare),
        ["@context", "@type", "wordCount"]
            .into_iter()
            .map(String::from)
            .collect()
    );
}

#[test]
fn json_round_trips() {
    let article = rich_article();
    let pretty: Article = serde_json::from_str(&render::json(&article)).unwrap();
    assert_eq!(pretty, article);
    let line = render::json_line(&article);
    assert!(!line.contains('\n') && !line.ends_with('\n'));
    let compact: Article = serde_json::from_str(&line).unwrap();
    assert_eq!(compact, article);

    let failed = Article::failed("page.html", "not an article");
    let back: Article = serde_json::from_str(&render::json_line(&failed)).unwrap();
    assert_eq!(back, failed);
}

fn keys(value: &Value) -> BTreeSet<String> {
    value
        .as_object()
        .map(|object| object.keys().cloned().collect())
        .unwrap_or_default()
}

fn to_value<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn absent_fields_are_absent_from_the_json() {
    assert_eq!(
        keys(&to_value(&Article::default())),
        set(&["text", "word_count"])
    );
    assert_eq!(
        keys(&to_value(&Article::failed("-", "empty input"))),
        set(&["source", "error", "text", "word_count"])
    );
    let dateline = Dateline {
        place: Some("LONDON".into()),
        ..Dateline::default()
    };
    assert_eq!(keys(&to_value(&dateline)), set(&["place"]));
    assert_eq!(
        keys(&to_value(&paragraph("x", vec![]))),
        set(&["type", "text"])
    );
    assert_eq!(keys(&to_value(&cell("x", false))), set(&["text"]));
    assert_eq!(keys(&to_value(&cell("x", true))), set(&["text", "header"]));
    assert_eq!(
        keys(&to_value(&Block::Image {
            src: "a.png".into(),
            alt: None
        })),
        set(&["type", "src"])
    );
    assert!(!render::json_line(&Article::default()).contains("null"));
}

#[test]
fn word_count_counts_runs_of_letters_and_digits() {
    assert_eq!(count_words(""), 0);
    assert_eq!(count_words("  \n\t "), 0);
    assert_eq!(count_words("Hello, world!"), 2);
    assert_eq!(count_words("don't stop-start 2024"), 5);
    assert_eq!(count_words("Zürich — 7½ min"), 3);
    assert_eq!(count_words("東京 タワー"), 2);
    assert_eq!(count_reading_words("東京 タワー"), 5);
    assert_eq!(count_reading_words("Tokyo 東京 tower"), 4);
    assert_eq!(count_reading_words("don't stop"), count_words("don't stop"));
    assert_eq!(count_words("a_b"), 2);
    let article = rich_article();
    assert_eq!(article.word_count, count_words(&article.text));
    assert!(article.word_count > 50);
}

/// The property names a schema object declares.
fn schema_properties(schema: &Value) -> BTreeSet<String> {
    keys(&schema["properties"])
}

#[test]
fn schema_lists_exactly_the_keys_the_article_emits() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let defs = &schema["$defs"];
    let mut article = rich_article();
    article.error = Some("only to emit every key".into());
    let json = to_value(&article);

    let top_level = schema_properties(&schema);
    for key in keys(&json) {
        assert!(top_level.contains(&key), "{key} is missing from the schema");
    }
    // The rich article fills every field, so a schema property it does not emit is stale.
    assert_eq!(keys(&json), top_level);
    for required in schema["required"].as_array().unwrap() {
        assert!(json.get(required.as_str().unwrap()).is_some());
    }

    let dateline_keys = schema_properties(&defs["Dateline"]);
    assert_eq!(keys(&json["dateline"]), dateline_keys);

    let variants = defs["Block"]["oneOf"].as_array().unwrap();
    let variant = |tag: &str| {
        variants
            .iter()
            .find(|v| v["properties"]["type"]["const"] == tag)
            .unwrap_or_else(|| panic!("block type {tag} is missing from the schema"))
    };
    let mut emitted_tags = BTreeSet::new();
    for block in json["blocks"].as_array().unwrap() {
        let tag = block["type"].as_str().unwrap();
        emitted_tags.insert(tag.to_owned());
        let declared = schema_properties(variant(tag));
        for key in keys(block) {
            assert!(
                declared.contains(&key),
                "{tag}.{key} is missing from the schema"
            );
        }
        for link in block["links"].as_array().into_iter().flatten() {
            assert_eq!(keys(link), schema_properties(&defs["Link"]));
        }
        for item in block["items"].as_array().into_iter().flatten() {
            for key in keys(item) {
                assert!(schema_properties(&defs["ListItem"]).contains(&key));
            }
            for link in item["links"].as_array().into_iter().flatten() {
                assert_eq!(keys(link), schema_properties(&defs["Link"]));
            }
        }
        for row in block["rows"].as_array().into_iter().flatten() {
            assert_eq!(keys(row), schema_properties(&defs["TableRow"]));
            for cell in row["cells"].as_array().unwrap() {
                for key in keys(cell) {
                    assert!(schema_properties(&defs["TableCell"]).contains(&key));
                }
            }
        }
    }
    let schema_tags: BTreeSet<String> = variants
        .iter()
        .map(|v| {
            v["properties"]["type"]["const"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        emitted_tags, schema_tags,
        "every block type is used and documented"
    );
}

#[test]
fn schema_doc_example_is_the_rich_article() {
    // The first ```json block of schema/article.md is the full example.
    let start = SCHEMA_DOC.find("```json\n").expect("example block") + "```json\n".len();
    // The example's code block holds ``` inside a string, so only a fence line ends it.
    let len = SCHEMA_DOC[start..]
        .find("\n```\n")
        .expect("end of example block");
    let example: Value = serde_json::from_str(&SCHEMA_DOC[start..start + len]).unwrap();
    assert_eq!(example, to_value(&rich_article()));
}
