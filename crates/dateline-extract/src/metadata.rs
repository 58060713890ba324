//! Page metadata from `<head>` meta tags, JSON-LD and the headline element.
//!
//! This is the first cut: the sources a CMS states explicitly. Date and author parsing from
//! visible text belongs to the metadata stage proper.

use std::collections::HashMap;

use dateline_html::{Document, NodeId, local_name};

use crate::filter::normalise;
use crate::jsonld::JsonLdArticle;
use crate::text::collapse;

/// `<meta>` values by lower-cased `name`/`property`/`itemprop`, first occurrence wins.
pub(crate) struct MetaTags {
    values: HashMap<String, String>,
    pub canonical: Option<String>,
    pub html_lang: Option<String>,
    pub title_tag: Option<String>,
}

impl MetaTags {
    pub(crate) fn read(doc: &Document) -> MetaTags {
        let mut values = HashMap::new();
        let mut canonical = None;
        let mut title_tag = None;
        let mut html_lang = None;
        let mut walk = doc.descendants(doc.root());
        while let Some(id) = walk.next() {
            let Some(tag) = doc.html_tag(id) else {
                continue;
            };
            match *tag {
                local_name!("html") => {
                    html_lang = doc
                        .attr(id, "lang")
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_string);
                }
                local_name!("meta") => {
                    let key = doc
                        .attr(id, "property")
                        .or_else(|| doc.attr(id, "name"))
                        .or_else(|| doc.attr(id, "itemprop"))
                        .or_else(|| doc.attr(id, "http-equiv"));
                    let value = doc.attr(id, "content");
                    if let (Some(key), Some(value)) = (key, value) {
                        let value = collapse(value);
                        if !value.is_empty() {
                            values
                                .entry(key.trim().to_ascii_lowercase())
                                .or_insert(value);
                        }
                    }
                }
                local_name!("link") if canonical.is_none() => {
                    let is_canonical = doc.attr(id, "rel").is_some_and(|rel| {
                        rel.split_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    });
                    if is_canonical {
                        canonical = doc
                            .attr(id, "href")
                            .map(str::trim)
                            .filter(|h| !h.is_empty())
                            .map(str::to_string);
                    }
                }
                local_name!("title") if title_tag.is_none() => {
                    let text = collapse(
                        &doc.children(id)
                            .filter_map(|c| doc.text(c))
                            .collect::<String>(),
                    );
                    if !text.is_empty() {
                        title_tag = Some(text);
                    }
                }
                local_name!("script") | local_name!("style") | local_name!("svg") => {
                    walk.skip_subtree(id)
                }
                _ => {}
            }
        }
        MetaTags {
            values,
            canonical,
            html_lang,
            title_tag,
        }
    }

    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(String::as_str)
    }

    pub(crate) fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.get(k)).map(str::to_string)
    }
}

const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " • ", " / ", " : ",
];

/// The headline: an `<h1>` that agrees with a declared title, else the declared title without
/// the site name, else the `<title>`'s main segment, else the first `<h1>`.
pub(crate) fn title(
    doc: &Document,
    meta: &MetaTags,
    jsonld: Option<&JsonLdArticle>,
    site: Option<&str>,
) -> Option<String> {
    let declared: Vec<String> = [
        jsonld.and_then(|j| j.headline.clone()),
        meta.first(&["og:title", "twitter:title", "dc.title", "headline"]),
        meta.title_tag.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let h1s = headings(doc, 3);
    for h1 in &h1s {
        let key = normalise(h1);
        if key.len() < 6 {
            continue;
        }
        let agrees = declared.iter().any(|d| {
            let d = normalise(d);
            d == key
                || (d.contains(&key) && key.len() * 2 > d.len())
                || (key.contains(&d) && d.len() * 3 > key.len() * 2)
        });
        if agrees {
            return Some(h1.clone());
        }
    }
    if let Some(first) = declared.first() {
        return Some(strip_site(first, site));
    }
    h1s.into_iter().next()
}

/// Removes a " | Site Name" (or "Site Name - ") part when it names the site, or else keeps
/// the longest segment when the title is clearly segmented.
fn strip_site(title: &str, site: Option<&str>) -> String {
    for separator in TITLE_SEPARATORS {
        let parts: Vec<&str> = title.split(separator).collect();
        if parts.len() < 2 {
            continue;
        }
        if let Some(site) = site.map(normalise) {
            let kept: Vec<&str> = parts
                .iter()
                .copied()
                .filter(|p| {
                    let p = normalise(p);
                    !(p == site
                        || site.contains(&p) && p.len() > 2
                        || p.contains(&site) && p.len() < site.len() + 6)
                })
                .collect();
            if !kept.is_empty() && kept.len() < parts.len() {
                return kept.join(separator).trim().to_string();
            }
        }
        // Without a site name, drop a short last segment ("Headline here | CNN").
        let last = parts[parts.len() - 1];
        let rest = parts[..parts.len() - 1].join(separator);
        if last.chars().count() <= 25 && rest.chars().count() >= last.chars().count() {
            return rest.trim().to_string();
        }
        let first = parts[0];
        if first.chars().count() <= 20
            && parts[1..].join(separator).chars().count() > 2 * first.chars().count()
        {
            return parts[1..].join(separator).trim().to_string();
        }
    }
    title.trim().to_string()
}

/// Texts of the first `limit` `<h1>` elements (outside scripts).
fn headings(doc: &Document, limit: usize) -> Vec<String> {
    let mut out = Vec::new();
    let Some(body) = doc.body() else { return out };
    let mut walk = doc.descendants(body);
    while let Some(id) = walk.next() {
        if doc.html_tag(id) == Some(&local_name!("h1")) {
            let text = collapse(&doc.text_content(id));
            if !text.is_empty() {
                out.push(text);
                if out.len() >= limit {
                    break;
                }
            }
            walk.skip_subtree(id);
        }
    }
    out
}

/// The first `<time datetime>` or `itemprop=datePublished` inside `scope`.
pub(crate) fn time_in(doc: &Document, scope: NodeId) -> Option<String> {
    for id in doc.descendants(scope) {
        let Some(element) = doc.element(id) else {
            continue;
        };
        if element.attr("itemprop") == Some("datePublished")
            && let Some(value) = element.attr("datetime").or_else(|| element.attr("content"))
        {
            return Some(value.trim().to_string());
        }
        if *element.tag() == local_name!("time")
            && let Some(value) = element.attr("datetime")
            && looks_like_iso_date(value)
        {
            return Some(value.trim().to_string());
        }
    }
    None
}

/// `YYYY-MM-DD` at the start, with a plausible year.
pub(crate) fn looks_like_iso_date(value: &str) -> bool {
    let b = value.trim().as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && (b"19".as_slice() == &b[..2] || b"20".as_slice() == &b[..2])
}

/// Splits a byline string into names: "By A and B", "A, B & C".
pub(crate) fn split_authors(raw: &str) -> Vec<String> {
    let raw = raw.trim();
    let raw = raw
        .strip_prefix("By ")
        .or_else(|| raw.strip_prefix("by "))
        .or_else(|| raw.strip_prefix("BY "))
        .unwrap_or(raw);
    raw.split([',', ';', '&', '|'])
        .flat_map(|part| part.split(" and "))
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty() && name.chars().count() <= 60 && !name.contains("://"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_site_names() {
        assert_eq!(
            strip_site(
                "Storm hits coast | The Daily Planet",
                Some("The Daily Planet")
            ),
            "Storm hits coast"
        );
        assert_eq!(
            strip_site("Storm hits the east coast overnight - CNN", None),
            "Storm hits the east coast overnight"
        );
        assert_eq!(strip_site("No separator here", None), "No separator here");
    }

    #[test]
    fn splits_bylines() {
        assert_eq!(
            split_authors("By Ana Díaz and Bo Li"),
            vec!["Ana Díaz", "Bo Li"]
        );
        assert_eq!(
            split_authors("A One, B Two & C Three"),
            vec!["A One", "B Two", "C Three"]
        );
    }

    #[test]
    fn iso_dates() {
        assert!(looks_like_iso_date("2024-03-05T09:15:00Z"));
        assert!(!looks_like_iso_date("05/03/2024"));
    }
}
