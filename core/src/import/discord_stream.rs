//! Reads a DiscordChatExporter file message by message, so a 1 GB export never exists in
//! memory as a whole: each element of `messages` is deserialised, converted into the
//! model and dropped before the next one is read.
//!
//! The same seed serves a byte slice (the browser, strings borrowed where they have no
//! escapes) and any `io::Read` (the CLI, reading a file through a buffer).

use std::cell::Cell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::discord::{convert, space_of, Channel, RawMessage};
use crate::import::error::ImportError;
use crate::model::{Dataset, SpaceIdx};

/// What one file added, for its summary line.
#[derive(Debug, Default)]
pub struct Tally {
    pub messages: u64,
    pub zone_assumed: u64,
    pub space_name: Option<String>,
}

/// Deserialises the top-level object of one export into `dataset`.
pub struct ExportSeed<'d> {
    pub file: &'d str,
    pub dataset: &'d mut Dataset,
    pub tally: &'d mut Tally,
    /// The first error that is not JSON syntax (an unreadable date), with its position
    /// in words; JSON errors keep serde_json's line and column instead.
    pub failure: &'d mut Option<ImportError>,
    /// Messages read so far, shared with whoever shows progress.
    pub counted: &'d Cell<u64>,
}

impl<'de> DeserializeSeed<'de> for ExportSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ExportSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a DiscordChatExporter export (an object with \"channel\" and \"messages\")")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        let mut space: Option<SpaceIdx> = None;
        // Messages that come before "channel" (not DCE's order, but valid JSON) wait here.
        let mut early: Vec<RawMessage<'de>> = Vec::new();
        let mut saw_messages = false;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "channel" => {
                    let channel: Channel<'de> = map.next_value()?;
                    self.tally.space_name =
                        Some(channel.name.as_deref().unwrap_or(&channel.id).to_string());
                    let idx = self.dataset.intern_space(space_of(&channel));
                    space = Some(idx);
                    for raw in early.drain(..) {
                        self.add(&raw, idx).map_err(serde::de::Error::custom)?;
                    }
                }
                "messages" => {
                    saw_messages = true;
                    match space {
                        Some(idx) => map.next_value_seed(MessagesSeed {
                            seed: self.reborrow(),
                            space: idx,
                        })?,
                        None => early = map.next_value()?,
                    }
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if space.is_none() {
            return Err(serde::de::Error::missing_field("channel"));
        }
        if !saw_messages {
            return Err(serde::de::Error::missing_field("messages"));
        }
        Ok(())
    }
}

impl ExportSeed<'_> {
    fn reborrow(&mut self) -> ExportSeed<'_> {
        ExportSeed {
            file: self.file,
            dataset: self.dataset,
            tally: self.tally,
            failure: self.failure,
            counted: self.counted,
        }
    }

    /// Converts and stores one message; on failure keeps the error and returns its text.
    fn add(&mut self, raw: &RawMessage, space: SpaceIdx) -> Result<(), String> {
        let number = self.tally.messages as usize;
        self.tally.messages += 1;
        self.counted.set(self.counted.get().saturating_add(1));
        match convert(self.file, number, raw, space, self.dataset) {
            Ok(message) => {
                self.tally.zone_assumed += u64::from(message.time_estimated);
                self.dataset.push_message(message);
                Ok(())
            }
            Err(e) => {
                let text = e.to_string();
                *self.failure = Some(e);
                Err(text)
            }
        }
    }
}

/// The `messages` array, one element at a time.
struct MessagesSeed<'d> {
    seed: ExportSeed<'d>,
    space: SpaceIdx,
}

impl<'de> DeserializeSeed<'de> for MessagesSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for MessagesSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of messages")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        while let Some(raw) = seq.next_element::<RawMessage<'de>>()? {
            self.seed
                .add(&raw, self.space)
                .map_err(serde::de::Error::custom)?;
        }
        Ok(())
    }
}
