//! OFD (GB/T 33190-2016, China's fixed-layout format for electronic documents) → positioned
//! text runs → paragraphs through [`super::layout`], the step PDF uses too.
//!
//! ```
//! use report_lens::input::ofd::{to_text, OfdError};
//! assert_eq!(to_text(b"not a zip"), Err(OfdError::NotZip));
//! ```
//!
//! ## What is read
//! The package is a zip (opened with the `zip` crate, inflate only) whose XML parts are read
//! with `quick-xml`; elements are matched by local name, since writers bind the OFD
//! vocabulary to different namespace URIs (`http://www.ofdspec.org/2016`, and others).
//! * `OFD.xml` → the first `DocBody`'s `DocRoot` (e.g. `Doc_0/Document.xml`). Further
//!   documents of a multi-document package are not read.
//! * `Document.xml` → `CommonData/PageArea` (the default page box) and `Pages/Page@BaseLoc`
//!   in the document's order (not the zip's). Locations are resolved against the part that
//!   names them, or against the package root when they start with `/`.
//! * each page's `Content.xml` → the page box (`Page/Area` or, as some writers put it,
//!   `Content/PageArea`: `ApplicationBox`, else `PhysicalBox`; millimetres, converted to
//!   points) and every `TextObject` in its `Layer`s and `PageBlock`s: `Boundary` (origin),
//!   `CTM` (object → boundary space), `Size` (font size; `size` accepted), and its
//!   `TextCode`s: `X`, `Y` (start of the code's first glyph), `DeltaX`/`DeltaY` (the advances
//!   between glyphs, including the `g N d` form: N times `d`; missing advances are an em for
//!   CJK and half an em for ASCII), the text. Glyphs on one
//!   baseline become one [`Run`] (a code with `DeltaY` has one run per baseline; a horizontal
//!   gap over four font sizes also starts a new run).
//!
//! Not read: templates (`Template`/`TemplatePage`: page furniture), annotations
//! (`Annotations.xml`), signatures (`Signs`), attachments, custom tags; `CGTransform` glyph
//! mappings (the `TextCode` text is already Unicode); rotation in a `CTM` moves the first
//! glyph but the run stays horizontal.
//!
//! ## Limits (zip and XML bombs, damaged files)
//! * at most [`MAX_PART_BYTES`] inflated per part and [`MAX_TOTAL_BYTES`] for the package,
//!   whatever the headers claim; past [`RATIO_FLOOR_BYTES`] a part may not inflate more than
//!   [`MAX_RATIO`] times its compressed size;
//! * at most [`MAX_DEPTH`] nested elements and [`MAX_ELEMENTS`] elements in all parts, at most
//!   [`MAX_PAGES`] pages; quick-xml expands no custom entities, so an entity bomb is only text.
//!
//! Each limit ends the reading with its own [`OfdError`], in time linear in the bytes read.
//! A package whose pages hold no text (a scan) gets [`OfdError::NoText`].
//!
//! ## Size
//! Measured like [`super::doc`]'s (wasm32 `cdylib`, `opt-level = "z"`, LTO, wasm-bindgen,
//! wasm-opt `-Oz`), gzipped: next to the `.docx` reader, which already brings `zip`,
//! `flate2` and `quick-xml`, the `ofd` feature adds 22 KB (97.7 → 119.6 KB: this module,
//! float parsing, the layout step); on its own 84 KB. `doc` and `ofd` together add 60 KB to
//! the `.docx` reader.

use std::collections::HashMap;
use std::fmt;
use std::io::Cursor;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use zip::result::ZipError;
use zip::ZipArchive;

use super::layout::{self, Page, Run};

/// Largest inflated part (a page's `Content.xml` is tens of kilobytes).
pub const MAX_PART_BYTES: u64 = 16 * 1024 * 1024;
/// Largest inflated total of all parts read.
pub const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;
/// Largest ratio of inflated to compressed size, checked past [`RATIO_FLOOR_BYTES`].
pub const MAX_RATIO: u64 = 100;
/// Parts smaller than this are never refused for their ratio.
pub const RATIO_FLOOR_BYTES: u64 = 1024 * 1024;
/// Deepest element nesting accepted.
pub const MAX_DEPTH: usize = 256;
/// Most elements read in all parts together.
pub const MAX_ELEMENTS: usize = 2_000_000;
/// Most pages read.
pub const MAX_PAGES: usize = 20_000;

/// Millimetres → points.
const PT_PER_MM: f32 = 72.0 / 25.4;

/// Why an OFD could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfdError {
    /// Not a zip archive.
    NotZip,
    /// A zip archive without `OFD.xml`.
    NotOfd,
    /// A part named by another is missing (e.g. the document root).
    MissingPart(String),
    /// Encrypted zip entries.
    Encrypted,
    /// The archive is damaged.
    Corrupt(String),
    /// More than [`MAX_PART_BYTES`] in one part or [`MAX_TOTAL_BYTES`] in all.
    TooLarge {
        /// The limit in megabytes.
        limit_mb: u64,
    },
    /// A part inflates more than [`MAX_RATIO`] times its compressed size.
    SuspiciousRatio {
        /// The limit.
        max_ratio: u64,
    },
    /// Elements nested deeper than [`MAX_DEPTH`], or more than [`MAX_ELEMENTS`] elements or
    /// [`MAX_PAGES`] pages.
    TooComplex {
        /// What was over its limit (`"nesting"`, `"elements"`, `"pages"`).
        what: &'static str,
        /// The limit.
        limit: usize,
    },
    /// A part is not well-formed XML.
    Xml {
        /// The part's path in the package.
        part: String,
        /// What the XML parser said.
        detail: String,
    },
    /// The pages hold no text objects (a scanned document).
    NoText {
        /// Pages read.
        pages: usize,
    },
}

impl OfdError {
    /// The message for the user, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            OfdError::NotZip => "不是有效的 OFD 文件（不是 zip 压缩包）。".into(),
            OfdError::NotOfd => "压缩包中没有 OFD.xml，不是 OFD 版式文件。".into(),
            OfdError::MissingPart(p) => format!("OFD 文件不完整，缺少 {p}。请重新导出 OFD，或复制文字后粘贴。"),
            OfdError::Encrypted => "OFD 文件已加密，无法读取。请取消加密后重新导出，或复制文字后粘贴。".into(),
            OfdError::Corrupt(d) => format!("OFD 文件已损坏，无法解压（{d}）。请重新导出，或复制文字后粘贴。"),
            OfdError::TooLarge { limit_mb } => format!("OFD 解压后超过 {limit_mb} MB，疑似压缩炸弹或并非报告，已停止读取。"),
            OfdError::SuspiciousRatio { max_ratio } => format!("OFD 中的文件压缩比异常（超过 {max_ratio} 倍），疑似压缩炸弹，已停止读取。"),
            OfdError::TooComplex { what, limit } => format!("OFD 内容结构异常（{} 超过 {limit}），疑似恶意构造的文件，已停止读取。", match *what {
                "nesting" => "元素嵌套层数",
                "elements" => "元素数量",
                _ => "页数",
            }),
            OfdError::Xml { part, detail } => format!("OFD 中的 {part} 不是有效的 XML：{detail}。请重新导出，或复制文字后粘贴。"),
            OfdError::NoText { pages } => format!("OFD 共 {pages} 页，但没有文字层（可能是扫描件），需要先做文字识别，或复制文字后粘贴。"),
        }
    }
}

impl fmt::Display for OfdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OfdError::NotZip => write!(f, "not an OFD (not a zip archive)"),
            OfdError::NotOfd => write!(f, "a zip archive without OFD.xml, not an OFD document"),
            OfdError::MissingPart(p) => write!(f, "the OFD is incomplete: {p} is missing"),
            OfdError::Encrypted => write!(f, "the OFD package is encrypted"),
            OfdError::Corrupt(d) => write!(f, "the OFD is damaged ({d})"),
            OfdError::TooLarge { limit_mb } => write!(f, "the OFD inflates to more than {limit_mb} MB (zip bomb?); refused"),
            OfdError::SuspiciousRatio { max_ratio } => write!(f, "a part of the OFD inflates more than {max_ratio} times its compressed size (zip bomb?); refused"),
            OfdError::TooComplex { what, limit } => write!(f, "the OFD's XML is over its {what} limit ({limit}); refused"),
            OfdError::Xml { part, detail } => write!(f, "{part} in the OFD is not well-formed XML: {detail}"),
            OfdError::NoText { pages } => write!(f, "the OFD's {pages} pages have no text layer (a scan?); run OCR first or paste the text"),
        }
    }
}

impl std::error::Error for OfdError {}

fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Whether `bytes` are a zip package with an `OFD.xml` entry.
pub fn is_ofd(bytes: &[u8]) -> bool {
    is_zip(bytes)
        && ZipArchive::new(Cursor::new(bytes))
            .is_ok_and(|a| a.file_names().any(|n| n.eq_ignore_ascii_case("OFD.xml")))
}

/// Extracts an OFD's text in reading order: one line per paragraph.
pub fn to_text(bytes: &[u8]) -> Result<String, OfdError> {
    Ok(layout::to_text(&to_pages(bytes)?))
}

/// Reads an OFD's pages as positioned text (points, origin top-left).
pub fn to_pages(bytes: &[u8]) -> Result<Vec<Page>, OfdError> {
    if !is_zip(bytes) {
        return Err(OfdError::NotZip);
    }
    let archive = ZipArchive::new(Cursor::new(bytes)).map_err(from_zip_error)?;
    let mut names = HashMap::new();
    for name in archive.file_names() {
        names.insert(name.to_string(), name.to_string());
        names
            .entry(name.to_ascii_lowercase())
            .or_insert_with(|| name.to_string());
    }
    let mut package = Package {
        names,
        archive,
        budget: MAX_TOTAL_BYTES,
        elements: 0,
    };
    let root = package.part("OFD.xml")?.ok_or(OfdError::NotOfd)?;
    let doc_root = first_text(&mut package, "OFD.xml", &root, b"DocRoot")?
        .ok_or_else(|| OfdError::MissingPart("DocRoot".into()))?;
    let doc_path = resolve("OFD.xml", &doc_root);
    let document = package
        .part(&doc_path)?
        .ok_or_else(|| OfdError::MissingPart(doc_path.clone()))?;
    let (default_box, page_locs) = read_document(&mut package, &doc_path, &document)?;
    let mut pages = Vec::with_capacity(page_locs.len());
    let mut objects = 0usize;
    for loc in page_locs {
        let path = resolve(&doc_path, &loc);
        let Some(content) = package.part(&path)? else {
            continue;
        };
        let (page, text_objects) = read_page(&mut package, &path, &content, default_box)?;
        objects += text_objects;
        pages.push(page);
    }
    if objects == 0 {
        return Err(OfdError::NoText { pages: pages.len() });
    }
    Ok(pages)
}

// ---- the package ----------------------------------------------------------------------------

struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Entry names by themselves and by their lower-case form (exact names win).
    names: HashMap<String, String>,
    budget: u64,
    elements: usize,
}

fn from_zip_error(e: ZipError) -> OfdError {
    match e {
        ZipError::UnsupportedArchive(m) if m == ZipError::PASSWORD_REQUIRED => OfdError::Encrypted,
        ZipError::InvalidPassword => OfdError::Encrypted,
        ZipError::InvalidArchive(m) => OfdError::Corrupt(m.into_owned()),
        ZipError::Io(e) => OfdError::Corrupt(e.to_string()),
        other => OfdError::Corrupt(other.to_string()),
    }
}

impl Package<'_> {
    /// Inflates one part through the size and ratio limits; `Ok(None)` when it does not exist.
    fn part(&mut self, path: &str) -> Result<Option<Vec<u8>>, OfdError> {
        let Some(name) = self
            .names
            .get(path)
            .or_else(|| self.names.get(&path.to_ascii_lowercase()))
            .cloned()
        else {
            return Ok(None);
        };
        let mut file = match self.archive.by_name(&name) {
            Ok(f) => f,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(from_zip_error(e)),
        };
        if file.encrypted() {
            return Err(OfdError::Encrypted);
        }
        let limit = MAX_PART_BYTES.min(self.budget);
        let too_large = OfdError::TooLarge {
            limit_mb: if limit < MAX_PART_BYTES {
                MAX_TOTAL_BYTES
            } else {
                MAX_PART_BYTES
            } / 1024
                / 1024,
        };
        let bad_ratio = OfdError::SuspiciousRatio {
            max_ratio: MAX_RATIO,
        };
        let limits = super::inflate::Limits {
            limit,
            ratio_floor: RATIO_FLOOR_BYTES,
            max_ratio: MAX_RATIO,
            reserve: 1024 * 1024,
        };
        let (compressed, declared) = (file.compressed_size(), file.size());
        let out = super::inflate::read_entry(&mut file, compressed, declared, &limits).map_err(
            |stop| match stop {
                super::inflate::Stop::TooLarge => too_large,
                super::inflate::Stop::Ratio => bad_ratio,
                super::inflate::Stop::Corrupt(e) => OfdError::Corrupt(e),
            },
        )?;
        self.budget -= out.len() as u64;
        Ok(Some(out))
    }
}

/// Resolves `loc` against the part `base` that names it (`/` = the package root).
fn resolve(base: &str, loc: &str) -> String {
    let loc = loc.trim().replace('\\', "/");
    let mut parts: Vec<&str> = Vec::new();
    if !loc.starts_with('/') {
        parts.extend(base.split('/'));
        parts.pop();
    }
    for seg in loc.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

// ---- XML --------------------------------------------------------------------------------

/// A pull parser over one part that enforces the depth and element limits.
struct Xml<'p, 'b> {
    reader: Reader<&'b [u8]>,
    part: &'p str,
    depth: usize,
}

/// What the walker reports.
enum Node<'b> {
    Start(BytesStart<'b>),
    End(Vec<u8>),
    Text(String),
}

impl<'p, 'b> Xml<'p, 'b> {
    fn new(part: &'p str, bytes: &'b [u8]) -> Self {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = Reader::from_reader(bytes);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = false;
        Xml {
            reader,
            part,
            depth: 0,
        }
    }

    fn error(&self, e: impl fmt::Display) -> OfdError {
        OfdError::Xml {
            part: self.part.to_string(),
            detail: e.to_string(),
        }
    }

    /// The next element start, end or text; `None` at the end.
    fn next(&mut self, elements: &mut usize) -> Result<Option<Node<'b>>, OfdError> {
        loop {
            let event = self.reader.read_event().map_err(|e| self.error(e))?;
            return Ok(Some(match event {
                Event::Start(e) => {
                    self.depth += 1;
                    *elements += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(OfdError::TooComplex {
                            what: "nesting",
                            limit: MAX_DEPTH,
                        });
                    }
                    if *elements > MAX_ELEMENTS {
                        return Err(OfdError::TooComplex {
                            what: "elements",
                            limit: MAX_ELEMENTS,
                        });
                    }
                    Node::Start(e)
                }
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    Node::End(e.local_name().as_ref().to_vec())
                }
                Event::Text(t) => Node::Text(t.decode().map_err(|e| self.error(e))?.into_owned()),
                Event::CData(t) => Node::Text(t.decode().map_err(|e| self.error(e))?.into_owned()),
                Event::GeneralRef(r) => {
                    let c = super::inflate::reference_char(&r);
                    Node::Text(c.map(String::from).unwrap_or_default())
                }
                Event::Eof => return Ok(None),
                _ => continue,
            }));
        }
    }
}

/// The value of the attribute with local name `local`.
fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local).then(|| {
            let raw = String::from_utf8_lossy(&a.value);
            quick_xml::escape::unescape(&raw).map_or_else(|_| raw.to_string(), |v| v.into_owned())
        })
    })
}

/// The text of the first element with local name `local`.
fn first_text(
    package: &mut Package<'_>,
    part: &str,
    bytes: &[u8],
    local: &[u8],
) -> Result<Option<String>, OfdError> {
    let mut xml = Xml::new(part, bytes);
    let mut inside = false;
    let mut text = String::new();
    while let Some(node) = xml.next(&mut package.elements)? {
        match node {
            Node::Start(e) if e.local_name().as_ref() == local => inside = true,
            Node::Text(t) if inside => text.push_str(&t),
            Node::End(name) if inside && name == local => return Ok(Some(text.trim().into())),
            _ => {}
        }
    }
    Ok(None)
}

/// Numbers in an attribute or element (`"0 0 210 297"`).
fn numbers(s: &str) -> Vec<f32> {
    s.split_ascii_whitespace()
        .filter_map(|t| t.parse::<f32>().ok())
        .filter(|v| v.is_finite())
        .collect()
}

/// A page box: `[x, y, width, height]` in millimetres.
type PageBox = [f32; 4];

/// Largest page side accepted, in millimetres (larger boxes are ignored).
const MAX_PAGE_MM: f32 = 100_000.0;

fn page_box(s: &str) -> Option<PageBox> {
    let side = |v: f32| v > 0.0 && v <= MAX_PAGE_MM;
    match numbers(s)[..] {
        [x, y, w, h] if side(w) && side(h) => Some([x, y, w, h]),
        _ => None,
    }
}

/// Boxes met while reading: the application box wins over the physical box.
#[derive(Default)]
struct Boxes {
    physical: Option<PageBox>,
    application: Option<PageBox>,
}

impl Boxes {
    fn read(&mut self, local: &[u8], text: &str) {
        match local {
            b"PhysicalBox" => self.physical = self.physical.or(page_box(text)),
            b"ApplicationBox" => self.application = self.application.or(page_box(text)),
            _ => {}
        }
    }

    fn best(&self) -> Option<PageBox> {
        self.application.or(self.physical)
    }
}

/// `Document.xml`: the default page box and the pages' locations in order.
fn read_document(
    package: &mut Package<'_>,
    part: &str,
    bytes: &[u8],
) -> Result<(Option<PageBox>, Vec<String>), OfdError> {
    let mut xml = Xml::new(part, bytes);
    let mut boxes = Boxes::default();
    let mut in_pages = false;
    let mut in_box: Option<Vec<u8>> = None;
    let mut text = String::new();
    let mut locs = Vec::new();
    while let Some(node) = xml.next(&mut package.elements)? {
        match node {
            Node::Start(e) => match e.local_name().as_ref() {
                b"Pages" => in_pages = true,
                b"Page" if in_pages => {
                    if let Some(loc) = attr(&e, b"BaseLoc") {
                        if locs.len() >= MAX_PAGES {
                            return Err(OfdError::TooComplex {
                                what: "pages",
                                limit: MAX_PAGES,
                            });
                        }
                        locs.push(loc);
                    }
                }
                l @ (b"PhysicalBox" | b"ApplicationBox") => {
                    in_box = Some(l.to_vec());
                    text.clear();
                }
                _ => {}
            },
            Node::Text(t) if in_box.is_some() => text.push_str(&t),
            Node::End(name) => {
                if name == b"Pages" {
                    in_pages = false;
                }
                if in_box.as_deref() == Some(&name[..]) {
                    boxes.read(&name, &text);
                    in_box = None;
                }
            }
            _ => {}
        }
    }
    Ok((boxes.best(), locs))
}

// ---- page content -------------------------------------------------------------------------

/// An affine transform `[a b c d e f]`: `x' = a·x + c·y + e`, `y' = b·x + d·y + f`.
type Ctm = [f32; 6];
const IDENTITY: Ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// A `TextObject` being read.
struct TextObject {
    origin: (f32, f32),
    ctm: Ctm,
    /// Font size in millimetres, before the CTM.
    size: f32,
}

/// A `TextCode` being read.
struct TextCode {
    x: Option<f32>,
    y: Option<f32>,
    delta_x: String,
    delta_y: String,
    text: String,
}

/// `DeltaX`/`DeltaY`: advances between glyphs, `g N d` meaning N times `d`; at most `max`.
pub fn parse_deltas(s: &str, max: usize) -> Vec<f32> {
    let mut out = Vec::new();
    let mut tokens = s.split_ascii_whitespace();
    while out.len() < max {
        let Some(t) = tokens.next() else { break };
        if t == "g" {
            let (Some(n), Some(d)) = (
                tokens.next().and_then(|n| n.parse::<usize>().ok()),
                tokens.next().and_then(|d| d.parse::<f32>().ok()),
            ) else {
                break;
            };
            let n = n.min(max - out.len());
            out.extend(std::iter::repeat_n(if d.is_finite() { d } else { 0.0 }, n));
        } else if let Ok(d) = t.parse::<f32>() {
            out.push(if d.is_finite() { d } else { 0.0 });
        } else {
            break;
        }
    }
    out
}

/// Reads one page's `Content.xml`: the page and how many text objects it had.
fn read_page(
    package: &mut Package<'_>,
    part: &str,
    bytes: &[u8],
    default_box: Option<PageBox>,
) -> Result<(Page, usize), OfdError> {
    let mut xml = Xml::new(part, bytes);
    let mut boxes = Boxes::default();
    let mut in_box: Option<Vec<u8>> = None;
    let mut box_text = String::new();
    let mut object: Option<TextObject> = None;
    let mut code: Option<TextCode> = None;
    let mut runs = Vec::new();
    let mut objects = 0usize;
    // `X`/`Y` of a TextCode without them continue from the previous code's end.
    let mut pen = (0.0f32, 0.0f32);
    while let Some(node) = xml.next(&mut package.elements)? {
        match node {
            Node::Start(e) => match e.local_name().as_ref() {
                l @ (b"PhysicalBox" | b"ApplicationBox") => {
                    in_box = Some(l.to_vec());
                    box_text.clear();
                }
                b"TextObject" => {
                    objects += 1;
                    let boundary = attr(&e, b"Boundary")
                        .map(|b| numbers(&b))
                        .unwrap_or_default();
                    let ctm = match attr(&e, b"CTM").map(|c| numbers(&c)).as_deref() {
                        Some(&[a, b, c, d, e, f]) => [a, b, c, d, e, f],
                        _ => IDENTITY,
                    };
                    let size = attr(&e, b"Size")
                        .or_else(|| attr(&e, b"size"))
                        .and_then(|s| s.trim().parse::<f32>().ok())
                        .filter(|s| s.is_finite() && *s > 0.0)
                        .unwrap_or(3.5);
                    object = Some(TextObject {
                        origin: (
                            boundary.first().copied().unwrap_or(0.0),
                            boundary.get(1).copied().unwrap_or(0.0),
                        ),
                        ctm,
                        size,
                    });
                    pen = (0.0, 0.0);
                }
                b"TextCode" if object.is_some() => {
                    let num = |n: &[u8]| attr(&e, n).and_then(|v| v.trim().parse::<f32>().ok());
                    code = Some(TextCode {
                        x: num(b"X").filter(|v| v.is_finite()),
                        y: num(b"Y").filter(|v| v.is_finite()),
                        delta_x: attr(&e, b"DeltaX").unwrap_or_default(),
                        delta_y: attr(&e, b"DeltaY").unwrap_or_default(),
                        text: String::new(),
                    });
                }
                _ => {}
            },
            Node::Text(t) => {
                if let Some(c) = code.as_mut() {
                    c.text.push_str(&t);
                } else if in_box.is_some() {
                    box_text.push_str(&t);
                }
            }
            Node::End(name) => match &name[..] {
                b"TextCode" => {
                    if let (Some(c), Some(o)) = (code.take(), object.as_ref()) {
                        pen = code_runs(o, &c, pen, &mut runs);
                    }
                }
                b"TextObject" => object = None,
                l if in_box.as_deref() == Some(l) => {
                    boxes.read(l, &box_text);
                    in_box = None;
                }
                _ => {}
            },
        }
    }
    let [_, _, w, h] = boxes
        .best()
        .or(default_box)
        .unwrap_or([0.0, 0.0, 210.0, 297.0]);
    let page = Page {
        width: w * PT_PER_MM,
        height: h * PT_PER_MM,
        runs,
    };
    Ok((page, objects))
}

/// Turns one `TextCode` into runs (one per baseline, split at wide gaps); returns the pen
/// position after its last glyph, in object space.
fn code_runs(o: &TextObject, c: &TextCode, pen: (f32, f32), runs: &mut Vec<Run>) -> (f32, f32) {
    let chars: Vec<char> = c.text.chars().collect();
    if chars.is_empty() {
        return pen;
    }
    let n = chars.len() - 1;
    let dx = parse_deltas(&c.delta_x, n);
    let dy = parse_deltas(&c.delta_y, n);
    let [a, b, cc, d, e, f] = o.ctm;
    let scale = (a * d - b * cc).abs().sqrt();
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
    let size_pt = o.size * scale * PT_PER_MM;
    let to_page = |x: f32, y: f32| {
        (
            (a * x + cc * y + e + o.origin.0) * PT_PER_MM,
            (b * x + d * y + f + o.origin.1) * PT_PER_MM,
        )
    };
    // Without DeltaX a glyph advances by its font's width: an em for CJK, half for ASCII.
    let advance = |ch: char, em: f32| if ch.is_ascii() { em * 0.5 } else { em };
    let (mut x, mut y) = (c.x.unwrap_or(pen.0), c.y.unwrap_or(pen.1));
    let mut current: Option<Run> = None;
    let mut last_x = 0.0f32;
    let mut last_char = ' ';
    for (i, &ch) in chars.iter().enumerate() {
        let (px, py) = to_page(x, y);
        if !px.is_finite() || !py.is_finite() {
            break;
        }
        let same_line = current.as_ref().is_some_and(|r| {
            (r.y - py).abs() < size_pt * 0.2
                && px >= last_x
                && px - last_x < size_pt * 4.0 + advance(last_char, size_pt)
        });
        if !same_line {
            if let Some(mut r) = current.take() {
                r.width = last_x + advance(last_char, size_pt) - r.x;
                runs.push(r);
            }
            current = Some(Run {
                x: px,
                y: py,
                width: 0.0,
                size: size_pt,
                text: String::new(),
            });
        }
        if let Some(r) = current.as_mut() {
            r.text.push(ch);
        }
        last_x = px;
        last_char = ch;
        if i < n {
            x += dx.get(i).copied().unwrap_or_else(|| advance(ch, o.size));
            y += dy.get(i).copied().unwrap_or(0.0);
        }
    }
    if let Some(mut r) = current {
        r.width = last_x + advance(last_char, size_pt) - r.x;
        runs.push(r);
    }
    // The next code without X continues one glyph on.
    (x + advance(last_char, o.size), y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deltas() {
        // (attribute, max, expected, reason)
        let rows: &[(&str, usize, &[f32], &str)] = &[
            ("1 2 3", 9, &[1.0, 2.0, 3.0], "plain list"),
            ("g 3 1.5", 9, &[1.5, 1.5, 1.5], "g N d repeats d N times"),
            ("2 g 2 1 4", 9, &[2.0, 1.0, 1.0, 4.0], "g inside a list"),
            (
                "g 1000000000 1",
                2,
                &[1.0, 1.0],
                "a huge N is cut at the glyph count",
            ),
            ("1 x 2", 9, &[1.0], "garbage ends the list"),
            ("g 2", 9, &[], "an incomplete g form is dropped"),
            ("", 3, &[], "no deltas"),
        ];
        for (s, max, want, why) in rows {
            assert_eq!(parse_deltas(s, *max), *want, "{why}");
        }
    }

    #[test]
    fn locations() {
        for (base, loc, want) in [
            ("OFD.xml", "Doc_0/Document.xml", "Doc_0/Document.xml"),
            (
                "Doc_0/Document.xml",
                "Pages/Page_0/Content.xml",
                "Doc_0/Pages/Page_0/Content.xml",
            ),
            (
                "Doc_0/Document.xml",
                "/Doc_0/Pages/P1.xml",
                "Doc_0/Pages/P1.xml",
            ),
            ("Doc_0/Document.xml", "../Doc_1/./x.xml", "Doc_1/x.xml"),
            ("a.xml", "../../x.xml", "x.xml"),
        ] {
            assert_eq!(resolve(base, loc), want, "{base} + {loc}");
        }
    }

    fn runs_of(ctm: Ctm, x: Option<f32>, delta_x: &str, delta_y: &str, text: &str) -> Vec<Run> {
        let o = TextObject {
            origin: (10.0, 20.0),
            ctm,
            size: 5.0,
        };
        let c = TextCode {
            x,
            y: Some(5.0),
            delta_x: delta_x.into(),
            delta_y: delta_y.into(),
            text: text.into(),
        };
        let mut runs = Vec::new();
        code_runs(&o, &c, (0.0, 0.0), &mut runs);
        runs
    }

    #[test]
    fn glyph_positions() {
        let mm = PT_PER_MM;
        let r = runs_of(IDENTITY, Some(0.0), "g 2 5", "", "一二三");
        assert_eq!(r.len(), 1, "one baseline");
        assert_eq!(
            (r[0].x, r[0].y, r[0].text.as_str()),
            (10.0 * mm, 25.0 * mm, "一二三")
        );
        assert!(
            (r[0].width - 15.0 * mm).abs() < 0.01,
            "two advances plus one glyph"
        );
        let r = runs_of(IDENTITY, Some(0.0), "", "g 2 6", "竖排字");
        assert_eq!(r.len(), 3, "vertical text: one run per baseline");
        let r = runs_of(IDENTITY, Some(0.0), "5 40", "", "甲乙丙");
        assert_eq!(
            r.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
            ["甲乙", "丙"],
            "a gap of eight font sizes starts a new run"
        );
        let r = runs_of(
            [2.0, 0.0, 0.0, 2.0, 1.0, 1.0],
            Some(0.0),
            "g 1 5",
            "",
            "放大",
        );
        assert_eq!(
            (r[0].x, r[0].y),
            (11.0 * mm, 31.0 * mm),
            "CTM scales and moves"
        );
        assert!(
            (r[0].size - 10.0 * mm).abs() < 0.01,
            "font size scaled by the CTM"
        );
    }

    #[test]
    fn every_error_has_both_messages() {
        let errors = [
            OfdError::NotZip,
            OfdError::NotOfd,
            OfdError::MissingPart("Doc_0/Document.xml".into()),
            OfdError::Encrypted,
            OfdError::Corrupt("x".into()),
            OfdError::TooLarge { limit_mb: 64 },
            OfdError::SuspiciousRatio { max_ratio: 100 },
            OfdError::TooComplex {
                what: "nesting",
                limit: MAX_DEPTH,
            },
            OfdError::Xml {
                part: "OFD.xml".into(),
                detail: "x".into(),
            },
            OfdError::NoText { pages: 3 },
        ];
        for e in errors {
            assert!(!e.to_string().is_empty());
            assert!(e
                .message_zh()
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        }
    }
}
