//! Passes: read the normalised text into the model.
//!
//! 1. [`document`] splits lines, sets page chrome and metadata lines aside, finds the title,
//!    year, issuer and signature;
//! 2. [`outline`] recognises heading markers and builds the section tree, repairing numbering;
//! 3. [`indicator`] finds quantitative indicators and what they measure.
//!
//! Passes read [`crate::text`], [`crate::lex`] and [`crate::model`]; the outline and indicator
//! passes read the [`document::Document`] lines; no pass reads a check.

pub mod document;
pub mod indicator;
pub mod outline;
