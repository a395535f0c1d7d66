//! The reader worker, seen from the page: file readers and every analysis run in a second
//! wasm (`www/reader`) in a Web Worker, started the first time it is needed (or when the
//! reader shows the intent: [`warm`]) — the first load carries neither the readers, nor the
//! encoding tables, nor the core's rules and 纲要 tables.
//!
//! The worker is `reader.js?v=<protocol>` next to the page (it loads
//! `report-lens-reader.js` and its wasm with the same `v`), or, in the one-file build, the
//! blob URL that build leaves in `globalThis.reportLensReader`. Its first message names its
//! protocol ([`wire::PROTOCOL`]); a reader from another build (a cached old file) is
//! replaced once by a fresh download, and never used.
//!
//! Results arrive in pieces ([`wire::Piece`]), each converted into the core's types as it
//! comes, so that no task on the page is long even for a 10 MB text.

mod decode;

use crate::wire::{Piece, Request, Response, PROTOCOL};
use decode::take_piece;
use futures_channel::oneshot;
use report_lens::output::memo::Memo;
use report_lens::Analysis;
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
    read_answer(send(request, Some(file.clone().into())))
}

/// The bundled sample report and its analysis, from the worker (the first load leaves the
/// sample's text out).
pub fn sample() -> impl std::future::Future<Output = Result<ReadFile, String>> {
    read_answer(send(Request::Sample { id: 0 }, None))
}

/// The text and analysis a `Read` or `Sample` request gets back.
async fn read_answer(answer: Result<Answer, String>) -> Result<ReadFile, String> {
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

/// Starts the worker ahead of its first request (the reader focused the input, or drags a
/// file over the page), so that its wasm downloads and compiles while the text is pasted.
/// Does nothing once it runs; a failure shows with the request that needs it.
pub fn warm() {
    if READER.with(|r| r.borrow().is_none()) {
        let _ = start();
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

/// The review memo (审查意见) of `text` — the reviewer's `edited` one when given, else
/// drafted — written in the worker (docx-rs and the memo's renderers stay off the first
/// load): its file name and bytes.
pub async fn memo(
    name: &str,
    text: &str,
    format: &str,
    edited: Option<Memo>,
) -> Result<(String, Vec<u8>), String> {
    let request = Request::Memo {
        id: 0,
        name: name.to_string(),
        text: text.to_string(),
        format: format.to_string(),
        memo: edited,
    };
    let done = receive_answer(send(request, None)).await?;
    done.file.ok_or_else(|| BROKEN.to_string())
}

/// The memo drafted from `text`'s analysis (`output::memo::draft`, in the worker).
pub async fn draft(name: &str, text: &str) -> Result<Memo, String> {
    let request = Request::Draft {
        id: 0,
        name: name.to_string(),
        text: text.to_string(),
    };
    let done = receive_answer(send(request, None)).await?;
    done.memo.ok_or_else(|| BROKEN.to_string())
}

/// The batch as an Excel workbook, written in the worker with rust_xlsxwriter: each report's
/// name, text, status and note; the file name and bytes.
pub async fn workbook(
    reports: Vec<(String, String, String, String)>,
) -> Result<(String, Vec<u8>), String> {
    let done = receive_answer(send(Request::Workbook { id: 0, reports }, None)).await?;
    done.file.ok_or_else(|| BROKEN.to_string())
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
    /// A file made in the worker: name and bytes.
    file: Option<(String, Vec<u8>)>,
    memo: Option<Memo>,
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
        | Request::Json { id: slot, .. }
        | Request::Memo { id: slot, .. }
        | Request::Draft { id: slot, .. }
        | Request::Workbook { id: slot, .. }
        | Request::Sample { id: slot } => *slot = id,
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
                    file: None,
                    memo: None,
                }));
            }
        }
        Response::File { id, name, bytes } => {
            if let Some(p) = take(&mut reader.pending.borrow_mut(), id) {
                let _ = p.reply.send(Ok(Done {
                    text: None,
                    analysis: None,
                    json: None,
                    file: Some((name, bytes)),
                    memo: None,
                }));
            }
        }
        Response::Memo { id, memo } => {
            if let Some(p) = take(&mut reader.pending.borrow_mut(), id) {
                let _ = p.reply.send(Ok(Done {
                    text: None,
                    analysis: None,
                    json: None,
                    file: None,
                    memo: Some(memo),
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
                        file: None,
                        memo: None,
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
