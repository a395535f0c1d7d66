//! PDF text layers → positioned text ([`to_pages`]) → paragraphs ([`to_text`]).
//!
//! ```
//! use report_lens::input::{pdf, ReadError};
//! // Not a PDF that opens: a clear error, never a panic.
//! assert!(matches!(pdf::to_text(b"%PDF-1.7\n"), Err(ReadError::DamagedPdf(_))));
//! ```
//!
//! [lopdf] reads the file structure: classic and stream cross-reference tables, object
//! streams, Flate/LZW/ASCII85/RunLength/Brotli filters, repair of damaged cross-references,
//! and decryption of files whose user password is empty (RC4 and AES-128/256, as "no
//! password to open, a password to edit" files from Word or WPS are); lopdf tries the empty
//! password itself (an `/Encrypt` dictionary written directly in the trailer, as MuPDF
//! writes it, is first made an object of its own: `with_indirect_encrypt`). The rest is written here, without lopdf's text extraction: the page
//! tree with inherited resources, boxes and rotation ([`to_pages`]), a content-stream
//! tokenizer and interpreter (`lexer`, `content`), fonts and their encodings (`font`,
//! `cmap`, `encoding`, `truetype`); [`super::layout`] turns the positioned runs into
//! paragraphs.
//!
//! ## Accepted
//! Text drawn with composite fonts (`Type0` with `Identity-H` or an embedded CMap and
//! `ToUnicode`; without `ToUnicode`, the embedded TrueType program's `cmap`; the predefined
//! Unicode CMaps such as `UniGB-UCS2-H`) and simple fonts (`TrueType`, `Type1`, `Type3`
//! with a base encoding, `Differences` and glyph names, or `ToUnicode`), several subset
//! fonts per page, in page content and in form XObjects (followed to [`MAX_FORM_DEPTH`]),
//! as Word, WPS, LibreOffice and browsers write it. Invisible text (an OCR layer over a scan)
//! is read as text. Kangxi radicals and compatibility ideographs that some fonts map to
//! become the ordinary characters (`⼯` → `工`).
//!
//! ## Rejected, with a message ([`ReadError`], in Chinese and English)
//! * No text on any page: [`ReadError::Scan`] (a scan, or text turned into outlines).
//! * Glyphs whose text cannot be known (no `ToUnicode`, no usable encoding) on every page:
//!   [`ReadError::UnreadableText`].
//! * A password needed to open it: [`ReadError::PasswordProtected`].
//! * Past a limit: [`ReadError::LimitExceeded`] — more than [`MAX_PAGES`] pages (or a page
//!   tree node listing more), a stream inflating past [`MAX_STREAM_BYTES`] (or all streams
//!   together past [`MAX_TOTAL_BYTES`]), forms nested deeper than [`MAX_FORM_DEPTH`] (also
//!   how a form that draws itself ends), a page tree deeper than [`MAX_TREE_DEPTH`], more
//!   than [`MAX_WORK`] units of work (a token, a glyph, 64 bytes of stream, 256 per form
//!   drawn).
//! * Anything lopdf cannot open, a page tree that loops, no pages: [`ReadError::DamagedPdf`].
//!
//! Not read: text in annotations and form fields, rotated text (watermarks at an angle),
//! vertical writing as such, legacy CJK CMaps (`GBK-EUC-H` …) without `ToUnicode`, and
//! fonts whose glyphs have no Unicode mapping anywhere (text would need OCR); a subset
//! simple font without `ToUnicode` reads as its encoding says, which may be garbage.
//!
//! ## Performance (native, release build, this machine)
//! | file | pages | lopdf load | [`to_pages`] | [`layout::to_text`] |
//! |---|---|---|---|---|
//! | LibreOffice, fixture 000 (144 KB) | 4 | 0.26 ms | 12.5 ms | 0.6 ms |
//! | Chromium, fixture 000 (143 KB) | 15 | 0.19 ms | 5.9 ms | 0.3 ms |
//! | Chromium, fixture 004 (2.4 MB, not committed) | 72 | 1.5 ms | 37.6 ms | 2.4 ms |
//! | AES-256 copy of LibreOffice 001 (98 KB) | 2 | 6.5 ms | 11.3 ms | 0.3 ms |
//!
//! LibreOffice positions every glyph (about 3 ms a page), Chromium whole runs (0.4 ms a
//! page); AES-256's password check costs about 6 ms once. The interpreter is one forward scan
//! of each content stream; the limits above bound the worst file to [`MAX_WORK`] units, about
//! a second or two. `tests/pdf.rs` times the bombs.
//!
//! ## Size (wasm32)
//! The `pdf` feature adds 294 KB gzipped to a wasm build of the readers (wasm-opt `-Oz`,
//! `opt-level = "z"`, LTO; 324 KB before wasm-opt; measured on a cdylib calling
//! [`super::read_bytes_with`] with `docx` and `html` on, 208 → 502 KB). Most of it is lopdf:
//! its parser, filters (brotli alone brings a 122 KB dictionary), and decryption (AES,
//! SHA-2, MD5, RC4, stringprep); this module and layout add about 46 KB of code before
//! compression. lopdf's own text extraction, which links every `encoding_rs` table, is not
//! used.
//!
//! [lopdf]: https://docs.rs/lopdf

mod cmap;
mod content;
mod encoding;
mod font;
mod lexer;
mod truetype;

use super::layout::{self, Page};
use super::{Limit, ReadError};
use content::{Interpreter, Matrix};
use font::Font;
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Most pages read.
pub const MAX_PAGES: usize = 2_000;
/// Largest decompressed stream (page content, form, object stream, CMap: 32 MB).
pub const MAX_STREAM_BYTES: usize = 32 * 1024 * 1024;
/// Largest total of decompressed content, forms and CMaps (256 MB).
pub const MAX_TOTAL_BYTES: usize = 256 * 1024 * 1024;
/// Deepest nesting of form XObjects.
pub const MAX_FORM_DEPTH: usize = 12;
/// Deepest page tree.
pub const MAX_TREE_DEPTH: usize = 64;
/// Most units of work (tokens, glyphs, 64-byte blocks) for one file.
pub const MAX_WORK: u64 = 50_000_000;
/// Largest decompressed CMap.
pub(crate) const CMAP_LIMIT: usize = 4 * 1024 * 1024;

/// Reads a PDF's text as paragraphs, one per line ([`layout::to_text`] of [`to_pages`]).
pub fn to_text(bytes: &[u8]) -> Result<String, ReadError> {
    Ok(layout::to_text(&to_pages(bytes)?))
}

/// Reads a PDF's pages as positioned text runs.
pub fn to_pages(bytes: &[u8]) -> Result<Vec<Page>, ReadError> {
    to_pages_noting_ocr(bytes).map(|(pages, _)| pages)
}

/// [`to_pages`], and whether the text is an OCR layer: most of its glyphs drawn invisibly
/// (`3 Tr`, as tesseract, Acrobat, ABBYY and WPS write the text of a scan) on pages that draw
/// images.
pub fn to_pages_noting_ocr(bytes: &[u8]) -> Result<(Vec<Page>, bool), ReadError> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..LoadOptions::default()
    };
    let patched = with_indirect_encrypt(bytes);
    let bytes = patched.as_deref().unwrap_or(bytes);
    let doc = Document::load_mem_with_options(bytes, options).map_err(load_error)?;
    if doc.is_encrypted() {
        // lopdf tried the empty user password and it did not open the file.
        return Err(ReadError::PasswordProtected);
    }
    let refs = page_refs(&doc)?;
    let mut ctx = Context::default();
    let mut pages = Vec::with_capacity(refs.len());
    let (mut decoded, mut undecoded) = (0usize, 0usize);
    let (mut invisible, mut pages_with_images) = (0usize, 0usize);
    for page in &refs {
        let (width, height, display) = page.geometry();
        // A page's parts are one stream: together they stay under the stream limit.
        let mut content = Vec::new();
        for part in page.contents(&doc) {
            let limit = ctx
                .stream_limit()
                .min(MAX_STREAM_BYTES.saturating_sub(content.len()));
            let Some(bytes) = stream_bytes(&doc, part, limit, &mut ctx) else {
                continue;
            };
            content.extend_from_slice(&bytes);
            content.push(b'\n');
        }
        if let Some(limit) = ctx.stream_error.take() {
            return Err(ReadError::LimitExceeded(limit));
        }
        let mut interpreter = Interpreter::new(&doc, &mut ctx, display);
        interpreter
            .run(&content, page.resources, Matrix::IDENTITY, &mut Vec::new())
            .map_err(ReadError::LimitExceeded)?;
        let out = interpreter.finish();
        if let Some(limit) = ctx.stream_error.take() {
            return Err(ReadError::LimitExceeded(limit));
        }
        decoded += out.decoded;
        undecoded += out.undecoded;
        invisible += out.invisible;
        pages_with_images += usize::from(out.images > 0);
        pages.push(Page {
            width,
            height,
            runs: out.runs,
        });
    }
    let has_text = pages
        .iter()
        .flat_map(|p| &p.runs)
        .any(|r| r.text.chars().any(|c| !c.is_whitespace()));
    if !has_text {
        return Err(if undecoded > decoded {
            ReadError::UnreadableText
        } else {
            ReadError::Scan
        });
    }
    let ocr = invisible * 2 > decoded && pages_with_images * 2 >= pages.len();
    Ok((pages, ocr))
}

/// MuPDF and PyMuPDF write the `/Encrypt` dictionary directly in the trailer (`/Encrypt<<…>>`),
/// where lopdf looks only for a reference (`/Encrypt 12 0 R`, as qpdf writes it): lopdf
/// then loads no object at all. Such a file is read as if it had been saved once more with
/// the dictionary as an object of its own: the dictionary, an `xref` section for it and a
/// trailer naming it (`/Prev` the original cross-reference) are appended to a copy of the
/// bytes, an incremental update as any PDF writer appends one. `None` when the last trailer
/// has no direct `/Encrypt` (the common case: nothing is copied).
fn with_indirect_encrypt(bytes: &[u8]) -> Option<Vec<u8>> {
    // The last trailer is near the end: its search stays off the rest of a large file.
    let t = bytes.len().saturating_sub(TRAILER_TAIL);
    let t = t + rfind(&bytes[t..], b"trailer")?;
    let open = t + find(&bytes[t..], b"<<")?;
    let close = dict_end(bytes, open)?;
    let trailer = &bytes[open..close];
    let k = find(trailer, b"/Encrypt")?;
    let d = k + b"/Encrypt".len();
    let d = d + trailer[d..]
        .iter()
        .take_while(|c| c.is_ascii_whitespace())
        .count();
    if !trailer[d..].starts_with(b"<<") {
        return None;
    }
    let d_end = dict_end(trailer, d)?;
    let sx = rfind(bytes, b"startxref")? + b"startxref".len();
    let prev = number_at(bytes, sx)?;
    let mut rest: Vec<u8> = trailer[2..k].to_vec();
    rest.extend_from_slice(&trailer[d_end..trailer.len() - 2]);
    let size = number_entry(&rest, b"/Size")?.1;
    let rest = without_number_entry(&without_number_entry(&rest, b"/Size"), b"/Prev");
    let id = size.max(1);
    let mut out = bytes.to_vec();
    out.push(b'\n');
    let object_at = out.len();
    out.extend_from_slice(format!("{id} 0 obj\n").as_bytes());
    out.extend_from_slice(&trailer[d..d_end]);
    out.extend_from_slice(b"\nendobj\n");
    let xref_at = out.len();
    out.extend_from_slice(
        format!("xref\n{id} 1\n{object_at:010} 00000 n \ntrailer\n<<").as_bytes(),
    );
    out.extend_from_slice(&rest);
    out.extend_from_slice(
        format!(
            "/Encrypt {id} 0 R/Prev {prev}/Size {}>>\nstartxref\n{xref_at}\n%%EOF\n",
            id + 1
        )
        .as_bytes(),
    );
    Some(out)
}

/// How far from the end of a file its last trailer is looked for.
const TRAILER_TAIL: usize = 1 << 20;

/// The first position of `needle` in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The last position of `needle` in `hay`.
fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The unsigned integer after whitespace at `i`.
fn number_at(b: &[u8], i: usize) -> Option<u64> {
    let i = i + b
        .get(i..)?
        .iter()
        .take_while(|c| c.is_ascii_whitespace())
        .count();
    let n = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    std::str::from_utf8(&b[i..i + n]).ok()?.parse().ok()
}

/// The position of the entry `key` (followed by a delimiter) and its number.
fn number_entry(b: &[u8], key: &[u8]) -> Option<(usize, u64)> {
    let mut from = 0;
    while let Some(k) = find(&b[from..], key).map(|k| from + k) {
        let after = k + key.len();
        if !b.get(after).is_some_and(u8::is_ascii_alphanumeric) {
            return Some((k, number_at(b, after)?));
        }
        from = after;
    }
    None
}

/// `b` without the entry `key` and its number.
fn without_number_entry(b: &[u8], key: &[u8]) -> Vec<u8> {
    let Some((k, _)) = number_entry(b, key) else {
        return b.to_vec();
    };
    let mut j = k + key.len();
    j += b[j..]
        .iter()
        .take_while(|c| c.is_ascii_whitespace())
        .count();
    j += b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
    [&b[..k], &b[j..]].concat()
}

/// One past the `>>` that closes the dictionary opening at `open` (`<<`), skipping hex and
/// literal strings (which may hold `>>` bytes).
fn dict_end(b: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'<' if b.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 2;
            }
            b'>' if b.get(i + 1) == Some(&b'>') => {
                depth = depth.checked_sub(1)?;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            b'<' => i += 1 + b[i + 1..].iter().position(|&c| c == b'>')? + 1,
            b'(' => {
                let mut nested = 0usize;
                loop {
                    match *b.get(i)? {
                        b'\\' => i += 1,
                        b'(' => nested += 1,
                        b')' => {
                            nested -= 1;
                            if nested == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

fn load_error(e: lopdf::Error) -> ReadError {
    use lopdf::Error as E;
    match e {
        E::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            ReadError::LimitExceeded(Limit::StreamSize {
                mb: MAX_STREAM_BYTES / 1024 / 1024,
            })
        }
        E::InvalidPassword | E::Decryption(_) | E::UnsupportedSecurityHandler(_) => {
            ReadError::PasswordProtected
        }
        E::RecursionLimit | E::ReferenceLimit => {
            ReadError::LimitExceeded(Limit::Nesting(MAX_TREE_DEPTH))
        }
        other => ReadError::DamagedPdf(other.to_string()),
    }
}

/// How a loaded font is found again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum FontKey {
    /// A font object.
    Object(ObjectId),
    /// A font dictionary written directly into a resource dictionary, by its address.
    Direct(usize),
}

/// Shared state of one file's reading: the work budget, decompressed bytes, loaded fonts.
pub(crate) struct Context {
    work: u64,
    decompressed: usize,
    /// A stream that went past a size limit, or the work limit hit where no error can be
    /// returned (reported after the page).
    pub(crate) stream_error: Option<Limit>,
    fonts: HashMap<FontKey, Rc<Font>>,
    /// For text shown without a usable font.
    fallback_font: Rc<Font>,
    /// Decoded form XObjects.
    forms: HashMap<ObjectId, Rc<Vec<u8>>>,
}

impl Default for Context {
    fn default() -> Self {
        Context {
            work: 0,
            decompressed: 0,
            stream_error: None,
            fonts: HashMap::new(),
            fallback_font: Rc::new(Font::fallback()),
            forms: HashMap::new(),
        }
    }
}

impl Context {
    /// Spends `units` of work; past [`MAX_WORK`] an error.
    pub(crate) fn charge(&mut self, units: usize) -> Result<(), Limit> {
        self.work = self.work.saturating_add(units as u64);
        if self.work > MAX_WORK {
            Err(Limit::Work)
        } else {
            Ok(())
        }
    }

    /// The size the next stream may decompress to.
    pub(crate) fn stream_limit(&self) -> usize {
        MAX_STREAM_BYTES.min(MAX_TOTAL_BYTES.saturating_sub(self.decompressed))
    }

    /// An error when a stream went past a limit.
    pub(crate) fn check_stream_error(&mut self) -> Result<(), Limit> {
        match self.stream_error.take() {
            Some(limit) => Err(limit),
            None => Ok(()),
        }
    }
}

/// A stream's decoded bytes, at most `limit` of them; `None` when the object is no stream
/// or its filters fail. Going past the limit is recorded in the context.
pub(crate) fn stream_bytes(
    doc: &Document,
    object: &Object,
    limit: usize,
    ctx: &mut Context,
) -> Option<Vec<u8>> {
    let Some(Object::Stream(stream)) = deref(doc, object) else {
        return None;
    };
    // Each stream is charged its compressed size before it is decoded.
    if let Err(limit) = ctx.charge(stream.content.len() / 64) {
        ctx.stream_error = Some(limit);
        return None;
    }
    match stream.decompressed_content_with_limit(limit) {
        Ok(bytes) => {
            ctx.decompressed = ctx.decompressed.saturating_add(bytes.len());
            if let Err(limit) = ctx.charge(bytes.len() / 64) {
                ctx.stream_error = Some(limit);
                return None;
            }
            Some(bytes)
        }
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            // Which limit bound the stream: what is left of the total, or one stream's.
            let total_bound = MAX_TOTAL_BYTES.saturating_sub(ctx.decompressed) <= limit;
            let bytes = if total_bound {
                MAX_TOTAL_BYTES
            } else {
                MAX_STREAM_BYTES
            };
            ctx.stream_error = Some(Limit::StreamSize {
                mb: bytes / 1024 / 1024,
            });
            None
        }
        Err(_) => None,
    }
}

/// Follows references (lopdf bounds the chain).
pub(crate) fn deref<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    doc.dereference(object).ok().map(|(_, o)| o)
}

/// A dictionary entry, dereferenced.
pub(crate) fn dict_get<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Object> {
    dict.get(key).ok().and_then(|o| deref(doc, o))
}

/// A finite number.
pub(crate) fn number(object: &Object) -> Option<f32> {
    let v = match object {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => return None,
    };
    v.is_finite().then_some(v)
}

/// A page and what it inherits from the page tree.
struct PageRef<'a> {
    dict: &'a Dictionary,
    resources: Option<&'a Dictionary>,
    media_box: Option<[f32; 4]>,
    crop_box: Option<[f32; 4]>,
    rotate: i64,
}

/// Attributes inherited down the page tree (§7.7.3.4).
#[derive(Clone, Copy, Default)]
struct Inherited<'a> {
    resources: Option<&'a Dictionary>,
    media_box: Option<[f32; 4]>,
    crop_box: Option<[f32; 4]>,
    rotate: Option<i64>,
}

impl<'a> Inherited<'a> {
    fn with(mut self, doc: &'a Document, node: &'a Dictionary) -> Self {
        if let Some(r) = dict_get(doc, node, b"Resources").and_then(|o| o.as_dict().ok()) {
            self.resources = Some(r);
        }
        if let Some(b) = rect(doc, node, b"MediaBox") {
            self.media_box = Some(b);
        }
        if let Some(b) = rect(doc, node, b"CropBox") {
            self.crop_box = Some(b);
        }
        if let Some(r) = dict_get(doc, node, b"Rotate").and_then(number) {
            self.rotate = Some(r as i64);
        }
        self
    }

    fn page(self, dict: &'a Dictionary) -> PageRef<'a> {
        PageRef {
            dict,
            resources: self.resources,
            media_box: self.media_box,
            crop_box: self.crop_box,
            rotate: self.rotate.unwrap_or(0),
        }
    }
}

/// A page's inherited attributes found by following `Parent` links (for pages outside a
/// readable tree).
fn inherited_by_parents<'a>(doc: &'a Document, page: &'a Dictionary) -> Inherited<'a> {
    let mut chain = vec![page];
    let mut node = page;
    while chain.len() <= MAX_TREE_DEPTH {
        match dict_get(doc, node, b"Parent").and_then(|o| o.as_dict().ok()) {
            Some(parent) => {
                chain.push(parent);
                node = parent;
            }
            None => break,
        }
    }
    chain
        .iter()
        .rev()
        .fold(Inherited::default(), |inherited, dict| {
            inherited.with(doc, dict)
        })
}

fn rect(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<[f32; 4]> {
    let a = dict_get(doc, dict, key)?.as_array().ok()?;
    let v: Vec<f32> = a
        .iter()
        .filter_map(|o| deref(doc, o).and_then(number))
        .collect();
    let [x0, y0, x1, y1] = <[f32; 4]>::try_from(v).ok()?;
    let r = [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)];
    (r[2] - r[0] >= 1.0 && r[3] - r[1] >= 1.0).then_some(r)
}

impl<'a> PageRef<'a> {
    /// Display width and height, and the matrix from page space to display space (origin
    /// top-left, y downward, the page's `Rotate` applied).
    fn geometry(&self) -> (f32, f32, Matrix) {
        let media = self.media_box.unwrap_or([0.0, 0.0, 612.0, 792.0]);
        let [x0, y0, x1, y1] = match self.crop_box {
            // The crop box inside the media box.
            Some(c) => {
                let r = [
                    c[0].max(media[0]),
                    c[1].max(media[1]),
                    c[2].min(media[2]),
                    c[3].min(media[3]),
                ];
                if r[2] - r[0] >= 1.0 && r[3] - r[1] >= 1.0 {
                    r
                } else {
                    media
                }
            }
            None => media,
        };
        let (w, h) = (x1 - x0, y1 - y0);
        match self.rotate.rem_euclid(360) / 90 {
            1 => (h, w, Matrix::new([0.0, 1.0, 1.0, 0.0, -y0, -x0])),
            2 => (w, h, Matrix::new([-1.0, 0.0, 0.0, 1.0, x1, -y0])),
            3 => (h, w, Matrix::new([0.0, -1.0, -1.0, 0.0, y1, x1])),
            _ => (w, h, Matrix::new([1.0, 0.0, 0.0, -1.0, -x0, y1])),
        }
    }

    /// The page's content streams.
    fn contents(&self, doc: &'a Document) -> Vec<&'a Object> {
        match self.dict.get(b"Contents").ok() {
            Some(o) => match deref(doc, o) {
                Some(Object::Array(parts)) => parts.iter().collect(),
                Some(_) => vec![o],
                None => Vec::new(),
            },
            None => Vec::new(),
        }
    }
}

/// The pages in order, by walking the page tree from the catalog; a file whose tree cannot
/// be found falls back to its page objects in object order.
fn page_refs(doc: &Document) -> Result<Vec<PageRef<'_>>, ReadError> {
    let root = doc.catalog().ok().and_then(|c| c.get(b"Pages").ok());
    let mut pages = Vec::new();
    let mut seen_nodes: HashSet<ObjectId> = HashSet::new();
    let mut seen_pages: HashSet<ObjectId> = HashSet::new();
    let mut stack: Vec<(&Object, Inherited, usize)> = Vec::new();
    if let Some(root) = root {
        stack.push((root, Inherited::default(), 0));
    }
    let mut work = 0usize;
    while let Some((node, inherited, depth)) = stack.pop() {
        work += 1;
        if work > MAX_WORK as usize / 10 {
            return Err(ReadError::LimitExceeded(Limit::Work));
        }
        if depth > MAX_TREE_DEPTH {
            return Err(ReadError::LimitExceeded(Limit::Nesting(MAX_TREE_DEPTH)));
        }
        let id = match node {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        let Some(dict) = deref(doc, node).and_then(|o| o.as_dict().ok()) else {
            continue;
        };
        let kids = dict_get(doc, dict, b"Kids").and_then(|o| o.as_array().ok());
        let is_node = kids.is_some()
            && dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) != Some(b"Page");
        if is_node {
            if let Some(id) = id {
                if !seen_nodes.insert(id) {
                    return Err(ReadError::DamagedPdf(
                        "the page tree loops back on itself".into(),
                    ));
                }
            }
            let kids = kids.map(Vec::as_slice).unwrap_or_default();
            if kids.len() > MAX_PAGES {
                // A node listing more pages than are read, whatever they are.
                return Err(ReadError::LimitExceeded(Limit::Pages(MAX_PAGES)));
            }
            let inherited = inherited.with(doc, dict);
            for kid in kids.iter().rev() {
                stack.push((kid, inherited, depth + 1));
            }
            continue;
        }
        if let Some(id) = id {
            if !seen_pages.insert(id) {
                continue;
            }
        }
        if pages.len() >= MAX_PAGES {
            return Err(ReadError::LimitExceeded(Limit::Pages(MAX_PAGES)));
        }
        pages.push(inherited.with(doc, dict).page(dict));
    }
    if pages.is_empty() {
        for object in doc.objects.values() {
            let Ok(dict) = object.as_dict() else { continue };
            if dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) != Some(b"Page") {
                continue;
            }
            if pages.len() >= MAX_PAGES {
                return Err(ReadError::LimitExceeded(Limit::Pages(MAX_PAGES)));
            }
            pages.push(inherited_by_parents(doc, dict).page(dict));
        }
    }
    if pages.is_empty() {
        return Err(ReadError::DamagedPdf("no pages found".into()));
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, Stream};

    #[test]
    fn streams_are_charged_against_one_and_all_streams_limits() {
        let mut doc = Document::with_version("1.7");
        let id = doc.add_object(Stream::new(Dictionary::new(), vec![b' '; 1000]));
        let object = Object::Reference(id);
        let mut ctx = Context::default();
        assert_eq!(
            stream_bytes(&doc, &object, 2000, &mut ctx).map(|b| b.len()),
            Some(1000)
        );
        assert_eq!(ctx.decompressed, 1000);
        // Past one stream's limit.
        assert_eq!(stream_bytes(&doc, &object, 999, &mut ctx), None);
        assert_eq!(ctx.check_stream_error(), Err(Limit::StreamSize { mb: 32 }));
        // Past what is left of the total.
        ctx.decompressed = MAX_TOTAL_BYTES - 500;
        assert_eq!(
            stream_bytes(&doc, &object, ctx.stream_limit(), &mut ctx),
            None
        );
        assert_eq!(ctx.check_stream_error(), Err(Limit::StreamSize { mb: 256 }));
        // Not a stream: nothing, and no error.
        assert_eq!(stream_bytes(&doc, &Object::Null, 10, &mut ctx), None);
        assert_eq!(ctx.check_stream_error(), Ok(()));
    }

    #[test]
    fn a_direct_encrypt_dictionary_becomes_an_object_of_its_own() {
        let file = b"%PDF-1.7\n1 0 obj\n<</Type/Catalog>>\nendobj\nxref\n0 2\n\
            0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2/Root 1 0 R\
            /Encrypt<</Filter/Standard/O(a>>b\\)c)/U<3E3E>>>/Prev 3>>\nstartxref\n42\n%%EOF\n";
        let out = with_indirect_encrypt(file).unwrap();
        let tail = String::from_utf8_lossy(&out[file.len()..]).into_owned();
        assert!(tail.starts_with("\n2 0 obj\n<</Filter/Standard/O(a>>b\\)c)/U<3E3E>>>\nendobj\n"));
        let entry = format!("xref\n2 1\n{:010} 00000 n \n", file.len() + 1);
        assert!(tail.contains(&entry), "{tail}");
        assert!(
            tail.contains("<</Root 1 0 R/Encrypt 2 0 R/Prev 42/Size 3>>"),
            "{tail}"
        );
        let xref = find(&out[file.len()..], b"xref\n2 1").unwrap() + file.len();
        assert!(
            tail.ends_with(&format!("startxref\n{xref}\n%%EOF\n")),
            "{tail}"
        );
        // An indirect one, or none, is left alone.
        assert!(with_indirect_encrypt(b"trailer\n<</Size 2/Encrypt 5 0 R>>").is_none());
        assert!(with_indirect_encrypt(b"trailer\n<</Size 2>>").is_none());
        assert!(with_indirect_encrypt(b"trailer\n<</Encrypt<<(unclosed").is_none());
    }

    #[test]
    fn work_is_bounded() {
        let mut ctx = Context::default();
        assert_eq!(ctx.charge(MAX_WORK as usize), Ok(()));
        assert_eq!(ctx.charge(1), Err(Limit::Work));
    }

    #[test]
    fn page_geometry_follows_the_rotation() {
        let page = Dictionary::new();
        let mut p = Inherited::default().page(&page);
        p.media_box = Some([0.0, 0.0, 600.0, 800.0]);
        // (rotate, display size, where page point (10, 20) lands)
        let rows = [
            (0, (600.0, 800.0), (10.0, 780.0)),
            (90, (800.0, 600.0), (20.0, 10.0)),
            (180, (600.0, 800.0), (590.0, 20.0)),
            (270, (800.0, 600.0), (780.0, 590.0)),
            (-90, (800.0, 600.0), (780.0, 590.0)),
        ];
        for (rotate, size, point) in rows {
            p.rotate = rotate;
            let (w, h, m) = p.geometry();
            let q = Matrix::new([1.0, 0.0, 0.0, 1.0, 10.0, 20.0]).then(m);
            assert_eq!(((w, h), (q.e, q.f)), (size, point), "rotate {rotate}");
        }
    }
}
