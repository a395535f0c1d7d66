//! The numeral reader: one number at a candidate position, read whole or not at all.
//!
//! ## Grammar (on the normalised view: full-width digits and commas are ASCII, `萬` `億` `兩`
//! are `万` `亿` `两`)
//! ```text
//! number   = atom+                                   (one token, no spaces except around `.`)
//! atom     = arabic | digit | multiplier | 点 digit+ | (余|多|几) (万|亿)
//! arabic   = [0-9]{1,3} (,[0-9]{3})+ [. [0-9]+]      1,234,567  1,200.5
//!          | [0-9]+ [ *. *[0-9]+]                     83875  3.5  1 . 2
//! digit    = 零 〇 一 二 两 三 四 五 六 七 八 九 | 壹 贰 叁 肆 伍 陆 柒 捌 玖
//! multiplier = 十 拾 | 百 佰 | 千 仟 | 万 | 亿      (万亿 = 10¹²)
//! ```
//! Values: `一千三` = 1300 and `两千三百五` = 2350 (an abbreviated tail: a lone digit after
//! 百/千/万/亿 counts one place lower), `九万四` = 94000, `四十五亿四千零四万` = 4540040000,
//! `四万亿` = 4×10¹², `七十八万五佰零六` = 780506, `拾六万零五百零六` = 160506, `十五点七` = 15.7,
//! `零点五` = 0.5, `一百点五` = 100.5;
//! mixed `3万4000` = 34000, `25万6千` = 256000, `1千零20` = 1020, `2千零30万` = 20300000;
//! approximate `一千多万` = 10⁷, `十多万`, `二十几万`, `一百零几万` = 10⁶ (the qualifier is
//! returned with the value); `两千三点一` = 2300.1 (the abbreviated tail keeps its place
//! before a point); `四万万` = 4×10⁸ and `十万万` = 10⁹ (万万 is an old 亿); `零十` = 10 (a
//! redundant leading zero); `千三` = 1300 and `百三` = 130 (the leading `一` left out:
//! [`abbreviated_lead_at`]); `倆千` = 2000 (`俩`, like a financial digit, only before a
//! multiplier).
//!
//! An Arabic number followed only by a magnitude (`1.35亿`, `500余万`, `3千`) is read without
//! it: the magnitude belongs to the unit (`亿元`), as the indicator pass writes it.
//!
//! ## Never partial
//! A number starts where its numeral starts. [`read_number`] refuses to start inside a
//! number ([`continues_number`]: after a digit, a Chinese numeral, a decimal point between
//! digits or a thousands comma), and when the token at a position cannot be read whole
//! (`一一`, `12,3456`, `1.2.3`, `三五`, `一12`) it reports nothing and says where the token
//! ends, so that no tail of it is read either.
//!
//! ## Look-alikes
//! Financial digits are everyday characters too (`队伍`, `陆续`, `收拾`, `肆意`): they start a
//! number only before a multiplier and never mix with Arabic digits (`队伍3支` reads `3`);
//! `拾` after `收` is the verb `收拾`. An indefinite first digit (`数十件`, `几十件`) and the
//! archaic `廿` `卅` (`廿二`) are never read, and neither is what follows them.
//! A bare `百` `千` `万` is a number only where a report writes an approximate count with it
//! ([`bare_magnitude_at`]): before `余`/`多` (`百余人次`, `千余次`) or after `逾` `近` `超`
//! `超过` `约` `上` (`逾千件`, `上万人`, `上千万元`); not in `数百` `几百` `成百上千`
//! `千方百计` `百姓`, nor after `以上` `线上`.
//! `十九届`, `一是`, `三项制度`, `12345` are numbers here; whether they are indicators is
//! decided by [`crate::passes::indicator`].
//!
//! ## Patterns and their cost
//! The token grammar is written down as a `regex-lite` expression ([`TOKEN_PATTERN`]), read
//! from a candidate position and never over the whole text (at most [`MAX_TOKEN`] bytes). The
//! shipped reader is that pattern as plain code (`token_match`: the alternatives in the
//! pattern's order, leftmost-first), held to the regex by the tests on look-alikes and on
//! every position of the fixtures; the PikeVM it replaced cost about 1 µs a token (the 10 MB
//! end-to-end benchmark, callgrind: `token_end` 39.6 M instructions inclusive before). The
//! figures below are from when the regex was run. Measured here: regex-lite with
//! this module's and [`crate::lex::date`]'s patterns adds 70 KB to a wasm32 cdylib that
//! already formats and allocates (opt-level z, LTO, before wasm-opt; 28 KB gzipped; the
//! issue measured 18 KB gzipped in the app after wasm-opt), where `regex` with only `std`
//! adds about 83 KB gzipped. One anchored match costs about 1 µs (a PikeVM search), so the
//! reader runs the pattern only where a number continues past its digits: a plain run of
//! digits, a decimal and a number before a bare magnitude (`64`, `98.79`, `9.747万`) are read
//! by a byte scan, and the indicator pass tests cheaply that a unit can follow before it
//! reads at all. On the five fixtures (162 KB) the whole analysis went from 129.0 M to
//! 146.0 M instructions (callgrind, 5 runs: +13 %; the indicator pass +48 %) with this
//! grammar, the rate forms, lists, ranges and the new subjects.
//!
//! A later speed pass (output unchanged) measured the whole `profile` example process, 5 runs
//! per fixture, regex compilation and start-up included (callgrind, summed over the five
//! fixtures): 158.3 M → 155.1 M instructions; seed 004 alone 84.9 M → 83.2 M. Figure
//! candidates are now one bitmap bit (`scan_line` 11.8 M → 11.2 M self on seed 004), direction
//! words and coverage phrases are compared without a `memcmp` call per list entry (memcmp
//! 2.2 M → 1.5 M), comparison words are found in one pass. What remains on seed 004 (self
//! instructions, 5 runs): the phrase scan of the checks 12.9 M, `scan_line` 11.2 M, the
//! normalised view 10.6 M, line splitting and classing 6.2 M, the outline 4.1 M, the figure
//! checks 3.7 M; subjects cost about 7 k instructions per figure (`subject` 6.4 M inclusive).

use crate::lex::numeral::cn_digit;
use crate::text::fold_char;

// ---- patterns -------------------------------------------------------------------------

/// One numeral token (see the module grammar). Matches `1,234,567`, `3万4000`,
/// `四十五亿四千零四万`, `十五点七`, `一千多万`; stops before `件` in `一千三件` and before
/// `,67` in `12,345,67`.
pub const TOKEN_PATTERN: &str = concat!(
    "^(?:",
    "[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?",
    "|[0-9]+(?: *\\. *[0-9]+)?",
    "|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖俩拾佰仟]",
    "|点[零〇一二两三四五六七八九]+",
    "|[余多几][万亿]",
    ")+"
);

/// Every pattern of this module, for the test in [`crate::lex`] that compiles them all.
pub const PATTERNS: &[&str] = &[TOKEN_PATTERN];

// ---- characters -----------------------------------------------------------------------

/// Value of a financial digit (`壹` … `玖`; `贰` `陆` are the simplified `貳` `陸`), or of
/// the colloquial `俩` (`倆` folded): both are everyday characters too (`队伍`, `咱俩`), so
/// both are read only before a multiplier (`倆千` = 2000, `壹拾` = 10).
fn financial_digit(c: char) -> Option<u32> {
    Some(match c {
        '壹' => 1,
        '贰' | '俩' => 2,
        '叁' => 3,
        '肆' => 4,
        '伍' => 5,
        '陆' => 6,
        '柒' => 7,
        '捌' => 8,
        '玖' => 9,
        _ => return None,
    })
}

/// Value of a multiplier, common or financial.
fn multiplier(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

fn is_financial(c: char) -> bool {
    financial_digit(c).is_some() || matches!(c, '拾' | '佰' | '仟')
}

/// True for a character that can start a number: an ASCII digit, a Chinese digit, `十`,
/// or a financial digit or `拾`.
pub fn starts_number(c: char) -> bool {
    c.is_ascii_digit()
        || cn_digit(c).is_some()
        || c == '十'
        || financial_digit(c).is_some()
        || c == '拾'
}

/// Qualifiers after which a bare `百` `千` `万` is a number ([`bare_magnitude_at`]).
const MAGNITUDE_QUALIFIERS: &[&str] = &["超过", "逾", "近", "超", "约", "上"];
/// Characters before `上` that make it part of a word (`以上`, `线上`, `网上`, `马上`, `之上`),
/// not the qualifier of `上千场`.
const SHANG_WORDS: &[char] = &[
    '以', '之', '线', '网', '马', '路', '会', '晚', '早', '向', '加', '在', '手', '身', '面', '台',
    '岗', '街', '楼', '堂', '掌', '顶', '世', '海', '山', '湖', '江', '河',
];

/// True when a bare `百` `千` or `万` at byte `i` of `s` stands for one hundred, thousand or
/// ten thousand, as reports write approximate counts: before `余`/`多` (`百余人次`,
/// `千余次`, `万余人`, also `百万余元`) or after a qualifier (`逾千件`, `近千个`, `上万人`,
/// `超百场`, `上千万元`). Never after `数` `几` `成` or a numeral (`数百人`, `成百上千`,
/// `一千`), nor after `上` ending a word (`线上`, `以上`); `百姓`, `千方百计` have neither.
pub fn bare_magnitude_at(s: &str, i: usize) -> bool {
    let rest = &s[i..];
    if !rest.starts_with(&['百', '千', '万'][..]) || continues_number(s, i) {
        return false;
    }
    let before = &s[..i];
    if before.ends_with(&['数', '几', '成'][..]) {
        return false;
    }
    let after_run = rest.trim_start_matches(&['百', '千', '万', '亿'][..]);
    if after_run.starts_with(&['余', '多'][..]) {
        return true;
    }
    MAGNITUDE_QUALIFIERS.iter().any(|q| {
        before.strip_suffix(q).is_some_and(|word| {
            *q != "上"
                || !word.ends_with(SHANG_WORDS)
                    && !word.ends_with(&['数', '几', '成', '百', '千', '万'][..])
        })
    })
}

/// The value of `千三` (1300) or `百三` (130) at byte `i` of `s`: a bare `百`/`千` with its
/// leading `一` left out and one digit after it that counts one place lower, as people say
/// a number aloud. Only a single digit `一`–`九` followed by no other numeral character
/// (`百三十`, `千三百` are not this form), and never after `数` `几` `成` `半` or a numeral
/// (`数千三`; `一千三` is read whole elsewhere), nor in `秋千` (`秋千三座` is 3 swings);
/// `千方百计`, `百姓` have no digit after.
pub fn abbreviated_lead_at(s: &str, i: usize) -> Option<(f64, usize)> {
    let mut chars = s[i..].chars();
    let m = match chars.next()? {
        '百' => 100.0,
        '千' => 1000.0,
        _ => return None,
    };
    let second = chars.next().filter(|&c| c != '两')?;
    let d = cn_digit(second).filter(|&d| d > 0)?;
    if chars.next().is_some_and(is_token_char)
        || continues_number(s, i)
        || s[..i].ends_with(['数', '几', '成', '半', '秋'])
    {
        return None;
    }
    Some((
        m + d as f64 * m / 10.0,
        i + '千'.len_utf8() + second.len_utf8(),
    ))
}

/// Reads the bare magnitude at `i` ([`bare_magnitude_at`] holds): `千` 1000, `万` 10⁴, `千万`
/// 10⁷, `百万` 10⁶, `百亿` 10¹⁰, `百余万` 10⁶ with `余`. A numeral right after it (`千三`)
/// makes it no number.
fn read_bare_magnitude(s: &str, i: usize) -> Result<Number, usize> {
    let mut value = 1.0;
    let mut end = i;
    let mut last = 0.0;
    let mut approx = None;
    let mut chars = s[i..].char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if let Some(m) = multiplier(c).filter(|_| !is_financial(c)) {
            // Each one after the first is a larger group: 千万, 百亿; not 千百, 万万.
            if last != 0.0 && (m < 1e4 || m <= last) {
                return Err(i + k);
            }
            value *= m;
            last = m;
            end = i + k + c.len_utf8();
        } else if matches!(c, '余' | '多') {
            // `百余万`: the approximation sits between the magnitudes.
            match chars.peek() {
                Some(&(k2, m @ ('万' | '亿'))) if last < 1e4 => {
                    value *= multiplier(m).unwrap_or(1.0);
                    approx = Some(if c == '余' { "余" } else { "多" });
                    end = i + k2 + m.len_utf8();
                }
                _ => {}
            }
            break;
        } else {
            break;
        }
    }
    if s[end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || is_numeral_char(c))
    {
        return Err(token_end(s, i));
    }
    Ok(Number {
        start: i,
        end,
        value,
        written: Written::Chinese,
        approx,
        decimals: 0,
    })
}

/// True for a character that is part of a number wherever it stands next to one: a digit
/// (any width), a common Chinese numeral (`零〇一二两三四五六七八九十百千万亿`, also `萬億兩`).
/// Financial digits are not: they are everyday characters too.
pub fn is_numeral_char(c: char) -> bool {
    let c = fold_char(c);
    c.is_ascii_digit() || crate::lex::numeral::is_cn_numeral(c)
}

/// True when a number starting at byte `i` of `s` would be the tail of a longer one: the
/// character before is a digit or a Chinese numeral, a decimal point (`.` `点`) after one, or
/// a thousands comma (a `,` after a digit with exactly three digits from `i` on). Works on
/// the original text as well as on the normalised view (characters are folded).
pub fn continues_number(s: &str, i: usize) -> bool {
    let Some(before) = s.get(..i) else {
        return false;
    };
    let mut back = before.chars().rev().map(fold_char);
    let Some(p) = back.next() else {
        return false;
    };
    if is_numeral_char(p) || matches!(p, '廿' | '卅') {
        return true; // `廿二` (archaic 20, never read): `二` is its tail
    }
    // `数十件`, `几十件`: an indefinite first digit, so `十` is no number of its own.
    if matches!(p, '数' | '几') && s[i..].starts_with(['十', '百', '千', '万', '亿', '拾'])
    {
        return true;
    }
    let pp = back.next();
    match p {
        '.' | '点' => pp.is_some_and(is_numeral_char),
        ',' => {
            pp.is_some_and(|c| c.is_ascii_digit()) && {
                let digits = s[i..]
                    .chars()
                    .map(fold_char)
                    .take(4)
                    .take_while(char::is_ascii_digit)
                    .count();
                digits == 3
            }
        }
        _ => false,
    }
}

// ---- reading --------------------------------------------------------------------------

/// How a number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// Arabic digits only: `1,234.5`.
    Arabic,
    /// Chinese numerals only (common or financial): `两千三百五`, `壹佰伍拾`.
    Chinese,
    /// Arabic digits with Chinese multipliers: `3万4000`.
    Mixed,
}

/// A number read at some position of a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    /// First byte of the numeral.
    pub start: usize,
    /// One past its last byte (before a trailing magnitude of an Arabic number).
    pub end: usize,
    /// Its value.
    pub value: f64,
    /// How it is written.
    pub written: Written,
    /// `余`, `多` or `几` inside the numeral: `一千多万`.
    pub approx: Option<&'static str>,
    /// Digits after the decimal point.
    pub decimals: u8,
}

impl Number {
    /// True for a number written in Chinese numerals only.
    pub fn chinese(&self) -> bool {
        self.written == Written::Chinese
    }
}

/// One lexical piece of a token.
#[derive(Clone, Copy, Debug)]
enum Atom {
    /// Arabic digits: value, byte length in the token, digits after the point.
    Arabic(f64, usize, u8),
    /// A Chinese digit, common or financial.
    Digit(u32),
    /// A multiplier (financial when flagged).
    Mult(f64, bool),
    /// `点` and the value of the digits after it.
    Point(f64, u8),
    /// `余` `多` `几` (always followed by 万 or 亿 in a token).
    Approx(&'static str),
}

/// Splits a token matched by [`TOKEN_PATTERN`] into atoms, with each atom's byte offset.
fn atoms(t: &str) -> Option<Vec<(usize, Atom)>> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if b[i].is_ascii_digit() {
            let st = i;
            let mut digits = String::new();
            let mut frac: u8 = 0;
            let mut in_frac = false;
            while i < t.len() {
                match b[i] {
                    d if d.is_ascii_digit() => {
                        digits.push(d as char);
                        if in_frac {
                            frac = frac.saturating_add(1);
                        }
                        i += 1;
                    }
                    // A thousands comma: exactly three digits follow, then no digit.
                    b',' if !in_frac => {
                        let group = b
                            .get(i + 1..i + 4)
                            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                            && !b.get(i + 4).is_some_and(u8::is_ascii_digit);
                        if !group {
                            break;
                        }
                        i += 1;
                    }
                    b' ' | b'.' if !in_frac => {
                        // ` *\. *` between digits (the pattern guarantees the shape).
                        let mut j = i;
                        while b.get(j) == Some(&b' ') {
                            j += 1;
                        }
                        if b.get(j) != Some(&b'.') {
                            break;
                        }
                        j += 1;
                        while b.get(j) == Some(&b' ') {
                            j += 1;
                        }
                        if !b.get(j).is_some_and(u8::is_ascii_digit) {
                            break;
                        }
                        digits.push('.');
                        in_frac = true;
                        i = j;
                    }
                    _ => break,
                }
            }
            let v: f64 = digits.parse().ok()?;
            if !v.is_finite() {
                return None;
            }
            out.push((st, Atom::Arabic(v, i - st, frac)));
            continue;
        }
        let c = t[i..].chars().next()?;
        let len = c.len_utf8();
        let atom = if let Some(d) = cn_digit(c) {
            Atom::Digit(d)
        } else if let Some(d) = financial_digit(c) {
            Atom::Digit(d)
        } else if let Some(m) = multiplier(c) {
            Atom::Mult(m, matches!(c, '拾' | '佰' | '仟'))
        } else if c == '点' {
            let mut v = 0.0;
            let mut scale = 0.1;
            let mut n: u8 = 0;
            let mut j = i + len;
            while let Some(d) = t[j..].chars().next().and_then(cn_digit) {
                v += d as f64 * scale;
                scale /= 10.0;
                n = n.saturating_add(1);
                j += 3;
            }
            out.push((i, Atom::Point(v, n)));
            i = j;
            continue;
        } else {
            match c {
                '余' => Atom::Approx("余"),
                '多' => Atom::Approx("多"),
                '几' => Atom::Approx("几"),
                _ => return None,
            }
        };
        out.push((i, atom));
        i += len;
    }
    Some(out)
}

/// The value of a sequence of atoms (see the module grammar), with the approximation
/// qualifier inside it; `None` when the atoms do not form one number.
fn value_of(atoms: &[(usize, Atom)]) -> Option<(f64, Option<&'static str>)> {
    let mut yi = 0.0; // completed 亿 part
    let mut wan = 0.0; // completed 万 part
    let mut sec = 0.0; // below 万
    let mut sec_mult = f64::INFINITY; // last 十/百/千 in this section
    let mut pending: Option<(f64, bool)> = None; // digit value, single digit
    let mut prev_mult: Option<f64> = None; // multiplier right before `pending`
    let mut last_was_mult: Option<f64> = None;
    let mut after_point = false;
    let mut approx = None;
    let mut any = false;
    let mut last_zero = false;
    if matches!(atoms.first(), Some((_, Atom::Digit(0))))
        && !matches!(atoms.get(1), Some((_, Atom::Point(..))))
        && !matches!(atoms.get(1), Some((_, Atom::Mult(m, false))) if *m == 10.0)
    {
        return None; // `零件`, `〇`; not `零点五`, nor `零十` (a redundant leading zero: 10)
    }
    for &(_, a) in atoms {
        let zero = matches!(a, Atom::Digit(0));
        if after_point && !matches!(a, Atom::Mult(m, _) if m >= 1e4) {
            return None; // `三点五` may only be followed by 万/亿
        }
        match a {
            Atom::Arabic(v, len, _) => {
                if pending.is_some() || approx.is_some() {
                    return None;
                }
                pending = Some((v, len == 1));
                prev_mult = last_was_mult;
                last_was_mult = None;
            }
            Atom::Digit(0) => {
                if pending.is_some() {
                    return None; // `三零`
                }
                last_was_mult = None;
                prev_mult = None;
            }
            Atom::Digit(d) => {
                if pending.is_some() || approx.is_some() {
                    return None; // `一一`, `三五`
                }
                pending = Some((d as f64, true));
                prev_mult = last_was_mult;
                last_was_mult = None;
            }
            Atom::Point(v, n) => {
                // `十五点七`; `零点五`, `一百点五` (a point after a zero or a whole section).
                let p = match pending.take() {
                    // `两千三点一` = 2300.1: the abbreviated tail keeps its place.
                    Some((d, true)) if prev_mult.is_some_and(|m| m >= 100.0) => {
                        d * prev_mult? / 10.0
                    }
                    Some((p, _)) => p,
                    None if last_zero || last_was_mult.is_some_and(|m| m < 1e4) => 0.0,
                    None => return None,
                };
                if n == 0 || p.fract() != 0.0 {
                    return None;
                }
                pending = Some((p + v, false));
                prev_mult = None;
                after_point = true;
            }
            Atom::Approx(w) => {
                // `一千多万`, `一百零几万` (几 for the digit after 零); not `三多万`.
                let after_zero = w == "几" && last_zero && sec > 0.0;
                if last_was_mult.is_none() && !after_zero || approx.is_some() {
                    return None;
                }
                approx = Some(w);
            }
            Atom::Mult(m, _) if m < 1e4 => {
                if approx.is_some() || m >= sec_mult {
                    return None; // `十百`, `一千多百`
                }
                let d = match pending.take() {
                    Some((d, _)) => d,
                    // `十二`, `拾六万`, `三亿十五万`, `一千零十`.
                    None if m == 10.0 && (sec == 0.0 || last_zero) => 1.0,
                    None => return None,
                };
                if d == 0.0 || d.fract() != 0.0 && m < 1e4 {
                    return None;
                }
                sec += d * m;
                sec_mult = m;
                last_was_mult = Some(m);
                prev_mult = None;
            }
            // `四万万` = 4×10⁸, `十万万` = 10⁹: 万万 is an old 亿.
            Atom::Mult(m, _)
                if m == 1e4
                    && last_was_mult == Some(1e4)
                    && yi == 0.0
                    && sec == 0.0
                    && approx.is_none() =>
            {
                yi = wan * 1e4;
                wan = 0.0;
                last_was_mult = Some(1e8);
            }
            Atom::Mult(m, _) if m == 1e4 => {
                if wan != 0.0 {
                    return None;
                }
                let v = sec + pending.take().map_or(0.0, |p| p.0);
                if v == 0.0 {
                    return None;
                }
                wan = v * 1e4;
                sec = 0.0;
                sec_mult = f64::INFINITY;
                last_was_mult = Some(m);
                prev_mult = None;
                after_point = false;
            }
            Atom::Mult(m, _) => {
                if yi != 0.0 {
                    return None;
                }
                let v = wan + sec + pending.take().map_or(0.0, |p| p.0);
                if v == 0.0 {
                    return None;
                }
                yi = v * m;
                wan = 0.0;
                sec = 0.0;
                sec_mult = f64::INFINITY;
                last_was_mult = Some(m);
                prev_mult = None;
                after_point = false;
            }
        }
        any = true;
        last_zero = zero;
    }
    if approx.is_some() && last_was_mult.is_none_or(|m| m < 1e4) {
        return None;
    }
    let tail = match pending {
        // Abbreviated tail: `一千三` = 1000 + 300, `九万四` = 90000 + 4000.
        Some((d, true)) if prev_mult.is_some_and(|m| m >= 100.0) => d * prev_mult? / 10.0,
        Some((d, _)) => d,
        None => 0.0,
    };
    let v = yi + wan + sec + tail;
    (any && v.is_finite()).then_some((v, approx))
}

/// The longest token the pattern is run on (bytes): no number of the genre comes close, and
/// the bound keeps a scan over a run of numerals (`一一一…`, `伍伍伍…`) linear.
const MAX_TOKEN: usize = 96;

/// Where a token starting at `i` ends: the pattern's match, or one character. A token that
/// reaches [`MAX_TOKEN`] is read to the end of its run of numeral characters.
fn token_end(s: &str, i: usize) -> usize {
    let mut cap = (i + MAX_TOKEN).min(s.len());
    while !s.is_char_boundary(cap) {
        cap -= 1;
    }
    match token_match(&s[i..cap]) {
        m if i + m == cap && m > 0 && cap < s.len() => s[cap..]
            .find(|c: char| !(c.is_ascii_digit() || is_token_char(c)))
            .map_or(s.len(), |k| cap + k),
        m if m > 0 => i + m,
        _ => i + s[i..].chars().next().map_or(1, char::len_utf8),
    }
}

/// Number of ASCII digits at the start of `b`.
fn digit_run(b: &[u8]) -> usize {
    b.iter().take_while(|x| x.is_ascii_digit()).count()
}

/// True for the characters [`TOKEN_PATTERN`] reads one at a time: the Chinese and financial
/// digits and the multipliers.
fn is_single_token_char(c: char) -> bool {
    cn_digit(c).is_some() || multiplier(c).is_some() || financial_digit(c).is_some()
}

/// One alternative of [`TOKEN_PATTERN`] at the start of `t`, tried in the pattern's order:
/// its length in bytes, 0 when none matches.
fn token_atom(t: &str) -> usize {
    let b = t.as_bytes();
    let n = digit_run(b);
    if n > 0 {
        // `[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?`: the digit run is the group's first part
        // only when it is three digits or fewer and a `,ddd` follows.
        let group = |k: usize| b.get(k) == Some(&b',') && digit_run(&b[k + 1..]) >= 3;
        if n <= 3 && group(n) {
            let mut k = n;
            while group(k) {
                k += 4;
            }
            if b.get(k) == Some(&b'.') && digit_run(&b[k + 1..]) > 0 {
                k += 1 + digit_run(&b[k + 1..]);
            }
            return k;
        }
        // `[0-9]+(?: *\. *[0-9]+)?`
        let mut k = n;
        k += b[k..].iter().take_while(|&&x| x == b' ').count();
        if b.get(k) == Some(&b'.') {
            k += 1;
            k += b[k..].iter().take_while(|&&x| x == b' ').count();
            let d = digit_run(&b[k..]);
            if d > 0 {
                return k + d;
            }
        }
        return n;
    }
    let mut chars = t.chars();
    let Some(c) = chars.next() else { return 0 };
    if is_single_token_char(c) {
        return c.len_utf8();
    }
    match c {
        // `点[零〇一二两三四五六七八九]+`
        '点' => {
            let digits: usize = chars
                .take_while(|&d| cn_digit(d).is_some())
                .map(char::len_utf8)
                .sum();
            if digits > 0 {
                c.len_utf8() + digits
            } else {
                0
            }
        }
        // `[余多几][万亿]`
        '余' | '多' | '几' => match chars.next() {
            Some(d @ ('万' | '亿')) => c.len_utf8() + d.len_utf8(),
            _ => 0,
        },
        _ => 0,
    }
}

/// The match of [`TOKEN_PATTERN`] at the start of `t`, as plain code: its length in bytes,
/// 0 when there is none. The pattern's `(?:…)+` never needs to give back an earlier
/// repetition (every alternative is non-empty and nothing follows the group), so the
/// leftmost-first match is the atoms read greedily one after another.
fn token_match(t: &str) -> usize {
    let mut k = 0;
    loop {
        match token_atom(&t[k..]) {
            0 => return k,
            n => k += n,
        }
    }
}

/// Characters that occur in a token besides ASCII digits.
pub fn is_token_char(c: char) -> bool {
    cn_digit(c).is_some()
        || financial_digit(c).is_some()
        || multiplier(c).is_some()
        || matches!(c, '点' | '余' | '多' | '几' | ',' | '.' | ' ')
}

/// Reads the number starting at byte `i` of `s` (the normalised view), whole.
///
/// `Err(resume)` when there is none: `resume` is where scanning continues — the end of a
/// token that cannot be read whole (so that no tail of it is read), or the next character
/// when the character at `i` is not a numeral here (`队伍`).
pub fn read_number(s: &str, i: usize) -> Result<Number, usize> {
    let first = s[i..].chars().next().ok_or(i + 1)?;
    let next_char = i + first.len_utf8();
    if !starts_number(first) {
        if let Some((value, end)) = abbreviated_lead_at(s, i) {
            return Ok(Number {
                start: i,
                end,
                value,
                written: Written::Chinese,
                approx: None,
                decimals: 0,
            });
        }
        return if bare_magnitude_at(s, i) {
            read_bare_magnitude(s, i)
        } else {
            Err(next_char)
        };
    }
    // A plain run of digits followed by nothing that continues a number (`64项`, the
    // common case) is read without the pattern; so is a decimal (`98.79%`) and a number
    // before a bare magnitude (`9.747万元`).
    if first.is_ascii_digit() {
        let b = s.as_bytes();
        let digits =
            |from: usize| from + b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
        let mut d = digits(i);
        let mut decimals = 0;
        if b.get(d) == Some(&b'.') && b.get(d + 1).is_some_and(u8::is_ascii_digit) {
            let f = digits(d + 1);
            decimals = (f - d - 1).min(u8::MAX as usize) as u8;
            d = f;
        }
        let mut m = d;
        while s[m..].starts_with(['万', '亿', '千']) {
            m += '万'.len_utf8();
        }
        let continues = matches!(b.get(m), Some(b',' | b'.' | b' ' | b'0'..=b'9'))
            || s[m..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_ascii() && is_token_char(c));
        if !continues && d - i <= MAX_TOKEN {
            if continues_number(s, i) {
                return Err(m);
            }
            let value: f64 = s[i..d].parse().map_err(|_| m)?;
            return Ok(Number {
                start: i,
                end: d,
                value,
                written: Written::Arabic,
                approx: None,
                decimals,
            });
        }
    }
    let end = token_end(s, i);
    if continues_number(s, i) || end - i > MAX_TOKEN {
        return Err(end);
    }
    let t = &s[i..end];
    let atoms = atoms(t).ok_or(end)?;
    let financial = t.chars().any(is_financial);
    let arabic = atoms.iter().any(|(_, a)| matches!(a, Atom::Arabic(..)));
    if financial {
        // `收拾一件`: the verb, not `拾一` (11).
        if first == '拾' && s[..i].ends_with('收') {
            return Err(next_char);
        }
        // A financial digit is a numeral only before a multiplier, never beside Arabic.
        let second_is_mult = matches!(atoms.get(1), Some((_, Atom::Mult(..))));
        let first_is_mult = matches!(atoms.first(), Some((_, Atom::Mult(..))));
        if arabic || !(second_is_mult || first_is_mult) {
            return Err(next_char);
        }
    }
    // Ill-formed continuations: `1.2.3`, `12,345,67`.
    let rest = &s[end..];
    let digit_after = |p: &str| {
        rest.strip_prefix(p)
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    };
    if arabic && (digit_after(".") || t.contains(',') && digit_after(",")) {
        return Err(end);
    }
    let chinese = !arabic;
    // An Arabic number followed only by a magnitude (and maybe 余/多 before it): the
    // magnitude is the unit's.
    if let Some(&(_, Atom::Arabic(v, len, decimals))) = atoms.first() {
        let rest_is_magnitude = atoms[1..].iter().all(|(_, a)| {
            matches!(a, Atom::Mult(m, false) if *m >= 1000.0) || matches!(a, Atom::Approx(_))
        });
        if atoms.len() == 1 || rest_is_magnitude {
            return Ok(Number {
                start: i,
                end: i + len,
                value: v,
                written: Written::Arabic,
                approx: None,
                decimals,
            });
        }
    }
    let (value, approx) = value_of(&atoms).ok_or(end)?;
    let decimals = atoms
        .iter()
        .map(|(_, a)| match a {
            Atom::Arabic(_, _, d) | Atom::Point(_, d) => *d,
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    Ok(Number {
        start: i,
        end,
        value,
        written: if chinese {
            Written::Chinese
        } else {
            Written::Mixed
        },
        approx,
        decimals,
    })
}

/// The value of a whole string as one number (`两千三百五` → 2350, `1,234` → 1234); `None`
/// unless the string is exactly one number.
pub fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() || token_end(t, 0) != t.len() {
        return None;
    }
    value_of(&atoms(t)?).map(|(v, _)| v)
}

// ---- normalised values --------------------------------------------------------------

/// Magnitude prefixes of units (`万元`, `亿元`, `万人次`), longest first.
const UNIT_MAGNITUDES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("千万", 1e7),
    ("百万", 1e6),
    ("亿", 1e8),
    ("万", 1e4),
    ("千", 1e3),
];

/// Units that start with a magnitude character but are units of their own.
const WHOLE_UNITS: &[&str] = &[
    "千米",
    "千瓦",
    "千克",
    "千分之",
    "万分之",
    "百分之",
    "百分点",
];

/// Splits a unit into its magnitude and measure word: `万元` → (10⁴, `元`), `千米` → (1, `千米`).
pub fn split_magnitude(unit: &str) -> (f64, &str) {
    // Every magnitude (and whole unit) starts with one of these; most units (`件`, `%`)
    // leave after one character decoded instead of thirteen comparisons.
    if !matches!(unit.chars().next(), Some('万' | '千' | '百' | '亿')) {
        return (1.0, unit);
    }
    if WHOLE_UNITS.iter().any(|w| unit.starts_with(w)) {
        return (1.0, unit);
    }
    for &(p, f) in UNIT_MAGNITUDES {
        if let Some(rest) = unit.strip_prefix(p) {
            if !rest.is_empty() {
                return (f, rest);
            }
        }
    }
    (1.0, unit)
}

/// The share forms and their factor to percent.
const SHARE_UNITS: &[(&str, f64)] = &[
    ("%", 1.0),
    ("百分之", 1.0),
    ("‰", 0.1),
    ("千分之", 0.1),
    ("仟分之", 0.1),
    ("佰分之", 1.0),
    ("‱", 0.01),
    ("万分之", 0.01),
    ("成", 10.0),
    ("分之", 100.0),
];

/// `value` in `unit` on one scale a spreadsheet can sum: shares in percent (`三成` → 30,
/// `千分之2.4` → 0.24, a fraction's ratio × 100), magnitudes multiplied out (`1.35` `亿元` →
/// 135000000). Rounded to six decimals below 10⁹.
pub fn normalize(value: f64, unit: &str) -> f64 {
    let f = SHARE_UNITS
        .iter()
        .find(|(u, _)| *u == unit)
        .map_or_else(|| split_magnitude(unit).0, |&(_, f)| f);
    let v = value * f;
    if v.abs() < 1e9 {
        (v * 1e6).round() / 1e6
    } else {
        v.round()
    }
}

/// The unit of [`normalize`]'s result: `%` for shares, the measure word without magnitude
/// otherwise (`亿元` → `元`, `万人次` → `人次`).
pub fn normalized_unit(unit: &str) -> &str {
    if SHARE_UNITS.iter().any(|(u, _)| *u == unit) {
        "%"
    } else {
        split_magnitude(unit).1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The token pattern run by regex-lite: the reference of [`token_match`].
    fn by_pattern(t: &str) -> usize {
        let re = regex_lite::Regex::new(TOKEN_PATTERN).unwrap();
        re.find(t).map_or(0, |m| m.end())
    }

    #[test]
    fn token_match_is_the_pattern() {
        let cases = [
            "1,234,567元",
            "1,200.5万",
            "12,345,67",
            "1,2345",
            "1234,567",
            "12,34",
            "1,234.",
            "1,234 . 5",
            "1,234.5.6",
            "83875件",
            "3.5%",
            "1 . 2",
            "1 .",
            "1. 2",
            "1 . x",
            "3万4000",
            "25万6千",
            "1千零20",
            "2千零30万",
            "一千三件",
            "四十五亿四千零四万",
            "十五点七",
            "零点五",
            "点",
            "点五",
            "一点",
            "一千多万",
            "十多万",
            "多人",
            "余额",
            "几亿",
            "余万",
            "两千三点一",
            "队伍3支",
            "壹拾",
            "倆千",
            "俩千",
            "收拾",
            "〇〇",
            "廿二",
            "数十件",
            "1.2.3",
            "12 345",
            "1, 234",
            ",123",
            "",
            " 1",
            ".5",
            "1,234,",
            "9.747万",
            "1,000,000.25亿元",
            "一12",
            "12一",
            "一,234",
        ];
        for t in cases {
            assert_eq!(token_match(t), by_pattern(t), "{t}");
        }
    }

    /// On every position of the fixtures (bounded as the reader bounds it), the plain code
    /// and the pattern agree.
    #[test]
    fn token_match_is_the_pattern_on_the_fixtures() {
        let fixtures = [
            include_str!("../../tests/fixtures/000_4650dba7b757251d.txt"),
            include_str!("../../tests/fixtures/004_f9597e8d61f080e1.txt"),
        ];
        let re = regex_lite::Regex::new(TOKEN_PATTERN).unwrap();
        let mut compared = 0;
        for f in fixtures {
            let view = crate::text::Normalized::new(f).text;
            for (i, c) in view.char_indices() {
                if !(c.is_ascii_digit() || is_token_char(c)) {
                    continue;
                }
                let mut cap = (i + MAX_TOKEN).min(view.len());
                while !view.is_char_boundary(cap) {
                    cap -= 1;
                }
                let t = &view[i..cap];
                assert_eq!(token_match(t), re.find(t).map_or(0, |m| m.end()), "{t}");
                compared += 1;
            }
        }
        assert!(compared > 1000, "{compared}");
    }

    fn read(s: &str) -> Option<(f64, &str)> {
        read_number(s, 0)
            .ok()
            .map(|n| (n.value, &s[n.start..n.end]))
    }

    #[test]
    fn reads_every_form_whole() {
        let table: &[(&str, f64, &str, &str)] = &[
            ("64项", 64.0, "64", "Arabic"),
            ("1,234,567件", 1_234_567.0, "1,234,567", "thousands groups"),
            ("1,200.5元", 1200.5, "1,200.5", "groups and a fraction"),
            ("3.5个", 3.5, "3.5", "decimal"),
            ("1 . 2亿元", 1.2, "1 . 2", "spaces around the point"),
            (
                "1.35亿元",
                1.35,
                "1.35",
                "the magnitude belongs to the unit",
            ),
            (
                "500余万元",
                500.0,
                "500",
                "approximate magnitude belongs to the unit",
            ),
            ("一千三件", 1300.0, "一千三", "abbreviated tail after 千"),
            (
                "两千三百五件",
                2350.0,
                "两千三百五",
                "abbreviated tail after 百",
            ),
            ("九万四件", 94_000.0, "九万四", "abbreviated tail after 万"),
            (
                "四十五亿四千零四万件",
                4_540_040_000.0,
                "四十五亿四千零四万",
                "亿 and 万 groups",
            ),
            ("四万亿件", 4e12, "四万亿", "万亿"),
            (
                "七十八万五佰零六件",
                780_506.0,
                "七十八万五佰零六",
                "financial 佰 among common",
            ),
            (
                "拾六万零五百零六件",
                160_506.0,
                "拾六万零五百零六",
                "leading 拾",
            ),
            ("十五点七件", 15.7, "十五点七", "Chinese decimal"),
            ("零点五个百分点", 0.5, "零点五", "a decimal below one"),
            (
                "一百点五平方米",
                100.5,
                "一百点五",
                "a point after a whole section",
            ),
            (
                "二十点五万元",
                205_000.0,
                "二十点五万",
                "a point after 十, then 万",
            ),
            ("壹佰伍拾元", 150.0, "壹佰伍拾", "financial"),
            ("肆拾肆件", 44.0, "肆拾肆", "financial with a tail digit"),
            ("一百零五件", 105.0, "一百零五", "零 keeps the place"),
            ("3万4000件", 34_000.0, "3万4000", "mixed"),
            ("25万6千人", 256_000.0, "25万6千", "mixed with 千"),
            ("1千零20件", 1020.0, "1千零20", "mixed with 零"),
            (
                "2千零30万元",
                20_300_000.0,
                "2千零30万",
                "mixed ending in 万",
            ),
            ("一千多万人", 1e7, "一千多万", "approximate inside"),
            ("十多万件", 1e5, "十多万", "approximate after 十"),
            ("二十几万", 2e5, "二十几万", "几"),
            ("两次", 2.0, "两", "两"),
            ("十九届", 19.0, "十九", "a number; the pass rejects 届"),
        ];
        for &(s, v, lit, why) in table {
            assert_eq!(read(s), Some((v, lit)), "{s}: {why}");
        }
    }

    #[test]
    fn reads_nothing_rather_than_a_tail() {
        let table: &[(&str, &str)] = &[
            ("一一对应", "two digits in a row"),
            ("三五成群", "two digits in a row"),
            ("12,3456件", "a broken thousands group"),
            ("1.2.3版", "a version number"),
            ("一12个", "Chinese digit then Arabic"),
            ("十十", "repeated multiplier"),
            ("亿亿亿亿亿亿亿亿亿亿亿", "repeated 亿"),
            ("伍3支", "a financial digit is no numeral beside Arabic"),
            ("陆续", "a financial digit without a multiplier"),
            ("零件", "a leading zero is a word"),
        ];
        for &(s, why) in table {
            assert_eq!(read(s), None, "{s}: {why}");
        }
        // The scan resumes after the whole token, or after one everyday character.
        assert_eq!(read_number("12,3456件", 0), Err("12,3456".len()));
        assert_eq!(read_number("伍3支", 0), Err("伍".len()));
        assert_eq!(read_number("伍3支", "伍".len()).map(|n| n.value), Ok(3.0));
        // `收拾` is a verb: its `拾` is no 10.
        assert!(read_number("收拾一件", "收".len()).is_err());
        assert_eq!(read_number("拾一件", 0).map(|n| n.value), Ok(11.0));
    }

    #[test]
    fn never_starts_inside_a_number() {
        let table: &[(&str, usize, bool, &str)] = &[
            (
                "十五点七件",
                "十五点".len(),
                true,
                "after 点 between numerals",
            ),
            (
                "1,234,567件",
                "1,234,".len(),
                true,
                "after a thousands comma",
            ),
            (
                "12,15,20件",
                "12,".len(),
                false,
                "a list comma is no thousands comma",
            ),
            ("3.5个", "3.".len(), true, "after a decimal point"),
            ("一千三件", "一千".len(), true, "after a Chinese numeral"),
            (
                "１２件",
                "１".len(),
                true,
                "full-width digits in the original text",
            ),
            (
                "队伍3支",
                "队伍".len(),
                false,
                "a financial digit is an everyday character",
            ),
            ("受理12件", "受理".len(), false, "a number's real start"),
            ("廿二件", "廿".len(), true, "after the archaic 廿 (20)"),
            ("数十件", "数".len(), true, "an indefinite first digit"),
            ("几十件", "几".len(), true, "an indefinite first digit"),
            (
                "人数120人",
                "人数".len(),
                false,
                "数 before Arabic digits is a word",
            ),
        ];
        for &(s, i, want, why) in table {
            assert_eq!(continues_number(s, i), want, "{s}: {why}");
        }
        assert!(read_number("3.5个", 2).is_err());
    }

    #[test]
    fn reads_a_bare_magnitude_only_where_it_stands_for_a_number() {
        /// Text, the magnitude's character, the value and text read (or none), why.
        type Row = (
            &'static str,
            &'static str,
            Option<(f64, &'static str)>,
            &'static str,
        );
        let table: &[Row] = &[
            ("百余人次", "百", Some((100.0, "百")), "before 余"),
            ("千余次", "千", Some((1000.0, "千")), "before 余"),
            ("万多人", "万", Some((1e4, "万")), "before 多"),
            ("逾千件", "千", Some((1000.0, "千")), "after 逾"),
            ("近千个", "千", Some((1000.0, "千")), "after 近"),
            ("超过千人", "千", Some((1000.0, "千")), "after 超过"),
            ("上万人", "万", Some((1e4, "万")), "after 上"),
            (
                "上千万元",
                "千",
                Some((1e7, "千万")),
                "a larger group after it",
            ),
            (
                "百余万元",
                "百",
                Some((1e6, "百余万")),
                "余 between the groups",
            ),
            ("百万余元", "百", Some((1e6, "百万")), "余 after the groups"),
            ("数百人", "百", None, "数: no definite value"),
            ("数百余人", "百", None, "数 takes the 百 with it"),
            ("好几百人", "百", None, "几"),
            ("成百上千", "千", None, "an idiom"),
            ("千方百计", "千", None, "neither 余 nor a qualifier"),
            ("百姓", "百", None, "a word"),
            ("线上千人", "千", None, "线上 is a word"),
            ("以上千人", "千", None, "以上 is a word"),
            ("一千余件", "千", None, "the tail of 一千"),
            ("逾千三百件", "千", None, "a numeral after it"),
            ("逾千百件", "千", None, "a smaller group after it"),
        ];
        for &(s, at, want, why) in table {
            let i = s.find(at).unwrap();
            let got = read_number(s, i)
                .ok()
                .map(|n| (n.value, &s[n.start..n.end]));
            assert_eq!(got, want, "{s}: {why}");
            assert_eq!(
                bare_magnitude_at(s, i),
                want.is_some() || s.starts_with("逾千"),
                "{s}"
            );
        }
        assert_eq!(read_number("百余万元", 0).unwrap().approx, Some("余"));
    }

    #[test]
    fn parses_whole_strings() {
        assert_eq!(parse_number("两千三百五"), Some(2350.0));
        assert_eq!(parse_number("1,234"), Some(1234.0));
        assert_eq!(parse_number("12件"), None);
        assert_eq!(parse_number(""), None);
    }
}
