//! The subject of a figure: what it measures, from the words around it.
//!
//! ## Grammar (in order of preference)
//! ```text
//! subject = noun-after-unit                       清单31个 → 清单; 256家法律服务机构
//!         | object-of-verb                        主动公开政府信息559条 → 政府信息
//!         | clause-before                         区政府信息公开94条 → 区政府信息公开
//!         | frame                                 受理案件中,维持45件 → 案件
//!         | sentence's first thing                办结67件 after 受理案件70件 → 案件
//! ```
//! Stripped from the ends: leads (`其中`, `全年`, `共`, but not the 共 of `共性问题`), tails
//! (`达到`, `为`, `下降至`, `较` before a baseline: `较2022年558件` counts the sentence's
//! thing), baselines (`由上年的`), and the figure's own change words. A verb run
//! ([`VerbRuns`]) tells a verb from the noun it governs.
//!
//! Noun phrases (issue 22, measured on unseen report text in `tests/subjects_real.rs`):
//! ```text
//! generic head + rest before the next figure    31个部门行政职权事项3437项 → 部门
//! event count + its meeting, to a conjunction   召开6次部党组会暨12次… → 部党组会
//! (not after a thing of its own)                区政府常务会议全年2次 → 区政府常务会议
//! empty clause after a ranking                  行政处罚类数量最多,共349件 → 行政处罚类
//! manner frame                                  以调解、和解等方式结案170件 → 调解、和解等方式结案
//! 以…为 modifier of any head                     以区政府为被申请人的复议案件 → all of it
//! category after 等                              …、执法规范化等重点问题6项 → 重点问题
//! review outcome + object, 决定 + outcome         驳回申请136件, 决定维持435件
//! two-character noun + verb                     法律查询60.54万人次 → 法律查询
//! nouns coordinated after the unit             6000余名政府领导干部和工作人员 → all of it
//! a verb repeated alone                         开展X专题学习,全年累计开展20余次 → X专题学习
//! ```
//! Look-alikes: `全年共受理的行政复议案件` keeps only its head; `积极推进8个方面` (an adverb,
//! not a noun, before the verb); `对照七项整改内容` (整改 before 内容 is a noun);
//! `开展驻站执法、路检路查260余次` (a list without 等 is all the subject).

use super::*;

/// The word lists that subjects test at every character, indexed ([`WordSet`]).
pub(super) static LEAD_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(SUBJECT_LEAD));
pub(super) static TAIL_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(SUBJECT_TAIL));
pub(super) static BASE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(BASES));
pub(super) static STOP_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(RIGHT_STOP));
pub(super) static NOUN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NOUN_AFTER_VERB));
pub(super) static AGENT_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(AGENT_ENDINGS));

// ---- patterns -------------------------------------------------------------------------

/// Words stripped from the end of a subject.
pub(super) const SUBJECT_TAIL: &[&str] = &[
    "下降至",
    "下降到",
    "上升至",
    "上升到",
    "增长至",
    "增长到",
    "缩短到",
    "压减到",
    "缩减到",
    "压减至",
    "减至",
    "降至",
    "缩减至",
    "提高到",
    "提升到",
    "增加到",
    "降低到",
    "压缩到",
    "减少到",
    "全市最高",
    "全市最低",
    "全区最高",
    "全区最低",
    "最高",
    "最低",
    "已",
    "全年",
    "今年",
    "年内",
    "压缩至",
    "缩短至",
    "降低至",
    "提高至",
    "提升至",
    "减少至",
    "增加至",
    "年均",
    "平均",
    "仅有",
    "只有",
    "仅",
    "达到",
    "分别为",
    "分别",
    "总计",
    "共计",
    "累计",
    "合计",
    "共有",
    "保持",
    "超过",
    "不低于",
    "不少于",
    "达",
    "是",
    "均",
    "共",
    "约",
    "近",
    "有",
    "了",
    "占",
    "在",
    "至",
    "到",
    "逾",
    "超",
    "再",
    "由",
    "从",
    // `较2022年558件`: the comparison marker before a baseline figure (its year is stripped
    // first); the figure then measures the sentence's thing.
    "较",
];
/// Where a noun phrase after the unit stops (verbs and particles).
pub(super) const RIGHT_STOP: &[&str] = &[
    "的",
    "为",
    "缩短",
    "压缩",
    "减少",
    "降低",
    "提高",
    "提升",
    "增加",
    "下降",
    "上升",
    "增长",
    "至",
    "到",
    "被",
    "在",
    "对",
    "向",
    "与",
    "并",
    "和",
    "获得",
    "登陆",
    "接入",
    "参加",
    "参与",
    "进行",
    "开展",
    "实现",
    "完成",
    "全部",
    "均",
    "已",
    "得到",
    "通过",
    "列入",
    "纳入",
    "受到",
    "提供",
    "作为",
    "开始",
    "达到",
    "明确",
    "正在",
    "其中",
    "等",
    "是",
    "有",
    "增收节支",
    "依法",
    "集中",
    "获评",
    "如期",
    "以",
    "进驻",
];

/// The figures of the current sentence that [`inherit_subject`] falls back on, kept as the
/// sentence grows so that a line of thousands of figures without a full stop stays linear.
#[derive(Default)]
pub(super) struct SentenceFirsts {
    /// The first figure with a subject (an index into the output).
    pub(super) any: Option<usize>,
    /// Per measure word, the first figure whose own clause named its thing.
    pub(super) by_unit: Vec<usize>,
}

impl SentenceFirsts {
    /// Records the figure just pushed to `out`.
    pub(super) fn note(&mut self, out: &[Indicator], own: Named) {
        let idx = out.len() - 1;
        let ind = &out[idx];
        if ind.subject.is_empty() {
            return;
        }
        self.any.get_or_insert(idx);
        let unit = split_magnitude(&ind.unit).1;
        if own == Named::Own
            && !self
                .by_unit
                .iter()
                .any(|&k| split_magnitude(&out[k].unit).1 == unit)
        {
            self.by_unit.push(idx);
        }
    }

    /// The sentence's first figure of measure word `unit` that named its thing, else its
    /// first figure with a subject.
    pub(super) fn lookup<'a>(&self, out: &'a [Indicator], unit: &str) -> Option<&'a Indicator> {
        self.by_unit
            .iter()
            .map(|&k| &out[k])
            .find(|e| split_magnitude(&e.unit).1 == unit)
            .or_else(|| self.any.map(|k| &out[k]))
    }
}

/// True when `between` (the text between two figures) ends a sentence.
pub(super) fn ends_sentence(between: &str) -> bool {
    // Bytes: `;` `!` `?` are ASCII in the normalised view and `。` is E3 80 82 (E3 is
    // always a lead byte, so these three are `。` wherever they occur).
    let b = between.as_bytes();
    (0..b.len()).any(|i| match b[i] {
        b';' | b'!' | b'?' => true,
        0x82 => i >= 2 && b[i - 1] == 0x80 && b[i - 2] == 0xE3,
        _ => false,
    })
}

/// Gives `ind` the subject its sentence gives it when its own clause names none. `earlier`
/// are the figures of the sentence before it (line coordinates shifted by `line.start`);
/// `first` is the sentence's first figure of its measure word that named its thing, else the
/// sentence's first figure with a subject ([`SentenceFirsts::lookup`]).
///
/// * `95件,比上年增长66.7%`, `由20个工作日缩短至5个工作日`: a change or a rate without its own
///   subject measures the previous figure's;
/// * `593项,占审批和服务事项644项的92%`: the share measures the figure before `占`;
/// * `摸排线索25件27人`: a figure of another measure word right after another counts that
///   (`人`);
/// * `共办理案件83件,办结67件,调解55件`, `其中…各部门公开388条`: a count whose clause is only
///   a verb (or a doer and a verb) counts the sentence's first figure's thing.
pub(super) fn inherit_subject(
    s: &str,
    line: Span,
    ind: &mut Indicator,
    prev_end: usize,
    earlier: &[Indicator],
    first: Option<&Indicator>,
    named: Named,
) {
    let Some(prev) = earlier.last() else {
        return;
    };
    let to_line = |sp: Span| Span::new(sp.start - line.start, sp.end - line.start);
    let take = |ind: &mut Indicator, from: &Indicator| {
        ind.subject = from.subject.clone();
        ind.subject_spans = from.subject_spans.map(to_line);
    };
    let between = trim_spaces(&s[prev_end..ind.span.start]).trim_start_matches(is_space);
    // `同比分别下降10.5%和45.7%`: a figure listed after a change is one too.
    if ind.direction.is_none()
        && prev.direction.is_some()
        && prev.unit == ind.unit
        && matches!(between, "和" | "、" | "及" | "与")
    {
        ind.direction = prev.direction;
        ind.basis = prev.basis;
        ind.kind = Kind::Change;
        ind.normalized = signed_normalized(ind);
    }
    // `A占B的X%`.
    if ind.kind == Kind::Rate && between == "的" && earlier.len() >= 2 {
        let left = to_line(prev.subject_spans[0]);
        let right = to_line(prev.subject_spans[1]);
        let own = if left.is_empty() { right } else { left };
        let clause = trim_spaces(&s[..own.start.min(to_line(prev.span).start)]);
        if clause.ends_with('占') || s[..own.start].ends_with('占') {
            take(ind, &earlier[earlier.len() - 2]);
            return;
        }
    }
    let direction_word = DIRECTIONS.iter().any(|(w, _)| ind.subject == *w);
    if !ind.subject.is_empty()
        && !direction_word
        && named != Named::Verb
        && !is_review_decision(&ind.subject)
    {
        return;
    }
    let adjacent = between.is_empty();
    if adjacent
        && ind.kind == Kind::Count
        && split_magnitude(&ind.unit).1 != split_magnitude(&prev.unit).1
    {
        // The measure word names what is counted: `25件27人`.
        let unit_at = Span::new(ind.span.end - ind.unit.len(), ind.span.end);
        if s.get(unit_at.start..unit_at.end) == Some(ind.unit.as_str()) {
            ind.subject = split_magnitude(&ind.unit).1.to_string();
            let k = unit_at.end - ind.subject.len();
            ind.subject_spans = [
                Span::new(k, unit_at.end),
                Span::new(ind.span.end, ind.span.end),
            ];
            return;
        }
    }
    if adjacent || direction_word || matches!(ind.kind, Kind::Change | Kind::Rate) {
        take(ind, prev);
        return;
    }
    // `受理案件中,维持45件,撤销3件`: a frame after the total names what the breakdown counts.
    if first.is_some_and(|f| take_frame(s, to_line(f.span).end, ind)) {
        return;
    }
    // The sentence's first figure of the same measure word whose clause named its thing (the
    // total a breakdown follows), else the sentence's first.
    if let Some(from) = first {
        take(ind, from);
    }
}

/// Gives `ind` the thing of the last breakdown frame between byte `from` of the line and the
/// figure ([`breakdown_frame`]); false when there is none.
pub(super) fn take_frame(s: &str, from: usize, ind: &mut Indicator) -> bool {
    let Some(frame) = breakdown_frame(&s[from.min(ind.span.start)..ind.span.start]) else {
        return false;
    };
    let k = frame.as_ptr() as usize - s.as_ptr() as usize;
    ind.subject = frame.to_string();
    ind.subject_spans = [
        Span::new(k, k + frame.len()),
        Span::new(ind.span.end, ind.span.end),
    ];
    true
}

/// The byte after the last of `seps` in `s`, or 0 when there is none.
pub(super) fn after_last(s: &str, seps: &[char]) -> usize {
    s.rfind(seps)
        .map_or(0, |p| p + s[p..].chars().next().map_or(1, char::len_utf8))
}

/// Things a breakdown frame may name (`受理案件中`, `已审结的行政复议案件中`).
pub(super) const FRAME_NOUNS: &[&str] = &[
    "案件", "申请", "事项", "信件", "诉求", "建议", "提案", "问题", "线索", "文件", "合同", "人员",
    "对象", "企业", "单位", "项目",
];

/// The thing of the last breakdown frame in `between` (the text from a sentence's first
/// figure to a later figure): a clause `…X中,` whose head noun ends with one of
/// [`FRAME_NOUNS`] (`受理案件中,` → `受理案件`; `已审结的行政复议案件中,` → `行政复议案件`).
/// `工作中` `过程中` and `其中` are no frames.
pub(super) fn breakdown_frame(between: &str) -> Option<&str> {
    let k = between.rfind("中,")?;
    let head = &between[..k];
    let from = after_last(head, &[',', ';', '。', '、']);
    let mut frame = strip_subject(head[from..].trim_start_matches(&['在', '对'][..]));
    if let Some(p) = frame.rfind('的') {
        frame = &frame[p + '的'.len_utf8()..];
    }
    let n = frame.chars().count();
    let ok = (2..=12).contains(&n)
        && !frame.bytes().any(|b| b.is_ascii_digit())
        && ends_with_any(frame, FRAME_NOUNS).is_some();
    ok.then_some(frame)
}

/// A decision of an administrative review named by its outcome (`确认违法2件`,
/// `确认行政行为违法2件`, `责令履行1件`, `确认无效`): the thing is the cases, not the outcome.
pub(super) fn is_review_decision(subject: &str) -> bool {
    subject.starts_with("确认") && ends_with_any(subject, &["违法", "无效"]).is_some()
        || subject.starts_with("责令") && subject.ends_with("履行")
}

/// Characters after `共` that make it the first half of a word (`共性问题`, `共同缔造`,
/// `共享平台`), not the counting lead `共` (`共办理`).
const COMPOUND_AFTER_GONG: &[char] = &['性', '同', '享', '建', '治', '青', '产', '识'];

/// The last `其中` in `s`: a byte search for 其, then the 中 after it (a substring search
/// built for every subject cost more than the rest of the stripping).
fn rfind_qizhong(s: &str) -> Option<usize> {
    let mut end = s.len();
    while let Some(p) = s[..end].rfind('其') {
        if s[p + '其'.len_utf8()..].starts_with('中') {
            return Some(p);
        }
        end = p;
    }
    None
}

/// Strips scope, time and counting words from both ends of a subject clause.
pub(super) fn strip_subject(mut left: &str) -> &str {
    left = left.trim();
    loop {
        let l0 = left;
        if let Some(y) = year_at(left, 0).filter(|y| y.marked) {
            left = &left[y.end..];
        }
        if let Some(w) = LEAD_SET
            .prefix_of(left)
            .filter(|&w| !(w == "共" && left[w.len()..].starts_with(COMPOUND_AFTER_GONG)))
        {
            left = &left[w.len()..];
        } else if left.starts_with('及') && !left.starts_with("及时") {
            left = &left['及'.len_utf8()..];
        }
        if let Some(p) = rfind_qizhong(left) {
            left = &left[p + "其中".len()..];
        }
        left = left.trim();
        if left == l0 {
            break;
        }
    }
    loop {
        let l0 = left;
        if let Some(w) = TAIL_SET.suffix_of(left) {
            left = &left[..left.len() - w.len()];
        }
        // A copula 为, but not the 为 of 行为/作为/认为.
        if left.ends_with('为')
            && ends_with_any(left, &["行为", "作为", "认为", "成为", "因为"]).is_none()
        {
            left = &left[..left.len() - '为'.len_utf8()];
        }
        if let Some(w) = BASE_SET.suffix_of(left) {
            left = &left[..left.len() - w.len()];
        }
        // A year at the end: `省级以上越级信访在2019年`.
        if let Some(p) = left
            .len()
            .checked_sub("0000年".len())
            .filter(|_| left.ends_with('年'))
        {
            if left.is_char_boundary(p)
                && year_at(left, p).is_some_and(|y| y.marked && y.end == left.len())
            {
                left = &left[..p];
            }
        }
        left = left.trim();
        if left == l0 {
            break;
        }
    }
    left
}

/// Heads too generic to name what is counted without their modifier.
const GENERIC_HEADS: &[&str] = &[
    "单位", "部门", "社区", "企业", "人员", "村", "乡镇", "街道", "学校", "个人", "群众", "家庭",
    "项目", "事项", "案件", "问题",
];

/// Where the modifier that defines which `head`s are counted starts in `modifier` (the words
/// before `的`): `head` is generic ([`GENERIC_HEADS`], or coordinated ones: `部门和单位`) and the
/// modifier, scope and time words stripped from its start (`全区`, `全年`), a short clause of
/// two to ten characters without a digit or another `的`: `考核优秀的单位`,
/// `依法应当公开的部门和单位`; not `全年共受理的行政复议案件` (its head names the thing). A
/// `以…为…` frame defines any head: `以区政府为被申请人的复议案件`.
fn defining_modifier(modifier: &str, head: &str) -> Option<usize> {
    let m = strip_subject(modifier);
    // `以区政府为被申请人的复议案件`: a 以…为 frame says which of any head are counted.
    let generic = head
        .split(['和', '、', '及'])
        .all(|h| GENERIC_HEADS.contains(&h))
        || m.starts_with('以') && m.contains('为');
    let k = modifier.len().checked_sub(m.len())?;
    let n = m.chars().count();
    (generic
        && modifier.ends_with(m)
        && (2..=10).contains(&n)
        && !m.contains(|c: char| c.is_ascii_digit() || is_clause_break(c) || c == '的'))
    .then_some(k)
}

/// Counts of people (`人`, `人次`, `名`, with a magnitude) followed by taking part
/// (`1.2万人参加专题培训`): the subject is the taking part, to the end of the clause.
const PARTICIPATION: &[&str] = &[
    "参加", "参与", "参训", "参学", "参考", "出席", "观看", "旁听",
];

/// The phrase after a count of people that says what they took part in, if any.
fn participation<'a>(s: &'a str, end: usize, unit: &str) -> Option<&'a str> {
    let after = &s[end..];
    // Cheap tests first: every participation word starts with 参, 出, 观 or 旁.
    if !after.starts_with(['参', '出', '观', '旁'])
        || !matches!(split_magnitude(unit).1, "人" | "人次" | "名")
    {
        return None;
    }
    starts_with_any(after, PARTICIPATION)?;
    let stop = after
        .char_indices()
        .take(16)
        .find(|&(_, c)| is_clause_break(c) || c.is_ascii_digit())
        .map_or_else(
            || after.char_indices().nth(16).map_or(after.len(), |(k, _)| k),
            |(k, _)| k,
        );
    let phrase = &after[..stop];
    (phrase.chars().count() >= 4).then_some(phrase)
}

/// The noun phrase right after a figure's unit (`64项申报材料` → `申报材料`, `51个村(居)` →
/// `村(居)`, `1名长期缠访闹访的重点信访人员` → `重点信访人员`): up to a verb, a particle, a
/// clause break or the next number. Empty when the phrase runs into the next figure
/// (`社会视频300路停车场数据30个`: `停车场数据` is the next figure's) or starts with a verb.
pub(super) fn right_phrase<'a>(s: &'a str, end: usize, unit: &str) -> (&'a str, bool) {
    let after = &s[end..];
    if verb_at(after).is_some() {
        return ("", false);
    }
    let mut r = noun_run(after);
    // `2件作为被申请人的行政复议案件`: a short qualifier without a verb before 的.
    if r == 0 {
        let clause = after
            .char_indices()
            .take(12)
            .find(|&(_, c)| is_clause_break(c) || c == '的' || c.is_ascii_digit());
        if let Some((k, '的')) = clause {
            let q = &after[..k];
            let verb = q
                .char_indices()
                .any(|(j, _)| subject_verb_at(&q[j..]).is_some());
            if q.starts_with("作为") && !verb {
                r = k;
            }
        }
    }
    // `57名党政机关和国有企事业单位主要负责人`, `6000余名政府领导干部和工作人员`: nouns
    // coordinated with 和 or 及 are one phrase (not `3个乡镇和5个部门`, `及时`).
    if r > 0 {
        if let Some(rest) = after[r..]
            .strip_prefix('和')
            .or_else(|| after[r..].strip_prefix('及'))
        {
            let k = noun_run(rest);
            if k >= 2 * 3 && !starts_figure(rest, k) {
                r += '和'.len_utf8() + k;
            }
        }
    }
    // `X的Y`: the noun after 的 (`1名长期缠访闹访的重点信访人员`, `34条切实可行的工作措施`), but
    // a place or body before 的 is what is counted (`10个街乡的分管负责人`).
    let _ = unit;
    let owner = AGENT_SET.suffix_of(&after[..r]).is_some();
    if let Some(rest) = after[r..].strip_prefix('的').filter(|_| !owner) {
        let k = noun_run(rest);
        if k >= 2 * 3 && !starts_figure(rest, k) {
            return (&rest[..k], false);
        }
    }
    // `6次部党组会暨12次…`: a conjunction before the next figure ends the phrase.
    let run = &after[..r];
    if starts_figure(after, r) {
        if let Some(c) = run
            .chars()
            .next_back()
            .filter(|c| matches!(c, '暨' | '和' | '及' | '与'))
        {
            let run = &run[..run.len() - c.len_utf8()];
            return (run, run.is_empty());
        }
    }
    (run, starts_figure(after, r))
}

/// The verb of `lex::words::SUBJECT_VERBS` at the start of `s`, unless a noun follows that makes it
/// part of a compound (`调解室`, `清理工作`).
pub(super) fn verb_at(s: &str) -> Option<&'static str> {
    subject_verb_at(s).filter(|v| NOUN_SET.prefix_of(&s[v.len()..]).is_none())
}

/// Clause breaks other than the quotes themselves.
pub(super) fn is_clause_break_not_quote(c: char) -> bool {
    is_clause_break(c) && !matches!(c, '“' | '”')
}

/// True when a figure (a number that is not a year: `2017年`) starts at byte `r` of `s`.
pub(super) fn starts_figure(s: &str, r: usize) -> bool {
    let b = &s.as_bytes()[r..];
    let year =
        b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && s[r + 4..].starts_with('年');
    b.first().is_some_and(u8::is_ascii_digit) && !year
}

/// Length of the noun run at the start of `after`: ideographs up to a verb or particle of
/// [`RIGHT_STOP`], a clause break or a number, with a short parenthetical inside (`村(居)`).
pub(super) fn noun_run(after: &str) -> usize {
    let mut r = 0;
    let mut k = 0;
    while k < after.len() {
        let Some(c) = after[k..].chars().next() else {
            break;
        };
        // A quoted name inside the noun: `“一件事一次办”服务`, `政务服务“容缺受理”事项`,
        // `“全国百强县(市)”`.
        if c == '“' && r == k {
            match after[k..].find('”').filter(|&q| q <= 12 * 3) {
                Some(q)
                    if !after[k..k + q]
                        .contains(|c| is_clause_break_not_quote(c) && !matches!(c, '(' | ')')) =>
                {
                    k += q + '”'.len_utf8();
                    r = k;
                    continue;
                }
                _ => break,
            }
        }
        if c == '(' {
            match after[k..].find(')').filter(|&q| q <= 4 * 3) {
                Some(q) if r == k && r > 0 => {
                    k += q + 1;
                    r = k;
                    continue;
                }
                _ => break,
            }
        }
        if !is_cjk(c) || k / 3 >= 12 || STOP_SET.prefix_of(&after[k..]).is_some() {
            break;
        }
        let verb = verb_at(&after[k..]).is_some() && !after[..k].ends_with(['政', '性']);
        if k > 0 && (is_cn_numeral(c) || verb) {
            break;
        }
        k += c.len_utf8();
        r = k;
    }
    r
}

/// The last verb runs of a clause, without allocating.
#[derive(Default)]
pub(super) struct VerbRuns {
    pub(super) runs: [(usize, usize); 4],
    pub(super) len: usize,
}

impl VerbRuns {
    /// Adds the verb at `start..end`, joining it to a run that ends at `start`.
    pub(super) fn add(&mut self, start: usize, end: usize) {
        if self.len > 0 && self.runs[self.len - 1].1 == start {
            self.runs[self.len - 1].1 = end;
        } else {
            if self.len == self.runs.len() {
                self.runs.copy_within(1.., 0);
                self.len -= 1;
            }
            self.runs[self.len] = (start, end);
            self.len += 1;
        }
    }

    pub(super) fn as_slice(&self) -> &[(usize, usize)] {
        &self.runs[..self.len]
    }
}

/// The object of the last verb in `left` (`主动公开政府信息` → `政府信息`, `帮助企业解决困难` →
/// `困难`), or `left` when no verb is followed by a noun. `Err(before)` when the clause ends
/// with a verb (`各部门公开`, `办结`): the counted thing is not in it; `before` is what stands
/// before the verb (`区政府信息` in `区政府信息公开`), empty when that is a doer or nothing.
pub(super) fn object_of(left: &str) -> Result<&str, &str> {
    // A rate's name is one compound: `调解成功率`, `一次性办结率`.
    if left.ends_with('率') {
        return Ok(left);
    }
    // Verb runs (start, end), the last few: a clause has one to three.
    let mut runs = VerbRuns::default();
    let mut k = 0;
    while k < left.len() {
        // A quoted name is one noun: `归集“双公示”数据`.
        if left[k..].starts_with('“') {
            if let Some(q) = left[k..].find('”') {
                k += q + '”'.len_utf8();
                continue;
            }
        }
        match verb_at(&left[k..]).filter(|_| !left[..k].ends_with(['政', '性'])) {
            Some(v) => {
                runs.add(k, k + v.len());
                k += v.len();
            }
            _ => k += left[k..].chars().next().map_or(1, char::len_utf8),
        }
    }
    let runs = runs.as_slice();
    let Some(&(last_start, last_end)) = runs.last() else {
        return Ok(left);
    };
    if last_end == left.len() {
        // The clause ends with a verb: an earlier verb's object, else what stands before.
        if let Some(&(_, e)) = runs.iter().rev().nth(1) {
            let obj = strip_subject(&left[e..last_start]);
            if obj.chars().count() >= 2 {
                return Ok(obj);
            }
        }
        let before = strip_subject(&left[..last_start]);
        let doer = before.trim_end_matches([')', '(', '居', '街', '道']);
        if AGENT_SET.suffix_of(doer).is_some() || before.chars().count() < 2 {
            return Err("");
        }
        // `法律查询`, `现场调解`: a two-character noun and the verb after it are one compound
        // (an adverb is no noun: `积极推进`).
        if before.chars().count() == 2 && !MANNER_ADVERBS.contains(&before) {
            let k = before.as_ptr() as usize - left.as_ptr() as usize;
            return Err(&left[k..]);
        }
        return Err(before);
    }
    // The last verb followed by at least two characters of object.
    for &(_, e) in runs.iter().rev() {
        let obj = strip_subject(&left[e..]);
        if obj.chars().count() >= 2 {
            return Ok(obj);
        }
    }
    Ok(left)
}

/// What an indicator measures: the noun phrase after its unit when there is one
/// (`64项申报材料` → `申报材料`), else the object in the clause before it (`主动公开政府信息
/// 559条` → `政府信息`, `办复率100%` → `办复率`). Empty when the clause names no thing
/// (`办结67件`, `各部门公开388条`): the caller takes the sentence's.
pub(super) fn subject(
    s: &str,
    start: usize,
    end: usize,
    prev_end: usize,
    unit: &str,
    change: bool,
) -> (String, [Span; 2], Named) {
    // Parts are slices of `s` (or empty): their offsets locate them in the line.
    let at = |part: &str| {
        let k = (part.as_ptr() as usize).wrapping_sub(s.as_ptr() as usize);
        if part.is_empty() || k > s.len() {
            Span::new(start, start)
        } else {
            Span::new(k, k + part.len())
        }
    };
    // `组织全区1.2万人参加专题培训`: the people counted are those who take part.
    if let Some(part) = participation(s, end, unit) {
        return (
            part.to_string(),
            [Span::new(start, start), at(part)],
            Named::Own,
        );
    }
    let (right, mut into_next) = right_phrase(s, end, unit);
    let mut right = strip_subject(right);
    // `涉及31个部门行政职权事项3437项`: a generic head right after the unit is what is
    // counted; the words after it name the next figure's thing.
    if into_next {
        if let Some(h) = GENERIC_HEADS
            .iter()
            .find(|h| right.len() > h.len() && right.starts_with(**h))
        {
            right = &right[..h.len()];
            into_next = false;
        }
    }
    let right = ["各类", "各项", "各种"]
        .iter()
        .find_map(|l| right.strip_prefix(l))
        .unwrap_or(right);
    // Events (`全年2次专门听取`) name what happened before the number; a change names the
    // metric before it (`地区生产总值年均增长9.3%`).
    let event = matches!(unit, "次" | "场" | "轮" | "期");
    if !(right.is_empty() || into_next || change || event && names_event(s, start, prev_end)) {
        return (
            right.to_string(),
            [Span::new(start, start), at(right)],
            Named::Own,
        );
    }
    let lo = prev_end
        .min(start)
        .max(window_start(&s[..start], BACK_WINDOW));
    let before = &s[lo..start];
    let from = clause_start(before);
    let clause = strip_subject(&before[from..]);
    let (mut left, mut named) = match object_of(clause) {
        // `驳回申请136件`: a review decision named by its outcome keeps the outcome.
        Ok(o)
            if REVIEW_OUTCOMES
                .iter()
                .any(|v| clause.strip_prefix(v) == Some(o)) =>
        {
            (clause, Named::Own)
        }
        Ok(o) => (o, Named::Own),
        // `办结67件`: the verb stands until the sentence gives the thing.
        // `开展习近平法治思想专题集中学习,全年累计开展20余次`: a verb repeated alone, with
        // no noun after the unit, counts the object it took earlier in the sentence.
        Err("") => match repeated_object(&before[..from], clause).filter(|_| right.is_empty()) {
            Some(o) => (o, Named::Own),
            None => (clause, Named::Verb),
        },
        // `决定维持435件`: a decision named by its outcome.
        Err(b) if b.ends_with("决定") => {
            let k = b.as_ptr() as usize - clause.as_ptr() as usize + b.len() - "决定".len();
            (&clause[k..], Named::Own)
        }
        Err(b) => (b, Named::Before),
    };
    // `出庭应诉率全市最高,达100%`: with nothing before it, the rate named in the clause before
    // it in the same sentence.
    if clause.is_empty() && from > 0 {
        let brk = before[..from].chars().next_back().unwrap_or('。');
        let prev = &before[..from - brk.len_utf8()];
        let prev = strip_subject(&prev[clause_start(prev)..]);
        if brk == ',' && prev.contains('率') && !prev.contains(|c: char| c.is_ascii_digit()) {
            left = prev;
            named = Named::Own;
        } else if brk == ',' && !prev.contains(|c: char| c.is_ascii_digit()) {
            // `行政处罚类数量最多,共349件`: the thing the clause before ranks.
            if let Some(w) = ends_with_any(prev, RANKINGS) {
                let thing = strip_subject(&prev[..prev.len() - w.len()]);
                if (2..=12).contains(&thing.chars().count()) {
                    left = thing;
                    named = Named::Own;
                }
            }
        }
    }
    // `以调解、和解等方式结案170件`: a manner frame names the events counted.
    if let Some(m) = manner_frame(before) {
        left = m;
        named = Named::Own;
    }
    // `个体工商户“两证整合”`: a trailing quoted name qualifies the noun before it; after a
    // verb it is the thing (`组织“千名领导干部观百庭”`).
    if left.ends_with('”') {
        if let Some(q) = left.rfind('“').filter(|&q| q > 0) {
            let noun = strip_subject(&left[..q]);
            left = if noun.chars().count() > 2 {
                noun
            } else {
                &left[q..]
            };
        }
    }
    for lead in ["各类", "各项", "各种"] {
        left = left.strip_prefix(lead).unwrap_or(left);
    }
    // `败诉率由上年的12.5%`: the baseline of a change is no part of the thing.
    left = strip_baseline(left);
    // The head noun phrase: `全年共受理的行政复议案件` → `行政复议案件`; a generic head of
    // two characters keeps the modifier that says which are counted: `考核优秀的单位`,
    // `获评市级文明村的社区` (a reader counts those, not all 单位).
    if let Some(p) = left.rfind('的') {
        let head = &left[p + '的'.len_utf8()..];
        match defining_modifier(&left[..p], head) {
            Some(k) => left = &left[k..],
            None if head.chars().count() >= 2 => left = head,
            None => {}
        }
    }
    // `将可并联办理的22个行政许可事项`: a modifier is no thing.
    if left.ends_with('的') {
        left = "";
    }
    // A short left word (`公布市级51家单位权力清单`: `市级`) yields to the noun after the unit.
    let weak_left =
        left.is_empty() || named == Named::Verb || into_next && left.chars().count() <= 2;
    if weak_left && !right.is_empty() && !change {
        return (
            right.to_string(),
            [Span::new(start, start), at(right)],
            Named::Own,
        );
    }
    // `参考率、优秀率均为100%`: rates listed before one value are all its subject.
    if unit == "%" && left.ends_with('率') {
        let mut k = at(left).start;
        while let Some(head) = s[..k].strip_suffix('、') {
            let from = after_last(head, &['、', ',', '。', ';', ':']);
            let mut rate = strip_subject(&head[from..]);
            let n = rate.chars().count();
            // `学法考试参考率、优秀率`: a long first item names the list's scope too; the
            // rate is as long as the item after it.
            let long = n > 8;
            if long {
                let keep = left.chars().count();
                rate = &rate[rate
                    .char_indices()
                    .nth(n.saturating_sub(keep))
                    .map_or(0, |(p, _)| p)..];
            }
            if !rate.ends_with('率') || n < 2 || at(rate).start < lo {
                break;
            }
            k = at(rate).start;
            if long {
                break;
            }
        }
        let end = at(left).end;
        if k < at(left).start {
            left = &s[k..end];
        }
    }
    // `行政复议意见书、建议书3800余份`, `法治专题学习培训、宣传宣讲、政治轮训100余场次`: things
    // listed before one count are all its subject (each item a short noun phrase without a
    // number, after the clause's verb).
    // `研究解决红色法治阵地建设、执法规范化等重点问题6项`: a category after the listed
    // examples' `等` is what is counted.
    let mut category = false;
    if let Some(p) = left.rfind('等') {
        let cat = &left[p + '等'.len_utf8()..];
        let listed = left[..p].contains('、') || s[..at(left).start].ends_with('、');
        if listed && cat.chars().count() >= 2 && !cat.contains('、') && object_of(cat) == Ok(cat) {
            left = cat;
            category = true;
        }
    }
    if unit != "%" && named != Named::Verb && !left.is_empty() && !category {
        let mut k = at(left).start;
        for _ in 0..4 {
            let Some(head) = s[..k].strip_suffix('、') else {
                break;
            };
            let from = after_last(head, &['、', ',', '。', ';', ':']);
            let clause = strip_subject(&head[from..]);
            // `處理占道經營、…`, `组织召开座谈会、…`: the first item without the clause's
            // leading verbs.
            let mut item = clause;
            while let Some(v) = verb_at(item) {
                item = &item[v.len()..];
            }
            // `营商环境建设的规章、…`: the item's head; `各类咨询、…`: without the lead.
            if let Some(p) = item.rfind('的') {
                item = &item[p + '的'.len_utf8()..];
            }
            for lead in ["各类", "各项", "各种"] {
                item = item.strip_prefix(lead).unwrap_or(item);
            }
            let n = item.chars().count();
            let (from, to) = (at(item).start, at(left).end);
            if !(2..=12).contains(&n)
                || from < lo
                || from >= to
                || s[from..to].chars().count() > 24
                || item.contains(|c: char| c.is_ascii_digit())
            {
                break;
            }
            k = at(item).start;
        }
        if k < at(left).start {
            left = &s[k..at(left).end];
        }
    }
    // Keep at most the last 24 characters of a long clause.
    let n = left.chars().count();
    if n > 24 {
        let cut = left.char_indices().nth(n - 24).map_or(0, |(k, _)| k);
        left = &left[cut..];
    }
    if left.is_empty() {
        named = Named::Verb;
    }
    (left.to_string(), [at(left), Span::new(end, end)], named)
}

/// The object the verb `verb` (the whole of a figure's clause) took earlier in its sentence
/// (`head`, the text before the clause): the words after its last use up to a clause break,
/// three to 24 characters without a digit. None when `verb` is not one verb or the sentence
/// has not used it.
fn repeated_object<'a>(head: &'a str, verb: &str) -> Option<&'a str> {
    if subject_verb_at(verb).map(str::len) != Some(verb.len()) {
        return None;
    }
    let k = head.rfind(verb)?;
    let rest = &head[k + verb.len()..];
    if rest.contains(['。', ';', '!', '?']) {
        return None;
    }
    let end = rest.find(is_clause_break).unwrap_or(rest.len());
    let obj = strip_subject(&rest[..end]);
    let n = obj.chars().count();
    // A phrase of three or more characters: a short one is more often the rest of a noun
    // (`前置审查条件`) than an object.
    (verb_at(&head[k..]).is_some()
        && (3..=24).contains(&n)
        && !obj.contains(|c: char| c.is_ascii_digit()))
    .then_some(obj)
}

/// Two-character adverbs of manner that stand before a verb (`积极推进`, `依法办理`).
const MANNER_ADVERBS: &[&str] = &[
    "积极", "全面", "深入", "依法", "及时", "有效", "大力", "加快", "持续", "不断", "共同", "主动",
    "集中", "分别", "先后", "累计", "妥善", "严格", "规范", "切实", "扎实", "认真", "直接", "成功",
];

/// Outcomes of an administrative review that name a decision with their object
/// (`驳回申请`, `撤销行政行为`).
const REVIEW_OUTCOMES: &[&str] = &["驳回", "撤销", "维持", "变更", "终止"];

/// Predicates that rank the thing before them (`行政处罚类数量最多,共349件`).
const RANKINGS: &[&str] = &["数量最多", "数量最少", "最多", "最少", "居首", "居多"];

/// The manner frame that ends `before` (the text up to a figure): `以调解、和解等方式结案`,
/// `通过调解方式结案` → from after `以`/`通过` to the end, when a verb of
/// `lex::words::SUBJECT_VERBS` closes it right after `方式` or `形式`. Not `以案释法`.
fn manner_frame(before: &str) -> Option<&str> {
    // Cheap tests first (a byte search for 式, then the verb after it): most clauses fail.
    let s = before.rfind('式')?;
    let p = s.checked_sub("方".len())?;
    let verb = &before[s + "式".len()..];
    if !matches!(before.get(p..s), Some("方" | "形"))
        || verb.is_empty()
        || subject_verb_at(verb).map(str::len) != Some(verb.len())
    {
        return None;
    }
    let c = &before[after_last(&before[..p], &[',', '。', ';', ':', '\n'])..];
    let p = p - (before.len() - c.len());
    let open = match c[..p].rfind("通过") {
        Some(k) => k + "通过".len(),
        None => c[..p].rfind('以')? + '以'.len_utf8(),
    };
    let frame = &c[open..];
    (frame.len() > verb.len() + "方式".len()).then_some(frame)
}

/// Baselines a change starts from, after `由`/`从`: `上年`, `去年`, `原来`, `年初`.
pub(super) const BASELINES: &[&str] = &[
    "上一年度",
    "上一年",
    "上年度",
    "上年",
    "去年",
    "前一年",
    "原来",
    "过去",
    "以前",
    "之前",
    "年初",
    "改革前",
    "原",
    "",
];

/// `行政诉讼案件败诉率由上年的` → `行政诉讼案件败诉率`: a subject that ends with where a change
/// starts from (`由`/`从`, a baseline or a year, an optional `的`) loses that ending.
pub(super) fn strip_baseline(left: &str) -> &str {
    let Some(k) = left.rfind(&['由', '从'][..]) else {
        return left;
    };
    let rest = &left[k + '由'.len_utf8()..];
    let rest = rest.strip_suffix('的').unwrap_or(rest);
    let year = year_at(rest, 0).is_some_and(|y| y.end == rest.len() && y.marked);
    if k > 0 && (year || BASELINES.contains(&rest)) {
        left[..k].trim_end()
    } else {
        left
    }
}

/// True when the clause before an event count names a thing of its own (`区政府常务会议全年2次`),
/// not only a verb (`组织召开4次全面依法治市委员会会议`, `部党组先后召开6次部党组会`: the
/// meeting follows), a word of two characters (`组织4次…会前学法`) or a conjunction (`暨12次`).
pub(super) fn names_event(s: &str, start: usize, prev_end: usize) -> bool {
    let lo = prev_end
        .min(start)
        .max(window_start(&s[..start], BACK_WINDOW));
    let before = &s[lo..start];
    let clause = strip_subject(&before[clause_start(before)..]);
    // `召开6次部党组会暨12次…学习会`: an event coordinated with the one before it.
    if clause.ends_with(['暨', '和', '及', '与']) {
        return false;
    }
    match object_of(clause) {
        // `組織4次市政府常務會會前學法`: a verb-like word of two characters is no thing.
        Ok(o) => o.chars().count() > 2,
        // `先后召开6次部党组会`: the clause ends with its verb, whose object follows.
        Err(_) => false,
    }
}

/// Where a subject comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Named {
    /// The figure's own clause names the thing (`主动公开政府信息559条`).
    Own,
    /// What stands before a clause-final verb (`区政府信息公开94条`).
    Before,
    /// Only a verb or nothing (`办结67件`): the sentence's thing replaces it.
    Verb,
}
