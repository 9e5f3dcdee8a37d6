//! Importers: bytes of an export in, the normalised model out.

use serde::Serialize;

/// The export formats peerscope reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// DiscordChatExporter JSON (one channel or thread per file).
    Discord,
}

impl Format {
    pub const ALL: [Format; 1] = [Format::Discord];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Discord => "discord",
        }
    }

    /// Parses a format name as the CLI's `--format` takes it.
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
    }
}
