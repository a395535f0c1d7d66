//! The messages between the page and its reader worker (`www/reader`), shared by both
//! crates (the reader includes this file). They cross with `serde-wasm-bindgen`, so every
//! type here derives `Deserialize` — unlike the core's result types, which hold
//! `&'static str` and skip some spans in their JSON. An analysis travels as a
//! [`Piece`]s of at most 1,500 items each (the reader's `PIECE_ITEMS`), so that no message
//! takes the page long to take apart (the page converts each piece as it arrives).
//!
//! The protocol number is a hash of this file: a page never talks to a reader built from
//! another version of it (a cached old worker is replaced, see `platform::reader`).

use report_lens::output::memo::Memo;
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
    /// Analyse a text (every paste and edit: the page carries no analysis of its own).
    Analyze { id: u32, text: String },
    /// The JSON contract of a text, as the CLI writes it (the page leaves serde_json out).
    Json { id: u32, text: String },
    /// The bundled sample report (fixture 000), answered as a file read is: its 23 KB of text
    /// (9 KB gzipped) stay off the page's first load.
    Sample { id: u32 },
    /// The review memo (审查意见) as a file: `format` is `docx`, `markdown` or `text`. The
    /// reviewer's edited `memo` when given, else the one drafted from the text's analysis
    /// (`output::memo::draft`).
    Memo {
        id: u32,
        name: String,
        text: String,
        format: String,
        memo: Option<Memo>,
    },
    /// The memo drafted from a text's analysis, for the page's editor.
    Draft { id: u32, name: String, text: String },
    /// The batch as an Excel workbook (`output::workbook::to_xlsx`): each report's file name,
    /// text, review status and note; the texts are analysed again in the worker (the same
    /// function gives the same analysis).
    Workbook {
        id: u32,
        reports: Vec<(String, String, String, String)>,
    },
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
    /// The JSON contract asked for.
    Json { id: u32, json: String },
    /// The drafted memo asked for.
    Memo { id: u32, memo: Memo },
    /// A file made in the worker (a memo, a workbook): its name and bytes.
    File {
        id: u32,
        name: String,
        bytes: Vec<u8>,
    },
}

/// An analysis in pieces: `Begin` (meta, chrome, parts, coverage), then the sections,
/// indicators and diagnostics in lists of at most 1,500, then `End`. Each list is
/// [`Columns`]: a few flat arrays instead of one object per field, which keeps both the
/// messages and the page's decoding code small (the first load carries the decoder).
#[derive(Serialize, Deserialize, Debug)]
pub enum Piece {
    /// The analysis time (`floats[0]`), then meta, chrome, parts and coverage.
    Begin(Columns),
    Sections(Columns),
    Indicators(Columns),
    Diagnostics(Columns),
    End,
}

/// Records as columns: each record takes its integers, floats and texts, in an order the
/// encoder (`www/reader`) and the decoder (`platform::reader`) share:
///
/// - meta: title?, title span?, year?, published?, issuer?, issuer span?, script?, chars,
///   kind?, signature? (issuer?, date?, span); chrome: n, spans; parts: n, each id, name,
///   status, span?, via?, section?, evidence (n, texts); coverage: n, each area, name,
///   score, points, sections (n, ints), phrases (n, text count weight), spans (n, spans);
///   tasks: outline?, outline title?, score?, parts (n, each part, label, title, score,
///   tasks, addressed, mentioned), tasks (n, each part, number, label, title, verified,
///   status, applies, evidence (n, texts), spans (n, spans)); a part carries `required`
///   after its status;
/// - section: level, heading, title span, span, inferred, parent?, run-in, marker, title;
/// - indicator: span, number span, value, high?, normalized, normalized unit, unit, kind,
///   approx?, direction?, basis?, subject, two subject spans, section?;
/// - diagnostic: code, severity, message, span, spans (n, spans), confidence?, fix?.
///
/// `x?` is a flag (0 or 1) then the value when 1; a span is two integers (byte offsets);
/// enums are indices (`Kind::ALL`, `Code::ALL`, declaration order for the others).
#[derive(Serialize, Deserialize, Debug, Default)]
pub struct Columns {
    pub ints: Vec<u32>,
    pub floats: Vec<f64>,
    pub texts: Vec<String>,
}
