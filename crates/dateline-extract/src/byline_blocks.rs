//! Byline and date stamps at the head of the body ("By Ana Díaz · 30 January 2022",
//! "Von A und B | 30.01.2022, 14:05 Uhr", "5 min read"): metadata, not story text. They
//! are recognised once the authors and dates are known, and dropped from the body.

use dateline_model::Block;

use crate::textmeta::{self, DateContext};

/// Only the first blocks are looked at: a byline sits next to the headline.
const HEAD_BLOCKS: usize = 5;
/// A stamp longer than this is a sentence.
const MAX_STAMP_CHARS: usize = 200;
/// Words allowed to remain once names, dates and byline words are taken out.
const MAX_LEFTOVER_WORDS: usize = 2;

/// Words that glue a byline stamp together besides the byline vocabulary itself
/// ([`textmeta::is_byline_word`]): connectors, time words, read-time notes, separators.
const STAMP_WORDS: &[&str] = &[
    "написано",
    "submitted",
    "on",
    "publie",
    "le",
    "mis",
    "à",
    "jour",
    "gepubliceerd",
    "bijgewerkt",
    "el",
    "em",
    "às",
    "as",
    "um",
    "uhr",
    "ore",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "and",
    "und",
    "et",
    "y",
    "e",
    "en",
    "i",
    "ve",
    "и",
    "min",
    "read",
    "minutes",
    "lesezeit",
    "minuten",
    "lecture",
    "lectura",
    "leitura",
    "lettura",
    "de",
    "del",
    "do",
    "at",
    "|",
    "·",
    "•",
    "-",
    "–",
    "—",
    "/",
    ",",
];

/// Removes byline/date stamp paragraphs from the head of `blocks`; a one- or two-word kicker
/// right before a removed stamp ("Lokales") goes with it.
pub(crate) fn strip(blocks: &mut Vec<Block>, authors: &[String], context: &DateContext) {
    let mut remove = Vec::new();
    // Images do not count: the text kept must not depend on whether images are output.
    let head: Vec<usize> = (0..blocks.len())
        .filter(|&i| !matches!(blocks[i], Block::Image { .. }))
        .take(HEAD_BLOCKS)
        .collect();
    for (position, &index) in head.iter().enumerate() {
        let Block::Paragraph { text, .. } = &blocks[index] else {
            continue;
        };
        if is_stamp(text, authors, context) {
            if let Some(&previous) = position.checked_sub(1).and_then(|p| head.get(p))
                && remove.last() != Some(&previous)
                && is_kicker(&blocks[previous])
            {
                remove.push(previous);
            }
            remove.push(index);
        }
    }
    for index in remove.into_iter().rev() {
        blocks.remove(index);
    }
}

fn is_kicker(block: &Block) -> bool {
    match block {
        Block::Paragraph { text, .. } => {
            let words = text.split_whitespace().count();
            (1..=2).contains(&words) && text.chars().count() <= 30
        }
        _ => false,
    }
}

/// Nothing but names, dates and byline words.
fn is_stamp(text: &str, authors: &[String], context: &DateContext) -> bool {
    if text.chars().count() > MAX_STAMP_CHARS {
        return false;
    }
    let mut rest = text.to_string();
    let dates = textmeta::find_dates(text, context);
    let had_date = !dates.is_empty();
    for (_, range) in dates.iter().rev() {
        if rest.is_char_boundary(range.start) && rest.is_char_boundary(range.end) {
            rest.replace_range(range.clone(), " ");
        }
    }
    let mut had_name = false;
    for name in authors {
        if let Some(at) = find_ignore_case(&rest, name) {
            rest.replace_range(at..at + name.len(), " ");
            had_name = true;
        }
    }
    let had_read_time = text.to_lowercase().contains("min read");
    if !(had_date || had_name || had_read_time) {
        return false;
    }
    let leftover = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == ':' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let w = w.to_lowercase();
            !STAMP_WORDS.contains(&w.as_str())
                && !textmeta::is_byline_word(&w)
                && w.chars().any(char::is_alphanumeric)
        })
        .filter(|w| {
            !w.chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
        })
        .count();
    leftover <= MAX_LEFTOVER_WORDS
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    if let Some(at) = haystack.find(needle) {
        return Some(at);
    }
    let lower_hay = haystack.to_lowercase();
    let lower_needle = needle.to_lowercase();
    // Lower-casing can change byte lengths; only trust it when it did not.
    if lower_hay.len() == haystack.len() && lower_needle.len() == needle.len() {
        lower_hay.find(&lower_needle)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph {
            text: text.into(),
            links: Vec::new(),
        }
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .filter_map(Block::plain_text)
            .map(|t| t.to_string())
            .collect()
    }

    fn context() -> DateContext {
        DateContext {
            reference: None,
            prefer_day_first: true,
        }
    }

    #[test]
    fn drops_byline_stamps_and_their_kicker() {
        let mut blocks = vec![
            paragraph("Lokales"),
            paragraph("Von Anna Schmidt und Markus Weber | 30.01.2022, 14:05 Uhr"),
            paragraph("Die Gemeinde ersetzt ihre alte Brücke noch in diesem Jahr."),
        ];
        let authors = vec!["Anna Schmidt".to_string(), "Markus Weber".to_string()];
        strip(&mut blocks, &authors, &context());
        assert_eq!(
            texts(&blocks),
            vec!["Die Gemeinde ersetzt ihre alte Brücke noch in diesem Jahr."]
        );
    }

    #[test]
    fn keeps_sentences_that_mention_the_author_or_a_date() {
        let mut blocks = vec![
            paragraph("Anna Schmidt met the mayor on 30.01.2022 to talk about the bridge."),
            paragraph("The bridge will close for three weeks."),
        ];
        let authors = vec!["Anna Schmidt".to_string()];
        strip(&mut blocks, &authors, &context());
        assert_eq!(blocks.len(), 2);
    }

    #[test]
    fn drops_read_time_lines() {
        let mut blocks = vec![
            paragraph("5 min read"),
            paragraph("Every night around half past midnight the last bus leaves."),
        ];
        strip(&mut blocks, &[], &context());
        assert_eq!(blocks.len(), 1);
    }
}
