//! Files the user drops or opens: their names. Their bytes are read in the reader worker
//! ([`crate::platform::reader`]), as the CLI reads them.

/// The files of a file list, in order.
pub fn list(files: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..files.length()).filter_map(|k| files.get(k)).collect()
}

/// A file's name with its folder when it came from one.
pub fn label(f: &web_sys::File) -> String {
    let path = js_sys::Reflect::get(f, &"webkitRelativePath".into())
        .ok()
        .and_then(|p| p.as_string())
        .filter(|p| !p.is_empty());
    path.unwrap_or_else(|| f.name())
}
