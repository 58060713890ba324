//! Stage 5: drop blocks inside the chosen container that are still boilerplate: link lists,
//! share and subscribe prompts, "Related" sections, the headline itself. Repeated text is
//! kept: pages repeat paragraphs on purpose more often than by accident.

use dateline_model::Block;

use crate::collect::Candidate;
use crate::flat::boilerplate::counts_comments_on;

/// Link share above which a short block is navigation, not prose.
const MAX_LINK_DENSITY: f32 = 0.5;
/// Blocks at least this long are kept whatever their link share (link-heavy prose exists).
const LONG_BLOCK_CHARS: usize = 400;

/// Starts of short lines that are never article text. Lower case.
const BOILERPLATE_STARTS: &[&str] = &[
    "share this",
    "share on",
    "share:",
    "follow us",
    "sign up",
    "advertisement",
    "advertising",
    "read more",
    "read also",
    "read next",
    "click here",
    "copyright",
    "©",
    "all rights reserved",
    "related:",
    "related articles",
    "related stories",
    "see also",
    "more stories",
    "you may also like",
    "recommended for you",
    "skip to",
    "back to top",
    "loading",
    "comments",
    "leave a comment",
    "post a comment",
    "tags:",
    "filed under",
    "no comments",
    "trackback url",
    "posted in",
    "blog powered by",
    "powered by wordpress",
    "werbung",
    "anzeige",
    "lesen sie auch",
    "mehr zum thema",
    "auch interessant",
    "publicidad",
    "lee también",
    "leia também",
    "publicité",
    "lire aussi",
    "à lire aussi",
    "leggi anche",
    "pubblicità",
    "czytaj też",
    "czytaj także",
    "reklama",
    "читайте также",
    "реклама",
    "got a story",
    "for more stories like this",
    "empfohlener redaktioneller inhalt",
    "an dieser stelle findest du einen externen inhalt",
    "ich bin damit einverstanden",
    "personenbezogene daten können",
    "externer inhalt",
    "【関連記事】",
    "関連記事",
    "この記事は会員限定です",
    "publisert",
    "sist oppdatert",
    "veröffentlicht am",
    "aktualisiert am",
    "published on",
    "updated on",
    "last updated",
    "möchten sie den artikel teilen",
    "weitere artikel zum thema",
    "alle angaben ohne gewähr",
    "(alle angaben ohne gewähr)",
    "- anzeige",
    "subscribe now",
    "for the latest stories",
    "we want to hear what you think",
    "search for articles",
    "vergrößern",
    "foto:",
    "fotos:",
    "photo:",
    "photos:",
    "bild:",
    "image:",
    "credit:",
    "photo credit",
    "bildquelle:",
    "¡mira lo que",
];

/// Headings that open a block of teasers rather than a part of the story. Lower case,
/// compared with the whole heading.
const TEASER_HEADINGS: &[&str] = &[
    "related",
    "related articles",
    "related stories",
    "related content",
    "related posts",
    "more stories",
    "more news",
    "more from",
    "read more",
    "read next",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "most popular",
    "most read",
    "trending",
    "trending now",
    "top stories",
    "latest news",
    "latest stories",
    "comments",
    "leave a reply",
    "leave a comment",
    "trackback",
    "trackbacks",
    "about the author",
    "search",
    "recent posts",
    "recent comments",
    "popular posts",
    "blogroll",
    "follow me",
    "follow us",
    "subscribe",
    "share this article",
    "share this",
    "up next",
    "関連記事",
    "関連企業・業界",
    "mehr zum thema",
    "das könnte sie auch interessieren",
    "meistgelesen",
    "noticias relacionadas",
    "te puede interesar",
    "à lire aussi",
    "sur le même sujet",
    "leggi anche",
    "czytaj także",
];

/// Lines that open the reader-comment section, lower case; matched at the start of a
/// heading or a short line. Everything after them is comments, never the story.
const COMMENT_SECTION_STARTS: &[&str] = &[
    "comments",
    "comment",
    "responses",
    "reader comments",
    "leave a reply",
    "leave a comment",
    "leave your reply",
    "post a comment",
    "add a comment",
    "add comment",
    "join the discussion",
    "join the conversation",
    "what do you think",
    "you can follow any responses to this entry",
    "kommentare",
    "kommentar schreiben",
    "comentarios",
    "deja un comentario",
    "commentaires",
    "laisser un commentaire",
    "commenti",
    "komentarze",
    "комментарии",
];

/// Shortest body (non-space chars) kept before a comment-section marker may end it; a marker
/// at the very top is more likely a widget title than the end of the story.
const MIN_CHARS_BEFORE_COMMENTS: usize = 200;

pub(crate) fn opens_comments(key: &str) -> bool {
    let key = key.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '(');
    COMMENT_SECTION_STARTS.iter().any(|start| {
        key.strip_prefix(start).is_some_and(|rest| {
            rest.is_empty() || rest.starts_with([' ', ':', '.', '!', '?', ')', '('])
        })
    })
}

/// [`filter`] with image blocks set aside while the text is judged, so that the text kept is
/// the same whether or not images are output; an image stays when the text block before or
/// after it stays. A heading over a kept image introduces it and is no orphan. Images are
/// always collected (as empty markers when not wanted) and dropped here unless `keep_images`.
pub(crate) fn filter_keeping_images(
    candidates: Vec<Candidate>,
    title: Option<&str>,
    keep_images: bool,
    link_lists: LinkLists,
) -> Vec<Block> {
    let mut images: Vec<(usize, Block, bool)> = Vec::new();
    let mut texts = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        if matches!(candidate.block, Block::Image { .. }) {
            images.push((texts.len(), candidate.block, candidate.picture));
        } else {
            texts.push(candidate);
        }
    }
    if images.is_empty() {
        let blocks = filter_text(texts, title, link_lists);
        return drop_orphan_headings(blocks.into_iter().map(|block| (block, false)).collect());
    }
    let originals: Vec<Block> = texts.iter().map(|c| c.block.clone()).collect();
    let kept = filter_text(texts, title, link_lists);
    // The filter drops blocks and never edits or reorders them, so the kept blocks are found
    // in order among the originals.
    let mut was_kept = vec![false; originals.len()];
    let mut next = kept.iter().peekable();
    for (i, original) in originals.iter().enumerate() {
        if next.peek().is_some_and(|k| *k == original) {
            was_kept[i] = true;
            next.next();
        }
    }
    let mut out = Vec::with_capacity(kept.len() + images.len());
    let mut images = images.into_iter().peekable();
    for (i, original) in originals.into_iter().enumerate() {
        while let Some((_, image, picture)) = images.next_if(|(at, _, _)| *at == i) {
            let before = i > 0 && was_kept[i - 1];
            if before || was_kept[i] {
                out.push((image, picture));
            }
        }
        if was_kept[i] {
            out.push((original, false));
        }
    }
    if was_kept.last().copied().unwrap_or(false) {
        out.extend(images.map(|(_, image, picture)| (image, picture)));
    }
    let mut out = drop_orphan_headings(out);
    if !keep_images {
        out.retain(|block| !matches!(block, Block::Image { .. }));
    }
    out
}

/// The text blocks worth keeping, headings that introduced nothing kept included.
#[cfg(test)]
fn filter(candidates: Vec<Candidate>, title: Option<&str>) -> Vec<Block> {
    let blocks = filter_text(candidates, title, LinkLists::Dropped);
    drop_orphan_headings(blocks.into_iter().map(|block| (block, false)).collect())
}

/// Whether lists made of links are furniture (a menu, a column of teasers) or, in a post that
/// is nothing but such lists, the story itself (a weekly round-up of links).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum LinkLists {
    Dropped,
    Kept,
}

fn filter_text(
    candidates: Vec<Candidate>,
    title: Option<&str>,
    link_lists: LinkLists,
) -> Vec<Block> {
    let title_key = title.map(normalise);
    let mut in_teasers = false;
    let mut kept_chars = 0usize;
    let mut out = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let Candidate {
            block,
            chars,
            link_chars,
            ..
        } = candidate;
        let density = if chars == 0 {
            0.0
        } else {
            link_chars as f32 / chars as f32
        };
        if kept_chars >= MIN_CHARS_BEFORE_COMMENTS
            && chars < 80
            && let Block::Heading { text, .. } = &block
            && opens_comments(&normalise(text))
        {
            break;
        }
        // "92 Responses to “Depth Compositing”" in a plain box: a counted thread about this
        // post, which ends even a story of a few words (a video's description).
        if kept_chars > 0
            && let Block::Paragraph { text, .. } | Block::Heading { text, .. } = &block
            && counts_comments_on(text)
        {
            break;
        }
        if let Block::Heading { text, .. } = &block {
            let key = normalise(text);
            if title_key.as_deref() == Some(key.as_str()) {
                continue;
            }
            in_teasers = is_teaser_heading(&key);
            if in_teasers {
                continue;
            }
        }
        if let Block::Paragraph { text, .. } = &block
            && chars < TEASER_LEAD_IN_MAX_CHARS
            && is_teaser_lead_in(&normalise(text))
        {
            in_teasers = true;
            continue;
        }
        if in_teasers && (density > 0.2 || matches!(block, Block::List { .. }) || chars < 150) {
            continue;
        }
        let long_prose = chars >= LONG_BLOCK_CHARS && !matches!(block, Block::List { .. });
        let kept_link_list = link_lists == LinkLists::Kept && matches!(block, Block::List { .. });
        if density > MAX_LINK_DENSITY
            && !kept_link_list
            && (!(long_prose || is_linked_sentence(&block, chars, link_chars)) || density > 0.8)
        {
            continue;
        }
        if is_slideshow(&block) || is_teaser_list(&block) {
            continue;
        }
        let Some(text) = block.plain_text() else {
            out.push(block);
            continue;
        };
        if !text.chars().any(char::is_alphanumeric) {
            continue;
        }
        // Only short blocks are tested as furniture; a long one is compared with the title
        // without building its normalised form (most of a page's text is in long blocks).
        if chars < COPYRIGHT_LINE_MAX_CHARS
            && (has_copyright_notice(&text) || is_post_filing_note(&text))
        {
            continue;
        }
        let is_title = if chars < 120 {
            let key = normalise(&text);
            if is_boilerplate_line(&key) || (chars < 50 && is_timestamp_line(&key)) {
                continue;
            }
            title_key.as_deref() == Some(key.as_str())
        } else {
            title_key
                .as_deref()
                .is_some_and(|title| normalises_to(&text, title))
        };
        if is_title {
            continue;
        }
        kept_chars += chars;
        out.push(block);
    }
    out
}

/// Words a heading needs for a picture alone below it to be what it introduces: "News" or
/// "Upcoming events" over a thumbnail is a widget's title, "3. The tower in 1920" a caption.
const PICTURE_HEADING_MIN_WORDS: usize = 3;

/// A heading followed by nothing, or straight by a heading of the same or a higher rank,
/// introduced content that was filtered away (a sidebar widget's title). Images between are
/// looked past, but a long enough heading right over a picture of the story (the flag beside
/// each block) introduces the picture.
fn drop_orphan_headings(blocks: Vec<(Block, bool)>) -> Vec<Block> {
    let mut kept: Vec<Block> = Vec::with_capacity(blocks.len());
    // Of the blocks kept so far (those after the current one): the first that is not an image.
    let mut next_text: Option<usize> = None;
    let mut picture_next = false;
    for (block, picture) in blocks.into_iter().rev() {
        if let Block::Heading { level, text } = &block {
            let orphan = match next_text.map(|i| &kept[i]) {
                None => true,
                Some(Block::Heading { level: next, .. }) => next <= level,
                Some(_) => false,
            };
            let over_picture =
                picture_next && text.split_whitespace().count() >= PICTURE_HEADING_MIN_WORDS;
            if orphan && !over_picture {
                continue;
            }
        }
        picture_next = picture;
        if !matches!(block, Block::Image { .. }) {
            next_text = Some(kept.len());
        }
        kept.push(block);
    }
    kept.reverse();
    kept
}

/// Non-link text a link-heavy paragraph needs to read as a sentence that cites its sources.
const LINKED_SENTENCE_PLAIN_CHARS: usize = 32;

/// A paragraph that ends a sentence and has words of its own between its links ("Thanks to
/// <a>the readers who answered</a>; note also that <a>another forum discussed it</a>."):
/// prose that links its sources, where a menu or a row of teasers has bare links.
fn is_linked_sentence(block: &Block, chars: usize, link_chars: usize) -> bool {
    let Block::Paragraph { text, .. } = block else {
        return false;
    };
    chars.saturating_sub(link_chars) >= LINKED_SENTENCE_PLAIN_CHARS
        && text.trim_end().ends_with(['.', '!', '?', '。'])
}

/// Longest paragraph read as a lead-in to teasers ("Also on HuffPost:").
const TEASER_LEAD_IN_MAX_CHARS: usize = 60;

/// Openings of a lead-in line that names another part of the site, lower case.
const SITE_LEAD_INS: &[&str] = &["also on ", "more on ", "more from ", "also from "];

/// A short paragraph ending in a colon that introduces teasers rather than the story's next
/// part: a teaser heading written as a paragraph ("Related:"), or a pointer to the rest of
/// the site ("Also on HuffPost:", "More from The Times:").
fn is_teaser_lead_in(key: &str) -> bool {
    key.ends_with(':')
        && (is_teaser_heading(key) || SITE_LEAD_INS.iter().any(|start| key.starts_with(start)))
}

fn is_teaser_heading(key: &str) -> bool {
    let key = key.trim_end_matches([':', '.', '!']);
    TEASER_HEADINGS.contains(&key)
}

/// "Read more" links that end teasers, lower case.
pub(crate) const READ_MORE: &[&str] = &[
    "read more",
    "continue reading",
    "read the full story",
    "weiterlesen",
    "lire la suite",
    "leer más",
    "leia mais",
    "leggi tutto",
    "czytaj dalej",
    "lees verder",
    "lees meer",
    "подробнее",
    "続きを読む",
];

/// How far from an item's end a "Read more" is looked for (a date may follow it).
const READ_MORE_TAIL_CHARS: usize = 48;

/// A list of teasers: most items end in a "Read more" link (with a date after it at most).
fn is_teaser_list(block: &Block) -> bool {
    let Block::List { items, .. } = block else {
        return false;
    };
    let teasers = items
        .iter()
        .filter(|item| {
            let lower = item.text.to_lowercase();
            let mut tail_start = lower.len().saturating_sub(READ_MORE_TAIL_CHARS);
            while !lower.is_char_boundary(tail_start) {
                tail_start += 1;
            }
            READ_MORE.iter().any(|m| lower[tail_start..].contains(m))
        })
        .count();
    items.len() >= 2 && teasers * 2 > items.len()
}

/// A gallery rendered as a list: most items start with a "3/50" counter.
fn is_slideshow(block: &Block) -> bool {
    let Block::List { items, .. } = block else {
        return false;
    };
    let counted = items
        .iter()
        .filter(|item| {
            let first = item.text.split_whitespace().next().unwrap_or("");
            first.split_once('/').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && a.bytes().all(|c| c.is_ascii_digit())
                    && b.bytes().all(|c| c.is_ascii_digit())
            })
        })
        .count();
    items.len() >= 3 && counted * 2 >= items.len()
}

/// Longest block read as the site's copyright line.
const COPYRIGHT_LINE_MAX_CHARS: usize = 250;

/// "(c) 2012 The Curious Brain | powered by …", "Copyright © 2024 Example Media": the site's
/// copyright notice, which ends pages and is never the story's text. A copyright sign and a
/// year, wherever they stand in the line; not the word alone ("copyright 1964" describes a
/// book) nor a list of years ("© 1973, 1978, 2011 by" credits a quoted work).
pub(crate) fn has_copyright_notice(text: &str) -> bool {
    const MARKS: &[&str] = &["©", "(c)", "(C)"];
    MARKS.iter().any(|mark| {
        text.match_indices(mark).any(|(at, _)| {
            let after = text[at + mark.len()..].trim_start_matches([' ', '\u{a0}']);
            let mut chars = after.chars();
            let year: String = chars.by_ref().take(4).collect();
            year.len() == 4
                && year.bytes().all(|b| b.is_ascii_digit())
                && (year.starts_with("19") || year.starts_with("20"))
                && chars.next() != Some(',')
        })
    })
}

/// "Published 06.01.2026 - 17:29", "2025年1月14日 20:00", "Jan 5, 2024 10:30 AM": a date or
/// time with at most a few words around it is page furniture, not a sentence of the story.
fn is_timestamp_line(key: &str) -> bool {
    let bytes = key.as_bytes();
    let has_time = bytes.windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == b':'
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
    });
    let has_numeric_date = bytes.windows(5).any(|w| {
        w[0].is_ascii_digit() && matches!(w[1], b'.' | b'/' | b'-') && w[2].is_ascii_digit()
            || (w[0].is_ascii_digit()
                && w[1].is_ascii_digit()
                && w[2].is_ascii_digit()
                && w[3].is_ascii_digit()
                && w[4] == b'-')
    }) || key.contains('年') && key.contains('日');
    if !(has_time || has_numeric_date) {
        return false;
    }
    let words = key
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 1)
        .count();
    words <= 4
}

/// Whole lines that are interface labels left in the story's container: media player and
/// caption toggles, print and text-size buttons. Lower case. Not "photo" or "image": old
/// pages caption pictures with just that word, and the caption is text.
const INTERFACE_LABELS: &[&str] = &[
    "video",
    "photos",
    "caption",
    "hide caption",
    "toggle caption",
    "close",
    "play video",
    "watch video",
    "click to enlarge",
    "enlarge this image",
    "text size",
    "reprints",
    "advert",
    "zoom",
    "expand",
    "story highlights",
    "getty images",
    "we apologize, but this video has failed to load.",
];

fn is_boilerplate_line(key: &str) -> bool {
    INTERFACE_LABELS.contains(&key)
        || BOILERPLATE_STARTS
            .iter()
            .any(|start| key.starts_with(start))
}

/// The blog theme's line under a post ("This entry was posted on Monday, May 3rd at 9:12 pm
/// and is filed under Life. You can follow any responses to this entry through the RSS 2.0
/// feed."): the post's date and category, not its text.
fn is_post_filing_note(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "this entry was posted",
        "you can follow any responses to this entry",
    ];
    let text = text.trim_start();
    OPENINGS.iter().any(|opening| {
        text.get(..opening.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(opening))
    })
}

/// Lower case, whitespace folded, for comparisons.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // Most words: lower-cased in place after one copy, not char by char.
            let start = out.len();
            out.push_str(word);
            out[start..].make_ascii_lowercase();
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// Whether `normalise(text) == key`, decided without building the normalised string (and
/// usually at the first character).
fn normalises_to(text: &str, key: &str) -> bool {
    let mut expected = key.chars();
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 && expected.next() != Some(' ') {
            return false;
        }
        if !word
            .chars()
            .flat_map(char::to_lowercase)
            .all(|c| expected.next() == Some(c))
        {
            return false;
        }
    }
    expected.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_to_agrees_with_normalise() {
        let texts = [
            "",
            "  ",
            "Rain Returns",
            "  Rain\n returns\t ",
            "rain returns to the valley",
            "RAIN",
            "İstanbul KELVIN \u{212a}",
            "Straße ÉTÉ",
        ];
        for text in texts {
            for key in texts
                .iter()
                .map(|t| normalise(t))
                .chain(["rain retur".to_string()])
            {
                assert_eq!(
                    normalises_to(text, &key),
                    normalise(text) == key,
                    "{text:?} vs {key:?}"
                );
            }
        }
    }

    #[test]
    fn interface_labels_are_whole_lines_only() {
        assert!(is_boilerplate_line("hide caption"));
        assert!(is_boilerplate_line("video"));
        assert!(!is_boilerplate_line("video shows the bridge collapsing"));
        assert!(!is_boilerplate_line("photo"));
    }

    #[test]
    fn timestamps_are_furniture_but_sentences_are_not() {
        assert!(is_timestamp_line("publisert 06.01.2026 - 17:29"));
        assert!(is_timestamp_line("2025年1月14日 20:00"));
        assert!(is_timestamp_line("updated 10:30 am"));
        assert!(!is_timestamp_line("in 2020, sales rose by a third."));
        assert!(!is_timestamp_line(
            "the meeting starts at 10:30 in the town hall on monday."
        ));
    }

    #[test]
    fn lead_in_to_the_sites_other_stories_drops_the_teasers_after_it() {
        let paragraph = |text: &str| Candidate {
            picture: false,
            chars: text.chars().filter(|c| !c.is_whitespace()).count(),
            block: Block::Paragraph {
                text: text.to_string(),
                links: Vec::new(),
            },
            link_chars: 0,
        };
        let story = "The council voted on Tuesday to keep the swimming pool open through the \
                     winter, reversing a decision it made in the spring after a petition.";
        let teaser = Candidate {
            picture: false,
            chars: 40,
            block: Block::List {
                ordered: false,
                items: vec![dateline_model::ListItem {
                    text: "Ten pools that closed this year and why".to_string(),
                    links: Vec::new(),
                }],
            },
            link_chars: 0,
        };
        let kept = filter(
            vec![paragraph(story), paragraph("Also on The Courier:"), teaser],
            None,
        );
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert!(is_teaser_lead_in("more from the times:"));
        assert!(is_teaser_lead_in("related:"));
        assert!(!is_teaser_lead_in("also on the agenda was the budget."));
        assert!(!is_teaser_lead_in("he said:"));
    }

    /// An unordered list block of `texts`.
    fn list(texts: &[&str]) -> Block {
        Block::List {
            ordered: false,
            items: texts
                .iter()
                .map(|t| dateline_model::ListItem {
                    text: t.to_string(),
                    links: Vec::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn lists_of_read_more_teasers() {
        assert!(is_teaser_list(&list(&[
            "New ferry timetable from Monday. More sailings at rush hour. Read more... 2024-03-02",
            "Library opens on Sundays. Volunteers staff the desk. Read more... 2024-03-01",
            "Market square repaved",
        ])));
        assert!(!is_teaser_list(&list(&[
            "Read more about the history of the bridge in the town archive, open on weekdays",
            "Bring a packed lunch",
            "Wear boots",
        ])));
    }

    #[test]
    fn slideshow_lists() {
        assert!(is_slideshow(&list(&[
            "1/3 A harbour",
            "2/3 A boat",
            "3/3 A gull"
        ])));
        assert!(!is_slideshow(&list(&[
            "24/7 service",
            "Free parking",
            "Open daily"
        ])));
    }

    #[test]
    fn link_heavy_sentence_that_cites_sources_is_kept_but_a_menu_is_not() {
        let candidate = |text: &str, link_chars: usize| Candidate {
            picture: false,
            chars: text.chars().filter(|c| !c.is_whitespace()).count(),
            block: Block::Paragraph {
                text: text.to_string(),
                links: Vec::new(),
            },
            link_chars,
        };
        let cited = "Thanks to everyone who wrote in about why the bridge closed early; \
                     note also that the council published its own account of the repairs.";
        // Everything but "Thanks to everyone who wrote in about ... note also that" is linked.
        let menu = "Home World Business Sport Weather Travel Culture Science";
        let kept = filter(vec![candidate(cited, 70), candidate(menu, 50)], None);
        assert_eq!(kept.len(), 1);
        assert!(
            kept[0]
                .plain_text()
                .unwrap_or_default()
                .starts_with("Thanks")
        );
    }

    #[test]
    fn post_filing_notes() {
        assert!(is_post_filing_note(
            "This entry was posted on Monday, May 3rd, 2010 at 9:12 pm and is filed under \
             Life. You can follow any responses to this entry through the RSS 2.0 feed."
        ));
        assert!(is_post_filing_note("  this entry was posted in Garden."));
        assert!(is_post_filing_note(
            "You can follow any responses to this entry through the RSS 2.0 feed. You can \
             leave a response, or trackback from your own site."
        ));
        assert!(!is_post_filing_note(
            "This entry was the hardest to write: the posted letters never arrived."
        ));
        assert!(!is_post_filing_note("Thé"));
    }

    #[test]
    fn copyright_notices() {
        assert!(has_copyright_notice(
            "If you share it pls link back :-) (c) 2012 The Curious Brain | powered by Blogger"
        ));
        assert!(has_copyright_notice(
            "Copyright © 2005-2024 Harbour Post Media"
        ));
        assert!(has_copyright_notice("©2024 Example Media"));
        assert!(!has_copyright_notice(
            "Covers trig scales, well thought out. Copyright 1964."
        ));
        assert!(!has_copyright_notice(
            "Scripture quoted by permission. Copyright © 1973, 1978, 1984 by the publisher."
        ));
        assert!(!has_copyright_notice(
            "The © sign and (c) alone say nothing."
        ));
    }

    #[test]
    fn counted_comment_threads() {
        assert!(counts_comments_on("92 responses to \"depth compositing\""));
        assert!(counts_comments_on("3 thoughts on “a winter walk”"));
        assert!(counts_comments_on("12 kommentare zu „winter“"));
        assert!(!counts_comments_on("responses to the survey"));
        assert!(!counts_comments_on("40 responses came in from readers"));
        assert!(!counts_comments_on("2012 thoughts"));
    }

    #[test]
    fn comment_markers() {
        assert!(opens_comments("12 comments"));
        assert!(opens_comments("leave a reply"));
        assert!(opens_comments("comments (3)"));
        assert!(!opens_comments("commentary on the budget"));
    }

    #[test]
    fn orphan_headings_go() {
        let heading = |level, text: &str| Block::Heading {
            level,
            text: text.to_string(),
        };
        let para = |text: &str| Block::Paragraph {
            text: text.to_string(),
            links: Vec::new(),
        };
        let text_only = |blocks: Vec<Block>| blocks.into_iter().map(|b| (b, false)).collect();
        let kept = drop_orphan_headings(text_only(vec![
            heading(2, "Story"),
            para("text"),
            heading(2, "Recent posts"),
            heading(2, "Archives"),
        ]));
        assert_eq!(kept, vec![heading(2, "Story"), para("text")]);
    }

    #[test]
    fn a_heading_over_a_picture_introduces_it() {
        let heading = |text: &str| Block::Heading {
            level: 2,
            text: text.to_string(),
        };
        let image = || Block::Image {
            src: String::new(),
            alt: None,
        };
        let kept = drop_orphan_headings(vec![
            (heading("Test case number one"), false),
            (image(), true),
            (heading("News"), false),
            (image(), true),
            (heading("Our books and films"), false),
            (image(), false),
        ]);
        // A one-word widget title over a thumbnail and a heading over linked navigation
        // graphics go.
        assert_eq!(
            kept,
            vec![heading("Test case number one"), image(), image(), image()]
        );
    }

    #[test]
    fn images_between_a_heading_and_its_text_are_looked_past() {
        let kept = drop_orphan_headings(vec![
            (
                Block::Heading {
                    level: 2,
                    text: "Gallery".into(),
                },
                false,
            ),
            (
                Block::Image {
                    src: String::new(),
                    alt: None,
                },
                false,
            ),
            (
                Block::Paragraph {
                    text: "The text under the photo.".into(),
                    links: Vec::new(),
                },
                false,
            ),
        ]);
        assert_eq!(kept.len(), 3);
    }
}
