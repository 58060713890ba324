//! App shells: pages that render their content with scripts and say so to a reader
//! without them. Their empty body is then explained, not just reported.

/// Notices of pages that render their content with scripts, matched in any ASCII case.
const JAVASCRIPT_NOTICES: &[&str] = &[
    "enable javascript",
    "javascript is disabled",
    "javascript is required",
    "requires javascript",
    "need javascript",
    "turn on javascript",
    "javascript aktivieren",
    "javascript ist deaktiviert",
    "activer javascript",
    "activez javascript",
    "habilitar javascript",
    "habilite javascript",
    "attiva javascript",
    "abilitare javascript",
];

/// Page bytes searched for a JavaScript notice: app shells are small.
const NOTICE_SEARCH_BYTES: usize = 256 * 1024;

/// Whether the page says it needs JavaScript to show its content.
pub fn needs_javascript(page: &[u8]) -> bool {
    static NOTICES: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(JAVASCRIPT_NOTICES)
                .ok()
        });
    let page = &page[..page.len().min(NOTICE_SEARCH_BYTES)];
    NOTICES.as_ref().is_some_and(|n| n.is_match(page))
}

#[cfg(test)]
mod tests {
    use super::needs_javascript;

    #[test]
    fn notices_in_any_case_and_language() {
        assert!(needs_javascript(
            b"<noscript>Please ENABLE JavaScript.</noscript>"
        ));
        assert!(needs_javascript(b"<p>Bitte JavaScript aktivieren</p>"));
        assert!(!needs_javascript(
            b"<p>A story about JavaScript frameworks.</p>"
        ));
    }
}
