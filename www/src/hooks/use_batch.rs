//! Many reports at once: each file is read and analysed in turn in slices of a few
//! milliseconds (the page keeps painting and the progress bar moves; a cancel button stops
//! it), and the overview shows one row per report.

use crate::batch::{Progress, Report};
use crate::platform::{dom, files};
use crate::shared::Shared;
use crate::state::{Action, State};
use report_lens::output::overview;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Work done before the loop gives the browser a turn.
const SLICE_MS: f64 = 12.0;

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
            let report = Callback::from(move |p| d.dispatch(Action::BatchProgress(p)));
            wasm_bindgen_futures::spawn_local(run(files, cancel, report));
        })
    };
    let cancel = use_callback((), move |_: (), _| cancel_flag.borrow().set(true));
    BatchControl { start, cancel }
}

/// Reads and analyses `files` in order, a slice at a time; stops when `cancel` is set.
async fn run(files: Vec<web_sys::File>, cancel: Rc<Cell<bool>>, report: Callback<Progress>) {
    let t0 = dom::now();
    let mut slice = dom::now();
    let mut done = Vec::new();
    let mut failed = Vec::new();
    for f in files {
        if cancel.get() {
            break;
        }
        let name = files::label(&f);
        match files::read(&f).await {
            Ok(opened) => {
                let analysis = report_lens::analyze(&opened.text);
                let row = overview::row(&name, &analysis);
                done.push(Shared::new(Report {
                    name,
                    text: opened.text.into(),
                    analysis: Shared::new(analysis),
                    row,
                }));
            }
            Err(message) => failed.push((name, message)),
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
