//! [`SameNetwork`]: an analysis as the key of the drawing's memos, changing only when its
//! network does.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::app::analysis::PageAnalysis;
use crate::app::shared::Shared;

/// An analysis compared by its network: equal when both are the same analysis, share one
/// network, or hold networks equal field by field. A later part of the same analysis (the
/// score's interval on a big export) comes as a copy sharing the network; keyed by this,
/// the search, the filters' selection and the canvas scene are kept instead of rebuilt,
/// which on the 1 M-message export was 0.7 s on the page's thread. Comparing is one pass
/// over the people, ties and tie times, and stops at the first difference; the last two
/// analyses compared and their answer are remembered ([`LAST`]), as a dozen memos ask the
/// same question in one render (about 2 ms each at 1 M). Networks are compared field by
/// field only when they are two copies, as after a choice re-analyses the same files.
#[derive(Debug, Clone)]
pub struct SameNetwork(pub Shared<PageAnalysis>);

impl PartialEq for SameNetwork {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.0 .0, &other.0 .0);
        // A later part of the same analysis shares its network (see `PageAnalysis`).
        if Rc::ptr_eq(a, b) || Rc::ptr_eq(&a.network, &b.network) {
            return true;
        }
        let known = LAST.with_borrow(|last| {
            let (x, y, same) = last.as_ref()?;
            ((is(x, a) && is(y, b)) || (is(x, b) && is(y, a))).then_some(*same)
        });
        known.unwrap_or_else(|| {
            let same = a.network == b.network;
            LAST.set(Some((Rc::downgrade(a), Rc::downgrade(b), same)));
            same
        })
    }
}

/// Whether `w` points at `r`'s analysis.
fn is(w: &Weak<PageAnalysis>, r: &Rc<PageAnalysis>) -> bool {
    std::ptr::eq(w.as_ptr(), Rc::as_ptr(r))
}

/// Two analyses compared, and whether their networks were equal.
type Compared = (Weak<PageAnalysis>, Weak<PageAnalysis>, bool);

thread_local! {
    /// The last two analyses [`SameNetwork`] compared field by field, and whether their
    /// networks were equal. Held weakly: the analyses may go, and their addresses are not
    /// reused while a `Weak` to them lives, so a pair found here is that pair.
    static LAST: RefCell<Option<Compared>> = const { RefCell::new(None) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use peerscope_core::import::sample;
    use peerscope_core::model::options::Options;
    use peerscope_core::report::analyze::analyze;

    fn sample_analysis() -> PageAnalysis {
        analyze(&sample::inputs(), &Options::default())
            .unwrap()
            .into()
    }

    /// The same analysis again, its network and people copied rather than shared.
    fn copied(analysis: &PageAnalysis) -> PageAnalysis {
        analysis.to_core().into()
    }

    #[test]
    fn a_copy_with_another_report_is_the_same_network() {
        let first = Shared::new(sample_analysis());
        let mut later = (*first).clone();
        later.report.verdict.score = later.report.verdict.score.map(|s| s + 1.0);
        let later = Shared::new(later);
        assert!(first != later, "two copies are two analyses");
        assert_eq!(SameNetwork(first.clone()), SameNetwork(later));
        assert_eq!(SameNetwork(first.clone()), SameNetwork(first.clone()));
        assert_eq!(
            SameNetwork(first.clone()),
            SameNetwork(Shared::new(copied(&first)))
        );
    }

    #[test]
    fn asked_again_either_way_round_the_answer_is_the_same() {
        let first = Shared::new(sample_analysis());
        let later = Shared::new(copied(&first));
        let mut moved = copied(&first);
        Rc::make_mut(&mut moved.network).nodes[0].x += 0.01;
        let moved = Shared::new(moved);
        for _ in 0..2 {
            assert_eq!(SameNetwork(first.clone()), SameNetwork(later.clone()));
            assert_eq!(SameNetwork(later.clone()), SameNetwork(first.clone()));
            assert_ne!(SameNetwork(first.clone()), SameNetwork(moved.clone()));
            assert_ne!(SameNetwork(moved.clone()), SameNetwork(later.clone()));
        }
    }

    #[test]
    fn a_moved_person_or_a_tie_more_is_another_network() {
        let first = Shared::new(sample_analysis());
        let mut moved = (*first).clone();
        Rc::make_mut(&mut moved.network).nodes[0].x += 0.01;
        assert_ne!(SameNetwork(first.clone()), SameNetwork(Shared::new(moved)));
        let mut heavier = (*first).clone();
        Rc::make_mut(&mut heavier.network).edges[0].weight += 1;
        assert_ne!(SameNetwork(first), SameNetwork(Shared::new(heavier)));
    }
}
