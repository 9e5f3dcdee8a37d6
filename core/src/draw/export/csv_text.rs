//! CSV text as the exports write it: fields joined by `,`, each record ended by `\n`, and a
//! field quoted (its quotes doubled) only when it holds `,`, `"`, `\r` or `\n`; a record
//! with nothing in it is `""`. That is what the csv crate's default writer writes (the
//! tests compare the two). Ours rather than that writer because its code for a quote style
//! the exports never pick (quote all but numbers) reads every field as a float, and so
//! brings the standard library's float reader and its tables into the page's wasm, about
//! 10 KB gzipped (docs/PERFORMANCE.md "Wasm size").

/// CSV records being written; [`CsvText::finish`] gives the text.
#[derive(Debug, Default)]
pub struct CsvText {
    text: String,
}

impl CsvText {
    /// Appends one record of `fields` (any number, none included).
    pub fn record<I, T>(&mut self, fields: I)
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let start = self.text.len();
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                self.text.push(',');
            }
            self.field(field.as_ref());
        }
        if self.text.len() == start {
            // A reader would skip an empty line: an empty record is one empty field, quoted.
            self.text.push_str("\"\"");
        }
        self.text.push('\n');
    }

    fn field(&mut self, field: &str) {
        if field.contains([',', '"', '\r', '\n']) {
            self.text.push('"');
            self.text.push_str(&field.replace('"', "\"\""));
            self.text.push('"');
        } else {
            self.text.push_str(field);
        }
    }

    /// The records written, in order.
    pub fn finish(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the csv crate's default writer makes of `records`.
    fn crate_writer(records: &[Vec<&str>]) -> String {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        for record in records {
            w.write_record(record).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn writes_what_the_csv_crate_writes() {
        let records = vec![
            vec!["id", "name", "x"],
            vec!["1", "plain", "-0.5"],
            vec!["2", "a, b", "say \"hi\""],
            vec!["3", "two\nlines", "cr\rhere"],
            vec!["", "", ""],
            vec![""],
            vec![],
            vec!["'=SUM(A1)", " spaced ", "\"\""],
            vec!["héllo", "tab\there", "1e5"],
        ];
        let mut ours = CsvText::default();
        for record in &records {
            ours.record(record);
        }
        assert_eq!(ours.finish(), crate_writer(&records));
    }

    #[test]
    fn nothing_written_is_empty_text() {
        assert_eq!(CsvText::default().finish(), "");
    }
}
