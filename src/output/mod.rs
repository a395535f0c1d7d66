//! Outputs over an [`crate::Analysis`]: nothing here changes what was found.
//!
//! - [`export`]: the JSON contract, CSV for spreadsheets, Markdown and the terminal table;
//! - [`view`]: the web page's view model (paragraphs as runs of text and marks);
//! - [`overview`]: one row per report for a batch;
//! - [`compare`]: two reports of one region, year against year;
//! - [`present`]: values, section paths, labels and title lines worded once for the CLI and
//!   the page.

pub mod compare;
pub mod export;
pub mod overview;
pub mod present;
pub mod view;
