//! The root component: owns the one reducer and the effect that runs the analysis (bytes
//! at once on the main thread; picked files through the [`Importer`]).

use peerscope_core::model::stable_sort::StableSort;
use std::rc::Rc;

use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::choices::Choices;
use crate::app::embed::use_report_height;
use crate::app::next_frame::use_painted_since;
use crate::app::shared::Shared;
use crate::app::start::Start;
use crate::app::state::{Action, Inputs, Source, State};
use crate::import::drop::use_drop_target;
use crate::import::format::FormatPicker;
use crate::import::import_status::ImportStatus;
use crate::import::importer::{use_importer, Importer};
use crate::import::input::InputPanel;
use crate::import::loading::Loading;
use crate::import::sample::fetch_sample;
use crate::network::picture::NetworkPanel;
use crate::network::picture_files::PictureFiles;
use crate::report::charts::Charts;
use crate::report::deeper::Deeper;
use crate::report::downloads::downloads;
use crate::report::newcomers::Newcomers;
use crate::report::privacy::AboutData;
use crate::report::progress::Progress;
use crate::report::verdict::{Arrival, VerdictPanel};
use peerscope_core::report::analyze::analyze_with_interval;
use peerscope_core::report::anonymise::{anonymise_owned, file_alias, hide_files, Pseudonyms};
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
    // The canvas network's picture makers, from the drawing to the downloads far below it.
    let files = (*use_state(PictureFiles::default)).clone();
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
    let hidden = Hidden::of(&state);
    let source = hidden.source(source);

    // The request whose report is on screen: the drawing keeps its zoom, pin and window
    // while later answers to it arrive (the score's interval on a large export).
    let drawn = state.shown.as_ref().map_or(0, |shown| shown.request.id);
    // On a big export the verdict comes first; the drawing, the charts (which count the
    // drawing's ties) and the downloads follow with the layout.
    let laid_out = state.shown.as_ref().is_none_or(|shown| shown.laid_out);
    // A new report's first paint is the verdict's: the host list's hundreds of names follow.
    let whole_list = use_painted_since(drawn);

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
            <ImportStatus loading={hidden.loading(state.loading.clone())} status={state.status.clone()}
                runner={state.runner} stats={state.stats.clone()} {on_cancel} />
            <FormatPicker format={state.options().format} on_action={on_action.clone()}
                detected={analysis
                    .as_ref()
                    .map_or_else(String::new, |a| a.report.sources.format.clone())} />
            <p id="error" class="error" role="alert">{ hidden.sentence(state.error.clone().unwrap_or_default()) }</p>
            if let Some(analysis) = analysis {
                <Choices options={state.options().clone()} analysis={analysis.clone()}
                    {pseudonyms} {on_action} {whole_list} />
                <VerdictPanel analysis={analysis.clone()} arrival={arrival(&state)} />
                if laid_out {
                    <NetworkPanel analysis={analysis.clone()} request={drawn}
                        files={files.clone()} />
                } else {
                    { laying_out() }
                }
                <Progress analysis={analysis.clone()} {group} />
                if compact {
                    { compact_more(&whole) }
                } else {
                    <Deeper analysis={analysis.clone()} />
                    <Newcomers analysis={analysis.clone()} />
                    if laid_out {
                        <Charts analysis={analysis.clone()} />
                        { downloads(&analysis, &files) }
                    }
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

/// The file names the page may show outside the report (the "Showing your export" line, the
/// progress bar, the error), replaced by their aliases while Anonymise is on: a file name
/// can name someone ("WhatsApp Chat with Ann.txt"). Each alias is the one the report's own
/// file list shows ([`file_alias`]).
struct Hidden {
    /// Anonymise is on.
    on: bool,
    /// The files of the report on screen and of the latest request, the longest first;
    /// empty when Anonymise is off.
    files: Vec<String>,
}

impl Hidden {
    fn of(state: &State) -> Hidden {
        let mut files = Vec::new();
        if state.anonymise {
            let shown = state.shown.as_ref().map(|s| &s.request.source);
            for source in shown.into_iter().chain([&state.asked.source]) {
                if let Source::Files(names) = source {
                    files.extend(names.iter().cloned());
                }
            }
            // The longest first, so a name inside another is not replaced inside it.
            files.stable_sort_by_key(|name| std::cmp::Reverse(name.len()));
        }
        Hidden {
            on: state.anonymise,
            files,
        }
    }

    fn source(&self, source: Source) -> Source {
        match source {
            Source::Files(names) if self.on => {
                Source::Files(names.iter().map(|n| file_alias(n)).collect())
            }
            source => source,
        }
    }

    fn loading(&self, loading: Option<Loading>) -> Option<Loading> {
        loading.map(|mut loading| {
            if self.on {
                loading.file = file_alias(&loading.file);
            }
            loading
        })
    }

    /// `sentence` with each file name replaced (an error names the file it is about, and
    /// the zip entry inside it: [`hide_files`]).
    fn sentence(&self, sentence: String) -> String {
        hide_files(&sentence, &self.files)
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

/// Where the drawing will be while the worker lays the network out: the verdict above is
/// already readable.
fn laying_out() -> Html {
    html! {
        <section id="network-pending" class="network-panel network-pending" aria-busy="true">
            <h2>{ "Who talks with whom" }</h2>
            <p class="placeholder">{ "Laying out the network…" }</p>
        </section>
    }
}

/// The person's own export behind the report on screen (`None`: the sample or nothing).
fn arrival(state: &State) -> Option<Arrival> {
    let request = &state.shown.as_ref()?.request;
    match (&request.source, &request.inputs) {
        (Source::Sample, _) | (_, Inputs::Sample) => None,
        (_, Inputs::Files(picked)) => Some(Arrival::Files(picked.key)),
        (_, Inputs::Bytes(bytes)) => Some(Arrival::Bytes(bytes.clone())),
    }
}

/// What the page shows: the report on screen, or its anonymised copy with the aliases.
type OnScreen = (Option<Shared<PageAnalysis>>, Option<Shared<Pseudonyms>>);

/// Anonymises the report on screen when asked (memoised: once per report and switch).
fn on_screen((shown, anonymise): &(Option<Shared<PageAnalysis>>, bool)) -> OnScreen {
    match shown {
        Some(analysis) if *anonymise => {
            let whole = analysis.to_core();
            let pseudonyms = Pseudonyms::of(&whole);
            let hidden = PageAnalysis::from(anonymise_owned(whole, &pseudonyms));
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
                .map(|analysis| Shared::new(analysis.into()))
                .map_err(|error| error.to_string());
            dispatcher.dispatch(Action::Analysed {
                id: asked.id,
                result,
            });
        }
        Inputs::Sample => {
            running.abandon();
            let (id, options) = (asked.id, asked.options.clone());
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match fetch_sample().await {
                    Ok(inputs) => analyze_with_interval(&inputs, &options)
                        .map(|analysis| Shared::new(analysis.into()))
                        .map_err(|error| error.to_string()),
                    Err(sentence) => Err(sentence),
                };
                dispatcher.dispatch(Action::Analysed { id, result });
            });
        }
    });
    importer
}
