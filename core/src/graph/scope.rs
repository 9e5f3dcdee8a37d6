//! A slice of the conversation to measure: the whole export, or one channel.
//!
//! Holds the counting messages in the slice, the interactions those messages created,
//! the participants, and the graph G built from them, so every metric reads the same
//! numbers.

use crate::graph::interactions::{Conversation, Interaction};
use crate::graph::Graph;
use crate::model::{work, Dataset, Message, PersonIdx};

pub struct Scope<'a> {
    pub data: &'a Dataset,
    pub conv: &'a Conversation,
    /// Per person: one of the hosts.
    pub is_host: &'a [bool],
    /// Counting messages (post and reply, not by bots) in the slice, by index.
    pub messages: Vec<usize>,
    /// Per message in the dataset: is it one of `messages`.
    pub in_scope: Vec<bool>,
    /// Reply and mention interactions created by messages of the slice.
    pub interactions: Vec<Interaction>,
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
        let in_scope: Vec<bool> = data
            .messages
            .iter()
            .map(|m| data.counts(m) && keep(m))
            .collect();
        // Both lists sized exactly before they are filled: grown by doubling, they held up
        // to twice their length, 100 MB on a million messages.
        let mut messages = Vec::with_capacity(in_scope.iter().filter(|&&kept| kept).count());
        messages.extend((0..in_scope.len()).filter(|&at| in_scope.get(at) == Some(&true)));
        let kept = |i: &&Interaction| in_scope.get(i.message).copied().unwrap_or(false);
        let mut interactions = Vec::with_capacity(conv.interactions.iter().filter(kept).count());
        interactions.extend(conv.interactions.iter().filter(kept).copied());
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
            in_scope,
            interactions,
            graph,
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
        let mut in_scope = vec![false; data.messages.len()];
        for &at in &messages {
            if let Some(flag) = in_scope.get_mut(at) {
                *flag = true;
            }
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
            messages,
            in_scope,
            interactions,
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
