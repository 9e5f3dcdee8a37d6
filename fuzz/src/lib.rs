//! What every fuzz target does with the fuzzer's bytes: hand them to peerscope the way a
//! user's file arrives (an [`Input`] with a name and its bytes, through [`analyze`]), so the
//! importer *and* everything after it — interactions, graph, metrics, layout, verdict,
//! report — run on them, then write every export of the result.
//!
//! A panic, a hang or running out of memory anywhere on that path is a finding. So is an
//! error that breaks the contract of `cli/tests/bad_input/`: one line, starting with the
//! file's name.

pub mod zips;

use peerscope_core::report::anonymise::anonymise;
use peerscope_core::draw::export::{edges_csv, gexf, nodes_csv};
use peerscope_core::import::{self, Format};
use peerscope_core::model::Dataset;
use peerscope_core::{report::analyze, import::Input, model::options::Options};

/// File names an input may arrive under. Slack tells its workspace files and day files
/// apart by name, and detection may look at the name, so the targets that care let the
/// fuzzer pick one (see [`named`]); `fuzz/seed.py` prefixes each seed with its name's
/// index. Append only: the order is part of every corpus file.
pub const NAMES: [&str; 12] = [
    "export.json",
    "users.json",
    "channels.json",
    "general/2024-03-01.json",
    "chat.txt",
    "export.zip",
    "messages.csv",
    "video.info.json",
    "message_1.json",
    "result.json",
    "dms.json",
    "posts.json",
];

/// The input's name, picked by its first byte (modulo the table's length), and the rest as
/// the file. Empty bytes are an empty `export.json`.
pub fn named(data: &[u8]) -> (&'static str, &[u8]) {
    let (index, body) = match data.split_first() {
        Some((&first, rest)) => (usize::from(first) % NAMES.len(), rest),
        None => (0, data),
    };
    (NAMES.get(index).copied().unwrap_or("export.json"), body)
}

/// One file through the whole analysis, detected (`format` `None`) or read as `format`,
/// then through every export and the anonymiser.
///
/// Panics when the analysis panics, or when its error is not one line naming the file.
pub fn run(name: &str, bytes: &[u8], format: Option<Format>) {
    run_files(&[(name, bytes)], format);
}

/// [`run`] of several files loaded together (a thread's context and its status), in the
/// order given; an error must name one of them.
pub fn run_files(files: &[(&str, &[u8])], format: Option<Format>) {
    let options = Options {
        format,
        ..Options::default()
    };
    let inputs: Vec<Input> = files
        .iter()
        .map(|(name, bytes)| Input::new(*name, bytes.to_vec()))
        .collect();
    match analyze(&inputs, &options) {
        Ok(analysis) => {
            let shared = anonymise(&analysis);
            for a in [&analysis, &shared] {
                std::hint::black_box(gexf(&a.network));
                std::hint::black_box(nodes_csv(&a.network));
                std::hint::black_box(edges_csv(&a.network));
                std::hint::black_box(serde_json::to_vec(&a.report).ok());
            }
        }
        Err(e) => {
            let said = e.to_string();
            let named = files.iter().find(|(name, _)| said.starts_with(name));
            check_sentence(named.map_or("", |(name, _)| name), &said);
        }
    }
}

/// A DiscordChatExporter file through the CLI's streaming reader (files over 256 MB take
/// it), which parses message by message instead of the whole file at once.
pub fn run_stream(name: &str, bytes: &[u8]) {
    run_stream_as(name, bytes, Format::Discord);
}

/// A file read as `format` through the CLI's streaming reader: streamed when the format
/// streams such a file (Discord, yt-dlp's live chat lines), else read whole.
pub fn run_stream_as(name: &str, bytes: &[u8], format: Format) {
    let mut dataset = Dataset::default();
    let read = import::read_stream(name, bytes, Some(format), &mut dataset);
    if let Err(e) = read.and_then(|()| import::check_not_empty(dataset, &[name]).map(|_| ())) {
        check_sentence(name, &e.to_string());
    }
}

/// The error contract every refusal keeps: one line, starting with the file's name (or
/// with the path of an entry inside it, `chat.zip/WhatsApp Chat.txt: …`).
fn check_sentence(name: &str, message: &str) {
    assert!(
        !message.contains(['\n', '\r']),
        "the error is more than one line: {message:?}"
    );
    let after_name = message
        .strip_prefix(name)
        .and_then(|rest| rest.chars().next());
    assert!(
        matches!(after_name, Some(':' | '/')),
        "the error does not start with the file's name: {message:?}"
    );
}
