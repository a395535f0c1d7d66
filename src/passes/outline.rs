//! Heading recognisers, the section tree and numbering repair.
//!
//! ## Markers
//! Heading markers are recognised by [`crate::lex::marker`] (its docs give each family's
//! grammar and the look-alikes it rejects).
//!
//! ## Levels
//! A stack holds the marker families open in the current branch, outermost first. Each
//! heading is placed by two rules, in this order:
//!
//! 1. **Document divisions have fixed ranks.** `第N篇`, `第N部分` and `第N章` are the top
//!    level of the report when they occur (if several occur, `篇` above `部分` above `章`),
//!    and `第N节` sits directly below `第N章`. A division closes everything but the open
//!    divisions of higher rank: `第二部分` after `第一部分 / 一、 / (二)` is a sibling of
//!    `第一部分`, and `第一节` opens below `第一章` whatever is open under it.
//! 2. **Every other family nests by order of appearance**, as Markdown nests lists: a
//!    family that is open in the branch closes back to its level there and becomes the
//!    next item of that list (`二、` after `(二)` and `1.` is a sibling of `一、`); a family
//!    not open in the branch opens one level below the current heading. So a report may
//!    start its hierarchy anywhere (`(一)`, `1、`) and use any order (`1. / (1) / ①`).
//!
//! **A family reused directly under itself** (`一、` restarting under an `一、`) is the same
//! list as far as levels go: the restarted item closes back to the open `一、` and becomes
//! its sibling, with a `numbering-restart` diagnostic unless it is at the top level (where
//! a restart means another document or part begins). Numbers alone cannot tell a sub-list
//! from a restarted list, so no nesting is guessed.
//!
//! A single-character form continues a list of its typed twin when its number follows
//! (`(1) ⑵ ⑶`), and otherwise opens below it (`(2) ⑴`; [`Family::twin`]).
//!
//! A heading's list closes at the end of its paragraph when it enumerates inside a
//! paragraph: `一是`, `第一,` and `——` items always; `1.` `(1)` `①` `1)` items when they run
//! in (`…。1.…2.…`). A run-in `一、`, `(一)` or division is a heading whose line break was
//! lost and stays open.
//!
//! ## Repair
//! Web copies lose markers. `、依法全面履行政府职能` after `一、` becomes `二、`; `)加强…`
//! after `(一)` becomes `(二)`; a short unpunctuated line followed by `(一)` while `(…)`
//! items are already open under a `一、`-style parent becomes the next parent item
//! (`坚持严格规范公正文明执法` → `四、`). Repaired headings are `inferred` and reported.
//! Skipped, repeated and out-of-order numbers are reported as diagnostics.

use crate::lex::marker::{format_marker, parse_marker, Marker, MAX_TITLE_CHARS};
use crate::lex::title::find_title_end;
use crate::model::{Code, Diagnostic, Family, Ordinal, Section};
use crate::passes::document::{Document, LineKind};
use crate::text::Span;

/// Sections and numbering diagnostics of a document.
#[derive(Debug, Default)]
pub struct Outline {
    /// Sections in document order.
    pub sections: Vec<Section>,
    /// Numbering problems.
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether a heading's list closes at the end of its paragraph. Paragraph enumerators
/// (`一是`, `第一,`, `——`) always do, even when one opens a line; the numbered-list families
/// (`1.` `(1)` `①` `1)` and their single-character forms) do when they run in (`…。1.…2.…`,
/// a list inside a paragraph) but not when they open a line. A run-in `一、`, `(一)` or
/// division stands for a lost line break and stays open.
fn closes_with_paragraph(f: Family, run_in: bool) -> bool {
    use Family::*;
    match f {
        Shi | CnOrdinal | Dash => true,
        Digit | DigitGlyph | DigitParen | DigitParenGlyph | DigitHalfParen | Circled => run_in,
        _ => false,
    }
}

/// Where a heading's title ends, given the text after the marker (within one line).
fn title_end(rest: &str, stop: usize) -> usize {
    let rest = &rest[..stop];
    let end = find_title_end(rest).unwrap_or(rest.len());
    let title = &rest[..end];
    if title.chars().count() > MAX_TITLE_CHARS {
        if let Some(c) = title.find(',') {
            if title[..c].chars().count() <= MAX_TITLE_CHARS {
                return c;
            }
        }
        // Cut overlong titles at a character boundary.
        return title
            .char_indices()
            .nth(MAX_TITLE_CHARS)
            .map_or(end, |(i, _)| i);
    }
    end
}

/// Where a run-in heading's title ends: like [`title_end`], but when the first sentence goes
/// on into figures or is long, it is cut at its first comma (`一是严格合法性审核，全年审核文件
/// 38件；` → `严格合法性审核`); a two-part title without figures stays whole
/// (`坚持全面履职，依法推动政府职能转变`).
fn run_in_title_end(rest: &str, stop: usize) -> usize {
    let end = title_end(rest, stop);
    let title = &rest[..end];
    match title.find(',') {
        Some(c) if c > 0 => {
            let after = &title[c..];
            if after.contains(|ch: char| ch.is_ascii_digit()) || title.chars().count() > 30 {
                c
            } else {
                end
            }
        }
        _ => end,
    }
}

/// A pending heading before levels are assigned.
#[derive(Clone, Debug)]
struct Found {
    ordinal: Ordinal,
    marker: String,
    heading: Span,
    title: Span,
    inferred: bool,
    run_in: bool,
    /// End of the paragraph the heading is in (run-in sections end there at the latest).
    para_end: usize,
    /// Diagnostic for a repair.
    repaired: bool,
}

/// An open family on the nesting stack.
#[derive(Clone, Debug)]
struct Open {
    family: Family,
    last: u32,
    section: usize,
    template: String,
    /// Closes at the end of its paragraph: a run-in item, or a scoped family.
    scoped: bool,
}

/// Where a heading goes on the nesting stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// The next item of the list open at this depth: everything deeper closes.
    Continue(usize),
    /// A new list at this depth: everything at it and deeper closes.
    Open(usize),
}

struct Builder<'a> {
    text: &'a str,
    stack: Vec<Open>,
    out: Outline,
    /// Template (last written marker) per family, for repaired markers.
    templates: Vec<(Family, String)>,
    /// Last number and marker seen per family anywhere, open or closed: lists numbered on
    /// across sections (`(一)1.–5. (二)6.–8.`) and run-in lists resumed in a later paragraph.
    last_seen: Vec<(Family, u32, String)>,
}

impl<'a> Builder<'a> {
    fn template(&self, f: Family) -> Option<&str> {
        self.templates
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, t)| t.as_str())
    }

    fn set_template(&mut self, f: Family, t: &str) {
        match self.templates.iter_mut().find(|(g, _)| *g == f) {
            // The buffer is reused: a template is set at every heading.
            Some(e) => {
                e.1.clear();
                e.1.push_str(t);
            }
            None => self.templates.push((f, t.to_string())),
        }
    }

    fn last_number(&self, f: Family) -> Option<u32> {
        self.stack
            .iter()
            .rev()
            .find(|o| o.family == f)
            .map(|o| o.last)
    }

    fn depth_of(&self, f: Family) -> Option<usize> {
        self.stack.iter().position(|o| o.family == f)
    }

    /// Where a heading of `family` numbered `n` goes (the module docs give the two rules).
    fn place(&self, family: Family, n: u32) -> Place {
        // Rule 1: a division keeps the divisions of higher rank open and closes the rest.
        if let Some(rank) = family.division_rank() {
            let keep = self
                .stack
                .iter()
                .take_while(|o| o.family.division_rank().is_some_and(|r| r < rank))
                .count();
            return match self.stack.get(keep) {
                Some(o) if o.family == family => Place::Continue(keep),
                _ => Place::Open(keep),
            };
        }
        // Rule 2: a family open in the branch closes back to its level; a single-character
        // form continues a list of its twin (`(1)` `⑵`); anything else opens below.
        if let Some(i) = self.depth_of(family) {
            return Place::Continue(i);
        }
        let twin = family.twin();
        match self
            .stack
            .iter()
            .position(|o| Some(o.family) == twin && o.last + 1 == n)
        {
            Some(i) => Place::Continue(i),
            None => Place::Open(self.stack.len()),
        }
    }

    /// Closes run-in items at a paragraph boundary, unless the next line continues them.
    fn close_scoped(&mut self, continuing: Option<Family>) {
        while let Some(top) = self.stack.last() {
            if top.scoped && Some(top.family) != continuing {
                self.stack.pop();
            } else {
                break;
            }
        }
    }

    fn push(&mut self, f: Found) {
        let Found {
            ordinal,
            marker,
            heading,
            title,
            inferred,
            run_in,
            para_end,
            repaired,
        } = f;
        let family = ordinal.family;
        let n = ordinal.number;
        let idx = self.out.sections.len();
        let level;
        let mut diag: Option<(Code, String)> = None;
        let scoped = closes_with_paragraph(family, run_in);
        let place = self.place(family, n);
        match place {
            Place::Continue(i) => {
                let prev = self.stack[i].last;
                self.stack.truncate(i + 1);
                // Taken, and its buffer given back below with this marker.
                let mut prev_marker = std::mem::take(&mut self.stack[i].template);
                level = i + 1;
                if family != Family::Bare && n > 0 {
                    if n == prev + 1 {
                    } else if n > prev + 1 {
                        let missing: Vec<String> = (prev + 1..n)
                            .map(|k| format!("“{}”", format_marker(family, k, Some(&prev_marker))))
                            .collect();
                        diag = Some((
                            Code::NumberingGap,
                            format!(
                                "序号不连续：“{}”之后是“{}”，缺少{}",
                                prev_marker,
                                marker,
                                missing.join("")
                            ),
                        ));
                    } else if n == 1 && i == 0 {
                        // A new top-level list: another document or part begins. Not an error.
                    } else if n == 1 {
                        diag = Some((
                            Code::NumberingRestart,
                            format!("序号重新从“{marker}”开始（上一项为“{prev_marker}”）"),
                        ));
                    } else if n == prev {
                        diag = Some((
                            Code::NumberingDuplicate,
                            format!("序号重复：“{marker}”出现两次"),
                        ));
                    } else {
                        diag = Some((
                            Code::NumberingOrder,
                            format!("序号顺序错误：“{prev_marker}”之后是“{marker}”"),
                        ));
                    }
                }
                self.stack[i].last = n;
                self.stack[i].section = idx;
                prev_marker.clear();
                prev_marker.push_str(&marker);
                self.stack[i].template = prev_marker;
                self.stack[i].scoped = scoped;
            }
            Place::Open(d) => {
                self.stack.truncate(d);
                level = self.stack.len() + 1;
                let seen = self
                    .last_seen
                    .iter()
                    .find(|(g, _, _)| *g == family)
                    .map(|(_, k, m)| (*k, m.as_str()));
                if n > 1 && family != Family::Bare && !inferred {
                    match seen {
                        // Numbered on from an earlier list: `(二)6.` after `(一)…5.`.
                        Some((k, _)) if k + 1 == n => {}
                        Some((k, prev_marker)) if k >= 1 && k + 1 < n => {
                            let missing: Vec<String> = (k + 1..n)
                                .map(|j| format!("“{}”", format_marker(family, j, Some(&marker))))
                                .collect();
                            diag = Some((
                                Code::NumberingGap,
                                format!(
                                    "序号不连续：“{prev_marker}”之后是“{marker}”，缺少{}",
                                    missing.join("")
                                ),
                            ));
                        }
                        _ => {
                            let missing: Vec<String> = (1..n)
                                .map(|k| format!("“{}”", format_marker(family, k, Some(&marker))))
                                .collect();
                            diag = Some((
                                Code::NumberingGap,
                                format!("序号不从头开始：“{marker}”之前缺少{}", missing.join("")),
                            ));
                        }
                    }
                }
                self.stack.push(Open {
                    family,
                    last: n,
                    section: idx,
                    template: marker.clone(),
                    scoped,
                });
            }
        }
        let parent = (level >= 2).then(|| self.stack[level - 2].section);
        match self.last_seen.iter_mut().find(|(g, _, _)| *g == family) {
            Some(e) => {
                e.1 = n;
                e.2.clear();
                e.2.push_str(&marker);
            }
            None => self.last_seen.push((family, n, marker.clone())),
        }
        if !inferred {
            self.set_template(family, &marker);
        }
        if repaired {
            self.out.diagnostics.push(Diagnostic {
                code: Code::NumberingRepaired,
                severity: Code::NumberingRepaired.severity(),
                message: format!("标题序号缺失，已按上下文补为“{marker}”"),
                span: heading,
                spans: Vec::new(),
                confidence: None,
                fix: None,
            });
        }
        if let Some((code, message)) = diag {
            self.out.diagnostics.push(Diagnostic {
                code,
                severity: code.severity(),
                message,
                span: heading,
                spans: Vec::new(),
                confidence: None,
                fix: None,
            });
        }
        self.out.sections.push(Section {
            level: level.min(255) as u8,
            marker,
            title: self.text[title.start..title.end].to_string(),
            heading,
            title_span: title,
            span: Span::new(heading.start, if run_in { para_end } else { usize::MAX }),
            inferred,
            parent,
            run_in,
            ordinal,
        });
    }
}

/// Finds the headings of `text` (the normalised view) and builds the section tree.
pub fn find_sections(text: &str, doc: &Document) -> Outline {
    let mut b = Builder {
        text,
        stack: Vec::new(),
        out: Outline::default(),
        templates: Vec::new(),
        last_seen: Vec::new(),
    };
    let lines: Vec<Span> = doc
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Text)
        .map(|l| l.span)
        .collect();
    let lost_leads = find_lost_leading_items(text, &lines);
    let mut cands: Vec<(usize, Marker)> = Vec::new();
    for (k, &line) in lines.iter().enumerate() {
        let s = &text[line.start..line.end];
        line_candidates(s, &mut cands);
        let lead = parse_marker(s);
        b.close_scoped(lead.map(|m| m.ordinal.family));
        let mut pos = 0; // where run-in scanning starts, relative to the line
        if let Some(ordinal) = lost_leads[k] {
            let end = s.find('。').unwrap_or(s.len());
            let f = ordinal.family;
            b.push(Found {
                ordinal,
                marker: format_marker(f, ordinal.number, b.template(f)),
                heading: Span::new(line.start, line.start + end),
                title: Span::new(line.start, line.start + end),
                inferred: true,
                run_in: false,
                para_end: line.end,
                repaired: true,
            });
            pos = end;
        } else if let Some(m) = lead {
            let rest = &s[m.len..];
            let t0 = m.len + (rest.len() - rest.trim_start().len());
            let stop = next_run_in(&cands, t0, &b).map_or(s.len(), |(p, _)| p);
            let t1 = t0 + title_end(&s[t0..], stop - t0);
            let t1 = t0 + s[t0..t1].trim_end().len();
            b.push(Found {
                ordinal: m.ordinal,
                marker: s[..m.len].trim().to_string(),
                heading: Span::new(line.start, line.start + t1),
                title: Span::new(line.start + t0, line.start + t1),
                inferred: false,
                run_in: false,
                para_end: line.end,
                repaired: false,
            });
            pos = t1;
        } else if let Some(f) = repair_lost_marker(s, line, &cands, &b) {
            pos = f.title.end - line.start;
            b.push(f);
        } else if let Some(f) = repair_bare_heading(text, s, line, lines.get(k + 1), &b) {
            pos = s.len();
            b.push(f);
        }
        // Run-in headings further along the line.
        while let Some((p, m)) = next_run_in(&cands, pos, &b) {
            let t0 = p + m.len;
            let stop = next_run_in(&cands, t0, &b).map_or(s.len(), |(q, _)| q);
            let t1 = t0 + run_in_title_end(&s[t0..], stop - t0);
            let t1 = t0 + s[t0..t1].trim_end().len();
            b.push(Found {
                ordinal: m.ordinal,
                marker: s[p..p + m.len].trim().to_string(),
                heading: Span::new(line.start + p, line.start + t1),
                title: Span::new(line.start + t0, line.start + t1),
                inferred: false,
                run_in: true,
                para_end: line.end,
                repaired: false,
            });
            pos = t1.max(p + m.len);
        }
    }
    finish_spans(text, doc, &mut b.out.sections);
    b.out
}

/// Markers that follow a separator in `s` (candidates for run-in headings), in order.
fn line_candidates(s: &str, out: &mut Vec<(usize, Marker)>) {
    out.clear();
    let mut i = 0;
    while let Some(j) = next_separator(s, i) {
        if let Some(m) = parse_marker(&s[j..]) {
            out.push((j, m));
        }
        i = j;
    }
}

/// The next run-in marker at or after `from` that continues a sequence.
fn next_run_in(cands: &[(usize, Marker)], from: usize, b: &Builder) -> Option<(usize, Marker)> {
    let k = cands.partition_point(|&(p, _)| p < from);
    cands[k..]
        .iter()
        .enumerate()
        .find(|&(j, &(p, m))| accepts_run_in(&cands[k + j + 1..], p, m, b))
        .map(|(_, &c)| c)
}

/// The position after the next separator (`。` `;` `:` `!` `?` `,` `”` or a space) at or
/// after `from`, with following spaces skipped. Scans bytes: the separators are ASCII or
/// start with E2/E3, and UTF-8 continuation bytes never look like either.
fn next_separator(s: &str, from: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = from;
    while i < b.len() {
        let len = match b[i] {
            b' ' | b',' | b';' | b':' | b'!' | b'?' => 1,
            // 。 E3 80 82, ” E2 80 9D
            0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82) => 3,
            0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x9D) => 3,
            c => {
                i += crate::text::utf8_len(c);
                continue;
            }
        };
        let mut j = i + len;
        while b.get(j) == Some(&b' ') {
            j += 1;
        }
        if j < b.len() {
            return Some(j);
        }
        return None;
    }
    None
}

/// Whether a marker found inside a line is a heading: it must continue a sequence. `later`
/// are the candidates after it on the same line.
fn accepts_run_in(later: &[(usize, Marker)], at: usize, m: Marker, b: &Builder) -> bool {
    let f = m.ordinal.family;
    let n = m.ordinal.number;
    let expected = b.last_number(f).map_or(1, |l| l + 1);
    // A run-in item continues its family on the stack, or starts a new list at 1.
    match f {
        Family::Shi => n == expected || (n == 1 && b.last_number(f).is_none()),
        Family::CnComma
        | Family::CnVolume
        | Family::CnPart
        | Family::CnChapter
        | Family::CnSection => b.last_number(f).is_some() && n == expected,
        Family::CnParen | Family::CnParenGlyph | Family::DigitHalfParen => {
            if b.last_number(f).is_some() {
                n == expected
            } else {
                n == 1 && has_following(later, at, f, 2)
            }
        }
        Family::Digit
        | Family::DigitGlyph
        | Family::DigitParen
        | Family::DigitParenGlyph
        | Family::Circled
        | Family::CnOrdinal => {
            if b.last_number(f).is_some() && b.stack.last().is_some_and(|o| o.family == f) {
                n == expected
            } else {
                n == 1 && has_following(later, at, f, 2)
            }
        }
        _ => false,
    }
}

/// True when a marker of family `f` numbered `n` is among `later`, within about 200
/// characters of `at` (the next item of a run-in list follows within a sentence or two).
fn has_following(later: &[(usize, Marker)], at: usize, f: Family, n: u32) -> bool {
    let want = Ordinal {
        family: f,
        number: n,
    };
    later
        .iter()
        .take_while(|&&(p, _)| p <= at + 600)
        .any(|&(_, m)| m.ordinal == want)
}

/// Lines whose leading markers were lost at the head of a list: `(三)` arrives where it
/// cannot continue the previous list, and the `n - 1` lines right before it each open with
/// a short lead sentence (`进一步完善依法决策机制。…`). Those lines become `(一)`, `(二)`.
fn find_lost_leading_items(text: &str, lines: &[Span]) -> Vec<Option<Ordinal>> {
    let mut out = vec![None; lines.len()];
    let mut last: Vec<(Family, u32)> = Vec::new();
    let lead_sentence = |k: usize| {
        let s = &text[lines[k].start..lines[k].end];
        if parse_marker(s).is_some() || s.starts_with(['、', ')']) {
            return false;
        }
        let Some(end) = s.find('。') else {
            return false;
        };
        let first = &s[..end];
        (4..=25).contains(&first.chars().count())
            && !first.contains([',', ';', ':'])
            && first.chars().all(|c| (c as u32) >= 0x3400)
    };
    for (k, line) in lines.iter().enumerate() {
        let s = &text[line.start..line.end];
        let (family, n) = match parse_marker(s) {
            Some(m) => (m.ordinal.family, m.ordinal.number),
            None if s.starts_with(')') => {
                let n = last
                    .iter()
                    .find(|(f, _)| *f == Family::CnParen)
                    .map_or(1, |x| x.1 + 1);
                (Family::CnParen, n)
            }
            None => continue,
        };
        if !matches!(
            family,
            Family::CnParen | Family::CnComma | Family::Digit | Family::DigitParen
        ) {
            continue;
        }
        let prev = last.iter().find(|(f, _)| *f == family).map(|x| x.1);
        let continues = prev == Some(n - 1) || (prev.is_none() && n == 1);
        if !continues && n >= 2 && k as u32 >= n - 1 {
            let first = k - (n as usize - 1);
            if (first..k).all(lead_sentence) && (first..k).all(|j| out[j].is_none()) {
                for (j, slot) in out[first..k].iter_mut().enumerate() {
                    *slot = Some(Ordinal {
                        family,
                        number: j as u32 + 1,
                    });
                }
            }
        }
        match last.iter_mut().find(|(f, _)| *f == family) {
            Some(e) => e.1 = n,
            None => last.push((family, n)),
        }
    }
    out
}

/// `、依法全面履行政府职能` → `二、`; `)加强市场监管水平` → `(二)`.
fn repair_lost_marker(
    s: &str,
    line: Span,
    cands: &[(usize, Marker)],
    b: &Builder,
) -> Option<Found> {
    let (family, cut) = if let Some(r) = s.strip_prefix('、') {
        (Family::CnComma, s.len() - r.len())
    } else if let Some(r) = s.strip_prefix(')') {
        // A lost `(一`-style opener: whichever parenthesised family is open, deepest first.
        let f = b
            .stack
            .iter()
            .rev()
            .map(|o| o.family)
            .find(|f| matches!(f, Family::CnParen | Family::DigitParen))
            .unwrap_or(Family::CnParen);
        (f, s.len() - r.len())
    } else {
        return None;
    };
    let rest = &s[cut..];
    if !rest.starts_with(|c: char| (c as u32) >= 0x3400) {
        return None;
    }
    let n = b.last_number(family).map_or(1, |l| l + 1);
    let marker = format_marker(family, n, b.template(family));
    let stop = next_run_in(cands, cut, b).map_or(s.len(), |(p, _)| p);
    let t1 = cut + title_end(rest, stop - cut);
    let t1 = cut + s[cut..t1].trim_end().len();
    Some(Found {
        ordinal: Ordinal { family, number: n },
        marker,
        heading: Span::new(line.start, line.start + t1),
        title: Span::new(line.start + cut, line.start + t1),
        inferred: true,
        run_in: false,
        para_end: line.end,
        repaired: true,
    })
}

/// A short unpunctuated line whose marker was lost entirely, recognised because the next
/// line opens the first child (`(一)`) of a family already open under a parent family.
fn repair_bare_heading(
    text: &str,
    s: &str,
    line: Span,
    next: Option<&Span>,
    b: &Builder,
) -> Option<Found> {
    let n_chars = s.chars().count();
    if !(4..=30).contains(&n_chars) || s.contains(['。', ',', ';', ':', '!', '?', '、']) {
        return None;
    }
    if !s
        .chars()
        .all(|c| (c as u32) >= 0x3400 || c == '“' || c == '”')
    {
        return None;
    }
    let next = next?;
    let nm = parse_marker(&text[next.start..next.end])?;
    if nm.ordinal.number != 1 {
        return None;
    }
    let d = b.depth_of(nm.ordinal.family)?;
    if d == 0 {
        return None;
    }
    let parent = &b.stack[d - 1];
    let family = parent.family;
    let n = parent.last + 1;
    Some(Found {
        ordinal: Ordinal { family, number: n },
        marker: format_marker(family, n, Some(&parent.template)),
        heading: line,
        title: line,
        inferred: true,
        run_in: false,
        para_end: line.end,
        repaired: true,
    })
}

/// Section ends: the next heading of the same or a higher level, else the end of the last
/// text line; run-in sections also end with their paragraph.
fn finish_spans(text: &str, doc: &Document, sections: &mut [Section]) {
    let text_end = doc
        .lines
        .iter()
        .rev()
        .find(|l| l.kind == LineKind::Text)
        .map_or(text.len(), |l| l.span.end);
    // Monotonic stack of open sections by level.
    let mut open: Vec<usize> = Vec::new();
    for i in 0..sections.len() {
        let (lvl, start) = (sections[i].level, sections[i].heading.start);
        while let Some(&j) = open.last() {
            if sections[j].level >= lvl {
                sections[j].span.end = sections[j].span.end.min(start);
                open.pop();
            } else {
                break;
            }
        }
        open.push(i);
    }
    for j in open {
        sections[j].span.end = sections[j].span.end.min(text_end);
    }
    // A parent ends no earlier than its last child.
    for i in (0..sections.len()).rev() {
        if let Some(p) = sections[i].parent {
            let e = sections[i].span.end;
            if sections[p].span.end < e {
                sections[p].span.end = e;
            }
        }
        let s = &mut sections[i];
        s.span.end = s.span.end.max(s.heading.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(t: &str) -> Vec<(u8, String, String, bool)> {
        let d = Document::new(t);
        find_sections(t, &d)
            .sections
            .into_iter()
            .map(|s| (s.level, s.marker, s.title, s.inferred))
            .collect()
    }

    #[test]
    fn nests_by_first_appearance() {
        let t =
            "一、总体情况\n(一)加强领导。正文。\n1.建立机制。正文。\n(二)完善制度\n二、存在问题";
        let o = outline(t);
        let levels: Vec<u8> = o.iter().map(|x| x.0).collect();
        assert_eq!(levels, [1, 2, 3, 2, 1]);
        assert_eq!(o[1].2, "加强领导", "run-in heading ends at 。");
        assert_eq!(o[3].2, "完善制度", "heading alone keeps the whole line");
    }

    #[test]
    fn starts_hierarchy_anywhere() {
        let o = outline("(一)加强领导\n1.建立机制\n(二)完善制度");
        assert_eq!(o.iter().map(|x| x.0).collect::<Vec<_>>(), [1, 2, 1]);
    }

    /// Rule 1 (document divisions have fixed ranks) and rule 2 (other families nest by order
    /// of appearance), one row each: the text and the level of every heading in order.
    #[test]
    fn levels_follow_the_two_rules() {
        let table: &[(&str, &[u8], &str)] = &[
            (
                "第一部分 工作情况\n一、甲\n(一)乙\n(二)丙\n第二部分 存在问题\n一、丁",
                &[1, 2, 3, 3, 1, 2],
                "a part closes everything below it",
            ),
            (
                "第一章 总则\n第一节 甲\n一、乙\n(一)丙\n第二节 丁\n一、戊\n第二章 附则",
                &[1, 2, 3, 4, 2, 3, 1],
                "a section sits directly below its chapter",
            ),
            (
                "第一篇 甲\n第一章 乙\n第一节 丙\n一、丁\n第二章 戊\n第二篇 己",
                &[1, 2, 3, 4, 2, 1],
                "volume above chapter above section",
            ),
            (
                "一、前言\n(一)背景\n第一部分 工作情况\n一、甲",
                &[1, 2, 1, 2],
                "a part after a preamble is still the top level",
            ),
            (
                "第一节 甲\n一、乙\n第二节 丙",
                &[1, 2, 1],
                "sections without a chapter are the top level",
            ),
            (
                "1.甲\n(1)乙\n①丙\n②丁\n(2)戊\n2.己",
                &[1, 2, 3, 3, 2, 1],
                "1. / (1) / ①",
            ),
            (
                "一、甲\n(一)乙\n1.丙\n二、丁",
                &[1, 2, 3, 1],
                "a family open in the branch closes back to its level",
            ),
            (
                "一、甲\n1.乙\n一是丙。二是丁。\n2.戊",
                &[1, 2, 3, 3, 2],
                "一是 below 1., closed with its paragraph",
            ),
            (
                "一、甲\n(1)乙\n⑵丙\n⑴丁",
                &[1, 2, 2, 3],
                "⑵ continues (1); ⑴ restarting opens below",
            ),
            (
                "一、甲\n(一)乙。正文。(二)丙。正文。\n1.丁",
                &[1, 2, 2, 3],
                "a run-in (二) is a lost line break and stays open",
            ),
            (
                "一、甲\n(一)乙。正文:1.子一;2.子二。\n(1)丙",
                &[1, 2, 3, 3, 3],
                "a run-in 1. list closes with its paragraph",
            ),
            (
                "一、甲\n一、乙\n二、丙",
                &[1, 1, 1],
                "a family reused under itself closes back (today's rule)",
            ),
        ];
        for (text, want, why) in table {
            let got: Vec<u8> = outline(text).iter().map(|x| x.0).collect();
            assert_eq!(got, *want, "{why}: {text}");
        }
    }

    #[test]
    fn finds_run_in_enumerations() {
        let t = "(一)存在问题\n存在不足。一是法制机构力量不足。二是执法不够规范。三是宣传创新不够。\n(二)下一步";
        let o = outline(t);
        let got: Vec<(u8, &str, &str)> = o
            .iter()
            .map(|x| (x.0, x.1.as_str(), x.2.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, "(一)", "存在问题"),
                (2, "一是", "法制机构力量不足"),
                (2, "二是", "执法不够规范"),
                (2, "三是", "宣传创新不够"),
                (1, "(二)", "下一步"),
            ]
        );
    }

    #[test]
    fn run_in_titles_stop_at_the_first_comma_of_a_long_sentence() {
        let o = outline(
            "(二)加强规范性文件管理。一是严格合法性审核,全年审核文件38件;二是开展清理。三是继续坚持以人民为中心,用法治保障人民安居乐业。",
        );
        assert_eq!(o[1].2, "严格合法性审核", "figures follow the comma");
        assert_eq!(o[2].2, "开展清理");
        assert_eq!(
            o[3].2, "继续坚持以人民为中心,用法治保障人民安居乐业",
            "a two-part title stays whole"
        );
    }

    #[test]
    fn repairs_lost_markers() {
        let t = "一、强化组织领导\n(一)坚持党的领导。正文。\n、依法全面履行政府职能\n(一)深化改革。正文。\n)加强市场监管水平。正文。\n坚持严格规范公正文明执法\n(一)健全机制。正文。";
        let o = outline(t);
        let got: Vec<(u8, &str, bool)> = o.iter().map(|x| (x.0, x.1.as_str(), x.3)).collect();
        assert_eq!(
            got,
            [
                (1, "一、", false),
                (2, "(一)", false),
                (1, "二、", true),
                (2, "(一)", false),
                (2, "(二)", true),
                (1, "三、", true),
                (2, "(一)", false),
            ]
        );
    }

    #[test]
    fn repairs_lost_leading_items_of_a_list() {
        let t = "(三)加强法治宣传教育。正文。\n2020年是收官之年。我们将继续努力。\n全面提升运用法治思维的能力。全面提升能力。\n进一步完善依法决策机制。强化监督。\n(三)进一步加强规范性文件管理。正文。\n)进一步深化改革。正文。";
        let o = outline(t);
        let got: Vec<(&str, bool)> = o.iter().map(|x| (x.1.as_str(), x.3)).collect();
        assert_eq!(
            got,
            [
                ("(三)", false),
                ("(一)", true),
                ("(二)", true),
                ("(三)", false),
                ("(四)", true)
            ]
        );
        assert_eq!(o[1].2, "全面提升运用法治思维的能力");
    }

    #[test]
    fn reports_gaps_and_duplicates() {
        let t = "一、甲\n(一)子一。文。\n(三)子三。文。\n(三)又三。文。";
        let d = Document::new(t);
        let o = find_sections(t, &d);
        let codes: Vec<&str> = o.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["numbering-gap", "numbering-duplicate"]);
        assert!(
            o.diagnostics[0].message.contains("缺少“(二)”"),
            "{}",
            o.diagnostics[0].message
        );
    }

    #[test]
    fn lists_numbered_on_across_sections_are_not_gaps() {
        let t = "(一)甲\n1.子一。文。\n2.子二。文。\n(二)乙\n3.子三。文。\n5.子五。文。";
        let d = Document::new(t);
        let o = find_sections(t, &d);
        let msgs: Vec<&str> = o.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(msgs, ["序号不连续：“3.”之后是“5.”，缺少“4.”"]);
    }

    #[test]
    fn a_run_in_list_resumed_later_reports_only_what_is_missing() {
        let t = "(一)甲\n一是甲甲。二是乙乙。\n正文一段，没有序号。\n四是丁丁。";
        let d = Document::new(t);
        let o = find_sections(t, &d);
        let msgs: Vec<&str> = o.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(msgs, ["序号不连续：“二是”之后是“四是”，缺少“三是”"]);
    }

    #[test]
    fn splits_headings_run_together_on_one_line() {
        let t = "一、总体\n(一)加强领导。正文内容。(二)完善制度。正文内容。";
        let o = outline(t);
        assert_eq!(o.len(), 3);
        assert_eq!((o[2].0, o[2].1.as_str()), (2, "(二)"));
    }
}
