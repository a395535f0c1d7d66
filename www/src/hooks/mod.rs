//! The app's hooks, one per file: the review desk and autosave, chunked rendering, the current section, scrolling
//! to a target, loading texts and files, batches.

mod use_batch;
mod use_chunked_render;
mod use_current_section;
mod use_loader;
mod use_reveal;
mod use_workspace;

pub use use_batch::{use_batch, BatchControl};
pub use use_chunked_render::use_chunked_render;
pub use use_current_section::use_current_section;
pub use use_loader::{use_loader, Text, PASTED};
pub use use_reveal::use_reveal;
pub use use_workspace::{entry_of, renewed, same_report, use_workspace};
