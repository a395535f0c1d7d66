//! Word 97–2003 `.doc` (and Word-compatible `.wps`) → plain text, with Word's automatic list
//! numbering rendered as text markers, in the same conventions as [`super::docx`].
//!
//! ```
//! use report_lens::input::doc::{to_text, DocError};
//! assert_eq!(to_text(b"not an OLE file"), Err(DocError::NotOle));
//! ```
//!
//! ## What is read ([MS-DOC], Word 97 and later: `nFib` above 105)
//! The OLE compound file is opened with the `cfb` crate; then, in the `WordDocument` stream
//! and the table stream (`0Table` or `1Table`, as `FibBase.fWhichTblStm` says):
//! * **FIB**: `FibBase` (`wIdent` 0xA5EC, `nFib`, `fEncrypted`, `fObfuscated`, `fComplex`,
//!   `fWhichTblStm`), `FibRgLw97.ccpText`, and the `FibRgFcLcb97` pairs used below. Sizes come
//!   from the counts in the file (`csw`, `cslw`, `cbRgFcLcb`), so Word 2000–2007 FIBs read
//!   alike.
//! * **Piece table** (`Clx` at `fcClx`): `RgPrc` (property groups referenced by pieces) and
//!   `PlcPcd`. A piece is 8-bit (`fCompressed`: bytes at `fc/2`, cp1252 as [MS-DOC] 2.9.73
//!   maps 0x82–0x9F, Latin-1 otherwise) or UTF-16LE; surrogate pairs are joined across pieces.
//! * **Text**: only the main document, CP 0 … `ccpText`. Footnotes, headers/footers, comments,
//!   endnotes and text boxes (the story text after `ccpText`) are dropped, as the `.docx`
//!   reader drops them: they are page furniture, not the report.
//!   * `0x0D` paragraph mark → a line; `0x07` cell mark → cells of a row joined by `\t`, one
//!     line per row (the row-end mark is told from a cell mark by `sprmPFTtp`); paragraphs
//!     inside a cell and nested tables are joined with a space.
//!   * fields `0x13` code `0x14` result `0x15`: the result is kept, the code dropped (nested
//!     fields too; a field without `0x14` has no result).
//!   * `0x0B` (line break), `0x0C` (page/section break), `0x0E` (column break) → `\n`;
//!     `0x09` → `\t`; `0x1E` (non-breaking hyphen) → `-`; other control characters
//!     (`0x1F` optional hyphen, `0x01` picture, `0x08` drawing, `0x02`/`0x05` note and
//!     comment anchors …) are removed.
//! * **Paragraph properties**: the `PlcBtePapx` (`fcPlcfBtePapx`) → `PapxFkp` pages → the
//!   `PapxInFkp` of each paragraph mark's file position, the stylesheet (`STSH` at `fcStshf`:
//!   paragraph styles' `UpxPapx`, following `istdBase`), and a piece's `Prm1` property group.
//!   Read sprms: `sprmPIstd`, `sprmPIlfo`, `sprmPIlvl`, `sprmPFInTable`, `sprmPFTtp`,
//!   `sprmPItap`, `sprmPFInnerTableCell`, `sprmPFInnerTtp`.
//! * **Lists**: `PlfLst` (`fcPlfLst`: `LSTF`s, then each list's one or nine `LVL`s: `LVLF`
//!   with `iStartAt`, `nfc`, `fLegal`, `fNoRestart`, `ilvlRestartLim`, `ixchFollow`,
//!   `rgbxchNums`, and the number text `xst`) and `PlfLfo` (`fcPlfLfo`: `LFO`s and their
//!   `LFOLVL` overrides: `fStartAt`, `fFormatting` with a replacement `LVL`). A paragraph with
//!   `ilfo` > 0 gets the marker Word draws: `xst` with its placeholders (positions in
//!   `rgbxchNums`) replaced by the counters of the levels they name, in the level's format
//!   (`nfc`: 0 decimal, 1–4 Roman/letters, 10 ideographDigital, 14 decimalFullWidth,
//!   18 ① …, 22 decimalZero, 23 bullet, 26–28 ⒈ ⑴ ①, 30 甲乙丙, 31 子丑寅, 33–36 Taiwanese,
//!   37 chineseCounting 一, 38 chineseLegalSimplified 壹, 39 chineseCountingThousand,
//!   0xFF none; others decimal), then `ixchFollow` (tab/space → nothing after CJK punctuation,
//!   a space otherwise; nothing → nothing): `一、`, `（一）`, `1. `. Counters belong to the
//!   list (`lsid`), so two `LFO`s of one list continue one sequence; an `LFOLVL` with
//!   `fStartAt` restarts its level when the `LFO` is first used; a level restarts when a more
//!   significant level advances, unless `fNoRestart` (then only below `ilvlRestartLim`).
//!
//! ## Rejected, with a message ([`DocError`])
//! Not an OLE file; an OLE file without `WordDocument` (Excel, PowerPoint, Outlook, Works
//! `.wps`, a password-protected `.docx`, anything else: the streams found are named);
//! `fEncrypted` (password or XOR obfuscation); `fComplex` (fast-saved; the piece table, FKP
//! and `Prm` reading above is what such files need, but without a sample to test against they
//! are refused with advice); `nFib` 105 or less (Word 6/95); a damaged FIB or piece table.
//! Kingsoft's pre-2005 `.wps` files are not OLE files: [`sniff_wps`] names the version it
//! recognises (WPS for DOS 1.x–3.x, WPS NT, WPS 97, WPS 2000-era signatures). WPS Office 2005
//! and later save `.wps` as a Word-compatible compound file, which is read like a `.doc`.
//!
//! ## Limits
//! * Not applied: `Prm0` (a single one-byte sprm attached to a piece, as fast saves write;
//!   `Prm1` property groups are applied). Not rendered: Word 6 style numbering (`ilfo` 2047 and above: no marker), list numbering
//!   that comes from a list style (`LSTF.fHybrid`-linked styles are followed only through
//!   paragraph styles), the `fSpec` special characters drawn as symbols (`sprmCSymbol`).
//! * A page break inside a paragraph and a section break are both `0x0C`: both become a line
//!   break (a section break also ends a paragraph, whose numbering is then not seen).
//! * At most [`MAX_TEXT_UNITS`] UTF-16 units of main text are read; each character position is
//!   read once, so piece tables that repeat ranges cannot amplify work.
//!
//! ## Size
//! Measured on wasm32 with a `cdylib` that calls [`crate::input::read_bytes_with`]
//! (`opt-level = "z"`, LTO, one codegen unit, `panic = "abort"`, wasm-bindgen 0.2.130,
//! wasm-opt 132 `-Oz`), gzipped: next to the `.docx` reader the `doc` feature (this module
//! and `cfb` with `fnv`, `uuid`, `web-time`) adds 36 KB (97.7 → 133.8 KB); on its own, over
//! the bare `input` feature, 56 KB (9.7 → 65.7 KB), since it then brings `std::io`, hashing
//! and formatting with it.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{Cursor, Read};

use super::numfmt;

/// The OLE compound file signature.
pub const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// Largest main text read, in UTF-16 code units (a long report has a few hundred thousand).
pub const MAX_TEXT_UNITS: u32 = 16 * 1024 * 1024;

/// Why a `.doc` could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocError {
    /// Not an OLE compound file.
    NotOle,
    /// An OLE compound file that is not a Word document.
    NotWord(OleKind),
    /// A password-protected (or XOR-obfuscated) document.
    Encrypted,
    /// Saved with Word's "fast save" (`fComplex`).
    FastSaved,
    /// Word 6/95 (`nFib` 105 or less).
    OldWord {
        /// The `nFib` found.
        nfib: u16,
    },
    /// A pre-2005 Kingsoft WPS file (not OLE): the version recognised (`WPS 3.x (DOS)`,
    /// `WPS 97`, `WPS2001` …).
    KingsoftWps(String),
    /// A `.wps` file that is none of the known kinds; the first bytes in hex.
    UnknownWps(String),
    /// The file is damaged (truncated compound file, FIB or piece table out of bounds).
    Corrupt(String),
}

/// What an OLE compound file that is not a Word document holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OleKind {
    /// Excel `.xls` (`Workbook`/`Book`; also Kingsoft ET).
    Excel,
    /// PowerPoint `.ppt` (`PowerPoint Document`; also Kingsoft DPS).
    PowerPoint,
    /// An Outlook message `.msg` (`__substg1.0_…`).
    Outlook,
    /// A Microsoft Works word-processor `.wps` (`CONTENTS`).
    Works,
    /// A password-protected Office 2007+ file (`EncryptedPackage`).
    EncryptedOoxml,
    /// Anything else: the names of the top-level streams.
    Other(String),
}

impl DocError {
    /// The message for the user, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            DocError::NotOle => "不是有效的 Word 97–2003 文档（.doc），文件头不是 OLE 复合文档。请在 Word 或 WPS 中另存为 .docx，或复制文字后粘贴。".into(),
            DocError::NotWord(kind) => match kind {
                OleKind::Excel => "这是 Excel 表格（.xls），不是 Word 文档。请复制表格中的文字后粘贴。".into(),
                OleKind::PowerPoint => "这是 PowerPoint 演示文稿（.ppt），不是 Word 文档。请复制文字后粘贴。".into(),
                OleKind::Outlook => "这是 Outlook 邮件（.msg），不是 Word 文档。请打开邮件，将附件中的报告另存后再读取。".into(),
                OleKind::Works => "这是 Microsoft Works 文字处理文档（.wps），不是 WPS Office 或 Word 文档。请在 Word 中打开后另存为 .docx，或复制文字后粘贴。".into(),
                OleKind::EncryptedOoxml => "文件设置了打开密码（加密的 Office 文档），无法读取。请取消密码后另存为 .docx，或复制文字后粘贴。".into(),
                OleKind::Other(streams) => format!("这是 OLE 复合文档，但不是 Word 文档（其中的数据流：{streams}）。请另存为 .docx，或复制文字后粘贴。"),
            },
            DocError::Encrypted => "文档设置了打开密码（已加密），无法读取。请在 Word 或 WPS 中取消密码后另存为 .docx，或复制文字后粘贴。".into(),
            DocError::FastSaved => "文档以“快速保存”方式存储，无法可靠读取。请在 Word 中打开后重新完整保存（另存为 .docx 更好），或复制文字后粘贴。".into(),
            DocError::OldWord { nfib } => format!("这是 Word 6.0/95 或更早版本的文档（版本号 {nfib}），暂不支持。请在 Word 或 WPS 中另存为 .docx，或复制文字后粘贴。"),
            DocError::KingsoftWps(sig) => format!("这是金山 WPS 早期格式的文档（{sig}），暂不支持。请在 WPS Office 中打开后另存为 .docx 或 .doc，或复制文字后粘贴。"),
            DocError::UnknownWps(head) => format!("无法识别的 .wps 文件（文件头 {head}），既不是 WPS Office/Word 兼容格式，也不是 Works 文档。请在 WPS Office 中另存为 .docx，或复制文字后粘贴。"),
            DocError::Corrupt(d) => format!("文档已损坏，无法读取（{d}）。请在 Word 或 WPS 中打开后另存为 .docx，或复制文字后粘贴。"),
        }
    }
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocError::NotOle => write!(f, "not a Word 97–2003 .doc (not an OLE compound file); save it as .docx or paste the text"),
            DocError::NotWord(kind) => match kind {
                OleKind::Excel => write!(f, "an Excel .xls spreadsheet, not a Word document"),
                OleKind::PowerPoint => write!(f, "a PowerPoint .ppt presentation, not a Word document"),
                OleKind::Outlook => write!(f, "an Outlook .msg message, not a Word document; save the attached report and open that"),
                OleKind::Works => write!(f, "a Microsoft Works word-processor .wps, not a WPS Office or Word document; save it as .docx in Word"),
                OleKind::EncryptedOoxml => write!(f, "a password-protected Office document; remove the password and save it as .docx"),
                OleKind::Other(streams) => write!(f, "an OLE compound file that is not a Word document (streams: {streams})"),
            },
            DocError::Encrypted => write!(f, "the .doc is password-protected (encrypted); remove the password and save it as .docx"),
            DocError::FastSaved => write!(f, "the .doc was fast-saved (incremental save), which is not read; open it in Word and save it in full, or as .docx"),
            DocError::OldWord { nfib } => write!(f, "a Word 6.0/95 or older document (nFib {nfib}), which is not read; save it as .docx"),
            DocError::KingsoftWps(sig) => write!(f, "a pre-2005 Kingsoft WPS document ({sig}), which is not read; save it as .docx or .doc in WPS Office"),
            DocError::UnknownWps(head) => write!(f, "an unrecognised .wps file (first bytes {head}): neither WPS Office/Word-compatible nor Works; save it as .docx in WPS Office"),
            DocError::Corrupt(d) => write!(f, "the .doc is damaged ({d}); open it in Word or WPS and save it as .docx"),
        }
    }
}

impl std::error::Error for DocError {}

fn corrupt(what: &str) -> DocError {
    DocError::Corrupt(what.to_string())
}

/// Names what a `.wps` that is not an OLE compound file is. Kingsoft's pre-2005 formats:
/// WPS for DOS 1.x–3.x and WPS NT 1.x start with `01 FF` … `04 FF` (a 1024-byte header
/// before GB2312 text with control codes); WPS 97 keeps its text after a `[WPSTEXT]` mark;
/// WPS 2000-era files carry `WPS` and a version (e.g. `WPS2001`) in their first bytes.
pub fn sniff_wps(bytes: &[u8]) -> DocError {
    let head = &bytes[..bytes.len().min(16)];
    match head {
        [v @ 1..=3, 0xFF, ..] => return DocError::KingsoftWps(format!("WPS {v}.x (DOS)")),
        [4, 0xFF, ..] => return DocError::KingsoftWps("WPS NT 1.x".into()),
        _ => {}
    }
    let window = &bytes[..bytes.len().min(1 << 20)];
    if window.windows(9).any(|w| w == b"[WPSTEXT]") {
        return DocError::KingsoftWps("WPS 97".into());
    }
    let signature = head
        .windows(4)
        .position(|w| w.starts_with(b"WPS") && w[3].is_ascii_digit());
    if let Some(i) = signature {
        let sig: String = head[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .map(|&b| b as char)
            .collect();
        return DocError::KingsoftWps(sig);
    }
    let hex: Vec<String> = head.iter().take(8).map(|b| format!("{b:02X}")).collect();
    DocError::UnknownWps(hex.join(" "))
}

// ---- bytes --------------------------------------------------------------------------------

fn u8_at(b: &[u8], at: usize) -> Option<u8> {
    b.get(at).copied()
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn slice(b: &[u8], at: usize, len: usize) -> Option<&[u8]> {
    b.get(at..at.checked_add(len)?)
}

// ---- the compound file ----------------------------------------------------------------------

type Ole<'a> = cfb::CompoundFile<Cursor<&'a [u8]>>;

/// Extracts the main text of a Word 97–2003 document: one line per paragraph or table row,
/// list numbering rendered.
pub fn to_text(bytes: &[u8]) -> Result<String, DocError> {
    if !bytes.starts_with(OLE_MAGIC) {
        return Err(DocError::NotOle);
    }
    let mut ole = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| DocError::Corrupt(format!("compound file: {e}")))?;
    let names: Vec<String> = ole
        .read_root_storage()
        .map(|e| e.name().to_string())
        .collect();
    if !names.iter().any(|n| n == "WordDocument") {
        return Err(DocError::NotWord(classify(&names)));
    }
    let word = read_stream(&mut ole, "WordDocument", bytes.len())?
        .ok_or_else(|| corrupt("no WordDocument stream"))?;
    let fib = Fib::parse(&word)?;
    let table_name = if fib.which_table { "1Table" } else { "0Table" };
    let table = read_stream(&mut ole, table_name, bytes.len())?
        .ok_or_else(|| DocError::Corrupt(format!("no {table_name} stream")))?;
    Document::new(&word, &table, &fib)?.render()
}

/// Reads the text from a `WordDocument` stream and its table stream, already taken out of
/// the compound file (the FIB's `fWhichTblStm` is not consulted).
pub fn streams_to_text(word: &[u8], table: &[u8]) -> Result<String, DocError> {
    let fib = Fib::parse(word)?;
    Document::new(word, table, &fib)?.render()
}

/// What a compound file without `WordDocument` is, from its top-level stream names.
fn classify(names: &[String]) -> OleKind {
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("Workbook") || has("Book") {
        OleKind::Excel
    } else if has("PowerPoint Document") {
        OleKind::PowerPoint
    } else if names.iter().any(|n| n.starts_with("__substg1.0_")) || has("__properties_version1.0")
    {
        OleKind::Outlook
    } else if has("EncryptedPackage") {
        OleKind::EncryptedOoxml
    } else if has("CONTENTS") {
        OleKind::Works
    } else {
        let mut shown: Vec<String> = names
            .iter()
            .take(8)
            .map(|n| n.chars().filter(|c| !c.is_control()).take(40).collect())
            .collect();
        if names.len() > shown.len() {
            shown.push("…".into());
        }
        OleKind::Other(if shown.is_empty() {
            "无/none".into()
        } else {
            shown.join(", ")
        })
    }
}

fn read_stream(ole: &mut Ole<'_>, name: &str, limit: usize) -> Result<Option<Vec<u8>>, DocError> {
    if !ole.is_stream(name) {
        return Ok(None);
    }
    let stream = ole
        .open_stream(name)
        .map_err(|e| DocError::Corrupt(format!("{name}: {e}")))?;
    let mut out = Vec::new();
    stream
        .take(limit as u64)
        .read_to_end(&mut out)
        .map_err(|e| DocError::Corrupt(format!("{name}: {e}")))?;
    Ok(Some(out))
}

// ---- FIB ------------------------------------------------------------------------------------

/// Indices of the `FibRgFcLcb97` pairs read here.
const FC_STSHF: usize = 1;
const FC_PLCF_BTE_PAPX: usize = 13;
const FC_CLX: usize = 33;
const FC_PLF_LST: usize = 73;
const FC_PLF_LFO: usize = 74;

struct Fib {
    which_table: bool,
    ccp_text: u32,
    fc_lcb: Vec<(u32, u32)>,
}

impl Fib {
    fn parse(w: &[u8]) -> Result<Fib, DocError> {
        let short = || corrupt("FIB truncated");
        if u16_at(w, 0).ok_or_else(short)? != 0xA5EC {
            return Err(corrupt("the WordDocument stream does not start with a FIB"));
        }
        let nfib = u16_at(w, 2).ok_or_else(short)?;
        let flags = u16_at(w, 10).ok_or_else(short)?;
        // fEncrypted (fObfuscated only says which kind of encryption).
        if flags & 0x0100 != 0 {
            return Err(DocError::Encrypted);
        }
        // Word 6 and 95 write 101–105; Word 97 and later 0xC1 or more (betas and
        // bidirectional builds a little less), all with the FIB layout read here.
        if nfib <= 105 {
            return Err(DocError::OldWord { nfib });
        }
        if flags & 0x0004 != 0 {
            return Err(DocError::FastSaved);
        }
        let csw = usize::from(u16_at(w, 32).ok_or_else(short)?);
        let at = 34 + csw * 2;
        let cslw = usize::from(u16_at(w, at).ok_or_else(short)?);
        let rg_lw = at + 2;
        let at = rg_lw + cslw * 4;
        let cb = usize::from(u16_at(w, at).ok_or_else(short)?);
        let fc_lcb = (0..cb)
            .map(|i| {
                let p = at + 2 + i * 8;
                Some((u32_at(w, p)?, u32_at(w, p + 4)?))
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(short)?;
        Ok(Fib {
            which_table: flags & 0x0200 != 0,
            ccp_text: u32_at(w, rg_lw + 12).ok_or_else(short)?,
            fc_lcb,
        })
    }

    /// The `(fc, lcb)` range of a table-stream structure, empty when absent.
    fn range<'t>(&self, table: &'t [u8], index: usize) -> &'t [u8] {
        let (fc, lcb) = self.fc_lcb.get(index).copied().unwrap_or((0, 0));
        slice(table, fc as usize, lcb as usize).unwrap_or(&[])
    }

    /// The table stream from a structure's `fc` to the end (list levels follow their table).
    fn tail<'t>(&self, table: &'t [u8], index: usize) -> &'t [u8] {
        let (fc, lcb) = self.fc_lcb.get(index).copied().unwrap_or((0, 0));
        if lcb == 0 {
            return &[];
        }
        table.get(fc as usize..).unwrap_or(&[])
    }
}

// ---- piece table ----------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    cp: u32,
    cp_end: u32,
    /// Byte offset of the piece's first character in the WordDocument stream.
    fc: u32,
    compressed: bool,
    prm: u16,
}

/// Parses a `Clx`: the property groups of `RgPrc` and the pieces of `PlcPcd`, clipped so that
/// character positions only grow (each is read once).
fn parse_clx(clx: &[u8]) -> Result<(Vec<&[u8]>, Vec<Piece>), DocError> {
    let mut groups = Vec::new();
    let mut at = 0usize;
    loop {
        match u8_at(clx, at) {
            Some(1) => {
                let cb = u16_at(clx, at + 1).ok_or_else(|| corrupt("piece table truncated"))?;
                let cb = (cb as i16).max(0) as usize;
                let g = slice(clx, at + 3, cb).ok_or_else(|| corrupt("piece table truncated"))?;
                groups.push(g);
                at += 3 + cb;
            }
            Some(2) => {
                let lcb = u32_at(clx, at + 1).ok_or_else(|| corrupt("piece table truncated"))?;
                let plc = slice(clx, at + 5, lcb as usize)
                    .ok_or_else(|| corrupt("piece table truncated"))?;
                return Ok((groups, parse_plc_pcd(plc)));
            }
            _ => return Err(corrupt("no piece table")),
        }
    }
}

fn parse_plc_pcd(plc: &[u8]) -> Vec<Piece> {
    let n = plc.len().saturating_sub(4) / 12;
    let mut pieces = Vec::with_capacity(n);
    let mut next_cp = 0u32;
    for i in 0..n {
        let (Some(cp), Some(cp_end), Some(raw), Some(prm)) = (
            u32_at(plc, i * 4),
            u32_at(plc, i * 4 + 4),
            u32_at(plc, (n + 1) * 4 + i * 8 + 2),
            u16_at(plc, (n + 1) * 4 + i * 8 + 6),
        ) else {
            break;
        };
        let compressed = raw & 0x4000_0000 != 0;
        let fc = raw & 0x3FFF_FFFF;
        // Skip the part of a piece before the end of the previous one.
        let start = cp.max(next_cp);
        if cp_end <= start {
            continue;
        }
        let skipped = start - cp;
        let fc = if compressed {
            fc / 2 + skipped
        } else {
            fc.saturating_add(skipped.saturating_mul(2))
        };
        pieces.push(Piece {
            cp: start,
            cp_end,
            fc,
            compressed,
            prm,
        });
        next_cp = cp_end;
    }
    pieces
}

/// cp1252 for the bytes of 8-bit pieces, as [MS-DOC] 2.9.73 lists them; Latin-1 otherwise.
fn compressed_char(b: u8) -> u16 {
    match b {
        0x82 => 0x201A,
        0x83 => 0x0192,
        0x84 => 0x201E,
        0x85 => 0x2026,
        0x86 => 0x2020,
        0x87 => 0x2021,
        0x88 => 0x02C6,
        0x89 => 0x2030,
        0x8A => 0x0160,
        0x8B => 0x2039,
        0x8C => 0x0152,
        0x91 => 0x2018,
        0x92 => 0x2019,
        0x93 => 0x201C,
        0x94 => 0x201D,
        0x95 => 0x2022,
        0x96 => 0x2013,
        0x97 => 0x2014,
        0x98 => 0x02DC,
        0x99 => 0x2122,
        0x9A => 0x0161,
        0x9B => 0x203A,
        0x9C => 0x0153,
        0x9F => 0x0178,
        _ => u16::from(b),
    }
}

// ---- sprms and paragraph properties ---------------------------------------------------------

const SPRM_P_ISTD: u16 = 0x4600;
const SPRM_P_ILVL: u16 = 0x260A;
const SPRM_P_ILFO: u16 = 0x460B;
const SPRM_P_F_IN_TABLE: u16 = 0x2416;
const SPRM_P_F_TTP: u16 = 0x2417;
const SPRM_P_ITAP: u16 = 0x6649;
const SPRM_P_F_INNER_TABLE_CELL: u16 = 0x244B;
const SPRM_P_F_INNER_TTP: u16 = 0x244C;
const SPRM_T_DEF_TABLE: u16 = 0xD608;
const SPRM_T_DEF_TABLE10: u16 = 0xD606;
const SPRM_P_CHG_TABS: u16 = 0xC615;

/// The `(sprm, operand)` pairs of a `grpprl`; stops at the first one that does not fit.
fn sprms(grpprl: &[u8]) -> impl Iterator<Item = (u16, &[u8])> + '_ {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let sprm = u16_at(grpprl, at)?;
        let op = at + 2;
        let len = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => match sprm {
                // TDefTableOperand.cb counts the rest of the operand plus one.
                SPRM_T_DEF_TABLE | SPRM_T_DEF_TABLE10 => usize::from(u16_at(grpprl, op)?) + 1,
                SPRM_P_CHG_TABS if u8_at(grpprl, op)? == 255 => {
                    let del = usize::from(u8_at(grpprl, op + 1)?);
                    let add = usize::from(u8_at(grpprl, op + 2 + 4 * del)?);
                    3 + 4 * del + 3 * add
                }
                _ => 1 + usize::from(u8_at(grpprl, op)?),
            },
        };
        let operand = slice(grpprl, op, len)?;
        at = op + len;
        Some((sprm, operand))
    })
}

/// The paragraph properties that matter for text: style, list, table membership.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct ParaProps {
    istd: u16,
    ilfo: u16,
    ilvl: u8,
    in_table: bool,
    ttp: bool,
    itap: u32,
    inner_cell: bool,
    inner_ttp: bool,
}

impl ParaProps {
    fn apply(&mut self, grpprl: &[u8]) {
        for (sprm, op) in sprms(grpprl) {
            let byte = op.first().copied().unwrap_or(0);
            let word = u16_at(op, 0).unwrap_or(0);
            match sprm {
                SPRM_P_ISTD => self.istd = word,
                SPRM_P_ILVL => self.ilvl = byte,
                SPRM_P_ILFO => self.ilfo = word,
                SPRM_P_F_IN_TABLE => self.in_table = byte != 0,
                SPRM_P_F_TTP => self.ttp = byte != 0,
                SPRM_P_ITAP => self.itap = u32_at(op, 0).unwrap_or(0),
                SPRM_P_F_INNER_TABLE_CELL => self.inner_cell = byte != 0,
                SPRM_P_F_INNER_TTP => self.inner_ttp = byte != 0,
                _ => {}
            }
        }
    }

    fn in_table(&self) -> bool {
        self.in_table || self.itap > 0
    }
}

/// One run of a `PapxFkp`: paragraph marks in `fc..fc_end` have `istd` + `grpprl`.
struct PapxRun<'a> {
    fc: u32,
    fc_end: u32,
    istd: u16,
    grpprl: &'a [u8],
}

/// Reads every `PapxFkp` page named by the `PlcBtePapx`.
fn parse_papx<'a>(plc: &[u8], word: &'a [u8]) -> Vec<PapxRun<'a>> {
    let n = plc.len().saturating_sub(4) / 8;
    let mut runs = Vec::new();
    let mut seen = HashSet::new();
    for i in 0..n {
        let Some(pn) = u32_at(plc, (n + 1) * 4 + i * 4) else {
            break;
        };
        let pn = pn & 0x003F_FFFF;
        if !seen.insert(pn) {
            continue;
        }
        let Some(page) = slice(word, pn as usize * 512, 512) else {
            continue;
        };
        let crun = usize::from(page[511]).min(29);
        for r in 0..crun {
            let (Some(fc), Some(fc_end), Some(b)) = (
                u32_at(page, r * 4),
                u32_at(page, r * 4 + 4),
                u8_at(page, (crun + 1) * 4 + r * 13),
            ) else {
                break;
            };
            let (istd, grpprl) = papx_in_fkp(page, usize::from(b) * 2).unwrap_or((0, &[]));
            runs.push(PapxRun {
                fc,
                fc_end,
                istd,
                grpprl,
            });
        }
    }
    runs.sort_by_key(|r| r.fc);
    runs
}

/// A `PapxInFkp` at `at` (0 = none): the style index and the sprms.
fn papx_in_fkp(page: &[u8], at: usize) -> Option<(u16, &[u8])> {
    if at == 0 {
        return None;
    }
    let cb = usize::from(u8_at(page, at)?);
    let data = if cb != 0 {
        slice(page, at + 1, 2 * cb - 1)?
    } else {
        let cb2 = usize::from(u8_at(page, at + 1)?);
        slice(page, at + 2, 2 * cb2)?
    };
    Some((u16_at(data, 0)?, data.get(2..).unwrap_or(&[])))
}

/// Paragraph styles of the `STSH`: per `istd`, the base style and the `UpxPapx` sprms.
fn parse_styles(stsh: &[u8]) -> Vec<Option<(u16, &[u8])>> {
    let mut styles = Vec::new();
    let Some(cb_stshi) = u16_at(stsh, 0).map(usize::from) else {
        return styles;
    };
    let (Some(cstd), Some(cb_base)) = (u16_at(stsh, 2), u16_at(stsh, 4)) else {
        return styles;
    };
    let cb_base = usize::from(cb_base);
    let mut at = 2 + cb_stshi;
    for _ in 0..cstd {
        let Some(cb_std) = u16_at(stsh, at).map(usize::from) else {
            break;
        };
        let std = slice(stsh, at + 2, cb_std).unwrap_or(&[]);
        at += 2 + cb_std;
        styles.push(paragraph_style(std, cb_base));
    }
    styles
}

fn paragraph_style(std: &[u8], cb_base: usize) -> Option<(u16, &[u8])> {
    let kind_base = u16_at(std, 2)?;
    if kind_base & 0x000F != 1 {
        return None;
    }
    let base = kind_base >> 4;
    let cch = usize::from(u16_at(std, cb_base)?);
    let mut at = cb_base + 2 + cch * 2 + 2;
    at += at % 2;
    let cb_upx = usize::from(u16_at(std, at)?);
    let upx = slice(std, at + 2, cb_upx)?;
    Some((base, upx.get(2..).unwrap_or(&[])))
}

/// Resolves every paragraph style through its `istdBase` chain (at most 16 deep).
fn style_props(styles: &[Option<(u16, &[u8])>]) -> Vec<ParaProps> {
    (0..styles.len())
        .map(|istd| {
            let mut chain = Vec::new();
            let mut at = istd;
            while chain.len() < 16 {
                let Some(Some((base, grpprl))) = styles.get(at) else {
                    break;
                };
                chain.push(*grpprl);
                at = usize::from(*base);
            }
            let mut props = ParaProps::default();
            for grpprl in chain.iter().rev() {
                props.apply(grpprl);
            }
            props.istd = istd as u16;
            props
        })
        .collect()
}

// ---- lists ----------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Text(String),
    /// The counter of a level (0-based).
    Level(usize),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Level {
    start: u32,
    nfc: u8,
    legal: bool,
    /// Restarts when a level before this (0-based, exclusive) advances.
    restart_before: Option<usize>,
    follow_nothing: bool,
    template: Vec<Part>,
}

struct List {
    lsid: u32,
    levels: Vec<Level>,
}

struct LfoLevel {
    ilvl: usize,
    start_at: Option<u32>,
    level: Option<Level>,
}

struct Lfo {
    lsid: u32,
    levels: Vec<LfoLevel>,
}

/// An `LVL` at `at`: the level and the position after it.
fn parse_lvl(b: &[u8], at: usize) -> Option<(Level, usize)> {
    let lvlf = slice(b, at, 28)?;
    let flags = lvlf[5];
    let positions: Vec<usize> = lvlf[6..15]
        .iter()
        .take_while(|&&p| p != 0)
        .map(|&p| usize::from(p))
        .collect();
    let cb_chpx = usize::from(lvlf[24]);
    let cb_papx = usize::from(lvlf[25]);
    let xst_at = at + 28 + cb_papx + cb_chpx;
    let cch = usize::from(u16_at(b, xst_at)?);
    let units: Vec<u16> = slice(b, xst_at + 2, cch * 2)?
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let mut template = Vec::new();
    let mut literal: Vec<u16> = Vec::new();
    for (i, &u) in units.iter().enumerate() {
        if u < 9 && positions.contains(&(i + 1)) {
            if !literal.is_empty() {
                template.push(Part::Text(String::from_utf16_lossy(&literal)));
                literal.clear();
            }
            template.push(Part::Level(usize::from(u)));
        } else {
            literal.push(u);
        }
    }
    if !literal.is_empty() {
        template.push(Part::Text(String::from_utf16_lossy(&literal)));
    }
    let no_restart = flags & 0x08 != 0;
    let level = Level {
        start: u32::try_from(i32::from_le_bytes(lvlf[0..4].try_into().ok()?)).unwrap_or(0),
        nfc: lvlf[4],
        legal: flags & 0x04 != 0,
        restart_before: no_restart.then_some(usize::from(lvlf[26])),
        follow_nothing: lvlf[15] == 2,
        template,
    };
    Some((level, xst_at + 2 + cch * 2))
}

/// `PlfLst` and the `LVL`s that follow it.
fn parse_lists(b: &[u8]) -> Vec<List> {
    let mut lists = Vec::new();
    let Some(count) = u16_at(b, 0).map(|c| (c as i16).max(0) as usize) else {
        return lists;
    };
    let mut at = 2 + count * 28;
    for i in 0..count {
        let Some(lstf) = slice(b, 2 + i * 28, 28) else {
            break;
        };
        let lsid = u32::from_le_bytes([lstf[0], lstf[1], lstf[2], lstf[3]]);
        let n = if lstf[26] & 0x01 != 0 { 1 } else { 9 };
        let mut levels = Vec::with_capacity(n);
        for _ in 0..n {
            let Some((level, next)) = parse_lvl(b, at) else {
                return lists;
            };
            levels.push(level);
            at = next;
        }
        lists.push(List { lsid, levels });
    }
    lists
}

fn by_lsid(lists: Vec<List>) -> HashMap<u32, List> {
    let mut map = HashMap::with_capacity(lists.len());
    for list in lists {
        map.entry(list.lsid).or_insert(list);
    }
    map
}

/// `PlfLfo`: the list instances paragraphs refer to (`ilfo` is 1-based).
fn parse_lfos(b: &[u8]) -> Vec<Lfo> {
    let mut lfos = Vec::new();
    let Some(count) = u32_at(b, 0).map(|c| (c as i32).max(0) as usize) else {
        return lfos;
    };
    let count = count.min(b.len() / 16);
    let mut at = 4 + count * 16;
    let mut heads = Vec::with_capacity(count);
    for i in 0..count {
        let (Some(lsid), Some(clfolvl)) = (u32_at(b, 4 + i * 16), u8_at(b, 4 + i * 16 + 12)) else {
            break;
        };
        heads.push((lsid, usize::from(clfolvl)));
    }
    for (lsid, clfolvl) in heads {
        let mut levels = Vec::new();
        // LFOData: a CP, then the overrides; stop reading overrides when they run out.
        if clfolvl > 0 && b.len() >= at + 4 {
            at += 4;
            for _ in 0..clfolvl {
                let (Some(start), Some(flags)) = (u32_at(b, at), u32_at(b, at + 4)) else {
                    break;
                };
                at += 8;
                let mut level = None;
                if flags & 0x20 != 0 {
                    let Some((l, next)) = parse_lvl(b, at) else {
                        break;
                    };
                    level = Some(l);
                    at = next;
                }
                levels.push(LfoLevel {
                    ilvl: (flags & 0x0F) as usize,
                    start_at: (flags & 0x10 != 0).then_some(start),
                    level,
                });
            }
        } else if b.len() >= at + 4 {
            at += 4;
        }
        lfos.push(Lfo { lsid, levels });
    }
    lfos
}

/// Word's number format names for `LVLF.nfc` (MSONFC), as [`numfmt::format_number`] knows them.
fn nfc_name(nfc: u8) -> &'static str {
    match nfc {
        1 => "upperRoman",
        2 => "lowerRoman",
        3 => "upperLetter",
        4 => "lowerLetter",
        10 => "ideographDigital",
        11 => "japaneseCounting",
        14 | 19 => "decimalFullWidth",
        17 => "japaneseDigitalTenThousand",
        18 => "decimalEnclosedCircle",
        22 => "decimalZero",
        23 => "bullet",
        26 => "decimalEnclosedFullstop",
        27 => "decimalEnclosedParen",
        28 => "decimalEnclosedCircleChinese",
        30 => "ideographTraditional",
        31 => "ideographZodiac",
        33 => "taiwaneseCounting",
        34 => "ideographLegalTraditional",
        35 => "taiwaneseCountingThousand",
        36 => "taiwaneseDigital",
        37 => "chineseCounting",
        38 => "chineseLegalSimplified",
        39 => "chineseCountingThousand",
        41 => "koreanCounting",
        0xFF => "none",
        _ => "decimal",
    }
}

const LEVELS: usize = 9;

/// List definitions plus the running counters of each list.
struct Numbers {
    /// Lists by `lsid` (the first of a repeated `lsid` wins).
    lists: HashMap<u32, List>,
    lfos: Vec<Lfo>,
    counters: HashMap<u32, [Option<u32>; LEVELS]>,
    started: HashSet<usize>,
}

impl Numbers {
    /// Advances the counter of (`ilfo`, `ilvl`) and returns the marker text to draw.
    fn next_marker(&mut self, ilfo: u16, ilvl: u8) -> String {
        let ilvl = usize::from(ilvl).min(LEVELS - 1);
        let Some(index) = usize::from(ilfo).checked_sub(1) else {
            return String::new();
        };
        let Some(lfo) = self.lfos.get(index) else {
            return String::new();
        };
        let Some(list) = self.lists.get(&lfo.lsid) else {
            return String::new();
        };
        let fallback = Level::default();
        let level_def = |i: usize| -> &Level {
            lfo.levels
                .iter()
                .find(|o| o.ilvl == i)
                .and_then(|o| o.level.as_ref())
                .or_else(|| list.levels.get(i))
                .or_else(|| list.levels.first())
                .unwrap_or(&fallback)
        };
        let start = |i: usize| {
            lfo.levels
                .iter()
                .find(|o| o.ilvl == i)
                .and_then(|o| o.start_at)
                .unwrap_or(level_def(i).start)
        };
        let values = self.counters.entry(lfo.lsid).or_default();
        if self.started.insert(index) {
            for o in &lfo.levels {
                if let (Some(v), Some(_)) = (values.get_mut(o.ilvl), o.start_at) {
                    *v = None;
                }
            }
        }
        values[ilvl] = Some(match values[ilvl] {
            Some(v) => v.saturating_add(1),
            None => start(ilvl),
        });
        for (j, value) in values.iter_mut().enumerate().skip(ilvl + 1) {
            if ilvl < level_def(j).restart_before.unwrap_or(j) {
                *value = None;
            }
        }
        let current = level_def(ilvl);
        let format = nfc_name(current.nfc);
        if format == "none" {
            return String::new();
        }
        let mut out = String::new();
        for part in &current.template {
            match part {
                Part::Text(t) if format == "bullet" => {
                    out.extend(t.chars().filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c)));
                }
                Part::Text(t) => out.push_str(t),
                Part::Level(_) if format == "bullet" => {}
                Part::Level(i) => {
                    let i = (*i).min(LEVELS - 1);
                    let value = values[i].unwrap_or_else(|| start(i));
                    let f = if current.legal {
                        "decimal"
                    } else {
                        nfc_name(level_def(i).nfc)
                    };
                    out.push_str(&numfmt::format_number(value, f));
                }
            }
        }
        let suffix = numfmt::suffix(current.follow_nothing, &out);
        out + suffix
    }
}

// ---- the document ---------------------------------------------------------------------------

struct Document<'a> {
    word: &'a [u8],
    ccp_text: u32,
    pieces: Vec<Piece>,
    groups: Vec<&'a [u8]>,
    papx: Vec<PapxRun<'a>>,
    styles: Vec<ParaProps>,
    numbers: Numbers,
}

/// Text being assembled: lines, and the row and cell of a table being read.
#[derive(Default)]
struct Output {
    lines: Vec<String>,
    row: Vec<String>,
    cell: String,
}

impl Output {
    fn add_to_cell(&mut self, text: &str) {
        let text = text.replace('\n', " ");
        let text = text.trim();
        if !self.cell.is_empty() && !text.is_empty() {
            self.cell.push(' ');
        }
        self.cell.push_str(text);
    }

    fn end_row(&mut self) {
        if !self.cell.is_empty() {
            let cell = std::mem::take(&mut self.cell);
            self.row.push(cell);
        }
        let cells = std::mem::take(&mut self.row);
        if cells.iter().any(|c| !c.trim().is_empty()) {
            self.lines.push(cells.join("\t"));
        }
    }
}

impl<'a> Document<'a> {
    fn new(word: &'a [u8], table: &'a [u8], fib: &Fib) -> Result<Document<'a>, DocError> {
        let (groups, pieces) = parse_clx(fib.range(table, FC_CLX))?;
        Ok(Document {
            word,
            ccp_text: fib.ccp_text.min(MAX_TEXT_UNITS),
            pieces,
            groups,
            papx: parse_papx(fib.range(table, FC_PLCF_BTE_PAPX), word),
            styles: style_props(&parse_styles(fib.range(table, FC_STSHF))),
            numbers: Numbers {
                lists: by_lsid(parse_lists(fib.tail(table, FC_PLF_LST))),
                lfos: parse_lfos(fib.range(table, FC_PLF_LFO)),
                counters: HashMap::new(),
                started: HashSet::new(),
            },
        })
    }

    /// The properties of the paragraph whose mark is at `fc`, in piece `piece`.
    fn props(&self, fc: u32, piece: &Piece) -> ParaProps {
        let i = self.papx.partition_point(|r| r.fc <= fc);
        let run = i
            .checked_sub(1)
            .and_then(|i| self.papx.get(i))
            .filter(|r| fc < r.fc_end);
        let istd = run.map_or(0, |r| r.istd);
        let mut props = self
            .styles
            .get(usize::from(istd))
            .copied()
            .unwrap_or_default();
        if let Some(r) = run {
            props.apply(r.grpprl);
        }
        if piece.prm & 1 == 1 {
            if let Some(g) = self.groups.get(usize::from(piece.prm >> 1)) {
                props.apply(g);
            }
        }
        props
    }

    fn render(mut self) -> Result<String, DocError> {
        let mut out = Output::default();
        let mut para: Vec<u16> = Vec::new();
        // Open fields: `true` once the separator (0x14) was seen, i.e. in the result.
        let mut fields: Vec<bool> = Vec::new();
        let mut in_code = 0usize;
        let pieces = std::mem::take(&mut self.pieces);
        for piece in &pieces {
            if piece.cp >= self.ccp_text {
                break;
            }
            let end = piece.cp_end.min(self.ccp_text);
            for k in 0..end - piece.cp {
                let (unit, fc) = if piece.compressed {
                    let fc = piece.fc.saturating_add(k);
                    match u8_at(self.word, fc as usize) {
                        Some(b) => (compressed_char(b), fc),
                        None => break,
                    }
                } else {
                    let fc = piece.fc.saturating_add(k.saturating_mul(2));
                    match u16_at(self.word, fc as usize) {
                        Some(u) => (u, fc),
                        None => break,
                    }
                };
                match unit {
                    0x13 => {
                        fields.push(false);
                        in_code += 1;
                    }
                    0x14 => {
                        if let Some(top) = fields.last_mut().filter(|t| !**t) {
                            *top = true;
                            in_code -= 1;
                        }
                    }
                    0x15 => {
                        if fields.pop() == Some(false) {
                            in_code -= 1;
                        }
                    }
                    0x0D | 0x07 => {
                        let props = self.props(fc, piece);
                        self.end_paragraph(&mut out, &mut para, unit == 0x07, props);
                    }
                    _ if in_code > 0 => {}
                    0x09 => para.push(u16::from(b'\t')),
                    0x0B | 0x0C | 0x0E => para.push(u16::from(b'\n')),
                    0x1E => para.push(u16::from(b'-')),
                    u if u < 0x20 => {}
                    u => para.push(u),
                }
            }
        }
        if !para.is_empty() {
            let props = ParaProps::default();
            self.end_paragraph(&mut out, &mut para, false, props);
        }
        if !out.row.is_empty() || !out.cell.is_empty() {
            out.end_row();
        }
        Ok(out.lines.join("\n"))
    }

    fn end_paragraph(
        &mut self,
        out: &mut Output,
        para: &mut Vec<u16>,
        cell_mark: bool,
        p: ParaProps,
    ) {
        let text = String::from_utf16_lossy(para);
        para.clear();
        let marker = if p.ilfo > 0 && !p.ttp && !p.inner_ttp {
            self.numbers.next_marker(p.ilfo, p.ilvl)
        } else {
            String::new()
        };
        let line = marker + &text;
        if p.ttp && cell_mark {
            out.end_row();
        } else if cell_mark {
            out.add_to_cell(&line);
            let cell = std::mem::take(&mut out.cell);
            out.row.push(cell);
        } else if p.in_table() {
            if !p.inner_ttp {
                out.add_to_cell(&line);
            }
        } else {
            if !out.row.is_empty() || !out.cell.is_empty() {
                out.end_row();
            }
            out.lines.push(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_bytes_are_cp1252() {
        // (byte, expected char, reason)
        let rows: &[(u8, char, &str)] = &[
            (b'A', 'A', "ASCII as is"),
            (0x93, '\u{201C}', "left double quote"),
            (0x97, '\u{2014}', "em dash"),
            (0x80, '\u{80}', "0x80 is not mapped: Latin-1"),
            (0xE9, 'é', "Latin-1 above 0x9F"),
        ];
        for (b, want, why) in rows {
            assert_eq!(
                char::from_u32(u32::from(compressed_char(*b))),
                Some(*want),
                "{why}"
            );
        }
    }

    /// A `PlcPcd` of `cps` (one more than the pieces) and `(byte offset, compressed)` pieces.
    fn plc_pcd(cps: &[u32], pieces: &[(u32, bool)]) -> Vec<u8> {
        let mut plc: Vec<u8> = cps.iter().flat_map(|cp| cp.to_le_bytes()).collect();
        for (fc, compressed) in pieces {
            plc.extend([0, 0]);
            let raw = if *compressed {
                (fc * 2) | 0x4000_0000
            } else {
                *fc
            };
            plc.extend(raw.to_le_bytes());
            plc.extend([0, 0]);
        }
        plc
    }

    #[test]
    fn pieces_decode_and_clip() {
        let plc = plc_pcd(
            &[0, 3, 5, 4, 8],
            &[(100, true), (200, false), (300, false), (400, true)],
        );
        let pieces = parse_plc_pcd(&plc);
        let got: Vec<(u32, u32, u32, bool)> = pieces
            .iter()
            .map(|p| (p.cp, p.cp_end, p.fc, p.compressed))
            .collect();
        assert_eq!(
            got,
            [(0, 3, 100, true), (3, 5, 200, false), (5, 8, 401, true)],
            "8-bit piece at fc/2, UTF-16 piece, an empty piece skipped, and a piece that goes \
             back starts where the previous one ended (its fc moved on by one 8-bit character)"
        );
        let mut clx = vec![1, 2, 0, 0x08, 0x24, 2];
        clx.extend((plc.len() as u32).to_le_bytes());
        clx.extend(&plc);
        let (groups, parsed) = parse_clx(&clx).unwrap();
        assert_eq!((groups, parsed.len()), (vec![&[0x08u8, 0x24][..]], 3));
        assert!(parse_clx(&[7]).is_err(), "a Clx starts with 1 or 2");
        assert!(
            parse_clx(&[2, 0xFF, 0xFF, 0, 0]).is_err(),
            "PlcPcd past the end"
        );
    }

    /// A WordDocument stream holding `text` as one 8-bit piece, rendered without properties.
    fn render_units(text: &[u16]) -> String {
        let mut word = vec![0u8; 0];
        let fc = 0u32;
        let mut compressed = true;
        for &u in text {
            if u > 0xFF {
                compressed = false;
            }
        }
        if compressed {
            word.extend(text.iter().map(|&u| u as u8));
        } else {
            word.extend(text.iter().flat_map(|u| u.to_le_bytes()));
        }
        let doc = Document {
            word: &word,
            ccp_text: text.len() as u32,
            pieces: vec![Piece {
                cp: 0,
                cp_end: text.len() as u32,
                fc,
                compressed,
                prm: 0,
            }],
            groups: vec![],
            papx: vec![],
            styles: vec![],
            numbers: Numbers {
                lists: HashMap::new(),
                lfos: vec![],
                counters: HashMap::new(),
                started: HashSet::new(),
            },
        };
        doc.render().unwrap()
    }

    #[test]
    fn special_characters_and_fields() {
        // (text with control characters, expected, reason)
        let rows: &[(&str, &str, &str)] = &[
            ("一\r二\r", "一\n二", "paragraph marks end lines"),
            ("a\u{b}b\tc\r", "a\nb\tc", "line break and tab"),
            ("详见\u{13} HYPERLINK \"http://x\" \u{14}门户网站\u{15}。\r", "详见门户网站。", "field: result kept, code dropped"),
            ("第\u{13} PAGE \u{15}页\r", "第页", "a field without separator has no result"),
            ("\u{13} IF \u{13} PAGE \u{14}1\u{15} = 1 \u{14}是\u{15}\r", "是", "nested field inside the code"),
            ("\u{13}X\u{14}外\u{13}Y\u{14}内\u{15}\u{15}\r", "外内", "nested field inside the result"),
            ("非\u{1e}断\u{1f}字\u{1}\u{8}\r", "非-断字", "non-breaking hyphen kept, optional hyphen and anchors dropped"),
            ("末段", "末段", "a last paragraph without a mark"),
            ("甲\u{7}乙\u{7}\u{7}丙\r", "甲\t乙\t\n丙", "cell marks without properties (no row-end flag): cells, the row ends at the next paragraph"),
        ];
        for (text, want, why) in rows {
            let units: Vec<u16> = text.encode_utf16().collect();
            assert_eq!(render_units(&units), *want, "{why}");
        }
    }

    #[test]
    fn sprm_operands() {
        // sprmPIlfo 2, sprmPFInTable 1, sprmTDefTable (cb 3 → 4 bytes), sprmPIlvl 1.
        let grpprl = [
            0x0B, 0x46, 2, 0, 0x16, 0x24, 1, 0x08, 0xD6, 3, 0, 9, 9, 0x0A, 0x26, 1,
        ];
        let mut p = ParaProps::default();
        p.apply(&grpprl);
        assert_eq!((p.ilfo, p.in_table, p.ilvl), (2, true, 1));
        // sprmPChgTabs with cb 255: 1 deleted tab, 1 added tab, then sprmPFTtp.
        let tabs = [0x15, 0xC6, 255, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0x17, 0x24, 1];
        let mut p = ParaProps::default();
        p.apply(&tabs);
        assert!(p.ttp, "the sprm after a long PChgTabs is read");
        let mut p = ParaProps::default();
        p.apply(&[0x0B, 0x46, 2]);
        assert_eq!(p, ParaProps::default(), "a truncated operand is ignored");
    }

    fn lvl(nfc: u8, xst: &[u16], nums: &[u8], follow: u8) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend(1i32.to_le_bytes());
        b.push(nfc);
        b.push(0);
        let mut rgbx = [0u8; 9];
        rgbx[..nums.len()].copy_from_slice(nums);
        b.extend(rgbx);
        b.push(follow);
        b.extend([0u8; 8]);
        b.extend([0, 0, 0, 0]); // cbGrpprlChpx, cbGrpprlPapx, ilvlRestartLim, grfhic
        b.extend((xst.len() as u16).to_le_bytes());
        b.extend(xst.iter().flat_map(|u| u.to_le_bytes()));
        b
    }

    #[test]
    fn list_levels_render_like_docx() {
        let mut plf = Vec::new();
        plf.extend(1u16.to_le_bytes());
        let mut lstf = vec![0u8; 28];
        lstf[0..4].copy_from_slice(&77u32.to_le_bytes());
        plf.extend(lstf);
        plf.extend(lvl(37, &[0, '、' as u16], &[1], 0));
        plf.extend(lvl(37, &['（' as u16, 1, '）' as u16], &[2], 2));
        plf.extend(lvl(0, &[0, '.' as u16, 1, '.' as u16, 2], &[1, 3, 5], 0));
        for _ in 3..9 {
            plf.extend(lvl(0, &[], &[], 0));
        }
        let lists = parse_lists(&plf);
        assert_eq!(lists.len(), 1);
        let mut lfo = Vec::new();
        lfo.extend(1u32.to_le_bytes());
        lfo.extend(77u32.to_le_bytes());
        lfo.extend([0u8; 12]);
        let mut numbers = Numbers {
            lists: by_lsid(lists),
            lfos: parse_lfos(&lfo),
            counters: HashMap::new(),
            started: HashSet::new(),
        };
        let got: Vec<String> = [
            (1, 0),
            (1, 1),
            (1, 1),
            (1, 2),
            (1, 0),
            (1, 1),
            (2, 0),
            (0, 0),
        ]
        .iter()
        .map(|&(ilfo, ilvl)| numbers.next_marker(ilfo, ilvl))
        .collect();
        // `%1.%2.%3` draws each level in its own format (as Word does without fLegal).
        assert_eq!(
            got,
            [
                "一、",
                "（一）",
                "（二）",
                "一.二.1 ",
                "二、",
                "（一）",
                "",
                ""
            ]
        );
    }

    /// A paragraph of a synthetic document: its text (without the mark), the mark (`\r` or
    /// the cell mark `\u{7}`), its style and its sprms.
    struct Para<'a>(&'a str, char, u16, Vec<u8>);

    /// sprms: `sprmPIlfo`, `sprmPIlvl`, `sprmPFInTable`, `sprmPFTtp`.
    fn ilfo(n: u16) -> Vec<u8> {
        [&[0x0B, 0x46][..], &n.to_le_bytes()].concat()
    }
    fn ilvl(n: u8) -> Vec<u8> {
        vec![0x0A, 0x26, n]
    }
    const IN_TABLE: [u8; 3] = [0x16, 0x24, 1];
    const TTP: [u8; 3] = [0x17, 0x24, 1];

    /// A `WordDocument` stream and a table stream for `paras` (one UTF-16 piece at 1024, one
    /// PAPX run per paragraph, FKP pages after the text), with the given `PlfLst`, `PlfLfo`
    /// and `STSH` bytes.
    fn synthetic(
        paras: &[Para<'_>],
        plf_lst: &[u8],
        plf_lfo: &[u8],
        stsh: &[u8],
    ) -> (Vec<u8>, Vec<u8>) {
        let mut text: Vec<u16> = Vec::new();
        let mut marks = Vec::new();
        for Para(t, mark, istd, sprms) in paras {
            text.extend(t.encode_utf16());
            marks.push((1024 + 2 * text.len() as u32, *istd, sprms.clone()));
            text.push(*mark as u16);
        }
        let mut word = vec![0u8; 1024];
        word.extend(text.iter().flat_map(|u| u.to_le_bytes()));
        word.resize(word.len().div_ceil(512) * 512, 0);
        // FKP pages, ten runs each; a run covers one paragraph mark.
        let mut bte_fcs = Vec::new();
        let mut bte_pns = Vec::new();
        for chunk in marks.chunks(10) {
            let mut page = vec![0u8; 512];
            let crun = chunk.len();
            let mut data_at = 511usize;
            for (r, (fc, istd, sprms)) in chunk.iter().enumerate() {
                page[r * 4..r * 4 + 4].copy_from_slice(&fc.to_le_bytes());
                page[r * 4 + 4..r * 4 + 8].copy_from_slice(&(fc + 2).to_le_bytes());
                // PapxInFkp: cb' = 0, then 2·cb' bytes of istd + sprms (padded).
                let mut papx = istd.to_le_bytes().to_vec();
                papx.extend(sprms);
                if papx.len() % 2 == 1 {
                    papx.push(0);
                }
                let size = 2 + papx.len();
                data_at = (data_at - size) & !1;
                page[data_at] = 0;
                page[data_at + 1] = (papx.len() / 2) as u8;
                page[data_at + 2..data_at + size].copy_from_slice(&papx);
                page[(crun + 1) * 4 + r * 13] = (data_at / 2) as u8;
            }
            page[511] = crun as u8;
            bte_fcs.push(chunk[0].0);
            bte_pns.push((word.len() / 512) as u32);
            word.extend(page);
        }
        bte_fcs.push(marks.last().map_or(0, |m| m.0 + 2));
        // The table stream: Clx, PlcBtePapx, PlfLst + LVLs, PlfLfo, STSH.
        let mut table = Vec::new();
        let mut place = |bytes: &[u8]| {
            let at = table.len() as u32;
            table.extend(bytes);
            (at, bytes.len() as u32)
        };
        let mut plc = Vec::new();
        plc.extend(0u32.to_le_bytes());
        plc.extend((text.len() as u32).to_le_bytes());
        plc.extend([0, 0]);
        plc.extend(1024u32.to_le_bytes());
        plc.extend([0, 0]);
        let mut clx = vec![2];
        clx.extend((plc.len() as u32).to_le_bytes());
        clx.extend(plc);
        let clx = place(&clx);
        let bte: Vec<u8> = bte_fcs
            .iter()
            .chain(&bte_pns)
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let bte = place(&bte);
        let lst = place(plf_lst);
        let lfo = place(plf_lfo);
        let sty = place(stsh);
        // The FIB: FibBase, 14 words, 22 longs (ccpText the fourth), 93 fc/lcb pairs.
        let mut fib = Vec::new();
        fib.extend(0xA5ECu16.to_le_bytes());
        fib.extend(0xC1u16.to_le_bytes());
        fib.resize(10, 0);
        fib.extend(0x0200u16.to_le_bytes());
        fib.resize(32, 0);
        fib.extend(14u16.to_le_bytes());
        fib.resize(34 + 28, 0);
        fib.extend(22u16.to_le_bytes());
        let mut longs = [0u32; 22];
        longs[3] = text.len() as u32;
        fib.extend(longs.iter().flat_map(|v| v.to_le_bytes()));
        fib.extend(93u16.to_le_bytes());
        let mut pairs = [(0u32, 0u32); 93];
        pairs[FC_STSHF] = sty;
        pairs[FC_PLCF_BTE_PAPX] = bte;
        pairs[FC_CLX] = clx;
        pairs[FC_PLF_LST] = lst;
        pairs[FC_PLF_LFO] = lfo;
        fib.extend(
            pairs
                .iter()
                .flat_map(|(a, b)| [a.to_le_bytes(), b.to_le_bytes()].concat()),
        );
        word[..fib.len()].copy_from_slice(&fib);
        (word, table)
    }

    /// `PlfLst` of lists `(lsid, levels)`: simple lists have one level.
    fn plf_lst(lists: &[(u32, Vec<Vec<u8>>)]) -> Vec<u8> {
        let mut b = (lists.len() as u16).to_le_bytes().to_vec();
        for (lsid, levels) in lists {
            let mut lstf = vec![0u8; 28];
            lstf[0..4].copy_from_slice(&lsid.to_le_bytes());
            lstf[26] = u8::from(levels.len() == 1);
            b.extend(lstf);
        }
        for (_, levels) in lists {
            for l in levels {
                b.extend(l);
            }
        }
        b
    }

    /// `PlfLfo` of instances `(lsid, overrides (ilvl, start))`.
    fn plf_lfo(lfos: &[(u32, Vec<(u32, u32)>)]) -> Vec<u8> {
        let mut b = (lfos.len() as u32).to_le_bytes().to_vec();
        for (lsid, overrides) in lfos {
            b.extend(lsid.to_le_bytes());
            b.extend([0u8; 8]);
            b.extend([overrides.len() as u8, 0, 0, 0]);
        }
        for (_, overrides) in lfos {
            b.extend(0u32.to_le_bytes());
            for (ilvl, start) in overrides {
                b.extend(start.to_le_bytes());
                b.extend((ilvl | 0x10).to_le_bytes());
            }
        }
        b
    }

    /// An `STSH` with paragraph styles `(istdBase, sprms)`; `None` is an empty slot.
    fn stsh(styles: &[Option<(u16, Vec<u8>)>]) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend(18u16.to_le_bytes()); // cbStshi
        let mut stshi = vec![0u8; 18];
        stshi[0..2].copy_from_slice(&(styles.len() as u16).to_le_bytes());
        stshi[2..4].copy_from_slice(&10u16.to_le_bytes()); // cbSTDBaseInFile
        b.extend(stshi);
        for style in styles {
            let Some((base, sprms)) = style else {
                b.extend(0u16.to_le_bytes());
                continue;
            };
            let mut std = vec![0u8; 10];
            std[2..4].copy_from_slice(&(1 | (base << 4)).to_le_bytes()); // stk = paragraph
            std.extend(1u16.to_le_bytes()); // a one-character name
            std.extend([b'S', 0, 0, 0]);
            let mut upx = 0u16.to_le_bytes().to_vec();
            upx.extend(sprms);
            std.extend((upx.len() as u16).to_le_bytes());
            std.extend(&upx);
            if upx.len() % 2 == 1 {
                std.push(0);
            }
            b.extend((std.len() as u16).to_le_bytes());
            b.extend(std);
        }
        b
    }

    fn outline_levels() -> Vec<Vec<u8>> {
        let mut levels = vec![
            lvl(37, &[0, '、' as u16], &[1], 0),
            lvl(37, &['（' as u16, 1, '）' as u16], &[2], 2),
        ];
        levels.extend((2..9).map(|_| lvl(0, &[], &[], 0)));
        levels
    }

    #[test]
    fn synthetic_documents() {
        let none = || Vec::new();
        let lists = plf_lst(&[(500, outline_levels())]);
        // Instance 1 and 2 share list 500 and continue it; instance 3 restarts it at five.
        let lfos = plf_lfo(&[(500, vec![]), (500, vec![]), (500, vec![(0, 5)])]);
        // Style 1 ("heading") is numbered at level 0 through instance 1; style 2 is based on it.
        let styles = stsh(&[
            Some((0x0FFF, vec![])),
            Some((0x0FFF, [ilfo(1), ilvl(0)].concat())),
            Some((1, vec![])),
        ]);
        let doc = [
            Para("标题", '\r', 0, none()),
            Para("总体情况", '\r', 1, none()),
            Para("组织领导", '\r', 0, [ilfo(1), ilvl(1)].concat()),
            Para("依法行政", '\r', 2, none()),
            Para("不编号的标题样式", '\r', 1, ilfo(0)),
            Para("继续", '\r', 0, [ilfo(2), ilvl(0)].concat()),
            Para("重新开始", '\r', 0, [ilfo(3), ilvl(0)].concat()),
            Para("指标", '\u{7}', 0, IN_TABLE.to_vec()),
            Para("", '\u{7}', 0, IN_TABLE.to_vec()),
            Para("甲", '\r', 0, IN_TABLE.to_vec()),
            Para("乙", '\u{7}', 0, IN_TABLE.to_vec()),
            Para("", '\u{7}', 0, [IN_TABLE, TTP].concat()),
            Para("1", '\u{7}', 0, IN_TABLE.to_vec()),
            Para("2", '\u{7}', 0, IN_TABLE.to_vec()),
            Para("3", '\u{7}', 0, IN_TABLE.to_vec()),
            Para("", '\u{7}', 0, [IN_TABLE, TTP].concat()),
            Para("表后", '\r', 0, none()),
        ];
        let (word, table) = synthetic(&doc, &lists, &lfos, &styles);
        let want = "标题\n一、总体情况\n（一）组织领导\n二、依法行政\n不编号的标题样式\n三、继续\n\
                    五、重新开始\n指标\t\t甲 乙\n1\t2\t3\n表后";
        assert_eq!(streams_to_text(&word, &table).unwrap(), want);
    }

    #[test]
    fn many_lists_are_looked_up_in_constant_time() {
        let lists: Vec<(u32, Vec<Vec<u8>>)> = (0..30_000)
            .map(|i| (i, vec![lvl(0, &[0, '.' as u16], &[1], 2)]))
            .collect();
        let lists = plf_lst(&lists);
        let lfos = plf_lfo(&[(29_999, vec![])]);
        let doc: Vec<Para> = (0..100_000).map(|_| Para("x", '\r', 0, ilfo(1))).collect();
        let (word, table) = synthetic(&doc, &lists, &lfos, &stsh(&[]));
        let start = std::time::Instant::now();
        let text = streams_to_text(&word, &table).unwrap();
        assert!(text.starts_with("1.x\n2.x\n") && text.ends_with("100000.x"));
        assert!(
            start.elapsed() < std::time::Duration::from_secs(5),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn wps_signatures() {
        assert_eq!(
            sniff_wps(b"\x90\xffWPS2001\0\0"),
            DocError::KingsoftWps("WPS2001".into())
        );
        assert_eq!(
            sniff_wps(b"\x03\xFF\x00\x10"),
            DocError::KingsoftWps("WPS 3.x (DOS)".into())
        );
        assert_eq!(
            sniff_wps(b"\x04\xFF"),
            DocError::KingsoftWps("WPS NT 1.x".into())
        );
        assert_eq!(
            sniff_wps(b"\x00\x07images...[WPSTEXT]\xD2\xBB"),
            DocError::KingsoftWps("WPS 97".into())
        );
        assert_eq!(sniff_wps(b"\x01\x02"), DocError::UnknownWps("01 02".into()));
    }

    #[test]
    fn every_error_has_both_messages() {
        let errors = [
            DocError::NotOle,
            DocError::NotWord(OleKind::Excel),
            DocError::NotWord(OleKind::PowerPoint),
            DocError::NotWord(OleKind::Outlook),
            DocError::NotWord(OleKind::Works),
            DocError::NotWord(OleKind::EncryptedOoxml),
            DocError::NotWord(OleKind::Other("Foo".into())),
            DocError::Encrypted,
            DocError::FastSaved,
            DocError::OldWord { nfib: 101 },
            DocError::KingsoftWps("WPS2001".into()),
            DocError::UnknownWps("00".into()),
            DocError::Corrupt("x".into()),
        ];
        for e in errors {
            assert!(!e.to_string().is_empty());
            assert!(e
                .message_zh()
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        }
    }
}
