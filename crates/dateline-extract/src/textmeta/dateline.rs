//! Wire datelines at the start of a story: "LONDON (Reuters) -", "WASHINGTON, Jan 30 (AP) —",
//! "Kyiv, Ukraine — ".
//!
//! The shape is: a place, optionally ", date", optionally "(agencies[ - date])", then a dash or
//! colon. What keeps ordinary sentences out ("The Prime Minister (PM) said") is how much of
//! that shape must be there: a place in capitals may stand with a known agency or a dated
//! parenthesis and no dash; a place in Title Case needs a dash after it and a capital after
//! the dash; a parenthesis of unknown content needs a dash after it.

use dateline_model::Dateline;

use super::authors::is_wire_agency;
use super::dates::{DateContext, PageDate, find_date};
use super::lexicon;
use super::tokens::{self, Kind};

/// Longest dateline prefix considered, in bytes.
const MAX_PREFIX: usize = 200;
/// Most words in a place.
const MAX_PLACE_WORDS: usize = 5;

/// Reads a wire dateline at the start of a body paragraph and returns it with the byte length
/// of the dateline prefix (including the trailing dash or colon and the space after it).
/// The place is returned as written; agencies are split on "/", "," and "and"; the date is
/// ISO 8601, with the year from the text or from `ctx.reference` (omitted when unknown).
pub fn parse_dateline(paragraph: &str, ctx: &DateContext) -> Option<(Dateline, usize)> {
    let lead = paragraph.len() - paragraph.trim_start().len();
    let text = paragraph.get(lead..)?;
    let place_end = place_end(text)?;
    let raw_place = text.get(..place_end)?;
    let place = raw_place.trim_end_matches([',', ' ']).trim_end();
    let words: Vec<&str> = place.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > MAX_PLACE_WORDS {
        return None;
    }
    let caps = words.iter().all(|w| is_caps_word(w));
    let title = !caps && words.iter().all(|w| is_title_word(w));
    if !caps && !title {
        return None;
    }
    let mut pos = place_end;
    let mut date: Option<PageDate> = None;
    // ", Jan 30" / ", 30. Januar" / ", January 30, 2022" between place and parenthesis.
    if let Some((d, len)) = short_date(&text[pos..], ctx) {
        date = d;
        pos += len;
    }
    let rest = &text[pos..];
    let trimmed = rest.trim_start();
    pos += rest.len() - trimmed.len();
    let mut agencies = Vec::new();
    let mut known_agency = false;
    let mut paren_date = false;
    let mut had_paren = false;
    if let Some(inner) = trimmed.strip_prefix('(') {
        let close = inner.find(')')?;
        if close > MAX_PREFIX {
            return None;
        }
        had_paren = true;
        let content = &inner[..close];
        let (names, in_date) = paren_content(content, ctx)?;
        if let Some(d) = in_date {
            paren_date = true;
            date = date.or(Some(d));
        }
        known_agency = names.iter().any(|n| is_wire_agency(n));
        agencies = names;
        pos += 1 + close + 1;
    }
    // The dash or colon after it all.
    let after = &text[pos..];
    let (dash_len, dashed) = dash(after);
    let end = pos + dash_len;
    let following = text[end..].trim_start();
    // A dateline alone in its paragraph (the story goes on in the next one) needs its dash.
    if following.is_empty() && !dashed {
        return None;
    }
    let accepted = if caps {
        dashed || known_agency || paren_date
    } else {
        // Title Case places: a clear dash, and a new sentence after it; unknown parenthesis
        // contents are allowed only with the dash.
        dashed
            && !after.trim_start().starts_with(':')
            && following.chars().next().is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'' | '‘' | '«')
            })
    };
    if !accepted || end > MAX_PREFIX {
        return None;
    }
    // Capitals before a dash or colon are also labels ("UPDATE:", "WATCH —").
    if !had_paren && is_label(place) {
        return None;
    }
    let end = end + (text[end..].len() - following.len());
    Some((
        Dateline {
            place: Some(place.to_string()),
            agencies,
            date: date.map(|d| d.to_iso()),
        },
        lead + end,
    ))
}

/// Where the place ends: before "(", before ", <date>", or before the dash.
fn place_end(text: &str) -> Option<usize> {
    let limit = text.len().min(MAX_PREFIX);
    let mut commas = 0;
    for (i, c) in text.char_indices() {
        if i >= limit {
            return None;
        }
        match c {
            '(' => return Some(i),
            '—' | '–' | '―' | ':' => return Some(i),
            '-' if text[i..].starts_with("--") || text[i..].starts_with("- ") => return Some(i),
            ',' => {
                commas += 1;
                if commas > 2 {
                    return None;
                }
                // ", Jan 30 (" — the place ends at the comma when a date follows.
                let after = text[i + 1..].trim_start();
                if starts_with_month_or_day(after) {
                    return Some(i);
                }
            }
            c if c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '’' | '-') => {}
            _ => return None,
        }
    }
    None
}

fn starts_with_month_or_day(s: &str) -> bool {
    match tokens::next(s, 0) {
        Some(t) if t.kind == Kind::Num => t.digits <= 2,
        Some(t) if t.kind == Kind::Word => lexicon::lookup(t.text(s)).is_some_and(|l| l.month > 0),
        _ => false,
    }
}

/// "NEW", "YORK", "N.Y.", "D.C.", "ST.": upper-case letters and dots.
fn is_caps_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters > 0
        && w.chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
}

/// "Kyiv", "Ukraine", "Rio", and the small words of place names ("de", "upon", "am").
fn is_title_word(w: &str) -> bool {
    const SMALL: &[&str] = &[
        "de", "da", "do", "del", "di", "la", "le", "les", "el", "al", "am", "an", "der", "upon",
        "on", "of", "sur", "en", "im",
    ];
    let mut chars = w.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() => {
            chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        }
        Some(_) => SMALL.contains(&w),
        None => false,
    }
}

/// ", Jan 30" / ", 30. Januar" / ", January 30, 2022" right after the place: the date and the
/// bytes it takes.
/// The date is `None` when it has no year and there is no reference to take one from.
fn short_date(s: &str, ctx: &DateContext) -> Option<(Option<PageDate>, usize)> {
    let body = s.strip_prefix(',')?;
    let paren = body.find('(')?;
    if paren > 40 {
        return None;
    }
    let segment = &body[..paren];
    let date = match find_date(segment, ctx) {
        Some((d, range))
            if segment[..range.start].trim().is_empty()
                && segment[range.end..].trim_matches([' ', ',']).is_empty() =>
        {
            Some(d)
        }
        Some(_) => return None,
        None => {
            let (month, day) = year_less(segment)?;
            ctx.resolve_year(month, day).map(PageDate::day)
        }
    };
    Some((date, 1 + segment.len()))
}

/// "Jan 30", "30. Januar", "January 30": month and day.
fn year_less(segment: &str) -> Option<(u32, u32)> {
    let mut pos = 0;
    let mut day = None;
    let mut month = None;
    let mut count = 0;
    while let Some(t) = tokens::next(segment, pos) {
        pos = t.end;
        count += 1;
        if count > 5 {
            return None;
        }
        match t.kind {
            Kind::Num if t.digits <= 2 && day.is_none() => day = Some(t.value),
            Kind::Word => {
                let text = t.text(segment);
                match lexicon::lookup(text) {
                    Some(l) if l.month > 0 && month.is_none() => month = Some(u32::from(l.month)),
                    _ if matches!(
                        text.to_lowercase().as_str(),
                        "th" | "st" | "nd" | "rd" | "de" | "of"
                    ) => {}
                    _ => return None,
                }
            }
            Kind::Punct('.' | ',') => {}
            _ => return None,
        }
    }
    let (month, day) = (month?, day?);
    (1..=31).contains(&day).then_some((month, day))
}

/// The agencies inside the parenthesis and a date written there ("Sputnik - 30th January,
/// 2022"); `None` when the content is not agency-like.
fn paren_content(content: &str, ctx: &DateContext) -> Option<(Vec<String>, Option<PageDate>)> {
    let mut names_part = content;
    let mut date = None;
    if let Some((d, range)) = find_date(content, ctx) {
        date = Some(d);
        names_part = content[..range.start].trim_end_matches([' ', '-', '–', '—', ',']);
    }
    let mut names = Vec::new();
    for piece in names_part.split(['/', ',']) {
        for name in piece.split(" and ") {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            if !agency_like(name) {
                return None;
            }
            names.push(name.to_string());
        }
    }
    if names.is_empty() && date.is_none() {
        return None;
    }
    Some((names, date))
}

/// Short, starts with a letter, no sentence punctuation.
fn agency_like(name: &str) -> bool {
    let words = name.split_whitespace().count();
    words <= 4
        && name.chars().count() <= 40
        && name.chars().next().is_some_and(char::is_alphabetic)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '&' | '\''))
}

/// The dash (or colon) at the start of `s` after optional spaces: its byte length, and
/// whether there was one.
fn dash(s: &str) -> (usize, bool) {
    let trimmed = s.trim_start();
    let lead = s.len() - trimmed.len();
    for d in ["---", "--", "—", "–", "―", "-", ":"] {
        if let Some(rest) = trimmed.strip_prefix(d) {
            // A hyphen must be followed by a space, or it is part of a word.
            if d == "-" && !(rest.is_empty() || rest.starts_with(' ')) {
                return (0, false);
            }
            return (lead + d.len(), true);
        }
    }
    (0, false)
}

/// Words that open paragraphs in capitals without being places.
fn is_label(place: &str) -> bool {
    const LABELS: &[&str] = &[
        "update",
        "updated",
        "updates",
        "breaking",
        "breaking news",
        "watch",
        "exclusive",
        "note",
        "editor's note",
        "editor’s note",
        "live",
        "analysis",
        "opinion",
        "read",
        "read more",
        "also read",
        "photos",
        "photo",
        "video",
        "correction",
        "warning",
        "spoiler",
        "spoilers",
        "q",
        "a",
        "fact check",
        "comment",
        "review",
        "interview",
        "sponsored",
        "advertisement",
        "listen",
        "related",
        "more",
        "file",
        "ps",
        "tl;dr",
        "tldr",
        "summary",
        "background",
        "context",
        "disclaimer",
        "important",
        "urgent",
        "alert",
        "news",
        "eilmeldung",
        "aktualisiert",
        "ultima hora",
        "última hora",
    ];
    let lower = place.to_lowercase();
    LABELS.contains(&lower.as_str()) || place.chars().filter(|c| c.is_alphabetic()).count() < 2
}
