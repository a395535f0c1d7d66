//! Text copied out of a PDF viewer (issue 23): a line break wherever the page wrapped a line.
//! The normalised view joins the broken lines (`text::wrap`), so such a copy gives the outline
//! and the figures of the report as typed.
//!
//! * `tests/fixtures/copied/`: what poppler's `pdftotext` (the text a viewer's copy gives)
//!   makes of the PDF fixtures — Chromium and LibreOffice prints, and the OCR layers of scans.
//! * A property: every fixture broken into lines of a random measure, as a layout engine
//!   breaks it (by width, no line starting with a pause or closing mark), reads as the fixture.

mod common;

use proptest::prelude::*;
use report_lens::{analyze, invariants};

/// The outline as `level marker title` lines (spaces left out: OCR layers keep some).
fn outline(text: &str) -> Vec<String> {
    analyze(text)
        .sections
        .iter()
        .map(|s| format!("{} {}{}", s.level, s.marker, s.title).replace(' ', ""))
        .collect()
}

/// The figures as `value unit written` lines, what is written without whitespace.
fn figures(text: &str) -> Vec<String> {
    analyze(text)
        .indicators
        .iter()
        .map(|i| {
            let written: String = text[i.span.start..i.span.end]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            format!("{} {} {written}", i.value, i.unit)
        })
        .collect()
}

fn copied(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/copied/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The copy, the fixture it was printed from, and the least outline and figure F1 it must reach.
/// The OCR layers' outlines lose headings to recognition errors (`领导千部`, a title's last
/// character dropped), not to the line breaks.
const COPIES: &[(&str, &str, f64, f64)] = &[
    ("chromium-000.txt", "000", 0.95, 0.99),
    ("chromium-001.txt", "001", 0.95, 0.99),
    ("chromium-002.txt", "002", 0.95, 0.98),
    ("chromium-003.txt", "003", 0.93, 0.99),
    ("lo-000.txt", "000", 0.99, 0.99),
    ("lo-001.txt", "001", 0.99, 0.99),
    ("lo-002.txt", "002", 0.99, 0.99),
    ("lo-003.txt", "003", 0.99, 0.99),
    ("ocr-000.txt", "000", 0.89, 0.98),
    ("ocr-001.txt", "001", 0.84, 0.99),
    ("ocr-002.txt", "002", 0.99, 0.98),
    ("ocr-003.txt", "003", 0.73, 0.99),
];

#[test]
fn pdf_viewer_copies_give_the_outline_and_figures_of_their_report() {
    let mut failures = Vec::new();
    for &(name, id, min_outline, min_figures) in COPIES {
        let copy = copied(name);
        let (_, typed) = common::TEXTS.iter().find(|(i, _)| *i == id).unwrap();
        let a = analyze(&copy);
        invariants::check(&copy, &a).unwrap_or_else(|e| panic!("{name}: {e}"));
        let o = common::f1(&outline(typed), &outline(&copy));
        let f = common::f1(&figures(typed), &figures(&copy));
        println!("{name}: outline F1 {o:.3}, figures F1 {f:.3}");
        if o < min_outline || f < min_figures {
            failures.push(format!("{name}: outline {o:.3}, figures {f:.3}"));
        }
        for s in &a.sections {
            assert!(!s.title.contains('\n'), "{name}: title {:?}", s.title);
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_heading_cut_by_the_page_is_whole_and_its_figures_keep_their_words() {
    // From chromium-003.txt: the heading lost its last character to the next line, and the
    // body wraps in the middle of figures.
    let copy = copied("chromium-003.txt");
    let a = analyze(&copy);
    assert!(
        a.sections
            .iter()
            .any(|s| s.title == "黨政主要負責人履行推進法治建設第一責任人職責情況"),
        "{:?}",
        a.sections.iter().map(|s| &s.title).collect::<Vec<_>>()
    );
    let typed = common::TEXTS[3].1;
    assert_eq!(figures(&copy), figures(typed), "every figure as typed");
}

/// `text` broken into lines of at most `columns` (a Chinese character two, other characters
/// one), no line starting with a pause or closing mark: how a layout engine breaks it.
fn broken(text: &str, columns: usize) -> String {
    let width = |c: char| if c.is_ascii() { 1 } else { 2 };
    let avoid_head = |c: char| "、，。；：？！）》”’,.;:?!)%".contains(c);
    let mut out = String::with_capacity(text.len() * 11 / 10);
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let mut used = 0;
        for c in line.chars() {
            if used + width(c) > columns && used > 0 && !avoid_head(c) {
                out.push('\n');
                used = 0;
            }
            out.push(c);
            used += width(c);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn text_broken_by_the_page_reads_as_typed(chars in 16usize..=48) {
        for (id, typed) in common::TEXTS {
            let copy = broken(typed, chars * 2);
            prop_assert!(copy.lines().count() > typed.lines().count() * 3 / 2, "{id}: lines were broken");
            let a = analyze(&copy);
            if let Err(e) = invariants::check(&copy, &a) {
                prop_assert!(false, "{id}: {e}");
            }
            let (o, f) = (common::f1(&outline(typed), &outline(&copy)), common::f1(&figures(typed), &figures(&copy)));
            prop_assert!(o >= 0.93, "{id}: outline F1 {o:.3} at {chars} characters a line");
            prop_assert!(f >= 0.97, "{id}: figures F1 {f:.3} at {chars} characters a line");
        }
    }
}

#[test]
fn typed_text_is_not_joined() {
    for (id, typed) in common::TEXTS {
        assert_eq!(
            report_lens::text::Normalized::new(typed).lines_joined(),
            0,
            "{id}: a paragraph per line"
        );
    }
}
