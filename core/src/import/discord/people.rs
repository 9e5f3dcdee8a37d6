//! The people of a DiscordChatExporter file: authors, mentioned users and reactors, each
//! interned once and afterwards only looked up, by number where the id is a snowflake.

use rustc_hash::FxHashMap;

use super::User;
use crate::import::absent;
use crate::model::{Dataset, Person, PersonIdx};

/// The index of `user` in `dataset`, interned as [`Dataset::intern_person`] does; a known
/// person is only looked up (no [`Person`] built, nothing copied) when this sighting adds
/// nothing to them, as almost every sighting after the first does.
pub(super) fn intern(dataset: &mut Dataset, known: &mut KnownPeople, user: &User) -> PersonIdx {
    let number = snowflake(&user.id);
    let found = number
        .and_then(|n| known.0.get(&n).copied())
        .or_else(|| dataset.person_with_id(&user.id));
    if let Some(idx) = found {
        let flags = Flags::of(user);
        let adds_nothing = dataset.people.get(idx as usize).is_some_and(|p| {
            !p.display_name.is_empty()
                && (p.is_bot || !user.is_bot)
                && (p.placeholder || !flags.placeholder)
                && (p.deleted || !flags.deleted)
        });
        if adds_nothing {
            return idx;
        }
    }
    let idx = dataset.intern_person(person(user));
    if let Some(n) = number {
        known.0.insert(n, idx);
    }
    idx
}

/// The people one file has named so far, by their id read as a number: Discord ids are
/// snowflakes (decimal u64), and a look-up by number skips hashing and comparing the id's
/// text, which took a tenth of the time of reading an export.
#[derive(Default)]
pub(crate) struct KnownPeople(FxHashMap<u64, PersonIdx>);

/// `id` as a number when it is one written the one way (1 to 19 digits, no leading
/// zero, so that two ids that differ as text never share a number); `None` otherwise.
fn snowflake(id: &str) -> Option<u64> {
    let digits = id.as_bytes();
    let plain = matches!(digits.len(), 1..=19)
        && digits.iter().all(u8::is_ascii_digit)
        && (digits.len() == 1 || !id.starts_with('0'));
    plain.then(|| id.parse().ok()).flatten()
}

/// Whether a user stands for many people, or is a deleted account: Discord's shared
/// deleted account is a placeholder, a "Deleted User" with its own id a deleted person
/// (docs/METRICS.md §1).
struct Flags {
    placeholder: bool,
    deleted: bool,
}

impl Flags {
    fn of(user: &User) -> Flags {
        let name = user.name.as_deref().unwrap_or("");
        let placeholder = absent::is_placeholder(&user.id, name);
        Flags {
            placeholder,
            deleted: !placeholder && absent::is_deleted(name),
        }
    }
}

/// A user as a [`Person`], shown by their nickname when they have one.
fn person(user: &User) -> Person {
    let name = user.name.as_deref().unwrap_or("");
    let shown = user.nickname.as_deref().filter(|n| !n.is_empty());
    let flags = Flags::of(user);
    Person::named(user.id.to_string(), name)
        .with_display_name(shown.unwrap_or(name))
        .with_bot(user.is_bot)
        .with_placeholder(flags.placeholder)
        .with_deleted(flags.deleted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_numbers_only_when_written_one_way() {
        assert_eq!(snowflake("1175928849142784060"), Some(1175928849142784060));
        assert_eq!(snowflake("0"), Some(0));
        assert_eq!(snowflake("007"), None, "\"007\" and \"7\" are two ids");
        assert_eq!(snowflake("+7"), None);
        assert_eq!(snowflake("12345678901234567890"), None, "past 19 digits");
        assert_eq!(snowflake(""), None);
        assert_eq!(snowflake("ann"), None);
    }
}
