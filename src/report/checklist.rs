//! What to do: the checklist, most urgent step first.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::app::bidi;
use crate::app::shared::Shared;
use peerscope_core::model::schema::{Label, Step};
use peerscope_core::report::analyze::Analysis;

/// Props of [`Checklist`].
#[derive(Properties, PartialEq)]
pub struct ChecklistProps {
    pub analysis: Shared<Analysis>,
    /// Ids of the steps ticked as done.
    #[prop_or_default]
    pub ticked: Rc<BTreeSet<String>>,
    /// Told a step's id when its box is ticked or unticked.
    #[prop_or_default]
    pub on_toggle: Callback<String>,
}

/// `#checklist`: one `li` per step with a tick box, its title, why now, how, who and
/// urgency. A ticked step is crossed out; [`crate::report::progress`] remembers the ticks.
#[component]
pub fn Checklist(props: &ChecklistProps) -> Html {
    let mut steps: Vec<&Step> = props.analysis.report.checklist.iter().collect();
    steps.sort_by(|a, b| b.priority.total_cmp(&a.priority));
    let undetermined = props.analysis.report.verdict.label == Label::Undetermined;
    let toggle = |id: String| props.on_toggle.reform(move |_: Event| id.clone());

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
            <ol id="checklist">
                { for steps.iter().map(|step| {
                    let is_done = props.ticked.contains(&step.id);
                    html! {
                        <li key={step.id.clone()} data-step={step.id.clone()}
                            class={classes!("step", is_done.then_some("done"))}>
                            <label class="step-title">
                                <input type="checkbox" class="tick" checked={is_done}
                                    aria-label={format!("Done: {}", step.title)}
                                    onchange={toggle(step.id.clone())} />
                                <span class="title">{ &step.title }</span>
                                <span class="priority" title="How urgent, 0–100">
                                    { format!("urgency {}", step.priority.round()) }
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
                }) }
            </ol>
        </section>
    }
}
