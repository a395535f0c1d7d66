//! One entry of the outline tree.

use crate::shared::Shared;
use report_lens::Analysis;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutlineItemProps {
    pub analysis: Shared<Analysis>,
    pub index: usize,
    pub count: usize,
    pub current: bool,
    /// The one entry in the Tab order.
    pub tab_stop: bool,
    pub onreveal: Callback<usize>,
}

/// One entry; only the entries whose `current` flips re-render while the document scrolls.
#[component]
pub fn OutlineItem(props: &OutlineItemProps) -> Html {
    let i = props.index;
    let s = &props.analysis.sections[i];
    let onclick = {
        let onreveal = props.onreveal.clone();
        Callback::from(move |_: MouseEvent| onreveal.emit(i))
    };
    let current = props.current;
    let count = props.count;
    let level = s.level.clamp(1, 5);
    html! {
        <li role="treeitem" data-section={i.to_string()} aria-level={level.to_string()}
            tabindex={if props.tab_stop { "0" } else { "-1" }}
            class={classes!(format!("lvl-{level}"), s.run_in.then_some("run-in"),
                current.then_some("current"), s.inferred.then_some("inferred"))}
            aria-current={current.then_some("location")} {onclick}>
            <span class="marker">{ &s.marker }</span>
            <span class="title">{ &s.title }</span>
            if s.inferred {
                <span class="flag" title="编号由上下文推断或修复">{ "推断" }</span>
            }
            if count > 0 {
                <span class="count" title={format!("本节共 {count} 个指标")}>
                    { count }<span class="visually-hidden">{ " 个指标" }</span>
                </span>
            }
        </li>
    }
}
