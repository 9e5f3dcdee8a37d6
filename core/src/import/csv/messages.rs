//! A message list: one message per row, its author, time, reply target and mentions.

use std::collections::{HashMap, HashSet};

use ::csv::StringRecord;

use super::{values, Role, Table};
use crate::import::absent;
use crate::import::error::ImportError;
use crate::import::INFERRED_REPLIES;
use crate::model::{distinct, work, Dataset, Message, Person, PersonIdx};

impl Table<'_> {
    /// Reads a message list; returns the rows read and the channels they fill.
    pub(super) fn messages(
        &self,
        dataset: &mut Dataset,
    ) -> Result<(u64, Vec<String>), ImportError> {
        let infer = self.columns.at(Role::ReplyTo).is_none();
        if infer {
            dataset.warnings.push(format!(
                "{}: there is no reply_to column, so {INFERRED_REPLIES}",
                self.file
            ));
        }
        let mut people = People::default();
        // Authors first (a mention may name someone who writes later), then the
        // messages: two reads of the file rather than every row held.
        let mut authors = Vec::new();
        self.rows.each(|line, row| {
            authors.push(self.author(line, row, &mut people, dataset)?);
            Ok(())
        })?;
        let (mut spaces, mut estimated) = (Vec::new(), 0usize);
        let mut named = HashSet::new();
        let mut author_of = authors.iter().copied();
        self.rows.each(|line, row| {
            let author = author_of.next().unwrap_or_default();
            let message = self.message(line, row, author, &mut people, dataset, infer)?;
            estimated += usize::from(message.time_estimated);
            // Each channel once, in order, through a set: 100 000 channels stay linear.
            let space = dataset.spaces.get(message.space as usize);
            work::add(1);
            if let Some(space) = space.filter(|s| !named.contains(&s.name)) {
                named.insert(space.name.clone());
                spaces.push(space.name.clone());
            }
            dataset.push_message(message);
            Ok(())
        })?;
        if estimated > 0 {
            dataset.warnings.push(format!(
                "{}: {estimated} times had no time zone; UTC was assumed.",
                self.file
            ));
        }
        Ok((authors.len() as u64, spaces))
    }

    fn author(
        &self,
        line: usize,
        row: &StringRecord,
        people: &mut People,
        dataset: &mut Dataset,
    ) -> Result<PersonIdx, ImportError> {
        let (name, id) = (self.cell(row, Role::Author), self.cell(row, Role::AuthorId));
        if name.is_empty() && id.is_empty() {
            let what = "the cell is empty; every message needs an author".to_string();
            return Err(self.error(line, Role::Author, what));
        }
        let id = if id.is_empty() { name } else { id };
        let placeholder = absent::is_placeholder(id, name);
        let person = Person::named(id, name)
            .with_bot(values::truthy(self.cell(row, Role::Bot)))
            .with_placeholder(placeholder)
            .with_deleted(!placeholder && absent::is_deleted(name));
        Ok(people.add(person, dataset))
    }

    fn message(
        &self,
        line: usize,
        row: &StringRecord,
        author: PersonIdx,
        people: &mut People,
        dataset: &mut Dataset,
        infer: bool,
    ) -> Result<Message, ImportError> {
        let (time_ms, time_estimated) = self.time(line, row)?;
        let parent = Some(self.cell(row, Role::ReplyTo))
            .filter(|p| !p.is_empty())
            .map(str::to_string);
        let mut mentions: Vec<PersonIdx> = Vec::new();
        for token in values::mention_list(self.cell(row, Role::Mentions)) {
            mentions.push(people.resolve(token, dataset));
        }
        let mentions = distinct(mentions);
        let text = self.cell(row, Role::Text);
        let id = match self.cell(row, Role::Id) {
            "" => format!("{}:{line}", self.file),
            id => id.to_string(),
        };
        Ok(
            Message::new(self.space(row, dataset, infer), id, author, time_ms)
                .with_time_estimated(time_estimated)
                .with_parent(parent)
                .with_mentions(mentions)
                .with_reactions(values::reactions(self.cell(row, Role::Reactions)))
                .with_text(text),
        )
    }
}

/// The authors of one file, found by id or by name, for resolving mentions.
#[derive(Default)]
struct People {
    by_id: HashMap<String, PersonIdx>,
    by_name: HashMap<String, Vec<PersonIdx>>,
}

impl People {
    fn add(&mut self, person: Person, dataset: &mut Dataset) -> PersonIdx {
        let key = person.name.to_lowercase();
        let id = person.id.clone();
        let idx = dataset.intern_person(person);
        self.by_id.insert(id, idx);
        let same_name = self.by_name.entry(key).or_default();
        if !same_name.contains(&idx) {
            same_name.push(idx);
        }
        idx
    }

    /// A mentioned id, else the one author with that name, else a new person with that
    /// id (the column says they were mentioned, even if they never wrote).
    fn resolve(&mut self, token: &str, dataset: &mut Dataset) -> PersonIdx {
        if let Some(&idx) = self.by_id.get(token) {
            return idx;
        }
        if let Some([idx]) = self.by_name.get(&token.to_lowercase()).map(Vec::as_slice) {
            return *idx;
        }
        self.add(Person::named(token, token), dataset)
    }
}
