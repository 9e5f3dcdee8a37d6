//! The harness every case goes through: `peerscope_core::report::analyze` with a panic turned into a
//! failure naming the case, the `peerscope` binary on the same bytes, and the one-line
//! sentence both must give when they refuse a file.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::{Command, Output};

use peerscope_core::import::Format;
use peerscope_core::{
    import::Input, model::options::Options, report::analyze, report::analyze::Analysis,
};
use serde_json::Value;

/// What a caught panic said.
fn panic_text(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string())
}

/// `analyze` with a panic turned into a test failure that names the case.
pub fn analyze_case(case: &str, inputs: &[Input], options: &Options) -> Result<Analysis, String> {
    match catch_unwind(AssertUnwindSafe(|| analyze(inputs, options))) {
        Ok(result) => result.map_err(|e| e.to_string()),
        Err(payload) => panic!("{case}: analyze panicked: {}", panic_text(payload.as_ref())),
    }
}

/// One line, starting with the file's name, holding `fragment`.
pub fn assert_sentence(case: &str, file: &str, message: &str, fragment: &str) {
    assert!(
        !message.contains('\n') && !message.contains('\r'),
        "{case}: the error is more than one line: {message:?}"
    );
    assert!(
        message.starts_with(&format!("{file}: ")),
        "{case}: the error does not start with the file name {file:?}: {message}"
    );
    assert!(
        message.contains(fragment),
        "{case}: expected {fragment:?} in: {message}"
    );
}

pub fn options(format: Option<Format>) -> Options {
    Options {
        format,
        ..Options::default()
    }
}

/// Writes `bytes` as `file` in a folder of its own and runs `peerscope analyze file
/// --json ARGS…` there.
pub fn cli(case: &str, file: &str, bytes: &[u8], args: &[&str]) -> Output {
    let slug: String = case
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let dir = std::env::temp_dir().join(format!("peerscope-bad-{}-{slug}", std::process::id()));
    let written =
        std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join(file), bytes));
    if let Err(e) = written {
        panic!("{case}: could not write {file}: {e}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_peerscope"))
        .arg("analyze")
        .arg(file)
        .arg("--json")
        .args(args)
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| panic!("{case}: could not run peerscope: {e}"));
    let _ = std::fs::remove_dir_all(&dir);
    out
}

pub fn format_args(format: Option<Format>) -> Vec<&'static str> {
    format.map_or_else(Vec::new, |f| vec!["--format", f.as_str()])
}

/// The case must be refused, by `analyze` and by the CLI, with one line naming `file`
/// and holding `fragment`. Returns the library's sentence.
pub fn refused(
    case: &str,
    file: &str,
    bytes: Vec<u8>,
    format: Option<Format>,
    fragment: &str,
) -> String {
    let out = cli(case, file, &bytes, &format_args(format));
    let message = match analyze_case(case, &[Input::new(file, bytes)], &options(format)) {
        Ok(a) => panic!(
            "{case}: expected an error, got a report of {} messages",
            a.report.counts.messages
        ),
        Err(message) => message,
    };
    assert_sentence(case, file, &message, fragment);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{case}: the CLI panicked: {err}");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{case}: CLI exit status; stderr: {err}"
    );
    assert_eq!(err.lines().count(), 1, "{case}: CLI stderr: {err}");
    let line = err.trim_end().strip_prefix("peerscope: ").unwrap_or(&err);
    assert_sentence(&format!("{case} (CLI)"), file, line, fragment);
    assert!(out.stdout.is_empty(), "{case}: CLI wrote a report too");
    println!("{case} → {message}");
    message
}

/// The case must be read, by `analyze` and by the CLI (with `args`), into a report.
/// Returns the analysis and the CLI's JSON report; the caller checks the counts.
pub fn read(
    case: &str,
    file: &str,
    bytes: Vec<u8>,
    opts: &Options,
    args: &[&str],
) -> (Analysis, Value) {
    let out = cli(case, file, &bytes, args);
    let analysis = analyze_case(case, &[Input::new(file, bytes)], opts)
        .unwrap_or_else(|e| panic!("{case}: expected a report, got: {e}"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{case}: the CLI panicked: {err}");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{case}: CLI exit status; stderr: {err}"
    );
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{case}: the CLI's report is not JSON: {e}"));
    assert_eq!(
        report["counts"]["messages"].as_u64(),
        Some(analysis.report.counts.messages),
        "{case}: the CLI and the library disagree"
    );
    (analysis, report)
}
