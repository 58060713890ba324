//! Multilingual lexicons and line patterns of what surrounds an article in flattened text:
//! the headings that open related-story, tag and comment lists, share and subscribe prompts,
//! about/copyright/legal lines, menus of short items joined by separators, headline teasers
//! cut off with `..` or `…`, and relative times ("3 hours ago").
//!
//! Languages: English, German, French, Spanish, Italian, Portuguese, Dutch, Polish,
//! Swedish, Russian, Turkish, Indonesian. Phrases are matched on the lower-cased line with
//! trailing punctuation removed.

use super::lexicon;
use crate::textmeta::phrases::{PhraseSet, Phrases};

/// What a line is, as far as the lexicons can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Nothing known.
    Plain,
    /// A heading opening what follows the article: related or recent stories, "more from",
    /// comments, newsletter boxes.
    EndMarker,
    /// A tag-list label ("Related Topics", "Tags:"), alone or followed by the tags.
    TagLabel,
    /// Noise anywhere: share/subscribe prompts, advertising labels, copyright, legal and
    /// about lines, "read more", relative times, menus, cut-off teasers.
    Noise,
}

/// Headings that open the part after the article.
const END_MARKERS: &[&str] = &[
    // English
    "related",
    "related stories",
    "related articles",
    "related news",
    "related posts",
    "related content",
    "related coverage",
    "recent stories",
    "recent posts",
    "recent news",
    "recent articles",
    "latest news",
    "latest stories",
    "latest",
    "more stories",
    "more news",
    "more articles",
    "more on this story",
    "more on this topic",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "most popular",
    "most read",
    "most viewed",
    "most shared",
    "trending",
    "trending now",
    "top stories",
    "editor's picks",
    "editors' picks",
    "comments",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "join the conversation",
    "sign up for our newsletter",
    "newsletter",
    "read next",
    "up next",
    "what to read next",
    "around the web",
    "from around the web",
    "sponsored",
    "sponsored content",
    "promoted stories",
    "also read",
    "see also",
    "further reading",
    "popular",
    "popular stories",
    "in other news",
    "share this article",
    "share this story",
    "share this",
    "share",
    "about the author",
    // German
    "mehr zum thema",
    "weitere artikel",
    "weitere nachrichten",
    "das könnte sie auch interessieren",
    "das könnte sie interessieren",
    "auch interessant",
    "meistgelesen",
    "meistgelesene artikel",
    "am meisten gelesen",
    "neueste artikel",
    "kommentare",
    "artikel teilen",
    "empfehlungen",
    "verwandte artikel",
    "ähnliche artikel",
    "lesen sie auch",
    "mehr aus diesem ressort",
    // French
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "sur le même sujet",
    "articles similaires",
    "articles liés",
    "les plus lus",
    "les plus partagés",
    "commentaires",
    "à voir aussi",
    "dans la même rubrique",
    "derniers articles",
    "partager cet article",
    "vous aimerez aussi",
    // Spanish
    "noticias relacionadas",
    "artículos relacionados",
    "te puede interesar",
    "también te puede interesar",
    "lo más leído",
    "lo más visto",
    "más noticias",
    "comentarios",
    "últimas noticias",
    "contenido relacionado",
    "te recomendamos",
    // Italian
    "articoli correlati",
    "potrebbe interessarti",
    "ti potrebbe interessare",
    "i più letti",
    "più letti",
    "commenti",
    "leggi anche",
    "ultime notizie",
    "notizie correlate",
    // Portuguese
    "notícias relacionadas",
    "leia também",
    "leia mais",
    "mais lidas",
    "mais lidos",
    "comentários",
    "veja também",
    "últimas notícias",
    "matérias relacionadas",
    // Dutch
    "gerelateerde artikelen",
    "lees ook",
    "meest gelezen",
    "reacties",
    "meer nieuws",
    "laatste nieuws",
    "lees meer",
    // Polish
    "czytaj także",
    "czytaj też",
    "zobacz też",
    "zobacz także",
    "najczęściej czytane",
    "komentarze",
    "polecane",
    "najnowsze",
    "podobne artykuły",
    // Swedish
    "relaterade artiklar",
    "mest läst",
    "läs också",
    "läs mer",
    "kommentarer",
    // Russian
    "читайте также",
    "похожие новости",
    "популярное",
    "комментарии",
    "другие новости",
    "последние новости",
    "самое читаемое",
    // Turkish
    "ilgili haberler",
    "en çok okunanlar",
    "yorumlar",
    "diğer haberler",
    // Indonesian
    "berita terkait",
    "baca juga",
    "terpopuler",
    "berita lainnya",
    "komentar",
];

/// Tag-list labels.
const TAG_LABELS: &[&str] = &[
    "related topics",
    "topics",
    "tags",
    "tagged",
    "tagged with",
    "keywords",
    "filed under",
    "schlagwörter",
    "schlagworte",
    "themen",
    "stichwörter",
    "mots-clés",
    "mots clés",
    "thèmes",
    "etiquetas",
    "temas",
    "tag",
    "argomenti",
    "tags relacionadas",
    "trefwoorden",
    "onderwerpen",
    "tagi",
    "tematy",
    "taggar",
    "ämnen",
    "теги",
    "метки",
    "темы",
    "etiketler",
    "konular",
    "topik",
    "label",
];

/// Whole lines that are noise wherever they stand: buttons and labels.
const NOISE_EXACT: &[&str] = &[
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "sponsored",
    "print",
    "email",
    "e-mail",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "telegram",
    "x",
    "instagram",
    "youtube",
    "tumblr",
    "flipboard",
    "menu",
    "toggle navigation",
    "search",
    "home",
    "close",
    "next",
    "previous",
    "top",
    "share",
    "tweet",
    "comment",
    "rss",
    "login",
    "log in",
    "register",
    "sitemap",
    "site map",
    "accessibility",
    "newsletter",
    "subscribe",
    "more",
    "loading",
    // German
    "anzeige",
    "werbung",
    "teilen",
    "drucken",
    "impressum",
    "datenschutz",
    "kontakt",
    "suche",
    "startseite",
    "mehr",
    "weiter",
    "zurück",
    // French
    "partager",
    "publicité",
    "imprimer",
    "rechercher",
    "accueil",
    "suite",
    // Spanish, Italian, Portuguese
    "compartir",
    "publicidad",
    "imprimir",
    "buscar",
    "inicio",
    "condividi",
    "pubblicità",
    "stampa",
    "cerca",
    "compartilhe",
    "compartilhar",
    "publicidade",
    "pesquisar",
    // Dutch, Polish, Swedish
    "delen",
    "advertentie",
    "zoeken",
    "udostępnij",
    "reklama",
    "szukaj",
    "dela",
    "annons",
    "sök",
    // Russian, Turkish, Indonesian
    "поделиться",
    "реклама",
    "поиск",
    "paylaş",
    "reklam",
    "bagikan",
    "iklan",
];

/// Prompts that make a short line noise when it starts with them (a whole word).
const NOISE_PREFIXES: &[&str] = &[
    // English
    "share on",
    "share this",
    "share via",
    "follow us",
    "follow @",
    "subscribe to",
    "subscribe now",
    "sign up",
    "sign in",
    "log in to",
    "click here",
    "tap here",
    "read more",
    "read the full",
    "continue reading",
    "sponsored by",
    "skip to",
    "jump to",
    "back to top",
    "print this",
    "email this",
    "download the app",
    "get the app",
    "all rights reserved",
    "copyright",
    "©",
    "(c)",
    "privacy policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "cookie policy",
    "cookie settings",
    "about us",
    "contact us",
    "watch video",
    "watch:",
    "view all",
    "view comments",
    "show comments",
    "load more",
    "see more",
    "see all",
    "photo:",
    "image:",
    "please enable javascript",
    "javascript is",
    "your browser",
    "please turn on javascript",
    "this video",
    "related:",
    // German
    "auf facebook teilen",
    "mehr lesen",
    "weiterlesen",
    "abonnieren",
    "newsletter abonnieren",
    "folgen sie",
    "jetzt abonnieren",
    "alle rechte vorbehalten",
    "zur startseite",
    "foto:",
    "bild:",
    "lesen sie mehr",
    "mehr zum thema:",
    // French
    "lire la suite",
    "mentions légales",
    "s'abonner",
    "abonnez-vous",
    "suivez-nous",
    "tous droits réservés",
    "politique de confidentialité",
    "lire aussi:",
    // Spanish
    "leer más",
    "aviso legal",
    "suscríbete",
    "síguenos",
    "todos los derechos reservados",
    "política de privacidad",
    "lee también:",
    // Italian
    "leggi tutto",
    "iscriviti",
    "seguici",
    "tutti i diritti riservati",
    "leggi anche:",
    // Portuguese
    "assine",
    "siga-nos",
    "todos os direitos reservados",
    "leia também:",
    "leia mais:",
    // Dutch
    "abonneer",
    "volg ons",
    "alle rechten voorbehouden",
    "lees ook:",
    "lees meer",
    // Polish
    "czytaj więcej",
    "subskrybuj",
    "obserwuj nas",
    "wszelkie prawa zastrzeżone",
    "czytaj też:",
    "czytaj także:",
    // Swedish
    "prenumerera",
    "läs mer",
    // Russian
    "подписаться",
    "подробнее",
    "все права защищены",
    "читайте также:",
];

/// Phrases that make a line noise wherever they stand inside it.
const NOISE_ANYWHERE: &[&str] = &[
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    "todos os direitos reservados",
    "alle rechten voorbehouden",
    "wszelkie prawa zastrzeżone",
    "все права защищены",
    "reproduction without",
    "without permission",
    "without proper consent",
    "is not responsible for the content",
    "cookies to",
    "uses cookies",
    "verwendet cookies",
    "utilise des cookies",
    "utiliza cookies",
    "utilizza cookie",
];

/// The exact-match lists as one hash set, and the prefix and anywhere phrases as automata:
/// every short line of every page goes through them.
struct Lexicons {
    exact: std::collections::HashMap<&'static str, Kind, FnvBuild>,
    prefixes: aho_corasick::AhoCorasick,
    anywhere: Phrases,
    /// [`NOISE_ANYWHERE`] in any ASCII case with the other letters' usual casings, for long
    /// lines, which are not lower-cased for the short-line lexicons.
    anywhere_any_case: Phrases,
    /// Cheap tests before the lookups, which most lines fail: the longest exact entry, the
    /// shortest anywhere phrase, and the bytes noise prefixes start with.
    longest_exact: usize,
    shortest_anywhere: usize,
    prefix_starts: [bool; 256],
}

fn lexicons() -> Option<&'static Lexicons> {
    static LEXICONS: std::sync::OnceLock<Option<Lexicons>> = std::sync::OnceLock::new();
    LEXICONS
        .get_or_init(|| {
            let mut exact = std::collections::HashMap::with_hasher(FnvBuild);
            for &w in NOISE_EXACT {
                exact.insert(w, Kind::Noise);
            }
            for &w in END_MARKERS {
                exact.insert(w, Kind::EndMarker);
            }
            for &w in TAG_LABELS {
                exact.insert(w, Kind::TagLabel);
            }
            // DFAs: a few hundred states at most, and the fastest search per byte.
            let prefixes = aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .start_kind(aho_corasick::StartKind::Anchored)
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(NOISE_PREFIXES)
                .ok()?;
            let anywhere = Phrases::new(NOISE_ANYWHERE, false)?;
            let anywhere_any_case = Phrases::new(&case_variants(NOISE_ANYWHERE), true)?;
            let longest_exact = exact.keys().map(|k| k.len()).max().unwrap_or(0);
            let shortest_anywhere = NOISE_ANYWHERE.iter().map(|p| p.len()).min().unwrap_or(0);
            let mut prefix_starts = [false; 256];
            for prefix in NOISE_PREFIXES {
                if let Some(&b) = prefix.as_bytes().first() {
                    prefix_starts[usize::from(b)] = true;
                }
            }
            Some(Lexicons {
                exact,
                prefixes,
                anywhere,
                anywhere_any_case,
                longest_exact,
                shortest_anywhere,
                prefix_starts,
            })
        })
        .as_ref()
}

/// The phrases as an ASCII-case-insensitive search must be given them: as listed, and for
/// phrases with other letters also in capitals, capitalised and in title case (`Все права
/// защищены`, `TOUS DROITS RÉSERVÉS`).
fn case_variants(phrases: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for phrase in phrases {
        let mut variants = vec![phrase.to_string()];
        if !phrase.is_ascii() {
            let capitalise = |word: &str| {
                let mut chars = word.chars();
                chars.next().map_or(String::new(), |first| {
                    first.to_uppercase().chain(chars).collect::<String>()
                })
            };
            variants.push(phrase.to_uppercase());
            variants.push(capitalise(phrase));
            variants.push(
                phrase
                    .split(' ')
                    .map(capitalise)
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        for variant in variants {
            let variant = variant.to_ascii_lowercase();
            if !out.contains(&variant) {
                out.push(variant);
            }
        }
    }
    out
}

/// FNV hashing for the lexicon map: keys are short, and SipHash showed in profiles.
#[derive(Default, Clone, Copy)]
pub(crate) struct FnvBuild;

/// See [`FnvBuild`].
pub(crate) struct Fnv(u64);

impl std::hash::BuildHasher for FnvBuild {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Whether `lower` starts with one of the noise prompts, ending at a word boundary.
fn noise_prefix(lexicons: &Lexicons, lower: &str) -> bool {
    let input = aho_corasick::Input::new(lower).anchored(aho_corasick::Anchored::Yes);
    lexicons
        .prefixes
        .find(input)
        .is_some_and(|m| starts_with_word(lower, &lower[..m.end()]))
}

/// Lines longer than this (in bytes) are prose; the lexicons are not looked up for them.
const SHORT_LINE_BYTES: usize = 220;
/// Long lines are searched for legal phrases up to this length ...
const LEGAL_LINE_BYTES: usize = 600;
/// ... and up to this one when they hold a copyright sign: a site's legal footer runs to a
/// few hundred words (trademark lists, data-provider credits, "© ... All rights reserved"
/// at the end), while searching every long paragraph cost a tenth of the flat time.
const SIGNED_LEGAL_LINE_BYTES: usize = 1500;

/// Strips what decorates labels (`Tags:`, `Related »`, `• More`).
fn trim_label(text: &str) -> &str {
    // Most lines start and end with an ASCII character that is kept (a letter, a digit, a
    // full stop): answered from two bytes, without decoding characters from both ends.
    let kept = |b: Option<&u8>| {
        b.is_some_and(|&b| {
            b.is_ascii()
                && !char::from(b).is_whitespace()
                && !matches!(b, b':' | b'>' | b'<' | b'|' | b'-')
        })
    };
    let bytes = text.as_bytes();
    if kept(bytes.first()) && kept(bytes.last()) {
        return text;
    }
    text.trim_matches(is_decoration)
}

/// What [`trim_label`] strips.
fn is_decoration(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ':' | '»' | '›' | '>' | '<' | '«' | '|' | '-' | '•' | '·' | '…'
        )
}

thread_local! {
    /// The buffer [`with_lowercase`] writes into, kept between calls.
    static LOWER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Runs `f` on the lower-cased `text` (as `str::to_lowercase` has it). Every short line of
/// every page is lower-cased for the lexicons, and an allocation per line was a tenth of
/// the time: the text is lower-cased into a buffer kept per thread (a call made from inside
/// `f` gets a fresh string), ASCII bytes and the commonest other letters without the case
/// tables.
pub(crate) fn with_lowercase<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    // A capital sigma lower-cases by its place in the word: left to the standard library.
    if !text.is_ascii() && text.contains('Σ') {
        return f(&text.to_lowercase());
    }
    LOWER.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buffer) => {
            buffer.clear();
            push_lowercase(&mut buffer, text);
            f(&buffer)
        }
        Err(_) => {
            let mut buffer = String::with_capacity(text.len());
            push_lowercase(&mut buffer, text);
            f(&buffer)
        }
    })
}

/// Appends `text` lower-cased character by character (ASCII letters, the commonest other
/// letters without the case tables, the rest as `char::to_lowercase` has them; unlike
/// `str::to_lowercase`, a capital sigma always becomes `σ`). Runs of ASCII bytes, most of
/// most lines, are copied and lower-cased at once rather than decoded one by one.
pub(crate) fn push_lowercase(buffer: &mut String, text: &str) {
    buffer.reserve(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = ascii_prefix_len(rest.as_bytes());
        // A byte below 0x80 is a whole character: `ascii` is a character boundary.
        let (run, tail) = rest.split_at(ascii);
        let start = buffer.len();
        buffer.push_str(run);
        if let Some(pushed) = buffer.get_mut(start..) {
            pushed.make_ascii_lowercase();
        }
        let mut chars = tail.chars();
        let Some(c) = chars.next() else {
            break;
        };
        match lexicon::lower_common(c) {
            Some(lower) => buffer.push(lower),
            None => buffer.extend(c.to_lowercase()),
        }
        rest = chars.as_str();
    }
}

/// How many bytes at the start of `bytes` are ASCII: eight tested at once (one mask of
/// their top bits), the rest one by one.
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    let mut at = 0;
    while let Some(chunk) = bytes
        .get(at..at + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let high = u64::from_le_bytes(chunk) & 0x8080_8080_8080_8080;
        if high != 0 {
            return at + (high.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes
        .get(at..)
        .map_or(0, |tail| tail.iter().take_while(|b| b.is_ascii()).count())
}

/// Classifies one unit.
pub(crate) fn classify(text: &str) -> Kind {
    let Some(lexicons) = lexicons() else {
        return Kind::Plain;
    };
    if text.len() > SHORT_LINE_BYTES {
        return classify_long(lexicons, text);
    }
    with_lowercase(trim_label(text), |lower| {
        classify_short(lexicons, text, lower)
    })
}

/// Whether [`classify_lowered`] reads the lower-cased text of `text`.
pub(crate) fn reads_lowercase(text: &str) -> bool {
    text.len() <= SHORT_LINE_BYTES
}

/// [`classify`], given `lower`, the text as [`push_lowercase`] appends it (read only when
/// [`reads_lowercase`]): the segmenter lower-cases each unit once, for this and for the
/// hash that finds repeated units. Trimming the label's decoration and lower-casing can go
/// in either order, since no decoration character has a lower case and no lower-cased
/// letter is decoration; only a capital sigma, which `str::to_lowercase` lower-cases by its
/// place in the word, takes the path of [`classify`].
pub(crate) fn classify_lowered(text: &str, lower: &str) -> Kind {
    let Some(lexicons) = lexicons() else {
        return Kind::Plain;
    };
    if !reads_lowercase(text) {
        return classify_long(lexicons, text);
    }
    if !text.is_ascii() && text.contains('Σ') {
        return classify(text);
    }
    classify_short(lexicons, text, trim_label(lower))
}

/// [`classify`] for a long line: searched as it is, in any case (lower-casing long lines,
/// other scripts char by char, cost more than the search), for legal phrases only.
fn classify_long(lexicons: &Lexicons, text: &str) -> Kind {
    let searched = text.len() < LEGAL_LINE_BYTES
        || (text.len() < SIGNED_LEGAL_LINE_BYTES && text.contains('©'));
    let noisy = searched && lexicons.anywhere_any_case.in_text(text);
    if noisy { Kind::Noise } else { Kind::Plain }
}

/// [`classify`] for a short line; `lower` is its label-trimmed lower-case form.
fn classify_short(lexicons: &Lexicons, text: &str, lower: &str) -> Kind {
    if lower.is_empty() {
        return Kind::Noise;
    }
    let label = lower.split(':').next().unwrap_or("").trim();
    let exact = |key: &str| {
        if key.len() > lexicons.longest_exact {
            None
        } else {
            lexicons.exact.get(key).copied()
        }
    };
    let whole = exact(lower);
    let labelled = if label == lower { whole } else { exact(label) };
    if labelled == Some(Kind::TagLabel) {
        return Kind::TagLabel;
    }
    match whole {
        Some(Kind::EndMarker) => return Kind::EndMarker,
        Some(Kind::Noise) => return Kind::Noise,
        _ => {}
    }
    // Every "more from" prefix and "more" heading starts with one of these letters (a cheap
    // first test).
    let more_like = matches!(
        lower.chars().next(),
        Some('m' | 'l' | 'p' | 'a' | 'w' | 'е' | 'r' | 't')
    );
    if more_like && (more_from(text).is_some() || short_more_heading(lower)) {
        return Kind::EndMarker;
    }
    let first = lower.as_bytes().first().map_or(0, |&b| usize::from(b));
    if (lexicons.prefix_starts[first] && noise_prefix(lexicons, lower))
        || (lower.len() >= lexicons.shortest_anywhere && lexicons.anywhere.in_text(lower))
        || is_relative_time(lower)
        || is_menu(text)
        || is_cut_title(text)
        // The site's notice ("… (c) 2012 The Site | powered by …") ends pages wherever the
        // sign stands in the line, not only at its start.
        || (may_hold_copyright_sign(text) && crate::filter::has_copyright_notice(text))
    {
        return Kind::Noise;
    }
    Kind::Plain
}

/// Whether `text` holds `©` or `(c)`/`(C)`: one byte scan, so that the full notice test
/// (three substring searches; run on every short line it added a tenth to the instructions
/// of the flat benchmark) runs only on the few lines with a sign.
fn may_hold_copyright_sign(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `©` is C2 A9 in UTF-8.
    memchr::memchr2_iter(b'(', 0xA9, bytes).any(|i| {
        if bytes[i] == b'(' {
            matches!(bytes.get(i + 1), Some(b'c' | b'C')) && bytes.get(i + 2) == Some(&b')')
        } else {
            i > 0 && bytes[i - 1] == 0xC2
        }
    })
}

/// `text` starts with `prefix` and the prefix ends at a word boundary.
fn starts_with_word(text: &str, prefix: &str) -> bool {
    text.starts_with(prefix)
        && (prefix.ends_with(|c: char| !c.is_alphanumeric())
            || text[prefix.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric()))
}

/// "More trending", "More videos", "Read more stories", "Must read": short headings of
/// teaser boxes.
fn short_more_heading(lower: &str) -> bool {
    let mut words = lower.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    (1..=3).contains(&words.take(4).count())
        && (matches!(
            first,
            "more" | "mehr" | "plus" | "más" | "altri" | "mais" | "meer" | "więcej" | "ещё" | "еще"
        ) || lower.starts_with("read more")
            || lower.starts_with("must read")
            || lower.starts_with("what's trending")
            || lower.starts_with("trending"))
}

/// Headings and counters that open a comment section: `Comments`, `274 Comments`,
/// `Leave a Reply`, `Comments Filter:`, `12 responses to "..."`.
pub(crate) fn opens_comments(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "comments",
        "comment",
        "responses",
        "replies",
        "reactions",
        "discussion",
        "kommentare",
        "kommentar",
        "leserkommentare",
        "commentaires",
        "commentaire",
        "comentarios",
        "comentario",
        "commenti",
        "commento",
        "comentários",
        "reacties",
        "reactie",
        "komentarze",
        "komentarz",
        "комментарии",
        "комментариев",
        "kommentarer",
        "yorumlar",
        "komentar",
    ];
    const PHRASES: &[&str] = &[
        "leave a reply",
        "leave a comment",
        "post a comment",
        "add a comment",
        "add comment",
        "write a comment",
        "join the discussion",
        "join the conversation",
        "comments filter",
        "comments are closed",
        "comments closed",
        "no comments yet",
        "kommentare sind geschlossen",
        "les commentaires sont fermés",
        "comentarios cerrados",
        "i commenti sono chiusi",
        "what do you think",
        "your comment",
        "kommentar schreiben",
        "laisser un commentaire",
        "deja un comentario",
        "lascia un commento",
        "deixe um comentário",
        "napisz komentarz",
    ];
    if counts_comments_on(text) {
        return true;
    }
    if text.len() > 80 {
        return false;
    }
    with_lowercase(trim_label(text), |lower| {
        comment_heading(lower, WORDS, PHRASES)
    })
}

/// The counter a blog prints over its comments, naming the post (so as long as a
/// headline, and prose-like to the classes): `40 Responses to “Headline”`, `2 thoughts on
/// “Headline”`, `14 comments to Headline`, `3 Kommentare zu „Titel“`.
pub(crate) fn counts_comments_on(text: &str) -> bool {
    const COUNTED: &[&str] = &[
        "responses",
        "response",
        "comments",
        "comment",
        "replies",
        "reply",
        "thoughts",
        "thought",
        "reactions",
        "kommentare",
        "kommentar",
        "commentaires",
        "commentaire",
        "comentarios",
        "comentario",
        "commenti",
        "commento",
        "comentários",
        "comentário",
        "reacties",
        "reactie",
        "komentarze",
        "komentarzy",
    ];
    const ON: &[&str] = &[
        "to", "on", "for", "about", "zu", "auf", "à", "sur", "a", "en", "para", "sobre", "per",
        "su", "op", "bij", "do", "na", "pod",
    ];
    if text.len() > 300 {
        return false;
    }
    let mut words = text.split_whitespace();
    let Some(count) = words.next() else {
        return false;
    };
    // Most lines start with neither a number nor a short word: the cheap tests first.
    if !(count.bytes().all(|b| b.is_ascii_digit()) || count.len() <= 6 && is_count_word(count)) {
        return false;
    }
    let (Some(noun), Some(on)) = (words.next(), words.next()) else {
        return false;
    };
    let is = |word: &str, list: &[&str]| {
        word.chars().count() <= 12 && list.contains(&word.to_lowercase().as_str())
    };
    if !(is(noun, COUNTED) && is(on, ON)) {
        return false;
    }
    // The post's name is quoted, or at least does not end like a sentence: "40 responses to
    // the survey came in." is prose.
    let name = words.next().unwrap_or_default();
    let quoted = name.starts_with(['“', '"', '„', '«', '‘', '\'', '»', '‚']);
    quoted || !text.trim_end().ends_with(['.', '!', '?', ';', ':'])
}

/// Small counts written out, as comment counters print them (`One Response to ...`, `Ein
/// Kommentar`, `Un commentaire`); not `no`, which post-meta lines print above articles.
fn is_count_word(word: &str) -> bool {
    const COUNTS: &[&str] = &[
        "one", "two", "three", "ein", "eine", "zwei", "drei", "un", "une", "deux", "trois", "uno",
        "una", "dos", "tres", "due", "tre", "um", "uma", "dois", "duas", "três", "één", "een",
        "twee", "drie", "jeden", "dwa", "trzy",
    ];
    // Runs for the first word of every unit of the article run: no lower-cased copy for
    // ASCII words.
    if word.is_ascii() {
        COUNTS.iter().any(|c| c.eq_ignore_ascii_case(word))
    } else {
        COUNTS.contains(&word.to_lowercase().as_str())
    }
}

/// Whether `word` is a count: digits or a small count written out.
fn is_count(word: &str) -> bool {
    (!word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())) || is_count_word(word)
}

/// [`opens_comments`] on the label-trimmed lower-case line.
fn comment_heading(lower: &str, known: &[&str], phrases: &[&str]) -> bool {
    // The first byte turns away most phrases before the comparison.
    let first = lower.as_bytes().first();
    if phrases
        .iter()
        .any(|p| p.as_bytes().first() == first && lower.starts_with(p))
    {
        return true;
    }
    // "There are 27 comments. Add yours.": the counter put in a sentence.
    if let Some(rest) = lower
        .strip_prefix("there are ")
        .or_else(|| lower.strip_prefix("there is "))
    {
        return comment_heading(rest, known, &[]);
    }
    // The first two words and how many follow (up to the seven that decide), without
    // collecting them: this runs for every short unit of the article run.
    let mut words = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let (first, second) = (words.next(), words.next());
    let more = words.take(7).count();
    match (first, second) {
        (Some(w), None) => known.contains(&w),
        (Some(a), Some(b)) if more == 0 => {
            let number = |w: &str| w.bytes().all(|b| b.is_ascii_digit());
            (known.contains(&a) && number(b)) || (known.contains(&b) && is_count(a))
        }
        (Some(n), Some(w)) if more <= 6 => is_count(n) && known.contains(&w),
        _ => false,
    }
}

/// Month names and abbreviations a comment stamp may carry.
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "januar",
    "februar", "märz", "mai", "juni", "juli", "okt", "dez", "janv", "févr", "mars", "avr", "juin",
    "juil", "août", "sept", "déc", "ene", "abr", "ago", "dic", "gen", "giu", "lug", "set", "ott",
    "out", "dez",
];

/// A short line stamping a post or a comment with a date or a time next to a name:
/// `Jane Roe — July 17th, 2012, 6:45 pm`, `jroe | 9 Nov 2012 2:34 AM | Reply`.
pub(crate) fn is_stamp(text: &str, words: u32) -> bool {
    // A time, a numeric date and a month date all need a digit: most lines have none.
    if !(2..=16).contains(&words) || text.len() > 160 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let bytes = text.as_bytes();
    let time = bytes.windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    }) || bytes.windows(5).any(|w| {
        w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit() && w[0].is_ascii_digit()
    });
    let numeric_date = bytes.windows(5).any(|w| {
        w[0].is_ascii_digit()
            && matches!(w[1], b'.' | b'/' | b'-')
            && w[2].is_ascii_digit()
            && (w[3].is_ascii_digit() && matches!(w[4], b'.' | b'/' | b'-')
                || matches!(w[3], b'.' | b'/' | b'-'))
    });
    with_lowercase(text, |lower| stamp_words(text, lower, time, numeric_date))
}

/// The word tests of [`is_stamp`], on the lower-cased line.
fn stamp_words(text: &str, lower: &str, time: bool, numeric_date: bool) -> bool {
    let bytes = text.as_bytes();
    // A date alone is a teaser or a list item; a comment stamp also names who and says what.
    static ATTRIBUTION: PhraseSet = PhraseSet::new(&[
        " | ",
        " — ",
        " - ",
        "@",
        " says",
        "reply",
        "wrote",
        "posted",
        " by ",
        "said on",
        "schrieb",
        "antworten",
        "répondre",
        "responder",
        "rispondi",
    ]);
    static POST_STAMP: PhraseSet = PhraseSet::new(&[
        "posted",
        "permalink",
        "trackback",
        "comments (",
        "comment (",
        "// link",
    ]);
    let attribution = ATTRIBUTION.in_text(lower);
    let named = lower
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .filter(|w| !matches!(*w, "am" | "pm" | "min" | "uhr" | "h"))
        .count()
        >= 2;
    // "posted by ... at 9:51 PM" closes a blog post, and a time first opens a live-blog entry:
    // the posts of such pages are all content.
    let post_stamp = POST_STAMP.in_text(lower) || bytes.first().is_some_and(u8::is_ascii_digit);
    if !named || (!time && !attribution) || post_stamp {
        return false;
    }
    let month_date = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m) && w.len() <= 9))
        && bytes.iter().any(u8::is_ascii_digit);
    time || numeric_date || month_date
}

/// The section named by a "More Stories From World" line: `World`.
pub(crate) fn more_from(text: &str) -> Option<&str> {
    const PREFIXES: &[&str] = &[
        "more stories from ",
        "more stories in ",
        "more news from ",
        "more from ",
        "more in ",
        "more articles from ",
        "more articles in ",
        "latest from ",
        "mehr aus ",
        "mehr zum ",
        "plus d'articles ",
        "plus de ",
        "más de ",
        "más noticias de ",
        "altro da ",
        "altre notizie di ",
        "mais de ",
        "meer over ",
        "więcej z ",
        "ещё из ",
        "еще из ",
    ];
    let trimmed = text.trim().trim_end_matches(['»', '›', '>', ':', ' ']);
    // Every prefix's first word takes four to seven bytes: a line whose first space is
    // elsewhere matches none of them (most lines this is asked about).
    let first_space = trimmed.as_bytes().iter().take(8).position(|&b| b == b' ');
    if trimmed.len() > 80 || !first_space.is_some_and(|at| (4..=7).contains(&at)) {
        return None;
    }
    for prefix in PREFIXES {
        if let Some(head) = trimmed.get(..prefix.len())
            && head.eq_ignore_ascii_case(prefix)
        {
            let rest = trimmed[prefix.len()..].trim();
            let words = rest.split_whitespace().count();
            if (1..=4).contains(&words) && rest.chars().next().is_some_and(char::is_uppercase) {
                return Some(rest);
            }
        }
    }
    None
}

/// "3 hours ago", "vor 2 Stunden", "il y a 5 min", "hace 3 horas", "2 ore fa", "há 1 hora",
/// "3 uur geleden", "2 godziny temu", "5 часов назад", "Yesterday".
pub(crate) fn is_relative_time(lower: &str) -> bool {
    const UNITS: &[&str] = &[
        "sec", "second", "min", "minute", "hour", "hr", "day", "week", "month", "year", "h", "m",
        "d", "std", "stunde", "tag", "woche", "monat", "jahr", "heure", "jour", "semaine", "mois",
        "an", "hora", "día", "dia", "semana", "mes", "año", "ora", "ore", "giorn", "uur", "dag",
        "minuut", "minut", "godzin", "dni", "dzie", "час", "мин", "дн", "timme", "timm", "saat",
        "gün", "jam", "hari", "menit",
    ];
    static AGO: PhraseSet = PhraseSet::new(&[
        "ago",
        "vor",
        "il y a",
        "hace",
        "fa",
        "há",
        "geleden",
        "temu",
        "назад",
        "sedan",
        "önce",
        "yang lalu",
        "lalu",
    ]);
    if lower.len() > 40 {
        return false;
    }
    if matches!(
        lower,
        "yesterday"
            | "today"
            | "just now"
            | "gestern"
            | "heute"
            | "hier"
            | "ayer"
            | "ieri"
            | "ontem"
            | "gisteren"
            | "wczoraj"
            | "вчера"
    ) {
        return true;
    }
    let has_digit = lower.bytes().any(|b| b.is_ascii_digit())
        || lower.starts_with("an ")
        || lower.starts_with("a ")
        || lower.starts_with("one ");
    has_digit
        && AGO.in_text(lower)
        && lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| !w.is_empty() && UNITS.iter().any(|u| w.starts_with(u)))
}

/// A menu flattened to one line: at least three short items joined by ` | `, ` - `, ` • `,
/// ` · ` or ` / `.
pub(crate) fn is_menu(text: &str) -> bool {
    const SEPARATORS: [&str; 7] = [" | ", " - ", " • ", " · ", " / ", " :: ", " – "];
    // Two separators need two bytes that can start one, which most lines lack: counted in
    // byte-wide vector lanes before the places are.
    let bytes = text.as_bytes();
    if separator_leads(bytes) < 2 {
        return false;
    }
    if separator_places(bytes) < 2 {
        return false;
    }
    let counts = separator_counts(text);
    for (separator, count) in SEPARATORS.into_iter().zip(counts) {
        if count < 2 {
            continue;
        }
        let mut items = 0;
        let mut longest = 0;
        let mut total = 0;
        for item in text.split(separator) {
            let words = item.split_whitespace().count();
            items += 1;
            total += words;
            longest = longest.max(words);
        }
        if items >= 3 && longest <= 5 && total <= items * 3 {
            return true;
        }
    }
    false
}

/// Bytes that can start one of [`is_menu`]'s separators after its space: at least as many
/// as [`separator_places`].
fn separator_leads(bytes: &[u8]) -> u32 {
    count_bytes(bytes, |b| {
        matches!(b, b'|' | b'-' | b'/' | b':' | 0xe2 | 0xc2)
    })
}

/// Places where a space comes before one of [`is_menu`]'s separators' first one or two
/// bytes.
fn separator_places(bytes: &[u8]) -> usize {
    bytes
        .windows(3)
        .filter(|w| {
            w[0] == b' '
                && match w[1] {
                    b'|' | b'-' | b'/' => w[2] == b' ',
                    b':' => w[2] == b':',
                    0xe2 => w[2] == 0x80,
                    0xc2 => w[2] == 0xb7,
                    _ => false,
                }
        })
        .count()
}

/// How many bytes of `bytes` are `wanted`: in chunks of up to 255 with a byte-wide
/// counter and no branch, which the compiler turns into sixteen-lane vector compares and
/// adds. A cheap first test for the patterns most short lines lack.
#[inline(always)]
fn count_bytes(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> u32 {
    let mut total = 0;
    for chunk in bytes.chunks(255) {
        let mut count = 0u8;
        for &b in chunk {
            count += u8::from(wanted(b));
        }
        total += u32::from(count);
    }
    total
}

/// How often each separator of [`is_menu`] occurs, in one pass over the bytes (this runs
/// for every short line, and seven substring searches per line were a tenth of the time).
fn separator_counts(text: &str) -> [u32; 7] {
    let mut counts = [0u32; 7];
    let bytes = text.as_bytes();
    let mut i = 1;
    while i + 1 < bytes.len() {
        if bytes[i - 1] == b' ' {
            let rest = &bytes[i..];
            let kind = match rest {
                [b'|', b' ', ..] => Some(0),
                [b'-', b' ', ..] => Some(1),
                [0xe2, 0x80, 0xa2, b' ', ..] => Some(2),
                [0xc2, 0xb7, b' ', ..] => Some(3),
                [b'/', b' ', ..] => Some(4),
                [b':', b':', b' ', ..] => Some(5),
                [0xe2, 0x80, 0x93, b' ', ..] => Some(6),
                _ => None,
            };
            if let Some(kind) = kind {
                counts[kind] += 1;
            }
        }
        i += 1;
    }
    counts
}

/// A teaser cut off mid-sentence: `Kansas Woman Accused of Leading ISIS Female Battal ..`.
pub(crate) fn is_cut_title(text: &str) -> bool {
    let trimmed = text.trim_end();
    let cut = (trimmed.ends_with("..") && !trimmed.ends_with("..."))
        || trimmed.ends_with(" …")
        || trimmed.ends_with(" ...");
    cut && trimmed.split_whitespace().count() <= 30
}

/// Tags on a tag line: separated by commas, pipes, bullets or semicolons when the line has
/// them; otherwise a run of capitalised words, grouped into names by `joins` (whether two
/// adjacent words belong to one tag).
pub(crate) fn split_tags(line: &str, joins: impl Fn(&str, &str) -> bool) -> Vec<String> {
    let line = line.trim();
    for separator in [",", " | ", "|", " • ", " · ", ";", "، ", "、"] {
        if line.contains(separator) {
            return line
                .split(separator)
                .map(|t| t.trim().trim_start_matches('#').trim().to_string())
                .filter(|t| !t.is_empty() && t.split_whitespace().count() <= 6)
                .collect();
        }
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    if words.len() <= 3 || capitalised * 10 < words.len() * 8 {
        return if words.len() <= 4 {
            vec![line.to_string()]
        } else {
            Vec::new()
        };
    }
    let mut tags: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, word) in words.iter().enumerate() {
        if !current.is_empty() {
            let previous = words[i - 1];
            if joins(previous, word) {
                current.push(' ');
                current.push_str(word);
                continue;
            }
            tags.push(std::mem::take(&mut current));
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        tags.push(current);
    }
    tags
}

/// Words that seldom stand alone as a tag and start a two-word name (`United Kingdom`,
/// `New York`, `Prime Minister`).
pub(crate) fn starts_name(word: &str) -> bool {
    const FIRST: &[&str] = &[
        "United", "New", "South", "North", "East", "West", "Saudi", "Hong", "Sri", "Prime",
        "White", "Middle", "Latin", "Los", "San", "Santa", "Las", "El", "Al", "Costa", "Puerto",
        "Supreme", "Human", "Climate", "Social", "Real", "Wall", "Black", "Red", "Central",
        "European", "Federal", "National", "World", "Foreign", "Vice", "Chief", "Sierra",
        "Burkina", "Buenos", "Rio", "Sao", "São", "Tel", "Abu", "Kuala", "Cape", "Ivory",
    ];
    FIRST.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        // The segmenter's path (one lower-cased text per unit, trimmed afterwards) and the
        // label trimming's two-byte shortcut give what `classify` gives.
        #[test]
        fn lowered_classification_is_the_classification(
            text in "[ a-zA-Z:|»•·…\\-]{0,30}|\\PC{0,40}|[ΣσςΑΟΔ :·a-z]{0,20}",
        ) {
            let mut lower = String::new();
            push_lowercase(&mut lower, &text);
            proptest::prop_assert_eq!(classify_lowered(&text, &lower), classify(&text));
            proptest::prop_assert_eq!(trim_label(&text), text.trim_matches(is_decoration));
        }

        // The byte count before the menu test never turns away a line the places let in.
        #[test]
        fn separator_leads_bound_the_places(text in "[ a|/:·•–-]{0,40}|\\PC{0,40}") {
            let bytes = text.as_bytes();
            proptest::prop_assert!(separator_places(bytes) <= separator_leads(bytes) as usize);
        }
    }

    #[test]
    fn ascii_prefix_ends_at_the_first_other_byte() {
        for text in [
            "",
            "abc",
            "abcdefgh",
            "abcdefghé",
            "é",
            "abcdefghijklmnoé",
            "ab\u{7f}é",
        ] {
            let slow = text.bytes().take_while(u8::is_ascii).count();
            assert_eq!(ascii_prefix_len(text.as_bytes()), slow, "{text}");
        }
    }

    #[test]
    fn stack_lowercase_matches_the_standard_library() {
        let long = "Ab".repeat(400);
        for text in [
            "Related STORIES",
            "Ähnliche Artikel: ÜBER uns",
            "ΟΔΟΣ ΣΟΦΙΑΣ",
            "İstanbul’da YAĞMUR",
            "Читайте ТАКЖЕ",
            long.as_str(),
            "",
        ] {
            assert_eq!(with_lowercase(text, str::to_string), text.to_lowercase());
        }
    }

    #[test]
    fn kinds() {
        assert_eq!(classify("Related Topics"), Kind::TagLabel);
        assert_eq!(classify("Schlagwörter:"), Kind::TagLabel);
        assert_eq!(classify("Recent Stories"), Kind::EndMarker);
        assert_eq!(classify("Lesen Sie auch"), Kind::EndMarker);
        assert_eq!(classify("More Stories From World"), Kind::EndMarker);
        assert_eq!(classify("3 hours ago"), Kind::Noise);
        assert_eq!(classify("il y a 5 minutes"), Kind::Noise);
        assert_eq!(
            classify("About Us | Contact Us | Advertisment"),
            Kind::Noise
        );
        assert_eq!(
            classify("Weather - Sport - Culture - Travel - Jobs"),
            Kind::Noise
        );
        assert_eq!(
            classify("Two Nurses Charged With Selling Fake ..",),
            Kind::Noise
        );
        assert_eq!(classify("© 2024 The Example Times"), Kind::Noise);
        assert!(may_hold_copyright_sign("Site (C) 2010"));
        assert!(may_hold_copyright_sign("Site ©2010"));
        assert!(!may_hold_copyright_sign("Café (city) éé"));
        let legal = format!(
            "Harbour Post is the site of the Harbour Post Company. {} © 2012 Harbour Post. All Rights Reserved.",
            "The name, the logo and the ship mark are marks of the company and may not be used by others. ".repeat(7)
        );
        assert!(legal.len() > 650, "{}", legal.len());
        assert_eq!(classify(&legal), Kind::Noise);
        assert_eq!(
            classify(
                "Share it with a link back, thanks! (c) 2011 Harbour Notes | powered by Blogpress"
            ),
            Kind::Noise
        );
        assert_eq!(
            classify("Radio Harbour, all of it yours. Radio Harbour © 2019 Harbour Media, Inc."),
            Kind::Noise
        );
        assert_eq!(
            classify("Hardbound manual of 90 pages. ©1951, 1956, very clear on the scales."),
            Kind::Plain
        );
        assert_eq!(
            classify("Ministers To Visit Paris To Try To Calm Tensions - Government Office"),
            Kind::Plain
        );
        assert_eq!(
            classify("The council voted on Tuesday to reopen the old ferry terminal."),
            Kind::Plain
        );
    }

    #[test]
    fn comment_openers_and_stamps() {
        assert!(opens_comments("274 Comments"));
        assert!(opens_comments("Comments Filter:"));
        assert!(opens_comments("Leave a Reply"));
        assert!(opens_comments("Kommentare"));
        assert!(counts_comments_on(
            "40 Responses to \u{201c}Has the city lost its way? A poll on the budget\u{201d}"
        ));
        assert!(counts_comments_on(
            "2 thoughts on \u{201c}Day three\u{201d}"
        ));
        assert!(counts_comments_on(
            "3 Kommentare zu \u{201e}Der neue Markt\u{201c}"
        ));
        assert!(counts_comments_on(
            "12 commentaires sur \u{ab} La passerelle \u{bb}"
        ));
        assert!(!counts_comments_on(
            "40 responses to the survey came from parents."
        ));
        assert!(!counts_comments_on(
            "Responses to the plan were mixed, officials said."
        ));
        assert!(!counts_comments_on("12 comments"));
        assert!(counts_comments_on(
            "One Response to \u{201c}Day three\u{201d}"
        ));
        assert!(opens_comments("One Comment"));
        assert!(opens_comments("Ein Kommentar"));
        assert!(!opens_comments("No Comments"));
        assert!(opens_comments("There are 27 comments. Add yours."));
        assert!(opens_comments("There are 3 comments about:"));
        assert!(!opens_comments("There are no comments"));
        assert!(opens_comments("Comments are closed."));
        assert!(opens_comments("No comments yet"));
        assert!(!counts_comments_on("One response to the plan was anger."));
        assert!(!opens_comments(
            "Comments by the minister were welcomed by the union"
        ));
        assert!(is_stamp("Jane Roe — July 17th, 2012, 6:45 pm", 8));
        assert!(is_stamp("jroe | 9/11/2012 2:34 AM | Reply", 6));
        assert!(!is_stamp("The mayor spoke to reporters", 5));
        assert!(!is_stamp("posted by Jane @ 9:51 PM", 6));
        assert!(!is_stamp(
            "May 2, 2006 in Travel | Permalink | Comments (0)",
            10
        ));
        assert!(!is_stamp("21:00 Jane Roe reports", 4));
    }

    #[test]
    fn any_case_search_finds_what_the_lower_case_search_finds() {
        let lexicons = lexicons();
        assert!(lexicons.is_some());
        for line in [
            "© 2024 Example. All Rights Reserved.",
            "This site uses cookies to improve your experience",
            "Все права защищены",
            "ВСЕ ПРАВА ЗАЩИЩЕНЫ",
            "TOUS DROITS RÉSERVÉS",
            "Tous droits réservés",
            "Wszelkie Prawa Zastrzeżone",
            "A plain sentence about the harbour and its ferry.",
        ] {
            let Some(l) = lexicons else { return };
            assert_eq!(
                l.anywhere_any_case.in_text(line),
                with_lowercase(line, |lower| l.anywhere.in_text(lower)),
                "{line}"
            );
        }
    }

    #[test]
    fn section_from_more_line() {
        assert_eq!(more_from("More Stories From World"), Some("World"));
        assert_eq!(more_from("Mehr aus Politik »"), Some("Politik"));
        // First words of four to seven bytes.
        assert_eq!(more_from("Latest from Sport"), Some("Sport"));
        assert_eq!(more_from("Altre notizie di Cronaca"), Some("Cronaca"));
        assert_eq!(more_from("Więcej z Kraju"), Some("Kraju"));
        assert_eq!(more_from("ещё из Мира"), Some("Мира"));
        assert_eq!(more_from("Más de Deportes"), Some("Deportes"));
        assert_eq!(
            more_from("more from the archive of our newspaper today"),
            None
        );
    }

    #[test]
    fn tags_by_separator_or_names() {
        assert_eq!(
            split_tags("Harbours, Libraries, Saltmere", |_, _| false),
            ["Harbours", "Libraries", "Saltmere"]
        );
        let body = "the prime minister met the library board";
        let joins = |a: &str, b: &str| {
            starts_name(a) || body.contains(&format!("{} {}", a, b).to_lowercase())
        };
        assert_eq!(
            split_tags(
                "Libraries Prime Minister Saltmere United Kingdom Budget",
                joins
            ),
            [
                "Libraries",
                "Prime Minister",
                "Saltmere",
                "United Kingdom",
                "Budget"
            ]
        );
    }
}
