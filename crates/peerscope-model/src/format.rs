//! The export formats peerscope reads, by name. Reading each one is the importers' job
//! (the `import` module, which re-exports this type).

use serde::{Deserialize, Serialize};

/// The export formats peerscope reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// DiscordChatExporter JSON (one channel or thread per file).
    Discord,
    /// Slack workspace export: the zip, a folder's day files, or one day file.
    Slack,
    /// Telegram Desktop JSON: one chat, or the full-account export.
    Telegram,
    /// WhatsApp chat export: the `.txt`, or the `.zip` holding it.
    #[serde(rename = "whatsapp")]
    WhatsApp,
    /// Discourse topic and posts JSON.
    Discourse,
    /// Reddit thread JSON (listings, `morechildren` responses).
    Reddit,
    /// YouTube comments: yt-dlp's info JSON or the Data API's lists.
    #[serde(rename = "youtube")]
    YouTube,
    /// Mastodon thread: a status's context and the status itself (REST API JSON).
    Mastodon,
    /// YouTube live chat: yt-dlp's `live_chat.json` lines or a saved chat replay response.
    #[serde(rename = "youtube-live-chat")]
    YouTubeLiveChat,
    /// GitHub Discussions (GraphQL pages) and issue or pull-request comments (REST), as
    /// `gh api` saves them.
    #[serde(rename = "github")]
    GitHub,
    /// Facebook Messenger JSON export.
    Messenger,
    /// Matrix room: Element's JSON export (or its zip), or `/messages` pages.
    Matrix,
    /// Zulip: REST messages answers, or the organisation export's shards and realm.json.
    Zulip,
    /// A CSV of messages with named columns.
    Csv,
}

impl Format {
    /// Every format, in the order detection tries them (most specific first).
    pub const ALL: [Format; 14] = [
        Format::Discord,
        Format::Slack,
        Format::Telegram,
        Format::Discourse,
        Format::Reddit,
        Format::YouTube,
        Format::Mastodon,
        Format::YouTubeLiveChat,
        Format::GitHub,
        Format::Messenger,
        Format::Matrix,
        Format::Zulip,
        Format::WhatsApp,
        Format::Csv,
    ];

    /// The lowercase name reports, detections and `--format` use (serde writes the same).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Discord => "discord",
            Format::Slack => "slack",
            Format::Telegram => "telegram",
            Format::WhatsApp => "whatsapp",
            Format::Discourse => "discourse",
            Format::Reddit => "reddit",
            Format::YouTube => "youtube",
            Format::Mastodon => "mastodon",
            Format::YouTubeLiveChat => "youtube-live-chat",
            Format::GitHub => "github",
            Format::Messenger => "messenger",
            Format::Matrix => "matrix",
            Format::Zulip => "zulip",
            Format::Csv => "csv",
        }
    }

    /// Parses a format name as the CLI's `--format` takes it.
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
    }
}
