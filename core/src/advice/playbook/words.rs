//! How the steps' sentences quote numbers and people.

use crate::model::metric::Counted;
use crate::model::schema::PersonRef;
use crate::model::words::{n, pct};

/// The numbers a step quotes from one counted measure: "34", "120" and "28%". Every
/// number in a step's *why* comes from here or from the group's counts, so each sentence
/// can later say which field it quotes.
pub struct Quoted {
    pub num: String,
    pub den: String,
    pub share: String,
}

pub fn of(c: &Counted) -> Quoted {
    Quoted {
        num: n(Some(c.num)),
        den: n(Some(c.den)),
        share: pct(Some(c.value)),
    }
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
