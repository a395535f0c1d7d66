//! Arbitrary bytes → the HTML reader: `sniff_charset` and `looks_like_html` on the bytes,
//! `extract` + `to_text` on their UTF-8 prefix, then `analyze` on the article text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use report_lens::input::html;

fuzz_target!(|data: &[u8]| {
    let _ = html::sniff_charset(data);
    let _ = html::looks_like_html(data);
    let page = fuzz_checks::utf8_prefix(data);
    let _ = html::decode_entities(page);
    let article = html::extract(page);
    let text = article.to_text();
    fuzz_checks::analyze_and_check(&text);
});
