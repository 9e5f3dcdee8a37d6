//! The funnel: audience → engaged → core → leaders, one horizontal bar each.

use super::svg::Svg;
use super::{Chart, HEIGHT, WIDTH};
use crate::draw::colours::role_colour;
use crate::draw::view::Role;
use crate::model::schema::Funnel;

/// The four stages with the role whose colour their bar takes.
pub const STAGES: [(&str, Role); 4] = [
    ("audience", Role::Audience),
    ("engaged", Role::Engaged),
    ("core", Role::Core),
    ("leaders", Role::Leader),
];

/// Left edge of the bars, after the stage names.
const BARS_FROM: f64 = 110.0;
/// Room kept right of the longest bar for its count.
const COUNT_ROOM: f64 = 70.0;

/// The chart of [`draw`] with its caption.
pub fn funnel(funnel: &Funnel) -> Chart {
    Chart {
        id: "funnel",
        title: "From audience to leaders",
        caption: format!(
            "{} Then those who talk with another member, the tight group of members, and \
             the members who answer others most. Look at how much of each bar survives \
             into the next: a steep drop after the audience means people talk to the host, \
             not to each other.",
            funnel.audience_why
        )
        .trim_start()
        .to_string(),
        svg: draw(funnel),
    }
}

/// Four `bar <stage>` rectangles in [`STAGES`] order, lengths proportional to the counts
/// (the largest fills the width; an empty stage is a 2-unit stub), each with its name and
/// count. An empty funnel draws four stubs and zeros.
pub fn draw(funnel: &Funnel) -> String {
    let counts = [
        funnel.audience,
        funnel.engaged,
        funnel.core,
        funnel.leaders.len() as u64,
    ];
    let largest = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let span = f64::from(WIDTH) - BARS_FROM - COUNT_ROOM;
    let row = f64::from(HEIGHT) / 4.0;
    let mut svg = Svg::new();
    for (i, ((stage, role), count)) in STAGES.iter().zip(counts).enumerate() {
        let middle = row * i as f64 + row / 2.0;
        let length = (count as f64 / largest * span).max(2.0);
        svg.text((16.0, middle + 5.0), "start", "font-size=\"15\"", stage);
        svg.rect(
            &format!("bar {stage}"),
            role_colour(*role),
            (BARS_FROM, middle - row / 3.0),
            (length, row * 2.0 / 3.0),
        );
        svg.text(
            (BARS_FROM + length + 8.0, middle + 6.0),
            "start",
            "font-size=\"16\" font-weight=\"700\" fill=\"#1f2328\"",
            &count.to_string(),
        );
    }
    svg.finish()
}
