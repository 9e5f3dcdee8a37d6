//! Direction of communication (docs/METRICS.md §3.2) and the "consume or connect?" test (§4).

use crate::graph::interactions::Conversation;
use crate::graph::scope::Scope;
use crate::graph::Graph;
use crate::model::metric::Metric;
use crate::model::unstable_sort::UnstableSort;

/// Replies (all three reply kinds) where neither end is a host / all replies. 0..=1;
/// null when there are no replies.
pub fn peer_reply_share(scope: &Scope) -> Metric {
    let replies = scope.interactions.iter().filter(|i| i.kind.is_reply());
    let (mut peer, mut all) = (0usize, 0usize);
    for i in replies {
        all += 1;
        peer += usize::from(!scope.host(i.from) && !scope.host(i.to));
    }
    peer_reply_share_of(peer, all)
}

/// `peer_reply_share` from its counts: replies between two members, and all replies.
pub fn peer_reply_share_of(peer: usize, all: usize) -> Metric {
    Metric::ratio(
        peer as f64,
        all as f64,
        "nobody replied to anyone in this export",
    )
}

/// Member reply and mention interactions aimed at members / all reply and mention
/// interactions by members. 0..=1; null when members wrote none.
pub fn connect_share(scope: &Scope) -> Metric {
    let by_members = scope.interactions.iter().filter(|i| !scope.host(i.from));
    let (mut to_members, mut all) = (0usize, 0usize);
    for i in by_members {
        all += 1;
        to_members += usize::from(!scope.host(i.to));
    }
    connect_share_of(to_members, all)
}

/// `connect_share` from its counts: members' interactions aimed at members, and all of
/// members' interactions.
pub fn connect_share_of(to_members: usize, all: usize) -> Metric {
    Metric::ratio(
        to_members as f64,
        all as f64,
        "members replied to or mentioned no one",
    )
}

/// Overall reciprocity of the member-only directed simple graph: ties (u, v) whose
/// reverse (v, u) exists / all ties, as NetworkX `overall_reciprocity`. 0..=1; null
/// when members have no ties among themselves.
pub fn reciprocity(scope: &Scope) -> Metric {
    reciprocity_among(&scope.graph, &scope.member_nodes())
}

/// Overall reciprocity of the directed simple graph restricted to nodes passing `keep`.
pub fn reciprocity_among(g: &Graph, keep: &[bool]) -> Metric {
    let kept = |v: u32| keep.get(v as usize).copied().unwrap_or(false);
    let arcs: Vec<(u32, u32)> = g
        .arcs
        .keys()
        .copied()
        .filter(|&(a, b)| kept(a) && kept(b))
        .collect();
    // Reversed ties, sorted, walked alongside the (already sorted) ties: one merge instead
    // of a binary search per tie, which dominated on a million ties.
    let mut reversed: Vec<(u32, u32)> = arcs.iter().map(|&(a, b)| (b, a)).collect();
    reversed.unstable_sort();
    let mut later = reversed.iter().peekable();
    let mut reciprocated = 0usize;
    for tie in &arcs {
        while later.next_if(|r| *r < tie).is_some() {}
        if later.peek() == Some(&tie) {
            reciprocated += 1;
        }
    }
    Metric::ratio(
        reciprocated as f64,
        arcs.len() as f64,
        "members never replied to or mentioned each other",
    )
}

/// Conversation starters authored by members / all conversation starters.
///
/// A starter is a root message of the scope (no parent, not a reply to a missing
/// message) with at least one reply by someone other than its author anywhere below it:
/// direct replies, replies to replies, or messages in its thread. 0..=1; null when no
/// message drew a reply from someone else.
pub fn member_initiated_share(scope: &Scope) -> Metric {
    member_initiated_share_on(scope, roots(scope.conv))
}

/// [`member_initiated_share`] with the reply trees' roots already found ([`roots`]): the
/// score's bootstrap measures many scopes of one conversation and finds them once.
pub fn member_initiated_share_on(scope: &Scope, roots: &[u32]) -> Metric {
    // A flag per dataset message rather than a hash set: the bootstrap calls this
    // hundreds of times on a hundred thousand messages.
    let mut starter = vec![false; scope.data.messages.len()];
    for &at in scope.messages.iter() {
        let (Some(message), Some(root)) = (scope.message(at), root_of(roots, at)) else {
            continue;
        };
        let root_message = scope.message(root);
        let root_in_scope = scope.holds(root);
        if root_in_scope && root_message.is_some_and(|r| r.author != message.author) {
            if let Some(flag) = starter.get_mut(root) {
                *flag = true;
            }
        }
    }
    // Counted per occurrence in `messages`: each message occurs once in an ordinary scope,
    // and a conversation the score's bootstrap draws twice counts twice.
    let (mut by_members, mut all) = (0usize, 0usize);
    let starts = |at: &&usize| starter.get(**at).copied().unwrap_or(false);
    for &at in scope.messages.iter().filter(starts) {
        all += 1;
        by_members += usize::from(scope.message(at).is_some_and(|m| !scope.host(m.author)));
    }
    member_initiated_share_of(by_members, all)
}

/// `member_initiated_share` from its counts: conversations started by members, and all
/// conversations that drew a reply from someone else.
pub fn member_initiated_share_of(by_members: usize, all: usize) -> Metric {
    Metric::ratio(
        by_members as f64,
        all as f64,
        "no message drew a reply from someone else",
    )
}

/// A message with no root in [`roots`].
pub const NO_ROOT: u32 = u32::MAX;

/// The root of message `at` in `roots` (as [`roots`] gives them), `None` for none.
pub fn root_of(roots: &[u32], at: usize) -> Option<usize> {
    roots
        .get(at)
        .copied()
        .filter(|&r| r != NO_ROOT)
        .map(|r| r as usize)
}

/// Per message, the root of its reply tree (read with [`root_of`]): itself when it has no
/// parent, [`NO_ROOT`] when it hangs under a missing parent or a reply cycle (bad data
/// must not loop forever). Positions are `u32` without an `Option`'s tag, as in the
/// conversation's reply tree: a slot per message of the dataset, made while the trend
/// holds all its periods, 4 bytes rather than 16.
///
/// Found once per conversation and kept in it ([`Conversation::reply_roots`]): every
/// scope measured on one conversation (the whole export, its spaces, the trend's periods,
/// the bootstraps' set-up) has the same roots.
pub fn roots(conv: &Conversation) -> &[u32] {
    conv.reply_roots.get_or_init(|| find_roots(conv))
}

/// [`roots`], found afresh.
fn find_roots(conv: &Conversation) -> Vec<u32> {
    const UNSEEN: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let n = conv.tree_parent.len();
    let mut root: Vec<u32> = vec![NO_ROOT; n];
    let mut state = vec![UNSEEN; n];
    let mut path = Vec::new();
    for start in 0..n {
        let mut at = start;
        // Walk up until a message whose root is known, a root, or a cycle.
        let found = loop {
            match state.get(at).copied() {
                Some(DONE) => break root_of(&root, at).and_then(|r| u32::try_from(r).ok()),
                Some(OPEN) | None => break None,
                Some(_) => {}
            }
            if let Some(s) = state.get_mut(at) {
                *s = OPEN;
            }
            path.push(at);
            match conv.parent_of(at) {
                Some(parent) => at = parent,
                None if conv.parent_missing.get(at).copied().unwrap_or(false) => break None,
                None => break u32::try_from(at).ok(),
            }
        };
        for v in path.drain(..) {
            if let (Some(r), Some(s)) = (root.get_mut(v), state.get_mut(v)) {
                (*r, *s) = (found.unwrap_or(NO_ROOT), DONE);
            }
        }
    }
    root
}
