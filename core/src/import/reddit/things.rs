//! The serde shape of Reddit JSON: things (`{"kind", "data"}`) nested in Listings.
//!
//! `replies` is `""` or a Listing, and `children` holds things in a Listing but bare ids
//! in a `more` stub, so both get a small visitor instead of an untagged enum: that keeps
//! parsing streaming (no buffering of whole subtrees) and errors at their line and column.

use std::borrow::Cow;
use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct Thing<'a> {
    #[serde(borrow, default)]
    pub(super) kind: Cow<'a, str>,
    #[serde(borrow, default)]
    pub(super) data: Data<'a>,
}

/// The fields of every kind in one struct: a post (t3), a comment (t1), a `more` stub or
/// a Listing (whose `children` are things, where a stub's are ids).
#[derive(Deserialize, Default)]
pub(super) struct Data<'a> {
    #[serde(borrow, default)]
    pub(super) id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) author: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) parent_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) link_id: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(super) created_utc: Option<f64>,
    #[serde(borrow, default)]
    pub(super) body: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) title: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) selftext: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) replies: Replies<'a>,
    #[serde(borrow, default)]
    pub(super) children: Vec<Child<'a>>,
    #[serde(default)]
    pub(super) count: Option<u64>,
}

/// `replies`: `""` when a comment has none, otherwise a Listing.
#[derive(Default)]
pub(super) struct Replies<'a>(pub(super) Vec<Child<'a>>);

/// An entry of `children`: a thing (in a Listing) or a bare id (in a `more` stub).
pub(super) enum Child<'a> {
    Id,
    // Boxed: a thing is large, and most `more` stubs hold many bare ids.
    Thing(Box<Thing<'a>>),
}

#[derive(Deserialize)]
pub(super) struct TopObject<'a> {
    #[serde(borrow, default)]
    pub(super) kind: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) data: Option<Data<'a>>,
    #[serde(borrow, default)]
    pub(super) json: Option<MoreJson<'a>>,
}

#[derive(Deserialize)]
pub(super) struct MoreJson<'a> {
    #[serde(borrow, default)]
    pub(super) data: Option<MoreData<'a>>,
    #[serde(default)]
    pub(super) errors: Vec<IgnoredAny>,
}

#[derive(Deserialize)]
pub(super) struct MoreData<'a> {
    #[serde(borrow, default)]
    pub(super) things: Vec<Thing<'a>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for Replies<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Replies<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("\"\" or a Listing of replies")
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Replies(Vec::new()))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Replies(Vec::new()))
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
                let listing = Thing::deserialize(MapAccessDeserializer::new(map))?;
                Ok(Replies(listing.data.children))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Child<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Child<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a thing ({\"kind\", \"data\"}) or an id")
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Child::Id)
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
                Thing::deserialize(MapAccessDeserializer::new(map))
                    .map(|t| Child::Thing(Box::new(t)))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}
