//! Places: divisions of the gazetteer, zones and parks, regions, countries.
//!
//! Divisions are found with one Aho-Corasick automaton (daachorse's, character by character:
//! see [`WordSearch`]) over every full name and short form (leftmost-longest, so 英德市 wins
//! over 英德). A short form is ambiguous twice over: it may name several divisions (朝阳), and
//! it may be an ordinary word. Both are settled by context:
//! - the document's *dominant province* is tallied from the unambiguous mentions;
//! - a short form must be a whole word and not the start of a street name (南山路);
//! - a county or district named by a short form outside the dominant province is dropped
//!   (广德 in a 广东 article is not 安徽 广德市), while cities and provinces stay (西安).

use super::text::{char_at, char_before, extend_left, has_proper_word, is_han};
use super::{Ctx, Known, LocalId, Recognition, WordList, WordSearch};
use crate::gazetteer::{AdCode, Gazetteer};
use crate::lexicon::{Category, Lexicon};
use crate::model::{EntityDetail, EntityKind, PlaceInfo, PlaceLevel};
use crate::span::Span;
use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// What a surface form of the place automaton names.
#[derive(Debug, Clone)]
enum Target {
    /// Divisions of the gazetteer; `full` when the surface is the full name of one of them.
    Division { codes: Vec<AdCode>, full: bool },
    /// A region of the lexicon, by canonical name.
    Region(String),
    /// A country, by canonical name.
    Country(String),
}

/// The automaton over every place name. Built once per extractor.
pub(crate) struct PlaceIndex {
    pub(crate) names: WordSearch,
    targets: Vec<Target>,
}

impl PlaceIndex {
    /// Whether `text` starts with a place name the index holds.
    pub(crate) fn starts_with_name(&self, text: &str) -> bool {
        self.first_name_at(text) == Some(0)
    }

    /// Whether `text` is a place name the index holds, whole.
    pub(crate) fn is_name(&self, text: &str) -> bool {
        self.names
            .find(text)
            .is_some_and(|m| m.start == 0 && m.end == text.len())
    }

    /// The length of the longest place name the index holds at the start of `text`.
    pub(crate) fn name_len_at(&self, text: &str) -> Option<usize> {
        self.names.find(text).filter(|m| m.start == 0).map(|m| m.end)
    }

    /// Where the first place name the index holds starts in `text`.
    pub(crate) fn first_name_at(&self, text: &str) -> Option<usize> {
        self.names.find(text).map(|m| m.start)
    }
}

/// Full names too generic to be a mention by themselves.
const GENERIC: &[&str] = &[
    "我国",
    "城区",
    "郊区",
    "矿区",
    "新区",
    "市中区",
    "中国",
    "东区",
    "西区",
    "南区",
    "北区",
    "市区",
    "县区",
];

impl PlaceIndex {
    /// Builds the automaton. `common_word` says whether a short form is an ordinary word
    /// (so 通道, 和平, 东方 are not taken as places).
    pub(crate) fn new(gaz: &Gazetteer, lex: &Lexicon, common_word: impl Fn(&str) -> bool) -> PlaceIndex {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (surface, codes) in gaz.surfaces() {
            let codes: Vec<AdCode> = codes
                .iter()
                .copied()
                .filter(|c| gaz.get(*c).is_some_and(|d| d.level != PlaceLevel::Zone))
                .collect();
            if codes.is_empty() || GENERIC.contains(&surface) {
                continue;
            }
            let full = codes.iter().any(|c| gaz.is_full_name(*c, surface));
            if !full && (surface.chars().count() < 2 || common_word(surface)) {
                continue;
            }
            seen.insert(surface.to_owned(), targets.len());
            patterns.push(surface.to_owned());
            targets.push(Target::Division { codes, full });
        }
        for e in lex.of(Category::Region) {
            for s in std::iter::once(&e.name).chain(&e.aliases) {
                if !seen.contains_key(s) {
                    seen.insert(s.clone(), targets.len());
                    patterns.push(s.clone());
                    targets.push(Target::Region(e.name.clone()));
                }
            }
        }
        for c in gaz.countries() {
            for s in std::iter::once(&c.name).chain(&c.aliases) {
                // 中国 in an interview is the frame (中国式现代化, 数字中国), not a place it is about.
                if s.chars().count() >= 2 && !seen.contains_key(s) && s != "中国" {
                    seen.insert(s.clone(), targets.len());
                    patterns.push(s.clone());
                    targets.push(Target::Country(c.name.clone()));
                }
            }
        }
        let names = WordSearch::new(patterns.iter().map(String::as_str));
        PlaceIndex { names, targets }
    }
}

/// What the place recogniser learned about the document, for the recognisers after it.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocPlaces {
    /// The division code of each place entity that has one.
    pub codes: HashMap<LocalId, AdCode>,
    /// Zones by the kind of zone they are (高新区 …), for bare references.
    pub zones: BTreeMap<String, Vec<LocalId>>,
}

/// Characters after a short form that make it part of a street, road or building name.
const STREET: &[char] = &['路', '街', '道', '巷', '桥', '站', '村', '里', '馆', '楼', '寺'];

struct RawMatch {
    span: Span,
    target: usize,
}

pub(crate) fn recognise(ctx: &Ctx<'_>, rec: &mut Recognition) -> DocPlaces {
    let res = ctx.res;
    let gaz = &res.gazetteer;
    let index = &res.places;
    let mut raw = Vec::new();
    for &line in &ctx.body.spans {
        for m in ctx.known(Known::Places, line) {
            let span = Span::new(m.start, m.end);
            if ctx.body.is_redacted(span) {
                continue;
            }
            raw.push(RawMatch { span, target: m.word });
        }
    }

    // Tally provinces from unambiguous mentions.
    let mut tally: BTreeMap<AdCode, usize> = BTreeMap::new();
    for m in &raw {
        if let Target::Division { codes, full } = &index.targets[m.target] {
            if codes.len() == 1 {
                let d = gaz.get(codes[0]);
                let strong =
                    *full || d.is_some_and(|d| matches!(d.level, PlaceLevel::Province | PlaceLevel::Prefecture));
                if let (true, Some(p)) = (strong, gaz.province_of(codes[0])) {
                    *tally.entry(p).or_default() += 1;
                }
            }
        }
    }
    let dominant = tally
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(p, _)| *p);
    let mut places = DocPlaces::default();

    for m in &raw {
        let surface = &ctx.text[m.span.range()];
        match &index.targets[m.target] {
            Target::Division { codes, .. } => {
                let exact_full = codes.iter().any(|c| gaz.is_full_name(*c, surface));
                if !exact_full && !short_form_ok(ctx, m.span) {
                    continue;
                }
                let Some(code) = choose(gaz, codes, dominant, &tally) else {
                    continue;
                };
                let Some(d) = gaz.get(code) else { continue };
                let outside = dominant.is_some_and(|p| !gaz.is_within(code, p));
                // A full name of two characters inside other words is none (能源基地和 | 县域经济
                // is no 和县).
                if exact_full && surface.chars().count() == 2 && !two_char_name_ok(ctx, m.span, outside) {
                    continue;
                }
                if !exact_full {
                    // A county or district by its short name, outside the document's province.
                    let local = matches!(d.level, PlaceLevel::County | PlaceLevel::District | PlaceLevel::Town);
                    if local && outside {
                        continue;
                    }
                }
                let info = || {
                    EntityDetail::Place(PlaceInfo {
                        level: Some(d.level),
                        adcode: Some(code.to_string()),
                        parent_adcode: d.parent.map(|p| p.to_string()),
                    })
                };
                let id = rec.add_with(EntityKind::Place, &d.name, surface, Some(m.span), info);
                places.codes.insert(id, code);
            }
            Target::Region(name) => {
                let info = PlaceInfo {
                    level: Some(PlaceLevel::Region),
                    ..PlaceInfo::default()
                };
                rec.add(
                    EntityKind::Place,
                    name,
                    surface,
                    Some(m.span),
                    EntityDetail::Place(info),
                );
            }
            Target::Country(name) => {
                if !short_form_ok(ctx, m.span) {
                    continue;
                }
                let info = PlaceInfo {
                    level: Some(PlaceLevel::Country),
                    ..PlaceInfo::default()
                };
                rec.add(
                    EntityKind::Place,
                    name,
                    surface,
                    Some(m.span),
                    EntityDetail::Place(info),
                );
            }
        }
    }
    zones(ctx, rec, &mut places);
    places
}

/// A short form counts only as a whole word, and not as the start of a street name.
fn short_form_ok(ctx: &Ctx<'_>, span: Span) -> bool {
    if char_at(ctx.text, span.end).is_some_and(|c| STREET.contains(&c)) {
        return false;
    }
    let han_before = char_before(ctx.text, span.start).is_some_and(is_han);
    let han_after = char_at(ctx.text, span.end).is_some_and(is_han);
    (!han_before || ctx.tokens.starts_at(span.start)) && (!han_after || ctx.tokens.ends_at(span.end))
}

/// Whether a two-character full name (和县, 泾县) stands as a word: it starts where a word
/// starts and ends where one ends, or is followed by a character jieba glues to places
/// (萧 | 县委书记, 应 | 县长), unless its first character is a function word standing alone (市委、
/// 市政府和 | 县委). Outside the document's province (`outside`), a name that opens with a
/// conjunction is the conjunction (中国茶都和县电商产业园 on a page of Fujian).
fn two_char_name_ok(ctx: &Ctx<'_>, span: Span, outside: bool) -> bool {
    if outside && ctx.text[span.range()].starts_with(['和', '与', '及']) {
        return false;
    }
    // 工业强县、产业兴县: a slogan's verb before 县 after a word (兴县 on a page of Guangxi).
    let after_word = char_before(ctx.text, span.start).is_some_and(is_han);
    if outside && after_word && ctx.text[span.range()].starts_with(['兴', '强', '富', '稳', '活', '治', '美']) {
        return false;
    }
    let first = char_at(ctx.text, span.start).map_or(0, char::len_utf8);
    let alone_function_word = ctx.tokens.word_at(span.start).is_some_and(|w| w.len() == first)
        && ctx
            .res
            .segmenter
            .is_function_word(&ctx.text[span.start..span.start + first]);
    let glued = !alone_function_word && char_at(ctx.text, span.end).is_some_and(|c| "委人政长".contains(c));
    ctx.tokens.starts_at(span.start)
        && (ctx.tokens.ends_at(span.end) || glued || !char_at(ctx.text, span.end).is_some_and(is_han))
}

/// Picks one division among candidates: inside the dominant province first, then the most
/// mentioned province, then the highest level, then the lowest code.
fn choose(
    gaz: &Gazetteer,
    codes: &[AdCode],
    dominant: Option<AdCode>,
    tally: &BTreeMap<AdCode, usize>,
) -> Option<AdCode> {
    codes.iter().copied().min_by_key(|&c| {
        let inside = dominant.is_some_and(|p| gaz.is_within(c, p));
        let weight = gaz.province_of(c).and_then(|p| tally.get(&p)).copied().unwrap_or(0);
        let level = gaz.get(c).map(|d| d.level).unwrap_or(PlaceLevel::Town);
        (!inside, std::cmp::Reverse(weight), level, c)
    })
}

/// Words that end a zone's name, and what may stand before them.
const ZONE_WORDS: &[&str] = &[
    "高新技术产业开发区",
    "高新技术产业区",
    "高新区",
    "经济技术开发区",
    "经开区",
    "经济开发区",
    "开发区",
    "工业园区",
    // 攸县工业集中区, 金村光机电产业集聚区: county parks in central and northern provinces.
    "工业集中区",
    "产业集聚区",
    "产业园区",
    // A sub-park named after its place (霍尔果斯经济开发区伊宁园区); see SLOGAN_PRONE.
    "园区",
    "产业园",
    "工业园",
    "科技园区",
    "科技园",
    "物流园",
    "示范园区",
    "示范区",
    "合作区",
    "综合实验区",
    "实验区",
    "试验区",
    "自由贸易试验区",
    "自贸区",
    "综合保税区",
    "综保区",
    "保税港区",
    "保税区",
    // 海南自由贸易港: a zone the size of a province.
    "自由贸易港",
    "自贸港",
    "新片区",
    "新区",
    "科学城",
    "产业城",
    "产业新城",
];
const ZONE_RANKS: &[&str] = &["国家级", "国家", "省级"];

/// A zone word, with its rank or without (国家级高新区, 高新区): the longest at each start.
pub(crate) static ZONE: LazyLock<WordSearch> =
    LazyLock::new(|| WordSearch::of(WordList::with_optional_prefixes(ZONE_RANKS, ZONE_WORDS)));

/// Builds this module's patterns now rather than on the first document (see
/// [`warm_up`](super::warm_up)).
pub(super) fn warm_up() {
    LazyLock::force(&ZONE);
}

/// Suffixes that slogans use too (打造产业转型升级示范区): these zones need a place in their name.
const SLOGAN_PRONE: &[&str] = &["示范区", "合作区", "试验区", "示范园区", "新区", "产业新城", "园区"];
/// Words of slogans, not of zones' names: with them, a place is no anchor
/// (深圳中国特色社会主义先行示范区, 广西产城融合示范区).
const SLOGAN_WORDS: &[&str] = &["社会主义", "共同富裕", "高质量发展", "产城融合", "现代化", "协同发展"];

/// Zones and parks: a name stem before a zone word. 江门国家高新区 and 江门高新技术产业开发区
/// are both 江门高新区; a bare 高新区 is the document's own 高新区 when it has exactly one.
fn zones(ctx: &Ctx<'_>, rec: &mut Recognition, places: &mut DocPlaces) {
    let gaz = &ctx.res.gazetteer;
    let mut bare: Vec<(Span, String)> = Vec::new();
    // Zone names without their place (江北新区 after 南京江北新区), checked at the end.
    let mut shortened: Vec<(Span, String)> = Vec::new();
    for &line in &ctx.body.spans {
        // The last zone named on the line: a name that would start inside it starts after it
        // (珲春海洋经济发展示范区 | 冷链物流园项目 holds no zone 示范区冷链物流园); one that holds
        // it whole is a park inside it (西青开发区信创产业园).
        let mut last_zone: Option<Span> = None;
        for m in ctx.known(Known::Zones, line) {
            let span = Span::new(m.start, m.end);
            if ctx.body.is_redacted(span) {
                continue;
            }
            let word = &ctx.text[span.range()];
            let suffix = ZONE_RANKS.iter().fold(word, |w, rank| w.trim_start_matches(rank));
            let kind = canonical_zone_word(suffix);
            // 江门高新产业新城中心 is a project; its zone word is part of the name.
            if ctx.text[span.end..line.end].starts_with("中心") {
                continue;
            }
            // 经贸创新发展示范园区: 发展 belongs to the name here, though it stops phrases elsewhere.
            let from = match ctx.tokens.word_ending_at(span.start) {
                Some(w) if ["发展", "合作", "创新", "开发", "建设"].contains(&&ctx.text[w.range()]) => {
                    w.start
                }
                _ => span.start,
            };
            let mut start = extend_left(ctx.text, ctx.tokens, line.start, from, 16);
            let mut written_from = None;
            // 江苏省苏州工业园区 is 苏州工业园区: a province before the place the zone is named
            // after only says where that place is.
            if let Some((first, first_id)) = rec.places_in(Span::new(start, span.start)).first() {
                let province = rec.entities[*first_id]
                    .place()
                    .is_some_and(|p| p.level == Some(PlaceLevel::Province));
                let place_follows = || {
                    rec.starting_in(first.end, first.end + 1)
                        .any(|(_, id)| rec.entities[id].kind == EntityKind::Place)
                        || !gaz.lookup(&ctx.text[first.end..span.end]).is_empty()
                };
                if province && first.start == start && first.end < span.start && place_follows() {
                    // 天津武清经济技术开发区: a city that is a province is written as part of the
                    // name, though the name is the same without it.
                    if rec.entities[*first_id].name.ends_with('市') {
                        written_from = Some(start);
                    }
                    start = first.end;
                }
            }
            // 国务院批准长春经济技术开发区: the name starts at the place it is named after, when
            // verbs stand before that place.
            // The place may be inside a word jieba keeps whole (批准 | 长春经济技术开发区).
            let first_place = rec
                .starting_in(start, span.start)
                .filter(|(_, id)| rec.entities[*id].kind == EntityKind::Place)
                .map(|(s, _)| s.start)
                .chain(
                    ctx.res
                        .places
                        .first_name_at(&ctx.text[start..span.start])
                        .map(|at| start + at),
                )
                .min();
            if let Some(first) = first_place {
                if first > start && has_verb(ctx, Span::new(start, first)) {
                    start = first;
                }
            }
            if let Some(z) = last_zone.filter(|z| z.start < start && start < z.end) {
                start = z.end;
            }
            let stem = &ctx.text[start..span.start.max(start)];
            if start >= span.start {
                bare.push((span, kind.to_owned()));
                continue;
            }
            // The place the zone is named after: the first place mention inside the stem.
            let stem_span = Span::new(start, span.start);
            let anchor = rec.places_in(stem_span).into_iter().next();
            // A zone the gazetteer lists needs no place in its name (德州天衢新区, one jieba word).
            let listed = || !gaz.lookup(&ctx.text[start..span.end]).is_empty();
            let slogan = || SLOGAN_WORDS.iter().any(|w| stem.contains(w));
            // A bare 园区 needs the place to open its name (晋江科教园区; not 长三角十几个园区).
            let place_opens = anchor.is_some_and(|(s, id)| {
                s.start == start
                    && rec.entities[id]
                        .place()
                        .is_some_and(|p| !matches!(p.level, Some(PlaceLevel::Region | PlaceLevel::Country)))
            });
            if kind == "园区" && !place_opens && !listed() {
                continue;
            }
            if SLOGAN_PRONE.contains(&kind) && (anchor.is_none() || slogan()) && !listed() {
                shortened.push((Span::new(start, span.end), kind.to_owned()));
                continue;
            }
            // 在湖北省开发区综合考核中: a province's zones in general, not one named.
            let province_only = anchor.is_some_and(|(s, id)| {
                s == stem_span
                    && rec.entities[id]
                        .place()
                        .is_some_and(|p| p.level == Some(PlaceLevel::Province))
            });
            if province_only && kind != "自由贸易港" && !listed() {
                continue;
            }
            let mentions_place = anchor.is_some() || ctx.res.places.names.is_match(stem);
            // Without a place, a name holds no verb before its zone word (振兴中跑出经开区).
            if !mentions_place
                && (!has_proper_word(ctx, rec, stem_span) || has_verb(ctx, Span::new(start, from.max(start))))
            {
                // 把设备运进 | 综保区: right after a verb, the zone word stands alone.
                if ctx
                    .tokens
                    .word_ending_at(span.start)
                    .is_some_and(|w| ctx.res.segmenter.is_verb(&ctx.text[w.range()]))
                {
                    bare.push((span, kind.to_owned()));
                }
                continue;
            }
            let full = Span::new(written_from.unwrap_or(start), span.end);
            last_zone = Some(full);
            let surface = &ctx.text[full.range()];
            let named = &ctx.text[start..span.end];
            // 江门高新技术产业开发区 is 江门高新区; 长春经开区 is 长春经济技术开发区.
            let canonical = match kind {
                "高新区" => format!("{stem}高新区"),
                "经济技术开发区" => format!("{stem}经济技术开发区"),
                "综合保税区" => format!("{stem}综合保税区"),
                "自由贸易港" => format!("{stem}自由贸易港"),
                _ => named.to_owned(),
            };
            let parent = anchor.and_then(|(_, id)| places.codes.get(&id).copied());
            let code = match kind {
                "高新区" => gaz.lookup(&format!("{stem}高新技术产业开发区")).first().copied(),
                // The full name first; the name as written when it differs (长春经开区).
                _ => gaz
                    .lookup(&canonical)
                    .first()
                    .or_else(|| (canonical != surface).then(|| gaz.lookup(surface).first()).flatten())
                    .copied(),
            };
            // A zone the gazetteer knows lies where it says (苏州工业园区 in 苏州市).
            let parent = parent.or_else(|| gaz.get(code?)?.parent);
            let info = PlaceInfo {
                level: Some(PlaceLevel::Zone),
                adcode: code.map(|c| c.to_string()),
                parent_adcode: parent.map(|p| p.to_string()),
            };
            let id = rec.add(
                EntityKind::Place,
                &canonical,
                surface,
                Some(full),
                EntityDetail::Place(info),
            );
            if let Some(c) = code {
                places.codes.insert(id, c);
            }
            let list = places.zones.entry(kind.to_owned()).or_default();
            if !list.contains(&id) {
                list.push(id);
            }
        }
    }
    merge_short_development_zones(ctx, rec, places);
    for (span, kind) in shortened {
        let surface = ctx.text[span.range()].to_owned();
        let known = places.zones.get(&kind).and_then(|ids| {
            let mut matching = ids.iter().filter(|id| rec.entities[**id].name.ends_with(&surface));
            let first = matching.next();
            first.filter(|_| matching.next().is_none())
        });
        if let Some(&id) = known {
            let name = rec.entities[id].name.clone();
            rec.add(EntityKind::Place, &name, &surface, Some(span), EntityDetail::None);
        }
    }
    for (span, kind) in bare {
        if let Some([only]) = places.zones.get(&kind).map(Vec::as_slice) {
            let name = rec.entities[*only].name.clone();
            let surface = ctx.text[span.range()].to_owned();
            rec.add(EntityKind::Place, &name, &surface, Some(span), EntityDetail::None);
        }
    }
}

/// Whether a word of `span` is a verb in jieba's dictionary (批准, 跑出).
/// 西青开发区 on a page that names 西青经济技术开发区 is that zone, written short: its mentions
/// move to the full name, and a bare 开发区 means it. Only when exactly one zone of the page
/// has the same stem and a longer development-zone word (经济技术开发区, 经济开发区).
fn merge_short_development_zones(ctx: &Ctx<'_>, rec: &mut Recognition, places: &mut DocPlaces) {
    let Some(short) = places.zones.get("开发区").cloned() else {
        return;
    };
    for id in short {
        let Some(stem) = rec.entities[id].name.strip_suffix("开发区").map(str::to_owned) else {
            continue;
        };
        let full: Vec<LocalId> = ["经济技术开发区", "经济开发区"]
            .iter()
            .filter_map(|w| rec.find(EntityKind::Place, &format!("{stem}{w}")))
            .filter(|f| *f != id)
            .collect();
        let [target] = full[..] else { continue };
        rec.move_mentions(ctx.text, id, target);
        for ids in places.zones.values_mut() {
            for z in ids.iter_mut().filter(|z| **z == id) {
                *z = target;
            }
            let mut seen = std::collections::BTreeSet::new();
            ids.retain(|z| seen.insert(*z));
        }
    }
}

fn has_verb(ctx: &Ctx<'_>, span: Span) -> bool {
    ctx.tokens
        .words_in(span)
        .iter()
        .any(|w| ctx.res.segmenter.is_verb(&ctx.text[w.range()]))
}

fn canonical_zone_word(suffix: &str) -> &str {
    match suffix {
        "高新技术产业开发区" | "高新区" => "高新区",
        "经济技术开发区" | "经开区" => "经济技术开发区",
        "自由贸易试验区" | "自贸区" => "自贸区",
        "综合保税区" | "综保区" => "综合保税区",
        "自由贸易港" | "自贸港" => "自由贸易港",
        other => other,
    }
}

/// Places the gazetteer does not know, learned from the names built on them: a word jieba
/// does not know that begins project or zone names and also stands alone
/// (古雷炼化一体化二期, 古雷石化项目 … 把古雷打造成为) is a place.
pub(crate) fn from_name_prefixes(ctx: &Ctx<'_>, rec: &mut Recognition) {
    use std::collections::BTreeMap;
    let mut starts: BTreeMap<&str, (Vec<Span>, std::collections::BTreeSet<LocalId>)> = BTreeMap::new();
    for (span, id) in &rec.mentions {
        let e = &rec.entities[*id];
        let named = e.kind == EntityKind::Project || e.place().is_some_and(|p| p.level == Some(PlaceLevel::Zone));
        if !named {
            continue;
        }
        let Some(w) = ctx.tokens.word_at(span.start) else {
            continue;
        };
        // 对古雷 | 石化项目: the name may start inside a guessed word.
        let w = Span::new(span.start, w.end);
        let word = &ctx.text[w.range()];
        // (煤制 of 煤制高端聚烯烃项目 and 煤制烯烃 is a process: coal made into.)
        let unknown =
            !ctx.res.segmenter.knows(word) && !word.ends_with('制') && super::text::has_proper_word(ctx, rec, w);
        if w.end < span.end && unknown && (2..=3).contains(&word.chars().count()) {
            let entry = starts.entry(word).or_default();
            entry.0.push(w);
            entry.1.insert(*id);
        }
    }
    for (word, (inside, names)) in starts {
        if names.is_empty() || rec.entities.iter().any(|e| e.name == word || e.aliases.contains(word)) {
            continue;
        }
        // A company's brand (东澜 of 浙江东澜泵业有限公司 and 东澜泵业…项目) is no place.
        if rec
            .entities
            .iter()
            .any(|e| e.kind == EntityKind::Organization && e.name.contains(word))
        {
            continue;
        }
        let mut alone = Vec::new();
        for &line in &ctx.body.spans {
            for (pos, _) in ctx.text[line.range()].match_indices(word) {
                let span = Span::new(line.start + pos, line.start + pos + word.len());
                if ctx.tokens.aligned(span) && rec.overlapping(span).next().is_none() {
                    alone.push(span);
                }
            }
        }
        if alone.is_empty() {
            continue;
        }
        let info = PlaceInfo::default();
        for span in alone.into_iter().chain(inside) {
            rec.add(
                EntityKind::Place,
                word,
                word,
                Some(span),
                EntityDetail::Place(info.clone()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    proptest! {
        /// Zone words are found as the pattern `(?:国家级|国家|省级)?(?:WORD|…)` found them.
        #[test]
        fn zone_words_are_found_as_rank_then_word(
            pieces in proptest::collection::vec((0usize..4, 0usize..27, 0usize..4), 0..8)
        ) {
            let alt = |words: &[&str]| words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
            let pattern = Regex::new(&format!("(?:{})?(?:{})", alt(ZONE_RANKS), alt(ZONE_WORDS))).unwrap();
            let ranks = [&[""], ZONE_RANKS].concat();
            let fillers = ["", "江门", "、", "产业"];
            let text: String = pieces
                .iter()
                .map(|&(r, w, f)| format!("{}{}{}", ranks[r], ZONE_WORDS[w], fillers[f]))
                .collect();
            let expected: Vec<(usize, usize)> = pattern.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            let found: Vec<(usize, usize)> = ZONE.find_iter(&text).map(|m| (m.start, m.end)).collect();
            prop_assert_eq!(found, expected, "{}", text);
        }
    }
}
