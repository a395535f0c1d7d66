//! The 报告卡 (report card): a one-page summary of one report to file with a review —
//! metadata, required parts, 纲要 coverage, indicator counts by kind, diagnostics. It is in
//! the page but hidden on screen; the print stylesheet shows it alone (browser print to PDF).

use crate::components::coverage_chart::CoverageChart;
use crate::shared::Shared;
use report_lens::output::present::{self, KindCounts};
use report_lens::{Analysis, Kind};
use yew::prelude::*;

/// Diagnostics listed on the card; the rest are counted.
const MAX_DIAGNOSTICS: usize = 12;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub analysis: Shared<Analysis>,
    pub file_name: Option<String>,
}

#[component]
pub fn ReportCard(props: &CardProps) -> Html {
    let a = &props.analysis;
    let m = &a.meta;
    let dash = || "—".to_string();
    let title = present::title(m, props.file_name.as_deref());
    let signature = present::signature_line(m);
    let fields = [
        ("发布机关", m.issuer.clone()),
        ("年度", m.year.map(|y| y.to_string())),
        ("发布日期", m.published.clone()),
        ("报告类型", m.kind.map(|k| k.label().to_string())),
        ("落款", signature),
        ("文件", props.file_name.clone()),
        (
            "篇幅",
            Some(format!("{} 字，{} 个章节", m.chars, a.sections.len())),
        ),
    ];
    let meta = fields.iter().map(|(k, v)| {
        html! { <div><dt>{ *k }</dt><dd>{ v.clone().filter(|v| !v.is_empty()).unwrap_or_else(dash) }</dd></div> }
    });
    let parts = a.parts.iter().map(|p| {
        html! {
            <tr data-card-part={p.id}>
                <td>{ p.id }</td><td>{ p.name }</td><td><span class={classes!("badge", p.status.as_str())}>{ present::part_status_label(p) }</span></td>
                <td class="evidence">{ p.evidence.join("、") }</td>
            </tr>
        }
    });
    let by_kind = KindCounts::of(a);
    let kinds = Kind::ALL.iter().map(|k| html! { <th>{ k.label() }</th> });
    let counts = Kind::ALL
        .iter()
        .map(|&k| html! { <td>{ by_kind.get(k) }</td> });
    let flagged = report_lens::model::uncovered(&a.coverage);
    let names = a
        .coverage
        .iter()
        .map(|c| html! { <li><b>{ c.area }</b>{ " " }{ c.name }</li> });
    // Warnings and errors first, then notes; document order within each.
    let mut listed: Vec<_> = a.diagnostics.iter().collect();
    report_lens::text::sort::sort_by_key(&mut listed, |d| std::cmp::Reverse(d.severity));
    let diags = listed.into_iter().take(MAX_DIAGNOSTICS).map(|d| {
        html! {
            <li>
                <span class={classes!("severity", present::severity_name(d.severity))}>{ d.severity.label() }</span>
                { format!("［{}］", d.code.label()) }{ &d.message }
                if let Some(c) = d.confidence { { format!("（置信度 {:.0}%）", c * 100.0) } }
            </li>
        }
    });
    let more = a.diagnostics.len().saturating_sub(MAX_DIAGNOSTICS);
    let date = js_sys::Date::new_0();
    let today = format!(
        "{}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    );
    html! {
        <article id="report-card" class="report-card" aria-hidden="true">
            <header>
                <p class="kicker">{ "报告卡 · 法治政府建设年度报告审查" }</p>
                <h1>{ title }</h1>
            </header>
            <dl class="card-meta">{ for meta }</dl>
            <div class="card-grid">
                <section>
                    <h2>{ "必备部分" }</h2>
                    <table class="card-parts"><tbody>{ for parts }</tbody></table>
                    <h2>{ format!("量化指标 {} 个", a.indicators.len()) }</h2>
                    <table class="card-kinds">
                        <thead><tr>{ for kinds }</tr></thead>
                        <tbody><tr>{ for counts }</tr></tbody>
                    </table>
                </section>
                <section>
                    <h2>{ "纲要覆盖" }</h2>
                    <CoverageChart analysis={props.analysis.clone()} />
                    <ul class="area-names">{ for names }</ul>
                    if !flagged.is_empty() {
                        <p class="flag-note">{ format!("未涉及：{}", flagged.join("、")) }</p>
                    }
                </section>
            </div>
            <section>
                <h2>{ format!("诊断 {} 条", a.diagnostics.len()) }</h2>
                if a.diagnostics.is_empty() {
                    <p>{ "没有发现问题。" }</p>
                } else {
                    <ol class="card-diags">{ for diags }</ol>
                }
                if more > 0 { <p class="more">{ format!("另有 {more} 条未列出，见导出的 JSON。") }</p> }
            </section>
            <footer>{ format!("report-lens 于 {today} 在本机浏览器内生成；结果为自动检查，供审查参考。") }</footer>
        </article>
    }
}
