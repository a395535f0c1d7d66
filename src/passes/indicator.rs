//! Quantitative indicators: numbers with what they count.
//!
//! ## Grammar (on the normalised view)
//! ```text
//! indicator = [basis] [direction] [prefix] number [magnitude] [余|多] unit [以上|左右|余]
//! number    = arabic | chinese            (see crate::lex::numeral)
//! magnitude = 万 | 亿 | 千                 (1.35亿元 → value 1.35, unit 亿元)
//! prefix    = 约 近 将近 接近 大约 超过 超 逾 至少 不少于 不低于 不到 不足
//! direction = 增长 上升 提高 提升 增加 下降 减少 降低 压缩 缩短 …  (single 增/降/减/升 only after 比)
//! basis     = 同比 环比 比上年 较上年 比去年 较去年 … | 比 (in 比增/比降)
//! unit      = measure word (项 个 件 次 人次 家 名 起 …) | % | ‰ | 个百分点 | 倍
//!           | money (元 万元 亿元) | duration (个工作日 天 小时 个月 学时 …) | other (平方米 亩 …)
//! ```
//! Examples: `64项`, `1000余件`, `超过130件`, `近30%`, `92 %`, `9.747万元`, `3.5个工作日`,
//! `同比下降14.7%`, `比增5.17%`, `提高5.17个百分点`, `十余次`.
//!
//! ## Not indicators (precision traps)
//! * numbers inside `《…》` titles, short `“…”` names and `〔…〕` document numbers:
//!   `“八五”普法`, `“5个坚持”`, `〔2019〕10号`;
//! * dates, times and ranges: `2019年`, `4月26日`, `13:27`, `2021—2025年`, `3·15`, `1+X`;
//! * ordinals and rankings: `第一次会议`, `第四批`, `全省第二`, `前10名`;
//! * frequencies in rules: `每季度召开1次`;
//! * Chinese numerals that name things: a lone `一` (`一次性`, `一批`), and small numerals
//!   followed by a noun (`三项制度`, `四个意识`, `两个维护`, `两个层面`) — a Chinese numeral
//!   counts only when it is at least ten, carries `余`/`多`, or ends its clause (`学法两次，`);
//! * numbers without a unit (`12345热线`, `十九届四中全会`, `一审`);
//! * anniversaries and service names: `建党100周年`, `24小时自助服务区`.

use crate::lex::numeral::{cn_digit, is_cn_numeral, parse_cn};
use crate::lex::words::{BASES, DIRECTIONS, SHORT_DIRECTIONS, SUBJECT_LEAD};
use crate::model::{Indicator, Kind};
use crate::passes::document::{Document, LineKind};
use crate::text::Span;

// ---- patterns -------------------------------------------------------------------------

/// Units, longest first within each kind's first character (matched longest-first overall).
/// `3.5个工作日` matches `个工作日`, not `个`.
const UNITS: &[(&str, Kind)] = &[
    ("个百分点", Kind::Rate),
    ("百分点", Kind::Rate),
    ("%", Kind::Rate),
    ("‰", Kind::Rate),
    ("倍", Kind::Rate),
    ("个工作日", Kind::Duration),
    ("工作日", Kind::Duration),
    ("个小时", Kind::Duration),
    ("小时", Kind::Duration),
    ("分钟", Kind::Duration),
    ("个月", Kind::Duration),
    ("个星期", Kind::Duration),
    ("天", Kind::Duration),
    ("周", Kind::Duration),
    ("学时", Kind::Duration),
    ("课时", Kind::Duration),
    ("亿美元", Kind::Money),
    ("万美元", Kind::Money),
    ("美元", Kind::Money),
    ("亿元", Kind::Money),
    ("万元", Kind::Money),
    ("千元", Kind::Money),
    ("元", Kind::Money),
    ("平方公里", Kind::Other),
    ("平方千米", Kind::Other),
    ("平方米", Kind::Other),
    ("立方米", Kind::Other),
    ("公顷", Kind::Other),
    ("公里", Kind::Other),
    ("千米", Kind::Other),
    ("千瓦", Kind::Other),
    ("吨", Kind::Other),
    ("亩", Kind::Other),
    ("㎡", Kind::Other),
    ("人次", Kind::Count),
    ("件次", Kind::Count),
    ("户次", Kind::Count),
    ("家次", Kind::Count),
    ("场次", Kind::Count),
    ("批次", Kind::Count),
    ("项次", Kind::Count),
    ("期次", Kind::Count),
    ("个次", Kind::Count),
    ("轮次", Kind::Count),
    ("条次", Kind::Count),
    ("次", Kind::Count),
    ("项", Kind::Count),
    ("个", Kind::Count),
    ("件", Kind::Count),
    ("人", Kind::Count),
    ("家", Kind::Count),
    ("名", Kind::Count),
    ("起", Kind::Count),
    ("份", Kind::Count),
    ("条", Kind::Count),
    ("期", Kind::Count),
    ("场", Kind::Count),
    ("批", Kind::Count),
    ("户", Kind::Count),
    ("篇", Kind::Count),
    ("卷", Kind::Count),
    ("宗", Kind::Count),
    ("部", Kind::Count),
    ("所", Kind::Count),
    ("支", Kind::Count),
    ("处", Kind::Count),
    ("类", Kind::Count),
    ("本", Kind::Count),
    ("张", Kind::Count),
    ("台", Kind::Count),
    ("套", Kind::Count),
    ("组", Kind::Count),
    ("位", Kind::Count),
    ("座", Kind::Count),
    ("轮", Kind::Count),
    ("例", Kind::Count),
    ("路", Kind::Count),
    ("辆", Kind::Count),
    ("间", Kind::Count),
    ("栋", Kind::Count),
    ("册", Kind::Count),
    ("幅", Kind::Count),
    ("块", Kind::Count),
    ("笔", Kind::Count),
    ("堂", Kind::Count),
    ("门", Kind::Count),
    ("封", Kind::Count),
    ("单", Kind::Count),
    ("村", Kind::Count),
    ("镇", Kind::Count),
];

/// Qualifiers written before the number, longest first: `超过130件`, `近30%`.
const PREFIXES: &[&str] = &[
    "不少于",
    "不低于",
    "将近",
    "接近",
    "大约",
    "超过",
    "至少",
    "不到",
    "不足",
    "约",
    "近",
    "逾",
    "超",
];
/// Qualifiers right after the number (before the unit): `1000余件`, `100多人`.
const INNER_APPROX: &[&str] = &["余", "多"];
/// Qualifiers after the unit: `95%以上`, `10万元左右`.
const SUFFIXES: &[&str] = &["以上", "左右", "余"];

/// Words stripped from the end of a subject.
const SUBJECT_TAIL: &[&str] = &[
    "达到",
    "分别为",
    "分别",
    "总计",
    "共计",
    "累计",
    "合计",
    "共有",
    "保持",
    "超过",
    "不低于",
    "不少于",
    "达",
    "是",
    "均",
    "共",
    "约",
    "近",
    "有",
    "了",
    "占",
    "在",
    "至",
    "到",
    "逾",
    "超",
    "再",
    "由",
    "从",
];
/// Where a noun phrase after the unit stops (verbs and particles).
const RIGHT_STOP: &[&str] = &[
    "的", "为", "缩短", "压缩", "减少", "降低", "提高", "提升", "增加", "下降", "上升", "增长",
    "至", "到", "被", "在", "对", "向", "与", "并", "和", "获得", "登陆", "接入", "参加", "参与",
    "进行", "开展", "实现", "完成", "全部", "均", "已", "得到", "通过", "列入", "纳入", "受到",
    "提供", "作为", "开始", "达到", "明确",
];

/// Set phrases that contain a counted numeral but name a policy or slogan.
const SET_PHRASES: &[&str] = &[
    "三项制度",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "四个全面",
    "两个责任",
    "八项规定",
    "三个代表",
    "两个一百年",
    "三个务必",
    "两个层面",
    "三个层面",
    "两个方面",
    "三个方面",
    "两个主体",
    "五个一",
];

/// The first pattern of `list` that `s` starts with (a cheap first-byte test before each
/// comparison: these lists are scanned for every candidate).
fn starts_with_any<'p>(s: &str, list: &'p [&'p str]) -> Option<&'p str> {
    let first = *s.as_bytes().first()?;
    list.iter()
        .copied()
        .find(|p| p.as_bytes().first() == Some(&first) && s.starts_with(p))
}

/// The first pattern of `list` that `s` ends with (last-byte test first).
fn ends_with_any<'p>(s: &str, list: &'p [&'p str]) -> Option<&'p str> {
    let last = *s.as_bytes().last()?;
    list.iter()
        .copied()
        .find(|p| p.as_bytes().last() == Some(&last) && s.ends_with(p))
}

fn is_cjk(c: char) -> bool {
    (c as u32) >= 0x3400 && !is_cn_punct(c)
}

fn is_cn_punct(c: char) -> bool {
    matches!(
        c,
        '。' | '、'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '〔'
            | '〕'
            | '【'
            | '】'
            | '—'
            | '…'
            | '·'
            | '〈'
            | '〉'
    )
}

/// Characters that end a clause for subject extraction.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '。' | ',' | ';' | ':' | '!' | '?' | '、' | '(' | ')' | '“' | '”' | '《' | '》' | '\n'
    )
}

/// Ranges of a line where numbers are names, not indicators: `《…》`, short `“…”`, `〔…〕`.
fn protected_ranges(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (open, close, max_chars) in [('《', '》', usize::MAX), ('“', '”', 20), ('〔', '〕', 12)]
    {
        let mut from = 0;
        while let Some(a) = line[from..].find(open).map(|i| from + i) {
            let body = a + open.len_utf8();
            let mut lim = (body + CLOSE_WINDOW).min(line.len());
            while !line.is_char_boundary(lim) {
                lim += 1;
            }
            match line[body..lim].find(close).map(|i| body + i) {
                Some(b) => {
                    if line[body..b].chars().count() <= max_chars {
                        out.push((a, b + close.len_utf8()));
                    }
                    from = b + close.len_utf8();
                }
                None => from = body,
            }
        }
    }
    // Sorted and merged into disjoint ranges, so that a lookup is a binary search (a long
    // line may hold thousands of them).
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (a, b) in out {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// True when `start..end` lies inside one of the disjoint sorted `ranges`.
fn is_protected(ranges: &[(usize, usize)], start: usize, end: usize) -> bool {
    let k = ranges.partition_point(|&(a, _)| a <= start);
    k > 0 && end <= ranges[k - 1].1
}

/// A number token: where it is, its value and whether it is written in Chinese.
struct Number {
    start: usize,
    end: usize,
    value: f64,
    chinese: bool,
}

/// Parses an Arabic number at `i` of `s` (digits, thousands groups, fraction).
fn arabic_at(s: &str, i: usize) -> Option<Number> {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    // Thousands groups: `1,234` (exactly three digits after each comma).
    while j + 3 < b.len() + 1
        && b.get(j) == Some(&b',')
        && b.get(j + 1..j + 4)
            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
        && j - i <= 3
    {
        j += 4;
    }
    if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        j += 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
    }
    let value: f64 = s[i..j].replace(',', "").parse().ok()?;
    Some(Number {
        start: i,
        end: j,
        value,
        chinese: false,
    })
}

/// Parses a Chinese numeral at `i` of `s`; on failure returns the end of the run of numeral
/// characters, so that the scan skips the whole run (a run of `一` stays linear).
fn chinese_at(s: &str, i: usize) -> Result<Number, usize> {
    let end = s[i..]
        .find(|c: char| !is_cn_numeral(c))
        .map_or(s.len(), |k| i + k);
    match parse_cn(&s[i..end]) {
        Some(v) => Ok(Number {
            start: i,
            end,
            value: v as f64,
            chinese: true,
        }),
        None => Err(end),
    }
}

/// True when the three bytes are the UTF-8 of a Chinese numeral that starts a number
/// (零〇一二两三四五六七八九十): a cheap test before decoding.
fn is_numeral_bytes(b0: u8, b1: u8, b2: u8) -> bool {
    // Two-byte prefix first: most characters fail here.
    match (b0 as u16) << 8 | b1 as u16 {
        0xE4B8 => matches!(b2, 0x80 | 0xA4 | 0x89 | 0x83), // 一 两 三 七
        0xE4BA => matches!(b2, 0x8C | 0x94),               // 二 五
        0xE4B9 => b2 == 0x9D,                              // 九
        0xE59B => b2 == 0x9B,                              // 四
        0xE585 => matches!(b2, 0xAD | 0xAB),               // 六 八
        0xE58D => b2 == 0x81,                              // 十
        0xE99B => b2 == 0xB6,                              // 零
        0xE380 => b2 == 0x87,                              // 〇
        _ => false,
    }
}

/// The longest unit at the start of `s`.
fn unit_at(s: &str) -> Option<(&'static str, Kind)> {
    let c = s.chars().next()?;
    let units = units_by_first_char();
    let at = units.partition_point(|&(f, _, _)| f < c);
    // Sorted by first character, then longest first: the first full match is the longest.
    units[at..]
        .iter()
        .take_while(|&&(f, _, _)| f == c)
        .find(|(_, u, _)| s.starts_with(u))
        .map(|&(_, u, k)| (u, k))
}

/// `UNITS` sorted by first character, longest first within one first character.
fn units_by_first_char() -> &'static [(char, &'static str, Kind)] {
    static SORTED: std::sync::OnceLock<Vec<(char, &'static str, Kind)>> =
        std::sync::OnceLock::new();
    SORTED.get_or_init(|| {
        let mut v: Vec<(char, &'static str, Kind)> = UNITS
            .iter()
            .filter_map(|&(u, k)| Some((u.chars().next()?, u, k)))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
        v
    })
}

/// Cheap pre-check mirroring [`recognise`]: a unit can follow the number (after an optional
/// magnitude, `余`/`多` and a space before `%`).
fn unit_follows(s: &str, n: &Number) -> bool {
    let mut j = n.end;
    if !n.chinese {
        if let Some(m) = ["万", "亿", "千"].iter().find(|m| s[j..].starts_with(*m)) {
            j += m.len();
        }
    }
    if let Some(a) = starts_with_any(&s[j..], INNER_APPROX) {
        j += a.len();
    }
    if s[j..].starts_with(' ') {
        j += 1;
    }
    unit_at(&s[j..]).is_some()
}

/// Finds the indicators of `text` (the normalised view), in document order.
pub fn find_indicators(text: &str, doc: &Document) -> Vec<Indicator> {
    let mut out = Vec::new();
    for line in doc.lines.iter().filter(|l| l.kind == LineKind::Text) {
        scan_line(text, line.span, &mut out);
    }
    out
}

fn scan_line(text: &str, line: Span, out: &mut Vec<Indicator>) {
    let s = &text[line.start..line.end];
    let mut protected: Option<Vec<(usize, usize)>> = None; // computed on first need
    let mut i = 0;
    let mut prev_end = 0; // end of the previous indicator in this line
    let bytes = s.as_bytes();
    while i < s.len() {
        // Fast paths on raw bytes: only ASCII digits and a few Chinese numerals start a
        // number (一 E4 B8 80 … 十 E5 8D 81, 〇 E3 80 87, 零 E9 9B B6).
        let b0 = bytes[i];
        if b0 < 0x80 {
            if !b0.is_ascii_digit() {
                i += 1;
                continue;
            }
        } else if (0xE0..0xF0).contains(&b0) && i + 2 < bytes.len() {
            let numeral = is_numeral_bytes(b0, bytes[i + 1], bytes[i + 2]);
            if !numeral {
                i += 3;
                continue;
            }
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let starts_number = c.is_ascii_digit() || cn_digit(c).is_some() || c == '十';
        if !starts_number {
            i += c.len_utf8();
            continue;
        }
        let num = if c.is_ascii_digit() {
            arabic_at(s, i).ok_or(i + 1)
        } else {
            chinese_at(s, i)
        };
        let num = match num {
            Ok(num) => num,
            Err(run_end) => {
                i = run_end.max(i + c.len_utf8());
                continue;
            }
        };
        let next = num.end.max(i + c.len_utf8());
        // Most numerals (进一步, 统一, 一是) have no unit after them: skip them cheaply.
        if !unit_follows(s, &num) {
            i = next;
            continue;
        }
        let protected = protected.get_or_insert_with(|| protected_ranges(s));
        if let Some(mut ind) = recognise(s, &num, prev_end, protected) {
            // `95件,比上年增长66.7%`: a change or share without its own subject measures
            // the previous figure's subject.
            // `由20个工作日缩短至5个工作日`: the second figure measures the same thing.
            let only_verb = DIRECTIONS.iter().any(|(w, _)| ind.subject == *w);
            // `摸排线索25件27人`: a figure written right after another shares its subject.
            let adjacent = prev_end > 0 && prev_end == ind.span.start;
            if (ind.subject.is_empty()
                && (adjacent || matches!(ind.kind, Kind::Change | Kind::Rate))
                || only_verb)
                && prev_end > 0
                && !s[prev_end..ind.span.start].contains('。')
            {
                if let Some(p) = out.last() {
                    ind.subject = p.subject.clone();
                    // The previous figure is on this line (prev_end > 0): back to
                    // line-relative spans, shifted again below.
                    ind.subject_spans = p
                        .subject_spans
                        .map(|sp| Span::new(sp.start - line.start, sp.end - line.start));
                }
            }
            prev_end = ind.span.end;
            i = ind.span.end;
            let shift = |sp: Span| Span::new(line.start + sp.start, line.start + sp.end);
            out.push(Indicator {
                span: shift(ind.span),
                number: shift(Span::new(num.start, num.end)),
                subject_spans: ind.subject_spans.map(shift),
                ..ind
            });
        } else {
            i = next;
        }
    }
}

/// Decides whether the number `n` in line `s` is an indicator and builds it (line-relative).
fn recognise(
    s: &str,
    n: &Number,
    prev_end: usize,
    protected: &[(usize, usize)],
) -> Option<Indicator> {
    if is_protected(protected, n.start, n.end) {
        return None;
    }
    let before = &s[..n.start];
    let prev = before.chars().next_back();
    // Part of a larger token: `G20`, `e三明`, `1.5`, `3·15`, `1+X`, `13:27`.
    if let Some(p) = prev {
        if p.is_ascii_alphanumeric() || matches!(p, '.' | '·' | '+' | '-' | '/' | '_' | '#' | '~')
        {
            return None;
        }
        if p == ':' && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()) {
            return None; // ratio or time
        }
    }
    // Ordinals and rankings.
    if before.ends_with('第') || before.ends_with('前') || before.ends_with("排名") {
        return None;
    }
    let mut j = n.end;
    let after = &s[j..];
    // Dates, times, ranges and identifiers right after the number.
    if let Some(a) = after.chars().next() {
        let a2 = after[a.len_utf8()..].chars().next();
        let digit_follows = a2.is_some_and(|c| c.is_ascii_digit() || is_cn_numeral(c));
        match a {
            '年' if !n.chinese && (n.value >= 1000.0 || n.value.fract() != 0.0) => return None,
            '年' => return None,
            '月' | '日' | '号' | '时' | '届' | '·' | '+' | '×' | '*' => return None,
            ':' | '-' | '/' | '—' | '–' | '~' | '至' | '到' if digit_follows => return None,
            '.' if digit_follows => return None,
            c if c.is_ascii_alphabetic() => return None,
            _ => {}
        }
    }
    // A Chinese numeral: never a lone 一; never inside words like 统一, 唯一, 之一.
    if n.chinese {
        let lit = &s[n.start..n.end];
        if lit == "一" || lit.ends_with('万') && lit.chars().count() == 1 {
            return None;
        }
        if prev.is_some_and(|p| {
            matches!(
                p,
                '统' | '唯' | '之' | '同' | '单' | '逐' | '万' | '进' | '初' | '其' | '星' | '礼'
            )
        }) {
            return None;
        }
    }
    // Frequency rules: 每季度召开1次.
    let near = window_start(before, BACK_WINDOW);
    let clause_from = near + clause_start(&before[near..]);
    if before[clause_from..].contains('每') {
        return None;
    }

    // Magnitude and inner approximation: 1.35亿元, 15万余件, 1000余件, 十余次.
    let mut approx: Option<&'static str> = None;
    let mut magnitude = "";
    if !n.chinese {
        for m in ["万", "亿", "千"] {
            if s[j..].starts_with(m) {
                magnitude = m;
                j += m.len();
                break;
            }
        }
    }
    if let Some(a) = starts_with_any(&s[j..], INNER_APPROX) {
        approx = Some(a);
        j += a.len();
    }
    // Space before %: `92 %`.
    let mut k = j;
    if s[k..].starts_with(' ') && s[k + 1..].starts_with(['%', '‰']) {
        k += 1;
    }
    let (unit, kind) = unit_at(&s[k..])?;
    // Money and magnitude: 万 + 元 is the unit 万元 (already in the list when adjacent).
    let mut end = k + unit.len();
    let unit_text = [magnitude, unit].concat();
    let mut kind = kind;
    if magnitude.is_empty() && !unit.starts_with(['万', '亿', '千']) && unit_text.is_empty() {
        return None;
    }
    if let Some(sfx) = starts_with_any(&s[end..], SUFFIXES) {
        if approx.is_none() {
            approx = Some(sfx);
        }
        end += sfx.len();
    }
    let following = s[end..].chars().next();
    // `建党100周年` is an anniversary; `24小时自助服务` names a service.
    if unit == "周" && following.is_some_and(|c| matches!(c, '年' | '岁')) {
        return None;
    }
    if unit.ends_with("小时")
        && n.value == 24.0
        && following.is_some_and(|c| is_cjk(c) && !matches!(c, '内' | '以' | '之' | '左'))
    {
        return None;
    }

    if n.chinese {
        // Small Chinese numerals name things unless they end their clause (学法两次，).
        let small = n.value < 10.0 && approx.is_none();
        // `六个“继续坚持”` names a list; `学法两次,` ends its clause.
        let ends_clause =
            following.is_none_or(|c| (!is_cjk(c) || c == '了') && !matches!(c, '“' | '《' | '‘'));
        if small && !ends_clause {
            return None;
        }
        let tail2 = s[end..]
            .char_indices()
            .nth(2)
            .map_or(s.len(), |(k, _)| end + k);
        let phrase = &s[n.start..tail2];
        if SET_PHRASES
            .iter()
            .any(|p| phrase.starts_with(p) || p.starts_with(&s[n.start..end]))
            && small
        {
            return None;
        }
    }
    // Prefix qualifiers and change cues, right before the number.
    let mut start = n.start;
    if let Some(p) = ends_with_any(before, PREFIXES) {
        // 近 in 最近/附近, 超 in 赶超 are words, not qualifiers.
        let word = &before[..before.len() - p.len()];
        let bad = matches!(p, "近" | "超") && word.ends_with(['最', '附', '将', '赶', '接']);
        if !bad && start - p.len() >= prev_end {
            approx = Some(p);
            start -= p.len();
        }
    }
    let mut direction = None;
    let mut basis = None;
    let head = &s[..start];
    let dir = DIRECTIONS
        .iter()
        .find(|(w, _)| head.ends_with(w))
        .map(|&(w, d)| (w, d, false))
        .or_else(|| {
            SHORT_DIRECTIONS
                .iter()
                .find(|(w, _)| {
                    head.ends_with(w)
                        && ends_with_any(&head[..head.len() - w.len()], BASES).is_some()
                })
                .map(|&(w, d)| (w, d, true))
        });
    if let Some((w, d, _short)) = dir {
        // `新增5家` counts additions; `提升至`/`降低到` would not reach here (至/到 between).
        let lead = &head[..head.len() - w.len()];
        if !lead.ends_with('新') && start - w.len() >= prev_end {
            direction = Some(d);
            start -= w.len();
            if let Some(b) = ends_with_any(lead, BASES) {
                let is_comparative_bi = b == "比"
                    && !(w.chars().count() == 1
                        || lead.ends_with("同比")
                        || lead.ends_with("环比"));
                if !is_comparative_bi && start - b.len() >= prev_end {
                    basis = Some(b);
                    start -= b.len();
                }
            }
            kind = Kind::Change;
        }
    }
    if direction.is_none() && matches!(unit, "个百分点" | "百分点") {
        // 高出/低于 N 个百分点 is still a change of a rate; keep it a rate otherwise.
        kind = Kind::Rate;
    }
    let value = n.value;
    let (subject, subject_spans) = subject(s, start, end, prev_end);
    Some(Indicator {
        span: Span::new(start, end),
        number: Span::new(n.start, n.end),
        value,
        unit: unit_text,
        kind,
        approx,
        direction,
        basis: basis.map(canonical_basis),
        subject,
        subject_spans,
        section: None,
    })
}

fn canonical_basis(b: &str) -> &'static str {
    BASES.iter().copied().find(|x| *x == b).unwrap_or("比")
}

/// Start of the clause that ends at `s.len()`.
/// How far back (in bytes) any look-behind goes: keeps the scan linear on lines without
/// punctuation (a 5 MB single line) — 40 Chinese characters are more than a clause.
const BACK_WINDOW: usize = 120;
/// How far ahead a closing `》` `”` `〕` is looked for.
const CLOSE_WINDOW: usize = 600;

/// A char boundary at most `window` bytes before the end of `s`.
fn window_start(s: &str, window: usize) -> usize {
    let mut k = s.len().saturating_sub(window);
    while !s.is_char_boundary(k) {
        k += 1;
    }
    k
}

/// Start of the clause that ends at `s.len()`. A short parenthetical or quoted name inside
/// a noun phrase (`离任(任中)审计`, `“一网通办”事项`) does not end the clause.
fn clause_start(s: &str) -> usize {
    let mut end = s.len();
    loop {
        let Some((k, c)) = s[..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_clause_break(c))
        else {
            return 0;
        };
        // Short parentheticals and quoted names belong to the phrase: `离任(任中)审计`,
        // `“一网通办”事项`.
        let opener = match c {
            ')' => Some('('),
            '”' => Some('“'),
            _ => None,
        };
        if let Some(open_c) = opener {
            if let Some(open) = s[..k].rfind(open_c).filter(|&o| k - o <= 36) {
                if !s[open + open_c.len_utf8()..k].contains(is_clause_break) {
                    end = open;
                    continue;
                }
            }
        }
        return k + c.len_utf8();
    }
}

/// Strips scope, time and counting words from both ends of a subject clause.
fn strip_subject(mut left: &str) -> &str {
    left = left.trim();
    loop {
        let l0 = left;
        if let Some(p) = left
            .find('年')
            .filter(|&p| p > 0 && left[..p].bytes().all(|b| b.is_ascii_digit()))
        {
            left = &left[p + '年'.len_utf8()..];
        }
        if let Some(w) = starts_with_any(left, SUBJECT_LEAD) {
            left = &left[w.len()..];
        }
        if let Some(p) = left.rfind("其中") {
            left = &left[p + "其中".len()..];
        }
        left = left.trim();
        if left == l0 {
            break;
        }
    }
    loop {
        let l0 = left;
        if let Some(w) = ends_with_any(left, SUBJECT_TAIL) {
            left = &left[..left.len() - w.len()];
        }
        // A copula 为, but not the 为 of 行为/作为/认为.
        if left.ends_with('为')
            && ends_with_any(left, &["行为", "作为", "认为", "成为", "因为"]).is_none()
        {
            left = &left[..left.len() - '为'.len_utf8()];
        }
        if let Some(w) = ends_with_any(left, BASES) {
            left = &left[..left.len() - w.len()];
        }
        left = left.trim();
        if left == l0 {
            break;
        }
    }
    left
}

/// What an indicator measures: the clause before it, cleaned, plus a noun phrase after it.
/// `全区已精简64项申报材料` → `精简申报材料`; `办复率100%` → `办复率`.
fn subject(s: &str, start: usize, end: usize, prev_end: usize) -> (String, [Span; 2]) {
    // A noun phrase right after the unit: 64项申报材料 → 申报材料.
    let after = &s[end..];
    let mut r = 0;
    for (k, c) in after.char_indices() {
        if !is_cjk(c) || k / 3 >= 8 || starts_with_any(&after[k..], RIGHT_STOP).is_some() {
            break;
        }
        if c.is_ascii_digit() || is_cn_numeral(c) && k > 0 {
            break;
        }
        r = k + c.len_utf8();
    }
    let right = &after[..r];
    let lo = prev_end
        .min(start)
        .max(window_start(&s[..start], BACK_WINDOW));
    let before = &s[lo..start];
    let from = clause_start(before);
    let mut left = strip_subject(&before[from..]);
    // `出庭应诉率全市最高,达100%`: with nothing on either side, the clause before it in the
    // same sentence names the subject.
    if left.is_empty() && right.is_empty() && from > 0 {
        let brk = before[..from].chars().next_back().unwrap_or('。');
        if brk == ',' {
            let prev = &before[..from - brk.len_utf8()];
            left = strip_subject(&prev[clause_start(prev)..]);
        }
    }
    // Keep at most the last 24 characters of a long clause.
    let n = left.chars().count();
    if n > 24 {
        let cut = left.char_indices().nth(n - 24).map_or(0, |(k, _)| k);
        left = &left[cut..];
    }
    let mut subj = String::with_capacity(left.len() + right.len());
    subj.push_str(left);
    subj.push_str(right);
    // Both parts are slices of `s`: their offsets locate them in the line.
    let at = |part: &str| {
        let k = part.as_ptr() as usize - s.as_ptr() as usize;
        Span::new(k, k + part.len())
    };
    (subj, [at(left), at(right)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Direction;

    fn found(t: &str) -> Vec<String> {
        let d = Document::new(t);
        find_indicators(t, &d)
            .iter()
            .map(|i| t[i.span.start..i.span.end].to_string())
            .collect()
    }

    #[test]
    fn spans_a_reviewer_would_highlight() {
        let table: &[(&str, &[&str], &str)] = &[
            (
                "全区已精简64项申报材料,取消85个各类证明。",
                &["64项", "85个"],
                "counts",
            ),
            ("监管事项超过130件。", &["超过130件"], "prefix qualifier"),
            (
                "已建设完成1800余路,基本实现全覆盖。",
                &["1800余路"],
                "inner approximation",
            ),
            (
                "占审批和服务事项644项的92 %。",
                &["644项", "92 %"],
                "space before percent",
            ),
            (
                "审计查出主要问题金额9.747万元;",
                &["9.747万元"],
                "money with magnitude",
            ),
            (
                "企业开办时限压缩至3.5个工作日。",
                &["3.5个工作日"],
                "duration, longest unit",
            ),
            (
                "来信来访239件次,同比下降14.7%。",
                &["239件次", "同比下降14.7%"],
                "change with basis",
            ),
            (
                "到省上访较去年同比下降75%;",
                &["同比下降75%"],
                "nearest basis only",
            ),
            (
                "一次性办结率比增5.17%。",
                &["比增5.17%"],
                "short direction after 比",
            ),
            (
                "出庭应诉率提高5.17个百分点。",
                &["提高5.17个百分点"],
                "percentage points",
            ),
            (
                "全年组织领导干部学法十余次,",
                &["十余次"],
                "Chinese numeral with 余",
            ),
            ("涉及金额1.35亿元。", &["1.35亿元"], "亿元"),
            (
                "法律咨询1.19万人次。",
                &["1.19万人次"],
                "magnitude before measure word",
            ),
            ("案件调解率达82%,", &["82%"], "达 is not part of the span"),
            ("95%以上的事项", &["95%以上"], "suffix qualifier"),
            (
                "摸排线索25件27人,",
                &["25件", "27人"],
                "adjacent indicators",
            ),
        ];
        for (t, want, why) in table {
            assert_eq!(found(t), *want, "{t}: {why}");
        }
    }

    #[test]
    fn rejects_precision_traps() {
        let table: &[(&str, &str)] = &[
            ("深入推进行政执法三项制度。", "set phrase"),
            (
                "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
                "quoted slogans",
            ),
            ("做好“八五”普法规划。", "plan name"),
            ("推行“5个坚持”工作法。", "Arabic inside a quoted name"),
            ("重视12345便民服务中心建设。", "hotline"),
            ("学习十九届四中全会精神。", "plenum"),
            ("召开第一次会议,首批专家。", "ordinal"),
            ("2019年10月印发,今年4月26日召开。", "dates"),
            ("发布时间 13:27", "time"),
            ("依据《法治政府建设实施纲要(2015-2020年)》", "book title"),
            ("梅政〔2019〕10号", "document number"),
            ("全面推行一次性告知,一批事项,统一标准", "lone 一"),
            ("从鎮、村两个层面开展示范创建", "numeral naming levels"),
            ("每季度召开1次联席会议", "frequency rule"),
            ("1+X专项审计调查", "formula"),
            ("行政诉讼案件一审全部审结", "first instance"),
            ("规划(2021—2025年)", "period"),
            ("三个代表重要思想", "slogan"),
            ("全省排名第二", "ranking"),
            ("庆祝建党100周年", "anniversary"),
            ("推广24小时自助服务区", "service name"),
        ];
        for (t, why) in table {
            assert_eq!(found(t), Vec::<String>::new(), "{t}: {why}");
        }
    }

    fn first(t: &str) -> Indicator {
        let d = Document::new(t);
        find_indicators(t, &d).remove(0)
    }

    #[test]
    fn values_kinds_and_qualifiers() {
        let i = first("到市集体访人次较去年同比减少48.12%;");
        assert_eq!(
            (i.value, i.kind, i.direction, i.basis),
            (48.12, Kind::Change, Some(Direction::Down), Some("同比"))
        );
        let i = first("组织学法十余次。");
        assert_eq!(
            (i.value, i.unit.as_str(), i.approx),
            (10.0, "次", Some("余"))
        );
        let i = first("涉及金额9.747万元。");
        assert_eq!(
            (i.value, i.unit.as_str(), i.kind),
            (9.747, "万元", Kind::Money)
        );
        let i = first("满意率和基本满意率98.79%;");
        assert_eq!(
            (i.kind, i.subject.as_str()),
            (Kind::Rate, "满意率和基本满意率")
        );
        let i = first("新增市场主体5家,");
        assert_eq!(
            (i.kind, i.direction),
            (Kind::Count, None),
            "新增 counts additions"
        );
    }

    #[test]
    fn numeral_byte_keys_match_the_numerals() {
        for c in "零〇一二两三四五六七八九十百千万统法率".chars() {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let want = cn_digit(c).is_some() || c == '十';
            assert_eq!(is_numeral_bytes(b[0], b[1], b[2]), want, "{c}");
        }
    }

    #[test]
    fn subjects() {
        let table: &[(&str, &str)] = &[
            ("2019年,全区主动公开政府信息559条,", "主动公开政府信息"),
            ("全区已精简64项申报材料,", "精简申报材料"),
            ("办理区人大代表建议77件,办复率100%", "办理区人大代表建议"),
            ("其中区政府信息公开94条,", "区政府信息公开"),
            ("全区83.87%信访事项被一次性办结", "信访事项"),
            (
                "领导干部自然资源资产离任(任中)审计2个、",
                "领导干部自然资源资产离任(任中)审计",
            ),
            (
                "约定生态环境损害赔偿(保证)金1.35亿元。",
                "约定生态环境损害赔偿(保证)金",
            ),
        ];
        for (t, want) in table {
            assert_eq!(first(t).subject, *want, "{t}");
        }
        let d = Document::new("摸排线索25件27人,");
        let both = find_indicators("摸排线索25件27人,", &d);
        assert_eq!(
            both[1].subject, "摸排线索",
            "a figure right after another shares its subject"
        );
    }
}
