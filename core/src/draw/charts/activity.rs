//! Activity over time: host messages and member messages per week (or month), two lines.

use super::svg::{spread, ticks, Frame, Svg};
use super::{short_date, Chart, HOST, MEMBERS};
use crate::model::schema::Timeline;

/// The chart of [`draw`] with its caption.
pub fn activity(timeline: &Timeline) -> Chart {
    Chart {
        id: "activity",
        title: "Who posts, over time",
        caption: format!(
            "Messages per {} by the host and by members. Look for the members' line rising \
             above the host's and staying there: the group keeps talking on its own.",
            timeline.bucket
        ),
        svg: draw(timeline),
    }
}

/// Two lines over the timeline's buckets, `series host` and `series members`, one point
/// per bucket each (`x` = bucket, `y` = messages), with a legend. No buckets: a sentence.
pub fn draw(timeline: &Timeline) -> String {
    let points = &timeline.points;
    if points.is_empty() {
        return Svg::saying("No messages to draw yet.");
    }
    let top = points
        .iter()
        .map(|p| p.host_messages.max(p.member_messages))
        .max()
        .unwrap_or(0) as f64;
    let levels = ticks(top, 4);
    let frame = Frame::new(
        points.len().saturating_sub(1) as f64,
        levels.last().copied().unwrap_or(1.0),
    );
    let mut svg = Svg::new();
    let monthly = timeline.bucket == "month";
    let y_labels: Vec<(f64, String)> = levels.iter().map(|&v| (v, format!("{v:.0}"))).collect();
    let x_labels: Vec<(f64, String)> = spread(points.len(), 6)
        .into_iter()
        .filter_map(|i| Some((i as f64, short_date(&points.get(i)?.start, monthly))))
        .collect();
    frame.axes(&mut svg, &y_labels, &x_labels);
    let line = |value: fn(&crate::model::schema::TimelinePoint) -> u64| -> Vec<(f64, f64)> {
        points
            .iter()
            .enumerate()
            .map(|(i, p)| (frame.x(i as f64), frame.y(value(p) as f64)))
            .collect()
    };
    let host = line(|p| p.host_messages);
    let members = line(|p| p.member_messages);
    for (class, colour, series) in [("host", HOST, &host), ("members", MEMBERS, &members)] {
        svg.polyline(class, colour, series);
        // A lone point is no line: mark it.
        if let [only] = series.as_slice() {
            svg.circle(&format!("dot {class}"), colour, *only, 3.0);
        }
    }
    legend(&mut svg, &frame);
    svg.finish()
}

/// The two colours with their names, above the plot on the left.
fn legend(svg: &mut Svg, frame: &Frame) {
    let (x, y) = (frame.x(0.0), frame.y(f64::MAX) - 22.0);
    svg.rect("key host", HOST, (x, y), (10.0, 10.0));
    svg.text((x + 15.0, y + 10.0), "start", "", "host");
    svg.rect("key members", MEMBERS, (x + 60.0, y), (10.0, 10.0));
    svg.text((x + 75.0, y + 10.0), "start", "", "members");
}
