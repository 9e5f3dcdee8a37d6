//! The export `analyze(input, { interval: false })` keeps for `addInterval()`: the
//! imported dataset, the options and the report without its interval, until the interval
//! is added, `releaseAnalysis()` is called, or the next `analyze()` starts.
//!
//! Why keep the dataset rather than re-import: importing is about half of `analyze()`'s
//! time; the conversation graph the bootstrap reads is rebuilt from the dataset (a few
//! percent of the call) because it borrows from it and cannot be kept beside it.

use std::cell::RefCell;

use peerscope_core::model::options::Options;
use peerscope_core::model::Dataset;
use peerscope_core::report::analyze::{add_interval, Analysis};
use peerscope_core::report::anonymise::anonymise;
use peerscope_core::Report;

/// One analysis waiting for its interval.
pub struct Kept {
    pub dataset: Dataset,
    pub options: Options,
    /// The report without the interval and the trend, with the participants when
    /// `anonymise` (their aliases need them), never anonymised: the aliases are applied
    /// to what is handed over.
    pub analysis: Analysis,
    pub anonymise: bool,
}

thread_local! {
    /// The page's wasm runs on one thread: this is the module's one kept analysis.
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

/// `analysis`'s report as handed over: with pseudonyms when `anonymise`.
pub fn shown(analysis: &Analysis, anonymise_it: bool) -> Report {
    if anonymise_it {
        anonymise(analysis).report
    } else {
        analysis.report.clone()
    }
}

/// Keeps `kept` for [`take_and_add_interval`], dropping what was kept before.
pub fn keep(kept: Kept) {
    KEPT.with(|slot| *slot.borrow_mut() = Some(kept));
}

/// Drops the kept analysis, if any: its dataset's memory is free for the next import.
pub fn release() {
    KEPT.with(|slot| slot.borrow_mut().take());
}

/// The kept report with its interval, confidence and trend added, as `analyze()` without
/// `interval: false` would have returned it; the kept analysis is released. `None` when
/// nothing is kept; `Err` with the core's sentence (which only a named host that is
/// nobody gives, and the verdict already passed that).
pub fn take_and_add_interval() -> Option<Result<Report, String>> {
    let Kept {
        dataset,
        options,
        mut analysis,
        anonymise,
    } = KEPT.with(|slot| slot.borrow_mut().take())?;
    let added = add_interval(&dataset, &options, &mut analysis.report);
    // The dataset is the big part: free it before the report is copied out to JS.
    drop(dataset);
    Some(
        added
            .map(|()| shown(&analysis, anonymise))
            .map_err(|e| e.to_string()),
    )
}
