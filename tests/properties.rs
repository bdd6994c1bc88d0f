//! Properties that hold for any input (issue 5), checked with proptest on arbitrary strings
//! and bytes, and on texts built from the seeds' own fragments (places, titles, names, 、,
//! 等…产业, 总投资…亿元, ×, digits, punctuation, newlines), which reach the recognisers'
//! rules far more often than random characters do.
//!
//! For every input: extraction does not panic; every mention and evidence span lies on
//! character boundaries inside the text, is not empty, and (for entities other than amounts)
//! slices out the entity's name or one of its aliases; every amount's mention parses back to
//! its value; output is byte-identical when run twice; `figures::scan` stays inside the range
//! it is given; decoding any bytes gives a document or a reason.
//!
//! A failing case is shrunk and saved by proptest in `tests/properties.proptest-regressions`;
//! commit that file, and add the case to `tests/regressions.rs` with the fix.

use interview_kg::clean::find_body;
use interview_kg::figures::{parse_amount, scan, FigureKind};
use interview_kg::{export, Document, EntityKind, Extractor, KnowledgeGraph, Span};
use proptest::prelude::*;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

static SEEDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
});

/// Pieces of the seeds' language that the recognisers key on.
#[rustfmt::skip]
const FRAGMENTS: &[&str] = &[
    // places, zones, bodies
    "漳州市", "漳州", "古雷", "英德市", "英德", "清远", "肇庆", "江门高新区", "福建省", "广东", "省", "市", "县", "区", "镇",
    "开发区", "产业园", "港", "省委", "市委", "县委", "省政协", "人大常委会", "管委会", "党工委",
    // titles and people
    "书记", "市委书记", "副书记", "市长", "县长", "区长", "主任", "副主席", "常委", "总书记", "张国旺", "张杨彬", "范中杰",
    "王", "李", "记者", "通讯员", "文/", "摄", "编辑", "张国旺:", "记者:",
    // lists and industries
    "、", "和", "及", "与", "以及", "等", "的", "产业", "产业集群", "产业链", "行业", "石油化工", "食品加工", "新能源",
    "电子信息", "千亿级", "五百亿以上", "百亿级", "重点培育", "大力发展", "打造", "培育", "壮大", "智能制造", "预制菜",
    // projects and money
    "项目", "二期", "一体化", "总投资", "投资", "计划投资", "年度", "建设", "加快", "推进", "开工", "签约", "落户", "亿元",
    "万元", "万亿元", "元", "亿", "万", "%", "％", "个", "家", "美元", "733亿元", "1.02万亿元", "超", "近", "约", "以上",
    "左右", "多", "余", "×", "×亿元", "×%", "X", "第", "增长", "GDP", "目标", "力争", "突破", "十四五", "2023年",
    "百分之", "五百亿", "两", "三", "十", "百", "千", "０", "９", ".", "．",
    // media and page furniture
    "来源:", "福建日报", "清远日报", "羊城晚报", "专访", "接受", "采访", "【", "】", "访", "分享到", "返回顶部", "•",
    "2023-04-26", "06:41", "第1张",
    // punctuation, space, markup, odd characters
    ",", "，", "。", "；", ";", ":", "：", "“", "”", "《", "》", "(", ")", "（", "）", "—", "-", " ", "\u{3000}",
    "\n", "\r\n", "\t", "<p>", "</p>", "<script>", "<!--", "-->", "&nbsp;", "\u{feff}", "\u{200b}", "\u{202e}",
    "\u{fffd}", "😀", "é", "a", "Z", "5G", "\"", "\\", "}", "#",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => "[0-9]{1,14}",
        1 => "[０-９]{1,6}",
        1 => (0usize..5, any::<prop::sample::Index>(), 1usize..120).prop_map(|(s, at, n)| {
            // A stretch of a seed, on character boundaries.
            let seed = &SEEDS[s % SEEDS.len()];
            let chars: Vec<(usize, char)> = seed.char_indices().collect();
            let i = at.index(chars.len());
            let j = (i + n).min(chars.len());
            let end = chars.get(j).map_or(seed.len(), |c| c.0);
            seed[chars[i].0..end].to_owned()
        }),
    ]
}

/// Text built from fragments: the recognisers' own vocabulary in hostile orders.
fn chinese() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..80).prop_map(|v| v.concat())
}

/// Anything: arbitrary characters, or seed-like text.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![1 => any::<String>(), 1 => "(?s).{0,300}", 4 => chinese()]
}

/// Checks every promise an extraction makes about its spans; returns the JSON.
fn check(text: &str, is_html: bool) -> Result<String, TestCaseError> {
    let mut doc = Document::from_text("p", text);
    doc.is_html = is_html;
    let graph: KnowledgeGraph = EXTRACTOR.extract_all([&doc]);
    for node in graph.petgraph().node_weights() {
        if node.kind == EntityKind::Document {
            continue;
        }
        for m in &node.mentions {
            prop_assert_eq!(&*m.doc, "p");
            let piece = text.get(m.span.range());
            prop_assert!(
                piece.is_some_and(|p| !p.is_empty()),
                "mention {} of {:?} is not a slice",
                m.span,
                node.name
            );
            let piece = piece.unwrap();
            match node.amount() {
                Some(amount) => {
                    // The mention parses back to the amount (value and unit; hedges may differ
                    // between two statements of one figure).
                    let parsed = parse_amount(piece);
                    prop_assert!(
                        parsed
                            .as_ref()
                            .is_some_and(|p| p.value == amount.value && p.unit == amount.unit),
                        "amount {:?} at {} parses to {:?}, not {:?}",
                        piece,
                        m.span,
                        parsed,
                        amount
                    );
                }
                None => prop_assert!(
                    piece == node.name || node.aliases.contains(piece),
                    "{:?} at {} is neither the name nor an alias of {:?} ({:?})",
                    piece,
                    m.span,
                    node.name,
                    node.aliases
                ),
            }
        }
    }
    for (_, edge, _) in graph.edges() {
        for ev in &edge.evidence {
            let piece = text.get(ev.span.range());
            prop_assert!(
                piece.is_some_and(|p| !p.is_empty()),
                "evidence {} of {:?} is not a slice",
                ev.span,
                edge.kind
            );
        }
    }
    let json = export::json::to_string(&graph);
    prop_assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    Ok(json)
}

proptest! {
    // 512 cases each by default; PROPTEST_CASES=100000 for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn spans_hold_what_they_claim_and_output_is_deterministic(text in any_text(), is_html in prop::bool::weighted(0.1)) {
        let first = check(&text, is_html)?;
        let second = check(&text, is_html)?;
        prop_assert_eq!(first, second);
    }

    #[test]
    fn figures_stay_inside_the_range_given(text in any_text(), a in 0usize..700, b in 0usize..700) {
        let within = Span { start: a, end: b };
        let figures = scan(&text, within);
        let mut last = 0;
        for f in &figures {
            prop_assert!(f.span.start < f.span.end, "empty figure at {}", f.span);
            prop_assert!(a <= f.span.start && f.span.end <= b.min(text.len()), "{} outside {}", f.span, within);
            prop_assert!(f.span.start >= last, "figures overlap at {}", f.span);
            last = f.span.end;
            let piece = text.get(f.span.range());
            prop_assert!(piece.is_some(), "{} is not on character boundaries", f.span);
            if let FigureKind::Amount(amount) = &f.kind {
                let parsed = parse_amount(piece.unwrap());
                prop_assert_eq!(parsed.as_ref(), Some(amount), "{:?}", piece);
            }
        }
        if a >= b {
            prop_assert!(figures.is_empty());
        }
    }

    #[test]
    fn any_bytes_decode_to_a_document_or_a_reason(bytes in prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        chinese().prop_map(|s| {
            // Seed-like text in a random legacy encoding, or UTF-8 with a byte changed.
            let (gb, _, _) = encoding_rs::GB18030.encode(&s);
            gb.into_owned()
        }),
        (chinese(), any::<prop::sample::Index>(), any::<u8>()).prop_map(|(s, at, b)| {
            let mut v = s.into_bytes();
            if !v.is_empty() {
                let i = at.index(v.len());
                v[i] = b;
            }
            v
        }),
    ]) {
        if let Ok(doc) = Document::from_bytes("b", &bytes) {
            prop_assert!(!doc.text.trim().is_empty());
            prop_assert!(doc.decode_errors.windows(2).all(|w| w[0] < w[1]), "{:?}", doc.decode_errors);
            prop_assert!(doc.decode_errors.iter().all(|&p| p < bytes.len()));
            if doc.encoding == "UTF-8" && doc.decode_errors.is_empty() {
                prop_assert_eq!(doc.text.as_bytes(), &bytes[..]);
            }
            if !doc.decode_errors.is_empty() {
                let replaced = doc.text.contains('\u{fffd}');
                prop_assert!(replaced, "decode errors but no replacement character");
            }
        }
    }

    #[test]
    fn the_body_is_sorted_slices_of_the_text(text in any_text(), is_html in any::<bool>()) {
        let body = find_body(&text, is_html);
        for spans in [body.spans.as_slice(), body.redactions.as_slice()] {
            for w in spans.windows(2) {
                prop_assert!(w[0].end <= w[1].start, "{} then {}", w[0], w[1]);
            }
            for s in spans.iter() {
                prop_assert!(text.get(s.range()).is_some_and(|p| !p.is_empty()), "{}", s);
            }
        }
        for r in &body.redactions {
            prop_assert!(body.spans.iter().any(|s| s.contains(*r)), "redaction {} outside the body", r);
        }
        for (s, _) in &body.dropped {
            prop_assert!(text.get(s.range()).is_some(), "dropped {}", s);
        }
    }

    #[test]
    fn any_document_id_round_trips_through_json(id in any::<String>(), title in "[^\n\r>]{4,40}") {
        let text = format!("{title}\n漳州市委书记张国旺表示,漳州将大力发展石油化工产业。");
        let graph = EXTRACTOR.extract_all([&Document::from_text(id.clone(), text)]);
        let json: serde_json::Value = serde_json::from_str(&export::json::to_string(&graph)).unwrap();
        prop_assert_eq!(json["documents"][0]["id"].as_str(), Some(id.as_str()));
        for e in json["entities"].as_array().unwrap() {
            for m in e["mentions"].as_array().unwrap() {
                prop_assert_eq!(m["doc"].as_str(), Some(id.as_str()));
            }
        }
    }
}
