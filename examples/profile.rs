//! Runs `analyze` on a file many times, for profilers:
//! `cargo run --release --example profile -- FILE [N] [--stages]`.
//!
//! With `--stages` it also times each stage on its own (the review checks `parts` and
//! `coverage` each scan the phrases themselves here; `analyze` shares one scan).
use report_lens::checks::{coverage, figures, parts};
use report_lens::passes::{document, indicator, outline};
use report_lens::text::Normalized;
use std::time::Instant;

fn per_run(n: usize, mut f: impl FnMut() -> usize) -> f64 {
    let t = Instant::now();
    let mut total = 0;
    for _ in 0..n {
        total += std::hint::black_box(f());
    }
    std::hint::black_box(total);
    t.elapsed().as_secs_f64() * 1000.0 / n as f64
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stages = args.iter().any(|a| a == "--stages");
    let mut args = args.iter().filter(|a| !a.starts_with("--"));
    let path = args.next().expect("usage: profile FILE [N] [--stages]");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(500);
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let ms = per_run(n, || report_lens::analyze(&text).indicators.len());
    println!("{n} runs, {ms:.3} ms per run");
    if !stages {
        return;
    }
    let norm = Normalized::new(&text);
    let v = norm.text.as_str();
    let doc = document::Document::new(v);
    let out = outline::find_sections(v, &doc);
    let inds = indicator::find_indicators(v, &doc);
    let year = document::find_meta(v, &doc).year;
    let rows: [(&str, f64); 8] = [
        (
            "normalize",
            per_run(n, || Normalized::new(&text).text.len()),
        ),
        (
            "document",
            per_run(n, || document::Document::new(v).lines.len()),
        ),
        (
            "outline",
            per_run(n, || outline::find_sections(v, &doc).sections.len()),
        ),
        (
            "indicators",
            per_run(n, || indicator::find_indicators(v, &doc).len()),
        ),
        ("meta", per_run(n, || document::find_meta(v, &doc).chars)),
        (
            "parts",
            per_run(n, || parts::find_parts(v, &doc, &out.sections, year).len()),
        ),
        (
            "coverage",
            per_run(n, || coverage::find_coverage(v, &doc, &out.sections).len()),
        ),
        (
            "figures",
            per_run(n, || figures::check_figures(v, &doc, &inds, year).len()),
        ),
    ];
    for (name, ms) in rows {
        println!("  {name:<11} {ms:.3} ms");
    }
}
