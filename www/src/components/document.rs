//! The document view: the report as keyed blocks of line components.

use crate::components::block::Block;
use crate::layout::{Hits, Layout, BLOCK_LINES};
use crate::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DocumentProps {
    pub layout: Shared<Layout>,
    /// How many of `layout.lines` to render (long reports are rendered a chunk at a time).
    pub limit: usize,
    pub selected: Option<usize>,
    /// Highlighted passages.
    pub hits: Option<Shared<Hits>>,
    /// Extra classes on the container: `hide-count` … for kinds toggled off.
    pub class: Classes,
    pub onselect: Callback<usize>,
    pub onscroll: Callback<f64>,
}

/// The whole report, highlighted.
#[component]
pub fn DocumentView(props: &DocumentProps) -> Html {
    let onselect = props.onselect.clone();
    let pick = move |e: &Event| {
        use wasm_bindgen::JsCast;
        let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
        let mark = target.closest("mark[data-indicator]").ok()??;
        mark.get_attribute("data-indicator")?.parse::<usize>().ok()
    };
    let onclick = {
        let onselect = onselect.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(i) = pick(&e) {
                onselect.emit(i);
            }
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            if let Some(i) = pick(&e) {
                e.prevent_default();
                onselect.emit(i);
            }
        }
    });
    let onscroll = {
        let cb = props.onscroll.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                cb.emit(el.scroll_top() as f64);
            }
        })
    };
    let layout = &props.layout;
    let total = layout.lines.len();
    let limit = props.limit.min(total);
    // Lines go in fixed blocks so that a render diffs a few blocks, not thousands of lines.
    let blocks = (0..limit).step_by(BLOCK_LINES).map(|start| {
        let end = (start + BLOCK_LINES).min(limit);
        let covers = layout.lines[start].indicators.start..layout.lines[end - 1].indicators.end;
        let selected = props.selected.filter(|s| covers.contains(s));
        let (from, to) = (
            layout.lines[start].span.start,
            layout.lines[end - 1].span.end,
        );
        let hits = props.hits.clone().filter(|h| h.touches(from, to));
        html! { <Block key={start} layout={layout.clone()} {start} {end} {selected} {hits} /> }
    });
    html! {
        <div id="doc" class={classes!("doc", props.class.clone())} {onclick} {onkeydown} {onscroll}
            aria-label="报告全文">
            // Keyed blocks alone in their container: next to an unkeyed sibling, Yew would
            // diff them by position and remount every block on each render.
            <div class="blocks">{ for blocks }</div>
            if limit < total {
                <p class="progress" role="status">{ format!("正在显示 {limit} / {total} 行…") }</p>
            }
        </div>
    }
}
