//! Evidence that corrects or stands in for the publication date the ranked sources give:
//! a permalink minted long before the stated day, a machine date whose day and month order
//! only the visible text settles, and a page's own "last changed" stamp when it states no
//! publication at all.

use std::ops::ControlFlow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use dateline_html::NodeId;
use jiff::civil::Date;

use crate::metadata::dates::{DateInputs, MARKER_TO_DATE_CHARS, UPDATE_LABELS};
use crate::metadata::position;
use crate::textmeta::{self, PageDate};

/// Days a permalink's date may precede the stated publication before the stated one counts as
/// a re-dating. Drafts get their permalink days or weeks before they go out; a gap of months
/// means the story was republished under its old address.
const REPUBLISHED_AFTER_DAYS: i32 = 90;

/// The first publication: a permalink cannot be minted before its story exists, so a URL date
/// months before the stated date (`/2017/7/12/` on a page declaring 2019) is when the story
/// first appeared, and the stated date is its republication.
pub(crate) fn first_publication(stated: PageDate, permalink: Option<PageDate>) -> PageDate {
    match permalink {
        Some(permalink) if days_between(permalink.date, stated.date) > REPUBLISHED_AFTER_DAYS => {
            permalink
        }
        _ => stated,
    }
}

fn days_between(earlier: Date, later: Date) -> i32 {
    earlier.until(later).map_or(0, |span| span.get_days())
}

/// Visible text read for dates that settle an ambiguous machine value.
const PAGE_TEXT_CHARS: usize = 40_000;

/// `parsed`, read from the machine value `raw`, with day and month swapped when `raw` is a
/// numeric date whose order is ambiguous ("11/01/2023") and the page shows only the other
/// reading. Servers write such values in their own locale (often month first), while the
/// visible text follows the page's language, which the parser already knows.
pub(crate) fn settle_order(raw: &str, parsed: PageDate, inputs: &DateInputs<'_>) -> PageDate {
    let Some(swapped) = swapped_reading(raw, parsed.date) else {
        return parsed;
    };
    let mut text = String::new();
    position::visit_text(inputs.doc, None, true, |_, run| {
        text.push_str(run);
        text.push(' ');
        if text.len() > PAGE_TEXT_CHARS {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    let shown: Vec<Date> = textmeta::find_dates(&text, inputs.context)
        .into_iter()
        .map(|(d, _)| d.date)
        .collect();
    if shown.contains(&swapped) && !shown.contains(&parsed.date) {
        PageDate {
            date: swapped,
            ..parsed
        }
    } else {
        parsed
    }
}

/// The other reading of `raw` when it starts with two numbers that could each be the month
/// ("11/01/2023 12:43"), given `date`, the reading the parser chose.
fn swapped_reading(raw: &str, date: Date) -> Option<Date> {
    let head = raw.trim().split([' ', 'T']).next()?;
    let numbers: Vec<&str> = head.split(['/', '.', '-']).collect();
    let [first, second, year] = numbers.as_slice() else {
        return None;
    };
    let small = |s: &str| (1..=2).contains(&s.len()) && s.parse::<i8>().is_ok_and(|n| n <= 12);
    if year.len() != 4 || !small(first) || !small(second) || first == second {
        return None;
    }
    (date.month() != date.day())
        .then(|| Date::new(date.year(), date.day(), date.month()).ok())
        .flatten()
}

/// Days a change stamp may follow a date the text mentions and still be when the text was
/// written: news reports an event within days.
const REPORTED_WITHIN_DAYS: i32 = 31;

/// The date that stands for the publication when the page states none: its change stamp, or a
/// date its text mentions. A stamp long after the mentioned date is a later edit of an old
/// document ("Dynamic Chiropractic, February 9, 1998" last modified in 2004): the mention is
/// the document's date. A stamp within days of it is the report of a recent event: the stamp
/// is when the report was written.
pub(crate) fn stamp_or_mention(
    stamp: Option<PageDate>,
    mentioned: Option<PageDate>,
) -> Option<PageDate> {
    match (stamp, mentioned) {
        (Some(stamp), Some(mentioned))
            if days_between(mentioned.date, stamp.date) > REPORTED_WITHIN_DAYS =>
        {
            Some(mentioned)
        }
        (Some(stamp), _) => Some(stamp),
        (None, mentioned) => mentioned,
    }
}

/// Visible text searched for a change stamp.
const STAMP_TEXT_CHARS: usize = 100_000;

/// The update labels in the case pages write them: ASCII letters in any case, and a
/// capitalised form of each word for the others ("Letzte Änderung").
static LABELS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let capitalised = UPDATE_LABELS.iter().map(|label| {
        label
            .split(' ')
            .map(|word| {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    });
    let patterns: Vec<String> = UPDATE_LABELS
        .iter()
        .map(|label| label.to_string())
        .chain(capitalised)
        .collect();
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(patterns)
        .ok()
});

/// The page's own change stamp ("Letzte Änderung: 14.01.2022", "Aktualisiert am 17.01.2021")
/// outside navigation and footers: the first one in the page. A page that states no
/// publication was last written then, which is nearer its publication than a date its text
/// mentions (the study it reports on, the event it announces).
pub(crate) fn update_stamp(inputs: &DateInputs<'_>) -> Option<PageDate> {
    let labels = LABELS.as_ref()?;
    let doc = inputs.doc;
    let mut text = String::new();
    let mut starts: Vec<(usize, NodeId)> = Vec::new();
    position::visit_text(doc, None, true, |id, run| {
        starts.push((text.len(), id));
        text.push_str(run);
        text.push(' ');
        if text.len() > STAMP_TEXT_CHARS {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    let node_at = |at: usize| {
        let i = starts.partition_point(|&(start, _)| start <= at);
        starts.get(i.checked_sub(1)?).map(|&(_, id)| id)
    };
    labels.find_iter(&text).find_map(|label| {
        let in_story =
            node_at(label.start()).is_some_and(|id| inputs.anchors.distance(doc, id).is_some());
        if !in_story {
            return None;
        }
        let rest = crate::text::prefix(&text[label.end()..], 4 * MARKER_TO_DATE_CHARS);
        let (date, range) = textmeta::find_date(rest, inputs.context)?;
        (rest[..range.start].chars().count() <= MARKER_TO_DATE_CHARS).then_some(date)
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::textmeta::DateContext;

    fn read(value: &str) -> PageDate {
        textmeta::parse_date(value, &DateContext::default()).unwrap()
    }

    #[test]
    fn a_permalink_months_older_than_the_stated_date_is_the_first_publication() {
        let stated = read("2019-06-17T18:28:00+02:00");
        assert_eq!(
            first_publication(stated, Some(read("2017-07-12"))).to_iso(),
            "2017-07-12"
        );
        // Weeks between draft and publication: the stated date stands.
        let permalink = Some(read("2023-10-03"));
        let stated = read("2023-10-31T10:47:16+02:00");
        assert_eq!(first_publication(stated, permalink), stated);
        // A permalink after the stated date is no evidence of a republication.
        let stated = read("2020-02-18");
        assert_eq!(first_publication(stated, Some(read("2021-05-01"))), stated);
        assert_eq!(first_publication(stated, None), stated);
    }

    #[test]
    fn a_change_stamp_beats_a_mention_only_when_it_follows_within_days() {
        let stamp = Some(read("2021-01-17"));
        // A study published two days before the report that cites it.
        assert_eq!(stamp_or_mention(stamp, Some(read("2021-01-15"))), stamp);
        // An old issue's date on a page edited years later.
        let old = Some(read("1998-02-09"));
        assert_eq!(stamp_or_mention(Some(read("2004-02-18")), old), old);
        // A mention after the stamp (an announced event) does not date the page.
        assert_eq!(stamp_or_mention(stamp, Some(read("2021-03-01"))), stamp);
        assert_eq!(stamp_or_mention(None, old), old);
        assert_eq!(stamp_or_mention(stamp, None), stamp);
    }

    #[test]
    fn only_numeric_dates_with_two_possible_months_have_another_reading() {
        let jan_11 = read("2023-01-11").date;
        let swapped = Date::new(2023, 11, 1).unwrap();
        assert_eq!(
            swapped_reading("11/01/2023 12:43:42", jan_11),
            Some(swapped)
        );
        assert_eq!(swapped_reading("11.01.2023", jan_11), Some(swapped));
        assert_eq!(swapped_reading("2023-01-11T12:00:00", jan_11), None);
        assert_eq!(swapped_reading("13/01/2023", read("2023-01-13").date), None);
        assert_eq!(swapped_reading("05/05/2023", read("2023-05-05").date), None);
        assert_eq!(swapped_reading("Jan 11, 2023", jan_11), None);
    }
}
