//! Coverage of the 纲要's numbered tasks: which tasks a report addresses, mentions or leaves
//! out, with the passages, and a score per part and overall.
//!
//! The 纲要 is chosen by the year covered ([`super::gangyao::for_year`]); its tasks and their
//! phrases are the data of [`super::gangyao`].
//!
//! ## Matching
//! The phrases are found by the shared scan of the text lines (`checks::cues`), on the
//! normalised view (`行政復議` is `行政复议`). Of the phrases of one 纲要, the longest at each
//! position wins and is consumed: `行政复议委员会` is not also `行政复议`, `政务服务平台` is
//! （二十九） and not （五）'s `政务服务`; a stop name (`市场监管局`) consumes its phrase.
//!
//! ## Status
//! * **addressed** (已落实): a heading of at most 40 characters carries one of the task's
//!   phrases (`（三）全面推进政务公开`), or one section — the innermost section around the
//!   phrases; a paragraph line when the report has no headings — carries two or more of its
//!   distinct phrases;
//! * **mentioned** (提及): any phrase of the task elsewhere;
//! * **absent** (未涉及): none.
//!
//! ## Scores
//! A task scores 100 addressed, 40 mentioned, 0 absent. A part's score is the mean of its
//! tasks, the report's the mean of all its tasks (parts with more tasks weigh more), both
//! rounded. A legislative task (（七）, （八）; 2015: 9.–11.) does not apply to the report of a
//! government without legislative power — the title or issuer names a 县, 区 (not 自治区,
//! 地区), 镇, 乡, 街道 or 旗 — and is left out of the scores, whatever its status.
//!
//! Cost: one pass over the hits of the shared scan; the sections are walked once with a
//! moving cursor.

use super::coverage::Innermost;
use super::cues::LineHits;
use super::gangyao::{self, Outline};
use crate::model::{PartScore, Section, TaskCoverage, TaskStatus, TaskVerdict};
use crate::text::Span;

/// Longest heading title (in characters) whose phrases address a task.
const MAX_HEADING_CHARS: usize = 40;

/// Distinct phrases in one section that address a task.
const SECTION_PHRASES: usize = 2;

/// True when `name` (a title or an issuer, normalised view) is a government below the
/// 设区的市, without legislative power: it names a 县, 区 (not 自治区 or 地区), 镇, 乡, 街道
/// or 旗.
pub fn below_city(name: &str) -> bool {
    let district = name
        .match_indices('区')
        .any(|(i, _)| !name[..i].ends_with("自治") && !name[..i].ends_with('地'));
    district
        || ["县", "镇", "乡", "街道", "旗"]
            .iter()
            .any(|w| name.contains(w))
}

/// What one task collected.
#[derive(Default)]
struct Found {
    evidence: Vec<&'static str>,
    spans: Vec<Span>,
    heading: bool,
    /// (unit, phrase address): the section (or line) of each hit.
    units: Vec<(usize, usize)>,
}

/// The tasks of the 纲要 for `year` in the text scanned by `hits` (the normalised view).
/// `sections` are in view coordinates; `names` are the title and issuer (for the level of
/// government).
pub(crate) fn tasks_in(
    text: &str,
    hits: &LineHits,
    sections: &[Section],
    year: Option<u16>,
    names: &[&str],
) -> TaskCoverage {
    let Some(outline) = gangyao::for_year(year) else {
        return TaskCoverage::default();
    };
    let index = gangyao::OUTLINES
        .iter()
        .position(|o| o.id == outline.id)
        .unwrap_or(0) as u8;
    let mut found: Vec<Found> = outline.tasks.iter().map(|_| Found::default()).collect();
    let mut cursor = Innermost::new(sections);
    let lines = hits.lines();
    hits.longest_tasks(index, |k, phrase, sp| {
        let f = &mut found[k as usize];
        let sec = cursor.at(sp.start);
        let unit = match sec {
            Some(s) => {
                let t = sections[s].title_span;
                if t.contains(sp) && text[t.start..t.end].chars().count() <= MAX_HEADING_CHARS {
                    f.heading = true;
                }
                s
            }
            None => sections.len() + lines.partition_point(|l| l.end <= sp.start),
        };
        // Phrases are the table's `&'static str`s: the same phrase is the same pointer.
        if !f.evidence.iter().any(|e| e.as_ptr() == phrase.as_ptr()) {
            f.evidence.push(phrase);
        }
        f.spans.push(sp);
        f.units.push((unit, phrase.as_ptr() as usize));
    });
    let local = names.iter().any(|n| below_city(n));
    let tasks: Vec<TaskVerdict> = outline
        .tasks
        .iter()
        .zip(found)
        .map(|(task, mut f)| {
            crate::text::sort::sort(&mut f.units);
            f.units.dedup();
            let in_one = f
                .units
                .chunk_by(|a, b| a.0 == b.0)
                .any(|u| u.len() >= SECTION_PHRASES);
            let status = if f.heading || in_one {
                TaskStatus::Addressed
            } else if f.spans.is_empty() {
                TaskStatus::Absent
            } else {
                TaskStatus::Mentioned
            };
            TaskVerdict {
                part: task.part,
                number: task.number,
                label: outline.label(task.number),
                title: task.title,
                title_verified: task.title_verified(),
                status,
                applies: !(task.legislative && local),
                evidence: f.evidence,
                spans: f.spans,
            }
        })
        .collect();
    scored(outline, tasks)
}

/// Mean points, rounded; 0 for no tasks.
fn mean(points: u32, n: u32) -> u32 {
    (points + n / 2).checked_div(n).unwrap_or(0)
}

/// The coverage with its part and overall scores.
fn scored(outline: &'static Outline, tasks: Vec<TaskVerdict>) -> TaskCoverage {
    let mut parts: Vec<PartScore> = Vec::new();
    let (mut total, mut counted) = (0, 0);
    for t in &tasks {
        if parts.last().is_none_or(|p| p.part != t.part) {
            parts.push(PartScore {
                part: t.part,
                label: outline.part_label(t.part),
                title: outline.parts[t.part as usize - 1],
                score: 0,
                tasks: 0,
                addressed: 0,
                mentioned: 0,
            });
        }
        if !t.applies {
            continue;
        }
        let p = parts.last_mut().expect("pushed above");
        p.score += t.status.points();
        p.tasks += 1;
        p.addressed += (t.status == TaskStatus::Addressed) as u32;
        p.mentioned += (t.status == TaskStatus::Mentioned) as u32;
        total += t.status.points();
        counted += 1;
    }
    for p in &mut parts {
        p.score = mean(p.score, p.tasks);
    }
    TaskCoverage {
        outline: Some(outline.id),
        outline_title: Some(outline.title),
        score: Some(mean(total, counted)),
        parts,
        tasks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(a: &crate::Analysis, number: u8) -> TaskStatus {
        a.tasks
            .tasks
            .iter()
            .find(|t| t.number == number)
            .map(|t| t.status)
            .unwrap()
    }

    #[test]
    fn a_heading_addresses_a_task() {
        let a = crate::analyze(
            "2022年法治政府建设情况报告\n一、全面推进政务公开\n本年度共办理申请12件。",
        );
        assert_eq!(a.tasks.outline, Some("2021-2025"));
        assert_eq!(status(&a, 27), TaskStatus::Addressed);
        assert_eq!(status(&a, 22), TaskStatus::Absent);
    }

    #[test]
    fn two_phrases_in_one_section_address_a_passing_one_mentions() {
        let a = crate::analyze(
            "2022年法治政府建设情况报告\n一、工作成效\n深化放管服改革,推行一网通办和容缺受理。\n二、其他\n另有行政复议案件3件。",
        );
        assert_eq!(status(&a, 5), TaskStatus::Addressed);
        assert_eq!(status(&a, 22), TaskStatus::Mentioned);
    }

    #[test]
    fn the_longest_phrase_wins_and_stops_consume() {
        // 政务服务平台 is （二十九）, not （五）'s 政务服务; 市场监管局 is an office.
        let a = crate::analyze("2022年报告\n建成一体化政务服务平台。区市场监管局参加。");
        assert_eq!(status(&a, 29), TaskStatus::Mentioned);
        assert_eq!(status(&a, 5), TaskStatus::Absent);
        let b = crate::analyze("2018年报告\n区市场监管局参加。");
        assert_eq!(status(&b, 5), TaskStatus::Absent);
    }

    #[test]
    fn legislation_does_not_apply_below_the_city() {
        assert!(below_city("梅列区人民政府"));
        assert!(below_city("白沙镇"));
        assert!(!below_city("广西壮族自治区人民政府"));
        assert!(!below_city("深圳市人民政府"));
        let a = crate::analyze("某县2022年法治政府建设情况报告\n一、工作\n推进依法行政。");
        let t7 = a.tasks.tasks.iter().find(|t| t.number == 7).unwrap();
        assert!(!t7.applies);
        assert!(a.tasks.absent().all(|t| t.number != 7 && t.number != 8));
    }

    #[test]
    fn no_outline_before_2016() {
        let a = crate::analyze("某市2014年依法行政工作报告\n一、工作\n推进行政复议。");
        assert_eq!(a.tasks.outline, None);
        assert_eq!(a.tasks.score, None);
        assert!(a.tasks.tasks.is_empty());
    }

    #[test]
    fn scores_are_means_of_points() {
        let a = crate::analyze("2022年报告\n一、全面推进政务公开\n无。");
        let p8 = a.tasks.parts.iter().find(|p| p.part == 8).unwrap();
        assert_eq!((p8.tasks, p8.addressed, p8.score), (5, 1, 20));
        assert_eq!(a.tasks.score, Some(mean(100, 32)));
    }
}
