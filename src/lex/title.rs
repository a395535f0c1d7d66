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
//! The grammar is written down as one `regex-lite` expression ([`TITLE_END_PATTERN`]), but
//! the shipped matcher is plain code: a byte scan that tests, at each character, the bytes
//! an end is made of (`;` `!` `?` `:`, two spaces, `E3 80 82` for `。`; not `E3 80 81` `、`
//! nor the other CJK punctuation that shares the lead bytes `E3 80`). The tests hold it to
//! the pattern on every position of the fixtures and on look-alikes. An anchored regex call
//! at each candidate cost about 0.2 µs; with [`crate::lex::number`]'s token made plain code
//! too, the 10 MB end-to-end benchmark went from 2,190.3 M to 2,117.8 M instructions
//! (callgrind; `title_end` was 39.2 M inclusive before, the regex all but a few M). Never over
//! the whole text: only the title's own line is scanned, and a pattern that matched the
//! title itself (`^(?:[^;!?:。 ]| [^;!?:。 ])*(?: ?[;!?:。]|  )`) cost 5.3 µs for a
//! 26-character title (about 200 ns a character with regex-lite's PikeVM).

// ---- patterns -------------------------------------------------------------------------

/// What ends a title, at the position where it stands. Matches `;` `。` and two spaces; not
/// `,` `、`, nor one space.
pub const TITLE_END_PATTERN: &str = "^(?:[;!?:。]|  )";

/// Every pattern of this module, for the test in [`crate::lex`] that compiles them all.
pub const PATTERNS: &[&str] = &[TITLE_END_PATTERN];

/// True when an end starts at byte `i` of `b`: what [`TITLE_END_PATTERN`] matches there,
/// written as plain code (the pattern is the reference in the tests).
fn end_at(b: &[u8], i: usize) -> bool {
    match b[i] {
        b';' | b'!' | b'?' | b':' => true,
        b' ' => b.get(i + 1) == Some(&b' '),
        // `。` is E3 80 82.
        0xE3 => b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82),
        _ => false,
    }
}

/// Where the title at the start of `s` ends: the byte offset of its first `。` `;` `:` `!`
/// `?` or of its first run of two spaces; `None` when `s` holds neither (the title is all of
/// `s`).
pub fn find_title_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if end_at(b, i) {
            return Some(i);
        }
        i += crate::text::utf8_len(b[i]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern, run anchored at every character as the shipped matcher once did: the
    /// reference of the plain code.
    fn by_pattern(s: &str) -> Option<usize> {
        let re = regex_lite::Regex::new(TITLE_END_PATTERN).unwrap();
        s.char_indices()
            .map(|(i, _)| i)
            .find(|&i| re.is_match(&s[i..]))
    }

    #[test]
    fn plain_code_ends_where_the_pattern_does() {
        let cases = [
            "加强组织领导;成立",
            "改革。出台",
            "改革、出台",
            "改革〈出台〉",
            "改革「出台」",
            "改革　出台",
            "改革  出台",
            "改革 出台",
            "改革 。",
            "改革,出台:一",
            "如何?",
            "好!",
            "改革》。",
            "《纲要》",
            "末尾 ",
            "末尾。",
            "",
        ];
        for s in cases {
            assert_eq!(find_title_end(s), by_pattern(s), "{s}");
        }
    }

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
