//! The diagnostics panel: numbering problems and other findings, with severity.

use crate::shared::Shared;
use report_lens::Analysis;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiagnosticsProps {
    pub analysis: Shared<Analysis>,
    pub text: Rc<str>,
    /// Called with the byte offset to jump to.
    pub onreveal: Callback<usize>,
}

#[component]
pub fn Diagnostics(props: &DiagnosticsProps) -> Html {
    let a = &props.analysis;
    if a.diagnostics.is_empty() {
        return html! { <p class="empty">{ "没有发现问题。" }</p> };
    }
    let items = a.diagnostics.iter().enumerate().map(|(i, d)| {
        let at = d.span.start;
        let onclick = {
            let onreveal = props.onreveal.clone();
            Callback::from(move |_: MouseEvent| onreveal.emit(at))
        };
        let excerpt = excerpt(&props.text, d.span.start, d.span.end);
        let severity = format!("{:?}", d.severity).to_lowercase();
        html! {
            <li>
                <button type="button" data-diagnostic={i.to_string()} class={classes!("diag", &severity)} {onclick}>
                    <span class={classes!("severity", severity)}>{ d.severity.label() }</span>
                    <span class="message">{ &d.message }</span>
                    if !excerpt.is_empty() { <q>{ excerpt }</q> }
                </button>
            </li>
        }
    });
    html! { <ul class="diagnostics">{ for items }</ul> }
}

/// At most 40 characters of the text at a span.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    match text.get(start..end) {
        Some(s) => {
            let s = s.lines().next().unwrap_or("");
            let mut out: String = s.chars().take(40).collect();
            if s.chars().nth(40).is_some() {
                out.push('…');
            }
            out
        }
        None => String::new(),
    }
}
