//! Helpers shared by the integration tests (`mod common;` in a test file): the fixtures,
//! the CLI runner, and hand-made deflate streams and zip archives for the zip-bomb and
//! damaged-archive tests. Each test file uses a part of it.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The five real reports in `tests/fixtures/` (see its README), by file stem.
pub const FIXTURES: [&str; 5] = [
    "000_4650dba7b757251d",
    "001_b9193b597ac501b4",
    "002_e8b339a04b4c8932",
    "003_41826c3ca9c971ec",
    "004_f9597e8d61f080e1",
];

/// The fixtures' texts with their three-digit ids (`"000"` …), compiled in.
pub const TEXTS: [(&str, &str); 5] = [
    ("000", include_str!("../fixtures/000_4650dba7b757251d.txt")),
    ("001", include_str!("../fixtures/001_b9193b597ac501b4.txt")),
    ("002", include_str!("../fixtures/002_e8b339a04b4c8932.txt")),
    ("003", include_str!("../fixtures/003_41826c3ca9c971ec.txt")),
    ("004", include_str!("../fixtures/004_f9597e8d61f080e1.txt")),
];

/// Path of a fixture's `.txt`, by stem.
pub fn fixture_path(stem: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{stem}.txt"))
}

/// Text of a fixture, by stem.
pub fn fixture(stem: &str) -> String {
    std::fs::read_to_string(fixture_path(stem)).unwrap()
}

/// Runs the CLI from the repository root, with `stdin` piped in when given.
pub fn cli(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_report-lens"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

/// Fixed-Huffman deflate data for `1 + 258 * matches` zero bytes (a literal 0, then
/// length-258/distance-1 copies: 13 bits per 258 bytes).
pub fn deflated_zeros(matches: usize) -> (Vec<u8>, u64) {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn push_lsb(&mut self, value: u64, bits: u32) {
            self.acc |= value << self.n;
            self.n += bits;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// Huffman codes go most significant bit first.
        fn push_code(&mut self, code: u64, bits: u32) {
            let reversed = (0..bits).fold(0, |r, i| r | (((code >> i) & 1) << (bits - 1 - i)));
            self.push_lsb(reversed, bits);
        }
    }
    let mut b = Bits {
        out: Vec::with_capacity(matches * 13 / 8 + 16),
        acc: 0,
        n: 0,
    };
    b.push_lsb(1, 1); // BFINAL
    b.push_lsb(1, 2); // BTYPE = fixed Huffman
    b.push_code(0x30, 8); // literal 0
    for _ in 0..matches {
        b.push_code(0xC5, 8); // length symbol 285 = 258
        b.push_code(0, 5); // distance code 0 = 1
    }
    b.push_code(0, 7); // end of block
    if b.n > 0 {
        b.out.push(b.acc as u8);
    }
    (b.out, 1 + 258 * matches as u64)
}

/// A hand-assembled zip with one deflated entry whose headers say `declared_size` (honest or
/// not) and whose flags are `flags` (bit 0 = encrypted).
pub fn raw_zip(name: &str, data: &[u8], declared_size: u32, flags: u16) -> Vec<u8> {
    let mut z = Vec::new();
    let header = |z: &mut Vec<u8>, central: bool, offset: u32| {
        if central {
            z.extend(0x0201_4b50u32.to_le_bytes());
            z.extend(20u16.to_le_bytes()); // made by
        } else {
            z.extend(0x0403_4b50u32.to_le_bytes());
        }
        z.extend(20u16.to_le_bytes()); // needed
        z.extend(flags.to_le_bytes());
        z.extend(8u16.to_le_bytes()); // deflate
        z.extend([0, 0, 0x21, 0]); // time, date
        z.extend(0u32.to_le_bytes()); // CRC (never reached)
        z.extend((data.len() as u32).to_le_bytes());
        z.extend(declared_size.to_le_bytes());
        z.extend((name.len() as u16).to_le_bytes());
        z.extend(0u16.to_le_bytes()); // extra
        if central {
            z.extend([0u8; 6]); // comment length, disk, internal attributes
            z.extend(0u32.to_le_bytes()); // external attributes
            z.extend(offset.to_le_bytes());
        }
        z.extend(name.as_bytes());
    };
    header(&mut z, false, 0);
    z.extend(data);
    let cd_start = z.len() as u32;
    header(&mut z, true, 0);
    let cd_len = z.len() as u32 - cd_start;
    z.extend(0x0605_4b50u32.to_le_bytes());
    z.extend([0u8; 4]);
    z.extend(1u16.to_le_bytes());
    z.extend(1u16.to_le_bytes());
    z.extend(cd_len.to_le_bytes());
    z.extend(cd_start.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z
}

/// Compares `got` with the golden snapshot at `tests/golden/<rel>` (written instead when
/// `UPDATE_GOLDEN` is set) and panics with the first differing lines.
pub fn check_golden(rel: &str, got: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(rel);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {path:?}; run with UPDATE_GOLDEN=1"));
    if got != want {
        let diff: Vec<String> = want
            .lines()
            .zip(got.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(10)
            .map(|(i, (a, b))| format!("line {}:\n  want: {a}\n  got:  {b}", i + 1))
            .collect();
        panic!(
            "{rel} differs from its golden snapshot ({} vs {} lines):\n{}",
            want.lines().count(),
            got.lines().count(),
            diff.join("\n")
        );
    }
}

/// Multiset F1 of `got` against `want` (1.0 when both are empty): the outline and figure
/// measure of the reader and copy tests.
pub fn f1(want: &[String], got: &[String]) -> f64 {
    if want.is_empty() && got.is_empty() {
        return 1.0;
    }
    let mut counts: std::collections::HashMap<&str, i32> = std::collections::HashMap::new();
    for w in want {
        *counts.entry(w).or_default() += 1;
    }
    let mut matched = 0;
    for g in got {
        if let Some(c) = counts.get_mut(g.as_str()).filter(|c| **c > 0) {
            *c -= 1;
            matched += 1;
        }
    }
    2.0 * f64::from(matched) / (want.len() + got.len()) as f64
}

/// Character-F1 of two strings (multisets of characters): the subject tests' measure.
pub fn char_f1(a: &str, b: &str) -> f64 {
    let mut count: std::collections::HashMap<char, i32> = std::collections::HashMap::new();
    for c in a.chars() {
        *count.entry(c).or_default() += 1;
    }
    let mut common = 0;
    for c in b.chars() {
        if let Some(n) = count.get_mut(&c).filter(|n| **n > 0) {
            *n -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    2.0 * common as f64 / (a.chars().count() + b.chars().count()) as f64
}
