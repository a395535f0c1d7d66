//! The outline panel: the section tree with markers, inferred flags and indicator counts.

use crate::shared::Shared;
use report_lens::Analysis;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutlineProps {
    pub analysis: Shared<Analysis>,
    /// Indicators per section, subsections included.
    pub counts: Shared<Vec<usize>>,
    pub current: Option<usize>,
    /// How many entries to show: those whose heading is already rendered in the document.
    pub limit: usize,
    pub onreveal: Callback<usize>,
}

/// The outline; clicking an entry scrolls the document to its heading.
#[component]
pub fn Outline(props: &OutlineProps) -> Html {
    let a = &props.analysis;
    if a.sections.is_empty() {
        return html! { <p class="empty">{ "未识别出章节标题。" }</p> };
    }
    // Keep the current entry visible while the document scrolls.
    {
        let current = props.current;
        use_effect_with(current, move |current| {
            if let Some(i) = current {
                let selector = format!("#outline [data-section=\"{i}\"]");
                if let Ok(Some(el)) = gloo::utils::document().query_selector(&selector) {
                    crate::app::scroll_into_view(&el, web_sys::ScrollLogicalPosition::Nearest);
                }
            }
        });
    }
    let items = (0..a.sections.len().min(props.limit)).map(|i| {
        html! {
            <OutlineItem key={i} analysis={props.analysis.clone()} index={i}
                count={props.counts.get(i).copied().unwrap_or(0)}
                current={props.current == Some(i)} onreveal={props.onreveal.clone()} />
        }
    });
    html! { <ol id="outline" class="outline">{ for items }</ol> }
}

#[derive(Properties, PartialEq)]
pub struct OutlineItemProps {
    pub analysis: Shared<Analysis>,
    pub index: usize,
    pub count: usize,
    pub current: bool,
    pub onreveal: Callback<usize>,
}

/// One entry; only the entries whose `current` flips re-render while the document scrolls.
#[component]
fn OutlineItem(props: &OutlineItemProps) -> Html {
    let i = props.index;
    let s = &props.analysis.sections[i];
    let onclick = {
        let onreveal = props.onreveal.clone();
        Callback::from(move |_: MouseEvent| onreveal.emit(i))
    };
    let current = props.current;
    let count = props.count;
    let level = format!("lvl-{}", s.level.clamp(1, 5));
    html! {
        <li class={classes!(level, s.run_in.then_some("run-in"))}>
            <button type="button" data-section={i.to_string()}
                class={classes!(current.then_some("current"), s.inferred.then_some("inferred"))}
                aria-current={current.then_some("location")} {onclick}>
                <span class="marker">{ &s.marker }</span>
                <span class="title">{ &s.title }</span>
                if s.inferred {
                    <span class="flag" title="编号由上下文推断或修复">{ "推断" }</span>
                }
                if count > 0 {
                    <span class="count" title={format!("本节共 {count} 个指标")}>{ count }</span>
                }
            </button>
        </li>
    }
}
