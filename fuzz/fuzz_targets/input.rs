//! A file name chosen by the first byte + arbitrary bytes → `input::read_bytes`; on success
//! the text is analysed with the invariants checked, on failure both messages are non-empty.
#![no_main]
use libfuzzer_sys::fuzz_target;
use report_lens::input::read_bytes;

const NAMES: [&str; 8] = [
    "报告.txt",
    "报告.docx",
    "报告.html",
    "报告.doc",
    "报告",
    "page.htm",
    "scan.pdf",
    "a.TXT",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    match read_bytes(name, bytes) {
        Ok(doc) => {
            fuzz_checks::analyze_and_check(&doc.text);
        }
        Err(e) => {
            assert!(!e.to_string().is_empty(), "empty English message for {e:?}");
            assert!(
                !e.message_zh().is_empty(),
                "empty Chinese message for {e:?}"
            );
        }
    }
});
