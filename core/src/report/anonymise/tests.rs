use super::*;
use crate::model::stable_sort::StableSort;
use crate::{import::Input, model::options::Options, report::analyze};

fn fixture(name: &str) -> Input {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Input::new(name, bytes)
}

fn every_name(analysis: &Analysis) -> Vec<String> {
    let mut names: Vec<String> = analysis
        .participants
        .iter()
        .map(|p| p.name.clone())
        .collect();
    names.extend(analysis.network.nodes.iter().map(|n| n.name.clone()));
    names.stable_sort();
    names.dedup();
    names
}

fn serialised(analysis: &Analysis) -> String {
    let report = serde_json::to_string(&analysis.report).unwrap_or_default();
    let network = serde_json::to_string(&analysis.network).unwrap_or_default();
    let people = serde_json::to_string(&analysis.participants).unwrap_or_default();
    format!("{report}\n{network}\n{people}")
}

#[test]
fn no_name_or_id_survives_in_the_json() {
    for inputs in [
        vec![fixture("e2e_upload.json")],
        crate::import::sample::inputs(),
    ] {
        let analysis = analyze(&inputs, &Options::default()).unwrap();
        let names = every_name(&analysis);
        assert!(names.len() > 5, "{names:?}");
        let json = serialised(&anonymise(&analysis));
        for name in names {
            assert!(!json.contains(&format!("\"{name}")), "{name} survives");
            assert!(!json.contains(&format!(" {name}")), "{name} survives");
        }
        for person in &analysis.participants {
            assert!(!json.contains(&person.id), "id {} survives", person.id);
        }
    }
}

#[test]
fn aliases_are_stable_and_distinct() {
    let inputs = vec![fixture("e2e_upload.json")];
    let once = anonymise(&analyze(&inputs, &Options::default()).unwrap());
    let twice = anonymise(&analyze(&inputs, &Options::default()).unwrap());
    assert_eq!(once.participants, twice.participants);
    let names: BTreeSet<&str> = once.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names.len(), once.participants.len());
    let none = HashSet::new();
    assert_eq!(
        base_alias("7401000000000000401", &none),
        base_alias("7401000000000000401", &none)
    );
}

/// A member called "Curious" (a word the aliases use) never makes another member
/// "Curious Jaguar", which would read as their real name.
#[test]
fn aliases_pass_over_the_words_of_real_names() {
    let ids: Vec<String> = (0..300).map(|i| format!("user{i}")).collect();
    let mut people: BTreeMap<&str, &str> = ids.iter().map(|id| (id.as_str(), "x")).collect();
    people.insert("user0", "Curious");
    people.insert("user1", "jaguar fan");
    let pseudonyms = Pseudonyms::from_people(people);
    let words: BTreeSet<&str> = pseudonyms
        .by_id
        .values()
        .flat_map(|a| a.name.split(' '))
        .collect();
    assert!(
        !words.contains("Curious") && !words.contains("Jaguar"),
        "{words:?}"
    );
    // Without the two names, 300 ids do use both words: the test would see a leak.
    let plain: BTreeMap<&str, &str> = ids.iter().map(|id| (id.as_str(), "x")).collect();
    let plain = Pseudonyms::from_people(plain);
    let used = |word: &str| {
        plain
            .by_id
            .values()
            .any(|a| a.name.split(' ').any(|w| w == word))
    };
    assert!(used("Curious") && used("Jaguar"));
}

#[test]
fn clashing_aliases_are_numbered_and_map_back() {
    // Find two ids whose base names clash, then check both stay distinct.
    let ids: Vec<String> = (0..200).map(|i| format!("user{i}")).collect();
    let people: BTreeMap<&str, &str> = ids.iter().map(|id| (id.as_str(), "x")).collect();
    let pseudonyms = Pseudonyms::from_people(people);
    let names: BTreeSet<&str> = pseudonyms.by_id.values().map(|a| a.name.as_str()).collect();
    assert_eq!(names.len(), 200);
    assert!(
        names.iter().any(|n| n.ends_with(" 2")),
        "200 ids in 4096 names clash"
    );
    let alias = pseudonyms
        .alias("user7")
        .map(|a| a.id.clone())
        .unwrap_or_default();
    assert_eq!(pseudonyms.original_id(&alias), Some("user7"));
}

#[test]
fn sentences_lose_whole_names_only() {
    let people = BTreeMap::from([("1", "Ann"), ("2", "Ann Lee"), ("3", "Émile")]);
    let p = Pseudonyms::from_people(people);
    let alias = |id: &str| p.alias(id).map(|a| a.name.clone()).unwrap_or_default();
    let text = p.text("Ann Lee thanked Ann, Anna and Émile.");
    let want = format!(
        "{} thanked {}, Anna and {}.",
        alias("2"),
        alias("1"),
        alias("3")
    );
    assert_eq!(text, want);
    assert_eq!(p.text(""), "");
}
