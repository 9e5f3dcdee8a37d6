//! The *Newcomers* panel (`#newcomers`, docs/METRICS.md §11): who welcomed the people who
//! arrived after the export's first two weeks — members, the host, or nobody — how often
//! each kind came back, side by side with their counts, and who is still waiting.
//!
//! A figure below its floor shows its counts marked thin with the reason, never a
//! percentage; a null one says why. Each number carries `data-field`, the report path it
//! shows, so a test can hold the panel against the report.

use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::bidi;
use crate::app::shared::Shared;
use peerscope_core::advice::newcomers::no_newcomers;
use peerscope_core::model::metric::Metric;
use peerscope_core::model::schema::Newcomers as Figures;
use peerscope_core::model::shown::percent;

/// Props of [`Newcomers`].
#[derive(Properties, PartialEq)]
pub struct NewcomersProps {
    pub analysis: Shared<PageAnalysis>,
}

/// The panel; with no newcomer it says so in one sentence.
#[component]
pub fn Newcomers(props: &NewcomersProps) -> Html {
    let report = &props.analysis.report;
    let n = &report.newcomers;
    if n.count == 0 {
        return html! {
            <section id="newcomers" class="newcomers" aria-labelledby="newcomers-title">
                <h2 id="newcomers-title">{ "Newcomers" }</h2>
                <p class="none">{ no_newcomers(report.counts.days) }</p>
            </section>
        };
    }
    let welcome = &report.metrics.newcomer_welcome_share;
    let peers = &report.metrics.peer_welcome_share;
    html! {
        <section id="newcomers" class="newcomers" aria-labelledby="newcomers-title">
            <h2 id="newcomers-title">{ "Newcomers" }</h2>
            <p class="count"><span data-field="newcomers.count">{ n.count }</span>
                { " people first wrote after the export's first two weeks." }</p>
            { welcomed_by(welcome, peers, n) }
            <h3>{ "Did they come back within thirty days?" }</h3>
            <div id="returns" class="returns">
                { rate("welcomed", "newcomers.return_welcomed", &n.return_welcomed) }
                { rate("not welcomed", "newcomers.return_unwelcomed", &n.return_unwelcomed) }
            </div>
            { waiting(n) }
        </section>
    }
}

/// Who answered first within three days: members, the host, nobody. Counts only; thin
/// shares say so.
fn welcomed_by(welcome: &Metric, peers: &Metric, n: &Figures) -> Html {
    let Some(judged) = welcome.den else {
        let reason = welcome.reason.clone().unwrap_or_default();
        return html! { <p id="welcomed" class="null">{ format!("Welcome not known yet: {reason}.") }</p> };
    };
    let welcomed = welcome.num.unwrap_or(0.0);
    let by_members = peers.num.unwrap_or(0.0);
    let thin = |m: &Metric| {
        m.thin
            .then(|| html! { <p class="note">{ format!("thin: {}", m.reason.clone().unwrap_or_default()) }</p> })
    };
    html! {
        <>
            <h3>{ "Who answered them within three days" }</h3>
            <dl id="welcomed" class={classes!("welcomed", welcome.thin.then_some("thin"))}>
                <div><dt>{ "a member" }</dt>
                    <dd data-field="metrics.peer_welcome_share.num">{ by_members }</dd></div>
                <div><dt>{ "you" }</dt>
                    <dd data-field="by-host">{ welcomed - by_members }</dd></div>
                <div><dt>{ "nobody" }</dt>
                    <dd data-field="newcomers.unwelcomed">{ n.unwelcomed }</dd></div>
            </dl>
            <p class="of">{ "of " }<span data-field="metrics.newcomer_welcome_share.den">{ judged }</span>
                { " newcomers with three days of the export after their first message" }</p>
            { for thin(welcome) }
            { for thin(peers) }
        </>
    }
}

/// One return rate: "38% (5 of 13)", or its counts marked thin, or why it is unknown.
fn rate(label: &'static str, field: &'static str, m: &Metric) -> Html {
    let reason = m.reason.clone().unwrap_or_default();
    let body = match (m.value, m.num, m.den) {
        (Some(v), Some(num), Some(den)) if !m.thin => html! {
            <><span class="share" data-field={field}>{ format!("{}%", percent(v)) }</span>
              { " (" }<span data-field={format!("{field}.num")}>{ num }</span>{ " of " }
              <span data-field={format!("{field}.den")}>{ den }</span>{ ")" }</>
        },
        (Some(_), Some(num), Some(den)) => html! {
            <><span data-field={format!("{field}.num")}>{ num }</span>{ " of " }
              <span data-field={format!("{field}.den")}>{ den }</span>
              <span class="note">{ format!(" — thin: {reason}") }</span></>
        },
        _ => html! { <span class="note">{ format!("not known yet: {reason}") }</span> },
    };
    let class = classes!(
        "rate",
        m.thin.then_some("thin"),
        m.value.is_none().then_some("null")
    );
    html! { <div {class}><span class="rate-of">{ label }</span>{ body }</div> }
}

/// Who is still waiting for anyone's answer, latest first.
fn waiting(n: &Figures) -> Html {
    if n.waiting_count == 0 {
        return html! { <p id="waiting" class="waiting">{ "Nobody is waiting for an answer." }</p> };
    }
    let more = n.waiting_count.saturating_sub(n.waiting.len() as u64);
    html! {
        <div id="waiting" class="waiting">
            <h3>{ "Still waiting for anyone's answer: " }
                <span data-field="newcomers.waiting_count">{ n.waiting_count }</span></h3>
            <ul>
                { for n.waiting.iter().map(|w| html! {
                    <li data-id={w.id.clone()}>{ bidi::name(&w.name) }
                        <span class="arrived">{ format!(" since {}", w.since) }</span></li>
                }) }
            </ul>
            if more > 0 {
                <p class="note">{ format!("and {more} more") }</p>
            }
        </div>
    }
}
