//! The charts section: the core's SVG charts ([`peerscope_core::draw::charts`]) placed in
//! the page, each a `figure` with its caption.

use yew::prelude::*;

use crate::app::shared::Shared;
use peerscope_core::draw::charts::charts;
use peerscope_core::report::analyze::Analysis;

/// Props of [`Charts`].
#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    pub analysis: Shared<Analysis>,
}

/// `#charts`: one `figure#chart-<id>` per chart, its SVG and a `figcaption` with the title
/// and what to look for. Drawn once per report.
#[component]
pub fn Charts(props: &ChartsProps) -> Html {
    let drawn = use_memo(props.analysis.clone(), |analysis| {
        charts(&analysis.report, &analysis.network)
    });
    html! {
        <section id="charts" class="charts" aria-labelledby="charts-title">
            <h2 id="charts-title">{ "Over time and in numbers" }</h2>
            <div class="chart-grid">
                { for drawn.iter().map(|chart| html! {
                    <figure class="chart" id={format!("chart-{}", chart.id)} key={chart.id}>
                        // The SVG is the core's own drawing: numbers, dates and fixed words,
                        // never text from the export, so it is inserted as it is.
                        <div class="chart-svg" role="img" aria-label={chart.title}>
                            { Html::from_html_unchecked(AttrValue::from(chart.svg.clone())) }
                        </div>
                        <figcaption>
                            <strong>{ chart.title }</strong>{ ". " }{ &chart.caption }
                        </figcaption>
                    </figure>
                }) }
            </div>
        </section>
    }
}
