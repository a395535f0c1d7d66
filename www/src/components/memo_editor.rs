//! The 审查意见 editor: the memo the core drafted ([`report_lens::output::memo`]), a text
//! area per section, the 审查结论 chosen from 通过 / 修改后通过 / 退回修改, and the 落款 (the
//! reviewing body and the date). Every change
//! goes to `onchange` (the desk keeps it); the files and copies are made by the core's
//! renderers in the reader worker.

use crate::shared::Shared;
use report_lens::output::memo::{Memo, SectionId, Verdict};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MemoEditorProps {
    pub memo: Shared<Memo>,
    pub onchange: Callback<Memo>,
    /// `docx`, `text` or `markdown`.
    pub onexport: Callback<&'static str>,
    pub onback: Callback<()>,
}

#[component]
pub fn MemoEditor(props: &MemoEditorProps) -> Html {
    let m = &props.memo;
    let onverdict = {
        let (memo, cb) = (m.clone(), props.onchange.clone());
        Callback::from(move |e: Event| {
            let name = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(v) = Verdict::from_name(&name) {
                let mut edited = (*memo).clone();
                edited.set_verdict(v);
                cb.emit(edited);
            }
        })
    };
    let sections = m.sections.iter().map(|s| {
        let id = s.id;
        let oninput = {
            let (memo, cb) = (m.clone(), props.onchange.clone());
            Callback::from(move |e: InputEvent| {
                let body = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                let mut edited = (*memo).clone();
                edited.set_body(id, body);
                cb.emit(edited);
            })
        };
        let rows = (s.body.lines().count() + 2).clamp(4, 24).to_string();
        html! {
            <div class="memo-section" key={id.as_str()}>
                <label for={format!("memo-{}", id.as_str())}>{ &s.heading }</label>
                if id == SectionId::Conclusion {
                    <select id="memo-verdict" aria-label="审查结论" onchange={onverdict.clone()}>
                        { for Verdict::ALL.iter().map(|v| html! {
                            <option value={v.as_str()} selected={*v == m.verdict}>{ v.label() }</option>
                        }) }
                    </select>
                    if m.verdict != m.proposed {
                        <small>{ format!("（按分析建议：{}）", m.proposed.label()) }</small>
                    }
                }
                <textarea id={format!("memo-{}", id.as_str())} {rows} value={s.body.clone()} {oninput} spellcheck="false" />
            </div>
        }
    });
    // The 落款: who signs and when.
    let signed = |set: fn(&mut Memo, String)| {
        let (memo, cb) = (m.clone(), props.onchange.clone());
        Callback::from(move |e: InputEvent| {
            let mut edited = (*memo).clone();
            set(
                &mut edited,
                e.target_unchecked_into::<HtmlInputElement>().value(),
            );
            cb.emit(edited);
        })
    };
    let onsigner = signed(|m, v| m.signer = v);
    let ondate = signed(|m, v| m.date = v);
    let on = |f: &'static str| props.onexport.reform(move |_: MouseEvent| f);
    html! {
        <section id="memo-editor" class="memo-editor" aria-label="审查意见">
            <header class="desk-head">
                <h2>{ &m.title }</h2>
                <button type="button" id="memo-docx" onclick={on("docx")}>{ "导出 Word" }</button>
                <button type="button" id="memo-copy-text" onclick={on("text")}>{ "复制文本" }</button>
                <button type="button" id="memo-copy-markdown" onclick={on("markdown")}>{ "复制 Markdown" }</button>
                <button type="button" id="memo-back" onclick={props.onback.reform(|_: MouseEvent| ())}>{ "返回" }</button>
            </header>
            <p class="sub">{ "由分析结果起草；修改随时保存在审查台中。" }</p>
            { for sections }
            <div class="memo-section memo-sign">
                <label for="memo-signer">{ "落款单位" }</label>
                <input id="memo-signer" type="text" value={m.signer.clone()} oninput={onsigner}
                    placeholder="如：某区司法局（留空则不落款）" />
                <label for="memo-date">{ "日期" }</label>
                <input id="memo-date" type="text" value={m.date.clone()} oninput={ondate}
                    placeholder="如：2026年12月7日" />
            </div>
        </section>
    }
}
