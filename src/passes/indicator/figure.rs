//! Reading the figure: a number with what follows it.
//!
//! ## Grammar (on the normalised view; `␣` is any run of spaces)
//! ```text
//! figure    = number [magnitude] [余|多|几] unit [以上|左右|余]      64项  1.35亿元  十余次
//!           | (百分之|千分之|万分之|仟分之|佰分之) number [以上|左右]   百分之九十五  仟分之贰
//!           | number 分之 number                                    三分之二
//!           | number 成 [半] | 半成                                 三成  三成半  半成
//!           | 半百 unit                                             半百人
//!           | number [unit] range-sep number unit                   3至5个工作日  10%~20%
//! magnitude = 万亿 | 万 | 亿 | 千          (after an Arabic number: 1.35亿元 → 1.35 亿元)
//! range-sep = 至 | 到 | ~ | — | – | -      (ASCII only between Arabic numbers)
//! unit      = see UNITS: measure words, %, ‰, ‱, 个百分点, 倍, money, durations, areas
//! ```
//! The number itself is [`crate::lex::number::read_number`]'s (read whole or not at all).
//! Candidate positions are one bitmap test on a character's bytes ([`is_candidate_bytes`]);
//! [`figure_may_follow`] tests cheaply that a unit can follow a run of numerals before the
//! number is read. `成` in words (`成为`, `成立`) is no unit ([`CHENG_WORDS`]).

use super::*;

/// Units, longest first within each kind's first character (matched longest-first overall).
/// `3.5个工作日` matches `个工作日`, not `个`.
pub(super) const UNITS: &[(&str, Kind)] = &[
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

/// Qualifiers right after the number (before the unit): `1000余件`, `100多人`.
pub(super) const INNER_APPROX: &[&str] = &["余", "多"];
/// Qualifiers after the unit: `95%以上`, `10万元左右`.
pub(super) const SUFFIXES: &[&str] = &["以上", "左右", "余"];

/// True when the three bytes are the UTF-8 of a character that can start a figure: a
/// Chinese digit, `十`, a financial digit, `俩` or `拾`, `百`/`千`/`万` (`百分之`), `佰`/`仟`
/// (`仟分之贰`) and `半` (`半成`, `半百`).
/// A cheap test before decoding.
pub(super) fn is_candidate_bytes(b0: u8, b1: u8, b2: u8) -> bool {
    // The three bytes carry the code point's low 16 bits: one bit test in a bitmap of them.
    let cp = ((b0 as usize & 0x0F) << 12) | ((b1 as usize & 0x3F) << 6) | (b2 as usize & 0x3F);
    CANDIDATE_BITMAP[cp >> 6] & (1u64 << (cp & 63)) != 0
}

/// The characters that can start a figure (see [`is_candidate_bytes`]).
pub(super) const CANDIDATE_CHARS: &str =
    "零〇一二两三四五六七八九十百千万亿半壹贰叁肆伍陆柒捌玖俩拾佰仟";

/// One bit per code point below U+10000, set for [`CANDIDATE_CHARS`]. Built at compile time.
pub(super) static CANDIDATE_BITMAP: [u64; 1024] = {
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
pub(super) fn unit_at(s: &str) -> Option<(&'static str, Kind)> {
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
pub(super) fn units_by_first_char() -> &'static [(char, &'static str, Kind)] {
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
pub(super) struct Quantity {
    /// The value as written (`三成半` → 3.5, `三分之二` → 0.667).
    pub(super) value: f64,
    /// Where the numeral ends (after `分之二` for a fraction).
    pub(super) number_end: usize,
    /// Magnitude and unit as one string (`亿元`, `万人次`, `%`, `成`).
    pub(super) unit: String,
    pub(super) kind: Kind,
    /// `余` `多` `几` `以上` `左右` after the number.
    pub(super) approx: Option<&'static str>,
    /// One past the unit and its suffix qualifier.
    pub(super) end: usize,
    /// The unit alone (for the checks on it), without magnitude.
    pub(super) bare_unit: &'static str,
}

/// The quantity after the number `n` of line `s`, spaces allowed between its parts:
/// `1.35亿元`, `15万余件`, `500余万元`, `十余次`, `92 %`, `95%以上`, `三成半`, `三分之二`.
pub(super) fn quantity(s: &str, n: &Number) -> Option<Quantity> {
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
pub(super) const CHENG_WORDS: &str =
    "为立员效果绩熟功交就长本型品都人年套片批像分色份形材才全真事章规群堆败器千百万";

/// Magnitudes written between an Arabic number and its unit, longest first.
pub(super) const MAGNITUDES: &[&str] = &["万亿", "万", "亿", "千"];

/// Rate forms written before the number: `百分之九十五`, `千分之2.4`, `万分之三`, and in
/// financial numerals `仟分之贰`, `佰分之伍` (`萬分之肆` is `万分之` on the normalised view).
pub(super) const RATE_PREFIXES: &[&str] = &["百分之", "千分之", "万分之", "仟分之", "佰分之"];

/// Separators of a range: `3至5个`, `3—5个`, `10%~20%` (`～` is folded to `~`).
pub(super) const RANGE_SEPARATORS: &[&str] = &["至", "到", "~", "〜", "——", "—", "–", "-"];

/// A figure found at a candidate position, before its subject.
pub(super) struct Found {
    /// The first (or only) number.
    pub(super) num: Number,
    /// What follows it (for a range, what follows the second number).
    pub(super) q: Quantity,
    /// The high end of a range.
    pub(super) high: Option<f64>,
}

/// Reads the figure whose numeral starts at `i` (a candidate position), if any: a rate
/// written before its number (`百分之九十五`), `半成`, or a number with its quantity or range.
/// `Err(resume)` says where scanning continues.
pub(super) fn figure_at(s: &str, i: usize) -> Result<Found, usize> {
    let c = s[i..].chars().next().ok_or(i + 1)?;
    let next = i + c.len_utf8();
    // Every rate prefix starts with one of these (most candidates are digits: one test).
    let rate = matches!(c, '百' | '千' | '万' | '仟' | '佰');
    if let Some(p) = rate
        .then(|| starts_with_any(&s[i..], RATE_PREFIXES))
        .flatten()
    {
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
pub(super) fn lone_financial_digit(s: &str, k: usize) -> Option<Number> {
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
pub(super) fn figure_may_follow(s: &str, j: usize) -> bool {
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
pub(super) fn quantity_after_rate_prefix(s: &str, n: &Number, prefix: &'static str) -> Quantity {
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
