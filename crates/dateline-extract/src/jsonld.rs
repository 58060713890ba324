//! schema.org data from `<script type="application/ld+json">`: the article's headline,
//! body, authors and dates as the publisher's CMS states them.
//!
//! Broken JSON is common (trailing commas, two objects glued together, HTML comments around
//! it); a block that does not parse is skipped, never fatal. serde_json's recursion limit
//! bounds deeply nested input.

use std::collections::HashMap;

use dateline_html::{Document, NodeId};
use serde_json::Value;

/// One block's text is not parsed past this size.
const MAX_JSONLD_BYTES: usize = 2 * 1024 * 1024;

/// The fields dateline reads from the first article-like object.
#[derive(Debug, Default, Clone)]
pub(crate) struct JsonLdArticle {
    pub headline: Option<String>,
    pub body: Option<String>,
    pub description: Option<String>,
    /// Person names (and plain strings, which may be either).
    pub authors: Vec<String>,
    /// Authors typed as organisations.
    pub author_orgs: Vec<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub section: Option<String>,
    pub keywords: Vec<String>,
    pub image: Option<String>,
    pub publisher: Option<String>,
    pub language: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "SocialMediaPosting",
    // A forum thread's opening post: its dates and author are the thread's, not a reply's.
    "DiscussionForumPosting",
    "WebPage",
    "VideoObject",
];

/// Reads the JSON-LD `scripts` (found by the metadata walk) and returns the most
/// article-like object.
pub(crate) fn read(doc: &Document, scripts: &[NodeId]) -> Option<JsonLdArticle> {
    let mut best: Option<(usize, JsonLdArticle)> = None;
    let values: Vec<Value> = scripts
        .iter()
        .map(|&id| script_text(doc, id))
        .filter(|raw| raw.len() <= MAX_JSONLD_BYTES)
        .filter_map(|raw| parse_lenient(&raw))
        .collect();
    let mut objects = Vec::new();
    for value in &values {
        flatten(value, &mut objects, 0);
    }
    // Yoast and other graphs name the author once and point at it by `@id`.
    let named: HashMap<&str, &serde_json::Map<String, Value>> = objects
        .iter()
        .filter(|o| o.contains_key("name"))
        .filter_map(|o| o.get("@id").and_then(Value::as_str).map(|id| (id, *o)))
        .collect();
    for object in &objects {
        let Some(rank) = type_rank(object) else {
            continue;
        };
        if best.as_ref().is_none_or(|(r, _)| rank < *r) {
            best = Some((rank, from_object(object, &named)));
        }
    }
    best.map(|(_, article)| article)
}

fn script_text(doc: &Document, id: NodeId) -> String {
    doc.children(id).filter_map(|c| doc.text(c)).collect()
}

fn parse_lenient(raw: &str) -> Option<Value> {
    // Wrappers XHTML-era templates put around script text.
    let trimmed = raw
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("//")
        .trim_start()
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("]]>")
        .trim_end()
        .trim_end_matches("//")
        .trim()
        .trim_end_matches(';');
    serde_json::from_str(trimmed).ok().or_else(|| {
        let repaired = repair(trimmed);
        // A stray brace or a second object after a complete one: the first value stands.
        serde_json::Deserializer::from_str(&repaired)
            .into_iter::<Value>()
            .next()
            .and_then(Result::ok)
    })
}

/// Mends the two slips hand-templated JSON-LD makes most: raw line breaks and tabs inside
/// strings (an `articleBody` pasted as is) and trailing commas before `}` or `]`. Browsers
/// ignore broken JSON-LD, but search engines' parsers accept these, so publishers never notice.
fn repair(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut in_string = false;
    let mut escaped = false;
    for (at, c) in raw.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                c if c.is_control() => {
                    out.push(' ');
                    continue;
                }
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c == ',' {
            let rest = raw[at + 1..].trim_start();
            if rest.starts_with(['}', ']']) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Collects every object (through arrays and `@graph`) up to a small depth.
fn flatten<'a>(value: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| flatten(v, out, depth + 1)),
        Value::Object(map) => {
            out.push(map);
            if let Some(graph) = map.get("@graph") {
                flatten(graph, out, depth + 1);
            }
            if let Some(entity) = map.get("mainEntity") {
                flatten(entity, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// Lower is better: news article types before generic web pages.
fn type_rank(object: &serde_json::Map<String, Value>) -> Option<usize> {
    let types: Vec<&str> = match object.get("@type")? {
        Value::String(s) => vec![s.as_str()],
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    types
        .iter()
        .filter_map(|t| {
            let t = t.rsplit(['/', ':']).next().unwrap_or(t);
            ARTICLE_TYPES.iter().position(|known| *known == t)
        })
        .min()
}

fn from_object(
    object: &serde_json::Map<String, Value>,
    named: &HashMap<&str, &serde_json::Map<String, Value>>,
) -> JsonLdArticle {
    let author = object.get("author").map(|a| resolve(a, named));
    JsonLdArticle {
        headline: string(object.get("headline")).or_else(|| string(object.get("name"))),
        body: string(object.get("articleBody")),
        description: string(object.get("description")),
        authors: people(author.as_ref()),
        author_orgs: organisations(author.as_ref()),
        date_published: string(object.get("datePublished"))
            .or_else(|| string(object.get("dateCreated")))
            .or_else(|| string(object.get("uploadDate"))),
        date_modified: string(object.get("dateModified")),
        section: strings(object.get("articleSection")).into_iter().next(),
        keywords: strings(object.get("keywords"))
            .iter()
            .flat_map(|k| k.split(','))
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect(),
        image: url_of(object.get("image")),
        publisher: object
            .get("publisher")
            .map(|p| resolve(p, named))
            .and_then(|p| names(Some(&p)).into_iter().next()),
        language: string(object.get("inLanguage")),
    }
}

fn string(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => {
            let s = crate::text::collapse(&decode_entities(s));
            (!s.is_empty()).then_some(s)
        }
        Value::Array(items) => items.iter().find_map(|v| string(Some(v))),
        Value::Object(map) => string(map.get("@value")),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(|v| string(Some(v))).collect(),
        Some(v) => string(Some(v)).into_iter().collect(),
        None => Vec::new(),
    }
}

/// `author`: a string, an object with `name` (or only `givenName`/`familyName`), or an
/// array of either.
fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().flat_map(|v| names(Some(v))).collect(),
        Some(Value::Object(map)) => string(map.get("name"))
            .or_else(|| person_name_parts(map))
            .into_iter()
            .collect(),
        Some(v) => string(Some(v)).into_iter().collect(),
        None => Vec::new(),
    }
}

/// A Person given as `givenName` (plus `additionalName`) and `familyName` without `name`.
fn person_name_parts(map: &serde_json::Map<String, Value>) -> Option<String> {
    let parts: Vec<String> = ["givenName", "additionalName", "familyName"]
        .iter()
        .filter_map(|key| string(map.get(*key)))
        .collect();
    string(map.get("familyName"))?;
    Some(parts.join(" "))
}

/// `{"@id": "…"}` references replaced by the named object they point to (one level).
fn resolve(value: &Value, named: &HashMap<&str, &serde_json::Map<String, Value>>) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(|v| resolve(v, named)).collect()),
        Value::Object(map) if !map.contains_key("name") && !map.contains_key("familyName") => map
            .get("@id")
            .and_then(Value::as_str)
            .and_then(|id| named.get(id))
            .map_or_else(|| value.clone(), |o| Value::Object((*o).clone())),
        other => other.clone(),
    }
}

const ORGANISATION_TYPES: &[&str] = &["Organization", "NewsMediaOrganization", "Corporation"];

/// Typed as an organisation and not also as a person (Yoast types one-person sites as both).
fn is_organisation(map: &serde_json::Map<String, Value>) -> bool {
    let types: Vec<&str> = match map.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    types.iter().any(|t| ORGANISATION_TYPES.contains(t)) && !types.contains(&"Person")
}

/// `author` values that are people or untyped strings.
fn people(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().flat_map(|v| people(Some(v))).collect(),
        Some(Value::Object(map)) if is_organisation(map) => Vec::new(),
        v => names(v),
    }
}

/// `author` values typed as organisations.
fn organisations(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().flat_map(|v| organisations(Some(v))).collect(),
        Some(Value::Object(map)) if is_organisation(map) => names(value),
        _ => Vec::new(),
    }
}

fn url_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(|v| url_of(Some(v))),
        Value::Object(map) => string(map.get("url")).or_else(|| string(map.get("@id"))),
        _ => None,
    }
}

/// CMSs often put HTML-escaped text into JSON strings.
fn decode_entities(s: &str) -> String {
    // A no-break space from `&nbsp;` is a space in a name or a headline.
    dateline_html::unescape_entities(s).replace('\u{a0}', " ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    #[test]
    fn escaped_json_strings_are_decoded() {
        assert_eq!(
            super::decode_entities("a &#038; b &#x26; c &#; d &#99999999999;"),
            "a & b & c &#; d &#99999999999;"
        );
        assert_eq!(
            super::decode_entities("Redacci&oacute;n&nbsp;Diario"),
            "Redacción Diario"
        );
    }

    use super::*;
    use dateline_html::{Limits, parse};

    fn scripts(doc: &Document) -> Vec<NodeId> {
        crate::metadata::Signals::read(doc).ld_scripts
    }

    #[test]
    fn reads_graph_and_authors() {
        let html = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":"NewsArticle","headline":"Big &amp; bold","author":[{"@type":"Person","name":"Ana Díaz"},"Bo Li"],"datePublished":"2024-03-05T09:15:00-05:00","articleBody":"Body text."}]}</script>"#;
        let doc = parse(html, &Limits::default());
        let article = read(&doc, &scripts(&doc)).unwrap();
        assert_eq!(article.headline.as_deref(), Some("Big & bold"));
        assert_eq!(article.authors, vec!["Ana Díaz", "Bo Li"]);
        assert_eq!(
            article.date_published.as_deref(),
            Some("2024-03-05T09:15:00-05:00")
        );
        assert_eq!(article.body.as_deref(), Some("Body text."));
    }

    #[test]
    fn cdata_wrapped_json_is_read() {
        let html = "<script type=\"application/ld+json\">\n//<![CDATA[\n{\"@type\":\"Article\",\"datePublished\":\"2003-02-28T21:51:08Z\"}\n//]]>\n</script>";
        let doc = parse(html, &Limits::default());
        let article = read(&doc, &scripts(&doc)).unwrap();
        assert_eq!(
            article.date_published.as_deref(),
            Some("2003-02-28T21:51:08Z")
        );
    }

    #[test]
    fn people_named_only_by_their_parts() {
        let html = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":[{"@type":"Person","givenName":"Ana","familyName":"Díaz"},{"@type":"Person","givenName":"Bo"}]}</script>"#;
        let doc = parse(html, &Limits::default());
        let article = read(&doc, &scripts(&doc)).unwrap();
        assert_eq!(article.authors, vec!["Ana Díaz"]);
    }

    #[test]
    fn authors_referenced_by_id_are_resolved() {
        let html = r#"<script type="application/ld+json">{"@graph":[{"@type":"Article","author":{"@id":"https://example.org/#p1"},"headline":"H"},{"@type":["Person","Organization"],"@id":"https://example.org/#p1","name":"Ana Díaz"}]}</script>"#;
        let doc = parse(html, &Limits::default());
        let article = read(&doc, &scripts(&doc)).unwrap();
        assert_eq!(article.authors, vec!["Ana Díaz"]);
        assert!(article.author_orgs.is_empty());
    }

    #[test]
    fn raw_line_breaks_and_trailing_commas_are_mended() {
        let html = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\",\n\
            \"headline\": \"Two\n lines\", \"author\": {\"@type\": \"Person\", \"name\": \"Ana Ruiz\",},}}\
            </script>";
        let doc = parse(html, &Limits::default());
        let article = read(&doc, &scripts(&doc)).unwrap();
        assert_eq!(article.authors, vec!["Ana Ruiz".to_string()]);
    }

    #[test]
    fn broken_json_is_skipped() {
        let html = r#"<script type="application/ld+json">{"@type":"NewsArticle", "headline": </script><script type="application/ld+json">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>"#;
        let doc = parse(html, &Limits::default());
        assert!(read(&doc, &scripts(&doc)).is_none());
    }
}
