//! The root component: owns the one reducer and the effect that runs the analysis (bytes
//! at once on the main thread; picked files through the [`Importer`]).

use std::rc::Rc;

use yew::prelude::*;

use crate::app::choices::Choices;
use crate::app::embed::use_report_height;
use crate::app::shared::Shared;
use crate::app::start::Start;
use crate::app::state::{Action, Inputs, Source, State};
use crate::import::drop::use_drop_target;
use crate::import::format::FormatPicker;
use crate::import::import_status::ImportStatus;
use crate::import::importer::{use_importer, Importer};
use crate::import::input::InputPanel;
use crate::network::picture::NetworkPanel;
use crate::report::charts::Charts;
use crate::report::deeper::Deeper;
use crate::report::downloads::downloads;
use crate::report::privacy::AboutData;
use crate::report::progress::Progress;
use crate::report::verdict::{Arrival, VerdictPanel};
use peerscope_core::report::analyze::{analyze_with_interval, Analysis};
use peerscope_core::report::anonymise::{anonymise_with, Pseudonyms};
use peerscope_core::report::progress::group_key;

/// The whole page, opening on the bundled sample with the choices in its address.
#[component]
pub fn App() -> Html {
    let start = State::with_sample().starting(Start::from_location());
    html! { <Page start={Shared::new(start)} /> }
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
    // Embedded, the page is a compact card until the reader asks for the whole report.
    let whole = use_state(|| false);
    let compact = state.embedded && !*whole;
    let importer = use_analysis(&state);
    use_report_height(state.embedded);
    let shown = state.shown.as_ref().map(|shown| shown.analysis.clone());
    // The group is named from the report as read, so anonymising keeps its progress.
    let group = use_memo(shown.clone(), |shown| {
        shown
            .as_ref()
            .map(|a| AttrValue::from(group_key(&a.report)))
    });
    let group = (*group).clone().unwrap_or_default();
    let (analysis, pseudonyms) = (*use_memo((shown, state.anonymise), on_screen)).clone();

    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let drop_target = use_drop_target(on_action.clone());
    let on_cancel = {
        let on_action = on_action.clone();
        Callback::from(move |()| {
            importer.abandon();
            on_action.emit(Action::Cancel);
        })
    };
    let source = match &state.shown {
        Some(shown) => shown.request.source.clone(),
        None => state.asked.source.clone(),
    };
    // File names can hold names too ("WhatsApp Chat with Ann.txt").
    let source = match (source, &pseudonyms) {
        (Source::Files(names), Some(p)) => Source::Files(names.iter().map(|n| p.text(n)).collect()),
        (source, _) => source,
    };

    html! {
        <div class={classes!("drop-area", drop_target.dragging.then_some("dragging"),
                state.embedded.then_some("embedded"), compact.then_some("compact"))}
            ondragover={drop_target.ondragover} ondragleave={drop_target.ondragleave}
            ondrop={drop_target.ondrop}>
        <main class="page">
            <header class="masthead">
                <h1>{ "peerscope" }</h1>
                <p class="tagline">{ "Is the group around you an audience or a community?" }</p>
            </header>
            <InputPanel {source} dragging={drop_target.dragging} on_action={on_action.clone()} />
            <ImportStatus loading={state.loading.clone()} status={state.status.clone()}
                runner={state.runner} stats={state.stats.clone()} {on_cancel} />
            <FormatPicker format={state.options().format} on_action={on_action.clone()}
                detected={analysis
                    .as_ref()
                    .map_or_else(String::new, |a| a.report.sources.format.clone())} />
            <p id="error" class="error" role="alert">{ state.error.clone().unwrap_or_default() }</p>
            if let Some(analysis) = analysis {
                <Choices options={state.options().clone()} analysis={analysis.clone()}
                    {pseudonyms} {on_action} />
                <VerdictPanel analysis={analysis.clone()} arrival={arrival(&state)} />
                <NetworkPanel analysis={analysis.clone()} />
                <Progress analysis={analysis.clone()} {group} />
                if compact {
                    { compact_more(&whole) }
                } else {
                    <Deeper analysis={analysis.clone()} />
                    <Charts analysis={analysis.clone()} />
                    { downloads(&analysis) }
                }
            } else if state.error.is_none() {
                <p class="placeholder">{ "Reading the sample…" }</p>
            } else {
                <p class="placeholder">{ "No report yet: load an export to see one." }</p>
            }
            if !compact {
                <AboutData />
            }
        </main>
        </div>
    }
}

/// The end of the compact card: `#show-whole` grows it into the whole report (numbers,
/// charts, downloads, the note on data), and a link opens peerscope in a tab of its own.
fn compact_more(whole: &UseStateHandle<bool>) -> Html {
    let whole = whole.clone();
    let onclick = Callback::from(move |_: MouseEvent| whole.set(true));
    html! {
        <p class="compact-more">
            <button id="show-whole" type="button" {onclick}>{ "Show the full report" }</button>
            <a href="index.html" target="_blank" rel="noopener">
                { "Open peerscope in a new tab" }</a>
        </p>
    }
}

/// The person's own export behind the report on screen (`None`: the sample or nothing).
fn arrival(state: &State) -> Option<Arrival> {
    let request = &state.shown.as_ref()?.request;
    match (&request.source, &request.inputs) {
        (Source::Sample, _) => None,
        (_, Inputs::Files(picked)) => Some(Arrival::Files(picked.key)),
        (_, Inputs::Bytes(bytes)) => Some(Arrival::Bytes(bytes.clone())),
    }
}

/// What the page shows: the report on screen, or its anonymised copy with the aliases.
type OnScreen = (Option<Shared<Analysis>>, Option<Shared<Pseudonyms>>);

/// Anonymises the report on screen when asked (memoised: once per report and switch).
fn on_screen((shown, anonymise): &(Option<Shared<Analysis>>, bool)) -> OnScreen {
    match shown {
        Some(analysis) if *anonymise => {
            let pseudonyms = Pseudonyms::of(analysis);
            let hidden = anonymise_with(analysis, &pseudonyms);
            (Some(Shared::new(hidden)), Some(Shared::new(pseudonyms)))
        }
        _ => (shown.clone(), None),
    }
}

/// Analyses the latest request whenever a new one is made, and reports back to the reducer:
/// bytes (the sample, pasted text) at once, files through the page's importer, which it
/// returns (its Cancel stops the import).
#[hook]
fn use_analysis(state: &UseReducerHandle<State>) -> Importer {
    let dispatcher = state.dispatcher();
    let report = Callback::from(move |action| dispatcher.dispatch(action));
    let importer = use_importer(report, state.worker);
    let asked = Rc::clone(&state.asked);
    let dispatcher = state.dispatcher();
    let running = importer.clone();
    use_effect_with(asked.id, move |_| match &asked.inputs {
        Inputs::Files(picked) => running.run(asked.id, picked, &asked.options),
        Inputs::Bytes(inputs) => {
            running.abandon();
            let result = analyze_with_interval(inputs, &asked.options)
                .map(Shared::new)
                .map_err(|error| error.to_string());
            dispatcher.dispatch(Action::Analysed {
                id: asked.id,
                result,
            });
        }
    });
    importer
}
