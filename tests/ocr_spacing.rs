//! Text with OCR-style spaces between Chinese characters (issue 23) reads as the text without
//! them: every fixture, with spaces put into about half of its gaps the way tesseract's
//! `chi_sim` output and text copied out of an OCR'd PDF have them (`一 、 加 强 组 织 领 导 ,`,
//! `(一 ) 健 全`, `全 区 39 个 部 门`), gives the outline and the figures of the unspaced text;
//! spans still cover the original characters (the invariants), and titles read without spaces.

mod common;

use proptest::prelude::*;
use report_lens::{analyze, invariants};

/// A small deterministic generator (SplitMix64): the property's seed picks the spacing.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF)
}

/// `text` with a space put, at random with probability one half, into each gap that OCR
/// spaces: between two characters of a line that are not both ASCII (so `39` and `APP` stay
/// whole, as OCR keeps words of Latin script and numbers together) and not already spaced.
fn ocr_spaced(text: &str, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(text.len() * 3 / 2);
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = prev {
            let gap = !p.is_whitespace()
                && !c.is_whitespace()
                && (is_han(p) || is_han(c) || !p.is_ascii() || !c.is_ascii());
            if gap && rng.next() & 1 == 0 {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// The outline as `level marker title` lines, without spaces inside marker and title.
fn outline(text: &str) -> Vec<String> {
    analyze(text)
        .sections
        .iter()
        .map(|s| {
            format!(
                "{} {} {}",
                s.level,
                s.marker.replace(' ', ""),
                s.title.replace(' ', "")
            )
        })
        .collect()
}

/// The figures as `kind value unit text` lines, the text without spaces.
fn figures(text: &str) -> Vec<String> {
    analyze(text)
        .indicators
        .iter()
        .map(|i| {
            let written: String = text[i.span.start..i.span.end]
                .chars()
                .filter(|&c| c != ' ')
                .collect();
            format!("{:?} {} {} {written}", i.kind, i.value, i.unit)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn ocr_spacing_gives_the_unspaced_analysis(seed in any::<u64>()) {
        for (id, text) in common::TEXTS {
            let spaced = ocr_spaced(text, seed);
            prop_assert!(spaced.len() > text.len() + text.len() / 10, "{id}: spaces were put in");
            let a = analyze(&spaced);
            if let Err(e) = invariants::check(&spaced, &a) {
                prop_assert!(false, "{id}: {e}");
            }
            let (o, f) = (common::f1(&outline(text), &outline(&spaced)), common::f1(&figures(text), &figures(&spaced)));
            prop_assert!(o >= 0.97, "{id}: outline F1 {o:.3} (seed {seed})");
            prop_assert!(f >= 0.97, "{id}: figures F1 {f:.3} (seed {seed})");
            // Titles shown to the user read without the spaces.
            for s in a.sections.iter().filter(|s| !s.inferred) {
                let lead = |b: u8| (0xE3..=0xE9).contains(&b);
                let t = s.title.as_bytes();
                let spaced_han = t.windows(5).any(|w| w[1] == b' ' && w[0] >= 0xE3 && w[2] >= 0xE3);
                // A year or a figure and the Han character next to it (`2023 年`, `第 3`).
                let spaced_digit = t.windows(5).any(|w| {
                    (lead(w[0]) && w[3] == b' ' && w[4].is_ascii_digit())
                        || (w[0].is_ascii_digit() && w[1] == b' ' && lead(w[2]))
                });
                prop_assert!(!spaced_han || s.title.contains("  "), "{id}: title {:?} keeps OCR spaces", s.title);
                prop_assert!(!spaced_digit, "{id}: title {:?} keeps a space between a digit and a Han character", s.title);
            }
        }
    }
}

#[test]
fn spaced_heading_and_figures_read_as_written_without_spaces() {
    let text = "一 、 加 强 组 织 领 导 , 强 力 推进 依法 行政\n(一 ) 健 全 依法 行政 的 组 织 领 导\n全 区 39 个 部 门 落 实 了 责 任 清 单 , 办 结 率 达 到 98.5% 。\n".repeat(8);
    let a = analyze(&text);
    let titles: Vec<&str> = a
        .sections
        .iter()
        .take(2)
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["加强组织领导,强力推进依法行政", "健全依法行政的组织领导"],
        "titles read without spaces"
    );
    let figures: Vec<&str> = a
        .indicators
        .iter()
        .take(2)
        .map(|i| &text[i.span.start..i.span.end])
        .collect();
    assert_eq!(
        figures,
        ["39 个", "98.5%"],
        "figures cover the original characters"
    );
    let notices: Vec<_> = a
        .diagnostics
        .iter()
        .filter(|d| d.code == report_lens::Code::OcrText)
        .collect();
    assert_eq!(
        notices.len(),
        1,
        "one notice that the text looks machine-recognised"
    );
    assert_eq!(
        &text[notices[0].span.start..notices[0].span.end],
        text.lines().next().unwrap(),
        "on the first spaced line"
    );
    for (id, typed) in common::TEXTS {
        assert!(
            !analyze(typed)
                .diagnostics
                .iter()
                .any(|d| d.code == report_lens::Code::OcrText),
            "{id}: typed text gets no notice"
        );
    }
}
