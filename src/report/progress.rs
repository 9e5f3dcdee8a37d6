//! The checklist with memory: ticks and a snapshot of the numbers are kept per group in the
//! browser ([`crate::report::storage`]), and the first analysis of a group on a visit is compared
//! with what was kept last time ([`since_last_time`]).
//!
//! "Last time" is fixed once per group per visit (page load): re-analysing the same group
//! with other choices, or re-loading its files, compares with the same earlier snapshot
//! rather than with the one just written.

use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::shared::Shared;
use crate::report::checklist::Checklist;
use crate::report::since::since_last_time;
use crate::report::storage;
use peerscope_core::report::progress::{since, Since, Snapshot};

/// Props of [`Progress`].
#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// The analysis on screen (possibly anonymised).
    pub analysis: Shared<PageAnalysis>,
    /// [`peerscope_core::report::progress::group_key`] of the analysis as read (names
    /// intact), so the anonymise switch does not change the group.
    pub group: AttrValue,
}

/// Whether "since last time" has anything to say: something moved, or steps were ticked.
/// Opening the page again on the same, untouched export (the sample on every visit) says
/// nothing.
fn worth_telling(since: &Since) -> bool {
    !since.ticked.is_empty()
        || since.comparison.score.delta.is_some_and(|d| d != 0.0)
        || since.comparison.label_before != since.comparison.label_now
        || !since.funnel_moves().is_empty()
        || !since.metric_moves().is_empty()
}

/// Ticked step ids and the group they belong to.
type Ticks = (AttrValue, Rc<BTreeSet<String>>);

/// `#since-last-time` (when this group was analysed before) and `#checklist`.
#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    let kept = use_kept(&props.analysis, &props.group);
    let moved = use_memo(
        (props.analysis.clone(), kept.before),
        |(analysis, before)| {
            let moved = since(before.as_ref()?, &analysis.report);
            worth_telling(&moved).then_some(moved)
        },
    );
    html! {
        <>
            if let Some(moved) = &*moved {
                { since_last_time(moved, &props.analysis) }
            }
            <Checklist analysis={props.analysis.clone()} ticked={kept.ticked}
                on_toggle={kept.on_toggle} />
        </>
    }
}

/// What [`use_kept`] gives the panel for the group on screen.
struct Kept {
    /// Steps ticked (empty until the group's ticks are loaded).
    ticked: Rc<BTreeSet<String>>,
    /// Ticks or unticks a step by id.
    on_toggle: Callback<String>,
    /// The snapshot kept before this visit, if any.
    before: Option<Rc<Snapshot>>,
}

/// Loads a group's ticks and earlier snapshot the first time it is on screen, and saves a
/// snapshot of `analysis` with the ticks whenever either changes.
#[hook]
fn use_kept(analysis: &Shared<PageAnalysis>, group: &AttrValue) -> Kept {
    let earlier = use_mut_ref(HashMap::<AttrValue, Option<Rc<Snapshot>>>::new);
    let ticks = use_state(Ticks::default);
    let baseline = use_state(|| None::<(AttrValue, Rc<Snapshot>)>);
    {
        // One effect for both jobs (each effect's type costs the wasm ~9 KB): a group seen
        // for the first time is loaded; once its ticks are loaded, every change is saved.
        let (ticks, baseline) = (ticks.clone(), baseline.clone());
        let deps = (analysis.clone(), group.clone(), (*ticks).clone());
        use_effect_with(deps, move |(analysis, group, (for_group, ticked))| {
            if group == for_group {
                let snapshot = Snapshot::of(&analysis.report, group, &storage::today(), ticked);
                storage::save(&snapshot);
                return;
            }
            let stored = storage::load(group);
            let first = earlier
                .borrow_mut()
                .entry(group.clone())
                .or_insert_with(|| stored.clone().map(Rc::new))
                .clone();
            baseline.set(first.map(|s| (group.clone(), s)));
            let ticked = stored.map(|s| s.ticked).unwrap_or_default();
            ticks.set((group.clone(), Rc::new(ticked)));
        });
    }
    let ticked = match &*ticks {
        (for_group, ticked) if for_group == group => Rc::clone(ticked),
        _ => Rc::default(),
    };
    let on_toggle = {
        let (group, now) = (group.clone(), Rc::clone(&ticked));
        Callback::from(move |id: String| {
            let mut next = (*now).clone();
            if !next.remove(&id) {
                next.insert(id);
            }
            ticks.set((group.clone(), Rc::new(next)));
        })
    };
    let before = match &*baseline {
        Some((for_group, snapshot)) if for_group == group => Some(Rc::clone(snapshot)),
        _ => None,
    };
    Kept {
        ticked,
        on_toggle,
        before,
    }
}
