//! The header row of a CSV: which column means what, by name (case-insensitive, common
//! aliases), and whether the file is a message list or an edge list.

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Id,
    Author,
    AuthorId,
    Time,
    ReplyTo,
    Mentions,
    Text,
    Space,
    Bot,
    Reactions,
    Source,
    Target,
    Weight,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Id => "id",
            Role::Author => "author",
            Role::AuthorId => "author_id",
            Role::Time => "time",
            Role::ReplyTo => "reply_to",
            Role::Mentions => "mentions",
            Role::Text => "text",
            Role::Space => "channel",
            Role::Bot => "is_bot",
            Role::Reactions => "reactions",
            Role::Source => "source",
            Role::Target => "target",
            Role::Weight => "weight",
        }
    }
}

/// Accepted names per role, after lower-casing and turning spaces and dashes into `_`.
/// `from` is an author (or an edge's source); `to` only ever an edge's target.
const ALIASES: [(Role, &[&str]); 13] = [
    (
        Role::Id,
        &["id", "message_id", "messageid", "msg_id", "post_id"],
    ),
    (
        Role::Author,
        &[
            "author",
            "user",
            "sender",
            "from",
            "username",
            "user_name",
            "author_name",
            "sender_name",
        ],
    ),
    (
        Role::AuthorId,
        &[
            "author_id",
            "authorid",
            "user_id",
            "userid",
            "sender_id",
            "from_id",
        ],
    ),
    (
        Role::Time,
        &[
            "time",
            "timestamp",
            "date",
            "datetime",
            "date_time",
            "created_at",
            "created",
            "sent_at",
            "ts",
        ],
    ),
    (
        Role::ReplyTo,
        &[
            "reply_to",
            "replyto",
            "parent",
            "parent_id",
            "in_reply_to",
            "in_reply_to_id",
            "reply_to_id",
        ],
    ),
    (Role::Mentions, &["mentions", "mentioned", "mention"]),
    (Role::Text, &["text", "content", "message", "body"]),
    (
        Role::Space,
        &[
            "thread",
            "channel",
            "space",
            "thread_id",
            "channel_id",
            "channel_name",
            "room",
        ],
    ),
    (Role::Bot, &["is_bot", "bot", "author_is_bot", "isbot"]),
    (Role::Reactions, &["reactions"]),
    (Role::Source, &["source", "src", "source_id"]),
    (Role::Target, &["target", "dst", "to", "target_id"]),
    (Role::Weight, &["weight", "count", "n", "interactions"]),
];

/// The two shapes of CSV read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One message per row: author and time, optionally id, reply_to, mentions, …
    Messages,
    /// One connection per row: source, target, optionally weight and time.
    Edges,
}

/// The header row, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub shape: Shape,
    /// Per column of the file: its role, or `None` when it is ignored.
    pub roles: Vec<Option<Role>>,
    pub names: Vec<String>,
}

/// A header cell that can be a column name: short, starting with a letter or `_`, made
/// of letters, digits, spaces and `_-.#()`. Strict on purpose, so that other text (a
/// chat line, JSON) never reads as a header.
fn name_like(cell: &str) -> bool {
    let cell = cell.trim();
    cell.len() <= 40
        && cell.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && cell.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.' | '#' | '(' | ')')
        })
}

fn role_of(cell: &str) -> Option<Role> {
    let key: String = cell
        .trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' | '.' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    ALIASES
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(role, _)| *role)
}

/// Ignored columns named in the mapping warning; the rest are counted, so a header of
/// 100 000 columns does not make a warning of a megabyte.
pub const NAMED_IGNORED: usize = 20;

impl Columns {
    /// Understands a header row, or `None` when it is not one this importer reads: every
    /// cell must look like a name (empty cells, such as a spreadsheet's index column,
    /// are allowed), and either author and time (messages) or source and target (edges)
    /// must be there. A role named twice is taken from its first column.
    pub fn from_header(cells: &[&str]) -> Option<Columns> {
        let named = cells.iter().filter(|c| !c.trim().is_empty()).count();
        if named < 2 || !cells.iter().all(|c| c.trim().is_empty() || name_like(c)) {
            return None;
        }
        let mut roles: Vec<Option<Role>> = Vec::with_capacity(cells.len());
        // The roles taken so far: a handful, so a header of 100 000 columns naming
        // `author` each time still costs one short scan per cell.
        let mut taken: Vec<Role> = Vec::new();
        for cell in cells {
            let role = role_of(cell).filter(|r| !taken.contains(r));
            taken.extend(role);
            roles.push(role);
        }
        let has = |r: Role| taken.contains(&r);
        let message_only = [Role::Id, Role::ReplyTo, Role::Mentions, Role::Text];
        let edges = has(Role::Target)
            && (has(Role::Source) || has(Role::Author))
            && !message_only.iter().any(|&r| has(r));
        let shape = if edges {
            Shape::Edges
        } else if has(Role::Author) && has(Role::Time) {
            Shape::Messages
        } else {
            return None;
        };
        // An edge list's `from`/`user` column is its source.
        if shape == Shape::Edges && !has(Role::Source) {
            for role in roles.iter_mut().filter(|r| **r == Some(Role::Author)) {
                *role = Some(Role::Source);
            }
        }
        let names = cells.iter().map(|c| c.trim().to_string()).collect();
        Some(Columns {
            shape,
            roles,
            names,
        })
    }

    /// Index of the column holding `role`.
    pub fn at(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == Some(role))
    }

    /// The column's name as the file writes it.
    pub fn name(&self, column: usize) -> &str {
        self.names.get(column).map_or("", String::as_str)
    }

    /// "CSV columns used: author ← 'user', time ← 'created_at'; ignored: 'score'".
    pub fn mapping(&self) -> String {
        let used: Vec<String> = self
            .roles
            .iter()
            .zip(&self.names)
            .filter_map(|(r, n)| r.map(|r| format!("{} ← '{n}'", r.label())))
            .collect();
        let ignored: Vec<String> = self
            .roles
            .iter()
            .zip(&self.names)
            .filter(|(r, n)| r.is_none() && !n.is_empty())
            .map(|(_, n)| format!("'{n}'"))
            .collect();
        let mut s = format!("CSV columns used: {}", used.join(", "));
        if !ignored.is_empty() {
            let named = ignored.get(..NAMED_IGNORED).unwrap_or(&ignored).join(", ");
            s.push_str(&format!("; ignored: {named}"));
            let more = ignored.len().saturating_sub(NAMED_IGNORED);
            if more > 0 {
                s.push_str(&format!(" and {more} more"));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_shapes() {
        let c = Columns::from_header(&["Message ID", "user", "created_at", "parent_id", "score"]);
        let c = c.unwrap_or_else(|| panic!("a message list"));
        assert_eq!(c.shape, Shape::Messages);
        assert_eq!(c.at(Role::ReplyTo), Some(3));
        assert_eq!(
            c.mapping(),
            "CSV columns used: id ← 'Message ID', author ← 'user', time ← 'created_at', \
             reply_to ← 'parent_id'; ignored: 'score'"
        );
        let e = Columns::from_header(&["from", "to", "n"]).map(|c| (c.shape, c.at(Role::Source)));
        assert_eq!(e, Some((Shape::Edges, Some(0))));
        let discord = [
            "AuthorID",
            "Author",
            "Date",
            "Content",
            "Attachments",
            "Reactions",
        ];
        let d = Columns::from_header(&discord).map(|c| (c.shape, c.at(Role::AuthorId)));
        assert_eq!(d, Some((Shape::Messages, Some(0))));
    }

    #[test]
    fn strict_about_what_is_a_header() {
        assert!(
            Columns::from_header(&["author", "text"]).is_none(),
            "no time"
        );
        assert!(Columns::from_header(&["12/9/20", " 23:55 - Bob: hello"]).is_none());
        assert!(Columns::from_header(&["{\"author\": 1", "\"time\": 2}"]).is_none());
        assert!(Columns::from_header(&["author"]).is_none());
        assert!(Columns::from_header(&["", "author", "time"]).is_some());
    }

    #[test]
    fn a_wide_header_is_named_in_part() {
        let extra: Vec<String> = (0..100_000).map(|i| format!("extra{i}")).collect();
        let mut cells = vec!["author", "time"];
        cells.extend(extra.iter().map(String::as_str));
        let c = Columns::from_header(&cells).unwrap_or_else(|| panic!("a message list"));
        let mapping = c.mapping();
        assert!(mapping.ends_with("'extra19' and 99980 more"), "{mapping}");
        assert!(mapping.len() < 400);
    }
}
