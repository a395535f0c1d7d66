//! The header's toolbar: open, sample, the batch views, and the actions on the report.

use crate::state::View;
use yew::prelude::*;

/// What a toolbar button asks for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Command {
    OpenFiles,
    OpenFolder,
    Sample,
    View(View),
    ToggleEdit,
    ExportCsv,
    ExportJson,
    ExportMarkdown,
    CopyOutline,
    PrintCard,
    ExportMemo,
    /// Edit the open report's 审查意见.
    EditMemo,
    /// The whole text, as read, to the clipboard.
    CopyText,
    Clear,
}

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// A report is shown in the document view: its actions are offered.
    pub report: bool,
    pub editing: bool,
    pub view: View,
    /// Reports in the batch, when there is one.
    pub batch: Option<usize>,
    /// Two reports are compared.
    pub comparing: bool,
    /// Reports on the review desk.
    pub desk: usize,
    pub oncommand: Callback<Command>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let on = |c: Command| {
        let cb = props.oncommand.clone();
        Callback::from(move |_: MouseEvent| cb.emit(c))
    };
    let view_button = |v: View, id: &'static str, label: String, enabled: bool| {
        let pressed = props.view == v;
        html! {
            <button type="button" {id} class={classes!("view", pressed.then_some("on"))} aria-pressed={pressed.to_string()}
                disabled={!enabled} onclick={on(Command::View(v))}>{ label }</button>
        }
    };
    let batch = props.batch.map(|n| {
        html! {
            <>
                { view_button(View::Overview, "view-overview", format!("批量概览 {n}"), true) }
                { view_button(View::Compare, "view-compare", "对比".into(), props.comparing) }
            </>
        }
    });
    let views = html! {
        <span class="views" role="group" aria-label="视图">
            { view_button(View::Document, "view-document", "单份报告".into(), true) }
            { batch }
            { view_button(View::Desk, "view-desk", format!("审查台 {}", props.desk), true) }
        </span>
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label="操作">
            <button type="button" onclick={on(Command::OpenFiles)} title="可一次选择多份报告：.txt、.docx、.doc、.wps、.ofd、.html">{ "打开文件" }</button>
            <button type="button" id="open-folder" onclick={on(Command::OpenFolder)} title="分析文件夹中的全部报告">{ "打开文件夹" }</button>
            <button type="button" onclick={on(Command::Sample)}>{ "示例报告" }</button>
            { views }
            if props.report {
                <button type="button" id="toggle-edit" onclick={on(Command::ToggleEdit)} aria-pressed={props.editing.to_string()}>
                    { if props.editing { "查看分析" } else { "编辑原文" } }
                </button>
                <span class="sep" aria-hidden="true"></span>
                <button type="button" id="export-csv" onclick={on(Command::ExportCsv)} title="指标表，Excel 可直接打开">{ "导出 CSV" }</button>
                <button type="button" id="export-json" onclick={on(Command::ExportJson)} title="与命令行相同的 JSON">{ "导出 JSON" }</button>
                <button type="button" id="export-markdown" onclick={on(Command::ExportMarkdown)}>{ "导出 Markdown" }</button>
                <button type="button" id="copy-outline" onclick={on(Command::CopyOutline)}>{ "复制大纲" }</button>
                <button type="button" id="copy-text" onclick={on(Command::CopyText)} title="读取出的全文（与命令行 report-lens text 相同）">{ "复制全文" }</button>
                <button type="button" id="print-card" onclick={on(Command::PrintCard)} title="一页纸的审查摘要；在打印对话框中可选“另存为 PDF”">{ "打印报告卡" }</button>
                <button type="button" id="export-memo" onclick={on(Command::ExportMemo)} title="按分析结果起草的审查意见（Word 文件），可在 Word/WPS 中修改">{ "审查意见 Word" }</button>
                <button type="button" id="edit-memo" onclick={on(Command::EditMemo)} title="在页面中修改审查意见，修改保存在审查台中">{ "编辑审查意见" }</button>
                <span class="sep" aria-hidden="true"></span>
                <button type="button" id="clear" class="danger" onclick={on(Command::Clear)}>{ "清空" }</button>
            }
        </div>
    }
}
