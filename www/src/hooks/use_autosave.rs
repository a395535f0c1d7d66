//! Autosave after every analysis, and the notice when another tab saves.

use crate::platform::storage;
use crate::state::{Action, State};
use yew::prelude::*;

/// Saves the report after every analysis (the first render, before anything was loaded or
/// restored, saves nothing) and tells this tab when another one overwrites the saved copy.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<State>) {
    {
        let d = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = storage::watch(move |text| d.dispatch(Action::OtherTab(text)));
            move || drop(listener)
        });
    }
    let state = state.clone();
    use_effect_with(state.revision, move |&revision| {
        if revision == 0 {
            return;
        }
        if state.text.is_empty() {
            storage::clear();
        } else if !storage::save(&state.text, state.file_name.as_deref()) {
            state.dispatch(Action::Notice(Some(
                "报告太大，浏览器拒绝自动保存；刷新页面前请自行保留原文。".into(),
            )));
        }
    });
}
