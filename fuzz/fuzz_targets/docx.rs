//! The `.docx` reader, two ways (first byte even or odd):
//!
//! * raw: the bytes are the file (damaged archives, odd headers, bombs);
//! * parts: the bytes, split at `\0`, are `word/document.xml`, `word/numbering.xml` and
//!   `word/styles.xml`, packed into a valid stored zip (correct CRCs), so that mutations reach
//!   the XML and numbering code instead of failing the zip checksum.
//!
//! Never a panic; text that is read is analysed with the invariants checked.
#![no_main]
use libfuzzer_sys::fuzz_target;
use report_lens::input::docx;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let owned;
    let bytes = if mode % 2 == 0 {
        rest
    } else {
        let mut parts = rest.splitn(3, |&b| b == 0);
        let names = ["word/document.xml", "word/numbering.xml", "word/styles.xml"];
        let entries: Vec<(&str, &[u8])> = names.iter().copied().zip(&mut parts).collect();
        owned = fuzz_checks::stored_zip(&entries);
        &owned[..]
    };
    let _ = docx::zip_entry_names(bytes);
    match docx::to_text(bytes) {
        Ok(text) => {
            fuzz_checks::analyze_and_check(&text);
        }
        Err(e) => {
            assert!(!e.to_string().is_empty() && !e.message_zh().is_empty());
        }
    }
});
