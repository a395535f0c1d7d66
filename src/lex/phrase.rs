//! Multi-phrase search: every phrase of a fixed list in one forward pass.
//!
//! The phrases (at least two characters each, folded like the normalised view) are grouped
//! in 4096 buckets by a hash of their first two characters. The scan decodes each character
//! once and hashes it with the one before: a 64 Kbit filter on the same hash rejects most
//! pairs (`的工`, `。全`) with one bit test; a pair that passes is looked up in its bucket and
//! each phrase there is compared by its first eight bytes, then in full. Linear in the text
//! for a fixed list; no allocation per position.
//!
//! [`PhraseIndex::each`] reports every occurrence of every phrase (overlaps included:
//! `不足之处` gives `不足之处` and `不足`), by start position and longest first at one
//! position, so a longest-match scan (`行政规范性文件` is not also `规范性文件`) can be
//! derived from its output (see [`crate::checks::cues`]).

use crate::text::{fold_char, Span};

/// A compiled list of phrases; each phrase carries a caller's tag.
pub(crate) struct PhraseIndex<T> {
    /// Folded phrase and tag, grouped by bucket, longest first within a bucket.
    phrases: Vec<(String, T)>,
    /// `starts[b]..starts[b + 1]` are the phrases of bucket `b`.
    starts: Vec<u32>,
    /// 64 Kbit filter on the pair hash of the first two characters.
    pairs: Vec<u64>,
    /// Per phrase (same order): its first eight bytes as a little-endian word and the mask
    /// of the bytes it has, so most comparisons are one AND and one compare.
    keys: Vec<(u64, u64)>,
}

/// Up to eight bytes of `b` from `i` as a little-endian word (zeros past the end).
fn word_at(b: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    let n = b.len().saturating_sub(i).min(8);
    w[..n].copy_from_slice(&b[i..i + n]);
    u64::from_le_bytes(w)
}

const BUCKET_BITS: u32 = 12;

/// The bucket and the filter bit of a phrase starting with the code points `a`, `b`: two
/// bit fields of one multiplicative hash of the pair.
#[inline(always)]
fn pair_hash(a: u32, b: u32) -> (usize, usize) {
    let h = ((a as u64) << 32 | b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (
        (h >> (64 - BUCKET_BITS)) as usize,
        (h >> 32) as usize & 0xFFFF,
    )
}

/// The code point starting at byte `i` of valid UTF-8 `b` (a char boundary) and its length.
#[inline(always)]
fn decode(b: &[u8], i: usize) -> (u32, usize) {
    match b[i..] {
        [x, ..] if x < 0x80 => (x as u32, 1),
        [x, y, z, ..] if (0xE0..0xF0).contains(&x) => (
            (x as u32 & 0x0F) << 12 | (y as u32 & 0x3F) << 6 | (z as u32 & 0x3F),
            3,
        ),
        [x, y, ..] if x < 0xE0 => ((x as u32 & 0x1F) << 6 | (y as u32 & 0x3F), 2),
        [x, y, z, w, ..] => (
            (x as u32 & 0x07) << 18
                | (y as u32 & 0x3F) << 12
                | (z as u32 & 0x3F) << 6
                | (w as u32 & 0x3F),
            4,
        ),
        _ => (0xFFFD, 1), // not reached on valid UTF-8
    }
}

fn first_two(p: &str) -> (char, char) {
    let mut c = p.chars();
    (c.next().unwrap_or('\0'), c.next().unwrap_or('\0'))
}

impl<T> PhraseIndex<T> {
    /// Compiles `phrases`; phrases shorter than two characters are ignored.
    pub(crate) fn new<P: AsRef<str>>(phrases: impl IntoIterator<Item = (P, T)>) -> Self {
        let mut list: Vec<(String, T)> = phrases
            .into_iter()
            .map(|(p, t)| (p.as_ref().chars().map(fold_char).collect::<String>(), t))
            .filter(|(p, _)| p.chars().nth(1).is_some())
            .collect();
        let b = |p: &str| {
            let (x, y) = first_two(p);
            pair_hash(x as u32, y as u32).0
        };
        crate::text::sort::sort_by(&mut list, |x, y| {
            b(&x.0).cmp(&b(&y.0)).then(y.0.len().cmp(&x.0.len()))
        });
        let mut starts = vec![0u32; (1 << BUCKET_BITS) + 1];
        for (p, _) in &list {
            starts[b(p) + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut pairs = vec![0u64; 1024];
        for (p, _) in &list {
            let (x, y) = first_two(p);
            let f = pair_hash(x as u32, y as u32).1;
            pairs[f >> 6] |= 1u64 << (f & 63);
        }
        let keys = list
            .iter()
            .map(|(p, _)| {
                let n = p.len().min(8);
                let mask = if n == 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * n)) - 1
                };
                (word_at(p.as_bytes(), 0), mask)
            })
            .collect();
        PhraseIndex {
            phrases: list,
            starts,
            pairs,
            keys,
        }
    }

    /// True when phrase `k` starts `s[i..]`; `w` is `word_at(s, i)`.
    fn matches_at(&self, k: usize, s: &str, i: usize, w: u64) -> bool {
        let (prefix, mask) = self.keys[k];
        w & mask == prefix && (mask != u64::MAX || s[i..].starts_with(self.phrases[k].0.as_str()))
    }

    /// The phrases starting with the code points `a`, `b` (and a few of other pairs in the
    /// same bucket), longest first; empty for most pairs.
    #[inline(always)]
    fn candidates(&self, a: u32, b: u32) -> std::ops::Range<usize> {
        let (k, f) = pair_hash(a, b);
        if self.pairs[f >> 6] & (1u64 << (f & 63)) == 0 {
            return 0..0;
        }
        self.starts[k] as usize..self.starts[k + 1] as usize
    }

    /// Every occurrence in `text[span]`, by start position then longest first.
    pub(crate) fn each(&self, text: &str, span: Span, mut hit: impl FnMut(&T, Span)) {
        let s = &text[span.start..span.end];
        let bytes = s.as_bytes();
        if bytes.is_empty() {
            return;
        }
        // `at` is the start of the previous character `a`; `i` of the current one.
        let (mut a, mut i) = decode(bytes, 0);
        let mut at = 0;
        while i < bytes.len() {
            let (b, len) = decode(bytes, i);
            let range = self.candidates(a, b);
            if !range.is_empty() {
                let w = word_at(bytes, at);
                for k in range {
                    if self.matches_at(k, s, at, w) {
                        let (p, t) = &self.phrases[k];
                        hit(t, Span::new(span.start + at, span.start + at + p.len()));
                    }
                }
            }
            (a, at) = (b, i);
            i += len;
        }
    }

    /// The longest phrase at each position, continuing after it. Phrases of equal text (one
    /// listed under several tags) are all reported. The reference for
    /// [`crate::checks::cues::LineHits::longest_areas`], which derives the same from [`Self::each`].
    #[cfg(test)]
    pub(crate) fn longest(&self, text: &str, span: Span, mut hit: impl FnMut(&T, Span)) {
        let s = &text[span.start..span.end];
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < s.len() {
            let (a, step) = decode(bytes, i);
            let range = match i + step < bytes.len() {
                true => self.candidates(a, decode(bytes, i + step).0),
                false => 0..0,
            };
            if range.is_empty() {
                i += step;
                continue;
            }
            let w = word_at(bytes, i);
            let mut matched: Option<usize> = None;
            for k in range {
                let (p, t) = &self.phrases[k];
                if matched.is_some_and(|len| p.len() < len) {
                    break;
                }
                if self.matches_at(k, s, i, w) {
                    matched = Some(p.len());
                    hit(t, Span::new(span.start + i, span.start + i + p.len()));
                }
            }
            i += matched.unwrap_or(step);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(idx: &PhraseIndex<u8>, s: &str, longest: bool) -> Vec<(u8, &'static str)> {
        let mut out = Vec::new();
        let mut f = |t: &u8, sp: Span| out.push((*t, sp));
        if longest {
            idx.longest(s, Span::new(0, s.len()), &mut f);
        } else {
            idx.each(s, Span::new(0, s.len()), &mut f);
        }
        out.into_iter()
            .map(|(t, sp)| (t, &*s[sp.start..sp.end].to_string().leak()))
            .collect()
    }

    #[test]
    fn each_reports_overlaps_and_longest_consumes() {
        let idx = PhraseIndex::new([("不足之处", 1), ("不足", 2), ("之处", 3)]);
        assert_eq!(
            found(&idx, "存在不足之处", false),
            [(1, "不足之处"), (2, "不足"), (3, "之处")]
        );
        assert_eq!(found(&idx, "存在不足之处", true), [(1, "不足之处")]);
    }

    #[test]
    fn phrases_are_folded_like_the_view() {
        // The list says `互联网＋`; the view has `+`.
        let idx = PhraseIndex::new([("互联网＋监管", 1)]);
        assert_eq!(found(&idx, "推行互联网+监管", true), [(1, "互联网+监管")]);
        // A one-character phrase is ignored, not a panic.
        let idx = PhraseIndex::new([("将", 1)]);
        assert!(found(&idx, "我们将", false).is_empty());
    }
}
