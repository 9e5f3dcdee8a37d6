//! The "remove the host" sentence the page shows beside its switch: the resilience test of
//! docs/METRICS.md §4 in words, quoting its numbers (§10).

use crate::model::metric::Metric;
use crate::model::quoted::{Quoted, Quoter};

/// "Without you, 21 of 53 members who talk here are still connected to each other." With
/// no host, it names the most connected person (`stand_in`) the test removes instead. A
/// thin or null resilience is never quoted: the sentence gives its reason instead.
pub fn step_away(resilience: &Metric, stand_in: Option<&str>) -> Quoted {
    let Some(c) = resilience.counted() else {
        let text = if resilience.thin {
            format!(
                "Too little conversation for this test to say much yet: {}.",
                resilience
                    .reason
                    .as_deref()
                    .unwrap_or("too few members talk here")
            )
        } else {
            format!(
                "The test cannot be made: {}.",
                resilience.reason.as_deref().unwrap_or("nobody talks here")
            )
        };
        return Quoted::plain(text);
    };
    let mut q = Quoter::default();
    let num = q.count("metrics.resilience.num", c.num);
    let den = q.count("metrics.resilience.den", c.den);
    let text = match stand_in {
        Some(name) => format!(
            "Without the most connected person, {name}, {num} of {den} people who talk here are still connected to each other."
        ),
        None => format!(
            "Without you, {num} of {den} members who talk here are still connected to each other."
        ),
    };
    q.say(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_the_test_or_says_why_it_cannot() {
        let r = Metric::observed(0.4, 21.0, 53.0);
        let said = step_away(&r, None);
        assert_eq!(
            said.text,
            "Without you, 21 of 53 members who talk here are still connected to each other."
        );
        assert_eq!(said.quotes.len(), 2);
        assert!(step_away(&r, Some("Arjun"))
            .text
            .contains("person, Arjun, 21 of 53"));
        let thin = step_away(&r.clone().thinned("only 3 members talk to another"), None);
        assert!(thin.quotes.is_empty() && thin.text.contains("only 3 members"));
    }
}
