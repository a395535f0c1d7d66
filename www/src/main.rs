//! report-lens in the browser: paste or drop a 法治政府建设 annual report and see its outline,
//! its highlighted indicators and its numbering problems. Everything runs locally in wasm; no
//! request leaves the page.
//!
//! The shell the yew way: [`state`] (State, Action, the reducer), [`components`] (one per
//! file), [`hooks`] (autosave, chunked rendering, the current section, loading), and
//! [`platform`] (DOM, storage, files, downloads). Everything a report shows is worded by the
//! core ([`report_lens::output::present`]), as in the CLI.

#![forbid(unsafe_code)]

mod app;
mod batch;
mod components;
mod export;
mod focus;
mod hooks;
mod layout;
mod platform;
mod shared;
mod state;
mod wire;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
