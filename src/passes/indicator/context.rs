//! The context before a figure: its sign, prefix qualifier and change, and the decision
//! that it is an indicator at all ([`recognise`]).
//!
//! ## Grammar (before the figure, spaces allowed between the parts)
//! ```text
//! indicator = [basis] [direction] [prefix] [sign] figure
//! prefix    = 约 近 将近 接近 大约 超过 超 逾 至少 不少于 不低于 不到 不足
//!           | 上                         (only before a bare 百/千/万: 上千场, 上万人)
//! sign      = 负 | -                               (rates only: 负3.9%, -22.2%)
//! direction = 增长 上升 提高 提升 增加 下降 减少 降低 压缩 缩短 …  (single 增/降/减/升 only after 比)
//! basis     = 同比 环比 比上年 较上年 比去年 较去年 … | 比 (in 比增/比降)
//!           | 较 named [平均|均|分别]        (较2022年减少, 较法定时限平均压缩: basis 比)
//! ```
//! Not prefixes: `近` in `最近`/`附近`, `超` in `赶超`, `约` in `节约`/`签约` ([`YUE_WORDS`]);
//! not signs: `负` in `担负`, `肩负`. The traps that make a figure no indicator are in
//! [`super::traps`].

use super::*;

/// Qualifiers written before the number, longest first: `超过130件`, `近30%`.
pub(super) const PREFIXES: &[&str] = &[
    "不少于",
    "不低于",
    "将近",
    "接近",
    "大约",
    "超过",
    "至少",
    "不到",
    "不足",
    "约",
    "近",
    "逾",
    "超",
];
/// What makes `约` the end of a word rather than a qualifier: `节约`, `制约`, `签约`, `预约`,
/// `合约`, `条约`, `履约`, `违约`, `特约`, `公约`, `契约`, `相约`, `守约`, `毁约`.
pub(super) const YUE_WORDS: &[char] = &[
    '节', '制', '签', '预', '合', '条', '履', '违', '特', '公', '契', '相', '守', '毁',
];
/// Direction and basis written right before `at` (`同比下降`, `分别提高`), and where they
/// start.
pub(super) fn change_before(
    s: &str,
    at: usize,
    prev_end: usize,
) -> (Option<Direction>, Option<&'static str>, usize) {
    let head = trim_spaces(&s[..at]);
    let head = head.strip_suffix("分别").map_or(head, trim_spaces);
    let dir = DIRECTIONS
        .iter()
        .find(|(w, _)| ends_with_word(head, w))
        .map(|&(w, d)| (w, d))
        .or_else(|| {
            SHORT_DIRECTIONS
                .iter()
                .find(|(w, _)| {
                    ends_with_word(head, w)
                        && BASE_SET.suffix_of(&head[..head.len() - w.len()]).is_some()
                })
                .map(|&(w, d)| (w, d))
        });
    let Some((w, d)) = dir else {
        return (None, None, at);
    };
    let lead = &head[..head.len() - w.len()];
    if lead.ends_with('新') || lead.len() < prev_end {
        return (None, None, at);
    }
    let mut start = lead.len();
    let mut basis = None;
    let lead_t = trim_spaces(lead);
    // `同比分别增长12%、8%`: the basis before 分别/均.
    let lead_t = ["分别", "均"]
        .iter()
        .find_map(|w| lead_t.strip_suffix(w))
        .filter(|l| BASE_SET.suffix_of(trim_spaces(l)).is_some())
        .map_or(lead_t, trim_spaces);
    if let Some(b) = BASE_SET.suffix_of(lead_t) {
        let is_comparative_bi = b == "比"
            && !(w.chars().count() == 1 || lead_t.ends_with("同比") || lead_t.ends_with("环比"));
        if !is_comparative_bi && lead_t.len() - b.len() >= prev_end {
            basis = Some(canonical_basis(b));
            start = lead_t.len() - b.len();
        }
    }
    // `较2022年减少`, `较法定时限平均压缩`: a comparison with a named basis.
    if basis.is_none() {
        let l = trim_spaces(lead_t);
        let l = ["平均", "分别", "均"]
            .iter()
            .find_map(|w| l.strip_suffix(w))
            .map_or(l, trim_spaces);
        if let Some(k) = l.rfind('较') {
            let named = &l[k + '较'.len_utf8()..];
            let n = named.chars().count();
            let plain = !named
                .chars()
                .any(|c| c.is_ascii_punctuation() || "。,;:、“”《》()".contains(c));
            if (1..=10).contains(&n) && plain && k >= prev_end && !l[..k].ends_with('比') {
                basis = Some("比");
                start = k;
            }
        }
    }
    (Some(d), basis, start)
}

/// Decides whether the figure `f` in line `s` is an indicator and builds it (line-relative).
// Kept out of `scan_figures` (measured: seed 004, callgrind, 5 runs: inlined it cost
// 0.8 % more instructions after the pass was split into modules).
#[inline(never)]
pub(super) fn recognise(
    s: &str,
    f: &Found,
    prev_end: usize,
    protected: &[(usize, usize)],
) -> Option<(Indicator, Named)> {
    let n = &f.num;
    let q = &f.q;
    if is_protected(protected, n.start, q.number_end) || trap_at(s, f).is_some() {
        return None;
    }
    let before = &s[..n.start];
    let prev = before.chars().next_back();
    let before_t = trim_spaces(before);
    // A sign: `负3.9%`, `-22.2%` (rates only; `担负12项` is a word).
    let rate_like = matches!(q.kind, Kind::Rate);
    let mut sign: Option<usize> = None; // start of the sign
    if rate_like {
        if let Some(r) = before_t.strip_suffix('负') {
            if !r.ends_with(['正', '担', '肩', '辜', '胜', '抱', '欺', '自']) {
                sign = Some(r.len());
            }
        } else if let Some(r) = before_t.strip_suffix('-') {
            let pc = r.chars().next_back();
            if pc.is_none_or(|c| !(c.is_ascii_alphanumeric() || matches!(c, ')' | ']' | '.' | '-')))
            {
                sign = Some(r.len());
            }
        }
    }
    // Part of a larger token: `G20`, `e三明`, `1.5`, `3·15`, `1+X`, `13:27`.
    if let Some(p) = prev {
        let sign_here = sign.is_some() && p == '-';
        if !sign_here
            && (p.is_ascii_alphanumeric()
                || matches!(p, '.' | '·' | '+' | '-' | '/' | '_' | '#' | '~'))
        {
            return None;
        }
        if p == ':' && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()) {
            return None; // ratio or time
        }
    }
    // Ordinals and rankings.
    if before_t.ends_with('第') || before_t.ends_with('前') || before_t.ends_with("排名") {
        return None;
    }
    // Dates, times, ranges and identifiers right after the number.
    if f.high.is_none() {
        let j = skip_spaces(s, q.number_end);
        let after = &s[q.number_end..];
        let spaced = &s[j..];
        if let Some(a) = spaced.chars().next() {
            let a2 = spaced[a.len_utf8()..].chars().next();
            let digit_follows = a2.is_some_and(|c| c.is_ascii_digit() || is_cn_numeral(c));
            match a {
                '年' | '月' | '日' | '号' | '时' | '届' | '·' | '+' | '×' | '*' => {
                    return None
                }
                ':' | '-' | '/' | '—' | '–' | '~' | '至' | '到' if digit_follows => {
                    return None
                }
                c if c.is_ascii_alphabetic() && !after.starts_with(' ') => return None,
                _ => {}
            }
            if a == '.' && after.starts_with('.') && digit_follows {
                return None;
            }
        }
    }
    // A Chinese numeral: never a lone 一; never inside words like 统一, 唯一, 之一.
    if n.chinese() {
        let lit = &s[n.start..n.end];
        if lit == "一" || lit == "壹" {
            return None;
        }
        if prev.is_some_and(|p| {
            matches!(
                p,
                '统' | '唯' | '之' | '同' | '单' | '逐' | '万' | '进' | '初' | '其' | '星' | '礼'
            )
        }) {
            return None;
        }
    }
    // Frequency rules: 每季度召开1次.
    let near = window_start(before, BACK_WINDOW);
    let clause_from = near + clause_start(&before[near..]);
    if before[clause_from..].contains('每') {
        return None;
    }
    let unit = q.bare_unit;
    let following = s[q.end..].chars().next();
    // `建党100周年` is an anniversary; `24小时自助服务` names a service.
    if unit == "周" && following.is_some_and(|c| matches!(c, '年' | '岁')) {
        return None;
    }
    if unit.ends_with("小时")
        && n.value == 24.0
        && following.is_some_and(|c| is_cjk(c) && !matches!(c, '内' | '以' | '之' | '左'))
    {
        return None;
    }
    if n.chinese() && n.value < 10.0 && q.approx.is_none() && !rate_like {
        // Small Chinese numerals count (`两次主持`, `聘请两名律师`) unless they name something:
        // a set phrase (`三项制度`, `两个维护`), a quoted list (`六个“继续坚持”`), a
        // numbered slogan (`五个一`, `两个一百年`), a plan's parts (`三个方面`), a phase
        // (`二期工程`).
        let tail = &s[n.end..];
        let phrase = &s[n.start..];
        let after_unit = &s[q.end..];
        if starts_with_any(phrase, SET_PHRASES).is_some()
            || starts_with_any(tail, SET_PHRASE_TAILS).is_some()
            || after_unit.starts_with(['“', '《', '‘', '"'])
            || after_unit.starts_with(|c: char| cn_digit(c).is_some())
            || unit == "期" && starts_with_any(after_unit, PHASE_WORDS).is_some()
        {
            return None;
        }
    }
    // Prefix qualifiers and change cues, right before the number (or its sign).
    let mut start = sign.unwrap_or(n.start);
    let mut approx = q.approx;
    let head_t = trim_spaces(&s[..start]);
    if sign.is_none() {
        if let Some(p) = ends_with_any(head_t, PREFIXES) {
            // 近 in 最近/附近, 超 in 赶超, 约 in 节约/签约/履约 are words, not qualifiers.
            let word = &head_t[..head_t.len() - p.len()];
            let bad = matches!(p, "近" | "超") && word.ends_with(['最', '附', '将', '赶', '接'])
                || p == "约" && word.ends_with(YUE_WORDS);
            if !bad && head_t.len() - p.len() >= prev_end {
                approx = Some(p);
                start = head_t.len() - p.len();
            }
        } else if approx.is_none()
            && head_t.ends_with('上')
            && head_t.len() - '上'.len_utf8() >= prev_end
            && bare_magnitude_at(s, n.start)
        {
            // `上千场`, `上万人`: the number was read because of this 上.
            approx = Some("上");
            start = head_t.len() - '上'.len_utf8();
        }
    }
    let mut kind = q.kind;
    let (mut direction, basis, dstart) = change_before(s, start, prev_end);
    if direction.is_some() {
        start = dstart;
        kind = Kind::Change;
    }
    let mut value = if f.high.is_some() { n.value } else { q.value };
    if sign.is_some() {
        value = -value;
        direction = direction.or(Some(Direction::Down));
        kind = Kind::Change;
    }
    if direction.is_none() && matches!(unit, "个百分点" | "百分点") {
        // 高出/低于 N 个百分点 is still a change of a rate; keep it a rate otherwise.
        kind = Kind::Rate;
    }
    let mut ind = Indicator {
        span: Span::new(start, q.end),
        number: Span::new(n.start, q.number_end),
        value,
        high: f.high,
        normalized: 0.0,
        normalized_unit: String::new(),
        unit: q.unit.clone(),
        kind,
        approx,
        direction,
        basis,
        subject: String::new(),
        subject_spans: [Span::default(); 2],
        section: None,
    };
    ind.normalized = signed_normalized(&ind);
    ind.normalized_unit = normalized_unit(&ind.unit).to_string();
    let (subject, subject_spans, own) =
        subject(s, start, q.end, prev_end, q.bare_unit, direction.is_some());
    ind.subject = subject;
    ind.subject_spans = subject_spans;
    Some((ind, own))
}

/// `normalized` of an indicator: its value on the normalised scale, negative for a decrease.
pub(super) fn signed_normalized(i: &Indicator) -> f64 {
    let v = normalize(i.value, &i.unit);
    if i.direction == Some(Direction::Down) && v > 0.0 {
        -v
    } else {
        v
    }
}

pub(super) fn canonical_basis(b: &str) -> &'static str {
    BASES.iter().copied().find(|x| *x == b).unwrap_or("比")
}
