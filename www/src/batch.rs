//! A batch: many reports at once, each read and analysed in turn, with an overview row each
//! ([`report_lens::output::overview::row`]). The loop that fills it is
//! [`crate::hooks::use_batch`].

use crate::shared::Shared;
use report_lens::output::overview::Row;
use report_lens::Analysis;
use std::rc::Rc;

/// One analysed report of a batch.
#[derive(Debug)]
pub struct Report {
    /// The file name (with its folder, for a folder).
    pub name: String,
    /// What it was read as (`PDF`, `GBK` …).
    pub kind: String,
    /// Its review desk entry.
    pub entry: f64,
    pub text: Rc<str>,
    pub analysis: Shared<Analysis>,
    pub row: Row,
}

/// A batch: the reports analysed so far, the files that could not be read, progress.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    pub reports: Vec<Shared<Report>>,
    /// File name and why it was not read.
    pub failed: Vec<(String, String)>,
    pub total: usize,
    pub running: bool,
    pub cancelled: bool,
    /// Time from the drop to the last report, in milliseconds.
    pub ms: f64,
}

impl Batch {
    /// Files handled so far, read or not.
    pub fn done(&self) -> usize {
        self.reports.len() + self.failed.len()
    }
}

/// What the loop reports to the app.
pub enum Progress {
    /// Reports analysed and files refused since the last message.
    Some(Vec<Shared<Report>>, Vec<(String, String)>),
    /// Finished (or cancelled) after this many milliseconds.
    Done { ms: f64, cancelled: bool },
}
