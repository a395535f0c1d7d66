//! Review checks over the passes' results: the five required parts ([`parts`]), coverage of
//! the 纲要 areas ([`coverage`]) and figure cross-checks ([`figures`]).
//!
//! The parts and coverage checks share one phrase scan (`cues`) over the phrase lists of
//! [`lexicon`]. Checks read the passes and the model; nothing below them reads a check.

pub mod coverage;
pub(crate) mod cues;
pub mod figures;
pub mod lexicon;
pub mod parts;
