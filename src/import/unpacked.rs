//! Picked or dropped zips weighed by what they unpack to, before they are read: for each
//! file named `.zip`, the page reads its last 64 KiB, and from there its central directory
//! (about 72 bytes an entry: 1.97 MB for a 337 MB Slack export), and sums the sizes it
//! declares ([`peerscope_core::import::declared`]). Zips that would not fit the whole-file limit
//! unpacked ([`limit::check_unpacked`]) are refused in one sentence, the report on screen
//! kept; the rest go on as any pick does ([`load`]).
//!
//! Files not named `.zip` are not looked into, so a pick of a thousand JSON files costs no
//! read here; a zip under another name is still held to the core's zip budgets, entry by
//! entry, as it is unpacked. What cannot be weighed (not a zip after all, a damaged end, a
//! central directory past [`MAX_DIRECTORY_BYTES`]) is let through to the importer, which
//! says what is wrong with it.

use gloo::file::futures::read_as_bytes;
use gloo::file::File;
use yew::Callback;

use crate::app::start::Start;
use crate::app::state::Action;
use crate::import::limit::{self, Limits, Zipped};
use crate::import::read::load;
use peerscope_core::import::declared::{declared, directory_start, TAIL_BYTES};

/// The most bytes of central directory read to weigh one zip: 128 MiB, the directory of
/// more than the 1 000 000 entries the core reads from one zip (`MAX_ZIP_ENTRIES`) at
/// about 100 bytes an entry.
pub const MAX_DIRECTORY_BYTES: u64 = 128 << 20;

/// Asks for all `files` to be analysed together, as [`load`] does, once the zips among
/// them are weighed and found within the page's limit; otherwise says why, in one
/// sentence, and leaves everything as it was. Without zips, loads at once.
pub fn load_weighed(files: Vec<File>, on_action: Callback<Action>) {
    if !files.iter().any(|file| is_zip_name(&file.name())) {
        return load(files, on_action);
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut zips = Vec::new();
        for file in files.iter().filter(|file| is_zip_name(&file.name())) {
            if let Some(zip) = weighed(file).await {
                zips.push(zip);
            }
        }
        let start = Start::from_location();
        let limits = Limits::lowered(start.max_bytes, start.max_whole_bytes);
        match limit::check_unpacked(&zips, limits.whole) {
            Ok(()) => load(files, on_action),
            Err(sentence) => on_action.emit(Action::Fail(sentence)),
        }
    });
}

/// `name` ends in `.zip`, in any case.
fn is_zip_name(name: &str) -> bool {
    name.len() >= 4
        && name
            .get(name.len() - 4..)
            .is_some_and(|end| end.eq_ignore_ascii_case(".zip"))
}

/// The zip `file` as its central directory declares it, read from its end; `None` when it
/// cannot be weighed.
async fn weighed(file: &File) -> Option<Zipped> {
    let len = file.size();
    let tail_from = len.saturating_sub(TAIL_BYTES);
    let tail = read_as_bytes(&file.slice(tail_from, len)).await.ok()?;
    let start = directory_start(len, &tail)?;
    let declared = if start >= tail_from {
        declared(len, tail_from, &tail)
    } else if len - start <= MAX_DIRECTORY_BYTES {
        drop(tail);
        let directory = read_as_bytes(&file.slice(start, len)).await.ok()?;
        declared(len, start, &directory)
    } else {
        None
    }?;
    Some(Zipped {
        name: file.name(),
        size: len,
        declared,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_named_zip_are_weighed() {
        assert!(is_zip_name("export.zip"));
        assert!(is_zip_name("Slack Export.ZIP"));
        assert!(!is_zip_name("zip"));
        assert!(!is_zip_name("chat.txt"));
        assert!(!is_zip_name("é.zi"), "a short name of wide characters");
    }
}
