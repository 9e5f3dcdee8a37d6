//! How the page starts: choices passed in the address (`?profile=startup&goal=reach`), by
//! the embed script (`&embed=1`) or by the JS API's `mount`.
//!
//! Unknown keys and values are ignored: a bad link still opens the page with the defaults.
//!
//! Three keys exist for tests and measurements: `max-bytes=N` lowers the size limit on
//! picked and dropped files to `N` bytes, and `max-whole-bytes=N` the limit on files read
//! whole (never raising them, see [`crate::import::limit::Limits::lowered`]), so the refusals
//! are checked without writing gigabytes; `worker=0` reads files on the main thread as if
//! no worker could start.

use peerscope_core::model::options::{Goal, Profile};

/// The choices a page opens with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Start {
    pub profile: Profile,
    pub goal: Goal,
    /// Inside someone else's page (the embed widget): compact, and it reports its height.
    pub embedded: bool,
    /// Pseudonyms instead of names from the first report on.
    pub anonymise: bool,
    /// A lower size limit for picked and dropped files, in bytes (`max-bytes=N`).
    pub max_bytes: Option<u64>,
    /// A lower size limit for files read whole, in bytes (`max-whole-bytes=N`).
    pub max_whole_bytes: Option<u64>,
    /// Read files on the main thread, never in a worker (`worker=0`).
    pub no_worker: bool,
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
            "max-bytes" => self.max_bytes = value.trim().parse().ok().or(self.max_bytes),
            "max-whole-bytes" => {
                self.max_whole_bytes = value.trim().parse().ok().or(self.max_whole_bytes)
            }
            "worker" => self.no_worker = !flag(value),
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
        let start = Start::from_query(
            "?profile=Startup&goal=reach&embed=1&x=y&anonymise&max-bytes=900&max-whole-bytes=90",
        );
        assert_eq!(start.profile, Profile::Startup);
        assert_eq!(start.goal, Goal::Reach);
        assert!(start.embedded && start.anonymise);
        assert_eq!(start.max_bytes, Some(900));
        assert_eq!(start.max_whole_bytes, Some(90));
        assert!(!start.no_worker);
        assert!(Start::from_query("worker=0").no_worker);
        let bad = Start::from_query("profile=cat&goal=&embed=0&max-bytes=lots");
        assert_eq!(bad, Start::default());
        assert_eq!(Start::from_query(""), Start::default());
    }
}
