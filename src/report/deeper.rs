//! One click deeper: counts, every measure, the funnel, the network type, channels and
//! data warnings. All of it shows whatever the verdict, undetermined included.

use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::bidi;
use crate::app::shared::Shared;
use crate::report::measures::measures;
use peerscope_core::model::shown::score_text;

/// What the funnel's engaged and core stages mean, beside their counts.
const ENGAGED: &str = "talk with at least one other member, not only the host";
const CORE: &str = "tied to two or more others in the tight group of members (the 2-core)";

/// Props of [`Deeper`].
#[derive(Properties, PartialEq)]
pub struct DeeperProps {
    pub analysis: Shared<PageAnalysis>,
}

/// The "deeper" section: folded details for people who want the numbers.
#[component]
pub fn Deeper(props: &DeeperProps) -> Html {
    let report = &props.analysis.report;
    let counts = &report.counts;
    let funnel = &report.funnel;
    // Names in `<bdi>` (see `bidi`): a right-to-left name must not reorder the line.
    let leader_names = bidi::names(funnel.leaders.iter().map(|l| l.name.as_str()), ", ");
    let bridges = funnel.bridges.iter().enumerate().map(|(k, b)| {
        let comma = if k == 0 { "" } else { ", " };
        html! { <>{ comma }{ bidi::name(&b.name) }{ format!(" ({} cut off)", b.cuts_off) }</> }
    });

    html! {
        <section class="deeper" aria-labelledby="deeper-title">
            <h2 id="deeper-title">{ "Deeper" }</h2>
            if !report.sources.warnings.is_empty() {
                <ul id="warnings" class="warnings">
                    { for report.sources.warnings.iter().map(|w| html! { <li>{ w }</li> }) }
                </ul>
            }
            <dl id="counts" class="counts">
                <div><dt>{ noun(counts.messages, "message", "messages") }</dt><dd>{ counts.messages }</dd></div>
                <div><dt>{ "people in the conversation" }</dt><dd>{ counts.participants }</dd></div>
                if funnel.reactors > 0 {
                    <div><dt>{ "only reacted" }</dt><dd>{ funnel.reactors }</dd></div>
                }
                <div><dt>{ noun(counts.days, "day", "days") }</dt><dd>{ counts.days }</dd></div>
                <div><dt>{ noun(counts.replies, "reply", "replies") }</dt><dd>{ counts.replies }</dd></div>
                <div><dt>{ noun(counts.mentions, "mention", "mentions") }</dt><dd>{ counts.mentions }</dd></div>
                if counts.placeholder_messages > 0 {
                    <div id="placeholder-messages">
                        <dt>{ "messages by deleted or unknown accounts" }</dt>
                        <dd>{ counts.placeholder_messages }</dd></div>
                }
            </dl>
            { measures(report) }
            <h3>{ "From audience to leaders" }</h3>
            <ol id="funnel" class="funnel">
                <li><span class="stage">{ "audience" }</span>
                    <span class="n">{ funnel.audience }</span>
                    <span class="means">{ audience_means(funnel) }</span></li>
                <li><span class="stage">{ "engaged" }</span>
                    <span class="n">{ funnel.engaged }</span>
                    <span class="means">{ ENGAGED }</span></li>
                <li><span class="stage">{ "core" }</span>
                    <span class="n">{ funnel.core }</span>
                    <span class="means">{ CORE }</span></li>
                <li><span class="stage">{ "leaders" }</span>
                    <span class="n">{ funnel.leaders.len() }</span>
                    <span class="means">{ "3+ replies to other members" }
                        if !funnel.leaders.is_empty() { { ": " }{ leader_names } }</span></li>
            </ol>
            if !funnel.bridges.is_empty() {
                <p id="bridges" class="bridges"><strong>{ "Bridges: " }</strong>
                    { "without these members, parts of the group would lose touch — " }
                    { for bridges }</p>
            }
            if let Some(kind) = &report.structure.kind {
                <p class="structure">
                    <strong>{ format!("Network type: {}. ", kind.replace('_', " ")) }</strong>
                    { &report.structure.why }</p>
            } else {
                <p class="structure"><strong>{ "Network type: not known yet. " }</strong>
                    { &report.structure.why }</p>
            }
            if let Some(text) = &report.verdict.reconcile {
                <p id="reconcile" class="reconcile">{ text }</p>
            }
            if report.spaces.len() > 1 {
                <details class="spaces">
                    <summary>{ format!("{} channels", report.spaces.len()) }</summary>
                    <table>
                        <thead><tr><th>{ "channel" }</th><th>{ "messages" }</th>
                            <th>{ "score" }</th><th>{ "label" }</th></tr></thead>
                        <tbody>
                            { for report.spaces.iter().map(|space| html! {
                                <tr><td>{ &space.name }</td><td>{ space.messages }</td>
                                    <td>{ score_text(space.score) }</td>
                                    <td>{ space.label.as_str() }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </details>
            }
            <p class="files">{ format!("Read from: {}.", report.sources.files.iter()
                .map(read_from).collect::<Vec<_>>().join("; ")) }</p>
        </section>
    }
}

/// The word under a count: "1 day", never "1 days".
fn noun(count: u64, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 {
        one
    } else {
        many
    }
}

/// What the audience stage counts: the report's own sentence, in the words and numbers
/// of the counts above it (a report without one says it plainly).
fn audience_means(funnel: &peerscope_core::model::schema::Funnel) -> String {
    if funnel.audience_why.is_empty() {
        "the people in the conversation, plus those who only reacted".to_string()
    } else {
        funnel.audience_why.clone()
    }
}

/// One file as "Read from" lists it: its name, its format and how sure detection was
/// ("general.json as discord, recognised for certain").
fn read_from(file: &peerscope_core::model::schema::SourceFile) -> String {
    let how = match file.detection.confidence {
        "chosen" => "as you chose".to_string(),
        "certain" => "recognised for certain".to_string(),
        "likely" => format!(
            "most likely; it also looked like {} (pick the format above if that is right)",
            file.detection.also_matched.join(" or ")
        ),
        _ => "detected".to_string(),
    };
    format!("{} as {}, {how}", file.name, file.format)
}
