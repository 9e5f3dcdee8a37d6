//! `#import-status`: while files are read, a labelled progress bar (`#import-progress`,
//! bytes read of the total, and the messages counted so far) and a Cancel button
//! (`#import-cancel`); afterwards, a word when an import was cancelled.
//!
//! `data-import-path` says which path read the last files (`worker` or `main-thread`);
//! after a worker import, `data-import-ms`, `data-analyse-ms`, `data-encode-ms`,
//! `data-decode-ms` and `data-worker-memory` say what it cost.

use yew::prelude::*;

use crate::import::loading::{Loading, Runner, Stats};

/// Props of [`ImportStatus`].
#[derive(Properties, PartialEq)]
pub struct ImportStatusProps {
    /// The running import, if any.
    #[prop_or_default]
    pub loading: Option<Loading>,
    /// A word on what happened last that is not an error.
    #[prop_or_default]
    pub status: Option<String>,
    #[prop_or_default]
    pub runner: Option<Runner>,
    #[prop_or_default]
    pub stats: Option<Stats>,
    /// Stops the running import.
    pub on_cancel: Callback<()>,
}

/// The progress of an import, its Cancel button, and the word after it.
#[component]
pub fn ImportStatus(props: &ImportStatusProps) -> Html {
    let stat = |pick: fn(&Stats) -> String| props.stats.as_ref().map(pick);
    let on_cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    html! {
        <div id="import-status" class="import-status"
            data-import-path={props.runner.map(Runner::as_str)}
            data-import-ms={stat(|s| format!("{:.0}", s.import_ms))}
            data-analyse-ms={stat(|s| format!("{:.0}", s.analyse_ms))}
            data-encode-ms={stat(|s| format!("{:.0}", s.encode_ms))}
            data-decode-ms={stat(|s| format!("{:.0}", s.decode_ms))}
            data-worker-memory={stat(|s| s.memory.to_string())}>
            if let Some(loading) = &props.loading {
                { bar(loading) }
                <button id="import-cancel" type="button" onclick={on_cancel}>
                    { "Cancel" }
                </button>
            }
            if let Some(status) = &props.status {
                <p class="status" role="status">{ status }</p>
            }
        </div>
    }
}

/// The labelled bar: bytes read of the total, or indeterminate while analysing.
fn bar(loading: &Loading) -> Html {
    // An empty file is all read: max 1 of 1, not 0 of 0 (which reads as indeterminate).
    let max = loading.total.max(1).to_string();
    let value = loading.fraction().map(|_| {
        loading
            .read
            .min(loading.total)
            .max(u64::from(loading.total == 0))
    });
    html! {
        <div class="import-progress">
            <label for="import-progress" id="import-progress-label">{ loading.label() }</label>
            <progress id="import-progress" {max} value={value.map(|v| v.to_string())}>
                { loading.fraction().map(|f| format!("{:.0}%", f * 100.0)).unwrap_or_default() }
            </progress>
        </div>
    }
}
