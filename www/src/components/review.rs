//! The 审查 (review) panel: the five required parts with their verdicts and evidence (for
//! reports before 2019 for reference only), the 纲要 tasks by part ([`TaskCoverage`]), and the
//! coverage of the 纲要 areas by key phrases as a chart drawn here in SVG and as a table.
//! Clicking a part, a task or an area highlights its passages in the document.

use crate::components::coverage_chart::CoverageChart;
use crate::components::task_coverage::TaskCoverage;
use crate::focus::Focus;
use crate::shared::Shared;
use report_lens::model::{Part, Via};
use report_lens::output::present::{part_status_label, section_label};
use report_lens::Analysis;
use std::rc::Rc;
use yew::prelude::*;

/// Characters of a passage quoted as a part's evidence.
const QUOTE_CHARS: usize = 36;

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub analysis: Shared<Analysis>,
    pub text: Rc<str>,
    /// What is highlighted in the document, if anything.
    pub active: Option<Focus>,
    /// A part or an area was chosen.
    pub onpick: Callback<Focus>,
}

/// The review panel.
#[component]
pub fn Review(props: &ReviewProps) -> Html {
    let a = &props.analysis;
    let active = props.active;
    let parts = a.parts.iter().map(|p| {
        let onclick = {
            let cb = props.onpick.clone();
            let focus = Focus::part(p);
            Callback::from(move |_: MouseEvent| cb.emit(focus))
        };
        let on = active == Some(Focus::part(p));
        let where_ = place(a, &props.text, p);
        html! {
            <li>
                <button type="button" data-part={p.id} data-status={p.status.as_str()}
                    class={classes!("part", p.status.as_str(), on.then_some("on"))}
                    disabled={p.span.is_none()} aria-pressed={on.to_string()} {onclick}>
                    <span class={classes!("badge", p.status.as_str())}>{ part_status_label(p) }</span>
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
            let focus = Focus::area(c);
            Callback::from(move |_: MouseEvent| cb.emit(focus))
        };
        let on = active == Some(Focus::area(c));
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
            <h3>{ "纲要任务" }<small>{ "按报告年度对照的纲要" }</small></h3>
            <TaskCoverage analysis={props.analysis.clone()} active={props.active}
                onpick={props.onpick.clone()} />
            <h3>{ "纲要覆盖" }<small>{ "《法治政府建设实施纲要（2021—2025年）》" }</small></h3>
            <CoverageChart analysis={props.analysis.clone()} active={props.active}
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
