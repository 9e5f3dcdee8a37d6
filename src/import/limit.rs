//! The most the page reads, by how a file is read: streamed or whole.
//!
//! The import worker streams DiscordChatExporter JSON, Telegram Desktop's chat exports and
//! yt-dlp's YouTube live chat in 16 MiB slices (see [`peerscope_core::import::streams`]), so its memory follows the
//! conversation model, not the file; every other format (and every zip, and everything the
//! main-thread fallback reads) sits whole in wasm memory while it is parsed. A wasm32 instance addresses at most 4 GiB
//! (the worker is its own instance: the page's memory does not count against it), so the
//! two kinds of file get two limits:
//!
//! - [`MAX_STREAMED_BYTES`] (2 GB), checked from the files' sizes before a byte is read,
//!   when the worker reads them (it may stream);
//! - [`MAX_WHOLE_BYTES`] (1 GB) for files read whole: checked by the worker once it has a
//!   file's first slice and knows it will not stream ([`check_whole`]), and before reading
//!   when the page reads on its main thread (which reads every file whole).
//!
//! Past either, the command-line tool reads more (docs/LIMITS.md). What a zip unpacks to
//! is held to the core's own budgets ([`peerscope_core::import::budget`]), entry by entry,
//! on every path: the worker and the main thread call the same importers.

use crate::import::loading::megabytes;

// A path from this file's folder, so that all-formats/, which compiles this file through
// `#[path]`, finds it too (there a plain `mod` would look beside this file).
#[path = "limit/zipped.rs"]
mod zipped;
pub use zipped::{check_unpacked, Zipped};

/// The most bytes of files read whole (decimal, 1 000 000 000 bytes), together.
///
/// Measured in Chromium (wasm32 at opt-level "z", see docs/PERFORMANCE.md and docs/USING.md):
/// a DiscordChatExporter file read whole took 1.25 times its size; 1 GB keeps that under
/// the 4 GiB ceiling with room for the analysis. Formats that take more weigh more
/// ([`whole_weight`]).
pub const MAX_WHOLE_BYTES: u64 = 1_000_000_000;

/// The worker memory the page's limits may fill: three quarters of 4 GiB (3 GiB), the rest
/// left for growth steps (a vector that doubles is copied), the kept dataset's next
/// analysis and the JS side.
///
/// Measured in headless Chromium 148 on this project's 23 GB Linux machine (session 10): a
/// dedicated worker's `WebAssembly.Memory` grew 128 MiB at a time, every byte written, up to
/// 65 521 pages (within 1 MiB of 4 GiB) in 6.7 s; the next step failed with "Maximum memory size
/// exceeded", so the ceiling is wasm32's own, not the machine's. A phone's browser may stop
/// well before that: the weights below keep the page's largest import near 1 GB of worker
/// memory for the formats that take about a byte per byte.
pub const WORKER_BUDGET_BYTES: u64 = 3 << 30;

/// The worker's wasm memory per byte of a file of `format` read whole, in hundredths,
/// measured in headless Chromium on the release build (`tests/e2e/worker_memory.rs`, 35 to
/// 43 MB generated exports, docs/LIMITS.md "Memory per format"); `None` for the formats
/// never measured in the worker.
///
/// Session 10, on main's build: CSV 3.61 (`benches/gen_chat.py`, 40.0 MB, 144.4 MB),
/// Zulip 2.87 (`benches/gen_zulip.py`, 34.6 MB REST answer, 99.0 MB), Matrix 2.60
/// (`gen_chat.py --format matrix`, 42.9 MB, 111.5 MB), GitHub 1.95 (`benches/gen_threads.py`,
/// 40.0 MB of issue comments, 78.0 MB), Mastodon 1.88 (`gen_threads.py`, 40.0 MB context,
/// 75.0 MB); on this session's build, the same run: WhatsApp 3.07 (`gen_chat.py`,
/// 40.0 MB, 122.6 MB; 3.4 before), a Slack zip 0.75 per byte it unpacks to (4.6 MB zip,
/// 41.5 MB unpacked, 31.0 MB; 0.88 before). Before: a Telegram export read whole 3.10 (a
/// Telegram Desktop chat streams and is never weighed), a DiscordChatExporter file read
/// whole 1.25 (in the CLI).
pub fn memory_per_byte_hundredths(format: peerscope_core::import::Format) -> Option<u64> {
    use peerscope_core::import::Format;
    match format {
        Format::Csv => Some(361),
        Format::WhatsApp => Some(307),
        Format::Telegram => Some(310),
        Format::Zulip => Some(287),
        Format::Matrix => Some(260),
        Format::GitHub => Some(195),
        Format::Mastodon => Some(188),
        Format::Discord => Some(125),
        Format::Slack => Some(75),
        _ => None,
    }
}

/// How many times a file of `format` read whole weighs against [`MAX_WHOLE_BYTES`]: its
/// measured memory per byte ([`memory_per_byte_hundredths`]) with a tenth more for
/// run-to-run and real-against-generated spread, over what one byte of weight may take
/// ([`WORKER_BUDGET_BYTES`] over [`MAX_WHOLE_BYTES`], 3.22 bytes), rounded up; 1 to 2 today
/// (2: WhatsApp, CSV and Telegram; 1 for the rest). A format never measured, or unknown,
/// weighs 1.
pub fn whole_weight(format: Option<peerscope_core::import::Format>) -> u64 {
    let Some(hundredths) = format.and_then(memory_per_byte_hundredths) else {
        return 1;
    };
    let with_spread = u128::from(hundredths) * 110 * u128::from(MAX_WHOLE_BYTES);
    let per_weight = 100 * 100 * u128::from(WORKER_BUDGET_BYTES);
    u64::try_from(with_spread.div_ceil(per_weight)).map_or(1, |w| w.max(1))
}

/// The most bytes picked or dropped together when the worker reads them (decimal,
/// 2 000 000 000 bytes); a file among them read whole is still held to [`MAX_WHOLE_BYTES`].
///
/// Measured in headless Chromium (release build, `benches/browser.mjs`) on the generated
/// 1 M-message export (1.38 GB, 970 k messages, 1.4 KB a message): the worker's wasm
/// memory ended at 405 MB (it only grows, so that is the peak), 0.29 of the file and
/// about 420 bytes a message with the analysis; 100 k messages (137 MB) ended at 41 MB.
/// So 2 GB of such an export needs about 0.6 GB, and 2 GB of exports with half the bytes
/// a message (0.7 KB, about the least a message with its author object takes) about
/// 1.2 GB: a margin over three times to the 4 GiB ceiling. The renderer as a whole grew by
/// 1.6 GB for the 1.38 GB file read in 1 MiB slices (the worker's wasm memory, plus the
/// slices read in JS and the browser's own buffers, not broken down), another reason to
/// stop here.
pub const MAX_STREAMED_BYTES: u64 = 2_000_000_000;

/// The limits one page applies, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The most bytes one pick or drop may hold, whatever the format.
    pub any: u64,
    /// The most bytes of files read whole (never more than `any`).
    pub whole: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::lowered(None, None)
    }
}

impl Limits {
    /// The page's limits, lowered (never raised) by the test keys `max-bytes` (`any`) and
    /// `max-whole-bytes` (`whole`); `None` keeps the default.
    pub fn lowered(any: Option<u64>, whole: Option<u64>) -> Limits {
        let any = any.map_or(MAX_STREAMED_BYTES, |m| m.min(MAX_STREAMED_BYTES));
        let whole = whole.map_or(MAX_WHOLE_BYTES, |m| m.min(MAX_WHOLE_BYTES));
        Limits {
            any,
            whole: whole.min(any),
        }
    }

    /// The limit checked from the sizes before reading: `any` when the worker reads (it
    /// checks files read whole itself), `whole` when the main thread does (it reads every
    /// file whole).
    pub fn before_reading(&self, in_worker: bool) -> u64 {
        if in_worker {
            self.any
        } else {
            self.whole
        }
    }
}

/// The words after every refusal.
const AFTER: &str = "use the command-line tool (see the README) for exports this big";

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
    match files {
        [(name, size)] => Err(format!(
            "{name} is {}: the browser reads at most {limit} at once; {AFTER}, or drop fewer \
             files at once.",
            megabytes(*size)
        )),
        _ => {
            let (name, size) = files
                .iter()
                .max_by_key(|(_, size)| *size)
                .map_or(("", 0), |(n, s)| (n.as_str(), *s));
            Err(format!(
                "These {} files are {} together (the largest, {name}, is {}): the browser \
                 reads at most {limit} at once; {AFTER}, or drop fewer files at once.",
                files.len(),
                megabytes(total),
                megabytes(size)
            ))
        }
    }
}

/// Fine when file `name` of `size` bytes, read whole after `before` bytes of other files
/// read whole in the same pick, stays within `max` bytes; otherwise one sentence naming
/// the file and its size.
///
/// An empty file is within any limit.
pub fn check_whole(name: &str, size: u64, before: u64, max: u64) -> Result<(), String> {
    let total = before.saturating_add(size);
    if total <= max {
        return Ok(());
    }
    let (size, limit) = (megabytes(size), megabytes(max));
    if before == 0 {
        return Err(format!(
            "{name} is {size}: the browser reads at most {limit} of this format at once; \
             {AFTER}."
        ));
    }
    Err(format!(
        "{name} is {size}, {} with the files before it that are read whole: the browser \
         reads at most {limit} of these formats at once; {AFTER}, or drop fewer files at once.",
        megabytes(total)
    ))
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
            check(&files(&[("a", 400), ("b", 600)]), MAX_WHOLE_BYTES),
            Ok(())
        );
    }

    #[test]
    fn one_file_too_big_is_named_with_its_size() {
        let said = check(&files(&[("huge.json", 2_300_000_000)]), MAX_STREAMED_BYTES);
        assert_eq!(
            said,
            Err(
                "huge.json is 2.3 GB: the browser reads at most 2.0 GB at once; use the \
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
        let overflow = check(&files(&[("a", u64::MAX), ("b", 1)]), MAX_WHOLE_BYTES);
        let text = Some(peerscope_core::import::Format::WhatsApp);
        let text_limit = MAX_WHOLE_BYTES / whole_weight(text);
        assert!(check_whole("chat.txt", 600_000_000, 0, text_limit).is_err());
        assert!(check_whole("chat.txt", 450_000_000, 0, text_limit).is_ok());
        assert_eq!(whole_weight(None), 1);
        assert!(overflow.is_err(), "sizes that overflow are over the limit");
    }

    #[test]
    fn a_file_read_whole_is_held_to_the_whole_limit() {
        assert_eq!(check_whole("a.txt", 0, 0, 0), Ok(()), "empty is within");
        assert_eq!(
            check_whole("a.txt", MAX_WHOLE_BYTES, 0, MAX_WHOLE_BYTES),
            Ok(())
        );
        assert_eq!(
            check_whole("chat.txt", 1_200_000_000, 0, MAX_WHOLE_BYTES),
            Err(
                "chat.txt is 1.2 GB: the browser reads at most 1.0 GB of this format at \
                 once; use the command-line tool (see the README) for exports this big."
                    .to_string()
            )
        );
        let together = check_whole("b.csv", 600, 500, 1000)
            .err()
            .unwrap_or_default();
        assert!(
            together.starts_with("b.csv is 0.1 MB, 0.1 MB with the files before it"),
            "{together}"
        );
        assert!(
            check_whole("c", 1, u64::MAX, MAX_WHOLE_BYTES).is_err(),
            "overflow"
        );
    }

    #[test]
    fn weights_follow_the_measured_memory_per_byte() {
        use peerscope_core::import::Format;
        let weights: Vec<u64> = [
            Format::Csv,
            Format::WhatsApp,
            Format::Telegram,
            Format::Zulip,
            Format::Matrix,
            Format::GitHub,
            Format::Mastodon,
            Format::Discord,
            Format::Slack,
            Format::Discourse,
        ]
        .into_iter()
        .map(|format| whole_weight(Some(format)))
        .collect();
        assert_eq!(weights, [2, 2, 2, 1, 1, 1, 1, 1, 1, 1]);
        assert_eq!(whole_weight(None), 1);
        // Each weight lets in no more than its memory per byte fits in the budget.
        for format in [Format::Csv, Format::Zulip, Format::Telegram] {
            let per_byte = memory_per_byte_hundredths(format).unwrap_or(0);
            let peak = MAX_WHOLE_BYTES / whole_weight(Some(format)) * per_byte / 100;
            assert!(peak <= WORKER_BUDGET_BYTES, "{format:?}: {peak}");
        }
    }

    #[test]
    fn test_keys_lower_the_limits_and_never_raise_them() {
        let default = Limits::default();
        assert_eq!(
            (default.any, default.whole),
            (MAX_STREAMED_BYTES, MAX_WHOLE_BYTES)
        );
        assert_eq!(default.before_reading(true), MAX_STREAMED_BYTES);
        assert_eq!(default.before_reading(false), MAX_WHOLE_BYTES);
        let raised = Limits::lowered(Some(u64::MAX), Some(u64::MAX));
        assert_eq!(raised, default);
        let lowered = Limits::lowered(Some(500), None);
        assert_eq!((lowered.any, lowered.whole), (500, 500), "whole within any");
        let whole = Limits::lowered(None, Some(300));
        assert_eq!((whole.any, whole.whole), (MAX_STREAMED_BYTES, 300));
    }
}
