//! The pattern rules of the form checks as a table, one row per rule (see [`super`] for
//! the grammar each accepts and the look-alikes it rejects). Adding a rule is one row here
//! and one test in `tests/form.rs`.

use crate::model::Code;
use regex_lite::{Captures, Regex};
use std::borrow::Cow;
use std::sync::LazyLock;

/// One pattern rule.
pub struct Rule {
    /// The catalogue id (`GW-08`).
    pub id: &'static str,
    /// The diagnostic code.
    pub code: Code,
    /// Triggers, two characters or more, at least one in every match; `#` is any ASCII digit.
    pub triggers: &'static [&'static str],
    /// Bytes of the line before the trigger's start and after its end given to the pattern.
    pub window: (usize, usize),
    /// Literals of which every match of the pattern holds one (empty: no such list). A
    /// window holding none of them cannot match and is not searched: the regex costs about
    /// 20 k instructions a window, a substring test a few hundred.
    pub needs: &'static [&'static str],
    /// The pattern (regex-lite; `[0-9]`, never `\d`). Group `m`, when present, is the span
    /// flagged; else the whole match.
    pub pattern: &'static str,
    /// The pattern written as plain code, when it is: the first match at or after a byte of
    /// the window, with the pattern's groups (leftmost-first, as the regex finds it; the
    /// tests hold the two to each other). `None`: the regex is run.
    pub plain: Option<fn(&str, usize) -> Option<Plain>>,
    /// True for a match that must stay silent: `(line, match start, match end, groups)`.
    pub silent: fn(&str, usize, usize, &Groups) -> bool,
    /// The message (Chinese).
    pub message: &'static str,
    /// The suggested text for the flagged span.
    pub fix: fn(&Groups) -> String,
}

/// The groups a plain-code matcher found: names and `(start, end)` spans in the window,
/// the whole match first (named `""`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plain {
    names: &'static [&'static str],
    spans: [(usize, usize); 8],
}

impl Plain {
    /// The groups `names` (at most eight, the whole match first) at `spans`.
    fn new(names: &'static [&'static str], spans: &[(usize, usize)]) -> Plain {
        debug_assert_eq!(names.len(), spans.len());
        let mut all = [(0, 0); 8];
        all[..spans.len()].copy_from_slice(spans);
        Plain { names, spans: all }
    }

    /// The whole match.
    pub fn whole(&self) -> (usize, usize) {
        self.spans[0]
    }
}

/// The groups of one match: the regex's captures, or a plain-code matcher's spans.
pub enum Groups<'h> {
    /// From the regex.
    Regex(Captures<'h>),
    /// From the plain code, with the window it was found in.
    Plain(&'h str, Plain),
}

impl<'h> Groups<'h> {
    /// The span of group `name` in the window, when it took part in the match.
    pub fn span(&self, name: &str) -> Option<(usize, usize)> {
        match self {
            Groups::Regex(c) => c.name(name).map(|m| (m.start(), m.end())),
            Groups::Plain(_, p) => p.names.iter().position(|&g| g == name).map(|k| p.spans[k]),
        }
    }

    /// The span of the whole match in the window.
    pub fn whole(&self) -> (usize, usize) {
        match self {
            Groups::Regex(c) => c.get(0).map_or((0, 0), |m| (m.start(), m.end())),
            Groups::Plain(_, p) => p.whole(),
        }
    }

    fn text(&self, name: &str) -> Option<&'h str> {
        let hay = match self {
            Groups::Regex(c) => return c.name(name).map(|m| m.as_str()),
            Groups::Plain(hay, _) => *hay,
        };
        self.span(name).map(|(a, b)| &hay[a..b])
    }
}

fn group<'h>(c: &Groups<'h>, name: &str) -> &'h str {
    c.text(name).unwrap_or("")
}

/// The character before byte `i` of `s`.
fn before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// The character at byte `i` of `s`.
fn at(s: &str, i: usize) -> Option<char> {
    s[i..].chars().next()
}

/// Arabic digits of an ordinal to Chinese numerals (`20` → `二十`); Chinese stays.
fn ordinal(s: &str) -> String {
    match s.parse::<u8>() {
        Ok(n) => crate::checks::gangyao::chinese_number(n),
        Err(_) => s.to_string(),
    }
}

/// The pattern rules, one row each.
pub static RULES: [Rule; 7] = [
    Rule {
        id: "GW-08",
        code: Code::FormDocNumber,
        triggers: &["]#", ")#", "】#", "〕0", "〕第"],
        window: (30, 20),
        needs: &["号"],
        pattern: r"[\x{4e00}-\x{9fff}](?<m>(?<open>[\[(【〔])(?<year>(?:19|20)[0-9]{2})(?<close>[\])】〕])(?<di>第?)(?<zero>0*)(?<n>[0-9]{1,4})号)",
        plain: None,
        silent: |_, _, _, c| {
            group(c, "open") == "〔"
                && group(c, "close") == "〕"
                && group(c, "di").is_empty()
                && group(c, "zero").is_empty()
        },
        message: "发文字号应写作“〔年份〕序号号”：六角括号，序号不加“第”、不编虚位（GB/T 9704 §7.2.5）",
        fix: |c| format!("〔{}〕{}号", group(c, "year"), group(c, "n")),
    },
    Rule {
        id: "NUM-18",
        code: Code::FormDoubleApprox,
        triggers: &["约#", "近#"],
        window: (6, 30),
        needs: &["余", "多", "左右", "上下", "以上"],
        pattern: r"(?<m>(?<mark>[大接将]?[约近])[0-9][0-9,.]*[万亿]?(?:(?<tail>[余多])|[^0-9余多,.;:!?()、。 ]{0,3}?(?:左右|上下|以上)))",
        plain: None,
        silent: |line, s, e, c| {
            let word = matches!(
                before(line, s),
                Some('节' | '制' | '签' | '预' | '合' | '契' | '条' | '公' | '违' | '履' | '集' | '简' | '相' | '特' | '邀' | '隐' | '最' | '附' | '邻' | '靠' | '就' | '亲' | '贴' | '逼' | '临')
            );
            // 多 opening a word (多元, 多部门) is no approximation.
            let many = group(c, "tail") == "多"
                && matches!(at(line, e), Some('元' | '部' | '方' | '种' | '样' | '层' | '措' | '渠' | '领' | '头' | '维' | '重'));
            word || many
        },
        message: "同一个数叠用了两个约数词（如“近……余”“约……左右”），宜只保留一个",
        fix: |c| {
            let m = group(c, "m");
            m[group(c, "mark").len()..].to_string()
        },
    },
    Rule {
        id: "NUM-02",
        code: Code::FormRangeUnit,
        triggers: &["#~", "#-", "#—", "#–"],
        window: (12, 24),
        needs: &["%", "‰", "万", "亿"],
        pattern: r"(?<m>(?<a>[0-9]+(?:\.[0-9]+)?)(?<dash>~|-|—|–)(?<b>[0-9]+(?:\.[0-9]+)?)(?<unit>%|‰|[万亿]元?))",
        plain: None,
        silent: |line, s, _, _| {
            before(line, s).is_some_and(|c| c.is_ascii_alphanumeric() || ".-/~#".contains(c))
        },
        message: "数值范围的前一个数省略了“%”或“万”“亿”，两个数都应带上（GB/T 15835 §5.1.3）",
        fix: |c| {
            let dash = match group(c, "dash") {
                "—" => "—",
                _ => "～",
            };
            let u = group(c, "unit");
            format!("{}{u}{dash}{}{u}", group(c, "a"), group(c, "b"))
        },
    },
    Rule {
        id: "TERM-02",
        code: Code::FormFazhi,
        triggers: &["法制政府", "法制思维", "法制化营", "法制中国"],
        window: (0, 24),
        needs: &[],
        pattern: r"(?<m>法制(?<rest>政府|思维|化营商环境|中国))",
        plain: None,
        // A cited 纲要 title with years is TERM-03's.
        silent: |line, _, e, _| {
            let rest = &line[e..];
            rest.strip_prefix("建设实施纲要").is_some_and(|r| {
                r.trim_start_matches(['(', ' '])
                    .starts_with(|c: char| c.is_ascii_digit())
            })
        },
        message: "此处应为“法治”：法治政府、法治思维、法治化营商环境、法治中国",
        fix: |c| format!("法治{}", group(c, "rest")),
    },
    Rule {
        id: "TERM-03",
        code: Code::FormOutlineTitle,
        triggers: &["实施纲要"],
        window: (30, 40),
        needs: &["政府建设实施纲要"],
        pattern: r"(?<m>(?<fa>法[治制])政府建设实施纲要(?<p>\(?) *(?<a>[0-9]{4})(?<dash> *[-—–~－至]* *)(?<b>[0-9]{4}) *(?<nian>年?) *\)?)",
        plain: Some(outline_title),
        silent: |_, _, _, c| {
            let (a, b) = (group(c, "a"), group(c, "b"));
            let years_ok = matches!((a, b), ("2015", "2020") | ("2021", "2025"));
            group(c, "fa") == "法治" && years_ok && !group(c, "dash").trim().is_empty()
                || outline_years(a, b).is_none()
        },
        message: "纲要名称有误（年份、年份间连接号或“法治”），应为《法治政府建设实施纲要（2021—2025年）》或（2015—2020年）",
        fix: |c| {
            let (a, b) = outline_years(group(c, "a"), group(c, "b")).unwrap_or(("2021", "2025"));
            format!("法治政府建设实施纲要（{a}—{b}年）")
        },
    },
    Rule {
        id: "NUM-14",
        code: Code::FormOrdinal,
        triggers: &["党的#", "#届", "届#"],
        window: (12, 30),
        needs: &["大", "中全会", "次会议"],
        pattern: r"(?<m>党的(?<c>[0-9]{1,2})大|(?<t>[0-9]{1,2}|[一二三四五六七八九十]{1,3})届(?<p>[0-9]{1,2}|[一二三四五六七八九十]{1,3})中全会|(?<nt>[0-9]{1,2}|[一二三四五六七八九十]{1,3})届(?<body>全国人大|人大)(?<ns>[0-9]{1,2}|[一二三四五六七八九十]{1,3})次会议)",
        plain: None,
        silent: |_, _, _, c| {
            let arabic = |n: &str| n.chars().any(|ch| ch.is_ascii_digit());
            !(arabic(group(c, "c"))
                || arabic(group(c, "t"))
                || arabic(group(c, "p"))
                || arabic(group(c, "nt"))
                || arabic(group(c, "ns")))
        },
        message: "党代会、全会和人大会议的届次应使用汉字数字（GB/T 15835 §4.3）",
        fix: |c| {
            if c.span("c").is_some() {
                format!("党的{}大", ordinal(group(c, "c")))
            } else if c.span("p").is_some() {
                format!("{}届{}中全会", ordinal(group(c, "t")), ordinal(group(c, "p")))
            } else {
                format!(
                    "{}届{}{}次会议",
                    ordinal(group(c, "nt")),
                    group(c, "body"),
                    ordinal(group(c, "ns"))
                )
            }
        },
    },
    Rule {
        id: "DUP-01",
        code: Code::FormDoubledChar,
        triggers: &["的的", "了了"],
        window: (3, 6),
        needs: &[],
        pattern: r"(?<m>的的|了了)",
        plain: None,
        // The first 的 may end a word (目的, 标的: `达到目的的手段`) and the second may start one
        // (的确); the second 了 may start a word (了解, 了结, 了然, 了却, 了如指掌, 了断:
        // `为了了解`, `到了了结阶段`).
        silent: |line, s, e, c| match group(c, "m") {
            "的的" => at(line, e) == Some('确') || matches!(before(line, s), Some('目' | '标')),
            _ => {
                before(line, s) == Some('不')
                    || matches!(at(line, e), Some('之' | '解' | '结' | '然' | '却' | '如' | '断'))
            }
        },
        message: "疑为多打了一个字",
        fix: |c| group(c, "m").chars().take(1).collect(),
    },
];

/// The 纲要 a cited title means, from its years: 2015 or 2020 → 2015–2020; 2021 or 2025 →
/// 2021–2025 (a year of each: 2015–2025 is ambiguous, so none).
fn outline_years(a: &str, b: &str) -> Option<(&'static str, &'static str)> {
    let old = a == "2015" || b == "2020";
    let new = a == "2021" || b == "2025";
    match (old, new) {
        (true, false) => Some(("2015", "2020")),
        (false, true) => Some(("2021", "2025")),
        _ => None,
    }
}

/// TERM-03's pattern as plain code: the first cited 纲要 title at or after byte `from` of
/// `w`, with the groups `m` `fa` `p` `a` `dash` `b` `nian`. Every repetition of the pattern
/// is greedy and none ever has to give back (what follows each is a character it cannot
/// take), so reading each part as far as it goes is the regex's match. Look-alikes: `法治政府
/// 建设实施纲要》` (no years), `法治政府建设实施纲要（2021—25年）` (a year of two digits).
fn outline_title(w: &str, from: usize) -> Option<Plain> {
    const TITLE: &str = "政府建设实施纲要";
    let b = w.as_bytes();
    let spaces = |k: usize| k + b[k..].iter().take_while(|&&x| x == b' ').count();
    let year = |k: usize| {
        (b.len() >= k + 4 && b[k..k + 4].iter().all(u8::is_ascii_digit)).then_some(k + 4)
    };
    let mut at = from;
    while let Some(f) = w[at..].find('法').map(|f| at + f) {
        at = f + '法'.len_utf8();
        let rest = &w[at..];
        let Some(zhi) = rest.strip_prefix(['治', '制']) else {
            continue;
        };
        let Some(tail) = zhi.strip_prefix(TITLE) else {
            continue;
        };
        let fa_end = at + '治'.len_utf8();
        let p0 = w.len() - tail.len();
        let p1 = if b.get(p0) == Some(&b'(') { p0 + 1 } else { p0 };
        let a0 = spaces(p1);
        let Some(a1) = year(a0) else { continue };
        let mut d = spaces(a1);
        while let Some(c) = w[d..]
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '—' | '–' | '~' | '－' | '至'))
        {
            d += c.len_utf8();
        }
        let b0 = spaces(d);
        let Some(b1) = year(b0) else { continue };
        let n0 = spaces(b1);
        let n1 = if w[n0..].starts_with('年') {
            n0 + '年'.len_utf8()
        } else {
            n0
        };
        let close = spaces(n1);
        let end = if b.get(close) == Some(&b')') {
            close + 1
        } else {
            close
        };
        return Some(Plain::new(
            &["", "m", "fa", "p", "a", "dash", "b", "nian"],
            &[
                (f, end),
                (f, end),
                (f, fa_end),
                (p0, p1),
                (a0, a1),
                (a1, b0),
                (b0, b1),
                (n0, n1),
            ],
        ));
    }
    None
}

/// Every match of rule `k` in `window`, in order, as the regex's `captures_iter` gives them.
pub(super) fn matches<'h>(k: usize, window: &'h str) -> Box<dyn Iterator<Item = Groups<'h>> + 'h> {
    match RULES[k].plain {
        Some(find) => {
            let mut at = 0;
            Box::new(std::iter::from_fn(move || {
                let g = find(window, at)?;
                at = g.whole().1;
                Some(Groups::Plain(window, g))
            }))
        }
        None => Box::new(PATTERNS[k].captures_iter(window).map(Groups::Regex)),
    }
}

pub(super) static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    RULES
        .iter()
        .map(|r| Regex::new(r.pattern).expect("form pattern compiles"))
        .collect()
});

/// Every trigger of every rule, `#` expanded to the ten digits, with the rule's index.
pub(crate) fn triggers() -> impl Iterator<Item = (Cow<'static, str>, u8)> {
    const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
    RULES.iter().enumerate().flat_map(|(k, r)| {
        r.triggers.iter().flat_map(move |t| {
            let expand = t.contains('#');
            debug_assert!(t.matches('#').count() <= 1);
            let n = if expand { 10 } else { 1 };
            (0..n).map(move |d| {
                let s = if expand {
                    Cow::Owned(t.replace('#', DIGITS[d]))
                } else {
                    Cow::Borrowed(*t)
                };
                (s, k as u8)
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_with_the_shipped_engine() {
        assert_eq!(PATTERNS.len(), RULES.len());
        assert!(triggers().count() > 40);
    }

    /// Every group of every match, as `(name, text)`.
    fn all(k: usize, w: &str, by_regex: bool) -> Vec<Vec<(String, Option<String>)>> {
        let names: Vec<_> = PATTERNS[k].capture_names().flatten().collect();
        let groups: Vec<Groups> = if by_regex {
            PATTERNS[k].captures_iter(w).map(Groups::Regex).collect()
        } else {
            matches(k, w).collect()
        };
        groups
            .iter()
            .map(|g| {
                let mut v = vec![(String::new(), Some(w[g.whole().0..g.whole().1].to_string()))];
                v.extend(
                    names
                        .iter()
                        .map(|n| (n.to_string(), g.text(n).map(str::to_string))),
                );
                v
            })
            .collect()
    }

    /// The plain-code rules find what their patterns find, groups and all, on their
    /// matches and on look-alikes.
    #[test]
    fn plain_code_rules_are_their_patterns() {
        let cases = [
            "落实《法治政府建设实施纲要（2021—2025年）》。",
            "落实《法治政府建设实施纲要(2021-2025年)》。",
            "落实《法治政府建设实施纲要(20212025年)》。",
            "落实《法治政府建设实施纲要( 2015 –2020 年 )》。",
            "落实《法治政府建设实施纲要(2015~~2020)》。",
            "落实《法制政府建设实施纲要(2015-2020年)》和《法治政府建设实施纲要(2021至2025年)》",
            "法治政府建设实施纲要(202120255年)",
            "法治政府建设实施纲要((2021-2025年)",
            "法治政府建设实施纲要(2021-25年)",
            "法治政府建设实施纲要(221-2025年)",
            "法治政府建设实施纲要(2021-2025年",
            "法治政府建设实施纲要 2021 - 2025",
            "法治政府建设实施纲要(2021—2025年)》",
            "法治政府建设实施纲要》",
            "法法治政府建设实施纲要(2021-2025)",
            "法治法制政府建设实施纲要(2021-2025)",
            "法律政府建设实施纲要(2021-2025)",
            "法治政府建设纲要(2021-2025)",
            "法治政府建设实施纲要(2021—2025年)法治政府建设实施纲要(2015-2020年)",
            "法治政府建设实施纲要(2021－2025年)",
            "法治政府建设实施纲要(2021 ～ 2025年)",
            "",
        ];
        for (k, rule) in RULES.iter().enumerate() {
            if rule.plain.is_none() {
                continue;
            }
            for w in cases {
                assert_eq!(all(k, w, false), all(k, w, true), "{}: {w}", rule.id);
            }
        }
    }
}
