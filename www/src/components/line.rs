//! One line of the report: text runs, `<mark>`s for indicators and `.hit` spans for
//! highlighted passages. User text only ever becomes text nodes.

use crate::layout::{Hits, Line};
use crate::shared::Shared;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LineProps {
    pub line: Rc<Line>,
    /// The selected indicator, only when it is on this line (so other lines skip re-rendering).
    pub selected: Option<usize>,
    /// The highlighted passages, only when one of them touches this line.
    pub hits: Option<Shared<Hits>>,
}

/// The text of a piece starting at byte `at`, with the parts inside highlighted passages
/// wrapped in `<span class="hit" data-hit="k">`.
fn piece_text(text: &str, at: usize, hits: Option<&Hits>) -> Html {
    let Some(hits) = hits.filter(|h| h.touches(at, at + text.len())) else {
        return html! { { text } };
    };
    let end = at + text.len();
    let mut out = Vec::new();
    let mut pos = at;
    let first = hits.first_after(at);
    for (k, s) in hits.spans.iter().enumerate().skip(first) {
        if s.start >= end {
            break;
        }
        let (from, to) = (s.start.max(pos), s.end.min(end));
        if from >= to {
            continue;
        }
        if from > pos {
            out.push(html! { { &text[pos - at..from - at] } });
        }
        out.push(html! { <span class="hit" data-hit={k.to_string()}>{ &text[from - at..to - at] }</span> });
        pos = to;
    }
    if pos < end {
        out.push(html! { { &text[pos - at..] } });
    }
    out.into_iter().collect::<Html>()
}

/// One line of the report.
#[component]
pub fn LineView(props: &LineProps) -> Html {
    let line = &props.line;
    let hits = props.hits.as_deref();
    let mut at = line.span.start;
    let pieces = line.pieces.iter().map(|p| {
        let start = at;
        at += p.text.len();
        let content = piece_text(&p.text, start, hits);
        let mut class = classes!();
        if p.heading {
            class.push("hd");
        }
        if p.chrome {
            class.push("chrome");
        }
        match p.indicator {
            Some((i, kind)) => {
                if props.selected == Some(i) {
                    class.push("sel");
                }
                html! {
                    <mark class={class} data-indicator={i.to_string()} data-kind={kind}
                        data-tip={p.tip.clone().map(AttrValue::from)}
                        tabindex={p.first.then_some("0")}>{ content }</mark>
                }
            }
            None if class.is_empty() => content,
            None => html! { <span class={class}>{ content }</span> },
        }
    });
    html! {
        <p class={line.class} id={format!("l-{}", line.index)}
            data-heading={line.heading.map(|h| h.to_string())}
            data-opens={line.opens.clone()}>{ for pieces }</p>
    }
}
