//! One report of a batch in the overview table.

use crate::batch::Report;
use crate::shared::Shared;
use report_lens::Kind;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub index: usize,
    pub report: Shared<Report>,
    pub picked: bool,
    pub onopen: Callback<usize>,
    pub onpick: Callback<usize>,
}

/// One report; unchanged rows are not re-rendered while the batch grows.
#[component]
pub fn OverviewRow(props: &RowProps) -> Html {
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
                if r.parts_total == 0 { { "未要求" } } else { { format!("{}/{}{missing}", r.parts_found, r.parts_total) } }
            </td>
            <td>
                { format!("{}/{} · 均分 {}", r.coverage_areas, r.coverage_total, r.coverage_mean) }
                if let Some(s) = r.task_score { { format!(" · 任务 {s}") } }
            </td>
            <td class="num">{ r.diagnostics }</td>
        </tr>
    }
}
