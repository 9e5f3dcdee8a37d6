//! How the page starts: choices passed in the address (`?profile=startup&goal=reach`), by
//! the embed script (`&embed=1`) or by the JS API's `mount`.
//!
//! Unknown keys and values are ignored: a bad link still opens the page with the defaults.

use crate::options::{Goal, Profile};

/// The choices a page opens with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Start {
    pub profile: Profile,
    pub goal: Goal,
    /// Inside someone else's page (the embed widget): compact, and it reports its height.
    pub embedded: bool,
    /// Pseudonyms instead of names from the first report on.
    pub anonymise: bool,
}

impl Start {
    /// Reads a query string, with or without its leading `?`, e.g.
    /// `?profile=creator&goal=connection&embed=1&anonymise=1`.
    pub fn from_query(query: &str) -> Start {
        let mut start = Start::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            start.set(key, value);
        }
        start
    }

    /// Applies one `key=value`; unknown keys and values change nothing.
    pub fn set(&mut self, key: &str, value: &str) {
        match key {
            "profile" => self.profile = Profile::parse(value).unwrap_or(self.profile),
            "goal" => self.goal = Goal::parse(value).unwrap_or(self.goal),
            "embed" => self.embedded = flag(value),
            "anonymise" | "anonymize" => self.anonymise = flag(value),
            _ => {}
        }
    }

    /// The page's own address, in the browser (defaults when there is none).
    pub fn from_location() -> Start {
        gloo::utils::window()
            .location()
            .search()
            .map(|query| Start::from_query(&query))
            .unwrap_or_default()
    }
}

/// `1`, `true`, `yes`, `on` or nothing at all (`?embed`) mean yes.
fn flag(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "" | "1" | "true" | "yes" | "on"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_choices_and_ignores_the_rest() {
        let start = Start::from_query("?profile=Startup&goal=reach&embed=1&x=y&anonymise");
        assert_eq!(start.profile, Profile::Startup);
        assert_eq!(start.goal, Goal::Reach);
        assert!(start.embedded && start.anonymise);
        let bad = Start::from_query("profile=cat&goal=&embed=0");
        assert_eq!(bad, Start::default());
        assert_eq!(Start::from_query(""), Start::default());
    }
}
