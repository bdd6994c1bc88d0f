//! Scoring an extracted graph against a gold annotation.
//!
//! This module is the Rust port of the project's evaluation scorer (`kgscore.py`): it gives the
//! same figures, count for count, so users can measure the library on their own annotated texts
//! without Python. It reads the JSON export described in the ontology (a prediction: `documents`,
//! `entities`, `relations`) and a gold file (`{"documents": [{"doc", "entities", "relations",
//! "optional_relations", "forbidden"}]}`) and reports precision, recall and F1 for entities and
//! relations by kind, forbidden hits, title and adcode accuracy and mention span checks.
//!
//! # How items match
//!
//! Scoring is per gold document. A predicted entity counts for a document when one of its
//! mentions is in it, a relation when one of its evidence spans is.
//!
//! - **Names** are compared after normalisation: Unicode NFKC, whitespace removed, the dashes
//!   `—–‐‑‒―－` folded to `-`, and one of the suffixes `产业集群`, `项目`, `产业` (the first that
//!   fits, in that order) stripped when the name is longer than the suffix plus one character.
//!   So `鞋业产业` matches `鞋业`, but `新产业` stays as it is.
//! - **Entities** match on kind (a gold entity may list several acceptable kinds) and on any
//!   normalised name or alias. A gold entity of kind `Amount`, or any gold entity with a `value`,
//!   matches only a predicted `Amount` of the same `unit` whose `value` is within 0.5 %.
//! - **Optional** gold entities and relations are neither misses nor false hits.
//! - **Split entities**: a predicted entity that matches only gold entities already matched by an
//!   earlier prediction (predictions are taken in order of their id) is a false hit.
//! - **Relations** are deduplicated by `(kind, head, tail)`; relations with an `Event` at either
//!   end, or an end that is no entity or document id, are skipped. A gold relation lists its
//!   head, kind and tail, each possibly a list of alternatives; a side name that is the name of
//!   a gold entity stands for that entity (kind, aliases, amount), another name matches any
//!   entity with that name, and `@doc` matches the document itself. A predicted relation takes
//!   the first required gold relation it fits; if that one is already taken, the prediction is
//!   neither a hit nor a false hit.
//! - **Forbidden** names and figures (page furniture, redacted placeholders) found on a predicted
//!   entity of the document are listed apart, in addition to whatever else they count as.
//! - **Title accuracy**: over matched `holds_post` gold relations with a title, the share whose
//!   predicted `title` attribute contains the gold title or is contained in it.
//! - **Adcode accuracy**: over matched gold entities with an `adcode`, the share whose predicted
//!   `adcode` attribute is the same string.
//! - **Spans**: with the documents' bytes, every mention of every predicted entity whose document
//!   is known is checked: a span that is out of range or does not cut valid UTF-8 is bad; one
//!   whose text normalises to one of the entity's names (or any span of an `Amount`) matches.
//!
//! Malformed predictions never make the scorer fail: missing fields take the defaults the Python
//! scorer gives them, and items of the wrong type are skipped.
//!
//! # Example
//!
//! ```
//! use interview_kg::evaluate::{evaluate, Gold};
//! use serde_json::json;
//!
//! let gold = Gold::from_str(r#"{"documents": [{"doc": "d1",
//!     "entities": [{"kind": "Place", "name": "英德市", "aliases": ["英德"]},
//!                  {"kind": "Official", "name": "张杨彬"}],
//!     "relations": [["张杨彬", "holds_post", "英德市", {"title": "市委书记"}]]}]}"#)?;
//! let prediction = json!({
//!     "documents": [{"id": "d1"}],
//!     "entities": [
//!         {"id": "p1", "kind": "Place", "name": "英德", "mentions": [{"doc": "d1", "start": 0, "end": 6}]},
//!         {"id": "p2", "kind": "Official", "name": "张杨彬", "mentions": [{"doc": "d1", "start": 9, "end": 18}]}
//!     ],
//!     "relations": [{"kind": "holds_post", "head": "p2", "tail": "p1",
//!                    "attributes": {"title": "英德市委书记"}, "evidence": [{"doc": "d1", "start": 0, "end": 18}]}]
//! });
//! let report = evaluate(&gold, &prediction, None);
//! assert_eq!(report.entities_all.f1, 1.0);
//! assert_eq!(report.relations_all.tp, 1);
//! assert_eq!(report.title_accuracy, Some(1.0));
//! println!("{report}");
//! # Ok::<(), interview_kg::evaluate::EvaluateError>(())
//! ```

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};
use unicode_normalization::UnicodeNormalization;

/// Suffixes stripped from names before comparison, tried in this order.
const SUFFIXES: [&str; 3] = ["产业集群", "项目", "产业"];
/// Dashes folded to `-` before comparison.
const DASHES: [char; 7] = ['—', '–', '‐', '‑', '‒', '―', '－'];

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// What is wrong with a gold file.
///
/// Prediction files never produce an error: the scorer reads whatever it can of them.
///
/// # Example
///
/// ```
/// use interview_kg::evaluate::{EvaluateError, Gold};
///
/// let err = Gold::from_str(r#"{"documents": [{"doc": "d1"}]}"#).unwrap_err();
/// assert!(matches!(err, EvaluateError::Invalid { .. }));
/// assert_eq!(err.to_string(), "invalid gold file: documents[0]: no \"entities\" list");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum EvaluateError {
    /// The gold text is not JSON at all.
    Json(serde_json::Error),
    /// The gold JSON does not have the gold format.
    Invalid {
        /// Where the problem is, as a path into the JSON such as `documents[2].entities[5].kind`.
        at: String,
        /// What is wrong there.
        message: String,
    },
}

impl EvaluateError {
    fn invalid(at: impl Into<String>, message: impl Into<String>) -> Self {
        EvaluateError::Invalid {
            at: at.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for EvaluateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvaluateError::Json(e) => write!(f, "the gold file is not valid JSON: {e}"),
            EvaluateError::Invalid { at, message } if at.is_empty() => {
                write!(f, "invalid gold file: {message}")
            }
            EvaluateError::Invalid { at, message } => {
                write!(f, "invalid gold file: {at}: {message}")
            }
        }
    }
}

impl std::error::Error for EvaluateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EvaluateError::Json(e) => Some(e),
            EvaluateError::Invalid { .. } => None,
        }
    }
}

impl From<serde_json::Error> for EvaluateError {
    fn from(e: serde_json::Error) -> Self {
        EvaluateError::Json(e)
    }
}

// ---------------------------------------------------------------------------------------------
// Gold
// ---------------------------------------------------------------------------------------------

/// A parsed gold file: for each annotated document, the entities and relations it states, the
/// optional ones, and the forbidden names and figures.
///
/// The format, one object per document under `"documents"`:
///
/// ```json
/// {"doc": "002_75bb1cfe5a61d747",
///  "entities": [{"kind": ["Place", "Project"], "name": "广德产业园", "aliases": ["广德(英德)产业园"]},
///               {"kind": "Place", "name": "英德市", "aliases": ["英德"], "adcode": "441881"},
///               {"kind": "Amount", "name": "733亿元", "value": 73300000000, "unit": "CNY"},
///               {"kind": "Industry", "name": "制造业", "optional": true}],
///  "relations": [["张杨彬", "holds_post", "英德市", {"title": "市委书记"}],
///                ["漳州市", ["reports_figure", "sets_target"], "1.02万亿元"],
///                ["@doc", "published_by", ["羊城晚报", "金羊网"]]],
///  "optional_relations": [],
///  "forbidden": ["×区", {"value": 20400000000, "unit": "USD"}]}
/// ```
///
/// # Example
///
/// ```
/// use interview_kg::evaluate::Gold;
///
/// let gold: Gold = r#"{"documents": [{"doc": "d1", "entities": []}]}"#.parse()?;
/// assert_eq!(gold.doc_ids().collect::<Vec<_>>(), ["d1"]);
/// # Ok::<(), interview_kg::evaluate::EvaluateError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Gold {
    docs: Vec<GoldDoc>,
}

#[derive(Debug, Clone)]
struct GoldDoc {
    doc: String,
    ents: Vec<GoldEnt>,
    rels: Vec<GoldRel>,
    forbidden: Vec<Forbidden>,
}

#[derive(Debug, Clone)]
struct GoldEnt {
    /// Acceptable kinds, sorted (the Python's `sorted(kinds)`).
    kinds: BTreeSet<String>,
    names: HashSet<String>,
    name: String,
    optional: bool,
    value: Option<Value>,
    unit: String,
    /// The gold adcode when it is truthy; only a string can ever equal the predicted one.
    adcode: Option<Value>,
}

#[derive(Debug, Clone)]
enum SideItem {
    /// `@doc`: the document itself.
    Doc,
    /// A gold entity of the same document, by index.
    Ent(usize),
    /// A bare name that is no gold entity's name: any entity with that name.
    Name(String),
}

#[derive(Debug, Clone)]
struct GoldRel {
    head: Vec<SideItem>,
    kinds: Vec<String>,
    tail: Vec<SideItem>,
    title: Option<String>,
    optional: bool,
    head_text: String,
    kind_text: String,
    tail_text: String,
}

#[derive(Debug, Clone)]
enum Forbidden {
    Amount { value: Option<Value>, unit: String },
    Name(String),
}

impl Gold {
    /// Reads a gold file already parsed as JSON.
    ///
    /// # Errors
    ///
    /// [`EvaluateError::Invalid`] when a required field is missing or has a type the scorer
    /// cannot use (the message says where).
    ///
    /// # Example
    ///
    /// ```
    /// use interview_kg::evaluate::Gold;
    ///
    /// let v = serde_json::json!({"documents": [{"doc": "d1",
    ///     "entities": [{"kind": "Industry", "name": "鞋业"}]}]});
    /// let gold = Gold::from_json(&v)?;
    /// assert_eq!(gold.doc_ids().count(), 1);
    /// # Ok::<(), interview_kg::evaluate::EvaluateError>(())
    /// ```
    pub fn from_json(v: &Value) -> Result<Gold, EvaluateError> {
        let top = v
            .as_object()
            .ok_or_else(|| EvaluateError::invalid("", "the top level is not an object"))?;
        let docs = top
            .get("documents")
            .ok_or_else(|| EvaluateError::invalid("", "no \"documents\" list"))?
            .as_array()
            .ok_or_else(|| EvaluateError::invalid("documents", "not a list"))?;
        let docs = docs
            .iter()
            .enumerate()
            .map(|(i, d)| GoldDoc::from_json(d, &format!("documents[{i}]")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Gold { docs })
    }

    /// Parses a gold file from its JSON text.
    ///
    /// # Errors
    ///
    /// [`EvaluateError::Json`] when the text is not JSON, [`EvaluateError::Invalid`] as for
    /// [`Gold::from_json`].
    ///
    /// # Example
    ///
    /// ```
    /// use interview_kg::evaluate::Gold;
    ///
    /// let gold = Gold::from_str(r#"{"documents": [{"doc": "d1", "entities": [],
    ///     "forbidden": ["×区"]}]}"#)?;
    /// assert_eq!(gold.doc_ids().next(), Some("d1"));
    /// assert!(Gold::from_str("not json").is_err());
    /// # Ok::<(), interview_kg::evaluate::EvaluateError>(())
    /// ```
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &str) -> Result<Gold, EvaluateError> {
        let v: Value = serde_json::from_str(s)?;
        Gold::from_json(&v)
    }

    /// The ids of the annotated documents, in the order of the gold file.
    ///
    /// # Example
    ///
    /// ```
    /// use interview_kg::evaluate::Gold;
    ///
    /// let gold = Gold::from_str(r#"{"documents": [{"doc": "a", "entities": []},
    ///                                             {"doc": "b", "entities": []}]}"#)?;
    /// assert_eq!(gold.doc_ids().collect::<Vec<_>>(), ["a", "b"]);
    /// # Ok::<(), interview_kg::evaluate::EvaluateError>(())
    /// ```
    pub fn doc_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.docs.iter().map(|d| d.doc.as_str())
    }
}

impl std::str::FromStr for Gold {
    type Err = EvaluateError;

    fn from_str(s: &str) -> Result<Gold, EvaluateError> {
        Gold::from_str(s)
    }
}

/// A string or a number, as the Python's `str()` writes it; `None` for other types.
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(_) | Value::Number(_) => Some(py_str(v)),
        _ => None,
    }
}

/// A string or a list of strings, as a list (the Python's `as_list`).
fn string_list(v: &Value, at: &str, what: &str) -> Result<Vec<String>, EvaluateError> {
    match v {
        Value::String(s) => Ok(vec![s.clone()]),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, x)| {
                x.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| EvaluateError::invalid(format!("{at}[{i}]"), format!("{what} is not a string")))
            })
            .collect(),
        _ => Err(EvaluateError::invalid(
            at,
            format!("{what} is neither a string nor a list of strings"),
        )),
    }
}

impl GoldDoc {
    fn from_json(d: &Value, at: &str) -> Result<GoldDoc, EvaluateError> {
        let d = d
            .as_object()
            .ok_or_else(|| EvaluateError::invalid(at, "not an object"))?;
        let doc = match d.get("doc") {
            None => return Err(EvaluateError::invalid(at, "no \"doc\" id")),
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err(EvaluateError::invalid(format!("{at}.doc"), "not a string")),
        };
        let ents_json = d
            .get("entities")
            .ok_or_else(|| EvaluateError::invalid(at, "no \"entities\" list"))?
            .as_array()
            .ok_or_else(|| EvaluateError::invalid(format!("{at}.entities"), "not a list"))?;
        let mut ents = Vec::with_capacity(ents_json.len());
        for (i, e) in ents_json.iter().enumerate() {
            ents.push(GoldEnt::from_json(e, &format!("{at}.entities[{i}]"))?);
        }
        // by_name: the first gold entity of each normalised canonical name.
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for (i, g) in ents.iter().enumerate() {
            by_name.entry(norm(&g.name)).or_insert(i);
        }
        let mut rels = Vec::new();
        for (field, optional) in [("relations", false), ("optional_relations", true)] {
            let Some(list) = d.get(field) else { continue };
            let list = list
                .as_array()
                .ok_or_else(|| EvaluateError::invalid(format!("{at}.{field}"), "not a list"))?;
            for (j, r) in list.iter().enumerate() {
                rels.push(GoldRel::from_json(
                    r,
                    &format!("{at}.{field}[{j}]"),
                    optional,
                    &by_name,
                )?);
            }
        }
        let mut forbidden = Vec::new();
        if let Some(list) = d.get("forbidden") {
            let list = list
                .as_array()
                .ok_or_else(|| EvaluateError::invalid(format!("{at}.forbidden"), "not a list"))?;
            for (j, f) in list.iter().enumerate() {
                let fat = format!("{at}.forbidden[{j}]");
                forbidden.push(match f {
                    Value::Object(o) => {
                        let value = o
                            .get("value")
                            .ok_or_else(|| EvaluateError::invalid(&fat, "a forbidden figure needs a \"value\""))?;
                        check_value(value, &format!("{fat}.value"))?;
                        let unit = o
                            .get("unit")
                            .ok_or_else(|| EvaluateError::invalid(&fat, "a forbidden figure needs a \"unit\""))?;
                        Forbidden::Amount {
                            value: non_null(value).cloned(),
                            unit: py_str(unit),
                        }
                    }
                    Value::Array(_) => {
                        return Err(EvaluateError::invalid(
                            fat,
                            "neither a name nor a {\"value\", \"unit\"} figure",
                        ))
                    }
                    other => Forbidden::Name(norm(&py_str(other))),
                });
            }
        }
        Ok(GoldDoc {
            doc,
            ents,
            rels,
            forbidden,
        })
    }
}

/// A gold `value` must be something the Python's `float()` accepts, or null.
fn check_value(v: &Value, at: &str) -> Result<(), EvaluateError> {
    if v.is_null() || py_float(v).is_some() {
        Ok(())
    } else {
        Err(EvaluateError::invalid(at, "not a number"))
    }
}

fn non_null(v: &Value) -> Option<&Value> {
    if v.is_null() {
        None
    } else {
        Some(v)
    }
}

impl GoldEnt {
    fn from_json(e: &Value, at: &str) -> Result<GoldEnt, EvaluateError> {
        let e = e
            .as_object()
            .ok_or_else(|| EvaluateError::invalid(at, "not an object"))?;
        let kind = e.get("kind").ok_or_else(|| EvaluateError::invalid(at, "no \"kind\""))?;
        let kinds: BTreeSet<String> = string_list(kind, &format!("{at}.kind"), "a kind")?
            .into_iter()
            .collect();
        let name = e.get("name").ok_or_else(|| EvaluateError::invalid(at, "no \"name\""))?;
        let name = scalar_text(name).ok_or_else(|| EvaluateError::invalid(format!("{at}.name"), "not a string"))?;
        let mut names = HashSet::new();
        names.insert(norm(&name));
        if let Some(aliases) = e.get("aliases") {
            let aliases = aliases
                .as_array()
                .ok_or_else(|| EvaluateError::invalid(format!("{at}.aliases"), "not a list"))?;
            for (i, a) in aliases.iter().enumerate() {
                let a = scalar_text(a)
                    .ok_or_else(|| EvaluateError::invalid(format!("{at}.aliases[{i}]"), "not a string"))?;
                names.insert(norm(&a));
            }
        }
        let optional = e.get("optional").is_some_and(py_truthy);
        if kinds.is_empty() && !optional {
            return Err(EvaluateError::invalid(
                format!("{at}.kind"),
                "a required entity needs at least one kind",
            ));
        }
        let value = e.get("value").and_then(non_null);
        if let Some(v) = value {
            check_value(v, &format!("{at}.value"))?;
        }
        Ok(GoldEnt {
            kinds,
            names,
            name,
            optional,
            value: value.cloned(),
            unit: py_str(e.get("unit").unwrap_or(&Value::Null)),
            adcode: e.get("adcode").filter(|a| py_truthy(a)).cloned(),
        })
    }
}

impl GoldRel {
    fn from_json(
        r: &Value,
        at: &str,
        optional: bool,
        by_name: &HashMap<String, usize>,
    ) -> Result<GoldRel, EvaluateError> {
        let r = r.as_array().filter(|r| r.len() >= 3).ok_or_else(|| {
            EvaluateError::invalid(at, "not a list [head, kind, tail] or [head, kind, tail, {attributes}]")
        })?;
        let side = |v: &Value, sat: String| -> Result<Vec<SideItem>, EvaluateError> {
            let items: Vec<&Value> = match v {
                Value::Array(a) => a.iter().collect(),
                other => vec![other],
            };
            items
                .into_iter()
                .map(|n| {
                    if n.as_str() == Some("@doc") {
                        return Ok(SideItem::Doc);
                    }
                    let n = scalar_text(n).ok_or_else(|| {
                        EvaluateError::invalid(&sat, "a relation end is neither a name nor a list of names")
                    })?;
                    let n = norm(&n);
                    Ok(match by_name.get(&n) {
                        Some(&i) => SideItem::Ent(i),
                        None => SideItem::Name(n),
                    })
                })
                .collect()
        };
        let head = side(&r[0], format!("{at}[0]"))?;
        let kinds = string_list(&r[1], &format!("{at}[1]"), "a relation kind")?;
        if kinds.is_empty() && !optional {
            return Err(EvaluateError::invalid(
                format!("{at}[1]"),
                "a required relation needs at least one kind",
            ));
        }
        let tail = side(&r[2], format!("{at}[2]"))?;
        let title = match r.get(3) {
            None => None,
            Some(Value::Object(attrs)) => match attrs.get("title") {
                None => None,
                Some(Value::String(t)) => Some(t.clone()),
                Some(_) => return Err(EvaluateError::invalid(format!("{at}[3].title"), "not a string")),
            },
            Some(_) => {
                return Err(EvaluateError::invalid(
                    format!("{at}[3]"),
                    "the attributes are not an object",
                ))
            }
        };
        Ok(GoldRel {
            head,
            kinds,
            tail,
            title,
            optional,
            head_text: py_str(&r[0]),
            kind_text: py_str(&r[1]),
            tail_text: py_str(&r[2]),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/// Precision, recall and F1 with the counts they come from.
///
/// Precision is 1 when nothing was predicted, recall 1 when nothing was to be found, and F1 0
/// when both precision and recall are 0.
///
/// # Example
///
/// ```
/// use interview_kg::evaluate::Scores;
///
/// let s = Scores::from_counts(3, 1, 2);
/// assert_eq!((s.precision, s.recall), (0.75, 0.6));
/// assert!((s.f1 - 2.0 / 3.0).abs() < 1e-12);
/// assert_eq!(Scores::from_counts(0, 0, 0).f1, 1.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Scores {
    /// `tp / (tp + fp)`, or 1 when `tp + fp` is 0.
    pub precision: f64,
    /// `tp / (tp + fn)`, or 1 when `tp + fn` is 0.
    pub recall: f64,
    /// The harmonic mean of precision and recall, or 0 when both are 0.
    pub f1: f64,
    /// Predicted items that match a required gold item.
    pub tp: usize,
    /// Predicted items that match no gold item, and split entities.
    pub fp: usize,
    /// Required gold items that no prediction matched.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Scores {
    /// Computes the figures from the counts.
    ///
    /// # Example
    ///
    /// ```
    /// use interview_kg::evaluate::Scores;
    ///
    /// assert_eq!(Scores::from_counts(0, 0, 4).recall, 0.0);
    /// ```
    pub fn from_counts(tp: usize, fp: usize, fn_: usize) -> Scores {
        let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 1.0 };
        let r = if tp + fn_ > 0 {
            tp as f64 / (tp + fn_) as f64
        } else {
            1.0
        };
        let f = if p + r != 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        Scores {
            precision: p,
            recall: r,
            f1: f,
            tp,
            fp,
            fn_,
        }
    }
}

/// The result of [`evaluate`]: figures by kind and overall, the notes `kgscore.py -v` prints, and
/// the accuracies and span counts.
///
/// `Display` prints what `kgscore.py` prints: the entity and relation tables and two closing
/// lines; the alternate form (`{:#}`) first lists the notes and forbidden hits, like `-v`.
/// [`Report::render`] can also add the `--json` line.
///
/// # Example
///
/// ```
/// use interview_kg::evaluate::{evaluate, Gold};
///
/// let gold = Gold::from_str(r#"{"documents": [{"doc": "d1",
///     "entities": [{"kind": "Industry", "name": "鞋业"}]}]}"#)?;
/// let report = evaluate(&gold, &serde_json::json!({}), None);
/// assert_eq!(report.notes, ["d1: no such document in the prediction", "d1: missed Industry 鞋业"]);
/// assert!(report.to_string().ends_with(
///     "entity_f1=0.000 relation_f1=1.000 (entity P=1.000 R=0.000; relation P=1.000 R=1.000)\n"));
/// # Ok::<(), interview_kg::evaluate::EvaluateError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Entity figures by kind (a gold entity with several acceptable kinds is missed under the
    /// first of them in sorted order).
    pub entities: BTreeMap<String, Scores>,
    /// Entity figures over all kinds.
    pub entities_all: Scores,
    /// Relation figures by kind (a missed gold relation with several acceptable kinds counts
    /// under the first one listed).
    pub relations: BTreeMap<String, Scores>,
    /// Relation figures over all kinds.
    pub relations_all: Scores,
    /// Forbidden names and figures found, as `doc: name`, one per predicted entity and hit.
    pub forbidden_hits: Vec<String>,
    /// Missing documents, split entities, false hits and misses, in the order `kgscore.py -v`
    /// prints them.
    pub notes: Vec<String>,
    /// Share of matched gold posts with a title whose predicted title agrees; `None` when no such
    /// post was matched. Not rounded.
    pub title_accuracy: Option<f64>,
    /// Share of matched gold entities with an adcode whose predicted adcode is the same; `None`
    /// when no such entity was matched. Not rounded.
    pub adcode_accuracy: Option<f64>,
    /// Mentions checked against the documents' text (those whose document was given).
    pub spans: usize,
    /// Checked mentions whose offsets are out of range or do not cut valid UTF-8.
    pub spans_bad: usize,
    /// Checked mentions whose text is one of the entity's names (any valid span of an `Amount`).
    pub spans_name: usize,
}

impl Report {
    /// The figures as the JSON object `kgscore.py --json` prints, with the same keys and values
    /// rounded to 4 decimals: `entity_p`, `entity_r`, `entity_f1`, `relation_p`, `relation_r`,
    /// `relation_f1`, `forbidden`, `title_acc`, `adcode_acc` (null when not measured), `spans`,
    /// `spans_bad`, `spans_name`.
    ///
    /// # Example
    ///
    /// ```
    /// use interview_kg::evaluate::{evaluate, Gold};
    ///
    /// let gold = Gold::from_str(r#"{"documents": []}"#)?;
    /// let figs = evaluate(&gold, &serde_json::json!({}), None).to_json();
    /// assert_eq!(figs["entity_f1"], 1.0);
    /// assert!(figs["title_acc"].is_null());
    /// # Ok::<(), interview_kg::evaluate::EvaluateError>(())
    /// ```
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        for (key, value) in self.figures() {
            m.insert(key.to_owned(), value.to_value());
        }
        Value::Object(m)
    }

    /// The figures as one line of JSON, byte for byte as `kgscore.py --json` prints it (keys in
    /// its order, `", "` and `": "` separators, Python's float notation).
    ///
    /// # Example
    ///
    /// ```
    /// use interview_kg::evaluate::{evaluate, Gold};
    ///
    /// let gold = Gold::from_str(r#"{"documents": []}"#)?;
    /// let line = evaluate(&gold, &serde_json::json!({}), None).to_json_string();
    /// assert!(line.starts_with(r#"{"entity_p": 1.0, "entity_r": 1.0, "#));
    /// # Ok::<(), interview_kg::evaluate::EvaluateError>(())
    /// ```
    pub fn to_json_string(&self) -> String {
        let body: Vec<String> = self
            .figures()
            .iter()
            .map(|(k, v)| format!("\"{k}\": {}", v.to_python_json()))
            .collect();
        format!("{{{}}}", body.join(", "))
    }

    /// Everything `kgscore.py` prints to stdout, line by line: with `verbose` (its `-v`) first
    /// the notes and the forbidden hits, then the two tables, with `json` (its `--json`) the
    /// figures as JSON, then the two closing lines. Each line ends with `\n`.
    ///
    /// # Example
    ///
    /// ```
    /// use interview_kg::evaluate::{evaluate, Gold};
    ///
    /// let gold = Gold::from_str(r#"{"documents": []}"#)?;
    /// let text = evaluate(&gold, &serde_json::json!({}), None).render(true, true);
    /// assert_eq!(text.lines().count(), 7);
    /// assert!(text.lines().nth(4).unwrap().starts_with('{'));
    /// # Ok::<(), interview_kg::evaluate::EvaluateError>(())
    /// ```
    pub fn render(&self, verbose: bool, json: bool) -> String {
        let mut out = String::new();
        if verbose {
            for n in &self.notes {
                out.push_str(n);
                out.push('\n');
            }
            for h in &self.forbidden_hits {
                out.push_str("forbidden: ");
                out.push_str(h);
                out.push('\n');
            }
        }
        table(&mut out, "entities", &self.entities, &self.entities_all);
        table(&mut out, "relations", &self.relations, &self.relations_all);
        if json {
            out.push_str(&self.to_json_string());
            out.push('\n');
        }
        let acc = |a: Option<f64>| a.map_or_else(|| "None".to_owned(), |x| py_float_repr(round4(x)));
        out.push_str(&format!(
            "title_acc={} adcode_acc={} forbidden={} spans={} bad_spans={} spans_matching_name={}\n",
            acc(self.title_accuracy),
            acc(self.adcode_accuracy),
            self.forbidden_hits.len(),
            self.spans,
            self.spans_bad,
            self.spans_name
        ));
        let (e, r) = (&self.entities_all, &self.relations_all);
        out.push_str(&format!(
            "entity_f1={:.3} relation_f1={:.3} (entity P={:.3} R={:.3}; relation P={:.3} R={:.3})\n",
            e.f1, r.f1, e.precision, e.recall, r.precision, r.recall
        ));
        out
    }

    fn figures(&self) -> [(&'static str, Fig); 12] {
        let (e, r) = (&self.entities_all, &self.relations_all);
        [
            ("entity_p", Fig::Float(round4(e.precision))),
            ("entity_r", Fig::Float(round4(e.recall))),
            ("entity_f1", Fig::Float(round4(e.f1))),
            ("relation_p", Fig::Float(round4(r.precision))),
            ("relation_r", Fig::Float(round4(r.recall))),
            ("relation_f1", Fig::Float(round4(r.f1))),
            ("forbidden", Fig::Count(self.forbidden_hits.len())),
            (
                "title_acc",
                self.title_accuracy.map_or(Fig::Null, |x| Fig::Float(round4(x))),
            ),
            (
                "adcode_acc",
                self.adcode_accuracy.map_or(Fig::Null, |x| Fig::Float(round4(x))),
            ),
            ("spans", Fig::Count(self.spans)),
            ("spans_bad", Fig::Count(self.spans_bad)),
            ("spans_name", Fig::Count(self.spans_name)),
        ]
    }
}

impl fmt::Display for Report {
    /// The tables and closing lines of `kgscore.py`; with `{:#}` the notes first, like its `-v`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(f.alternate(), false))
    }
}

enum Fig {
    Float(f64),
    Count(usize),
    Null,
}

impl Fig {
    fn to_value(&self) -> Value {
        match *self {
            Fig::Float(x) => serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number),
            Fig::Count(n) => Value::from(n),
            Fig::Null => Value::Null,
        }
    }

    fn to_python_json(&self) -> String {
        match *self {
            Fig::Float(x) if x.is_nan() => "NaN".to_owned(),
            Fig::Float(x) if x.is_infinite() => if x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned(),
            Fig::Float(x) => py_float_repr(x),
            Fig::Count(n) => n.to_string(),
            Fig::Null => "null".to_owned(),
        }
    }
}

fn table(out: &mut String, title: &str, rows: &BTreeMap<String, Scores>, all: &Scores) {
    out.push_str(&format!(
        "{title:<14}{:>7}{:>7}{:>7}{:>6}{:>6}{:>6}\n",
        "P", "R", "F1", "tp", "fp", "fn"
    ));
    let row = |out: &mut String, k: &str, s: &Scores| {
        out.push_str(&format!(
            "  {k:<12}{:7.3}{:7.3}{:7.3}{:6}{:6}{:6}\n",
            s.precision, s.recall, s.f1, s.tp, s.fp, s.fn_
        ));
    };
    for (k, s) in rows {
        row(out, k, s);
    }
    row(out, "ALL", all);
}

/// Python's `round(x, 4)`: the float nearest to `x` correctly rounded to 4 decimals, ties to even.
fn round4(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    format!("{x:.4}").parse().unwrap_or(x)
}

// ---------------------------------------------------------------------------------------------
// Prediction
// ---------------------------------------------------------------------------------------------

/// A hashable JSON value, compared as Python compares dictionary keys (`1 == 1.0 == True`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    None,
    Int(i128),
    Float(u64),
    Str(String),
}

impl Key {
    /// The key of a JSON value; `None` for lists and objects, which Python cannot hash.
    fn of(v: &Value) -> Option<Key> {
        Some(match v {
            Value::Null => Key::None,
            Value::Bool(b) => Key::Int(i128::from(*b)),
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Key::Int(i128::from(i))
                } else if let Some(u) = n.as_u64() {
                    Key::Int(i128::from(u))
                } else {
                    let f = n.as_f64()?;
                    if f.fract() == 0.0 && f.abs() < 1e30 {
                        Key::Int(f as i128)
                    } else {
                        Key::Float(f.to_bits())
                    }
                }
            }
            Value::String(s) => Key::Str(s.clone()),
            Value::Array(_) | Value::Object(_) => return None,
        })
    }

    fn is_str(&self, s: &str) -> bool {
        matches!(self, Key::Str(k) if k == s)
    }

    /// Sort order: the Python's for keys of one type (numbers by value, strings by code point);
    /// mixed types, which the Python cannot sort, go None < numbers < strings.
    fn sort_cmp(&self, other: &Key) -> Ordering {
        fn rank(k: &Key) -> u8 {
            match k {
                Key::None => 0,
                Key::Int(_) | Key::Float(_) => 1,
                Key::Str(_) => 2,
            }
        }
        fn num(k: &Key) -> f64 {
            match k {
                Key::Int(i) => *i as f64,
                Key::Float(b) => f64::from_bits(*b),
                _ => 0.0,
            }
        }
        match (self, other) {
            (Key::Str(a), Key::Str(b)) => a.cmp(b),
            (Key::Int(a), Key::Int(b)) => a.cmp(b),
            _ if rank(self) == 1 && rank(other) == 1 => num(self).partial_cmp(&num(other)).unwrap_or(Ordering::Equal),
            _ => rank(self).cmp(&rank(other)),
        }
    }
}

/// A predicted entity (or a document, which the Python adds as an entity of kind `Document`).
struct PEnt<'a> {
    id: Key,
    /// The kind when it is a string.
    kind: Option<&'a str>,
    /// The kind as the Python prints it.
    kind_label: String,
    /// The name as the Python prints it (for a document, its id).
    label: String,
    names: HashSet<String>,
    value: Option<&'a Value>,
    unit: String,
    value_text: String,
    adcode: String,
    docs: HashSet<&'a str>,
    mentions: Vec<&'a Map<String, Value>>,
    /// For documents: their id.
    doc_id: Option<Key>,
}

impl<'a> PEnt<'a> {
    fn from_json(e: &'a Map<String, Value>, id: Key) -> PEnt<'a> {
        let kind = e.get("kind").unwrap_or(&Value::Null);
        let name = e.get("name").map_or_else(String::new, py_str);
        let mut names = HashSet::new();
        names.insert(norm(&name));
        match e.get("aliases") {
            Some(Value::Array(a)) => names.extend(a.iter().map(|x| norm(&py_str(x)))),
            // Python iterates a string by characters and an object by keys.
            Some(Value::String(s)) => names.extend(s.chars().map(|c| norm(c.encode_utf8(&mut [0; 4])))),
            Some(Value::Object(o)) => names.extend(o.keys().map(|k| norm(k))),
            _ => {}
        }
        let at = match e.get("attributes") {
            Some(Value::Object(o)) => Some(o),
            _ => None,
        };
        let attr = |k: &str| at.and_then(|a| a.get(k));
        let value = attr("value").and_then(non_null);
        let unit = attr("unit").unwrap_or(&Value::Null);
        let adcode = attr("adcode").filter(|a| py_truthy(a)).map_or_else(String::new, py_str);
        let mentions: Vec<&Map<String, Value>> = match e.get("mentions") {
            Some(Value::Array(ms)) => ms.iter().filter_map(Value::as_object).collect(),
            _ => Vec::new(),
        };
        let docs = mentions
            .iter()
            .filter_map(|m| m.get("doc").and_then(Value::as_str))
            .collect();
        PEnt {
            id,
            kind: kind.as_str(),
            kind_label: py_str(kind),
            label: name,
            names,
            value,
            unit: py_str(unit),
            value_text: py_str(value.unwrap_or(&Value::Null)),
            adcode,
            docs,
            mentions,
            doc_id: None,
        }
    }

    fn document(id_value: &'a Value, id: Key) -> PEnt<'a> {
        let mut docs = HashSet::new();
        if let Value::String(s) = id_value {
            docs.insert(s.as_str());
        }
        PEnt {
            id: id.clone(),
            kind: Some("Document"),
            kind_label: "Document".to_owned(),
            label: py_str(id_value),
            names: HashSet::new(),
            value: None,
            unit: "None".to_owned(),
            value_text: "None".to_owned(),
            adcode: String::new(),
            docs,
            mentions: Vec::new(),
            doc_id: Some(id),
        }
    }
}

/// The Python's `ent_matches` for a gold entity.
fn gold_matches(g: &GoldEnt, p: &PEnt) -> bool {
    if !p.kind.is_some_and(|k| g.kinds.contains(k)) {
        return false;
    }
    if g.kinds.contains("Amount") || g.value.is_some() {
        return p.kind == Some("Amount") && amount_eq(g.value.as_ref(), &g.unit, p.value, &p.unit);
    }
    !g.names.is_disjoint(&p.names)
}

/// Same unit (as the Python's `str()` writes it) and values within 0.5 % of the larger.
fn amount_eq(v1: Option<&Value>, u1: &str, v2: Option<&Value>, u2: &str) -> bool {
    let (Some(v1), Some(v2)) = (v1, v2) else {
        return false;
    };
    if u1 != u2 {
        return false;
    }
    let (Some(a), Some(b)) = (py_float(v1), py_float(v2)) else {
        return false;
    };
    // Python's max(abs(a), abs(b), 1e-9): the first of the largest.
    let mut m = a.abs();
    if b.abs() > m {
        m = b.abs();
    }
    if 1e-9 > m {
        m = 1e-9;
    }
    (a - b).abs() <= 0.005 * m
}

#[derive(Default)]
struct Counts(BTreeMap<String, [usize; 3]>);

impl Counts {
    fn add(&mut self, kind: &str, slot: usize) {
        self.0.entry(kind.to_owned()).or_default()[slot] += 1;
    }

    fn scores(&self) -> (BTreeMap<String, Scores>, Scores) {
        let mut total = [0usize; 3];
        let mut by_kind = BTreeMap::new();
        for (k, c) in &self.0 {
            for i in 0..3 {
                total[i] += c[i];
            }
            by_kind.insert(k.clone(), Scores::from_counts(c[0], c[1], c[2]));
        }
        (by_kind, Scores::from_counts(total[0], total[1], total[2]))
    }
}

/// Scores a prediction (the JSON export of the library, or any graph in that format) against a
/// gold annotation.
///
/// # Arguments
///
/// - `gold`: the annotation, from [`Gold::from_str`] or [`Gold::from_json`].
/// - `prediction`: the graph as JSON: `{"documents": [...], "entities": [...], "relations": [...]}`.
///   Nothing in it is required; what is missing or of the wrong type is skipped.
/// - `texts`: the documents' bytes keyed by document id (the file name without extension), to
///   check mention spans; `None` leaves the span counts at 0.
///
/// # Returns
///
/// A [`Report`] with the same figures and notes as `kgscore.py`.
///
/// # Complexity
///
/// O(D · (E·G + R·Q)) for D gold documents, E predicted entities, G gold entities per
/// document, R predicted relations and Q gold relations per document, plus one pass over the
/// mentions for the spans.
///
/// # Example
///
/// ```
/// use std::collections::HashMap;
/// use interview_kg::evaluate::{evaluate, Gold};
/// use serde_json::json;
///
/// let gold = Gold::from_str(r#"{"documents": [{"doc": "d1", "entities": [
///     {"kind": "Amount", "name": "733亿元", "value": 73300000000, "unit": "CNY"}]}]}"#)?;
/// // 734亿元 is within 0.5 % of 733亿元; the span is the text "733亿元".
/// let prediction = json!({"documents": [{"id": "d1"}], "entities": [
///     {"id": "a", "kind": "Amount", "name": "734亿元",
///      "attributes": {"value": 73400000000u64, "unit": "CNY"},
///      "mentions": [{"doc": "d1", "start": 6, "end": 15}]}]});
/// let texts = HashMap::from([("d1".to_owned(), "总投资为733亿元".as_bytes().to_vec())]);
/// let report = evaluate(&gold, &prediction, Some(&texts));
/// assert_eq!(report.entities["Amount"].tp, 1);
/// assert_eq!((report.spans, report.spans_bad, report.spans_name), (1, 0, 1));
/// # Ok::<(), interview_kg::evaluate::EvaluateError>(())
/// ```
pub fn evaluate(gold: &Gold, prediction: &Value, texts: Option<&HashMap<String, Vec<u8>>>) -> Report {
    fn field_list<'a>(prediction: &'a Value, field: &str) -> &'a [Value] {
        match prediction.get(field) {
            Some(Value::Array(a)) => a.as_slice(),
            _ => &[],
        }
    }
    let list = |field: &str| field_list(prediction, field);

    // Documents and entities, keyed as the Python's dict: a later entity replaces an earlier one
    // of the same id, and a document is added only where no entity has its id.
    let mut doc_ids: Vec<(Key, &Value)> = Vec::new();
    for d in list("documents") {
        let Some(id) = d.get("id") else { continue };
        let Some(key) = Key::of(id) else { continue };
        if !doc_ids.iter().any(|(k, _)| *k == key) {
            doc_ids.push((key, id));
        }
    }
    let mut ents: HashMap<Key, PEnt> = HashMap::new();
    for e in list("entities") {
        let Some(e) = e.as_object() else { continue };
        let Some(key) = e.get("id").and_then(Key::of) else {
            continue;
        };
        ents.insert(key.clone(), PEnt::from_json(e, key));
    }
    for (key, id) in &doc_ids {
        ents.entry(key.clone())
            .or_insert_with(|| PEnt::document(id, key.clone()));
    }
    let mut sorted: Vec<&PEnt> = ents.values().collect();
    sorted.sort_by(|a, b| a.id.sort_cmp(&b.id));

    // Relations that the Python can read: an object with a kind, and hashable kind, head, tail.
    struct PRel<'a> {
        kind: Option<&'a str>,
        kind_label: String,
        key: (Key, Key, Key),
        evidence: Vec<&'a str>,
        title: String,
    }
    let rels: Vec<PRel> = list("relations")
        .iter()
        .filter_map(|r| {
            let r = r.as_object()?;
            let kind = r.get("kind")?;
            let key = (
                Key::of(kind)?,
                Key::of(r.get("head").unwrap_or(&Value::Null))?,
                Key::of(r.get("tail").unwrap_or(&Value::Null))?,
            );
            let evidence = match r.get("evidence") {
                Some(Value::Array(ev)) => ev.iter().filter_map(|e| e.as_object()?.get("doc")?.as_str()).collect(),
                _ => Vec::new(),
            };
            let title = match r.get("attributes") {
                Some(Value::Object(a)) => a.get("title").map_or_else(String::new, py_str),
                _ => String::new(),
            };
            Some(PRel {
                kind: kind.as_str(),
                kind_label: py_str(kind),
                key,
                evidence,
                title,
            })
        })
        .collect();

    let mut ecount = Counts::default();
    let mut rcount = Counts::default();
    let mut forbidden_hits = Vec::new();
    let mut notes = Vec::new();
    let (mut title_ok, mut title_n, mut adcode_ok, mut adcode_n) = (0usize, 0usize, 0usize, 0usize);

    for g in &gold.docs {
        let doc = g.doc.as_str();
        if !doc_ids.iter().any(|(k, _)| k.is_str(doc)) {
            notes.push(format!("{doc}: no such document in the prediction"));
        }

        // Entities.
        let mut matched_gold: HashSet<usize> = HashSet::new();
        let scored = sorted
            .iter()
            .filter(|p| p.docs.contains(doc) && !matches!(p.kind, Some("Document" | "Event")));
        for p in scored {
            let hits: Vec<usize> = (0..g.ents.len()).filter(|&i| gold_matches(&g.ents[i], p)).collect();
            let kind = p.kind_label.as_str();
            let mut req = hits.iter().copied().filter(|&i| !g.ents[i].optional).peekable();
            if req.peek().is_some() {
                match req.find(|i| !matched_gold.contains(i)) {
                    None => {
                        ecount.add(kind, 1);
                        notes.push(format!("{doc}: split entity {kind} {}", p.label));
                    }
                    Some(i) => {
                        matched_gold.insert(i);
                        ecount.add(kind, 0);
                        if let Some(code) = &g.ents[i].adcode {
                            adcode_n += 1;
                            if code.as_str() == Some(p.adcode.as_str()) {
                                adcode_ok += 1;
                            }
                        }
                    }
                }
            } else if hits.is_empty() {
                ecount.add(kind, 1);
                let amount = if p.kind == Some("Amount") {
                    format!(" = {} {}", p.value_text, p.unit)
                } else {
                    String::new()
                };
                notes.push(format!("{doc}: false {kind} {}{amount}", p.label));
            }
            for f in &g.forbidden {
                let hit = match f {
                    Forbidden::Amount { value, unit } => {
                        p.kind == Some("Amount") && amount_eq(value.as_ref(), unit, p.value, &p.unit)
                    }
                    Forbidden::Name(n) => p.names.contains(n),
                };
                if hit {
                    forbidden_hits.push(format!("{doc}: {}", p.label));
                }
            }
        }
        for (i, ge) in g.ents.iter().enumerate() {
            if !ge.optional && !matched_gold.contains(&i) {
                let kinds: Vec<&str> = ge.kinds.iter().map(String::as_str).collect();
                ecount.add(kinds[0], 2);
                notes.push(format!("{doc}: missed {} {}", kinds.join("/"), ge.name));
            }
        }

        // Relations of this document, deduplicated.
        let mut seen: HashSet<&(Key, Key, Key)> = HashSet::new();
        let mut prels: Vec<(&PRel, &PEnt, &PEnt)> = Vec::new();
        for r in &rels {
            if !r.evidence.contains(&doc) || seen.contains(&r.key) {
                continue;
            }
            let (Some(h), Some(t)) = (ents.get(&r.key.1), ents.get(&r.key.2)) else {
                continue;
            };
            if h.kind == Some("Event") || t.kind == Some("Event") {
                continue;
            }
            seen.insert(&r.key);
            prels.push((r, h, t));
        }
        let side_ok = |side: &[SideItem], p: &PEnt| {
            side.iter().any(|s| match s {
                SideItem::Doc => p.doc_id.as_ref().is_some_and(|d| d.is_str(doc)),
                SideItem::Ent(i) => gold_matches(&g.ents[*i], p),
                SideItem::Name(n) => p.names.contains(n),
            })
        };
        let mut gmatched: HashSet<usize> = HashSet::new();
        for (r, h, t) in prels {
            let mut hit_req = None;
            let mut hit_any = false;
            for (j, gr) in g.rels.iter().enumerate() {
                if !r.kind.is_some_and(|k| gr.kinds.iter().any(|gk| gk == k)) {
                    continue;
                }
                if side_ok(&gr.head, h) && side_ok(&gr.tail, t) {
                    hit_any = true;
                    if !gr.optional && hit_req.is_none() {
                        hit_req = Some(j);
                        if !gmatched.contains(&j) {
                            break;
                        }
                    }
                }
            }
            if let Some(j) = hit_req {
                if gmatched.insert(j) {
                    rcount.add(&r.kind_label, 0);
                    if let Some(gt) = &g.rels[j].title {
                        title_n += 1;
                        let t = r.title.as_str();
                        if !t.is_empty() && (t.contains(gt.as_str()) || gt.contains(t)) {
                            title_ok += 1;
                        }
                    }
                }
            } else if !hit_any {
                rcount.add(&r.kind_label, 1);
                notes.push(format!("{doc}: false {}: {} -> {}", r.kind_label, h.label, t.label));
            }
        }
        for (j, gr) in g.rels.iter().enumerate() {
            if !gr.optional && !gmatched.contains(&j) {
                rcount.add(&gr.kinds[0], 2);
                notes.push(format!(
                    "{doc}: missed {}: {} -> {}",
                    gr.kind_text, gr.head_text, gr.tail_text
                ));
            }
        }
    }

    // Spans.
    let (mut spans, mut spans_bad, mut spans_name) = (0usize, 0usize, 0usize);
    if let Some(texts) = texts {
        for p in ents.values() {
            for m in &p.mentions {
                let Some(b) = m.get("doc").and_then(Value::as_str).and_then(|d| texts.get(d)) else {
                    continue;
                };
                spans += 1;
                let piece = match (m.get("start").and_then(py_int), m.get("end").and_then(py_int)) {
                    (Some(s), Some(e)) if 0 <= s && s < e && e <= b.len() as i128 => {
                        std::str::from_utf8(&b[s as usize..e as usize]).ok()
                    }
                    _ => None,
                };
                match piece {
                    None => spans_bad += 1,
                    Some(piece) => {
                        if p.kind == Some("Amount") || p.names.contains(&norm(piece)) {
                            spans_name += 1;
                        }
                    }
                }
            }
        }
    }

    let (entities, entities_all) = ecount.scores();
    let (relations, relations_all) = rcount.scores();
    Report {
        entities,
        entities_all,
        relations,
        relations_all,
        forbidden_hits,
        notes,
        title_accuracy: (title_n > 0).then(|| title_ok as f64 / title_n as f64),
        adcode_accuracy: (adcode_n > 0).then(|| adcode_ok as f64 / adcode_n as f64),
        spans,
        spans_bad,
        spans_name,
    }
}

// ---------------------------------------------------------------------------------------------
// Python semantics
// ---------------------------------------------------------------------------------------------

/// Normalises a name for comparison: NFKC, no whitespace, dashes folded to `-`, and one suffix
/// `产业集群` / `项目` / `产业` stripped when the name is longer than the suffix plus one character.
fn norm(s: &str) -> String {
    let mut out: String = s
        .nfkc()
        .filter(|c| !py_isspace(*c))
        .map(|c| if DASHES.contains(&c) { '-' } else { c })
        .collect();
    let len = out.chars().count();
    for suf in SUFFIXES {
        if out.ends_with(suf) && len > suf.chars().count() + 1 {
            out.truncate(out.len() - suf.len());
            break;
        }
    }
    out
}

/// Python's `str.isspace`: Unicode White_Space plus the separators U+001C..U+001F.
fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's truth value of a JSON value.
fn py_truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// A JSON value that Python's `isinstance(x, int)` accepts (booleans included), as an integer.
fn py_int(v: &Value) -> Option<i128> {
    match v {
        Value::Bool(b) => Some(i128::from(*b)),
        Value::Number(n) => n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from)),
        _ => None,
    }
}

/// Python's `float(x)` for a JSON value; `None` where Python raises.
fn py_float(v: &Value) -> Option<f64> {
    match v {
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::Number(n) => n.as_f64(),
        Value::String(s) => py_float_str(s),
        _ => None,
    }
}

/// Zeros of the Unicode decimal digit runs (general category Nd) that Python's `float()` reads.
const DIGIT_ZEROS: [u32; 64] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50,
    0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50,
    0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136,
    0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0,
    0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950,
];

/// Python's `float(str)`: surrounding whitespace, underscores between digits, Unicode decimal
/// digits, `inf`/`infinity`/`nan` in any case.
fn py_float_str(s: &str) -> Option<f64> {
    let mut ascii = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else if py_isspace(c) {
            ascii.push(' ');
        } else {
            let cp = c as u32;
            let zero = DIGIT_ZEROS.iter().find(|&&z| (z..z + 10).contains(&cp))?;
            ascii.push(char::from(b'0' + (cp - zero) as u8));
        }
    }
    let t = ascii.trim_matches(|c: char| c.is_ascii_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c));
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(x) = special {
        return Some(if neg { -x } else { x });
    }
    // digitpart ("." digitpart?)? | "." digitpart, then an optional exponent; digitpart is digits
    // with single underscores between them.
    let b = body.as_bytes();
    let mut i = 0;
    let digitpart = |i: &mut usize| -> Option<usize> {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
            if *i + 1 < b.len() && b[*i] == b'_' && b[*i + 1].is_ascii_digit() {
                *i += 1;
            }
        }
        (*i > start).then_some(*i - start)
    };
    let int_digits = digitpart(&mut i).is_some();
    let mut frac_digits = false;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        frac_digits = digitpart(&mut i).is_some();
    }
    if !int_digits && !frac_digits {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        digitpart(&mut i)?;
    }
    if i != b.len() {
        return None;
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    let x: f64 = clean.parse().ok()?;
    Some(if neg { -x } else { x })
}

/// Python's `repr(float)`: the shortest digits that round-trip, fixed notation for exponents
/// from -4 to 15, scientific (`1e+16`, `1.5e-07`) otherwise.
fn py_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_owned();
    }
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if x < 0.0 { "-" } else { "" };
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let e = exp as usize;
            let (int_part, frac) = if digits.len() > e + 1 {
                (digits[..e + 1].to_owned(), digits[e + 1..].to_owned())
            } else {
                (format!("{digits:0<width$}", width = e + 1), "0".to_owned())
            };
            format!("{sign}{int_part}.{frac}")
        } else {
            format!("{sign}0.{}{digits}", "0".repeat((-exp - 1) as usize))
        }
    } else {
        let m = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{m}e{esign}{:02}", exp.abs())
    }
}

/// Python's `str(x)` for a JSON value as `json.load` reads it.
fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python's `repr(x)` for a JSON value as `json.load` reads it (object keys in the order
/// serde_json keeps them).
fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.to_string()
            } else if let Some(u) = n.as_u64() {
                u.to_string()
            } else {
                py_float_repr(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => py_repr_str(s),
        Value::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, v)| format!("{}: {}", py_repr_str(k), py_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Python's `repr(str)`.
fn py_repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c == ' ' || (c.is_ascii() && !c.is_ascii_control()) => out.push(c),
            c if c.is_ascii() || !py_printable(c) => {
                let cp = c as u32;
                if cp <= 0xff {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp <= 0xffff {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// An approximation of Python's `str.isprintable` for non-ASCII characters: controls,
/// separators, format characters, private use and noncharacters are not printable.
fn py_printable(c: char) -> bool {
    let cp = c as u32;
    !(c.is_control()
        || c.is_whitespace()
        || matches!(cp,
            0x00AD | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x0890..=0x0891 | 0x08E2
            | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F
            | 0xFEFF | 0xFFF9..=0xFFFB | 0x110BD | 0x110CD | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F
            | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF | 0xFDD0..=0xFDEF)
        || (cp & 0xFFFE) == 0xFFFE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_folds_like_python() {
        assert_eq!(norm("鞋业产业集群"), "鞋业");
        assert_eq!(norm("新产业"), "新产业");
        assert_eq!(norm("古雷 石化项目"), "古雷石化");
        assert_eq!(norm("深茂铁路（江海段）"), "深茂铁路(江海段)");
        assert_eq!(norm("A—B"), "A-B");
        assert_eq!(norm("ＡＢＣ"), "ABC");
    }

    #[test]
    fn float_repr_like_python() {
        assert_eq!(py_float_repr(1.0), "1.0");
        assert_eq!(py_float_repr(0.6667), "0.6667");
        assert_eq!(py_float_repr(73300000000.0), "73300000000.0");
        assert_eq!(py_float_repr(1e16), "1e+16");
        assert_eq!(py_float_repr(1.5e-7), "1.5e-07");
        assert_eq!(py_float_repr(0.0001), "0.0001");
        assert_eq!(py_float_repr(1e-5), "1e-05");
        assert_eq!(py_float_repr(-2.5), "-2.5");
        assert_eq!(py_float_repr(1.2345678901234568e17), "1.2345678901234568e+17");
        assert_eq!(round4(0.03125), 0.0312);
        assert_eq!(round4(2.0 / 3.0), 0.6667);
    }

    #[test]
    fn float_parse_like_python() {
        assert_eq!(py_float_str(" 1_000.5 "), Some(1000.5));
        assert_eq!(py_float_str("１２"), Some(12.0));
        assert_eq!(py_float_str("-Infinity"), Some(f64::NEG_INFINITY));
        assert_eq!(py_float_str("1__0"), None);
        assert_eq!(py_float_str("_1"), None);
        assert_eq!(py_float_str("."), None);
        assert_eq!(py_float_str("5."), Some(5.0));
        assert_eq!(py_float_str("1e"), None);
        assert_eq!(py_float_str("733亿"), None);
    }

    #[test]
    fn repr_like_python() {
        let v: Value = serde_json::json!(["江海区", "it's", 1, 2.0, null, true]);
        assert_eq!(py_str(&v), "['江海区', \"it's\", 1, 2.0, None, True]");
        assert_eq!(py_repr_str("a\u{200b}\n"), "'a\\u200b\\n'");
    }
}
