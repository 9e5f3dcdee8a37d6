//! [`both`]: two independent pieces of the analysis side by side where the machine has
//! threads (the CLI), one after the other where it has none (the page's wasm).
//!
//! It lives in `graph`, the lowest layer whose work is worth splitting, so that the
//! measures, the advice and the report above it can all use it. Results never depend on
//! which way it ran: each piece is a pure function of what it borrows, and any seeded
//! randomness stays inside the piece that draws it.

#[cfg(not(target_arch = "wasm32"))]
use crate::model::work;

/// Runs `first` and `second` and returns both results, `first`'s first.
///
/// Natively `second` runs on a thread of its own while `first` runs on the calling
/// thread (so `first` may hold what cannot cross threads, like a progress callback); on
/// wasm32 `first` runs, then `second`, on the calling thread. The work `second` counts
/// (`model::work`) is added to the calling thread's count either way, so the linear-time
/// tests see the whole analysis. A panic in either piece is passed on to the caller.
pub fn both<A, B: Send>(first: impl FnOnce() -> A, second: impl FnOnce() -> B + Send) -> (A, B) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let (a, (b, steps)) = std::thread::scope(|threads| {
            let beside = threads.spawn(|| counted(second));
            let a = first();
            match beside.join() {
                Ok(done) => (a, done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
        work::add(steps);
        (a, b)
    }
    #[cfg(target_arch = "wasm32")]
    {
        let a = first();
        (a, second())
    }
}

/// `run`'s result and the work it counted on this thread.
#[cfg(not(target_arch = "wasm32"))]
fn counted<B>(run: impl FnOnce() -> B) -> (B, u64) {
    let before = work::steps();
    let done = run();
    (done, work::steps().saturating_sub(before))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::work;

    #[test]
    fn gives_both_results_in_order_and_keeps_the_work_counted_beside() {
        work::reset();
        let (a, b) = both(
            || {
                work::add(2);
                "first"
            },
            || {
                work::add(5);
                7
            },
        );
        assert_eq!((a, b), ("first", 7));
        assert_eq!(work::steps(), 7);
    }

    #[test]
    fn a_panic_beside_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| both(|| 1, || -> u8 { panic!("beside") }));
        assert!(caught.is_err());
    }
}
