//! People by their Zulip user id (as text): named by the message (`sender_full_name`) or
//! by `realm.json`, else by the id alone.

use crate::model::{Dataset, Person, PersonIdx};

/// The email local parts of Zulip's system bots, whose messages are notices (a topic
/// moved or resolved, a new stream, a welcome), not conversation.
const SYSTEM_BOTS: [&str; 2] = ["notification-bot@", "welcome-bot@"];

/// Their names as messages show them.
const SYSTEM_BOT_NAMES: [&str; 2] = ["Notification Bot", "Welcome Bot"];

/// True for a bot's email: Zulip gives every bot an address ending `-bot@` its domain.
pub(super) fn is_bot_email(email: &str) -> bool {
    email.to_ascii_lowercase().contains("-bot@")
}

/// True for Notification Bot or Welcome Bot, by email or by name.
pub(super) fn is_system_bot(name_or_email: &str) -> bool {
    let lower = name_or_email.to_ascii_lowercase();
    SYSTEM_BOTS.iter().any(|b| lower.starts_with(b))
        || SYSTEM_BOT_NAMES.iter().any(|n| n == &name_or_email)
}

/// The person with user id `id`, added on first sight. `name` (may be empty) fills a
/// name the person does not have yet; `is_bot` is kept once set.
pub(super) fn person(dataset: &mut Dataset, id: u64, name: &str, is_bot: bool) -> PersonIdx {
    let key = id.to_string();
    if let Some(idx) = dataset.person_with_id(&key) {
        if let Some(p) = dataset.people.get_mut(idx as usize) {
            if !name.is_empty() && (p.name.is_empty() || p.name == p.id) {
                p.name = name.to_string();
                p.display_name = name.to_string();
            }
            p.is_bot |= is_bot;
        }
        return idx;
    }
    dataset.intern_person(Person::named(key, name).with_bot(is_bot))
}

/// Sets what `realm.json` says of a person, whatever an earlier file said.
pub(super) fn set_from_realm(dataset: &mut Dataset, id: u64, name: &str, bot: bool, gone: bool) {
    let idx = person(dataset, id, name, bot);
    if let Some(p) = dataset.people.get_mut(idx as usize) {
        if !name.is_empty() {
            name.clone_into(&mut p.name);
            name.clone_into(&mut p.display_name);
        }
        p.is_bot = bot;
        p.deleted = gone && !bot;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bots_and_names() {
        assert!(is_bot_email("helper-bot@chat.example.org"));
        assert!(!is_bot_email("robot@example.org"));
        assert!(is_system_bot("notification-bot@zulip.com"));
        assert!(is_system_bot("Welcome Bot"));
        assert!(!is_system_bot("helper-bot@chat.example.org"));
        let mut d = Dataset::default();
        let by_id = person(&mut d, 8, "", false);
        assert_eq!(d.display(by_id), "8");
        let named = person(&mut d, 8, "Ann Lee", false);
        assert_eq!((named, d.display(named)), (by_id, "Ann Lee"));
        set_from_realm(&mut d, 8, "Ann L.", false, true);
        assert_eq!(d.display(by_id), "Ann L.");
        assert!(d.people.first().is_some_and(|p| p.deleted));
    }
}
