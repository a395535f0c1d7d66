//! The outline panel: the section tree with markers, inferred flags and indicator counts.
//!
//! It is an ARIA `tree` (the WAI-ARIA "navigation treeview" pattern) rather than a list of
//! buttons: a long report has a hundred headings or more, and a tree is one Tab stop (roving
//! `tabindex`) walked with the arrow keys, Home and End, with Enter or Space to go to the
//! heading. The hierarchy is given by `aria-level` on flat items (the DOM stays one keyed
//! list). Entries cannot be collapsed, so none carries `aria-expanded`.

use crate::components::outline_item::OutlineItem;
use crate::platform::dom;
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
    dom::focus_selector(&format!("#outline [data-section=\"{i}\"]"));
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
                dom::scroll_selector_into_view(
                    &format!("#outline [data-section=\"{i}\"]"),
                    web_sys::ScrollLogicalPosition::Nearest,
                );
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
