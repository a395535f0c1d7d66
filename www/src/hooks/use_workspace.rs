//! The review desk (审查台) and autosave: every report the page analyses is kept on the desk
//! ([`crate::platform::workspace`]) as it is loaded and after every edit; the open one is the
//! entry [`crate::platform::storage`] names, which a reload restores (a draft an older version
//! kept in `localStorage` becomes an entry once, when restored).

use crate::export::{DOCX, XLSX};
use crate::hooks::{Text, PASTED};
use crate::platform::workspace::{self, Entry, Status, Workspace};
use crate::platform::{dom, download, reader, storage};
use crate::state::{Action, State, View};
use gloo::events::EventListener;
use report_lens::output::memo::Memo;
use report_lens::output::overview::{self, Row};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

const SAVE_REFUSED: &str =
    "浏览器不允许记住当前打开的报告：它已保存在审查台，刷新页面后请从审查台打开。";

/// What the desk can do.
#[derive(Clone, PartialEq)]
pub struct DeskControl {
    pub set_status: Callback<(f64, Status)>,
    pub set_note: Callback<(f64, String)>,
    /// Deletes an entry (撤销 puts it back).
    pub delete: Callback<f64>,
    pub undo: Callback<()>,
    /// Opens an entry as the current report.
    pub open: Callback<f64>,
    /// The whole desk as an Excel workbook, with status and note.
    pub export_xlsx: Callback<()>,
    /// Opens the 审查意见 of an entry (drafted by the worker the first time).
    pub open_memo: Callback<f64>,
    /// The edited memo of an entry.
    pub edit_memo: Callback<(f64, Memo)>,
    /// The memo being edited as `docx` (downloaded), `text` or `markdown` (copied).
    pub export_memo: Callback<&'static str>,
    /// The open report's text as typed (a large text, analysed on request only): saved to its
    /// entry at once, so that a crash loses nothing.
    pub save_text: Callback<String>,
}

/// A desk entry for a report: its overview row's figures.
pub fn entry_of(id: f64, name: &str, kind: &str, row: &Row) -> Entry {
    let now = js_sys::Date::now();
    Entry {
        id,
        name: name.to_string(),
        kind: kind.to_string(),
        added: now,
        opened: now,
        title: row.title.clone(),
        issuer: row.issuer.clone(),
        year: row.year,
        score: row.task_score,
        problems: row.diagnostics as u32,
        ..Entry::default()
    }
}

/// The entry of a report kept before: a file read again (the same name, with its folder,
/// and the same title and figures), or a text pasted again (no name, and the same title,
/// issuer, year and figures; a text without a title is always a new entry).
pub fn same_report(desk: &[Entry], name: &str, row: &Row) -> Option<f64> {
    if name.is_empty() && row.title.is_none() {
        return None;
    }
    let same = |e: &&Entry| {
        e.name == name
            && (!name.is_empty() || e.issuer == row.issuer)
            && e.title == row.title
            && e.year == row.year
            && e.score == row.task_score
            && e.problems == row.diagnostics as u32
    };
    desk.iter().rev().find(same).map(|e| e.id)
}

/// `fresh` (a text saved again) with what the reviewer and the desk kept of `old`: the date
/// added, status, note, memo, and the kind when the new one does not say.
pub fn renewed(old: Entry, fresh: Entry) -> Entry {
    Entry {
        added: old.added,
        status: old.status,
        note: old.note,
        memo: old.memo,
        kind: if fresh.kind.is_empty() {
            old.kind
        } else {
            fresh.kind
        },
        ..fresh
    }
}

#[hook]
pub fn use_workspace(state: &UseReducerHandle<State>, load: Callback<Text>) -> DeskControl {
    // Open the desk, list it, and list it again when another tab changes it.
    {
        let d = state.dispatcher();
        use_effect_with((), move |_| {
            let d2 = d.clone();
            spawn_local(async move {
                let t0 = dom::now();
                let (store, refused) = workspace::open().await;
                if let Some(why) = refused {
                    d2.dispatch(Action::Refused(why));
                }
                if let Ok(list) = store.entries().await {
                    let n = list.len();
                    d2.dispatch(Action::Desk(list));
                    dom::log(&format!(
                        "report-lens: desk of {n} listed in {:.1} ms",
                        dom::now() - t0
                    ));
                }
            });
            let d3 = d.clone();
            // Another tab made a report its open one: its text, compared with this tab's.
            let text = storage::watch(move |id| {
                let d = d3.clone();
                spawn_local(async move {
                    let text = match id {
                        Some(id) => workspace::open().await.0.text(id).await.ok().flatten(),
                        None => None,
                    };
                    d.dispatch(Action::OtherTab(text));
                });
            });
            let desk = EventListener::new(&gloo::utils::window(), "storage", move |e| {
                let e: &web_sys::StorageEvent = wasm_bindgen::JsCast::unchecked_ref(e);
                if e.key().as_deref() == Some(workspace::TOUCHED) {
                    let d = d.clone();
                    spawn_local(async move {
                        let (store, _) = workspace::open().await;
                        if let Ok(list) = store.entries().await {
                            d.dispatch(Action::Desk(list));
                        }
                    });
                }
            });
            move || drop((text, desk))
        });
    }

    // Save the open report after every analysis (the first render saves nothing).
    {
        let state = state.clone();
        use_effect_with(state.revision, move |&revision| {
            if revision == 0 || state.pending {
                return;
            }
            if state.text.is_empty() {
                storage::clear();
                return;
            }
            let name = state.file_name.clone().unwrap_or_default();
            let row = overview::row(&name, &state.analysis);
            // A file opened again is the entry it made before, not a second one.
            let id = state
                .entry
                .or_else(|| same_report(&state.desk, &name, &row));
            let id = id.unwrap_or_else(workspace::new_id);
            if state.entry != Some(id) {
                state.dispatch(Action::Entry(id));
            }
            let listed = state.desk.iter().find(|e| e.id == id).cloned();
            let (text, kind, d) = (state.text.clone(), state.kind.clone(), state.dispatcher());
            spawn_local(async move {
                let (store, _) = workspace::open().await;
                // Not listed yet (restored before the desk was read): keep what is stored.
                let old = match listed {
                    Some(e) => Some(e),
                    None => store
                        .entries()
                        .await
                        .ok()
                        .and_then(|l| l.into_iter().find(|e| e.id == id)),
                };
                let entry = match (old, entry_of(id, &name, &kind, &row)) {
                    (Some(old), fresh) => renewed(old, fresh),
                    (None, fresh) if fresh.kind.is_empty() => Entry {
                        kind: PASTED.into(),
                        ..fresh
                    },
                    (None, fresh) => fresh,
                };
                match store.put(&entry, Some(&text)).await {
                    Ok(()) => {
                        if !storage::set_current(id) {
                            d.dispatch(Action::Notice(Some(SAVE_REFUSED.into())));
                        }
                        d.dispatch(Action::DeskPut(entry));
                    }
                    Err(message) => d.dispatch(Action::Notice(Some(message))),
                }
            });
        });
    }

    // The callbacks read the state of the latest render: they keep their identity, so the
    // desk's rows that did not change are not rendered again.
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    let d = state.dispatcher();
    let change = {
        let latest = latest.clone();
        move |id: f64, f: &dyn Fn(&mut Entry)| {
            let desk = latest.borrow().desk.clone();
            let Some(mut e) = desk.iter().find(|e| e.id == id).cloned() else {
                return;
            };
            f(&mut e);
            let d = d.clone();
            // The list changes at once: a note typed stays on screen while it is written.
            d.dispatch(Action::DeskPut(e.clone()));
            spawn_local(async move {
                let (store, _) = workspace::open().await;
                if let Err(message) = store.put(&e, None).await {
                    d.dispatch(Action::Notice(Some(message)));
                }
            });
        }
    };
    let set_status = {
        let change = change.clone();
        use_callback((), move |(id, s): (f64, Status), _| {
            change(id, &|e| e.status = s)
        })
    };
    let set_note = {
        let change = change.clone();
        use_callback((), move |(id, note): (f64, String), _| {
            change(id, &|e| e.note = note.clone())
        })
    };
    let edit_memo = use_callback((), move |(id, m): (f64, Memo), _| {
        storage::set_signer(&m.signer);
        change(id, &|e| e.memo = Some(m.clone()))
    });
    let open_memo = use_callback(state.dispatcher(), {
        let latest = latest.clone();
        move |id: f64, d| {
            let desk = latest.borrow().desk.clone();
            let Some(mut e) = desk.iter().find(|e| e.id == id).cloned() else {
                return;
            };
            if e.memo.is_some() {
                return d.dispatch(Action::EditMemo(id));
            }
            let d = d.clone();
            d.dispatch(Action::Busy(Some("正在起草审查意见…".into())));
            spawn_local(async move {
                let (store, _) = workspace::open().await;
                let text = store.text(id).await.ok().flatten().unwrap_or_default();
                let drafted = reader::draft(&e.name, &text).await;
                d.dispatch(Action::Busy(None));
                match drafted {
                    Ok(mut m) => {
                        // Signed today by the body that signed the last memo.
                        if m.date.is_empty() {
                            m.date = dom::today();
                        }
                        if m.signer.is_empty() {
                            m.signer = storage::signer().unwrap_or_default();
                        }
                        e.memo = Some(m);
                        if let Err(message) = store.put(&e, None).await {
                            d.dispatch(Action::Notice(Some(message)));
                        }
                        d.dispatch(Action::DeskPut(e));
                        d.dispatch(Action::EditMemo(id));
                    }
                    Err(message) => {
                        d.dispatch(Action::Notice(Some(format!("无法起草审查意见：{message}"))))
                    }
                }
            });
        }
    });
    let export_memo = use_callback(
        (state.desk.clone(), state.memo_entry, state.dispatcher()),
        |format: &'static str, (desk, id, d)| {
            let Some(e) = desk.iter().find(|e| Some(e.id) == *id) else {
                return;
            };
            let Some(m) = e.memo.clone() else { return };
            let d = d.clone();
            spawn_local(async move {
                let file = m.file.clone();
                let made = reader::memo(&file, "", format, Some(m)).await;
                let done = match (format, made) {
                    ("docx", Ok((name, bytes))) => download::download_bytes(&name, DOCX, &bytes)
                        .map_err(|_| "导出失败。".to_string()),
                    (_, Ok((_, bytes))) => {
                        let text = String::from_utf8_lossy(&bytes).into_owned();
                        let label = if format == "markdown" {
                            "Markdown"
                        } else {
                            "文本"
                        };
                        match crate::platform::clipboard::copy(&text) {
                            Ok(p) => wasm_bindgen_futures::JsFuture::from(p)
                                .await
                                .map(|_| {
                                    d.dispatch(Action::Notice(Some(format!(
                                        "审查意见（{label}）已复制到剪贴板。"
                                    ))))
                                })
                                .map_err(|_| "浏览器不允许写入剪贴板，请改用“导出 Word”。".into()),
                            Err(_) => Err("浏览器不支持剪贴板，请改用“导出 Word”。".into()),
                        }
                    }
                    (_, Err(e)) => Err(format!("导出失败：{e}")),
                };
                if let Err(message) = done {
                    d.dispatch(Action::Notice(Some(message)));
                }
            });
        },
    );
    let delete = use_callback(state.dispatcher(), {
        let latest = latest.clone();
        move |id: f64, d| {
            let (desk, current) = {
                let s = latest.borrow();
                (s.desk.clone(), s.entry)
            };
            let Some(e) = desk.iter().find(|e| e.id == id).cloned() else {
                return;
            };
            if current == Some(id) {
                // The open report leaves with its entry: a reload must not bring it back.
                storage::clear();
                d.dispatch(Action::Clear);
            }
            let d = d.clone();
            spawn_local(async move {
                let (store, _) = workspace::open().await;
                let text = store.text(id).await.ok().flatten().unwrap_or_default();
                match store.delete(id).await {
                    Ok(()) => d.dispatch(Action::DeskRemoved(e, text)),
                    Err(message) => d.dispatch(Action::Notice(Some(message))),
                }
            });
        }
    });
    let undo = use_callback(
        (state.undo.clone(), state.dispatcher()),
        |_: (), (undo, d)| {
            let Some(undo) = undo.clone() else { return };
            let d = d.clone();
            spawn_local(async move {
                let (store, _) = workspace::open().await;
                let (e, text) = &*undo;
                match store.put(e, Some(text)).await {
                    Ok(()) => {
                        d.dispatch(Action::DeskPut(e.clone()));
                        d.dispatch(Action::DeskRestored);
                    }
                    Err(message) => d.dispatch(Action::Notice(Some(message))),
                }
            });
        },
    );
    let open = use_callback((state.dispatcher(), load), {
        let latest = latest.clone();
        move |id: f64, (d, load)| {
            let desk = latest.borrow().desk.clone();
            let Some(e) = desk.iter().find(|e| e.id == id).cloned() else {
                return;
            };
            let (d, load) = (d.clone(), load.clone());
            spawn_local(async move {
                let (store, _) = workspace::open().await;
                match store.text(id).await {
                    Ok(Some(text)) => {
                        d.dispatch(Action::View(View::Document));
                        load.emit(Text {
                            text,
                            file_name: (!e.name.is_empty()).then(|| e.name.clone()),
                            notice: Some(format!("已从审查台打开 {}", e.label())),
                            entry: Some(id),
                            kind: e.kind,
                        });
                    }
                    _ => d.dispatch(Action::Notice(Some(
                        "审查台中找不到这份报告的原文（可能已在其他标签页删除）。".into(),
                    ))),
                }
            });
        }
    });
    let export_xlsx = use_callback(
        (state.desk.clone(), state.dispatcher()),
        |_: (), (desk, d)| {
            let (desk, d) = (desk.clone(), d.clone());
            spawn_local(async move {
                let (store, _) = workspace::open().await;
                let mut reports = Vec::with_capacity(desk.len());
                for e in desk.iter() {
                    let text = store.text(e.id).await.ok().flatten().unwrap_or_default();
                    let name = if e.name.is_empty() {
                        e.label()
                    } else {
                        &e.name
                    };
                    let status = e.status.label().to_string();
                    reports.push((name.to_string(), text, status, e.note.clone()));
                }
                let n = reports.len();
                let made = reader::workbook(reports).await.and_then(|(_, bytes)| {
                    download::download_bytes(&format!("审查台{n}份-审查.xlsx"), XLSX, &bytes)
                        .map_err(|_| "导出失败。".to_string())
                });
                if let Err(e) = made {
                    d.dispatch(Action::Notice(Some(format!("导出失败：{e}"))));
                }
            });
        },
    );
    let save_text = use_callback(state.dispatcher(), move |text: String, d| {
        let (desk, current) = {
            let s = latest.borrow();
            (s.desk.clone(), s.entry)
        };
        let Some(e) = current.and_then(|id| desk.iter().find(|e| e.id == id).cloned()) else {
            return;
        };
        let d = d.clone();
        spawn_local(async move {
            let (store, _) = workspace::open().await;
            match store.put(&e, Some(&text)).await {
                Ok(()) => {
                    storage::set_current(e.id);
                }
                Err(message) => d.dispatch(Action::Notice(Some(message))),
            }
        });
    });
    DeskControl {
        save_text,
        set_status,
        set_note,
        delete,
        undo,
        open,
        export_xlsx,
        open_memo,
        edit_memo,
        export_memo,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "某区2023年法治政府建设年度报告\n一、主要举措和成效\n全年办理案件64件。";

    fn kept(name: &str) -> (Entry, Row) {
        let row = overview::row(name, &report_lens::analyze(TEXT));
        let mut e = Entry {
            id: 7.0,
            name: name.into(),
            title: row.title.clone(),
            year: row.year,
            score: row.task_score,
            problems: row.diagnostics as u32,
            ..Entry::default()
        };
        e.status = Status::Revise;
        e.note = "请补充".into();
        (e, row)
    }

    #[test]
    fn a_file_read_again_is_its_entry() {
        let (e, row) = kept("收到/某区.docx");
        assert_eq!(
            same_report(std::slice::from_ref(&e), "收到/某区.docx", &row),
            Some(7.0)
        );
        assert_eq!(
            same_report(std::slice::from_ref(&e), "其他/某区.docx", &row),
            None,
            "another folder"
        );
        let changed = overview::row("收到/某区.docx", &report_lens::analyze("另一份报告"));
        assert_eq!(
            same_report(&[e], "收到/某区.docx", &changed),
            None,
            "another text"
        );
    }

    #[test]
    fn a_text_pasted_again_is_its_entry() {
        let (mut e, row) = kept("");
        assert!(row.title.is_some());
        e.issuer = row.issuer.clone();
        assert_eq!(same_report(std::slice::from_ref(&e), "", &row), Some(7.0));
        let other = overview::row(
            "",
            &report_lens::analyze(
                "某县2023年法治政府建设年度报告\n一、主要举措和成效\n全年办理案件64件。",
            ),
        );
        assert_eq!(
            same_report(std::slice::from_ref(&e), "", &other),
            None,
            "another issuer's title"
        );
        let figures = overview::row(
            "",
            &report_lens::analyze(&format!("{TEXT}\n三、存在的问题\n个别单位落实不到位。")),
        );
        assert_eq!(
            same_report(std::slice::from_ref(&e), "", &figures),
            None,
            "other findings"
        );
        assert_eq!(
            same_report(&[e], "某区.txt", &row),
            None,
            "a file is not a paste"
        );
    }

    #[test]
    fn pasted_texts_without_a_title_are_always_new() {
        let (e, _) = kept("");
        let untitled = overview::row("", &report_lens::analyze("全年办理案件64件。"));
        assert!(untitled.title.is_none());
        assert_eq!(same_report(&[e], "", &untitled), None);
    }

    #[test]
    fn a_renewed_entry_keeps_the_reviewers_work() {
        let (mut old, _) = kept("a.txt");
        (old.added, old.kind) = (1.0, "PDF".into());
        // What entry_of makes of the text read again (its clock is the browser's).
        let fresh = Entry {
            id: 7.0,
            name: "a.txt".into(),
            added: 2.0,
            opened: 2.0,
            ..Entry::default()
        };
        let e = renewed(old, fresh);
        assert_eq!((e.status, e.note.as_str()), (Status::Revise, "请补充"));
        assert_eq!((e.added, e.opened, e.kind.as_str()), (1.0, 2.0, "PDF"));
    }
}
