//! Reading picked files on the main thread, for when no import worker can start (the JS
//! API's `mount` on another site's page; a browser that refuses module workers).
//!
//! The files are read in the same [`SLICE_BYTES`] slices as in the worker, but
//! asynchronously (`Blob.slice` and a `FileReader`), so between two slices the page paints
//! the progress bar, answers clicks and can be cancelled. The analysis that follows is the
//! same synchronous [`peerscope_core::report::analyze()`] the page always ran: it blocks the
//! page until done, which is why the worker is preferred. Nothing is kept: a new choice
//! re-reads the files (the browser reads a local file at hundreds of MB/s).

use std::cell::Cell;
use std::rc::Rc;

use gloo::file::futures::read_as_bytes;
use gloo::file::File;
use yew::Callback;

use crate::app::shared::Shared;
use crate::app::state::Action;
use crate::import::limit;
use crate::import::loading::{Loading, Runner};
use peerscope_core::import::error::ImportError;
use peerscope_core::import::sliced::{plan, SLICE_BYTES};
use peerscope_core::import::Input;
use peerscope_core::model::options::Options;
use peerscope_core::report::analyze::analyze;

/// Reads every file whole, slice by slice, calling `on_progress` after each slice.
///
/// `None` when `cancelled` was set between two slices; otherwise the files' bytes, named
/// as the files are, in order, or one sentence naming the first file the browser could not
/// read. No files: no inputs.
pub async fn read_in_slices(
    files: &[File],
    cancelled: &Cell<bool>,
    on_progress: &dyn Fn(Loading),
) -> Result<Option<Vec<Input>>, String> {
    let total: u64 = files.iter().map(|f| f.size()).sum();
    let mut done = 0u64;
    let mut inputs = Vec::with_capacity(files.len());
    for file in files {
        let mut loading = Loading::start(&file.name(), total);
        let mut bytes = Vec::new();
        bytes
            .try_reserve_exact(usize::try_from(file.size()).unwrap_or(usize::MAX))
            .map_err(|_| too_big(file))?;
        for range in plan(file.size(), SLICE_BYTES) {
            if cancelled.get() {
                return Ok(None);
            }
            let slice = file.slice(range.start, range.end);
            let part = read_as_bytes(&slice)
                .await
                .map_err(|e| unreadable(file, &e))?;
            bytes.extend_from_slice(&part);
            loading.read = done + range.end;
            on_progress(loading.clone());
        }
        done += file.size();
        inputs.push(Input::new(file.name(), bytes));
    }
    Ok((!cancelled.get()).then_some(inputs))
}

fn unreadable(file: &File, error: &dyn std::fmt::Display) -> String {
    format!(
        "{}: the browser could not read this file ({error}); try choosing it again.",
        file.name()
    )
}

fn too_big(file: &File) -> String {
    format!(
        "{}: the browser has no memory left to read this file; close other tabs, or use \
         the command-line tool.",
        file.name()
    )
}

/// One request for the main thread.
pub struct Job {
    /// The request's id; every action it reports carries it.
    pub id: u32,
    pub files: Shared<Vec<File>>,
    /// The most bytes the files may hold together: all of them are read whole.
    pub max_whole_bytes: u64,
    pub options: Options,
}

/// Reads the job's files and analyses them on the main thread, reporting progress and
/// the answer through `report`; stops quietly once `cancelled` is set.
///
/// Files over the whole-file limit are refused (one sentence, nothing read): the page
/// checks that limit before reading when it knows the main thread reads, but a worker
/// that could not start after the check sends its files here.
pub fn run(job: Job, cancelled: Rc<Cell<bool>>, report: Callback<Action>) {
    let Job {
        id,
        files,
        max_whole_bytes,
        options,
    } = job;
    let sizes: Vec<(String, u64)> = files.iter().map(|f| (f.name(), f.size())).collect();
    if let Err(sentence) = limit::check(&sizes, max_whole_bytes) {
        return report.emit(Action::Analysed {
            id,
            result: Err(sentence),
        });
    }
    wasm_bindgen_futures::spawn_local(async move {
        let progress = |loading| {
            report.emit(Action::Progress {
                id,
                loading,
                runner: Runner::MainThread,
            })
        };
        let total = files.iter().map(|f| f.size()).sum();
        let first = files.first().map(|f| f.name()).unwrap_or_default();
        progress(Loading::start(&first, total));
        let inputs = match read_in_slices(&files, &cancelled, &progress).await {
            Ok(Some(inputs)) => inputs,
            Ok(None) => return,
            Err(sentence) => {
                return report.emit(Action::Analysed {
                    id,
                    result: Err(sentence),
                })
            }
        };
        progress(Loading::analysing(total, 0));
        // The analysis blocks the page: let it paint "Analysing…" first (one frame at 60 Hz
        // is under 17 ms; 30 ms leaves room for a slow frame).
        pause(30).await;
        if cancelled.get() {
            return;
        }
        let result = analyze(&inputs, &options)
            .map(|analysis| Shared::new(analysis.into()))
            .map_err(|e| said_on_the_main_thread(&e));
        report.emit(Action::Analysed { id, result });
    });
}

/// `error` as the page says it when it reads on its main thread, and as the JS API's
/// `analyze()` throws it. The six rarest formats are read only by the worker's module with
/// every format (`www/worker.js`): the page's own module leaves them out to load faster
/// (`peerscope_core::import::rare`), and here there is no worker to load it into (nor, for
/// the synchronous `analyze()`, a way to wait for it).
pub fn said_on_the_main_thread(error: &ImportError) -> String {
    match error {
        ImportError::LeftOut { file, format } => format!(
            "{file} is a {} export, which peerscope reads only in the background worker of \
             its own page, not here; open the file on peerscope's page, or use the \
             command-line tool.",
            crate::import::format::label(*format)
        ),
        other => other.to_string(),
    }
}

/// Resolves after `ms` milliseconds (a `setTimeout` as a future).
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use peerscope_core::import::Format;

    #[test]
    fn a_left_out_format_is_named_and_other_errors_pass_through() {
        let left_out = ImportError::LeftOut {
            file: "room.json".into(),
            format: Format::Matrix,
        };
        let said = said_on_the_main_thread(&left_out);
        assert!(
            said.starts_with("room.json is a Matrix (Element export) export, which peerscope"),
            "{said}"
        );
        let empty = ImportError::Empty("nothing".into());
        assert_eq!(said_on_the_main_thread(&empty), "nothing");
    }
}
