//! The diagnostics panel: numbering problems, figure cross-checks and form checks, with
//! severity, for figure checks the confidence, for form checks the suggested fix. Choosing a
//! finding highlights every figure it involves.

use crate::shared::Shared;
use report_lens::output::present::severity_name;
use report_lens::Analysis;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiagnosticsProps {
    pub analysis: Shared<Analysis>,
    pub text: Rc<str>,
    /// The chosen finding, if any.
    pub active: Option<usize>,
    /// Called with the index of the finding chosen.
    pub onpick: Callback<usize>,
}

#[component]
pub fn Diagnostics(props: &DiagnosticsProps) -> Html {
    let a = &props.analysis;
    if a.diagnostics.is_empty() {
        return html! { <p class="empty">{ "没有发现问题。" }</p> };
    }
    let items = a.diagnostics.iter().enumerate().map(|(i, d)| {
        let onclick = {
            let onpick = props.onpick.clone();
            Callback::from(move |_: MouseEvent| onpick.emit(i))
        };
        let excerpt = excerpt(&props.text, d.span.start, d.span.end);
        let severity = severity_name(d.severity);
        let on = props.active == Some(i);
        let figures = d.spans.len();
        html! {
            <li>
                <button type="button" data-diagnostic={i.to_string()} data-code={d.code.as_str()}
                    class={classes!("diag", severity, on.then_some("on"))} aria-pressed={on.to_string()} {onclick}>
                    <span class={classes!("severity", severity)}>{ d.severity.label() }</span>
                    <span class="code">{ d.code.label() }</span>
                    if let Some(c) = d.confidence {
                        <span class="confidence" title="检查的把握程度">{ format!("置信度 {:.0}%", c * 100.0) }</span>
                    }
                    if figures > 1 {
                        <span class="figures">{ format!("{figures} 处数字") }</span>
                    }
                    <span class="message">{ &d.message }</span>
                    if !excerpt.is_empty() { <q>{ excerpt }</q> }
                    if let Some(f) = &d.fix { <span class="fix">{ "建议改为：" }<q>{ f }</q></span> }
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
