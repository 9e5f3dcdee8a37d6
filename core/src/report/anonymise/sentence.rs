//! File names inside one sentence (an import error), replaced by their aliases, with the
//! zip entry an error names after its zip: "chat.zip: WhatsApp Chat with Ann.txt: line
//! 3…" names a person in the entry, and "slack.zip/general/2024-01-02.json: …" a channel.

use super::places::file_alias;
use crate::model::stable_sort::StableSort;

/// The longest file extension an entry name may end with to be taken for one.
const LONGEST_EXTENSION: usize = 5;

/// `sentence` with each of `files` replaced by its alias ([`file_alias`]). After a zip's
/// name, the entry an import error names there (`zip: entry: …` or `zip/entry: …`, up to
/// the next `": "`, when it ends in a file extension) is taken with it, and the whole path
/// gets the alias the report's file list gives that entry. Entry names quoted in a
/// sentence about a zip (two entries that share data) are replaced likewise. Files that
/// are empty or not in the sentence change nothing.
pub fn hide_files<S: AsRef<str>>(sentence: &str, files: &[S]) -> String {
    let files = files.iter().map(AsRef::as_ref);
    let mut files: Vec<&str> = files.filter(|f| !f.is_empty()).collect();
    // The longest first, so a name inside another is not replaced inside it.
    files.stable_sort_by_key(|f| std::cmp::Reverse(f.len()));
    let (mut out, mut rest, mut zip) = (String::new(), sentence, None);
    while let Some((at, file)) = earliest(rest, &files) {
        out.push_str(rest.get(..at).unwrap_or_default());
        let after = rest.get(at + file.len()..).unwrap_or_default();
        let (path, taken) = with_entry(file, after);
        out.push_str(&file_alias(&path));
        if is_zip(file) {
            zip = zip.or(Some(file));
        }
        rest = after.get(taken..).unwrap_or_default();
    }
    out.push_str(rest);
    match zip {
        Some(zip) => hide_quoted_entries(&out, zip),
        None => out,
    }
}

/// Where the first of `files` starts in `text` (the longest one when two start there).
fn earliest<'f>(text: &str, files: &[&'f str]) -> Option<(usize, &'f str)> {
    files
        .iter()
        .filter_map(|&f| text.find(f).map(|at| (at, f)))
        .min_by_key(|&(at, f)| (at, std::cmp::Reverse(f.len())))
}

/// The path an error names at `file` followed by `after`, and how many bytes of `after`
/// it takes: the zip and its entry, or the file alone.
fn with_entry(file: &str, after: &str) -> (String, usize) {
    if !is_zip(file) {
        return (file.to_string(), 0);
    }
    let Some(separator) = ["/", ": "].into_iter().find(|s| after.starts_with(s)) else {
        return (file.to_string(), 0);
    };
    let tail = after.get(separator.len()..).unwrap_or_default();
    let entry = tail
        .find(": ")
        .map_or(tail, |end| tail.get(..end).unwrap_or_default());
    if !looks_like_entry(entry) {
        return (file.to_string(), 0);
    }
    (
        format!("{file}{separator}{entry}"),
        separator.len() + entry.len(),
    )
}

/// `text` with each quoted entry name (`"general/2024-01-02.json"`) replaced by the alias
/// of its path in `zip`.
fn hide_quoted_entries(text: &str, zip: &str) -> String {
    let pieces: Vec<&str> = text.split('"').collect();
    let mut out = String::with_capacity(text.len());
    for (k, piece) in pieces.iter().enumerate() {
        if k > 0 {
            out.push('"');
        }
        // Odd pieces sit between two quotes.
        let quoted = k % 2 == 1 && k + 1 < pieces.len();
        if quoted && looks_like_entry(piece) {
            out.push_str(&file_alias(&format!("{zip}/{piece}")));
        } else {
            out.push_str(piece);
        }
    }
    out
}

fn is_zip(file: &str) -> bool {
    file.to_ascii_lowercase().ends_with(".zip")
}

/// A name ending in `.` and 1–5 letters or digits, with no line break: what an entry of
/// an export is, and what the rest of an error sentence is not.
fn looks_like_entry(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && (1..=LONGEST_EXTENSION).contains(&ext.len())
            && ext.bytes().all(|b| b.is_ascii_alphanumeric())
            && !name.contains('\n')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_after_its_zip_goes_with_it() {
        let files = ["/home/ann/chat.zip"];
        let whatsapp = "/home/ann/chat.zip: WhatsApp Chat with Ann Smith.txt: line 2, column 1: \
                        this is not UTF-8 text";
        let alias = file_alias("/home/ann/chat.zip: WhatsApp Chat with Ann Smith.txt");
        assert_eq!(
            hide_files(whatsapp, &files),
            format!("{alias}: line 2, column 1: this is not UTF-8 text")
        );
        let slack = "/home/ann/chat.zip/general/2024-01-02.json: line 1, column 54: truncated";
        let alias = file_alias("/home/ann/chat.zip/general/2024-01-02.json");
        assert_eq!(
            hide_files(slack, &files),
            format!("{alias}: line 1, column 54: truncated")
        );
    }

    #[test]
    fn a_sentence_after_a_zip_stays_and_quoted_entries_go() {
        let files = ["a.zip"];
        let plain = "a.zip: the export holds no messages, so there is nothing to measure.";
        let alias = file_alias("a.zip");
        assert_eq!(hide_files(plain, &files), plain.replace("a.zip", &alias));
        let shared = "a.zip: the entries \"Ann/x.txt\" and \"y.txt\" share the same packed data";
        let hidden = hide_files(shared, &files);
        assert!(
            !hidden.contains("Ann") && !hidden.contains("y.txt"),
            "{hidden}"
        );
        assert!(hidden.contains(&file_alias("a.zip/Ann/x.txt")), "{hidden}");
        let none: [&str; 0] = [];
        assert_eq!(hide_files(shared, &none), shared);
    }
}
