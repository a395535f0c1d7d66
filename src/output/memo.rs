//! The 审查意见 (review memo) on one report: a [`Memo`] drafted from an [`Analysis`] in the
//! register of a 司法局's written opinion, then edited by the reviewer and rendered.
//!
//! ```text
//! draft(text, &Analysis, name) ──▶ Memo { title, sections[6], proposed, verdict, … }
//!        (the page keeps each section's body as the reviewer edits it: Memo is serde)
//! Memo ──▶ to_markdown · to_text · to_docx (feature `memo-docx`)
//! ```
//!
//! ## Sections
//! | id | heading | drafted from |
//! |---|---|---|
//! | `basic` | 一、基本情况 | title, issuer, year, publication date (and the deadline check), length |
//! | `parts` | 二、必备内容 | the five required parts: 具备 / 较弱 / 缺失, with the heading or passage |
//! | `tasks` | 三、纲要任务落实 | the 纲要 of the report's year: tasks addressed / mentioned / absent |
//! | `figures` | 四、数据核对 | the figure checks (sums, rates, ranges, conflicts, years) |
//! | `form` | 五、格式规范 | the 公文 form checks and heading numbering, each with its fix |
//! | `conclusion` | 六、审查结论 | [`Verdict`] proposed from the findings, and the reasons |
//!
//! A section's body is plain text, one paragraph a line; a line that starts with `（一）` …
//! `（十）` is a sub-heading, a line that starts with `1.` an item. The renderers read the
//! bodies as they are, so a memo whose bodies the reviewer rewrote renders the new text.
//!
//! ## The proposed conclusion
//! * **退回修改**: a required part of 主要举措和成效, 存在的不足和原因, 第一责任人职责 or
//!   下一年度安排 is missing, or the 纲要 task score is below 40.
//! * **修改后通过**: otherwise, when a required part is weak, a figure check or a form check
//!   finds a problem (warning or error), the heading numbering has gaps or repairs, the report
//!   was made public late, or the task score is below 60.
//! * **通过**: none of these.
//!
//! P5 (其他需要报告的情况) is only reported: many reports have nothing else to report.
//!
//! ## Word files
//! [`to_docx`] (feature `memo-docx`) writes the memo with `docx-rs`: the maintained writer
//! of `.docx` in Rust, pure Rust (no C library), also published for the browser as the npm
//! package `docx-wasm`, so it builds for wasm32 upstream; it reads no clock (the package's
//! dates are fixed unless set). Its parts are stored uncompressed: a memo is 35–45 KB. The layout follows
//! GB/T 9704-2012 loosely: A4 with its margins, the title centred in 方正小标宋简体 二号,
//! the body in 仿宋_GB2312 三号 with a two-character first-line indent and a fixed 28-point
//! line, first-level headings `一、` in 黑体, second-level `（一）` in 楷体_GB2312. The font
//! names are names: Word substitutes its own 仿宋/楷体 where the GB2312 fonts are missing.
//!
//! ## Size
//! Measured on wasm32 (`release-wasm`, before wasm-bindgen and wasm-opt, gzip -9), over a
//! binary that analyses a text and writes its JSON (954 KB, 304 KB gzipped): drafting and
//! the Markdown/text renderers add 37 KB (13 KB gzipped); [`to_docx`] adds 777 KB (261 KB
//! gzipped: docx-rs's element builders, and zip with its zopfli and zlib-rs deflaters),
//! 188 KB gzipped of it beside [`crate::output::workbook`], which brings the same zip
//! backends. Hence the feature: only the CLI and the reader worker carry it.
//!
//! ```
//! use report_lens::output::memo::{self, SectionId, Verdict};
//! let text = "某区2023年法治政府建设年度报告\n一、主要举措和成效\n全年办理案件64件。";
//! let a = report_lens::analyze(text);
//! let mut m = memo::draft(text, &a, "报告.txt");
//! assert_eq!(m.title, "关于《某区2023年法治政府建设年度报告》的审查意见");
//! assert_eq!(m.proposed, Verdict::Return); // the parts P2–P4 are missing
//! m.set_body(SectionId::Form, "未发现格式问题。");
//! m.set_verdict(Verdict::Revise);
//! let md = memo::to_markdown(&m);
//! assert!(md.contains("## 五、格式规范\n\n未发现格式问题。"));
//! assert!(md.contains("经审查，建议该报告修改后通过。"));
//! ```

use crate::model::{Analysis, Code, Diagnostic, PartStatus, Severity, TaskStatus};
use crate::output::present;
use crate::text::Span;
use serde::{Deserialize, Serialize};

/// The six sections of a memo, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionId {
    /// 基本情况
    Basic,
    /// 必备内容
    Parts,
    /// 纲要任务落实
    Tasks,
    /// 数据核对
    Figures,
    /// 格式规范
    Form,
    /// 审查结论
    Conclusion,
}

impl SectionId {
    /// Every section, in order.
    pub const ALL: [SectionId; 6] = [
        SectionId::Basic,
        SectionId::Parts,
        SectionId::Tasks,
        SectionId::Figures,
        SectionId::Form,
        SectionId::Conclusion,
    ];

    /// The stable name (`basic`, `parts`, …), as serialised: a key for the page's edits.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionId::Basic => "basic",
            SectionId::Parts => "parts",
            SectionId::Tasks => "tasks",
            SectionId::Figures => "figures",
            SectionId::Form => "form",
            SectionId::Conclusion => "conclusion",
        }
    }

    /// The section named `name` (`basic` …), as the page stores its edits.
    pub fn from_name(name: &str) -> Option<SectionId> {
        SectionId::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// The section's heading with its number: `一、基本情况`.
    pub fn heading(self) -> &'static str {
        match self {
            SectionId::Basic => "一、基本情况",
            SectionId::Parts => "二、必备内容",
            SectionId::Tasks => "三、纲要任务落实",
            SectionId::Figures => "四、数据核对",
            SectionId::Form => "五、格式规范",
            SectionId::Conclusion => "六、审查结论",
        }
    }
}

/// The conclusion of a review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// 通过
    Pass,
    /// 修改后通过
    Revise,
    /// 退回修改
    Return,
}

impl Verdict {
    /// Every verdict, mildest first.
    pub const ALL: [Verdict; 3] = [Verdict::Pass, Verdict::Revise, Verdict::Return];

    /// The Chinese label: `通过`, `修改后通过`, `退回修改`.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Pass => "通过",
            Verdict::Revise => "修改后通过",
            Verdict::Return => "退回修改",
        }
    }

    /// The stable name (`pass`, `revise`, `return`), as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Revise => "revise",
            Verdict::Return => "return",
        }
    }

    /// The verdict named `name`: its stable name or its Chinese label.
    pub fn from_name(name: &str) -> Option<Verdict> {
        Verdict::ALL
            .into_iter()
            .find(|v| v.as_str() == name || v.label() == name)
    }

    /// The conclusion's opening sentence: `经审查，建议该报告修改后通过。`.
    pub fn sentence(self) -> String {
        match self {
            Verdict::Return => "经审查，建议将该报告退回修改。".to_string(),
            v => format!("经审查，建议该报告{}。", v.label()),
        }
    }
}

/// One section of a memo: its heading and its (editable) body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemoSection {
    /// Which section.
    pub id: SectionId,
    /// `一、基本情况`.
    pub heading: String,
    /// Plain text, one paragraph a line (see the module docs).
    pub body: String,
}

/// A review memo on one report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Memo {
    /// `关于《…》的审查意见`.
    pub title: String,
    /// The report's title (its file name when it has none).
    pub report: String,
    /// The file name the caller gave.
    pub file: String,
    /// The six sections, in [`SectionId::ALL`] order.
    pub sections: Vec<MemoSection>,
    /// The conclusion the findings suggest.
    pub proposed: Verdict,
    /// The conclusion the reviewer chose (the proposed one until set).
    pub verdict: Verdict,
    /// Why the findings suggest `proposed`, one short phrase each.
    pub reasons: Vec<String>,
    /// The reviewing body, signed at the end (empty: no signature line).
    #[serde(default)]
    pub signer: String,
    /// The date signed, as written (`2026年12月7日`; empty: none). Set by the caller: the
    /// core never reads the clock.
    #[serde(default)]
    pub date: String,
}

impl Memo {
    /// The section `id`, if the memo has it.
    pub fn section(&self, id: SectionId) -> Option<&MemoSection> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Replaces the body of section `id` (the reviewer's edit).
    pub fn set_body(&mut self, id: SectionId, body: impl Into<String>) {
        if let Some(s) = self.sections.iter_mut().find(|s| s.id == id) {
            s.body = body.into();
        }
    }

    /// Sets the reviewer's conclusion, and its opening sentence in the conclusion's body
    /// (the first line when it is a [`Verdict::sentence`], else a new first line).
    pub fn set_verdict(&mut self, v: Verdict) {
        self.verdict = v;
        let Some(s) = self
            .sections
            .iter_mut()
            .find(|s| s.id == SectionId::Conclusion)
        else {
            return;
        };
        let first = s.body.lines().next().unwrap_or("");
        let rest = if Verdict::ALL.iter().any(|v| v.sentence() == first) {
            s.body[first.len()..].trim_start_matches(['\r', '\n'])
        } else {
            s.body.as_str()
        };
        s.body = if rest.is_empty() {
            v.sentence()
        } else {
            format!("{}\n{rest}", v.sentence())
        };
    }

    /// A file name for the memo: `审查意见-<report>.<ext>`, without characters that file
    /// systems refuse, at most 60 characters of the report's name.
    pub fn file_name(&self, ext: &str) -> String {
        let name: String = self
            .report
            .chars()
            .filter(|c| !c.is_control())
            .map(|c| match c {
                '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
                c => c,
            })
            .take(60)
            .collect();
        let mut name = name.trim().trim_start_matches('.');
        // An untitled report is named by its file: drop the file's extension.
        if self.report == self.file {
            if let Some((stem, e)) = name.rsplit_once('.') {
                if !stem.is_empty() && e.len() <= 5 && e.chars().all(|c| c.is_ascii_alphanumeric())
                {
                    name = stem;
                }
            }
        }
        format!("审查意见-{name}.{ext}")
    }
}

/// The memo on one report: `text` as analysed into `a`, `name` its file name (shown when the
/// report has no title).
pub fn draft(text: &str, a: &Analysis, name: &str) -> Memo {
    let report = present::title(&a.meta, Some(name));
    let mut reasons = Vec::new();
    let mut proposed = Verdict::Pass;
    let mut flag = |v: Verdict, why: String, reasons: &mut Vec<String>| {
        proposed = proposed.max(v);
        reasons.push(why);
    };
    let basic = basic(a, &report);
    if a.diagnostics
        .iter()
        .any(|d| d.code == Code::LatePublication)
    {
        flag(Verdict::Revise, "公开时间晚于规定时限".into(), &mut reasons);
    }
    let parts = parts(text, a);
    for p in a.parts.iter().filter(|p| p.required && p.id != "P5") {
        match p.status {
            PartStatus::Missing => flag(
                Verdict::Return,
                format!("缺少“{}”部分", p.name),
                &mut reasons,
            ),
            PartStatus::Weak => flag(
                Verdict::Revise,
                format!("“{}”部分内容较弱", p.name),
                &mut reasons,
            ),
            PartStatus::Found => {}
        }
    }
    let tasks = tasks(a);
    if let Some(score) = a.tasks.score {
        if score < 40 {
            flag(
                Verdict::Return,
                format!("纲要任务落实得分{score}分，覆盖明显不足"),
                &mut reasons,
            );
        } else if score < 60 {
            flag(
                Verdict::Revise,
                format!("纲要任务落实得分{score}分，部分任务未涉及"),
                &mut reasons,
            );
        }
    }
    let figures = figures(text, a);
    let figure_problems = a
        .diagnostics
        .iter()
        .filter(|d| is_figure(d.code) && d.severity >= Severity::Warning)
        .count();
    if figure_problems > 0 {
        flag(
            Verdict::Revise,
            format!("数据核对存疑{figure_problems}处"),
            &mut reasons,
        );
    }
    let form = form(text, a);
    let form_problems = a
        .diagnostics
        .iter()
        .filter(|d| (d.code.is_form() || d.code.is_numbering()) && d.severity >= Severity::Warning)
        .count();
    if form_problems > 0 {
        flag(
            Verdict::Revise,
            format!("格式规范问题{form_problems}处"),
            &mut reasons,
        );
    }
    let conclusion = conclusion(proposed, &reasons);
    let bodies = [basic, parts, tasks, figures, form, conclusion];
    Memo {
        title: format!("关于《{report}》的审查意见"),
        report,
        file: name.to_string(),
        sections: SectionId::ALL
            .iter()
            .zip(bodies)
            .map(|(&id, body)| MemoSection {
                id,
                heading: id.heading().to_string(),
                body,
            })
            .collect(),
        proposed,
        verdict: proposed,
        reasons,
        signer: String::new(),
        date: String::new(),
    }
}

/// At most [`EXCERPT_CHARS`] characters of the text at `span`, on one line, with up to
/// eight characters of context on either side when the span itself is short (`的的` →
/// `…依法行政的的工作…`); empty for a span past the end of `text`.
pub fn excerpt(text: &str, span: Span) -> String {
    if span.start >= text.len() {
        return String::new();
    }
    let start = crate::text::floor_boundary(text, span.start.min(text.len()));
    let end = crate::text::floor_boundary(text, span.end.clamp(start, text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let core = text[start..end].lines().next().unwrap_or("").trim();
    let short = core.chars().count() < 8;
    let mut out = String::new();
    if short {
        let before: Vec<char> = text[line_start..start].chars().collect();
        let take = before.len().min(CONTEXT_CHARS);
        if take < before.len() {
            out.push('…');
        }
        out.extend(&before[before.len() - take..]);
    }
    for (n, c) in core.chars().enumerate() {
        if n == EXCERPT_CHARS {
            out.push('…');
            return out.trim().to_string();
        }
        out.push(c);
    }
    if short && end <= line_end {
        let after = &text[end..line_end];
        out.extend(after.chars().take(CONTEXT_CHARS));
        if after.chars().nth(CONTEXT_CHARS).is_some() {
            out.push('…');
        }
    }
    out.trim().to_string()
}

/// Longest excerpt, in characters.
pub const EXCERPT_CHARS: usize = 60;
/// Context around a short excerpt, in characters on either side.
const CONTEXT_CHARS: usize = 8;

/// Most items listed per kind of finding; the rest are counted.
const MAX_ITEMS: usize = 8;

/// The innermost section around a byte offset.
fn section_at(a: &Analysis, pos: usize) -> Option<usize> {
    a.sections
        .iter()
        .rposition(|s| s.heading.start <= pos && pos < s.span.end)
}

/// `（位于“一、… / （二）…”）`, or nothing outside any section.
fn where_(a: &Analysis, pos: usize) -> String {
    match section_at(a, pos) {
        Some(s) => format!("（位于“{}”）", present::path_label(a, Some(s))),
        None => String::new(),
    }
}

fn date_zh(date: &str) -> String {
    let p: Vec<&str> = date.split('-').collect();
    let n = |s: &str| s.trim_start_matches('0').to_string();
    match p.as_slice() {
        [y, m, d] => format!("{y}年{}月{}日", n(m), n(d)),
        [y, m] => format!("{y}年{}月", n(m)),
        _ => date.to_string(),
    }
}

fn basic(a: &Analysis, report: &str) -> String {
    let m = &a.meta;
    let mut s = format!("《{report}》");
    match &m.issuer {
        Some(i) => s.push_str(&format!("由{i}发布")),
        None => s.push_str("未载明发布机关"),
    }
    match m.year {
        Some(y) => s.push_str(&format!("，报告年度为{y}年")),
        None => s.push_str("，未能识别报告年度"),
    }
    match &m.published {
        Some(p) => s.push_str(&format!("，公开日期为{}", date_zh(p))),
        None => s.push_str("，未载明公开日期"),
    }
    s.push_str(&format!(
        "，全文{}字，共{}个章节标题、{}项数据指标。",
        m.chars,
        a.sections.iter().filter(|x| !x.run_in).count(),
        a.indicators.len()
    ));
    let mut lines = vec![s];
    if let Some(k) = m.kind {
        lines.push(format!("报告类型：{}。", k.label()));
    }
    if let Some(sig) = present::signature_line(m) {
        lines.push(format!("落款：{sig}。"));
    } else {
        lines.push("报告未见落款（发布机关及日期）。".to_string());
    }
    for d in a
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::LatePublication)
    {
        lines.push(format!("{}。", d.message.trim_end_matches('。')));
    }
    lines.join("\n")
}

fn parts(text: &str, a: &Analysis) -> String {
    if a.parts.is_empty() {
        return "未能核对必备内容。".to_string();
    }
    let early = a.parts.iter().any(|p| !p.required);
    let mut lines = vec![if early {
        "《法治政府建设与责任落实督察工作规定》（2019年施行）要求年度报告包括以下五个方面内容；该报告年度早于2019年，以下核对仅供参考。".to_string()
    } else {
        "按照《法治政府建设与责任落实督察工作规定》，年度报告应当包括以下五个方面内容。核对情况如下：".to_string()
    }];
    for (i, p) in a.parts.iter().enumerate() {
        let status = present::part_status_label(p);
        let at = p.span.map(|s| match p.section {
            Some(k) => present::section_label(a, k),
            None => excerpt(text, s),
        });
        let detail = match (p.status, at) {
            (PartStatus::Found, Some(q)) => format!("，见“{q}”"),
            (PartStatus::Weak, Some(q)) => {
                format!("，仅见“{q}”等表述，建议单列标题或段落予以说明")
            }
            (PartStatus::Weak, None) => "，建议单列标题或段落予以说明".to_string(),
            (PartStatus::Missing, _) if p.id == "P5" => {
                "（如无其他需要报告的情况，可不列）".to_string()
            }
            (PartStatus::Missing, _) if p.required => "，未见相关内容，应予补充".to_string(),
            _ => String::new(),
        };
        lines.push(format!("{}. {}：{status}{detail}。", i + 1, p.name));
    }
    lines.join("\n")
}

fn tasks(a: &Analysis) -> String {
    let t = &a.tasks;
    let Some(title) = t.outline_title else {
        return format!("{}，不作纲要任务核对。", present::outline_line(a));
    };
    let applies: Vec<_> = t.tasks.iter().filter(|k| k.applies).collect();
    let count = |s: TaskStatus| applies.iter().filter(|k| k.status == s).count();
    let (done, said, none) = (
        count(TaskStatus::Addressed),
        count(TaskStatus::Mentioned),
        count(TaskStatus::Absent),
    );
    let skipped = t.tasks.len() - applies.len();
    let mut head = format!(
        "对照《{title}》，适用于该报告的任务共{}项，其中已落实{done}项、提及{said}项、未涉及{none}项",
        applies.len()
    );
    if skipped > 0 {
        head.push_str(&format!("（另有{skipped}项立法任务不适用）"));
    }
    if let Some(score) = t.score {
        head.push_str(&format!("，任务落实得分{score}分"));
    }
    head.push('。');
    let mut lines = vec![head, "（一）各部分落实情况".to_string()];
    for (i, p) in t.parts.iter().enumerate() {
        lines.push(format!(
            "{}. {}{}：{}分（{}项任务，已落实{}项、提及{}项）。",
            i + 1,
            p.label,
            p.title,
            p.score,
            p.tasks,
            p.addressed,
            p.mentioned
        ));
    }
    let list = |status: TaskStatus| -> Vec<String> {
        applies
            .iter()
            .filter(|k| k.status == status)
            .enumerate()
            .map(|(i, k)| {
                let ev = if k.evidence.is_empty() {
                    String::new()
                } else {
                    let words: Vec<&str> = k.evidence.iter().take(3).copied().collect();
                    format!("（见“{}”）", words.join("”“"))
                };
                format!("{}. {}{ev}。", i + 1, task_name(k))
            })
            .collect()
    };
    let absent = list(TaskStatus::Absent);
    let mentioned = list(TaskStatus::Mentioned);
    let mut n = 2;
    if !absent.is_empty() {
        lines.push(format!("（{}）未涉及的任务", ordinal_zh(n)));
        lines.extend(absent);
        n += 1;
    }
    if !mentioned.is_empty() {
        lines.push(format!("（{}）仅提及、未见具体举措的任务", ordinal_zh(n)));
        lines.extend(mentioned);
    }
    if none + said > 0 {
        lines.push("建议对上述任务补充本年度的具体举措和成效；确未开展的，说明原因。".to_string());
    }
    // A memo is a document the reviewer hands in: titles not yet checked word for word
    // against the 纲要's text are not tagged one by one (as on the page) but noted once.
    if applies
        .iter()
        .any(|k| k.status != TaskStatus::Addressed && !k.title_verified)
    {
        lines.push("注：任务题名按《纲要》条目整理，引用前请与正式文本核对。".to_string());
    }
    lines.join("\n")
}

/// A task as listed: `（四）推进…`, or for the 2015 纲要's numbered measures `措施4 完善宏观调控`
/// (a bare `4.` after an item number would read as a second number).
fn task_name(k: &crate::model::TaskVerdict) -> String {
    match k.label.strip_suffix('.') {
        Some(n) => format!("措施{n} {}", k.title),
        None => format!("{}{}", k.label, k.title),
    }
}

/// 二, 三 … for sub-heading numbers up to 十.
fn ordinal_zh(n: usize) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        .get(n.wrapping_sub(1))
        .copied()
        .unwrap_or("十")
}

fn is_figure(c: Code) -> bool {
    matches!(
        c,
        Code::FigureSum
            | Code::FigureRate
            | Code::FigureRange
            | Code::FigureConflict
            | Code::YearMismatch
    )
}

/// One finding as an item: `n. ［label］message。原文“…”（位于“…”），建议改为“…”。`
fn item(text: &str, a: &Analysis, n: usize, d: &Diagnostic) -> String {
    let mut s = format!(
        "{n}. ［{}］{}",
        d.code.label(),
        d.message.trim_end_matches('。')
    );
    // A numbering finding names its marker; its section says where.
    let quote = if d.code.is_numbering() {
        String::new()
    } else {
        excerpt(text, d.span)
    };
    if !quote.is_empty() && !d.message.contains(&quote) {
        s.push_str(&format!("。原文“{quote}”"));
    }
    s.push_str(&where_(a, d.span.start));
    match d.fix.as_deref() {
        Some(f) if f.starts_with("改为") => s.push_str(&format!("，建议{f}")),
        Some(f) => s.push_str(&format!("，建议改为“{f}”")),
        None => {}
    }
    s.push('。');
    s
}

/// Items for `found`, at most [`MAX_ITEMS`] per code, the rest counted.
fn items<'a>(text: &str, a: &Analysis, found: impl Iterator<Item = &'a Diagnostic>) -> Vec<String> {
    let found: Vec<&Diagnostic> = found.collect();
    let mut out = Vec::new();
    let mut codes: Vec<Code> = found.iter().map(|d| d.code).collect();
    codes.sort();
    codes.dedup();
    for code in codes {
        let of: Vec<&&Diagnostic> = found.iter().filter(|d| d.code == code).collect();
        for d in of.iter().take(MAX_ITEMS) {
            let n = out.len() + 1;
            out.push(item(text, a, n, d));
        }
        if of.len() > MAX_ITEMS {
            let n = out.len() + 1;
            out.push(format!(
                "{n}. ［{}］另有{}处同类问题，不再逐一列出。",
                code.label(),
                of.len() - MAX_ITEMS
            ));
        }
    }
    out
}

fn figures(text: &str, a: &Analysis) -> String {
    let counts = present::KindCounts::of(a);
    let kinds: Vec<String> = crate::model::Kind::ALL
        .iter()
        .filter(|&&k| counts.get(k) > 0)
        .map(|&k| format!("{}{}项", k.label(), counts.get(k)))
        .collect();
    let mut head = format!("报告共列数据指标{}项", a.indicators.len());
    if !kinds.is_empty() {
        head.push_str(&format!("（{}）", kinds.join("、")));
    }
    let checks: Vec<&Diagnostic> = a.diagnostics.iter().filter(|d| is_figure(d.code)).collect();
    let bad: Vec<&Diagnostic> = checks
        .iter()
        .copied()
        .filter(|d| d.severity >= Severity::Warning)
        .collect();
    if checks.is_empty() {
        head.push_str("。未发现可相互核对的分项合计、比率等数据。");
        return head;
    }
    head.push_str(&format!(
        "。对分项合计、比率、数值范围、前后数字及年份核对{}处，其中{}处一致",
        checks.len(),
        checks.len() - bad.len()
    ));
    if bad.is_empty() {
        head.push_str("，未发现数据矛盾。");
        return head;
    }
    head.push_str(&format!("，{}处存疑，请核实：", bad.len()));
    let mut lines = vec![head];
    lines.extend(items(text, a, bad.into_iter()));
    lines.join("\n")
}

fn form(text: &str, a: &Analysis) -> String {
    let form: Vec<&Diagnostic> = a.diagnostics.iter().filter(|d| d.code.is_form()).collect();
    let numbering: Vec<&Diagnostic> = a
        .diagnostics
        .iter()
        .filter(|d| d.code.is_numbering())
        .collect();
    if form.is_empty() && numbering.is_empty() {
        return "对照《党政机关公文格式》（GB/T 9704）、《标点符号用法》（GB/T 15834）、《出版物上数字用法》（GB/T 15835），未发现格式问题。".to_string();
    }
    let mut lines = vec![format!(
        "对照《党政机关公文格式》（GB/T 9704）、《标点符号用法》（GB/T 15834）、《出版物上数字用法》（GB/T 15835），发现以下问题{}：",
        if form.is_empty() { "" } else { "（附修改建议）" }
    )];
    let mut n = 1;
    if !form.is_empty() {
        lines.push(format!("（{}）文字与标点", ordinal_zh(n)));
        lines.extend(items(text, a, form.into_iter()));
        n += 1;
    }
    if !numbering.is_empty() {
        lines.push(format!("（{}）标题序号", ordinal_zh(n)));
        lines.extend(items(text, a, numbering.into_iter()));
    }
    lines.join("\n")
}

fn conclusion(v: Verdict, reasons: &[String]) -> String {
    let mut lines = vec![v.sentence()];
    if reasons.is_empty() {
        lines.push("报告内容完整，未发现需要修改的问题。".to_string());
    } else {
        lines.push(format!("主要问题：{}。", reasons.join("；")));
        lines.push("请报告单位按上述意见修改完善后重新报送。".to_string());
    }
    lines.join("\n")
}

/// Whether a body line is a sub-heading: `（一）` … `（十）` at its start, short, no `。`.
pub fn is_subheading(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('（') else {
        return false;
    };
    let Some(close) = rest.find('）') else {
        return false;
    };
    let num = &rest[..close];
    !num.is_empty()
        && num.chars().all(|c| "一二三四五六七八九十".contains(c))
        && line.chars().count() <= 40
        && !line.ends_with('。')
}

/// The lines of a body, trimmed, blank ones dropped.
fn body_lines(body: &str) -> impl Iterator<Item = &str> {
    body.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// The memo as Markdown: `#` title, `##` sections, sub-headings in bold, one paragraph a
/// line.
pub fn to_markdown(m: &Memo) -> String {
    let mut out = format!("# {}\n\n", markdown_text(&m.title));
    for s in &m.sections {
        out.push_str(&format!("## {}\n\n", markdown_text(&s.heading)));
        let mut lines = body_lines(&s.body).peekable();
        while let Some(l) = lines.next() {
            let item = l.split_once(". ").filter(|(n, _)| n.parse::<u32>().is_ok());
            if is_subheading(l) {
                out.push_str(&format!("**{}**\n\n", markdown_text(l)));
            } else if let Some((n, rest)) = item {
                out.push_str(&format!("{n}. {}\n", markdown_text(rest)));
                let next_is_item = lines.peek().is_some_and(|x| {
                    x.split_once(". ")
                        .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
                });
                if !next_is_item {
                    out.push('\n');
                }
            } else {
                out.push_str(&format!("{}\n\n", markdown_text(l)));
            }
        }
    }
    for l in signature(m) {
        out.push_str(&format!("{}\n\n", markdown_text(&l)));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The memo as plain text (for pasting into a message or a Word file): title, then each
/// section's heading and body, paragraphs indented by two full-width spaces.
pub fn to_text(m: &Memo) -> String {
    let mut out = format!("{}\n\n", m.title);
    for s in &m.sections {
        out.push_str(&s.heading);
        out.push('\n');
        for l in body_lines(&s.body) {
            if is_subheading(l) {
                out.push_str(&format!("{l}\n"));
            } else {
                out.push_str(&format!("\u{3000}\u{3000}{l}\n"));
            }
        }
        out.push('\n');
    }
    for l in signature(m) {
        out.push_str(&format!("{l}\n"));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The signature lines: the reviewing body and the date, those given.
fn signature(m: &Memo) -> Vec<String> {
    [m.signer.trim(), m.date.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Escapes Markdown's inline syntax.
fn markdown_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Why a `.docx` could not be written (only an I/O error of the in-memory archive).
#[cfg(feature = "memo-docx")]
#[derive(Debug)]
pub struct DocxError(String);

#[cfg(feature = "memo-docx")]
impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot write the .docx: {}", self.0)
    }
}

#[cfg(feature = "memo-docx")]
impl std::error::Error for DocxError {}

/// Fonts and sizes of the Word file (GB/T 9704-2012, loosely).
#[cfg(feature = "memo-docx")]
mod gbt9704 {
    /// Title: 方正小标宋简体, 二号 (22 pt, in half-points).
    pub const TITLE_FONT: &str = "方正小标宋简体";
    pub const TITLE_SIZE: usize = 44;
    /// Body: 仿宋_GB2312, 三号 (16 pt).
    pub const BODY_FONT: &str = "仿宋_GB2312";
    pub const BODY_SIZE: usize = 32;
    /// First-level headings (`一、`): 黑体.
    pub const H1_FONT: &str = "黑体";
    /// Second-level headings (`（一）`): 楷体_GB2312.
    pub const H2_FONT: &str = "楷体_GB2312";
    /// A fixed line of 28 pt (22 lines a page), in twentieths of a point.
    pub const LINE: i32 = 560;
    /// A4 in twips, and the margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
    pub const PAGE: (u32, u32) = (11906, 16838);
    pub const MARGINS: (i32, i32, i32, i32) = (2098, 1984, 1588, 1474);
}

/// The memo as a `.docx` file (see the module docs for the layout).
#[cfg(feature = "memo-docx")]
pub fn to_docx(m: &Memo) -> Result<Vec<u8>, DocxError> {
    use docx_rs::{
        AlignmentType, Docx, LineSpacing, LineSpacingType, PageMargin, Paragraph, Run, RunFonts,
        SpecialIndentType,
    };
    use gbt9704::*;
    let fonts = |f: &str| RunFonts::new().east_asia(f).ascii(f).hi_ansi(f).cs(f);
    let line = || {
        LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(LINE)
    };
    let run =
        |t: &str, font: &str, size: usize| Run::new().add_text(t).fonts(fonts(font)).size(size);
    let body = |t: &str, font: &str| {
        Paragraph::new()
            .add_run(run(t, font, BODY_SIZE))
            // Two characters of 三号 (16 pt each), in twips.
            .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
            .line_spacing(line())
            .align(AlignmentType::Both)
    };
    let (top, bottom, left, right) = MARGINS;
    let mut doc = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_margin(PageMargin {
            top,
            left,
            bottom,
            right,
            header: 851,
            footer: 992,
            gutter: 0,
        })
        .default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE)
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&m.title, TITLE_FONT, TITLE_SIZE))
                .align(AlignmentType::Center)
                .line_spacing(
                    LineSpacing::new()
                        .line_rule(LineSpacingType::Exact)
                        .line(700)
                        .after(LINE as u32),
                ),
        );
    for s in &m.sections {
        doc = doc.add_paragraph(body(&s.heading, H1_FONT).outline_lvl(0).keep_next(true));
        for l in body_lines(&s.body) {
            doc = doc.add_paragraph(if is_subheading(l) {
                body(l, H2_FONT).outline_lvl(1).keep_next(true)
            } else {
                body(l, BODY_FONT)
            });
        }
    }
    let sig = signature(m);
    if !sig.is_empty() {
        doc = doc.add_paragraph(Paragraph::new().line_spacing(line()));
        for l in sig {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .add_run(run(&l, BODY_FONT, BODY_SIZE))
                    .align(AlignmentType::Right)
                    .line_spacing(line()),
            );
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| DocxError(e.to_string()))?;
    Ok(out.into_inner())
}
