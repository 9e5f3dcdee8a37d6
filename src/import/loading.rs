//! Where an import is: bytes read of the total, messages read so far, then the analysis;
//! and the words and fraction the progress bar shows for it (pure, tested natively).

use serde::{Deserialize, Serialize};

/// Which part of the work is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// Reading (and, in the worker, parsing as it reads) the files.
    Reading,
    /// Measuring and laying out what was read: no byte count, so the bar is indeterminate.
    Analysing,
}

/// Which path did the work, shown as `data-import-path` so tests (and curious people) can
/// tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Runner {
    /// The import worker: the page stays responsive throughout.
    Worker,
    /// The main thread (no worker could start): reading in slices keeps the page
    /// responsive; the analysis itself blocks it.
    MainThread,
}

impl Runner {
    /// `worker` or `main-thread`.
    pub fn as_str(self) -> &'static str {
        match self {
            Runner::Worker => "worker",
            Runner::MainThread => "main-thread",
        }
    }
}

/// One progress report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Loading {
    pub stage: Stage,
    /// The file being read (empty once analysing).
    pub file: String,
    /// Bytes read of all the files, 0..=`total`.
    pub read: u64,
    /// Bytes in all the files together.
    pub total: u64,
    /// Messages read so far; 0 while the importer cannot count yet (formats read whole
    /// count once each file is done).
    pub messages: u64,
}

/// What one import in the worker cost, measured there (and `decode_ms` on the page); the
/// page shows them as `data-` attributes of `#import-status` for tests and measurements.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Reading and parsing the files, in ms (0 when the worker reused its earlier import).
    pub import_ms: f64,
    /// Measuring, in ms: to the verdict, and the layout and interval too when they come
    /// in the same answer (a small export).
    pub analyse_ms: f64,
    /// Turning the analysis into a JS object to send, in ms.
    pub encode_ms: f64,
    /// The worker's wasm memory in bytes when done (wasm memory only grows: the peak).
    pub memory: u64,
    /// Reading the analysis object back on the page, in ms.
    pub decode_ms: f64,
}

impl Loading {
    /// The start of reading `total` bytes, the first file being `file`.
    pub fn start(file: &str, total: u64) -> Loading {
        Loading {
            stage: Stage::Reading,
            file: file.to_string(),
            read: 0,
            total,
            messages: 0,
        }
    }

    /// The analysis of `messages` messages, once everything is read.
    pub fn analysing(total: u64, messages: u64) -> Loading {
        Loading {
            stage: Stage::Analysing,
            file: String::new(),
            read: total,
            total,
            messages,
        }
    }

    /// How much is read, 0.0..=1.0; `None` while analysing (an indeterminate bar). An empty
    /// file is all read (1.0).
    pub fn fraction(&self) -> Option<f64> {
        match self.stage {
            Stage::Analysing => None,
            Stage::Reading if self.total == 0 => Some(1.0),
            Stage::Reading => Some((self.read.min(self.total) as f64) / (self.total as f64)),
        }
    }

    /// The bar's label, e.g. "Reading general.json: 12.5 of 40.1 MB, 31 204 messages so
    /// far" or "Analysing 100 000 messages…".
    pub fn label(&self) -> String {
        match self.stage {
            Stage::Analysing if self.messages == 0 => "Analysing the export…".to_string(),
            Stage::Analysing => format!("Analysing {}…", messages(self.messages)),
            Stage::Reading => {
                let counted = if self.messages > 0 {
                    format!(", {} so far", messages(self.messages))
                } else if self.total > 0 && self.read >= self.total {
                    // Read whole, now parsed in place: the count comes when that is done.
                    ", reading the messages…".to_string()
                } else {
                    String::new()
                };
                format!(
                    "Reading {}: {} of {}{counted}",
                    self.file,
                    megabytes_of(self.read, self.total),
                    megabytes(self.total)
                )
            }
        }
    }
}

/// `n` in groups of three split by a narrow no-break space ("100 000"), so a long count
/// reads at a glance and never breaks across lines.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202F}');
        }
        out.push(c);
    }
    out
}

/// "1 message", "31 204 messages".
fn messages(n: u64) -> String {
    if n == 1 {
        "1 message".to_string()
    } else {
        format!("{} messages", grouped(n))
    }
}

/// A size in decimal megabytes, as file managers show it: one decimal below 100 MB
/// ("40.1 MB"), none above ("717 MB"), "0.1 MB" as the least for a non-empty file, and
/// gigabytes from 1 000 MB ("1.3 GB").
pub fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / 1e6;
    if mb >= 1000.0 {
        format!("{:.1} GB", mb / 1000.0)
    } else if mb >= 100.0 {
        format!("{mb:.0} MB")
    } else if bytes > 0 && mb < 0.1 {
        "0.1 MB".to_string()
    } else {
        format!("{mb:.1} MB")
    }
}

/// The number part of [`megabytes`] for `read` in the unit `total` is shown in, so the
/// label reads "12.5 of 40.1 MB" rather than "12.5 MB of 40.1 MB".
fn megabytes_of(read: u64, total: u64) -> String {
    let shown = megabytes(read.min(total));
    let unit = |s: &str| s.rsplit(' ').next().map(str::to_string);
    if unit(&shown) == unit(&megabytes(total)) {
        shown
            .rsplit_once(' ')
            .map_or(shown.clone(), |(n, _)| n.to_string())
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraction_moves_from_zero_to_one_and_is_none_while_analysing() {
        let mut loading = Loading::start("a.json", 400);
        assert_eq!(loading.fraction(), Some(0.0));
        loading.read = 100;
        assert_eq!(loading.fraction(), Some(0.25));
        loading.read = 900;
        assert_eq!(loading.fraction(), Some(1.0), "never past the end");
        assert_eq!(Loading::start("e.json", 0).fraction(), Some(1.0));
        assert_eq!(Loading::analysing(400, 12).fraction(), None);
    }

    #[test]
    fn labels_say_the_file_the_bytes_and_the_messages() {
        let mut loading = Loading::start("general.json", 40_100_000);
        loading.read = 12_500_000;
        assert_eq!(loading.label(), "Reading general.json: 12.5 of 40.1 MB");
        loading.messages = 31_204;
        assert_eq!(
            loading.label(),
            "Reading general.json: 12.5 of 40.1 MB, 31\u{202F}204 messages so far"
        );
        loading.total = 1_300_000_000;
        assert_eq!(
            loading.label(),
            "Reading general.json: 12.5 MB of 1.3 GB, 31\u{202F}204 messages so far"
        );
        let mut whole = Loading::start("general.json", 40_100_000);
        whole.read = whole.total;
        assert_eq!(
            whole.label(),
            "Reading general.json: 40.1 of 40.1 MB, reading the messages…"
        );
        assert_eq!(
            Loading::analysing(9, 100_000).label(),
            "Analysing 100\u{202F}000 messages…"
        );
        assert_eq!(Loading::analysing(9, 1).label(), "Analysing 1 message…");
        assert_eq!(
            Loading::analysing(9, 0).label(),
            "Analysing the export…",
            "the main-thread path counts nothing before the analysis"
        );
    }

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(megabytes(0), "0.0 MB");
        assert_eq!(megabytes(1), "0.1 MB");
        assert_eq!(megabytes(40_149_999), "40.1 MB");
        assert_eq!(megabytes(717_000_000), "717 MB");
        assert_eq!(megabytes(1_000_000_000), "1.0 GB");
        assert_eq!(grouped(1_234_567), "1\u{202F}234\u{202F}567");
        assert_eq!(grouped(999), "999");
    }
}
