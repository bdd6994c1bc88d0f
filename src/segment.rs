//! Stage 3, **segment**: words, by jieba-rs, with the project's lexicons added.
//!
//! The segmenter is built once per [`Extractor`](crate::Extractor): jieba's dictionary plus
//! every place name of the gazetteer, every title, industry and organisation of the lexicon,
//! so that 英德市委书记 splits as 英德市/委/书记 and not at random. Recognisers use the words
//! for boundaries: a short place name must be a whole word, a person's name is the word
//! after a title.

use crate::span::Span;
use jieba_rs::Jieba;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// A jieba instance with the project's words added.
pub struct Segmenter {
    jieba: Jieba,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter").finish_non_exhaustive()
    }
}

impl Segmenter {
    /// jieba's default dictionary plus `words` (word, tag), each added with a frequency high
    /// enough to win over the dictionary's splits.
    pub fn new<'a>(words: impl IntoIterator<Item = (&'a str, &'a str)>) -> Segmenter {
        let mut seg = Segmenter { jieba: Jieba::new() };
        seg.add_words(words);
        seg
    }

    /// Adds words (word, tag) after construction, each with a frequency high enough to win
    /// over the dictionary's splits.
    pub fn add_words<'a>(&mut self, words: impl IntoIterator<Item = (&'a str, &'a str)>) {
        for (word, tag) in words {
            if word.chars().count() >= 2 {
                let freq = self.jieba.suggest_freq(word).max(1000);
                self.jieba.add_word(word, Some(freq), Some(tag));
            }
        }
    }

    /// Whether `word` is an ordinary word of jieba's dictionary: frequent, and tagged other
    /// than a place or person name (通道, 和平, 东方 — but not 南山, 长安).
    pub fn is_common_word(&self, word: &str) -> bool {
        self.dictionary_tag(word)
            .is_some_and(|tag| !matches!(tag, "ns" | "nr" | "nrt" | "nz") && self.jieba.suggest_freq(word) >= 500)
    }

    /// How often jieba's dictionary (with the added words) counts `word`, when it holds it.
    fn dictionary_freq(&self, word: &str) -> Option<usize> {
        self.jieba.has_word(word).then(|| self.jieba.suggest_freq(word))
    }

    /// The tag jieba's dictionary (with the added words) gives `word`, when it holds it and
    /// tags it as one word.
    fn dictionary_tag<'a>(&'a self, word: &'a str) -> Option<&'a str> {
        if !self.jieba.has_word(word) {
            return None;
        }
        match self.jieba.tag(word, false).as_slice() {
            [t] if t.word == word => Some(t.tag),
            _ => None,
        }
    }

    /// Whether jieba's dictionary (with the added words) holds `word`. A word it does not
    /// hold was guessed by the HMM: most often a name (古雷, 利和兴, 张国旺).
    pub fn knows(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// Whether `word` may be a person's name: unknown to the dictionary (the HMM guessed
    /// it), or known with a person-name tag (习近平). 关于, 党组织 are not.
    pub fn may_be_name(&self, word: &str) -> bool {
        !self.jieba.has_word(word) || self.dictionary_tag(word).is_some_and(|tag| tag.starts_with("nr"))
    }

    /// Whether jieba's dictionary tags `word` as a function word: a conjunction,
    /// preposition, particle, adverb or pronoun (和, 在, 的, 也, 这).
    pub fn is_function_word(&self, word: &str) -> bool {
        self.dictionary_tag(word)
            .is_some_and(|tag| tag.starts_with(['c', 'p', 'u', 'd', 'r']))
    }

    /// Whether jieba's dictionary tags `word` as a verb (`v`: 批准, 发布), not a verbal noun.
    pub fn is_verb(&self, word: &str) -> bool {
        self.dictionary_tag(word) == Some("v")
    }

    /// Whether jieba's dictionary tags `word` as a person's or a place's name (`nr`, `nrt`,
    /// `nrfg`, `ns`): transliterated names are often held as places (阿不都热依木, 扎西).
    pub fn has_name_tag(&self, word: &str) -> bool {
        self.dictionary_tag(word)
            .is_some_and(|tag| tag.starts_with("nr") || tag == "ns")
    }

    /// Whether jieba's dictionary (with the added words) tags `word` as the name of an
    /// organisation or institution (`nt`: 浦东国际机场, 首都国际机场). Its place tags are left
    /// out: the dictionary gives `ns` to ordinary words too (临街).
    pub fn is_organisation_name(&self, word: &str) -> bool {
        self.dictionary_tag(word) == Some("nt")
    }

    /// Whether `word` is a frequent word of the dictionary (发展, 表示): the given name of a
    /// person is not.
    pub fn is_frequent(&self, word: &str) -> bool {
        self.dictionary_freq(word).is_some_and(|f| f >= 2000)
    }

    /// Whether two characters of `w` in a row are a frequent word: rare phrases the dictionary
    /// holds (主持会议, 出席会议) and verbs inside a run (年当选) are made of common words; names
    /// (毕力格, 努尔买买提, 苟坝) are not.
    pub fn holds_frequent_word(&self, w: &str) -> bool {
        let starts: Vec<usize> = w.char_indices().map(|(i, _)| i).chain([w.len()]).collect();
        starts.windows(3).any(|s| self.is_frequent(&w[s[0]..s[2]]))
    }

    /// Whether `word` is in the dictionary but rare there (fewer than 50 occurrences in its
    /// counts): 方明 (4) and 方平 (24) are names the dictionary happens to hold as nouns;
    /// 齐心 (89), 钱包 (98), 方面 (26,963) are words.
    pub fn is_rare(&self, word: &str) -> bool {
        self.dictionary_freq(word).is_some_and(|f| f < 50)
    }

    /// The underlying jieba, e.g. to look up a word's frequency.
    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }

    /// The words of the `spans` of `text` (HMM on, for unknown names), segmented on demand:
    /// see [`Tokens`].
    pub fn segment<'a>(&'a self, text: &'a str, spans: &'a [Span]) -> Tokens<'a> {
        Tokens {
            text,
            spans,
            segmenter: self,
            marks: RefCell::new(vec![Mark::UNSEGMENTED; text.len()]),
            long_words: RefCell::new(BTreeMap::new()),
        }
    }
}

/// Whether jieba puts `c` in a run it segments with its dictionary (CJK, ASCII letters and
/// digits, `+#&._%-`); every other character is a word by itself. This mirrors jieba-rs 0.11's
/// private `is_han_default`: the test `lazy_words_are_jiebas_words` fails if they part.
fn in_dictionary_run(c: char) -> bool {
    // The common cases first: the main CJK block, then ASCII.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        true
    } else if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
    } else {
        matches!(c,
            '\u{3400}'..='\u{4DBF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2B73F}'
            | '\u{2B740}'..='\u{2B81F}'
            | '\u{2B820}'..='\u{2CEAF}'
            | '\u{2CEB0}'..='\u{2EBEF}'
            | '\u{2F800}'..='\u{2FA1F}')
    }
}

/// The words of a document's body, segmented on demand.
///
/// jieba cuts a line run by run: a maximal run of dictionary characters (CJK, ASCII letters
/// and digits, `+#&._%-`) is segmented on its own, and any other character is a word by
/// itself. So the words around a position depend only on the run that holds it, and a
/// recogniser asking whether a candidate starts on a word boundary needs that run alone
/// segmented. Runs are segmented the first time they are asked about and remembered; most of
/// a page is never asked about. [`words`](Tokens::words) segments everything, and gives
/// exactly what jieba's `cut` gives for each span.
pub struct Tokens<'a> {
    text: &'a str,
    spans: &'a [Span],
    segmenter: &'a Segmenter,
    /// A [`Mark`] for each byte of the text: for the bytes of the runs segmented so far,
    /// where the word that holds the byte starts and how long it is. A word is then found
    /// from its mark alone, with no map of runs to search and no scan.
    marks: RefCell<Vec<Mark>>,
    /// Words longer than [`LONG_WORD`] bytes (a run of ASCII letters is one word, however
    /// long), start → end; their bytes are marked [`Mark::IN_LONG_WORD`].
    long_words: RefCell<BTreeMap<usize, usize>>,
}

/// What [`Tokens`] knows of one byte of the text: nothing yet, or the word that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    /// 0 for a byte of no run segmented yet; [`Mark::IN_LONG_WORD`] for a byte of a word longer
    /// than [`LONG_WORD`]; otherwise one more than the byte's offset in its word.
    back: u8,
    /// The length of the word, in bytes (up to [`LONG_WORD`]).
    len: u8,
}

impl Mark {
    const UNSEGMENTED: Mark = Mark { back: 0, len: 0 };
    const IN_LONG_WORD: u8 = u8::MAX;

    fn is_segmented(self) -> bool {
        self.back != 0
    }
}

/// The longest word, in bytes, that marks hold; longer ones are looked up by their start.
const LONG_WORD: usize = 32;
// A mark's offsets and lengths fit in a byte, below the long-word mark.
const _: () = assert!(LONG_WORD < Mark::IN_LONG_WORD as usize);

impl std::fmt::Debug for Tokens<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let marks = self.marks.borrow();
        f.debug_struct("Tokens")
            .field("spans", &self.spans)
            .field("segmented_bytes", &marks.iter().filter(|m| m.is_segmented()).count())
            .finish_non_exhaustive()
    }
}

impl Tokens<'_> {
    /// Every word of the body, in text order: word spans, sorted and non-overlapping.
    pub fn words(&self) -> Vec<Span> {
        let mut out = Vec::new();
        for span in self.spans {
            self.push_words(*span, &mut out);
        }
        out
    }

    /// The words lying wholly inside `within`, in text order.
    pub fn words_in(&self, within: Span) -> Vec<Span> {
        let mut out = Vec::new();
        let first = self.spans.partition_point(|s| s.end <= within.start);
        for span in &self.spans[first..] {
            if span.start >= within.end {
                break;
            }
            let part = Span::new(span.start.max(within.start), span.end.min(within.end));
            self.push_words(part, &mut out);
        }
        out.retain(|w| within.contains(*w));
        out
    }

    /// Pushes the words of the body that overlap `part` (which lies inside one body span).
    fn push_words(&self, part: Span, out: &mut Vec<Span>) {
        let mut pos = part.start;
        while pos < part.end {
            let Some(w) = self.word_covering(pos) else { break };
            out.push(w);
            pos = w.end;
        }
    }

    /// Whether a word starts at byte `pos`.
    pub fn starts_at(&self, pos: usize) -> bool {
        self.word_at(pos).is_some()
    }

    /// Whether a word ends at byte `pos`.
    pub fn ends_at(&self, pos: usize) -> bool {
        self.word_ending_at(pos).is_some()
    }

    /// Whether `span` starts and ends on word boundaries.
    pub fn aligned(&self, span: Span) -> bool {
        self.starts_at(span.start) && self.ends_at(span.end)
    }

    /// The word that starts at `pos`.
    pub fn word_at(&self, pos: usize) -> Option<Span> {
        self.word_covering(pos).filter(|w| w.start == pos)
    }

    /// The word that ends at `pos`.
    pub fn word_ending_at(&self, pos: usize) -> Option<Span> {
        let before = pos.checked_sub(1)?;
        self.word_covering(before).filter(|w| w.end == pos)
    }

    /// The word that covers byte `pos` (starts at or before it, ends after it).
    pub fn word_covering(&self, pos: usize) -> Option<Span> {
        // A byte of a run segmented already: its mark says where its word is. Recognisers
        // ask about the same few runs again and again.
        if let Some(word) = self.marked_word(pos) {
            return word;
        }
        let text = self.text;
        let i = self.spans.partition_point(|s| s.end <= pos);
        let span = *self.spans.get(i).filter(|s| s.start <= pos)?;
        let mut at = pos;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let c = text[at..].chars().next()?;
        if !in_dictionary_run(c) {
            // A word by itself; jieba keeps \r\n together.
            let end = at + c.len_utf8();
            if c == '\r' && text[end..span.end].starts_with('\n') {
                return Some(Span::new(at, end + 1));
            }
            if c == '\n' && text[span.start..at].ends_with('\r') {
                return Some(Span::new(at - 1, end));
            }
            return Some(Span::new(at, end));
        }
        self.segment_run(span, at);
        self.marked_word(at).flatten()
    }

    /// The word that covers byte `pos`, when the run that holds it has been segmented.
    fn marked_word(&self, pos: usize) -> Option<Option<Span>> {
        let mark = *self.marks.borrow().get(pos)?;
        match mark.back {
            0 => None,
            Mark::IN_LONG_WORD => {
                let long_words = self.long_words.borrow();
                Some(
                    long_words
                        .range(..=pos)
                        .next_back()
                        .map(|(&start, &end)| Span::new(start, end)),
                )
            }
            back => {
                let start = pos + 1 - usize::from(back);
                Some(Some(Span::new(start, start + usize::from(mark.len))))
            }
        }
    }

    /// Segments the run of dictionary characters around byte `at` (a character boundary
    /// inside `span`, the body span that holds it) and marks its words.
    fn segment_run(&self, span: Span, at: usize) {
        let text = self.text;
        // The run around `at`, within its body span.
        let start = span.start
            + text[span.start..at]
                .char_indices()
                .rev()
                .take_while(|(_, c)| in_dictionary_run(*c))
                .last()
                .map_or(at - span.start, |(i, _)| i);
        let end = at
            + text[at..span.end]
                .char_indices()
                .find(|(_, c)| !in_dictionary_run(*c))
                .map_or(span.end - at, |(i, _)| i);
        let mut marks = self.marks.borrow_mut();
        for t in self.segmenter.jieba.cut(&text[start..end], true) {
            let word = (start + t.byte_start)..(start + t.byte_end);
            if word.len() > LONG_WORD {
                marks[word.clone()].fill(Mark {
                    back: Mark::IN_LONG_WORD,
                    len: 0,
                });
                self.long_words.borrow_mut().insert(word.start, word.end);
            } else {
                let len = word.len() as u8;
                for (offset, mark) in marks[word].iter_mut().enumerate() {
                    *mark = Mark {
                        back: offset as u8 + 1,
                        len,
                    };
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn added_words_are_kept_whole() {
        let seg = Segmenter::new([("英德市", "ns"), ("市委书记", "n")]);
        let text = "英德市委书记张杨彬表示";
        let spans = [Span::new(0, text.len())];
        let toks = seg.segment(text, &spans);
        let words: Vec<&str> = toks.words().iter().map(|w| &text[w.range()]).collect();
        assert!(words.contains(&"张杨彬"), "{words:?}");
        assert!(toks.starts_at(0));
        assert!(toks.ends_at(text.len()));
        assert!(!toks.starts_at(3), "英德市 is one word");
    }

    fn shared() -> &'static Segmenter {
        static SEG: std::sync::LazyLock<Segmenter> = std::sync::LazyLock::new(|| Segmenter::new([("英德市", "ns")]));
        &SEG
    }

    /// jieba's words of each span of `text`, as byte spans of `text`.
    fn jieba_words(seg: &Segmenter, text: &str, spans: &[Span]) -> Vec<Span> {
        spans
            .iter()
            .flat_map(|s| {
                seg.jieba
                    .cut(&text[s.range()], true)
                    .into_iter()
                    .map(move |t| Span::new(s.start + t.byte_start, s.start + t.byte_end))
            })
            .collect()
    }

    /// Asks `tokens` about byte `p` and checks each answer against a scan of `expected`.
    fn check_point(tokens: &Tokens<'_>, expected: &[Span], text: &str, p: usize) -> Result<(), TestCaseError> {
        let covering = expected.iter().copied().find(|w| w.start <= p && p < w.end);
        prop_assert_eq!(tokens.word_covering(p), covering, "covering {}", p);
        prop_assert_eq!(tokens.word_at(p), expected.iter().copied().find(|w| w.start == p));
        prop_assert_eq!(tokens.word_ending_at(p), expected.iter().copied().find(|w| w.end == p));
        let within = Span::new(p.min(text.len()), text.len());
        let inside: Vec<Span> = expected.iter().copied().filter(|w| within.contains(*w)).collect();
        prop_assert_eq!(tokens.words_in(within), inside);
        Ok(())
    }

    #[test]
    fn words_longer_than_a_mark_holds_are_found_whole() {
        // A run of ASCII letters is one word, however long; so is a long added word.
        let seg = Segmenter::new([("鄂尔多斯高新技术产业开发区管理委员会", "nt")]);
        let text = format!(
            "英德市{}发展，鄂尔多斯高新技术产业开发区管理委员会{}表示x{}",
            "a".repeat(100),
            "1b".repeat(40),
            "z".repeat(33)
        );
        let spans = [Span::new(0, 20), Span::new(20, text.len())];
        let expected = jieba_words(&seg, &text, &spans);
        assert!(
            expected.iter().filter(|w| w.len() > LONG_WORD).count() >= 4,
            "{expected:?}"
        );
        // Asked in one order, then in the reverse order, of a fresh set of tokens.
        let forward = seg.segment(&text, &spans);
        let backward = seg.segment(&text, &spans);
        for p in 0..=text.len() + 1 {
            check_point(&forward, &expected, &text, p).unwrap();
            check_point(&backward, &expected, &text, text.len() + 1 - p).unwrap();
        }
        assert_eq!(forward.words(), expected);
        // Each long word is found through the map: its length fits in no mark.
        let long = expected.iter().filter(|w| w.len() > LONG_WORD).count();
        assert_eq!(forward.long_words.borrow().len(), long);
    }

    proptest! {
        /// Segmenting run by run, on demand, gives exactly jieba's words for each span, and
        /// every point query agrees with a scan of them, whatever order they are asked in.
        #[test]
        fn lazy_words_are_jiebas_words(
            text in "[英德市委书记张杨彬表示发展产业a-cX1-3 ，、。（）\\r\\n.%+#·—]{0,40}",
            cuts in proptest::collection::vec(0usize..200, 0..4),
            probes in proptest::collection::vec(0usize..200, 0..12),
        ) {
            let seg = shared();
            // Spans on char boundaries, in order.
            let bounds: Vec<usize> = (0..=text.len()).filter(|i| text.is_char_boundary(*i)).collect();
            let mut points: Vec<usize> = cuts.iter().map(|c| bounds[c % bounds.len()]).collect();
            points.push(0);
            points.push(text.len());
            points.sort();
            points.dedup();
            let spans: Vec<Span> = points.windows(2).map(|w| Span::new(w[0], w[1])).step_by(2).collect();
            let expected = jieba_words(seg, &text, &spans);
            let tokens = seg.segment(&text, &spans);
            for &p in &probes {
                check_point(&tokens, &expected, &text, p % (text.len() + 2))?;
            }
            prop_assert_eq!(tokens.words(), expected);
        }
    }
}
