//! A CSV with named columns, in one of two shapes (see [`columns`] for the names read):
//!
//! - **message list**: one message per row — `author` and `time`, optionally `id`,
//!   `reply_to`, `mentions`, `text`, `channel`, `author_id`, `is_bot`, `reactions`. This
//!   covers DiscordChatExporter's CSV (`AuthorID,Author,Date,Content,…`). Without a
//!   `reply_to` column there is no reply data, so replies are inferred from timing as for
//!   WhatsApp; with one, a row replies to the row whose `id` it names.
//! - **edge list**: `source,target[,weight][,time]`. Each row is `weight` replies from
//!   `source` to `target`, modelled as messages so the core counts them like any other:
//!   every target gets one root post (per channel), and each unit of weight is a reply by
//!   the source to that post. `counts.messages` therefore holds the roots plus the sum of
//!   the weights.
//!
//! Detection is strict: the first row must be a header whose every cell looks like a
//! column name and which names author and time, or source and target. The columns used
//! and ignored are reported as a warning, so the user sees how the file was understood.

mod columns;
mod decimal;
mod edges;
mod messages;
mod rows;
mod stray;
mod values;

use ::csv::StringRecord;

use crate::import::error::ImportError;
use crate::import::plain::excerpt;
use crate::model::{Dataset, FileSummary, Space};
use columns::{Columns, Role, Shape};
use rows::{records, Rows};

/// How much of a file detection looks at.
const SNIFF: usize = 8192;

/// True when the first row is a header this importer understands (see the module doc).
pub fn detect(_name: &str, bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    header(bytes.get(..bytes.len().min(SNIFF)).unwrap_or(bytes)).is_some()
}

/// The delimiter (`,`, `;` or tab) and the understood header row.
fn header(bytes: &[u8]) -> Option<(u8, Columns)> {
    [b',', b';', b'\t'].into_iter().find_map(|delimiter| {
        let row = rows::first_row(bytes, delimiter)?;
        let cells: Vec<&str> = row.iter().collect();
        Columns::from_header(&cells).map(|c| (delimiter, c))
    })
}

/// Reads one CSV into `dataset`.
///
/// Errors name the file, the line and the column: a cell that is not a time, a weight
/// that is not a whole number, an empty author, bytes that are not UTF-8. A header with
/// no data rows adds nothing (the caller then says the export holds no messages).
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Some((delimiter, columns)) = header(bytes) else {
        return Err(ImportError::Syntax {
            file: file.to_string(),
            line: 1,
            column: 1,
            what: "the first line should name the columns: a message list needs author and \
                   time (and may have id, reply_to, mentions, text, channel), an edge list \
                   needs source and target (and may have weight, time)"
                .into(),
        });
    };
    let rows = records(file, bytes, delimiter, &mut dataset.warnings)?;
    dataset
        .warnings
        .push(format!("{file}: {}.", columns.mapping()));
    let read = Table {
        file,
        columns: &columns,
        rows: &rows,
    };
    let (messages, spaces) = match columns.shape {
        Shape::Messages => read.messages(dataset)?,
        Shape::Edges => read.edges(dataset)?,
    };
    dataset.files.push(FileSummary {
        name: file.to_string(),
        format: "csv",
        space: spaces.join(", "),
        messages,
    });
    Ok(())
}

/// One CSV being read.
struct Table<'a> {
    file: &'a str,
    columns: &'a Columns,
    rows: &'a Rows<'a>,
}

impl Table<'_> {
    /// The trimmed cell of `role` in `row`; empty when the column or the cell is absent.
    fn cell<'r>(&self, row: &'r StringRecord, role: Role) -> &'r str {
        self.columns
            .at(role)
            .and_then(|c| row.get(c))
            .map_or("", str::trim)
    }

    /// An error at the cell of `role` on `line`.
    fn error(&self, line: usize, role: Role, what: String) -> ImportError {
        let column = self.columns.at(role).unwrap_or(0);
        ImportError::Syntax {
            file: self.file.to_string(),
            line,
            column: column + 1,
            what: format!("column '{}': {what}", self.columns.name(column)),
        }
    }

    /// The row's time, required.
    fn time(&self, line: usize, row: &StringRecord) -> Result<(i64, bool), ImportError> {
        let text = self.cell(row, Role::Time);
        values::time(text).ok_or_else(|| {
            self.error(
                line,
                Role::Time,
                format!(
                    "\"{}\" is not a time; expected ISO 8601 (2024-01-31T18:05:00Z) or unix \
                     seconds or milliseconds",
                    excerpt(text)
                ),
            )
        })
    }

    /// The row's channel, or the file's name when there is none.
    fn space(&self, row: &StringRecord, dataset: &mut Dataset, infer: bool) -> u32 {
        let name = match self.cell(row, Role::Space) {
            "" => values::stem(self.file),
            named => named.to_string(),
        };
        dataset.intern_space(Space {
            id: name.clone(),
            name,
            parent: None,
            is_thread: false,
            infer_replies: infer,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MessageKind;

    fn load(text: &str) -> Result<Dataset, ImportError> {
        let mut d = Dataset::default();
        read("t.csv", text.as_bytes(), &mut d).map(|()| d)
    }

    fn error(text: &str) -> String {
        load(text).err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn message_list_with_channels_ids_bots_and_semicolons() {
        let text = "\u{FEFF}Channel;User ID;User;Timestamp;In Reply To;Mentions;Is Bot;Body\n\
            general;7;Ann;1706724300;;;no;\"hi; all?\"\n\
            general;8;Bo;1706724360000;;@ann|9;yes;hello\n\
            \n\
            random;7;Ann;2024-01-31 18:10;t.csv:2;;;x\n";
        let d = load(text).unwrap_or_default();
        assert_eq!(d.messages.len(), 3);
        assert_eq!(d.spaces.len(), 2);
        assert!(
            !d.spaces[0].infer_replies,
            "a reply column means no inference"
        );
        let ann = d.messages[0].author;
        assert_eq!(d.people[ann as usize].id, "7");
        assert!(d.messages[0].is_question);
        assert_eq!(d.messages[0].text_len, 8);
        assert!(d.is_bot(d.messages[1].author));
        let ids: Vec<&str> = d.messages[1]
            .mentions
            .iter()
            .map(|&p| d.people[p as usize].id.as_str())
            .collect();
        assert_eq!(
            ids,
            ["7", "9"],
            "by name, then an unknown id becomes a person"
        );
        assert_eq!(d.messages[1].time_ms - d.messages[0].time_ms, 60_000);
        assert_eq!(
            d.messages[2].id, "t.csv:5",
            "ids from the line when there is no id"
        );
        assert_eq!(d.messages[2].parent.as_deref(), Some("t.csv:2"));
        assert_eq!(d.messages[2].kind, MessageKind::Reply);
        assert!(d.messages[2].time_estimated);
        assert_eq!(d.files[0].space, "general, random");
        assert!(d
            .warnings
            .iter()
            .any(|w| w.contains("1 times had no time zone")));
        assert_eq!(
            d.warnings[0],
            "t.csv: CSV columns used: channel ← 'Channel', author_id ← 'User ID', \
             author ← 'User', time ← 'Timestamp', reply_to ← 'In Reply To', \
             mentions ← 'Mentions', is_bot ← 'Is Bot', text ← 'Body'."
        );
    }

    #[test]
    fn no_reply_column_means_inferred_replies() {
        let d = load("author,time\nann,2024-01-01T00:00:00Z\n").unwrap_or_default();
        assert!(d.spaces[0].infer_replies);
        assert_eq!(d.spaces[0].id, "t");
        assert!(d
            .warnings
            .iter()
            .any(|w| w.contains("replies are inferred")));
    }

    #[test]
    fn a_stray_quote_closed_900_rows_later_loses_one_row() {
        let mut text = String::from("id,author,time,text\n");
        for row in 1..=1000 {
            let said = match row {
                2 => "\"so I said".to_string(),
                900 => "she said \"no\" twice".to_string(),
                _ => format!("message {row}"),
            };
            let minute = row % 60;
            text.push_str(&format!(
                "{row},p{},2024-01-01T00:{minute:02}:00Z,{said}\n",
                row % 9
            ));
        }
        let d = load(&text).unwrap_or_default();
        assert_eq!(d.messages.len(), 999);
        assert!(!d.messages.iter().any(|m| m.id == "2"));
        let quotes: Vec<&String> = d.warnings.iter().filter(|w| w.contains("quote")).collect();
        assert_eq!(quotes.len(), 1, "{quotes:?}");
        assert!(quotes[0].contains("line 3 opens a quote that only line 901 closes"));
    }

    #[test]
    fn edge_list_expands_weights() {
        let d = load("from\tto\tn\nann\tbo\t2\nbo\tann\t\ncy\tbo\t0\n").unwrap_or_default();
        // Roots for bo and ann, 2 + 1 replies; cy's row of weight 0 adds nothing.
        assert_eq!(d.messages.len(), 5);
        let root = &d.messages[0];
        assert_eq!(
            (root.id.as_str(), root.kind),
            ("edge-root/bo", MessageKind::Post)
        );
        assert_eq!(d.messages[1].parent.as_deref(), Some("edge-root/bo"));
        assert_eq!(d.messages[2].id, "t.csv:2/1");
        assert!(d.warnings.iter().any(|w| w.contains("no time column")));
        assert_eq!(d.files[0].messages, 3);
    }

    #[test]
    fn errors_name_line_and_column() {
        assert_eq!(
            error("author,time,text\n,2024-01-01T00:00:00Z,x\n"),
            "t.csv: line 2, column 1: column 'author': the cell is empty; every message needs an \
             author"
        );
        assert_eq!(
            error("source,target,weight\na,b,1\na,b,2.5\n"),
            "t.csv: line 3, column 3: column 'weight': \"2.5\" is not a whole number of \
             interactions (0 to 2000000)"
        );
        assert_eq!(
            error("source,target,weight\na,b,2000000\na,b,1\n"),
            "t.csv: line 3, column 3: column 'weight': the weights add up to more than 2000000 \
             interactions"
        );
        assert_eq!(
            error("source,target\na,\n"),
            "t.csv: line 2, column 2: column 'target': the cell is empty; every row needs a target"
        );
        assert!(error("hello,world\n").starts_with("t.csv: line 1, column 1: the first line"));
        let bad = b"author,time\nann,2024-01-01T00:00:00Z\nb\xFF,2024-01-01T00:00:00Z\n";
        let err = read("t.csv", bad, &mut Dataset::default())
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("t.csv: line 3, column 1: this row is not UTF-8 text; save the file as UTF-8")
        );
    }

    #[test]
    fn detection() {
        assert!(detect("x", b"id,author,time,reply_to\n"));
        assert!(detect(
            "x",
            b"\"AuthorID\",\"Author\",\"Date\",\"Content\"\n\"1\",\"a\",\"x\",\"y\"\n"
        ));
        assert!(detect("x", b"source;target;weight\n"));
        assert!(!detect("x", b"12/9/20, 23:55 - Bob: hello, there\n"));
        assert!(!detect("x", b"{\"author\": 1, \"time\": 2}"));
        assert!(!detect("x", b"name,age\nann,3\n"));
        assert!(!detect("x", b""));
    }
}
