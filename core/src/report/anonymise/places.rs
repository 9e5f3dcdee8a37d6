//! Aliases for the places an analysis names: its files and its spaces (channels, chats,
//! groups, threads). A file name or a channel name can say as much as a person's name
//! ("WhatsApp Chat with Ann.txt", a DM named after someone, a private group's title), so
//! neither is kept: a file becomes `file-3fa2c1.json`, a space `Channel 2`.

use std::collections::HashMap;

use super::alias::fnv1a;
use crate::report::analyze::Analysis;

/// The longest file extension kept in a file's alias (`json`, `txt`, `zip`, `csv`).
const LONGEST_EXTENSION: usize = 5;

/// The alias of a file name: `file-` and six hex digits of its hash, then its extension
/// when that is 1–5 ASCII letters or digits (`file-3fa2c1.json`; `file-3fa2c1` without).
///
/// Depends on the name alone, so a file the person picked and the same file in the report
/// get the same alias on the page, in its downloads and in the CLI. An empty name stays
/// empty.
pub fn file_alias(name: &str) -> String {
    if name.is_empty() {
        return String::new();
    }
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let extension = last
        .rsplit_once('.')
        .map(|(_, ext)| ext)
        .filter(|ext| {
            (1..=LONGEST_EXTENSION).contains(&ext.len())
                && ext.bytes().all(|b| b.is_ascii_alphanumeric())
        })
        .map(|ext| format!(".{}", ext.to_ascii_lowercase()))
        .unwrap_or_default();
    format!("file-{:06x}{extension}", fnv1a(name) >> 40)
}

/// Every file name worth finding inside a sentence: the name itself and each leading part
/// of it that ends before a `/` (`chat.zip` of `chat.zip/general/2024-01-02.json`, so a
/// warning about the zip as a whole loses its name too). Empty parts are left out.
pub(super) fn file_names(name: &str) -> impl Iterator<Item = &str> {
    let prefixes = name.match_indices('/').map(move |(at, _)| name.get(..at));
    prefixes
        .flatten()
        .chain(std::iter::once(name))
        .filter(|part| !part.is_empty())
}

/// Spaces numbered `Channel 1`, `Channel 2`, … in the order the report lists them (its
/// per-channel scores, then its files, then the network's channel filter), so the page
/// and the CLI, which reads no network, number the report's spaces alike.
#[derive(Debug, Clone, Default)]
pub(super) struct Spaces {
    /// Original space id → (alias id, alias name).
    by_id: HashMap<String, (String, String)>,
    /// Original space name → alias name (the first space with that name wins).
    pub(super) by_name: HashMap<String, String>,
}

impl Spaces {
    /// The spaces `analysis` names, numbered.
    pub(super) fn of(analysis: &Analysis) -> Spaces {
        let report = &analysis.report;
        let mut spaces = Spaces::default();
        for space in &report.spaces {
            spaces.number(Some(&space.id), &space.name);
        }
        for file in &report.sources.files {
            spaces.number(None, &file.space);
        }
        for name in &analysis.network.times.spaces {
            spaces.number(None, name);
        }
        spaces
    }

    /// Gives the space a number unless its id (or, with no id, its name) has one.
    fn number(&mut self, id: Option<&str>, name: &str) {
        let known = match id {
            Some(id) => self.by_id.contains_key(id),
            None => self.by_name.contains_key(name),
        };
        if known {
            return;
        }
        let n = self.by_id.len() + 1;
        let alias = (format!("space-{n}"), format!("Channel {n}"));
        if !name.is_empty() {
            self.by_name
                .entry(name.to_string())
                .or_insert_with(|| alias.1.clone());
        }
        // A space known by name alone keeps its number through a placeholder id.
        let key = id.map_or_else(|| format!("\u{0}{name}"), str::to_string);
        self.by_id.insert(key, alias);
    }

    /// The alias of a space's name; a name the analysis never gave becomes `Channel`
    /// and four hex digits of its hash, and an empty name stays empty.
    pub(super) fn name(&self, name: &str) -> String {
        if name.is_empty() {
            return String::new();
        }
        self.by_name
            .get(name)
            .cloned()
            .unwrap_or_else(|| format!("Channel {:04x}", fnv1a(name) >> 48))
    }

    /// The alias `(id, name)` of a space of the report's per-channel scores.
    pub(super) fn space(&self, id: &str, name: &str) -> (String, String) {
        self.by_id
            .get(id)
            .cloned()
            .unwrap_or_else(|| (format!("space-{:04x}", fnv1a(id) >> 48), self.name(name)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_keeps_only_a_short_extension() {
        let alias = file_alias("WhatsApp Chat with Ann.txt");
        assert!(
            alias.starts_with("file-") && alias.ends_with(".txt"),
            "{alias}"
        );
        assert_eq!(alias.len(), "file-123456.txt".len());
        assert_eq!(alias, file_alias("WhatsApp Chat with Ann.txt"));
        assert_ne!(alias, file_alias("WhatsApp Chat with Bo.txt"));
        assert_eq!(file_alias("notes.Secret Plans").len(), "file-123456".len());
        assert!(file_alias("a.b/c").ends_with(|c: char| c.is_ascii_hexdigit()));
        assert_eq!(file_alias(""), "");
    }

    #[test]
    fn a_zip_entry_gives_the_zip_and_its_folders() {
        let names: Vec<&str> = file_names("team.zip/general/2024-01-02.json").collect();
        assert_eq!(
            names,
            [
                "team.zip",
                "team.zip/general",
                "team.zip/general/2024-01-02.json"
            ]
        );
        assert_eq!(
            file_names("/tmp/a.json").collect::<Vec<_>>(),
            ["/tmp", "/tmp/a.json"]
        );
        assert_eq!(file_names("").count(), 0);
    }

    #[test]
    fn spaces_are_numbered_by_id_then_by_name() {
        let mut spaces = Spaces::default();
        spaces.number(Some("100"), "general");
        spaces.number(Some("200"), "general");
        spaces.number(None, "general");
        spaces.number(None, "a thread");
        assert_eq!(
            spaces.space("100", "general"),
            ("space-1".into(), "Channel 1".into())
        );
        assert_eq!(spaces.space("200", "general").0, "space-2");
        assert_eq!(spaces.name("general"), "Channel 1");
        assert_eq!(spaces.name("a thread"), "Channel 3");
        assert!(spaces.name("elsewhere").starts_with("Channel "));
        assert_eq!(spaces.name(""), "");
    }
}
