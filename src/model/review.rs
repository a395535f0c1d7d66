//! Review verdicts: the required [`Part`]s, the 纲要 tasks ([`TaskCoverage`]) and the
//! 纲要 [`AreaCoverage`].

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
    /// False for reports on years before 2019, when no rule required the part (the
    /// 督察工作规定 is in force since 2019-04-15): shown for reference, never as missing.
    pub required: bool,
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

/// How far a report addresses one 纲要 task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TaskStatus {
    /// No phrase of the task.
    Absent,
    /// A passing phrase.
    Mentioned,
    /// A heading names it, or one section carries several of its phrases.
    Addressed,
}

impl TaskStatus {
    /// The contract name (`addressed`, `mentioned`, `absent`).
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Addressed => "addressed",
            TaskStatus::Mentioned => "mentioned",
            TaskStatus::Absent => "absent",
        }
    }

    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            TaskStatus::Addressed => "已落实",
            TaskStatus::Mentioned => "提及",
            TaskStatus::Absent => "未涉及",
        }
    }

    /// Points of a task in this state (see [`TaskCoverage::score`]).
    pub fn points(self) -> u32 {
        match self {
            TaskStatus::Addressed => 100,
            TaskStatus::Mentioned => 40,
            TaskStatus::Absent => 0,
        }
    }
}

/// The verdict on one task of the 纲要.
#[derive(Clone, Debug, Serialize)]
pub struct TaskVerdict {
    /// The part (2021: 2–10) or main task (2015: 1–7) it belongs to.
    pub part: u8,
    /// The task's own number.
    pub number: u8,
    /// `（四）` or `12.`.
    pub label: String,
    /// The task's title.
    pub title: &'static str,
    /// False when the title's wording is not verified against the 纲要 (match by phrases).
    pub title_verified: bool,
    /// Addressed, mentioned or absent.
    pub status: TaskStatus,
    /// False for a legislative task in a report of a government without legislative power
    /// (a county, a district, a town): not counted in the scores.
    pub applies: bool,
    /// The distinct phrases found, in order of first appearance.
    pub evidence: Vec<&'static str>,
    /// The passages: every phrase found and the heading that names it, in document order.
    pub spans: Vec<Span>,
}

/// The score of one part of a 纲要.
#[derive(Clone, Debug, Serialize)]
pub struct PartScore {
    /// The part's number in the 纲要.
    pub part: u8,
    /// `二、` or `（一）`.
    pub label: String,
    /// The part's title.
    pub title: &'static str,
    /// 0–100: the mean of its tasks' points.
    pub score: u32,
    /// Tasks counted (those that apply).
    pub tasks: u32,
    /// Of them, addressed.
    pub addressed: u32,
    /// Of them, mentioned.
    pub mentioned: u32,
}

/// A report held against the tasks of its 纲要.
#[derive(Clone, Debug, Default, Serialize)]
pub struct TaskCoverage {
    /// `2021-2025`, `2015-2020`, or `None` for reports on years before the first 纲要.
    pub outline: Option<&'static str>,
    /// The 纲要's title.
    pub outline_title: Option<&'static str>,
    /// 0–100: the mean points of the tasks that apply (addressed 100, mentioned 40, absent 0),
    /// rounded; `None` without an outline.
    pub score: Option<u32>,
    /// Per part, in order.
    pub parts: Vec<PartScore>,
    /// Every task, in order.
    pub tasks: Vec<TaskVerdict>,
}

impl TaskCoverage {
    /// The tasks the report does not touch (and that apply to it), in order.
    pub fn absent(&self) -> impl Iterator<Item = &TaskVerdict> + '_ {
        self.tasks
            .iter()
            .filter(|t| t.applies && t.status == TaskStatus::Absent)
    }
}
