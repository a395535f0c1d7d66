//! The app: [`State`], the [`Action`]s that change it, and the [`App`] component.

use crate::batch::{Batch, Overview, Progress, Report};
use crate::card::ReportCard;
use crate::comparison::CompareView;
use crate::diagnostics::{self, Diagnostics};
use crate::document::{self, path_label, DocumentView, Hits, Layout};
use crate::outline::Outline;
use crate::review::Review;
use crate::shared::Shared;
use crate::summary::Summary;
use crate::table::IndicatorTable;
use crate::{export, file, storage};
use gloo::timers::callback::Timeout;
use report_lens::output::compare::Comparison;
use report_lens::output::view::section_indicator_counts;
use report_lens::{Analysis, Direction, Kind};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement, ScrollLogicalPosition};
use yew::prelude::*;

/// The bundled sample: a real report from the test fixtures.
const SAMPLE: &str = include_str!("../../tests/fixtures/000_4650dba7b757251d.txt");
const SAMPLE_NAME: &str = "示例报告-梅列区2019年法治政府建设工作情况报告.txt";

/// Edits are analysed this long after the last keystroke.
const DEBOUNCE_MS: u32 = 400;

/// Lines rendered per step: a long report appears a chunk at a time, the page stays responsive.
const CHUNK_LINES: usize = 6 * document::BLOCK_LINES;

/// Above this many bytes the page first shows that it is working, then analyses.
const BUSY_BYTES: usize = 512 * 1024;

/// Above this many characters (UTF-16 units) edits are analysed on request only.
const LARGE_EDIT_CHARS: u32 = 200_000;
/// Shown when another tab overwrote the autosaved report (last writer wins).
const OTHER_TAB_NOTICE: &str = "其他标签页已修改自动保存的报告：本页文本不变，刷新会恢复另一页的版本；在本页再次编辑即以本页为准。";

const LARGE_EDIT_NOTICE: &str = "文本较大：编辑完成后按 Ctrl+Enter 或点“查看分析”重新分析。";

/// Milliseconds since the page started, from `performance.now()`.
pub fn now() -> f64 {
    gloo::utils::window()
        .performance()
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Scrolls `el` into view inside its scroll container.
pub fn scroll_into_view(el: &web_sys::Element, block: ScrollLogicalPosition) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
    options.set_inline(ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Runs `f` after the browser has painted the current frame (so a notice shows first).
fn after_paint(f: impl FnOnce() + 'static) {
    let frame = gloo::render::request_animation_frame(move |_| {
        Timeout::new(0, f).forget();
    });
    // The frame must not be cancelled when the handle goes out of scope.
    std::mem::forget(frame);
}

/// Restarts the one-shot highlight animation on `el`.
fn flash(el: &web_sys::Element) {
    let list = el.class_list();
    let _ = list.remove_1("flash");
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        let _ = h.offset_width(); // force a style flush so the animation restarts
    }
    let _ = list.add_1("flash");
}

/// A loaded text, its file name and a notice about it.
type Loaded = (String, Option<String>, Option<String>);

/// What the main area shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    /// One report: outline, document, side panel.
    Document,
    /// The batch overview table.
    Overview,
    /// Two reports of the batch compared.
    Compare,
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

/// Passages to highlight in the document.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Focus {
    /// A required part, `P1`…`P5`.
    Part(&'static str),
    /// A 纲要 area's phrase hits, `A1`…`A9`.
    Area(&'static str),
    /// Every figure of a diagnostic.
    Diagnostic(usize),
}

/// Where to scroll the document after the next render.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Target {
    Section(usize),
    Indicator(usize),
    /// The first highlighted passage, which starts at this byte.
    Hit(usize),
}

/// Everything the page shows.
#[derive(Clone)]
pub struct State {
    /// The analysed text.
    pub text: Rc<str>,
    pub file_name: Option<String>,
    pub analysis: Shared<Analysis>,
    pub layout: Shared<Layout>,
    /// Indicators per section, subsections included.
    pub counts: Shared<Vec<usize>>,
    pub analysis_ms: f64,
    /// Time to build the view model (lines, runs, tooltips) after the analysis.
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
}

impl State {
    fn new() -> State {
        State {
            text: "".into(),
            file_name: None,
            analysis: Shared::new(report_lens::analyze("")),
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
        }
    }

    /// Analyses `text` and takes it as the current report.
    fn with_text(self, text: Rc<str>) -> State {
        let t0 = now();
        let analysis = Shared::new(report_lens::analyze(&text));
        let ms = now() - t0;
        self.with_analysis(text, analysis, ms)
    }

    /// Takes `text`, already analysed, as the current report.
    fn with_analysis(mut self, text: Rc<str>, analysis: Shared<Analysis>, ms: f64) -> State {
        let t1 = now();
        self.analysis_ms = ms;
        self.layout = Shared::new(document::build(&text, &analysis));
        self.counts = Shared::new(section_indicator_counts(&analysis));
        self.layout_ms = now() - t1;
        self.analysis = analysis;
        self.text = text;
        self.revision = self.revision.wrapping_add(1);
        self.selected = None;
        self.hits = None;
        self.current_section = None;
        self.rendered = CHUNK_LINES;
        self.busy = None;
        self
    }

    /// Highlights the passages of `focus` (again: removes them) and shows the first.
    fn focus(&mut self, focus: Focus) {
        let a = &self.analysis;
        let (key, spans) = match focus {
            Focus::Part(id) => (
                format!("part:{id}"),
                a.parts
                    .iter()
                    .find(|p| p.id == id)
                    .and_then(|p| p.span)
                    .into_iter()
                    .collect(),
            ),
            Focus::Area(id) => (
                format!("area:{id}"),
                a.coverage
                    .iter()
                    .find(|c| c.area == id)
                    .map(|c| c.spans.clone())
                    .unwrap_or_default(),
            ),
            Focus::Diagnostic(i) => (
                format!("diag:{i}"),
                a.diagnostics
                    .get(i)
                    .map(diagnostics::spans_of)
                    .unwrap_or_default(),
            ),
        };
        if self.hits.as_ref().is_some_and(|h| h.key == key) {
            self.hits = None;
            return;
        }
        let hits = Hits::new(key, spans);
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
    /// A new report (paste into the empty area, drop, file, sample, restore): analyse it now.
    Load {
        text: String,
        file_name: Option<String>,
        notice: Option<String>,
    },
    /// The edited text, after the debounce.
    Edit(String),
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
    /// Open a report of the batch in the document view.
    OpenReport(usize),
    /// Compare the two ticked reports (earlier year first).
    Compare,
    SwapCompare,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Load {
                text,
                file_name,
                notice,
            } => {
                // Textareas turn every line break into \n; do the same so offsets agree.
                let text = if text.contains('\r') {
                    text.replace("\r\n", "\n").replace('\r', "\n")
                } else {
                    text
                };
                s = s.with_text(text.into());
                s.file_name = file_name;
                s.notice = notice;
                s.editing = s.text.trim().is_empty();
                s.dragging = false;
                s.reveal = None;
            }
            Action::Edit(text) => {
                if *s.text != *text {
                    s = s.with_text(text.into());
                }
                s.busy = None;
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
            Action::Focus(f) => s.focus(f),
            Action::ClearHits => s.hits = None,
            Action::CurrentSection(c) => s.current_section = c,
            Action::Tab(tab) => s.tab = tab,
            Action::Notice(n) => s.notice = n,
            Action::Dragging(d) => s.dragging = d,
            Action::RenderMore => s.rendered = s.rendered.saturating_add(CHUNK_LINES),
            Action::Busy(b) => s.busy = b,
            Action::Clear => {
                let hidden = s.hidden;
                let batch = s.batch.take();
                s = State::new();
                s.hidden = hidden;
                s.batch = batch;
                s.revision = self.revision.wrapping_add(1);
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
            Action::OpenReport(i) => {
                if let Some(r) = s.batch.as_ref().and_then(|b| b.reports.get(i)).cloned() {
                    s = s.with_analysis(r.text.clone(), r.analysis.clone(), 0.0);
                    s.file_name = Some(r.name.clone());
                    s.notice = Some(format!("已打开批量中的 {}", r.name));
                    s.editing = false;
                    s.reveal = None;
                    s.view = View::Document;
                }
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
    let c = report_lens::output::compare::compare(&ra.analysis, &rb.analysis);
    Some((a, b, Shared::new(c)))
}

/// The text to load from a paste: the plain text, unless it lost the paragraph breaks that
/// the HTML version still has (some pages and editors put whole reports on one line).
fn pasted_text(data: &web_sys::DataTransfer) -> String {
    let plain = data.get_data("text/plain").unwrap_or_default();
    if plain.trim().contains('\n') {
        return plain;
    }
    let html = data.get_data("text/html").unwrap_or_default();
    if html.trim().is_empty() {
        return plain;
    }
    let from_html = report_lens::input::html::extract(&html).to_text();
    if from_html.trim().contains('\n') || plain.trim().is_empty() {
        from_html
    } else {
        plain
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let s = State::new();
        match storage::load() {
            Some((text, name)) => {
                let mut s = s.with_text(text.into());
                s.file_name = name;
                s.editing = false;
                s.notice = Some("已恢复上次的报告（自动保存在本机浏览器中）。".into());
                s
            }
            None => s,
        }
    });
    let input_ref = use_node_ref();
    let file_ref = use_node_ref();
    let folder_ref = use_node_ref();
    // Set to stop the running batch.
    let batch_cancel = use_mut_ref(|| Rc::new(Cell::new(false)));
    let debounce = use_mut_ref(|| None::<Timeout>);
    // When a paste, drop or file started: measured to the first paint of its highlights.
    let load_started = use_mut_ref(|| None::<f64>);
    let scroll_frame = use_mut_ref(|| Rc::new(Cell::new(false)));

    // Another tab saving: say so, keep this tab's text.
    {
        let d = state.dispatcher();
        use_effect_with((), move |_| {
            storage::watch(move |text| d.dispatch(Action::OtherTab(text)));
        });
    }

    // Autosave after every analysis.
    {
        let state = state.clone();
        use_effect_with(state.revision, move |_| {
            if state.text.is_empty() {
                storage::clear();
            } else if !storage::save(&state.text, state.file_name.as_deref()) {
                state.dispatch(Action::Notice(Some(
                    "报告太大，浏览器拒绝自动保存；刷新页面前请自行保留原文。".into(),
                )));
            }
        });
    }

    // Render long documents a chunk per task, so input and painting go on in between.
    {
        let state = state.clone();
        let total = state.layout.lines.len();
        use_effect_with(
            (state.revision, state.rendered, state.editing),
            move |&(_, rendered, editing)| {
                let timer = (!editing && rendered < total)
                    .then(|| Timeout::new(0, move || state.dispatch(Action::RenderMore)));
                move || drop(timer)
            },
        );
    }

    // Time from paste/drop/open to highlights on screen, after the browser has painted.
    {
        let load_started = load_started.clone();
        let analysis_ms = state.analysis_ms;
        use_effect_with(state.revision, move |_| {
            if let Some(t0) = load_started.borrow_mut().take() {
                after_paint(move || {
                    let ms = now() - t0;
                    if let Some(el) = gloo::utils::document().get_element_by_id("summary") {
                        let _ = el.set_attribute("data-paint-ms", &format!("{ms:.1}"));
                    }
                    let line = format!(
                        "report-lens: analysis {analysis_ms:.2} ms, on screen after {ms:.1} ms"
                    );
                    web_sys::console::log_1(&line.into());
                });
            }
        });
    }

    // Scroll requests run after the render that shows their target.
    {
        let state = state.clone();
        use_effect_with(state.reveal, move |reveal| {
            let Some((target, _)) = *reveal else { return };
            let doc = gloo::utils::document();
            let line_el = |line: usize| {
                // Blank lines are not rendered: take the next line that is.
                let layout = &state.layout;
                let k = layout.lines.partition_point(|l| l.index < line);
                layout
                    .lines
                    .get(k)
                    .and_then(|l| doc.get_element_by_id(&format!("l-{}", l.index)))
            };
            match target {
                Target::Section(i) => {
                    if let Some(&line) = state.layout.section_line.get(i) {
                        if let Some(el) = line_el(line) {
                            scroll_into_view(&el, ScrollLogicalPosition::Start);
                            flash(&el);
                        }
                    }
                }
                Target::Indicator(i) => {
                    let selector = format!("#doc mark[data-indicator=\"{i}\"]");
                    if let Ok(Some(el)) = doc.query_selector(&selector) {
                        scroll_into_view(&el, ScrollLogicalPosition::Center);
                        flash(&el);
                        if let Some(h) = el.dyn_ref::<HtmlElement>() {
                            let _ = h.focus();
                        }
                    }
                }
                Target::Hit(at) => {
                    // The highlighted passages are the visual cue: no flash over them.
                    if let Ok(Some(el)) = doc.query_selector("#doc .hit") {
                        scroll_into_view(&el, ScrollLogicalPosition::Center);
                    } else {
                        let starts = &state.layout.line_starts;
                        let line = starts.partition_point(|&s| s <= at).saturating_sub(1);
                        if let Some(el) = line_el(line) {
                            scroll_into_view(&el, ScrollLogicalPosition::Center);
                            flash(&el);
                        }
                    }
                }
            }
        });
    }

    let load = {
        let state = state.clone();
        let load_started = load_started.clone();
        Callback::from(move |(text, file_name, notice): Loaded| {
            *load_started.borrow_mut() = Some(now());
            if text.len() < BUSY_BYTES {
                state.dispatch(Action::Load {
                    text,
                    file_name,
                    notice,
                });
                return;
            }
            // Let the browser paint the notice before the analysis takes the thread.
            let mb = text.len() as f64 / 1_048_576.0;
            state.dispatch(Action::Busy(Some(format!("正在分析 {mb:.1} MB 文本…"))));
            let state = state.clone();
            after_paint(move || {
                state.dispatch(Action::Load {
                    text,
                    file_name,
                    notice,
                })
            });
        })
    };

    let open_file = {
        let load = load.clone();
        let state = state.clone();
        Callback::from(move |f: web_sys::File| {
            let load = load.clone();
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = f.name();
                match file::read(&f).await {
                    Ok(d) => {
                        let notice = format!("已读取 {name}（{}）", d.how);
                        load.emit((d.text, Some(name), Some(notice)));
                    }
                    // The current text stays: only the message changes.
                    Err(e) => state.dispatch(Action::Notice(Some(format!("{name}：{e}")))),
                }
            });
        })
    };

    let start_batch = {
        let state = state.clone();
        let batch_cancel = batch_cancel.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            // A new batch stops the one still running.
            batch_cancel.borrow().set(true);
            let cancel = Rc::new(Cell::new(false));
            *batch_cancel.borrow_mut() = cancel.clone();
            state.dispatch(Action::BatchStart(files.len()));
            let d = state.dispatcher();
            let report = Callback::from(move |p| d.dispatch(Action::BatchProgress(p)));
            wasm_bindgen_futures::spawn_local(crate::batch::run(files, cancel, report));
        })
    };
    // One file opens in the document view; several make a batch.
    let open_files = {
        let open_file = open_file.clone();
        let start_batch = start_batch.clone();
        Callback::from(move |list: web_sys::FileList| {
            let files: Vec<web_sys::File> =
                (0..list.length()).filter_map(|k| list.get(k)).collect();
            match files.len() {
                0 => {}
                1 => open_file.emit(files.into_iter().next().unwrap_or_else(|| unreachable!())),
                _ => start_batch.emit(files),
            }
        })
    };

    // --- input: paste, typing, drop, file picker -------------------------------------------
    let onpaste = {
        let load = load.clone();
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let Some(area) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            else {
                return;
            };
            let value_len = area.text_length(); // UTF-16 units, like the selection
            let all_selected = area.selection_start().ok().flatten() == Some(0)
                && area.selection_end().ok().flatten() == Some(value_len);
            // Pasting a whole report into an empty (or fully selected) area loads it at once;
            // pasting into the middle of a text is an edit.
            if value_len == 0 || all_selected {
                let text = e
                    .clipboard_data()
                    .map(|d| pasted_text(&d))
                    .unwrap_or_default();
                if !text.is_empty() {
                    e.prevent_default();
                    load.emit((text, None, None));
                }
            }
        })
    };
    let oninput = {
        let state = state.clone();
        let input_ref = input_ref.clone();
        let debounce = debounce.clone();
        Callback::from(move |_: InputEvent| {
            let Some(area) = input_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            // A large text is analysed when the user asks (Ctrl+Enter, 查看分析), not after
            // every pause in typing: the analysis would take the thread for too long.
            if area.text_length() > LARGE_EDIT_CHARS {
                if state.notice.as_deref() != Some(LARGE_EDIT_NOTICE) {
                    state.dispatch(Action::Notice(Some(LARGE_EDIT_NOTICE.into())));
                }
                // Still saved after each pause, so a crash loses nothing.
                let name = state.file_name.clone();
                *debounce.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                    storage::save(&area.value(), name.as_deref());
                }));
                return;
            }
            let state = state.clone();
            *debounce.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                state.dispatch(Action::Edit(area.value()));
            }));
        })
    };
    let analyse_now = {
        let state = state.clone();
        let input_ref = input_ref.clone();
        let debounce = debounce.clone();
        move || {
            debounce.borrow_mut().take();
            let Some(area) = input_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            if area.text_length() <= LARGE_EDIT_CHARS {
                state.dispatch(Action::Edit(area.value()));
                return;
            }
            state.dispatch(Action::Busy(Some("正在重新分析…".into())));
            let state = state.clone();
            after_paint(move || state.dispatch(Action::Edit(area.value())));
        }
    };
    let onkeydown_area = {
        let state = state.clone();
        let analyse_now = analyse_now.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Ctrl+Enter (or Escape) shows the result of the edit.
            if (e.key() == "Enter" && (e.ctrl_key() || e.meta_key())) || e.key() == "Escape" {
                e.prevent_default();
                analyse_now();
                if !state.text.trim().is_empty() {
                    state.dispatch(Action::SetEditing(false));
                }
            }
        })
    };
    let ondragover = {
        let state = state.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !state.dragging {
                state.dispatch(Action::Dragging(true));
            }
        })
    };
    let ondragleave = {
        let state = state.clone();
        Callback::from(move |e: DragEvent| {
            // Only when leaving the window, not when moving between children.
            if e.related_target().is_none() {
                state.dispatch(Action::Dragging(false));
            }
        })
    };
    let ondrop = {
        let state = state.clone();
        let load = load.clone();
        let open_files = open_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            state.dispatch(Action::Dragging(false));
            let Some(data) = e.data_transfer() else {
                return;
            };
            if let Some(files) = data.files().filter(|f| f.length() > 0) {
                open_files.emit(files);
            } else if let Ok(text) = data.get_data("text/plain") {
                if !text.trim().is_empty() {
                    load.emit((text, None, None));
                }
            }
        })
    };
    let onfile = {
        let open_files = open_files.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                if let Some(files) = input.files() {
                    open_files.emit(files);
                }
                input.set_value(""); // choosing the same file again still fires
            }
        })
    };
    let onfolder = {
        let start_batch = start_batch.clone();
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                if let Some(list) = input.files() {
                    let files: Vec<web_sys::File> = (0..list.length())
                        .filter_map(|k| list.get(k))
                        .filter(|f| file::is_report_name(&f.name()))
                        .collect();
                    if files.is_empty() {
                        state.dispatch(Action::Notice(Some(
                            "文件夹中没有 .txt、.docx 或 .html 文件。".into(),
                        )));
                    } else {
                        start_batch.emit(files);
                    }
                }
                input.set_value("");
            }
        })
    };
    let onopen_folder = {
        let folder_ref = folder_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = folder_ref.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };

    // --- toolbar ------------------------------------------------------------------------------
    let onopen = {
        let file_ref = file_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_ref.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onsample = {
        let load = load.clone();
        Callback::from(move |_: MouseEvent| {
            load.emit((SAMPLE.to_string(), Some(SAMPLE_NAME.to_string()), None));
        })
    };
    let ontoggle_edit = {
        let state = state.clone();
        let analyse_now = analyse_now.clone();
        Callback::from(move |_: MouseEvent| {
            if state.editing {
                analyse_now();
            }
            state.dispatch(Action::SetEditing(!state.editing));
        })
    };
    let onclear = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let ok = gloo::utils::window()
                .confirm_with_message("清空当前报告？自动保存的原文也会删除，无法撤销。")
                .unwrap_or(false);
            if ok {
                storage::clear();
                state.dispatch(Action::Clear);
            }
        })
    };
    let base = export::base_name(state.file_name.as_deref());
    let save = |suffix: &'static str, mime: &'static str, make: fn(&State) -> String| {
        let state = state.clone();
        let base = base.clone();
        Callback::from(move |_: MouseEvent| {
            let content = make(&state);
            if let Err(e) = export::download(&format!("{base}{suffix}"), mime, &content) {
                web_sys::console::error_1(&e);
                state.dispatch(Action::Notice(Some("导出失败。".into())));
            }
        })
    };
    let oncsv = save("-指标.csv", "text/csv;charset=utf-8", |s| {
        let name = s.file_name.as_deref().unwrap_or("");
        report_lens::output::export::to_csv(name, &s.text, &s.analysis, true)
    });
    let onjson = save(".json", "application/json;charset=utf-8", |s| {
        report_lens::output::export::to_json(&s.text, &s.analysis)
    });
    let onmarkdown = save("-大纲.md", "text/markdown;charset=utf-8", |s| {
        report_lens::output::export::to_markdown(&s.analysis)
    });
    let batch_export = |suffix: &'static str, make: fn(&Batch) -> String| {
        let state = state.clone();
        Callback::from(move |_: ()| {
            let Some(b) = &state.batch else { return };
            let content = make(b);
            let name = format!("批量{}份-{suffix}", b.reports.len());
            if export::download(&name, "text/csv;charset=utf-8", &content).is_err() {
                state.dispatch(Action::Notice(Some("导出失败。".into())));
            }
        })
    };
    let onexport_rows = batch_export("概览.csv", |b| {
        let rows: Vec<_> = b.reports.iter().map(|r| r.row.clone()).collect();
        report_lens::output::overview::to_csv(&rows)
    });
    let onexport_indicators = batch_export("指标.csv", |b| {
        report_lens::output::overview::indicators_csv(
            b.reports
                .iter()
                .map(|r| (r.name.as_str(), &*r.text, &*r.analysis)),
        )
    });
    let onexport_compare = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            let (Some(b), Some((x, y, c))) = (&state.batch, &state.comparison) else {
                return;
            };
            let base = |i: usize| export::base_name(b.reports.get(i).map(|r| r.name.as_str()));
            let name = format!("对比-{}-{}.csv", base(*x), base(*y));
            let csv = report_lens::output::compare::to_csv(c);
            if export::download(&name, "text/csv;charset=utf-8", &csv).is_err() {
                state.dispatch(Action::Notice(Some("导出失败。".into())));
            }
        })
    };
    let oncopy = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let markdown = report_lens::output::export::to_markdown(&state.analysis);
            let state = state.clone();
            match export::copy(&markdown) {
                Ok(promise) => wasm_bindgen_futures::spawn_local(async move {
                    let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                    let msg = if ok {
                        "大纲已复制到剪贴板。"
                    } else {
                        "浏览器不允许写入剪贴板，请改用“导出 Markdown”。"
                    };
                    state.dispatch(Action::Notice(Some(msg.into())));
                }),
                Err(_) => state.dispatch(Action::Notice(Some(
                    "浏览器不支持剪贴板，请改用“导出 Markdown”。".into(),
                ))),
            }
        })
    };

    // --- panels -------------------------------------------------------------------------------
    // Callbacks handed to child components keep their identity across renders (they only
    // dispatch), so a child whose other props did not change is not re-rendered.
    let dispatcher = state.dispatcher();
    let onselect = use_callback(dispatcher.clone(), |i, d| d.dispatch(Action::Select(i)));
    let onpick = use_callback(dispatcher.clone(), |i, d| d.dispatch(Action::Pick(i)));
    let onreveal_section = use_callback(dispatcher.clone(), |i, d| {
        d.dispatch(Action::Reveal(Target::Section(i)))
    });
    let onpick_diagnostic = use_callback(dispatcher.clone(), |i, d| {
        d.dispatch(Action::Focus(Focus::Diagnostic(i)))
    });
    let onpick_review = use_callback(dispatcher.clone(), |id: &'static str, d| {
        d.dispatch(Action::Focus(if id.starts_with('P') {
            Focus::Part(id)
        } else {
            Focus::Area(id)
        }))
    });
    let onclear_hits = {
        let d = dispatcher.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::ClearHits))
    };
    let onprint = Callback::from(|_: MouseEvent| {
        if gloo::utils::window().print().is_err() {
            web_sys::console::error_1(&"print failed".into());
        }
    });
    let ontoggle_kind = use_callback(dispatcher.clone(), |k, d| d.dispatch(Action::ToggleKind(k)));
    let onshow_diagnostics = use_callback(dispatcher.clone(), |_, d| {
        d.dispatch(Action::Tab(Tab::Diagnostics))
    });
    // The current section: the last heading at or above the top of the view (one lookup per
    // animation frame, binary search over headings in document order).
    let onopen_report = use_callback(dispatcher.clone(), |i, d| d.dispatch(Action::OpenReport(i)));
    let onpick_report = use_callback(dispatcher.clone(), |i, d| d.dispatch(Action::PickReport(i)));
    let oncancel_batch = {
        let batch_cancel = batch_cancel.clone();
        Callback::from(move |_: ()| batch_cancel.borrow().set(true))
    };
    let oncompare = use_callback(dispatcher.clone(), |_: (), d| d.dispatch(Action::Compare));
    let onswap = use_callback(dispatcher.clone(), |_: (), d| {
        d.dispatch(Action::SwapCompare)
    });
    let onback = use_callback(dispatcher.clone(), |_: (), d| {
        d.dispatch(Action::View(View::Overview))
    });
    let ondoc_scroll = use_callback(
        (
            state.layout.clone(),
            state.current_section,
            dispatcher.clone(),
        ),
        move |top: f64, (layout, current, d)| {
            let pending = scroll_frame.borrow().clone();
            if pending.replace(true) {
                return;
            }
            let (layout, current, d) = (layout.clone(), *current, d.clone());
            let frame = gloo::render::request_animation_frame(move |_| {
                pending.set(false);
                let doc = gloo::utils::document();
                let offset_of = |line: usize| {
                    let l = layout.lines.get(layout.position_of_line(line))?;
                    let el = doc.get_element_by_id(&format!("l-{}", l.index))?;
                    Some(el.dyn_into::<HtmlElement>().ok()?.offset_top() as f64)
                };
                // partition_point needs a monotone predicate: headings are in document order.
                let n = layout
                    .section_line
                    .partition_point(|&l| offset_of(l).is_some_and(|y| y <= top + 24.0));
                let now_current = n.checked_sub(1);
                if now_current != current {
                    d.dispatch(Action::CurrentSection(now_current));
                }
            });
            std::mem::forget(frame);
        },
    );

    // --- view ---------------------------------------------------------------------------------
    let a = &state.analysis;
    let empty = state.text.trim().is_empty();
    let hidden_classes: Classes = Kind::ALL
        .iter()
        .enumerate()
        .filter(|(k, _)| state.hidden & (1 << k) != 0)
        .map(|(_, kind)| format!("hide-{}", kind.as_str()))
        .collect();

    let textarea = html! {
        <textarea id="report-input" ref={input_ref.clone()} value={AttrValue::Rc(state.text.clone())}
            placeholder="粘贴报告全文，或把文件拖到这里" aria-label="报告全文" spellcheck="false"
            onpaste={onpaste} oninput={oninput} onkeydown={onkeydown_area} />
    };
    let file_input = html! {
        <>
            <input type="file" id="file-input" class="visually-hidden" multiple=true
                accept=".txt,.docx,.html,.htm,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                ref={file_ref.clone()} onchange={onfile} tabindex="-1" aria-hidden="true" />
            <input type="file" id="folder-input" class="visually-hidden" multiple=true webkitdirectory=true
                ref={folder_ref.clone()} onchange={onfolder} tabindex="-1" aria-hidden="true" />
        </>
    };
    let notice = html! {
        <p class={classes!("notice", state.busy.is_some().then_some("busy"))} role="status" aria-live="polite">
            { state.busy.clone().or_else(|| state.notice.clone()).unwrap_or_default() }
        </p>
    };

    let view_button = |v: View, id: &'static str, label: String, enabled: bool| {
        let on = state.view == v;
        let d = state.dispatcher();
        let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Action::View(v)));
        html! {
            <button type="button" {id} class={classes!("view", on.then_some("on"))} aria-pressed={on.to_string()}
                disabled={!enabled} {onclick}>{ label }</button>
        }
    };
    let view_switch = state.batch.as_ref().map(|b| {
        html! {
            <span class="views" role="group" aria-label="视图">
                { view_button(View::Document, "view-document", "单份报告".into(), true) }
                { view_button(View::Overview, "view-overview", format!("批量概览 {}", b.reports.len()), true) }
                { view_button(View::Compare, "view-compare", "对比".into(), state.comparison.is_some()) }
            </span>
        }
    });
    let toolbar = html! {
        <div class="toolbar" role="toolbar" aria-label="操作">
            <button type="button" onclick={onopen} title="可一次选择多份报告：.txt、.docx、.html">{ "打开文件" }</button>
            <button type="button" id="open-folder" onclick={onopen_folder} title="分析文件夹中的全部报告">{ "打开文件夹" }</button>
            <button type="button" onclick={onsample}>{ "示例报告" }</button>
            { view_switch }
            if !empty && state.view == View::Document {
                <button type="button" id="toggle-edit" onclick={ontoggle_edit} aria-pressed={state.editing.to_string()}>
                    { if state.editing { "查看分析" } else { "编辑原文" } }
                </button>
                <span class="sep" aria-hidden="true"></span>
                <button type="button" id="export-csv" onclick={oncsv} title="指标表，Excel 可直接打开">{ "导出 CSV" }</button>
                <button type="button" id="export-json" onclick={onjson} title="与命令行相同的 JSON">{ "导出 JSON" }</button>
                <button type="button" id="export-markdown" onclick={onmarkdown}>{ "导出 Markdown" }</button>
                <button type="button" id="copy-outline" onclick={oncopy}>{ "复制大纲" }</button>
                <button type="button" id="print-card" onclick={onprint} title="一页纸的审查摘要；在打印对话框中可选“另存为 PDF”">{ "打印报告卡" }</button>
                <span class="sep" aria-hidden="true"></span>
                <button type="button" id="clear" class="danger" onclick={onclear}>{ "清空" }</button>
            }
        </div>
    };

    let root_class = classes!("app", state.dragging.then_some("dragging"));
    let header = html! {
        <header class="top">
            <h1>{ "report-lens" }<small>{ "法治政府建设年度报告分析" }</small></h1>
            { toolbar }
        </header>
    };
    let footer = html! {
        <footer class="foot">{ "全部分析在本机浏览器内完成，报告内容不会上传。" }</footer>
    };

    if state.view != View::Document {
        let main = match (&state.batch, state.view, &state.comparison) {
            (Some(b), View::Compare, Some((x, y, c))) => {
                let (ra, rb): (Option<&Shared<Report>>, _) = (b.reports.get(*x), b.reports.get(*y));
                match (ra, rb) {
                    (Some(ra), Some(rb)) => html! {
                        <CompareView a={ra.clone()} b={rb.clone()} comparison={c.clone()}
                            onswap={onswap} onexport={onexport_compare} onback={onback} />
                    },
                    _ => html! {},
                }
            }
            (Some(b), _, _) => html! {
                <Overview batch={b.clone()} picked={state.picked.clone()} onopen={onopen_report}
                    onpick={onpick_report} oncancel={oncancel_batch} oncompare={oncompare}
                    onexport_rows={onexport_rows} onexport_indicators={onexport_indicators} />
            },
            _ => html! { <p class="empty">{ "还没有批量分析的报告。" }</p> },
        };
        return html! {
            <div class={root_class} {ondragover} {ondragleave} {ondrop}>
                { header }
                { notice }
                <main class="batch-main">{ main }</main>
                { file_input }
                { footer }
            </div>
        };
    }

    if empty {
        return html! {
            <div class={root_class} {ondragover} {ondragleave} {ondrop}>
                { header }
                <main class="start">
                    <p class="hint">{ "粘贴报告全文，或把文件拖到这里" }</p>
                    { textarea }
                    <p class="sub">{ "支持 .docx、网页（.html）和 UTF-8、UTF-16、GBK/GB18030、Big5 编码的 .txt 文件；一次拖入多份报告或打开文件夹即可批量分析、对比。没有报告？点“示例报告”看看效果。" }</p>
                    { notice }
                </main>
                { file_input }
                { footer }
            </div>
        };
    }

    // The outline grows with the rendered document (a long report renders in chunks).
    let layout = &state.layout;
    let outline_limit = match layout.lines.get(state.rendered) {
        Some(first_unrendered) => {
            let line = first_unrendered.index;
            layout.section_line.partition_point(|&l| l < line)
        }
        None => a.sections.len(),
    };
    let meta = &a.meta;
    let title = meta
        .title
        .clone()
        .or_else(|| state.file_name.clone())
        .unwrap_or_else(|| "未命名报告".into());
    let signature = meta.signature.as_ref().map(|s| {
        [s.issuer.clone(), s.date.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    });
    let meta_fields: Vec<(&str, &str, String)> = [
        ("issuer", "发布机关", meta.issuer.clone()),
        ("year", "年度", meta.year.map(|y| y.to_string())),
        ("published", "发布日期", meta.published.clone()),
        ("kind", "类型", meta.kind.map(|k| k.label().to_string())),
        ("signature", "落款", signature.filter(|s| !s.is_empty())),
    ]
    .into_iter()
    .filter_map(|(field, label, v)| v.map(|v| (field, label, v)))
    .collect();
    let meta_items = meta_fields.iter().map(|(field, label, v)| {
        html! { <span data-field={*field}><em>{ *label }</em>{ v }</span> }
    });
    let hits_note = state.hits.as_ref().map(|h| {
        let what = match h.key.split_once(':') {
            Some(("part", id)) => format!("必备部分 {id}"),
            Some(("area", id)) => format!("纲要领域 {id}"),
            Some(("diag", i)) => format!("问题 {}", i.parse::<usize>().map_or(0, |i| i + 1)),
            _ => String::new(),
        };
        html! {
            <p class="hits-note" role="status">
                { format!("已高亮 {what}：{} 处", h.spans.len()) }
                <button type="button" id="clear-highlight" onclick={onclear_hits.clone()}>{ "清除高亮" }</button>
            </p>
        }
    });

    let details = state.selected.and_then(|i| a.indicators.get(i)).map(|ind| {
        let original = state.text.get(ind.span.start..ind.span.end).unwrap_or("");
        let change = ind.direction.map(|d| {
            format!(
                "{}{}",
                ind.basis.unwrap_or(""),
                if d == Direction::Up {
                    "上升"
                } else {
                    "下降"
                }
            )
        });
        let section = ind
            .section
            .filter(|&s| s < a.sections.len())
            .map(|s| path_label(a, s));
        let field = |label: &str, value: Option<String>| match value {
            Some(v) if !v.is_empty() => html! { <span><em>{ label.to_string() }</em>{ v }</span> },
            _ => html! {},
        };
        html! {
            <div class="details" aria-live="polite">
                <span class={classes!("kind", ind.kind.as_str())}>{ ind.kind.label() }</span>
                <q>{ original }</q>
                { field("数值", Some(document::format_value(ind.value))) }
                { field("单位", Some(ind.unit.clone())) }
                { field("约数", ind.approx.map(String::from)) }
                { field("变化", change) }
                { field("主体", Some(ind.subject.clone())) }
                { field("章节", section) }
            </div>
        }
    });

    let center = if state.editing {
        html! {
            <section class="doc-pane editing" aria-label="编辑原文">
                <p class="edit-hint">{ "编辑后稍候自动重新分析；Ctrl+Enter 或 Esc 返回高亮视图。" }</p>
                { textarea }
            </section>
        }
    } else {
        html! {
            <section class="doc-pane" aria-label="报告">
                <div class="doc-head">
                    <h2 data-field="title">{ title }</h2>
                    if !meta_fields.is_empty() { <p id="meta" class="meta">{ for meta_items }</p> }
                    // One node whether or not there is a note (see `details` below).
                    { hits_note.unwrap_or_default() }
                </div>
                <DocumentView layout={state.layout.clone()} limit={state.rendered} selected={state.selected}
                    hits={state.hits.clone()}
                    class={hidden_classes} onselect={onselect} onscroll={ondoc_scroll} />
                // Always one node: `{ for option }` adds or removes a child, and Yew's unkeyed
                // diff would then remount the whole document (losing the keyboard focus).
                { details.unwrap_or_default() }
            </section>
        }
    };

    let hits_key = state.hits.as_ref().map(|h| h.key.clone());
    let active_diagnostic = hits_key
        .as_deref()
        .and_then(|k| k.strip_prefix("diag:"))
        .and_then(|i| i.parse().ok());
    let missing_parts = a
        .parts
        .iter()
        .filter(|p| p.status == report_lens::model::PartStatus::Missing)
        .count();
    let review_label = if missing_parts > 0 {
        format!("审查 · 缺 {missing_parts}")
    } else {
        "审查".to_string()
    };
    let tab = |t: Tab, label: String| {
        let on = state.tab == t;
        let state = state.clone();
        let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::Tab(t)));
        // The WAI-ARIA tabs pattern: only the chosen tab is in the Tab order; the arrow keys
        // (handled on the tab list) move between tabs.
        html! {
            <button type="button" role="tab" id={t.id()} aria-controls="side-panel"
                aria-selected={on.to_string()} tabindex={if on { "0" } else { "-1" }}
                class={classes!(on.then_some("on"))} {onclick}>{ label }</button>
        }
    };
    let ontabkey = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            let k = Tab::ALL.iter().position(|&t| t == state.tab).unwrap_or(0);
            let n = Tab::ALL.len();
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (k + 1) % n,
                "ArrowLeft" | "ArrowUp" => (k + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            let t = Tab::ALL[next];
            state.dispatch(Action::Tab(t));
            if let Some(el) = gloo::utils::document().get_element_by_id(t.id()) {
                if let Some(el) = el.dyn_ref::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        })
    };

    html! {
        <div class={root_class} {ondragover} {ondragleave} {ondrop}>
            { header }
            <Summary analysis={state.analysis.clone()} hidden={state.hidden} analysis_ms={state.analysis_ms} layout_ms={state.layout_ms}
                ontoggle={ontoggle_kind} ondiagnostics={onshow_diagnostics} />
            { notice }
            <main class="panes">
                <nav class="outline-pane" aria-label="大纲">
                    <h2>{ "大纲" }</h2>
                    <Outline analysis={state.analysis.clone()} counts={state.counts.clone()}
                        current={state.current_section} limit={outline_limit} onreveal={onreveal_section} />
                </nav>
                { center }
                <aside class="side-pane">
                    <div class="tabs" role="tablist" aria-label="分析结果" onkeydown={ontabkey}>
                        { tab(Tab::Indicators, format!("指标 {}", a.indicators.len())) }
                        { tab(Tab::Diagnostics, format!("问题 {}", a.diagnostics.len())) }
                        { tab(Tab::Review, review_label) }
                    </div>
                    <div id="side-panel" class="tab-panel" role="tabpanel" aria-labelledby={state.tab.id()}>
                    {
                        match state.tab {
                            Tab::Indicators => html! {
                                <IndicatorTable analysis={state.analysis.clone()} text={state.text.clone()}
                                    selected={state.selected} onpick={onpick} />
                            },
                            Tab::Diagnostics => html! {
                                <Diagnostics analysis={state.analysis.clone()} text={state.text.clone()}
                                    active={active_diagnostic} onpick={onpick_diagnostic} />
                            },
                            Tab::Review => html! {
                                <Review analysis={state.analysis.clone()} text={state.text.clone()}
                                    active={hits_key} onpick={onpick_review} />
                            },
                        }
                    }
                    </div>
                </aside>
            </main>
            { file_input }
            { footer }
            <ReportCard analysis={state.analysis.clone()} file_name={state.file_name.clone()} />
        </div>
    }
}
