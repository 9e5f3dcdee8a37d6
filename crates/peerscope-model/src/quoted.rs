//! Sentences that quote measures (docs/METRICS.md §10, "one number everywhere"): each
//! number is formatted by the shared rounding ([`crate::shown`]) and recorded with
//! the report field it comes from at the same time, so a sentence and its quotes cannot
//! drift apart.

use serde::{Deserialize, Serialize};

use crate::shown;

/// One number a sentence shows: the report path of the measure (`metrics.host_share`,
/// `metrics.resilience.num`, `counts.members`, `structure.groups.0`) and the exact text
/// shown for it ("58%", "12", "0.63").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub field: String,
    pub shown: String,
}

/// A sentence and the numbers it quotes, in the order they appear.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quoted {
    pub text: String,
    pub quotes: Vec<Quote>,
}

impl Quoted {
    /// A sentence that quotes no measure.
    pub fn plain(text: impl Into<String>) -> Quoted {
        Quoted {
            text: text.into(),
            quotes: Vec::new(),
        }
    }
}

/// Formats the numbers of one sentence and remembers each one's field.
///
/// Call a formatting method for every number inside the `format!` that writes the
/// sentence, then [`Quoter::say`] with the result.
#[derive(Debug, Default)]
pub struct Quoter {
    quotes: Vec<Quote>,
}

impl Quoter {
    /// A share in 0..=1 as a whole percentage ("58%"), rounded half away from zero.
    pub fn share(&mut self, field: &str, value: f64) -> String {
        self.keep(field, format!("{}%", shown::percent(value)))
    }

    /// A count as a whole number ("12"), rounded half away from zero.
    pub fn count(&mut self, field: &str, value: f64) -> String {
        self.keep(field, format!("{}", value.round() as i64))
    }

    /// A rate or coefficient with `places` decimals ("0.63"), rounded half away from zero.
    pub fn decimal(&mut self, field: &str, value: f64, places: u8) -> String {
        self.keep(field, shown::decimal(value, places))
    }

    /// The sentence written with the numbers this quoter formatted.
    pub fn say(self, text: String) -> Quoted {
        debug_assert!(
            self.quotes.iter().all(|q| text.contains(&q.shown)),
            "a quote is missing from {text:?}"
        );
        Quoted {
            text,
            quotes: self.quotes,
        }
    }

    fn keep(&mut self, field: &str, shown: String) -> String {
        self.quotes.push(Quote {
            field: field.to_string(),
            shown: shown.clone(),
        });
        shown
    }
}

/// The report path of a measure's value, numerator or denominator: `metrics.<key>`,
/// `metrics.<key>.num`, `metrics.<key>.den`.
pub fn metric(key: &str) -> String {
    format!("metrics.{key}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_and_its_quotes_come_from_one_call() {
        let mut q = Quoter::default();
        let said = format!(
            "{} of {} ({}), centralization {}.",
            q.count("metrics.x.num", 33.5),
            q.count("metrics.x.den", 120.0),
            q.share("metrics.x", 0.2792),
            q.decimal("metrics.c", 0.125, 2),
        );
        let said = q.say(said);
        assert_eq!(said.text, "34 of 120 (28%), centralization 0.13.");
        let shown: Vec<&str> = said.quotes.iter().map(|q| q.shown.as_str()).collect();
        assert_eq!(shown, ["34", "120", "28%", "0.13"]);
        assert_eq!(said.quotes[0].field, "metrics.x.num");
        assert!(Quoted::plain("no numbers").quotes.is_empty());
    }
}
