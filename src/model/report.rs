//! The report as a whole: [`Analysis`], its [`Meta`] and [`Signature`].

use super::{AreaCoverage, Diagnostic, Indicator, Part, Section, TaskCoverage};
use crate::text::{Script, Span};
use serde::Serialize;

/// Version of the JSON contract written by [`crate::output::export::to_json`].
pub const CONTRACT_VERSION: u32 = 4;

/// Everything report-lens finds in one report (`Default`: nothing found, as the page holds
/// it before its first analysis).
#[derive(Clone, Debug, Default, Serialize)]
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
    /// The tasks of the 纲要 chosen by the report's year, and the scores.
    pub tasks: TaskCoverage,
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
    /// Where the publication date is (its line, or the signature's date line).
    #[serde(skip)]
    pub published_span: Option<Span>,
    /// True when `year` was guessed from the publication date (the year before it), not read
    /// from the title or the text.
    #[serde(skip)]
    pub year_from_published: bool,
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
