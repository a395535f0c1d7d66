//! Coverage of the 纲要 areas A1–A9 (《法治政府建设实施纲要（2021—2025年）》).
//!
//! The phrase lists ([`super::lexicon`]) are the key phrases of the 纲要 (2021—2025) areas, with the 2015—2020 纲要's terms mapped onto them: each area's `phrases` weigh 2, its `extra` 1; A0
//! (习近平法治思想) and AX (法治宣传教育) count towards A9, and the 2015–2020 areas L0–L7
//! count towards the area they map to (L5 → A7, L7 → A9 …) with weight 2.
//!
//! ## Matching
//! One forward scan over the report's text lines (chrome and metadata lines are skipped) on
//! the normalised view, so `行政復議` matches `行政复议`. At each position the phrases that
//! start with the next two characters are tried, longest first, and the longest match wins
//! and is consumed: `行政规范性文件` counts once, not also as `规范性文件`; `三项制度` inside
//! `行政执法三项制度` is not counted twice. Matching is literal: `调处` also matches inside
//! `调处成功`, and `智慧` inside `智慧城市` — which is why such words are only `extra`.
//!
//! ## Score
//! `points = Σ weight × min(count, 3)` over the phrases that hit: one phrase repeated forty
//! times counts as three uses. `score = min(100, round(points × 100 / 24))`: 24 points —
//! four key phrases used three times each, or twelve used once — is full coverage. An area
//! with score 0 is flagged.
//!
//! Cost: the index is built once (a multi-phrase index); the scan is linear.

use super::lexicon::AREAS;
use crate::checks::cues::LineHits;
use crate::model::{AreaCoverage, PhraseHit, Section};
use crate::passes::document::Document;
use crate::text::Span;

/// Uses of one phrase counted towards a score.
pub const PHRASE_CAP: u32 = 3;
/// Points that make a score of 100.
pub const FULL_POINTS: u32 = 24;

/// Coverage of A1–A9 in `text` (the normalised view). `sections` are in view coordinates.
pub fn find_coverage(text: &str, doc: &Document, sections: &[Section]) -> Vec<AreaCoverage> {
    coverage_in(&LineHits::new(text, doc), sections)
}

/// `a == b` for phrases of the lists: most often the same `&'static str` (one pointer
/// compare), and phrases that differ mostly differ in their last byte (no call to compare).
fn same_phrase(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && (a.as_ptr() == b.as_ptr() || (a.as_bytes().last() == b.as_bytes().last() && a == b))
}

/// [`find_coverage`] over the phrase hits of the text lines, shared with the parts check.
pub(crate) fn coverage_in(hits: &LineHits, sections: &[Section]) -> Vec<AreaCoverage> {
    let mut counts: Vec<Vec<(&'static str, u32, u32)>> = vec![Vec::new(); AREAS.len()];
    let mut secs: Vec<Vec<usize>> = vec![Vec::new(); AREAS.len()];
    let mut spans: Vec<Vec<Span>> = vec![Vec::new(); AREAS.len()];
    let mut cursor = Innermost::new(sections);
    hits.longest_areas(|&(area, phrase, weight), span| {
        let c = &mut counts[area];
        match c.iter_mut().find(|(t, _, _)| same_phrase(t, phrase)) {
            Some(e) => e.1 += 1,
            None => c.push((phrase, 1, weight)),
        }
        if let Some(k) = cursor.at(span.start) {
            secs[area].push(k);
        }
        spans[area].push(span);
    });
    AREAS
        .iter()
        .enumerate()
        .map(|(a, &(area, name, phrases, extra))| {
            let order = |t: &str| {
                phrases
                    .iter()
                    .chain(extra.iter())
                    .position(|p| *p == t)
                    .unwrap_or(usize::MAX)
            };
            let mut hits: Vec<PhraseHit> = counts[a]
                .iter()
                .map(|&(text, count, weight)| PhraseHit {
                    text,
                    count,
                    weight,
                })
                .collect();
            crate::text::sort::sort_by_cached_key(&mut hits, |h| order(h.text));
            let points: u32 = hits
                .iter()
                .map(|h| h.weight * h.count.min(PHRASE_CAP))
                .sum();
            let mut sections = std::mem::take(&mut secs[a]);
            crate::text::sort::sort(&mut sections);
            sections.dedup();
            AreaCoverage {
                area,
                name,
                score: (points * 100 + FULL_POINTS / 2) / FULL_POINTS,
                points,
                sections,
                phrases: hits,
                spans: std::mem::take(&mut spans[a]),
            }
            .capped()
        })
        .collect()
}

impl AreaCoverage {
    fn capped(mut self) -> Self {
        self.score = self.score.min(100);
        self
    }
}

/// The innermost section containing each of a sequence of ascending positions.
pub(crate) struct Innermost<'a> {
    sections: &'a [Section],
    stack: Vec<usize>,
    next: usize,
}

impl<'a> Innermost<'a> {
    /// A cursor at the start of the text.
    pub(crate) fn new(sections: &'a [Section]) -> Self {
        Innermost {
            sections,
            stack: Vec::new(),
            next: 0,
        }
    }

    /// The innermost section containing `pos`; positions must not decrease.
    pub(crate) fn at(&mut self, pos: usize) -> Option<usize> {
        let s = self.sections;
        while self.next < s.len() && s[self.next].heading.start <= pos {
            while self
                .stack
                .last()
                .is_some_and(|&t| s[t].span.end <= s[self.next].heading.start)
            {
                self.stack.pop();
            }
            self.stack.push(self.next);
            self.next += 1;
        }
        while self.stack.last().is_some_and(|&t| s[t].span.end <= pos) {
            self.stack.pop();
        }
        self.stack.last().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cov(text: &str) -> Vec<AreaCoverage> {
        let doc = Document::new(text);
        find_coverage(text, &doc, &[])
    }

    fn phrases(c: &AreaCoverage) -> Vec<(&str, u32)> {
        c.phrases.iter().map(|h| (h.text, h.count)).collect()
    }

    #[test]
    fn longest_phrase_wins_and_is_consumed() {
        // `行政规范性文件` counts once, not also as `规范性文件`.
        let c = cov("审核行政规范性文件8件,清理规范性文件3件。");
        assert_eq!(phrases(&c[1]), [("规范性文件", 1), ("行政规范性文件", 1)]);
        // `行政执法三项制度` once; `三项制度` alone elsewhere.
        let c = cov("全面推行行政执法三项制度。落实三项制度。");
        assert_eq!(phrases(&c[3]), [("行政执法三项制度", 1), ("三项制度", 1)]);
    }

    #[test]
    fn a_phrase_in_two_areas_counts_in_both() {
        // `听证`: A2 extra (weight 1) and A3 key phrase (weight 2).
        let c = cov("组织听证会。");
        assert_eq!(c[1].points, 1);
        assert_eq!(c[2].points, 2);
    }

    #[test]
    fn repeats_are_capped() {
        let c = cov(&"信访。".repeat(40));
        assert_eq!(phrases(&c[5]), [("信访", 40)]);
        assert_eq!(c[5].points, 2 * PHRASE_CAP);
        assert_eq!(c[5].score, (6 * 100 + 12) / 24);
    }

    #[test]
    fn traditional_and_full_width_text_matches() {
        let t = "推進“互聯網＋政務服務”,辦理行政復議案件。";
        let n = crate::text::Normalized::new(t);
        let c = cov(&n.text);
        assert_eq!(phrases(&c[7]), [("互联网+政务服务", 1)]);
        assert_eq!(phrases(&c[5]), [("行政复议", 1)]);
    }

    #[test]
    fn old_and_auxiliary_areas_map_into_a9() {
        // L7 `学法用法`, AX `普法`, A0 `习近平法治思想` all count for A9.
        let c = cov("深入学习习近平法治思想,推进学法用法,开展普法。");
        assert_eq!(
            phrases(&c[8]),
            [("习近平法治思想", 1), ("普法", 1), ("学法用法", 1)]
        );
        assert!(c[..8].iter().all(|a| a.points == 0));
    }

    #[test]
    fn uncovered_lists_the_areas_with_nothing() {
        let a = crate::analyze("一、深化“放管服”改革\n办理行政复议案件12件。");
        let flagged = crate::model::uncovered(&a.coverage);
        assert!(
            !flagged.contains(&"A1") && !flagged.contains(&"A6"),
            "{flagged:?}"
        );
        assert!(
            flagged.contains(&"A5"),
            "nothing about emergencies: {flagged:?}"
        );
    }
}
