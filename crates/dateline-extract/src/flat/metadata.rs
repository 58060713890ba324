//! Metadata from the text around the body: the headline (even when the page repeats it in
//! another casing), the byline and publication date, the wire dateline of the first
//! paragraph, the tag list after a "Related Topics" label, the section of a
//! "More Stories From World" line. Dates, names and datelines are parsed by
//! [`crate::textmeta`]; this module only decides which lines to read them from.

use dateline_model::Dateline;

use super::boilerplate::{self, Kind};
use super::lines::Line;
use super::segment::{Class, Segmentation, caseless_hash, eq_caseless};
use crate::textmeta::phrases::PhraseSet;
use crate::textmeta::{DateContext, PageDate, clean_authors, find_date, parse_dateline};

/// How far above the best-scoring candidate a shorter one is preferred (see [`title`]).
const STANDFIRST_REACH: usize = 3;
/// How far below the winner's score a headline above its standfirst may be.
const STANDFIRST_SLACK: i32 = 2;
/// A line of fewer words above a standfirst is a section label or a kicker, not the
/// headline.
const STANDFIRST_HEAD_WORDS: u32 = 4;
/// How far above its byline the headline may head the block of standfirst, caption and role
/// lines, and how far below the block's best score it may be (see [`title`]).
const BLOCK_REACH: usize = 4;
const BLOCK_SLACK: i32 = 3;
/// Up to this many words, a line printed again on the page earns a small bonus only.
const SHORT_REPEAT_WORDS: u32 = 5;
/// What a headline candidate made of names alone loses.
const NAMES_PENALTY: i32 = 6;
/// Units below a headline candidate searched for its byline.
const BYLINE_REACH: usize = 3;
/// Units above a headline candidate searched for a breadcrumb or contents line naming it.
const CRUMB_REACH: usize = 4;
/// Units above the body searched for the headline.
const TITLE_WINDOW: usize = 25;
/// How far below the body's first unit a headline is looked for, and what standing there
/// costs it.
const BELOW_BODY_REACH: usize = 4;
const BELOW_BODY_COST: i32 = 2;
/// How far under such a candidate the article may start (a share row, a byline and a date
/// line can stand between).
const BELOW_BODY_ARTICLE: usize = 6;
/// Units after the body searched for tags and the section.
const TAIL_WINDOW: usize = 80;

/// Where the headline is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Title {
    /// The unit holding the headline as used.
    pub unit: usize,
}

/// The headline: the most headline-like unit above the body (or its first unit). Scored on
/// being repeated elsewhere on the page (pages print their headline twice or more: in the
/// breadcrumb, in share texts, in another casing), on its length, on standing alone between
/// blank lines, on not ending like a sentence, and on closeness to the body; dates, bylines,
/// captions, labels and list items are not candidates.
pub(crate) fn title(
    units: &[Line<'_>],
    seg: &Segmentation,
    skip: &[bool],
    facts: &mut Facts<'_, '_>,
) -> Option<Title> {
    let first_body = seg.body.first().map(|&(i, _)| i)?;
    let from = first_body.saturating_sub(TITLE_WINDOW);
    let mut scored: Vec<(i32, usize)> = Vec::new();
    let mut distance = 0i32;
    // Pages whose body opens with a lone notice or teaser paragraph (a script warning, a
    // licence line, a photo caption) print the headline just under it: short lines right
    // below the body's first unit, with the article starting under them, are candidates too,
    // scored after the lines above and a little lower.
    let below_first = (first_body + 1..=first_body + BELOW_BODY_REACH).take_while(|&j| {
        seg.classes
            .get(j)
            .is_some_and(|c| !matches!(c, Class::Good))
    });
    let below_first: Vec<usize> = below_first
        .filter(|&j| {
            seg.classes[j + 1..]
                .iter()
                .take(BELOW_BODY_ARTICLE)
                .any(|c| matches!(c, Class::Good))
        })
        .collect();
    let order = (from..=first_body).rev().chain(below_first.iter().copied());
    for i in order {
        let unit = &units[i];
        if skip[i]
            || !title_like(unit, seg.classes[i])
            || in_numbered_list(units, i)
            || facts.date(i).is_some_and(|r| {
                r.len() * 10 > unit.text.len() * 3
                    || has_clock(unit.text)
                    || has_published_label(unit.text)
            })
            || published_ago(unit.text)
        {
            continue;
        }
        let below = byline_below(facts, seg, i);
        // The body's first unit reads as prose; it can be the headline only when it is open
        // (a question, an exclamation, no full stop): pages whose text starts with the
        // article, or with nothing better above it than a site's or author's name.
        if i == first_body
            && seg.classes[i] == Class::Good
            && (unit.text.ends_with('.') || unit.f.weight() > 28)
        {
            continue;
        }
        let f = &unit.f;
        let weight = f.weight();
        let mut score = 0i32;
        // A headline printed again elsewhere is a strong sign; a line repeated together with
        // its neighbours is a menu or a teaser list printed twice (desktop and mobile).
        let repeated_other =
            |j: usize| seg.repeated.get(j) == Some(&true) && !eq_caseless(units[j].text, unit.text);
        let neighbour_repeated = (i > 0 && repeated_other(i - 1)) || repeated_other(i + 1);
        if seg.repeated[i] && !neighbour_repeated {
            // Short strings printed twice are mostly interface labels (a share row or a
            // gallery link above and below the article), so repetition lifts them less.
            score += if weight <= SHORT_REPEAT_WORDS { 1 } else { 4 };
        }
        if ends_breadcrumb(units, i) {
            score += 3;
        }
        score += below;
        // Prose opening the body is the headline only when no line above reads as one.
        if i == first_body && seg.classes[i] == Class::Good {
            score -= 2;
        }
        score += match weight {
            5..=20 => 3,
            3..=4 | 21..=28 => 1,
            _ => 0,
        };
        if !unit.text.ends_with('.') {
            score += 2;
        }
        if unit.blank_before {
            score += 1;
        }
        if i == first_body {
            score -= 2;
        }
        if i > first_body {
            score -= BELOW_BODY_COST;
        } else {
            score -= distance.min(12) / 2;
            distance += 1;
        }
        scored.push((score, i));
    }
    // A line of names is a byline more often than a headline. Telling names apart is the
    // costly test, so it runs only for candidates that could still win: the scores so far
    // are upper bounds, taken from the highest down (ties go to the unit nearer the body).
    let exact = exact_score;
    let mut order: Vec<usize> = (0..scored.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(scored[k].0));
    let mut best: Option<(i32, usize)> = None;
    for k in order {
        if best.is_some_and(|(s, _)| scored[k].0 < s) {
            break;
        }
        let score = exact(facts, scored[k]);
        if best.is_none_or(|(s, b)| score > s || score == s && k < b) {
            best = Some((score, k));
        }
    }
    let mut best = best.map(|(score, k)| (score, scored[k].1));
    // A standfirst often sits right under the headline and scores as well (it stands on the
    // byline): a shorter candidate just above the winner, scoring nearly as high, is the
    // headline.
    if let Some(head) = best.and_then(|b| above_standfirst(units, seg, facts, &scored, b)) {
        best = Some(head);
    }
    if let Some(head) = best.and_then(|b| block_head(units, seg, facts, &scored, b)) {
        best = Some(head);
        // The block's head may itself be the standfirst under the headline (a headline of
        // a few words above it is more often a label).
        if let Some(head) = best
            .and_then(|b| above_standfirst(units, seg, facts, &scored, b))
            .filter(|&(_, k)| units[k].f.weight() >= 5)
        {
            best = Some(head);
        }
    }
    // A headline printed twice is taken where it first stands (the later copy is often the
    // lower-cased one of a share box or a print header).
    let (_, chosen) = best?;
    let first = (from..chosen)
        .find(|&j| eq_caseless(units[j].text, units[chosen].text))
        .unwrap_or(chosen);
    Some(Title { unit: first })
}

/// The headline's text from its unit: a breadcrumb path before it (`Home / Business /
/// Harbour votes`) goes, and so does a kicker (`Harbour - Council votes`, `Harbour: Council
/// votes`) when the page prints the rest alone elsewhere (in a teaser list or a crumb).
pub(crate) fn title_text<'a>(units: &[Line<'a>], title: Title) -> &'a str {
    let text = units[title.unit].text;
    if let Some(punctuated) = punctuated_above(units, title.unit) {
        return punctuated;
    }
    for separator in [" / ", " › ", " » ", " > "] {
        let parts: Vec<&str> = text.split(separator).collect();
        if parts.len() >= 3
            && parts[..parts.len() - 1]
                .iter()
                .all(|p| p.split_whitespace().count() <= 3)
            && let Some(last) = parts.last()
            && last.split_whitespace().count() >= 2
        {
            return last.trim();
        }
    }
    let printed_alone = |part: &str| {
        const MAX_HASHED_WORDS: u32 = 40;
        let key = caseless_hash(part);
        units.iter().enumerate().any(|(i, u)| {
            i != title.unit
                && u.f.words <= MAX_HASHED_WORDS
                && u.text.len() == part.len()
                && caseless_hash(u.text) == key
                && eq_caseless(u.text, part)
        })
    };
    for separator in [" - ", " – ", " — ", ": ", " : ", " | "] {
        let Some((_, rest)) = text.split_once(separator) else {
            continue;
        };
        let rest = rest.trim();
        // A headline, not the tail of one (`..., and what we expect`).
        if rest.split_whitespace().count() < 3
            || rest.len() * 5 < text.len() * 2
            || rest.starts_with(char::is_lowercase)
        {
            continue;
        }
        if printed_alone(rest) {
            return rest;
        }
    }
    // A site's name after the headline (`Harbour votes | Coastal News`) goes when the page
    // prints the headline alone too.
    for separator in [" | ", " - ", " – ", " — "] {
        let Some((head, _)) = text.rsplit_once(separator) else {
            continue;
        };
        let head = head.trim();
        if head.split_whitespace().count() >= 3
            && head.len() * 5 >= text.len() * 3
            && printed_alone(head)
        {
            return head;
        }
    }
    text
}

/// The headline as a line just above prints it with its kicker's colon: pages set kicker
/// and headline as two elements, which flatteners run together without the colon
/// (`Harbour vote "Yes" to the library`) or with a space before it (`Harbour vote : ...`),
/// while the breadcrumb's last entry names the page as one string
/// (`Harbour vote: "Yes" to the library`). Same letters and digits in the same order.
fn punctuated_above<'a>(units: &[Line<'a>], i: usize) -> Option<&'a str> {
    let text = units[i].text;
    if text.contains(": ") && !text.contains(" : ") {
        return None;
    }
    let letters = |t: &'a str| {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
    };
    units[i.saturating_sub(CRUMB_REACH)..i]
        .iter()
        .rev()
        .map(|u| u.text)
        .find(|above| {
            above.len() <= text.len() + 4
                && above.contains(": ")
                && !above.contains(" : ")
                && letters(above).eq(letters(text))
        })
}

/// Whether a line just above (`Home » World » Harbour town votes`, `3. Harbour town votes`)
/// ends with this unit's text: the last crumb of a breadcrumb or a numbered table of
/// contents names the page, and the unit repeats it as the headline.
fn ends_breadcrumb(units: &[Line<'_>], i: usize) -> bool {
    let text = units[i].text;
    units[i.saturating_sub(CRUMB_REACH)..i].iter().any(|above| {
        (above.bullet && eq_caseless(above.text, text))
            || above.text.len() > text.len()
                && above.text.len() <= text.len() + 200
                && above
                    .text
                    .get(above.text.len() - text.len()..)
                    .is_some_and(|tail| eq_caseless(tail, text))
                && crumb_prefix(&above.text[..above.text.len() - text.len()], text)
    })
}

/// A candidate's score with the cost of being a line of names (the costly test, run only
/// for candidates that can still win).
fn exact_score(facts: &mut Facts<'_, '_>, (score, i): (i32, usize)) -> i32 {
    score - if facts.names(i) { NAMES_PENALTY } else { 0 }
}

/// The headline above a standfirst: a shorter candidate (or one not ending like a sentence
/// above a winner that does) within reach above the winner, scoring nearly as high. A line
/// printed elsewhere on the page (a section label also in the menu) does not displace a
/// winner printed once, and neither do a crumb path, a label of a few words (`Krieg in der
/// Ukraine`, `Escuchar artículo`), a line starting in lower case (`in Noticias de ...`) or
/// a filing line (`Posted in News, Local`).
fn above_standfirst(
    units: &[Line<'_>],
    seg: &Segmentation,
    facts: &mut Facts<'_, '_>,
    scored: &[(i32, usize)],
    (best_score, best_unit): (i32, usize),
) -> Option<(i32, usize)> {
    let weight = units[best_unit].f.weight();
    let best_is_sentence = units[best_unit].f.ends_sentence;
    let &(score, unit) = scored.iter().find(|&&(s, j)| {
        j < best_unit
            && j + STANDFIRST_REACH >= best_unit
            && s + STANDFIRST_SLACK >= best_score
            && (units[j].f.weight() < weight || best_is_sentence && !units[j].f.ends_sentence)
            && (!seg.repeated[j] || seg.repeated[best_unit])
            && !is_path_or_pager(units[j].text)
            && units[j].f.weight() >= STANDFIRST_HEAD_WORDS
            && !units[j].text.starts_with(char::is_lowercase)
            && !has_published_label(units[j].text)
            && exact_score(facts, (s, j)) + STANDFIRST_SLACK >= best_score
    })?;
    Some((exact_score(facts, (score, unit)), unit))
}

/// The headline heads the block above its byline: a standfirst, a photo caption or a line
/// naming the author's role or outlet sits between them and stands right on the byline, so
/// it can outscore the headline. A longer line higher up in the same block, not a crumb
/// path or a pager link, not starting in lower case (`tv nt msh`) and not a filing line
/// (`Posted in News, Local`), scoring nearly as high, is the headline. A winner printed again
/// on the page, or named by a crumb above, keeps its place.
fn block_head(
    units: &[Line<'_>],
    seg: &Segmentation,
    facts: &mut Facts<'_, '_>,
    scored: &[(i32, usize)],
    (best_score, best_unit): (i32, usize),
) -> Option<(i32, usize)> {
    if seg.repeated[best_unit] || ends_breadcrumb(units, best_unit) {
        return None;
    }
    let j = byline_at(facts, seg, best_unit)?;
    let weight = units[best_unit].f.weight();
    let winner = units[best_unit].text;
    let mut above: Option<(i32, usize)> = None;
    for &(s, k) in scored {
        let w = units[k].f.weight();
        if k < best_unit
            && k + BLOCK_REACH >= j
            && s + BLOCK_SLACK >= best_score
            && (w >= 5 || w > weight)
            && !units[k].f.ends_sentence
            && !is_path_or_pager(units[k].text)
            && !units[k].text.starts_with(char::is_lowercase)
            && !has_published_label(units[k].text)
            && !contains_caseless(units[k].text, winner)
            && above.is_none_or(|(a, b)| s > a || s == a && k < b)
        {
            above = Some((s, k));
        }
    }
    let (s, k) = above?;
    let score = exact_score(facts, (s, k));
    (score + BLOCK_SLACK >= best_score).then_some((score, k))
}

/// `Home » News » Politics`, `« Previous post`, `← Older`: a crumb path or a pager link.
fn is_path_or_pager(text: &str) -> bool {
    text.starts_with(['«', '‹', '←', '<'])
        || [" » ", " › ", " > ", " / ", " >> "]
            .iter()
            .any(|sep| text.contains(sep))
}

/// Whether `haystack` holds `needle` in any casing.
fn contains_caseless(haystack: &str, needle: &str) -> bool {
    needle.len() <= haystack.len()
        && boilerplate::with_lowercase(haystack, |h| {
            let n = needle.to_lowercase();
            h.contains(&n)
        })
}

/// What stands before the headline in a crumb line: a path ending in a separator
/// (`Home » World »`), or a few capitalised crumbs run together without one, as flatteners
/// print a breadcrumb whose links had no separator (`Startseite Politik`).
fn crumb_prefix(prefix: &str, headline: &str) -> bool {
    const MAX_GLUED_CRUMBS: usize = 4;
    let trimmed = prefix.trim_end();
    if trimmed.ends_with(|c: char| !c.is_alphanumeric()) {
        return true;
    }
    let mut words = trimmed.split_whitespace();
    trimmed.len() < prefix.len()
        && !headline.starts_with(char::is_lowercase)
        && (2..=MAX_GLUED_CRUMBS).contains(&words.clone().count())
        && words.all(|w| w.starts_with(char::is_uppercase))
}

/// Bonus for a byline or a date line right below the unit (or below the standfirst under
/// it): the headline stands on top of its byline.
fn byline_below(facts: &mut Facts<'_, '_>, seg: &Segmentation, i: usize) -> i32 {
    let Some(j) = byline_at(facts, seg, i) else {
        return 0;
    };
    // Between the headline and its byline may stand a standfirst (a sentence) and short
    // labels (a section, a reading time); other lines make the link weak.
    let passable = |u: &Line<'_>| u.f.ends_sentence && u.f.words >= 6;
    if facts.units[i + 1..j].iter().all(passable) {
        3
    } else if j == i + 2 {
        1
    } else {
        0
    }
}

/// The byline or date line within reach below unit `i` (prose in between ends the search).
fn byline_at(facts: &mut Facts<'_, '_>, seg: &Segmentation, i: usize) -> Option<usize> {
    let units = facts.units;
    for j in i + 1..=i + BYLINE_REACH {
        let bylineish = units.get(j).is_some_and(|u| {
            u.f.words <= BYLINE_WORDS
                && !matches!(seg.classes[j], Class::Good)
                && (looks_like_byline(u.text)
                    || has_author_label(u.text)
                    || facts.date(j).is_some()
                    || facts.names(j))
        });
        if bylineish {
            return Some(j);
        }
        if seg.classes.get(j).is_none_or(|c| *c == Class::Good) {
            break;
        }
    }
    None
}

/// What the headline and byline readers ask of units near the body, each worked out once
/// per page: date parsing and name cleaning are the costly parts of the metadata stage, and
/// both readers look at the same lines.
pub(crate) struct Facts<'u, 'a> {
    units: &'u [Line<'a>],
    ctx: &'u DateContext,
    /// First unit of the cached window: the units both readers look at, around the body's
    /// start (a page-long cache cost more to clear than it saved).
    from: usize,
    dates: Vec<Option<Option<Dated>>>,
    names: Vec<Option<Option<Vec<String>>>>,
}

/// A date found in a unit and where it stands.
type Dated = (PageDate, std::ops::Range<usize>);

/// The cached window reaches this far above and below the body's first unit: the headline
/// window and the byline reach, with a margin.
const FACTS_ABOVE: usize = TITLE_WINDOW + 4;
const FACTS_BELOW: usize = BELOW_BODY_REACH + BYLINE_REACH + 4;

impl<'u, 'a> Facts<'u, 'a> {
    /// Facts about `units`, cached around `first_body` (nothing cached without a body).
    pub(crate) fn new(
        units: &'u [Line<'a>],
        ctx: &'u DateContext,
        first_body: Option<usize>,
    ) -> Self {
        let (from, len) = first_body.map_or((0, 0), |b| {
            let from = b.saturating_sub(FACTS_ABOVE);
            (
                from,
                (b + FACTS_BELOW).min(units.len()).saturating_sub(from),
            )
        });
        Self {
            units,
            ctx,
            from,
            dates: vec![None; len],
            names: vec![None; len],
        }
    }

    /// The first date of unit `i` and where it stands, if it has one.
    fn dated(&mut self, i: usize) -> Option<Dated> {
        let (units, ctx) = (self.units, self.ctx);
        let find = || find_date(units.get(i)?.text, ctx);
        match i.checked_sub(self.from).and_then(|k| self.dates.get_mut(k)) {
            Some(slot) => slot.get_or_insert_with(find).clone(),
            None => find(),
        }
    }

    /// Where the first date of unit `i` is, if it has one.
    fn date(&mut self, i: usize) -> Option<std::ops::Range<usize>> {
        self.dated(i).map(|(_, range)| range)
    }

    /// The names of unit `i` when it holds nothing but names ([`names_only`]).
    fn names_of(&mut self, i: usize) -> Option<Vec<String>> {
        let units = self.units;
        let find = || units.get(i).and_then(|u| names_only(u.text));
        match i.checked_sub(self.from).and_then(|k| self.names.get_mut(k)) {
            Some(slot) => slot.get_or_insert_with(find).clone(),
            None => find(),
        }
    }

    /// Whether unit `i` holds nothing but names.
    fn names(&mut self, i: usize) -> bool {
        let units = self.units;
        let find = || units.get(i).and_then(|u| names_only(u.text));
        match i.checked_sub(self.from).and_then(|k| self.names.get_mut(k)) {
            Some(slot) => slot.get_or_insert_with(find).is_some(),
            None => find().is_some(),
        }
    }
}

/// `3. Experten` between `2. Rohstoffe` and `4. Flexibel bleiben`: an entry of a numbered
/// table of contents or list, not a headline (a lone `1. FC Köln ...` still can be one).
fn in_numbered_list(units: &[Line<'_>], i: usize) -> bool {
    let numbered = |j: usize| {
        units.get(j).is_some_and(|u| {
            let b = u.text.as_bytes();
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            (1..=2).contains(&digits) && b.get(digits..digits + 2) == Some(b". ")
        })
    };
    numbered(i) && ((i > 0 && numbered(i - 1)) || numbered(i + 1))
}

/// `Autor: ...`, `Author: ...`, `Text: ...`: a label naming who wrote the piece.
fn has_author_label(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "autor",
        "autorin",
        "author",
        "auteur",
        "autore",
        "text",
        "texte",
        "redaktion",
        "kolumnist",
        "reporter",
    ];
    text.split_once(':').is_some_and(|(label, _)| {
        let label = label.trim();
        label.len() <= 16 && LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
    })
}

fn title_like(unit: &Line<'_>, class: Class) -> bool {
    static CAPTION_MARKS: PhraseSet = PhraseSet::new(&[
        "©",
        "credit:",
        "photo:",
        "foto:",
        "photo :",
        "foto :",
        "bild:",
        "image:",
        "(getty",
        "getty images",
        "minute read",
        "min read",
        "min. lesezeit",
        "lesezeit",
        "lesedauer",
        "article content",
        "next story",
        "previous story",
        "your browser",
        "zip code",
        "javascript",
        "newsletter",
        "cookies",
        "aktuelle zeit",
        "(stock image)",
        "(picture:",
        "reviewed by",
        "posted by",
        "posters participating",
        "log in",
        "login",
        "sign in",
        "subscribe",
        "abbildung:",
        "grafik:",
        "zum inhalt springen",
        "skip to content",
        "skip to main content",
        "text und interview:",
        "text und fotos:",
        "text & fotos:",
        "text und bilder:",
        "sponsored",
        "http://",
        "https://",
        "folgen sie uns",
        "follow us",
        "e-mail-adresse",
        "email address",
        "e-mail address",
        "mitglied seit",
        "member since",
    ]);
    let f = &unit.f;
    let weight = f.weight();
    if unit.bullet
        || matches!(class, Class::Bad(_))
        || !(2..=35).contains(&weight)
        || f.chars < 8
        || unit.text.ends_with([',', ':', ';'])
        || (unit.text.ends_with('.') && f.sentence_marks > 1)
        || (f.sentence_marks >= 2 && sentence_breaks(unit.text) >= 2)
        || looks_like_byline(unit.text)
        || f.chars - count_digits(unit.text) < 6
        || glued_menu(unit.text)
        || buttons_only(unit.text)
        || labelled_fields(unit.text)
        || is_pager(unit.text)
    {
        return false;
    }
    !boilerplate::with_lowercase(unit.text, |lower| CAPTION_MARKS.in_text(lower))
}

/// Places where one sentence ends and another starts (`... Media. Aller ...`): a full stop,
/// question or exclamation mark after a word of three letters or more, then a space and a
/// capital. Titles (`Dr. Doe`), initials (`J. Doe`) and `St. Louis` are no breaks. A line
/// of three sentences or more is a notice or a teaser, not a headline.
fn sentence_breaks(text: &str) -> usize {
    let mut breaks = 0;
    let mut letters = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphabetic() {
            letters += 1;
            continue;
        }
        if matches!(c, '.' | '!' | '?') && letters >= 3 {
            let mut rest = chars.clone();
            if rest.next() == Some(' ') && rest.next().is_some_and(char::is_uppercase) {
                breaks += 1;
            }
        }
        letters = 0;
    }
    breaks
}

/// `← Older post title`, `Next story →`: a link to another page, never this one's headline.
fn is_pager(text: &str) -> bool {
    const ARROWS: [char; 4] = ['←', '→', '⟵', '⟶'];
    text.starts_with(ARROWS) || text.ends_with(ARROWS)
}

/// Menu items whose texts ran together (`HomeWorld SportWeather Business`): two
/// or more words with a capital right after a small letter.
fn glued_menu(text: &str) -> bool {
    text.split_whitespace()
        .filter(|word| {
            let mut chars = word.chars().peekable();
            let mut glued = false;
            while let Some(c) = chars.next() {
                if c.is_lowercase() && chars.peek().is_some_and(|n| n.is_uppercase()) {
                    glued = true;
                }
            }
            // A first letter in lower case is a brand (`iPhone`, `eBay`), not a join.
            glued && !word.starts_with(char::is_lowercase)
        })
        .count()
        >= 2
}

/// `Share Tweet Share`, `Print Email`: a row of buttons, every word a lexicon label.
fn buttons_only(text: &str) -> bool {
    let mut words = text.split_whitespace();
    words.clone().count() <= 6 && words.all(|w| boilerplate::classify(w) != Kind::Plain)
}

/// A clock time (`05:49`, `9:27PM`): with a date, the line is a time stamp, not a headline.
fn has_clock(text: &str) -> bool {
    text.as_bytes().windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    })
}

/// `Kategorien: Social Media | Tags: B2B`: two or more labelled fields make a metadata line.
fn labelled_fields(text: &str) -> bool {
    text.match_indices(": ")
        .filter(|&(at, _)| text[..at].ends_with(char::is_alphabetic))
        .count()
        >= 2
}

fn count_digits(text: &str) -> u32 {
    text.chars().filter(char::is_ascii_digit).count() as u32
}

/// `By Jane Doe`, `Von Anna Muster`, `Par ...`: a byline, not a headline.
pub(crate) fn looks_like_byline(text: &str) -> bool {
    byline_prefix(text).is_some()
}

/// The words a byline starts with, each ending in a space (which [`byline_prefix`] relies
/// on).
const BYLINE_PREFIXES: &[&str] = &[
    "by ",
    "written by ",
    "words by ",
    "veröffentlicht von ",
    "geschrieben von ",
    "artikel von ",
    "kommentar von ",
    "ein kommentar von ",
    "gastbeitrag von ",
    "ein gastbeitrag von ",
    "publié par ",
    "publicado por ",
    "escrito por ",
    "scritto da ",
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

/// The byline's leading word and the rest: `By Jane Doe` -> `Jane Doe`.
pub(crate) fn byline_prefix(text: &str) -> Option<&str> {
    let trimmed = text.trim();
    if trimmed.len() > 160 {
        return None;
    }
    let bytes = trimmed.as_bytes();
    for prefix in BYLINE_PREFIXES {
        // Every prefix ends with a space, which only a space lower-cases to: a head without
        // one there is passed over on one byte (most lines, for most prefixes).
        if bytes.get(prefix.len().wrapping_sub(1)) != Some(&b' ') {
            continue;
        }
        // Compared without lower-casing into a new string: this runs for every unit the
        // headline and byline scans look at. An ASCII prefix can only equal the lower-cased
        // head of the same byte length when the head is ASCII too.
        if let Some(head) = trimmed.get(..prefix.len())
            && if prefix.is_ascii() {
                head.eq_ignore_ascii_case(prefix)
            } else {
                head.chars().flat_map(char::to_lowercase).eq(prefix.chars())
            }
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
    fn headline_helpers() {
        assert!(glued_menu("HomeWorld SportWeather BusinessCulture"));
        assert!(!glued_menu("iPhone and eBay sales rise at McDonald's"));
        assert!(labelled_fields(
            "Posted: 14 Feb | Categories: Media | Tags: B2B"
        ));
        assert!(!labelled_fields("Interview: why the harbour matters"));
        assert!(has_clock("04/05/2022 05:49"));
        assert!(!has_clock("Ten things to know about 2024"));
        assert!(has_author_label("Autor: Die Redaktion"));
        assert!(!has_author_label("Authorities: no danger"));
        assert!(buttons_only("Share Tweet Share"));
        assert!(!buttons_only("Share prices fall"));
        assert_eq!(
            sentence_breaks("Kyst Media owns this site. Kyst Media keeps your data. Read more"),
            2
        );
        // Titles, initials and two-letter words before a full stop are no breaks.
        assert_eq!(
            sentence_breaks("Dr. J. Doe visits St. Louis. Why it matters?"),
            1
        );
        assert!(published_ago("Anna Berg | Published 15 hours ago"));
        assert!(!published_ago("Published in the Harbour Courier"));
    }

    #[test]
    fn captions_and_skip_links_are_no_headlines() {
        let class = Class::Short;
        for (line, headline) in [
            ("Abbildung: Schneehöhen im Tal der Visp im Januar", false),
            ("Zum Inhalt springen Zur Hauptnavigation springen", false),
            ("Skip to content Skip to the footer of the page", false),
            ("Text und Interview: Anna Muster", false),
            ("Sponsored links: Harbour Boats Quay Shop", false),
            ("The archive - https://example.org/harbour/2019", false),
            ("Folgen Sie uns bei Facebook und Instagram", false),
            ("E-Mail-Adresse des Empfängers * Ihre Nachricht", false),
            ("Mitglied seit 3. Mai 2015 Beiträge 2.100", false),
            ("Neue Schneekarten zeigen das Tal der Visp", true),
        ] {
            let units = crate::flat::lines::split(line);
            assert_eq!(title_like(&units[0], class), headline, "{line}");
        }
    }

    #[test]
    fn headline_text_drops_crumbs_and_kickers() {
        let units = crate::flat::lines::split(
            "Home / Local / Ferry terminal reopens as a library\n\
             Harbour news: Council votes for the new library\n\
             Tides: what to expect this week\n\
             * Council votes for the new library",
        );
        let text = |unit| title_text(&units, Title { unit });
        assert_eq!(text(0), "Ferry terminal reopens as a library");
        assert_eq!(text(1), "Council votes for the new library");
        assert_eq!(text(2), "Tides: what to expect this week");
    }

    #[test]
    fn breadcrumb_names_the_headline() {
        let units = crate::flat::lines::split(
            "Home » Local » Ferry terminal reopens\nFerry terminal reopens\n\
             3. Harbour votes\nSomething else\nHarbour votes\nterminal reopens\n\
             Start Local Harbour votes again\nHarbour votes again\n\
             Ferry crews vote\nCrews vote\nStart Local crews vote\ncrews vote",
        );
        assert!(ends_breadcrumb(&units, 1));
        assert!(ends_breadcrumb(&units, 4));
        assert!(!ends_breadcrumb(&units, 5), "a crumb ends at a separator");
        assert!(ends_breadcrumb(&units, 7), "crumbs run together");
        assert!(
            !ends_breadcrumb(&units, 9),
            "one capitalised word is the headline's own"
        );
        assert!(
            !ends_breadcrumb(&units, 11),
            "a headline does not start in lower case"
        );
    }

    #[test]
    fn byline_prefixes_end_with_a_space() {
        for prefix in BYLINE_PREFIXES {
            assert!(prefix.ends_with(' '), "{prefix}");
        }
    }

    #[test]
    fn bylines() {
        assert_eq!(byline_prefix("By Jane Doe"), Some("Jane Doe"));
        assert_eq!(
            byline_prefix("Von Anna Muster, Berlin"),
            Some("Anna Muster, Berlin")
        );
        assert_eq!(byline_prefix("by the river there was"), None);
        // Labels before the "by": blog and comment bylines.
        assert_eq!(
            byline_prefix("Veröffentlicht von Hanne Groth"),
            Some("Hanne Groth")
        );
        assert_eq!(
            byline_prefix("Kommentar von Nicole Brandt"),
            Some("Nicole Brandt")
        );
        assert_eq!(byline_prefix("Publicado por Ana Ruiz"), Some("Ana Ruiz"));
    }
}

/// Units above the body searched for the byline and the date.
const BYLINE_WINDOW: usize = 14;
/// A byline or date line has at most this many words.
const BYLINE_WORDS: u32 = 30;

/// Authors and publication date read from the byline zone.
#[derive(Debug, Clone, Default)]
pub(crate) struct Byline {
    pub authors: Vec<String>,
    pub date: Option<PageDate>,
    /// Units that are the byline or a date line, to keep out of the body.
    pub units: Vec<usize>,
}

/// Reads the byline and the publication date from the short units around the headline and
/// the start of the body: `By Jane Doe`, `Sumaira FH Published January 30, 2022 | 04:20 AM`,
/// `Von Anna Muster | 30.01.2022, 14:05 Uhr`. A line with a "published" label wins over
/// other dated lines ("Updated ..."); without any, the first date in the zone is taken.
pub(crate) fn byline(
    units: &[Line<'_>],
    seg: &Segmentation,
    title: Option<usize>,
    facts: &mut Facts<'_, '_>,
) -> Byline {
    let mut out = Byline::default();
    let Some(first_body) = seg.body.first().map(|&(i, _)| i) else {
        return out;
    };
    // A headline above the body bounds the search; one found under the body's first unit
    // (see `title`) does not, the byline then standing above the body as on other pages.
    let above = title.filter(|&t| t <= first_body);
    let from = above
        .unwrap_or(first_body)
        .saturating_sub(if above.is_some() { 2 } else { BYLINE_WINDOW });
    let to = (first_body + 3).min(units.len());
    let mut labelled: Option<PageDate> = None;
    let mut first_date: Option<PageDate> = None;
    for (i, unit) in units.iter().enumerate().take(to).skip(from) {
        if Some(i) == title || unit.f.words > BYLINE_WORDS || matches!(seg.classes[i], Class::Good)
        {
            continue;
        }
        let found = facts.dated(i);
        let named = byline_prefix(unit.text);
        if let Some(rest) = named
            && out.authors.is_empty()
        {
            let names_part = match &found {
                Some((_, range)) if range.start >= unit.text.len() - rest.len() => {
                    &unit.text[unit.text.len() - rest.len()..range.start]
                }
                _ => rest,
            };
            out.authors = authors_in(names_part);
            out.units.push(i);
        }
        if let Some((date, range)) = found {
            if named.is_none() && out.authors.is_empty() {
                let before = &unit.text[..range.start];
                let names = authors_in(strip_date_labels(before));
                if !names.is_empty() && before.split_whitespace().count() <= 8 {
                    out.authors = names;
                }
            }
            if !out.units.contains(&i) && i < first_body + 1 {
                out.units.push(i);
            }
            if labelled.is_none() && has_published_label(unit.text) {
                labelled = Some(date);
            }
            first_date.get_or_insert(date);
        }
    }
    if out.authors.is_empty() {
        // A line of names alone next to the headline or the date: under the headline first
        // (a line of names above it is more often an account menu or a kicker).
        let order = (from..first_body)
            .filter(|&i| above.is_none_or(|t| i > t))
            .chain((from..first_body).filter(|&i| above.is_some_and(|t| i < t)));
        for i in order {
            let unit = &units[i];
            if Some(i) == title || unit.bullet {
                continue;
            }
            if let Some(names) = facts.names_of(i) {
                out.authors = names;
                out.units.push(i);
                break;
            }
        }
    }
    out.date = labelled.or(first_date);
    out
}

/// The names of a line that holds nothing but names (`Jane Doe`, `Jane Doe | John Roe`):
/// a byline without a "By".
pub(crate) fn names_only(text: &str) -> Option<Vec<String>> {
    let words = text.split_whitespace().count();
    if !(2..=10).contains(&words) || text.len() > 90 || text.ends_with(['.', '?', '!', ':']) {
        return None;
    }
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
    // Every part of a name starts upper-case and is a piece of one word of the line, so the
    // names hold at most the letters from each word's first capital on. Cleaning names is
    // costly and this runs for every headline candidate, most of which have lower-case words.
    let capitalised: usize = text
        .split_whitespace()
        .filter_map(|w| w.find(char::is_uppercase).map(|at| letters(&w[at..])))
        .sum();
    let in_text = letters(text);
    if capitalised * 10 < in_text * 7 {
        return None;
    }
    let names = clean_authors(text);
    let name_like = |n: &String| {
        let parts: Vec<&str> = n.split_whitespace().collect();
        (2..=4).contains(&parts.len())
            && parts
                .iter()
                .all(|p| p.chars().next().is_some_and(char::is_uppercase))
    };
    if names.is_empty() || !names.iter().all(name_like) {
        return None;
    }
    let in_names: usize = names.iter().map(|n| letters(n)).sum();
    (in_names * 10 >= in_text * 7).then_some(names)
}

/// Person names in a byline fragment; nothing when it reads like a menu or a sentence.
fn authors_in(fragment: &str) -> Vec<String> {
    let fragment = fragment
        .trim()
        .trim_matches(['|', '-', '–', '—', ',', '·', '•', ' ']);
    if fragment.is_empty()
        || fragment.len() > 120
        || fragment.contains(['>', '»', '/', '©'])
        || fragment.split_whitespace().count() > 10
    {
        return Vec::new();
    }
    let names = clean_authors(fragment);
    // A capitalised word or two that is a label ("Home", "Published") is not a name.
    names
        .into_iter()
        .filter(|n| {
            n.chars().next().is_some_and(char::is_uppercase)
                && !matches!(
                    boilerplate::classify(n),
                    Kind::Noise | Kind::EndMarker | Kind::TagLabel
                )
        })
        .collect()
}

/// Removes the labels that sit between a name and a date: `Published`, `Updated on`, `|`.
fn strip_date_labels(text: &str) -> &str {
    const LABELS: &[&str] = &[
        "published",
        "updated",
        "posted",
        "on",
        "at",
        "am",
        "le",
        "le",
        "publié",
        "mis à jour",
        "veröffentlicht",
        "aktualisiert",
        "vom",
        "publicado",
        "actualizado",
        "el",
        "pubblicato",
        "aggiornato",
        "il",
        "gepubliceerd",
        "op",
        "opublikowano",
        "publicerad",
        "den",
        "опубликовано",
        "date",
        "datum",
        "fecha",
        "data",
    ];
    let mut rest = text.trim_end();
    loop {
        let trimmed = rest.trim_end_matches(['|', '-', '–', '—', ',', ':', '·', '•', ' ']);
        let last_word_start = trimmed.rfind(' ').map_or(0, |p| p + 1);
        let last = &trimmed[last_word_start..];
        if !last.is_empty() && LABELS.iter().any(|l| l.eq_ignore_ascii_case(last)) {
            rest = &trimmed[..last_word_start];
        } else {
            return trimmed;
        }
    }
}

/// "Published", "Veröffentlicht", "Publié", ... anywhere in the line.
fn has_published_label(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "published",
        "posted",
        "veröffentlicht",
        "publié",
        "publicado",
        "pubblicato",
        "gepubliceerd",
        "opublikowano",
        "publicerad",
        "опубликовано",
        "erschienen",
    ];
    boilerplate::with_lowercase(text, |lower| LABELS.iter().any(|l| lower.contains(l)))
}

/// `Jane Doe | Published 4 months ago`: a byline stamped with a relative time (no date for
/// the date test to find).
fn published_ago(text: &str) -> bool {
    // The relative-time test needs no allocation; the label test runs only after it.
    text.split(['|', '·', '•', ','])
        .any(|part| boilerplate::with_lowercase(part.trim(), boilerplate::is_relative_time))
        && has_published_label(text)
}

/// A fallback date: the first one in the short units before the body ends.
pub(crate) fn any_date(
    units: &[Line<'_>],
    seg: &Segmentation,
    ctx: &DateContext,
) -> Option<PageDate> {
    let to = seg.region.end.min(units.len());
    units[..to]
        .iter()
        .filter(|u| u.f.words <= BYLINE_WORDS)
        .find_map(|u| find_date(u.text, ctx).map(|(d, _)| d))
}

/// The wire dateline opening the first paragraph, with the byte length of its prefix.
pub(crate) fn dateline(first_paragraph: &str, ctx: &DateContext) -> Option<(Dateline, usize)> {
    let (dateline, prefix) = parse_dateline(first_paragraph, ctx)?;
    // Keep the paragraph whole when the dateline is all it holds.
    (prefix < first_paragraph.len()).then_some((dateline, prefix))
}
