//! The `.doc` reader, two ways (first byte even or odd):
//!
//! * raw: the bytes are the file (compound-file damage, stream names, non-Word OLE);
//! * streams: after a little-endian `u32` length (taken modulo what is left), the bytes are
//!   the `WordDocument` stream and then the table stream, read by `doc::streams_to_text` so that mutations reach the FIB, the piece
//!   table, the FKPs, the stylesheet and the list tables instead of failing the OLE layer.
//!
//! Never a panic; text that is read is analysed with the invariants checked.
#![no_main]
use libfuzzer_sys::fuzz_target;
use report_lens::input::doc;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let read = if mode % 2 == 0 {
        doc::to_text(rest)
    } else {
        let Some((len, streams)) = rest.split_first_chunk::<4>() else {
            return;
        };
        let cut = u32::from_le_bytes(*len) as usize % (streams.len() + 1);
        let (word, table) = streams.split_at(cut);
        doc::streams_to_text(word, table)
    };
    match read {
        Ok(text) => {
            fuzz_checks::analyze_and_check(&text);
        }
        Err(e) => {
            assert!(!e.to_string().is_empty() && !e.message_zh().is_empty());
        }
    }
});
