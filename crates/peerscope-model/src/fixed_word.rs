//! The report's few fixed words (`schema`, a median's `unit`, the timeline's `bucket`, a
//! detection's `confidence`) and how they are read back. Reading a whole report back is
//! `report/wire.rs`'s concern; its tests prove the round trip.

use serde::{Deserialize, Deserializer};

/// One of the few fixed words of the report: `&'static str`, so building a report
/// allocates none. Written through this alias because serde borrows any field spelled
/// `&str` from its input, which would tie every report read back to a `'static` input;
/// these fields are read with [`one_of`] instead, and borrow nothing.
pub type FixedWord = &'static str;

/// Reads a string that must be one of `known` (the report's fixed words), as the `'static`
/// word itself.
pub(crate) fn one_of<'de, D: Deserializer<'de>>(
    d: D,
    known: &[FixedWord],
) -> Result<FixedWord, D::Error> {
    let word = String::deserialize(d)?;
    self::known(&word, known)
}

/// `word` as the entry of `known` it equals, or an error naming it.
pub(crate) fn known<E: serde::de::Error>(
    word: &str,
    known: &[&'static str],
) -> Result<&'static str, E> {
    known
        .iter()
        .find(|&&k| k == word)
        .copied()
        .ok_or_else(|| E::custom(format!("unexpected word {word:?}")))
}
