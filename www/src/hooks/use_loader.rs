//! Loading a report: a pasted or typed text, a file, the saved copy, a report of a batch.
//! The analysis runs outside the reducer, in the reader worker, for every text and file
//! (the page shows that it is busy above [`BUSY_BYTES`]).

use crate::hooks::BatchControl;
use crate::platform::workspace::{self, Workspace};
use crate::platform::{dom, reader, storage};
use crate::shared::Shared;
use crate::state::{Action, Analysed, State, View};
use report_lens::input::files::normalise_breaks;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Above this many bytes the page shows that it is working while the worker analyses.
const BUSY_BYTES: usize = 512 * 1024;

/// A text to load as the current report.
pub struct Text {
    pub text: String,
    pub file_name: Option<String>,
    pub notice: Option<String>,
    /// Its review desk entry, when it has one (restored, opened from the desk).
    pub entry: Option<f64>,
    /// What it was read as (`粘贴` for a paste).
    pub kind: String,
}

impl Text {
    /// A text without a name (pasted or dropped as text).
    pub fn pasted(text: String) -> Text {
        Text {
            text,
            file_name: None,
            notice: None,
            entry: None,
            kind: PASTED.to_string(),
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
    /// The bundled sample report (its text comes from the reader worker).
    pub sample: Callback<()>,
}

/// The kind of a pasted or typed text.
pub const PASTED: &str = "粘贴";

/// The name the sample report is shown under.
const SAMPLE_NAME: &str = "示例报告-梅列区2019年法治政府建设工作情况报告.txt";

/// Analyses `text` in the reader worker and hands the result to `done` (after showing
/// `busy`, for a large text). The page carries no analysis code of its own: the core's
/// rules and tables (some 110 KB gzipped) load with the worker, on first use. When the worker
/// fails, the text is still loaded (nothing the reader typed is lost) and the reason shown.
fn analyse(
    d: &UseReducerDispatcher<State>,
    text: Rc<str>,
    busy: String,
    done: impl FnOnce(Analysed) + 'static,
) {
    if text.len() >= BUSY_BYTES {
        d.dispatch(Action::Busy(Some(busy)));
    }
    let d = d.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match reader::analyze(&text).await {
            Ok(r) => done(Analysed::new(text, Shared::new(r.analysis), r.ms)),
            Err(message) => {
                done(Analysed::new(text, Shared::default(), 0.0));
                d.dispatch(Action::Notice(Some(format!("未能分析：{message}"))));
            }
        }
    });
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
            analyse(
                d,
                text,
                format!("正在分析 {mb:.1} MB 文本…"),
                move |a| {
                    d2.dispatch(Action::Load {
                        report: Box::new(a),
                        file_name: t.file_name,
                        notice: t.notice,
                        entry: t.entry,
                        kind: t.kind,
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
            analyse(d, text.into(), "正在重新分析…".into(), move |a| {
                d2.dispatch(Action::Edit(Box::new(a)));
            });
        })
    };

    let open_file = {
        let load_started = load_started.clone();
        use_callback(d.clone(), move |f: web_sys::File, d| {
            *load_started.borrow_mut() = Some(dom::now());
            let name = f.name();
            d.dispatch(Action::Busy(Some("正在读取文件…".into())));
            let shown = name.clone();
            let notice = move |how: &str| Some(format!("已读取 {shown}（{how}）"));
            deliver(reader::read(&f), d.clone(), name.clone(), name, notice);
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
                    entry: Some(r.entry),
                    kind: r.kind.clone(),
                });
            }
        })
    };

    let sample = {
        let load_started = load_started.clone();
        use_callback(d.clone(), move |(), d| {
            *load_started.borrow_mut() = Some(dom::now());
            d.dispatch(Action::Busy(Some("正在载入示例报告…".into())));
            let (name, label) = (SAMPLE_NAME.to_string(), "示例报告".to_string());
            deliver(reader::sample(), d.clone(), name, label, |_| None);
        })
    };

    // The open report comes back after a reload, from its desk entry (an older version's
    // copy in `localStorage` once): its text at once, pending (nothing the reader typed waits
    // on the worker); its analysis below.
    {
        let d = d.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let saved = match storage::current() {
                    Some(id) => {
                        let (store, _) = workspace::open().await;
                        let entry = store.entry(id).await.ok().flatten();
                        let text = store.text(id).await.ok().flatten();
                        entry
                            .zip(text)
                            .filter(|(_, t)| !t.is_empty())
                            .map(|(e, t)| {
                                let name = (!e.name.is_empty()).then_some(e.name);
                                (t, name, Some(id), e.kind)
                            })
                    }
                    None => None,
                };
                let saved =
                    saved.or_else(|| storage::older().map(|(t, n, e)| (t, n, e, String::new())));
                if let Some((text, file_name, entry, kind)) = saved {
                    d.dispatch(Action::Restore(Box::new(Action::Load {
                        report: Box::new(Analysed::pending(normalise_breaks(text).into())),
                        file_name,
                        notice: Some("已恢复上次的报告（自动保存在本机浏览器的审查台中）。".into()),
                        entry,
                        kind,
                    })));
                }
            });
        });
    }

    // A pending text (the restored report) is analysed when the document view shows it and
    // the page is idle: the worker's start does not compete with what the reader opened
    // first (the 审查台), and waits for the reader's return to the document.
    {
        let requested = use_mut_ref(|| None::<u32>);
        let showing = use_mut_ref(|| false);
        *showing.borrow_mut() = state.view == View::Document;
        let key = (state.pending, *showing.borrow(), state.revision);
        let (text, d) = (state.text.clone(), d.clone());
        use_effect_with(key, move |&(pending, shown, revision)| {
            if pending && shown && *requested.borrow() != Some(revision) {
                *requested.borrow_mut() = Some(revision);
                dom::when_idle(1000, move || {
                    if !*showing.borrow() {
                        // The reader left the document: ask again on the way back.
                        *requested.borrow_mut() = None;
                        return;
                    }
                    let d2 = d.clone();
                    analyse(&d, text, "正在分析…".into(), move |a| {
                        d2.dispatch(Action::Analysed(Box::new(a)));
                    });
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
        sample,
    }
}

/// Loads what the reader worker answers for the file `name` (a dropped file or the sample)
/// with the notice `notice` makes from how it was read; on an error the current text stays
/// and only the message, headed by `label`, changes.
fn deliver(
    answer: impl std::future::Future<Output = Result<reader::ReadFile, String>> + 'static,
    d: UseReducerDispatcher<State>,
    name: String,
    label: String,
    notice: impl FnOnce(&str) -> Option<String> + 'static,
) {
    wasm_bindgen_futures::spawn_local(async move {
        match answer.await {
            Ok(read) => {
                let text = Rc::from(read.text);
                let analysis = Shared::new(read.analysis);
                d.dispatch(Action::Load {
                    report: Box::new(Analysed::new(text, analysis, read.ms)),
                    notice: notice(&read.how),
                    file_name: Some(name),
                    entry: None,
                    kind: read.how,
                });
            }
            Err(e) => {
                d.dispatch(Action::Busy(None));
                d.dispatch(Action::Notice(Some(format!("{label}：{e}"))));
            }
        }
    });
}
