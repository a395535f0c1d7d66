//! Heading recognisers, the section tree and numbering repair. (in progress)
use crate::analysis::{Diagnostic, Section};
use crate::document::Document;

/// Sections and numbering diagnostics of a document.
pub struct Outline {
    /// Sections in document order.
    pub sections: Vec<Section>,
    /// Numbering problems.
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds the headings of `text` (the normalised view).
pub fn find_sections(_text: &str, _doc: &Document) -> Outline {
    Outline { sections: Vec::new(), diagnostics: Vec::new() }
}
