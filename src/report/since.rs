//! "Since last time": what moved since this group was last analysed in this browser — the
//! score, the funnel, the numbers — beside the steps that were ticked then.

use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use peerscope_core::model::words::pct;
use peerscope_core::report::progress::Since;

/// `#since-last-time`: the score sentence and the largest moves, the funnel's moves, a
/// folded table of every number that moved, and the steps ticked last time (titled as in
/// `analysis`'s checklist). A plain function, not a component: it has no state of its own.
pub fn since_last_time(since: &Since, analysis: &PageAnalysis) -> Html {
    let when = if since.taken.is_empty() {
        "Compared with the last time you analysed this group here.".to_string()
    } else {
        format!(
            "Compared with your analysis of {} (kept in this browser only).",
            since.taken
        )
    };
    let funnel = since.funnel_moves();
    let metrics = since.metric_moves();
    html! {
        <section id="since-last-time" class="since" aria-labelledby="since-title">
            <h2 id="since-title">{ "Since last time" }</h2>
            <p class="since-when">{ when }</p>
            <ul class="since-summary">
                { for since.comparison.summary.iter().map(|s| html! { <li>{ s }</li> }) }
            </ul>
            <p class="since-funnel">
                if funnel.is_empty() {
                    { "The funnel has not changed." }
                } else {
                    <strong>{ "Funnel: " }</strong>{ funnel.join(", ") }{ "." }
                }
            </p>
            if !metrics.is_empty() {
                <details class="since-metrics">
                    <summary>{ format!("Every number that moved ({})", metrics.len()) }</summary>
                    <table>
                        <thead><tr><th>{ "measure" }</th><th>{ "then" }</th>
                            <th>{ "now" }</th></tr></thead>
                        <tbody>
                            { for metrics.iter().map(|(key, change)| html! {
                                <tr><td>{ key.replace('_', " ") }</td>
                                    <td>{ share_or_not(change.before) }</td>
                                    <td>{ share_or_not(change.now) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </details>
            }
            { ticked(since, analysis) }
        </section>
    }
}

/// The steps ticked last time, by their title when the checklist on screen still has them.
fn ticked(since: &Since, analysis: &PageAnalysis) -> Html {
    if since.ticked.is_empty() {
        return html! { <p class="since-ticked-none">{ "No step was ticked last time." }</p> };
    }
    let title = |id: &String| {
        analysis
            .report
            .checklist
            .iter()
            .find(|step| step.id == *id)
            .map_or_else(|| id.replace(['-', '_'], " "), |step| step.title.clone())
    };
    html! {
        <>
            <h3>{ "Steps you had ticked" }</h3>
            <ul class="since-ticked">
                { for since.ticked.iter().map(|id| html! {
                    <li data-step={id.clone()}>{ title(id) }</li>
                }) }
            </ul>
        </>
    }
}

/// A measure of either report as a percentage, or "not measured" when that report had it
/// null or thin.
fn share_or_not(value: Option<f64>) -> String {
    value.map_or_else(|| "not measured".to_string(), pct)
}
