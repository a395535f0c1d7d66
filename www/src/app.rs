//! The [`App`] component: the state, the hooks, and the layout of the page. Everything it
//! shows is a component of [`crate::components`]; everything it does to the browser goes
//! through [`crate::platform`].

use crate::components::compare_view::CompareView;
use crate::components::desk::Desk;
use crate::components::details::Details;
use crate::components::doc_head::DocHead;
use crate::components::document::DocumentView;
use crate::components::file_inputs::FileInputs;
use crate::components::memo_editor::MemoEditor;
use crate::components::outline::Outline;
use crate::components::overview::Overview;
use crate::components::report_card::ReportCard;
use crate::components::report_input::ReportInput;
use crate::components::side_panel::SidePanel;
use crate::components::summary::Summary;
use crate::components::toolbar::{Command, Toolbar};
use crate::export::{self, Export};
use crate::focus::Target;
use crate::hooks::{
    use_batch, use_chunked_render, use_current_section, use_loader, use_reveal, use_workspace, Text,
};
use crate::platform::{dom, files, reader, storage};
use crate::shared::Shared;
use crate::state::{Action, State, View};
use report_lens::Kind;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

const LARGE_EDIT_NOTICE: &str = "文本较大：编辑完成后按 Ctrl+Enter 或点“查看分析”重新分析。";

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let input_ref = use_node_ref();
    let file_ref = use_node_ref();
    let folder_ref = use_node_ref();
    use_chunked_render(&state);
    use_reveal(&state);
    let batch = use_batch(&state);
    let loader = use_loader(&state, &batch);
    let desk = use_workspace(&state, loader.load.clone());
    let d = state.dispatcher();
    let ondoc_scroll = use_current_section(state.layout.clone(), state.current_section, d.clone());

    // --- input: typing, drop, file pickers ------------------------------------------------
    let analyse_now = {
        let (input_ref, edit) = (input_ref.clone(), loader.edit.clone());
        move || {
            if let Some(area) = input_ref.cast::<HtmlTextAreaElement>() {
                edit.emit(area.value());
            }
        }
    };
    let ondone = {
        let (state, analyse_now) = (state.clone(), analyse_now.clone());
        Callback::from(move |_: ()| {
            analyse_now();
            if !state.is_empty() {
                state.dispatch(Action::SetEditing(false));
            }
        })
    };
    let onlarge = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            if state.notice.as_deref() != Some(LARGE_EDIT_NOTICE) {
                state.dispatch(Action::Notice(Some(LARGE_EDIT_NOTICE.into())));
            }
        })
    };
    let ondragover = {
        let state = state.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !state.dragging {
                reader::warm();
                state.dispatch(Action::Dragging(true));
            }
        })
    };
    let ondragleave = {
        let d = d.clone();
        Callback::from(move |e: DragEvent| {
            // Only when leaving the window, not when moving between children.
            if e.related_target().is_none() {
                d.dispatch(Action::Dragging(false));
            }
        })
    };
    let ondrop = {
        let (d, loader) = (d.clone(), loader.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            d.dispatch(Action::Dragging(false));
            let Some(data) = e.data_transfer() else {
                return;
            };
            if let Some(list) = data.files().filter(|f| f.length() > 0) {
                loader.open_files.emit(files::list(&list));
            } else if let Ok(text) = data.get_data("text/plain") {
                if !text.trim().is_empty() {
                    loader.load.emit(Text::pasted(text));
                }
            }
        })
    };
    let onfolder = {
        let (d, start) = (d.clone(), batch.start.clone());
        Callback::from(move |files: Vec<web_sys::File>| {
            if files.is_empty() {
                d.dispatch(Action::Notice(Some(
                    "文件夹中没有可读取的报告（.txt、.docx、.doc、.wps、.ofd、.html）。".into(),
                )));
            } else {
                start.emit(files);
            }
        })
    };

    // --- toolbar ------------------------------------------------------------------------------
    let oncommand = {
        let (state, loader, open_memo) = (state.clone(), loader.clone(), desk.open_memo.clone());
        let (file_ref, folder_ref) = (file_ref.clone(), folder_ref.clone());
        Callback::from(move |c: Command| match c {
            Command::OpenFiles => click(&file_ref),
            Command::OpenFolder => click(&folder_ref),
            Command::Sample => loader.sample.emit(()),
            Command::View(v) => state.dispatch(Action::View(v)),
            Command::ToggleEdit => {
                if state.editing {
                    analyse_now();
                }
                state.dispatch(Action::SetEditing(!state.editing));
            }
            Command::ExportCsv => export::run(&state, Export::Csv),
            Command::ExportJson => export::run(&state, Export::Json),
            Command::ExportMarkdown => export::run(&state, Export::Markdown),
            Command::CopyOutline => export::run(&state, Export::CopyOutline),
            Command::ExportMemo => export::run(&state, Export::MemoDocx),
            Command::CopyText => export::run(&state, Export::CopyText),
            Command::EditMemo => match state.entry {
                Some(id) => open_memo.emit(id),
                None => state.dispatch(Action::Notice(Some(
                    "报告正在保存到审查台，请稍候再试。".into(),
                ))),
            },
            Command::PrintCard => dom::print(),
            Command::Clear => {
                if dom::confirm("关闭当前报告？它仍保存在审查台中，可从审查台再次打开。")
                {
                    storage::clear();
                    state.dispatch(Action::Clear);
                }
            }
        })
    };
    let onexport = |what: Export| {
        let state = state.clone();
        Callback::from(move |_: ()| export::run(&state, what))
    };

    // --- panels -------------------------------------------------------------------------------
    // Callbacks handed to child components keep their identity across renders (they only
    // dispatch), so a child whose other props did not change is not re-rendered.
    let onselect = use_callback(d.clone(), |i, d| d.dispatch(Action::Select(i)));
    let onpick = use_callback(d.clone(), |i, d| d.dispatch(Action::Pick(i)));
    let onreveal_section = use_callback(d.clone(), |i, d| {
        d.dispatch(Action::Reveal(Target::Section(i)))
    });
    let onfocus = use_callback(d.clone(), |f, d| d.dispatch(Action::Focus(f)));
    let onclear_hits = use_callback(d.clone(), |_: (), d| d.dispatch(Action::ClearHits));
    let ontab = use_callback(d.clone(), |t, d| d.dispatch(Action::Tab(t)));
    let ontoggle_kind = use_callback(d.clone(), |k, d| d.dispatch(Action::ToggleKind(k)));
    let onshow_diagnostics = use_callback(d.clone(), |_, d| {
        d.dispatch(Action::Tab(crate::state::Tab::Diagnostics))
    });
    let onpick_report = use_callback(d.clone(), |i, d| d.dispatch(Action::PickReport(i)));
    let oncompare = use_callback(d.clone(), |_: (), d| d.dispatch(Action::Compare));
    let onswap = use_callback(d.clone(), |_: (), d| d.dispatch(Action::SwapCompare));
    let onback = use_callback(d.clone(), |_: (), d| {
        d.dispatch(Action::View(View::Overview))
    });
    let onback_desk = use_callback(d.clone(), |_: (), d| d.dispatch(Action::View(View::Desk)));

    // --- view ---------------------------------------------------------------------------------
    let a = &state.analysis;
    let empty = state.is_empty();
    let textarea = html! {
        <ReportInput node_ref={input_ref.clone()} text={state.text.clone()}
            onload={loader.load.clone()} onedit={loader.edit.clone()} {onlarge} {ondone}
            onsave={desk.save_text.clone()} />
    };
    let file_inputs = html! {
        <FileInputs file_ref={file_ref.clone()} folder_ref={folder_ref.clone()}
            onfiles={loader.open_files.clone()} {onfolder} />
    };
    let notice = html! {
        <>
        if let Some(why) = state.refused {
            <p id="storage-refused" class="notice" role="alert">{ why }</p>
        }
        <p class={classes!("notice", state.busy.is_some().then_some("busy"))} role="status" aria-live="polite">
            { state.busy.clone().or_else(|| state.notice.clone()).unwrap_or_default() }
        </p>
        </>
    };
    let root_class = classes!("app", state.dragging.then_some("dragging"));
    let header = html! {
        <header class="top">
            <h1>{ "report-lens" }<small>{ "法治政府建设年度报告分析" }</small></h1>
            <Toolbar report={!empty && state.view == View::Document} editing={state.editing}
                view={state.view} batch={state.batch.as_ref().map(|b| b.reports.len())}
                comparing={state.comparison.is_some()} desk={state.desk.len()} {oncommand} />
        </header>
    };
    let footer = html! {
        <footer class="foot">
            { "全部分析在本机浏览器内完成，报告内容不会上传。" }
            <a href="report-lens.html" download="report-lens.html"
                title="整个应用一个文件：下载后双击即可离线使用，无需联网或服务器">{ "离线单文件版" }</a>
            <a href="report-lens-compat.html" download="report-lens-compat.html"
                title="供 Chromium 97 以前内核的浏览器（旧版 360、奇安信、统信等）离线使用，与单文件版放在同一文件夹">{ "旧内核兼容版" }</a>
        </footer>
    };

    if state.view != View::Document {
        let memo = state
            .memo_entry
            .and_then(|id| state.desk.iter().find(|e| e.id == id));
        let memo = memo.and_then(|e| e.memo.clone().map(|m| (e.id, m)));
        let main = match (&state.batch, state.view, &state.comparison) {
            (_, View::Desk, _) => html! {
                <Desk entries={state.desk.clone()} current={state.entry}
                    deleted={state.undo.as_ref().map(|u| u.0 .0.label().to_string())}
                    onstatus={desk.set_status.clone()} onnote={desk.set_note.clone()}
                    onopen={desk.open.clone()} ondelete={desk.delete.clone()} onundo={desk.undo.clone()}
                    onexport={desk.export_xlsx.clone()} onmemo={desk.open_memo.clone()} />
            },
            (_, View::Memo, _) => match memo {
                Some((id, m)) => html! {
                    <MemoEditor memo={Shared::new(m)} onchange={desk.edit_memo.reform(move |m| (id, m))}
                        onexport={desk.export_memo.clone()} onback={onback_desk.clone()} />
                },
                None => html! { <p class="empty">{ "审查意见不存在（报告可能已删除）。" }</p> },
            },
            (Some(b), View::Compare, Some((x, y, c))) => {
                match (b.reports.get(*x), b.reports.get(*y)) {
                    (Some(ra), Some(rb)) => html! {
                        <CompareView a={ra.clone()} b={rb.clone()} comparison={c.clone()}
                            {onswap} onexport={onexport(Export::CompareCsv)} {onback} />
                    },
                    _ => html! {},
                }
            }
            (Some(b), _, _) => html! {
                <Overview batch={b.clone()} picked={state.picked.clone()} onopen={loader.open_report.clone()}
                    onpick={onpick_report} oncancel={batch.cancel.clone()} {oncompare}
                    onexport_rows={onexport(Export::OverviewCsv)}
                    onexport_indicators={onexport(Export::BatchIndicatorsCsv)}
                    onexport_xlsx={onexport(Export::BatchXlsx)} />
            },
            _ => html! { <p class="empty">{ "还没有批量分析的报告。" }</p> },
        };
        return html! {
            <div class={root_class} {ondragover} {ondragleave} {ondrop}>
                { header }
                { notice }
                <main class="batch-main">{ main }</main>
                { file_inputs }
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
                    <p class="sub">{ "支持 PDF（有文字层）、.docx、.doc、.wps、OFD、网页（.html）和 UTF-8、UTF-16、GBK/GB18030、Big5 编码的 .txt 文件；一次拖入多份报告或打开文件夹即可批量分析、对比。没有报告？点“示例报告”看看效果。" }</p>
                    { notice }
                </main>
                { file_inputs }
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
    let hidden: Classes = Kind::ALL
        .iter()
        .enumerate()
        .filter(|(k, _)| state.hidden & (1 << k) != 0)
        .map(|(_, kind)| format!("hide-{}", kind.as_str()))
        .collect();
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
                <DocHead analysis={a.clone()} file_name={state.file_name.clone()}
                    hits={state.hits.as_ref().map(|h| (h.focus, h.spans.len()))} onclear_hits={onclear_hits} />
                <DocumentView layout={state.layout.clone()} limit={state.rendered} selected={state.selected}
                    hits={state.hits.clone()} class={hidden} {onselect} onscroll={ondoc_scroll} />
                <Details analysis={a.clone()} text={state.text.clone()} selected={state.selected} />
            </section>
        }
    };

    html! {
        <div class={root_class} {ondragover} {ondragleave} {ondrop}>
            { header }
            <Summary analysis={a.clone()} hidden={state.hidden} analysis_ms={state.analysis_ms} layout_ms={state.layout_ms}
                ontoggle={ontoggle_kind} ondiagnostics={onshow_diagnostics} />
            { notice }
            <main class="panes">
                <nav class="outline-pane" aria-label="大纲">
                    <h2>{ "大纲" }</h2>
                    <Outline analysis={a.clone()} counts={state.counts.clone()}
                        current={state.current_section} limit={outline_limit} onreveal={onreveal_section} />
                </nav>
                { center }
                <SidePanel analysis={a.clone()} text={state.text.clone()} tab={state.tab} selected={state.selected}
                    focus={state.focus()} {ontab} {onpick} {onfocus} />
            </main>
            { file_inputs }
            { footer }
            <ReportCard analysis={a.clone()} file_name={state.file_name.clone()} />
        </div>
    }
}

/// Opens the picker behind a hidden file input.
fn click(input: &NodeRef) {
    if let Some(input) = input.cast::<HtmlInputElement>() {
        input.click();
    }
}
