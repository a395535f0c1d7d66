//! Lexing: the tokens every pass reads — numerals ([`numeral`]) and whole numbers with
//! their normalised values ([`number`]), years and dates ([`date`]), heading markers
//! ([`marker`]) and where their titles end ([`title`]), shared word lists ([`words`]) and
//! the phrase index that finds many fixed phrases in one scan (`phrase`). Lexing depends
//! only on [`crate::text`].
//!
//! The token patterns (numbers with groups, years and dates, title ends) are `regex-lite`
//! expressions, compiled once and run anchored at candidate positions; [`PATTERNS`] lists
//! them all for the test that compiles every one with the shipped engine.

pub mod date;
pub mod marker;
pub mod number;
pub mod numeral;
pub(crate) mod phrase;
pub mod title;
pub mod words;

/// Every token pattern of the crate, by module: [`number::PATTERNS`], [`date::PATTERNS`],
/// [`title::PATTERNS`].
pub const PATTERNS: &[(&str, &[&str])] = &[
    ("number", number::PATTERNS),
    ("date", date::PATTERNS),
    ("title", title::PATTERNS),
];

#[cfg(test)]
mod tests {
    use super::*;
    use regex_lite::Regex;

    /// Every token pattern compiles with the engine the crate ships (a pattern that does not
    /// compile would silently read nothing: the readers keep an `Option<Regex>`), and the
    /// engine rejects what trimmed engines reject, so the patterns must spell classes out.
    #[test]
    fn every_token_pattern_compiles_with_the_shipped_engine() {
        let mut n = 0;
        for (module, patterns) in PATTERNS {
            for p in *patterns {
                assert!(Regex::new(p).is_ok(), "{module}: {p}");
                assert!(!p.contains("\\d") && !p.contains("\\p"), "{module}: {p}");
                n += 1;
            }
        }
        assert_eq!(n, 5, "number 1, date 3, title 1");
        assert!(
            Regex::new("\\p{Han}").is_err(),
            "regex-lite has no Unicode classes"
        );
    }
}
