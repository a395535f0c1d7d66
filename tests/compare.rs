//! Comparing two years of a report (与上年对比): a "2020" and a "2021" variant of seed 000
//! (梅列区) are made at test time by editing a few figures, deleting one sentence, adding
//! others and renaming a heading; each assertion says what the comparison must find.

use report_lens::output::compare::{self, How, Reason, SectionStatus, Which};
use report_lens::{analyze, Analysis};

mod common;

const SEED000: &str = include_str!("fixtures/000_4650dba7b757251d.txt");

/// Applies literal replacements, each of which must occur in the text.
fn edit(text: &str, edits: &[(&str, &str)]) -> String {
    let mut t = text.to_string();
    for (from, to) in edits {
        assert!(t.contains(from), "fixture lacks {from}");
        t = t.replace(from, to);
    }
    t
}

fn year_2020() -> String {
    edit(SEED000, &[("2019年", "2020年")])
}

fn year_2021() -> String {
    edit(
        SEED000,
        &[
            ("2019年", "2021年"),
            // Figures changed.
            ("精简64项申报材料", "精简70项申报材料"),
            ("涉及金额84.308万元", "涉及金额0.01亿元"),
            (
                "来信来访239件次,同比下降14.7%",
                "来信来访239件次,同比上升3.5%",
            ),
            // A sentence deleted.
            ("审计查出主要问题金额9.747万元;", ""),
            // Sentences added: a new figure, and a second 走访企业 that makes it ambiguous.
            (
                "等13家企业获得“一企一策”帮扶。",
                "等13家企业获得“一企一策”帮扶。全年新建公共法律服务工作站12个。另走访企业20家。",
            ),
            // A subject reworded: a fuzzy pair.
            (
                "区政府共办理区人大代表建议77件",
                "区政府共办理市区人大代表建议80件",
            ),
            // A heading renamed and a section added.
            ("加强市场监管水平", "提升市场监管水平"),
            (
                "进一步加强法治宣传教育。",
                "进一步加强法治宣传教育。\n(八)进一步强化法治督察。全年开展法治督察工作8次。\n",
            ),
        ],
    )
}

fn both() -> (Analysis, Analysis) {
    (analyze(&year_2020()), analyze(&year_2021()))
}

fn pair<'a>(c: &'a compare::Comparison, key: &str) -> &'a compare::Pair {
    c.pairs
        .iter()
        .find(|p| p.key == key)
        .unwrap_or_else(|| panic!("no pair for {key}"))
}

#[test]
fn the_two_reports_are_labelled_by_year() {
    let (a, b) = both();
    let c = compare::compare(&a, &b);
    assert_eq!(c.a.year, Some(2020));
    assert_eq!(c.b.year, Some(2021));
    assert_eq!(c.a.indicators, a.indicators.len());
}

#[test]
fn changed_figures_pair_with_their_change() {
    let (a, b) = both();
    let c = compare::compare(&a, &b);
    let p = pair(&c, "申报材料");
    assert_eq!((p.a_value, p.b_value, p.change), (64.0, 70.0, 6.0));
    assert_eq!(p.relative, Some(0.09375), "6 / 64");
    assert_eq!((p.how, p.fuzzy, p.score), (How::Exact, false, 1.0));
    assert!(p.why.contains("规范化主题相同「申报材料」"), "{}", p.why);
    // The indices point at the indicators of each analysis.
    assert_eq!(a.indicators[p.a.index].value, 64.0);
    assert_eq!(b.indicators[p.b.index].value, 70.0);
}

#[test]
fn unchanged_figures_pair_with_zero_change() {
    let (a, b) = both();
    let c = compare::compare(&a, &b);
    let p = pair(&c, "群众信访事项");
    assert_eq!((p.a_value, p.b_value, p.change), (625.0, 625.0, 0.0));
    assert_eq!(p.unit, "件次");
}

#[test]
fn money_in_different_magnitudes_compares_in_the_smaller_unit() {
    let (a, b) = both();
    let c = compare::compare(&a, &b);
    let p = pair(&c, "涉及金额");
    assert_eq!(p.unit, "万元", "84.308万元 and 0.01亿元 compare in 万元");
    assert_eq!((p.a_value, p.b_value), (84.308, 100.0));
    assert_eq!(p.change, 15.692);
    assert!(p.why.contains("单位换算"), "{}", p.why);
}

#[test]
fn a_change_that_turns_from_down_to_up_counts_in_percentage_points() {
    let (a, b) = both();
    let c = compare::compare(&a, &b);
    let p = c
        .pairs
        .iter()
        .find(|p| p.key == "来信来访" && p.unit == "%")
        .expect("the 同比 change of 来信来访 pairs");
    assert_eq!((p.a_value, p.b_value, p.change), (-14.7, 3.5, 18.2));
    assert_eq!(p.change_unit, "个百分点");
    assert_eq!(p.relative, None, "no relative change of a growth rate");
    // The count 239件次 of the same subject is its own pair: units keep them apart.
    let n = pair_with_unit(&c, "来信来访", "件次");
    assert_eq!(n.change, 0.0);
}

fn pair_with_unit<'a>(c: &'a compare::Comparison, key: &str, unit: &str) -> &'a compare::Pair {
    c.pairs
        .iter()
        .find(|p| p.key == key && p.unit == unit)
        .unwrap_or_else(|| panic!("no pair for {key} in {unit}"))
}

#[test]
fn a_reworded_subject_pairs_fuzzily_and_says_so() {
    let (a, b) = both();
    let c = compare::compare(&a, &b);
    let p = pair(&c, "市区人大代表建议");
    assert_eq!(p.a.key, "区人大代表建议");
    assert_eq!((p.how, p.fuzzy), (How::Contains, true));
    assert!(p.score > 0.8 && p.score < 1.0, "score {}", p.score);
    assert_eq!((p.a_value, p.b_value), (77.0, 80.0));
    assert!(p.why.contains("主题包含"), "{}", p.why);
    assert_eq!(c.counts.fuzzy, 1, "no other pair is fuzzy");
}

#[test]
fn added_sentences_are_new_and_the_deleted_one_is_gone() {
    let (a, b) = both();
    let c = compare::compare(&a, &b);
    let new: Vec<(&str, f64)> = c
        .new
        .iter()
        .map(|u| (u.side.key.as_str(), u.side.value))
        .collect();
    assert_eq!(new, [("公共法律服务工作站", 12.0), ("法治督察工作", 8.0)]);
    assert!(c
        .new
        .iter()
        .all(|u| u.report == Which::B && u.reason == Reason::Absent));
    let gone: Vec<&str> = c.gone.iter().map(|u| u.side.key.as_str()).collect();
    assert_eq!(gone, ["主要问题金额"]);
    assert_eq!(c.gone[0].report, Which::A);
}

#[test]
fn repeated_subjects_are_not_forced_into_pairs() {
    let (a, b) = both();
    let c = compare::compare(&a, &b);
    // 办复率 100% for 建议 and again for 提案, in both years: ambiguous, left unpaired.
    assert!(c.pairs.iter().all(|p| p.key != "办复率"));
    let rates: Vec<&Reason> = c
        .unpaired
        .iter()
        .filter(|u| u.side.key == "办复率")
        .map(|u| &u.reason)
        .collect();
    assert_eq!(rates.len(), 4, "two in each report");
    assert!(rates
        .iter()
        .all(|r| **r == Reason::Ambiguous { in_a: 2, in_b: 2 }));
    // 企业 in 家 twice in 2020 (走访企业130家, 13家企业), three times in 2021 (另走访企业20家):
    // not paired either.
    assert!(c.pairs.iter().all(|p| p.key != "企业"));
    let visits: Vec<(Which, f64)> = c
        .unpaired
        .iter()
        .filter(|u| u.side.key == "企业" && u.side.unit == "家")
        .map(|u| (u.report, u.side.value))
        .collect();
    assert_eq!(
        visits,
        [
            (Which::A, 130.0),
            (Which::A, 13.0),
            (Which::B, 130.0),
            (Which::B, 13.0),
            (Which::B, 20.0)
        ]
    );
    assert!(c
        .unpaired
        .iter()
        .filter(|u| u.side.key == "企业" && u.side.unit == "家")
        .all(|u| u.reason == Reason::Ambiguous { in_a: 2, in_b: 3 }));
}

#[test]
fn a_subject_repeated_in_one_report_only_is_gone_not_ambiguous() {
    let a = analyze("办理人大代表建议77件，办复率100%；办理政协提案93件，办复率100%。");
    let b = analyze("办理人大代表建议80件；办理政协提案90件。");
    let c = compare::compare(&a, &b);
    let gone: Vec<(&str, &Reason)> = c
        .gone
        .iter()
        .map(|u| (u.side.key.as_str(), &u.reason))
        .collect();
    assert_eq!(
        gone,
        [("办复率", &Reason::Absent), ("办复率", &Reason::Absent)]
    );
    assert!(c.unpaired.is_empty());
    assert_eq!(c.pairs.len(), 2, "建议 and 提案 pair: {:?}", c.pairs);
}

#[test]
fn every_indicator_is_accounted_for_once() {
    let (a, b) = both();
    let c = compare::compare(&a, &b);
    let mut seen_a = vec![0; a.indicators.len()];
    let mut seen_b = vec![0; b.indicators.len()];
    for p in &c.pairs {
        seen_a[p.a.index] += 1;
        seen_b[p.b.index] += 1;
    }
    for u in c.new.iter().chain(&c.gone).chain(&c.unpaired) {
        match u.report {
            Which::A => seen_a[u.side.index] += 1,
            Which::B => seen_b[u.side.index] += 1,
        }
    }
    assert!(seen_a.iter().chain(&seen_b).all(|&n| n == 1));
}

#[test]
fn the_outline_shows_same_renamed_and_new_sections() {
    let (a, b) = both();
    let c = compare::compare(&a, &b);
    let renamed: Vec<_> = c
        .outline
        .iter()
        .filter(|s| s.status == SectionStatus::Renamed)
        .collect();
    assert_eq!(renamed.len(), 1);
    assert!(renamed[0]
        .a_title
        .as_deref()
        .unwrap()
        .ends_with("加强市场监管水平"));
    assert!(renamed[0]
        .b_title
        .as_deref()
        .unwrap()
        .ends_with("提升市场监管水平"));
    let new: Vec<_> = c
        .outline
        .iter()
        .filter(|s| s.status == SectionStatus::New)
        .collect();
    assert_eq!(new.len(), 1);
    assert!(new[0].key.contains("强化法治督察"), "{:?}", new[0]);
    assert_eq!(c.counts.sections_gone, 0);
    assert_eq!(c.counts.sections_same, a.sections.len() - 1);
    // Rows follow the later report's order.
    let bs: Vec<usize> = c.outline.iter().filter_map(|s| s.b).collect();
    assert_eq!(bs, (0..b.sections.len()).collect::<Vec<_>>());
}

#[test]
fn a_deleted_section_is_gone_where_it_stood() {
    let a = analyze("一、组织领导\n二、依法行政\n三、存在的问题\n四、下一步打算\n");
    let b = analyze("一、组织领导\n二、存在的问题\n三、下一步打算\n");
    let c = compare::compare(&a, &b);
    let rows: Vec<(SectionStatus, &str)> = c
        .outline
        .iter()
        .map(|s| (s.status, s.key.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (SectionStatus::Same, "组织领导"),
            (SectionStatus::Gone, "依法行政"),
            (SectionStatus::Same, "存在的问题"),
            (SectionStatus::Same, "下一步打算"),
        ]
    );
}

#[test]
fn a_traditional_report_compares_with_a_simplified_one() {
    let trad: String = year_2020()
        .chars()
        .map(|c| match c {
            '区' => '區',
            '审' => '審',
            '计' => '計',
            '调' => '調',
            '报' => '報',
            '项' => '項',
            '务' => '務',
            '监' => '監',
            '执' => '執',
            c => c,
        })
        .collect();
    let (a, b) = (analyze(&year_2020()), analyze(&trad));
    let c = compare::compare(&a, &b);
    assert_eq!(c.counts.pairs, compare::compare(&a, &a).counts.pairs);
    assert_eq!(
        c.counts.sections_same,
        a.sections.len(),
        "titles fold to Simplified"
    );
}

#[test]
fn years_in_titles_do_not_hide_a_match() {
    let a = analyze("一、2022年工作情况\n二、2023年工作打算\n");
    let b = analyze("一、2023年工作情况\n二、2024年工作打算\n");
    let c = compare::compare(&a, &b);
    assert!(c.outline.iter().all(|s| s.status == SectionStatus::Same));
}

#[test]
fn incompatible_units_stay_apart_and_say_why() {
    let a = analyze("受理行政复议申请40件。");
    let b = analyze("受理行政复议申请40件次。");
    let c = compare::compare(&a, &b);
    assert!(c.pairs.is_empty(), "件 and 件次 are different units");
    assert_eq!(
        c.gone[0].reason,
        Reason::UnitDiffers {
            other_units: vec!["件次".to_string()]
        }
    );
    assert!(c.gone[0].reason.label().contains("件次"));
}

#[test]
fn a_rate_never_pairs_with_a_change() {
    let a = analyze("行政复议纠错率12%。");
    let b = analyze("行政复议纠错率同比下降12%。");
    assert_eq!(b.indicators[0].kind, report_lens::Kind::Change);
    let c = compare::compare(&a, &b);
    assert!(c.pairs.is_empty(), "{:?}", c.pairs);
}

#[test]
fn equally_similar_candidates_are_a_tie_not_a_guess() {
    // 法治培训讲座 is contained in both later subjects with the same score.
    let a = analyze("开展法治培训讲座12场。");
    let b = analyze("开展镇法治培训讲座15场，开展村法治培训讲座9场。");
    let c = compare::compare(&a, &b);
    let keys: Vec<&str> = b.indicators.iter().map(|i| i.subject.as_str()).collect();
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert!(c.pairs.is_empty(), "{:?}", c.pairs);
    assert!(c.unpaired.iter().any(|u| u.reason == Reason::Tie));
}

#[test]
fn the_result_serialises_for_the_web_app() {
    let (a, b) = both();
    let c = compare::compare(&a, &b);
    let v: serde_json::Value = serde_json::from_str(&compare::to_json(&c)).unwrap();
    for key in [
        "a", "b", "pairs", "new", "gone", "unpaired", "outline", "counts",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let amb = v["unpaired"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["side"]["key"] == "办复率")
        .unwrap();
    assert_eq!(amb["reason"]["code"], "ambiguous");
    assert_eq!(amb["report"], "a");
    assert_eq!(v["pairs"][0]["how"], "exact");
    assert_eq!(v["outline"][0]["status"], "same");
}

#[test]
fn csv_and_table_are_readable() {
    let (a, b) = both();
    let c = compare::compare(&a, &b);
    let csv = compare::to_csv(&c);
    assert!(csv.starts_with("\u{feff}状态,"));
    let rows = csv.lines().count() - 1;
    assert_eq!(
        rows,
        c.pairs.len() + c.new.len() + c.gone.len() + c.unpaired.len()
    );
    assert!(csv.contains("\r\n配对,申报材料,申报材料,申报材料,64,70,项,6,项,0.0938,"));
    assert!(csv.contains("\r\n消失,主要问题金额,"));
    let table = compare::to_table(&c);
    assert!(
        table.contains("申报材料 | 64项 → 70项 | +6 项 | +9.4%"),
        "{table}"
    );
    assert!(table.contains("[改名]   (二)提升市场监管水平 ← (二)加强市场监管水平"));
}

// ---- the command line -------------------------------------------------------------------

fn cli(args: &[&str]) -> std::process::Output {
    common::cli(args, None)
}

/// Writes the two variants to a fresh directory; returns their paths.
fn write_pair(tag: &str) -> (std::path::PathBuf, String, String) {
    let dir =
        std::env::temp_dir().join(format!("report-lens-compare-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("2020.txt"), dir.join("2021.txt"));
    std::fs::write(&a, year_2020()).unwrap();
    std::fs::write(&b, year_2021()).unwrap();
    let s = |p: &std::path::Path| p.to_string_lossy().into_owned();
    (dir.clone(), s(&a), s(&b))
}

#[test]
fn cli_compare_prints_a_table_by_default() {
    let (dir, a, b) = write_pair("table");
    let o = cli(&["compare", &a, &b]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("== 对比\n上年: 梅列区2020年"));
    assert!(out.contains("申报材料 | 64项 → 70项 | +6 项"));
    assert!(out.contains("== 提纲对比"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn cli_compare_writes_csv_and_json() {
    let (dir, a, b) = write_pair("formats");
    let o = cli(&["compare", "--format", "csv", &a, &b]);
    assert!(o.status.success());
    let csv = String::from_utf8(o.stdout).unwrap();
    assert!(csv.starts_with("\u{feff}状态,规范化主题,"));
    assert!(csv.contains("\r\n新增,公共法律服务工作站,"));
    let o = cli(&["compare", "--format=json", &a, &b]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["a"]["year"], 2020);
    assert_eq!(v["gone"][0]["side"]["key"], "主要问题金额");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn cli_compare_needs_exactly_two_readable_files() {
    let o = cli(&["compare", "tests/fixtures/000_4650dba7b757251d.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("compare needs two files"));
    let o = cli(&[
        "compare",
        "tests/fixtures/000_4650dba7b757251d.txt",
        "missing.txt",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.txt: no such file"));
    let o = cli(&["compare", "--format", "markdown", "a.txt", "b.txt"]);
    assert_eq!(o.status.code(), Some(2));
}
