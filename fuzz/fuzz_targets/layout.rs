//! Layout of arbitrary positioned runs: the bytes are read as runs of eight bytes of
//! geometry (x, y, width, size as 16-bit numbers, some of them turned into NaN, infinities,
//! zero or huge values) and a short text drawn from an alphabet of Chinese, digits, markers,
//! page-number shapes and spaces; a 0xFF byte starts a new page. Never a panic; the text is
//! analysed with the invariants checked, and every character of it comes from the runs.
#![no_main]
use libfuzzer_sys::fuzz_target;
use report_lens::input::layout::{to_text, Page, Run};

const ALPHABET: [&str; 24] = [
    "一", "、", "（", "）", "是", "中", "文", "。", "，", "1", "2", ".", " ", "—", "第", "页",
    "共", "/", "a", "b", "个", "\u{3000}", "\n", "%",
];

fn number(hi: u8, lo: u8) -> f32 {
    let v = f32::from(u16::from_be_bytes([hi, lo])) / 64.0;
    match hi {
        0xF0 => f32::NAN,
        0xF1 => f32::INFINITY,
        0xF2 => -v,
        0xF3 => 0.0,
        0xF4 => 1e30,
        _ => v,
    }
}

fuzz_target!(|data: &[u8]| {
    let mut pages = vec![Page {
        width: 595.0,
        height: 842.0,
        runs: Vec::new(),
    }];
    let mut rest = data;
    while let Some((&first, tail)) = rest.split_first() {
        if first == 0xFF {
            pages.push(Page {
                width: 595.0,
                height: 842.0,
                runs: Vec::new(),
            });
            rest = tail;
            continue;
        }
        let Some((geometry, tail)) = rest.split_at_checked(9) else {
            break;
        };
        let g = |i: usize| geometry.get(i).copied().unwrap_or(0);
        let len = usize::from(g(8) % 8);
        let (text_bytes, tail) = tail.split_at_checked(len).unwrap_or((tail, &[]));
        let text: String = text_bytes
            .iter()
            .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()])
            .collect();
        if let Some(page) = pages.last_mut() {
            page.runs.push(Run {
                x: number(g(0), g(1)),
                y: number(g(2), g(3)),
                width: number(g(4), g(5)),
                size: number(g(6), g(7)) / 16.0,
                text,
            });
        }
        rest = tail;
    }
    let text = to_text(&pages);
    let drawn: String = pages
        .iter()
        .flat_map(|p| &p.runs)
        .map(|r| r.text.as_str())
        .collect();
    for c in text.chars() {
        assert!(
            c == '\n' || c == ' ' || drawn.contains(c),
            "{c:?} is not from the runs"
        );
    }
    fuzz_checks::analyze_and_check(&text);
});
