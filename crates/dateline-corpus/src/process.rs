//! The worker step: one item in, one decision out (extract, judge, filter, fingerprint).

use dateline_dedup::{Fingerprint, Fingerprinter};
use dateline_extract::Options;
use dateline_model::Article;

use crate::classify::{self, NotArticle};
use crate::config::{DedupMode, OutputConfig};
use crate::filter;
use crate::provenance::Provenance;
use crate::source::{Item, Payload};

/// Shared, read-only state of the workers.
pub(crate) struct Worker {
    options: Options,
    output: OutputConfig,
    fingerprinter: Option<Fingerprinter>,
}

/// What became of one item.
pub(crate) enum Outcome {
    /// Not a page (stats key).
    Skipped(&'static str),
    /// Unreadable record or page (message with file and offset).
    Failed(String),
    /// Removed by a user filter (stats key).
    Filtered(&'static str),
    /// Not an article, and `--all` is off.
    NotArticle(NotArticle),
    /// To be deduplicated and written.
    Kept(Box<Kept>),
}

/// A record on its way to the output.
pub(crate) struct Kept {
    pub article: Article,
    /// `None` when it is an article, else why not (kept because of `--all`).
    pub not_article: Option<NotArticle>,
    pub fingerprint: Option<Fingerprint>,
}

/// One processed item, in the order the reader produced it.
pub(crate) struct Processed {
    pub source: String,
    pub prov: Provenance,
    pub outcome: Outcome,
}

impl Worker {
    pub(crate) fn new(output: &OutputConfig, limits: dateline_html::Limits) -> Self {
        let fingerprinter =
            (output.dedup != DedupMode::Off).then(|| Fingerprinter::new(&output.dedup_config));
        Worker {
            options: Options {
                tables: output.tables,
                limits,
                ..Options::default()
            },
            output: output.clone(),
            fingerprinter,
        }
    }

    pub(crate) fn process(&self, item: Item) -> Processed {
        let Item {
            source,
            prov,
            payload,
        } = item;
        let outcome = self.outcome(&source, &prov, payload);
        Processed {
            source,
            prov,
            outcome,
        }
    }

    fn outcome(&self, source: &str, prov: &Provenance, payload: Payload) -> Outcome {
        let filters = &self.output.filters;
        // The crawl time resolves "3 hours ago" and rejects dates after the fetch.
        let fetched = prov.warc_date.as_deref().or(prov.fetched_at.as_deref());
        let options = Options {
            url: prov.url.clone(),
            reference_time: fetched.and_then(|d| d.trim().parse::<jiff::Timestamp>().ok()),
            ..self.options.clone()
        };
        // Outlives the match: the fingerprint hashes the page bytes after extraction.
        let html: Vec<u8>;
        let (mut article, body) = match payload {
            Payload::Skip(reason) => return Outcome::Skipped(reason),
            Payload::Error(message) => return Outcome::Failed(message),
            Payload::Html {
                bytes,
                start,
                content_type,
            } => {
                if let Err(key) = filter::host_allowed(filters, prov.url.as_deref()) {
                    return Outcome::Filtered(key);
                }
                html = bytes;
                let body = html.get(start..).unwrap_or_default();
                match dateline_extract::extract_bytes(body, content_type.as_deref(), &options) {
                    Ok(article) => (article, Some(body)),
                    Err(e) => return Outcome::Failed(format!("{source}: {e}")),
                }
            }
            Payload::Text(text) => {
                if let Err(key) = filter::host_allowed(filters, prov.url.as_deref()) {
                    return Outcome::Filtered(key);
                }
                // Text pages are what crawlers keep of a page: read them as flattened text.
                (dateline_extract::extract_text(&text, &options), None)
            }
        };
        if prov.warc_file.is_none() {
            article.source = Some(source.to_string());
        }
        let not_article = classify::judge(&article, prov.url.as_deref(), body).err();
        if let Some(why) = not_article
            && !self.output.keep_all
        {
            return Outcome::NotArticle(why);
        }
        if let Err(key) = filter::article_allowed(filters, &article) {
            return Outcome::Filtered(key);
        }
        let fingerprint = self.fingerprinter.as_ref().map(|f| {
            let fp = f.fingerprint(&article.text);
            match &body {
                Some(bytes) => fp.with_payload(bytes),
                None => fp,
            }
        });
        Outcome::Kept(Box::new(Kept {
            article,
            not_article,
            fingerprint,
        }))
    }
}
