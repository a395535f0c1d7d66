//! Super-linear time: a fuzzer-chosen fragment (up to 256 bytes of UTF-8) is repeated to
//! about 200 KB and to about 400 KB, and `analyze` on the larger text must take less than
//! 3 × the time of the smaller (linear would be 2 ×), plus a slack for timer noise.
//!
//! The same idea as pulldown-cmark's and comrak's quadratic fuzzers, cut down to one ratio:
//! a quadratic path gives 4 ×, which clears the bound. Timing on a shared machine is noisy
//! (a compiler on the other core once made a linear fragment look quadratic), so a pair that
//! fails is measured again (best of five each), and then the next doubling (400 KB against
//! 800 KB, best of three) must fail too before the target panics.
//! Build without sanitizers for meaningful times: `cargo +nightly fuzz run -s none superlinear`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use report_lens::analyze;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SMALL: usize = 200 * 1024;
const LARGE: usize = 400 * 1024;
const MAX_RATIO: u32 = 3;
/// Absorbs scheduling noise when both runs are short.
const SLACK: Duration = Duration::from_millis(15);

fn repeat_to(fragment: &str, bytes: usize) -> String {
    let n = bytes.div_ceil(fragment.len());
    fragment.repeat(n)
}

fn time(text: &str) -> Duration {
    let t = Instant::now();
    black_box(analyze(black_box(text)));
    t.elapsed()
}

fn best_of(text: &str, runs: usize) -> Duration {
    (0..runs).map(|_| time(text)).min().unwrap_or_default()
}

fn too_slow(small: Duration, large: Duration) -> bool {
    large > small * MAX_RATIO + SLACK
}

fuzz_target!(|data: &[u8]| {
    let fragment = fuzz_checks::utf8_prefix(&data[..data.len().min(256)]);
    if fragment.is_empty() {
        return;
    }
    let small = repeat_to(fragment, SMALL);
    let large = repeat_to(fragment, LARGE);
    let (ts, tl) = (time(&small), time(&large));
    if !too_slow(ts, tl) {
        return;
    }
    let (ts, tl) = (best_of(&small, 5), best_of(&large, 5));
    if !too_slow(ts, tl) {
        return;
    }
    let larger = repeat_to(fragment, 2 * LARGE);
    let (tl2, tx) = (best_of(&large, 3), best_of(&larger, 3));
    assert!(
        !too_slow(tl2, tx),
        "super-linear: fragment {fragment:?} repeated to {} bytes took {ts:?}, to {} bytes {tl:?}; \
         then {tl2:?} against {tx:?} for {} bytes (more than {MAX_RATIO}x + {SLACK:?} both times)",
        small.len(),
        large.len(),
        larger.len()
    );
});
