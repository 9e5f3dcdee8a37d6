//! A message's text measured as it is parsed: what the model keeps of it (its length in
//! characters and whether it holds a `?`, docs/METRICS.md §1), without holding the text,
//! nor copying it out of the file when it has escapes (`\n`, `\"`): serde_json hands the
//! unescaped text over in a buffer it reuses.

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error, Visitor};

/// The size of one text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct TextSize {
    /// Length in characters (Unicode scalar values), 0 for an empty text.
    pub(super) chars: usize,
    /// The text holds a question mark.
    pub(super) asks: bool,
}

impl TextSize {
    pub(super) fn of(text: &str) -> TextSize {
        TextSize {
            chars: text.chars().count(),
            asks: text.contains('?'),
        }
    }
}

impl<'de> Deserialize<'de> for TextSize {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TextSize, D::Error> {
        deserializer.deserialize_str(Measure)
    }
}

/// Measures a string as it is handed over, borrowed or unescaped.
struct Measure;

impl Visitor<'_> for Measure {
    type Value = TextSize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<TextSize, E> {
        Ok(TextSize::of(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_borrowed_and_escaped_text_alike() {
        let plain: TextSize = serde_json::from_str(r#""héllo?""#).unwrap_or_default();
        assert_eq!(
            plain,
            TextSize {
                chars: 6,
                asks: true
            }
        );
        let escaped: TextSize = serde_json::from_str(r#""a\nb\u00e9\"""#).unwrap_or_default();
        assert_eq!(
            escaped,
            TextSize {
                chars: 5,
                asks: false
            }
        );
        assert!(
            serde_json::from_str::<TextSize>("12").is_err(),
            "a number is no text"
        );
        let none: Option<TextSize> = serde_json::from_str("null").unwrap_or_default();
        assert_eq!(none, None);
    }
}
