//! The document view: the report as keyed line components of text runs and `<mark>`s.
//!
//! [`build`] turns the core's [`report_lens::output::view`] paragraphs into [`Line`]s that own their
//! text, so a line whose content did not change compares equal and is not re-rendered. User text
//! only ever becomes text nodes: no `inner_html` anywhere.

use crate::shared::Shared;
use report_lens::output::view::{self, section_path};
use report_lens::text::Span;
use report_lens::{Analysis, Direction, Indicator};
use std::fmt::Write;
use std::ops::Range;
use std::rc::Rc;
use yew::prelude::*;

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
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Hits {
    /// What is highlighted, e.g. `part:P1`, `area:A3`, `diag:4`.
    pub key: String,
    pub spans: Vec<Span>,
    /// `reach[k]`: the furthest end among `spans[..=k]` (spans may nest or overlap).
    reach: Vec<usize>,
}

impl Hits {
    /// Sorted, empty spans dropped.
    pub fn new(key: String, mut spans: Vec<Span>) -> Hits {
        spans.retain(|s| !s.is_empty());
        spans.sort_unstable();
        let reach = spans
            .iter()
            .scan(0, |r, s| {
                *r = s.end.max(*r);
                Some(*r)
            })
            .collect();
        Hits { key, spans, reach }
    }

    /// Index of the first span that may reach past byte `at`.
    fn first_after(&self, at: usize) -> usize {
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

/// `1.35`, `64`, `0.5`: no trailing zeros.
pub fn format_value(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// The section path of a section as `一、… › （一）…`.
pub fn path_label(a: &Analysis, section: usize) -> String {
    section_path(a, section)
        .iter()
        .map(|&s| section_label(a, s))
        .collect::<Vec<_>>()
        .join(" › ")
}

/// A section's marker and title.
pub fn section_label(a: &Analysis, s: usize) -> String {
    let s = &a.sections[s];
    format!("{}{}", s.marker, s.title)
}

/// The tooltip of an indicator: value, unit, kind, qualifier, change, subject, section path.
pub fn tip(a: &Analysis, i: &Indicator) -> String {
    let mut t = format!("{} · {}{}", i.kind.label(), format_value(i.value), i.unit);
    if let Some(q) = i.approx {
        let _ = write!(t, "\n约数：{q}");
    }
    if let Some(d) = i.direction {
        let arrow = match d {
            Direction::Up => "上升 ↑",
            Direction::Down => "下降 ↓",
        };
        let _ = write!(t, "\n变化：{}{arrow}", i.basis.unwrap_or(""));
    }
    if !i.subject.is_empty() {
        let _ = write!(t, "\n主体：{}", i.subject);
    }
    if let Some(s) = i.section.filter(|&s| s < a.sections.len()) {
        let _ = write!(t, "\n章节：{}", path_label(a, s));
    }
    t
}

#[derive(Properties, PartialEq)]
pub struct LineProps {
    pub line: Rc<Line>,
    /// The selected indicator, only when it is on this line (so other lines skip re-rendering).
    pub selected: Option<usize>,
    /// The highlighted passages, only when one of them touches this line.
    pub hits: Option<Shared<Hits>>,
}

/// The text of a piece starting at byte `at`, with the parts inside highlighted passages
/// wrapped in `<span class="hit" data-hit="k">`.
fn piece_text(text: &str, at: usize, hits: Option<&Hits>) -> Html {
    let Some(hits) = hits.filter(|h| h.touches(at, at + text.len())) else {
        return html! { { text } };
    };
    let end = at + text.len();
    let mut out = Vec::new();
    let mut pos = at;
    let first = hits.first_after(at);
    for (k, s) in hits.spans.iter().enumerate().skip(first) {
        if s.start >= end {
            break;
        }
        let (from, to) = (s.start.max(pos), s.end.min(end));
        if from >= to {
            continue;
        }
        if from > pos {
            out.push(html! { { &text[pos - at..from - at] } });
        }
        out.push(html! { <span class="hit" data-hit={k.to_string()}>{ &text[from - at..to - at] }</span> });
        pos = to;
    }
    if pos < end {
        out.push(html! { { &text[pos - at..] } });
    }
    out.into_iter().collect::<Html>()
}

/// One line of the report.
#[component]
pub fn LineView(props: &LineProps) -> Html {
    let line = &props.line;
    let hits = props.hits.as_deref();
    let mut at = line.span.start;
    let pieces = line.pieces.iter().map(|p| {
        let start = at;
        at += p.text.len();
        let content = piece_text(&p.text, start, hits);
        let mut class = classes!();
        if p.heading {
            class.push("hd");
        }
        if p.chrome {
            class.push("chrome");
        }
        match p.indicator {
            Some((i, kind)) => {
                if props.selected == Some(i) {
                    class.push("sel");
                }
                html! {
                    <mark class={class} data-indicator={i.to_string()} data-kind={kind}
                        data-tip={p.tip.clone().map(AttrValue::from)}
                        tabindex={p.first.then_some("0")}>{ content }</mark>
                }
            }
            None if class.is_empty() => content,
            None => html! { <span class={class}>{ content }</span> },
        }
    });
    html! {
        <p class={line.class} id={format!("l-{}", line.index)}
            data-heading={line.heading.map(|h| h.to_string())}
            data-opens={line.opens.clone()}>{ for pieces }</p>
    }
}

/// Lines per [`Block`].
pub const BLOCK_LINES: usize = 250;

#[derive(Properties, PartialEq)]
pub struct BlockProps {
    pub layout: Shared<Layout>,
    /// Positions in `layout.lines`.
    pub start: usize,
    pub end: usize,
    /// The selected indicator, only when it is in this block.
    pub selected: Option<usize>,
    /// The highlighted passages, only when one of them touches this block.
    pub hits: Option<Shared<Hits>>,
}

/// A run of consecutive lines, re-rendered only when its lines or its selection change.
#[component]
pub fn Block(props: &BlockProps) -> Html {
    let lines = props.layout.lines[props.start..props.end].iter().map(|l| {
        let selected = props.selected.filter(|s| l.indicators.contains(s));
        let hits = props
            .hits
            .clone()
            .filter(|h| h.touches(l.span.start, l.span.end));
        html! { <LineView key={l.index} line={l.clone()} {selected} {hits} /> }
    });
    html! { <div class="block">{ for lines }</div> }
}

#[derive(Properties, PartialEq)]
pub struct DocumentProps {
    pub layout: Shared<Layout>,
    /// How many of `layout.lines` to render (long reports are rendered a chunk at a time).
    pub limit: usize,
    pub selected: Option<usize>,
    /// Highlighted passages.
    pub hits: Option<Shared<Hits>>,
    /// Extra classes on the container: `hide-count` … for kinds toggled off.
    pub class: Classes,
    pub onselect: Callback<usize>,
    pub onscroll: Callback<f64>,
}

/// The whole report, highlighted.
#[component]
pub fn DocumentView(props: &DocumentProps) -> Html {
    let onselect = props.onselect.clone();
    let pick = move |e: &Event| {
        use wasm_bindgen::JsCast;
        let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
        let mark = target.closest("mark[data-indicator]").ok()??;
        mark.get_attribute("data-indicator")?.parse::<usize>().ok()
    };
    let onclick = {
        let onselect = onselect.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(i) = pick(&e) {
                onselect.emit(i);
            }
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            if let Some(i) = pick(&e) {
                e.prevent_default();
                onselect.emit(i);
            }
        }
    });
    let onscroll = {
        let cb = props.onscroll.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                cb.emit(el.scroll_top() as f64);
            }
        })
    };
    let layout = &props.layout;
    let total = layout.lines.len();
    let limit = props.limit.min(total);
    // Lines go in fixed blocks so that a render diffs a few blocks, not thousands of lines.
    let blocks = (0..limit).step_by(BLOCK_LINES).map(|start| {
        let end = (start + BLOCK_LINES).min(limit);
        let covers = layout.lines[start].indicators.start..layout.lines[end - 1].indicators.end;
        let selected = props.selected.filter(|s| covers.contains(s));
        let (from, to) = (
            layout.lines[start].span.start,
            layout.lines[end - 1].span.end,
        );
        let hits = props.hits.clone().filter(|h| h.touches(from, to));
        html! { <Block key={start} layout={layout.clone()} {start} {end} {selected} {hits} /> }
    });
    html! {
        <div id="doc" class={classes!("doc", props.class.clone())} {onclick} {onkeydown} {onscroll}
            aria-label="报告全文">
            // Keyed blocks alone in their container: next to an unkeyed sibling, Yew would
            // diff them by position and remount every block on each render.
            <div class="blocks">{ for blocks }</div>
            if limit < total {
                <p class="progress" role="status">{ format!("正在显示 {limit} / {total} 行…") }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_lose_trailing_zeros() {
        assert_eq!(format_value(64.0), "64");
        assert_eq!(format_value(1.35), "1.35");
        assert_eq!(format_value(0.5), "0.5");
        assert_eq!(format_value(14.70), "14.7");
    }

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
            "t".into(),
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
