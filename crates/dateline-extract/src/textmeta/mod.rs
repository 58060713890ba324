//! Pure parsers for metadata written as text: dates, bylines and wire datelines.
//!
//! These functions take strings, not documents, so the HTML metadata stage and the
//! flattened-text extractor share them. They allocate little, never panic, and run in time
//! linear in their input (they are called on every page, sometimes on whole page texts).
//!
//! - [`parse_date`]: a machine value (meta content, JSON-LD, `<time datetime>`): ISO 8601 and
//!   its variants, Unix epochs, RFC 2822, and everything `find_date` reads.
//! - [`find_date`] / [`find_dates`]: dates in visible text, in a dozen languages
//!   ("January 30, 2022 | 04:20 AM", "30. Januar 2022", "30 de enero de 2022",
//!   "2022年1月30日", "30.01.2022 um 14:05 Uhr", "vor 2 Stunden", ...).
//! - [`clean_authors`] / [`is_organisation`]: a raw byline into person names.
//! - [`parse_dateline`]: "LONDON (Reuters) -" and its relatives at the start of a paragraph.
//!
//! All dates pass the same checks ([`DateContext`]): a real calendar day, a year from 1990,
//! and not more than two days after the reference instant when one is given.
//!
//! ```
//! use dateline_extract::textmeta::{DateContext, find_date, parse_date};
//!
//! let ctx = DateContext::default();
//! let (date, range) = find_date("Sumaira FH Published January 30, 2022 | 04:20 AM", &ctx).unwrap();
//! assert_eq!(date.to_iso(), "2022-01-30T04:20:00");
//! assert_eq!(range, 21..48);
//! let date = parse_date("Sun, 30 Jan 2022 04:20:00 GMT", &ctx).unwrap();
//! assert_eq!(date.to_iso(), "2022-01-30T04:20:00Z");
//!
//! use dateline_extract::textmeta::{clean_authors, parse_dateline};
//! assert_eq!(clean_authors("By Jane Doe, Staff Writer, and John Roe"), ["Jane Doe", "John Roe"]);
//! let (dateline, len) = parse_dateline("PARIS (AFP) - France said on Monday", &ctx).unwrap();
//! assert_eq!(dateline.place.as_deref(), Some("PARIS"));
//! assert_eq!(dateline.agencies, ["AFP"]);
//! assert_eq!(len, "PARIS (AFP) - ".len());
//! ```

mod authors;
mod byline_words;
mod dateline;
mod dates;
mod lexicon;
pub(crate) mod phrases;
mod scan;
mod tokens;

pub use authors::{clean_authors, is_organisation};
pub(crate) use authors::{
    is_bare_byline_label, is_byline_label, is_byline_word, starts_like_byline,
};
pub use dateline::parse_dateline;
pub use dates::{DateContext, PageDate, find_date, find_dates, parse_date};

#[cfg(test)]
mod authors_tests;
#[cfg(test)]
mod dateline_tests;
#[cfg(test)]
mod dates_tests;
#[cfg(test)]
mod proptests;
