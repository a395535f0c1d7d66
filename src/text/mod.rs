//! Spans, the normalised view of a report, and offset conversion.
//!
//! Every recogniser in report-lens works on a [`Normalized`] copy of the input in which
//! equivalent spellings are folded to one form:
//!
//! * full-width ASCII (`１２％`, `（一）`, `，`, `：`) → half-width (`12%`, `(一)`, `,`, `:`);
//! * ideographic and no-break spaces → `' '`; half-width `｡` `､` → `。` `、`;
//! * corner quotes `「」『』` → `“”‘’`;
//! * Traditional characters → Simplified (`萬元` → `万元`, `處理` → `处理`).
//!
//! Folding never merges characters. It drops one thing: pinyin that mirror sites inject after
//! a character (`關(guān)於`, `2個(gè)村`, also in full-width brackets) — a bracket holding one
//! lowercase syllable with a tone mark (or a toneless particle: `(de)`, `(le)` …) right after
//! a CJK ideograph. `(a)`, `(APP)`, `(2023)`, `(试行)` and a syllable after a non-CJK
//! character are kept. Width folding changes byte lengths and dropping removes bytes;
//! [`Normalized::to_original`] maps a byte offset of the view back to the input through a
//! sparse list of checkpoints (a dropped syllable stays attached to the character before it).
//!
//! In text that looks recognised (OCR), the view also drops the single spaces OCR puts between
//! Chinese characters ([`spacing`]): `一 、 加 强` reads as `一、加强`. In text copied out of a
//! PDF viewer, whose lines the page broke, it joins the broken lines ([`wrap`]).

pub mod sort;
pub mod spacing;
mod t2s_table;
pub mod wrap;

use serde::Serialize;
use t2s_table::T2S;

/// A byte range `start..end` into a text; both ends lie on `char` boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies inside this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Which script a report is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Simplified characters (or no distinguishing characters at all).
    Simplified,
    /// Traditional characters.
    Traditional,
    /// A substantial share of both.
    Mixed,
}

/// The folded view of a text with a map back to the original's byte offsets.
#[derive(Clone, Debug)]
pub struct Normalized {
    /// The folded text: one `char` per character of the original, but for dropped pinyin and
    /// OCR spaces.
    pub text: String,
    /// `(view offset, original offset)` after every character whose byte length changed.
    checkpoints: Vec<(usize, usize)>,
    /// Count of characters that were Traditional-only.
    pub traditional_chars: usize,
    /// Count of characters that are Simplified forms with a distinct Traditional form.
    pub simplified_chars: usize,
    /// Count of injected pinyin syllables dropped from the view.
    pub pinyin_dropped: usize,
    /// Count of OCR spaces dropped from the view ([`spacing`]).
    pub spaces_dropped: usize,
    /// View offsets at which an OCR space was dropped, ascending: a span that ends there ends
    /// before the space in the original.
    space_drops: Vec<usize>,
    /// `(view offset, bytes dropped)` of every line break joined ([`wrap`]), ascending: a span
    /// that ends there ends before the break in the original.
    joins: Vec<(usize, usize)>,
    /// For each [`BUCKET`] bytes of the view, the number of checkpoints before it: a lookup
    /// searches one bucket's checkpoints (full-width punctuation makes them dense).
    buckets: Vec<u32>,
}

/// Bytes of the view per entry of [`Normalized::buckets`].
const BUCKET: usize = 1024;

/// `buckets[b]` = how many checkpoints lie before view offset `b * BUCKET`, for every bucket
/// of a view `len` bytes long and one past it.
fn bucket_starts(checkpoints: &[(usize, usize)], len: usize) -> Vec<u32> {
    let n = len / BUCKET + 2;
    let mut out = Vec::with_capacity(n);
    let mut j = 0;
    for b in 0..n {
        while j < checkpoints.len() && checkpoints[j].0 < b * BUCKET {
            j += 1;
        }
        out.push(j as u32);
    }
    out
}

/// Folds one character; see the module docs for the rules.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200B}' | '\u{202F}' | '\u{205F}' => ' ',
        '\u{FF61}' => '。',
        '\u{FF64}' => '、',
        '「' => '“',
        '」' => '”',
        '『' => '‘',
        '』' => '’',
        '\u{FE50}' => ',',
        '\u{FE52}' => '.',
        '\u{FE54}' => ';',
        '\u{FE55}' => ':',
        c if (c as u32) >= 0x3400 => to_simplified(c),
        c => c,
    }
}

/// The Simplified form of a Traditional character, or the character itself.
pub fn to_simplified(c: char) -> char {
    let Some(k) = bitmap_index(c) else {
        return c;
    };
    let (word, bit) = (k / 64, k % 64);
    if TRADITIONAL_BITMAP[word] & (1 << bit) == 0 {
        return c;
    }
    // The entry's index in the table is the number of Traditional characters before it.
    let block = word / RANK_WORDS;
    let mut rank = RANKS[block] as usize;
    for w in &TRADITIONAL_BITMAP[block * RANK_WORDS..word] {
        rank += w.count_ones() as usize;
    }
    rank += (TRADITIONAL_BITMAP[word] & ((1 << bit) - 1)).count_ones() as usize;
    char::from_u32(u32::from(SIMPLIFIED[rank])).unwrap_or(c)
}

// How the table is stored (it is part of the web page's first load): the set of Traditional
// characters as a bitmap, the Simplified forms as `u16` in the same order, and a count of set
// bits every `RANK_WORDS` words, instead of the bitmap and the sorted `(char, char)` pairs
// (21.9 KB): the page's wasm went from 326.8 to 318.3 KB gzipped. All three are built at
// compile time from `T2S`, which is a `const` and so not itself in the binary.

/// First and last+1 code points covered by the Traditional bitmap (every Traditional
/// character of the table lies inside: checked at compile time).
const BITMAP_LO: u32 = 0x3400;
const BITMAP_HI: u32 = 0xA000;

const BITMAP_WORDS: usize = ((BITMAP_HI - BITMAP_LO) as usize).div_ceil(64);

/// One bit per code point in `BITMAP_LO..BITMAP_HI`, set when the character has an entry in
/// the T2S table.
static TRADITIONAL_BITMAP: [u64; BITMAP_WORDS] = {
    let mut bits = [0u64; BITMAP_WORDS];
    let mut i = 0;
    while i < T2S.len() {
        let u = T2S[i].0 as u32;
        assert!(
            u >= BITMAP_LO && u < BITMAP_HI,
            "a Traditional character outside the bitmap"
        );
        assert!(
            i == 0 || T2S[i - 1].0 < T2S[i].0,
            "T2S must be sorted, without repeats"
        );
        let k = (u - BITMAP_LO) as usize;
        bits[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

/// The Simplified form of each Traditional character, in code-point order of the latter.
static SIMPLIFIED: [u16; T2S.len()] = {
    let mut out = [0u16; T2S.len()];
    let mut i = 0;
    while i < T2S.len() {
        let u = T2S[i].1 as u32;
        assert!(u <= 0xFFFF, "a Simplified character outside the BMP");
        out[i] = u as u16;
        i += 1;
    }
    out
};

/// Bitmap words per rank entry.
const RANK_WORDS: usize = 8;

/// `RANKS[b]`: set bits in the bitmap's words before word `b * RANK_WORDS`.
static RANKS: [u16; BITMAP_WORDS.div_ceil(RANK_WORDS)] = {
    let mut out = [0u16; BITMAP_WORDS.div_ceil(RANK_WORDS)];
    // Entries per block, then running sums shifted by one block.
    let mut i = 0;
    while i < T2S.len() {
        let k = (T2S[i].0 as u32 - BITMAP_LO) as usize;
        let b = k / 64 / RANK_WORDS;
        if b + 1 < out.len() {
            out[b + 1] += 1;
        }
        i += 1;
    }
    let mut b = 1;
    while b < out.len() {
        out[b] += out[b - 1];
        b += 1;
    }
    out
};

/// `c`'s bit in the bitmap, when it has one.
fn bitmap_index(c: char) -> Option<usize> {
    let u = c as u32;
    (BITMAP_LO..BITMAP_HI)
        .contains(&u)
        .then(|| (u - BITMAP_LO) as usize)
}

/// False when `c` certainly has no Traditional→Simplified entry.
fn maybe_traditional(c: char) -> bool {
    bitmap_index(c).is_some_and(|k| TRADITIONAL_BITMAP[k / 64] & (1 << (k % 64)) != 0)
}

/// [`maybe_traditional`] of the code point `u` of a CJK ideograph (U+4E00–U+9FFF).
#[inline(always)]
fn maybe_traditional_ideograph(u: u32) -> bool {
    // U+4E00–U+9FFF lies inside the bitmap's range.
    let k = (u - BITMAP_LO) as usize;
    TRADITIONAL_BITMAP[k / 64] & (1 << (k % 64)) != 0
}

/// Neutral-tone syllables that injected pinyin writes without a tone mark.
const TONELESS: &[&str] = &["de", "le", "me", "men", "zi", "ne", "ma", "ba", "zhe", "ge"];

/// The byte length of injected pinyin opening at `bytes[i]` (`(guān)`, `（gè）`), if any:
/// one lowercase syllable of at most six letters with a tone mark (or a [`TONELESS`] one),
/// right after a CJK ideograph.
fn injected_pinyin(bytes: &[u8], i: usize) -> Option<usize> {
    // The character before: a CJK ideograph (three bytes, U+3400–U+9FFF or U+F900–U+FAFF).
    let before = bytes.get(i.checked_sub(3)?..i)?;
    let cp = std::str::from_utf8(before).ok()?.chars().next()? as u32;
    if !((0x3400..0xA000).contains(&cp) || (0xF900..0xFB00).contains(&cp)) {
        return None;
    }
    let open = match bytes[i..] {
        [b'(', ..] => 1,
        [0xEF, 0xBC, 0x88, ..] => 3, // `（`
        _ => return None,
    };
    let rest = std::str::from_utf8(&bytes[i + open..(i + open + 24).min(bytes.len())])
        .or_else(|e| std::str::from_utf8(&bytes[i + open..i + open + e.valid_up_to()]))
        .ok()?;
    let mut letters = 0;
    let mut toned = false;
    for (k, c) in rest.char_indices() {
        match c {
            'a'..='z' => letters += 1,
            'ā' | 'á' | 'ǎ' | 'à' | 'ē' | 'é' | 'ě' | 'è' | 'ī' | 'í' | 'ǐ' | 'ì' | 'ō' | 'ó'
            | 'ǒ' | 'ò' | 'ū' | 'ú' | 'ǔ' | 'ù' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' | 'ń' | 'ň' | 'ǹ' =>
            {
                letters += 1;
                toned |= c != 'ü';
            }
            ')' | '）' if (1..=6).contains(&letters) => {
                let syllable = &rest[..k];
                if toned || TONELESS.contains(&syllable) {
                    return Some(open + k + c.len_utf8());
                }
                return None;
            }
            _ => return None,
        }
        if letters > 6 {
            return None;
        }
    }
    None
}

/// `s` with every injected pinyin syllable removed.
pub fn without_pinyin(s: &str) -> std::borrow::Cow<'_, str> {
    let bytes = s.as_bytes();
    let mut out = String::new();
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        if bytes[i] == b'(' || bytes[i] == 0xEF {
            if let Some(n) = injected_pinyin(bytes, i) {
                out.push_str(&s[run..i]);
                i += n;
                run = i;
                continue;
            }
        }
        i += 1;
    }
    if run == 0 {
        return s.into();
    }
    out.push_str(&s[run..]);
    out.into()
}

/// How much of the text script detection looks at.
const SCRIPT_SAMPLE_BYTES: usize = 64 * 1024;

impl Normalized {
    /// Builds the folded view of `original`.
    pub fn new(original: &str) -> Self {
        let breaks = wrap::joined_breaks(original);
        // The OCR test once, outside the per-byte loop: two copies of the loop.
        if spacing::looks_ocr_spaced(original) {
            Self::fold::<true>(original, &breaks)
        } else {
            Self::fold::<false>(original, &breaks)
        }
    }

    /// [`Self::new`]; `OCR` drops the spaces recognised text puts between characters, and
    /// the byte ranges `breaks` (ascending) are dropped as joined line breaks.
    fn fold<const OCR: bool>(original: &str, breaks: &[(usize, usize)]) -> Self {
        // Most characters do not change: copy runs of them at once and only stop at a
        // character that folds. Decoding works on the raw bytes (the input is valid UTF-8).
        let bytes = original.as_bytes();
        let mut text = String::with_capacity(original.len());
        let mut checkpoints = Vec::new();
        let mut traditional_chars = 0;
        let mut simplified_chars = 0;
        let mut pinyin_dropped = 0;
        let mut space_drops = Vec::new();
        let mut joins = Vec::with_capacity(breaks.len());
        // The text is folded in stretches between the breaks to join, so that the per-byte
        // loop tests nothing for them: a break starts at ASCII whitespace on a character
        // boundary, where no step of the loop (a character, injected pinyin, an OCR space,
        // which sits between characters and never before a line break) can pass it.
        let mut next = 0;
        let mut limit = breaks.first().map_or(bytes.len(), |b| b.0);
        let (mut run, mut i) = (0, 0);
        loop {
            while i < limit {
                let b0 = bytes[i];
                if OCR && b0 == b' ' && spacing::drops(original, i) {
                    text.push_str(&original[run..i]);
                    i += 1;
                    run = i;
                    checkpoints.push((text.len(), i));
                    space_drops.push(text.len());
                    continue;
                }
                // `(` (28) or `（` (EF BC 88) may open injected pinyin.
                if b0 == b'(' || b0 == 0xEF && bytes.get(i + 2) == Some(&0x88) {
                    if let Some(n) = injected_pinyin(bytes, i) {
                        text.push_str(&original[run..i]);
                        i += n;
                        run = i;
                        checkpoints.push((text.len(), i));
                        pinyin_dropped += 1;
                        continue;
                    }
                }
                if b0 < 0x80 {
                    i += 1;
                    continue;
                }
                // Most characters: a CJK ideograph U+4E00–U+9FFF (lead byte 0xE4–0xE9) without a
                // Traditional entry stays as it is (the general path below does the same, slower).
                if (0xE4..=0xE9).contains(&b0) && i + 2 < bytes.len() {
                    let cp = ((b0 as u32 & 0x0F) << 12)
                        | ((bytes[i + 1] as u32 & 0x3F) << 6)
                        | (bytes[i + 2] as u32 & 0x3F);
                    if cp >= 0x4E00 && !maybe_traditional_ideograph(cp) {
                        if i < SCRIPT_SAMPLE_BYTES && is_simplified_marker_ideograph(cp) {
                            simplified_chars += 1;
                        }
                        i += 3;
                        continue;
                    }
                }
                let len = utf8_len(b0);
                let cp = if len == 3 && i + 2 < bytes.len() {
                    ((b0 as u32 & 0x0F) << 12)
                        | ((bytes[i + 1] as u32 & 0x3F) << 6)
                        | (bytes[i + 2] as u32 & 0x3F)
                } else {
                    original[i..].chars().next().map_or(0xFFFD, |c| c as u32)
                };
                let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
                // Script evidence is read from the first 64 KB: plenty to tell scripts apart.
                let sample = i < SCRIPT_SAMPLE_BYTES;
                // Common case: a CJK ideograph without a Traditional entry stays as it is.
                if (0x4E00..0xA000).contains(&cp) && !maybe_traditional(c) {
                    if sample && is_simplified_marker(c) {
                        simplified_chars += 1;
                    }
                    i += len;
                    continue;
                }
                let f = fold_char(c);
                if f == c {
                    if sample && is_simplified_marker(c) {
                        simplified_chars += 1;
                    }
                    i += len;
                    continue;
                }
                if (0x3400..0xF900).contains(&cp) {
                    traditional_chars += 1;
                }
                text.push_str(&original[run..i]);
                text.push(f);
                i += len;
                run = i;
                if f.len_utf8() != len {
                    checkpoints.push((text.len(), i));
                }
            }
            let Some(&(_, end)) = breaks.get(next) else {
                break;
            };
            text.push_str(&original[run..i]);
            joins.push((text.len(), end - i));
            i = end;
            run = i;
            checkpoints.push((text.len(), i));
            next += 1;
            limit = breaks.get(next).map_or(bytes.len(), |b| b.0);
        }
        text.push_str(&original[run..]);
        let buckets = bucket_starts(&checkpoints, text.len());
        Normalized {
            text,
            buckets,
            checkpoints,
            traditional_chars,
            simplified_chars,
            pinyin_dropped,
            spaces_dropped: space_drops.len(),
            space_drops,
            joins,
        }
    }

    /// The view offset of the first OCR space dropped, if any.
    pub fn first_space_drop(&self) -> Option<usize> {
        self.space_drops.first().copied()
    }

    /// True when the view dropped something (pinyin, OCR spaces) that [`Self::clean`] removes
    /// from slices of the original.
    pub fn drops_text(&self) -> bool {
        self.pinyin_dropped > 0 || self.spaces_dropped > 0 || !self.joins.is_empty()
    }

    /// Count of line breaks joined ([`wrap`]).
    pub fn lines_joined(&self) -> usize {
        self.joins.len()
    }

    /// `s` (a slice of the original) without what the view dropped: injected pinyin, joined
    /// line breaks when the page broke the lines, and OCR spaces when the text looked
    /// recognised.
    pub fn clean<'a>(&self, s: &'a str) -> std::borrow::Cow<'a, str> {
        let s = if self.pinyin_dropped == 0 {
            s.into()
        } else {
            without_pinyin(s)
        };
        let s = if self.joins.is_empty() {
            s
        } else {
            match wrap::without_breaks(&s) {
                std::borrow::Cow::Borrowed(_) => s,
                std::borrow::Cow::Owned(o) => o.into(),
            }
        };
        if self.spaces_dropped == 0 {
            return s;
        }
        match spacing::without_ocr_spaces(&s) {
            std::borrow::Cow::Borrowed(_) => s,
            std::borrow::Cow::Owned(o) => o.into(),
        }
    }

    /// Maps a byte offset of the view (on a char boundary) to the original text.
    pub fn to_original(&self, pos: usize) -> usize {
        // Every checkpoint before the bucket of `pos` is at or before it; none after the
        // bucket is.
        let b = (pos / BUCKET).min(self.buckets.len().saturating_sub(2));
        let (lo, hi) = match (self.buckets.get(b), self.buckets.get(b + 1)) {
            (Some(&lo), Some(&hi)) if pos < (b + 1) * BUCKET => (lo as usize, hi as usize),
            (Some(&lo), _) => (lo as usize, self.checkpoints.len()),
            _ => (0, self.checkpoints.len()),
        };
        let i = lo + self.checkpoints[lo..hi].partition_point(|&(n, _)| n <= pos);
        match i {
            0 => pos,
            _ => {
                let (n, o) = self.checkpoints[i - 1];
                o + (pos - n)
            }
        }
    }

    /// Maps a span of the view to the original text. A span that ends where an OCR space or a
    /// line break was dropped ends before it (`39 个| 部门` covers `39 个`).
    #[inline]
    pub fn span_to_original(&self, s: Span) -> Span {
        let mut end = self.to_original(s.end);
        if s.end > s.start && self.space_drops.binary_search(&s.end).is_ok() {
            end -= 1;
        }
        if s.end > s.start && !self.joins.is_empty() {
            if let Ok(k) = self.joins.binary_search_by_key(&s.end, |&(v, _)| v) {
                end -= self.joins[k].1;
            }
        }
        Span::new(self.to_original(s.start), end)
    }

    /// The script of the original text.
    pub fn script(&self) -> Script {
        let (t, s) = (self.traditional_chars, self.simplified_chars);
        if t >= 5 && t > 4 * s {
            Script::Traditional
        } else if t >= 5 && s >= 5 && t * 4 > s {
            Script::Mixed
        } else {
            Script::Simplified
        }
    }
}

/// Common Simplified-only characters of the genre (their Traditional forms differ and
/// mirror sites do not mix them in); cheap and discriminating for script detection.
const SIMPLIFIED_MARKERS: [char; 56] = [
    '区', '发', '会', '国', '为', '这', '个', '们', '时', '对', '说', '来', '过', '还', '进', '开',
    '关', '经', '动', '学', '业', '长', '门', '问', '间', '书', '见', '现', '实', '义', '务', '产',
    '处', '总', '办', '议', '县', '设', '员', '计', '级', '条', '项', '亿', '万', '与', '党', '领',
    '导', '审', '资', '数', '据', '网', '构', '报',
];

/// [`SIMPLIFIED_MARKERS`] as one bit per code point of `0x4E00..0xA000`, built at compile time.
static SIMPLIFIED_BITMAP: [u64; 328] = {
    let mut bits = [0u64; 328];
    let mut i = 0;
    while i < SIMPLIFIED_MARKERS.len() {
        let k = SIMPLIFIED_MARKERS[i] as usize - 0x4E00;
        bits[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

/// True for one of [`SIMPLIFIED_MARKERS`].
fn is_simplified_marker(c: char) -> bool {
    is_simplified_marker_ideograph(c as u32)
}

/// [`is_simplified_marker`] of a code point.
#[inline(always)]
fn is_simplified_marker_ideograph(u: u32) -> bool {
    let k = (u as usize).wrapping_sub(0x4E00);
    k < 328 * 64 && SIMPLIFIED_BITMAP[k / 64] & (1 << (k % 64)) != 0
}

/// Converts byte offsets to code-point offsets in one forward pass.
///
/// `offsets` may come in any order; the result is in the same order.
pub fn byte_to_char_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    // A code point is a byte that is not a continuation byte: counting those between two
    // offsets is a loop the compiler vectorises, not a decode per character.
    let bytes = text.as_bytes();
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    sort::sort_by_key(&mut order, |&i| offsets[i]);
    let mut out = vec![0; offsets.len()];
    let (mut at, mut chars) = (0, 0);
    for i in order {
        let target = offsets[i].min(bytes.len());
        if target > at {
            chars += code_points(&bytes[at..target]);
            at = target;
        }
        out[i] = chars;
    }
    out
}

/// The bytes of `b` that are not UTF-8 continuation bytes (`10xxxxxx`), eight at a time:
/// a continuation byte has bit 7 set and bit 6 clear. Offsets lie about 20 bytes apart in
/// a report's analysis, too short for a vectorised loop to pay off.
fn code_points(b: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = b.chunks_exact(8);
    let mut n = 0;
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().expect("eight bytes"));
        n += 8 - (w & !(w << 1) & HIGH).count_ones() as usize;
    }
    n + words
        .remainder()
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count()
}

/// Converts byte offsets to UTF-16 code-unit offsets in one forward pass.
pub fn byte_to_utf16_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    convert_offsets(text, offsets, char::len_utf16)
}

fn convert_offsets(text: &str, offsets: &[usize], width: impl Fn(char) -> usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    sort::sort_by_key(&mut order, |&i| offsets[i]);
    let mut out = vec![0; offsets.len()];
    let mut chars = text.char_indices().peekable();
    let mut units = 0;
    for i in order {
        let target = offsets[i].min(text.len());
        while let Some(&(b, c)) = chars.peek() {
            if b >= target {
                break;
            }
            units += width(c);
            chars.next();
        }
        out[i] = units;
    }
    out
}

/// Number of characters of `s`, counted up to `max` (`s.chars().take(max).count()`),
/// stepping from lead byte to lead byte: the page's `opt-level = "z"` build calls
/// `Chars::next` out of line for every character.
pub(crate) fn char_count_upto(s: &str, max: usize) -> usize {
    let b = s.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < b.len() && n < max {
        i += utf8_len(b[i]);
        n += 1;
    }
    n
}

/// Byte offset of the `n`-th character of `s` (its length when it has fewer): the same as
/// `s.char_indices().nth(n)`, stepping over the bytes.
pub(crate) fn char_offset(s: &str, n: usize) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    for _ in 0..n {
        if i >= b.len() {
            break;
        }
        i += utf8_len(b[i]);
    }
    i.min(b.len())
}

/// The char boundary at or before `i` (`s.len()` when `i` is past the end).
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after `i` (`s.len()` when `i` is past the end).
pub(crate) fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Length of the UTF-8 sequence that starts with byte `b` (1 for a stray continuation
/// byte, so that a scan always advances).
#[inline(always)]
pub(crate) fn utf8_len(b: u8) -> usize {
    (b.leading_ones() as usize).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ideograph_fast_path_reads_the_same_bitmaps() {
        for u in 0x4E00..0xA000 {
            let c = char::from_u32(u).unwrap();
            assert_eq!(maybe_traditional_ideograph(u), maybe_traditional(c), "{c}");
        }
        let t = "國家機關辦事處理，萬元；简体字与繁體字混排 abc（guān）";
        assert_eq!(
            Normalized::new(t).text,
            t.chars().map(fold_char).collect::<String>()
        );
    }

    #[test]
    fn code_points_counts_as_chars_does_on_every_slice() {
        let s = "ab（一）共１２件，萬元處理😀x\u{80}€ 12%～30%法治政府建设实施纲要";
        let b = s.as_bytes();
        for i in 0..=b.len() {
            for j in i..=b.len() {
                let direct = b[i..j].iter().filter(|&&c| c & 0xC0 != 0x80).count();
                assert_eq!(code_points(&b[i..j]), direct, "{i}..{j}");
            }
        }
    }

    #[test]
    fn simplified_markers_are_exactly_the_listed_characters() {
        let set: Vec<char> = ('\u{3400}'..='\u{FFFF}')
            .filter(|&c| is_simplified_marker(c))
            .collect();
        let mut listed = SIMPLIFIED_MARKERS.to_vec();
        listed.sort_unstable();
        assert_eq!(set, listed);
        assert!(!is_simplified_marker('a') && !is_simplified_marker('區'));
    }

    #[test]
    fn folds_width_and_script() {
        let n = Normalized::new("（一）共１２件，萬元處理");
        assert_eq!(n.text, "(一)共12件,万元处理");
        // Same number of characters.
        assert_eq!(
            n.text.chars().count(),
            "（一）共１２件，萬元處理".chars().count()
        );
    }

    #[test]
    fn drops_injected_pinyin_and_maps_around_it() {
        let orig = "中共中央關(guān)於加強(qiáng)，辦結2個(gè)村（cūn）的(de)案件";
        let n = Normalized::new(orig);
        assert_eq!(n.text, "中共中央关于加强,办结2个村的案件");
        assert_eq!(n.pinyin_dropped, 5);
        // A view span ending at a dropped syllable keeps it in the original.
        let at = n.text.find("2个").unwrap();
        let span = n.span_to_original(Span::new(at, at + "2个".len()));
        assert_eq!(&orig[span.start..span.end], "2個(gè)");
        let at = n.text.find("加强").unwrap();
        let span = n.span_to_original(Span::new(at, at + "加强".len()));
        assert_eq!(&orig[span.start..span.end], "加強(qiáng)");
        assert_eq!(n.to_original(n.text.len()), orig.len());
        assert_eq!(n.clean(&orig[span.start..span.end]), "加強");
        assert_eq!(without_pinyin(orig), "中共中央關於加強，辦結2個村的案件");
    }

    #[test]
    fn bucketed_lookup_maps_every_offset_as_a_full_search_does() {
        // Dense checkpoints (full-width marks fold to one byte), pinyin drops, and runs of
        // several KB without any, so that buckets are full, empty and straddled.
        let mut orig = String::new();
        for k in 0..400 {
            orig.push_str("依法行政，推进（一）法治建設；");
            if k % 7 == 0 {
                orig.push_str("加強(qiáng)");
            }
            if k % 50 == 0 {
                orig.push_str(&"规范".repeat(900));
            }
        }
        let n = Normalized::new(&orig);
        let full = |pos: usize| match n.checkpoints.partition_point(|&(v, _)| v <= pos) {
            0 => pos,
            i => {
                let (v, o) = n.checkpoints[i - 1];
                o + (pos - v)
            }
        };
        assert!(n.checkpoints.len() > 1000 && n.text.len() > 20 * BUCKET);
        for pos in (0..=n.text.len()).filter(|&p| n.text.is_char_boundary(p)) {
            assert_eq!(n.to_original(pos), full(pos), "at {pos}");
        }
        assert_eq!(n.to_original(n.text.len()), orig.len());
    }

    #[test]
    fn keeps_brackets_that_are_not_injected_pinyin() {
        for s in [
            "条例(试行)",
            "事项(a)和(b)",
            "应用(APP)",
            "年度(2023)",
            "abc(guān)",
            "(guān)开头",
            "网站(www)",
            "政务(zhengwu)",
            "关(guan",
            "关（guā",
            "关，guān)",
            "关Ａguān)",
        ] {
            let n = Normalized::new(s);
            assert_eq!(n.pinyin_dropped, 0, "{s}");
            assert_eq!(without_pinyin(s), s);
        }
    }

    #[test]
    fn maps_offsets_back() {
        let orig = "共１２件，办结率１００％。";
        let n = Normalized::new(orig);
        let at = n.text.find("100%").unwrap();
        let span = n.span_to_original(Span::new(at, at + 4));
        assert_eq!(&orig[span.start..span.end], "１００％");
        assert_eq!(n.to_original(n.text.len()), orig.len());
    }

    #[test]
    fn detects_scripts() {
        assert_eq!(
            Normalized::new(
                "白沙鎮2023年度法治政府建設情況報告，黨政主要負責人認真履行職責，區委區政府"
            )
            .script(),
            Script::Traditional
        );
        assert_eq!(
            Normalized::new("梅列区2019年法治政府建设工作情况报告，区委区政府高度重视").script(),
            Script::Simplified
        );
    }

    #[test]
    fn converts_offsets_to_code_points_and_utf16() {
        let t = "a中𝄞b";
        let bytes = [0, 1, 4, 8, 9];
        assert_eq!(byte_to_char_offsets(t, &bytes), vec![0, 1, 2, 3, 4]);
        assert_eq!(byte_to_utf16_offsets(t, &bytes), vec![0, 1, 2, 4, 5]);
    }

    #[test]
    fn table_is_sorted_and_length_preserving() {
        assert!(T2S.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(T2S.iter().all(|(t, s)| t.len_utf8() == s.len_utf8()));
    }

    #[test]
    fn compact_table_gives_the_pairs_for_every_character() {
        // Every code point, against a binary search of the pairs the compact form is built from.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let want = match T2S.binary_search_by(|&(t, _)| t.cmp(&c)) {
                Ok(i) => T2S[i].1,
                Err(_) => c,
            };
            assert_eq!(to_simplified(c), want, "{c}");
            // No pair maps a character to itself, so an entry is exactly a change.
            assert_eq!(maybe_traditional(c), want != c, "{c}");
        }
        assert_eq!(to_simplified('萬'), '万');
        assert_eq!(to_simplified('龜'), '龟');
        assert_eq!(to_simplified('丟'), '丢');
    }
}
