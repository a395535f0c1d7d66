//! The encoding decision, made once for the CLI and the page: `input::read_bytes` (chardetng
//! over encoding_rs) on a corpus of byte files made here from the fixtures — UTF-8 with and
//! without BOM, UTF-16 both ways, GB18030, GBK, Big5, short texts and mixed bytes. The web
//! page decodes files in its reader worker with this same function, so a GBK or Big5 file
//! gives the same text in both.

use report_lens::input::files::{is_report_name, normalise_breaks, read_report};
use report_lens::input::{read_bytes, Format, ReadError};

const SEED000: &str = include_str!("fixtures/000_4650dba7b757251d.txt");
const SEED002: &str = include_str!("fixtures/002_e8b339a04b4c8932.txt");
/// Traditional Chinese (白沙鎮), encodable in Big5.
const SEED003: &str = include_str!("fixtures/003_41826c3ca9c971ec.txt");
const TRADITIONAL: &str = "白沙鎮2023年度法治政府建設情況報告\n一、加強組織領導\n全年辦理行政復議案件52件，辦結率100%。黨政主要負責人認真履行法治建設第一責任人職責。\n二、推進依法行政\n";
const SHORT_SIMPLIFIED: &str = "一、总体情况\n共办理案件12件。\n";

fn encode(enc: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = enc.encode(text);
    assert!(!unmappable, "{} cannot encode the sample", enc.name());
    bytes.into_owned()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

/// (file name, bytes, expected text, accepted encoding names, why)
type Row = (
    &'static str,
    Vec<u8>,
    String,
    &'static [&'static str],
    &'static str,
);

fn corpus() -> Vec<Row> {
    let bom8 = [b"\xEF\xBB\xBF".as_slice(), SEED000.as_bytes()].concat();
    // A character outside GBK (𠀀, U+20000) takes GB18030's four-byte form.
    let gb18030_only = format!("{SEED000}扩展字符𠀀。\n");
    // A UTF-8 report whose last line was appended in GBK: the UTF-8 wins, the tail is replaced.
    let mut mixed = SEED002.as_bytes().to_vec();
    mixed.extend(encode(encoding_rs::GBK, "附：统计表"));
    let mixed_text = String::from_utf8_lossy(&mixed).into_owned();
    vec![
        (
            "utf8.txt",
            SEED000.as_bytes().to_vec(),
            SEED000.to_string(),
            &["UTF-8"],
            "valid UTF-8 is UTF-8",
        ),
        (
            "bom.txt",
            bom8,
            SEED000.to_string(),
            &["UTF-8"],
            "a UTF-8 BOM names UTF-8 and is dropped",
        ),
        (
            "le.txt",
            utf16(SEED000, false),
            SEED000.to_string(),
            &["UTF-16LE"],
            "FF FE names UTF-16LE",
        ),
        (
            "be.txt",
            utf16(SEED000, true),
            SEED000.to_string(),
            &["UTF-16BE"],
            "FE FF names UTF-16BE",
        ),
        (
            "gbk.txt",
            encode(encoding_rs::GBK, SEED002),
            SEED002.to_string(),
            &["GBK", "gb18030"],
            "a long Simplified report in GBK",
        ),
        (
            "gb18030.txt",
            encode(encoding_rs::GB18030, &gb18030_only),
            gb18030_only.clone(),
            &["GBK", "gb18030"],
            "GB18030's four-byte sequences decode (encoding_rs's GBK decoder reads them too)",
        ),
        (
            "short-gbk.txt",
            encode(encoding_rs::GBK, SHORT_SIMPLIFIED),
            SHORT_SIMPLIFIED.to_string(),
            &["GBK", "gb18030"],
            "two short lines of GBK",
        ),
        (
            "big5.txt",
            encode(encoding_rs::BIG5, TRADITIONAL),
            TRADITIONAL.to_string(),
            &["Big5"],
            "Traditional text in Big5, the hard case against GBK",
        ),
        (
            "big5-report.txt",
            encode(encoding_rs::BIG5, SEED003),
            SEED003.to_string(),
            &["Big5"],
            "a whole Traditional report in Big5",
        ),
        (
            "mixed.txt",
            mixed,
            mixed_text,
            &["UTF-8"],
            "mostly UTF-8 with a legacy tail stays UTF-8",
        ),
        (
            "ascii.txt",
            b"2023 annual report: 12 cases.\n".to_vec(),
            "2023 annual report: 12 cases.\n".to_string(),
            &["UTF-8"],
            "ASCII is UTF-8",
        ),
    ]
}

#[test]
fn read_bytes_decides_every_encoding_of_the_corpus() {
    for (name, bytes, text, encodings, why) in corpus() {
        let doc = read_bytes(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e} ({why})"));
        assert_eq!(doc.format, Format::Text, "{name}: {why}");
        assert!(
            encodings.contains(&doc.encoding.as_str()),
            "{name}: decided {} ({why})",
            doc.encoding
        );
        assert!(doc.text == text, "{name}: the text differs ({why})");
    }
}

#[test]
fn a_gbk_page_declares_its_charset() {
    let page = format!(
        "<html><head><meta charset=\"gbk\"></head><body><p>{SHORT_SIMPLIFIED}</p></body></html>"
    );
    let doc = read_bytes("page.html", &encode(encoding_rs::GBK, &page)).unwrap();
    assert_eq!(doc.format, Format::Html);
    assert_eq!(doc.encoding, "GBK");
    assert!(doc.text.contains("共办理案件12件"), "{}", doc.text);
}

#[test]
fn binary_and_empty_bytes_are_refused() {
    assert_eq!(read_bytes("a.txt", b"  \n"), Err(ReadError::Empty));
    assert_eq!(
        read_bytes("a.txt", b"\0\x01\x02\x03"),
        Err(ReadError::Binary)
    );
}

#[test]
fn read_report_gives_the_page_s_line_breaks() {
    let crlf = SHORT_SIMPLIFIED.replace('\n', "\r\n");
    for bytes in [
        crlf.as_bytes().to_vec(),
        encode(encoding_rs::GBK, &crlf),
        utf16(&crlf, false),
    ] {
        let doc = read_report("crlf.txt", &bytes).unwrap();
        assert_eq!(doc.text, SHORT_SIMPLIFIED);
    }
    assert_eq!(normalise_breaks("a\r\rb\r\n".into()), "a\n\nb\n");
}

#[test]
fn folders_contribute_the_same_files_to_the_cli_and_the_page() {
    // (name, taken, why)
    let rows = [
        ("报告.txt", true, "plain text"),
        ("报告.TEXT", true, "extensions are compared in lower case"),
        ("报告.docx", true, "Word"),
        ("报告.doc", true, "Word 97–2003"),
        ("报告.wps", true, "WPS"),
        ("报告.ofd", true, "OFD"),
        (
            "a/b/报告.shtml",
            true,
            "saved pages under any of their names",
        ),
        ("报告.xhtml", true, "saved pages under any of their names"),
        ("报告.htm", true, "saved pages under any of their names"),
        (".报告.txt", false, "hidden"),
        ("sub/._报告.docx", false, "macOS resource forks are hidden"),
        ("~$报告.docx", false, "Word's lock file"),
        ("报告.png", false, "images are not reports"),
        ("报告", false, "no extension"),
    ];
    for (name, taken, why) in rows {
        assert_eq!(is_report_name(name), taken, "{name}: {why}");
    }
}
