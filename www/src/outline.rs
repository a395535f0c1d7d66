//! The outline panel: the section tree with markers, inferred flags and indicator counts.
//!
//! It is an ARIA `tree` (the WAI-ARIA "navigation treeview" pattern) rather than a list of
//! buttons: a long report has a hundred headings or more, and a tree is one Tab stop (roving
//! `tabindex`) walked with the arrow keys, Home and End, with Enter or Space to go to the
//! heading. The hierarchy is given by `aria-level` on flat items (the DOM stays one keyed
//! list). Entries cannot be collapsed, so none carries `aria-expanded`.

use crate::shared::Shared;
use report_lens::Analysis;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutlineProps {
    pub analysis: Shared<Analysis>,
    /// Indicators per section, subsections included.
    pub counts: Shared<Vec<usize>>,
    pub current: Option<usize>,
    /// How many entries to show: those whose heading is already rendered in the document.
    pub limit: usize,
    pub onreveal: Callback<usize>,
}

/// The entry an event happened on.
fn entry_of(e: &Event) -> Option<usize> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let item = target.closest("#outline [data-section]").ok()??;
    item.get_attribute("data-section")?.parse().ok()
}

/// Moves the keyboard focus to entry `i`.
fn focus_entry(i: usize) {
    let selector = format!("#outline [data-section=\"{i}\"]");
    if let Ok(Some(el)) = gloo::utils::document().query_selector(&selector) {
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The outline; choosing an entry (click, Enter, Space) scrolls the document to its heading.
#[component]
pub fn Outline(props: &OutlineProps) -> Html {
    // The entry last focused: the one Tab returns to.
    let focused = use_state(|| None::<usize>);
    // Keep the current entry visible while the document scrolls.
    {
        let current = props.current;
        use_effect_with(current, move |current| {
            if let Some(i) = current {
                let selector = format!("#outline [data-section=\"{i}\"]");
                if let Ok(Some(el)) = gloo::utils::document().query_selector(&selector) {
                    crate::app::scroll_into_view(&el, web_sys::ScrollLogicalPosition::Nearest);
                }
            }
        });
    }
    let a = &props.analysis;
    if a.sections.is_empty() {
        return html! { <p class="empty">{ "未识别出章节标题。" }</p> };
    }
    let limit = a.sections.len().min(props.limit);
    let tab_stop = focused
        .filter(|&i| i < limit)
        .or(props.current)
        .unwrap_or(0);
    let onkeydown = {
        let onreveal = props.onreveal.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(i) = entry_of(&e) else { return };
            let next = match e.key().as_str() {
                "ArrowDown" => (i + 1 < limit).then_some(i + 1),
                "ArrowUp" => i.checked_sub(1),
                "Home" => Some(0),
                "End" => limit.checked_sub(1),
                "Enter" | " " => {
                    e.prevent_default();
                    onreveal.emit(i);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            if let Some(n) = next {
                focus_entry(n);
            }
        })
    };
    let onfocusin = {
        let focused = focused.clone();
        Callback::from(move |e: FocusEvent| {
            let i = entry_of(&e);
            if i.is_some() && *focused != i {
                focused.set(i);
            }
        })
    };
    let items = (0..limit).map(|i| {
        html! {
            <OutlineItem key={i} analysis={props.analysis.clone()} index={i}
                count={props.counts.get(i).copied().unwrap_or(0)}
                current={props.current == Some(i)} tab_stop={tab_stop == i}
                onreveal={props.onreveal.clone()} />
        }
    });
    html! {
        <ol id="outline" class="outline" role="tree" aria-label="大纲：上下键移动，回车跳到该节"
            {onkeydown} {onfocusin}>{ for items }</ol>
    }
}

#[derive(Properties, PartialEq)]
pub struct OutlineItemProps {
    pub analysis: Shared<Analysis>,
    pub index: usize,
    pub count: usize,
    pub current: bool,
    /// The one entry in the Tab order.
    pub tab_stop: bool,
    pub onreveal: Callback<usize>,
}

/// One entry; only the entries whose `current` flips re-render while the document scrolls.
#[component]
fn OutlineItem(props: &OutlineItemProps) -> Html {
    let i = props.index;
    let s = &props.analysis.sections[i];
    let onclick = {
        let onreveal = props.onreveal.clone();
        Callback::from(move |_: MouseEvent| onreveal.emit(i))
    };
    let current = props.current;
    let count = props.count;
    let level = s.level.clamp(1, 5);
    html! {
        <li role="treeitem" data-section={i.to_string()} aria-level={level.to_string()}
            tabindex={if props.tab_stop { "0" } else { "-1" }}
            class={classes!(format!("lvl-{level}"), s.run_in.then_some("run-in"),
                current.then_some("current"), s.inferred.then_some("inferred"))}
            aria-current={current.then_some("location")} {onclick}>
            <span class="marker">{ &s.marker }</span>
            <span class="title">{ &s.title }</span>
            if s.inferred {
                <span class="flag" title="编号由上下文推断或修复">{ "推断" }</span>
            }
            if count > 0 {
                <span class="count" title={format!("本节共 {count} 个指标")}>
                    { count }<span class="visually-hidden">{ " 个指标" }</span>
                </span>
            }
        </li>
    }
}
