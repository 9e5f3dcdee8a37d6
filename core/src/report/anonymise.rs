//! Pseudonyms instead of names: an [`Analysis`] anyone can screenshot or share.
//!
//! [`anonymise`] rewrites every place a person appears — hosts, funnel leaders and bridges,
//! checklist people, participants, network nodes — and every sentence that may name someone
//! (the headline, the framing, evidence, *why now*, host notes, warnings, file and channel
//! names).
//! Each person gets an alias such as "Amber Otter", derived from their id with a fixed hash,
//! so the same export gives the same aliases on every run and on every machine. Two people
//! whose hashes meet get "Amber Otter" and "Amber Otter 2", in the order of their ids.
//!
//! Aliases hide names from whoever sees the result; they are not encryption. Someone who
//! already holds the list of ids (Discord user ids are public) can recompute them.
//!
//! ```
//! use peerscope_core::{analyze, report::anonymise::anonymise, Options};
//! let analysis = analyze(&peerscope_core::import::sample::inputs(), &Options::default()).unwrap();
//! let shared = anonymise(&analysis);
//! assert_eq!(shared.participants.len(), analysis.participants.len());
//! assert_ne!(shared.participants[0].name, analysis.participants[0].name);
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::model::schema::{PersonRef, Report};
use crate::report::analyze::Analysis;

/// 64 adjectives: with [`ANIMALS`], 4096 aliases before a number is needed.
#[rustfmt::skip]
const ADJECTIVES: [&str; 64] = [
    "Amber", "Azure", "Bold", "Brave", "Bright", "Brisk", "Calm", "Candid", "Cheery", "Clever",
    "Coral", "Cosy", "Crisp", "Curious", "Dapper", "Deft", "Eager", "Earnest", "Fabled", "Fair",
    "Fleet", "Gentle", "Glad", "Golden", "Grand", "Hardy", "Hazel", "Honest", "Humble", "Indigo",
    "Jade", "Jolly", "Keen", "Kind", "Lively", "Lucky", "Lunar", "Mellow", "Merry", "Mighty",
    "Misty", "Nimble", "Noble", "Olive", "Patient", "Plucky", "Polar", "Proud", "Quiet", "Rapid",
    "Rosy", "Ruby", "Rustic", "Sage", "Scarlet", "Silver", "Sunny", "Swift", "Tidy", "Topaz",
    "Tranquil", "Vivid", "Witty", "Zesty",
];

/// 64 animals: the second word of an alias.
#[rustfmt::skip]
const ANIMALS: [&str; 64] = [
    "Albatross", "Antelope", "Badger", "Beaver", "Bison", "Bobcat", "Buffalo", "Camel", "Caribou",
    "Cheetah", "Condor", "Cougar", "Coyote", "Crane", "Dingo", "Dolphin", "Eagle", "Egret",
    "Falcon", "Ferret", "Finch", "Gazelle", "Gecko", "Gibbon", "Heron", "Ibis", "Impala", "Jackal",
    "Jaguar", "Kestrel", "Kiwi", "Koala", "Lemur", "Leopard", "Lynx", "Magpie", "Marmot", "Marten",
    "Mink", "Moose", "Narwhal", "Ocelot", "Orca", "Osprey", "Otter", "Panda", "Pelican", "Penguin",
    "Puffin", "Quail", "Raven", "Robin", "Salmon", "Seal", "Sparrow", "Stork", "Swan", "Tapir",
    "Toucan", "Walrus", "Weasel", "Wombat", "Wren", "Yak",
];

/// 64-bit FNV-1a and MurmurHash3's final mix (so the low bits vary too): small, and fixed
/// across platforms and releases, unlike `std`'s hasher.
fn fnv1a(text: &str) -> u64 {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    let hash = (hash ^ (hash >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    let hash = (hash ^ (hash >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

/// The alias a person id starts from, before clashes are numbered: (id, name).
fn base_alias(id: &str) -> (String, String) {
    let hash = fnv1a(id);
    // Six bits each pick a word of the 64; `get` keeps a shorter list from panicking.
    let pick = |words: &[&'static str], bits: u64| -> &'static str {
        words.get((bits % 64) as usize).copied().unwrap_or("plain")
    };
    let adjective = pick(&ADJECTIVES, hash);
    let animal = pick(&ANIMALS, hash >> 6);
    (
        format!("anon-{:012x}", hash >> 16),
        format!("{adjective} {animal}"),
    )
}

/// Every person of an analysis with their alias, and the names to find inside sentences.
#[derive(Debug, Clone, Default)]
pub struct Pseudonyms {
    /// Original id → alias.
    by_id: HashMap<String, PersonRef>,
    /// Original display name → alias name (the first person with that name wins).
    by_name: HashMap<String, String>,
    /// The distinct byte lengths of the names, longest first.
    lengths: Vec<usize>,
}

impl Pseudonyms {
    /// The aliases of everyone the analysis names anywhere.
    pub fn of(analysis: &Analysis) -> Pseudonyms {
        let report = &analysis.report;
        let mut people: BTreeMap<&str, &str> = BTreeMap::new();
        let listed = analysis.participants.iter().map(|p| (&p.id, &p.name));
        let nodes = analysis.network.nodes.iter().map(|n| (&n.id, &n.name));
        let hosts = report.hosts.iter().map(|h| (&h.id, &h.name));
        let leaders = report.funnel.leaders.iter().map(|l| (&l.id, &l.name));
        let bridges = report.funnel.bridges.iter().map(|b| (&b.id, &b.name));
        let steps = report.checklist.iter().flat_map(|s| s.people.iter());
        let steps = steps.map(|p| (&p.id, &p.name));
        for (id, name) in listed
            .chain(nodes)
            .chain(hosts)
            .chain(leaders)
            .chain(bridges)
            .chain(steps)
        {
            people.entry(id.as_str()).or_insert(name.as_str());
        }
        Pseudonyms::from_people(people)
    }

    /// Aliases for `(id, name)` pairs given in id order.
    fn from_people(people: BTreeMap<&str, &str>) -> Pseudonyms {
        let mut taken_names: HashMap<String, u32> = HashMap::new();
        let mut taken_ids: BTreeSet<String> = BTreeSet::new();
        let mut pseudonyms = Pseudonyms::default();
        for (id, name) in people {
            let (mut alias_id, base_name) = base_alias(id);
            let seen = taken_names.entry(base_name.clone()).or_insert(0);
            *seen += 1;
            let alias_name = match *seen {
                1 => base_name,
                n => format!("{base_name} {n}"),
            };
            while !taken_ids.insert(alias_id.clone()) {
                alias_id.push('x');
            }
            if !name.is_empty() {
                pseudonyms
                    .by_name
                    .entry(name.to_string())
                    .or_insert_with(|| alias_name.clone());
            }
            let alias = PersonRef {
                id: alias_id,
                name: alias_name,
            };
            pseudonyms.by_id.insert(id.to_string(), alias);
        }
        let lengths: BTreeSet<usize> = pseudonyms.by_name.keys().map(String::len).collect();
        pseudonyms.lengths = lengths.into_iter().rev().collect();
        pseudonyms
    }

    /// The alias of the person with this original id, if the analysis names them.
    pub fn alias(&self, id: &str) -> Option<&PersonRef> {
        self.by_id.get(id)
    }

    /// The original id behind an alias id (for pickers that show aliases).
    pub fn original_id(&self, alias_id: &str) -> Option<&str> {
        self.by_id
            .iter()
            .find(|(_, alias)| alias.id == alias_id)
            .map(|(id, _)| id.as_str())
    }

    /// A person's `(id, name)` with both replaced; someone unknown becomes "Someone".
    fn person(&self, id: &mut String, name: &mut String) {
        match self.by_id.get(id.as_str()) {
            Some(alias) => {
                id.clone_from(&alias.id);
                name.clone_from(&alias.name);
            }
            None => {
                *id = base_alias(id).0;
                *name = "Someone".to_string();
            }
        }
    }

    /// `text` with every whole-word occurrence of a known name replaced by its alias, the
    /// longest name winning where names overlap.
    ///
    /// Costs O(bytes × distinct name lengths) hash lookups.
    pub fn text(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        let mut copied = 0;
        while at < text.len() {
            let starts_word = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let found = starts_word.then(|| self.name_at(text, at)).flatten();
            match found {
                Some((len, alias)) => {
                    out.push_str(&text[copied..at]);
                    out.push_str(alias);
                    at += len;
                    copied = at;
                }
                None => at += text[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out.push_str(&text[copied..]);
        out
    }

    /// The longest known name starting at byte `at` and ending a word: its length and alias.
    fn name_at<'a>(&'a self, text: &str, at: usize) -> Option<(usize, &'a str)> {
        self.lengths.iter().find_map(|&len| {
            let candidate = text.get(at..at + len)?;
            let alias = self.by_name.get(candidate)?;
            let after = text[at + len..].chars().next();
            after
                .is_none_or(|c| !c.is_alphanumeric())
                .then_some((len, alias.as_str()))
        })
    }

    fn rewrite(&self, text: &mut String) {
        *text = self.text(text);
    }

    fn report(&self, report: &mut Report) {
        for host in &mut report.hosts {
            self.person(&mut host.id, &mut host.name);
            self.rewrite(&mut host.how);
        }
        for leader in &mut report.funnel.leaders {
            self.person(&mut leader.id, &mut leader.name);
        }
        for bridge in &mut report.funnel.bridges {
            self.person(&mut bridge.id, &mut bridge.name);
        }
        for step in &mut report.checklist {
            for person in &mut step.people {
                self.person(&mut person.id, &mut person.name);
            }
            self.rewrite(&mut step.title);
            self.rewrite(&mut step.why);
            step.how.iter_mut().for_each(|how| self.rewrite(how));
        }
        let verdict = &mut report.verdict;
        self.rewrite(&mut verdict.headline);
        self.rewrite(&mut verdict.framing);
        if let Some(reason) = &mut verdict.reason {
            self.rewrite(reason);
        }
        for evidence in &mut verdict.evidence {
            self.rewrite(&mut evidence.sentence);
        }
        self.rewrite(&mut report.structure.why);
        for space in &mut report.spaces {
            self.rewrite(&mut space.name);
        }
        let sources = &mut report.sources;
        sources.warnings.iter_mut().for_each(|w| self.rewrite(w));
        for file in &mut sources.files {
            self.rewrite(&mut file.name);
            self.rewrite(&mut file.space);
        }
    }
}

/// The analysis with every person replaced by a stable alias (see the module docs).
///
/// Numbers, roles and positions are untouched: only who is who is hidden.
pub fn anonymise(analysis: &Analysis) -> Analysis {
    anonymise_with(analysis, &Pseudonyms::of(analysis))
}

/// [`anonymise`] with aliases already computed (the UI keeps them to map picks back).
pub fn anonymise_with(analysis: &Analysis, pseudonyms: &Pseudonyms) -> Analysis {
    let mut out = analysis.clone();
    pseudonyms.report(&mut out.report);
    for person in &mut out.participants {
        pseudonyms.person(&mut person.id, &mut person.name);
    }
    for node in &mut out.network.nodes {
        pseudonyms.person(&mut node.id, &mut node.name);
    }
    // Channel names may name someone (a DM is named after them), as in the report's spaces.
    for space in &mut out.network.times.spaces {
        pseudonyms.rewrite(space);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
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
        names.sort();
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
        assert_eq!(
            base_alias("7401000000000000401"),
            base_alias("7401000000000000401")
        );
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
}
