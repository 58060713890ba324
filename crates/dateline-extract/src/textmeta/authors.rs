//! Bylines into person names.
//!
//! A byline as pages write it mixes names with everything around them: "By", roles ("Staff
//! Writer"), agencies (", Reuters"), e-mail addresses and handles, photo credits, and the
//! date glued on by the template ("Jane Doe Updated 4:20 PM"). [`clean_authors`] cuts those
//! away in a fixed order: cut glued dates and credits, split into parts, strip prefixes and
//! roles from each part, then keep what is shaped like a name.

use super::dates::{DateContext, find_date};

/// Words that introduce a byline.
const PREFIXES: &[&str] = &[
    "written by",
    "reporting by",
    "words by",
    "text by",
    "story by",
    "posted by",
    "by",
    "von",
    "par",
    "por",
    "di",
    "door",
    "av",
    "af",
    "przez",
    "autor",
    "autorin",
    "auteur",
    "author",
    "authors",
    "text",
    "texto",
    "testo",
    "redakcja",
    "from",
];

/// Markers after which the rest of a byline is not about its authors.
const CUT_MARKERS: &[&str] = &[
    "updated",
    "published",
    "posted on",
    "last updated",
    "last modified",
    "aktualisiert",
    "veröffentlicht",
    "publié",
    "mis à jour",
    "actualizado",
    "publicado",
    "atualizado",
    "pubblicato",
    "aggiornato",
    "photo",
    "photos",
    "photograph",
    "photography",
    "image",
    "images",
    "illustration",
    "video",
    "editing by",
    "edited by",
    "foto",
    "fotos",
    "bild",
    "read more",
    "follow",
];

/// Job titles and roles, matched word by word at either end of a name.
const ROLE_WORDS: &[&str] = &[
    "staff",
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "editor",
    "editors",
    "editorial",
    "senior",
    "chief",
    "deputy",
    "associate",
    "assistant",
    "managing",
    "contributing",
    "contributor",
    "contributors",
    "columnist",
    "journalist",
    "journalists",
    "producer",
    "analyst",
    "intern",
    "photographer",
    "freelance",
    "special",
    "political",
    "business",
    "sports",
    "sport",
    "science",
    "health",
    "tech",
    "technology",
    "foreign",
    "national",
    "international",
    "investigative",
    "digital",
    "news",
    "desk",
    "bureau",
    "head",
    "team",
    "associated",
    "press",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "redaktion",
    "rédacteur",
    "rédactrice",
    "journaliste",
    "envoyé",
    "envoyée",
    "redactor",
    "redactora",
    "corresponsal",
    "periodista",
    "giornalista",
    "inviato",
];

/// Values that are placeholders, not names.
const NOT_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "staff",
    "anonymous",
    "unknown",
    "guest",
    "editor",
    "editors",
    "author",
    "user",
    "webmaster",
    "redaktion",
    "redacción",
    "rédaction",
    "redazione",
    "redactie",
    "newsroom",
    "null",
    "none",
    "n/a",
    "na",
];

/// Lower-case particles inside names ("Ludwig van Beethoven", "Ana de la Cruz").
const PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du", "la",
    "le", "el", "al", "bin", "binti", "ibn", "ter", "ten", "zu", "y", "e", "af", "av", "st",
];

/// Organisations by name, lower case.
const ORGANISATIONS: &[&str] = &[
    "reuters",
    "ap",
    "afp",
    "ap news",
    "associated press",
    "the associated press",
    "agence france-presse",
    "agence france presse",
    "dpa",
    "epd",
    "kna",
    "apa",
    "sda",
    "ansa",
    "efe",
    "europa press",
    "lusa",
    "anp",
    "belga",
    "tt",
    "ntb",
    "ritzau",
    "stt",
    "pap",
    "ctk",
    "mti",
    "tass",
    "ria novosti",
    "interfax",
    "sputnik",
    "xinhua",
    "kyodo",
    "yonhap",
    "pti",
    "ians",
    "ani",
    "uni",
    "bernama",
    "antara",
    "anadolu",
    "aa",
    "upi",
    "bloomberg",
    "cnn",
    "bbc",
    "npr",
    "staff",
    "wire",
    "wires",
    "agencies",
    "agences",
    "agencias",
    "agenturen",
];

/// Last words that make a name an organisation ("Fox News", "Daily Mail Reporter" excepted).
const ORGANISATION_ENDINGS: &[&str] = &[
    "news",
    "media",
    "press",
    "agency",
    "agencies",
    "times",
    "post",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "daily",
    "network",
    "group",
    "online",
    "magazine",
    "newsroom",
    "desk",
    "team",
    "staff",
    "wire",
    "service",
    "services",
    "inc",
    "ltd",
    "llc",
    "corp",
    "gmbh",
    "tv",
    "radio",
    "channel",
    "bureau",
    "report",
    "reports",
    "today",
    "digital",
    "redaktion",
    "redacción",
    "rédaction",
    "redazione",
    "redactie",
];

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
    let raw = truncate(raw, 2000);
    let text = collapse_whitespace(raw);
    let text = cut_glued(&text);
    let mut names: Vec<String> = Vec::new();
    let mut person_seen = false;
    for part in split_parts(&text) {
        if names.len() >= MAX_NAMES {
            break;
        }
        let Some(name) = clean_part(part) else {
            continue;
        };
        let organisation = is_organisation(&name);
        if organisation && person_seen {
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
    names
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

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
        out.push_str(word);
    }
    out
}

/// Cuts the byline at the first glued date, time or marker ("Updated", "Photo:"), and drops
/// parenthesised asides ("(Reuters)", "(@handle)").
fn cut_glued(text: &str) -> String {
    let mut end = text.len();
    if let Some((_, range)) = find_date(text, &DateContext::default()) {
        end = end.min(range.start);
    }
    if let Some(i) = first_time(text) {
        end = end.min(i);
    }
    let lower = text.to_lowercase();
    // to_lowercase can change byte lengths; only use positions when they still line up.
    if lower.len() == text.len() {
        for marker in CUT_MARKERS {
            let mut from = 0;
            while let Some(i) = lower[from..].find(marker).map(|i| i + from) {
                let before_ok = i == 0
                    || !lower[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                let after = i + marker.len();
                let after_ok = !lower[after..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                if before_ok && after_ok {
                    end = end.min(i);
                    break;
                }
                from = after;
            }
        }
    }
    let kept = &text[..end];
    let mut out = String::with_capacity(kept.len());
    let mut depth = 0usize;
    for c in kept.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
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
    // Strip byline prefixes ("By", "Written by", "Von:") repeatedly.
    'prefix: loop {
        for prefix in PREFIXES {
            let n = prefix.split(' ').count();
            if words.len() < n {
                continue;
            }
            let matches = prefix.split(' ').zip(&words).all(|(p, w)| {
                w.trim_end_matches(':').eq_ignore_ascii_case(p)
                    || w.to_lowercase().trim_end_matches(':') == p
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
    let mut words: Vec<String> = words.iter().map(trim).filter(|w| !w.is_empty()).collect();
    // Roles at either end ("Senior Reporter Jane Doe", "Jane Doe, Staff Writer").
    while words.first().is_some_and(|w| is_role(w)) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| is_role(w)) {
        words.pop();
    }
    // "Jane Doe is a reporter for ..." is a sentence; so is "for The Times".
    if let Some(first) = words.first()
        && matches!(
            first.to_lowercase().as_str(),
            "for" | "für" | "pour" | "para" | "per" | "special"
        )
    {
        return None;
    }
    let name = words.join(" ");
    let name = name
        .trim_matches(|c: char| c == '.' || c == '-' || c == '\'')
        .trim();
    plausible_name(name).then(|| name.to_string())
}

fn is_contact(word: &str) -> bool {
    word.contains('@') || word.contains("://") || word.starts_with("www.") || word.contains(".com")
}

fn is_role(word: &str) -> bool {
    let lower = word.to_lowercase();
    ROLE_WORDS.contains(&lower.as_str())
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
    let cased = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_uppercase())
    };
    let starts_lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let all_lower = words.iter().all(|w| !cased(w) || starts_lower(w));
    if all_lower {
        // "jane doe" is a name written carelessly; a lower-case phrase of many words is not.
        return words.len() <= 3
            && words
                .iter()
                .all(|w| !PARTICLES.contains(w) || words.len() > 1);
    }
    // Lower-case words other than particles make it a phrase ("John said", "the team").
    words.iter().all(|w| {
        !starts_lower(w)
            || PARTICLES.contains(&w.to_lowercase().as_str())
            || w.starts_with("d'")
            || w.starts_with("l'")
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
    if words
        .last()
        .is_some_and(|w| ORGANISATION_ENDINGS.contains(&w.trim_end_matches('.')))
    {
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
