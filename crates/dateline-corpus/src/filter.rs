//! User filters: language, publication date range, hosts, word count.

use dateline_model::Article;

use crate::config::Filters;

/// Host filter, applied before extraction: `Err(key)` names the `filtered` stats key.
pub(crate) fn host_allowed(filters: &Filters, url: Option<&str>) -> Result<(), &'static str> {
    if filters.hosts.is_empty() && filters.exclude_hosts.is_empty() {
        return Ok(());
    }
    let host = url
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase));
    let matches = |list: &[String]| {
        host.as_deref()
            .is_some_and(|h| list.iter().any(|want| host_matches(h, want)))
    };
    if !filters.hosts.is_empty() && !matches(&filters.hosts) {
        return Err("host");
    }
    if matches(&filters.exclude_hosts) {
        return Err("exclude_host");
    }
    Ok(())
}

/// `host` is `want` or one of its subdomains (`www.` on either side ignored).
fn host_matches(host: &str, want: &str) -> bool {
    let want = want.trim().trim_start_matches("www.").to_ascii_lowercase();
    let host = host.trim_start_matches("www.");
    host == want || host.ends_with(&format!(".{want}"))
}

/// Filters on the extracted article.
pub(crate) fn article_allowed(filters: &Filters, article: &Article) -> Result<(), &'static str> {
    if article.word_count < filters.min_words {
        return Err("min_words");
    }
    if !filters.languages.is_empty() {
        let primary = article
            .language
            .as_deref()
            .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase());
        let wanted = primary.as_deref().is_some_and(|p| {
            filters.languages.iter().any(|l| {
                l.split(['-', '_'])
                    .next()
                    .unwrap_or(l)
                    .eq_ignore_ascii_case(p)
            })
        });
        if !wanted {
            return Err("lang");
        }
    }
    if filters.since.is_some() || filters.until.is_some() {
        // ISO dates compare as strings on their `YYYY-MM-DD` prefix.
        let Some(day) = article.date_published.as_deref().and_then(|d| d.get(..10)) else {
            return Err("no_date");
        };
        if filters.since.as_deref().is_some_and(|s| day < s) {
            return Err("since");
        }
        if filters.until.as_deref().is_some_and(|u| day > u) {
            return Err("until");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(lang: Option<&str>, date: Option<&str>, words: usize) -> Article {
        Article {
            language: lang.map(str::to_string),
            date_published: date.map(str::to_string),
            word_count: words,
            ..Article::default()
        }
    }

    #[test]
    fn language_matches_on_primary_subtag() {
        let f = Filters {
            languages: vec!["en".into()],
            ..Filters::default()
        };
        assert_eq!(
            article_allowed(&f, &article(Some("en-GB"), None, 10)),
            Ok(())
        );
        assert_eq!(
            article_allowed(&f, &article(Some("de"), None, 10)),
            Err("lang")
        );
        assert_eq!(article_allowed(&f, &article(None, None, 10)), Err("lang"));
    }

    #[test]
    fn date_range_is_inclusive_and_needs_a_date() {
        let f = Filters {
            since: Some("2024-08-01".into()),
            until: Some("2024-08-31".into()),
            ..Filters::default()
        };
        let ok = article(None, Some("2024-08-31T23:00:00+02:00"), 10);
        assert_eq!(article_allowed(&f, &ok), Ok(()));
        assert_eq!(
            article_allowed(&f, &article(None, Some("2024-07-31"), 10)),
            Err("since")
        );
        assert_eq!(
            article_allowed(&f, &article(None, Some("2024-09-01"), 10)),
            Err("until")
        );
        assert_eq!(
            article_allowed(&f, &article(None, None, 10)),
            Err("no_date")
        );
    }

    #[test]
    fn hosts_include_subdomains() {
        let f = Filters {
            hosts: vec!["news.example".into()],
            exclude_hosts: vec!["blog.news.example".into()],
            ..Filters::default()
        };
        assert_eq!(host_allowed(&f, Some("https://www.news.example/a")), Ok(()));
        assert_eq!(
            host_allowed(&f, Some("https://city.news.example/a")),
            Ok(())
        );
        assert_eq!(
            host_allowed(&f, Some("https://blog.news.example/a")),
            Err("exclude_host")
        );
        assert_eq!(
            host_allowed(&f, Some("https://othernews.example/a")),
            Err("host")
        );
        assert_eq!(host_allowed(&f, None), Err("host"));
    }

    #[test]
    fn min_words_drops_short_articles() {
        let f = Filters {
            min_words: 50,
            ..Filters::default()
        };
        assert_eq!(
            article_allowed(&f, &article(None, None, 49)),
            Err("min_words")
        );
        assert_eq!(article_allowed(&f, &article(None, None, 50)), Ok(()));
    }
}
