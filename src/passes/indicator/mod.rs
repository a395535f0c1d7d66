//! Quantitative indicators: numbers with what they count.
//!
//! ## Grammar (on the normalised view; `␣` is any run of spaces, allowed between every part)
//! ```text
//! indicator = [basis] [direction] [prefix] [sign] figure [以上|左右|余]
//! figure    = number [magnitude] [余|多|几] unit                 64项  1.35亿元  十余次
//!           | (百分之|千分之|万分之) number                        百分之九十五  千分之2.4
//!           | number 分之 number                                  三分之二
//!           | number 成 [半] | 半成                               三成  三成半  半成
//!           | number [unit] range-sep number unit                 3至5个工作日  10%~20%
//! list      = number (、|和|及|与) number … figure                 分别为12、15、20件
//! number    = see crate::lex::number (read whole or not at all)
//! magnitude = 万亿 | 万 | 亿 | 千                  (after an Arabic number: 1.35亿元 → 1.35 亿元)
//! prefix    = 约 近 将近 接近 大约 超过 超 逾 至少 不少于 不低于 不到 不足
//!           | 上                         (only before a bare 百/千/万: 上千场, 上万人)
//! sign      = 负 | -                               (rates only: 负3.9%, -22.2%)
//! direction = 增长 上升 提高 提升 增加 下降 减少 降低 压缩 缩短 …  (single 增/降/减/升 only after 比)
//! basis     = 同比 环比 比上年 较上年 比去年 较去年 … | 比 (in 比增/比降)
//!           | 较 named [平均|均|分别]        (较2022年减少, 较法定时限平均压缩: basis 比)
//! unit      = measure word (项 个 件 次 人次 家 名 起 …) | % | ‰ | ‱ | 个百分点 | 倍
//!           | money (元 万元 亿元) | duration (个工作日 天 小时 个月 学时 …) | other (平方米 亩 …)
//! ```
//! Examples: `64项`, `1000余件`, `超过130件`, `近30%`, `92 %`, `9.747万元`, `3.5个工作日`,
//! `同比下降14.7%`, `比增5.17%`, `提高5.17个百分点`, `十余次`, `上升了百分之2.2`, `九成以上`.
//! A range is one indicator with both ends (`value`, `high`); each number of a list is its own
//! indicator with the list's unit, spanning its own digits, with the direction written before
//! the list (`分别提高9.13、0.04和1.01个百分点`).
//!
//! The stages, each a module with the grammar it accepts in its docs: reading the figure
//! (`figure`: candidate positions, the number through [`read_number`], its quantity and
//! ranges), the context before it (`context`: sign, prefix, change, and whether it is an
//! indicator at all), the precision traps (`traps`), lists (`list`) and the subject
//! (`subject`). This module scans a line and wires them.
//!
//! ## Not indicators (precision traps)
//! * numbers inside `《…》` titles, short `“…”` names and `〔…〕` document numbers:
//!   `“八五”普法`, `“5个坚持”`, `〔2019〕10号`;
//! * dates, times and identifiers: `2019年`, `4月26日`, `13:27`, `2021—2025年`, `3·15`, `1+X`,
//!   `1.2.3`; the tail of a number never read whole (`12,3456`, `一12个`);
//! * ordinals and rankings: `第一次会议`, `第四批`, `全省第二`, `前10名`, `第1、2、3名`;
//! * frequencies in rules: `每季度召开1次`;
//! * Chinese numerals that name things: a lone `一` (`一次性`, `一批`), set phrases and
//!   slogans from `lex::words::SET_PHRASES` (`三项制度`, `两个维护`, `四个意识`), a
//!   numeral naming a quoted list (`六个“继续坚持”`), numbered slogans (`五个一`), a plan's
//!   parts (`三个方面`, `四个部分`), project phases (`二期工程`) — other small Chinese counts
//!   count wherever they stand (`两次主持`, `聘请两名律师`, `分两批开展`);
//! * numbers without a unit (`12345热线`, `十九届四中全会`, `一审`), `成` in words (`成为`);
//! * anniversaries and service names: `建党100周年`, `24小时自助服务区`;
//! * the lexicon of [`TRAPS`] (module `traps`): session ordinals (`十二届五次全会`), doctrine
//!   and slogan counts (`三个重大意义`, `三件大事`, `‘三个示范’`), terms (`三次产业`,
//!   `二期临床`, `2类新药`) and the bounds of bands (`满意度低于70%的单位`: thresholds,
//!   left out of the indicators).

use crate::lex::date::year_at;
use crate::lex::number::{
    abbreviated_lead_at, bare_magnitude_at, continues_number, is_token_char, normalize,
    normalized_unit, read_number, split_magnitude, starts_number, Number, Written,
};
use crate::lex::numeral::{cn_digit, is_cn_numeral};
use crate::lex::words::{
    subject_verb_at, WordSet, AGENT_ENDINGS, BASES, DIRECTIONS, NOUN_AFTER_VERB, PHASE_WORDS,
    SET_PHRASES, SET_PHRASE_TAILS, SHORT_DIRECTIONS, SUBJECT_LEAD,
};
use crate::model::{Direction, Indicator, Kind};
use crate::passes::document::{Document, Line, LineKind};
use crate::text::Span;
use std::sync::LazyLock;

mod context;
mod figure;
mod list;
mod subject;
mod traps;

use context::*;
use figure::*;
use list::*;
use subject::*;
use traps::*;

pub use traps::{Trap, TRAPS};

/// The first pattern of `list` that `s` starts with (a cheap test of the first three bytes
/// before each comparison: these lists are scanned at every candidate and every character of
/// a subject, and the first byte of a Chinese word hardly filters).
#[inline]
fn starts_with_any<'p>(s: &str, list: &'p [&'p str]) -> Option<&'p str> {
    let b = s.as_bytes();
    let head = [
        b.first().copied()?,
        b.get(1).copied().unwrap_or(0),
        b.get(2).copied().unwrap_or(0),
    ];
    list.iter().copied().find(|p| {
        let q = p.as_bytes();
        q.first() == Some(&head[0])
            && q.get(1).is_none_or(|&x| x == head[1])
            && q.get(2).is_none_or(|&x| x == head[2])
            && s.starts_with(p)
    })
}

/// The first pattern of `list` that `s` ends with (the last three bytes tested first).
#[inline]
fn ends_with_any<'p>(s: &str, list: &'p [&'p str]) -> Option<&'p str> {
    let b = s.as_bytes();
    let n = b.len();
    let tail = [
        b.last().copied()?,
        n.checked_sub(2).map_or(0, |k| b[k]),
        n.checked_sub(3).map_or(0, |k| b[k]),
    ];
    list.iter().copied().find(|p| {
        let q = p.as_bytes();
        let m = q.len();
        q.last() == Some(&tail[0])
            && (m < 2 || q[m - 2] == tail[1])
            && (m < 3 || q[m - 3] == tail[2])
            && s.ends_with(p)
    })
}

/// `s.ends_with(w)`, with the last two bytes compared inline first: most words of a list
/// differ there, and the full comparison is a call.
#[inline]
fn ends_with_word(s: &str, w: &str) -> bool {
    let (b, q) = (s.as_bytes(), w.as_bytes());
    let (n, m) = (b.len(), q.len());
    m <= n && (m < 2 || b[n - 1] == q[m - 1] && b[n - 2] == q[m - 2]) && b.ends_with(q)
}

#[inline]
fn is_cjk(c: char) -> bool {
    (c as u32) >= 0x3400 && !is_cn_punct(c)
}

fn is_cn_punct(c: char) -> bool {
    matches!(
        c,
        '。' | '、'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '〔'
            | '〕'
            | '【'
            | '】'
            | '—'
            | '…'
            | '·'
            | '〈'
            | '〉'
    )
}

/// Characters that end a clause for subject extraction.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '。' | ',' | ';' | ':' | '!' | '?' | '、' | '(' | ')' | '“' | '”' | '《' | '》' | '\n'
    )
}

/// True for a space the normalised view keeps (ASCII; NBSP, U+3000 and thin spaces are
/// folded to it).
#[inline]
fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// `j` moved past spaces.
#[inline]
fn skip_spaces(s: &str, mut j: usize) -> usize {
    // Bytes, not `trim_start_matches`: both spaces are ASCII (see `is_space`).
    let b = s.as_bytes();
    while j < b.len() && matches!(b[j], b' ' | b'\t') {
        j += 1;
    }
    j
}

/// `s` without trailing spaces.
#[inline]
fn trim_spaces(s: &str) -> &str {
    let b = s.as_bytes();
    let mut end = b.len();
    while end > 0 && matches!(b[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    &s[..end]
}

/// Finds the indicators of `text` (the normalised view), in document order.
pub fn find_indicators(text: &str, doc: &Document) -> Vec<Indicator> {
    find_indicators_in(text, &doc.lines)
}

/// The indicators of `lines` (a run of a document's lines, in order). Lines are read
/// independently, so the indicators of consecutive runs, concatenated, are the document's.
pub fn find_indicators_in(text: &str, lines: &[Line]) -> Vec<Indicator> {
    let mut out = Vec::new();
    for line in lines.iter().filter(|l| l.kind == LineKind::Text) {
        scan_line(text, line.span, &mut out);
    }
    out
}

fn scan_line(text: &str, line: Span, out: &mut Vec<Indicator>) {
    let base = out.len();
    scan_figures(text, line, out);
    distribute_respectively(text, &mut out[base..]);
}

/// The figures of one line, in order, appended to `out`.
fn scan_figures(text: &str, line: Span, out: &mut Vec<Indicator>) {
    let s = &text[line.start..line.end];
    let mut protected: Option<Vec<(usize, usize)>> = None; // computed on first need
    let mut i = 0;
    // The end of the previous indicator in this line.
    let mut prev_end = 0;
    // The index in `out` of the sentence's first figure, and the sentence's first figures
    // that a breakdown's bare counts take their thing from.
    let mut sentence_first: Option<usize> = None;
    let mut firsts = SentenceFirsts::default();
    let bytes = s.as_bytes();
    while i < s.len() {
        // Fast paths on raw bytes: only ASCII digits and a few Chinese characters start a
        // figure.
        let b0 = bytes[i];
        if b0 < 0x80 {
            if !b0.is_ascii_digit() {
                i += 1;
                continue;
            }
        } else if (0xE0..0xF0).contains(&b0) && i + 2 < bytes.len() {
            if !is_candidate_bytes(b0, bytes[i + 1], bytes[i + 2]) {
                i += 3;
                continue;
            }
        } else {
            i += crate::text::utf8_len(b0);
            continue;
        }
        let found = match figure_at(s, i) {
            Ok(f) => f,
            Err(resume) => {
                i = resume.max(i + 1);
                while !s.is_char_boundary(i) {
                    i += 1;
                }
                continue;
            }
        };
        let next = found.num.end.max(i + 1);
        let protected = protected.get_or_insert_with(|| protected_ranges(s));
        let Some((mut ind, own)) = recognise(s, &found, prev_end, protected) else {
            i = next;
            while !s.is_char_boundary(i) {
                i += 1;
            }
            continue;
        };
        // `分别为12、15、20件`: bare numbers listed before share the unit.
        let Some(list) = list_before(s, &found, &ind, prev_end, protected) else {
            i = next;
            continue;
        };
        if let Some(first) = list.first() {
            // The words before the list's first number give its direction and basis.
            let (direction, basis, start) = change_before(s, first.number.start, prev_end);
            if direction.is_some() {
                ind.direction = direction;
                ind.basis = basis;
                ind.kind = Kind::Change;
                ind.normalized = signed_normalized(&ind);
            }
            let (subject, subject_spans, _) = subject(
                s,
                start.min(first.span.start),
                first.span.start,
                prev_end,
                "",
                direction.is_some(),
            );
            let shift = |sp: Span| Span::new(line.start + sp.start, line.start + sp.end);
            for mut item in list {
                item.kind = ind.kind;
                item.direction = ind.direction;
                item.basis = ind.basis;
                item.normalized = signed_normalized(&item);
                item.subject = subject.clone();
                out.push(Indicator {
                    span: shift(item.span),
                    number: shift(item.number),
                    subject_spans: subject_spans.map(shift),
                    ..item
                });
                firsts.note(out, own);
            }
            ind.subject = subject;
            ind.subject_spans = subject_spans;
        } else if prev_end > 0 && !ends_sentence(&s[prev_end..ind.span.start]) {
            let from = sentence_first.unwrap_or(out.len());
            let first = firsts.lookup(out, split_magnitude(&ind.unit).1);
            inherit_subject(s, line, &mut ind, prev_end, &out[from..], first, own);
        } else if own == Named::Verb || is_review_decision(&ind.subject) {
            // A sentence's first figure: `在已审结的案件中,维持32件`.
            let before = &s[prev_end..ind.span.start];
            let from = after_last(before, &['。', ';', '!', '?']);
            take_frame(s, prev_end + from, &mut ind);
        }
        if prev_end == 0 || ends_sentence(&s[prev_end..ind.span.start]) {
            sentence_first = Some(out.len());
            firsts = SentenceFirsts::default();
        }
        prev_end = ind.span.end;
        i = ind.span.end;
        let shift = |sp: Span| Span::new(line.start + sp.start, line.start + sp.end);
        out.push(Indicator {
            span: shift(ind.span),
            number: shift(ind.number),
            subject_spans: ind.subject_spans.map(shift),
            ..ind
        });
        firsts.note(out, own);
    }
}

/// Start of the clause that ends at `s.len()`.
/// How far back (in bytes) any look-behind goes: keeps the scan linear on lines without
/// punctuation (a 5 MB single line) — 40 Chinese characters are more than a clause.
const BACK_WINDOW: usize = 120;
/// How far ahead a closing `》` `”` `〕` is looked for.
const CLOSE_WINDOW: usize = 600;

/// A char boundary at most `window` bytes before the end of `s`.
fn window_start(s: &str, window: usize) -> usize {
    let mut k = s.len().saturating_sub(window);
    while !s.is_char_boundary(k) {
        k += 1;
    }
    k
}

/// Start of the clause that ends at `s.len()`. A short parenthetical or quoted name inside
/// a noun phrase (`离任(任中)审计`, `“一网通办”事项`) does not end the clause.
fn clause_start(s: &str) -> usize {
    let mut end = s.len();
    loop {
        let Some((k, c)) = s[..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_clause_break(c))
        else {
            return 0;
        };
        // Short parentheticals and quoted names belong to the phrase: `离任(任中)审计`,
        // `“一网通办”事项`.
        let opener = match c {
            ')' => Some('('),
            '”' => Some('“'),
            _ => None,
        };
        if let Some(open_c) = opener {
            if let Some(open) = s[..k].rfind(open_c).filter(|&o| k - o <= 36) {
                if !s[open + open_c.len_utf8()..k].contains(is_clause_break) {
                    end = open;
                    continue;
                }
            }
        }
        return k + c.len_utf8();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Direction;

    /// The indexed word lists answer every prefix and suffix test as a scan of the list in
    /// order does, at every character boundary of the fixtures.
    #[test]
    fn word_sets_agree_with_a_scan_of_their_lists() {
        let texts = [
            include_str!("../../../tests/fixtures/000_4650dba7b757251d.txt"),
            include_str!("../../../tests/fixtures/001_b9193b597ac501b4.txt"),
            include_str!("../../../tests/fixtures/004_f9597e8d61f080e1.txt"),
        ];
        let sets: [(&WordSet, &[&str]); 6] = [
            (&LEAD_SET, SUBJECT_LEAD),
            (&TAIL_SET, SUBJECT_TAIL),
            (&BASE_SET, BASES),
            (&STOP_SET, RIGHT_STOP),
            (&NOUN_SET, NOUN_AFTER_VERB),
            (&AGENT_SET, AGENT_ENDINGS),
        ];
        let mut hits = 0;
        for t in texts {
            for (i, _) in t.char_indices() {
                let (after, before) = (&t[i..], &t[..i]);
                for (set, list) in sets {
                    let p = set.prefix_of(after);
                    assert_eq!(p, starts_with_any(after, list), "prefix at {i}");
                    assert_eq!(
                        set.suffix_of(before),
                        ends_with_any(before, list),
                        "suffix at {i}"
                    );
                    hits += usize::from(p.is_some());
                }
            }
        }
        assert!(hits > 1000, "the lists occur in real text ({hits})");
    }

    fn found(t: &str) -> Vec<String> {
        let d = Document::new(t);
        find_indicators(t, &d)
            .iter()
            .map(|i| t[i.span.start..i.span.end].to_string())
            .collect()
    }

    #[test]
    fn spans_a_reviewer_would_highlight() {
        let table: &[(&str, &[&str], &str)] = &[
            (
                "全区已精简64项申报材料,取消85个各类证明。",
                &["64项", "85个"],
                "counts",
            ),
            ("监管事项超过130件。", &["超过130件"], "prefix qualifier"),
            (
                "开展普法活动上千场，惠及群众万余户，指导案件近百宗。",
                &["上千场", "万余户", "近百宗"],
                "a bare magnitude with its qualifier",
            ),
            (
                "组织线上千余场活动。",
                &["千余场"],
                "线上 is a word, not 上",
            ),
            (
                "罚没收入较2022年减少1,200.5万元,时限较法定时限平均压缩80%。",
                &["较2022年减少1,200.5万元", "较法定时限平均压缩80%"],
                "a change against a named basis",
            ),
            (
                "案件数量同比分别增长12%、8%和5%。",
                &["同比分别增长12%", "8%", "5%"],
                "the basis before 分别",
            ),
            (
                "已建设完成1800余路,基本实现全覆盖。",
                &["1800余路"],
                "inner approximation",
            ),
            (
                "占审批和服务事项644项的92 %。",
                &["644项", "92 %"],
                "space before percent",
            ),
            (
                "审计查出主要问题金额9.747万元;",
                &["9.747万元"],
                "money with magnitude",
            ),
            (
                "企业开办时限压缩至3.5个工作日。",
                &["3.5个工作日"],
                "duration, longest unit",
            ),
            (
                "来信来访239件次,同比下降14.7%。",
                &["239件次", "同比下降14.7%"],
                "change with basis",
            ),
            (
                "到省上访较去年同比下降75%;",
                &["同比下降75%"],
                "nearest basis only",
            ),
            (
                "一次性办结率比增5.17%。",
                &["比增5.17%"],
                "short direction after 比",
            ),
            (
                "出庭应诉率提高5.17个百分点。",
                &["提高5.17个百分点"],
                "percentage points",
            ),
            (
                "全年组织领导干部学法十余次,",
                &["十余次"],
                "Chinese numeral with 余",
            ),
            ("涉及金额1.35亿元。", &["1.35亿元"], "亿元"),
            (
                "法律咨询1.19万人次。",
                &["1.19万人次"],
                "magnitude before measure word",
            ),
            ("案件调解率达82%,", &["82%"], "达 is not part of the span"),
            ("95%以上的事项", &["95%以上"], "suffix qualifier"),
            (
                "摸排线索25件27人,",
                &["25件", "27人"],
                "adjacent indicators",
            ),
        ];
        for (t, want, why) in table {
            assert_eq!(found(t), *want, "{t}: {why}");
        }
    }

    #[test]
    fn rejects_precision_traps() {
        let table: &[(&str, &str)] = &[
            ("深入推进行政执法三项制度。", "set phrase"),
            (
                "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
                "quoted slogans",
            ),
            ("做好“八五”普法规划。", "plan name"),
            ("推行“5个坚持”工作法。", "Arabic inside a quoted name"),
            ("重视12345便民服务中心建设。", "hotline"),
            ("学习十九届四中全会精神。", "plenum"),
            ("召开第一次会议,首批专家。", "ordinal"),
            ("2019年10月印发,今年4月26日召开。", "dates"),
            ("发布时间 13:27", "time"),
            ("依据《法治政府建设实施纲要(2015-2020年)》", "book title"),
            ("梅政〔2019〕10号", "document number"),
            ("全面推行一次性告知,一批事项,统一标准", "lone 一"),
            ("从鎮、村两个层面开展示范创建", "numeral naming levels"),
            ("每季度召开1次联席会议", "frequency rule"),
            ("1+X专项审计调查", "formula"),
            ("行政诉讼案件一审全部审结", "first instance"),
            ("规划(2021—2025年)", "period"),
            ("三个代表重要思想", "slogan"),
            ("全省排名第二", "ranking"),
            ("庆祝建党100周年", "anniversary"),
            ("推广24小时自助服务区", "service name"),
        ];
        for (t, why) in table {
            assert_eq!(found(t), Vec::<String>::new(), "{t}: {why}");
        }
    }

    fn first(t: &str) -> Indicator {
        let d = Document::new(t);
        find_indicators(t, &d).remove(0)
    }

    #[test]
    fn values_kinds_and_qualifiers() {
        let i = first("到市集体访人次较去年同比减少48.12%;");
        assert_eq!(
            (i.value, i.kind, i.direction, i.basis),
            (48.12, Kind::Change, Some(Direction::Down), Some("同比"))
        );
        let i = first("组织学法十余次。");
        assert_eq!(
            (i.value, i.unit.as_str(), i.approx),
            (10.0, "次", Some("余"))
        );
        let i = first("涉及金额9.747万元。");
        assert_eq!(
            (i.value, i.unit.as_str(), i.kind),
            (9.747, "万元", Kind::Money)
        );
        let i = first("满意率和基本满意率98.79%;");
        assert_eq!(
            (i.kind, i.subject.as_str()),
            (Kind::Rate, "满意率和基本满意率")
        );
        let i = first("新增市场主体5家,");
        assert_eq!(
            (i.kind, i.direction),
            (Kind::Count, None),
            "新增 counts additions"
        );
    }

    #[test]
    fn numeral_byte_keys_match_the_numerals() {
        for c in "零〇一二两三四五六七八九十百千万亿半壹贰叁肆伍陆柒捌玖拾佰仟俩统法率伍队".chars()
        {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            // 佰 仟 start `佰分之伍`, `仟分之贰`; 俩 is a numeral before a multiplier.
            let want = starts_number(c) || "百千万亿半佰仟".contains(c);
            assert_eq!(is_candidate_bytes(b[0], b[1], b[2]), want, "{c}");
        }
    }

    #[test]
    fn subjects() {
        // What is counted: the noun after the unit, else the object of the clause's verb; a
        // reason per row.
        let table: &[(&str, &str, &str)] = &[
            (
                "2019年,全区主动公开政府信息559条,",
                "政府信息",
                "object of 公开",
            ),
            ("全区已精简64项申报材料,", "申报材料", "noun after the unit"),
            (
                "办理区人大代表建议77件,办复率100%",
                "区人大代表建议",
                "object of 办理",
            ),
            (
                "其中区政府信息公开94条,",
                "区政府信息",
                "before a clause-final verb",
            ),
            (
                "全区83.87%信访事项被一次性办结",
                "信访事项",
                "noun after the unit",
            ),
            ("帮助企业解决困难33个,", "困难", "object of the last verb"),
            (
                "全年共受理的行政复议案件12件,",
                "行政复议案件",
                "the head noun after 的",
            ),
            (
                "在区人民法院设立驻法院人民调解工作室1个、",
                "驻法院人民调解工作室",
                "调解 in a noun",
            ),
            ("调解成功率99%,", "调解成功率", "a rate's name is one word"),
            (
                "全县持证执法人员仅326人,",
                "持证执法人员",
                "仅 is no part of the thing",
            ),
            (
                "地区生产总值年均增长9.3%,",
                "地区生产总值",
                "the metric that changed",
            ),
            (
                "将区发改委等20个政府部门的85项职责",
                "政府部门",
                "noun after the unit",
            ),
            (
                "区政府常务会议全年2次专门听取依法行政工作",
                "区政府常务会议",
                "an event's doer",
            ),
            (
                "1名长期缠访闹访的重点信访人员被依法处理",
                "重点信访人员",
                "people after 的",
            ),
            (
                "领导干部自然资源资产离任(任中)审计2个、",
                "领导干部自然资源资产离任(任中)审计",
                "a short parenthetical inside",
            ),
            (
                "约定生态环境损害赔偿(保证)金1.35亿元。",
                "生态环境损害赔偿(保证)金",
                "object of 约定",
            ),
        ];
        for (t, want, why) in table {
            assert_eq!(first(t).subject, *want, "{t}: {why}");
        }
        let all = |t: &str| -> Vec<String> {
            let d = Document::new(t);
            find_indicators(t, &d)
                .into_iter()
                .map(|i| i.subject)
                .collect()
        };
        assert_eq!(
            all("摸排线索25件27人,"),
            ["线索", "人"],
            "a figure of another measure word right after another counts that"
        );
        assert_eq!(
            all("共接待处理劳动人事争议案件83件,办结67件,调解55件。"),
            ["劳动人事争议案件"; 3],
            "a bare verb counts the sentence's thing"
        );
        assert_eq!(
            all("全区主动公开政府信息559条,其中区政府信息公开94条,各部门公开388条。"),
            ["政府信息", "区政府信息", "政府信息"],
            "a doer and a verb count the total's thing"
        );
        assert_eq!(
            all("共有“一趟不用跑”事项593项,占审批和服务事项644项的92%。"),
            ["“一趟不用跑”事项", "审批和服务事项", "“一趟不用跑”事项"],
            "A占B的X% measures A"
        );
        for t in [
            "行政诉讼案件败诉率由上年的12.5%下降至6.3%。",
            "行政诉讼案件败诉率从2022年的12.5%下降到6.3%。",
        ] {
            assert_eq!(
                all(t),
                ["行政诉讼案件败诉率"; 2],
                "{t}: both ends of a change measure the metric, not its baseline"
            );
        }
        assert_eq!(
            all("审批时限由原来的20个工作日压缩至5个工作日。"),
            ["审批时限"; 2],
            "由原来的 is a baseline"
        );
        assert_eq!(
            all("市政府全年收到行政复议案件228件,审结181件,维持87件,确认违法8件,责令履行2件。"),
            ["行政复议案件"; 5],
            "a review's outcomes count its cases"
        );
        assert_eq!(
            all("在已审结的行政复议案件中,维持32件,撤销4件。执法检查工作中,约谈8次。"),
            ["行政复议案件", "行政复议案件", "约谈"],
            "a breakdown frame names the thing; 工作中 is no frame"
        );
        assert_eq!(
            all("收到申请71件,受理50件,受理案件中,维持45件,撤销3件。"),
            ["申请", "申请", "受理案件", "受理案件"],
            "a frame after the total"
        );
        assert_eq!(
            all("全年罚没收入较2022年减少1200.5万元,降幅为23.4%。"),
            ["罚没收入"; 2],
            "a named basis is no part of the thing"
        );
        assert_eq!(
            all("办理人大代表建议和政协委员提案分别为45件和62件,办复率均为100%。"),
            ["人大代表建议", "政协委员提案", "办复率"],
            "分别 gives each figure its own thing"
        );
        assert_eq!(
            all("办理建议和提案分别为45件、62件和3件。"),
            ["建议和提案"; 3],
            "two things, three figures: left as they are"
        );
        assert_eq!(
            all("备案率、及时率、规范率均达100%。全区公职人员学法考试参考率、优秀率均达100%。"),
            ["备案率、及时率、规范率", "参考率、优秀率"],
            "rates listed before one value"
        );
        assert_eq!(
            all("办理建议45件,办复率、满意率分别为100%和98%。"),
            ["建议", "办复率", "满意率"],
            "listed rates with 分别 take one value each"
        );
        assert_eq!(strip_baseline("满意度从去年的"), "满意度");
        assert_eq!(strip_baseline("满意度从2022年度"), "满意度");
        assert_eq!(
            strip_baseline("案件由基层法院"),
            "案件由基层法院",
            "由 before an agent is no baseline"
        );
        assert_eq!(strip_baseline("由上年的"), "由上年的", "nothing before it");
    }
}
