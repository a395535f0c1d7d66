//! The phrase lists of the review checks, found in one pass over the text lines.
//!
//! [`crate::checks::parts`] looks for cue phrases of the five required parts,
//! [`crate::checks::coverage`] for the key phrases of the 纲要 areas and
//! [`crate::checks::tasks`] for the phrases of the 纲要 tasks ([`super::gangyao`]). All lists are compiled into one
//! [`PhraseIndex`] and every text line (chrome and metadata lines are skipped) is scanned
//! once; the hits go into one flat buffer in document order, from which each check reads the
//! lines it needs:
//!
//! * parts want every occurrence (overlaps included) — the buffer as it is;
//! * coverage wants the longest phrase at each position, consumed — [`LineHits::longest_areas`]
//!   derives that from the same buffer: at one position the hits come longest first, so the
//!   first area hit at or after the end of the previous one is the longest at its position;
//! * tasks want the same for the phrases of one 纲要 ([`LineHits::longest_tasks`]).

use super::lexicon::{self, AreaTag, List};
use crate::lex::phrase::PhraseIndex;
use crate::passes::document::Document;
use crate::text::Span;
use std::borrow::Cow;
use std::sync::LazyLock;

/// What a phrase of the shared index stands for.
#[derive(Clone, Copy)]
pub(crate) enum Tag {
    /// A cue of one of the parts' lists, and the phrase as listed.
    Part(List, &'static str),
    /// A coverage phrase: area index, phrase as listed, weight.
    Area(AreaTag),
    /// A task phrase: outline index in [`super::gangyao::OUTLINES`], task index (`None` for
    /// a stop name), phrase as listed.
    Task(u8, Option<u16>, &'static str),
    /// A trigger of a form rule: its index in [`super::form::RULES`].
    Form(u8),
}

/// The shared index with the task phrases of outline `o` ([`super::gangyao::OUTLINES`]).
fn index_with(o: u8) -> PhraseIndex<Tag> {
    PhraseIndex::new(
        lexicon::cue_phrases()
            .map(|(p, l)| (Cow::Borrowed(p), Tag::Part(l, p)))
            .chain(
                lexicon::area_phrases()
                    .into_iter()
                    .map(|(p, t)| (Cow::Borrowed(p), Tag::Area(t))),
            )
            .chain(
                super::gangyao::task_phrases()
                    .filter(move |(_, (x, _))| *x == o)
                    .map(|(p, (o, k))| (Cow::Borrowed(p), Tag::Task(o, k, p))),
            )
            .chain(super::form::rules::triggers().map(|(p, k)| (p, Tag::Form(k)))),
    )
}

/// One index per 纲要, so that a report's scan carries only the phrases of its own.
static INDEXES: [LazyLock<PhraseIndex<Tag>>; 2] = [
    LazyLock::new(|| index_with(0)),
    LazyLock::new(|| index_with(1)),
];

/// Every hit of the shared index on the text lines of a document.
pub(crate) struct LineHits {
    /// The text lines, in order.
    lines: Vec<Span>,
    /// `bounds[n]..bounds[n + 1]` are the hits of line `n`.
    bounds: Vec<usize>,
    /// By start, longest first at one start; spans into the text. Parts and areas only.
    hits: Vec<(Tag, Span)>,
    /// The task phrases' hits (outline, task, phrase), in the same order.
    tasks: Vec<(u8, Option<u16>, &'static str, Span)>,
    /// The form rules' triggers: rule, line index, span; in order.
    forms: Vec<(u8, usize, Span)>,
}

impl LineHits {
    /// Scans the text lines of `doc` (over `text`, the normalised view), with the task
    /// phrases of the 纲要 in force.
    pub(crate) fn new(text: &str, doc: &Document) -> Self {
        Self::for_year(text, doc, None)
    }

    /// [`Self::new`] with the task phrases of the 纲要 for a report on `year`.
    pub(crate) fn for_year(text: &str, doc: &Document, year: Option<u16>) -> Self {
        let outline = super::gangyao::for_year(year).unwrap_or(&super::gangyao::OUTLINE_2021);
        let o = super::gangyao::OUTLINES
            .iter()
            .position(|x| x.id == outline.id)
            .unwrap_or(0);
        let index: &PhraseIndex<Tag> = &INDEXES[o];
        let lines: Vec<Span> = doc.text_lines().map(|l| l.span).collect();
        let mut bounds = Vec::with_capacity(lines.len() + 1);
        let mut hits = Vec::new();
        let mut tasks = Vec::new();
        let mut forms = Vec::new();
        bounds.push(0);
        for (n, &l) in lines.iter().enumerate() {
            index.each(text, l, |&t, sp| match t {
                Tag::Task(o, k, p) => tasks.push((o, k, p, sp)),
                Tag::Form(r) => forms.push((r, n, sp)),
                _ => hits.push((t, sp)),
            });
            bounds.push(hits.len());
        }
        LineHits {
            lines,
            bounds,
            hits,
            tasks,
            forms,
        }
    }

    /// The triggers of the form rules: rule index, line index, span; in document order.
    pub(crate) fn forms(&self) -> &[(u8, usize, Span)] {
        &self.forms
    }

    /// The text lines.
    pub(crate) fn lines(&self) -> &[Span] {
        &self.lines
    }

    /// The hits of line `n` (parts and areas).
    pub(crate) fn line(&self, n: usize) -> &[(Tag, Span)] {
        &self.hits[self.bounds[n]..self.bounds[n + 1]]
    }

    /// The hits lying inside `span` (in order).
    pub(crate) fn within(&self, span: Span) -> impl Iterator<Item = &(Tag, Span)> + '_ {
        let from = self.hits.partition_point(|h| h.1.start < span.start);
        self.hits[from..]
            .iter()
            .take_while(move |h| h.1.start < span.end)
            .filter(move |h| h.1.end <= span.end)
    }

    /// The coverage phrases as a longest-match scan finds them: at each position the longest
    /// phrase (all tags of it), continuing after it.
    pub(crate) fn longest_areas(&self, mut hit: impl FnMut(&AreaTag, Span)) {
        // The span taken last: hits starting inside it are skipped, except the same phrase
        // listed under another tag.
        let mut taken = Span::new(0, 0);
        for (tag, sp) in &self.hits {
            let Tag::Area(t) = tag else { continue };
            if sp.start < taken.end && *sp != taken {
                continue;
            }
            taken = *sp;
            hit(t, *sp);
        }
    }
}

impl LineHits {
    /// The task phrases of outline `outline` as a longest-match scan finds them: at each
    /// position the longest (task index and phrase; stop names consumed, not reported),
    /// continuing after it.
    pub(crate) fn longest_tasks(&self, outline: u8, mut hit: impl FnMut(u16, &'static str, Span)) {
        let mut taken = Span::new(0, 0);
        for &(o, k, p, sp) in &self.tasks {
            if o != outline || (sp.start < taken.end && sp != taken) {
                continue;
            }
            taken = sp;
            if let Some(k) = k {
                hit(k, p, sp);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The derived longest-match scan equals a direct one, line by line, on real reports
    /// (Simplified and Traditional) and on overlapping phrases.
    #[test]
    fn longest_areas_equals_a_direct_longest_match_scan() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| {
                let p = e.unwrap().path();
                (p.extension()? == "txt").then(|| std::fs::read_to_string(p).unwrap())
            })
            .collect();
        texts.push(
            "推进行政规范性文件合法性审核，规范性文件备案；行政执法三项制度全面推行。".into(),
        );
        assert!(texts.len() >= 6);
        let direct_index = PhraseIndex::new(lexicon::area_phrases());
        let mut total = 0;
        for t in &texts {
            let view = crate::text::Normalized::new(t).text;
            let doc = Document::new(&view);
            let mut derived = Vec::new();
            LineHits::new(&view, &doc).longest_areas(|t, sp| derived.push((*t, sp)));
            let mut direct = Vec::new();
            for l in doc.text_lines() {
                direct_index.longest(&view, l.span, |t, sp| direct.push((*t, sp)));
            }
            assert_eq!(derived, direct);
            total += direct.len();
        }
        assert!(total > 500, "{total} area hits");
    }

    #[test]
    fn within_keeps_the_hits_inside_a_span() {
        let text = "一、落实第一责任人职责\n党政主要负责人履行推进法治建设第一责任人职责。";
        let doc = Document::new(text);
        let hits = LineHits::new(text, &doc);
        let title = Span::new(text.find('落').unwrap(), text.find('\n').unwrap());
        let inside: Vec<&str> = hits
            .within(title)
            .map(|(_, sp)| &text[sp.start..sp.end])
            .collect();
        assert!(inside.contains(&"第一责任人"), "{inside:?}");
        assert!(hits.within(title).all(|(_, sp)| title.contains(*sp)));
        // The second line's hits are not in the title's.
        assert!(hits.line(1).len() > inside.len());
    }
}
