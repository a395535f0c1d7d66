//! Glyph → character from an embedded TrueType/OpenType font's `cmap` table, for composite
//! fonts that come without a `ToUnicode` map (some virtual printers write such files).
//!
//! Read: the table directory (also the first font of a collection), `cmap` subtables of
//! format 4 (BMP) and 12 (all planes) for Unicode — platform 3 encodings 1 and 10, platform
//! 0 — inverted into glyph → character (the smallest character wins). At most
//! [`MAX_MAPPED`] characters are read. Fonts without a Unicode `cmap` (CFF-based `FontFile3`,
//! subsets whose `cmap` was dropped) give nothing.

use std::collections::HashMap;

/// Most characters read from one `cmap`.
const MAX_MAPPED: usize = 200_000;

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let b = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([*b.first()?, *b.get(1)?]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let b = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([
        *b.first()?,
        *b.get(1)?,
        *b.get(2)?,
        *b.get(3)?,
    ]))
}

/// The `cmap` table's bytes.
fn cmap_table(font: &[u8]) -> Option<&[u8]> {
    let mut base = 0usize;
    if font.get(..4) == Some(b"ttcf") {
        base = u32_at(font, 12)? as usize;
    }
    let tables = usize::from(u16_at(font, base.checked_add(4)?)?);
    for i in 0..tables.min(256) {
        let record = base.checked_add(12 + 16 * i)?;
        if font.get(record..record.checked_add(4)?) == Some(b"cmap") {
            let offset = u32_at(font, record.checked_add(8)?)? as usize;
            let length = u32_at(font, record.checked_add(12)?)? as usize;
            return font.get(offset..offset.checked_add(length)?);
        }
    }
    None
}

/// Glyph id → character (see the module docs).
pub(crate) fn glyph_chars(font: &[u8]) -> HashMap<u16, char> {
    let mut out = HashMap::new();
    let Some(cmap) = cmap_table(font) else {
        return out;
    };
    // The best Unicode subtable: format 12 before 4, Windows before Unicode platform.
    let count = usize::from(u16_at(cmap, 2).unwrap_or(0));
    let mut best: Option<(u8, usize)> = None;
    for i in 0..count.min(64) {
        let record = 4 + 8 * i;
        let (Some(platform), Some(encoding), Some(offset)) = (
            u16_at(cmap, record),
            u16_at(cmap, record + 2),
            u32_at(cmap, record + 4),
        ) else {
            break;
        };
        let unicode = matches!((platform, encoding), (3, 1) | (3, 10) | (0, _));
        let format = u16_at(cmap, offset as usize).unwrap_or(0);
        let rank = match (unicode, format) {
            (true, 12) => 3 + u8::from(platform == 3),
            (true, 4) => 1 + u8::from(platform == 3),
            _ => 0,
        };
        if rank > 0 && best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, offset as usize));
        }
    }
    let Some((rank, offset)) = best else {
        return out;
    };
    let Some(table) = cmap.get(offset..) else {
        return out;
    };
    if rank >= 3 {
        read_format12(table, &mut out);
    } else {
        read_format4(table, &mut out);
    }
    out
}

fn add(out: &mut HashMap<u16, char>, gid: u32, code: u32) {
    let (Ok(gid), Some(c)) = (u16::try_from(gid), char::from_u32(code)) else {
        return;
    };
    if gid != 0 {
        out.entry(gid).and_modify(|e| *e = (*e).min(c)).or_insert(c);
    }
}

fn read_format4(t: &[u8], out: &mut HashMap<u16, char>) {
    let segments = usize::from(u16_at(t, 6).unwrap_or(0) / 2);
    let ends = 14;
    let starts = ends + 2 * segments + 2;
    let deltas = starts + 2 * segments;
    let ranges = deltas + 2 * segments;
    let mut mapped = 0usize;
    for s in 0..segments {
        let (Some(end), Some(start), Some(delta), Some(range)) = (
            u16_at(t, ends + 2 * s),
            u16_at(t, starts + 2 * s),
            u16_at(t, deltas + 2 * s),
            u16_at(t, ranges + 2 * s),
        ) else {
            return;
        };
        if start > end {
            continue;
        }
        for c in start..=end {
            if c == 0xFFFF || mapped >= MAX_MAPPED {
                break;
            }
            mapped += 1;
            let gid = if range == 0 {
                c.wrapping_add(delta)
            } else {
                let at = ranges + 2 * s + usize::from(range) + 2 * usize::from(c - start);
                match u16_at(t, at) {
                    Some(0) | None => continue,
                    Some(g) => g.wrapping_add(delta),
                }
            };
            add(out, u32::from(gid), u32::from(c));
        }
    }
}

fn read_format12(t: &[u8], out: &mut HashMap<u16, char>) {
    let groups = u32_at(t, 12).unwrap_or(0) as usize;
    let mut mapped = 0usize;
    for g in 0..groups {
        let at = 16 + 12 * g;
        let (Some(start), Some(end), Some(gid)) =
            (u32_at(t, at), u32_at(t, at + 4), u32_at(t, at + 8))
        else {
            return;
        };
        if start > end {
            continue;
        }
        for (k, c) in (start..=end).enumerate() {
            if mapped >= MAX_MAPPED {
                return;
            }
            mapped += 1;
            add(out, gid.saturating_add(k as u32), c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A font with only a `cmap` table holding `subtable` for (3, 1).
    fn font_with(subtable: &[u8]) -> Vec<u8> {
        let mut cmap = vec![0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12];
        cmap.extend_from_slice(subtable);
        let mut f = vec![0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
        f.extend_from_slice(b"cmap");
        f.extend_from_slice(&[0; 4]);
        f.extend_from_slice(&28u32.to_be_bytes());
        f.extend_from_slice(&(cmap.len() as u32).to_be_bytes());
        f.extend_from_slice(&cmap);
        f
    }

    #[test]
    fn format4_segments() {
        // Two segments: 中文 (U+4E2D, U+4E2E) → glyphs 5, 6 by delta; 0xFFFF end segment.
        let words: [u16; 11] = [
            4,
            0x4E2E,
            0xFFFF,
            0,
            0x4E2D,
            0xFFFF,
            5u16.wrapping_sub(0x4E2D),
            1,
            0,
            0,
            0,
        ];
        let mut t = vec![0, 4, 0, 0, 0, 0];
        t.extend_from_slice(&4u16.to_be_bytes()); // segCountX2
        t.extend_from_slice(&[0; 6]);
        // ends, pad, starts, deltas, ranges
        for w in &words[1..3] {
            t.extend_from_slice(&w.to_be_bytes());
        }
        t.extend_from_slice(&[0, 0]);
        for w in &words[4..6] {
            t.extend_from_slice(&w.to_be_bytes());
        }
        for w in &words[6..8] {
            t.extend_from_slice(&w.to_be_bytes());
        }
        for w in &words[8..10] {
            t.extend_from_slice(&w.to_be_bytes());
        }
        let map = glyph_chars(&font_with(&t));
        assert_eq!(map.get(&5), Some(&'中'));
        assert_eq!(map.get(&6), Some(&'\u{4E2E}'));
    }

    #[test]
    fn format12_groups() {
        let mut t = vec![0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        t.extend_from_slice(&1u32.to_be_bytes());
        for v in [0x20000u32, 0x20001, 7] {
            t.extend_from_slice(&v.to_be_bytes());
        }
        let map = glyph_chars(&font_with(&t));
        assert_eq!(map.get(&8), Some(&'\u{20001}'));
    }

    #[test]
    fn garbage_gives_nothing() {
        for f in [
            &b""[..],
            b"ttcf\xff\xff\xff\xff",
            b"\0\x01\0\0\xff\xffcmap",
            &font_with(b"\0\x04\xff\xff"),
        ] {
            assert!(glyph_chars(f).len() <= 2);
        }
    }
}
