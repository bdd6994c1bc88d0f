//! What the page says about itself: headline, medium, date, and who is interviewed.
//!
//! Read from the page's own lines: 来源:福建日报, 【福建日报专访】, 接受清远日报专访, the headline
//! (the first short line), a date (2023-04-26, 2021年1月14日), and the interviewee: a speaker
//! in the Q&A (张国旺:), the name after 访/专访, or the official who 接受…专访/采访.

use super::text::{clause, is_han};
use super::{Ctx, Recognition};
use crate::model::{EntityDetail, EntityKind};
use crate::span::Span;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)(?:来源|来源于|稿源|转自)[:：]\s*(\p{Han}{2,10})",
        r"|【(\p{Han}{2,8}?)(?:专访|访谈|独家专访)】",
        r"|接受(\p{Han}{2,8}?)(?:记者)?(?:专访|采访|独家专访)",
        r"|文/(\p{Han}{2,8}?)(?:全媒体)?记者",
        r"|^(\p{Han}{2,6}(?:日报|晚报|早报|商报|时报|网|电视台))[:：]",
        // A by-line of the medium and the date alone: 云南网 2023-02-08.
        r"|^\s*(\p{Han}{2,6}(?:日报|晚报|早报|商报|时报|网|在线|电视台))\s+(?:19|20)\d{2}[-/.年]",
        // …or the date, then the medium: 2023年01月20日 中安在线.
        r"|^\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2})?\s+(\p{Han}{2,6}(?:日报|晚报|早报|商报|时报|网|在线|电视台))\s*$"
    ))
    .unwrap()
});
static MEDIA_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{1,8}(?:日报|晚报|早报|商报|时报|都市报|报|网|在线|电视台|广播电视台|融媒体中心|发布|新闻|杂志|通讯社|客户端)$").unwrap()
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?|((?:19|20)\d{2})年(\d{1,2})月").unwrap()
});
static INTERVIEWED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"接受\p{Han}{0,10}?(?:专访|采访|访谈)|(?:专访|访|对话)[:：]?\s*$|进行了?(?:专访|采访)|专访了?").unwrap()
});

pub(crate) fn recognise(ctx: &Ctx<'_>, rec: &mut Recognition) {
    let text = ctx.text;
    // Headline: the first line that is short and not a bracketed marker or a by-line.
    let mut lines = text.lines();
    rec.meta.title = lines
        .by_ref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(6)
        .find(|l| {
            let n = l.chars().count();
            let marker = l.starts_with('【') && l.ends_with('】');
            (4..=60).contains(&n) && !marker && !l.contains('>') && !l.starts_with("来源")
        })
        .map(|l| l.trim_start_matches('\u{feff}').to_owned());

    // Date: the first full date in the first lines of the page, else any.
    let head_end = text.char_indices().nth(600).map_or(text.len(), |(i, _)| i);
    rec.meta.date = first_date(&text[..head_end]).or_else(|| first_date(text));

    // Source: every naming of the medium, in the whole page (its by-lines may be outside
    // the body), but recorded with a mention only where it is inside the body.
    for caps in SOURCE.captures_iter(text) {
        let Some(g) = (1..=7).find_map(|i| caps.get(i)) else {
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
        let mut span = Span::new(g.start() + lead, g.end());
        // 羊城晚报全媒体 → 羊城晚报.
        for cut in ["全媒体", "记者", "报业集团"] {
            if let Some(i) = name.find(cut) {
                name = &name[..i];
                span.end = span.start + i;
            }
        }
        if name.starts_with('本') || !MEDIA_NAME.is_match(name) {
            continue;
        }
        let whole = caps.get(0).map_or(span, |m| Span::new(m.start(), m.end()));
        let id = rec.add(EntityKind::Organization, name, name, Some(span), EntityDetail::None);
        if !rec.meta.source.iter().any(|(s, _)| *s == id) {
            rec.meta.source.push((id, whole));
        }
    }

    interviewees(ctx, rec);
}

fn first_date(s: &str) -> Option<String> {
    let c = DATE.captures(s)?;
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
        let cl = clause(ctx.text, &ctx.body.spans, span);
        let clause_text = &ctx.text[cl.range()];
        // Whoever 陪同采访 (accompanies the interview) is not the one interviewed.
        let accompanies = clause_text.contains("陪同");
        // The last 30 characters before the name.
        let recent = &before[before.char_indices().rev().nth(29).map_or(0, |(at, _)| at)..];
        let introduced = recent.contains('访') || recent.contains("对话");
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
