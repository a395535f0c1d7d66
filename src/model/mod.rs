//! The result model: every type [`crate::analyze`] returns, and nothing that computes them.
//!
//! The passes ([`crate::passes`]) and checks ([`crate::checks`]) fill these types; the
//! outputs ([`crate::output`]) and the web page read them. The model depends only on the
//! foundations ([`crate::text`]): no pass imports another pass's types through the
//! orchestrator.
//!
//! | type | what | filled by |
//! |---|---|---|
//! | [`Analysis`] | everything found in one report | [`crate::analysis::analyze`] |
//! | [`Meta`], [`Signature`], [`ReportKind`] | title, year, dates, issuer | [`crate::passes::document`] |
//! | [`Section`], [`Ordinal`], [`Family`] | headings and their tree | [`crate::passes::outline`] |
//! | [`Indicator`], [`Kind`], [`Direction`] | figures | [`crate::passes::indicator`] |
//! | [`Diagnostic`], [`Code`], [`Severity`] | findings | outline and [`crate::checks::figures`] |
//! | [`Part`], [`PartStatus`], [`Via`] | the five required parts | [`crate::checks::parts`] |
//! | [`TaskCoverage`], [`TaskVerdict`], [`PartScore`] | 纲要 tasks | [`crate::checks::tasks`] |
//! | [`AreaCoverage`], [`PhraseHit`] | 纲要 areas | [`crate::checks::coverage`] |
//!
//! Spans are byte ranges into the text given to `analyze` (see [`crate::text::Span`]).

mod diagnostic;
mod indicator;
mod report;
mod review;
mod section;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use indicator::{Direction, Indicator, Kind};
pub use report::{Analysis, Meta, ReportKind, Signature, CONTRACT_VERSION};
pub use review::{
    uncovered, AreaCoverage, Part, PartScore, PartStatus, PhraseHit, TaskCoverage, TaskStatus,
    TaskVerdict, Via,
};
pub use section::{Family, Ordinal, Section};
