//! Reading `.docx` and `.xlsx` files back, independently of the writers: the zip archive
//! with `zip` and its XML parts with `quick-xml`, by the element names of ECMA-376
//! (WordprocessingML `w:p`/`w:r`/`w:t`, SpreadsheetML `sheet`/`row`/`c`/`v`, shared strings).
#![allow(dead_code)]

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// Every part of a zip archive, by name, as text.
pub fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut s = String::new();
        if f.read_to_string(&mut s).is_ok() {
            out.insert(f.name().to_string(), s);
        }
    }
    out
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = name.strip_prefix('#')?;
            let v = match n.strip_prefix('x') {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(v)
        }
    }
}

/// One paragraph of a Word document.
#[derive(Debug, Default, Clone)]
pub struct WordParagraph {
    /// Its text (all runs).
    pub text: String,
    /// `w:jc` (`center`, `both` …).
    pub align: Option<String>,
    /// The East Asian font of its first run.
    pub font: Option<String>,
    /// The size of its first run, in half-points.
    pub size: Option<u32>,
}

/// The paragraphs of `word/document.xml`.
pub fn docx_paragraphs(bytes: &[u8]) -> Vec<WordParagraph> {
    let parts = parts(bytes);
    let xml = parts.get("word/document.xml").expect("word/document.xml");
    let mut r = Reader::from_str(xml);
    let mut out: Vec<WordParagraph> = Vec::new();
    let (mut in_p, mut in_t, mut in_run) = (false, false, false);
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:p" => {
                    in_p = true;
                    out.push(WordParagraph::default());
                }
                b"w:r" => in_run = true,
                b"w:t" => in_t = true,
                b"w:jc" if in_p && !in_run => {
                    out.last_mut().unwrap().align = attr(&e, b"w:val");
                }
                b"w:rFonts" if in_run => {
                    let p = out.last_mut().unwrap();
                    p.font = p.font.take().or_else(|| attr(&e, b"w:eastAsia"));
                }
                b"w:sz" if in_run => {
                    let p = out.last_mut().unwrap();
                    p.size = p
                        .size
                        .or_else(|| attr(&e, b"w:val").and_then(|v| v.parse().ok()));
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"w:p" => in_p = false,
                b"w:r" => in_run = false,
                b"w:t" => in_t = false,
                _ => {}
            },
            Event::Text(t) if in_t => {
                out.last_mut().unwrap().text.push_str(&t.decode().unwrap());
            }
            Event::GeneralRef(g) if in_t => {
                let name = g.decode().unwrap();
                out.last_mut().unwrap().text.extend(entity(&name));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// A cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
}

impl Value {
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            Value::Number(_) => None,
        }
    }
}

/// One worksheet: its name, its rows (cells by column index), whether its first row is
/// frozen, and its column widths.
#[derive(Debug, Default)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<BTreeMap<usize, Value>>,
    pub frozen_rows: u32,
    pub widths: Vec<f64>,
    pub autofilter: bool,
}

impl Sheet {
    /// The header row's texts.
    pub fn header(&self) -> Vec<String> {
        let h = &self.rows[0];
        let n = h.keys().max().map_or(0, |k| k + 1);
        (0..n)
            .map(|i| h.get(&i).and_then(Value::text).unwrap_or("").to_string())
            .collect()
    }

    /// The column of a header.
    pub fn column(&self, header: &str) -> usize {
        self.header()
            .iter()
            .position(|h| h == header)
            .unwrap_or_else(|| panic!("no column {header} in {}", self.name))
    }
}

/// Column index of a cell reference (`C7` → 2).
fn column_of(r: &str) -> usize {
    r.chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .fold(0, |n, c| n * 26 + (c as usize - 'A' as usize + 1))
        - 1
}

/// Reads the text of `<t>` elements inside each `<si>` (shared strings).
fn shared_strings(xml: &str) -> Vec<String> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut in_t = false;
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == b"si" => out.push(String::new()),
            Event::Start(e) if e.name().as_ref() == b"t" => in_t = true,
            Event::End(e) if e.name().as_ref() == b"t" => in_t = false,
            Event::Text(t) if in_t => out.last_mut().unwrap().push_str(&t.decode().unwrap()),
            Event::GeneralRef(g) if in_t => {
                let name = g.decode().unwrap();
                out.last_mut().unwrap().extend(entity(&name));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The worksheets of an `.xlsx`, in the workbook's order.
pub fn xlsx_sheets(bytes: &[u8]) -> Vec<Sheet> {
    let parts = parts(bytes);
    let strings = parts
        .get("xl/sharedStrings.xml")
        .map(|x| shared_strings(x))
        .unwrap_or_default();
    // Sheet names and relationship ids, then the ids' targets.
    let mut sheets: Vec<(String, String)> = Vec::new();
    let mut r = Reader::from_str(&parts["xl/workbook.xml"]);
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"sheet" => {
                sheets.push((attr(&e, b"name").unwrap(), attr(&e, b"r:id").unwrap()));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut targets = BTreeMap::new();
    let mut r = Reader::from_str(&parts["xl/_rels/workbook.xml.rels"]);
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"Relationship" => {
                targets.insert(attr(&e, b"Id").unwrap(), attr(&e, b"Target").unwrap());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    sheets
        .into_iter()
        .map(|(name, id)| {
            let target = targets[&id].trim_start_matches("/xl/").to_string();
            let xml = &parts[&format!("xl/{target}")];
            let mut sheet = read_sheet(xml, &strings);
            sheet.name = name;
            sheet
        })
        .collect()
}

fn read_sheet(xml: &str, strings: &[String]) -> Sheet {
    let mut sheet = Sheet::default();
    let mut r = Reader::from_str(xml);
    // The open cell: (column, type), and whether inside its <v> or inline <t>.
    let mut cell: Option<(usize, String)> = None;
    let mut in_v = false;
    let mut row_at = 0usize;
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"row" => {
                    row_at = attr(&e, b"r").unwrap().parse::<usize>().unwrap() - 1;
                    while sheet.rows.len() <= row_at {
                        sheet.rows.push(BTreeMap::new());
                    }
                }
                b"c" => {
                    let col = column_of(&attr(&e, b"r").unwrap());
                    cell = Some((col, attr(&e, b"t").unwrap_or_else(|| "n".into())));
                }
                b"v" | b"t" => in_v = true,
                b"pane" if attr(&e, b"state").as_deref() == Some("frozen") => {
                    sheet.frozen_rows = attr(&e, b"ySplit")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                }
                b"col" => {
                    let (min, max): (usize, usize) = (
                        attr(&e, b"min").unwrap().parse().unwrap(),
                        attr(&e, b"max").unwrap().parse().unwrap(),
                    );
                    let w: f64 = attr(&e, b"width").unwrap().parse().unwrap();
                    while sheet.widths.len() < max {
                        sheet.widths.push(0.0);
                    }
                    for i in min..=max {
                        sheet.widths[i - 1] = w;
                    }
                }
                b"autoFilter" => sheet.autofilter = true,
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"v" | b"t" => in_v = false,
                b"c" => cell = None,
                _ => {}
            },
            Event::Text(t) if in_v => {
                let s = t.decode().unwrap().into_owned();
                if let Some((col, ty)) = &cell {
                    let v = match ty.as_str() {
                        "s" => Value::Text(strings[s.parse::<usize>().unwrap()].clone()),
                        "n" => Value::Number(s.parse().unwrap()),
                        _ => Value::Text(s),
                    };
                    sheet.rows[row_at].insert(*col, v);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    sheet
}
