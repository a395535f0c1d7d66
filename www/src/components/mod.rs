//! The page's components, one per file, each with `on<verb>` callback props. Components get
//! data and callbacks; only `app.rs` knows the state and its actions.

pub mod block;
pub mod compare_view;
pub mod coverage_chart;
pub mod desk;
pub mod details;
pub mod diagnostics;
pub mod doc_head;
pub mod document;
pub mod file_inputs;
pub mod indicator_table;
pub mod line;
pub mod memo_editor;
pub mod outline;
pub mod outline_item;
pub mod overview;
pub mod overview_row;
pub mod report_card;
pub mod report_input;
pub mod review;
pub mod side_panel;
pub mod summary;
pub mod task_coverage;
pub mod toolbar;
