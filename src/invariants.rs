//! The structural invariants every [`Analysis`] satisfies, as one checker shared by the
//! property tests, the hardening tests and the fuzz targets.
//!
//! Every span (title, issuer, signature, chrome, diagnostics and their figures, parts,
//! coverage hits, sections, indicators) lies inside the text on `char` boundaries;
//! diagnostics, coverage hits and sections come in document order; a heading lies inside its
//! section and its title inside the heading, and the title is the text of its span (without
//! injected pinyin); a section nests inside its parent one level or more below it, and a
//! section without a parent is at level 1; indicators are non-empty, sorted, disjoint, hold
//! their number and lie inside their section, and never start inside a longer number (the
//! character before a figure's numeral is no digit, Chinese numeral, decimal point or
//! thousands comma of the same number: [`continues_number`]); every section index is in
//! range.

use crate::lex::number::continues_number;
use crate::model::Analysis;
use crate::text::{Normalized, Span};

/// `Err(message)` naming the first broken invariant.
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

fn span(text: &str, what: &str, s: Span) -> Result<(), String> {
    ensure!(
        s.start <= s.end && s.end <= text.len(),
        "{what} {s:?} outside the text (len {})",
        text.len()
    );
    ensure!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} not on char boundaries"
    );
    Ok(())
}

/// Checks `a`, the analysis of `text`; see the module docs.
pub fn check(text: &str, a: &Analysis) -> Result<(), String> {
    ensure!(
        a.meta.chars == text.chars().count(),
        "meta.chars {}",
        a.meta.chars
    );
    for (what, s) in [
        ("meta.title_span", a.meta.title_span),
        ("meta.issuer_span", a.meta.issuer_span),
        ("meta.signature", a.meta.signature.as_ref().map(|s| s.span)),
    ] {
        if let Some(s) = s {
            span(text, what, s)?;
        }
    }
    for &c in &a.chrome {
        span(text, "chrome", c)?;
    }
    for (k, d) in a.diagnostics.iter().enumerate() {
        span(text, &format!("diagnostic {k} ({})", d.code), d.span)?;
        for &s in &d.spans {
            span(text, &format!("diagnostic {k} ({}) figure", d.code), s)?;
        }
        ensure!(
            k == 0 || a.diagnostics[k - 1].span.start <= d.span.start,
            "diagnostics {} and {k} out of document order",
            k.saturating_sub(1)
        );
    }
    let n = a.sections.len();
    for p in &a.parts {
        if let Some(s) = p.span {
            span(text, &format!("part {}", p.id), s)?;
        }
        ensure!(
            p.section.is_none_or(|s| s < n),
            "part {}: section {:?} out of range",
            p.id,
            p.section
        );
    }
    for c in &a.coverage {
        for (k, &s) in c.spans.iter().enumerate() {
            span(text, &format!("coverage {} hit {k}", c.area), s)?;
            ensure!(
                k == 0 || c.spans[k - 1].start <= s.start,
                "coverage {}: hits out of document order",
                c.area
            );
        }
        ensure!(
            c.sections.windows(2).all(|w| w[0] < w[1]) && c.sections.iter().all(|&s| s < n),
            "coverage {}: sections {:?} not ascending or out of range",
            c.area,
            c.sections
        );
    }
    for t in &a.tasks.tasks {
        for (k, &s) in t.spans.iter().enumerate() {
            span(text, &format!("task {} hit {k}", t.label), s)?;
            ensure!(
                k == 0 || t.spans[k - 1].start <= s.start,
                "task {}: hits out of document order",
                t.label
            );
        }
        ensure!(
            t.spans.is_empty() == (t.status == crate::model::TaskStatus::Absent),
            "task {}: status {:?} with {} hits",
            t.label,
            t.status,
            t.spans.len()
        );
    }
    ensure!(
        a.tasks.score.is_none_or(|s| s <= 100) && a.tasks.parts.iter().all(|p| p.score <= 100),
        "task scores out of 0–100"
    );
    // Titles read as written, less what the view dropped (pinyin, OCR spaces).
    let norm = Normalized::new(text);
    for (k, s) in a.sections.iter().enumerate() {
        span(text, &format!("section {k} heading"), s.heading)?;
        span(text, &format!("section {k} title_span"), s.title_span)?;
        span(text, &format!("section {k} span"), s.span)?;
        ensure!(
            s.span.contains(s.heading),
            "section {k}: heading {:?} outside its span {:?}",
            s.heading,
            s.span
        );
        ensure!(
            s.heading.contains(s.title_span),
            "section {k}: title {:?} outside the heading {:?}",
            s.title_span,
            s.heading
        );
        let written = norm.clean(&text[s.title_span.start..s.title_span.end]);
        ensure!(
            s.title == written,
            "section {k}: title {:?} is not the text of its span {written:?}",
            s.title
        );
        ensure!(s.level >= 1, "section {k}: level 0");
        if k > 0 {
            let prev = &a.sections[k - 1];
            ensure!(
                prev.heading.start < s.heading.start,
                "sections {} and {k} out of document order: {:?} then {:?}",
                k - 1,
                prev.heading,
                s.heading
            );
        }
        match s.parent {
            None => ensure!(
                s.level == 1,
                "section {k} has no parent but level {}",
                s.level
            ),
            Some(p) => {
                ensure!(p < k, "section {k}: parent {p} does not precede it");
                let ps = &a.sections[p];
                ensure!(
                    ps.span.contains(s.span),
                    "section {k} span {:?} outside its parent {p} span {:?}",
                    s.span,
                    ps.span
                );
                ensure!(
                    ps.level < s.level,
                    "section {k} level {} not below its parent {p} level {}",
                    s.level,
                    ps.level
                );
            }
        }
    }
    for (k, i) in a.indicators.iter().enumerate() {
        span(text, &format!("indicator {k} span"), i.span)?;
        span(text, &format!("indicator {k} number"), i.number)?;
        ensure!(!i.span.is_empty(), "indicator {k}: empty span {:?}", i.span);
        ensure!(
            i.span.contains(i.number),
            "indicator {k}: number {:?} outside the indicator {:?}",
            i.number,
            i.span
        );
        ensure!(
            !continues_number(text, i.number.start),
            "indicator {k} {:?}: its number starts inside a longer number ({:?} before it)",
            &text[i.span.start..i.span.end],
            text[..i.number.start].chars().next_back()
        );
        if k > 0 {
            let prev = &a.indicators[k - 1];
            ensure!(
                prev.span.end <= i.span.start,
                "indicators {} {:?} {:?} and {k} {:?} {:?} unsorted or overlapping",
                k - 1,
                prev.span,
                &text[prev.span.start..prev.span.end],
                i.span,
                &text[i.span.start..i.span.end]
            );
        }
        if let Some(s) = i.section {
            ensure!(s < n, "indicator {k}: section {s} out of range");
            ensure!(
                a.sections[s].span.contains(i.span),
                "indicator {k} {:?} outside its section {s} {:?}",
                i.span,
                a.sections[s].span
            );
        }
    }
    Ok(())
}
