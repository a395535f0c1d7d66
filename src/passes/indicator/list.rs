//! Lists of numbers that share one unit, and figures that share a subject through `分别`.
//!
//! ## Grammar
//! ```text
//! list = number (、|和|及|与|,) number … figure           分别为12、15、20件
//!                                                         分别提高9.13、0.04和1.01个百分点
//! ```
//! Each number of a list is its own indicator with the list's unit, spanning its own digits,
//! with the direction and basis written before the list. `人大代表建议和政协委员提案分别为45件和62件`:
//! figures sharing a subject through `分别` take one of its things each
//! ([`distribute_respectively`]).

use super::*;

/// Separators of a list of numbers sharing a unit: `12、15、20件`, `9.13、0.04和1.01`.
pub(super) const LIST_SEPARATORS: &[&str] = &["、", "和", "及", "与", ","];

/// `办理人大代表建议和政协委员提案分别为45件和62件`: figures that share one subject through
/// `分别`, as many as the subject names things joined by `和` `、` `及` `与`, take one thing
/// each, in order (`人大代表建议` 45件, `政协委员提案` 62件). `figs` are one line's figures in
/// text coordinates. A subject with another number of things, or figures joined by more
/// than a separator, stay as they are.
pub(super) fn distribute_respectively(text: &str, figs: &mut [Indicator]) {
    let mut i = 0;
    while i < figs.len() {
        let [l, r] = figs[i].subject_spans;
        let mut j = i + 1;
        while j < figs.len() && figs[j].subject_spans == figs[i].subject_spans {
            j += 1;
        }
        let group = i..j;
        i = j;
        if group.len() < 2 || l.is_empty() || !r.is_empty() || l.end > figs[group.start].span.start
        {
            continue;
        }
        let lead = &text[l.end..figs[group.start].span.start];
        if !lead.contains("分别") || lead.chars().count() > 6 {
            continue;
        }
        let joined = group.clone().skip(1).all(|k| {
            let between = trim_spaces(&text[figs[k - 1].span.end..figs[k].span.start]);
            matches!(between, "和" | "、" | "及" | "与" | "," | "以及")
        });
        let subject = &text[l.start..l.end];
        let mut parts = Vec::new();
        let mut from = 0;
        for (k, c) in subject.char_indices() {
            if matches!(c, '和' | '、' | '及' | '与') {
                parts.push((from, k));
                from = k + c.len_utf8();
            }
        }
        parts.push((from, subject.len()));
        let named = parts
            .iter()
            .all(|&(a, b)| subject[a..b].chars().count() >= 2);
        if !joined || !named || parts.len() != group.len() {
            continue;
        }
        for (k, (a, b)) in group.zip(parts) {
            let f = &mut figs[k];
            f.subject = subject[a..b].to_string();
            f.subject_spans = [
                Span::new(l.start + a, l.start + b),
                Span::new(f.span.end, f.span.end),
            ];
        }
    }
}

/// The bare numbers listed right before the figure `f` (`12、15、` before `20件`) as figures
/// of its unit, in order (empty when there are none); `None` when the list is an ordinal
/// one (`第1、2、3名`) and the figure is none either.
pub(super) fn list_before(
    s: &str,
    f: &Found,
    ind: &Indicator,
    prev_end: usize,
    protected: &[(usize, usize)],
) -> Option<Vec<Indicator>> {
    if f.high.is_some() || ind.span.start != f.num.start {
        return Some(Vec::new());
    }
    let mut items: Vec<Number> = Vec::new();
    let mut at = f.num.start;
    loop {
        let before = trim_spaces(&s[..at]);
        let Some(sep) = ends_with_any(before, LIST_SEPARATORS) else {
            break;
        };
        let head = trim_spaces(&before[..before.len() - sep.len()]);
        // The number ending there: back over its characters, then read it forward whole.
        let start = head
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_ascii_digit() || c == '.' || is_cn_numeral(c))
            .last()
            .map(|(k, _)| k);
        let Some(start) = start else { break };
        if start < prev_end || start == head.len() {
            break;
        }
        let Ok(n) = read_number(s, start) else { break };
        if n.end != head.len() || n.chinese() != f.num.chinese() || n.approx.is_some() {
            break;
        }
        // `1、` at a line start is a heading marker; `,` lists only Arabic decimals.
        if start == 0 && sep == "、" || sep == "," && n.decimals == 0 {
            break;
        }
        if is_protected(protected, n.start, n.end) {
            break;
        }
        items.push(n);
        at = start;
    }
    if items.is_empty() {
        return Some(Vec::new());
    }
    let head = trim_spaces(&s[..at]);
    if head.ends_with('第') || head.ends_with('前') || head.ends_with("排名") {
        return None;
    }
    let items = items
        .into_iter()
        .rev()
        .map(|n| {
            let mut item = Indicator {
                span: Span::new(n.start, n.end),
                number: Span::new(n.start, n.end),
                value: n.value,
                high: None,
                approx: None,
                ..ind.clone()
            };
            item.normalized = signed_normalized(&item);
            item
        })
        .collect();
    Some(items)
}
