//! The core's layers point one way: a module may use its own layer and the layers below it,
//! never one above. The order is the pipeline's, lowest first:
//!
//! `model` < `import` < `graph` < `measure` < `advice` < `draw` < `report`
//!
//! This test reads every file under `core/src` and under `crates/peerscope-analysis/src`
//! (`graph` and `measure`, a crate of their own that core re-exports), drops comments, string
//! literals and test code (`#[cfg(test)]` items and the files they pull in), and checks each
//! `crate::<layer>` path, whether in a `use` line, a grouped `use crate::{a::…, b::…}` or
//! inline, against that order. Test code is exempt because a unit test may build a whole
//! report to check a part. Across crates Cargo keeps the order: `peerscope-model` depends on
//! no peerscope crate and `peerscope-analysis` on the model only, which the last test reads
//! from their manifests.

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first; a layer may use every layer up to and including itself.
const LAYERS: [&str; 7] = [
    "model", "import", "graph", "measure", "advice", "draw", "report",
];

fn rank(layer: &str) -> Option<usize> {
    LAYERS.iter().position(|&l| l == layer)
}

/// One use of a higher layer: where it is and what it names.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Violation {
    file: String,
    line: usize,
    from: &'static str,
    to: String,
}

#[test]
fn no_layer_uses_a_layer_above_it() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR"));
    let analysis = core.join("../crates/peerscope-analysis/src");
    assert!(analysis.join("graph.rs").is_file() && analysis.join("measure.rs").is_file());
    let mut violations = violations_under(&core.join("src"));
    violations.extend(violations_under(&analysis));
    let listed: Vec<String> = violations
        .iter()
        .map(|v| format!("{}:{}: {} uses {}", v.file, v.line, v.from, v.to))
        .collect();
    assert!(
        listed.is_empty(),
        "lower layers use higher ones (order: {}):\n{}",
        LAYERS.join(" < "),
        listed.join("\n")
    );
}

/// The check itself fails on a lower layer that names a higher one (and passes the reverse).
#[test]
fn the_check_catches_an_upward_path() {
    let upward = "use crate::report::analyze::Analysis;\nfn f() { crate::advice::verdict::x(); }";
    let found = violations_in("measure/x.rs", "measure", upward);
    let names: Vec<&str> = found.iter().map(|v| v.to.as_str()).collect();
    assert_eq!(names, ["report", "advice"]);

    let grouped = "use crate::{graph::Graph, draw::view::NetworkView};";
    let found = violations_in("advice/x.rs", "advice", grouped);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].to, "draw");

    let downward = "use crate::{model::Dataset, graph::Graph};\n// crate::report in a comment\n\
                    const S: &str = \"crate::report\";";
    assert!(violations_in("measure/x.rs", "measure", downward).is_empty());

    let test_only = "fn f() {}\n#[cfg(test)]\nmod tests {\n    use crate::report::analyze;\n}\n";
    assert!(violations_in("graph/x.rs", "graph", test_only).is_empty());
}

fn violations_under(src: &Path) -> Vec<Violation> {
    let mut files = Vec::new();
    collect_rs(src, &mut files);
    let test_files = test_only_files(src, &files);
    let mut out = Vec::new();
    for path in &files {
        let rel = path
            .strip_prefix(src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if test_files.contains(path) || rel.ends_with("/tests.rs") {
            continue;
        }
        let Some(layer) = layer_of(&rel) else {
            continue;
        };
        let text = fs::read_to_string(path).unwrap();
        out.extend(violations_in(&rel, layer, &text));
    }
    out.sort();
    out
}

/// The layer a file belongs to, from its path under `src/` (`lib.rs` belongs to none).
fn layer_of(rel: &str) -> Option<&'static str> {
    let top = rel.split('/').next()?.trim_end_matches(".rs");
    LAYERS.iter().copied().find(|&l| l == top)
}

fn violations_in(file: &str, layer: &'static str, text: &str) -> Vec<Violation> {
    let code = without_test_items(&strip_comments_and_strings(text));
    let own = rank(layer).unwrap_or(0);
    let mut out = Vec::new();
    for (line, target) in crate_paths(&code) {
        if let Some(to) = rank(&target) {
            if to > own {
                out.push(Violation {
                    file: file.to_string(),
                    line,
                    from: layer,
                    to: target,
                });
            }
        }
    }
    out
}

/// Every `crate::<name>` in the code with its 1-based line, grouped uses expanded:
/// `crate::{a::X, b}` yields `a` and `b`.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut rest = code;
    let mut consumed = 0;
    while let Some(at) = rest.find("crate::") {
        let start = consumed + at;
        let after = &code[start + "crate::".len()..];
        let line = code[..start].matches('\n').count() + 1;
        let preceded_by_ident = code[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
        if !preceded_by_ident {
            if let Some(group) = after.strip_prefix('{') {
                for head in group_heads(group) {
                    out.push((line, head));
                }
            } else {
                out.push((line, ident_at(after)));
            }
        }
        consumed = start + "crate::".len();
        rest = &code[consumed..];
    }
    out
}

/// The first identifier of each top-level item in `a::X, b::{c, d}, e}`.
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0usize;
    let mut at_item_start = true;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => at_item_start = true,
            c if at_item_start && (c.is_alphanumeric() || c == '_') => {
                heads.push(ident_at(&group[i..]));
                at_item_start = false;
            }
            _ => {}
        }
    }
    heads
}

fn ident_at(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The text with comments removed and the insides of string and char literals blanked, so
/// neither a `{` in a string nor a path in a comment counts. Newlines are kept for line
/// numbers.
fn strip_comments_and_strings(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i = skip_block_comment(&chars, i, &mut out);
        } else if c == '"' || (c == 'r' && matches!(next, Some('"') | Some('#'))) {
            i = skip_string(&chars, i, &mut out);
        } else if c == '\'' {
            i = skip_char_literal(&chars, i, &mut out);
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn skip_block_comment(chars: &[char], mut i: usize, out: &mut String) -> usize {
    let mut depth = 0;
    while i < chars.len() {
        if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
            depth += 1;
            i += 2;
        } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            if chars[i] == '\n' {
                out.push('\n');
            }
            i += 1;
        }
    }
    i
}

/// Skips `"…"` (with escapes) or a raw string `r#"…"#`, leaving `""` and the newlines.
fn skip_string(chars: &[char], mut i: usize, out: &mut String) -> usize {
    let raw = chars[i] == 'r';
    let mut hashes = 0;
    if raw {
        i += 1;
        while chars.get(i) == Some(&'#') {
            hashes += 1;
            i += 1;
        }
        if chars.get(i) != Some(&'"') {
            // `r#ident` (a raw identifier), not a string.
            out.push('r');
            return i - hashes;
        }
    }
    i += 1;
    out.push_str("\"\"");
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            out.push('\n');
        }
        if !raw && c == '\\' {
            i += 2;
            continue;
        }
        if c == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
            return i + 1 + hashes;
        }
        i += 1;
    }
    i
}

/// A char literal (`'{'`, `'\n'`, `'\u{7f}'`) is blanked; a lifetime (`'a`) is kept.
fn skip_char_literal(chars: &[char], i: usize, out: &mut String) -> usize {
    if chars.get(i + 1) == Some(&'\\') {
        let mut j = i + 2;
        while j < chars.len() && chars[j] != '\'' {
            j += 1;
        }
        out.push_str("' '");
        return j + 1;
    }
    if chars.get(i + 2) == Some(&'\'') {
        out.push_str("' '");
        return i + 3;
    }
    out.push('\'');
    i + 1
}

/// The code with every item marked `#[cfg(test)]` removed (a `mod x { … }`, a `fn`, an
/// `impl`, …: up to its matching brace, or its `;`).
fn without_test_items(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let end = item_end(item);
        out.extend(item[..end].chars().filter(|&c| c == '\n'));
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// Where the item starting in `text` ends: after its matching `}`, or its first `;` when
/// that comes before any `{`.
fn item_end(text: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            ';' if depth == 0 => return i + 1,
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// Files that only test code pulls in: `#[cfg(test)] mod name;` next to a file makes
/// `name.rs` (or `name/…`) beside it test-only.
fn test_only_files(src: &Path, files: &[PathBuf]) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    for path in files {
        let text = fs::read_to_string(path).unwrap();
        let code = strip_comments_and_strings(&text);
        let mut rest = code.as_str();
        while let Some(at) = rest.find("#[cfg(test)]") {
            let after = rest[at + "#[cfg(test)]".len()..].trim_start();
            if let Some(name) = after
                .strip_prefix("mod ")
                .or_else(|| after.strip_prefix("pub mod "))
            {
                let name = ident_at(name.trim_start());
                let dir = module_dir(src, path);
                out.insert(dir.join(format!("{name}.rs")));
            }
            rest = &rest[at + 1..];
        }
    }
    out
}

/// The folder a module's children live in: `a/b.rs` → `a/b/`, `lib.rs` → `src/`.
fn module_dir(src: &Path, file: &Path) -> PathBuf {
    if file == src.join("lib.rs") {
        return src.to_path_buf();
    }
    file.with_extension("")
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The crates below core name no peerscope crate above them: the model none at all, the
/// graph and measures the model only (their `[dependencies]`, dev ones included).
#[test]
fn the_crates_below_core_depend_only_downward() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates");
    let named = |name: &str| -> Vec<String> {
        let manifest = fs::read_to_string(crates.join(name).join("Cargo.toml")).unwrap();
        manifest
            .lines()
            .map(str::trim_start)
            .filter(|line| line.starts_with("peerscope-"))
            .filter_map(|line| line.split(['.', ' ', '=']).next())
            .map(str::to_string)
            .collect()
    };
    assert!(named("peerscope-model").is_empty());
    assert_eq!(named("peerscope-analysis"), ["peerscope-model"]);
}
