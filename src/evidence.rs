//! Where the text says it: [`Evidence`] (a span in a named document) and [`EvidenceSet`],
//! the sorted mentions of a node or the evidence of an edge.

use crate::span::Span;
use std::cmp::Ordering;
use std::collections::{btree_set, BTreeSet};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// A span in a named document. Ordered by document id, then span.
#[derive(Debug, Clone)]
pub struct Evidence {
    /// Document id, shared by every evidence of the document (one allocation per document,
    /// not per mention).
    pub doc: Arc<str>,
    /// Byte span into that document's text.
    pub span: Span,
}

// A document's evidence shares one `Arc`: comparing it needs no look at the ids' bytes.
impl PartialEq for Evidence {
    fn eq(&self, other: &Evidence) -> bool {
        self.span == other.span && (Arc::ptr_eq(&self.doc, &other.doc) || self.doc == other.doc)
    }
}

impl Eq for Evidence {}

impl Hash for Evidence {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.doc.hash(state);
        self.span.hash(state);
    }
}

impl PartialOrd for Evidence {
    fn partial_cmp(&self, other: &Evidence) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Evidence {
    fn cmp(&self, other: &Evidence) -> Ordering {
        if Arc::ptr_eq(&self.doc, &other.doc) {
            self.span.cmp(&other.span)
        } else {
            self.doc.cmp(&other.doc).then(self.span.cmp(&other.span))
        }
    }
}

/// The evidence of a node or an edge: (document, span) pairs, sorted by document id then
/// span, without repeats — a set like `BTreeSet<Evidence>`, iterated in the same order.
///
/// Most sets hold the few mentions one document makes: those are a sorted vector, one small
/// allocation. Merging adds evidence in order (documents in id order, each one's spans in
/// text order), so a large set (a province every interview names) stays a vector as long as
/// items come after its last one, each added in O(1). The first item out of order in a
/// vector past 16 items turns it into a B-tree, once: adding evidence stays O(log n) in any
/// order, however many documents share the node.
///
/// ```
/// use interview_kg::{Evidence, EvidenceSet, Span};
/// let doc: std::sync::Arc<str> = "a".into();
/// let mut set = EvidenceSet::new();
/// assert!(set.insert(Evidence { doc: doc.clone(), span: Span::new(9, 12) }));
/// assert!(set.insert(Evidence { doc: doc.clone(), span: Span::new(0, 3) }));
/// assert!(!set.insert(Evidence { doc, span: Span::new(0, 3) }), "already there");
/// let starts: Vec<usize> = set.iter().map(|e| e.span.start).collect();
/// assert_eq!(starts, [0, 9]);
/// ```
#[derive(Clone, Default)]
pub struct EvidenceSet(Repr);

#[derive(Clone)]
enum Repr {
    /// Sorted, no repeats: at most [`SMALL`] items, or more that came in order.
    Small(Vec<Evidence>),
    Large(BTreeSet<Evidence>),
}

impl Default for Repr {
    fn default() -> Self {
        Repr::Small(Vec::new())
    }
}

/// The size past which an item out of order turns a set into a B-tree: inserting into a
/// sorted vector moves up to this many items, which costs less than a B-tree node's
/// allocation below it.
const SMALL: usize = 16;

impl EvidenceSet {
    /// An empty set (no allocation).
    pub fn new() -> EvidenceSet {
        EvidenceSet::default()
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Small(v) => v.len(),
            Repr::Large(s) => s.len(),
        }
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the set holds `evidence`.
    pub fn contains(&self, evidence: &Evidence) -> bool {
        match &self.0 {
            Repr::Small(v) => v.binary_search(evidence).is_ok(),
            Repr::Large(s) => s.contains(evidence),
        }
    }

    /// The first item in order (lowest document id, then earliest span).
    pub fn first(&self) -> Option<&Evidence> {
        self.iter().next()
    }

    /// Adds `evidence`; returns whether it was new.
    pub fn insert(&mut self, evidence: Evidence) -> bool {
        match &mut self.0 {
            // After the last item: the way merging adds evidence.
            Repr::Small(v) if v.last().is_some_and(|last| *last < evidence) => {
                v.push(evidence);
                true
            }
            Repr::Small(v) => match v.binary_search(&evidence) {
                Ok(_) => false,
                Err(at) if v.len() < SMALL => {
                    // Most sets never grow past one item: no room for four (a vector's first
                    // growth) until a second comes.
                    if v.capacity() == 0 {
                        v.reserve_exact(1);
                    }
                    v.insert(at, evidence);
                    true
                }
                Err(_) => {
                    let mut set: BTreeSet<Evidence> = std::mem::take(v).into_iter().collect();
                    set.insert(evidence);
                    self.0 = Repr::Large(set);
                    true
                }
            },
            Repr::Large(s) => s.insert(evidence),
        }
    }

    /// The items in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter(match &self.0 {
            Repr::Small(v) => IterRepr::Small(v.iter()),
            Repr::Large(s) => IterRepr::Large(s.iter()),
        })
    }
}

/// An iterator over an [`EvidenceSet`], in order.
#[derive(Debug, Clone)]
pub struct Iter<'a>(IterRepr<'a>);

#[derive(Debug, Clone)]
enum IterRepr<'a> {
    Small(std::slice::Iter<'a, Evidence>),
    Large(btree_set::Iter<'a, Evidence>),
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Evidence;

    fn next(&mut self) -> Option<&'a Evidence> {
        match &mut self.0 {
            IterRepr::Small(i) => i.next(),
            IterRepr::Large(i) => i.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.0 {
            IterRepr::Small(i) => i.size_hint(),
            IterRepr::Large(i) => i.size_hint(),
        }
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            IterRepr::Small(i) => i.next_back(),
            IterRepr::Large(i) => i.next_back(),
        }
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a EvidenceSet {
    type Item = &'a Evidence;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl Extend<Evidence> for EvidenceSet {
    fn extend<I: IntoIterator<Item = Evidence>>(&mut self, items: I) {
        for e in items {
            self.insert(e);
        }
    }
}

impl FromIterator<Evidence> for EvidenceSet {
    fn from_iter<I: IntoIterator<Item = Evidence>>(items: I) -> EvidenceSet {
        let mut set = EvidenceSet::new();
        set.extend(items);
        set
    }
}

impl From<BTreeSet<Evidence>> for EvidenceSet {
    fn from(set: BTreeSet<Evidence>) -> EvidenceSet {
        set.into_iter().collect()
    }
}

impl std::fmt::Debug for EvidenceSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

// Equality, order and hashing are those of the items in order, whichever form holds them.
impl PartialEq for EvidenceSet {
    fn eq(&self, other: &EvidenceSet) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for EvidenceSet {}

impl PartialOrd for EvidenceSet {
    fn partial_cmp(&self, other: &EvidenceSet) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for EvidenceSet {
    fn cmp(&self, other: &EvidenceSet) -> Ordering {
        self.iter().cmp(other.iter())
    }
}

impl Hash for EvidenceSet {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.len().hash(state);
        for e in self {
            e.hash(state);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn evidence((doc, start): (u8, usize)) -> Evidence {
        Evidence {
            doc: Arc::from(format!("d{doc}")),
            span: Span::new(start, start + 3),
        }
    }

    proptest! {
        /// Whatever the order of insertion and however large the set grows, it holds and
        /// iterates what a `BTreeSet` would, and tells new items from repeats the same way.
        #[test]
        fn behaves_as_a_btree_set(items in proptest::collection::vec((0u8..6, 0usize..40), 0..60)) {
            let mut set = EvidenceSet::new();
            let mut model = BTreeSet::new();
            for item in items {
                let e = evidence(item);
                prop_assert_eq!(set.insert(e.clone()), model.insert(e.clone()));
                prop_assert!(set.contains(&e));
                prop_assert_eq!(set.len(), model.len());
            }
            prop_assert!(set.iter().eq(model.iter()));
            prop_assert!(set.iter().rev().eq(model.iter().rev()));
            prop_assert_eq!(set.first(), model.first());
            prop_assert!(!set.contains(&evidence((7, 0))));
            let rebuilt: EvidenceSet = model.iter().rev().cloned().collect();
            prop_assert_eq!(&rebuilt, &set);
            prop_assert_eq!(rebuilt.cmp(&set), Ordering::Equal);
        }

        /// A set built mostly in order (as merging builds it) grows past 16 items as a
        /// vector; items out of order after that still land where a `BTreeSet` puts them.
        #[test]
        fn in_order_then_any_order_behaves_as_a_btree_set(
            mut ordered in proptest::collection::vec((0u8..6, 0usize..40), 0..60),
            then in proptest::collection::vec((0u8..6, 0usize..40), 0..20),
        ) {
            ordered.sort();
            let mut set = EvidenceSet::new();
            let mut model = BTreeSet::new();
            for item in ordered.into_iter().chain(then) {
                let e = evidence(item);
                prop_assert_eq!(set.insert(e.clone()), model.insert(e.clone()));
                prop_assert_eq!(set.len(), model.len());
            }
            prop_assert!(set.iter().eq(model.iter()));
            prop_assert!(set.iter().rev().eq(model.iter().rev()));
        }

        /// Evidence compares as (document id, span) does, whether or not the ids share an `Arc`.
        #[test]
        fn evidence_orders_by_document_then_span(a in (0u8..3, 0usize..5), b in (0u8..3, 0usize..5), shared in any::<bool>()) {
            let (x, mut y) = (evidence(a), evidence(b));
            if shared && a.0 == b.0 {
                y.doc = x.doc.clone();
            }
            let expected = (&*x.doc, x.span).cmp(&(&*y.doc, y.span));
            prop_assert_eq!(x.cmp(&y), expected);
            prop_assert_eq!(x == y, expected == Ordering::Equal);
            if x == y {
                let hash = |e: &Evidence| {
                    let mut h = std::hash::DefaultHasher::new();
                    e.hash(&mut h);
                    h.finish()
                };
                prop_assert_eq!(hash(&x), hash(&y));
            }
        }

        /// Sets compare as their items in order do, as `BTreeSet`s compare.
        #[test]
        fn orders_as_btree_sets_do(
            a in proptest::collection::vec((0u8..3, 0usize..30), 0..40),
            b in proptest::collection::vec((0u8..3, 0usize..30), 0..40),
        ) {
            let model = |items: &[(u8, usize)]| items.iter().copied().map(evidence).collect::<BTreeSet<_>>();
            let set = |items: &[(u8, usize)]| items.iter().copied().map(evidence).collect::<EvidenceSet>();
            prop_assert_eq!(set(&a).cmp(&set(&b)), model(&a).cmp(&model(&b)));
            prop_assert_eq!(set(&a) == set(&b), model(&a) == model(&b));
        }
    }
}
