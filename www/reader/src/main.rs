//! report-lens's reader: a Web Worker that the page starts the first time a file needs
//! reading (or a text is too big to analyse on the page's thread). It reads files with the
//! CLI's own code path (`report_lens::input::files::read_report`: format sniffing, .docx,
//! saved pages, chardetng's encoding decision) and analyses texts, then sends the results
//! back in pieces ([`wire`]).
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
                    };
                    let text = doc.text;
                    let t0 = now();
                    let analysis = report_lens::analyze(&text);
                    let ms = now() - t0;
                    post(&Response::Text { id, text, how });
                    send_analysis(id, &analysis, ms);
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
    }
}

/// Sends `a` in pieces of at most [`PIECE_ITEMS`] items.
fn send_analysis(id: u32, a: &Analysis, ms: f64) {
    let piece = |piece| post(&Response::Piece { id, piece });
    piece(Piece::Begin {
        ms,
        meta: meta(a),
        chrome: a.chrome.iter().map(|&s| span(s)).collect(),
        parts: a.parts.iter().map(part).collect(),
        coverage: a.coverage.iter().map(area).collect(),
    });
    for chunk in a.sections.chunks(PIECE_ITEMS) {
        piece(Piece::Sections(chunk.iter().map(section).collect()));
    }
    for chunk in a.indicators.chunks(PIECE_ITEMS) {
        piece(Piece::Indicators(chunk.iter().map(indicator).collect()));
    }
    for chunk in a.diagnostics.chunks(PIECE_ITEMS) {
        piece(Piece::Diagnostics(chunk.iter().map(diagnostic).collect()));
    }
    piece(Piece::End);
}

fn span(s: Span) -> WireSpan {
    (s.start, s.end)
}

fn meta(a: &Analysis) -> WireMeta {
    let m = &a.meta;
    WireMeta {
        title: m.title.clone(),
        title_span: m.title_span.map(span),
        year: m.year,
        published: m.published.clone(),
        issuer: m.issuer.clone(),
        issuer_span: m.issuer_span.map(span),
        script: m.script.map(|s| match s {
            Script::Simplified => 0,
            Script::Traditional => 1,
            Script::Mixed => 2,
        }),
        chars: m.chars,
        kind: m.kind.map(|k| match k {
            ReportKind::RuleOfLawGovernment => 0,
            ReportKind::LawfulAdministration => 1,
            ReportKind::Other => 2,
        }),
        signature: m
            .signature
            .as_ref()
            .map(|s| (s.issuer.clone(), s.date.clone(), span(s.span))),
    }
}

fn section(s: &report_lens::Section) -> WireSection {
    WireSection {
        level: s.level,
        marker: s.marker.clone(),
        title: s.title.clone(),
        heading: span(s.heading),
        title_span: span(s.title_span),
        span: span(s.span),
        inferred: s.inferred,
        parent: s.parent,
        run_in: s.run_in,
    }
}

fn indicator(i: &report_lens::Indicator) -> WireIndicator {
    WireIndicator {
        span: span(i.span),
        number: span(i.number),
        value: i.value,
        unit: i.unit.clone(),
        kind: Kind::ALL.iter().position(|&k| k == i.kind).unwrap_or(0) as u8,
        approx: i.approx.map(str::to_string),
        up: i.direction.map(|d| d == Direction::Up),
        basis: i.basis.map(str::to_string),
        subject: i.subject.clone(),
        subject_spans: [span(i.subject_spans[0]), span(i.subject_spans[1])],
        section: i.section,
    }
}

fn diagnostic(d: &report_lens::Diagnostic) -> WireDiagnostic {
    WireDiagnostic {
        code: Code::ALL.iter().position(|&c| c == d.code).unwrap_or(0) as u8,
        severity: match d.severity {
            Severity::Info => 0,
            Severity::Warning => 1,
            Severity::Error => 2,
        },
        message: d.message.clone(),
        span: span(d.span),
        spans: d.spans.iter().map(|&s| span(s)).collect(),
        confidence: d.confidence,
    }
}

fn part(p: &report_lens::model::Part) -> WirePart {
    WirePart {
        id: p.id.to_string(),
        name: p.name.to_string(),
        status: match p.status {
            PartStatus::Found => 0,
            PartStatus::Weak => 1,
            PartStatus::Missing => 2,
        },
        span: p.span.map(span),
        via_heading: p.via.map(|v| v == Via::Heading),
        section: p.section,
        evidence: p.evidence.clone(),
    }
}

fn area(c: &report_lens::model::AreaCoverage) -> WireArea {
    WireArea {
        area: c.area.to_string(),
        name: c.name.to_string(),
        score: c.score,
        points: c.points,
        sections: c.sections.clone(),
        phrases: c
            .phrases
            .iter()
            .map(|h| (h.text.to_string(), h.count, h.weight))
            .collect(),
        spans: c.spans.iter().map(|&s| span(s)).collect(),
    }
}
