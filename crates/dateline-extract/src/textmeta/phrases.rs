//! Phrase lists searched anywhere in a line, as one automaton each.
//!
//! `list.iter().any(|p| text.contains(p))` sets up a substring searcher per phrase and per
//! line; for the lists that run on every short line of a page (relative times, comment
//! stamps, byline markers, caption marks, noise phrases) that setup was most of their cost.
//! One Aho-Corasick DFA per list, built on first use, answers the same question in one pass;
//! [`Phrases::in_text`] walks the DFA's transitions in a plain loop, since the crate's
//! general search (prefilters, match bookkeeping) cost more than the walk on short lines.

use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored};

/// A phrase set as a DFA, for "does any phrase occur" questions.
pub(crate) struct Phrases {
    dfa: aho_corasick::dfa::DFA,
}

impl Phrases {
    /// The phrases, matched byte for byte or (with `ascii_case_insensitive`) in any ASCII
    /// case. `None` if the automaton cannot be built.
    pub(crate) fn new<P: AsRef<[u8]>>(phrases: &[P], ascii_case_insensitive: bool) -> Option<Self> {
        let dfa = aho_corasick::dfa::DFA::builder()
            .ascii_case_insensitive(ascii_case_insensitive)
            .build(phrases)
            .ok()?;
        // An empty phrase matches everywhere; the walk below assumes a search that can fail.
        let start = dfa.start_state(Anchored::No).ok()?;
        (!dfa.is_match(start)).then_some(Self { dfa })
    }

    /// Whether any phrase occurs in `text`.
    pub(crate) fn in_text(&self, text: &str) -> bool {
        let dfa = &self.dfa;
        let Ok(mut state) = dfa.start_state(Anchored::No) else {
            return false;
        };
        for &b in text.as_bytes() {
            state = dfa.next_state(Anchored::No, state, b);
            if dfa.is_special(state) && dfa.is_match(state) {
                return true;
            }
        }
        false
    }
}

/// A fixed list of phrases and its automata.
pub(crate) struct PhraseSet {
    phrases: &'static [&'static str],
    automaton: OnceLock<Option<AhoCorasick>>,
    walker: OnceLock<Option<Phrases>>,
}

impl PhraseSet {
    pub(crate) const fn new(phrases: &'static [&'static str]) -> Self {
        Self {
            phrases,
            automaton: OnceLock::new(),
            walker: OnceLock::new(),
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
        match self
            .walker
            .get_or_init(|| Phrases::new(self.phrases, false))
        {
            Some(walker) => walker.in_text(text),
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
            "agago",
        ] {
            let slow = LIST.iter().any(|p| text.contains(p));
            assert_eq!(SET.in_text(text), slow, "{text}");
            assert_eq!(
                SET.automaton().map(|a| a.is_match(text)),
                Some(slow),
                "{text}"
            );
        }
    }

    #[test]
    fn any_ascii_case_when_asked() {
        let Some(phrases) = Phrases::new(&["all rights reserved"], true) else {
            panic!("builds");
        };
        assert!(phrases.in_text("© 2024 Example. ALL Rights Reserved."));
        assert!(!phrases.in_text("All rights"));
        assert!(Phrases::new(&[""], false).is_none());
    }
}
