//! The parts of a big export's analysis that come after its verdict, added to the report
//! on screen as they arrive.

use std::rc::Rc;

use super::{Shown, State};
use crate::app::shared::Shared;
use peerscope_core::draw::view::NetworkView;
use peerscope_core::model::schema::{PersonRef, Report};

/// A part of an analysis that comes after its verdict (see [`super::Action::Verdict`]).
#[derive(Debug)]
pub enum Part {
    /// The network, laid out.
    Network(NetworkView),
    /// The report with the score's interval (docs/METRICS.md §10) and the trend (§11),
    /// boxed: it is most of an [`super::Action`]'s size otherwise.
    Interval(Box<Report>),
    /// Every participant, most talked-to first: the verdict comes with the first few (the
    /// host list's), these read back in a task of their own (`src/import/importer.rs`).
    People(Vec<PersonRef>),
}

impl State {
    /// The report on screen with `part` added, if it answers request `id`. A copy: the old
    /// analysis goes when nothing draws it any more.
    pub(super) fn completed(&self, id: u32, part: Part) -> Option<State> {
        let shown = self.shown.as_ref().filter(|s| s.request.id == id)?;
        let mut analysis = (*shown.analysis).clone();
        let laid_out = match part {
            Part::Network(network) => {
                analysis.network = network;
                true
            }
            Part::Interval(report) => {
                analysis.report = *report;
                shown.laid_out
            }
            Part::People(people) => {
                analysis.participants = people;
                shown.laid_out
            }
        };
        let shown = Shown {
            request: Rc::clone(&shown.request),
            analysis: Shared::new(analysis),
            laid_out,
        };
        Some(State {
            shown: Some(shown),
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Action, Inputs};
    use super::*;
    use peerscope_core::import::{import, sample};
    use peerscope_core::model::options::{Goal, Options};
    use peerscope_core::report::analyze::{analyze_in_stages, Analysis, Stage};
    use yew::Reducible;

    /// The sample's analysis as the worker sends it: the verdict, the network, the interval.
    fn staged(options: &Options) -> (Analysis, NetworkView, Report) {
        let data = import(&sample::inputs(), None).unwrap();
        let (mut first, mut network, mut later) = (None, None, None);
        analyze_in_stages(&data, options, &mut |stage| match stage {
            Stage::Verdict(a) => first = Some(a.clone()),
            Stage::Laid(n) => network = Some(n.clone()),
            Stage::Interval(r) => later = Some(r.clone()),
        })
        .unwrap();
        (first.unwrap(), network.unwrap(), later.unwrap())
    }

    #[test]
    fn the_verdict_shows_first_and_the_layout_and_interval_complete_it() {
        let state = Rc::new(State::with_sample());
        assert!(matches!(state.asked.inputs, Inputs::Sample));
        let (first, network, later) = staged(&state.asked.options);
        let nodes = network.nodes.len();
        let id = state.asked.id;
        let state = state.reduce(Action::Verdict {
            id,
            analysis: Shared::new(first),
        });
        let shown = state.shown.clone().unwrap();
        assert!(!shown.laid_out && shown.analysis.network.nodes.is_empty());
        assert!(state.loading.is_none() && state.error.is_none());
        let state = state.reduce(Action::Completed {
            id,
            part: Part::Network(network),
        });
        let shown = state.shown.clone().unwrap();
        assert!(shown.laid_out);
        assert_eq!(shown.analysis.network.nodes.len(), nodes);
        assert!(shown.analysis.report.verdict.interval.is_none());
        let state = state.reduce(Action::Completed {
            id,
            part: Part::Interval(Box::new(later)),
        });
        let shown = state.shown.clone().unwrap();
        assert!(shown.laid_out, "the interval keeps the layout");
        assert!(shown.analysis.report.verdict.interval.is_some());
        assert_eq!(shown.analysis.network.nodes.len(), nodes);
    }

    #[test]
    fn a_later_part_lands_on_its_own_report_even_past_a_newer_request() {
        let state = Rc::new(State::with_sample());
        let (first, network, _) = staged(&state.asked.options);
        let id = state.asked.id;
        let state = state
            .reduce(Action::Verdict {
                id,
                analysis: Shared::new(first),
            })
            .reduce(Action::SetGoal(Goal::Reach));
        assert_ne!(state.asked.id, id, "a newer request runs");
        let stale = Rc::clone(&state).reduce(Action::Completed {
            id: id.wrapping_add(7),
            part: Part::Network(network.clone()),
        });
        assert!(
            Rc::ptr_eq(&stale, &state),
            "a part of no report on screen is dropped"
        );
        let state = state.reduce(Action::Completed {
            id,
            part: Part::Network(network),
        });
        let shown = state.shown.clone().unwrap();
        assert!(shown.laid_out && shown.request.id == id);
        assert_eq!(state.options().goal, Goal::Reach, "the newer choice stays");
    }
}
