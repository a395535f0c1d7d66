//! Invariants shared by the fuzz targets: every span of an [`Analysis`] lies inside the text
//! on `char` boundaries, indicators are sorted and disjoint, section links are in range, and
//! the JSON contract parses with code-point offsets that match the byte spans.
//!
//! Each check panics with a message naming the broken invariant, which libFuzzer reports as a
//! crash with the input that caused it.

use report_lens::{analyze, output::export, Analysis};

/// Analyses `text`, checks the analysis and its JSON export; returns the analysis.
pub fn analyze_and_check(text: &str) -> Analysis {
    let a = analyze(text);
    check_analysis(text, &a);
    check_json(text, &a);
    a
}

/// The invariants of one analysis ([`report_lens::invariants`]).
pub fn check_analysis(text: &str, a: &Analysis) {
    if let Err(e) = report_lens::invariants::check(text, a) {
        panic!("{e}");
    }
}

/// The JSON contract parses; indicator offsets are code points and slice to the indicator.
pub fn check_json(text: &str, a: &Analysis) {
    let json = export::to_json(text, a);
    let v: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("to_json is not JSON: {e}"));
    let chars: Vec<char> = text.chars().collect();
    let inds = v["indicators"].as_array().expect("indicators array");
    assert_eq!(inds.len(), a.indicators.len(), "JSON indicator count");
    for (k, j) in inds.iter().enumerate() {
        let start = j["start"].as_u64().expect("start") as usize;
        let end = j["end"].as_u64().expect("end") as usize;
        assert!(
            start <= end && end <= chars.len(),
            "JSON indicator {k} offsets"
        );
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(
            Some(slice.as_str()),
            j["text"].as_str(),
            "JSON indicator {k}: code-point slice differs from its text"
        );
    }
    let sections = v["sections"].as_array().expect("sections array");
    assert_eq!(sections.len(), a.sections.len(), "JSON section count");
}

/// The UTF-8 prefix of `data` (fuzzers hand out bytes; cut at the first invalid sequence).
pub fn utf8_prefix(data: &[u8]) -> &str {
    match std::str::from_utf8(data) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).unwrap_or(""),
    }
}

/// CRC-32 (IEEE), as zip needs it.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A valid zip archive of stored (uncompressed) entries.
pub fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut z = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = z.len() as u32;
        let crc = crc32(data);
        let fields = |out: &mut Vec<u8>| {
            out.extend(20u16.to_le_bytes()); // version needed
            out.extend(0u16.to_le_bytes()); // flags
            out.extend(0u16.to_le_bytes()); // stored
            out.extend([0, 0, 0x21, 0]); // time, date
            out.extend(crc.to_le_bytes());
            out.extend((data.len() as u32).to_le_bytes());
            out.extend((data.len() as u32).to_le_bytes());
            out.extend((name.len() as u16).to_le_bytes());
            out.extend(0u16.to_le_bytes()); // extra length
        };
        z.extend(0x0403_4b50u32.to_le_bytes());
        fields(&mut z);
        z.extend(name.as_bytes());
        z.extend(*data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes()); // made by
        fields(&mut central);
        central.extend([0u8; 10]); // comment length, disk, internal (2) and external (4) attributes
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let cd_start = z.len() as u32;
    z.extend(&central);
    z.extend(0x0605_4b50u32.to_le_bytes());
    z.extend([0u8; 4]); // disk numbers
    z.extend((entries.len() as u16).to_le_bytes());
    z.extend((entries.len() as u16).to_le_bytes());
    z.extend((central.len() as u32).to_le_bytes());
    z.extend(cd_start.to_le_bytes());
    z.extend(0u16.to_le_bytes()); // comment length
    z
}

#[cfg(test)]
mod tests {
    #[test]
    fn stored_zip_is_a_readable_docx() {
        let doc = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:body></w:document>"#;
        let zip = super::stored_zip(&[("word/document.xml", doc.as_bytes())]);
        assert_eq!(
            report_lens::input::docx::to_text(&zip).unwrap().trim(),
            "一、总体情况"
        );
        assert_eq!(super::crc32(b"123456789"), 0xCBF4_3926);
    }
}
