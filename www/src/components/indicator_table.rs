//! The indicator table: sortable by column, filtered by kind, searchable.

use crate::platform::dom;
use crate::shared::Shared;
use report_lens::output::present::{format_value, qualifier_follows, section_label};
use report_lens::{Analysis, Kind};
use std::cmp::Ordering;
use std::rc::Rc;
use yew::prelude::*;

/// Rows rendered at most; the rest are reached by searching or filtering.
const MAX_ROWS: usize = 500;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Column {
    Order,
    Section,
    Subject,
    Value,
    Unit,
    Kind,
    Text,
}

const COLUMNS: [(Column, &str); 7] = [
    (Column::Order, "#"),
    (Column::Section, "章节"),
    (Column::Subject, "主体"),
    (Column::Value, "数值"),
    (Column::Unit, "单位"),
    (Column::Kind, "类型"),
    (Column::Text, "原文"),
];

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub analysis: Shared<Analysis>,
    pub text: Rc<str>,
    pub selected: Option<usize>,
    /// A row was chosen: select the indicator and show it in the document.
    pub onpick: Callback<usize>,
}

#[component]
pub fn IndicatorTable(props: &TableProps) -> Html {
    let sort = use_state(|| (Column::Order, false));
    let kind = use_state(|| None::<Kind>);
    let query = use_state(String::new);
    let a = &props.analysis;
    let text = &props.text;

    // Keep the selected row visible.
    {
        use_effect_with(props.selected, move |selected| {
            if let Some(i) = selected {
                dom::scroll_selector_into_view(
                    &format!("#indicator-table tr[data-indicator=\"{i}\"]"),
                    web_sys::ScrollLogicalPosition::Nearest,
                );
            }
        });
    }

    let original = |i: usize| {
        let s = a.indicators[i].span;
        text.get(s.start..s.end).unwrap_or("")
    };
    let section = |i: usize| {
        a.indicators[i]
            .section
            .filter(|&s| s < a.sections.len())
            .map(|s| section_label(a, s))
            .unwrap_or_default()
    };
    let q = query.trim().to_string();
    let mut rows: Vec<usize> = (0..a.indicators.len())
        .filter(|&i| kind.is_none_or(|k| a.indicators[i].kind == k))
        .filter(|&i| {
            q.is_empty() || {
                let ind = &a.indicators[i];
                original(i).contains(&q)
                    || ind.subject.contains(&q)
                    || ind.unit.contains(&q)
                    || section(i).contains(&q)
            }
        })
        .collect();
    let (column, descending) = *sort;
    let compare = |&x: &usize, &y: &usize| -> Ordering {
        let (ix, iy) = (&a.indicators[x], &a.indicators[y]);
        let o = match column {
            Column::Order => Ordering::Equal,
            Column::Section => ix.section.cmp(&iy.section),
            Column::Subject => ix.subject.cmp(&iy.subject),
            Column::Value => ix.value.total_cmp(&iy.value),
            Column::Unit => ix.unit.cmp(&iy.unit),
            Column::Kind => (ix.kind as u8).cmp(&(iy.kind as u8)),
            Column::Text => original(x).cmp(original(y)),
        };
        o.then(x.cmp(&y))
    };
    report_lens::text::sort::sort_by(&mut rows, |x, y| {
        let o = compare(x, y);
        if descending {
            o.reverse()
        } else {
            o
        }
    });
    let total = rows.len();
    rows.truncate(MAX_ROWS);

    let headers = COLUMNS.iter().map(|&(c, label)| {
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_: MouseEvent| {
                let (col, desc) = *sort;
                sort.set((c, col == c && !desc));
            })
        };
        let aria = match (column == c, descending) {
            (true, false) => "ascending",
            (true, true) => "descending",
            _ => "none",
        };
        let arrow = match (column == c, descending) {
            (true, false) => "▲",
            (true, true) => "▼",
            _ => "",
        };
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" {onclick}>{ label }<span class="arrow">{ arrow }</span></button>
            </th>
        }
    });

    let body = rows.iter().map(|&i| {
        let ind = &a.indicators[i];
        let onclick = {
            let onpick = props.onpick.clone();
            Callback::from(move |_: MouseEvent| onpick.emit(i))
        };
        let onkeydown = {
            let onpick = props.onpick.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    onpick.emit(i);
                }
            })
        };
        let selected = props.selected == Some(i);
        html! {
            <tr key={i} data-indicator={i.to_string()} class={classes!(selected.then_some("sel"))}
                tabindex="0" aria-selected={selected.to_string()} {onclick} {onkeydown}>
                <td class="num">{ i + 1 }</td>
                <td class="section">{ section(i) }</td>
                <td>{ &ind.subject }</td>
                <td class="num">
                    if let Some(q) = ind.approx.filter(|q| !qualifier_follows(q)) {
                        <small class="approx" title="约数">{ q }</small>
                    }
                    { format_value(ind.value) }
                    if let Some(q) = ind.approx.filter(|q| qualifier_follows(q)) {
                        <small class="approx" title="约数">{ q }</small>
                    }
                </td>
                <td class="unit">{ &ind.unit }</td>
                <td><span class={classes!("kind", ind.kind.as_str())}>{ ind.kind.label() }</span></td>
                <td class="text">{ original(i) }</td>
            </tr>
        }
    });

    let onkind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            kind.set(Kind::ALL.into_iter().find(|k| k.as_str() == value));
        })
    };
    let onsearch = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                query.set(input.value());
            }
        })
    };
    let options = Kind::ALL.iter().map(|k| {
        html! { <option value={k.as_str()} selected={*kind == Some(*k)}>{ k.label() }</option> }
    });

    html! {
        <div class="table-pane">
            <div class="filters">
                <label>{ "类型 " }
                    <select id="kind-filter" onchange={onkind}>
                        <option value="" selected={kind.is_none()}>{ "全部" }</option>
                        { for options }
                    </select>
                </label>
                <input id="indicator-search" type="search" placeholder="搜索指标、主体、章节" aria-label="搜索指标"
                    value={(*query).clone()} oninput={onsearch} />
                <span class="shown">{ format!("{total} 条") }</span>
            </div>
            <div class="table-scroll">
                <table id="indicator-table" aria-label="量化指标：回车或空格在文中定位">
                    <thead><tr>{ for headers }</tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
                if total > MAX_ROWS {
                    <p class="more">{ format!("仅显示前 {MAX_ROWS} 条，共 {total} 条；请用搜索或类型筛选缩小范围。") }</p>
                }
                if total == 0 {
                    <p class="empty">{ "没有符合条件的指标。" }</p>
                }
            </div>
        </div>
    }
}
