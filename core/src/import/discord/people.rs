//! The people of a DiscordChatExporter file: authors, mentioned users and reactors, each
//! interned once and afterwards only looked up, by number where the id is a snowflake.

use super::User;
use crate::import::absent;
use crate::model::decimal_id::decimal_id;
use crate::model::number_map::NumberMap;
use crate::model::{Dataset, Person, PersonIdx};

/// The index of `user` in `dataset`, interned as [`Dataset::intern_person`] does; a known
/// person is only looked up (no [`Person`] built, nothing copied) when this sighting adds
/// nothing to them, as almost every sighting after the first does.
pub(super) fn intern(dataset: &mut Dataset, known: &mut KnownPeople, user: &User) -> PersonIdx {
    let number = decimal_id(&user.id);
    let cached = number.and_then(|n| known.0.get(n));
    let found = cached.or_else(|| {
        let idx = dataset.person_with_id(&user.id)?;
        Sighted::of(dataset, idx)
    });
    if let Some(sighted) = found.filter(|s| s.adds_nothing(user)) {
        if let (Some(n), None) = (number, cached) {
            known.0.insert(n, sighted);
        }
        return sighted.idx;
    }
    let idx = dataset.intern_person(person(user));
    if let Some((n, sighted)) = number.zip(Sighted::of(dataset, idx)) {
        known.0.insert(n, sighted);
    }
    idx
}

/// The people one file has named so far, by their id read as a number: Discord ids are
/// snowflakes (decimal u64), and a look-up by number skips hashing and comparing the id's
/// text, which took a tenth of the time of reading an export. Each keeps what a later
/// sighting could add to, so that a sighting that adds nothing never reads the
/// [`Person`] (a cache miss per author, mention and reactor, measured at about half the
/// time of this look-up); only [`intern`] changes people while a file is read, and it
/// refreshes the entry whenever it does.
#[derive(Default)]
pub(crate) struct KnownPeople(NumberMap<Sighted>);

/// What [`intern`] checks of a person already in the dataset.
#[derive(Clone, Copy)]
struct Sighted {
    idx: PersonIdx,
    named: bool,
    bot: bool,
    placeholder: bool,
    deleted: bool,
}

impl Sighted {
    fn of(dataset: &Dataset, idx: PersonIdx) -> Option<Sighted> {
        let p = dataset.people.get(idx as usize)?;
        Some(Sighted {
            idx,
            named: !p.display_name.is_empty(),
            bot: p.is_bot,
            placeholder: p.placeholder,
            deleted: p.deleted,
        })
    }

    /// Whether interning `user` again would change nothing.
    fn adds_nothing(&self, user: &User) -> bool {
        if !self.named || (user.is_bot && !self.bot) {
            return false;
        }
        let flags = Flags::of(user);
        (self.placeholder || !flags.placeholder) && (self.deleted || !flags.deleted)
    }
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
        if plainly_one_person(&user.id, name) {
            return Flags {
                placeholder: false,
                deleted: false,
            };
        }
        let placeholder = absent::is_placeholder(&user.id, name);
        Flags {
            placeholder,
            deleted: !placeholder && absent::is_deleted(name),
        }
    }
}

/// Whether a user is neither a placeholder nor deleted, told from the first byte of the
/// name: a visible ASCII character (so the trimmed name starts with it and is not empty)
/// with which none of the names of `absent` starts (`[deleted]`, `Facebook User`,
/// `Deleted User`, `Deleted Account`), and an id other than Discord's shared one.
///
/// Why: every author, mention and reactor is checked, and `absent`'s trims and
/// comparisons took about 2% of the instructions of reading an export; this settles
/// almost every name in a comparison or two, and `absent` decides the rest.
fn plainly_one_person(id: &str, name: &str) -> bool {
    let first = name.as_bytes().first().copied().unwrap_or(b' ');
    first.is_ascii_graphic()
        && !matches!(first, b'[' | b'F' | b'D')
        && id != absent::DISCORD_SHARED_DELETED_ID
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
    fn the_quick_flags_agree_with_absent() {
        let shared = absent::DISCORD_SHARED_DELETED_ID;
        for id in ["1", "", " ", shared, "[deleted]"] {
            for name in [
                "user1",
                "Deleted User",
                "Deleted User#0000",
                " Deleted User",
                "[deleted]",
                "Facebook User",
                "Facebook Username",
                "Dee",
                "",
                " ",
                "\u{a0}Deleted User",
                "Ünïcode",
                "\tx",
                "~",
                "Deleted Account",
            ] {
                let placeholder = absent::is_placeholder(id, name);
                let deleted = !placeholder && absent::is_deleted(name);
                if plainly_one_person(id, name) {
                    assert!(!placeholder && !deleted, "{id:?} {name:?}");
                }
                let user = User {
                    id: id.into(),
                    name: Some(name.into()),
                    nickname: None,
                    is_bot: false,
                };
                let flags = Flags::of(&user);
                assert_eq!((flags.placeholder, flags.deleted), (placeholder, deleted));
            }
        }
        assert!(plainly_one_person("1", "user1") && !plainly_one_person("1", "Dee"));
    }
}
