//! Comparing two reports (与上年对比): indicators matched by subject and unit, and outlines
//! matched by section title.
//!
//! [`compare`] takes two [`Analysis`] values (say the 2022 and 2023 reports of a district, `a`
//! and `b`) and returns a [`Comparison`]: the matched indicator pairs with the change from `a`
//! to `b`, the indicators found only in `b` ([`Comparison::new`]) or only in `a`
//! ([`Comparison::gone`]), those left unpaired for a stated reason
//! ([`Comparison::unpaired`]), and the two outlines side by side ([`Comparison::outline`]).
//!
//! ## Matching indicators
//! Matching is conservative and every decision carries its reason:
//! 1. Each indicator's subject is **normalised** ([`normalize_subject`]): punctuation, years
//!    (`2021年`, `二〇二一年度`) and scope words at the edges of a phrase (`全区`, `全年`, `共`,
//!    `累计`, `已`, …) are removed. `全区共受理行政复议申请` and `受理行政复议申请` share the
//!    key `受理行政复议申请`.
//! 2. Units must be **compatible** ([`unit_factor`]): the same unit, or the same measure word
//!    with a magnitude prefix (`元`/`万元`/`亿元`, `人次`/`万人次`), in which case both values
//!    are given in the smaller unit. `件` and `件次` are different units. The kind must agree too
//!    (a rate `%` never pairs with a change `同比下降14.7%`).
//! 3. A group is (key, unit, kind). A key present in both reports but **more than once** in
//!    either with that unit and kind is ambiguous (`办复率 100%` for 建议 and again for 提案):
//!    none of its indicators is paired, each is listed with [`Reason::Ambiguous`]. (Repeated
//!    in one report and absent from the other, it is simply new or gone.)
//! 4. Exact key equality pairs first. Among what is left, a **fuzzy** pair needs one key to
//!    contain the other with both at least 4 characters, or a character-bigram Dice
//!    coefficient of at least 0.8; each side must be the other's unique best candidate. Fuzzy
//!    pairs are flagged with their score.
//!
//! Nothing is forced: an indicator without a partner is listed with why ([`Reason`]).
//!
//! ## Matching sections
//! Titles are normalised the same way (years and punctuation dropped). Equal titles are
//! `same` (a title repeated in a report pairs by order of occurrence only when both reports
//! repeat it equally often); then, among the rest, sections of the same level whose titles
//! have a bigram Dice of at least 0.5 and are each other's unique best are `renamed`. The
//! others are `new` or `gone`.
//!
//! ```
//! use report_lens::{analyze, output::compare};
//! let a = analyze("一、化解矛盾纠纷\n全区共受理行政复议申请40件，办结率95%。");
//! let b = analyze("一、化解矛盾纠纷\n2023年受理行政复议申请50件，办结率98%，新设调解室3个。");
//! let c = compare::compare(&a, &b);
//! let p = &c.pairs[0];
//! assert_eq!((p.key.as_str(), p.a_value, p.b_value, p.change), ("行政复议申请", 40.0, 50.0, 10.0));
//! assert_eq!(p.relative, Some(0.25));
//! assert_eq!(c.pairs[1].change_unit, "个百分点");
//! assert_eq!(c.new[0].side.subject, "新设调解室");
//! assert_eq!(c.outline[0].status, compare::SectionStatus::Same);
//! ```

use crate::lex::date::strip_years;
use crate::lex::words::{KEEP_AFTER_PREFIX, SCOPE_PREFIXES, SCOPE_SUFFIXES};
use crate::model::{Analysis, Direction, Kind};
use crate::output::present::{self, format_value};
use crate::text::fold_char;
use serde::Serialize;
use std::collections::HashMap;

// ---- patterns -------------------------------------------------------------------------

/// Magnitude prefixes of a unit: `万元` = 10⁴ `元`. `百分点` is not `百` × `分点`.
const MAGNITUDES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("千万", 1e7),
    ("百万", 1e6),
    ("亿", 1e8),
    ("万", 1e4),
    ("千", 1e3),
];

/// Minimum length (characters) of a key that may pair at all.
const MIN_KEY_CHARS: usize = 2;
/// Minimum length of both keys for a containment match.
const MIN_CONTAIN_CHARS: usize = 4;
/// Minimum bigram Dice for a similarity match of subjects.
pub const SUBJECT_DICE: f32 = 0.8;
/// Minimum bigram Dice for a renamed section.
pub const TITLE_DICE: f32 = 0.5;

// ---- result ---------------------------------------------------------------------------

/// Two reports compared: `a` is the earlier (上年), `b` the later (本年).
#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    /// The earlier report.
    pub a: ReportSummary,
    /// The later report.
    pub b: ReportSummary,
    /// Matched indicators, in `a`'s document order.
    pub pairs: Vec<Pair>,
    /// Indicators of `b` whose subject `a` lacks or has only in other units (新增), in
    /// document order, each with why ([`Reason::Absent`], [`Reason::UnitDiffers`]).
    pub new: Vec<Unmatched>,
    /// Indicators of `a` whose subject `b` lacks or has only in other units (消失).
    pub gone: Vec<Unmatched>,
    /// Indicators left unpaired although they may have a counterpart: the subject repeats
    /// ([`Reason::Ambiguous`]), a fuzzy candidate tied ([`Reason::Tie`]) or the subject is
    /// missing ([`Reason::NoSubject`]). `a`'s first, then `b`'s, each in document order.
    pub unpaired: Vec<Unmatched>,
    /// Both outlines merged: `b`'s order, with `a`'s gone sections where they stood.
    pub outline: Vec<SectionChange>,
    /// Counts for a headline.
    pub counts: Counts,
}

/// Who wrote a report and when, to label the two sides.
#[derive(Clone, Debug, Serialize)]
pub struct ReportSummary {
    /// Title line.
    pub title: Option<String>,
    /// Issuing body.
    pub issuer: Option<String>,
    /// Year covered.
    pub year: Option<u16>,
    /// Number of indicators.
    pub indicators: usize,
    /// Number of sections.
    pub sections: usize,
}

/// Headline counts of a [`Comparison`].
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Counts {
    /// Pairs (exact and fuzzy).
    pub pairs: usize,
    /// Of which fuzzy.
    pub fuzzy: usize,
    /// Indicators only in `b` ([`Comparison::new`]).
    pub new: usize,
    /// Indicators only in `a` ([`Comparison::gone`]).
    pub gone: usize,
    /// Indicators left unpaired ([`Comparison::unpaired`]).
    pub unpaired: usize,
    /// Sections same / renamed / new / gone.
    pub sections_same: usize,
    /// Renamed sections.
    pub sections_renamed: usize,
    /// Sections only in `b`.
    pub sections_new: usize,
    /// Sections only in `a`.
    pub sections_gone: usize,
}

/// One indicator as seen by the comparison.
#[derive(Clone, Debug, Serialize)]
pub struct Side {
    /// Index into its analysis' `indicators`.
    pub index: usize,
    /// The subject as found.
    pub subject: String,
    /// The normalised subject.
    pub key: String,
    /// Value in the stated unit (unsigned for changes; see `direction`).
    pub value: f64,
    /// Unit as found.
    pub unit: String,
    /// Kind.
    pub kind: Kind,
    /// Approximation qualifier (`余`, `近`, …).
    pub approx: Option<&'static str>,
    /// For changes: up or down.
    pub direction: Option<Direction>,
    /// Innermost section.
    pub section: Option<usize>,
}

impl Side {
    /// The value as written, compactly: `20余人次`, `超过130件`, `减14.7%`.
    pub fn display(&self) -> String {
        let v = format_value(self.value);
        let dir = self.direction.map_or("", present::direction_short);
        match self.approx {
            Some(q @ ("余" | "多")) => format!("{dir}{v}{q}{}", self.unit),
            Some(q @ ("以上" | "左右" | "以下" | "以内")) => {
                format!("{dir}{v}{}{q}", self.unit)
            }
            Some(q) => format!("{dir}{q}{v}{}", self.unit),
            None => format!("{dir}{v}{}", self.unit),
        }
    }
}

/// How a pair was matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum How {
    /// Equal normalised subjects.
    Exact,
    /// One normalised subject contains the other (fuzzy).
    Contains,
    /// Bigram Dice of the normalised subjects ≥ [`SUBJECT_DICE`] (fuzzy).
    Similar,
}

impl How {
    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            How::Exact => "主题相同",
            How::Contains => "主题包含",
            How::Similar => "主题相近",
        }
    }
}

/// Two indicators taken to measure the same thing.
#[derive(Clone, Debug, Serialize)]
pub struct Pair {
    /// The indicator in `a`.
    pub a: Side,
    /// The indicator in `b`.
    pub b: Side,
    /// The normalised subject that matched (`a`'s key; `b.key` for fuzzy pairs).
    pub key: String,
    /// Exact, contains or similar.
    pub how: How,
    /// True for contains and similar.
    pub fuzzy: bool,
    /// 1 for exact; the bigram Dice of the keys otherwise.
    pub score: f32,
    /// The unit of both values: the common unit, or the smaller of two magnitudes
    /// (`9.747万元` and `0.12亿元` compare in `万元`).
    pub unit: String,
    /// `a`'s value in `unit`; negative for a downward change.
    pub a_value: f64,
    /// `b`'s value in `unit`; negative for a downward change.
    pub b_value: f64,
    /// `b_value - a_value`.
    pub change: f64,
    /// Unit of `change`: `个百分点` for `%`, else `unit`.
    pub change_unit: String,
    /// `change / |a_value|`; `None` when `a_value` is 0, for `%` and for changes (their
    /// difference in 个百分点 is the figure to read).
    pub relative: Option<f64>,
    /// Why they were paired, in Chinese.
    pub why: String,
}

/// An indicator without a partner.
#[derive(Clone, Debug, Serialize)]
pub struct Unmatched {
    /// Which report it is in.
    pub report: Which,
    /// The indicator.
    pub side: Side,
    /// Why it has no partner.
    pub reason: Reason,
}

/// One of the two reports compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Which {
    /// The earlier report (上年).
    A,
    /// The later report (本年).
    B,
}

impl Which {
    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Which::A => "上年",
            Which::B => "本年",
        }
    }
}

/// Why an indicator has no partner.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason {
    /// No indicator of the other report has this normalised subject (truly new or gone).
    Absent,
    /// The other report has the subject only with other units or kinds.
    UnitDiffers {
        /// The other report's units for this subject.
        other_units: Vec<String>,
    },
    /// The subject occurs with this unit more than once in a report: not paired.
    Ambiguous {
        /// Occurrences in `a`.
        in_a: usize,
        /// Occurrences in `b`.
        in_b: usize,
    },
    /// A fuzzy candidate had a rival of equal score: not paired.
    Tie,
    /// The normalised subject is empty or one character.
    NoSubject,
}

impl Reason {
    /// The reason in Chinese.
    pub fn label(&self) -> String {
        match self {
            Reason::Absent => "另一报告无此主题".to_string(),
            Reason::UnitDiffers { other_units } => {
                format!("另一报告此主题单位不同（{}）", other_units.join("、"))
            }
            Reason::Ambiguous { in_a, in_b } => {
                format!("主题重复，无法一一对应（上年{in_a}处，本年{in_b}处）")
            }
            Reason::Tie => "有多个同样相近的候选，未配对".to_string(),
            Reason::NoSubject => "主题缺失或过短".to_string(),
        }
    }
}

/// Status of a section in the outline comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionStatus {
    /// Same normalised title in both.
    Same,
    /// Similar title, same level.
    Renamed,
    /// Only in `b`.
    New,
    /// Only in `a`.
    Gone,
}

impl SectionStatus {
    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            SectionStatus::Same => "相同",
            SectionStatus::Renamed => "改名",
            SectionStatus::New => "新增",
            SectionStatus::Gone => "删去",
        }
    }
}

/// One row of the outline comparison.
#[derive(Clone, Debug, Serialize)]
pub struct SectionChange {
    /// Same, renamed, new or gone.
    pub status: SectionStatus,
    /// Index into `a.sections`.
    pub a: Option<usize>,
    /// Index into `b.sections`.
    pub b: Option<usize>,
    /// Level (of `b`'s section when present).
    pub level: u8,
    /// Marker and title in `a`.
    pub a_title: Option<String>,
    /// Marker and title in `b`.
    pub b_title: Option<String>,
    /// The normalised title (of `b` when present).
    pub key: String,
    /// Bigram Dice of the normalised titles (1 when same).
    pub score: Option<f32>,
}

// ---- normalisation --------------------------------------------------------------------

/// The comparison key of a subject: widths folded and Traditional → Simplified (as in the
/// analysis), punctuation and years removed, scope words stripped from the edges of each
/// phrase.
///
/// ```
/// use report_lens::output::compare::normalize_subject;
/// assert_eq!(normalize_subject("全区共受理行政复议申请"), "受理行政复议申请");
/// assert_eq!(normalize_subject("将可并联办理的行政许可事项共"), "将可并联办理的行政许可事项");
/// assert_eq!(normalize_subject("2021年度“双随机”抽查"), "双随机抽查");
/// assert_eq!(normalize_subject("共享平台接入"), "共享平台接入");
/// ```
pub fn normalize_subject(subject: &str) -> String {
    let folded: String = subject.chars().map(fold_char).collect();
    let mut out = String::new();
    for phrase in folded.split(|c: char| !c.is_alphanumeric()) {
        let phrase = strip_years(phrase);
        out.push_str(strip_scope(&phrase));
    }
    out
}

/// The comparison key of a section title: widths folded, Traditional → Simplified (titles
/// are kept as written), punctuation and years removed.
///
/// ```
/// use report_lens::output::compare::normalize_title;
/// assert_eq!(normalize_title("2023年度工作報告"), normalize_title("2024年工作报告"));
/// ```
pub fn normalize_title(title: &str) -> String {
    let folded: String = title.chars().map(fold_char).collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .map(strip_years)
        .collect()
}

fn strip_scope(mut s: &str) -> &str {
    loop {
        let before = s.len();
        for p in SCOPE_PREFIXES {
            if let Some(rest) = s.strip_prefix(p) {
                let keep = KEEP_AFTER_PREFIX
                    .iter()
                    .any(|(k, next)| k == p && rest.starts_with(*next));
                if !keep && !rest.is_empty() {
                    s = rest;
                    break;
                }
            }
        }
        for p in SCOPE_SUFFIXES {
            if let Some(rest) = s.strip_suffix(p) {
                if !rest.is_empty() {
                    s = rest;
                    break;
                }
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// Splits a unit into its magnitude and measure word: `万元` → (10⁴, `元`).
fn split_unit(unit: &str) -> (f64, &str) {
    if unit.starts_with("百分") {
        return (1.0, unit);
    }
    for (p, f) in MAGNITUDES {
        if let Some(rest) = unit.strip_prefix(p) {
            if !rest.is_empty() {
                return (*f, rest);
            }
        }
    }
    (1.0, unit)
}

/// The factor that converts a value in unit `from` into unit `to`, when they are compatible:
/// equal, or the same measure word with magnitude prefixes (`亿元` → `万元`: 10⁴).
///
/// ```
/// use report_lens::output::compare::unit_factor;
/// assert_eq!(unit_factor("亿元", "万元"), Some(10000.0));
/// assert_eq!(unit_factor("件", "件"), Some(1.0));
/// assert_eq!(unit_factor("件", "件次"), None);
/// assert_eq!(unit_factor("%", "个百分点"), None);
/// ```
pub fn unit_factor(from: &str, to: &str) -> Option<f64> {
    if from == to {
        return Some(1.0);
    }
    let (fa, ba) = split_unit(from);
    let (fb, bb) = split_unit(to);
    (ba == bb).then_some(fa / fb)
}

/// Character-bigram Dice coefficient (multiset), 0–1; strings shorter than two characters
/// score 1 when equal, else 0.
pub fn bigram_dice(a: &str, b: &str) -> f32 {
    let bigrams = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().collect();
        let mut v: Vec<(char, char)> = c.windows(2).map(|w| (w[0], w[1])).collect();
        crate::text::sort::sort(&mut v);
        v
    };
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() || y.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    // Multiset intersection of two sorted lists.
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    (2 * common) as f32 / (x.len() + y.len()) as f32
}

// ---- indicators -----------------------------------------------------------------------

fn side(a: &Analysis, index: usize) -> Side {
    let i = &a.indicators[index];
    Side {
        index,
        subject: i.subject.clone(),
        key: normalize_subject(&i.subject),
        value: i.value,
        unit: i.unit.clone(),
        kind: i.kind,
        approx: i.approx,
        direction: i.direction,
        section: i.section,
    }
}

/// Sign of a change: down is negative.
fn signed(s: &Side) -> f64 {
    match s.direction {
        Some(Direction::Down) => -s.value.abs(),
        _ => s.value,
    }
}

/// The group of an indicator: key, measure word without magnitude, kind.
fn group(s: &Side) -> (String, String, Kind) {
    (s.key.clone(), split_unit(&s.unit).1.to_string(), s.kind)
}

fn key_ok(s: &Side) -> bool {
    s.key.chars().count() >= MIN_KEY_CHARS
}

fn pair(a: Side, b: Side, how: How, score: f32) -> Pair {
    // Compare in the smaller unit so that no value loses digits.
    let to_b = unit_factor(&a.unit, &b.unit).unwrap_or(1.0);
    let (unit, fa, fb) = if to_b >= 1.0 {
        (b.unit.clone(), to_b, 1.0)
    } else {
        (a.unit.clone(), 1.0, 1.0 / to_b)
    };
    let a_value = round(signed(&a) * fa);
    let b_value = round(signed(&b) * fb);
    let change = round(b_value - a_value);
    // A relative change of a percentage or of a growth rate misleads: 个百分点 say it.
    let relative = (a_value != 0.0 && unit != "%" && a.kind != Kind::Change)
        .then(|| round(change / a_value.abs()));
    let change_unit = if unit == "%" {
        "个百分点".to_string()
    } else {
        unit.clone()
    };
    let mut why = match how {
        How::Exact => format!("规范化主题相同「{}」", a.key),
        How::Contains | How::Similar => format!(
            "{}「{}」~「{}」，相似度{:.2}",
            how.label(),
            a.key,
            b.key,
            score
        ),
    };
    if a.unit == b.unit {
        why.push_str(&format!("；单位相同（{unit}）"));
    } else {
        why.push_str(&format!("；单位换算 {}、{} → {unit}", a.unit, b.unit));
    }
    if a.kind == Kind::Change {
        why.push_str("；增减按方向计正负");
    }
    Pair {
        key: if how == How::Exact {
            a.key.clone()
        } else {
            b.key.clone()
        },
        fuzzy: how != How::Exact,
        unit,
        a,
        b,
        how,
        score,
        a_value,
        b_value,
        change,
        change_unit,
        relative,
        why,
    }
}

/// Rounds away floating-point noise (`0.30000000000000004`) to 10 significant decimals.
fn round(v: f64) -> f64 {
    (v * 1e10).round() / 1e10
}

/// Compares two analyses: `a` the earlier report, `b` the later. Pure and deterministic.
pub fn compare(a: &Analysis, b: &Analysis) -> Comparison {
    let sa: Vec<Side> = (0..a.indicators.len()).map(|i| side(a, i)).collect();
    let sb: Vec<Side> = (0..b.indicators.len()).map(|i| side(b, i)).collect();

    // Group multiplicities on each side.
    let mut count_a: HashMap<(String, String, Kind), Vec<usize>> = HashMap::new();
    let mut count_b: HashMap<(String, String, Kind), Vec<usize>> = HashMap::new();
    for (i, s) in sa.iter().enumerate().filter(|(_, s)| key_ok(s)) {
        count_a.entry(group(s)).or_default().push(i);
    }
    for (i, s) in sb.iter().enumerate().filter(|(_, s)| key_ok(s)) {
        count_b.entry(group(s)).or_default().push(i);
    }
    let mut partner_a: Vec<Option<(usize, How, f32)>> = vec![None; sa.len()];
    let mut partner_b: Vec<Option<usize>> = vec![None; sb.len()];
    let mut reason_a: Vec<Option<Reason>> = vec![None; sa.len()];
    let mut reason_b: Vec<Option<Reason>> = vec![None; sb.len()];

    // 1. Exact keys, multiplicity one on both sides; ambiguous groups are set aside. A key
    //    repeated in one report and absent from the other is simply new or gone, but takes
    //    no part in fuzzy matching (it could not pair one to one).
    let mut repeated_a = vec![false; sa.len()];
    let mut repeated_b = vec![false; sb.len()];
    for (g, ia) in &count_a {
        let ib = count_b.get(g).map_or(&[][..], Vec::as_slice);
        if ib.is_empty() {
            ia.iter().for_each(|&i| repeated_a[i] = ia.len() > 1);
        } else if ia.len() == 1 && ib.len() == 1 {
            partner_a[ia[0]] = Some((ib[0], How::Exact, 1.0));
            partner_b[ib[0]] = Some(ia[0]);
        } else {
            let r = Reason::Ambiguous {
                in_a: ia.len(),
                in_b: ib.len(),
            };
            ia.iter().for_each(|&i| reason_a[i] = Some(r.clone()));
            ib.iter().for_each(|&i| reason_b[i] = Some(r.clone()));
        }
    }
    for (g, ib) in &count_b {
        if !count_a.contains_key(g) {
            ib.iter().for_each(|&i| repeated_b[i] = ib.len() > 1);
        }
    }
    for (i, s) in sa.iter().enumerate() {
        if !key_ok(s) {
            reason_a[i] = Some(Reason::NoSubject);
        }
    }
    for (i, s) in sb.iter().enumerate() {
        if !key_ok(s) {
            reason_b[i] = Some(Reason::NoSubject);
        }
    }

    // 2. Fuzzy: free indicators whose key has no group on the other side.
    let free_a: Vec<usize> = (0..sa.len())
        .filter(|&i| partner_a[i].is_none() && reason_a[i].is_none() && !repeated_a[i])
        .collect();
    let free_b: Vec<usize> = (0..sb.len())
        .filter(|&i| partner_b[i].is_none() && reason_b[i].is_none() && !repeated_b[i])
        .collect();
    let mut candidates: Vec<(usize, usize, How, f32)> = Vec::new();
    for &i in &free_a {
        for &j in &free_b {
            let (x, y) = (&sa[i], &sb[j]);
            if x.kind != y.kind || unit_factor(&x.unit, &y.unit).is_none() {
                continue;
            }
            if let Some((how, score)) = fuzzy(&x.key, &y.key) {
                candidates.push((i, j, how, score));
            }
        }
    }
    let mut tie_a = vec![false; sa.len()];
    let mut tie_b = vec![false; sb.len()];
    loop {
        // Best score per free indicator, and whether it is unique.
        let mut best_a: HashMap<usize, (f32, usize, usize)> = HashMap::new(); // score, j, count
        let mut best_b: HashMap<usize, (f32, usize, usize)> = HashMap::new();
        for &(i, j, _, s) in &candidates {
            if partner_a[i].is_some() || partner_b[j].is_some() {
                continue;
            }
            update_best(&mut best_a, i, j, s);
            update_best(&mut best_b, j, i, s);
        }
        let mut progress = false;
        for &(i, j, how, s) in &candidates {
            if partner_a[i].is_some() || partner_b[j].is_some() {
                continue;
            }
            let (ba, bb) = (best_a[&i], best_b[&j]);
            if ba.0 == s && bb.0 == s {
                if ba.2 == 1 && bb.2 == 1 {
                    partner_a[i] = Some((j, how, s));
                    partner_b[j] = Some(i);
                    progress = true;
                } else {
                    tie_a[i] |= ba.2 > 1;
                    tie_b[j] |= bb.2 > 1;
                }
            }
        }
        if !progress {
            break;
        }
    }

    // 3. Reasons for the rest.
    let units_of = |sides: &[Side], key: &str| -> Vec<String> {
        let mut u: Vec<String> = sides
            .iter()
            .filter(|s| s.key == key)
            .map(|s| s.unit.clone())
            .collect();
        crate::text::sort::sort(&mut u);
        u.dedup();
        u
    };
    let finish = |s: &Side, tie: bool, other: &[Side]| {
        if tie {
            return Reason::Tie;
        }
        let units = units_of(other, &s.key);
        if units.is_empty() {
            Reason::Absent
        } else {
            Reason::UnitDiffers { other_units: units }
        }
    };
    let mut pairs = Vec::new();
    let (mut new, mut gone, mut unpaired) = (Vec::new(), Vec::new(), Vec::new());
    for (i, s) in sa.iter().enumerate() {
        match partner_a[i] {
            Some((j, how, score)) => pairs.push(pair(s.clone(), sb[j].clone(), how, score)),
            None => {
                let reason = reason_a[i]
                    .clone()
                    .unwrap_or_else(|| finish(s, tie_a[i], &sb));
                let list = if is_absence(&reason) {
                    &mut gone
                } else {
                    &mut unpaired
                };
                list.push(Unmatched {
                    report: Which::A,
                    side: s.clone(),
                    reason,
                });
            }
        }
    }
    for (j, s) in sb.iter().enumerate() {
        if partner_b[j].is_none() {
            let reason = reason_b[j]
                .clone()
                .unwrap_or_else(|| finish(s, tie_b[j], &sa));
            let list = if is_absence(&reason) {
                &mut new
            } else {
                &mut unpaired
            };
            list.push(Unmatched {
                report: Which::B,
                side: s.clone(),
                reason,
            });
        }
    }

    let outline = compare_outlines(a, b);
    let section_count = |st: SectionStatus| outline.iter().filter(|c| c.status == st).count();
    let counts = Counts {
        pairs: pairs.len(),
        fuzzy: pairs.iter().filter(|p| p.fuzzy).count(),
        new: new.len(),
        gone: gone.len(),
        unpaired: unpaired.len(),
        sections_same: section_count(SectionStatus::Same),
        sections_renamed: section_count(SectionStatus::Renamed),
        sections_new: section_count(SectionStatus::New),
        sections_gone: section_count(SectionStatus::Gone),
    };
    Comparison {
        a: summary(a),
        b: summary(b),
        pairs,
        new,
        gone,
        unpaired,
        outline,
        counts,
    }
}

/// True for reasons that mean the subject is not in the other report with this unit.
fn is_absence(r: &Reason) -> bool {
    matches!(r, Reason::Absent | Reason::UnitDiffers { .. })
}

fn update_best(best: &mut HashMap<usize, (f32, usize, usize)>, k: usize, other: usize, s: f32) {
    let e = best.entry(k).or_insert((s, other, 0));
    if s > e.0 {
        *e = (s, other, 1);
    } else if s == e.0 {
        e.2 += 1;
    }
}

/// A fuzzy match of two keys: containment (both ≥ 4 characters) or bigram Dice ≥ 0.8.
fn fuzzy(x: &str, y: &str) -> Option<(How, f32)> {
    let dice = bigram_dice(x, y);
    let (lx, ly) = (x.chars().count(), y.chars().count());
    if lx >= MIN_CONTAIN_CHARS && ly >= MIN_CONTAIN_CHARS && (x.contains(y) || y.contains(x)) {
        Some((How::Contains, dice))
    } else if dice >= SUBJECT_DICE {
        Some((How::Similar, dice))
    } else {
        None
    }
}

fn summary(a: &Analysis) -> ReportSummary {
    ReportSummary {
        title: a.meta.title.clone(),
        issuer: a.meta.issuer.clone(),
        year: a.meta.year,
        indicators: a.indicators.len(),
        sections: a.sections.len(),
    }
}

// ---- outlines -------------------------------------------------------------------------

fn compare_outlines(a: &Analysis, b: &Analysis) -> Vec<SectionChange> {
    let ka: Vec<String> = a
        .sections
        .iter()
        .map(|s| normalize_title(&s.title))
        .collect();
    let kb: Vec<String> = b
        .sections
        .iter()
        .map(|s| normalize_title(&s.title))
        .collect();
    let mut pa: Vec<Option<(usize, f32)>> = vec![None; ka.len()];
    let mut pb: Vec<Option<usize>> = vec![None; kb.len()];
    // Same: equal keys, paired in order when both sides repeat them equally often.
    let mut by_key: HashMap<&str, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for (i, k) in ka.iter().enumerate().filter(|(_, k)| !k.is_empty()) {
        by_key.entry(k).or_default().0.push(i);
    }
    for (j, k) in kb.iter().enumerate().filter(|(_, k)| !k.is_empty()) {
        by_key.entry(k).or_default().1.push(j);
    }
    for (ia, ib) in by_key.values() {
        if ia.len() == ib.len() {
            for (&i, &j) in ia.iter().zip(ib) {
                pa[i] = Some((j, 1.0));
                pb[j] = Some(i);
            }
        }
    }
    // Renamed: same level, Dice ≥ TITLE_DICE, each the other's unique best.
    let mut cands: Vec<(usize, usize, f32)> = Vec::new();
    for i in (0..ka.len()).filter(|&i| pa[i].is_none()) {
        for j in (0..kb.len()).filter(|&j| pb[j].is_none()) {
            if a.sections[i].level != b.sections[j].level {
                continue;
            }
            let d = bigram_dice(&ka[i], &kb[j]);
            if d >= TITLE_DICE {
                cands.push((i, j, d));
            }
        }
    }
    let mut best_a: HashMap<usize, (f32, usize, usize)> = HashMap::new();
    let mut best_b: HashMap<usize, (f32, usize, usize)> = HashMap::new();
    for &(i, j, d) in &cands {
        update_best(&mut best_a, i, j, d);
        update_best(&mut best_b, j, i, d);
    }
    for &(i, j, d) in &cands {
        let (ba, bb) = (best_a[&i], best_b[&j]);
        if ba.0 == d && bb.0 == d && ba.2 == 1 && bb.2 == 1 {
            pa[i] = Some((j, d));
            pb[j] = Some(i);
        }
    }

    // Merge in b's order; a's unpaired sections go before the next paired one that follows them.
    let title = |an: &Analysis, k: usize| {
        let s = &an.sections[k];
        format!("{}{}", s.marker, s.title)
    };
    let mut out = Vec::new();
    let mut next_a = 0;
    let flush_gone = |upto: usize, next_a: &mut usize, out: &mut Vec<SectionChange>| {
        while *next_a < upto {
            let i = *next_a;
            if pa[i].is_none() {
                out.push(SectionChange {
                    status: SectionStatus::Gone,
                    a: Some(i),
                    b: None,
                    level: a.sections[i].level,
                    a_title: Some(title(a, i)),
                    b_title: None,
                    key: ka[i].clone(),
                    score: None,
                });
            }
            *next_a += 1;
        }
    };
    for j in 0..kb.len() {
        let s = &b.sections[j];
        match pb[j] {
            Some(i) => {
                flush_gone(i, &mut next_a, &mut out);
                let score = pa[i].map_or(1.0, |p| p.1);
                out.push(SectionChange {
                    status: if ka[i] == kb[j] {
                        SectionStatus::Same
                    } else {
                        SectionStatus::Renamed
                    },
                    a: Some(i),
                    b: Some(j),
                    level: s.level,
                    a_title: Some(title(a, i)),
                    b_title: Some(title(b, j)),
                    key: kb[j].clone(),
                    score: Some(score),
                });
            }
            None => out.push(SectionChange {
                status: SectionStatus::New,
                a: None,
                b: Some(j),
                level: s.level,
                a_title: None,
                b_title: Some(title(b, j)),
                key: kb[j].clone(),
                score: None,
            }),
        }
    }
    flush_gone(ka.len(), &mut next_a, &mut out);
    out
}

// ---- rendering ------------------------------------------------------------------------

fn label(r: &ReportSummary) -> String {
    let title = r.title.as_deref().unwrap_or("（无标题）");
    match r.year {
        Some(y) => format!("{title}（{y}年）"),
        None => title.to_string(),
    }
}

fn percent(r: Option<f64>) -> String {
    r.map_or("-".to_string(), present::format_percent_change)
}

/// The comparison as readable text: headline, pairs with changes, new, gone, outline.
pub fn to_table(c: &Comparison) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "== 对比\n上年: {}\n本年: {}\n",
        label(&c.a),
        label(&c.b)
    ));
    let n = &c.counts;
    out.push_str(&format!(
        "指标: 配对 {} 项（其中模糊 {} 项），新增 {}，消失 {}，未配对 {}\n",
        n.pairs, n.fuzzy, n.new, n.gone, n.unpaired
    ));
    out.push_str(&format!(
        "提纲: 相同 {}，改名 {}，新增 {}，删去 {}\n",
        n.sections_same, n.sections_renamed, n.sections_new, n.sections_gone
    ));
    out.push_str(&format!(
        "\n== 配对指标 ({} 项, 与上年对比)\n",
        c.pairs.len()
    ));
    for p in &c.pairs {
        let flag = if p.fuzzy { " [模糊]" } else { "" };
        out.push_str(&format!(
            "{} | {} → {} | {} {} | {} | {}{flag}\n",
            p.key,
            p.a.display(),
            p.b.display(),
            present::format_signed(p.change),
            p.change_unit,
            percent(p.relative),
            p.why
        ));
    }
    for (name, list) in [
        ("新增（仅本年）", &c.new),
        ("消失（仅上年）", &c.gone),
        ("未配对", &c.unpaired),
    ] {
        out.push_str(&format!("\n== {name} ({} 项)\n", list.len()));
        for u in list {
            out.push_str(&format!(
                "{} | {} | {} | {}\n",
                u.report.label(),
                if u.side.subject.is_empty() {
                    "-"
                } else {
                    &u.side.subject
                },
                u.side.display(),
                u.reason.label()
            ));
        }
    }
    out.push_str(&format!("\n== 提纲对比 ({} 项)\n", c.outline.len()));
    for s in &c.outline {
        let indent = "  ".repeat(s.level.saturating_sub(1) as usize);
        let line = match s.status {
            SectionStatus::Same => s.b_title.clone().unwrap_or_default(),
            SectionStatus::Renamed => format!(
                "{} ← {} (相似度{:.2})",
                s.b_title.as_deref().unwrap_or(""),
                s.a_title.as_deref().unwrap_or(""),
                s.score.unwrap_or(0.0)
            ),
            SectionStatus::New => s.b_title.clone().unwrap_or_default(),
            SectionStatus::Gone => s.a_title.clone().unwrap_or_default(),
        };
        out.push_str(&format!("[{}] {indent}{line}\n", s.status.label()));
    }
    out
}

/// Quotes a CSV field when needed (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The CSV header of [`to_csv`], with a UTF-8 BOM for Excel.
pub const CSV_HEADER: &str = "\u{feff}状态,规范化主题,上年主题,本年主题,上年数值,本年数值,单位,变化,变化单位,变化率,匹配方式,相似度,依据,上年序号,本年序号\r\n";

/// Indicators compared, as CSV: pairs, then new, gone and unpaired (UTF-8 BOM, CRLF).
/// 序号 are 1-based indices into each report's indicators, as in [`crate::output::export::to_csv`].
pub fn to_csv(c: &Comparison) -> String {
    let mut out = String::from(CSV_HEADER);
    for p in &c.pairs {
        let row = [
            (if p.fuzzy { "模糊配对" } else { "配对" }).to_string(),
            csv_field(&p.key),
            csv_field(&p.a.subject),
            csv_field(&p.b.subject),
            format_value(p.a_value),
            format_value(p.b_value),
            csv_field(&p.unit),
            format_value(p.change),
            csv_field(&p.change_unit),
            p.relative.map_or(String::new(), |r| format!("{:.4}", r)),
            p.how.label().to_string(),
            format!("{:.2}", p.score),
            csv_field(&p.why),
            (p.a.index + 1).to_string(),
            (p.b.index + 1).to_string(),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    for (status, list) in [("新增", &c.new), ("消失", &c.gone), ("未配对", &c.unpaired)] {
        for u in list {
            let s = &u.side;
            let v = match s.direction {
                Some(Direction::Down) => format_value(-s.value),
                _ => format_value(s.value),
            };
            let here = [csv_field(&s.subject), v, (s.index + 1).to_string()];
            let [a_subj, a_val, a_ix, b_subj, b_val, b_ix] = match u.report {
                Which::A => [
                    here[0].clone(),
                    here[1].clone(),
                    here[2].clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
                Which::B => [
                    String::new(),
                    String::new(),
                    String::new(),
                    here[0].clone(),
                    here[1].clone(),
                    here[2].clone(),
                ],
            };
            let row = [
                status.to_string(),
                csv_field(&s.key),
                a_subj,
                b_subj,
                a_val,
                b_val,
                csv_field(&s.unit),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                csv_field(&u.reason.label()),
                a_ix,
                b_ix,
            ];
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// The comparison as one JSON object (serde), for the web app and `--format json`.
pub fn to_json(c: &Comparison) -> String {
    serde_json::to_string(c).unwrap_or_else(|_| "{}".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_normalise() {
        let rows = [
            (
                "全区共受理行政复议申请",
                "受理行政复议申请",
                "scope word and 共 lead",
            ),
            (
                "行政许可事项共",
                "行政许可事项",
                "trailing 共 before the number",
            ),
            ("2020年全年累计培训", "培训", "year, 全年 and 累计 in a row"),
            (
                "二〇二一年度执法检查",
                "执法检查",
                "year in Chinese numerals",
            ),
            ("共享平台", "共享平台", "共享 is a word"),
            ("全区域网格", "全区域网格", "全区域 is a word"),
            ("“双随机、一公开”抽查", "双随机一公开抽查", "punctuation"),
            ("1+X专项审计", "1X专项审计", "small numbers stay"),
            ("12345热线", "12345热线", "five digits are not a year"),
            ("共", "共", "a lone scope word stays rather than vanish"),
        ];
        for (input, want, why) in rows {
            assert_eq!(normalize_subject(input), want, "{why}");
        }
    }

    #[test]
    fn units_convert_by_magnitude_only() {
        assert_eq!(unit_factor("万元", "元"), Some(10000.0));
        assert_eq!(unit_factor("元", "亿元"), Some(1e-8));
        assert_eq!(unit_factor("万人次", "人次"), Some(10000.0));
        assert_eq!(unit_factor("人次", "人"), None);
        assert_eq!(unit_factor("个工作日", "天"), None);
        assert_eq!(unit_factor("百分点", "分点"), None);
    }

    #[test]
    fn dice_counts_bigrams() {
        assert_eq!(bigram_dice("行政复议", "行政复议"), 1.0);
        assert_eq!(bigram_dice("ab", "cd"), 0.0);
        assert!((bigram_dice("受理行政复议申请", "受理行政复议案件") - 5.0 / 7.0).abs() < 1e-6);
    }
}
