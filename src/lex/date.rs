//! Years and dates, read one way for every pass: the report's year and publication date
//! ([`crate::passes::document`]), later years in the body (`year-mismatch` in
//! [`crate::checks::figures`]), years dropped from comparison keys
//! ([`crate::output::compare`]) and the year before a subject ([`crate::passes::indicator`]).
//!
//! ## Grammar (on the normalised view)
//! ```text
//! year  = [0-9]{4} [年 [度]]            2019年  2021年度  2019 (bare: not before a digit or `.`)
//!       | [〇零○O一二三四五六七八九]{4} 年 [度]      二〇二一年
//! date  = [0-9]{4} ␣sep␣ [0-9]{1,2} ␣sep␣ [0-9]{1,2}     2020-01-24  2020/1/24  2020.01.24
//!                                                       2020年1月10日  2020 年 1 月 10 日
//!       | [0-9]{1,2} sep [0-9]{1,2} sep [0-9]{4}         08.01.2018 (day first)
//! sep   = - / . (and 年 月 in the first form)
//! ```
//! A year is never read inside a longer number (`12020年`: the character before is a digit)
//! and a date never ends inside one (`2020-01-245`). Months run 1–12, days 1–31. Callers
//! choose the years they accept (a report year is 1990–2099).
//!
//! ## Patterns
//! regex-lite expressions compiled once and run anchored at candidate positions: where a
//! run of four digits ends at `年` (found with a byte search for `年`), or where the first
//! digit of a date line starts — never over the whole text (see [`crate::lex::number`] for
//! the engine's size and cost).

use regex_lite::Regex;
use std::sync::LazyLock;

// ---- patterns -------------------------------------------------------------------------

/// A year with or without `年`. Matches `2019年`, `2021年度`, `二〇二一年`, `2019`; the code
/// rejects `2019.5` and `20190` (bare years before `.` or a digit) and Chinese years without
/// `年`.
pub const YEAR_PATTERN: &str = "^(?:[0-9]{4}|[〇零○O一二三四五六七八九]{4})(?:年度?)?";

/// A date, year first. Matches `2020-01-24`, `2020/1/24`, `2020年1月10日`; not `13:27`.
pub const DATE_YMD_PATTERN: &str =
    "^([0-9]{4}) *(?:[-/.]|年) *([0-9]{1,2}) *(?:[-/.]|月) *([0-9]{1,2})";

/// A date, day first. Matches `08.01.2018`; not `1.2.3`.
pub const DATE_DMY_PATTERN: &str = "^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})";

/// Every pattern of this module, for the test in [`crate::lex`] that compiles them all.
pub const PATTERNS: &[&str] = &[YEAR_PATTERN, DATE_YMD_PATTERN, DATE_DMY_PATTERN];

static YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(YEAR_PATTERN).ok());
static DATE_YMD: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(DATE_YMD_PATTERN).ok());
static DATE_DMY: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(DATE_DMY_PATTERN).ok());

// ---- years ----------------------------------------------------------------------------

/// A year read at some position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Year {
    /// First byte.
    pub start: usize,
    /// One past the year and its `年`/`年度`.
    pub end: usize,
    /// The year.
    pub year: u16,
    /// Written with `年`.
    pub marked: bool,
}

/// The value of a Chinese year digit (`〇` `零` `○` `O` count as 0).
fn year_digit(c: char) -> Option<u16> {
    match c {
        '0'..='9' => Some(c as u16 - '0' as u16),
        '〇' | '零' | '○' | 'O' => Some(0),
        _ => crate::lex::numeral::cn_digit(c)
            .filter(|_| c != '两')
            .map(|d| d as u16),
    }
}

/// The year starting at byte `i` of `s`, if one starts there (see the module grammar).
pub fn year_at(s: &str, i: usize) -> Option<Year> {
    // Cheap test before the pattern: a year starts with a digit.
    year_digit(s.get(i..)?.chars().next()?)?;
    let before = s.get(..i)?;
    if before.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let m = YEAR.as_ref()?.find(s.get(i..)?)?;
    let t = m.as_str();
    let marked = t.contains('年');
    let digits = t.trim_end_matches(['年', '度']);
    let ascii = digits.bytes().all(|b| b.is_ascii_digit());
    if !marked {
        // A bare year: Arabic only, not inside a longer number or a decimal.
        let rest = &s[i + m.end()..];
        if !ascii || rest.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
            return None;
        }
    }
    let year = digits
        .chars()
        .try_fold(0u16, |y, c| Some(y * 10 + year_digit(c)?))?;
    Some(Year {
        start: i,
        end: i + m.end(),
        year,
        marked,
    })
}

/// Every Arabic `YYYY年` in `s`, in order: found from the `年`s (a byte search). Four ASCII
/// digits before `年`, not after a digit, are exactly what [`YEAR_PATTERN`] matches there, so
/// the bytes decide without running the pattern (years are looked up in every sentence).
pub fn year_mentions(s: &str) -> impl Iterator<Item = Year> + '_ {
    let b = s.as_bytes();
    s.match_indices('年').filter_map(move |(e, _)| {
        let i = e.checked_sub(4)?;
        if !b[i..e].iter().all(u8::is_ascii_digit) || i > 0 && b[i - 1].is_ascii_digit() {
            return None;
        }
        let year = b[i..e].iter().fold(0u16, |y, d| y * 10 + (d - b'0') as u16);
        let mut end = e + '年'.len_utf8();
        if s[end..].starts_with('度') {
            end += '度'.len_utf8();
        }
        Some(Year {
            start: i,
            end,
            year,
            marked: true,
        })
    })
}

/// Years a report can cover.
const REPORT_YEARS: std::ops::Range<u16> = 1990..2100;

/// The first `YYYY年` in `s` that a report can cover (1990–2099).
pub fn first_year(s: &str) -> Option<u16> {
    year_mentions(s)
        .map(|y| y.year)
        .find(|y| REPORT_YEARS.contains(y))
}

/// A report year opening `s`: `2019年,…`.
pub fn leading_year(s: &str) -> Option<u16> {
    year_at(s, 0)
        .filter(|y| y.marked && REPORT_YEARS.contains(&y.year))
        .map(|y| y.year)
}

/// `s` without its years: `2021年`, `2021年度`, `二〇二一年`, and a bare `19xx`/`20xx` that is
/// not part of a longer number.
pub fn strip_years(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if year_digit(c).is_some() {
            if let Some(y) = year_at(s, i) {
                // Arabic: 19xx/20xx; Chinese: with 年 (the reader requires it).
                let ok = !c.is_ascii_digit() || (1900..2100).contains(&y.year);
                if ok {
                    i = y.end;
                    continue;
                }
            }
        }
        out.push(c);
        i += c.len_utf8();
    }
    out
}

// ---- dates ----------------------------------------------------------------------------

/// Parses the first date in `s` (after any leading non-digits): `2020-01-24`, `2020/1/24`,
/// `2020年1月10日`, `2020.01.24`, or `08.01.2018` (day first). Returns `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<String> {
    let i = s.find(|c: char| c.is_ascii_digit())?;
    let t = &s[i..];
    let num = |c: Option<regex_lite::Match<'_>>| c?.as_str().parse::<u32>().ok();
    let (y, m, d, end) = if let Some(c) = DATE_YMD.as_ref()?.captures(t) {
        (
            num(c.get(1))?,
            num(c.get(2))?,
            num(c.get(3))?,
            c.get(0)?.end(),
        )
    } else {
        let c = DATE_DMY.as_ref()?.captures(t)?;
        (
            num(c.get(3))?,
            num(c.get(2))?,
            num(c.get(1))?,
            c.get(0)?.end(),
        )
    };
    if t[end..].starts_with(|c: char| c.is_ascii_digit()) {
        return None; // `2020-01-245`
    }
    (REPORT_YEARS.contains(&(y as u16)) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_years() {
        type Row<'a> = (&'a str, Option<(u16, &'a str)>, &'a str);
        let table: &[Row] = &[
            ("2019年", Some((2019, "2019年")), "year"),
            ("2021年度报告", Some((2021, "2021年度")), "year with 度"),
            ("二〇二一年", Some((2021, "二〇二一年")), "Chinese year"),
            ("2019", Some((2019, "2019")), "bare year"),
            ("2019.5万", None, "a decimal, not a year"),
            ("20190件", None, "a longer number"),
            ("二〇二一", None, "a Chinese year needs 年"),
            ("12345", None, "five digits"),
        ];
        for &(s, want, why) in table {
            let got = year_at(s, 0).map(|y| (y.year, &s[y.start..y.end]));
            assert_eq!(got, want, "{s}: {why}");
        }
        assert_eq!(year_at("12020年", 1), None, "inside a longer number");
        let got: Vec<u16> = year_mentions("2019年和12020年及2020年")
            .map(|y| y.year)
            .collect();
        assert_eq!(got, [2019, 2020]);
        assert_eq!(first_year("梅列区2019年法治政府建设"), Some(2019));
        assert_eq!(first_year("建国1949年"), None, "no report year");
        assert_eq!(leading_year("2019年,全区"), Some(2019));
        assert_eq!(leading_year("全区2019年"), None);
    }

    #[test]
    fn the_byte_test_for_years_agrees_with_the_pattern() {
        for t in [
            "2019年",
            "2021年度",
            "x2019年",
            "12019年",
            "201年",
            "二〇二一年",
            "2019年2020年",
        ] {
            let bytes: Vec<Year> = year_mentions(t).collect();
            let pattern: Vec<Year> = (0..t.len())
                .filter(|&i| {
                    t.is_char_boundary(i) && t[i..].starts_with(|c: char| c.is_ascii_digit())
                })
                .filter_map(|i| year_at(t, i).filter(|y| y.marked))
                .collect();
            assert_eq!(bytes, pattern, "{t}");
        }
    }

    #[test]
    fn strips_years() {
        let table = [
            ("2020年全年累计培训", "全年累计培训"),
            ("二〇二一年度培训", "培训"),
            ("2021年度“双随机”抽查", "“双随机”抽查"),
            ("12345热线", "12345热线"),
            ("2019.5万元", "2019.5万元"),
            ("1800余路", "1800余路"),
        ];
        for (s, want) in table {
            assert_eq!(strip_years(s), want, "{s}");
        }
    }

    #[test]
    fn parses_dates() {
        let table: &[(&str, Option<&str>)] = &[
            ("2020-01-24 13:27", Some("2020-01-24")),
            ("2020年1月10日", Some("2020-01-10")),
            ("2020 年 1 月 10 日", Some("2020-01-10")),
            (":2020/1/24", Some("2020-01-24")),
            ("08.01.2018  19:40", Some("2018-01-08")),
            ("13:27 2020-01-24", None),
            ("2020-01-245", None),
            ("2020-13-01", None),
            ("共办理77件,办复率100%", None),
        ];
        for &(s, want) in table {
            assert_eq!(parse_date(s).as_deref(), want, "{s}");
        }
    }
}
