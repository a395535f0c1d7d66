//! Autosave: the current text and file name survive a reload or a crash in `localStorage`.

use crate::platform::workspace;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;

const TEXT: &str = "report-lens:text";
const NAME: &str = "report-lens:name";
/// The review desk's entry the text belongs to ([`crate::platform::workspace`]); a draft
/// saved before the desk existed has none and becomes an entry once, when restored.
const ENTRY: &str = "report-lens:entry";

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The saved report, if any: text, file name, desk entry.
pub fn load() -> Option<(String, Option<String>, Option<f64>)> {
    let s = storage()?;
    let text = s.get_item(TEXT).ok().flatten()?;
    if text.is_empty() {
        return None;
    }
    let entry = s.get_item(ENTRY).ok().flatten();
    let entry = entry.and_then(|e| workspace::parse_id(&e));
    Some((text, s.get_item(NAME).ok().flatten(), entry))
}

/// Saves the report; false when the browser refused (quota, private mode).
pub fn save(text: &str, name: Option<&str>, entry: Option<f64>) -> bool {
    let Some(s) = storage() else { return false };
    let _ = match entry {
        Some(e) => s.set_item(ENTRY, &workspace::id_text(e)),
        None => s.remove_item(ENTRY),
    };
    let saved = s.set_item(TEXT, text).is_ok();
    let _ = match name {
        Some(n) => s.set_item(NAME, n),
        None => s.remove_item(NAME),
    };
    if !saved {
        // Do not leave an older text behind to be "restored" later.
        let _ = s.remove_item(TEXT);
    }
    saved
}

/// Forgets the saved report.
pub fn clear() {
    if let Some(s) = storage() {
        let _ = s.remove_item(TEXT);
        let _ = s.remove_item(NAME);
        let _ = s.remove_item(ENTRY);
    }
}

/// Calls `changed` with the new text whenever another tab of this site saves (or clears) the
/// report: the `storage` event fires in every tab but the one that wrote. Listening stops
/// when the returned listener is dropped.
///
/// The policy for two tabs is "last writer wins, with a notice": each tab keeps its own text
/// on screen; the one that did not write is told that the saved copy is now the other tab's
/// and takes it back with its next edit.
pub fn watch(changed: impl Fn(Option<String>) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "storage", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        // `key` is null when the other tab cleared all of the site's storage.
        match e.key() {
            Some(k) if k == TEXT => changed(e.new_value()),
            None => changed(None),
            _ => {}
        }
    })
}
