//! Hardening: the input limits as tests. Each input gets a clear result (an analysis or
//! a typed error with a message), never a panic, and within a bounded time.
//!
//! Tests run in debug builds on shared machines, so time bounds compare a large input with a
//! smaller one (linear growth, generous slack) rather than asserting absolute speeds; the
//! absolute figures belong to the release benchmark (`benches/analyze.rs`, whose linearity
//! group runs 10 MB; the 50 MB figure is a release-build measurement, not a test).
//!
//! The fuzz targets in `fuzz/` cover the same readers with arbitrary bytes; a crash they find
//! is added here as a regression test.

use report_lens::input::decode::decode;
use report_lens::input::docx::DocxError;
use report_lens::input::{read_bytes, ReadError, MAX_INPUT_BYTES};
use report_lens::output::export::{to_csv, to_json, CSV_HEADER};
use report_lens::{analyze, Analysis};
use std::time::{Duration, Instant};

mod common;
use common::{deflated_zeros, raw_zip};

use common::TEXTS;

// ---- helpers ------------------------------------------------------------------------------

/// The fixtures in turn, repeated until the text holds at least `bytes` bytes.
fn reports(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 110_000);
    for (_, f) in TEXTS.iter().cycle() {
        if s.len() >= bytes {
            break;
        }
        s.push_str(f);
        s.push('\n');
    }
    s
}

/// Timed tests run one at a time, so that they do not slow each other down.
static TIMING: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn timing_lock() -> std::sync::MutexGuard<'static, ()> {
    TIMING.lock().unwrap_or_else(|e| e.into_inner())
}

/// The fastest of `runs` timings of `f` (the figure to trust on a busy machine).
fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (T, Duration) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed());
        out = Some(r);
    }
    (out.unwrap(), best)
}

/// `large` took at most `slack` × linear growth from `small` (sizes in bytes), plus 250 ms.
fn assert_linear(what: &str, small: (usize, Duration), large: (usize, Duration), slack: f64) {
    let factor = large.0 as f64 / small.0 as f64;
    let bound = small.1.mul_f64(factor * slack) + Duration::from_millis(250);
    eprintln!(
        "{what}: {} bytes in {:?}, {} bytes in {:?} (bound {bound:?})",
        small.0, small.1, large.0, large.1
    );
    assert!(
        large.1 <= bound,
        "{what}: {} bytes took {:?}, {} bytes {:?}: more than {slack} x linear",
        small.0,
        small.1,
        large.0,
        large.1
    );
}

/// The invariants of an analysis ([`report_lens::invariants`]).
fn check_analysis(text: &str, a: &Analysis) {
    if let Err(e) = report_lens::invariants::check(text, a) {
        panic!("{e}");
    }
}

/// A binary-looking byte string: PNG-less, zip-less, with NULs and control bytes.
fn binary_bytes(n: usize) -> Vec<u8> {
    let mut x: u32 = 0x1234_5678;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            // Keep clear of the magic numbers (`PK`, `%PDF`, OLE …) at the start.
            (x >> 24) as u8 & 0x1f
        })
        .collect()
}

// ---- empty and blank ----------------------------------------------------------------------

#[test]
fn empty_input() {
    let a = analyze("");
    assert!(a.sections.is_empty() && a.indicators.is_empty() && a.diagnostics.is_empty());
    assert_eq!(a.meta.chars, 0);
    assert!(a.meta.title.is_none());
    let json: serde_json::Value = serde_json::from_str(&to_json("", &a)).unwrap();
    assert_eq!(json["indicators"].as_array().map(Vec::len), Some(0));
    assert_eq!(read_bytes("报告.txt", b""), Err(ReadError::Empty));
    assert_eq!(read_bytes("报告.docx", b""), Err(ReadError::Empty));
    assert_eq!(read_bytes("报告.html", b""), Err(ReadError::Empty));
    let e = ReadError::Empty;
    assert!(e.to_string().contains("empty") && e.message_zh().contains("空"));
}

#[test]
fn whitespace_only() {
    for text in [
        " ",
        "\n\n\n",
        " \t\r\n",
        "\u{3000}\u{3000}\n\u{a0}",
        "\u{feff}\n",
    ] {
        let a = analyze(text);
        assert!(a.sections.is_empty(), "{text:?}: sections");
        assert!(a.indicators.is_empty(), "{text:?}: indicators");
        check_analysis(text, &a);
        serde_json::from_str::<serde_json::Value>(&to_json(text, &a)).unwrap();
    }
    assert_eq!(read_bytes("a.txt", b"  \n\t\r\n"), Err(ReadError::Empty));
    // Full-width spaces are not ASCII whitespace: they pass the first check and are found
    // blank after decoding.
    assert_eq!(
        read_bytes("a.txt", "\u{3000}\u{3000}\n".as_bytes()),
        Err(ReadError::Empty)
    );
    assert_eq!(
        read_bytes("a.html", b"<html><body>  </body></html>"),
        Err(ReadError::Empty)
    );
}

// ---- size ---------------------------------------------------------------------------------

#[test]
fn large_text_is_analysed_in_linear_time() {
    let _serial = timing_lock();
    let small = reports(1 << 20);
    let large = reports(6 << 20);
    let (a_small, t_small) = best_of(2, || analyze(&small));
    let (a_large, t_large) = best_of(1, || analyze(&large));
    check_analysis(&large, &a_large);
    assert!(a_large.indicators.len() > 5 * a_small.indicators.len());
    assert_linear(
        "analyze",
        (small.len(), t_small),
        (large.len(), t_large),
        2.0,
    );
}

#[test]
fn file_over_the_limit_is_refused_at_once() {
    // 200 MB of zero pages (untouched, so cheap to allocate): refused on the length alone.
    let huge = vec![0u8; 200 * 1024 * 1024];
    let t = Instant::now();
    let err = read_bytes("report.txt", &huge).unwrap_err();
    assert!(t.elapsed() < Duration::from_secs(1));
    assert_eq!(
        err,
        ReadError::TooLarge {
            limit_mb: MAX_INPUT_BYTES / 1024 / 1024
        }
    );
    assert!(err.to_string().contains("MB") && err.message_zh().contains("MB"));
}

#[test]
fn single_five_megabyte_line() {
    let _serial = timing_lock();
    // The reports with their line breaks taken out: one paragraph of about 5 MB.
    let line = |bytes: usize| reports(bytes + bytes / 8).replace(['\n', '\r'], "");
    let small = line(1 << 20);
    let large = line(5 << 20);
    assert!(!large.contains('\n') && large.len() >= 5 << 20);
    let (_, t_small) = best_of(2, || analyze(&small));
    let (a, t_large) = best_of(1, || analyze(&large));
    check_analysis(&large, &a);
    assert!(!a.indicators.is_empty());
    assert_linear(
        "one line",
        (small.len(), t_small),
        (large.len(), t_large),
        2.0,
    );
    let doc = read_bytes("one-line.txt", large.as_bytes()).unwrap();
    assert_eq!(doc.text.len(), large.len());
}

// ---- many headings ------------------------------------------------------------------------

/// Analyses `make(n)` for 10,000 and 100,000 headings: linear time, sane levels.
fn headings(what: &str, make: impl Fn(usize) -> String, min_sections: usize, max_level: u8) {
    let _serial = timing_lock();
    let small = make(10_000);
    let large = make(100_000);
    let (_, t_small) = best_of(2, || analyze(&small));
    let (a, t_large) = best_of(1, || analyze(&large));
    check_analysis(&large, &a);
    assert!(
        a.sections.len() >= min_sections,
        "{what}: {} sections",
        a.sections.len()
    );
    let deepest = a.sections.iter().map(|s| s.level).max().unwrap();
    assert!(deepest <= max_level, "{what}: level {deepest}");
    assert_linear(what, (small.len(), t_small), (large.len(), t_large), 2.0);
}

#[test]
fn hundred_thousand_identical_headings() {
    headings("一、标题 × n", |n| "一、标题\n".repeat(n), 100_000, 1);
}

#[test]
fn hundred_thousand_paren_headings() {
    headings("（一）标题 × n", |n| "（一）标题\n".repeat(n), 100_000, 2);
}

#[test]
fn hundred_thousand_numbered_headings() {
    // 1.标题 … 100000.标题: numbers far past any real report. Only the first few dozen are
    // taken as headings (large numbers read as figures, not markers); the rest is text.
    headings(
        "k.标题",
        |n| (1..=n).map(|k| format!("{k}.标题\n")).collect(),
        50,
        3,
    );
}

#[test]
fn hundred_thousand_nested_headings() {
    // 一、 / （一） / 1. / （1） in turn, 25,000 times: four levels at most.
    headings(
        "nested",
        |n| {
            [
                "一、总体情况\n",
                "（一）加强领导\n",
                "1.完善制度\n",
                "（1）落实责任\n",
            ]
            .iter()
            .cycle()
            .take(n)
            .copied()
            .collect()
        },
        100_000,
        4,
    );
}

// ---- bytes that are not text --------------------------------------------------------------

#[test]
fn binary_file_renamed_txt() {
    let bytes = binary_bytes(64 * 1024);
    let err = read_bytes("报告.txt", &bytes).unwrap_err();
    assert_eq!(err, ReadError::Binary);
    assert!(err.to_string().contains("binary"), "{err}");
    // The Chinese message says "not a text file" (不是文本文件) and what to do instead.
    let zh = err.message_zh();
    assert!(zh.contains("不是文本文件") || zh.contains("二进制"), "{zh}");
    assert!(zh.contains(".docx"), "{zh}");
    // Binary with a few printable runs, and NULs late in the file, are refused too.
    let mut late = "一、总体情况\n".repeat(10).into_bytes();
    late.extend(binary_bytes(4096));
    assert_eq!(read_bytes("late.txt", &late), Err(ReadError::Binary));
    assert_eq!(
        decode(&bytes),
        Err(report_lens::input::decode::DecodeError::Binary)
    );
}

#[test]
fn docx_that_is_not_a_zip() {
    let err = read_bytes("报告.docx", "一、总体情况\n全区已精简64项。".as_bytes()).unwrap_err();
    assert_eq!(err, ReadError::Docx(DocxError::NotZip));
    assert!(err.to_string().contains("not a zip"), "{err}");
    assert!(err.message_zh().contains("zip"), "{}", err.message_zh());
    // Binary junk named .docx: a binary-file error, not a panic or a zip error.
    let junk = read_bytes("报告.docx", &binary_bytes(2048)).unwrap_err();
    assert!(
        matches!(junk, ReadError::Binary | ReadError::Docx(DocxError::NotZip)),
        "{junk:?}"
    );
    // A zip signature followed by junk: a damaged archive.
    let mut fake = b"PK\x03\x04".to_vec();
    fake.extend(binary_bytes(2048));
    let err = read_bytes("报告.docx", &fake).unwrap_err();
    assert!(
        matches!(err, ReadError::Docx(DocxError::Corrupt(_))),
        "{err:?}"
    );
    assert!(!err.message_zh().is_empty());
    // An empty archive (end-of-central-directory record only) has no document.
    let empty_zip = [b"PK\x05\x06".as_slice(), &[0u8; 18]].concat();
    let err = read_bytes("报告.docx", &empty_zip).unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::OtherZip(_) | ReadError::Docx(DocxError::NotDocx | DocxError::Corrupt(_))
        ),
        "{err:?}"
    );
}

// ---- zip bombs ----------------------------------------------------------------------------

/// A zip with one deflated `word/document.xml` whose headers declare `declared` bytes.
fn one_entry_zip(data: &[u8], declared: u32) -> Vec<u8> {
    raw_zip("word/document.xml", data, declared, 0)
}

/// What the headers say, the declared size, and the error expected.
type BombCase = (&'static str, u32, fn(&ReadError) -> bool);

#[test]
fn small_zip_bombs_are_refused_quickly() {
    // 60 MB of zeros in about 380 KB.
    let (data, size) = deflated_zeros(60 * 1024 * 1024 / 258);
    assert!(size > 60_000_000 && data.len() < 400_000, "{}", data.len());
    let cases: [BombCase; 3] = [
        ("honest header, over the size limit", size as u32, |e| {
            matches!(e, ReadError::Docx(DocxError::TooLarge { .. }))
        }),
        ("header claims 20 MB: ratio", 20 << 20, |e| {
            matches!(e, ReadError::Docx(DocxError::SuspiciousRatio { .. }))
        }),
        ("header lies (1 KB): stream cut off", 1024, |e| {
            matches!(
                e,
                ReadError::Docx(
                    DocxError::SuspiciousRatio { .. }
                        | DocxError::TooLarge { .. }
                        | DocxError::Corrupt(_)
                )
            )
        }),
    ];
    for (what, declared, ok) in cases {
        let bytes = one_entry_zip(&data, declared);
        let t = Instant::now();
        let err = read_bytes("bomb.docx", &bytes).unwrap_err();
        let took = t.elapsed();
        assert!(ok(&err), "{what}: {err:?}");
        assert!(took < Duration::from_secs(3), "{what}: took {took:?}");
        assert!(!err.to_string().is_empty() && !err.message_zh().is_empty());
    }
}

// ---- encodings ----------------------------------------------------------------------------

/// The first 6 KB (or a little less, at a char boundary) of a real report.
fn utf8_head() -> &'static str {
    let head = TEXTS[1].1;
    &head[..(0..=6000)
        .rev()
        .find(|&k| head.is_char_boundary(k))
        .unwrap()]
}

#[test]
fn utf8_file_with_a_gbk_tail() {
    let head = utf8_head();
    let tail = "二、存在的问题\n基层执法力量仍然薄弱，行政复议案件128件。\n";
    let (gbk_tail, _, _) = encoding_rs::GBK.encode(tail);
    let mut bytes = head.as_bytes().to_vec();
    bytes.extend_from_slice(&gbk_tail);
    assert!(std::str::from_utf8(&bytes).is_err());
    let (text, enc) = decode(&bytes).expect("mixed file decodes");
    // Either read as UTF-8 with the tail replaced, or as GBK as a whole: never a panic, and
    // the text is analysable.
    eprintln!("mixed: read as {enc}");
    assert!(!text.trim().is_empty());
    check_analysis(&text, &analyze(&text));
    let doc = read_bytes("mixed.txt", &bytes).expect("mixed file reads");
    assert_eq!(doc.text, text);

    // The other way round: a GBK file with a UTF-8 tail.
    let (gbk_head, _, _) = encoding_rs::GBK.encode(head);
    let mut bytes = gbk_head.into_owned();
    bytes.extend_from_slice(tail.as_bytes());
    match read_bytes("mixed2.txt", &bytes) {
        Ok(doc) => check_analysis(&doc.text, &analyze(&doc.text)),
        Err(e) => assert!(!e.message_zh().is_empty(), "{e:?}"),
    }
}

#[test]
fn truncated_and_odd_encodings() {
    let s = "一、总体情况\n全区已精简64项申报材料，同比下降14.7%。\n";
    // UTF-8 cut in the middle of a character.
    let cut = &s.as_bytes()[..s.len() - 1];
    let (t, _) = decode(cut).unwrap();
    assert!(t.starts_with("一、总体情况"));
    // UTF-16LE with BOM, odd length.
    let mut u16: Vec<u8> = vec![0xFF, 0xFE];
    u16.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    u16.push(0x41);
    let doc = read_bytes("u16.txt", &u16).unwrap();
    assert!(doc.text.starts_with("一、总体情况"), "{:?}", doc.text);
    // A BOM and nothing else.
    assert!(read_bytes("bom.txt", b"\xEF\xBB\xBF").is_err());
    assert!(read_bytes("bom16.txt", b"\xFF\xFE").is_err());
}

/// Found while writing [`utf8_file_with_a_gbk_tail`]: the detector picks windows-1252 for a
/// UTF-8 report whose last lines are GBK, so every Chinese character of the UTF-8 part turns
/// into Latin mojibake and the report is lost, although the file is 98% valid UTF-8.
/// Expected: the UTF-8 part kept (the tail replaced with U+FFFD, or the whole read as GBK).
#[test]
fn utf8_file_with_a_gbk_tail_keeps_its_utf8_part() {
    let head = utf8_head();
    let (gbk_tail, _, _) = encoding_rs::GBK.encode("二、存在的问题\n基层执法力量仍然薄弱。\n");
    let mut bytes = head.as_bytes().to_vec();
    bytes.extend_from_slice(&gbk_tail);
    let (text, enc) = decode(&bytes).unwrap();
    assert!(
        text.starts_with(head),
        "decoded as {enc}: {:?}",
        text.chars().take(40).collect::<String>()
    );
}

// ---- export round trips -------------------------------------------------------------------

/// RFC 4180 records: fields separated by `,`, records by CRLF (or LF), fields with `,` `"`
/// or line breaks quoted with `"`, quotes doubled inside. Panics on malformed input.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    // Whether the current field has begun (a quote is only special at its start).
    let mut begun = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if !begun => {
                begun = true;
                loop {
                    match chars.next().expect("unterminated quoted field") {
                        '"' if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        '"' => break,
                        c => field.push(c),
                    }
                }
                assert!(
                    matches!(chars.peek(), None | Some(',' | '\r' | '\n')),
                    "text after a closing quote in {field:?}"
                );
            }
            '"' => panic!("bare quote inside an unquoted field: {field:?}"),
            ',' => {
                record.push(std::mem::take(&mut field));
                begun = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                begun = false;
            }
            c => {
                field.push(c);
                begun = true;
            }
        }
    }
    if begun || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[test]
fn csv_parser_reads_rfc4180() {
    let rows = parse_csv("a,\"b,c\",\"d\"\"e\"\r\n\"x\r\ny\",,z\r\n");
    assert_eq!(
        rows,
        [vec!["a", "b,c", "d\"e"], vec!["x\r\ny", "", "z"]]
            .map(|r| r.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    );
}

/// Subjects (and a file name) full of CSV and JSON metacharacters.
const NASTY: [&str; 6] = [
    "甲,乙",
    "\"丙\"",
    "第一行\n第二行",
    "回车\r\n换行, \"全部\"",
    "反斜杠\\与\t制表",
    "\u{2028}行分隔\u{0}零",
];

fn nasty_analysis() -> (String, Analysis) {
    // Real text first: quotes and commas around the figures.
    let text = "一、总体情况\n共有“甲,乙”\"丙\"单位64个，办复率100%。\n\
                （一）“放管服”改革\n精简申报材料,共64项，同比下降14.7%；\"一网通办\"事项1000余件。\n"
        .to_string();
    let mut a = analyze(&text);
    assert!(a.indicators.len() >= 4, "{:?}", a.indicators);
    // Then subjects that no text gives, set directly.
    for (i, s) in a.indicators.iter_mut().zip(NASTY.iter().cycle()) {
        i.subject = format!("{}{s}", i.subject);
    }
    (text, a)
}

#[test]
fn csv_export_round_trips_through_a_csv_parser() {
    let (text, a) = nasty_analysis();
    let file = "报告,\"2023\"\n.txt";
    let csv = to_csv(file, &text, &a, true);
    let rows = parse_csv(&csv);
    let header = parse_csv(CSV_HEADER);
    assert_eq!(rows.len(), a.indicators.len() + 1, "no row lost or split");
    assert_eq!(rows[0], header[0]);
    for (row, (k, i)) in rows[1..].iter().zip(a.indicators.iter().enumerate()) {
        assert_eq!(row.len(), header[0].len(), "row {k}: {row:?}");
        assert_eq!(row[0], file);
        assert_eq!(row[1], (k + 1).to_string());
        assert_eq!(row[3], &text[i.span.start..i.span.end]);
        assert_eq!(row[4], i.subject, "row {k}");
        assert_eq!(row[6], i.unit);
    }
}

#[test]
fn json_export_round_trips_through_serde_json() {
    let (text, a) = nasty_analysis();
    let json = to_json(&text, &a);
    assert!(!json.contains('\n'), "one line");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let inds = v["indicators"].as_array().unwrap();
    assert_eq!(inds.len(), a.indicators.len());
    let chars: Vec<char> = text.chars().collect();
    for (j, i) in inds.iter().zip(&a.indicators) {
        assert_eq!(j["subject"].as_str(), Some(i.subject.as_str()));
        let (s, e) = (
            j["start"].as_u64().unwrap() as usize,
            j["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            &text[i.span.start..i.span.end]
        );
    }
    assert_eq!(
        v["sections"].as_array().unwrap().len(),
        a.sections.len(),
        "sections"
    );
    // Re-serialising the parsed value gives the same value.
    let again: serde_json::Value = serde_json::from_str(&v.to_string()).unwrap();
    assert_eq!(again, v);
}

// ---- no super-linear fragments ------------------------------------------------------------

/// Fragments that stress one recogniser each, repeated to 100 KB and 200 KB: the larger may
/// take at most 2 × linear (the `superlinear` fuzz target searches for more such fragments).
/// `第一，` is left out: see [`repeated_cn_ordinals_are_not_much_slower_than_a_report`].
#[test]
fn repeated_fragments_stay_linear() {
    let _serial = timing_lock();
    let fragments = [
        "一、",
        "（",
        "1.",
        "一是",
        "64项，同比下降14.7%，",
        "约1000余件",
        "\n",
        "。",
        "<p>",
        "梅列区人民政府\n2020年1月10日\n",
        "首页 > 政务公开\n",
    ];
    for f in fragments {
        let small = f.repeat(100_000 / f.len() + 1);
        let large = f.repeat(200_000 / f.len() + 1);
        let (_, t_small) = best_of(3, || analyze(&small));
        let (a, t_large) = best_of(3, || analyze(&large));
        check_analysis(&large, &a);
        assert_linear(
            &format!("{f:?} repeated"),
            (small.len(), t_small),
            (large.len(), t_large),
            2.0,
        );
    }
}

/// Found with the fuzz targets: a line of `第一，第一，…` is analysed about 100 × slower than a
/// real report of the same size (release: 0.8 MB/s against 50+ MB/s; 3.2 MB take 4 s). Still
/// linear: every `第一` after a separator makes `outline::has_following` scan up to 3,000
/// bytes ahead for a `第二`, calling `parse_marker` at every separator on the way.
#[test]
fn repeated_cn_ordinals_are_not_much_slower_than_a_report() {
    let _serial = timing_lock();
    let report = reports(100_000);
    let ordinals = "第一，".repeat(report.len() / "第一，".len());
    let (_, t_report) = best_of(2, || analyze(&report));
    let (_, t_ordinals) = best_of(1, || analyze(&ordinals));
    eprintln!("report {t_report:?}, 第一，× n {t_ordinals:?}");
    assert!(
        t_ordinals <= t_report * 10 + Duration::from_millis(100),
        "{} bytes of 第一， took {t_ordinals:?}; a report of that size {t_report:?}",
        ordinals.len()
    );
}

// ---- fuzz findings ------------------------------------------------------------------------

/// Found by the `html` fuzz target (minimised input `<i/=""峂`, 9 bytes): `html::read_tag`
/// panics with "start byte index 7 is not a char boundary; it is inside '峂'" at
/// src/html.rs:586. An attribute with an empty name (`=""`) skips one more byte after its
/// value, landing inside the next (multi-byte) character. Reached through
/// `input::read_bytes` for any `.html` file or sniffed page, so a page can crash the app.
#[test]
fn html_empty_attribute_name_before_a_multibyte_char() {
    let page = "<i/=\"\"峂";
    assert_eq!(page.as_bytes(), b"<i/=\"\"\xe5\xb3\x82");
    // The tag is cut off by the end of the input: like a browser, nothing is shown (no panic).
    let text = report_lens::input::html::extract(page).to_text();
    assert!(!text.contains('<'), "{text:?}");
    let doc = read_bytes("page.html", "<p =\"\"平>一、总体情况</p>".as_bytes());
    assert!(doc.is_ok_and(|d| d.text.contains("一、总体情况")));
}

/// Found by the `superlinear` fuzz target (fragment `一`): a run of `一` is quadratic in
/// `indicator::find_indicators`. At every `一`, `chinese_at` scans to the end of the run
/// of numeral characters, `parse_cn` rejects it, and the scan moves on by one character.
/// Release build: 10 KB 9 ms, 20 KB 37 ms, 40 KB 148 ms, 80 KB 604 ms; 400 KB would take
/// about 15 s and 5 MB about 40 minutes. `二` and `一二三四五六七八九十` behave the same.
#[test]
fn run_of_chinese_numerals_is_linear() {
    let _serial = timing_lock();
    for f in ["一", "二", "一二三四五六七八九十"] {
        let small = f.repeat(10_000 / f.len());
        let large = f.repeat(40_000 / f.len());
        let (_, t_small) = best_of(2, || analyze(&small));
        let (_, t_large) = best_of(1, || analyze(&large));
        assert_linear(
            &format!("{f:?} run"),
            (small.len(), t_small),
            (large.len(), t_large),
            2.0,
        );
    }
}
