//! One Telegram message → the model: its time, what it answers (a message, or the forum
//! topic it was posted in), its mentions and its reactions.

use std::collections::HashSet;

use super::raw::{Id, RawMessage, RawReaction};
use super::text::{bare, peer_id, Content, Names};
use super::Tally;
use crate::import::error::ImportError;
use crate::import::plain::excerpt;
use crate::import::timestamp::{parse_iso, Instant};
use crate::model::{distinct, Dataset, Message, Person, PersonIdx, Reaction, SpaceIdx};

/// One chat being read: where its messages go and how to resolve what they point at.
pub(super) struct ChatContext<'c> {
    pub(super) file: &'c str,
    pub(super) name: String,
    pub(super) id: String,
    pub(super) space: SpaceIdx,
    /// Everyone the chat shows by name, for `@username` mentions: all of them when
    /// `names_final` (the chat read whole), else those met so far (the mentions wait).
    pub(super) names: Names,
    pub(super) names_final: bool,
    /// Ids of `topic_created` service messages: "replies" to them are topic membership.
    pub(super) topics: HashSet<String>,
    pub(super) bots: HashSet<String>,
    /// The bot on the other side of a `bot_chat`.
    pub(super) bot: Option<String>,
}

impl ChatContext<'_> {
    /// A sender, reactor or person mentioned. Telegram Desktop writes a deleted account's name as `null`
    /// (shown "Deleted Account") but keeps its `user…` id: a deleted person, not a
    /// placeholder (docs/METRICS.md §1).
    pub(super) fn person(&self, id: String, name: &str) -> Person {
        let is_bot = self.bots.contains(&id) || self.bot.as_ref() == Some(&id);
        let deleted = name.is_empty() || name == "Deleted Account";
        Person::named(id, name)
            .with_bot(is_bot)
            .with_deleted(deleted)
    }

    /// The stored id of message `id` of this chat.
    pub(super) fn key(&self, id: &str) -> String {
        format!("{}/{id}", self.id)
    }
}

/// One message in the model with the `@username` mentions left to resolve (none when the
/// chat's names are final), or `None` for one nobody can be credited with: an
/// `unsupported` message (Telegram Desktop wrote only its id) or one without a sender.
pub(super) fn convert<'m>(
    ctx: &ChatContext,
    number: usize,
    raw: &'m RawMessage<'m>,
    dataset: &mut Dataset,
    tally: &mut Tally,
) -> Result<Option<(Message, Vec<&'m str>)>, ImportError> {
    let kind = raw.kind.as_deref().unwrap_or("message");
    if kind == "unsupported" {
        tally.unsupported += 1;
        return Ok(None);
    }
    let service = kind == "service";
    let Some((author_id, name)) = sender(raw, service) else {
        // A service message without an actor (a payment) is a notice anyway.
        tally.anonymous += usize::from(!service);
        return Ok(None);
    };
    let time = time_of(ctx, number, raw)?;
    tally.estimated += usize::from(time.zone_assumed);
    let author = dataset.intern_person(ctx.person(author_id, name));
    let (parent, thread_root) = if service {
        (None, None)
    } else {
        links(ctx, raw)
    };
    let mut content = Content::of(raw.text_entities.as_deref(), raw.text.as_ref());
    let later = if ctx.names_final {
        Vec::new()
    } else {
        std::mem::take(&mut content.handles)
    };
    let mentions = mentions(ctx, &content, dataset, tally);
    let reactions = raw
        .reactions
        .iter()
        .map(|r| reaction(ctx, r, dataset))
        .collect();
    let message = Message::new(ctx.space, ctx.key(&raw.id.text()), author, time.ms)
        .with_time_estimated(time.zone_assumed)
        .with_notice(service)
        .with_parent(parent)
        .with_thread_root(thread_root)
        .with_mentions(mentions)
        .with_reactions(reactions)
        .with_text_size(content.len, content.question);
    Ok(Some((message, later)))
}

/// The sender's id and shown name: `from` for messages, `actor` for service messages.
/// Without an id the name is all there is (hand-made files); without either, `None`.
fn sender<'m>(raw: &'m RawMessage, service: bool) -> Option<(String, &'m str)> {
    let (id, name) = if service {
        (&raw.actor_id, raw.actor.as_deref().unwrap_or(""))
    } else {
        (&raw.from_id, raw.from.as_deref().unwrap_or(""))
    };
    let id = id.as_ref().map_or_else(|| name.to_string(), peer_id);
    (!id.is_empty()).then_some((id, name))
}

/// `date_unixtime` when present (UTC), else `date` (no zone: UTC assumed and flagged).
fn time_of(ctx: &ChatContext, number: usize, raw: &RawMessage) -> Result<Instant, ImportError> {
    let exact = raw.date_unixtime.as_ref().and_then(Id::number);
    if let Some(ms) = exact.and_then(|s| s.checked_mul(1000)) {
        return Ok(Instant {
            ms,
            zone_assumed: false,
        });
    }
    raw.date
        .as_deref()
        .and_then(parse_iso)
        .ok_or_else(|| ImportError::Shape {
            file: ctx.file.to_string(),
            what: format!(
                "chat \"{}\", message {} (id {}): no readable date; expected \
                 \"date_unixtime\" (seconds) or \"date\" like 2023-01-20T19:05:09",
                excerpt(&ctx.name),
                number + 1,
                excerpt(&raw.id.text())
            ),
        })
}

/// The explicit parent, or the topic the message was posted in.
fn links(ctx: &ChatContext, raw: &RawMessage) -> (Option<String>, Option<String>) {
    let Some(target) = raw.reply_to_message_id.as_ref().map(Id::text) else {
        return (None, None);
    };
    let other_chat = raw
        .reply_to_peer_id
        .as_ref()
        .map(|p| bare(&p.text()).to_string())
        .filter(|chat| *chat != ctx.id);
    match other_chat {
        Some(chat) => (Some(format!("{chat}/{target}")), None),
        None if ctx.topics.contains(&target) => (None, Some(ctx.key(&target))),
        None => (Some(ctx.key(&target)), None),
    }
}

/// The people the text mentions, each once; `@username`s that match nobody are counted.
/// Handles left in `content` are resolved now: the caller takes them out to resolve later.
fn mentions(
    ctx: &ChatContext,
    content: &Content,
    dataset: &mut Dataset,
    tally: &mut Tally,
) -> Vec<PersonIdx> {
    let mut found: Vec<PersonIdx> = Vec::new();
    let mut add = |idx: PersonIdx| found.push(idx);
    for (id, name) in &content.named {
        add(dataset.intern_person(ctx.person(id.clone(), name)));
    }
    for handle in &content.handles {
        match ctx.names.find(handle) {
            Some((id, name)) => add(dataset.intern_person(ctx.person(id.clone(), name))),
            None => tally.unmatched_mentions += 1,
        }
    }
    distinct(found)
}

/// One reaction; only the recent reactors are listed, so `count` may exceed them.
fn reaction(ctx: &ChatContext, raw: &RawReaction, dataset: &mut Dataset) -> Reaction {
    let mut listed: Vec<PersonIdx> = Vec::new();
    for r in &raw.recent {
        let Some(id) = r.from_id.as_ref().map(peer_id) else {
            continue;
        };
        listed.push(dataset.intern_person(ctx.person(id, r.from.as_deref().unwrap_or(""))));
    }
    let reactors = distinct(listed);
    // Custom emoji have only a document id; paid reactions (stars) have neither.
    let emoji = match (&raw.emoji, &raw.document_id) {
        (Some(e), _) => e.to_string(),
        (None, Some(doc)) => format!("custom emoji {}", doc.text()),
        (None, None) => raw.kind.as_deref().unwrap_or("reaction").to_string(),
    };
    Reaction {
        emoji,
        count: raw.count.max(reactors.len() as u32),
        reactors,
    }
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use super::*;
    use crate::model::MessageKind;

    /// A forum chat: a topic, a post in it, a reply, a mention by id and one by username,
    /// an old-style message with only `date`, a reaction and an unsupported message.
    const FORUM: &str = r#"{"name":"Makers","type":"private_supergroup","id":77,"messages":[
      {"id":1,"type":"service","date":"2024-01-01T10:00:00","date_unixtime":"1704103200",
       "actor":"Ann Lee","actor_id":"user1","action":"topic_created","title":"Help","text":""},
      {"id":2,"type":"message","date_unixtime":"1704103260","from":"Bo","from_id":"user2",
       "reply_to_message_id":1,"text":"anyone?","text_entities":[{"type":"plain","text":"anyone?"}],
       "reactions":[{"type":"emoji","count":3,"emoji":"👍","recent":[{"from":"Ann Lee",
        "from_id":"user1","date":"x"}]}]},
      {"id":3,"type":"message","date_unixtime":"1704103320","from":"Ann Lee","from_id":"user1",
       "reply_to_message_id":2,"text":["yes ",{"type":"mention_name","text":"Cy","user_id":3},
       " and ",{"type":"mention","text":"@bo"}, " ", {"type":"mention","text":"@ghost"}]},
      {"id":4,"type":"message","date":"2024-01-01T11:00:00","from":null,"from_id":"user9",
       "text":""},
      {"id":5,"type":"unsupported"},
      {"id":6,"type":"message","date_unixtime":"1704103400","from":"Bo","from_id":"user2",
       "reply_to_message_id":9,"reply_to_peer_id":"channel55","text":"x"}
    ]}"#;

    fn load(text: &str) -> Result<Dataset, ImportError> {
        let mut d = Dataset::default();
        read("r.json", text.as_bytes(), &mut d).map(|()| d)
    }

    #[test]
    fn forum_topics_replies_mentions_reactions() {
        let d = load(FORUM).unwrap_or_default();
        let m = &d.messages;
        assert_eq!(m.len(), 5, "the unsupported message is skipped");
        assert_eq!(m[0].kind, MessageKind::System);
        assert_eq!(
            m[1].thread_root.as_deref(),
            Some("77/1"),
            "a post in the topic"
        );
        assert_eq!(m[1].parent, None, "not a reply to the topic creator");
        assert_eq!(m[1].reactions[0].count, 3);
        assert_eq!(m[1].reactions[0].reactors, vec![m[0].author]);
        assert_eq!(m[2].parent.as_deref(), Some("77/2"));
        assert_eq!(m[2].kind, MessageKind::Reply);
        let mentioned: Vec<&str> = m[2].mentions.iter().map(|&p| d.display(p)).collect();
        assert_eq!(mentioned, vec!["Cy", "Bo"], "@ghost matches nobody");
        assert!(m[3].time_estimated && !m[2].time_estimated);
        assert_eq!(m[3].time_ms, 1_704_106_800_000);
        assert_eq!(
            d.display(m[3].author),
            "user9",
            "a deleted account shows its id"
        );
        let deleted = |at: usize| d.people[m[at].author as usize].deleted;
        assert!(
            deleted(3) && !deleted(2),
            "kept as a person, flagged deleted"
        );
        assert!(!d.is_placeholder(m[3].author));
        assert_eq!(
            m[4].parent.as_deref(),
            Some("55/9"),
            "a reply into another chat"
        );
        assert_eq!(d.files[0].messages, 6);
        assert_eq!(d.files[0].space, "Makers");
        assert!(d.warnings.iter().any(|w| {
            w == "r.json: 1 message time had no time zone (an older export); it was read as UTC"
        }));
        assert!(d
            .warnings
            .iter()
            .any(|w| w.starts_with("r.json: 1 @username mention matched")));
        assert!(d
            .warnings
            .iter()
            .any(|w| w.starts_with("r.json: 1 message that Telegram")));
    }
}
