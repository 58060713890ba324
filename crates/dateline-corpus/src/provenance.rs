//! Where a record came from, carried from the reader to the output record.

use serde::{Deserialize, Serialize};

/// Provenance fields of an output record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The archive's path as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc_file: Option<String>,
    /// `WARC-Record-ID` of the response record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc_record_id: Option<String>,
    /// Byte offset of the record (of its gzip member) in the archive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc_offset: Option<u64>,
    /// `WARC-Date`: when the crawler captured the record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc_date: Option<String>,
    /// The fetched URL (`WARC-Target-URI`, or the `url` of a JSONL line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the server sent the page (the HTTP `Date` header as ISO 8601), else the capture
    /// date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fetched_at: Option<String>,
}

impl Provenance {
    /// The identifier written in `cluster_id` and `duplicate_of`: the WARC record id, or the
    /// source path (`path` for a page file, `path#line` for a JSONL line).
    pub(crate) fn record_id(&self, source: &str) -> String {
        self.warc_record_id
            .clone()
            .unwrap_or_else(|| source.to_string())
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `Mon, 05 Aug 2024 00:00:01 GMT` (RFC 7231 IMF-fixdate, the form servers send) as
/// `2024-08-05T00:00:01Z`; `None` for anything else.
pub(crate) fn http_date_to_iso(value: &str) -> Option<String> {
    let rest = value.trim().split_once(',')?.1;
    let parts: Vec<&str> = rest.split_whitespace().collect();
    let [day, month, year, time, zone] = parts.as_slice() else {
        return None;
    };
    if !matches!(*zone, "GMT" | "UTC" | "+0000") {
        return None;
    }
    let day: u8 = day.parse().ok()?;
    let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month))? + 1;
    let year: u16 = year.parse().ok()?;
    let hms: Vec<u8> = time
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [h, m, s] = hms.as_slice() else {
        return None;
    };
    if day == 0 || day > 31 || *h > 23 || *m > 59 || *s > 60 {
        return None;
    }
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}Z"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imf_fixdate_becomes_iso() {
        assert_eq!(
            http_date_to_iso("Mon, 05 Aug 2024 00:00:01 GMT").as_deref(),
            Some("2024-08-05T00:00:01Z")
        );
    }

    #[test]
    fn other_date_forms_are_left_out() {
        assert_eq!(http_date_to_iso("2024-08-05"), None);
        assert_eq!(http_date_to_iso("Mon, 05 Foo 2024 00:00:01 GMT"), None);
        assert_eq!(http_date_to_iso("Mon, 05 Aug 2024 25:00:01 GMT"), None);
        assert_eq!(http_date_to_iso("Mon, 05 Aug 2024 00:00:01 +0200"), None);
    }
}
