//! [`use_picked`]: who the network panel's search finds and what its filters keep, each
//! remembered until what it depends on changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::shared::Shared;
use crate::network::same_network::SameNetwork;
use peerscope_core::draw::view::explore::{search, select, Filter, Selection};
use peerscope_core::draw::view::NetworkView;

/// What the filters and the search pick out of the network shown.
pub struct Picked {
    /// The people the search found (indices into the network shown).
    pub found: Rc<Vec<usize>>,
    pub selection: Rc<Selection>,
}

/// The search's matches and the filters' selection, each recomputed only when what it
/// depends on changes (the search text moves the selection only when it can change it).
#[hook]
pub fn use_picked(
    analysis: &Shared<PageAnalysis>,
    removed: bool,
    filter: Filter,
    query: &str,
    shown: &NetworkView,
) -> Picked {
    let found = use_memo(
        (SameNetwork(analysis.clone()), removed, query.to_string()),
        |(_, _, query)| search(shown, query),
    );
    let total = shown.nodes.len();
    let matters = filter.hide_isolates || filter.limit.is_some_and(|limit| total > limit);
    let key = if matters {
        query.to_string()
    } else {
        String::new()
    };
    let selection = use_memo(
        (SameNetwork(analysis.clone()), removed, filter, key),
        |(_, _, filter, _)| select(shown, filter, &found),
    );
    Picked { found, selection }
}
