//! What the importer tests share: reading the inputs, and the report's numbers.
//!
//! Two kinds of input: the hand-written fixtures in `tests/fixtures/` (always present),
//! and the real exports in `../shared/samples/<format>/`, beside the repository, which
//! are not copied into it. A test that reads the samples carries
//! `#[cfg_attr(samples_absent, ignore = "...")]`: `core/build.rs` sets `samples_absent`
//! when the folder is not in the checkout, so such a test shows as ignored, with the
//! reason, rather than passing without looking. When it runs, [`samples`] and [`sample`]
//! fail on anything missing.
//!
//! [`slack`] is the hand-written Slack workspace and ways to look into a dataset.

pub mod slack;

use std::path::{Path, PathBuf};

use peerscope_core::model::schema::Report;
use peerscope_core::{import::Input, model::options::Options, report::analyze};

/// `tests/fixtures/`, the hand-written inputs kept in the repository.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// `../shared/samples/`, the folder of real exports (one subfolder per format), or the
/// folder named by `PEERSCOPE_SAMPLES` (a checkout elsewhere, e.g. a git worktree, has no
/// `../shared`). It may be absent; this only builds the path and does not look.
pub fn shared_samples() -> PathBuf {
    std::env::var_os("PEERSCOPE_SAMPLES").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/samples"),
        PathBuf::from,
    )
}

/// The fixture `tests/fixtures/<name>` as an input named `name`. Panics, naming the path,
/// if it cannot be read: fixtures are part of the repository.
pub fn fixture(name: &str) -> Input {
    let path = fixtures_dir().join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()));
    Input::new(name, bytes)
}

/// The samples folder of one format, `../shared/samples/<format>/` (`""` gives the folder
/// of all formats). Panics, naming the folder, when it is absent: a test that calls this
/// is ignored when the whole samples folder is missing, so a missing format folder is a
/// failure, never a silent pass.
pub fn samples(format: &str) -> PathBuf {
    let dir = shared_samples().join(format);
    assert!(dir.is_dir(), "{} is absent", dir.display());
    dir
}

/// The file `name` of a samples folder, as an input named `name`. Panics if the file
/// cannot be read (the folder exists, so a listed sample should too).
pub fn sample(dir: &Path, name: &str) -> Input {
    let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    Input::new(name, bytes)
}

/// The file at `path` as an input named by its last component. Panics, naming the path,
/// if it cannot be read.
pub fn file(path: &Path) -> Input {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path.file_name().map(|n| n.to_string_lossy().to_string());
    Input::new(name.unwrap_or_default(), bytes)
}

/// The report of `inputs` analysed with `options`; panics with the error if the analysis
/// fails.
pub fn report(inputs: &[Input], options: &Options) -> Report {
    analyze(inputs, options)
        .map(|a| a.report)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// One metric of the report as `(value, num, den)`, read from its JSON form; each part
/// is `None` when the metric or that field is absent (or null).
pub fn metric(r: &Report, key: &str) -> (Option<f64>, Option<f64>, Option<f64>) {
    let json = serde_json::to_value(&r.metrics).unwrap_or_default();
    let m = &json[key];
    (m["value"].as_f64(), m["num"].as_f64(), m["den"].as_f64())
}

/// One metric of the report as the fraction `(num, den)`, without its value.
pub fn ratio(r: &Report, key: &str) -> (Option<f64>, Option<f64>) {
    let (_, num, den) = metric(r, key);
    (num, den)
}

/// The report's `(messages, participants, replies, mentions)`.
pub fn counts(r: &Report) -> (u64, u64, u64, u64) {
    let c = &r.counts;
    (c.messages, c.participants, c.replies, c.mentions)
}
