//! OCR spacing: the single spaces that OCR engines put between Chinese characters, and that
//! text copied out of an OCR'd PDF keeps (`一 、 加 强 组 织 领 导 , 强 力 推进`,
//! `(一 ) 健 全 依法 行政`). They carry no meaning in this genre, so the normalised view drops
//! them ([`super::Normalized`]); spans still cover the original characters, and titles and
//! subjects shown to the user are read without them ([`super::Normalized::clean`]).
//!
//! A space is dropped when it is **one** U+0020 (not part of a run) and its neighbours are:
//! - a Han character and a Han character or a prose punctuation mark, in either order
//!   (`组 织`, `领 导 ,`, `, 强`, `一 、`);
//! - a Han character and a digit, in either order (`2023 年`, `全 区 39 个`: a figure and
//!   its measure word, a year in a heading);
//! - an opening bracket and a Han character or a digit, or the reverse at a closing bracket
//!   (`( 一`, `一 )`, `1 )`);
//! - anything but a space before `、` (`1 、`).
//!
//! Kept: the space after a numbered label at the start of a line (`第一部分 总体情况`,
//! `第三章 附则`: how such headings are written); runs of two or more spaces (column and run-in separators in web copies: `项目  数量`,
//! `落实主体责任  深入学习`), tabs and ideographic spaces, spaces next to Latin letters or between
//! digits (`APP 应用`, `1 000`, `12 500 元` keeps its group), and every line break.
//!
//! Web copies also hold a few single spaces between Han characters (`大 中 小`, names in a list):
//! the rule applies only to text that looks recognised, where such spaces are common
//! ([`looks_ocr_spaced`]); other text keeps every space.

use std::borrow::Cow;

/// Han–space–Han occurrences that make a text look OCR-spaced, at least …
const MIN_SPACED: usize = 20;
/// … and at least one per this many Han characters.
const HAN_PER_SPACED: usize = 50;

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF) || c == '〇'
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '；'
            | '：'
            | '？'
            | '！'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '…'
            | '—'
            | '·'
            | ','
            | ';'
            | ':'
            | '?'
            | '!'
            | '('
            | ')'
    )
}

fn is_opener(c: char) -> bool {
    matches!(c, '(' | '（' | '〔' | '【' | '[' | '《' | '“')
}

fn is_closer(c: char) -> bool {
    matches!(c, ')' | '）' | '〕' | '】' | ']' | '》' | '”')
}

/// The character that ends at byte `i` of `s` (a char boundary).
fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// True when the line before byte `i` is a numbered label such as `第一部分`, `第三章`,
/// `第 二 篇` (spaces allowed): the space after it separates the label from its title, as
/// such headings are written, and stays.
fn after_numbered_label(s: &str, i: usize) -> bool {
    let start = s[..i].rfind('\n').map_or(0, |k| k + 1);
    if i - start > 40 {
        return false;
    }
    let label: String = s[start..i].chars().filter(|c| !c.is_whitespace()).collect();
    let Some(rest) = label.strip_prefix('第') else {
        return false;
    };
    let Some(number) = ["部分", "篇", "章", "节", "条"]
        .iter()
        .find_map(|k| rest.strip_suffix(k))
    else {
        return false;
    };
    !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十百零〇两".contains(c))
}

/// True when the space at byte `i` of `s` (`s.as_bytes()[i] == b' '`) is OCR spacing by the
/// module's rules.
pub(crate) fn drops(s: &str, i: usize) -> bool {
    let bytes = s.as_bytes();
    if i == 0 || bytes.get(i + 1).is_none_or(|&b| b == b' ') || bytes[i - 1] == b' ' {
        return false;
    }
    if after_numbered_label(s, i) {
        return false;
    }
    let (Some(p), Some(n)) = (char_before(s, i), s[i + 1..].chars().next()) else {
        return false;
    };
    (is_han(p) && (is_han(n) || is_punct(n)))
        || (is_punct(p) && is_han(n))
        || (is_han(p) && n.is_ascii_digit())
        || (p.is_ascii_digit() && is_han(n))
        || (is_opener(p) && (is_han(n) || n.is_ascii_digit()))
        || ((is_han(p) || p.is_ascii_digit()) && is_closer(n))
        || (n == '、' && !p.is_whitespace())
}

/// How much of a text [`looks_ocr_spaced`] reads: recognised text shows its spacing on every
/// page, and a bounded look keeps the test's cost flat on a 10 MB batch.
const SAMPLE_BYTES: usize = 256 * 1024;

/// True when `s` has many single spaces between Han characters, as recognised text does
/// (judged on its first [`SAMPLE_BYTES`]).
pub fn looks_ocr_spaced(s: &str) -> bool {
    let bytes = &s.as_bytes()[..s.len().min(SAMPLE_BYTES)];
    // Han characters of the BMP are three bytes with a lead byte E3–E9. Two plain passes
    // (the count vectorises; spaces are rare in typed Chinese) cost less than one that
    // branches on every byte.
    let lead = |b: &u8| (0xE3..=0xE9).contains(b);
    let han = bytes.iter().filter(|b| lead(b)).count();
    let spaced = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| {
            b == b' '
                && i >= 3
                && lead(&bytes[i - 3])
                && bytes.get(i + 1).is_some_and(lead)
                && !after_numbered_label(s, i)
        })
        .count();
    spaced >= MIN_SPACED && spaced * HAN_PER_SPACED >= han
}

/// `s` without its OCR spacing (the rules, without the whole-text test).
pub fn without_ocr_spaces(s: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        if b == b' ' && drops(s, i) {
            out.push_str(&s[run..i]);
            run = i + 1;
        }
    }
    if run == 0 {
        return s.into();
    }
    out.push_str(&s[run..]);
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_the_spaces_ocr_puts_between_chinese_characters() {
        let rows = [
            (
                "一 、 加 强 组 织 领 导 , 强 力 推进",
                "一、加强组织领导,强力推进",
                "heading and prose from tesseract",
            ),
            (
                "(一 ) 健 全 依法 行政",
                "(一)健全依法行政",
                "a marker with a space inside its bracket",
            ),
            (
                "( 二) 完善",
                "(二)完善",
                "a space after the opening bracket",
            ),
            ("1 、落实", "1、落实", "a digit marker before 、"),
            (
                "（1 ）规范",
                "（1）规范",
                "full-width brackets round a digit",
            ),
            (
                "全 区 39 个 部 门",
                "全区39个部门",
                "a figure and its measure word",
            ),
            (
                "一 、2023 年 推 进",
                "一、2023年推进",
                "a year in a heading",
            ),
            (
                "共 1 000 人",
                "共1 000人",
                "a thousands group keeps its space",
            ),
            ("项目  数量", "项目  数量", "two spaces separate columns"),
            (
                "APP 应用 与 Windows 系统",
                "APP 应用与 Windows 系统",
                "spaces next to Latin words stay",
            ),
            ("1 000 元", "1 000元", "a thousands group stays"),
            ("第一部分\t总体情况", "第一部分\t总体情况", "a tab stays"),
            (
                "第一部分　总体情况",
                "第一部分　总体情况",
                "an ideographic space stays",
            ),
            (
                "第二章 加 强 领 导",
                "第二章 加强领导",
                "the space after a numbered label stays",
            ),
            (
                "第 一 部 分 总 体",
                "第一部分 总体",
                "also when the label itself is spaced",
            ),
            (
                "推进第一部分 工作",
                "推进第一部分工作",
                "a label inside a sentence is no heading",
            ),
        ];
        for (input, expected, why) in rows {
            assert_eq!(without_ocr_spaces(input), expected, "{why}: {input:?}");
        }
    }

    #[test]
    fn only_text_with_many_spaced_han_looks_recognised() {
        let web = "发布日期:2024-02-23 大 中 小\n2023年以来,白沙镇坚持依法行政,张三 李四参加培训。"
            .repeat(3);
        assert!(
            !looks_ocr_spaced(&web),
            "a web copy with a few spaced characters"
        );
        let ocr = "加 强 组 织 领 导 , 健 全 工 作 机 制 , 落 实 主 体 责 任 。".repeat(3);
        assert!(looks_ocr_spaced(&ocr), "recognised text");
        assert!(!looks_ocr_spaced("加 强"), "too short to tell");
    }
}
