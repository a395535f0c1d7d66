//! Exports: the JSON contract, CSV for Excel, a readable table, a Markdown outline.
//!
//! The JSON contract (version [`CONTRACT_VERSION`]) is what the CLI prints and the web page
//! downloads (its review part: the section *Review* below). All its offsets are **Unicode code-point offsets** into the text as given, so
//! that `text[start:end]` in Python equals the reported `text`.
//!
//! ## Indicators
//! Each indicator carries `text`, `start`, `end`, `kind` (`count` `rate` `money` `duration`
//! `change` `other`), `approx`, `direction` (`up`/`down`), `basis`, `subject`, `section`, and
//! its value three ways:
//!
//! * `value` and `unit` **as written**: `1.35亿元` → 1.35 `亿元`; a Chinese numeral counts
//!   its own 万/亿 (`两万元` → 20000 `元`, `一千多万人` → 10000000 `人`); a sign stays
//!   (`负3.9%`, `-22.2%` → -3.9, -22.2, direction `down`). Rate forms keep their unit:
//!   `%` `‰` `‱` `百分之` `千分之` `万分之` (`百分之九十五` → 95 `百分之`), `成` (`三成半` → 3.5,
//!   `半成` → 0.5), `分之` for a fraction (`三分之二` → its ratio 0.6667), `个百分点`, `倍`.
//! * `high`: for a range (`3至5个工作日`, `10%～20%`, `1.2亿元至1.5亿元`) its high end in the
//!   same unit, `value` being the low end; `null` for a single figure. A list sharing a unit
//!   (`分别为12、15、20件`) is one indicator per number, each spanning its own digits.
//! * `normalized` in `normalized_unit` (added in version 3): one scale a spreadsheet can sum.
//!   Magnitudes multiplied out (`1.35亿元` → 135000000 `元`, `1.19万人次` → 11900 `人次`),
//!   every share in percent (`三成` → 30, `千分之2.4` → 0.24, `三分之二` → 66.666667 `%`),
//!   `个百分点`, `倍` and durations unchanged; negative for a decrease (`同比下降14.7%` →
//!   -14.7). Rounded to six decimals below 10⁹. For a range it is the low end's.
//!
//! ## Review (version 4)
//! * `coverage`: the 纲要 of the report's year ([`crate::checks::gangyao::for_year`]) and the
//!   verdict on each of its tasks ([`crate::checks::tasks`]):
//!   - `outline`: `"2021-2025"` (reports on 2021 and later, or of unknown year),
//!     `"2015-2020"` (2016–2020) or `null` (earlier: no 纲要 applies), and `outline_title`;
//!   - `tasks[]`: `part` (2–10 in the 2021 纲要, the main task 1–7 in the 2015 one),
//!     `number` (（四） is 4, measure 12. is 12), `label`, `title`, `title_verified` (false
//!     for titles not checked against the 纲要's text: match by phrases, quote with care),
//!     `status` (`addressed`: a heading of at most 40 characters carries one of its phrases,
//!     or one section two or more of them; `mentioned`: a phrase elsewhere; `absent`),
//!     `applies` (false for a legislative task in the report of a county, district, town or
//!     street office), `evidence` (the phrases found) and `spans` (code-point ranges);
//!   - `score` (0–100 or `null`) and `parts[]` (`part`, `label`, `title`, `score`, `tasks`,
//!     `addressed`, `mentioned`): a task scores 100 addressed, 40 mentioned, 0 absent; a
//!     part's score is the rounded mean of its tasks that apply, the report's the rounded
//!     mean of all tasks that apply;
//!   - `areas[]`: the key-phrase view of the areas A1–A9 (versions 1–3's `coverage`).
//! * `parts[].required`: `false` for reports on years before 2019 (shown for reference).
//! * `diagnostics[].fix`: the suggested text for the finding's span, for the form checks
//!   (codes `form-…`, [`crate::checks::form`]); `late-publication` for a page date after
//!   1 April of the year after the report's year.

use crate::model::{Analysis, CONTRACT_VERSION};
use crate::output::present::{self, format_value};
use crate::text::{byte_to_char_offsets, Span};
use serde::Serialize;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    meta: JsonMeta<'a>,
    sections: Vec<JsonSection<'a>>,
    indicators: Vec<JsonIndicator<'a>>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    chrome: Vec<[usize; 2]>,
    parts: Vec<JsonPart<'a>>,
    coverage: JsonCoverage<'a>,
}

#[derive(Serialize)]
struct JsonCoverage<'a> {
    outline: Option<&'static str>,
    outline_title: Option<&'static str>,
    score: Option<u32>,
    parts: &'a [crate::model::PartScore],
    tasks: Vec<JsonTask<'a>>,
    areas: Vec<JsonArea<'a>>,
}

#[derive(Serialize)]
struct JsonTask<'a> {
    part: u8,
    number: u8,
    label: &'a str,
    title: &'static str,
    title_verified: bool,
    status: &'static str,
    applies: bool,
    evidence: &'a [&'static str],
    spans: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct JsonPart<'a> {
    id: &'static str,
    status: &'static str,
    required: bool,
    start: Option<usize>,
    end: Option<usize>,
    evidence: &'a [String],
}

#[derive(Serialize)]
struct JsonArea<'a> {
    area: &'static str,
    name: &'static str,
    score: u32,
    sections: &'a [usize],
    phrases: &'a [crate::model::PhraseHit],
}

#[derive(Serialize)]
struct JsonSignature<'a> {
    issuer: Option<&'a str>,
    date: Option<&'a str>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonMeta<'a> {
    title: Option<&'a str>,
    year: Option<u16>,
    published: Option<&'a str>,
    issuer: Option<&'a str>,
    script: Option<crate::text::Script>,
    chars: usize,
    kind: Option<crate::model::ReportKind>,
    signature: Option<JsonSignature<'a>>,
}

#[derive(Serialize)]
struct JsonSection<'a> {
    level: u8,
    marker: &'a str,
    title: &'a str,
    start: usize,
    end: usize,
    heading_end: usize,
    inferred: bool,
    parent: Option<usize>,
    run_in: bool,
}

#[derive(Serialize)]
struct JsonIndicator<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    value: f64,
    high: Option<f64>,
    unit: &'a str,
    normalized: f64,
    normalized_unit: &'a str,
    kind: &'static str,
    approx: Option<&'static str>,
    direction: Option<crate::model::Direction>,
    basis: Option<&'static str>,
    subject: &'a str,
    section: Option<usize>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    severity: crate::model::Severity,
    message: &'a str,
    start: usize,
    end: usize,
    spans: Vec<[usize; 2]>,
    confidence: Option<f32>,
    fix: Option<&'a str>,
}

/// Converts every span of `a` to code-point offsets with one pass over `text`.
struct CharOffsets {
    bytes: Vec<usize>,
    chars: Vec<usize>,
    /// The index of the last offset looked up: the contract asks for offsets mostly in
    /// document order, so the next one is searched from there (a gallop, not a binary
    /// search of all 400 k offsets of a 10 MB text).
    last: std::cell::Cell<usize>,
}

impl CharOffsets {
    fn new(text: &str, a: &Analysis) -> Self {
        let mut bytes = Vec::new();
        let mut add = |s: Span| {
            bytes.push(s.start);
            bytes.push(s.end);
        };
        a.sections.iter().for_each(|s| {
            add(s.span);
            add(s.heading);
        });
        a.indicators.iter().for_each(|i| add(i.span));
        a.diagnostics.iter().for_each(|d| {
            add(d.span);
            d.spans.iter().for_each(|&s| add(s));
        });
        a.chrome.iter().for_each(|&s| add(s));
        a.parts.iter().filter_map(|p| p.span).for_each(&mut add);
        a.tasks
            .tasks
            .iter()
            .flat_map(|t| &t.spans)
            .for_each(|&s| add(s));
        a.meta.signature.iter().for_each(|s| add(s.span));
        crate::text::sort::sort(&mut bytes);
        bytes.dedup();
        let chars = byte_to_char_offsets(text, &bytes);
        CharOffsets {
            bytes,
            chars,
            last: std::cell::Cell::new(0),
        }
    }

    fn get(&self, b: usize) -> usize {
        match self.find(b) {
            Some(i) => {
                self.last.set(i);
                self.chars[i]
            }
            None => 0,
        }
    }

    /// The index of `b` in `bytes` (sorted, no duplicates).
    fn find(&self, b: usize) -> Option<usize> {
        let bytes = &self.bytes;
        let mut lo = self.last.get();
        if bytes.get(lo).is_none_or(|&x| x > b) {
            return bytes.binary_search(&b).ok();
        }
        // bytes[lo] <= b: double the step until an offset past `b`.
        let mut step = 1;
        while lo + step < bytes.len() && bytes[lo + step] <= b {
            lo += step;
            step *= 2;
        }
        let hi = (lo + step).min(bytes.len());
        bytes[lo..hi].binary_search(&b).ok().map(|i| lo + i)
    }
}

/// The compact JSON of the contract's two long arrays (sections and indicators: about 85 %
/// of its bytes), written by hand: the same bytes as `serde_json`'s compact output of
/// [`JsonSection`] and [`JsonIndicator`] (a test compares them on the fixtures), without its
/// per-field and per-byte costs (10 MB end-to-end, callgrind: writing the JSON 176 M →
/// 125 M instructions). Floats, enums and strings to escape still go through `serde_json`.
struct Writer {
    out: String,
    /// `serde_json`'s bytes for one value.
    scratch: Vec<u8>,
}

impl Writer {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// A value as `serde_json` writes it.
    fn value<T: Serialize + ?Sized>(&mut self, v: &T) {
        self.scratch.clear();
        if serde_json::to_writer(&mut self.scratch, v).is_ok() {
            self.out
                .push_str(std::str::from_utf8(&self.scratch).unwrap_or("null"));
        }
    }

    /// A string: as it is between quotes when no byte needs an escape (`"`, `\\`, a
    /// control character below U+0020; eight bytes at a time), else as `serde_json` escapes.
    fn str(&mut self, s: &str) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGH != 0;
        let b = s.as_bytes();
        let mut words = b.chunks_exact(8);
        let plain = words.all(|w| {
            let w = u64::from_le_bytes(w.try_into().expect("eight bytes"));
            // A byte below 0x20, or equal to `"` (0x22) or `\\` (0x5C).
            !(w.wrapping_sub(ONES * 0x20) & !w & HIGH != 0
                || zero(w ^ (ONES * 0x22))
                || zero(w ^ (ONES * 0x5C)))
        }) && words
            .remainder()
            .iter()
            .all(|&c| c >= 0x20 && c != b'"' && c != b'\\');
        if plain {
            self.out.push('"');
            self.out.push_str(s);
            self.out.push('"');
        } else {
            self.value(s);
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.raw("null"),
        }
    }

    fn uint(&mut self, n: usize) {
        use serde_json::ser::Formatter;
        self.scratch.clear();
        if serde_json::ser::CompactFormatter
            .write_u64(&mut self.scratch, n as u64)
            .is_ok()
        {
            self.out
                .push_str(std::str::from_utf8(&self.scratch).unwrap_or("0"));
        }
    }

    fn opt_uint(&mut self, n: Option<usize>) {
        match n {
            Some(n) => self.uint(n),
            None => self.raw("null"),
        }
    }

    fn bool(&mut self, b: bool) {
        self.raw(if b { "true" } else { "false" });
    }

    fn section(&mut self, s: &JsonSection) {
        self.raw("{\"level\":");
        self.uint(usize::from(s.level));
        self.raw(",\"marker\":");
        self.str(s.marker);
        self.raw(",\"title\":");
        self.str(s.title);
        self.raw(",\"start\":");
        self.uint(s.start);
        self.raw(",\"end\":");
        self.uint(s.end);
        self.raw(",\"heading_end\":");
        self.uint(s.heading_end);
        self.raw(",\"inferred\":");
        self.bool(s.inferred);
        self.raw(",\"parent\":");
        self.opt_uint(s.parent);
        self.raw(",\"run_in\":");
        self.bool(s.run_in);
        self.raw("}");
    }

    fn indicator(&mut self, i: &JsonIndicator) {
        self.raw("{\"text\":");
        self.str(i.text);
        self.raw(",\"start\":");
        self.uint(i.start);
        self.raw(",\"end\":");
        self.uint(i.end);
        self.raw(",\"value\":");
        self.value(&i.value);
        self.raw(",\"high\":");
        self.value(&i.high);
        self.raw(",\"unit\":");
        self.str(i.unit);
        self.raw(",\"normalized\":");
        self.value(&i.normalized);
        self.raw(",\"normalized_unit\":");
        self.str(i.normalized_unit);
        self.raw(",\"kind\":");
        self.str(i.kind);
        self.raw(",\"approx\":");
        self.opt_str(i.approx);
        self.raw(",\"direction\":");
        self.value(&i.direction);
        self.raw(",\"basis\":");
        self.opt_str(i.basis);
        self.raw(",\"subject\":");
        self.str(i.subject);
        self.raw(",\"section\":");
        self.opt_uint(i.section);
        self.raw("}");
    }

    /// A JSON array of `items`, each written by `one`.
    fn array<T>(&mut self, items: &[T], one: impl Fn(&mut Self, &T)) {
        self.raw("[");
        for (k, x) in items.iter().enumerate() {
            if k > 0 {
                self.raw(",");
            }
            one(self, x);
        }
        self.raw("]");
    }
}

/// The JSON contract for one report, on one line.
pub fn to_json(text: &str, a: &Analysis) -> String {
    contract_json(text, a, write_report)
}

/// The contract written by `write`.
fn contract_json(
    text: &str,
    a: &Analysis,
    write: impl Fn(&JsonReport) -> serde_json::Result<String>,
) -> String {
    let off = CharOffsets::new(text, a);
    let slice = |s: Span| text.get(s.start..s.end).unwrap_or("");
    let report = JsonReport {
        version: CONTRACT_VERSION,
        meta: JsonMeta {
            title: a.meta.title.as_deref(),
            year: a.meta.year,
            published: a.meta.published.as_deref(),
            issuer: a.meta.issuer.as_deref(),
            script: a.meta.script,
            chars: a.meta.chars,
            kind: a.meta.kind,
            signature: a.meta.signature.as_ref().map(|s| JsonSignature {
                issuer: s.issuer.as_deref(),
                date: s.date.as_deref(),
                start: off.get(s.span.start),
                end: off.get(s.span.end),
            }),
        },
        sections: a
            .sections
            .iter()
            .map(|s| JsonSection {
                level: s.level,
                marker: &s.marker,
                title: &s.title,
                start: off.get(s.heading.start),
                end: off.get(s.span.end),
                heading_end: off.get(s.heading.end),
                inferred: s.inferred,
                parent: s.parent,
                run_in: s.run_in,
            })
            .collect(),
        indicators: a
            .indicators
            .iter()
            .map(|i| JsonIndicator {
                text: slice(i.span),
                start: off.get(i.span.start),
                end: off.get(i.span.end),
                value: i.value,
                high: i.high,
                unit: &i.unit,
                normalized: i.normalized,
                normalized_unit: &i.normalized_unit,
                kind: i.kind.as_str(),
                approx: i.approx,
                direction: i.direction,
                basis: i.basis,
                subject: &i.subject,
                section: i.section,
            })
            .collect(),
        diagnostics: a
            .diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                code: d.code.as_str(),
                severity: d.severity,
                message: &d.message,
                start: off.get(d.span.start),
                end: off.get(d.span.end),
                spans: d
                    .spans
                    .iter()
                    .map(|s| [off.get(s.start), off.get(s.end)])
                    .collect(),
                confidence: d.confidence,
                fix: d.fix.as_deref(),
            })
            .collect(),
        chrome: a
            .chrome
            .iter()
            .map(|s| [off.get(s.start), off.get(s.end)])
            .collect(),
        parts: a
            .parts
            .iter()
            .map(|p| JsonPart {
                id: p.id,
                status: p.status.as_str(),
                required: p.required,
                start: p.span.map(|s| off.get(s.start)),
                end: p.span.map(|s| off.get(s.end)),
                evidence: &p.evidence,
            })
            .collect(),
        coverage: JsonCoverage {
            outline: a.tasks.outline,
            outline_title: a.tasks.outline_title,
            score: a.tasks.score,
            parts: &a.tasks.parts,
            tasks: a
                .tasks
                .tasks
                .iter()
                .map(|t| JsonTask {
                    part: t.part,
                    number: t.number,
                    label: &t.label,
                    title: t.title,
                    title_verified: t.title_verified,
                    status: t.status.as_str(),
                    applies: t.applies,
                    evidence: &t.evidence,
                    spans: t
                        .spans
                        .iter()
                        .map(|s| [off.get(s.start), off.get(s.end)])
                        .collect(),
                })
                .collect(),
            areas: a
                .coverage
                .iter()
                .map(|c| JsonArea {
                    area: c.area,
                    name: c.name,
                    score: c.score,
                    sections: &c.sections,
                    phrases: &c.phrases,
                })
                .collect(),
        },
    };
    write(&report).unwrap_or_else(|_| "{}".to_string())
}

/// `report` as `serde_json::to_string` writes it, sections and indicators by [`Writer`].
fn write_report(r: &JsonReport) -> serde_json::Result<String> {
    let mut w = Writer {
        // About 230 bytes an indicator and 180 a section (10 MB: 12.9 MB of JSON).
        out: String::with_capacity(4096 + 240 * r.indicators.len() + 190 * r.sections.len()),
        scratch: Vec::new(),
    };
    w.raw("{\"version\":");
    w.uint(r.version as usize);
    w.raw(",\"meta\":");
    w.raw(&serde_json::to_string(&r.meta)?);
    w.raw(",\"sections\":");
    w.array(&r.sections, Writer::section);
    w.raw(",\"indicators\":");
    w.array(&r.indicators, Writer::indicator);
    w.raw(",\"diagnostics\":");
    w.raw(&serde_json::to_string(&r.diagnostics)?);
    w.raw(",\"chrome\":");
    w.raw(&serde_json::to_string(&r.chrome)?);
    w.raw(",\"parts\":");
    w.raw(&serde_json::to_string(&r.parts)?);
    w.raw(",\"coverage\":");
    w.raw(&serde_json::to_string(&r.coverage)?);
    w.raw("}");
    Ok(w.out)
}

/// The path of section titles from the top down to section `i`: `一、… / (二)…`.
pub fn section_path(a: &Analysis, i: Option<usize>) -> String {
    present::path_label(a, i)
}

/// Quotes a CSV field when needed (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The CSV header row (with a UTF-8 BOM so that Excel on Chinese Windows reads UTF-8).
pub const CSV_HEADER: &str =
    "\u{feff}文件,序号,章节,指标原文,主题,数值,单位,类型,约数,方向,比较基准,起,止\r\n";

/// Indicators as CSV, one row each; the header (with BOM) when `with_header`.
/// Offsets are code points, as in the JSON contract.
pub fn to_csv(file: &str, text: &str, a: &Analysis, with_header: bool) -> String {
    let off = CharOffsets::new(text, a);
    let mut out = String::new();
    if with_header {
        out.push_str(CSV_HEADER);
    }
    for (n, i) in a.indicators.iter().enumerate() {
        let row = [
            csv_field(file),
            (n + 1).to_string(),
            csv_field(&section_path(a, i.section)),
            csv_field(text.get(i.span.start..i.span.end).unwrap_or("")),
            csv_field(&i.subject),
            format_value(i.value),
            csv_field(&i.unit),
            i.kind.label().to_string(),
            i.approx.unwrap_or("").to_string(),
            i.direction.map_or("", present::direction_short).to_string(),
            i.basis.unwrap_or("").to_string(),
            off.get(i.span.start).to_string(),
            off.get(i.span.end).to_string(),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Report text is data, not markup: Markdown's active characters are backslash-escaped so that
/// a title such as `[x](javascript:…)` or `<img …>` stays text in any Markdown viewer.
fn markdown_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '('
                | ')'
                | '<'
                | '>'
                | '#'
                | '|'
                | '!'
                | '{'
                | '}'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The outline as a nested Markdown list (inferred markers flagged), then the 纲要 tasks by
/// part with the tasks the report leaves out, and the form findings with their fixes.
pub fn to_markdown(a: &Analysis) -> String {
    let mut out = String::new();
    if let Some(t) = &a.meta.title {
        out.push_str(&format!("# {}\n\n", markdown_text(t)));
    }
    for s in &a.sections {
        let indent = "  ".repeat(s.level.saturating_sub(1) as usize);
        let flag = if s.inferred { "（序号已补）" } else { "" };
        out.push_str(&format!(
            "{indent}- {}{}{flag}\n",
            markdown_text(&s.marker),
            markdown_text(&s.title)
        ));
    }
    out.push_str(&format!(
        "\n## 纲要任务\n\n对照{}",
        markdown_text(&present::outline_line(a))
    ));
    if let Some(score) = a.tasks.score {
        out.push_str(&format!("，得分 {score}"));
    }
    out.push_str("\n\n");
    for p in &a.tasks.parts {
        out.push_str(&format!(
            "- {}{}：{} 分\n",
            p.label,
            markdown_text(p.title),
            p.score
        ));
        for t in a.tasks.tasks.iter().filter(|t| t.part == p.part) {
            out.push_str(&format!(
                "  - {}：{}\n",
                markdown_text(&present::task_label(t)),
                present::task_status_label(t)
            ));
        }
    }
    let absent: Vec<String> = a
        .tasks
        .absent()
        .map(|t| markdown_text(&present::task_label(t)))
        .collect();
    if a.tasks.outline.is_some() {
        out.push_str(&format!(
            "\n### 本报告未涉及的纲要任务（{} 项）\n\n",
            absent.len()
        ));
        for t in absent {
            out.push_str(&format!("- {t}\n"));
        }
    }
    let form: Vec<_> = a.diagnostics.iter().filter(|d| d.code.is_form()).collect();
    if !form.is_empty() {
        out.push_str("\n## 公文格式\n\n");
        for d in form {
            let fix = d
                .fix
                .as_deref()
                .map_or(String::new(), |f| format!(" → 建议：{}", markdown_text(f)));
            out.push_str(&format!(
                "- ［{}］{}{fix}\n",
                d.code.label(),
                markdown_text(&d.message)
            ));
        }
    }
    out
}

/// Outline tree and indicator table, readable by people (and diffable in golden tests).
pub fn to_table(text: &str, a: &Analysis) -> String {
    let mut out = String::new();
    let m = &a.meta;
    out.push_str("== 基本信息\n");
    out.push_str(&format!("标题: {}\n", m.title.as_deref().unwrap_or("-")));
    out.push_str(&format!(
        "年度: {}  发布: {}  发布机关: {}  字数: {}\n",
        m.year.map_or("-".to_string(), |y| y.to_string()),
        m.published.as_deref().unwrap_or("-"),
        m.issuer.as_deref().unwrap_or("-"),
        m.chars
    ));
    let sig = present::signature_line(m).unwrap_or_else(|| "-".to_string());
    out.push_str(&format!(
        "类型: {}  落款: {sig}\n",
        m.kind.map_or("-", |k| k.label())
    ));
    out.push_str(&format!("\n== 提纲 ({} 项)\n", a.sections.len()));
    for (i, s) in a.sections.iter().enumerate() {
        let indent = "  ".repeat(s.level.saturating_sub(1) as usize);
        let flag = if s.inferred { " [补]" } else { "" };
        let run = if s.run_in { " [段内]" } else { "" };
        out.push_str(&format!(
            "{i:>3} {indent}{} {}{flag}{run}\n",
            s.marker, s.title
        ));
    }
    out.push_str(&format!("\n== 指标 ({} 项)\n", a.indicators.len()));
    for i in &a.indicators {
        let t = text.get(i.span.start..i.span.end).unwrap_or("");
        let sec = i.section.map_or("-".to_string(), |s| s.to_string());
        let extra = [
            i.approx.map(|x| format!("约数:{x}")),
            i.direction.map(|d| format!("方向:{d:?}")),
            i.basis.map(|b| format!("基准:{b}")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        out.push_str(&format!(
            "{sec:>3} | {t} | {} {} | {} | {} {extra}\n",
            format_value(i.value),
            i.unit,
            i.kind.label(),
            i.subject
        ));
    }
    out.push_str("\n== 必备部分\n");
    for p in &a.parts {
        let at = match (p.via, p.section, p.span) {
            (Some(crate::model::Via::Heading), Some(k), _) => format!("标题 #{k}"),
            (_, _, Some(s)) => {
                let t: String = crate::text::without_pinyin(text.get(s.start..s.end).unwrap_or(""))
                    .lines()
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(16)
                    .collect();
                format!("段落 “{t}…”")
            }
            _ => "-".to_string(),
        };
        out.push_str(&format!(
            "{} {} | {} | {at} | {}\n",
            p.id,
            p.name,
            present::part_status_label(p),
            p.evidence.join("、")
        ));
    }
    out.push_str(&format!("\n== 纲要任务 | {}", present::outline_line(a)));
    if let Some(score) = a.tasks.score {
        out.push_str(&format!(" | 得分 {score}"));
    }
    out.push('\n');
    for p in &a.tasks.parts {
        out.push_str(&format!(
            "{}{} | {:>3} | 已落实 {} 提及 {} / {}\n",
            p.label, p.title, p.score, p.addressed, p.mentioned, p.tasks
        ));
        for t in a.tasks.tasks.iter().filter(|t| t.part == p.part) {
            out.push_str(&format!(
                "    {} | {} | {}\n",
                present::task_status_label(t),
                present::task_label(t),
                t.evidence.join("、")
            ));
        }
    }
    if a.tasks.outline.is_some() {
        let absent: Vec<&str> = a.tasks.absent().map(|t| t.label.as_str()).collect();
        out.push_str(&format!(
            "本报告未涉及的纲要任务 ({} 项): {}\n",
            absent.len(),
            absent.join(" ")
        ));
    }
    out.push_str(&format!(
        "\n== 纲要覆盖 (满分{}分, 同一词语最多计{}次)\n",
        crate::checks::coverage::FULL_POINTS,
        crate::checks::coverage::PHRASE_CAP
    ));
    for c in &a.coverage {
        let flag = if c.score == 0 { " [未涉及]" } else { "" };
        let phrases = c
            .phrases
            .iter()
            .map(|h| format!("{}×{}", h.text, h.count))
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&format!(
            "{} {:>3} | {}{flag} | 章节 {} | {phrases}\n",
            c.area,
            c.score,
            c.name,
            c.sections.len()
        ));
    }
    out.push_str(&format!("\n== 诊断 ({} 项)\n", a.diagnostics.len()));
    for d in &a.diagnostics {
        let conf = d
            .confidence
            .map_or(String::new(), |c| format!(" (置信度{c:.1})"));
        let fix = d
            .fix
            .as_deref()
            .map_or(String::new(), |f| format!(" → 建议: {f}"));
        let at = if d.code.is_form() {
            let t: String = text
                .get(d.span.start..d.span.end)
                .unwrap_or("")
                .chars()
                .take(40)
                .collect();
            format!(" “{t}”")
        } else {
            String::new()
        };
        out.push_str(&format!(
            "[{}] {} {}{conf}{at}{fix}\n",
            d.severity.label(),
            d.code.as_str(),
            d.message
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hand_written_json_is_serde_json_s() {
        let mut texts: Vec<String> = std::fs::read_dir("tests/fixtures")
            .expect("fixtures")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| std::fs::read_to_string(p).expect("UTF-8 fixture"))
            .collect();
        // Strings to escape, a null section and direction, a range, a negative change.
        texts.push(
            "一、\"总\"\\体\t情况\n全区\u{1}精简\"64\"项材料，同比下降14.7%，3至5个工作日。\n\u{7f}办复率100%".into(),
        );
        for t in &texts {
            let a = crate::analyze(t);
            assert!(!a.indicators.is_empty());
            let serde = contract_json(t, &a, |r| serde_json::to_string(r));
            assert_eq!(to_json(t, &a), serde);
        }
        let mut w = Writer {
            out: String::new(),
            scratch: Vec::new(),
        };
        for c in (0..=0x7f)
            .filter_map(char::from_u32)
            .chain(['中', '\u{2028}', '😀'])
        {
            for s in [
                c.to_string(),
                format!("法治政府建设{c}"),
                format!("{c}实施纲要"),
            ] {
                w.out.clear();
                w.str(&s);
                assert_eq!(w.out, serde_json::to_string(&s).unwrap(), "{c:?}");
            }
        }
        for n in [0, 7, 10, 99, 100, 123_456_789, usize::MAX] {
            w.out.clear();
            w.uint(n);
            assert_eq!(w.out, n.to_string());
        }
    }

    #[test]
    fn char_offsets_find_every_offset_in_any_order() {
        let bytes: Vec<usize> = (0..200).map(|i| i * 3 + i % 2).collect();
        let off = CharOffsets {
            chars: (0..bytes.len()).map(|i| i + 1).collect(),
            bytes: bytes.clone(),
            last: std::cell::Cell::new(0),
        };
        // Forward, backward, jumps, and offsets that are not there (0 as before).
        let mut order: Vec<usize> = (0..650).collect();
        order.extend((0..650).rev());
        order.extend((0..650).map(|i| i * 37 % 650));
        for b in order {
            let want = bytes.binary_search(&b).map_or(0, |i| i + 1);
            assert_eq!(off.get(b), want, "{b}");
        }
    }

    #[test]
    fn markdown_escapes_report_text() {
        let t = "一、加强[x](javascript.alert)建设\n(一)<img src=x onerror=alert(1)>";
        let md = to_markdown(&crate::analyze(t));
        assert!(md.contains(r"加强\[x\]\(javascript.alert\)建设"), "{md}");
        assert!(md.contains(r"\<img src=x onerror=alert\(1\)\>"), "{md}");
        assert!(md.contains(r"  - \(一\)"), "{md}");
    }
}
