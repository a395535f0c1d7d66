//! The batch overview: one row per report, its CSV, the merged indicator CSV, and the
//! `report-lens overview` command over files and directories.

use report_lens::{analyze, output::overview, Kind};

mod common;
use common::{fixture, FIXTURES};

#[test]
fn a_row_counts_what_the_analysis_found() {
    let text = fixture(FIXTURES[0]);
    let a = analyze(&text);
    let r = overview::row("000.txt", &a);
    assert_eq!(r.file, "000.txt");
    assert_eq!(
        r.title.as_deref(),
        Some("梅列区2019年法治政府建设工作情况报告")
    );
    assert_eq!(r.issuer.as_deref(), Some("梅列区人民政府"));
    assert_eq!(r.year, Some(2019));
    assert_eq!(r.chars, text.chars().count());
    assert_eq!(
        (r.sections, r.indicators),
        (a.sections.len(), a.indicators.len())
    );
    assert_eq!(r.diagnostics, a.diagnostics.len());
    assert_eq!((r.parts_total, r.coverage_total), (5, 9));
}

#[test]
fn kinds_parts_and_areas_add_up_on_every_fixture() {
    for name in FIXTURES {
        let a = analyze(&fixture(name));
        let r = overview::row(name, &a);
        let by_kind: usize = Kind::ALL.iter().map(|&k| r.by_kind.get(k)).sum();
        assert_eq!(by_kind, r.indicators, "{name}: kinds sum to the indicators");
        for k in Kind::ALL {
            let n = a.indicators.iter().filter(|i| i.kind == k).count();
            assert_eq!(r.by_kind.get(k), n, "{name}: {k:?}");
        }
        assert_eq!(
            r.parts_found + r.parts_weak + r.parts_missing.len(),
            r.parts_total,
            "{name}: every part is found, weak or missing"
        );
        let areas = a.coverage.iter().filter(|c| c.score > 0).count();
        assert_eq!(r.coverage_areas, areas, "{name}");
        assert!(r.coverage_mean <= 100, "{name}");
        assert!(r.warnings <= r.diagnostics, "{name}");
    }
}

#[test]
fn csv_has_a_bom_a_header_and_one_line_per_report() {
    let rows: Vec<_> = FIXTURES
        .iter()
        .map(|n| overview::row(&format!("{n}.txt"), &analyze(&fixture(n))))
        .collect();
    let csv = overview::to_csv(&rows);
    assert!(csv.starts_with("\u{feff}文件,标题,发布机关,年度,字数,章节数,指标数,"));
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + FIXTURES.len());
    let columns = lines[0].split(',').count();
    let first = &lines[1];
    assert!(first.starts_with(
        "000_4650dba7b757251d.txt,梅列区2019年法治政府建设工作情况报告,梅列区人民政府,2019,"
    ));
    assert_eq!(
        first.split(',').count(),
        columns,
        "no field needs quoting here"
    );
    let table = overview::to_table(&rows);
    assert_eq!(table.lines().count(), 2 + FIXTURES.len());
}

#[test]
fn fields_with_commas_are_quoted() {
    let a = analyze("关于2023年法治政府建设情况的报告,附件\n一、主要举措\n精简材料64项。");
    let mut r = overview::row("a,b.txt", &a);
    r.title = Some("标题,含逗号".to_string());
    let line = overview::csv_row(&r);
    assert!(line.starts_with("\"a,b.txt\",\"标题,含逗号\","), "{line}");
}

#[test]
fn merged_indicators_have_one_header_and_a_file_column() {
    let texts: Vec<(String, String)> = FIXTURES[..2]
        .iter()
        .map(|n| (format!("{n}.txt"), fixture(n)))
        .collect();
    let analyses: Vec<_> = texts.iter().map(|(_, t)| analyze(t)).collect();
    let csv = overview::indicators_csv(
        texts
            .iter()
            .zip(&analyses)
            .map(|((f, t), a)| (f.as_str(), t.as_str(), a)),
    );
    assert_eq!(csv.matches('\u{feff}').count(), 1);
    let rows = csv.lines().count() - 1;
    assert_eq!(
        rows,
        analyses[0].indicators.len() + analyses[1].indicators.len()
    );
    assert!(csv.contains("\r\n001_b9193b597ac501b4.txt,1,"));
    let empty = overview::indicators_csv(std::iter::empty());
    assert_eq!(
        empty,
        report_lens::output::export::CSV_HEADER,
        "an empty batch still has a header"
    );
}

// ---- the command line -------------------------------------------------------------------

fn cli(args: &[&str]) -> std::process::Output {
    common::cli(args, None)
}

#[test]
fn cli_overview_of_a_directory_keeps_file_order() {
    let o = cli(&["overview", "--format", "csv", "tests/fixtures"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = String::from_utf8(o.stdout).unwrap();
    let files: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let want: Vec<String> = FIXTURES.iter().map(|n| format!("{n}.txt")).collect();
    assert_eq!(files, want);
}

#[test]
fn cli_overview_is_the_same_on_one_thread() {
    let many = cli(&["overview", "-f", "csv", "--jobs", "4", "tests/fixtures"]);
    let one = cli(&["overview", "-f", "csv", "--jobs=1", "tests/fixtures"]);
    assert!(many.status.success() && one.status.success());
    assert_eq!(many.stdout, one.stdout);
    let o = cli(&["overview", "--jobs", "0", "tests/fixtures"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn cli_overview_json_is_one_row_per_line_and_table_by_default() {
    let f0 = "tests/fixtures/000_4650dba7b757251d.txt";
    let f3 = "tests/fixtures/003_41826c3ca9c971ec.txt";
    let o = cli(&["overview", "--format", "json", f0, f3]);
    assert!(o.status.success());
    let rows: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["year"], 2019);
    assert_eq!(rows[1]["file"], "003_41826c3ca9c971ec.txt");
    assert!(rows[0]["by_kind"]["count"].as_u64().unwrap() > 0);
    let o = cli(&["overview", f0]);
    let table = String::from_utf8(o.stdout).unwrap();
    assert!(table.starts_with("== 批量概览 (1 份)"));
}

#[test]
fn cli_overview_reports_bad_files_and_keeps_the_rest() {
    let o = cli(&[
        "overview",
        "-f",
        "csv",
        "missing.txt",
        "tests/fixtures/001_b9193b597ac501b4.txt",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.txt: no such file"));
    let csv = String::from_utf8(o.stdout).unwrap();
    assert_eq!(csv.lines().count(), 2, "header and the good file");
}
