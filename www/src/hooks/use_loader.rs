//! Loading a report: a pasted or typed text, a file, the saved copy, a report of a batch.
//! The analysis runs here, outside the reducer; a large text first shows that it is being
//! analysed.

use crate::hooks::BatchControl;
use crate::platform::{dom, files, storage};
use crate::state::{Action, Analysed, State};
use report_lens::input::files::normalise_breaks;
use std::rc::Rc;
use yew::prelude::*;

/// Above this many bytes the page first shows that it is working, then analyses.
const BUSY_BYTES: usize = 512 * 1024;

/// A text to load as the current report.
pub struct Text {
    pub text: String,
    pub file_name: Option<String>,
    pub notice: Option<String>,
}

impl Text {
    /// A text without a name (pasted or dropped as text).
    pub fn pasted(text: String) -> Text {
        Text {
            text,
            file_name: None,
            notice: None,
        }
    }
}

/// What the page can load.
#[derive(Clone, PartialEq)]
pub struct Loader {
    /// A new report.
    pub load: Callback<Text>,
    /// The edited text (analysed again only when it changed).
    pub edit: Callback<String>,
    /// Dropped or chosen files: one opens, several make a batch.
    pub open_files: Callback<Vec<web_sys::File>>,
    /// A report of the batch, by index.
    pub open_report: Callback<usize>,
}

/// Runs `f` now, or after the browser has painted a busy notice when `text` is large.
fn when_painted(
    d: &UseReducerDispatcher<State>,
    bytes: usize,
    busy: String,
    f: impl FnOnce() + 'static,
) {
    if bytes < BUSY_BYTES {
        f();
    } else {
        d.dispatch(Action::Busy(Some(busy)));
        dom::after_paint(f);
    }
}

#[hook]
pub fn use_loader(state: &UseReducerHandle<State>, batch: &BatchControl) -> Loader {
    // When a paste, drop or file started: measured to the first paint of its highlights.
    let load_started = use_mut_ref(|| None::<f64>);
    let d = state.dispatcher();

    let load = {
        let load_started = load_started.clone();
        use_callback(d.clone(), move |t: Text, d| {
            *load_started.borrow_mut() = Some(dom::now());
            let text: Rc<str> = normalise_breaks(t.text).into();
            let mb = text.len() as f64 / 1_048_576.0;
            let d2 = d.clone();
            when_painted(
                d,
                text.len(),
                format!("正在分析 {mb:.1} MB 文本…"),
                move || {
                    d2.dispatch(Action::Load {
                        report: Box::new(Analysed::of(text)),
                        file_name: t.file_name,
                        notice: t.notice,
                    });
                },
            );
        })
    };

    let edit = {
        let current = state.text.clone();
        use_callback((d.clone(), current), move |text: String, (d, current)| {
            if **current == *text {
                d.dispatch(Action::Busy(None));
                return;
            }
            let d2 = d.clone();
            when_painted(d, text.len(), "正在重新分析…".into(), move || {
                d2.dispatch(Action::Edit(Box::new(Analysed::of(text.into()))));
            });
        })
    };

    let open_file = {
        let load = load.clone();
        use_callback(d.clone(), move |f: web_sys::File, d| {
            let (load, d) = (load.clone(), d.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = f.name();
                match files::read(&f).await {
                    Ok(opened) => load.emit(Text {
                        text: opened.text,
                        notice: Some(format!("已读取 {name}（{}）", opened.how)),
                        file_name: Some(name),
                    }),
                    // The current text stays: only the message changes.
                    Err(e) => d.dispatch(Action::Notice(Some(format!("{name}：{e}")))),
                }
            });
        })
    };

    let open_files = use_callback(
        (open_file, batch.start.clone()),
        |files: Vec<web_sys::File>, (open_file, start)| {
            if files.len() > 1 {
                start.emit(files);
            } else if let Some(f) = files.into_iter().next() {
                open_file.emit(f);
            }
        },
    );

    let open_report = {
        let batch = state.batch.clone();
        use_callback((d.clone(), batch), |i: usize, (d, batch)| {
            if let Some(r) = batch.as_ref().and_then(|b| b.reports.get(i)) {
                let report = Analysed::new(r.text.clone(), r.analysis.clone(), 0.0);
                d.dispatch(Action::OpenReport {
                    report: Box::new(report),
                    name: r.name.clone(),
                });
            }
        })
    };

    // The saved report comes back after a reload.
    {
        let load = load.clone();
        use_effect_with((), move |_| {
            if let Some((text, file_name)) = storage::load() {
                load.emit(Text {
                    text,
                    file_name,
                    notice: Some("已恢复上次的报告（自动保存在本机浏览器中）。".into()),
                });
            }
        });
    }

    // Time from paste/drop/open to highlights on screen, after the browser has painted.
    {
        let analysis_ms = state.analysis_ms;
        use_effect_with(state.revision, move |_| {
            if let Some(t0) = load_started.borrow_mut().take() {
                dom::after_paint(move || {
                    let ms = dom::now() - t0;
                    if let Some(el) = dom::by_id("summary") {
                        let _ = el.set_attribute("data-paint-ms", &format!("{ms:.1}"));
                    }
                    dom::log(&format!(
                        "report-lens: analysis {analysis_ms:.2} ms, on screen after {ms:.1} ms"
                    ));
                });
            }
        });
    }

    Loader {
        load,
        edit,
        open_files,
        open_report,
    }
}
