//! Metadata from the text around the body: the headline (even when the page repeats it in
//! another casing), the tag list after a "Related Topics" label, the section of a
//! "More Stories From World" line.

use super::boilerplate::{self, Kind};
use super::lines::Line;
use super::segment::{Class, Segmentation, eq_caseless};

/// Units above the body searched for the headline.
const TITLE_WINDOW: usize = 12;
/// Units after the body searched for tags and the section.
const TAIL_WINDOW: usize = 80;

/// Where the headline is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Title {
    /// The unit holding the headline as used.
    pub unit: usize,
}

/// The headline: a heading-like unit just above the body. A unit the page repeats (in any
/// casing) near the body is the headline far more often than not; otherwise the nearest
/// heading-like unit above the body, skipping standfirst-like long ones when a shorter
/// candidate is right above.
pub(crate) fn title(units: &[Line<'_>], seg: &Segmentation, skip: &[bool]) -> Option<Title> {
    let first_body = seg.body.first().map(|&(i, _)| i)?;
    let from = first_body.saturating_sub(TITLE_WINDOW);
    let candidates: Vec<usize> = (from..first_body + 1)
        .filter(|&i| !skip[i] && title_like(&units[i], seg.classes[i]))
        .collect();
    // A repeated headline: the first of two equal units in the window.
    for (n, &i) in candidates.iter().enumerate() {
        if candidates[n + 1..]
            .iter()
            .any(|&j| eq_caseless(units[i].text, units[j].text))
        {
            return Some(Title { unit: i });
        }
    }
    let above: Vec<usize> = candidates.into_iter().filter(|&i| i < first_body).collect();
    let &last = above.last()?;
    Some(Title { unit: last })
}

fn title_like(unit: &Line<'_>, class: Class) -> bool {
    let f = &unit.f;
    let weight = f.weight();
    !unit.bullet
        && !matches!(class, Class::Bad(_))
        && (2..=35).contains(&weight)
        && f.chars >= 8
        && !unit.text.ends_with([',', ':', ';'])
        && !(f.ends_sentence && unit.text.ends_with('.') && f.sentence_marks > 1)
        && !looks_like_byline(unit.text)
        && f.chars - count_digits(unit.text) >= 6
}

fn count_digits(text: &str) -> u32 {
    text.chars().filter(char::is_ascii_digit).count() as u32
}

/// `By Jane Doe`, `Von Anna Muster`, `Par ...`: a byline, not a headline.
pub(crate) fn looks_like_byline(text: &str) -> bool {
    byline_prefix(text).is_some()
}

/// The byline's leading word and the rest: `By Jane Doe` -> `Jane Doe`.
pub(crate) fn byline_prefix(text: &str) -> Option<&str> {
    const PREFIXES: &[&str] = &[
        "by ",
        "written by ",
        "words by ",
        "von ",
        "par ",
        "por ",
        "di ",
        "door ",
        "av ",
        "af ",
        "autor: ",
        "autorin: ",
        "author: ",
        "auteur : ",
        "auteur: ",
        "text: ",
        "texte : ",
        "redacción: ",
        "przez ",
        "автор: ",
        "yazar: ",
        "oleh ",
        "from ",
    ];
    let trimmed = text.trim();
    if trimmed.len() > 160 {
        return None;
    }
    for prefix in PREFIXES {
        if let Some(head) = trimmed.get(..prefix.len())
            && head.to_lowercase() == *prefix
        {
            let rest = trimmed[prefix.len()..].trim();
            if rest.chars().next().is_some_and(char::is_uppercase) {
                return Some(rest);
            }
        }
    }
    None
}

/// Tags and section from the units after the body.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tail {
    pub tags: Vec<String>,
    pub section: Option<String>,
}

/// Reads the tag list ("Related Topics" and the line after it, or `Tags: a, b`) and the
/// section ("More Stories From World") from the units after the body's first unit.
pub(crate) fn tail(units: &[Line<'_>], seg: &Segmentation, body_text: &str) -> Tail {
    let mut out = Tail::default();
    let from = seg.body.first().map_or(0, |&(i, _)| i);
    let to = units.len().min(seg.region.end + TAIL_WINDOW);
    // Lower-cased once, and only for a tag line that needs it.
    let body_lower = std::cell::OnceCell::new();
    let joins = |a: &str, b: &str| {
        boilerplate::starts_name(a) || {
            let pair = format!("{a} {b}").to_lowercase();
            body_lower
                .get_or_init(|| body_text.to_lowercase())
                .contains(&pair)
        }
    };
    let mut i = from;
    while i < to {
        let unit = &units[i];
        match seg.classes[i] {
            Class::Bad(Kind::TagLabel) if out.tags.is_empty() => {
                let inline = unit
                    .text
                    .split_once(':')
                    .map(|(_, rest)| rest.trim())
                    .filter(|rest| !rest.is_empty());
                out.tags = match inline {
                    Some(rest) => boilerplate::split_tags(rest, joins),
                    None => tags_below(units, seg, i + 1, &joins),
                };
            }
            Class::Bad(Kind::EndMarker) if out.section.is_none() => {
                out.section = boilerplate::more_from(unit.text).map(str::to_string);
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Tags on the lines after a label: one line of several tags, or one tag per list item.
fn tags_below(
    units: &[Line<'_>],
    seg: &Segmentation,
    from: usize,
    joins: &impl Fn(&str, &str) -> bool,
) -> Vec<String> {
    let Some(first) = units.get(from) else {
        return Vec::new();
    };
    if !first.bullet {
        return if matches!(
            seg.classes[from],
            Class::Bad(Kind::EndMarker | Kind::TagLabel)
        ) {
            Vec::new()
        } else {
            boilerplate::split_tags(first.text, joins)
        };
    }
    units[from..]
        .iter()
        .take(40)
        .take_while(|u| u.bullet && u.f.words <= 6)
        .map(|u| u.text.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(byline_prefix("By Jane Doe"), Some("Jane Doe"));
        assert_eq!(
            byline_prefix("Von Anna Muster, Berlin"),
            Some("Anna Muster, Berlin")
        );
        assert_eq!(byline_prefix("by the river there was"), None);
    }
}
