//! Platform glue: everything that talks to the browser rather than to the report — the DOM,
//! timers, `localStorage`, the review desk's IndexedDB, files, downloads and the clipboard. Components and hooks call these
//! functions; nothing here knows the app's state.

pub mod clipboard;
pub mod dom;
pub mod download;
pub mod files;
pub mod reader;
pub mod storage;
pub mod workspace;
