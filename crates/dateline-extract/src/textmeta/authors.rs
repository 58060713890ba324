//! Bylines into person names.
//!
//! A byline as pages write it mixes names with everything around them: "By", roles ("Staff
//! Writer"), agencies (", Reuters"), e-mail addresses and handles, photo credits, and the
//! date glued on by the template ("Jane Doe Updated 4:20 PM"). [`clean_authors`] cuts those
//! away in a fixed order: cut glued dates and credits, split into parts, strip prefixes and
//! roles from each part, then keep what is shaped like a name.

use super::byline_words::{
    BY_WORDS, CREDIT_MARKERS, CUT_MARKERS, JOB_TITLE_WORDS, LABEL_WORDS, NOT_NAME_WORDS, NOT_NAMES,
    ORGANISATION_ENDINGS, ORGANISATIONS, PARTICLES, PREFIXES, ROLE_WORDS,
};
use super::dates::{DateContext, find_dates};
use super::phrases::PhraseSet;

/// The most names a byline is read for: bounds the work on a hostile value.
const MAX_NAMES: usize = 20;
/// Longest name kept, in characters.
const MAX_NAME_CHARS: usize = 60;
/// Most words in a name, particles included.
const MAX_NAME_WORDS: usize = 7;

/// Cleans a raw byline or author value into person names, in order, without duplicates
/// (compared case-insensitively). Returns an empty vector when nothing name-like is left.
/// An organisation is kept when it is all there is ("By Reuters"), and dropped when it
/// follows a person ("Jane Doe, Reuters").
pub fn clean_authors(raw: &str) -> Vec<String> {
    // Bound the work: a byline is never this long, and whatever follows is not a name.
    let raw = crate::text::prefix(raw, 2000);
    let text = collapse_whitespace(raw);
    let text = cut_glued(&text);
    if let Some(name) = surname_first(&text) {
        return vec![name];
    }
    // "Page, Jeffrey C; Hansen, Myron": a list of surname-first names.
    let text = if text.contains(';') {
        let converted: Vec<Option<String>> = text.split(';').map(surname_first).collect();
        if converted.iter().all(Option::is_some) {
            // Every name already stands checked ("Per Lindqvist" is not "for Lindqvist").
            let mut names: Vec<String> = converted.into_iter().flatten().collect();
            names.truncate(MAX_NAMES);
            return names;
        }
        let segments: Vec<String> = text
            .split(';')
            .zip(converted)
            .map(|(segment, name)| name.unwrap_or_else(|| segment.to_string()))
            .collect();
        segments.join(";")
    } else {
        text
    };
    let mut names: Vec<String> = Vec::new();
    let mut person_seen = false;
    for part in split_parts(&text) {
        if names.len() >= MAX_NAMES {
            break;
        }
        // "Karl Schmidt, Software Engineer, Google Maps": after a person, a job title that
        // is more than role words ("PhD", "Staff Writer" are only that) opens the
        // affiliation, and what follows it is the employer.
        if person_seen {
            let words: Vec<&str> = part
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .collect();
            // "ERIC TUCKER Associated Press": a wire's name is no job title.
            let employer = |w: &str| {
                with_lower(w, |w| {
                    matches!(
                        w,
                        "associated" | "press" | "news" | "desk" | "bureau" | "team"
                    )
                })
            };
            let titled = |w: &str| (is_role(w) || lower_in(w, JOB_TITLE_WORDS)) && !employer(w);
            let roles = words.iter().filter(|w| titled(w)).count();
            if roles > 0 && roles < words.len() {
                break;
            }
        }
        let Some(name) = clean_part(part) else {
            continue;
        };
        let organisation = is_organisation(&name);
        if organisation && person_seen {
            continue;
        }
        // "Olympia-Verlag GmbH, Nürnberg, Germany": one-word parts after an organisation
        // are its address, not people.
        let after_organisation = !person_seen && !names.is_empty();
        if after_organisation && !organisation && !name.contains(' ') {
            continue;
        }
        if !organisation {
            person_seen = true;
        }
        if !names
            .iter()
            .any(|n| n.to_lowercase() == name.to_lowercase())
        {
            names.push(name);
        }
    }
    if person_seen {
        // An organisation before the first person ("Reuters, Jane Doe") is a credit too.
        let first_person = names.iter().position(|n| !is_organisation(n)).unwrap_or(0);
        names.drain(..first_person);
    }
    if names.is_empty() {
        return editorial_team(raw).into_iter().collect();
    }
    names
}

/// "Harm, Robert", "Page, Jeffrey C", "Jong, Michiel de" (library and Dublin Core style,
/// `DC.creator`, `citation_author`): one person, surname first, rather than two people. The
/// surname is one word and the given part a name with initials or particles after it, so
/// "Jane Doe, John Roe" stays two people.
fn surname_first(text: &str) -> Option<String> {
    let (surname, given) = text.split_once(',')?;
    let surname = surname.trim();
    let is_word = |s: &str| {
        s.chars().next().is_some_and(char::is_uppercase)
            && s.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
    };
    let is_initial = |s: &str| {
        let letters = s.trim_end_matches('.');
        letters.chars().count() == 1 && letters.chars().all(char::is_uppercase)
    };
    // Lower case only: the "De" of "Page, Jeffrey De" is a name.
    let is_particle = |s: &str| PARTICLES.contains(&s);
    let words: Vec<&str> = given.split_whitespace().collect();
    let (first, rest) = words.split_first()?;
    let plausible = !surname.contains([' ', ','])
        && is_word(surname)
        && surname.chars().count() > 1
        && (is_word(first) || is_initial(first))
        && rest.len() <= 2
        && rest.iter().all(|w| is_initial(w) || is_particle(w));
    if !plausible {
        return None;
    }
    let (particles, given): (Vec<&str>, Vec<&str>) = words.iter().partition(|w| is_particle(w));
    let mut name = given.join(" ");
    for particle in particles {
        name.push(' ');
        name.push_str(particle);
    }
    name.push(' ');
    name.push_str(surname);
    // An initial reads as an acronym ("F." like "AP"), so only words are checked.
    let not_a_name = [surname, first]
        .iter()
        .filter(|w| !is_initial(w))
        .any(|w| is_organisation(w) || is_role(w) || with_lower(w, is_byline_word));
    (!not_a_name).then_some(name)
}

/// "Redaktion", "Von: Redaktion", "example.de Redaktion": a byline that names only the
/// editorial team is that organisation, which the name cleaning above drops word by word.
fn editorial_team(raw: &str) -> Option<String> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let skip = words
        .iter()
        .take_while(|w| {
            let w = w.trim_end_matches([':', '：']).to_lowercase();
            PREFIXES.contains(&w.as_str())
        })
        .count();
    let team = words.get(skip..)?.join(" ");
    let plain = team
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-'));
    let last_is_team = team
        .rsplit(' ')
        .next()
        .is_some_and(|w| EDITORIAL_TEAMS.contains(&w.to_lowercase().as_str()));
    (plain && last_is_team && team.split(' ').count() <= 4).then_some(team)
}

/// Words for a newsroom's editorial team as bylines name it.
const EDITORIAL_TEAMS: &[&str] = &[
    "redaktion",
    "redacción",
    "rédaction",
    "redazione",
    "redactie",
    "redakcja",
    "newsroom",
];

fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}') {
        // Contacts go before splitting: URLs and handles contain separators ("/").
        if word.is_empty() || is_contact(word) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        // "作者：肖春芳": a full-width colon glues the label to the name.
        out.push_str(&word.replace('：', "： "));
    }
    out
}

/// Removes what templates glue onto a byline: dates become separators ("Jane Doe 30.01.2022,
/// John Roe"), a bare clock time or a marker ("Updated", "Photo:", "Follow") ends the byline,
/// unless the marker opens it ("Published by Jane Doe"), and parenthesised asides
/// ("(Reuters)", "(@handle)") go.
fn cut_glued(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len() + 8);
    let mut last = 0;
    for (_, range) in find_dates(text, &DateContext::default()) {
        spaced.push_str(without_trailing_weekday(&text[last..range.start]));
        spaced.push_str(" | ");
        last = range.end;
    }
    spaced.push_str(&text[last..]);
    let mut text = spaced;
    if let Some(i) = first_time(&text) {
        text.truncate(i);
    }
    // Markers, earliest first; one that opens the byline is only removed.
    while let Some((start, end, credit)) = first_marker(&text) {
        let before = &text[..start];
        if credit || before.chars().any(char::is_alphanumeric) {
            text.truncate(start);
            break;
        }
        text.replace_range(start..end, " | ");
    }
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// "Jane Doe Thursday, " or "Jane Doe on Sun, " before a cut date: the weekday belongs to
/// the date.
fn without_trailing_weekday(before: &str) -> &str {
    let trimmed = before.trim_end_matches([' ', ',']);
    let start = trimmed.rfind(' ').map_or(0, |i| i + 1);
    let word = &trimmed[start..];
    let is_weekday =
        super::lexicon::lookup(word).is_some_and(|lex| lex.role == super::lexicon::Role::Weekday);
    // "Sun" and "Mon" are also surnames: an abbreviation counts after "on", "am", "le".
    let after_connector = trimmed[..start]
        .trim_end()
        .rsplit(' ')
        .next()
        .is_some_and(|w| {
            with_lower(w, |w| {
                matches!(
                    w,
                    "on" | "am" | "le" | "el" | "il" | "den" | "vom" | "à" | "em" | "op"
                )
            })
        });
    if is_weekday && (word.chars().count() >= 5 || after_connector) {
        &trimmed[..start]
    } else {
        before
    }
}

/// The earliest [`CUT_MARKERS`] or [`CREDIT_MARKERS`] occurrence, and whether it is a credit:
/// as a whole word, or glued in capitals to the word before it the way two elements' texts
/// run together ("Jane DoeUpdated", "reportsPUBLISHED").
fn first_marker(text: &str) -> Option<(usize, usize, bool)> {
    first_marker_with(text, MARKERS.automaton())
}

/// [`first_marker`], with the automaton or (without one) marker by marker.
fn first_marker_with(
    text: &str,
    automaton: Option<&aho_corasick::AhoCorasick>,
) -> Option<(usize, usize, bool)> {
    // ASCII lower-casing keeps every byte where it was, so positions found in `lower` are
    // character boundaries in `text` (full Unicode lower-casing can shift them). Markers with
    // non-ASCII letters still match when those letters are written in lower case.
    let lower = text.to_ascii_lowercase();
    let valid = |i: usize, after: usize| {
        let prev = lower[..i].chars().next_back();
        let word_start = !prev.is_some_and(char::is_alphanumeric);
        let glued = prev.is_some_and(char::is_lowercase)
            && text[i..].chars().next().is_some_and(char::is_uppercase)
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_lowercase);
        let word_end = !lower[after..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        (word_start || glued) && word_end
    };
    // Every occurrence of every marker in one pass; the earliest valid one wins, and at the
    // same position the marker listed first. An occurrence overlapping the previous one of
    // the same marker is passed over, as the marker-by-marker scan below resumes after
    // each occurrence it looked at ("read more" can overlap itself).
    if let Some(automaton) = automaton {
        let cuts = CUT_MARKERS.len();
        let mut resume = [0usize; MARKER_LIST.len()];
        return automaton
            .find_overlapping_iter(lower.as_str())
            .filter(|m| {
                let id = m.pattern().as_usize();
                let Some(slot) = resume.get_mut(id) else {
                    return false;
                };
                if m.start() < *slot {
                    return false;
                }
                *slot = m.end();
                valid(m.start(), m.end())
            })
            .map(|m| (m.start(), m.pattern().as_usize(), m.end()))
            .min()
            .map(|(start, id, end)| (start, end, id >= cuts));
    }
    let mut best: Option<(usize, usize, bool)> = None;
    let markers = CUT_MARKERS
        .iter()
        .map(|m| (m, false))
        .chain(CREDIT_MARKERS.iter().map(|m| (m, true)));
    for (marker, credit) in markers {
        let mut from = 0;
        while let Some(i) = lower[from..].find(marker).map(|i| i + from) {
            let after = i + marker.len();
            if best.is_some_and(|(b, _, _)| b <= i) {
                break;
            }
            if valid(i, after) {
                best = Some((i, after, credit));
                break;
            }
            from = after;
        }
    }
    best
}

/// [`CUT_MARKERS`] then [`CREDIT_MARKERS`], as one automaton for [`first_marker`].
static MARKERS: PhraseSet = PhraseSet::new(MARKER_LIST);
const MARKER_LIST: &[&str] = &concat_markers();

/// [`CUT_MARKERS`] followed by [`CREDIT_MARKERS`], built at compile time.
const fn concat_markers() -> [&'static str; CUT_MARKERS.len() + CREDIT_MARKERS.len()] {
    let mut out = [""; CUT_MARKERS.len() + CREDIT_MARKERS.len()];
    let mut i = 0;
    while i < CUT_MARKERS.len() {
        out[i] = CUT_MARKERS[i];
        i += 1;
    }
    let mut j = 0;
    while j < CREDIT_MARKERS.len() {
        out[i + j] = CREDIT_MARKERS[j];
        j += 1;
    }
    out
}

/// Byte offset of a clock time ("4:20", "16.05 Uhr") in the text.
fn first_time(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(2)).find_map(|i| {
        let is_time = b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b.get(i + 2).is_some_and(u8::is_ascii_digit);
        if !is_time {
            return None;
        }
        let start = if i >= 2 && b[i - 2].is_ascii_digit() {
            i - 2
        } else {
            i - 1
        };
        Some(start)
    })
}

/// Splits on list separators: ",", ";", "&", "|", "/", "•", "·" and the word "and" in
/// several languages.
fn split_parts(text: &str) -> Vec<&str> {
    const AND: &[&str] = &[
        "and", "und", "et", "y", "e", "en", "og", "och", "i", "ve", "и", "a", "és", "ja",
    ];
    let mut parts = Vec::new();
    for piece in text.split([',', ';', '&', '|', '•', '·', '\n', '+', '/']) {
        let mut start = 0;
        let mut pos = 0;
        for word in piece.split(' ') {
            let word_start = pos;
            pos += word.len() + 1;
            // "e"/"y"/"i"/"a" could be initials; only split between full words.
            let is_and = AND
                .iter()
                .any(|a| a.eq_ignore_ascii_case(word) || *a == word)
                && word_start > start;
            if is_and && !(word.len() == 1 && word.chars().all(|c| c.is_uppercase())) {
                parts.push(&piece[start..word_start]);
                start = pos.min(piece.len());
            }
        }
        parts.push(&piece[start.min(piece.len())..]);
    }
    parts
}

/// One part into one name, or nothing.
fn clean_part(part: &str) -> Option<String> {
    let mut words: Vec<&str> = part
        .split(' ')
        .filter(|w| !w.is_empty())
        .filter(|w| !is_contact(w))
        .collect();
    // "Kommentar von X", "Eingestellt von X", "Story by X": a label, then "by".
    if let Some(i) = words
        .iter()
        .take(4)
        .position(|w| lower_in(w.trim_end_matches([':', '：']), BY_WORDS))
        && i > 0
        && words[..i]
            .iter()
            .all(|w| lower_in(w.trim_end_matches(':'), LABEL_WORDS))
    {
        words.drain(..=i);
    }
    // Strip byline prefixes ("By", "Written by", "Von:") repeatedly.
    'prefix: loop {
        for prefix in prefix_words() {
            let n = prefix.len();
            if words.len() < n {
                continue;
            }
            let matches = prefix.iter().zip(&words).all(|(&p, w)| {
                let w = w.trim_end_matches([':', '：']);
                // An ASCII word lower-cases to `p` only if it equals it ignoring case.
                w.eq_ignore_ascii_case(p) || !w.is_ascii() && w.to_lowercase() == p
            });
            if matches {
                words.drain(..n);
                continue 'prefix;
            }
        }
        break;
    }
    let trim = |w: &&str| -> String {
        w.trim_matches(|c: char| {
            !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’' || c == '-')
        })
        .to_string()
    };
    let mut words: Vec<String> = words
        .iter()
        .map(trim)
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    // "Posted [date] by Jane Doe": the label before a cut date is a part of its own.
    if words.iter().all(|w| lower_in(w, LABEL_WORDS)) {
        return None;
    }
    // Words left dangling by a cut date: "von lupa am [date]", "Jane Doe on [date]".
    while words.last().is_some_and(|w| {
        with_lower(w, |w| {
            matches!(
                w,
                "am" | "on"
                    | "at"
                    | "le"
                    | "el"
                    | "il"
                    | "den"
                    | "vom"
                    | "um"
                    | "à"
                    | "em"
                    | "op"
                    | "the"
                    | "de"
                    | "der"
                    | "in"
                    | "a"
            )
        })
    }) {
        words.pop();
    }
    // "Brendan Carlin For The Mail On Sunday": the name ends where the employer starts; a part
    // that starts with "for" is all employer.
    if let Some(i) = words.iter().position(|w| {
        with_lower(w, |w| {
            matches!(w, "for" | "für" | "pour" | "para" | "per" | "special")
        })
    }) {
        words.truncate(i);
        while words.last().is_some_and(|w| is_role(w)) {
            words.pop();
        }
    }
    // "Jane Doe Associated Press", "JANE DOE Reuters": a wire name glued after a person.
    for k in (1..=3).rev() {
        if words.len() > k {
            let suffix = words[words.len() - k..].join(" ");
            let rest = words[..words.len() - k].join(" ");
            if is_wire_agency(&suffix)
                && !rest.split(' ').all(is_role)
                && plausible_name(&rest)
                && !is_organisation(&rest)
            {
                words.truncate(words.len() - k);
                break;
            }
        }
    }
    // "The Associated Press", "BBC News": an organisation whole, before its words are taken
    // for roles ("press", "news").
    let whole = words.join(" ");
    let role_last = words.last().is_some_and(|w| is_role(w)) && !has_organisation_ending(&whole);
    if !role_last && is_organisation(&whole) && plausible_name(&whole) {
        return Some(whole);
    }
    // Roles at either end ("Senior Reporter Jane Doe", "Jane Doe, Staff Writer").
    while words.first().is_some_and(|w| is_role(w)) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| is_role(w)) {
        words.pop();
    }
    let name = words.join(" ");
    // A trailing dot is punctuation unless it closes an initial ("Joe S.").
    let initial = words
        .last()
        .is_some_and(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() == 1);
    let name = name.trim_start_matches(['.', '-', '\'']);
    let name = if initial {
        name.trim_end_matches(['-', '\''])
    } else {
        name.trim_end_matches(['.', '-', '\''])
    }
    .trim();
    plausible_name(name).then(|| name.to_string())
}

/// [`PREFIXES`], each cut into its words once: every part of every byline (and of every
/// headline candidate the flat reader asks about) is compared with all of them.
fn prefix_words() -> &'static [Vec<&'static str>] {
    static WORDS: std::sync::LazyLock<Vec<Vec<&'static str>>> = std::sync::LazyLock::new(|| {
        PREFIXES
            .iter()
            .map(|prefix| prefix.split(' ').collect())
            .collect()
    });
    &WORDS
}

/// Runs `f` on `word` lower-cased: short ASCII words (most words of a byline) on the stack,
/// since name cleaning runs for every headline and byline candidate of a page.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const STACK: usize = 32;
    if word.len() <= STACK && word.is_ascii() {
        let mut buffer = [0u8; STACK];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

/// Whether `word` lower-cased is one of `list`.
fn lower_in(word: &str, list: &[&str]) -> bool {
    with_lower(word, |lower| list.contains(&lower))
}

fn is_contact(word: &str) -> bool {
    word.contains('@') || word.contains("://") || word.starts_with("www.") || is_domain(word)
}

/// "example.org", "wien.ORF.at/Agenturen": two or more letters on both sides of an inner
/// dot. Initials ("J.R.") have one letter between their dots.
fn is_domain(word: &str) -> bool {
    let host = word.split('/').next().unwrap_or(word);
    let labels: Vec<&str> = host.trim_end_matches('.').split('.').collect();
    // The last label is a top-level domain: letters only ("30.01.2022" is a date).
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| l.chars().count() >= 2 && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|tld| tld.chars().all(char::is_alphabetic))
}

fn is_role(word: &str) -> bool {
    lower_in(word, ROLE_WORDS)
}

/// Shaped like a person's name (or an organisation, which `is_organisation` tells apart).
fn plausible_name(name: &str) -> bool {
    let chars = name.chars().count();
    if !(2..=MAX_NAME_CHARS).contains(&chars) {
        return false;
    }
    let lower = name.to_lowercase();
    if NOT_NAMES.contains(&lower.as_str()) {
        return false;
    }
    if name.chars().any(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                ':' | '?' | '!' | '"' | '=' | '<' | '>' | '{' | '}' | '#' | '*' | '%' | '$' | '€'
            )
    }) {
        return false;
    }
    if !name.chars().any(char::is_alphabetic) {
        return false;
    }
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() > MAX_NAME_WORDS || words.iter().all(|w| w.chars().count() < 2) {
        return false;
    }
    // Page furniture and speech verbs: "Twitter Facebook", "Sign In", "Chris says".
    if words.iter().any(|w| lower_in(w, NOT_NAME_WORDS)) {
        return false;
    }
    // Weekdays and months left over from a date ("Donnerstag, 4. November").
    if words.len() == 1 && super::lexicon::lookup(name).is_some() {
        return false;
    }
    let cased = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_uppercase())
    };
    let starts_lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let all_lower = words.iter().all(|w| !cased(w) || starts_lower(w));
    if all_lower && words.iter().any(|w| cased(w)) {
        // "jane doe" and "lupa" are names written carelessly; a lower-case phrase ("news
        // service reports") or a short word ("am") is not.
        let short_word = words.len() == 1 && words[0].chars().count() < 3;
        return words.len() <= 3
            && !short_word
            && words.iter().all(|w| {
                !PARTICLES.contains(w)
                    && !ROLE_WORDS.contains(w)
                    && !ORGANISATION_ENDINGS.contains(w)
            });
    }
    // A one-word name is a pen name or a first name; "Ja" and "Am" are words.
    if words.len() == 1
        && words[0].chars().count() < 3
        && words[0].chars().all(char::is_alphabetic)
        && words[0].chars().any(|c| c.is_lowercase())
    {
        return false;
    }
    // Lower-case words other than particles make it a phrase ("John said", "the team").
    words.iter().all(|w| {
        !starts_lower(w) || lower_in(w, PARTICLES) || w.starts_with("d'") || w.starts_with("l'")
    })
}

/// True when a cleaned name looks like an organisation (Reuters, AP, "The Associated Press",
/// "BBC News", "Staff", names ending in News/Media/Press/Agency/Times/Post ...): callers keep
/// an organisation only when no person is named.
pub fn is_organisation(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    if lower.is_empty() {
        return false;
    }
    if ORGANISATIONS.contains(&lower.as_str()) {
        return true;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.first() == Some(&"the") {
        return true;
    }
    if has_organisation_ending(&lower) {
        return true;
    }
    if words
        .iter()
        .any(|w| matches!(*w, "news" | "media" | "agency" | "newsroom" | "press"))
    {
        return true;
    }
    // A single short word in capitals is an acronym: "AFP", "CNN", "NDTV".
    let trimmed = name.trim();
    words.len() == 1
        && trimmed.chars().count() <= 5
        && trimmed
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-')
}

/// A news agency named in a dateline parenthesis: a known wire ("Reuters", "dpa", "AFP") or a
/// name ending in News, Agency, Press or Service. Stricter than [`is_organisation`], whose
/// acronym rule would take "(PM)" or "(EU)" for an agency.
pub(crate) fn is_wire_agency(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    if ORGANISATIONS.contains(&lower.as_str()) {
        return true;
    }
    lower.split_whitespace().count() > 1
        && lower.split_whitespace().last().is_some_and(|w| {
            matches!(
                w,
                "news" | "agency" | "press" | "service" | "wire" | "agencies"
            )
        })
}

/// Whether `text` opens like a byline ("By …", "Von …", "Autor: …"): one of the byline
/// words, followed by a space or a colon. Used to find bylines without a class name.
pub(crate) fn starts_like_byline(text: &str) -> bool {
    let text = text.trim_start();
    let lower: String = text.chars().take(24).flat_map(char::to_lowercase).collect();
    PREFIXES
        .iter()
        .chain(&["submitted by", "автор", "yazar"])
        .filter(|prefix| **prefix != "from")
        .any(|prefix| {
            // "Text: Jane Doe" is a credit, "Text Size" a button.
            let needs_colon = matches!(*prefix, "text" | "texto");
            lower.strip_prefix(prefix).is_some_and(|rest| {
                rest.starts_with([' ', ':', '\u{a0}'])
                    && (!needs_colon || rest.trim_start().starts_with(':'))
                    && rest
                        .trim_start_matches([' ', ':', '\u{a0}'])
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
            })
        })
}

/// Whether a field label announces the author ("Written by", "Verfasst von", "Autor:").
pub(crate) fn is_byline_label(label: &str) -> bool {
    let lower = label.trim().trim_end_matches([':', '：']).to_lowercase();
    PREFIXES.contains(&lower.as_str())
        || lower
            .rsplit(' ')
            .next()
            .is_some_and(|last| BY_WORDS.contains(&last) && lower.contains(' '))
}

/// Whether `text` is a byline label standing alone ("By", "| By", "Von:", "Autor"), the name
/// being in the next element (`<span>By</span><a>Ana Ruiz</a>`).
pub(crate) fn is_bare_byline_label(text: &str) -> bool {
    let label = text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '|' | ':' | '\u{b7}' | '-' | '\u{2013}' | '\u{2014}')
    });
    if label.is_empty() || label.len() > 24 {
        return false;
    }
    // "From" and "Text" alone head too many things that are not bylines.
    let ambiguous = ["from", "text", "interview", "di", "av", "af"];
    !ambiguous
        .iter()
        .any(|word| label.eq_ignore_ascii_case(word))
        && is_byline_label(label)
}

/// The last word is one that names organisations ("News", "Times", "Agency", "GmbH").
pub(crate) fn has_organisation_ending(name: &str) -> bool {
    name.split_whitespace().last().is_some_and(|w| {
        let w = w.trim_end_matches('.').to_lowercase();
        ORGANISATION_ENDINGS.contains(&w.as_str())
    })
}

/// Whether a lower-case word belongs to a byline's vocabulary: "by" words and labels, roles,
/// "updated"/"published" markers and photo credits, as `clean_authors` strips them.
pub(crate) fn is_byline_word(word: &str) -> bool {
    [
        PREFIXES,
        BY_WORDS,
        LABEL_WORDS,
        ROLE_WORDS,
        CUT_MARKERS,
        CREDIT_MARKERS,
    ]
    .iter()
    .any(|list| list.contains(&word))
}

#[cfg(test)]
mod marker_tests {
    use super::*;

    #[test]
    fn automaton_and_scan_agree() {
        let automaton = MARKERS.automaton();
        assert!(automaton.is_some());
        for text in [
            "Jane Doe Updated 4:20 PM",
            "Published by Jane Doe",
            "Photo: John Roe",
            "Jane DoeUpdated yesterday",
            "Photographer Jane Doe",
            "Jane Doe | Follow | Read more",
            "Jane Doe read moRead more",
            "read moread more Photo",
            "Von Anna Muster, aktualisiert am 3. Mai, Foto: Bild",
            "Editing by Jane; photos by John",
            "no markers here at all",
            "",
        ] {
            assert_eq!(
                first_marker_with(text, automaton),
                first_marker_with(text, None),
                "{text}"
            );
        }
    }
}
