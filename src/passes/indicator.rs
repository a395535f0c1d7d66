//! Quantitative indicators: numbers with what they count.
//!
//! ## Grammar (on the normalised view; `␣` is any run of spaces, allowed between every part)
//! ```text
//! indicator = [basis] [direction] [prefix] [sign] figure [以上|左右|余]
//! figure    = number [magnitude] [余|多|几] unit                 64项  1.35亿元  十余次
//!           | (百分之|千分之|万分之) number                        百分之九十五  千分之2.4
//!           | number 分之 number                                  三分之二
//!           | number 成 [半] | 半成                               三成  三成半  半成
//!           | number [unit] range-sep number unit                 3至5个工作日  10%~20%
//! list      = number (、|和|及|与) number … figure                 分别为12、15、20件
//! number    = see crate::lex::number (read whole or not at all)
//! magnitude = 万亿 | 万 | 亿 | 千                  (after an Arabic number: 1.35亿元 → 1.35 亿元)
//! prefix    = 约 近 将近 接近 大约 超过 超 逾 至少 不少于 不低于 不到 不足
//!           | 上                         (only before a bare 百/千/万: 上千场, 上万人)
//! sign      = 负 | -                               (rates only: 负3.9%, -22.2%)
//! direction = 增长 上升 提高 提升 增加 下降 减少 降低 压缩 缩短 …  (single 增/降/减/升 only after 比)
//! basis     = 同比 环比 比上年 较上年 比去年 较去年 … | 比 (in 比增/比降)
//!           | 较 named [平均|均|分别]        (较2022年减少, 较法定时限平均压缩: basis 比)
//! unit      = measure word (项 个 件 次 人次 家 名 起 …) | % | ‰ | ‱ | 个百分点 | 倍
//!           | money (元 万元 亿元) | duration (个工作日 天 小时 个月 学时 …) | other (平方米 亩 …)
//! ```
//! Examples: `64项`, `1000余件`, `超过130件`, `近30%`, `92 %`, `9.747万元`, `3.5个工作日`,
//! `同比下降14.7%`, `比增5.17%`, `提高5.17个百分点`, `十余次`, `上升了百分之2.2`, `九成以上`.
//! A range is one indicator with both ends (`value`, `high`); each number of a list is its own
//! indicator with the list's unit, spanning its own digits, with the direction written before
//! the list (`分别提高9.13、0.04和1.01个百分点`).
//!
//! The stages, each a function: candidate positions (a byte test), the number
//! ([`read_number`]), what follows it (`quantity`, ranges in `figure_at`), the context
//! before it (traps, sign, prefix, change: `recognise`), lists (`list_before`) and the
//! subject.
//!
//! ## Not indicators (precision traps)
//! * numbers inside `《…》` titles, short `“…”` names and `〔…〕` document numbers:
//!   `“八五”普法`, `“5个坚持”`, `〔2019〕10号`;
//! * dates, times and identifiers: `2019年`, `4月26日`, `13:27`, `2021—2025年`, `3·15`, `1+X`,
//!   `1.2.3`; the tail of a number never read whole (`12,3456`, `一12个`);
//! * ordinals and rankings: `第一次会议`, `第四批`, `全省第二`, `前10名`, `第1、2、3名`;
//! * frequencies in rules: `每季度召开1次`;
//! * Chinese numerals that name things: a lone `一` (`一次性`, `一批`), set phrases and
//!   slogans from `lex::words::SET_PHRASES` (`三项制度`, `两个维护`, `四个意识`), a
//!   numeral naming a quoted list (`六个“继续坚持”`), numbered slogans (`五个一`), a plan's
//!   parts (`三个方面`, `四个部分`), project phases (`二期工程`) — other small Chinese counts
//!   count wherever they stand (`两次主持`, `聘请两名律师`, `分两批开展`);
//! * numbers without a unit (`12345热线`, `十九届四中全会`, `一审`), `成` in words (`成为`);
//! * anniversaries and service names: `建党100周年`, `24小时自助服务区`.

use crate::lex::date::year_at;
use crate::lex::number::{
    abbreviated_lead_at, bare_magnitude_at, continues_number, is_token_char, normalize,
    normalized_unit, read_number, split_magnitude, starts_number, Number, Written,
};
use crate::lex::numeral::{cn_digit, is_cn_numeral};
use crate::lex::words::{
    subject_verb_at, WordSet, AGENT_ENDINGS, BASES, DIRECTIONS, NOUN_AFTER_VERB, PHASE_WORDS,
    SET_PHRASES, SET_PHRASE_TAILS, SHORT_DIRECTIONS, SUBJECT_LEAD,
};
use crate::model::{Direction, Indicator, Kind};
use crate::passes::document::{Document, Line, LineKind};
use crate::text::Span;
use std::sync::LazyLock;

/// The word lists that subjects test at every character, indexed ([`WordSet`]).
static LEAD_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(SUBJECT_LEAD));
static TAIL_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(SUBJECT_TAIL));
static BASE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(BASES));
static STOP_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(RIGHT_STOP));
static NOUN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NOUN_AFTER_VERB));
static AGENT_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(AGENT_ENDINGS));

// ---- patterns -------------------------------------------------------------------------

/// Units, longest first within each kind's first character (matched longest-first overall).
/// `3.5个工作日` matches `个工作日`, not `个`.
const UNITS: &[(&str, Kind)] = &[
    ("个百分点", Kind::Rate),
    ("百分点", Kind::Rate),
    ("%", Kind::Rate),
    ("‰", Kind::Rate),
    ("‱", Kind::Rate),
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
/// What makes `约` the end of a word rather than a qualifier: `节约`, `制约`, `签约`, `预约`,
/// `合约`, `条约`, `履约`, `违约`, `特约`, `公约`, `契约`, `相约`, `守约`, `毁约`.
const YUE_WORDS: &[char] = &[
    '节', '制', '签', '预', '合', '条', '履', '违', '特', '公', '契', '相', '守', '毁',
];
/// Qualifiers right after the number (before the unit): `1000余件`, `100多人`.
const INNER_APPROX: &[&str] = &["余", "多"];
/// Qualifiers after the unit: `95%以上`, `10万元左右`.
const SUFFIXES: &[&str] = &["以上", "左右", "余"];

/// Words stripped from the end of a subject.
const SUBJECT_TAIL: &[&str] = &[
    "下降至",
    "下降到",
    "上升至",
    "上升到",
    "增长至",
    "增长到",
    "缩短到",
    "压减到",
    "缩减到",
    "压减至",
    "减至",
    "降至",
    "缩减至",
    "提高到",
    "提升到",
    "增加到",
    "降低到",
    "压缩到",
    "减少到",
    "全市最高",
    "全市最低",
    "全区最高",
    "全区最低",
    "最高",
    "最低",
    "已",
    "全年",
    "今年",
    "年内",
    "压缩至",
    "缩短至",
    "降低至",
    "提高至",
    "提升至",
    "减少至",
    "增加至",
    "年均",
    "平均",
    "仅有",
    "只有",
    "仅",
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
    "的",
    "为",
    "缩短",
    "压缩",
    "减少",
    "降低",
    "提高",
    "提升",
    "增加",
    "下降",
    "上升",
    "增长",
    "至",
    "到",
    "被",
    "在",
    "对",
    "向",
    "与",
    "并",
    "和",
    "获得",
    "登陆",
    "接入",
    "参加",
    "参与",
    "进行",
    "开展",
    "实现",
    "完成",
    "全部",
    "均",
    "已",
    "得到",
    "通过",
    "列入",
    "纳入",
    "受到",
    "提供",
    "作为",
    "开始",
    "达到",
    "明确",
    "正在",
    "其中",
    "等",
    "是",
    "有",
    "增收节支",
    "依法",
    "集中",
    "获评",
    "如期",
    "以",
    "进驻",
];

/// The first pattern of `list` that `s` starts with (a cheap test of the first three bytes
/// before each comparison: these lists are scanned at every candidate and every character of
/// a subject, and the first byte of a Chinese word hardly filters).
fn starts_with_any<'p>(s: &str, list: &'p [&'p str]) -> Option<&'p str> {
    let b = s.as_bytes();
    let head = [
        b.first().copied()?,
        b.get(1).copied().unwrap_or(0),
        b.get(2).copied().unwrap_or(0),
    ];
    list.iter().copied().find(|p| {
        let q = p.as_bytes();
        q.first() == Some(&head[0])
            && q.get(1).is_none_or(|&x| x == head[1])
            && q.get(2).is_none_or(|&x| x == head[2])
            && s.starts_with(p)
    })
}

/// The first pattern of `list` that `s` ends with (the last three bytes tested first).
fn ends_with_any<'p>(s: &str, list: &'p [&'p str]) -> Option<&'p str> {
    let b = s.as_bytes();
    let n = b.len();
    let tail = [
        b.last().copied()?,
        n.checked_sub(2).map_or(0, |k| b[k]),
        n.checked_sub(3).map_or(0, |k| b[k]),
    ];
    list.iter().copied().find(|p| {
        let q = p.as_bytes();
        let m = q.len();
        q.last() == Some(&tail[0])
            && (m < 2 || q[m - 2] == tail[1])
            && (m < 3 || q[m - 3] == tail[2])
            && s.ends_with(p)
    })
}

/// `s.ends_with(w)`, with the last two bytes compared inline first: most words of a list
/// differ there, and the full comparison is a call.
fn ends_with_word(s: &str, w: &str) -> bool {
    let (b, q) = (s.as_bytes(), w.as_bytes());
    let (n, m) = (b.len(), q.len());
    m <= n && (m < 2 || b[n - 1] == q[m - 1] && b[n - 2] == q[m - 2]) && b.ends_with(q)
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
    crate::text::sort::sort(&mut out);
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

/// True for a space the normalised view keeps (ASCII; NBSP, U+3000 and thin spaces are
/// folded to it).
fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// `j` moved past spaces.
fn skip_spaces(s: &str, mut j: usize) -> usize {
    // Bytes, not `trim_start_matches`: both spaces are ASCII (see `is_space`).
    let b = s.as_bytes();
    while j < b.len() && matches!(b[j], b' ' | b'\t') {
        j += 1;
    }
    j
}

/// `s` without trailing spaces.
fn trim_spaces(s: &str) -> &str {
    let b = s.as_bytes();
    let mut end = b.len();
    while end > 0 && matches!(b[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    &s[..end]
}

/// True when the three bytes are the UTF-8 of a character that can start a figure: a
/// Chinese digit, `十`, a financial digit, `俩` or `拾`, `百`/`千`/`万` (`百分之`), `佰`/`仟`
/// (`仟分之贰`) and `半` (`半成`, `半百`).
/// A cheap test before decoding.
fn is_candidate_bytes(b0: u8, b1: u8, b2: u8) -> bool {
    // The three bytes carry the code point's low 16 bits: one bit test in a bitmap of them.
    let cp = ((b0 as usize & 0x0F) << 12) | ((b1 as usize & 0x3F) << 6) | (b2 as usize & 0x3F);
    CANDIDATE_BITMAP[cp >> 6] & (1u64 << (cp & 63)) != 0
}

/// The characters that can start a figure (see [`is_candidate_bytes`]).
const CANDIDATE_CHARS: &str = "零〇一二两三四五六七八九十百千万亿半壹贰叁肆伍陆柒捌玖俩拾佰仟";

/// One bit per code point below U+10000, set for [`CANDIDATE_CHARS`]. Built at compile time.
static CANDIDATE_BITMAP: [u64; 1024] = {
    let mut bits = [0u64; 1024];
    let b = CANDIDATE_CHARS.as_bytes();
    let mut i = 0;
    while i + 2 < b.len() {
        let cp = ((b[i] as usize & 0x0F) << 12)
            | ((b[i + 1] as usize & 0x3F) << 6)
            | (b[i + 2] as usize & 0x3F);
        bits[cp >> 6] |= 1u64 << (cp & 63);
        i += 3;
    }
    bits
};

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
        crate::text::sort::sort_by(&mut v, |a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
        v
    })
}

/// What follows a number: its magnitude, approximation, unit and the figure's end.
#[derive(Clone, Debug)]
struct Quantity {
    /// The value as written (`三成半` → 3.5, `三分之二` → 0.667).
    value: f64,
    /// Where the numeral ends (after `分之二` for a fraction).
    number_end: usize,
    /// Magnitude and unit as one string (`亿元`, `万人次`, `%`, `成`).
    unit: String,
    kind: Kind,
    /// `余` `多` `几` `以上` `左右` after the number.
    approx: Option<&'static str>,
    /// One past the unit and its suffix qualifier.
    end: usize,
    /// The unit alone (for the checks on it), without magnitude.
    bare_unit: &'static str,
}

/// The quantity after the number `n` of line `s`, spaces allowed between its parts:
/// `1.35亿元`, `15万余件`, `500余万元`, `十余次`, `92 %`, `95%以上`, `三成半`, `三分之二`.
fn quantity(s: &str, n: &Number) -> Option<Quantity> {
    let mut value = n.value;
    let mut number_end = n.end;
    let mut j = skip_spaces(s, n.end);
    let mut approx = n.approx;
    // Fractions: `三分之二`, `十分之一`.
    if let Some(rest) = s[j..].strip_prefix("分之") {
        let k = skip_spaces(s, s.len() - rest.len());
        let d = read_number(s, k).ok()?;
        if n.value <= 0.0 || d.value > n.value || d.written != n.written {
            return None;
        }
        value = d.value / n.value;
        number_end = d.end;
        let mut end = d.end;
        let k = skip_spaces(s, end);
        if let Some(sfx) = starts_with_any(&s[k..], SUFFIXES) {
            approx = approx.or(Some(sfx));
            end = k + sfx.len();
        }
        return Some(Quantity {
            value,
            number_end,
            unit: "分之".to_string(),
            kind: Kind::Rate,
            approx,
            end,
            bare_unit: "分之",
        });
    }
    let mut magnitude = "";
    let take_magnitude = |j: usize| -> Option<&'static str> {
        if n.written != Written::Arabic {
            return None;
        }
        // A unit that starts like a magnitude (`千瓦`, `万元`) is the unit.
        if unit_at(&s[j..]).is_some_and(|(u, _)| u.starts_with(['万', '亿', '千'])) {
            return None;
        }
        MAGNITUDES.iter().copied().find(|m| s[j..].starts_with(m))
    };
    if let Some(m) = take_magnitude(j) {
        magnitude = m;
        j = skip_spaces(s, j + m.len());
    }
    if approx.is_none() {
        let inner: &[&'static str] = if n.chinese() {
            &["余", "多", "几"]
        } else {
            INNER_APPROX
        };
        if let Some(a) = starts_with_any(&s[j..], inner) {
            approx = Some(a);
            j = skip_spaces(s, j + a.len());
            if magnitude.is_empty() {
                if let Some(m) = take_magnitude(j) {
                    magnitude = m;
                    j = skip_spaces(s, j + m.len());
                }
            }
        }
    }
    let (unit, kind, mut end) = if let Some(rest) = s[j..].strip_prefix('成') {
        // `三成`, `三成半`, `九成以上`; not `成为`, `成立`, `成效`.
        let mut e = j + '成'.len_utf8();
        if !magnitude.is_empty() || n.value > 10.0 {
            return None;
        }
        if rest.starts_with('半') {
            value += 0.5;
            e += '半'.len_utf8();
        } else if rest.starts_with(|c: char| CHENG_WORDS.contains(c)) {
            return None;
        }
        ("成", Kind::Rate, e)
    } else {
        let (u, k) = unit_at(&s[j..])?;
        (u, k, j + u.len())
    };
    let k = skip_spaces(s, end);
    if let Some(sfx) = starts_with_any(&s[k..], SUFFIXES) {
        if approx.is_none() {
            approx = Some(sfx);
        }
        end = k + sfx.len();
    }
    Some(Quantity {
        value,
        number_end,
        unit: [magnitude, unit].concat(),
        kind,
        approx,
        end,
        bare_unit: unit,
    })
}

/// Characters that make `成` after a number part of a word (`成为`, `成立`, `成效`, `成果`):
/// `三成企业` is a share, `5年成为` is not.
const CHENG_WORDS: &str =
    "为立员效果绩熟功交就长本型品都人年套片批像分色份形材才全真事章规群堆败器千百万";

/// Magnitudes written between an Arabic number and its unit, longest first.
const MAGNITUDES: &[&str] = &["万亿", "万", "亿", "千"];

/// Rate forms written before the number: `百分之九十五`, `千分之2.4`, `万分之三`, and in
/// financial numerals `仟分之贰`, `佰分之伍` (`萬分之肆` is `万分之` on the normalised view).
const RATE_PREFIXES: &[&str] = &["百分之", "千分之", "万分之", "仟分之", "佰分之"];

/// Separators of a range: `3至5个`, `3—5个`, `10%~20%` (`～` is folded to `~`).
const RANGE_SEPARATORS: &[&str] = &["至", "到", "~", "〜", "——", "—", "–", "-"];

/// Separators of a list of numbers sharing a unit: `12、15、20件`, `9.13、0.04和1.01`.
const LIST_SEPARATORS: &[&str] = &["、", "和", "及", "与", ","];

/// Finds the indicators of `text` (the normalised view), in document order.
pub fn find_indicators(text: &str, doc: &Document) -> Vec<Indicator> {
    find_indicators_in(text, &doc.lines)
}

/// The indicators of `lines` (a run of a document's lines, in order). Lines are read
/// independently, so the indicators of consecutive runs, concatenated, are the document's.
pub fn find_indicators_in(text: &str, lines: &[Line]) -> Vec<Indicator> {
    let mut out = Vec::new();
    for line in lines.iter().filter(|l| l.kind == LineKind::Text) {
        scan_line(text, line.span, &mut out);
    }
    out
}

/// A figure found at a candidate position, before its subject.
struct Found {
    /// The first (or only) number.
    num: Number,
    /// What follows it (for a range, what follows the second number).
    q: Quantity,
    /// The high end of a range.
    high: Option<f64>,
}

/// Reads the figure whose numeral starts at `i` (a candidate position), if any: a rate
/// written before its number (`百分之九十五`), `半成`, or a number with its quantity or range.
/// `Err(resume)` says where scanning continues.
fn figure_at(s: &str, i: usize) -> Result<Found, usize> {
    let c = s[i..].chars().next().ok_or(i + 1)?;
    let next = i + c.len_utf8();
    if let Some(p) = starts_with_any(&s[i..], RATE_PREFIXES) {
        if continues_number(s, i) {
            return Err(i + p.len());
        }
        let k = skip_spaces(s, i + p.len());
        let n = read_number(s, k)
            .or_else(|e| lone_financial_digit(s, k).ok_or(e))
            .map_err(|_| i + p.len())?;
        let mut q = quantity_after_rate_prefix(s, &n, p);
        q.value = n.value;
        let num = Number { start: i, ..n };
        return Ok(Found { num, q, high: None });
    }
    if c == '半' && s[next..].starts_with('百') {
        // `半百` = 50 (`年过半百`, `半百人`): a number when a unit follows it.
        let e = next + '百'.len_utf8();
        if continues_number(s, i) || s[e..].starts_with(|c: char| is_token_char(c)) {
            return Err(next);
        }
        let num = Number {
            start: i,
            end: e,
            value: 50.0,
            written: Written::Chinese,
            approx: None,
            decimals: 0,
        };
        let q = quantity(s, &num).ok_or(e)?;
        return Ok(Found { num, q, high: None });
    }
    if c == '半' {
        if !s[next..].starts_with('成') || continues_number(s, i) {
            return Err(next);
        }
        let e = next + '成'.len_utf8();
        let num = Number {
            start: i,
            end: next,
            value: 0.5,
            written: Written::Chinese,
            approx: None,
            decimals: 1,
        };
        let q = Quantity {
            value: 0.5,
            number_end: next,
            unit: "成".to_string(),
            kind: Kind::Rate,
            approx: None,
            end: e,
            bare_unit: "成",
        };
        return Ok(Found { num, q, high: None });
    }
    if !starts_number(c) && !bare_magnitude_at(s, i) && abbreviated_lead_at(s, i).is_none() {
        return Err(next);
    }
    // Cheap test before reading: most numerals (`统一`, `一是`, `2019年`) have nothing after
    // them that makes a figure.
    let run = s[i..]
        .find(|c: char| !(c.is_ascii_digit() || c != ' ' && is_token_char(c)))
        .map_or(s.len(), |k| i + k);
    if !figure_may_follow(s, run) {
        return Err(run.max(next));
    }
    let num = read_number(s, i)?;
    let resume = num.end.max(next);
    let q = quantity(s, &num);
    // A range: `3至5个工作日` (the unit once) or `10%~20%`, `1.2亿元至1.5亿元` (twice).
    let after = q.as_ref().map_or(num.end, |q| q.end);
    let k = skip_spaces(s, after);
    if let Some(sep) = starts_with_any(&s[k..], RANGE_SEPARATORS) {
        let k2 = skip_spaces(s, k + sep.len());
        if let Ok(n2) = read_number(s, k2) {
            if let Some(q2) = quantity(s, &n2) {
                let ascii_sep = sep.len() == 1;
                let both_arabic = num.written != Written::Chinese && n2.written != Written::Chinese;
                let low = q.as_ref().map_or(num.value, |q| q.value);
                let same_unit = q
                    .as_ref()
                    .is_none_or(|q| q.unit == q2.unit && q.approx.is_none());
                // `由5%至10%` and `从3个到5个` go from one value to another: not a range.
                let from_to = trim_spaces(&s[..i]).ends_with(['由', '从']);
                if same_unit
                    && !from_to
                    && q2.value > low
                    && num.chinese() == n2.chinese()
                    && (!ascii_sep || both_arabic)
                {
                    return Ok(Found {
                        num: Number { value: low, ..num },
                        high: Some(q2.value),
                        q: q2,
                    });
                }
            }
        }
        if q.is_none() {
            return Err(resume);
        }
    }
    match q {
        Some(q) => Ok(Found {
            num: Number {
                value: q.value,
                end: q.number_end,
                ..num
            },
            q,
            high: None,
        }),
        None => Err(resume),
    }
}

/// A financial digit alone after a rate prefix (`仟分之贰`, `萬分之肆`): the prefix makes it a
/// numeral, where alone it is an everyday character (`队伍`, `陆续`). Not before another
/// numeral character (read whole by [`read_number`] or not at all).
fn lone_financial_digit(s: &str, k: usize) -> Option<Number> {
    let mut chars = s[k..].chars();
    let c = chars.next()?;
    let value = "壹贰叁肆伍陆柒捌玖".chars().position(|f| f == c)? as f64 + 1.0;
    if chars.next().is_some_and(is_token_char) {
        return None;
    }
    Some(Number {
        start: k,
        end: k + c.len_utf8(),
        value,
        written: Written::Chinese,
        approx: None,
        decimals: 0,
    })
}

/// True when what follows a run of numeral characters ending at `j` can make a figure: a
/// unit (after spaces and `余`/`多`/`几`), `分之`, `成`, or a range separator.
fn figure_may_follow(s: &str, j: usize) -> bool {
    // A unit that starts with the run's magnitude: `3千瓦`, `5万元`.
    let mut k = j;
    while s[..k].ends_with(['万', '亿', '千']) {
        k -= '万'.len_utf8();
    }
    if k < j && unit_at(&s[k..]).is_some() {
        return true;
    }
    let mut j = skip_spaces(s, j);
    for words in [MAGNITUDES, &["余", "多", "几"], MAGNITUDES] {
        if let Some(w) = starts_with_any(&s[j..], words) {
            if unit_at(&s[j..]).is_none() {
                j = skip_spaces(s, j + w.len());
            }
        }
    }
    let rest = &s[j..];
    unit_at(rest).is_some()
        || rest.starts_with(['成', '.', ','])
        || rest.starts_with("分之")
        || starts_with_any(rest, RANGE_SEPARATORS).is_some()
}

/// The quantity of a rate written before its number: `百分之九十五` is 95 `百分之`.
fn quantity_after_rate_prefix(s: &str, n: &Number, prefix: &'static str) -> Quantity {
    let mut end = n.end;
    let mut approx = n.approx;
    let k = skip_spaces(s, end);
    if let Some(sfx) = starts_with_any(&s[k..], SUFFIXES) {
        approx = approx.or(Some(sfx));
        end = k + sfx.len();
    }
    Quantity {
        value: n.value,
        number_end: n.end,
        unit: prefix.to_string(),
        kind: Kind::Rate,
        approx,
        end,
        bare_unit: prefix,
    }
}

fn scan_line(text: &str, line: Span, out: &mut Vec<Indicator>) {
    let base = out.len();
    scan_figures(text, line, out);
    distribute_respectively(text, &mut out[base..]);
}

/// The figures of one line, in order, appended to `out`.
fn scan_figures(text: &str, line: Span, out: &mut Vec<Indicator>) {
    let s = &text[line.start..line.end];
    let mut protected: Option<Vec<(usize, usize)>> = None; // computed on first need
    let mut i = 0;
    // The end of the previous indicator in this line.
    let mut prev_end = 0;
    // The index in `out` of the sentence's first figure, and the sentence's first figures
    // that a breakdown's bare counts take their thing from.
    let mut sentence_first: Option<usize> = None;
    let mut firsts = SentenceFirsts::default();
    let bytes = s.as_bytes();
    while i < s.len() {
        // Fast paths on raw bytes: only ASCII digits and a few Chinese characters start a
        // figure.
        let b0 = bytes[i];
        if b0 < 0x80 {
            if !b0.is_ascii_digit() {
                i += 1;
                continue;
            }
        } else if (0xE0..0xF0).contains(&b0) && i + 2 < bytes.len() {
            if !is_candidate_bytes(b0, bytes[i + 1], bytes[i + 2]) {
                i += 3;
                continue;
            }
        } else {
            i += crate::text::utf8_len(b0);
            continue;
        }
        let found = match figure_at(s, i) {
            Ok(f) => f,
            Err(resume) => {
                i = resume.max(i + 1);
                while !s.is_char_boundary(i) {
                    i += 1;
                }
                continue;
            }
        };
        let next = found.num.end.max(i + 1);
        let protected = protected.get_or_insert_with(|| protected_ranges(s));
        let Some((mut ind, own)) = recognise(s, &found, prev_end, protected) else {
            i = next;
            while !s.is_char_boundary(i) {
                i += 1;
            }
            continue;
        };
        // `分别为12、15、20件`: bare numbers listed before share the unit.
        let Some(list) = list_before(s, &found, &ind, prev_end, protected) else {
            i = next;
            continue;
        };
        if let Some(first) = list.first() {
            // The words before the list's first number give its direction and basis.
            let (direction, basis, start) = change_before(s, first.number.start, prev_end);
            if direction.is_some() {
                ind.direction = direction;
                ind.basis = basis;
                ind.kind = Kind::Change;
                ind.normalized = signed_normalized(&ind);
            }
            let (subject, subject_spans, _) = subject(
                s,
                start.min(first.span.start),
                first.span.start,
                prev_end,
                "",
                direction.is_some(),
            );
            let shift = |sp: Span| Span::new(line.start + sp.start, line.start + sp.end);
            for mut item in list {
                item.kind = ind.kind;
                item.direction = ind.direction;
                item.basis = ind.basis;
                item.normalized = signed_normalized(&item);
                item.subject = subject.clone();
                out.push(Indicator {
                    span: shift(item.span),
                    number: shift(item.number),
                    subject_spans: subject_spans.map(shift),
                    ..item
                });
                firsts.note(out, own);
            }
            ind.subject = subject;
            ind.subject_spans = subject_spans;
        } else if prev_end > 0 && !ends_sentence(&s[prev_end..ind.span.start]) {
            let from = sentence_first.unwrap_or(out.len());
            let first = firsts.lookup(out, split_magnitude(&ind.unit).1);
            inherit_subject(s, line, &mut ind, prev_end, &out[from..], first, own);
        } else if own == Named::Verb || is_review_decision(&ind.subject) {
            // A sentence's first figure: `在已审结的案件中,维持32件`.
            let before = &s[prev_end..ind.span.start];
            let from = after_last(before, &['。', ';', '!', '?']);
            take_frame(s, prev_end + from, &mut ind);
        }
        if prev_end == 0 || ends_sentence(&s[prev_end..ind.span.start]) {
            sentence_first = Some(out.len());
            firsts = SentenceFirsts::default();
        }
        prev_end = ind.span.end;
        i = ind.span.end;
        let shift = |sp: Span| Span::new(line.start + sp.start, line.start + sp.end);
        out.push(Indicator {
            span: shift(ind.span),
            number: shift(ind.number),
            subject_spans: ind.subject_spans.map(shift),
            ..ind
        });
        firsts.note(out, own);
    }
}

/// `办理人大代表建议和政协委员提案分别为45件和62件`: figures that share one subject through
/// `分别`, as many as the subject names things joined by `和` `、` `及` `与`, take one thing
/// each, in order (`人大代表建议` 45件, `政协委员提案` 62件). `figs` are one line's figures in
/// text coordinates. A subject with another number of things, or figures joined by more
/// than a separator, stay as they are.
fn distribute_respectively(text: &str, figs: &mut [Indicator]) {
    let mut i = 0;
    while i < figs.len() {
        let [l, r] = figs[i].subject_spans;
        let mut j = i + 1;
        while j < figs.len() && figs[j].subject_spans == figs[i].subject_spans {
            j += 1;
        }
        let group = i..j;
        i = j;
        if group.len() < 2 || l.is_empty() || !r.is_empty() || l.end > figs[group.start].span.start
        {
            continue;
        }
        let lead = &text[l.end..figs[group.start].span.start];
        if !lead.contains("分别") || lead.chars().count() > 6 {
            continue;
        }
        let joined = group.clone().skip(1).all(|k| {
            let between = trim_spaces(&text[figs[k - 1].span.end..figs[k].span.start]);
            matches!(between, "和" | "、" | "及" | "与" | "," | "以及")
        });
        let subject = &text[l.start..l.end];
        let mut parts = Vec::new();
        let mut from = 0;
        for (k, c) in subject.char_indices() {
            if matches!(c, '和' | '、' | '及' | '与') {
                parts.push((from, k));
                from = k + c.len_utf8();
            }
        }
        parts.push((from, subject.len()));
        let named = parts
            .iter()
            .all(|&(a, b)| subject[a..b].chars().count() >= 2);
        if !joined || !named || parts.len() != group.len() {
            continue;
        }
        for (k, (a, b)) in group.zip(parts) {
            let f = &mut figs[k];
            f.subject = subject[a..b].to_string();
            f.subject_spans = [
                Span::new(l.start + a, l.start + b),
                Span::new(f.span.end, f.span.end),
            ];
        }
    }
}

/// The figures of the current sentence that [`inherit_subject`] falls back on, kept as the
/// sentence grows so that a line of thousands of figures without a full stop stays linear.
#[derive(Default)]
struct SentenceFirsts {
    /// The first figure with a subject (an index into the output).
    any: Option<usize>,
    /// Per measure word, the first figure whose own clause named its thing.
    by_unit: Vec<usize>,
}

impl SentenceFirsts {
    /// Records the figure just pushed to `out`.
    fn note(&mut self, out: &[Indicator], own: Named) {
        let idx = out.len() - 1;
        let ind = &out[idx];
        if ind.subject.is_empty() {
            return;
        }
        self.any.get_or_insert(idx);
        let unit = split_magnitude(&ind.unit).1;
        if own == Named::Own
            && !self
                .by_unit
                .iter()
                .any(|&k| split_magnitude(&out[k].unit).1 == unit)
        {
            self.by_unit.push(idx);
        }
    }

    /// The sentence's first figure of measure word `unit` that named its thing, else its
    /// first figure with a subject.
    fn lookup<'a>(&self, out: &'a [Indicator], unit: &str) -> Option<&'a Indicator> {
        self.by_unit
            .iter()
            .map(|&k| &out[k])
            .find(|e| split_magnitude(&e.unit).1 == unit)
            .or_else(|| self.any.map(|k| &out[k]))
    }
}

/// True when `between` (the text between two figures) ends a sentence.
fn ends_sentence(between: &str) -> bool {
    // Bytes: `;` `!` `?` are ASCII in the normalised view and `。` is E3 80 82 (E3 is
    // always a lead byte, so these three are `。` wherever they occur).
    let b = between.as_bytes();
    (0..b.len()).any(|i| match b[i] {
        b';' | b'!' | b'?' => true,
        0x82 => i >= 2 && b[i - 1] == 0x80 && b[i - 2] == 0xE3,
        _ => false,
    })
}

/// Gives `ind` the subject its sentence gives it when its own clause names none. `earlier`
/// are the figures of the sentence before it (line coordinates shifted by `line.start`);
/// `first` is the sentence's first figure of its measure word that named its thing, else the
/// sentence's first figure with a subject ([`SentenceFirsts::lookup`]).
///
/// * `95件,比上年增长66.7%`, `由20个工作日缩短至5个工作日`: a change or a rate without its own
///   subject measures the previous figure's;
/// * `593项,占审批和服务事项644项的92%`: the share measures the figure before `占`;
/// * `摸排线索25件27人`: a figure of another measure word right after another counts that
///   (`人`);
/// * `共办理案件83件,办结67件,调解55件`, `其中…各部门公开388条`: a count whose clause is only
///   a verb (or a doer and a verb) counts the sentence's first figure's thing.
fn inherit_subject(
    s: &str,
    line: Span,
    ind: &mut Indicator,
    prev_end: usize,
    earlier: &[Indicator],
    first: Option<&Indicator>,
    named: Named,
) {
    let Some(prev) = earlier.last() else {
        return;
    };
    let to_line = |sp: Span| Span::new(sp.start - line.start, sp.end - line.start);
    let take = |ind: &mut Indicator, from: &Indicator| {
        ind.subject = from.subject.clone();
        ind.subject_spans = from.subject_spans.map(to_line);
    };
    let between = trim_spaces(&s[prev_end..ind.span.start]).trim_start_matches(is_space);
    // `同比分别下降10.5%和45.7%`: a figure listed after a change is one too.
    if ind.direction.is_none()
        && prev.direction.is_some()
        && prev.unit == ind.unit
        && matches!(between, "和" | "、" | "及" | "与")
    {
        ind.direction = prev.direction;
        ind.basis = prev.basis;
        ind.kind = Kind::Change;
        ind.normalized = signed_normalized(ind);
    }
    // `A占B的X%`.
    if ind.kind == Kind::Rate && between == "的" && earlier.len() >= 2 {
        let left = to_line(prev.subject_spans[0]);
        let right = to_line(prev.subject_spans[1]);
        let own = if left.is_empty() { right } else { left };
        let clause = trim_spaces(&s[..own.start.min(to_line(prev.span).start)]);
        if clause.ends_with('占') || s[..own.start].ends_with('占') {
            take(ind, &earlier[earlier.len() - 2]);
            return;
        }
    }
    let direction_word = DIRECTIONS.iter().any(|(w, _)| ind.subject == *w);
    if !ind.subject.is_empty()
        && !direction_word
        && named != Named::Verb
        && !is_review_decision(&ind.subject)
    {
        return;
    }
    let adjacent = between.is_empty();
    if adjacent
        && ind.kind == Kind::Count
        && split_magnitude(&ind.unit).1 != split_magnitude(&prev.unit).1
    {
        // The measure word names what is counted: `25件27人`.
        let unit_at = Span::new(ind.span.end - ind.unit.len(), ind.span.end);
        if s.get(unit_at.start..unit_at.end) == Some(ind.unit.as_str()) {
            ind.subject = split_magnitude(&ind.unit).1.to_string();
            let k = unit_at.end - ind.subject.len();
            ind.subject_spans = [
                Span::new(k, unit_at.end),
                Span::new(ind.span.end, ind.span.end),
            ];
            return;
        }
    }
    if adjacent || direction_word || matches!(ind.kind, Kind::Change | Kind::Rate) {
        take(ind, prev);
        return;
    }
    // `受理案件中,维持45件,撤销3件`: a frame after the total names what the breakdown counts.
    if first.is_some_and(|f| take_frame(s, to_line(f.span).end, ind)) {
        return;
    }
    // The sentence's first figure of the same measure word whose clause named its thing (the
    // total a breakdown follows), else the sentence's first.
    if let Some(from) = first {
        take(ind, from);
    }
}

/// Gives `ind` the thing of the last breakdown frame between byte `from` of the line and the
/// figure ([`breakdown_frame`]); false when there is none.
fn take_frame(s: &str, from: usize, ind: &mut Indicator) -> bool {
    let Some(frame) = breakdown_frame(&s[from.min(ind.span.start)..ind.span.start]) else {
        return false;
    };
    let k = frame.as_ptr() as usize - s.as_ptr() as usize;
    ind.subject = frame.to_string();
    ind.subject_spans = [
        Span::new(k, k + frame.len()),
        Span::new(ind.span.end, ind.span.end),
    ];
    true
}

/// The byte after the last of `seps` in `s`, or 0 when there is none.
fn after_last(s: &str, seps: &[char]) -> usize {
    s.rfind(seps)
        .map_or(0, |p| p + s[p..].chars().next().map_or(1, char::len_utf8))
}

/// Things a breakdown frame may name (`受理案件中`, `已审结的行政复议案件中`).
const FRAME_NOUNS: &[&str] = &[
    "案件", "申请", "事项", "信件", "诉求", "建议", "提案", "问题", "线索", "文件", "合同", "人员",
    "对象", "企业", "单位", "项目",
];

/// The thing of the last breakdown frame in `between` (the text from a sentence's first
/// figure to a later figure): a clause `…X中,` whose head noun ends with one of
/// [`FRAME_NOUNS`] (`受理案件中,` → `受理案件`; `已审结的行政复议案件中,` → `行政复议案件`).
/// `工作中` `过程中` and `其中` are no frames.
fn breakdown_frame(between: &str) -> Option<&str> {
    let k = between.rfind("中,")?;
    let head = &between[..k];
    let from = after_last(head, &[',', ';', '。', '、']);
    let mut frame = strip_subject(head[from..].trim_start_matches(&['在', '对'][..]));
    if let Some(p) = frame.rfind('的') {
        frame = &frame[p + '的'.len_utf8()..];
    }
    let n = frame.chars().count();
    let ok = (2..=12).contains(&n)
        && !frame.bytes().any(|b| b.is_ascii_digit())
        && ends_with_any(frame, FRAME_NOUNS).is_some();
    ok.then_some(frame)
}

/// A decision of an administrative review named by its outcome (`确认违法2件`,
/// `确认行政行为违法2件`, `责令履行1件`, `确认无效`): the thing is the cases, not the outcome.
fn is_review_decision(subject: &str) -> bool {
    subject.starts_with("确认") && ends_with_any(subject, &["违法", "无效"]).is_some()
        || subject.starts_with("责令") && subject.ends_with("履行")
}

/// The bare numbers listed right before the figure `f` (`12、15、` before `20件`) as figures
/// of its unit, in order (empty when there are none); `None` when the list is an ordinal
/// one (`第1、2、3名`) and the figure is none either.
fn list_before(
    s: &str,
    f: &Found,
    ind: &Indicator,
    prev_end: usize,
    protected: &[(usize, usize)],
) -> Option<Vec<Indicator>> {
    if f.high.is_some() || ind.span.start != f.num.start {
        return Some(Vec::new());
    }
    let mut items: Vec<Number> = Vec::new();
    let mut at = f.num.start;
    loop {
        let before = trim_spaces(&s[..at]);
        let Some(sep) = ends_with_any(before, LIST_SEPARATORS) else {
            break;
        };
        let head = trim_spaces(&before[..before.len() - sep.len()]);
        // The number ending there: back over its characters, then read it forward whole.
        let start = head
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_ascii_digit() || c == '.' || is_cn_numeral(c))
            .last()
            .map(|(k, _)| k);
        let Some(start) = start else { break };
        if start < prev_end || start == head.len() {
            break;
        }
        let Ok(n) = read_number(s, start) else { break };
        if n.end != head.len() || n.chinese() != f.num.chinese() || n.approx.is_some() {
            break;
        }
        // `1、` at a line start is a heading marker; `,` lists only Arabic decimals.
        if start == 0 && sep == "、" || sep == "," && n.decimals == 0 {
            break;
        }
        if is_protected(protected, n.start, n.end) {
            break;
        }
        items.push(n);
        at = start;
    }
    if items.is_empty() {
        return Some(Vec::new());
    }
    let head = trim_spaces(&s[..at]);
    if head.ends_with('第') || head.ends_with('前') || head.ends_with("排名") {
        return None;
    }
    let items = items
        .into_iter()
        .rev()
        .map(|n| {
            let mut item = Indicator {
                span: Span::new(n.start, n.end),
                number: Span::new(n.start, n.end),
                value: n.value,
                high: None,
                approx: None,
                ..ind.clone()
            };
            item.normalized = signed_normalized(&item);
            item
        })
        .collect();
    Some(items)
}

/// Direction and basis written right before `at` (`同比下降`, `分别提高`), and where they
/// start.
fn change_before(
    s: &str,
    at: usize,
    prev_end: usize,
) -> (Option<Direction>, Option<&'static str>, usize) {
    let head = trim_spaces(&s[..at]);
    let head = head.strip_suffix("分别").map_or(head, trim_spaces);
    let dir = DIRECTIONS
        .iter()
        .find(|(w, _)| ends_with_word(head, w))
        .map(|&(w, d)| (w, d))
        .or_else(|| {
            SHORT_DIRECTIONS
                .iter()
                .find(|(w, _)| {
                    ends_with_word(head, w)
                        && BASE_SET.suffix_of(&head[..head.len() - w.len()]).is_some()
                })
                .map(|&(w, d)| (w, d))
        });
    let Some((w, d)) = dir else {
        return (None, None, at);
    };
    let lead = &head[..head.len() - w.len()];
    if lead.ends_with('新') || lead.len() < prev_end {
        return (None, None, at);
    }
    let mut start = lead.len();
    let mut basis = None;
    let lead_t = trim_spaces(lead);
    // `同比分别增长12%、8%`: the basis before 分别/均.
    let lead_t = ["分别", "均"]
        .iter()
        .find_map(|w| lead_t.strip_suffix(w))
        .filter(|l| BASE_SET.suffix_of(trim_spaces(l)).is_some())
        .map_or(lead_t, trim_spaces);
    if let Some(b) = BASE_SET.suffix_of(lead_t) {
        let is_comparative_bi = b == "比"
            && !(w.chars().count() == 1 || lead_t.ends_with("同比") || lead_t.ends_with("环比"));
        if !is_comparative_bi && lead_t.len() - b.len() >= prev_end {
            basis = Some(canonical_basis(b));
            start = lead_t.len() - b.len();
        }
    }
    // `较2022年减少`, `较法定时限平均压缩`: a comparison with a named basis.
    if basis.is_none() {
        let l = trim_spaces(lead_t);
        let l = ["平均", "分别", "均"]
            .iter()
            .find_map(|w| l.strip_suffix(w))
            .map_or(l, trim_spaces);
        if let Some(k) = l.rfind('较') {
            let named = &l[k + '较'.len_utf8()..];
            let n = named.chars().count();
            let plain = !named
                .chars()
                .any(|c| c.is_ascii_punctuation() || "。,;:、“”《》()".contains(c));
            if (1..=10).contains(&n) && plain && k >= prev_end && !l[..k].ends_with('比') {
                basis = Some("比");
                start = k;
            }
        }
    }
    (Some(d), basis, start)
}

/// Decides whether the figure `f` in line `s` is an indicator and builds it (line-relative).
fn recognise(
    s: &str,
    f: &Found,
    prev_end: usize,
    protected: &[(usize, usize)],
) -> Option<(Indicator, Named)> {
    let n = &f.num;
    let q = &f.q;
    if is_protected(protected, n.start, q.number_end) {
        return None;
    }
    let before = &s[..n.start];
    let prev = before.chars().next_back();
    let before_t = trim_spaces(before);
    // A sign: `负3.9%`, `-22.2%` (rates only; `担负12项` is a word).
    let rate_like = matches!(q.kind, Kind::Rate);
    let mut sign: Option<usize> = None; // start of the sign
    if rate_like {
        if let Some(r) = before_t.strip_suffix('负') {
            if !r.ends_with(['正', '担', '肩', '辜', '胜', '抱', '欺', '自']) {
                sign = Some(r.len());
            }
        } else if let Some(r) = before_t.strip_suffix('-') {
            let pc = r.chars().next_back();
            if pc.is_none_or(|c| !(c.is_ascii_alphanumeric() || matches!(c, ')' | ']' | '.' | '-')))
            {
                sign = Some(r.len());
            }
        }
    }
    // Part of a larger token: `G20`, `e三明`, `1.5`, `3·15`, `1+X`, `13:27`.
    if let Some(p) = prev {
        let sign_here = sign.is_some() && p == '-';
        if !sign_here
            && (p.is_ascii_alphanumeric()
                || matches!(p, '.' | '·' | '+' | '-' | '/' | '_' | '#' | '~'))
        {
            return None;
        }
        if p == ':' && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()) {
            return None; // ratio or time
        }
    }
    // Ordinals and rankings.
    if before_t.ends_with('第') || before_t.ends_with('前') || before_t.ends_with("排名") {
        return None;
    }
    // Dates, times, ranges and identifiers right after the number.
    if f.high.is_none() {
        let j = skip_spaces(s, q.number_end);
        let after = &s[q.number_end..];
        let spaced = &s[j..];
        if let Some(a) = spaced.chars().next() {
            let a2 = spaced[a.len_utf8()..].chars().next();
            let digit_follows = a2.is_some_and(|c| c.is_ascii_digit() || is_cn_numeral(c));
            match a {
                '年' | '月' | '日' | '号' | '时' | '届' | '·' | '+' | '×' | '*' => {
                    return None
                }
                ':' | '-' | '/' | '—' | '–' | '~' | '至' | '到' if digit_follows => {
                    return None
                }
                c if c.is_ascii_alphabetic() && !after.starts_with(' ') => return None,
                _ => {}
            }
            if a == '.' && after.starts_with('.') && digit_follows {
                return None;
            }
        }
    }
    // A Chinese numeral: never a lone 一; never inside words like 统一, 唯一, 之一.
    if n.chinese() {
        let lit = &s[n.start..n.end];
        if lit == "一" || lit == "壹" {
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
    let unit = q.bare_unit;
    let following = s[q.end..].chars().next();
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
    if n.chinese() && n.value < 10.0 && q.approx.is_none() && !rate_like {
        // Small Chinese numerals count (`两次主持`, `聘请两名律师`) unless they name something:
        // a set phrase (`三项制度`, `两个维护`), a quoted list (`六个“继续坚持”`), a
        // numbered slogan (`五个一`, `两个一百年`), a plan's parts (`三个方面`), a phase
        // (`二期工程`).
        let tail = &s[n.end..];
        let phrase = &s[n.start..];
        let after_unit = &s[q.end..];
        if starts_with_any(phrase, SET_PHRASES).is_some()
            || starts_with_any(tail, SET_PHRASE_TAILS).is_some()
            || after_unit.starts_with(['“', '《', '‘', '"'])
            || after_unit.starts_with(|c: char| cn_digit(c).is_some())
            || unit == "期" && starts_with_any(after_unit, PHASE_WORDS).is_some()
        {
            return None;
        }
    }
    // Prefix qualifiers and change cues, right before the number (or its sign).
    let mut start = sign.unwrap_or(n.start);
    let mut approx = q.approx;
    let head_t = trim_spaces(&s[..start]);
    if sign.is_none() {
        if let Some(p) = ends_with_any(head_t, PREFIXES) {
            // 近 in 最近/附近, 超 in 赶超, 约 in 节约/签约/履约 are words, not qualifiers.
            let word = &head_t[..head_t.len() - p.len()];
            let bad = matches!(p, "近" | "超") && word.ends_with(['最', '附', '将', '赶', '接'])
                || p == "约" && word.ends_with(YUE_WORDS);
            if !bad && head_t.len() - p.len() >= prev_end {
                approx = Some(p);
                start = head_t.len() - p.len();
            }
        } else if approx.is_none()
            && head_t.ends_with('上')
            && head_t.len() - '上'.len_utf8() >= prev_end
            && bare_magnitude_at(s, n.start)
        {
            // `上千场`, `上万人`: the number was read because of this 上.
            approx = Some("上");
            start = head_t.len() - '上'.len_utf8();
        }
    }
    let mut kind = q.kind;
    let (mut direction, basis, dstart) = change_before(s, start, prev_end);
    if direction.is_some() {
        start = dstart;
        kind = Kind::Change;
    }
    let mut value = if f.high.is_some() { n.value } else { q.value };
    if sign.is_some() {
        value = -value;
        direction = direction.or(Some(Direction::Down));
        kind = Kind::Change;
    }
    if direction.is_none() && matches!(unit, "个百分点" | "百分点") {
        // 高出/低于 N 个百分点 is still a change of a rate; keep it a rate otherwise.
        kind = Kind::Rate;
    }
    let mut ind = Indicator {
        span: Span::new(start, q.end),
        number: Span::new(n.start, q.number_end),
        value,
        high: f.high,
        normalized: 0.0,
        normalized_unit: String::new(),
        unit: q.unit.clone(),
        kind,
        approx,
        direction,
        basis,
        subject: String::new(),
        subject_spans: [Span::default(); 2],
        section: None,
    };
    ind.normalized = signed_normalized(&ind);
    ind.normalized_unit = normalized_unit(&ind.unit).to_string();
    let (subject, subject_spans, own) =
        subject(s, start, q.end, prev_end, q.bare_unit, direction.is_some());
    ind.subject = subject;
    ind.subject_spans = subject_spans;
    Some((ind, own))
}

/// `normalized` of an indicator: its value on the normalised scale, negative for a decrease.
fn signed_normalized(i: &Indicator) -> f64 {
    let v = normalize(i.value, &i.unit);
    if i.direction == Some(Direction::Down) && v > 0.0 {
        -v
    } else {
        v
    }
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
        if let Some(y) = year_at(left, 0).filter(|y| y.marked) {
            left = &left[y.end..];
        }
        if let Some(w) = LEAD_SET.prefix_of(left) {
            left = &left[w.len()..];
        } else if left.starts_with('及') && !left.starts_with("及时") {
            left = &left['及'.len_utf8()..];
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
        if let Some(w) = TAIL_SET.suffix_of(left) {
            left = &left[..left.len() - w.len()];
        }
        // A copula 为, but not the 为 of 行为/作为/认为.
        if left.ends_with('为')
            && ends_with_any(left, &["行为", "作为", "认为", "成为", "因为"]).is_none()
        {
            left = &left[..left.len() - '为'.len_utf8()];
        }
        if let Some(w) = BASE_SET.suffix_of(left) {
            left = &left[..left.len() - w.len()];
        }
        // A year at the end: `省级以上越级信访在2019年`.
        if let Some(p) = left
            .len()
            .checked_sub("0000年".len())
            .filter(|_| left.ends_with('年'))
        {
            if left.is_char_boundary(p)
                && year_at(left, p).is_some_and(|y| y.marked && y.end == left.len())
            {
                left = &left[..p];
            }
        }
        left = left.trim();
        if left == l0 {
            break;
        }
    }
    left
}

/// The noun phrase right after a figure's unit (`64项申报材料` → `申报材料`, `51个村(居)` →
/// `村(居)`, `1名长期缠访闹访的重点信访人员` → `重点信访人员`): up to a verb, a particle, a
/// clause break or the next number. Empty when the phrase runs into the next figure
/// (`社会视频300路停车场数据30个`: `停车场数据` is the next figure's) or starts with a verb.
fn right_phrase<'a>(s: &'a str, end: usize, unit: &str) -> (&'a str, bool) {
    let after = &s[end..];
    if verb_at(after).is_some() {
        return ("", false);
    }
    let mut r = noun_run(after);
    // `2件作为被申请人的行政复议案件`: a short qualifier without a verb before 的.
    if r == 0 {
        let clause = after
            .char_indices()
            .take(12)
            .find(|&(_, c)| is_clause_break(c) || c == '的' || c.is_ascii_digit());
        if let Some((k, '的')) = clause {
            let q = &after[..k];
            let verb = q
                .char_indices()
                .any(|(j, _)| subject_verb_at(&q[j..]).is_some());
            if q.starts_with("作为") && !verb {
                r = k;
            }
        }
    }
    // `X的Y`: the noun after 的 (`1名长期缠访闹访的重点信访人员`, `34条切实可行的工作措施`), but
    // a place or body before 的 is what is counted (`10个街乡的分管负责人`).
    let _ = unit;
    let owner = AGENT_SET.suffix_of(&after[..r]).is_some();
    if let Some(rest) = after[r..].strip_prefix('的').filter(|_| !owner) {
        let k = noun_run(rest);
        if k >= 2 * 3 && !starts_figure(rest, k) {
            return (&rest[..k], false);
        }
    }
    (&after[..r], starts_figure(after, r))
}

/// The verb of `lex::words::SUBJECT_VERBS` at the start of `s`, unless a noun follows that makes it
/// part of a compound (`调解室`, `清理工作`).
fn verb_at(s: &str) -> Option<&'static str> {
    subject_verb_at(s).filter(|v| NOUN_SET.prefix_of(&s[v.len()..]).is_none())
}

/// Clause breaks other than the quotes themselves.
fn is_clause_break_not_quote(c: char) -> bool {
    is_clause_break(c) && !matches!(c, '“' | '”')
}

/// True when a figure (a number that is not a year: `2017年`) starts at byte `r` of `s`.
fn starts_figure(s: &str, r: usize) -> bool {
    let b = &s.as_bytes()[r..];
    let year =
        b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && s[r + 4..].starts_with('年');
    b.first().is_some_and(u8::is_ascii_digit) && !year
}

/// Length of the noun run at the start of `after`: ideographs up to a verb or particle of
/// [`RIGHT_STOP`], a clause break or a number, with a short parenthetical inside (`村(居)`).
fn noun_run(after: &str) -> usize {
    let mut r = 0;
    let mut k = 0;
    while k < after.len() {
        let Some(c) = after[k..].chars().next() else {
            break;
        };
        // A quoted name inside the noun: `“一件事一次办”服务`, `政务服务“容缺受理”事项`.
        if c == '“' && r == k {
            match after[k..].find('”').filter(|&q| q <= 12 * 3) {
                Some(q) if !after[k..k + q].contains(is_clause_break_not_quote) => {
                    k += q + '”'.len_utf8();
                    r = k;
                    continue;
                }
                _ => break,
            }
        }
        if c == '(' {
            match after[k..].find(')').filter(|&q| q <= 4 * 3) {
                Some(q) if r == k && r > 0 => {
                    k += q + 1;
                    r = k;
                    continue;
                }
                _ => break,
            }
        }
        if !is_cjk(c) || k / 3 >= 12 || STOP_SET.prefix_of(&after[k..]).is_some() {
            break;
        }
        let verb = verb_at(&after[k..]).is_some() && !after[..k].ends_with(['政', '性']);
        if k > 0 && (is_cn_numeral(c) || verb) {
            break;
        }
        k += c.len_utf8();
        r = k;
    }
    r
}

/// The last verb runs of a clause, without allocating.
#[derive(Default)]
struct VerbRuns {
    runs: [(usize, usize); 4],
    len: usize,
}

impl VerbRuns {
    /// Adds the verb at `start..end`, joining it to a run that ends at `start`.
    fn add(&mut self, start: usize, end: usize) {
        if self.len > 0 && self.runs[self.len - 1].1 == start {
            self.runs[self.len - 1].1 = end;
        } else {
            if self.len == self.runs.len() {
                self.runs.copy_within(1.., 0);
                self.len -= 1;
            }
            self.runs[self.len] = (start, end);
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[(usize, usize)] {
        &self.runs[..self.len]
    }
}

/// The object of the last verb in `left` (`主动公开政府信息` → `政府信息`, `帮助企业解决困难` →
/// `困难`), or `left` when no verb is followed by a noun. `Err(before)` when the clause ends
/// with a verb (`各部门公开`, `办结`): the counted thing is not in it; `before` is what stands
/// before the verb (`区政府信息` in `区政府信息公开`), empty when that is a doer or nothing.
fn object_of(left: &str) -> Result<&str, &str> {
    // A rate's name is one compound: `调解成功率`, `一次性办结率`.
    if left.ends_with('率') {
        return Ok(left);
    }
    // Verb runs (start, end), the last few: a clause has one to three.
    let mut runs = VerbRuns::default();
    let mut k = 0;
    while k < left.len() {
        // A quoted name is one noun: `归集“双公示”数据`.
        if left[k..].starts_with('“') {
            if let Some(q) = left[k..].find('”') {
                k += q + '”'.len_utf8();
                continue;
            }
        }
        match verb_at(&left[k..]).filter(|_| !left[..k].ends_with(['政', '性'])) {
            Some(v) => {
                runs.add(k, k + v.len());
                k += v.len();
            }
            _ => k += left[k..].chars().next().map_or(1, char::len_utf8),
        }
    }
    let runs = runs.as_slice();
    let Some(&(last_start, last_end)) = runs.last() else {
        return Ok(left);
    };
    if last_end == left.len() {
        // The clause ends with a verb: an earlier verb's object, else what stands before.
        if let Some(&(_, e)) = runs.iter().rev().nth(1) {
            let obj = strip_subject(&left[e..last_start]);
            if obj.chars().count() >= 2 {
                return Ok(obj);
            }
        }
        let before = strip_subject(&left[..last_start]);
        let doer = before.trim_end_matches([')', '(', '居', '街', '道']);
        if AGENT_SET.suffix_of(doer).is_some() || before.chars().count() < 2 {
            return Err("");
        }
        return Err(before);
    }
    // The last verb followed by at least two characters of object.
    for &(_, e) in runs.iter().rev() {
        let obj = strip_subject(&left[e..]);
        if obj.chars().count() >= 2 {
            return Ok(obj);
        }
    }
    Ok(left)
}

/// What an indicator measures: the noun phrase after its unit when there is one
/// (`64项申报材料` → `申报材料`), else the object in the clause before it (`主动公开政府信息
/// 559条` → `政府信息`, `办复率100%` → `办复率`). Empty when the clause names no thing
/// (`办结67件`, `各部门公开388条`): the caller takes the sentence's.
fn subject(
    s: &str,
    start: usize,
    end: usize,
    prev_end: usize,
    unit: &str,
    change: bool,
) -> (String, [Span; 2], Named) {
    // Parts are slices of `s` (or empty): their offsets locate them in the line.
    let at = |part: &str| {
        let k = (part.as_ptr() as usize).wrapping_sub(s.as_ptr() as usize);
        if part.is_empty() || k > s.len() {
            Span::new(start, start)
        } else {
            Span::new(k, k + part.len())
        }
    };
    let (right, into_next) = right_phrase(s, end, unit);
    let right = strip_subject(right);
    let right = ["各类", "各项", "各种"]
        .iter()
        .find_map(|l| right.strip_prefix(l))
        .unwrap_or(right);
    // Events (`全年2次专门听取`) name what happened before the number; a change names the
    // metric before it (`地区生产总值年均增长9.3%`).
    let event = matches!(unit, "次" | "场" | "轮" | "期");
    if !(right.is_empty() || into_next || change || event && names_event(s, start, prev_end)) {
        return (
            right.to_string(),
            [Span::new(start, start), at(right)],
            Named::Own,
        );
    }
    let lo = prev_end
        .min(start)
        .max(window_start(&s[..start], BACK_WINDOW));
    let before = &s[lo..start];
    let from = clause_start(before);
    let clause = strip_subject(&before[from..]);
    let (mut left, mut named) = match object_of(clause) {
        Ok(o) => (o, Named::Own),
        // `办结67件`: the verb stands until the sentence gives the thing.
        Err("") => (clause, Named::Verb),
        Err(b) => (b, Named::Before),
    };
    // `出庭应诉率全市最高,达100%`: with nothing before it, the rate named in the clause before
    // it in the same sentence.
    if clause.is_empty() && from > 0 {
        let brk = before[..from].chars().next_back().unwrap_or('。');
        let prev = &before[..from - brk.len_utf8()];
        let prev = strip_subject(&prev[clause_start(prev)..]);
        if brk == ',' && prev.contains('率') && !prev.contains(|c: char| c.is_ascii_digit()) {
            left = prev;
            named = Named::Own;
        }
    }
    // `个体工商户“两证整合”`: a trailing quoted name qualifies the noun before it; after a
    // verb it is the thing (`组织“千名领导干部观百庭”`).
    if left.ends_with('”') {
        if let Some(q) = left.rfind('“').filter(|&q| q > 0) {
            let noun = strip_subject(&left[..q]);
            left = if noun.chars().count() > 2 {
                noun
            } else {
                &left[q..]
            };
        }
    }
    for lead in ["各类", "各项", "各种"] {
        left = left.strip_prefix(lead).unwrap_or(left);
    }
    // `败诉率由上年的12.5%`: the baseline of a change is no part of the thing.
    left = strip_baseline(left);
    // The head noun phrase: `全年共受理的行政复议案件` → `行政复议案件`.
    if let Some(p) = left.rfind('的') {
        let head = &left[p + '的'.len_utf8()..];
        if head.chars().count() >= 2 {
            left = head;
        }
    }
    // `将可并联办理的22个行政许可事项`: a modifier is no thing.
    if left.ends_with('的') {
        left = "";
    }
    // A short left word (`公布市级51家单位权力清单`: `市级`) yields to the noun after the unit.
    let weak_left =
        left.is_empty() || named == Named::Verb || into_next && left.chars().count() <= 2;
    if weak_left && !right.is_empty() && !change {
        return (
            right.to_string(),
            [Span::new(start, start), at(right)],
            Named::Own,
        );
    }
    // `参考率、优秀率均为100%`: rates listed before one value are all its subject.
    if unit == "%" && left.ends_with('率') {
        let mut k = at(left).start;
        while let Some(head) = s[..k].strip_suffix('、') {
            let from = after_last(head, &['、', ',', '。', ';', ':']);
            let mut rate = strip_subject(&head[from..]);
            let n = rate.chars().count();
            // `学法考试参考率、优秀率`: a long first item names the list's scope too; the
            // rate is as long as the item after it.
            let long = n > 8;
            if long {
                let keep = left.chars().count();
                rate = &rate[rate
                    .char_indices()
                    .nth(n.saturating_sub(keep))
                    .map_or(0, |(p, _)| p)..];
            }
            if !rate.ends_with('率') || n < 2 || at(rate).start < lo {
                break;
            }
            k = at(rate).start;
            if long {
                break;
            }
        }
        let end = at(left).end;
        if k < at(left).start {
            left = &s[k..end];
        }
    }
    // Keep at most the last 24 characters of a long clause.
    let n = left.chars().count();
    if n > 24 {
        let cut = left.char_indices().nth(n - 24).map_or(0, |(k, _)| k);
        left = &left[cut..];
    }
    if left.is_empty() {
        named = Named::Verb;
    }
    (left.to_string(), [at(left), Span::new(end, end)], named)
}

/// Baselines a change starts from, after `由`/`从`: `上年`, `去年`, `原来`, `年初`.
const BASELINES: &[&str] = &[
    "上一年度",
    "上一年",
    "上年度",
    "上年",
    "去年",
    "前一年",
    "原来",
    "过去",
    "以前",
    "之前",
    "年初",
    "改革前",
    "原",
    "",
];

/// `行政诉讼案件败诉率由上年的` → `行政诉讼案件败诉率`: a subject that ends with where a change
/// starts from (`由`/`从`, a baseline or a year, an optional `的`) loses that ending.
fn strip_baseline(left: &str) -> &str {
    let Some(k) = left.rfind(&['由', '从'][..]) else {
        return left;
    };
    let rest = &left[k + '由'.len_utf8()..];
    let rest = rest.strip_suffix('的').unwrap_or(rest);
    let year = year_at(rest, 0).is_some_and(|y| y.end == rest.len() && y.marked);
    if k > 0 && (year || BASELINES.contains(&rest)) {
        left[..k].trim_end()
    } else {
        left
    }
}

/// True when the clause before an event count names a thing of its own (`区政府常务会议全年2次`),
/// not only a verb (`组织召开4次全面依法治市委员会会议`: the meeting follows).
fn names_event(s: &str, start: usize, prev_end: usize) -> bool {
    let lo = prev_end
        .min(start)
        .max(window_start(&s[..start], BACK_WINDOW));
    let before = &s[lo..start];
    let clause = strip_subject(&before[clause_start(before)..]);
    match object_of(clause) {
        Ok(o) => !o.is_empty(),
        Err(b) => b.chars().count() > 2,
    }
}

/// Where a subject comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Named {
    /// The figure's own clause names the thing (`主动公开政府信息559条`).
    Own,
    /// What stands before a clause-final verb (`区政府信息公开94条`).
    Before,
    /// Only a verb or nothing (`办结67件`): the sentence's thing replaces it.
    Verb,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Direction;

    /// The indexed word lists answer every prefix and suffix test as a scan of the list in
    /// order does, at every character boundary of the fixtures.
    #[test]
    fn word_sets_agree_with_a_scan_of_their_lists() {
        let texts = [
            include_str!("../../tests/fixtures/000_4650dba7b757251d.txt"),
            include_str!("../../tests/fixtures/001_b9193b597ac501b4.txt"),
            include_str!("../../tests/fixtures/004_f9597e8d61f080e1.txt"),
        ];
        let sets: [(&WordSet, &[&str]); 6] = [
            (&LEAD_SET, SUBJECT_LEAD),
            (&TAIL_SET, SUBJECT_TAIL),
            (&BASE_SET, BASES),
            (&STOP_SET, RIGHT_STOP),
            (&NOUN_SET, NOUN_AFTER_VERB),
            (&AGENT_SET, AGENT_ENDINGS),
        ];
        let mut hits = 0;
        for t in texts {
            for (i, _) in t.char_indices() {
                let (after, before) = (&t[i..], &t[..i]);
                for (set, list) in sets {
                    let p = set.prefix_of(after);
                    assert_eq!(p, starts_with_any(after, list), "prefix at {i}");
                    assert_eq!(
                        set.suffix_of(before),
                        ends_with_any(before, list),
                        "suffix at {i}"
                    );
                    hits += usize::from(p.is_some());
                }
            }
        }
        assert!(hits > 1000, "the lists occur in real text ({hits})");
    }

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
                "开展普法活动上千场，惠及群众万余户，指导案件近百宗。",
                &["上千场", "万余户", "近百宗"],
                "a bare magnitude with its qualifier",
            ),
            (
                "组织线上千余场活动。",
                &["千余场"],
                "线上 is a word, not 上",
            ),
            (
                "罚没收入较2022年减少1,200.5万元,时限较法定时限平均压缩80%。",
                &["较2022年减少1,200.5万元", "较法定时限平均压缩80%"],
                "a change against a named basis",
            ),
            (
                "案件数量同比分别增长12%、8%和5%。",
                &["同比分别增长12%", "8%", "5%"],
                "the basis before 分别",
            ),
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
        for c in "零〇一二两三四五六七八九十百千万亿半壹贰叁肆伍陆柒捌玖拾佰仟俩统法率伍队".chars()
        {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            // 佰 仟 start `佰分之伍`, `仟分之贰`; 俩 is a numeral before a multiplier.
            let want = starts_number(c) || "百千万亿半佰仟".contains(c);
            assert_eq!(is_candidate_bytes(b[0], b[1], b[2]), want, "{c}");
        }
    }

    #[test]
    fn subjects() {
        // What is counted: the noun after the unit, else the object of the clause's verb; a
        // reason per row.
        let table: &[(&str, &str, &str)] = &[
            (
                "2019年,全区主动公开政府信息559条,",
                "政府信息",
                "object of 公开",
            ),
            ("全区已精简64项申报材料,", "申报材料", "noun after the unit"),
            (
                "办理区人大代表建议77件,办复率100%",
                "区人大代表建议",
                "object of 办理",
            ),
            (
                "其中区政府信息公开94条,",
                "区政府信息",
                "before a clause-final verb",
            ),
            (
                "全区83.87%信访事项被一次性办结",
                "信访事项",
                "noun after the unit",
            ),
            ("帮助企业解决困难33个,", "困难", "object of the last verb"),
            (
                "全年共受理的行政复议案件12件,",
                "行政复议案件",
                "the head noun after 的",
            ),
            (
                "在区人民法院设立驻法院人民调解工作室1个、",
                "驻法院人民调解工作室",
                "调解 in a noun",
            ),
            ("调解成功率99%,", "调解成功率", "a rate's name is one word"),
            (
                "全县持证执法人员仅326人,",
                "持证执法人员",
                "仅 is no part of the thing",
            ),
            (
                "地区生产总值年均增长9.3%,",
                "地区生产总值",
                "the metric that changed",
            ),
            (
                "将区发改委等20个政府部门的85项职责",
                "政府部门",
                "noun after the unit",
            ),
            (
                "区政府常务会议全年2次专门听取依法行政工作",
                "区政府常务会议",
                "an event's doer",
            ),
            (
                "1名长期缠访闹访的重点信访人员被依法处理",
                "重点信访人员",
                "people after 的",
            ),
            (
                "领导干部自然资源资产离任(任中)审计2个、",
                "领导干部自然资源资产离任(任中)审计",
                "a short parenthetical inside",
            ),
            (
                "约定生态环境损害赔偿(保证)金1.35亿元。",
                "生态环境损害赔偿(保证)金",
                "object of 约定",
            ),
        ];
        for (t, want, why) in table {
            assert_eq!(first(t).subject, *want, "{t}: {why}");
        }
        let all = |t: &str| -> Vec<String> {
            let d = Document::new(t);
            find_indicators(t, &d)
                .into_iter()
                .map(|i| i.subject)
                .collect()
        };
        assert_eq!(
            all("摸排线索25件27人,"),
            ["线索", "人"],
            "a figure of another measure word right after another counts that"
        );
        assert_eq!(
            all("共接待处理劳动人事争议案件83件,办结67件,调解55件。"),
            ["劳动人事争议案件"; 3],
            "a bare verb counts the sentence's thing"
        );
        assert_eq!(
            all("全区主动公开政府信息559条,其中区政府信息公开94条,各部门公开388条。"),
            ["政府信息", "区政府信息", "政府信息"],
            "a doer and a verb count the total's thing"
        );
        assert_eq!(
            all("共有“一趟不用跑”事项593项,占审批和服务事项644项的92%。"),
            ["“一趟不用跑”事项", "审批和服务事项", "“一趟不用跑”事项"],
            "A占B的X% measures A"
        );
        for t in [
            "行政诉讼案件败诉率由上年的12.5%下降至6.3%。",
            "行政诉讼案件败诉率从2022年的12.5%下降到6.3%。",
        ] {
            assert_eq!(
                all(t),
                ["行政诉讼案件败诉率"; 2],
                "{t}: both ends of a change measure the metric, not its baseline"
            );
        }
        assert_eq!(
            all("审批时限由原来的20个工作日压缩至5个工作日。"),
            ["审批时限"; 2],
            "由原来的 is a baseline"
        );
        assert_eq!(
            all("市政府全年收到行政复议案件228件,审结181件,维持87件,确认违法8件,责令履行2件。"),
            ["行政复议案件"; 5],
            "a review's outcomes count its cases"
        );
        assert_eq!(
            all("在已审结的行政复议案件中,维持32件,撤销4件。执法检查工作中,约谈8次。"),
            ["行政复议案件", "行政复议案件", "约谈"],
            "a breakdown frame names the thing; 工作中 is no frame"
        );
        assert_eq!(
            all("收到申请71件,受理50件,受理案件中,维持45件,撤销3件。"),
            ["申请", "申请", "受理案件", "受理案件"],
            "a frame after the total"
        );
        assert_eq!(
            all("全年罚没收入较2022年减少1200.5万元,降幅为23.4%。"),
            ["罚没收入"; 2],
            "a named basis is no part of the thing"
        );
        assert_eq!(
            all("办理人大代表建议和政协委员提案分别为45件和62件,办复率均为100%。"),
            ["人大代表建议", "政协委员提案", "办复率"],
            "分别 gives each figure its own thing"
        );
        assert_eq!(
            all("办理建议和提案分别为45件、62件和3件。"),
            ["建议和提案"; 3],
            "two things, three figures: left as they are"
        );
        assert_eq!(
            all("备案率、及时率、规范率均达100%。全区公职人员学法考试参考率、优秀率均达100%。"),
            ["备案率、及时率、规范率", "参考率、优秀率"],
            "rates listed before one value"
        );
        assert_eq!(
            all("办理建议45件,办复率、满意率分别为100%和98%。"),
            ["建议", "办复率", "满意率"],
            "listed rates with 分别 take one value each"
        );
        assert_eq!(strip_baseline("满意度从去年的"), "满意度");
        assert_eq!(strip_baseline("满意度从2022年度"), "满意度");
        assert_eq!(
            strip_baseline("案件由基层法院"),
            "案件由基层法院",
            "由 before an agent is no baseline"
        );
        assert_eq!(strip_baseline("由上年的"), "由上年的", "nothing before it");
    }
}
