//! Deep reply chains without deep nesting. Reddit nests each reply inside the `replies`
//! Listing of the comment it answers, so a chain of 10 000 replies is JSON 60 000 levels
//! deep: past serde_json's limit of 128 levels, and past any stack if parsed recursively.
//! Every comment also names its parent in `parent_id`, so the nesting carries nothing
//! the importer needs: [`flatten`] cuts each `replies` Listing out in one pass over the
//! bytes (leaving `""`, Reddit's own "no replies") and hands it back as a document of its
//! own, a few levels deep.

/// How deep a file may nest before it is flattened: below serde_json's 128, so ordinary
/// threads are parsed as they are, in their own order.
pub(super) const FLATTEN_DEPTH: usize = 100;

/// The deepest nesting of arrays and objects in `bytes` (strings skipped); costs one pass.
pub(super) fn max_depth(bytes: &[u8]) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &b in bytes {
        if in_string {
            (in_string, escaped) = string_step(b, escaped);
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Inside a string: (still inside, the next byte is escaped) after byte `b`.
fn string_step(b: u8, escaped: bool) -> (bool, bool) {
    match (escaped, b) {
        (true, _) => (true, false),
        (false, b'\\') => (true, true),
        (false, b'"') => (false, false),
        _ => (true, false),
    }
}

/// `bytes` with every `"replies": {…}` value replaced by `""`, and the Listings cut out,
/// innermost last, each as its own document. Malformed JSON comes out as malformed, for
/// the parser to report; positions in errors then refer to the flattened text.
pub(super) fn flatten(bytes: &[u8]) -> (Vec<u8>, Vec<Vec<u8>>) {
    let mut open: Vec<(Vec<u8>, usize)> = vec![(Vec::with_capacity(bytes.len()), 0)];
    let mut done: Vec<Vec<u8>> = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut string_start, mut last_string) = (0usize, (0usize, 0usize));
    let mut after_replies_key = false;
    for (at, &b) in bytes.iter().enumerate() {
        if in_string {
            (in_string, escaped) = string_step(b, escaped);
            if !in_string {
                last_string = (string_start, at);
            }
        } else if b == b'"' {
            in_string = true;
            string_start = at + 1;
            after_replies_key = false;
        } else if b == b':' {
            let (from, to) = last_string;
            after_replies_key = bytes.get(from..to) == Some(b"replies".as_slice());
        } else if b == b'{' && after_replies_key {
            after_replies_key = false;
            if let Some((buffer, _)) = open.last_mut() {
                buffer.extend_from_slice(b"\"\"");
            }
            open.push((vec![b'{'], depth));
            depth += 1;
            continue;
        } else if !b.is_ascii_whitespace() {
            after_replies_key = false;
            match b {
                b'{' | b'[' => depth += 1,
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        if let Some((buffer, _)) = open.last_mut() {
            buffer.push(b);
        }
        let closes_cut = matches!(b, b'}') && !in_string && open.len() > 1;
        if closes_cut && open.last().is_some_and(|(_, start)| *start == depth) {
            if let Some((buffer, _)) = open.pop() {
                done.push(buffer);
            }
        }
    }
    // Unclosed cuts (a truncated file) go back as they are, for the parser to report.
    while open.len() > 1 {
        if let Some((buffer, _)) = open.pop() {
            done.push(buffer);
        }
    }
    let main = open.pop().map(|(buffer, _)| buffer).unwrap_or_default();
    (main, done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes).into_owned()
    }

    #[test]
    fn replies_are_cut_out_in_one_pass() {
        let doc = br#"[{"a": {"replies": {"x": [{"replies": {"y": "}"}}]}, "z": "replies"}}]"#;
        assert_eq!(max_depth(doc), 7);
        let (main, cut) = flatten(doc);
        assert_eq!(text(&main), r#"[{"a": {"replies": "", "z": "replies"}}]"#);
        let cut: Vec<String> = cut.iter().map(|c| text(c)).collect();
        assert_eq!(cut, [r#"{"y": "}"}"#, r#"{"x": [{"replies": ""}]}"#]);
    }

    #[test]
    fn a_string_value_stays() {
        let doc = br#"{"replies": "", "b": "say \"replies\": {"}"#;
        let (main, cut) = flatten(doc);
        assert_eq!(main, doc.to_vec());
        assert!(cut.is_empty());
        assert_eq!(max_depth(br#"["[[[", {}]"#), 2);
    }
}
