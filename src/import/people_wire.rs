//! A big export's participants as the import worker hands them to the page: columns, which
//! the page reads back in a task of their own after the verdict is painted
//! (`src/import/people_later.rs`).
//!
//! The verdict goes with the first [`FIRST_PEOPLE`] (the host list's), and every
//! participant follows as two columns: `text` (each person's id then name, one after the
//! other, in one string) and `textBytes` (a `Uint32Array`, each of those in UTF-8 bytes: two
//! a person). As 49 000 objects (the 1 M-message export) they were structured-cloned with
//! the verdict's message and read back one field at a time in the task after it
//! (docs/PERFORMANCE.md, "Frames at 1 M, session 12"); a string and a typed array are
//! cloned and read back as one copy each.

use js_sys::{Object, Reflect, Uint32Array};
use wasm_bindgen::{JsCast, JsValue};

use peerscope_core::draw::view::NetworkView;
use peerscope_core::model::schema::{PersonRef, Report};
use peerscope_core::report::analyze::Analysis;

/// The people the verdict is sent with: the host list's (`src/app/choices.rs` names at
/// most 300, most connected first), so the list on screen is whole from the start.
pub const FIRST_PEOPLE: usize = 300;

/// An [`Analysis`] with only some of its participants, borrowed: it serialises as an
/// `Analysis` (the same fields), so the page reads it as one, and nothing is cloned on the
/// way to the verdict.
#[derive(serde::Serialize)]
pub struct VerdictPart<'a> {
    report: &'a Report,
    network: &'a NetworkView,
    participants: &'a [PersonRef],
}

/// `analysis` to send with its verdict (its first [`FIRST_PEOPLE`] participants), and every
/// participant as columns to send beside it (`None` when there are no more than
/// [`FIRST_PEOPLE`]: the verdict's part then has them all).
pub fn verdict_and_people(analysis: &Analysis) -> (VerdictPart<'_>, Option<JsValue>) {
    let everyone = analysis.participants.as_slice();
    let first = VerdictPart {
        report: &analysis.report,
        network: &analysis.network,
        participants: everyone.get(..FIRST_PEOPLE).unwrap_or(everyone),
    };
    let people = (everyone.len() > FIRST_PEOPLE)
        .then(|| people_to_js(everyone))
        .flatten();
    (first, people)
}

/// All of `analysis`, borrowed as a [`VerdictPart`].
pub fn whole(analysis: &Analysis) -> VerdictPart<'_> {
    VerdictPart {
        report: &analysis.report,
        network: &analysis.network,
        participants: &analysis.participants,
    }
}

/// `people` as the columns above; `None` if the object could not be made.
fn people_to_js(people: &[PersonRef]) -> Option<JsValue> {
    let mut text = String::new();
    let mut text_bytes = Vec::with_capacity(people.len() * 2);
    for person in people {
        text.push_str(&person.id);
        text.push_str(&person.name);
        text_bytes.extend([person.id.len(), person.name.len()].map(|b| b as u32));
    }
    let object = Object::new();
    let fields: [(&str, JsValue); 2] = [
        ("text", JsValue::from_str(&text)),
        ("textBytes", Uint32Array::from(text_bytes.as_slice()).into()),
    ];
    for (key, value) in fields {
        Reflect::set(&object, &JsValue::from_str(key), &value).ok()?;
    }
    Some(object.into())
}

/// The participants in an object made by [`people_to_js`], or why not.
pub fn people_from_js(value: &JsValue) -> Result<Vec<PersonRef>, String> {
    let field = |key: &str| Reflect::get(value, &JsValue::from_str(key)).map_err(|_| misheard());
    let text = field("text")?.as_string().ok_or_else(misheard)?;
    let text_bytes = field("textBytes")?
        .dyn_into::<Uint32Array>()
        .map_err(|_| misheard())?
        .to_vec();
    let mut pieces = Pieces::new(&text);
    let mut people = Vec::with_capacity(text_bytes.len() / 2);
    for pair in text_bytes.chunks(2) {
        let &[id, name] = pair else {
            return Err(misheard());
        };
        let (id, name) = pieces
            .next(id)
            .zip(pieces.next(name))
            .ok_or_else(misheard)?;
        people.push(PersonRef { id, name });
    }
    Ok(people)
}

/// The sentence for participants that did not cross between the worker and the page.
fn misheard() -> String {
    "the page and its import worker misunderstood each other (the participants).".to_string()
}

/// Cuts one string into the pieces a column of UTF-8 lengths gives, in order.
pub struct Pieces<'a> {
    text: &'a str,
    start: usize,
}

impl<'a> Pieces<'a> {
    /// The pieces of `text`, the first from its start.
    pub fn new(text: &'a str) -> Pieces<'a> {
        Pieces { text, start: 0 }
    }

    /// The next `bytes` bytes as a string; `None` past the end or when they do not end at
    /// a character's boundary.
    pub fn next(&mut self, bytes: u32) -> Option<String> {
        let end = self.start.checked_add(bytes as usize)?;
        let piece = self.text.get(self.start..end)?.to_string();
        self.start = end;
        Some(piece)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cut_at_the_lengths_and_refuse_a_cut_inside_a_character() {
        let mut pieces = Pieces::new("idéname");
        assert_eq!(pieces.next(2).as_deref(), Some("id"));
        assert_eq!(pieces.next(0).as_deref(), Some(""));
        assert_eq!(pieces.next(1), None, "é is two bytes");
        assert_eq!(pieces.next(2).as_deref(), Some("é"));
        assert_eq!(pieces.next(4).as_deref(), Some("name"));
        assert_eq!(pieces.next(1), None, "past the end");
    }
}
