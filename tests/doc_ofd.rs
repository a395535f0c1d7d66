//! Word 97–2003 `.doc`/`.wps` and OFD inputs: the committed fixtures (made by LibreOffice and
//! easyofd from the five reports, see `tests/fixtures/doc/README.md` and
//! `tests/fixtures/ofd/README.md`) give the outline and indicators of their `.txt`; the
//! auto-numbered `.doc` gives the outline of the same document saved as `.docx`; wrong files
//! of each kind get their messages, bombs in bounded time.
#![cfg(all(feature = "doc", feature = "ofd", feature = "docx", feature = "decode"))]

use report_lens::input::doc::{DocError, OleKind};
use report_lens::input::ofd::{self, OfdError};
use report_lens::input::{read_bytes, Format, ReadError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod common;
use common::{cli, deflated_zeros, fixture, raw_zip, FIXTURES};

/// A file under `tests/fixtures/`.
fn fixture_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(fixture_file(rel)).unwrap()
}

/// Without whitespace: a fixed-layout file holds the gaps its PDF source drew between Chinese
/// and digits (`39 个`) as space glyphs, which are not part of what is compared.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Marker + title of every section.
fn sections(text: &str) -> Vec<String> {
    report_lens::analyze(text)
        .sections
        .iter()
        .map(|s| squeeze(&format!("{}{}", s.marker, s.title)))
        .collect()
}

/// The text of every indicator.
fn indicators(text: &str) -> Vec<String> {
    report_lens::analyze(text)
        .indicators
        .iter()
        .map(|i| squeeze(&text[i.span.start..i.span.end]))
        .collect()
}

/// (sections F1, indicators F1) of a fixture read from `file` against its `.txt`.
fn scores(report: &str, file: &str, format: Format) -> (f64, f64) {
    let want = fixture(report);
    let doc = read_bytes(file, &read(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert_eq!(doc.format, format, "{file}");
    (
        common::f1(&sections(&want), &sections(&doc.text)),
        common::f1(&indicators(&want), &indicators(&doc.text)),
    )
}

/// Scores every fixture in one format, printed (`--nocapture`) before any assertion.
fn check_all(kind: &str, format: Format) {
    let scores: Vec<(&str, f64, f64)> = FIXTURES
        .iter()
        .map(|r| {
            let (s, i) = scores(r, &format!("{kind}/{r}.{kind}"), format);
            println!("{r}.{kind}: sections F1 {s:.3}, indicators F1 {i:.3}");
            (*r, s, i)
        })
        .collect();
    for (r, s, i) in scores {
        assert!(s >= 0.95 && i >= 0.95, "{r}.{kind}: {s:.3} {i:.3}");
    }
}

#[test]
fn doc_fixtures_match_their_text() {
    check_all("doc", Format::Doc);
}

/// The acceptance bar for OFD, with the paragraph rules of `input::layout` (with the API
/// stand-in that turned each visual line into a paragraph it was sections 0.83–1.00,
/// indicators 0.07–0.33; with the rules, 1.000 for all five). What the OFD reader itself
/// owes is checked by the next test.
#[test]
fn ofd_fixtures_match_their_text() {
    check_all("ofd", Format::Ofd);
}

/// An OFD converted from a PDF the way free tools do it (easyofd's `pdf2ofd` on
/// `pdf/chromium-001.pdf`: one `TextObject` per visual line, pages stored out of order in the
/// zip, page boxes in points while the text is in a smaller scale of its own) gives the
/// outline its PDF and its text give. The footers `— N —` are chrome in both, so a paragraph
/// that runs across a page break keeps its run-in `二是`, `三是` (they were lost when the
/// box, too large for the text, put no footer in the bottom band).
#[test]
fn ofd_converted_from_a_pdf_gives_the_outline_of_its_pdf() {
    let bytes = read("ofd/chromium-001.ofd");
    let at = |name: &str| {
        bytes
            .windows(name.len())
            .position(|w| w == name.as_bytes())
            .unwrap()
    };
    assert!(
        at("Pages/Page_3/") < at("Pages/Page_0/"),
        "the fixture stores its pages out of order"
    );
    let ofd = read_bytes("chromium-001.ofd", &bytes).unwrap().text;
    let pdf = read_bytes("chromium-001.pdf", &read("pdf/chromium-001.pdf"))
        .unwrap()
        .text;
    let txt = fixture("001_b9193b597ac501b4");
    assert_eq!(sections(&ofd), sections(&pdf));
    assert_eq!(sections(&ofd), sections(&txt));
    assert!(sections(&ofd).iter().any(|s| s.starts_with("三是")));
    assert!(!ofd.contains("— 2 —"), "the footers are chrome");
}

#[test]
fn ofd_fixtures_hold_every_character_in_reading_order() {
    for report in FIXTURES {
        let want = fixture(report);
        let file = format!("ofd/{report}.ofd");
        let got = read_bytes(&file, &read(&file)).unwrap().text;
        assert_eq!(squeeze(&got), squeeze(&want), "{report}.ofd");
    }
}

#[test]
fn auto_numbered_doc_reads_like_its_docx() {
    let doc = read_bytes("numbered.doc", &read("doc/numbered.doc")).unwrap();
    let docx = read_bytes("numbered.docx", &read("doc/numbered.docx")).unwrap();
    assert_eq!(doc.text, docx.text, "same text, numbering rendered alike");
    let outline = |t: &str| -> Vec<(u8, String, String)> {
        report_lens::analyze(t)
            .sections
            .iter()
            .map(|s| (s.level, s.marker.clone(), s.title.clone()))
            .collect()
    };
    let want = outline(&docx.text);
    assert_eq!(outline(&doc.text), want);
    let markers: Vec<&str> = want.iter().map(|(_, m, _)| m.as_str()).collect();
    assert_eq!(
        markers,
        [
            "一、",
            "（一）",
            "1.",
            "2.",
            "（二）",
            "二、",
            "（一）",
            "三、",
            "（一）"
        ],
        "Word's numbering (a heading style linked to level 0, direct levels 1 and 2)"
    );
    assert!(
        doc.text.contains("行政复议案件\t120件\t135件"),
        "a table row, cells tab-separated"
    );
    assert!(
        doc.text.contains("详见区政府门户网站公开"),
        "a hyperlink field's result, not its code"
    );
    assert!(!doc.text.contains("HYPERLINK"));
}

#[test]
fn a_wps_saved_in_the_word_format_reads_like_a_doc() {
    let bytes = read("doc/numbered.doc");
    let wps = read_bytes("报告.wps", &bytes).unwrap();
    assert_eq!(
        (wps.format, wps.text.as_str()),
        (
            Format::Doc,
            read_bytes("a.doc", &bytes).unwrap().text.as_str()
        )
    );
}

// ---- wrong .doc/.wps files --------------------------------------------------------------

/// The offset of the FIB: the first 512-byte sector after the header that starts with
/// `wIdent` 0xA5EC (the WordDocument stream is large enough for regular sectors).
fn fib_offset(bytes: &[u8]) -> usize {
    (512..bytes.len())
        .step_by(512)
        .find(|&o| bytes[o..].starts_with(&[0xEC, 0xA5]))
        .unwrap()
}

/// `numbered.doc` with FIB flags or nFib changed.
fn patched(edit: impl Fn(&mut [u8])) -> Vec<u8> {
    let mut bytes = read("doc/numbered.doc");
    let at = fib_offset(&bytes);
    edit(&mut bytes[at..]);
    bytes
}

/// A compound file with the given streams.
fn ole(streams: &[&str]) -> Vec<u8> {
    let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    for s in streams {
        cf.create_stream(s).unwrap().write_all(&[0u8; 64]).unwrap();
    }
    cf.flush().unwrap();
    cf.into_inner().into_inner()
}

fn doc_error(name: &str, bytes: &[u8]) -> DocError {
    match read_bytes(name, bytes) {
        Err(ReadError::Doc(e)) => {
            assert!(!e.to_string().is_empty() && !e.message_zh().is_empty());
            e
        }
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn wrong_word_files_get_their_messages() {
    let good = read("doc/numbered.doc");
    assert!(
        matches!(doc_error("a.doc", &good[..3000]), DocError::Corrupt(_)),
        "truncated OLE"
    );
    let e = doc_error("a.doc", &patched(|f| f[11] |= 0x01));
    assert_eq!(e, DocError::Encrypted, "fEncrypted");
    assert!(e.message_zh().contains("密码"));
    let e = doc_error("a.doc", &patched(|f| f[10] |= 0x04));
    assert_eq!(e, DocError::FastSaved, "fComplex");
    assert!(e.message_zh().contains("快速保存"));
    assert_eq!(
        doc_error(
            "a.doc",
            &patched(|f| f[2..4].copy_from_slice(&104u16.to_le_bytes()))
        ),
        DocError::OldWord { nfib: 104 },
        "Word 95"
    );
    assert_eq!(
        doc_error("a.doc", &patched(|f| f[0] = 0)),
        DocError::Corrupt("the WordDocument stream does not start with a FIB".into())
    );
    // (streams, name, expected, reason)
    let rows: &[(&[&str], &str, DocError, &str)] = &[
        (
            &["Workbook"],
            "a.xls",
            DocError::NotWord(OleKind::Excel),
            "Excel",
        ),
        (
            &["PowerPoint Document"],
            "a.doc",
            DocError::NotWord(OleKind::PowerPoint),
            "PowerPoint named .doc",
        ),
        (
            &["__substg1.0_0037001F", "__properties_version1.0"],
            "a.msg",
            DocError::NotWord(OleKind::Outlook),
            "Outlook",
        ),
        (
            &["CONTENTS", "SPELLING"],
            "a.wps",
            DocError::NotWord(OleKind::Works),
            "Microsoft Works .wps",
        ),
        (
            &["EncryptedPackage", "EncryptionInfo"],
            "a.doc",
            DocError::NotWord(OleKind::EncryptedOoxml),
            "encrypted .docx named .doc",
        ),
        (
            &["Foo", "Bar"],
            "a.doc",
            DocError::NotWord(OleKind::Other("Bar, Foo".into())),
            "unknown streams are named",
        ),
    ];
    for (streams, name, want, why) in rows {
        assert_eq!(&doc_error(name, &ole(streams)), want, "{why}");
    }
    assert_eq!(
        read_bytes("a.docx", &ole(&["EncryptedPackage", "EncryptionInfo"])),
        Err(ReadError::EncryptedDocx),
        "a .docx name on an encrypted package keeps its message"
    );
    assert_eq!(
        doc_error("a.wps", b"\x90\xffWPS2001\0\0\0\0\x01\x02\x03"),
        DocError::KingsoftWps("WPS2001".into()),
        "pre-2005 Kingsoft WPS"
    );
    assert!(matches!(
        doc_error("a.wps", &[0u8, 1, 2, 3, 4, 5, 6, 7, 8]),
        DocError::UnknownWps(_)
    ));
    let mut dos = vec![0u8; 1100];
    dos[..2].copy_from_slice(&[2, 0xFF]);
    assert_eq!(
        doc_error("a.wps", &dos),
        DocError::KingsoftWps("WPS 2.x (DOS)".into()),
        "WPS for DOS: a 1024-byte header starting 02 FF"
    );
}

// ---- OFD ------------------------------------------------------------------------------------

#[test]
fn minimal_ofd_in_the_standard_namespace() {
    let doc = read_bytes("a.ofd", &read("ofd/minimal.ofd")).unwrap();
    assert_eq!(doc.format, Format::Ofd);
    let t = &doc.text;
    let at = |s: &str| t.find(s).unwrap_or_else(|| panic!("{s} not in {t}"));
    assert!(at("法治政府建设年度报告") < at("一、主要举措和成效"));
    assert!(
        at("一、主要举措和成效") < at("二、存在的不足和原因"),
        "pages in the document's order, not the zip's"
    );
    assert!(t.contains("（一）深化“放管服”改革"), "character references");
    assert!(t.contains("135件"));
    for never in ["模板页眉不应读取", "批注不应读取"] {
        assert!(!t.contains(never), "templates and annotations are not read");
    }
    let pages = ofd::to_pages(&read("ofd/minimal.ofd")).unwrap();
    assert_eq!(pages.len(), 2);
    assert!(
        (pages[0].width - 595.28).abs() < 0.1 && (pages[0].height - 841.89).abs() < 0.1,
        "A4 in points"
    );
    let heading = pages[0]
        .runs
        .iter()
        .find(|r| r.text.starts_with("（一）"))
        .unwrap();
    assert!(
        (heading.size - 5.6 * 72.0 / 25.4).abs() < 0.01,
        "Size 11.2 under a CTM of 0.5"
    );
    assert!((heading.x - (25.0 + 11.2) * 72.0 / 25.4).abs() < 0.01);
}

/// A stored (uncompressed) zip of `(name, content)` entries.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(content).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const NS: &str = "http://www.ofdspec.org/2016";

fn ofd_xml() -> String {
    format!(
        r#"<ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#
    )
}

fn document_xml() -> String {
    format!(
        r#"<ofd:Document xmlns:ofd="{NS}"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>"#
    )
}

fn ofd_error(bytes: &[u8]) -> OfdError {
    let start = Instant::now();
    let got = read_bytes("a.ofd", bytes);
    assert!(start.elapsed() < Duration::from_secs(10), "bounded time");
    match got {
        Err(ReadError::Ofd(e)) => {
            assert!(!e.to_string().is_empty() && !e.message_zh().is_empty());
            e
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn wrong_ofd_files_get_their_messages() {
    let doc = document_xml();
    assert_eq!(
        ofd_error(&zip(&[("Doc_0/Document.xml", doc.as_bytes())])),
        OfdError::NotOfd,
        "no OFD.xml"
    );
    assert_eq!(
        ofd_error(b"\x01\x02\x03binary"),
        OfdError::NotZip,
        "a binary .ofd that is no zip"
    );
    assert_eq!(
        ofd_error(&zip(&[("OFD.xml", ofd_xml().as_bytes())])),
        OfdError::MissingPart("Doc_0/Document.xml".into()),
        "the document root is missing"
    );
    let scan = format!(
        r#"<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer><ofd:ImageObject ID="5" ResourceID="3" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/></ofd:Layer></ofd:Content></ofd:Page>"#
    );
    let e = ofd_error(&zip(&[
        ("OFD.xml", ofd_xml().as_bytes()),
        ("Doc_0/Document.xml", doc.as_bytes()),
        ("Doc_0/Pages/Page_0/Content.xml", scan.as_bytes()),
    ]));
    assert_eq!(e, OfdError::NoText { pages: 1 }, "a scan");
    assert!(e.message_zh().contains("扫描件"));
    let bad = ofd_error(&zip(&[(
        "OFD.xml",
        b"<ofd:OFD><ofd:DocBody><ofd:DocRoot>x</ofd:Doc",
    )]));
    assert!(
        matches!(bad, OfdError::Xml { .. } | OfdError::MissingPart(_)),
        "{bad:?}"
    );
}

#[test]
fn ofd_bombs_are_refused_in_bounded_time() {
    // 100 MB of zeros as OFD.xml, deflated to ~600 KB, headers honest, then lying.
    let (data, size) = deflated_zeros(400_000);
    for declared in [size as u32, 100] {
        let e = ofd_error(&raw_zip("OFD.xml", &data, declared, 0));
        assert!(
            matches!(
                e,
                OfdError::TooLarge { .. } | OfdError::SuspiciousRatio { .. }
            ),
            "{e:?}"
        );
    }
    // Nesting: 100,000 open elements in a page.
    let deep = format!(r#"<ofd:Page xmlns:ofd="{NS}">{}"#, "<a>".repeat(100_000));
    let e = ofd_error(&zip(&[
        ("OFD.xml", ofd_xml().as_bytes()),
        ("Doc_0/Document.xml", document_xml().as_bytes()),
        ("Doc_0/Pages/Page_0/Content.xml", deep.as_bytes()),
    ]));
    assert_eq!(
        e,
        OfdError::TooComplex {
            what: "nesting",
            limit: ofd::MAX_DEPTH
        }
    );
    // Width: 3 million empty elements (12 MB of XML, deflated to a few KB).
    let wide = format!(
        r#"<ofd:Page xmlns:ofd="{NS}">{}</ofd:Page>"#,
        "<b/>".repeat(3_000_000)
    );
    let e = ofd_error(&zip(&[
        ("OFD.xml", ofd_xml().as_bytes()),
        ("Doc_0/Document.xml", document_xml().as_bytes()),
        ("Doc_0/Pages/Page_0/Content.xml", wide.as_bytes()),
    ]));
    assert!(
        matches!(
            e,
            OfdError::TooComplex {
                what: "elements",
                ..
            } | OfdError::SuspiciousRatio { .. }
        ),
        "{e:?}"
    );
}

// ---- the CLI ----------------------------------------------------------------------------

#[test]
fn cli_reads_doc_wps_and_ofd_from_a_directory() {
    let dir = std::env::temp_dir().join(format!("report-lens-doc-ofd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = FIXTURES[1];
    std::fs::copy(
        fixture_file(&format!("doc/{report}.doc")),
        dir.join("a.doc"),
    )
    .unwrap();
    std::fs::copy(fixture_file("doc/numbered.doc"), dir.join("b.wps")).unwrap();
    std::fs::copy(
        fixture_file(&format!("ofd/{report}.ofd")),
        dir.join("c.ofd"),
    )
    .unwrap();
    let out = cli(
        &["analyze", "--format", "json", dir.to_str().unwrap()],
        None,
    );
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "the .doc, the .wps and the .ofd");
    for v in &lines {
        assert!(!v["sections"].as_array().unwrap().is_empty(), "{v}");
    }
}
