//! Pseudonyms instead of names: an [`Analysis`] anyone can screenshot or share.
//!
//! [`anonymise`] rewrites every place a person appears — hosts, funnel leaders and bridges,
//! waiting newcomers, the absence factor's people, checklist people, participants, network
//! nodes — every place the export itself is named —
//! file names, channel, chat and group names and ids ([`places`]) — and every sentence that
//! may name either (the headline, the framing, evidence, *why now*, host notes, warnings).
//! Each person gets an alias such as "Amber Otter", derived from their id with a fixed hash,
//! so the same export gives the same aliases on every run and on every machine. Two people
//! whose hashes meet get "Amber Otter" and "Amber Otter 2", in the order of their ids. A file
//! becomes `file-3fa2c1.json` (a hash of its name), a space `Channel 1`, `Channel 2`, … in
//! the report's order. The page and `peerscope analyze --anonymise` call the same function,
//! so both show the same aliases for the same export.
//!
//! Inside sentences, whole words are replaced: people's names, then file names (and the zip
//! or folder they sit in), space names and person ids unless they could be an ordinary word
//! of the sentence ([`could_be_ordinary`]: `general`, `replies`, `7`). Those stay in the
//! sentences, which the core writes with its own words and file names, and are replaced
//! everywhere else.
//!
//! Aliases hide names from whoever sees the result; they are not encryption. Someone who
//! already holds the list of ids (Discord user ids are public) or of file names can
//! recompute them.
//!
//! ```
//! use peerscope_core::{analyze, report::anonymise::anonymise, Options};
//! let analysis = analyze(&peerscope_core::import::sample::inputs(), &Options::default()).unwrap();
//! let shared = anonymise(&analysis);
//! assert_eq!(shared.participants.len(), analysis.participants.len());
//! assert_ne!(shared.participants[0].name, analysis.participants[0].name);
//! ```

mod alias;
mod places;
mod sentence;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::model::schema::{PersonRef, Report, Verdict};
use crate::report::analyze::Analysis;
use alias::base_alias;
pub use places::file_alias;
use places::{file_names, Spaces};
pub use sentence::hide_files;

/// Numbers this long or shorter could be a count a sentence quotes.
const LONGEST_PLAIN_NUMBER: usize = 5;

/// Whether a file name, space name or id could be an ordinary word of a sentence: only
/// lowercase ASCII letters (`general`), or a number of up to five digits (`7`). Those are
/// not looked for inside sentences (a channel named `replies` must not turn "2 replies" into
/// "2 Channel 1"); empty text could be anything.
pub fn could_be_ordinary(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_lowercase())
        || (text.len() <= LONGEST_PLAIN_NUMBER && text.bytes().all(|b| b.is_ascii_digit()))
}

/// Every person of an analysis with their alias, and the names to find inside sentences.
#[derive(Debug, Clone, Default)]
pub struct Pseudonyms {
    /// Original id → alias.
    by_id: HashMap<String, PersonRef>,
    /// Text to find inside sentences → its alias: display names (the first person with a
    /// name wins), then long person ids, file names and space names. Never an empty key.
    by_name: HashMap<String, String>,
    /// The export's spaces, numbered.
    spaces: Spaces,
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
        let waiting = report.newcomers.waiting.iter().map(|w| (&w.id, &w.name));
        let absent = report.absence.people.iter().map(|a| (&a.id, &a.name));
        for (id, name) in listed
            .chain(nodes)
            .chain(hosts)
            .chain(leaders)
            .chain(bridges)
            .chain(steps)
            .chain(waiting)
            .chain(absent)
        {
            people.entry(id.as_str()).or_insert(name.as_str());
        }
        let mut pseudonyms = Pseudonyms::from_people(people);
        pseudonyms.learn_places(analysis);
        pseudonyms
    }

    /// Adds the analysis' files and spaces, and the long person ids, to the text to find.
    fn learn_places(&mut self, analysis: &Analysis) {
        let ids: Vec<(String, String)> = self
            .by_id
            .iter()
            .filter(|(id, _)| !could_be_ordinary(id))
            .map(|(id, alias)| (id.clone(), alias.id.clone()))
            .collect();
        for (id, alias) in ids {
            self.learn(&id, alias);
        }
        for file in &analysis.report.sources.files {
            for name in file_names(&file.name).filter(|name| !could_be_ordinary(name)) {
                self.learn(name, file_alias(name));
            }
        }
        self.spaces = Spaces::of(analysis);
        let spaces: Vec<(String, String)> = self.spaces.by_name.clone().into_iter().collect();
        for (name, alias) in spaces.into_iter().filter(|(n, _)| !could_be_ordinary(n)) {
            self.learn(&name, alias);
        }
        let lengths = name_lengths(self.by_name.keys());
        self.lengths = lengths.into_iter().rev().collect();
    }

    /// Finds `text` inside sentences from now on, unless empty or already known.
    fn learn(&mut self, text: &str, alias: String) {
        if !text.is_empty() {
            self.by_name.entry(text.to_string()).or_insert(alias);
        }
    }

    /// Aliases for `(id, name)` pairs given in id order.
    fn from_people(people: BTreeMap<&str, &str>) -> Pseudonyms {
        let mut taken_names: HashMap<String, u32> = HashMap::new();
        let mut taken_ids: BTreeSet<String> = BTreeSet::new();
        let mut pseudonyms = Pseudonyms::default();
        let real_words: HashSet<String> = people
            .values()
            .flat_map(|name| name.split_whitespace())
            .map(str::to_lowercase)
            .collect();
        for (id, name) in people {
            let (mut alias_id, base_name) = base_alias(id, &real_words);
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
        let lengths = name_lengths(pseudonyms.by_name.keys());
        pseudonyms.lengths = lengths.into_iter().rev().collect();
        pseudonyms
    }

    /// The alias of the person with this original id, if the analysis names them.
    pub fn alias(&self, id: &str) -> Option<&PersonRef> {
        self.by_id.get(id)
    }

    /// The alias of a file name (see [`file_alias`]).
    pub fn file(&self, name: &str) -> String {
        file_alias(name)
    }

    /// The alias of a space (channel, chat, group) name.
    pub fn space(&self, name: &str) -> String {
        self.spaces.name(name)
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
                *id = base_alias(id, &HashSet::new()).0;
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
        for waiting in &mut report.newcomers.waiting {
            self.person(&mut waiting.id, &mut waiting.name);
        }
        for absent in &mut report.absence.people {
            self.person(&mut absent.id, &mut absent.name);
        }
        for step in &mut report.checklist {
            for person in &mut step.people {
                self.person(&mut person.id, &mut person.name);
            }
            self.rewrite(&mut step.title);
            self.rewrite(&mut step.why);
            step.how.iter_mut().for_each(|how| self.rewrite(how));
        }
        self.verdict(&mut report.verdict);
        self.rewrite(&mut report.structure.why);
        self.rewrite(&mut report.funnel.audience_why);
        self.rewrite(&mut report.funnel.leader_order);
        for space in &mut report.spaces {
            (space.id, space.name) = self.spaces.space(&space.id, &space.name);
        }
        let sources = &mut report.sources;
        sources.warnings.iter_mut().for_each(|w| self.rewrite(w));
        for file in &mut sources.files {
            file.name = file_alias(&file.name);
            file.space = self.spaces.name(&file.space);
        }
    }

    fn verdict(&self, verdict: &mut Verdict) {
        self.rewrite(&mut verdict.headline);
        self.rewrite(&mut verdict.framing);
        self.rewrite(&mut verdict.step_away);
        for text in [&mut verdict.reason, &mut verdict.reconcile]
            .into_iter()
            .flatten()
        {
            self.rewrite(text);
        }
        for evidence in &mut verdict.evidence {
            self.rewrite(&mut evidence.sentence);
        }
    }
}

/// The distinct lengths in bytes of `names`, shortest first. Inserted, not collected:
/// collecting into a set sorts first, one more sort in the wasm.
fn name_lengths<'a>(names: impl Iterator<Item = &'a String>) -> BTreeSet<usize> {
    let mut lengths = BTreeSet::new();
    for name in names {
        lengths.insert(name.len());
    }
    lengths
}

/// The analysis with every person replaced by a stable alias (see the module docs).
///
/// Numbers, roles and positions are untouched: only who is who is hidden.
pub fn anonymise(analysis: &Analysis) -> Analysis {
    anonymise_with(analysis, &Pseudonyms::of(analysis))
}

/// [`anonymise`] with aliases already computed (the UI keeps them to map picks back).
pub fn anonymise_with(analysis: &Analysis, pseudonyms: &Pseudonyms) -> Analysis {
    anonymise_owned(analysis.clone(), pseudonyms)
}

/// [`anonymise_with`] on an analysis the caller owns, rewritten where it is instead of
/// copied first (the page copies its own shared parts into one).
pub fn anonymise_owned(mut out: Analysis, pseudonyms: &Pseudonyms) -> Analysis {
    pseudonyms.report(&mut out.report);
    for person in &mut out.participants {
        pseudonyms.person(&mut person.id, &mut person.name);
    }
    for node in &mut out.network.nodes {
        pseudonyms.person(&mut node.id, &mut node.name);
    }
    // Channel names may name someone (a DM is named after them), as in the report's spaces.
    for space in &mut out.network.times.spaces {
        *space = pseudonyms.space(space);
    }
    out
}

#[cfg(test)]
mod tests;
