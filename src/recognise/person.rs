//! Officials and other people.
//!
//! An official is a name that a title introduces: 漳州市委书记张国旺, 省政协副主席、漳州市委书记张国旺,
//! 江门高新区党工委书记、管委会主任、江海区委书记彭章瑞, or a name before a national title
//! (习近平总书记). Each title of such a chain becomes a [`PostCue`]. Once known, every other
//! occurrence of the name is a mention (张国旺: answering in a Q&A, 张杨彬表示).
//! Reporters, photographers and editors (记者 X, 文/X Y, X 摄, 编辑:X) are [`EntityKind::Person`].

use super::place::DocPlaces;
use super::text::{char_at, char_before, is_han, PROVINCE_SHORT};
use super::{Ctx, Known, LocalId, PostCue, PostPlace, Recognition};
use crate::model::{EntityDetail, EntityKind, PlaceLevel};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// Titles that may follow a name (习近平总书记, 张杨彬书记).
pub(crate) const TITLES_AFTER_NAME: &[&str] =
    &["总书记", "书记", "主席", "总理", "省长", "市长", "县长", "区长", "同志"];
/// Endings that show a word before a title is a body, not a name (党支部书记).
const NOT_NAME_END: &[char] = &[
    '委', '部', '组', '党', '会', '局', '厅', '府', '处', '室', '院', '校', '村', '镇', '区', '市', '县', '省', '支',
    '队', '团', '所', '站', '办', '司', '级', '届', '任', '副', '总', '长', '记', '主', '们', '人',
];
/// Words that look like a name after a title but are not (书记表示, 主任一行).
const NOT_NAME: &[&str] = &[
    "同志", "一行", "表示", "指出", "强调", "认为", "介绍", "说", "带队", "主持", "出席", "调研", "任上", "任内",
    "期间",
];

static REPORTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:记者|通讯员|实习生|文/|文／|图/|图／|编辑[:：]|责任编辑[:：]|作者[:：]|摄影[:：]?)\s*",
        r"((?:\p{Han}{2,3}(?:\s+|$|[)）]))+)",
        r"|(\p{Han}{2,3})\s+摄"
    ))
    .unwrap()
});

/// What every match of [`REPORTER`] holds: one of its by-line words, or 摄 (a test holds
/// this; found by the scan of known words). Most lines hold none, and skip the pattern, whose
/// second branch has no literal to look for first.
pub(crate) const REPORTER_ANCHORS: &[&str] = &[
    "记者",
    "通讯员",
    "实习生",
    "文/",
    "文／",
    "图/",
    "图／",
    "编辑",
    "作者",
    "摄",
];
/// Builds this module's patterns now rather than on the first document (see
/// [`warm_up`](super::warm_up)).
pub(super) fn warm_up() {
    LazyLock::force(&REPORTER);
}

pub(crate) fn recognise(ctx: &Ctx<'_>, rec: &mut Recognition, places: &DocPlaces) {
    let _ = places;
    let speakers = speakers(ctx);
    let mut names: Vec<String> = Vec::new();
    for &line in &ctx.body.spans {
        // Title chains ending in a name.
        let mut chain: Vec<(Span, String, PostPlace)> = Vec::new();
        let mut last_end = None;
        for m in ctx.known(Known::Titles, line) {
            let span = Span::new(m.start, m.end);
            if ctx.body.is_redacted(span) {
                chain.clear();
                continue;
            }
            // A new chain unless this title follows the last one after 、 (and perhaps the
            // place that prefixes it: 省政协副主席、漳州市委书记).
            if let Some(end) = last_end {
                if !continues_chain(ctx, rec, end, span.start) {
                    career_posts(ctx, rec, line, &mut chain, &mut names);
                }
            }
            let place = post_place(ctx, rec, span, chain.last().map(|c| c.2));
            chain.push((span, title_text(ctx, rec, span), place));
            last_end = Some(span.end);
            // 韦副县长常说: a surname before the title stands for the name; what follows is not one.
            let lone_surname = !matches!(place, PostPlace::Named(_))
                && ctx.tokens.word_ending_at(span.start).is_some_and(|w| {
                let mut cs = ctx.text[w.range()].chars();
                matches!((cs.next(), cs.next()), (Some(c), None) if ctx.res.lexical.surnames.contains(&c) && !NOT_GIVEN_NAME.contains(&c))
            });
            if lone_surname {
                continue;
            }
            if let Some(name_span) = speaker_after(ctx, &speakers, span.end).or_else(|| name_after(ctx, span.end)) {
                let name = &ctx.text[name_span.range()];
                // 集团董事长郑文涛: a company's officer holds no party or state post; the
                // name is a person's.
                if chain
                    .iter()
                    .all(|(_, title, _)| CORPORATE_TITLES.contains(&title.as_str()))
                {
                    if !rec.covered(name_span, &[EntityKind::Official]) {
                        rec.add(EntityKind::Person, name, name, Some(name_span), EntityDetail::None);
                    }
                    chain.clear();
                    last_end = None;
                    continue;
                }
                let id = rec.add(EntityKind::Official, name, name, Some(name_span), EntityDetail::None);
                // 县委书记祁 | 永年: a short place name inside the official's is his given name
                // (永年 of 永年区).
                let inside: Vec<(Span, LocalId)> = rec
                    .places_in(name_span)
                    .into_iter()
                    .filter(|(s, _)| *s != name_span)
                    .collect();
                for (s, place) in inside {
                    rec.drop_mention(s, place);
                }
                // Each title's evidence runs from its place (or itself) to the name, so the
                // titles of a chain keep their order: 市委书记、市人大常委会主任范中杰.
                for (title_span, title, place) in chain.drain(..) {
                    let clause = Span::new(title_start(rec, title_span, place), name_span.end);
                    rec.posts.push(PostCue {
                        official: id,
                        title,
                        place,
                        span: clause,
                    });
                }
                names.push(name.to_owned());
                last_end = None;
            }
        }
        career_posts(ctx, rec, line, &mut chain, &mut names);
        // Names before a national or personal title: 习近平总书记. One automaton pass per line
        // (no two of the titles can match at one position, so the longest at each start is
        // the only one: every occurrence is found), handled title by title as the list
        // orders them.
        let mut after_name: Vec<(usize, usize)> = ctx
            .known_starts(Known::TitlesAfterName, line)
            .map(|m| (m.word, m.start - line.start))
            .collect();
        after_name.sort_unstable();
        for (t, pos) in after_name {
            let t = &TITLES_AFTER_NAME[t];
            let at = line.start + pos;
            if let Some(w) = ctx.tokens.word_ending_at(at) {
                let w = with_cut_off_surname(ctx, rec, w);
                let word = &ctx.text[w.range()];
                if looks_like_name(ctx, word) && !rec.covered(w, &[EntityKind::Place, EntityKind::Organization]) {
                    let id = rec.add(EntityKind::Official, word, word, Some(w), EntityDetail::None);
                    let clause = Span::new(w.start, at + t.len());
                    if *t == "总书记" {
                        rec.posts.push(PostCue {
                            official: id,
                            title: (*t).to_owned(),
                            place: PostPlace::National,
                            span: clause,
                        });
                    } else if ["省长", "市长", "县长", "区长"].contains(t) {
                        // 欧阳勇市长: a title with its level holds the document's post.
                        let title = Span::new(at, at + t.len());
                        let place = post_place(ctx, rec, title, None);
                        rec.posts.push(PostCue {
                            official: id,
                            title: (*t).to_owned(),
                            place,
                            span: clause,
                        });
                    }
                    names.push(word.to_owned());
                }
            }
        }
    }
    // Every other occurrence of a known name.
    names.sort();
    names.dedup();
    names.retain(|n| rec.find(EntityKind::Official, n).is_some());
    // One search of the whole text per name (a name never spans lines), keeping what lies in
    // the body: not one search per name and line.
    for name in &names {
        for (pos, _) in ctx.text.match_indices(name.as_str()) {
            let span = Span::new(pos, pos + name.len());
            if super::text::line_of(&ctx.body.spans, span).is_some()
                && !rec.covered(span, &[EntityKind::Official, EntityKind::Person, EntityKind::Place])
            {
                rec.add(EntityKind::Official, name, name, Some(span), EntityDetail::None);
            }
        }
    }
    reporters(ctx, rec);
}

/// Where a title's clause starts: at the mention of its place that ends within a character
/// of it (英德 | 市委书记, 英德市 | 委书记), or at the title itself.
fn title_start(rec: &Recognition, title: Span, place: PostPlace) -> usize {
    let PostPlace::Named(p) = place else {
        return title.start;
    };
    let mentions = &rec.entities[p].mentions;
    let upto = mentions.partition_point(|m| m.start <= title.start + 3);
    mentions[..upto]
        .iter()
        .rev()
        .take_while(|m| m.start + rec.longest_mention() + 3 >= title.start)
        .find(|m| m.end <= title.start + 3 && m.end + 3 >= title.start)
        .map_or(title.start, |m| m.start.min(title.start))
}

/// Ends a chain of titles that no name followed. In a career line (江海涛，男，1972年生，
/// …现任南阳市委副书记、市长。) the chain after 现任 is held by the person the line is about: a
/// name at the start of the line, or after a heading (【人物简介】, 简历：), followed by a comma or
/// a bracket. Posts after 曾任 are a career's past and stay out.
fn career_posts(
    ctx: &Ctx<'_>,
    rec: &mut Recognition,
    line: Span,
    chain: &mut Vec<(Span, String, PostPlace)>,
    names: &mut Vec<String>,
) {
    let Some(&(first, _, place)) = chain.first() else {
        return;
    };
    // 现任六安市霍山县委书记: the places before the title's own are part of the post.
    let mut start = title_start(rec, first, place);
    while let Some((s, _)) = rec.ending_at(start, |e| e.kind == EntityKind::Place) {
        start = s.start;
    }
    let before = &ctx.text[line.start..start];
    let current = before.strip_suffix("中共").unwrap_or(before).ends_with("现任");
    let holder = if current {
        line_subject(ctx, Span::new(line.start, start))
    } else {
        bracketed_holder(ctx, rec, start, chain.last().map_or(start, |c| c.0.end))
    };
    let Some(name_span) = holder else {
        chain.clear();
        return;
    };
    let name = &ctx.text[name_span.range()];
    let id = rec.add(EntityKind::Official, name, name, Some(name_span), EntityDetail::None);
    for (title_span, title, place) in chain.drain(..) {
        rec.posts.push(PostCue {
            official: id,
            title,
            place,
            span: Span::new(name_span.start, title_span.end),
        });
    }
    names.push(name.to_owned());
}

/// The name before a bracket that holds a chain of titles from `start` to `end`: 由周立群（县人大
/// 常委会主任）主持.
fn bracketed_holder(ctx: &Ctx<'_>, rec: &Recognition, start: usize, end: usize) -> Option<Span> {
    let open = char_before(ctx.text, start).filter(|c| matches!(c, '（' | '('))?;
    if !ctx.text[end..].starts_with(['）', ')']) {
        return None;
    }
    let w = ctx.tokens.word_ending_at(start - open.len_utf8())?;
    let w = with_cut_off_surname(ctx, rec, w);
    looks_like_name(ctx, &ctx.text[w.range()]).then_some(w)
}

/// The person a line is about: a name at its start, or after a heading (【人物简介】, 简历：),
/// followed by a comma or a bracket (江海涛，男，…).
fn line_subject(ctx: &Ctx<'_>, line: Span) -> Option<Span> {
    let text = &ctx.text[line.range()];
    let heading_end = text
        .char_indices()
        .take(12)
        .find(|(_, c)| matches!(c, '】' | ']' | '：' | ':'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let at = line.start + heading_end;
    let at = at + (ctx.text[at..line.end].len() - ctx.text[at..line.end].trim_start().len());
    let name = han_name_after(ctx, at)?;
    let after = char_at(ctx.text, name.end)?;
    matches!(after, '，' | ',' | '（' | '(').then_some(name)
}

/// A name before a title whose surname jieba cut off (邓 | 卫东书记): the word with the
/// single character before it, when that makes an official the document already names, or
/// a surname that is no preposition or particle makes a three-character name.
fn with_cut_off_surname(ctx: &Ctx<'_>, rec: &Recognition, w: Span) -> Span {
    let Some(prev) = ctx.tokens.word_ending_at(w.start) else {
        return w;
    };
    // 欧阳 | 勇市长: a compound surname before a one- or two-character given name.
    let prev_word = &ctx.text[prev.range()];
    let given = ctx.text[w.range()].chars().count();
    if is_compound_surname(ctx, prev_word) && given <= 2 {
        return Span::new(prev.start, w.end);
    }
    let c = prev_word.chars().next().unwrap_or(' ');
    // 请何 | 文涛区长: the segmenter glued the surname to the word before it; the page names
    // the official whole elsewhere (区长何文涛).
    if let Some(last) = prev_word.chars().nth(1).filter(|_| prev_word.chars().count() == 2) {
        let from = prev.end - last.len_utf8();
        let name = &ctx.text[from..w.end];
        if is_han(c) && rec.find(EntityKind::Official, name).is_some() {
            return Span::new(from, w.end);
        }
    }
    if prev.len() != c.len_utf8() || w.len() != 2 * c.len_utf8() || !is_han(c) {
        return w;
    }
    let joined = Span::new(prev.start, w.end);
    let name = &ctx.text[joined.range()];
    let known = rec.find(EntityKind::Official, name).is_some();
    let surname = ctx.res.lexical.surnames.contains(&c) && !NOT_GIVEN_NAME.contains(&c);
    if known || (surname && has_name_shape(ctx, name)) {
        joined
    } else {
        w
    }
}

/// Whether the text between two titles keeps them in one chain: nothing, 、 or 兼, and at
/// most the place that prefixes the second title.
fn continues_chain(ctx: &Ctx<'_>, rec: &Recognition, end: usize, next: usize) -> bool {
    let gap = &ctx.text[end..next];
    let rest = gap.trim_start_matches(['、', '兼']);
    if rest.is_empty() {
        return true;
    }
    // 西青区委常委，西青经济技术开发区党工委书记: after a comma, a title that names its place
    // continues the chain.
    let rest = rest.strip_prefix(['，', ',']).unwrap_or(rest);
    let rest_start = next - rest.len();
    // A town the gazetteer does not hold is only learned from the title after it
    // (乐清市委常委、柳市镇党委书记): its name is enough.
    let town =
        ["镇", "乡", "街道"].iter().any(|s| rest.ends_with(s)) && rest.chars().count() <= 8 && rest.chars().all(is_han);
    town || rec
        .starting_in(rest_start, rest_start + 1)
        .any(|(s, id)| rec.entities[id].kind == EntityKind::Place && s.end >= next)
}

/// The title as the export writes it: the level character and body kept, the place name
/// dropped (英德市委书记 → 市委书记; 江海区委书记 → 区委书记).
fn title_text(ctx: &Ctx<'_>, _rec: &Recognition, span: Span) -> String {
    ctx.text[span.range()].to_owned()
}

/// Where the post of a title is held: the place named just before it, the level its first
/// character implies, or the place of the previous title of the same chain.
fn post_place(ctx: &Ctx<'_>, rec: &mut Recognition, title: Span, previous: Option<PostPlace>) -> PostPlace {
    if let Some(town) = town_before(ctx, rec, title.start) {
        return PostPlace::Named(town);
    }
    let first = char_at(ctx.text, title.start);
    // A place mention that ends where the title starts, or one character into it
    // (英德市 + 市委书记 share the 市).
    let named = rec
        .starting_in(title.start.saturating_sub(rec.longest_mention()), title.start)
        .filter(|(s, id)| {
            rec.entities[*id].kind == EntityKind::Place
                && s.start < title.start
                && (s.end == title.start
                    || (s.end > title.start && s.end <= title.start + first.map_or(0, char::len_utf8)))
        })
        .max_by_key(|(s, _)| s.len())
        .map(|(_, id)| id);
    if let Some(id) = named {
        return PostPlace::Named(id);
    }
    // A body named right before the title (陕西省发展和改革委员会 | 主任, 省工业和信息化厅 |
    // 副厅长): the post is in the place the body's name opens with, or in the province. (A
    // body named by its level alone, 县文化广电体育和旅游局 | 局长, is placed by level below.)
    let body = rec
        .starting_in(title.start.saturating_sub(rec.longest_mention()), title.start)
        .filter(|(s, id)| s.end == title.start && rec.entities[*id].kind == EntityKind::Organization)
        .max_by_key(|(s, _)| s.len())
        .map(|(_, id)| rec.entities[id].name.as_str());
    if let Some(body) = body {
        let opening = rec
            .entities
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == EntityKind::Place && p.place().is_some_and(|i| i.adcode.is_some()))
            .filter(|(_, p)| {
                std::iter::once(&p.name)
                    .chain(&p.aliases)
                    .any(|n| body.starts_with(n.as_str()))
            })
            .max_by_key(|(i, p)| (p.name.len(), std::cmp::Reverse(*i)))
            .map(|(i, _)| i);
        if let Some(place) = opening {
            return PostPlace::Named(place);
        }
        if body.starts_with('省') || body.starts_with("自治区") {
            return PostPlace::Implied(PlaceLevel::Province);
        }
    }
    let title_text = &ctx.text[title.range()];
    if title_text.contains("总书记") {
        return PostPlace::National;
    }
    // A town's posts without its name (镇党委副书记、镇长胡斌): the document's town.
    let bare_town = title_text.starts_with(['镇', '乡'])
        || super::text::char_before(ctx.text, title.start).is_some_and(|c| c == '镇' || c == '乡');
    if bare_town {
        if let Some(town) = main_town(rec) {
            return PostPlace::Named(town);
        }
    }
    // A village's posts without its name (江边村是千两茶的故乡。村党支部书记龚德胜): the village
    // named last before, in the same paragraph.
    let before = &ctx.text[..title.start];
    let bare_village = title_text.starts_with('村')
        || before
            .strip_suffix('村')
            .is_some_and(|b| !b.chars().next_back().is_some_and(super::text::is_han));
    // Else the village the paragraph before ends with: a quote may open the title's own
    // (春风村曾是…。\n"那时候…"村党支部书记杨德全回忆). A village's post with no village
    // named is the post of none of the places the text names.
    if bare_village {
        let lines = &ctx.body.spans;
        let here = lines.partition_point(|s| s.end < title.end);
        let from = lines.get(here.saturating_sub(1)).map_or(title.start, |l| l.start);
        let village = rec
            .starting_in(from, title.start)
            .filter(|(s, id)| s.end < title.start && rec.entities[*id].is_village())
            .last();
        return match village {
            Some((_, village)) => PostPlace::Named(village),
            None => PostPlace::Unplaced,
        };
    }
    // A zone's organs without a place before them (园区党工委副书记, 管委会主任): the zone the
    // document names with its organs (苏州工业园区党工委书记), when it is only one.
    if previous.is_none() && ZONE_ORGANS.iter().any(|o| title_text.starts_with(o)) {
        if let Some(zone) = zone_with_organs(ctx, rec) {
            return PostPlace::Named(zone);
        }
    }
    // The level is the first character after 常务, 副 or 代 (副省长, 常务副市长, 代县长); a
    // 厅 is a province's department (省商务厅厅长). A title of a body names its level
    // with the body (区发展和改革局局长, 县文化广电体育和旅游局局长).
    let level = title_text
        .trim_start_matches("常务")
        .trim_start_matches(['副', '代'])
        .chars()
        .next();
    let level = match level {
        Some('省' | '自' | '厅' | '州' | '市' | '县' | '旗' | '盟' | '区' | '镇' | '乡') => level,
        _ => body_level(ctx, title.start).or(level),
    };
    match level {
        Some('省' | '自' | '厅') => PostPlace::Implied(PlaceLevel::Province),
        Some('州') => PostPlace::Implied(PlaceLevel::Prefecture),
        Some('市') => previous
            .filter(|p| !matches!(p, PostPlace::Implied(_)))
            .unwrap_or(PostPlace::Implied(PlaceLevel::Prefecture)),
        // A banner (旗) is a county; a league (盟) a prefecture.
        Some('县' | '旗') => PostPlace::Implied(PlaceLevel::County),
        Some('盟') => PostPlace::Implied(PlaceLevel::Prefecture),
        Some('区') => previous.unwrap_or(PostPlace::Implied(PlaceLevel::District)),
        _ => previous.unwrap_or(PostPlace::Implied(PlaceLevel::Prefecture)),
    }
}

/// The level character of the body a title belongs to (区 of 区发展和改革局局长): in the
/// phrase before the title, back to punctuation and at most 16 characters, the first level
/// character (or 自治区) that jieba cuts as a word of its own.
fn body_level(ctx: &Ctx<'_>, at: usize) -> Option<char> {
    let before = &ctx.text[..at];
    let from = before
        .char_indices()
        .rev()
        .take(16)
        .find(|(_, c)| !is_han(*c))
        .map(|(i, c)| i + c.len_utf8())?;
    // The first level character that is a word of its own (带着 | 县 | 文化广电…局长), not
    // the start of another word (市场监督管理局).
    (from..at.saturating_sub(6))
        .filter(|&p| ctx.text.is_char_boundary(p))
        .find_map(|p| {
            let w = ctx.tokens.word_at(p)?;
            let mut cs = ctx.text[w.range()].chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) if "省市区县旗盟".contains(c) => Some(c),
                // 自治区发展改革委主任: a region is a province.
                _ if &ctx.text[w.range()] == "自治区" => Some('自'),
                _ => None,
            }
        })
}

/// The party and administrative organs of a development zone.
const ZONE_ORGANS: [&str; 2] = ["党工委", "管委会"];

/// The town the document is about: the one it names most often, if no other town is named
/// as often (a town's page names its neighbours too: 与相邻的太平溪镇、乐天溪镇).
fn main_town(rec: &Recognition) -> Option<LocalId> {
    // The most mentions so far, the town with them (none while another has as many).
    let mut best: (usize, Option<LocalId>) = (0, None);
    for (id, e) in rec.entities.iter().enumerate() {
        let n = e.mentions.len();
        let town = e.place().is_some_and(|p| p.level == Some(PlaceLevel::Town));
        if n == 0 || !town || n < best.0 {
            continue;
        }
        best = (n, (n > best.0).then_some(id));
    }
    best.1
}

/// The one zone the document names right before its organs, if there is exactly one.
fn zone_with_organs(ctx: &Ctx<'_>, rec: &Recognition) -> Option<LocalId> {
    rec.the_only(|e| {
        e.place().is_some_and(|p| p.level == Some(PlaceLevel::Zone))
            && e.mentions
                .iter()
                .any(|m| ZONE_ORGANS.iter().any(|o| ctx.text[m.end..].starts_with(o)))
    })
}

/// A town or township the gazetteer does not hold, named right before a title
/// (城关镇党委书记, 新塘街道党工委书记): a place of level town, with the county it is named in
/// left to the focus place.
fn town_before(ctx: &Ctx<'_>, rec: &mut Recognition, at: usize) -> Option<super::LocalId> {
    let before = &ctx.text[..at];
    let suffix = ["街道", "镇", "乡"].into_iter().find(|s| before.ends_with(s))?;
    // A town the town recogniser found (播州区 | 枫香镇): that one.
    if let Some((_, town)) = rec.ending_at(at, |e| e.place().is_some_and(|p| p.level == Some(PlaceLevel::Town))) {
        return Some(town);
    }
    let suffix_start = at - suffix.len();
    let start = super::text::extend_left(ctx.text, ctx.tokens, suffix_start.saturating_sub(12), suffix_start, 4);
    let start = if start == suffix_start {
        // The town name and its suffix may be one word (城关镇).
        ctx.tokens
            .word_ending_at(at)
            .filter(|w| w.start < suffix_start)
            .map(|w| w.start)?
    } else {
        start
    };
    // 调任 | 江南镇党委书记, 她 | 带领 | 镇村干部: a verb or a pronoun opens no name; the name
    // starts after them.
    let mut start = start;
    while let Some(w) = ctx.tokens.word_at(start).filter(|w| w.end < suffix_start) {
        let word = &ctx.text[w.range()];
        if !(ctx.res.segmenter.is_verb(word) || ctx.res.segmenter.is_function_word(word)) {
            break;
        }
        start = w.end;
    }
    let span = Span::new(start, at);
    let name = &ctx.text[span.range()];
    let stem = &name[..name.len() - suffix.len()];
    // 乡镇党委书记, 各镇书记: generic, not a named town.
    let generic = [
        "乡", "城", "村", "各", "全", "该", "本", "每", "重点", "乡村", "城乡", "中心", "特色", "建制",
    ];
    if stem.chars().count() < 2 && suffix != "街道" || generic.contains(&stem) {
        return None;
    }
    if name.chars().count() > 8
        || !name.chars().all(super::text::is_han)
        || rec.covered(span, &[EntityKind::Organization])
    {
        return None;
    }
    let info = crate::model::PlaceInfo {
        level: Some(PlaceLevel::Town),
        ..Default::default()
    };
    Some(rec.add(EntityKind::Place, name, name, Some(span), EntityDetail::Place(info)))
}

/// Titles of a company's officers, not of party or state posts.
const CORPORATE_TITLES: &[&str] = &["董事长", "总经理", "副董事长", "副总经理", "总裁", "副总裁", "理事长"];

/// Who answers in a Q&A: the names that open two or more lines before a colon (苏和巴特尔：…,
/// 司马俊峰：…), longest first. The page spells them out whole, where segmentation may cut
/// them (苏 | 和 | 巴特尔, 司 | 马俊峰).
fn speakers(ctx: &Ctx<'_>) -> Vec<String> {
    let mut count: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for &line in &ctx.body.spans {
        let text = ctx.text[line.range()].trim_start_matches([' ', '\u{3000}', '\t']);
        let Some(colon) = text.find(['：', ':']) else { continue };
        let name = &text[..colon];
        let n = name.chars().filter(|c| *c != '·').count();
        if (2..=8).contains(&n) && name.chars().all(|c| is_han(c) || c == '·') && !NOT_SPEAKERS.contains(&name) {
            *count.entry(name).or_default() += 1;
        }
    }
    let mut names: Vec<String> = count
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(name, _)| name.to_owned())
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
}

/// Line openers before a colon that are no speaker's name.
const NOT_SPEAKERS: &[&str] = &[
    "记者",
    "本报记者",
    "问",
    "答",
    "主持人",
    "编者按",
    "编辑",
    "责任编辑",
    "来源",
    "作者",
    "摄影",
    "通讯员",
    "链接",
    "背景",
    "简介",
    "人物简介",
    "提问",
    "回答",
    "嘉宾",
    "网友",
];

/// A speaker's name (see [`speakers`]) right after a title.
fn speaker_after(ctx: &Ctx<'_>, speakers: &[String], pos: usize) -> Option<Span> {
    let rest = &ctx.text[pos..];
    speakers
        .iter()
        .find(|name| rest.starts_with(name.as_str()))
        .map(|name| Span::new(pos, pos + name.len()))
}

/// The name right after a title: one word of two or three characters starting with a
/// surname, or a one-character surname word followed by a one- or two-character word; or a
/// name without a Han surname (see [`transliterated_name_after`]).
fn name_after(ctx: &Ctx<'_>, pos: usize) -> Option<Span> {
    // 区委书记 刘永辉: a by-line may put spaces between title and name.
    let pos = pos + (ctx.text[pos..].len() - ctx.text[pos..].trim_start_matches([' ', '\u{3000}']).len());
    if let Some(dotted) = dotted_name_at(ctx, pos) {
        return Some(dotted);
    }
    match han_name_after(ctx, pos) {
        Some(han) if is_visit(ctx, han) => None,
        // 斯琴 | 毕力 | 格, 那 | 顺巴 | 雅尔: a transliterated name whose first characters look
        // like a Han name (斯 and 那 are surnames).
        Some(han) => Some(transliterated_continuation(ctx, han).unwrap_or(han)),
        None => transliterated_name_after(ctx, pos),
    }
}

/// A name whose parts a middle dot joins, starting at `pos` (县长努尔兰·哈孜别克主持会议,
/// 副县长古丽娜尔·吐尔逊及…): two to six Han characters, the dot, and the words of a
/// transliterated name after it. The dot vouches for the name, whatever the dictionary holds
/// of its first part (努尔 is a word, 古丽娜尔 looks like 古 and a given name).
fn dotted_name_at(ctx: &Ctx<'_>, pos: usize) -> Option<Span> {
    let rest = ctx.text.get(pos..)?;
    let (dot, _) = rest.char_indices().take(7).find(|(_, c)| matches!(c, '·' | '•'))?;
    let first = &rest[..dot];
    let n = first.chars().count();
    if !(2..=6).contains(&n)
        || !first.chars().all(is_han)
        || first.starts_with(NOT_GIVEN_NAME)
        || !ctx.tokens.starts_at(pos)
        || !ctx.tokens.starts_at(pos + dot)
    {
        return None;
    }
    let words = transliterated_words(ctx, pos + dot);
    let span = Span::new(pos, words.end);
    // Something after the dot, and a whole name of at most twelve characters.
    let after_dot = ctx.text[pos + dot..span.end].chars().filter(|c| is_han(*c)).count();
    (after_dot >= 2 && han_chars(ctx, span) <= 12 && name_ends_at(ctx, span)).then_some(span)
}

/// Whether `span` (two characters after a title) is a visit, not a name: 习近平总书记来川视察,
/// 总书记赴黔考察 (来 and 赴 look like surnames).
fn is_visit(ctx: &Ctx<'_>, span: Span) -> bool {
    let mut chars = ctx.text[span.range()].chars();
    let (Some(verb), Some(province), None) = (chars.next(), chars.next(), chars.next()) else {
        return false;
    };
    "来到赴莅".contains(verb)
        && PROVINCE_SHORT.contains(province)
        && ["视察", "考察", "调研", "指导", "看望"]
            .iter()
            .any(|w| ctx.text[span.end..].starts_with(w))
}

/// A name without a Han surname after a title (旗长额尔敦毕力格, 州长阿不都热依木): words
/// the dictionary does not know or holds as rare, single characters that are no particles,
/// and middle dots; three to ten characters, ending where a known word or punctuation
/// starts, and no place name at its start.
fn transliterated_name_after(ctx: &Ctx<'_>, pos: usize) -> Option<Span> {
    let seg = &ctx.res.segmenter;
    let first = ctx.tokens.word_at(pos)?;
    let first_word = &ctx.text[first.range()];
    // It starts with a word the HMM guessed, or a rare one the dictionary holds as a name
    // or place (扎西, 阿不都热依木): not with a preposition (总书记对古雷) or a phrase.
    let name_like = !seg.knows(first_word) || seg.is_rare(first_word) && seg.has_name_tag(first_word);
    if first_word.chars().count() < 2
        || !first_word.chars().all(is_han)
        || first_word.starts_with(NOT_GIVEN_NAME)
        || !name_like
    {
        return None;
    }
    let rest = transliterated_words(ctx, first.end);
    let span = Span::new(pos, rest.end);
    // Two characters are a name only where a verb of speech follows (村党支部书记达瓦告诉记者).
    let min = if next_is_speech(ctx, span.end) { 2 } else { 3 };
    ((min..=10).contains(&han_chars(ctx, span)) && name_ends_at(ctx, span)).then_some(span)
}

/// Verbs of speech that follow a speaker's name.
const SPEECH: &[&str] = &[
    "表示", "介绍", "告诉", "说", "指出", "强调", "认为", "坦言", "谈到", "透露",
];

/// Whether a verb of speech starts at `pos`.
fn next_is_speech(ctx: &Ctx<'_>, pos: usize) -> bool {
    ctx.tokens
        .word_at(pos)
        .is_some_and(|w| SPEECH.contains(&&ctx.text[w.range()]))
}

/// A Han-looking name `han` that goes on as a transliterated one: at least one more word
/// the dictionary does not know, holds as rare or as a name (斯琴 | 毕力 | 格, 那顺巴 | 雅尔),
/// or a middle dot, for four to ten characters in all. A Han name is followed by a verb,
/// a particle or a common word (李强 | 赴京, 王强 | 强调), which end it here.
fn transliterated_continuation(ctx: &Ctx<'_>, han: Span) -> Option<Span> {
    if has_compound_surname(ctx, &ctx.text[han.range()]) {
        return None;
    }
    let rest = transliterated_words(ctx, han.end);
    let span = Span::new(han.start, rest.end);
    let ok = rest.name_words > 0
        && (4..=10).contains(&han_chars(ctx, span))
        && name_ends_at(ctx, span)
        && !ctx.res.places.starts_with_name(&ctx.text[han.end..]);
    ok.then_some(span)
}

/// How far the words of a transliterated name run from `end`.
struct TransliteratedWords {
    end: usize,
    /// Words of two or more characters, and middle dots, taken.
    name_words: usize,
}

/// The words of a transliterated name from `end` on: middle dots, single Han characters that
/// are no particle, verb or function word, and words of Han characters the dictionary does not
/// know, holds as rare, or holds as a name (努尔) and not as a frequent word. After a middle
/// dot, any word but a verb, a function word or a frequent one (阿力木江·努尔 | 买买提).
fn transliterated_words(ctx: &Ctx<'_>, mut end: usize) -> TransliteratedWords {
    let seg = &ctx.res.segmenter;
    let mut dotted = false;
    let mut name_words = 0;
    let start = end;
    // A name is at most ten characters: the walk stops before a run of unknown words can make
    // it long.
    while let Some(next) = ctx.tokens.word_at(end).filter(|_| end - start < 40) {
        let w = &ctx.text[next.range()];
        let mut chars = w.chars();
        let ok = match (chars.next(), chars.next(), chars.next()) {
            (Some('·' | '•'), None, _) => {
                dotted = true;
                true
            }
            // 斯琴 | 毕力 | 格说: the HMM glued the name's last character to the verb after it.
            (Some(c), Some(after), None) if is_han(c) && !seg.knows(w) && NOT_GIVEN_NAME.contains(&after) => {
                if !NOT_GIVEN_NAME.contains(&c) && name_words > 0 {
                    end = next.start + c.len_utf8();
                }
                break;
            }
            (Some(c), None, _) => {
                is_han(c) && !NOT_GIVEN_NAME.contains(&c) && !seg.is_verb(w) && !seg.is_function_word(w)
            }
            _ => {
                // Rare words may be verbs (李强 | 赴京): those end a name.
                let name_like = (!seg.knows(w)
                    || seg.is_rare(w)
                    || (seg.has_name_tag(w) || dotted) && !seg.is_frequent(w) && !seg.is_function_word(w))
                    && !seg.is_verb(w)
                    && !ctx.res.segmenter.holds_frequent_word(w);
                // 宋建平 | 在发言中 | 说: a word that opens with a preposition is no part of a name.
                let preposition_first = w.starts_with(['在', '于', '向', '对', '从', '把', '被']);
                w.chars().all(is_han) && name_like && !NOT_NAME.contains(&w) && !preposition_first
            }
        };
        if !ok {
            break;
        }
        if w.chars().count() > 1 || !w.chars().all(is_han) {
            name_words += 1;
        }
        end = next.end;
    }
    TransliteratedWords { end, name_words }
}

/// The Han characters of `span`.
fn han_chars(ctx: &Ctx<'_>, span: Span) -> usize {
    ctx.text[span.range()].chars().filter(|c| is_han(*c)).count()
}

/// Whether a transliterated name can end at `span`'s end: not on a middle dot, before a word
/// the dictionary knows or one of other characters, and with no place name at its start.
fn name_ends_at(ctx: &Ctx<'_>, span: Span) -> bool {
    let name = &ctx.text[span.range()];
    let ends_here = ctx.tokens.word_at(span.end).is_none_or(|w| {
        let t = &ctx.text[w.range()];
        !t.chars().all(is_han) || ctx.res.segmenter.knows(t)
    });
    !name.ends_with(['·', '•']) && ends_here && !ctx.res.places.starts_with_name(name)
}

/// A name with a Han surname after a title (see [`name_after`]).
fn han_name_after(ctx: &Ctx<'_>, pos: usize) -> Option<Span> {
    let w = match ctx.tokens.word_at(pos) {
        Some(w) => w,
        // 临泉县 | 长王东: jieba glued the title's last character to the name; the name is
        // the rest of that word.
        None => Span::new(pos, ctx.tokens.word_covering(pos)?.end),
    };
    let word = &ctx.text[w.range()];
    let n = word.chars().count();
    let span = if n == 1 {
        let next = ctx.tokens.word_at(w.end)?;
        // 县委书记谈发展: 谈 is a surname, but 发展 is no given name. Before a verb of speech
        // it is one (村党总支书记李 | 光荣 | 说).
        let said_after = || {
            let after = &ctx.text[next.end..];
            SPEECH.iter().any(|v| after.starts_with(v))
        };
        if ctx.res.segmenter.is_frequent(&ctx.text[next.range()])
            && !(ctx.text[next.range()].chars().count() == 2 && said_after())
        {
            return None;
        }
        let m = ctx.text[next.range()].chars().count();
        if m > 2 {
            // 张 + 国旺表示 … take at most two more characters.
            let two: usize = ctx.text[next.start..].chars().take(2).map(char::len_utf8).sum();
            Span::new(w.start, next.start + two)
        } else {
            Span::new(w.start, next.end)
        }
    } else if n == 2 && is_compound_surname(ctx, word) {
        // 欧阳 | 振华: a compound surname alone, and the given name a word of its own.
        let next = ctx.tokens.word_at(w.end)?;
        let given = &ctx.text[next.range()];
        let ok = (1..=2).contains(&given.chars().count())
            && given.chars().all(is_han)
            && !given.starts_with(NOT_GIVEN_NAME)
            && !NOT_NAME.contains(&given);
        if !ok {
            return None;
        }
        Span::new(w.start, next.end)
    } else if n == 4 && !has_compound_surname(ctx, word) {
        // 高度重视 is a word, not a name and a verb jieba glued to it.
        if !ctx.res.segmenter.may_be_name(word) {
            return None;
        }
        // 张杨彬表 is not a name: jieba glued a verb; take three characters.
        let three: usize = word.chars().take(3).map(char::len_utf8).sum();
        Span::new(w.start, w.start + three)
    } else {
        w
    };
    let name = &ctx.text[span.range()];
    // Right after a title, a name may be a word the dictionary holds as a rare noun (县委书记
    // 方明): the title vouches for it, where the name plainly ends there. Before a single
    // character it may be the start of a longer name (林学 | 彬): left alone.
    let ends_here = || {
        ctx.tokens.word_at(span.end).is_none_or(|next| {
            let next = &ctx.text[next.range()];
            next.chars().count() > 1 || !next.chars().all(is_han)
        })
    };
    let vouched = || has_name_shape(ctx, name) && ctx.res.segmenter.is_rare(name) && ends_here();
    if looks_like_name(ctx, name) || vouched() {
        // 黎明 | 远 | 表示: a two-character name the dictionary knows may be the start of a
        // longer one, when the character after it is no verb or function word and the name
        // plainly ends after it.
        if n == 2 && span == w {
            let longer = third_name_char(ctx, w).filter(|s| {
                let third = &ctx.text[w.end..s.end];
                let seg = &ctx.res.segmenter;
                // (A particle or preposition after it ends it too: 陈立 | 群 | 在接受采访时.)
                let ends = ctx.tokens.word_at(s.end).is_none_or(|next| {
                    let next = &ctx.text[next.range()];
                    next.chars().count() > 1
                        || !next.chars().all(is_han)
                        || next.chars().next().is_some_and(|c| NOT_GIVEN_NAME.contains(&c))
                });
                ctx.tokens.word_at(w.end).is_some_and(|t| t.end == s.end)
                    && !seg.is_verb(third)
                    && !seg.is_function_word(third)
                    && ends
            });
            return longer.or(Some(span));
        }
        return Some(span);
    }
    (n == 2).then(|| third_name_char(ctx, w)).flatten()
}

/// Characters that do not end a name: particles, prepositions, adverbs and the verbs that
/// follow a speaker (王国 | 庆说 ends at 庆; 林学 | 彬 | 表示 at 彬; 方向 | 在 is no name).
const NOT_GIVEN_NAME: &[char] = &[
    '的', '地', '得', '了', '着', '过', '们', '在', '是', '说', '表', '称', '和', '与', '及', '同', '等', '到', '对',
    '为', '将', '也', '就', '已', '又', '还', '要', '一', '率', '带', '以', '从', '向', '把', '被', '让', '给', '作',
    '谈', '都', '曾', '现', '任', '陪', '于', '做', '看', '来', '去', '讲', '指', '提', '道', '答', '问', '均', '亦',
    '即', '并', '先', '再', '更', '很', '最', '所', '只', '才', '仍', '却', '而', '但', '或', '这', '那', '此', '其',
    '之', '因', '由', '自', '受', '上', '下', '里', '内', '外', '后', '前', '时', '年', '月', '日', '会', '兼', '代',
    '主', '出', '则', '便', '个', '次', '位', '名', '该', '各', '每',
];

/// After a title, a three-character name whose first two characters are a dictionary word
/// (林学 | 彬, 黄河 | 清, 王国 | 庆说): the two-character word `w` with the next character,
/// when that character stands alone or jieba glued it to a following particle or verb.
fn third_name_char(ctx: &Ctx<'_>, w: Span) -> Option<Span> {
    let next = ctx.tokens.word_at(w.end)?;
    let next_word = &ctx.text[next.range()];
    let mut chars = next_word.chars();
    let third = chars.next().filter(|c| is_han(*c) && !NOT_GIVEN_NAME.contains(c))?;
    let rest: Vec<char> = chars.collect();
    let glued = match rest.as_slice() {
        [] => true,
        // The HMM joined the name's last character to the verb after it (庆说).
        [after] => !ctx.res.segmenter.knows(next_word) && NOT_GIVEN_NAME.contains(after),
        _ => false,
    };
    let span = Span::new(w.start, next.start + third.len_utf8());
    let name = &ctx.text[span.range()];
    (glued && has_name_shape(ctx, name) && ctx.res.segmenter.may_be_name(name)).then_some(span)
}

/// Whether `word` is a compound surname and nothing more (欧阳, 司马).
fn is_compound_surname(ctx: &Ctx<'_>, word: &str) -> bool {
    ctx.res.lexical.compound_surnames.iter().any(|s| s == word)
}

fn has_compound_surname(ctx: &Ctx<'_>, word: &str) -> bool {
    ctx.res
        .lexical
        .compound_surnames
        .iter()
        .any(|s| word.starts_with(s.as_str()))
}

/// Two or three Han characters (four with a compound surname) starting with a surname, and
/// a word the dictionary does not hold as anything but a name.
pub(crate) fn looks_like_name(ctx: &Ctx<'_>, word: &str) -> bool {
    has_name_shape(ctx, word) && ctx.res.segmenter.may_be_name(word)
}

/// Two or three Han characters (four with a compound surname) starting with a surname, not a
/// word that follows titles (表示, 同志) nor one ending in a particle.
fn has_name_shape(ctx: &Ctx<'_>, word: &str) -> bool {
    let n = word.chars().count();
    if !(2..=4).contains(&n) || !word.chars().all(is_han) || NOT_NAME.contains(&word) {
        return false;
    }
    if word.ends_with(NOT_NAME_END) {
        return false;
    }
    let first = word.chars().next().unwrap_or(' ');
    if has_compound_surname(ctx, word) {
        return n >= 3;
    }
    n <= 3 && ctx.res.lexical.surnames.contains(&first)
}

/// Reporters, photographers and editors named in the by-lines.
fn reporters(ctx: &Ctx<'_>, rec: &mut Recognition) {
    for &line in &ctx.body.spans {
        let s = &ctx.text[line.range()];
        if s.chars().count() > 80 || ctx.known(Known::ReporterAnchors, line).next().is_none() {
            continue;
        }
        for caps in REPORTER.captures_iter(s) {
            if let Some(group) = caps.get(1).or_else(|| caps.get(2)) {
                let base = line.start + group.start();
                for (off, name) in split_names(group.as_str()) {
                    let span = Span::new(base + off, base + off + name.len());
                    if looks_like_name(ctx, name)
                        && !rec.covered(
                            span,
                            &[EntityKind::Official, EntityKind::Place, EntityKind::Organization],
                        )
                    {
                        rec.add(EntityKind::Person, name, name, Some(span), EntityDetail::None);
                    }
                }
            }
        }
    }
}

/// Names separated by white space, with their offsets.
fn split_names(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if is_han(c) {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push((st, &s[st..i]));
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    static REPORTER_ANCHOR_SET: LazyLock<aho_corasick::AhoCorasick> =
        LazyLock::new(|| super::super::text::literal_set(REPORTER_ANCHORS));

    proptest! {
        /// The gate never hides a by-line: every match of the pattern holds an anchor.
        #[test]
        fn every_reporter_match_holds_an_anchor(
            s in prop_oneof![
                "(记者|通讯员|实习生|文/|文／|图/|图／|编辑|作者|摄影|摄|：|:|张|王|小|明|华| |\u{3000}|\n|）|，){0,14}",
                "(本报|新华社)?(记者|通讯员|实习生|文/|文／|图/|图／|编辑：|责任编辑：|作者：|摄影：?)[ ]?(张小明|王华|李明)([ ）]|)",
                "(张小明|王华|李明)[ \u{3000}]{1,2}摄",
            ]
        ) {
            for m in REPORTER.find_iter(&s) {
                prop_assert!(REPORTER_ANCHOR_SET.is_match(m.as_str()), "{}", m.as_str());
            }
        }
    }
}
