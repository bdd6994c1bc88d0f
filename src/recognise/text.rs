//! Small text helpers shared by the recognisers: characters, clauses, phrase boundaries.

use super::words::WordMatch;
use crate::span::Span;

/// Whether `c` is a CJK ideograph.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Characters that end a sentence.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '\n')
}

/// Characters that end a clause.
pub(crate) fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | ',' | '：' | ':')
}

/// The characters of [`is_sentence_end`], as words for the scan of known words (a test holds
/// them equal).
pub(crate) const SENTENCE_ENDS: &[&str] = &["。", "！", "？", "!", "?", "；", ";", "\n"];

/// The characters of [`is_clause_end`], as words for the scan of known words.
pub(crate) const CLAUSE_ENDS: &[&str] = &["。", "！", "？", "!", "?", "；", ";", "\n", "，", ",", "：", ":"];

/// The body span (line) holding `span`, if any.
pub(crate) fn line_of(body: &[Span], span: Span) -> Option<Span> {
    let i = body.partition_point(|s| s.end < span.end);
    body.get(i).copied().filter(|s| s.contains(span))
}

/// How far a clause or sentence reaches on each side of what it is expanded from: real
/// sentences stay under a few hundred characters, and the bound keeps a line without
/// punctuation (产业产业…) linear instead of quadratic.
const MAX_UNIT_CHARS: usize = 500;

/// Expands `span` to the enclosing unit bounded by characters for which `stop` holds,
/// without leaving `line`.
pub(crate) fn expand(text: &str, line: Span, span: Span, stop: impl Fn(char) -> bool) -> Span {
    let before = &text[line.start..span.start];
    let mut start = line.start;
    for (n, (i, c)) in before.char_indices().rev().enumerate() {
        if stop(c) {
            start = line.start + i + c.len_utf8();
            break;
        }
        if n == MAX_UNIT_CHARS {
            start = line.start + i;
            break;
        }
    }
    let after = &text[span.end..line.end];
    let mut end = line.end;
    for (n, (i, c)) in after.char_indices().enumerate() {
        if stop(c) || n == MAX_UNIT_CHARS {
            end = span.end + i;
            break;
        }
    }
    let start = skip_space(text, start, end);
    Span::new(start.min(span.start), end.max(span.end))
}

fn skip_space(text: &str, mut start: usize, end: usize) -> usize {
    while start < end {
        match text[start..].chars().next() {
            Some(c) if c.is_whitespace() || c == '\u{feff}' => start += c.len_utf8(),
            _ => break,
        }
    }
    start
}

/// [`expand`] where the unit's stops are known: `stops` holds, in order, every character for
/// which `stop` holds in the scanned lines, `line` among them. Two binary searches find the stops around `span`; only a
/// unit reaching further than [`MAX_UNIT_CHARS`] bytes from `span` (where the bound, which
/// counts characters, may cut it) is walked.
pub(crate) fn expand_between_stops(
    text: &str,
    line: Span,
    span: Span,
    stops: &[WordMatch],
    stop: impl Fn(char) -> bool,
) -> Span {
    let before = stops.partition_point(|m| m.start < span.start);
    let start = match before.checked_sub(1).map(|i| stops[i]) {
        Some(m) if m.start >= line.start => m.end,
        _ => line.start,
    };
    let after = stops.partition_point(|m| m.start < span.end);
    let end = stops
        .get(after)
        .filter(|m| m.start < line.end)
        .map_or(line.end, |m| m.start);
    // Within MAX_UNIT_CHARS bytes there are at most as many characters: the walk stops where
    // the stops are.
    if span.start - start > MAX_UNIT_CHARS || end - span.end > MAX_UNIT_CHARS {
        return expand(text, line, span, stop);
    }
    let start = skip_space(text, start, end);
    Span::new(start.min(span.start), end.max(span.end))
}

/// The sentence around `span`, by walking the text (what `Ctx::sentence` finds from the
/// scan's stops).
#[cfg(test)]
pub(crate) fn sentence(text: &str, body: &[Span], span: Span) -> Span {
    match line_of(body, span) {
        Some(line) => expand(text, line, span, is_sentence_end),
        None => span,
    }
}

/// The clause around `span`, by walking the text (what `Ctx::clause` finds from the scan's
/// stops).
#[cfg(test)]
pub(crate) fn clause(text: &str, body: &[Span], span: Span) -> Span {
    match line_of(body, span) {
        Some(line) => expand(text, line, span, is_clause_end),
        None => span,
    }
}

/// The character just before byte `pos`.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// The character at byte `pos`.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// One-character short names of the provinces, as in 来川, 赴黔, 到闽, 沪苏浙.
pub(crate) const PROVINCE_SHORT: &str = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川黔滇陕甘青蒙桂藏宁新港澳";

/// [`LEFT_STOPS`] as a set: `extend_left` asks once per word.
static LEFT_STOP_SET: std::sync::LazyLock<foldhash::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| LEFT_STOPS.iter().copied().collect());

/// The [`LEFT_STOPS`] of two characters or more, by first character, in list order.
static LEFT_STOPS_MULTI: std::sync::LazyLock<foldhash::HashMap<char, Vec<&'static str>>> =
    std::sync::LazyLock::new(|| {
        let multi: Vec<&'static str> = LEFT_STOPS.iter().copied().filter(|w| w.chars().count() >= 2).collect();
        crate::chars::by_first_char(&multi, |w| w)
    });

/// Builds this module's patterns now rather than on the first document (see
/// [`warm_up`](super::warm_up)).
pub(super) fn warm_up() {
    std::sync::LazyLock::force(&LEFT_STOP_SET);
    std::sync::LazyLock::force(&LEFT_STOPS_MULTI);
}

/// The first of [`LEFT_STOPS`] (of two characters or more, in list order) that `text` starts
/// with and is longer than.
pub(crate) fn leading_left_stop(text: &str) -> Option<&'static str> {
    let first = text.chars().next()?;
    LEFT_STOPS_MULTI
        .get(&first)?
        .iter()
        .copied()
        .find(|w| text.starts_with(w) && text.len() > w.len())
}

/// Whether `word` is one of [`LEFT_STOPS`].
pub(crate) fn is_left_stop(word: &str) -> bool {
    LEFT_STOP_SET.contains(word)
}

/// Words that end a noun phrase on its left: verbs and function words that introduce a
/// project, a park or an industry (加快推进 | 深茂铁路建设). Written for this project.
pub(crate) const LEFT_STOPS: &[&str] = &[
    "建设",
    "打造",
    "推进",
    "推动",
    "加快",
    "启动",
    "实施",
    "开工",
    "竣工",
    "投产",
    "建成",
    "创建",
    "争创",
    "引进",
    "落户",
    "签约",
    "支持",
    "依托",
    "对接",
    "对标",
    "携手",
    "融入",
    "借助",
    "承接",
    "引导",
    "成立",
    "现任",
    "曾任",
    "担任",
    "兼任",
    "出任",
    "共建",
    "深化",
    "离不开",
    "鼓励",
    "吸引",
    "招引",
    "扶持",
    "督促",
    "依靠",
    "面向",
    "围绕",
    "结合",
    "以",
    "把",
    "将",
    "在",
    "对",
    "与",
    "和",
    "及",
    "的",
    "是",
    // 属于化工新材料产业链的…项目: a copula.
    "属于",
    "为",
    "了",
    "等",
    "由",
    "向",
    "从",
    "到",
    "于",
    "加强",
    "完善",
    "提升",
    "发展",
    "培育",
    "壮大",
    "做强",
    "谋划",
    "安排",
    "参与",
    "积极",
    "全力",
    "大力",
    "重点",
    "着力",
    "努力",
    "持续",
    "深入",
    "全面",
    "成功",
    "正式",
    "已",
    "已经",
    // 骨干酒企 | 青海雪域青稞酒业有限公司: a class of companies before a company's name.
    "酒企",
    "药企",
    "车企",
    "房企",
    "央企",
    "国企",
    "民企",
    "外企",
    // 已有新疆禾丰源面业有限公司等4家企业签约入园: what a place already has opens no name.
    "已有",
    "现有",
    "还",
    "也",
    "都",
    "并",
    "特别",
    "其中",
    "包括",
    "如",
    "比如",
    "例如",
    "即",
    "通过",
    "继续",
    "该",
    "这",
    "此",
    // 荆州经济技术开发区（以下简称荆州开发区）: what a short name stands for is not part of it.
    "简称",
    "以下简称",
    "下称",
    // 这是新加坡联沣集团在华中地区投资的…: a copula opens no name.
    "这是",
    "这里",
    "就是",
    "也是",
    "正是",
    "都是",
    "一批",
    "高质量",
    "规划",
    "新建",
    "扩建",
    "改造",
    "动工",
    "开展",
    "聚焦",
    "做好",
    "抓好",
    "形成",
    "设立",
    "批复",
    "同意",
    // Headlines: 访赣州经开区党工委书记刘伟, 走进遵义高新区.
    "访",
    "专访",
    "采访",
    "访谈",
    "对话",
    "走进",
    "探访",
    // Photo captions: 图为西青开发区智能网联汽车产业园内一家企业的生产车间.
    "图为",
    "带动",
    "建立",
    "申报",
    "获批",
    "入选",
    "列入",
    "成为",
    "作为",
    "助力",
    "服务",
    "有",
    "拥有",
    "共",
    "同",
    "跟",
    "让",
    "使",
    "给",
    "据",
    "按",
    "按照",
    "根据",
    "同时",
    "加速",
    "着手",
    "力争",
    "确保",
    "实现",
    "完成",
    "投资",
    "总投资",
    "计划",
    "年度",
    "重大",
    "一系列",
    "打通",
    "保障",
    "落实",
    "促进",
    "筹建",
    "开发",
    "建",
    "上",
    "中",
    "下",
    "前",
    "后",
    "里",
    "内",
    "外",
    "年",
    "月",
    "日",
    "我们",
    "我",
    "市",
    "区",
    "县",
    "省",
    "全市",
    "全区",
    "全县",
    "全省",
    "龙头",
    "优质",
    "大",
    "好",
    "新",
    "坚持",
    "一是",
    "二是",
    "三是",
    "四是",
    "五是",
    "六是",
    "七是",
    "八是",
    "九是",
    "十是",
    "要",
    "请问",
    "对于",
    "满足",
    "举行",
    "紧接着",
    "建立健全",
    "健全",
    "推行",
    "挂点",
    "联系",
    "关心",
    "关爱",
    "习近平",
    "总书记",
    "今年",
    "去年",
    "明年",
    "目前",
    "当前",
    "近年来",
    "正在",
    "已经",
    "不断",
    "切实",
    "主动",
    "一",
    "个",
    "项",
    "条",
    "两",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
];

/// The start of the run of `words` that ends at `end` (jieba's words, none before
/// `limit`): 建设 | 集团 before 有限公司, 提升 | 改造 before 项目. `end` when none does.
pub(crate) fn start_of_words_before(
    text: &str,
    tokens: &crate::segment::Tokens<'_>,
    limit: usize,
    end: usize,
    words: &[&str],
) -> usize {
    let mut start = end;
    while let Some(w) = tokens.word_ending_at(start) {
        if w.start < limit || !words.contains(&&text[w.range()]) {
            break;
        }
        start = w.start;
    }
    start
}

/// Extends a phrase leftwards from `end` (exclusive of anything before `limit`) over words of
/// `tokens` until a stop word, punctuation or `max_chars`. Returns the start.
pub(crate) fn extend_left(
    text: &str,
    tokens: &crate::segment::Tokens<'_>,
    limit: usize,
    end: usize,
    max_chars: usize,
) -> usize {
    let mut start = end;
    let mut chars = 0;
    // A word that straddles `end` (风华高科 before the ending 高科) belongs to the phrase.
    if let Some(w) = tokens.word_covering(end).filter(|w| w.start < end && w.start >= limit) {
        chars += text[w.start..end].chars().count();
        start = w.start;
    }
    while let Some(w) = tokens.word_ending_at(start) {
        if w.start < limit {
            break;
        }
        let word = &text[w.range()];
        if is_left_stop(word)
            || !word
                .chars()
                .all(|c| is_han(c) || c.is_ascii_alphanumeric() || "（）()—-·".contains(c))
        {
            break;
        }
        let n = word.chars().count();
        if chars + n > max_chars {
            break;
        }
        chars += n;
        start = w.start;
    }
    // A guessed word that glues a preposition to a name (对古雷) gives the preposition back.
    if start < end && !tokens.word_at(start).is_some_and(|w| is_left_stop(&text[w.range()])) {
        if let Some(c) = text[start..end].chars().next() {
            if "对在把将向从为与和及给被让于由".contains(c) && text[start..end].chars().count() > 2 {
                let w = tokens.word_at(start);
                if w.is_some_and(|w| w.len() > c.len_utf8()) {
                    start += c.len_utf8();
                }
            }
        }
    }
    start
}

/// Characters that do not begin a name: numerals, demonstratives, prepositions.
const FUNCTION_START: &[char] = &[
    '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '两', '几', '多', '数', '各', '这', '那', '该', '本',
    '我', '你', '他', '其', '每', '某', '此', '的', '了', '是', '在', '对', '把', '将', '向', '从', '为', '与', '和',
    '及', '给', '被', '让', '就', '都', '也', '还', '又', '请',
];
/// Characters that do not end a name: particles.
const FUNCTION_END: &[char] = &['着', '了', '过', '的', '地', '得', '是', '们'];

/// Whether the words of `span` include something proper: a mention of a place or an
/// organisation, or a word jieba's dictionary does not know (a name the HMM guessed).
/// 古雷石化, 利和兴, 肇庆万达国家度假区 are proper; 一切围着, 重点, 污水管网 are not.
pub(crate) fn has_proper_word(ctx: &super::Ctx<'_>, rec: &super::Recognition, span: Span) -> bool {
    use crate::model::EntityKind;
    if rec.covered(span, &[EntityKind::Place, EntityKind::Organization]) {
        return true;
    }
    ctx.tokens.words_in(span).iter().any(|w| {
        let word = &ctx.text[w.range()];
        word.chars().count() >= 2
            && word.chars().all(is_han)
            && (!ctx.res.segmenter.knows(word) || ctx.res.segmenter.is_organisation_name(word))
            && !word.starts_with(FUNCTION_START)
            && !word.ends_with(FUNCTION_END)
    })
}

/// An automaton over a few literal words, for [`every_start`]: leftmost-longest, so that a
/// search uses its prefilter (an overlapping search cannot, and costs far more).
pub(crate) fn literal_set(words: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(words)
        .expect("literal words build")
}

/// Every position of `hay` where a word of `set` starts (the longest word there), in order,
/// occurrences overlapping or not: after each, the search resumes one character on.
pub(crate) fn every_start<'a>(
    set: &'a aho_corasick::AhoCorasick,
    hay: &'a str,
) -> impl Iterator<Item = aho_corasick::Match> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let m = set.find(aho_corasick::Input::new(hay).range(from..))?;
        from = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8);
        Some(m)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_start_finds_overlapping_words() {
        let set = literal_set(&["新建", "建成", "开工建设", "开工"]);
        let hay = "新建成了开工建设";
        let found: Vec<(usize, &str)> = every_start(&set, hay).map(|m| (m.start(), &hay[m.range()])).collect();
        assert_eq!(found, vec![(0, "新建"), (3, "建成"), (12, "开工建设")]);
    }

    #[test]
    fn a_line_without_punctuation_gives_bounded_clauses() {
        // 产业产业…: without the bound every clause is the whole line, and a recogniser that
        // takes the clause of each match is quadratic in the line.
        let text = "产业".repeat(5_000);
        let body = [Span::new(0, text.len())];
        let mid = Span::new(text.len() / 2, text.len() / 2 + "产业".len());
        for unit in [clause(&text, &body, mid), sentence(&text, &body, mid)] {
            assert!(unit.contains(mid) && text.get(unit.range()).is_some());
            assert!(text[unit.range()].chars().count() <= 2 * MAX_UNIT_CHARS + 4, "{unit}");
        }
    }

    #[test]
    fn the_stop_words_are_the_stop_characters() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let word: &str = c.encode_utf8(&mut buf);
            assert_eq!(SENTENCE_ENDS.contains(&word), is_sentence_end(c), "{c:?}");
            assert_eq!(CLAUSE_ENDS.contains(&word), is_clause_end(c), "{c:?}");
        }
    }

    proptest! {
        /// Units found between known stops are the units the walk finds, near and far (past
        /// the bound of MAX_UNIT_CHARS characters), for spans anywhere in a line.
        #[test]
        fn units_between_stops_are_the_walks(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("，".to_owned()), Just("。".to_owned()), Just(":".to_owned()), Just("\n".to_owned()),
                    Just(" ".to_owned()), Just("a".to_owned()), Just("产业".to_owned()),
                    (0usize..260).prop_map(|n| "产".repeat(n)),
                    (0usize..600).prop_map(|n| "x".repeat(n)),
                ],
                0..16,
            ),
            cut in 0usize..4000,
            probes in proptest::collection::vec((0usize..4000, 0usize..8), 1..8),
        ) {
            let text: String = parts.concat();
            let bounds: Vec<usize> = (0..=text.len()).filter(|i| text.is_char_boundary(*i)).collect();
            // Two lines, split at a character boundary (the body never holds what is between).
            let split = bounds[cut % bounds.len()];
            let lines = [Span::new(0, split), Span::new(split, text.len())];
            for stop in [is_sentence_end as fn(char) -> bool, is_clause_end] {
                let stops: Vec<WordMatch> = lines
                    .iter()
                    .flat_map(|line| {
                        text[line.range()]
                            .char_indices()
                            .filter(|(_, c)| stop(*c))
                            .map(move |(i, c)| WordMatch { start: line.start + i, end: line.start + i + c.len_utf8(), word: 0 })
                    })
                    .collect();
                for &(at, len) in &probes {
                    let line = lines[at % 2];
                    let inside: Vec<usize> = bounds.iter().copied().filter(|b| line.start <= *b && *b <= line.end).collect();
                    let start = inside[at % inside.len()];
                    let end = inside[(at % inside.len() + len).min(inside.len() - 1)];
                    let span = Span::new(start, end);
                    prop_assert_eq!(
                        expand_between_stops(&text, line, span, &stops, stop),
                        expand(&text, line, span, stop),
                        "{:?} in {:?}", span, line
                    );
                }
            }
        }
    }

    #[test]
    fn clause_and_sentence() {
        let text = "一是加快产业升级,着力推动机电产业发展;二是坚持创新。";
        let body = [Span::new(0, text.len())];
        let pos = text.find("机电").unwrap();
        let s = Span::new(pos, pos + "机电".len());
        assert_eq!(&text[clause(text, &body, s).range()], "着力推动机电产业发展");
        assert_eq!(
            &text[sentence(text, &body, s).range()],
            "一是加快产业升级,着力推动机电产业发展"
        );
    }
}
