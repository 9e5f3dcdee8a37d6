//! The answer: the headline in big plain words, label and score beside it, evidence under "why".

use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::shared::Shared;
use peerscope_core::advice::interval::in_words;
use peerscope_core::import::Input;
use peerscope_core::model::schema::{Confidence, Label};
use peerscope_core::model::shown::score_text;

/// Props of [`VerdictPanel`].
#[derive(Properties, PartialEq)]
pub struct VerdictPanelProps {
    pub analysis: Shared<PageAnalysis>,
    /// The person's own export behind the report (`None`: the sample): when it changes,
    /// the answer is scrolled into view and focused. A new choice of profile, goal, host or
    /// format re-reads the same export, so it does not move the page.
    #[prop_or_default]
    pub arrival: Option<Arrival>,
}

/// Which export of the person's own is on screen: picked files (their request's key) or
/// pasted text (its bytes, compared by identity).
#[derive(Clone, PartialEq)]
pub enum Arrival {
    Files(u32),
    Bytes(Shared<Vec<Input>>),
}

/// `#verdict`, with `data-label` = audience, emerging, community or undetermined; its
/// headline `#verdict-headline` is a heading that takes focus when a new export lands.
///
/// Undetermined: the plain "too early to tell", no score at all (never a placeholder where
/// a number belongs) and `#verdict-reason` saying why, with the numbers. Once the score's
/// interval has arrived, `#verdict-interval` shows it as "52 (45–58) · fairly sure", with
/// `data-confidence`, `data-low` and `data-high`; until then `#verdict-pending` marks the
/// answer provisional (its headline may still soften, docs/METRICS.md §10).
#[component]
pub fn VerdictPanel(props: &VerdictPanelProps) -> Html {
    let verdict = &props.analysis.report.verdict;
    let label = verdict.label.as_str();
    let confidence = match verdict.confidence {
        Confidence::Confident => "confident",
        Confidence::Tentative => "tentative",
        Confidence::Undetermined => "undetermined",
    };
    let pending = verdict.score.is_some() && verdict.label != Label::Undetermined;
    let headline = use_node_ref();
    use_landing(&headline, props.arrival.clone());
    html! {
        <section id="verdict" class={classes!("verdict", label)} data-label={label}
            aria-labelledby="verdict-headline">
            <h2 id="verdict-headline" class="headline" tabindex="-1" ref={headline}>
                { &verdict.headline }</h2>
            <p class="label-score">
                <span class="label">{ label_words(verdict.label) }</span>
                if verdict.score.is_some() {
                    <span class="score-box" title="0 = all through you, 100 = they talk to each other">
                        <span id="score">{ score_text(verdict.score) }</span>{ " / 100" }
                    </span>
                }
            </p>
            if let Some(sure) = in_words(verdict) {
                <p id="verdict-interval" class="interval"
                    data-confidence={confidence}
                    data-low={interval_end(verdict.interval, 0)}
                    data-high={interval_end(verdict.interval, 1)}
                    title="The score with its 90% range: how far it could move on another stretch of the same conversation">
                    { sure }
                </p>
            } else if pending {
                // The headline was written before the interval: until it comes, say that
                // the answer is not yet checked, rather than let the headline stand alone.
                <p id="verdict-pending" class="interval pending">
                    { "Provisional: still checking how sure this is." }
                </p>
            }
            if let Some(reason) = &verdict.reason {
                <p id="verdict-reason" class="reason">{ reason }</p>
            }
            if !verdict.framing.is_empty() {
                <p class="framing">{ &verdict.framing }</p>
            }
            if !verdict.evidence.is_empty() {
                <details class="why">
                    <summary>{ "Why" }</summary>
                    <ul>
                        { for verdict.evidence.iter().map(|evidence| html! {
                            <li class={classes!("leans", evidence.leans.as_str())}
                                data-metric={evidence.metric.clone()}>
                                <span class="lean-mark" aria-hidden="true">
                                    { lean_mark(evidence.leans) }
                                </span>
                                { &evidence.sentence }
                            </li>
                        }) }
                    </ul>
                </details>
            }
        </section>
    }
}

/// Brings the answer into view and focuses its headline when `arrival` changes to a new
/// export of the person's own (the focus makes screen readers read it out); the sample
/// at load moves nothing.
#[hook]
fn use_landing(headline: &NodeRef, arrival: Option<Arrival>) {
    let headline = headline.clone();
    use_effect_with(arrival, move |arrival| {
        if arrival.is_some() {
            if let Some(element) = headline.cast::<web_sys::HtmlElement>() {
                // The headline's top to the window's top, then the focus (already in view,
                // so it moves nothing more).
                element.scroll_into_view_with_bool(true);
                let _ = element.focus();
            }
        }
    });
}

/// One end of the interval as shown (rounded), for tests to read; empty without one.
fn interval_end(interval: Option<[f64; 2]>, end: usize) -> String {
    interval
        .and_then(|i| i.get(end).copied())
        .map(|x| score_text(Some(x)))
        .unwrap_or_default()
}

/// The label as a person would say it.
fn label_words(label: Label) -> &'static str {
    match label {
        Label::Audience => "Audience",
        Label::Emerging => "Emerging community",
        Label::Community => "Community",
        Label::Undetermined => "Too early to tell",
    }
}

/// The mark before a piece of evidence: filled when it leans towards community.
fn lean_mark(leans: Label) -> &'static str {
    if leans == Label::Community {
        "●"
    } else {
        "○"
    }
}
