//! One sentence where the label and the network type seem to disagree (docs/METRICS.md
//! §6): the label weighs who talks to whom across the whole group, the type describes the
//! network's shape, and a group can be both (a community with a help desk at its centre,
//! an audience whose few talkers form a tight crowd).

use crate::model::schema::Label;

/// The reconciling sentence for `label` beside the network type `kind` (its report name,
/// e.g. `support`); `None` when the two read the same way, the label is undetermined or
/// the type is unknown. It quotes no number.
pub fn reconcile(label: Label, kind: Option<&str>) -> Option<String> {
    let text = match (label, kind?) {
        (Label::Community, "broadcast") => {
            "Many people reply to one person, and members also answer each other: the hub draws people in, the members keep the talk going."
        }
        (Label::Community, "support") => {
            "Members answer each other, and one person also answers many of them, like a help desk."
        }
        (Label::Community, "brand_clusters") => {
            "Most people here speak without an answer, but those who do talk, talk to each other rather than only to you."
        }
        (Label::Audience, "tight_crowd") => {
            "The people who talk form one close crowd, but most of what they say still goes through you."
        }
        (Label::Audience, "community_clusters") => {
            "There are several groups with their own centres, but most of the talk in them still goes through you."
        }
        (Label::Audience, "polarized") => {
            "The people who talk split into two groups, but most of the talk in both still goes through you."
        }
        (Label::Emerging, "tight_crowd") => {
            "The people who talk form one close crowd, but they are still few, or still lean on you: the community is growing, not yet grown."
        }
        _ => return None,
    };
    Some(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: [&str; 6] = [
        "broadcast",
        "support",
        "brand_clusters",
        "polarized",
        "community_clusters",
        "tight_crowd",
    ];

    #[test]
    fn only_the_pairs_that_read_as_a_contradiction_get_a_sentence() {
        let said = |label| -> Vec<&str> {
            KINDS
                .into_iter()
                .filter(|k| reconcile(label, Some(k)).is_some())
                .collect()
        };
        assert_eq!(
            said(Label::Community),
            ["broadcast", "support", "brand_clusters"]
        );
        assert_eq!(
            said(Label::Audience),
            ["polarized", "community_clusters", "tight_crowd"]
        );
        assert_eq!(said(Label::Emerging), ["tight_crowd"]);
        assert!(said(Label::Undetermined).is_empty());
        assert_eq!(reconcile(Label::Community, None), None);
        for label in [Label::Community, Label::Audience, Label::Emerging] {
            for kind in KINDS {
                let text = reconcile(label, Some(kind)).unwrap_or_default();
                assert!(
                    !text.chars().any(|c| c.is_ascii_digit() || c == '?'),
                    "{text}"
                );
            }
        }
        let help_desk = reconcile(Label::Community, Some("support")).unwrap_or_default();
        assert!(help_desk.contains("like a help desk"));
    }
}
