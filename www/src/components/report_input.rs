//! The text area: paste a report, or edit the current one.

use crate::hooks::Text;
use crate::platform::{clipboard, reader};
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Edits are analysed this long after the last keystroke.
const DEBOUNCE_MS: u32 = 400;

/// Above this many characters (UTF-16 units) edits are analysed on request only.
pub const LARGE_EDIT_CHARS: u32 = 200_000;

#[derive(Properties, PartialEq)]
pub struct ReportInputProps {
    pub node_ref: NodeRef,
    pub text: Rc<str>,
    /// A whole report pasted into the empty (or fully selected) area.
    pub onload: Callback<Text>,
    /// The text after a pause in typing.
    pub onedit: Callback<String>,
    /// A large text was edited: it is analysed on request only.
    pub onlarge: Callback<()>,
    /// A large text after a pause in typing: saved as it is.
    pub onsave: Callback<String>,
    /// Ctrl+Enter or Escape: analyse now and show the result.
    pub ondone: Callback<()>,
}

#[component]
pub fn ReportInput(props: &ReportInputProps) -> Html {
    let debounce = use_mut_ref(|| None::<Timeout>);
    let onpaste = {
        let onload = props.onload.clone();
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let Some(area) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            else {
                return;
            };
            let value_len = area.text_length(); // UTF-16 units, like the selection
            let all_selected = area.selection_start().ok().flatten() == Some(0)
                && area.selection_end().ok().flatten() == Some(value_len);
            // Pasting a whole report into an empty (or fully selected) area loads it at once;
            // pasting into the middle of a text is an edit.
            if value_len == 0 || all_selected {
                let text = e
                    .clipboard_data()
                    .map(|d| clipboard::pasted_text(&d))
                    .unwrap_or_default();
                if !text.is_empty() {
                    e.prevent_default();
                    onload.emit(Text::pasted(text));
                }
            }
        })
    };
    let oninput = {
        let node_ref = props.node_ref.clone();
        let (onedit, onlarge) = (props.onedit.clone(), props.onlarge.clone());
        let onsave = props.onsave.clone();
        let debounce = debounce.clone();
        Callback::from(move |_: InputEvent| {
            let Some(area) = node_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            // A large text is analysed when the user asks (Ctrl+Enter, 查看分析), not after
            // every pause in typing: the analysis would take the thread for too long.
            if area.text_length() > LARGE_EDIT_CHARS {
                onlarge.emit(());
                // Still saved after each pause, so a crash loses nothing.
                let onsave = onsave.clone();
                *debounce.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                    onsave.emit(area.value());
                }));
                return;
            }
            let onedit = onedit.clone();
            *debounce.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                onedit.emit(area.value());
            }));
        })
    };
    let onkeydown = {
        let ondone = props.ondone.clone();
        Callback::from(move |e: KeyboardEvent| {
            if (e.key() == "Enter" && (e.ctrl_key() || e.meta_key())) || e.key() == "Escape" {
                e.prevent_default();
                debounce.borrow_mut().take();
                ondone.emit(());
            }
        })
    };
    html! {
        <textarea id="report-input" ref={props.node_ref.clone()} value={AttrValue::Rc(props.text.clone())}
            placeholder="粘贴报告全文，或把文件拖到这里" aria-label="报告全文" spellcheck="false"
            {onpaste} {oninput} {onkeydown} onfocus={|_| reader::warm()} />
    }
}
