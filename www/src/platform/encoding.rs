//! Which encoding a `.txt` file is in, decided without asking the user.
//!
//! The browser's `TextDecoder` does the decoding (gb18030 and big5 tables cost no wasm); this
//! module only chooses:
//!
//! 1. a byte-order mark names the encoding: UTF-8, UTF-16LE, UTF-16BE;
//! 2. bytes that are valid UTF-8 are UTF-8 (legacy double-byte text almost never is);
//! 3. otherwise GB18030 (a superset of GBK) or Big5. Both are double-byte and both decode
//!    almost any byte string, so the two decodings are compared by how many of the most common
//!    Chinese characters each yields ([`plausibility`]): the wrong one produces rare characters
//!    and replacement characters.

use std::sync::OnceLock;

/// An encoding the app can read, with its `TextDecoder` label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without BOM.
    Utf8,
    /// UTF-16 little-endian, announced by `FF FE`.
    Utf16Le,
    /// UTF-16 big-endian, announced by `FE FF`.
    Utf16Be,
    /// GB18030 / GBK / GB2312.
    Gb18030,
    /// Big5.
    Big5,
}

impl Encoding {
    /// The WHATWG label for `TextDecoder`.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
            Encoding::Big5 => "big5",
        }
    }

    /// The name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030/GBK",
            Encoding::Big5 => "Big5",
        }
    }
}

/// The encoding announced by a byte-order mark, if any.
pub fn from_bom(bytes: &[u8]) -> Option<Encoding> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some(Encoding::Utf8),
        [0xFF, 0xFE, ..] => Some(Encoding::Utf16Le),
        [0xFE, 0xFF, ..] => Some(Encoding::Utf16Be),
        _ => None,
    }
}

/// How much `text` looks like Chinese prose: common characters count for, replacement and
/// private-use characters against. Only the first 20,000 characters are looked at.
pub fn plausibility(text: &str) -> i64 {
    let common = common_chars();
    let mut score = 0;
    for c in text.chars().take(20_000) {
        let simplified = report_lens::text::to_simplified(c);
        if common.binary_search(&simplified).is_ok() {
            score += 1;
        } else if c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c) {
            score -= 4;
        }
    }
    score
}

/// Chooses between the GB18030 and the Big5 decoding of the same bytes.
pub fn choose_legacy(gb18030: &str, big5: &str) -> Encoding {
    if plausibility(big5) > plausibility(gb18030) {
        Encoding::Big5
    } else {
        Encoding::Gb18030
    }
}

/// The 500 most frequent characters of modern Chinese, in Simplified form, sorted.
fn common_chars() -> &'static [char] {
    static SORTED: OnceLock<Vec<char>> = OnceLock::new();
    SORTED.get_or_init(|| {
        let mut v: Vec<char> = COMMON.chars().collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

const COMMON: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同\
工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当\
使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利\
比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式\
活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取\
据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单\
风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步\
群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约\
支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专\
状育厂京识适属圆包火住调满县局照参红细引听该铁价严";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_name_the_encoding() {
        assert_eq!(from_bom(b"\xEF\xBB\xBFabc"), Some(Encoding::Utf8));
        assert_eq!(from_bom(b"\xFF\xFEa\x00"), Some(Encoding::Utf16Le));
        assert_eq!(from_bom(b"\xFE\xFF\x00a"), Some(Encoding::Utf16Be));
        assert_eq!(from_bom(b"abc"), None);
        assert_eq!(from_bom(b""), None);
    }

    #[test]
    fn prose_beats_mojibake() {
        // The wrong decoder turns prose into rare characters (made with Python's codecs).
        let simplified = "全面推进依法行政，加快建设法治政府，行政复议案件办结率100%。";
        let gbk_read_as_big5 = "�姻禠す韥懋佬俷�ㄛ樓辦膘扢楊笥淉葬ㄛ俴淉葩祜偶璃域賦薹100%﹝";
        let traditional = "全面推進依法行政，加快建設法治政府，行政復議案件辦結率100%。";
        let big5_read_as_gbk = "崩秈ㄌ猭︽現е砞猭獀現┎︽現確某ン快挡瞯100%";
        assert!(plausibility(simplified) > 3 * plausibility(gbk_read_as_big5).max(1));
        assert!(plausibility(traditional) > 3 * plausibility(big5_read_as_gbk).max(1));
        assert_eq!(
            choose_legacy(simplified, gbk_read_as_big5),
            Encoding::Gb18030
        );
        assert_eq!(choose_legacy(big5_read_as_gbk, traditional), Encoding::Big5);
    }

    #[test]
    fn traditional_prose_counts_through_its_simplified_forms() {
        let traditional = "全面推進依法行政，加快建設法治政府，行政復議案件辦結率100%。";
        let simplified = "全面推进依法行政，加快建设法治政府，行政复议案件办结率100%。";
        assert_eq!(plausibility(traditional), plausibility(simplified));
    }

    #[test]
    fn ties_go_to_gb18030() {
        assert_eq!(choose_legacy("abc", "abc"), Encoding::Gb18030);
    }
}
