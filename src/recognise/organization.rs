//! Organisations: media, party and government bodies, companies and associations.
//!
//! - lexicon entries (中共中央/党中央, 国务院, well-known companies), by automaton;
//! - media by their distinctive endings (日报, 晚报, 电视台 …) after a short name;
//! - bodies of a named place: 英德市委, 漳州市政府, 江海区委, 江门高新区管委会;
//! - companies and associations by legal or customary endings (集团, 有限公司, 商会, 高科,
//!   a place's 合作社 …), and universities (a place's 大学 or 学院, or one jieba knows), the
//!   name stem reaching left to the verb or punctuation before it.

use super::place::DocPlaces;
use super::text::{char_before, extend_left, is_han, is_left_stop, start_of_words_before};
use super::{Ctx, Known, LocalId, Recognition, WordSearch};
use crate::model::{EntityDetail, EntityKind};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// Endings of media names (found by [`Known::Media`]).
pub(crate) const MEDIA_ENDINGS: &[&str] = &[
    "日报",
    "晚报",
    "早报",
    "商报",
    "时报",
    "都市报",
    "电视台",
    "广播电视台",
    "融媒体中心",
];
/// The head of a list of companies: 与东方电气集团、国机重装等龙头企业.
static COMPANY_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"等(?:\d+家|[一二三四五六七八九十几多数百]+家)?(?:龙头|重点|知名|骨干|头部|领军|上市|链主|世界500强|大)?(?:企业|公司|集团|央企|国企|民企|车企|药企)").unwrap()
});
static BODY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[市县区省州旗]?(?:委|政府|人民政府|人大常委会|政协)").unwrap());
/// Legal and customary endings of companies, associations and universities (found in a
/// page by [`Known::CompanyEndings`]).
pub(crate) const COMPANY_ENDINGS: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "株式会社",
    "集团",
    "公司",
    "商会",
    "协会",
    "学会",
    "联合会",
    "研究院",
    "银行",
    "高科",
    "控股",
    "合作社",
    "大学",
    "学院",
];
static COMPANY: LazyLock<WordSearch> = LazyLock::new(|| WordSearch::new(COMPANY_ENDINGS.iter().copied()));

/// Words of company names before their ending (建设集团, 发展银行, 投资控股).
const NAME_WORDS: &[&str] = &[
    "建设", "发展", "投资", "开发", "实业", "集团", "控股", "科技", "股份", "产业", "服务",
];

/// Stems that make a company ending generic (有关行业协会, 各类企业集团).
const GENERIC_STEM: &[&str] = &[
    "有关", "相关", "各类", "各", "行业", "企业", "重点", "龙头", "本地", "当地", "国有", "民营", "外资", "上市",
    "骨干", "大型", "中小", "一批", "多家", "商", "我们", "这些", "该", "本",
];

pub(crate) fn recognise(ctx: &Ctx<'_>, rec: &mut Recognition, places: &DocPlaces) {
    let _ = places;
    lexicon_orgs(ctx, rec);
    for &line in &ctx.body.spans {
        for m in ctx.known(Known::Media, line) {
            let end = m.end;
            let suffix_start = m.start;
            if let Some(start) = shortest_stem(ctx, line.start, suffix_start) {
                let span = Span::new(start, end);
                let name = &ctx.text[span.range()];
                if !name.starts_with("本") {
                    rec.add(EntityKind::Organization, name, name, Some(span), EntityDetail::None);
                }
            }
        }
        for m in ctx.known(Known::CompanyEndings, line) {
            let suffix = Span::new(m.start, m.end);
            let ending = &ctx.text[suffix.range()];
            if ctx.body.is_redacted(suffix) {
                continue;
            }
            // 商协会: not a name. 高科技, 银行业, 公司化: the ending must end a word.
            if char_before(ctx.text, suffix.start).is_none_or(|c| !is_han(c)) || !ctx.tokens.ends_at(suffix.end) {
                continue;
            }
            // …药业集团 | 有限公司: another ending follows, and the name ends with it (the next match).
            if ctx
                .known(Known::CompanyEndings, Span::new(suffix.end, line.end))
                .next()
                .is_some_and(|next| next.start == suffix.end)
            {
                continue;
            }
            // 中鸿建设集团有限公司, 中国建设银行: words that stop phrases elsewhere belong to
            // a company's name before its ending.
            let from = start_of_words_before(ctx.text, ctx.tokens, line.start, suffix.start, NAME_WORDS);
            // A cooperative's name holds its village and its trade (原隆村永盛肉牛养殖专业合作社).
            let max = if ending == "合作社" { 14 } else { 10 };
            let start = extend_left(ctx.text, ctx.tokens, line.start, from, max);
            let start = place_opened(ctx, rec, line, start)
                .or_else(|| place_across_stop(ctx, line, start, suffix.start))
                .unwrap_or(start);
            let stem = &ctx.text[start..suffix.start];
            let own = &ctx.text[start..from];
            if own.chars().count() < 2 || GENERIC_STEM.iter().any(|g| stem.starts_with(g) || stem.ends_with(g)) {
                continue;
            }
            let span = Span::new(start, suffix.end);
            // A cooperative is named after its village or town (花茂村股份经济合作社); 成立了民宿
            // 合作社 names none.
            let placed = || {
                rec.starting_in(start, start + 1)
                    .any(|(_, id)| rec.entities[id].kind == EntityKind::Place)
            };
            if ending == "合作社" && !placed() {
                continue;
            }
            let surface = &ctx.text[span.range()];
            // A university or college is named after its place (延边大学, 上海健康医学院) or
            // known to jieba as an institution (复旦大学); 共建产业学院 names none.
            // (中国药科大学: a national one is named after the country.)
            if matches!(ending, "大学" | "学院")
                && !placed()
                && !surface.starts_with("中国")
                && !ctx.res.segmenter.is_organisation_name(surface)
            {
                continue;
            }
            // 宁德时代 | 新能源科技股份有限公司: the full name of a company the lexicon knows by
            // a short one is that company, not a second one around it.
            let known = rec.starting_in(span.start, span.start + 1).find(|(s, id)| {
                s.end < span.end
                    && rec.entities[*id].kind == EntityKind::Organization
                    && lexicon_org(ctx, &rec.entities[*id].name)
            });
            match known {
                Some((short, id)) => {
                    let name = rec.entities[id].name.clone();
                    rec.drop_mention(short, id);
                    rec.add(EntityKind::Organization, &name, surface, Some(span), EntityDetail::None);
                }
                None => {
                    rec.add(
                        EntityKind::Organization,
                        surface,
                        surface,
                        Some(span),
                        EntityDetail::None,
                    );
                }
            }
        }
    }
    place_bodies(ctx, rec);
    departments(ctx, rec);
    company_lists(ctx, rec);
    short_names(ctx.text, rec);
}

/// A company's short name (锐驰集团, 筠茗集团) is the company whose full name on the page holds
/// its brand and its ending (浙江锐驰汽车部件集团有限公司), when only one does.
fn short_names(text: &str, rec: &mut Recognition) {
    let mut moves: Vec<(LocalId, LocalId)> = Vec::new();
    for (id, e) in rec.entities.iter().enumerate() {
        if e.kind != EntityKind::Organization || e.mentions.is_empty() || e.name.chars().count() > 6 {
            continue;
        }
        let Some((brand, ending)) = ["集团", "公司"]
            .iter()
            .find_map(|end| e.name.strip_suffix(end).map(|brand| (brand, *end)))
        else {
            continue;
        };
        if brand.chars().count() < 2 || !brand.chars().all(is_han) {
            continue;
        }
        let mut fulls = rec.entities.iter().enumerate().filter(|(other, f)| {
            *other != id
                && f.kind == EntityKind::Organization
                && f.name.len() > e.name.len()
                && f.name.contains(brand)
                && f.name.contains(ending)
        });
        if let (Some((full, _)), None) = (fulls.next(), fulls.next()) {
            moves.push((id, full));
        }
    }
    for (short, full) in moves {
        rec.move_mentions(text, short, full);
    }
}

/// Where a company's name starts when the walk back from its ending stopped at a word that
/// stops phrases elsewhere (潍坊盛 | 启动 | 力科技有限公司): at the place a few characters
/// before, when that place opens its clause. Han characters only between them.
fn place_opened(ctx: &Ctx<'_>, rec: &Recognition, line: Span, start: usize) -> Option<usize> {
    let stop = stop_word_before(ctx, line, start)?;
    // 璧山高新区 | 与 | 重庆大学: a whole place before the stop is the subject, not the start of
    // the name.
    if rec.ending_at(stop.start, |e| e.kind == EntityKind::Place).is_some() {
        return None;
    }
    let near = ctx.text[line.start..stop.start]
        .char_indices()
        .rev()
        .nth(5)
        .map_or(line.start, |(i, _)| line.start + i);
    let (place, _) = rec
        .starting_in(near, stop.start)
        .filter(|(s, id)| s.end <= stop.start && rec.entities[*id].kind == EntityKind::Place)
        .min_by_key(|(s, _)| s.start)?;
    let opens_clause = char_before(ctx.text, place.start).is_none_or(|c| !is_han(c)) || place.start == line.start;
    // Something of the name's own stands between the place and the stop (潍坊 | 盛 | 启动), and
    // no other stop: 南溪区引进的, 奉贤与, 开发区还与 end the phrase before the name.
    let between = Span::new(place.end, stop.start);
    let own = !between.is_empty()
        && ctx
            .tokens
            .words_in(between)
            .iter()
            .all(|w| !is_left_stop(&ctx.text[w.range()]));
    (opens_clause && own && ctx.text[place.start..start].chars().all(is_han)).then_some(place.start)
}

/// Where a company's name starts when jieba took the first characters of its place for a
/// word that stops phrases and joined the rest to the brand (上 | 海瑞 | 晟医疗器械有限公司):
/// at that word, when a place name starts there and runs past it into the name.
fn place_across_stop(ctx: &Ctx<'_>, line: Span, start: usize, ending: usize) -> Option<usize> {
    let stop = stop_word_before(ctx, line, start)?;
    let end = stop.start + ctx.res.places.name_len_at(&ctx.text[stop.start..ending])?;
    (end > start).then_some(stop.start)
}

/// The word ending at `start` when it stops phrases (see [`is_left_stop`]): where the walk
/// back over a company's name stopped. (A word of the line only: body ranges may abut.)
fn stop_word_before(ctx: &Ctx<'_>, line: Span, start: usize) -> Option<Span> {
    ctx.tokens
        .word_ending_at(start)
        .filter(|w| w.start >= line.start && is_left_stop(&ctx.text[w.range()]))
}

/// Government departments: from a place or a level character (省, 市, 县 …) to a department's
/// ending, followed by its head's title or by what a department does (省经济和信息化厅厅长,
/// 安徽省人民政府新闻办公室举行新闻发布会, 淳安县人民政府办公室印发).
static DEPARTMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:^|[省市县区州旗])((?:人民政府|政府)?\p{Han}{0,10}?(?:厅|局|委员会|办公室|新闻办))",
        r"(?:副?厅长|副?局长|副?主任|党组书记|举行|召开|发布|印发|主办|联合)"
    ))
    .unwrap()
});

/// Builds this module's patterns now rather than on the first document (see
/// [`warm_up`](super::warm_up)).
pub(super) fn warm_up() {
    for pattern in [&COMPANY_LIST, &BODY, &DEPARTMENT] {
        LazyLock::force(pattern);
    }
    LazyLock::force(&COMPANY);
}

/// The name of the one province the page names, if it names exactly one.
fn only_province(rec: &Recognition) -> Option<String> {
    let only = rec.the_only(|e| {
        !e.mentions.is_empty()
            && e.place()
                .is_some_and(|p| p.level == Some(crate::model::PlaceLevel::Province))
    })?;
    Some(rec.entities[only].name.clone())
}

/// Words one of which a line naming a department holds.
pub(crate) const DEPARTMENT_SIGNS: &[&str] = &[
    "厅长",
    "局长",
    "办公室",
    "新闻办",
    "委员会",
    "厅举行",
    "局举行",
    "厅印发",
    "局印发",
    "厅发布",
    "局发布",
];

fn departments(ctx: &Ctx<'_>, rec: &mut Recognition) {
    // Each department found, with its canonical name; added once all are found, so that a
    // short name can take the full name found after it.
    let mut found: Vec<(Span, String)> = Vec::new();
    for &line in &ctx.body.spans {
        let s = &ctx.text[line.range()];
        // Most lines name no department (布局, 举办 are no sign of one).
        if ctx.known(Known::DepartmentSigns, line).next().is_none() {
            continue;
        }
        for caps in DEPARTMENT.captures_iter(s) {
            let Some(body) = caps.get(1) else { continue };
            // The place or level character before the body is part of its name.
            let mut level_start =
                line.start + body.start() - s[..body.start()].chars().next_back().map_or(0, char::len_utf8);
            // 自治区人民政府新闻办公室: a region's level is three characters.
            let region = ctx.text[..level_start].ends_with("自治");
            if region {
                level_start -= "自治".len();
            }
            // A place that ends with the level character (安徽省 | 人民政府新闻办公室).
            let place = rec
                .ending_at(line.start + body.start(), |e| e.kind == EntityKind::Place)
                .map(|(p, _)| p.start);
            let start = place.unwrap_or(level_start);
            let span = Span::new(start, line.start + body.end());
            let name = &ctx.text[span.range()];
            let n = name.chars().count();
            if !(4..=20).contains(&n) || !name.chars().all(is_han) || ctx.body.is_redacted(span) {
                continue;
            }
            // 安徽省人民政府 | 新闻办公室: a body found inside the department gives way to it.
            let inside: Vec<(Span, usize)> = rec
                .overlapping(span)
                .filter(|(_, id)| matches!(rec.entities[*id].kind, EntityKind::Organization | EntityKind::Official))
                .collect();
            if inside
                .iter()
                .any(|(o, id)| !span.contains(*o) || *o == span || rec.entities[*id].kind == EntityKind::Official)
            {
                continue;
            }
            for (o, id) in inside {
                rec.drop_mention(o, id);
            }
            // 省经济和信息化厅 of a page about one province is that province's.
            let canonical = match (place, name.strip_prefix('省').or_else(|| name.strip_prefix("自治区"))) {
                (None, Some(rest)) => only_province(rec).map(|p| format!("{p}{rest}")),
                _ => None,
            };
            found.push((span, canonical.unwrap_or_else(|| name.to_owned())));
        }
    }
    // 市发展和改革委员会 of a page that names 吉安市发展和改革委员会 (and no other city's) is
    // that department.
    for (span, canonical) in &found {
        let name = &ctx.text[span.range()];
        let level = name.chars().next().filter(|c| "市县区州".contains(*c));
        let full = level.filter(|_| canonical == name).and_then(|level| {
            let mut fulls = found.iter().map(|(_, n)| n).filter(|full| {
                full.len() > name.len()
                    && full.ends_with(name)
                    && rec
                        .find(
                            EntityKind::Place,
                            &format!("{}{level}", &full[..full.len() - name.len()]),
                        )
                        .is_some()
            });
            let first = fulls.next()?;
            fulls.all(|other| other == first).then_some(first)
        });
        rec.add(
            EntityKind::Organization,
            full.unwrap_or(canonical),
            name,
            Some(*span),
            EntityDetail::None,
        );
    }
}

/// Companies listed before 等…企业: each item with a name of its own is an organisation.
fn company_lists(ctx: &Ctx<'_>, rec: &mut Recognition) {
    for &line in &ctx.body.spans {
        for m in COMPANY_LIST.find_iter(&ctx.text[line.range()]) {
            let list_end = line.start + m.start();
            let cl = ctx.clause(Span::new(list_end, list_end));
            let mut start = cl.start;
            let items: Vec<&str> = ctx.text[cl.start..list_end].split(['、', '和']).collect();
            for (k, item) in items.iter().enumerate() {
                let mut span = Span::new(start, start + item.len());
                start = span.end + '、'.len_utf8();
                if k == 0 {
                    span.start = extend_left(ctx.text, ctx.tokens, span.start, span.end, 12);
                }
                let name = &ctx.text[span.range()];
                let n = name.chars().count();
                if !(2..=12).contains(&n) || !name.chars().all(is_han) {
                    continue;
                }
                // A list of companies' people (…株式会社代表理事金俊浩、…等企业代表): an item
                // with a company ending inside it, or a title, is no company name.
                let ending_inside = COMPANY.find_iter(name).any(|m| m.end < name.len());
                if ending_inside || ctx.res.lexical.titles.is_match(name) {
                    continue;
                }
                if rec.covered(span, &[EntityKind::Organization]) {
                    continue;
                }
                // Whole places are not companies; a name needs a word of its own.
                let place_only = rec.places_in(span).first().is_some_and(|(s, _)| *s == span);
                if !place_only && super::text::has_proper_word(ctx, rec, span) {
                    rec.add(EntityKind::Organization, name, name, Some(span), EntityDetail::None);
                }
            }
        }
    }
}

/// The shortest name of two to four characters before a media ending that starts on a word
/// boundary (清远日报 in 联合清远日报推出).
fn shortest_stem(ctx: &Ctx<'_>, line_start: usize, suffix_start: usize) -> Option<usize> {
    let before = &ctx.text[line_start..suffix_start];
    let mut count = 0;
    for (i, c) in before.char_indices().rev() {
        if !is_han(c) {
            return None;
        }
        count += 1;
        let pos = line_start + i;
        if count >= 2 && (ctx.tokens.starts_at(pos) || pos == line_start) {
            return Some(pos);
        }
        if count >= 4 {
            return None;
        }
    }
    None
}

/// Whether `name` is the canonical name of an organisation of the lexicon.
fn lexicon_org(ctx: &Ctx<'_>, name: &str) -> bool {
    ctx.res.lexical.organization_names.iter().any(|(n, _)| n == name)
}

fn lexicon_orgs(ctx: &Ctx<'_>, rec: &mut Recognition) {
    for &line in &ctx.body.spans {
        for m in ctx.known(Known::Organizations, line) {
            let span = Span::new(m.start, m.end);
            // 上汽 inside 上汽通用五菱 is another company: a whole word only.
            let han_after = super::text::char_at(ctx.text, span.end).is_some_and(is_han);
            let han_before = char_before(ctx.text, span.start).is_some_and(is_han);
            if (han_after && !ctx.tokens.ends_at(span.end)) || (han_before && !ctx.tokens.starts_at(span.start)) {
                continue;
            }
            let (name, _) = &ctx.res.lexical.organization_names[m.word];
            let surface = &ctx.text[span.range()];
            rec.add(EntityKind::Organization, name, surface, Some(span), EntityDetail::None);
        }
    }
}

/// 英德市委, 漳州市政府, 江门高新区管委会: a place mention followed by a body word. A full
/// name like 英德市 donates its last character to 市委.
fn place_bodies(ctx: &Ctx<'_>, rec: &mut Recognition) {
    let place_mentions: Vec<(Span, usize)> = rec
        .mentions
        .iter()
        .filter(|(_, id)| rec.entities[*id].kind == EntityKind::Place)
        .copied()
        .collect();
    for (span, id) in place_mentions {
        let name = rec.entities[id].name.clone();
        let rest = &ctx.text[span.end..];
        let Some(m) = BODY.find(rest) else { continue };
        let body_word = m.as_str();
        let bare = body_word.trim_start_matches(['市', '县', '区', '省', '州', '旗']);
        // 委 alone must follow a level character: 英德市 + 委 → 英德市委.
        if bare == "委" && !name.ends_with(['市', '县', '区', '省', '州', '旗']) {
            continue;
        }
        // 英德市委书记 names a post, not the body: the title recogniser takes it.
        let after = &ctx.text[span.end + m.end()..];
        if ctx.res.lexical.title_at_start.is_match(after) {
            continue;
        }
        let full = Span::new(span.start, span.end + m.end());
        let canonical = format!("{name}{bare}");
        let surface = ctx.text[full.range()].to_owned();
        rec.add(
            EntityKind::Organization,
            &canonical,
            &surface,
            Some(full),
            EntityDetail::None,
        );
    }
}
