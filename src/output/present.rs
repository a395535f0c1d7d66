//! How results are worded for people, once, for the CLI and the web page alike: values,
//! section paths, labels, the title and signature lines, counts by kind.
//!
//! Anything both front ends show comes from here (or from a `label()` on the model types:
//! [`crate::Kind::label`], [`crate::Severity::label`], [`crate::Code::label`],
//! [`crate::model::PartStatus::label`]), so that a figure reads the same in a CSV row, a
//! terminal table and a tooltip.
//!
//! ```
//! use report_lens::output::present;
//! let a = report_lens::analyze("一、总体情况\n（一）基本数据\n全年办理案件64件，同比上升14.70%。");
//! assert_eq!(present::path_label(&a, Some(1)), "一、总体情况 / （一）基本数据");
//! assert_eq!(present::format_value(14.70), "14.7");
//! assert_eq!(present::format_signed(6.0), "+6");
//! assert_eq!(present::title(&a.meta, Some("报告.txt")), "报告.txt");
//! ```

use crate::model::{Analysis, Direction, Kind, Meta, Severity};
use serde::Serialize;

/// A value without a useless fraction (at most six decimals): `64`, `9.747`, `0.5`.
pub use crate::lex::numeral::format_value;

/// Between the sections of a path: `一、… / （二）…`.
pub const PATH_SEPARATOR: &str = " / ";

/// Shown when a report has neither a title nor a file name.
pub const UNTITLED: &str = "未命名报告";

/// A value with its sign: `+6`, `-3.5`, `0`.
pub fn format_signed(v: f64) -> String {
    if v > 0.0 {
        format!("+{}", format_value(v))
    } else if v == 0.0 {
        "0".to_string()
    } else {
        format_value(v)
    }
}

/// A relative change as a signed percentage with one decimal: `+25.0%`, `-3.2%`.
pub fn format_percent_change(ratio: f64) -> String {
    format!("{:+.1}%", ratio * 100.0)
}

/// A section's marker and title: `（一）基本数据`.
pub fn section_label(a: &Analysis, section: usize) -> String {
    a.sections
        .get(section)
        .map(|s| format!("{}{}", s.marker, s.title))
        .unwrap_or_default()
}

/// The chain of sections from the top level down to `section` (empty when out of range).
pub fn section_path(a: &Analysis, section: usize) -> Vec<usize> {
    let mut path = Vec::new();
    let mut at = Some(section).filter(|&s| s < a.sections.len());
    while let Some(s) = at {
        path.push(s);
        // Parents precede children; anything else would be a cycle.
        at = a.sections[s].parent.filter(|&p| p < s);
    }
    path.reverse();
    path
}

/// The labels of [`section_path`] joined by [`PATH_SEPARATOR`]; empty for `None`.
pub fn path_label(a: &Analysis, section: Option<usize>) -> String {
    let Some(s) = section else {
        return String::new();
    };
    let labels: Vec<String> = section_path(a, s)
        .into_iter()
        .map(|k| section_label(a, k))
        .collect();
    labels.join(PATH_SEPARATOR)
}

/// The title to show: the report's own, else the file name, else [`UNTITLED`].
pub fn title(meta: &Meta, file_name: Option<&str>) -> String {
    meta.title
        .clone()
        .or_else(|| file_name.map(str::to_string))
        .unwrap_or_else(|| UNTITLED.to_string())
}

/// The signature block as one line, `梅列区人民政府 2020-01-10`; `None` when it says nothing.
pub fn signature_line(meta: &Meta) -> Option<String> {
    let s = meta.signature.as_ref()?;
    let parts: Vec<&str> = [s.issuer.as_deref(), s.date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A change's direction in words: `上升`, `下降`.
pub fn direction_label(d: Direction) -> &'static str {
    match d {
        Direction::Up => "上升",
        Direction::Down => "下降",
    }
}

/// A change's direction in one character, for tables and CSV: `增`, `减`.
pub fn direction_short(d: Direction) -> &'static str {
    match d {
        Direction::Up => "增",
        Direction::Down => "减",
    }
}

/// A change's direction as an arrow: `↑`, `↓`.
pub fn direction_arrow(d: Direction) -> &'static str {
    match d {
        Direction::Up => "↑",
        Direction::Down => "↓",
    }
}

/// A severity's stable name, as in the JSON: `info`, `warning`, `error`.
pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

/// Qualifiers written after the number (`1000余`, `30多`, `90%以上`); the others come
/// before it (`约`, `近`, `超过`).
pub fn qualifier_follows(q: &str) -> bool {
    matches!(
        q,
        "余" | "多" | "以上" | "以下" | "以内" | "左右" | "上下" | "有余" | "来"
    )
}

/// Indicators counted by [`Kind`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KindCounts {
    /// 数量
    pub count: usize,
    /// 比率
    pub rate: usize,
    /// 金额
    pub money: usize,
    /// 时长
    pub duration: usize,
    /// 增减
    pub change: usize,
    /// 其他
    pub other: usize,
}

impl KindCounts {
    /// The indicators of `a`, counted.
    pub fn of(a: &Analysis) -> KindCounts {
        let mut counts = KindCounts::default();
        a.indicators.iter().for_each(|i| counts.add(i.kind));
        counts
    }

    /// The count of one kind.
    pub fn get(&self, k: Kind) -> usize {
        match k {
            Kind::Count => self.count,
            Kind::Rate => self.rate,
            Kind::Money => self.money,
            Kind::Duration => self.duration,
            Kind::Change => self.change,
            Kind::Other => self.other,
        }
    }

    fn add(&mut self, k: Kind) {
        let slot = match k {
            Kind::Count => &mut self.count,
            Kind::Rate => &mut self.rate,
            Kind::Money => &mut self.money,
            Kind::Duration => &mut self.duration,
            Kind::Change => &mut self.change,
            Kind::Other => &mut self.other,
        };
        *slot += 1;
    }
}

/// Which 纲要 the report is held against, in words: `《法治政府建设实施纲要（2021—2025年）》`,
/// or why none applies.
pub fn outline_line(a: &Analysis) -> String {
    match a.tasks.outline_title {
        Some(t) => format!("《{t}》"),
        None => "报告年度早于2016年，无适用的法治政府建设实施纲要".to_string(),
    }
}

/// A required part's verdict in words: `具备`, `缺失`, or for a report before 2019
/// `未要求（2019年前）` in place of 缺失 and `（参考）` after the others.
pub fn part_status_label(p: &crate::model::Part) -> String {
    match (p.required, p.status) {
        (true, s) => s.label().to_string(),
        (false, crate::model::PartStatus::Missing) => "未要求（2019年前）".to_string(),
        (false, s) => format!("{}（参考）", s.label()),
    }
}

/// A task's label and title, the title marked when its wording is not verified:
/// `（二十七）全面主动落实政务公开`, `（七）加强重要领域立法（题名待核）`.
pub fn task_label(t: &crate::model::TaskVerdict) -> String {
    let mark = if t.title_verified {
        ""
    } else {
        "（题名待核）"
    };
    format!("{}{}{mark}", t.label, t.title)
}

/// A task's status in words; `不适用` for a task that does not apply to the report.
pub fn task_status_label(t: &crate::model::TaskVerdict) -> &'static str {
    if t.applies {
        t.status.label()
    } else {
        "不适用（无立法权）"
    }
}
