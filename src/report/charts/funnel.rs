//! The funnel, drawn: audience → engaged → core → leaders, one horizontal bar each with
//! its name and count.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::paint::{self, bold, text, Paint, BIG_TEXT, HEIGHT, WIDTH};
use peerscope_core::draw::charts::{FunnelSeries, STAGES};
use peerscope_core::draw::view::Role;

/// Left edge of the bars, after the stage names.
const BARS_FROM: i32 = 86;
/// Room kept right of the longest bar for its count.
const COUNT_ROOM: i32 = 52;

/// The paint of a stage's bar: its role's colour.
fn paint_of(role: Role) -> Paint {
    match role {
        Role::Host => Paint::Host,
        Role::Leader => Paint::Leader,
        Role::Core => Paint::Core,
        Role::Engaged => Paint::Engaged,
        Role::Audience => Paint::Audience,
    }
}

/// Four bars (`c-audience`, `c-engaged`, `c-core`, `c-leader`) with lengths proportional
/// to the counts (the largest fills the width; an empty stage is a 2-unit stub), each
/// named and counted. SVG text, or plotters' error.
pub fn draw(series: &FunnelSeries) -> Result<String, String> {
    let largest = series.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let span = f64::from(i32::try_from(WIDTH).unwrap_or(360) - BARS_FROM - COUNT_ROOM);
    let row = i32::try_from(HEIGHT).unwrap_or(240) / 4;
    paint::svg(|root| {
        for (i, ((stage, role), count)) in STAGES.iter().zip(series.counts).enumerate() {
            let middle = row * i32::try_from(i).unwrap_or(0) + row / 2;
            let length = ((count as f64 / largest * span).round() as i32).max(2);
            let bar = [
                (BARS_FROM, middle - row / 3),
                (BARS_FROM + length, middle + row / 3),
            ];
            root.draw(&Rectangle::new(bar, paint_of(*role).rgb().filled()))
                .map_err(|e| e.to_string())?;
            let name = text(BIG_TEXT, Paint::Fg, HPos::Left, VPos::Center);
            root.draw(&Text::new(stage.to_string(), (6, middle), name))
                .map_err(|e| e.to_string())?;
            let number = bold(BIG_TEXT, Paint::Fg, HPos::Left, VPos::Center);
            root.draw(&Text::new(
                count.to_string(),
                (BARS_FROM + length + 6, middle),
                number,
            ))
            .map_err(|e| e.to_string())?;
        }
        Ok(())
    })
}
