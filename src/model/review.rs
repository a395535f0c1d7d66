//! Review verdicts: the required [`Part`]s and the 纲要 [`AreaCoverage`].

use crate::text::Span;
use serde::Serialize;

/// How well a part is present.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartStatus {
    /// A heading or a clear passage carries it.
    Found,
    /// Only traces: an opener without a passage, a cue without context.
    Weak,
    /// Nothing carries it.
    Missing,
}

impl PartStatus {
    /// The contract name (`found`, `weak`, `missing`).
    pub fn as_str(self) -> &'static str {
        match self {
            PartStatus::Found => "found",
            PartStatus::Weak => "weak",
            PartStatus::Missing => "missing",
        }
    }

    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            PartStatus::Found => "具备",
            PartStatus::Weak => "较弱",
            PartStatus::Missing => "缺失",
        }
    }
}

/// What carries a part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// A section heading.
    Heading,
    /// A paragraph or a run of paragraphs.
    Passage,
}

/// One required part and the verdict on it.
#[derive(Clone, Debug, Serialize)]
pub struct Part {
    /// `P1` … `P5`.
    pub id: &'static str,
    /// Short official name (`存在的不足和原因`).
    pub name: &'static str,
    /// Found, weak or missing.
    pub status: PartStatus,
    /// The carrying heading or passage.
    pub span: Option<Span>,
    /// Heading or passage.
    pub via: Option<Via>,
    /// The section whose heading carries it, if any.
    pub section: Option<usize>,
    /// The phrases that matched, in order of first appearance.
    pub evidence: Vec<String>,
}

/// Coverage of one area.
#[derive(Clone, Debug, Serialize)]
pub struct AreaCoverage {
    /// `A1` … `A9`.
    pub area: &'static str,
    /// The area's short name (`依法全面履行政府职能`).
    pub name: &'static str,
    /// 0–100; see the module docs.
    pub score: u32,
    /// `Σ weight × min(count, 3)`.
    pub points: u32,
    /// Indices of the innermost sections where phrases hit, ascending.
    pub sections: Vec<usize>,
    /// The phrases that hit, in lexicon order.
    pub phrases: Vec<PhraseHit>,
    /// Every hit, in document order (for highlighting).
    #[serde(skip)]
    pub spans: Vec<Span>,
}

/// The areas the report says nothing about (score 0), in A1–A9 order: what a reviewer flags.
pub fn uncovered(areas: &[AreaCoverage]) -> Vec<&'static str> {
    areas
        .iter()
        .filter(|c| c.score == 0)
        .map(|c| c.area)
        .collect()
}

/// One phrase and how often it occurs.
#[derive(Clone, Debug, Serialize)]
pub struct PhraseHit {
    /// The phrase as listed (Simplified).
    pub text: &'static str,
    /// Occurrences in the report.
    pub count: u32,
    /// 2 for a key phrase, 1 for an extra term.
    pub weight: u32,
}
