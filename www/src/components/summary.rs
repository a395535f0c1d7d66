//! The summary strip: characters, sections, indicators by kind (doubling as the legend and
//! its on/off toggles), diagnostics, analysis time.

use crate::shared::Shared;
use report_lens::output::present::KindCounts;
use report_lens::{Analysis, Kind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub analysis: Shared<Analysis>,
    /// Bit `k` set: kind `Kind::ALL[k]` is hidden.
    pub hidden: u8,
    pub analysis_ms: f64,
    pub layout_ms: f64,
    pub ontoggle: Callback<Kind>,
    pub ondiagnostics: Callback<()>,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let a = &props.analysis;
    let by_kind = KindCounts::of(a);
    let legend = Kind::ALL.iter().enumerate().map(|(k, &kind)| {
        let shown = props.hidden & (1 << k) == 0;
        let onclick = {
            let ontoggle = props.ontoggle.clone();
            Callback::from(move |_: MouseEvent| ontoggle.emit(kind))
        };
        html! {
            <button type="button" class={classes!("legend", kind.as_str(), (!shown).then_some("off"))}
                data-kind={kind.as_str()} aria-pressed={shown.to_string()}
                title={if shown { "点击隐藏此类高亮" } else { "点击显示此类高亮" }} {onclick}>
                <span class="swatch"></span>{ kind.label() }<b>{ by_kind.get(kind) }</b>
            </button>
        }
    });
    let diagnostics = a.diagnostics.len();
    let ondiag = {
        let cb = props.ondiagnostics.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <section id="summary" class="summary" aria-label="概要"
            data-analysis-ms={format!("{:.2}", props.analysis_ms)}
            data-layout-ms={format!("{:.2}", props.layout_ms)}>
            <span class="stat"><b>{ a.meta.chars }</b>{ " 字" }</span>
            <span class="stat"><b>{ a.sections.len() }</b>{ " 个章节" }</span>
            <span class="stat"><b>{ a.indicators.len() }</b>{ " 个指标：" }</span>
            <span class="legends" role="group" aria-label="按类型显示或隐藏高亮">{ for legend }</span>
            <button type="button" class={classes!("stat", "diag-count", (diagnostics > 0).then_some("has"))} onclick={ondiag}>
                <b>{ diagnostics }</b>{ " 个问题" }
            </button>
            <span class="timing" title="分析耗时（浏览器内）">{ format!("分析 {:.1} ms", props.analysis_ms) }</span>
        </section>
    }
}
