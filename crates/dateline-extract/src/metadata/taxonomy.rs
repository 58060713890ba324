//! Section and tags: where the article is filed and what it is about.

use dateline_html::{Document, local_name};

use crate::filter::normalise;
use crate::jsonld::JsonLdArticle;
use crate::metadata::position::Anchors;
use crate::metadata::signals::Signals;
use crate::text::collapse;

/// Crumbs longer than this are headlines, not sections.
const MAX_CRUMB_CHARS: usize = 40;
/// More tags than this is a keyword-stuffed list, cut to its head.
const MAX_TAGS: usize = 30;

/// Words that name the start page in breadcrumbs.
const HOME_CRUMBS: &[&str] = &[
    "home",
    "start",
    "startseite",
    "accueil",
    "inicio",
    "início",
    "portada",
    "homepage",
    "главная",
    "home page",
    "forside",
    "etusivu",
    "strona główna",
    "ana sayfa",
];

pub(crate) fn section(
    doc: &Document,
    signals: &Signals,
    jsonld: Option<&JsonLdArticle>,
    title: Option<&str>,
) -> Option<String> {
    jsonld
        .and_then(|l| l.section.clone())
        .or_else(|| signals.first(&["article:section", "section", "parsely-section"]))
        .map(|s| collapse(&s))
        .filter(|s| !s.is_empty())
        .or_else(|| breadcrumb_section(doc, signals, title))
        .or_else(|| {
            signals
                .category_links
                .iter()
                .map(|&id| collapse(&doc.text_content(id)))
                .find(|c| !c.is_empty() && c.chars().count() <= MAX_CRUMB_CHARS)
        })
}

/// The last breadcrumb that is neither the start page nor the article itself.
fn breadcrumb_section(doc: &Document, signals: &Signals, title: Option<&str>) -> Option<String> {
    let title = title.map(normalise);
    signals.breadcrumbs.iter().find_map(|&trail| {
        let crumbs: Vec<String> = doc
            .descendants(trail)
            .filter(|&id| {
                matches!(
                    doc.html_tag(id),
                    Some(&local_name!("a")) | Some(&local_name!("span")) | Some(&local_name!("li"))
                ) && doc.children(id).all(|c| doc.element(c).is_none())
            })
            .map(|id| collapse(&doc.text_content(id)))
            .filter(|c| {
                let key = normalise(c);
                !c.is_empty()
                    && c.chars().count() <= MAX_CRUMB_CHARS
                    && c.chars().any(char::is_alphabetic)
                    && !HOME_CRUMBS.contains(&key.as_str())
                    && title.as_deref() != Some(key.as_str())
            })
            .collect();
        crumbs.last().cloned()
    })
}

pub(crate) fn tags(
    doc: &Document,
    signals: &Signals,
    jsonld: Option<&JsonLdArticle>,
    anchors: Anchors,
) -> Vec<String> {
    let mut raw: Vec<String> = Vec::new();
    if let Some(ld) = jsonld {
        raw.extend(ld.keywords.iter().cloned());
    }
    if raw.is_empty() {
        raw.extend(signals.article_tags.iter().cloned());
    }
    if raw.is_empty()
        && let Some(keywords) = signals.first(&["news_keywords", "keywords", "parsely-tags"])
    {
        raw.push(keywords);
    }
    if raw.is_empty() {
        raw.extend(
            signals
                .tag_links
                .iter()
                .map(|&id| collapse(&doc.text_content(id))),
        );
    }
    if raw.is_empty() {
        raw.extend(tag_box_links(doc, signals, anchors));
    }
    let mut seen = std::collections::HashSet::new();
    raw.iter()
        .flat_map(|k| k.split([',', ';']))
        .map(collapse)
        .filter(|t| !t.is_empty() && t.chars().count() <= 80 && seen.insert(t.to_lowercase()))
        .take(MAX_TAGS)
        .collect()
}

/// Links read from one tag list.
const MAX_TAG_LINKS: usize = 30;

/// The link texts of the story's tag list nearest the story (Drupal's `field-tags`,
/// `post-tags`), when the page marks tags no other way.
fn tag_box_links(doc: &Document, signals: &Signals, anchors: Anchors) -> Vec<String> {
    let Some(list) = signals
        .tag_boxes
        .iter()
        .filter_map(|&id| Some((anchors.distance(doc, id)?, id)))
        .min()
        .map(|(_, id)| id)
    else {
        return Vec::new();
    };
    doc.descendants(list)
        .filter(|&id| doc.html_tag(id) == Some(&local_name!("a")))
        .take(MAX_TAG_LINKS)
        .map(|id| collapse(&doc.text_content(id)))
        .collect()
}
