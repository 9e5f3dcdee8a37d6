//! Unstable sorting that costs the page's wasm one copy of the sort.
//!
//! The standard library's unstable sort is compiled once per element type and comparison,
//! about 5 KB of raw wasm each (docs/PERFORMANCE.md "Wasm size"). On wasm32
//! [`UnstableSort`] runs one compiled sort, [`introsort`], that reaches the slice through
//! [`Positions`] (compare two positions, swap two positions) behind a `dyn`; each caller
//! adds only those two small functions. It sorts in place, so it reads the items in
//! order, unlike [`crate::stable_sort`]'s sort of positions, which on a million
//! items jumps about memory at every comparison. Natively it is the standard sort, so the
//! CLI keeps its speed.

use std::cmp::Ordering;

/// Sorts for comparisons under which equal items cannot be told apart: a plain value's
/// own order (numbers, tuples of them, `f64::total_cmp`), or a comparison that ends on a
/// field no two items share. Natively these are the standard unstable sorts; on wasm32
/// [`introsort`], which the condition makes give the same result: any two orders of
/// equal items are the same slice.
pub trait UnstableSort<T> {
    /// Sorts by `compare`.
    fn unstable_sort_by(&mut self, compare: impl FnMut(&T, &T) -> Ordering);

    /// Sorts by the key `key` gives.
    fn unstable_sort_by_key<K: Ord>(&mut self, mut key: impl FnMut(&T) -> K) {
        self.unstable_sort_by(|a, b| key(a).cmp(&key(b)));
    }

    /// Sorts ascending.
    fn unstable_sort(&mut self)
    where
        T: Ord,
    {
        self.unstable_sort_by(T::cmp);
    }
}

impl<T> UnstableSort<T> for [T] {
    #[cfg(not(target_arch = "wasm32"))]
    fn unstable_sort_by(&mut self, compare: impl FnMut(&T, &T) -> Ordering) {
        self.sort_unstable_by(compare);
    }

    #[cfg(target_arch = "wasm32")]
    fn unstable_sort_by(&mut self, compare: impl FnMut(&T, &T) -> Ordering) {
        introsort(&mut Slice {
            items: self,
            compare,
        });
    }
}

/// What [`introsort`] needs of a sequence: its length, the order of the items at two
/// positions (one call however the three-way split reads it), and swapping two positions.
/// Positions out of range compare as equal and do not swap.
trait Positions {
    fn len(&self) -> usize;
    fn order(&mut self, a: usize, b: usize) -> Ordering;
    fn swap(&mut self, a: usize, b: usize);

    /// The item at `a` comes before the item at `b`.
    fn before(&mut self, a: usize, b: usize) -> bool {
        self.order(a, b) == Ordering::Less
    }
}

/// A slice and its comparison, as [`Positions`].
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
struct Slice<'a, T, F> {
    items: &'a mut [T],
    compare: F,
}

impl<T, F: FnMut(&T, &T) -> Ordering> Positions for Slice<'_, T, F> {
    fn len(&self) -> usize {
        self.items.len()
    }

    fn order(&mut self, a: usize, b: usize) -> Ordering {
        match (self.items.get(a), self.items.get(b)) {
            (Some(x), Some(y)) => (self.compare)(x, y),
            _ => Ordering::Equal,
        }
    }

    fn swap(&mut self, a: usize, b: usize) {
        if a < self.items.len() && b < self.items.len() {
            self.items.swap(a, b);
        }
    }
}

/// Runs at most this long are sorted by insertion.
const SHORT: usize = 16;

/// Sorts `s` ascending: quicksort around a median of three with a three-way split (so
/// runs of equal items cost one pass), insertion sort for short runs, and heapsort for a
/// run still unsplit after 2·log₂ n levels, so never quadratic. The only compiled sort
/// behind [`UnstableSort`] on wasm32.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn introsort(s: &mut dyn Positions) {
    let n = s.len();
    let depth = 2 * (usize::BITS - n.leading_zeros()) as usize;
    quick(s, 0, n, depth);
}

/// Sorts `lo..hi`: recursion on the shorter side, a loop on the longer, so the stack is
/// at most log₂ n deep.
fn quick(s: &mut dyn Positions, mut lo: usize, mut hi: usize, mut depth: usize) {
    while hi - lo > SHORT {
        if depth == 0 {
            heap(s, lo, hi);
            return;
        }
        depth -= 1;
        let (less_end, more_start) = split(s, lo, hi);
        if less_end - lo < hi - more_start {
            quick(s, lo, less_end, depth);
            lo = more_start;
        } else {
            quick(s, more_start, hi, depth);
            hi = less_end;
        }
    }
    insertion(s, lo, hi);
}

/// Splits `lo..hi` (at least 3 long) around the median of its first, middle and last
/// items: returns `(a, b)` with `lo..a` before the pivot, `a..b` equal to it and `b..hi`
/// after it.
fn split(s: &mut dyn Positions, lo: usize, hi: usize) -> (usize, usize) {
    let (first, mid, last) = (lo, lo + (hi - lo) / 2, hi - 1);
    // The three in order, then the median to the front.
    if s.before(mid, first) {
        s.swap(mid, first);
    }
    if s.before(last, mid) {
        s.swap(last, mid);
        if s.before(mid, first) {
            s.swap(mid, first);
        }
    }
    s.swap(first, mid);
    // `lt` always holds an item equal to the pivot: `lt..i` are all equal to it.
    let (mut lt, mut i, mut gt) = (lo, lo + 1, hi);
    while i < gt {
        match s.order(i, lt) {
            Ordering::Less => {
                s.swap(lt, i);
                lt += 1;
                i += 1;
            }
            Ordering::Greater => {
                gt -= 1;
                s.swap(i, gt);
            }
            Ordering::Equal => i += 1,
        }
    }
    (lt, gt)
}

fn insertion(s: &mut dyn Positions, lo: usize, hi: usize) {
    for i in lo + 1..hi {
        let mut j = i;
        while j > lo && s.before(j, j - 1) {
            s.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Heapsort of `lo..hi`.
fn heap(s: &mut dyn Positions, lo: usize, hi: usize) {
    let n = hi - lo;
    for start in (0..n / 2).rev() {
        sift_down(s, lo, start, n);
    }
    for end in (1..n).rev() {
        s.swap(lo, lo + end);
        sift_down(s, lo, 0, end);
    }
}

/// Moves the item at `lo + root` down the max-heap `lo..lo + n`.
fn sift_down(s: &mut dyn Positions, lo: usize, mut root: usize, n: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= n {
            return;
        }
        if child + 1 < n && s.before(lo + child, lo + child + 1) {
            child += 1;
        }
        if !s.before(lo + root, lo + child) {
            return;
        }
        s.swap(lo + root, lo + child);
        root = child;
    }
}

#[cfg(test)]
mod tests;
