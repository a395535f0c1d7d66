//! The DOM and the event loop: time, scrolling, focus, waiting for a paint or a turn.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ScrollLogicalPosition};

/// Milliseconds since the page started, from `performance.now()` (`std::time::Instant`
/// panics in wasm32).
pub fn now() -> f64 {
    gloo::utils::window()
        .performance()
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Scrolls `el` into view inside its scroll container.
pub fn scroll_into_view(el: &web_sys::Element, block: ScrollLogicalPosition) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
    options.set_inline(ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls the element matching `selector`, if any, into view.
pub fn scroll_selector_into_view(selector: &str, block: ScrollLogicalPosition) {
    if let Ok(Some(el)) = gloo::utils::document().query_selector(selector) {
        scroll_into_view(&el, block);
    }
}

/// Moves the keyboard focus to the element matching `selector`, if any.
pub fn focus_selector(selector: &str) {
    if let Ok(Some(el)) = gloo::utils::document().query_selector(selector) {
        if let Some(el) = el.dyn_ref::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The element with this id.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    gloo::utils::document().get_element_by_id(id)
}

/// Restarts the one-shot highlight animation on `el`.
pub fn flash(el: &web_sys::Element) {
    let list = el.class_list();
    let _ = list.remove_1("flash");
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        let _ = h.offset_width(); // force a style flush so the animation restarts
    }
    let _ = list.add_1("flash");
}

/// Runs `f` after the browser has painted the current frame (so a notice shows first).
pub fn after_paint(f: impl FnOnce() + 'static) {
    let frame = gloo::render::request_animation_frame(move |_| {
        Timeout::new(0, f).forget();
    });
    // The frame must not be cancelled when the handle goes out of scope.
    std::mem::forget(frame);
}

/// Today's date as a memo writes it (`2026年12月7日`), in the browser's time zone.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{}年{}月{}日",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Runs `f` when the browser is idle (`requestIdleCallback`, at most `max_ms` later), or after
/// a paint where it has no such call (Safari): work that must not delay what the reader asked
/// for first.
pub fn when_idle(max_ms: u32, f: impl FnOnce() + 'static) {
    let window = gloo::utils::window();
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Function>().ok());
    let Some(idle) = idle else {
        return after_paint(f);
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &max_ms.into());
    let _ = idle.call2(&window, &callback, &options);
}

/// Runs `f` at the next animation frame.
pub fn next_frame(f: impl FnOnce(f64) + 'static) {
    std::mem::forget(gloo::render::request_animation_frame(f));
}

/// Lets the browser handle input and paint (a macrotask, so rendering can happen).
pub async fn yield_to_browser() {
    gloo::timers::future::TimeoutFuture::new(0).await;
}

/// `window.confirm`; false when the browser refuses to ask.
pub fn confirm(message: &str) -> bool {
    gloo::utils::window()
        .confirm_with_message(message)
        .unwrap_or(false)
}

/// Opens the print dialog (the print stylesheet shows the report card alone).
pub fn print() {
    if gloo::utils::window().print().is_err() {
        web_sys::console::error_1(&"print failed".into());
    }
}

/// Writes a line to the console (timings the browser tests read).
pub fn log(line: &str) {
    web_sys::console::log_1(&line.into());
}
