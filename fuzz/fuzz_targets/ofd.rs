//! The OFD reader, two ways (first byte even or odd):
//!
//! * raw: the bytes are the package (zip damage, bombs, odd entry names);
//! * parts: the bytes, split at `\0`, are `OFD.xml`, `Doc_0/Document.xml` and two pages'
//!   `Content.xml`, packed into a valid stored zip, so that mutations reach the XML, the
//!   location resolution and the `TextCode` geometry (`DeltaX` `g` forms, CTMs, boundaries).
//!
//! Never a panic; pages read have finite coordinates; text is analysed with the invariants
//! checked.
#![no_main]
use libfuzzer_sys::fuzz_target;
use report_lens::input::ofd;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let owned;
    let bytes = if mode % 2 == 0 {
        rest
    } else {
        let names = [
            "OFD.xml",
            "Doc_0/Document.xml",
            "Doc_0/Pages/Page_0/Content.xml",
            "Doc_0/Pages/Page_1/Content.xml",
        ];
        let entries: Vec<(&str, &[u8])> =
            names.iter().copied().zip(rest.splitn(4, |&b| b == 0)).collect();
        owned = fuzz_checks::stored_zip(&entries);
        &owned[..]
    };
    let _ = ofd::is_ofd(bytes);
    match ofd::to_pages(bytes) {
        Ok(pages) => {
            for p in &pages {
                assert!(p.width.is_finite() && p.height.is_finite(), "page size");
            }
            let text = report_lens::input::layout::to_text(&pages);
            fuzz_checks::analyze_and_check(&text);
        }
        Err(e) => {
            assert!(!e.to_string().is_empty() && !e.message_zh().is_empty());
        }
    }
});
