//! What follows a WhatsApp header: a sender and a message, or a notice from WhatsApp
//! itself; and the `@name` / `@+49 …` mentions inside a message.

/// Notices that are system lines wherever they appear, even after a `Name: ` (iOS writes
/// the group's name as the author of the encryption notice).
const NOTICES: [&str; 6] = [
    "Messages and calls are end-to-end encrypted",
    "Messages to this group are now secured with end-to-end encryption",
    "Missed voice call",
    "Missed video call",
    "Your security code with",
    "You joined using this group's invite link",
];

/// Verb phrases of group events. iOS writes them as `Group: ‎Alice added Bob` (the text
/// behind an LRM mark), and an Android notice holding `": "` splits as if the start
/// were a sender (`Alice changed the subject from "x: y" …`).
const EVENTS: [&str; 11] = [
    " added ",
    " removed ",
    " created group",
    " changed the subject",
    " changed the group",
    " changed this group",
    " changed their phone number",
    " deleted this group's icon",
    " joined using this group's invite link",
    " now an admin",
    " no longer an admin",
];

/// A line's content once the header is gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content<'a> {
    /// A notice: joins, leaves, renames, encryption, calls. It has no `Name: ` part, or
    /// it is one of the known phrases.
    System,
    Said {
        author: &'a str,
        text: &'a str,
    },
}

/// Splits `Name: text` at the first `": "` (a name rarely holds one; a message often
/// does). `marked` says the raw text began with an LRM mark, as iOS notices do.
pub fn classify(rest: &str, marked: bool) -> Content<'_> {
    let (author, text) = match rest.split_once(": ") {
        Some(split) => split,
        // "Name:" with nothing after it: an empty (disappearing or view-once) message.
        None => match rest.strip_suffix(':') {
            Some(author) => (author, ""),
            None => return Content::System,
        },
    };
    let author = author.trim();
    let notice = NOTICES
        .iter()
        .any(|n| text.starts_with(n) || rest.starts_with(n));
    let event_in_name = EVENTS.iter().any(|e| author.contains(e));
    let event_in_text =
        marked && (EVENTS.iter().any(|e| text.contains(e)) || text.ends_with(" left"));
    if notice || event_in_name || event_in_text || author.is_empty() {
        Content::System
    } else {
        Content::Said { author, text }
    }
}

/// The people a message mentions, as indices into `names` (the senders of the file),
/// each once. A mention is `@` at a word start followed by a sender's full name, or by
/// the digits of a sender written as a phone number (`@491701234567` for
/// `+49 170 1234567`), or by a first name that exactly one sender has. Anything else
/// (`@everyone`, e-mail addresses, unknown names) is no mention.
pub fn mentions(text: &str, names: &[&str]) -> Vec<usize> {
    let mut found: Vec<usize> = Vec::new();
    let mut prev: Option<char> = None;
    for (at, c) in text.char_indices() {
        let starts_word = !prev.is_some_and(char::is_alphanumeric);
        prev = Some(c);
        if c != '@' || !starts_word {
            continue;
        }
        let after = text.get(at + 1..).unwrap_or("");
        if let Some(who) = full_name(after, names)
            .or_else(|| number(after, names))
            .or_else(|| first_name(after, names))
        {
            if !found.contains(&who) {
                found.push(who);
            }
        }
    }
    found
}

/// The longest sender name `after` starts with (ignoring case), ending at a word end.
fn full_name(after: &str, names: &[&str]) -> Option<usize> {
    names
        .iter()
        .enumerate()
        .filter(|(_, n)| !n.is_empty())
        .filter_map(|(i, n)| {
            let tail = strip_prefix_ci(after, n)?;
            (!tail.starts_with(char::is_alphanumeric)).then_some((n.chars().count(), i))
        })
        .max()
        .map(|(_, i)| i)
}

/// A sender written as a phone number whose digits equal those after the `@`.
fn number(after: &str, names: &[&str]) -> Option<usize> {
    let digits: String = after
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')'))
        .filter(char::is_ascii_digit)
        .collect();
    if digits.len() < 5 {
        return None;
    }
    unique(names, |n| {
        let phone = n
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')'));
        phone && n.chars().filter(char::is_ascii_digit).eq(digits.chars())
    })
}

/// A single word that is the first name of exactly one sender.
fn first_name(after: &str, names: &[&str]) -> Option<usize> {
    let word: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
    if word.is_empty() {
        return None;
    }
    unique(names, |n| {
        n.split(' ')
            .next()
            .is_some_and(|first| strip_prefix_ci(first, &word) == Some(""))
    })
}

/// The one index whose name passes `test`; none when zero or several do.
fn unique(names: &[&str], test: impl Fn(&str) -> bool) -> Option<usize> {
    let mut hits = names.iter().enumerate().filter(|(_, n)| test(n));
    match (hits.next(), hits.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// `text` without `prefix` at its start, comparing case-insensitively.
fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let mut rest = text.char_indices();
    for p in prefix.chars() {
        let (_, t) = rest.next()?;
        if !t.to_lowercase().eq(p.to_lowercase()) {
            return None;
        }
    }
    let end = rest.next().map_or(text.len(), |(i, _)| i);
    text.get(end..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn senders_and_notices() {
        assert_eq!(
            classify("Bob: hello: there", false),
            Content::Said {
                author: "Bob",
                text: "hello: there"
            }
        );
        for notice in [
            "Messages and calls are end-to-end encrypted. No one outside of this chat can read \
             them.",
            "Alice created group \"Some cool group chat\"",
            "Alice added you",
            "Pokemon Chat: Messages and calls are end-to-end encrypted.",
            "Alice changed the subject from \"a: b\" to \"c\"",
            ": nothing",
        ] {
            assert_eq!(classify(notice, false), Content::System, "{notice}");
        }
        assert_eq!(classify("Group: Alice added Bob", true), Content::System);
        assert_eq!(classify("Group: Alice left", true), Content::System);
        assert!(matches!(
            classify("Cy: I added salt", false),
            Content::Said { .. }
        ));
        assert_eq!(
            classify("+1 555 0100:", false),
            Content::Said {
                author: "+1 555 0100",
                text: ""
            }
        );
    }

    #[test]
    fn mentions_by_name_number_and_first_name() {
        let names = ["Ann Lee", "Ann", "+49 170 1234567", "Bo Chen", "Bo Park"];
        assert_eq!(mentions("hi @ann lee and @Ann!", &names), vec![0, 1]);
        assert_eq!(mentions("@491701234567 call me", &names), vec![2]);
        assert_eq!(mentions("@+49 170 1234567", &names), vec![2]);
        assert_eq!(mentions("@Bo is ambiguous", &names), Vec::<usize>::new());
        assert_eq!(
            mentions("mail ann@example.com", &names),
            Vec::<usize>::new()
        );
        assert_eq!(mentions("@everyone @", &names), Vec::<usize>::new());
        assert_eq!(mentions("@Bo Chen @bo chen", &names), vec![3]);
    }
}
