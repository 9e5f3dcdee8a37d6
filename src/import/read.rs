//! Turns files the browser hands over (picked or dropped) into a request to analyse them.
//!
//! Only the handles and sizes are taken here: the bytes are read later, in slices, by the
//! import worker (or the main-thread fallback), once the sizes are known to be within the
//! limit ([`crate::import::limit`]).

use gloo::file::File;
use yew::Callback;

use crate::app::state::Action;

/// Asks for all `files` to be analysed together. Does nothing when `files` is empty (the
/// picker was cancelled).
pub fn load(files: Vec<File>, on_action: Callback<Action>) {
    if files.is_empty() {
        return;
    }
    let sizes = files.iter().map(|f| (f.name(), f.size())).collect();
    on_action.emit(Action::LoadFiles { files, sizes });
}

/// The files of a browser `FileList`, if there is one.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<File> {
    match list {
        Some(list) => gloo::file::FileList::from(list).to_vec(),
        None => Vec::new(),
    }
}
