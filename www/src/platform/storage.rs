//! Autosave: the open report lives on the review desk ([`crate::platform::workspace`]) like
//! every other, its text saved there after each analysis and each pause in typing. What
//! `localStorage` keeps is only which entry is open ([`CURRENT`]: its id, written once the
//! entry is durable), so that a reload or a new tab after a crash restores it, and so that
//! other tabs hear (`storage` events) that the open report changed.
//!
//! A text saved by an older version (the whole text in `localStorage`) is restored once, then
//! moves to the desk with the first save.

use crate::platform::workspace;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;

/// The open report's desk entry: `"<id> <time written>"` (the time makes every save an event
/// for other tabs, even when the entry stays the same).
const CURRENT: &str = "report-lens:current";
// An older version's autosave: the text itself, its file name and entry.
const OLD_TEXT: &str = "report-lens:text";
const OLD_NAME: &str = "report-lens:name";
const OLD_ENTRY: &str = "report-lens:entry";

/// The reviewing body the reviewer last signed a memo with (落款), offered for the next.
const SIGNER: &str = "report-lens:signer";

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

fn entry_of(value: &str) -> Option<f64> {
    workspace::parse_id(value.split(' ').next()?)
}

/// The desk entry of the open report, if any.
pub fn current() -> Option<f64> {
    entry_of(&storage()?.get_item(CURRENT).ok().flatten()?)
}

/// A report an older version saved in `localStorage`: text, file name, desk entry.
pub fn older() -> Option<(String, Option<String>, Option<f64>)> {
    let s = storage()?;
    let text = s.get_item(OLD_TEXT).ok().flatten()?;
    if text.is_empty() {
        return None;
    }
    let entry = s.get_item(OLD_ENTRY).ok().flatten();
    let entry = entry.and_then(|e| workspace::parse_id(&e));
    Some((text, s.get_item(OLD_NAME).ok().flatten(), entry))
}

/// Names entry `id` (saved on the desk) as the open report; an older version's copy is
/// dropped now that the desk holds it. False when the browser refused.
pub fn set_current(id: f64) -> bool {
    let Some(s) = storage() else { return false };
    let value = format!(
        "{} {}",
        workspace::id_text(id),
        workspace::id_text(js_sys::Date::now())
    );
    let saved = s.set_item(CURRENT, &value).is_ok();
    if saved {
        forget_older(&s);
    }
    saved
}

fn forget_older(s: &web_sys::Storage) {
    let _ = s.remove_item(OLD_TEXT);
    let _ = s.remove_item(OLD_NAME);
    let _ = s.remove_item(OLD_ENTRY);
}

/// No report is open: a reload starts empty (the desk keeps its entries).
pub fn clear() {
    if let Some(s) = storage() {
        let _ = s.remove_item(CURRENT);
        forget_older(&s);
    }
}

/// The reviewing body last signed with, if any.
pub fn signer() -> Option<String> {
    storage()?.get_item(SIGNER).ok().flatten()
}

/// Remembers the reviewing body for the next memo.
pub fn set_signer(signer: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(SIGNER, signer.trim());
    }
}

/// Calls `changed` with the entry another tab of this site made its open report (`None`: it
/// closed it), whenever that tab saves: the `storage` event fires in every tab but the one
/// that wrote. Listening stops when the returned listener is dropped.
///
/// The policy for two tabs is "last writer wins, with a notice": each tab keeps its own text
/// on screen; the one that did not write is told that a reload would restore the other tab's
/// report, and takes the place back with its next edit.
pub fn watch(changed: impl Fn(Option<f64>) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "storage", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        // `key` is null when the other tab cleared all of the site's storage.
        match e.key() {
            Some(k) if k == CURRENT => changed(e.new_value().as_deref().and_then(entry_of)),
            None => changed(None),
            _ => {}
        }
    })
}
