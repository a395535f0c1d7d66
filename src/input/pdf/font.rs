//! Fonts: how a string's bytes split into codes, each code's advance width and its text
//! (PDF 32000-1 §9.6–§9.10).
//!
//! * Simple fonts (`Type1`, `TrueType`, `MMType1`, `Type3`): one byte per code; widths from
//!   `FirstChar`/`Widths`, else `MissingWidth`, else 500/1000 em; text from `ToUnicode`,
//!   else from the encoding (a base encoding and `Differences` by glyph name, see
//!   [`super::encoding`]). `Type3` widths are scaled by its `FontMatrix`.
//! * Composite fonts (`Type0`): codes split by the encoding CMap — `Identity-H` (two bytes,
//!   CID = code), an embedded CMap stream, or a predefined CMap named in the font: the
//!   Unicode ones (`UniGB-UCS2-H`, `UniGB-UTF16-H` …) give text without a `ToUnicode`;
//!   legacy multi-byte ones (`GBK-EUC-H`, `B5pc-H`, `90ms-RKSJ-H` …) split codes by lead byte
//!   and need `ToUnicode` for text. Widths from the CIDFont's `W` array and `DW`.
//! * Without `ToUnicode`, a composite font's text comes from its embedded TrueType
//!   program's `cmap` (through `CIDToGIDMap`), see [`super::truetype`].
//! * Vertical writing (`-V` CMaps) is read as horizontal; its text is kept, its positions
//!   are approximate.
//!
//! A code without text is counted as undecodable; its width still moves the pen.

use super::cmap::CMap;
use super::encoding::{push_clean, Base};
use super::{deref, dict_get, number, stream_bytes, Context, CMAP_LIMIT};
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// Most `W` entries kept from one CIDFont.
const MAX_WIDTH_ENTRIES: usize = 200_000;

/// How a composite font's bytes split into codes and codes become CIDs.
#[derive(Debug)]
enum CodeMap {
    /// Two bytes; CID = code.
    Identity,
    /// An embedded CMap stream.
    Embedded(Box<CMap>),
    /// Predefined UCS-2 CMap: two bytes, code = UTF-16 unit.
    Ucs2,
    /// Predefined UTF-16 CMap: two bytes, four for a surrogate pair.
    Utf16,
    /// Predefined legacy CMap: two bytes after a lead byte in the range, else one.
    Lead(u8, u8),
}

#[derive(Debug)]
enum Kind {
    Simple {
        /// Advance widths per code, in glyph units (1/1000 em before `scale`).
        widths: Vec<f32>,
        /// Text per code from the encoding ('\0' = none).
        chars: Vec<char>,
    },
    Composite {
        codes: CodeMap,
        /// (first CID, last CID, width), sorted.
        widths: Vec<(u32, u32, f32)>,
        default_width: f32,
        /// Without `ToUnicode`: characters from the embedded font's `cmap`.
        glyphs: Option<GlyphChars>,
    },
}

/// Characters by glyph from an embedded TrueType font, and its CID → glyph map.
#[derive(Debug)]
struct GlyphChars {
    chars: HashMap<u16, char>,
    /// `CIDToGIDMap` as a stream; `None` is the identity.
    cid_to_gid: Option<Vec<u8>>,
}

impl GlyphChars {
    fn char(&self, cid: u32) -> Option<char> {
        let gid = match &self.cid_to_gid {
            None => u16::try_from(cid).ok()?,
            Some(map) => {
                let at = usize::try_from(cid).ok()?.checked_mul(2)?;
                let b = map.get(at..at.checked_add(2)?)?;
                u16::from_be_bytes([*b.first()?, *b.get(1)?])
            }
        };
        self.chars.get(&gid).copied()
    }
}

/// A font ready to decode strings; see the module docs.
#[derive(Debug)]
pub(crate) struct Font {
    kind: Kind,
    to_unicode: Option<CMap>,
    /// Glyph units → text space (0.001, or a Type3 `FontMatrix`'s).
    scale: f32,
}

/// One decoded glyph.
pub(crate) struct Glyph {
    /// Advance in text space units (before the font size).
    pub advance: f32,
    /// The single-byte code 32, which word spacing applies to.
    pub word_space: bool,
    /// False when the code has no text.
    pub decoded: bool,
}

impl Font {
    /// A font for text whose font resource cannot be found: one byte per code, Latin-1
    /// text, half-em widths.
    pub(crate) fn fallback() -> Font {
        Font {
            kind: Kind::Simple {
                widths: vec![500.0; 256],
                chars: (0..=255u8)
                    .map(|c| Base::Latin1.char(c).unwrap_or('\0'))
                    .collect(),
            },
            to_unicode: None,
            scale: 0.001,
        }
    }

    /// Reads a font dictionary.
    pub(crate) fn load(doc: &Document, font: &Dictionary, ctx: &mut Context) -> Font {
        let to_unicode = dict_get(doc, font, b"ToUnicode")
            .and_then(|o| stream_bytes(doc, o, CMAP_LIMIT, ctx))
            .map(|b| parse_cmap(&b, ctx))
            .filter(|m| !m.is_empty() || m.has_codespace());
        let subtype = dict_get(doc, font, b"Subtype").and_then(|o| o.as_name().ok());
        if subtype == Some(b"Type0") {
            return Font {
                kind: composite(doc, font, to_unicode.is_none(), ctx),
                to_unicode,
                scale: 0.001,
            };
        }
        let mut scale = 0.001;
        if subtype == Some(b"Type3") {
            if let Some(a) = dict_get(doc, font, b"FontMatrix").and_then(|o| o.as_array().ok()) {
                if let Some(s) = a.first().and_then(number) {
                    if s.is_finite() && s.abs() > 1e-6 && s.abs() < 1.0 {
                        scale = s.abs();
                    }
                }
            }
        }
        let missing = dict_get(doc, font, b"FontDescriptor")
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| dict_get(doc, d, b"MissingWidth"))
            .and_then(number)
            .filter(|w| *w > 0.0);
        let default = missing.unwrap_or(0.5 / scale);
        let mut widths = vec![default; 256];
        let first = dict_get(doc, font, b"FirstChar")
            .and_then(number)
            .unwrap_or(0.0);
        if let Some(list) = dict_get(doc, font, b"Widths").and_then(|o| o.as_array().ok()) {
            for (i, w) in list.iter().enumerate() {
                let code = (first as i64).saturating_add(i as i64);
                if code >= 256 {
                    break;
                }
                let w = deref(doc, w).and_then(number);
                if let (Ok(code), Some(w)) = (usize::try_from(code), w) {
                    if let Some(slot) = widths.get_mut(code) {
                        *slot = w;
                    }
                }
            }
        }
        Font {
            kind: Kind::Simple {
                widths,
                chars: simple_chars(doc, font, ctx),
            },
            to_unicode,
            scale,
        }
    }

    /// Decodes the glyph at the start of `bytes`, appending its text to `text`; returns the
    /// glyph and the number of bytes it took (at least one).
    pub(crate) fn next_glyph(&self, bytes: &[u8], text: &mut String) -> (Glyph, usize) {
        match &self.kind {
            Kind::Simple { widths, chars } => {
                let Some(&code) = bytes.first() else {
                    return (empty_glyph(), 1);
                };
                let mut decoded = false;
                if let Some(map) = &self.to_unicode {
                    decoded = push_mapped(map, &[code], text) || push_mapped(map, &[0, code], text);
                }
                if !decoded {
                    let c = chars.get(usize::from(code)).copied().unwrap_or('\0');
                    decoded = c != '\0' && push_clean(c, text);
                }
                let w = widths.get(usize::from(code)).copied().unwrap_or(0.0);
                (
                    Glyph {
                        advance: w * self.scale,
                        word_space: code == 32,
                        decoded,
                    },
                    1,
                )
            }
            Kind::Composite {
                codes,
                widths,
                default_width,
                glyphs,
            } => {
                let len = match codes {
                    CodeMap::Identity | CodeMap::Ucs2 => 2,
                    CodeMap::Embedded(m) => m.code_len(bytes, 2),
                    CodeMap::Utf16 => match bytes.first() {
                        Some(0xD8..=0xDB) => 4,
                        _ => 2,
                    },
                    CodeMap::Lead(lo, hi) => match bytes.first() {
                        Some(b) if (lo..=hi).contains(&b) => 2,
                        _ => 1,
                    },
                };
                let len = len.clamp(1, bytes.len().max(1));
                let code = bytes.get(..len).unwrap_or(bytes);
                let value = code.iter().fold(0u32, |v, &b| v << 8 | u32::from(b));
                let mut decoded = false;
                if let Some(map) = &self.to_unicode {
                    decoded = push_mapped(map, code, text);
                }
                if !decoded && matches!(codes, CodeMap::Ucs2 | CodeMap::Utf16) {
                    let units = code.chunks_exact(2).filter_map(|p| match p {
                        [a, b] => Some(u16::from_be_bytes([*a, *b])),
                        _ => None,
                    });
                    for c in char::decode_utf16(units).filter_map(Result::ok) {
                        decoded |= push_clean(c, text);
                    }
                }
                let cid = match codes {
                    CodeMap::Identity => Some(value),
                    CodeMap::Embedded(m) => m.cid(code),
                    _ => None,
                };
                if !decoded {
                    if let Some(c) = glyphs.as_ref().zip(cid).and_then(|(g, cid)| g.char(cid)) {
                        decoded = push_clean(c, text);
                    }
                }
                let w = match cid {
                    Some(cid) => width_of(widths, cid).unwrap_or(*default_width),
                    // Predefined CMaps: CIDs are unknown; guess by script.
                    None if value < 0x2E80 && matches!(codes, CodeMap::Ucs2 | CodeMap::Utf16) => {
                        500.0
                    }
                    None if len == 1 => 500.0,
                    None => *default_width,
                };
                (
                    Glyph {
                        advance: w * self.scale,
                        word_space: len == 1 && value == 32,
                        decoded,
                    },
                    len,
                )
            }
        }
    }
}

/// Parses a CMap, charged by its size (a CMap costs more per byte than content).
fn parse_cmap(bytes: &[u8], ctx: &mut Context) -> CMap {
    if ctx.charge(bytes.len() / 16).is_err() {
        ctx.stream_error.get_or_insert(super::Limit::Work);
        return CMap::default();
    }
    CMap::parse(bytes)
}

fn empty_glyph() -> Glyph {
    Glyph {
        advance: 0.0,
        word_space: false,
        decoded: false,
    }
}

/// Appends a `ToUnicode` mapping cleaned up; false when unmapped or nothing survives.
fn push_mapped(map: &CMap, code: &[u8], text: &mut String) -> bool {
    let mut raw = String::new();
    if !map.push_text(code, &mut raw) {
        return false;
    }
    let before = text.len();
    for c in raw.chars() {
        push_clean(c, text);
    }
    text.len() > before || raw.chars().all(|c| c == '\u{AD}')
}

fn width_of(widths: &[(u32, u32, f32)], cid: u32) -> Option<f32> {
    let i = widths.partition_point(|w| w.0 <= cid);
    let (lo, hi, w) = *widths.get(i.checked_sub(1)?)?;
    (lo <= cid && cid <= hi).then_some(w)
}

/// A composite font's code map and widths; with `want_glyphs`, characters from its embedded
/// TrueType program.
fn composite(doc: &Document, font: &Dictionary, want_glyphs: bool, ctx: &mut Context) -> Kind {
    let encoding = dict_get(doc, font, b"Encoding");
    let codes = match encoding {
        Some(Object::Name(name)) => predefined(name),
        Some(o @ Object::Stream(_)) => match stream_bytes(doc, o, CMAP_LIMIT, ctx) {
            Some(bytes) => CodeMap::Embedded(Box::new(parse_cmap(&bytes, ctx))),
            None => CodeMap::Identity,
        },
        _ => CodeMap::Identity,
    };
    let descendant = dict_get(doc, font, b"DescendantFonts")
        .and_then(|o| o.as_array().ok())
        .and_then(|a| a.first())
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_dict().ok());
    let mut widths = Vec::new();
    let mut default_width = 1000.0;
    let glyphs = match descendant {
        Some(cid_font) if want_glyphs => glyph_chars(doc, cid_font, ctx),
        _ => None,
    };
    if let Some(cid_font) = descendant {
        if let Some(dw) = dict_get(doc, cid_font, b"DW").and_then(number) {
            default_width = dw;
        }
        if let Some(w) = dict_get(doc, cid_font, b"W").and_then(|o| o.as_array().ok()) {
            read_cid_widths(doc, w, &mut widths);
        }
    }
    widths.sort_by_key(|w| w.0);
    Kind::Composite {
        codes,
        widths,
        default_width,
        glyphs,
    }
}

/// Characters by glyph from a CIDFont's embedded TrueType or OpenType program.
fn glyph_chars(doc: &Document, cid_font: &Dictionary, ctx: &mut Context) -> Option<GlyphChars> {
    let descriptor = dict_get(doc, cid_font, b"FontDescriptor")?.as_dict().ok()?;
    let program = dict_get(doc, descriptor, b"FontFile2")
        .or_else(|| dict_get(doc, descriptor, b"FontFile3"))?;
    let bytes = stream_bytes(doc, program, ctx.stream_limit(), ctx)?;
    let chars = super::truetype::glyph_chars(&bytes);
    if chars.is_empty() {
        return None;
    }
    let cid_to_gid = match dict_get(doc, cid_font, b"CIDToGIDMap") {
        Some(o @ Object::Stream(_)) => Some(stream_bytes(doc, o, CMAP_LIMIT, ctx)?),
        _ => None,
    };
    Some(GlyphChars { chars, cid_to_gid })
}

/// A predefined CMap by name (PDF 32000-1 Table 118).
fn predefined(name: &[u8]) -> CodeMap {
    let has = |s: &[u8]| name.windows(s.len()).any(|w| w == s);
    if name.starts_with(b"Identity") {
        CodeMap::Identity
    } else if has(b"UCS2") {
        CodeMap::Ucs2
    } else if has(b"UTF16") {
        CodeMap::Utf16
    } else if has(b"RKSJ") {
        CodeMap::Lead(0x81, 0xFC)
    } else if has(b"KSC") || has(b"EUC") && !has(b"GB") {
        CodeMap::Lead(0xA1, 0xFE)
    } else if has(b"GB") || has(b"B5") || has(b"CNS") || has(b"ETen") || has(b"HKscs") {
        CodeMap::Lead(0x81, 0xFE)
    } else {
        CodeMap::Identity
    }
}

/// `W`: `c [w1 w2 …]` and `c_first c_last w` entries (§9.7.4.3).
fn read_cid_widths(doc: &Document, w: &[Object], out: &mut Vec<(u32, u32, f32)>) {
    let mut i = 0;
    while i < w.len() && out.len() < MAX_WIDTH_ENTRIES {
        let Some(first) = w.get(i).and_then(|o| deref(doc, o)).and_then(number) else {
            i += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).and_then(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate() {
                    if out.len() >= MAX_WIDTH_ENTRIES {
                        break;
                    }
                    if let Some(v) = deref(doc, v).and_then(number) {
                        let cid = first.saturating_add(k as u32);
                        out.push((cid, cid, v));
                    }
                }
                i += 2;
            }
            Some(o) => {
                let last = number(o).map(|l| l.max(0.0) as u32);
                let v = w.get(i + 2).and_then(|o| deref(doc, o)).and_then(number);
                if let (Some(last), Some(v)) = (last, v) {
                    if last >= first {
                        out.push((first, last, v));
                    }
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// A simple font's text per code: base encoding, then `Differences`.
fn simple_chars(doc: &Document, font: &Dictionary, ctx: &mut Context) -> Vec<char> {
    let encoding = dict_get(doc, font, b"Encoding");
    let symbolic = dict_get(doc, font, b"FontDescriptor")
        .and_then(|o| o.as_dict().ok())
        .and_then(|d| dict_get(doc, d, b"Flags"))
        .and_then(number)
        .is_some_and(|f| (f as i64) & 4 != 0);
    let default = if symbolic {
        Base::Latin1
    } else {
        Base::Standard
    };
    let (base, differences) = match encoding {
        Some(Object::Name(n)) => (Base::from_name(n).unwrap_or(default), None),
        Some(Object::Dictionary(d)) => (
            dict_get(doc, d, b"BaseEncoding")
                .and_then(|o| o.as_name().ok())
                .and_then(Base::from_name)
                .unwrap_or(default),
            dict_get(doc, d, b"Differences").and_then(|o| o.as_array().ok()),
        ),
        _ => (default, None),
    };
    let mut chars: Vec<char> = (0..=255u8).map(|c| base.char(c).unwrap_or('\0')).collect();
    if let Some(diffs) = differences {
        let mut code: i64 = 0;
        for item in diffs {
            // Glyph names are looked up in a table: more than a token's work.
            if ctx.charge(16).is_err() {
                break;
            }
            match deref(doc, item) {
                Some(Object::Integer(n)) => code = *n,
                Some(Object::Real(n)) => code = *n as i64,
                Some(Object::Name(name)) => {
                    if let Ok(i) = usize::try_from(code) {
                        if let Some(slot) = chars.get_mut(i) {
                            *slot = super::encoding::glyph_name_text(name)
                                .and_then(|t| {
                                    let mut it = t.chars();
                                    let first = it.next();
                                    // Ligature names map to their presentation form.
                                    match (first, it.next(), t.as_str()) {
                                        (Some(c), None, _) => Some(c),
                                        (_, _, "fi") => Some('\u{FB01}'),
                                        (_, _, "fl") => Some('\u{FB02}'),
                                        (_, _, "ff") => Some('\u{FB00}'),
                                        (_, _, "ffi") => Some('\u{FB03}'),
                                        (_, _, "ffl") => Some('\u{FB04}'),
                                        _ => first,
                                    }
                                })
                                .unwrap_or('\0');
                        }
                    }
                    code = code.saturating_add(1);
                }
                _ => {}
            }
        }
    }
    chars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_cmaps() {
        assert!(matches!(predefined(b"Identity-H"), CodeMap::Identity));
        assert!(matches!(predefined(b"UniGB-UCS2-H"), CodeMap::Ucs2));
        assert!(matches!(predefined(b"UniGB-UTF16-H"), CodeMap::Utf16));
        assert!(matches!(
            predefined(b"GBK-EUC-H"),
            CodeMap::Lead(0x81, 0xFE)
        ));
        assert!(matches!(
            predefined(b"KSC-EUC-H"),
            CodeMap::Lead(0xA1, 0xFE)
        ));
        assert!(matches!(
            predefined(b"90ms-RKSJ-H"),
            CodeMap::Lead(0x81, 0xFC)
        ));
    }

    #[test]
    fn cid_width_lookup() {
        let w = vec![(1, 1, 250.0), (3, 10, 500.0)];
        assert_eq!(width_of(&w, 1), Some(250.0));
        assert_eq!(width_of(&w, 2), None);
        assert_eq!(width_of(&w, 10), Some(500.0));
        assert_eq!(width_of(&w, 0), None);
    }

    #[test]
    fn fallback_font_reads_latin1() {
        let f = Font::fallback();
        let mut t = String::new();
        let (g, n) = f.next_glyph(b"A", &mut t);
        assert_eq!((t.as_str(), n, g.decoded), ("A", 1, true));
        let (g, n) = f.next_glyph(b"", &mut t);
        assert_eq!((n, g.decoded), (1, false));
    }
}
