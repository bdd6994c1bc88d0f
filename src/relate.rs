//! Stage 5, **relate**: turn the cues of [`recognise`](crate::recognise) into relations.
//!
//! The one piece of discourse this stage knows is the *focus place*: the place the document
//! is about. Interviews leave it out as subject (英德将…, 我们…), so a clause that develops an
//! industry or reports a figure without naming a place is the focus place's. The focus is the
//! place where the interviewee holds a post, else the most mentioned division or zone.
//!
//! Places are also linked by the gazetteer: each division's chain up to its province is in
//! the result, with the two mentions as evidence where the document names both places, and
//! with [`RelationSource::Gazetteer`] and no evidence where it does not.

use crate::gazetteer::AdCode;
use crate::load::DecodeReport;
use crate::model::{
    Entity, EntityDetail, EntityKind, PlaceInfo, PlaceLevel, RelationAttrs, RelationKind, RelationSource,
};
use crate::recognise::{LocalId, PostPlace, Recognition};
use crate::span::Span;
use crate::Resources;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::collections::{BTreeMap, BTreeSet};

/// One end of a relation within a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum End {
    /// An entity of the document.
    Entity(LocalId),
    /// The document itself (for `interviews` and `published_by`).
    Document,
}

/// A relation stated by (or implied for) one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalRelation {
    /// The kind.
    pub kind: RelationKind,
    /// Head.
    pub head: End,
    /// Tail.
    pub tail: End,
    /// Attributes.
    pub attrs: RelationAttrs,
    /// The rule that produced it.
    pub rule: &'static str,
    /// Spans of the text that state it (empty for gazetteer links to unnamed places).
    pub evidence: Vec<Span>,
    /// Text or gazetteer.
    pub source: RelationSource,
}

/// What one document yields: its metadata, entities and relations, before resolution.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Document id.
    pub doc_id: String,
    /// Headline.
    pub title: Option<String>,
    /// Canonical name of the publishing medium.
    pub source: Option<String>,
    /// Date (YYYY-MM-DD or YYYY-MM).
    pub date: Option<String>,
    /// Entities of the document.
    pub entities: Vec<Entity>,
    /// Relations of the document.
    pub relations: Vec<LocalRelation>,
    /// Set when some of the document's bytes could not be decoded (they read as U+FFFD):
    /// the extraction is valid, and [`DecodeReport::warning`] says where to look.
    pub decode: Option<DecodeReport>,
}

struct Builder<'a> {
    rec: Recognition,
    relations: Vec<LocalRelation>,
    res: &'a Resources,
}

impl Builder<'_> {
    fn push(
        &mut self,
        kind: RelationKind,
        head: End,
        tail: End,
        attrs: RelationAttrs,
        rule: &'static str,
        evidence: Vec<Span>,
    ) {
        let source = if evidence.is_empty() {
            RelationSource::Gazetteer
        } else {
            RelationSource::Text
        };
        self.relations.push(LocalRelation {
            kind,
            head,
            tail,
            attrs,
            rule,
            evidence,
            source,
        });
    }

    fn code(&self, id: LocalId) -> Option<AdCode> {
        self.rec.entities[id].place()?.adcode.as_deref()?.parse().ok()
    }

    /// The entity of a division, added without a mention when the text does not name it.
    fn division(&mut self, code: AdCode) -> Option<LocalId> {
        let d = self.res.gazetteer.get(code)?;
        let info = PlaceInfo {
            level: Some(d.level),
            adcode: Some(code.to_string()),
            parent_adcode: d.parent.map(|p| p.to_string()),
        };
        let name = d.name.clone();
        Some(
            self.rec
                .add(EntityKind::Place, &name, &name, None, EntityDetail::Place(info)),
        )
    }
}

/// Relates the cues of one document.
pub(crate) fn relate(doc_id: &str, rec: Recognition, res: &Resources) -> Extraction {
    let mut b = Builder {
        rec,
        relations: Vec::new(),
        res,
    };
    let date = b.rec.meta.date.clone();
    let focus = focus_place(&b);

    // Posts. A title whose place is only implied (航空港区党工委书记) adds nothing where the
    // same official holds the same title at a named place.
    let named_titles: HashSet<(LocalId, String)> = b
        .rec
        .posts
        .iter()
        .filter(|p| matches!(p.place, PostPlace::Named(_)))
        .map(|p| (p.official, p.title.clone()))
        .collect();
    for post in b.rec.posts.clone() {
        if matches!(post.place, PostPlace::Implied(_)) && named_titles.contains(&(post.official, post.title.clone())) {
            continue;
        }
        let tail = match post.place {
            PostPlace::Named(id) => Some(id),
            PostPlace::Implied(level) => {
                // A city of county level (彭州市, 英德市) has its own 市委 and 市长: on its page
                // a bare 市长 is its mayor, not the prefecture's.
                let city_title = post
                    .title
                    .trim_start_matches("常务")
                    .trim_start_matches(['副', '代'])
                    .starts_with('市');
                match focus {
                    Some(f) if city_title && is_county_level_city(&b, f) => Some(f),
                    _ => implied_place(&mut b, focus, level),
                }
            }
            PostPlace::Unplaced => None,
            PostPlace::National => Some(
                b.rec
                    .add(EntityKind::Organization, "中共中央", "", None, EntityDetail::None),
            ),
        };
        if let Some(tail) = tail {
            let attrs = RelationAttrs {
                title: Some(post.title.clone()),
                as_of: date.clone(),
                ..RelationAttrs::default()
            };
            b.push(
                RelationKind::HoldsPost,
                End::Entity(post.official),
                End::Entity(tail),
                attrs,
                "title-before-name",
                vec![post.span],
            );
        }
    }

    // Places: the gazetteer chain, and zones in the place they are named after.
    gazetteer_links(&mut b);
    let zones: Vec<(LocalId, Option<String>, Span)> = b
        .rec
        .entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let p = e.place()?;
            let m = e.mentions.first().copied()?;
            (p.level == Some(PlaceLevel::Zone)).then(|| (i, p.parent_adcode.clone(), m))
        })
        .collect();
    for (zone, parent, mention) in zones {
        let parent_id = parent.and_then(|p| p.parse().ok()).and_then(|c| b.division(c));
        match parent_id.or(focus.filter(|f| *f != zone)) {
            Some(p) if p != zone => {
                let ev = match b.rec.entities[p].mentions.first() {
                    Some(&pm) if parent_id.is_some() => vec![mention, pm],
                    _ => vec![mention],
                };
                let rule = if parent_id.is_some() {
                    "zone-named-after-place"
                } else {
                    "focus-place"
                };
                b.push(
                    RelationKind::LocatedIn,
                    End::Entity(zone),
                    End::Entity(p),
                    RelationAttrs::default(),
                    rule,
                    ev,
                );
            }
            _ => {}
        }
    }

    // Towns and villages named right after the place they lie in (陇西县菜子镇, 枫香镇花茂村).
    for (town, parent) in b.rec.town_parents.clone() {
        let ev: Vec<Span> = [&b.rec.entities[town], &b.rec.entities[parent]]
            .iter()
            .filter_map(|e| e.mentions.first().copied())
            .collect();
        b.push(
            RelationKind::LocatedIn,
            End::Entity(town),
            End::Entity(parent),
            RelationAttrs::default(),
            "town-named-after-place",
            ev,
        );
    }
    // Places the gazetteer does not know (古雷), and towns named alone: in the focus place,
    // when it is larger than a town.
    if let Some(f) = focus {
        let focus_level = b.rec.entities[f].place().and_then(|p| p.level);
        let focus_is_town = focus_level == Some(PlaceLevel::Town);
        let unknown: Vec<(LocalId, Span)> = b
            .rec
            .entities
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                let level = e.place().map(|p| p.level);
                // A village is in no other village.
                let fits = match level {
                    Some(None) => focus_level.is_some(),
                    Some(Some(PlaceLevel::Town)) => !focus_is_town,
                    _ => false,
                };
                *i != f && fits && !b.rec.town_parents.iter().any(|(t, _)| t == i)
            })
            .filter_map(|(i, e)| Some((i, *e.mentions.first()?)))
            .collect();
        // A town lies in a division, not in a zone: on a zone's page, in the zone's district
        // when the page names it (张家窝镇 is in 西青区, not in 西青经济技术开发区).
        let zone_parent = (focus_level == Some(PlaceLevel::Zone))
            .then(|| b.rec.entities[f].place()?.parent_adcode.clone())
            .flatten()
            .and_then(|code| {
                b.rec
                    .entities
                    .iter()
                    .position(|e| e.place().is_some_and(|p| p.adcode.as_deref() == Some(code.as_str())))
            });
        for (id, m) in unknown {
            let is_town = b.rec.entities[id]
                .place()
                .is_some_and(|p| p.level == Some(PlaceLevel::Town));
            let home = zone_parent.filter(|_| is_town).unwrap_or(f);
            b.push(
                RelationKind::LocatedIn,
                End::Entity(id),
                End::Entity(home),
                RelationAttrs::default(),
                "focus-place",
                vec![m],
            );
        }
    }

    // Industries.
    for cue in b.rec.industries.clone() {
        let subject = cue
            .subject
            .filter(|s| Some(*s) == focus || within(&b, *s, focus))
            .or(focus.filter(|_| !cue.exclusive));
        if let Some(place) = subject {
            let attrs = RelationAttrs {
                scale: cue.scale.clone(),
                ..RelationAttrs::default()
            };
            let rule = if cue.subject.is_some() && cue.subject == subject {
                "place-develops-list"
            } else {
                "focus-place-develops"
            };
            b.push(
                RelationKind::Develops,
                End::Entity(place),
                End::Entity(cue.industry),
                attrs,
                rule,
                vec![cue.span],
            );
        }
    }

    // Projects.
    for cue in b.rec.investments.clone() {
        let attrs = RelationAttrs {
            role: Some(cue.role),
            ..RelationAttrs::default()
        };
        b.push(
            RelationKind::HasInvestment,
            End::Entity(cue.project),
            End::Entity(cue.amount),
            attrs,
            "investment-of-project",
            vec![cue.span],
        );
    }
    let mut located: HashSet<LocalId> = HashSet::new();
    for cue in b.rec.projects.clone() {
        let named = cue.place.filter(|p| {
            b.rec.entities[*p]
                .place()
                .is_some_and(|i| i.level != Some(PlaceLevel::Country))
        });
        if let Some(place) = named.or(focus) {
            if located.insert(cue.project) {
                let rule = if named.is_some() {
                    "project-named-after-place"
                } else {
                    "focus-place"
                };
                b.push(
                    RelationKind::LocatedIn,
                    End::Entity(cue.project),
                    End::Entity(place),
                    RelationAttrs::default(),
                    rule,
                    vec![cue.span],
                );
            }
        }
        if let Some(investor) = cue.investor {
            b.push(
                RelationKind::InvestsIn,
                End::Entity(investor.org),
                End::Entity(cue.project),
                RelationAttrs::default(),
                investor.rule,
                vec![investor.span],
            );
        }
        if let Some(ind) = cue.industry {
            b.push(
                RelationKind::InIndustry,
                End::Entity(cue.project),
                End::Entity(ind),
                RelationAttrs::default(),
                "industry-in-project-name",
                vec![cue.span],
            );
        }
    }

    // Figures of places.
    for cue in b.rec.figures.clone() {
        // A sentence of 全县 on a page whose focus is its city (a county's speech with the
        // county's name blacked out, 长治市 named for its party committee) speaks of a
        // county the page does not name: the figure is of no place found.
        let focus_above_scope = focus.is_some_and(|f| {
            let level = b.rec.entities[f].place().and_then(|p| p.level);
            match cue.scope {
                Some(PlaceLevel::County) => matches!(level, Some(PlaceLevel::Prefecture | PlaceLevel::Province)),
                Some(PlaceLevel::Town) => level.is_some_and(|l| l != PlaceLevel::Town),
                _ => false,
            }
        });
        // 全村民宿收入超过900万元, 自家20亩葡萄卖了将近70万元: what a village, a cooperative or a
        // household earns is a figure of the page's place only when the page is a village's,
        // or of the village the sentence names (原隆村村集体经济收入突破260万元).
        let village = |id: LocalId| b.rec.entities[id].is_village();
        let subject = cue
            .subject
            .filter(|s| Some(*s) == focus || within(&b, *s, focus) || cue.of_village && village(*s))
            .or(focus.filter(|_| !focus_above_scope));
        let subject = subject.filter(|p| !cue.of_village || village(*p));
        if let Some(place) = subject {
            let kind = if cue.target {
                RelationKind::SetsTarget
            } else {
                RelationKind::ReportsFigure
            };
            let attrs = RelationAttrs {
                indicator: cue.indicator.clone(),
                period: cue.period.clone(),
                ..RelationAttrs::default()
            };
            let rule = if cue.target {
                "target-of-place"
            } else {
                "figure-of-place"
            };
            b.push(
                kind,
                End::Entity(place),
                End::Entity(cue.amount),
                attrs,
                rule,
                vec![cue.span],
            );
        }
    }

    // The document itself.
    for (id, span) in b.rec.meta.interviewees.clone() {
        b.push(
            RelationKind::Interviews,
            End::Document,
            End::Entity(id),
            RelationAttrs::default(),
            "interviewee",
            vec![span],
        );
    }
    for (id, span) in b.rec.meta.source.clone() {
        b.push(
            RelationKind::PublishedBy,
            End::Document,
            End::Entity(id),
            RelationAttrs::default(),
            "source-line",
            vec![span],
        );
    }

    let source = b
        .rec
        .meta
        .source
        .first()
        .map(|(id, _)| b.rec.entities[*id].name.clone());
    merge_repeated_figures(&mut b);
    drop_unused(&mut b);
    Extraction {
        doc_id: doc_id.to_owned(),
        title: b.rec.meta.title.clone(),
        source,
        date,
        entities: b.rec.entities,
        relations: b.relations,
        decode: None,
    }
}

/// A figure stated twice for the same place and purpose (实现GDP超3000亿元的目标 in the lede and
/// again in the answer) is one statement repeated: its amounts become one entity with two
/// mentions. Amounts of different heads or indicators are never merged, whatever their
/// values (固定资产投资增长8% and 农村居民人均可支配收入增长8%以上 are two figures).
fn merge_repeated_figures(b: &mut Builder<'_>) {
    type Statement = (End, RelationKind, Option<String>, String, String);
    let mut first: HashMap<Statement, LocalId> = HashMap::new();
    let mut into: HashMap<LocalId, LocalId> = HashMap::new();
    for r in &b.relations {
        if !matches!(
            r.kind,
            RelationKind::SetsTarget | RelationKind::ReportsFigure | RelationKind::HasInvestment
        ) {
            continue;
        }
        let End::Entity(a) = r.tail else { continue };
        let Some(amount) = b.rec.entities[a].amount() else {
            continue;
        };
        let key = (
            r.head,
            r.kind,
            r.attrs.indicator.clone(),
            amount.value.normalize().to_string(),
            amount.unit.as_str().to_owned(),
        );
        match first.get(&key) {
            Some(&keep) if keep != a => {
                into.insert(a, keep);
            }
            Some(_) => {}
            None => {
                first.insert(key, a);
            }
        }
    }
    if into.is_empty() {
        return;
    }
    // Move every twin's mentions first and sort each keeper once: a figure repeated ten
    // thousand times must not re-sort a growing list ten thousand times.
    let mut keepers = BTreeSet::new();
    for (&dup, &keep) in &into {
        let mentions = std::mem::take(&mut b.rec.entities[dup].mentions);
        b.rec.entities[keep].mentions.extend(mentions);
        keepers.insert(keep);
    }
    for keep in keepers {
        let target = &mut b.rec.entities[keep];
        target.mentions.sort_unstable();
        target.mentions.dedup();
    }
    for r in &mut b.relations {
        for end in [&mut r.head, &mut r.tail] {
            if let End::Entity(id) = end {
                if let Some(&keep) = into.get(id) {
                    *id = keep;
                }
            }
        }
    }
}

/// Drops entities that neither the text mentions nor any relation uses (an amount merged
/// into its twin, a park the text names as a project), and renumbers the rest.
fn drop_unused(b: &mut Builder<'_>) {
    let mut used: Vec<bool> = b.rec.entities.iter().map(|e| !e.mentions.is_empty()).collect();
    for r in &b.relations {
        for end in [r.head, r.tail] {
            if let End::Entity(id) = end {
                used[id] = true;
            }
        }
    }
    if used.iter().all(|u| *u) {
        return;
    }
    let mut new_id = vec![usize::MAX; used.len()];
    let mut n = 0;
    for (i, k) in used.iter().enumerate() {
        if *k {
            new_id[i] = n;
            n += 1;
        }
    }
    let old = std::mem::take(&mut b.rec.entities);
    b.rec.entities = old
        .into_iter()
        .zip(&used)
        .filter(|(_, k)| **k)
        .map(|(e, _)| e)
        .collect();
    for r in &mut b.relations {
        for end in [&mut r.head, &mut r.tail] {
            if let End::Entity(id) = end {
                *id = new_id[*id];
            }
        }
    }
}

/// Whether place `a` lies inside place `b` by the gazetteer.
fn within(b: &Builder<'_>, a: LocalId, focus: Option<LocalId>) -> bool {
    let Some(f) = focus else {
        return false;
    };
    let cf = b.code(f);
    // A zone's neighbours in its city are named as subjects too (南康区的家具产业, in an
    // interview about 赣州经开区), whether the zone has a code or not.
    let zone_city = b.rec.entities[f]
        .place()
        .filter(|p| p.level == Some(PlaceLevel::Zone))
        .and_then(|p| p.parent_adcode.as_deref()?.parse::<AdCode>().ok());
    let gaz = &b.res.gazetteer;
    if let Some(ca) = b.code(a) {
        let in_focus = cf.is_some_and(|cf| ca != cf && gaz.is_within(ca, cf));
        let in_zone_city = zone_city.is_some_and(|city| ca != city && gaz.is_within(ca, city));
        return in_focus || in_zone_city;
    }
    // A zone lies where its parent division does (鄂尔多斯高新区 in 鄂尔多斯市).
    let parent = b.rec.entities[a]
        .place()
        .filter(|p| p.level == Some(PlaceLevel::Zone))
        .and_then(|p| p.parent_adcode.as_deref()?.parse::<AdCode>().ok());
    parent.is_some_and(|pa| cf.is_some_and(|cf| pa == cf || gaz.is_within(pa, cf)))
}

/// The place the document is about: where the interviewee holds a post, else the most
/// mentioned division or zone below the province level.
fn focus_place(b: &Builder<'_>) -> Option<LocalId> {
    let rec = &b.rec;
    // ×县委书记在全县…大会上的讲话: the page speaks for a place it does not name.
    if rec.meta.own_place_redacted {
        return None;
    }
    let interviewee = rec.meta.interviewees.first().map(|(id, _)| *id);
    let mut count: BTreeMap<LocalId, usize> = BTreeMap::new();
    for (_, id) in &rec.mentions {
        let e = &rec.entities[*id];
        if let Some(p) = e.place() {
            if matches!(
                p.level,
                Some(PlaceLevel::Prefecture | PlaceLevel::County | PlaceLevel::District | PlaceLevel::Zone)
            ) {
                *count.entry(*id).or_default() += 1;
            }
        }
    }
    // Nobody interviewed (a press conference, a report): the page is about the place its
    // headline names (吉安市…新闻发布会, though a county's secretary speaks at it too).
    if interviewee.is_none() {
        let headline = rec.meta.title_span.and_then(|title| {
            rec.mentions
                .iter()
                .filter(|(span, id)| title.contains(*span) && count.contains_key(id))
                // Not the place in a masthead's paper (益阳日报　2025年5月16日).
                .filter(|(span, _)| {
                    !rec.overlapping(*span)
                        .any(|(other, o)| rec.entities[o].kind == EntityKind::Organization && other.contains(*span))
                })
                .min_by_key(|(span, _)| span.start)
                .map(|(_, id)| *id)
        });
        if headline.is_some() {
            return headline;
        }
    }
    let named_posts: Vec<(LocalId, bool)> = rec
        .posts
        .iter()
        .filter(|p| Some(p.official) == interviewee || interviewee.is_none())
        .filter_map(|p| match p.place {
            PostPlace::Named(id) if rec.entities[id].kind == EntityKind::Place => {
                Some((id, crate::model::is_secondary_title(&p.title)))
            }
            _ => None,
        })
        .collect();
    // A principal post names the place one speaks for, beside a standing committee's seat or a
    // deputy's post (西青区委常委，西青经济技术开发区党工委书记、管委会主任: the zone).
    let principal = named_posts.iter().any(|(_, secondary)| !secondary);
    let posts: Vec<LocalId> = named_posts
        .into_iter()
        .filter(|(_, secondary)| !principal || !secondary)
        .map(|(id, _)| id)
        .collect();
    // Between posts in places named as often, the more local one: of 鄂尔多斯市委常委、
    // 准格尔旗委书记, the banner.
    let local = |id: LocalId| match rec.entities[id].place().and_then(|p| p.level) {
        Some(PlaceLevel::Town) => 3,
        Some(PlaceLevel::County | PlaceLevel::District | PlaceLevel::Zone) => 2,
        Some(PlaceLevel::Prefecture) => 1,
        _ => 0,
    };
    let best = |ids: &mut dyn Iterator<Item = LocalId>, by_level: bool| {
        ids.max_by_key(|id| {
            let level = if by_level { local(*id) } else { 0 };
            (count.get(id).copied().unwrap_or(0), level, std::cmp::Reverse(*id))
        })
    };
    // A town's secretary who also sits on the county's standing committee (乐清市委常委、
    // 柳市镇党委书记) speaks for the town: a post in a town comes first.
    let town = |id: &LocalId| {
        rec.entities[*id]
            .place()
            .is_some_and(|p| p.level == Some(PlaceLevel::Town))
    };
    // A province's official who names no place of the post (省经济和信息化厅厅长 at a press
    // conference) speaks for the province the page names most.
    let provincial = || {
        let interviewee = interviewee?;
        rec.posts
            .iter()
            .any(|p| p.official == interviewee && p.place == PostPlace::Implied(PlaceLevel::Province))
            .then_some(())?;
        let mut provinces: BTreeMap<LocalId, usize> = BTreeMap::new();
        for (_, id) in &rec.mentions {
            if rec.entities[*id]
                .place()
                .is_some_and(|p| p.level == Some(PlaceLevel::Province))
            {
                *provinces.entry(*id).or_default() += 1;
            }
        }
        provinces
            .into_iter()
            .max_by_key(|(id, n)| (*n, std::cmp::Reverse(*id)))
            .map(|(id, _)| id)
    };
    best(&mut posts.iter().copied().filter(town), true)
        .or_else(|| best(&mut posts.iter().copied(), true))
        .or_else(provincial)
        .or_else(|| best(&mut count.keys().copied(), false))
}

/// Whether `id` is a city of county level (县级市): a county-level place named …市.
fn is_county_level_city(b: &Builder<'_>, id: LocalId) -> bool {
    let e = &b.rec.entities[id];
    e.name.ends_with('市') && e.place().is_some_and(|p| p.level == Some(PlaceLevel::County))
}

/// The document's place of a level: the focus place or its ancestor at that level, else the
/// dominant province for the province level.
fn implied_place(b: &mut Builder<'_>, focus: Option<LocalId>, level: PlaceLevel) -> Option<LocalId> {
    let f = focus?;
    let code = b.code(f);
    let f_level = b.rec.entities[f].place().and_then(|p| p.level);
    if f_level == Some(level) {
        return Some(f);
    }
    let mut c = code.or_else(|| b.rec.entities[f].place()?.parent_adcode.as_deref()?.parse().ok())?;
    loop {
        let d = b.res.gazetteer.get(c)?;
        if d.level == level || (level == PlaceLevel::District && d.level == PlaceLevel::County) {
            return b.division(c);
        }
        c = d.parent?;
    }
}

/// located_in along the gazetteer, from every named division up to its province.
fn gazetteer_links(b: &mut Builder<'_>) {
    let named: Vec<(LocalId, AdCode)> = (0..b.rec.entities.len())
        .filter(|id| !b.rec.entities[*id].mentions.is_empty())
        .filter_map(|id| Some((id, b.code(id)?)))
        .collect();
    let mut linked: HashSet<(LocalId, LocalId)> = HashSet::new();
    // A division whose parent the text does not name is also linked, with evidence, to the
    // nearest ancestor it does name (英德 … 广东: 英德市 located_in 广东省).
    for &(id, code) in &named {
        let parent = b.res.gazetteer.get(code).and_then(|d| d.parent);
        let nearest = b.res.gazetteer.ancestors(code).skip(1).map(|d| d.code).find(|c| {
            b.rec
                .find(
                    EntityKind::Place,
                    &b.res.gazetteer.get(*c).map(|d| d.name.clone()).unwrap_or_default(),
                )
                .is_some_and(|p| !b.rec.entities[p].mentions.is_empty())
        });
        let parent_named = parent
            .and_then(|p| b.rec.find(EntityKind::Place, &b.res.gazetteer.get(p)?.name))
            .is_some_and(|p| !b.rec.entities[p].mentions.is_empty());
        if let (false, Some(anc)) = (parent_named, nearest) {
            let Some(anc_id) = b.division(anc) else { continue };
            if linked.insert((id, anc_id)) {
                let ev = vec![b.rec.entities[id].mentions[0], b.rec.entities[anc_id].mentions[0]];
                b.push(
                    RelationKind::LocatedIn,
                    End::Entity(id),
                    End::Entity(anc_id),
                    RelationAttrs::default(),
                    "gazetteer",
                    ev,
                );
            }
        }
    }
    for (id, code) in named {
        let (mut child, mut child_code) = (id, code);
        while let Some(parent_code) = b.res.gazetteer.get(child_code).and_then(|d| d.parent) {
            let Some(parent) = b.division(parent_code) else { break };
            if !linked.insert((child, parent)) {
                break;
            }
            let cm = b.rec.entities[child].mentions.first().copied();
            let pm = b.rec.entities[parent].mentions.first().copied();
            let evidence = match (cm, pm) {
                (Some(c), Some(p)) => vec![c, p],
                _ => Vec::new(),
            };
            b.push(
                RelationKind::LocatedIn,
                End::Entity(child),
                End::Entity(parent),
                RelationAttrs::default(),
                "gazetteer",
                evidence,
            );
            child = parent;
            child_code = parent_code;
        }
    }
}
