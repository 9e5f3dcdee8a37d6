//! Where the CLI writes: the report to standard output, one error line to standard error.
//!
//! Neither panics when the other end is gone. A reader that stops early (`… --json |
//! head -c 100`) closes the pipe: that ends the run quietly with status 0, as ripgrep
//! and other Unix tools do. Any other failure to write the report (a full disk,
//! `>/dev/full`) is one sentence on standard error and status 2.

use std::io::{self, Write};
use std::process::ExitCode;

use peerscope_core::import::plain::one_line;

/// Writes `text` to standard output and flushes it; see the module for the status.
pub fn report(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => written_or_not(&e),
    }
}

/// The status after a failed write to standard output: 0 for a reader that went away,
/// else 2 with the one error line.
fn written_or_not(e: &io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    fail(&format!(
        "the report could not be written to the standard output ({e})"
    ))
}

/// Prints the one error line (controls escaped: a file name from the command line may
/// hold them) and returns status 2. A standard error that cannot be written to is left
/// alone: the status still says the run failed.
pub fn fail(message: &str) -> ExitCode {
    let line = format!("peerscope: {}\n", one_line(message));
    let _ = io::stderr().lock().write_all(line.as_bytes());
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_success_and_a_full_disk_is_not() {
        let gone = io::Error::from(io::ErrorKind::BrokenPipe);
        assert_eq!(written_or_not(&gone), ExitCode::SUCCESS);
        let full = io::Error::from(io::ErrorKind::StorageFull);
        assert_eq!(written_or_not(&full), ExitCode::from(2));
    }
}
