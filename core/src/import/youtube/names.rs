//! People found by the display name an `@` names: YouTube comments and live chat name
//! whom they answer that way, with no id.

use std::collections::HashMap;

use crate::model::{Dataset, PersonIdx};

/// Longest display name, in words, an `@` is matched against ("@Kun Liu thanks").
const MAX_NAME_WORDS: usize = 4;

/// Known people by display name, lowercased and without a leading `@`. A name several
/// people share resolves to nobody, rather than to a guess.
#[derive(Default)]
pub(in crate::import) struct Names(HashMap<String, Option<PersonIdx>>);

impl Names {
    /// Every person of `dataset` by display name.
    pub(in crate::import) fn of(dataset: &Dataset) -> Names {
        let mut names = Names::default();
        for (idx, person) in dataset.people.iter().enumerate() {
            names.add(&person.display_name, idx as PersonIdx);
        }
        names
    }

    /// Adds `person` under `display_name` (a blank name is not added; a name already
    /// taken by someone else then resolves to nobody).
    pub(in crate::import) fn add(&mut self, display_name: &str, person: PersonIdx) {
        let key = display_name.trim_start_matches('@').to_lowercase();
        if key.is_empty() {
            return;
        }
        self.0
            .entry(key)
            .and_modify(|p| {
                if *p != Some(person) {
                    *p = None;
                }
            })
            .or_insert(Some(person));
    }

    /// The person whose name starts `text` (the text after an `@`), longest name first,
    /// ending at a space or punctuation: "kun liu, thanks" finds "Kun Liu".
    pub(in crate::import) fn resolve(&self, text: &str) -> Option<PersonIdx> {
        let mut ends: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| c.is_whitespace())
            .map(|(at, _)| at)
            .take(MAX_NAME_WORDS)
            .collect();
        if ends.len() < MAX_NAME_WORDS {
            ends.push(text.len());
        }
        ends.iter().rev().find_map(|&end| {
            let word = text.get(..end)?;
            let word = word.trim_end_matches([',', ':', '.', '!', '?']);
            self.0.get(&word.to_lowercase()).copied().flatten()
        })
    }

    /// The known people named by an `@` after white space (not the one opening `text`),
    /// each once, leaving out `addressee`.
    pub(in crate::import) fn mentioned(
        &self,
        text: &str,
        addressee: Option<PersonIdx>,
    ) -> Vec<PersonIdx> {
        let mut mentions: Vec<PersonIdx> = Vec::new();
        for (at, _) in text.match_indices('@').filter(|&(at, _)| at > 0) {
            let before = text.get(..at).unwrap_or("");
            if !before.ends_with(char::is_whitespace) {
                continue;
            }
            let found = self.resolve(text.get(at + 1..).unwrap_or(""));
            if let Some(person) = found.filter(|p| !mentions.contains(p) && Some(*p) != addressee) {
                mentions.push(person);
            }
        }
        mentions
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    #[test]
    fn names_resolve_longest_and_refuse_ambiguity() {
        let mut d = Dataset::default();
        for (id, name) in [("1", "Kun Liu"), ("2", "Kun"), ("3", "Sam"), ("4", "sam")] {
            d.intern_person(Person::named(id, name));
        }
        let names = Names::of(&d);
        assert_eq!(names.resolve("kun liu, yes"), Some(0));
        assert_eq!(names.resolve("Kun! yes"), Some(1));
        assert_eq!(names.resolve("sam hi"), None, "two people are called sam");
        assert_eq!(names.resolve(""), None);
        assert_eq!(
            names.mentioned("@kun hi @Kun Liu and @kun", None),
            vec![0, 1]
        );
        assert_eq!(names.mentioned("cc @kun", Some(1)), Vec::<PersonIdx>::new());
    }
}
