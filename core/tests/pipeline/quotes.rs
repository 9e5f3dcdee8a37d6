//! One number everywhere (docs/METRICS.md §10): every number a report sentence shows is
//! quoted with its field, and equals that field's value under the shared rounding — on
//! generated groups, on every fixture and on every real sample export.
//!
//! Held for each sentence that carries quotes (the headline, each *why* line,
//! `structure.why`, `funnel.audience_why`, every checklist step's `why`): each `shown` appears in the text; it is the
//! field's value formatted as the shown text says (a share as a whole percent, a count as
//! a whole number, a coefficient or rate with its decimals); a thin or null measure is
//! never quoted; and every number in the sentence is one of its quotes. The label matches
//! the rounded score.

use std::path::{Path, PathBuf};

use crate::groups::{clique, report};
use peerscope_core::advice::verdict;
use peerscope_core::import::Input;
use peerscope_core::model::options::{HostChoice, Options, Profile};
use peerscope_core::model::random::SplitMix;
use peerscope_core::model::schema::{Quote, Report};
use peerscope_core::model::shown;
use peerscope_core::report::analyze;
use serde_json::Value;

/// The numbers written in `text`: digit runs (with a decimal part and a `%`) that are not
/// part of a word, such as a name like `person12`.
fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_'));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j + 1 < chars.len() && chars[j] == '.' && chars[j + 1].is_ascii_digit() {
            j += 1;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
        }
        if j < chars.len() && chars[j] == '%' {
            j += 1;
        }
        if j >= chars.len() || !chars[j].is_alphabetic() {
            out.push(chars[i..j].iter().collect());
        }
        i = j;
    }
    out
}

/// `value` formatted the way `shown` is written, by the shared rounding.
fn formatted(value: f64, shown: &str) -> String {
    if shown.ends_with('%') {
        format!("{}%", shown::percent(value))
    } else if let Some((_, places)) = shown.split_once('.') {
        shown::decimal(value, places.len() as u8)
    } else {
        format!("{}", value.round() as i64)
    }
}

/// One sentence against the report: `strict` also requires every number in it quoted,
/// once the `people`'s names (which may hold digits) are taken out.
fn sentence(name: &str, json: &Value, text: &str, quotes: &[Quote], strict: bool, people: &[&str]) {
    // People's names may hold digits or a "?": they are no numbers.
    let mut unnamed = text.to_string();
    for person in people.iter().filter(|p| !p.is_empty()) {
        unnamed = unnamed.replace(person, "someone");
    }
    assert!(
        !unnamed.contains('?') && !unnamed.contains("NaN"),
        "{name}: {text:?}"
    );
    for q in quotes {
        assert!(text.contains(&q.shown), "{name}: {q:?} not in {text:?}");
        let pointer = format!("/{}", q.field.replace('.', "/"));
        // A metric is quoted by its key (`metrics.host_share`): its value.
        let field = json.pointer(&pointer).map(|f| f.get("value").unwrap_or(f));
        let value = field.and_then(Value::as_f64);
        let Some(value) = value else {
            panic!("{name}: {} is {field:?}, quoted in {text:?}", q.field);
        };
        assert_eq!(
            formatted(value, &q.shown),
            q.shown,
            "{name}: {} in {text:?}",
            q.field
        );
        if let Some(key) = q.field.strip_prefix("metrics.") {
            let key = key.split('.').next().unwrap_or(key);
            let metric = &json["metrics"][key];
            assert!(
                metric["value"].is_number() && metric["thin"] != true,
                "{name}: thin or null {key} quoted in {text:?}"
            );
        }
    }
    if strict {
        for number in numbers(&unnamed) {
            assert!(
                quotes.iter().any(|q| q.shown == number),
                "{name}: {number} unquoted in {text:?}"
            );
        }
    }
}

/// Everything one-number-everywhere holds of a report; `people` are the names a sentence
/// may contain.
pub fn holds(name: &str, r: &Report, people: &[&str]) {
    let json = serde_json::to_value(r).unwrap();
    let v = &r.verdict;
    if let Some(score) = v.score {
        let rounded = verdict::label(Some(shown::score(score)), r.funnel.core, r.counts.members);
        assert_eq!(v.label, rounded, "{name}: score {score}");
    }
    sentence(name, &json, &v.headline, &v.headline_quotes, true, people);
    for e in &v.evidence {
        sentence(name, &json, &e.sentence, &e.quotes, true, people);
    }
    // A thin or null resilience gives its reason, which names how little there is.
    let counted = r.metrics.resilience.counted().is_some();
    sentence(
        name,
        &json,
        &v.step_away,
        &v.step_away_quotes,
        counted,
        people,
    );
    // An unknown type says why with the floor's reason, which names how little there is.
    let known = r.structure.kind.is_some();
    sentence(
        name,
        &json,
        &r.structure.why,
        &r.structure.quotes,
        known,
        people,
    );
    let f = &r.funnel;
    sentence(
        name,
        &json,
        &f.audience_why,
        &f.audience_quotes,
        true,
        people,
    );
    assert_eq!(f.audience, r.counts.participants + f.reactors, "{name}");
    assert_eq!(
        r.counts.interactions,
        r.counts.replies + r.counts.mentions,
        "{name}"
    );
    for step in &r.checklist {
        // A step names people beyond the participants listed (askers, members who only
        // talked with the host): their names are no numbers either.
        let mut names: Vec<&str> = people.to_vec();
        names.extend(step.people.iter().map(|p| p.name.as_str()));
        let at = format!("{name}, step {}", step.id);
        sentence(&at, &json, &step.why, &step.quotes, true, &names);
    }
    if let Some(text) = &v.reconcile {
        assert!(numbers(text).is_empty(), "{name}: {text}");
    }
}

#[test]
fn numbers_are_found_as_the_page_shows_them() {
    let found = numbers("person12 wrote 34 of 120 (28%), centralization 0.63; 3rd.");
    assert_eq!(found, ["34", "120", "28%", "0.63"]);
    assert_eq!(formatted(0.605, "61%"), "61%");
    assert_eq!(formatted(4.25, "4.3"), "4.3");
    assert_eq!(formatted(33.5, "34"), "34");
}

#[test]
fn every_generated_group_quotes_its_fields() {
    let mut two_camps = clique(0..10);
    two_camps.extend(clique(10..20));
    two_camps.push((9, 10));
    let mut clusters = Vec::new();
    for g in 0..4 {
        clusters.extend(clique(g * 8..g * 8 + 8));
        clusters.push((g * 8, (g * 8 + 8) % 32));
    }
    let mut with_core: Vec<(usize, usize)> = (1..61).map(|p| (p, 0)).collect();
    with_core.extend(clique(1..7));
    let shapes = [
        (
            "broadcast",
            report(40, &(1..40).map(|p| (p, 0)).collect::<Vec<_>>(), Some(0)),
        ),
        (
            "support",
            report(40, &(1..40).map(|p| (0, p)).collect::<Vec<_>>(), Some(0)),
        ),
        ("brand", report(40, &[(1, 2), (3, 4), (5, 6), (7, 8)], None)),
        ("polarized", report(20, &two_camps, None)),
        ("clusters", report(32, &clusters, None)),
        ("mesh", report(12, &clique(0..12), Some(0))),
        ("with a core", report(61, &with_core, Some(0))),
    ];
    for (name, r) in &shapes {
        holds(name, r, &[]);
    }
    let mut rng = SplitMix(0x0051_0E5E);
    for round in 0..60 {
        let people = 3 + rng.below(58) as usize;
        let replies: Vec<(usize, usize)> = (0..rng.below(4 * people as u64 + 1))
            .map(|_| {
                let from = rng.below(people as u64) as usize;
                let to = if rng.unit() < 0.4 {
                    0
                } else {
                    rng.below(people as u64) as usize
                };
                (from, to)
            })
            .filter(|(a, b)| a != b)
            .collect();
        let host = (round % 3 != 0).then_some(0);
        holds(
            &format!("round {round}"),
            &report(people, &replies, host),
            &[],
        );
    }
}

/// Every file directly in `dir`, analysed with hosts detected and with none; returns how
/// many reports were checked.
fn every_file_in(dir: &Path, skip: &dyn Fn(&str) -> bool) -> usize {
    let mut checked = 0;
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !path.is_file() || skip(&name) {
            continue;
        }
        let input = Input::new(name.clone(), std::fs::read(&path).unwrap());
        for hosts in [HostChoice::Detect, HostChoice::None] {
            // Each profile's steps quote their own numbers: the files take turns.
            let profile = Profile::ALL[checked % Profile::ALL.len()];
            let options = Options {
                hosts,
                profile,
                ..Options::default()
            };
            if let Ok(a) = analyze(std::slice::from_ref(&input), &options) {
                let people: Vec<&str> = a.participants.iter().map(|p| p.name.as_str()).collect();
                holds(&path.display().to_string(), &a.report, &people);
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn every_fixture_quotes_its_fields() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let checked = every_file_in(&dir, &|name| name.starts_with("report_"));
    assert!(checked >= 30, "{checked}");
}

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_real_sample_quotes_its_fields() {
    // `PEERSCOPE_SAMPLES` names the folder when this checkout has no `../shared` beside it.
    let root = std::env::var_os("PEERSCOPE_SAMPLES").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/samples"),
        PathBuf::from,
    );
    let mut checked = 0;
    for format in std::fs::read_dir(&root).unwrap().flatten() {
        if format.path().is_dir() {
            checked += every_file_in(&format.path(), &|_| false);
        }
    }
    assert!(checked >= 20, "{checked}");
}

/// The funnel's first stage and the counts agree: the audience is the people in the
/// conversation (`counts.participants`) plus those who only reacted, and says so with the
/// same numbers.
#[test]
fn the_audience_is_the_counted_people_plus_those_who_only_reacted() {
    let input = crate::groups::export(12, &clique(0..12));
    let text = String::from_utf8(input.bytes.to_vec()).unwrap();
    let lurkers = r#""reactions":[{"emoji":{"name":"+"},"count":3,"users":[{"id":"l1","name":"lurker"},{"id":"l2","name":"quiet"},{"id":"u3","name":"person3"}]}],"author":{"id":"u0","#;
    let text = text.replacen(r#""author":{"id":"u0","#, lurkers, 1);
    let options = Options {
        hosts: HostChoice::Named(vec!["u0".into()]),
        ..Options::default()
    };
    let a = analyze(&[Input::new("lurkers.json", text.into_bytes())], &options).unwrap();
    let (r, f) = (&a.report, &a.report.funnel);
    assert_eq!((r.counts.participants, f.reactors, f.audience), (12, 2, 14));
    assert_eq!(
        f.audience_why,
        "14 in the audience: the 12 people in the conversation, and 2 who only reacted."
    );
    holds("lurkers", r, &[]);
    let chart = peerscope_core::draw::charts::funnel(f);
    assert!(
        chart.caption.starts_with(&f.audience_why),
        "{}",
        chart.caption
    );
}
