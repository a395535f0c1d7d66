//! report-lens's reader: a Web Worker that the page starts at its first analysis (a paste,
//! a file, the sample), since the page carries no analysis code of its own. It reads files with the
//! CLI's own code path (`report_lens::input::files::read_report`: format sniffing, .docx,
//! .doc/.wps, OFD, PDF, saved pages, chardetng's encoding decision) and analyses texts, then sends the results
//! back in pieces ([`wire`]). It also holds the sample report (示例报告), which the page's
//! first load leaves out.
//!
//! Hand-written on web-sys rather than with yew-agent: the worker needs neither yew nor an
//! agent registry, only `onmessage` and `postMessage`.

#![forbid(unsafe_code)]

#[path = "../../src/wire.rs"]
mod wire;

use report_lens::input::files::read_report;
use report_lens::input::Format;
use report_lens::model::{PartStatus, Via};
use report_lens::text::Script;
use report_lens::{Analysis, Code, Direction, Kind, ReportKind, Severity, Span};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use wire::*;

/// Sections, indicators or diagnostics per message: converting one piece takes the page a
/// few milliseconds.
const PIECE_ITEMS: usize = 1500;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

fn post(r: &Response) {
    match serde_wasm_bindgen::to_value(r) {
        Ok(v) => {
            let _ = scope().post_message(&v);
        }
        Err(e) => web_sys::console::error_1(&e.into()),
    }
}

fn main() {
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(|e: MessageEvent| {
        wasm_bindgen_futures::spawn_local(handle(e.data()));
    });
    scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The worker lives as long as the page uses it.
    onmessage.forget();
    post(&Response::Ready { protocol: PROTOCOL });
}

/// A message is `[request, file?]`.
async fn handle(data: JsValue) {
    let message: js_sys::Array = data.unchecked_into();
    let request = match serde_wasm_bindgen::from_value::<Request>(message.get(0)) {
        Ok(r) => r,
        Err(e) => {
            web_sys::console::error_1(&format!("reader: bad request: {e}").into());
            return;
        }
    };
    match request {
        Request::Read { id, name } => {
            let file: Option<web_sys::Blob> = message.get(1).dyn_into().ok();
            let bytes = match file {
                Some(f) => match wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await {
                    Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                    Err(_) => {
                        let message = "无法读取文件：浏览器拒绝读取。".to_string();
                        return post(&Response::Failed { id, message });
                    }
                },
                None => Vec::new(),
            };
            match read_report(&name, &bytes) {
                Ok(doc) => {
                    let how = match doc.format {
                        Format::Text => doc.encoding,
                        Format::Docx => "Word .docx".to_string(),
                        Format::Html => format!("网页 · {}", doc.encoding),
                        Format::Doc => "Word .doc".to_string(),
                        Format::Ofd => "OFD".to_string(),
                        Format::Pdf if doc.ocr => {
                            "PDF · 扫描件的 OCR 识别文字，数字可能有识别错误，请与原件核对"
                                .to_string()
                        }
                        Format::Pdf => "PDF".to_string(),
                    };
                    send_text(id, doc.text, how);
                }
                Err(e) => post(&Response::Failed {
                    id,
                    message: e.message_zh(),
                }),
            }
        }
        Request::Analyze { id, text } => {
            let t0 = now();
            let analysis = report_lens::analyze(&text);
            let ms = now() - t0;
            send_analysis(id, &analysis, ms);
        }
        Request::Json { id, text } => {
            let json = report_lens::output::export::to_json(&text, &report_lens::analyze(&text));
            post(&Response::Json { id, json });
        }
        Request::Memo {
            id,
            name,
            text,
            format,
            memo: edited,
        } => {
            use report_lens::output::memo;
            let m =
                edited.unwrap_or_else(|| memo::draft(&text, &report_lens::analyze(&text), &name));
            let made = match format.as_str() {
                "docx" => memo::to_docx(&m)
                    .map(|b| (m.file_name("docx"), b))
                    .map_err(|e| format!("无法生成 Word 文件：{e}")),
                "markdown" => Ok((m.file_name("md"), memo::to_markdown(&m).into_bytes())),
                _ => Ok((m.file_name("txt"), memo::to_text(&m).into_bytes())),
            };
            post(&match made {
                Ok((name, bytes)) => Response::File { id, name, bytes },
                Err(message) => Response::Failed { id, message },
            });
        }
        Request::Draft { id, name, text } => {
            let memo = report_lens::output::memo::draft(&text, &report_lens::analyze(&text), &name);
            post(&Response::Memo { id, memo });
        }
        Request::Workbook { id, reports } => {
            use report_lens::output::workbook;
            let analyses: Vec<_> = reports
                .iter()
                .map(|(_, text, _, _)| report_lens::analyze(text))
                .collect();
            let rows: Vec<workbook::Report> = reports
                .iter()
                .zip(&analyses)
                .map(|((name, text, status, note), analysis)| workbook::Report {
                    name,
                    status: if status.is_empty() {
                        workbook::UNREVIEWED
                    } else {
                        status
                    },
                    note,
                    text,
                    analysis,
                })
                .collect();
            post(&match workbook::to_xlsx(&rows) {
                Ok(bytes) => Response::File {
                    id,
                    name: format!("批量{}份-审查.xlsx", reports.len()),
                    bytes,
                },
                Err(e) => Response::Failed {
                    id,
                    message: format!("无法生成 Excel 文件：{e}"),
                },
            });
        }
        Request::Sample { id } => {
            let text = report_lens::input::files::normalise_breaks(SAMPLE.to_string());
            send_text(id, text, "示例报告".to_string());
        }
    }
}

/// The sample report the page's 示例报告 button shows.
const SAMPLE: &str = include_str!("../../../tests/fixtures/000_4650dba7b757251d.txt");

/// Sends a text that was read, then its analysis.
fn send_text(id: u32, text: String, how: String) {
    let t0 = now();
    let analysis = report_lens::analyze(&text);
    let ms = now() - t0;
    post(&Response::Text { id, text, how });
    send_analysis(id, &analysis, ms);
}

/// Sends `a` in pieces of at most [`PIECE_ITEMS`] records (layout: [`Columns`]).
fn send_analysis(id: u32, a: &Analysis, ms: f64) {
    let piece = |piece| post(&Response::Piece { id, piece });
    let mut c = Encoder::default();
    c.0.floats.push(ms);
    meta(&mut c, a);
    c.count(a.chrome.len());
    a.chrome.iter().for_each(|&s| c.span(s));
    c.count(a.parts.len());
    a.parts.iter().for_each(|p| part(&mut c, p));
    c.count(a.coverage.len());
    a.coverage.iter().for_each(|x| area(&mut c, x));
    tasks(&mut c, &a.tasks);
    piece(Piece::Begin(c.0));
    for chunk in a.sections.chunks(PIECE_ITEMS) {
        let mut c = Encoder::default();
        chunk.iter().for_each(|s| section(&mut c, s));
        piece(Piece::Sections(c.0));
    }
    for chunk in a.indicators.chunks(PIECE_ITEMS) {
        let mut c = Encoder::default();
        chunk.iter().for_each(|i| indicator(&mut c, i));
        piece(Piece::Indicators(c.0));
    }
    for chunk in a.diagnostics.chunks(PIECE_ITEMS) {
        let mut c = Encoder::default();
        chunk.iter().for_each(|d| diagnostic(&mut c, d));
        piece(Piece::Diagnostics(c.0));
    }
    piece(Piece::End);
}

/// Writes records into [`Columns`].
#[derive(Default)]
struct Encoder(Columns);

impl Encoder {
    fn int(&mut self, v: u32) {
        self.0.ints.push(v);
    }
    fn count(&mut self, n: usize) {
        self.int(n as u32);
    }
    fn flag(&mut self, on: bool) {
        self.int(u32::from(on));
    }
    fn span(&mut self, s: Span) {
        self.count(s.start);
        self.count(s.end);
    }
    fn text(&mut self, t: &str) {
        self.0.texts.push(t.to_string());
    }
    fn opt_int(&mut self, v: Option<u32>) {
        self.flag(v.is_some());
        v.into_iter().for_each(|v| self.int(v));
    }
    fn opt_index(&mut self, v: Option<usize>) {
        self.opt_int(v.map(|v| v as u32));
    }
    fn opt_span(&mut self, v: Option<Span>) {
        self.flag(v.is_some());
        v.into_iter().for_each(|v| self.span(v));
    }
    fn opt_text(&mut self, v: Option<&str>) {
        self.flag(v.is_some());
        v.into_iter().for_each(|v| self.text(v));
    }
}

fn meta(c: &mut Encoder, a: &Analysis) {
    let m = &a.meta;
    c.opt_text(m.title.as_deref());
    c.opt_span(m.title_span);
    c.opt_int(m.year.map(u32::from));
    c.opt_text(m.published.as_deref());
    c.opt_text(m.issuer.as_deref());
    c.opt_span(m.issuer_span);
    c.opt_int(m.script.map(|s| match s {
        Script::Simplified => 0,
        Script::Traditional => 1,
        Script::Mixed => 2,
    }));
    c.count(m.chars);
    c.opt_int(m.kind.map(|k| match k {
        ReportKind::RuleOfLawGovernment => 0,
        ReportKind::LawfulAdministration => 1,
        ReportKind::Other => 2,
    }));
    c.flag(m.signature.is_some());
    if let Some(s) = &m.signature {
        c.opt_text(s.issuer.as_deref());
        c.opt_text(s.date.as_deref());
        c.span(s.span);
    }
}

fn section(c: &mut Encoder, s: &report_lens::Section) {
    c.int(u32::from(s.level));
    c.span(s.heading);
    c.span(s.title_span);
    c.span(s.span);
    c.flag(s.inferred);
    c.opt_index(s.parent);
    c.flag(s.run_in);
    c.text(&s.marker);
    c.text(&s.title);
}

fn indicator(c: &mut Encoder, i: &report_lens::Indicator) {
    c.span(i.span);
    c.span(i.number);
    c.0.floats.push(i.value);
    c.flag(i.high.is_some());
    if let Some(h) = i.high {
        c.0.floats.push(h);
    }
    c.0.floats.push(i.normalized);
    c.text(&i.normalized_unit);
    c.text(&i.unit);
    c.count(Kind::ALL.iter().position(|&k| k == i.kind).unwrap_or(0));
    c.opt_text(i.approx);
    c.opt_int(i.direction.map(|d| u32::from(d == Direction::Up)));
    c.opt_text(i.basis);
    c.text(&i.subject);
    c.span(i.subject_spans[0]);
    c.span(i.subject_spans[1]);
    c.opt_index(i.section);
}

fn diagnostic(c: &mut Encoder, d: &report_lens::Diagnostic) {
    c.count(Code::ALL.iter().position(|&x| x == d.code).unwrap_or(0));
    c.int(match d.severity {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    });
    c.text(&d.message);
    c.span(d.span);
    c.count(d.spans.len());
    d.spans.iter().for_each(|&s| c.span(s));
    c.flag(d.confidence.is_some());
    if let Some(x) = d.confidence {
        c.0.floats.push(f64::from(x));
    }
    c.opt_text(d.fix.as_deref());
}

fn tasks(c: &mut Encoder, t: &report_lens::model::TaskCoverage) {
    c.opt_text(t.outline);
    c.opt_text(t.outline_title);
    c.opt_int(t.score);
    c.count(t.parts.len());
    for p in &t.parts {
        c.int(u32::from(p.part));
        c.text(&p.label);
        c.text(p.title);
        c.int(p.score);
        c.int(p.tasks);
        c.int(p.addressed);
        c.int(p.mentioned);
    }
    c.count(t.tasks.len());
    for k in &t.tasks {
        c.int(u32::from(k.part));
        c.int(u32::from(k.number));
        c.text(&k.label);
        c.text(k.title);
        c.flag(k.title_verified);
        c.int(k.status as u32);
        c.flag(k.applies);
        c.count(k.evidence.len());
        k.evidence.iter().for_each(|e| c.text(e));
        c.count(k.spans.len());
        k.spans.iter().for_each(|&s| c.span(s));
    }
}

fn part(c: &mut Encoder, p: &report_lens::model::Part) {
    c.text(p.id);
    c.text(p.name);
    c.int(match p.status {
        PartStatus::Found => 0,
        PartStatus::Weak => 1,
        PartStatus::Missing => 2,
    });
    c.flag(p.required);
    c.opt_span(p.span);
    c.opt_int(p.via.map(|v| u32::from(v == Via::Heading)));
    c.opt_index(p.section);
    c.count(p.evidence.len());
    p.evidence.iter().for_each(|e| c.text(e));
}

fn area(c: &mut Encoder, x: &report_lens::model::AreaCoverage) {
    c.text(x.area);
    c.text(x.name);
    c.int(x.score);
    c.int(x.points);
    c.count(x.sections.len());
    x.sections.iter().for_each(|&s| c.count(s));
    c.count(x.phrases.len());
    for h in &x.phrases {
        c.text(h.text);
        c.int(h.count);
        c.int(h.weight);
    }
    c.count(x.spans.len());
    x.spans.iter().for_each(|&s| c.span(s));
}
