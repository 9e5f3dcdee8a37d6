//! The laid-out network as the import worker hands it to the page.
//!
//! The people go as a JS object (serde-wasm-bindgen, as every other message: they carry
//! text), but the ties and the ties' times go as typed arrays. As objects they were most of
//! the page's long pause when the network arrived: on the 1 M-message export, 1.6 s to
//! structured-clone the message into the page (`MessageEvent.data`) and then 1.7 s more to
//! read it back one value at a time, both on the page's thread (docs/PERFORMANCE.md,
//! "Frames while the network arrives"). A typed array is cloned
//! and read back as one copy of its bytes.
//!
//! The object: `nodes` (the [`NodeView`]s), `spaces` (the space names), `edges` (a
//! `Uint32Array` of `a, b, weight` for every tie in order), `slots`, `slotSpace` (each a
//! `Uint32Array`) and `slotDay` (an `Int32Array`): the [`TieTimes`] fields.

use js_sys::{Int32Array, Object, Reflect, Uint32Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::import::messages::{from_js, to_js};
use peerscope_core::draw::view::times::TieTimes;
use peerscope_core::draw::view::{EdgeView, NetworkView};

/// `network` as the object above, or why not (a sentence for the person).
pub fn network_to_js(network: &NetworkView) -> Result<JsValue, String> {
    let edges: Vec<u32> = network
        .edges
        .iter()
        .flat_map(|e| [e.a, e.b, e.weight])
        .collect();
    let times = &network.times;
    let object = Object::new();
    let fields: [(&str, JsValue); 6] = [
        ("nodes", to_js(&network.nodes)?),
        ("spaces", to_js(&times.spaces)?),
        ("edges", Uint32Array::from(edges.as_slice()).into()),
        ("slots", Uint32Array::from(times.slots.as_slice()).into()),
        (
            "slotSpace",
            Uint32Array::from(times.slot_space.as_slice()).into(),
        ),
        (
            "slotDay",
            Int32Array::from(times.slot_day.as_slice()).into(),
        ),
    ];
    for (key, value) in fields {
        Reflect::set(&object, &JsValue::from_str(key), &value).map_err(|_| misheard(key))?;
    }
    Ok(object.into())
}

/// The network in an object made by [`network_to_js`], or one sentence saying what did not
/// read back (a field missing or of the wrong type, ties not in threes).
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
        nodes: from_js(field("nodes")?)?,
        edges,
        times: TieTimes {
            spaces: from_js(field("spaces")?)?,
            slot_space: words("slotSpace")?,
            slot_day,
            slots: words("slots")?,
        },
    })
}

/// The sentence for a network whose `key` did not cross between the worker and the page.
fn misheard(key: &str) -> String {
    format!("the page and its import worker misunderstood each other (the network's {key}).")
}
