//! The three ways in: drop files, pick files, paste text.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::state::{Action, Source};
use crate::import::read::files_of;
use crate::import::unpacked::load_weighed;
use peerscope_core::import::Input;

/// The file name pasted text is analysed under (it appears in error messages).
pub const PASTED_NAME: &str = "pasted text";

/// What the file picker offers: every extension and type an export comes as.
const ACCEPT: &str = ".json,.txt,.zip,.csv,application/json,text/plain,text/csv,application/zip";

/// Props of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// Where the report on screen came from, to say "this is a sample" or name the files.
    pub source: Source,
    /// Files are being dragged over the page (the whole page takes drops).
    #[prop_or_default]
    pub dragging: bool,
    pub on_action: Callback<Action>,
}

/// The drop zone with the file picker inside, and the paste box. Drops are handled by the
/// page (see [`crate::import::drop`]), so they work anywhere on it.
#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let paste_ref = use_node_ref();

    let on_pick = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let picker: HtmlInputElement = event.target_unchecked_into();
            load_weighed(files_of(picker.files()), on_action.clone());
            // Clear it, so choosing the same file again still counts as a change.
            picker.set_value("");
        })
    };
    let on_analyze_paste = {
        let paste_ref = paste_ref.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let text = paste_ref
                .cast::<HtmlTextAreaElement>()
                .map(|area| area.value())
                .unwrap_or_default();
            on_action.emit(paste_action(text));
        })
    };

    let note = match &props.source {
        Source::Sample => html! {
            <p class="note sample-note">
                <strong>{ "This is a sample — try your own export." }</strong>
                { " Everything stays in your browser: nothing is uploaded." }
            </p>
        },
        Source::Files(names) => html! {
            <p class="note">{ format!("Showing your export: {}.", names.join(", ")) }</p>
        },
        Source::Pasted => html! { <p class="note">{ "Showing the text you pasted." }</p> },
    };
    let zone_class = classes!("drop-zone", props.dragging.then_some("dragging"));

    html! {
        <section class="input-panel" aria-label="Your export">
            { note }
            <div class="ways-in">
                <div class={zone_class}>
                    <p>{ "Drop your export files here (Discord, Slack, Telegram, WhatsApp, \
                          Discourse, Reddit, YouTube, GitHub, Mastodon, Messenger, Matrix, Zulip or CSV), or" }</p>
                    <input id="file-input" type="file" multiple=true
                        accept={ACCEPT}
                        class="visually-hidden"
                        onchange={on_pick} />
                    <label class="button" for="file-input">{ "Choose files" }</label>
                </div>
                // Folded on a phone, so its first screen keeps the answer in view.
                <details class="paste" open={wide_window()}>
                    <summary>{ "…or paste an export's text" }</summary>
                    <label for="paste" class="visually-hidden">{ "The export's text" }</label>
                    <textarea id="paste" ref={paste_ref} rows="3" spellcheck="false"
                        placeholder="The text of an export: JSON, a WhatsApp chat or a CSV" />
                    <button id="analyze" type="button" onclick={on_analyze_paste}>
                        { "Analyse pasted text" }
                    </button>
                </details>
            </div>
            <details class="how-to-export">
                <summary>{ "How do I get an export?" }</summary>
                <ul>
                    { for HOW_TO_EXPORT.iter().map(|(platform, how)| html! {
                        <li><strong>{ *platform }</strong>{ ": " }{ *how }</li>
                    }) }
                </ul>
                <p>{ "Drop every file of one group at once (a channel and its threads, all \
                      pages of a thread). The files never leave this browser." }</p>
            </details>
        </section>
    }
}

/// Whether the window is wider than a phone's (40 CSS rem, 640 px), read once at mount.
fn wide_window() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w >= 640.0)
}

/// One line per platform on getting an export; the README has the full steps.
const HOW_TO_EXPORT: [(&str, &str); 14] = [
    (
        "Discord",
        "DiscordChatExporter (free, open source), format JSON; threads come as their own files.",
    ),
    (
        "Slack",
        "Workspace settings → Import/Export data → Export; drop the zip as it is.",
    ),
    (
        "Telegram",
        "Telegram Desktop → the chat's ⋮ menu → Export chat history → format JSON.",
    ),
    (
        "WhatsApp",
        "The chat's menu → More → Export chat → Without media; drop the .txt or .zip.",
    ),
    (
        "Discourse",
        "Add .json to a topic's address (/t/123.json) and save the page.",
    ),
    (
        "Reddit",
        "Add .json to a thread's address and save the page.",
    ),
    (
        "YouTube",
        "yt-dlp --write-comments --skip-download, or the Data API's commentThreads.",
    ),
    (
        "YouTube live chat",
        "yt-dlp --write-subs --sub-langs live_chat --skip-download, after the stream ends.",
    ),
    (
        "GitHub",
        "gh api graphql --paginate for Discussions, or gh api …/issues/comments --paginate.",
    ),
    (
        "Mastodon",
        "Save /api/v1/statuses/ID/context and /api/v1/statuses/ID from the thread's server.",
    ),
    (
        "Messenger",
        "Facebook → Download your information → Messages, format JSON.",
    ),
    (
        "Matrix",
        "Element → Room info → Export chat, format JSON; drop the .json or the .zip.",
    ),
    (
        "Zulip",
        "The API's /messages answers (curl), or Data exports: realm.json and messages-*.json.",
    ),
    (
        "CSV",
        "A header row naming author and time (messages), or source and target (ties).",
    ),
];

/// What the paste button does with the text in the box.
fn paste_action(text: String) -> Action {
    if text.trim().is_empty() {
        return Action::Fail("The paste box is empty: paste the text of an export first.".into());
    }
    Action::Load {
        inputs: vec![Input::new(PASTED_NAME, text.into_bytes())],
        source: Source::Pasted,
    }
}
