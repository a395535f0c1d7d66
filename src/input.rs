//! One entry for a file's bytes: recognise the format, read its text, or say clearly why not.
//!
//! ```
//! # #[cfg(feature = "decode")] {
//! use report_lens::input::{read_bytes, Format, ReadError};
//! let doc = read_bytes("报告.txt", "一、依法全面履行政府职能".as_bytes()).unwrap();
//! assert_eq!((doc.format, doc.encoding.as_str()), (Format::Text, "UTF-8"));
//! let err = read_bytes("扫描件.png", b"\x89PNG\r\n\x1a\n\0\0").unwrap_err();
//! assert_eq!(err, ReadError::Image("PNG"));
//! assert!(err.message_zh().contains("图片"));
//! # }
//! ```
//!
//! ## Recognition (magic bytes first, then the name)
//! | bytes | name | result |
//! |---|---|---|
//! | `PK\x03\x04` with `OFD.xml` | any | [`Format::Ofd`] via [`ofd`] (feature `ofd`) |
//! | `PK\x03\x04` without `OFD.xml` | `.ofd` | `ReadError::Ofd(NotOfd)` |
//! | `PK\x03\x04` with `word/document.xml` | any | [`Format::Docx`] via [`crate::input::docx`] |
//! | `PK\x03\x04` otherwise | any | [`ReadError::OtherZip`] (`.xlsx`, `.pptx`, `.odt`, archives) |
//! | `D0 CF 11 E0` (OLE) with `WordDocument` | any | [`Format::Doc`] via [`doc`] (feature `doc`; `.doc`, Word-compatible `.wps`, a renamed `.doc`) |
//! | `D0 CF 11 E0` (OLE), encrypted Office package | `.docx` | [`ReadError::EncryptedDocx`] (Word encrypts `.docx` into OLE) |
//! | `D0 CF 11 E0` (OLE) otherwise | any | `ReadError::Doc(NotWord(…))` naming Excel, PowerPoint, Outlook, Works or the streams found |
//! | binary, not OLE | `.wps` | `ReadError::Doc(KingsoftWps/UnknownWps)`: Kingsoft's pre-2005 formats |
//! | `%PDF-` in the first 1 KB | any | [`Format::Pdf`] via [`pdf`] (feature `pdf`); a scan, a password or a limit is an error ([`ReadError::Scan`] …) |
//! | PNG, JPEG, GIF, WebP, TIFF, BMP | any | [`ReadError::Image`] |
//! | `{\rtf` | any | [`ReadError::Rtf`] |
//! | anything else | `.docx` | [`ReadError::Docx`]`(NotZip)` |
//! | `<!DOCTYPE html`, `<html`, `<head`, `<meta`, `<body` at the start | any | [`Format::Html`] |
//! | text | `.html` `.htm` `.shtml` `.xhtml` | [`Format::Html`] via [`crate::input::html`] |
//! | text | other | [`Format::Text`] |
//!
//! A word processor's "save as web page" `.doc` is HTML and is read as such; a `.txt` holding
//! a saved page is read as a page. Binary bytes that match nothing get a message chosen by the
//! name (`.doc` → legacy Word, `.pdf` → a damaged PDF …), else [`ReadError::Binary`]. Without the `doc`
//! feature every OLE file gets [`ReadError::LegacyDoc`] (or `EncryptedDocx` for a `.docx`
//! name); without `ofd`, an OFD gets [`ReadError::OtherZip`].
//!
//! ## Fixed-layout files
//! PDF and OFD pages are read as positioned text and rebuilt into paragraphs by [`layout`];
//! the PDF reader stops at the limits in [`Limit`].
//!
//! ## Text decoding
//! [`read_bytes`] (feature `decode`) decodes with [`crate::input::decode`] (UTF-8, UTF-16 with BOM,
//! GB18030/GBK, Big5; an HTML page's declared charset is honoured). The web app, which
//! decodes with the browser's `TextDecoder` instead of shipping encoding tables, calls
//! [`read_bytes_with`] and passes its own decoder, which receives the bytes and the page's
//! declared charset label, if any.

use std::fmt;

#[cfg(feature = "decode")]
pub mod decode;
#[cfg(feature = "docx")]
pub mod docx;
pub mod files;
#[cfg(feature = "html")]
pub mod html;
#[cfg(any(feature = "docx", feature = "ofd"))]
mod inflate;
pub mod layout;
#[cfg(feature = "pdf")]
pub mod pdf;

// --- issue 14: .doc/.wps and OFD readers ---
#[cfg(feature = "doc")]
pub mod doc;
#[cfg(any(feature = "doc", feature = "docx"))]
mod numfmt;
#[cfg(feature = "ofd")]
pub mod ofd;
// --- end issue 14 ---

/// Largest accepted input (a report is tens of kilobytes; 64 MB is certainly not one).
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// What a file was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Word 2007+ document.
    Docx,
    /// Saved web page.
    Html,
    /// Word 97–2003 `.doc` (or a Word-compatible `.wps`).
    Doc,
    /// OFD (GB/T 33190) fixed-layout document.
    Ofd,
    /// PDF with a text layer.
    Pdf,
}

impl Format {
    /// `"txt"`, `"docx"`, `"html"`, `"pdf"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Doc => "doc",
            Format::Ofd => "ofd",
            Format::Pdf => "pdf",
        }
    }
}

/// A file read as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadDocument {
    /// The text to analyse: lines are paragraphs.
    pub text: String,
    /// What the bytes were.
    pub format: Format,
    /// The character encoding of the bytes (`"UTF-8"`, `"GBK"`, `"Big5"`, `"UTF-16LE"` …).
    pub encoding: String,
    /// The text is an OCR layer (a PDF scan's invisible text): machine-recognised, so figures
    /// may carry recognition errors.
    pub ocr: bool,
}

/// Kinds of zip archive that are not Word documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZipKind {
    /// Excel `.xlsx`.
    Spreadsheet,
    /// PowerPoint `.pptx`.
    Presentation,
    /// OpenDocument (`.odt`, `.ods` …).
    OpenDocument,
    /// OFD, China's fixed-layout e-document format.
    Ofd,
    /// Any other archive.
    Archive,
}

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Nothing (or only whitespace) in the file.
    Empty,
    /// More than [`MAX_INPUT_BYTES`].
    TooLarge {
        /// The limit in megabytes.
        limit_mb: usize,
    },
    /// Binary data that is no format we know.
    Binary,
    /// Legacy Word/WPS (`.doc`, `.wps`) or another OLE file.
    LegacyDoc,
    /// A `.docx` name on an OLE file: a password-protected `.docx`, or a renamed `.doc`.
    EncryptedDocx,
    /// A PDF that could not be opened (damaged, truncated, or not really a PDF); the detail
    /// is in English.
    DamagedPdf(String),
    /// A scan: pages without a text layer (images, or text turned into outlines).
    Scan,
    /// A text layer whose glyphs have no known characters (fonts without a Unicode map).
    UnreadableText,
    /// Encrypted with a password to open.
    PasswordProtected,
    /// A reader's limit was reached (see [`Limit`]).
    LimitExceeded(Limit),
    /// An image (`"PNG"`, `"JPEG"` …).
    Image(&'static str),
    /// Rich Text Format.
    Rtf,
    /// A zip archive that is not a `.docx`.
    OtherZip(ZipKind),
    /// A `.docx` that could not be read.
    #[cfg(feature = "docx")]
    Docx(crate::input::docx::DocxError),
    /// A `.doc`/`.wps` that could not be read.
    #[cfg(feature = "doc")]
    Doc(doc::DocError),
    /// An OFD that could not be read.
    #[cfg(feature = "ofd")]
    Ofd(ofd::OfdError),
    /// The format is known but this build leaves its reader out (features `docx`, `html`,
    /// `doc`, `ofd`, `pdf`).
    NotEnabled(Format),
}

/// Limits that keep a fixed-layout reader (PDF, OFD) bounded in time and memory on any file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// More pages than this.
    Pages(usize),
    /// Compressed data that inflates past this many megabytes (one stream, or all of them).
    StreamSize {
        /// The limit in megabytes.
        mb: usize,
    },
    /// Structure nested deeper than this (forms drawing forms, the page tree).
    Nesting(usize),
    /// More work than the reader's budget (a file built to be slow).
    Work,
}

impl ReadError {
    /// The message for the user, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            ReadError::Empty => "文件是空的。".into(),
            ReadError::TooLarge { limit_mb } => {
                format!("文件超过 {limit_mb} MB，不像是一份报告；请拆分文件或确认选对了文件。")
            }
            ReadError::Binary => "不是文本文件，无法读取。支持 .txt、.docx、.html；其他格式请复制文字后粘贴。".into(),
            ReadError::LegacyDoc => "这是旧版 Word/WPS 文档（.doc/.wps），无法直接读取。请在 Word 中另存为 .docx，或复制文字后粘贴。".into(),
            ReadError::EncryptedDocx => "这个 .docx 实际是加密文档或旧版 .doc 格式。请在 Word 中取消密码并另存为 .docx，或复制文字后粘贴。".into(),
            ReadError::DamagedPdf(_) => "PDF 文件已损坏或无法识别，无法读取。请用 PDF 阅读器确认能否打开，或复制文字后粘贴。".into(),
            ReadError::Scan => "这是扫描件，没有文字层，需要先做文字识别（OCR）才能分析。请使用文字版的报告，或识别后复制文字粘贴。".into(),
            ReadError::UnreadableText => "PDF 中的文字使用了无法识别的字体编码，提取不出文字。请复制文字后粘贴，或另存为 .docx / .txt。".into(),
            ReadError::PasswordProtected => "PDF 设有打开密码，无法读取。请先在 PDF 阅读器中输入密码并另存为无密码的文件，或复制文字后粘贴。".into(),
            ReadError::LimitExceeded(limit) => match limit {
                Limit::Pages(n) => format!("文件超过 {n} 页，不像是一份报告；请拆分文件或确认选对了文件。"),
                Limit::StreamSize { mb } => format!("文件中的压缩数据解压后超过 {mb} MB，可能已损坏或被恶意构造，已停止读取。"),
                Limit::Nesting(n) => format!("文件结构嵌套超过 {n} 层，可能已损坏或被恶意构造，已停止读取。"),
                Limit::Work => "文件内容过于复杂，超过了读取的处理上限，已停止读取。请复制文字后粘贴。".into(),
            },
            ReadError::Image(kind) => format!("这是图片（{kind}），没有可读取的文字。请使用文字版的报告（.docx / .txt / 网页），或复制文字后粘贴。"),
            ReadError::Rtf => "暂不读取 RTF 格式。请在 Word 中另存为 .docx，或复制文字后粘贴。".into(),
            ReadError::OtherZip(kind) => match kind {
                ZipKind::Spreadsheet => "这是 Excel 表格（.xlsx），不是 Word 文档。请复制表格中的文字后粘贴。".into(),
                ZipKind::Presentation => "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档。请复制文字后粘贴。".into(),
                ZipKind::OpenDocument => "这是 OpenDocument 文档（.odt 等）。请另存为 .docx，或复制文字后粘贴。".into(),
                ZipKind::Ofd => "暂不读取 OFD 版式文件。请复制文字后粘贴，或转换为 .docx / .txt。".into(),
                ZipKind::Archive => "这是压缩包，不是 Word 文档。请解压后分别打开其中的报告。".into(),
            },
            #[cfg(feature = "docx")]
            ReadError::Docx(e) => e.message_zh(),
            #[cfg(feature = "doc")]
            ReadError::Doc(e) => e.message_zh(),
            #[cfg(feature = "ofd")]
            ReadError::Ofd(e) => e.message_zh(),
            ReadError::NotEnabled(f) => format!("此版本不支持读取 .{} 文件，请复制文字后粘贴。", f.as_str()),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => write!(f, "the file is empty"),
            ReadError::TooLarge { limit_mb } => write!(f, "larger than {limit_mb} MB; split it or check that it is a report"),
            ReadError::Binary => write!(f, "the file is binary, not text (convert .doc/.pdf to .docx or copy the text out)"),
            ReadError::LegacyDoc => write!(f, "legacy Word/WPS .doc files are not read; save it as .docx in Word, or copy the text and paste it"),
            ReadError::EncryptedDocx => write!(f, "this .docx is password-protected or really a legacy .doc; remove the password and save it as .docx in Word"),
            ReadError::DamagedPdf(detail) => write!(f, "the PDF is damaged or not a PDF ({detail}); check that a PDF viewer opens it, or copy the text out"),
            ReadError::Scan => write!(f, "a scan: the PDF has no text layer, so it needs OCR (text recognition) first"),
            ReadError::UnreadableText => write!(f, "the PDF's fonts have no known characters, so no text can be extracted; copy the text out"),
            ReadError::PasswordProtected => write!(f, "the PDF needs a password to open; save an unprotected copy or copy the text out"),
            ReadError::LimitExceeded(limit) => match limit {
                Limit::Pages(n) => write!(f, "more than {n} pages; split the file or check that it is a report"),
                Limit::StreamSize { mb } => write!(f, "compressed data inflates past {mb} MB; the file is damaged or built to exhaust memory"),
                Limit::Nesting(n) => write!(f, "structure nested deeper than {n} levels; the file is damaged or malicious"),
                Limit::Work => write!(f, "the file takes more work to read than the reader's limit; copy the text out"),
            },
            ReadError::Image(kind) => write!(f, "this is an image ({kind}), a binary file with no text to read; use the text version of the report"),
            ReadError::Rtf => write!(f, "RTF files are not read; save it as .docx in Word"),
            ReadError::OtherZip(kind) => write!(f, "a zip archive that is not a Word .docx ({})", match kind {
                ZipKind::Spreadsheet => "an Excel spreadsheet",
                ZipKind::Presentation => "a PowerPoint presentation",
                ZipKind::OpenDocument => "an OpenDocument file; save it as .docx",
                ZipKind::Ofd => "an OFD document; copy the text out",
                ZipKind::Archive => "unpack it and open the reports inside",
            }),
            #[cfg(feature = "docx")]
            ReadError::Docx(e) => e.fmt(f),
            #[cfg(feature = "doc")]
            ReadError::Doc(e) => e.fmt(f),
            #[cfg(feature = "ofd")]
            ReadError::Ofd(e) => e.fmt(f),
            ReadError::NotEnabled(fmt) => write!(f, "this build does not read .{} files", fmt.as_str()),
        }
    }
}

impl std::error::Error for ReadError {}

#[cfg(feature = "docx")]
impl From<crate::input::docx::DocxError> for ReadError {
    fn from(e: crate::input::docx::DocxError) -> Self {
        ReadError::Docx(e)
    }
}

#[cfg(feature = "decode")]
impl From<crate::input::decode::DecodeError> for ReadError {
    fn from(e: crate::input::decode::DecodeError) -> Self {
        match e {
            crate::input::decode::DecodeError::Empty => ReadError::Empty,
            crate::input::decode::DecodeError::Binary => ReadError::Binary,
        }
    }
}

/// Reads a file's bytes, decoding text with [`crate::input::decode`] (native builds, the CLI).
#[cfg(feature = "decode")]
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<ReadDocument, ReadError> {
    read_bytes_with(name, bytes, |bytes, label| {
        crate::input::decode::decode_with_label(bytes, label)
            .map(|(t, e)| (t, e.to_string()))
            .map_err(ReadError::from)
    })
}

/// Reads a file's bytes; text is decoded by `decode(bytes, declared_charset_label)`, which
/// returns the text and the encoding's name, or [`ReadError::Empty`]/[`ReadError::Binary`].
pub fn read_bytes_with<F>(name: &str, bytes: &[u8], decode: F) -> Result<ReadDocument, ReadError>
where
    F: FnOnce(&[u8], Option<&str>) -> Result<(String, String), ReadError>,
{
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            limit_mb: MAX_INPUT_BYTES / 1024 / 1024,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    let ext = extension(name);
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return read_zip(&ext, bytes);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return read_ole(&ext, bytes);
    }
    // issue 14: Kingsoft's pre-2005 .wps files are binary but not OLE.
    #[cfg(feature = "doc")]
    if ext == "wps" && looks_binary(bytes) {
        return Err(ReadError::Doc(doc::sniff_wps(bytes)));
    }
    if find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some() {
        return read_pdf(bytes);
    }
    if let Some(kind) = image_kind(bytes, &ext) {
        return Err(ReadError::Image(kind));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(ReadError::Rtf);
    }
    if looks_binary(bytes) {
        return Err(refine_binary(ReadError::Binary, &ext));
    }
    if ext == "docx" {
        #[cfg(feature = "docx")]
        return Err(ReadError::Docx(crate::input::docx::DocxError::NotZip));
        #[cfg(not(feature = "docx"))]
        return Err(ReadError::NotEnabled(Format::Docx));
    }
    let html_name = matches!(ext.as_str(), "html" | "htm" | "shtml" | "xhtml");
    let sniffed_html = looks_like_html(bytes);
    let label = if html_name || sniffed_html {
        charset_label(bytes)
    } else {
        None
    };
    let (text, encoding) = decode(bytes, label.as_deref()).map_err(|e| refine_binary(e, &ext))?;
    if html_name || sniffed_html || looks_like_html(text.as_bytes()) {
        return read_html(&text, encoding);
    }
    Ok(ReadDocument {
        text,
        format: Format::Text,
        encoding,
        ocr: false,
    })
}

// --- issue 14: OLE files (.doc/.wps) and OFD ---

/// An OLE compound file: a Word document is read; a `.docx` name on an encrypted Office file
/// keeps its own message.
#[cfg(feature = "doc")]
fn read_ole(ext: &str, bytes: &[u8]) -> Result<ReadDocument, ReadError> {
    match doc::to_text(bytes) {
        Ok(text) if text.trim().is_empty() => Err(ReadError::Empty),
        Ok(text) => Ok(ReadDocument {
            text,
            format: Format::Doc,
            encoding: "UTF-16LE".into(),
            ocr: false,
        }),
        Err(doc::DocError::NotWord(doc::OleKind::EncryptedOoxml)) if ext == "docx" => {
            Err(ReadError::EncryptedDocx)
        }
        Err(e) => Err(ReadError::Doc(e)),
    }
}

#[cfg(not(feature = "doc"))]
fn read_ole(ext: &str, _bytes: &[u8]) -> Result<ReadDocument, ReadError> {
    Err(if ext == "docx" {
        ReadError::EncryptedDocx
    } else {
        ReadError::LegacyDoc
    })
}

/// A zip with `OFD.xml` is read as OFD; a `.ofd` name on another zip says what is missing.
#[cfg(feature = "ofd")]
fn read_ofd(ext: &str, bytes: &[u8]) -> Option<Result<ReadDocument, ReadError>> {
    if !ofd::is_ofd(bytes) {
        return (ext == "ofd").then_some(Err(ReadError::Ofd(ofd::OfdError::NotOfd)));
    }
    Some(match ofd::to_text(bytes) {
        Ok(text) if text.trim().is_empty() => Err(ReadError::Empty),
        Ok(text) => Ok(ReadDocument {
            text,
            format: Format::Ofd,
            encoding: "UTF-8".into(),
            ocr: false,
        }),
        Err(e) => Err(ReadError::Ofd(e)),
    })
}

#[cfg(not(feature = "ofd"))]
fn read_ofd(_ext: &str, _bytes: &[u8]) -> Option<Result<ReadDocument, ReadError>> {
    None
}
// --- end issue 14 ---

#[cfg(feature = "pdf")]
fn read_pdf(bytes: &[u8]) -> Result<ReadDocument, ReadError> {
    let (pages, ocr) = pdf::to_pages_noting_ocr(bytes)?;
    let text = layout::to_text(&pages);
    if text.trim().is_empty() {
        return Err(ReadError::Scan);
    }
    Ok(ReadDocument {
        text,
        format: Format::Pdf,
        encoding: "UTF-8".into(),
        ocr,
    })
}

#[cfg(not(feature = "pdf"))]
fn read_pdf(_bytes: &[u8]) -> Result<ReadDocument, ReadError> {
    Err(ReadError::NotEnabled(Format::Pdf))
}

fn read_zip(ext: &str, bytes: &[u8]) -> Result<ReadDocument, ReadError> {
    if let Some(read) = read_ofd(ext, bytes) {
        return read;
    }
    #[cfg(feature = "docx")]
    {
        let _ = ext;
        match crate::input::docx::to_text(bytes) {
            Ok(text) if text.trim().is_empty() => Err(ReadError::Empty),
            Ok(text) => Ok(ReadDocument {
                text,
                format: Format::Docx,
                encoding: "UTF-8".into(),
                ocr: false,
            }),
            Err(crate::input::docx::DocxError::NotDocx) => {
                let names = crate::input::docx::zip_entry_names(bytes).unwrap_or_default();
                Err(ReadError::OtherZip(zip_kind(&names)))
            }
            Err(e) => Err(ReadError::Docx(e)),
        }
    }
    #[cfg(not(feature = "docx"))]
    {
        let _ = bytes;
        Err(if ext == "docx" {
            ReadError::NotEnabled(Format::Docx)
        } else {
            ReadError::OtherZip(ZipKind::Archive)
        })
    }
}

#[cfg_attr(not(feature = "docx"), allow(dead_code))]
fn zip_kind(names: &[String]) -> ZipKind {
    let has = |p: &str| names.iter().any(|n| n.starts_with(p));
    if has("xl/") {
        ZipKind::Spreadsheet
    } else if has("ppt/") {
        ZipKind::Presentation
    } else if has("OFD.xml") {
        ZipKind::Ofd
    } else if has("content.xml") && has("mimetype") {
        ZipKind::OpenDocument
    } else {
        ZipKind::Archive
    }
}

#[cfg(feature = "html")]
fn read_html(text: &str, encoding: String) -> Result<ReadDocument, ReadError> {
    let text = crate::input::html::extract(text).to_text();
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(ReadDocument {
        text,
        format: Format::Html,
        encoding,
        ocr: false,
    })
}

#[cfg(not(feature = "html"))]
fn read_html(_text: &str, _encoding: String) -> Result<ReadDocument, ReadError> {
    Err(ReadError::NotEnabled(Format::Html))
}

#[cfg(feature = "html")]
fn looks_like_html(bytes: &[u8]) -> bool {
    crate::input::html::looks_like_html(bytes)
}

#[cfg(not(feature = "html"))]
fn looks_like_html(_bytes: &[u8]) -> bool {
    false
}

#[cfg(feature = "html")]
fn charset_label(bytes: &[u8]) -> Option<String> {
    crate::input::html::sniff_charset(bytes)
}

#[cfg(not(feature = "html"))]
fn charset_label(_bytes: &[u8]) -> Option<String> {
    None
}

/// A decoder's "binary" becomes the specific message the name suggests.
fn refine_binary(e: ReadError, ext: &str) -> ReadError {
    if e != ReadError::Binary {
        return e;
    }
    match ext {
        "doc" | "wps" | "dot" => ReadError::LegacyDoc,
        "pdf" => ReadError::DamagedPdf("no %PDF- header".into()),
        "rtf" => ReadError::Rtf,
        #[cfg(feature = "ofd")]
        "ofd" => ReadError::Ofd(ofd::OfdError::NotZip),
        #[cfg(not(feature = "ofd"))]
        "ofd" => ReadError::OtherZip(ZipKind::Ofd),
        "png" | "jpg" | "jpeg" | "gif" | "bmp" | "tif" | "tiff" | "webp" => {
            ReadError::Image("image")
        }
        _ => e,
    }
}

/// The lower-cased extension of a file name (`"docx"`), or `""`.
pub fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

fn image_kind(bytes: &[u8], ext: &str) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("PNG")
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        Some("JPEG")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("GIF")
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some("WebP")
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Some("TIFF")
    } else if bytes.starts_with(b"BM") && ext == "bmp" {
        // `BM` alone could begin a text file.
        Some("BMP")
    } else {
        None
    }
}

/// NUL bytes or many control characters in the first 8 KB, without a UTF-16 BOM (the web
/// app's `TextDecoder` would decode such bytes into garbage instead of failing).
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    head.contains(&0) || control * 20 > head.len()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in for the web app's decoder: UTF-8 only.
    fn utf8(bytes: &[u8], _label: Option<&str>) -> Result<(String, String), ReadError> {
        std::str::from_utf8(bytes)
            .map(|s| (s.to_string(), "UTF-8".to_string()))
            .map_err(|_| ReadError::Binary)
    }

    /// (file name, bytes, expected format or error, reason)
    type Row<'a> = (&'a str, &'a [u8], Result<Format, ReadError>, &'a str);

    #[test]
    fn recognition_table() {
        let rows: &[Row] = &[
            (
                "a.txt",
                "一、总体情况".as_bytes(),
                Ok(Format::Text),
                "plain text",
            ),
            (
                "a",
                "一、总体情况".as_bytes(),
                Ok(Format::Text),
                "no extension: text",
            ),
            (
                "a.png",
                b"\x89PNG\r\n\x1a\n\0\0",
                Err(ReadError::Image("PNG")),
                "PNG",
            ),
            (
                "scan.jpg",
                b"\xFF\xD8\xFF\xE0\0\x10JFIF",
                Err(ReadError::Image("JPEG")),
                "JPEG",
            ),
            (
                "a.txt",
                b"BM is a fine start",
                Ok(Format::Text),
                "BM alone is no bitmap",
            ),
            ("a.rtf", b"{\\rtf1\\ansi", Err(ReadError::Rtf), "RTF"),
            (
                "a.doc",
                b"<html><body><p>word html</p></body></html>",
                Ok(Format::Html),
                "Word's web-page .doc is HTML",
            ),
            (
                "a.txt",
                b"<!DOCTYPE html><html><body><p>page</p></body></html>",
                Ok(Format::Html),
                "sniffed page",
            ),
            (
                "a.htm",
                b"<p>fragment</p>",
                Ok(Format::Html),
                "the name says HTML",
            ),
            (
                "a.txt",
                b"   \n\t",
                Err(ReadError::Empty),
                "whitespace only",
            ),
            (
                "a.bin",
                b"\0\x01\x02\x03",
                Err(ReadError::Binary),
                "unknown binary",
            ),
        ];
        for (name, bytes, want, why) in rows {
            let got = read_bytes_with(name, bytes, utf8).map(|d| d.format);
            assert_eq!(&got, want, "{why}");
        }
    }

    #[test]
    fn ole_and_legacy_names() {
        let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0";
        for name in ["a.doc", "a.wps"] {
            let got = read_bytes_with(name, ole, utf8);
            #[cfg(feature = "doc")]
            assert!(
                matches!(got, Err(ReadError::Doc(doc::DocError::Corrupt(_)))),
                "{name}"
            );
            #[cfg(not(feature = "doc"))]
            assert_eq!(got, Err(ReadError::LegacyDoc), "{name}");
        }
        let binary = b"\0\x01\x02\x03";
        assert_eq!(
            read_bytes_with("a.doc", binary, utf8).err(),
            Some(ReadError::LegacyDoc)
        );
        #[cfg(feature = "doc")]
        assert_eq!(
            read_bytes_with("a.wps", binary, utf8),
            Err(ReadError::Doc(doc::DocError::UnknownWps(
                "00 01 02 03".into()
            )))
        );
    }

    #[test]
    fn pdf_magic_goes_to_the_pdf_reader() {
        // (name, bytes, reason)
        let rows: &[(&str, &[u8], &str)] = &[
            ("a.pdf", b"%PDF-1.7\n%\xE2\xE3", "PDF magic"),
            (
                "a.txt",
                b"\n%PDF-1.4",
                "PDF magic after junk, whatever the name",
            ),
        ];
        for (name, bytes, why) in rows {
            let got = read_bytes_with(name, bytes, utf8);
            #[cfg(feature = "pdf")]
            assert!(
                matches!(got, Err(ReadError::DamagedPdf(_))),
                "{why}: {got:?}"
            );
            #[cfg(not(feature = "pdf"))]
            assert_eq!(got, Err(ReadError::NotEnabled(Format::Pdf)), "{why}");
        }
    }

    #[test]
    fn docx_name_on_text_is_not_a_docx() {
        let got = read_bytes_with("a.docx", "文字".as_bytes(), utf8);
        #[cfg(feature = "docx")]
        assert_eq!(
            got,
            Err(ReadError::Docx(crate::input::docx::DocxError::NotZip))
        );
        #[cfg(not(feature = "docx"))]
        assert_eq!(got, Err(ReadError::NotEnabled(Format::Docx)));
    }

    #[test]
    fn extensions() {
        for (name, ext) in [
            ("报告.DOCX", "docx"),
            ("dir.v2/report", ""),
            (".hidden", ""),
            ("C:\\a\\b.Htm", "htm"),
            ("a.tar.gz", "gz"),
        ] {
            assert_eq!(extension(name), ext, "{name}");
        }
    }

    #[test]
    fn too_large() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        assert_eq!(
            read_bytes_with("a.txt", &big, utf8),
            Err(ReadError::TooLarge { limit_mb: 64 })
        );
    }
}
