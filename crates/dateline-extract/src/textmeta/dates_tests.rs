//! Dates: every format and language the scanner promises, and what must not become a date.

use jiff::Timestamp;

use super::*;

fn ctx() -> DateContext {
    DateContext::default()
}

fn month_first() -> DateContext {
    DateContext {
        prefer_day_first: false,
        ..DateContext::default()
    }
}

/// 2022-02-01T12:00:00Z, two days after the dates in the fixtures.
fn with_reference() -> DateContext {
    DateContext {
        reference: "2022-02-01T12:00:00Z".parse::<Timestamp>().ok(),
        prefer_day_first: true,
    }
}

fn found(text: &str, ctx: &DateContext) -> Option<String> {
    find_date(text, ctx).map(|(d, _)| d.to_iso())
}

fn parsed(text: &str) -> Option<String> {
    parse_date(text, &ctx()).map(|d| d.to_iso())
}

#[test]
fn reads_english_text_dates() {
    let cases = [
        (
            "Published January 30, 2022 | 04:20 AM",
            "2022-01-30T04:20:00",
        ),
        ("Jan. 30, 2022 4:20 p.m. ET", "2022-01-30T16:20:00-05:00"),
        ("Jul. 4, 2022 4:20 p.m. ET", "2022-07-04T16:20:00-04:00"),
        ("30 January 2022", "2022-01-30"),
        ("30th January, 2022", "2022-01-30"),
        ("January 30th, 2022", "2022-01-30"),
        ("the 1st of March 2022", "2022-03-01"),
        ("Sunday 30 January 2022 09.15 GMT", "2022-01-30T09:15:00Z"),
        ("Sun 30 Jan 2022 09.15 EST", "2022-01-30T09:15:00-05:00"),
        ("Posted: Jan 30 2022 at 4 PM", "2022-01-30T16:00:00"),
        (
            "Updated 12:05 AM ET, Sun January 30, 2022",
            "2022-01-30T00:05:00-05:00",
        ),
        ("30-Jan-2022", "2022-01-30"),
        ("Sept. 5, 2021", "2021-09-05"),
    ];
    for (text, want) in cases {
        assert_eq!(found(text, &ctx()).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn reads_dates_in_other_languages() {
    let cases = [
        ("30 janvier 2022 à 14h05", "2022-01-30T14:05:00"),
        ("le 1er février 2022", "2022-02-01"),
        ("30. Januar 2022", "2022-01-30"),
        ("Stand: 30. März 2022, 14:05 Uhr", "2022-03-30T14:05:00"),
        ("30.01.2022 um 14:05 Uhr", "2022-01-30T14:05:00"),
        ("30 de enero de 2022", "2022-01-30"),
        ("30 de janeiro de 2022 às 14:05", "2022-01-30T14:05:00"),
        (
            "domingo, 30 de enero de 2022 a las 14:05",
            "2022-01-30T14:05:00",
        ),
        ("30 gennaio 2022 alle 14:05", "2022-01-30T14:05:00"),
        ("30 gennaio 2022, ore 14:05", "2022-01-30T14:05:00"),
        ("30 januari 2022 om 14:05", "2022-01-30T14:05:00"),
        ("30 januari 2022 kl. 14.05", "2022-01-30T14:05:00"),
        ("30 января 2022 г., 14:05", "2022-01-30T14:05:00"),
        ("30 stycznia 2022 o 14:05", "2022-01-30T14:05:00"),
        ("30 Ocak 2022 Pazar", "2022-01-30"),
        ("30 Şubat 2022", ""),
        ("28 Şubat 2022", "2022-02-28"),
        ("30. tammikuuta 2022 klo 14.05", "2022-01-30T14:05:00"),
        ("30. ledna 2022", "2022-01-30"),
        ("30 ianuarie 2022", "2022-01-30"),
        ("30 Januari 2022", "2022-01-30"),
        ("zondag 30 januari 2022, 14:05", "2022-01-30T14:05:00"),
        ("söndag 30 januari 2022 kl. 14.05", "2022-01-30T14:05:00"),
        ("søndag den 30. januar 2022", "2022-01-30"),
        ("30. desember 2021 kl. 09.15", "2021-12-30T09:15:00"),
        ("domenica 30 gennaio 2022", "2022-01-30"),
        ("domingo, 30 de janeiro de 2022", "2022-01-30"),
        (
            "Niedziela, 30 stycznia 2022 r., 14:05",
            "2022-01-30T14:05:00",
        ),
        ("воскресенье, 30 января 2022", "2022-01-30"),
        ("30 Ağustos 2021 Pazartesi", "2021-08-30"),
        ("2022. január 30.", "2022-01-30"),
        ("30 січня 2022", "2022-01-30"),
        ("30 Ιανουαρίου 2022", "2022-01-30"),
        ("2022年1月30日 14時05分", "2022-01-30T14:05:00"),
        ("2022年1月30日 午後2時5分", "2022-01-30T14:05:00"),
        ("2022년 1월 30일 오후 2시 5분", "2022-01-30T14:05:00"),
        ("2022년 1월 30일", "2022-01-30"),
        ("2022年1月30日（日）14時05分", "2022-01-30T14:05:00"),
        ("2022年01月30日 14:05", "2022-01-30T14:05:00"),
        ("2022.01.30 (일) 오후 2:05", "2022-01-30T14:05:00"),
        ("2022년 1월 30일(일) 14:05", "2022-01-30T14:05:00"),
        ("２０２２年１月３０日", "2022-01-30"),
        ("30 يناير 2022", "2022-01-30"),
        ("30. siječnja 2022.", "2022-01-30"),
    ];
    for (text, want) in cases {
        let want = (!want.is_empty()).then_some(want);
        assert_eq!(found(text, &ctx()).as_deref(), want, "{text}");
    }
}

#[test]
fn numeric_dates_by_value_then_preference() {
    assert_eq!(found("30/01/2022", &ctx()).as_deref(), Some("2022-01-30"));
    assert_eq!(found("01/30/2022", &ctx()).as_deref(), Some("2022-01-30"));
    assert_eq!(found("30-01-2022", &ctx()).as_deref(), Some("2022-01-30"));
    assert_eq!(
        found("03/04/2022", &month_first()).as_deref(),
        Some("2022-03-04")
    );
    assert_eq!(found("03/04/2022", &ctx()).as_deref(), Some("2022-04-03"));
    assert!(DateContext::default().prefer_day_first);
    // Dots mean day first, even in a month-first context.
    assert_eq!(
        found("03.04.2022", &month_first()).as_deref(),
        Some("2022-04-03")
    );
    assert_eq!(found("30. 01. 2022", &ctx()).as_deref(), Some("2022-01-30"));
    assert_eq!(
        found("2022-01-30 04:20", &ctx()).as_deref(),
        Some("2022-01-30T04:20:00")
    );
    assert_eq!(found("2022/1/30", &ctx()).as_deref(), Some("2022-01-30"));
    // Two-digit years only with a time after them.
    assert_eq!(
        found("30.01.22, 14:05 Uhr", &ctx()).as_deref(),
        Some("2022-01-30T14:05:00")
    );
    assert_eq!(
        found("On 11/13/19 at 4:00 PM EST", &ctx()).as_deref(),
        Some("2019-11-13T16:00:00-05:00")
    );
    assert_eq!(found("30.01.22", &ctx()), None);
    assert_eq!(found("04 DEC 19", &ctx()).as_deref(), Some("2019-12-04"));
    assert_eq!(
        found("04 DEC 19, 10:00", &ctx()).as_deref(),
        Some("2019-12-04T10:00:00")
    );
    assert_eq!(found("30 January 19 people died", &ctx()), None);
    assert_eq!(
        found("11.15.2019 10:09 AM", &ctx()).as_deref(),
        Some("2019-11-15T10:09:00")
    );
    assert_eq!(found("version 1.2.22 released", &ctx()), None);
    assert_eq!(
        found("14:05, 30.01.2022", &ctx()).as_deref(),
        Some("2022-01-30T14:05:00")
    );
}

#[test]
fn languages_choose_the_numeric_order() {
    assert!(!DateContext::new(None, Some("en-US")).prefer_day_first);
    assert!(!DateContext::new(None, Some("en")).prefer_day_first);
    assert!(DateContext::new(None, Some("en-GB")).prefer_day_first);
    assert!(DateContext::new(None, Some("de_DE")).prefer_day_first);
    assert!(DateContext::new(None, None).prefer_day_first);
}

#[test]
fn reports_the_byte_range() {
    let text = "Sumaira FH Published January 30, 2022 | 04:20 AM";
    let (date, range) = find_date(text, &ctx()).unwrap_or_else(|| panic!("no date"));
    assert_eq!(date.to_iso(), "2022-01-30T04:20:00");
    assert_eq!(&text[range], "January 30, 2022 | 04:20 AM");
    let text = "Stand: 30.01.2022 um 14:05 Uhr – mehr";
    let (_, range) = find_date(text, &ctx()).unwrap_or_else(|| panic!("no date"));
    assert_eq!(&text[range], "30.01.2022 um 14:05 Uhr");
}

#[test]
fn finds_every_date_in_order() {
    let text = "Published 30 January 2022. Updated: 1 February 2022 10:00 CET";
    let all: Vec<String> = find_dates(text, &ctx())
        .into_iter()
        .map(|(d, _)| d.to_iso())
        .collect();
    assert_eq!(all, ["2022-01-30", "2022-02-01T10:00:00+01:00"]);
}

#[test]
fn relative_dates_need_a_reference() {
    let r = with_reference();
    let cases = [
        ("3 hours ago", "2022-02-01T09:00:00Z"),
        ("an hour ago", "2022-02-01T11:00:00Z"),
        ("5 mins ago", "2022-02-01T11:55:00Z"),
        ("3h ago", "2022-02-01T09:00:00Z"),
        ("2 days ago", "2022-01-30"),
        ("vor 2 Stunden", "2022-02-01T10:00:00Z"),
        ("vor einer Stunde", "2022-02-01T11:00:00Z"),
        ("vor 3 Tagen", "2022-01-29"),
        ("hace 3 horas", "2022-02-01T09:00:00Z"),
        ("hace una hora", "2022-02-01T11:00:00Z"),
        ("há 2 dias", "2022-01-30"),
        ("il y a 2 jours", "2022-01-30"),
        ("il y a une heure", "2022-02-01T11:00:00Z"),
        ("2 ore fa", "2022-02-01T10:00:00Z"),
        ("2 uur geleden", "2022-02-01T10:00:00Z"),
        ("3 часа назад", "2022-02-01T09:00:00Z"),
        ("yesterday", "2022-01-31"),
        ("Yesterday at 4:20 PM", "2022-01-31T16:20:00"),
        ("today, 09:15", "2022-02-01T09:15:00"),
        ("gestern, 14:05 Uhr", "2022-01-31T14:05:00"),
        ("aujourd'hui à 10h30", "2022-02-01T10:30:00"),
        ("ayer", "2022-01-31"),
        ("hier à 18h30", "2022-01-31T18:30:00"),
        ("1時間前", "2022-02-01T11:00:00Z"),
        ("59分前", "2022-02-01T11:01:00Z"),
        ("3小时前", "2022-02-01T09:00:00Z"),
        ("2시간 전", "2022-02-01T10:00:00Z"),
        ("prije 28 minuta", "2022-02-01T11:32:00Z"),
        ("2 godziny temu", "2022-02-01T10:00:00Z"),
        ("2 saat önce", "2022-02-01T10:00:00Z"),
        ("för 2 timmar sedan", "2022-02-01T10:00:00Z"),
        ("há 2 horas", "2022-02-01T10:00:00Z"),
        ("1 dia atrás", "2022-01-31"),
        ("Updated Jan 30, 6:55 AM", "2022-01-30T06:55:00"),
        ("30 janvier à 14h05", "2022-01-30T14:05:00"),
    ];
    for (text, want) in cases {
        assert_eq!(found(text, &r).as_deref(), Some(want), "{text}");
        assert_eq!(found(text, &ctx()), None, "{text} without reference");
    }
}

#[test]
fn relative_words_that_are_other_words_need_more() {
    let r = with_reference();
    assert_eq!(found("Hier finden Sie alle Termine", &r), None);
    assert_eq!(found("Hier 3 Tage lang", &r), None);
}

#[test]
fn rejects_impossible_old_and_future_dates() {
    for text in [
        "13/13/2022",
        "30 February 2022",
        "February 29, 2022",
        "2022-13-01",
        "2022-02-30",
        "31.04.2022",
        "1 January 1989",
        "0/0/2022",
    ] {
        assert_eq!(found(text, &ctx()), None, "{text}");
    }
    assert_eq!(
        found("February 29, 2020", &ctx()).as_deref(),
        Some("2020-02-29")
    );
    let r = with_reference();
    assert_eq!(found("3 February 2022", &r).as_deref(), Some("2022-02-03"));
    assert_eq!(found("4 February 2022", &r), None);
    assert_eq!(parse_date("2022-03-01", &r), None);
}

#[test]
fn leaves_numbers_that_are_not_dates() {
    for text in [
        "The minister said the plan would cost more.",
        "Call 030 1234 5678 or +1-202-555-0123 today",
        "Tickets cost $12.50 or €30.01 each",
        "Update to version 2.0.2022 now",
        "Release v1.10.2022 is out",
        "Chelsea won 3-1 against Arsenal",
        "In 2022 prices rose",
        "ISBN 978-3-16-148410-0",
        "ISBN 978-2022-01-30",
        "Call 2022-01-30-55",
        "Score: 30/01/20221",
        "May the force be with you in 2022",
        "1.30 January 2022",
        "30 January",
        "the 30th",
        "Jan 30 at 4:20 PM",
    ] {
        assert_eq!(found(text, &ctx()), None, "{text}");
    }
}

#[test]
fn parses_machine_values() {
    let cases = [
        ("2022-01-30", "2022-01-30"),
        ("2022-01-30T04:20:00", "2022-01-30T04:20:00"),
        ("2022-01-30T04:20:00+01:00", "2022-01-30T04:20:00+01:00"),
        ("2022-01-30T04:20:00Z", "2022-01-30T04:20:00Z"),
        ("2022-01-30 04:20:00", "2022-01-30T04:20:00"),
        ("2022-01-30T04:20:00.000+0000", "2022-01-30T04:20:00Z"),
        (
            "2022-01-30T04:20:00.123456-0500",
            "2022-01-30T04:20:00-05:00",
        ),
        ("2022-01-30T04:20+05:30", "2022-01-30T04:20:00+05:30"),
        ("2022-01-30T23:15:0Z", "2022-01-30T23:15:00Z"),
        ("2022-01-30T04:20:00+01", "2022-01-30T04:20:00+01:00"),
        ("2022-01-30 04:20:00 UTC", "2022-01-30T04:20:00Z"),
        ("2022-01-30 04:20:00 GMT+0100", "2022-01-30T04:20:00+01:00"),
        (
            "2022-01-30T04:20:00+01:00[Europe/Paris]",
            "2022-01-30T04:20:00+01:00",
        ),
        ("20220130", "2022-01-30"),
        ("20220130T042000Z", "2022-01-30T04:20:00Z"),
        ("2022/01/30", "2022-01-30"),
        ("1643516400", "2022-01-30T04:20:00Z"),
        ("1643516400000", "2022-01-30T04:20:00Z"),
        ("1643516400.5", "2022-01-30T04:20:00Z"),
        ("Sun, 30 Jan 2022 04:20:00 GMT", "2022-01-30T04:20:00Z"),
        (
            "Sun, 30 Jan 2022 04:20:00 +0100",
            "2022-01-30T04:20:00+01:00",
        ),
        ("Sun, 30 Jan 2022 04:20:00 EST", "2022-01-30T04:20:00-05:00"),
        ("Sun, 30 Jan 2022 04:20:00 PST", "2022-01-30T04:20:00-08:00"),
        ("Sunday, 30-Jan-22", ""),
        ("January 30, 2022", "2022-01-30"),
        ("30.01.2022 14:05", "2022-01-30T14:05:00"),
    ];
    for (value, want) in cases {
        let want = (!want.is_empty()).then_some(want);
        assert_eq!(parsed(value).as_deref(), want, "{value}");
    }
}

#[test]
fn rejects_broken_machine_values() {
    for value in [
        "",
        "  ",
        "2022-13-30",
        "2022-02-30T10:00:00Z",
        "1970-01-01T00:00:00Z",
        "0",
        "12345",
        "20221330",
        "1643516400000000",
        "not a date",
        "2022",
    ] {
        assert_eq!(parsed(value), None, "{value}");
    }
    // A broken time keeps the date it belongs to.
    assert_eq!(
        parsed("2022-01-30T25:61:00Z").as_deref(),
        Some("2022-01-30")
    );
}

#[test]
fn long_machine_values_stay_cheap() {
    let junk = "1".repeat(1_000_000);
    assert_eq!(parse_date(&junk, &ctx()), None);
    let mut value = "x".repeat(1_000_000);
    value.push_str(" 2022-01-30");
    assert_eq!(parsed(&value).as_deref(), Some("2022-01-30"));
}

#[test]
fn iso_output_reparses_to_the_same_date() {
    for value in [
        "2022-01-30",
        "2022-01-30T04:20:00",
        "2022-01-30T04:20:00Z",
        "2022-01-30T04:20:00-09:30",
    ] {
        let date = parse_date(value, &ctx()).unwrap_or_else(|| panic!("{value}"));
        assert_eq!(date.to_iso(), value);
        assert_eq!(parse_date(&date.to_iso(), &ctx()), Some(date));
    }
}

#[test]
fn timestamps_need_time_and_offset() {
    let date = parse_date("2022-01-30T04:20:00+01:00", &ctx()).unwrap_or_else(|| panic!());
    assert_eq!(
        date.timestamp().map(|t| t.to_string()).as_deref(),
        Some("2022-01-30T03:20:00Z")
    );
    let local = parse_date("2022-01-30T04:20:00", &ctx()).unwrap_or_else(|| panic!());
    assert_eq!(local.timestamp(), None);
}

#[test]
fn long_texts_stay_linear() {
    // 5 MB of near-misses: numbers, dots, slashes and month names without years, then one
    // date at the very end. One scan (debug builds read about 1.5 MB/s here).
    let unit = "Scores 3-1 and 2.0.20 on 30/01 at 12:30, January 30 and 1.2.3.4.5 ";
    let mut text = unit.repeat(5_000_000 / unit.len());
    text.push_str("Published 30 January 2022");
    let all = find_dates(&text, &ctx());
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].0.to_iso(), "2022-01-30");
    assert_eq!(all[0].1.end, text.len());
}
