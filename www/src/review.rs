//! The 审查 (review) panel: the five required parts with their verdicts and evidence, and the
//! coverage of the 纲要 areas as a chart drawn here in SVG and as a table. Clicking a part or
//! an area highlights its passages in the document.

use crate::document::section_label;
use crate::shared::Shared;
use report_lens::model::AreaCoverage;
use report_lens::model::{Part, PartStatus, Via};
use report_lens::Analysis;
use std::rc::Rc;
use yew::prelude::*;

/// Characters of a passage quoted as a part's evidence.
const QUOTE_CHARS: usize = 36;

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub analysis: Shared<Analysis>,
    pub text: Rc<str>,
    /// The key of the highlighted passages (`part:P2`, `area:A4`), if any.
    pub active: Option<String>,
    /// A part (`P1`…) or an area (`A1`…) was chosen.
    pub onpick: Callback<&'static str>,
}

/// The review panel.
#[component]
pub fn Review(props: &ReviewProps) -> Html {
    let a = &props.analysis;
    let active = props.active.as_deref();
    let parts = a.parts.iter().map(|p| {
        let onclick = {
            let cb = props.onpick.clone();
            let id = p.id;
            Callback::from(move |_: MouseEvent| cb.emit(id))
        };
        let on = active == Some(&*format!("part:{}", p.id));
        let where_ = place(a, &props.text, p);
        html! {
            <li>
                <button type="button" data-part={p.id} data-status={p.status.as_str()}
                    class={classes!("part", p.status.as_str(), on.then_some("on"))}
                    disabled={p.span.is_none()} aria-pressed={on.to_string()} {onclick}>
                    <span class={classes!("badge", p.status.as_str())}>{ p.status.label() }</span>
                    <span class="pid">{ p.id }</span>
                    <span class="pname">{ p.name }</span>
                    if let Some(w) = where_ { <span class="where">{ w }</span> }
                    if !p.evidence.is_empty() {
                        <span class="evidence">{ "依据：" }{ p.evidence.join("、") }</span>
                    }
                </button>
            </li>
        }
    });
    let flagged = report_lens::model::uncovered(&a.coverage);
    let rows = a.coverage.iter().map(|c| {
        let onclick = {
            let cb = props.onpick.clone();
            let id = c.area;
            Callback::from(move |_: MouseEvent| cb.emit(id))
        };
        let on = active == Some(&*format!("area:{}", c.area));
        let phrases: Vec<String> = c
            .phrases
            .iter()
            .map(|h| {
                if h.count > 1 {
                    format!("{}×{}", h.text, h.count)
                } else {
                    h.text.to_string()
                }
            })
            .collect();
        html! {
            <tr data-area={c.area} class={classes!((c.score == 0).then_some("flagged"), on.then_some("sel"))}
                aria-selected={on.to_string()} title="点击在文中高亮命中的短语" {onclick}>
                <td class="area">{ c.area }</td>
                <td class="name">{ c.name }</td>
                <td class="num">{ c.score }</td>
                <td class="num">{ c.sections.len() }</td>
                <td class="phrases">
                    if phrases.is_empty() { <span class="none">{ "未涉及" }</span> } else { { phrases.join("、") } }
                </td>
            </tr>
        }
    });
    html! {
        <section id="review" class="review" aria-label="审查">
            <h3>{ "必备部分" }<small>{ "《法治政府建设与责任落实督察工作规定》" }</small></h3>
            <ul class="parts">{ for parts }</ul>
            <h3>{ "纲要覆盖" }<small>{ "《法治政府建设实施纲要（2021—2025年）》" }</small></h3>
            <CoverageChart analysis={props.analysis.clone()} active={props.active.clone()}
                onpick={props.onpick.clone()} />
            if !flagged.is_empty() {
                <p class="flag-note">{ format!("未涉及的领域：{}", flagged.join("、")) }</p>
            }
            <table id="coverage-table" class="coverage-table">
                <thead><tr><th>{ "领域" }</th><th>{ "名称" }</th><th>{ "得分" }</th><th title="命中短语的章节数">{ "章节" }</th><th>{ "命中短语" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="score-note">{ "得分 = Σ 权重 × min(次数, 3)，24 分为满分 100；关键短语权重 2，其他词语权重 1。" }</p>
        </section>
    }
}

/// Where a part is: its heading, or the start of its passage.
fn place(a: &Analysis, text: &str, p: &Part) -> Option<String> {
    if let Some(s) = p.section.filter(|&s| s < a.sections.len()) {
        return Some(format!("标题：{}", section_label(a, s)));
    }
    let span = p.span?;
    let quoted = text.get(span.start..span.end.min(text.len()))?;
    let line = quoted.lines().find(|l| !l.trim().is_empty())?.trim();
    let line = report_lens::text::without_pinyin(line);
    let mut q: String = line.chars().take(QUOTE_CHARS).collect();
    if line.chars().nth(QUOTE_CHARS).is_some() {
        q.push('…');
    }
    let what = match p.via {
        Some(Via::Heading) => "标题",
        _ => "段落",
    };
    Some(format!("{what}：{q}"))
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub analysis: Shared<Analysis>,
    #[prop_or_default]
    pub active: Option<String>,
    /// Clicking a bar; none for the printed card.
    #[prop_or_default]
    pub onpick: Option<Callback<&'static str>>,
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
        let on = props.active.as_deref() == Some(&*format!("area:{}", c.area));
        let flagged = c.score == 0;
        let onclick = props.onpick.clone().map(|cb| {
            let id = c.area;
            Callback::from(move |_: MouseEvent| cb.emit(id))
        });
        let onkeydown = props.onpick.clone().map(|cb| {
            let id = c.area;
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    cb.emit(id);
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

/// A part's status as the CSS class and label, for the report card.
pub fn status_badge(status: PartStatus) -> Html {
    html! { <span class={classes!("badge", status.as_str())}>{ status.label() }</span> }
}
