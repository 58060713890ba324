//! The [`Article`] type every dateline crate produces or consumes, and its renderings.
//!
//! An `Article` is what extraction makes of one page: metadata fields plus the body, kept twice:
//! as plain `text` (paragraphs separated by a blank line) and as typed [`Block`]s in reading
//! order. The JSON form (serde) is the stable output schema, documented in `schema/article.md`
//! at the repository root. Absent fields are left out of the JSON, never filled with guesses.
#![forbid(unsafe_code)]

mod article;
mod block;
pub mod render;

pub use article::{Article, Dateline, count_reading_words, count_words};
pub use block::{Block, Link, ListItem, TableCell, TableRow};

/// Compiles and runs the README's example as a doctest, so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
