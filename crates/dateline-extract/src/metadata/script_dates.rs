//! Dates in the state objects JavaScript front ends embed in `<script>` (Next.js, Nuxt,
//! Shopify, custom CMS themes): `"publishedAt":"2022-01-31T15:58:43+01:00"`.
//!
//! The parser never sees script bodies (the prefilter drops them), so this reads the raw page
//! text, and only when no element, meta tag or URL dates the page: the keys are the CMS's own
//! fields, but a state object also holds other records (related stories, the user), so they
//! rank below anything the page states about the story itself.

use memchr::memmem;

use crate::textmeta::{self, DateContext, PageDate};

/// Keys that name a publication, in any state object's spelling.
const PUBLISHED_KEYS: &[&str] = &[
    "datePublished",
    "publishedAt",
    "published_at",
    "publishDate",
    "publish_date",
    "publishedDate",
    "published_date",
    "publicationDate",
    "publication_date",
    "publication_time",
    "firstPublishedAt",
    "first_published_at",
    "pubDate",
];

/// Keys that name the record's creation: the publication when nothing names it.
const CREATED_KEYS: &[&str] = &["dateCreated", "createdAt", "created_at", "date_created"];

/// Longest value read after a key: an ISO 8601 stamp with fractions and an offset fits.
const MAX_VALUE_BYTES: usize = 40;

/// The first published date in a script body, else the first creation date.
pub(crate) fn script_date(html: &str, ctx: &DateContext) -> Option<PageDate> {
    let scripts = script_bodies(html);
    [PUBLISHED_KEYS, CREATED_KEYS].iter().find_map(|keys| {
        scripts
            .iter()
            .find_map(|body| keys.iter().find_map(|key| keyed_date(body, key, ctx)))
    })
}

/// The bodies of the page's `<script>` elements, JSON-LD excepted (read elsewhere).
fn script_bodies(html: &str) -> Vec<&str> {
    let bytes = html.as_bytes();
    let open = memmem::Finder::new(b"<script");
    let mut bodies = Vec::new();
    let mut at = 0;
    while let Some(found) = open.find(&bytes[at..]) {
        let tag_start = at + found;
        let Some(tag_len) = memchr::memchr(b'>', &bytes[tag_start..]) else {
            break;
        };
        let body_start = tag_start + tag_len + 1;
        let body_end = memmem::find(&bytes[body_start..], b"</script")
            .map_or(bytes.len(), |end| body_start + end);
        let tag = &bytes[tag_start..body_start];
        let json_ld = tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"));
        if !json_ld && let Some(body) = html.get(body_start..body_end) {
            bodies.push(body);
        }
        at = body_end;
    }
    bodies
}

/// The date after the first `"key"` (or `\"key\"`, JSON inside a JS string) in `body`.
fn keyed_date(body: &str, key: &str, ctx: &DateContext) -> Option<PageDate> {
    let bytes = body.as_bytes();
    let finder = memmem::Finder::new(key.as_bytes());
    let mut from = 0;
    while let Some(found) = finder.find(&bytes[from..]) {
        let start = from + found;
        let end = start + key.len();
        from = end;
        let close = if bytes.get(end) == Some(&b'\\') {
            end + 1
        } else {
            end
        };
        if start == 0 || bytes[start - 1] != b'"' || bytes.get(close) != Some(&b'"') {
            continue;
        }
        if let Some(value) = value_after(body, close + 1)
            && let Some(date) = textmeta::parse_date(value, ctx)
        {
            return Some(date);
        }
    }
    None
}

/// The string value after a key's closing quote: `: "…"`, quotes possibly escaped.
fn value_after(body: &str, from: usize) -> Option<&str> {
    let rest = body.get(from..)?;
    let rest = rest.trim_start_matches([' ', '\\']).strip_prefix(':')?;
    let rest = rest.trim_start_matches([' ', '\\']).strip_prefix('"')?;
    let end = rest.find(['"', '\\'])?;
    let value = rest.get(..end)?;
    let is_stamp = end <= MAX_VALUE_BYTES && value.bytes().take(4).all(|b| b.is_ascii_digit());
    is_stamp.then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(html: &str) -> Option<String> {
        script_date(html, &DateContext::default()).map(|d| d.date.to_string())
    }

    #[test]
    fn reads_a_state_object_key() {
        let html = r#"<script>window.__STATE__={"story":{"title":"T","publishedAt":"2022-01-31T15:58:43+01:00"}}</script>"#;
        assert_eq!(date(html).as_deref(), Some("2022-01-31"));
    }

    #[test]
    fn escaped_json_inside_a_string() {
        let html =
            r#"<script>self.push("{\"published_at\":\"2019-03-02T06:22:28+01:00\"}")</script>"#;
        assert_eq!(date(html).as_deref(), Some("2019-03-02"));
    }

    #[test]
    fn publication_beats_an_earlier_creation_key() {
        let html = r#"<script>{"createdAt":"2020-01-01T00:00:00Z"}</script><script>{"publishDate":"2021-05-06"}</script>"#;
        assert_eq!(date(html).as_deref(), Some("2021-05-06"));
    }

    #[test]
    fn json_ld_and_visible_text_are_not_read() {
        let html = r#"<script type="application/ld+json">{"datePublished":"2020-02-02"}</script><p>"publishedAt":"2020-03-03"</p>"#;
        assert_eq!(date(html), None);
    }

    #[test]
    fn key_inside_a_longer_name_or_without_a_date_is_skipped() {
        let html = r#"<script>{"unpublishedAt":"2020-01-01","publishedAt":null,"pubDate":"yesterday"}</script>"#;
        assert_eq!(date(html), None);
    }

    #[test]
    fn unterminated_script_does_not_panic() {
        for html in [
            "<script",
            "<script>",
            "<script>\"publishedAt\":\"2020",
            "<script>\"pubDate\"",
        ] {
            let _ = date(html);
        }
    }
}
