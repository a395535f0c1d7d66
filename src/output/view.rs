//! The document view model: a report split into lines, each a list of runs.
//!
//! A viewer shows the text as written, with headings styled, indicators marked and page chrome
//! dimmed. [`paragraphs`] turns a text and its [`Analysis`] into exactly that shape, without any
//! web code, so the browser app only maps runs to elements:
//!
//! ```
//! use report_lens::output::view::{paragraphs, Run};
//! let text = "一、依法全面履行政府职能\n全区已精简64项申报材料。";
//! let a = report_lens::analyze(text);
//! let lines = paragraphs(text, &a);
//! assert_eq!(lines.len(), 2);
//! // Runs cover each line exactly, in order.
//! for p in &lines {
//!     let joined: String = p.runs.iter().map(|r: &Run| &text[r.span.start..r.span.end]).collect();
//!     assert_eq!(joined, &text[p.span.start..p.span.end]);
//! }
//! ```
//!
//! ## Lines
//! A paragraph is one line: what lies between `\n`, `\r\n`, `\r`, U+2028 or U+2029, the same
//! breaks [`crate::passes::document`] uses. Blank lines are kept (with no runs) so that paragraph `n` is
//! line `n` of the text.
//!
//! ## Runs
//! The runs of a line cover it exactly, none empty, in order. Each run carries every layer that
//! covers it: the indicator it belongs to, the heading it is part of, whether it is chrome. The
//! layers may overlap each other freely (a number inside a heading is both). Inside one layer,
//! spans are expected to be disjoint; when they are not, the earlier span keeps the overlap and the
//! later one is clipped, so a run never belongs to two indicators. Spans that cross line breaks
//! (a heading wrapped over two lines) are split at the breaks. Spans past the end of the text or
//! off `char` boundaries are clamped, never a panic.
//!
//! ## Performance
//! One pass over the lines with one cursor per layer: linear in the text and the number of spans.

use crate::model::Analysis;
pub use crate::output::present::section_path;
use crate::text::Span;

/// One line of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The line without its line break.
    pub span: Span,
    /// Runs covering `span` exactly, in order; empty for a blank line.
    pub runs: Vec<Run>,
    /// The block (not run-in) heading this line is, if any: the line is styled as a heading of
    /// that section's level. Set only when the heading covers every non-space character of the
    /// line (a heading wrapped over two lines marks both); a heading followed by body text on
    /// the same line is left to its runs, like a run-in heading.
    pub heading: Option<usize>,
    /// Sections whose heading starts on this line (block or run-in), in order: scroll targets.
    pub opens: Vec<usize>,
    /// True when every non-space character of the line is page chrome.
    pub chrome: bool,
}

/// A stretch of one line with the same layers over it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    /// Where the run is, as bytes into the text.
    pub span: Span,
    /// The indicator highlighted here.
    pub indicator: Option<usize>,
    /// The section whose heading (marker and title) this is part of.
    pub heading: Option<usize>,
    /// True inside page chrome.
    pub chrome: bool,
}

/// Splits `text` into [`Paragraph`]s of [`Run`]s using the spans of `analysis`.
///
/// See the module docs for the guarantees; `analysis` may come from another text (stale after an
/// edit): spans are clamped and the result is still well formed.
pub fn paragraphs(text: &str, analysis: &Analysis) -> Vec<Paragraph> {
    let indicators = Layer::new(
        text,
        analysis
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| (ind.span, i)),
    );
    let headings = Layer::new(
        text,
        analysis
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.heading, i)),
    );
    let chrome = Layer::new(
        text,
        analysis.chrome.iter().enumerate().map(|(i, &s)| (s, i)),
    );
    let block = |i: usize| !analysis.sections[i].run_in;
    let mut starts: Vec<(usize, usize)> = analysis
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| (floor_boundary(text, s.heading.start), i))
        .collect();
    crate::text::sort::sort(&mut starts);
    let mut next_start = 0;

    let mut cursors = [0usize; 3];
    let layers = [&indicators, &headings, &chrome];
    let mut out = Vec::new();
    let mut bounds: Vec<usize> = Vec::new();
    for line in lines(text) {
        // Advance each cursor past spans that end before this line.
        for (c, layer) in cursors.iter_mut().zip(layers) {
            while *c < layer.spans.len() && layer.spans[*c].0.end <= line.start {
                *c += 1;
            }
        }
        let mut p = Paragraph {
            span: line,
            runs: Vec::new(),
            heading: None,
            opens: Vec::new(),
            chrome: false,
        };
        while next_start < starts.len() && starts[next_start].0 <= line.end {
            p.opens.push(starts[next_start].1);
            next_start += 1;
        }
        if line.is_empty() {
            out.push(p);
            continue;
        }
        // Every span boundary that falls inside the line cuts a run.
        bounds.clear();
        bounds.push(line.start);
        bounds.push(line.end);
        for (&c, layer) in cursors.iter().zip(layers) {
            for &(s, _) in layer.spans[c..]
                .iter()
                .take_while(|(s, _)| s.start < line.end)
            {
                bounds.push(s.start.max(line.start));
                bounds.push(s.end.min(line.end));
            }
        }
        crate::text::sort::sort(&mut bounds);
        bounds.dedup();
        let mut at = cursors;
        for w in bounds.windows(2) {
            let span = Span::new(w[0], w[1]);
            let [ind, head, chr] = [0, 1, 2].map(|k| layers[k].covering(&mut at[k], span));
            p.runs.push(Run {
                span,
                indicator: ind,
                heading: head,
                chrome: chr.is_some(),
            });
        }
        // Line-level attributes.
        let c = cursors[1];
        p.heading = headings.spans[c..]
            .iter()
            .take_while(|(s, _)| s.start < line.end)
            .map(|&(_, i)| i)
            .find(|&i| block(i))
            .filter(|&i| {
                p.runs.iter().all(|r| {
                    r.heading == Some(i) || text[r.span.start..r.span.end].trim().is_empty()
                })
            });
        p.chrome = p
            .runs
            .iter()
            .all(|r| r.chrome || text[r.span.start..r.span.end].trim().is_empty())
            && p.runs.iter().any(|r| r.chrome);
        out.push(p);
    }
    out
}

/// The paragraph containing byte `pos` (the last one starting at or before it).
pub fn paragraph_at(paragraphs: &[Paragraph], pos: usize) -> Option<usize> {
    match paragraphs.partition_point(|p| p.span.start <= pos) {
        0 => None,
        n => Some(n - 1),
    }
}

/// Indicators per section, counting those of subsections too.
pub fn section_indicator_counts(analysis: &Analysis) -> Vec<usize> {
    let n = analysis.sections.len();
    let mut counts = vec![0; n];
    for ind in &analysis.indicators {
        if let Some(s) = ind.section.filter(|&s| s < n) {
            counts[s] += 1;
        }
    }
    // Parents come before their children: fold totals upwards from the end.
    for i in (0..n).rev() {
        if let Some(p) = analysis.sections[i].parent.filter(|&p| p < i) {
            counts[p] += counts[i];
        }
    }
    counts
}

/// The lines of `text` (without line breaks), in order; blank lines included.
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        while let Some((i, c)) = iter.next() {
            match c {
                '\n' | '\u{2028}' | '\u{2029}' => {
                    let line = Span::new(start, i);
                    start = i + c.len_utf8();
                    return Some(line);
                }
                '\r' => {
                    let line = Span::new(start, i);
                    start = i + 1;
                    if let Some(&(_, '\n')) = iter.peek() {
                        iter.next();
                        start += 1;
                    }
                    return Some(line);
                }
                _ => {}
            }
        }
        done = true;
        Some(Span::new(start, text.len()))
    })
}

/// Spans of one kind, sorted, disjoint, clamped to the text, each with its index.
struct Layer {
    spans: Vec<(Span, usize)>,
}

impl Layer {
    fn new(text: &str, items: impl Iterator<Item = (Span, usize)>) -> Layer {
        let mut spans: Vec<(Span, usize)> = items
            .map(|(s, i)| {
                let start = floor_boundary(text, s.start);
                let end = floor_boundary(text, s.end.max(s.start));
                (Span::new(start, end), i)
            })
            .collect();
        // Stable: equal starts keep index order, so the earlier item wins the overlap.
        crate::text::sort::sort_by_key(&mut spans, |&(s, i)| (s.start, i));
        let mut end = 0;
        spans.retain_mut(|(s, _)| {
            s.start = s.start.max(end);
            end = end.max(s.end);
            !s.is_empty()
        });
        Layer { spans }
    }

    /// The index covering `run` (which lies inside one span or between spans); `at` moves on.
    fn covering(&self, at: &mut usize, run: Span) -> Option<usize> {
        while *at < self.spans.len() && self.spans[*at].0.end <= run.start {
            *at += 1;
        }
        match self.spans.get(*at) {
            Some(&(s, i)) if s.start <= run.start => Some(i),
            _ => None,
        }
    }
}

fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Indicator, Kind, Meta, Ordinal, Section};

    /// Builds an analysis from literal pieces of `text`; `find(s)` gives the span of `s`.
    fn span_of(text: &str, needle: &str) -> Span {
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not in text"));
        Span::new(at, at + needle.len())
    }

    fn section(heading: Span, level: u8, parent: Option<usize>, run_in: bool) -> Section {
        Section {
            level,
            marker: String::new(),
            title: String::new(),
            heading,
            title_span: heading,
            span: heading,
            inferred: false,
            parent,
            run_in,
            ordinal: Ordinal::default(),
        }
    }

    fn indicator(span: Span, section: Option<usize>) -> Indicator {
        Indicator {
            span,
            number: span,
            value: 0.0,
            high: None,
            normalized: 0.0,
            normalized_unit: String::new(),
            unit: String::new(),
            kind: Kind::Count,
            approx: None,
            direction: None,
            basis: None,
            subject: String::new(),
            subject_spans: [Span::default(); 2],
            section,
        }
    }

    fn analysis(sections: Vec<Section>, indicators: Vec<Indicator>, chrome: Vec<Span>) -> Analysis {
        Analysis {
            meta: Meta::default(),
            sections,
            indicators,
            diagnostics: Vec::new(),
            chrome,
            parts: Vec::new(),
            coverage: Vec::new(),
            tasks: Default::default(),
        }
    }

    /// Renders paragraphs as readable text: `[i:…]` indicator, `<h:…>` heading, `{…}` chrome.
    fn render(text: &str, ps: &[Paragraph]) -> Vec<String> {
        ps.iter()
            .map(|p| {
                let mut s = String::new();
                if let Some(h) = p.heading {
                    s += &format!("H{h} ");
                }
                if p.chrome {
                    s += "C ";
                }
                for r in &p.runs {
                    let mut t = text[r.span.start..r.span.end].to_string();
                    if let Some(i) = r.indicator {
                        t = format!("[{i}:{t}]");
                    }
                    if let Some(h) = r.heading {
                        t = format!("<{h}:{t}>");
                    }
                    if r.chrome {
                        t = format!("{{{t}}}");
                    }
                    s += &t;
                }
                s
            })
            .collect()
    }

    /// Invariants that hold for any input: runs tile each line, lines tile the text.
    fn check_invariants(text: &str, ps: &[Paragraph]) {
        let mut pos = 0;
        for p in ps {
            assert!(p.span.start >= pos, "lines in order");
            assert!(text[pos..p.span.start]
                .chars()
                .all(|c| "\r\n\u{2028}\u{2029}".contains(c)));
            let mut at = p.span.start;
            for r in &p.runs {
                assert_eq!(r.span.start, at, "runs are contiguous");
                assert!(!r.span.is_empty(), "no empty runs");
                assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
                at = r.span.end;
            }
            assert!(p.runs.is_empty() || at == p.span.end, "runs cover the line");
            pos = p.span.end;
        }
        assert_eq!(pos, text.len(), "lines cover the text");
    }

    #[test]
    fn splits_lines_on_every_break() {
        let text = "甲\n乙\r\n丙\r丁\u{2028}戊\n\n己";
        let got: Vec<&str> = lines(text).map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["甲", "乙", "丙", "丁", "戊", "", "己"]);
        let got: Vec<&str> = lines("末尾换行\n")
            .map(|s| &"末尾换行\n"[s.start..s.end])
            .collect();
        assert_eq!(
            got,
            ["末尾换行", ""],
            "a final break leaves an empty last line"
        );
        assert_eq!(lines("").count(), 1, "the empty text is one blank line");
    }

    #[test]
    fn marks_indicators_headings_and_chrome() {
        let text = "点击数:12\n一、依法履职\n精简64项，同比下降14.7%。";
        let a = analysis(
            vec![section(span_of(text, "一、依法履职"), 1, None, false)],
            vec![
                indicator(span_of(text, "64项"), Some(0)),
                indicator(span_of(text, "同比下降14.7%"), Some(0)),
            ],
            vec![span_of(text, "点击数:12")],
        );
        let ps = paragraphs(text, &a);
        check_invariants(text, &ps);
        assert_eq!(
            render(text, &ps),
            [
                "C {点击数:12}",
                "H0 <0:一、依法履职>",
                "精简[0:64项]，[1:同比下降14.7%]。"
            ]
        );
        assert_eq!(
            ps[1].opens,
            [0],
            "the heading line is the section's scroll target"
        );
        assert!(ps[2].opens.is_empty());
    }

    #[test]
    fn layers_overlap_and_adjacent_marks_stay_apart() {
        let text = "（一）办结52件100%\n";
        let a = analysis(
            vec![section(span_of(text, "（一）办结52件100%"), 2, None, false)],
            vec![
                indicator(span_of(text, "52件"), Some(0)),
                indicator(span_of(text, "100%"), Some(0)),
            ],
            vec![],
        );
        let ps = paragraphs(text, &a);
        check_invariants(text, &ps);
        assert_eq!(
            render(text, &ps),
            ["H0 <0:（一）办结><0:[0:52件]><0:[1:100%]>", ""],
            "a number inside a heading is both; touching marks are two runs"
        );
    }

    #[test]
    fn headings_over_two_lines_mark_both() {
        let text = "二、深化行政\n执法体制改革\n正文";
        let a = analysis(
            vec![section(
                span_of(text, "二、深化行政\n执法体制改革"),
                1,
                None,
                false,
            )],
            vec![],
            vec![],
        );
        let ps = paragraphs(text, &a);
        check_invariants(text, &ps);
        assert_eq!(
            render(text, &ps),
            ["H0 <0:二、深化行政>", "H0 <0:执法体制改革>", "正文"]
        );
        assert_eq!(ps[0].opens, [0]);
        assert!(
            ps[1].opens.is_empty(),
            "only the first line opens the section"
        );
    }

    #[test]
    fn a_heading_with_body_text_after_it_does_not_style_the_line() {
        let text = "八是健全科技保障体系。加快建设数字法治政府，上线12个系统。\n  三、总结  ";
        let a = analysis(
            vec![
                section(span_of(text, "八是健全科技保障体系"), 2, None, false),
                section(span_of(text, "三、总结"), 1, None, false),
            ],
            vec![indicator(span_of(text, "12个"), Some(0))],
            vec![],
        );
        let ps = paragraphs(text, &a);
        check_invariants(text, &ps);
        assert_eq!(
            render(text, &ps),
            [
                "<0:八是健全科技保障体系>。加快建设数字法治政府，上线[0:12个]系统。",
                "H1   <1:三、总结>  "
            ],
            "surrounding spaces do not count as body text"
        );
        assert_eq!(ps[0].opens, [0], "still the section's scroll target");
    }

    #[test]
    fn run_in_headings_do_not_style_the_line() {
        let text = "一是加强领导，召开会议3次。二是完善制度。";
        let a = analysis(
            vec![
                section(span_of(text, "一是加强领导"), 3, None, true),
                section(span_of(text, "二是完善制度"), 3, None, true),
            ],
            vec![indicator(span_of(text, "3次"), Some(0))],
            vec![],
        );
        let ps = paragraphs(text, &a);
        check_invariants(text, &ps);
        assert_eq!(
            render(text, &ps),
            ["<0:一是加强领导>，召开会议[0:3次]。<1:二是完善制度>。"]
        );
        assert_eq!(ps[0].heading, None);
        assert_eq!(
            ps[0].opens,
            [0, 1],
            "both run-in sections open on this line"
        );
    }

    #[test]
    fn overlapping_spans_of_one_layer_are_clipped() {
        let text = "共计1000余件次";
        let a = analysis(
            vec![],
            vec![
                indicator(span_of(text, "1000余件"), None),
                indicator(span_of(text, "余件次"), None),
                indicator(span_of(text, "1000"), None),
            ],
            vec![],
        );
        let ps = paragraphs(text, &a);
        check_invariants(text, &ps);
        assert_eq!(
            render(text, &ps),
            ["共计[0:1000余件][1:次]"],
            "the earlier span keeps the overlap; one inside another disappears"
        );
    }

    #[test]
    fn stale_or_broken_spans_are_clamped() {
        let text = "短文本";
        let a = analysis(
            vec![section(Span::new(1, 4), 1, None, false)],
            vec![
                indicator(Span::new(3, 400), None),
                indicator(Span::new(7, 2), None),
            ],
            vec![Span::new(100, 200)],
        );
        let ps = paragraphs(text, &a);
        check_invariants(text, &ps);
        // Byte 1 is inside 短: the heading starts at 0; the indicator runs to the end.
        assert_eq!(render(text, &ps), ["<0:短>[0:文本]"]);
    }

    #[test]
    fn chrome_line_ignores_spaces_but_needs_chrome() {
        let text = "  打印本页\n  \n";
        let a = analysis(vec![], vec![], vec![span_of(text, "打印本页")]);
        let ps = paragraphs(text, &a);
        check_invariants(text, &ps);
        assert!(ps[0].chrome);
        assert!(!ps[1].chrome, "a blank line is not chrome");
        assert_eq!(ps[1].runs.len(), 1);
    }

    #[test]
    fn finds_paragraph_of_offset() {
        let text = "甲\n乙乙\n丙";
        let ps = paragraphs(text, &analysis(vec![], vec![], vec![]));
        assert_eq!(paragraph_at(&ps, 0), Some(0));
        assert_eq!(paragraph_at(&ps, text.find('乙').unwrap()), Some(1));
        assert_eq!(paragraph_at(&ps, text.find('丙').unwrap()), Some(2));
        assert_eq!(paragraph_at(&ps, text.len()), Some(2));
    }

    #[test]
    fn counts_and_paths_follow_the_tree() {
        let text = "一、甲\n（一）乙\n（二）丙\n二、丁";
        let a = analysis(
            vec![
                section(span_of(text, "一、甲"), 1, None, false),
                section(span_of(text, "（一）乙"), 2, Some(0), false),
                section(span_of(text, "（二）丙"), 2, Some(0), false),
                section(span_of(text, "二、丁"), 1, None, false),
            ],
            vec![
                indicator(Span::new(0, 0), Some(0)),
                indicator(Span::new(0, 0), Some(1)),
                indicator(Span::new(0, 0), Some(2)),
                indicator(Span::new(0, 0), Some(2)),
                indicator(Span::new(0, 0), None),
                indicator(Span::new(0, 0), Some(99)),
            ],
            vec![],
        );
        assert_eq!(section_indicator_counts(&a), [4, 1, 2, 0]);
        assert_eq!(section_path(&a, 2), [0, 2]);
        assert_eq!(section_path(&a, 3), [3]);
        assert!(section_path(&a, 9).is_empty());
    }

    #[test]
    fn real_analysis_keeps_invariants() {
        for text in [
            "",
            "\n\n",
            "一、依法全面履行政府职能\n全区已精简64项申报材料，同比下降14.7%。\r\n（一）办复率100%",
            "标题\u{2028}二、深化改革 1.35亿元\r\r\n最后",
        ] {
            let a = crate::analyze(text);
            check_invariants(text, &paragraphs(text, &a));
        }
    }
}
