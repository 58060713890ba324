//! The crawl header some archives put on the first line of a flattened page:
//! `date 2022-01-30 UrduPoint.com` (fetch or publication date, then the site). It is
//! metadata, never body.

/// What the header line says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Header {
    /// Input line number of the header.
    pub line: usize,
    /// The ISO date (or date-time) as written.
    pub date: Option<String>,
    /// The site named after the date.
    pub site: Option<String>,
}

/// Reads the header from the first non-blank line of `text`, if it is one.
pub(crate) fn read(text: &str) -> Option<Header> {
    let (line, first) = text
        .split('\n')
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())?;
    let first = first.trim();
    if first.len() > 200 {
        return None;
    }
    let mut words = first.split_whitespace();
    let key = words.next()?;
    if !matches!(key.to_ascii_lowercase().as_str(), "date" | "date:") {
        return None;
    }
    let date = words.next()?;
    if !is_iso_date(date) {
        return None;
    }
    let rest: Vec<&str> = words.collect();
    let site = (!rest.is_empty() && rest.len() <= 6).then(|| rest.join(" "));
    Some(Header {
        line,
        date: Some(date.to_string()),
        site,
    })
}

/// `YYYY-MM-DD`, optionally followed by `T` and a time.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && (b.len() == 10 || b[10] == b'T')
        && matches!(
            &s[5..7],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
        && s[8..10].parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_date_and_site() {
        let header = read("\n date 2024-05-14 Example-News.com\n\nHeadline").unwrap_or_default();
        assert_eq!(header.line, 1);
        assert_eq!(header.date.as_deref(), Some("2024-05-14"));
        assert_eq!(header.site.as_deref(), Some("Example-News.com"));
    }

    #[test]
    fn ignores_prose() {
        assert_eq!(read("Date night ideas for 2024"), None);
        assert_eq!(read("date 2024-13-01 x"), None);
        assert_eq!(read(""), None);
    }
}
