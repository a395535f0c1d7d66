//! Lexing: the tokens every pass reads — numerals ([`numeral`]) and whole numbers with
//! their normalised values ([`number`]), years and dates ([`date`]), heading markers
//! ([`marker`]), shared word lists ([`words`]) and the phrase index that finds many fixed
//! phrases in one scan (`phrase`). Lexing depends only on
//! [`crate::text`].

pub mod date;
pub mod marker;
pub mod number;
pub mod numeral;
pub(crate) mod phrase;
pub mod words;
