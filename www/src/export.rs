//! Handing export strings made by the core to the user: a Blob download or the clipboard.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `content` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
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

/// Copies `text` to the clipboard; the promise settles when done.
pub fn copy(text: &str) -> Result<js_sys::Promise, JsValue> {
    // `navigator.clipboard` is behind web-sys's unstable flag; call it by name.
    let navigator = gloo::utils::window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())?;
    let write: js_sys::Function =
        js_sys::Reflect::get(&clipboard, &"writeText".into())?.dyn_into()?;
    write.call1(&clipboard, &text.into())?.dyn_into()
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

/// A number with its sign and at most `digits` decimals: `+12`, `-3.5`, `0`.
pub fn format_signed(v: f64, digits: usize) -> String {
    let s = format!("{:+.*}", digits, v);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    match s {
        "+0" | "-0" => "0".to_string(),
        s => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn signed_numbers() {
        assert_eq!(super::format_signed(12.0, 4), "+12");
        assert_eq!(super::format_signed(-3.5, 4), "-3.5");
        assert_eq!(super::format_signed(0.0, 1), "0");
        assert_eq!(super::format_signed(-0.01, 1), "0");
        assert_eq!(super::format_signed(25.0, 1), "+25");
    }

    #[test]
    fn base_names() {
        assert_eq!(super::base_name(Some("梅列区报告.txt")), "梅列区报告");
        assert_eq!(super::base_name(Some(".txt")), ".txt");
        assert_eq!(super::base_name(Some("a.b.txt")), "a.b");
        assert_eq!(super::base_name(None), "report");
    }
}
