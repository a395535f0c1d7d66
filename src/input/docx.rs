//! `.docx` (Word 2007+, Office Open XML) → plain text, with Word's automatic numbering kept.
//!
//! ```
//! // Any bytes: a `.docx` gives its text, anything else a typed error (never a panic).
//! let err = report_lens::input::docx::to_text(b"not a zip").unwrap_err();
//! assert_eq!(err, report_lens::input::docx::DocxError::NotZip);
//! assert!(err.message_zh().contains(".docx"));
//! ```
//!
//! ## What is read
//! The archive is opened with the `zip` crate (inflate only, pure Rust through `flate2` and
//! `miniz_oxide`, so it also runs in wasm32) and the parts are parsed with `quick-xml`
//! (namespace-aware: only WordprocessingML elements count, so DrawingML `a:p`/`a:t` are not
//! mistaken for paragraphs).
//!
//! * `word/document.xml`, the body:
//!   * `w:p` → one line; `w:br` and `w:cr` → a line break; `w:tab` in a run → `\t`;
//!     `w:noBreakHyphen` → `-`. Text is the content of `w:t` (entities and character references
//!     resolved).
//!   * `w:tbl` → one line per row (`w:tr`), cells (`w:tc`) separated by `\t`; paragraphs inside a
//!     cell are joined with a space; a nested table is flattened into its cell.
//!   * skipped: deleted and moved-away revisions (`w:del`, `w:moveFrom`), the old properties of
//!     tracked changes (`w:pPrChange` …), and `mc:Fallback` (the copy of a text box that
//!     `mc:Choice` already holds — reading both would duplicate the text). Headers, footers,
//!     footnotes and comments are not read: they are page furniture, not the report.
//! * `word/numbering.xml` and `word/styles.xml`, the automatic numbering: a paragraph numbered
//!   directly (`w:pPr/w:numPr`) or through its paragraph style (`w:pStyle`, following
//!   `w:basedOn`) gets the marker Word would draw, e.g. `一、`, `（一）`, `1.`, `（1）`, `①`, rendered
//!   from the level's `w:lvlText` (`%1、`, `（%1）`, `%1.%2.`) and `w:numFmt` (`decimal`,
//!   `chineseCounting`, `chineseCountingThousand`, `chineseLegalSimplified`,
//!   `ideographTraditional`, `ideographZodiac`, `decimalEnclosedCircle`, `decimalEnclosedParen`,
//!   `decimalEnclosedFullstop`, `decimalFullWidth`, `decimalZero`, `lowerLetter`, `upperLetter`,
//!   `lowerRoman`, `upperRoman`, `ideographDigital`, `none`, `bullet`; others fall back to
//!   decimal), followed by the level's `w:suff` (a tab becomes nothing after CJK punctuation,
//!   a space otherwise).
//!
//! ### Counters
//! Counters belong to the abstract list (`w:abstractNum`), so two `w:num` instances of the same
//! list continue one sequence, as in Word; an instance with `w:lvlOverride/w:startOverride`
//! restarts the overridden level when it is first used. When a level advances, the levels below
//! it restart (or as `w:lvlRestart` says; `0` = never).
//!
//! ## Limits (zip bombs, corrupt files)
//! * Parts are streamed through a size limit: at most [`MAX_UNCOMPRESSED_BYTES`] in total are
//!   inflated, whatever the headers claim; a part whose declared size is already over the
//!   limit is refused before inflating anything.
//! * Once a part has produced more than [`RATIO_FLOOR_BYTES`], it may not exceed
//!   [`MAX_RATIO`] times its compressed size (real `document.xml` files compress 5–20×; a bomb
//!   of zeros about 1000×).
//! * Encrypted entries, unsupported compression methods, bad checksums and malformed XML are
//!   errors, each with an English `Display` and a Chinese [`DocxError::message_zh`].
//! * A password-protected `.docx` saved by Word is not a zip at all but an OLE container (the
//!   `.doc` magic `D0 CF 11 E0`); [`crate::input`] reports it as encrypted-or-legacy.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::NsReader;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::Cursor;
use zip::result::ZipError;
use zip::ZipArchive;

use super::numfmt;

/// Total bytes inflated from one `.docx` before it is refused (50 MB; a long report's
/// `document.xml` is 1–5 MB).
pub const MAX_UNCOMPRESSED_BYTES: u64 = 50 * 1024 * 1024;
/// Largest accepted ratio of inflated to compressed size, checked past [`RATIO_FLOOR_BYTES`].
pub const MAX_RATIO: u64 = 100;
/// Parts smaller than this are never refused for their ratio (tiny parts compress wildly).
pub const RATIO_FLOOR_BYTES: u64 = 1024 * 1024;

/// Why a `.docx` could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// The bytes are not a zip archive at all.
    NotZip,
    /// A zip archive without `word/document.xml` (a spreadsheet, a presentation, an archive).
    NotDocx,
    /// Password-protected entries.
    Encrypted,
    /// The archive is damaged (truncated, bad checksum, bad deflate stream).
    Corrupt(String),
    /// A compression method other than stored/deflate.
    UnsupportedCompression(String),
    /// More than [`MAX_UNCOMPRESSED_BYTES`] would be inflated.
    TooLarge {
        /// The limit in megabytes.
        limit_mb: u64,
    },
    /// A part inflates to more than [`MAX_RATIO`] times its compressed size.
    SuspiciousRatio {
        /// The limit.
        max_ratio: u64,
    },
    /// A part is not well-formed XML.
    Xml {
        /// The part, e.g. `word/document.xml`.
        part: &'static str,
        /// What the XML parser said.
        detail: String,
    },
}

impl DocxError {
    /// The message for the user, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            DocxError::NotZip => "不是有效的 .docx 文件（不是 zip 压缩包）。若是旧版 .doc，请在 Word 中另存为 .docx，或复制文字后粘贴。".into(),
            DocxError::NotDocx => "压缩包中没有 word/document.xml，不是 Word 文档（.docx）。".into(),
            DocxError::Encrypted => "文件已加密（设置了打开密码），无法读取。请在 Word 中取消密码后另存为 .docx，或复制文字后粘贴。".into(),
            DocxError::Corrupt(d) => format!("文件已损坏，无法解压（{d}）。请在 Word 中打开后重新另存为 .docx，或复制文字后粘贴。"),
            DocxError::UnsupportedCompression(m) => format!("使用了不支持的压缩方式（{m}）。请在 Word 中重新另存为 .docx。"),
            DocxError::TooLarge { limit_mb } => format!("解压后超过 {limit_mb} MB，疑似压缩炸弹或并非报告，已停止读取。"),
            DocxError::SuspiciousRatio { max_ratio } => format!("压缩比异常（超过 {max_ratio} 倍），疑似压缩炸弹，已停止读取。"),
            DocxError::Xml { part, detail } => format!("文档内容（{part}）不是有效的 XML：{detail}。请在 Word 中重新另存为 .docx。"),
        }
    }
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::NotZip => write!(f, "not a .docx (not a zip archive); save a legacy .doc as .docx in Word, or paste the text"),
            DocxError::NotDocx => write!(f, "a zip archive without word/document.xml, not a Word .docx"),
            DocxError::Encrypted => write!(f, "the .docx is password-protected; remove the password in Word and save again"),
            DocxError::Corrupt(d) => write!(f, "the .docx is corrupt ({d}); open it in Word and save it again"),
            DocxError::UnsupportedCompression(m) => write!(f, "the .docx uses an unsupported compression method ({m})"),
            DocxError::TooLarge { limit_mb } => write!(f, "the .docx inflates to more than {limit_mb} MB (zip bomb?); refused"),
            DocxError::SuspiciousRatio { max_ratio } => write!(f, "a part of the .docx inflates more than {max_ratio} times its compressed size (zip bomb?); refused"),
            DocxError::Xml { part, detail } => write!(f, "{part} is not well-formed XML: {detail}"),
        }
    }
}

impl std::error::Error for DocxError {}

/// Whether `bytes` start like a zip archive (`PK\x03\x04`, or `PK\x05\x06` for an empty one).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The names of the entries of a zip archive (for telling a `.docx` from other zip files),
/// or `None` when the bytes are not a readable archive.
pub fn zip_entry_names(bytes: &[u8]) -> Option<Vec<String>> {
    let archive = ZipArchive::new(Cursor::new(bytes)).ok()?;
    Some(archive.file_names().map(str::to_string).collect())
}

/// Extracts the text of a `.docx`: one line per paragraph or table row, numbering rendered.
pub fn to_text(bytes: &[u8]) -> Result<String, DocxError> {
    if !is_zip(bytes) {
        return Err(DocxError::NotZip);
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(from_zip_error)?;
    let mut budget = MAX_UNCOMPRESSED_BYTES;
    let document =
        read_part(&mut archive, "word/document.xml", &mut budget)?.ok_or(DocxError::NotDocx)?;
    let styles = match read_part(&mut archive, "word/styles.xml", &mut budget)? {
        Some(b) => parse_styles(&b)?,
        None => HashMap::new(),
    };
    let numbering = match read_part(&mut archive, "word/numbering.xml", &mut budget)? {
        Some(b) => parse_numbering(&b)?,
        None => Numbering::default(),
    };
    render_document(&document, &Numbers::new(&numbering, &styles))
}

fn from_zip_error(e: ZipError) -> DocxError {
    match e {
        ZipError::UnsupportedArchive(m) if m == ZipError::PASSWORD_REQUIRED => DocxError::Encrypted,
        ZipError::UnsupportedArchive(m) => {
            if m.contains("ompression") {
                DocxError::UnsupportedCompression(m.to_string())
            } else {
                DocxError::Corrupt(m.to_string())
            }
        }
        ZipError::InvalidPassword => DocxError::Encrypted,
        ZipError::InvalidArchive(m) => DocxError::Corrupt(m.into_owned()),
        ZipError::FileNotFound => DocxError::NotDocx,
        ZipError::Io(e) => DocxError::Corrupt(e.to_string()),
        other => DocxError::Corrupt(other.to_string()),
    }
}

/// Inflates one part through the size and ratio limits; `Ok(None)` when it does not exist.
fn read_part(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut u64,
) -> Result<Option<Vec<u8>>, DocxError> {
    let mut file = match archive.by_name(name) {
        Ok(f) => f,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(from_zip_error(e)),
    };
    if file.encrypted() {
        return Err(DocxError::Encrypted);
    }
    let too_large = DocxError::TooLarge {
        limit_mb: MAX_UNCOMPRESSED_BYTES / 1024 / 1024,
    };
    let bad_ratio = DocxError::SuspiciousRatio {
        max_ratio: MAX_RATIO,
    };
    let limits = super::inflate::Limits {
        limit: *budget,
        ratio_floor: RATIO_FLOOR_BYTES,
        max_ratio: MAX_RATIO,
        reserve: 4 * 1024 * 1024,
    };
    let (compressed, declared) = (file.compressed_size(), file.size());
    let out =
        super::inflate::read_entry(&mut file, compressed, declared, &limits).map_err(|stop| {
            match stop {
                super::inflate::Stop::TooLarge => too_large,
                super::inflate::Stop::Ratio => bad_ratio,
                super::inflate::Stop::Corrupt(e) => DocxError::Corrupt(e),
            }
        })?;
    *budget -= out.len() as u64;
    Ok(Some(out))
}

// ---- XML helpers ------------------------------------------------------------------------

/// WordprocessingML, transitional and strict.
const W_NS: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
/// Markup compatibility (`mc:AlternateContent`).
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Which vocabulary an element belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Vocab {
    Word,
    Compat,
    Other,
}

fn vocab(ns: &ResolveResult<'_>) -> Vocab {
    match ns {
        ResolveResult::Bound(Namespace(n)) if W_NS.contains(n) => Vocab::Word,
        ResolveResult::Bound(Namespace(n)) if *n == MC_NS => Vocab::Compat,
        _ => Vocab::Other,
    }
}

/// The value of the attribute with local name `local` (any prefix), e.g. `w:val`.
fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local).then(|| {
            let raw = String::from_utf8_lossy(&a.value);
            quick_xml::escape::unescape(&raw).map_or_else(|_| raw.to_string(), |v| v.into_owned())
        })
    })
}

fn xml_reader(bytes: &[u8]) -> NsReader<&[u8]> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = NsReader::from_reader(bytes);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = false;
    reader
}

/// XML parts written as UTF-16 (allowed, never seen from Word) are converted to UTF-8 first.
fn utf8_part(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let utf16 = |be: bool| {
        let units = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if be {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect::<Vec<u16>>();
        let s = String::from_utf16_lossy(&units);
        // The declaration still says UTF-16; quick-xml without its `encoding` feature ignores it.
        std::borrow::Cow::Owned(s.into_bytes())
    };
    if bytes.starts_with(&[0xFF, 0xFE]) {
        utf16(false)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        utf16(true)
    } else {
        std::borrow::Cow::Borrowed(bytes)
    }
}

fn xml_error(part: &'static str, e: impl fmt::Display) -> DocxError {
    DocxError::Xml {
        part,
        detail: e.to_string(),
    }
}

fn parse_index(v: Option<String>) -> Option<usize> {
    v.and_then(|s| s.trim().parse::<usize>().ok())
}

// ---- numbering definitions --------------------------------------------------------------

/// Word allows nine levels (0–8).
const LEVELS: usize = 9;

#[derive(Clone, Debug, Default)]
struct Level {
    start: Option<u32>,
    format: String,
    text: Option<String>,
    suffix: Option<String>,
    legal: bool,
    restart: Option<usize>,
    style: Option<String>,
}

#[derive(Clone, Debug, Default)]
struct Num {
    abstract_id: String,
    /// Per level: a restart value and/or a replacement level definition.
    start_override: [Option<u32>; LEVELS],
    level_override: [Option<Level>; LEVELS],
}

#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, [Level; LEVELS]>,
    nums: HashMap<String, Num>,
}

/// Applies the children of a `w:lvl` element to `level`.
fn read_level_child(e: &BytesStart<'_>, level: &mut Level) {
    let val = || attr(e, b"val");
    match e.local_name().as_ref() {
        b"start" => level.start = val().and_then(|v| v.trim().parse().ok()),
        b"numFmt" => {
            if let Some(v) = val().filter(|v| v != "custom") {
                level.format = v;
            }
        }
        b"lvlText" => level.text = val(),
        b"suff" => level.suffix = val(),
        b"isLgl" => level.legal = val().is_none_or(|v| v != "0" && v != "false"),
        b"lvlRestart" => level.restart = parse_index(val()),
        b"pStyle" => level.style = val(),
        _ => {}
    }
}

fn parse_numbering(bytes: &[u8]) -> Result<Numbering, DocxError> {
    const PART: &str = "word/numbering.xml";
    let bytes = utf8_part(bytes);
    let mut reader = xml_reader(&bytes);
    let mut buf = Vec::new();
    let mut numbering = Numbering::default();
    let mut abstract_id: Option<String> = None;
    let mut levels: [Level; LEVELS] = Default::default();
    let mut num: Option<(String, Num)> = None;
    // The level being defined: index into `levels`, or into the num's overrides.
    let mut level: Option<(usize, Level)> = None;
    let mut override_level: Option<usize> = None;
    loop {
        let (ns, event) = reader
            .read_resolved_event_into(&mut buf)
            .map_err(|e| xml_error(PART, e))?;
        let word = vocab(&ns) == Vocab::Word;
        match event {
            Event::Start(e) if word => match e.local_name().as_ref() {
                b"abstractNum" => {
                    abstract_id = attr(&e, b"abstractNumId");
                    levels = Default::default();
                }
                b"num" => {
                    num = attr(&e, b"numId").map(|id| (id, Num::default()));
                }
                b"abstractNumId" => {
                    if let (Some((_, n)), Some(v)) = (num.as_mut(), attr(&e, b"val")) {
                        n.abstract_id = v;
                    }
                }
                b"lvlOverride" => override_level = parse_index(attr(&e, b"ilvl")),
                b"startOverride" => {
                    if let (Some((_, n)), Some(i)) = (num.as_mut(), override_level) {
                        if i < LEVELS {
                            n.start_override[i] =
                                attr(&e, b"val").and_then(|v| v.trim().parse().ok());
                        }
                    }
                }
                b"lvl" => {
                    level = parse_index(attr(&e, b"ilvl"))
                        .or(override_level)
                        .filter(|&i| i < LEVELS)
                        .map(|i| (i, Level::default()));
                }
                _ => {
                    if let Some((_, l)) = level.as_mut() {
                        read_level_child(&e, l);
                    }
                }
            },
            Event::End(e) if word => match e.local_name().as_ref() {
                b"abstractNum" => {
                    if let Some(id) = abstract_id.take() {
                        numbering.abstracts.insert(id, std::mem::take(&mut levels));
                    }
                }
                b"num" => {
                    if let Some((id, n)) = num.take() {
                        numbering.nums.insert(id, n);
                    }
                }
                b"lvlOverride" => override_level = None,
                b"lvl" => {
                    if let Some((i, l)) = level.take() {
                        match num.as_mut() {
                            Some((_, n)) => n.level_override[i] = Some(l),
                            None => levels[i] = l,
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(numbering)
}

/// A paragraph style's numbering: `numId`, optional `ilvl`, and the style it is based on.
#[derive(Clone, Debug, Default)]
struct StyleNum {
    num_id: Option<String>,
    ilvl: Option<usize>,
    based_on: Option<String>,
}

fn parse_styles(bytes: &[u8]) -> Result<HashMap<String, StyleNum>, DocxError> {
    const PART: &str = "word/styles.xml";
    let bytes = utf8_part(bytes);
    let mut reader = xml_reader(&bytes);
    let mut buf = Vec::new();
    let mut styles = HashMap::new();
    let mut current: Option<(String, StyleNum)> = None;
    loop {
        let (ns, event) = reader
            .read_resolved_event_into(&mut buf)
            .map_err(|e| xml_error(PART, e))?;
        let word = vocab(&ns) == Vocab::Word;
        match event {
            Event::Start(e) if word => match e.local_name().as_ref() {
                b"style" => {
                    current = attr(&e, b"styleId")
                        .filter(|_| attr(&e, b"type").is_none_or(|t| t == "paragraph"))
                        .map(|id| (id, StyleNum::default()));
                }
                b"basedOn" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.based_on = attr(&e, b"val");
                    }
                }
                b"numId" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.num_id = attr(&e, b"val");
                    }
                }
                b"ilvl" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.ilvl = parse_index(attr(&e, b"val"));
                    }
                }
                b"pPrChange" | b"rPrChange" => {
                    let end = e.name().as_ref().to_vec();
                    reader
                        .read_to_end_into(quick_xml::name::QName(&end), &mut Vec::new())
                        .map_err(|e| xml_error(PART, e))?;
                }
                _ => {}
            },
            Event::End(e) if word && e.local_name().as_ref() == b"style" => {
                if let Some((id, s)) = current.take() {
                    styles.insert(id, s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(styles)
}

// ---- numbering state --------------------------------------------------------------------

/// Numbering definitions plus the running counters of each abstract list.
struct Numbers<'a> {
    numbering: &'a Numbering,
    styles: &'a HashMap<String, StyleNum>,
    counters: std::cell::RefCell<HashMap<String, [Option<u32>; LEVELS]>>,
    started_nums: std::cell::RefCell<HashSet<String>>,
}

impl<'a> Numbers<'a> {
    fn new(numbering: &'a Numbering, styles: &'a HashMap<String, StyleNum>) -> Self {
        Numbers {
            numbering,
            styles,
            counters: Default::default(),
            started_nums: Default::default(),
        }
    }

    /// The numbering of a paragraph: direct `numPr` first, then the style chain.
    fn resolve(
        &self,
        num_id: Option<&str>,
        ilvl: Option<usize>,
        style: Option<&str>,
    ) -> Option<(String, usize)> {
        let mut num_id = num_id.map(str::to_string);
        let mut ilvl = ilvl;
        let mut style_id = style.map(str::to_string);
        let mut from_style: Option<String> = None;
        let mut hops = 0;
        while let (None, Some(id)) = (&num_id, style_id.take()) {
            hops += 1;
            if hops > 16 {
                break;
            }
            let Some(s) = self.styles.get(&id) else { break };
            if s.num_id.is_some() {
                num_id = s.num_id.clone();
                ilvl = ilvl.or(s.ilvl);
                from_style = Some(id.clone());
            }
            style_id = s.based_on.clone();
        }
        let num_id = num_id?;
        if num_id.trim() == "0" {
            return None;
        }
        let ilvl = match ilvl {
            Some(i) => i,
            // A heading style linked from a level (`w:lvl/w:pStyle`) takes that level.
            None => from_style
                .and_then(|sid| {
                    let num = self.numbering.nums.get(&num_id)?;
                    let levels = self.numbering.abstracts.get(&num.abstract_id)?;
                    levels
                        .iter()
                        .position(|l| l.style.as_deref() == Some(sid.as_str()))
                })
                .unwrap_or(0),
        };
        Some((num_id, ilvl.min(LEVELS - 1)))
    }

    /// Advances the counter of (`num_id`, `ilvl`) and returns the marker text to draw.
    fn next_marker(&self, num_id: &str, ilvl: usize) -> String {
        let Some(num) = self.numbering.nums.get(num_id) else {
            return String::new();
        };
        let Some(abstract_levels) = self.numbering.abstracts.get(&num.abstract_id) else {
            return String::new();
        };
        let level_def = |i: usize| {
            num.level_override[i]
                .as_ref()
                .unwrap_or(&abstract_levels[i])
        };
        let start = |i: usize| num.start_override[i].or(level_def(i).start).unwrap_or(1);
        let mut counters = self.counters.borrow_mut();
        let values = counters.entry(num.abstract_id.clone()).or_default();
        if self.started_nums.borrow_mut().insert(num_id.to_string()) {
            for (value, start) in values.iter_mut().zip(&num.start_override) {
                if start.is_some() {
                    *value = None;
                }
            }
        }
        values[ilvl] = Some(match values[ilvl] {
            Some(v) => v.saturating_add(1),
            None => start(ilvl),
        });
        for (j, value) in values.iter_mut().enumerate().skip(ilvl + 1) {
            // Level j restarts when a level before index `restart` (1-based) is used.
            let restart = level_def(j).restart.unwrap_or(j);
            if ilvl < restart {
                *value = None;
            }
        }
        let current = level_def(ilvl);
        if current.format == "none" {
            return String::new();
        }
        let template = current.text.clone().unwrap_or_default();
        if current.format == "bullet" {
            // Symbol-font bullets are private-use characters that mean nothing as text.
            return template
                .chars()
                .filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c))
                .collect::<String>()
                + numfmt::suffix(current.suffix.as_deref() == Some("nothing"), &template);
        }
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=LEVELS as u32).contains(&d) => {
                    chars.next();
                    let i = d as usize - 1;
                    let value = values[i].unwrap_or_else(|| start(i));
                    let format = if current.legal {
                        "decimal"
                    } else {
                        level_def(i).format.as_str()
                    };
                    out.push_str(&numfmt::format_number(value, format));
                }
                _ => out.push(c),
            }
        }
        let suff = numfmt::suffix(current.suffix.as_deref() == Some("nothing"), &out);
        out + suff
    }
}

// ---- the body ---------------------------------------------------------------------------

/// A paragraph being read.
#[derive(Default)]
struct Paragraph {
    text: String,
    num_id: Option<String>,
    ilvl: Option<usize>,
    style: Option<String>,
}

/// Elements whose whole content is skipped (see the module docs).
const SKIPPED: &[&[u8]] = &[
    b"del",
    b"moveFrom",
    b"pPrChange",
    b"rPrChange",
    b"sectPrChange",
    b"tblPrChange",
    b"trPrChange",
    b"tcPrChange",
    b"numberingChange",
    b"instrText",
    b"delInstrText",
];

fn render_document(bytes: &[u8], numbers: &Numbers<'_>) -> Result<String, DocxError> {
    const PART: &str = "word/document.xml";
    let bytes = utf8_part(bytes);
    let mut reader = xml_reader(&bytes);
    let mut buf = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    // Nested paragraphs happen in text boxes; the innermost is written first.
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut in_ppr = 0usize;
    let mut in_t = false;
    let mut table_depth = 0usize;
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    loop {
        let (ns, event) = reader
            .read_resolved_event_into(&mut buf)
            .map_err(|e| xml_error(PART, e))?;
        let v = vocab(&ns);
        match event {
            Event::Start(e) if v == Vocab::Compat && e.local_name().as_ref() == b"Fallback" => {
                let end = e.name().as_ref().to_vec();
                reader
                    .read_to_end_into(quick_xml::name::QName(&end), &mut Vec::new())
                    .map_err(|e| xml_error(PART, e))?;
            }
            Event::Start(e) if v == Vocab::Word => {
                let local = e.local_name();
                let local = local.as_ref();
                if SKIPPED.contains(&local) {
                    let end = e.name().as_ref().to_vec();
                    reader
                        .read_to_end_into(quick_xml::name::QName(&end), &mut Vec::new())
                        .map_err(|e| xml_error(PART, e))?;
                    buf.clear();
                    continue;
                }
                let para = paragraphs.last_mut();
                match (local, para) {
                    (b"p", _) => paragraphs.push(Paragraph::default()),
                    (b"pPr", _) => in_ppr += 1,
                    (b"pStyle", Some(p)) if in_ppr > 0 => p.style = attr(&e, b"val"),
                    (b"numId", Some(p)) if in_ppr > 0 => p.num_id = attr(&e, b"val"),
                    (b"ilvl", Some(p)) if in_ppr > 0 => p.ilvl = parse_index(attr(&e, b"val")),
                    (b"t", _) => in_t = true,
                    (b"tab" | b"ptab", Some(p)) if in_ppr == 0 => p.text.push('\t'),
                    (b"br" | b"cr", Some(p)) if in_ppr == 0 => p.text.push('\n'),
                    (b"noBreakHyphen", Some(p)) if in_ppr == 0 => p.text.push('-'),
                    (b"tbl", _) => table_depth += 1,
                    _ => {}
                }
            }
            Event::End(e) if v == Vocab::Word => match e.local_name().as_ref() {
                b"pPr" => in_ppr = in_ppr.saturating_sub(1),
                b"t" => in_t = false,
                b"p" => {
                    let Some(p) = paragraphs.pop() else {
                        buf.clear();
                        continue;
                    };
                    let marker = numbers
                        .resolve(p.num_id.as_deref(), p.ilvl, p.style.as_deref())
                        .map(|(id, ilvl)| numbers.next_marker(&id, ilvl))
                        .unwrap_or_default();
                    let text = marker + &p.text;
                    // A text box inside a paragraph gets its own line, before the paragraph.
                    if table_depth == 0 {
                        lines.push(text);
                    } else {
                        let text = text.replace('\n', " ");
                        if !cell.is_empty() && !text.trim().is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(text.trim());
                    }
                }
                b"tc" if table_depth == 1 => row.push(std::mem::take(&mut cell)),
                b"tc" | b"tr" if table_depth > 1 && !cell.is_empty() && !cell.ends_with(' ') => {
                    cell.push(' ');
                }
                b"tr" if table_depth == 1 => {
                    let cells = std::mem::take(&mut row);
                    if cells.iter().any(|c| !c.trim().is_empty()) {
                        lines.push(cells.join("\t"));
                    }
                }
                b"tbl" => {
                    table_depth = table_depth.saturating_sub(1);
                    if table_depth == 0 {
                        row.clear();
                        cell.clear();
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_t => {
                if let Some(p) = paragraphs.last_mut() {
                    p.text
                        .push_str(&t.decode().map_err(|e| xml_error(PART, e))?);
                }
            }
            Event::CData(t) if in_t => {
                if let Some(p) = paragraphs.last_mut() {
                    p.text
                        .push_str(&t.decode().map_err(|e| xml_error(PART, e))?);
                }
            }
            Event::GeneralRef(r) if in_t => {
                if let Some(p) = paragraphs.last_mut() {
                    let c = super::inflate::reference_char(&r);
                    p.text.extend(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    // An unterminated document still gives what was read.
    while let Some(p) = paragraphs.pop() {
        lines.push(p.text);
    }
    Ok(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_zip() {
        assert_eq!(to_text(b""), Err(DocxError::NotZip));
        assert_eq!(to_text(b"\xD0\xCF\x11\xE0"), Err(DocxError::NotZip));
        assert!(matches!(
            to_text(b"PK\x03\x04 truncated"),
            Err(DocxError::Corrupt(_))
        ));
    }

    #[test]
    fn every_error_has_both_messages() {
        let errors = [
            DocxError::NotZip,
            DocxError::NotDocx,
            DocxError::Encrypted,
            DocxError::Corrupt("x".into()),
            DocxError::UnsupportedCompression("bzip2".into()),
            DocxError::TooLarge { limit_mb: 50 },
            DocxError::SuspiciousRatio { max_ratio: 100 },
            DocxError::Xml {
                part: "word/document.xml",
                detail: "x".into(),
            },
        ];
        for e in errors {
            assert!(!e.to_string().is_empty());
            assert!(e
                .message_zh()
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        }
    }

    fn render(document_body: &str, numbering: &str) -> String {
        let doc = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:body>{document_body}</w:body></w:document>"#
        );
        let num = format!(
            r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{numbering}</w:numbering>"#
        );
        let numbering = parse_numbering(num.as_bytes()).unwrap();
        let styles = HashMap::new();
        render_document(doc.as_bytes(), &Numbers::new(&numbering, &styles)).unwrap()
    }

    const OUTLINE_NUMBERING: &str = r#"<w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3.%4"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>"#;

    fn p(num: Option<(u32, u32)>, text: &str) -> String {
        let ppr = num.map_or(String::new(), |(id, lvl)| {
            format!(r#"<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#)
        });
        format!("<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    #[test]
    fn numbering_markers() {
        let body = [
            p(Some((1, 0)), "组织领导"),
            p(Some((1, 1)), "坚持党的领导"),
            p(Some((1, 1)), "完善制度"),
            p(Some((1, 2)), "第一点"),
            p(Some((1, 3)), "细目"),
            p(None, "正文。"),
            p(Some((1, 0)), "依法行政"),
            p(Some((1, 1)), "下级重新从一开始"),
            p(Some((1, 0)), "继续"),
            p(Some((2, 0)), "另一实例从五开始"),
            p(Some((0, 0)), "numId 0 是不编号"),
            p(Some((9, 0)), "未定义的编号"),
        ]
        .concat();
        let text = render(&body, OUTLINE_NUMBERING);
        let want =
            "一、组织领导\n（一）坚持党的领导\n（二）完善制度\n1. 第一点\n1.1 细目\n正文。\n\
                    二、依法行政\n（一）下级重新从一开始\n三、继续\n五、另一实例从五开始\n\
                    numId 0 是不编号\n未定义的编号";
        assert_eq!(text, want);
    }

    #[test]
    fn runs_breaks_tables_and_skipped_content() {
        // (body, expected text, reason)
        let rows: &[(&str, &str, &str)] = &[
            (
                "<w:p><w:r><w:t>甲</w:t></w:r><w:r><w:t xml:space=\"preserve\"> 乙</w:t></w:r></w:p>",
                "甲 乙",
                "runs join without separators",
            ),
            (
                "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>列</w:t></w:r></w:p>",
                "第一行\n第二行\t列",
                "w:br is a line break, w:tab a tab",
            ),
            (
                "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr><w:r><w:t>A</w:t></w:r></w:p>",
                "A",
                "tab stops in pPr are not tabs",
            ),
            (
                "<w:p><w:r><w:t>a &amp; b &#x4e00;&#19968;</w:t></w:r></w:p>",
                "a & b 一一",
                "entities and character references",
            ),
            (
                "<w:p><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins><w:r><w:t>新增</w:t></w:r></w:ins></w:p>",
                "新增",
                "tracked deletions are dropped, insertions kept",
            ),
            (
                "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数值</w:t></w:r></w:p></w:tc></w:tr>\
                 <w:tr><w:tc><w:p><w:r><w:t>办结率</w:t></w:r></w:p><w:p><w:r><w:t>（%）</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>100%</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
                "指标\t数值\n办结率 （%）\t100%",
                "table rows are lines, cells tab-separated, cell paragraphs space-joined",
            ),
            (
                "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>",
                "文本框\n正文",
                "a text box once, not twice (mc:Fallback skipped)",
            ),
            (
                "<w:p><w:r><a:p><a:r><a:t>图形</a:t></a:r></a:p><w:t>字</w:t></w:r></w:p>",
                "字",
                "DrawingML a:p/a:t are not WordprocessingML",
            ),
            ("<w:p/><w:p></w:p>", "\n", "empty paragraphs are empty lines"),
        ];
        for (body, want, why) in rows {
            assert_eq!(render(body, ""), *want, "{why}");
        }
    }

    #[test]
    fn malformed_xml_is_an_error_not_a_panic() {
        let numbering = Numbering::default();
        let styles = HashMap::new();
        let numbers = Numbers::new(&numbering, &styles);
        for doc in [
            &b"<w:document><w:body><w:p></w:body"[..],
            b"<\xff\xfe",
            b"<a><b></a>",
            b"",
        ] {
            let _ = render_document(doc, &numbers);
        }
        assert!(parse_numbering(b"<w:numbering><w:abstractNum w:abstractNumId=\"1\">").is_ok());
    }
}
