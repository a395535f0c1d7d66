//! Rendering list numbers as text, shared by the Word readers: `format_number` turns a counter
//! into the digits of a Word number format (`chineseCounting` 1 → 一, `decimalEnclosedCircle`
//! 1 → ①), `suffix` decides what follows a marker. `.docx` names formats as these strings;
//! `.doc` numbers them (MSONFC) and its reader maps the numbers to these names.

/// What follows the marker: Word's tab (default) becomes nothing after CJK punctuation and a
/// space after anything else, so `一、标题` and `1. 标题` read as typed.
pub(crate) fn suffix(nothing: bool, marker: &str) -> &'static str {
    let ends_cjk = marker.ends_with(|c: char| {
        matches!(c, '、' | '）' | '．' | '，' | '。' | '：' | '】' | '〕') || !c.is_ascii()
    });
    if nothing || marker.is_empty() || ends_cjk {
        ""
    } else {
        " "
    }
}

// ---- number formats ---------------------------------------------------------------------

const CN_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// Renders `n` in a Word number format (`w:numFmt/@w:val`).
pub(crate) fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting"
        | "koreanCounting" => chinese_counting(n, &CN_DIGITS, ['十', '百', '千'], '〇'),
        "chineseLegalSimplified" => chinese_counting(n, &CN_LEGAL, ['拾', '佰', '仟'], '零'),
        "ideographLegalTraditional" => chinese_counting(
            n,
            &['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'],
            ['拾', '佰', '仟'],
            '零',
        ),
        "ideographTraditional" => cycle(n, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => cycle(n, "子丑寅卯辰巳午未申酉戌亥"),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|d| CN_DIGITS[d.to_digit(10).unwrap_or(0) as usize])
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            enclosed(n, 20, '\u{2460}', format)
        }
        "decimalEnclosedParen" => enclosed(n, 20, '\u{2474}', format),
        "decimalEnclosedFullstop" => enclosed(n, 20, '\u{2488}', format),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|d| char::from_u32(d as u32 - '0' as u32 + 0xFF10).unwrap_or(d))
            .collect(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "lowerLetter" => letters(n, b'a'),
        "upperLetter" => letters(n, b'A'),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百〇五, 1000 → 一千; beyond 9999 in digits.
fn chinese_counting(n: u32, digits: &[char; 10], units: [char; 3], zero: char) -> String {
    if n == 0 {
        return digits[0].to_string();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let parts = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut pending_zero = false;
    for (i, &d) in parts.iter().enumerate() {
        if d == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push(zero);
            pending_zero = false;
        }
        // 十一, not 一十一, when the number starts with the tens.
        if !(i == 2 && d == 1 && out.is_empty() && units[0] == '十') {
            out.push(digits[d as usize]);
        }
        if i < 3 {
            out.push(units[2 - i]);
        }
    }
    out
}

fn cycle(n: u32, chars: &str) -> String {
    let v: Vec<char> = chars.chars().collect();
    v[(n.max(1) as usize - 1) % v.len()].to_string()
}

fn enclosed(n: u32, max: u32, first: char, format: &str) -> String {
    if (1..=max).contains(&n) {
        char::from_u32(first as u32 + n - 1).map_or_else(|| n.to_string(), |c| c.to_string())
    } else if format == "decimalEnclosedParen" {
        format!("({n})")
    } else {
        n.to_string()
    }
}

fn letters(n: u32, base: u8) -> String {
    // Word repeats the letter: a … z, aa … zz.
    let n = n.max(1) - 1;
    let c = (base + (n % 26) as u8) as char;
    std::iter::repeat_n(c, (n / 26 + 1).min(50) as usize).collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        // (value, format, expected, reason)
        let rows: &[(u32, &str, &str, &str)] = &[
            (1, "chineseCounting", "一", "first heading 一、"),
            (10, "chineseCounting", "十", "ten is 十, not 一十"),
            (11, "chineseCounting", "十一", "teens start with 十"),
            (20, "chineseCounting", "二十", "tens"),
            (105, "chineseCounting", "一百〇五", "inner zero"),
            (
                110,
                "chineseCountingThousand",
                "一百一十",
                "一十 inside a larger number",
            ),
            (1000, "chineseCountingThousand", "一千", "thousand"),
            (3, "chineseLegalSimplified", "叁", "financial numerals"),
            (
                12,
                "chineseLegalSimplified",
                "壹拾贰",
                "legal numerals keep 壹拾",
            ),
            (2, "ideographTraditional", "乙", "甲乙丙丁"),
            (
                11,
                "ideographTraditional",
                "甲",
                "heavenly stems cycle after 癸",
            ),
            (1, "decimalEnclosedCircle", "①", "circled one"),
            (
                20,
                "decimalEnclosedCircleChinese",
                "⑳",
                "last circled number",
            ),
            (
                21,
                "decimalEnclosedCircle",
                "21",
                "no circled 21 in the BMP block",
            ),
            (3, "decimalEnclosedParen", "⑶", "parenthesised digit"),
            (3, "decimalFullWidth", "３", "full-width digit"),
            (7, "decimalZero", "07", "zero padded"),
            (28, "lowerLetter", "bb", "letters repeat after z"),
            (14, "upperRoman", "XIV", "roman"),
            (1, "none", "", "no number"),
            (
                5,
                "somethingNew",
                "5",
                "unknown formats fall back to decimal",
            ),
        ];
        for (n, f, want, why) in rows {
            assert_eq!(format_number(*n, f), *want, "{n} {f}: {why}");
        }
    }
}
