//! One sort for the whole pipeline, to keep the web page small.
//!
//! The standard library's sorts are generic: every element type and comparison closure gets
//! its own copy of driftsort or ipnsort (2–5 KB of wasm each). The page carried 18 stable and
//! 5 unstable copies, 86 KB of its 838 KB of wasm after `wasm-opt -Oz`. These functions sort a
//! list of positions once, through one comparison behind `dyn`, and then move the elements
//! into place: each caller adds only its comparison and a small permutation loop. Measured:
//! the page's wasm went from 838 to 764 KB, 343.7 to 326.8 KB gzipped (the first-load budget
//! and its history are in tests/browser/run.mjs).
//!
//! Native builds (the CLI) call the standard sorts directly: size does not matter there and
//! the direct sorts are faster; the position sort is compiled and tested natively all the
//! same ([`by_positions`]), and the browser suite compares the page's results with the CLI's.
//!
//! [`sort_by`] and [`sort_by_key`] are stable, exactly like `slice::sort_by` and
//! `slice::sort_by_key`: equal elements keep their order, so results are the same as before.
//! [`sort`] replaces `sort_unstable` on values whose equal elements are indistinguishable
//! (integers, tuples of them, `String`s), where stable and unstable sorts give the same list.

use std::cmp::Ordering;

/// Stable sort of `v` by `cmp` (same result as `v.sort_by(cmp)`).
pub fn sort_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    by_positions(v, cmp);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(cmp);
}

/// Stable sort of `v` by `cmp` through the one shared instance of the standard sort (what
/// [`sort_by`] does in wasm).
pub fn by_positions<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Stable sort of `v` by `key` (same result as `v.sort_by_key(key)`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort of `v` by `key`, computing each key once (same result as
/// `v.sort_by_cached_key(key)`).
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    #[cfg(target_arch = "wasm32")]
    cached_by_positions(v, key);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by_cached_key(key);
}

/// [`sort_by_cached_key`] through the shared instance of the standard sort (wasm).
pub fn cached_by_positions<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = sorted_positions(v.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(v, order);
}

/// Sorts `v` ascending; for values whose equal elements are indistinguishable this is the
/// list `v.sort_unstable()` gives.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..n` in the order `cmp` puts them, ties in position order. The one
/// instance of the standard library's stable sort.
fn sorted_positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearranges `v` so that `v[k]` becomes the old `v[order[k]]`, following each cycle of the
/// permutation once (`order` marks the positions it has placed).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator: the tests compare with the standard library's sorts
    /// on many shapes of input, ties included.
    fn lists() -> Vec<Vec<(u8, u16)>> {
        let mut seed = 0x2545_f491_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        let mut out = vec![vec![], vec![(1, 0)]];
        for len in [2, 3, 5, 8, 17, 33, 100, 1000] {
            for spread in [1, 3, 50, 255] {
                out.push(
                    (0..len)
                        .map(|i| ((next() % spread) as u8, i as u16))
                        .collect(),
                );
            }
        }
        out
    }

    /// The position sort (what the page runs) and the public functions (what the CLI runs)
    /// both give the standard library's lists.
    #[test]
    fn stable_sorts_equal_the_standard_librarys() {
        for list in lists() {
            let mut a = list.clone();
            a.sort_by_key(|p| p.0);
            let mut b = list.clone();
            by_positions(&mut b, |x, y| x.0.cmp(&y.0));
            let mut c = list.clone();
            sort_by_key(&mut c, |p| p.0);
            assert_eq!((&a, &a), (&b, &c));

            // Descending, then by a coarse second key: ties remain for stability to order.
            let cmp = |x: &(u8, u16), y: &(u8, u16)| y.0.cmp(&x.0).then((x.1 % 3).cmp(&(y.1 % 3)));
            let mut a = list.clone();
            a.sort_by(cmp);
            let mut b = list.clone();
            by_positions(&mut b, cmp);
            let mut c = list.clone();
            sort_by(&mut c, cmp);
            assert_eq!((&a, &a), (&b, &c));

            let mut a = list.clone();
            a.sort_by_cached_key(|p| p.0 / 2);
            let mut b = list.clone();
            cached_by_positions(&mut b, |p| p.0 / 2);
            let mut c = list.clone();
            sort_by_cached_key(&mut c, |p| p.0 / 2);
            assert_eq!((&a, &a), (&b, &c));

            let mut a: Vec<u8> = list.iter().map(|p| p.0).collect();
            let mut b = a.clone();
            let mut c = a.clone();
            a.sort_unstable();
            by_positions(&mut b, u8::cmp);
            sort(&mut c);
            assert_eq!((&a, &a), (&b, &c));
        }
    }

    #[test]
    fn strings_move_without_copies_lost() {
        let mut v: Vec<String> = ["甲", "丙", "乙", "甲"].map(String::from).to_vec();
        by_positions(&mut v, String::cmp);
        // By code point: 丙 U+4E19, 乙 U+4E59, 甲 U+7532.
        assert_eq!(v, ["丙", "乙", "甲", "甲"]);
    }
}
