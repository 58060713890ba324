//! The headline: the `<h1>` that agrees with a declared title, else the declared title with
//! the site name cut off.

use crate::filter::normalise;
use crate::jsonld::JsonLdArticle;
use crate::metadata::signals::Signals;

const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " • ", " / ", " : ",
];

/// The headline: an `<h1>` that agrees with a declared title, else the declared title without
/// the site name, else the `<title>`'s main segment, else the first `<h1>`.
pub(crate) fn title(
    signals: &Signals,
    jsonld: Option<&JsonLdArticle>,
    site: Option<&str>,
) -> Option<String> {
    let declared: Vec<String> = [
        jsonld.and_then(|j| j.headline.clone()),
        signals.first(&["og:title", "twitter:title", "dc.title", "headline"]),
        signals.title_tag.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    for (_, h1) in &signals.h1s {
        let key = normalise(h1);
        if key.len() < 6 {
            continue;
        }
        for declared in &declared {
            let d = normalise(declared);
            if d == key || (d.contains(&key) && key.len() * 2 > d.len()) {
                return Some(h1.clone());
            }
            // An h1 that adds a kicker or the site name to the declared headline
            // ("Corona-Pandemie: „Es kommt …“"): the declared one is the headline proper.
            if key.contains(&d) && d.len() * 3 > key.len() * 2 {
                return Some(strip_site(declared, site));
            }
        }
    }
    if let Some(first) = declared.first() {
        return Some(strip_site(first, site));
    }
    signals.h1s.first().map(|(_, h1)| h1.clone())
}

/// Removes a " | Site Name" (or "Site Name - ") part when it names the site, or else keeps
/// the longest segment when the title is clearly segmented.
pub(crate) fn strip_site(title: &str, site: Option<&str>) -> String {
    // "Headline&nbsp;|&nbsp;Site" separates with no-break spaces.
    let spaced = title.replace('\u{a0}', " ");
    let title = spaced.as_str();
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
}
