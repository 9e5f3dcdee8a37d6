//! Zips weighed by what they unpack to, before a byte of them is read: the page reads a
//! picked zip's central directory (`crate::import::unpacked`) and holds the zip and its
//! declared contents to the whole-file limit, at the weights of [`whole_weight`]. A zip of
//! 337 MB holding 1.9 GB of Slack JSON (session 9) was weighed at 337 MB, let in, and took
//! 2.0 GB of worker memory in 250 s; weighed unpacked it weighs 2.2 GB and is refused.

use super::{whole_weight, AFTER};
use crate::import::loading::megabytes;
use peerscope_core::import::declared::Declared;

/// A zip of one pick as the page weighs it before reading it: its name, its size, and
/// what its central directory declares it unpacks to (read from its end alone, see
/// `crate::import::unpacked`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zipped {
    pub name: String,
    pub size: u64,
    pub declared: Declared,
}

impl Zipped {
    /// What the importers unpack, in bytes: the `.json` and `.txt` entries.
    pub fn unpacked(&self) -> u64 {
        self.declared.json.saturating_add(self.declared.text)
    }

    /// What this zip weighs against [`MAX_WHOLE_BYTES`](super::MAX_WHOLE_BYTES): its own bytes (held whole while
    /// its entries are unpacked, one at a time, and parsed), plus its `.json` entries at the
    /// weight of the zipped JSON exports (Slack, Matrix, Zulip: the heaviest of them) and its
    /// `.txt` entries at WhatsApp's. Other entries (media) are never unpacked and weigh
    /// nothing; the declared sizes are a ceiling, as the core stops an entry at its own.
    pub fn weight(&self) -> u64 {
        use peerscope_core::import::Format;
        let json = [Format::Slack, Format::Matrix, Format::Zulip]
            .into_iter()
            .map(|format| whole_weight(Some(format)))
            .max()
            .unwrap_or(1);
        let text = whole_weight(Some(Format::WhatsApp));
        self.size
            .saturating_add(self.declared.json.saturating_mul(json))
            .saturating_add(self.declared.text.saturating_mul(text))
    }
}

/// Fine when `zips`, weighed together ([`Zipped::weight`]), stay within `max` bytes;
/// otherwise one sentence naming the zip that goes past it, its size, what it unpacks to,
/// and the most the browser holds of zips like it (`max` over that zip's weight per byte).
///
/// No zips are within any limit.
pub fn check_unpacked(zips: &[Zipped], max: u64) -> Result<(), String> {
    let mut before = 0u64;
    for zip in zips {
        let total = before.saturating_add(zip.weight());
        if total > max {
            return Err(unpacked_refusal(zip, before, max));
        }
        before = total;
    }
    Ok(())
}

/// The sentence for `zip` past `max` after `before` bytes of weight of the zips before it.
fn unpacked_refusal(zip: &Zipped, before: u64, max: u64) -> String {
    let bytes = zip.size.saturating_add(zip.unpacked());
    // The limit as bytes of this zip and what it unpacks to: `max` over its weight per byte.
    let held = u128::from(max) * u128::from(bytes) / u128::from(zip.weight().max(1));
    let limit = megabytes(u64::try_from(held).unwrap_or(max));
    let (name, size, unpacked) = (&zip.name, megabytes(zip.size), megabytes(zip.unpacked()));
    if before == 0 {
        return format!(
            "{name} is {size} and unpacks to {unpacked}: the browser holds at most {limit} of \
             a zip and what it unpacks to at once; {AFTER}."
        );
    }
    format!(
        "{name} is {size} and unpacks to {unpacked}, more with the zips before it: the \
         browser holds at most {limit} of zips and what they unpack to at once; {AFTER}, or \
         drop fewer files at once."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::limit::MAX_WHOLE_BYTES;

    fn zipped(name: &str, size: u64, json: u64, text: u64, other: u64) -> Zipped {
        let declared = Declared {
            entries: 3,
            json,
            text,
            other,
        };
        Zipped {
            name: name.to_string(),
            size,
            declared,
        }
    }

    #[test]
    fn a_zip_is_weighed_by_what_it_unpacks_to() {
        // Session 9's Slack export: 337 MB on disk, 1.9 GB of JSON inside.
        let slack = zipped("slack.zip", 337_000_000, 1_900_000_000, 0, 0);
        assert_eq!(slack.weight(), 2_237_000_000);
        assert_eq!(
            check_unpacked(std::slice::from_ref(&slack), MAX_WHOLE_BYTES),
            Err(
                "slack.zip is 337 MB and unpacks to 1.9 GB: the browser holds at most 1.0 GB \
                 of a zip and what it unpacks to at once; use the command-line tool (see the \
                 README) for exports this big."
                    .to_string()
            )
        );
        // A WhatsApp chat with its photos: the media are never unpacked.
        let chat = zipped("chat.zip", 300_000_000, 0, 40_000_000, 5_000_000_000);
        assert_eq!(chat.weight(), 380_000_000, "its text weighs twice");
        assert_eq!(
            check_unpacked(std::slice::from_ref(&chat), MAX_WHOLE_BYTES),
            Ok(())
        );
        assert_eq!(check_unpacked(&[], 0), Ok(()));
    }

    #[test]
    fn zips_together_are_weighed_together_and_the_limit_follows_the_weight() {
        let a = zipped("a.zip", 100_000_000, 400_000_000, 0, 0);
        let b = zipped("b.zip", 10_000_000, 0, 300_000_000, 0);
        let said = check_unpacked(&[a.clone(), b], MAX_WHOLE_BYTES);
        assert_eq!(
            said,
            Err(
                "b.zip is 10.0 MB and unpacks to 300 MB, more with the zips before it: the \
                 browser holds at most 508 MB of zips and what they unpack to at once; use the \
                 command-line tool (see the README) for exports this big, or drop fewer files \
                 at once."
                    .to_string()
            ),
            "b's text weighs twice: 1 GB over (10 + 600) / 310 MB"
        );
        assert_eq!(check_unpacked(&[a.clone(), a], MAX_WHOLE_BYTES), Ok(()));
        let overflow = zipped("o.zip", u64::MAX, u64::MAX, u64::MAX, 0);
        assert!(check_unpacked(&[overflow], MAX_WHOLE_BYTES).is_err());
    }
}
