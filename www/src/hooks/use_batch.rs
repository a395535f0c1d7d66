//! Many reports at once: the reader worker reads and analyses each file (a few at a time, in
//! order); the page takes the results as they come in, in tasks of a few milliseconds (it
//! keeps painting and the progress bar moves; a cancel button stops it), and the overview
//! shows one row per report.

use crate::batch::{Progress, Report};
use crate::hooks::{entry_of, renewed, same_report};
use crate::platform::workspace::{self, Entry, Workspace};
use crate::platform::{dom, files, reader};
use crate::shared::Shared;
use crate::state::{Action, State};
use report_lens::output::overview;
use std::cell::Cell;
use std::collections::VecDeque;
use std::rc::Rc;
use yew::prelude::*;

/// Work done before the loop gives the browser a turn.
const SLICE_MS: f64 = 12.0;

/// Files sent to the worker ahead of the one awaited, so that it never waits for the page.
const AHEAD: usize = 4;

/// Starts and stops batches.
#[derive(Clone, PartialEq)]
pub struct BatchControl {
    /// Reads and analyses these files as a new batch (stopping the one running).
    pub start: Callback<Vec<web_sys::File>>,
    /// Stops the running batch.
    pub cancel: Callback<()>,
}

#[hook]
pub fn use_batch(state: &UseReducerHandle<State>) -> BatchControl {
    // Set to stop the running batch.
    let cancel_flag = use_mut_ref(|| Rc::new(Cell::new(false)));
    let d = state.dispatcher();
    let start = {
        let cancel_flag = cancel_flag.clone();
        use_callback(d, move |files: Vec<web_sys::File>, d| {
            // A new batch stops the one still running.
            cancel_flag.borrow().set(true);
            let cancel = Rc::new(Cell::new(false));
            *cancel_flag.borrow_mut() = cancel.clone();
            d.dispatch(Action::BatchStart(files.len()));
            let d = d.clone();
            let d2 = d.clone();
            let report = Callback::from(move |p| d.dispatch(Action::BatchProgress(p)));
            let keep = Callback::from(move |e| d2.dispatch(Action::DeskPut(e)));
            wasm_bindgen_futures::spawn_local(run(files, cancel, report, keep));
        })
    };
    let cancel = use_callback((), move |_: (), _| cancel_flag.borrow().set(true));
    BatchControl { start, cancel }
}

/// Reads and analyses `files` in order, each kept on the review desk (`keep` lists it);
/// stops when `cancel` is set.
async fn run(
    files: Vec<web_sys::File>,
    cancel: Rc<Cell<bool>>,
    report: Callback<Progress>,
    keep: Callback<workspace::Entry>,
) {
    let (store, _) = workspace::open().await;
    // Files read before keep their entries (and the reviewer's status, note and memo).
    let mut known = store.entries().await.unwrap_or_default();
    let t0 = dom::now();
    let mut slice = dom::now();
    let mut done = Vec::new();
    let mut failed = Vec::new();
    let mut files = files.into_iter();
    let mut on_the_way = VecDeque::new();
    loop {
        while on_the_way.len() < AHEAD && !cancel.get() {
            let Some(f) = files.next() else { break };
            on_the_way.push_back((files::label(&f), reader::read(&f)));
        }
        let Some((name, answer)) = on_the_way.pop_front() else {
            break;
        };
        match answer.await {
            Ok(read) => {
                let row = overview::row(&name, &read.analysis);
                let fresh = entry_of(workspace::new_id(), &name, &read.how, &row);
                let entry = match same_report(&known, &name, &row) {
                    Some(id) => {
                        let k = known.iter().position(|e| e.id == id).unwrap_or_default();
                        renewed(known.remove(k), Entry { id, ..fresh })
                    }
                    None => fresh,
                };
                // Written beside the batch, which does not wait for it (a refused write was
                // told when the desk opened).
                let (store, e, text) = (store.clone(), entry.clone(), read.text.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = store.put(&e, Some(&text)).await;
                });
                keep.emit(entry.clone());
                done.push(Shared::new(Report {
                    entry: entry.id,
                    kind: read.how,
                    name,
                    text: read.text.into(),
                    analysis: Shared::new(read.analysis),
                    row,
                }));
            }
            Err(message) => failed.push((name, message)),
        }
        if cancel.get() {
            break;
        }
        if dom::now() - slice > SLICE_MS {
            report.emit(Progress::Some(
                std::mem::take(&mut done),
                std::mem::take(&mut failed),
            ));
            dom::yield_to_browser().await;
            slice = dom::now();
        }
    }
    report.emit(Progress::Some(done, failed));
    report.emit(Progress::Done {
        ms: dom::now() - t0,
        cancelled: cancel.get(),
    });
}
