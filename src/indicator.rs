//! Quantitative indicators. (in progress)
use crate::analysis::Indicator;
use crate::document::Document;

/// Finds the indicators of `text` (the normalised view).
pub fn find_indicators(_text: &str, _doc: &Document) -> Vec<Indicator> {
    Vec::new()
}
