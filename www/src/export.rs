//! Exports of the current report, the batch and the comparison: the core writes the strings
//! (the same as the CLI's), the platform hands them to the user.

use crate::platform::{clipboard, download, reader};
use crate::state::{Action, State};
use report_lens::output::{compare, export, overview};
use yew::prelude::*;

/// What to export.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Export {
    /// The indicators as CSV.
    Csv,
    /// The JSON contract.
    Json,
    /// The outline as Markdown.
    Markdown,
    /// The outline as Markdown, to the clipboard.
    CopyOutline,
    /// One row per report of the batch.
    OverviewCsv,
    /// Every indicator of the batch, with a file column.
    BatchIndicatorsCsv,
    /// The two reports compared.
    CompareCsv,
    /// The review memo (审查意见) of the report, as a Word file (made in the worker).
    MemoDocx,
    /// The batch as an Excel workbook (made in the worker).
    BatchXlsx,
    /// The report's whole text, as read (the CLI's `report-lens text`), to the clipboard.
    CopyText,
}

pub(crate) const DOCX: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const CSV: &str = "text/csv;charset=utf-8";

/// Exports `what`; failures become a notice.
pub fn run(state: &UseReducerHandle<State>, what: Export) {
    let s: &State = state;
    let base = download::base_name(s.file_name.as_deref());
    let (name, mime, content) = match what {
        Export::Csv => {
            let name = s.file_name.as_deref().unwrap_or("");
            let csv = export::to_csv(name, &s.text, &s.analysis, true);
            (format!("{base}-指标.csv"), CSV, csv)
        }
        Export::Json => return json(state, format!("{base}.json")),
        Export::MemoDocx => {
            let name = s.file_name.clone().unwrap_or_default();
            let text = s.text.to_string();
            // The reviewer's edited memo, when there is one.
            let edited = s.entry.and_then(|id| s.desk.iter().find(|e| e.id == id));
            let edited = edited.and_then(|e| e.memo.clone());
            return made_in_worker(state, DOCX, async move {
                reader::memo(&name, &text, "docx", edited).await
            });
        }
        Export::BatchXlsx => {
            let Some(b) = &s.batch else { return };
            let reports = b
                .reports
                .iter()
                .map(|r| {
                    let e = s.desk.iter().find(|e| e.id == r.entry);
                    let status = e.map_or("", |e| e.status.label()).to_string();
                    let note = e.map(|e| e.note.clone()).unwrap_or_default();
                    (r.name.clone(), r.text.to_string(), status, note)
                })
                .collect();
            return made_in_worker(state, XLSX, reader::workbook(reports));
        }
        Export::Markdown => (
            format!("{base}-大纲.md"),
            "text/markdown;charset=utf-8",
            export::to_markdown(&s.analysis),
        ),
        Export::CopyOutline => {
            let markdown = export::to_markdown(&s.analysis);
            return copy(state, markdown, "大纲已复制到剪贴板。", "导出 Markdown");
        }
        Export::CopyText => {
            let text = s.text.to_string();
            return copy(state, text, "全文已复制到剪贴板。", "导出 JSON");
        }
        Export::OverviewCsv | Export::BatchIndicatorsCsv => {
            let Some(b) = &s.batch else { return };
            let n = b.reports.len();
            if what == Export::OverviewCsv {
                let rows: Vec<_> = b.reports.iter().map(|r| r.row.clone()).collect();
                (format!("批量{n}份-概览.csv"), CSV, overview::to_csv(&rows))
            } else {
                let all = b
                    .reports
                    .iter()
                    .map(|r| (r.name.as_str(), &*r.text, &*r.analysis));
                (
                    format!("批量{n}份-指标.csv"),
                    CSV,
                    overview::indicators_csv(all),
                )
            }
        }
        Export::CompareCsv => {
            let (Some(b), Some((x, y, c))) = (&s.batch, &s.comparison) else {
                return;
            };
            let base = |i: usize| download::base_name(b.reports.get(i).map(|r| r.name.as_str()));
            let name = format!("对比-{}-{}.csv", base(*x), base(*y));
            (name, CSV, compare::to_csv(c))
        }
    };
    if let Err(e) = download::download(&name, mime, &content) {
        web_sys::console::error_1(&e);
        state.dispatch(Action::Notice(Some("导出失败。".into())));
    }
}

/// The JSON contract comes from the reader worker: the CLI's own serialiser, kept off the
/// first load.
fn json(state: &UseReducerHandle<State>, name: String) {
    let (text, d) = (state.text.clone(), state.dispatcher());
    wasm_bindgen_futures::spawn_local(async move {
        let saved = match reader::json(&text).await {
            Ok(json) => download::download(&name, "application/json;charset=utf-8", &json)
                .map_err(|_| "导出失败。".to_string()),
            Err(e) => Err(format!("导出失败：{e}")),
        };
        if let Err(e) = saved {
            d.dispatch(Action::Notice(Some(e)));
        }
    });
}

/// Downloads the file the worker makes; a failure becomes a notice.
fn made_in_worker(
    state: &UseReducerHandle<State>,
    mime: &'static str,
    file: impl std::future::Future<Output = Result<(String, Vec<u8>), String>> + 'static,
) {
    let d = state.dispatcher();
    wasm_bindgen_futures::spawn_local(async move {
        let saved = match file.await {
            Ok((name, bytes)) => {
                download::download_bytes(&name, mime, &bytes).map_err(|_| "导出失败。".to_string())
            }
            Err(e) => Err(format!("导出失败：{e}")),
        };
        if let Err(e) = saved {
            d.dispatch(Action::Notice(Some(e)));
        }
    });
}

/// Copies `text`; the notice says `done`, or names the export `instead` to use.
pub fn copy(state: &UseReducerHandle<State>, text: String, done: &'static str, instead: &str) {
    let d = state.dispatcher();
    let refused = format!("浏览器不允许写入剪贴板，请改用“{instead}”。");
    match clipboard::copy(&text) {
        Ok(promise) => wasm_bindgen_futures::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            let msg = if ok { done.to_string() } else { refused };
            d.dispatch(Action::Notice(Some(msg)));
        }),
        Err(_) => d.dispatch(Action::Notice(Some(format!(
            "浏览器不支持剪贴板，请改用“{instead}”。"
        )))),
    }
}
