//! The serde shape of YouTube's live chat JSON (InnerTube's names), as far as it is read:
//! the actions that add chat items, and in each item the renderer of a message. Every
//! other field (thumbnails, colours, context menus, tickers) is skipped unread.

use std::borrow::Cow;

use serde::de::IgnoredAny;
use serde::Deserialize;

/// One line of yt-dlp's file, one action of a response, or a whole response: whichever
/// of the three keys it has.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Envelope<'a> {
    /// A replay's wrapper of the actions at one moment of the video.
    #[serde(borrow, default)]
    pub(super) replay_chat_item_action: Option<Replay<'a>>,
    #[serde(borrow, default)]
    pub(super) add_chat_item_action: Option<AddItem<'a>>,
    /// A saved `get_live_chat_replay` (or `get_live_chat`) response.
    #[serde(borrow, default)]
    pub(super) continuation_contents: Option<Contents<'a>>,
}

#[derive(Deserialize)]
pub(super) struct Replay<'a> {
    #[serde(borrow, default)]
    pub(super) actions: Vec<Envelope<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Contents<'a> {
    #[serde(borrow, default)]
    pub(super) live_chat_continuation: Option<Continuation<'a>>,
}

#[derive(Deserialize)]
pub(super) struct Continuation<'a> {
    #[serde(borrow, default)]
    pub(super) actions: Vec<Envelope<'a>>,
}

#[derive(Deserialize)]
pub(super) struct AddItem<'a> {
    #[serde(borrow, default)]
    pub(super) item: Option<Item<'a>>,
}

/// A chat item: one renderer key names its kind. Placeholders, tickers, banners and
/// YouTube's own notices have other keys and are not read.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Item<'a> {
    #[serde(borrow, default)]
    pub(super) live_chat_text_message_renderer: Option<Renderer<'a>>,
    /// A Super Chat: a message with a payment.
    #[serde(borrow, default)]
    pub(super) live_chat_paid_message_renderer: Option<Renderer<'a>>,
    /// A Super Sticker: a payment with a sticker and no text.
    #[serde(borrow, default)]
    pub(super) live_chat_paid_sticker_renderer: Option<Renderer<'a>>,
    /// A new or returning channel member.
    #[serde(borrow, default)]
    pub(super) live_chat_membership_item_renderer: Option<Renderer<'a>>,
}

/// What the message renderers share.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Renderer<'a> {
    #[serde(borrow, default)]
    pub(super) id: Option<Cow<'a, str>>,
    /// Microseconds since the Unix epoch, as text.
    #[serde(borrow, default)]
    pub(super) timestamp_usec: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) author_name: Option<SimpleText<'a>>,
    /// The author's channel id (`UC…`).
    #[serde(borrow, default)]
    pub(super) author_external_channel_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) message: Option<Runs<'a>>,
    #[serde(borrow, default)]
    pub(super) author_badges: Vec<Badge<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SimpleText<'a> {
    #[serde(borrow, default)]
    pub(super) simple_text: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
pub(super) struct Runs<'a> {
    #[serde(borrow, default)]
    pub(super) runs: Vec<Run<'a>>,
}

/// A piece of a message: text, or one emoji (drawn as an image).
#[derive(Deserialize)]
pub(super) struct Run<'a> {
    #[serde(borrow, default)]
    pub(super) text: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(super) emoji: Option<IgnoredAny>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Badge<'a> {
    #[serde(borrow, default)]
    pub(super) live_chat_author_badge_renderer: Option<BadgeRenderer<'a>>,
}

#[derive(Deserialize)]
pub(super) struct BadgeRenderer<'a> {
    #[serde(borrow, default)]
    pub(super) icon: Option<Icon<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Icon<'a> {
    #[serde(borrow, default)]
    pub(super) icon_type: Option<Cow<'a, str>>,
}

impl Renderer<'_> {
    /// Whether the author carries the channel owner's badge.
    pub(super) fn by_owner(&self) -> bool {
        self.author_badges.iter().any(|b| {
            let icon = b
                .live_chat_author_badge_renderer
                .as_ref()
                .and_then(|r| r.icon.as_ref());
            icon.and_then(|i| i.icon_type.as_deref()) == Some("OWNER")
        })
    }

    /// The message's text runs joined, and how many emoji it holds besides.
    pub(super) fn text(&self) -> (String, usize) {
        let runs = self.message.as_ref().map_or(&[][..], |m| m.runs.as_slice());
        let mut text = String::new();
        let mut emoji = 0;
        for run in runs {
            match (&run.text, &run.emoji) {
                (Some(t), _) => text.push_str(t),
                (None, Some(_)) => emoji += 1,
                (None, None) => {}
            }
        }
        (text, emoji)
    }
}
