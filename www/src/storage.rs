//! Autosave: the current text and file name survive a reload or a crash in `localStorage`.

const TEXT: &str = "report-lens:text";
const NAME: &str = "report-lens:name";

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The saved report, if any.
pub fn load() -> Option<(String, Option<String>)> {
    let s = storage()?;
    let text = s.get_item(TEXT).ok().flatten()?;
    if text.is_empty() {
        return None;
    }
    Some((text, s.get_item(NAME).ok().flatten()))
}

/// Saves the report; false when the browser refused (quota, private mode).
pub fn save(text: &str, name: Option<&str>) -> bool {
    let Some(s) = storage() else { return false };
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
    }
}
