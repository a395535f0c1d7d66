//! A run of consecutive lines, re-rendered only when its lines or its selection change.

use crate::components::line::LineView;
use crate::layout::{Hits, Layout};
use crate::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BlockProps {
    pub layout: Shared<Layout>,
    /// Positions in `layout.lines`.
    pub start: usize,
    pub end: usize,
    /// The selected indicator, only when it is in this block.
    pub selected: Option<usize>,
    /// The highlighted passages, only when one of them touches this block.
    pub hits: Option<Shared<Hits>>,
}

/// A run of consecutive lines, re-rendered only when its lines or its selection change.
#[component]
pub fn Block(props: &BlockProps) -> Html {
    let lines = props.layout.lines[props.start..props.end].iter().map(|l| {
        let selected = props.selected.filter(|s| l.indicators.contains(s));
        let hits = props
            .hits
            .clone()
            .filter(|h| h.touches(l.span.start, l.span.end));
        html! { <LineView key={l.index} line={l.clone()} {selected} {hits} /> }
    });
    html! { <div class="block">{ for lines }</div> }
}
