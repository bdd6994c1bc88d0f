//! Towns (镇, 乡) and villages (村), which no gazetteer of the project holds.
//!
//! A name before 镇, 乡 or 村 is taken only where the text vouches for it, because the same
//! characters end many words (乡镇, 城乡, 特色小镇, 美丽乡村, 全村):
//! - right after a county, district or city it lies in (陇西县 | 菜子镇, 长葛市 | 大周镇), or a
//!   village right after its town (枫香镇 | 花茂村);
//! - as the next item of a list whose first item is a town (菜子镇、福星镇、文峰镇);
//! - after a word of place (在, 走进, 来到, 位于 …: 在苟坝村的合作社里);
//! - before a title (鲁朗镇党委书记, 扎西岗村党支部书记);
//! - a town (not a village) at the start of a clause, when the dictionary does not hold its
//!   name as a word (。临岐镇中药材种植).
//!
//! Once named so, every other occurrence of the name is a mention. A town or village named
//! right after the place it lies in records that place as its parent.

use super::text::{char_before, is_han};
use super::{Ctx, Known, LocalId, Recognition};
use crate::model::{EntityDetail, EntityKind, PlaceInfo, PlaceLevel};
use crate::span::Span;

/// Stems that make the suffix a word of its own (全镇, 乡村, 特色小镇, 行政村, 城乡).
const GENERIC: &[&str] = &[
    "乡",
    "城",
    "村",
    "镇",
    "各",
    "全",
    "该",
    "本",
    "每",
    "此",
    "小",
    "古",
    "新",
    "老",
    "名",
    "重",
    "强",
    "集",
    "山",
    "渔",
    "农",
    "家",
    "故",
    "下",
    "回",
    "返",
    "城乡",
    "乡村",
    "农村",
    "山村",
    "重点",
    "中心",
    "特色",
    "建制",
    "美丽",
    "示范",
    "贫困",
    "行政",
    "自然",
    "传统",
    "工业",
    "旅游",
    "历史文化",
    "文化",
    "生态",
    "宜居",
    "和美",
    "和美乡",
    "文明",
    "先进",
    "试点",
    "脱贫",
    "薄弱",
    "集体",
    "全国",
    "全省",
    "全市",
    "全县",
    "全区",
    "一个",
    "两个",
    "这个",
    "那个",
    "各个",
    "周边",
    "附近",
    "当地",
    "邻近",
    "相关",
    "所在",
    "沿线",
    "偏远",
    "边远",
    "边境",
    "少数民族",
];

/// Words that the suffixes open (村民, 村里, 乡村, 乡亲): no town's or village's name ends
/// before them.
const OPENED_WORDS: &[&str] = &[
    "村民",
    "村里",
    "村内",
    "村外",
    "村口",
    "村头",
    "村庄",
    "村落",
    "村干部",
    "村民们",
    "乡村",
    "乡亲",
    "乡镇",
    "乡土",
    "乡愁",
    "乡里",
    "镇上",
    "镇里",
    // 擦亮镇域经济名片.
    "镇域",
    "乡域",
    "村域",
];

/// Words after which a name of place follows (在苟坝村, 走进枫香镇, 与相邻的太平溪镇).
const LOCATIVE: &[&str] = &[
    "在",
    "到",
    "赴",
    "于",
    "以",
    "走进",
    "来到",
    "位于",
    "地处",
    "深入",
    "前往",
    "走访",
    "途经",
    "落户",
    "选址",
    "毗邻",
    "相邻的",
    "毗邻的",
    "邻近的",
    "把",
    // A photo's caption: 图为柯柯镇一家盐化工企业的生产车间.
    "图为",
];

/// Words of time that may open a clause before a town's name (今年西樵镇将启动…).
const TIME_OPENERS: &[&str] = &["今年", "去年", "明年", "目前", "近年来", "近年", "此外", "同时"];

/// Titles that show the name before them is a town's or a village's (鲁朗镇党委书记).
const TITLE_AFTER: &[&str] = &[
    "党委书记",
    "党委副书记",
    "党工委书记",
    "镇长",
    "乡长",
    "党总支书记",
    "党支部书记",
    "党委",
    "人民政府",
    "政府",
    "村委会",
    "村民委员会",
    "党总支",
    "党支部",
];

/// Peoples that name ethnic townships (团林苗族乡, 五峰土家族乡, 官舟彝族苗族乡): the name of
/// the place stands before them.
const PEOPLES: &[&str] = &[
    "苗族",
    "瑶族",
    "彝族",
    "回族",
    "藏族",
    "壮族",
    "侗族",
    "土家族",
    "布依族",
    "白族",
    "傣族",
    "哈尼族",
    "傈僳族",
    "蒙古族",
    "满族",
    "畲族",
    "羌族",
    "水族",
    "仡佬族",
    "佤族",
    "纳西族",
    "黎族",
    "拉祜族",
    "景颇族",
    "普米族",
    "怒族",
    "仫佬族",
    "毛南族",
    "京族",
    "达斡尔族",
    "鄂温克族",
    "鄂伦春族",
    "锡伯族",
    "朝鲜族",
    "土族",
    "撒拉族",
    "东乡族",
    "保安族",
    "裕固族",
    "哈萨克族",
    "柯尔克孜族",
    "塔吉克族",
    "维吾尔族",
    "俄罗斯族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
    "德昂族",
    "阿昌族",
    "独龙族",
    "布朗族",
];

/// The bytes of the peoples' names (one or two) that end `text` (团林 | 苗族, 官舟 | 彝族苗族).
fn peoples_tail(text: &str) -> usize {
    // Every people's name ends with 族: most stems end otherwise, and need no look-up.
    if !text.ends_with('族') {
        return 0;
    }
    let mut len = 0;
    for _ in 0..2 {
        match PEOPLES.iter().find(|p| text[..text.len() - len].ends_with(*p)) {
            Some(p) => len += p.len(),
            None => break,
        }
    }
    len
}

/// A town or village found: its mention, and its entity.
struct Found {
    span: Span,
    id: LocalId,
}

/// The suffixes of towns and villages (found by [`Known::TownSuffixes`]).
pub(crate) const TOWN_SUFFIXES: &[&str] = &["镇", "乡", "村", "街道"];

pub(crate) fn recognise(ctx: &Ctx<'_>, rec: &mut Recognition) {
    let mut found: Vec<Found> = Vec::new();
    for &line in &ctx.body.spans {
        for m in ctx.known_starts(Known::TownSuffixes, line) {
            let suffix = TOWN_SUFFIXES[m.word];
            let at = m.start;
            if ctx.body.is_redacted(Span::new(at, at + suffix.len())) {
                continue;
            }
            if let Some(f) = named_at(ctx, rec, &found, line, at, suffix) {
                found.push(f);
            }
        }
    }
    every_occurrence(ctx, rec, &found);
}

/// The town or village whose suffix starts at `at`, when a cue vouches for it.
fn named_at(
    ctx: &Ctx<'_>,
    rec: &mut Recognition,
    found: &[Found],
    line: Span,
    at: usize,
    suffix: &str,
) -> Option<Found> {
    let end = at + suffix.len();
    // 城 | 镇, 乡 | 村: the suffix ends a common word with the character before it; 太阳村 | 镇:
    // it is part of a longer suffix.
    let last = ctx.text[..at].chars().next_back()?;
    let pair = &ctx.text[at - last.len_utf8()..end];
    let glued = suffix == "村" && ctx.text[end..].starts_with(['镇', '乡'])
        || suffix == "镇" && ctx.text[end..].starts_with('街');
    // 南 | 镇 is a rare word of the dictionary (a place's name), one that the place right
    // before the name vouches for (安化县 | 江南镇), and no other cue.
    let seg = &ctx.res.segmenter;
    let rare_pair = seg.is_rare(pair);
    // 村 | 镇 is a word too (村镇), and so is 城 | 乡: such a town is named only after a word of
    // place, by a name of two characters the dictionary does not hold (位于青村镇的).
    let pair_word = seg.knows(pair) && !rare_pair;
    // 手把手教 | 村民, 谋划发展 | 乡村研学: the suffix opens a word of its own.
    let opens_word = ctx
        .tokens
        .word_at(at)
        .is_some_and(|w| w.end > end && OPENED_WORDS.contains(&&ctx.text[w.range()]));
    if glued || opens_word {
        return None;
    }
    // 筠连县 | 大雪山 | 镇: a place that may hold the town, right before a name that jieba cuts
    // as a word of its own before the suffix, vouches for it too (山镇 is a word).
    let parent_vouches = || {
        let start = back_chars(ctx.text, at, 3).map_or(line.start, |s| s.max(line.start));
        ctx.tokens.ends_at(at)
            && rec
                .starting_in(start.saturating_sub(rec.longest_mention()), at)
                .any(|(s, id)| {
                    s.end < at
                        && s.end >= start
                        && ctx.tokens.starts_at(s.end)
                        && may_hold(rec, id, suffix)
                        && stem_ok(ctx, Span::new(s.end, at))
                })
    };
    if pair_word && !parent_vouches() {
        let start = back_chars(ctx.text, at, 2).filter(|s| *s >= line.start)?;
        let stem = &ctx.text[start..at];
        let located = LOCATIVE.iter().any(|w| ctx.text[line.start..start].ends_with(w));
        if !located || seg.knows(stem) || !stem_ok(ctx, Span::new(start, at)) {
            return None;
        }
    }
    // 景德镇 is a city's short name, already found.
    if rec.covered(Span::new(at, end), &[EntityKind::Place, EntityKind::Organization]) {
        return None;
    }
    // A place it lies in, right before it: 陇西县 | 菜子镇, 枫香镇 | 花茂村.
    let parent = rec
        .starting_in(at.saturating_sub(rec.longest_mention() + 12).max(line.start), at)
        .filter(|(s, id)| s.end < at && s.end + 12 >= at && may_hold(rec, *id, suffix))
        .filter(|(s, _)| stem_ok(ctx, Span::new(s.end, at)))
        .last();
    if let Some((p, parent)) = parent {
        // 三江县 | 城 | 古宜镇: the county town (县城) is named by its town.
        let start = if ctx.text[..p.end].ends_with('县') && ctx.text[p.end..at].starts_with('城') {
            p.end + '城'.len_utf8()
        } else {
            p.end
        };
        return Some(add(ctx, rec, Span::new(start, end), suffix, Some(parent)));
    }
    if rare_pair {
        return None;
    }
    // The next item of a list of towns: 菜子镇、福星镇, 宾居镇和州城镇.
    // (Only the last few characters are looked at: a name is at most four.)
    let near = back_chars(ctx.text, at, 6).map_or(line.start, |p| p.max(line.start));
    // (、, 和 and 与 are all three bytes long.)
    let item_start = ctx.text[near..at]
        .rfind(['、', '和', '与'])
        .map(|i| near + i + '、'.len_utf8());
    if let Some(start) = item_start {
        // The item before is a town found here, or one found elsewhere by the same name
        // (支持庞各庄镇、魏善庄镇打造…, after 庞各庄镇 was named in a clause of its own).
        let before_item = &ctx.text[line.start..start - '、'.len_utf8()];
        // (Or the item before opens with a town, as this one does: 庞各庄镇西瓜、魏善庄镇月季.)
        let item_before = before_item
            .rfind(['、', '，', '。', '；', '：'])
            .map_or(before_item, |i| {
                before_item[i..].trim_start_matches(['、', '，', '。', '；', '：'])
            });
        let previous = found.iter().rev().find(|f| {
            let name = &ctx.text[f.span.range()];
            f.span.end + '、'.len_utf8() == start || before_item.ends_with(name) || item_before.starts_with(name)
        });
        if let Some(prev) = previous.filter(|f| ctx.text[f.span.range()].ends_with(suffix)) {
            let parent = rec.town_parents.iter().find(|(t, _)| *t == prev.id).map(|(_, p)| *p);
            if stem_ok(ctx, Span::new(start, at)) {
                return Some(add(ctx, rec, Span::new(start, end), suffix, parent));
            }
        }
    }
    // After a word of place, or before a title: the name is the two or three characters
    // before the suffix.
    let after = &ctx.text[end..line.end];
    let titled = TITLE_AFTER.iter().any(|t| after.starts_with(t));
    // An ethnic township's name holds its peoples: 团林苗族 | 乡.
    let window = back_chars(ctx.text, at, 10).map_or(line.start, |p| p.max(line.start));
    let peoples = if suffix == "乡" {
        peoples_tail(&ctx.text[window..at])
    } else {
        0
    };
    // (Four characters only right after a word of place: 已在乌兰木伦镇开工.)
    for chars in [2, 3, 4] {
        let Some(start) = back_chars(ctx.text, at - peoples, chars).filter(|s| *s >= line.start) else {
            break;
        };
        // The checks below are of the place's own name, without its peoples.
        let stem = Span::new(start, at - peoples);
        if !stem_ok(ctx, stem) {
            continue;
        }
        let stem_text = &ctx.text[stem.range()];
        let before = &ctx.text[line.start..start];
        let boundary = !char_before(ctx.text, start).is_some_and(is_han) || ctx.tokens.starts_at(start);
        if LOCATIVE.iter().any(|w| before.ends_with(w)) && (chars < 4 || ctx.tokens.starts_at(start)) {
            return Some(add(ctx, rec, Span::new(start, end), suffix, None));
        }
        if chars == 4 {
            continue;
        }
        // 蹇勇2018年当选村党总支书记: before a title, the name must stand as a word and hold
        // no common word of its own.
        let plain = !ctx.res.segmenter.holds_frequent_word(stem_text);
        if titled && boundary && plain {
            return Some(add(ctx, rec, Span::new(start, end), suffix, None));
        }
        // At the start of a clause, a town whose name the dictionary does not hold as a word
        // (。临岐镇中药材种植, ；鸠坑乡茶叶产业).
        let opener = TIME_OPENERS
            .iter()
            .find(|w| before.ends_with(*w))
            .map_or(0, |w| w.len());
        let before_opener = &before[..before.len() - opener];
        let clause_start =
            before_opener.is_empty() || before_opener.ends_with(['，', '。', '；', '：', '！', '？', ',', ';', ':']);
        let name_like = !seg.knows(stem_text) || seg.is_rare(stem_text) || seg.has_name_tag(stem_text);
        // ，带着镇干部…: a clause may open with a verb, which opens no name.
        let verb_first = ctx
            .tokens
            .word_at(start)
            .is_some_and(|w| w.end < at && seg.is_verb(&ctx.text[w.range()]));
        if clause_start && suffix != "村" && name_like && plain && !verb_first {
            return Some(add(ctx, rec, Span::new(start, end), suffix, None));
        }
    }
    None
}

/// Characters that open no name of a town: determiners, suffixes, particles, conjunctions,
/// prepositions and pronouns. (Dictionary tags would reject names too: 临, 花 and 扎 are verbs.)
const NOT_FIRST: &str =
    "各全该本每此这那哪某镇乡村的地得了着过和与及或对把被从为于将是也就都还又而但在到给让使由自我你您她他它咱";

/// Whether place `id` may hold a town (a county, district or city) or, for a village, a town.
fn may_hold(rec: &Recognition, id: LocalId, suffix: &str) -> bool {
    let Some(level) = rec.entities[id].place().and_then(|p| p.level) else {
        return false;
    };
    match level {
        PlaceLevel::County | PlaceLevel::District | PlaceLevel::Prefecture => true,
        PlaceLevel::Town => suffix == "村",
        _ => false,
    }
}

/// Whether `stem` can be the name of a town or village: two to four Han characters, not a
/// generic word, not an ordinary word of the dictionary, and not already part of another
/// entity's mention.
fn stem_ok(ctx: &Ctx<'_>, stem: Span) -> bool {
    let text = &ctx.text[stem.range()];
    // 团林苗族 | 乡: the name of the place is what stands before its peoples.
    let text = &text[..text.len() - peoples_tail(text)];
    let n = text.chars().count();
    let Some(first) = text.chars().next() else {
        return false;
    };
    // 各乡 | 镇, 镇 | 花茂村, 所在的 | 苟坝村, 县域和 | 乡镇: a determiner, a suffix or a
    // particle opens no name, and a conjunction, particle or preposition stands inside none
    // (腾达镇 | 正以春风村为核心).
    let seg = &ctx.res.segmenter;
    (2..=4).contains(&n)
        && text.chars().all(is_han)
        && !NOT_FIRST.contains(first)
        // (Nor 镇: a town's name holds no town, 西坪镇茶 | 乡.)
        && !text.chars().skip(1).any(|c| "和与及或的在是了以将把被镇".contains(c))
        && !GENERIC.contains(&text)
        && !GENERIC.iter().any(|g| g.chars().count() >= 2 && text.ends_with(g))
        // 坝区强镇, 工业重镇, 千年古镇: a word of praise before the suffix qualifies a town
        // named before it (a name of two characters, 自强镇, may end so).
        && !(n >= 3 && text.ends_with(['强', '名', '重', '古']))
        // A short place name the gazetteer holds (文峰 of 文峰区) is no ordinary word, though
        // jieba's dictionary may hold it as a noun.
        && (!seg.is_common_word(text) || ctx.res.places.is_name(text))
}

/// The byte position `n` characters before `at`.
fn back_chars(text: &str, at: usize, n: usize) -> Option<usize> {
    text[..at].char_indices().rev().nth(n - 1).map(|(i, _)| i)
}

/// Adds the town or village at `span`; `parent` is the place it was named after.
fn add(ctx: &Ctx<'_>, rec: &mut Recognition, span: Span, suffix: &str, parent: Option<LocalId>) -> Found {
    let name = &ctx.text[span.range()];
    let level = (suffix != "村").then_some(PlaceLevel::Town);
    let parent_adcode = parent.and_then(|p| rec.entities[p].place()?.adcode.clone());
    let info = PlaceInfo {
        level,
        adcode: None,
        parent_adcode,
    };
    let id = rec.add(EntityKind::Place, name, name, Some(span), EntityDetail::Place(info));
    if let Some(p) = parent {
        if !rec.town_parents.iter().any(|(t, _)| *t == id) {
            rec.town_parents.push((id, p));
        }
    }
    Found { span, id }
}

/// Where `names` (distinct, each ending with one of [`TOWN_SUFFIXES`]) occur in `text`: the
/// leftmost, the longest at each start, none overlapping, as a leftmost-longest search for
/// them finds them; each with the position of its name. An occurrence ends where a suffix
/// does, so the text is read once per suffix, for its three or six bytes (memchr's `memmem`),
/// and only the few places a suffix ends at are looked up, however many names the page has.
fn occurrences<'a>(text: &str, names: impl IntoIterator<Item = &'a str>) -> Vec<(Span, usize)> {
    let index: foldhash::HashMap<&str, usize> = names.into_iter().enumerate().map(|(i, n)| (n, i)).collect();
    debug_assert!(
        index.keys().all(|n| TOWN_SUFFIXES.iter().any(|s| n.ends_with(s))),
        "every town's name ends with its suffix"
    );
    let mut lengths: Vec<usize> = index.keys().map(|n| n.len()).collect();
    lengths.sort_unstable();
    lengths.dedup();
    // By start, the longest first.
    let mut found: Vec<(usize, std::cmp::Reverse<usize>, usize)> = Vec::new();
    for suffix in TOWN_SUFFIXES.iter().filter(|s| index.keys().any(|n| n.ends_with(**s))) {
        for at in memchr::memmem::find_iter(text.as_bytes(), suffix) {
            let end = at + suffix.len();
            for &len in lengths.iter().take_while(|len| **len <= end) {
                let start = end - len;
                if let Some(&i) = text.get(start..end).and_then(|name| index.get(name)) {
                    found.push((start, std::cmp::Reverse(len), i));
                }
            }
        }
    }
    found.sort_unstable();
    let mut next = 0;
    found
        .into_iter()
        .filter(|&(start, len, _)| {
            let take = start >= next;
            if take {
                next = start + len.0;
            }
            take
        })
        .map(|(start, len, i)| (Span::new(start, start + len.0), i))
        .collect()
}

/// Every other occurrence of a town or village found, where no other place covers it: found
/// from where the suffixes occur (see [`occurrences`]), so that a page naming a thousand towns
/// is read once per suffix.
fn every_occurrence(ctx: &Ctx<'_>, rec: &mut Recognition, found: &[Found]) {
    let mut names: Vec<(String, LocalId)> = found
        .iter()
        .map(|f| (ctx.text[f.span.range()].to_owned(), f.id))
        .collect();
    names.sort();
    names.dedup_by(|a, b| a.0 == b.0);
    if names.is_empty() {
        return;
    }
    for (span, i) in occurrences(ctx.text, names.iter().map(|(n, _)| n.as_str())) {
        let (name, id) = &names[i];
        if super::text::line_of(&ctx.body.spans, span).is_none() || ctx.body.is_redacted(span) {
            continue;
        }
        // 江南镇 | 江边村 holds no 镇江: a place read across the town's suffix gives way.
        let across: Vec<(Span, LocalId)> = rec
            .overlapping(span)
            .filter(|(s, e)| s.start > span.start && s.end > span.end && rec.entities[*e].kind == EntityKind::Place)
            .collect();
        for (s, e) in across {
            rec.drop_mention(s, e);
        }
        if !rec.covered(
            span,
            &[EntityKind::Place, EntityKind::Organization, EntityKind::Official],
        ) {
            let e = &rec.entities[*id];
            let (kind, detail, canonical) = (e.kind, e.detail.clone(), e.name.clone());
            rec.add(kind, &canonical, name, Some(span), detail);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The occurrences are what aho-corasick's leftmost-longest search finds, for names
        /// that end with a suffix and overlap each other (花茂村, 茂村, 村镇, 西街道).
        #[test]
        fn occurrences_are_a_leftmost_longest_search(
            stems in proptest::collection::vec("[花茂西村镇街]{0,3}", 1..6),
            suffixes in proptest::collection::vec(0usize..4, 6),
            text in "[花茂西村镇乡街道a ]{0,40}",
        ) {
            let mut names: Vec<String> = stems
                .iter()
                .zip(&suffixes)
                .map(|(stem, s)| format!("{stem}{}", TOWN_SUFFIXES[*s]))
                .collect();
            names.sort();
            names.dedup();
            let ac = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(&names)
                .unwrap();
            let expected: Vec<(Span, usize)> = ac
                .find_iter(&text)
                .map(|m| (Span::new(m.start(), m.end()), m.pattern().as_usize()))
                .collect();
            prop_assert_eq!(occurrences(&text, names.iter().map(String::as_str)), expected);
        }
    }
}
