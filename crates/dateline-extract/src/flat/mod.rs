//! Articles from pages already flattened to text (crawler text dumps): the whole visible
//! text of a page, menus, related-story lists and footers included, one line per block.
//!
//! Stages, one module each:
//! 1. [`header`]: the crawl header line (`date 2022-01-30 Site.com`), metadata only;
//! 2. [`lines`]: units (lines, or cells of a column layout) with their features;
//! 3. [`segment`]: classes per unit ([`boilerplate`] lexicons, [`lexicon`] function words)
//!    and the body as the highest-scoring run of units;
//! 4. [`metadata`]: headline, byline, dates, dateline, tags and section around the body.
//!
//! The body is always a subsequence of the input's lines (a dateline opening the first
//! paragraph is cut off, nothing else is rewritten).

pub(crate) mod boilerplate;
mod header;
mod lexicon;
mod lines;
mod metadata;
mod segment;

use dateline_model::{Article, Block};

use crate::Options;
use crate::textmeta::{self, DateContext};

/// Extracts the article from flattened page text.
pub(crate) fn extract(text: &str, options: &Options) -> Article {
    let header = header::read(text);
    let units = lines::split(text);
    let skip: Vec<bool> = units
        .iter()
        .map(|u| header.as_ref().is_some_and(|h| h.line == u.line))
        .collect();
    let seg = segment::segment(&units, &skip);
    let header_date = header
        .as_ref()
        .and_then(|h| h.date.as_deref())
        .and_then(|d| textmeta::parse_date(d, &DateContext::default()));
    let ctx = DateContext::new(header_date.and_then(end_of_day), None);
    let first_body = seg.body.first().map(|&(i, _)| i);
    let mut facts = metadata::Facts::new(&units, &ctx, first_body);
    let title = metadata::title(&units, &seg, &skip, &mut facts);
    let title_text = title.map(|t| metadata::title_text(&units, t));
    let byline = metadata::byline(&units, &seg, title.map(|t| t.unit), &mut facts);

    let mut blocks = Vec::new();
    let mut seen_prose = false;
    let mut dateline = None;
    for &(i, heading) in &seg.body {
        let unit = &units[i];
        // The headline can stand under a lone first paragraph (see `metadata::title`).
        if title.is_some_and(|t| t.unit == i) {
            continue;
        }
        if !seen_prose {
            let is_title = title.is_some_and(|t| t.unit == i)
                || title_text.is_some_and(|t| segment::eq_caseless(unit.text, t));
            if is_title || byline.units.contains(&i) || metadata::looks_like_byline(unit.text) {
                continue;
            }
        }
        let mut text = unit.text;
        if blocks.is_empty()
            && !heading
            && let Some((found, prefix)) = metadata::dateline(text, &ctx)
        {
            dateline = Some(found);
            text = text.get(prefix..).unwrap_or(text).trim_start();
        }
        if matches!(seg.classes[i], segment::Class::Good) {
            seen_prose = true;
        }
        let text = text.to_string();
        blocks.push(if heading {
            Block::Heading { level: 2, text }
        } else {
            Block::Paragraph {
                text,
                links: Vec::new(),
            }
        });
    }
    while matches!(blocks.last(), Some(Block::Heading { .. })) {
        blocks.pop();
    }

    let body_text: String = blocks
        .iter()
        .filter_map(Block::plain_text)
        .collect::<Vec<_>>()
        .join("\n");
    let tail = metadata::tail(&units, &seg, &body_text);
    let date_published = byline
        .date
        .or_else(|| {
            header_date
                .is_none()
                .then(|| metadata::any_date(&units, &seg, &ctx))
                .flatten()
        })
        .or(header_date)
        .map(|d| d.to_iso());
    let mut article = Article {
        url: options.url.clone(),
        title: title_text.map(str::to_string),
        authors: byline.authors,
        date_published,
        site_name: header.as_ref().and_then(|h| h.site.clone()),
        section: tail.section,
        tags: tail.tags,
        dateline,
        ..Article::default()
    };
    article.set_body(blocks);
    article
}

/// The last second of the header's day in UTC: relative dates count back from it and no
/// date after it (plus the two days [`DateContext`] allows) is accepted.
fn end_of_day(date: textmeta::PageDate) -> Option<jiff::Timestamp> {
    let time = jiff::civil::Time::new(23, 59, 59, 0).ok()?;
    jiff::tz::Offset::UTC
        .to_timestamp(date.date.to_datetime(time))
        .ok()
}

#[cfg(test)]
mod tests {
    /// Prints each unit with its class and whether it was kept, for the file named by
    /// `FLAT_DUMP` (a debugging aid: `FLAT_DUMP=page.txt cargo test -p dateline-extract
    /// flat::tests::dump -- --ignored --nocapture`).
    #[test]
    #[ignore = "debugging aid"]
    fn dump() {
        let Ok(path) = std::env::var("FLAT_DUMP") else {
            return;
        };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let units = super::lines::split(&text);
        let skip = vec![false; units.len()];
        let seg = super::segment::segment(&units, &skip);
        for (i, unit) in units.iter().enumerate() {
            let kept = seg.body.iter().any(|&(k, _)| k == i);
            let inside = seg.region.contains(&i);
            let mut shown: String = unit.text.chars().take(90).collect();
            shown = shown.replace('\n', " ");
            println!(
                "{}{} {:>3} {:?} w{} s{} | {}",
                if inside { "R" } else { " " },
                if kept { "K" } else { " " },
                unit.indent,
                seg.classes[i],
                unit.f.weight(),
                super::lines::function_words(unit.text),
                shown
            );
        }
    }
}
