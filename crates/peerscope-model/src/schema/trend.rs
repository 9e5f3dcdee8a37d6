//! The report's `trend` and `movement` (docs/METRICS.md §11): the score month by month,
//! which way it is heading, and how members moved between levels.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::metric::Metric;
use crate::schema::Label;

/// Which way the score is heading, as the bootstrap's replicates agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// At least 90% of replicates give a slope above +2 points per period.
    Up,
    /// At least 90% give a slope within ±2 points per period.
    Holding,
    /// At least 90% give a slope below −2 points per period.
    Down,
    /// None of the three, or fewer than 3 periods to compare.
    Unclear,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Holding => "holding",
            Direction::Down => "down",
            Direction::Unclear => "unclear",
        }
    }
}

/// The score over time. Present whenever the report was bootstrapped (the CLI's and the
/// page's full report); `None` in a report without its interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    pub direction: Direction,
    /// Last eligible period's score − the first's, in points (−100..=100, unrounded);
    /// null with fewer than 3 eligible periods.
    pub change: Option<f64>,
    /// Theil–Sen slope of the eligible scores against the period index, in points per
    /// period; null with fewer than 3 eligible periods.
    pub slope: Option<f64>,
    /// 0..=1: the share of replicates behind `direction` (for `unclear`, the largest of
    /// the three shares); null with fewer than 3 eligible periods.
    pub agreement: Option<f64>,
    /// Replicates that gave a slope (those with fewer than 2 scored periods are left out).
    pub replicates: u32,
    /// `month` (calendar months) or `four_weeks` (28-day periods from the first message's
    /// day).
    pub period: String,
    /// Why there is no direction, when there are fewer than 3 eligible periods.
    pub reason: Option<String>,
    /// Every period of the export, eligible or not, in order.
    pub periods: Vec<TrendPeriod>,
}

/// One period of the trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendPeriod {
    /// First day, `YYYY-MM-DD` (UTC).
    pub start: String,
    /// Last day, inclusive.
    pub end: String,
    /// 0-based number from the first period: the x of the slope.
    pub index: u32,
    /// Counts towards the trend (covered ≥ 80% of its days, ≥ 30 interactions, score).
    pub eligible: bool,
    /// Why not, when not eligible.
    pub reason: Option<String>,
    /// 0–100 unrounded, as the verdict computes it on the period alone; null when
    /// undetermined or not measured.
    pub score: Option<f64>,
    /// 90% interval `[low, high]` of the period's score from the trend's replicates;
    /// null for a period outside the trend or with fewer than 3 eligible periods.
    pub interval: Option<[f64; 2]>,
    pub label: Label,
    /// The seven score measures on the period alone, by their `metrics` keys.
    pub measures: BTreeMap<String, Metric>,
    pub funnel: PeriodFunnel,
    pub counts: PeriodCounts,
    /// Member pairs (hosts left out) with at least one reply or mention between them in
    /// the period.
    pub ties: u64,
}

/// The funnel's stages within one period (docs/METRICS.md §7).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodFunnel {
    pub audience: u64,
    pub engaged: u64,
    pub core: u64,
    pub leaders: u64,
}

/// What one period holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodCounts {
    /// Counting messages.
    pub messages: u64,
    /// Reply and mention interactions.
    pub interactions: u64,
    pub participants: u64,
    pub members: u64,
    /// Days in the period (28 to 31).
    pub days: u64,
    /// Of those, days between the export's first and last message.
    pub covered_days: u64,
}

/// How members moved between two consecutive eligible periods: each member (hosts,
/// bots and placeholders aside) active in either is counted once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Movement {
    /// The earlier period's first day.
    pub from: String,
    /// The later period's first day.
    pub to: String,
    /// Active in both, at a higher level in the later.
    pub up: u64,
    /// Active in both, at the same level.
    pub held: u64,
    /// Active in both, at a lower level in the later.
    pub down: u64,
    /// Active in the earlier, not in the later.
    pub left: u64,
    /// Active in the later, not in the earlier.
    pub new: u64,
}
