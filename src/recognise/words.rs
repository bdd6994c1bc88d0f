//! Search for many known words at once (place names, sectors, organisations), character by
//! character.
//!
//! A [`WordList`] is words with their positions; a [`WordSearch`] looks for one list; a
//! [`WordScan`] looks for several lists in one pass over a document's lines, and gives each
//! list the matches its own search would give.
//!
//! The gazetteer's six thousand place names made aho-corasick's byte DFA 12.6 MB, which
//! scanned Chinese text at about 240 MB/s and pushed the rest of extraction out of the
//! caches. daachorse's character-wise double array holds the same names in under 0.5 MB and
//! scans the same text in about 60% of the time, with the same leftmost-longest matches.

use crate::span::Span;
use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};
use foldhash::{HashSet, HashSetExt};

/// Distinct non-empty words, each with its position in the list they were given in.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordList {
    entries: Vec<(Box<str>, u32)>,
}

impl WordList {
    /// The words of `words`; a word listed twice keeps its first position, and empty words
    /// are left out (they would match everywhere).
    pub(crate) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordList {
        let mut seen = HashSet::new();
        let entries = words
            .into_iter()
            .enumerate()
            .filter(|(_, w)| !w.is_empty() && seen.insert(*w))
            .map(|(i, w)| (w.into(), u32::try_from(i).expect("fewer than 2^32 words")))
            .collect();
        WordList { entries }
    }

    /// Each of `words`, alone or after any of `prefixes` (市委 + 书记, 国家级 + 高新区): the
    /// pattern `(?:PREFIX|…)?(?:WORD|…)` as a list of words. A position is one in that list,
    /// not in `words`.
    pub(crate) fn with_optional_prefixes(prefixes: &[&str], words: &[&str]) -> WordList {
        let all: Vec<String> = std::iter::once("")
            .chain(prefixes.iter().copied())
            .flat_map(|prefix| words.iter().map(move |w| format!("{prefix}{w}")))
            .collect();
        WordList::new(all.iter().map(String::as_str))
    }
}

/// Leftmost-longest search for a list of words: at the first position where any word
/// starts, the longest word there; then on from its end.
pub(crate) struct WordSearch {
    /// Each word's value is its position in the list. `None` for a list without words (the
    /// automaton needs one).
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    /// The words searched for, for a [`WordScan`] that joins this search with others.
    list: WordList,
}

/// A word found: byte offsets into the text searched, and the word's position in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordMatch {
    pub start: usize,
    pub end: usize,
    pub word: usize,
}

impl WordSearch {
    /// A search for `words`; a match reports the position of its word in `words` (see
    /// [`WordList::new`]).
    pub(crate) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordSearch {
        WordSearch::of(WordList::new(words))
    }

    /// A search for the words of `list`.
    pub(crate) fn of(list: WordList) -> WordSearch {
        let automaton = (!list.entries.is_empty()).then(|| {
            CharwiseDoubleArrayAhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build_with_values(list.entries.iter().map(|(w, v)| (&**w, *v)))
                .expect("distinct non-empty words build an automaton")
        });
        WordSearch { automaton, list }
    }

    /// The words searched for.
    pub(crate) fn list(&self) -> &WordList {
        &self.list
    }

    /// The matches in `hay`, in order, none overlapping.
    pub(crate) fn find_iter<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = WordMatch> + 'h {
        self.automaton
            .iter()
            .flat_map(move |a| a.leftmost_find_iter(hay))
            .map(|m| WordMatch {
                start: m.start(),
                end: m.end(),
                word: m.value() as usize,
            })
    }

    /// The first match in `hay`.
    pub(crate) fn find(&self, hay: &str) -> Option<WordMatch> {
        self.find_iter(hay).next()
    }

    /// Whether any word occurs in `hay`.
    pub(crate) fn is_match(&self, hay: &str) -> bool {
        self.find(hay).is_some()
    }
}

/// Several [`WordSearch`]es in one pass: one automaton holds the words of every list, and a
/// scan of a document's lines finds each occurrence of each word once. Each list then gets
/// exactly the matches of its own search (see [`FoundWords::matches`]).
///
/// Searched one by one, five lists (places, zones, organisations, titles, sectors) read
/// every line five times: on the generated 1k corpus the five passes took 35 ms and one pass
/// over their union 11 ms. The extractor's scan holds sixteen lists.
pub(crate) struct WordScan {
    /// Overlapping matches (every occurrence of every word); a word's value indexes `owners`.
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    /// For each distinct word, the lists that hold it and its value in each: a range of
    /// `owner_list`.
    owners: Vec<std::ops::Range<u32>>,
    owner_list: Vec<(u32, u32)>,
    lists: usize,
}

impl WordScan {
    /// A scan for the words of each of `lists`, list `i` being `lists[i]`.
    pub(crate) fn new(lists: &[&WordList]) -> WordScan {
        let mut ids: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
        let mut holders: Vec<Vec<(u32, u32)>> = Vec::new();
        for (list, words) in lists.iter().enumerate() {
            let list = u32::try_from(list).expect("fewer than 2^32 lists");
            for (word, value) in &words.entries {
                let id = *ids.entry(word).or_insert_with(|| {
                    holders.push(Vec::new());
                    holders.len() - 1
                });
                holders[id].push((list, *value));
            }
        }
        let mut owners = Vec::with_capacity(holders.len());
        let mut owner_list = Vec::new();
        for h in holders {
            let start = owner_list.len() as u32;
            owner_list.extend(h);
            owners.push(start..owner_list.len() as u32);
        }
        let automaton = (!ids.is_empty()).then(|| {
            CharwiseDoubleArrayAhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build_with_values(ids.iter().map(|(w, id)| (*w, *id as u32)))
                .expect("distinct non-empty words build an automaton")
        });
        WordScan {
            automaton,
            owners,
            owner_list,
            lists: lists.len(),
        }
    }

    /// Every occurrence of every list's words in the `lines` of `text` (byte spans, none
    /// straddling another).
    pub(crate) fn scan(&self, text: &str, lines: &[Span]) -> FoundWords {
        let mut found = FoundWords {
            occurrences: vec![Vec::new(); self.lists],
        };
        let Some(automaton) = &self.automaton else {
            return found;
        };
        for line in lines {
            for m in automaton.find_overlapping_iter(&text[line.range()]) {
                let (start, end) = (line.start + m.start(), line.start + m.end());
                let owners = &self.owners[m.value() as usize];
                for &(list, word) in &self.owner_list[owners.start as usize..owners.end as usize] {
                    let list = &mut found.occurrences[list as usize];
                    // Kept by start, and the longest first among those that share it: the
                    // order the leftmost-longest walk takes them in. Occurrences come by
                    // their ends, so one goes right after the last that starts before it (a
                    // word or two back: those after that lie inside it, or share its start
                    // and are shorter).
                    let at = list.iter().rposition(|p| p.start < start).map_or(0, |i| i + 1);
                    list.insert(
                        at,
                        WordMatch {
                            start,
                            end,
                            word: word as usize,
                        },
                    );
                }
            }
        }
        found
    }
}

/// What a [`WordScan`] found in one document: every occurrence of each list's words.
#[derive(Debug, Clone, Default)]
pub(crate) struct FoundWords {
    /// For each list, its words' occurrences by start, the longest first at each start.
    occurrences: Vec<Vec<WordMatch>>,
}

impl FoundWords {
    /// The matches of list `list` in `within` (a span of one scanned line, or part of
    /// one): what that list's [`WordSearch::find_iter`] gives for the text of `within`, in
    /// order and none overlapping, with offsets into the document.
    pub(crate) fn matches(&self, list: usize, within: Span) -> impl Iterator<Item = WordMatch> + '_ {
        // The first occurrence that starts at or after the last one's end: the longest at
        // its start, since those come first.
        let mut from = within.start;
        self.inside(list, within).filter(move |m| {
            let next = m.start >= from;
            if next {
                from = m.end;
            }
            next
        })
    }

    /// Every place in `within` where a word of list `list` starts, with the longest word
    /// there that ends inside `within`, in order, overlapping or not: what
    /// [`every_start`](super::text::every_start) gives for that list's words.
    pub(crate) fn starts(&self, list: usize, within: Span) -> impl Iterator<Item = WordMatch> + '_ {
        // The first occurrence at each start: the longest there.
        let mut last_start = None;
        self.inside(list, within)
            .filter(move |m| last_start.replace(m.start) != Some(m.start))
    }

    /// Every occurrence of list `list`, by start, the longest first at each start.
    pub(crate) fn all(&self, list: usize) -> &[WordMatch] {
        self.occurrences.get(list).map_or(&[][..], Vec::as_slice)
    }

    /// The occurrences of list `list` that lie inside `within`, in the list's order.
    fn inside(&self, list: usize, within: Span) -> impl Iterator<Item = WordMatch> + '_ {
        let all = self.all(list);
        let first = all.partition_point(|m| m.start < within.start);
        all[first..]
            .iter()
            .take_while(move |m| m.start < within.end)
            .filter(move |m| m.end <= within.end)
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;
    use proptest::prelude::*;

    #[test]
    fn longest_word_at_the_first_start() {
        let search = WordSearch::new(["英德", "英德市", "德市", "清远"]);
        let text = "英德市委,清远英德";
        let found: Vec<(&str, usize)> = search
            .find_iter(text)
            .map(|m| (&text[m.start..m.end], m.word))
            .collect();
        assert_eq!(found, [("英德市", 1), ("清远", 3), ("英德", 0)]);
        assert!(!WordSearch::new(["", "广州"]).is_match("深圳"));
        assert!(!WordSearch::new(std::iter::empty()).is_match("深圳"));
    }

    proptest! {
        /// Each list of a scan gets exactly what its own search finds, in a whole line and in
        /// any part of one, whatever words the lists share.
        #[test]
        fn a_scan_gives_each_list_its_own_matches(
            lists in proptest::collection::vec(proptest::collection::vec("[英德市清远a-c]{1,4}", 0..8), 1..4),
            text in "[英德市清远a-c，。\n]{0,60}",
            cuts in proptest::collection::vec((0usize..80, 0usize..80), 0..4),
        ) {
            let searches: Vec<WordSearch> = lists.iter().map(|l| WordSearch::new(l.iter().map(String::as_str))).collect();
            let scan = WordScan::new(&searches.iter().map(WordSearch::list).collect::<Vec<_>>());
            let mut lines = Vec::new();
            let mut at = 0;
            for line in text.split('\n') {
                lines.push(Span::new(at, at + line.len()));
                at += line.len() + 1;
            }
            let found = scan.scan(&text, &lines);
            for (list, search) in searches.iter().enumerate() {
                for line in &lines {
                    let mut parts = vec![*line];
                    for (a, b) in &cuts {
                        let bounds: Vec<usize> = (line.start..=line.end).filter(|i| text.is_char_boundary(*i)).collect();
                        let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
                        parts.push(Span::new(a.min(b), a.max(b)));
                    }
                    for part in parts {
                        let expected: Vec<WordMatch> = search
                            .find_iter(&text[part.range()])
                            .map(|m| WordMatch { start: part.start + m.start, end: part.start + m.end, word: m.word })
                            .collect();
                        prop_assert_eq!(found.matches(list, part).collect::<Vec<_>>(), expected);
                        let set = super::super::text::literal_set(&lists[list].iter().map(String::as_str).collect::<Vec<_>>());
                        let every: Vec<(usize, usize)> = super::super::text::every_start(&set, &text[part.range()])
                            .map(|m| (part.start + m.start(), part.start + m.end()))
                            .collect();
                        prop_assert_eq!(found.starts(list, part).map(|m| (m.start, m.end)).collect::<Vec<_>>(), every);
                    }
                }
            }
        }
    }

    proptest! {
        /// The same matches as aho-corasick's leftmost-longest search over the same words,
        /// duplicates and all (the first of equal words is reported).
        #[test]
        fn matches_as_aho_corasick_does(
            words in proptest::collection::vec("[英德市清远a-c]{1,4}", 1..12),
            text in "[英德市清远a-c，。 ]{0,40}",
        ) {
            let ac = AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(&words)
                .unwrap();
            let expected: Vec<WordMatch> = ac
                .find_iter(&text)
                .map(|m| WordMatch { start: m.start(), end: m.end(), word: m.pattern().as_usize() })
                .collect();
            let search = WordSearch::new(words.iter().map(String::as_str));
            prop_assert_eq!(search.find_iter(&text).collect::<Vec<_>>(), expected);
        }
    }
}
