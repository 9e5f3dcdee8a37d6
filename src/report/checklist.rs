//! What to do: the checklist in the plan's order, three steps for this week first.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::bidi;
use crate::app::shared::Shared;
use peerscope_core::model::schema::{Label, Step};

/// Props of [`Checklist`].
#[derive(Properties, PartialEq)]
pub struct ChecklistProps {
    pub analysis: Shared<PageAnalysis>,
    /// Ids of the steps ticked as done.
    #[prop_or_default]
    pub ticked: Rc<BTreeSet<String>>,
    /// Told a step's id when its box is ticked or unticked.
    #[prop_or_default]
    pub on_toggle: Callback<String>,
}

/// How many steps the page shows as this week's; the rest fold under "More steps".
pub const THIS_WEEK: usize = 3;

/// `#checklist`: one `li` per step, in the report's order (docs/METRICS.md §10: the goal
/// orders the plan, so the priority alone does not), each with a tick box, its title, why
/// now, how, who and its priority in words. The first [`THIS_WEEK`] steps are this week's; the rest are
/// folded under `details.more-steps`. A ticked step is crossed out;
/// [`crate::report::progress`] remembers the ticks.
#[component]
pub fn Checklist(props: &ChecklistProps) -> Html {
    let steps = &props.analysis.report.checklist;
    let undetermined = props.analysis.report.verdict.label == Label::Undetermined;
    let (now, later) = steps.split_at(steps.len().min(THIS_WEEK));
    let item = |step: &Step| step_item(step, props);

    html! {
        <section class="checklist-panel" aria-labelledby="checklist-title">
            <h2 id="checklist-title">{ "What to do next" }</h2>
            if undetermined {
                <p id="checklist-undetermined" class="checklist-note">
                    { "There is too little conversation to judge the group yet, so these steps only gather more of it." }
                </p>
            }
            if steps.is_empty() {
                <p class="empty">{ "No steps for this export." }</p>
            }
            <div id="checklist">
                if !now.is_empty() {
                    <h3 class="this-week-title">{ "This week" }</h3>
                    <ol class="steps this-week">{ for now.iter().map(item) }</ol>
                }
                if !later.is_empty() {
                    <details class="more-steps">
                        <summary>{ format!("More steps ({})", later.len()) }</summary>
                        <ol class="steps" start={(THIS_WEEK + 1).to_string()}>
                            { for later.iter().map(item) }
                        </ol>
                    </details>
                }
            </div>
        </section>
    }
}

/// One step's `li`: tick box, title, priority, why, how and who.
fn step_item(step: &Step, props: &ChecklistProps) -> Html {
    let is_done = props.ticked.contains(&step.id);
    let id = step.id.clone();
    let toggle = props.on_toggle.reform(move |_: Event| id.clone());
    html! {
        <li key={step.id.clone()} data-step={step.id.clone()}
            class={classes!("step", is_done.then_some("done"))}>
            <label class="step-title">
                <input type="checkbox" class="tick" checked={is_done}
                    aria-label={format!("Done: {}", step.title)}
                    onchange={toggle} />
                <span class="title">{ &step.title }</span>
                <span class="priority" data-priority={step.priority.round().to_string()}
                    title={format!("Priority {} of 100: how far from the aim, weighed by how much \
                        conversation shows it. The steps follow your goal first, so a lower one \
                        can rank higher.", step.priority.round())}>
                    { priority_words(step.priority) }
                </span>
            </label>
            <p class="step-why">{ &step.why }</p>
            // Not a list: `#checklist li` counts steps only.
            <div class="step-how">
                { for step.how.iter().map(|how| html! {
                    <p class="how">{ how }</p>
                }) }
            </div>
            if !step.people.is_empty() {
                <p class="step-people">
                    <span class="who">{ "Who: " }</span>
                    // Each name isolated: one right-to-left name must not
                    // turn the rest of the line around.
                    { bidi::names(
                        step.people.iter().map(|p| p.name.as_str()),
                        ", ",
                    ) }
                </p>
            }
        </li>
    }
}

/// A step's priority (gap × evidence, 0–100; docs/METRICS.md §10) in words: high from 60,
/// medium from 25, low below. Words, not the number, because the list follows the goal
/// first: "urgency 40" above "urgency 75" read as a mistake; the number stays in the
/// title and in `data-priority`. Not "gap": a wide gap on a handful of questions weighs
/// little, and calling it small would say what the data does not.
fn priority_words(priority: f64) -> &'static str {
    if priority >= 60.0 {
        "high priority"
    } else if priority >= 25.0 {
        "medium priority"
    } else {
        "low priority"
    }
}
