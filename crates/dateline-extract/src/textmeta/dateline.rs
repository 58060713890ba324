//! Wire datelines at the start of a story: "LONDON (Reuters) -", "WASHINGTON, Jan 30 (AP) —",
//! "Kyiv, Ukraine — ".
//!
//! The shape is: a place, optionally ", date", optionally "(agencies[ - date])", then a dash or
//! colon. What keeps ordinary sentences out ("The Prime Minister (PM) said") is how much of
//! that shape must be there: a place in capitals may stand with a known agency or a dated
//! parenthesis and no dash; a place in Title Case needs a dash after it and a capital after
//! the dash; a parenthesis of unknown content needs a dash after it.

use dateline_model::Dateline;

use super::authors::{has_organisation_ending, is_wire_agency};
use super::dates::{DateContext, PageDate, find_date};
use super::lexicon;
use super::tokens::{self, Kind};

/// Longest dateline prefix considered, in bytes.
const MAX_PREFIX: usize = 200;
/// Most words in a place.
const MAX_PLACE_WORDS: usize = 5;
/// Most words in a place written in Title Case, where sentences start the same way.
const MAX_TITLE_PLACE_WORDS: usize = 4;
/// Title Case words that start sentences and bylines rather than place names.
const NOT_PLACE_STARTS: &[&str] = &[
    "By", "A", "An", "In", "On", "At", "For", "From", "To", "Photo", "Video", "Image", "Via",
    "With", "And", "But", "Or", "If", "As", "This", "That", "It", "He", "She", "They", "We", "I",
    "Von", "Par", "Por", "Mr.", "Mrs.", "Ms.", "Dr.", "Die", "Der", "Das", "Dear", "Ein", "Eine",
    "Un", "Une", "Il", "Lo", "Gli",
];

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
    // "ПЕТРОПАВЛОВСК. КАЗИНФОРМ –": the agency after the place and a full stop.
    let (place, agency_in_place) = match place.rsplit_once(". ") {
        Some((city, agency)) if is_wire_agency(agency) => (city, Some(agency)),
        _ => (place, None),
    };
    let words: Vec<&str> = place.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > MAX_PLACE_WORDS {
        return None;
    }
    // Initials ("M. J. C.") are a signature, not a place.
    if words
        .iter()
        .all(|w| w.chars().filter(|c| c.is_alphabetic()).count() <= 1)
    {
        return None;
    }
    // "WASHINGTON", "NEW YORK, N.Y.", and the US style "CLEVELAND, Ohio": the city in capitals.
    let (city, region) = place.split_once(',').unwrap_or((place, ""));
    let caps = city.split(' ').filter(|w| !w.is_empty()).all(is_caps_word)
        && region
            .split([' ', ','])
            .filter(|w| !w.is_empty())
            .all(|w| is_caps_word(w) || is_title_word(w));
    let title = !caps
        && words.len() <= MAX_TITLE_PLACE_WORDS
        && words.iter().all(|w| is_title_word(w))
        && !NOT_PLACE_STARTS.contains(&words[0])
        && is_title_word(words[0])
        && !(words[0] == "The" && words.get(1) != Some(&"Hague"));
    if !caps && !title {
        return None;
    }
    // "IN PICTURES:", "BY JOHN DOE -": sentence and byline openers in capitals.
    if caps
        && NOT_PLACE_STARTS
            .iter()
            .any(|s| s.eq_ignore_ascii_case(words[0]))
    {
        return None;
    }
    // "Kaieteur News –", "THE DAILY POST -": a publication, not a place.
    if has_organisation_ending(place) {
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
    let mut agencies: Vec<String> = agency_in_place.into_iter().map(str::to_string).collect();
    let mut known_agency = agency_in_place.is_some();
    let mut paren_date = false;
    let mut had_paren = false;
    if let Some((name, len)) = slashed_agency(trimmed) {
        // "MOSCOW, January 30. /TASS/. Russia": the agency between slashes.
        known_agency = true;
        agencies.push(name.to_string());
        pos += len;
    } else if let Some(inner) = trimmed.strip_prefix('(') {
        let close = inner.find(')')?;
        if close > MAX_PREFIX {
            return None;
        }
        had_paren = true;
        let content = &inner[..close];
        let (names, in_date, dated) = paren_content(content, ctx)?;
        paren_date = dated;
        if let Some(d) = in_date {
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
    let mut end = end;
    let mut following = text[end..].trim_start();
    // "МОСКВА, 30 янв – РИА Новости. Россия": the agency after the dash, closed by a stop.
    if dashed
        && agencies.is_empty()
        && let Some((name, len)) = agency_after_dash(following)
    {
        known_agency = true;
        agencies.push(name.to_string());
        end += text[end..].len() - following.len() + len;
        following = text[end..].trim_start();
    }
    // A dateline alone in its paragraph (the story goes on in the next one) needs its dash.
    if following.is_empty() && !dashed {
        return None;
    }
    let sentence_follows = following.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'' | '‘' | '«')
    });
    let colon = after.trim_start().starts_with(':');
    let hyphen = after.trim_start().starts_with("- ") || after.trim_start() == "-";
    let vouched = known_agency || paren_date;
    let accepted = if vouched {
        true
    } else if caps {
        // A place alone before a dash or colon: the story must go on as a sentence, and a
        // colon (the South Asian style, "NEW DELHI:") only before a paragraph-length one.
        dashed
            && (following.is_empty() && had_paren
                || sentence_follows && following.len() >= if colon { 60 } else { 40 })
            && (!colon || place.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            && !place.starts_with("DEAR ")
    } else {
        // Title Case places need a real dash (em/en dash or "--") and a sentence after it.
        dashed && !colon && !hyphen && sentence_follows && following.len() >= 60
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

/// Where the place ends: before "(", before ", " and a date, or before the dash.
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
            // A hyphen ends the place only with spaces around it ("RENO - "), or doubled.
            '-' if text[i..].starts_with("--")
                || (text[i..].starts_with("- ") && text[..i].ends_with(' ')) =>
            {
                return Some(i);
            }
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
        // Dots only at the end ("Fla.", "St."): "Standard.al" is a domain.
        // "DOW" or "XVI." beside Title Case words is an acronym or a numeral, not a place.
        Some(first) if first.is_uppercase() => {
            let body = w.strip_suffix('.').unwrap_or(w);
            body.chars()
                .skip(1)
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
                && (body.chars().count() == 1 || body.chars().any(char::is_lowercase))
        }
        Some(_) => SMALL.contains(&w),
        None => false,
    }
}

/// ", Jan 30" / ", 30. Januar" / ", January 30, 2022" right after the place: the date and the
/// bytes it takes.
/// The date is `None` when it has no year and there is no reference to take one from.
fn short_date(s: &str, ctx: &DateContext) -> Option<(Option<PageDate>, usize)> {
    const MAX_DATE_BYTES: usize = 40;
    let body = s.strip_prefix(',')?;
    let window = &body[..body.floor_char_boundary(MAX_DATE_BYTES + 4)];
    // The date ends at the agency's parenthesis or slash ("/TASS/"), or at the dash
    // ("ROMA, 30 GEN -").
    let end = [
        window.find('('),
        window.find(". /"),
        window.find(" /"),
        window.find(" - "),
        window.find(" – "),
        window.find(" — "),
    ]
    .into_iter()
    .flatten()
    .min()?;
    if end > MAX_DATE_BYTES {
        return None;
    }
    let segment = &body[..end];
    // "MADRID, 30 (EUROPA PRESS)": the day alone, whose month the text does not give.
    let day_only = segment.trim();
    if (1..=2).contains(&day_only.len()) && day_only.bytes().all(|b| b.is_ascii_digit()) {
        return Some((None, 1 + segment.len()));
    }
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
fn paren_content(
    content: &str,
    ctx: &DateContext,
) -> Option<(Vec<String>, Option<PageDate>, bool)> {
    let mut names_part = content;
    let mut date = None;
    let mut dated = false;
    if let Some((d, range)) = find_date(content, ctx) {
        date = Some(d);
        dated = true;
        names_part = content[..range.start].trim_end_matches([' ', '-', '–', '—', ',']);
    } else if let Some((names, when)) = content
        .rsplit_once(" - ")
        .or_else(|| content.rsplit_once(" – "))
        .or_else(|| content.rsplit_once(", "))
        && let Some((month, day)) = year_less(when)
    {
        // "(Sputnik - Jan 30)": the year from the reference, or no date.
        date = ctx.resolve_year(month, day).map(PageDate::day);
        dated = true;
        names_part = names;
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
    if names.is_empty() && !dated {
        return None;
    }
    Some((names, date, dated))
}

/// "/TASS/." or ". /ТАСС/. " at the start of `s`: the agency and the bytes taken, up to the
/// next word.
fn slashed_agency(s: &str) -> Option<(&str, usize)> {
    let body = s.strip_prefix(". ").unwrap_or(s).strip_prefix('/')?;
    let close = body.find('/')?;
    let name = &body[..close];
    if !agency_like(name) || !is_wire_agency(name) {
        return None;
    }
    let after = &body[close + 1..];
    let after_stop = after.strip_prefix('.').unwrap_or(after);
    let taken = s.len() - after_stop.len();
    let spaces = after_stop.len() - after_stop.trim_start().len();
    Some((name, taken + spaces))
}

/// A known wire agency closed by a full stop right after the dateline's dash ("РИА
/// Новости."): the agency and the bytes taken, including the space after the stop.
fn agency_after_dash(s: &str) -> Option<(&str, usize)> {
    let stop = s.find(". ")?;
    let name = &s[..stop];
    (agency_like(name) && is_wire_agency(name)).then_some((name, stop + 2))
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
        "our picks",
        "faq",
        "top stories",
        "editor's picks",
        "highlights",
        "key points",
        "transcript",
        "source",
        "sources",
        "credit",
        "credits",
        "caption",
        "today",
        "tonight",
        "hinweis",
        "achtung",
        "photo of the day",
        "quote of the day",
        "yes",
        "no",
        "pro",
        "con",
        "news",
        "eilmeldung",
        "aktualisiert",
        "ultima hora",
        "última hora",
    ];
    let lower = place.to_lowercase();
    LABELS.contains(&lower.as_str()) || place.chars().filter(|c| c.is_alphabetic()).count() < 2
}
