//! The parts of a big export's analysis that come after its verdict, added to the report
//! on screen as they arrive.

use std::rc::Rc;

use super::{Shown, State};
use crate::app::analysis::PageAnalysis;
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
    /// The report on screen with `part` added, if it answers request `id`. A new analysis
    /// that shares the old one's network and people unless `part` replaces them, and
    /// copies its report unless `part` is the report (see [`PageAnalysis`]); the old one
    /// goes when nothing draws it any more.
    pub(super) fn completed(&self, id: u32, part: Part) -> Option<State> {
        let shown = self.shown.as_ref().filter(|s| s.request.id == id)?;
        let old = &shown.analysis;
        let (mut network, mut participants) =
            (Rc::clone(&old.network), Rc::clone(&old.participants));
        let mut report = None;
        let laid_out = match part {
            Part::Network(laid) => {
                network = Rc::new(laid);
                true
            }
            Part::Interval(later) => {
                report = Some(*later);
                shown.laid_out
            }
            Part::People(people) => {
                participants = Rc::new(people);
                shown.laid_out
            }
        };
        let analysis = PageAnalysis {
            report: report.unwrap_or_else(|| old.report.clone()),
            network,
            participants,
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
    use peerscope_core::model::options::{Goal, HostChoice, Options, Profile};
    use peerscope_core::report::analyze::{analyze_in_stages, Analysis, Stage};
    use yew::Reducible;

    /// The sample's analysis as the worker sends it: the verdict, the network, the interval.
    fn staged(options: &Options) -> (PageAnalysis, NetworkView, Report) {
        let data = import(&sample::inputs(), None).unwrap();
        let (mut first, mut network, mut later) = (None, None, None);
        analyze_in_stages(&data, options, &mut |stage| match stage {
            Stage::Verdict(a) => first = Some(a.clone()),
            Stage::Laid(n) => network = Some(n.clone()),
            Stage::Interval(r) => later = Some(r.clone()),
        })
        .unwrap();
        let first: Analysis = first.unwrap();
        (first.into(), network.unwrap(), later.unwrap())
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
        let laid = state.shown.clone().unwrap();
        assert!(laid.laid_out);
        assert_eq!(laid.analysis.network.nodes.len(), nodes);
        assert!(laid.analysis.report.verdict.interval.is_none());
        let state = state.reduce(Action::Completed {
            id,
            part: Part::Interval(Box::new(later)),
        });
        let shown = state.shown.clone().unwrap();
        assert!(shown.laid_out, "the interval keeps the layout");
        assert!(shown.analysis.report.verdict.interval.is_some());
        assert!(
            shown.analysis != laid.analysis,
            "a new analysis, so the report renders"
        );
        let (was, is) = (&laid.analysis, &shown.analysis);
        assert!(
            Rc::ptr_eq(&was.network, &is.network),
            "the network is shared"
        );
        assert!(Rc::ptr_eq(&was.participants, &is.participants));
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

    /// The sample's report on screen with its network (request `old`), then a new goal
    /// asked: what the page holds when a choice re-analyses a big export's kept files.
    fn re_analysing() -> (Rc<State>, u32, Shared<PageAnalysis>, NetworkView, Report) {
        let state = Rc::new(State::with_sample());
        let (first, network, later) = staged(&state.asked.options);
        let (old, verdict) = (state.asked.id, Shared::new(first));
        let state = state
            .reduce(Action::Verdict {
                id: old,
                analysis: verdict.clone(),
            })
            .reduce(Action::Completed {
                id: old,
                part: Part::Network(network.clone()),
            })
            .reduce(Action::SetGoal(Goal::Reach));
        (state, old, verdict, network, later)
    }

    /// The orders the importer can deliver parts in while a choice re-analyses the kept
    /// files: each part lands on its own report or nowhere, the new report gets its own
    /// network, and a choice made meanwhile never snaps back.
    #[test]
    fn late_parts_of_the_last_analysis_never_touch_the_next_nor_its_choices() {
        let (state, old, verdict, network, later) = re_analysing();
        let part = |id, part| Action::Completed { id, part };
        let new = state.asked.id;
        // The old interval lands on the old report; the re-analysis still runs.
        let state = state.reduce(part(old, Part::Interval(Box::new(later))));
        assert_eq!((state.asked.id, state.options().goal), (new, Goal::Reach));
        assert_eq!(state.shown.as_ref().unwrap().request.id, old);
        let state = state.reduce(Action::Verdict {
            id: new,
            analysis: verdict,
        });
        let shown = state.shown.clone().unwrap();
        assert!(!shown.laid_out && shown.request.id == new);
        // Old parts after the new verdict are dropped, not laid on the new report.
        for stale in [Part::People(Vec::new()), Part::Network(network.clone())] {
            let after = Rc::clone(&state).reduce(part(old, stale));
            assert!(Rc::ptr_eq(&after, &state), "a stale part changed the page");
        }
        // A profile picked while the new network is laid out keeps the new goal, and the
        // new network still lands on the new report.
        let state = state
            .reduce(Action::SetProfile(Profile::Startup))
            .reduce(part(new, Part::Network(network)));
        assert_eq!(state.asked.options.goal, Goal::Reach);
        let shown = state.shown.clone().unwrap();
        assert!(shown.laid_out && shown.request.id == new);
    }

    /// The importer fails the job whose network a dead worker was laying out: the page
    /// says so under that job's verdict, and the next choice starts from its choices.
    #[test]
    fn a_worker_dying_after_the_verdict_is_said_and_keeps_the_choices() {
        let (state, _, verdict, _, _) = re_analysing();
        let new = state.asked.id;
        let state = state
            .reduce(Action::Verdict {
                id: new,
                analysis: verdict,
            })
            .reduce(Action::Analysed {
                id: new,
                result: Err("stopped".into()),
            });
        assert_eq!(state.error.as_deref(), Some("stopped"));
        assert!(state.loading.is_none() && state.shown.as_ref().unwrap().request.id == new);
        let state = state.reduce(Action::SetHosts(HostChoice::None));
        assert_eq!(state.asked.options.goal, Goal::Reach, "the goal stays");
    }
}
