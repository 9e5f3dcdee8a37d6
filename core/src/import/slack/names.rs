//! What a file's path says: its base name, whether it is a day file (`YYYY-MM-DD.json`),
//! and which channel a loose day file belongs to.

use super::LOOSE_SPACE;

/// The last component of a path, with `/` or `\` as separators.
pub(super) fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// `YYYY-MM-DD.json`: a day file's name.
pub(super) fn is_day_name(base: &str) -> bool {
    base.strip_suffix(".json").is_some_and(is_date)
}

/// `YYYY-MM-DD`, digits and dashes in place (the calendar is not checked).
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// The channel a loose file belongs to: its folder when the name says it is a day file
/// in one; else the file's name without a trailing date; a bare `YYYY-MM-DD.json` goes
/// to the shared space of folderless day files.
pub(super) fn loose_folder(file: &str) -> String {
    let base = base_name(file);
    let stem = base.strip_suffix(".json").unwrap_or(base);
    if is_date(stem) {
        return day_folder(file);
    }
    let trimmed = match stem
        .len()
        .checked_sub(10)
        .and_then(|at| stem.split_at_checked(at))
    {
        Some((before, date)) if is_date(date) => before.trim_end_matches(['_', '-', ' ', '.']),
        _ => stem,
    };
    if trimmed.is_empty() {
        stem.to_string()
    } else {
        trimmed.to_string()
    }
}

/// The folder holding a day file, or the shared space when the path names none.
fn day_folder(file: &str) -> String {
    let mut parts = file.rsplit(['/', '\\']);
    parts.next();
    match parts.next() {
        Some(folder) if !folder.is_empty() && folder != "." && folder != ".." => folder.to_string(),
        _ => LOOSE_SPACE.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_files_find_their_channel() {
        assert_eq!(loose_folder("export/general/2024-01-01.json"), "general");
        assert_eq!(loose_folder(r"C:\export\random\2024-01-01.json"), "random");
        assert_eq!(loose_folder("2024-01-01.json"), LOOSE_SPACE);
        assert_eq!(loose_folder("./2024-01-01.json"), LOOSE_SPACE);
        assert_eq!(
            loose_folder("slackdump_B75B4C7_2025-01-11.json"),
            "slackdump_B75B4C7"
        );
        assert_eq!(loose_folder("dump/messages.json"), "messages");
    }

    #[test]
    fn day_names() {
        assert!(is_day_name("2024-03-01.json"));
        assert!(!is_day_name("2024-03-01.txt"));
        assert!(!is_day_name("2024-3-01.json"));
        assert_eq!(base_name(r"a/b\c.json"), "c.json");
    }
}
