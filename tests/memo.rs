//! The 审查意见 (`output::memo`) on the real reports: what each section says, the proposed
//! conclusion, the reviewer's edits surviving a JSON round trip into every renderer, and the
//! `.docx` read back with `zip` + `quick-xml` (not the writer's own code).
#![cfg(all(feature = "memo-docx", feature = "docx"))]

mod common;
mod office;

use common::TEXTS;
use report_lens::analyze;
use report_lens::output::memo::{self, Memo, SectionId, Verdict};

fn draft(id: &str) -> (Memo, &'static str) {
    let (_, text) = TEXTS.iter().find(|(i, _)| *i == id).unwrap();
    let a = analyze(text);
    (memo::draft(text, &a, &format!("{id}.txt")), text)
}

fn body(m: &Memo, id: SectionId) -> &str {
    &m.section(id).unwrap().body
}

#[test]
fn every_report_gets_six_sections_in_order_under_its_title() {
    for (id, text) in TEXTS {
        let a = analyze(text);
        let m = memo::draft(text, &a, &format!("{id}.txt"));
        let ids: Vec<SectionId> = m.sections.iter().map(|s| s.id).collect();
        assert_eq!(ids, SectionId::ALL, "{id}");
        let headings: Vec<&str> = m.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "一、基本情况",
                "二、必备内容",
                "三、纲要任务落实",
                "四、数据核对",
                "五、格式规范",
                "六、审查结论"
            ]
        );
        assert!(m.sections.iter().all(|s| !s.body.trim().is_empty()), "{id}");
        match &a.meta.title {
            Some(t) => assert_eq!(m.title, format!("关于《{t}》的审查意见"), "{id}"),
            None => assert_eq!(m.report, format!("{id}.txt"), "{id}: untitled → file name"),
        }
        assert_eq!(m.verdict, m.proposed, "{id}: the draft proposes");
        assert!(
            body(&m, SectionId::Conclusion).starts_with(&m.proposed.sentence()),
            "{id}"
        );
    }
}

#[test]
fn basic_facts_are_the_reports_own() {
    let (m, _) = draft("000");
    let b = body(&m, SectionId::Basic);
    assert!(b.contains("由梅列区人民政府发布"), "{b}");
    assert!(b.contains("报告年度为2019年"), "{b}");
    assert!(b.contains("公开日期为2020年1月24日"), "{b}");
    assert!(b.contains("全文8466字"), "{b}");
    assert!(b.contains("落款：梅列区人民政府 2020-01-10"), "{b}");
}

#[test]
fn required_parts_say_found_weak_missing_and_where() {
    // 002 (2021): P3 is only traces; P1 is carried by a heading.
    let (m, _) = draft("002");
    let p = body(&m, SectionId::Parts);
    assert!(
        p.contains("1. 主要举措和成效：具备，见“一、2021年法治政府建设工作成效”"),
        "{p}"
    );
    assert!(
        p.contains("3. 党政主要负责人履行第一责任人职责情况：较弱，仅见“"),
        "{p}"
    );
    assert!(
        p.contains("5. 其他需要报告的情况：缺失（如无其他需要报告的情况，可不列）"),
        "{p}"
    );
    assert_eq!(m.proposed, Verdict::Revise);
    assert!(
        m.reasons.iter().any(|r| r.contains("内容较弱")),
        "{:?}",
        m.reasons
    );
    // 001 (2017): the parts were not required yet.
    let (m, _) = draft("001");
    let p = body(&m, SectionId::Parts);
    assert!(p.contains("以下核对仅供参考"), "{p}");
    assert!(p.contains("存在的不足和原因：未要求（2019年前）"), "{p}");
    assert!(
        !m.reasons.iter().any(|r| r.starts_with("缺少")),
        "{:?}",
        m.reasons
    );
}

#[test]
fn tasks_name_the_outline_of_the_year_and_list_what_is_absent() {
    let (m, _) = draft("002");
    let t = body(&m, SectionId::Tasks);
    assert!(
        t.starts_with("对照《法治政府建设实施纲要（2021—2025年）》"),
        "{t}"
    );
    assert!(t.contains("任务落实得分49分"), "{t}");
    assert!(t.contains("（二）未涉及的任务"), "{t}");
    assert!(t.contains("（三十）加快推进政务数据有序共享。"), "{t}");
    // Titles not yet checked word for word are noted once, not tagged one by one.
    assert!(t.contains("（十二）加强行政决策执行和评估。"), "{t}");
    assert!(!t.contains("题名待核"), "{t}");
    assert_eq!(t.matches("请与正式文本核对").count(), 1, "{t}");
    // The 2015 纲要's measures are named as measures, not as a second item number.
    let (m, _) = draft("000");
    let t = body(&m, SectionId::Tasks);
    assert!(
        t.starts_with("对照《法治政府建设实施纲要（2015—2020年）》"),
        "{t}"
    );
    assert!(t.contains("措施4 完善宏观调控"), "{t}");
}

#[test]
fn figure_problems_are_listed_with_their_passage_and_change_the_conclusion() {
    let text = "某县2023年法治政府建设年度报告\n\
                一、主要举措和成效\n\
                2023年共完成审计项目33个,其中:预算执行审计项目12个、专项调查审计项目2个、经济责任审计项目20个。\n\
                二、存在的不足和原因\n存在的不足主要是基层力量薄弱，有待加强，工作不够深入。\n\
                三、党政主要负责人履行推进法治建设第一责任人职责情况\n县长切实履行第一责任人职责。\n\
                四、2024年工作安排\n下一步，我们将进一步加强法治政府建设。";
    let a = analyze(text);
    let m = memo::draft(text, &a, "县.txt");
    let f = body(&m, SectionId::Figures);
    assert!(f.contains("1处存疑，请核实"), "{f}");
    assert!(f.contains("［分项合计］"), "{f}");
    assert!(f.contains("（位于“一、主要举措和成效”）"), "{f}");
    assert!(
        m.reasons.iter().any(|r| r == "数据核对存疑1处"),
        "{:?}",
        m.reasons
    );
    assert!(m.proposed >= Verdict::Revise);
}

#[test]
fn form_findings_carry_the_passage_and_the_fix() {
    let (m, _) = draft("001");
    let f = body(&m, SectionId::Form);
    assert!(f.contains("［发文字号］"), "{f}");
    assert!(f.contains("原文“[2017]2号”"), "{f}");
    assert!(f.contains("建议改为“〔2017〕2号”"), "{f}");
    // A doubled character is quoted with its context.
    assert!(f.contains("发现的的问题"), "{f}");
    // 000's heading markers: listed, at most eight of a kind, the rest counted.
    let (m, _) = draft("000");
    let f = body(&m, SectionId::Form);
    assert!(f.contains("（二）标题序号"), "{f}");
    assert!(f.contains("另有9处同类问题"), "{f}");
}

#[test]
fn a_report_missing_required_parts_is_returned() {
    let text = "某区2023年法治政府建设年度报告\n一、主要举措和成效\n全年办理案件64件。";
    let a = analyze(text);
    let m = memo::draft(text, &a, "a.txt");
    assert_eq!(m.proposed, Verdict::Return);
    assert!(m
        .reasons
        .contains(&"缺少“存在的不足和原因”部分".to_string()));
    assert!(body(&m, SectionId::Conclusion).starts_with("经审查，建议将该报告退回修改。"));
}

#[test]
fn edits_survive_json_and_reach_every_renderer() {
    let (mut m, _) = draft("003");
    // The page keeps the memo as JSON and the reviewer's text per section.
    let mut v: serde_json::Value = serde_json::to_value(&m).unwrap();
    assert_eq!(v["sections"][5]["id"], "conclusion");
    assert_eq!(v["verdict"], serde_json::json!(m.proposed));
    v["sections"][4]["body"] = "（一）复核意见\n标点问题已由报告单位改正。".into();
    v["verdict"] = "pass".into();
    let edited: Memo = serde_json::from_value(v).unwrap();
    assert_eq!(edited.verdict, Verdict::Pass);
    m.set_body(
        SectionId::Form,
        "（一）复核意见\n标点问题已由报告单位改正。",
    );
    m.verdict = Verdict::Pass;
    assert_eq!(edited, m);
    m.set_verdict(Verdict::Pass);
    m.set_verdict(Verdict::Pass);
    let c = body(&m, SectionId::Conclusion);
    assert!(c.starts_with("经审查，建议该报告通过。\n"), "{c}");
    assert_eq!(
        c.matches("经审查").count(),
        1,
        "set_verdict replaces its sentence"
    );
    let md = memo::to_markdown(&m);
    assert!(
        md.contains("## 五、格式规范\n\n**（一）复核意见**\n\n标点问题已由报告单位改正。"),
        "{md}"
    );
    assert!(
        !md.contains("［半角标点］"),
        "the drafted form findings are gone"
    );
    let txt = memo::to_text(&m);
    assert!(
        txt.contains("五、格式规范\n（一）复核意见\n\u{3000}\u{3000}标点问题已由报告单位改正。"),
        "{txt}"
    );
    // The page's keys and the labels it shows name the same things.
    for id in SectionId::ALL {
        assert_eq!(SectionId::from_name(id.as_str()), Some(id));
        assert_eq!(serde_json::to_value(id).unwrap(), id.as_str());
    }
    for v in Verdict::ALL {
        assert_eq!(Verdict::from_name(v.as_str()), Some(v));
        assert_eq!(Verdict::from_name(v.label()), Some(v));
        assert_eq!(serde_json::to_value(v).unwrap(), v.as_str());
    }
    // A memo saved before signer/date existed still loads.
    let mut old = serde_json::to_value(&m).unwrap();
    old.as_object_mut().unwrap().remove("signer");
    old.as_object_mut().unwrap().remove("date");
    assert!(serde_json::from_value::<Memo>(old).is_ok());
}

#[test]
fn the_docx_holds_the_title_sections_and_edits_in_the_gbt9704_fonts() {
    let (mut m, _) = draft("000");
    m.set_body(
        SectionId::Conclusion,
        "经审查，建议该报告通过。\n审查人员意见：同意。",
    );
    m.signer = "某区司法局".into();
    m.date = "2026年12月7日".into();
    let bytes = memo::to_docx(&m).unwrap();
    let parts = office::parts(&bytes);
    assert!(parts.contains_key("[Content_Types].xml"));
    // Body paragraphs open with two characters of 三号 (640 twips); the page is A4.
    let xml = &parts["word/document.xml"];
    assert!(xml.contains(r#"w:firstLine="640""#));
    assert!(xml.contains(r#"w:w="11906""#) && xml.contains(r#"w:h="16838""#));
    let ps = office::docx_paragraphs(&bytes);
    let title = &ps[0];
    assert_eq!(
        title.text,
        "关于《梅列区2019年法治政府建设工作情况报告》的审查意见"
    );
    assert_eq!(title.align.as_deref(), Some("center"));
    assert_eq!(title.font.as_deref(), Some("方正小标宋简体"));
    assert_eq!(title.size, Some(44));
    let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
    let mut at = 0;
    for id in SectionId::ALL {
        let k = texts[at..]
            .iter()
            .position(|t| *t == id.heading())
            .unwrap_or_else(|| panic!("{} after paragraph {at}", id.heading()));
        at += k;
        assert_eq!(ps[at].font.as_deref(), Some("黑体"), "{}", id.heading());
    }
    let body = ps
        .iter()
        .find(|p| p.text.starts_with("《梅列区2019年"))
        .unwrap();
    assert_eq!(body.font.as_deref(), Some("仿宋_GB2312"));
    assert_eq!(body.size, Some(32));
    let sub = ps.iter().find(|p| p.text == "（一）文字与标点").unwrap();
    assert_eq!(sub.font.as_deref(), Some("楷体_GB2312"));
    assert!(texts.contains(&"审查人员意见：同意。"));
    assert_eq!(texts[texts.len() - 2..], ["某区司法局", "2026年12月7日"]);
    assert!(
        ps.iter().any(|p| p.text.contains("“(三)”")),
        "quotes and brackets survive XML escaping"
    );
}

#[test]
fn empty_and_odd_input_still_give_a_memo() {
    for text in ["", "\n\n", "<>&\"'", "一、\n（一）\n1."] {
        let a = analyze(text);
        let m = memo::draft(text, &a, "空.txt");
        assert_eq!(m.sections.len(), 6);
        let bytes = memo::to_docx(&m).unwrap();
        assert!(!office::docx_paragraphs(&bytes).is_empty());
        assert!(memo::to_markdown(&m).starts_with("# 关于《空.txt》的审查意见"));
    }
}

#[test]
fn file_names_are_safe_and_drop_the_extension_of_an_untitled_report() {
    let (m, _) = draft("004");
    assert_eq!(m.file_name("docx"), "审查意见-004.docx");
    let (mut m, _) = draft("000");
    assert_eq!(
        m.file_name("md"),
        "审查意见-梅列区2019年法治政府建设工作情况报告.md"
    );
    m.report = "a/b:c*?".into();
    assert_eq!(m.file_name("docx"), "审查意见-a_b_c__.docx");
}

#[test]
fn excerpts_stay_on_one_line_and_quote_short_spans_in_context() {
    use report_lens::text::Span;
    let text = "第一行\n在检查抽查中发现的的问题,由区政府法制办督促整改。\n第三行";
    let at = text.find("的的").unwrap();
    let e = memo::excerpt(text, Span::new(at, at + "的的".len()));
    assert_eq!(e, "在检查抽查中发现的的问题,由区政府法…");
    let long = "长".repeat(100);
    assert_eq!(
        memo::excerpt(&long, Span::new(0, long.len()))
            .chars()
            .count(),
        memo::EXCERPT_CHARS + 1
    );
    assert_eq!(memo::excerpt(text, Span::new(500, 900)), "");
}
