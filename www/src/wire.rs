//! The messages between the page and its reader worker (`www/reader`), shared by both
//! crates (the reader includes this file). They cross with `serde-wasm-bindgen`, so every
//! type here derives `Deserialize` — unlike the core's result types, which hold
//! `&'static str` and skip some spans in their JSON. An analysis travels as a
//! [`Piece`]s of at most 1,500 items each (the reader's `PIECE_ITEMS`), so that no message
//! takes the page long to take apart (the page converts each piece as it arrives).
//!
//! The protocol number is a hash of this file: a page never talks to a reader built from
//! another version of it (a cached old worker is replaced, see `platform::reader`).

use serde::{Deserialize, Serialize};

/// Changes whenever this file does.
pub const PROTOCOL: u32 = fnv1a(include_str!("wire.rs").as_bytes());

const fn fnv1a(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// From the page to the reader. A `Read` message carries the `File` beside the request.
#[derive(Serialize, Deserialize, Debug)]
pub enum Request {
    /// Read the file sent along (bytes → text, as the CLI reads it) and analyse the text.
    Read { id: u32, name: String },
    /// Analyse a text (a large paste or edit).
    Analyze { id: u32, text: String },
}

/// From the reader to the page.
#[derive(Serialize, Deserialize, Debug)]
pub enum Response {
    /// The reader has started; sent once, first.
    Ready { protocol: u32 },
    /// The text of a file, and what it was read as (`GBK`, `Word .docx`, `网页 · UTF-8`).
    Text { id: u32, text: String, how: String },
    /// The file could not be read: the message for the user, in Chinese.
    Failed { id: u32, message: String },
    /// A piece of an analysis.
    Piece { id: u32, piece: Piece },
}

/// An analysis in pieces: `Begin`, any number of lists, `End`.
#[derive(Serialize, Deserialize, Debug)]
pub enum Piece {
    Begin {
        /// Time the analysis took in the reader.
        ms: f64,
        meta: WireMeta,
        chrome: Vec<WireSpan>,
        parts: Vec<WirePart>,
        coverage: Vec<WireArea>,
    },
    Sections(Vec<WireSection>),
    Indicators(Vec<WireIndicator>),
    Diagnostics(Vec<WireDiagnostic>),
    End,
}

/// A byte range.
pub type WireSpan = (usize, usize);

#[derive(Serialize, Deserialize, Debug)]
pub struct WireMeta {
    pub title: Option<String>,
    pub title_span: Option<WireSpan>,
    pub year: Option<u16>,
    pub published: Option<String>,
    pub issuer: Option<String>,
    pub issuer_span: Option<WireSpan>,
    /// `Script` as its index: Simplified, Traditional, Mixed.
    pub script: Option<u8>,
    pub chars: usize,
    /// `ReportKind` as its index: RuleOfLawGovernment, LawfulAdministration, Other.
    pub kind: Option<u8>,
    pub signature: Option<(Option<String>, Option<String>, WireSpan)>,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct WireSection {
    pub level: u8,
    pub marker: String,
    pub title: String,
    pub heading: WireSpan,
    pub title_span: WireSpan,
    pub span: WireSpan,
    pub inferred: bool,
    pub parent: Option<usize>,
    pub run_in: bool,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct WireIndicator {
    pub span: WireSpan,
    pub number: WireSpan,
    pub value: f64,
    pub unit: String,
    /// Index in `Kind::ALL`.
    pub kind: u8,
    pub approx: Option<String>,
    /// Up (`true`) or down.
    pub up: Option<bool>,
    pub basis: Option<String>,
    pub subject: String,
    pub subject_spans: [WireSpan; 2],
    pub section: Option<usize>,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct WireDiagnostic {
    /// Index in `Code::ALL`.
    pub code: u8,
    /// Info, Warning, Error.
    pub severity: u8,
    pub message: String,
    pub span: WireSpan,
    pub spans: Vec<WireSpan>,
    pub confidence: Option<f32>,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct WirePart {
    pub id: String,
    pub name: String,
    /// Found, Weak, Missing.
    pub status: u8,
    pub span: Option<WireSpan>,
    /// Heading (`true`) or passage.
    pub via_heading: Option<bool>,
    pub section: Option<usize>,
    pub evidence: Vec<String>,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct WireArea {
    pub area: String,
    pub name: String,
    pub score: u32,
    pub points: u32,
    pub sections: Vec<usize>,
    /// (text, count, weight)
    pub phrases: Vec<(String, u32, u32)>,
    pub spans: Vec<WireSpan>,
}
