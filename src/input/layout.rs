//! Positioned text → reading-order paragraphs, for the fixed-layout readers (PDF, OFD).
//!
//! A reader hands in [`Page`]s of [`Run`]s (glyphs on one baseline in one size, in any
//! order); [`to_text`] gives the text the analysis reads: one paragraph per line, page chrome
//! removed. The rules below are those a person applies when reading a printed report.
//!
//! ## 1. Lines
//! Runs whose baselines lie within 0.4 em of each other form a line (superscripts and
//! subscripts stay on their line); lines are read top to bottom, runs left to right. A run
//! drawn twice at (almost) the same place — "fake bold" — is read once. Between two runs a
//! space is inserted only for a visible gap:
//!
//! | between | space when the gap is more than |
//! |---|---|
//! | Chinese and Chinese | 1.5 em (table cells, spaced-out fields) |
//! | Chinese and Latin or digits | ⅓ em |
//! | Latin or digits on both sides | 0.17 em (a word space) |
//!
//! Word processors leave a gap of about ¼ em between Chinese and digits (LibreOffice 0.2 em,
//! "autospace"); it is not a space in the text, so `39个` stays `39个`. Spaces drawn as
//! glyphs are kept as drawn.
//!
//! ## 2. Page chrome
//! In the top and bottom 12% of a page (its box, unless no text of the document reaches half
//! of it: then the text's own extent, see `band_heights`), the first and last three lines are dropped when they
//! are a page number — `— 1 —`, `- 1 -`, `·1·`, `1`, `第1页 共5页`, `第 1 页`, `1/5`,
//! `Page 1 of 5`, `(1)`, a Roman numeral — or a running header or footer: the same text
//! (digits aside) in a band on at least two pages and 40% of them. A repeated line is kept
//! where it is set larger than elsewhere (the title on page one that the header repeats).
//!
//! ## 3. Paragraphs
//! The text block's left edge is the most common line start and its right edge the 90th
//! percentile of the ends of lines of ten characters or more (per page width). A line
//! starts a new paragraph when
//! * it is the first line;
//! * it is more than 1.4 line pitches below the line before (paragraph spacing, a blank
//!   line) on the same page; the pitch is the median baseline distance in ems;
//! * its font size differs from the line before by more than 15%;
//! * the line before ends well short of the right edge: the room left there would have
//!   held this line's first word (a Chinese character with the punctuation that must
//!   follow it, or a run of Latin letters and digits) with half an em to spare, and at
//!   least one em;
//! * it starts 1 em or more right of the left edge: a first-line indent (about 2 em), a
//!   centred or right-aligned line;
//! * it begins with a heading marker (`一、` `（一）` `(一)` `1.` `1、` `（1）` `①`
//!   `第一部分` `第一章` `第一节` …) and the line before ends a sentence (`。！？：` and
//!   their ASCII forms, possibly followed by a closing quote or bracket). Markers inside a
//!   sentence (`…；（二）…`) do not split it. `一是` `二是` … count only in documents that
//!   mark paragraphs neither by indents nor by spacing (at least three lines and 5% of them
//!   show the convention): such enumerations run on inside a paragraph (`…。二是…`) as often
//!   as they start one, and where the document indents, a new one is indented.
//!
//! Otherwise the line continues the paragraph, also across a page break (chrome removed).
//! One exception keeps a wrapped centred title on one line: a centred line (1 em or more
//! in, as far from the right edge as from the left) does not start a paragraph when the
//! line before is of the same size, at most 1.6 pitches above, at least 60% of the text
//! width (it wrapped), and itself centred or among the first three lines of the document.
//!
//! Wrapped lines join without a space, except between two Latin letters or digits (a word
//! wrapped at a space) or after Latin punctuation in Latin text. Each paragraph is trimmed.
//!
//! ## Not handled
//! Multi-column layouts (columns on one baseline are read as one line), hanging indents
//! (their second line reads as a new paragraph), vertical writing, footnotes that interrupt
//! a paragraph across a page break (the continuation starts a new paragraph).
//!
//! Any input is accepted: runs with non-finite or non-positive numbers, or no text, are
//! ignored; the work is O(n log n) in the number of runs.

/// One page of positioned text; coordinates in points, origin top-left, y grows downward.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The text drawn on the page, in any order.
    pub runs: Vec<Run>,
}

/// Glyphs drawn on one baseline in one font size, left to right.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Run {
    /// Left edge of the first glyph.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Advance width of all the glyphs.
    pub width: f32,
    /// Font size (em height).
    pub size: f32,
    /// The glyphs' text.
    pub text: String,
}

/// Reading-order text: one paragraph per line, page chrome removed.
pub fn to_text(pages: &[Page]) -> String {
    let mut lines: Vec<Line> = Vec::new();
    let mut page_lines: Vec<Vec<Line>> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| page_lines(i, p))
        .collect();
    remove_chrome(pages, &mut page_lines);
    for l in page_lines {
        lines.extend(l);
    }
    let geometry = Geometry::measure(pages, &lines);
    paragraphs(&lines, &geometry).join("\n")
}

// ---- lines ------------------------------------------------------------------------------

/// A line of text on a page.
#[derive(Clone, Debug)]
struct Line {
    page: usize,
    /// Baseline.
    y: f32,
    /// Start of the first visible glyph and end of the last.
    x0: f32,
    x1: f32,
    /// The size of most of the line's characters.
    size: f32,
    /// Text without leading or trailing whitespace.
    text: String,
}

/// Estimated width of a character in ems (for prorating a run's width).
fn char_weight(c: char) -> f32 {
    if is_wide(c) {
        1.0
    } else {
        0.55
    }
}

/// Characters set on a full em: CJK ideographs and punctuation, kana, hangul, full-width
/// forms.
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{303F}'
        | '\u{3040}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// A run checked and cleaned: finite numbers, control characters as spaces.
fn clean_run(r: &Run) -> Option<Run> {
    let ok = [r.x, r.y, r.width, r.size].iter().all(|v| v.is_finite())
        && r.size > 0.0
        && r.size < 10_000.0
        && r.x.abs() < 1e6
        && r.y.abs() < 1e6
        && r.width.abs() < 1e6;
    if !ok || r.text.is_empty() {
        return None;
    }
    let text: String = r
        .text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    Some(Run {
        x: r.x,
        y: r.y,
        width: r.width.max(0.0),
        size: r.size,
        text,
    })
}

/// The lines of a page, top to bottom.
fn page_lines(page_index: usize, page: &Page) -> Vec<Line> {
    let mut runs: Vec<Run> = page.runs.iter().filter_map(clean_run).collect();
    runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<Run>> = Vec::new();
    let mut current: Vec<Run> = Vec::new();
    let (mut top, mut max_size) = (0.0f32, 0.0f32);
    for run in runs {
        if let Some(first) = current.first() {
            let tolerance = 0.4 * max_size.max(run.size);
            if run.y - top > tolerance || (run.y - first.y).abs() > tolerance {
                groups.push(std::mem::take(&mut current));
            }
        }
        if current.is_empty() {
            top = run.y;
            max_size = run.size;
        }
        max_size = max_size.max(run.size);
        current.push(run);
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
        .into_iter()
        .filter_map(|g| build_line(page_index, g))
        .collect()
}

/// Joins a line's runs left to right with the spaces their gaps call for.
fn build_line(page: usize, mut runs: Vec<Run>) -> Option<Line> {
    runs.sort_by(|a, b| a.x.total_cmp(&b.x));
    // Fake bold: the same text drawn again a hair to the side.
    let mut kept: Vec<Run> = Vec::with_capacity(runs.len());
    for r in runs {
        let duplicate = kept.iter().rev().take(4).any(|k| {
            k.text == r.text && (k.x - r.x).abs() < 0.3 * r.size && (k.y - r.y).abs() < 0.3 * r.size
        });
        if !duplicate {
            kept.push(r);
        }
    }
    // The line's size and baseline: those of the runs holding most characters.
    let mut by_size: Vec<(f32, f32, usize)> = Vec::new();
    for r in &kept {
        let n = r.text.chars().count();
        match by_size
            .iter_mut()
            .find(|s| (s.0 - r.size).abs() < 0.05 * r.size)
        {
            Some(s) => s.2 += n,
            None => by_size.push((r.size, r.y, n)),
        }
    }
    let (size, y, _) = by_size
        .iter()
        .copied()
        .max_by(|a, b| a.2.cmp(&b.2).then(a.0.total_cmp(&b.0)))?;
    let mut text = String::new();
    let mut prev: Option<&Run> = None;
    for r in &kept {
        if let Some(p) = prev {
            let gap = r.x - (p.x + p.width);
            let em = 0.5 * (p.size + r.size);
            if needs_space(p.text.chars().next_back(), r.text.chars().next(), gap / em) {
                text.push(' ');
            }
        }
        text.push_str(&r.text);
        prev = Some(r);
    }
    let first = kept.first()?;
    let last = kept.last()?;
    let x0 = first.x + leading_space_width(first);
    let x1 = last.x + last.width - trailing_space_width(last);
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    Some(Line {
        page,
        y,
        x0,
        x1: x1.max(x0),
        size,
        text: trimmed.to_string(),
    })
}

/// Whether a gap of `gap_em` between characters `a` and `b` is a space (see the module docs).
fn needs_space(a: Option<char>, b: Option<char>, gap_em: f32) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    if a.is_whitespace() || b.is_whitespace() {
        return false;
    }
    let threshold = match (is_wide(a), is_wide(b)) {
        (true, true) => 1.5,
        (false, false) => 0.17,
        _ => 1.0 / 3.0,
    };
    gap_em > threshold
}

/// The width of a run's share taken by `chars`, prorated by estimated character widths.
fn share(run: &Run, chars: impl Iterator<Item = char>) -> f32 {
    let total: f32 = run.text.chars().map(char_weight).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let part: f32 = chars.map(char_weight).sum();
    run.width * part / total
}

fn leading_space_width(run: &Run) -> f32 {
    share(run, run.text.chars().take_while(|c| c.is_whitespace()))
}

fn trailing_space_width(run: &Run) -> f32 {
    share(
        run,
        run.text.chars().rev().take_while(|c| c.is_whitespace()),
    )
}

// ---- page chrome ------------------------------------------------------------------------

/// The page height the bands are measured on, for every page: the page box, unless no text
/// of the whole document reaches half of it. A box that large is in another unit than the
/// text (a PDF converted to OFD: boxes in points, text in millimetres scaled down), so the
/// height is the text's own extent mirrored — the lowest line's bottom plus the highest
/// line's top margin — as it is on a printed page whose header and footer sit as far from
/// the edges. PDF and OFD pages of one document then drop the same chrome.
fn band_heights(pages: &[Page], page_lines: &[Vec<Line>]) -> Vec<f32> {
    let boxed = |p: &Page| p.height.is_finite() && p.height > 0.0;
    let mut top = f32::INFINITY;
    let mut bottom = 0.0f32;
    let mut plausible = false;
    for (p, lines) in pages.iter().zip(page_lines) {
        for l in lines {
            top = top.min(l.y - l.size);
            bottom = bottom.max(l.y + 0.25 * l.size);
            plausible |= !boxed(p) || l.y >= 0.5 * p.height;
        }
    }
    let extent = (bottom + top.max(0.0)).max(1.0);
    pages
        .iter()
        .zip(page_lines)
        .map(|(p, lines)| {
            if boxed(p) && (plausible || lines.is_empty()) {
                p.height
            } else if boxed(p) {
                extent
            } else {
                lines.iter().map(|l| l.y).fold(0.0, f32::max) + 1.0
            }
        })
        .collect()
}

/// Lines in a page's top or bottom band that may be chrome, the page `h` high: (index, in
/// the top band).
fn band_lines(h: f32, lines: &[Line]) -> Vec<usize> {
    let n = lines.len();
    (0..n)
        .filter(|&i| {
            let y = lines.get(i).map_or(0.0, |l| l.y);
            (i < 3 && y < 0.12 * h) || (i + 3 >= n && y > 0.88 * h)
        })
        .collect()
}

/// The text with digits folded and spaces removed, to compare headers across pages.
fn signature(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// `— 1 —`, `- 1 -`, `1`, `第1页 共5页`, `1/5`, `Page 1 of 5`, `(1)`, `iv` …
pub(crate) fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() || t.chars().count() > 24 {
        return false;
    }
    let dashes = |c: char| {
        matches!(
            c,
            '-' | '—' | '–' | '－' | '‒' | '―' | '~' | '～' | '·' | '•' | '.' | '_' | '﹣'
        )
    };
    // — 1 —, - 1 -, 1
    let core = t.trim_matches(dashes);
    if !core.is_empty() && core.len() <= 4 && core.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // (1), （1）
    let inner = core
        .strip_prefix(['(', '（', '['])
        .and_then(|s| s.strip_suffix([')', '）', ']']));
    if inner.is_some_and(|s| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
    {
        return true;
    }
    // Roman numerals
    if core.len() <= 6 && !core.is_empty() && core.chars().all(|c| "ivxlcIVXLC".contains(c)) {
        return true;
    }
    // 1/5
    if let Some((a, b)) = core.split_once(['/', '／']) {
        if is_digits(a) && is_digits(b) {
            return true;
        }
    }
    // 第1页, 第1页共5页, 共5页第1页, 第1页/共5页, 第 1 页，共 5 页
    let rest = strip_page_phrase(core, '第').and_then(|r| {
        let r = r.trim_start_matches([',', '，', '/', '／', '、']);
        if r.is_empty() {
            Some(r)
        } else {
            strip_page_phrase(r, '共')
        }
    });
    if rest == Some("") {
        return true;
    }
    if strip_page_phrase(core, '共').and_then(|r| strip_page_phrase(r, '第')) == Some("") {
        return true;
    }
    // Page 1 of 5
    let lower = core.to_ascii_lowercase();
    if let Some(r) = lower.strip_prefix("page") {
        let (a, b) = match r.split_once("of") {
            Some((a, b)) => (a, Some(b)),
            None => (r, None),
        };
        return is_digits(a) && b.is_none_or(is_digits);
    }
    false
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Strips `第12页` (or `共12页`) from the start.
fn strip_page_phrase(s: &str, lead: char) -> Option<&str> {
    let r = s.strip_prefix(lead)?;
    let digits = r.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    r.get(digits..)?.strip_prefix('页')
}

/// Drops page numbers and running headers and footers (see the module docs).
fn remove_chrome(pages: &[Page], page_lines: &mut [Vec<Line>]) {
    let bands: Vec<Vec<usize>> = band_heights(pages, page_lines)
        .into_iter()
        .zip(page_lines.iter())
        .map(|(h, l)| band_lines(h, l))
        .collect();
    // Signature → (pages it appears on, smallest size).
    let mut seen: std::collections::HashMap<String, (usize, usize, f32)> = Default::default();
    for (pi, band) in bands.iter().enumerate() {
        let Some(lines) = page_lines.get(pi) else {
            continue;
        };
        let mut on_page = std::collections::HashSet::new();
        for &i in band {
            let Some(line) = lines.get(i) else { continue };
            let sig = signature(&line.text);
            if on_page.insert(sig.clone()) {
                let e = seen.entry(sig).or_insert((0, pi, f32::MAX));
                e.0 += 1;
                e.2 = e.2.min(line.size);
            }
        }
    }
    let pages_with_lines = page_lines.iter().filter(|l| !l.is_empty()).count();
    for (pi, band) in bands.iter().enumerate() {
        let Some(lines) = page_lines.get_mut(pi) else {
            continue;
        };
        let mut drop = vec![false; lines.len()];
        for &i in band {
            let Some(line) = lines.get(i) else { continue };
            let repeated = seen
                .get(&signature(&line.text))
                .is_some_and(|&(count, _, min_size)| {
                    count >= 2
                        && count as f32 >= 0.4 * pages_with_lines as f32
                        && line.size <= 1.2 * min_size
                });
            if let Some(d) = drop.get_mut(i) {
                *d = repeated || is_page_number(&line.text);
            }
        }
        let mut k = 0;
        lines.retain(|_| {
            let keep = !drop.get(k).copied().unwrap_or(false);
            k += 1;
            keep
        });
    }
}

// ---- paragraphs -------------------------------------------------------------------------

/// The text block's edges per page width, and the line pitch.
struct Geometry {
    /// (left edge, right edge) per group of pages of one width.
    blocks: Vec<(f32, f32)>,
    /// Median baseline distance between consecutive lines, in ems.
    pitch_em: f32,
    /// The group of each page.
    page_groups: Vec<usize>,
    /// Paragraphs are marked by first-line indents or by spacing (enough lines show it).
    has_convention: bool,
}

fn percentile(values: &mut [f32], p: f32) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f32::total_cmp);
    let i = ((values.len() - 1) as f32 * p).round() as usize;
    values.get(i).copied()
}

impl Geometry {
    fn measure(pages: &[Page], lines: &[Line]) -> Geometry {
        // Pages grouped by width (to the half point).
        let keys: Vec<u32> = pages
            .iter()
            .map(|p| ((p.width * 2.0).round() / 2.0).to_bits())
            .collect();
        let mut distinct = keys.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let page_groups: Vec<usize> = keys
            .iter()
            .map(|k| distinct.binary_search(k).unwrap_or(0))
            .collect();
        let mut groups: Vec<Vec<&Line>> = vec![Vec::new(); distinct.len()];
        for l in lines {
            if let Some(g) = page_groups.get(l.page).and_then(|&g| groups.get_mut(g)) {
                g.push(l);
            }
        }
        let mut blocks = Vec::with_capacity(groups.len());
        for group in groups {
            // Left: the most common start (to the point).
            let mut starts: Vec<i64> = group.iter().map(|l| l.x0.round() as i64).collect();
            starts.sort_unstable();
            let mut best = (0usize, 0i64);
            let mut i = 0;
            while let Some(&v) = starts.get(i) {
                let n = starts
                    .get(i..)
                    .map_or(0, |s| s.iter().take_while(|&&x| x == v).count());
                if n > best.0 {
                    best = (n, v);
                }
                i += n.max(1);
            }
            let left = group
                .iter()
                .map(|l| l.x0)
                .filter(|x| (x - best.1 as f32).abs() <= 0.5)
                .fold(f32::MAX, f32::min);
            let left = if left == f32::MAX {
                best.1 as f32
            } else {
                left
            };
            let mut ends: Vec<f32> = group
                .iter()
                .filter(|l| l.text.chars().count() >= 10)
                .map(|l| l.x1)
                .collect();
            if ends.is_empty() {
                ends = group.iter().map(|l| l.x1).collect();
            }
            let right = percentile(&mut ends, 0.9).unwrap_or(left).max(left);
            blocks.push((left, right));
        }
        let mut pitches: Vec<f32> = lines
            .windows(2)
            .filter_map(|p| match p {
                [a, b] if a.page == b.page && (a.size - b.size).abs() <= 0.1 * a.size => {
                    let d = (b.y - a.y) / a.size;
                    (d > 0.8 && d < 3.0).then_some(d)
                }
                _ => None,
            })
            .collect();
        let pitch_em = percentile(&mut pitches, 0.5).unwrap_or(1.5);
        let mut g = Geometry {
            blocks,
            pitch_em,
            page_groups,
            has_convention: false,
        };
        // Indented lines (1.5–3 em) and spaced lines (1.4 pitches or more).
        let indented = lines
            .iter()
            .filter(|l| {
                let (left, _) = g.block(l.page);
                let indent = (l.x0 - left) / l.size;
                (1.5..=3.0).contains(&indent)
            })
            .count();
        let spaced = lines
            .windows(2)
            .filter(|p| match p {
                [a, b] => a.page == b.page && b.y - a.y > 1.4 * g.pitch_em * a.size.max(b.size),
                _ => false,
            })
            .count();
        let enough = |n: usize| n >= 3 && n * 20 >= lines.len();
        g.has_convention = enough(indented) || enough(spaced);
        g
    }

    /// (left, right) of the text block on a page.
    fn block(&self, page: usize) -> (f32, f32) {
        self.page_groups
            .get(page)
            .and_then(|&g| self.blocks.get(g))
            .copied()
            .unwrap_or((0.0, 0.0))
    }
}

/// Sentence-ending punctuation (a closing quote or bracket may follow).
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['”', '’', '"', '\'', '）', ')', '】', '》', '」', '』']);
    t.ends_with(['。', '！', '？', '：', '!', '?', ':', '.'])
}

/// Punctuation that must not start a line; kept with the character before it.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '”'
            | '’'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | '%'
            | '％'
    )
}

/// Punctuation that must not end a line; kept with the character after it.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '（' | '《' | '「' | '『' | '【' | '〔' | '(' | '[' | '"' | '\''
    )
}

/// Estimated width in ems of the first word of a line (where a wrap could have broken):
/// opening punctuation, a character or a run of Latin letters and digits, closing
/// punctuation.
fn first_word_em(text: &str) -> f32 {
    let mut chars = text.chars().peekable();
    let mut w = 0.0;
    while let Some(&c) = chars.peek() {
        if !is_opening(c) {
            break;
        }
        w += char_weight(c);
        chars.next();
    }
    let Some(first) = chars.next() else { return w };
    w += char_weight(first);
    if first.is_ascii_alphanumeric() {
        while let Some(&c) = chars.peek() {
            if !(c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '-' | '_' | '/' | '%' | '·'))
            {
                break;
            }
            w += char_weight(c);
            chars.next();
        }
    }
    while let Some(&c) = chars.peek() {
        if !is_closing(c) {
            break;
        }
        w += char_weight(c);
        chars.next();
    }
    w
}

const CN_DIGITS: &str = "一二三四五六七八九十百零〇两";

/// A heading marker at the start of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    /// `一、` `（一）` `1.` `第一部分` …: headings and list items.
    Heading,
    /// `一是` `二是` …: enumerations that run on inside a paragraph as often as they start
    /// one.
    RunIn,
}

/// The heading marker a line begins with (see the module docs).
fn starts_with_marker(text: &str) -> Option<Marker> {
    let t = text.trim_start();
    let numeral_len = |s: &str| s.chars().take_while(|c| CN_DIGITS.contains(*c)).count();
    let digit_len = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    // 一、 一是
    let n = numeral_len(t);
    if n > 0 && n <= 3 {
        let rest: String = t.chars().skip(n).take(1).collect();
        match rest.as_str() {
            "、" | "．" => return Some(Marker::Heading),
            "是" => return Some(Marker::RunIn),
            _ => {}
        }
    }
    // （一） (一) （1） (1)
    if let Some(rest) = t.strip_prefix(['（', '(']) {
        let n = numeral_len(rest);
        let d = digit_len(rest);
        let after = if n > 0 {
            rest.chars().skip(n).collect::<String>()
        } else {
            rest.get(d..).unwrap_or("").to_string()
        };
        if (n > 0 && n <= 3 || d > 0 && d <= 2) && after.starts_with(['）', ')']) {
            return Some(Marker::Heading);
        }
    }
    // 1. 1、 1． (not 1.5)
    let d = digit_len(t);
    if d > 0 && d <= 2 {
        let rest = t.get(d..).unwrap_or("");
        if let Some(after) = rest.strip_prefix(['.', '、', '．']) {
            if !after.starts_with(|c: char| c.is_ascii_digit()) {
                return Some(Marker::Heading);
            }
        }
    }
    // 第一部分 第二章 第三节 第四篇 第1部分
    if let Some(rest) = t.strip_prefix('第') {
        let n = numeral_len(rest).max(digit_len(rest));
        if n > 0 && n <= 3 {
            let after: String = rest.chars().skip(n).take(2).collect();
            if after.starts_with(['章', '节', '篇']) || after == "部分" {
                return Some(Marker::Heading);
            }
        }
    }
    // ① ㈠
    t.starts_with(|c: char| matches!(c, '\u{2460}'..='\u{2473}' | '\u{3220}'..='\u{3229}'))
        .then_some(Marker::Heading)
}

/// Joins a wrapped line to its paragraph.
fn join(paragraph: &mut String, line: &str) {
    let a = paragraph.chars().next_back();
    let b = line.chars().next();
    let space = match (a, b) {
        (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() => true,
        (Some(a), Some(b))
            if matches!(a, ',' | '.' | ';' | ':' | '!' | '?' | ')')
                && b.is_ascii_alphanumeric() =>
        {
            // Latin text: no CJK among the last characters.
            !paragraph.chars().rev().take(12).any(is_wide)
        }
        _ => false,
    };
    if space {
        paragraph.push(' ');
    }
    paragraph.push_str(line);
}

fn paragraphs(lines: &[Line], g: &Geometry) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev: Option<&Line> = None;
    for (index, line) in lines.iter().enumerate() {
        let (left, right) = g.block(line.page);
        let text_width = (right - left).max(1.0);
        let em = line.size;
        let centred = |l: &Line| {
            let (lg, rg) = (l.x0 - left, right - l.x1);
            lg >= l.size && (lg - rg).abs() <= (1.5 * l.size).max(0.05 * text_width)
        };
        let starts = match prev {
            None => true,
            Some(p) => {
                let same_page = p.page == line.page;
                let pitch = g.pitch_em * p.size.max(line.size);
                let gap = line.y - p.y;
                let size_change = (line.size - p.size).abs() > 0.15 * p.size.max(line.size);
                let room = right - p.x1;
                let short = room > (first_word_em(&line.text) + 0.5) * em && room > em;
                let indented = line.x0 - left >= em;
                let marker = match starts_with_marker(&line.text) {
                    Some(Marker::Heading) => ends_sentence(&p.text),
                    Some(Marker::RunIn) => ends_sentence(&p.text) && !g.has_convention,
                    None => false,
                };
                let wrapped_title = centred(line)
                    && same_page
                    && !size_change
                    && gap > 0.0
                    && gap <= 1.6 * pitch
                    && p.x1 - p.x0 >= 0.6 * text_width
                    && (centred(p) || index <= 3);
                if wrapped_title {
                    false
                } else {
                    (same_page && (gap > 1.4 * pitch || gap < -0.5 * em))
                        || size_change
                        || short
                        || indented
                        || marker
                }
            }
        };
        if starts && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        join(&mut current, &line.text);
        prev = Some(line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_number_shapes() {
        // (text, is a page number)
        let rows = [
            ("— 1 —", true),
            ("- 12 -", true),
            ("-3-", true),
            ("·4·", true),
            ("5", true),
            ("第1页 共5页", true),
            ("第 2 页，共 5 页", true),
            ("共5页 第3页", true),
            ("第3页", true),
            ("1/5", true),
            ("1 / 5", true),
            ("Page 2 of 9", true),
            ("（3）", true),
            ("iv", true),
            ("2023年", false),
            ("一、总体情况", false),
            ("12345", false),
            ("第一部分", false),
            ("共计5项", false),
            ("", false),
        ];
        for (text, want) in rows {
            assert_eq!(is_page_number(text), want, "{text:?}");
        }
    }

    #[test]
    fn heading_markers() {
        use Marker::*;
        let rows = [
            ("一、依法全面履行政府职能", Some(Heading)),
            ("（一）加强组织领导", Some(Heading)),
            ("(二)出台了实施细则", Some(Heading)),
            ("（1）规范执法", Some(Heading)),
            ("1.强化考核", Some(Heading)),
            ("2、推进", Some(Heading)),
            ("一是加强学习", Some(RunIn)),
            ("第一部分 主要成效", Some(Heading)),
            ("第三章", Some(Heading)),
            ("①立案", Some(Heading)),
            ("1.5万件", None),
            ("2023年", None),
            ("一把手", None),
            ("（2021—2025年）", None),
            ("第一责任人", None),
            ("三项制度", None),
        ];
        for (text, want) in rows {
            assert_eq!(starts_with_marker(text), want, "{text:?}");
        }
    }

    #[test]
    fn spaces_between_runs() {
        // (left char, right char, gap in em, space?)
        let rows = [
            ('区', '3', 0.2, false),  // LibreOffice autospace
            ('9', '个', 0.25, false), // Word autospace
            ('区', '3', 0.5, true),
            ('中', '文', 0.3, false), // justified
            ('中', '文', 2.0, true),  // table cells
            ('a', 'b', 0.25, true),   // a word space
            ('a', 'b', 0.05, false),  // kerning
            (' ', 'b', 1.0, false),   // a space already
        ];
        for (a, b, gap, want) in rows {
            assert_eq!(needs_space(Some(a), Some(b), gap), want, "{a}{b} {gap}");
        }
    }
}
