//! Findings: [`Diagnostic`], its [`Code`] and [`Severity`].

use crate::text::Span;
use serde::Serialize;

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
    /// What kind of finding; written as its stable name (`numbering-gap`) in the JSON.
    pub code: Code,
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
    /// The suggested text to put in place of `span` (form checks), when there is one.
    pub fix: Option<String>,
}

/// The kinds of finding. Each owns its stable name (the JSON `code`), its Chinese label and
/// the severity of a problem of its kind; a figure check that finds figures consistent
/// reports [`Severity::Info`] under the same code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// A heading number is skipped (`一、` then `三、`), or a list does not start at one.
    NumberingGap,
    /// A lost heading marker was supplied from context.
    NumberingRepaired,
    /// A heading number occurs twice in a row.
    NumberingDuplicate,
    /// A heading number goes backwards.
    NumberingOrder,
    /// A list starts again from one.
    NumberingRestart,
    /// Parts against their stated total (see [`crate::checks::figures`]).
    FigureSum,
    /// A rate against the counts it is computed from.
    FigureRate,
    /// A value outside its possible range, or a change against its direction word.
    FigureRange,
    /// The same quantity stated with two values.
    FigureConflict,
    /// A year that does not fit the year the report covers.
    YearMismatch,
    /// Made public after 4月1日 of the following year (督察工作规定 第二十四条).
    LatePublication,
    /// A 发文字号 not in the form `〔2017〕2号` (GB/T 9704 §7.2.5).
    FormDocNumber,
    /// A 书名号 inside a 书名号: the inner one is `〈〉` (GB/T 15834 §4.15.3.5).
    FormNestedTitle,
    /// Two approximations on one figure (`近1600余件`).
    FormDoubleApprox,
    /// A range that drops `%`, 万 or 亿 on its first value (GB/T 15835 §5.1.3).
    FormRangeUnit,
    /// 法制 for 法治 (`法制政府`).
    FormFazhi,
    /// A 纲要 title with wrong years or a lost dash.
    FormOutlineTitle,
    /// A congress or plenum ordinal in Arabic digits (GB/T 15835 §4.3).
    FormOrdinal,
    /// A doubled function character (`的的`).
    FormDoubledChar,
    /// A heading alone on its line that ends in `。` (GB/T 15834 B.4).
    FormHeadingStop,
    /// Half-width punctuation in Chinese prose, counted once per document.
    FormHalfWidth,
    /// `1、` heading markers, counted once per document (GB/T 15834 B.3.3).
    FormListMarker,
    /// The text looks machine-recognised (OCR): single spaces between Chinese characters were
    /// ignored ([`crate::text::spacing`]), and figures may carry recognition errors. Once per
    /// document.
    OcrText,
}

impl Code {
    /// Every code, in display order.
    pub const ALL: [Code; 23] = [
        Code::NumberingGap,
        Code::NumberingRepaired,
        Code::NumberingDuplicate,
        Code::NumberingOrder,
        Code::NumberingRestart,
        Code::FigureSum,
        Code::FigureRate,
        Code::FigureRange,
        Code::FigureConflict,
        Code::YearMismatch,
        Code::LatePublication,
        Code::FormDocNumber,
        Code::FormNestedTitle,
        Code::FormDoubleApprox,
        Code::FormRangeUnit,
        Code::FormFazhi,
        Code::FormOutlineTitle,
        Code::FormOrdinal,
        Code::FormDoubledChar,
        Code::FormHeadingStop,
        Code::FormHalfWidth,
        Code::FormListMarker,
        Code::OcrText,
    ];

    /// The stable name written in the JSON and CSV (`numbering-gap`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::NumberingGap => "numbering-gap",
            Code::NumberingRepaired => "numbering-repaired",
            Code::NumberingDuplicate => "numbering-duplicate",
            Code::NumberingOrder => "numbering-order",
            Code::NumberingRestart => "numbering-restart",
            Code::FigureSum => "figure-sum",
            Code::FigureRate => "figure-rate",
            Code::FigureRange => "figure-range",
            Code::FigureConflict => "figure-conflict",
            Code::YearMismatch => "year-mismatch",
            Code::LatePublication => "late-publication",
            Code::FormDocNumber => "form-doc-number",
            Code::FormNestedTitle => "form-nested-title",
            Code::FormDoubleApprox => "form-double-approx",
            Code::FormRangeUnit => "form-range-unit",
            Code::FormFazhi => "form-fazhi",
            Code::FormOutlineTitle => "form-outline-title",
            Code::FormOrdinal => "form-ordinal",
            Code::FormDoubledChar => "form-doubled-char",
            Code::FormHeadingStop => "form-heading-stop",
            Code::FormHalfWidth => "form-half-width",
            Code::FormListMarker => "form-list-marker",
            Code::OcrText => "ocr-text",
        }
    }

    /// The Chinese label shown to users (`编号`, `分项合计` …).
    pub fn label(self) -> &'static str {
        match self {
            Code::NumberingGap
            | Code::NumberingRepaired
            | Code::NumberingDuplicate
            | Code::NumberingOrder
            | Code::NumberingRestart => "编号",
            Code::FigureSum => "分项合计",
            Code::FigureRate => "比率核算",
            Code::FigureRange => "数值范围",
            Code::FigureConflict => "数字矛盾",
            Code::YearMismatch => "年份",
            Code::LatePublication => "公开时间",
            Code::FormDocNumber => "发文字号",
            Code::FormNestedTitle => "书名号",
            Code::FormDoubleApprox => "约数叠用",
            Code::FormRangeUnit => "范围单位",
            Code::FormFazhi => "法治用语",
            Code::FormOutlineTitle => "纲要名称",
            Code::FormOrdinal => "届次数字",
            Code::FormDoubledChar => "重复字",
            Code::FormHeadingStop => "标题标点",
            Code::FormHalfWidth => "半角标点",
            Code::FormListMarker => "序号格式",
            Code::OcrText => "OCR 识别",
        }
    }

    /// The severity of a problem of this kind.
    pub fn severity(self) -> Severity {
        match self {
            Code::FormHalfWidth | Code::FormListMarker | Code::OcrText => Severity::Info,
            _ => Severity::Warning,
        }
    }

    /// True for the form checks (`form-…`, [`crate::model`] docs: 公文审校).
    pub fn is_form(self) -> bool {
        self.as_str().starts_with("form-")
    }

    /// True for the numbering codes (outline findings), false for the other checks.
    pub fn is_numbering(self) -> bool {
        self.as_str().starts_with("numbering")
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
