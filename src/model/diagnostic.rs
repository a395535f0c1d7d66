//! Findings: [`Diagnostic`], its [`Code`] and [`Severity`].

use crate::text::Span;
use serde::Serialize;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Worth checking.
    Warning,
    /// Almost certainly wrong.
    Error,
}

impl Severity {
    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

/// A finding about the report.
#[derive(Clone, Debug, Serialize)]
pub struct Diagnostic {
    /// What kind of finding; written as its stable name (`numbering-gap`) in the JSON.
    pub code: Code,
    /// How serious.
    pub severity: Severity,
    /// Message in Chinese, for users.
    pub message: String,
    /// Where: the whole finding (for figure checks, from the first figure to the last).
    pub span: Span,
    /// Every figure involved (figure checks); empty for other findings.
    pub spans: Vec<Span>,
    /// How sure the check is, 0–1; `None` for findings that are certain by construction.
    pub confidence: Option<f32>,
}

/// The kinds of finding. Each owns its stable name (the JSON `code`), its Chinese label and
/// the severity of a problem of its kind; a figure check that finds figures consistent
/// reports [`Severity::Info`] under the same code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// A heading number is skipped (`一、` then `三、`), or a list does not start at one.
    NumberingGap,
    /// A lost heading marker was supplied from context.
    NumberingRepaired,
    /// A heading number occurs twice in a row.
    NumberingDuplicate,
    /// A heading number goes backwards.
    NumberingOrder,
    /// A list starts again from one.
    NumberingRestart,
    /// Parts against their stated total (see [`crate::checks::figures`]).
    FigureSum,
    /// A rate against the counts it is computed from.
    FigureRate,
    /// A value outside its possible range, or a change against its direction word.
    FigureRange,
    /// The same quantity stated with two values.
    FigureConflict,
    /// A year that does not fit the year the report covers.
    YearMismatch,
}

impl Code {
    /// Every code, in display order.
    pub const ALL: [Code; 10] = [
        Code::NumberingGap,
        Code::NumberingRepaired,
        Code::NumberingDuplicate,
        Code::NumberingOrder,
        Code::NumberingRestart,
        Code::FigureSum,
        Code::FigureRate,
        Code::FigureRange,
        Code::FigureConflict,
        Code::YearMismatch,
    ];

    /// The stable name written in the JSON and CSV (`numbering-gap`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::NumberingGap => "numbering-gap",
            Code::NumberingRepaired => "numbering-repaired",
            Code::NumberingDuplicate => "numbering-duplicate",
            Code::NumberingOrder => "numbering-order",
            Code::NumberingRestart => "numbering-restart",
            Code::FigureSum => "figure-sum",
            Code::FigureRate => "figure-rate",
            Code::FigureRange => "figure-range",
            Code::FigureConflict => "figure-conflict",
            Code::YearMismatch => "year-mismatch",
        }
    }

    /// The Chinese label shown to users (`编号`, `分项合计` …).
    pub fn label(self) -> &'static str {
        match self {
            Code::NumberingGap
            | Code::NumberingRepaired
            | Code::NumberingDuplicate
            | Code::NumberingOrder
            | Code::NumberingRestart => "编号",
            Code::FigureSum => "分项合计",
            Code::FigureRate => "比率核算",
            Code::FigureRange => "数值范围",
            Code::FigureConflict => "数字矛盾",
            Code::YearMismatch => "年份",
        }
    }

    /// The severity of a problem of this kind.
    pub fn severity(self) -> Severity {
        Severity::Warning
    }

    /// True for the numbering codes (outline findings), false for figure checks.
    pub fn is_numbering(self) -> bool {
        self.as_str().starts_with("numbering")
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
