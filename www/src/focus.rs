//! What the page points at: passages highlighted in the document ([`Focus`]) and where to
//! scroll ([`Target`]). Typed, so that the panels and the document agree without parsing
//! string keys.

use report_lens::model::{AreaCoverage, Part};
use report_lens::{Analysis, Diagnostic, Span};

/// Passages to highlight in the document.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Focus {
    /// A required part, by its id (`P1`…`P5`).
    Part(&'static str),
    /// A 纲要 area's phrase hits, by its id (`A1`…`A9`).
    Area(&'static str),
    /// A 纲要 task's passages, by its number.
    Task(u8),
    /// Every figure of a diagnostic, by its index.
    Diagnostic(usize),
}

impl Focus {
    /// The focus of a part.
    pub fn part(p: &Part) -> Focus {
        Focus::Part(p.id)
    }

    /// The focus of an area.
    pub fn area(c: &AreaCoverage) -> Focus {
        Focus::Area(c.area)
    }

    /// What is highlighted, for the note above the document: `必备部分 P2`, `问题 4`.
    pub fn label(self) -> String {
        match self {
            Focus::Part(id) => format!("必备部分 {id}"),
            Focus::Area(id) => format!("纲要领域 {id}"),
            Focus::Task(n) => format!("纲要任务 {n}"),
            Focus::Diagnostic(i) => format!("问题 {}", i + 1),
        }
    }

    /// The byte spans to highlight in `a`'s text.
    pub fn spans(self, a: &Analysis) -> Vec<Span> {
        match self {
            Focus::Part(id) => a
                .parts
                .iter()
                .find(|p| p.id == id)
                .and_then(|p| p.span)
                .into_iter()
                .collect(),
            Focus::Area(id) => a
                .coverage
                .iter()
                .find(|c| c.area == id)
                .map(|c| c.spans.clone())
                .unwrap_or_default(),
            Focus::Task(n) => a
                .tasks
                .tasks
                .iter()
                .find(|t| t.number == n)
                .map(|t| t.spans.clone())
                .unwrap_or_default(),
            Focus::Diagnostic(i) => a.diagnostics.get(i).map(spans_of).unwrap_or_default(),
        }
    }
}

/// The spans a finding highlights: every figure involved, else the finding itself.
fn spans_of(d: &Diagnostic) -> Vec<Span> {
    if d.spans.is_empty() {
        vec![d.span]
    } else {
        d.spans.clone()
    }
}

/// Where to scroll the document after the next render.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Target {
    /// A section's heading.
    Section(usize),
    /// An indicator's highlight.
    Indicator(usize),
    /// The first highlighted passage, which starts at this byte.
    Hit(usize),
}
