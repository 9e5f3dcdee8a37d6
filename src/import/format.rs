//! `#format`: read the files as a chosen format instead of detecting it.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::state::Action;
use peerscope_core::import::Format;

/// Props of [`FormatPicker`].
#[derive(Properties, PartialEq)]
pub struct FormatPickerProps {
    /// The forced format, or `None` to detect.
    pub format: Option<Format>,
    /// What detection found for the report on screen (`sources.format`), shown on "detect".
    pub detected: String,
    pub on_action: Callback<Action>,
}

/// The format picker. Applies to the files on screen and to files loaded next, so a
/// file that detection misreads can be loaded again as what it is.
#[component]
pub fn FormatPicker(props: &FormatPickerProps) -> Html {
    let on_action = props.on_action.clone();
    let onchange = Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        on_action.emit(Action::SetFormat(Format::parse(&select.value())));
    });
    // Plain words: what the files were recognised as, not the detector's own name for it.
    // The platform's name only ("Discord", not the exporter's), to fit the box.
    let found = Format::parse(&props.detected).map(|f| label(f).split(" (").next().unwrap_or(""));
    let auto_text = match (props.format, found) {
        (None, Some(found)) => format!("{found} (recognised)"),
        _ => "recognise it by itself".to_string(),
    };
    html! {
        <label class="format-picker">{ "Your files come from " }
            <select id="format" {onchange}>
                <option value="auto" selected={props.format.is_none()}>{ auto_text }</option>
                { for Format::ALL.iter().map(|&f| html! {
                    <option value={f.as_str()} selected={props.format == Some(f)}>
                        { label(f) }</option>
                }) }
            </select>
        </label>
    }
}

/// The name people know the format by.
pub fn label(format: Format) -> &'static str {
    match format {
        Format::Discord => "Discord (DiscordChatExporter JSON)",
        Format::Slack => "Slack export",
        Format::Telegram => "Telegram Desktop JSON",
        Format::WhatsApp => "WhatsApp chat",
        Format::Discourse => "Discourse JSON",
        Format::Reddit => "Reddit JSON",
        Format::YouTube => "YouTube comments",
        Format::Mastodon => "Mastodon thread",
        Format::YouTubeLiveChat => "YouTube live chat",
        Format::GitHub => "GitHub discussions and issues",
        Format::Messenger => "Messenger JSON",
        Format::Matrix => "Matrix (Element export)",
        Format::Zulip => "Zulip messages or export",
        Format::Csv => "CSV",
    }
}
