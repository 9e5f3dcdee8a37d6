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

/// "Ana", "Ana and Bo", "Ana, Bo and Cy"; empty for nobody. A name that holds a comma
/// ("Angie, Earth Carer.") is put in quotes, or the reader would count two people.
pub fn names(people: &[PersonRef]) -> String {
    let list: Vec<String> = people.iter().map(|p| one_name(&p.name)).collect();
    match list.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// A name as a list shows it: in quotes when it holds a comma or the word "and" would
/// read as the list's own.
fn one_name(name: &str) -> String {
    if name.contains(',') || name.contains(" and ") {
        format!("\u{201c}{name}\u{201d}")
    } else {
        name.to_string()
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

/// ", among them Ana and Bo." after a count of `count` people, ": Ana and Bo." when
/// they are all named, or "." when none is.
pub fn among(people: &[PersonRef], count: u64) -> String {
    if people.is_empty() {
        ".".to_string()
    } else if people.len() as u64 == count {
        format!(": {}", sentence_end(&names(people)))
    } else {
        format!(", among them {}", sentence_end(&names(people)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(names: &[&str]) -> Vec<PersonRef> {
        names
            .iter()
            .map(|n| PersonRef {
                id: (*n).to_string(),
                name: (*n).to_string(),
            })
            .collect()
    }

    #[test]
    fn a_name_with_a_comma_is_quoted_so_the_list_counts_right() {
        let four = people(&["Angie, Earth Carer.", "Alain", "Jackie Jude", "Julie"]);
        assert_eq!(
            names(&four),
            "\u{201c}Angie, Earth Carer.\u{201d}, Alain, Jackie Jude and Julie"
        );
        assert_eq!(
            names(&people(&["Ana and Bo"])),
            "\u{201c}Ana and Bo\u{201d}"
        );
        assert_eq!(names(&people(&["Ana", "Bo"])), "Ana and Bo");
    }

    #[test]
    fn among_says_so_only_when_some_are_left_unnamed() {
        let two = people(&["Ana", "Bo"]);
        assert_eq!(among(&two, 5), ", among them Ana and Bo.");
        assert_eq!(among(&two, 2), ": Ana and Bo.");
        assert_eq!(among(&[], 3), ".");
    }
}
