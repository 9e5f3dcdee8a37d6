//! Opening the files named on the command line without waiting forever: a regular file
//! opens as usual, is read ahead on a thread of its own ([`ReadAhead`]) and reports its
//! size; anything else (a named pipe, a device, a process substitution) opens without
//! blocking and has no size, so the importers stream it if they can and hold what they
//! read whole to the core's budget
//! (`peerscope_core::import::budget::MAX_WHOLE_FILE_BYTES`): `/dev/zero` ends there.
//!
//! A named pipe with no program writing to it reads as empty at once (the importers then
//! say the file is empty) instead of blocking in `open` for ever.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::time::Duration;

use crate::read_ahead::ReadAhead;

/// How long a read waits before asking a pipe again when its writer has sent nothing yet.
const PIPE_WAIT: Duration = Duration::from_millis(10);

/// An open input: what to read, and its size in bytes (`u64::MAX` when it has none).
pub struct Opened {
    pub reader: Box<dyn Read>,
    pub size: u64,
}

/// Opens `path` as described in the module.
pub fn open(path: &Path) -> io::Result<Opened> {
    let meta = std::fs::metadata(path)?;
    if meta.is_file() {
        return Ok(Opened {
            reader: Box::new(ReadAhead::new(File::open(path)?)),
            size: meta.len(),
        });
    }
    Ok(Opened {
        reader: Box::new(Patient(open_without_waiting(path)?)),
        size: u64::MAX,
    })
}

/// Opens a file that is not a regular file so that `open` returns at once.
#[cfg(unix)]
fn open_without_waiting(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

/// Elsewhere there are no named pipes to wait on.
#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// A reader over a file opened without blocking: when a pipe's writer has sent nothing
/// yet, it waits a moment and asks again, so reads behave as on a blocking file (a pipe
/// whose writer has gone, or never came, reads as its end).
struct Patient(File);

impl Read for Patient {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match self.0.read(buf) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => std::thread::sleep(PIPE_WAIT),
                other => return other,
            }
        }
    }
}
