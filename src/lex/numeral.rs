//! Numbers written in Arabic or Chinese numerals.
//!
//! Grammar (on the normalised view, so full-width digits are already ASCII):
//!
//! * Arabic: `[0-9]+` with an optional fraction `.[0-9]+` and optional thousands groups
//!   `1,234,567` (groups of exactly three digits). `3.5`, `83875`, `1,200`.
//! * Chinese: digits `零〇一二两三四五六七八九` with the multipliers `十百千万亿`:
//!   `十` = 10, `十二` = 12, `二十` = 20, `一百零五` = 105, `三千` = 3000, `两万` = 20000.
//!
//! Not numbers here: `十九届` is a number (19) — whether it is an indicator is decided by
//! [`crate::passes::indicator`], not by this module.

/// Value of a Chinese digit character.
pub fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Value of a Chinese multiplier character.
pub fn cn_multiplier(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// True for any character of a Chinese numeral.
pub fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_multiplier(c).is_some()
}

/// Parses a whole string of Chinese numeral characters (`十二`, `一百零五`, `两万`).
/// Returns `None` for an empty or ill-formed string (`一一`, `十十`).
pub fn parse_cn(s: &str) -> Option<u64> {
    let mut total: u64 = 0; // completed 万/亿 groups
    let mut section: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    let mut any = false;
    for c in s.chars() {
        any = true;
        if let Some(d) = cn_digit(c) {
            if digit.is_some_and(|p| p != 0) {
                return None; // two digits in a row: 一一 (but 零 may precede one: 一百零五)
            }
            digit = Some(d as u64);
        } else if let Some(m) = cn_multiplier(c) {
            match m {
                10 | 100 | 1000 => {
                    let d = digit.take().unwrap_or(1);
                    if d == 0 {
                        return None;
                    }
                    section = section.checked_add(d * m)?;
                }
                _ => {
                    let v = section + digit.take().unwrap_or(0);
                    total = total
                        .checked_add(if v == 0 { 1 } else { v })?
                        .checked_mul(m)?;
                    section = 0;
                }
            }
        } else {
            return None;
        }
    }
    if !any {
        return None;
    }
    total.checked_add(section)?.checked_add(digit.unwrap_or(0))
}

/// Writes `n` (1–99) in Chinese numerals: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十.
pub fn to_cn(n: u32) -> String {
    const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n > 10 {
                D[(n - 10) as usize].to_string()
            } else {
                String::new()
            }
        ),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if !n.is_multiple_of(10) {
                D[(n % 10) as usize].to_string()
            } else {
                String::new()
            }
        ),
        _ => n.to_string(),
    }
}
/// Formats a value without a useless fraction (at most six decimals): `64`, `9.747`.
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_chinese_numerals() {
        let table = [
            ("一", Some(1)),
            ("十", Some(10)),
            ("十二", Some(12)),
            ("二十", Some(20)),
            ("二十三", Some(23)),
            ("一百零五", Some(105)),
            ("三千", Some(3000)),
            ("两万", Some(20_000)),
            ("一万二千", Some(12_000)),
            ("十九", Some(19)),
            ("一一", None),                   // not a number, two digits in a row
            ("亿亿亿亿亿亿亿亿亿亿亿", None), // overflows u64: not a number
            ("", None),
        ];
        for (s, want) in table {
            assert_eq!(parse_cn(s), want, "{s}");
        }
    }

    #[test]
    fn writes_chinese_numerals() {
        let got: Vec<String> = [1, 10, 12, 20, 35].iter().map(|&n| to_cn(n)).collect();
        assert_eq!(got, ["一", "十", "十二", "二十", "三十五"]);
    }
}
