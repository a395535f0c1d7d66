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
//! ## Architecture
//! The crate is layered; every dependency points down (or sideways inside a layer, without
//! cycles), and `tests/layers.rs` checks it from the source:
//!
//! ```text
//! output      export (JSON, CSV, Markdown, table) · view · overview · compare
//! analysis    analyze(): runs the passes and checks, maps spans back to the input
//! checks      parts · tasks (gangyao tables) · coverage · figures · deadline · form
//!             (phrase lists in lexicon and gangyao, form triggers: one shared scan in cues)
//! passes      document (lines, chrome, meta) · outline · indicator
//! model       Analysis · Meta · Section · Indicator · Diagnostic(Code) · Part · TaskCoverage · AreaCoverage
//! lex         numeral · marker (heading markers) · words (direction, scope) · phrase index
//! text        Span · Normalized (widths, Traditional → Simplified, pinyin) · offsets
//!
//! input       readers beside the pipeline: bytes → text (decode, docx, doc, ofd, pdf, html); text and lex only
//! ```
//!
//! ### The pipeline and its types
//! ```text
//! &str ──text::Normalized::new──▶ view (Simplified, half-width) + map back to the input
//!      ──passes::document::Document::new──▶ lines (text / chrome / meta / short runs)
//!      ──passes::outline::find_sections──▶ Vec<Section> + numbering Diagnostics
//!      ──passes::indicator::find_indicators──▶ Vec<Indicator>
//!      ──passes::document::find_meta──▶ Meta
//!      ──checks::cues::LineHits──▶ parts · tasks · coverage · form (one scan)
//!      ──checks::deadline::check_deadline──▶ late-publication Diagnostic
//!      ──checks::figures::check_figures──▶ figure Diagnostics
//!      ──span mapping──▶ Analysis (spans into the input as given)
//! ```
//! Passes and checks run on the normalised view, whose byte offsets differ from the input's
//! (Traditional → Simplified and width folding change UTF-8 lengths); [`analysis::analyze`]
//! maps every span back at the end, and text fields (titles, subjects) are taken from the
//! input, so a Traditional report keeps its script.
//!
//! ### Coordinates
//! Three systems, never mixed:
//! * **bytes** — every [`Span`] inside Rust: a byte range on `char` boundaries of the text as
//!   given to `analyze`;
//! * **code points** — the JSON contract ([`output::export::to_json`]) and CSV offsets, for
//!   Python and spreadsheets; converted with one moving cursor ([`text::byte_to_char_offsets`]);
//! * **UTF-16 units** — the web page's DOM offsets ([`text::byte_to_utf16_offsets`]).
//!
//! ### How to add …
//! * **a unit or measure word**: the `UNITS` table in [`passes::indicator`] (longest first
//!   within a first character) with its [`Kind`]; add a row to the indicator tables in its
//!   tests and a look-alike that must not match.
//! * **a heading marker family**: a [`Family`] variant and its arm in
//!   [`lex::marker::parse_marker`] (the grammar table in that module's docs) and in
//!   `format_marker` (used by numbering repair); then where it sits in the tree: a document
//!   division gets a fixed rank, a glyph form (`⑴`) its typed twin, and run-in families their
//!   paragraph rule, all in [`passes::outline`]'s docs; rows with accepted markers and
//!   look-alikes, and an order in `tests/outline_levels.rs` if reports use it.
//! * **a check**: a module in [`checks`] that reads the passes' results and returns
//!   [`Diagnostic`]s (or a model type of its own, added to [`model`] and [`Analysis`]); call it
//!   from [`analysis::analyze`] and map its spans back there.
//! * **a diagnostic code**: a [`Code`] variant with its stable name, Chinese label and
//!   severity; the JSON, CSV, the page and the CLI all read those.
//! * **a form rule** (公文审校): one row of [`checks::form::RULES`] (id, code, triggers, pattern,
//!   look-alikes, message, fix) and its `Code`, and one test in `tests/form.rs` with the wrong
//!   examples and the look-alikes.
//! * **a 纲要 task phrase**: the task's `usage` list in [`checks::gangyao`]; a phrase serves one
//!   task of its 纲要 (a unit test checks it).
//! * **a reader**: a module in [`input`] returning text (one paragraph a line), a [`input::Format`]
//!   variant, its magic bytes in `input::read_bytes_with`, [`input::ReadError`] variants with a
//!   Chinese `message_zh` and an English `Display`, and a fuzz target.
//!
//! ## Positions
//! Every [`Span`] is a byte range into the text as given, on `char` boundaries. The JSON
//! contract ([`output::export::to_json`]) converts them to Unicode code-point offsets;
//! [`text::byte_to_utf16_offsets`] serves JavaScript. Conversions walk the text once.
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
