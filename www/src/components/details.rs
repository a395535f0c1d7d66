//! The strip under the document that describes the selected indicator.

use crate::shared::Shared;
use report_lens::output::present;
use report_lens::Analysis;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    pub analysis: Shared<Analysis>,
    pub text: Rc<str>,
    pub selected: Option<usize>,
}

#[component]
pub fn Details(props: &DetailsProps) -> Html {
    let a = &props.analysis;
    // Always one node: `{ for option }` adds or removes a child, and Yew's unkeyed diff
    // would then remount the whole document (losing the keyboard focus).
    let Some(ind) = props.selected.and_then(|i| a.indicators.get(i)) else {
        return html! {};
    };
    let original = props.text.get(ind.span.start..ind.span.end).unwrap_or("");
    let change = ind
        .direction
        .map(|d| format!("{}{}", ind.basis.unwrap_or(""), present::direction_label(d)));
    let section = ind
        .section
        .filter(|&s| s < a.sections.len())
        .map(|s| present::path_label(a, Some(s)));
    let field = |label: &str, value: Option<String>| match value {
        Some(v) if !v.is_empty() => html! { <span><em>{ label.to_string() }</em>{ v }</span> },
        _ => html! {},
    };
    html! {
        <div class="details" aria-live="polite">
            <span class={classes!("kind", ind.kind.as_str())}>{ ind.kind.label() }</span>
            <q>{ original }</q>
            { field("数值", Some(present::format_value(ind.value))) }
            { field("单位", Some(ind.unit.clone())) }
            { field("约数", ind.approx.map(String::from)) }
            { field("变化", change) }
            { field("主体", Some(ind.subject.clone())) }
            { field("章节", section) }
        </div>
    }
}
