//! A slice of the conversation to measure: the whole export, or one channel.
//!
//! Holds the counting messages in the slice, the interactions those messages created,
//! the participants, and the graph G built from them, so every metric reads the same
//! numbers.

use std::borrow::Cow;

use crate::graph::flags::Flags;
use crate::graph::interactions::{Conversation, Interaction};
use crate::graph::Graph;
use crate::model::{work, Dataset, Message, PersonIdx};

pub struct Scope<'a> {
    pub data: &'a Dataset,
    pub conv: &'a Conversation,
    /// Per person: one of the hosts.
    pub is_host: &'a [bool],
    /// Counting messages (post and reply, not by bots) in the slice, by index: borrowed
    /// from the scope it was cut from when they are one run of its list (a period of a
    /// chat in time order, see [`Scope::part`]), a list of their own otherwise.
    pub messages: Cow<'a, [usize]>,
    /// How [`Scope::holds`] tells whether a message is one of `messages`.
    members: Members,
    /// Reply and mention interactions created by messages of the slice, in the
    /// conversation's order: borrowed from it when they are one run of it (the whole
    /// export, and a period of a chat in time order), a list of their own otherwise.
    pub interactions: Cow<'a, [Interaction]>,
    /// G over the slice's participants (ordered by person index).
    pub graph: Graph,
}

impl<'a> Scope<'a> {
    /// The slice of `data` whose messages pass `keep`.
    pub fn new(
        data: &'a Dataset,
        conv: &'a Conversation,
        is_host: &'a [bool],
        keep: impl Fn(&Message) -> bool,
    ) -> Scope<'a> {
        work::add(data.messages.len() as u64);
        let mut in_scope = Flags::new(data.messages.len());
        let mut count = 0;
        for (at, m) in data.messages.iter().enumerate() {
            if data.counts(m) && keep(m) {
                in_scope.set(at);
                count += 1;
            }
        }
        // Sized exactly before it is filled: grown by doubling, it held up to twice its
        // length.
        let mut messages = Vec::with_capacity(count);
        messages.extend((0..data.messages.len()).filter(|&at| in_scope.get(at)));
        let interactions = kept_interactions(&conv.interactions, &in_scope);
        Scope::sorted(data, conv, is_host, Cow::Owned(messages), interactions)
    }

    /// The part of this scope whose messages pass `keep`: what [`Scope::new`] gives with
    /// both tests, without a copy of the messages when they are one run of this scope's
    /// (the trend keeps a part per period: 8 bytes a message, and a flag per message of
    /// the dataset per period, saved).
    pub fn part(&self, keep: impl Fn(&Message) -> bool) -> Scope<'_> {
        let data = self.data;
        work::add(self.messages.len() as u64);
        let kept = |at: &usize| data.messages.get(*at).is_some_and(&keep);
        let first = self
            .messages
            .iter()
            .position(kept)
            .unwrap_or(self.messages.len());
        let end = self
            .messages
            .iter()
            .rposition(kept)
            .map_or(first, |last| last + 1);
        let run = self.messages.get(first..end).unwrap_or_default();
        let messages = if run.iter().all(kept) {
            Cow::Borrowed(run)
        } else {
            Cow::Owned(run.iter().copied().filter(kept).collect())
        };
        let mut in_part = Flags::new(data.messages.len());
        for &at in messages.iter() {
            in_part.set(at);
        }
        let interactions = kept_interactions(&self.interactions, &in_part);
        Scope::sorted(data, self.conv, self.is_host, messages, interactions)
    }

    /// A scope of `messages` (in dataset order, each once) and their `interactions`, with
    /// its graph.
    fn sorted(
        data: &'a Dataset,
        conv: &'a Conversation,
        is_host: &'a [bool],
        messages: Cow<'a, [usize]>,
        interactions: Cow<'a, [Interaction]>,
    ) -> Scope<'a> {
        let graph = Graph::build(
            data.people.len(),
            &participants(data, &messages, &interactions),
            interactions.iter(),
        );
        Scope {
            data,
            conv,
            is_host,
            messages,
            members: Members::Sorted,
            interactions,
            graph,
        }
    }

    /// The same slice with `is_host` marking the hosts instead.
    pub fn with_hosts<'b>(self, is_host: &'b [bool]) -> Scope<'b>
    where
        'a: 'b,
    {
        Scope { is_host, ..self }
    }

    /// Whether message `at` of the dataset is one of the scope's (`false` past the end).
    pub fn holds(&self, at: usize) -> bool {
        match &self.members {
            Members::Sorted => self.messages.binary_search(&at).is_ok(),
            Members::Flagged(flags) => flags.get(at),
        }
    }

    /// A scope made of given messages and interactions, repeats allowed: the score's
    /// bootstrap (docs/METRICS.md §10) draws units with replacement and measures them.
    ///
    /// `messages` index [`Dataset::messages`] (counting messages only); `interactions`
    /// are taken as given, so a unit drawn twice counts twice. `with_graph: false` leaves
    /// the graph empty (measures that only count interactions and messages need none, and
    /// building it is most of the cost on a million replies). Empty input gives an empty
    /// scope with no participants.
    pub fn of_parts(
        data: &'a Dataset,
        conv: &'a Conversation,
        is_host: &'a [bool],
        (messages, interactions): (Vec<usize>, Vec<Interaction>),
        with_graph: bool,
    ) -> Scope<'a> {
        let people = if with_graph {
            participants(data, &messages, &interactions)
        } else {
            Vec::new()
        };
        Scope::of_drawn(
            data,
            conv,
            is_host,
            (messages, interactions),
            people,
            with_graph,
        )
    }

    /// [`Scope::of_parts`] with its participants given (`people`: non-bot, non-placeholder
    /// persons in order, each once, as [`participants`] finds them): the bootstrap knows
    /// each unit's people already, and reading a million messages' authors again for
    /// every replicate would cost more than the graph.
    pub fn of_drawn(
        data: &'a Dataset,
        conv: &'a Conversation,
        is_host: &'a [bool],
        (messages, interactions): (Vec<usize>, Vec<Interaction>),
        people: Vec<PersonIdx>,
        with_graph: bool,
    ) -> Scope<'a> {
        let mut in_scope = Flags::new(data.messages.len());
        for &at in &messages {
            in_scope.set(at);
        }
        let graph = if with_graph {
            Graph::build(data.people.len(), &people, interactions.iter())
        } else {
            Graph::default()
        };
        Scope {
            data,
            conv,
            is_host,
            messages: Cow::Owned(messages),
            members: Members::Flagged(in_scope),
            interactions: Cow::Owned(interactions),
            graph,
        }
    }

    pub fn host(&self, person: PersonIdx) -> bool {
        self.is_host.get(person as usize).copied().unwrap_or(false)
    }

    /// A non-bot person who is not a host nor a placeholder.
    pub fn member(&self, person: PersonIdx) -> bool {
        !self.host(person) && !self.data.is_bot(person) && !self.data.is_placeholder(person)
    }

    /// Per graph node: is it a host.
    pub fn host_nodes(&self) -> Vec<bool> {
        self.graph.people.iter().map(|&p| self.host(p)).collect()
    }

    /// Per graph node: is it a member (participant and not a host).
    pub fn member_nodes(&self) -> Vec<bool> {
        self.graph.people.iter().map(|&p| !self.host(p)).collect()
    }

    pub fn message(&self, at: usize) -> Option<&'a Message> {
        self.data.messages.get(at)
    }

    pub fn hosts_present(&self) -> bool {
        self.graph.people.iter().any(|&p| self.host(p))
    }

    pub fn member_count(&self) -> usize {
        self.graph.people.iter().filter(|&&p| !self.host(p)).count()
    }
}

/// How a scope tells whether it holds a message.
enum Members {
    /// Its message list is sorted and without repeats: a binary search (no flag per
    /// dataset message to keep).
    Sorted,
    /// A flag per dataset message (the bootstrap's drawn scopes, whose lists repeat).
    Flagged(Flags),
}

/// The interactions of `all` whose message is in `in_scope`, in order: a borrowed run of
/// `all` when they are one (no copy: on a chat that is 40 bytes a message per scope), else
/// a list of their own.
fn kept_interactions<'a>(all: &'a [Interaction], in_scope: &Flags) -> Cow<'a, [Interaction]> {
    let kept = |i: &Interaction| in_scope.get(i.at());
    let first = all.iter().position(kept).unwrap_or(all.len());
    let end = all.iter().rposition(kept).map_or(first, |last| last + 1);
    let run = all.get(first..end).unwrap_or_default();
    if run.iter().all(kept) {
        return Cow::Borrowed(run);
    }
    // Sized exactly before it is filled, as the message list.
    let mut own = Vec::with_capacity(run.iter().filter(|i| kept(i)).count());
    own.extend(run.iter().filter(|i| kept(i)).copied());
    Cow::Owned(own)
}

/// The non-bot people who wrote one of `messages` or are an end of one of
/// `interactions`, in person order.
pub fn participants(
    data: &Dataset,
    messages: &[usize],
    interactions: &[Interaction],
) -> Vec<PersonIdx> {
    // A flag per person rather than a hash set: sorted for free, and no hashing.
    let mut takes_part = vec![false; data.people.len()];
    let authors = messages
        .iter()
        .filter_map(|&at| data.messages.get(at).map(|m| m.author));
    let ends = interactions.iter().flat_map(|i| [i.from, i.to]);
    for p in authors.chain(ends) {
        if let Some(flag) = takes_part.get_mut(p as usize) {
            *flag = true;
        }
    }
    (0..data.people.len() as PersonIdx)
        .filter(|&p| {
            // Placeholders write counted messages but are no node (docs/METRICS.md §2).
            takes_part.get(p as usize) == Some(&true) && !data.is_bot(p) && !data.is_placeholder(p)
        })
        .collect()
}
