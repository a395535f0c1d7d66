//! The page's [`State`], the [`Action`]s that change it, and its reducer.
//!
//! The reducer only assigns: analyses arrive ready-made in an [`Analysed`] (the loader,
//! [`crate::hooks::use_loader`], runs `analyze` and builds the layout outside it), so a
//! dispatch never blocks on a long text.

use crate::batch::{Batch, Progress};
use crate::focus::{Focus, Target};
use crate::layout::{self, Hits, Layout};
use crate::platform::dom::now;
use crate::platform::workspace::Entry;
use crate::shared::Shared;
use report_lens::output::compare::{self, Comparison};
use report_lens::output::view::section_indicator_counts;
use report_lens::{Analysis, Kind};
use std::rc::Rc;
use yew::prelude::*;

/// Lines rendered per step: a long report appears a chunk at a time, the page stays responsive.
pub const CHUNK_LINES: usize = 6 * layout::BLOCK_LINES;

/// Shown when another tab overwrote the autosaved report (last writer wins).
const OTHER_TAB_NOTICE: &str = "其他标签页已修改自动保存的报告：本页文本不变，刷新会恢复另一页的版本；在本页再次编辑即以本页为准。";

/// What the main area shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    /// One report: outline, document, side panel.
    Document,
    /// The batch overview table.
    Overview,
    /// Two reports of the batch compared.
    Compare,
    /// The review desk (审查台): every report kept, with status and note.
    Desk,
    /// The 审查意见 of a desk entry ([`State::memo_entry`]), being edited.
    Memo,
}

/// Which side tab is showing.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    Indicators,
    Diagnostics,
    Review,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Indicators, Tab::Diagnostics, Tab::Review];

    /// The tab button's element id.
    pub fn id(self) -> &'static str {
        match self {
            Tab::Indicators => "tab-indicators",
            Tab::Diagnostics => "tab-diagnostics",
            Tab::Review => "tab-review",
        }
    }
}

/// A text with its analysis and everything the page derives from it, made outside the
/// reducer.
pub struct Analysed {
    pub text: Rc<str>,
    pub analysis: Shared<Analysis>,
    pub layout: Shared<Layout>,
    /// Indicators per section, subsections included.
    pub counts: Shared<Vec<usize>>,
    pub analysis_ms: f64,
    /// Time to build the view model (lines, runs, tooltips) after the analysis.
    pub layout_ms: f64,
    /// The text is shown, its analysis still to come ([`Analysed::pending`]).
    pub pending: bool,
}

impl Analysed {
    /// Builds the layout of an analysed text.
    pub fn new(text: Rc<str>, analysis: Shared<Analysis>, analysis_ms: f64) -> Analysed {
        let t0 = now();
        let layout = Shared::new(layout::build(&text, &analysis));
        let counts = Shared::new(section_indicator_counts(&analysis));
        Analysed {
            text,
            analysis,
            layout,
            counts,
            analysis_ms,
            layout_ms: now() - t0,
            pending: false,
        }
    }

    /// A text shown at once, before its analysis (a restored report): plain lines, no
    /// highlights, nothing saved until [`Action::Analysed`] brings the analysis.
    pub fn pending(text: Rc<str>) -> Analysed {
        Analysed {
            pending: true,
            ..Analysed::new(text, Shared::default(), 0.0)
        }
    }
}

/// Everything the page shows.
#[derive(Clone)]
pub struct State {
    /// The analysed text.
    pub text: Rc<str>,
    /// `text` is shown but not analysed yet: the desk and autosave wait for its analysis.
    pub pending: bool,
    pub file_name: Option<String>,
    pub analysis: Shared<Analysis>,
    pub layout: Shared<Layout>,
    /// Indicators per section, subsections included.
    pub counts: Shared<Vec<usize>>,
    pub analysis_ms: f64,
    pub layout_ms: f64,
    /// Changes on every analysis.
    pub revision: u32,
    /// Showing the editable text instead of the highlighted document.
    pub editing: bool,
    /// Bit `k`: `Kind::ALL[k]` highlights hidden.
    pub hidden: u8,
    pub selected: Option<usize>,
    /// Highlighted passages (a part, an area, a finding's figures).
    pub hits: Option<Shared<Hits>>,
    pub current_section: Option<usize>,
    pub tab: Tab,
    /// A one-line message for the user (encoding detected, save failed …).
    pub notice: Option<String>,
    /// A scroll request, numbered so that repeating one still fires.
    pub reveal: Option<(Target, u32)>,
    pub dragging: bool,
    /// How many document lines are rendered so far.
    pub rendered: usize,
    /// Shown while a large text is being analysed.
    pub busy: Option<String>,
    pub view: View,
    /// The reports of the last batch.
    pub batch: Option<Shared<Batch>>,
    /// Reports of the batch ticked for comparison, oldest tick first (at most two).
    pub picked: Rc<Vec<usize>>,
    /// The two reports compared (earlier, later) and the comparison.
    pub comparison: Option<(usize, usize, Shared<Comparison>)>,
    /// The review desk's entry of the open report (`None` until it is first saved).
    pub entry: Option<f64>,
    /// What the open report was read as (`PDF`, `Word .docx`, `粘贴`).
    pub kind: String,
    /// The review desk, in the order added.
    pub desk: Shared<Vec<Entry>>,
    /// The entry deleted last and its text, until undone or another is deleted.
    pub undo: Option<Shared<(Entry, String)>>,
    /// The entry whose 审查意见 is being edited.
    pub memo_entry: Option<f64>,
    /// Why the desk lives only as long as this page (the browser refused its database).
    pub refused: Option<&'static str>,
}

impl Default for State {
    fn default() -> State {
        State {
            text: "".into(),
            pending: false,
            file_name: None,
            analysis: Shared::new(Analysis::default()),
            layout: Shared::default(),
            counts: Shared::default(),
            analysis_ms: 0.0,
            layout_ms: 0.0,
            revision: 0,
            editing: true,
            hidden: 0,
            selected: None,
            hits: None,
            current_section: None,
            tab: Tab::Indicators,
            notice: None,
            reveal: None,
            dragging: false,
            rendered: 0,
            busy: None,
            view: View::Document,
            batch: None,
            picked: Rc::default(),
            comparison: None,
            entry: None,
            kind: String::new(),
            desk: Shared::default(),
            undo: None,
            memo_entry: None,
            refused: None,
        }
    }
}

impl State {
    /// True when there is no report (the start page shows).
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// What is highlighted, if anything.
    pub fn focus(&self) -> Option<Focus> {
        self.hits.as_ref().map(|h| h.focus)
    }

    /// Takes an analysed text as the current report.
    fn take(&mut self, a: Analysed) {
        self.analysis_ms = a.analysis_ms;
        self.layout_ms = a.layout_ms;
        self.layout = a.layout;
        self.counts = a.counts;
        self.analysis = a.analysis;
        self.text = a.text;
        self.pending = a.pending;
        self.revision = self.revision.wrapping_add(1);
        self.selected = None;
        self.hits = None;
        self.current_section = None;
        self.rendered = CHUNK_LINES;
        self.busy = None;
    }

    /// Highlights the passages of `focus` (again: removes them) and shows the first.
    fn toggle_focus(&mut self, focus: Focus) {
        if self.focus() == Some(focus) {
            self.hits = None;
            return;
        }
        let hits = Hits::new(focus, focus.spans(&self.analysis));
        let first = hits.spans.first().map(|s| s.start);
        self.hits = Some(Shared::new(hits));
        if let Some(at) = first {
            self.reveal(Target::Hit(at));
        }
    }

    fn reveal(&mut self, target: Target) {
        // Render far enough to reach the target.
        let layout = &self.layout;
        let at = match target {
            Target::Section(i) => layout
                .section_line
                .get(i)
                .map_or(0, |&l| layout.position_of_line(l)),
            Target::Indicator(i) => layout.position_of_indicator(i),
            Target::Hit(at) => layout.position_of_offset(at),
        };
        self.rendered = self.rendered.max(at + CHUNK_LINES / 4);
        let n = self.reveal.map_or(0, |(_, n)| n.wrapping_add(1));
        self.reveal = Some((target, n));
        self.editing = false;
    }
}

pub enum Action {
    /// A new report (paste into the empty area, drop, file, sample, restore), analysed.
    Load {
        report: Box<Analysed>,
        file_name: Option<String>,
        notice: Option<String>,
        /// Its desk entry, when it has one already (restored, opened from the desk).
        entry: Option<f64>,
        kind: String,
    },
    /// The saved report after a reload: a [`Action::Load`], taken only while the page is
    /// still empty.
    Restore(Box<Action>),
    /// The edited text, analysed.
    Edit(Box<Analysed>),
    /// The analysis of a pending text: taken only while that text is still the one shown
    /// (an edit made meanwhile wins).
    Analysed(Box<Analysed>),
    /// A report of the batch, opened in the document view.
    OpenReport {
        report: Box<Analysed>,
        name: String,
        entry: Option<f64>,
        kind: String,
    },
    /// The open report was saved to the desk as this entry.
    Entry(f64),
    /// The desk as stored (entries saved by this tab but not yet listed are kept).
    Desk(Vec<Entry>),
    /// One entry, new or changed.
    DeskPut(Entry),
    /// An entry was deleted (kept with its text for 撤销).
    DeskRemoved(Entry, String),
    /// The deleted entry was put back.
    DeskRestored,
    /// Edit the 审查意见 of this entry (its memo is on the desk).
    EditMemo(f64),
    /// The browser refused the desk's database: it is kept for this page only.
    Refused(&'static str),
    SetEditing(bool),
    ToggleKind(Kind),
    Select(usize),
    /// Select an indicator and scroll the document to it.
    Pick(usize),
    Reveal(Target),
    /// Highlight (or un-highlight) passages and show the first.
    Focus(Focus),
    ClearHits,
    CurrentSection(Option<usize>),
    Tab(Tab),
    Notice(Option<String>),
    Dragging(bool),
    /// Render the next chunk of lines.
    RenderMore,
    Busy(Option<String>),
    Clear,
    /// Another tab saved this text (`None`: it cleared its report).
    OtherTab(Option<String>),
    /// A batch of this many files starts.
    BatchStart(usize),
    BatchProgress(Progress),
    View(View),
    /// Tick or untick a report of the batch for comparison.
    PickReport(usize),
    /// Compare the two ticked reports (earlier year first).
    Compare,
    SwapCompare,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if let Action::Restore(load) = action {
            // A report pasted or opened while the saved one was read stays.
            return if self.is_empty() {
                self.reduce(*load)
            } else {
                self
            };
        }
        let mut s = (*self).clone();
        match action {
            Action::Load {
                report,
                file_name,
                notice,
                entry,
                kind,
            } => {
                s.take(*report);
                s.entry = entry;
                s.kind = kind;
                s.file_name = file_name;
                s.notice = notice;
                s.editing = s.is_empty();
                s.dragging = false;
                s.reveal = None;
            }
            Action::Edit(report) => s.take(*report),
            Action::Restore(_) => {} // taken above
            Action::Analysed(report) => {
                if s.pending && *s.text == *report.text {
                    let notice = s.notice.take();
                    s.take(*report);
                    s.notice = notice;
                }
            }
            Action::OpenReport {
                report,
                name,
                entry,
                kind,
            } => {
                s.take(*report);
                s.entry = entry;
                s.kind = kind;
                s.notice = Some(format!("已打开批量中的 {name}"));
                s.file_name = Some(name);
                s.editing = false;
                s.reveal = None;
                s.view = View::Document;
            }
            Action::Entry(id) => s.entry = Some(id),
            Action::Desk(list) => {
                let mut list = list;
                let unlisted = s.desk.iter().filter(|e| list.iter().all(|l| l.id != e.id));
                let unlisted: Vec<Entry> = unlisted.cloned().collect();
                list.extend(unlisted);
                report_lens::text::sort::sort_by(&mut list, |a, b| a.added.total_cmp(&b.added));
                s.desk = Shared::new(list);
            }
            Action::DeskPut(e) => {
                let mut list = (*s.desk).clone();
                match list.iter_mut().find(|x| x.id == e.id) {
                    Some(x) => *x = e,
                    None => list.push(e),
                }
                s.desk = Shared::new(list);
            }
            Action::DeskRemoved(e, text) => {
                let list = s.desk.iter().filter(|x| x.id != e.id).cloned().collect();
                s.desk = Shared::new(list);
                if s.entry == Some(e.id) {
                    s.entry = None;
                }
                s.undo = Some(Shared::new((e, text)));
            }
            Action::DeskRestored => s.undo = None,
            Action::Refused(why) => s.refused = Some(why),
            Action::EditMemo(id) => {
                s.memo_entry = Some(id);
                s.view = View::Memo;
            }
            Action::SetEditing(editing) => s.editing = editing,
            Action::ToggleKind(kind) => s.hidden ^= 1 << (kind as u8),
            Action::Select(i) => {
                s.selected = Some(i);
                s.tab = Tab::Indicators;
            }
            Action::Pick(i) => {
                s.selected = Some(i);
                s.reveal(Target::Indicator(i));
            }
            Action::Reveal(target) => {
                if let Target::Section(i) = target {
                    s.current_section = Some(i);
                }
                s.reveal(target);
            }
            Action::Focus(f) => s.toggle_focus(f),
            Action::ClearHits => s.hits = None,
            Action::CurrentSection(c) => s.current_section = c,
            Action::Tab(tab) => s.tab = tab,
            Action::Notice(n) => s.notice = n,
            Action::Dragging(d) => s.dragging = d,
            Action::RenderMore => s.rendered = s.rendered.saturating_add(CHUNK_LINES),
            Action::Busy(b) => s.busy = b,
            Action::Clear => {
                s = State {
                    hidden: s.hidden,
                    batch: s.batch.take(),
                    desk: s.desk.clone(),
                    undo: s.undo.take(),
                    view: if s.view == View::Document {
                        View::Document
                    } else {
                        s.view
                    },
                    memo_entry: s.memo_entry,
                    refused: s.refused,
                    revision: self.revision.wrapping_add(1),
                    ..State::default()
                };
            }
            Action::OtherTab(text) => {
                if text.as_deref() != Some(&*s.text) {
                    s.notice = Some(OTHER_TAB_NOTICE.into());
                }
            }
            Action::BatchStart(total) => {
                s.batch = Some(Shared::new(Batch {
                    total,
                    running: true,
                    ..Batch::default()
                }));
                s.picked = Rc::default();
                s.comparison = None;
                s.view = View::Overview;
                s.notice = None;
            }
            Action::BatchProgress(p) => {
                if let Some(old) = &s.batch {
                    let mut b = (**old).clone();
                    match p {
                        Progress::Some(reports, failed) => {
                            b.reports.extend(reports);
                            b.failed.extend(failed);
                        }
                        Progress::Done { ms, cancelled } => {
                            b.running = false;
                            b.cancelled = cancelled;
                            b.ms = ms;
                        }
                    }
                    s.batch = Some(Shared::new(b));
                }
            }
            Action::View(v) => s.view = v,
            Action::PickReport(i) => {
                let mut picked = (*s.picked).clone();
                if let Some(k) = picked.iter().position(|&p| p == i) {
                    picked.remove(k);
                } else {
                    picked.push(i);
                    if picked.len() > 2 {
                        picked.remove(0);
                    }
                }
                s.picked = Rc::new(picked);
            }
            Action::Compare => {
                if let (Some(b), [x, y]) = (&s.batch, s.picked.as_slice()) {
                    let (x, y) = (*x, *y);
                    let year = |i: usize| b.reports.get(i).and_then(|r| r.analysis.meta.year);
                    // The earlier year is 上年 (A); without years, the order of ticking.
                    let (a, bb) = match (year(x), year(y)) {
                        (Some(p), Some(q)) if q < p => (y, x),
                        _ => (x, y),
                    };
                    s.comparison = compare_pair(b, a, bb);
                    s.view = View::Compare;
                }
            }
            Action::SwapCompare => {
                if let (Some(b), Some((a, bb, _))) = (&s.batch, &s.comparison) {
                    s.comparison = compare_pair(b, *bb, *a);
                }
            }
        }
        Rc::new(s)
    }
}

/// Compares reports `a` (earlier) and `b` of a batch.
fn compare_pair(batch: &Batch, a: usize, b: usize) -> Option<(usize, usize, Shared<Comparison>)> {
    let (ra, rb) = (batch.reports.get(a)?, batch.reports.get(b)?);
    let c = compare::compare(&ra.analysis, &rb.analysis);
    Some((a, b, Shared::new(c)))
}
