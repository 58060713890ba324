//! The metadata stage: every `Article` field besides the body.
//!
//! [`signals`] walks the page once and notes every source; the field modules rank those
//! sources with the article's position known ([`position`]), so a date or a name in a sidebar
//! teaser never wins over the one next to the headline. A field the page does not state stays
//! empty: nothing here guesses.

mod authors;
mod date_evidence;
mod dates;
mod language;
pub(crate) mod position;
mod publisher;
mod script_dates;
pub(crate) mod signals;
mod taxonomy;
pub(crate) mod title;
mod urls;
mod zone;

use dateline_html::{Document, NodeId};
use dateline_model::{Article, Block};
use url::Url;

use crate::Options;
use crate::filter::normalise;
use crate::jsonld::JsonLdArticle;
use crate::textmeta::{self, DateContext};
pub(crate) use position::Anchors;
pub(crate) use signals::Signals;

/// What the metadata stage reads besides the page.
pub(crate) struct Inputs<'a> {
    pub doc: &'a Document,
    pub signals: &'a Signals,
    pub jsonld: Option<&'a JsonLdArticle>,
    /// The top element of the chosen body, when one was chosen.
    pub body_top: Option<NodeId>,
    /// The page text the document was parsed from, when known.
    pub html: Option<&'a str>,
    pub options: &'a Options,
}

/// The site's name as the page declares it.
pub(crate) fn site_name(signals: &Signals, jsonld: Option<&JsonLdArticle>) -> Option<String> {
    signals
        .first(&["og:site_name", "application-name", "al:android:app_name"])
        .or_else(|| jsonld.and_then(|l| l.publisher.clone()))
        .or_else(|| {
            signals
                .get("twitter:site")
                .map(|s| s.trim_start_matches('@').to_string())
        })
        .filter(|s| !s.is_empty())
}

/// Fills every metadata field of `article`, whose body is already set.
pub(crate) fn fill(article: &mut Article, inputs: &Inputs<'_>) {
    let Inputs {
        doc,
        signals,
        jsonld,
        body_top,
        html,
        options,
    } = *inputs;
    let base = options.url.as_deref().and_then(|u| Url::parse(u).ok());
    article.url = options.url.as_deref().map(|u| urls::clean(None, u));
    article.canonical_url = signals
        .canonical
        .clone()
        .or_else(|| signals.first(&["og:url"]))
        .map(|u| urls::clean(base.as_ref(), &u));
    article.publisher = publisher::publisher(signals, jsonld);
    article.description = signals
        .first(&["description", "og:description", "twitter:description"])
        .or_else(|| jsonld.and_then(|l| l.description.clone()));
    article.image = signals
        .first(&[
            "og:image",
            "og:image:url",
            "og:image:secure_url",
            "twitter:image",
            "twitter:image:src",
        ])
        .or_else(|| jsonld.and_then(|l| l.image.clone()))
        .map(|u| urls::clean(base.as_ref(), &u));
    article.language = signals
        .html_lang
        .as_deref()
        .and_then(language::normalise_tag)
        .or_else(|| {
            signals
                .first(&["content-language", "og:locale", "language", "dc.language"])
                .as_deref()
                .and_then(language::normalise_tag)
        })
        .or_else(|| {
            jsonld
                .and_then(|l| l.language.as_deref())
                .and_then(language::normalise_tag)
        })
        .or_else(|| language::detect(&article.text));

    let anchors = Anchors {
        headline: headline_node(doc, signals, article.title.as_deref()),
        body: body_top,
    };
    let context = date_context(options, article.language.as_deref());
    let date_inputs = dates::DateInputs {
        doc,
        signals,
        jsonld,
        anchors,
        url: options.url.as_deref().or(article.canonical_url.as_deref()),
        context: &context,
        body_text: &article.text,
        html,
    };
    let published = dates::published(&date_inputs);
    let modified = dates::modified(&date_inputs);
    // The zone is looked for only when there is a UTC time to write in it.
    let in_utc =
        |d: &Option<textmeta::PageDate>| d.is_some_and(|d| d.offset == Some(jiff::tz::Offset::UTC));
    let publisher_zone = if in_utc(&published) || in_utc(&modified) {
        let stated = dates::declared(&date_inputs);
        let page_urls: Vec<&str> = [article.canonical_url.as_deref(), options.url.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        zone::publisher_zone(&zone::ZoneEvidence {
            stated: &stated,
            urls: &page_urls,
            language: article.language.as_deref(),
        })
    } else {
        None
    };
    let local = |d: textmeta::PageDate| zone::localise(d, publisher_zone.as_ref());
    let permalink_day = date_inputs.url.and_then(|u| dates::url_date(u, &context));
    article.date_published =
        published.map(|d| dates::settle_day_by_permalink(local(d), permalink_day).to_iso());
    article.date_modified = modified.map(|d| local(d).to_iso());
    article.authors = authors::authors(doc, signals, jsonld, anchors, article.site_name.as_deref());
    article.section = taxonomy::section(doc, signals, jsonld, article.title.as_deref());
    article.tags = taxonomy::tags(doc, signals, jsonld, anchors);
    let head = article.blocks.len();
    let mut blocks = std::mem::take(&mut article.blocks);
    crate::byline_blocks::strip(&mut blocks, &article.authors, &context);
    if blocks.len() == head {
        article.blocks = blocks;
    } else {
        article.set_body(blocks);
    }
    // A dateline gives day and month ("WASHINGTON, Jan 30 (AP)"); its year is the
    // publication's when no fetch time is known.
    let dateline_context = match (context.reference, published) {
        (None, Some(published)) => DateContext {
            reference: jiff::tz::Offset::UTC
                .to_timestamp(published.date.to_datetime(jiff::civil::Time::midnight()))
                .ok(),
            ..context
        },
        _ => context,
    };
    article.dateline = first_paragraph(&article.blocks)
        .and_then(|p| textmeta::parse_dateline(p, &dateline_context))
        .map(|(dateline, _)| dateline);
}

/// The element that carries the headline: the `<h1>` whose text is the title, else another
/// heading or `itemprop=headline` element with that text (CMSs that keep `<h1>` for the logo
/// put the headline in an `<h2>`, `<h6>` or `<strong>`), else an `<h1>` that holds the same
/// words with other punctuation or a kicker ("Kicker" + "Headline" for "Kicker - Headline"),
/// else the first `<h1>`.
pub(crate) fn headline_node(
    doc: &Document,
    signals: &Signals,
    title: Option<&str>,
) -> Option<NodeId> {
    let title = title.map(normalise).filter(|t| !t.is_empty());
    let first_h1 = signals.h1s.first().map(|(id, _)| *id);
    let Some(title) = title else {
        return first_h1;
    };
    if let Some((id, _)) = signals
        .h1s
        .iter()
        .find(|(_, text)| normalise(text) == title)
    {
        return Some(*id);
    }
    heading_with_text(doc, signals, &title)
        .or_else(|| h1_with_words_of(signals, &title))
        .or(first_h1)
}

/// Letters and digits the shorter of an `<h1>` and the title needs to be found in the other.
const MIN_HEADLINE_KEY_CHARS: usize = 16;

fn h1_with_words_of(signals: &Signals, title: &str) -> Option<NodeId> {
    let title = alphanumeric_key(title);
    signals.h1s.iter().find_map(|(id, text)| {
        let text = alphanumeric_key(text);
        let (shorter, longer) = if text.len() <= title.len() {
            (&text, &title)
        } else {
            (&title, &text)
        };
        let related = text == title
            || (shorter.chars().count() >= MIN_HEADLINE_KEY_CHARS
                && longer.contains(shorter.as_str()));
        related.then_some(*id)
    })
}

/// Lower-case letters and digits only: headings split into spans lose or gain separators.
fn alphanumeric_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The heading that reads as the title, also with the suffix the title was cleaned of
/// ("Where is Matt? 2012 - YouTube" for the title "Where is Matt? 2012").
fn heading_with_text(doc: &Document, signals: &Signals, title: &str) -> Option<NodeId> {
    signals.headings.iter().copied().find(|&id| {
        let text = normalise(&doc.text_content(id));
        text.strip_prefix(title).is_some_and(|rest| {
            rest.is_empty()
                || title::TITLE_SEPARATORS
                    .iter()
                    .any(|sep| rest.starts_with(sep))
        })
    })
}

fn first_paragraph(blocks: &[Block]) -> Option<&str> {
    blocks
        .iter()
        .filter(|b| !matches!(b, Block::Image { .. }))
        .take(3)
        .find_map(|b| match b {
            Block::Paragraph { text, .. } => Some(text.as_str()),
            _ => None,
        })
}

fn date_context(options: &Options, language: Option<&str>) -> DateContext {
    DateContext::new(options.reference_time, language)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use dateline_html::{Limits, parse};

    fn headline_text(html: &str, title: &str) -> Option<String> {
        let doc = parse(html, &Limits::default());
        let signals = Signals::read(&doc);
        headline_node(&doc, &signals, Some(title)).map(|id| doc.text_content(id))
    }

    #[test]
    fn a_headline_split_into_kicker_and_text_is_found_past_a_logo_h1() {
        let page = r#"<body><h1><a href="/">Funkhaus</a></h1>
            <article><h1><span>Die Zukunft der Arbeit</span>"Liegestühle umstellen"</h1></article></body>"#;
        let found = headline_text(page, r#"Die Zukunft der Arbeit - "Liegestühle umstellen""#);
        assert_eq!(
            found.as_deref(),
            Some(r#"Die Zukunft der Arbeit"Liegestühle umstellen""#)
        );
    }

    #[test]
    fn a_short_title_inside_a_longer_h1_does_not_make_it_the_headline() {
        // The title is the site's name; the modal's "Site Contact us" is no headline.
        let page = r#"<body><h1>Alternative dispute resolution</h1>
            <div class="modal"><h1><span>Medef</span> Contactez-nous</h1></div></body>"#;
        assert_eq!(
            headline_text(page, "MEDEF").as_deref(),
            Some("Alternative dispute resolution")
        );
    }

    #[test]
    fn a_headline_keeping_the_suffix_cut_from_the_title_is_the_headline() {
        let page = r#"<body><h2><a href="/tv">TV</a></h2><div class=post>
            <h2><a href="/p/1">Dancing in Every Country 2012 - VideoSite</a></h2>
            <p>Dance where you are.</p></div></body>"#;
        assert_eq!(
            headline_text(page, "Dancing in Every Country 2012").as_deref(),
            Some("Dancing in Every Country 2012 - VideoSite")
        );
        // Only a separator makes the rest a suffix: a longer headline is another story.
        let page = r#"<body><h2>Dancing in Every Country 2012 and beyond</h2></body>"#;
        assert_eq!(headline_text(page, "Dancing in Every Country 2012"), None);
    }
}
