//! The PDF reader, two ways (first byte even or odd):
//!
//! * raw: the bytes are the file (damaged structure, bombs, encryption dictionaries);
//! * content: the bytes, split at the first `\0`, are a page's content stream and the
//!   `ToUnicode` CMap of its composite font `/F1` (Identity-H) — the page also has a simple
//!   TrueType font `/F2` with `Differences` — inside a valid one-page PDF, so that mutations
//!   reach the interpreter, the fonts and the CMap parser instead of failing the file.
//!
//! Never a panic; text that is read is analysed with the invariants checked; errors carry
//! both messages.
#![no_main]
use libfuzzer_sys::fuzz_target;
use report_lens::input::pdf;
use std::io::Write;

fn one_page(content: &[u8], cmap: &[u8]) -> Vec<u8> {
    let stream = |dict: &str, data: &[u8]| {
        let mut s = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
        s.extend_from_slice(data);
        s.extend_from_slice(b"\nendstream");
        s
    };
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources \
          << /Font << /F1 5 0 R /F2 8 0 R >> /XObject << /X 9 0 R >> >> >>"
            .to_vec(),
        stream("", content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H \
          /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /F /DW 1000 \
          /W [1 [500 600] 10 20 250] >>"
            .to_vec(),
        stream("", cmap),
        b"<< /Type /Font /Subtype /TrueType /BaseFont /T /FirstChar 32 /Widths [250 300 400] \
          /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [33 /uni4E2D /g5 /quoteright] >> >>"
            .to_vec(),
        stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 10 10]",
            b"BT /F2 9 Tf (form!) Tj ET",
        ),
    ];
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        let _ = writeln!(pdf, "{} 0 obj", i + 1);
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    let _ = write!(pdf, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in offsets {
        let _ = writeln!(pdf, "{o:010} 00000 n ");
    }
    let _ = write!(
        pdf,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    pdf
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let owned;
    let bytes = if mode % 2 == 0 {
        rest
    } else {
        let mut parts = rest.splitn(2, |&b| b == 0);
        let content = parts.next().unwrap_or_default();
        let cmap = parts.next().unwrap_or_default();
        owned = one_page(content, cmap);
        &owned[..]
    };
    match pdf::to_pages(bytes) {
        Ok(pages) => {
            for p in &pages {
                for r in &p.runs {
                    assert!(
                        r.x.is_finite() && r.y.is_finite() && r.width >= 0.0 && r.size > 0.0,
                        "a run with odd numbers: {r:?}"
                    );
                }
            }
            let text = report_lens::input::layout::to_text(&pages);
            fuzz_checks::analyze_and_check(&text);
        }
        Err(e) => {
            assert!(!e.to_string().is_empty() && !e.message_zh().is_empty());
        }
    }
});
