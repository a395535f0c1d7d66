//! Wire → core: the pieces of an analysis ([`crate::wire::Columns`]) back into the core's
//! types, one piece at a time.

use crate::wire::{Columns, Piece};
use report_lens::lex::marker::Ordinal;
use report_lens::model::{
    AreaCoverage, Part, PartScore, PartStatus, PhraseHit, Signature, TaskCoverage, TaskStatus,
    TaskVerdict, Via,
};
use report_lens::text::Script;
use report_lens::{
    Analysis, Code, Diagnostic, Direction, Indicator, Kind, Meta, ReportKind, Section, Severity,
    Span,
};
use std::cell::RefCell;

/// Reads records out of [`Columns`] (layout in [`crate::wire::Columns`]); a short column
/// reads as zeros and empty texts, never a panic.
struct Decoder {
    ints: std::vec::IntoIter<u32>,
    floats: std::vec::IntoIter<f64>,
    texts: std::vec::IntoIter<String>,
}

impl Decoder {
    fn new(c: Columns) -> Decoder {
        Decoder {
            ints: c.ints.into_iter(),
            floats: c.floats.into_iter(),
            texts: c.texts.into_iter(),
        }
    }
    fn more(&self) -> bool {
        self.ints.len() > 0
    }
    fn int(&mut self) -> u32 {
        self.ints.next().unwrap_or(0)
    }
    fn index(&mut self) -> usize {
        self.int() as usize
    }
    fn flag(&mut self) -> bool {
        self.int() != 0
    }
    fn float(&mut self) -> f64 {
        self.floats.next().unwrap_or(0.0)
    }
    fn span(&mut self) -> Span {
        let start = self.index();
        Span::new(start, self.index())
    }
    fn text(&mut self) -> String {
        self.texts.next().unwrap_or_default()
    }
    fn opt<T>(&mut self, read: impl FnOnce(&mut Self) -> T) -> Option<T> {
        self.flag().then(|| read(self))
    }
    fn list<T>(&mut self, read: impl Fn(&mut Self) -> T) -> Vec<T> {
        let n = self.index();
        // A count can never exceed what is left: a damaged message stops early.
        (0..n.min(self.ints.len() + self.texts.len() + 1))
            .map(|_| read(self))
            .collect()
    }
}

/// The core keeps some labels as `&'static str`; they come from a small fixed vocabulary
/// (part and area names, qualifiers, bases, phrases), so each distinct one is kept once.
fn intern(s: String) -> &'static str {
    thread_local! {
        static STRINGS: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    }
    STRINGS.with(|v| {
        let mut v = v.borrow_mut();
        if let Some(&known) = v.iter().find(|&&k| k == s) {
            return known;
        }
        let leaked: &'static str = Box::leak(s.into_boxed_str());
        v.push(leaked);
        leaked
    })
}

pub(super) fn take_piece(slot: &mut Option<(Analysis, f64)>, piece: Piece) {
    match piece {
        Piece::Begin(c) => {
            let mut d = Decoder::new(c);
            let ms = d.float();
            let meta = meta(&mut d);
            let chrome = d.list(Decoder::span);
            let parts = d.list(part);
            let coverage = d.list(area);
            let tasks = tasks(&mut d);
            let analysis = Analysis {
                meta,
                sections: Vec::new(),
                indicators: Vec::new(),
                diagnostics: Vec::new(),
                chrome,
                parts,
                coverage,
                tasks,
            };
            *slot = Some((analysis, ms));
        }
        Piece::Sections(c) => {
            if let Some((a, _)) = slot {
                let mut d = Decoder::new(c);
                while d.more() {
                    a.sections.push(section(&mut d));
                }
            }
        }
        Piece::Indicators(c) => {
            if let Some((a, _)) = slot {
                let mut d = Decoder::new(c);
                while d.more() {
                    a.indicators.push(indicator(&mut d));
                }
            }
        }
        Piece::Diagnostics(c) => {
            if let Some((a, _)) = slot {
                let mut d = Decoder::new(c);
                while d.more() {
                    if let Some(x) = diagnostic(&mut d) {
                        a.diagnostics.push(x);
                    }
                }
            }
        }
        Piece::End => {}
    }
}

fn meta(d: &mut Decoder) -> Meta {
    Meta {
        title: d.opt(Decoder::text),
        title_span: d.opt(Decoder::span),
        year: d.opt(|d| d.int() as u16),
        published: d.opt(Decoder::text),
        issuer: d.opt(Decoder::text),
        issuer_span: d.opt(Decoder::span),
        script: d.opt(|d| match d.int() {
            0 => Script::Simplified,
            1 => Script::Traditional,
            _ => Script::Mixed,
        }),
        chars: d.index(),
        kind: d.opt(|d| match d.int() {
            0 => ReportKind::RuleOfLawGovernment,
            1 => ReportKind::LawfulAdministration,
            _ => ReportKind::Other,
        }),
        signature: d.opt(|d| Signature {
            issuer: d.opt(Decoder::text),
            date: d.opt(Decoder::text),
            span: d.span(),
        }),
        // The page does not read these (the late-publication finding carries its span).
        published_span: None,
        year_from_published: false,
    }
}

fn section(d: &mut Decoder) -> Section {
    Section {
        level: d.int() as u8,
        heading: d.span(),
        title_span: d.span(),
        span: d.span(),
        inferred: d.flag(),
        parent: d.opt(Decoder::index),
        run_in: d.flag(),
        marker: d.text(),
        title: d.text(),
        ordinal: Ordinal::default(),
    }
}

fn indicator(d: &mut Decoder) -> Indicator {
    Indicator {
        span: d.span(),
        number: d.span(),
        value: d.float(),
        high: d.opt(Decoder::float),
        normalized: d.float(),
        normalized_unit: d.text(),
        unit: d.text(),
        kind: Kind::ALL.get(d.index()).copied().unwrap_or(Kind::Other),
        approx: d.opt(|d| intern(d.text())),
        direction: d.opt(|d| {
            if d.flag() {
                Direction::Up
            } else {
                Direction::Down
            }
        }),
        basis: d.opt(|d| intern(d.text())),
        subject: d.text(),
        subject_spans: [d.span(), d.span()],
        section: d.opt(Decoder::index),
    }
}

fn diagnostic(d: &mut Decoder) -> Option<Diagnostic> {
    let code = Code::ALL.get(d.index()).copied();
    let severity = match d.int() {
        0 => Severity::Info,
        1 => Severity::Warning,
        _ => Severity::Error,
    };
    let message = d.text();
    let span = d.span();
    let spans = d.list(Decoder::span);
    let confidence = d.opt(|d| d.float() as f32);
    let fix = d.opt(Decoder::text);
    Some(Diagnostic {
        code: code?,
        severity,
        message,
        span,
        spans,
        confidence,
        fix,
    })
}

fn tasks(d: &mut Decoder) -> TaskCoverage {
    TaskCoverage {
        outline: d.opt(|d| intern(d.text())),
        outline_title: d.opt(|d| intern(d.text())),
        score: d.opt(Decoder::int),
        parts: d.list(|d| PartScore {
            part: d.int() as u8,
            label: d.text(),
            title: intern(d.text()),
            score: d.int(),
            tasks: d.int(),
            addressed: d.int(),
            mentioned: d.int(),
        }),
        tasks: d.list(|d| TaskVerdict {
            part: d.int() as u8,
            number: d.int() as u8,
            label: d.text(),
            title: intern(d.text()),
            title_verified: d.flag(),
            status: match d.int() {
                0 => TaskStatus::Absent,
                1 => TaskStatus::Mentioned,
                _ => TaskStatus::Addressed,
            },
            applies: d.flag(),
            evidence: d.list(|d| intern(d.text())),
            spans: d.list(Decoder::span),
        }),
    }
}

fn part(d: &mut Decoder) -> Part {
    Part {
        id: intern(d.text()),
        name: intern(d.text()),
        status: match d.int() {
            0 => PartStatus::Found,
            1 => PartStatus::Weak,
            _ => PartStatus::Missing,
        },
        required: d.flag(),
        span: d.opt(Decoder::span),
        via: d.opt(|d| if d.flag() { Via::Heading } else { Via::Passage }),
        section: d.opt(Decoder::index),
        evidence: d.list(Decoder::text),
    }
}

fn area(d: &mut Decoder) -> AreaCoverage {
    AreaCoverage {
        area: intern(d.text()),
        name: intern(d.text()),
        score: d.int(),
        points: d.int(),
        sections: d.list(Decoder::index),
        phrases: d.list(|d| PhraseHit {
            text: intern(d.text()),
            count: d.int(),
            weight: d.int(),
        }),
        spans: d.list(Decoder::span),
    }
}
