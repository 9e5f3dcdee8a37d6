//! Members' movement, drawn: a row per two consecutive periods, one stacked bar of those
//! who went quiet, moved down, held, moved up and became active, with a key above.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::paint::{self, bold, text, Paint, HEIGHT, TEXT, WIDTH};
use super::time_axis::legend;
use peerscope_core::draw::charts::{MovementSeries, MOVES};

/// Left edge of the bars, after the rows' names.
const BARS_FROM: i32 = 96;
/// Room above the rows for the key.
const KEY_ROOM: i32 = 28;
/// Most rows drawn (the latest), so each stays tall enough to read.
pub const MAX_ROWS: usize = 8;

/// Each move's paint, in [`MOVES`] order: gone quiet, down, held, up, new.
const PAINTS: [Paint; 5] = [
    Paint::Audience,
    Paint::Host,
    Paint::Engaged,
    Paint::Core,
    Paint::Accent,
];

/// The rows (at most [`MAX_ROWS`], the latest), each a stacked bar scaled to the largest
/// row's total, named at the left; a segment wide enough carries its count. SVG text, or
/// plotters' error.
pub fn draw(series: &MovementSeries) -> Result<String, String> {
    let rows = series
        .rows
        .get(series.rows.len().saturating_sub(MAX_ROWS)..)
        .unwrap_or_default();
    let largest = rows
        .iter()
        .map(|r| r.counts.iter().sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let width = f64::from(i32::try_from(WIDTH).unwrap_or(360) - BARS_FROM - 8);
    let height = i32::try_from(HEIGHT).unwrap_or(240) - KEY_ROOM;
    let row = height / i32::try_from(rows.len().max(1)).unwrap_or(1);
    paint::svg(|root| {
        let keys: Vec<(Paint, &str)> = PAINTS.iter().copied().zip(MOVES).collect();
        legend(root, &keys)?;
        for (i, r) in rows.iter().enumerate() {
            let middle = KEY_ROOM + row * i32::try_from(i).unwrap_or(0) + row / 2;
            let name = text(TEXT, Paint::Fg, HPos::Left, VPos::Center);
            root.draw(&Text::new(r.label.clone(), (4, middle), name))
                .map_err(|e| e.to_string())?;
            let mut x = BARS_FROM;
            for (count, paint) in r.counts.iter().zip(PAINTS) {
                let length = (*count as f64 / largest * width).round() as i32;
                if length == 0 {
                    continue;
                }
                let bar = [(x, middle - row / 3), (x + length, middle + row / 3)];
                root.draw(&Rectangle::new(bar, paint.rgb().filled()))
                    .map_err(|e| e.to_string())?;
                if length >= 8 * i32::try_from(count.to_string().len()).unwrap_or(1) + 4 {
                    let number = bold(TEXT, Paint::Fg, HPos::Center, VPos::Center);
                    root.draw(&Text::new(
                        count.to_string(),
                        (x + length / 2, middle),
                        number,
                    ))
                    .map_err(|e| e.to_string())?;
                }
                x += length;
            }
        }
        Ok(())
    })
}
