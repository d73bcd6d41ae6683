//! The topics pane: the research topics of the people in scope, with how
//! many work on each, its own filter, and choosing one, which narrows the
//! faculty list by writing `topic:"…"` into the filter line, where the user
//! sees it and can edit it.
//!
//! The counts (the scope's research profile, which the chart draws too)
//! are worked out in `update` when the scope changes, so drawing only reads
//! them.

use super::filter::Keep;
use super::line::LineEdit;
use super::names::Names;
use super::{App, Effect, Scope};
use crate::query;
use crate::topics::{TopicId, Topics};

/// The filter holds at most this many characters: topics are short.
pub const MAX_TOPIC_FILTER_CHARS: usize = 200;

/// How many of the scope's people work on one topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicCount {
    pub topic: TopicId,
    pub people: usize,
}

/// A row of the topics pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicRow {
    /// Row 0 while not filtering: no topic chosen, everyone in scope.
    Any,
    Topic(TopicCount),
}

#[derive(Default)]
pub struct TopicsPane {
    /// Every topic's label, by id, folded for the filter.
    names: Names,
    /// Whose topics `profile` counts.
    profile_of: Option<Scope>,
    /// The scope's topics, most common first.
    profile: Vec<TopicCount>,
    line: LineEdit,
    /// While the filter is set, the topics that match, best first.
    shown: Option<Vec<TopicCount>>,
    /// The topic this pane last wrote into the people's filter, and how.
    written: Option<(TopicId, String)>,
}

impl TopicsPane {
    pub fn new(topics: &Topics) -> TopicsPane {
        TopicsPane {
            names: Names::new(topics.all().iter().map(|topic| topic.label.as_str())),
            ..TopicsPane::default()
        }
    }

    /// The scope's topics, most common first: its research profile.
    pub fn profile(&self) -> &[TopicCount] {
        &self.profile
    }

    pub fn line(&self) -> &LineEdit {
        &self.line
    }

    pub fn is_filtering(&self) -> bool {
        self.shown.is_some()
    }

    pub fn rows(&self) -> usize {
        match &self.shown {
            Some(shown) => shown.len(),
            None => self.profile.len() + 1,
        }
    }

    pub fn row(&self, row: usize) -> Option<TopicRow> {
        match &self.shown {
            Some(shown) => shown.get(row).copied().map(TopicRow::Topic),
            None if row == 0 => Some(TopicRow::Any),
            None => self.profile.get(row - 1).copied().map(TopicRow::Topic),
        }
    }

    /// The topic the people's filter narrows to, if this pane wrote it
    /// and it is still there as written.
    pub fn chosen(&self, filter: &str) -> Option<TopicId> {
        let (topic, text) = self.written.as_ref()?;
        filter.contains(text.as_str()).then_some(*topic)
    }

    /// The row that stands for `topic` (`None`: no topic), if shown.
    fn row_of(&self, topic: Option<TopicId>) -> Option<usize> {
        match (&self.shown, topic) {
            (Some(shown), Some(topic)) => shown.iter().position(|c| c.topic == topic),
            (Some(_), None) => None,
            (None, None) => Some(0),
            (None, Some(topic)) => self
                .profile
                .iter()
                .position(|c| c.topic == topic)
                .map(|at| at + 1),
        }
    }

    /// Ranks the scope's topics for the filter as it now reads;
    /// `alias(id, query)` says whether the query is another way of
    /// writing topic `id` (`ml` for machine learning).
    fn refresh(&mut self, alias: impl Fn(TopicId, &str) -> bool) {
        let query = self.line.text().trim();
        if query.is_empty() {
            self.shown = None;
            return;
        }
        let counts: std::collections::HashMap<usize, usize> = self
            .profile
            .iter()
            .map(|c| (c.topic as usize, c.people))
            .collect();
        let among = self.profile.iter().map(|c| c.topic as usize);
        let ranked = self.names.rank(query, among, |id, query| {
            u32::try_from(id).is_ok_and(|id| alias(id, query))
        });
        self.shown = Some(
            ranked
                .into_iter()
                .filter_map(|id| {
                    Some(TopicCount {
                        topic: u32::try_from(id).ok()?,
                        people: *counts.get(&id)?,
                    })
                })
                .collect(),
        );
    }
}

/// `filter` with `old` (a term written before, if present) replaced by
/// `new`, or `new` added at the end; without `new`, `old` taken out.
fn rewritten(filter: &str, old: Option<&str>, new: Option<&str>) -> String {
    if let Some(old) = old
        && let Some(at) = filter.find(old)
    {
        let (before, after) = (&filter[..at], &filter[at + old.len()..]);
        if let Some(new) = new {
            return format!("{before}{new}{after}");
        }
        let joined = format!("{} {}", before.trim_end(), after.trim_start());
        return joined.trim().to_string();
    }
    match new {
        Some(new) if filter.contains(new) => filter.to_string(),
        Some(new) if filter.trim().is_empty() => new.to_string(),
        Some(new) => format!("{} {new}", filter.trim_end()),
        None => filter.to_string(),
    }
}

impl App {
    /// Keeps the topics pane's counts those of the scope, and its cursor
    /// on the topic chosen.
    pub(super) fn refresh_topics(&mut self) {
        let scope = self.scope();
        // The favorites change without the scope changing: counted afresh
        // each time, and they are a short list.
        if self.topics.profile_of == Some(scope) && scope != Scope::Favorites {
            return;
        }
        let topics = self.catalogue.topics();
        let counts = match scope {
            Scope::All => topics
                .all()
                .iter()
                .enumerate()
                .filter_map(|(id, topic)| Some((u32::try_from(id).ok()?, topic.count)))
                .collect(),
            Scope::School(school) => {
                topics.counts_among(self.catalogue.of_school(school).iter().copied())
            }
            Scope::Favorites => topics.counts_among(self.shortlist.present()),
        };
        let pane = &mut self.topics;
        pane.profile = counts
            .into_iter()
            .map(|(topic, people)| TopicCount { topic, people })
            .collect();
        pane.profile_of = Some(scope);
        self.refresh_topic_filter();
    }

    /// The topics' filter changed or the scope did: the rows are ranked
    /// again and the cursor finds the chosen topic.
    fn refresh_topic_filter(&mut self) {
        let catalogue = &self.catalogue;
        self.topics
            .refresh(|id, query| catalogue.find_topic(query) == Some(id));
        let chosen = self.topics.chosen(self.search.filter());
        let row = self.topics.row_of(chosen).unwrap_or(0);
        self.topic_cursor.select(row, self.topics.rows());
        self.keep_topic_visible();
    }

    /// The topics' filter was edited: its best match is chosen.
    pub(super) fn filter_topics(&mut self, effects: &mut Vec<Effect>) {
        let filtering = !self.topics.line.text().trim().is_empty();
        self.refresh_topic_filter();
        if filtering {
            self.topic_cursor.select(0, self.topics.rows());
        }
        self.choose_topic(effects);
    }

    pub(super) fn topic_line_mut(&mut self) -> &mut LineEdit {
        &mut self.topics.line
    }

    /// Moves the topics pane's cursor to `row`, choosing the topic there.
    pub(super) fn move_topics(&mut self, row: usize, effects: &mut Vec<Effect>) {
        if self.topic_cursor.select(row, self.topics.rows()) {
            self.choose_topic(effects);
        }
        self.keep_topic_visible();
    }

    /// Narrows the faculty list to the topic under the cursor (row 0:
    /// to no topic) by writing it into the people's filter.
    fn choose_topic(&mut self, effects: &mut Vec<Effect>) {
        let topic = match self.topics.row(self.topic_cursor.selected()) {
            Some(TopicRow::Topic(count)) => Some(count.topic),
            Some(TopicRow::Any) => None,
            // A filter that matches no topic chooses nothing new.
            None => return,
        };
        let term = topic.map(|t| query::topic_term(&self.catalogue.topics().get(t).label));
        let old = self.topics.written.as_ref().map(|(_, text)| text.as_str());
        let filter = rewritten(self.search.filter(), old, term.as_deref());
        self.topics.written = topic.zip(term);
        if filter != self.search.filter() {
            self.search.set_filter(&filter);
            self.refilter(Keep::Selection, effects);
        }
    }

    /// The label of the topic chosen here, while its term is in the filter.
    pub(super) fn chosen_topic(&self) -> Option<&str> {
        let topic = self.topics.chosen(self.search.filter())?;
        Some(self.catalogue.topics().get(topic).label.as_str())
    }

    /// The topics pane for the catalogue's topics (after a reload, or at
    /// the start), its filter kept, with `label` chosen again if the
    /// people's filter still holds its term.
    pub(super) fn renew_topics(&mut self, label: Option<&str>) {
        let line = self.topics.line.text().to_owned();
        self.topics = TopicsPane::new(self.catalogue.topics());
        self.topics.line.insert(&line, MAX_TOPIC_FILTER_CHARS);
        if let Some(label) = label {
            let term = query::topic_term(label);
            if let Some(topic) = self.catalogue.find_topic(label)
                && self.search.filter().contains(&term)
            {
                self.topics.written = Some((topic, term));
            }
        }
    }

    pub(super) fn keep_topic_visible(&mut self) {
        let (height, rows) = (self.screen.left_height(), self.topics.rows());
        if height > 0 {
            self.topic_cursor.keep_visible(height, rows);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choosing_replaces_the_term_written_before() {
        let ml = "topic:\"Machine learning\"";
        let db = "topic:\"Databases\"";
        assert_eq!(rewritten("", None, Some(ml)), ml);
        assert_eq!(rewritten("wang", None, Some(ml)), format!("wang {ml}"));
        assert_eq!(
            rewritten(&format!("wang {ml} zhang"), Some(ml), Some(db)),
            format!("wang {db} zhang")
        );
        assert_eq!(
            rewritten(&format!("wang {ml} zhang"), Some(ml), None),
            "wang zhang"
        );
        assert_eq!(rewritten(ml, Some(ml), None), "");
        // Edited away by the user: the new term is added.
        assert_eq!(rewritten("wang", Some(ml), Some(db)), format!("wang {db}"));
        assert_eq!(rewritten(db, None, Some(db)), db, "already there");
    }
}
