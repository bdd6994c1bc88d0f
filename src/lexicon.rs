//! The project's own word lists: titles, industries, regions, organisations.
//!
//! Built-in lists live in `data/lexicon/*.txt` (one entry a line: the canonical name, then
//! aliases separated by `|`; `#` starts a comment) and are compiled into the binary. Users add
//! their own entries at run time with [`Lexicon::add`] or [`Lexicon::load`], before building an
//! [`Extractor`](crate::Extractor).

use crate::error::{Error, Result};
use crate::model::EntityKind;

/// One lexicon entry: a canonical name and its other surface forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexEntry {
    /// What the entry is.
    pub category: Category,
    /// Canonical name.
    pub name: String,
    /// Other surface forms.
    pub aliases: Vec<String>,
}

/// What a lexicon entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// An industry or sector.
    Industry,
    /// A title of a post (书记, 市长 …).
    Title,
    /// A region spanning divisions (粤港澳大湾区).
    Region,
    /// An organisation.
    Organization,
}

impl Category {
    /// The entity kind an entry of this category becomes, if any.
    pub fn entity_kind(self) -> Option<EntityKind> {
        match self {
            Category::Industry => Some(EntityKind::Industry),
            Category::Region => Some(EntityKind::Place),
            Category::Organization => Some(EntityKind::Organization),
            Category::Title => None,
        }
    }
}

/// A set of lexicon entries.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    entries: Vec<LexEntry>,
}

impl Lexicon {
    /// An empty lexicon.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    /// The built-in lexicon of this crate.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon::new();
        let parts = [
            (Category::Industry, include_str!("../data/lexicon/industries.txt")),
            (Category::Title, include_str!("../data/lexicon/titles.txt")),
            (Category::Region, include_str!("../data/lexicon/regions.txt")),
            (
                Category::Organization,
                include_str!("../data/lexicon/organizations.txt"),
            ),
        ];
        for (cat, text) in parts {
            lex.load(cat, text).expect("built-in lexicon is well-formed");
        }
        lex
    }

    /// Adds one entry.
    ///
    /// ```
    /// use interview_kg::lexicon::{Category, Lexicon};
    /// let mut lex = Lexicon::builtin();
    /// lex.add(Category::Industry, "麻竹笋", &["竹笋"]);
    /// assert!(lex.entries().any(|e| e.name == "麻竹笋"));
    /// ```
    pub fn add(&mut self, category: Category, name: &str, aliases: &[&str]) {
        self.entries.push(LexEntry {
            category,
            name: name.to_owned(),
            aliases: aliases.iter().map(|s| (*s).to_owned()).collect(),
        });
    }

    /// Adds entries from text in the built-in format: `name|alias|alias`, one a line.
    pub fn load(&mut self, category: Category, text: &str) -> Result<()> {
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut parts = line.split('|').map(str::trim);
            let name = parts.next().unwrap_or("");
            if name.is_empty() || name.chars().count() > 40 {
                return Err(Error::Lexicon {
                    line: i + 1,
                    problem: format!("bad name {name:?}"),
                });
            }
            let aliases: Vec<&str> = parts.filter(|a| !a.is_empty()).collect();
            self.add(category, name, &aliases);
        }
        Ok(())
    }

    /// All entries, in the order they were added.
    pub fn entries(&self) -> impl Iterator<Item = &LexEntry> {
        self.entries.iter()
    }

    /// Entries of one category.
    pub fn of(&self, category: Category) -> impl Iterator<Item = &LexEntry> {
        self.entries.iter().filter(move |e| e.category == category)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_every_category() {
        let lex = Lexicon::builtin();
        for cat in [
            Category::Industry,
            Category::Title,
            Category::Region,
            Category::Organization,
        ] {
            assert!(lex.of(cat).count() > 5, "{cat:?}");
        }
        let petro = lex.of(Category::Industry).find(|e| e.name == "石油化工").unwrap();
        assert_eq!(petro.aliases, vec!["石化"]);
    }

    #[test]
    fn bad_lines_name_their_number() {
        let mut lex = Lexicon::new();
        let err = lex.load(Category::Industry, "鞋业\n|无名\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
