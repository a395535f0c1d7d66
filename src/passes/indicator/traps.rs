//! Precision traps: numbers that look like figures and are names, ordinals, dates,
//! identifiers or thresholds (see the list in [`super`]'s docs).
//!
//! Protected ranges are the parts of a line where no number is a figure: `《…》` titles,
//! short `“…”` names (at most 20 characters: `“八五”普法`, `“5个坚持”`) and `〔…〕` document
//! numbers (`〔2019〕10号`). A slogan in nested quotes inside a long `“…”`
//! (`“…争创‘三个示范’…”`) is a doctrine count of the lexicon (its head closed by `’`).
//!
//! ## The lexicon ([`TRAPS`])
//! Each trap is a row with its name, the reason a reviewer gives, and its test on a figure
//! read by [`super::figure`]. Spaces and scraping noise (`*`, `|`, stray ASCII punctuation)
//! are tolerated between the parts.
//! ```text
//! session ordinal = 届 [organ] N次 meeting            十二届五次全会  十七届人大常委会三十二次会议
//! doctrine count  = N (个|件|项) doctrine-head          三个重大意义  十一个坚持  三件大事  ‘三个示范’
//! term            = N次产业 | N期临床 | N类新药          三次产业占比  进入二期临床  2类新药
//! band bound      = metric [在|低于|高于|…] rate [以上|以下] 的 noun    满意度低于70%的单位
//!                 | [在] rate range 之间                                满意度在90%至100%之间
//! ```
//! Look-alikes that stay figures: `召开三次全会`, `开展三次培训` (no term 届 before),
//! `本届政府召开三次常务会议` (届 of another noun), `建成3个示范基地` (示范 modifies a noun),
//! `开展三期培训班` (期 of a training), `超过90%的企业` (a share of enterprises, no metric
//! before the bound), `群众满意率达98%`.
//!
//! Band bounds are thresholds that sort units into classes: a reader does not total them
//! and no figure check may use them, so they are left out of the indicators (the counts of
//! the classes, `25个单位`, stay figures).
//!
//! `N中全会` (`十九届四中全会`) and `第N次会议` need no row: `中` is no unit, and `第` makes
//! an ordinal ([`super::context`]).

use super::*;

/// One row of the trap lexicon.
pub struct Trap {
    /// What the numbers are.
    pub name: &'static str,
    /// Why a reviewer reads no figure there.
    pub reason: &'static str,
    /// True when the figure read at a position is this trap (the line, the figure, and what
    /// follows the figure with leading noise skipped).
    test: fn(&str, &Found, &str) -> bool,
}

/// The precision traps, tested in order on every figure before it becomes an indicator.
pub const TRAPS: &[Trap] = &[
    Trap {
        name: "session ordinal",
        reason: "届 then N次 then a meeting names the Nth plenary session of a term \
                 (十二届五次全会): an ordinal, not a count of meetings",
        test: session_ordinal,
    },
    Trap {
        name: "doctrine count",
        reason: "a numeral naming the parts of a doctrine or slogan (三个重大意义, 十一个坚持, \
                 三件大事, 三个示范) counts no work done",
        test: doctrine_count,
    },
    Trap {
        name: "term",
        reason: "a numeral inside an economic or medical term (三次产业, 二期临床, 2类新药) \
                 is part of its name",
        test: term,
    },
    Trap {
        name: "band bound",
        reason: "the bounds of a band that sorts units into classes (满意度低于70%的单位, \
                 满意度在90%至100%之间) are thresholds, not results",
        test: band_bound,
    },
];

/// The first trap the figure `f` of line `s` falls into.
pub(super) fn trap_at(s: &str, f: &Found) -> Option<&'static Trap> {
    let after = trim_noise_start(&s[f.q.end..]);
    // Every trap has CJK text after the figure (most figures end a clause: `，` `。`).
    if !after.starts_with(is_cjk) {
        return None;
    }
    TRAPS.iter().find(|t| (t.test)(s, f, after))
}

/// True for scraping noise between the parts of a phrase: spaces and ASCII punctuation.
fn is_noise(c: char) -> bool {
    c == ' ' || c == '\t' || c.is_ascii_punctuation()
}

/// `s` without trailing noise.
fn trim_noise_end(s: &str) -> &str {
    s.trim_end_matches(is_noise)
}

/// `s` without leading noise.
fn trim_noise_start(s: &str) -> &str {
    s.trim_start_matches(is_noise)
}

/// Meetings whose sessions are numbered within a term: `全会`, `全体会议`, `会议`.
const MEETINGS: &[&str] = &[
    "全体会议",
    "全体(扩大)会议",
    "扩大会议",
    "全会",
    "会议",
    "常委会",
];

/// Bodies written between 届 and the session number: `十七届人大五次会议`,
/// `十七届人大常委会三十二次会议`, `十二届市委五次全会`.
const ORGANS: &[&str] = &[
    "人大常委会",
    "人民代表大会常务委员会",
    "人民代表大会",
    "人大",
    "政协",
    "委员会",
    "市委",
    "区委",
    "县委",
    "州委",
    "省委",
    "党委",
    "党工委",
    "纪委",
];

/// `十二届五次全会`, `十七届人大五次会议`, `十二届 五次全会` (noise tolerated).
fn session_ordinal(s: &str, f: &Found, after: &str) -> bool {
    if f.q.bare_unit != "次" || f.high.is_some() {
        return false;
    }
    if starts_with_any(after, MEETINGS).is_none() {
        return false;
    }
    let mut before = trim_noise_end(&s[..f.num.start]);
    if let Some(organ) = ends_with_any(before, ORGANS) {
        before = trim_noise_end(&before[..before.len() - organ.len()]);
    }
    before.ends_with('届')
}

/// What a doctrine's or slogan's numeral names: `三个重大意义`, `十一个坚持`, `三件大事`.
const DOCTRINE_HEADS: &[&str] = &["重大意义", "坚持", "大事", "必须", "维护", "意识"];

/// `三个重大意义`, `十一个坚持的核心要义`, `“稳增长、保民生、防风险”三件大事`, and
/// `三个示范` closed by a quote or ending the phrase (`争创‘三个示范’`); not `3个示范基地`.
fn doctrine_count(_: &str, f: &Found, after: &str) -> bool {
    if !matches!(f.q.bare_unit, "个" | "件" | "项") || f.high.is_some() {
        return false;
    }
    if starts_with_any(after, DOCTRINE_HEADS).is_some() {
        return true;
    }
    after.strip_prefix("示范").is_some_and(|rest| {
        rest.chars()
            .next()
            .is_none_or(|c| !is_cjk(c) || matches!(c, '’' | '”'))
    })
}

/// Terms with a numeral in their name: (unit, word after it).
const TERMS: &[(&str, &str)] = &[
    ("次", "产业"),
    ("期", "临床"),
    ("类", "新药"),
    ("类", "创新药"),
];

/// `三次产业占比`, `进入二期临床`, `2类新药`, `一、二、三产业`.
fn term(_: &str, f: &Found, after: &str) -> bool {
    TERMS
        .iter()
        .any(|&(u, w)| f.q.bare_unit == u && after.starts_with(w))
}

/// What a band's bounds measure, ending the words before the bound: `满意度`, `得分`.
const METRICS: &[&str] = &["度", "率", "得分", "分数", "比例", "占比"];
/// Words between a metric and its bound: `满意度在`, `满意度低于`.
const BOUND_WORDS: &[&str] = &[
    "不低于",
    "不高于",
    "不超过",
    "低于",
    "高于",
    "超过",
    "不足",
    "不到",
    "达到",
    "在",
    "为",
    "达",
];

/// `满意度低于70%的单位`, `满意度在90%以上的单位`, `满意度在90%至100%之间`; not
/// `超过90%的企业` (a share, no metric before the bound), nor `满意率达98%`.
fn band_bound(s: &str, f: &Found, after: &str) -> bool {
    if f.q.kind != Kind::Rate {
        return false;
    }
    // Most rates end a clause: nothing of a band follows them.
    if !after.starts_with(['之', '以', '的']) {
        return false;
    }
    let before = trim_noise_end(&s[..f.num.start]);
    let bound = ends_with_any(before, BOUND_WORDS);
    let metric_before = {
        let m = trim_noise_end(&before[..before.len() - bound.map_or(0, str::len)]);
        ends_with_any(m, METRICS).is_some()
    };
    // Both ends of `在90%至100%之间` (the second alone when the range was not read whole).
    if after.starts_with("之间") {
        return true;
    }
    let after = after
        .strip_prefix("以下")
        .or_else(|| after.strip_prefix("以上"))
        .unwrap_or(after);
    metric_before
        && (bound.is_some() || f.q.approx.is_some())
        && after
            .strip_prefix('的')
            .is_some_and(|r| r.starts_with(is_cjk))
}

/// Ranges of a line where numbers are names, not indicators: `《…》`, short `“…”`, `〔…〕`.
#[inline(never)] // once per line; inlined into `scan_figures` it slowed the scan (callgrind)
pub(super) fn protected_ranges(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let kinds = [('《', '》', usize::MAX), ('“', '”', 20), ('〔', '〕', 12)];
    for ((open, close, max_chars), opens) in kinds.into_iter().zip(openings(line)) {
        let mut from = 0;
        // The first opening at `from` or later, as `line[from..].find(open)`.
        for a in opens {
            if a < from {
                continue;
            }
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

/// The byte offsets of `《`, `“` and `〔` in `line`, one list each, in order. One pass that
/// looks at the bytes of a word only when it holds an 0xE2 or 0xE3, the lead bytes of the
/// three (Han characters lead with 0xE4–0xE9), where three character searches stopped at
/// every 0x8A, 0x9C or 0x94, bytes that end one Han character in about sixty (10 MB
/// end-to-end, callgrind: `protected_ranges` 64.6 M → 45.1 M instructions).
fn openings(line: &str) -> [Vec<usize>; 3] {
    const OPEN: [&[u8]; 3] = ["《".as_bytes(), "“".as_bytes(), "〔".as_bytes()];
    const ONES: u64 = 0x0101_0101_0101_0101;
    let b = line.as_bytes();
    let mut out: [Vec<usize>; 3] = Default::default();
    let mut at = |j: usize| {
        if b[j] & 0xFE == 0xE2 {
            if let Some(k) = OPEN.iter().position(|o| b[j..].starts_with(o)) {
                out[k].push(j);
            }
        }
    };
    let mut words = b.chunks_exact(8);
    let mut i = 0;
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().expect("eight bytes"));
        // A zero byte in `x`: a byte of `w` that is 0xE2 or 0xE3.
        let x = (w & (ONES * 0xFE)) ^ (ONES * 0xE2);
        if x.wrapping_sub(ONES) & !x & (ONES * 0x80) != 0 {
            (i..i + 8).for_each(&mut at);
        }
        i += 8;
    }
    (i..b.len()).for_each(&mut at);
    out
}

/// True when `start..end` lies inside one of the disjoint sorted `ranges`.
pub(super) fn is_protected(ranges: &[(usize, usize)], start: usize, end: usize) -> bool {
    let k = ranges.partition_point(|&(a, _)| a <= start);
    k > 0 && end <= ranges[k - 1].1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trap that drops the first figure read in `line` (skipping what is no figure).
    fn trap_in(line: &str) -> Option<&'static str> {
        let mut i = 0;
        while i < line.len() {
            if let Ok(f) = figure_at(line, i) {
                return trap_at(line, &f).map(|t| t.name);
            }
            i += line[i..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }

    #[test]
    fn openings_are_the_character_searches() {
        let line = "《法治政府》“一”〔2021〕『』—…“《〕《 abc《123456789“xyz〔〔”》“".repeat(3);
        for end in 0..=line.len() {
            let Some(s) = line.get(..end) else { continue };
            let found = openings(s);
            for (k, open) in ['《', '“', '〔'].into_iter().enumerate() {
                let direct: Vec<usize> = s.match_indices(open).map(|(i, _)| i).collect();
                assert_eq!(found[k], direct, "{open} in {s}");
            }
        }
    }

    #[test]
    fn each_row_of_the_lexicon_names_its_trap() {
        let table = [
            ("区委十二届五次全会", Some("session ordinal")),
            ("十七届人大常委会三十二次会议", Some("session ordinal")),
            ("召开三次全会", None),
            ("三个重大意义", Some("doctrine count")),
            ("争创三个示范”", Some("doctrine count")),
            ("建成3个示范基地", None),
            ("三次产业占比", Some("term")),
            ("进入二期临床", Some("term")),
            ("满意度低于70%的单位", Some("band bound")),
            ("超过90%的企业", None),
        ];
        for (line, want) in table {
            assert_eq!(trap_in(line), want, "{line}");
        }
        assert!(TRAPS
            .iter()
            .all(|t| !t.name.is_empty() && !t.reason.is_empty()));
    }
}
