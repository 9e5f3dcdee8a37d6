//! Found by fuzzing (`make fuzz`): every saved crash input, and the cases each one taught.

use peerscope_core::import::Format;
use peerscope_core::import::Input;

use super::generate::zip_of;
use super::harness::{analyze_case, assert_sentence, cli, format_args, options, refused};

/// Every input a fuzz target crashed on, kept under `tests/fixtures/bad/<target>/` under the
/// name it arrives as: read as the folder's format (`detect`: detected) it must give a
/// report or a one-line error naming the file, from the library and from the CLI. New crash
/// inputs only need copying there (without the fuzzer's leading name byte for `detect` and
/// `slack`); `fuzz/seed.py` also seeds the corpora with them.
#[test]
fn fuzz_crash_inputs_end_in_a_report_or_one_line() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/bad");
    let mut seen = 0;
    for folder in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        let target = folder.file_name().to_string_lossy().into_owned();
        let format = if target == "detect" {
            None
        } else {
            Some(Format::parse(&target).unwrap_or_else(|| panic!("{target}: not a format")))
        };
        for file in std::fs::read_dir(folder.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = file.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(file.path()).unwrap_or_else(|e| panic!("{name}: {e}"));
            let case = format!("fuzz {target}/{name}");
            let out = cli(&case, &name, &bytes, &format_args(format));
            let err = String::from_utf8_lossy(&out.stderr);
            match analyze_case(&case, &[Input::new(name.as_str(), bytes)], &options(format)) {
                Ok(_) => assert_eq!(out.status.code(), Some(0), "{case}: {err}"),
                Err(message) => {
                    assert_sentence(&case, &name, &message, "");
                    assert_eq!(out.status.code(), Some(2), "{case}: {err}");
                    assert_eq!(err.lines().count(), 1, "{case}: CLI stderr: {err}");
                }
            }
            seen += 1;
        }
    }
    assert!(seen > 0, "no crash inputs under {}", root.display());
}

/// Fuzz `csv`: a quoted time cell holding a line break made the "is not a time" error two
/// lines; values from the export are now quoted with their controls escaped.
#[test]
fn a_line_break_inside_a_quoted_value_stays_on_one_line() {
    let text = b"id,author,time\n1,kai,\"first line\nsecond line\"\n".to_vec();
    refused(
        "line break in a time cell",
        "times.csv",
        text,
        None,
        "line 2, column 3: column 'time': \"first line\\nsecond line\" is not a time",
    );
    let long = format!("id,author,time\n1,kai,{}\n", "9".repeat(100_000)).into_bytes();
    let message = refused(
        "100 000-digit time",
        "long.csv",
        long,
        None,
        "is not a time",
    );
    assert!(
        message.len() < 300,
        "the value is cut: {} bytes",
        message.len()
    );
}

/// Fuzz `detect`: errors inside a zip name the entry (`export.zip/<path>: …`), and an
/// entry's path may hold a line break; it is escaped like any other quoted value.
#[test]
fn a_zip_entry_named_with_a_line_break_stays_on_one_line() {
    let zip = zip_of(&[("general\n/2024-03-01.json", b"[{\"ts\": ".to_vec())]);
    let case = "zip entry with a line break";
    let out = cli(case, "slack.zip", &zip, &[]);
    let message = analyze_case(case, &[Input::new("slack.zip", zip)], &options(None))
        .err()
        .unwrap_or_else(|| panic!("{case}: expected an error"));
    let entry = "slack.zip/general\\n/2024-03-01.json: line 1";
    assert!(message.starts_with(entry), "{case}: {message}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{case}: {err}");
    assert_eq!(err.lines().count(), 1, "{case}: {err}");
    assert!(
        err.starts_with(&format!("peerscope: {entry}")),
        "{case}: {err}"
    );
}
