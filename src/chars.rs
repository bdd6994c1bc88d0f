//! Look-ups by character, built once: the figure scanner and the recognisers ask them of
//! nearly every character of a page.

/// A set of characters given by a test, answered by one bit look-up for the Basic
/// Multilingual Plane (the test runs once per BMP character, when the set is built) and by the
/// test itself beyond it.
pub(crate) struct CharSet {
    bmp: Vec<u64>,
    test: fn(char) -> bool,
}

impl CharSet {
    pub(crate) fn new(test: fn(char) -> bool) -> CharSet {
        let mut bmp = vec![0u64; 0x10000 / 64];
        for c in (0..0x10000u32).filter_map(char::from_u32).filter(|c| test(*c)) {
            bmp[c as usize / 64] |= 1 << (c as usize % 64);
        }
        CharSet { bmp, test }
    }

    pub(crate) fn contains(&self, c: char) -> bool {
        match c as usize {
            i @ 0..0x10000 => self.bmp[i / 64] & (1 << (i % 64)) != 0,
            _ => (self.test)(c),
        }
    }
}

/// `items` grouped by the first character of their word, each group in the order of `items`:
/// a word list searched with `starts_with` is then asked only of the words that can match.
pub(crate) fn by_first_char<T: Copy>(items: &[T], word: impl Fn(&T) -> &str) -> foldhash::HashMap<char, Vec<T>> {
    let mut groups: foldhash::HashMap<char, Vec<T>> = foldhash::HashMap::default();
    for item in items {
        if let Some(first) = word(item).chars().next() {
            groups.entry(first).or_default().push(*item);
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_answer_as_their_test_does() {
        fn test(c: char) -> bool {
            c.is_ascii_digit() || c == '〇' || c == '𠀀'
        }
        let set = CharSet::new(test);
        for c in ['0', '9', '〇', '𠀀', 'a', '一', '𠀁', '\u{FFFF}'] {
            assert_eq!(set.contains(c), test(c), "{c}");
        }
    }

    #[test]
    fn groups_keep_the_order_of_the_list() {
        let groups = by_first_char(&["个百分点", "元", "个", "人次", "人"], |w| w);
        assert_eq!(groups[&'个'], vec!["个百分点", "个"]);
        assert_eq!(groups[&'人'], vec!["人次", "人"]);
        assert_eq!(groups[&'元'], vec!["元"]);
    }
}
