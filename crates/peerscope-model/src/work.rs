//! A count of the steps the passes that could grow with the square of their input take
//! (mention resolution, sender and channel look-ups, inferred replies), so tests can check
//! that doubling an input at most about doubles the work, without timing anything.
//!
//! The count is per thread (each test runs on its own thread) and only ever grows;
//! [`reset`] sets it back to 0. Counting costs one add on a thread-local cell.

use std::cell::Cell;

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// Adds `steps` units of work (comparisons, look-ups, characters hashed) to the count.
pub fn add(steps: u64) {
    STEPS.with(|s| s.set(s.get().saturating_add(steps)));
}

/// The steps counted on this thread since the last [`reset`] (0 at the start).
pub fn steps() -> u64 {
    STEPS.with(Cell::get)
}

/// Sets this thread's count back to 0.
pub fn reset() {
    STEPS.with(|s| s.set(0));
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_per_thread() {
        super::reset();
        super::add(3);
        super::add(u64::MAX);
        assert_eq!(super::steps(), u64::MAX);
        std::thread::spawn(|| assert_eq!(super::steps(), 0))
            .join()
            .unwrap_or_default();
        super::reset();
        assert_eq!(super::steps(), 0);
    }
}
