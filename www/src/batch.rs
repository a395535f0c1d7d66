//! Many reports at once: each file is read and analysed on the main thread in slices of a
//! few milliseconds (the page keeps painting and the progress bar moves; a cancel button
//! stops it), and the overview shows one row per report ([`report_lens::output::overview::row`]).
//!
//! A Worker would move the analysis off the main thread, but a 20 KB report takes about a
//! millisecond to analyse: slicing keeps every task short without a second wasm instance
//! (measured by the browser tests: the longest task while 3 and 60 reports go through).

use crate::app::now;
use crate::shared::Shared;
use report_lens::output::overview::{self, Row};
use report_lens::{Analysis, Kind};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Work done before the loop gives the browser a turn.
const SLICE_MS: f64 = 12.0;

/// One analysed report of a batch.
#[derive(Debug)]
pub struct Report {
    /// The file name (with its folder, for a folder).
    pub name: String,
    pub text: Rc<str>,
    pub analysis: Shared<Analysis>,
    pub row: Row,
}

/// A batch: the reports analysed so far, the files that could not be read, progress.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    pub reports: Vec<Shared<Report>>,
    /// File name and why it was not read.
    pub failed: Vec<(String, String)>,
    pub total: usize,
    pub running: bool,
    pub cancelled: bool,
    /// Time from the drop to the last report, in milliseconds.
    pub ms: f64,
}

impl Batch {
    /// Files handled so far, read or not.
    pub fn done(&self) -> usize {
        self.reports.len() + self.failed.len()
    }
}

/// What the loop reports to the app.
pub enum Progress {
    /// Reports analysed and files refused since the last message.
    Some(Vec<Shared<Report>>, Vec<(String, String)>),
    /// Finished (or cancelled) after this many milliseconds.
    Done { ms: f64, cancelled: bool },
}

/// Reads and analyses `files` in order, a slice at a time; stops when `cancel` is set.
pub async fn run(files: Vec<web_sys::File>, cancel: Rc<Cell<bool>>, report: Callback<Progress>) {
    let t0 = now();
    let mut slice = now();
    let mut done = Vec::new();
    let mut failed = Vec::new();
    for f in files {
        if cancel.get() {
            break;
        }
        let name = file_label(&f);
        match crate::file::read(&f).await {
            Ok(opened) => {
                let text = normalise_breaks(opened.text);
                let analysis = report_lens::analyze(&text);
                let row = overview::row(&name, &analysis);
                done.push(Shared::new(Report {
                    name,
                    text: text.into(),
                    analysis: Shared::new(analysis),
                    row,
                }));
            }
            Err(message) => failed.push((name, message)),
        }
        if now() - slice > SLICE_MS {
            report.emit(Progress::Some(
                std::mem::take(&mut done),
                std::mem::take(&mut failed),
            ));
            yield_to_browser().await;
            slice = now();
        }
    }
    report.emit(Progress::Some(done, failed));
    report.emit(Progress::Done {
        ms: now() - t0,
        cancelled: cancel.get(),
    });
}

/// Line breaks as a textarea has them, so offsets agree with the document view.
pub fn normalise_breaks(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// A file's name with its folder when it came from one.
fn file_label(f: &web_sys::File) -> String {
    let path = js_sys::Reflect::get(f, &"webkitRelativePath".into())
        .ok()
        .and_then(|p| p.as_string())
        .filter(|p| !p.is_empty());
    path.unwrap_or_else(|| f.name())
}

/// Lets the browser handle input and paint (a macrotask, so rendering can happen).
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub batch: Shared<Batch>,
    /// Reports ticked for comparison (at most two).
    pub picked: Rc<Vec<usize>>,
    pub onopen: Callback<usize>,
    pub onpick: Callback<usize>,
    pub oncancel: Callback<()>,
    pub oncompare: Callback<()>,
    pub onexport_rows: Callback<()>,
    pub onexport_indicators: Callback<()>,
}

/// The overview table of a batch, with progress, exports and the choice of two to compare.
#[component]
pub fn Overview(props: &OverviewProps) -> Html {
    let b = &props.batch;
    let total = b.total;
    let done = b.done();
    let rows = b.reports.iter().enumerate().map(|(i, r)| {
        html! {
            <OverviewRow key={i} index={i} report={r.clone()} picked={props.picked.contains(&i)}
                onopen={props.onopen.clone()} onpick={props.onpick.clone()} />
        }
    });
    let failed = b.failed.iter().map(|(name, why)| {
        html! { <li><b>{ name }</b>{ "：" }{ why }</li> }
    });
    let cancel = {
        let cb = props.oncancel.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let compare = {
        let cb = props.oncompare.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let export_rows = {
        let cb = props.onexport_rows.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let export_indicators = {
        let cb = props.onexport_indicators.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let status = if b.running {
        format!("正在分析 {done} / {total} 份…")
    } else if b.cancelled {
        format!("已取消：分析了 {done} / {total} 份，用时 {:.0} ms。", b.ms)
    } else {
        format!("{done} 份全部处理完毕，用时 {:.0} ms。", b.ms)
    };
    let kinds: String = Kind::ALL
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join("/");
    html! {
        <section id="overview" class="overview" aria-label="批量概览"
            data-running={b.running.to_string()} data-batch-ms={format!("{:.1}", b.ms)}>
            <div class="overview-bar">
                <progress id="batch-progress" max={total.max(1).to_string()} value={done.to_string()}></progress>
                <span class="status" role="status">{ status }</span>
                if b.running {
                    <button type="button" id="batch-cancel" onclick={cancel}>{ "取消" }</button>
                }
                <span class="sep" aria-hidden="true"></span>
                <button type="button" id="export-overview" onclick={export_rows} disabled={b.reports.is_empty()}>{ "导出概览 CSV" }</button>
                <button type="button" id="export-batch-indicators" onclick={export_indicators} disabled={b.reports.is_empty()}
                    title="所有报告的指标，合并为一个 CSV，含文件列">{ "导出全部指标 CSV" }</button>
                <button type="button" id="compare-picked" class="primary" onclick={compare} disabled={props.picked.len() != 2}
                    title="勾选两份报告后对比">{ format!("对比所选（{}/2）", props.picked.len()) }</button>
            </div>
            <p class="hint">{ "点击一行在文档视图中打开该报告；勾选两份报告可逐项对比（与上年对比）。" }</p>
            <div class="table-scroll">
                <table class="overview-table" aria-label="批量概览">
                    <thead><tr>
                        <th>{ "对比" }</th><th>{ "文件" }</th><th>{ "标题" }</th><th>{ "发布机关" }</th><th>{ "年度" }</th>
                        <th>{ "字数" }</th><th>{ "章节" }</th><th>{ "指标" }</th><th title={kinds}>{ "按类型" }</th>
                        <th>{ "必备部分" }</th><th>{ "纲要覆盖" }</th><th>{ "问题" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if !b.failed.is_empty() {
                <div class="failed">
                    <h2>{ format!("未能读取 {} 个文件", b.failed.len()) }</h2>
                    <ul>{ for failed }</ul>
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    index: usize,
    report: Shared<Report>,
    picked: bool,
    onopen: Callback<usize>,
    onpick: Callback<usize>,
}

/// One report; unchanged rows are not re-rendered while the batch grows.
#[component]
fn OverviewRow(props: &RowProps) -> Html {
    let i = props.index;
    let r = &props.report.row;
    let onclick = {
        let cb = props.onopen.clone();
        Callback::from(move |_: MouseEvent| cb.emit(i))
    };
    // Enter opens the focused row, as a click does (not from the checkbox: Space ticks it).
    let onkeydown = {
        let cb = props.onopen.clone();
        Callback::from(move |e: KeyboardEvent| {
            let on_row = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| t.tag_name() == "TR");
            if on_row && e.key() == "Enter" {
                e.prevent_default();
                cb.emit(i);
            }
        })
    };
    let onpick = {
        let cb = props.onpick.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            cb.emit(i)
        })
    };
    let by_kind: Vec<String> = Kind::ALL
        .iter()
        .map(|&k| r.by_kind.get(k).to_string())
        .collect();
    let dash = || "—".to_string();
    let missing = if r.parts_missing.is_empty() {
        String::new()
    } else {
        format!(" 缺{}", r.parts_missing.join(","))
    };
    html! {
        <tr data-report={i.to_string()} class={classes!(props.picked.then_some("picked"))} {onclick} {onkeydown}
            tabindex="0" title="在文档视图中打开（回车）">
            <td onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                <input type="checkbox" data-pick={i.to_string()} checked={props.picked} onclick={onpick}
                    aria-label="选择以对比" />
            </td>
            <td class="file">{ &r.file }</td>
            <td class="title">{ r.title.clone().unwrap_or_else(dash) }</td>
            <td>{ r.issuer.clone().unwrap_or_else(dash) }</td>
            <td class="num">{ r.year.map_or_else(dash, |y| y.to_string()) }</td>
            <td class="num">{ r.chars }</td>
            <td class="num">{ r.sections }</td>
            <td class="num">{ r.indicators }</td>
            <td class="num kinds">{ by_kind.join("/") }</td>
            <td class={classes!("parts-cell", (!r.parts_missing.is_empty()).then_some("missing"))}>
                { format!("{}/{}{missing}", r.parts_found, r.parts_total) }
            </td>
            <td>{ format!("{}/{} · 均分 {}", r.coverage_areas, r.coverage_total, r.coverage_mean) }</td>
            <td class="num">{ r.diagnostics }</td>
        </tr>
    }
}
