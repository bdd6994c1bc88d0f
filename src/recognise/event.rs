//! Events: party congresses and plenary sessions, and named meetings.
//!
//! 党的二十大, 十九届五中全会, 党的二十届三中全会, 中央农村工作会议, 深圳经济特区建立40周年庆祝大会.
//! The kind is optional in the ontology and not scored; it is kept because users ask
//! "which interviews cite the 三中全会".

use super::{Ctx, Known, Recognition};
use crate::model::{EntityDetail, EntityKind};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

static CONGRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:省委|市委|县委|区委|党的)?(?:二十|十[一二三四五六七八九]?|[一二三四五六七八九])(?:大|届(?:中央纪委)?[一二三四五六七八九十]+次?(?:中)?全会)",
        r"|(?:中央|全国|全省|全市)?(?:经济|农村|城市|金融|人才|民营经济)工作会议"
    ))
    .unwrap()
});

/// Builds this module's patterns now rather than on the first document (see
/// [`warm_up`](super::warm_up)).
pub(super) fn warm_up() {
    LazyLock::force(&CONGRESS);
}

/// What every match of [`CONGRESS`] holds: a numeral right before 大, 全会 or 工作会议.
pub(crate) const CONGRESS_ANCHORS: &[&str] = &[
    "一大",
    "二大",
    "三大",
    "四大",
    "五大",
    "六大",
    "七大",
    "八大",
    "九大",
    "十大",
    "全会",
    "工作会议",
];

pub(crate) fn recognise(ctx: &Ctx<'_>, rec: &mut Recognition) {
    for &line in &ctx.body.spans {
        let s = &ctx.text[line.range()];
        // A line without an anchor is not searched: the pattern's numerals, 一 above all,
        // would start a search at nearly every clause, and 大 alone is in most lines.
        if ctx.known(Known::CongressAnchors, line).next().is_none() {
            continue;
        }
        for m in CONGRESS.find_iter(s) {
            let span = Span::new(line.start + m.start(), line.start + m.end());
            let surface = m.as_str();
            // 十大战略性产业, 三大产业: a bare one-character numeral before 大 is a count.
            if surface.ends_with('大') && !surface.starts_with("党的") && surface.chars().count() <= 2 {
                continue;
            }
            // 党的二十大 and 二十大 are one congress; 省委十二届十二次全会 is a province's own.
            let local = ["省委", "市委", "县委", "区委"].iter().any(|p| surface.starts_with(p));
            let name = if surface.starts_with("党的") || local {
                surface.to_owned()
            } else {
                canonical(surface)
            };
            rec.add(EntityKind::Event, &name, surface, Some(span), EntityDetail::None);
        }
    }
}

fn canonical(surface: &str) -> String {
    if surface.ends_with('大') || surface.contains("全会") && !surface.starts_with("中央") {
        format!("党的{surface}")
    } else {
        surface.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    static CONGRESS_ANCHOR_SET: LazyLock<aho_corasick::AhoCorasick> =
        LazyLock::new(|| super::super::text::literal_set(CONGRESS_ANCHORS));

    proptest! {
        /// The gate never hides a match: every match of the pattern holds an anchor.
        #[test]
        fn every_congress_match_holds_an_anchor(s in "[党的省委市中央全国经济农村工作会议届次中全大一二三四五六七八九十纪]{0,24}") {
            for m in CONGRESS.find_iter(&s) {
                prop_assert!(CONGRESS_ANCHOR_SET.is_match(m.as_str()), "{}", m.as_str());
            }
        }
    }

    #[test]
    fn anchors_find_congresses_and_skip_lines_without() {
        for line in ["党的二十大以来", "十九届五中全会", "中央农村工作会议", "二十届三中全会"]
        {
            assert!(CONGRESS_ANCHOR_SET.is_match(line), "{line}");
        }
        assert!(!CONGRESS_ANCHOR_SET.is_match("大力发展重大项目,扩大开放"));
    }
}
