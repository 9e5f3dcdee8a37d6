//! Turns files the browser hands over (picked or dropped) into analysis inputs.

use gloo::file::futures::read_as_bytes;
use gloo::file::File;
use yew::Callback;

use crate::analyze::Input;
use crate::ui::state::{Action, Source};

/// Reads every file, then asks for all of them to be analysed together.
///
/// Announces the reading first, and stops at the first file the browser cannot read, with
/// one sentence naming it. Does nothing when `files` is empty (the picker was cancelled).
pub fn read_and_load(files: Vec<File>, on_action: Callback<Action>) {
    if files.is_empty() {
        return;
    }
    let plural = if files.len() == 1 { "" } else { "s" };
    on_action.emit(Action::Reading(format!(
        "Reading {} file{plural}…",
        files.len()
    )));
    wasm_bindgen_futures::spawn_local(async move {
        let action = match read_inputs(files).await {
            Ok(inputs) => {
                let names = inputs.iter().map(|input| input.name.clone()).collect();
                Action::Load {
                    inputs,
                    source: Source::Files(names),
                }
            }
            Err(sentence) => Action::Fail(sentence),
        };
        on_action.emit(action);
    });
}

/// The bytes of every file, named as the files are, in order; or one sentence naming the
/// first file the browser could not read.
pub async fn read_inputs(files: Vec<File>) -> Result<Vec<Input>, String> {
    let mut inputs = Vec::with_capacity(files.len());
    for file in files {
        match read_as_bytes(&file).await {
            Ok(bytes) => inputs.push(Input::new(file.name(), bytes)),
            Err(error) => {
                return Err(format!(
                    "{}: the browser could not read this file ({error}); try choosing it again.",
                    file.name()
                ))
            }
        }
    }
    Ok(inputs)
}

/// The files of a browser `FileList`, if there is one.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<File> {
    match list {
        Some(list) => gloo::file::FileList::from(list).to_vec(),
        None => Vec::new(),
    }
}
