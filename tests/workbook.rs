//! The batch workbook (`output::workbook`) on the five real reports, read back with `zip` +
//! `quick-xml` (not the writer's own code): four sheets, one 概览 row per report with the
//! reviewer's status and note, numbers in number cells, frozen headers, fitted widths.
#![cfg(all(feature = "xlsx", feature = "docx"))]

mod common;
mod office;

use common::TEXTS;
use office::{Sheet, Value};
use report_lens::analyze;
use report_lens::model::{Analysis, TaskStatus};
use report_lens::output::workbook::{self, Report};

fn batch() -> (Vec<(String, &'static str, Analysis)>, Vec<office::Sheet>) {
    let analysed: Vec<(String, &str, Analysis)> = TEXTS
        .iter()
        .map(|(id, text)| (format!("{id}.txt"), *text, analyze(text)))
        .collect();
    let statuses = ["待审", "审查中", "已审", "需修改", "待审"];
    let reports: Vec<Report> = analysed
        .iter()
        .zip(statuses)
        .map(|((name, text, a), status)| Report {
            name,
            status,
            note: if status == "需修改" {
                "缺少第五部分，已电话告知"
            } else {
                ""
            },
            text,
            analysis: a,
        })
        .collect();
    let bytes = workbook::to_xlsx(&reports).unwrap();
    (analysed, office::xlsx_sheets(&bytes))
}

fn number(s: &Sheet, row: usize, col: usize) -> f64 {
    match s.rows[row].get(&col) {
        Some(Value::Number(v)) => *v,
        other => panic!("{} row {row} col {col}: {other:?} is not a number", s.name),
    }
}

fn text(s: &Sheet, row: usize, col: usize) -> &str {
    match s.rows[row].get(&col) {
        Some(Value::Text(t)) => t,
        other => panic!("{} row {row} col {col}: {other:?} is not text", s.name),
    }
}

#[test]
fn four_sheets_with_frozen_bold_headers_filters_and_fitted_widths() {
    let (_, sheets) = batch();
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["概览", "指标", "问题", "纲要任务"]);
    for s in &sheets {
        assert_eq!(s.frozen_rows, 1, "{}", s.name);
        assert!(s.autofilter, "{}", s.name);
        assert_eq!(
            s.widths.len(),
            s.header().len(),
            "{}: every column sized",
            s.name
        );
        // The written width carries Excel's cell padding (under one unit).
        assert!(
            s.widths.iter().all(|&w| (6.0..=61.0).contains(&w)),
            "{}: {:?}",
            s.name,
            s.widths
        );
    }
    // A column of Chinese titles is wider than one of years.
    let o = &sheets[0];
    assert!(o.widths[o.column("标题")] > 2.0 * o.widths[o.column("年度")]);
}

#[test]
fn overview_has_one_row_per_report_with_status_note_and_numbers() {
    let (analysed, sheets) = batch();
    let o = &sheets[0];
    assert_eq!(o.header(), workbook::OVERVIEW_HEADER);
    assert_eq!(o.rows.len(), 1 + analysed.len());
    for (i, (name, _, a)) in analysed.iter().enumerate() {
        let r = i + 1;
        assert_eq!(text(o, r, o.column("文件")), name);
        match &a.meta.title {
            Some(t) => assert_eq!(text(o, r, o.column("标题")), t),
            None => assert!(!o.rows[r].contains_key(&o.column("标题"))),
        }
        if let Some(y) = a.meta.year {
            assert_eq!(number(o, r, o.column("年度")), f64::from(y));
        }
        assert_eq!(number(o, r, o.column("指标数")), a.indicators.len() as f64);
        assert_eq!(number(o, r, o.column("字数")), a.meta.chars as f64);
        let score = a.tasks.score.unwrap();
        assert_eq!(number(o, r, o.column("纲要任务得分")), f64::from(score));
        let absent = a.tasks.absent().count() as f64;
        assert_eq!(number(o, r, o.column("未涉及")), absent);
    }
    assert_eq!(
        text(o, 1, o.column("标题")),
        "梅列区2019年法治政府建设工作情况报告"
    );
    assert_eq!(text(o, 1, o.column("发布机关")), "梅列区人民政府");
    assert_eq!(text(o, 2, o.column("审查状态")), "审查中");
    assert_eq!(text(o, 4, o.column("审查状态")), "需修改");
    assert_eq!(text(o, 4, o.column("备注")), "缺少第五部分，已电话告知");
    assert_eq!(number(o, 1, o.column("必备部分具备")), 4.0);
}

#[test]
fn every_figure_is_a_row_with_its_values_as_numbers() {
    let (analysed, sheets) = batch();
    let f = &sheets[1];
    let total: usize = analysed.iter().map(|(_, _, a)| a.indicators.len()).sum();
    assert_eq!(f.rows.len(), 1 + total);
    let (_, text0, a0) = &analysed[0];
    let first = &a0.indicators[0];
    assert_eq!(text(f, 1, f.column("文件")), "000.txt");
    assert_eq!(
        text(f, 1, f.column("报告")),
        "梅列区2019年法治政府建设工作情况报告"
    );
    assert_eq!(
        text(f, 1, f.column("原文")),
        &text0[first.span.start..first.span.end]
    );
    assert_eq!(number(f, 1, f.column("数值")), first.value);
    assert_eq!(number(f, 1, f.column("统一数值")), first.normalized);
    assert_eq!(text(f, 1, f.column("单位")), first.unit);
    // Money in 元 sums in Excel: a 万元 figure is multiplied out.
    let money = (1..f.rows.len())
        .find(|&r| text(f, r, f.column("单位")) == "万元")
        .expect("a 万元 figure");
    assert_eq!(
        number(f, money, f.column("统一数值")),
        number(f, money, f.column("数值")) * 10_000.0
    );
    assert_eq!(text(f, money, f.column("统一单位")), "元");
    // Sections are paths.
    assert!((1..f.rows.len()).any(|r| text(f, r, f.column("章节")).contains(" / ")));
}

#[test]
fn every_diagnostic_is_a_row_with_its_passage_and_fix() {
    let (analysed, sheets) = batch();
    let p = &sheets[2];
    let total: usize = analysed.iter().map(|(_, _, a)| a.diagnostics.len()).sum();
    assert_eq!(p.rows.len(), 1 + total);
    let row = (1..p.rows.len())
        .find(|&r| text(p, r, p.column("代码")) == "form-doc-number")
        .expect("001's 发文字号");
    assert_eq!(text(p, row, p.column("文件")), "001.txt");
    assert_eq!(text(p, row, p.column("类别")), "发文字号");
    assert_eq!(text(p, row, p.column("级别")), "警告");
    assert_eq!(text(p, row, p.column("原文")), "[2017]2号");
    assert_eq!(text(p, row, p.column("建议改法")), "〔2017〕2号");
}

#[test]
fn tasks_are_reports_by_tasks_of_both_outlines() {
    let (analysed, sheets) = batch();
    let t = &sheets[3];
    assert_eq!(t.rows.len(), 1 + analysed.len());
    let header = t.header();
    // 2021–2025 first (（四）–（三十五）, 32 tasks), then 2015–2020 (measures 1–40).
    assert_eq!(header.len(), 4 + 32 + 40);
    assert!(header[4].starts_with("2021-2025｜（四）"), "{}", header[4]);
    assert!(
        header[4 + 32].starts_with("2015-2020｜1."),
        "{}",
        header[36]
    );
    // 000 is a 2019 report: the 2021 columns are empty, its own hold the statuses.
    let (_, _, a0) = &analysed[0];
    assert!((4..36).all(|c| !t.rows[1].contains_key(&c)));
    for (k, verdict) in a0.tasks.tasks.iter().enumerate() {
        let want = match (verdict.applies, verdict.status) {
            (false, _) => "不适用（无立法权）",
            (true, TaskStatus::Addressed) => "已落实",
            (true, TaskStatus::Mentioned) => "提及",
            (true, TaskStatus::Absent) => "未涉及",
        };
        assert_eq!(text(t, 1, 36 + k), want, "task {k}");
    }
    assert_eq!(number(t, 3, t.column("任务得分")), 49.0);
}

#[test]
fn an_empty_batch_and_odd_text_still_give_a_workbook() {
    let sheets = office::xlsx_sheets(&workbook::to_xlsx(&[]).unwrap());
    assert_eq!(sheets.len(), 4);
    assert!(sheets.iter().all(|s| s.rows.len() == 1));
    let a = analyze("<>&\"'\n一、");
    let r = Report {
        name: "a&b<c>.txt",
        status: workbook::UNREVIEWED,
        note: &"长".repeat(40_000),
        text: "<>&\"'\n一、",
        analysis: &a,
    };
    let sheets = office::xlsx_sheets(&workbook::to_xlsx(&[r]).unwrap());
    assert_eq!(text(&sheets[0], 1, 0), "a&b<c>.txt");
    assert_eq!(
        text(&sheets[0], 1, sheets[0].column("备注"))
            .chars()
            .count(),
        32_767,
        "Excel's cell limit"
    );
}

#[test]
fn task_statuses_wear_excels_good_neutral_bad_fills() {
    let text = TEXTS[2].1;
    let a = analyze(text);
    let r = Report {
        name: "002.txt",
        status: workbook::UNREVIEWED,
        note: "",
        text,
        analysis: &a,
    };
    let bytes = workbook::to_xlsx(&[r]).unwrap();
    let styles = &office::parts(&bytes)["xl/styles.xml"];
    for fill in ["FFC6EFCE", "FFFFEB9C", "FFFFC7CE"] {
        assert!(styles.contains(fill), "{fill}");
    }
}
