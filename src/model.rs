//! The types that pass between pipeline stages: kinds, amounts, entities and relations.
//!
//! Names and spellings follow the ontology contract (`ONTOLOGY.md`): the `as_str` of every
//! kind is exactly what the JSON export and the RDF vocabulary use.

use crate::span::Span;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The kind of a graph node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum EntityKind {
    /// A named holder of a party or state post.
    Official,
    /// Any other named person: reporter, photographer, editor.
    Person,
    /// Province, city, county, district, town, zone or park, region, country.
    Place,
    /// Party committee, government body, media, company, association.
    Organization,
    /// An economic sector a place develops (the bare sector, without 产业).
    Industry,
    /// A named investment or construction project, facility or plant.
    Project,
    /// A figure: money, percentage, count.
    Amount,
    /// A meeting or congress.
    Event,
    /// An input text. Documents are listed apart in the export, not among the entities.
    Document,
}

impl EntityKind {
    /// Every kind of entity, in export order (documents are not entities).
    pub const ALL: [EntityKind; 8] = [
        EntityKind::Official,
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organization,
        EntityKind::Industry,
        EntityKind::Project,
        EntityKind::Amount,
        EntityKind::Event,
    ];

    /// The name used by the JSON export and the RDF class (`Place`, `Official` …).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Official => "Official",
            EntityKind::Person => "Person",
            EntityKind::Place => "Place",
            EntityKind::Organization => "Organization",
            EntityKind::Industry => "Industry",
            EntityKind::Project => "Project",
            EntityKind::Amount => "Amount",
            EntityKind::Event => "Event",
            EntityKind::Document => "Document",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of a graph edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum RelationKind {
    /// Official → Place or Organization, with a `title`.
    HoldsPost,
    /// Place, Project or Organization → Place.
    LocatedIn,
    /// Place → Industry.
    Develops,
    /// Project → Amount, with a `role`.
    HasInvestment,
    /// Organization → Project.
    InvestsIn,
    /// Project → Industry.
    InIndustry,
    /// Place → Amount: a target, with `indicator` and `period`.
    SetsTarget,
    /// Place → Amount: a reported figure, with `indicator` and `period`.
    ReportsFigure,
    /// Document → Official.
    Interviews,
    /// Document → Organization.
    PublishedBy,
}

impl RelationKind {
    /// The snake_case name used by the JSON export (`holds_post` …).
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::HoldsPost => "holds_post",
            RelationKind::LocatedIn => "located_in",
            RelationKind::Develops => "develops",
            RelationKind::HasInvestment => "has_investment",
            RelationKind::InvestsIn => "invests_in",
            RelationKind::InIndustry => "in_industry",
            RelationKind::SetsTarget => "sets_target",
            RelationKind::ReportsFigure => "reports_figure",
            RelationKind::Interviews => "interviews",
            RelationKind::PublishedBy => "published_by",
        }
    }

    /// The camelCase name of the RDF property (`holdsPost` …).
    pub fn rdf_name(self) -> &'static str {
        match self {
            RelationKind::HoldsPost => "holdsPost",
            RelationKind::LocatedIn => "locatedIn",
            RelationKind::Develops => "develops",
            RelationKind::HasInvestment => "hasInvestment",
            RelationKind::InvestsIn => "investsIn",
            RelationKind::InIndustry => "inIndustry",
            RelationKind::SetsTarget => "setsTarget",
            RelationKind::ReportsFigure => "reportsFigure",
            RelationKind::Interviews => "interviews",
            RelationKind::PublishedBy => "publishedBy",
        }
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Administrative or functional level of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceLevel {
    /// 省, 自治区, 直辖市, 特别行政区.
    Province,
    /// 地级市, 自治州, 地区, 盟.
    Prefecture,
    /// 县, 县级市, 旗.
    County,
    /// 市辖区.
    District,
    /// 镇, 乡, 街道.
    Town,
    /// Development zone or park: 高新区, 开发区, 产业园 …
    Zone,
    /// A region spanning divisions: 粤港澳大湾区.
    Region,
    /// A country.
    Country,
}

impl PlaceLevel {
    /// The name used by the export (`province` …).
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceLevel::Province => "province",
            PlaceLevel::Prefecture => "prefecture",
            PlaceLevel::County => "county",
            PlaceLevel::District => "district",
            PlaceLevel::Town => "town",
            PlaceLevel::Zone => "zone",
            PlaceLevel::Region => "region",
            PlaceLevel::Country => "country",
        }
    }
}

/// The unit of an [`Amount`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// Chinese yuan.
    Cny,
    /// US dollars.
    Usd,
    /// Euro.
    Eur,
    /// Hong Kong dollars.
    Hkd,
    /// A percentage: the value 6.5 means 6.5%.
    Percent,
    /// A count of things (个, 家, 项 …).
    Count,
    /// Any other unit written in the text, e.g. `km2`, `吨`.
    Other(String),
}

impl Unit {
    /// The unit as the export writes it (`CNY`, `USD`, `percent`, `count`, or the other unit).
    pub fn as_str(&self) -> &str {
        match self {
            Unit::Cny => "CNY",
            Unit::Usd => "USD",
            Unit::Eur => "EUR",
            Unit::Hkd => "HKD",
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Other(s) => s,
        }
    }

    /// Whether the unit is a currency.
    pub fn is_money(&self) -> bool {
        matches!(self, Unit::Cny | Unit::Usd | Unit::Eur | Unit::Hkd)
    }
}

/// A figure stated in the text, normalised to base units.
///
/// `value` is exact: 1.02万亿元 is `1020000000000` yuan, not a float near it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Amount {
    /// The value in base units (yuan for money, 6.5 for 6.5%).
    pub value: Decimal,
    /// What is counted.
    pub unit: Unit,
    /// Whether the text hedges the figure (超, 约, 多, 以上, 近 …).
    pub approx: bool,
}

/// The role of an investment figure of a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InvestmentRole {
    /// 总投资.
    Total,
    /// 计划投资, 年度计划投资.
    Planned,
    /// 实际投资, 完成投资.
    Actual,
}

impl InvestmentRole {
    /// The name used by the export.
    pub fn as_str(self) -> &'static str {
        match self {
            InvestmentRole::Total => "total",
            InvestmentRole::Planned => "planned",
            InvestmentRole::Actual => "actual",
        }
    }
}

/// What is known about a place beyond its name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct PlaceInfo {
    /// Level, where known.
    pub level: Option<PlaceLevel>,
    /// Six-digit administrative division code, where the gazetteer knows the place.
    pub adcode: Option<String>,
    /// Adcode of the parent division, where known.
    pub parent_adcode: Option<String>,
}

/// Attributes that depend on the kind of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum EntityDetail {
    /// Nothing beyond the name.
    #[default]
    None,
    /// A place's level and codes.
    Place(PlaceInfo),
    /// An amount's value and unit.
    Amount(Amount),
}

/// One entity found in one document: its canonical name, the other surface forms, and
/// where it is mentioned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The kind.
    pub kind: EntityKind,
    /// The canonical name (英德市, not 英德).
    pub name: String,
    /// Other surface forms seen for it.
    pub aliases: BTreeSet<String>,
    /// Kind-specific attributes.
    pub detail: EntityDetail,
    /// Byte spans of its mentions in the document, sorted.
    pub mentions: Vec<Span>,
}

impl Entity {
    /// The place attributes, for a place.
    pub fn place(&self) -> Option<&PlaceInfo> {
        match &self.detail {
            EntityDetail::Place(p) => Some(p),
            _ => None,
        }
    }

    /// Whether this is a village: a place the text names with 村, which no gazetteer holds
    /// (villages have no level).
    pub(crate) fn is_village(&self) -> bool {
        self.place().is_some_and(|p| p.level.is_none()) && self.name.ends_with('村')
    }

    /// The amount, for an amount.
    pub fn amount(&self) -> Option<&Amount> {
        match &self.detail {
            EntityDetail::Amount(a) => Some(a),
            _ => None,
        }
    }
}

/// Attributes a relation may carry; each is set only where the text states it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct RelationAttrs {
    /// Title of a post (市委书记).
    pub title: Option<String>,
    /// The date a post is stated for (the document's date).
    pub as_of: Option<String>,
    /// Role of an investment.
    pub role: Option<InvestmentRole>,
    /// What a target or figure measures (GDP, 固定资产投资 …).
    pub indicator: Option<String>,
    /// The period of a target or figure (十四五, 2023 …).
    pub period: Option<String>,
    /// Scale of an industry (千亿级).
    pub scale: Option<String>,
}

/// Where a relation comes from, when it is not from a clause of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RelationSource {
    /// Stated by the text; the evidence spans hold the clause.
    Text,
    /// Implied by the gazetteer (the chain of divisions up to the province).
    Gazetteer,
}

/// Whether a title is a deputy's (县委副书记), a standing committee member's (省委常委) or a
/// party group's (党组书记): in a chain (县委副书记、县长, 党组书记、主任) it is held beside the
/// principal post, which a reader of one title per place wants first, and which names the
/// place an interviewee speaks for.
pub(crate) fn is_secondary_title(title: &str) -> bool {
    title.contains('副') || title.ends_with("常委") || title.starts_with("党组")
}
