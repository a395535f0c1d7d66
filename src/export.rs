//! Exports: the JSON contract, CSV for Excel, a readable table, a Markdown outline.
//!
//! The JSON contract (version [`CONTRACT_VERSION`]) is what the CLI prints and the web page
//! downloads. All its offsets are **Unicode code-point offsets** into the text as given, so
//! that `text[start:end]` in Python equals the reported `text`.

use crate::analysis::{Analysis, CONTRACT_VERSION};
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
}

#[derive(Serialize)]
struct JsonMeta<'a> {
    title: Option<&'a str>,
    year: Option<u16>,
    published: Option<&'a str>,
    issuer: Option<&'a str>,
    script: Option<crate::text::Script>,
    chars: usize,
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
    unit: &'a str,
    kind: &'static str,
    approx: Option<&'static str>,
    direction: Option<crate::analysis::Direction>,
    basis: Option<&'static str>,
    subject: &'a str,
    section: Option<usize>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    severity: crate::analysis::Severity,
    message: &'a str,
    start: usize,
    end: usize,
}

/// Converts every span of `a` to code-point offsets with one pass over `text`.
struct CharOffsets {
    bytes: Vec<usize>,
    chars: Vec<usize>,
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
        a.diagnostics.iter().for_each(|d| add(d.span));
        a.chrome.iter().for_each(|&s| add(s));
        bytes.sort_unstable();
        bytes.dedup();
        let chars = byte_to_char_offsets(text, &bytes);
        CharOffsets { bytes, chars }
    }

    fn get(&self, b: usize) -> usize {
        match self.bytes.binary_search(&b) {
            Ok(i) => self.chars[i],
            Err(_) => 0,
        }
    }
}

/// The JSON contract for one report, on one line.
pub fn to_json(text: &str, a: &Analysis) -> String {
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
                unit: &i.unit,
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
                code: d.code,
                severity: d.severity,
                message: &d.message,
                start: off.get(d.span.start),
                end: off.get(d.span.end),
            })
            .collect(),
        chrome: a
            .chrome
            .iter()
            .map(|s| [off.get(s.start), off.get(s.end)])
            .collect(),
    };
    serde_json::to_string(&report).unwrap_or_else(|_| "{}".to_string())
}

/// The path of section titles from the top down to section `i`: `一、… / (二)…`.
pub fn section_path(a: &Analysis, i: Option<usize>) -> String {
    let mut parts = Vec::new();
    let mut cur = i;
    while let Some(k) = cur {
        let Some(s) = a.sections.get(k) else { break };
        parts.push(format!("{}{}", s.marker, s.title));
        cur = s.parent;
        if parts.len() > 64 {
            break;
        }
    }
    parts.reverse();
    parts.join(" / ")
}

/// Quotes a CSV field when needed (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Formats a value without a useless fraction: `64`, `9.747`.
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
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
            match i.direction {
                Some(crate::analysis::Direction::Up) => "增".to_string(),
                Some(crate::analysis::Direction::Down) => "减".to_string(),
                None => String::new(),
            },
            i.basis.unwrap_or("").to_string(),
            off.get(i.span.start).to_string(),
            off.get(i.span.end).to_string(),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The outline as a nested Markdown list; inferred markers are flagged.
pub fn to_markdown(a: &Analysis) -> String {
    let mut out = String::new();
    if let Some(t) = &a.meta.title {
        out.push_str(&format!("# {t}\n\n"));
    }
    for s in &a.sections {
        let indent = "  ".repeat(s.level.saturating_sub(1) as usize);
        let flag = if s.inferred { "（序号已补）" } else { "" };
        out.push_str(&format!("{indent}- {}{}{flag}\n", s.marker, s.title));
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
    out.push_str(&format!("\n== 诊断 ({} 项)\n", a.diagnostics.len()));
    for d in &a.diagnostics {
        out.push_str(&format!(
            "[{}] {} {}\n",
            d.severity.label(),
            d.code,
            d.message
        ));
    }
    out
}
