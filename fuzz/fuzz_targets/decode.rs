//! Arbitrary bytes → `decode::decode` and `decode::decode_with_label`: never a panic; text
//! that is returned is not blank.
#![no_main]
use libfuzzer_sys::fuzz_target;
use report_lens::input::decode::{decode, decode_with_label, DecodeError};

const LABELS: [Option<&str>; 6] = [
    None,
    Some("gbk"),
    Some("gb2312"),
    Some("big5"),
    Some("utf-8"),
    Some("x-no-such-charset"),
];

fuzz_target!(|data: &[u8]| {
    let check = |r: Result<(String, &'static str), DecodeError>| match r {
        Ok((text, enc)) => {
            assert!(!text.trim().is_empty(), "decoded blank text as {enc}");
            assert!(!enc.is_empty());
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    };
    check(decode(data));
    let label = LABELS[data.first().map_or(0, |b| *b as usize % LABELS.len())];
    check(decode_with_label(data, label));
});
