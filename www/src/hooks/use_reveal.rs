//! Scroll requests run after the render that shows their target.

use crate::focus::Target;
use crate::platform::dom;
use crate::state::State;
use wasm_bindgen::JsCast;
use web_sys::ScrollLogicalPosition;
use yew::prelude::*;

/// Scrolls the document to `state.reveal`'s target once it is rendered.
#[hook]
pub fn use_reveal(state: &UseReducerHandle<State>) {
    let state = state.clone();
    use_effect_with(state.reveal, move |reveal| {
        let Some((target, _)) = *reveal else { return };
        let doc = gloo::utils::document();
        let layout = &state.layout;
        let line_el = |line: usize| {
            // Blank lines are not rendered: take the next line that is.
            let k = layout.lines.partition_point(|l| l.index < line);
            layout
                .lines
                .get(k)
                .and_then(|l| doc.get_element_by_id(&format!("l-{}", l.index)))
        };
        match target {
            Target::Section(i) => {
                if let Some(el) = layout.section_line.get(i).and_then(|&l| line_el(l)) {
                    dom::scroll_into_view(&el, ScrollLogicalPosition::Start);
                    dom::flash(&el);
                }
            }
            Target::Indicator(i) => {
                let selector = format!("#doc mark[data-indicator=\"{i}\"]");
                if let Ok(Some(el)) = doc.query_selector(&selector) {
                    dom::scroll_into_view(&el, ScrollLogicalPosition::Center);
                    dom::flash(&el);
                    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                        let _ = h.focus();
                    }
                }
            }
            Target::Hit(at) => {
                // The highlighted passages are the visual cue: no flash over them.
                if let Ok(Some(el)) = doc.query_selector("#doc .hit") {
                    dom::scroll_into_view(&el, ScrollLogicalPosition::Center);
                } else {
                    let starts = &layout.line_starts;
                    let line = starts.partition_point(|&s| s <= at).saturating_sub(1);
                    if let Some(el) = line_el(line) {
                        dom::scroll_into_view(&el, ScrollLogicalPosition::Center);
                        dom::flash(&el);
                    }
                }
            }
        }
    });
}
