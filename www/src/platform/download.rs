//! Handing export strings made by the core to the user: a Blob download.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `content` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    offer(file_name, mime, &JsValue::from_str(content))
}

/// Offers `bytes` (a Word or Excel file made in the worker) as a download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    offer(file_name, mime, &js_sys::Uint8Array::from(bytes))
}

fn offer(file_name: &str, mime: &str, content: &JsValue) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(content);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // Revoking at once can cancel the download in some browsers.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The base name for export files: the report's file name without extension.
pub fn base_name(file_name: Option<&str>) -> String {
    let name = file_name.unwrap_or("report");
    let stem = match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    };
    if stem.trim().is_empty() {
        "report".into()
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn base_names() {
        assert_eq!(super::base_name(Some("梅列区报告.txt")), "梅列区报告");
        assert_eq!(super::base_name(Some(".txt")), ".txt");
        assert_eq!(super::base_name(Some("a.b.txt")), "a.b");
        assert_eq!(super::base_name(None), "report");
    }
}
