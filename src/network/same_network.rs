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
