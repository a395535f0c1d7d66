//! Golden snapshots: each fixture's outline tree and indicator table, rendered as readable
//! text (`export::to_table`) and compared with `tests/golden/<fixture>.txt`. The snapshots
//! are reviewed by hand; a diff reads in Chinese. Regenerate with `UPDATE_GOLDEN=1 cargo test`.

use report_lens::{analyze, export::to_table};
use std::path::Path;

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let text = std::fs::read_to_string(dir.join("fixtures").join(format!("{name}.txt"))).unwrap();
    let got = to_table(&text, &analyze(&text));
    let path = dir.join("golden").join(format!("{name}.txt"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {path:?}; run with UPDATE_GOLDEN=1"));
    if got != want {
        let diff: Vec<String> = want
            .lines()
            .zip(got.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(10)
            .map(|(i, (a, b))| format!("line {}:\n  want: {a}\n  got:  {b}", i + 1))
            .collect();
        panic!(
            "{name} differs from its golden snapshot ({} vs {} lines):\n{}",
            want.lines().count(),
            got.lines().count(),
            diff.join("\n")
        );
    }
}

#[test]
fn seed000_meilie_2019() {
    check("000_4650dba7b757251d");
}

#[test]
fn seed001_hongshan_2017() {
    check("001_b9193b597ac501b4");
}

#[test]
fn seed002_yantian_2021() {
    check("002_e8b339a04b4c8932");
}

#[test]
fn seed003_baisha_2023_traditional() {
    check("003_41826c3ca9c971ec");
}

#[test]
fn seed004_exam_page_many_documents() {
    check("004_f9597e8d61f080e1");
}
