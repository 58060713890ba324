//! The text parsers on the shared flattened news page (`../shared/examples`, a real page kept
//! outside the repository; see its README): the byline line, the wire dateline and the
//! relative times of the "Recent Stories" list give what the hand-labelled expectation says.
//!
//! The page is read from the shared folder beside the repository, as the benchmark is; without
//! that folder the test says so and checks nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use dateline_extract::textmeta::{
    DateContext, clean_authors, find_date, find_dates, parse_date, parse_dateline,
};

fn page() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/examples/flattened-news-page.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            eprintln!("skipped: {} not readable ({e})", path.display());
            None
        }
    }
}

#[test]
fn reads_byline_date_and_dateline_of_the_flattened_page() {
    let Some(text) = page() else { return };
    // The crawl header gives the reference day; the page gives no time zone.
    let header_date = text
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|d| parse_date(d, &DateContext::default()))
        .expect("crawl header date");
    assert_eq!(header_date.to_iso(), "2022-01-30");
    let ctx = DateContext::new("2022-01-30T12:00:00Z".parse().ok(), Some("en"));

    let byline = text
        .lines()
        .find(|l| l.contains("Published"))
        .expect("byline line");
    let (date, range) = find_date(byline, &ctx).expect("byline date");
    assert_eq!(date.to_iso(), "2022-01-30T04:20:00");
    assert_eq!(clean_authors(&byline[..range.start]), ["Sumaira FH"]);
    assert_eq!(clean_authors(byline), ["Sumaira FH"]);

    let paragraph = text
        .lines()
        .find(|l| l.starts_with("LONDON"))
        .expect("dateline paragraph");
    let (dateline, len) = parse_dateline(paragraph, &ctx).expect("dateline");
    assert_eq!(dateline.place.as_deref(), Some("LONDON"));
    assert_eq!(dateline.agencies, ["UrduPoint News", "Sputnik"]);
    assert_eq!(dateline.date.as_deref(), Some("2022-01-30"));
    assert!(paragraph[len..].starts_with("British Prime Minister Boris Johnson"));

    // No paragraph of the body is a dateline but the first.
    let datelines = text
        .lines()
        .filter(|l| parse_dateline(l, &ctx).is_some())
        .count();
    assert_eq!(datelines, 1);

    // "3 hours ago" in the teaser list, against the reference.
    let relative = text
        .lines()
        .find(|l| l.trim() == "3 hours ago")
        .expect("relative time");
    let (date, _) = find_date(relative, &ctx).expect("relative date");
    assert_eq!(date.to_iso(), "2022-01-30T09:00:00Z");

    // Without a reference, the whole page holds dates only where it states them.
    let stated: Vec<String> = find_dates(&text, &DateContext::new(None, Some("en")))
        .into_iter()
        .map(|(d, _)| d.to_iso())
        .collect();
    assert_eq!(stated, ["2022-01-30", "2022-01-30T04:20:00", "2022-01-30"]);
}
