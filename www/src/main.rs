//! report-lens in the browser: paste or drop a 法治政府建设 annual report and see its outline,
//! its highlighted indicators and its numbering problems. Everything runs locally in wasm; no
//! request leaves the page.

#![forbid(unsafe_code)]

mod app;
mod batch;
mod card;
mod comparison;
mod diagnostics;
mod document;
mod encoding;
mod export;
mod file;
mod outline;
mod review;
mod shared;
mod storage;
mod summary;
mod table;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
