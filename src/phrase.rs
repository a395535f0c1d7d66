//! Multi-phrase search: every phrase of a fixed list in one forward pass.
//!
//! The phrases (at least two characters each, folded like the normalised view) are grouped
//! in 4096 buckets by a hash of their first two characters. Cost per position: a bit test
//! on the first character (most characters start no phrase), then a bucket lookup and a
//! comparison per phrase in the bucket. Linear in
//! the text for a fixed list; no allocation per position.
//!
//! Two modes: [`PhraseIndex::each`] reports every occurrence of every phrase (overlaps
//! included: `不足之处` gives `不足之处` and `不足`); [`PhraseIndex::longest`] reports the
//! longest phrase at each position and continues after it (`行政规范性文件` is not also
//! `规范性文件`).

use crate::text::{fold_char, Span};

/// A compiled list of phrases; each phrase carries a caller's tag.
pub(crate) struct PhraseIndex<T> {
    /// Folded phrase and tag, grouped by bucket, longest first within a bucket.
    phrases: Vec<(String, T)>,
    /// `starts[b]..starts[b + 1]` are the phrases of bucket `b`.
    starts: Vec<u32>,
    /// 64 Kbit filter on the first character.
    first: Vec<u64>,
}

const BUCKET_BITS: u32 = 12;

/// The bucket of a phrase starting with `a`, `b`: a multiplicative hash of the pair.
fn bucket(a: char, b: char) -> usize {
    let k = ((a as u64) << 32) | b as u64;
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BUCKET_BITS)) as usize
}

fn first_two(p: &str) -> (char, char) {
    let mut c = p.chars();
    (c.next().unwrap_or('\0'), c.next().unwrap_or('\0'))
}

impl<T> PhraseIndex<T> {
    /// Compiles `phrases`; phrases shorter than two characters are ignored.
    pub(crate) fn new(phrases: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut list: Vec<(String, T)> = phrases
            .into_iter()
            .map(|(p, t)| (p.chars().map(fold_char).collect::<String>(), t))
            .filter(|(p, _)| p.chars().nth(1).is_some())
            .collect();
        let b = |p: &str| {
            let (x, y) = first_two(p);
            bucket(x, y)
        };
        list.sort_by(|x, y| b(&x.0).cmp(&b(&y.0)).then(y.0.len().cmp(&x.0.len())));
        let mut starts = vec![0u32; (1 << BUCKET_BITS) + 1];
        for (p, _) in &list {
            starts[b(p) + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut first = vec![0u64; 1024];
        for (p, _) in &list {
            let c = first_two(p).0 as usize & 0xFFFF;
            first[c >> 6] |= 1u64 << (c & 63);
        }
        PhraseIndex {
            phrases: list,
            starts,
            first,
        }
    }

    /// Candidates starting at `s[i..]`, longest first (with a few of other buckets' pairs).
    fn candidates(&self, s: &str, i: usize) -> &[(String, T)] {
        // Most positions start no phrase: test the filter on the code point computed from
        // the raw bytes (the text is valid UTF-8) before decoding anything.
        let b = s.as_bytes();
        let c = match b[i] {
            x @ 0..=0x7F => x as usize,
            x @ 0xE0..=0xEF if i + 2 < b.len() => {
                ((x as usize & 0x0F) << 12)
                    | ((b[i + 1] as usize & 0x3F) << 6)
                    | (b[i + 2] as usize & 0x3F)
            }
            _ => match s[i..].chars().next() {
                Some(a) => a as usize & 0xFFFF,
                None => return &[],
            },
        };
        if self.first[c >> 6] & (1u64 << (c & 63)) == 0 {
            return &[];
        }
        let mut chars = s[i..].chars();
        let Some(a) = chars.next() else { return &[] };
        let Some(b) = chars.next() else { return &[] };
        let k = bucket(a, b);
        &self.phrases[self.starts[k] as usize..self.starts[k + 1] as usize]
    }

    /// Every occurrence in `text[span]`, by start position then longest first.
    pub(crate) fn each(&self, text: &str, span: Span, mut hit: impl FnMut(&T, Span)) {
        let s = &text[span.start..span.end];
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let at = i;
            i += crate::document::utf8_len(bytes[i]);
            for (p, t) in self.candidates(s, at) {
                if s[at..].starts_with(p.as_str()) {
                    hit(t, Span::new(span.start + at, span.start + at + p.len()));
                }
            }
        }
    }

    /// The longest phrase at each position, continuing after it. Phrases of equal text (one
    /// listed under several tags) are all reported.
    pub(crate) fn longest(&self, text: &str, span: Span, mut hit: impl FnMut(&T, Span)) {
        let s = &text[span.start..span.end];
        let mut i = 0;
        while i < s.len() {
            let step = crate::document::utf8_len(s.as_bytes()[i]);
            let mut matched: Option<usize> = None;
            for (p, t) in self.candidates(s, i) {
                if matched.is_some_and(|len| p.len() < len) {
                    break;
                }
                if s[i..].starts_with(p.as_str()) {
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
