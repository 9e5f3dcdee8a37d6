//! The peer reply share over time: of each week's (or month's) replies, the share between
//! two members, against the community line (60 %).

use super::{Chart, Periods, Plot};
use crate::measure::floors::INTERACTIONS;
use crate::model::schema::Report;

/// Where a component counts as leaning towards *community* (the verdict's line), in %.
pub const COMMUNITY_LINE: f64 = 60.0;

/// The peer reply share per bucket of [`Periods`].
#[derive(Debug, Clone, PartialEq)]
pub struct PeerShareSeries {
    pub periods: Periods,
    /// Per bucket, the share of replies between two members in % (0–100); None for a
    /// bucket without replies (a gap in the line).
    pub shares: Vec<Option<f64>>,
    /// Per bucket, true when its replies are under the shares' floor
    /// ([`INTERACTIONS`], 20): too few to read the share, so it is drawn as a hollow dot
    /// outside the line, as a part bucket is.
    pub thin: Vec<bool>,
}

/// The peer share chart: its series, or a sentence when no bucket has a reply or the
/// timeline spans under two buckets ([`Periods::of`]).
pub fn peer_share(report: &Report) -> Chart {
    let timeline = &report.timeline;
    let shares: Vec<Option<f64>> = timeline
        .points
        .iter()
        .map(|p| Some((p.peer_reply_share.value? * 100.0).clamp(0.0, 100.0)))
        .collect();
    let thin = timeline
        .points
        .iter()
        .map(|p| {
            p.peer_reply_share
                .den
                .is_some_and(|replies| replies < INTERACTIONS)
        })
        .collect();
    let plot = match Periods::of(timeline) {
        Ok(_) if shares.iter().all(Option::is_none) => {
            Plot::Sentence("No replies to draw yet.".to_string())
        }
        Ok(periods) => Plot::PeerShare(PeerShareSeries {
            periods,
            shares,
            thin,
        }),
        Err(sentence) => Plot::Sentence(sentence),
    };
    Chart {
        id: "peer-share",
        title: "Members answering members, over time",
        caption: format!(
            "Of each {}'s replies, the share between two members (no host at either end); \
             a {} without replies is a gap, and a hollow dot is a part {} or one with fewer \
             than {INTERACTIONS} replies, too few to read. Look for the dots climbing towards \
             and past the dashed line at 60%.",
            timeline.bucket, timeline.bucket, timeline.bucket
        ),
        plot,
    }
}
