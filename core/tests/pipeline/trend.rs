//! The trend and the movement (docs/METRICS.md §11) on generated groups of known shape:
//! members answering each other more month by month (`up`), less (`down`), a steady
//! busy group (`holding`), a sparse noisy one (`unclear`), and the edges: an export under
//! three months cut into four-week periods, too few eligible periods, and partial first
//! and last months left out by the 80% rule.

use peerscope_core::import::{self, Input};
use peerscope_core::model::options::{HostChoice, Options};
use peerscope_core::model::random::SplitMix;
use peerscope_core::model::schema::{Direction, Report};
use peerscope_core::model::time::day_string;
use peerscope_core::report::analyze::report_with_interval;

/// 2024-01-01 as a UTC day number.
pub const JAN_1_2024: i64 = 19_723;

/// How a generated group talks.
pub struct Shape {
    /// First and last UTC day (inclusive).
    pub first: i64,
    pub last: i64,
    /// Members besides the host (person 0).
    pub members: usize,
    /// Replies a day.
    pub replies: usize,
    /// Per day (0-based from `first`): the share of replies that go member to member;
    /// the rest go between a member and the host.
    pub peer_share: fn(i64) -> f64,
    pub seed: u64,
}

/// A DiscordChatExporter file of `shape`: every day the host and each member post once,
/// then the day's replies, each to the post of its addressee that day.
pub fn export(shape: &Shape) -> Input {
    let mut rng = SplitMix(shape.seed);
    let author = |p: usize| format!(r#"{{"id":"u{p}","name":"person{p}"}}"#);
    let at = |day: i64, minute: usize| {
        format!(
            "{}T{:02}:{:02}:00+00:00",
            day_string(day),
            minute / 60 % 24,
            minute % 60
        )
    };
    let mut messages = Vec::new();
    for day in shape.first..=shape.last {
        for p in 0..=shape.members {
            messages.push(format!(
                r#"{{"id":"{day}-{p}","timestamp":"{}","content":"hello","author":{}}}"#,
                at(day, p),
                author(p)
            ));
        }
        let peer = (shape.peer_share)(day - shape.first);
        for i in 0..shape.replies {
            let from = 1 + rng.below(shape.members as u64) as usize;
            let (from, to) = if rng.unit() < peer {
                let other = 1 + rng.below(shape.members as u64 - 1) as usize;
                (from, 1 + (from - 1 + other) % shape.members)
            } else if rng.unit() < 0.5 {
                (from, 0)
            } else {
                (0, from)
            };
            messages.push(format!(
                r#"{{"id":"{day}-r{i}","timestamp":"{}","content":"re","author":{},"reference":{{"messageId":"{day}-{to}"}}}}"#,
                at(day, shape.members + 1 + i),
                author(from)
            ));
        }
    }
    let text = format!(
        r#"{{"guild":{{"id":"g"}},"channel":{{"id":"c","name":"gen"}},"messages":[{}]}}"#,
        messages.join(",")
    );
    Input::new("trend.json", text.into_bytes())
}

/// The report of `shape` with the host named, as the CLI makes it.
pub fn report(shape: &Shape) -> Report {
    let data = import::import(&[export(shape)], None).unwrap();
    let options = Options {
        hosts: HostChoice::Named(vec!["u0".to_string()]),
        ..Options::default()
    };
    report_with_interval(&data, &options).unwrap()
}

/// Six whole months, January to June 2024.
fn half_year(replies: usize, peer_share: fn(i64) -> f64, seed: u64) -> Shape {
    Shape {
        first: JAN_1_2024,
        last: JAN_1_2024 + 181,
        members: 12,
        replies,
        peer_share,
        seed,
    }
}

fn rising(day: i64) -> f64 {
    0.1 + 0.8 * day as f64 / 181.0
}

fn falling(day: i64) -> f64 {
    0.9 - 0.8 * day as f64 / 181.0
}

#[test]
fn members_answering_each_other_more_each_month_is_up() {
    let r = report(&half_year(20, rising, 1));
    let t = r.trend.as_ref().unwrap();
    assert_eq!(t.period, "month");
    assert_eq!(t.periods.len(), 6);
    assert!(t.periods.iter().all(|p| p.eligible), "{:?}", t.periods);
    assert_eq!(t.direction, Direction::Up, "{t:?}");
    assert!(t.agreement.unwrap() >= 0.9);
    let scores: Vec<f64> = t.periods.iter().map(|p| p.score.unwrap()).collect();
    assert_eq!(t.change, Some(scores[5] - scores[0]));
    assert!(t.slope.unwrap() > 2.0 && t.change.unwrap() > 10.0);
    // Each period's interval holds its score.
    for p in &t.periods {
        let [low, high] = p.interval.unwrap();
        assert!(low <= p.score.unwrap() && p.score.unwrap() <= high);
    }
    // The headline says so, with the quoted scores.
    let shown = |s: f64| format!("{}", s.round() as i64);
    let clause = format!("{} → {} since January.", shown(scores[0]), shown(scores[5]));
    assert!(
        r.verdict.headline.ends_with(&clause),
        "{}",
        r.verdict.headline
    );
    assert!(r.verdict.headline.contains(", and becoming more of"));
    let quoted: Vec<&str> = r
        .verdict
        .headline_quotes
        .iter()
        .map(|q| q.field.as_str())
        .collect();
    assert!(quoted.contains(&"trend.periods.0.score") && quoted.contains(&"trend.periods.5.score"));
    let step = r.checklist.iter().find(|s| s.id == "trend-rising").unwrap();
    assert!(step.why.starts_with(&format!(
        "The score rose from {} to {} since January",
        shown(scores[0]),
        shown(scores[5])
    )));
    // Five moves between six months; 12 members are active in every month.
    assert_eq!(r.movement.len(), 5);
    for m in &r.movement {
        assert_eq!(m.up + m.held + m.down, 12, "{m:?}");
        assert_eq!(m.left + m.new, 0);
    }
    assert_eq!(r.movement[0].from, "2024-01-01");
    assert_eq!(r.movement[0].to, "2024-02-01");
}

#[test]
fn the_same_reversed_is_down_and_gets_a_step() {
    let r = report(&half_year(20, falling, 1));
    let t = r.trend.as_ref().unwrap();
    assert_eq!(t.direction, Direction::Down, "{t:?}");
    assert!(t.slope.unwrap() < -2.0 && t.change.unwrap() < -10.0);
    assert!(r.verdict.headline.contains("and becoming less of"));
    let step = r
        .checklist
        .iter()
        .find(|s| s.id == "trend-falling")
        .unwrap();
    assert!(step.why.starts_with("The score fell from "), "{}", step.why);
    assert_eq!(step.quotes.len(), 2);
    // Priorities stay distinct.
    let mut p: Vec<i64> = r
        .checklist
        .iter()
        .map(|s| (s.priority * 10.0) as i64)
        .collect();
    p.sort_unstable();
    p.dedup();
    assert_eq!(p.len(), r.checklist.len());
}

#[test]
fn a_steady_busy_group_is_holding_and_makes_no_claim() {
    let r = report(&half_year(60, |_| 0.5, 3));
    let t = r.trend.as_ref().unwrap();
    assert_eq!(t.direction, Direction::Holding, "{t:?}");
    assert!(t.slope.unwrap().abs() <= 2.0);
    assert!(!r.verdict.headline.contains("becoming"));
    assert!(!r.checklist.iter().any(|s| s.id.starts_with("trend-")));
}

#[test]
fn a_sparse_noisy_group_is_unclear() {
    fn noisy(day: i64) -> f64 {
        // A different share each week, no direction.
        let mut rng = SplitMix(day as u64 / 7 + 99);
        rng.unit()
    }
    let shape = Shape {
        members: 6,
        ..half_year(2, noisy, 5)
    };
    let r = report(&shape);
    let t = r.trend.as_ref().unwrap();
    assert!(
        t.periods.iter().filter(|p| p.eligible).count() >= 3,
        "{t:?}"
    );
    assert_eq!(t.direction, Direction::Unclear, "{t:?}");
    assert!(t.agreement.unwrap() < 0.9);
    assert!(!r.verdict.headline.contains("becoming"));
    assert!(!r.checklist.iter().any(|s| s.id.starts_with("trend-")));
}

#[test]
fn under_three_months_the_periods_are_four_weeks_from_the_first_day() {
    // 2024-01-10 for 84 days: three whole four-week periods.
    let shape = Shape {
        first: JAN_1_2024 + 9,
        last: JAN_1_2024 + 9 + 83,
        ..half_year(20, rising, 7)
    };
    let r = report(&shape);
    let t = r.trend.as_ref().unwrap();
    assert_eq!(t.period, "four_weeks");
    let starts: Vec<&str> = t.periods.iter().map(|p| p.start.as_str()).collect();
    assert_eq!(starts, ["2024-01-10", "2024-02-07", "2024-03-06"]);
    assert_eq!(t.periods[0].end, "2024-02-06");
    assert!(t.periods.iter().all(|p| p.eligible && p.counts.days == 28));
    assert!(t.slope.is_some());
}

#[test]
fn partial_first_and_last_months_are_left_out() {
    // 2024-01-10 to 2024-05-20: January 22 of 31 days, May 20 of 31: both under 80%.
    let shape = Shape {
        first: JAN_1_2024 + 9,
        last: JAN_1_2024 + 140,
        ..half_year(20, rising, 11)
    };
    let r = report(&shape);
    let t = r.trend.as_ref().unwrap();
    let eligible: Vec<bool> = t.periods.iter().map(|p| p.eligible).collect();
    assert_eq!(eligible, [false, true, true, true, false]);
    assert_eq!(t.periods[0].counts.covered_days, 22);
    assert!(t.periods[0]
        .reason
        .as_deref()
        .unwrap()
        .contains("22 of its 31 days"));
    assert!(t.periods[0].score.is_none() && t.periods[0].interval.is_none());
    // Change: April's score minus February's.
    let (feb, apr) = (t.periods[1].score.unwrap(), t.periods[3].score.unwrap());
    assert_eq!(t.change, Some(apr - feb));
    assert_eq!(r.movement.len(), 2);
    assert_eq!(r.movement[0].from, "2024-02-01");
}

#[test]
fn fewer_than_three_eligible_periods_give_no_direction() {
    // 2024-01-01 to 2024-03-20: 80 days, four-week periods of 28, 28 and 24 days
    // covered; the last (24 of 28 = 86%) counts: three eligible. 70 days: two.
    let shape = Shape {
        last: JAN_1_2024 + 69,
        ..half_year(20, rising, 13)
    };
    let r = report(&shape);
    let t = r.trend.as_ref().unwrap();
    assert_eq!(t.periods.iter().filter(|p| p.eligible).count(), 2);
    assert_eq!(t.direction, Direction::Unclear);
    assert_eq!((t.change, t.slope, t.agreement), (None, None, None));
    assert!(t
        .reason
        .as_deref()
        .unwrap()
        .contains("Only 2 of the 3 four-week periods"));
    assert_eq!(r.movement.len(), 1);
    assert!(!r.verdict.headline.contains("becoming"));
}

#[test]
fn an_export_too_short_for_a_trend_says_so_without_counting_zero() {
    // 2024-01-01 for 40 days: two four-week periods, the second 12 of 28 days covered.
    let shape = Shape {
        last: JAN_1_2024 + 39,
        ..half_year(20, rising, 19)
    };
    let r = report(&shape);
    let reason = r.trend.as_ref().unwrap().reason.clone().unwrap();
    assert!(
        reason.starts_with(
            "The export is too short for a trend, which needs at least 3 four-week periods (each"
        ),
        "{reason}"
    );
    assert!(!reason.contains("Only 0"), "{reason}");
    // Quoted after a colon (the chart's "Now: …." adds its own full stop): no "3..".
    let words = peerscope_core::advice::trend::in_words(r.trend.as_ref().unwrap());
    assert!(
        words.starts_with("none yet: the export is too short"),
        "{words}"
    );
    assert!(!words.ends_with('.'), "{words}");
}

#[test]
fn the_same_export_gives_the_same_trend() {
    let shape = half_year(10, rising, 17);
    assert_eq!(report(&shape).trend, report(&shape).trend);
}
