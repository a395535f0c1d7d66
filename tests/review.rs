//! The reviewer's verdict on the real reports: the 纲要 chosen by the year, the parts
//! judged by the year, and task coverage that tells a thin report from a thorough one.

use report_lens::model::{TaskCoverage, TaskStatus};
use report_lens::{analyze, Analysis};

mod common;
use common::TEXTS;

fn text(id: &str) -> &'static str {
    TEXTS.iter().find(|t| t.0 == id).unwrap().1
}

fn score(a: &Analysis) -> u32 {
    a.tasks.score.unwrap()
}

fn part(c: &TaskCoverage, n: u8) -> u32 {
    c.parts.iter().find(|p| p.part == n).unwrap().score
}

#[test]
fn the_year_chooses_the_outline() {
    let outlines: Vec<Option<&str>> = ["000", "001", "002", "003"]
        .iter()
        .map(|id| analyze(text(id)).tasks.outline)
        .collect();
    assert_eq!(
        outlines,
        [
            Some("2015-2020"),
            Some("2015-2020"),
            Some("2021-2025"),
            Some("2021-2025")
        ]
    );
    // 2015-2020: seven main tasks and forty measures; 2021-2025: parts 二–十, tasks （四）–（三十五）.
    let a = analyze(text("000"));
    assert_eq!((a.tasks.parts.len(), a.tasks.tasks.len()), (7, 40));
    let b = analyze(text("002"));
    assert_eq!((b.tasks.parts.len(), b.tasks.tasks.len()), (9, 32));
    assert_eq!(b.tasks.tasks[0].label, "（四）");
}

#[test]
fn parts_are_required_from_2019() {
    let a = analyze(text("001"));
    assert_eq!(a.meta.year, Some(2017));
    assert!(a.parts.iter().all(|p| !p.required));
    for id in ["000", "002", "003", "004"] {
        assert!(analyze(text(id)).parts.iter().all(|p| p.required), "{id}");
    }
}

#[test]
fn the_seeds_score_differently_and_none_fully() {
    let scores: Vec<u32> = TEXTS.iter().map(|(_, t)| score(&analyze(t))).collect();
    assert!(scores.iter().all(|&s| s < 100), "{scores:?}");
    let mut distinct = scores.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), scores.len(), "{scores:?}");
}

/// The first third of a report (cut at a line break) scores clearly below the whole.
#[test]
fn a_first_third_scores_below_the_whole() {
    for id in ["000", "001", "002", "003"] {
        let t = text(id);
        let third = (0..=t.len() / 3)
            .rev()
            .find(|&i| t.is_char_boundary(i))
            .unwrap();
        let cut = t[..third].rfind('\n').unwrap();
        let (whole, third) = (analyze(t), analyze(&t[..cut]));
        assert_eq!(whole.tasks.outline, third.tasks.outline, "{id}");
        assert!(
            score(&third) + 15 <= score(&whole),
            "{id}: first third {} vs whole {}",
            score(&third),
            score(&whole)
        );
    }
}

/// Cutting the section on 矛盾纠纷 drops the tasks of that part of the 纲要.
#[test]
fn cutting_the_dispute_section_drops_its_part() {
    // (seed, the part on disputes in its 纲要)
    for (id, n) in [("002", 7), ("000", 6)] {
        let t = text(id);
        let whole = analyze(t);
        let s = whole
            .sections
            .iter()
            .find(|s| s.title.contains("矛盾纠纷"))
            .unwrap_or_else(|| panic!("{id}: no 矛盾纠纷 section"));
        let cut = [&t[..s.span.start], &t[s.span.end..]].concat();
        let rest = analyze(&cut);
        let (before, after) = (part(&whole.tasks, n), part(&rest.tasks, n));
        assert!(after < before, "{id}: part {n} {before} → {after}");
        let dropped = whole
            .tasks
            .tasks
            .iter()
            .zip(&rest.tasks.tasks)
            .filter(|(w, r)| w.part == n && r.status < w.status)
            .count();
        assert!(dropped >= 2, "{id}: {dropped} tasks of part {n} dropped");
        // The other parts barely move.
        assert!(score(&rest) < score(&whole), "{id}");
    }
}

/// Every task's passages lie in the text and carry its phrases; absent tasks have none.
#[test]
fn passages_are_the_tasks_phrases() {
    for (id, t) in TEXTS {
        let a = analyze(t);
        for k in &a.tasks.tasks {
            assert_eq!(k.spans.is_empty(), k.status == TaskStatus::Absent, "{id}");
            for s in &k.spans {
                assert!(t.get(s.start..s.end).is_some(), "{id} {}", k.label);
            }
        }
    }
}

#[test]
fn the_contract_carries_the_verdict() {
    let t = text("001");
    let j: serde_json::Value =
        serde_json::from_str(&report_lens::output::export::to_json(t, &analyze(t))).unwrap();
    assert_eq!(j["version"], 4);
    assert_eq!(j["coverage"]["outline"], "2015-2020");
    assert!(j["coverage"]["score"].as_u64().unwrap() < 100);
    assert_eq!(j["coverage"]["tasks"].as_array().unwrap().len(), 40);
    assert_eq!(j["coverage"]["areas"].as_array().unwrap().len(), 9);
    assert_eq!(j["parts"][1]["required"], false);
    let task = &j["coverage"]["tasks"][0];
    assert_eq!(task["status"], "addressed");
    let chars: Vec<char> = t.chars().collect();
    let [s, e] = [
        task["spans"][0][0].as_u64().unwrap(),
        task["spans"][0][1].as_u64().unwrap(),
    ];
    let quoted: String = chars[s as usize..e as usize].iter().collect();
    assert!(
        task["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == &quoted),
        "{quoted}"
    );
    let d = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "form-doc-number")
        .unwrap();
    assert_eq!(d["fix"], "〔2017〕2号");
}

/// The batch overview counts the parts only where they are required and shows the task
/// score beside the area view.
#[test]
fn the_overview_follows_the_year() {
    use report_lens::output::overview;
    let old = overview::row("001", &analyze(text("001")));
    assert_eq!((old.parts_total, old.parts_missing.len()), (0, 0));
    assert_eq!(old.outline, Some("2015-2020"));
    let new = overview::row("002", &analyze(text("002")));
    assert_eq!(new.parts_total, 5);
    assert_eq!(new.outline, Some("2021-2025"));
    assert!(new.task_score.is_some_and(|s| s < 100));
    assert!(overview::to_csv(&[new]).contains(",2021-2025,"));
}
