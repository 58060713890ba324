//! Absolute URLs without tracking parameters, so the same article crawled from a newsletter
//! and from a feed has one URL.

use url::Url;

/// Query parameters that identify a campaign or a click, never the page.
const TRACKING_PREFIXES: &[&str] = &["utm_", "ga_", "pk_", "mtm_", "ns_", "at_", "sc_", "hsa_"];
const TRACKING_NAMES: &[&str] = &[
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "ocid", "cmpid",
    "cmp", "_ga", "_gl", "_hsenc", "_hsmi", "smid", "spm", "share", "ito", "wt_mc", "wt.mc_id",
    "ref_src", "rss", "dicbo", "xtor",
];

/// `href` resolved against `base` when relative, with tracking parameters and the fragment
/// removed; returned as given when it is not a URL.
pub(crate) fn clean(base: Option<&Url>, href: &str) -> String {
    let href = href.trim();
    let parsed = match base {
        Some(base) => base.join(href),
        None => Url::parse(href),
    };
    let Ok(mut url) = parsed else {
        return href.to_string();
    };
    if !matches!(url.scheme(), "http" | "https") {
        return url.to_string();
    }
    url.set_fragment(None);
    if url.query().is_some() {
        let kept: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(k, _)| !is_tracking(k))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            url.set_query(None);
        } else {
            url.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    url.to_string()
}

fn is_tracking(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    TRACKING_PREFIXES.iter().any(|p| key.starts_with(p)) || TRACKING_NAMES.contains(&key.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tracking_and_fragment() {
        assert_eq!(
            clean(
                None,
                "https://example.org/a?utm_source=x&id=7&fbclid=abc#top"
            ),
            "https://example.org/a?id=7"
        );
        assert_eq!(
            clean(None, "https://example.org/a?utm_medium=email"),
            "https://example.org/a"
        );
    }

    #[test]
    fn resolves_relative() {
        let base = Url::parse("https://example.org/news/").ok();
        assert_eq!(
            clean(base.as_ref(), "../img/a.jpg"),
            "https://example.org/img/a.jpg"
        );
        assert_eq!(clean(None, "/relative/only"), "/relative/only");
    }
}
