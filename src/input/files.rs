//! Which files are reports, and the text both front ends hold: the CLI's folder walk and the
//! page's "open folder" take the same files, and a file gives the CLI and the page the same
//! text (so the same offsets).
//!
//! ```
//! use report_lens::input::files::{is_report_name, normalise_breaks};
//! assert!(is_report_name("2023/梅列区.shtml"));
//! assert!(!is_report_name(".~梅列区.docx"), "hidden and lock files are skipped");
//! assert_eq!(normalise_breaks("一\r\n二\r三".into()), "一\n二\n三");
//! ```

/// Extensions of the files a folder contributes (lower case): what the readers of this
/// build read.
pub const REPORT_EXTENSIONS: &[&str] = &[
    "txt", "text", "docx", "doc", "wps", "ofd", "pdf", "html", "htm", "shtml", "xhtml",
];

/// True for a file a folder contributes: a [`REPORT_EXTENSIONS`] extension, and not hidden
/// (`.name`, which also skips Office's `~$` lock files' companions and macOS's `._name`).
pub fn is_report_name(name: &str) -> bool {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    !base.starts_with('.')
        && !base.starts_with("~$")
        && REPORT_EXTENSIONS.contains(&crate::input::extension(base).as_str())
}

/// Line breaks as a browser's text area holds them: `\r\n` and lone `\r` become `\n`.
pub fn normalise_breaks(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// Reads a file as the CLI and the page both do: [`crate::input::read_bytes`] (format,
/// encoding detected with chardetng), then [`normalise_breaks`].
#[cfg(feature = "decode")]
pub fn read_report(
    name: &str,
    bytes: &[u8],
) -> Result<crate::input::ReadDocument, crate::input::ReadError> {
    let mut doc = crate::input::read_bytes(name, bytes)?;
    doc.text = normalise_breaks(doc.text);
    Ok(doc)
}
