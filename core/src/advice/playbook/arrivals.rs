//! What the checklist reads of newcomers, questions and absence (docs/METRICS.md §11),
//! added to [`Signals`] after they are gathered.

use super::signals::{deleted_account, Signals, MAX_NAMED};
use crate::graph::scope::Scope;
use crate::measure::first_response::Questions;
use crate::measure::newcomers::Figures;
use crate::model::schema::{Absence, Newcomers, PersonRef};
use crate::model::PersonIdx;

/// Newcomers and the members who carry the conversation, as the steps name them.
#[derive(Debug, Clone, Default)]
pub struct Arrivals {
    /// The report's `newcomers` block (its waiting list already names only reachable
    /// people).
    pub newcomers: Option<Newcomers>,
    /// Members who welcomed newcomers first, most often first.
    pub greeters: Vec<PersonRef>,
    /// The report's `absence` block.
    pub absence: Option<Absence>,
    /// The people of `absence` a step may name (deleted accounts left out).
    pub carriers: Vec<PersonRef>,
}

impl<'a> Signals<'a> {
    /// These signals with the newcomers, questions and absence of the same scope filled
    /// in. The unanswered questions are those of the 72-hour rule; when their share does
    /// not count (null or thin), none is quoted.
    pub fn with_arrivals(
        mut self,
        scope: &Scope,
        figures: &Figures,
        questions: &Questions,
        absence: &Absence,
    ) -> Signals<'a> {
        let named = |p: PersonIdx| {
            let name = scope.data.display(p);
            (scope.data.nameable(p) && !deleted_account(name)).then(|| PersonRef {
                id: scope.data.id_of(p).to_string(),
                name: name.to_string(),
            })
        };
        let counts = self.metrics.unanswered_question_share.counted().is_some();
        let open = questions.askers.iter().map(|a| a.1).sum::<u64>();
        let askers = questions.askers.iter().filter_map(|a| named(a.0));
        self.unanswered = if counts {
            (askers.take(MAX_NAMED).collect(), open)
        } else {
            (Vec::new(), 0)
        };
        let greeters = figures.welcomers.iter().filter_map(|&p| named(p));
        self.arrivals = Arrivals {
            newcomers: Some(figures.newcomers.clone()),
            greeters: greeters.take(MAX_NAMED).collect(),
            absence: Some(absence.clone()),
            carriers: absence
                .people
                .iter()
                .filter(|p| !deleted_account(&p.name))
                .map(|p| PersonRef {
                    id: p.id.clone(),
                    name: p.name.clone(),
                })
                .collect(),
        };
        self
    }
}
