//! End-to-end on a file, as `benches/analyze.rs`'s `end_to_end/10MB` does it: read the bytes
//! (`input::read_bytes`), analyse, write the JSON contract. `cargo run --release --example
//! end_to_end -- FILE [N]` prints the median wall-clock time of N runs (for callgrind, N = 1).
use report_lens::input::read_bytes;
use report_lens::output::export;
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: end_to_end FILE [N]");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let bytes = std::fs::read(&path).expect("readable file");
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let doc = read_bytes("reports.txt", black_box(&bytes)).unwrap();
        let a = report_lens::analyze(&doc.text);
        black_box(export::to_json(&doc.text, &a).len());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{n} runs of {} bytes: median {:.1} ms, min {:.1} ms",
        bytes.len(),
        times[n / 2],
        times[0]
    );
}
