//! Title ends: where a heading's title stops, given the text after its marker.
//!
//! ## Grammar (on the normalised view: `；` `！` `？` `：` and full-width spaces are ASCII)
//! ```text
//! end   = ; | ! | ? | : | 。 | ␣␣          the title is everything before the first end
//! ```
//! A heading at a line start ends at the first `。` `;` `:` `!` `?` (a run-in heading: the
//! paragraph continues) or at a run of two or more spaces (the indentation of a paragraph
//! whose line break was lost: `(一)形成闭环,着力落实主体责任　　深入学习…`); a title with
//! neither runs to the end of what it is given (a heading alone on its line).
//!
//! | end | accepted | rejected (no end: the title runs on) |
//! |---|---|---|
//! | `。` | `持续深化“放管服”改革。出台…` | `、` `《` `》` (`推进一、二、三级联动`) |
//! | `;` `:` `!` `?` | `一是加强组织领导;…` `工作打算:…` | `,` (`坚持全面履职,依法推动…`) |
//! | `␣␣` | `着力落实主体责任  深入学习…` | one space: `“八五” 普法`, `2021 年` |
//!
//! A space before an end stays in the title (`加强组织领导 。`); callers trim. Context rules
//! stay in code, in [`crate::passes::outline`]: the longest title kept whole
//! ([`crate::lex::marker::MAX_TITLE_CHARS`]) and the cut of an overlong or run-in title at its
//! first comma.
//!
//! ## Pattern and its cost
//! One `regex-lite` expression, compiled once and run anchored (`^`) at candidate positions:
//! the bytes an end can start with (`;` `!` `?` `:`, a space, and `E3 80`, the lead bytes of
//! `。` and of the other CJK punctuation), found by a byte scan, with at most two characters
//! given to the pattern. Never over the whole text, nor over a whole title: a pattern that
//! matched the title itself (`^(?:[^;!?:。 ]| [^;!?:。 ])*(?: ?[;!?:。]|  )`) cost 5.3 µs
//! for a 26-character title (about 200 ns a character with regex-lite's PikeVM), and
//! criterion `stages/outline` on seed 004 went from 0.71 ms (fastest sample 0.53 ms) to
//! 2.0 ms (1.42 ms). One anchored call at a candidate costs about 0.2 µs; a title has one
//! candidate, or a few when it holds `、` `《》` or single spaces. With candidates,
//! `stages/outline` measured 0.50 ms and 0.55 ms (fastest 0.39 ms and 0.51 ms) against the
//! byte scan's 0.71 ms (0.53 ms): no slower, within the noise of a shared 2-core machine
//! (criterion, 20 samples, `cargo bench --features decode --bench analyze --
//! stages/outline`). Size: nothing measurable,
//! regex-lite is already linked for [`crate::lex::number`] and [`crate::lex::date`], and the
//! pattern is 15 bytes.

use regex_lite::Regex;
use std::sync::LazyLock;

// ---- patterns -------------------------------------------------------------------------

/// What ends a title, at the position where it stands. Matches `;` `。` and two spaces; not
/// `,` `、`, nor one space.
pub const TITLE_END_PATTERN: &str = "^(?:[;!?:。]|  )";

/// Every pattern of this module, for the test in [`crate::lex`] that compiles them all.
pub const PATTERNS: &[&str] = &[TITLE_END_PATTERN];

static TITLE_END: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(TITLE_END_PATTERN).ok());

/// True for a byte an end can start with: `;` `!` `?` `:`, a space, and the lead byte of
/// `。` (`E3`, checked with the next byte `80`).
fn candidate(b: &[u8], i: usize) -> bool {
    match b[i] {
        b';' | b'!' | b'?' | b':' | b' ' => true,
        0xE3 => b.get(i + 1) == Some(&0x80),
        _ => false,
    }
}

/// Where the title at the start of `s` ends: the byte offset of its first `。` `;` `:` `!`
/// `?` or of its first run of two spaces; `None` when `s` holds neither (the title is all of
/// `s`).
pub fn find_title_end(s: &str) -> Option<usize> {
    let re = TITLE_END.as_ref()?;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if candidate(b, i) {
            // The pattern reads one or two characters: `。` is three bytes, `  ` two.
            let mut cap = (i + 3).min(b.len());
            while !s.is_char_boundary(cap) {
                cap -= 1;
            }
            if re.is_match(&s[i..cap]) {
                return Some(i);
            }
        }
        i += crate::text::utf8_len(b[i]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte scan this pattern replaced, kept as the reference of its behaviour.
    fn reference(s: &str) -> Option<usize> {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b';' | b'!' | b'?' | b':' => return Some(i),
                b' ' if b.get(i + 1) == Some(&b' ') => return Some(i),
                0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82) => {
                    return Some(i)
                }
                x => i += crate::text::utf8_len(x),
            }
        }
        None
    }

    #[test]
    fn finds_every_end_and_no_look_alike() {
        type Row<'a> = (&'a str, Option<&'a str>, &'a str);
        let table: &[Row] = &[
            (
                "持续深化“放管服”改革。出台全国首部",
                Some("持续深化“放管服”改革"),
                "。",
            ),
            ("加强组织领导;成立领导小组", Some("加强组织领导"), ";"),
            ("工作打算:一是", Some("工作打算"), ":"),
            ("成效显著!全年", Some("成效显著"), "!"),
            ("如何落实?", Some("如何落实"), "?"),
            (
                "着力落实主体责任  深入学习",
                Some("着力落实主体责任"),
                "two spaces",
            ),
            (
                "着力落实主体责任   深入学习",
                Some("着力落实主体责任"),
                "three spaces",
            ),
            (
                "加强组织领导 。全年",
                Some("加强组织领导 "),
                "a space before the end",
            ),
            (
                "“八五” 普法深入开展。",
                Some("“八五” 普法深入开展"),
                "one space inside",
            ),
            (
                "坚持全面履职,依法推动政府职能转变",
                None,
                "a comma does not end a title",
            ),
            ("推进一、二、三级联动", None, "an enumeration comma neither"),
            (
                "坚持严格规范公正文明执法",
                None,
                "a heading alone on its line",
            ),
            ("加强组织领导 ", None, "a space at the very end"),
            ("", None, "nothing"),
            (";全年", Some(""), "an empty title ends at once"),
        ];
        for &(s, want, why) in table {
            let got = find_title_end(s).map(|e| &s[..e]);
            assert_eq!(got, want, "{s} ({why})");
        }
    }

    /// The pattern ends every title where the byte scan it replaced did: on every line of the
    /// fixtures and on every suffix that starts after a sentence end or a space.
    #[test]
    fn ends_titles_where_the_byte_scan_did() {
        let fixtures = [
            include_str!("../../tests/fixtures/000_4650dba7b757251d.txt"),
            include_str!("../../tests/fixtures/001_b9193b597ac501b4.txt"),
            include_str!("../../tests/fixtures/002_e8b339a04b4c8932.txt"),
            include_str!("../../tests/fixtures/003_41826c3ca9c971ec.txt"),
            include_str!("../../tests/fixtures/004_f9597e8d61f080e1.txt"),
        ];
        let mut compared = 0;
        for f in fixtures {
            let view = crate::text::Normalized::new(f).text;
            for line in view.lines() {
                let starts = std::iter::once(0).chain(
                    line.char_indices()
                        .filter(|&(_, c)| matches!(c, '。' | ';' | ':' | ' ' | ','))
                        .map(|(i, c)| i + c.len_utf8()),
                );
                for i in starts {
                    let s = &line[i..];
                    assert_eq!(find_title_end(s), reference(s), "{s}");
                    compared += 1;
                }
            }
        }
        assert!(compared > 4000, "{compared}");
    }
}
