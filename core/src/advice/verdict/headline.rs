//! The verdict in words: the headline (the answer in one sentence) and the framing (the
//! answer read against the user's goal). Only measures that count are quoted.

use super::Context;
use crate::model::options::Goal;
use crate::model::quoted::{Quoted, Quoter};
use crate::model::schema::Label;

pub(super) fn host_word(ctx: &Context) -> &'static str {
    if ctx.stand_in.is_some() {
        "the most connected person"
    } else {
        "you"
    }
}

/// The answer in one sentence, with the numbers it quotes. It quotes only measures
/// that count.
pub(super) fn headline(label: Label, ctx: &Context) -> Quoted {
    let m = ctx.metrics;
    let mut q = Quoter::default();
    let text = match label {
        Label::Undetermined => {
            "Too early to tell: this export holds too little conversation to judge yet.".to_string()
        }
        Label::Audience => match m.host_share.counted() {
            Some(c) => format!(
                "Mostly an audience: {} of conversations go through {}.",
                q.share("metrics.host_share", c.value),
                host_word(ctx)
            ),
            None => "Mostly an audience: people here hardly talk to each other yet.".to_string(),
        },
        Label::Emerging if ctx.core >= 3 => format!(
            "An audience with a community growing inside it: {} members talk to each other in a close-knit core.",
            q.count("funnel.core", ctx.core as f64)
        ),
        Label::Emerging => match m.peer_reply_share.counted() {
            Some(c) => format!(
                "An audience with a community starting: members already answer each other in {} of replies.",
                q.share("metrics.peer_reply_share", c.value)
            ),
            None => "An audience with a community starting: members are beginning to talk to each other.".to_string(),
        },
        Label::Community => community(ctx, &mut q),
    };
    q.say(text)
}

/// The community headline: how often members answered each other, and whether they kept
/// talking on the days the host was away.
fn community(ctx: &Context, q: &mut Quoter) -> String {
    let m = ctx.metrics;
    let peers = m.peer_reply_share.counted().map_or(String::new(), |c| {
        let times = if c.num.round() == 1.0 {
            "time"
        } else {
            "times"
        };
        format!(
            " {} {times}",
            q.count("metrics.peer_reply_share.num", c.num)
        )
    });
    let kept_talking = m.continuation.counted().is_some_and(|c| c.value >= 0.5);
    match ctx.days {
        Some((silent, _)) if kept_talking => format!(
            "A community: members answered each other{peers}, and kept talking on the {} days {} did not post.",
            q.count("counts.silent_days", silent as f64),
            host_word(ctx)
        ),
        _ => format!(
            "A community: members answered each other{peers}, not only {}.",
            host_word(ctx)
        ),
    }
}

/// The headline's opening for `label` when its score's interval reaches past the label's
/// band (docs/METRICS.md §10): "Probably a community" when the interval spans two
/// labels, "Perhaps a community" when it spans all three. `None` for `undetermined`,
/// which never has an interval.
fn hedged_opening(label: Label, bands: usize) -> Option<String> {
    let said = match label {
        Label::Undetermined => return None,
        // "Mostly" already hedges the firm opening; "probably mostly" would say it twice.
        Label::Audience => "an audience",
        Label::Emerging => "an audience with a community",
        Label::Community => "a community",
    };
    let how = if bands >= 3 { "Perhaps" } else { "Probably" };
    Some(format!("{how} {said}"))
}

/// `headline` with its opening (the words before the first ": ") softened when the
/// score's interval reaches past `label`'s band: `bands` is the verdict's list of labels
/// the interval touches (docs/METRICS.md §10). Unchanged when the interval stays in one
/// label (one band), or when the headline has no such opening. The numbers sentence after
/// the colon is kept, so its quotes still hold.
pub fn hedged(headline: &str, label: Label, bands: &[Label]) -> String {
    let reaches_past = !bands.is_empty() && bands != [label];
    let opening = hedged_opening(label, bands.len()).filter(|_| reaches_past);
    match (opening, headline.split_once(": ")) {
        (Some(opening), Some((firm, rest))) => {
            // Keep the growing/starting detail of an emerging opening after the hedge.
            let detail = firm
                .strip_prefix("An audience with a community")
                .unwrap_or_default();
            format!("{opening}{detail}: {rest}")
        }
        _ => headline.to_string(),
    }
}

/// The verdict read against the user's goal. `core`: members in the close-knit core (an
/// *emerging* group by its score alone may have none, and is then not told it has one).
pub(super) fn framing(label: Label, goal: Goal, core: u64) -> String {
    match (goal, label) {
        (Goal::Connection, Label::Emerging) if core < 3 => "For a goal of connection you are on the way: members have begun to answer each other; help a few of them talk often.",
        (_, Label::Undetermined) => "Export a longer period, or add the group's other channels, and run this again: the steps below say how.",
        (Goal::Reach, Label::Audience) => "That fits a goal of reach: people come for what you publish. To keep them, grow a small core that talks to each other.",
        (Goal::Reach, _) => "For a goal of reach this is a strength: members bring each other back, and that carries your content further.",
        (Goal::Connection, Label::Audience) => "For a goal of connection there is work to do: members mostly talk to you, not to each other.",
        (Goal::Connection, Label::Emerging) => "For a goal of connection you are on the way: a core already talks to each other; widen it.",
        (Goal::Connection, Label::Community) => "For a goal of connection this is what success looks like: keep making room for members to lead.",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_emerging_group_without_a_core_is_not_told_it_has_one() {
        let none = framing(Label::Emerging, Goal::Connection, 0);
        assert!(!none.contains("core"), "{none}");
        let some = framing(Label::Emerging, Goal::Connection, 13);
        assert!(some.contains("a core already talks"), "{some}");
    }

    #[test]
    fn an_interval_across_two_labels_softens_the_opening_and_keeps_the_numbers() {
        let firm = "A community: members answered each other 40 times, not only you.";
        let two = [Label::Emerging, Label::Community];
        assert_eq!(
            hedged(firm, Label::Community, &two),
            "Probably a community: members answered each other 40 times, not only you."
        );
        let growing = "An audience with a community growing inside it: 13 members talk.";
        assert_eq!(
            hedged(growing, Label::Emerging, &two),
            "Probably an audience with a community growing inside it: 13 members talk."
        );
        let audience = "Mostly an audience: 80% of conversations go through you.";
        let low = [Label::Audience, Label::Emerging];
        assert_eq!(
            hedged(audience, Label::Audience, &low),
            "Probably an audience: 80% of conversations go through you."
        );
    }

    #[test]
    fn an_interval_across_all_three_labels_says_perhaps() {
        let all = [Label::Audience, Label::Emerging, Label::Community];
        let firm = "A community: members answered each other 40 times, not only you.";
        assert!(hedged(firm, Label::Community, &all).starts_with("Perhaps a community: "));
    }

    #[test]
    fn an_interval_inside_one_label_keeps_the_headline() {
        let firm = "A community: members answered each other 40 times, not only you.";
        assert_eq!(hedged(firm, Label::Community, &[Label::Community]), firm);
        let early = "Too early to tell: this export holds too little conversation to judge yet.";
        let two = [Label::Emerging, Label::Community];
        assert_eq!(hedged(early, Label::Undetermined, &two), early);
    }
}
