//! Headings: [`Section`], the tree node, and the [`Ordinal`] of its marker.

pub use crate::lex::marker::{Family, Ordinal};
use crate::text::Span;
use serde::Serialize;

/// One heading and the section it opens.
#[derive(Clone, Debug, Serialize)]
pub struct Section {
    /// Nesting depth, 1 = top level.
    pub level: u8,
    /// The marker as written (`一、`, `（二）`, `1.`, `一是`); repaired markers are
    /// completed (`二、`) and flagged `inferred`.
    pub marker: String,
    /// Heading text after the marker, as written.
    pub title: String,
    /// Marker and title.
    pub heading: Span,
    /// The title alone.
    pub title_span: Span,
    /// From the heading to the next heading of the same or a higher level.
    pub span: Span,
    /// True when the marker was repaired or supplied from context.
    pub inferred: bool,
    /// Index of the enclosing section.
    pub parent: Option<usize>,
    /// True for run-in headings inside a paragraph (一是…, inline 1.…).
    pub run_in: bool,
    /// The marker's family and number, for numbering checks and comparisons.
    #[serde(skip)]
    pub ordinal: Ordinal,
}
