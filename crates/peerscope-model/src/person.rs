//! A person of the model: who wrote or was named, and what kind of account it is
//! (docs/METRICS.md §1). Interned into [`Dataset::people`](super::Dataset::people).

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Stable id within the source, kept as text.
    pub id: String,
    /// Account name (e.g. Discord username).
    pub name: String,
    /// What people see (nickname); equals `name` when the source has none.
    pub display_name: String,
    pub is_bot: bool,
    /// One name standing for many people (Reddit's `[deleted]`, Discord's shared deleted
    /// account, an export's unknown author): its messages count, but it is nobody
    /// (docs/METRICS.md §1).
    pub placeholder: bool,
    /// A deleted account that keeps its own id (Telegram "Deleted Account", Discord
    /// "Deleted User" with its own id): a person, but never named in advice, since
    /// nobody can reach them (docs/METRICS.md §1).
    pub deleted: bool,
}

impl Person {
    /// Someone known by `name` under the source id `id`, shown by that name; not a bot.
    pub fn named(id: impl Into<String>, name: &str) -> Person {
        Person {
            id: id.into(),
            name: name.to_string(),
            display_name: name.to_string(),
            is_bot: false,
            placeholder: false,
            deleted: false,
        }
    }

    /// Shown as `display_name` instead (empty: no display name yet, see
    /// [`Dataset::intern_person`](super::Dataset::intern_person)).
    pub fn with_display_name(mut self, display_name: &str) -> Person {
        // Reuses the name's copy: a nickname is usually no longer than the name, and an
        // import builds one person per message.
        self.display_name.clear();
        self.display_name.push_str(display_name);
        self
    }

    pub fn with_bot(mut self, is_bot: bool) -> Person {
        self.is_bot = is_bot;
        self
    }

    /// Marks it as a name that stands for many people, when `placeholder`.
    pub fn with_placeholder(mut self, placeholder: bool) -> Person {
        self.placeholder = placeholder;
        self
    }

    /// Marks it as a deleted account that kept its own id, when `deleted`.
    pub fn with_deleted(mut self, deleted: bool) -> Person {
        self.deleted = deleted;
        self
    }

    /// Drops what surrounds the names but is not part of them: spaces, zero-width
    /// characters and a stray emoji variation selector (an export's "Ann " or
    /// "Ann \u{FE0F}" is shown, quoted and matched as "Ann"). A name that is nothing but
    /// such characters becomes empty, so the display falls back to the next name.
    pub fn tidy_names(&mut self) {
        tidy(&mut self.name);
        tidy(&mut self.display_name);
    }
}

/// Zero-width characters that export tools leave around names.
fn invisible(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// `name` without its surrounding [`invisible`] characters, nor a variation selector
/// (U+FE0F) that follows nothing visible: after an emoji it stays ("❤️" keeps its colour).
fn tidy(name: &mut String) {
    let start = name.len()
        - name
            .trim_start_matches(|c| invisible(c) || c == '\u{FE0F}')
            .len();
    let mut end = name.len();
    loop {
        let kept = name[start..end].trim_end_matches(invisible);
        end = start + kept.len();
        let Some(before) = kept.strip_suffix('\u{FE0F}') else {
            break;
        };
        if before.chars().next_back().is_some_and(|c| !invisible(c)) {
            break;
        }
        end = start + before.len();
    }
    if start > 0 || end < name.len() {
        *name = name[start..end].to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::Person;

    fn tidied(name: &str) -> String {
        let mut p = Person::named("id", name);
        p.tidy_names();
        assert_eq!(p.name, p.display_name);
        p.name
    }

    #[test]
    fn names_lose_what_surrounds_them_but_emoji_keep_their_selector() {
        assert_eq!(tidied("Ann "), "Ann");
        assert_eq!(tidied("\u{200B} Ann\u{FEFF}"), "Ann");
        assert_eq!(tidied("Ann \u{FE0F}"), "Ann");
        assert_eq!(tidied("Ann \u{FE0F} \u{FE0F}"), "Ann");
        assert_eq!(tidied("\u{FE0F}Ann"), "Ann");
        assert_eq!(tidied("Ann ❤\u{FE0F}"), "Ann ❤\u{FE0F}");
        assert_eq!(tidied("Ann ❤\u{FE0F} "), "Ann ❤\u{FE0F}");
        assert_eq!(tidied("Ann Lee"), "Ann Lee");
        assert_eq!(tidied(" \u{FE0F} "), "");
        assert_eq!(tidied(""), "");
    }
}
