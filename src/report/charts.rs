//! The charts section: the core's series ([`peerscope_core::draw::charts`]) drawn here
//! with plotters as SVG, each a `figure` with its caption.
//!
//! plotters lives in the web crate because on wasm32 it brings wasm-bindgen and web-sys
//! (it measures text through the page); the core only hands over the numbers. Each chart
//! is SVG text inserted into the page: sharp at any zoom and on paper, laid out by the
//! browser, and coloured by the stylesheet through classes (see [`paint`]).

mod activity;
mod degree;
mod funnel;
mod movement;
pub mod paint;
mod peer_share;
mod time_axis;
mod trend;

use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::next_frame::after_a_paint;
use crate::app::shared::Shared;
use crate::network::held::HELD_TIES;
use peerscope_core::draw::charts::{charts, Plot};

/// Props of [`Charts`].
#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    pub analysis: Shared<PageAnalysis>,
}

/// A chart's picture as SVG text, or the sentence shown instead (no data, too short a
/// span, or, should plotters fail, a sentence saying so).
pub fn picture(plot: &Plot) -> Result<String, String> {
    let drawn = match plot {
        Plot::Sentence(sentence) => return Err(sentence.clone()),
        Plot::Activity(series) => activity::draw(series),
        Plot::PeerShare(series) => peer_share::draw(series),
        Plot::Funnel(series) => funnel::draw(series),
        Plot::Degree(series) => degree::draw(series),
        Plot::Trend(series) => trend::draw(series),
        Plot::Movement(series) => movement::draw(series),
    };
    drawn.map_err(|e| format!("This chart could not be drawn ({e})."))
}

/// The note under a chart over time saying which buckets are partial; empty otherwise.
fn partial_note(plot: &Plot) -> String {
    match plot {
        Plot::Activity(s) => s.periods.partial_note(),
        Plot::PeerShare(s) => s.periods.partial_note(),
        _ => String::new(),
    }
}

/// `#charts`: one `figure#chart-<id>` per chart, its SVG (or a `p.chart-sentence` when
/// there is nothing to draw) and a `figcaption` with the title and what to look for.
/// Drawn once per report. With a network past [`HELD_TIES`] ties the section comes empty
/// in the render that brings it (with the network, on a big export) and its charts in a
/// task after that render is painted: drawing and painting them with the network's panel
/// made one long pause of the page (docs/PERFORMANCE.md, "Frames at 1 M, session 11").
#[component]
pub fn Charts(props: &ChartsProps) -> Html {
    let big = props.analysis.network.edges.len() > HELD_TIES;
    let ready = use_state_eq(|| !big);
    {
        let (ready, now) = (ready.setter(), *ready);
        use_effect_with(now, move |&now| {
            if !now {
                after_a_paint(move || ready.set(true));
            }
        });
    }
    let drawn = use_memo((props.analysis.clone(), *ready), |(analysis, ready)| {
        if !ready {
            return Vec::new();
        }
        charts(&analysis.report, &analysis.network)
            .into_iter()
            .map(|chart| {
                let picture = picture(&chart.plot);
                let note = partial_note(&chart.plot);
                (chart, picture, note)
            })
            .collect::<Vec<_>>()
    });
    html! {
        <section id="charts" class="charts" aria-labelledby="charts-title">
            <h2 id="charts-title">{ "Over time and in numbers" }</h2>
            <div class="chart-grid">
                { for drawn.iter().map(|(chart, picture, note)| html! {
                    <figure class="chart" id={format!("chart-{}", chart.id)} key={chart.id}>
                        { match picture {
                            // plotters' drawing of the core's numbers, dates and fixed
                            // words, never text from the export, so it is inserted as is.
                            Ok(svg) => html! {
                                <div class="chart-svg" role="img" aria-label={chart.title}>
                                    { Html::from_html_unchecked(AttrValue::from(svg.clone())) }
                                </div>
                            },
                            Err(sentence) => html! {
                                <p class="chart-sentence">{ sentence }</p>
                            },
                        } }
                        <figcaption>
                            <strong>{ chart.title }</strong>{ ". " }{ &chart.caption }
                            if !note.is_empty() {
                                { " " }<span class="chart-partial">{ note }</span>
                            }
                        </figcaption>
                    </figure>
                }) }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests;
