//! One measured ratio, as every metric of the report carries it.
//!
//! A metric is either observed — `value` with the `num`erator and `den`ominator it came
//! from, so the UI can say "34 of 120 replies" — or not observable in this export, and
//! then `value` is `null` and `reason` says why. A made-up zero is never reported.

use serde::{Deserialize, Serialize, Serializer};

/// A ratio (or rate) with the counts behind it, or `null` with a reason.
///
/// `value` is usually in 0..=1; `num` and `den` are counts for ratios and per-day rates
/// for `continuation`. Integers serialise without a fractional part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    #[serde(serialize_with = "number_or_null")]
    pub value: Option<f64>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "number_or_null"
    )]
    pub num: Option<f64>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "number_or_null"
    )]
    pub den: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Metric {
    /// `num / den`, or `null` with `reason_if_empty` when `den` is zero.
    pub fn ratio(num: f64, den: f64, reason_if_empty: &str) -> Metric {
        if den > 0.0 {
            Metric::observed(num / den, num, den)
        } else {
            Metric::unobservable(reason_if_empty)
        }
    }

    /// An observed value with the numbers it came from.
    pub fn observed(value: f64, num: f64, den: f64) -> Metric {
        Metric {
            value: Some(value),
            num: Some(num),
            den: Some(den),
            reason: None,
        }
    }

    /// A metric this export cannot show; `reason` is one plain sentence.
    pub fn unobservable(reason: &str) -> Metric {
        Metric {
            value: None,
            num: None,
            den: None,
            reason: Some(reason.to_string()),
        }
    }
}

/// Writes whole numbers as JSON integers ("34", not "34.0") and keeps fractions as they are.
fn number_or_null<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) if x.is_finite() && x.fract() == 0.0 && x.abs() < 9.0e15 => {
            s.serialize_i64(*x as i64)
        }
        Some(x) if x.is_finite() => s.serialize_f64(*x),
        _ => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_with_empty_denominator_is_null_with_reason() {
        let m = Metric::ratio(0.0, 0.0, "no replies in this export");
        assert_eq!(m.value, None);
        assert_eq!(m.reason.as_deref(), Some("no replies in this export"));
    }

    #[test]
    fn integers_serialise_without_fraction() {
        let json = serde_json::to_string(&Metric::ratio(34.0, 120.0, "")).unwrap_or_default();
        assert!(json.contains("\"num\":34,"), "{json}");
        assert!(json.contains("\"den\":120"), "{json}");
        let null = serde_json::to_string(&Metric::unobservable("why")).unwrap_or_default();
        assert_eq!(null, r#"{"value":null,"reason":"why"}"#);
    }
}
