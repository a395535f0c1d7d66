//! Precision traps: numbers that look like figures and are names, ordinals, dates or
//! identifiers (see the list in [`super`]'s docs).
//!
//! Protected ranges are the parts of a line where no number is a figure: `《…》` titles,
//! short `“…”` names (at most 20 characters: `“八五”普法`, `“5个坚持”`) and `〔…〕` document
//! numbers (`〔2019〕10号`).

use super::*;

/// Ranges of a line where numbers are names, not indicators: `《…》`, short `“…”`, `〔…〕`.
pub(super) fn protected_ranges(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (open, close, max_chars) in [('《', '》', usize::MAX), ('“', '”', 20), ('〔', '〕', 12)]
    {
        let mut from = 0;
        while let Some(a) = line[from..].find(open).map(|i| from + i) {
            let body = a + open.len_utf8();
            let mut lim = (body + CLOSE_WINDOW).min(line.len());
            while !line.is_char_boundary(lim) {
                lim += 1;
            }
            match line[body..lim].find(close).map(|i| body + i) {
                Some(b) => {
                    if line[body..b].chars().count() <= max_chars {
                        out.push((a, b + close.len_utf8()));
                    }
                    from = b + close.len_utf8();
                }
                None => from = body,
            }
        }
    }
    // Sorted and merged into disjoint ranges, so that a lookup is a binary search (a long
    // line may hold thousands of them).
    crate::text::sort::sort(&mut out);
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (a, b) in out {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// True when `start..end` lies inside one of the disjoint sorted `ranges`.
pub(super) fn is_protected(ranges: &[(usize, usize)], start: usize, end: usize) -> bool {
    let k = ranges.partition_point(|&(a, _)| a <= start);
    k > 0 && end <= ranges[k - 1].1
}
