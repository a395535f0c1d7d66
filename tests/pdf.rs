//! The PDF reader and the layout step: the fixture PDFs (tests/fixtures/pdf/, made by
//! scripts/make-pdf-fixtures.sh) against the text they were made from, the scan and the
//! encrypted files, the CLI, hand-made bombs, and tables of layout rules.
#![cfg(feature = "pdf")]

use report_lens::analyze;
use report_lens::input::layout::{self, Page, Run};
use report_lens::input::{pdf, read_bytes, Format, Limit, ReadError};
use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;
use common::deflated_zeros;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fixture_text(prefix: &str) -> String {
    let dir = std::fs::read_dir(FIXTURES).unwrap();
    for e in dir {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with(prefix) && name.ends_with(".txt") {
            return std::fs::read_to_string(p).unwrap();
        }
    }
    panic!("no fixture {prefix}");
}

fn pdf_path(name: &str) -> String {
    format!("{FIXTURES}/pdf/{name}")
}

fn pdf_bytes(name: &str) -> Vec<u8> {
    std::fs::read(pdf_path(name)).unwrap()
}

fn section_keys(text: &str) -> Vec<String> {
    analyze(text)
        .sections
        .iter()
        .map(|s| format!("{}{}", s.marker, s.title))
        .collect()
}

fn indicator_keys(text: &str) -> Vec<String> {
    analyze(text)
        .indicators
        .iter()
        .map(|i| format!("{}{}", i.value, i.unit))
        .collect()
}

/// (PDF fixture, text fixture it was made from, lines of it used)
const PAIRS: &[(&str, &str, usize)] = &[
    ("lo-000.pdf", "000_", usize::MAX),
    ("lo-001.pdf", "001_", usize::MAX),
    ("lo-002.pdf", "002_", usize::MAX),
    ("lo-003.pdf", "003_", usize::MAX),
    ("chromium-000.pdf", "000_", usize::MAX),
    ("chromium-001.pdf", "001_", usize::MAX),
    ("chromium-002.pdf", "002_", usize::MAX),
    ("chromium-003.pdf", "003_", usize::MAX),
    ("chromium-001-no-tounicode.pdf", "001_", usize::MAX),
    ("encrypted-aes256.pdf", "001_", usize::MAX),
    ("encrypted-rc4.pdf", "001_", 16),
    ("mupdf-aes256.pdf", "001_", 16),
    ("mupdf-rc4.pdf", "001_", 16),
];

#[test]
fn fixture_pdfs_give_the_outline_and_indicators_of_their_text() {
    let mut failures = Vec::new();
    for (pdf_name, txt, lines) in PAIRS {
        let full = fixture_text(txt);
        let expected: String = full.lines().take(*lines).collect::<Vec<_>>().join("\n");
        let started = Instant::now();
        let doc = read_bytes(pdf_name, &pdf_bytes(pdf_name))
            .unwrap_or_else(|e| panic!("{pdf_name}: {e}"));
        let elapsed = started.elapsed();
        assert_eq!(doc.format, Format::Pdf);
        let s = common::f1(&section_keys(&expected), &section_keys(&doc.text));
        let i = common::f1(&indicator_keys(&expected), &indicator_keys(&doc.text));
        println!("{pdf_name}: sections F1 {s:.3}, indicators F1 {i:.3}, read in {elapsed:?}");
        if s < 0.95 || i < 0.95 {
            failures.push(format!("{pdf_name}: sections {s:.3}, indicators {i:.3}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Scans with an OCR text layer (tesseract 5.3 `chi_sim`, `chi_tra` for the Traditional 003,
/// over 200-dpi renderings of the Chromium fixtures: invisible text in GlyphLessFont, one
/// object per word, spaces between words): the outline and figures of their text, less
/// recognition errors (`领导千部`, `800余mi`), and a notice.
#[test]
fn ocr_text_layers_give_the_outline_and_figures_of_their_text() {
    for (pdf_name, txt) in [
        ("ocr-000.pdf", "000_"),
        ("ocr-001.pdf", "001_"),
        ("ocr-002.pdf", "002_"),
        ("ocr-003.pdf", "003_"),
    ] {
        let expected = fixture_text(txt);
        let doc = read_bytes(pdf_name, &pdf_bytes(pdf_name))
            .unwrap_or_else(|e| panic!("{pdf_name}: {e}"));
        let s = common::f1(&section_keys(&expected), &section_keys(&doc.text));
        let i = common::f1(&indicator_keys(&expected), &indicator_keys(&doc.text));
        println!("{pdf_name}: sections F1 {s:.3}, indicators F1 {i:.3}");
        assert!(doc.ocr, "{pdf_name}: recognised as an OCR text layer");
        let typed = read_bytes("chromium-000.pdf", &pdf_bytes("chromium-000.pdf")).unwrap();
        assert!(!typed.ocr, "a PDF of typed text is no OCR layer");
        assert!(
            s >= 0.85 && i >= 0.95,
            "{pdf_name}: sections {s:.3}, indicators {i:.3}"
        );
        let notices = |text: &str| {
            analyze(text)
                .diagnostics
                .iter()
                .filter(|d| d.code == report_lens::Code::OcrText)
                .count()
        };
        assert_eq!(
            notices(&doc.text),
            1,
            "{pdf_name}: one notice that the text is machine-recognised"
        );
        assert_eq!(
            notices(&expected),
            0,
            "{txt}: typed text gets no OCR notice"
        );
    }
}

#[test]
fn cli_says_on_stderr_when_a_pdf_is_an_ocr_layer() {
    let o = Command::new(BIN)
        .args(["analyze", &pdf_path("ocr-002.pdf")])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("ocr-002.pdf: note: the text is the OCR layer of a scan"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(
        codes.iter().filter(|&&c| c == "ocr-text").count(),
        1,
        "{codes:?}"
    );
    let typed = Command::new(BIN)
        .args(["analyze", &pdf_path("chromium-002.pdf")])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&typed.stderr).contains("OCR"),
        "typed text: no note"
    );
}

#[test]
fn fixture_paragraphs_are_the_lines_of_their_text() {
    // Every paragraph of the text comes out as one line (spaces aside: a non-breaking space
    // reads as a space, and a space that is only a gap before digits is not kept).
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for (pdf_name, txt, lines) in PAIRS {
        let expected: Vec<String> = fixture_text(txt)
            .lines()
            .take(*lines)
            .map(squeeze)
            .filter(|l| !l.is_empty())
            .collect();
        let got: Vec<String> = pdf::to_text(&pdf_bytes(pdf_name))
            .unwrap()
            .lines()
            .map(squeeze)
            .collect();
        assert_eq!(got, expected, "{pdf_name}");
    }
}

#[test]
fn libreoffice_gaps_before_digits_are_not_spaces() {
    let text = pdf::to_text(&pdf_bytes("lo-001.pdf")).unwrap();
    assert!(
        text.contains("全区39个部门"),
        "LibreOffice's 0.2 em autospace is no space"
    );
    assert!(
        text.contains("机制。 成立了"),
        "a space drawn as a glyph is kept"
    );
}

#[test]
fn chrome_is_removed_and_the_wrapped_title_is_one_line() {
    let text = pdf::to_text(&pdf_bytes("chromium-001.pdf")).unwrap();
    let first = text.lines().next().unwrap();
    assert_eq!(
        first, "武汉市洪山区人民政府 2017年依法行政工作报告",
        "the centred title wraps on the page"
    );
    assert!(
        !text.contains('—') || !text.contains("— 1 —"),
        "page numbers are gone"
    );
    assert_eq!(
        text.lines()
            .filter(|l| l.trim() == "武汉市洪山区人民政府")
            .count(),
        0,
        "the running header is gone"
    );
    let text = pdf::to_text(&pdf_bytes("chromium-003.pdf")).unwrap();
    assert!(!text.contains("共 8 页"), "第 N 页 共 M 页 is gone");
}

#[test]
fn scans_and_passwords_get_their_messages() {
    let err = read_bytes("scan.pdf", &pdf_bytes("scan.pdf")).unwrap_err();
    assert_eq!(err, ReadError::Scan);
    assert!(
        err.message_zh()
            .contains("扫描件，没有文字层，需要先做文字识别"),
        "{}",
        err.message_zh()
    );
    assert!(err.to_string().contains("OCR"));

    let err = read_bytes("password.pdf", &pdf_bytes("password.pdf")).unwrap_err();
    assert_eq!(err, ReadError::PasswordProtected);
    assert!(err.message_zh().contains("密码"));

    // The same with the `/Encrypt` dictionary written in the trailer (MuPDF).
    let err = read_bytes("mupdf-password.pdf", &pdf_bytes("mupdf-password.pdf")).unwrap_err();
    assert_eq!(err, ReadError::PasswordProtected);
}

/// MuPDF and PyMuPDF write the `/Encrypt` dictionary directly in the trailer, qpdf as an
/// object of its own: with the empty user password, both read as the unencrypted file
/// they were made from (AES-256 R6 and RC4-128 R3).
#[test]
fn an_encrypt_dictionary_in_the_trailer_reads_like_an_indirect_one() {
    let source = read_bytes("encrypted-rc4.pdf", &pdf_bytes("encrypted-rc4.pdf"))
        .unwrap()
        .text;
    for name in ["mupdf-aes256.pdf", "mupdf-rc4.pdf"] {
        let bytes = pdf_bytes(name);
        let tail = String::from_utf8_lossy(&bytes[bytes.len() - 1000..]).into_owned();
        assert!(tail.contains("/Encrypt<<"), "{name} has a direct /Encrypt");
        assert_eq!(read_bytes(name, &bytes).unwrap().text, source, "{name}");
    }
}

#[test]
fn damaged_files_are_named_damaged() {
    let lo = pdf_bytes("lo-001.pdf");
    // (bytes, reason)
    let rows: Vec<(Vec<u8>, &str)> = vec![
        (
            b"%PDF-1.5\n%\xB5\xB5\n1 0 obj".to_vec(),
            "a header and nothing else",
        ),
        (b"%PDF-1.7\n".to_vec(), "only a header"),
        (lo[..lo.len() / 3].to_vec(), "cut to a third"),
    ];
    for (bytes, why) in rows {
        match read_bytes("a.pdf", &bytes) {
            Err(ReadError::DamagedPdf(_)) => {}
            // A cut file may still hold a readable page or two, or only fonts.
            Ok(doc) => assert!(!doc.text.is_empty(), "{why}"),
            Err(e) => assert!(!e.message_zh().is_empty(), "{why}: {e}"),
        }
    }
    let err = read_bytes("a.pdf", b"%PDF-1.5\n%\xB5\xB5\n1 0 obj").unwrap_err();
    assert!(err.message_zh().contains("损坏"), "{}", err.message_zh());
}

// ---- the CLI ----------------------------------------------------------------------------

const BIN: &str = env!("CARGO_BIN_EXE_report-lens");

#[test]
fn cli_analyses_pdfs_and_finds_them_in_directories() {
    let o = Command::new(BIN)
        .args(["analyze", &pdf_path("lo-003.pdf")])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["sections"][0]["marker"], "一、");

    let dir = std::env::temp_dir().join(format!("report-lens-pdf-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(pdf_path("chromium-002.pdf"), dir.join("a.pdf")).unwrap();
    std::fs::copy(pdf_path("scan.pdf"), dir.join("b.PDF")).unwrap();
    let o = Command::new(BIN)
        .args(["overview", "--format", "csv", dir.to_str().unwrap()])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "the scan fails: {err}");
    assert!(out.contains("a.pdf"), "{out}");
    assert!(err.contains("b.PDF: a scan"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- bombs ------------------------------------------------------------------------------

/// A PDF from object bodies (object n is `objects[n - 1]`; object 1 is the catalog).
fn build_pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        writeln!(pdf, "{} 0 obj", i + 1).unwrap();
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    write!(pdf, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for o in offsets {
        writeln!(pdf, "{o:010} 00000 n ").unwrap();
    }
    write!(
        pdf,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .unwrap();
    pdf
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

fn zlib(data: &[u8], level: flate2::Compression) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), level);
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A one-page PDF whose page shows `content` with a Helvetica font /F1 and extra resources.
fn one_page(content: &[u8], resources: &str, extra: &[Vec<u8>]) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
             /Resources << /Font << /F1 5 0 R >> {resources} >> >>"
        )
        .into_bytes(),
        stream("", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    objects.extend_from_slice(extra);
    build_pdf(&objects)
}

/// Reads `bytes`, asserting it takes less than `within`; returns the result.
fn timed(bytes: &[u8], within: Duration, what: &str) -> Result<String, ReadError> {
    let started = Instant::now();
    let r = pdf::to_text(bytes);
    let elapsed = started.elapsed();
    println!("{what}: {elapsed:?} → {r:?}");
    assert!(elapsed < within, "{what} took {elapsed:?}");
    r
}

#[test]
fn a_hand_made_page_reads() {
    let pdf = one_page(b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET", "", &[]);
    assert_eq!(pdf::to_text(&pdf).unwrap(), "Hello");
}

#[test]
fn a_stream_inflating_to_gigabytes_stops_at_the_limit() {
    // 2 GiB of zeros, deflated twice: tens of kilobytes on disk.
    let (raw, len) = deflated_zeros(8_400_000);
    assert!(len > 2 << 30);
    let mut once = vec![0x78, 0xDA];
    once.extend_from_slice(&raw);
    // Adler-32 of zeros: a stays 1, b counts the bytes.
    once.extend_from_slice(&((((len % 65521) as u32) << 16) | 1).to_be_bytes());
    let twice = zlib(&once, flate2::Compression::fast());
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
    ];
    objects.push(stream("/Filter [/FlateDecode /FlateDecode]", &twice));
    let pdf = build_pdf(&objects);
    assert!(pdf.len() < 256 * 1024, "{} bytes", pdf.len());
    let r = timed(&pdf, Duration::from_secs(10), "2 GiB content stream");
    assert_eq!(
        r,
        Err(ReadError::LimitExceeded(Limit::StreamSize { mb: 32 }))
    );
    assert!(r.unwrap_err().message_zh().contains("32 MB"));

    // The same bomb as an object stream, which lopdf inflates while loading.
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Count 0 /Kids [] >>".to_vec(),
    ];
    objects.push(stream(
        "/Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode]",
        &twice,
    ));
    let r = timed(
        &build_pdf(&objects),
        Duration::from_secs(10),
        "2 GiB object stream",
    );
    assert!(
        matches!(
            r,
            Err(ReadError::LimitExceeded(Limit::StreamSize { .. })) | Err(ReadError::DamagedPdf(_))
        ),
        "{r:?}"
    );
}

/// Slow in a debug build (about 15 s: 260 MB inflated and read); the accounting itself has
/// a unit test in `input::pdf`. `cargo test --release --test pdf -- --ignored` runs it.
#[test]
#[ignore = "inflates 260 MB; slow in debug builds"]
fn many_pages_of_one_big_stream_stop_at_the_total() {
    // Twenty pages draw the same 20 MB content stream (NUL bytes, which are whitespace):
    // each stream is under the 32 MB limit, together they pass the 256 MB one.
    let content = zlib(&vec![0u8; 20 << 20], flate2::Compression::fast());
    let n = 20;
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Count {n} /Kids [{}] >>",
            (0..n)
                .map(|i| format!("{} 0 R", i + 4))
                .collect::<Vec<_>>()
                .join(" ")
        )
        .into_bytes(),
        stream("/Filter /FlateDecode", &content),
    ];
    for _ in 0..n {
        objects.push(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>".to_vec(),
        );
    }
    let r = timed(
        &build_pdf(&objects),
        Duration::from_secs(60),
        "20 pages × 20 MB",
    );
    assert_eq!(
        r,
        Err(ReadError::LimitExceeded(Limit::StreamSize { mb: 256 }))
    );
}

#[test]
fn deep_nesting_stops_at_the_limits() {
    // Arrays nested 100,000 deep in a page's resources (lopdf stops at 100 levels).
    let deep = format!("/Deep {}{}", "[".repeat(100_000), "]".repeat(100_000));
    let pdf = one_page(b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET", &deep, &[]);
    let r = timed(&pdf, Duration::from_secs(10), "nested arrays");
    assert!(
        r.is_ok() || matches!(r, Err(ReadError::DamagedPdf(_))),
        "{r:?}"
    );

    // A page tree 10,000 levels deep.
    let n = 10_000;
    let mut objects = vec![b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()];
    for i in 0..n {
        objects.push(format!("<< /Type /Pages /Count 1 /Kids [{} 0 R] >>", i + 3).into_bytes());
    }
    objects.push(b"<< /Type /Page /MediaBox [0 0 595 842] >>".to_vec());
    let r = timed(
        &build_pdf(&objects),
        Duration::from_secs(10),
        "deep page tree",
    );
    assert_eq!(
        r,
        Err(ReadError::LimitExceeded(Limit::Nesting(
            pdf::MAX_TREE_DEPTH
        )))
    );

    // Forms drawing forms, 100 deep.
    let mut extra = Vec::new();
    for i in 0..100 {
        // Object 6 + i draws 7 + i.
        extra.push(stream(
            &format!("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X {} 0 R >> >>", 7 + i),
            b"/X Do",
        ));
    }
    let pdf = one_page(b"/X Do", "/XObject << /X 6 0 R >>", &extra);
    let r = timed(&pdf, Duration::from_secs(10), "nested forms");
    assert_eq!(
        r,
        Err(ReadError::LimitExceeded(Limit::Nesting(
            pdf::MAX_FORM_DEPTH
        )))
    );
}

#[test]
fn a_million_pages_stop_at_the_page_limit() {
    // The tree claims a million pages and lists the same page 200,000 times.
    let kids = "4 0 R ".repeat(200_000);
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Count 1000000 /Kids [{kids}] >>").into_bytes(),
        stream("", b"BT /F1 12 Tf 72 700 Td (Page) Tj ET"),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R \
          /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    let r = timed(
        &build_pdf(&objects),
        Duration::from_secs(20),
        "a million pages claimed",
    );
    assert_eq!(
        r,
        Err(ReadError::LimitExceeded(Limit::Pages(pdf::MAX_PAGES)))
    );

    // A page listed twice is read once.
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Count 1000000 /Kids [4 0 R 4 0 R] >>".to_vec(),
        stream("", b"BT /F1 12 Tf 72 700 Td (Page) Tj ET"),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R \
          /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    assert_eq!(pdf::to_text(&build_pdf(&objects)).as_deref(), Ok("Page"));

    // 2,001 distinct pages.
    let n = pdf::MAX_PAGES + 1;
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Count {n} /Kids [{}] >>",
            (0..n)
                .map(|i| format!("{} 0 R", i + 4))
                .collect::<Vec<_>>()
                .join(" ")
        )
        .into_bytes(),
        stream("", b"BT /F1 12 Tf 72 700 Td (Page) Tj ET"),
    ];
    for _ in 0..n {
        objects.push(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>".to_vec(),
        );
    }
    let r = timed(&build_pdf(&objects), Duration::from_secs(20), "2,001 pages");
    assert_eq!(
        r,
        Err(ReadError::LimitExceeded(Limit::Pages(pdf::MAX_PAGES)))
    );
    assert!(r.unwrap_err().message_zh().contains("2000 页"));
}

#[test]
fn cycles_end_fast_with_an_error() {
    // The page tree's kid is the tree itself.
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Count 1 /Kids [2 0 R] >>".to_vec(),
    ];
    let r = timed(
        &build_pdf(&objects),
        Duration::from_secs(5),
        "page tree cycle",
    );
    assert!(matches!(r, Err(ReadError::DamagedPdf(_))), "{r:?}");

    // A form that draws itself.
    let form = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 6 0 R >> >>",
        b"BT /F1 12 Tf (x) Tj ET /X Do /X Do",
    );
    let pdf = one_page(
        b"/X Do",
        "/XObject << /X 6 0 R >> /Font << /F1 5 0 R >>",
        &[form],
    );
    let r = timed(&pdf, Duration::from_secs(5), "form cycle");
    assert_eq!(
        r,
        Err(ReadError::LimitExceeded(Limit::Nesting(
            pdf::MAX_FORM_DEPTH
        )))
    );

    // References that point at each other.
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources 5 0 R >>".to_vec(),
        b"5 0 R".to_vec(),
        b"4 0 R".to_vec(),
    ];
    let r = timed(
        &build_pdf(&objects),
        Duration::from_secs(5),
        "reference cycle",
    );
    assert_eq!(r, Err(ReadError::Scan), "nothing to read, and no hang");
}

#[test]
fn a_fan_of_forms_stops_at_the_work_limit() {
    // Each form draws the next one ten times, eight deep: 10^8 small forms.
    let mut extra = Vec::new();
    for i in 0..8 {
        let body = if i < 7 {
            b"/X Do ".repeat(10)
        } else {
            b"BT /F1 12 Tf 72 700 Td (x) Tj ET".to_vec()
        };
        extra.push(stream(
            &format!(
                "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X {} 0 R >> /Font << /F1 5 0 R >> >>",
                7 + i
            ),
            &body,
        ));
    }
    let pdf = one_page(b"/X Do", "/XObject << /X 6 0 R >>", &extra);
    let r = timed(&pdf, Duration::from_secs(60), "form fan-out");
    assert_eq!(r, Err(ReadError::LimitExceeded(Limit::Work)));
}

// ---- layout -----------------------------------------------------------------------------

/// A run of `text` at (x, baseline y) in size `size`, its width estimated (CJK 1 em, other
/// characters 0.5 em).
fn run(x: f32, y: f32, size: f32, text: &str) -> Run {
    let ems: f32 = text
        .chars()
        .map(|c| if (c as u32) < 0x2000 { 0.5 } else { 1.0 })
        .sum();
    Run {
        x,
        y,
        width: ems * size,
        size,
        text: text.to_string(),
    }
}

/// An A4 page of 10-pt lines: (x, text) at a pitch of 15 pt from y = 100, with a text
/// block from x = 50 to 350 (30 Chinese characters).
fn page(lines: &[(f32, &str)]) -> Page {
    Page {
        width: 595.0,
        height: 842.0,
        runs: lines
            .iter()
            .enumerate()
            .map(|(i, (x, t))| run(*x, 100.0 + 15.0 * i as f32, 10.0, t))
            .collect(),
    }
}

const FULL: &str = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";

#[test]
fn wrapped_lines_join_and_short_lines_end_paragraphs() {
    // (lines, expected text, reason)
    let a = FULL;
    type Row<'a> = (Vec<(f32, &'a str)>, String, &'a str);
    let rows: Vec<Row> = vec![
        (
            vec![(50.0, a), (50.0, "结束。"), (50.0, a), (50.0, "完。")],
            format!("{a}结束。\n{a}完。"),
            "a short last line ends the paragraph",
        ),
        (
            vec![(70.0, a), (50.0, "接着写。"), (70.0, "新段落。")],
            format!("{a}接着写。\n新段落。"),
            "a first-line indent starts one",
        ),
        (
            vec![(50.0, a), (50.0, "一、总体情况")],
            format!("{a}一、总体情况"),
            "a marker after an unfinished sentence continues it",
        ),
        (
            vec![(50.0, a), (50.0, &FULL[..81]), (50.0, "一、总体情况")],
            format!("{a}{}\n一、总体情况", &FULL[..81]),
            "a line ending three characters short ends the paragraph",
        ),
        (
            vec![(50.0, a), (50.0, &FULL[..87]), (50.0, "一、总体情况")],
            format!("{a}{}一、总体情况", &FULL[..87]),
            "one character short: the next line's first word (一、) would not have fit",
        ),
    ];
    for (lines, want, why) in rows {
        assert_eq!(layout::to_text(&[page(&lines)]), want, "{why}");
    }
}

#[test]
fn markers_after_a_full_sentence_start_a_paragraph() {
    let full_stop = format!("{}。", &FULL[..87]);
    let p = page(&[
        (50.0, &full_stop),
        (50.0, "（一）加强组织领导"),
        (50.0, "1.规范执法"),
    ]);
    assert_eq!(
        layout::to_text(&[p]),
        format!("{full_stop}\n（一）加强组织领导\n1.规范执法")
    );
}

#[test]
fn gaps_and_spaces_inside_a_line() {
    let p = Page {
        width: 595.0,
        height: 842.0,
        runs: vec![
            run(50.0, 100.0, 10.0, FULL), // sets the right edge
            run(50.0, 115.0, 10.0, "全区"),
            run(72.0, 115.0, 10.0, "39"), // a 0.2 em gap: autospace
            run(84.0, 115.0, 10.0, "个部门"),
            run(50.0, 130.0, 10.0, "see"),
            run(67.5, 130.0, 10.0, "this"), // a 0.25 em word gap
            run(50.0, 145.0, 10.0, "发布时间"),
            run(110.0, 145.0, 10.0, "来源"), // 2 em: fields apart
        ],
    };
    assert_eq!(
        layout::to_text(&[p]),
        format!("{FULL}全区39个部门\nsee this\n发布时间 来源")
    );
}

#[test]
fn page_chrome_goes_and_paragraphs_continue_across_pages() {
    let body = ["甲", "乙", "丙", "丁", "戊", "己"].map(|c| format!("{c}{}", &FULL[3..]));
    let pages: Vec<Page> = (0..3)
        .map(|n| Page {
            width: 595.0,
            height: 842.0,
            runs: vec![
                run(250.0, 40.0, 9.0, "某某区人民政府文件"),
                run(50.0, 100.0, 10.0, &body[2 * n]),
                run(50.0, 115.0, 10.0, &body[2 * n + 1]),
                run(280.0, 810.0, 9.0, &format!("— {} —", n + 1)),
            ],
        })
        .collect();
    let text = layout::to_text(&pages);
    assert_eq!(
        text,
        body.concat(),
        "headers and page numbers go; full lines run on across pages"
    );
}

#[test]
fn page_number_shapes_are_dropped_even_once() {
    for footer in ["- 1 -", "第1页 共5页", "1/5", "7", "第 2 页"] {
        let p = Page {
            width: 595.0,
            height: 842.0,
            runs: vec![
                run(50.0, 100.0, 10.0, "正文。"),
                run(280.0, 810.0, 9.0, footer),
            ],
        };
        assert_eq!(layout::to_text(&[p]), "正文。", "{footer}");
    }
    // Not in the band: kept.
    let p = Page {
        width: 595.0,
        height: 842.0,
        runs: vec![
            run(50.0, 100.0, 10.0, "正文。"),
            run(50.0, 400.0, 10.0, "7"),
        ],
    };
    assert_eq!(layout::to_text(&[p]), "正文。\n7");
}

#[test]
fn a_wrapped_centred_title_stays_one_line() {
    let p = Page {
        width: 595.0,
        height: 842.0,
        runs: vec![
            run(60.0, 60.0, 14.0, "某某市某某区人民政府关于二〇二三年度法"),
            run(130.0, 80.0, 14.0, "治政府建设情况的报告"),
            run(70.0, 120.0, 10.0, "2023年，我区坚持……"),
        ],
    };
    assert_eq!(
        layout::to_text(&[Page { ..p }]),
        "某某市某某区人民政府关于二〇二三年度法治政府建设情况的报告\n2023年，我区坚持……"
    );
}

#[test]
fn odd_runs_are_ignored() {
    let p = Page {
        width: f32::NAN,
        height: -1.0,
        runs: vec![
            Run {
                x: f32::INFINITY,
                y: 1.0,
                width: 1.0,
                size: 10.0,
                text: "x".into(),
            },
            Run {
                x: 1.0,
                y: 1.0,
                width: 1.0,
                size: 0.0,
                text: "y".into(),
            },
            Run {
                x: 1.0,
                y: 1.0,
                width: -5.0,
                size: 10.0,
                text: "好".into(),
            },
            Run {
                x: 1.0,
                y: 1.0,
                width: 1.0,
                size: 10.0,
                text: String::new(),
            },
        ],
    };
    assert_eq!(layout::to_text(&[p]), "好");
    assert_eq!(layout::to_text(&[]), "");
}

#[test]
fn fake_bold_is_read_once() {
    let p = Page {
        width: 595.0,
        height: 842.0,
        runs: vec![
            run(50.0, 100.0, 10.0, "一、总体情况"),
            run(50.3, 100.0, 10.0, "一、总体情况"),
        ],
    };
    assert_eq!(layout::to_text(&[p]), "一、总体情况");
}
