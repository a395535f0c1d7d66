//! The result of analysing one report, and [`analyze`], the one entry point.
//!
//! `analyze` is infallible: any string gives an [`Analysis`]; problems in the report are
//! [`Diagnostic`]s inside it. All spans are byte ranges into the text as given.

use crate::coverage::{self, AreaCoverage};
use crate::document::{self, Document};
use crate::figures;
use crate::indicator;
use crate::outline;
use crate::parts::{self, Part};
use crate::text::{Normalized, Script, Span};
use serde::Serialize;

/// Version of the JSON contract written by [`crate::export::to_json`].
pub const CONTRACT_VERSION: u32 = 2;

/// Everything report-lens finds in one report.
#[derive(Clone, Debug, Serialize)]
pub struct Analysis {
    /// Title, year, dates, issuer, script, length.
    pub meta: Meta,
    /// Headings in document order; `parent` links form the tree.
    pub sections: Vec<Section>,
    /// Quantitative indicators in document order.
    pub indicators: Vec<Indicator>,
    /// Numbering problems and other findings, in document order.
    pub diagnostics: Vec<Diagnostic>,
    /// Lines of page chrome (navigation, counters, footers): shown dimmed, never analysed.
    pub chrome: Vec<Span>,
    /// The five required parts P1–P5, in order.
    pub parts: Vec<Part>,
    /// Coverage of the 纲要 areas A1–A9, in order.
    pub coverage: Vec<AreaCoverage>,
}

/// Report metadata.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Meta {
    /// The report's title line, as written.
    pub title: Option<String>,
    /// Where the title is.
    #[serde(skip)]
    pub title_span: Option<Span>,
    /// The year the report covers (from the title, else the first sentence).
    pub year: Option<u16>,
    /// Publication date `YYYY-MM-DD` (or `YYYY-MM`), from a 发布时间 line or the signature.
    pub published: Option<String>,
    /// The issuing body, from the signature block, the title or a 来源 line.
    pub issuer: Option<String>,
    /// Where the issuer is named.
    #[serde(skip)]
    pub issuer_span: Option<Span>,
    /// Script of the text.
    pub script: Option<Script>,
    /// Length in Unicode code points.
    pub chars: usize,
    /// Kind of report, from the title.
    pub kind: Option<ReportKind>,
    /// The signature block at the end (issuer and date lines).
    pub signature: Option<Signature>,
}

/// Kinds of report, told apart by the title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ReportKind {
    /// `…法治政府建设年度报告`, `…法治政府建设情况报告`, `…法治政府建设工作报告`.
    #[serde(rename = "法治政府建设年度报告")]
    RuleOfLawGovernment,
    /// `…依法行政工作报告`, `…依法行政情况报告`.
    #[serde(rename = "依法行政工作报告")]
    LawfulAdministration,
    /// Any other title (`法治建设工作总结`, `述法报告`).
    #[serde(rename = "other")]
    Other,
}

impl ReportKind {
    /// The kind named by a title (normalised view): `法治政府` and `报告` make the annual
    /// report, `依法行政` and `报告` the older 依法行政工作报告; anything else is other.
    pub fn of_title(title: &str) -> ReportKind {
        if title.contains("法治政府") && title.contains("报告") {
            ReportKind::RuleOfLawGovernment
        } else if title.contains("依法行政") && title.contains("报告") {
            ReportKind::LawfulAdministration
        } else {
            ReportKind::Other
        }
    }

    /// The label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            ReportKind::RuleOfLawGovernment => "法治政府建设年度报告",
            ReportKind::LawfulAdministration => "依法行政工作报告",
            ReportKind::Other => "其他",
        }
    }
}

/// The signature block: issuer line and date line at the end of the report.
#[derive(Clone, Debug, Serialize)]
pub struct Signature {
    /// The issuing body as written (`梅列区人民政府`), when a line names it.
    pub issuer: Option<String>,
    /// The date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// From the issuer line (or the date line) to the end of the date line.
    pub span: Span,
}

/// One heading and the section it opens.
#[derive(Clone, Debug, Serialize)]
pub struct Section {
    /// Nesting depth, 1 = top level.
    pub level: u8,
    /// The marker as written (`一、`, `（二）`, `1.`, `一是`); repaired markers are
    /// completed (`二、`) and flagged `inferred`.
    pub marker: String,
    /// Heading text after the marker, as written.
    pub title: String,
    /// Marker and title.
    pub heading: Span,
    /// The title alone.
    pub title_span: Span,
    /// From the heading to the next heading of the same or a higher level.
    pub span: Span,
    /// True when the marker was repaired or supplied from context.
    pub inferred: bool,
    /// Index of the enclosing section.
    pub parent: Option<usize>,
    /// True for run-in headings inside a paragraph (一是…, inline 1.…).
    pub run_in: bool,
    /// The marker's family and number, for numbering checks and comparisons.
    #[serde(skip)]
    pub ordinal: Ordinal,
}

/// A heading marker's family and its number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ordinal {
    /// Marker family.
    pub family: Family,
    /// 1-based number (一 → 1); 0 for families without numbers (—— dashes, lost markers).
    pub number: u32,
}

/// Families of heading markers; see [`crate::outline`] for the grammar of each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Family {
    /// `一、` `二.` `三，`
    #[default]
    CnComma,
    /// `第一，` `第二部分` `第三章`
    CnOrdinal,
    /// `(一)` `（二）` `㈢`
    CnParen,
    /// `1.` `2、` `3．`
    Digit,
    /// `(1)` `（2）` `⑶`
    DigitParen,
    /// `1)` `2）`
    DigitHalfParen,
    /// `①`
    Circled,
    /// `A.` `b、`
    Latin,
    /// Run-in `一是` `二是`
    Shi,
    /// `——` dash items
    Dash,
    /// A heading line whose marker was lost entirely (level taken from context).
    Bare,
}

/// What an indicator measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Things counted: 64项, 1000余件, 十余次.
    Count,
    /// Shares and rates: 98.79%, 办复率100%.
    Rate,
    /// Amounts of money: 9.747万元.
    Money,
    /// Time spans: 3.5个工作日, 40学时.
    Duration,
    /// A change against a basis: 同比下降14.7%, 提高5.17个百分点.
    Change,
    /// Anything else with a unit: 1200平方米.
    Other,
}

impl Kind {
    /// All kinds, in display order.
    pub const ALL: [Kind; 6] = [
        Kind::Count,
        Kind::Rate,
        Kind::Money,
        Kind::Duration,
        Kind::Change,
        Kind::Other,
    ];

    /// The contract name (`count`, `rate`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Rate => "rate",
            Kind::Money => "money",
            Kind::Duration => "duration",
            Kind::Change => "change",
            Kind::Other => "other",
        }
    }

    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Count => "数量",
            Kind::Rate => "比率",
            Kind::Money => "金额",
            Kind::Duration => "时长",
            Kind::Change => "增减",
            Kind::Other => "其他",
        }
    }
}

/// Direction of a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// 增长 上升 提高 增加
    Up,
    /// 下降 减少 降低 压缩
    Down,
}

/// One quantitative indicator.
#[derive(Clone, Debug, Serialize)]
pub struct Indicator {
    /// What a reviewer highlights: qualifiers, number, unit (`同比下降14.7%`, `1000余件`).
    pub span: Span,
    /// The numeric core (`14.7`, `1000`, `十`).
    pub number: Span,
    /// The number's value in the stated unit (`1.35亿元` → 1.35; `十余次` → 10).
    pub value: f64,
    /// Unit or measure word as normalised text (`项`, `%`, `万元`, `个工作日`).
    pub unit: String,
    /// Kind of quantity.
    pub kind: Kind,
    /// Approximation qualifier (`余`, `多`, `近`, `约`, `超过`, `以上`, …).
    pub approx: Option<&'static str>,
    /// For changes: up or down.
    pub direction: Option<Direction>,
    /// For changes: what it is compared with (`同比`, `比上年`, …).
    pub basis: Option<&'static str>,
    /// What is measured, from the words around the number, as written.
    pub subject: String,
    /// Where the subject's words are: before and after the figure (empty spans when none).
    #[serde(skip)]
    pub subject_spans: [Span; 2],
    /// Index of the innermost section containing it.
    pub section: Option<usize>,
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Worth checking.
    Warning,
    /// Almost certainly wrong.
    Error,
}

impl Severity {
    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

/// A finding about the report.
#[derive(Clone, Debug, Serialize)]
pub struct Diagnostic {
    /// Stable code: `numbering-gap`, `numbering-repaired`, `numbering-duplicate`,
    /// `numbering-order`, `numbering-restart`; figure checks `figure-sum`, `figure-rate`,
    /// `figure-range`, `figure-conflict`, `year-mismatch` (see [`crate::figures`]).
    pub code: &'static str,
    /// How serious.
    pub severity: Severity,
    /// Message in Chinese, for users.
    pub message: String,
    /// Where: the whole finding (for figure checks, from the first figure to the last).
    pub span: Span,
    /// Every figure involved (figure checks); empty for other findings.
    pub spans: Vec<Span>,
    /// How sure the check is, 0–1; `None` for findings that are certain by construction.
    pub confidence: Option<f32>,
}

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
    let hits = crate::cues::LineHits::new(&norm.text, &doc);
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
