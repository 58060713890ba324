//! The output record: the Article's fields, provenance, and the dedup decision.

use dateline_model::Article;
use serde::Serialize;

use crate::provenance::Provenance;

/// One output record, as written to JSONL and Parquet.
#[derive(Debug, Clone, Serialize)]
pub struct OutputRecord {
    /// The article; its `url` is the fetched URL when the input gives one.
    #[serde(flatten)]
    pub article: Article,
    /// The archive's path as given.
    pub warc_file: Option<String>,
    /// `WARC-Record-ID`.
    pub warc_record_id: Option<String>,
    /// Byte offset of the record (of its gzip member) in the archive.
    pub warc_offset: Option<u64>,
    /// `WARC-Date`.
    pub warc_date: Option<String>,
    /// HTTP `Date` as ISO 8601, else the capture date.
    pub fetched_at: Option<String>,
    /// Id of the cluster's first-seen record (its `warc_record_id`, or source path); `null`
    /// with `--dedup off`.
    pub cluster_id: Option<String>,
    /// Id of the first-seen record this one duplicates; `null` for a first-seen record.
    pub duplicate_of: Option<String>,
    /// `false` for pages judged not to be articles (written only with `--all`).
    pub is_article: bool,
    /// Why a page is not an article (the `not_articles` keys of `stats.json`, such as
    /// `needs_javascript`); `null` for articles.
    pub not_article: Option<&'static str>,
}

impl OutputRecord {
    pub(crate) fn new(
        mut article: Article,
        prov: Provenance,
        not_article: Option<&'static str>,
    ) -> Self {
        if prov.url.is_some() {
            article.url = prov.url;
        }
        OutputRecord {
            article,
            warc_file: prov.warc_file,
            warc_record_id: prov.warc_record_id,
            warc_offset: prov.warc_offset,
            warc_date: prov.warc_date,
            fetched_at: prov.fetched_at,
            cluster_id: None,
            duplicate_of: None,
            is_article: not_article.is_none(),
            not_article,
        }
    }
}
