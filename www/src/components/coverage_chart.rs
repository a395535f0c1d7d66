//! The 纲要 coverage chart, drawn in SVG: one bar per area, score 0–100.

use crate::focus::Focus;
use crate::shared::Shared;
use report_lens::model::AreaCoverage;
use report_lens::Analysis;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub analysis: Shared<Analysis>,
    #[prop_or_default]
    pub active: Option<Focus>,
    /// Clicking a bar; none for the printed card.
    #[prop_or_default]
    pub onpick: Option<Callback<Focus>>,
}

/// Geometry of the chart (SVG user units).
const LABEL_W: f64 = 34.0;
const BAR_W: f64 = 250.0;
const ROW_H: f64 = 20.0;
const WIDTH: f64 = LABEL_W + BAR_W + 46.0;

/// The coverage chart: one horizontal bar per area, score 0–100; areas with nothing flagged.
#[component]
pub fn CoverageChart(props: &ChartProps) -> Html {
    let coverage: &[AreaCoverage] = &props.analysis.coverage;
    let height = ROW_H * coverage.len() as f64 + 18.0;
    let bars = coverage.iter().enumerate().map(|(k, c)| {
        let y = k as f64 * ROW_H;
        let w = BAR_W * f64::from(c.score.min(100)) / 100.0;
        let focus = Focus::area(c);
        let on = props.active == Some(focus);
        let flagged = c.score == 0;
        let onclick = props
            .onpick
            .clone()
            .map(|cb| Callback::from(move |_: MouseEvent| cb.emit(focus)));
        let onkeydown = props.onpick.clone().map(|cb| {
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    cb.emit(focus);
                }
            })
        });
        let interactive = props.onpick.is_some();
        html! {
            <g class={classes!("bar", flagged.then_some("flagged"), on.then_some("on"))}
                data-area={c.area} data-score={c.score.to_string()}
                transform={format!("translate(0 {y})")}
                role={interactive.then_some("button")} tabindex={interactive.then_some("0")}
                {onclick} {onkeydown}>
                <title>{ format!("{} {}：{} 分，{} 个短语命中", c.area, c.name, c.score, c.phrases.len()) }</title>
                <rect class="hitbox" x="0" y="0" width={WIDTH.to_string()} height={ROW_H.to_string()} />
                <text class="label" x="0" y="14">{ c.area }</text>
                <rect class="track" x={LABEL_W.to_string()} y="4" width={BAR_W.to_string()} height="12" rx="2" />
                <rect class="fill" x={LABEL_W.to_string()} y="4" width={format!("{w:.1}")} height="12" rx="2" />
                <text class="value" x={(LABEL_W + BAR_W + 6.0).to_string()} y="14">
                    { if flagged { "未涉及".to_string() } else { c.score.to_string() } }
                </text>
            </g>
        }
    });
    // Grid lines at 0, 50 and 100.
    let ticks = [0u32, 50, 100].map(|t| {
        let x = LABEL_W + BAR_W * f64::from(t) / 100.0;
        html! {
            <g class="tick">
                <line x1={x.to_string()} x2={x.to_string()} y1="0" y2={(height - 14.0).to_string()} />
                <text x={x.to_string()} y={(height - 2.0).to_string()}>{ t }</text>
            </g>
        }
    });
    html! {
        <svg class="coverage-chart" id={props.onpick.is_some().then_some("coverage-chart")}
            viewBox={format!("0 0 {WIDTH} {height}")}
            // With clickable bars it is a group of buttons; printed, a picture.
            role={if props.onpick.is_some() { "group" } else { "img" }}
            aria-label="纲要各领域覆盖得分（0–100）">
            { for ticks }
            { for bars }
        </svg>
    }
}
