//! Which space a message goes to. A conversation is a (stream, topic) pair: each topic is
//! a space of its own, flagged to infer replies, whose parent is its stream's space (which
//! holds no messages itself), so per-space scores fold a stream's topics together. A
//! direct message conversation is one target with the empty topic.
//!
//! Ids: `zulip/<target>` for the stream or conversation, `zulip/<target>/<topic>` for a
//! topic, where the target is `r<recipient id>` when the file gives it (the export always,
//! the REST API in every message), so REST answers and export shards of one organisation
//! land in the same spaces and their messages merge.

use std::collections::HashMap;

use crate::model::{work, Dataset, Space, SpaceIdx};

/// Zulip marks a resolved topic by renaming it with this prefix: the same conversation.
const RESOLVED: &str = "✔ ";

/// The space of one topic of `target`, added (with the target's) on first sight.
/// `target_name` names the target when the file does (`#stream`, `direct: A, B`); else
/// the target keeps the name it has, or is named by its key.
pub(super) fn topic_space(
    dataset: &mut Dataset,
    target: &str,
    target_name: Option<&str>,
    topic: &str,
) -> SpaceIdx {
    let topic = topic.strip_prefix(RESOLVED).unwrap_or(topic).trim();
    let parent_id = format!("zulip/{target}");
    let id = format!("{parent_id}/{topic}");
    if let Some(idx) = dataset.space_with_id(&id) {
        return idx;
    }
    let parent_name = match dataset.space_with_id(&parent_id) {
        Some(idx) => dataset
            .spaces
            .get(idx as usize)
            .map_or_else(String::new, |s| s.name.clone()),
        None => {
            let name = target_name.map_or_else(|| target.to_string(), str::to_string);
            dataset.intern_space(stream_space(&parent_id, &name));
            name
        }
    };
    dataset.intern_space(Space {
        name: topic_name(&parent_name, topic),
        id,
        parent: Some(parent_id),
        is_thread: false,
        infer_replies: true,
    })
}

/// The space of a stream or conversation itself (no messages go to it).
pub(super) fn stream_space(id: &str, name: &str) -> Space {
    Space {
        id: id.to_string(),
        name: name.to_string(),
        parent: None,
        is_thread: false,
        infer_replies: true,
    }
}

/// `#dev > build`, or the target's name alone for the empty topic.
fn topic_name(target: &str, topic: &str) -> String {
    if topic.is_empty() {
        target.to_string()
    } else {
        format!("{target} > {topic}")
    }
}

/// Renames the spaces of every target in `names` (its key → its name), its own and its
/// topics': what `realm.json` does for shards read before it. One pass over the spaces.
pub(super) fn rename_targets(dataset: &mut Dataset, names: &HashMap<String, String>) {
    for space in &mut dataset.spaces {
        work::add(1);
        let Some(rest) = space.id.strip_prefix("zulip/") else {
            continue;
        };
        let (target, topic) = match rest.split_once('/') {
            Some((target, topic)) => (target, Some(topic)),
            None => (rest, None),
        };
        if let Some(name) = names.get(target) {
            space.name = topic.map_or_else(|| name.clone(), |t| topic_name(name, t));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_under_their_stream() {
        let mut d = Dataset::default();
        let a = topic_space(&mut d, "r5", Some("#dev"), "build");
        let b = topic_space(&mut d, "r5", None, "✔ build");
        let c = topic_space(&mut d, "r5", None, "docs");
        assert_eq!(a, b, "a resolved topic is the same conversation");
        let names: Vec<&str> = d.spaces.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["#dev", "#dev > build", "#dev > docs"]);
        assert_eq!(
            d.spaces.get(c as usize).and_then(|s| s.parent.as_deref()),
            Some("zulip/r5")
        );
        topic_space(&mut d, "r50", None, "x");
        let names = HashMap::from([("r5".to_string(), "#develop".to_string())]);
        rename_targets(&mut d, &names);
        let names: Vec<&str> = d.spaces.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "#develop",
                "#develop > build",
                "#develop > docs",
                "r50",
                "r50 > x"
            ]
        );
    }
}
