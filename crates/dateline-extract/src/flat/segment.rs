//! Segmentation: which units are the article body.
//!
//! Every unit gets a class from its own features (long prose with function words is good,
//! short or link-like text is not, lexicon hits are boilerplate), then a score; the body is
//! the run of units with the highest total score (maximum-sum subarray), so a long article
//! wins over menus and lists around it even when a few of its lines look weak, and the
//! headings that open related-story or tag lists cut it off. Inside the run, short lines are
//! kept only where they read as subheadings or short paragraphs of the article.

use std::collections::HashMap;

use super::boilerplate::{self, Kind};
use super::lexicon;
use super::lines::{self, Line};

/// What a unit looks like on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Running prose.
    Good,
    /// A short sentence: prose, but too short to be sure.
    NearGood,
    /// Short text: headings, link texts, labels, names, dates.
    Short,
    /// Boilerplate by the lexicons.
    Bad(Kind),
}

/// Units shorter than this many words (see [`super::lines::Features::weight`]) are never
/// good on their own.
const GOOD_WEIGHT: u32 = 10;
/// Short lines inside the run with at least this many words, mostly lower-case, stay.
const SHORT_PHRASE_WORDS: u32 = 5;
/// Prose units indented deeper than the run's prose need this many words to stay.
const DEEP_PROSE_WEIGHT: u32 = 40;
/// Units without sentence-final punctuation are good only from this many words.
const OPEN_GOOD_WEIGHT: u32 = 25;
/// Near-good sentences have at least this many words.
const NEAR_WEIGHT: u32 = 4;
/// Contribution of one good unit is capped, so one huge line (a flattened table or a
/// comment wall) does not outweigh the article by itself; high enough that an article of one
/// long paragraph (a news brief of 150-200 words, as on link-sharing blogs) outweighs the
/// share and login lines between it and a long comment thread.
const MAX_UNIT_SCORE: i64 = 200;
/// Cost of a short line, a short list item, a boilerplate line, and a list heading
/// ("Related", "Tags"): low enough that a subheading or a caption inside the article does
/// not break it, high enough that a menu of ten links does.
const SHORT_COST: i64 = 1;
const BULLET_COST: i64 = 3;
const NOISE_COST: i64 = 10;
const MARKER_COST: i64 = 40;

/// The segmentation of one page.
#[derive(Debug, Clone, Default)]
pub(crate) struct Segmentation {
    /// Class of each unit.
    pub classes: Vec<Class>,
    /// Whether a unit's text appears more than once on the page (case-insensitively).
    pub repeated: Vec<bool>,
    /// The chosen run, as a unit range.
    pub region: std::ops::Range<usize>,
    /// Kept units in order: index and whether it is a subheading.
    pub body: Vec<(usize, bool)>,
}

/// Classifies one unit; `kind` is what the lexicons say of it ([`boilerplate::classify`]).
pub(crate) fn classify(unit: &Line<'_>, kind: Kind, repeated: bool) -> Class {
    if kind != Kind::Plain {
        return Class::Bad(kind);
    }
    let f = &unit.f;
    let weight = f.weight();
    let cjk = f.cjk * 2 > f.chars;
    // Headlines in title case are the stuff of teaser lists; prose has lower-case words.
    let title_case = !cjk && f.words >= 4 && f.lower * 5 < f.words && !f.ends_sentence;
    if repeated && weight < 40 {
        return Class::Short;
    }
    // Paragraphs end like sentences; headlines and link texts of the same length do not.
    let open_ended = !f.ends_sentence && weight < OPEN_GOOD_WEIGHT;
    let good_shape = weight >= GOOD_WEIGHT && !title_case && !open_ended;
    let near_shape = weight >= NEAR_WEIGHT && f.ends_sentence;
    if !good_shape && !near_shape {
        return Class::Short;
    }
    // Function words are counted last, and only when punctuation does not tell already: the
    // lookup is the costly part of the features.
    let (prose_words, stop) = if cjk || (f.ends_sentence && f.commas + f.sentence_marks >= 2) {
        (true, 0)
    } else {
        let stop = lines::function_words(unit.text);
        (f.stop_ratio(stop) >= 0.12, stop)
    };
    if good_shape && prose_words {
        return Class::Good;
    }
    if near_shape && (prose_words || stop > 0) {
        return Class::NearGood;
    }
    Class::Short
}

fn score(unit: &Line<'_>, class: Class) -> i64 {
    let weight = i64::from(unit.f.weight());
    match class {
        Class::Good => weight.min(MAX_UNIT_SCORE),
        Class::NearGood => (weight / 2).min(MAX_UNIT_SCORE),
        Class::Short if unit.bullet => -BULLET_COST,
        Class::Short => -SHORT_COST,
        Class::Bad(Kind::EndMarker | Kind::TagLabel) => -MARKER_COST,
        Class::Bad(_) => -NOISE_COST,
    }
}

/// Units of at most this many words, and at least [`MIN_HASHED_CHARS`] characters, are
/// compared for repetition.
const MAX_HASHED_WORDS: u32 = 40;
const MIN_HASHED_CHARS: u32 = 8;

/// What each unit's lower-cased text tells: its lexicon kind, and (for units short enough
/// to be compared for repetition) the hash of its lower-cased text. Each unit is
/// lower-cased once for both, into one buffer.
fn lexicon_kinds(units: &[Line<'_>]) -> (Vec<Kind>, Vec<Option<u64>>) {
    let mut lower = String::new();
    let mut kinds = Vec::with_capacity(units.len());
    let mut keys = Vec::with_capacity(units.len());
    for unit in units {
        let hashed = unit.f.words <= MAX_HASHED_WORDS && unit.f.chars >= MIN_HASHED_CHARS;
        if !hashed && !boilerplate::reads_lowercase(unit.text) {
            kinds.push(boilerplate::classify(unit.text));
            keys.push(None);
            continue;
        }
        lower.clear();
        boilerplate::push_lowercase(&mut lower, unit.text);
        kinds.push(boilerplate::classify_lowered(unit.text, &lower));
        keys.push(hashed.then(|| hash_lowered(lower.as_bytes())));
    }
    (kinds, keys)
}

/// Which short units the page repeats, case-insensitively (the headline twice, teaser
/// titles listed twice), by hashes of their lower-cased text ([`lexicon_kinds`]).
fn repeated_units(keys: &[Option<u64>]) -> Vec<bool> {
    let mut sorted: Vec<u64> = keys.iter().flatten().copied().collect();
    sorted.sort_unstable();
    // The keys met twice or more, found side by side once sorted: few, so each unit's key
    // is looked up in a short list.
    let mut twice: Vec<u64> = sorted
        .windows(2)
        .filter(|pair| pair[0] == pair[1])
        .map(|pair| pair[0])
        .collect();
    twice.dedup();
    keys.iter()
        .map(|k| k.is_some_and(|k| twice.binary_search(&k).is_ok()))
        .collect()
}

/// A hash of the lower-cased text, without building the lower-cased string for ASCII text
/// (most lines), which is hashed eight bytes at a time; other text is lower-cased as
/// [`boilerplate::push_lowercase`] does it, so texts equal once lower-cased hash the same.
pub(crate) fn caseless_hash(text: &str) -> u64 {
    if !text.is_ascii() {
        let mut lower = String::new();
        boilerplate::push_lowercase(&mut lower, text);
        return hash_lowered(lower.as_bytes());
    }
    let mut hasher = ChunkHasher::default();
    let mut chunks = text.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hasher.word(lexicon::ascii_lowercase_word(u64::from_le_bytes(word)));
    }
    for &b in chunks.remainder() {
        hasher.byte(b.to_ascii_lowercase());
    }
    hasher.finish()
}

/// [`caseless_hash`] of text already lower-cased: the same hash of the same bytes.
fn hash_lowered(lower: &[u8]) -> u64 {
    let mut hasher = ChunkHasher::default();
    let mut chunks = lower.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hasher.word(u64::from_le_bytes(word));
    }
    for &b in chunks.remainder() {
        hasher.byte(b);
    }
    hasher.finish()
}

/// Mixes bytes eight at a time (little-endian words), so that whole words and single bytes
/// give the same hash for the same byte sequence.
#[derive(Default)]
struct ChunkHasher {
    hash: u64,
    pending: u64,
    filled: u32,
    len: u64,
}

impl ChunkHasher {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;

    fn mix(&mut self, word: u64) {
        self.hash = (self.hash ^ word).wrapping_mul(Self::K).rotate_left(29);
    }

    /// Eight bytes at once; only between whole words (no single bytes pending).
    fn word(&mut self, word: u64) {
        debug_assert_eq!(self.filled, 0);
        self.mix(word);
        self.len += 8;
    }

    fn byte(&mut self, b: u8) {
        self.pending |= u64::from(b) << (8 * self.filled);
        self.filled += 1;
        self.len += 1;
        if self.filled == 8 {
            let word = self.pending;
            self.mix(word);
            self.pending = 0;
            self.filled = 0;
        }
    }

    fn finish(mut self) -> u64 {
        if self.filled > 0 {
            let word = self.pending;
            self.mix(word);
        }
        let hash = self.hash ^ self.len;
        (hash ^ hash >> 31).wrapping_mul(Self::K)
    }
}

/// Case-insensitive equality without allocating.
pub(crate) fn eq_caseless(a: &str, b: &str) -> bool {
    a.len().abs_diff(b.len()) <= 8
        && a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
}

/// Maximum-sum run of `scores`: (start, end exclusive, sum); empty when all are negative.
fn best_run(scores: &[i64]) -> (usize, usize, i64) {
    let (mut best, mut best_start, mut best_end) = (0i64, 0usize, 0usize);
    let (mut current, mut start) = (0i64, 0usize);
    for (i, &s) in scores.iter().enumerate() {
        if current <= 0 {
            current = 0;
            start = i;
        }
        current += s;
        if current > best {
            best = current;
            best_start = start;
            best_end = i + 1;
        }
    }
    (best_start, best_end, best)
}

/// Segments `units`; `skip` marks units that are metadata already (the crawl header).
pub(crate) fn segment(units: &[Line<'_>], skip: &[bool]) -> Segmentation {
    let (kinds, keys) = lexicon_kinds(units);
    let repeated = repeated_units(&keys);
    let classes: Vec<Class> = units
        .iter()
        .zip(kinds)
        .zip(&repeated)
        .map(|((u, kind), &r)| classify(u, kind, r))
        .collect();
    let scores: Vec<i64> = units
        .iter()
        .zip(&classes)
        .zip(skip)
        .map(|((u, &c), &s)| if s { -MARKER_COST } else { score(u, c) })
        .collect();
    let (start, end, _) = best_run(&scores);
    let end = comment_cut(units, &classes, &scores, start..end);
    let mut region = start..end;
    let mut body = keep(units, &classes, &repeated, region.clone(), skip);
    if body.is_empty() {
        body = whole_text(units, &classes, skip);
        if let (Some(&(first, _)), Some(&(last, _))) = (body.first(), body.last()) {
            region = first..last + 1;
        }
    }
    Segmentation {
        classes,
        repeated,
        region,
        body,
    }
}

/// A comment cut leaves at least this score before it (two short paragraphs: a news brief
/// of 30-40 words above a thread is common on local sites). Threads can be fifty times
/// longer than the article, so no share of the run's score is asked for.
const MIN_KEPT_BEFORE_CUT: i64 = 30;

/// Where a comment thread starts inside `region`: a comment heading, or the first of
/// repeated name-and-date stamps, once the article had a few paragraphs. Comment threads are
/// prose too, so without this cut a long thread joins the article run. The cut is made only
/// when what comes before it holds a few paragraphs.
fn comment_cut(
    units: &[Line<'_>],
    classes: &[Class],
    scores: &[i64],
    region: std::ops::Range<usize>,
) -> usize {
    let mut before = 0i64;
    let mut good = 0;
    let mut first_stamp: Option<usize> = None;
    for i in region.clone() {
        let unit = &units[i];
        let short = matches!(classes[i], Class::Short | Class::Bad(_));
        // A counter naming the post reads as prose and is looked for in any class.
        if good >= 1 && (short || boilerplate::counts_comments_on(unit.text)) {
            let cut = if boilerplate::opens_comments(unit.text) {
                Some(i)
            } else if short && good >= 3 && boilerplate::is_stamp(unit.text, unit.f.words) {
                match first_stamp {
                    Some(first) => Some(first),
                    None => {
                        first_stamp = Some(i);
                        None
                    }
                }
            } else {
                None
            };
            if let Some(cut) = cut {
                let kept: i64 = scores[region.start..cut].iter().sum();
                if kept >= MIN_KEPT_BEFORE_CUT {
                    return cut;
                }
            }
        }
        if classes[i] == Class::Good {
            good += 1;
        }
        before += scores[i];
    }
    let _ = before;
    region.end
}

/// The body of a page where no run of units reads as an article (a list of links, a form,
/// a document of short lines): rather than nothing, the whole text without what the
/// lexicons call boilerplate (menus, prompts, legal lines, relative times).
fn whole_text(units: &[Line<'_>], classes: &[Class], skip: &[bool]) -> Vec<(usize, bool)> {
    (0..units.len())
        .filter(|&i| !skip[i] && !matches!(classes[i], Class::Bad(_)))
        .map(|i| (i, false))
        .collect()
}

/// The units of `region` that belong to the article.
fn keep(
    units: &[Line<'_>],
    classes: &[Class],
    repeated: &[bool],
    region: std::ops::Range<usize>,
    skip: &[bool],
) -> Vec<(usize, bool)> {
    let indent = dominant_indent(units, classes, region.clone());
    let mut kept = Vec::new();
    for i in region.clone() {
        if skip[i] {
            continue;
        }
        let unit = &units[i];
        match classes[i] {
            Class::Good | Class::NearGood => {
                // Short prose indented deeper than the article's is a caption, a teaser or an aside.
                if unit.indent > indent + 2 && unit.f.weight() < DEEP_PROSE_WEIGHT {
                    continue;
                }
                kept.push((i, false))
            }
            Class::Short => {
                if repeated[i] || unit.indent > indent + 4 {
                    continue;
                }
                if unit.bullet {
                    // Items of a list inside the article read as phrases, not link labels.
                    if unit.f.words >= 5 && unit.f.lower * 2 >= unit.f.words {
                        kept.push((i, false));
                    }
                    continue;
                }
                let next_good = units
                    .get(i + 1)
                    .zip(classes.get(i + 1))
                    .is_some_and(|(_, c)| matches!(c, Class::Good));
                let heading = next_good
                    && unit.f.weight() <= 20
                    && unit.f.words >= 1
                    && !unit.f.ends_sentence
                    && unit.blank_before
                    && i > region.start;
                if heading {
                    kept.push((i, true));
                } else if unit.f.ends_sentence && unit.f.words >= 2 {
                    kept.push((i, false));
                } else if unit.f.words >= SHORT_PHRASE_WORDS
                    && unit.indent + 2 >= indent
                    && unit.f.lower * 2 >= unit.f.words
                {
                    // A phrase in sentence case at the article's indent: a short paragraph
                    // or a line of a verse, address or list written without bullets.
                    kept.push((i, false));
                }
            }
            Class::Bad(_) => {}
        }
    }
    kept
}

/// The indentation most of the good text in `region` has (weighted by length).
fn dominant_indent(units: &[Line<'_>], classes: &[Class], region: std::ops::Range<usize>) -> u32 {
    let mut by_indent: HashMap<u32, u32, boilerplate::FnvBuild> =
        HashMap::with_hasher(boilerplate::FnvBuild);
    for i in region {
        if classes[i] == Class::Good {
            *by_indent.entry(units[i].indent).or_default() += units[i].f.weight();
        }
    }
    by_indent
        .into_iter()
        .max_by_key(|&(indent, weight)| (weight, std::cmp::Reverse(indent)))
        .map_or(0, |(indent, _)| indent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flat::lines::split;

    #[test]
    fn caseless_hash_ignores_case_in_any_script() {
        let pairs = [
            (
                "Harbour Town Votes For A Library",
                "harbour town votes for a library",
            ),
            ("ÜBER DIE BRÜCKE GEHEN", "über die brücke gehen"),
            ("Harbour town: Über", "HARBOUR TOWN: über"),
            ("Москва СЕГОДНЯ", "москва сегодня"),
        ];
        for (a, b) in pairs {
            assert_eq!(caseless_hash(a), caseless_hash(b), "{a}");
            assert!(eq_caseless(a, b));
        }
        assert_ne!(
            caseless_hash("harbour town"),
            caseless_hash("harbour town ")
        );
        assert_ne!(caseless_hash("abcdefgh"), caseless_hash("abcdefgi"));
        assert_ne!(caseless_hash(""), caseless_hash("a"));
    }

    proptest::proptest! {
        // The segmenter hashes each unit's lower-cased text; other callers hash the text.
        #[test]
        fn hash_of_lowered_text_is_the_caseless_hash(text in "\\PC{0,40}|[a-zA-ZÄÖÜäöüΣσ ]{0,40}") {
            let mut lower = String::new();
            boilerplate::push_lowercase(&mut lower, &text);
            proptest::prop_assert_eq!(hash_lowered(lower.as_bytes()), caseless_hash(&text));
        }
    }

    #[test]
    fn repeated_keys_are_marked_wherever_they_stand() {
        let keys = [Some(1), None, Some(2), Some(1), Some(3), Some(2), Some(2)];
        assert_eq!(
            repeated_units(&keys),
            [true, false, true, true, false, true, true]
        );
    }

    #[test]
    fn best_run_finds_the_densest_stretch() {
        assert_eq!(best_run(&[-2, 5, -1, 4, -10, 3]), (1, 4, 8));
        assert_eq!(best_run(&[-1, -1]).2, 0);
    }

    #[test]
    fn article_wins_over_menus_and_lists() {
        let text = "Home\nWorld\nSport\nBusiness\n\nHarbour town votes for a library\n\n\
            The council of the harbour town voted on Tuesday evening to turn the old ferry terminal into a library.\n\n\
            Work on the building is to start in the spring, and the library should open its doors next year.\n\n\
            Related Stories\n\nAnother headline about something else entirely here\n\n2 hours ago\n";
        let units = split(text);
        let skip = vec![false; units.len()];
        let seg = segment(&units, &skip);
        let kept: Vec<&str> = seg.body.iter().map(|&(i, _)| units[i].text).collect();
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert!(kept[0].starts_with("The council"));
    }
}
