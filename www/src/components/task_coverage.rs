//! The 纲要 tasks in the 审查 panel: a bar per part (a `<meter>`, score 0–100), each part
//! opening to its tasks, and the list 本报告未涉及的纲要任务. Choosing a task highlights its passages. All
//! wording comes from the core (`present`), as in the CLI's table and Markdown.

use crate::focus::Focus;
use crate::shared::Shared;
use report_lens::model::{TaskStatus, TaskVerdict};
use report_lens::output::present;
use report_lens::Analysis;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TaskCoverageProps {
    pub analysis: Shared<Analysis>,
    /// What is highlighted in the document, if anything.
    pub active: Option<Focus>,
    /// A task was chosen.
    pub onpick: Callback<Focus>,
}

/// The CSS class of a status, shared with the required parts' colours.
fn class(t: &TaskVerdict) -> &'static str {
    match (t.applies, t.status) {
        (false, _) => "na",
        (_, TaskStatus::Addressed) => "found",
        (_, TaskStatus::Mentioned) => "weak",
        (_, TaskStatus::Absent) => "missing",
    }
}

#[component]
pub fn TaskCoverage(props: &TaskCoverageProps) -> Html {
    let c = &props.analysis.tasks;
    let Some(score) = c.score else {
        return html! { <p class="flag-note">{ present::outline_line(&props.analysis) }</p> };
    };
    let task = |t: &TaskVerdict| {
        let focus = Focus::Task(t.number);
        let on = props.active == Some(focus);
        let onclick = {
            let cb = props.onpick.clone();
            Callback::from(move |_: MouseEvent| cb.emit(focus))
        };
        html! {
            <li>
                <button type="button" data-task={t.number.to_string()} data-status={t.status.as_str()}
                    class={classes!("part", class(t), on.then_some("on"))}
                    disabled={t.spans.is_empty()} aria-pressed={on.to_string()} {onclick}>
                    <span class={classes!(t.applies.then_some("badge"), class(t))}>{ present::task_status_label(t) }</span>
                    <span class="pname">{ present::task_label(t) }</span>
                    if !t.evidence.is_empty() {
                        <span class="evidence">{ "依据：" }{ t.evidence.join("、") }</span>
                    }
                </button>
            </li>
        }
    };
    let parts = c.parts.iter().map(|p| {
        html! {
            <details class="task-part" data-task-part={p.part.to_string()}>
                <summary>
                    <meter min="0" max="100" value={p.score.to_string()} aria-label="得分" />
                    { format!(" {} 分 {}{}（已落实 {}、提及 {} / {}）", p.score, p.label, p.title, p.addressed, p.mentioned, p.tasks) }
                </summary>
                <ul class="parts">{ for c.tasks.iter().filter(|t| t.part == p.part).map(task) }</ul>
            </details>
        }
    });
    let absent: Vec<Html> = c
        .absent()
        .map(|t| html! { <li data-task={t.number.to_string()}>{ present::task_label(t) }</li> })
        .collect();
    html! {
        <div id="tasks" class="tasks">
            <p class="score-note">{ format!("对照{}，得分 {score}。已落实 100、提及 40、未涉及 0，取平均；县级以下的立法任务不计。", present::outline_line(&props.analysis)) }</p>
            <div id="task-chart" aria-label="纲要各部分得分（0–100）">{ for parts }</div>
            <h4>{ format!("本报告未涉及的纲要任务（{} 项）", absent.len()) }</h4>
            if absent.is_empty() { <p class="empty">{ "无" }</p> } else { <ul id="absent-tasks" class="absent-tasks">{ absent }</ul> }
        </div>
    }
}
