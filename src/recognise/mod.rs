//! Stage 4, **recognise**: the entities of one document, and the cues that relate them.
//!
//! Each recogniser reads the body ranges found by [`clean`](crate::clean) and the words found
//! by [`segment`](crate::segment), and adds what it finds to a [`Recognition`]: entities with
//! their mentions, and *cues* — the clause that ties an official to a title, a list of
//! industries to the verb that develops them, an amount to the project it funds. The
//! [`relate`](crate::relate) stage turns cues into relations.
//!
//! The order matters and is fixed: places first (everything else is anchored to them), towns
//! and villages after the places they lie in, then organisations, people, industries, projects, figures, and the document's own metadata.

mod event;
mod industry;
mod meta;
mod organization;
mod person;
mod place;
mod project;
mod text;
mod town;
mod words;

pub(crate) use words::{FoundWords, WordList, WordMatch, WordScan, WordSearch};

pub(crate) use place::PlaceIndex;
pub(crate) use text::is_sentence_end;

use crate::clean::Body;
use crate::figures::{self, FigureKind};
use crate::model::{Amount, Entity, EntityDetail, EntityKind, InvestmentRole};
use crate::segment::Tokens;
use crate::span::Span;
use crate::Resources;
use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeSet;

/// Index of an entity within one document's [`Recognition`].
pub type LocalId = usize;

/// A post stated by the text: 漳州市委书记张国旺.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostCue {
    /// The official.
    pub official: LocalId,
    /// The title, without the place name (市委书记, 省政协副主席).
    pub title: String,
    /// Where the post is held, when the text names it; otherwise the level the title implies.
    pub place: PostPlace,
    /// The clause.
    pub span: Span,
}

/// Where a post is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostPlace {
    /// A place or organisation named in the text.
    Named(LocalId),
    /// Only the level is written (省政协副主席, 市人大常委会主任): the document's place of that level.
    Implied(crate::model::PlaceLevel),
    /// A national post (总书记): held in the party centre.
    National,
    /// The title belongs to a place the text does not name (村党支部书记 with no village
    /// before it): no post is recorded.
    Unplaced,
}

/// Industries the text says a place develops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndustryCue {
    /// The industry.
    pub industry: LocalId,
    /// The clause stating it.
    pub span: Span,
    /// The place that is the clause's subject, if the clause names one.
    pub subject: Option<LocalId>,
    /// Scale (千亿级), if stated.
    pub scale: Option<String>,
    /// Whether the subject is the only place the clause can mean (再生金属是长葛的特色产业):
    /// outside the document's focus, no other place takes the sector in its stead.
    pub exclusive: bool,
}

/// An investment figure of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvestmentCue {
    /// The project.
    pub project: LocalId,
    /// The amount.
    pub amount: LocalId,
    /// Total, planned or actual.
    pub role: InvestmentRole,
    /// The clause.
    pub span: Span,
}

/// A figure a place reports or targets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureCue {
    /// The amount.
    pub amount: LocalId,
    /// Whether it is a target (目标, 力争, 突破 …) rather than a reported figure.
    pub target: bool,
    /// What it measures (GDP, 计划投资总额 …).
    pub indicator: Option<String>,
    /// The period (十四五, 2023 …).
    pub period: Option<String>,
    /// The place that is the clause's subject, if the clause names one.
    pub subject: Option<LocalId>,
    /// The level of the place the sentence speaks of without naming it (全县 and 我县: a
    /// county; 全镇: a town), if it does.
    pub scope: Option<crate::model::PlaceLevel>,
    /// Whether the sentence speaks of a village's, a cooperative's or a household's own
    /// accounts (全村民宿收入, 村集体经济收入, 自家…卖了): a figure of a village only.
    pub of_village: bool,
    /// The clause.
    pub span: Span,
}

/// A project the text places somewhere or ties to an industry or investor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectCue {
    /// The project.
    pub project: LocalId,
    /// The place the clause names for it, if any (漳州核电 → 漳州市).
    pub place: Option<LocalId>,
    /// The organisation named as investor (风华高科增资扩产项目 → 风华高科).
    pub investor: Option<Investor>,
    /// The industry the project belongs to, where the clause says so.
    pub industry: Option<LocalId>,
    /// The clause.
    pub span: Span,
}

/// An organisation that invests in a project, and where the text says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Investor {
    /// The organisation.
    pub org: LocalId,
    /// The stating text: the project's name (风华高科增资扩产项目), or the clause from the
    /// organisation to the project (由江西铜业集团投资建设的南康铜箔产业园项目).
    pub span: Span,
    /// How it was found, for the relation's `rule`.
    pub rule: &'static str,
}

/// What the page says about itself: headline, medium, date, interviewee.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocMeta {
    /// The headline, where one stands at the top.
    pub title: Option<String>,
    /// Where the headline stands in the text, with its subtitle (——…) if one follows.
    pub title_span: Option<Span>,
    /// Whether the headline names the page's own place redacted (×县委书记在…的讲话): then
    /// the page's place is unknown, and no place named on it speaks for it.
    pub own_place_redacted: bool,
    /// The publishing media organisation, with the clause naming it.
    pub source: Vec<(LocalId, Span)>,
    /// The date (YYYY-MM-DD or YYYY-MM) the page states.
    pub date: Option<String>,
    /// Who is interviewed or speaks, with the clause saying so.
    pub interviewees: Vec<(LocalId, Span)>,
}

/// Everything recognised in one document.
#[derive(Debug, Clone, Default)]
pub struct Recognition {
    /// The entities, in order of first recognition.
    pub entities: Vec<Entity>,
    /// Posts.
    pub posts: Vec<PostCue>,
    /// Industries developed.
    pub industries: Vec<IndustryCue>,
    /// Project investments.
    pub investments: Vec<InvestmentCue>,
    /// Places, investors and industries of projects.
    pub projects: Vec<ProjectCue>,
    /// Figures of places.
    pub figures: Vec<FigureCue>,
    /// Towns and villages named right after the place they lie in (陇西县菜子镇): town →
    /// place.
    pub town_parents: Vec<(LocalId, LocalId)>,
    /// The document's own metadata.
    pub meta: DocMeta,
    /// Every mention, sorted by span: which entity it names.
    pub mentions: Vec<(Span, LocalId)>,
    /// Name → the entities of that name, one per kind: looked up by `&str`, without allocating.
    index: HashMap<String, Vec<(EntityKind, LocalId)>>,
    /// The mentions again, kept ordered while recognisers add to them, so that "what is
    /// named here" is a range look-up and not a scan: a page naming ten thousand officials
    /// must not cost ten thousand scans of every mention.
    ordered: BTreeSet<(Span, LocalId)>,
    /// The longest mention in bytes: how far before a span a mention overlapping it can start.
    longest: usize,
}

impl Recognition {
    /// Adds a mention of the entity of `kind` named `name`, creating the entity on first sight.
    /// `surface` is the text as written; it becomes an alias when it differs from the name.
    pub(crate) fn add(
        &mut self,
        kind: EntityKind,
        name: &str,
        surface: &str,
        span: Option<Span>,
        detail: EntityDetail,
    ) -> LocalId {
        self.add_with(kind, name, surface, span, || detail)
    }

    /// [`add`](Self::add), with the attributes made only for a new entity (a place's codes
    /// are written out once, not for every mention).
    pub(crate) fn add_with(
        &mut self,
        kind: EntityKind,
        name: &str,
        surface: &str,
        span: Option<Span>,
        detail: impl FnOnce() -> EntityDetail,
    ) -> LocalId {
        let id = match self.find(kind, name) {
            Some(id) => id,
            None => {
                let id = self.entities.len();
                self.entities.push(Entity {
                    kind,
                    name: name.to_owned(),
                    aliases: BTreeSet::new(),
                    detail: detail(),
                    mentions: Vec::new(),
                });
                self.index.entry(name.to_owned()).or_default().push((kind, id));
                id
            }
        };
        let e = &mut self.entities[id];
        if surface != name && !surface.is_empty() {
            e.aliases.insert(surface.to_owned());
        }
        if let Some(span) = span {
            if let Err(pos) = e.mentions.binary_search(&span) {
                e.mentions.insert(pos, span);
                self.mentions.push((span, id));
                self.ordered.insert((span, id));
                self.longest = self.longest.max(span.len());
            }
        }
        id
    }

    /// The entity of `kind` named `name`, if recognised.
    pub fn find(&self, kind: EntityKind, name: &str) -> Option<LocalId> {
        self.index
            .get(name)?
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, id)| *id)
    }

    /// Mentions whose start lies in `from..to`, in span order.
    pub(crate) fn starting_in(&self, from: usize, to: usize) -> impl Iterator<Item = (Span, LocalId)> + '_ {
        let lo = (Span { start: from, end: 0 }, 0);
        let hi = (
            Span {
                start: to.max(from),
                end: 0,
            },
            0,
        );
        self.ordered.range(lo..hi).copied()
    }

    /// The longest mention so far, in bytes.
    pub(crate) fn longest_mention(&self) -> usize {
        self.longest
    }

    /// Mentions that share at least one byte with `span`, in span order.
    pub(crate) fn overlapping(&self, span: Span) -> impl Iterator<Item = (Span, LocalId)> + '_ {
        self.starting_in(span.start.saturating_sub(self.longest), span.end)
            .filter(move |(s, _)| s.overlaps(span))
    }

    /// Whether a mention of an entity of one of `kinds` overlaps `span`.
    pub(crate) fn covered(&self, span: Span, kinds: &[EntityKind]) -> bool {
        self.overlapping(span)
            .any(|(_, id)| kinds.contains(&self.entities[id].kind))
    }

    /// Mentions of places inside `span`, in text order.
    pub(crate) fn places_in(&self, span: Span) -> Vec<(Span, LocalId)> {
        self.starting_in(span.start, span.end)
            .filter(|(s, id)| span.contains(*s) && self.entities[*id].kind == EntityKind::Place)
            .collect()
    }

    /// The longest mention that ends at `pos`, of an entity `keep` accepts (the place before a
    /// title, a town before its village).
    pub(crate) fn ending_at(&self, pos: usize, keep: impl Fn(&Entity) -> bool) -> Option<(Span, LocalId)> {
        self.starting_in(pos.saturating_sub(self.longest), pos)
            .find(|(s, id)| s.end == pos && keep(&self.entities[*id]))
    }

    /// The one entity `keep` accepts, if there is exactly one.
    pub(crate) fn the_only(&self, keep: impl Fn(&Entity) -> bool) -> Option<LocalId> {
        let mut kept = self.entities.iter().enumerate().filter(|(_, e)| keep(e));
        let (first, _) = kept.next()?;
        kept.next().is_none().then_some(first)
    }

    /// Moves every mention of entity `from` to entity `into`, each written as in `text` (an
    /// alias of `into` where it differs): a short name found to be another entity's.
    pub(crate) fn move_mentions(&mut self, text: &str, from: LocalId, into: LocalId) {
        let (kind, name) = (self.entities[into].kind, self.entities[into].name.clone());
        for m in self.entities[from].mentions.clone() {
            self.drop_mention(m, from);
            self.add(kind, &name, &text[m.range()], Some(m), EntityDetail::None);
        }
    }

    /// Drops one mention of entity `id`, from the entity, the list and the index.
    pub(crate) fn drop_mention(&mut self, span: Span, id: LocalId) {
        if let Ok(pos) = self.entities[id].mentions.binary_search(&span) {
            self.entities[id].mentions.remove(pos);
            self.ordered.remove(&(span, id));
            self.mentions.retain(|&m| m != (span, id));
        }
    }

    /// Drops the mentions `keep` rejects, from the list and from the index.
    fn retain_mentions(&mut self, mut keep: impl FnMut(&Recognition, Span, LocalId) -> bool) {
        let mentions = std::mem::take(&mut self.mentions);
        let kept: Vec<(Span, LocalId)> = mentions.into_iter().filter(|&(s, id)| keep(self, s, id)).collect();
        self.ordered = kept.iter().copied().collect();
        self.mentions = kept;
    }
}

/// Everything a recogniser may look at.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub body: &'a Body,
    pub tokens: &'a Tokens<'a>,
    pub res: &'a Resources,
    /// The known words of the body's lines (see [`Known`]), found in one pass.
    pub found: FoundWords,
}

/// The lists of words [`Resources::known_words`] finds in one pass, each as its own search
/// would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    /// The gazetteer's and the lexicon's place names ([`PlaceIndex`]); a match's `word` is a
    /// place target.
    Places,
    /// Zone words with their ranks (国家级高新区).
    Zones,
    /// The lexicon's organisations; `word` indexes `organization_names`.
    Organizations,
    /// Titles, alone or after a body (市委书记).
    Titles,
    /// The lexicon's sectors; `word` indexes `industry_names`.
    Industries,
    /// Endings of media names (日报, 电视台).
    Media,
    /// Endings of companies, associations and universities (有限公司, 商会, 大学).
    CompanyEndings,
    /// Head words of lists of sectors (产业, 产业集群, 赛道).
    Heads,
    /// Words that say a sector is developed (发展, 做强, 主导).
    Develop,
    /// Verbs that open a list of sectors (发展, 培育, 振兴).
    ListVerbs,
    /// Titles after a name (习近平总书记, 张三同志).
    TitlesAfterName,
    /// Words without which a line names no congress or plenum (二十大, 全会, 工作会议).
    CongressAnchors,
    /// Words without which a line names no department (厅长, 办公室, 局印发).
    DepartmentSigns,
    /// Verbs that open a facility clause (加快, 推进).
    FacilityVerbs,
    /// 项目, after which a project's name ends.
    ProjectWord,
    /// Suffixes of towns and villages (镇, 乡, 村, 街道).
    TownSuffixes,
    /// Characters that end a sentence (。, ！, ；).
    SentenceEnds,
    /// Characters that end a clause (those that end a sentence, and ，, ：).
    ClauseEnds,
    /// Characters a figure may start at (digits, Chinese numerals, redaction marks).
    FigureStarts,
    /// Words without which a line names no reporter (记者, 通讯员, 摄).
    ReporterAnchors,
}

impl Known {
    /// Every list, in the order of their numbers (a test holds `ALL[k as usize] == k`).
    const ALL: [Known; 20] = [
        Known::Places,
        Known::Zones,
        Known::Organizations,
        Known::Titles,
        Known::Industries,
        Known::Media,
        Known::CompanyEndings,
        Known::Heads,
        Known::Develop,
        Known::ListVerbs,
        Known::TitlesAfterName,
        Known::CongressAnchors,
        Known::DepartmentSigns,
        Known::FacilityVerbs,
        Known::ProjectWord,
        Known::TownSuffixes,
        Known::SentenceEnds,
        Known::ClauseEnds,
        Known::FigureStarts,
        Known::ReporterAnchors,
    ];
}

/// The one automaton for every list of [`Known`]: list `k as usize` holds the words of `k`.
pub(crate) fn known_words(places: &PlaceIndex, lexical: &crate::LexicalPatterns) -> WordScan {
    use std::borrow::Cow;
    let words = |list: &[&str]| Cow::Owned(WordList::new(list.iter().copied()));
    let lists: Vec<Cow<'_, WordList>> = Known::ALL
        .iter()
        .map(|k| match k {
            Known::Places => Cow::Borrowed(places.names.list()),
            Known::Zones => Cow::Borrowed(place::ZONE.list()),
            Known::Organizations => Cow::Borrowed(&lexical.organizations),
            Known::Titles => Cow::Borrowed(lexical.titles.list()),
            Known::Industries => Cow::Borrowed(lexical.industries.list()),
            Known::Media => words(organization::MEDIA_ENDINGS),
            Known::CompanyEndings => words(organization::COMPANY_ENDINGS),
            Known::Heads => words(industry::HEADS),
            Known::Develop => words(industry::DEVELOP),
            Known::ListVerbs => words(industry::LIST_VERBS),
            Known::TitlesAfterName => words(person::TITLES_AFTER_NAME),
            Known::CongressAnchors => words(event::CONGRESS_ANCHORS),
            Known::DepartmentSigns => words(organization::DEPARTMENT_SIGNS),
            Known::FacilityVerbs => words(project::FACILITY_VERBS),
            Known::ProjectWord => words(&["项目"]),
            Known::TownSuffixes => words(town::TOWN_SUFFIXES),
            Known::SentenceEnds => words(text::SENTENCE_ENDS),
            Known::ClauseEnds => words(text::CLAUSE_ENDS),
            Known::FigureStarts => {
                let chars: Vec<String> = figures::figure_start_chars().map(String::from).collect();
                Cow::Owned(WordList::new(chars.iter().map(String::as_str)))
            }
            Known::ReporterAnchors => words(person::REPORTER_ANCHORS),
        })
        .collect();
    WordScan::new(&lists.iter().map(|l| &**l).collect::<Vec<_>>())
}

impl Ctx<'_> {
    /// The matches of the words of `list` inside `within` (a body line or part of one), in
    /// order and none overlapping: leftmost, then longest.
    pub(crate) fn known(&self, list: Known, within: Span) -> impl Iterator<Item = WordMatch> + '_ {
        self.found.matches(list as usize, within)
    }

    /// Every place inside `within` where a word of `list` starts, with the longest word there.
    pub(crate) fn known_starts(&self, list: Known, within: Span) -> impl Iterator<Item = WordMatch> + '_ {
        self.found.starts(list as usize, within)
    }

    /// The sentence around `span`: [`text::sentence`], from the sentence ends the scan found.
    pub(crate) fn sentence(&self, span: Span) -> Span {
        self.unit(span, Known::SentenceEnds, text::is_sentence_end)
    }

    /// The clause around `span`: [`text::clause`], from the clause ends the scan found.
    pub(crate) fn clause(&self, span: Span) -> Span {
        self.unit(span, Known::ClauseEnds, text::is_clause_end)
    }

    fn unit(&self, span: Span, ends: Known, is_end: fn(char) -> bool) -> Span {
        match text::line_of(&self.body.spans, span) {
            Some(line) => text::expand_between_stops(self.text, line, span, self.found.all(ends as usize), is_end),
            None => span,
        }
    }
}

/// Builds the patterns and tables the cleaner and the recognisers keep in statics (78 M
/// instructions, the work of some thirty written interviews), so that an [`Extractor`]
/// starts with them: `Resources::new` calls this while jieba's dictionary loads on the
/// other thread, where it costs no wall time. Statics still build on first use; one left
/// out here only costs its first document that time again.
///
/// [`Extractor`]: crate::Extractor
pub(crate) fn warm_up() {
    crate::clean::warm_up();
    crate::figures::warm_up();
    event::warm_up();
    industry::warm_up();
    meta::warm_up();
    organization::warm_up();
    person::warm_up();
    place::warm_up();
    project::warm_up();
    text::warm_up();
}

/// Runs every recogniser over one document, in order.
pub(crate) fn recognise(text: &str, body: &Body, tokens: &Tokens<'_>, res: &Resources) -> Recognition {
    let ctx = Ctx {
        text,
        body,
        tokens,
        res,
        found: res.known_words.scan(text, &body.spans),
    };
    let mut rec = Recognition::default();
    let places = place::recognise(&ctx, &mut rec);
    town::recognise(&ctx, &mut rec);
    organization::recognise(&ctx, &mut rec, &places);
    person::recognise(&ctx, &mut rec, &places);
    industry::recognise(&ctx, &mut rec);
    let amounts = amounts(&ctx, &mut rec);
    project::recognise(&ctx, &mut rec, &amounts);
    place::from_name_prefixes(&ctx, &mut rec);
    drop_zones_named_as_projects(&mut rec);
    event::recognise(&ctx, &mut rec);
    meta::recognise(&ctx, &mut rec);
    drop_provinces_in_company_names(&ctx, &mut rec);
    rec.mentions.sort();
    rec
}

/// A province that opens a company's name (山西泽宏铸造有限公司, 福建鼎盛鞋业有限公司) says
/// where the company is registered: the page does not name the province by it. (Its facts
/// were read with it; only the mention goes.)
fn drop_provinces_in_company_names(ctx: &Ctx<'_>, rec: &mut Recognition) {
    let is_province = |rec: &Recognition, id: LocalId| {
        rec.entities[id]
            .place()
            .is_some_and(|p| p.level == Some(crate::model::PlaceLevel::Province))
    };
    let inside: Vec<(Span, LocalId)> = rec
        .mentions
        .iter()
        .filter(|(s, id)| {
            let surface = &ctx.text[s.range()];
            rec.entities[*id].kind == EntityKind::Organization
                && (surface.ends_with("公司") || surface.ends_with("集团"))
        })
        .flat_map(|&(company, _)| {
            rec.starting_in(company.start, company.start + 1)
                .filter(move |(s, _)| s.end < company.end)
        })
        .filter(|&(_, id)| is_province(rec, id))
        .collect();
    for (span, id) in inside {
        rec.drop_mention(span, id);
    }
}

/// A park that the text also names as a project (总投资120亿元的X产业园) is one thing: the
/// project keeps it, and the zone mention is dropped.
fn drop_zones_named_as_projects(rec: &mut Recognition) {
    // Where each project name starts, and the furthest it reaches from there.
    let mut project_ends: HashMap<usize, usize> = HashMap::new();
    for (s, id) in &rec.mentions {
        if rec.entities[*id].kind == EntityKind::Project {
            let end = project_ends.entry(s.start).or_default();
            *end = (*end).max(s.end);
        }
    }
    let is_zone = |e: &Entity| {
        e.place()
            .is_some_and(|p| p.level == Some(crate::model::PlaceLevel::Zone))
    };
    let mut dropped = false;
    for e in rec.entities.iter_mut().filter(|e| is_zone(e)) {
        let before = e.mentions.len();
        e.mentions
            .retain(|m| project_ends.get(&m.start).is_none_or(|&end| end < m.end));
        dropped |= e.mentions.len() != before;
    }
    if dropped {
        rec.retain_mentions(|rec, s, id| rec.entities[id].mentions.binary_search(&s).is_ok());
        let entities = &rec.entities;
        for cue in &mut rec.projects {
            if cue.place.is_some_and(|p| entities[p].mentions.is_empty()) {
                cue.place = None;
            }
        }
    }
}

/// A money or other figure found in the body, not yet tied to anything.
#[derive(Debug, Clone)]
pub(crate) struct FoundAmount {
    pub span: Span,
    pub amount: Amount,
}

/// Scans the body for figures; redacted ones are dropped here and never become entities.
fn amounts(ctx: &Ctx<'_>, _rec: &mut Recognition) -> Vec<FoundAmount> {
    let mut out = Vec::new();
    let starts = ctx.found.all(Known::FigureStarts as usize);
    for &span in &ctx.body.spans {
        for f in figures_in(ctx.text, span, starts) {
            if let FigureKind::Amount(amount) = f.kind {
                // 亿元以上项目: a threshold with no number is no figure.
                let surface = ctx.text[f.span.range()].trim_start_matches(['超', '近', '约', '逾', '过', '上']);
                if surface.starts_with(['亿', '万']) && !surface.starts_with("万亿") {
                    continue;
                }
                if !ctx.body.is_redacted(f.span) {
                    out.push(FoundAmount { span: f.span, amount });
                }
            }
        }
    }
    out
}

/// [`figures::scan`] of a scanned line, from `starts`, the occurrences of the characters a
/// figure may start at (every one of them in the line): the scanner skips from one to the
/// next instead of decoding every character of the line.
fn figures_in(text: &str, line: Span, starts: &[WordMatch]) -> Vec<figures::Figure> {
    figures::scan_from_starts(text, line, |hay, pos| {
        let m = starts[starts.partition_point(|m| m.start < pos)..]
            .first()
            .filter(|m| m.start < hay.len())?;
        Some((m.start, hay[m.start..].chars().next()?))
    })
}

/// Adds an amount entity: its identity is its statement (document and span), never its value.
pub(crate) fn add_amount(ctx: &Ctx<'_>, rec: &mut Recognition, found: &FoundAmount) -> LocalId {
    let surface = &ctx.text[found.span.range()];
    // The name is the surface; two statements of the same surface are two amounts, so the
    // index key carries the offset.
    let key = format!("{surface}@{}", found.span.start);
    let id = rec.add(
        EntityKind::Amount,
        &key,
        "",
        Some(found.span),
        EntityDetail::Amount(found.amount.clone()),
    );
    rec.entities[id].name = surface.to_owned();
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Figures found from the scan's figure starts are the scanner's own, line by line.
        #[test]
        fn figures_from_the_scans_starts_are_the_scanners(
            text in "([0-9０-９.．%×Xx一二两三十百千万亿零〇第个元亿万 ，。增长约超多余]|项目|投资|亿元|万元|百分之){0,40}",
            cuts in proptest::collection::vec(0usize..200, 0..4),
        ) {
            let chars: Vec<String> = figures::figure_start_chars().map(String::from).collect();
            let list = WordList::new(chars.iter().map(String::as_str));
            let scan = WordScan::new(&[&list]);
            let bounds: Vec<usize> = (0..=text.len()).filter(|i| text.is_char_boundary(*i)).collect();
            let mut points: Vec<usize> = cuts.iter().map(|c| bounds[c % bounds.len()]).collect();
            points.extend([0, text.len()]);
            points.sort();
            points.dedup();
            let lines: Vec<Span> = points.windows(2).map(|w| Span::new(w[0], w[1])).collect();
            let found = scan.scan(&text, &lines);
            for line in lines {
                prop_assert_eq!(figures_in(&text, line, found.all(0)), figures::scan(&text, line), "{}", line);
            }
        }
    }

    #[test]
    fn every_known_list_is_numbered_by_its_place() {
        for (i, k) in Known::ALL.iter().enumerate() {
            assert_eq!(*k as usize, i, "{k:?}");
        }
        assert_eq!(Known::ALL.len(), Known::ReporterAnchors as usize + 1);
    }

    #[test]
    fn each_known_list_finds_its_own_words() {
        let extractor = crate::Extractor::new();
        let text = "英德市委书记在高新区说,清远日报报道:该公司项目加快建设,发展茶叶产业,花茂村。";
        let line = Span::new(0, text.len());
        let found = extractor.res.known_words.scan(text, &[line]);
        let first = |k: Known| found.matches(k as usize, line).next().map(|m| &text[m.start..m.end]);
        assert_eq!(first(Known::Places), Some("英德市"));
        assert_eq!(first(Known::Zones), Some("高新区"));
        assert_eq!(first(Known::Titles), Some("市委书记"));
        assert_eq!(first(Known::Media), Some("日报"));
        assert_eq!(first(Known::CompanyEndings), Some("公司"));
        assert_eq!(first(Known::ProjectWord), Some("项目"));
        assert_eq!(first(Known::FacilityVerbs), Some("加快"));
        assert_eq!(first(Known::Heads), Some("产业"));
        assert_eq!(first(Known::TownSuffixes), Some("村"));
        assert_eq!(first(Known::Industries), Some("茶叶"));
    }

    proptest! {
        /// The ordered index answers exactly what a scan of every mention would.
        #[test]
        fn range_lookups_match_a_full_scan(
            mentions in proptest::collection::vec((0usize..200, 1usize..40, 0usize..3), 0..60),
            probe in (0usize..240, 0usize..40),
        ) {
            let kinds = [EntityKind::Place, EntityKind::Organization, EntityKind::Official];
            let mut rec = Recognition::default();
            for (i, (start, len, kind)) in mentions.iter().enumerate() {
                let span = Span::new(*start, start + len);
                rec.add(kinds[*kind], &format!("e{}", i % 7), "", Some(span), EntityDetail::None);
            }
            let probe = Span::new(probe.0, probe.0 + probe.1);
            for kind in kinds {
                let scanned = rec
                    .mentions
                    .iter()
                    .any(|(s, id)| s.overlaps(probe) && rec.entities[*id].kind == kind);
                prop_assert_eq!(rec.covered(probe, &[kind]), scanned);
            }
            let mut scanned: Vec<(Span, LocalId)> = rec
                .mentions
                .iter()
                .filter(|(s, id)| probe.contains(*s) && rec.entities[*id].kind == EntityKind::Place)
                .copied()
                .collect();
            scanned.sort();
            prop_assert_eq!(rec.places_in(probe), scanned);
        }
    }
}
