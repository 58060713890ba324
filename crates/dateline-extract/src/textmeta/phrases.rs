//! Phrase lists searched anywhere in a line, as one automaton each.
//!
//! `list.iter().any(|p| text.contains(p))` sets up a substring searcher per phrase and per
//! line; for the lists that run on every short line of a page (relative times, comment
//! stamps, byline markers, caption marks) that setup was most of their cost. One
//! Aho-Corasick DFA per list, built on first use, answers the same question in one pass.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// A fixed list of phrases and its automaton.
pub(crate) struct PhraseSet {
    phrases: &'static [&'static str],
    automaton: OnceLock<Option<AhoCorasick>>,
}

impl PhraseSet {
    pub(crate) const fn new(phrases: &'static [&'static str]) -> Self {
        Self {
            phrases,
            automaton: OnceLock::new(),
        }
    }

    /// The automaton (standard match semantics, so overlapping search works), or `None` if
    /// it could not be built, in which case callers search phrase by phrase.
    pub(crate) fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton
            .get_or_init(|| {
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(self.phrases)
                    .ok()
            })
            .as_ref()
    }

    /// Whether any phrase occurs in `text`: `phrases.iter().any(|p| text.contains(p))`.
    pub(crate) fn in_text(&self, text: &str) -> bool {
        match self.automaton() {
            Some(automaton) => automaton.is_match(text),
            None => self.phrases.iter().any(|p| text.contains(p)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &[&str] = &["ago", "il y a", "назад"];
    static SET: PhraseSet = PhraseSet::new(LIST);

    #[test]
    fn same_answer_as_contains() {
        for text in [
            "3 hours ago",
            "chicago",
            "il y a 5 min",
            "5 минут назад",
            "",
            "a",
            "il y",
        ] {
            let slow = LIST.iter().any(|p| text.contains(p));
            assert_eq!(SET.in_text(text), slow, "{text}");
        }
    }
}
