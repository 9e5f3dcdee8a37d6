//! A zip read within the budgets of [`budget`](super::budget), for the formats that
//! arrive zipped (Slack, WhatsApp): entries are listed by name, so an entry no importer
//! wants is never unpacked; each wanted entry is unpacked on its own, counted as it
//! inflates and stopped at its budget (the sizes the zip declares are not trusted); and
//! entries that share packed data, which only a crafted zip has, are refused before any
//! is unpacked.
//!
//! Entry names are read with `\` as a folder separator too: Windows PowerShell's
//! `Compress-Archive` writes `general\2024-03-01.json`.

use std::io::Cursor;

use zip::ZipArchive;

use super::budget::{
    read_at_most, size_words, Capped, MAX_DROP_UNPACKED_BYTES, MAX_ENTRY_BYTES, MAX_INFLATE_RATIO,
    MAX_ZIP_BYTES, MAX_ZIP_ENTRIES, RATIO_FROM_BYTES,
};
use crate::import::error::ImportError;
use crate::model::unstable_sort::UnstableSort;
use crate::model::Dataset;

/// One zip over bytes in memory, and what has been unpacked from it.
pub(crate) struct Zip<'b> {
    file: &'b str,
    archive: ZipArchive<Cursor<&'b [u8]>>,
    unpacked: u64,
}

/// The budget an entry ran into first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Budget {
    Declared,
    Entry,
    Ratio,
    Zip,
    Drop,
}

impl<'b> Zip<'b> {
    /// Opens the zip `file` (its bytes), with no budget checked: for detection, which
    /// looks at names and the first bytes of entries only.
    pub(crate) fn open(file: &'b str, bytes: &'b [u8]) -> zip::result::ZipResult<Zip<'b>> {
        Ok(Zip {
            file,
            archive: ZipArchive::new(Cursor::new(bytes))?,
            unpacked: 0,
        })
    }

    /// Opens the zip `file` to read it, refusing one that cannot be opened (`what`
    /// follows the reason, to say what to do) or that holds more than
    /// [`MAX_ZIP_ENTRIES`] entries.
    pub(crate) fn open_to_read(
        file: &'b str,
        bytes: &'b [u8],
        what: &str,
    ) -> Result<Zip<'b>, ImportError> {
        let zip = Zip::open(file, bytes).map_err(|e| ImportError::Shape {
            file: file.to_string(),
            what: format!("the zip cannot be opened ({e}){what}"),
        })?;
        entries_within_budget(file, zip.archive.len())?;
        Ok(zip)
    }

    /// Every entry that is not a folder: its index and its name, `\` read as `/`.
    pub(crate) fn names(&self) -> Vec<(usize, String)> {
        self.archive
            .file_names()
            .enumerate()
            .map(|(at, name)| (at, normal_name(name)))
            .filter(|(_, name)| !name.ends_with('/'))
            .collect()
    }

    /// The first `n` bytes (or fewer) of entry `at`, unpacked; `None` when the entry
    /// cannot be read (encrypted, damaged), or when this zip's budget is spent. What is
    /// read counts against that budget, so a zip of a million entries to look into costs
    /// no more than one that big to read.
    pub(crate) fn head(&mut self, at: usize, n: u64) -> Option<Vec<u8>> {
        let n = n.min(MAX_ZIP_BYTES.saturating_sub(self.unpacked));
        if n == 0 {
            return None;
        }
        let entry = self.archive.by_index(at).ok()?;
        match read_at_most(std::io::Read::take(entry, n), n, n) {
            Ok(Capped::Whole(bytes)) => {
                self.unpacked = self.unpacked.saturating_add(bytes.len() as u64);
                Some(bytes)
            }
            _ => None,
        }
    }

    /// Refuses the zip when any two of the entries `at` share packed bytes (their local
    /// header and data overlap): a crafted zip that unpacks one payload many times.
    /// Entries whose header cannot be read are left to [`Zip::read`] to report.
    pub(crate) fn refuse_overlaps(&mut self, at: &[usize]) -> Result<(), ImportError> {
        let mut spans: Vec<(u64, u64, usize)> = Vec::with_capacity(at.len());
        for &index in at {
            if let Ok(entry) = self.archive.by_index_raw(index) {
                let end = entry.data_start().saturating_add(entry.compressed_size());
                spans.push((entry.header_start(), end, index));
            }
        }
        spans.unstable_sort();
        for pair in spans.windows(2) {
            if let [(_, end, first), (start, _, second)] = pair {
                if start < end {
                    return Err(ImportError::Shape {
                        file: self.file.to_string(),
                        what: format!(
                            "the entries \"{}\" and \"{}\" share the same packed data, which \
                             no real export does (a zip bomb?); download the export again",
                            self.name(*first),
                            self.name(*second)
                        ),
                    });
                }
            }
        }
        Ok(())
    }

    /// Entry `at` unpacked whole, counted against this zip's budget and the drop's
    /// (`dataset`); past the first budget it meets, one sentence naming the zip, the entry
    /// and the budget.
    pub(crate) fn read(
        &mut self,
        at: usize,
        dataset: &mut Dataset,
    ) -> Result<Vec<u8>, ImportError> {
        let name = self.name(at);
        let (file, unpacked) = (self.file, self.unpacked);
        let unreadable = |e: &dyn std::fmt::Display| ImportError::Shape {
            file: format!("{file}: {name}"),
            what: format!("this entry of the zip cannot be unpacked ({e})"),
        };
        let entry = self.archive.by_index(at).map_err(|e| unreadable(&e))?;
        let (limit, budget) = limit_of(entry.compressed_size(), unpacked, dataset);
        // The page weighed the zip by the sizes it declares (`declared`): an entry that
        // unpacks past its own is stopped there, so that weight is never exceeded.
        let (limit, budget) = if entry.size() < limit {
            (entry.size(), Budget::Declared)
        } else {
            (limit, budget)
        };
        let expected = limit;
        match read_at_most(entry, limit, expected).map_err(|e| unreadable(&e))? {
            Capped::Whole(bytes) => {
                self.unpacked = self.unpacked.saturating_add(bytes.len() as u64);
                dataset.add_unpacked_bytes(bytes.len() as u64);
                Ok(bytes)
            }
            Capped::Over => Err(ImportError::Shape {
                file: format!("{file}: {name}"),
                what: over_budget(budget),
            }),
        }
    }

    /// The name of entry `at`, `\` read as `/` (empty when there is none).
    pub(crate) fn name(&self, at: usize) -> String {
        self.archive
            .name_for_index(at)
            .map(normal_name)
            .unwrap_or_default()
    }
}

/// Refuses a zip `file` of `count` entries past [`MAX_ZIP_ENTRIES`].
fn entries_within_budget(file: &str, count: usize) -> Result<(), ImportError> {
    if count <= MAX_ZIP_ENTRIES {
        return Ok(());
    }
    Err(ImportError::Shape {
        file: file.to_string(),
        what: format!(
            "the zip holds {count} entries, more than the {MAX_ZIP_ENTRIES} peerscope reads \
             from one zip; export a shorter period or fewer channels"
        ),
    })
}

/// A zip entry's name with `\` read as `/`.
pub(crate) fn normal_name(name: &str) -> String {
    name.replace('\\', "/")
}

/// The most an entry packed in `packed` bytes may unpack to, after `unpacked` bytes of
/// its zip and what `dataset` already holds from others, and the budget that sets it.
fn limit_of(packed: u64, unpacked: u64, dataset: &Dataset) -> (u64, Budget) {
    let by_ratio = packed
        .saturating_mul(MAX_INFLATE_RATIO)
        .max(RATIO_FROM_BYTES);
    [
        (MAX_ENTRY_BYTES, Budget::Entry),
        (by_ratio, Budget::Ratio),
        (MAX_ZIP_BYTES.saturating_sub(unpacked), Budget::Zip),
        (
            MAX_DROP_UNPACKED_BYTES.saturating_sub(dataset.unpacked_bytes()),
            Budget::Drop,
        ),
    ]
    .into_iter()
    .min_by_key(|&(bytes, _)| bytes)
    .unwrap_or((0, Budget::Entry))
}

/// The sentence after "zip: entry: " for an entry past `budget`.
fn over_budget(budget: Budget) -> String {
    match budget {
        Budget::Declared => "this entry unpacks to more than the zip says it does, which no \
             export does (a damaged or crafted zip); download the export again"
            .to_string(),
        Budget::Entry => format!(
            "this entry unpacks to more than {}, more than any chat or day file peerscope \
             reads in one piece; export a shorter period",
            size_words(MAX_ENTRY_BYTES)
        ),
        Budget::Ratio => format!(
            "this entry unpacks to more than {MAX_INFLATE_RATIO} times its packed size, \
             which no export does (a zip bomb?); download the export again"
        ),
        Budget::Zip => format!(
            "the zip unpacks to more than {} by this entry, more than peerscope reads from \
             one zip; export a shorter period or fewer channels",
            size_words(MAX_ZIP_BYTES)
        ),
        Budget::Drop => format!(
            "the zips given unpack to more than {} together by this entry, more than \
             peerscope reads at once; analyse fewer files together",
            size_words(MAX_DROP_UNPACKED_BYTES)
        ),
    }
}

pub mod declared;
#[cfg(test)]
mod tests;
