//! The article / not-article decision: index and tag pages, login walls, error pages, very
//! short bodies and link lists are extracted like any page but are not articles.

use dateline_model::{Article, Block};

/// Bodies under this many words are not articles (a caption, a teaser, a stub); wire briefs
/// of 50-80 words are.
const MIN_ARTICLE_WORDS: usize = 50;
/// Above this many words a page is an article whatever its URL or title say.
const CERTAIN_ARTICLE_WORDS: usize = 400;

/// URL path segments of listing pages (not `archives`: many blogs file posts under it).
const LISTING_SEGMENTS: &[&str] = &[
    "tag",
    "tags",
    "topic",
    "topics",
    "category",
    "categories",
    "author",
    "authors",
    "search",
    "section",
    "sections",
    "page",
    "schlagwort",
    "thema",
    "themen",
    "rubrique",
    "etiqueta",
    "categoria",
];

/// Title words of error pages, compared on the lower-cased title.
const ERROR_TITLES: &[&str] = &[
    "404",
    "page not found",
    "not found",
    "access denied",
    "forbidden",
    "internal server error",
    "service unavailable",
    "seite nicht gefunden",
    "page introuvable",
    "página no encontrada",
    "error",
];

/// Phrases of login and paywall interstitials, compared on the lower-cased body.
const WALL_PHRASES: &[&str] = &[
    "sign in to continue",
    "log in to continue",
    "log in to read",
    "sign in to read",
    "subscribe to continue reading",
    "subscribe to read",
    "this content is for subscribers",
    "please enable javascript",
    "please log in",
    "create a free account to continue",
];

/// Why a page is not an article; the names are the `not_article` keys in `stats.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotArticle {
    /// No body text at all.
    Empty,
    /// An HTTP-200 error page ("Page not found").
    ErrorPage,
    /// A login or paywall interstitial.
    LoginWall,
    /// A listing page: tag, category, author, search, pagination, or a home page.
    IndexPage,
    /// Mostly list items: a list of links or teasers.
    LinkList,
    /// Too little body text, and the page says it needs JavaScript to show its content (an
    /// app shell with a `<noscript>` notice).
    NeedsJavaScript,
    /// Too little body text.
    TooShort,
}

impl NotArticle {
    /// The stats key.
    pub fn name(self) -> &'static str {
        match self {
            NotArticle::Empty => "empty",
            NotArticle::ErrorPage => "error_page",
            NotArticle::LoginWall => "login_wall",
            NotArticle::IndexPage => "index_page",
            NotArticle::LinkList => "link_list",
            NotArticle::NeedsJavaScript => "needs_javascript",
            NotArticle::TooShort => "too_short",
        }
    }
}

/// Decides whether `article`, extracted from `page` (when the input had markup) at `url`,
/// is a news article.
pub fn judge(article: &Article, url: Option<&str>, page: Option<&[u8]>) -> Result<(), NotArticle> {
    let words = reading_words(article);
    // An app shell: say why it is empty rather than that it is.
    if words < MIN_ARTICLE_WORDS && page.is_some_and(dateline_extract::needs_javascript) {
        return Err(NotArticle::NeedsJavaScript);
    }
    if words == 0 {
        return Err(NotArticle::Empty);
    }
    if words >= CERTAIN_ARTICLE_WORDS {
        return Ok(());
    }
    let title = article.title.as_deref().unwrap_or("").to_lowercase();
    if words < 150 && ERROR_TITLES.iter().any(|t| title_has(&title, t)) {
        return Err(NotArticle::ErrorPage);
    }
    let text = article.text.to_lowercase();
    if words < 250 && WALL_PHRASES.iter().any(|p| text.contains(p)) {
        return Err(NotArticle::LoginWall);
    }
    if url.is_some_and(is_listing_url) && article.date_published.is_none() {
        return Err(NotArticle::IndexPage);
    }
    if list_share(&article.blocks) > 0.6 {
        return Err(NotArticle::LinkList);
    }
    if words < MIN_ARTICLE_WORDS {
        return Err(NotArticle::TooShort);
    }
    Ok(())
}

/// Bytes at the start of a body counted first: in most scripts they hold more than
/// [`CERTAIN_ARTICLE_WORDS`] words, so a long story is not counted to its end.
const PREFIX_BYTES: usize = 3 * 1024;

/// The body's length in words as a reader counts them: `word_count` counts a run of Chinese
/// or Japanese characters once, which would make every CJK story "too short". Exact below
/// [`CERTAIN_ARTICLE_WORDS`]; at or above it, possibly a smaller count that is still at or
/// above it, which is all [`judge`] asks of a long body.
fn reading_words(article: &Article) -> usize {
    let text = article.text.as_str();
    let cut = text.floor_char_boundary(PREFIX_BYTES);
    if cut < text.len() {
        // A prefix has no more words than the whole text: every word start in it is one in
        // the text, and a word cut at the end counts once in both.
        let prefix = dateline_model::count_reading_words(&text[..cut]);
        if prefix >= CERTAIN_ARTICLE_WORDS {
            return prefix;
        }
    }
    dateline_model::count_reading_words(text)
}

/// `needle` as whole words of `title`.
fn title_has(title: &str, needle: &str) -> bool {
    title.match_indices(needle).any(|(i, _)| {
        let before = title[..i].chars().next_back();
        let after = title[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn is_listing_url(url: &str) -> bool {
    let Ok(parsed) = url::Url::parse(url) else {
        return false;
    };
    let segments: Vec<&str> = parsed
        .path_segments()
        .map(|s| s.filter(|p| !p.is_empty()).collect())
        .unwrap_or_default();
    if segments.is_empty() {
        return true;
    }
    segments
        .iter()
        .any(|s| LISTING_SEGMENTS.contains(&s.to_ascii_lowercase().as_str()))
}

/// Share of the body's characters that sit in list items.
fn list_share(blocks: &[Block]) -> f64 {
    let mut total = 0usize;
    let mut listed = 0usize;
    for block in blocks {
        let chars = block.plain_text().map_or(0, |t| t.chars().count());
        total += chars;
        if matches!(block, Block::List { .. }) {
            listed += chars;
        }
    }
    if total == 0 {
        0.0
    } else {
        listed as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, words: usize) -> Article {
        let text: Vec<String> = (0..words).map(|i| format!("word{i}")).collect();
        let mut a = Article {
            title: Some(title.into()),
            ..Article::default()
        };
        a.set_body(vec![Block::Paragraph {
            text: text.join(" "),
            links: vec![],
        }]);
        a
    }

    #[test]
    fn long_story_is_an_article() {
        let a = article("Harbour council votes on ferry terminal", 300);
        assert_eq!(
            judge(&a, Some("https://news.example/2024/08/harbour"), None),
            Ok(())
        );
    }

    #[test]
    fn a_japanese_story_is_counted_by_characters() {
        let mut a = article("南海トラフ調査", 0);
        a.set_body(vec![Block::Paragraph {
            text: "気象庁は十三日、南海トラフ地震臨時情報の調査を一時開始したが、基準に達しなかったと発表した。".repeat(3),
            links: vec![],
        }]);
        assert!(
            a.word_count < MIN_ARTICLE_WORDS,
            "whitespace words undercount CJK"
        );
        assert_eq!(judge(&a, None, None), Ok(()));
    }

    #[test]
    fn long_body_is_judged_by_all_its_words() {
        // Over the prefix counted first, with most words beyond it: counted to the end.
        let mut a = article("Harbour council votes", 45);
        a.text.insert_str(0, &"-".repeat(PREFIX_BYTES + 100));
        assert_eq!(reading_words(&a), 45);
        assert_eq!(judge(&a, None, None), Err(NotArticle::TooShort));
        // Enough words within the prefix: certain without counting the rest.
        let b = article("Harbour council votes", 2_000);
        assert!(b.text.len() > PREFIX_BYTES);
        assert!(reading_words(&b) >= CERTAIN_ARTICLE_WORDS);
        assert_eq!(judge(&b, Some("https://news.example/tag/x/"), None), Ok(()));
        // A multi-byte character across the cut.
        let mut c = article("Harbour council votes", 60);
        c.text
            .insert_str(0, &format!("{}é ", "a".repeat(PREFIX_BYTES - 1)));
        assert_eq!(reading_words(&c), 61);
    }

    #[test]
    fn short_body_is_not() {
        let a = article("Harbour council votes", 40);
        assert_eq!(judge(&a, None, None), Err(NotArticle::TooShort));
    }

    #[test]
    fn error_title_is_an_error_page_but_not_inside_a_word() {
        let a = article("404 - Page not found", 30);
        assert_eq!(judge(&a, None, None), Err(NotArticle::ErrorPage));
        let b = article("Terrorism trial opens", 200);
        assert_eq!(judge(&b, None, None), Ok(()));
    }

    #[test]
    fn tag_url_without_date_is_an_index_page() {
        let a = article("Stories tagged harbour", 200);
        assert_eq!(
            judge(&a, Some("https://news.example/tag/harbour/"), None),
            Err(NotArticle::IndexPage)
        );
    }

    #[test]
    fn login_wall_is_recognised() {
        let mut a = article("Members only", 100);
        a.text.push_str(" Please log in to read the rest.");
        assert_eq!(judge(&a, None, None), Err(NotArticle::LoginWall));
    }

    #[test]
    fn body_of_lists_is_a_link_list() {
        let mut a = Article::default();
        let items = (0..30)
            .map(|i| dateline_model::ListItem {
                text: format!("Teaser headline number {i} about the harbour"),
                links: vec![],
            })
            .collect();
        a.set_body(vec![Block::List {
            ordered: false,
            items,
        }]);
        assert_eq!(
            judge(&a, Some("https://news.example/latest"), None),
            Err(NotArticle::LinkList)
        );
    }

    #[test]
    fn an_app_shell_needs_javascript() {
        let shell = b"<html><body><div id=\"root\"></div><noscript>You need to Enable JavaScript to run this app.</noscript></body></html>";
        let empty = Article::default();
        assert_eq!(
            judge(&empty, None, Some(shell)),
            Err(NotArticle::NeedsJavaScript)
        );
        assert_eq!(
            judge(&empty, None, Some(b"<p></p>")),
            Err(NotArticle::Empty)
        );
        // A story long enough to stand is an article whatever its noscript notice says.
        let story = article("Harbour reopens", 120);
        assert_eq!(judge(&story, None, Some(shell)), Ok(()));
    }
}
