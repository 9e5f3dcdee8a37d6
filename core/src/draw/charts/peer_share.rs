//! The peer reply share over time: of each week's (or month's) replies, the share between
//! two members, with the community line (60 %) dashed.

use super::svg::{spread, Frame, Svg};
use super::{short_date, Chart, MUTED, PEER};
use crate::model::schema::Timeline;

/// Where a component counts as leaning towards *community* (the verdict's line), in %.
const COMMUNITY_LINE: f64 = 60.0;

/// The chart of [`draw`] with its caption.
pub fn peer_share(timeline: &Timeline) -> Chart {
    Chart {
        id: "peer-share",
        title: "Members answering members, over time",
        caption: format!(
            "Of each {}'s replies, the share between two members (no host at either end); \
             a {} without replies is a gap. Look for the dots climbing towards and past the \
             dashed line at 60%.",
            timeline.bucket, timeline.bucket
        ),
        svg: draw(timeline),
    }
}

/// One `dot peer` per bucket with replies (`x` = bucket, `y` = share in %, 0–100), joined
/// by `series peer` lines across consecutive buckets; a bucket without replies breaks the
/// line. No bucket with replies: a sentence instead.
pub fn draw(timeline: &Timeline) -> String {
    let points = &timeline.points;
    let observed: Vec<(usize, f64)> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((i, (p.peer_reply_share.value? * 100.0).clamp(0.0, 100.0))))
        .collect();
    if observed.is_empty() {
        return Svg::saying("No replies to draw yet.");
    }
    let frame = Frame::new(points.len().saturating_sub(1) as f64, 100.0);
    let mut svg = Svg::new();
    let monthly = timeline.bucket == "month";
    let y_labels: Vec<(f64, String)> = (0..=5)
        .map(|k| (k as f64 * 20.0, format!("{}%", k * 20)))
        .collect();
    let x_labels: Vec<(f64, String)> = spread(points.len(), 6)
        .into_iter()
        .filter_map(|i| Some((i as f64, short_date(&points.get(i)?.start, monthly))))
        .collect();
    frame.axes(&mut svg, &y_labels, &x_labels);
    let level = frame.y(COMMUNITY_LINE);
    svg.line(
        (frame.x(0.0), level),
        (frame.x(f64::MAX), level),
        &format!(
            "class=\"community-line\" stroke=\"{MUTED}\" stroke-width=\"1.5\" \
             stroke-dasharray=\"6 4\""
        ),
    );
    let placed = |&(i, share): &(usize, f64)| (frame.x(i as f64), frame.y(share));
    for run in runs(&observed) {
        let line: Vec<(f64, f64)> = run.iter().map(placed).collect();
        svg.polyline("peer", PEER, &line);
    }
    for point in &observed {
        svg.circle("dot peer", PEER, placed(point), 3.5);
    }
    svg.finish()
}

/// Splits points into runs of consecutive buckets (a gap starts a new run); runs of one
/// point are left out (the dot shows them).
fn runs(points: &[(usize, f64)]) -> Vec<&[(usize, f64)]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=points.len() {
        let breaks = match (points.get(i - 1), points.get(i)) {
            (Some(a), Some(b)) => b.0 != a.0 + 1,
            _ => true,
        };
        if breaks {
            if let Some(run) = points.get(start..i).filter(|r| r.len() > 1) {
                out.push(run);
            }
            start = i;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_split_the_line() {
        let points = [(0, 1.0), (1, 2.0), (3, 3.0), (5, 4.0), (6, 5.0)];
        let lens: Vec<usize> = runs(&points).iter().map(|r| r.len()).collect();
        assert_eq!(lens, vec![2, 2]);
        assert!(runs(&[]).is_empty());
    }
}
