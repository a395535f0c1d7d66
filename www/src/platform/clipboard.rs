//! The clipboard: what a paste carries, and writing the outline out.

use wasm_bindgen::{JsCast, JsValue};

/// The text to load from a paste: the plain text, unless it lost the paragraph breaks that
/// the HTML version still has (some pages and editors put whole reports on one line).
pub fn pasted_text(data: &web_sys::DataTransfer) -> String {
    let plain = data.get_data("text/plain").unwrap_or_default();
    if plain.trim().contains('\n') {
        return plain;
    }
    let html = data.get_data("text/html").unwrap_or_default();
    if html.trim().is_empty() {
        return plain;
    }
    let from_html = report_lens::input::html::extract(&html).to_text();
    if from_html.trim().contains('\n') || plain.trim().is_empty() {
        from_html
    } else {
        plain
    }
}

/// Copies `text` to the clipboard; the promise settles when done.
pub fn copy(text: &str) -> Result<js_sys::Promise, JsValue> {
    // `navigator.clipboard` is behind web-sys's unstable flag; call it by name.
    let navigator = gloo::utils::window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())?;
    let write: js_sys::Function =
        js_sys::Reflect::get(&clipboard, &"writeText".into())?.dyn_into()?;
    write.call1(&clipboard, &text.into())?.dyn_into()
}
