//! The precision-trap lexicon (issue 22): each row a sentence of the genre, the figures a
//! reviewer highlights in it (as written) and why, including the look-alikes that stay
//! figures. Numbers that name sessions, doctrines and terms, and the bounds of bands, are
//! no figures; counts beside them are.

use report_lens::analyze;

/// A sentence, the text of each figure found in it, and what the row tests.
type Row = (&'static str, &'static [&'static str], &'static str);

const ROWS: &[Row] = &[
    // ---- session ordinals: 届 + N次 + meeting, noise between the parts ------------------
    (
        "认真学习贯彻区委十二届五次全会精神。",
        &[],
        "十二届五次全会: the fifth plenary of the twelfth term",
    ),
    (
        "认真学习贯彻区委十二届 五次 全会精神。",
        &[],
        "spaces scraped between the parts",
    ),
    (
        "传达学习市委十四届*三次全会精神。",
        &[],
        "scraping noise between 届 and the session",
    ),
    (
        "县十七届人大五次会议审议通过政府工作报告。",
        &[],
        "届 + organ + N次会议",
    ),
    (
        "区十七届人大常委会三十二次会议听取专项报告。",
        &[],
        "届 + 人大常委会 + N次会议",
    ),
    (
        "县第十七届人民代表大会第三次会议召开。",
        &[],
        "第N次会议 is an ordinal",
    ),
    (
        "县第十七届人民代表大会第 三次会议召开。",
        &[],
        "第 then a space: still an ordinal",
    ),
    ("深入学习党的十九届四中全会精神。", &[], "N中全会: no unit"),
    (
        "全年召开三次全会研究法治工作。",
        &["三次"],
        "look-alike: 召开三次全会 counts meetings (no 届)",
    ),
    (
        "组织开展三次培训。",
        &["三次"],
        "look-alike: 开展三次培训 counts trainings",
    ),
    (
        "本届政府召开三次常务会议专题研究。",
        &["三次"],
        "look-alike: 届 of another noun (本届政府), then a verb",
    ),
    (
        "全年召开区委全会三次。",
        &["三次"],
        "look-alike: the count after the meeting",
    ),
    // ---- doctrine and slogan counts ------------------------------------------------------
    (
        "讲清全面依法治国的三个重大意义。",
        &[],
        "三个重大意义 names a doctrine's parts",
    ),
    (
        "深入领会十一个坚持的核心要义。",
        &[],
        "十一个坚持 names 习近平法治思想's parts",
    ),
    (
        "统筹“稳增长、保民生、防风险”三件大事。",
        &[],
        "三件大事 after a quoted slogan",
    ),
    (
        "全力推进“深化法治政府建设示范创建，争创‘三个示范’，打造一流法治化营商环境”工作。",
        &[],
        "a slogan in nested quotes, the outer quote long",
    ),
    ("奋力争创三个示范。", &[], "三个示范 ends the phrase"),
    (
        "建成3个示范基地。",
        &["3个"],
        "look-alike: 示范 modifies the counted noun",
    ),
    (
        "为群众办好十件民生大事。",
        &["十件"],
        "look-alike: 民生大事 are projects done",
    ),
    // ---- terms ---------------------------------------------------------------------------
    (
        "三次产业占比为5:40:55。",
        &[],
        "三次产业: the three sectors",
    ),
    (
        "推进一二三产业融合发展。",
        &[],
        "一二三产业: digits naming sectors",
    ),
    (
        "推进一、二、三产业融合发展。",
        &[],
        "一、二、三产业: a list of sector names",
    ),
    (
        "3个品种进入二期临床。",
        &["3个"],
        "二期临床: a trial phase; 3个 stays",
    ),
    (
        "获批2类新药3个。",
        &["3个"],
        "2类新药: a drug class; 3个 stays",
    ),
    (
        "开展三期培训班。",
        &["三期"],
        "look-alike: 期 of a training stays a count",
    ),
    // ---- band bounds: thresholds, left out -----------------------------------------------
    (
        "25个单位的满意度在90%至100%之间。",
        &["25个"],
        "a band's bounds; the count of units stays",
    ),
    (
        "满意度低于70%的单位有3个。",
        &["3个"],
        "低于70%的单位: a threshold; 3个 stays",
    ),
    (
        "满意度在90%以上的单位有25个。",
        &["25个"],
        "90%以上的单位 after a metric: a threshold",
    ),
    (
        "超过90%的企业实现网上办理。",
        &["超过90%"],
        "look-alike: a share of enterprises, no metric before the bound",
    ),
    (
        "群众满意率达98%。",
        &["98%"],
        "look-alike: a metric's result",
    ),
    (
        "取得满意率98%的好成绩。",
        &["98%"],
        "look-alike: no bound word, the rate achieved",
    ),
];

#[test]
fn traps_are_no_figures_and_look_alikes_stay() {
    let mut failures = Vec::new();
    for &(t, want, why) in ROWS {
        let a = analyze(t);
        let got: Vec<&str> = a
            .indicators
            .iter()
            .map(|i| &t[i.span.start..i.span.end])
            .collect();
        if got != want {
            failures.push(format!("{t} ({why}): want {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
