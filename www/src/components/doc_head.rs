//! Above the document: the title, what the report says about itself, and the note on what
//! is highlighted.

use crate::focus::Focus;
use crate::shared::Shared;
use report_lens::output::present;
use report_lens::Analysis;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DocHeadProps {
    pub analysis: Shared<Analysis>,
    pub file_name: Option<String>,
    /// What is highlighted, and in how many passages.
    pub hits: Option<(Focus, usize)>,
    pub onclear_hits: Callback<()>,
}

#[component]
pub fn DocHead(props: &DocHeadProps) -> Html {
    let meta = &props.analysis.meta;
    let fields: Vec<(&str, &str, String)> = [
        ("issuer", "发布机关", meta.issuer.clone()),
        ("year", "年度", meta.year.map(|y| y.to_string())),
        ("published", "发布日期", meta.published.clone()),
        ("kind", "类型", meta.kind.map(|k| k.label().to_string())),
        ("signature", "落款", present::signature_line(meta)),
    ]
    .into_iter()
    .filter_map(|(field, label, v)| v.map(|v| (field, label, v)))
    .collect();
    let items = fields.iter().map(|(field, label, v)| {
        html! { <span data-field={*field}><em>{ *label }</em>{ v }</span> }
    });
    let note = props.hits.map(|(focus, n)| {
        let cb = props.onclear_hits.clone();
        let onclick = Callback::from(move |_: MouseEvent| cb.emit(()));
        html! {
            <p class="hits-note" role="status">
                { format!("已高亮 {}：{n} 处", focus.label()) }
                <button type="button" id="clear-highlight" {onclick}>{ "清除高亮" }</button>
            </p>
        }
    });
    html! {
        <div class="doc-head">
            <h2 data-field="title">{ present::title(meta, props.file_name.as_deref()) }</h2>
            if !fields.is_empty() { <p id="meta" class="meta">{ for items }</p> }
            // One node whether or not there is a note.
            { note.unwrap_or_default() }
        </div>
    }
}
