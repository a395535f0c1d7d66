//! Figure cross-checks: what a reviewer checks by hand with a calculator.
//!
//! Ranges (`3至5个工作日`) are never added, compared or taken as a count; their high end is
//! checked against 100 %. All checks read the indicators of one sentence (up to `。` `;` `!` `?` within a line) on
//! the normalised view, and stay silent when the sentence structure is unclear. Each finding
//! is a [`Diagnostic`] with a confidence and the spans of every figure involved.
//!
//! * **`figure-sum`** — `共完成审计项目33个,其中:预算执行审计项目2个、…`: a total followed
//!   by `其中` and a list of clauses (split at `,` `、` `;`) each holding one figure of the
//!   same unit. Equal → info; parts above the total → warning; parts below the total →
//!   warning only for a `其中:` list of three or more parts running to the sentence end
//!   (`300路(其中人像卡口100路,车辆卡口16路)` lists only some parts: silence). Rejected as
//!   unclear: a nested breakdown (`受理案件中,…`, a second `其中`), a bare number without
//!   unit (`其他方式处理21,`), two figures in one clause, approximate figures (`20余件`).
//! * **`figure-rate`** — a rate after two counts of the same unit in its sentence:
//!   `共排查…913件,调处成功907件,调解成功率99%` (907/913 = 99.3 %), or `593项,占…644项的92%`.
//!   The rate must name what the second count did (`调解成功率` shares `成功` with
//!   `调处成功907件`), so `办结95件,群众满意率98%` is not compared. Agreement within one
//!   unit of the stated precision (99 % for 99.3 % or 99.7 %) → info; otherwise a warning.
//! * **`figure-range`** — a share above 100 % (`办结率101%`, `百分之一百零一`, the high end of
//!   a range `办结率95%~105%`); growth rates (`增长率`,
//!   `同比上升120%`) may exceed 100 % and are skipped. Also a from–to pair whose direction
//!   contradicts its values: `由20个工作日增加至5个工作日` (`由`/`从` A, a direction word,
//!   `至`/`到` B, same unit); `由90个工作日压缩至38个工作日` agrees and is silent.
//! * **`figure-conflict`** — the same subject (four characters or more, exact after
//!   normalisation), the same unit and the same verb in its clause (`办理` vs `作为被申请人`)
//!   and two different counts or amounts, in two different sentences (one sentence's
//!   figures of one subject are its breakdown), each naming the subject in its own clause
//!   (`办结67件` takes it from its sentence), in sentences
//!   without a comparison (`同比`, `上年`, `较`) or a second year, within one document of the page (a second
//!   document's title or a report's signature date starts another:
//!   [`crate::passes::document::document_bounds`]): low confidence. Rates are
//!   not compared: `满意率和基本满意率98.79%` and `…100%` belong to 建议 and 提案.
//! * **`year-mismatch`** — the year covered (from the title) against `YYYY年` in the body:
//!   two or more years later, outside titles `《…》`, document numbers `〔…〕`, ranges
//!   (`2021-2025年`) and plans (`到2025年`, `力争`, `将`, `规划`). The next year is normal
//!   (plans, publication) and is never flagged. Also a top-level plan heading naming a year
//!   no later than the year covered (`三、2023年工作安排` in the report on 2023:
//!   [`check_plan_years`]).

use crate::lex::number::normalize;
use crate::lex::numeral::format_value;
use crate::lex::words::{subject_verb_at, DOWN_WORDS, UP_WORDS};
use crate::model::{Code, Diagnostic, Indicator, Kind, Section, Severity};
use crate::passes::document::Document;
use crate::text::{ceil_boundary, floor_boundary, Span};

// ---- patterns -------------------------------------------------------------------------

/// Clause separators inside a `其中` list.
const CLAUSE_SEP: &[char] = &[',', '、', ';', ':'];
/// How far (bytes) a clause is searched on either side of a figure: 80 Chinese characters
/// are more than a clause, and the bound keeps a "sentence" without separators (scraped
/// noise, a run of figures) linear.
const CLAUSE_WINDOW: usize = 240;
/// Words that mark a total: `共完成审计项目33个`.
const TOTAL_CUES: &[&str] = &["共", "累计", "总计", "合计"];
/// Subjects of rates that may exceed 100 %: `增长率`, `增幅`.
const GROWTH_WORDS: &[&str] = &[
    "增长",
    "增幅",
    "增速",
    "提高",
    "提升",
    "上升",
    "增加",
    "同比",
    "环比",
    "比上年",
    "较",
];
/// Words that make two figures incomparable: other periods, comparisons.
const COMPARISON_WORDS: &[&str] = &[
    "同比",
    "环比",
    "上年",
    "去年",
    "上一年",
    "较",
    "比",
    "增长",
    "下降",
    "减少",
    "增加",
    "提高",
];
/// Words that put a later year in a plan, not in the past: `到2025年`, `力争`.
const PLAN_WORDS: &[&str] = &[
    "将", "到", "至", "计划", "目标", "力争", "争取", "规划", "预计", "确保", "纲要", "方案", "前",
    "底", "以来", "届",
];

/// Cross-checks the figures of a report. `text` is the normalised view, `indicators` are in
/// view coordinates; `year` is the year covered. The diagnostics are sorted by position.
pub fn check_figures(
    text: &str,
    doc: &Document,
    indicators: &[Indicator],
    year: Option<u16>,
) -> Vec<Diagnostic> {
    let mut out = check_statements(text, doc, indicators);
    if let Some(y) = year {
        out.extend(check_year_mentions(text, doc, y));
    }
    crate::text::sort::sort_by_key(&mut out, |d| d.span.start);
    out
}

/// The checks of [`check_figures`] that read the figures (sums, rates, ranges, directions,
/// conflicts), unsorted.
pub fn check_statements(text: &str, doc: &Document, indicators: &[Indicator]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let sentences = sentences(text, doc, indicators);
    // Indicators per sentence (both in document order).
    let mut k = 0;
    let mut per: Vec<&[Indicator]> = Vec::with_capacity(sentences.len());
    for s in &sentences {
        while k < indicators.len() && indicators[k].span.start < s.start {
            k += 1;
        }
        let a = k;
        while k < indicators.len() && indicators[k].span.end <= s.end {
            k += 1;
        }
        per.push(&indicators[a..k]);
    }
    for (s, inds) in sentences.iter().zip(&per) {
        check_sums(text, *s, inds, &mut out);
        check_rates(text, *s, inds, &mut out);
        check_ranges(text, inds, &mut out);
        check_directions(text, inds, &mut out);
    }
    check_conflicts(text, doc, &sentences, &per, &mut out);
    out
}

/// The check of [`check_figures`] that reads the years mentioned (a report of `year` that
/// dwells on another), unsorted.
pub fn check_year_mentions(text: &str, doc: &Document, year: u16) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_years(text, doc, year, &mut out);
    out
}

/// Sentences of the text lines that hold figures (every check reads a sentence's figures):
/// split after `。` `;` `!` `?`.
fn sentences(text: &str, doc: &Document, indicators: &[Indicator]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut k = 0;
    for l in doc.text_lines() {
        while k < indicators.len() && indicators[k].span.start < l.span.start {
            k += 1;
        }
        if indicators.get(k).is_none_or(|i| i.span.start >= l.span.end) {
            continue;
        }
        let s = &text[l.span.start..l.span.end];
        let mut start = 0;
        // Byte scan: `;` `!` `?` are ASCII in the normalised view, `。` is E3 80 82.
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let len = match b[i] {
                b';' | b'!' | b'?' => 1,
                0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82) => 3,
                x => {
                    i += crate::text::utf8_len(x);
                    continue;
                }
            };
            out.push(Span::new(l.span.start + start, l.span.start + i));
            i += len;
            start = i;
        }
        if start < s.len() {
            out.push(Span::new(l.span.start + start, l.span.end));
        }
    }
    out
}

fn diag(
    code: Code,
    severity: Severity,
    message: String,
    spans: Vec<Span>,
    confidence: f32,
) -> Diagnostic {
    let span = Span::new(
        spans.iter().map(|s| s.start).min().unwrap_or(0),
        spans.iter().map(|s| s.end).max().unwrap_or(0),
    );
    Diagnostic {
        code,
        severity,
        message,
        span,
        spans,
        confidence: Some(confidence),
        fix: None,
    }
}

fn v(x: f64) -> String {
    format_value(x)
}

/// A figure that can be added: a count or an amount, exact (not a range).
fn addable(i: &Indicator) -> bool {
    matches!(i.kind, Kind::Count | Kind::Money | Kind::Other)
        && i.approx.is_none()
        && i.high.is_none()
}

/// A share written in percent (`92%`, `百分之九十五`), exact and not a range.
fn percent(i: &Indicator) -> bool {
    i.kind == Kind::Rate
        && matches!(i.unit.as_str(), "%" | "百分之")
        && i.approx.is_none()
        && i.high.is_none()
}

// ---- figure-sum -------------------------------------------------------------------------

fn check_sums(text: &str, sentence: Span, inds: &[Indicator], out: &mut Vec<Diagnostic>) {
    for (n, total) in inds.iter().enumerate() {
        if !addable(total) {
            continue;
        }
        // `,其中` / `(其中` / `其中:` right after the total.
        let after = &text[total.span.end..sentence.end];
        let trimmed = after.trim_start_matches([',', ' ']);
        let paren = trimmed.starts_with('(');
        let trimmed = trimmed.trim_start_matches('(');
        let Some(rest) = trimmed.strip_prefix("其中") else {
            continue;
        };
        let colon = rest.starts_with(':');
        let list_start = sentence.end - rest.len();
        let list_end = if paren {
            list_start + rest.find(')').unwrap_or(rest.len())
        } else {
            sentence.end
        };
        let (clause_start, _) = clause_around(text, sentence.start, sentence.end, total.span);
        let cue = TOTAL_CUES
            .iter()
            .any(|c| text[clause_start..total.span.start].contains(c));
        let Some((parts, to_end)) = list_parts(text, list_start, list_end, total, &inds[n + 1..])
        else {
            continue;
        };
        if parts.len() < 2 {
            continue;
        }
        let sum: f64 = parts.iter().map(|p| p.value).sum();
        let unit = &total.unit;
        let terms = parts
            .iter()
            .map(|p| v(p.value))
            .collect::<Vec<_>>()
            .join("+");
        let mut spans = vec![total.span];
        spans.extend(parts.iter().map(|p| p.span));
        let base = if cue { 0.2 } else { 0.0 };
        let eps = 1e-6 * total.value.abs().max(1.0);
        if (sum - total.value).abs() <= eps {
            out.push(diag(
                Code::FigureSum,
                Severity::Info,
                format!("分项之和与总数一致：{terms}={}{unit}", v(sum)),
                spans,
                0.7 + base,
            ));
        } else if sum > total.value {
            out.push(diag(
                Code::FigureSum,
                Severity::Warning,
                format!(
                    "分项之和大于总数：{terms}={}{unit}，总数为{}{unit}，多出{}{unit}",
                    v(sum),
                    v(total.value),
                    v(sum - total.value)
                ),
                spans,
                0.5 + base,
            ));
        } else if colon && to_end && parts.len() >= 3 {
            out.push(diag(
                Code::FigureSum,
                Severity::Warning,
                format!(
                    "分项之和小于总数：{terms}={}{unit}，总数为{}{unit}，相差{}{unit}（如“其中”未列全可忽略）",
                    v(sum),
                    v(total.value),
                    v(total.value - sum)
                ),
                spans,
                0.4 + base,
            ));
        }
    }
}

/// The parts listed in `text[start..end]`, and whether the list runs to its end; `None`
/// when the structure is unclear.
fn list_parts<'a>(
    text: &str,
    start: usize,
    end: usize,
    total: &Indicator,
    later: &'a [Indicator],
) -> Option<(Vec<&'a Indicator>, bool)> {
    let mut parts = Vec::new();
    let list = &text[start..end];
    let mut clauses: Vec<Span> = Vec::new();
    let mut cs = 0;
    for (i, c) in list.char_indices() {
        if CLAUSE_SEP.contains(&c) {
            clauses.push(Span::new(start + cs, start + i));
            cs = i + c.len_utf8();
        }
    }
    clauses.push(Span::new(start + cs, end));
    for cl in clauses {
        let s = &text[cl.start..cl.end];
        if s.trim().is_empty() {
            continue;
        }
        // A nested breakdown: `受理案件中`, `其中`.
        if s.ends_with('中') || s.contains("其中") {
            return None;
        }
        let inside: Vec<&Indicator> = later
            .iter()
            .filter(|i| i.span.start >= cl.start && i.span.end <= cl.end)
            .collect();
        if bare_number(text, cl, &inside) {
            return None;
        }
        match inside.as_slice() {
            [] if parts.is_empty() => {}
            [] => return Some((parts, false)),
            [one] if one.unit == total.unit && one.kind == total.kind => {
                if one.approx.is_some() || one.high.is_some() {
                    return None;
                }
                parts.push(*one);
            }
            [one] if parts.is_empty() && one.unit != total.unit => return None,
            [_] => return Some((parts, false)),
            _ => return None,
        }
    }
    Some((parts, true))
}

/// True when `cl` holds a run of ASCII digits outside every indicator and followed by a
/// Chinese character or the clause end (`其他方式处理21,`); `1+X专项` is a name.
fn bare_number(text: &str, cl: Span, inside: &[&Indicator]) -> bool {
    let s = &text[cl.start..cl.end];
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let st = i;
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                i += 1;
            }
            let at = cl.start + st;
            let covered = inside.iter().any(|x| x.span.start <= at && at < x.span.end);
            let next = s[i..].chars().next();
            if !covered && next.is_none_or(|c| c as u32 >= 0x3400) {
                return true;
            }
        } else {
            i += 1;
        }
    }
    false
}

// ---- figure-rate ------------------------------------------------------------------------

fn check_rates(text: &str, sentence: Span, inds: &[Indicator], out: &mut Vec<Diagnostic>) {
    for (n, r) in inds.iter().enumerate() {
        if !percent(r) {
            continue;
        }
        // Counts since the previous rate in the sentence.
        let from = inds[..n]
            .iter()
            .rposition(|i| i.kind == Kind::Rate || i.kind == Kind::Change)
            .map_or(0, |p| p + 1);
        let counts: Vec<&Indicator> = inds[from..n].iter().filter(|i| addable(i)).collect();
        if counts.len() < 2 || counts.iter().any(|c| c.unit != counts[0].unit) {
            continue;
        }
        let (a, b, named) = if let [.., b, a] = counts.as_slice() {
            // `593项,占…644项的92%`.
            if text[b.span.end..a.span.start].contains('占') {
                (*a, *b, true)
            } else if counts.len() == 2 {
                (counts[0], counts[1], false)
            } else {
                continue;
            }
        } else {
            continue;
        };
        if a.value <= 0.0 || b.value > a.value {
            continue;
        }
        if !named && !rate_names_count(text, sentence, r, b) {
            continue;
        }
        let stated = r.value;
        let got = b.value / a.value * 100.0;
        let places = decimals(
            text[r.number.start..r.number.end].trim_start_matches(|c: char| !c.is_ascii_digit()),
        );
        let tol = 10f64.powi(-(places as i32)) + 1e-9;
        let shown = format!("{:.*}", places.max(1), got);
        let spans = vec![a.span, b.span, r.span];
        let unit = &a.unit;
        if (got - stated).abs() <= tol {
            out.push(diag(
                Code::FigureRate,
                Severity::Info,
                format!(
                    "比率与数量相符：{}{unit}÷{}{unit}={shown}%，文中为{}%",
                    v(b.value),
                    v(a.value),
                    v(stated)
                ),
                spans,
                0.8,
            ));
        } else {
            out.push(diag(
                Code::FigureRate,
                Severity::Warning,
                format!(
                    "比率与数量不符：{}{unit}÷{}{unit}={shown}%，文中为{}%",
                    v(b.value),
                    v(a.value),
                    v(stated)
                ),
                spans,
                if named { 0.7 } else { 0.6 },
            ));
        }
    }
}

/// True when the rate's stem (`调解成功率` → `调解成功`) shares two consecutive characters
/// with the clause of the count (`调处成功907件`).
fn rate_names_count(text: &str, sentence: Span, r: &Indicator, b: &Indicator) -> bool {
    let stem: Vec<char> = r.subject.trim_end_matches('率').chars().collect();
    let (clause_start, _) = clause_around(text, sentence.start, sentence.end, b.span);
    let clause = &text[clause_start..b.span.end];
    stem.windows(2)
        .any(|w| !w.contains(&'的') && clause.contains(&w.iter().collect::<String>()))
}

fn decimals(number: &str) -> usize {
    number.find('.').map_or(0, |p| number.len() - p - 1)
}

// ---- figure-range -----------------------------------------------------------------------

fn check_ranges(text: &str, inds: &[Indicator], out: &mut Vec<Diagnostic>) {
    for r in inds {
        let share = r.subject.ends_with('率') || r.subject.ends_with('的');
        // Both ends of a range: `90%~110%` goes above 100 % at its high end.
        let top = r.high.map_or(r.normalized, |h| normalize(h, &r.unit));
        if r.kind != Kind::Rate
            || r.normalized_unit != "%"
            || top <= 100.0
            || !share
            || GROWTH_WORDS.iter().any(|g| r.subject.contains(g))
        {
            continue;
        }
        let t = &text[r.span.start..r.span.end];
        out.push(diag(
            Code::FigureRange,
            Severity::Warning,
            format!("{}为{t}，超过100%", r.subject),
            vec![r.span],
            0.8,
        ));
    }
}

/// `由90个工作日压缩至38个工作日`: a from–to pair whose direction word contradicts the values
/// (`由5天延长…` is not a direction we know: silence). Same unit on both sides, nothing but
/// the direction word and `至`/`到`/`为` between them, and `由`/`从` right before the first.
fn check_directions(text: &str, inds: &[Indicator], out: &mut Vec<Diagnostic>) {
    for w in inds.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if a.unit != b.unit || a.kind == Kind::Change || b.kind == Kind::Change {
            continue;
        }
        if a.approx.is_some() || b.approx.is_some() || a.high.is_some() || b.high.is_some() {
            continue;
        }
        let before = &text[..a.span.start];
        if !(before.ends_with('由') || before.ends_with('从')) {
            continue;
        }
        let between = &text[a.span.end..b.span.start];
        let Some(word) = between
            .strip_suffix(['至', '到', '为'])
            .or(Some(between))
            .filter(|w| w.chars().count() <= 3)
        else {
            continue;
        };
        let up = UP_WORDS.contains(&word);
        let down = DOWN_WORDS.contains(&word);
        let wrong = (up && b.value < a.value) || (down && b.value > a.value);
        if !wrong {
            continue;
        }
        let (ta, tb) = (
            &text[a.span.start..a.span.end],
            &text[b.span.start..b.span.end],
        );
        out.push(diag(
            Code::FigureRange,
            Severity::Warning,
            format!("增减方向与数值矛盾：由{ta}“{word}”到{tb}"),
            vec![a.span, b.span],
            0.7,
        ));
    }
}

// ---- figure-conflict --------------------------------------------------------------------

fn check_conflicts(
    text: &str,
    doc: &Document,
    sentences: &[Span],
    per: &[&[Indicator]],
    out: &mut Vec<Diagnostic>,
) {
    // Figures are compared within one document of the page: the number of document bounds
    // before a sentence names its document.
    let bounds = crate::passes::document::document_bounds(text, doc);
    let scope = |n: usize| bounds.partition_point(|&b| b <= sentences[n].start);
    // Candidates: exact figures with a specific subject, in plain sentences.
    let mut cands: Vec<(&str, &Indicator, usize)> = Vec::new();
    for (n, (s, inds)) in sentences.iter().zip(per).enumerate() {
        if inds.is_empty() {
            continue;
        }
        let st = &text[s.start..s.end];
        if has_comparison_word(st) || years_in(st) > 1 {
            continue;
        }
        for i in inds.iter() {
            let subject = i.subject.trim_start_matches(['共', '已', '全', '年']);
            // Rates of one name recur for different programmes (`办复率100%` for 建议 and
            // for 提案): only counts and amounts are compared.
            if matches!(i.kind, Kind::Count | Kind::Money)
                && i.approx.is_none()
                && i.high.is_none()
                && i.direction.is_none()
                && subject.chars().count() >= 4
                && !subject.ends_with('的')
            {
                cands.push((subject, i, n));
            }
        }
    }
    crate::text::sort::sort_by(&mut cands, |a, b| (a.0, &a.1.unit).cmp(&(b.0, &b.1.unit)));
    let mut k = 0;
    while k < cands.len() {
        let mut e = k + 1;
        while e < cands.len()
            && cands[e].0 == cands[k].0
            && cands[e].1.unit == cands[k].1.unit
            && scope(cands[e].2) == scope(cands[k].2)
        {
            e += 1;
        }
        if e - k >= 2 {
            conflict_in(text, sentences, &cands[k..e], out);
        }
        k = e;
    }
}

/// Reports the first conflict among figures of one subject and unit (read lazily: the
/// clause tests run only for subjects that recur).
fn conflict_in(
    text: &str,
    sentences: &[Span],
    group: &[(&str, &Indicator, usize)],
    out: &mut Vec<Diagnostic>,
) {
    let mut named: Vec<(&str, &Indicator, usize)> = group
        .iter()
        .filter(|(subject, i, n)| {
            let s = sentences[*n];
            names_itself(text, s.start, s.end, i, subject)
        })
        .map(|&(_, i, n)| (clause_verb(text, sentences[n].start, i), i, n))
        .collect();
    crate::text::sort::sort_by_key(&mut named, |g| g.0);
    for same_verb in named.chunk_by(|a, b| a.0 == b.0) {
        let (first, sentence) = (same_verb[0].1, same_verb[0].2);
        // Figures of one sentence with one subject are its parts (`共受理83件,办结67件`).
        let Some(other) = same_verb
            .iter()
            .find(|g| g.1.value != first.value && g.2 != sentence)
            .map(|g| g.1)
        else {
            continue;
        };
        let (a, b) = if first.span.start < other.span.start {
            (first, other)
        } else {
            (other, first)
        };
        out.push(diag(
            Code::FigureConflict,
            Severity::Warning,
            format!(
                "同一事项两处数值不同：“{}”先为{}，后为{}",
                group[0].0,
                &text[a.span.start..a.span.end],
                &text[b.span.start..b.span.end]
            ),
            vec![a.span, b.span],
            0.4,
        ));
    }
}

/// True when `s` contains one of [`COMPARISON_WORDS`]: one pass over its characters, a word
/// compared only where its first character stands (`同比`, `环比` contain `比`).
fn has_comparison_word(s: &str) -> bool {
    s.char_indices().any(|(k, c)| match c {
        '较' | '比' => true,
        '上' | '去' | '增' | '下' | '减' | '提' => {
            COMPARISON_WORDS.iter().any(|w| s[k..].starts_with(w))
        }
        _ => false,
    })
}

/// The clause around `at` inside `from..to`: from just before the last [`CLAUSE_SEP`] ahead of
/// it (the separator included, as the callers compare with it) to the next one after it, each
/// looked for within [`CLAUSE_WINDOW`].
fn clause_around(text: &str, from: usize, to: usize, at: Span) -> (usize, usize) {
    let lo = ceil_boundary(text, from.max(at.start.saturating_sub(CLAUSE_WINDOW)));
    let hi = floor_boundary(text, to.min(at.end + CLAUSE_WINDOW));
    let start = text[lo..at.start].rfind(CLAUSE_SEP).map_or(lo, |p| lo + p);
    let end = text[at.end..hi].find(CLAUSE_SEP).map_or(hi, |p| at.end + p);
    (start, end)
}

/// True when the figure's own clause (between the separators around it) holds its subject:
/// `办结67件` takes its subject from the sentence and is a part, not a second statement.
fn names_itself(text: &str, from: usize, to: usize, i: &Indicator, subject: &str) -> bool {
    let (start, end) = clause_around(text, from, to, i.span);
    text[start..end].contains(subject)
}

/// The verb of the clause before a figure (`共办理行政复议案件4件` → `办理`), or `""`: the same
/// thing done differently (`办理` as the reviewer, `作为被申请人`) is no conflict.
fn clause_verb<'a>(text: &'a str, sentence_start: usize, i: &Indicator) -> &'a str {
    let (start, end) = clause_around(text, sentence_start, text.len(), i.span);
    [&text[start..i.span.start], &text[i.span.end..end]]
        .iter()
        .find_map(|part| {
            part.char_indices()
                .find_map(|(k, _)| subject_verb_at(&part[k..]))
        })
        .unwrap_or("")
}

/// Number of `YYYY年` mentions in `s`.
fn years_in(s: &str) -> usize {
    year_mentions(s).count()
}

/// `(offset, year)` of every `YYYY年` (1990–2099) in `s` ([`crate::lex::date::year_mentions`]).
fn year_mentions(s: &str) -> impl Iterator<Item = (usize, u16)> + '_ {
    crate::lex::date::year_mentions(s)
        .filter(|y| (1990..2100).contains(&y.year))
        .map(|y| (y.start, y.year))
}

// ---- year-mismatch ----------------------------------------------------------------------

fn check_years(text: &str, doc: &Document, year: u16, out: &mut Vec<Diagnostic>) {
    let mut found: Vec<(u16, Vec<Span>)> = Vec::new();
    for l in doc.text_lines() {
        let s = &text[l.span.start..l.span.end];
        // Bracket depths at each mention, in one pass over the line.
        let mut depth = [0i32; 4]; // 《》 〔〕 [] ()
        let mut walked = 0;
        for (i, y) in year_mentions(s) {
            for c in s[walked..i].chars() {
                match c {
                    '《' => depth[0] += 1,
                    '》' => depth[0] -= 1,
                    '〔' => depth[1] += 1,
                    '〕' => depth[1] -= 1,
                    '[' => depth[2] += 1,
                    ']' => depth[2] -= 1,
                    '(' => depth[3] += 1,
                    ')' => depth[3] -= 1,
                    _ => {}
                }
            }
            walked = i;
            if y < year + 2 {
                continue;
            }
            let before = &s[..i];
            // Inside a title or a document number.
            if depth.iter().any(|&d| d > 0) {
                continue;
            }
            // A range `2021-2025年` or `2021—2025年`.
            if before.ends_with(['-', '—', '–', '~', '至', '到']) {
                continue;
            }
            // The clause: a plan, not a past event.
            let lo = ceil_boundary(s, i.saturating_sub(CLAUSE_WINDOW));
            let cs = before[lo..]
                .char_indices()
                .rfind(|&(_, c)| matches!(c, ',' | '。' | ';'))
                .map_or(lo, |(p, c)| lo + p + c.len_utf8());
            let hi = floor_boundary(s, i + CLAUSE_WINDOW);
            let ce = s[i..hi].find([',', '。', ';']).map_or(hi, |p| i + p);
            let clause = &s[cs..ce];
            if PLAN_WORDS.iter().any(|w| clause.contains(w)) {
                continue;
            }
            let span = Span::new(l.span.start + i, l.span.start + i + "0000年".len());
            match found.iter_mut().find(|(fy, _)| *fy == y) {
                Some((_, v)) => v.push(span),
                None => found.push((y, vec![span])),
            }
        }
    }
    for (y, spans) in found {
        let n = spans.len();
        let mut d = diag(
            Code::YearMismatch,
            Severity::Warning,
            format!(
                "报告年度为{year}年，正文却{n}处提到{y}年的事项（晚了{}年）",
                y - year
            ),
            spans,
            0.5,
        );
        d.span = d.spans[0];
        out.push(d);
    }
}

/// Words of a plan heading (`四、2024年工作打算`).
const PLAN_HEADING_WORDS: &[&str] = &[
    "工作打算",
    "工作安排",
    "工作计划",
    "工作思路",
    "工作重点",
    "重点工作",
    "主要安排",
    "工作展望",
    "打算",
    "安排",
];

/// Words of a heading on work done (`2023年重点工作完成情况`).
const PAST_WORK_WORDS: &[&str] = &[
    "情况", "完成", "成效", "落实", "进展", "总结", "回顾", "开展",
];

/// `year-mismatch` in a plan heading: a top-level heading that announces the plans of a year
/// no later than the year covered (`三、2023年工作安排` in the report on 2023), the year a
/// report copied from last year's keeps. The year checked is the last one before the plan
/// word, so `2023年工作总结和2024年工作打算` is silent. `sections` are in view coordinates.
pub fn check_plan_years(text: &str, sections: &[Section], year: u16) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for s in sections.iter().filter(|s| s.level == 1 && !s.run_in) {
        let title = &text[s.title_span.start..s.title_span.end];
        let Some(w) = PLAN_HEADING_WORDS.iter().find_map(|w| title.find(w)) else {
            continue;
        };
        let Some((at, y)) = year_mentions(&title[..w]).last() else {
            continue;
        };
        // Only `2023年` and its own words before the plan word: `2023年度工作安排`.
        let between = &title[at + "0000年".len()..w];
        // A report on the year's work (`2023年重点工作完成情况`) is no plan.
        let after = &title[at..];
        if y > year
            || between.chars().count() > 6
            || between.contains(&['和', '及', ',', '、'][..])
            || PAST_WORK_WORDS.iter().any(|w| after.contains(w))
        {
            continue;
        }
        let span = Span::new(
            s.title_span.start + at,
            s.title_span.start + at + "0000年".len(),
        );
        out.push(diag(
            Code::YearMismatch,
            Severity::Warning,
            format!(
                "报告年度为{year}年，下一年度安排的标题却写作{y}年（应为{}年？）",
                year + 1
            ),
            vec![span],
            0.7,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::document::Document;
    use crate::passes::indicator::find_indicators;

    /// A top-level plan heading naming the year covered, in a report on that year.
    #[test]
    fn plan_headings_name_the_next_year() {
        let flagged = |title: &str| {
            let t = format!("某区2023年法治政府建设年度报告\n一、主要举措和成效\n办理案件12件。\n{title}\n继续推进。");
            let a = crate::analyze(&t);
            a.diagnostics
                .iter()
                .filter(|d| d.code == Code::YearMismatch)
                .count()
        };
        assert_eq!(flagged("二、2023年工作安排"), 1);
        assert_eq!(flagged("二、2023年度工作打算"), 1);
        assert_eq!(flagged("二、2022年工作计划"), 1, "an earlier year too");
        assert_eq!(flagged("二、2024年工作安排"), 0);
        assert_eq!(flagged("二、下一步工作安排"), 0);
        assert_eq!(flagged("二、2023年工作总结和2024年工作安排"), 0);
        assert_eq!(
            flagged("二、2023年重点工作完成情况"),
            0,
            "work done, no plan"
        );
    }

    /// The one-pass search finds a comparison word exactly where `contains` does: every
    /// word's first character is one it looks at.
    #[test]
    fn comparison_words_found_in_one_pass() {
        for w in COMPARISON_WORDS {
            for s in [w.to_string(), format!("全年{w}了"), format!("{w}。")] {
                assert!(has_comparison_word(&s), "{s}");
            }
            let first = w.chars().next().unwrap().to_string();
            let expect = COMPARISON_WORDS.iter().any(|x| first.contains(x));
            assert_eq!(has_comparison_word(&first), expect, "{first}");
        }
        assert!(!has_comparison_word("全年受理行政复议案件12件"));
    }

    /// Codes, severities and messages for one normalised text.
    pub(super) fn run(text: &str, year: Option<u16>) -> Vec<(&'static str, Severity, String)> {
        let doc = Document::new(text);
        let inds = find_indicators(text, &doc);
        check_figures(text, &doc, &inds, year)
            .into_iter()
            .map(|d| (d.code.as_str(), d.severity, d.message))
            .collect()
    }

    #[test]
    fn bare_numbers_and_names() {
        let t = "其他方式处理21";
        assert!(
            bare_number(t, Span::new(0, t.len()), &[]),
            "21 without unit"
        );
        let t = "1+X专项审计调查项目";
        assert!(!bare_number(t, Span::new(0, t.len()), &[]), "1+X is a name");
    }

    #[test]
    fn ranges_use_both_ends() {
        // The high end of a share above 100 %.
        let got = run("全年办结率95%~105%。", None);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "figure-range");
        assert!(run("全年办结率95%~99%。", None).is_empty());
        // A range is no part of a sum: the structure is unclear, silence.
        assert!(run("共受理案件10件,其中:甲类3件、乙类3至5件、丙类2件。", None).is_empty());
        // Without the range the parts are added.
        let got = run("共受理案件10件,其中:甲类3件、乙类5件、丙类2件。", None);
        assert_eq!(got[0].0, "figure-sum", "{got:?}");
    }

    /// Seed 004 is an exam page carrying several documents: 南通's report and, after it,
    /// 兰州's 经验材料. Their 行政复议案件 are two cities' figures, not a conflict.
    #[test]
    fn figures_of_two_documents_on_one_page_are_not_compared() {
        let nantong = "南通市人民政府\n关于2020年度法治政府建设工作情况的报告\n\
            20.认真履行行政复议职责。市政府全年收到行政复议案件228件,审结181件,维持87件,\
            驳回33件,撤回终止49件,撤销2件,确认违法8件,责令履行2件。\n";
        let lanzhou = "一是加强行政复议和应诉工作。2020年收到行政复议案件120件,已审结87件;\
            办理行政应诉案件95件,比上年增长66.7%,有效化解各种行政争议。\n";
        let conflicts = |t: &str| {
            run(t, Some(2020))
                .into_iter()
                .filter(|d| d.0 == "figure-conflict")
                .count()
        };
        // In one report, the two statements conflict.
        assert_eq!(conflicts(&format!("{nantong}{lanzhou}")), 1);
        // A second document's title starts another scope.
        let title = "经验材料:\n兰州市打出“组合拳”,提高法治政府建设成效\n";
        assert_eq!(conflicts(&format!("{nantong}{title}{lanzhou}")), 0);
        // So does the end of a report: its signature date.
        let signature = "南通市人民政府\n2021年3月30日\n";
        assert_eq!(conflicts(&format!("{nantong}{signature}{lanzhou}")), 0);
        // A heading without a marker that names the topic is no document title.
        let heading = "加强法治政府建设组织领导\n";
        assert_eq!(conflicts(&format!("{nantong}{heading}{lanzhou}")), 1);
    }

    #[test]
    fn year_mentions_skip_longer_numbers() {
        let got: Vec<u16> = year_mentions("2019年和12020年").map(|(_, y)| y).collect();
        assert_eq!(got, [2019]);
        assert!(run("", Some(2019)).is_empty());
    }
}
