//! Lines, page chrome and report metadata.
//!
//! A line is what lies between line breaks (`\n`, `\r\n`, `\r`, U+2028/2029), trimmed of
//! spaces. A web copy that lost its line breaks keeps the paragraph indentation (`　　`, two
//! or more spaces in the view) or a space: such a run also breaks the line when it follows a
//! sentence end (`。` `!` `?` `;` `”`; for one space only `。`) or precedes a heading marker
//! (`…工作成效　　(一)形成闭环`; for one space only after an ideograph, `:` or `;`). Other runs of
//! spaces (`08.01.2018  19:40`, `项目  数量`, `“八五” 普法`) stay inside their line. Each line
//! gets a [`LineKind`]:
//!
//! * **chrome** — web-page furniture: counters (`点击数:{{ pvCount }}`, `浏览 323人`), font
//!   switches (`字号:【大 中 小】`), `打印本页`, `关闭窗口`, `扫一扫在手机上打开当前页`,
//!   breadcrumbs (`您现在的位置: 首页 > …`), ICP lines, page footers (`— 1 —`), the
//!   `今天是…` widget, and runs of four or more short unpunctuated lines (link lists,
//!   shop footers). A heading line such as `坚持严格规范公正文明执法` alone is not chrome.
//! * **meta** — labelled metadata: `发布时间:2020-01-24 13:27 信息来源:梅列区政府`; the
//!   list of attachments: `附件:1.2023年法治政府建设统计表` and the short lines right after it
//!   that continue its numbering (`2.重点工作清单`). An attachment printed in full
//!   (`附件1` alone, then its title and text) stays text.
//! * **text** — everything else; blank lines are not stored.
//!
//! Chrome and meta lines are excluded from the outline and from indicators.

pub use crate::lex::date::parse_date;
use crate::lex::date::{first_year, leading_year};
use crate::lex::phrase::PhraseIndex;
use crate::model::Meta;
use crate::text::Span;
use std::sync::LazyLock;

/// How a line is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Report text.
    Text,
    /// Page chrome: shown dimmed, never analysed.
    Chrome,
    /// Labelled metadata (发布时间, 来源 …).
    Meta,
}

/// One non-blank line.
#[derive(Clone, Copy, Debug)]
pub struct Line {
    /// The line without surrounding spaces.
    pub span: Span,
    /// How the line is used.
    pub kind: LineKind,
}

/// The line structure of a normalised text.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Non-blank lines in order.
    pub lines: Vec<Line>,
    /// Spans of chrome lines (a subset of `lines`).
    pub chrome: Vec<Span>,
}

// ---- patterns -------------------------------------------------------------------------

/// Substrings that make a short line chrome. Matches `点击数:{{ pvCount }} 字号:【`;
/// must not match a sentence such as `…点击数同比增长…` in a long paragraph (length cap).
const CHROME_TOKENS: &[&str] = &[
    "点击数",
    "点击量",
    "浏览次数",
    "阅读次数",
    "访问次数",
    "访问量",
    "字号",
    "字体大小",
    "【大 中 小】",
    "大 中 小",
    "默认 超大",
    "打印本页",
    "打印此页",
    "【打印】",
    "关闭窗口",
    "【关闭】",
    "扫一扫",
    "二维码",
    "您所在的位置",
    "您现在的位置",
    "当前位置",
    "我要纠错",
    "【纠错】",
    "返回顶部",
    "上一篇",
    "下一篇",
    "版权所有",
    "ICP备",
    "icp备",
    "公网安备",
    "网站标识码",
    "网站地图",
    "网站声明",
    "主办单位",
    "承办单位",
    "技术支持",
    "分享到",
    "一键分享",
    "JiaThis",
    "Baidu Button",
    "Produced By",
    "网站群内容管理系统",
    "相关链接",
    "相关阅读",
    "相关报道",
    "相关文章",
    "附件下载",
    "关闭目录",
    "轻触这里",
    "无障碍",
    "关怀版",
    "长者模式",
    "微信扫码",
    "立即注册",
    "立即登录",
    "在线客服",
    "官方微信",
    "公众号",
    "浏览 ",
    "销售 ",
];

/// Lines that are chrome when they are exactly this (after trimming).
const CHROME_LINES: &[&str] = &[
    "打印", "关闭", "分享", "收藏", "简体", "繁体", "附件", "附件:", "大", "中", "小", "字体",
    "默认", "超大", "更多", "顶部", "返回", "首页", "登录", "注册", "下载",
];

/// Labels of metadata lines, longest first where one is a prefix of another.
const META_LABELS: &[&str] = &[
    "发布时间",
    "发布日期",
    "更新时间",
    "成文日期",
    "发文日期",
    "信息来源",
    "文章来源",
    "发布机构",
    "发文机构",
    "发文单位",
    "发布单位",
    "来源",
    "索引号",
    "发文字号",
    "文号",
    "主题分类",
    "有效性",
    "责任编辑",
    "作者",
    "日期",
    "时间",
];

/// Sentence punctuation: a line containing any of these is prose, not a link list.
const SENTENCE_PUNCT: &[char] = &['。', ',', ';', '!', '?', '、', ':'];

/// `s.contains(SENTENCE_PUNCT)` as a byte scan (`。` E3 80 82, `、` E3 80 81, the rest ASCII).
fn has_sentence_punct(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        matches!(x, b',' | b';' | b'!' | b'?' | b':')
            || (x == 0xE3
                && b.get(i + 1) == Some(&0x80)
                && matches!(b.get(i + 2), Some(0x81 | 0x82)))
    })
}

impl Document {
    /// Splits `text` (the normalised view) into lines and classifies them.
    pub fn new(text: &str) -> Self {
        let mut lines = Vec::new();
        for span in split_lines(text) {
            let s = &text[span.start..span.end];
            let kind = if is_chrome_line(s) {
                LineKind::Chrome
            } else if is_meta_line(s) {
                LineKind::Meta
            } else {
                LineKind::Text
            };
            lines.push(Line { span, kind });
        }
        mark_short_runs(text, &mut lines);
        mark_attachment_lists(text, &mut lines);
        let chrome = lines
            .iter()
            .filter(|l| l.kind == LineKind::Chrome)
            .map(|l| l.span)
            .collect();
        Document { lines, chrome }
    }

    /// Lines that carry report text.
    pub fn text_lines(&self) -> impl Iterator<Item = &Line> + '_ {
        self.lines.iter().filter(|l| l.kind == LineKind::Text)
    }
}

/// Non-blank lines of `text`, trimmed of spaces and tabs; see the module docs for the
/// breaks.
pub fn split_lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut push = |start: usize, end: usize| {
        let line = &text[start..end];
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            out.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
    };
    let (mut start, mut i) = (0, 0);
    // Only \n, \r, U+2028/2029 (E2 80 A8/A9) and runs of spaces that stand for a lost break
    // can end a line: jump from one such byte to the next (they never occur inside a UTF-8
    // sequence).
    while let Some(at) = next_stop_byte(bytes, i) {
        i = at;
        let b = bytes[i];
        let brk = match b {
            b'\n' | b'\r' => 1,
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            b' ' => {
                let run = bytes[i..].iter().take_while(|&&x| x == b' ').count();
                if lost_break(text, start, i, i + run) {
                    run
                } else {
                    i += run;
                    continue;
                }
            }
            _ => 0,
        };
        if brk > 0 {
            push(start, i);
            i += brk;
            start = i;
        } else {
            i += 1;
        }
    }
    push(start, bytes.len());
    out
}

/// The first byte at or after `from` that is `\n`, `\r`, a space or 0xE2, eight bytes at a
/// time: a byte equal to `v` is a zero byte of `word ^ v×0x0101…`, found with the
/// `(x - 0x01…) & !x & 0x80…` test, whose lowest set bit marks the first match exactly.
fn next_stop_byte(bytes: &[u8], from: usize) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(LO) & !x & HI;
    let mut i = from;
    while i + 8 <= bytes.len() {
        let w = u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or([0; 8]));
        let hit = zero(w ^ (LO * b'\n' as u64))
            | zero(w ^ (LO * b'\r' as u64))
            | zero(w ^ (LO * b' ' as u64))
            | zero(w ^ (LO * 0xE2));
        if hit != 0 {
            return Some(i + hit.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    bytes[i.min(bytes.len())..]
        .iter()
        .position(|&b| matches!(b, b'\n' | b'\r' | b' ' | 0xE2))
        .map(|k| i + k)
}

/// Whether the run of spaces `text[from..to]` inside the line starting at `line` stands for a
/// lost line break. Two or more spaces (paragraph indentation): after a sentence end or
/// before a heading marker. One space, which Chinese prose never puts after `。` or between
/// ideographs: after `。`, or between an ideograph (or `:` `;`) and a heading marker.
fn lost_break(text: &str, line: usize, from: usize, to: usize) -> bool {
    let Some(before) = text[line..from].chars().next_back() else {
        return false;
    };
    let after = &text[to..];
    if after.is_empty() || after.starts_with(['\n', '\r']) {
        return false;
    }
    let marker = || crate::lex::marker::parse_marker(after).is_some();
    if to - from >= 2 {
        matches!(before, '。' | '!' | '?' | ';' | '”') || marker()
    } else {
        before == '。' || ((before as u32) >= 0x3400 || matches!(before, ':' | ';')) && marker()
    }
}

/// Number of characters, counted up to 200 (every limit here is below that): long
/// paragraphs are not counted to their end.
fn char_len(s: &str) -> usize {
    crate::text::char_count_upto(s, 200)
}

/// True for a line of page chrome; see the module docs.
pub fn is_chrome_line(s: &str) -> bool {
    // Compared with 60 and 80 only: counted up to 81, not 200, on every line.
    let n = crate::text::char_count_upto(s, 81);
    if CHROME_LINES.contains(&s) {
        return true;
    }
    if s.starts_with("今天是") && n <= 60 {
        return true;
    }
    if is_page_footer(s) {
        return true;
    }
    if n <= 80 && has_chrome_token(s) {
        // `发布时间:… 点击数:…` lines are chrome even though they carry metadata; the
        // metadata reader looks at chrome lines too.
        return true;
    }
    // A breadcrumb: `首页 > 政务公开 > …`.
    n <= 80 && s.matches('>').count() >= 2 && !s.contains('。')
}

/// `— 1 —`, `- 12 -`, `第 3 页`, `1/5`.
fn is_page_footer(s: &str) -> bool {
    let core = s.trim_matches(|c: char| matches!(c, '—' | '-' | '–' | ' ' | '_'));
    if core.len() < s.len() && !core.is_empty() && core.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    if let Some(rest) = s.strip_prefix('第').and_then(|r| r.strip_suffix('页')) {
        return rest.trim().chars().all(|c| c.is_ascii_digit());
    }
    false
}

/// All chrome tokens in one index: one pass over a line instead of one search per token.
static CHROME_INDEX: LazyLock<PhraseIndex<()>> =
    LazyLock::new(|| PhraseIndex::new(CHROME_TOKENS.iter().map(|&t| (t, ()))));

fn has_chrome_token(s: &str) -> bool {
    let mut found = false;
    CHROME_INDEX.each(s, Span::new(0, s.len()), |_, _| found = true);
    found
}

/// True for a labelled metadata line such as `发布时间:2020-01-24` or `来源:盐田区司法局`.
pub fn is_meta_line(s: &str) -> bool {
    // Every label starts with one of these characters: a cheap filter before the list.
    const FIRST: &[char] = &[
        '发', '更', '成', '信', '文', '来', '索', '主', '有', '责', '作', '日', '时',
    ];
    if !s.starts_with(FIRST) || char_len(s) > 120 {
        return false;
    }
    META_LABELS.iter().any(|l| {
        s.strip_prefix(l)
            .is_some_and(|r| r.trim_start().starts_with([':', '】']))
    })
}

/// Marks a list of attachments as meta: a `附件:` line (the list may start on it,
/// `附件:1.统计表`) and the lines after it that continue its numbering (`1.` or `2.` … up
/// to 60 characters, no `。`).
fn mark_attachment_lists(text: &str, lines: &mut [Line]) {
    use crate::lex::marker::{parse_marker, Family};
    let digit_item = |s: &str| {
        parse_marker(s)
            .filter(|m| m.ordinal.family == Family::Digit)
            .map(|m| m.ordinal.number)
    };
    let mut i = 0;
    while i < lines.len() {
        let s = &text[lines[i].span.start..lines[i].span.end];
        let label = s
            .strip_prefix("附件")
            .map(str::trim_start)
            .and_then(|r| r.strip_prefix(':'));
        // A bare `附件:` may already be chrome (a download widget's label); it stays so.
        let Some(rest) = label.filter(|_| lines[i].kind != LineKind::Meta) else {
            i += 1;
            continue;
        };
        if lines[i].kind == LineKind::Text {
            lines[i].kind = LineKind::Meta;
        }
        // `附件:1.2023年…`: the first item's number, even where a year follows the point.
        let rest = rest.trim_start();
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let first = rest[digits..]
            .starts_with(&['.', '、'][..])
            .then(|| rest[..digits].parse::<u32>().ok())
            .flatten();
        let mut next = first.map_or(1, |n| n + 1);
        i += 1;
        while let Some(l) = lines.get_mut(i) {
            let s = &text[l.span.start..l.span.end];
            let item = l.kind == LineKind::Text
                && char_len(s) <= 60
                && !s.contains('。')
                && digit_item(s) == Some(next);
            if !item {
                break;
            }
            l.kind = LineKind::Meta;
            next += 1;
            i += 1;
        }
    }
}

/// Marks runs of four or more short unpunctuated lines as chrome (link lists, footers).
fn mark_short_runs(text: &str, lines: &mut [Line]) {
    let is_short = |l: &Line| {
        let s = &text[l.span.start..l.span.end];
        l.kind != LineKind::Meta
            && s.len() <= 24 * 4
            && char_len(s) <= 24
            && !has_sentence_punct(s)
            && !crate::lex::marker::starts_with_marker(s)
    };
    let mut i = 0;
    while i < lines.len() {
        if !is_short(&lines[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < lines.len() && is_short(&lines[j]) {
            j += 1;
        }
        if j - i >= 4 {
            for l in &mut lines[i..j] {
                l.kind = LineKind::Chrome;
            }
        }
        i = j;
    }
}

// ---- metadata -------------------------------------------------------------------------

/// Words that make a line a report title.
const TITLE_TOPICS: &[&str] = &["法治政府", "依法行政", "法治建设", "法治"];
const TITLE_KINDS: &[&str] = &["报告", "情况", "总结", "工作"];

/// Endings of an issuing body's name in a signature block.
const ISSUER_ENDINGS: &[&str] = &[
    "人民政府",
    "政府",
    "办公室",
    "委员会",
    "司法局",
    "局",
    "厅",
    "委",
    "办",
    "街道办事处",
    "办事处",
    "镇",
    "乡",
    "区",
    "县",
    "市",
];

/// Title, year, publication date and issuer of a report.
pub fn find_meta(text: &str, doc: &Document) -> Meta {
    let mut meta = Meta::default();
    let line_str = |l: &Line| &text[l.span.start..l.span.end];

    // Title: the first early line that names the topic and the genre; not a sentence.
    for l in doc.lines.iter().take(40) {
        let s = line_str(l);
        if l.kind == LineKind::Text
            && char_len(s) <= 60
            && !s.contains(['。', ',', ';'])
            && TITLE_TOPICS.iter().any(|t| s.contains(t))
            && TITLE_KINDS.iter().any(|t| s.contains(t))
            && !crate::lex::marker::starts_with_marker(s)
        {
            meta.title_span = Some(l.span);
            break;
        }
    }
    if meta.title_span.is_none() {
        meta.title_span = doc
            .text_lines()
            .take(6)
            .find_map(|l| title_in_sentence(text, l.span));
    }
    let title = meta.title_span.map(|s| &text[s.start..s.end]);

    // Year covered: title, else the first text line that starts with it.
    meta.year = title.and_then(first_year).or_else(|| {
        doc.text_lines()
            .take(8)
            .find_map(|l| leading_year(line_str(l)))
    });

    // Publication date: a labelled date, else a date alone near the end (signature).
    for l in doc.lines.iter().take(30) {
        let s = line_str(l);
        if l.kind == LineKind::Text && !s.starts_with("发布") && !s.starts_with("日期") {
            continue;
        }
        if s.starts_with("今天是") {
            continue;
        }
        for label in [
            "发布时间",
            "发布日期",
            "成文日期",
            "发文日期",
            "日期",
            "时间",
        ] {
            if let Some(p) = s.find(label) {
                if let Some(d) = parse_date(&s[p + label.len()..]) {
                    meta.published = Some(d);
                    meta.published_span = Some(l.span);
                    break;
                }
            }
        }
        if meta.published.is_some() {
            break;
        }
    }
    let signature = find_signature(text, doc);
    if meta.published.is_none() {
        if let Some((_, d)) = signature {
            meta.published = parse_date(&text[d.start..d.end]);
            meta.published_span = meta.published.as_ref().map(|_| d);
        }
    }
    if meta.published.is_none() {
        // A bare date line right under the title (`08.01.2018  19:40`).
        if let Some((d, l)) = doc
            .lines
            .iter()
            .take(4)
            .find_map(|l| Some((parse_date_line(line_str(l))?, l.span)))
        {
            meta.published = Some(d);
            meta.published_span = Some(l);
        }
    }

    // Issuer: signature, else the title's prefix, else a 来源 label. Spans, so that the
    // caller can quote the original script.
    // The signer is the issuer when it names a body (人民政府, 司法局, 镇 …).
    meta.issuer_span = signature.and_then(|(i, _)| i).filter(|p| {
        let ps = &text[p.start..p.end];
        ISSUER_ENDINGS.iter().any(|e| ps.ends_with(e))
    });
    if meta.issuer_span.is_none() {
        meta.issuer_span = meta.title_span.and_then(|t| title_issuer(text, t));
    }
    if meta.issuer_span.is_none() {
        meta.issuer_span = doc
            .lines
            .iter()
            .take(30)
            .find_map(|l| source_label(text, l.span));
    }
    if meta.year.is_none() {
        meta.year_from_published = true;
        meta.year = meta
            .published
            .as_deref()
            .and_then(|d| d.get(..4)?.parse::<u16>().ok())
            .map(|y| y - 1);
    }
    meta
}

/// Places whose name opens a document title: `兰州市…`, `峡山区…`, `当前乡镇…`.
const TITLE_PLACES: &[&str] = &["省", "市", "区", "县", "州", "旗", "镇", "乡", "街道"];

/// Where a document starts or ends on a page that carries several (an exam page with model
/// answers, a portal page with two cities' reports), as byte offsets: the start of every
/// document title and the end of every signature date. Figures of two documents are never
/// compared. A document title is a text line of at most 40 characters without sentence
/// punctuation (a comma is allowed: `兰州市打出“组合拳”,提高法治政府建设成效`) nor a heading
/// marker, that names the topic (`法治政府` `依法行政` `法治建设` `法治`) and either a place (`南通市…`) or the
/// genre (`关于…`, `…报告`); a heading without marker (`加强法治政府建设组织领导`) is none.
/// A signature date is a line that is only a date (`2020年1月10日`).
pub fn document_bounds(text: &str, doc: &Document) -> Vec<usize> {
    let mut out = Vec::new();
    for l in doc.text_lines() {
        let s = &text[l.span.start..l.span.end];
        if s.len() > 40 * 3 {
            continue;
        }
        let n = char_len(s);
        if n <= 16 && s.ends_with('日') && s.contains('年') && parse_date(s).is_some() {
            out.push(l.span.end);
        } else if n <= 40
            && !s.contains(['。', ';', '!', '?', ':'])
            && TITLE_TOPICS.iter().any(|t| s.contains(t))
            && (s.starts_with("关于")
                || s.ends_with("报告")
                || TITLE_PLACES.iter().any(|p| s.contains(p)))
            && !crate::lex::marker::starts_with_marker(s)
        {
            out.push(l.span.start);
        }
    }
    out
}

/// A title named in the opening sentence: `现将白沙镇2023年度法治政府建设情况报告如下`.
fn title_in_sentence(text: &str, line: Span) -> Option<Span> {
    let s = &text[line.start..line.end];
    let a = s.find("现将")? + "现将".len();
    let b = a + s[a..].find("如下")?;
    let t = &s[a..b];
    (t.ends_with("报告")
        && TITLE_TOPICS.iter().any(|w| t.contains(w))
        && (6..=50).contains(&char_len(t)))
    .then(|| Span::new(line.start + a, line.start + b))
}

/// A line that is only a date (and maybe a time).
fn parse_date_line(s: &str) -> Option<String> {
    (char_len(s) <= 24 && s.starts_with(|c: char| c.is_ascii_digit()))
        .then(|| parse_date(s))
        .flatten()
}

/// The signature block: a date line near the end (`2020年1月10日`) and, just before it, the
/// signer's line when it is short, unpunctuated and without digits (`梅列区人民政府`).
pub(crate) fn find_signature(text: &str, doc: &Document) -> Option<(Option<Span>, Span)> {
    let lines = &doc.lines;
    let start = lines.len().saturating_sub(40);
    for k in (start..lines.len()).rev() {
        let l = lines[k].span;
        let s = &text[l.start..l.end];
        if char_len(s) <= 16 && s.ends_with('日') && s.contains('年') && parse_date(s).is_some() {
            let signer = (k > 0).then(|| lines[k - 1].span).filter(|p| {
                let ps = &text[p.start..p.end];
                char_len(ps) <= 30
                    && !ps.contains(SENTENCE_PUNCT)
                    && !ps.chars().any(|c| c.is_ascii_digit())
            });
            return Some((signer, l));
        }
    }
    None
}

/// The issuer named before the year in a title: `深圳市盐田区司法局2021年…` → `深圳市盐田区司法局`.
fn title_issuer(text: &str, title: Span) -> Option<Span> {
    let t = &text[title.start..title.end];
    let p = t.find(|c: char| c.is_ascii_digit())?;
    let v = t[..p].trim_end();
    (char_len(v) >= 2 && ISSUER_ENDINGS.iter().any(|e| v.ends_with(e)))
        .then(|| Span::new(title.start, title.start + v.len()))
}

/// The value of a `来源:` label, up to a space, a digit or the next label.
fn source_label(text: &str, line: Span) -> Option<Span> {
    let s = &text[line.start..line.end];
    ["信息来源", "文章来源", "发布机构", "发文机构", "来源"]
        .iter()
        .find_map(|label| {
            let p = s.find(label)? + label.len();
            let skip = s[p..].len() - s[p..].trim_start_matches([':', ' ']).len();
            let rest = &s[p + skip..];
            let mut end = rest
                .find(|c: char| c == ' ' || c == '|' || c.is_ascii_digit())
                .unwrap_or(rest.len());
            for l in META_LABELS {
                if let Some(q) = rest[..end].find(l) {
                    end = q;
                }
            }
            let v = rest[..end].trim_end_matches([':', ' ']);
            (!v.is_empty() && char_len(v) <= 30)
                .then(|| Span::new(line.start + p + skip, line.start + p + skip + v.len()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        split_lines(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn stop_bytes_are_found_like_a_plain_search() {
        let text = "一、工作成效\n(一)“形成闭环” 落实\r\n共3件。\u{2028}末尾 x".repeat(3);
        let b = text.as_bytes();
        for from in 0..=b.len() {
            let naive = (from..b.len()).find(|&i| matches!(b[i], b'\n' | b'\r' | b' ' | 0xE2));
            assert_eq!(next_stop_byte(b, from), naive, "from {from}");
        }
    }

    #[test]
    fn runs_of_spaces_break_a_line_only_where_a_break_was_lost() {
        // Indentation after a sentence end, and before a marker (view: `　　` is two spaces).
        assert_eq!(
            lines("稳步前进。  一、工作成效  (一)形成闭环,落实主体责任  深入学习。  共3件"),
            [
                "稳步前进。",
                "一、工作成效",
                "(一)形成闭环,落实主体责任  深入学习。",
                "共3件"
            ]
        );
        // Look-alikes stay whole: a date and time, table cells, font switches, quotes.
        for s in [
            "08.01.2018  19:40",
            "项目  数量",
            "字号:【大 中 小】",
            "“八五” 普法",
            "附件 1",
            "A. 1.5",
        ] {
            assert_eq!(lines(s), [s]);
        }
        // One space: after `。`, or between an ideograph and a marker.
        assert_eq!(
            lines("报告如下: 一、成效 (一)形成闭环。全区共3件。 (二)推进"),
            [
                "报告如下:",
                "一、成效",
                "(一)形成闭环。全区共3件。",
                "(二)推进"
            ]
        );
        // A marker-like number that is no marker (`3.5个`) does not break.
        assert_eq!(lines("平均  3.5个工作日"), ["平均  3.5个工作日"]);
    }

    fn kinds(text: &str) -> Vec<(String, LineKind)> {
        let d = Document::new(text);
        d.lines
            .iter()
            .map(|l| (text[l.span.start..l.span.end].to_string(), l.kind))
            .collect()
    }

    #[test]
    fn classifies_chrome_meta_and_text() {
        let t = "梅列区2019年法治政府建设工作情况报告\n\n发布时间:2020-01-24 13:27 信息来源:梅列区政府 点击数:{{ pvCount }} 字号:【\n\n一、强化法治政府建设的组织领导\n— 1 —\n扫一扫在手机上打开当前页";
        let k = kinds(t);
        assert_eq!(k[0].1, LineKind::Text, "title is text");
        assert_eq!(k[1].1, LineKind::Chrome, "counter line is chrome");
        assert_eq!(k[2].1, LineKind::Text, "heading is text");
        assert_eq!(k[3].1, LineKind::Chrome, "page footer");
        assert_eq!(k[4].1, LineKind::Chrome, "QR prompt");
    }

    #[test]
    fn link_lists_are_chrome_but_lone_headings_are_not() {
        let t = "国务院部门网站\n地方政府网站\n市政府部门网站\n区县政府网站\n其他网站";
        assert!(kinds(t).iter().all(|(_, k)| *k == LineKind::Chrome));
        let t = "第一段正文内容很长，有标点。\n坚持严格规范公正文明执法\n(一)健全行政执法和刑事司法衔接机制";
        assert!(kinds(t).iter().all(|(_, k)| *k == LineKind::Text));
    }

    #[test]
    fn attachment_lists_are_meta_but_printed_attachments_are_text() {
        use LineKind::{Meta, Text};
        let t = "三、下一步工作计划\n附件:1.2023年法治政府建设统计表\n2.重点工作清单\n3.考核情况。全年考核12次。\n某区人民政府";
        let k: Vec<LineKind> = kinds(t).into_iter().map(|(_, k)| k).collect();
        assert_eq!(
            k,
            [Text, Meta, Meta, Text, Text],
            "the list and its continued numbering; a line with a sentence is no item"
        );
        let t = "附件:\n1.统计表\n3.清单\n附件1\n统计表\n一、基本情况";
        let k: Vec<LineKind> = kinds(t).into_iter().map(|(_, k)| k).collect();
        assert_eq!(
            k[1..],
            [Meta, Text, Text, Text, Text],
            "3. does not continue 1."
        );
    }

    #[test]
    fn reads_meta() {
        let t = "梅列区2019年法治政府建设工作情况报告\n发布时间:2020-01-24 13:27 信息来源:梅列区政府 点击数:1\n正文。\n梅列区人民政府\n2020年1月10日\n附件:";
        let d = Document::new(t);
        let m = find_meta(t, &d);
        assert_eq!(m.year, Some(2019));
        assert_eq!(m.published.as_deref(), Some("2020-01-24"));
        assert_eq!(
            m.issuer_span.map(|s| &t[s.start..s.end]),
            Some("梅列区人民政府")
        );
    }

    #[test]
    fn finds_a_title_named_in_the_opening_sentence() {
        let t = "发布日期:2024-02-23 09:44:14 大 中 小\n2023年以来,白沙镇坚持依法行政。现将白沙镇2023年度法治政府建设情况报告如下:\n一、主要举措";
        let d = Document::new(t);
        let m = find_meta(t, &d);
        assert_eq!(
            m.title_span.map(|s| &t[s.start..s.end]),
            Some("白沙镇2023年度法治政府建设情况报告")
        );
        assert_eq!(m.issuer_span.map(|s| &t[s.start..s.end]), Some("白沙镇"));
        let t = "来源:盐田区司法局发布时间:2022-02-07";
        assert_eq!(
            source_label(t, Span::new(0, t.len())).map(|s| &t[s.start..s.end]),
            Some("盐田区司法局")
        );
        assert_eq!(m.published.as_deref(), Some("2024-02-23"));
    }
}
