//! Where the report goes: a reader that leaves early ends the run quietly with status 0;
//! a disk that cannot take it is status 2 and one line.

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::process::{Command, Stdio};

const FIXTURE: &str = "tests/fixtures/discord_lobby.json";

fn peerscope() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_peerscope"));
    command.current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    command
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_0() {
    for args in [vec!["analyze", "--json", FIXTURE], vec!["analyze", FIXTURE]] {
        let mut child = peerscope()
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Nobody reads: the first write meets a closed pipe, as after `| head -c 100`.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: quiet, but said {stderr:?}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_status_2_and_one_line() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = peerscope()
        .args(["analyze", "--json", FIXTURE])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        "peerscope: the report could not be written to the standard output (No space left \
         on device (os error 28))\n"
    );
}
