//! One wording for the CLI and the page (`output::present`): values, section paths, labels,
//! the title and signature lines, counts by kind. The page calls these same functions; the
//! CLI's CSV and table are checked to use them here.

use report_lens::analyze;
use report_lens::output::{export, overview, present};
use report_lens::{Direction, Kind, Severity};

const SEED000: &str = include_str!("fixtures/000_4650dba7b757251d.txt");

#[test]
fn values_are_written_once() {
    // (value, written, why)
    let rows = [
        (64.0, "64", "whole numbers have no fraction"),
        (1.35, "1.35", "decimals as written"),
        (14.70, "14.7", "no trailing zeros"),
        (9.747, "9.747", "three decimals stay"),
        (
            0.123456,
            "0.123456",
            "six decimals (the page used to cut at four)",
        ),
        (1.35e8, "135000000", "1.35亿 in full"),
    ];
    for (v, want, why) in rows {
        assert_eq!(present::format_value(v), want, "{why}");
    }
    assert_eq!(present::format_signed(6.0), "+6");
    assert_eq!(present::format_signed(-3.5), "-3.5");
    assert_eq!(present::format_signed(0.0), "0");
    assert_eq!(present::format_signed(-0.0), "0");
    assert_eq!(present::format_percent_change(0.25), "+25.0%");
    assert_eq!(present::format_percent_change(-0.032), "-3.2%");
}

#[test]
fn section_paths_read_the_same_in_the_csv_and_the_page() {
    let text = "一、总体情况\n（一）基本数据\n全年办理案件64件。\n二、存在问题\n共3项。";
    let a = analyze(text);
    assert_eq!(present::section_path(&a, 1), [0, 1]);
    assert_eq!(present::section_label(&a, 1), "（一）基本数据");
    assert_eq!(
        present::path_label(&a, Some(1)),
        "一、总体情况 / （一）基本数据"
    );
    assert_eq!(present::path_label(&a, None), "");
    assert_eq!(present::path_label(&a, Some(99)), "", "out of range");
    assert_eq!(
        export::section_path(&a, Some(1)),
        present::path_label(&a, Some(1))
    );
    let csv = export::to_csv("r.txt", text, &a, false);
    assert!(csv.contains(",一、总体情况 / （一）基本数据,"), "{csv}");
}

#[test]
fn titles_fall_back_to_the_file_name_then_a_placeholder() {
    let a = analyze(SEED000);
    assert_eq!(
        present::title(&a.meta, Some("x.txt")),
        "梅列区2019年法治政府建设工作情况报告"
    );
    let none = analyze("共3项。");
    assert_eq!(present::title(&none.meta, Some("x.txt")), "x.txt");
    assert_eq!(present::title(&none.meta, None), present::UNTITLED);
    assert_eq!(
        present::signature_line(&a.meta).as_deref(),
        Some("梅列区人民政府 2020-01-10")
    );
    assert_eq!(present::signature_line(&none.meta), None);
    assert!(export::to_table(SEED000, &a).contains("落款: 梅列区人民政府 2020-01-10"));
}

#[test]
fn labels_come_from_the_core() {
    assert_eq!(present::direction_label(Direction::Up), "上升");
    assert_eq!(present::direction_label(Direction::Down), "下降");
    assert_eq!(present::direction_short(Direction::Up), "增");
    assert_eq!(present::direction_arrow(Direction::Down), "↓");
    assert_eq!(present::severity_name(Severity::Warning), "warning");
    // The stable names are those of the JSON contract.
    for s in [Severity::Info, Severity::Warning, Severity::Error] {
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            format!("\"{}\"", present::severity_name(s))
        );
    }
    for (q, after) in [("余", true), ("以内", true), ("约", false), ("超过", false)] {
        assert_eq!(present::qualifier_follows(q), after, "{q}");
    }
}

#[test]
fn kind_counts_agree_with_the_overview() {
    let a = analyze(SEED000);
    let counts = present::KindCounts::of(&a);
    let row = overview::row("seed", &a);
    assert_eq!(counts, row.by_kind);
    let total: usize = Kind::ALL.iter().map(|&k| counts.get(k)).sum();
    assert_eq!(total, a.indicators.len());
}
