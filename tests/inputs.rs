//! Real inputs: `.docx` files built at test time (numbering, tables, bombs, damage), saved
//! web pages (GBK, noise, entities), rejected formats, and the CLI over all of them.

use report_lens::input::docx::DocxError;
use report_lens::input::{read_bytes, Format, ReadError, ZipKind};
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;
use common::{deflated_zeros, raw_zip};

const SEED000: &str = "tests/fixtures/000_4650dba7b757251d.txt";
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// ---- building .docx files ---------------------------------------------------------------

/// A zip archive of `(name, content)` entries, deflated, written with the `zip` crate.
fn zip(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(content.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"#;

/// Level 0 `一、` (chineseCounting, `%1、`), level 1 `（一）` (`（%2）`), level 2 `1.`.
fn numbering_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
  <w:abstractNum w:abstractNumId="3">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>"#
    )
}

/// A paragraph, numbered at `ilvl` of list 7 when given.
fn para(ilvl: Option<u8>, text: &str) -> String {
    let ppr = ilvl.map_or(String::new(), |l| {
        format!(r#"<w:pPr><w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="7"/></w:numPr></w:pPr>"#)
    });
    format!(
        r#"<w:p>{ppr}<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
    )
}

fn docx(body: &str) -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/document.xml", &document_xml(body)),
        ("word/numbering.xml", &numbering_xml()),
    ])
}

/// A report whose headings are Word automatic numbering: the markers are not in the text.
fn numbered_report() -> Vec<u8> {
    let table = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2023年</w:t></w:r></w:p></w:tc></w:tr>\
                 <w:tr><w:tc><w:p><w:r><w:t>行政复议案件</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>128件</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    let body = [
        para(None, "梅列区2023年法治政府建设年度报告"),
        para(
            None,
            "2023年，我区深入推进法治政府建设，现将有关情况报告如下。",
        ),
        para(Some(0), "主要举措和成效"),
        para(Some(1), "加强党对法治政府建设的领导"),
        para(None, "区政府常务会议专题研究法治政府建设工作4次。"),
        para(Some(1), "深化“放管服”改革"),
        para(Some(2), "精简申报材料"),
        para(None, "全区已精简64项申报材料，同比下降14.7%。"),
        table.to_string(),
        para(Some(0), "存在的不足和原因"),
        para(None, "基层执法力量仍然薄弱。"),
    ]
    .concat();
    docx(&body)
}

#[test]
fn docx_numbering_becomes_outline_markers() {
    let doc = read_bytes("报告.docx", &numbered_report()).unwrap();
    assert_eq!(doc.format, Format::Docx);
    let lines: Vec<&str> = doc.text.lines().collect();
    assert_eq!(
        lines,
        [
            "梅列区2023年法治政府建设年度报告",
            "2023年，我区深入推进法治政府建设，现将有关情况报告如下。",
            "一、主要举措和成效",
            "（一）加强党对法治政府建设的领导",
            "区政府常务会议专题研究法治政府建设工作4次。",
            "（二）深化“放管服”改革",
            "1. 精简申报材料",
            "全区已精简64项申报材料，同比下降14.7%。",
            "指标\t2023年",
            "行政复议案件\t128件",
            "二、存在的不足和原因",
            "基层执法力量仍然薄弱。",
        ],
        "Word numbering is rendered; the table is tab-separated rows"
    );
    let a = report_lens::analyze(&doc.text);
    let markers: Vec<(&str, &str, u8)> = a
        .sections
        .iter()
        .filter(|s| !s.run_in)
        .map(|s| (s.marker.as_str(), s.title.as_str(), s.level))
        .collect();
    assert_eq!(
        markers,
        [
            ("一、", "主要举措和成效", 1),
            ("（一）", "加强党对法治政府建设的领导", 2),
            ("（二）", "深化“放管服”改革", 2),
            ("1.", "精简申报材料", 3),
            ("二、", "存在的不足和原因", 1),
        ],
        "the outline sees the rendered markers"
    );
    assert_eq!(a.meta.year, Some(2023));
    let found: Vec<&str> = a
        .indicators
        .iter()
        .map(|i| &doc.text[i.span.start..i.span.end])
        .collect();
    assert!(found.contains(&"64项"), "{found:?}");
    assert!(
        found.contains(&"128件"),
        "table cells are analysed: {found:?}"
    );
}

#[test]
fn docx_without_numbering_part_still_reads() {
    let bytes = zip(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", &document_xml(&para(Some(0), "标题"))),
    ]);
    let doc = read_bytes("a.docx", &bytes).unwrap();
    assert_eq!(
        doc.text, "标题",
        "numbering referenced but not defined: no marker"
    );
}

// ---- bad .docx files --------------------------------------------------------------------

fn assert_fast_rejection(name: &str, bytes: &[u8], check: impl Fn(&ReadError) -> bool) {
    let t = Instant::now();
    let err = read_bytes(name, bytes).unwrap_err();
    let took = t.elapsed();
    eprintln!("{name}: {err:?} after {took:?}"); // shown with --nocapture
    assert!(check(&err), "{name}: unexpected {err:?}");
    assert!(took < Duration::from_secs(2), "{name}: took {took:?}");
    assert!(!err.to_string().is_empty() && !err.message_zh().is_empty());
}

#[test]
fn zip_bomb_of_200_mb_is_refused_quickly() {
    let (data, size) = deflated_zeros(200 * 1024 * 1024 / 258);
    assert!(size > 200_000_000 && data.len() < 2_000_000);
    let honest = raw_zip("word/document.xml", &data, size as u32, 0);
    assert_fast_rejection("bomb.docx", &honest, |e| {
        *e == ReadError::Docx(DocxError::TooLarge { limit_mb: 50 })
    });
    // Headers that lie (1 KB declared) do not help: the stream is cut off all the same.
    let lying = raw_zip("word/document.xml", &data, 1024, 0);
    assert_fast_rejection("lying-bomb.docx", &lying, |e| {
        matches!(
            e,
            ReadError::Docx(
                DocxError::TooLarge { .. }
                    | DocxError::SuspiciousRatio { .. }
                    | DocxError::Corrupt(_)
            )
        )
    });
}

#[test]
fn compression_ratio_over_100_is_refused() {
    // 20 MB of zeros: under the size limit, far over the ratio (about 1000×).
    let (data, size) = deflated_zeros(20 * 1024 * 1024 / 258);
    let bytes = raw_zip("word/document.xml", &data, size as u32, 0);
    assert_fast_rejection("ratio.docx", &bytes, |e| {
        *e == ReadError::Docx(DocxError::SuspiciousRatio { max_ratio: 100 })
    });
}

#[test]
fn encrypted_corrupt_and_foreign_zips() {
    let (data, size) = deflated_zeros(10);
    let encrypted = raw_zip("word/document.xml", &data, size as u32, 1);
    assert_fast_rejection("locked.docx", &encrypted, |e| {
        *e == ReadError::Docx(DocxError::Encrypted)
    });
    let good = numbered_report();
    let truncated = &good[..good.len() / 2];
    assert_fast_rejection("cut.docx", truncated, |e| {
        matches!(e, ReadError::Docx(DocxError::Corrupt(_)))
    });
    assert_eq!(
        read_bytes("not.docx", "只是文字".as_bytes()),
        Err(ReadError::Docx(DocxError::NotZip)),
        "a .docx name on text"
    );
    let xlsx = zip(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("xl/workbook.xml", "<workbook/>"),
    ]);
    assert_eq!(
        read_bytes("表.xlsx", &xlsx),
        Err(ReadError::OtherZip(ZipKind::Spreadsheet))
    );
    let archive = zip(&[("报告.txt", "一、")]);
    assert_eq!(
        read_bytes("报告.zip", &archive),
        Err(ReadError::OtherZip(ZipKind::Archive))
    );
    let bad_xml = zip(&[(
        "word/document.xml",
        "<w:document><w:body><w:p></w:document>",
    )]);
    let _ = read_bytes("bad.docx", &bad_xml); // an error or partial text, never a panic
}

#[test]
fn damaged_docx_never_panics() {
    let good = numbered_report();
    // Deterministic damage: overwrite bytes across the archive, one position at a time.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for i in 0..400 {
        let mut bytes = good.clone();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let pos = (seed as usize) % bytes.len();
        bytes[pos] = (seed >> 32) as u8;
        if i % 2 == 0 {
            let cut = (seed >> 16) as usize % bytes.len();
            bytes.truncate(cut.max(4));
        }
        let _ = read_bytes("damaged.docx", &bytes);
    }
}

// ---- web pages --------------------------------------------------------------------------

fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(s).0.into_owned()
}

#[test]
fn gbk_page_with_noise_and_entities() {
    let page = r#"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>梅列区2019年法治政府建设工作情况报告_梅列区人民政府</title>
<script type="text/javascript">var nav = "<p>脚本里的段落</p>"; if (a < b) {}</script>
<style>.zoom p { text-indent: 2em }</style></head>
<body><div class="top"><nav><ul><li><a href="/">首页</a></li><li>政务公开</li></ul></nav></div>
<div class="main"><div class="title">梅列区2019年法治政府建设工作情况报告</div>
<div class="info">发布时间:2020-01-24 13:27 信息来源:梅列区政府</div>
<div id="zoom" class="TRS_Editor">
<p>&nbsp;&nbsp;&nbsp;&nbsp;2019年，梅列区坚持以习近平新时代中国特色社会主义思想为指导，&ldquo;放管服&rdquo;改革持续深化。</p>
<p>一、强化法治政府建设的组织领导</p>
<p>（一）坚持党的领导。全区组建执法、司法、普法守法3个工作协调小组&#xff0c;办结率&nbsp;100%。</p>
<p>二、依法全面履行政府职能<br>精简申报材料64项&#12290;</p>
</div></div>
<footer><p>版权所有：梅列区人民政府 闽ICP备12345678号</p></footer>
<script>document.write("<div>统计代码</div>")</script></body></html>"#;
    let doc = read_bytes("page.htm", &gbk(page)).unwrap();
    assert_eq!(doc.format, Format::Html);
    assert!(
        doc.encoding == "GBK" || doc.encoding == "gb18030",
        "{}",
        doc.encoding
    );
    let lines: Vec<&str> = doc.text.lines().collect();
    assert_eq!(
        lines,
        [
            "梅列区2019年法治政府建设工作情况报告",
            "发布时间:2020-01-24 13:27 信息来源:梅列区政府",
            "2019年，梅列区坚持以习近平新时代中国特色社会主义思想为指导，“放管服”改革持续深化。",
            "一、强化法治政府建设的组织领导",
            "（一）坚持党的领导。全区组建执法、司法、普法守法3个工作协调小组，办结率 100%。",
            "二、依法全面履行政府职能",
            "精简申报材料64项。",
        ],
        "article only: no nav, script, style or footer; entities decoded; title once"
    );
    let a = report_lens::analyze(&doc.text);
    assert_eq!(a.meta.year, Some(2019));
    assert_eq!(a.meta.published.as_deref(), Some("2020-01-24"));
    assert_eq!(a.sections[0].marker, "一、");
}

/// The `.txt` fixture as a saved page: each line a `<p>`, inside site chrome.
fn seed_as_page(text: &str) -> String {
    let title = text.lines().next().unwrap();
    let paragraphs: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let escaped = l
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            format!("<p>{escaped}</p>\n")
        })
        .collect();
    format!(
        "<html><head><meta charset=\"utf-8\"><title>{title}_梅列区人民政府</title></head><body>\
         <div class=\"header\"><nav><a>首页</a> <a>政务公开</a></nav></div>\
         <div class=\"article-content\">{paragraphs}</div>\
         <div class=\"footer\"><footer>闽ICP备0000号 网站标识码3504020001</footer></div></body></html>"
    )
}

#[test]
fn seed_000_as_a_page_analyses_like_the_txt() {
    let txt = std::fs::read_to_string(SEED000).unwrap();
    let page = seed_as_page(&txt);
    let doc = read_bytes("000.html", page.as_bytes()).unwrap();
    assert_eq!(doc.format, Format::Html);
    let from_txt = report_lens::analyze(&txt);
    let from_page = report_lens::analyze(&doc.text);
    let outline = |a: &report_lens::Analysis| -> Vec<(String, String, u8)> {
        a.sections
            .iter()
            .map(|s| (s.marker.clone(), s.title.clone(), s.level))
            .collect()
    };
    assert_eq!(outline(&from_page), outline(&from_txt), "same outline");
    let indicators = |text: &str, a: &report_lens::Analysis| -> Vec<String> {
        a.indicators
            .iter()
            .map(|i| text[i.span.start..i.span.end].to_string())
            .collect()
    };
    assert_eq!(
        indicators(&doc.text, &from_page),
        indicators(&txt, &from_txt),
        "same indicators"
    );
    assert_eq!(from_page.meta.title, from_txt.meta.title);
    assert_eq!(from_page.meta.year, from_txt.meta.year);
}

// ---- rejected formats -------------------------------------------------------------------

#[test]
fn legacy_doc_and_images_are_refused_with_advice() {
    // (name, bytes, error, a phrase the Chinese message must contain, reason)
    let rows: &[(&str, &[u8], ReadError, &str, &str)] = &[
        // OLE files (.doc/.wps) are read now: their errors are tested in tests/doc_ofd.rs.
        (
            "扫描件.jpg",
            b"\xFF\xD8\xFF\xE1\0\x18Exif",
            ReadError::Image("JPEG"),
            "图片",
            "a scan",
        ),
    ];
    for (name, bytes, err, phrase, why) in rows {
        let got = read_bytes(name, bytes).unwrap_err();
        assert_eq!(&got, err, "{why}");
        assert!(
            got.message_zh().contains(phrase),
            "{why}: {}",
            got.message_zh()
        );
    }
}

// ---- the CLI ----------------------------------------------------------------------------

const BIN: &str = env!("CARGO_BIN_EXE_report-lens");

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("report-lens-inputs-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn cli_reads_docx_html_and_directories() {
    let dir = temp_dir("cli");
    std::fs::write(dir.join("a.docx"), numbered_report()).unwrap();
    let txt = std::fs::read_to_string(SEED000).unwrap();
    std::fs::write(dir.join("b.html"), seed_as_page(&txt)).unwrap();
    std::fs::write(dir.join("c.txt"), &txt).unwrap();
    std::fs::write(dir.join("ignored.png"), b"\x89PNG\r\n\x1a\n").unwrap();

    let o = Command::new(BIN)
        .args(["analyze", dir.join("a.docx").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = &json_lines(&o.stdout)[0];
    assert_eq!(v["sections"][0]["marker"], "一、");
    assert_eq!(v["sections"][1]["marker"], "（一）");

    let o = Command::new(BIN)
        .args(["analyze", "--format", "csv", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = String::from_utf8_lossy(&o.stdout);
    for file in ["a.docx", "b.html", "c.txt"] {
        assert!(csv.contains(file), "the directory's {file} is analysed");
    }
    assert!(
        !csv.contains("ignored.png"),
        "other files are not picked up"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_explains_doc_and_pdf() {
    let dir = temp_dir("reject");
    std::fs::write(dir.join("old.doc"), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0").unwrap();
    std::fs::write(dir.join("scan.pdf"), b"%PDF-1.4\n").unwrap();
    let o = Command::new(BIN)
        .args([
            "analyze",
            dir.join("old.doc").to_str().unwrap(),
            dir.join("scan.pdf").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("old.doc: the .doc is damaged"), "{err}");
    assert!(err.contains("save it as .docx"), "{err}");
    // PDFs are read (tests/pdf.rs); a truncated one is damaged.
    assert!(err.contains("scan.pdf: the PDF is damaged"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
