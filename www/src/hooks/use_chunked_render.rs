//! Long documents render a chunk of lines per task, so input and painting go on in between.

use crate::state::{Action, State};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// Asks for the next chunk after each render until every line is in the page.
#[hook]
pub fn use_chunked_render(state: &UseReducerHandle<State>) {
    let total = state.layout.lines.len();
    let d = state.dispatcher();
    use_effect_with(
        (state.revision, state.rendered, state.editing),
        move |&(_, rendered, editing)| {
            let timer = (!editing && rendered < total)
                .then(|| Timeout::new(0, move || d.dispatch(Action::RenderMore)));
            move || drop(timer)
        },
    );
}
