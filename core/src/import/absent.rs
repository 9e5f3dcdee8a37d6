//! Authors who are not one reachable person (docs/METRICS.md §1).
//!
//! A *placeholder* is one name standing for many people: every deleted account shares it,
//! so it cannot be a node of the graph. A *deleted* account kept its own id: it stays a
//! person, but advice never names it, since nobody can reach it any more.

/// The one account Discord credits messages to when their author's data was erased;
/// every such author shares this id ("Deleted User#0000").
pub const DISCORD_SHARED_DELETED_ID: &str = "456226577798135808";

/// Names that stand for many people whatever the format: Reddit's `[deleted]` (also in
/// CSV dumps of Reddit) and Messenger's "Facebook User" (Messenger keys people by name,
/// so every deleted account collapses into that one name).
const SHARED_NAMES: [&str; 2] = ["[deleted]", "Facebook User"];

/// Whether an author with source id `id` and name `name` is a placeholder: a shared
/// name, Discord's shared deleted id, or no id and no name at all (an unknown author).
pub fn is_placeholder(id: &str, name: &str) -> bool {
    let name = name.trim();
    id == DISCORD_SHARED_DELETED_ID
        || SHARED_NAMES.contains(&name)
        || (id.trim().is_empty() && name.is_empty())
}

/// Whether a named account is a deleted one that kept its id: Discord's "Deleted User"
/// (also "Deleted User 1a2b3c4d" and the `#0000` form of CSV exports) or Telegram's
/// "Deleted Account".
pub fn is_deleted(name: &str) -> bool {
    let name = name.trim();
    name == "Deleted Account"
        || name
            .strip_prefix("Deleted User")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '#']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_names_and_ids_are_placeholders_own_ids_are_deleted() {
        assert!(is_placeholder("[deleted]", "[deleted]"));
        assert!(is_placeholder(DISCORD_SHARED_DELETED_ID, "Deleted User"));
        assert!(is_placeholder("", " "));
        assert!(!is_placeholder("555", "Deleted User"));
        assert!(!is_placeholder("ann", "Ann"));
        assert!(is_deleted("Deleted User") && is_deleted("Deleted User#0000"));
        assert!(is_deleted("Deleted User 1a2b3c4d") && is_deleted("Deleted Account"));
        assert!(!is_deleted("Deleted Username") && !is_deleted("Ann"));
    }
}
