//! # report-lens
//!
//! Reads the text of a Chinese government annual report on rule-of-law government
//! (法治政府建设年度报告, 依法行政工作报告) and returns its section outline, its quantitative
//! indicators and its problems, entirely offline.
//!
//! ```
//! let report = "一、依法全面履行政府职能\n全区已精简64项申报材料，同比下降14.7%。";
//! let analysis = report_lens::analyze(report);
//! assert_eq!(analysis.sections[0].marker, "一、");
//! let texts: Vec<&str> = analysis
//!     .indicators
//!     .iter()
//!     .map(|i| &report[i.span.start..i.span.end])
//!     .collect();
//! assert_eq!(texts, ["64项", "同比下降14.7%"]);
//! ```
//!
//! ## Positions
//! Every [`Span`] is a byte range into the text as given, on `char` boundaries. The JSON
//! contract ([`export::to_json`]) converts them to Unicode code-point offsets;
//! [`text::byte_to_utf16_offsets`] serves JavaScript. Conversions walk the text once.
//!
//! ## How it works
//! The text is folded into a [`text::Normalized`] view (widths, Traditional → Simplified),
//! split into lines with page chrome and metadata set aside ([`document`]), and scanned by
//! hand-written recognisers ([`outline`], [`indicator`], [`numeral`]). Review checks build
//! on their results: the five required parts ([`parts`]), 纲要 coverage ([`coverage`]) and
//! figure cross-checks ([`figures`]). Spans are mapped back to the input at the end.
//!
//! Around the analysis: file readers ([`input`], `.docx` in [`docx`], web pages in [`html`],
//! encodings in [`decode`]), exports ([`export`]), a batch overview ([`overview`]), a
//! year-over-year comparison ([`compare`]) and the web page's view model ([`view`]).
//!
//! ## Performance
//! Every recogniser is a single forward scan with bounded look-behind and look-ahead, so
//! analysis is linear in the input length, also for pathological input (one 5 MB line,
//! 100,000 headings; see `tests/hardening.rs` and the `superlinear` fuzz target). Figures
//! are measured by `cargo bench --bench analyze`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

// Foundations: spans, the normalised view, lexing. They import nothing above them.
pub mod lex;
pub mod text;
// The result model: the types `analyze` returns.
pub mod model;
// Passes that read the text into the model, and the review checks over their results.
pub mod checks;
pub mod passes;
// The one entry point: runs the passes and checks, maps spans back.
pub mod analysis;
// Outputs over an `Analysis`: JSON/CSV/Markdown, the page's view model, overview, comparison.
pub mod output;
// Readers beside the pipeline: file bytes → text for `analyze`.
#[cfg(feature = "input")]
pub mod input;
// Checks of every invariant an `Analysis` keeps (property tests and fuzz targets).
pub mod invariants;

pub use analysis::analyze;
pub use model::{
    Analysis, Code, Diagnostic, Direction, Family, Indicator, Kind, Meta, Ordinal, ReportKind,
    Section, Severity, Signature,
};
pub use text::{Script, Span};
