//! The extraction engine: one news page in, one [`Article`] out. No IO.
//!
//! The pipeline, one module per stage (see ARCHITECTURE.md):
//! 1. [`analysis`]: prune non-content subtrees, measure text and link lengths per element;
//! 2. [`candidate`]: score containers and choose the article body (plus joining siblings);
//! 3. [`collect`]: turn the chosen elements into typed blocks in reading order;
//! 4. [`filter`]: drop leftover boilerplate blocks;
//! 5. fallbacks: the whole page when the choice holds almost nothing, JSON-LD `articleBody`
//!    when it holds much more than the markup choice;
//! 6. [`metadata`] and [`jsonld`]: title and the declared metadata.
//!
//! ```
//! let html = "<html><head><title>Rain returns | The Example Times</title>\
//!     <meta property='og:site_name' content='The Example Times'></head><body>\
//!     <nav><a href='/'>Home</a> <a href='/world'>World</a></nav>\
//!     <article><h1>Rain returns</h1><p>After a dry summer, the rain came back on Monday, \
//!     filling reservoirs across the region and ending a months-long hosepipe ban.</p></article>\
//!     <footer>© The Example Times</footer></body></html>";
//! let article = dateline_extract::extract_html(html, &dateline_extract::Options::default());
//! assert_eq!(article.title.as_deref(), Some("Rain returns"));
//! assert!(article.text.starts_with("After a dry summer"));
//! assert!(!article.text.contains("Home"));
//! ```
#![forbid(unsafe_code)]

mod analysis;
mod app_shell;
mod byline_blocks;
mod candidate;
mod collect;
mod filter;
mod flat;
mod hints;
mod jsonld;
mod metadata;
mod short_body;
mod tags;
mod text;
pub mod textmeta;

pub use app_shell::needs_javascript;

use dateline_html::{Document, InputError, Limits, NodeId};
use dateline_model::{Article, Block};

use crate::collect::{CollectOptions, collect};
use crate::filter::LinkLists;

/// What to extract and how.
#[derive(Debug, Clone)]
pub struct Options {
    /// The page's URL, used to resolve relative links and as `Article::url`.
    pub url: Option<String>,
    /// Keep data tables in the body.
    pub tables: bool,
    /// Record hyperlinks inside body text.
    pub links: bool,
    /// Keep images in the body as image blocks.
    pub images: bool,
    /// Input bounds.
    pub limits: Limits,
    /// When the page was fetched: resolves relative dates ("3 hours ago") and rejects dates
    /// after it. `None` reads relative dates as unknown and rejects nothing by time.
    pub reference_time: Option<jiff::Timestamp>,
    /// Read the metadata fields (authors, dates, section, tags, language, dateline, …).
    /// Without it only the title, site name and body are set, which is faster.
    pub metadata: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            url: None,
            tables: true,
            links: false,
            images: false,
            limits: Limits::default(),
            reference_time: None,
            metadata: true,
        }
    }
}

/// Decodes and extracts a page given as bytes (gzip and any charset); `content_type` is the
/// HTTP header when known.
pub fn extract_bytes(
    bytes: &[u8],
    content_type: Option<&str>,
    options: &Options,
) -> Result<Article, InputError> {
    dateline_html::with_decoded(bytes, content_type, &options.limits, |text, _| {
        extract_html(text, options)
    })
}

/// Extracts from decoded HTML.
pub fn extract_html(html: &str, options: &Options) -> Article {
    let doc = dateline_html::parse(html, &options.limits);
    extract_parsed(&doc, Some(html), options)
}

/// Extracts from a page already flattened to text (a crawler's text dump: the whole visible
/// text, menus and footers included). The body is a subsequence of the input's lines.
pub fn extract_text(text: &str, options: &Options) -> Article {
    flat::extract(text, options)
}

/// Decodes flattened page text given as bytes (gzip, a BOM, UTF-8, or a detected legacy
/// charset) and extracts from it as [`extract_text`] does.
pub fn extract_text_bytes(bytes: &[u8], options: &Options) -> Result<Article, InputError> {
    dateline_html::with_decoded(bytes, None, &options.limits, |text, _| {
        extract_text(text, options)
    })
}

/// Extracts from a parsed document.
pub fn extract_document(doc: &Document, options: &Options) -> Article {
    extract_parsed(doc, None, options)
}

/// `html` is the text `doc` was parsed from, when known: script bodies, which the parser
/// never sees, are read from it as a late date source.
fn extract_parsed(doc: &Document, html: Option<&str>, options: &Options) -> Article {
    let signals = metadata::Signals::read(doc);
    let ld = jsonld::read(doc, &signals.ld_scripts);
    let site_name = metadata::site_name(&signals, ld.as_ref());
    let title = metadata::title::title(&signals, ld.as_ref(), site_name.as_deref());

    let start = doc.body().unwrap_or(doc.root());
    let analysis = analysis::analyse(doc, start);
    let collect_options = CollectOptions {
        tables: options.tables,
        links: options.links,
        images: options.images,
    };
    // Collects and filters the body from `parts` as `analysis` judged the page.
    let read = |analysis: &analysis::Analysis, parts: &[NodeId], link_lists: LinkLists| {
        let blocks = filter::filter_keeping_images(
            collect(doc, analysis, parts, &collect_options),
            title.as_deref(),
            options.images,
            link_lists,
        );
        let chars = body_chars(&blocks);
        (blocks, chars)
    };
    let chosen = candidate::choose(doc, &analysis, start);
    let (mut blocks, mut chars) = match &chosen {
        Some(choice) => read(&analysis, &choice.parts, LinkLists::Dropped),
        None => (Vec::new(), 0),
    };
    let keep_short = chosen.as_ref().is_some_and(|choice| {
        let headline = || metadata::headline_node(doc, &signals, title.as_deref());
        short_body::is_whole_story(doc, &analysis, choice, headline)
    });
    if chars < short_body::FALLBACK_BELOW_CHARS && !(chars > 0 && keep_short) {
        // Climb from the choice to the first ancestor holding enough prose before falling
        // back to the whole page, which drags sidebars along.
        let wider = chosen
            .as_ref()
            .and_then(|c| short_body::enclosing_prose(doc, &analysis, c.top, start))
            .unwrap_or(start);
        let (whole, whole_chars) = read(&analysis, &[wider], LinkLists::Dropped);
        if whole_chars > chars {
            (blocks, chars) = (whole, whole_chars);
        }
    }
    if chars == 0 {
        // Every text of the page sits in elements named as furniture (a forum thread whose
        // opening post is marked up as the first comment): read it again without judging
        // names rather than return nothing from a page that has text.
        let lenient = analysis::analyse_with(doc, start, analysis::Names::Ignored);
        if let Some(choice) = candidate::choose(doc, &lenient, start) {
            (blocks, chars) = read(&lenient, &choice.parts, LinkLists::Dropped);
        }
    }
    // A post that is nothing but lists of links (a weekly round-up) loses all of them to the
    // filter; when the story found is that short, its lists are the story.
    if chars < short_body::FALLBACK_BELOW_CHARS
        && let Some(choice) = &chosen
    {
        let (with_lists, with_lists_chars) = read(&analysis, &choice.parts, LinkLists::Kept);
        if with_lists_chars >= short_body::FALLBACK_BELOW_CHARS {
            (blocks, chars) = (with_lists, with_lists_chars);
        }
    }
    if let Some(ld_body) = ld.as_ref().and_then(|l| l.body.as_deref()) {
        let ld_chars = text::char_len(ld_body);
        if ld_chars >= 500 && ld_chars > 2 * chars {
            blocks = ld_body
                .split('\n')
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(|line| Block::Paragraph {
                    text: line.to_string(),
                    links: Vec::new(),
                })
                .collect();
        }
    }

    let mut article = Article {
        title,
        site_name,
        ..Article::default()
    };
    article.set_body(blocks);
    if !options.metadata {
        return article;
    }
    metadata::fill(
        &mut article,
        &metadata::Inputs {
            doc,
            signals: &signals,
            jsonld: ld.as_ref(),
            body_top: chosen.as_ref().map(|c| c.top),
            html,
            options,
        },
    );
    article
}

fn body_chars(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter_map(Block::plain_text)
        .map(|t| text::char_len(&t))
        .sum()
}
