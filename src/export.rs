//! Exports: the JSON contract, CSV for Excel, a readable table, a Markdown outline. (in progress)
use crate::analysis::Analysis;

/// The JSON contract (one object, code-point offsets).
pub fn to_json(_text: &str, _a: &Analysis) -> String {
    String::new()
}

/// Indicators as CSV with a UTF-8 BOM, one row each, with file name and section path.
pub fn to_csv(_file: &str, _text: &str, _a: &Analysis, _with_header: bool) -> String {
    String::new()
}

/// The outline as a Markdown list.
pub fn to_markdown(_a: &Analysis) -> String {
    String::new()
}

/// Outline tree and indicator table for people.
pub fn to_table(_text: &str, _a: &Analysis) -> String {
    String::new()
}
