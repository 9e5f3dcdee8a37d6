//! One chat read message by message, the same way whether its file streams or is read
//! whole; only when its `@username` mentions and forum topics are settled differs.

use std::collections::HashSet;

use super::message::{convert, ChatContext};
use super::pending::PendingMentions;
use super::raw::{Header, Id, RawMessage};
use super::text::{peer_id, Names};
use super::Tally;
use crate::import::error::ImportError;
use crate::model::{Dataset, Space};

/// A chat's names and topic ids, known before its messages when the file is read whole.
pub(super) struct Known {
    pub(super) names: Names,
    pub(super) topics: HashSet<String>,
}

/// A chat being read: messages go in with [`ChatReader::add`], and
/// [`ChatReader::finish`] settles what needed the whole chat.
pub(super) struct ChatReader<'c> {
    /// `None` for Saved Messages and Replies, whose messages are read and dropped.
    ctx: Option<ChatContext<'c>>,
    /// Where the chat's messages start in `Dataset::messages`.
    first: usize,
    /// Messages read so far, unsupported ones included (errors count them from 1).
    number: usize,
    pending: PendingMentions,
}

impl<'c> ChatReader<'c> {
    /// Starts chat `header` of `file`: interns its space and counts it in `tally`, or
    /// counts it skipped (Saved Messages and Replies are not conversations). `known` holds
    /// the whole chat's names and topics when it is read whole, so mentions resolve as
    /// they come; `None` when it streams: both are learnt message by message and
    /// [`ChatReader::finish`] resolves the mentions and topics after the last one.
    pub(super) fn start(
        file: &'c str,
        header: &Header,
        bots: &HashSet<String>,
        known: Option<Known>,
        dataset: &mut Dataset,
        tally: &mut Tally,
    ) -> ChatReader<'c> {
        let kind = header.kind.as_deref().unwrap_or("");
        let first = dataset.messages.len();
        let skipped = matches!(kind, "saved_messages" | "replies");
        tally.skipped_chats += usize::from(skipped);
        tally.chats += usize::from(!skipped);
        let ctx = (!skipped).then(|| {
            let name = header.shown_name();
            let id = header.id.as_ref().map_or_else(|| name.clone(), Id::text);
            let space = dataset.intern_space(Space {
                id: id.clone(),
                name: name.clone(),
                parent: None,
                is_thread: false,
                infer_replies: false,
            });
            let names_final = known.is_some();
            let known = known.unwrap_or(Known {
                names: Names::default(),
                topics: HashSet::new(),
            });
            ChatContext {
                file,
                names: known.names,
                names_final,
                topics: known.topics,
                bots: bots.clone(),
                bot: (kind == "bot_chat").then(|| format!("user{id}")),
                name,
                id,
                space,
            }
        });
        ChatReader {
            ctx,
            first,
            number: 0,
            pending: PendingMentions::default(),
        }
    }

    /// Reads the chat's next message into `dataset`; fails on a message without a
    /// readable date, naming the chat and the message.
    pub(super) fn add(
        &mut self,
        raw: &RawMessage,
        dataset: &mut Dataset,
        tally: &mut Tally,
    ) -> Result<(), ImportError> {
        let Some(ctx) = self.ctx.as_mut() else {
            return Ok(());
        };
        tally.messages += 1;
        let number = self.number;
        self.number += 1;
        if !ctx.names_final {
            learn(ctx, raw);
        }
        let Some((message, later)) = convert(ctx, number, raw, dataset, tally)? else {
            return Ok(());
        };
        let at = dataset.messages.len();
        let stored = dataset.push_message(message);
        if !later.is_empty() {
            self.pending.add(stored.then_some(at), &later);
        }
        Ok(())
    }

    /// Ends the chat. A streamed chat now knows all its names: its `@username` mentions
    /// are resolved (the exporter's own `me` too: id, username, name), and replies to a
    /// topic's first message that came before it are made posts in that topic.
    pub(super) fn finish(
        self,
        me: Option<&(String, String, String)>,
        dataset: &mut Dataset,
        tally: &mut Tally,
    ) {
        let Some(mut ctx) = self.ctx.filter(|ctx| !ctx.names_final) else {
            return;
        };
        if let Some((id, handle, name)) = me {
            ctx.names.add(id.clone(), name);
            ctx.names.claim(handle, id, name);
        }
        if !self.pending.is_empty() {
            self.pending.resolve(&ctx, dataset, tally);
        }
        in_topics(&ctx, self.first, dataset);
    }
}

/// Records who `raw` shows by name (sender, actor, recent reactors) and whether it opens
/// a forum topic, in the order a chat read whole collects them.
fn learn(ctx: &mut ChatContext, raw: &RawMessage) {
    add_names(&mut ctx.names, raw);
    if raw.action.as_deref() == Some("topic_created") {
        ctx.topics.insert(raw.id.text());
    }
}

/// Records who `raw` shows by name: its sender, its actor, its recent reactors.
pub(super) fn add_names(names: &mut Names, raw: &RawMessage) {
    for (id, name) in [(&raw.from_id, &raw.from), (&raw.actor_id, &raw.actor)] {
        if let (Some(id), Some(name)) = (id, name) {
            names.add(peer_id(id), name);
        }
    }
    for r in raw.reactions.iter().flat_map(|r| &r.recent) {
        if let (Some(id), Some(name)) = (&r.from_id, &r.from) {
            names.add(peer_id(id), name);
        }
    }
}

/// Turns the replies to a topic's opening message (in this chat, from message `first`
/// on) into posts in that topic, for those read before the topic was known.
fn in_topics(ctx: &ChatContext, first: usize, dataset: &mut Dataset) {
    if ctx.topics.is_empty() {
        return;
    }
    let prefix = format!("{}/", ctx.id);
    let messages = dataset.messages.get_mut(first..).unwrap_or_default();
    for message in messages {
        let in_topic = message
            .parent
            .as_deref()
            .and_then(|parent| parent.strip_prefix(prefix.as_str()))
            .is_some_and(|target| ctx.topics.contains(target));
        if in_topic {
            message.thread_root = message.parent.take();
        }
    }
}
