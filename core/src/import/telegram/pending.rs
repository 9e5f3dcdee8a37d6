//! `@username` mentions of a streamed chat, kept until its last message is read.
//!
//! A handle is matched to the one person of the chat showing that name (`text.rs`,
//! `Names`), which only every sender of the chat tells: a name seen once may be shared
//! by someone who posts later. So a streamed chat keeps its handles here, in one string,
//! and resolves them all after its last message, in the order they came.

use super::message::ChatContext;
use super::Tally;
use crate::model::{distinct, Dataset, PersonIdx};

/// Handles waiting for the chat's last message: their text end to end, and for each one
/// where its text ends and which message holds it.
#[derive(Default)]
pub(super) struct PendingMentions {
    text: String,
    /// (end of the handle in `text`, index of its message in `Dataset::messages`, or
    /// `None` for a message that merged into a copy already loaded).
    handles: Vec<(usize, Option<usize>)>,
}

impl PendingMentions {
    /// Keeps the `handles` of the message at `message` (see [`PendingMentions::handles`]).
    pub(super) fn add(&mut self, message: Option<usize>, handles: &[&str]) {
        for handle in handles {
            self.text.push_str(handle);
            self.handles.push((self.text.len(), message));
        }
    }

    /// Whether no handle waits.
    pub(super) fn is_empty(&self) -> bool {
        self.handles.is_empty()
    }

    /// Resolves every handle with the chat's names (all of them by now), adding the people found to
    /// their message's mentions (each person once) and counting the others in `tally`, as
    /// a chat read whole does message by message.
    pub(super) fn resolve(self, ctx: &ChatContext, dataset: &mut Dataset, tally: &mut Tally) {
        let mut start = 0;
        let mut found: Vec<PersonIdx> = Vec::new();
        let mut handles = self.handles.iter().peekable();
        while let Some(&(end, message)) = handles.next() {
            let handle = self.text.get(start..end).unwrap_or("");
            start = end;
            match ctx.names.find(handle) {
                Some((id, name)) => found.push(dataset.intern_person(ctx.person(id.clone(), name))),
                None => tally.unmatched_mentions += 1,
            }
            let last_of_message = handles.peek().is_none_or(|next| next.1 != message);
            if last_of_message {
                let people = std::mem::take(&mut found);
                let stored = message.and_then(|at| dataset.messages.get_mut(at));
                if let Some(stored) = stored.filter(|_| !people.is_empty()) {
                    let all = stored.mentions.iter().copied().chain(people);
                    stored.mentions = distinct(all).into_boxed_slice();
                }
            }
        }
    }
}
