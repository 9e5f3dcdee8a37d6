//! [`SameNetwork`]: an analysis as the key of the drawing's memos, changing only when its
//! network does.

use crate::app::shared::Shared;
use peerscope_core::report::analyze::Analysis;

/// An analysis compared by its network: equal when both are the same analysis, or when
/// their networks are equal field by field. A later part of the same analysis (the score's
/// interval on a big export) comes as a copy with the network unchanged; keyed by this,
/// the search, the filters' selection and the canvas scene are kept instead of rebuilt,
/// which on the 1 M-message export was 0.7 s on the page's thread. Comparing is one pass
/// over the people, ties and tie times, and stops at the first difference.
#[derive(Debug, Clone)]
pub struct SameNetwork(pub Shared<Analysis>);

impl PartialEq for SameNetwork {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0 || self.0.network == other.0.network
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use peerscope_core::import::sample;
    use peerscope_core::model::options::Options;
    use peerscope_core::report::analyze::analyze;

    fn sample_analysis() -> Analysis {
        analyze(&sample::inputs(), &Options::default()).unwrap()
    }

    #[test]
    fn a_copy_with_another_report_is_the_same_network() {
        let first = Shared::new(sample_analysis());
        let mut later = (*first).clone();
        later.report.verdict.score = later.report.verdict.score.map(|s| s + 1.0);
        let later = Shared::new(later);
        assert!(first != later, "two copies are two analyses");
        assert_eq!(SameNetwork(first.clone()), SameNetwork(later));
        assert_eq!(SameNetwork(first.clone()), SameNetwork(first));
    }

    #[test]
    fn a_moved_person_or_a_tie_more_is_another_network() {
        let first = Shared::new(sample_analysis());
        let mut moved = (*first).clone();
        moved.network.nodes[0].x += 0.01;
        assert_ne!(SameNetwork(first.clone()), SameNetwork(Shared::new(moved)));
        let mut heavier = (*first).clone();
        heavier.network.edges[0].weight += 1;
        assert_ne!(SameNetwork(first), SameNetwork(Shared::new(heavier)));
    }
}
