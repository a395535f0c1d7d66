//! Arbitrary UTF-8 → `analyze` + `export::to_json`; checks the span invariants
//! (inside the text, on char boundaries, indicators sorted and disjoint, JSON offsets).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    fuzz_checks::analyze_and_check(text);
});
