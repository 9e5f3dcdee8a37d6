//! The answer on the page: verdict, checklist, charts, deeper numbers, newcomers, downloads,
//! progress.

pub mod charts;
pub mod checklist;
pub mod deeper;
pub mod downloads;
pub mod measures;
pub mod newcomers;
pub mod privacy;
pub mod progress;
pub mod since;
pub mod storage;
pub mod verdict;
