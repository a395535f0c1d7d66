//! [`analyze`], the one entry point: runs the passes and checks in order and maps their spans
//! back to the input. It only orchestrates: recognisers live in [`crate::passes`] and
//! [`crate::checks`], result types in [`crate::model`].
//!
//! `analyze` is infallible: any string gives an [`Analysis`]; problems in the report are
//! [`crate::model::Diagnostic`]s inside it. All spans are byte ranges into the text as given.

use crate::checks::{coverage, cues, deadline, figures, form, parts, tasks};
use crate::model::{Analysis, Code, Diagnostic, Indicator, ReportKind, Section, Signature};
use crate::passes::document::{self, Document, Line};
use crate::passes::{indicator, outline};
use crate::text::{Normalized, Span};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Analyses one report. Infallible and linear in the length of `text`.
///
/// ```
/// let a = report_lens::analyze("一、依法全面履行政府职能\n全区已精简64项申报材料，办复率100%。");
/// assert_eq!(a.sections[0].title, "依法全面履行政府职能");
/// assert_eq!(a.indicators[0].unit, "项");
/// assert_eq!(a.indicators[1].subject, "办复率");
/// ```
pub fn analyze(text: &str) -> Analysis {
    analyze_on(text, text.len() >= PARALLEL_MIN_BYTES)
}

/// [`analyze`], with its independent passes on two threads when `parallel`.
fn analyze_on(text: &str, parallel: bool) -> Analysis {
    let norm = Normalized::new(text);
    let t = norm.text.as_str();
    let doc = Document::new(t);
    // The figures on one thread; the outline, the phrase scan (one scan serves both review
    // checks) and the metadata on the other, which then helps with the figures.
    let figures = SharedLines::new(&doc, if parallel { 64 } else { 1 });
    let (_, (outline, hits, mut meta)) = both(
        parallel,
        || figures.work(t),
        || {
            let outline = outline::find_sections(t, &doc);
            let mut meta = document::find_meta(t, &doc);
            let hits = cues::LineHits::for_year(t, &doc, meta.year);
            meta.chars = text.chars().count();
            figures.work(t);
            (outline, hits, meta)
        },
    );
    let mut indicators = figures.into_indicators();
    meta.script = Some(norm.script());
    // Attach indicators to their innermost section (both lists are in document order).
    let mut diagnostics = outline.diagnostics;
    let sections = outline.sections;
    assign_sections(&sections, &mut indicators);
    // The figure checks (as `figures::check_figures`, in two halves) beside the review checks.
    // The title and issuer name the level of government (legislative tasks).
    let names: Vec<&str> = [meta.title_span, meta.issuer_span]
        .into_iter()
        .flatten()
        .map(|s| &t[s.start..s.end])
        .collect();
    let (figure_checks, (mut found_parts, mut coverage, mut found_tasks, year_checks)) = both(
        parallel,
        || figures::check_statements(t, &doc, &indicators),
        || {
            let mut d = form::check_form(t, &hits, &sections);
            d.extend(deadline::check_deadline(&meta));
            if let Some(y) = meta.year {
                d.extend(figures::check_year_mentions(t, &doc, y));
                d.extend(figures::check_plan_years(t, &sections, y));
            }
            (
                parts::find_parts_in(t, &hits, &sections, meta.year),
                coverage::coverage_in(&hits, &sections),
                tasks::tasks_in(t, &hits, &sections, meta.year, &names),
                d,
            )
        },
    );
    diagnostics.extend(figure_checks);
    diagnostics.extend(year_checks);
    if let Some(at) = norm.first_space_drop() {
        diagnostics.push(ocr_notice(t, at));
    }
    crate::text::sort::sort_by_key(&mut diagnostics, |d| d.span.start);

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
        if norm.drops_text() {
            i.subject = norm.clean(&i.subject).into_owned();
        }
    }
    for d in &mut diagnostics {
        d.span = map(d.span);
        d.spans.iter_mut().for_each(|s| *s = map(*s));
        if let Some(f) = form::refix(d.code, &text[d.span.start..d.span.end]) {
            d.fix = Some(f);
        }
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
    for k in &mut found_tasks.tasks {
        k.spans.iter_mut().for_each(|s| *s = map(*s));
    }
    meta.published_span = meta.published_span.map(map);
    // The half-width notice reads the original text (the view folds widths).
    let original_lines = doc.text_lines().map(|l| map(l.span));
    if let Some(d) = form::half_width(text, original_lines) {
        let at = diagnostics.partition_point(|x| x.span.start <= d.span.start);
        diagnostics.insert(at, d);
    }
    Analysis {
        meta,
        sections,
        indicators,
        diagnostics,
        chrome,
        parts: found_parts,
        coverage,
        tasks: found_tasks,
    }
}

/// The figures of a document's lines, read in blocks that threads take in turn.
struct SharedLines<'a> {
    blocks: Vec<&'a [Line]>,
    /// The next block to take.
    next: AtomicUsize,
    /// (block, its indicators), in the order they were finished.
    done: Mutex<Vec<(usize, Vec<Indicator>)>>,
}

impl<'a> SharedLines<'a> {
    /// `doc`'s lines in about `n` blocks of similar size in bytes.
    fn new(doc: &'a Document, n: usize) -> Self {
        let total = doc.lines.last().map_or(0, |l| l.span.end);
        let size = total.div_ceil(n.max(1)).max(1);
        let mut blocks = Vec::with_capacity(n + 1);
        let mut rest = &doc.lines[..];
        while !rest.is_empty() {
            let end = rest[0].span.start + size;
            let k = rest.partition_point(|l| l.span.start < end).max(1);
            blocks.push(&rest[..k]);
            rest = &rest[k..];
        }
        SharedLines {
            blocks,
            next: AtomicUsize::new(0),
            done: Mutex::new(Vec::new()),
        }
    }

    /// Reads blocks until none is left.
    fn work(&self, text: &str) {
        loop {
            let k = self.next.fetch_add(1, Ordering::Relaxed);
            let Some(lines) = self.blocks.get(k) else {
                return;
            };
            let found = indicator::find_indicators_in(text, lines);
            self.done
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((k, found));
        }
    }

    /// The indicators of all blocks, in document order.
    fn into_indicators(self) -> Vec<Indicator> {
        let mut done = self.done.into_inner().unwrap_or_else(|e| e.into_inner());
        crate::text::sort::sort_by_key(&mut done, |d| d.0);
        if done.len() == 1 {
            return done.pop().map(|d| d.1).unwrap_or_default();
        }
        done.into_iter().flat_map(|d| d.1).collect()
    }
}

/// Inputs from this size on run their independent passes on two threads (native builds;
/// wasm32 has none). Spawning a thread costs tens of microseconds against the milliseconds
/// a report of this size takes. Measured on a shared 2-core machine, `report-lens analyze
/// --format json` of the fixtures concatenated to 10 MB: 0.36–0.48 s (median of 9) on one
/// thread, 0.26–0.33 s on two; criterion's `end_to_end/10MB` 237 ms (42 MB/s).
const PARALLEL_MIN_BYTES: usize = 64 * 1024;

/// Runs `a` and `b` and returns both results: on two threads when `parallel` and the build
/// has threads, else (or when no thread can be started) one after the other. The results
/// do not depend on which.
fn both<A: Send, B>(parallel: bool, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    #[cfg(not(target_arch = "wasm32"))]
    if parallel {
        // `a` stays here if the thread cannot be started.
        let a = std::sync::Mutex::new(Some(a));
        return std::thread::scope(|s| {
            let spawned = std::thread::Builder::new().spawn_scoped(s, || {
                let a = a.lock().ok().and_then(|mut a| a.take());
                a.map(|a| a())
            });
            let rb = b();
            let ra = spawned
                .ok()
                .and_then(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            let ra = ra.unwrap_or_else(|| {
                let a = a.lock().unwrap_or_else(|e| e.into_inner()).take();
                a.map(|a| a()).expect("`a` runs once")
            });
            (ra, rb)
        });
    }
    #[cfg(target_arch = "wasm32")]
    let _ = parallel;
    (a(), b())
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

/// The notice that the text looks machine-recognised: on the line of the first OCR space the
/// view dropped (`at`, a view offset).
fn ocr_notice(t: &str, at: usize) -> Diagnostic {
    let start = t[..at].rfind('\n').map_or(0, |k| k + 1);
    let end = t[at..].find('\n').map_or(t.len(), |k| at + k);
    Diagnostic {
        code: Code::OcrText,
        severity: Code::OcrText.severity(),
        message: "文字似为 OCR 识别结果（汉字之间有空格）：分析时已忽略这些空格；识别错误可能改变数字和标题，请与原件核对".to_string(),
        span: Span::new(start, end),
        spans: Vec::new(),
        confidence: None,
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two threads give the same analysis as one, on real reports above the threshold.
    #[test]
    fn parallel_passes_give_the_same_analysis() {
        let text = [
            include_str!("../tests/fixtures/000_4650dba7b757251d.txt"),
            include_str!("../tests/fixtures/002_e8b339a04b4c8932.txt"),
            include_str!("../tests/fixtures/004_f9597e8d61f080e1.txt"),
        ]
        .join("\n");
        assert!(text.len() >= PARALLEL_MIN_BYTES);
        let (one, two) = (analyze_on(&text, false), analyze_on(&text, true));
        assert!(one.indicators.len() > 100 && one.sections.len() > 20);
        assert_eq!(format!("{one:?}"), format!("{two:?}"));
    }
}

/// The cost of the review checks of issue 20 against `analyze` on the benchmark's 10 MB
/// text (the fixtures cut to 100 KB, repeated 100 times), timed in release:
/// `cargo test --release --lib analysis::cost -- --ignored --nocapture`.
#[cfg(test)]
mod cost {
    use crate::checks::{cues, form, gangyao, lexicon, tasks};
    use crate::lex::phrase::PhraseIndex;
    use crate::passes::document::Document;
    use std::borrow::Cow;
    use std::time::Instant;

    fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
        // The fastest of `runs` timings, in ms.
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::MAX, f64::min)
    }

    #[test]
    #[ignore]
    fn review_checks_against_analyze_on_10mb() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        let mut small = String::new();
        while small.len() < 100_000 {
            for n in &names {
                small.push_str(&std::fs::read_to_string(n).unwrap());
                small.push('\n');
            }
        }
        let cut = small[100_000..]
            .find('\n')
            .map_or(small.len(), |i| 100_000 + i + 1);
        let text = small[..cut].repeat(100);
        let view = crate::text::Normalized::new(&text).text;
        let doc = Document::new(&view);
        let sections = crate::passes::outline::find_sections(&view, &doc).sections;
        let hits = cues::LineHits::new(&view, &doc);
        // The scan as it was before the task phrases and form triggers joined it.
        let old: PhraseIndex<()> = PhraseIndex::new(
            lexicon::cue_phrases()
                .map(|(p, _)| (p, ()))
                .chain(lexicon::area_phrases().into_iter().map(|(p, _)| (p, ()))),
        );
        let all: PhraseIndex<()> = PhraseIndex::new(
            lexicon::cue_phrases()
                .map(|(p, _)| (Cow::Borrowed(p), ()))
                .chain(
                    lexicon::area_phrases()
                        .into_iter()
                        .map(|(p, _)| (Cow::Borrowed(p), ())),
                )
                .chain(
                    gangyao::task_phrases()
                        .filter(|(_, (o, _))| *o == 0)
                        .map(|(p, _)| (Cow::Borrowed(p), ())),
                )
                .chain(form::rules::triggers().map(|(p, _)| (p, ()))),
        );
        let scan = |index: &PhraseIndex<()>| {
            let mut n = 0usize;
            for l in doc.text_lines() {
                index.each(&view, l.span, |_, _| n += 1);
            }
            n
        };
        // Interleaved rounds, the fastest of each stage: the machine is shared.
        let mut t = [f64::MAX; 6];
        for _ in 0..12 {
            let round = [
                best(1, || scan(&old)),
                best(1, || scan(&all)),
                best(1, || {
                    tasks::tasks_in(&view, &hits, &sections, Some(2023), &[])
                }),
                best(1, || form::check_form(&view, &hits, &sections)),
                best(1, || {
                    form::half_width(&text, doc.text_lines().map(|l| l.span))
                }),
                best(1, || super::analyze_on(&text, false)),
            ];
            for (a, b) in t.iter_mut().zip(round) {
                *a = a.min(b);
            }
        }
        let [scan_old, scan_all, tasks, form, half, whole] = t;
        let review = (scan_all - scan_old).max(0.0) + tasks + form + half;
        println!(
            "10 MB ({} bytes): analyze {whole:.1} ms (one thread); scan {scan_old:.1} → {scan_all:.1} ms, \
             tasks {tasks:.1} ms, form {form:.1} ms, half-width {half:.1} ms; review {review:.1} ms = {:.1} %",
            text.len(),
            100.0 * review / whole
        );
        assert!(review <= 0.15 * whole, "{review:.1} ms of {whole:.1} ms");
    }
}
