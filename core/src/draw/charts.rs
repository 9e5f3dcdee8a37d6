//! The report's charts as data: activity over time (host vs members), the peer reply share
//! over time, the funnel, and the degree distribution, each with a title and a caption
//! saying what to look for.
//!
//! The core hands over the series and the decisions about them (too short to draw over
//! time, which buckets are partial, a log scale when one bar dwarfs the rest, which bar
//! holds the host); the page draws them with plotters (`src/report/charts/` in the web
//! crate). Drawing lives there because plotters brings wasm-bindgen and web-sys on wasm32,
//! and the core takes no web crate.
//!
//! No series holds a name or an id: only dates, counts and shares.

mod activity;
mod degree;
mod funnel;
mod peer_share;
mod periods;
mod trend;

use crate::draw::view::NetworkView;
use crate::model::schema::Report;

pub use activity::{activity, ActivitySeries};
pub use degree::{degree, DegreeBar, DegreeSeries, LOG_SCALE_FROM, MAX_BARS};
pub use funnel::{funnel, FunnelSeries, STAGES};
pub use peer_share::{peer_share, PeerShareSeries, COMMUNITY_LINE};
pub use periods::{short_date, Periods, MIN_PERIODS};
pub use trend::{movement, trend, MovementRow, MovementSeries, TrendSeries, MOVES};

/// One chart, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Stable id, e.g. `activity` (the page uses `chart-<id>`).
    pub id: &'static str,
    /// A short title.
    pub title: &'static str,
    /// One or two sentences: what to look for.
    pub caption: String,
    /// What to draw, or the sentence shown instead.
    pub plot: Plot,
}

/// What a chart shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Plot {
    /// Nothing worth drawing (no data, or too short a span to draw over time): this
    /// sentence instead of a picture.
    Sentence(String),
    Activity(ActivitySeries),
    PeerShare(PeerShareSeries),
    Funnel(FunnelSeries),
    Degree(DegreeSeries),
    Trend(TrendSeries),
    Movement(MovementSeries),
}

impl Plot {
    /// The sentence shown instead of a picture, if this is one.
    pub fn sentence(&self) -> Option<&str> {
        match self {
            Plot::Sentence(text) => Some(text),
            _ => None,
        }
    }
}

/// The charts in page order. An empty report gives six charts, five of which say there
/// is nothing to draw yet (the funnel draws its zeros).
pub fn charts(report: &Report, network: &NetworkView) -> Vec<Chart> {
    vec![
        activity(report),
        peer_share(report),
        funnel(&report.funnel),
        degree(network),
        trend(report),
        movement(report),
    ]
}
