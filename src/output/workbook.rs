//! A batch of reports as one Excel workbook (feature `xlsx`): the table a reviewer hands to
//! the leadership.
//!
//! | sheet | one row per | columns |
//! |---|---|---|
//! | 概览 | report | file, title, issuer, year, review status and note, required parts, task score and counts, figures, problems |
//! | 指标 | figure | report, section, subject, text, value, high end, unit, normalised value and unit, kind |
//! | 问题 | diagnostic | report, kind, level, message, passage, section, suggested fix |
//! | 纲要任务 | report | file, title, 纲要, score, then one column per task: 已落实 / 提及 / 未涉及 (on Excel's 好 / 适中 / 差 fills) / 不适用 |
//!
//! Counts, years, scores and values are number cells (they sum and sort in Excel); each sheet
//! has a bold frozen header, an autofilter and column widths fitted to its text (a CJK
//! character counts two). In 纲要任务 the tasks of each 纲要 present in the batch follow one
//! another (2021–2025 first); a report held against the other 纲要 leaves those cells empty.
//!
//! Written with `rust_xlsxwriter`: the maintained pure-Rust `.xlsx` writer, which runs on
//! wasm32. Its `Workbook::new` reads the clock for the file's creation date; on
//! wasm32-unknown-unknown, where `std::time::SystemTime::now` panics, the crate's `wasm`
//! feature (switched on for that target in `Cargo.toml`) reads `Date.now()` instead.
//!
//! ## Cost
//! 300 reports of 20 KB (the fixtures, repeated): `report-lens overview --format xlsx`
//! takes 1.3 s against 0.65 s for `--format csv` (release, 2 shared cores), and writes
//! 1.1 MB. On wasm32 the writer adds 694 KB to a binary (260 KB gzipped; `release-wasm`,
//! before wasm-opt), most of it zip's deflaters (zopfli, zlib-rs).
//!
//! ```
//! use report_lens::output::workbook::{self, Report};
//! let text = "一、依法全面履行政府职能\n全区已精简64项申报材料，办复率100%。";
//! let a = report_lens::analyze(text);
//! let r = Report { name: "2023.txt", status: "待审", note: "", text, analysis: &a };
//! let bytes = workbook::to_xlsx(&[r]).unwrap();
//! assert_eq!(&bytes[..2], b"PK");
//! ```

use crate::model::{Analysis, PartStatus, Severity, TaskStatus};
use crate::output::{memo, present};
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

/// One report of the batch, with the reviewer's status and note.
#[derive(Clone, Copy, Debug)]
pub struct Report<'a> {
    /// The file name (or the label the workspace shows).
    pub name: &'a str,
    /// The review status (`待审`, `审查中`, `已审`, `需修改`).
    pub status: &'a str,
    /// The reviewer's note.
    pub note: &'a str,
    /// The text as analysed (for passages).
    pub text: &'a str,
    /// Its analysis.
    pub analysis: &'a Analysis,
}

/// The status the CLI gives every report: not reviewed yet.
pub const UNREVIEWED: &str = "待审";

/// The sheet names, in order.
pub const SHEETS: [&str; 4] = ["概览", "指标", "问题", "纲要任务"];

/// Header of 概览.
pub const OVERVIEW_HEADER: [&str; 17] = [
    "文件",
    "标题",
    "发布机关",
    "年度",
    "审查状态",
    "备注",
    "必备部分具备",
    "必备部分较弱",
    "缺失部分",
    "纲要任务得分",
    "已落实",
    "提及",
    "未涉及",
    "指标数",
    "问题数",
    "提示数",
    "字数",
];

/// Why a workbook could not be written.
#[derive(Debug)]
pub struct WorkbookError(String);

impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot write the .xlsx: {}", self.0)
    }
}

impl std::error::Error for WorkbookError {}

impl From<XlsxError> for WorkbookError {
    fn from(e: XlsxError) -> Self {
        WorkbookError(e.to_string())
    }
}

/// One cell.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Text(String),
    /// Text on Excel's 好 / 适中 / 差 fill (a task's status).
    Toned(String, Tone),
    Number(f64),
    Empty,
}

/// Excel's built-in cell styles 好, 适中 and 差 (green, yellow, red fills).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Tone {
    Good,
    Neutral,
    Bad,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

fn num(v: impl Into<f64>) -> Cell {
    Cell::Number(v.into())
}

fn opt_num<T: Into<f64>>(v: Option<T>) -> Cell {
    v.map_or(Cell::Empty, num)
}

fn opt_text(v: Option<&str>) -> Cell {
    v.map_or(Cell::Empty, Cell::from)
}

/// The workbook of a batch, as the bytes of an `.xlsx` file.
pub fn to_xlsx(reports: &[Report]) -> Result<Vec<u8>, WorkbookError> {
    let mut wb = Workbook::new();
    let (header, rows) = overview(reports);
    write_sheet(wb.add_worksheet(), SHEETS[0], &header, &rows, 2)?;
    let (header, rows) = figures(reports);
    write_sheet(wb.add_worksheet(), SHEETS[1], &header, &rows, 1)?;
    let (header, rows) = problems(reports);
    write_sheet(wb.add_worksheet(), SHEETS[2], &header, &rows, 1)?;
    let (header, rows) = tasks(reports);
    write_sheet(wb.add_worksheet(), SHEETS[3], &header, &rows, 2)?;
    Ok(wb.save_to_buffer()?)
}

/// The label of a report in the sheets after 概览: its title, else its file name.
fn label(r: &Report) -> String {
    present::title(&r.analysis.meta, Some(r.name))
}

fn overview(reports: &[Report]) -> (Vec<String>, Vec<Vec<Cell>>) {
    let header = OVERVIEW_HEADER.iter().map(|s| s.to_string()).collect();
    let rows = reports
        .iter()
        .map(|r| {
            let a = r.analysis;
            let parts = |s: PartStatus| a.parts.iter().filter(|p| p.status == s).count() as f64;
            let missing: Vec<&str> = a
                .parts
                .iter()
                .filter(|p| p.required && p.status == PartStatus::Missing)
                .map(|p| p.name)
                .collect();
            let tasks = |s: TaskStatus| {
                a.tasks
                    .tasks
                    .iter()
                    .filter(|t| t.applies && t.status == s)
                    .count() as f64
            };
            let has_tasks = a.tasks.outline.is_some();
            let problems = a
                .diagnostics
                .iter()
                .filter(|d| d.severity >= Severity::Warning)
                .count();
            vec![
                r.name.into(),
                opt_text(a.meta.title.as_deref()),
                opt_text(a.meta.issuer.as_deref()),
                opt_num(a.meta.year),
                r.status.into(),
                r.note.into(),
                num(parts(PartStatus::Found)),
                num(parts(PartStatus::Weak)),
                missing.join("、").into(),
                opt_num(a.tasks.score),
                if has_tasks {
                    num(tasks(TaskStatus::Addressed))
                } else {
                    Cell::Empty
                },
                if has_tasks {
                    num(tasks(TaskStatus::Mentioned))
                } else {
                    Cell::Empty
                },
                if has_tasks {
                    num(tasks(TaskStatus::Absent))
                } else {
                    Cell::Empty
                },
                num(a.indicators.len() as f64),
                num(problems as f64),
                num((a.diagnostics.len() - problems) as f64),
                num(a.meta.chars as f64),
            ]
        })
        .collect();
    (header, rows)
}

fn figures(reports: &[Report]) -> (Vec<String>, Vec<Vec<Cell>>) {
    let header = [
        "报告",
        "文件",
        "章节",
        "对象",
        "原文",
        "数值",
        "上限",
        "单位",
        "统一数值",
        "统一单位",
        "种类",
        "限定词",
    ];
    let mut rows = Vec::new();
    for r in reports {
        let (a, label) = (r.analysis, label(r));
        for i in &a.indicators {
            let written = r.text.get(i.span.start..i.span.end).unwrap_or("");
            rows.push(vec![
                label.as_str().into(),
                r.name.into(),
                present::path_label(a, i.section).into(),
                i.subject.as_str().into(),
                written.into(),
                num(i.value),
                opt_num(i.high),
                i.unit.as_str().into(),
                num(i.normalized),
                i.normalized_unit.as_str().into(),
                i.kind.label().into(),
                opt_text(i.approx),
            ]);
        }
    }
    (header.map(String::from).to_vec(), rows)
}

fn problems(reports: &[Report]) -> (Vec<String>, Vec<Vec<Cell>>) {
    let header = [
        "报告",
        "文件",
        "类别",
        "代码",
        "级别",
        "说明",
        "原文",
        "章节",
        "建议改法",
    ];
    let mut rows = Vec::new();
    for r in reports {
        let (a, label) = (r.analysis, label(r));
        for d in &a.diagnostics {
            let section = a
                .sections
                .iter()
                .rposition(|s| s.heading.start <= d.span.start && d.span.start < s.span.end);
            rows.push(vec![
                label.as_str().into(),
                r.name.into(),
                d.code.label().into(),
                d.code.as_str().into(),
                d.severity.label().into(),
                d.message.as_str().into(),
                memo::excerpt(r.text, d.span).into(),
                present::path_label(a, section).into(),
                opt_text(d.fix.as_deref()),
            ]);
        }
    }
    (header.map(String::from).to_vec(), rows)
}

/// A column of 纲要任务: the task's part, number and label.
type TaskColumn = (u8, u8, String);

fn tasks(reports: &[Report]) -> (Vec<String>, Vec<Vec<Cell>>) {
    // The task lists of the 纲要 in the batch, newest first.
    let mut outlines: Vec<(&str, Vec<TaskColumn>)> = Vec::new();
    for r in reports {
        let t = &r.analysis.tasks;
        let Some(o) = t.outline else { continue };
        if outlines.iter().all(|(x, _)| *x != o) {
            let list = t
                .tasks
                .iter()
                .map(|k| (k.part, k.number, present::task_label(k)))
                .collect();
            outlines.push((o, list));
        }
    }
    outlines.sort_by(|a, b| b.0.cmp(a.0));
    let mut header: Vec<String> = ["文件", "标题", "纲要", "任务得分"]
        .map(String::from)
        .to_vec();
    let several = outlines.len() > 1;
    for (o, list) in &outlines {
        header.extend(list.iter().map(|(_, _, l)| {
            if several {
                format!("{o}｜{l}")
            } else {
                l.clone()
            }
        }));
    }
    let rows = reports
        .iter()
        .map(|r| {
            let t = &r.analysis.tasks;
            let mut row = vec![
                r.name.into(),
                label(r).into(),
                opt_text(t.outline_title),
                opt_num(t.score),
            ];
            for (o, list) in &outlines {
                for (part, number, _) in list {
                    let verdict = (t.outline == Some(*o))
                        .then(|| {
                            t.tasks
                                .iter()
                                .find(|k| k.part == *part && k.number == *number)
                        })
                        .flatten();
                    let tone = |k: &crate::model::TaskVerdict| match k.status {
                        TaskStatus::Addressed => Tone::Good,
                        TaskStatus::Mentioned => Tone::Neutral,
                        TaskStatus::Absent => Tone::Bad,
                    };
                    row.push(match verdict {
                        Some(k) if k.applies => {
                            Cell::Toned(present::task_status_label(k).into(), tone(k))
                        }
                        Some(k) => present::task_status_label(k).into(),
                        None => Cell::Empty,
                    });
                }
            }
            row
        })
        .collect();
    (header, rows)
}

/// Excel's limit on the characters in a cell.
const MAX_CELL_CHARS: usize = 32_767;

/// Column width of a text, in Excel's character units: a wide (CJK) character counts two.
fn text_width(s: &str) -> f64 {
    s.lines()
        .map(|l| {
            l.chars()
                .map(|c| if (c as u32) >= 0x1100 { 2.0 } else { 1.1 })
                .sum::<f64>()
        })
        .fold(0.0, f64::max)
}

fn write_sheet(
    ws: &mut Worksheet,
    name: &str,
    header: &[String],
    rows: &[Vec<Cell>],
    freeze_cols: u16,
) -> Result<(), WorkbookError> {
    ws.set_name(name)?;
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    // Excel's 好 / 适中 / 差: font and fill colours.
    let toned = |font: u32, fill: u32| {
        Format::new()
            .set_font_color(font)
            .set_background_color(fill)
    };
    let good = toned(0x006100, 0xC6EFCE);
    let neutral = toned(0x9C5700, 0xFFEB9C);
    let bad = toned(0x9C0006, 0xFFC7CE);
    let mut widths: Vec<f64> = vec![0.0; header.len()];
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold)?;
        // Long headers (a task's title) wrap at 16 characters.
        widths[c] = text_width(h).min(32.0);
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Text(s) if s.is_empty() => {}
                Cell::Text(s) => {
                    let s: String = if s.chars().count() > MAX_CELL_CHARS {
                        s.chars().take(MAX_CELL_CHARS).collect()
                    } else {
                        s.clone()
                    };
                    if let Some(w) = widths.get_mut(c) {
                        *w = w.max(text_width(&s));
                    }
                    ws.write_string(r, col, s)?;
                }
                Cell::Toned(s, tone) => {
                    if let Some(w) = widths.get_mut(c) {
                        *w = w.max(text_width(s));
                    }
                    let f = match tone {
                        Tone::Good => &good,
                        Tone::Neutral => &neutral,
                        Tone::Bad => &bad,
                    };
                    ws.write_string_with_format(r, col, s, f)?;
                }
                Cell::Number(v) if v.is_finite() => {
                    if let Some(w) = widths.get_mut(c) {
                        *w = w.max(present::format_value(*v).len() as f64 + 1.0);
                    }
                    ws.write_number(r, col, *v)?;
                }
                Cell::Number(_) | Cell::Empty => {}
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (w + 2.0).clamp(6.0, 60.0))?;
    }
    ws.set_row_height(
        0,
        if header.iter().any(|h| text_width(h) > 32.0) {
            48
        } else {
            20
        },
    )?;
    ws.set_freeze_panes(1, freeze_cols)?;
    if !header.is_empty() {
        ws.autofilter(0, 0, rows.len() as u32, header.len() as u16 - 1)?;
    }
    Ok(())
}
