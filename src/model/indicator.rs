//! Figures: [`Indicator`] and what it measures ([`Kind`], [`Direction`]).

pub use crate::lex::words::Direction;
use crate::text::Span;
use serde::Serialize;

/// What an indicator measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Things counted: 64项, 1000余件, 十余次.
    Count,
    /// Shares and rates: 98.79%, 办复率100%.
    Rate,
    /// Amounts of money: 9.747万元.
    Money,
    /// Time spans: 3.5个工作日, 40学时.
    Duration,
    /// A change against a basis: 同比下降14.7%, 提高5.17个百分点.
    Change,
    /// Anything else with a unit: 1200平方米.
    Other,
}

impl Kind {
    /// All kinds, in display order.
    pub const ALL: [Kind; 6] = [
        Kind::Count,
        Kind::Rate,
        Kind::Money,
        Kind::Duration,
        Kind::Change,
        Kind::Other,
    ];

    /// The contract name (`count`, `rate`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Rate => "rate",
            Kind::Money => "money",
            Kind::Duration => "duration",
            Kind::Change => "change",
            Kind::Other => "other",
        }
    }

    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Count => "数量",
            Kind::Rate => "比率",
            Kind::Money => "金额",
            Kind::Duration => "时长",
            Kind::Change => "增减",
            Kind::Other => "其他",
        }
    }
}

/// One quantitative indicator.
#[derive(Clone, Debug, Serialize)]
pub struct Indicator {
    /// What a reviewer highlights: qualifiers, number, unit (`同比下降14.7%`, `1000余件`).
    pub span: Span,
    /// The numeric core (`14.7`, `1000`, `十`).
    pub number: Span,
    /// The number's value in the stated unit, signed as written (`1.35亿元` → 1.35; `十余次`
    /// → 10; `两万元` → 20000; `负3.9%` → -3.9); for a range, its low end.
    pub value: f64,
    /// For a range (`3至5个工作日`, `10%～20%`): its high end, in the same unit as `value`.
    pub high: Option<f64>,
    /// `value` in [`Indicator::normalized_unit`], one scale a spreadsheet can sum: money in
    /// 元, magnitudes multiplied out (`1.19万人次` → 11900 人次), shares in percent (`三成` →
    /// 30, `千分之2.4` → 0.24, `三分之二` → 66.67); negative for a decrease (`下降14.7%` →
    /// -14.7).
    pub normalized: f64,
    /// The unit of `normalized` (`元`, `人次`, `%`, `个百分点`, `个工作日`).
    pub normalized_unit: String,
    /// Unit or measure word as normalised text (`项`, `%`, `万元`, `个工作日`).
    pub unit: String,
    /// Kind of quantity.
    pub kind: Kind,
    /// Approximation qualifier (`余`, `多`, `近`, `约`, `超过`, `以上`, …).
    pub approx: Option<&'static str>,
    /// For changes: up or down.
    pub direction: Option<Direction>,
    /// For changes: what it is compared with (`同比`, `比上年`, …).
    pub basis: Option<&'static str>,
    /// What is measured, from the words around the number, as written.
    pub subject: String,
    /// Where the subject's words are: before and after the figure (empty spans when none).
    #[serde(skip)]
    pub subject_spans: [Span; 2],
    /// Index of the innermost section containing it.
    pub section: Option<usize>,
}
