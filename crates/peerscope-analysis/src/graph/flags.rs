//! One yes/no per message of a dataset, a bit each: which messages a scope holds, while it
//! is cut and for the bootstrap's drawn scopes. A byte each, kept by every one of the
//! trend's 37 periods of a three-year chat, was 37 bytes a message.

/// A fixed number of flags, all `false` at first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    words: Vec<u64>,
    len: usize,
}

impl Flags {
    /// `len` flags, all `false`.
    pub fn new(len: usize) -> Flags {
        Flags {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// Sets flag `at`; an `at` past the end is ignored.
    pub fn set(&mut self, at: usize) {
        if at >= self.len {
            return;
        }
        if let Some(word) = self.words.get_mut(at / 64) {
            *word |= 1 << (at % 64);
        }
    }

    /// Flag `at`; `false` past the end.
    pub fn get(&self, at: usize) -> bool {
        at < self.len
            && self
                .words
                .get(at / 64)
                .is_some_and(|word| word & (1 << (at % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::Flags;

    #[test]
    fn holds_what_was_set_and_nothing_past_the_end() {
        let mut flags = Flags::new(130);
        for at in [0, 63, 64, 129, 130, 5000] {
            flags.set(at);
        }
        let set: Vec<usize> = (0..200).filter(|&at| flags.get(at)).collect();
        assert_eq!(set, vec![0, 63, 64, 129]);
        assert!(!Flags::new(0).get(0));
    }
}
