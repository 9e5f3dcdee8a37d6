//! A message's source id, kept inside the message when it is short.
//!
//! Most ids are short (a WhatsApp id names the time, the sender's number and a counter in
//! about 19 bytes; a CSV id without its own column is the file name and the line), and a
//! `String` put each in a heap block of its own: 32 bytes a message, plus the allocator's
//! bookkeeping, on a chat of a million messages. Up to [`INLINE`] bytes are held in place;
//! longer ids (Discord snowflakes fit, URLs do not) in one boxed string. Either way the
//! value is 24 bytes, as a `String` was.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// The longest id held in place, in bytes.
pub const INLINE: usize = 22;

/// A message id: text, compared, hashed and shown as the `str` it holds.
#[derive(Clone)]
pub struct MessageId(Repr);

#[derive(Clone)]
enum Repr {
    /// `len` (at most [`INLINE`]) bytes of UTF-8 at the start of `bytes`.
    Inline {
        len: u8,
        bytes: [u8; INLINE],
    },
    Boxed(Box<str>),
}

impl MessageId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, bytes } => bytes
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Repr::Boxed(text) => text,
        }
    }
}

impl From<&str> for MessageId {
    fn from(id: &str) -> MessageId {
        let mut bytes = [0; INLINE];
        match (bytes.get_mut(..id.len()), u8::try_from(id.len())) {
            (Some(room), Ok(len)) => {
                room.copy_from_slice(id.as_bytes());
                MessageId(Repr::Inline { len, bytes })
            }
            _ => MessageId(Repr::Boxed(id.into())),
        }
    }
}

impl From<String> for MessageId {
    fn from(id: String) -> MessageId {
        if id.len() <= INLINE {
            MessageId::from(id.as_str())
        } else {
            MessageId(Repr::Boxed(id.into_boxed_str()))
        }
    }
}

impl Default for MessageId {
    fn default() -> MessageId {
        MessageId::from("")
    }
}

impl Deref for MessageId {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for MessageId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for MessageId {
    fn eq(&self, other: &MessageId) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for MessageId {}

impl PartialEq<str> for MessageId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for MessageId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for MessageId {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl Hash for MessageId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{MessageId, INLINE};

    #[test]
    fn short_and_long_ids_read_back_as_given() {
        let short = "1704067200000/71/0";
        let edge = "x".repeat(INLINE);
        let long = "https://example.org/t/some-topic/1234/5678";
        for id in ["", short, edge.as_str(), long, "ünï/çødé"] {
            assert_eq!(MessageId::from(id).as_str(), id);
            assert_eq!(MessageId::from(id.to_string()), id);
            assert_eq!(MessageId::from(id).to_string(), id);
        }
        assert_eq!(std::mem::size_of::<MessageId>(), 24);
    }

    #[test]
    fn ids_equal_and_hash_as_their_text() {
        use std::hash::BuildHasher;
        let hasher = rustc_hash::FxBuildHasher;
        let a = MessageId::from("a-long-id-that-is-not-held-in-place");
        let b = MessageId::from("a-long-id-that-is-not-held-in-place".to_string());
        assert_eq!(a, b);
        assert_eq!(
            hasher.hash_one(&a),
            hasher.hash_one("a-long-id-that-is-not-held-in-place")
        );
        assert_ne!(MessageId::from("12"), MessageId::from("21"));
    }
}
