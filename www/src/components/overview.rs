//! The overview table of a batch, with progress, exports and the choice of two to compare.

use crate::batch::Batch;
use crate::components::overview_row::OverviewRow;
use crate::shared::Shared;
use report_lens::Kind;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub batch: Shared<Batch>,
    /// Reports ticked for comparison (at most two).
    pub picked: Rc<Vec<usize>>,
    pub onopen: Callback<usize>,
    pub onpick: Callback<usize>,
    pub oncancel: Callback<()>,
    pub oncompare: Callback<()>,
    pub onexport_rows: Callback<()>,
    pub onexport_indicators: Callback<()>,
    /// The batch as an Excel workbook (概览, 指标, 问题, 纲要任务).
    pub onexport_xlsx: Callback<()>,
}

/// The overview table of a batch, with progress, exports and the choice of two to compare.
#[component]
pub fn Overview(props: &OverviewProps) -> Html {
    let b = &props.batch;
    let total = b.total;
    let done = b.done();
    let rows = b.reports.iter().enumerate().map(|(i, r)| {
        html! {
            <OverviewRow key={i} index={i} report={r.clone()} picked={props.picked.contains(&i)}
                onopen={props.onopen.clone()} onpick={props.onpick.clone()} />
        }
    });
    let failed = b.failed.iter().map(|(name, why)| {
        html! { <li><b>{ name }</b>{ "：" }{ why }</li> }
    });
    let cancel = {
        let cb = props.oncancel.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let compare = {
        let cb = props.oncompare.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let export_rows = {
        let cb = props.onexport_rows.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let export_indicators = {
        let cb = props.onexport_indicators.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let export_xlsx = {
        let cb = props.onexport_xlsx.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let status = if b.running {
        format!("正在分析 {done} / {total} 份…")
    } else if b.cancelled {
        format!("已取消：分析了 {done} / {total} 份，用时 {:.0} ms。", b.ms)
    } else {
        format!("{done} 份全部处理完毕，用时 {:.0} ms。", b.ms)
    };
    let kinds: String = Kind::ALL
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join("/");
    html! {
        <section id="overview" class="overview" aria-label="批量概览"
            data-running={b.running.to_string()} data-batch-ms={format!("{:.1}", b.ms)}>
            <div class="overview-bar">
                <progress id="batch-progress" max={total.max(1).to_string()} value={done.to_string()}></progress>
                <span class="status" role="status">{ status }</span>
                if b.running {
                    <button type="button" id="batch-cancel" onclick={cancel}>{ "取消" }</button>
                }
                <span class="sep" aria-hidden="true"></span>
                <button type="button" id="export-overview" onclick={export_rows} disabled={b.reports.is_empty()}>{ "导出概览 CSV" }</button>
                <button type="button" id="export-batch-xlsx" onclick={export_xlsx} disabled={b.reports.is_empty() || b.running}
                    title="一个 Excel 工作簿：概览、指标、问题、纲要任务四个工作表">{ "导出 Excel" }</button>
                <button type="button" id="export-batch-indicators" onclick={export_indicators} disabled={b.reports.is_empty()}
                    title="所有报告的指标，合并为一个 CSV，含文件列">{ "导出全部指标 CSV" }</button>
                <button type="button" id="compare-picked" class="primary" onclick={compare} disabled={props.picked.len() != 2}
                    title="勾选两份报告后对比">{ format!("对比所选（{}/2）", props.picked.len()) }</button>
            </div>
            <p class="hint">{ "点击一行在文档视图中打开该报告；勾选两份报告可逐项对比（与上年对比）。" }</p>
            <div class="table-scroll">
                <table class="overview-table" aria-label="批量概览">
                    <thead><tr>
                        <th>{ "对比" }</th><th>{ "文件" }</th><th>{ "标题" }</th><th>{ "发布机关" }</th><th>{ "年度" }</th>
                        <th>{ "字数" }</th><th>{ "章节" }</th><th>{ "指标" }</th><th title={kinds}>{ "按类型" }</th>
                        <th>{ "必备部分" }</th><th>{ "纲要覆盖" }</th><th>{ "问题" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if !b.failed.is_empty() {
                <div class="failed">
                    <h2>{ format!("未能读取 {} 个文件", b.failed.len()) }</h2>
                    <ul>{ for failed }</ul>
                </div>
            }
        </section>
    }
}
