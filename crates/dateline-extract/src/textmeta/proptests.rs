//! Any input: no panic, and outputs that are valid by construction (ranges on character
//! boundaries, in order; ISO output that parses back to the same date; names trimmed and
//! unique; dateline prefixes inside the paragraph).

use jiff::Timestamp;
use proptest::prelude::*;

use super::*;

/// Pieces that dates, bylines and datelines are made of, so random strings often come close
/// to the real thing instead of being plain noise.
const PIECES: &[&str] = &[
    "30",
    "1",
    "12",
    "31",
    "2022",
    "1989",
    "22",
    "0",
    "99999",
    // Characters whose lower case is longer or shorter in UTF-8 than they are.
    "İ",
    "ẞ",
    "Ⱥ",
    "PUBLISHED",
    "Veröffentlicht",
    "January",
    "jan",
    "Januar",
    "janvier",
    "enero",
    "января",
    "de",
    "of",
    "th",
    "st",
    ".",
    ",",
    "/",
    "-",
    ":",
    "–",
    "—",
    " ",
    " ",
    " ",
    "T",
    "Z",
    "+01:00",
    "-0500",
    "04:20",
    "4",
    "PM",
    "p.m.",
    "ET",
    "GMT",
    "Uhr",
    "um",
    "at",
    "à",
    "h",
    "ago",
    "hours",
    "vor",
    "Stunden",
    "il",
    "y",
    "a",
    "jours",
    "hace",
    "yesterday",
    "today",
    "年",
    "月",
    "日",
    "時",
    "分",
    "前",
    "년",
    "월",
    "일",
    "(",
    ")",
    "AP",
    "Reuters",
    "LONDON",
    "NEW YORK",
    "Kyiv",
    "Ukraine",
    "By",
    "and",
    "&",
    "|",
    "Jane",
    "Doe",
    "Staff",
    "Writer",
    "@jd",
    "x@y.org",
    "Photo",
    "Updated",
    "\n",
    "é",
    "👍",
    "\u{0301}",
];

fn pieced() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|v| v.concat())
}

fn contexts() -> impl Strategy<Value = DateContext> {
    (any::<bool>(), prop::option::of(0i64..4_102_444_800)).prop_map(|(day_first, secs)| {
        DateContext {
            reference: secs.and_then(|s| Timestamp::from_second(s).ok()),
            prefer_day_first: day_first,
        }
    })
}

fn inputs() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), pieced()]
}

fn check_round_trip(date: &PageDate, ctx: &DateContext) -> Result<(), TestCaseError> {
    let iso = date.to_iso();
    prop_assert_eq!(parse_date(&iso, ctx), Some(*date), "{}", iso);
    prop_assert!(date.date.year() >= 1990);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_date_output_reparses(value in inputs(), ctx in contexts()) {
        if let Some(date) = parse_date(&value, &ctx) {
            check_round_trip(&date, &ctx)?;
        }
    }

    #[test]
    fn find_dates_ranges_are_ordered_and_valid(text in inputs(), ctx in contexts()) {
        let all = find_dates(&text, &ctx);
        let mut last_end = 0;
        for (date, range) in &all {
            prop_assert!(range.start >= last_end && range.start < range.end);
            prop_assert!(range.end <= text.len());
            prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            check_round_trip(date, &ctx)?;
            last_end = range.end;
        }
        let first = find_date(&text, &ctx);
        prop_assert_eq!(first, all.first().cloned());
    }

    #[test]
    fn clean_authors_gives_trimmed_unique_names(raw in inputs()) {
        let names = clean_authors(&raw);
        let mut seen = std::collections::HashSet::new();
        for name in &names {
            prop_assert!(!name.is_empty());
            prop_assert_eq!(name.trim(), name.as_str());
            prop_assert!(name.chars().count() <= 60);
            prop_assert!(!name.contains("  "));
            prop_assert!(seen.insert(name.to_lowercase()), "duplicate {}", name);
        }
    }

    #[test]
    fn parse_dateline_prefix_lies_inside(paragraph in inputs(), ctx in contexts()) {
        if let Some((dateline, len)) = parse_dateline(&paragraph, &ctx) {
            prop_assert!(len <= paragraph.len());
            prop_assert!(paragraph.is_char_boundary(len));
            prop_assert!(dateline.place.as_deref().is_some_and(|p| !p.is_empty()));
            if let Some(date) = &dateline.date {
                prop_assert!(parse_date(date, &ctx).is_some(), "{}", date);
            }
        }
    }

    #[test]
    fn is_organisation_takes_any_string(name in inputs()) {
        let _ = is_organisation(&name);
    }
}
