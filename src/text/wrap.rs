//! Lines broken by the page: text copied out of a PDF viewer (or a scan's OCR layer) has a
//! line break wherever the page wrapped a line, so a paragraph is several lines, a heading
//! can lose its last characters to the next line (`二、…第一责任人职责情` / `况`) and a figure
//! can be cut from its measure word (`240` / `余件次`). The normalised view joins such lines
//! ([`super::Normalized`]); spans still cover the original characters, and titles and subjects
//! read without the breaks.
//!
//! **The text must look hard-wrapped** ([`wrap_width`]): among its lines of 30 columns or more
//! (a Chinese character or full-width mark is two columns, other characters one, spaces none,
//! so OCR spacing does not count), at least eight and 40 % end within four columns of one
//! width `W`, the page's measure, and at most 5 % are wider than `W + 1`. Web copies and
//! typed files hold a paragraph per line, of every length: they never qualify, and keep every
//! line break.
//!
//! **A break is joined** ([`joined_breaks`]) when the line before it is full and the line
//! after it goes on:
//! - full: at least `W − 2` columns when the line ends a sentence (`。`, `；`, `！`, `？`), at
//!   least `W − 8` otherwise (the first line of a paragraph is indented, and half-width
//!   characters and punctuation compression make lines a few columns short);
//! - goes on: it is not empty, does not start with a space, a tab or an ideographic space (an
//!   indent), and does not start with a heading marker (`一、`, `（一）`, `(1)`, `1.`, `1、`,
//!   `①`, `一是`, `第一，`, `第一部分`, `第一章`), nor is a Latin word cut in two
//!   (`App` / `Store` keeps its break).
//!
//! The break's trailing spaces and `\r` go with it. Look-alikes that keep their breaks: a
//! heading on its own line (short), the last line of a paragraph (short), a line followed by
//! the next heading (marker) or an indented paragraph.

/// Lines narrower than this (columns) say nothing about the page's measure.
const MIN_COLUMNS: usize = 30;
/// How much of a text [`wrap_width`] reads: a copied document shows its measure on every page,
/// and 64 KB hold several hundred of its lines.
const SAMPLE_BYTES: usize = 64 * 1024;

/// The columns of a line: two for a character from U+3000 on (CJK characters and marks,
/// full-width forms), none for a space, one otherwise. Counted on the UTF-8 bytes (a lead
/// byte from `E3` on starts a two-column character), which vectorises.
fn width(line: &str) -> usize {
    let b = line.as_bytes();
    let chars = b.iter().filter(|&&x| x & 0xC0 != 0x80).count();
    let wide = b.iter().filter(|&&x| x >= 0xE3).count();
    let spaces = b.iter().filter(|&&x| x == b' ').count();
    chars + wide - spaces
}

/// A line without its trailing spaces, tabs and `\r`.
fn trim_end(line: &str) -> &str {
    line.trim_end_matches([' ', '\t', '\r'])
}

/// The page's measure `W` (columns) when `s` looks hard-wrapped (see the module docs), judged
/// on its first [`SAMPLE_BYTES`].
pub fn wrap_width(s: &str) -> Option<usize> {
    let mut end = s.len().min(SAMPLE_BYTES);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let mut widths: Vec<usize> = s[..end]
        .split('\n')
        .map(trim_end)
        .filter(|l| l.len() >= MIN_COLUMNS)
        .map(width)
        .filter(|&w| w >= MIN_COLUMNS)
        .collect();
    if widths.len() < 8 {
        return None;
    }
    widths.sort_unstable();
    // For each candidate W (a width that occurs), the lines within [W − 4, W]: a window over
    // the sorted widths.
    let (mut best_w, mut best_n, mut lo) = (0, 0, 0);
    for hi in 0..widths.len() {
        while widths[lo] + 4 < widths[hi] {
            lo += 1;
        }
        if hi - lo + 1 >= best_n {
            (best_w, best_n) = (widths[hi], hi - lo + 1);
        }
    }
    let wider = widths.len() - widths.partition_point(|&w| w <= best_w + 1);
    (best_n >= 8 && best_n * 5 >= widths.len() * 2 && wider * 20 <= widths.len()).then_some(best_w)
}

/// How surely a marker at the start of a line begins a heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    /// Bracketed or circled numbers and `第…部分/章/节/篇/条`: rarely met inside a sentence.
    Strong,
    /// `一、`, `一是`, `1.`, `1、`, `第一，`: also the tail of a sentence broken before it
    /// (`多证合` / `一、证照分离`).
    Weak,
}

/// The heading marker `line` starts with, if any (see the module docs).
fn marker(line: &str) -> Option<Marker> {
    const CN: &str = "一二三四五六七八九十百零〇两";
    let numeral = |c: char| c.is_ascii_digit() || CN.contains(c);
    let mut chars = line.chars();
    let first = chars.next()?;
    let rest: String = chars.take(8).collect();
    // The first character of `rest` after the characters `pred` accepts.
    let after = |pred: &dyn Fn(char) -> bool| rest.chars().find(|&c| !pred(c));
    let strong = |yes: bool| yes.then_some(Marker::Strong);
    let weak = |yes: bool| yes.then_some(Marker::Weak);
    match first {
        '①'..='⑳' | '⑴'..='⒇' | '⒈'..='⒛' => Some(Marker::Strong),
        '(' | '（' => strong(
            rest.chars().next().is_some_and(numeral) && matches!(after(&numeral), Some(')' | '）')),
        ),
        '0'..='9' => {
            let mut it = rest.chars().skip_while(char::is_ascii_digit);
            weak(match it.next() {
                // `1.` but not `1.5倍`; `1、`; `1)`.
                Some('.' | '．') => !it.next().is_some_and(|c| c.is_ascii_digit()),
                Some('、' | ')' | '）') => true,
                _ => false,
            })
        }
        '第' if rest.chars().next().is_some_and(numeral) => {
            let mut it = rest.chars().skip_while(|&c| numeral(c));
            match it.next() {
                Some('章' | '节' | '篇' | '条') => Some(Marker::Strong),
                Some('部') => strong(it.next() == Some('分')),
                Some('，' | ',' | '、' | '是') => Some(Marker::Weak),
                _ => None,
            }
        }
        c if CN.contains(c) => weak(matches!(
            after(&|c: char| CN.contains(c)),
            Some('、' | '是' | '.' | '．')
        )),
        _ => None,
    }
}

/// The byte ranges of `s` that [`wrap_width`] and the module's rules join: each a line break
/// with the trailing spaces and `\r` before it, ascending. Empty when the text does not look
/// hard-wrapped.
pub fn joined_breaks(s: &str) -> Vec<(usize, usize)> {
    let Some(w) = wrap_width(s) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(k) = s[start..].find('\n') {
        let nl = start + k;
        let line = trim_end(&s[start..nl]);
        let next_start = nl + 1;
        let next = s[next_start..].split('\n').next().unwrap_or("");
        let (last, cols) = (line.chars().next_back(), width(line));
        let full = match last {
            Some('。' | '；' | '！' | '？' | ';' | '!' | '?') => cols + 2 >= w,
            Some(_) => cols + 8 >= w,
            None => false,
        };
        let first = next.chars().next();
        // A weak marker after a line that reaches the margin mid-word (no punctuation at its
        // end) is the sentence going on, unless that line is a heading itself (a marker and
        // no sentence in it: `二、…职责情况` / `一是…`).
        let mid_word = || {
            last.is_some_and(|c| c.is_alphanumeric())
                && cols + 6 >= w
                && (marker(line).is_none() || line.contains(['。', '；', ';']))
        };
        let goes_on = first.is_some_and(|c| !matches!(c, ' ' | '\t' | '\r' | '\u{3000}'))
            && match marker(next) {
                None => true,
                Some(Marker::Weak) => mid_word(),
                Some(Marker::Strong) => false,
            };
        let latin_word = last.is_some_and(|c| c.is_ascii_alphabetic())
            && first.is_some_and(|c| c.is_ascii_alphabetic());
        if full && goes_on && !latin_word {
            out.push((start + line.len(), next_start));
        }
        start = next_start;
    }
    out
}

/// `s` without line breaks and the whitespace before them: a slice of the original that a
/// span of the view covers holds only joined breaks.
pub fn without_breaks(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('\n') {
        return s.into();
    }
    s.split('\n').map(trim_end).collect::<String>().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` broken every `n` characters, as a PDF viewer's copy breaks it.
    fn wrapped(text: &str, n: usize) -> String {
        let mut out = Vec::new();
        for line in text.lines() {
            let chars: Vec<char> = line.chars().collect();
            if chars.is_empty() {
                out.push(String::new());
            }
            for piece in chars.chunks(n) {
                out.push(piece.iter().collect());
            }
        }
        out.join("\n")
    }

    fn joined(s: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for (a, b) in joined_breaks(s) {
            out.push_str(&s[at..a]);
            at = b;
        }
        out.push_str(&s[at..]);
        out
    }

    const PARAGRAPHS: &str = "一、主要举措和成效\n（一）加强组织领导，落实领导责任。党政主要负责人认真履行法治建设第一责任人职责，将履行职责情况全面纳入年终述职内容，把法治政府建设列入年度工作计划，与经济社会工作同部署同推进同考核。\n（二）深化法治改革，推行数字法治。持续推进综合行政执法体制改革，推广运用“掌上执法”平台，发布巡查任务63项，进行现场处罚4次，开展创新审批服务240余件次，明确帮办员2名、代办员209名。\n二、存在的不足和原因\n一是个别工作人员法治意识薄弱。二是执法规范化建设还有待加强，执法人员数量不足，专业能力有待提高，执法装备保障还需要进一步加强。\n";

    #[test]
    fn a_copy_broken_by_the_page_reads_as_its_paragraphs() {
        let text = PARAGRAPHS.repeat(3);
        let copy = wrapped(&text, 28);
        assert_eq!(wrap_width(&copy), Some(56));
        assert_eq!(joined(&copy), text.trim_end());
    }

    #[test]
    fn typed_text_and_web_copies_keep_their_breaks() {
        assert_eq!(
            wrap_width(&PARAGRAPHS.repeat(3)),
            None,
            "a paragraph per line"
        );
        let short = "一、加强领导\n二、完善制度\n".repeat(20);
        assert_eq!(wrap_width(&short), None, "short lines say nothing");
    }

    #[test]
    fn headings_indents_and_short_lines_keep_their_breaks() {
        let body = "持续推进综合行政执法体制改革推广运用掌上执法平台让数据多跑腿执法更";
        let mut copy = format!("{body}\n").repeat(10);
        copy.push_str(&format!("{body}\n（三）健全决策机制\n"));
        copy.push_str(&format!("{body}\n　　新的段落开始\n"));
        // A paragraph's end, or a heading, before `1.` and `一是`.
        copy.push_str(&format!("{body}。\n1.第一项工作\n"));
        copy.push_str("二、党政主要负责人履行推进法治建设第一责任人职责情况\n一是加强领导\n");
        copy.push_str(&format!("{body}\n第二部分 工作安排\n"));
        copy.push_str("短的一行。\n接着的一行\n");
        let j = joined(&copy);
        for kept in [
            "\n（三）",
            "\n　　新",
            "\n1.第一",
            "\n一是",
            "\n第二部分",
            "短的一行。\n接着",
        ] {
            assert!(j.contains(kept), "{kept:?} keeps its break: {j}");
        }
        assert!(!j.contains("更\n持"), "full lines join: {j}");
        // `1.5倍` continues a sentence; `App` / `Store` is a Latin word.
        let mut copy = format!("{body}\n").repeat(10);
        copy.push_str(&format!("{body}\n1.5倍\n"));
        copy.push_str("持续推进综合行政执法体制改革推广运用掌上执法平台让数据多跑腿App\nStore\n");
        let j = joined(&copy);
        assert!(j.contains("更1.5倍"), "{j}");
        assert!(j.contains("App\nStore"), "{j}");
    }

    #[test]
    fn markers_are_told_from_continuations() {
        for m in ["（一）加强", "(1)规范", "①健全", "第三章 附则", "第一部分"] {
            assert_eq!(marker(m), Some(Marker::Strong), "{m}");
        }
        for m in ["一、总体", "1.落实", "12、推进", "一是加强", "第一，"] {
            assert_eq!(marker(m), Some(Marker::Weak), "{m}");
        }
        for m in [
            "1.5倍",
            "2023年",
            "一体化",
            "第一责任人",
            "（试行）",
            "十九届",
            "100%",
        ] {
            assert_eq!(marker(m), None, "{m}");
        }
    }

    #[test]
    fn a_sentence_broken_before_a_marker_look_alike_goes_on() {
        let body = "持续推进综合行政执法体制改革推广运用掌上执法平台有序推进多证合";
        let mut copy = format!("{body}\n").repeat(10);
        copy.push_str(&format!(
            "{body}\n一、证照分离等工作持续推进综合行政执法体制改革推广运用\n"
        ));
        copy.push_str("二、完善依法行政制度体系\n");
        let j = joined(&copy);
        assert!(j.contains("多证合一、证照分离"), "{j}");
        assert!(j.contains("\n二、完善"), "{j}");
    }

    #[test]
    fn trailing_whitespace_goes_with_the_break() {
        let line = "持续推进综合行政执法体制改革推广运用掌上执法平台让数据多跑腿执法更";
        let copy = format!("{line} \r\n").repeat(12);
        let j = joined(&copy);
        assert_eq!(j, line.repeat(12) + " \r\n");
        assert_eq!(without_breaks("职责情 \r\n况"), "职责情况");
    }
}
