//! The reader worker, seen from the page: file readers and the analysis of big inputs run in
//! a second wasm (`www/reader`) in a Web Worker, started the first time it is needed — the
//! first load carries neither the readers nor the encoding tables.
//!
//! The worker is `reader.js?v=<protocol>` next to the page (it loads
//! `report-lens-reader.js` and its wasm with the same `v`), or, in the one-file build, the
//! blob URL that build leaves in `globalThis.reportLensReader`. Its first message names its
//! protocol ([`wire::PROTOCOL`]); a reader from another build (a cached old file) is
//! replaced once by a fresh download, and never used.
//!
//! Results arrive in pieces ([`wire::Piece`]), each converted into the core's types as it
//! comes, so that no task on the page is long even for a 10 MB text.

use crate::wire::{Columns, Piece, Request, Response, PROTOCOL};
use futures_channel::oneshot;
use report_lens::lex::marker::Ordinal;
use report_lens::model::{AreaCoverage, Part, PartStatus, PhraseHit, Signature, Via};
use report_lens::text::Script;
use report_lens::{
    Analysis, Code, Diagnostic, Direction, Indicator, Kind, Meta, ReportKind, Section, Severity,
    Span,
};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A file read by the worker, with its analysis.
pub struct ReadFile {
    pub text: String,
    /// What it was read as: `GBK`, `Word .docx`, `网页 · UTF-8`.
    pub how: String,
    pub analysis: Analysis,
    /// Time the analysis took in the worker.
    pub ms: f64,
}

/// An analysis made by the worker.
pub struct Analysed {
    pub analysis: Analysis,
    pub ms: f64,
}

const BROKEN: &str = "读取程序出错，请重试；如仍失败，请刷新页面。";
const STALE: &str = "读取程序与页面的版本不一致，请刷新页面（Ctrl+F5）后重试。";

/// Reads `file` in the worker and analyses its text. The request leaves at once (several can
/// be on their way); the future resolves when its answer is complete.
pub fn read(file: &web_sys::File) -> impl std::future::Future<Output = Result<ReadFile, String>> {
    let request = Request::Read {
        id: 0,
        name: file.name(),
    };
    let answer = send(request, Some(file.clone().into()));
    async move {
        let done = receive_answer(answer).await?;
        let (text, how) = done.text.unwrap_or_default();
        let (analysis, ms) = done.analysis.ok_or_else(|| BROKEN.to_string())?;
        Ok(ReadFile {
            text,
            how,
            analysis,
            ms,
        })
    }
}

/// Analyses `text` in the worker.
pub async fn analyze(text: &str) -> Result<Analysed, String> {
    let request = Request::Analyze {
        id: 0,
        text: text.to_string(),
    };
    let done = receive_answer(send(request, None)).await?;
    let (analysis, ms) = done.analysis.ok_or_else(|| BROKEN.to_string())?;
    Ok(Analysed { analysis, ms })
}

/// The JSON contract of `text` (analysed again in the worker: the same function gives the
/// same analysis), written by the CLI's own code.
pub async fn json(text: &str) -> Result<String, String> {
    let request = Request::Json {
        id: 0,
        text: text.to_string(),
    };
    let done = receive_answer(send(request, None)).await?;
    done.json.ok_or_else(|| BROKEN.to_string())
}

async fn receive_answer(answer: Result<Answer, String>) -> Result<Done, String> {
    answer?.await.unwrap_or_else(|_| Err(BROKEN.to_string()))
}

/// What a request gets back.
struct Done {
    text: Option<(String, String)>,
    /// The analysis and the time it took in the worker.
    analysis: Option<(Analysis, f64)>,
    json: Option<String>,
}

type Reply = oneshot::Sender<Result<Done, String>>;
type Answer = oneshot::Receiver<Result<Done, String>>;

/// A request on its way: the text, when a file was read, and the analysis so far.
struct Pending {
    reply: Reply,
    text: Option<(String, String)>,
    analysis: Option<(Analysis, f64)>,
}

struct Reader {
    worker: web_sys::Worker,
    /// Messages held until the worker says it is ready.
    queue: RefCell<Option<Vec<JsValue>>>,
    /// Requests on their way, by id (a few at a time).
    pending: RefCell<Vec<(u32, Pending)>>,
    next_id: Cell<u32>,
    _onmessage: Closure<dyn Fn(web_sys::MessageEvent)>,
    _onerror: Closure<dyn Fn(web_sys::Event)>,
}

thread_local! {
    static READER: RefCell<Option<Rc<Reader>>> = const { RefCell::new(None) };
    /// Readers taken out of service, kept so that a closure of theirs is never dropped while
    /// it runs (a failure is noticed inside their own message handler).
    static RETIRED: RefCell<Vec<Rc<Reader>>> = const { RefCell::new(Vec::new()) };
    /// A stale reader was seen: the next start downloads a fresh one.
    static BUST: Cell<bool> = const { Cell::new(false) };
}

/// Posts `request` (with `file`) to the worker, starting it if needed.
fn send(mut request: Request, file: Option<JsValue>) -> Result<Answer, String> {
    let reader = match READER.with(|r| r.borrow().clone()) {
        Some(r) => r,
        None => start()?,
    };
    let id = reader.next_id.get();
    reader.next_id.set(id.wrapping_add(1));
    match &mut request {
        Request::Read { id: slot, .. }
        | Request::Analyze { id: slot, .. }
        | Request::Json { id: slot, .. } => *slot = id,
    }
    let value = serde_wasm_bindgen::to_value(&request).map_err(|_| BROKEN.to_string())?;
    let message = js_sys::Array::of2(&value, &file.unwrap_or(JsValue::UNDEFINED));
    let (reply, answer) = oneshot::channel();
    reader.pending.borrow_mut().push((
        id,
        Pending {
            reply,
            text: None,
            analysis: None,
        },
    ));
    match &mut *reader.queue.borrow_mut() {
        Some(queue) => queue.push(message.into()),
        None => {
            let _ = reader.worker.post_message(&message);
        }
    }
    Ok(answer)
}

/// The worker's URL: the one-file build's blob, or `reader.js` beside the page.
fn url() -> String {
    let global = js_sys::global();
    if let Some(blob) = js_sys::Reflect::get(&global, &"reportLensReader".into())
        .ok()
        .and_then(|v| v.as_string())
    {
        return blob;
    }
    if BUST.with(Cell::get) {
        format!("reader.js?v={PROTOCOL:08x}-{}", js_sys::Date::now() as u64)
    } else {
        format!("reader.js?v={PROTOCOL:08x}")
    }
}

fn start() -> Result<Rc<Reader>, String> {
    let worker = web_sys::Worker::new(&url()).map_err(|_| BROKEN.to_string())?;
    let onmessage = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
        match serde_wasm_bindgen::from_value::<Response>(e.data()) {
            Ok(r) => receive(r),
            Err(_) => fail_all(BROKEN),
        }
    });
    let onerror = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        e.prevent_default();
        fail_all(BROKEN);
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    let reader = Rc::new(Reader {
        worker,
        queue: RefCell::new(Some(Vec::new())),
        pending: RefCell::new(Vec::new()),
        next_id: Cell::new(1),
        _onmessage: onmessage,
        _onerror: onerror,
    });
    READER.with(|r| *r.borrow_mut() = Some(reader.clone()));
    Ok(reader)
}

/// Ends the worker and every request on it with `message`; the next request starts anew.
fn fail_all(message: &str) {
    let Some(reader) = READER.with(|r| r.borrow_mut().take()) else {
        return;
    };
    reader.worker.terminate();
    reader.worker.set_onmessage(None);
    reader.worker.set_onerror(None);
    for (_, p) in reader.pending.borrow_mut().drain(..) {
        let _ = p.reply.send(Err(message.to_string()));
    }
    RETIRED.with(|r| r.borrow_mut().push(reader));
}

fn find(pending: &mut [(u32, Pending)], id: u32) -> Option<&mut Pending> {
    pending.iter_mut().find(|(k, _)| *k == id).map(|(_, p)| p)
}

fn take(pending: &mut Vec<(u32, Pending)>, id: u32) -> Option<Pending> {
    let k = pending.iter().position(|(x, _)| *x == id)?;
    Some(pending.remove(k).1)
}

fn receive(r: Response) {
    let Some(reader) = READER.with(|r| r.borrow().clone()) else {
        return;
    };
    match r {
        Response::Ready { protocol } if protocol == PROTOCOL => {
            if let Some(queue) = reader.queue.borrow_mut().take() {
                for m in queue {
                    let _ = reader.worker.post_message(&m);
                }
            }
        }
        Response::Ready { .. } => restart_fresh(reader),
        Response::Text { id, text, how } => {
            if let Some(p) = find(&mut reader.pending.borrow_mut(), id) {
                p.text = Some((text, how));
            }
        }
        Response::Json { id, json } => {
            if let Some(p) = take(&mut reader.pending.borrow_mut(), id) {
                let _ = p.reply.send(Ok(Done {
                    text: None,
                    analysis: None,
                    json: Some(json),
                }));
            }
        }
        Response::Failed { id, message } => {
            if let Some(p) = take(&mut reader.pending.borrow_mut(), id) {
                let _ = p.reply.send(Err(message));
            }
        }
        Response::Piece { id, piece } => {
            let mut pending = reader.pending.borrow_mut();
            let Some(p) = find(&mut pending, id) else {
                return;
            };
            if let Piece::End = piece {
                if let Some(p) = take(&mut pending, id) {
                    let _ = p.reply.send(Ok(Done {
                        text: p.text,
                        analysis: p.analysis,
                        json: None,
                    }));
                }
            } else {
                take_piece(&mut p.analysis, piece);
            }
        }
    }
}

/// A reader from another build answered: download a fresh one once, else give up.
fn restart_fresh(stale: Rc<Reader>) {
    if BUST.with(|b| b.replace(true)) {
        fail_all(STALE);
        return;
    }
    // Move the waiting requests to a new worker fetched past any cache.
    READER.with(|r| r.borrow_mut().take());
    stale.worker.terminate();
    let Ok(fresh) = start() else {
        for (_, p) in stale.pending.borrow_mut().drain(..) {
            let _ = p.reply.send(Err(BROKEN.to_string()));
        }
        RETIRED.with(|r| r.borrow_mut().push(stale));
        return;
    };
    let queue = stale.queue.borrow_mut().take().unwrap_or_default();
    fresh
        .pending
        .borrow_mut()
        .extend(stale.pending.borrow_mut().drain(..));
    fresh.next_id.set(stale.next_id.get());
    if let Some(q) = &mut *fresh.queue.borrow_mut() {
        q.extend(queue);
    }
    RETIRED.with(|r| r.borrow_mut().push(stale));
}

// ---- wire → core ------------------------------------------------------------------------

/// Reads records out of [`Columns`] (layout in [`crate::wire::Columns`]); a short column
/// reads as zeros and empty texts, never a panic.
struct Decoder {
    ints: std::vec::IntoIter<u32>,
    floats: std::vec::IntoIter<f64>,
    texts: std::vec::IntoIter<String>,
}

impl Decoder {
    fn new(c: Columns) -> Decoder {
        Decoder {
            ints: c.ints.into_iter(),
            floats: c.floats.into_iter(),
            texts: c.texts.into_iter(),
        }
    }
    fn more(&self) -> bool {
        self.ints.len() > 0
    }
    fn int(&mut self) -> u32 {
        self.ints.next().unwrap_or(0)
    }
    fn index(&mut self) -> usize {
        self.int() as usize
    }
    fn flag(&mut self) -> bool {
        self.int() != 0
    }
    fn float(&mut self) -> f64 {
        self.floats.next().unwrap_or(0.0)
    }
    fn span(&mut self) -> Span {
        let start = self.index();
        Span::new(start, self.index())
    }
    fn text(&mut self) -> String {
        self.texts.next().unwrap_or_default()
    }
    fn opt<T>(&mut self, read: impl FnOnce(&mut Self) -> T) -> Option<T> {
        self.flag().then(|| read(self))
    }
    fn list<T>(&mut self, read: impl Fn(&mut Self) -> T) -> Vec<T> {
        let n = self.index();
        // A count can never exceed what is left: a damaged message stops early.
        (0..n.min(self.ints.len() + self.texts.len() + 1))
            .map(|_| read(self))
            .collect()
    }
}

/// The core keeps some labels as `&'static str`; they come from a small fixed vocabulary
/// (part and area names, qualifiers, bases, phrases), so each distinct one is kept once.
fn intern(s: String) -> &'static str {
    thread_local! {
        static STRINGS: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    }
    STRINGS.with(|v| {
        let mut v = v.borrow_mut();
        if let Some(&known) = v.iter().find(|&&k| k == s) {
            return known;
        }
        let leaked: &'static str = Box::leak(s.into_boxed_str());
        v.push(leaked);
        leaked
    })
}

fn take_piece(slot: &mut Option<(Analysis, f64)>, piece: Piece) {
    match piece {
        Piece::Begin(c) => {
            let mut d = Decoder::new(c);
            let ms = d.float();
            let meta = meta(&mut d);
            let chrome = d.list(Decoder::span);
            let parts = d.list(part);
            let coverage = d.list(area);
            let analysis = Analysis {
                meta,
                sections: Vec::new(),
                indicators: Vec::new(),
                diagnostics: Vec::new(),
                chrome,
                parts,
                coverage,
            };
            *slot = Some((analysis, ms));
        }
        Piece::Sections(c) => {
            if let Some((a, _)) = slot {
                let mut d = Decoder::new(c);
                while d.more() {
                    a.sections.push(section(&mut d));
                }
            }
        }
        Piece::Indicators(c) => {
            if let Some((a, _)) = slot {
                let mut d = Decoder::new(c);
                while d.more() {
                    a.indicators.push(indicator(&mut d));
                }
            }
        }
        Piece::Diagnostics(c) => {
            if let Some((a, _)) = slot {
                let mut d = Decoder::new(c);
                while d.more() {
                    if let Some(x) = diagnostic(&mut d) {
                        a.diagnostics.push(x);
                    }
                }
            }
        }
        Piece::End => {}
    }
}

fn meta(d: &mut Decoder) -> Meta {
    Meta {
        title: d.opt(Decoder::text),
        title_span: d.opt(Decoder::span),
        year: d.opt(|d| d.int() as u16),
        published: d.opt(Decoder::text),
        issuer: d.opt(Decoder::text),
        issuer_span: d.opt(Decoder::span),
        script: d.opt(|d| match d.int() {
            0 => Script::Simplified,
            1 => Script::Traditional,
            _ => Script::Mixed,
        }),
        chars: d.index(),
        kind: d.opt(|d| match d.int() {
            0 => ReportKind::RuleOfLawGovernment,
            1 => ReportKind::LawfulAdministration,
            _ => ReportKind::Other,
        }),
        signature: d.opt(|d| Signature {
            issuer: d.opt(Decoder::text),
            date: d.opt(Decoder::text),
            span: d.span(),
        }),
    }
}

fn section(d: &mut Decoder) -> Section {
    Section {
        level: d.int() as u8,
        heading: d.span(),
        title_span: d.span(),
        span: d.span(),
        inferred: d.flag(),
        parent: d.opt(Decoder::index),
        run_in: d.flag(),
        marker: d.text(),
        title: d.text(),
        ordinal: Ordinal::default(),
    }
}

fn indicator(d: &mut Decoder) -> Indicator {
    Indicator {
        span: d.span(),
        number: d.span(),
        value: d.float(),
        unit: d.text(),
        kind: Kind::ALL.get(d.index()).copied().unwrap_or(Kind::Other),
        approx: d.opt(|d| intern(d.text())),
        direction: d.opt(|d| {
            if d.flag() {
                Direction::Up
            } else {
                Direction::Down
            }
        }),
        basis: d.opt(|d| intern(d.text())),
        subject: d.text(),
        subject_spans: [d.span(), d.span()],
        section: d.opt(Decoder::index),
    }
}

fn diagnostic(d: &mut Decoder) -> Option<Diagnostic> {
    let code = Code::ALL.get(d.index()).copied();
    let severity = match d.int() {
        0 => Severity::Info,
        1 => Severity::Warning,
        _ => Severity::Error,
    };
    let message = d.text();
    let span = d.span();
    let spans = d.list(Decoder::span);
    let confidence = d.opt(|d| d.float() as f32);
    Some(Diagnostic {
        code: code?,
        severity,
        message,
        span,
        spans,
        confidence,
    })
}

fn part(d: &mut Decoder) -> Part {
    Part {
        id: intern(d.text()),
        name: intern(d.text()),
        status: match d.int() {
            0 => PartStatus::Found,
            1 => PartStatus::Weak,
            _ => PartStatus::Missing,
        },
        span: d.opt(Decoder::span),
        via: d.opt(|d| if d.flag() { Via::Heading } else { Via::Passage }),
        section: d.opt(Decoder::index),
        evidence: d.list(Decoder::text),
    }
}

fn area(d: &mut Decoder) -> AreaCoverage {
    AreaCoverage {
        area: intern(d.text()),
        name: intern(d.text()),
        score: d.int(),
        points: d.int(),
        sections: d.list(Decoder::index),
        phrases: d.list(|d| PhraseHit {
            text: intern(d.text()),
            count: d.int(),
            weight: d.int(),
        }),
        spans: d.list(Decoder::span),
    }
}
