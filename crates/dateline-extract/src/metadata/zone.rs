//! The publisher's time zone, for writing UTC timestamps in local time.
//!
//! Many CMSs store `2019-10-18T22:04:00Z` for a story their readers saw dated 19 October.
//! Re-expressing such an instant in the publisher's zone keeps the instant exact (the offset
//! says which zone it is written in) and makes the calendar day the one the page shows. The
//! zone comes from an offset the page states elsewhere, else from the site's country (its
//! country-code domain, the region of its language tag, or a language spoken in one country);
//! without evidence the timestamp stays in UTC.

use jiff::tz::{Offset, TimeZone};

use crate::textmeta::PageDate;

/// Country-code domains used as generic names, which say nothing about where a site is.
const GENERIC_CC_DOMAINS: &[&str] = &[
    "io", "co", "tv", "me", "fm", "ai", "ly", "cc", "ws", "gg", "to", "sh", "is", "am", "so",
    "app", "dev", "news", "online", "info", "net", "org", "com", "eu",
];

/// Languages spoken mostly in one country (and so one zone).
const LANGUAGE_COUNTRY: &[(&str, &str)] = &[
    ("de", "DE"),
    ("fr", "FR"),
    ("it", "IT"),
    ("nl", "NL"),
    ("pl", "PL"),
    ("tr", "TR"),
    ("ja", "JP"),
    ("ko", "KR"),
    ("cs", "CZ"),
    ("sk", "SK"),
    ("hu", "HU"),
    ("ro", "RO"),
    ("el", "GR"),
    ("da", "DK"),
    ("sv", "SE"),
    ("fi", "FI"),
    ("nb", "NO"),
    ("nn", "NO"),
    ("no", "NO"),
    ("uk", "UA"),
    ("he", "IL"),
    ("bg", "BG"),
    ("hr", "HR"),
    ("sl", "SI"),
    ("lt", "LT"),
    ("lv", "LV"),
    ("et", "EE"),
    ("id", "ID"),
    ("th", "TH"),
    ("vi", "VN"),
];

/// One zone per country: the one most of its newsrooms use.
const COUNTRY_ZONE: &[(&str, &str)] = &[
    ("AR", "America/Argentina/Buenos_Aires"),
    ("AT", "Europe/Vienna"),
    ("AU", "Australia/Sydney"),
    ("BE", "Europe/Brussels"),
    ("BG", "Europe/Sofia"),
    ("BO", "America/La_Paz"),
    ("BR", "America/Sao_Paulo"),
    ("CA", "America/Toronto"),
    ("CH", "Europe/Zurich"),
    ("CL", "America/Santiago"),
    ("CN", "Asia/Shanghai"),
    ("CO", "America/Bogota"),
    ("CZ", "Europe/Prague"),
    ("DE", "Europe/Berlin"),
    ("DK", "Europe/Copenhagen"),
    ("EC", "America/Guayaquil"),
    ("EE", "Europe/Tallinn"),
    ("ES", "Europe/Madrid"),
    ("FI", "Europe/Helsinki"),
    ("FR", "Europe/Paris"),
    ("GB", "Europe/London"),
    ("GR", "Europe/Athens"),
    ("HK", "Asia/Hong_Kong"),
    ("HR", "Europe/Zagreb"),
    ("HU", "Europe/Budapest"),
    ("ID", "Asia/Jakarta"),
    ("IE", "Europe/Dublin"),
    ("IL", "Asia/Jerusalem"),
    ("IN", "Asia/Kolkata"),
    ("IT", "Europe/Rome"),
    ("JP", "Asia/Tokyo"),
    ("KR", "Asia/Seoul"),
    ("LT", "Europe/Vilnius"),
    ("LU", "Europe/Luxembourg"),
    ("LV", "Europe/Riga"),
    ("MX", "America/Mexico_City"),
    ("NL", "Europe/Amsterdam"),
    ("NO", "Europe/Oslo"),
    ("NZ", "Pacific/Auckland"),
    ("PE", "America/Lima"),
    ("PH", "Asia/Manila"),
    ("PK", "Asia/Karachi"),
    ("PL", "Europe/Warsaw"),
    ("PT", "Europe/Lisbon"),
    ("PY", "America/Asuncion"),
    ("RO", "Europe/Bucharest"),
    ("RU", "Europe/Moscow"),
    ("SE", "Europe/Stockholm"),
    ("SG", "Asia/Singapore"),
    ("SI", "Europe/Ljubljana"),
    ("SK", "Europe/Bratislava"),
    ("TH", "Asia/Bangkok"),
    ("TR", "Europe/Istanbul"),
    ("TW", "Asia/Taipei"),
    ("UA", "Europe/Kyiv"),
    ("US", "America/New_York"),
    ("UY", "America/Montevideo"),
    ("VE", "America/Caracas"),
    ("VN", "Asia/Ho_Chi_Minh"),
    ("ZA", "Africa/Johannesburg"),
];

/// Where the publisher's zone comes from, best first.
pub(crate) struct ZoneEvidence<'a> {
    /// Dates the page states with an offset (any source).
    pub stated: &'a [PageDate],
    /// The page's URLs (canonical first).
    pub urls: &'a [&'a str],
    /// The page's declared language tag.
    pub language: Option<&'a str>,
}

pub(crate) fn publisher_zone(evidence: &ZoneEvidence<'_>) -> Option<TimeZone> {
    if let Some(offset) = evidence
        .stated
        .iter()
        .filter_map(|d| d.offset)
        .find(|o| *o != Offset::UTC)
    {
        return Some(TimeZone::fixed(offset));
    }
    let country = evidence
        .urls
        .iter()
        .find_map(|u| domain_country(u))
        .or_else(|| evidence.language.and_then(language_country))?;
    let name = COUNTRY_ZONE
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(&country))?
        .1;
    TimeZone::get(name).ok()
}

/// A UTC timestamp re-expressed in `zone`; anything else unchanged. Midnight UTC is left
/// alone: it is how CMSs store a bare calendar date, not an instant.
pub(crate) fn localise(date: PageDate, zone: Option<&TimeZone>) -> PageDate {
    let (Some(zone), Some(Offset::UTC)) = (zone, date.offset) else {
        return date;
    };
    if date.time == Some(jiff::civil::Time::midnight()) {
        return date;
    }
    let Some(instant) = date.timestamp() else {
        return date;
    };
    let offset = zone.to_offset(instant);
    let local = offset.to_datetime(instant);
    PageDate {
        date: local.date(),
        time: Some(local.time()),
        offset: Some(offset),
    }
}

/// `DE` for `www.example.de`, `GB` for `example.co.uk`.
fn domain_country(url: &str) -> Option<String> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_ascii_lowercase();
    let tld = host.rsplit('.').next()?;
    if tld.len() != 2 || GENERIC_CC_DOMAINS.contains(&tld) {
        return None;
    }
    Some(if tld == "uk" {
        "GB".into()
    } else {
        tld.to_ascii_uppercase()
    })
}

/// `AT` for `de-AT`; `DE` for `de`; nothing for `en` or `es`, spoken across many zones.
fn language_country(tag: &str) -> Option<String> {
    let mut parts = tag.split('-');
    let primary = parts.next()?.to_ascii_lowercase();
    if let Some(region) = parts.find(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return Some(region.to_ascii_uppercase());
    }
    LANGUAGE_COUNTRY
        .iter()
        .find(|(l, _)| *l == primary)
        .map(|(_, c)| (*c).to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    fn utc(d: jiff::civil::Date, t: jiff::civil::Time) -> PageDate {
        PageDate {
            date: d,
            time: Some(t),
            offset: Some(Offset::UTC),
        }
    }

    #[test]
    fn late_utc_evening_is_the_next_day_in_berlin() {
        let evidence = ZoneEvidence {
            stated: &[],
            urls: &["https://www.example.de/a"],
            language: None,
        };
        let zone = publisher_zone(&evidence);
        let local = localise(utc(date(2019, 10, 18), time(22, 4, 0, 0)), zone.as_ref());
        assert_eq!(local.to_iso(), "2019-10-19T00:04:00+02:00");
        assert_eq!(
            local.timestamp(),
            utc(date(2019, 10, 18), time(22, 4, 0, 0)).timestamp()
        );
    }

    #[test]
    fn a_stated_offset_wins_and_no_evidence_keeps_utc() {
        let stated = [PageDate {
            date: date(2022, 5, 3),
            time: Some(time(10, 0, 0, 0)),
            offset: Some(Offset::constant(-3)),
        }];
        let evidence = ZoneEvidence {
            stated: &stated,
            urls: &["https://example.com/a"],
            language: Some("en"),
        };
        let zone = publisher_zone(&evidence);
        let local = localise(utc(date(2022, 5, 4), time(0, 53, 29, 0)), zone.as_ref());
        assert_eq!(local.to_iso(), "2022-05-03T21:53:29-03:00");

        let none = ZoneEvidence {
            stated: &[],
            urls: &["https://example.com/a"],
            language: Some("en"),
        };
        assert!(publisher_zone(&none).is_none());
    }

    #[test]
    fn midnight_utc_is_a_calendar_date() {
        let evidence = ZoneEvidence {
            stated: &[],
            urls: &["https://www.example.com.ar/a"],
            language: None,
        };
        let zone = publisher_zone(&evidence);
        assert!(zone.is_some());
        let midnight = utc(date(2020, 1, 10), time(0, 0, 0, 0));
        assert_eq!(localise(midnight, zone.as_ref()), midnight);
    }

    #[test]
    fn countries_from_tags_and_domains() {
        assert_eq!(language_country("es-AR").as_deref(), Some("AR"));
        assert_eq!(language_country("de").as_deref(), Some("DE"));
        assert_eq!(language_country("en"), None);
        assert_eq!(
            domain_country("https://news.example.co.uk/x").as_deref(),
            Some("GB")
        );
        assert_eq!(domain_country("https://example.io/x"), None);
    }
}
