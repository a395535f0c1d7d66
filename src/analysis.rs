//! [`analyze`], the one entry point: runs the passes and checks in order and maps their spans
//! back to the input. It only orchestrates: recognisers live in [`crate::passes`] and
//! [`crate::checks`], result types in [`crate::model`].
//!
//! `analyze` is infallible: any string gives an [`Analysis`]; problems in the report are
//! [`crate::model::Diagnostic`]s inside it. All spans are byte ranges into the text as given.

use crate::checks::{coverage, cues, figures, parts};
use crate::model::{Analysis, Indicator, ReportKind, Section, Signature};
use crate::passes::document::{self, Document};
use crate::passes::{indicator, outline};
use crate::text::{Normalized, Span};

/// Analyses one report. Infallible and linear in the length of `text`.
///
/// ```
/// let a = report_lens::analyze("一、依法全面履行政府职能\n全区已精简64项申报材料，办复率100%。");
/// assert_eq!(a.sections[0].title, "依法全面履行政府职能");
/// assert_eq!(a.indicators[0].unit, "项");
/// assert_eq!(a.indicators[1].subject, "办复率");
/// ```
pub fn analyze(text: &str) -> Analysis {
    let norm = Normalized::new(text);
    let doc = Document::new(&norm.text);
    let outline = outline::find_sections(&norm.text, &doc);
    let mut indicators = indicator::find_indicators(&norm.text, &doc);
    // Attach indicators to their innermost section (both lists are in document order).
    let mut diagnostics = outline.diagnostics;
    let sections = outline.sections;
    assign_sections(&sections, &mut indicators);
    let mut meta = document::find_meta(&norm.text, &doc);
    meta.script = Some(norm.script());
    meta.chars = text.chars().count();
    // One phrase scan serves both review checks.
    let hits = cues::LineHits::new(&norm.text, &doc);
    let mut found_parts = parts::find_parts_in(&norm.text, &hits, &sections, meta.year);
    let mut coverage = coverage::coverage_in(&hits, &sections);
    diagnostics.extend(figures::check_figures(
        &norm.text,
        &doc,
        &indicators,
        meta.year,
    ));
    diagnostics.sort_by_key(|d| d.span.start);

    // Map every span from the normalised view back into `text`; text fields as written.
    let map = |s: Span| norm.span_to_original(s);
    let sections = sections
        .into_iter()
        .map(|mut s| {
            s.heading = map(s.heading);
            s.title_span = map(s.title_span);
            s.span = map(s.span);
            s.title = norm
                .clean(&text[s.title_span.start..s.title_span.end])
                .into_owned();
            if !s.inferred {
                s.marker = norm
                    .clean(text[s.heading.start..s.title_span.start].trim())
                    .into_owned();
            }
            s
        })
        .collect();
    for i in &mut indicators {
        i.span = map(i.span);
        i.number = map(i.number);
        // The subject as written (Traditional stays Traditional), from its mapped spans.
        i.subject_spans = i.subject_spans.map(map);
        let [l, r] = i.subject_spans;
        i.subject = [&text[l.start..l.end], &text[r.start..r.end]].concat();
        if norm.pinyin_dropped > 0 {
            i.subject = norm.clean(&i.subject).into_owned();
        }
    }
    for d in &mut diagnostics {
        d.span = map(d.span);
        d.spans.iter_mut().for_each(|s| *s = map(*s));
    }
    // Kind from the title in the normalised view, before its span is mapped.
    meta.kind = meta
        .title_span
        .map(|t| ReportKind::of_title(&norm.text[t.start..t.end]));
    meta.title_span = meta.title_span.map(map);
    meta.title = meta
        .title_span
        .map(|s| norm.clean(&text[s.start..s.end]).into_owned());
    meta.signature = document::find_signature(&norm.text, &doc).map(|(issuer, date)| {
        let issuer = issuer.map(map);
        let date_span = map(date);
        Signature {
            issuer: issuer.map(|s| norm.clean(&text[s.start..s.end]).into_owned()),
            date: document::parse_date(&norm.text[date.start..date.end]),
            span: Span::new(issuer.map_or(date_span.start, |s| s.start), date_span.end),
        }
    });
    meta.issuer_span = meta.issuer_span.map(map);
    meta.issuer = meta
        .issuer_span
        .map(|s| norm.clean(&text[s.start..s.end]).into_owned());
    let chrome = doc.chrome.iter().map(|&s| map(s)).collect();
    for p in &mut found_parts {
        p.span = p.span.map(map);
    }
    for c in &mut coverage {
        c.spans.iter_mut().for_each(|s| *s = map(*s));
    }
    Analysis {
        meta,
        sections,
        indicators,
        diagnostics,
        chrome,
        parts: found_parts,
        coverage,
    }
}

fn assign_sections(sections: &[Section], indicators: &mut [Indicator]) {
    // Innermost section containing the indicator: walk with a stack of open sections.
    let mut stack: Vec<usize> = Vec::new();
    let mut next = 0;
    for ind in indicators.iter_mut() {
        while next < sections.len() && sections[next].heading.start <= ind.span.start {
            while let Some(&top) = stack.last() {
                if sections[top].span.end <= sections[next].heading.start {
                    stack.pop();
                } else {
                    break;
                }
            }
            stack.push(next);
            next += 1;
        }
        while let Some(&top) = stack.last() {
            if sections[top].span.end <= ind.span.start {
                stack.pop();
            } else {
                break;
            }
        }
        ind.section = stack.last().copied();
    }
}
