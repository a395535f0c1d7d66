//! The five required parts of an annual report (《法治政府建设与责任落实督察工作规定》).
//!
//! | id | part | typical heading |
//! |---|---|---|
//! | P1 | 主要举措和成效 | `一、2023年推进法治政府建设的主要举措和成效` |
//! | P2 | 存在的不足和原因 | `三、存在的问题` |
//! | P3 | 党政主要负责人履行第一责任人职责情况 | `二、党政主要负责人履行推进法治建设第一责任人职责情况` |
//! | P4 | 下一年度主要安排 | `四、下一步工作打算`, `2024年工作思路` |
//! | P5 | 其他需要报告的情况 | `五、其他需要报告的情况` |
//!
//! Each part is **found**, **weak** (traces only) or **missing**, with the span of the heading
//! or passage that carries it and the phrases that matched. All matching runs on the
//! normalised (Simplified, half-width) view.
//!
//! The parts are `required` for reports on 2019 and later and when the year is unknown;
//! for earlier reports they are found the same way and shown for reference.
//!
//! ## Headings first
//! A section title carries a part when it contains one of the part's heading variants
//! (the heading variants of 《法治政府建设与责任落实督察工作规定》 parts, in [`super::lexicon`]). One heading may carry two parts (`存在问题和下一步工作安排` → P2 and P4). A
//! variant inside a longer variant of another part does not count (`工作举措` inside
//! `下一步工作举措` is P4 only). Generic variants (`重点工作`, `工作成效`, `基本情况`,
//! `其他`) count only on top-level headings: `(三)重点工作推进` under P1 is not a plan. Any
//! title naming `第一责任人` carries P3; a top-level title naming the next year
//! (`2024年…工作思路`) carries P4, one naming the year reported and its work or state
//! (`第一部分 2023年工作情况`) carries P1. Top-level means level 1 of the corrected tree: a
//! report divided into `第N部分` announces its parts there, and its `一、` are below them.
//! A `党的领导` / `组织领导` section carries P3 when its body names the 第一责任人 (or 述法,
//! 亲自部署 …) among other P3 cues, weakly when that is the only cue.
//!
//! ## Then passages
//! Unnumbered paragraphs (lines) in the body:
//! * P2: an opener near the start of the paragraph (`但也存在一些薄弱环节`, `还存在…不足`)
//!   and at least three distinct P2 cues (`不足`, `有待`, `薄弱`, `不够` …) → found; the
//!   opener alone → weak. `针对存在的问题，开展了…` deep in a paragraph is rejected.
//! * P3: a paragraph naming `第一责任人` with two further P3 cues → found; fewer → weak.
//! * P4: a paragraph whose first sentence opens the next year (`2020年是…我们将…`,
//!   `下一步，…将…`, `新的一年…`) followed by plan items (`进一步…`, `继续…`) → found, the
//!   passage running over the plan items; the opener alone → weak.
//! * P5: the phrase `其他需要报告的情况` anywhere.
//! * P1 without a heading: two or more top-level work sections carrying no other part →
//!   found (the span runs from the first to the last of them); one → weak.

use super::lexicon::*;
use crate::checks::cues::{LineHits, Tag};
use crate::lex::phrase::PhraseIndex;
use crate::model::{Family, Part, PartStatus, Section, Via};
use crate::passes::document::Document;
use crate::text::Span;
use std::sync::LazyLock;

/// Longest title searched for heading variants; longer ones are sentences or questions.
const MAX_TITLE_CHARS: usize = 40;

/// Heading variants: part index, variant, generic.
static HEADINGS: LazyLock<PhraseIndex<(usize, &'static str, bool)>> = LazyLock::new(|| {
    PhraseIndex::new(
        HEADING_VARIANTS
            .iter()
            .enumerate()
            .flat_map(|(p, vs)| vs.iter().map(move |&(v, generic)| (v, (p, v, generic)))),
    )
});

/// The cues found in one stretch of text, with their offsets from its start.
struct Cues {
    hits: Vec<(List, &'static str, usize)>,
}

impl Cues {
    /// The cues among `hits`, with offsets from `base`.
    fn from_hits<'a>(hits: impl Iterator<Item = &'a (Tag, Span)>, base: usize) -> Self {
        let hits = hits
            .filter_map(|&(t, at)| match t {
                Tag::Part(l, p) => Some((l, p, at.start - base)),
                Tag::Area(_) | Tag::Task(..) | Tag::Form(_) => None,
            })
            .collect();
        Cues { hits }
    }

    /// The cues inside `span`.
    fn of(hits: &LineHits, span: Span) -> Self {
        Self::from_hits(hits.within(span), span.start)
    }

    /// Distinct phrases of `list`, in order of first appearance; a phrase inside an earlier
    /// longer one of the same list (`主要负责人` in `党政主要负责人`) is left out.
    fn distinct(&self, list: List) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for &(l, p, _) in &self.hits {
            if l == list && !out.iter().any(|o| o.contains(p)) {
                out.push(p);
            }
        }
        out
    }

    /// The first phrase of `list` starting before byte `limit`.
    fn first_before(&self, list: List, limit: usize) -> Option<&'static str> {
        self.hits
            .iter()
            .find(|&&(l, _, at)| l == list && at < limit)
            .map(|&(_, p, _)| p)
    }

    fn has(&self, list: List) -> bool {
        self.hits.iter().any(|&(l, _, _)| l == list)
    }
}

/// Finds the five parts in `text` (the normalised view). `sections` are in view
/// coordinates; `year` is the year the report covers.
pub fn find_parts(
    text: &str,
    doc: &Document,
    sections: &[Section],
    year: Option<u16>,
) -> Vec<Part> {
    find_parts_in(text, &LineHits::new(text, doc), sections, year)
}

/// True when the five parts are judged for a report on `year`: 2019 and later (the
/// 督察工作规定 is in force since 2019-04-15), and when the year is unknown.
pub fn is_required(year: Option<u16>) -> bool {
    year.is_none_or(|y| y >= 2019)
}

/// [`find_parts`] over the phrase hits of the text lines, shared with the coverage check.
pub(crate) fn find_parts_in(
    text: &str,
    hits: &LineHits,
    sections: &[Section],
    year: Option<u16>,
) -> Vec<Part> {
    let mut parts: Vec<Part> = PARTS
        .iter()
        .map(|&(id, name)| Part {
            id,
            name,
            status: PartStatus::Missing,
            required: is_required(year),
            span: None,
            via: None,
            section: None,
            evidence: Vec::new(),
        })
        .collect();

    // 1. Headings.
    let mut carriers = vec![false; sections.len()];
    for (k, s) in sections.iter().enumerate() {
        // `五是查找一批短板弱项` is a task in a list, never a part's heading.
        if s.run_in || s.ordinal.family == Family::Shi {
            continue;
        }
        let title = &text[s.title_span.start..s.title_span.end];
        if title.chars().count() > MAX_TITLE_CHARS {
            continue; // a sentence or an exam question, not a heading
        }
        for (p, phrase) in heading_parts(text, s.title_span, s.level, year) {
            carriers[k] = true;
            let part = &mut parts[p];
            if part.status != PartStatus::Found {
                part.status = PartStatus::Found;
                part.span = Some(s.heading);
                part.via = Some(Via::Heading);
                part.section = Some(k);
            }
            push_unique(&mut part.evidence, phrase);
        }
    }
    // P3 folded into a party-leadership section.
    if parts[2].status != PartStatus::Found {
        for (k, s) in sections.iter().enumerate() {
            if s.run_in {
                continue;
            }
            let title = Cues::of(hits, s.title_span);
            let duty = title.has(List::Duty);
            let Some(name) = title
                .distinct(List::Leadership)
                .into_iter()
                .chain(title.distinct(List::Duty))
                .next()
            else {
                continue;
            };
            let body = Cues::of(hits, Span::new(s.title_span.end, s.span.end));
            let (strong, all) = p3_cues(&body);
            let status = match (strong, all.len()) {
                (true, n) if n >= 3 => PartStatus::Found,
                (true, _) => PartStatus::Weak,
                (false, n) if duty && n >= 1 => PartStatus::Weak,
                _ => continue,
            };
            if better(status, parts[2].status) {
                let part = &mut parts[2];
                part.status = status;
                part.span = Some(s.heading);
                part.via = Some(Via::Heading);
                part.section = Some(k);
                part.evidence = std::iter::once(name).chain(all).map(String::from).collect();
            }
        }
    }

    // 2. Passages: unnumbered paragraphs.
    let lines = hits.lines();
    // Lines that are a heading alone.
    let mut heading_lines: Vec<Span> = sections
        .iter()
        .filter(|s| !s.run_in)
        .map(|s| Span::new(s.heading.start, s.title_span.end))
        .collect();
    crate::text::sort::sort(&mut heading_lines);
    // `2024年`: a plan paragraph may open with the year after the one reported.
    let next_year = year.map(|y| format!("{}年", y + 1));
    let cues: Vec<Cues> = (0..lines.len())
        .map(|n| Cues::from_hits(hits.line(n).iter(), lines[n].start))
        .collect();
    for (n, &l) in lines.iter().enumerate() {
        if heading_lines.binary_search(&l).is_ok() {
            continue;
        }
        let s = &text[l.start..l.end];
        let c = &cues[n];
        // P2: an opener within the first 120 characters.
        if parts[1].status != PartStatus::Found {
            if let Some(opener) = c.first_before(List::P2Opener, crate::text::char_offset(s, 120)) {
                let found = c.distinct(List::P2Cue);
                let status = if found.len() >= 3 {
                    PartStatus::Found
                } else {
                    PartStatus::Weak
                };
                if better(status, parts[1].status) {
                    let part = &mut parts[1];
                    part.status = status;
                    part.span = Some(l);
                    part.via = Some(Via::Passage);
                    part.evidence = Vec::new();
                    for p in std::iter::once(opener).chain(found) {
                        push_unique(&mut part.evidence, p);
                    }
                }
            }
        }
        // P4: an opener, then plan items.
        if parts[3].status != PartStatus::Found {
            if let Some(opener) = p4_opener(s, c, next_year.as_deref()) {
                // One line without a cue may sit between two items.
                let mut end = l.end;
                let mut items = 0;
                let mut gap = 0;
                let mut ev: Vec<String> = vec![opener];
                for (m, mc) in lines[n + 1..].iter().zip(&cues[n + 1..]) {
                    let t = &text[m.start..m.end];
                    let cue = mc
                        .distinct(List::P4Cue)
                        .first()
                        .copied()
                        .or_else(|| t.contains('将').then_some("将"));
                    match cue {
                        Some(cue) => {
                            items += 1 + gap;
                            gap = 0;
                            end = m.end;
                            push_unique(&mut ev, cue);
                        }
                        None if gap == 0 => gap = 1,
                        None => break,
                    }
                }
                let own = c.distinct(List::P4Cue);
                let status = if items >= 2 || own.len() >= 3 {
                    PartStatus::Found
                } else {
                    PartStatus::Weak
                };
                if better(status, parts[3].status) {
                    for cue in own {
                        push_unique(&mut ev, cue);
                    }
                    let part = &mut parts[3];
                    part.status = status;
                    part.span = Some(Span::new(l.start, end));
                    part.via = Some(Via::Passage);
                    part.evidence = ev;
                }
            }
        }
        // P5: the phrase anywhere.
        if parts[4].status == PartStatus::Missing {
            if let Some(&(_, p, at)) = c.hits.iter().find(|h| h.0 == List::P5) {
                let part = &mut parts[4];
                part.status = PartStatus::Found;
                part.span = Some(Span::new(l.start + at, l.start + at + p.len()));
                part.via = Some(Via::Passage);
                part.evidence = vec![p.to_string()];
            }
        }
    }

    // P3 passages, outside the plan (`全面履行…第一责任人职责` in a plan item is an intent).
    let plan = match (parts[3].via, parts[3].section) {
        (Some(Via::Heading), Some(k)) => Some(sections[k].span),
        _ => parts[3].span,
    };
    for (&l, c) in lines.iter().zip(&cues) {
        if parts[2].status == PartStatus::Found || plan.is_some_and(|p| p.contains(l)) {
            continue;
        }
        if c.hits.iter().any(|h| h.1 == "第一责任人") {
            let (_, all) = p3_cues(c);
            // The strong cue itself plus at least two others.
            let status = if all.len() >= 3 {
                PartStatus::Found
            } else {
                PartStatus::Weak
            };
            if better(status, parts[2].status) {
                let part = &mut parts[2];
                part.status = status;
                part.span = Some(l);
                part.via = Some(Via::Passage);
                part.evidence = all.into_iter().map(String::from).collect();
            }
        }
    }

    // 3. P1 without a heading: the top-level work sections.
    if parts[0].status == PartStatus::Missing {
        let work: Vec<usize> = (0..sections.len())
            .filter(|&k| sections[k].level == 1 && !sections[k].run_in && !carriers[k])
            .collect();
        if let (Some(&first), Some(&last)) = (work.first(), work.last()) {
            let start = sections[first].heading.start;
            // Stop before a later part's passage.
            let stop = parts[1..]
                .iter()
                .filter_map(|p| p.span)
                .map(|s| s.start)
                .filter(|&s| s > start)
                .min()
                .unwrap_or(usize::MAX);
            let end = sections[last].span.end.min(stop);
            let mut found: Vec<&str> = Vec::new();
            for (l, c) in lines.iter().zip(&cues) {
                if l.start >= start && l.end <= end {
                    for p in c.distinct(List::P1Cue) {
                        if !found.contains(&p) {
                            found.push(p);
                        }
                    }
                }
            }
            crate::text::sort::sort_by_key(&mut found, |p| P1_CUES.iter().position(|c| c == p));
            let part = &mut parts[0];
            part.status = if work.len() >= 2 && found.len() >= 3 {
                PartStatus::Found
            } else {
                PartStatus::Weak
            };
            part.span = Some(Span::new(start, end));
            part.via = Some(Via::Passage);
            part.evidence = std::iter::once(format!("{}个工作章节", work.len()))
                .chain(found.into_iter().map(String::from))
                .collect();
        }
    }
    parts
}

/// Parts (by index) carried by a heading title, with the phrase that matched.
fn heading_parts(text: &str, title: Span, level: u8, year: Option<u16>) -> Vec<(usize, String)> {
    let t = &text[title.start..title.end];
    // Every variant occurrence; then drop those inside a longer occurrence of another part.
    let mut occ: Vec<(usize, Span, &str)> = Vec::new();
    HEADINGS.each(text, title, |&(p, v, generic), at| {
        if generic && level > 1 {
            return;
        }
        // `其他` only as the start of a title: `其他需要…`, not `…和其他工作`.
        if v == "其他" && at.start != title.start {
            return;
        }
        occ.push((p, at, v));
    });
    let inside_longer = |a: &(usize, Span, &str)| {
        occ.iter()
            .any(|b| b.0 != a.0 && b.1.contains(a.1) && b.1.len() > a.1.len())
    };
    let mut out: Vec<(usize, String)> = Vec::new();
    for o in occ.iter().filter(|o| !inside_longer(o)) {
        if !out.iter().any(|(p, _)| *p == o.0) {
            out.push((o.0, o.2.to_string()));
        }
    }
    if out.is_empty() && level == 1 {
        // `四、2024年推进法治政府建设的工作目标`: the next year names the plan;
        // `第一部分 2023年工作情况`: the year reported names the work done.
        if let Some(y) = year {
            let (this, next) = (format!("{y}年"), format!("{}年", y + 1));
            if t.contains(&next) {
                out.push((3, next));
            } else if t.contains(&this) && ["工作", "情况"].iter().any(|w| t.contains(w)) {
                out.push((0, this));
            }
        }
    }
    crate::text::sort::sort_by_key(&mut out, |(p, _)| *p);
    out
}

/// Whether a strong P3 cue occurs, and all P3 cues (strong first).
fn p3_cues(c: &Cues) -> (bool, Vec<&'static str>) {
    let mut all = c.distinct(List::P3Strong);
    let strong = !all.is_empty();
    for p in c.distinct(List::P3Cue) {
        if !all.iter().any(|a| a.contains(p)) {
            all.push(p);
        }
    }
    (strong, all)
}

/// The opener of a plan paragraph in its first sentence, if any: the next year at the start
/// (`2020年是…`, `2022年,盐田区将…`) or an opener word with a verb of intent.
fn p4_opener(s: &str, c: &Cues, next_year: Option<&str>) -> Option<String> {
    let first = s.split('。').next().unwrap_or(s);
    let intent =
        c.first_before(List::P4Intent, first.len()).is_some() || first.contains(['将', '要', '拟']);
    if let Some(next) = next_year {
        if first.starts_with(next) && (intent || s[first.len()..].contains("我们将")) {
            return Some(next.to_string());
        }
    }
    let opener = c.first_before(List::P4Opener, crate::text::char_offset(s, 10))?;
    intent.then(|| opener.to_string())
}

fn better(new: PartStatus, old: PartStatus) -> bool {
    matches!(
        (new, old),
        (PartStatus::Found, PartStatus::Weak | PartStatus::Missing)
            | (PartStatus::Weak, PartStatus::Missing)
    )
}

fn push_unique(v: &mut Vec<String>, s: impl AsRef<str>) {
    let s = s.as_ref();
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}
