//! The most the page reads at once, checked from the files' sizes before a byte is read.
//!
//! Why [`MAX_INPUT_BYTES`] is 1 GB (decimal, 1 000 000 000 bytes), from the worker path
//! measured in Chromium (wasm32 at opt-level "z", see README "Big files in the browser"):
//!
//! - a wasm32 instance can address at most 4 GiB; the worker is its own instance, so the
//!   page's memory does not count against it;
//! - DiscordChatExporter JSON streams through the worker in 1 MiB slices, so its memory
//!   follows the conversation model, not the file: 43 MB of worker memory at the end
//!   (wasm memory only grows, so the peak) for 100 k messages in 137 MB, about a third;
//! - every other format (and every zip) is read whole into wasm memory and parsed there:
//!   1.25 times the file for a DiscordChatExporter file read whole (measured), up to about
//!   three times for formats that hold all their messages while converting; 1 GB keeps
//!   that under the 4 GiB ceiling with room for the analysis.
//!
//! Past it, the command-line tool reads any size. The main-thread fallback (no worker)
//! reads whole files too, so the same limit serves it.

use crate::ui::loading::megabytes;

/// The most bytes the files picked or dropped together may hold.
pub const MAX_INPUT_BYTES: u64 = 1_000_000_000;

/// Fine when the files together are within `max` bytes; otherwise one sentence naming the
/// file (the largest, when several are too much together) and the sizes.
///
/// `files` are (name, size in bytes). No files are within any limit.
pub fn check(files: &[(String, u64)], max: u64) -> Result<(), String> {
    let total = files
        .iter()
        .fold(0u64, |sum, (_, size)| sum.saturating_add(*size));
    if total <= max {
        return Ok(());
    }
    let limit = megabytes(max);
    let after = "use the command-line tool (see the README) for exports this big, or drop \
                 fewer files at once";
    match files {
        [(name, size)] => Err(format!(
            "{name} is {}: the browser reads at most {limit} at once; {after}.",
            megabytes(*size)
        )),
        _ => {
            let (name, size) = files
                .iter()
                .max_by_key(|(_, size)| *size)
                .map_or(("", 0), |(n, s)| (n.as_str(), *s));
            Err(format!(
                "These {} files are {} together (the largest, {name}, is {}): the browser \
                 reads at most {limit} at once; {after}.",
                files.len(),
                megabytes(total),
                megabytes(size)
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(sizes: &[(&str, u64)]) -> Vec<(String, u64)> {
        sizes.iter().map(|(n, s)| (n.to_string(), *s)).collect()
    }

    #[test]
    fn within_the_limit_is_fine() {
        assert_eq!(check(&[], 10), Ok(()));
        assert_eq!(
            check(&files(&[("a.json", 10)]), 10),
            Ok(()),
            "the limit itself"
        );
        assert_eq!(
            check(&files(&[("a", 400), ("b", 600)]), MAX_INPUT_BYTES),
            Ok(())
        );
    }

    #[test]
    fn one_file_too_big_is_named_with_its_size() {
        let said = check(&files(&[("huge.json", 1_300_000_000)]), MAX_INPUT_BYTES);
        assert_eq!(
            said,
            Err(
                "huge.json is 1.3 GB: the browser reads at most 1.0 GB at once; use the \
                 command-line tool (see the README) for exports this big, or drop fewer \
                 files at once."
                    .to_string()
            )
        );
    }

    #[test]
    fn several_files_name_the_largest_and_the_total() {
        let said = check(&files(&[("a.json", 700), ("b.json", 900)]), 1000)
            .err()
            .unwrap_or_default();
        assert!(
            said.starts_with("These 2 files are 0.1 MB together (the largest, b.json,"),
            "{said}"
        );
        let overflow = check(&files(&[("a", u64::MAX), ("b", 1)]), MAX_INPUT_BYTES);
        assert!(overflow.is_err(), "sizes that overflow are over the limit");
    }
}
