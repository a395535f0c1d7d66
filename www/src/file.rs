//! Reading a dropped or opened file into text with the browser's `TextDecoder`.

use crate::encoding::{self, Encoding};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{TextDecoder, TextDecoderOptions};

/// A file's text and how it was decoded.
pub struct Decoded {
    /// The text, without byte-order mark, line breaks as written.
    pub text: String,
    /// The encoding that was detected.
    pub encoding: Encoding,
}

/// Reads all of `file` and decodes it.
pub async fn read(file: &web_sys::File) -> Result<Decoded, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("无法读取文件：{}", describe(&e)))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    decode(&bytes).map_err(|e| format!("无法解码文件：{}", describe(&e)))
}

/// Decodes bytes: BOM, then strict UTF-8, then the likelier of GB18030 and Big5.
pub fn decode(bytes: &[u8]) -> Result<Decoded, JsValue> {
    if let Some(encoding) = encoding::from_bom(bytes) {
        // TextDecoder drops the BOM itself.
        let text = decoder(encoding, false)?.decode_with_u8_array(bytes)?;
        return Ok(Decoded { text, encoding });
    }
    if let Ok(text) = decoder(Encoding::Utf8, true)?.decode_with_u8_array(bytes) {
        return Ok(Decoded {
            text,
            encoding: Encoding::Utf8,
        });
    }
    let gb = decoder(Encoding::Gb18030, false)?.decode_with_u8_array(bytes)?;
    let big5 = decoder(Encoding::Big5, false)?.decode_with_u8_array(bytes)?;
    Ok(match encoding::choose_legacy(&gb, &big5) {
        Encoding::Big5 => Decoded {
            text: big5,
            encoding: Encoding::Big5,
        },
        encoding => Decoded { text: gb, encoding },
    })
}

fn decoder(encoding: Encoding, fatal: bool) -> Result<TextDecoder, JsValue> {
    let options = TextDecoderOptions::new();
    options.set_fatal(fatal);
    TextDecoder::new_with_label_and_options(encoding.label(), &options)
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
