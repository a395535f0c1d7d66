//! CMaps: `ToUnicode` maps (code → text) and embedded encoding CMaps (code → CID), with
//! their code space ranges (PDF 32000-1 §9.7.5, §9.10.3; Adobe Technical Note #5014).
//!
//! Accepted: `begincodespacerange`, `beginbfchar`, `beginbfrange` (both the incrementing
//! form `<lo> <hi> <dst>` and the array form `<lo> <hi> [<d0> <d1> …]`), `begincidchar`,
//! `begincidrange`, codes of one to four bytes, UTF-16BE destinations (surrogate pairs,
//! several characters for a ligature). Ignored: `usecmap`, `notdef` ranges, PostScript
//! around the sections. A CMap without a code space gets one from its first codes' length.
//! Entries past [`MAX_ENTRIES`] are dropped.

use super::lexer::{Lexer, Token};
use std::collections::HashMap;

/// Most `bfchar`/`cidchar` entries and ranges kept from one CMap (a font has at most
/// 65,536 glyphs).
pub(crate) const MAX_ENTRIES: usize = 200_000;
/// Largest range that the incrementing form may span.
const MAX_RANGE: u32 = 0x1_0000;

/// One code space range: codes of `len` bytes whose every byte lies between the bounds'.
#[derive(Clone, Debug)]
struct Codespace {
    len: u8,
    low: [u8; 4],
    high: [u8; 4],
}

/// Where a `bfrange` maps to.
#[derive(Clone, Debug)]
enum Target {
    /// UTF-16 units; the last one grows with the code.
    Base(Vec<u16>),
    /// One string per code.
    Each(Vec<String>),
}

#[derive(Clone, Debug)]
struct Range {
    len: u8,
    low: u32,
    high: u32,
    target: Target,
}

#[derive(Clone, Debug)]
struct CidRange {
    len: u8,
    low: u32,
    high: u32,
    cid: u32,
}

/// A parsed CMap; see the module docs.
#[derive(Clone, Debug, Default)]
pub(crate) struct CMap {
    codespace: Vec<Codespace>,
    chars: HashMap<(u8, u32), String>,
    ranges: Vec<Range>,
    cids: HashMap<(u8, u32), u32>,
    cid_ranges: Vec<CidRange>,
}

/// An operand collected between keywords.
enum Operand {
    Str(Vec<u8>),
    Number(f32),
    Name(Vec<u8>),
    Array(Vec<Operand>),
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    None,
    Codespace,
    BfChar,
    BfRange,
    CidChar,
    CidRange,
}

/// A code's bytes as a number (at most four bytes).
fn code_of(bytes: &[u8]) -> Option<(u8, u32)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    let v = bytes.iter().fold(0u32, |v, &b| v << 8 | u32::from(b));
    Some((bytes.len() as u8, v))
}

/// UTF-16BE bytes → units (an odd last byte is dropped).
fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks_exact(2)
        .map(|p| {
            u16::from_be_bytes([
                p.first().copied().unwrap_or(0),
                p.get(1).copied().unwrap_or(0),
            ])
        })
        .collect()
}

/// Appends UTF-16 units as text, skipping unpaired surrogates.
fn push_utf16(units: &[u16], out: &mut String) {
    out.extend(char::decode_utf16(units.iter().copied()).filter_map(Result::ok));
}

fn text_of(operand: &Operand) -> Option<String> {
    match operand {
        Operand::Str(b) => {
            let mut s = String::new();
            if b.len() == 1 {
                // Some writers give one byte for a Latin-1 character.
                s.extend(b.first().map(|&c| char::from(c)));
            } else {
                push_utf16(&utf16_units(b), &mut s);
            }
            Some(s)
        }
        Operand::Name(n) => super::encoding::glyph_name_text(n),
        _ => None,
    }
}

impl CMap {
    /// Parses a CMap stream's bytes; never fails (what cannot be read is skipped).
    pub(crate) fn parse(data: &[u8]) -> CMap {
        let mut map = CMap::default();
        let mut lexer = Lexer::new(data);
        let mut section = Section::None;
        let mut operands: Vec<Operand> = Vec::new();
        let mut array: Option<Vec<Operand>> = None;
        let mut entries = 0usize;
        while let Some(token) = lexer.next_token() {
            let operand = match token {
                Token::Str(s) => Operand::Str(s),
                Token::Number(n) => Operand::Number(n),
                Token::Name(n) => Operand::Name(super::lexer::decode_name(n).into_owned()),
                Token::ArrayStart => {
                    array = Some(Vec::new());
                    continue;
                }
                Token::ArrayEnd => match array.take() {
                    Some(items) => Operand::Array(items),
                    None => continue,
                },
                Token::DictStart | Token::DictEnd => continue,
                Token::Keyword(k) => {
                    array = None;
                    operands.clear();
                    section = match k {
                        b"begincodespacerange" => Section::Codespace,
                        b"beginbfchar" => Section::BfChar,
                        b"beginbfrange" => Section::BfRange,
                        b"begincidchar" => Section::CidChar,
                        b"begincidrange" => Section::CidRange,
                        _ if k.starts_with(b"end") => Section::None,
                        _ => section,
                    };
                    continue;
                }
            };
            if section == Section::None {
                continue;
            }
            if let Some(items) = array.as_mut() {
                if items.len() < MAX_RANGE as usize {
                    items.push(operand);
                }
                continue;
            }
            operands.push(operand);
            let needed = match section {
                Section::BfRange | Section::CidRange => 3,
                _ => 2,
            };
            if operands.len() < needed {
                continue;
            }
            if entries < MAX_ENTRIES {
                entries += 1;
                map.add(section, &operands);
            }
            operands.clear();
        }
        map.ranges.sort_by_key(|r| (r.len, r.low));
        map.cid_ranges.sort_by_key(|r| (r.len, r.low));
        if map.codespace.is_empty() {
            // Broken CMaps leave the code space out: take the length of the first codes.
            let len = map
                .chars
                .keys()
                .map(|k| k.0)
                .chain(map.ranges.iter().map(|r| r.len))
                .chain(map.cids.keys().map(|k| k.0))
                .chain(map.cid_ranges.iter().map(|r| r.len))
                .min();
            if let Some(len) = len {
                map.codespace.push(Codespace {
                    len,
                    low: [0; 4],
                    high: [0xff; 4],
                });
            }
        }
        map
    }

    fn add(&mut self, section: Section, ops: &[Operand]) {
        match (section, ops) {
            (Section::Codespace, [Operand::Str(lo), Operand::Str(hi)])
                if lo.len() == hi.len()
                    && (1..=4).contains(&lo.len())
                    && self.codespace.len() < 64 =>
            {
                let mut c = Codespace {
                    len: lo.len() as u8,
                    low: [0; 4],
                    high: [0; 4],
                };
                for (i, (&l, &h)) in lo.iter().zip(hi.iter()).enumerate() {
                    if let (Some(cl), Some(ch)) = (c.low.get_mut(i), c.high.get_mut(i)) {
                        *cl = l;
                        *ch = h;
                    }
                }
                self.codespace.push(c);
            }
            (Section::BfChar, [Operand::Str(code), dst]) => {
                if let (Some(key), Some(text)) = (code_of(code), text_of(dst)) {
                    self.chars.insert(key, text);
                }
            }
            (Section::BfRange, [Operand::Str(lo), Operand::Str(hi), dst]) => {
                let (Some((len, low)), Some((hlen, high))) = (code_of(lo), code_of(hi)) else {
                    return;
                };
                if len != hlen || high < low || high - low >= MAX_RANGE {
                    return;
                }
                let target = match dst {
                    Operand::Str(b) => Target::Base(utf16_units(b)),
                    Operand::Array(items) => Target::Each(
                        items
                            .iter()
                            .map(|o| text_of(o).unwrap_or_default())
                            .collect(),
                    ),
                    _ => return,
                };
                self.ranges.push(Range {
                    len,
                    low,
                    high,
                    target,
                });
            }
            (Section::CidChar, [Operand::Str(code), Operand::Number(cid)]) => {
                if let Some(key) = code_of(code) {
                    self.cids.insert(key, cid.max(0.0) as u32);
                }
            }
            (Section::CidRange, [Operand::Str(lo), Operand::Str(hi), Operand::Number(cid)]) => {
                if let (Some((len, low)), Some((hlen, high))) = (code_of(lo), code_of(hi)) {
                    if len == hlen && low <= high {
                        self.cid_ranges.push(CidRange {
                            len,
                            low,
                            high,
                            cid: cid.max(0.0) as u32,
                        });
                    }
                }
            }
            _ => {}
        }
    }

    /// True when the CMap maps no code to text.
    pub(crate) fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.ranges.is_empty()
    }

    /// True when the CMap has a code space of its own.
    pub(crate) fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    /// The length of the code at the start of `bytes` by the code space (§9.7.6.2): the
    /// shortest range that matches; when none does, the shortest length in the code space,
    /// or `default` for a CMap without one.
    pub(crate) fn code_len(&self, bytes: &[u8], default: usize) -> usize {
        if self.codespace.is_empty() {
            return default;
        }
        for n in 1..=4usize {
            let Some(code) = bytes.get(..n) else { break };
            let hit = self.codespace.iter().any(|c| {
                usize::from(c.len) == n
                    && code.iter().enumerate().all(|(i, b)| {
                        c.low.get(i).is_some_and(|l| b >= l)
                            && c.high.get(i).is_some_and(|h| b <= h)
                    })
            });
            if hit {
                return n;
            }
        }
        self.codespace
            .iter()
            .map(|c| usize::from(c.len))
            .min()
            .unwrap_or(default)
    }

    /// Appends the text of a code; false when the CMap does not map it.
    pub(crate) fn push_text(&self, code: &[u8], out: &mut String) -> bool {
        let Some(key) = code_of(code) else {
            return false;
        };
        if let Some(t) = self.chars.get(&key) {
            out.push_str(t);
            return true;
        }
        let Some(r) = find_range(&self.ranges, key, |r| (r.len, r.low, r.high)) else {
            return false;
        };
        let offset = key.1 - r.low;
        match &r.target {
            Target::Base(units) => {
                let mut units = units.clone();
                if let Some(last) = units.last_mut() {
                    *last = last.wrapping_add(offset as u16);
                }
                let before = out.len();
                push_utf16(&units, out);
                out.len() > before
            }
            Target::Each(items) => match items.get(offset as usize) {
                Some(t) if !t.is_empty() => {
                    out.push_str(t);
                    true
                }
                _ => false,
            },
        }
    }

    /// The CID of a code in an encoding CMap.
    pub(crate) fn cid(&self, code: &[u8]) -> Option<u32> {
        let key = code_of(code)?;
        if let Some(&cid) = self.cids.get(&key) {
            return Some(cid);
        }
        let r = find_range(&self.cid_ranges, key, |r| (r.len, r.low, r.high))?;
        Some(r.cid.saturating_add(key.1 - r.low))
    }
}

/// The range holding `key` among ranges sorted by (length, low).
fn find_range<T>(
    ranges: &[T],
    key: (u8, u32),
    bounds: impl Fn(&T) -> (u8, u32, u32),
) -> Option<&T> {
    let i = ranges.partition_point(|r| {
        let (len, low, _) = bounds(r);
        (len, low) <= key
    });
    let r = ranges.get(i.checked_sub(1)?)?;
    let (len, low, high) = bounds(r);
    (len == key.0 && low <= key.1 && key.1 <= high).then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(map: &CMap, code: &[u8]) -> Option<String> {
        let mut s = String::new();
        map.push_text(code, &mut s).then_some(s)
    }

    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
        1 begincodespacerange <0000> <FFFF> endcodespacerange
        3 beginbfchar <0003> <0020> <0010> <4E2D> <0011> <D835DC00> endbfchar
        2 beginbfrange <0020> <0022> <6587> <0030> <0032> [<0041> <00660069> <0043>]
        endbfrange endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn bfchar_and_bfrange_forms() {
        let m = CMap::parse(TO_UNICODE);
        // (code, text, reason)
        let rows: &[(&[u8], Option<&str>, &str)] = &[
            (&[0x00, 0x03], Some(" "), "bfchar"),
            (&[0x00, 0x10], Some("中"), "bfchar CJK"),
            (&[0x00, 0x11], Some("\u{1D400}"), "surrogate pair"),
            (&[0x00, 0x20], Some("文"), "range start"),
            (
                &[0x00, 0x22],
                Some("\u{6589}"),
                "range end: last unit incremented",
            ),
            (&[0x00, 0x23], None, "past the range"),
            (&[0x00, 0x31], Some("fi"), "array form, ligature"),
            (&[0x00, 0x32], Some("C"), "array form"),
            (&[0x10], None, "a one-byte code is another code"),
        ];
        for (code, want, why) in rows {
            assert_eq!(text(&m, code).as_deref(), *want, "{why}");
        }
        assert_eq!(m.code_len(&[0x4e, 0x2d, 0x00], 1), 2);
    }

    #[test]
    fn mixed_code_lengths_split_by_codespace() {
        let m = CMap::parse(
            b"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
              2 beginbfchar <41> <0041> <B0A1> <554A> endbfchar",
        );
        assert_eq!(m.code_len(b"A\xb0\xa1", 2), 1);
        assert_eq!(m.code_len(b"\xb0\xa1", 1), 2);
        assert_eq!(text(&m, b"\xb0\xa1").as_deref(), Some("啊"));
        // No range matches: the shortest length.
        assert_eq!(m.code_len(b"\xff\x00", 2), 1);
    }

    #[test]
    fn missing_codespace_and_garbage() {
        let m = CMap::parse(b"beginbfchar <0041> <0042> endbfchar");
        assert_eq!(m.code_len(b"\x00\x41", 1), 2);
        for junk in [
            &b""[..],
            b"beginbfrange <00> <FF>",
            b"beginbfrange <FFFF> <0000> <41> endbfrange ]]]>>",
        ] {
            let m = CMap::parse(junk);
            assert!(m.is_empty());
        }
        // A huge range is refused rather than expanded.
        let m = CMap::parse(b"beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert!(m.is_empty());
    }

    #[test]
    fn cid_ranges() {
        let m = CMap::parse(
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange
              1 begincidrange <0100> <01FF> 500 endcidrange 1 begincidchar <0005> 7 endcidchar",
        );
        assert_eq!(m.cid(&[1, 2]), Some(502));
        assert_eq!(m.cid(&[0, 5]), Some(7));
        assert_eq!(m.cid(&[2, 0]), None);
    }
}
