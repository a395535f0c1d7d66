//! The side panel: tabs for the indicators, the problems found and the review.

use crate::components::diagnostics::Diagnostics;
use crate::components::indicator_table::IndicatorTable;
use crate::components::review::Review;
use crate::focus::Focus;
use crate::platform::dom;
use crate::shared::Shared;
use crate::state::Tab;
use report_lens::model::PartStatus;
use report_lens::Analysis;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SidePanelProps {
    pub analysis: Shared<Analysis>,
    pub text: Rc<str>,
    pub tab: Tab,
    pub selected: Option<usize>,
    /// What is highlighted in the document.
    pub focus: Option<Focus>,
    pub ontab: Callback<Tab>,
    /// An indicator was chosen in the table.
    pub onpick: Callback<usize>,
    /// A finding, a part or an area was chosen: highlight its passages.
    pub onfocus: Callback<Focus>,
}

#[component]
pub fn SidePanel(props: &SidePanelProps) -> Html {
    let a = &props.analysis;
    let missing = a
        .parts
        .iter()
        .filter(|p| p.required && p.status == PartStatus::Missing)
        .count();
    let review_label = if missing > 0 {
        format!("审查 · 缺 {missing}")
    } else {
        "审查".to_string()
    };
    let tab = |t: Tab, label: String| {
        let on = props.tab == t;
        let cb = props.ontab.clone();
        let onclick = Callback::from(move |_: MouseEvent| cb.emit(t));
        // The WAI-ARIA tabs pattern: only the chosen tab is in the Tab order; the arrow keys
        // (handled on the tab list) move between tabs.
        html! {
            <button type="button" role="tab" id={t.id()} aria-controls="side-panel"
                aria-selected={on.to_string()} tabindex={if on { "0" } else { "-1" }}
                class={classes!(on.then_some("on"))} {onclick}>{ label }</button>
        }
    };
    let onkeydown = {
        let (current, cb) = (props.tab, props.ontab.clone());
        Callback::from(move |e: KeyboardEvent| {
            let k = Tab::ALL.iter().position(|&t| t == current).unwrap_or(0);
            let n = Tab::ALL.len();
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (k + 1) % n,
                "ArrowLeft" | "ArrowUp" => (k + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            let t = Tab::ALL[next];
            cb.emit(t);
            dom::focus_selector(&format!("#{}", t.id()));
        })
    };
    let active_diagnostic = match props.focus {
        Some(Focus::Diagnostic(i)) => Some(i),
        _ => None,
    };
    let onpick_diagnostic = {
        let cb = props.onfocus.clone();
        Callback::from(move |i| cb.emit(Focus::Diagnostic(i)))
    };
    let panel = match props.tab {
        Tab::Indicators => html! {
            <IndicatorTable analysis={a.clone()} text={props.text.clone()}
                selected={props.selected} onpick={props.onpick.clone()} />
        },
        Tab::Diagnostics => html! {
            <Diagnostics analysis={a.clone()} text={props.text.clone()}
                active={active_diagnostic} onpick={onpick_diagnostic} />
        },
        Tab::Review => html! {
            <Review analysis={a.clone()} text={props.text.clone()}
                active={props.focus} onpick={props.onfocus.clone()} />
        },
    };
    html! {
        <aside class="side-pane">
            <div class="tabs" role="tablist" aria-label="分析结果" {onkeydown}>
                { tab(Tab::Indicators, format!("指标 {}", a.indicators.len())) }
                { tab(Tab::Diagnostics, format!("问题 {}", a.diagnostics.len())) }
                { tab(Tab::Review, review_label) }
            </div>
            <div id="side-panel" class="tab-panel" role="tabpanel" aria-labelledby={props.tab.id()}>
                { panel }
            </div>
        </aside>
    }
}
