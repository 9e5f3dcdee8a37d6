//! How the steps' sentences quote numbers and people.

use crate::model::metric::Counted;
use crate::model::quoted::Quoter;
use crate::model::schema::PersonRef;

// Every number in a step's *why* is written by one of these, each recording the report
// field it shows (`metrics.<key>` for a measure, with `.num`/`.den` for its counts), so
// the step's `quotes` can be held against the report.

/// A measure's numerator as a whole number ("34").
pub fn num(q: &mut Quoter, metric: &str, c: &Counted) -> String {
    q.count(&format!("{metric}.num"), c.num)
}

/// A measure's denominator as a whole number ("120").
pub fn den(q: &mut Quoter, metric: &str, c: &Counted) -> String {
    q.count(&format!("{metric}.den"), c.den)
}

/// A measure's value as a whole percentage ("28%").
pub fn share(q: &mut Quoter, metric: &str, c: &Counted) -> String {
    q.share(metric, c.value)
}

/// A count with its noun, "1 day" or "12 days" (0 takes the plural), the count quoted as
/// `field`.
pub fn counted(q: &mut Quoter, field: &str, count: u64, one: &str, many: &str) -> String {
    let noun = if count == 1 { one } else { many };
    format!("{} {noun}", q.count(field, count as f64))
}

/// "Ana", "Ana and Bo", "Ana, Bo and Cy"; empty for nobody.
pub fn names(people: &[PersonRef]) -> String {
    let list: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    match list.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Ends a sentence after a list of names without doubling a name's own full stop.
pub fn sentence_end(text: &str) -> String {
    if text.ends_with('.') {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// ", among them Ana and Bo." after a count of people, or "." when none is named.
pub fn among(people: &[PersonRef]) -> String {
    if people.is_empty() {
        ".".to_string()
    } else {
        format!(", among them {}", sentence_end(&names(people)))
    }
}
