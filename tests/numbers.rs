//! Figures as the genre writes them (issue 12): every numeral form, every rate form, signs
//! and change words, lists and ranges, spaces from PDF copies, and the look-alikes that must
//! stay out. Each table row is a sentence, what a reviewer highlights in it, and why.

use proptest::prelude::*;
use report_lens::{analyze, Direction, Kind};

/// `(highlighted text, value, unit)` of every indicator of `t`.
fn figures(t: &str) -> Vec<(String, f64, String)> {
    analyze(t)
        .indicators
        .iter()
        .map(|i| {
            (
                t[i.span.start..i.span.end].to_string(),
                i.value,
                i.unit.clone(),
            )
        })
        .collect()
}

/// One row: a sentence, the figures highlighted in it (`text`, value, unit), and why.
type Row<'a> = (&'a str, &'a [(&'a str, f64, &'a str)], &'a str);

fn check(table: &[Row]) {
    for &(t, want, why) in table {
        let want: Vec<(String, f64, String)> = want
            .iter()
            .map(|&(s, v, u)| (s.to_string(), v, u.to_string()))
            .collect();
        assert_eq!(figures(t), want, "{t}: {why}");
    }
}

#[test]
fn chinese_numerals_are_read_whole() {
    check(&[
        (
            "全年受理一千三件。",
            &[("一千三件", 1300.0, "件")],
            "abbreviated tail after 千",
        ),
        (
            "受理两千三百五件。",
            &[("两千三百五件", 2350.0, "件")],
            "abbreviated tail after 百",
        ),
        (
            "受理九萬四件。",
            &[("九萬四件", 94_000.0, "件")],
            "Traditional 萬, tail after 万",
        ),
        (
            "涉及四十五億四千零四萬件。",
            &[("四十五億四千零四萬件", 4_540_040_000.0, "件")],
            "亿 and 万 groups with 零",
        ),
        ("共四万亿件。", &[("四万亿件", 4e12, "件")], "万亿"),
        (
            "共七十八萬五佰零六件。",
            &[("七十八萬五佰零六件", 780_506.0, "件")],
            "financial 佰 among common numerals",
        ),
        (
            "共拾六萬零五百零六件。",
            &[("拾六萬零五百零六件", 160_506.0, "件")],
            "leading financial 拾",
        ),
        (
            "平均十五点七件。",
            &[("十五点七件", 15.7, "件")],
            "Chinese decimal",
        ),
        (
            "支出壹佰伍拾元。",
            &[("壹佰伍拾元", 150.0, "元")],
            "financial numerals",
        ),
        (
            "受理肆拾肆件。",
            &[("肆拾肆件", 44.0, "件")],
            "financial with a tail digit",
        ),
        ("共办理兩件。", &[("兩件", 2.0, "件")], "Traditional 兩"),
        ("培训十余次。", &[("十余次", 10.0, "次")], "十 with 余"),
        ("培训十几次。", &[("十几次", 10.0, "次")], "十 with 几"),
        (
            "惠及一千多万人。",
            &[("一千多万人", 1e7, "人")],
            "approximate tail inside",
        ),
        ("惠及十多万人。", &[("十多万人", 1e5, "人")], "十多万"),
        ("惠及二十几万人。", &[("二十几万人", 2e5, "人")], "二十几万"),
    ]);
}

#[test]
fn arabic_and_mixed_numbers_are_read_whole() {
    check(&[
        (
            "全年受理1,234,567件。",
            &[("1,234,567件", 1_234_567.0, "件")],
            "groups",
        ),
        (
            "全年受理１，２３４件。",
            &[("１，２３４件", 1234.0, "件")],
            "full-width groups",
        ),
        ("受理3万4000件。", &[("3万4000件", 34_000.0, "件")], "mixed"),
        (
            "培训25万6千人。",
            &[("25万6千人", 256_000.0, "人")],
            "mixed with 千",
        ),
        (
            "受理1千零20件。",
            &[("1千零20件", 1020.0, "件")],
            "mixed with 零",
        ),
        (
            "投入2千零30万元。",
            &[("2千零30万元", 20_300_000.0, "元")],
            "mixed ending in 万",
        ),
        (
            "投入500余万元。",
            &[("500余万元", 500.0, "万元")],
            "余 before the magnitude",
        ),
        (
            "投入1.35亿元。",
            &[("1.35亿元", 1.35, "亿元")],
            "magnitude in the unit",
        ),
        (
            "咨询1.19万人次。",
            &[("1.19万人次", 1.19, "万人次")],
            "magnitude before a measure word",
        ),
        (
            "装机3千瓦。",
            &[("3千瓦", 3.0, "千瓦")],
            "a unit that starts like a magnitude",
        ),
    ]);
}

#[test]
fn rates_in_every_form() {
    check(&[
        (
            "满意率达百分之九十五。",
            &[("百分之九十五", 95.0, "百分之")],
            "百分之 Chinese",
        ),
        (
            "满意率达百分之12.5。",
            &[("百分之12.5", 12.5, "百分之")],
            "百分之 Arabic",
        ),
        (
            "差错率千分之2.4。",
            &[("千分之2.4", 2.4, "千分之")],
            "千分之",
        ),
        ("差错率万分之三。", &[("万分之三", 3.0, "万分之")], "万分之"),
        ("差错率5‰。", &[("5‰", 5.0, "‰")], "per mille"),
        ("覆盖三成企业。", &[("三成", 3.0, "成")], "成"),
        ("九成以上的事项", &[("九成以上", 9.0, "成")], "成 with 以上"),
        ("仅占半成。", &[("半成", 0.5, "成")], "半成"),
        ("占三成半。", &[("三成半", 3.5, "成")], "三成半"),
        (
            "超过三分之二的案件",
            &[("超过三分之二", 2.0 / 3.0, "分之")],
            "fraction",
        ),
        (
            "提高5.17个百分点。",
            &[("提高5.17个百分点", 5.17, "个百分点")],
            "percentage points",
        ),
        (
            "办结率98.79％。",
            &[("98.79％", 98.79, "%")],
            "full-width percent",
        ),
    ]);
}

#[test]
fn normalised_values_sum_across_forms() {
    let t = "满意率百分之九十五,覆盖三成企业,差错率千分之2.4,三分之二的案件,投入1.35亿元,咨询1.19万人次。";
    let got: Vec<(f64, String)> = analyze(t)
        .indicators
        .iter()
        .map(|i| {
            (
                (i.normalized * 100.0).round() / 100.0,
                i.normalized_unit.clone(),
            )
        })
        .collect();
    let want: Vec<(f64, String)> = [
        (95.0, "%"),
        (30.0, "%"),
        (0.24, "%"),
        (66.67, "%"),
        (135_000_000.0, "元"),
        (11_900.0, "人次"),
    ]
    .iter()
    .map(|&(v, u)| (v, u.to_string()))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn signs_and_change_words_give_a_direction() {
    let table: &[(&str, &str, f64, Option<Direction>, f64)] = &[
        (
            "增速为负3.9%。",
            "负3.9%",
            -3.9,
            Some(Direction::Down),
            -3.9,
        ),
        (
            "增速为-22.2%。",
            "-22.2%",
            -22.2,
            Some(Direction::Down),
            -22.2,
        ),
        (
            "增速为－22.2％。",
            "－22.2％",
            -22.2,
            Some(Direction::Down),
            -22.2,
        ),
        (
            "满意率上升了百分之2.2。",
            "上升了百分之2.2",
            2.2,
            Some(Direction::Up),
            2.2,
        ),
        (
            "案件下降百分之十二。",
            "下降百分之十二",
            12.0,
            Some(Direction::Down),
            -12.0,
        ),
        (
            "来访同比下降14.7%。",
            "同比下降14.7%",
            14.7,
            Some(Direction::Down),
            -14.7,
        ),
    ];
    for &(t, text, value, direction, normalized) in table {
        let a = analyze(t);
        let i = &a.indicators[0];
        assert_eq!(
            (
                &t[i.span.start..i.span.end],
                i.value,
                i.direction,
                i.kind,
                i.normalized
            ),
            (text, value, direction, Kind::Change, normalized),
            "{t}"
        );
    }
    // `担负12项任务`: 负 is part of a word, and counts have no sign.
    assert_eq!(
        figures("担负12项任务。"),
        [("12项".to_string(), 12.0, "项".to_string())]
    );
}

#[test]
fn small_chinese_counts_count_unless_a_set_phrase_names_them() {
    check(&[
        (
            "市委书记两次主持召开会议。",
            &[("两次", 2.0, "次")],
            "count before a verb",
        ),
        (
            "聘请两名律师担任顾问。",
            &[("两名", 2.0, "名")],
            "count before a noun",
        ),
        (
            "成立五个专项小组。",
            &[("五个", 5.0, "个")],
            "count before a noun",
        ),
        (
            "分两批开展培训。",
            &[("两批", 2.0, "批")],
            "count of batches",
        ),
        (
            "全年学法两次,",
            &[("两次", 2.0, "次")],
            "count at a clause end",
        ),
        ("深入推进行政执法三项制度。", &[], "set phrase"),
        ("坚决做到两个维护。", &[], "set phrase"),
        ("增强四个意识。", &[], "set phrase"),
        ("开展五大行动。", &[], "大 is no measure word"),
        ("落实一岗双责。", &[], "slogan"),
        ("做好“八五”普法。", &[], "quoted plan name"),
        ("实施五个一工程。", &[], "numbered slogan"),
        ("从三个方面推进。", &[], "the parts of a plan"),
        ("推进二期工程建设。", &[], "a project phase"),
        ("践行六个“继续坚持”。", &[], "a quoted list"),
    ]);
}

#[test]
fn lists_give_one_figure_per_number() {
    check(&[
        (
            "分别受理12、15、20件。",
            &[("12", 12.0, "件"), ("15", 15.0, "件"), ("20件", 20.0, "件")],
            "a list sharing its unit",
        ),
        (
            "分别提高9.13、0.04和1.01个百分点。",
            &[
                ("9.13", 9.13, "个百分点"),
                ("0.04", 0.04, "个百分点"),
                ("1.01个百分点", 1.01, "个百分点"),
            ],
            "a list with 和",
        ),
        ("表彰第1、2、3名。", &[], "an ordinal list"),
        (
            "办结67件、调解55件。",
            &[("67件", 67.0, "件"), ("55件", 55.0, "件")],
            "own units",
        ),
    ]);
    let a = analyze("分别提高9.13、0.04和1.01个百分点。");
    assert!(
        a.indicators
            .iter()
            .all(|i| i.direction == Some(Direction::Up) && i.kind == Kind::Change),
        "the direction before the list applies to every number"
    );
}

#[test]
fn ranges_are_one_figure_with_both_ends() {
    let table: &[(&str, &str, f64, f64, &str)] = &[
        ("压缩至3至5个工作日。", "3至5个工作日", 3.0, 5.0, "个工作日"),
        ("组建3—5个小组。", "3—5个", 3.0, 5.0, "个"),
        ("占比10%～20%。", "10%～20%", 10.0, 20.0, "%"),
        (
            "投入1.2亿元至1.5亿元。",
            "1.2亿元至1.5亿元",
            1.2,
            1.5,
            "亿元",
        ),
        ("办理时限三到五天。", "三到五天", 3.0, 5.0, "天"),
    ];
    for &(t, text, low, high, unit) in table {
        let a = analyze(t);
        assert_eq!(a.indicators.len(), 1, "{t}");
        let i = &a.indicators[0];
        assert_eq!(
            (
                &t[i.span.start..i.span.end],
                i.value,
                i.high,
                i.unit.as_str()
            ),
            (text, low, Some(high), unit),
            "{t}"
        );
    }
    // From one value to another is a change, not a range.
    assert_eq!(figures("由20个工作日缩短至5个工作日。").len(), 2);
    assert!(figures("规划(2021—2025年)").is_empty(), "a period");
}

#[test]
fn spaces_change_nothing_but_the_span() {
    check(&[
        (
            "全区 39 个部门",
            &[("39 个", 39.0, "个")],
            "spaces around the number",
        ),
        (
            "受理案件 146 件,",
            &[("146 件", 146.0, "件")],
            "space before the measure word",
        ),
        (
            "投入 1.2 亿元。",
            &[("1.2 亿元", 1.2, "亿元")],
            "space before the magnitude",
        ),
        ("办结率 92 %。", &[("92 %", 92.0, "%")], "space before %"),
        (
            "投入 1 . 2 亿元。",
            &[("1 . 2 亿元", 1.2, "亿元")],
            "spaces around the point",
        ),
        (
            "同比下降 14.7 %。",
            &[("同比下降 14.7 %", 14.7, "%")],
            "change with spaces",
        ),
        (
            "超过\u{a0}130\u{3000}件",
            &[("超过\u{a0}130\u{3000}件", 130.0, "件")],
            "NBSP, U+3000",
        ),
        (
            "增速为 - 22.2 %",
            &[("- 22.2 %", -22.2, "%")],
            "space after the sign",
        ),
    ]);
}

#[test]
fn look_alikes_stay_unmatched() {
    check(&[
        ("学习十九届四中全会精神。", &[], "plenum"),
        ("一是加强领导。", &[], "run-in enumerator"),
        ("推行三项制度。", &[], "set phrase"),
        ("拨打12345热线。", &[], "hotline without a unit"),
        ("履行第一责任人职责。", &[], "ordinal"),
        ("做到两个维护。", &[], "slogan"),
        ("2019年10月印发,4月26日召开。", &[], "dates"),
        ("2021—2025年规划", &[], "a period"),
        ("梅政〔2019〕10号", &[], "document number"),
        ("一一对应整改。", &[], "not a number"),
        ("三五成群。", &[], "not a number"),
        ("版本1.2.3个", &[], "a version number, never its tail"),
        ("十五点七", &[], "no unit"),
        (
            "统一12个标准",
            &[],
            "the numeral 一 runs into the digits: never a tail",
        ),
        ("队伍建设", &[], "伍 is no numeral here"),
        ("陆续开展", &[], "陆 is no numeral here"),
        ("零件供应", &[], "零 alone is no count"),
        ("建成为示范区", &[], "成 of 成为"),
    ]);
    // A financial character beside a number is an everyday word.
    check(&[(
        "组建执法队伍3支。",
        &[("3支", 3.0, "支")],
        "队伍 then a count",
    )]);
}

// ---- value round-trip ---------------------------------------------------------------------

/// A value written in Chinese numerals, common (`两` for a leading 2) or financial.
fn chinese(v: u64, financial: bool, liang: bool) -> String {
    let digits: [char; 10] = if financial {
        ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖']
    } else {
        ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
    };
    let units: [char; 4] = if financial {
        ['\0', '拾', '佰', '仟']
    } else {
        ['\0', '十', '百', '千']
    };
    // Below 10⁴: digits with their places, 零 for a gap.
    let section = |n: u64, lead: bool| -> String {
        let mut s = String::new();
        let mut zero = false;
        for p in (0..4).rev() {
            let d = (n / 10u64.pow(p)) % 10;
            if d == 0 {
                zero = !s.is_empty();
                continue;
            }
            if zero {
                s.push('零');
                zero = false;
            }
            let ten_alone = p == 1 && d == 1 && s.is_empty() && lead;
            if !ten_alone {
                let c = if d == 2 && liang && p >= 2 && !financial {
                    '两'
                } else {
                    digits[d as usize]
                };
                s.push(c);
            }
            if p > 0 {
                s.push(units[p as usize]);
            }
        }
        s
    };
    let (hi, lo) = (v / 10_000, v % 10_000);
    if hi == 0 {
        return section(lo, true);
    }
    let mut s = section(hi, true);
    s.push('万');
    if lo > 0 {
        if lo < 1000 {
            s.push('零');
        }
        s.push_str(&section(lo, false));
    }
    s
}

/// `v` with thousands commas.
fn grouped(v: u64) -> String {
    let d = v.to_string();
    let mut out = String::new();
    for (k, c) in d.chars().enumerate() {
        if k > 0 && (d.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Ways of writing `v`; each is `(text, value read)`.
fn styles(v: u64) -> Vec<(String, f64)> {
    let mut out = vec![
        (v.to_string(), v as f64),
        (grouped(v), v as f64),
        (chinese(v, false, true), v as f64),
    ];
    if v >= 10 {
        // A financial digit alone is an everyday character (`伍`): only with a multiplier.
        out.push((chinese(v, true, false), v as f64));
    }
    // Traditional: 萬 for 万, 兩 for 两.
    out.push((
        chinese(v, false, true)
            .replace('万', "萬")
            .replace('两', "兩"),
        v as f64,
    ));
    // Full-width digits.
    out.push((
        v.to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c))
            .collect(),
        v as f64,
    ));
    if v >= 10_000 && !v.is_multiple_of(10_000) {
        // Mixed: `3万4000`, `3万零400`.
        let (hi, lo) = (v / 10_000, v % 10_000);
        let zero = if lo < 1000 { "零" } else { "" };
        out.push((format!("{hi}万{zero}{lo}"), v as f64));
    }
    // Abbreviated tail: `一千三` for 1300.
    if (1100..10_000).contains(&v) && v.is_multiple_of(100) && !v.is_multiple_of(1000) {
        let t = chinese(v, false, true);
        out.push((t.trim_end_matches('百').to_string(), v as f64));
    }
    out
}

const UNITS: &[&str] = &[
    "件",
    "项",
    "人次",
    "个",
    "家",
    "元",
    "%",
    "个工作日",
    "个百分点",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any value, written in any style, with or without spaces, inside a sentence: read back
    /// with the same value and a span that covers the whole figure.
    #[test]
    fn values_round_trip(v in 2u64..100_000_000, unit in prop::sample::select(UNITS), spaced in any::<bool>()) {
        for (written, value) in styles(v) {
            let sp = if spaced { " " } else { "" };
            let t = format!("全年共受理{sp}{written}{sp}{unit},");
            let a = analyze(&t);
            prop_assert_eq!(a.indicators.len(), 1, "{}", t);
            let i = &a.indicators[0];
            let want_span = format!("{written}{sp}{unit}");
            prop_assert_eq!(&t[i.span.start..i.span.end], want_span.as_str(), "{}", t);
            prop_assert_eq!(i.value, value, "{}", t);
        }
    }
}

// ---- spaces in the fixtures ---------------------------------------------------------------

const FIXTURES: &[(&str, &str)] = &[
    ("000", include_str!("fixtures/000_4650dba7b757251d.txt")),
    ("001", include_str!("fixtures/001_b9193b597ac501b4.txt")),
    ("002", include_str!("fixtures/002_e8b339a04b4c8932.txt")),
    ("003", include_str!("fixtures/003_41826c3ca9c971ec.txt")),
    ("004", include_str!("fixtures/004_f9597e8d61f080e1.txt")),
];

fn is_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// `t` with a space between every ideograph and a digit (either order), as PDF copies and
/// pages that space Latin from Chinese write it.
fn spaced(t: &str) -> String {
    let mut out = String::with_capacity(t.len() * 2);
    let mut prev: Option<char> = None;
    for c in t.chars() {
        let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
        if let Some(p) = prev {
            if is_ideograph(p) && digit(c) || digit(p) && is_ideograph(c) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// What a reviewer compares: text without spaces, value, unit, kind, qualifiers, subject.
fn comparable(t: &str) -> Vec<String> {
    analyze(t)
        .indicators
        .iter()
        .map(|i| {
            format!(
                "{} {} {:?} {} {:?} {:?} {:?} {:?}",
                t[i.span.start..i.span.end].replace(' ', ""),
                i.value,
                i.high,
                i.unit,
                i.kind,
                i.approx,
                i.direction,
                i.basis,
            )
        })
        .collect()
}

#[test]
fn fixtures_with_spaces_give_the_same_indicators() {
    for (name, t) in FIXTURES {
        let want = comparable(t);
        let got = comparable(&spaced(t));
        let missing: Vec<&String> = want.iter().filter(|w| !got.contains(w)).collect();
        let extra: Vec<&String> = got.iter().filter(|g| !want.contains(g)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{name}: {} of {} differ; missing {missing:?}; extra {extra:?}",
            missing.len() + extra.len(),
            want.len()
        );
    }
}
