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
    /// True when the metric rests on fewer observations than its floor; written only
    /// when true, and read as false when absent (reports of schema `/1` have none).
    #[serde(default, skip_serializing_if = "is_false")]
    pub thin: bool,
    /// Why the value is null, or why it is thin, in plain words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// An observed metric that is at or above its floor: the numbers a sentence may quote.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Counted {
    pub value: f64,
    pub num: f64,
    pub den: f64,
}

fn is_false(b: &bool) -> bool {
    !*b
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
            thin: false,
            reason: None,
        }
    }

    /// The same numbers marked thin, with `reason` (one plain sentence) saying what is
    /// missing. A null metric stays as it is: it is already left out everywhere.
    pub fn thinned(self, reason: &str) -> Metric {
        if self.value.is_none() {
            return self;
        }
        Metric {
            thin: true,
            reason: Some(reason.to_string()),
            ..self
        }
    }

    /// The numbers when the metric counts (observed and not thin); `None` otherwise. Every
    /// score, sentence and checklist priority reads a metric through this.
    pub fn counted(&self) -> Option<Counted> {
        match (self.value, self.thin) {
            (Some(value), false) => Some(Counted {
                value,
                num: self.num.unwrap_or(value),
                den: self.den.unwrap_or(1.0),
            }),
            _ => None,
        }
    }

    /// A metric this export cannot show; `reason` is one plain sentence.
    pub fn unobservable(reason: &str) -> Metric {
        Metric {
            value: None,
            num: None,
            den: None,
            thin: false,
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

    #[test]
    fn a_thin_metric_keeps_its_numbers_but_does_not_count() {
        let thin = Metric::ratio(2.0, 5.0, "").thinned("only 5 replies");
        assert_eq!(
            (thin.value, thin.num, thin.den),
            (Some(0.4), Some(2.0), Some(5.0))
        );
        assert_eq!(thin.counted(), None);
        let json = serde_json::to_string(&thin).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"value":0.4,"num":2,"den":5,"thin":true,"reason":"only 5 replies"}"#
        );
        let read: Metric = serde_json::from_str(r#"{"value":0.4,"num":2,"den":5}"#).unwrap();
        assert!(!read.thin, "a metric without the field is not thin");
        assert_eq!(read.counted().map(|c| c.den), Some(5.0));
        let null = Metric::unobservable("none").thinned("thin");
        assert_eq!((null.thin, null.reason.as_deref()), (false, Some("none")));
    }
}
