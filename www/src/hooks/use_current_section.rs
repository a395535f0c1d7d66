//! The current section: the last heading at or above the top of the document's view.

use crate::layout::Layout;
use crate::platform::dom;
use crate::shared::Shared;
use crate::state::{Action, State};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The document's scroll handler: one lookup per animation frame, a binary search over the
/// headings in document order; dispatches when the current section changes.
#[hook]
pub fn use_current_section(
    layout: Shared<Layout>,
    current: Option<usize>,
    dispatcher: UseReducerDispatcher<State>,
) -> Callback<f64> {
    let pending = use_mut_ref(|| Rc::new(Cell::new(false)));
    use_callback(
        (layout, current, dispatcher),
        move |top: f64, (layout, current, d)| {
            let pending = pending.borrow().clone();
            if pending.replace(true) {
                return;
            }
            let (layout, current, d) = (layout.clone(), *current, d.clone());
            dom::next_frame(move |_| {
                pending.set(false);
                let doc = gloo::utils::document();
                let offset_of = |line: usize| {
                    let l = layout.lines.get(layout.position_of_line(line))?;
                    let el = doc.get_element_by_id(&format!("l-{}", l.index))?;
                    Some(el.dyn_into::<web_sys::HtmlElement>().ok()?.offset_top() as f64)
                };
                // partition_point needs a monotone predicate: headings are in document order.
                let n = layout
                    .section_line
                    .partition_point(|&l| offset_of(l).is_some_and(|y| y <= top + 24.0));
                let now_current = n.checked_sub(1);
                if now_current != current {
                    d.dispatch(Action::CurrentSection(now_current));
                }
            });
        },
    )
}
