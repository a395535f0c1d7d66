//! Property tests: invariants of [`report_lens::analyze`] and of the JSON contract
//! ([`report_lens::output::export::to_json`]) over arbitrary strings, over strings assembled from
//! report-like pieces, and over random cuts of the real reports in `tests/fixtures/`.
//!
//! The invariants, checked by [`check`] for every generated text:
//!
//! * `analyze` does not panic;
//! * every span (sections, indicators, diagnostics, chrome, the title, parts, coverage hits)
//!   lies inside the text and on `char` boundaries; every section index is in range;
//! * indicators are non-empty, sorted and do not overlap; the number lies inside the
//!   indicator; an indicator's section contains it;
//! * sections come in document order; a heading lies inside its section and its title inside
//!   the heading; `parent` precedes the child, its span contains the child's span and its
//!   level is lower; only top-level sections have no parent;
//! * the JSON parses; its offsets are the code-point offsets of the byte spans; for every
//!   indicator the code-point slice `start..end` equals its `text`; for every section the
//!   slice `start..heading_end` is the written marker followed by the title.
//!
//! Deterministic tests check that analysis is repeatable, invariant under width folding
//! (every ASCII character written full-width) and under CRLF line endings.
//!
//! The case count is 256 per property unless `PROPTEST_CASES` says otherwise.

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use report_lens::{analyze, output::export::to_json, text::without_pinyin, Analysis};
use serde_json::Value;

mod common;
use common::TEXTS as FIXTURES;

// ---- the invariants ---------------------------------------------------------------------

/// Code-point offset of every byte offset that is a char boundary (`None` elsewhere).
fn char_offsets(text: &str) -> Vec<Option<usize>> {
    let mut out = vec![None; text.len() + 1];
    let mut n = 0;
    for (b, _) in text.char_indices() {
        out[b] = Some(n);
        n += 1;
    }
    out[text.len()] = Some(n);
    out
}

fn json_usize(v: &Value, key: &str) -> Result<usize, TestCaseError> {
    v[key]
        .as_u64()
        .map(|n| n as usize)
        .ok_or_else(|| TestCaseError::fail(format!("JSON field {key} missing in {v}")))
}

/// Checks every invariant listed in the module docs on `text`.
fn check(text: &str) -> Result<(), TestCaseError> {
    let a = analyze(text);
    check_analysis(text, &a)?;
    check_json(text, &a)
}

/// The structural invariants, shared with the fuzz targets ([`report_lens::invariants`]).
fn check_analysis(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    report_lens::invariants::check(text, a).map_err(TestCaseError::fail)
}

fn check_json(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    let json = to_json(text, a);
    let v: Value = serde_json::from_str(&json)
        .map_err(|e| TestCaseError::fail(format!("JSON does not parse: {e}: {json}")))?;
    let chars: Vec<char> = text.chars().collect();
    let cp = char_offsets(text);
    let slice = |start: usize, end: usize| -> String { chars[start..end].iter().collect() };

    let sections = v["sections"]
        .as_array()
        .ok_or_else(|| TestCaseError::fail("no sections array"))?;
    prop_assert_eq!(sections.len(), a.sections.len(), "JSON section count");
    for (k, (j, s)) in sections.iter().zip(&a.sections).enumerate() {
        let (start, end, heading_end) = (
            json_usize(j, "start")?,
            json_usize(j, "end")?,
            json_usize(j, "heading_end")?,
        );
        prop_assert_eq!(Some(start), cp[s.heading.start], "section {} start", k);
        prop_assert_eq!(Some(end), cp[s.span.end], "section {} end", k);
        prop_assert_eq!(
            Some(heading_end),
            cp[s.heading.end],
            "section {} heading_end",
            k
        );
        prop_assert!(
            start <= heading_end && heading_end <= end && end <= chars.len(),
            "section {k}: start {start}, heading_end {heading_end}, end {end}"
        );
        let title = j["title"].as_str().unwrap_or_default();
        let marker = j["marker"].as_str().unwrap_or_default();
        prop_assert_eq!(title, s.title.as_str(), "section {} JSON title", k);
        // As the user sees it: injected pinyin (`關(guān)`) is not part of titles or markers.
        let heading = without_pinyin(&slice(start, heading_end)).into_owned();
        prop_assert!(
            heading.ends_with(title),
            "section {k}: heading text {heading:?} does not end with the title {title:?}"
        );
        if !s.inferred {
            let written = heading[..heading.len() - title.len()].trim();
            prop_assert_eq!(
                written,
                marker,
                "section {}: heading text {:?} is not marker + title",
                k,
                heading
            );
        }
    }

    let indicators = v["indicators"]
        .as_array()
        .ok_or_else(|| TestCaseError::fail("no indicators array"))?;
    prop_assert_eq!(indicators.len(), a.indicators.len(), "JSON indicator count");
    for (k, (j, i)) in indicators.iter().zip(&a.indicators).enumerate() {
        let (start, end) = (json_usize(j, "start")?, json_usize(j, "end")?);
        prop_assert_eq!(Some(start), cp[i.span.start], "indicator {} start", k);
        prop_assert_eq!(Some(end), cp[i.span.end], "indicator {} end", k);
        prop_assert!(start <= end && end <= chars.len());
        let written = slice(start, end);
        prop_assert_eq!(
            written.as_str(),
            j["text"].as_str().unwrap_or_default(),
            "indicator {}: code-point slice differs from its text",
            k
        );
    }

    let diagnostics = v["diagnostics"]
        .as_array()
        .ok_or_else(|| TestCaseError::fail("no diagnostics array"))?;
    prop_assert_eq!(
        diagnostics.len(),
        a.diagnostics.len(),
        "JSON diagnostic count"
    );
    for (k, (j, d)) in diagnostics.iter().zip(&a.diagnostics).enumerate() {
        prop_assert_eq!(
            Some(json_usize(j, "start")?),
            cp[d.span.start],
            "diag {}",
            k
        );
        prop_assert_eq!(Some(json_usize(j, "end")?), cp[d.span.end], "diag {}", k);
    }
    let chrome = v["chrome"]
        .as_array()
        .ok_or_else(|| TestCaseError::fail("no chrome array"))?;
    prop_assert_eq!(chrome.len(), a.chrome.len(), "JSON chrome count");
    for (j, c) in chrome.iter().zip(&a.chrome) {
        let pair: Vec<Option<usize>> = [0, 1]
            .iter()
            .map(|&x| j[x].as_u64().map(|n| n as usize))
            .collect();
        prop_assert_eq!(pair, vec![cp[c.start], cp[c.end]], "chrome {:?}", c);
    }
    prop_assert_eq!(
        v["meta"]["chars"].as_u64(),
        Some(chars.len() as u64),
        "meta.chars"
    );
    Ok(())
}

// ---- generators -------------------------------------------------------------------------

/// Pieces of reports: markers, measure words, qualifiers, Traditional characters, injected
/// pinyin, punctuation, line breaks, chrome and metadata words, look-alikes of markers and numbers.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    // Markers of every family, half- and full-width, and their remains.
    "一、", "二、", "三、", "十二、", "三.", "四，", "(一)", "(二)", "（一）", "（二）", "（三）",
    "㈢", "(一)、", "1.", "2.", "3、", "1．", "１．", "(1)", "(2)", "（１）", "⑵", "1)", "2）",
    "①", "②", "第一，", "第二部分", "第三章", "一是", "二是", "三是", "首先", "其次", "最后",
    "——", "A.", "b、", "、", ")", "）", "(", "（", "第", "是",
    // Numbers and numerals.
    "0", "1", "2", "3", "5", "9", "10", "12", "64", "100", "2019", "2020年", "12345", "3.5",
    "14.7", "98.79", "0.5", ".", "１２３", "１００", "４．５", "一", "二", "两", "三", "十",
    "十余", "百", "千", "万", "亿", "零", "1.35亿", "一、二、三级", "3·15", "2021—2025年",
    "1,200", "〔2019〕10号", "“八五”普法", "第一次会议", "12345热线",
    // Units and measure words.
    "项", "件", "个", "次", "人次", "家", "名", "%", "％", "‰", "万元", "亿元", "元", "个工作日",
    "工作日", "天", "小时", "学时", "个百分点", "百分点", "倍", "平方米", "亩", "个月",
    // Qualifiers, directions, bases.
    "余", "多", "约", "近", "超过", "以上", "左右", "不足", "同比", "环比", "比上年", "较上年",
    "比", "增长", "下降", "提高", "减少", "增", "降", "办结率", "办复率", "同比下降",
    // Traditional characters.
    "萬", "處", "項", "億", "個", "區", "會", "萬元", "處理", "件數",
    // Pinyin injected by mirror sites, and look-alikes that stay.
    "(guān)", "(gè)", "（huì）", "(de)", "(gē", "(a)", "(ge)",
    // Punctuation.
    "。", "，", ",", "、", "“", "”", "《", "》", "：", ":", "；", ";", "！", "？", "〔", "〕",
    "「", "」", "【", "】", " ", "\u{3000}", "\t", "\u{00A0}",
    // Line breaks.
    "\n", "\n", "\n", "\r\n", "\r", "\n\n", "\u{2028}", "\u{2029}",
    // Chrome and metadata.
    "点击数", "点击数:{{ pvCount }}", "字号:【大 中 小】", "打印本页", "关闭窗口", "首页",
    "发布时间:", "发布时间:2020-01-24 13:27", "信息来源:", "来源:", "— 1 —", "ICP备",
    // Prose.
    "依法行政", "法治政府建设", "行政复议案件", "受理", "办结", "共", "全区", "开展", "培训",
    "热线", "年度报告", "坚持严格规范公正文明执法", "人民政府", "年", "月", "日",
];

/// A number as reports write it: digits, decimals, full-width digits, Chinese numerals.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,6}",
        "[0-9]{1,4}\\.[0-9]{1,3}",
        "[０-９]{1,4}",
        "[０-９]{1,3}．[０-９]{1,2}",
        "[一二三四五六七八九十百千万亿两零余多]{1,4}",
    ]
}

/// A random cut of a fixture, at char boundaries, of up to `max_chars` characters.
fn fixture_cut(max_chars: usize) -> impl Strategy<Value = String> {
    (
        0..FIXTURES.len(),
        any::<prop::sample::Index>(),
        0..=max_chars,
    )
        .prop_map(|(f, at, len)| {
            let t = FIXTURES[f].1;
            let n = t.chars().count();
            let start = at.index(n + 1);
            t.chars().skip(start).take(len).collect()
        })
}

/// One piece of a report-like text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        10 => prop::sample::select(PIECES).prop_map(String::from),
        3 => number(),
        1 => any::<char>().prop_map(String::from),
        1 => fixture_cut(120),
    ]
}

/// Text assembled from report-like pieces.
fn report_like() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

/// Markers that open a heading line.
#[rustfmt::skip]
const MARKERS: &[&str] = &[
    "一、", "二、", "三、", "四、", "五、", "(一)", "(二)", "(三)", "（一）", "（二）", "（四）",
    "1.", "2.", "3.", "2、", "１．", "(1)", "(2)", "（３）", "1)", "2)", "①", "②", "第一，",
    "第二，", "第三部分", "一是", "二是", "三是", "A.", "B.", "、", ")", "", "", "——",
];

/// A report outline: lines that open with a marker (or lost it), a title, and sometimes a
/// body with run-in enumerations, figures and breaks.
fn outline_like() -> impl Strategy<Value = String> {
    let line = (
        prop::sample::select(MARKERS),
        prop::collection::vec(prop::sample::select(PIECES), 0..6),
        prop::collection::vec(piece(), 0..16),
        prop::sample::select(&["\n", "\n", "\r\n", "\n\n", "。", "\n　　"][..]),
    )
        .prop_map(|(m, title, body, brk)| {
            let mut l = String::from(m);
            l.push_str(&title.concat());
            l.push_str(&body.concat());
            l.push_str(brk);
            l
        });
    prop::collection::vec(line, 0..40).prop_map(|v| v.concat())
}

/// Every ASCII graphic character written full-width, and spaces as ideographic spaces.
fn to_full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            ' ' => '\u{3000}',
            c => c,
        })
        .collect()
}

fn config() -> ProptestConfig {
    let mut c = ProptestConfig {
        // Counterexamples go into the report and become explicit tests, not into files.
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = 256;
    }
    c
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_string(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn any_string_of_report_characters(
        text in "[一二三四五六七八九十是第、，。；：（）()0-9０-９.．%％项件个万元亿余多近约\n\r 　]{0,200}"
    ) {
        check(&text)?;
    }

    #[test]
    fn report_like_text(text in report_like()) {
        check(&text)?;
    }

    #[test]
    fn report_like_text_full_width(text in report_like()) {
        check(&to_full_width(&text))?;
    }

    #[test]
    fn outline_like_text(text in outline_like()) {
        check(&text)?;
    }

    #[test]
    fn fixture_cuts(text in fixture_cut(4000)) {
        check(&text)?;
    }

    #[test]
    fn fixture_cuts_with_pieces(
        parts in prop::collection::vec(prop_oneof![3 => piece(), 1 => fixture_cut(600)], 0..40)
    ) {
        check(&parts.concat())?;
    }
}

// ---- deterministic properties over the fixtures -------------------------------------------

#[test]
fn fixtures_satisfy_the_invariants() {
    for (name, text) in FIXTURES {
        if let Err(e) = check(text) {
            panic!("fixture {name}: {e}");
        }
        let crlf = text.replace('\n', "\r\n");
        if let Err(e) = check(&crlf) {
            panic!("fixture {name} with CRLF: {e}");
        }
        let wide = to_full_width(text);
        if let Err(e) = check(&wide) {
            panic!("fixture {name} full-width: {e}");
        }
    }
}

#[test]
fn analysis_is_repeatable() {
    for (name, text) in FIXTURES {
        let first = to_json(text, &analyze(text));
        let second = to_json(text, &analyze(text));
        assert_eq!(first, second, "fixture {name}: two analyses differ");
    }
}

/// What must not change when a text is written with other character widths: everything
/// but the text as written (offsets are code points, and widths keep the count of chars).
fn width_independent(text: &str) -> Value {
    let mut v: Value = serde_json::from_str(&to_json(text, &analyze(text))).unwrap();
    for i in v["indicators"].as_array_mut().unwrap() {
        let i = i.as_object_mut().unwrap();
        i.remove("text");
        // Subjects are quoted as written, like titles: compare them folded.
        let folded: String = i["subject"]
            .as_str()
            .unwrap()
            .chars()
            .map(report_lens::text::fold_char)
            .collect();
        i.insert("subject".to_string(), Value::String(folded));
    }
    for s in v["sections"].as_array_mut().unwrap() {
        let s = s.as_object_mut().unwrap();
        for key in ["title", "marker"] {
            let folded: String = s[key]
                .as_str()
                .unwrap()
                .chars()
                .map(report_lens::text::fold_char)
                .collect();
            s.insert(key.to_string(), Value::String(folded));
        }
    }
    // The half-width notice reads widths on purpose; fixes quote the text as written.
    let diagnostics = v["diagnostics"].as_array_mut().unwrap();
    diagnostics.retain(|d| d["code"] != "form-half-width");
    for d in diagnostics {
        if let Some(t) = d["fix"].as_str() {
            let folded: String = t.chars().map(report_lens::text::fold_char).collect();
            d["fix"] = Value::String(folded);
        }
    }
    for key in ["title", "issuer", "published"] {
        if let Some(t) = v["meta"][key].as_str() {
            let folded: String = t.chars().map(report_lens::text::fold_char).collect();
            v["meta"][key] = Value::String(folded);
        }
    }
    v
}

/// The path and both values of the first difference between two JSON values.
fn first_difference(a: &Value, b: &Value) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let w = y.get(k).unwrap_or(&Value::Null);
                if let Some(d) = first_difference(v, w) {
                    return Some(format!("{k}.{d}"));
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{k}: missing on the left"))
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(v, w) {
                    return Some(format!("{i}.{d}"));
                }
            }
            (x.len() != y.len()).then(|| format!("length {} vs {}", x.len(), y.len()))
        }
        _ => (a != b).then(|| format!(": {a} vs {b}")),
    }
}

#[test]
fn width_folding_changes_nothing() {
    for (name, text) in FIXTURES {
        let wide = to_full_width(text);
        assert_ne!(wide, text);
        let (a, b) = (analyze(text), analyze(&wide));
        assert_eq!(
            a.indicators.len(),
            b.indicators.len(),
            "fixture {name}: indicator count"
        );
        assert_eq!(
            a.sections.len(),
            b.sections.len(),
            "fixture {name}: section count"
        );
        let values = |a: &Analysis| -> Vec<(f64, String)> {
            a.indicators
                .iter()
                .map(|i| (i.value, i.unit.clone()))
                .collect()
        };
        assert_eq!(values(&a), values(&b), "fixture {name}: indicator values");
        let diff = first_difference(&width_independent(text), &width_independent(&wide));
        assert_eq!(
            diff, None,
            "fixture {name}: analysis depends on character widths"
        );
    }
}

#[test]
fn crlf_gives_the_same_outline_and_indicators() {
    for (name, text) in FIXTURES {
        let lf = text.replace("\r\n", "\n");
        let crlf = lf.replace('\n', "\r\n");
        let (a, b) = (analyze(&lf), analyze(&crlf));
        let outline = |a: &Analysis| -> Vec<(u8, String, String, bool, Option<usize>)> {
            a.sections
                .iter()
                .map(|s| {
                    (
                        s.level,
                        s.marker.clone(),
                        s.title.clone(),
                        s.inferred,
                        s.parent,
                    )
                })
                .collect()
        };
        assert_eq!(outline(&a), outline(&b), "fixture {name}: outline");
        let indicators = |t: &str, a: &Analysis| -> Vec<(String, f64, String)> {
            a.indicators
                .iter()
                .map(|i| {
                    (
                        t[i.span.start..i.span.end].to_string(),
                        i.value,
                        i.unit.clone(),
                    )
                })
                .collect()
        };
        assert_eq!(
            indicators(&lf, &a),
            indicators(&crlf, &b),
            "fixture {name}: indicators"
        );
        assert_eq!(
            a.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(),
            b.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(),
            "fixture {name}: diagnostics"
        );
    }
}

// ---- counterexamples found by the properties above (fixed in src/, kept as regressions) ----

/// `analyze` never panics: `numeral::parse_cn` once multiplied without checking, and a run
/// of 万/亿 whose product reaches 10^16 overflowed `u64` (a panic in debug builds, a wrapped
/// value in release builds).
#[test]
fn regression_numeral_overflow() {
    for text in [
        "一亿亿亿",
        "万亿亿",
        "八万亿亿０",
        "万万万万项",
        "一亿亿亿亿亿元",
    ] {
        if let Err(e) = check(text) {
            panic!("{text:?}: {e}");
        }
    }
}

/// Width folding changes nothing, the script included: full-width ASCII (U+FF01..U+FF5E,
/// as in `，` `：` `１２`) lies above U+3400 and was once counted as Traditional, so that a
/// Simplified report written with full-width digits and punctuation was classed `mixed`.
#[test]
fn regression_full_width_ascii_is_not_traditional() {
    assert_eq!(
        analyze("１２３４５").meta.script,
        Some(report_lens::Script::Simplified),
        "full-width digits alone"
    );
    for (name, text) in FIXTURES {
        assert_eq!(
            analyze(text).meta.script,
            analyze(&to_full_width(text)).meta.script,
            "fixture {name}: script changes with character widths"
        );
    }
}
