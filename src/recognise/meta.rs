//! What the page says about itself: headline, medium, date, and who is interviewed.
//!
//! Read from the page's own lines: 来源:福建日报, 【福建日报专访】, 接受清远日报专访, the headline
//! (the first short line), a date (2023-04-26, 2021年1月14日), and the interviewee: a speaker
//! in the Q&A (张国旺:), the name after 访/专访, or the official who 接受…专访/采访.

use super::text::{every_start, is_han, literal_set};
use super::{Ctx, Recognition};
use crate::model::{EntityDetail, EntityKind};
use crate::span::Span;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// A medium named in running text: 来源：X, 【X专访】, 接受X专访, 文/X记者 …
const SOURCE_INLINE: &str = concat!(
    r"(?:来源|来源于|稿源|转自)[:：]\s*(\p{Han}{2,16})",
    r"|【(\p{Han}{2,8}?)(?:专访|访谈|独家专访)】",
    r"|接受(\p{Han}{2,8}?)(?:记者)?(?:专访|采访|独家专访)",
    r"|文/(\p{Han}{2,8}?)(?:全媒体)?记者",
);
/// Words one of [`SOURCE_INLINE`]'s matches starts with.
const SOURCE_INLINE_STARTS: &[&str] = &["来源", "稿源", "转自", "【", "接受", "文/"];
/// A medium in a by-line at the start of a line: 金华日报:, 云南网 2023-02-08, the date then
/// the medium (2023年01月20日 中安在线), or its reporter's by-line (闽东日报记者 郑雅琳).
const SOURCE_BYLINE: &str = concat!(
    r"(\p{Han}{2,6}(?:日报|晚报|早报|商报|时报|网|电视台))[:：]",
    r"|\s*(\p{Han}{2,6}(?:日报|晚报|早报|商报|时报))(?:全媒体)?记者\s",
    r"|\s*(\p{Han}{2,6}(?:日报|晚报|早报|商报|时报|网|在线|电视台))\s+(?:19|20)\d{2}[-/.年]",
    r"|\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2})?\s+(\p{Han}{2,6}(?:日报|晚报|早报|商报|时报|网|在线|电视台))\s*$"
);
static SOURCE_INLINE_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\A(?:{SOURCE_INLINE})")).expect("source pattern builds"));
static SOURCE_BYLINE_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?m)\A(?:{SOURCE_BYLINE})")).expect("source pattern builds"));
static SOURCE_STARTS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| literal_set(SOURCE_INLINE_STARTS));

/// The matches of `(?m)INLINE|^BYLINE` in `text`, in order, each with the offset its
/// positions are relative to. Found from the places a match can start (a word that opens an
/// inline naming, a line start), anchored there: the pattern's by-line branches, which open
/// with a character class, made an unanchored search read every byte of every page.
fn source_matches(text: &str) -> Vec<(usize, regex::Captures<'_>)> {
    let inline = every_start(&SOURCE_STARTS, text).map(|m| m.start());
    let line_starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
    let mut starts: Vec<(usize, bool)> = inline
        .map(|p| (p, false))
        .chain(line_starts.map(|p| (p, true)))
        .collect();
    starts.sort_unstable();
    let mut out = Vec::new();
    let mut next = 0;
    // At a line start that also opens an inline naming, the inline branches come first, as
    // they do in the pattern: (at, false) sorts before (at, true).
    for (at, line_start) in starts {
        if at < next || at > text.len() {
            continue;
        }
        if line_start && !byline_may_start(&text[at..]) {
            continue;
        }
        let pattern = if line_start {
            &*SOURCE_BYLINE_AT
        } else {
            &*SOURCE_INLINE_AT
        };
        // Nearly every start fails: `is_match` says so without allocating the captures.
        let caps = if pattern.is_match(&text[at..]) {
            pattern.captures(&text[at..])
        } else {
            None
        };
        if let Some(caps) = caps {
            next = at + caps.get(0).map_or(1, |m| m.end().max(1));
            out.push((at, caps));
        }
    }
    out
}

/// Whether a by-line can start at the start of `s`: each branch of [`SOURCE_BYLINE`] has,
/// after any white space, a 1 or 2 (a year) first, or a colon or white space within its first
/// sixteen characters (after a medium's name of at most nine, or one of eight and 全媒体记者).
/// Ordinary lines of prose have neither, and skip the pattern.
fn byline_may_start(s: &str) -> bool {
    let s = s.trim_start();
    s.starts_with(['1', '2']) || s.chars().take(16).any(|c| c == ':' || c == '：' || c.is_whitespace())
}

static MEDIA_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{1,8}(?:日报|晚报|早报|商报|时报|都市报|报|网|在线|电视台|广播电视台|融媒体中心|发布|新闻|杂志|通讯社|客户端)$").unwrap()
});
/// A government body that publishes on its own site (来源：呈贡区人民政府办公室).
static BODY_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Han}{2,10}(?:人民政府办公室|人民政府|政府办公室|新闻办公室|新闻办)$").unwrap());
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?|((?:19|20)\d{2})年(\d{1,2})月").unwrap()
});
static INTERVIEWED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"接受\p{Han}{0,10}?(?:专访|采访|访谈)|(?:专访|访|对话)[:：]?\s*$|进行了?(?:专访|采访)|专访了?").unwrap()
});

/// Builds this module's patterns now rather than on the first document (see
/// [`warm_up`](super::warm_up)).
pub(super) fn warm_up() {
    for pattern in [
        &SOURCE_INLINE_AT,
        &SOURCE_BYLINE_AT,
        &MEDIA_NAME,
        &BODY_NAME,
        &DATE,
        &INTERVIEWED,
    ] {
        LazyLock::force(pattern);
    }
    LazyLock::force(&SOURCE_STARTS);
}

pub(crate) fn recognise(ctx: &Ctx<'_>, rec: &mut Recognition) {
    let text = ctx.text;
    // Headline: the first line that is short and not a bracketed marker or a by-line.
    let mut lines = text.lines();
    let title = lines
        .by_ref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(6)
        .find(|l| {
            let n = l.chars().count();
            let marker = l.starts_with('【') && l.ends_with('】');
            (4..=60).contains(&n) && !marker && !l.contains('>') && !l.starts_with("来源")
        })
        .map(|l| l.trim_start_matches('\u{feff}'));
    // The headline is a slice of `text`: its offset is the distance between the pointers.
    // A subtitle (——筠连县推动茶产业提质增效见闻) on the next line belongs to it.
    rec.meta.title_span = title.map(|l| {
        let start = l.as_ptr() as usize - text.as_ptr() as usize;
        let end = start + l.len();
        let subtitle = lines
            .map(str::trim)
            .find(|l| !l.is_empty())
            .filter(|l| l.starts_with('—') || l.starts_with("--"));
        Span::new(
            start,
            subtitle.map_or(end, |l| l.as_ptr() as usize - text.as_ptr() as usize + l.len()),
        )
    });
    rec.meta.title = title.map(str::to_owned);
    rec.meta.own_place_redacted = rec.meta.title_span.is_some_and(|t| {
        ctx.body
            .redactions
            .iter()
            .any(|r| t.contains(*r) && text[r.range()].ends_with(['省', '市', '县', '区', '镇', '乡']))
    });

    // Date: the first full date in the first lines of the page, else any.
    let head_end = text.char_indices().nth(600).map_or(text.len(), |(i, _)| i);
    rec.meta.date = first_date(&text[..head_end]).or_else(|| first_date(text));

    // Source: every naming of the medium, in the whole page (its by-lines may be outside
    // the body), but recorded with a mention only where it is inside the body.
    for (offset, caps) in source_matches(text) {
        let Some(g) = (1..caps.len()).find_map(|i| caps.get(i)) else {
            continue;
        };
        // 接受了河南日报记者专访: the particle is not part of the name.
        let lead: usize = g
            .as_str()
            .chars()
            .take_while(|c| "了的本".contains(*c))
            .map(char::len_utf8)
            .sum();
        let mut name = &g.as_str()[lead..];
        let mut span = Span::new(offset + g.start() + lead, offset + g.end());
        // 羊城晚报全媒体 → 羊城晚报.
        for cut in ["全媒体", "记者", "报业集团"] {
            if let Some(i) = name.find(cut) {
                name = &name[..i];
                span.end = span.start + i;
            }
        }
        if name.starts_with('本') || !(MEDIA_NAME.is_match(name) || BODY_NAME.is_match(name)) {
            continue;
        }
        let whole = caps
            .get(0)
            .map_or(span, |m| Span::new(offset + m.start(), offset + m.end()));
        // 毕节市人民政府 | 新闻办公室: an organisation found inside the medium gives way to it.
        let inside: Vec<(Span, usize)> = rec
            .overlapping(span)
            .filter(|(s, id)| *s != span && span.contains(*s) && rec.entities[*id].kind == EntityKind::Organization)
            .collect();
        for (s, id) in inside {
            rec.drop_mention(s, id);
        }
        let id = rec.add(EntityKind::Organization, name, name, Some(span), EntityDetail::None);
        if !rec.meta.source.iter().any(|(s, _)| *s == id) {
            rec.meta.source.push((id, whole));
        }
    }

    interviewees(ctx, rec);
}

/// What follows a date of a life, not of the page: 1972年3月生, 1994年7月参加工作.
const LIFE_EVENTS: &[&str] = &["生", "出生", "参加工作", "入党", "加入中国共产党", "毕业"];

/// The first date of `s` that is not a date of a life.
fn first_date(s: &str) -> Option<String> {
    DATE.captures_iter(s)
        .filter(|c| {
            c.get(0)
                .is_some_and(|m| !LIFE_EVENTS.iter().any(|e| s[m.end()..].starts_with(e)))
        })
        .find_map(|c| date_of(&c))
}

fn date_of(c: &regex::Captures<'_>) -> Option<String> {
    if let (Some(y), Some(m), Some(d)) = (c.get(1), c.get(2), c.get(3)) {
        let (m, d): (u32, u32) = (m.as_str().parse().ok()?, d.as_str().parse().ok()?);
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            return Some(format!("{}-{m:02}-{d:02}", y.as_str()));
        }
    }
    if let (Some(y), Some(m)) = (c.get(4), c.get(5)) {
        let m: u32 = m.as_str().parse().ok()?;
        if (1..=12).contains(&m) {
            return Some(format!("{}-{m:02}", y.as_str()));
        }
    }
    None
}

/// Ranks the officials by how the page presents them: Q&A speaker lines, 接受…专访 clauses,
/// the name after 访 in a headline. The best with any such sign is the interviewee.
fn interviewees(ctx: &Ctx<'_>, rec: &mut Recognition) {
    let mut score: BTreeMap<usize, (usize, Span)> = BTreeMap::new();
    let officials: Vec<(Span, usize)> = rec
        .mentions
        .iter()
        .filter(|(_, id)| rec.entities[*id].kind == EntityKind::Official)
        .copied()
        .collect();
    for (span, id) in officials {
        let line = match super::text::line_of(&ctx.body.spans, span) {
            Some(l) => l,
            None => continue,
        };
        let after = &ctx.text[span.end..line.end];
        let before = &ctx.text[line.start..span.start];
        let mut points = 0;
        let mut evidence = span;
        // A speaker line: 张国旺:……
        if span.start == line.start && (after.starts_with(':') || after.starts_with('：')) {
            points += 2;
            evidence = Span::new(line.start, span.end + ':'.len_utf8().min(after.len()));
        }
        // …张杨彬就…接受清远日报专访 / 对…彭章瑞进行了专访 / —访…张国旺
        let cl = ctx.clause(span);
        let clause_text = &ctx.text[cl.range()];
        // Whoever 陪同采访 (accompanies the interview) is not the one interviewed.
        let accompanies = clause_text.contains("陪同");
        // The last 30 characters before the name.
        let recent = &before[before.char_indices().rev().nth(29).map_or(0, |(at, _)| at)..];
        // —访…张国旺, 对话…, and a portrait's headline: ——记…花茂村党总支书记蹇勇.
        let introduced = recent.contains('访') || recent.contains("对话") || recent.contains("—记");
        if !accompanies && (INTERVIEWED.is_match(clause_text) || introduced) {
            points += 5;
            evidence = cl;
        }
        // National leaders quoted are not interviewed: a plain mention earns nothing.
        if points > 0 {
            let e = score.entry(id).or_insert((0, evidence));
            e.0 += points;
            if points >= 5 {
                e.1 = evidence;
            }
        }
    }
    let best = score.iter().max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.0.cmp(a.0)));
    if let Some((&id, &(points, span))) = best {
        if points >= 4 && is_han(rec.entities[id].name.chars().next().unwrap_or(' ')) {
            rec.meta.interviewees.push((id, span));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn dates_of_a_life_are_not_the_pages() {
        let career = "江海涛，男，1972年3月生，1994年7月参加工作。2023年5月8日，记者专访了他。";
        assert_eq!(first_date(career).as_deref(), Some("2023-05-08"));
        assert_eq!(first_date("1968年生，1990年7月毕业").as_deref(), None);
        assert_eq!(first_date("2024年13月 2024年2月").as_deref(), Some("2024-02"));
    }

    proptest! {
        /// Searching from the places a match can start finds what the whole pattern finds.
        #[test]
        fn source_matches_are_the_patterns(
            text in "(来源|来源于|：|:|【|】|专访|接受|记者|全媒体|文/|金华|日报|网|在线| |\n|2023|-|02|年|月|日|12:30|浙江|了){0,30}"
        ) {
            // The whole match, then the first group that took part, shifted by `offset`.
            let summary = |offset: usize, c: regex::Captures<'_>| {
                let groups: Vec<Option<(usize, usize)>> =
                    c.iter().map(|g| g.map(|g| (offset + g.start(), offset + g.end()))).collect();
                vec![groups[0], groups[1..].iter().copied().flatten().next()]
            };
            let whole = Regex::new(&format!("(?m){SOURCE_INLINE}|^(?:{SOURCE_BYLINE})")).unwrap();
            let expected: Vec<_> = whole.captures_iter(&text).map(|c| summary(0, c)).collect();
            let found: Vec<_> = source_matches(&text).into_iter().map(|(o, c)| summary(o, c)).collect();
            prop_assert_eq!(found, expected);
        }

        /// A by-line matches only where its gate lets the pattern run.
        #[test]
        fn bylines_start_where_their_gate_allows(
            text in prop_oneof![
                "(金华|中安|广东|日报|网|在线|电视台|记者|全媒体|：|:| |\u{3000}|\n|2023|1998|-|02|年|月|日|12:30){0,12}",
                concat!(
                    "[ \u{3000}\n]{0,2}(2023-02-02 |1998年1月1日 |2023年02月20日 12:30 )?",
                    "(金华|广东|中安|温){1,3}(日报|网|在线|电视台)[：: \u{3000}]{1,2}(2023-|1998年)?(金华|日报|12:30|\n){0,2}",
                ),
            ]
        ) {
            prop_assert!(!SOURCE_BYLINE_AT.is_match(&text) || byline_may_start(&text));
        }
    }
}
