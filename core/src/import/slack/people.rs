//! Who wrote, was mentioned or reacted: people by their Slack id, named from
//! `users.json` when the zip has it, else from the message's own profile.

use super::companion::{first_filled, Directory, UserInfo};
use super::raw::RawMessage;
use super::SLACKBOT;
use crate::model::{Dataset, Person, PersonIdx};

/// The author of a message, and whether the source names one at all.
///
/// A message by a user is theirs; a bot's message without a user is the bot's (`bot_id`,
/// named by `username` or the bot profile). A user's message carrying a `bot_id` was
/// posted by an app: its author is a bot when `users.json` says so, or, without
/// `users.json`, when the message has no user profile (people's messages have one; an
/// app posting for a person keeps the person's).
pub(super) fn author(
    raw: &RawMessage,
    dir: Option<&Directory>,
    dataset: &mut Dataset,
) -> (PersonIdx, bool) {
    let bot_name = first_filled(&[
        raw.username.as_deref(),
        raw.bot_profile.as_ref().and_then(|b| b.name.as_deref()),
    ]);
    let Some(user) = raw.user.as_deref().filter(|u| !u.is_empty()) else {
        return bot_author(raw, bot_name, dataset);
    };
    let listed = dir.and_then(|d| d.users.get(user));
    let mut info = listed.cloned().unwrap_or_default();
    let profile = raw.user_profile.as_ref();
    if let Some(p) = profile {
        if info.name.is_empty() {
            info.name = p.name.as_deref().unwrap_or("").to_string();
        }
        let display = first_filled(&[p.display_name.as_deref(), p.real_name.as_deref()]);
        if !display.is_empty() {
            info.display = display.to_string();
        }
    } else if info.name.is_empty() && info.display.is_empty() {
        info.name = bot_name.to_string();
    }
    let bot_message = raw.subtype.as_deref() == Some("bot_message");
    info.is_bot = match listed {
        Some(l) => l.is_bot || bot_message,
        None => bot_message || user == SLACKBOT || (raw.bot_id.is_some() && profile.is_none()),
    };
    (add_person(dataset, user, &info, profile.is_some()), true)
}

/// The author of a message without a user: the bot by `bot_id` (or by name), else an
/// "unknown" person that the source does not name (the message is then a notice).
fn bot_author(raw: &RawMessage, bot_name: &str, dataset: &mut Dataset) -> (PersonIdx, bool) {
    let id = raw
        .bot_id
        .as_deref()
        .filter(|b| !b.is_empty())
        .unwrap_or(bot_name);
    if id.is_empty() {
        let unknown = UserInfo {
            name: "unknown".into(),
            ..UserInfo::default()
        };
        let idx = add_person(dataset, "unknown", &unknown, false);
        // One name for every unnamed author: a placeholder (docs/METRICS.md §1).
        if let Some(p) = dataset.people.get_mut(idx as usize) {
            p.placeholder = true;
        }
        return (idx, false);
    }
    let info = UserInfo {
        name: bot_name.to_string(),
        display: bot_name.to_string(),
        is_bot: true,
        ..UserInfo::default()
    };
    (add_person(dataset, id, &info, false), true)
}

/// A person by id, named from `users.json` when the zip has it, else by `hint`.
pub(super) fn named(
    dataset: &mut Dataset,
    dir: Option<&Directory>,
    id: &str,
    hint: &str,
) -> PersonIdx {
    let info = match dir.and_then(|d| d.users.get(id)) {
        Some(info) => info.clone(),
        None => UserInfo {
            name: hint.to_string(),
            display: String::new(),
            is_bot: id == SLACKBOT,
            ..UserInfo::default()
        },
    };
    add_person(dataset, id, &info, false)
}

/// Interns a person; a name fills one that is missing, and `prefer_display` (a message's
/// own profile, the newest word on a name) replaces the display name.
pub(super) fn add_person(
    dataset: &mut Dataset,
    id: &str,
    info: &UserInfo,
    prefer_display: bool,
) -> PersonIdx {
    let person = Person::named(id, &info.name)
        .with_display_name(&info.display)
        .with_bot(info.is_bot)
        .with_deleted(info.deleted);
    let idx = dataset.intern_person(person);
    if let Some(p) = dataset.people.get_mut(idx as usize) {
        if p.name.is_empty() && !info.name.is_empty() {
            p.name.clone_from(&info.name);
        }
        if prefer_display && !info.display.is_empty() {
            p.display_name.clone_from(&info.display);
        }
    }
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    fn author_of(json: &str, dataset: &mut Dataset) -> Option<(String, bool, bool)> {
        let raw: RawMessage = serde_json::from_str(json).ok()?;
        let (idx, known) = author(&raw, None, dataset);
        let p = dataset.people.get(idx as usize)?;
        Some((p.id.clone(), p.is_bot, known))
    }

    #[test]
    fn users_bots_and_nobody() {
        let mut d = Dataset::default();
        let user = r#"{"ts": "1.1", "user": "U1", "user_profile": {"real_name": "Ann"}}"#;
        assert_eq!(author_of(user, &mut d), Some(("U1".into(), false, true)));
        let bot = r#"{"ts": "1.2", "subtype": "bot_message", "bot_id": "B1", "username": "ci"}"#;
        assert_eq!(author_of(bot, &mut d), Some(("B1".into(), true, true)));
        let app = r#"{"ts": "1.3", "user": "U2", "bot_id": "B2"}"#;
        assert_eq!(author_of(app, &mut d), Some(("U2".into(), true, true)));
        let nobody = r#"{"ts": "1.4", "text": "who?"}"#;
        assert_eq!(
            author_of(nobody, &mut d),
            Some(("unknown".into(), false, false))
        );
        assert_eq!(d.display(1), "ci");
    }
}
