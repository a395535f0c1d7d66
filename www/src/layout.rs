//! The document's view model: the report as [`Line`]s of [`Piece`]s, built once per analysis.
//!
//! [`build`] turns the core's [`report_lens::output::view`] paragraphs into lines that own their
//! text, so a line whose content did not change compares equal and is not re-rendered. User text
//! only ever becomes text nodes: no `inner_html` anywhere.

use crate::focus::Focus;
use report_lens::output::present::{self, format_value};
use report_lens::output::view;
use report_lens::text::Span;
use report_lens::{Analysis, Indicator};
use std::fmt::Write;
use std::ops::Range;
use std::rc::Rc;

/// Lines per rendered block (a render diffs a few blocks, not thousands of lines).
pub const BLOCK_LINES: usize = 250;

/// One rendered line.
#[derive(Debug, PartialEq, Eq)]
pub struct Line {
    /// Line number in the text: the key, and the element id `l-{index}`.
    pub index: usize,
    /// Where the line is in the text, as bytes (without its line break).
    pub span: Span,
    /// CSS classes: `line`, plus `h1`…`h4`, `chrome`.
    pub class: &'static str,
    /// The block heading's section, if this line is (part of) one.
    pub heading: Option<usize>,
    /// Sections whose heading starts on this line, as `data-opens="3 4"`.
    pub opens: Option<String>,
    /// Pieces of text in order.
    pub pieces: Vec<Piece>,
    /// Indicators present on this line.
    pub indicators: Range<usize>,
}

/// A stretch of text with the same marks.
#[derive(Debug, PartialEq, Eq)]
pub struct Piece {
    /// The text as written.
    pub text: String,
    /// The indicator marked here, with its kind's contract name.
    pub indicator: Option<(usize, &'static str)>,
    /// True for the first piece of an indicator (the one that takes keyboard focus).
    pub first: bool,
    /// Tooltip text for the indicator.
    pub tip: Option<Rc<str>>,
    /// Part of a heading.
    pub heading: bool,
    /// Page chrome.
    pub chrome: bool,
}

/// What the app needs to find its way around the rendered document.
#[derive(Debug, Default, PartialEq)]
pub struct Layout {
    /// Rendered lines (blank lines are skipped).
    pub lines: Vec<Rc<Line>>,
    /// Byte offset where each line of the text starts, blank ones included.
    pub line_starts: Vec<usize>,
    /// For each section, the line its heading starts on.
    pub section_line: Vec<usize>,
}

impl Layout {
    /// Position in `lines` of the first rendered line at or after text line `line`.
    pub fn position_of_line(&self, line: usize) -> usize {
        self.lines.partition_point(|l| l.index < line)
    }

    /// Position in `lines` of the line that shows indicator `i`.
    pub fn position_of_indicator(&self, i: usize) -> usize {
        self.lines.partition_point(|l| l.indicators.end <= i)
    }

    /// Position in `lines` of the line containing byte `at` of the text.
    pub fn position_of_offset(&self, at: usize) -> usize {
        let line = self
            .line_starts
            .partition_point(|&s| s <= at)
            .saturating_sub(1);
        self.position_of_line(line)
    }
}

/// Passages highlighted in the document (a required part, a 纲要 area's phrases, the figures
/// of a finding): byte spans into the text, sorted by start, each shown as `.hit` with
/// `data-hit="k"` (its index here).
#[derive(Debug, PartialEq, Eq)]
pub struct Hits {
    /// What is highlighted.
    pub focus: Focus,
    pub spans: Vec<Span>,
    /// `reach[k]`: the furthest end among `spans[..=k]` (spans may nest or overlap).
    reach: Vec<usize>,
}

impl Hits {
    /// Sorted, empty spans dropped.
    pub fn new(focus: Focus, mut spans: Vec<Span>) -> Hits {
        spans.retain(|s| !s.is_empty());
        report_lens::text::sort::sort(&mut spans);
        let reach = spans
            .iter()
            .scan(0, |r, s| {
                *r = s.end.max(*r);
                Some(*r)
            })
            .collect();
        Hits {
            focus,
            spans,
            reach,
        }
    }

    /// Index of the first span that may reach past byte `at`.
    pub fn first_after(&self, at: usize) -> usize {
        self.reach.partition_point(|&r| r <= at)
    }

    /// True when a span overlaps `start..end`.
    pub fn touches(&self, start: usize, end: usize) -> bool {
        self.spans
            .get(self.first_after(start))
            .is_some_and(|s| s.start < end)
    }
}

/// Builds the rendered lines of `text`.
pub fn build(text: &str, a: &Analysis) -> Layout {
    let paragraphs = view::paragraphs(text, a);
    let tips: Vec<Rc<str>> = a.indicators.iter().map(|i| tip(a, i).into()).collect();
    let mut section_line = vec![0; a.sections.len()];
    let mut line_starts = Vec::with_capacity(paragraphs.len());
    let mut lines = Vec::new();
    let mut last_indicator = None;
    // Indicators before the current line: lines without any get the empty range `seen..seen`,
    // so the ranges stay sorted and searchable.
    let mut seen = 0;
    for (n, p) in paragraphs.iter().enumerate() {
        line_starts.push(p.span.start);
        for &s in &p.opens {
            section_line[s] = n;
        }
        if text[p.span.start..p.span.end].trim().is_empty() {
            continue;
        }
        let class = match (p.chrome, p.heading.map(|h| a.sections[h].level)) {
            (true, _) => "line chrome",
            (_, Some(1)) => "line h1",
            (_, Some(2)) => "line h2",
            (_, Some(3)) => "line h3",
            (_, Some(_)) => "line h4",
            _ => "line",
        };
        let mut first_ind = usize::MAX;
        let mut end_ind = seen;
        let pieces = p
            .runs
            .iter()
            .map(|r| {
                let first = r.indicator.is_some() && r.indicator != last_indicator;
                if let Some(i) = r.indicator {
                    last_indicator = Some(i);
                    first_ind = first_ind.min(i);
                    end_ind = end_ind.max(i + 1);
                }
                Piece {
                    text: text[r.span.start..r.span.end].to_string(),
                    indicator: r.indicator.map(|i| (i, a.indicators[i].kind.as_str())),
                    first,
                    tip: r.indicator.map(|i| tips[i].clone()),
                    heading: r.heading.is_some() && p.heading.is_none(),
                    chrome: r.chrome && !p.chrome,
                }
            })
            .collect();
        seen = end_ind;
        lines.push(Rc::new(Line {
            index: n,
            span: p.span,
            class,
            heading: p.heading,
            opens: (!p.opens.is_empty()).then(|| {
                let ids: Vec<String> = p.opens.iter().map(|s| s.to_string()).collect();
                ids.join(" ")
            }),
            pieces,
            indicators: first_ind.min(end_ind)..end_ind,
        }));
    }
    Layout {
        lines,
        line_starts,
        section_line,
    }
}

/// The tooltip of an indicator: value, unit, kind, qualifier, change, subject, section path.
pub fn tip(a: &Analysis, i: &Indicator) -> String {
    let mut t = format!("{} · {}{}", i.kind.label(), format_value(i.value), i.unit);
    if let Some(q) = i.approx {
        let _ = write!(t, "\n约数：{q}");
    }
    if let Some(d) = i.direction {
        let (label, arrow) = (present::direction_label(d), present::direction_arrow(d));
        let _ = write!(t, "\n变化：{}{label} {arrow}", i.basis.unwrap_or(""));
    }
    if !i.subject.is_empty() {
        let _ = write!(t, "\n主体：{}", i.subject);
    }
    if let Some(s) = i.section.filter(|&s| s < a.sections.len()) {
        let _ = write!(t, "\n章节：{}", present::path_label(a, Some(s)));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indicator_ranges_are_sorted_and_searchable() {
        let text = "共12件。\n无数字\n共3项，5次。\n\n末行";
        let a = report_lens::analyze(text);
        assert_eq!(a.indicators.len(), 3, "{:?}", a.indicators);
        let layout = build(text, &a);
        let ranges: Vec<_> = layout.lines.iter().map(|l| l.indicators.clone()).collect();
        assert_eq!(ranges, [0..1, 1..1, 1..3, 3..3]);
        assert_eq!(layout.position_of_indicator(0), 0);
        assert_eq!(layout.position_of_indicator(2), 2);
    }

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        let text = "甲\n\n  \n乙";
        let a = report_lens::analyze(text);
        let layout = build(text, &a);
        let idx: Vec<usize> = layout.lines.iter().map(|l| l.index).collect();
        assert_eq!(idx, [0, 3]);
        assert_eq!(layout.line_starts.len(), 4);
    }
}

#[cfg(test)]
mod hit_tests {
    use super::*;

    #[test]
    fn hits_find_nested_and_overlapping_spans() {
        let h = Hits::new(
            Focus::Diagnostic(0),
            vec![
                Span::new(10, 50),
                Span::new(12, 14),
                Span::new(60, 61),
                Span::new(5, 5),
            ],
        );
        assert_eq!(h.spans.len(), 3, "empty spans are dropped");
        assert!(
            h.touches(40, 45),
            "inside the long span, after the nested one"
        );
        assert!(h.touches(0, 11));
        assert!(!h.touches(50, 60), "between spans");
        assert!(h.touches(60, 70));
        assert!(!h.touches(61, 80));
    }
}
