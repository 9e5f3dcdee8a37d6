//! The sentence for a report with no newcomer, shared by the page's *Newcomers* panel and
//! the CLI's summary (docs/METRICS.md §11).

use crate::measure::newcomers::NEWCOMER_FROM_DAY;
use crate::model::words::plural;

/// Why a report has no newcomer, given the export's span in `days`. An export of two weeks
/// or less cannot hold one (a newcomer first writes after the first two weeks), which is
/// not the same as nobody new: the first case is "not observable", the second "none yet".
pub fn no_newcomers(days: u64) -> String {
    if days as i64 <= NEWCOMER_FROM_DAY {
        format!(
            "Not observable in this export: it covers {}, and a newcomer is someone whose \
             first message comes after the first two weeks. Export a longer period to see them.",
            plural(days, "day", "days")
        )
    } else {
        "No newcomers yet: nobody's first message came after the export's first two weeks."
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::no_newcomers;

    #[test]
    fn a_short_export_says_newcomers_cannot_be_seen_not_that_there_are_none() {
        let short = no_newcomers(2);
        assert!(short.starts_with("Not observable in this export: it covers 2 days"));
        assert!(no_newcomers(1).contains("covers 1 day,"));
        assert!(no_newcomers(14).starts_with("Not observable"));
        assert!(no_newcomers(15).starts_with("No newcomers yet"));
    }
}
