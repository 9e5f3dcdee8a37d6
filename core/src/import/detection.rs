//! How sure format detection is about a file: every format's signature is tried, and a
//! file only one of them recognises is *certain*; one that several recognise is *likely*
//! the most specific of them (the first in [`Format::ALL`]), and the others are named so
//! the person can pick one with the format override.

use super::{from_utf16, Format, FormatReader};
use crate::import::error::ImportError;
use crate::import::Input;
use crate::model::{Dataset, Detection};

/// The format of `input` as [`super::detect`] decides it, with how sure that is.
/// Fails as [`super::detect`] does when no format recognises the file.
pub fn detect(input: &Input) -> Result<(Format, Detection), ImportError> {
    let format = super::detect(input)?;
    let text = from_utf16(&input.name, &input.bytes)?;
    Ok((format, judged(format, &input.name, text.as_ref())))
}

/// How sure `format` is for a file called `name` whose content starts with `head`.
pub fn judged(format: Format, name: &str, head: &[u8]) -> Detection {
    let also_matched: Vec<&'static str> = Format::ALL
        .into_iter()
        .filter(|&f| f != format && f.detect(name, head))
        .map(Format::as_str)
        .collect();
    Detection {
        confidence: if also_matched.is_empty() {
            "certain"
        } else {
            "likely"
        },
        also_matched,
    }
}

/// What a format the person chose gets.
pub fn chosen() -> Detection {
    Detection {
        confidence: "chosen",
        also_matched: Vec::new(),
    }
}

/// Gives every file `dataset` read since the last call `detection`.
pub fn record(dataset: &mut Dataset, detection: &Detection) {
    let files = dataset.files.len();
    dataset.detections.resize(files, detection.clone());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_discord_export_is_certain_and_a_choice_is_a_choice() {
        let bytes = crate::import::sample::inputs()
            .into_iter()
            .next()
            .map(|i| i.bytes)
            .unwrap_or_default();
        let input = Input::new("general.json", bytes);
        let (format, detection) = detect(&input).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(format, Format::Discord);
        assert_eq!(detection.confidence, "certain");
        assert!(detection.also_matched.is_empty());
        assert_eq!(chosen().confidence, "chosen");
    }

    #[test]
    fn a_file_two_signatures_match_is_likely_and_names_the_other() {
        // DiscordChatExporter's "channel" and "messages", and a Telegram chat type.
        let bytes = br#"{"channel":{"id":"1"},"type":"public_channel","messages":[]}"#;
        let d = judged(Format::Discord, "x.json", bytes);
        assert_eq!(d.confidence, "likely");
        assert_eq!(d.also_matched, vec!["telegram"]);
    }

    #[test]
    fn records_fill_only_the_files_read_since() {
        let mut d = Dataset::default();
        d.files.push(crate::model::FileSummary {
            name: "a".into(),
            format: "csv",
            space: "a".into(),
            messages: 1,
        });
        record(&mut d, &chosen());
        d.files.push(crate::model::FileSummary {
            name: "b".into(),
            format: "csv",
            space: "b".into(),
            messages: 1,
        });
        record(&mut d, &Detection::default());
        let got: Vec<&str> = d.detections.iter().map(|x| x.confidence).collect();
        assert_eq!(got, vec!["chosen", ""]);
    }
}
