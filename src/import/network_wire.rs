//! The laid-out network as the import worker hands it to the page.
//!
//! Everything goes as columns: typed arrays for the numbers, and one string for all the
//! people's ids and names. As objects, the ties were most of the page's long pause when the
//! network arrived (on the 1 M-message export, 1.6 s to structured-clone the message into
//! the page, `MessageEvent.data`, and 1.7 s more to read it back one value at a time), and
//! then the people (on the 100 k export, 70 of the 141 ms the read-back took, mostly
//! serde-wasm-bindgen asking for each field of each person; docs/PERFORMANCE.md, "Frames
//! while the network arrives" and "Frames, session 10"). A typed array or a string is
//! cloned and read back as one copy.
//!
//! The object: `text` (every person's id then name, one after the other), `textBytes` (a
//! `Uint32Array`, each of those in UTF-8 bytes: two a person), `place` (a `Float64Array`,
//! `x, y` a person), `counts` (a `Uint32Array`, [`PERSON_WORDS`] a person: role, degree,
//! community, away, replies given, received, between members), `spaces` (the space names,
//! an array), `edges` (a `Uint32Array` of `a, b, weight` for every tie in order), `slots`,
//! `slotSpace` (each a `Uint32Array`) and `slotDay` (an `Int32Array`): the [`TieTimes`]
//! fields.

use js_sys::{Float64Array, Int32Array, Object, Reflect, Uint32Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::import::messages::{from_js, to_js};
use crate::import::people_wire::Pieces;
use peerscope_core::draw::view::times::TieTimes;
use peerscope_core::draw::view::{EdgeView, NetworkView, NodeView, Role};

/// Numbers a person has in `counts`.
const PERSON_WORDS: usize = 7;

/// The roles by their number in `counts`.
const ROLES: [Role; 5] = [
    Role::Host,
    Role::Leader,
    Role::Core,
    Role::Engaged,
    Role::Audience,
];

/// `network` as the object above, or why not (a sentence for the person).
pub fn network_to_js(network: &NetworkView) -> Result<JsValue, String> {
    let nodes = &network.nodes;
    let mut text = String::new();
    let mut text_bytes = Vec::with_capacity(nodes.len() * 2);
    let (mut place, mut counts) = (Vec::new(), Vec::new());
    for n in nodes {
        text.push_str(&n.id);
        text.push_str(&n.name);
        text_bytes.extend([n.id.len(), n.name.len()].map(|b| b as u32));
        place.extend([n.x, n.y]);
        let role = ROLES.iter().position(|&r| r == n.role).unwrap_or(0) as u32;
        counts.extend([role, n.degree, n.community, u32::from(n.away)]);
        counts.extend([n.replies_given, n.replies_received, n.peer_replies]);
    }
    let edges: Vec<u32> = network
        .edges
        .iter()
        .flat_map(|e| [e.a, e.b, e.weight])
        .collect();
    let times = &network.times;
    let words = |w: &[u32]| JsValue::from(Uint32Array::from(w));
    let fields: [(&str, JsValue); 9] = [
        ("text", JsValue::from_str(&text)),
        ("textBytes", words(&text_bytes)),
        ("place", Float64Array::from(place.as_slice()).into()),
        ("counts", words(&counts)),
        ("spaces", to_js(&times.spaces)?),
        ("edges", words(&edges)),
        ("slots", words(&times.slots)),
        ("slotSpace", words(&times.slot_space)),
        (
            "slotDay",
            Int32Array::from(times.slot_day.as_slice()).into(),
        ),
    ];
    let object = Object::new();
    for (key, value) in fields {
        Reflect::set(&object, &JsValue::from_str(key), &value).map_err(|_| misheard(key))?;
    }
    Ok(object.into())
}

/// The network in an object made by [`network_to_js`], or one sentence saying what did not
/// read back (a field missing or of the wrong type, columns of unequal lengths, a length
/// that does not cut the text at a character).
pub fn network_from_js(value: &JsValue) -> Result<NetworkView, String> {
    let field = |key: &str| Reflect::get(value, &JsValue::from_str(key)).map_err(|_| misheard(key));
    let words = |key: &str| {
        field(key)?
            .dyn_into::<Uint32Array>()
            .map(|array| array.to_vec())
            .map_err(|_| misheard(key))
    };
    let flat = words("edges")?;
    if flat.len() % 3 != 0 {
        return Err(misheard("edges"));
    }
    let edges = flat
        .chunks_exact(3)
        .filter_map(|t| match *t {
            [a, b, weight] => Some(EdgeView { a, b, weight }),
            _ => None,
        })
        .collect();
    let slot_day = field("slotDay")?
        .dyn_into::<Int32Array>()
        .map(|array| array.to_vec())
        .map_err(|_| misheard("slotDay"))?;
    Ok(NetworkView {
        nodes: people_from_js(&field, &words)?,
        edges,
        times: TieTimes {
            spaces: from_js(field("spaces")?)?,
            slot_space: words("slotSpace")?,
            slot_day,
            slots: words("slots")?,
        },
    })
}

/// The people from the `text`, `textBytes`, `place` and `counts` columns.
fn people_from_js(
    field: &dyn Fn(&str) -> Result<JsValue, String>,
    words: &dyn Fn(&str) -> Result<Vec<u32>, String>,
) -> Result<Vec<NodeView>, String> {
    let text = field("text")?.as_string().ok_or_else(|| misheard("text"))?;
    let place = field("place")?
        .dyn_into::<Float64Array>()
        .map(|array| array.to_vec())
        .map_err(|_| misheard("place"))?;
    let (text_bytes, counts) = (words("textBytes")?, words("counts")?);
    let people = place.len() / 2;
    if place.len() % 2 != 0 || text_bytes.len() != people * 2 {
        return Err(misheard("people"));
    }
    if counts.len() != people * PERSON_WORDS {
        return Err(misheard("counts"));
    }
    let mut pieces = Pieces::new(&text);
    let rows = text_bytes
        .chunks_exact(2)
        .zip(place.chunks_exact(2))
        .zip(counts.chunks_exact(PERSON_WORDS));
    let mut nodes = Vec::with_capacity(people);
    for ((bytes, xy), numbers) in rows {
        let (&[id, name], &[x, y]) = (bytes, xy) else {
            return Err(misheard("people"));
        };
        let &[role, degree, community, away, given, received, peer] = numbers else {
            return Err(misheard("counts"));
        };
        let (id, name) = pieces
            .next(id)
            .zip(pieces.next(name))
            .ok_or_else(|| misheard("text"))?;
        nodes.push(NodeView {
            id,
            name,
            role: *ROLES.get(role as usize).ok_or_else(|| misheard("roles"))?,
            degree,
            x,
            y,
            community,
            away: away != 0,
            replies_given: given,
            replies_received: received,
            peer_replies: peer,
        });
    }
    Ok(nodes)
}

/// The sentence for a network whose `key` did not cross between the worker and the page.
fn misheard(key: &str) -> String {
    format!("the page and its import worker misunderstood each other (the network's {key}).")
}
