//! Words that dates are written with, in the languages news pages use most.
//!
//! One lower-cased table, looked up once per word of text that could start a date, so the
//! scanner pays one hash lookup per such word whatever the number of languages. A word can be
//! a month and something else at the same time ("ago" is English for "in the past" and Spanish
//! for August), so an entry carries its month separately from its other role.

use std::sync::LazyLock;

/// What a word means to the date scanner besides being a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// No other meaning.
    None,
    /// A unit for relative dates, in seconds.
    Unit(u32),
    /// Follows a relative amount ("ago", "fa", "geleden", "назад").
    Ago,
    /// Precedes a relative amount ("vor", "hace", "há").
    Before,
    /// "il" of French "il y a".
    Il,
    /// A relative day: 0 today, 1 yesterday.
    DaysBack(u8),
    /// "a", "an", "one", "ein", "una", ...: the number one before a unit.
    One,
    /// Ante or post meridiem.
    Meridiem(bool),
    /// Words between a date and its time ("at", "um", "à", "alle", "kl").
    TimeMarker,
    /// Words that may follow a time ("Uhr", "h", "horas").
    TimeSuffix,
    /// Small words inside dates ("de", "del", "of", "the").
    Connector,
    /// A day of the week, which may sit between a time and its date.
    Weekday,
}

/// A word's meanings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Lex {
    /// 1–12, or 0 when the word is not a month.
    pub month: u8,
    /// Its other meaning.
    pub role: Role,
}

/// Month names and abbreviations, lower case, by month number.
const MONTHS: &[(&str, u8)] = &[
    // English
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // French
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fév", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // Spanish
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("fev", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("set", 9),
    ("outubro", 10),
    ("out", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Italian
    ("gennaio", 1),
    ("gen", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("mag", 5),
    ("giugno", 6),
    ("giu", 6),
    ("luglio", 7),
    ("lug", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("ott", 10),
    ("dicembre", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mrt", 3),
    ("mei", 5),
    ("augustus", 8),
    // Swedish, Danish, Norwegian
    ("augusti", 8),
    ("maj", 5),
    ("marts", 3),
    ("desember", 12),
    ("des", 12),
    // Polish (genitive, as dates use it, and nominative)
    ("stycznia", 1),
    ("styczeń", 1),
    ("lutego", 2),
    ("luty", 2),
    ("marca", 3),
    ("marzec", 3),
    ("kwietnia", 4),
    ("kwiecień", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("czerwiec", 6),
    ("lipca", 7),
    ("lipiec", 7),
    ("sierpnia", 8),
    ("sierpień", 8),
    ("września", 9),
    ("wrzesień", 9),
    ("października", 10),
    ("październik", 10),
    ("listopada", 11),
    ("listopad", 11),
    ("grudnia", 12),
    ("grudzień", 12),
    // Russian (genitive, nominative, abbreviations)
    ("января", 1),
    ("январь", 1),
    ("янв", 1),
    ("февраля", 2),
    ("февраль", 2),
    ("фев", 2),
    ("марта", 3),
    ("март", 3),
    ("апреля", 4),
    ("апрель", 4),
    ("апр", 4),
    ("мая", 5),
    ("май", 5),
    ("июня", 6),
    ("июнь", 6),
    ("июн", 6),
    ("июля", 7),
    ("июль", 7),
    ("июл", 7),
    ("августа", 8),
    ("август", 8),
    ("авг", 8),
    ("сентября", 9),
    ("сентябрь", 9),
    ("сен", 9),
    ("сент", 9),
    ("октября", 10),
    ("октябрь", 10),
    ("окт", 10),
    ("ноября", 11),
    ("ноябрь", 11),
    ("ноя", 11),
    ("декабря", 12),
    ("декабрь", 12),
    ("дек", 12),
    // Ukrainian (genitive)
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    // Turkish (with and without the dotless i, which capitals lose when lower-cased)
    ("ocak", 1),
    ("şubat", 2),
    ("subat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("mayis", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("agustos", 8),
    ("eylül", 9),
    ("eylul", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("kasim", 11),
    ("aralık", 12),
    ("aralik", 12),
    // Finnish (partitive, as dates use it)
    ("tammikuuta", 1),
    ("helmikuuta", 2),
    ("maaliskuuta", 3),
    ("huhtikuuta", 4),
    ("toukokuuta", 5),
    ("kesäkuuta", 6),
    ("heinäkuuta", 7),
    ("elokuuta", 8),
    ("syyskuuta", 9),
    ("lokakuuta", 10),
    ("marraskuuta", 11),
    ("joulukuuta", 12),
    // Czech (genitive)
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
    // Romanian
    ("ianuarie", 1),
    ("februarie", 2),
    ("martie", 3),
    ("aprilie", 4),
    ("iunie", 6),
    ("iulie", 7),
    ("septembrie", 9),
    ("octombrie", 10),
    ("noiembrie", 11),
    ("decembrie", 12),
    // Indonesian and Malay
    ("maret", 3),
    ("agustus", 8),
    ("mac", 3),
    ("ogos", 8),
    ("disember", 12),
    // Hungarian
    ("január", 1),
    ("február", 2),
    ("március", 3),
    ("április", 4),
    ("május", 5),
    ("június", 6),
    ("július", 7),
    ("augusztus", 8),
    ("szeptember", 9),
    ("október", 10),
    // Arabic (the Egyptian and Gulf names; Levantine pages use the Syriac ones below)
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    // Croatian, Serbian, Bosnian (genitive; "listopada" is October there but November in
    // Polish, which keeps it)
    ("siječnja", 1),
    ("veljače", 2),
    ("ožujka", 3),
    ("travnja", 4),
    ("svibnja", 5),
    ("lipnja", 6),
    ("srpnja", 7),
    ("kolovoza", 8),
    ("rujna", 9),
    ("studenoga", 11),
    ("studenog", 11),
    ("prosinca", 12),
    // Greek (genitive)
    ("ιανουαρίου", 1),
    ("φεβρουαρίου", 2),
    ("μαρτίου", 3),
    ("απριλίου", 4),
    ("μαΐου", 5),
    ("ιουνίου", 6),
    ("ιουλίου", 7),
    ("αυγούστου", 8),
    ("σεπτεμβρίου", 9),
    ("οκτωβρίου", 10),
    ("νοεμβρίου", 11),
    ("δεκεμβρίου", 12),
];

/// Words with a role other than month.
const ROLES: &[(&str, Role)] = &[
    // relative units (seconds)
    ("second", Role::Unit(1)),
    ("seconds", Role::Unit(1)),
    ("sec", Role::Unit(1)),
    ("secs", Role::Unit(1)),
    ("sekunde", Role::Unit(1)),
    ("sekunden", Role::Unit(1)),
    ("segundo", Role::Unit(1)),
    ("segundos", Role::Unit(1)),
    ("seconde", Role::Unit(1)),
    ("secondes", Role::Unit(1)),
    ("secondi", Role::Unit(1)),
    ("seconden", Role::Unit(1)),
    ("секунд", Role::Unit(1)),
    ("секунды", Role::Unit(1)),
    ("секунду", Role::Unit(1)),
    ("minute", Role::Unit(60)),
    ("minutes", Role::Unit(60)),
    ("min", Role::Unit(60)),
    ("mins", Role::Unit(60)),
    ("minuten", Role::Unit(60)),
    ("minuto", Role::Unit(60)),
    ("minutos", Role::Unit(60)),
    ("minuti", Role::Unit(60)),
    ("minuut", Role::Unit(60)),
    ("минут", Role::Unit(60)),
    ("минуты", Role::Unit(60)),
    ("минуту", Role::Unit(60)),
    ("hour", Role::Unit(3600)),
    ("hours", Role::Unit(3600)),
    ("hr", Role::Unit(3600)),
    ("hrs", Role::Unit(3600)),
    ("stunde", Role::Unit(3600)),
    ("stunden", Role::Unit(3600)),
    ("std", Role::Unit(3600)),
    ("hora", Role::Unit(3600)),
    ("horas", Role::Unit(3600)),
    ("heure", Role::Unit(3600)),
    ("heures", Role::Unit(3600)),
    ("ora", Role::Unit(3600)),
    ("ore", Role::Unit(3600)),
    ("uur", Role::Unit(3600)),
    ("час", Role::Unit(3600)),
    ("часа", Role::Unit(3600)),
    ("часов", Role::Unit(3600)),
    ("day", Role::Unit(86_400)),
    ("days", Role::Unit(86_400)),
    ("tag", Role::Unit(86_400)),
    ("tage", Role::Unit(86_400)),
    ("tagen", Role::Unit(86_400)),
    ("día", Role::Unit(86_400)),
    ("días", Role::Unit(86_400)),
    ("dia", Role::Unit(86_400)),
    ("dias", Role::Unit(86_400)),
    ("jour", Role::Unit(86_400)),
    ("jours", Role::Unit(86_400)),
    ("giorno", Role::Unit(86_400)),
    ("giorni", Role::Unit(86_400)),
    ("dag", Role::Unit(86_400)),
    ("dagen", Role::Unit(86_400)),
    ("день", Role::Unit(86_400)),
    ("дня", Role::Unit(86_400)),
    ("дней", Role::Unit(86_400)),
    ("week", Role::Unit(604_800)),
    ("weeks", Role::Unit(604_800)),
    ("woche", Role::Unit(604_800)),
    ("wochen", Role::Unit(604_800)),
    ("semana", Role::Unit(604_800)),
    ("semanas", Role::Unit(604_800)),
    ("semaine", Role::Unit(604_800)),
    ("semaines", Role::Unit(604_800)),
    ("settimana", Role::Unit(604_800)),
    ("settimane", Role::Unit(604_800)),
    ("weken", Role::Unit(604_800)),
    ("minuta", Role::Unit(60)),
    ("minuty", Role::Unit(60)),
    ("minutę", Role::Unit(60)),
    ("minuter", Role::Unit(60)),
    ("dakika", Role::Unit(60)),
    ("sati", Role::Unit(3600)),
    ("godzin", Role::Unit(3600)),
    ("godziny", Role::Unit(3600)),
    ("godzinę", Role::Unit(3600)),
    ("timmar", Role::Unit(3600)),
    ("timme", Role::Unit(3600)),
    ("dana", Role::Unit(86_400)),
    ("dni", Role::Unit(86_400)),
    ("dzień", Role::Unit(86_400)),
    ("gün", Role::Unit(86_400)),
    ("dagar", Role::Unit(86_400)),
    // relative markers
    ("ago", Role::Ago),
    ("atrás", Role::Ago),
    ("temu", Role::Ago),
    ("önce", Role::Ago),
    ("prije", Role::Before),
    ("för", Role::Before),
    ("fa", Role::Ago),
    ("geleden", Role::Ago),
    ("назад", Role::Ago),
    ("vor", Role::Before),
    ("hace", Role::Before),
    ("há", Role::Before),
    ("il", Role::Il),
    ("today", Role::DaysBack(0)),
    ("heute", Role::DaysBack(0)),
    ("hoy", Role::DaysBack(0)),
    ("aujourd", Role::DaysBack(0)),
    ("oggi", Role::DaysBack(0)),
    ("vandaag", Role::DaysBack(0)),
    ("сегодня", Role::DaysBack(0)),
    ("hoje", Role::DaysBack(0)),
    ("idag", Role::DaysBack(0)),
    ("dzisiaj", Role::DaysBack(0)),
    ("bugün", Role::DaysBack(0)),
    ("yesterday", Role::DaysBack(1)),
    ("gestern", Role::DaysBack(1)),
    ("ayer", Role::DaysBack(1)),
    ("hier", Role::DaysBack(1)),
    ("ieri", Role::DaysBack(1)),
    ("gisteren", Role::DaysBack(1)),
    ("вчера", Role::DaysBack(1)),
    ("ontem", Role::DaysBack(1)),
    ("igår", Role::DaysBack(1)),
    ("wczoraj", Role::DaysBack(1)),
    ("dün", Role::DaysBack(1)),
    ("an", Role::One),
    ("one", Role::One),
    ("ein", Role::One),
    ("eine", Role::One),
    ("einer", Role::One),
    ("einem", Role::One),
    ("una", Role::One),
    ("uno", Role::One),
    ("un", Role::One),
    ("une", Role::One),
    ("um", Role::TimeMarker),
    ("pm", Role::Meridiem(true)),
    ("am", Role::Meridiem(false)),
    ("at", Role::TimeMarker),
    ("à", Role::TimeMarker),
    ("às", Role::TimeMarker),
    ("las", Role::TimeMarker),
    ("alle", Role::TimeMarker),
    ("om", Role::TimeMarker),
    ("kl", Role::TimeMarker),
    ("klo", Role::TimeMarker),
    ("klockan", Role::TimeMarker),
    ("saat", Role::TimeMarker),
    ("godz", Role::TimeMarker),
    ("o", Role::TimeMarker),
    ("в", Role::TimeMarker),
    ("uhr", Role::TimeSuffix),
    ("h", Role::TimeSuffix),
    ("hs", Role::TimeSuffix),
    ("monday", Role::Weekday),
    ("tuesday", Role::Weekday),
    ("wednesday", Role::Weekday),
    ("thursday", Role::Weekday),
    ("friday", Role::Weekday),
    ("saturday", Role::Weekday),
    ("sunday", Role::Weekday),
    ("mon", Role::Weekday),
    ("tue", Role::Weekday),
    ("tues", Role::Weekday),
    ("wed", Role::Weekday),
    ("thu", Role::Weekday),
    ("thur", Role::Weekday),
    ("thurs", Role::Weekday),
    ("fri", Role::Weekday),
    ("sat", Role::Weekday),
    ("sun", Role::Weekday),
    ("montag", Role::Weekday),
    ("dienstag", Role::Weekday),
    ("mittwoch", Role::Weekday),
    ("donnerstag", Role::Weekday),
    ("freitag", Role::Weekday),
    ("samstag", Role::Weekday),
    ("sonntag", Role::Weekday),
    ("lundi", Role::Weekday),
    ("mardi", Role::Weekday),
    ("mercredi", Role::Weekday),
    ("jeudi", Role::Weekday),
    ("vendredi", Role::Weekday),
    ("samedi", Role::Weekday),
    ("dimanche", Role::Weekday),
    ("lunes", Role::Weekday),
    ("martes", Role::Weekday),
    ("miércoles", Role::Weekday),
    ("jueves", Role::Weekday),
    ("viernes", Role::Weekday),
    ("sábado", Role::Weekday),
    ("domingo", Role::Weekday),
    ("lunedì", Role::Weekday),
    ("martedì", Role::Weekday),
    ("mercoledì", Role::Weekday),
    ("giovedì", Role::Weekday),
    ("venerdì", Role::Weekday),
    ("sabato", Role::Weekday),
    ("domenica", Role::Weekday),
    ("segunda", Role::Weekday),
    ("terça", Role::Weekday),
    ("quarta", Role::Weekday),
    ("quinta", Role::Weekday),
    ("sexta", Role::Weekday),
    ("de", Role::Connector),
    ("del", Role::Connector),
    ("of", Role::Connector),
    ("the", Role::Connector),
];

/// FNV-1a over bytes: the keys are short and fixed and never come from input, so a simple
/// fast hash is enough.
fn fnv(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// An open-addressing table of lower-case words. Hand-rolled rather than a `HashMap` so an
/// ASCII word is hashed and compared case-insensitively in place, without first copying it
/// into a lower-cased buffer: the lookup runs once per word of page text.
struct Table {
    slots: Vec<Option<(&'static str, Lex)>>,
    mask: usize,
    longest: usize,
}

impl Table {
    fn build() -> Self {
        let mut entries: Vec<(&'static str, Lex)> = Vec::with_capacity(MONTHS.len() + ROLES.len());
        for &(word, month) in MONTHS {
            entries.push((
                word,
                Lex {
                    month,
                    role: Role::None,
                },
            ));
        }
        for &(word, role) in ROLES {
            match entries.iter_mut().find(|(w, _)| *w == word) {
                Some((_, lex)) => lex.role = role,
                None => entries.push((word, Lex { month: 0, role })),
            }
        }
        // At most a quarter full, so probe runs stay short.
        let size = (entries.len() * 4).next_power_of_two();
        let mut table = Table {
            slots: vec![None; size],
            mask: size - 1,
            longest: entries.iter().map(|(w, _)| w.len()).max().unwrap_or(0),
        };
        for (word, lex) in entries {
            let mut i = fnv(word.bytes()) as usize & table.mask;
            while table.slots[i].is_some_and(|(w, _)| w != word) {
                i = (i + 1) & table.mask;
            }
            table.slots[i] = Some((word, lex));
        }
        table
    }

    fn probe(&self, hash: u64, matches: impl Fn(&str) -> bool) -> Option<Lex> {
        let mut i = hash as usize & self.mask;
        loop {
            match self.slots.get(i)? {
                None => return None,
                Some((word, lex)) if matches(word) => return Some(*lex),
                Some(_) => i = (i + 1) & self.mask,
            }
        }
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(Table::build);

/// Longest word lower-cased into a buffer (non-ASCII words only).
const MAX_WORD_BYTES: usize = 48;

/// Looks a word up case-insensitively without allocating.
pub(crate) fn lookup(word: &str) -> Option<Lex> {
    let table = &*TABLE;
    if word.is_empty() || word.len() > MAX_WORD_BYTES {
        return None;
    }
    if word.is_ascii() {
        if word.len() > table.longest {
            return None;
        }
        let hash = fnv(word.bytes().map(|b| b.to_ascii_lowercase()));
        return table.probe(hash, |w| w.eq_ignore_ascii_case(word));
    }
    let mut buf = [0u8; MAX_WORD_BYTES];
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut enc = [0u8; 4];
        let bytes = c.encode_utf8(&mut enc).as_bytes();
        if len + bytes.len() > MAX_WORD_BYTES {
            return None;
        }
        buf[len..len + bytes.len()].copy_from_slice(bytes);
        len += bytes.len();
    }
    let lower = buf.get(..len)?;
    table.probe(fnv(lower.iter().copied()), |w| w.as_bytes() == lower)
}

/// UTC offset in seconds of a time-zone abbreviation as news pages write them (upper case).
/// US zones without S/D ("ET", "PT") depend on the date and are resolved by the caller.
pub(crate) fn zone(abbr: &str) -> Option<Zone> {
    let fixed = |h: i32, m: i32| Some(Zone::Fixed(h * 3600 + h.signum() * m * 60));
    match abbr {
        "Z" | "GMT" | "UTC" | "UT" | "WET" => fixed(0, 0),
        "ET" => Some(Zone::Us(-5)),
        "CT" => Some(Zone::Us(-6)),
        "MT" => Some(Zone::Us(-7)),
        "PT" => Some(Zone::Us(-8)),
        "EST" => fixed(-5, 0),
        "EDT" => fixed(-4, 0),
        "CST" => fixed(-6, 0),
        "CDT" => fixed(-5, 0),
        "MST" => fixed(-7, 0),
        "MDT" => fixed(-6, 0),
        "PST" => fixed(-8, 0),
        "PDT" => fixed(-7, 0),
        "AKST" => fixed(-9, 0),
        "AKDT" => fixed(-8, 0),
        "HST" => fixed(-10, 0),
        "BST" | "CET" | "MEZ" | "WEST" | "WAT" => fixed(1, 0),
        "CEST" | "MESZ" | "EET" | "SAST" | "CAT" => fixed(2, 0),
        "EEST" | "MSK" | "EAT" | "AST" => fixed(3, 0),
        "PKT" => fixed(5, 0),
        "IST" => fixed(5, 30),
        "WIB" | "ICT" => fixed(7, 0),
        "HKT" | "SGT" | "AWST" | "PHT" => fixed(8, 0),
        "JST" | "KST" => fixed(9, 0),
        "ACST" => fixed(9, 30),
        "AEST" => fixed(10, 0),
        "AEDT" => fixed(11, 0),
        "NZST" => fixed(12, 0),
        "NZDT" => fixed(13, 0),
        "BRT" | "ART" => fixed(-3, 0),
        _ => None,
    }
}

/// A time zone named by an abbreviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone {
    /// A fixed offset in seconds.
    Fixed(i32),
    /// A US zone given without standard/daylight: standard offset in hours; one hour more
    /// while US daylight saving time is in force.
    Us(i32),
}
