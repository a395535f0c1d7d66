//! Reading a dropped or opened file into text: [`report_lens::input::read_bytes_with`]
//! recognises the format (.txt, .docx, .html; .doc/.pdf/images are refused with a message)
//! and the browser's `TextDecoder` decodes text (gb18030 and big5 tables cost no wasm).

use crate::encoding::{self, Encoding};
use report_lens::input::{self, Format, ReadError};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{TextDecoder, TextDecoderOptions};

/// A file read as text.
pub struct Opened {
    /// The text, line breaks as written.
    pub text: String,
    /// What it was read as, for the notice: `GB18030/GBK`, `Word .docx`, `网页 · UTF-8`.
    pub how: String,
}

/// Reads all of `file`; the error is a message for the user, in Chinese.
pub async fn read(file: &web_sys::File) -> Result<Opened, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("无法读取文件：{}", describe(&e)))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    read_bytes(&file.name(), &bytes)
}

/// Reads a file's bytes by name and content.
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<Opened, String> {
    let doc = input::read_bytes_with(name, bytes, |bytes, label| {
        // A page's declared charset first; the browser knows every WHATWG label.
        if let Some(label) = label {
            if let Ok(text) = decoder(label, false).and_then(|d| d.decode_with_u8_array(bytes)) {
                return Ok((text, label.to_uppercase()));
            }
        }
        decode(bytes)
            .map(|d| (d.text, d.encoding.name().to_string()))
            .map_err(|_| ReadError::Binary)
    })
    .map_err(|e| e.message_zh())?;
    let how = match doc.format {
        Format::Text => doc.encoding,
        Format::Docx => "Word .docx".to_string(),
        Format::Html => format!("网页 · {}", doc.encoding),
        Format::Doc => "Word .doc".to_string(),
        Format::Ofd => "OFD".to_string(),
        Format::Pdf => "PDF".to_string(),
    };
    Ok(Opened {
        text: doc.text,
        how,
    })
}

/// A text and the encoding detected.
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

/// Decodes bytes: BOM, then strict UTF-8, then the likelier of GB18030 and Big5.
pub fn decode(bytes: &[u8]) -> Result<Decoded, JsValue> {
    if let Some(encoding) = encoding::from_bom(bytes) {
        // TextDecoder drops the BOM itself.
        let text = decoder(encoding.label(), false)?.decode_with_u8_array(bytes)?;
        return Ok(Decoded { text, encoding });
    }
    if let Ok(text) = decoder(Encoding::Utf8.label(), true)?.decode_with_u8_array(bytes) {
        return Ok(Decoded {
            text,
            encoding: Encoding::Utf8,
        });
    }
    let gb = decoder(Encoding::Gb18030.label(), false)?.decode_with_u8_array(bytes)?;
    let big5 = decoder(Encoding::Big5.label(), false)?.decode_with_u8_array(bytes)?;
    Ok(match encoding::choose_legacy(&gb, &big5) {
        Encoding::Big5 => Decoded {
            text: big5,
            encoding: Encoding::Big5,
        },
        encoding => Decoded { text: gb, encoding },
    })
}

fn decoder(label: &str, fatal: bool) -> Result<TextDecoder, JsValue> {
    let options = TextDecoderOptions::new();
    options.set_fatal(fatal);
    TextDecoder::new_with_label_and_options(label, &options)
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "未知错误".into())
}

/// Files a batch takes from a folder: reports by extension, no hidden files.
pub fn is_report_name(name: &str) -> bool {
    let ext = input::extension(name);
    !name.starts_with('.')
        && matches!(
            ext.as_str(),
            "txt" | "text" | "docx" | "html" | "htm" | "shtml" | "xhtml"
        )
}
