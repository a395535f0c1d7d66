//! Turning file bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy
//! Chinese encodings (GB18030/GBK, Big5) detected with `chardetng`, Firefox's detector.
//!
//! Rejected: binary data (NUL bytes or many control characters), and empty files.

use std::fmt;

/// Why bytes could not be read as a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Nothing in the file.
    Empty,
    /// Looks like a binary file (image, archive, .doc, .pdf …).
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the file is empty"),
            DecodeError::Binary => write!(
                f,
                "the file is binary, not text (convert .doc/.pdf to .docx or copy the text out)"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes `bytes`; returns the text and the name of the encoding used.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return check_text(text.into_owned()).map(|t| (t, enc.name()));
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    // encoding_rs validates UTF-8 about ten times faster than `std::str::from_utf8` on
    // Chinese text (0.8 ms against 9-13 ms for 10 MB here).
    if let Some(s) = encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        return check_text(s.into_owned()).map(|t| (t, "UTF-8"));
    }
    if mostly_utf8(bytes, encoding_rs::Encoding::utf8_valid_up_to(bytes)) {
        // A UTF-8 file with a damaged or differently encoded tail: keep the UTF-8 and
        // replace what is not (a legacy-encoding guess would garble the whole report).
        let t = String::from_utf8_lossy(bytes).into_owned();
        return check_text(t).map(|t| (t, "UTF-8"));
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _, _) = enc.decode(bytes);
    check_text(text.into_owned()).map(|t| (t, enc.name()))
}

/// Decodes `bytes` that declare an encoding (an HTML page's `<meta charset>`): a BOM wins,
/// then valid UTF-8 (pages re-saved as UTF-8 often keep their old GBK declaration), then the
/// declared `label` if `encoding_rs` knows it (`gb2312` → GBK, as in browsers), then detection.
pub fn decode_with_label(
    bytes: &[u8],
    label: Option<&str>,
) -> Result<(String, &'static str), DecodeError> {
    let declared = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes()))
        .filter(|e| {
            *e != encoding_rs::UTF_8 && *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE
        });
    match declared {
        Some(enc)
            if !bytes.is_empty()
                && encoding_rs::Encoding::for_bom(bytes).is_none()
                && encoding_rs::Encoding::utf8_valid_up_to(bytes) < bytes.len()
                && !looks_binary(bytes) =>
        {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            check_text(text.into_owned()).map(|t| (t, enc.name()))
        }
        _ => decode(bytes),
    }
}

/// True when the valid UTF-8 prefix is long and really multi-byte (GBK and Big5 text almost
/// never forms a run of valid UTF-8 sequences), and covers most of the file.
fn mostly_utf8(bytes: &[u8], valid_up_to: usize) -> bool {
    let prefix = &bytes[..valid_up_to];
    let multibyte = prefix.iter().filter(|&&b| b >= 0xC0).count();
    multibyte >= 20 && valid_up_to * 2 >= bytes.len()
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 20 > head.len()
}

fn check_text(t: String) -> Result<String, DecodeError> {
    if t.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let control = t
        .chars()
        .take(8192)
        .filter(|&c| (c < ' ' && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) || c == '\u{fffd}')
        .count();
    if control * 10 > t.chars().take(8192).count() {
        return Err(DecodeError::Binary);
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_common_encodings() {
        let s = "梅列区2019年法治政府建设工作情况报告，办复率100%。";
        assert_eq!(decode(s.as_bytes()).unwrap().0, s);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(s.as_bytes());
        assert_eq!(decode(&bom).unwrap().0, s);
        let (gbk, _, _) = encoding_rs::GBK.encode(s);
        let (t, enc) = decode(&gbk).unwrap();
        assert_eq!(t, s);
        assert!(enc == "GBK" || enc == "gb18030", "{enc}");
        let trad =
            "白沙鎮2023年度法治政府建設情況報告，黨政主要負責人認真履行法治建設第一責任人責任。";
        let (big5, _, _) = encoding_rs::BIG5.encode(trad);
        assert_eq!(decode(&big5).unwrap().0, trad);
        let mut u16 = vec![0xFF, 0xFE];
        u16.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&u16).unwrap().0, s);
    }

    #[test]
    fn declared_labels() {
        let s = "<meta charset=\"gbk\"><p>梅列区2019年法治政府建设工作情况报告，办复率100%。</p>";
        let (gbk, _, _) = encoding_rs::GBK.encode(s);
        // (bytes, label, expected encoding, reason)
        let rows: &[(&[u8], Option<&str>, &str, &str)] = &[
            (&gbk, Some("gbk"), "GBK", "declared and true"),
            (
                &gbk,
                Some("gb2312"),
                "GBK",
                "gb2312 is read as GBK, as in browsers",
            ),
            (
                s.as_bytes(),
                Some("gbk"),
                "UTF-8",
                "valid UTF-8 wins over a stale declaration",
            ),
            (
                &gbk,
                Some("utf-8"),
                "GBK",
                "a false UTF-8 declaration falls back to detection",
            ),
            (
                &gbk,
                Some("no-such-charset"),
                "GBK",
                "unknown labels fall back to detection",
            ),
        ];
        for (bytes, label, want, why) in rows {
            let (text, enc) = decode_with_label(bytes, *label).unwrap();
            assert_eq!(text, s, "{why}");
            assert!(
                enc == *want || (*want == "GBK" && enc == "gb18030"),
                "{why}: {enc}"
            );
        }
    }

    #[test]
    fn rejects_binary_and_empty() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"  \n "), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00binary"),
            Err(DecodeError::Binary)
        );
    }
}
