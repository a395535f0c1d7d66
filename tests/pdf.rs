//! The PDF reader and the layout step: the fixture PDFs (tests/fixtures/pdf/, made by
//! scripts/make-pdf-fixtures.sh) against the text they were made from, the scan and the
//! encrypted file, hand-made bombs, and tables of layout rules.
#![cfg(feature = "pdf")]

use report_lens::analyze;
#[allow(unused_imports)]
use report_lens::input::layout::{self, Page, Run};
#[allow(unused_imports)]
use report_lens::input::{pdf, read_bytes, Format, Limit, ReadError};
use std::collections::HashMap;
#[allow(unused_imports)]
use std::time::{Duration, Instant};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fixture_text(prefix: &str) -> String {
    let dir = std::fs::read_dir(FIXTURES).unwrap();
    for e in dir {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with(prefix) && name.ends_with(".txt") {
            return std::fs::read_to_string(p).unwrap();
        }
    }
    panic!("no fixture {prefix}");
}

fn pdf_bytes(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/pdf/{name}")).unwrap()
}

/// Multiset F1 of two lists of keys.
fn f1(expected: &[String], got: &[String]) -> f64 {
    if expected.is_empty() && got.is_empty() {
        return 1.0;
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for e in expected {
        *counts.entry(e).or_default() += 1;
    }
    let mut hits = 0;
    for g in got {
        if let Some(c) = counts.get_mut(g.as_str()) {
            if *c > 0 {
                *c -= 1;
                hits += 1;
            }
        }
    }
    let p = hits as f64 / got.len().max(1) as f64;
    let r = hits as f64 / expected.len().max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn section_keys(text: &str) -> Vec<String> {
    analyze(text)
        .sections
        .iter()
        .map(|s| format!("{}{}", s.marker, s.title))
        .collect()
}

fn indicator_keys(text: &str) -> Vec<String> {
    analyze(text)
        .indicators
        .iter()
        .map(|i| format!("{}{}", i.value, i.unit))
        .collect()
}

/// (PDF fixture, text fixture it was made from)
const PAIRS: &[(&str, &str)] = &[
    ("lo-000.pdf", "000_"),
    ("lo-001.pdf", "001_"),
    ("lo-002.pdf", "002_"),
    ("lo-003.pdf", "003_"),
    ("chromium-000.pdf", "000_"),
    ("chromium-001.pdf", "001_"),
    ("chromium-002.pdf", "002_"),
    ("chromium-003.pdf", "003_"),
];

#[test]
fn fixture_pdfs_give_the_outline_and_indicators_of_their_text() {
    let mut failures = Vec::new();
    for (pdf_name, txt) in PAIRS {
        let expected = fixture_text(txt);
        let started = Instant::now();
        let doc = read_bytes(pdf_name, &pdf_bytes(pdf_name))
            .unwrap_or_else(|e| panic!("{pdf_name}: {e}"));
        let elapsed = started.elapsed();
        assert_eq!(doc.format, Format::Pdf);
        let s = f1(&section_keys(&expected), &section_keys(&doc.text));
        let i = f1(&indicator_keys(&expected), &indicator_keys(&doc.text));
        println!("{pdf_name}: sections F1 {s:.3}, indicators F1 {i:.3}, read in {elapsed:?}");
        if s < 0.95 || i < 0.95 {
            failures.push(format!("{pdf_name}: sections {s:.3}, indicators {i:.3}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
