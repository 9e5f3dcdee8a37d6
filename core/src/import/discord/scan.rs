//! One DiscordChatExporter message read by the byte cursor of `import/json_scan.rs`
//! instead of serde_json: the same [`RawMessage`] serde_json builds, its text measured
//! straight from the raw bytes (`import/json_string.rs`), every field peerscope does not
//! read (avatars, roles, embeds, attachments…) skipped unread.
//!
//! A message the cursor is unsure of (a field twice, a value of an unexpected type, a key
//! with escapes, anything malformed) answers [`Stop::Unsure`], and the caller parses it with
//! serde_json, which reads it or names the error.

use std::borrow::Cow;

use super::{Emoji, RawMessage, RawReaction, Reference, User};
use crate::import::json_scan::{Cursor, Scan, Stop};
use crate::import::json_string::text_size;
use crate::import::text_size::TextSize;

/// Marks `field` (a bit) as read in `seen`; a field met twice is left to serde_json, which
/// refuses it.
#[inline(always)]
fn once(seen: &mut u8, field: u8) -> Scan<()> {
    if *seen & field != 0 {
        return Err(Stop::Unsure);
    }
    *seen |= field;
    Ok(())
}

/// The message at the start of `bytes` (whitespace before it allowed) and the bytes it
/// took, whitespace included.
pub(in crate::import) fn message(bytes: &[u8]) -> Scan<(RawMessage<'_>, usize)> {
    let mut cursor = Cursor::new(bytes);
    let (mut id, mut kind, mut timestamp, mut content) = (None, None, None, None);
    let (mut author, mut reactions, mut mentions, mut reference) = (None, None, None, None);
    let mut seen = 0u8;
    cursor.members(|c, key| {
        match key {
            b"id" => {
                once(&mut seen, 1)?;
                id = Some(c.string()?);
            }
            b"type" => {
                once(&mut seen, 2)?;
                kind = c.string_or_null()?;
            }
            b"timestamp" => {
                once(&mut seen, 4)?;
                timestamp = Some(c.string()?);
            }
            b"content" => {
                once(&mut seen, 8)?;
                content = text(c)?;
            }
            b"author" => {
                once(&mut seen, 16)?;
                author = Some(user(c)?);
            }
            b"reactions" => {
                once(&mut seen, 32)?;
                reactions = Some(list(c, reaction)?);
            }
            b"mentions" => {
                once(&mut seen, 64)?;
                mentions = Some(list(c, user)?);
            }
            b"reference" => {
                once(&mut seen, 128)?;
                reference = if c.null()? { None } else { Some(referred(c)?) };
            }
            _ => c.skip()?,
        }
        Ok(())
    })?;
    let message = RawMessage {
        id: id.ok_or(Stop::Unsure)?,
        kind,
        timestamp: timestamp.ok_or(Stop::Unsure)?,
        content,
        author: author.ok_or(Stop::Unsure)?,
        reactions: reactions.unwrap_or_default(),
        mentions: mentions.unwrap_or_default(),
        reference,
    };
    Ok((message, cursor.offset()))
}

/// `content`: `null` or a string, measured.
#[inline(always)]
fn text(c: &mut Cursor) -> Scan<Option<TextSize>> {
    if c.null()? {
        return Ok(None);
    }
    let raw = c.raw_string()?;
    text_size(raw.raw).map(Some).ok_or(Stop::Unsure)
}

/// An array, each item read by `item`.
fn list<'a, T>(c: &mut Cursor<'a>, item: fn(&mut Cursor<'a>) -> Scan<T>) -> Scan<Vec<T>> {
    let mut items = Vec::new();
    c.items(|c| {
        items.push(item(c)?);
        Ok(())
    })?;
    Ok(items)
}

/// An author, a mentioned user or a reactor.
fn user<'a>(c: &mut Cursor<'a>) -> Scan<User<'a>> {
    let (mut id, mut name, mut nickname, mut is_bot) = (None, None, None, false);
    let mut seen = 0u8;
    c.members(|c, key| {
        match key {
            b"id" => {
                once(&mut seen, 1)?;
                id = Some(c.string()?);
            }
            b"name" => {
                once(&mut seen, 2)?;
                name = c.string_or_null()?;
            }
            b"nickname" => {
                once(&mut seen, 4)?;
                nickname = c.string_or_null()?;
            }
            b"isBot" => {
                once(&mut seen, 8)?;
                is_bot = c.bool()?;
            }
            _ => c.skip()?,
        }
        Ok(())
    })?;
    let id: Cow<str> = id.ok_or(Stop::Unsure)?;
    Ok(User {
        id,
        name,
        nickname,
        is_bot,
    })
}

/// One reaction: its emoji's name, its count and, when listed, who reacted.
fn reaction<'a>(c: &mut Cursor<'a>) -> Scan<RawReaction<'a>> {
    let (mut emoji, mut count, mut users) = (None, 0, None);
    let mut seen = 0u8;
    c.members(|c, key| {
        match key {
            b"emoji" => {
                once(&mut seen, 1)?;
                emoji = Some(emoji_name(c)?);
            }
            b"count" => {
                once(&mut seen, 2)?;
                count = c.u32()?;
            }
            b"users" => {
                once(&mut seen, 4)?;
                users = if c.null()? {
                    None
                } else {
                    Some(list(c, user)?)
                };
            }
            _ => c.skip()?,
        }
        Ok(())
    })?;
    Ok(RawReaction {
        emoji: emoji.ok_or(Stop::Unsure)?,
        count,
        users,
    })
}

/// A reaction's `emoji` object, of which only the name is read.
fn emoji_name<'a>(c: &mut Cursor<'a>) -> Scan<Emoji<'a>> {
    let mut name = None;
    let mut seen = 0u8;
    c.members(|c, key| {
        if key == b"name" {
            once(&mut seen, 1)?;
            name = c.string_or_null()?;
        } else {
            c.skip()?;
        }
        Ok(())
    })?;
    Ok(Emoji { name })
}

/// `reference`: what the message answers or forwards.
fn referred<'a>(c: &mut Cursor<'a>) -> Scan<Reference<'a>> {
    let (mut kind, mut message_id) = (None, None);
    let mut seen = 0u8;
    c.members(|c, key| {
        match key {
            b"type" => {
                once(&mut seen, 1)?;
                kind = c.string_or_null()?;
            }
            b"messageId" => {
                once(&mut seen, 2)?;
                message_id = c.string_or_null()?;
            }
            _ => c.skip()?,
        }
        Ok(())
    })?;
    Ok(Reference { kind, message_id })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde_json reads at the start of `text`, and the bytes it took.
    fn by_serde(text: &str) -> Option<(RawMessage<'_>, usize)> {
        let mut values = serde_json::Deserializer::from_str(text).into_iter::<RawMessage>();
        let message = values.next()?.ok()?;
        Some((message, values.byte_offset()))
    }

    const FULL: &str = r##"
      {
        "id": "1174110012134391808", "type": "Default",
        "timestamp": "2023-11-14T22:14:00.802+00:00", "timestampEdited": null,
        "isPinned": false, "content": "Caf\u00e9 \ud83e\udd76 ok?\n",
        "author": {"id": "2", "name": "user2", "discriminator": "0000", "nickname": "P 2",
          "isBot": true, "color": "#E67E22", "roles": [{"id": "900", "position": 3}]},
        "attachments": [], "embeds": [{"fields": [{"a": -1.5e-3}], "x": [[], {}]}],
        "reactions": [{"emoji": {"id": "", "name": "\ud83d\udc4d", "isAnimated": false},
          "count": 2, "users": [{"id": "5", "name": "a\"b"}]},
          {"emoji": {}, "users": null}],
        "mentions": [{"id": "37", "name": null}],
        "reference": {"messageId": "1", "channelId": "2", "type": "Forward"}
      }, "##;

    #[test]
    fn reads_what_serde_json_reads() {
        let minimal = r#"{"id": "1", "timestamp": "t", "author": {"id": "a"}} "#;
        let nulls = r#"{"id":"1","timestamp":"t","author":{"id":"a","nickname":null},
            "content":null,"type":null,"reference":null} "#;
        for text in [FULL, minimal, nulls] {
            let fast = message(text.as_bytes());
            let serde = by_serde(text);
            assert!(serde.is_some(), "{text}");
            assert_eq!(fast.ok(), serde, "{text}");
        }
    }

    #[test]
    fn leaves_what_it_is_unsure_of_to_serde_json() {
        for (from, to) in [
            (r#""type": "Default""#, r#""type": 7"#),
            (r#""isPinned": false"#, r#""id": "2""#),
            (r#""isBot": true"#, r#""isBot": null"#),
            (r#""count": 2"#, r#""count": 2.0"#),
            (r#""count": 2"#, r#""count": -2"#),
            (r#""mentions": ["#, r#""ment\u0069ons": ["#),
            (r#""reference": {"#, r#""reference": ["1", {}], "x": {"#),
            (r#""emoji": {}"#, r#""emoji": null"#),
            (r#"ok?\n"#, r#"ok\ud800"#),
            (r#""embeds": [{"#, r#""embeds": [01, {"#),
            (r#""author": {"id": "2","#, r#""author": {"#),
        ] {
            assert!(FULL.contains(from), "{from}");
            let text = FULL.replacen(from, to, 1);
            assert_eq!(message(text.as_bytes()).err(), Some(Stop::Unsure), "{to}");
        }
        let not_utf8 = FULL.replace("user2", "user\u{1}").into_bytes();
        assert_eq!(message(&not_utf8).err(), Some(Stop::Unsure), "control byte");
    }

    #[test]
    fn a_message_cut_anywhere_asks_for_more() {
        let end = FULL.rfind('}').unwrap_or(0);
        for cut in 0..=end {
            let part = FULL.as_bytes().get(..cut).unwrap_or_default();
            assert_eq!(message(part).err(), Some(Stop::End), "cut at {cut}");
        }
    }
}
