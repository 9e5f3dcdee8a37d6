//! Telling a stray quote from a cell that really spans lines.
//!
//! A quoted cell may hold line breaks (a message of several lines). But when a stray `"`
//! opens a quote and another stray `"` many rows later closes it, the csv crate reads
//! every row between as part of one cell. The lines of a real multi-line message rarely
//! have the header's shape; the rows a stray quote swallowed do. So a cell is taken for
//! swallowed rows when the lines strictly between its first and last line are at least
//! [`MIN_SWALLOWED_LINES`] and more than half of the non-blank ones read, on their own,
//! as a row with exactly the header's number of cells. (A choice: two lines of the right
//! shape inside one real message would be read as rows.)

/// Lines between a quote's opening and closing lines, at least, for them to be taken as
/// swallowed rows: one line of the header's shape inside a message is too little to say.
pub const MIN_SWALLOWED_LINES: usize = 2;

/// True when the record `record` (its raw bytes, from its first byte to its last line
/// break) spans lines that look like whole rows of `width` cells (see the module doc).
/// False for a record on one or two lines.
pub fn swallows_rows(record: &[u8], delimiter: u8, width: usize) -> bool {
    let record = record.strip_suffix(b"\n").unwrap_or(record);
    let mut lines = record.split(|&b| b == b'\n');
    lines.next();
    let mut inner: Vec<&[u8]> = lines.collect();
    // The last line is where the quote closes: part of it belongs to the open cell.
    inner.pop();
    let filled: Vec<&[u8]> = inner
        .into_iter()
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
        .filter(|line| line.iter().any(|b| !b.is_ascii_whitespace()))
        .collect();
    let rows = filled
        .iter()
        .filter(|line| cells(line, delimiter) == Some(width))
        .count();
    filled.len() >= MIN_SWALLOWED_LINES && rows * 2 > filled.len()
}

/// The cells in one line read on its own: delimiters outside quotes, plus one; `None`
/// when the line leaves a quote open.
fn cells(line: &[u8], delimiter: u8) -> Option<usize> {
    let (mut quoted, mut count) = (false, 1usize);
    for &b in line {
        if b == b'"' {
            quoted = !quoted;
        } else if b == delimiter && !quoted {
            count += 1;
        }
    }
    (!quoted).then_some(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_between_two_stray_quotes_are_seen() {
        let swallowed = b"1,a,\"oops\n2,b,x\n3,c,\"y, z\"\n4,d,w\n5,e,te\"xt\n";
        assert!(swallows_rows(swallowed, b',', 3));
    }

    #[test]
    fn a_message_of_several_lines_is_not() {
        let message = b"1,a,\"first line\nsecond, with a comma\nthird\nlast\"\n";
        assert!(!swallows_rows(message, b',', 3));
        // One line of the right shape is too little to say.
        assert!(!swallows_rows(b"1,a,\"x\n2,b,y\n3\"\n", b',', 3));
        assert!(!swallows_rows(b"1,a,\"one line\"\n", b',', 3));
    }

    #[test]
    fn cells_count_delimiters_outside_quotes() {
        assert_eq!(cells(b"a,\"b,c\",d", b','), Some(3));
        assert_eq!(cells(b"a;b", b';'), Some(2));
        assert_eq!(cells(b"a,\"b", b','), None);
    }
}
