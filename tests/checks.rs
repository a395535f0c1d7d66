//! Review checks over real sentences from the fixtures and constructed wrong ones: figure
//! cross-checks (`figure-*`, `year-mismatch`), required parts and coverage. One row per case,
//! with the reason it must (or must not) fire.

use report_lens::{analyze, model::PartStatus, Code, Severity};

/// `(code, severity)` of the figure findings on `text` (form checks are `tests/form.rs`'s).
fn figure_findings(text: &str) -> Vec<(&'static str, Severity, String)> {
    analyze(text)
        .diagnostics
        .into_iter()
        .filter(|d| !d.code.is_numbering() && !d.code.is_form())
        .map(|d| (d.code.as_str(), d.severity, d.message))
        .collect()
}

use Severity::{Info, Warning};

mod common;
use common::fixture;

/// A row: text, expected `(code, severity)` findings, reason.
type FigureRow = (
    &'static str,
    &'static [(&'static str, Severity)],
    &'static str,
);

#[test]
fn figure_checks_table() {
    // (text, expected (code, severity) list, reason)
    let rows: &[FigureRow] = &[
        // Real sentences (seed 000).
        ("2019年共完成审计项目33个,其中:预算执行审计项目2个、专项调查审计项目2个、经济责任审计项目20个、领导干部自然资源资产离任(任中)审计2个、重大政策措施落实情况跟踪审计4个、省重点建设项目进展情况跟踪审计2个,1+X专项审计调查项目1个。",
         &[("figure-sum", Info)], "33 = 2+2+20+2+4+2+1; 1+X is a name, not a bare number"),
        ("加快电子证照应用,建立全区电子证照库,设置目录58类,其中批文15类,证照43类。",
         &[("figure-sum", Info)], "58 = 15+43 without 共"),
        ("2019年,共排查各类矛盾纠纷913件,调处成功907件,调解成功率99%,其中驻法院调解室共调解案件53起。",
         &[("figure-rate", Info)], "907/913 = 99.3% rounds to 99%; the 其中 follows a rate: no sum"),
        ("目前,共有事项593项,占审批和服务事项644项的92%。",
         &[("figure-rate", Info)], "593/644 = 92.1% (占…的)"),
        ("今年新建高清视频监控300路(其中人像智能卡口100路,车辆卡口16路)。",
         &[], "a parenthesised 其中 lists only some parts: silence"),
        ("2017年,全区共收到行政复议申请71件,其中,受理50件,其他方式处理21,受理案件中,维持45件,确认行政行为违法2件,撤销3件,受理率100%。",
         &[], "bare 21 and a nested breakdown (受理案件中): unclear, silence"),
        ("2019年共受理群众信访事项625件次,其中来信来访239件次,同比下降14.7%。",
         &[], "one part only"),
        ("全区公职人员学法考试参考率、优秀率均达100%。", &[], "a rate without counts"),
        // Constructed wrong ones.
        ("2019年共完成审计项目33个,其中:预算执行审计项目12个、专项调查审计项目2个、经济责任审计项目20个。",
         &[("figure-sum", Warning)], "12+2+20 = 34 > 33"),
        ("2019年共完成审计项目40个,其中:预算执行审计项目2个、专项调查审计项目2个、经济责任审计项目20个。",
         &[("figure-sum", Warning)], "2+2+20 = 24 < 40 in a 其中: list of three running to the end"),
        ("共办理案件40件,其中行政复议10件,行政诉讼20件。",
         &[], "fewer than the total without a colon list: maybe not all listed"),
        ("共受理案件30件,其中复议20余件,诉讼10件。", &[], "approximate part: silence"),
        ("共排查各类矛盾纠纷913件,调处成功807件,调解成功率99%。",
         &[("figure-rate", Warning)], "807/913 = 88.4%, not 99%"),
        ("共受理案件100件,办结95件,群众满意率98%。",
         &[], "满意率 does not name the 办结 count: not compared"),
        ("共受理案件100件,办结95件,办结率95.5%。",
         &[("figure-rate", Warning)], "95/100 = 95.0%, stated 95.5% beyond one decimal"),
        ("共受理案件100件,办结99件,办结率99.5%。",
         &[("figure-rate", Warning)], "99.0 vs 99.5 with one decimal"),
        ("人大代表建议办结率达105%。", &[("figure-range", Warning)], "a share above 100%"),
        ("行政复议案件数量同比增长120%。", &[], "growth may exceed 100%"),
        ("全区受理行政复议案件30件。全年审结行政复议案件28件。另查,全区受理行政复议案件32件。",
         &[("figure-conflict", Warning)], "same subject, same unit, 30 vs 32"),
        ("全区受理行政复议案件30件。上年全区受理行政复议案件32件。",
         &[], "a comparison sentence (上年) is not a conflict"),
    ];
    for (text, want, reason) in rows {
        let got = figure_findings(text);
        let codes: Vec<(&str, Severity)> = got.iter().map(|(c, s, _)| (*c, *s)).collect();
        assert_eq!(codes, *want, "{reason}\n  text: {text}\n  got: {got:?}");
    }
}

#[test]
fn figure_messages_show_the_arithmetic_and_spans_cover_every_figure() {
    let t = "共排查各类矛盾纠纷913件,调处成功807件,调解成功率99%。";
    let a = analyze(t);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::FigureRate)
        .unwrap();
    assert_eq!(d.message, "比率与数量不符：807件÷913件=88.4%，文中为99%");
    let spans: Vec<&str> = d.spans.iter().map(|s| &t[s.start..s.end]).collect();
    assert_eq!(spans, ["913件", "807件", "99%"]);
    assert!(d.confidence.is_some_and(|c| c > 0.0 && c < 1.0));
    // Traditional script: the same check, spans in the original text.
    let t = "共排查各類矛盾糾紛913件，調處成功807件，調解成功率99%。";
    let a = analyze(t);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::FigureRate)
        .unwrap();
    let spans: Vec<&str> = d.spans.iter().map(|s| &t[s.start..s.end]).collect();
    assert_eq!(spans[..2], ["913件", "807件"]);
}

#[test]
fn year_checks_table() {
    let title = "某区2019年法治政府建设年度报告\n";
    let rows: &[(&str, usize, &str)] = &[
        (
            "2021年3月,全区完成机构改革。",
            1,
            "two years after the covered year, done",
        ),
        (
            "2020年是全面落实纲要的收官之年。",
            0,
            "the next year is normal",
        ),
        (
            "印发《某区法治政府建设规划(2021-2025年)》。",
            0,
            "inside a title",
        ),
        ("力争到2022年基本建成法治政府。", 0, "a plan"),
        ("实施2021—2025年五年规划。", 0, "a range"),
    ];
    for (body, n, reason) in rows {
        let text = format!("{title}{body}");
        let got: Vec<_> = figure_findings(&text)
            .into_iter()
            .filter(|f| f.0 == "year-mismatch")
            .collect();
        assert_eq!(got.len(), *n, "{reason}: {body} → {got:?}");
    }
}

fn verdicts(name: &str) -> String {
    analyze(&fixture(name))
        .parts
        .iter()
        .map(|p| match p.status {
            PartStatus::Found => 'F',
            PartStatus::Weak => 'w',
            PartStatus::Missing => '-',
        })
        .collect()
}

#[test]
fn required_parts_of_the_seeds() {
    // P1..P5: F found, w weak, - missing.
    let rows = [
        (
            "000_4650dba7b757251d",
            "FFFF-",
            "P2/P4 unnumbered paragraphs at the end; P3 under 八、",
        ),
        ("001_b9193b597ac501b4", "F----", "only P1"),
        (
            "002_e8b339a04b4c8932",
            "FFwF-",
            "二、存在问题和下一步工作安排 carries P2 and P4; P3 folded into 主体责任",
        ),
        (
            "003_41826c3ca9c971ec",
            "FFFF-",
            "Traditional, P1-P4 as 一、-四、",
        ),
        (
            "004_f9597e8d61f080e1",
            "FFFF-",
            "many documents in one page; the 南通市 report carries P1-P4",
        ),
    ];
    for (name, want, reason) in rows {
        assert_eq!(verdicts(name), want, "{name}: {reason}");
    }
}

#[test]
fn parts_from_headings_and_passages() {
    let rows: &[(&str, &str, &str)] = &[
        ("一、主要举措和成效\n开展了工作。\n二、存在的问题\n有待加强。\n三、下一步工作打算\n继续推进。\n四、其他需要报告的情况\n无。",
         "FF-FF", "headings; P3 missing; P5 by its own heading"),
        ("一、工作开展情况\n开展。\n(三)重点工作\n推进。", "F----", "generic 重点工作 below the top level is not a plan"),
        ("一、主要工作\n正文。\n五是查找一批短板弱项。", "w----", "a 五是 task is not P2; one work section is a weak P1"),
    ];
    for (text, want, reason) in rows {
        let got: String = analyze(text)
            .parts
            .iter()
            .map(|p| match p.status {
                PartStatus::Found => 'F',
                PartStatus::Weak => 'w',
                PartStatus::Missing => '-',
            })
            .collect();
        assert_eq!(got, *want, "{reason}");
    }
}

#[test]
fn coverage_lists_every_area_and_flags_empty_ones() {
    let a = analyze(&fixture("001_b9193b597ac501b4"));
    let ids: Vec<&str> = a.coverage.iter().map(|c| c.area).collect();
    assert_eq!(ids, ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9"]);
    // 洪山 2017 says nothing about emergencies or digital government.
    assert_eq!(a.coverage[4].score, 0);
    assert_eq!(a.coverage[7].score, 0);
    assert!(a.coverage[2]
        .phrases
        .iter()
        .any(|h| h.text == "法律顾问" && h.count == 9));
}

#[test]
fn from_to_pairs_whose_direction_contradicts_the_values_are_flagged() {
    // Real sentence from seed 000: the direction agrees, nothing to say.
    let ok = "法定承诺时限从累计90个工作日压缩至38个工作日。";
    assert!(report_lens::analyze(ok)
        .diagnostics
        .iter()
        .all(|d| d.code != Code::FigureRange));
    // Constructed wrong ones: 缩短 to a larger value, 提高 to a smaller one.
    for (t, n) in [
        ("平均审批时间由5个工作日缩短至20个工作日。", 1),
        ("群众满意度由98%提高到95%。", 1),
        ("办理时限由5天压缩至1天。", 0),
    ] {
        let a = report_lens::analyze(t);
        let found: Vec<_> = a
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::FigureRange)
            .collect();
        assert_eq!(found.len(), n, "{t}: {:?}", a.diagnostics);
        if n == 1 {
            assert_eq!(found[0].spans.len(), 2, "both figures are highlighted");
            assert!(found[0].message.contains("矛盾"));
        }
    }
}
