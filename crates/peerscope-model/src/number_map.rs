//! [`NumberMap`]: a map from a number (`u64`) to a small value, whose look-up reads one
//! slot of memory: key and value side by side, found by linear probing.
//!
//! Why not hashbrown: its look-up reads a group of control bytes, then the slot, two
//! places in memory; once the map outgrows the cache, two misses. The people of the 1 M
//! Discord export (about 150 000, looked up about twice a message) cost 17% of its parse
//! that way; with this map that part took 0.2 s less of the 2.37 s of CPU (3 runs each,
//! alternated, load 10–11; docs/PERFORMANCE.md, "CLI parse at 1 M, session 10"). It takes
//! 16 bytes a slot at most half full, against hashbrown's 17 at most seven eighths full.

/// Keys are stored plus one, so that 0 marks an empty slot.
const EMPTY: u64 = 0;

/// A map from `u64` to a `Copy` value; empty until the first insert.
#[derive(Debug, Clone)]
pub struct NumberMap<V> {
    /// (key + 1 or [`EMPTY`], value); a power of two long and at most half full, so a
    /// probe always ends at an empty slot.
    slots: Vec<(u64, V)>,
    used: usize,
    /// The value of the key `u64::MAX`, which has no "plus one".
    last: Option<V>,
}

// By hand: a derived `Default` would ask the same of `V`, and an empty map holds no value.
impl<V> Default for NumberMap<V> {
    fn default() -> Self {
        NumberMap {
            slots: Vec::new(),
            used: 0,
            last: None,
        }
    }
}

impl<V: Copy> NumberMap<V> {
    /// The value of `key`, if one was inserted.
    pub fn get(&self, key: u64) -> Option<V> {
        let Some(stored) = key.checked_add(1) else {
            return self.last;
        };
        let mut at = self.home(key);
        loop {
            match *self.slots.get(at)? {
                (k, value) if k == stored => return Some(value),
                (EMPTY, _) => return None,
                _ => at = (at + 1) & self.slots.len().wrapping_sub(1),
            }
        }
    }

    /// Sets the value of `key`, replacing the one it had.
    pub fn insert(&mut self, key: u64, value: V) {
        let Some(stored) = key.checked_add(1) else {
            self.last = Some(value);
            return;
        };
        if (self.used + 1) * 2 > self.slots.len() {
            self.grow(value);
        }
        let mut at = self.home(key);
        while let Some(slot) = self.slots.get_mut(at) {
            if slot.0 == EMPTY || slot.0 == stored {
                self.used += usize::from(slot.0 == EMPTY);
                *slot = (stored, value);
                return;
            }
            at = (at + 1) & self.slots.len().wrapping_sub(1);
        }
    }

    /// Doubles the slots (1024 at first) and puts every entry back; `filler` is any value,
    /// held by empty slots.
    fn grow(&mut self, filler: V) {
        let old = std::mem::take(&mut self.slots);
        self.slots = vec![(EMPTY, filler); (old.len() * 2).max(1024)];
        self.used = 0;
        for (stored, value) in old.into_iter().filter(|&(k, _)| k != EMPTY) {
            self.insert(stored - 1, value);
        }
    }

    /// Where the probe for `key` starts: the top bits of a multiplicative hash (Fibonacci
    /// hashing), which mixes every bit of the key into them.
    fn home(&self, key: u64) -> usize {
        let bits = self.slots.len().trailing_zeros();
        match bits {
            0 => 0,
            _ => (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_inserted_and_nothing_else() {
        let mut map = NumberMap::default();
        assert_eq!(map.get(5), None, "empty");
        let keys: Vec<u64> = (0..5000u64)
            .map(|i| i.wrapping_mul(1 << 22) ^ i)
            .chain([0, 1, u64::MAX, u64::MAX - 1])
            .collect();
        for (i, &k) in keys.iter().enumerate() {
            map.insert(k, i);
        }
        for (i, &k) in keys.iter().enumerate().skip(1) {
            assert_eq!(map.get(k), Some(i), "key {k}");
        }
        assert_eq!(map.get(0), Some(5000), "the later insert replaced");
        assert_eq!(map.get(u64::MAX), Some(5002));
        assert_eq!(map.get(3), None);
        assert_eq!(map.get(1 << 40), None);
        assert_eq!(
            map.used, 5002,
            "replacing adds no entry; u64::MAX is kept aside"
        );
        assert!(map.used * 2 <= map.slots.len());
    }
}
