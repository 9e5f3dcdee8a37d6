//! What the numbers mean and what to do about them: the verdict (score, label, headline,
//! network type) and the playbook (the checklist for a profile and goal).
//!
//! Reads the measures and the report's types; nothing here reads a file or draws.

pub mod interval;
pub mod measured;
pub mod newcomers;
pub mod playbook;
pub mod spaces;
pub mod trend;
pub mod verdict;
