//! Heading markers: the grammar of every family ([`parse_marker`]) and its inverse
//! (`format_marker`). The families are [`Family`]; a marker's number is its [`Ordinal`].
//!
//! | family | accepts | rejects |
//! |---|---|---|
//! | CnComma | `一、` `十二、` `三.` `四,` | `一、二、三级` (numeral right after), `三.5` |
//! | CnOrdinal | `第一,` `第二部分` `第三章` `第四节` | `第一责任人`, `第一次会议` |
//! | CnParen | `(一)` `(二)、` `㈢` | `(一村)` |
//! | Digit | `1.` `2、` `12.` | `3.5个工作日`, `2019.`, `1.12` |
//! | DigitParen | `(1)` `⑵` | `(2019)` |
//! | DigitHalfParen | `1)` | `10)` inside prose (line start only) |
//! | Circled | `①` … `⑳` | |
//! | Latin | `A.` `b、` before a Chinese character | `A.B.` |
//! | Shi (run-in) | `一是` `二是` after `。` `;` `:` `,` or at a line start | `唯一是`, `统一是` |
//! | Dash | `——坚持依法决策` at a line start | `——`, `——摘自` (too short) |
//!
//! A heading at a line start ends at the first `。` `;` `:` `!` `?` (a run-in heading, the
//! paragraph continues) or at the end of the line (a heading alone). Inside a line, further
//! headings are recognised after a sentence end when they continue a sequence: `一是…二是…`,
//! inline `1.…2.…`, or `(二)` following `(一)` when a web copy lost the line break.
//!

use crate::lex::numeral::{cn_digit, is_cn_numeral, parse_cn, to_cn};

/// A heading marker's family and its number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ordinal {
    /// Marker family.
    pub family: Family,
    /// 1-based number (一 → 1); 0 for families without numbers (—— dashes, lost markers).
    pub number: u32,
}

/// Families of heading markers; the module docs give the grammar of each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Family {
    /// `一、` `二.` `三，`
    #[default]
    CnComma,
    /// `第一，` `第二部分` `第三章`
    CnOrdinal,
    /// `(一)` `（二）` `㈢`
    CnParen,
    /// `1.` `2、` `3．`
    Digit,
    /// `(1)` `（2）` `⑶`
    DigitParen,
    /// `1)` `2）`
    DigitHalfParen,
    /// `①`
    Circled,
    /// `A.` `b、`
    Latin,
    /// Run-in `一是` `二是`
    Shi,
    /// `——` dash items
    Dash,
    /// A heading line whose marker was lost entirely (level taken from context).
    Bare,
}

/// A marker recognised at some position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    /// Family and number.
    pub ordinal: Ordinal,
    /// Byte length of the marker including its punctuation.
    pub len: usize,
}

// ---- patterns -------------------------------------------------------------------------

/// Characters that end a heading that runs into its paragraph: `。` `;` `!` `?` `:`, and
/// a run of two or more spaces (the indentation of a paragraph whose line break was lost:
/// `(一)形成闭环,着力落实主体责任　　深入学习…`).
/// Byte scan: in the normalised view all but `。` (E3 80 82) are ASCII.
pub(crate) fn find_title_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b';' | b'!' | b'?' | b':' => return Some(i),
            b' ' if b.get(i + 1) == Some(&b' ') => return Some(i),
            0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82) => return Some(i),
            x => i += crate::text::utf8_len(x),
        }
    }
    None
}
/// Longest heading title kept whole; longer ones are cut at the first comma.
pub(crate) const MAX_TITLE_CHARS: usize = 50;

fn small_cn_number(s: &str) -> Option<(u32, usize)> {
    let end = s.find(|c: char| !is_cn_numeral(c)).unwrap_or(s.len());
    if end == 0 || end > 9 {
        return None;
    }
    let v = parse_cn(&s[..end])?;
    (1..=99).contains(&v).then_some((v as u32, end))
}

fn small_digit_number(s: &str) -> Option<(u32, usize)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > 2 {
        return None;
    }
    let v: u32 = s[..end].parse().ok()?;
    (1..=60).contains(&v).then_some((v, end))
}

fn circled(c: char) -> Option<(Family, u32)> {
    let u = c as u32;
    match u {
        0x2460..=0x2473 => Some((Family::Circled, u - 0x2460 + 1)), // ①..⑳
        0x2474..=0x2487 => Some((Family::DigitParen, u - 0x2474 + 1)), // ⑴..⒇
        0x3220..=0x3229 => Some((Family::CnParen, u - 0x3220 + 1)), // ㈠..㈩
        _ => None,
    }
}

/// Recognises a heading marker at the start of `s` (a line of the normalised view).
/// `Shi` (`一是`) is included; see the module docs for the grammar.
pub fn parse_marker(s: &str) -> Option<Marker> {
    let first = s.chars().next()?;
    if let Some((family, n)) = circled(first) {
        let len = first.len_utf8() + punct_len(&s[first.len_utf8()..], &['、', '.', ' ']);
        return marker_if(s, len, family, n);
    }
    if first == '(' {
        let rest = &s[1..];
        if let Some((n, l)) = small_cn_number(rest) {
            if rest[l..].starts_with(')') {
                let len = 1 + l + 1;
                let len = len + punct_len(&s[len..], &['、', '.']);
                return marker_if(s, len, Family::CnParen, n);
            }
        }
        if let Some((n, l)) = small_digit_number(rest) {
            if rest[l..].starts_with(')') {
                let len = 1 + l + 1;
                let len = len + punct_len(&s[len..], &['、', '.']);
                return marker_if(s, len, Family::DigitParen, n);
            }
        }
        return None;
    }
    if let Some(rest) = s.strip_prefix("——") {
        // A dash item: `——坚持依法决策。`; not `——摘自…` quotes of a source (too short).
        let rest_chars = rest.chars().take(6).count();
        if rest_chars >= 4 && rest.starts_with(|c: char| (c as u32) >= 0x3400 && c != '—') {
            return Some(Marker {
                ordinal: Ordinal {
                    family: Family::Dash,
                    number: 0,
                },
                len: "——".len(),
            });
        }
        return None;
    }
    if first == '第' {
        let rest = &s['第'.len_utf8()..];
        let (n, l) = small_cn_number(rest)?;
        let after = &rest[l..];
        let unit = ["部分", "章", "节"]
            .iter()
            .find(|u| after.starts_with(*u))
            .map_or(0, |u| u.len());
        let p = punct_len(&after[unit..], &['、', ',', ':', '.', ' ']);
        if unit == 0 && p == 0 {
            return None; // 第一责任人, 第一次
        }
        let len = '第'.len_utf8() + l + unit + p;
        return marker_if(s, len, Family::CnOrdinal, n);
    }
    if let Some((n, l)) = small_cn_number(s) {
        let after = &s[l..];
        if after.starts_with('是') {
            let len = l + '是'.len_utf8();
            return marker_if(s, len, Family::Shi, n);
        }
        let p = punct_len(after, &['、', '.', ',']);
        // `三.5` is a decimal; `一、2021年…` is a heading whose title starts with a year.
        if p == 0
            || (!after.starts_with('、') && after[p..].starts_with(|c: char| c.is_ascii_digit()))
        {
            return None;
        }
        // `一、二、三级`: another numeral right after the marker is a list inside a sentence.
        if after[p..].starts_with(|c: char| cn_digit(c).is_some() || c == '十') {
            let next = &after[p..];
            if small_cn_number(next).is_some_and(|(_, l2)| next[l2..].starts_with(['、', ','])) {
                return None;
            }
        }
        return marker_if(s, l + p, Family::CnComma, n);
    }
    if let Some((n, l)) = small_digit_number(s) {
        let after = &s[l..];
        if after.starts_with(')') {
            let len = l + 1;
            return marker_if(s, len, Family::DigitHalfParen, n);
        }
        let p = punct_len(after, &['.', '、']);
        if p == 0 {
            return None;
        }
        let rest = &after[p..];
        // `3.5个`, `2019.`, `1.12`: a digit right after the dot is a decimal, not a marker.
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let len = l + p + rest.len() - rest.trim_start().len();
        return marker_if(s, len, Family::Digit, n);
    }
    if first.is_ascii_alphabetic() {
        let p = punct_len(&s[1..], &['.', '、']);
        if p > 0 && s[1 + p..].starts_with(|c: char| (c as u32) >= 0x3400) {
            let n = first.to_ascii_lowercase() as u32 - 'a' as u32 + 1;
            return marker_if(s, 1 + p, Family::Latin, n);
        }
    }
    None
}

/// A marker of `len` bytes when a title follows it.
fn marker_if(s: &str, len: usize, family: Family, number: u32) -> Option<Marker> {
    title_follows(s, len).then_some(Marker {
        ordinal: Ordinal { family, number },
        len,
    })
}

/// Length of one optional punctuation character from `set` at the start of `s`.
fn punct_len(s: &str, set: &[char]) -> usize {
    s.chars()
        .next()
        .filter(|c| set.contains(c))
        .map_or(0, char::len_utf8)
}

/// A heading needs a title: some text that is not punctuation right after the marker.
pub(crate) fn title_follows(s: &str, len: usize) -> bool {
    s[len..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| !matches!(c, '。' | ',' | ';' | ':' | '、' | ')' | '%'))
}

/// True when `s` starts with a heading marker (used to keep heading lines out of chrome).
pub fn starts_with_marker(s: &str) -> bool {
    parse_marker(s).is_some()
}

/// Writes the marker of `family` number `n`, in the style of `template` (a written marker
/// of the same family) when there is one.
pub(crate) fn format_marker(family: Family, n: u32, template: Option<&str>) -> String {
    let cn = to_cn(n);
    match family {
        Family::CnComma => format!("{cn}{}", template.map_or("、", |t| tail_after_numeral(t))),
        Family::CnParen => {
            let full = template.is_some_and(|t| t.starts_with('（'));
            if full {
                format!("（{cn}）")
            } else {
                format!("({cn})")
            }
        }
        Family::CnOrdinal => format!("第{cn},"),
        Family::Shi => format!("{cn}是"),
        Family::Digit => format!("{n}{}", template.map_or(".", |t| tail_after_digits(t))),
        Family::DigitParen => format!("({n})"),
        Family::DigitHalfParen => format!("{n})"),
        Family::Circled => char::from_u32(0x2460 + n - 1).map_or(n.to_string(), String::from),
        Family::Latin => {
            char::from_u32('A' as u32 + n - 1).map_or(n.to_string(), |c| format!("{c}."))
        }
        Family::Dash => "——".to_string(),
        Family::Bare => String::new(),
    }
}

fn tail_after_numeral(t: &str) -> &str {
    let i = t.find(|c: char| !is_cn_numeral(c)).unwrap_or(t.len());
    if i == t.len() {
        "、"
    } else {
        &t[i..]
    }
}

fn tail_after_digits(t: &str) -> &str {
    let i = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    if i == t.len() {
        "."
    } else {
        &t[i..]
    }
}
