//! Times no real conversation has: before 1990 or after 2100 (a clock reset, a field in
//! the wrong unit, a hand-edited file), or one message more than 30 days after every other
//! (a phone whose date was wrong once). Such a message still counts, but a span, the
//! continuation test and the timeline built from it would measure the error, not the group
//! (docs/METRICS.md §1): it is flagged `Message::time_outlier` and counted in a warning.

use crate::Dataset;

/// 1990-01-01T00:00:00Z in milliseconds: earlier times are outliers.
pub const EARLIEST_MS: i64 = 631_152_000_000;
/// 2100-01-01T00:00:00Z in milliseconds: this and later times are outliers.
pub const LATEST_MS: i64 = 4_102_444_800_000;
/// A lone last message further than this after every other one is an outlier.
pub const LONE_GAP_MS: i64 = 30 * 86_400_000;
/// The lone-outlier rule needs at least this many other messages: with fewer, a gap is as
/// likely a quiet month as a wrong clock.
pub const LONE_AFTER_AT_LEAST: usize = 10;

/// How many messages [`mark`] flagged, by rule.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Outliers {
    /// Before 1990 or from 2100 on.
    pub out_of_range: u64,
    /// The one message more than 30 days after every other (0 or 1).
    pub lone: u64,
}

/// Flags the outliers of `dataset` and adds one warning per rule that flagged any.
/// Costs one pass over the messages; an empty dataset flags nothing.
pub fn mark(dataset: &mut Dataset) -> Outliers {
    let mut found = Outliers::default();
    let (mut last, mut second): (Option<(i64, usize)>, Option<i64>) = (None, None);
    let mut plausible = 0usize;
    for (at, m) in dataset.messages.iter_mut().enumerate() {
        if !(EARLIEST_MS..LATEST_MS).contains(&m.time_ms) {
            m.time_outlier = true;
            found.out_of_range += 1;
            continue;
        }
        plausible += 1;
        match last {
            Some((t, _)) if m.time_ms <= t => {
                second = Some(second.map_or(m.time_ms, |s| s.max(m.time_ms)))
            }
            _ => {
                second = last.map(|(t, _)| t).max(second);
                last = Some((m.time_ms, at));
            }
        }
    }
    if let (Some((t, at)), Some(before)) = (last, second) {
        let enough = plausible > LONE_AFTER_AT_LEAST;
        if enough && t.saturating_sub(before) > LONE_GAP_MS {
            if let Some(m) = dataset.messages.get_mut(at) {
                m.time_outlier = true;
                found.lone = 1;
            }
        }
    }
    warn(&found, &mut dataset.warnings);
    found
}

fn warn(found: &Outliers, warnings: &mut Vec<String>) {
    if found.out_of_range > 0 {
        warnings.push(format!(
            "{} messages are dated before 1990 or after 2100, which no chat is; they count as \
             messages but are left out of the days, the timeline and the continuation test.",
            found.out_of_range
        ));
    }
    if found.lone > 0 {
        warnings.push(
            "The last message is dated more than 30 days after every other one, probably by \
             a wrong clock; it counts as a message but is left out of the days, the \
             timeline and the continuation test."
                .to_string(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Message;

    const DAY: i64 = 86_400_000;
    const JAN_2024: i64 = 1_704_067_200_000;

    fn dataset(times: &[i64]) -> Dataset {
        let mut d = Dataset::default();
        for (i, &t) in times.iter().enumerate() {
            d.push_message(Message::new(0, i.to_string(), 0, t));
        }
        d
    }

    fn flagged(d: &Dataset) -> Vec<usize> {
        (0..d.messages.len())
            .filter(|&i| d.messages[i].time_outlier)
            .collect()
    }

    #[test]
    fn out_of_range_times_are_flagged_and_counted() {
        let mut d = dataset(&[JAN_2024, i64::MAX, i64::MIN, 0, LATEST_MS, LATEST_MS - 1]);
        assert_eq!(
            mark(&mut d),
            Outliers {
                out_of_range: 4,
                lone: 0
            }
        );
        assert_eq!(flagged(&d), [1, 2, 3, 4]);
        assert!(d.warnings[0].starts_with("4 messages are dated before 1990"));
    }

    #[test]
    fn a_lone_late_message_is_flagged_only_among_enough_others() {
        let mut times: Vec<i64> = (0..12).map(|i| JAN_2024 + i * DAY).collect();
        times.insert(3, JAN_2024 + 80 * DAY);
        let mut d = dataset(&times);
        assert_eq!(mark(&mut d).lone, 1);
        assert_eq!(flagged(&d), [3]);
        let mut d = dataset(&times[..6]);
        assert_eq!(mark(&mut d), Outliers::default(), "too few others");
        times.push(JAN_2024 + 60 * DAY);
        let mut d = dataset(&times);
        assert_eq!(mark(&mut d).lone, 0, "not alone: 20 days after another");
        assert!(d.warnings.is_empty());
    }
}
