//! Benchmarks of [`report_lens::analyze`] and the JSON export.
//!
//! ```text
//! CARGO_TARGET_DIR=target/bench cargo bench --bench analyze
//! ```
//!
//! Groups (throughput in bytes of input, so criterion prints MB/s):
//!
//! * `analyze/<fixture>` — each real report in `tests/fixtures/`; the target for seed 004
//!   (104 KB) is ≤ 2 ms, i.e. ≥ 50 MB/s;
//! * `linearity/100KB` and `linearity/10MB` — the fixtures concatenated to about 100 KB, and
//!   that text repeated 100 times: linear analysis takes at most 1.2 × 100 × the 100 KB time;
//! * `stages/<stage>` — the stages of `analyze` alone on seed 004, to see where time goes;
//! * `to_json/004` — the JSON contract of seed 004;
//! * `end_to_end/10MB` — what `report-lens analyze FILE` does with a 10 MB file (the
//!   linearity text): read the bytes (`input::read_bytes`: format sniffing, encoding
//!   detection), analyse, write the JSON contract. The target is ≥ 50 MB/s.
//!
//! After the run, a summary prints ms and MB/s per benchmark (criterion's mean and the
//! fastest sample, the figure to trust on a busy machine) and the linearity ratio. The whole
//! run takes about a minute and a half.

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use report_lens::input::read_bytes;
use report_lens::output::export;
use report_lens::passes::{document, indicator, outline};
use report_lens::{analyze, text::Normalized};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const FIXTURES: [(&str, &str); 5] = [
    (
        "000",
        include_str!("../tests/fixtures/000_4650dba7b757251d.txt"),
    ),
    (
        "001",
        include_str!("../tests/fixtures/001_b9193b597ac501b4.txt"),
    ),
    (
        "002",
        include_str!("../tests/fixtures/002_e8b339a04b4c8932.txt"),
    ),
    (
        "003",
        include_str!("../tests/fixtures/003_41826c3ca9c971ec.txt"),
    ),
    (
        "004",
        include_str!("../tests/fixtures/004_f9597e8d61f080e1.txt"),
    ),
];

/// Seed 004, the largest fixture (104 KB).
const SEED_004: &str = FIXTURES[4].1;

/// Bytes of the small linearity input; the large one is this repeated `REPEAT` times.
const SMALL_BYTES: usize = 100_000;
const REPEAT: usize = 100;

/// The fixtures in turn, cut at the first line break after `SMALL_BYTES`.
fn small_concatenation() -> String {
    let mut text = String::with_capacity(2 * SMALL_BYTES);
    for (_, fixture) in FIXTURES.iter().cycle() {
        text.push_str(fixture);
        text.push('\n');
        if text.len() >= SMALL_BYTES {
            break;
        }
    }
    let cut = text[SMALL_BYTES..]
        .find('\n')
        .map_or(text.len(), |i| SMALL_BYTES + i + 1);
    text.truncate(cut);
    text
}

fn bench_fixtures(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, text) in FIXTURES {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| analyze(black_box(t)))
        });
    }
    group.finish();
}

fn bench_linearity(c: &mut Criterion) {
    let small = small_concatenation();
    let large = small.repeat(REPEAT);
    let mut group = c.benchmark_group("linearity");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Bytes(small.len() as u64));
    group.bench_with_input("100KB", small.as_str(), |b, t| {
        b.iter(|| analyze(black_box(t)))
    });
    // About 0.2 s an iteration: one iteration a sample, ten samples.
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.throughput(Throughput::Bytes(large.len() as u64));
    group.bench_with_input("10MB", large.as_str(), |b, t| {
        b.iter(|| analyze(black_box(t)))
    });
    group.finish();
}

fn bench_end_to_end(c: &mut Criterion) {
    let large = small_concatenation().repeat(REPEAT).into_bytes();
    let mut group = c.benchmark_group("end_to_end");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(large.len() as u64));
    group.bench_with_input("10MB", large.as_slice(), |b, bytes| {
        b.iter(|| {
            let doc = read_bytes("reports.txt", black_box(bytes)).unwrap();
            let a = analyze(&doc.text);
            black_box(export::to_json(&doc.text, &a).len())
        })
    });
    group.finish();
}

fn bench_stages(c: &mut Criterion) {
    let norm = Normalized::new(SEED_004);
    let doc = document::Document::new(&norm.text);
    let analysis = analyze(SEED_004);
    let mut group = c.benchmark_group("stages");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .throughput(Throughput::Bytes(SEED_004.len() as u64));
    group.bench_function("normalize", |b| {
        b.iter(|| Normalized::new(black_box(SEED_004)))
    });
    group.bench_function("document", |b| {
        b.iter(|| document::Document::new(black_box(&norm.text)))
    });
    group.bench_function("outline", |b| {
        b.iter(|| outline::find_sections(black_box(&norm.text), &doc))
    });
    group.bench_function("indicators", |b| {
        b.iter(|| indicator::find_indicators(black_box(&norm.text), &doc))
    });
    group.bench_function("meta", |b| {
        b.iter(|| document::find_meta(black_box(&norm.text), &doc))
    });
    group.finish();

    let mut group = c.benchmark_group("to_json");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .throughput(Throughput::Bytes(SEED_004.len() as u64));
    group.bench_function("004", |b| {
        b.iter(|| export::to_json(black_box(SEED_004), black_box(&analysis)))
    });
    group.finish();
}

// ---- summary ------------------------------------------------------------------------------

/// Where criterion writes its estimates (the same rule as criterion's own default, minus
/// the `cargo metadata` call).
fn output_directory() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let target = if target.is_relative() {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(target)
    } else {
        target
    };
    target.join("criterion")
}

/// Mean time and fastest sample (seconds an iteration) of benchmark `group/id` measured by
/// this run (written after `since`). The fastest sample is the figure to trust on a busy
/// machine: other processes only ever add time.
fn times(dir: &Path, group: &str, id: &str, since: SystemTime) -> Option<(f64, f64)> {
    let new = dir.join(group).join(id).join("new");
    let read = |name: &str| -> Option<serde_json::Value> {
        let path = new.join(name);
        if std::fs::metadata(&path).ok()?.modified().ok()? < since {
            return None;
        }
        serde_json::from_slice(&std::fs::read(&path).ok()?).ok()
    };
    let mean = read("estimates.json")?["mean"]["point_estimate"].as_f64()? * 1e-9;
    let sample = read("sample.json")?;
    let (iters, times) = (sample["iters"].as_array()?, sample["times"].as_array()?);
    let fastest = iters
        .iter()
        .zip(times)
        .filter_map(|(n, t)| Some(t.as_f64()? / n.as_f64()?))
        .fold(f64::INFINITY, f64::min)
        * 1e-9;
    Some((mean, fastest))
}

fn print_summary(dir: &Path, since: SystemTime) {
    let small = small_concatenation();
    let mut rows: Vec<(String, usize)> = FIXTURES
        .iter()
        .map(|(name, t)| (format!("analyze/{name}"), t.len()))
        .collect();
    rows.push(("linearity/100KB".into(), small.len()));
    rows.push(("linearity/10MB".into(), small.len() * REPEAT));
    for stage in ["normalize", "document", "outline", "indicators", "meta"] {
        rows.push((format!("stages/{stage}"), SEED_004.len()));
    }
    rows.push(("to_json/004".into(), SEED_004.len()));
    rows.push(("end_to_end/10MB".into(), small.len() * REPEAT));
    let ms_mbs =
        |s: f64, bytes: usize| format!("{:>10.3} ms {:>7.1} MB/s", s * 1e3, bytes as f64 / s / 1e6);
    let mut printed = false;
    for (name, bytes) in &rows {
        let (group, id) = name.split_once('/').unwrap_or((name, ""));
        if let Some((mean, fastest)) = times(dir, group, id, since) {
            if !printed {
                println!(
                    "\nsummary of this run              mean                     fastest sample"
                );
                printed = true;
            }
            println!(
                "  {name:<18} {bytes:>9} B {}  {}",
                ms_mbs(mean, *bytes),
                ms_mbs(fastest, *bytes)
            );
        }
    }
    if let Some((mean, fastest)) = times(dir, "analyze", "004", since) {
        let verdict = if fastest <= 2e-3 { "ok" } else { "SLOW" };
        println!(
            "  seed 004: mean {:.3} ms, fastest {:.3} ms (target ≤ 2 ms, ≥ 50 MB/s): {verdict}",
            mean * 1e3,
            fastest * 1e3
        );
    }
    if let (Some(a), Some(b)) = (
        times(dir, "linearity", "100KB", since),
        times(dir, "linearity", "10MB", since),
    ) {
        let ratio = |small: f64, large: f64| large / (REPEAT as f64 * small);
        let fastest = ratio(a.1, b.1);
        let verdict = if fastest <= 1.2 { "ok" } else { "SUPER-LINEAR" };
        println!(
            "  linearity 10MB / ({REPEAT} × 100KB): fastest {fastest:.3}, mean {:.3} (target ≤ 1.2): {verdict}",
            ratio(a.0, b.0)
        );
    }
}

fn main() {
    let since = SystemTime::now();
    let dir = output_directory();
    let mut c = Criterion::default()
        .output_directory(&dir)
        .configure_from_args();
    bench_fixtures(&mut c);
    bench_linearity(&mut c);
    bench_end_to_end(&mut c);
    bench_stages(&mut c);
    c.final_summary();
    print_summary(&dir, since);
}
