//! Two reports side by side (与上年对比): outlines matched by title, indicators matched by
//! normalised subject and compatible unit ([`report_lens::output::compare::compare`]), with the
//! change of each pair, what is new, what is gone and what was left unpaired and why.

use crate::batch::Report;
use crate::shared::Shared;
use report_lens::output::compare::{Comparison, SectionStatus, Unmatched};
use report_lens::output::present;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The earlier report (上年).
    pub a: Shared<Report>,
    /// The later report (本年).
    pub b: Shared<Report>,
    pub comparison: Shared<Comparison>,
    pub onswap: Callback<()>,
    pub onexport: Callback<()>,
    pub onback: Callback<()>,
}

#[component]
pub fn CompareView(props: &CompareProps) -> Html {
    let c = &props.comparison;
    // Only the pairs whose value changed (a long report has dozens of unchanged ones).
    let changed_only = use_state(|| false);
    let ontoggle = {
        let changed_only = changed_only.clone();
        Callback::from(move |_: Event| changed_only.set(!*changed_only))
    };
    let changed = c.pairs.iter().filter(|p| p.change != 0.0).count();
    let label = |r: &Report| {
        let m = &r.analysis.meta;
        let year = m.year.map(|y| format!("{y} 年度 · ")).unwrap_or_default();
        format!("{year}{}", present::title(m, Some(&r.name)))
    };
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let n = &c.counts;
    let outline = c.outline.iter().map(|s| {
        let status = format!("{:?}", s.status).to_lowercase();
        let indent = format!("lvl-{}", s.level.clamp(1, 4));
        html! {
            <tr class={classes!(status.clone(), indent)} data-status={status.clone()}>
                <td class="a">{ s.a_title.clone().unwrap_or_default() }</td>
                <td class="status">{ s.status.label() }
                    if s.status == SectionStatus::Renamed {
                        { s.score.map(|d| format!(" {:.2}", d)).unwrap_or_default() }
                    }
                </td>
                <td class="b">{ s.b_title.clone().unwrap_or_default() }</td>
            </tr>
        }
    });
    let pairs = c.pairs.iter().filter(|p| !*changed_only || p.change != 0.0).map(|p| {
        let relative = p
            .relative
            .map(present::format_percent_change)
            .unwrap_or_default();
        let trend = if p.change > 0.0 {
            "up"
        } else if p.change < 0.0 {
            "down"
        } else {
            "same"
        };
        html! {
            <tr data-pair={p.key.clone()} class={classes!(p.fuzzy.then_some("fuzzy"))} title={p.why.clone()}>
                <td class="key">{ &p.key }
                    if p.fuzzy { <span class="how">{ format!("{} {:.2}", p.how.label(), p.score) }</span> }
                </td>
                <td class="num">{ p.a.display() }</td>
                <td class="num">{ p.b.display() }</td>
                <td class={classes!("num", "change", trend)}>
                    { if p.change == 0.0 { "持平".to_string() } else { format!("{}{}", present::format_signed(p.change), p.change_unit) } }
                </td>
                <td class="num">{ relative }</td>
            </tr>
        }
    });
    let list = |items: &[Unmatched], id: &'static str| {
        let rows = items.iter().map(|u| {
            html! {
                <li>
                    <span class="subject">{ if u.side.subject.is_empty() { "（无主题）".to_string() } else { u.side.subject.clone() } }</span>
                    <b>{ u.side.display() }</b>
                    <span class="reason">{ u.reason.label() }</span>
                </li>
            }
        });
        html! { <ul class="unmatched" id={id}>{ for rows }</ul> }
    };
    html! {
        <section id="compare" class="compare" aria-label="对比">
            <div class="compare-head">
                <div class="side a"><em>{ "上年（A）" }</em>{ label(&props.a) }<small>{ &props.a.name }</small></div>
                <button type="button" id="compare-swap" onclick={click(&props.onswap)} title="交换 A 与 B">{ "⇄" }</button>
                <div class="side b"><em>{ "本年（B）" }</em>{ label(&props.b) }<small>{ &props.b.name }</small></div>
                <div class="actions">
                    <button type="button" id="export-compare" onclick={click(&props.onexport)}>{ "导出对比 CSV" }</button>
                    <button type="button" id="compare-back" onclick={click(&props.onback)}>{ "返回概览" }</button>
                </div>
            </div>
            <p class="compare-counts">
                { format!("配对 {} 项（其中模糊 {}）· 新增 {} · 消失 {} · 未配对 {}；章节：相同 {} · 改名 {} · 新增 {} · 删去 {}",
                    n.pairs, n.fuzzy, n.new, n.gone, n.unpaired,
                    n.sections_same, n.sections_renamed, n.sections_new, n.sections_gone) }
            </p>
            <div class="compare-grid">
                <div class="compare-col" tabindex="0" role="region" aria-label="指标对比">
                    <h2>{ "指标对比" }<small>{ "主题相同（规范化后）且单位兼容才配对" }</small></h2>
                    <label class="changed-only">
                        <input type="checkbox" id="compare-changed-only" checked={*changed_only} onchange={ontoggle} />
                        { format!("只看有变化的 {changed} 项") }
                    </label>
                    <div class="table-scroll">
                        <table id="compare-pairs" aria-label="指标对比">
                            <thead><tr><th>{ "主题" }</th><th>{ "上年" }</th><th>{ "本年" }</th><th>{ "变化" }</th><th>{ "幅度" }</th></tr></thead>
                            <tbody>{ for pairs }</tbody>
                        </table>
                    </div>
                    <h2>{ format!("本年新增 {}", c.new.len()) }</h2>
                    { list(&c.new, "compare-new") }
                    <h2>{ format!("上年有、本年无 {}", c.gone.len()) }</h2>
                    { list(&c.gone, "compare-gone") }
                    if !c.unpaired.is_empty() {
                        <h2>{ format!("未配对 {}", c.unpaired.len()) }</h2>
                        { list(&c.unpaired, "compare-unpaired") }
                    }
                </div>
                <div class="compare-col" tabindex="0" role="region" aria-label="大纲对比">
                    <h2>{ "大纲对比" }</h2>
                    <div class="table-scroll">
                        <table id="compare-outline" aria-label="大纲对比">
                            <thead><tr><th>{ "上年" }</th><th><span class="visually-hidden">{ "状态" }</span></th><th>{ "本年" }</th></tr></thead>
                            <tbody>{ for outline }</tbody>
                        </table>
                    </div>
                </div>
            </div>
        </section>
    }
}
