//! Review checks over the passes' results: the five required parts ([`parts`]), the 纲要
//! tasks ([`tasks`], over the tables of [`gangyao`]), coverage of the 纲要 areas
//! ([`coverage`]), figure cross-checks ([`figures`]), the publication deadline
//! ([`deadline`]) and the form checks of 公文审校 ([`form`]).
//!
//! The parts, tasks, coverage and form checks share one phrase scan (`cues`) over the phrase
//! lists of [`lexicon`], [`gangyao`] and the form rules' triggers. Checks read the passes and
//! the model; nothing below them reads a check.

pub mod coverage;
pub(crate) mod cues;
pub mod deadline;
pub mod figures;
pub mod form;
pub mod gangyao;
pub mod lexicon;
pub mod parts;
pub mod tasks;
