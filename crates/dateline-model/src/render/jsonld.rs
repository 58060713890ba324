//! schema.org `NewsArticle` JSON-LD, the form search engines and knowledge-graph tools read.

use serde_json::{Map, Value, json};

use crate::Article;

/// The article as one schema.org `NewsArticle` object (pretty-printed JSON). Fields the
/// article does not have are left out; the dateline is expressed as `locationCreated` and
/// `sourceOrganization`, the closest schema.org terms.
pub fn jsonld(article: &Article) -> String {
    let value = jsonld_value(article);
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_string())
}

/// [`jsonld`] as a JSON value, for callers that embed it.
pub fn jsonld_value(article: &Article) -> Value {
    let mut object = Map::new();
    object.insert("@context".into(), json!("https://schema.org"));
    object.insert("@type".into(), json!("NewsArticle"));
    let mut put = |key: &str, value: Option<&String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            object.insert(key.into(), json!(value));
        }
    };
    put("headline", article.title.as_ref());
    put("description", article.description.as_ref());
    put("datePublished", article.date_published.as_ref());
    put("dateModified", article.date_modified.as_ref());
    put("articleSection", article.section.as_ref());
    put("inLanguage", article.language.as_ref());
    put("image", article.image.as_ref());
    put(
        "url",
        article.canonical_url.as_ref().or(article.url.as_ref()),
    );
    if !article.authors.is_empty() {
        let authors: Vec<Value> = article
            .authors
            .iter()
            .map(|name| json!({"@type": "Person", "name": name}))
            .collect();
        object.insert("author".into(), Value::Array(authors));
    }
    // schema.org has no site-name property: the publishing organisation stands for the site
    // when the page did not name one apart.
    let publisher = [&article.publisher, &article.site_name]
        .into_iter()
        .find_map(|name| name.as_ref().filter(|s| !s.is_empty()));
    if let Some(publisher) = publisher {
        object.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": publisher}),
        );
    }
    if !article.tags.is_empty() {
        object.insert("keywords".into(), json!(article.tags));
    }
    if let Some(dateline) = &article.dateline {
        if let Some(place) = dateline.place.as_ref() {
            object.insert(
                "locationCreated".into(),
                json!({"@type": "Place", "name": place}),
            );
        }
        if !dateline.agencies.is_empty() {
            let agencies: Vec<Value> = dateline
                .agencies
                .iter()
                .map(|name| json!({"@type": "NewsMediaOrganization", "name": name}))
                .collect();
            object.insert("sourceOrganization".into(), Value::Array(agencies));
        }
    }
    if !article.text.is_empty() {
        object.insert("articleBody".into(), json!(article.text));
    }
    object.insert("wordCount".into(), json!(article.word_count));
    Value::Object(object)
}
