//! What follows a WhatsApp header: a sender and a message, or a notice from WhatsApp
//! itself (the mentions inside a message are in `mentions.rs`).

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
}
