//! The publishing organisation, as the page names it.
//!
//! Kept apart from `site_name`: "The Daily Example" is often published by "Example Media
//! Group Ltd", and dataset builders group by the owner. A page that names only its site
//! leaves `publisher` empty rather than having the site name copied in.

use crate::jsonld::JsonLdArticle;
use crate::metadata::Signals;
use crate::text::collapse;

/// Meta names that hold the publisher's name, best first. `article:publisher` is usually
/// the Facebook page URL, so it only counts when it is a name.
const META_KEYS: &[&str] = &[
    "publisher",
    "dc.publisher",
    "dcterms.publisher",
    "citation_publisher",
    "article:publisher",
    "og:article:publisher",
];

/// Longer values are sentences or lists pasted into the field, not a name.
const MAX_NAME_CHARS: usize = 120;

/// The publishing organisation's name, when the page states one.
pub(crate) fn publisher(signals: &Signals, jsonld: Option<&JsonLdArticle>) -> Option<String> {
    jsonld
        .and_then(|l| l.publisher.as_deref())
        .into_iter()
        .chain(META_KEYS.iter().filter_map(|key| signals.get(key)))
        .find_map(as_name)
}

fn as_name(raw: &str) -> Option<String> {
    let name = collapse(raw);
    let lower = name.to_ascii_lowercase();
    let is_address = lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("//")
        || lower.starts_with("www.")
        || name.contains('@');
    let plausible = !name.is_empty()
        && !is_address
        && name.chars().count() <= MAX_NAME_CHARS
        && name.chars().any(char::is_alphanumeric);
    plausible.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jsonld;
    use dateline_html::{Limits, parse};

    fn publisher_of(html: &str) -> Option<String> {
        let doc = parse(html, &Limits::default());
        let signals = Signals::read(&doc);
        let ld = jsonld::read(&doc, &signals.ld_scripts);
        publisher(&signals, ld.as_ref())
    }

    #[test]
    fn jsonld_publisher_object_wins_over_meta() {
        let html = r#"<head><meta name="publisher" content="Meta Name Ltd">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
            "publisher":{"@type":"NewsMediaOrganization","name":"Harbour Press Group"}}</script>
            </head><body></body>"#;
        assert_eq!(publisher_of(html).as_deref(), Some("Harbour Press Group"));
    }

    #[test]
    fn jsonld_publisher_reference_is_resolved_in_the_graph() {
        let html = r##"<script type="application/ld+json">{"@graph":[
            {"@type":"Article","headline":"H","publisher":{"@id":"https://x.example/#org"}},
            {"@type":"Organization","@id":"https://x.example/#org","name":"Kestrel Media AG"}]}
            </script>"##;
        assert_eq!(publisher_of(html).as_deref(), Some("Kestrel Media AG"));
    }

    #[test]
    fn dublin_core_and_citation_tags_are_read() {
        let dc = r#"<head><meta name="DC.publisher" content=" Fenwick  University Press "></head>"#;
        assert_eq!(
            publisher_of(dc).as_deref(),
            Some("Fenwick University Press")
        );
        let citation =
            r#"<head><meta name="citation_publisher" content="Society of Tides"></head>"#;
        assert_eq!(publisher_of(citation).as_deref(), Some("Society of Tides"));
    }

    #[test]
    fn facebook_page_url_is_not_a_publisher() {
        let html = r#"<head><meta property="article:publisher" content="https://www.facebook.com/dailyexample">
            <meta name="dcterms.publisher" content="Daily Example Ltd"></head>"#;
        assert_eq!(publisher_of(html).as_deref(), Some("Daily Example Ltd"));
        let only_url =
            r#"<head><meta property="article:publisher" content="https://facebook.com/x"></head>"#;
        assert_eq!(publisher_of(only_url), None);
    }

    #[test]
    fn site_name_alone_leaves_publisher_empty() {
        let html = r#"<head><meta property="og:site_name" content="The Daily Example"></head>"#;
        assert_eq!(publisher_of(html), None);
    }
}
