//! Outputs over an [`crate::Analysis`]: nothing here changes what was found.
//!
//! - [`export`]: the JSON contract, CSV for spreadsheets, Markdown and the terminal table;
//! - [`view`]: the web page's view model (paragraphs as runs of text and marks);
//! - [`overview`]: one row per report for a batch;
//! - [`compare`]: two reports of one region, year against year;
//! - [`memo`]: the 审查意见 on one report (Markdown, text, `.docx` with `memo-docx`);
//! - [`workbook`]: a batch as an Excel workbook (`.xlsx`, feature `xlsx`);
//! - [`present`]: values, section paths, labels and title lines worded once for the CLI and
//!   the page.

pub mod compare;
pub mod export;
pub mod memo;
pub mod overview;
pub mod present;
pub mod view;
#[cfg(feature = "xlsx")]
pub mod workbook;
