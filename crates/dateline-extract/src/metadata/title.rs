//! The headline: the `<h1>` that agrees with a declared title, else the declared title with
//! the site name cut off.

use crate::filter::normalise;
use crate::jsonld::JsonLdArticle;
use crate::metadata::signals::Signals;

pub(crate) const TITLE_SEPARATORS: &[&str] = &[
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
        signals.first(&[
            "og:title",
            "twitter:title",
            "parsely-title",
            "dc.title",
            "dc:title",
            "dcterms.title",
            "headline",
        ]),
        signals.title_tag.clone(),
    ]
    .into_iter()
    .flatten()
    // CMSs escape titles twice ("Headline &amp;raquo; Site" reaches us as "&raquo;").
    .map(|t| dateline_html::unescape_entities(&t).into_owned())
    .collect();
    let declared = uncut(declared);
    for (_, h1) in &signals.h1s {
        let key = normalise(h1);
        if key.len() < 6 {
            continue;
        }
        for declared in &declared {
            let d = normalise(declared);
            if d == key
                || (d.contains(&key) && key.len() * 2 > d.len())
                || (is_segment_of(declared, &key) && site.is_none_or(|site| normalise(site) != key))
            {
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
        // A logo `<h1>` naming the blog ("Headline | Blog Name" under <h1>Blog Name</h1>)
        // tells which segment is the site when no site name is declared.
        let logo = site
            .is_none()
            .then(|| logo_segment(first, signals))
            .flatten();
        return Some(strip_site(first, site.or(logo.as_deref())));
    }
    signals.h1s.first().map(|(_, h1)| h1.clone())
}

/// The declared titles with each one cut off at an unescaped quote (`content="Calls it
/// "absurd""` reads as `Calls it `) replaced by another declared title that goes on past the
/// quote.
fn uncut(declared: Vec<String>) -> Vec<String> {
    declared
        .iter()
        .map(|title| {
            let cut = title.trim_end();
            declared
                .iter()
                .find(|other| {
                    other.strip_prefix(cut).is_some_and(|rest| {
                        !cut.is_empty() && rest.trim_start().starts_with(['"', '\''])
                    })
                })
                .unwrap_or(title)
                .clone()
        })
        .collect()
}

/// The text of an `<h1>` that is the last segment of `declared` (the site's logo heading).
fn logo_segment(declared: &str, signals: &Signals) -> Option<String> {
    let spaced = declared.replace('\u{a0}', " ");
    signals.h1s.iter().find_map(|(_, h1)| {
        let key = normalise(h1);
        let last_segment = TITLE_SEPARATORS.iter().any(|separator| {
            spaced
                .rsplit_once(separator)
                .is_some_and(|(_, last)| normalise(last) == key)
        });
        (key.len() >= 3 && last_segment).then(|| h1.clone())
    })
}

/// The declared title starts with the h1 (normalised `key`) and adds a subtitle or the site
/// name after a separator: "Headline - What it means for you". (Only the first segment: a
/// logo `<h1>` holding the site name matches the last one of "Headline | Site".)
fn is_segment_of(declared: &str, key: &str) -> bool {
    let spaced = declared.replace('\u{a0}', " ");
    TITLE_SEPARATORS.iter().any(|separator| {
        let mut parts = spaced.split(separator);
        let (Some(first), Some(_)) = (parts.next(), parts.next()) else {
            return false;
        };
        normalise(first) == key
    })
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

    fn title_of(head: &str, body: &str) -> Option<String> {
        let html = format!("<html><head>{head}</head><body>{body}</body></html>");
        let doc = dateline_html::parse(&html, &dateline_html::Limits::default());
        let signals = Signals::read(&doc);
        let site = signals.first(&["og:site_name"]);
        title(&signals, None, site.as_deref())
    }

    #[test]
    fn h1_opening_the_declared_title_is_the_headline() {
        // The declared title adds a subtitle the headline element does not carry.
        let head =
            r#"<meta property="og:title" content="Ferry fares rise - What changes for commuters">"#;
        assert_eq!(
            title_of(head, "<h1>Ferry fares rise</h1><p>Text.</p>").as_deref(),
            Some("Ferry fares rise")
        );
        // A logo h1 naming the site matches the declared title's last segment only.
        let head = r#"<title>Ferry fares rise | Harbour Post</title>
            <meta property="og:site_name" content="Harbour Post">"#;
        assert_eq!(
            title_of(head, "<h1>Harbour Post</h1><p>Text.</p>").as_deref(),
            Some("Ferry fares rise")
        );
        // A site-named h1 is no headline even when the title starts with the site.
        let head = r#"<title>Harbour Post - Ferry fares rise again this spring</title>
            <meta property="og:site_name" content="Harbour Post">"#;
        assert_eq!(
            title_of(head, "<h1>Harbour Post</h1>").as_deref(),
            Some("Ferry fares rise again this spring")
        );
    }

    #[test]
    fn a_logo_heading_names_the_site_segment() {
        let head = r#"<title>Liver with apple and onion | Love Goes Through the Stomach</title>"#;
        let body = r#"<h1><a href="/">Love Goes Through the Stomach</a></h1><p>Text.</p>"#;
        assert_eq!(
            title_of(head, body).as_deref(),
            Some("Liver with apple and onion")
        );
    }

    #[test]
    fn a_title_cut_at_an_unescaped_quote_is_read_from_the_whole_one() {
        let head = r#"<title>Mayor calls the plan "absurd"</title>
            <meta property="og:title" content="Mayor calls the plan "absurd"">"#;
        assert_eq!(
            title_of(head, "<p>Text.</p>").as_deref(),
            Some(r#"Mayor calls the plan "absurd""#)
        );
        // A shorter declared headline that the `<title>` only extends is no cut.
        let head = r#"<title>Mayor calls the plan absurd | Harbour Post</title>
            <meta property="og:title" content="Mayor calls the plan absurd">"#;
        assert_eq!(
            title_of(head, "<p>Text.</p>").as_deref(),
            Some("Mayor calls the plan absurd")
        );
    }

    #[test]
    fn twice_escaped_titles_are_decoded() {
        let head = r#"<title>Shops close early &amp;raquo; Harbour Post</title>
            <meta property="og:site_name" content="Harbour Post">"#;
        assert_eq!(
            title_of(head, "<p>Text.</p>").as_deref(),
            Some("Shops close early")
        );
    }

    #[test]
    fn parsely_and_dublin_core_titles_are_declared_titles() {
        let parsely = r#"<meta name="parsely-title" content="Night trains return">"#;
        assert_eq!(
            title_of(parsely, "<p>Text.</p>").as_deref(),
            Some("Night trains return")
        );
        let dublin_core =
            r#"<title>Home</title><meta property="dc:title" content="Night trains return">"#;
        assert_eq!(
            title_of(dublin_core, "<p>Text.</p>").as_deref(),
            Some("Night trains return")
        );
    }
}
