//! The hidden file and folder pickers behind 打开文件 and 打开文件夹.

use crate::platform::files;
use report_lens::input::files::is_report_name;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the file picker accepts: the formats the readers of this build read.
const ACCEPT: &str = ".txt,.text,.docx,.doc,.wps,.ofd,.pdf,.html,.htm,.shtml,.xhtml,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[derive(Properties, PartialEq)]
pub struct FileInputsProps {
    pub file_ref: NodeRef,
    pub folder_ref: NodeRef,
    /// Files chosen in the file picker.
    pub onfiles: Callback<Vec<web_sys::File>>,
    /// The report files of a chosen folder (maybe none).
    pub onfolder: Callback<Vec<web_sys::File>>,
}

/// The files an input holds, then empties it (choosing the same file again still fires).
fn take(e: &Event) -> Vec<web_sys::File> {
    let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let out = input.files().map(|l| files::list(&l)).unwrap_or_default();
    input.set_value("");
    out
}

#[component]
pub fn FileInputs(props: &FileInputsProps) -> Html {
    let onfile = {
        let cb = props.onfiles.clone();
        Callback::from(move |e: Event| cb.emit(take(&e)))
    };
    let onfolder = {
        let cb = props.onfolder.clone();
        Callback::from(move |e: Event| {
            let files = take(&e)
                .into_iter()
                .filter(|f| is_report_name(&files::label(f)))
                .collect();
            cb.emit(files);
        })
    };
    html! {
        <>
            <input type="file" id="file-input" class="visually-hidden" multiple=true accept={ACCEPT}
                ref={props.file_ref.clone()} onchange={onfile} tabindex="-1" aria-hidden="true" />
            <input type="file" id="folder-input" class="visually-hidden" multiple=true webkitdirectory=true
                ref={props.folder_ref.clone()} onchange={onfolder} tabindex="-1" aria-hidden="true" />
        </>
    }
}
