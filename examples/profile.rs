//! Runs `analyze` on a file many times, for profilers: `cargo run --release --example profile -- FILE [N]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile FILE [N]");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(500);
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let t = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..n {
        total += report_lens::analyze(&text).indicators.len();
    }
    let per = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
    println!("{n} runs, {per:.3} ms per run ({total} indicators in all)");
}
