//! The hostile corpus of issue 21 for zips and endless inputs: the zips that
//! `tests/hostile/zips.py` writes (bombs of gigabytes in a few MB), a named pipe nobody
//! writes to, and `/dev/zero`. Each runs through the CLI binary under a 4 GiB
//! address-space limit (`ulimit -v`) and a 20 s deadline, one at a time, and must end
//! with status 0 (the export read) or status 2 and one line naming the file; never a
//! panic (101) or an abort (134).

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The address space each run may use, in KiB (`ulimit -v` counts in KiB): 4 GiB.
const ADDRESS_SPACE_KIB: u64 = 4 << 20;
/// How long each run may take.
const DEADLINE: Duration = Duration::from_secs(20);

/// Runs one at a time, so a run's time and memory are its own.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The corpus folder, written by the script on first use (it skips what is there).
fn corpus() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile");
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/hostile/zips.py");
        let status = Command::new("python3")
            .arg(script)
            .arg(&dir)
            .status()
            .unwrap_or_else(|e| panic!("python3 {script} could not run: {e}"));
        assert!(status.success(), "{script} failed: {status}");
        dir
    })
}

/// What one run ended with.
struct Ended {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// `peerscope analyze ARGS…` in the corpus folder, under the limits above.
fn analyze(args: &[&str]) -> Ended {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = corpus();
    let name = args.last().unwrap().replace('/', "_");
    let (out, err) = (
        dir.join(format!("{name}.out")),
        dir.join(format!("{name}.err")),
    );
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {ADDRESS_SPACE_KIB} && exec \"$0\" analyze \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_peerscope"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(File::create(&out).unwrap())
        .stderr(File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} ran past {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ended {
        code: status.code(),
        stdout: std::fs::read_to_string(out).unwrap(),
        stderr: std::fs::read_to_string(err).unwrap(),
    }
}

/// `file` is refused with status 2 and one line that names it and says `why`.
fn refused(file: &str, why: &str) {
    let ended = analyze(&[file]);
    let stderr = &ended.stderr;
    assert!(!stderr.contains("panicked"), "{file}: {stderr}");
    assert_eq!(ended.code, Some(2), "{file}: {stderr}");
    assert_eq!(
        stderr.lines().count(),
        1,
        "{file}: one line, not {stderr:?}"
    );
    assert!(
        stderr.starts_with(&format!("peerscope: {file}: ")),
        "{file}: the line names the file: {stderr:?}"
    );
    assert!(
        stderr.contains(why),
        "{file}: {stderr:?} does not say {why:?}"
    );
}

/// `file` is read with status 0; its message count.
fn messages(file: &str) -> u64 {
    let ended = analyze(&["--json", file]);
    assert_eq!(ended.code, Some(0), "{file}: {}", ended.stderr);
    let report: serde_json::Value = serde_json::from_str(&ended.stdout).unwrap();
    report["counts"]["messages"].as_u64().unwrap()
}

const BOMB: &str = "200 times its packed size, which no export does (a zip bomb?)";
const SHARED: &str = "share the same packed data, which no real export does (a zip bomb?)";

#[test]
fn entries_sharing_one_chat_are_refused_before_any_is_unpacked() {
    refused(
        "overlap.zip",
        "the entries \"_chat.txt\" and \"chat01.txt\" share the same packed data",
    );
}

#[test]
fn sixteen_chat_bombs_stop_at_the_first() {
    refused(
        "chats16.zip",
        &format!("WhatsApp Chat with 0.txt: this entry unpacks to more than {BOMB}"),
    );
}

#[test]
fn a_three_gib_slack_day_stops_at_the_entry_budget() {
    refused(
        "slack_day3g.zip",
        "export/general/2024-03-01.json: this entry unpacks to more than 256 MiB",
    );
}

#[test]
fn four_hundred_slack_days_sharing_data_are_refused() {
    refused("slack_days400.zip", SHARED);
}

#[test]
fn media_are_never_unpacked_and_the_chat_is_read() {
    assert_eq!(messages("media400.zip"), messages("whatsapp_slash.zip"));
}

#[test]
fn backslash_names_are_folders() {
    let whatsapp = messages("whatsapp_backslash.zip");
    assert!(whatsapp > 0);
    assert_eq!(whatsapp, messages("whatsapp_slash.zip"));
    let slack = messages("slack_backslash.zip");
    assert!(slack > 0);
    assert_eq!(slack, messages("slack_slash.zip"));
}

#[cfg(unix)]
#[test]
fn a_named_pipe_nobody_writes_to_ends_at_once() {
    let fifo = corpus().join("nobody-writes.fifo");
    if !fifo.exists() {
        let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success(), "mkfifo failed");
    }
    refused("nobody-writes.fifo", "the file is empty");
}

#[cfg(target_os = "linux")]
#[test]
fn dev_zero_stops_at_the_whole_file_budget() {
    refused(
        "/dev/zero",
        "the file holds more than 2 GiB, the most peerscope reads whole",
    );
}
