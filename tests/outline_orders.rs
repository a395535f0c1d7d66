//! Golden snapshots of small whole reports, one per heading order real reports use: each
//! report in `tests/fixtures/orders/` rendered as `tests/golden.rs` renders the fixtures
//! (`export::to_table`: the outline as an indented tree, indicators, required parts,
//! coverage, diagnostics) and compared with `tests/golden/orders/<name>.txt`. A diff reads in
//! Chinese. Regenerate with `UPDATE_GOLDEN=1 cargo test --test outline_orders`.
//!
//! | report | order |
//! |---|---|
//! | textbook | `一、` `（一）` `1.` `（1）` (GB/T 9704) |
//! | parts | `第N部分` on top, then `一、` `（一）` `1.`; `第四部分 2023年工作安排` carries P4 |
//! | chapters | `第N章` `第N节` on top, then `一、` `（一）` |
//! | from_paren | starting at `（一）`, then `1.` `（1）` `①` |
//! | digit_comma | `1、` `（1）` `①` |
//! | glyphs | `一、` `㈠` `⑴` `①` |
//! | repair | lost markers and a skipped number under `第N部分` |
//! | reused | `一、` reused directly under `一、` (the restart closes back: see `passes::outline`) |

use report_lens::{analyze, output::export::to_table};
use std::path::Path;

mod common;

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let text =
        std::fs::read_to_string(dir.join("fixtures/orders").join(format!("{name}.txt"))).unwrap();
    common::check_golden(
        &format!("orders/{name}.txt"),
        &to_table(&text, &analyze(&text)),
    );
}

#[test]
fn textbook_order() {
    check("textbook");
}

#[test]
fn parts_on_top() {
    check("parts");
}

#[test]
fn chapters_and_sections_on_top() {
    check("chapters");
}

#[test]
fn starting_at_paren() {
    check("from_paren");
}

#[test]
fn digit_comma_first() {
    check("digit_comma");
}

#[test]
fn single_character_forms() {
    check("glyphs");
}

#[test]
fn repair_under_parts() {
    check("repair");
}

#[test]
fn family_reused_under_itself() {
    check("reused");
}

/// A part announced by a `第N部分` heading is found by that heading, and its section runs
/// over the `一、` items below it (the plan's span keeps plan items out of the P3 passages).
#[test]
fn parts_announced_by_division_headings_are_found_there() {
    use report_lens::model::{PartStatus, Via};
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/orders/parts.txt"),
    )
    .unwrap();
    let a = analyze(&text);
    let heading = |k: usize| format!("{}{}", a.sections[k].marker, a.sections[k].title);
    for (id, want) in [
        ("P1", "第一部分2022年工作情况"),
        ("P2", "第二部分存在的问题"),
        (
            "P3",
            "第三部分党政主要负责人履行推进法治建设第一责任人职责情况",
        ),
        ("P4", "第四部分2023年工作安排"),
    ] {
        let p = a.parts.iter().find(|p| p.id == id).unwrap();
        assert_eq!(
            (p.status, p.via),
            (PartStatus::Found, Some(Via::Heading)),
            "{id}"
        );
        assert_eq!(heading(p.section.unwrap()), want, "{id}");
    }
    let p4 = a.parts.iter().find(|p| p.id == "P4").unwrap();
    let plan = a.sections[p4.section.unwrap()].span;
    let items: Vec<_> = a
        .sections
        .iter()
        .filter(|s| s.parent == p4.section)
        .collect();
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|s| plan.contains(s.span)));
}
