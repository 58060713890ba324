//! Exact and near-duplicate detection of article texts across a crawl run.
//!
//! Syndicated news is republished by many sites with other boilerplate, a changed dateline, a
//! line added at the end or the last paragraph dropped, a few words edited, and often cut to
//! part of its length. This crate puts such copies in one cluster, in one pass over the run:
//!
//! 1. [`fingerprint()`] (parallel, per document): the text is normalised (Unicode lowercase,
//!    punctuation dropped, whitespace collapsed; see [`normalize()`]) and hashed for exact
//!    matching; its set of word shingles gets a MinHash signature (16 bits per permutation).
//! 2. [`Deduper::insert`] (sequential, in run order): exact matches by text or payload hash;
//!    otherwise LSH over the signature's bands proposes earlier documents, and a candidate is
//!    a near-duplicate when the estimated Jaccard similarity is high, or when the estimated
//!    containment |A ∩ B| / min(|A|, |B|) is high and the smaller text holds enough of the
//!    larger one (cut copies are contained in their source; a brief quoted in a round-up is
//!    not a copy of it). Texts under [`DedupConfig::min_words`] are matched exactly only.
//!
//! The first-seen document of a cluster is its canonical; the verdicts depend only on the
//! config and the insertion order, so a resumed run that replays the fingerprints of finished
//! work gets the same verdicts as an uninterrupted one.
//!
//! ```
//! use dateline_dedup::{DedupConfig, Deduper, DuplicateKind, Fingerprinter};
//!
//! let story = "The harbour council voted on Tuesday to turn the empty ferry terminal into a \
//!     public library, ending ten years of argument over the building on the quay. Work starts \
//!     in spring and the library should open within two years, the council said, after a \
//!     long public consultation that drew more than four hundred written replies.";
//! let copy = format!("SALTMERE (Wire) - {story} Editing by Jo Bell.");
//! let other = "A new bakery opened on the high street this week, selling bread baked in a \
//!     wood-fired oven that the owners rebuilt from bricks of a demolished chapel nearby, and \
//!     the queue on the first morning reached the post office at the corner of the square.";
//!
//! let config = DedupConfig::default();
//! let fingerprinter = Fingerprinter::new(&config);
//! let mut deduper = Deduper::new(config);
//! let first = deduper.insert(0, &fingerprinter.fingerprint(story));
//! let second = deduper.insert(1, &fingerprinter.fingerprint(&copy));
//! let third = deduper.insert(2, &fingerprinter.fingerprint(other));
//! assert_eq!(first.kind, DuplicateKind::Unique);
//! assert_eq!((second.kind, second.duplicate_of), (DuplicateKind::Near, Some(0)));
//! assert_eq!((third.kind, third.cluster_id), (DuplicateKind::Unique, 2));
//! ```
#![forbid(unsafe_code)]

mod config;
mod deduper;
mod fingerprint;
mod minhash;
mod normalize;

pub use config::{ConfigError, DedupConfig, MAX_PERMUTATIONS};
pub use deduper::{Deduper, DuplicateKind, Verdict};
pub use fingerprint::{Fingerprint, Fingerprinter, MAX_SHINGLED_WORDS, fingerprint};
pub use normalize::normalize;

/// Compiles and runs the README's example as a doctest, so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
