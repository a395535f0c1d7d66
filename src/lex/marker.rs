//! Heading markers: the grammar of every family ([`parse_marker`]) and its inverse
//! (`format_marker`). The families are [`Family`]; a marker's number is its [`Ordinal`].
//!
//! | family | accepts | rejects |
//! |---|---|---|
//! | CnComma | `一、` `十二、` `三.` `四,` | `一、二、三级` (numeral right after), `三.5` |
//! | CnVolume | `第一篇 总则` `第二篇:附则` | `第一篇章`, `第一篇报道` (no space or punctuation after `篇`) |
//! | CnPart | `第二部分 工作打算` `第三部分:存在的问题` | `第一部分是…`, `第二部分内容…` |
//! | CnChapter | `第一章 总则` `第二章监督检查` | `第二章规定…`, `第三章节` |
//! | CnSection | `第一节 行政复议` | `第二节课`, `第一节的…` |
//! | CnOrdinal | `第一,` `第二、` `第三:` (run-in ordinals) | `第一责任人`, `第一次会议`, `第一条 为了…` |
//! | CnParen | `(一)` `(二)、` | `(一村)` |
//! | CnParenGlyph | `㈢` | |
//! | Digit | `1.` `2、` `12.` | `3.5个工作日`, `2019.`, `1.12` |
//! | DigitGlyph | `⒈` `⒓` | |
//! | DigitParen | `(1)` `(12)` | `(2019)` |
//! | DigitParenGlyph | `⑴` `⒇` | |
//! | DigitHalfParen | `1)` | `10)` inside prose (line start only) |
//! | Circled | `①` … `⑳` | |
//! | Latin | `A.` `b、` before a Chinese character | `A.B.`, `A、B两类`, `A.级` |
//! | LatinParen | `(a)` `(B)` before a Chinese character | `(A股)`, `(PPP)`, `(A)类` |
//! | Shi (run-in) | `一是` `二是` after `。` `;` `:` `,` or at a line start | `唯一是`, `统一是` |
//! | Dash | `——坚持依法决策` at a line start | `——`, `——摘自` (too short) |
//!
//! Every marker needs a title after it (`一、` alone is not a heading). The four
//! document divisions (`第N篇` `第N部分` `第N章` `第N节`) are told from the ordinals of a
//! sentence by what follows the unit: a space or punctuation, or a title word — not a
//! function word or verb (`是` `为` `的` `中` `规定` …) nor another unit (`篇章`, `章节`);
//! `第N篇`, the rarest and most often a word (`第一篇报道`), only before a space or punctuation.
//!
//! `第一条` (the articles of a regulation attached to a report) is not a heading family: an
//! article is a numbered paragraph that runs straight into its text (`第一条 为了规范…，制定
//! 本办法。`), like a list item, and a regulation's dozens of articles would bury the
//! report's outline. `第一条…` lines are therefore rejected like `第一责任人`.
//!
//! The single-character forms (`㈠` `⒈` `⑴`) are families of their own, so that a report may
//! use `⑴` below `(1)`; [`Family::twin`] names the typed form each one stands for, and the
//! outline lets a glyph continue a list of its twin (`(1)` `⑵` `⑶` from a Word file that
//! numbered some items automatically).
//!
//! Adding a family: beyond its variant, its arm in [`parse_marker`] and `format_marker`,
//! and rows in the tests below, a document division needs a [`Family::division_rank`] and a
//! single-character form a [`Family::twin`]; the outline
//! ([`crate::passes::outline`]) decides whether the family may run in after a sentence end
//! and whether its list closes with its paragraph.
//!
//! A heading at a line start ends at the first `。` `;` `:` `!` `?` (a run-in heading, the
//! paragraph continues) or at the end of the line (a heading alone): the token pattern of
//! title ends is in [`crate::lex::title`]. Inside a line, further
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
    /// `第一篇` (document division)
    CnVolume,
    /// `第一部分` (document division)
    CnPart,
    /// `第一章` (document division)
    CnChapter,
    /// `第一节` (document division, below `第N章`)
    CnSection,
    /// Run-in ordinals `第一，` `第二、`
    CnOrdinal,
    /// `(一)` `（二）`
    CnParen,
    /// `㈢`
    CnParenGlyph,
    /// `1.` `2、` `3．`
    Digit,
    /// `⒈` `⒉`
    DigitGlyph,
    /// `(1)` `（2）`
    DigitParen,
    /// `⑴` `⑵`
    DigitParenGlyph,
    /// `1)` `2）`
    DigitHalfParen,
    /// `①`
    Circled,
    /// `A.` `b、`
    Latin,
    /// `(a)` `（B）`
    LatinParen,
    /// Run-in `一是` `二是`
    Shi,
    /// `——` dash items
    Dash,
    /// A heading line whose marker was lost entirely (level taken from context).
    Bare,
}

impl Family {
    /// The rank of a document division, highest first: `第N篇` 0, `第N部分` 1, `第N章` 2,
    /// `第N节` 3; `None` for every other family.
    pub fn division_rank(self) -> Option<u8> {
        match self {
            Family::CnVolume => Some(0),
            Family::CnPart => Some(1),
            Family::CnChapter => Some(2),
            Family::CnSection => Some(3),
            _ => None,
        }
    }

    /// The typed family a single-character form stands for, and back: `㈠` ↔ `(一)`,
    /// `⒈` ↔ `1.`, `⑴` ↔ `(1)`.
    pub fn twin(self) -> Option<Family> {
        match self {
            Family::CnParen => Some(Family::CnParenGlyph),
            Family::CnParenGlyph => Some(Family::CnParen),
            Family::Digit => Some(Family::DigitGlyph),
            Family::DigitGlyph => Some(Family::Digit),
            Family::DigitParen => Some(Family::DigitParenGlyph),
            Family::DigitParenGlyph => Some(Family::DigitParen),
            _ => None,
        }
    }
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

/// Document divisions: the unit after `第N` and its family. Matches `第二部分 工作打算`.
const DIVISIONS: [(&str, Family); 4] = [
    ("篇", Family::CnVolume),
    ("部分", Family::CnPart),
    ("章", Family::CnChapter),
    ("节", Family::CnSection),
];

/// What follows a division unit in a sentence rather than a heading: `第一部分是…`,
/// `第二章规定…`, `第一篇章`, `第三章节`, `第二节课`, `第一章第五条`.
const DIVISION_LOOK_ALIKES: &[&str] = &[
    "是", "为", "的", "中", "里", "和", "与", "及", "第", "篇", "章", "节", "课", "文章", "规定",
    "提出", "指出", "明确", "要求", "包括", "内容", "共",
];

/// What follows a Latin marker in a grade or a class rather than a heading: `A.级`, `(A)类`.
const LATIN_LOOK_ALIKES: &[char] = &['级', '类', '型', '档', '股', '等'];

/// Longest heading title kept whole; longer ones are cut at the first comma.
pub const MAX_TITLE_CHARS: usize = 50;

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

/// Single-character markers: `①` `⑴` `⒈` `㈠`.
fn glyph(c: char) -> Option<(Family, u32)> {
    let u = c as u32;
    match u {
        0x2460..=0x2473 => Some((Family::Circled, u - 0x2460 + 1)), // ①..⑳
        0x2474..=0x2487 => Some((Family::DigitParenGlyph, u - 0x2474 + 1)), // ⑴..⒇
        0x2488..=0x249B => Some((Family::DigitGlyph, u - 0x2488 + 1)), // ⒈..⒛
        0x3220..=0x3229 => Some((Family::CnParenGlyph, u - 0x3220 + 1)), // ㈠..㈩
        _ => None,
    }
}

/// Recognises a heading marker at the start of `s` (a line of the normalised view).
/// `Shi` (`一是`) is included; see the module docs for the grammar.
pub fn parse_marker(s: &str) -> Option<Marker> {
    let first = s.chars().next()?;
    if let Some((family, n)) = glyph(first) {
        let len = first.len_utf8() + punct_len(&s[first.len_utf8()..], &['、', '.', ' ']);
        return marker_if(s, len, family, n);
    }
    if first == '(' {
        let rest = &s[1..];
        let closed = |l: usize| rest[l..].starts_with(')').then_some(1 + l + 1);
        let with_punct = |len: usize| len + punct_len(&s[len..], &['、', '.']);
        if let Some((n, l)) = small_cn_number(rest) {
            if let Some(len) = closed(l) {
                return marker_if(s, with_punct(len), Family::CnParen, n);
            }
        }
        if let Some((n, l)) = small_digit_number(rest) {
            if let Some(len) = closed(l) {
                return marker_if(s, with_punct(len), Family::DigitParen, n);
            }
        }
        // `(a)加强培训`; not `(A股)`, `(PPP)`, `(A)类`.
        if let Some(c) = rest.chars().next().filter(char::is_ascii_alphabetic) {
            if let Some(len) = closed(1) {
                let len = with_punct(len);
                if latin_title_follows(&s[len..]) {
                    return marker_if(s, len, Family::LatinParen, latin_number(c));
                }
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
        let head = '第'.len_utf8() + l;
        let set = ['、', ',', ':', '.', ' '];
        if let Some(&(unit, family)) = DIVISIONS.iter().find(|(u, _)| after.starts_with(u)) {
            let tail = &after[unit.len()..];
            let p = punct_len(tail, &set);
            // 第一部分是…, 第二章规定…; `第一篇` only before a space or punctuation, as
            // volumes are titled (`第一篇报道` is an article).
            let look_alike = family == Family::CnVolume
                || DIVISION_LOOK_ALIKES.iter().any(|w| tail.starts_with(w));
            if p == 0 && look_alike {
                return None;
            }
            return marker_if(s, head + unit.len() + p, family, n);
        }
        let p = punct_len(after, &set);
        if p == 0 {
            return None; // 第一责任人, 第一次, 第一条
        }
        return marker_if(s, head + p, Family::CnOrdinal, n);
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
        if p > 0 && latin_title_follows(&s[1 + p..]) {
            return marker_if(s, 1 + p, Family::Latin, latin_number(first));
        }
    }
    None
}

/// `a`/`A` → 1.
fn latin_number(c: char) -> u32 {
    c.to_ascii_lowercase() as u32 - 'a' as u32 + 1
}

/// A Latin marker's title starts with a Chinese character that does not make it a grade.
fn latin_title_follows(s: &str) -> bool {
    s.starts_with(|c: char| (c as u32) >= 0x3400 && !LATIN_LOOK_ALIKES.contains(&c))
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
    // A single-character form while it exists, else the typed form it stands for.
    let glyph = |first: u32, last: u32, typed: String| {
        (1..=last - first + 1)
            .contains(&n)
            .then(|| char::from_u32(first + n - 1))
            .flatten()
            .map_or(typed, String::from)
    };
    let letter = |n: u32| {
        let lower = template.is_some_and(|t| t.contains(|c: char| c.is_ascii_lowercase()));
        let base = if lower { 'a' } else { 'A' };
        char::from_u32(base as u32 + n - 1).filter(char::is_ascii_alphabetic)
    };
    match family {
        Family::CnComma => format!("{cn}{}", template.map_or("、", |t| tail_after_numeral(t))),
        Family::CnVolume => format!("第{cn}篇"),
        Family::CnPart => format!("第{cn}部分"),
        Family::CnChapter => format!("第{cn}章"),
        Family::CnSection => format!("第{cn}节"),
        Family::CnParen => {
            let full = template.is_some_and(|t| t.starts_with('（'));
            if full {
                format!("（{cn}）")
            } else {
                format!("({cn})")
            }
        }
        Family::CnParenGlyph => glyph(0x3220, 0x3229, format!("({cn})")),
        Family::CnOrdinal => format!("第{cn},"),
        Family::Shi => format!("{cn}是"),
        Family::Digit => format!("{n}{}", template.map_or(".", |t| tail_after_digits(t))),
        Family::DigitGlyph => glyph(0x2488, 0x249B, format!("{n}.")),
        Family::DigitParen => format!("({n})"),
        Family::DigitParenGlyph => glyph(0x2474, 0x2487, format!("({n})")),
        Family::DigitHalfParen => format!("{n})"),
        Family::Circled => glyph(0x2460, 0x2473, n.to_string()),
        Family::Latin => letter(n).map_or(n.to_string(), |c| format!("{c}.")),
        Family::LatinParen => letter(n).map_or(n.to_string(), |c| format!("({c})")),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<(Family, u32, &str)> {
        parse_marker(s).map(|x| (x.ordinal.family, x.ordinal.number, &s[..x.len]))
    }

    /// One row per family and per look-alike it must reject; the text is the normalised
    /// view (half-width brackets and punctuation).
    #[test]
    fn recognises_markers_and_rejects_look_alikes() {
        use Family::*;
        type Row<'a> = (&'a str, Option<(Family, u32, &'a str)>, &'a str);
        let table: &[Row] = &[
            (
                "一、强化组织领导",
                Some((CnComma, 1, "一、")),
                "standard top level",
            ),
            (
                "十二、其他",
                Some((CnComma, 12, "十二、")),
                "two-character numeral",
            ),
            ("三.加强监督", Some((CnComma, 3, "三.")), "sloppy dot"),
            ("一、二、三级医院", None, "list inside a sentence"),
            (
                "一、2021年法治政府建设工作成效",
                Some((CnComma, 1, "一、")),
                "title starting with a year",
            ),
            ("一、", None, "no title"),
            // Document divisions.
            ("第一篇 总则", Some((CnVolume, 1, "第一篇 ")), "volume"),
            ("第一篇章", None, "篇章 is a word"),
            ("第一篇文章发表后", None, "an article, not a volume"),
            (
                "第一篇报道获奖",
                None,
                "a volume needs a space or punctuation",
            ),
            ("第二部分 工作打算", Some((CnPart, 2, "第二部分 ")), "part"),
            (
                "第三部分:存在的问题",
                Some((CnPart, 3, "第三部分:")),
                "part with colon",
            ),
            (
                "第四部分2023年工作安排",
                Some((CnPart, 4, "第四部分")),
                "part, no space",
            ),
            (
                "第一部分是工作情况",
                None,
                "a sentence about the first part",
            ),
            ("第二部分内容较多", None, "a sentence about the second part"),
            ("第一章 总则", Some((CnChapter, 1, "第一章 ")), "chapter"),
            (
                "第二章监督检查",
                Some((CnChapter, 2, "第二章")),
                "chapter, no space",
            ),
            ("第二章规定了执法程序", None, "quoting a law"),
            ("第三章节", None, "章节 is a word"),
            ("第一章第五条规定", None, "a chapter and article cited"),
            (
                "第一节 行政复议",
                Some((CnSection, 1, "第一节 ")),
                "section",
            ),
            ("第二节课", None, "a lesson"),
            // Run-in ordinals and what looks like them.
            (
                "第一,加强领导",
                Some((CnOrdinal, 1, "第一,")),
                "ordinal with comma",
            ),
            (
                "第二、完善制度",
                Some((CnOrdinal, 2, "第二、")),
                "ordinal with 、",
            ),
            ("第一责任人", None, "ordinal inside a name"),
            ("第一次会议", None, "ordinal instance"),
            (
                "第一条 为了规范行政执法",
                None,
                "an article of attached rules",
            ),
            ("第三条规定", None, "an article cited"),
            // Parenthesised numerals.
            (
                "(一)坚持党的领导",
                Some((CnParen, 1, "(一)")),
                "parenthesised",
            ),
            (
                "(二)、建立机制",
                Some((CnParen, 2, "(二)、")),
                "with trailing comma",
            ),
            ("(一村)", None, "not a numeral in brackets"),
            (
                "㈢健全制度",
                Some((CnParenGlyph, 3, "㈢")),
                "single-character form",
            ),
            // Arabic digits.
            ("1.深化改革", Some((Digit, 1, "1.")), "arabic with dot"),
            ("2、推进公开", Some((Digit, 2, "2、")), "arabic with 、"),
            ("3.5个工作日", None, "decimal number"),
            ("2019年,坚持", None, "year at line start"),
            ("1.12", None, "price in a shop footer"),
            ("12345热线", None, "hotline"),
            (
                "⒉完善机制",
                Some((DigitGlyph, 2, "⒉")),
                "digit full stop glyph",
            ),
            (
                "(1)完善机制",
                Some((DigitParen, 1, "(1)")),
                "arabic in parentheses",
            ),
            ("(2019)", None, "year in parentheses"),
            (
                "⑵加强培训",
                Some((DigitParenGlyph, 2, "⑵")),
                "parenthesised digit glyph",
            ),
            (
                "3)加强培训",
                Some((DigitHalfParen, 3, "3)")),
                "half parenthesis",
            ),
            ("①加强培训", Some((Circled, 1, "①")), "circled"),
            // Latin letters.
            ("A.加强领导", Some((Latin, 1, "A.")), "capital letter"),
            (
                "b、完善制度",
                Some((Latin, 2, "b、")),
                "small letter with 、",
            ),
            ("A.B.C", None, "initials"),
            ("A、B两类", None, "letters in a list"),
            ("A.级景区", None, "a grade"),
            (
                "(a)健全机制",
                Some((LatinParen, 1, "(a)")),
                "letter in parentheses",
            ),
            (
                "(C)、强化监督",
                Some((LatinParen, 3, "(C)、")),
                "with trailing comma",
            ),
            ("(A股)", None, "a share class"),
            ("(PPP)项目", None, "an abbreviation"),
            ("(A)类企业", None, "a class"),
            // Paragraph enumerators.
            (
                "一是法制机构力量不足",
                Some((Shi, 1, "一是")),
                "run-in enumerator",
            ),
            ("——坚持依法决策", Some((Dash, 0, "——")), "dash item"),
            ("——摘自", None, "a source, too short"),
        ];
        for (s, want, why) in table {
            assert_eq!(m(s), *want, "{s}: {why}");
        }
    }

    /// Repaired and missing markers are written in the family's own style; past the last
    /// single-character form (`㈩`, `⒇`) in the typed form it stands for.
    #[test]
    fn formats_markers_of_every_family() {
        use Family::*;
        let table: &[(Family, u32, Option<&str>, &str)] = &[
            (CnComma, 2, Some("一."), "二."),
            (CnComma, 3, None, "三、"),
            (CnVolume, 2, None, "第二篇"),
            (CnPart, 4, None, "第四部分"),
            (CnChapter, 11, None, "第十一章"),
            (CnSection, 2, None, "第二节"),
            (CnOrdinal, 3, None, "第三,"),
            (CnParen, 2, Some("(一)"), "(二)"),
            (CnParenGlyph, 2, None, "㈡"),
            (CnParenGlyph, 11, None, "(十一)"),
            (Digit, 2, Some("1、"), "2、"),
            (DigitGlyph, 3, None, "⒊"),
            (DigitParen, 2, None, "(2)"),
            (DigitParenGlyph, 2, None, "⑵"),
            (DigitParenGlyph, 21, None, "(21)"),
            (DigitHalfParen, 2, None, "2)"),
            (Circled, 2, None, "②"),
            (Circled, 21, None, "21"),
            (Latin, 2, Some("A."), "B."),
            (Latin, 2, Some("a."), "b."),
            (LatinParen, 3, Some("(a)"), "(c)"),
            (Shi, 2, None, "二是"),
        ];
        for &(f, n, template, want) in table {
            assert_eq!(format_marker(f, n, template), want, "{f:?} {n}");
            // What is written reads back as the family, or as its typed twin past the glyphs.
            if let Some(m) = parse_marker(&format!("{want}加强领导")) {
                let g = m.ordinal.family;
                assert!(g == f || Some(g) == f.twin(), "{want} reads back as {g:?}");
            }
        }
    }
}
