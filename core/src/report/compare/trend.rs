//! The trend in a comparison (docs/METRICS.md §11): its direction before and now, and
//! its slope, when either report has one. Reports older than the trend have none.

use serde::Serialize;

use super::Change;
use crate::model::schema::Report;

/// The trend before and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendChange {
    /// `up`, `holding`, `down` or `unclear`; `None` where a report has no trend.
    pub direction_before: Option<String>,
    pub direction_now: Option<String>,
    /// Points per period.
    pub slope: Change,
}

/// The trend's change from `earlier` (a report as JSON) to `now`; `None` when neither
/// has a trend.
pub fn of(earlier: &serde_json::Value, now: &Report) -> Option<TrendChange> {
    let before = earlier.get("trend").filter(|t| !t.is_null());
    if before.is_none() && now.trend.is_none() {
        return None;
    }
    let direction_before = before
        .and_then(|t| t.get("direction"))
        .and_then(|d| d.as_str())
        .filter(|d| ["up", "holding", "down", "unclear"].contains(d))
        .map(str::to_string);
    let slope_before = before.and_then(|t| t.get("slope")).and_then(|s| s.as_f64());
    Some(TrendChange {
        direction_before,
        direction_now: now.trend.as_ref().map(|t| t.direction.as_str().to_string()),
        slope: Change::of(slope_before, now.trend.as_ref().and_then(|t| t.slope)),
    })
}

/// "Trend unclear → up." when the direction changed and both reports have one; `None`
/// otherwise (an unchanged direction is no news).
pub fn sentence(t: &TrendChange) -> Option<String> {
    let (before, now) = t.direction_before.as_ref().zip(t.direction_now.as_ref())?;
    (before != now).then(|| format!("Trend {before} → {now}."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_direction_is_one_sentence() {
        let change = |a: &str, b: &str| TrendChange {
            direction_before: Some(a.to_string()),
            direction_now: Some(b.to_string()),
            slope: Change::of(None, None),
        };
        assert_eq!(
            sentence(&change("unclear", "up")).as_deref(),
            Some("Trend unclear → up.")
        );
        assert_eq!(sentence(&change("up", "up")), None);
        let missing = TrendChange {
            direction_before: None,
            ..change("up", "down")
        };
        assert_eq!(sentence(&missing), None);
    }
}
