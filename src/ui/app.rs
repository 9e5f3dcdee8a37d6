//! The root component: owns the one reducer and the effect that runs the analysis.

use std::rc::Rc;

use yew::prelude::*;

use crate::analyze::analyze;
use crate::ui::checklist::Checklist;
use crate::ui::choices::Choices;
use crate::ui::deeper::Deeper;
use crate::ui::drop::use_drop_target;
use crate::ui::input::InputPanel;
use crate::ui::network::NetworkPanel;
use crate::ui::shared::Shared;
use crate::ui::state::{Action, State};
use crate::ui::verdict::VerdictPanel;

/// The whole page, opening on the bundled sample.
#[component]
pub fn App() -> Html {
    html! { <Page start={Shared::new(State::with_sample())} /> }
}

/// Props of [`Page`].
#[derive(Properties, PartialEq)]
pub struct PageProps {
    /// The state the page opens in (read once, at mount).
    pub start: Shared<State>,
}

/// The page opening on any state: [`App`] with the sample, tests with their own inputs.
#[component]
pub fn Page(props: &PageProps) -> Html {
    let start = props.start.clone();
    let state = use_reducer(move || (*start).clone());
    use_analysis(&state);

    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let drop_target = use_drop_target(on_action.clone());
    let source = match &state.shown {
        Some(shown) => shown.request.source.clone(),
        None => state.asked.source.clone(),
    };

    html! {
        <div class={classes!("drop-area", drop_target.dragging.then_some("dragging"))}
            ondragover={drop_target.ondragover} ondragleave={drop_target.ondragleave}
            ondrop={drop_target.ondrop}>
        <main class="page">
            <header class="masthead">
                <h1>{ "peerscope" }</h1>
                <p class="tagline">{ "Is the group around you an audience or a community?" }</p>
            </header>
            <InputPanel {source} status={state.status.clone()} dragging={drop_target.dragging}
                on_action={on_action.clone()} />
            <p id="error" class="error" role="alert">{ state.error.clone().unwrap_or_default() }</p>
            if let Some(shown) = &state.shown {
                <Choices options={state.options().clone()} analysis={shown.analysis.clone()}
                    {on_action} />
                <VerdictPanel analysis={shown.analysis.clone()} />
                <NetworkPanel analysis={shown.analysis.clone()} />
                <Checklist analysis={shown.analysis.clone()} />
                <Deeper analysis={shown.analysis.clone()} />
            } else if state.error.is_none() {
                <p class="placeholder">{ "Reading the sample…" }</p>
            } else {
                <p class="placeholder">{ "No report yet: load an export to see one." }</p>
            }
        </main>
        </div>
    }
}

/// Analyses the latest request whenever a new one is made, and reports back to the reducer.
#[hook]
fn use_analysis(state: &UseReducerHandle<State>) {
    let asked = Rc::clone(&state.asked);
    let dispatcher = state.dispatcher();
    use_effect_with(asked.id, move |_| {
        let result = analyze(&asked.inputs, &asked.options)
            .map(Shared::new)
            .map_err(|error| error.to_string());
        dispatcher.dispatch(Action::Analysed {
            id: asked.id,
            result,
        });
    });
}
