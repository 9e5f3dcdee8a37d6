//! [`PageAnalysis`]: the analysis on screen, its network and people shared between the
//! copies the page makes as a big export's later parts arrive.

use std::rc::Rc;

use peerscope_core::draw::view::NetworkView;
use peerscope_core::model::schema::{PersonRef, Report};
use peerscope_core::report::analyze::Analysis;

/// The core's [`Analysis`] as the page holds it: the report as it is, the network and the
/// participants each behind an `Rc`.
///
/// A big export's analysis reaches the page in parts (the verdict, then the network, the
/// people and the score's interval, see [`crate::app::state::Part`]); each part makes a new
/// analysis, since the old one is still drawn until the next render. Cloning this one
/// copies the report (its lists are short or one entry a month) and shares the rest: on
/// the 1 M-message export the network (49 097 people with names, 365 206 ties and their
/// times) and the 49 097 participants took about 15 ms of the page's thread to copy, more
/// than half of the task in which the interval arrived (docs/PERFORMANCE.md, "The scene
/// in two tasks, session 13"). Nothing changes a shared part in place: a new network
/// comes as a new `Rc`.
#[derive(Debug, Clone)]
pub struct PageAnalysis {
    pub report: Report,
    /// The conversation graph, laid out, with roles; empty until a big export's layout
    /// arrives.
    pub network: Rc<NetworkView>,
    /// Every participant, most talked-to first (a big export's verdict comes with the first
    /// few, the rest a task later).
    pub participants: Rc<Vec<PersonRef>>,
}

impl PageAnalysis {
    /// The core's analysis, copied whole: for the core's functions that take one (the
    /// pseudonyms, which copy it anyway).
    pub fn to_core(&self) -> Analysis {
        Analysis {
            report: self.report.clone(),
            network: NetworkView::clone(&self.network),
            participants: Vec::clone(&self.participants),
        }
    }
}

impl From<Analysis> for PageAnalysis {
    /// Moves the parts in; nothing is copied.
    fn from(analysis: Analysis) -> PageAnalysis {
        PageAnalysis {
            report: analysis.report,
            network: Rc::new(analysis.network),
            participants: Rc::new(analysis.participants),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use peerscope_core::import::sample;
    use peerscope_core::model::options::Options;
    use peerscope_core::report::analyze::analyze;

    #[test]
    fn a_copy_shares_the_network_and_people_and_the_core_copy_is_the_same() {
        let core = analyze(&sample::inputs(), &Options::default()).unwrap();
        let page = PageAnalysis::from(core.clone());
        let copy = page.clone();
        assert!(Rc::ptr_eq(&page.network, &copy.network));
        assert!(Rc::ptr_eq(&page.participants, &copy.participants));
        let back = page.to_core();
        assert_eq!(back.network, core.network);
        assert_eq!(back.participants, core.participants);
        let json = |a: &Analysis| serde_json::to_string(&a.report).unwrap();
        assert_eq!(json(&back), json(&core));
    }
}
