//! REST answers: `GET /api/v1/messages` (`{"messages": [...]}`), one message's answer
//! (`{"message": {...}}`), or a topic archive's bare list of the same message objects.
//! Each message names its sender, so people have names without `realm.json`.

use super::messages::{millis, push_all, Incoming, Tally};
use super::people::{is_bot_email, is_system_bot, person};
use super::raw::{DirectMember, DisplayRecipient, RestAnswer, RestMessage};
use super::spaces::topic_space;
use crate::import::error::ImportError;
use crate::import::json_error;
use crate::model::Dataset;

/// Reads one REST file into `dataset`.
pub(super) fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<Tally, ImportError> {
    let listed = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'[');
    let messages: Vec<RestMessage<'_>> = if listed {
        serde_json::from_slice(bytes).map_err(|e| json_error::from_serde(file, &e))?
    } else {
        let answer: RestAnswer<'_> =
            serde_json::from_slice(bytes).map_err(|e| json_error::from_serde(file, &e))?;
        if answer.messages.is_none() && answer.message.is_none() {
            return Err(ImportError::Shape {
                file: file.to_string(),
                what: "this JSON object has no \"messages\" list, so it is not a Zulip \
                       messages answer; save the answer of /api/v1/messages"
                    .into(),
            });
        }
        answer
            .messages
            .into_iter()
            .flatten()
            .chain(answer.message)
            .collect()
    };
    let incoming: Vec<Incoming<'_>> = messages.iter().map(|m| place(m, dataset)).collect();
    Ok(push_all(incoming, dataset))
}

/// One message's author and space.
fn place<'t>(m: &'t RestMessage<'t>, dataset: &mut Dataset) -> Incoming<'t> {
    let email = m.sender_email.as_deref().unwrap_or("");
    let name = m.sender_full_name.as_deref().unwrap_or("");
    let notice = is_system_bot(email) || is_system_bot(name);
    let author = person(dataset, m.sender_id, name, notice || is_bot_email(email));
    let (target, target_name) = target(m);
    let space = topic_space(dataset, &target, Some(&target_name), &m.subject);
    let html = match m.content_type.as_deref() {
        Some(kind) => kind != "text/x-markdown",
        None => m.content.trim_start().starts_with('<'),
    };
    Incoming {
        id: m.id,
        author,
        time_ms: millis(m.timestamp),
        space,
        text: &m.content,
        html,
        notice,
    }
}

/// The message's target key and name (see `spaces`): a stream, or a direct conversation
/// named after its people.
fn target(m: &RestMessage<'_>) -> (String, String) {
    let direct = m.kind.as_deref() == Some("private");
    let name = match &m.display_recipient {
        Some(DisplayRecipient::Stream(name)) if !direct => format!("#{name}"),
        Some(DisplayRecipient::People(people)) => direct_name(people),
        _ if direct => "direct messages".to_string(),
        _ => m
            .stream_id
            .map_or_else(|| "stream".to_string(), |id| format!("stream {id}")),
    };
    let key = match (m.recipient_id, m.stream_id, &m.display_recipient) {
        (Some(r), _, _) => format!("r{r}"),
        (None, Some(s), _) if !direct => format!("s{s}"),
        (None, _, Some(DisplayRecipient::People(people))) => {
            let mut ids: Vec<u64> = people.iter().map(|p| p.id).collect();
            ids.sort_unstable();
            let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
            format!("dm{}", ids.join(","))
        }
        _ => format!("n{name}"),
    };
    (key, name)
}

/// People named in a direct conversation's name; the rest are counted, so a group of
/// thousands does not get a name of megabytes.
const NAMED_MEMBERS: usize = 8;

/// `direct: Ann Lee, Bo Park` (and "and N others" past [`NAMED_MEMBERS`]).
fn direct_name(people: &[DirectMember<'_>]) -> String {
    let names: Vec<&str> = people
        .iter()
        .take(NAMED_MEMBERS)
        .map(|p| p.full_name.as_ref())
        .collect();
    let others = people.len().saturating_sub(NAMED_MEMBERS);
    let more = match others {
        0 => String::new(),
        1 => " and 1 other".to_string(),
        n => format!(" and {n} others"),
    };
    format!("direct: {}{more}", names.join(", "))
}
