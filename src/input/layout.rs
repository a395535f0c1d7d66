//! Positioned text → reading-order paragraphs, for the fixed-layout readers (PDF, OFD).
//!
//! Work in progress: the public API below is fixed; the rules are being written.

/// One page of positioned text; coordinates in points, origin top-left, y grows downward.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The text drawn on the page, in any order.
    pub runs: Vec<Run>,
}

/// Glyphs drawn on one baseline in one font size, left to right.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Run {
    /// Left edge of the first glyph.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Advance width of all the glyphs.
    pub width: f32,
    /// Font size (em height).
    pub size: f32,
    /// The glyphs' text.
    pub text: String,
}

/// Reading-order text: one paragraph per line, page chrome removed.
pub fn to_text(pages: &[Page]) -> String {
    let mut out = String::new();
    for page in pages {
        for run in &page.runs {
            out.push_str(&run.text);
            out.push('\n');
        }
    }
    out
}
