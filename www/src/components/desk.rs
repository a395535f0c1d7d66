//! The review desk (审查台): every report kept, with the reviewer's status and note; sort,
//! filter by status and year, search by title; open, delete (with 撤销), export to Excel.

use crate::platform::dom;
use crate::platform::workspace::{id_text, Entry, Status};
use crate::shared::Shared;
use report_lens::text::sort::sort_by;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DeskProps {
    pub entries: Shared<Vec<Entry>>,
    /// The open report's entry.
    pub current: Option<f64>,
    /// The label of the entry deleted last, while 撤销 can bring it back.
    pub deleted: Option<String>,
    pub onstatus: Callback<(f64, Status)>,
    pub onnote: Callback<(f64, String)>,
    pub onopen: Callback<f64>,
    pub ondelete: Callback<f64>,
    pub onundo: Callback<()>,
    pub onexport: Callback<()>,
    /// Opens the 审查意见 editor of an entry.
    pub onmemo: Callback<f64>,
}

/// Rows rendered before the first paint of the desk (a screenful and more).
const FIRST_ROWS: usize = 40;
/// Rows added in each later frame.
const MORE_ROWS: usize = 120;

/// The orders the list can take.
const SORTS: [(&str, &str); 6] = [
    ("added", "添加时间（新的在前）"),
    ("title", "标题"),
    ("year", "年度"),
    ("score", "任务得分（低的在前）"),
    ("problems", "问题数（多的在前）"),
    ("status", "状态"),
];

fn value_of_select(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

#[component]
pub fn Desk(props: &DeskProps) -> Html {
    let sort = use_state(|| "added".to_string());
    let status = use_state(String::new);
    let year = use_state(String::new);
    let query = use_state(String::new);

    let mut years: Vec<u16> = props.entries.iter().filter_map(|e| e.year).collect();
    sort_by(&mut years, Ord::cmp);
    years.dedup();
    let q = query.trim().to_string();
    let mut shown: Vec<&Entry> = props
        .entries
        .iter()
        .filter(|e| status.is_empty() || e.status.as_str() == *status)
        .filter(|e| year.is_empty() || e.year.map(|y| y.to_string()).as_deref() == Some(&**year))
        .filter(|e| q.is_empty() || e.label().contains(&q) || e.name.contains(&q))
        .collect();
    // One comparison for every order: each sort call would be another copy of the sort.
    let by = sort.as_str();
    sort_by(&mut shown, |a, b| match by {
        "title" => a.label().cmp(b.label()),
        "year" => b.year.cmp(&a.year),
        "score" => a
            .score
            .unwrap_or(u32::MAX)
            .cmp(&b.score.unwrap_or(u32::MAX)),
        "problems" => b.problems.cmp(&a.problems),
        "status" => (a.status as u8).cmp(&(b.status as u8)),
        _ => b.added.total_cmp(&a.added),
    });

    let set = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: Event| h.set(value_of_select(&e)))
    };
    let onsearch = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    // The first screen of rows paints at once, the rest in slices of [`MORE_ROWS`], one per
    // frame: no long task, however many reports the desk holds.
    let limit = use_state(|| FIRST_ROWS);
    {
        let more = *limit < shown.len();
        let handle = limit.clone();
        use_effect_with((more, *limit), move |&(more, n)| {
            if more {
                dom::after_paint(move || handle.set(n + MORE_ROWS));
            }
        });
    }
    let limit = *limit;
    let rows = shown.iter().take(limit).map(|e| {
        html! {
            <DeskRow key={id_text(e.id)} entry={(*e).clone()} current={props.current == Some(e.id)}
                onstatus={props.onstatus.clone()} onnote={props.onnote.clone()} onopen={props.onopen.clone()}
                ondelete={props.ondelete.clone()} onmemo={props.onmemo.clone()} />
        }
    });
    let undo = props.deleted.as_ref().map(|label| {
        let onundo = props.onundo.reform(|_: MouseEvent| ());
        html! {
            <p class="undo" role="status">{ format!("已删除 {label}。") }
                <button type="button" id="desk-undo" onclick={onundo}>{ "撤销" }</button></p>
        }
    });
    let total = props.entries.len();
    html! {
        <section id="desk" class="desk" aria-label="审查台" data-rows={shown.len().to_string()}>
            <header class="desk-head">
                <h2>{ format!("审查台 · {total} 份报告") }</h2>
                <input type="search" id="desk-search" placeholder="按标题搜索" aria-label="按标题搜索" autocomplete="off"
                    value={(*query).clone()} oninput={onsearch} />
                <select id="desk-status" aria-label="按状态筛选" autocomplete="off" onchange={set(&status)}>
                    <option value="" selected={status.is_empty()}>{ "全部状态" }</option>
                    { for Status::ALL.iter().map(|s| html! {
                        <option value={s.as_str()} selected={*status == s.as_str()}>{ s.label() }</option>
                    }) }
                </select>
                <select id="desk-year" aria-label="按年度筛选" autocomplete="off" onchange={set(&year)}>
                    <option value="" selected={year.is_empty()}>{ "全部年度" }</option>
                    { for years.iter().map(|y| {
                        let y = y.to_string();
                        html! { <option selected={*year == y} value={y.clone()}>{ y }</option> }
                    }) }
                </select>
                <select id="desk-sort" aria-label="排序" autocomplete="off" onchange={set(&sort)}>
                    { for SORTS.iter().map(|(v, l)| html! { <option value={*v} selected={*sort == *v}>{ *l }</option> }) }
                </select>
                <button type="button" id="desk-xlsx" onclick={props.onexport.reform(|_: MouseEvent| ())}
                    disabled={total == 0} title="概览（含审查状态与备注）、指标、问题、纲要任务四张表">{ "导出 Excel" }</button>
            </header>
            { undo }
            if total == 0 {
                <p class="empty">{ "审查台还没有报告：粘贴、拖入或打开的每份报告都会保存在这里（仅保存在本机浏览器中）。" }</p>
            } else {
                <table class="desk-table">
                    <thead><tr>
                        <th>{ "标题" }</th><th>{ "发布机关" }</th><th>{ "年度" }</th><th>{ "任务得分" }</th>
                        <th>{ "问题" }</th><th>{ "状态" }</th><th>{ "备注" }</th><th>{ "来源" }</th><th></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                <p class="sub">{ format!("显示 {} / {total} 份", shown.len()) }</p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct DeskRowProps {
    pub entry: Entry,
    pub current: bool,
    pub onstatus: Callback<(f64, Status)>,
    pub onnote: Callback<(f64, String)>,
    pub onopen: Callback<f64>,
    pub ondelete: Callback<f64>,
    pub onmemo: Callback<f64>,
}

/// One report on the desk; a row whose entry did not change is not rendered again (a note
/// typed in one row re-renders that row only).
#[component]
fn DeskRow(props: &DeskRowProps) -> Html {
    let e = &props.entry;
    let id = e.id;
    let onopen = props.onopen.reform(move |_: MouseEvent| id);
    let onmemo = props.onmemo.reform(move |_: MouseEvent| id);
    let ondelete = props.ondelete.reform(move |_: MouseEvent| id);
    let onstatus = props.onstatus.reform(move |e: Event| {
        (
            id,
            Status::from_name(&value_of_select(&e)).unwrap_or_default(),
        )
    });
    let onnote = props
        .onnote
        .reform(move |e: InputEvent| (id, e.target_unchecked_into::<HtmlInputElement>().value()));
    let dash = || "—".to_string();
    html! {
        <tr data-entry={id_text(id)} data-status={e.status.as_str()} class={classes!(props.current.then_some("current"))}>
            <td class="title">
                <button type="button" class="link open" onclick={onopen} title={e.name.clone()}>{ e.label() }</button>
            </td>
            <td>{ e.issuer.clone().unwrap_or_else(dash) }</td>
            <td class="num">{ e.year.map_or_else(dash, |y| y.to_string()) }</td>
            <td class="num">{ e.score.map_or_else(dash, |s| s.to_string()) }</td>
            <td class="num">{ e.problems }</td>
            <td>
                <select class="status" aria-label="审查状态" autocomplete="off" onchange={onstatus}>
                    { for Status::ALL.iter().map(|s| html! {
                        <option value={s.as_str()} selected={*s == e.status}>{ s.label() }</option>
                    }) }
                </select>
            </td>
            <td><input type="text" class="note" aria-label="备注" autocomplete="off" value={e.note.clone()} oninput={onnote} placeholder="备注" /></td>
            <td class="kind">{ &e.kind }</td>
            <td class="actions">
                <button type="button" class="memo" onclick={onmemo}>{ "审查意见" }</button>
                <button type="button" class="delete danger" onclick={ondelete} aria-label="删除">{ "删除" }</button>
            </td>
        </tr>
    }
}
