//! Form checks (公文审校): the errors a proofreader of 公文 marks, each with a suggested fix.
//!
//! The rules come from the form-rule catalogue of the shared domain notes (GB/T 9704 公文格式,
//! GB/T 15834 标点, GB/T 15835 数字, and proofreading practice); the ids are the catalogue's.
//! Precision comes first: a rule that fires on correct text is worse than none, so every
//! rule names the look-alikes it leaves alone, and the rules that web copies trip by the
//! thousand (half-width punctuation, `1、`) are one notice per document.
//!
//! ## Pattern rules ([`RULES`], in [`rules`])
//! One row per rule: id, diagnostic code, triggers, a `regex-lite` pattern, look-alikes,
//! message and fix. A trigger is a literal of two characters or more (`#` stands for any digit) found by the
//! shared phrase scan (`checks::cues`); the pattern is then tried on a window of the line
//! around the trigger, so a rule costs nothing on lines without its trigger, and only
//! when the window holds one of the literals every match holds (the row's `needs`: `号`
//! for GW-08, a unit for NUM-02). All on the
//! normalised view (full-width `（）～％` are `()~%` there). A row may also carry its pattern
//! as plain code (`plain`: TERM-03, met at every cited 纲要 title, where the regex cost about
//! 12 k instructions a window); the tests hold it to the pattern, groups included.
//!
//! | id | accepts | rejects (look-alikes) |
//! |---|---|---|
//! | GW-08 | 发文字号 after a Han character: `[2017]2号`, `(2017)2号`, `【2017】2号`, `〔2017〕第2号`, `〔2017〕02号` | `〔2017〕2号`; court numbers `(2017)鄂01行终12号` |
//! | NUM-18 | `约`/`近`/`大约`/`接近`/`将近` + number + `余`/`多` or (≤3 characters) `左右`/`上下`/`以上`: `近1600余件`, `约100人左右` | `近年来`, `节约100余万元`, `最近3年以上`, `100余件`, `近30多元化` |
//! | NUM-02 | a range whose second value alone carries `%`, `‰`, `万` or `亿`: `15~30%`, `9-16亿`, `13~17万元` | `15%~30%`, `2021-2025年`, `100~150kg`, a date |
//! | TERM-02 | `法制政府`, `法制思维`, `法制化营商环境`, `法制中国` | `法制审核`, `法制机构`, `法制办`, `社会主义法制` |
//! | TERM-03 | `法治政府建设实施纲要` with a lost dash (`20212025年`), years that are not 2015–2020 or 2021–2025, or 法制 | any dash (`—` `-` `–` `~`), a space before 年 |
//! | NUM-14 | `党的20大`, `19届4中全会`, `十九届4中全会`, `14届全国人大2次会议` | `党的二十大`, `第20届运动会` |
//! | DUP-01 | `的的`, `了了` | `的的确确`, `不了了之`, `目的的`, `标的的`, `为了了解`, `到了了结` |
//!
//! ## Structural rules
//! * PUN-09: a `《` or `<` inside an open `《…》` on one line: the inner title takes `〈〉`.
//!   Look-alikes: `《A》《B》` side by side, `〈〉` already used, an unclosed `《` (broken text).
//! * GW-03: a heading alone on its line in the text (not run-in) whose title is one clause of
//!   at most 30 characters ending in `。`; up to two are listed, more make one notice with the
//!   count. Look-alikes: run-in headings `（一）加强领导。成立…` (also when the reader splits
//!   them off their paragraph), `一是…。` and `①…。` items, which are sentences.
//! * PUN-03: `1、` heading markers, one suggestion per document with the count.
//! * PUN-12 (detector D1): half-width `,` `;` `:` `(` `)` next to Han characters, counted
//!   on the original text; five or more make one notice per document, never one per mark.

pub mod rules;

use super::cues::LineHits;
use crate::model::{Code, Diagnostic, Section};
use crate::text::{ceil_boundary, floor_boundary, Span};
pub use rules::{Rule, RULES};
use std::collections::HashSet;

fn diagnostic(code: Code, message: String, span: Span, fix: Option<String>) -> Diagnostic {
    Diagnostic {
        code,
        severity: code.severity(),
        message,
        span,
        spans: Vec::new(),
        confidence: None,
        fix,
    }
}

/// The form checks on `text` (the normalised view) whose text lines `hits` scanned;
/// `sections` in view coordinates. In document order. The half-width notice reads the
/// original text: see [`half_width`].
pub(crate) fn check_form(text: &str, hits: &LineHits, sections: &[Section]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let lines = hits.lines();
    // A finding is met again from every trigger in its window: a set keeps this linear.
    let mut seen: HashSet<(u8, usize, usize)> = HashSet::new();
    for &(k, n, sp) in hits.forms() {
        let line = lines[n];
        let s = &text[line.start..line.end];
        let rule = &RULES[k as usize];
        let (from, to) = (sp.start - line.start, sp.end - line.start);
        let w0 = floor_boundary(s, from.saturating_sub(rule.window.0));
        let w1 = ceil_boundary(s, to + rule.window.1);
        let window = &s[w0..w1];
        if !rule.needs.is_empty() && !rule.needs.iter().any(|n| window.contains(n)) {
            continue;
        }
        for c in rules::matches(k as usize, window) {
            let m = c.span("m").unwrap_or_else(|| c.whole());
            let (ms, me) = (w0 + m.0, w0 + m.1);
            if me <= from || ms >= to || (rule.silent)(s, ms, me, &c) {
                continue;
            }
            let span = Span::new(line.start + ms, line.start + me);
            if !seen.insert((k, span.start, span.end)) {
                continue;
            }
            out.push(diagnostic(
                rule.code,
                rule.message.to_string(),
                span,
                Some((rule.fix)(&c)),
            ));
        }
    }
    for &line in lines {
        // Only a line with a `《` followed by another `《` or a `<` can nest titles.
        let s = &text[line.start..line.end];
        let Some(i) = s.find('《') else { continue };
        let rest = &s[i + '《'.len_utf8()..];
        if rest.contains('《') || rest.contains('<') {
            nested_titles(s, line.start, &mut out);
        }
    }
    heading_rules(text, lines, sections, &mut out);
    crate::text::sort::sort_by_key(&mut out, |d| d.span.start);
    out
}

/// The fix of a copy-based finding (GW-03, PUN-09) recomputed on `original`, the flagged
/// text as written, so that full-width brackets stay full-width; `None` for other codes.
pub fn refix(code: Code, original: &str) -> Option<String> {
    match code {
        Code::FormHeadingStop => original.strip_suffix('。').map(str::to_string),
        Code::FormNestedTitle => Some(inner_titles(original)),
        _ => None,
    }
}

/// A title with the titles inside it in `〈〉`.
fn inner_titles(title: &str) -> String {
    title
        .char_indices()
        .map(|(j, c)| match c {
            '《' | '<' | '＜' if j > 0 => '〈',
            '》' | '>' | '＞' if j + c.len_utf8() < title.len() => '〉',
            c => c,
        })
        .collect()
}

/// PUN-09 on one line (`base` its offset): outer titles holding a `《` or `<`.
fn nested_titles(s: &str, base: usize, out: &mut Vec<Diagnostic>) {
    let mut depth = 0usize;
    let mut open = 0;
    let mut nested = false;
    for (i, ch) in s.char_indices() {
        match ch {
            '《' if depth == 0 => (depth, open, nested) = (1, i, false),
            '《' | '<' if depth >= 1 => (depth, nested) = (depth + 1, true),
            '》' | '>' if depth >= 2 => depth -= 1,
            '》' if depth == 1 => {
                depth = 0;
                let end = i + ch.len_utf8();
                let title = &s[open..end];
                if nested && title.chars().count() <= 100 {
                    let inner = inner_titles(title);
                    out.push(diagnostic(
                        Code::FormNestedTitle,
                        "书名号内又用书名号时，里层应改用单书名号“〈〉”（GB/T 15834 §4.15.3.5）"
                            .to_string(),
                        Span::new(base + open, base + end),
                        Some(inner),
                    ));
                }
            }
            '\n' => depth = 0,
            _ => {}
        }
    }
}

/// The line (of `lines`) holding byte `pos`.
fn line_of(lines: &[Span], pos: usize) -> Option<Span> {
    let k = lines.partition_point(|l| l.end <= pos);
    lines.get(k).copied().filter(|l| l.start <= pos)
}

/// True for the markers of the GB/T 9704 levels, `一、` `(一)` `1.` `(1)` (and `1、`, `第一章`):
/// not `一是` items nor `①` list entries, which are sentences.
fn heading_marker(marker: &str) -> bool {
    marker.ends_with(['、', '.', ')', '章', '节', '分'])
        && !marker.starts_with(|c: char| ('①'..='⑳').contains(&c))
}

/// Headings ending in `。` that GW-03 reports one by one; more make one notice.
const HEADING_STOPS_LISTED: usize = 2;

/// GW-03 (per heading, or one notice for many) and PUN-03 (once per document).
fn heading_rules(text: &str, lines: &[Span], sections: &[Section], out: &mut Vec<Diagnostic>) {
    let mut arabic_comma: Vec<&Section> = Vec::new();
    let mut stops: Vec<(Span, String)> = Vec::new();
    for s in sections.iter().filter(|s| !s.run_in && !s.inferred) {
        let marker = text[s.heading.start..s.title_span.start].trim();
        if marker.len() > 1
            && marker.ends_with('、')
            && marker[..marker.len() - '、'.len_utf8()]
                .bytes()
                .all(|b| b.is_ascii_digit())
        {
            arabic_comma.push(s);
        }
        let Some(line) = line_of(lines, s.heading.start) else {
            continue;
        };
        // Alone on its line in the text (not a run-in heading the reader split off), and
        // not a 一是 item, which is a sentence.
        let after = text[line.end..].trim_start_matches([' ', '\t']);
        if line.start != s.heading.start
            || !(after.is_empty() || after.starts_with(['\n', '\r']))
            || !heading_marker(marker)
        {
            continue;
        }
        let rest = &text[s.title_span.start..line.end];
        let Some(body) = rest.strip_suffix('。') else {
            continue;
        };
        if body.is_empty()
            || body.chars().count() > 30
            || body.contains(['。', ',', ';', ':', '!', '?'])
        {
            continue;
        }
        let heading = &text[line.start..line.end];
        stops.push((line, heading[..heading.len() - '。'.len_utf8()].to_string()));
    }
    if stops.len() <= HEADING_STOPS_LISTED {
        for (line, fix) in stops {
            out.push(diagnostic(
                Code::FormHeadingStop,
                "单独成行的标题末尾不用句号（GB/T 15834 B.4）".to_string(),
                line,
                Some(fix),
            ));
        }
    } else if let Some((line, fix)) = stops.first() {
        out.push(diagnostic(
            Code::FormHeadingStop,
            format!(
                "{}个单独成行的标题以句号结尾（GB/T 15834 B.4：单独成行的标题末尾不用句号）；若原文是标题后接正文的段首标题，可不改",
                stops.len()
            ),
            *line,
            Some(fix.clone()),
        ));
    }
    if let Some(first) = arabic_comma.first() {
        let marker = text[first.heading.start..first.title_span.start].trim();
        out.push(diagnostic(
            Code::FormListMarker,
            format!(
                "{}处标题序号写作“1、”，公文层次序数宜用“1.”（GB/T 15834 B.3.3；非强制）",
                arabic_comma.len()
            ),
            Span::new(first.heading.start, first.heading.start + marker.len()),
            Some(marker.replace('、', ".")),
        ));
    }
}

/// The full-width form of a half-width mark (`,` → `，`).
fn full_width(c: char) -> char {
    char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
}

/// True for a byte that starts a three-byte CJK ideograph (U+4000–U+9FFF).
fn han_lead(b: u8) -> bool {
    b.wrapping_sub(0xE4) < 6
}

/// True when byte `i` of `b` is a half-width `,` `;` `:` `(` `)` next to a Han character.
fn mark_at(b: &[u8], i: usize) -> bool {
    matches!(b[i], b',' | b';' | b':' | b'(' | b')')
        && ((i >= 3 && han_lead(b[i - 3])) || (i + 1 < b.len() && han_lead(b[i + 1])))
}

/// The marks next to a Han character in `b[l]`. Eight bytes at a time: a word without a
/// byte below 0x40 holds none of the marks (Han text is all bytes ≥ 0x80).
fn marks_in(b: &[u8], l: Span) -> usize {
    let mut n = 0;
    let mut i = l.start;
    while i + 8 <= l.end {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
        if w.wrapping_sub(0x4040_4040_4040_4040) & !w & 0x8080_8080_8080_8080 != 0 {
            n += (i..i + 8).filter(|&j| mark_at(b, j)).count();
        }
        i += 8;
    }
    n + (i..l.end).filter(|&j| mark_at(b, j)).count()
}

/// PUN-12 / D1 on the original text's `lines`: half-width `,` `;` `:` `(` `)` next to a Han
/// character. Five or more give one notice (the first mark's span), never one per mark.
pub fn half_width(original: &str, lines: impl Iterator<Item = Span>) -> Option<Diagnostic> {
    let b = original.as_bytes();
    let lines: Vec<Span> = lines.collect();
    let count: usize = lines.iter().map(|l| marks_in(b, *l)).sum();
    if count < 5 {
        return None;
    }
    let first = lines
        .iter()
        .find_map(|l| (l.start..l.end).find(|&i| mark_at(b, i)));
    let first = first?;
    // A text with full-width marks has full-width commas: one search tells.
    let full = original.contains('，');
    let why = if full {
        "与全角标点混用"
    } else {
        "疑为网页或格式转换所致"
    };
    Some(diagnostic(
        Code::FormHalfWidth,
        format!("全文{count}处中文语句使用半角标点（, ; : ( )），{why}，未逐处标注；应改为全角（，；：（））"),
        Span::new(first, first + 1),
        // The first mark in full width (the notice stands for all of them).
        Some(full_width(char::from(b[first])).to_string()),
    ))
}
