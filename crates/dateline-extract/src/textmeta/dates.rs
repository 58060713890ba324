//! Dates as pages state them: machine values (`parse_date`) and dates in visible text
//! (`find_date`, `find_dates`).
//!
//! Every date goes through one gate, [`DateContext::accept`]: a real calendar day (jiff
//! checks month lengths and leap years), a year from 1990 on (earlier years on news pages are
//! almost always placeholders such as the Unix epoch or a copyright line), and not more than
//! two days after the reference instant when there is one (time zones and pre-dated issues
//! explain a day or two; more is a typo or an event date).

use std::ops::Range;

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::Offset;

use super::lexicon::{self, Zone};
use super::scan;

/// A calendar date, optionally with a wall-clock time and a UTC offset, as a page states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageDate {
    /// The calendar day.
    pub date: Date,
    /// The wall-clock time, whole seconds, when the page gives one.
    pub time: Option<Time>,
    /// The UTC offset of `time`, when the page gives one.
    pub offset: Option<Offset>,
}

impl PageDate {
    /// A date without time.
    pub fn day(date: Date) -> Self {
        PageDate {
            date,
            time: None,
            offset: None,
        }
    }

    /// "2022-01-30", "2022-01-30T04:20:00", "2022-01-30T04:20:00+01:00" / "...Z" for UTC.
    /// An offset without a time is not written: ISO 8601 has no form for it.
    pub fn to_iso(&self) -> String {
        let d = self.date;
        let mut out = format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
        if let Some(t) = self.time {
            out.push_str(&format!(
                "T{:02}:{:02}:{:02}",
                t.hour(),
                t.minute(),
                t.second()
            ));
            if let Some(offset) = self.offset {
                let secs = offset.seconds();
                if secs == 0 {
                    out.push('Z');
                } else {
                    let sign = if secs < 0 { '-' } else { '+' };
                    let abs = secs.unsigned_abs();
                    out.push_str(&format!("{sign}{:02}:{:02}", abs / 3600, abs / 60 % 60));
                }
            }
        }
        out
    }

    /// The instant, when time and offset are both known.
    pub fn timestamp(&self) -> Option<Timestamp> {
        let time = self.time?;
        let offset = self.offset?;
        offset.to_timestamp(self.date.to_datetime(time)).ok()
    }
}

/// Reference instant for relative dates ("3 hours ago", "yesterday") and for rejecting future
/// dates, and the reading of ambiguous numeric dates.
///
/// The default has no reference and reads ambiguous numeric dates day first, as every locale
/// but the US does; [`DateContext::new`] takes the order from the page's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateContext {
    /// When the page was fetched or crawled. Without it, relative dates are not read and no
    /// date is rejected as being in the future. Calendar arithmetic on it is done in UTC.
    pub reference: Option<Timestamp>,
    /// Read "03/04/2022" as 3 April rather than March 4 (when both numbers are ≤ 12).
    pub prefer_day_first: bool,
}

impl Default for DateContext {
    fn default() -> Self {
        DateContext {
            reference: None,
            prefer_day_first: true,
        }
    }
}

impl DateContext {
    /// A context for a page in `language` (a BCP 47 tag such as `en-US` or `de`): month first
    /// for US English (and plain `en`, which US sites mostly declare), day first otherwise
    /// and when the language is unknown.
    pub fn new(reference: Option<Timestamp>, language: Option<&str>) -> Self {
        DateContext {
            reference,
            prefer_day_first: language.is_none_or(day_first),
        }
    }

    /// The reference day in UTC.
    pub(crate) fn reference_date(&self) -> Option<Date> {
        self.reference.map(|ts| Offset::UTC.to_datetime(ts).date())
    }

    /// The year of the reference instant, for dates written without a year.
    pub(crate) fn reference_year(&self) -> Option<i16> {
        self.reference_date().map(|d| d.year())
    }

    /// The latest acceptable day: two days after the reference.
    fn latest(&self) -> Option<Date> {
        self.reference_date()
            .and_then(|d| d.checked_add(jiff::Span::new().days(2)).ok())
    }

    /// Builds and checks a date from numbers as written.
    pub(crate) fn make_date(&self, year: u32, month: u32, day: u32) -> Option<Date> {
        if !(1990..=2100).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day)
        {
            return None;
        }
        let date = Date::new(year as i16, month as i8, day as i8).ok()?;
        self.accept(date).then_some(date)
    }

    /// The one gate every date passes.
    pub(crate) fn accept(&self, date: Date) -> bool {
        let year = date.year();
        if !(1990..=2100).contains(&year) {
            return false;
        }
        match self.latest() {
            Some(latest) => date <= latest,
            None => true,
        }
    }

    /// For a day and month written without a year: the latest year, from the reference's,
    /// that does not put the date in the future.
    pub(crate) fn resolve_year(&self, month: u32, day: u32) -> Option<Date> {
        let year = self.reference_year()?;
        let year = u32::try_from(year).ok()?;
        self.make_date(year, month, day)
            .or_else(|| self.make_date(year.checked_sub(1)?, month, day))
    }
}

/// Month-first numeric dates are a US habit; every other locale writes the day first.
fn day_first(language: &str) -> bool {
    let lower = language.trim().to_ascii_lowercase().replace('_', "-");
    !(lower == "en-us" || lower == "en" || lower.starts_with("en-us-") || lower == "fil")
}

/// Time-zone offset for an abbreviation on a given day.
pub(crate) fn zone_offset(zone: Zone, date: Date) -> Option<Offset> {
    let seconds = match zone {
        Zone::Fixed(s) => s,
        Zone::Us(hours) => (hours + i32::from(us_daylight_saving(date))) * 3600,
    };
    Offset::from_seconds(seconds).ok()
}

/// US daylight saving time (since 2007): from the second Sunday of March to the first Sunday
/// of November. Days, not hours: a page that says "ET" on the switch day is off by an hour at
/// worst.
fn us_daylight_saving(date: Date) -> bool {
    let year = date.year();
    let start = Date::new(year, 3, 1)
        .and_then(|d| d.nth_weekday_of_month(2, jiff::civil::Weekday::Sunday))
        .ok();
    let end = Date::new(year, 11, 1)
        .and_then(|d| d.nth_weekday_of_month(1, jiff::civil::Weekday::Sunday))
        .ok();
    match (start, end) {
        (Some(start), Some(end)) => date >= start && date < end,
        _ => false,
    }
}

/// Parses a whole machine-ish value (meta content, JSON-LD, `<time datetime>`): ISO 8601 and
/// its common variants (space instead of `T`, no colon in the offset, fractional seconds,
/// basic format `20220130`, `2022-01-30T04:20:00.000+0000`), Unix epoch seconds or
/// milliseconds, RFC 2822/1123 (`Sun, 30 Jan 2022 04:20:00 GMT`, `EST`, `PST`, ...), and
/// anything [`find_date`] reads.
pub fn parse_date(value: &str, ctx: &DateContext) -> Option<PageDate> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if let Some(iso) = parse_iso(value.as_bytes()) {
        return iso.filter(|d| ctx.accept(d.date));
    }
    if let Some(epoch) = parse_epoch(value) {
        return epoch.filter(|d| ctx.accept(d.date));
    }
    find_date(value, ctx).map(|(date, _)| date)
}

/// Finds the first date (with its time when adjacent) in free visible text, with the byte
/// range it spans.
///
/// Reads numeric dates (`2022-01-30`, `30.01.2022`, `30/01/2022`, `01/30/2022`; day and month
/// by value, else [`DateContext::prefer_day_first`]; two-digit years only with a time after
/// them), dates with month names (`January 30, 2022`, `30th January, 2022`, `30. Januar 2022`,
/// `30 de enero de 2022`, `30 января 2022`, `2022. január 30.`, with or without weekday) in
/// English, French, German, Spanish, Portuguese, Italian, Dutch, Swedish, Danish, Norwegian,
/// Polish, Russian, Ukrainian, Turkish, Finnish, Czech, Romanian, Indonesian, Malay,
/// Hungarian, Croatian, Greek and Arabic, CJK dates (`2022年1月30日`, `2022년 1월 30일`), and a
/// time next to the date (`04:20 AM`, `4:20 p.m. ET`, `09.15 GMT`, `um 14:05 Uhr`, `14h05`,
/// `14時05分`, `+01:00`).
///
/// With [`DateContext::reference`] set it also reads relative dates ("3 hours ago", "vor 2
/// Stunden", "hace 3 horas", "il y a 2 jours", "1時間前", "yesterday", "today", ...) and a day
/// and month without a year when a time follows ("Nov 19, 6:55 AM"). Those words are common
/// in prose, so give it the text of a date or byline element rather than a whole article
/// when a reference is set.
pub fn find_date(text: &str, ctx: &DateContext) -> Option<(PageDate, Range<usize>)> {
    let mut first = None;
    scan::scan(text, ctx, |date, range| {
        first = Some((date, range));
        false
    });
    first
}

/// Every date found in the text, in order (for choosing between published/updated labels).
pub fn find_dates(text: &str, ctx: &DateContext) -> Vec<(PageDate, Range<usize>)> {
    let mut all = Vec::new();
    scan::scan(text, ctx, |date, range| {
        all.push((date, range));
        true
    });
    all
}

/// Reads `n` ASCII digits at `*i`.
fn digits(b: &[u8], i: &mut usize, n: usize) -> Option<u32> {
    let slice = b.get(*i..*i + n)?;
    let mut value = 0u32;
    for &c in slice {
        if !c.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u32::from(c - b'0');
    }
    *i += n;
    Some(value)
}

/// Reads one or two ASCII digits at `*i`.
fn one_or_two(b: &[u8], i: &mut usize) -> Option<u32> {
    let first = digits(b, i, 1)?;
    match digits(b, i, 1) {
        Some(second) => Some(first * 10 + second),
        None => Some(first),
    }
}

/// ISO 8601 and its everyday variants. `None`: not ISO-shaped at all (try other readings);
/// `Some(None)`: ISO-shaped but not a real date.
fn parse_iso(b: &[u8]) -> Option<Option<PageDate>> {
    let mut i = 0;
    let year = digits(b, &mut i, 4)?;
    let (month, day, basic) = match b.get(i) {
        Some(&sep @ (b'-' | b'/' | b'.')) => {
            i += 1;
            let month = one_or_two(b, &mut i)?;
            if b.get(i) != Some(&sep) {
                return None;
            }
            i += 1;
            let day = one_or_two(b, &mut i)?;
            (month, day, false)
        }
        Some(c) if c.is_ascii_digit() => {
            let month = digits(b, &mut i, 2)?;
            let day = digits(b, &mut i, 2)?;
            (month, day, true)
        }
        _ => return None,
    };
    if b.get(i).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if basic && !matches!(b.get(i), None | Some(b'T' | b't')) {
        return None;
    }
    let Some(date) = Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok() else {
        return Some(None);
    };
    let mut out = PageDate::day(date);
    // Time: 'T' or spaces, then HH:MM[:SS[.frac]] (HHMM[SS] in basic form after 'T').
    let mut j = i;
    let had_t = matches!(b.get(j), Some(b'T' | b't'));
    if had_t {
        j += 1;
    } else {
        while b.get(j) == Some(&b' ') {
            j += 1;
        }
    }
    if j == i || !b.get(j).is_some_and(u8::is_ascii_digit) {
        return Some(Some(out));
    }
    let Some(hour) = digits(b, &mut j, 2) else {
        return Some(Some(out));
    };
    let colon = b.get(j) == Some(&b':');
    if colon {
        j += 1;
    } else if !had_t {
        return Some(Some(out));
    }
    let Some(minute) = digits(b, &mut j, 2) else {
        return Some(Some(out));
    };
    let mut second = 0;
    if colon && b.get(j) == Some(&b':') {
        j += 1;
        // Some CMSs write unpadded seconds ("23:15:0Z").
        second = one_or_two(b, &mut j).unwrap_or(0);
    } else if !colon && let Some(s) = digits(b, &mut j, 2) {
        second = s;
    }
    if matches!(b.get(j), Some(b'.' | b',')) && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        j += 1;
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
    }
    // Leap seconds are written 60; jiff has none, so they become :59.
    let second = second.min(59);
    let Ok(time) = Time::new(
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        0,
    ) else {
        return Some(Some(out));
    };
    out.time = Some(time);
    out.offset = iso_offset(b, j, date);
    Some(Some(out))
}

/// The offset after an ISO time: `Z`, `±HH:MM`, `±HHMM`, `±HH`, or a zone abbreviation
/// (`UTC`, `GMT+1`, `EST`), with optional spaces before it.
fn iso_offset(b: &[u8], mut j: usize, date: Date) -> Option<Offset> {
    while b.get(j) == Some(&b' ') {
        j += 1;
    }
    let rest = b.get(j..)?;
    if matches!(rest.first(), Some(b'Z' | b'z'))
        && !rest.get(1).is_some_and(u8::is_ascii_alphabetic)
    {
        return Some(Offset::UTC);
    }
    if let Some(offset) = numeric_offset(rest) {
        return Some(offset);
    }
    let letters = rest.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if letters == 0 {
        return None;
    }
    let abbr = std::str::from_utf8(&rest[..letters]).ok()?;
    let zone = lexicon::zone(abbr)?;
    let base = zone_offset(zone, date)?;
    if matches!(abbr, "UTC" | "GMT")
        && let Some(extra) = numeric_offset(&rest[letters..])
    {
        return Some(extra);
    }
    Some(base)
}

/// `±HH:MM`, `±HHMM`, `±HH`, `±H` at the start of `b`.
pub(crate) fn numeric_offset(b: &[u8]) -> Option<Offset> {
    let (sign, mut i) = match b {
        [b'+', ..] => (1, 1),
        [b'-', ..] => (-1, 1),
        [0xE2, 0x88, 0x92, ..] => (-1, 3), // U+2212 minus sign
        _ => return None,
    };
    let hours = one_or_two(b, &mut i)?;
    let mut minutes = 0;
    if b.get(i) == Some(&b':') {
        i += 1;
        minutes = digits(b, &mut i, 2)?;
    } else if let Some(m) = digits(b, &mut i, 2) {
        minutes = m;
    }
    if b.get(i).is_some_and(u8::is_ascii_digit) || hours > 14 || minutes > 59 {
        return None;
    }
    let seconds = sign * (hours as i32 * 3600 + minutes as i32 * 60);
    Offset::from_seconds(seconds).ok()
}

/// Unix epoch seconds (9–10 digits) or milliseconds (12–13 digits), optionally with a
/// fractional part; `Some(None)` for an epoch-shaped value out of range.
fn parse_epoch(value: &str) -> Option<Option<PageDate>> {
    let int = value.split_once('.').map_or(value, |(int, frac)| {
        if frac.bytes().all(|c| c.is_ascii_digit()) {
            int
        } else {
            ""
        }
    });
    if int.is_empty() || !int.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: i64 = int.parse().ok()?;
    let ts = match int.len() {
        9 | 10 => Timestamp::from_second(n).ok(),
        12 | 13 => Timestamp::from_millisecond(n).ok(),
        _ => return None,
    };
    Some(ts.map(|ts| {
        let dt = Offset::UTC.to_datetime(ts);
        PageDate {
            date: dt.date(),
            time: Time::new(dt.hour(), dt.minute(), dt.second(), 0).ok(),
            offset: Some(Offset::UTC),
        }
    }))
}
