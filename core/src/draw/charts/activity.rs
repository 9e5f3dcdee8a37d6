//! Activity over time: host messages and member messages per week (or month), two lines.

use super::{Chart, Periods, Plot};
use crate::model::schema::Report;

/// The two lines of the activity chart, one value per bucket of [`Periods`].
#[derive(Debug, Clone, PartialEq)]
pub struct ActivitySeries {
    pub periods: Periods,
    /// Messages by the host(s) per bucket.
    pub host: Vec<u64>,
    /// Messages by everyone else per bucket.
    pub members: Vec<u64>,
}

/// The activity chart: its series, or a sentence when the timeline is empty or spans
/// under two buckets ([`Periods::of`]).
pub fn activity(report: &Report) -> Chart {
    let timeline = &report.timeline;
    let plot = match Periods::of(timeline) {
        Ok(periods) => Plot::Activity(ActivitySeries {
            periods,
            host: timeline.points.iter().map(|p| p.host_messages).collect(),
            members: timeline.points.iter().map(|p| p.member_messages).collect(),
        }),
        Err(sentence) => Plot::Sentence(sentence),
    };
    Chart {
        id: "activity",
        title: "Who posts, over time",
        caption: format!(
            "Messages per {} by the host and by members. Look for the members' line rising \
             above the host's and staying there: the group keeps talking on its own.",
            timeline.bucket
        ),
        plot,
    }
}
