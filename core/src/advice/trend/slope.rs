//! The trend's arithmetic (docs/METRICS.md §11): the Theil–Sen slope, and the direction
//! the bootstrap replicates' slopes agree on.

use crate::model::schema::Direction;
use crate::model::unstable_sort::UnstableSort;

/// Points per period beyond which a slope is a move up (or, negated, down); within
/// ±this the score is holding.
pub const FLAT_POINTS: f64 = 2.0;
/// The share of replicates that must agree for a direction other than `unclear`.
pub const AGREEMENT: f64 = 0.9;

/// The Theil–Sen slope of `points` (x, y): the median of the slopes between every two
/// points with different x (the mean of the middle two when their number is even).
/// `None` with fewer than two distinct x.
pub fn theil_sen(points: &[(f64, f64)]) -> Option<f64> {
    let mut slopes = Vec::with_capacity(points.len() * points.len() / 2);
    for (i, a) in points.iter().enumerate() {
        for b in points.iter().skip(i + 1) {
            let dx = b.0 - a.0;
            if dx != 0.0 {
                slopes.push((b.1 - a.1) / dx);
            }
        }
    }
    median(&mut slopes)
}

/// The median of `values` (mean of the middle two for an even count); `None` when empty.
fn median(values: &mut [f64]) -> Option<f64> {
    values.unstable_sort_by(f64::total_cmp);
    let n = values.len();
    let upper = *values.get(n / 2)?;
    if n % 2 == 1 {
        return Some(upper);
    }
    values.get(n / 2 - 1).map(|lower| (lower + upper) / 2.0)
}

/// The direction `slopes` (one per replicate, points per period) agree on and the share
/// that agrees: `up` when at least 90% lie above +2, `down` below −2, `holding` within
/// ±2 (inclusive); otherwise `unclear` with the largest of the three shares. No slope:
/// `unclear` with 0.
pub fn direction(slopes: &[f64]) -> (Direction, f64) {
    if slopes.is_empty() {
        return (Direction::Unclear, 0.0);
    }
    let n = slopes.len() as f64;
    let share = |keep: &dyn Fn(f64) -> bool| slopes.iter().filter(|&&s| keep(s)).count() as f64 / n;
    let up = share(&|s| s > FLAT_POINTS);
    let down = share(&|s| s < -FLAT_POINTS);
    let holding = share(&|s| (-FLAT_POINTS..=FLAT_POINTS).contains(&s));
    let ranked = [
        (Direction::Up, up),
        (Direction::Down, down),
        (Direction::Holding, holding),
    ];
    match ranked.iter().find(|(_, s)| *s >= AGREEMENT) {
        Some(&found) => found,
        None => (Direction::Unclear, up.max(down).max(holding)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theil_sen_is_the_median_pairwise_slope() {
        // Slopes: (0,0)-(1,1)=1, (0,0)-(2,4)=2, (1,1)-(2,4)=3: median 2.
        assert_eq!(theil_sen(&[(0.0, 0.0), (1.0, 1.0), (2.0, 4.0)]), Some(2.0));
        // An outlier does not move it: 10 per step except one wild point.
        let points = [
            (0.0, 10.0),
            (1.0, 20.0),
            (2.0, 90.0),
            (3.0, 40.0),
            (4.0, 50.0),
        ];
        assert_eq!(theil_sen(&points), Some(10.0));
        // Even count of slopes: the mean of the middle two. 4 points with a gap at x=2.
        let gap = [(0.0, 0.0), (1.0, 2.0), (3.0, 3.0), (4.0, 10.0)];
        // Slopes: 2, 1, 2.5, 0.5, 8/3, 7 → sorted 0.5 1 2 2.5 2.67 7 → (2 + 2.5) / 2.
        assert_eq!(theil_sen(&gap), Some(2.25));
        assert_eq!(theil_sen(&[(1.0, 5.0)]), None);
        assert_eq!(theil_sen(&[]), None);
    }

    #[test]
    fn ninety_percent_of_replicates_decide_the_direction() {
        let mut slopes = vec![3.0; 9];
        slopes.push(-5.0);
        assert_eq!(direction(&slopes), (Direction::Up, 0.9));
        let down: Vec<f64> = slopes.iter().map(|s| -s).collect();
        assert_eq!(direction(&down), (Direction::Down, 0.9));
        // ±2 itself is holding.
        let flat = [2.0, -2.0, 0.0, 1.0, 0.5, 0.0, -1.0, 1.5, 0.2, 0.1];
        assert_eq!(direction(&flat), (Direction::Holding, 1.0));
        let split = [3.0, 3.0, 3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        assert_eq!(direction(&split), (Direction::Unclear, 0.7));
        assert_eq!(direction(&[]), (Direction::Unclear, 0.0));
    }
}
