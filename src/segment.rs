//! Stage 3, **segment**: words, by jieba-rs, with the project's lexicons added.
//!
//! The segmenter is built once per [`Extractor`](crate::Extractor): jieba's dictionary plus
//! every place name of the gazetteer, every title, industry and organisation of the lexicon,
//! so that 英德市委书记 splits as 英德市/委/书记 and not at random. Recognisers use the words
//! for boundaries: a short place name must be a whole word, a person's name is the word
//! after a title.

use crate::span::Span;
use jieba_rs::Jieba;

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
        if !self.jieba.has_word(word) {
            return false;
        }
        let tags = self.jieba.tag(word, false);
        match tags.as_slice() {
            [t] => {
                t.word == word && !matches!(t.tag, "ns" | "nr" | "nrt" | "nz") && self.jieba.suggest_freq(word) >= 500
            }
            _ => false,
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
        if !self.jieba.has_word(word) {
            return true;
        }
        let tags = self.jieba.tag(word, false);
        matches!(tags.as_slice(), [t] if t.tag.starts_with("nr"))
    }

    /// Whether `word` is a frequent word of the dictionary (发展, 表示): the given name of a
    /// person is not.
    pub fn is_frequent(&self, word: &str) -> bool {
        self.jieba.has_word(word) && self.jieba.suggest_freq(word) >= 2000
    }

    /// The underlying jieba, e.g. to look up a word's frequency.
    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }

    /// Segments every span of `text` in `spans` (HMM on, for unknown names).
    pub fn segment(&self, text: &str, spans: &[Span]) -> Tokens {
        let mut words = Vec::new();
        for span in spans {
            let piece = &text[span.range()];
            for t in self.jieba.cut(piece, true) {
                words.push(Span::new(span.start + t.byte_start, span.start + t.byte_end));
            }
        }
        Tokens { words }
    }
}

/// The words of a document's body, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    /// Word spans, sorted and non-overlapping.
    pub words: Vec<Span>,
}

impl Tokens {
    /// Whether a word starts at byte `pos`.
    pub fn starts_at(&self, pos: usize) -> bool {
        self.words.binary_search_by_key(&pos, |w| w.start).is_ok()
    }

    /// Whether a word ends at byte `pos`.
    pub fn ends_at(&self, pos: usize) -> bool {
        self.words.binary_search_by(|w| w.end.cmp(&pos)).is_ok()
    }

    /// Whether `span` starts and ends on word boundaries.
    pub fn aligned(&self, span: Span) -> bool {
        self.starts_at(span.start) && self.ends_at(span.end)
    }

    /// The word that starts at `pos`.
    pub fn word_at(&self, pos: usize) -> Option<Span> {
        self.words
            .binary_search_by_key(&pos, |w| w.start)
            .ok()
            .map(|i| self.words[i])
    }

    /// The word that covers byte `pos` (starts at or before it, ends after it).
    pub fn word_covering(&self, pos: usize) -> Option<Span> {
        let i = self.words.partition_point(|w| w.start <= pos);
        let w = *self.words.get(i.checked_sub(1)?)?;
        (w.end > pos).then_some(w)
    }

    /// The word that ends at `pos`.
    pub fn word_ending_at(&self, pos: usize) -> Option<Span> {
        self.words
            .binary_search_by(|w| w.end.cmp(&pos))
            .ok()
            .map(|i| self.words[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_words_are_kept_whole() {
        let seg = Segmenter::new([("英德市", "ns"), ("市委书记", "n")]);
        let text = "英德市委书记张杨彬表示";
        let toks = seg.segment(text, &[Span::new(0, text.len())]);
        let words: Vec<&str> = toks.words.iter().map(|w| &text[w.range()]).collect();
        assert!(words.contains(&"张杨彬"), "{words:?}");
        assert!(toks.starts_at(0));
        assert!(toks.ends_at(text.len()));
    }
}
