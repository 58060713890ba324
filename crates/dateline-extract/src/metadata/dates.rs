//! Publication and modification dates: the best-ranked source wins.
//!
//! Declared metadata first (JSON-LD, then `<meta>` names news CMSs use, then `itemprop`),
//! because a CMS writes them from its database; then what the page shows near the headline
//! (`<time>`, date-classed elements); then a date in the URL path. Publication beats
//! modification, and anything in sidebars, teasers, comments or footers is not the article's.

use std::ops::ControlFlow;

use dateline_html::{Document, NodeId, local_name};

use crate::jsonld::JsonLdArticle;
use crate::metadata::date_evidence;
use crate::metadata::position::{self, Anchors};
use crate::metadata::script_dates;
use crate::metadata::signals::{DateRole, Signals};
use crate::text::collapse;
use crate::textmeta::{self, DateContext, PageDate};

/// `<meta>` names (lower-cased) that name the first publication explicitly, best first.
/// They are read before JSON-LD: news CMSs fill them from the same field, and where the two
/// disagree the meta value is the one the page shows as often as not.
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published:time",
    "datepublished",
    "date_published",
    "published_time",
    "article.published",
    "article_date_original",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "citation_publication_date",
    "originalpublicationdate",
    "publication_date",
    "og:pubdate",
];

/// Generic date names (`date`, `dc.date`, `created`): read after JSON-LD, because CMSs also
/// use them for the day the page was rendered.
const GENERIC_DATE_META: &[&str] = &[
    "dc.date.created",
    "dcterms.created",
    "citation_date",
    "release_date",
    "created",
    "date",
    "dc.date",
    "dcterms.date",
    "displaydate",
];

/// `<meta>` names that state the last change.
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "article:modified:time",
    "datemodified",
    "date_modified",
    "modified_time",
    "article.updated",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
];

/// Visible text read from one date-classed element.
const MAX_BOX_CHARS: usize = 240;

/// What the date stage reads.
pub(crate) struct DateInputs<'a> {
    pub doc: &'a Document,
    pub signals: &'a Signals,
    pub jsonld: Option<&'a JsonLdArticle>,
    pub anchors: Anchors,
    pub url: Option<&'a str>,
    pub context: &'a DateContext,
    /// The extracted body text.
    pub body_text: &'a str,
    /// The page text the document was parsed from, when known.
    pub html: Option<&'a str>,
}

pub(crate) fn published(inputs: &DateInputs<'_>) -> Option<PageDate> {
    let stated = stated_published(inputs)?;
    let permalink = inputs.url.and_then(|u| url_date(u, inputs.context));
    Some(date_evidence::first_publication(stated, permalink))
}

/// A `<meta>` date from the first of `names` the page has, its day and month order settled by
/// the visible text.
fn meta_date(inputs: &DateInputs<'_>, names: &[&str]) -> Option<PageDate> {
    names
        .iter()
        .filter_map(|k| inputs.signals.get(k))
        .find_map(|v| {
            let parsed = textmeta::parse_date(v, inputs.context)?;
            Some(date_evidence::settle_order(v, parsed, inputs))
        })
}

/// The publication date the page states, best source first.
fn stated_published(inputs: &DateInputs<'_>) -> Option<PageDate> {
    let ctx = inputs.context;
    let meta = meta_date(inputs, PUBLISHED_META);
    let ld = inputs
        .jsonld
        .and_then(|l| l.date_published.as_deref())
        .and_then(|v| textmeta::parse_date(v, ctx));
    // Meta and JSON-LD disagree on the day: the one the page shows next to the story wins.
    if let (Some(m), Some(l)) = (meta, ld)
        && m.date != l.date
        && let Some(shown) =
            visible_date(inputs).or_else(|| headline_text_date(inputs).map(|found| found.date))
    {
        if shown.date == l.date {
            return Some(l);
        }
        if shown.date == m.date {
            return Some(m);
        }
    }
    let declared = meta
        .or(ld)
        .or_else(|| generic_meta_date(inputs))
        .or_else(|| prop_date(inputs, DateRole::Published));
    declared
        .or_else(|| visible_date(inputs))
        .or_else(|| {
            let url = || inputs.url.and_then(|u| url_date(u, ctx));
            // A permalink's date beats one read from the opening sentences ("was opened on
            // 18 October"), not a date line of its own.
            match headline_text_date(inputs) {
                Some(found) if found.stamp => Some(found.date),
                found => url().or(found.map(|f| f.date)),
            }
        })
        .or_else(|| inputs.html.and_then(|h| script_dates::script_date(h, ctx)))
        .or_else(|| furniture_date(inputs))
        .or_else(|| {
            let mentioned = body_date(inputs).or_else(|| page_text_date(inputs));
            date_evidence::stamp_or_mention(date_evidence::update_stamp(inputs), mentioned)
        })
        .or_else(|| lead_image_date(inputs))
}

/// Nodes from the headline to a date element after it that still make it the story's own stamp.
const BESIDE_HEADLINE_NODES: usize = 24;

/// A generic `<meta name=date>`: CMSs also fill it with the day the page was rendered or
/// last saved, which is never before the publication, so an earlier date the page shows by
/// the story wins over it. A later one wins only when it is marked right beside the headline
/// (the meta then holds the day the draft was created); further away, or above the headline, it
/// is a masthead's "today".
fn generic_meta_date(inputs: &DateInputs<'_>) -> Option<PageDate> {
    let generic = meta_date(inputs, GENERIC_DATE_META)?;
    let marked = visible_date_at(inputs);
    if let Some((id, distance, shown)) = marked
        && distance <= BESIDE_HEADLINE_NODES
        && !day_and_month_swapped(shown.date, generic.date)
        && inputs
            .anchors
            .headline
            .is_some_and(|headline| id.index() > headline.index())
    {
        return Some(shown);
    }
    let shown = marked.map(|(_, _, date)| date).or_else(|| {
        headline_text_date(inputs)
            .filter(|found| found.stamp)
            .map(|found| found.date)
    });
    match shown {
        Some(shown) if shown.date < generic.date => Some(shown),
        _ => Some(generic),
    }
}

/// The same digits read in the other order ("11.12.12" as 11 December where the meta says
/// 12 November): the page writes its dates month first, so the meta's reading stands.
fn day_and_month_swapped(a: jiff::civil::Date, b: jiff::civil::Date) -> bool {
    a != b && a.year() == b.year() && a.month() == b.day() && a.day() == b.month()
}

/// `<meta>` names of the lead image, whose upload path often carries the day
/// (`/files/2016/05/04/cover.png`).
const IMAGE_META: &[&str] = &[
    "og:image",
    "og:image:url",
    "twitter:image",
    "twitter:image:src",
];

/// The last resort: a full date in the lead image's path. The image is uploaded for the story,
/// so the day is the story's when nothing else on the page is dated.
fn lead_image_date(inputs: &DateInputs<'_>) -> Option<PageDate> {
    IMAGE_META
        .iter()
        .filter_map(|k| inputs.signals.get(k))
        .find_map(|u| url_date(u, inputs.context))
}

pub(crate) fn modified(inputs: &DateInputs<'_>) -> Option<PageDate> {
    let ctx = inputs.context;
    inputs
        .jsonld
        .and_then(|l| l.date_modified.as_deref())
        .and_then(|v| textmeta::parse_date(v, ctx))
        .or_else(|| {
            MODIFIED_META
                .iter()
                .filter_map(|k| inputs.signals.get(k))
                .find_map(|v| textmeta::parse_date(v, ctx))
        })
        .or_else(|| prop_date(inputs, DateRole::Modified))
        .or_else(|| visible_update(inputs))
        .or_else(|| headline_text_update(inputs))
}

/// Most characters between an update marker and its date ("mis à jour le ").
pub(crate) const MARKER_TO_DATE_CHARS: usize = 16;

/// An update stated in the lines under the headline, in the same line as the publication
/// ("publié le 30 janvier 2022, mis à jour le 31 janvier 2022 à 08h00").
fn headline_text_update(inputs: &DateInputs<'_>) -> Option<PageDate> {
    let headline = inputs.anchors.headline?;
    let mut after = String::new();
    position::visit_text(inputs.doc, Some(headline), true, |id, text| {
        if id.index() > headline.index() {
            after.push(' ');
            after.push_str(text);
            if after.len() >= AFTER_HEADLINE_CHARS {
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    });
    let lower = collapse(&after).to_lowercase();
    UPDATE_LABELS.iter().find_map(|marker| {
        let end = lower.find(marker)? + marker.len();
        let (date, range) = textmeta::find_date(&lower[end..], inputs.context)?;
        (lower[end..end + range.start].chars().count() <= MARKER_TO_DATE_CHARS).then_some(date)
    })
}

/// A `<time>` or date element marked as an update ("Updated 2 February 2022").
fn visible_update(inputs: &DateInputs<'_>) -> Option<PageDate> {
    let doc = inputs.doc;
    let marked = inputs.signals.times.iter().map(|&id| (id, 0));
    let boxes = inputs.signals.date_boxes.iter().map(|&id| (id, 0));
    nearest_marked_date(
        inputs,
        marked.chain(boxes).filter(|&(id, _)| is_update(doc, id)),
    )
    .map(|(_, _, date)| date)
}

/// The date of the marked element nearest the story, each element's distance raised by its
/// penalty (to rank `<time>` above a date-classed box at the same place). `content`,
/// `datetime` or an `<abbr title>` first, else the element's short text.
fn nearest_marked_date(
    inputs: &DateInputs<'_>,
    marked: impl Iterator<Item = (NodeId, usize)>,
) -> Option<(NodeId, usize, PageDate)> {
    let doc = inputs.doc;
    let mut best: Option<(NodeId, usize, PageDate)> = None;
    for (id, penalty) in marked {
        let Some(distance) = inputs.anchors.distance(doc, id) else {
            continue;
        };
        // Embedded posts (Twitter, Instagram, TikTok, Mastodon) and quoted messages sit in a
        // `<blockquote>` and carry their own dates, not the story's.
        if position::inside(doc, id, "blockquote") {
            continue;
        }
        // Inside the body, a date deep in the text (a later forum post, a timeline entry)
        // is further from the story's stamp than one at the body's head.
        let distance = match inputs.anchors.body {
            Some(body) if distance == 0 => id.index().saturating_sub(body.index()),
            _ => distance,
        };
        let distance = distance.saturating_add(penalty);
        if best.as_ref().is_some_and(|(_, d, _)| *d <= distance) {
            continue;
        }
        let date = machine_value(doc, id)
            .and_then(|v| textmeta::parse_date(v, inputs.context))
            .or_else(|| text_date(doc, id, inputs.context));
        if let Some(date) = date {
            best = Some((id, distance, date));
        }
    }
    best
}

/// Every date the page declares in markup, for the offsets they carry.
pub(crate) fn declared(inputs: &DateInputs<'_>) -> Vec<PageDate> {
    let ctx = inputs.context;
    let ld = inputs
        .jsonld
        .into_iter()
        .flat_map(|l| [l.date_published.as_deref(), l.date_modified.as_deref()])
        .flatten();
    let meta = PUBLISHED_META
        .iter()
        .chain(MODIFIED_META)
        .chain(GENERIC_DATE_META)
        .filter_map(|k| inputs.signals.get(k));
    let times = inputs
        .signals
        .times
        .iter()
        .filter_map(|&id| inputs.doc.attr(id, "datetime"));
    ld.chain(meta)
        .chain(times)
        .filter_map(|v| textmeta::parse_date(v, ctx))
        .collect()
}

/// `itemprop=datePublished` and friends on visible elements: `content`/`datetime`, else text.
fn prop_date(inputs: &DateInputs<'_>, role: DateRole) -> Option<PageDate> {
    let marked = inputs
        .signals
        .date_props
        .iter()
        .filter(|(_, r)| *r == role)
        .map(|&(id, _)| (id, 0));
    nearest_marked_date(inputs, marked).map(|(_, _, date)| date)
}

/// The date the page shows next to the story: `<time>` elements and date-classed boxes,
/// nearest to the headline or inside the body; not the ones marked as updates.
fn visible_date(inputs: &DateInputs<'_>) -> Option<PageDate> {
    visible_date_at(inputs).map(|(_, _, date)| date)
}

/// [`visible_date`] with the element it was read from and its distance from the story
/// ([`Anchors::distance`] plus penalty).
fn visible_date_at(inputs: &DateInputs<'_>) -> Option<(NodeId, usize, PageDate)> {
    let doc = inputs.doc;
    let times = inputs.signals.times.iter().map(|&id| (id, 0));
    let boxes = inputs.signals.date_boxes.iter().map(|&id| (id, 1));
    nearest_marked_date(
        inputs,
        times.chain(boxes).filter(|&(id, _)| !is_update(doc, id)),
    )
}

/// Longest text node read as a date line.
const MAX_DATE_LINE_CHARS: usize = 48;

/// The date of a text node that is nothing but a date (and a label or separator).
fn standalone_date(text: &str, ctx: &DateContext) -> Option<PageDate> {
    let len = text.chars().count();
    if len > MAX_DATE_LINE_CHARS {
        return None;
    }
    let (date, range) = textmeta::find_date(text, ctx)?;
    let rest = text.len() - range.len();
    (rest * 3 <= text.len()).then_some(date)
}

/// Visible text read on each side of the headline when no element is marked as a date.
const BEFORE_HEADLINE_CHARS: usize = 200;
const AFTER_HEADLINE_CHARS: usize = 400;

/// A date written in plain text right before or after the headline ("Datum: 22.12.2012",
/// "24. April 2020 | Nachrichten"): the nearest one, after the headline on a tie.
fn headline_text_date(inputs: &DateInputs<'_>) -> Option<TextDate> {
    let anchor = inputs.anchors.headline.or(inputs.anchors.body)?.index();
    let mut before = String::new();
    let mut after = String::new();
    let mut date_line: Option<PageDate> = None;
    // Document order is arena order: a text node after the anchor has a larger index. The
    // headline's own text is skipped; a body anchor's text is the start of "after".
    position::visit_text(inputs.doc, inputs.anchors.headline, true, |id, text| {
        if id.index() > anchor {
            if date_line.is_none() && after.len() <= AFTER_HEADLINE_CHARS {
                date_line =
                    standalone_date(text, inputs.context).filter(|_| !is_update(inputs.doc, id));
            }
            after.push(' ');
            after.push_str(text);
            if after.len() >= AFTER_HEADLINE_CHARS * 2 {
                return ControlFlow::Break(());
            }
        } else {
            before.push(' ');
            before.push_str(text);
            if before.len() > BEFORE_HEADLINE_CHARS * 8 {
                let mut cut = before.len() - BEFORE_HEADLINE_CHARS * 4;
                while !before.is_char_boundary(cut) {
                    cut += 1;
                }
                before.drain(..cut);
            }
        }
        ControlFlow::Continue(())
    });
    // A line that is only a date ("January 18, 2020") is the story's stamp; a date inside a
    // sentence before it is a caption's or a quote's.
    if let Some(date) = date_line {
        return Some(TextDate { date, stamp: true });
    }
    let after = collapse(&after);
    let before = collapse(&before);
    let after_hit = textmeta::find_date(&after, inputs.context)
        .filter(|(_, range)| after[..range.start].chars().count() <= AFTER_HEADLINE_CHARS);
    let before_hit = textmeta::find_dates(&before, inputs.context)
        .into_iter()
        .last()
        .filter(|(_, range)| before[range.end..].chars().count() <= BEFORE_HEADLINE_CHARS);
    // What stands above a headline is a kicker or a date line; what follows it may be the
    // story's first sentences.
    let above = |date| TextDate { date, stamp: true };
    let below = |date| TextDate { date, stamp: false };
    match (after_hit, before_hit) {
        (Some((a, ar)), Some((b, br))) => {
            let after_gap = after[..ar.start].chars().count();
            let before_gap = before[br.end..].chars().count();
            Some(if before_gap < after_gap {
                above(b)
            } else {
                below(a)
            })
        }
        (Some((a, _)), None) => Some(below(a)),
        (None, Some((b, _))) => Some(above(b)),
        (None, None) => None,
    }
}

/// A date read from the text around the headline.
struct TextDate {
    date: PageDate,
    /// Read from a line of its own (or above the headline), not from running text.
    stamp: bool,
}

/// Last resorts, when nothing near the story is dated: a marked date wherever it is (a
/// footer "published on" line), nearest the story first.
fn furniture_date(inputs: &DateInputs<'_>) -> Option<PageDate> {
    let doc = inputs.doc;
    let anchor = inputs.anchors.headline.or(inputs.anchors.body)?.index();
    let marked = inputs
        .signals
        .date_props
        .iter()
        .filter(|(_, role)| *role == DateRole::Published)
        .map(|(id, _)| *id)
        .chain(inputs.signals.times.iter().copied())
        .filter(|&id| !is_update(doc, id));
    let mut best: Option<(usize, PageDate)> = None;
    for id in marked {
        let date = machine_value(doc, id)
            .and_then(|v| textmeta::parse_date(v, inputs.context))
            .or_else(|| text_date(doc, id, inputs.context));
        let distance = id.index().abs_diff(anchor);
        if let Some(date) = date
            && best.as_ref().is_none_or(|(d, _)| distance < *d)
        {
            best = Some((distance, date));
        }
    }
    best.map(|(_, d)| d)
}

/// Body text read for a date as a last resort ("… wurde am 19. Mai 2010 veröffentlicht").
const BODY_DATE_CHARS: usize = 1500;

fn body_date(inputs: &DateInputs<'_>) -> Option<PageDate> {
    let head = crate::text::prefix(inputs.body_text, BODY_DATE_CHARS);
    textmeta::find_date(head, inputs.context).map(|(date, _)| date)
}

/// Page text read for a date when the story has none at all.
const PAGE_DATE_CHARS: usize = 20_000;

/// The first date in the page's visible text.
fn page_text_date(inputs: &DateInputs<'_>) -> Option<PageDate> {
    let mut text = String::new();
    position::visit_text(inputs.doc, None, false, |_, t| {
        text.push_str(t);
        text.push(' ');
        if text.len() > PAGE_DATE_CHARS {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    textmeta::find_date(&collapse(&text), inputs.context).map(|(date, _)| date)
}

fn machine_value(doc: &Document, id: NodeId) -> Option<&str> {
    doc.attr(id, "content")
        .or_else(|| doc.attr(id, "datetime"))
        // Microformats put the machine date in an <abbr title>.
        .or_else(|| {
            (doc.html_tag(id) == Some(&local_name!("abbr")))
                .then(|| doc.attr(id, "title"))
                .flatten()
        })
        .filter(|v| !v.trim().is_empty())
}

/// The first date in an element's short visible text.
fn text_date(doc: &Document, id: NodeId, ctx: &DateContext) -> Option<PageDate> {
    let text = collapse(&doc.text_content(id));
    if text.is_empty() || text.chars().count() > MAX_BOX_CHARS {
        return None;
    }
    textmeta::find_date(&text, ctx)
        .or_else(|| textmeta::find_date(&with_full_years(&text)?, ctx))
        .map(|(date, _)| date)
}

/// "Party, 30.10.23" with the year written out ("30.10.2023"), or `None` when the text has no
/// such date. Free text reads a two-digit-year date only with a time after it (alone it may
/// be a version or a score); an element marked as a date leaves no such doubt.
fn with_full_years(text: &str) -> Option<String> {
    let mut changed = false;
    let words: Vec<String> = text
        .split(' ')
        .map(|word| match expand_short_year(word) {
            Some(expanded) => {
                changed = true;
                expanded
            }
            None => word.to_string(),
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// "30.10.23" → "30.10.2023", "1/5/23," → "1/5/2023,".
fn expand_short_year(word: &str) -> Option<String> {
    let core = word.trim_matches(|c: char| !c.is_ascii_digit());
    let sep = if core.contains('.') { '.' } else { '/' };
    let parts: Vec<&str> = core.split(sep).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let number = |p: &str, width: std::ops::RangeInclusive<usize>| {
        width.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !(number(day, 1..=2) && number(month, 1..=2) && number(year, 2..=2)) {
        return None;
    }
    let century = if year.starts_with('9') { "19" } else { "20" };
    Some(word.replacen(core, &format!("{day}{sep}{month}{sep}{century}{year}"), 1))
}

/// A `<time>` that announces a change (`class="updated"`, "Updated 3 May") is not the
/// publication date.
fn is_update(doc: &Document, id: NodeId) -> bool {
    let marked = |n: NodeId| {
        doc.attr(n, "class")
            .is_some_and(|c| c.to_ascii_lowercase().contains("update") || c.contains("modified"))
            || doc.attr(n, "itemprop") == Some("dateModified")
    };
    marked(id) || doc.parent(id).is_some_and(marked) || labelled_as_update(doc, id)
}

/// Words of a field label that announces a change rather than the publication.
pub(crate) const UPDATE_LABELS: &[&str] = &[
    "updated",
    "modified",
    "last edited",
    "mise à jour",
    "geändert",
    "letzte änderung",
    "aktualisiert",
    "mis à jour",
    "modifié",
    "actualizado",
    "atualizado",
    "aggiornato",
    "bijgewerkt",
    "uppdaterad",
    "opdateret",
    "oppdatert",
    "zaktualizowano",
];

/// Longest label text read before a date box.
const MAX_LABEL_CHARS: usize = 40;

/// A date box under a separate field label ("<h4>Zuletzt geändert am:</h4><ul><li>15.10.2021"):
/// the label is the element just before the box or before one of its two nearest ancestors.
fn labelled_as_update(doc: &Document, id: NodeId) -> bool {
    let mut node = Some(id);
    for _ in 0..3 {
        let Some(current) = node else {
            return false;
        };
        let label = std::iter::successors(doc.prev_sibling(current), |&n| doc.prev_sibling(n))
            .find(|&n| {
                doc.element(n).is_some() || doc.text(n).is_some_and(|t| !t.trim().is_empty())
            });
        if let Some(label) = label {
            return short_text(doc, label).is_some_and(|text| {
                let lower = text.trim().to_lowercase();
                UPDATE_LABELS.iter().any(|w| lower.contains(w))
            });
        }
        node = doc.parent(current);
    }
    false
}

/// The text under `id` when it is a label's length, else `None`. Stops reading as soon as it
/// is longer: the sibling before a date box may be a whole story.
fn short_text(doc: &Document, id: NodeId) -> Option<String> {
    let mut text = String::new();
    for node in doc.descendants(id) {
        if let Some(run) = doc.text(node) {
            text.push_str(run);
            if text.trim().chars().count() > MAX_LABEL_CHARS {
                return None;
            }
        }
    }
    Some(text)
}

/// `/2022/01/30/` or `/2022-01-30/` in the URL path: publication dates that CMSs put in
/// permalinks. Day-first `/29-10-2021` too, read in the page's order when both numbers could
/// be the month.
pub(crate) fn url_date(url: &str, ctx: &DateContext) -> Option<PageDate> {
    let path = url.split(['?', '#']).next()?;
    let path = path.split_once("://").map_or(path, |(_, rest)| rest);
    let parts: Vec<&str> = path
        .split(['/', '-', '_', '.'])
        .filter(|s| !s.is_empty())
        .collect();
    // "/20200428/": the compact form as a whole path segment.
    let compact = path.split('/').find_map(|segment| {
        if segment.len() != 8 || !segment.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let number = |range: std::ops::Range<usize>| segment.get(range)?.parse::<u32>().ok();
        ctx.make_date(number(0..4)?, number(4..6)?, number(6..8)?)
            .map(PageDate::day)
    });
    parts
        .windows(3)
        .find_map(|w| {
            if !w.iter().all(|s| s.bytes().all(|b| b.is_ascii_digit())) {
                return None;
            }
            let short = |s: &str| (1..=2).contains(&s.len());
            let number = |s: &str| s.parse::<u32>().ok();
            if w[0].len() == 4 && short(w[1]) && short(w[2]) {
                return ctx
                    .make_date(number(w[0])?, number(w[1])?, number(w[2])?)
                    .map(PageDate::day);
            }
            if short(w[0]) && short(w[1]) && w[2].len() == 4 {
                let (first, second) = (number(w[0])?, number(w[1])?);
                let day_first = first > 12 || (second <= 12 && ctx.prefer_day_first);
                let (month, day) = if day_first {
                    (second, first)
                } else {
                    (first, second)
                };
                return ctx.make_date(number(w[2])?, month, day).map(PageDate::day);
            }
            None
        })
        .or(compact)
}

/// A timestamp near midnight names its day in the zone it was written in, which need not be
/// the newsroom's: `2020-02-25T02:25Z` is the evening of the 24th in New York. When the
/// permalink was minted on the neighbouring day, the permalink says which day the story
/// carries: the instant is written in UTC when that falls on the permalink's day, else only the
/// day is given (no offset the page states would put the instant on it).
pub(crate) fn settle_day_by_permalink(found: PageDate, permalink: Option<PageDate>) -> PageDate {
    const NEAR_MIDNIGHT_HOURS: i8 = 3;
    let Some(day) = permalink.map(|p| p.date) else {
        return found;
    };
    let (Some(time), Some(instant)) = (found.time, found.timestamp()) else {
        return found;
    };
    if found.date == day {
        return found;
    }
    let utc = jiff::tz::Offset::UTC.to_datetime(instant);
    if utc.date() == day {
        return PageDate {
            date: utc.date(),
            time: Some(utc.time()),
            offset: Some(jiff::tz::Offset::UTC),
        };
    }
    let next_day = day.tomorrow().ok() == Some(found.date);
    let previous_day = day.yesterday().ok() == Some(found.date);
    let after_midnight = next_day && time.hour() < NEAR_MIDNIGHT_HOURS;
    let before_midnight = previous_day && time.hour() >= 24 - NEAR_MIDNIGHT_HOURS;
    if after_midnight || before_midnight {
        PageDate::day(day)
    } else {
        found
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use dateline_html::{Limits, parse};

    /// `published` on a page whose headline is its first `<h1>` and whose body is the
    /// element with id `body_id`.
    fn published_on(html: &str, body_id: &str, language: Option<&str>) -> Option<String> {
        let doc = parse(html, &Limits::default());
        let signals = Signals::read(&doc);
        let headline = signals.h1s.first().map(|(id, _)| *id);
        let body = doc
            .descendants(doc.root())
            .find(|&id| doc.attr(id, "id") == Some(body_id));
        let context = DateContext::new(None, language);
        let inputs = DateInputs {
            doc: &doc,
            signals: &signals,
            jsonld: None,
            anchors: Anchors { headline, body },
            url: None,
            context: &context,
            body_text: "",
            html: None,
        };
        published(&inputs).map(|d| d.to_iso())
    }

    #[test]
    fn a_date_deep_in_the_body_loses_to_the_stamp_under_the_headline() {
        // A forum thread: the starter's stamp under the title, the chosen body a later,
        // longer post with its own time at its end.
        let html = r#"<body><h1>Patch notes 4.47</h1>
            <p>Thread starter Dev · <time datetime="2020-09-18T08:56:40-07:00">Sep 18</time></p>
            <div id="posts"><div class="post"><p>First reply.</p><p>More text.</p><p>Even more.</p>
            <p>Still more.</p><time datetime="2020-10-06T09:38:08-07:00">Oct 6</time></div></div></body>"#;
        assert_eq!(
            published_on(html, "posts", None).as_deref(),
            Some("2020-09-18T08:56:40-07:00")
        );
    }

    #[test]
    fn a_later_date_under_the_headline_beats_a_generic_meta_date() {
        // The CMS filled `<meta name=date>` when the draft was created.
        let page = r#"<head><meta name="date" content="2021-12-20T11:02:44+01:00"></head>
            <body><h1>Weinprobe im Januar</h1><span class="date">27.01.2022</span>
            <div id="body"><p>Der Text.</p></div></body>"#;
        assert_eq!(
            published_on(page, "body", Some("de")).as_deref(),
            Some("2022-01-27")
        );
    }

    #[test]
    fn a_masthead_date_above_the_headline_does_not_beat_a_generic_meta_date() {
        let page = r#"<head><meta name="date" content="2017-05-01T17:05:00+02:00"></head>
            <body><header><span class="date">Mittwoch, 26.02.2020</span></header>
            <h1>Die Zukunft der Arbeit</h1><div id="body"><p>Der Text.</p></div></body>"#;
        assert_eq!(
            published_on(page, "body", Some("de")).as_deref(),
            Some("2017-05-01T17:05:00+02:00")
        );
    }

    #[test]
    fn a_stamp_that_swaps_the_metas_day_and_month_is_read_the_metas_way() {
        // A US site writes "11.12.12" for 12 November; dots alone would say 11 December.
        let page = r#"<head><meta name="DisplayDate" content="2012-11-12"></head>
            <body><h1>Lawsuit called a farce</h1><ul><li class="entryDate">11.12.12</li></ul>
            <div id="body"><p>The text.</p></div></body>"#;
        assert_eq!(
            published_on(page, "body", Some("en")).as_deref(),
            Some("2012-11-12")
        );
    }

    #[test]
    fn an_ambiguous_meta_date_is_read_the_way_the_page_shows_it() {
        // A server writes month first; the page, in German, writes day first.
        let page = r#"<head><meta name="date" content="11/01/2023 12:43:42"></head>
            <body><h1>Trinkwasser belastet</h1><div id="body"><p>Der Text.</p></div>
            <p>Erstellt am: 01.11.2023</p></body>"#;
        assert_eq!(
            published_on(page, "body", Some("de")).as_deref(),
            Some("2023-11-01T12:43:42")
        );
        // Without a visible date the page's own order reads it.
        let page = r#"<head><meta name="date" content="11/01/2023 12:43:42"></head>
            <body><h1>Trinkwasser belastet</h1><div id="body"><p>Der Text.</p></div></body>"#;
        assert_eq!(
            published_on(page, "body", Some("de")).as_deref(),
            Some("2023-01-11T12:43:42")
        );
    }

    #[test]
    fn a_change_stamp_dates_a_page_that_states_no_publication() {
        // The study's date is cited at the end of a report, far from the headline.
        let report = |stamp: &str| {
            let opening = "Kerne aus zwei Protonen und zwei Neutronen bilden sich an der \
                Oberfläche schwerer Atome, berichten Physiker aus Darmstadt. "
                .repeat(6);
            format!(
                r#"<body><h1>Kerne in Zinn entdeckt</h1><div id="body"><p>{opening}</p>
                <p>Quelle: Science, Band 371, 15. Januar 2021.</p></div>{stamp}</body>"#
            )
        };
        let stamped = report("<p><b>Aktualisiert am </b>17.01.2021.</p>");
        assert_eq!(
            published_on(&stamped, "body", Some("de")).as_deref(),
            Some("2021-01-17")
        );
        // Labels are matched in the case pages write them.
        let labelled = report("<p><strong>Letzte Änderung:</strong> 17.01.2021</p>");
        assert_eq!(
            published_on(&labelled, "body", Some("de")).as_deref(),
            Some("2021-01-17")
        );
        // A stamp in the page footer is the site's, not the story's.
        let footer = report("<footer><p>Letzte Änderung: 17.01.2021</p></footer>");
        assert_eq!(
            published_on(&footer, "body", Some("de")).as_deref(),
            Some("2021-01-15")
        );
    }

    #[test]
    fn short_years_in_date_boxes_are_written_out() {
        assert_eq!(
            super::with_full_years("Party, 30.10.23").as_deref(),
            Some("Party, 30.10.2023")
        );
        assert_eq!(
            super::with_full_years("| 1/5/99,").as_deref(),
            Some("| 1/5/1999,")
        );
        assert_eq!(super::with_full_years("Version 1.2.3 of 30.10.2023"), None);
        assert_eq!(super::with_full_years("score 3:1"), None);
    }

    fn iso(date: Option<PageDate>) -> Option<String> {
        date.map(|d| d.to_iso())
    }

    #[test]
    fn permalinks_give_year_first_and_day_first_dates() {
        let ctx = DateContext::default();
        let us = DateContext::new(None, Some("en-US"));
        let url = |u| iso(url_date(u, &ctx));
        assert_eq!(
            url("https://e.com/home/2017/7/12/a-post").as_deref(),
            Some("2017-07-12")
        );
        assert_eq!(
            url("https://e.com/news/29-10-2021").as_deref(),
            Some("2021-10-29")
        );
        assert_eq!(
            url("https://e.com/news/notes_2021-10-29.html").as_deref(),
            Some("2021-10-29")
        );
        // Both numbers could be the month: the page's order decides.
        assert_eq!(
            url("https://e.com/news/03-04-2022").as_deref(),
            Some("2022-04-03")
        );
        assert_eq!(
            iso(url_date("https://e.com/news/03-04-2022", &us)).as_deref(),
            Some("2022-03-04")
        );
        assert_eq!(url("https://e.com/item/40-10-2021"), None);
        assert_eq!(url("https://e.com/v/1-2-3"), None);
        assert_eq!(
            url("https://e.com/20200428/a-story").as_deref(),
            Some("2020-04-28")
        );
        assert_eq!(url("https://e.com/a/20201340/b"), None);
    }

    #[test]
    fn a_timestamp_near_midnight_takes_the_permalinks_day() {
        let ctx = DateContext::default();
        let permalink = url_date("https://e.com/2020/02/24/story/", &ctx);
        let stated = |v| textmeta::parse_date(v, &ctx).unwrap();
        let settle = |v| settle_day_by_permalink(stated(v), permalink).to_iso();
        // Written in UTC, read in New York on the 24th: no stated offset gives that day.
        assert_eq!(settle("2020-02-25T02:25:54Z"), "2020-02-24");
        // The same instant in UTC falls on the permalink's day: kept exact, written in UTC.
        assert_eq!(settle("2020-02-23T20:01:00-05:00"), "2020-02-24T01:01:00Z");
        // Far from midnight the stated day stands: the permalink was minted on a draft.
        assert_eq!(settle("2020-02-25T10:04:00Z"), "2020-02-25T10:04:00Z");
        // Two days off, or no time to misread: the page's own date stands.
        assert_eq!(settle("2020-02-26T01:00:00Z"), "2020-02-26T01:00:00Z");
        assert_eq!(settle("2020-02-25"), "2020-02-25");
        assert_eq!(
            settle_day_by_permalink(stated("2020-02-25T01:00:00Z"), None).to_iso(),
            "2020-02-25T01:00:00Z"
        );
    }
}
