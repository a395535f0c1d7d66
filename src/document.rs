//! Lines, page chrome and metadata. (in progress)
use crate::analysis::Meta;
use crate::text::Span;

/// The line structure of a normalised text.
pub struct Document {
    /// Lines of page chrome.
    pub chrome: Vec<Span>,
}

impl Document {
    /// Splits `text` into lines and classifies them.
    pub fn new(_text: &str) -> Self {
        Document { chrome: Vec::new() }
    }
}

/// Title, year, dates and issuer.
pub fn find_meta(_text: &str, _doc: &Document) -> Meta {
    Meta::default()
}
