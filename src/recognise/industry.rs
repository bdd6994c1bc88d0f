//! Industries: lists before 产业 / 产业集群, and known sectors in a clause that develops them.
//!
//! 重点培育食品加工、石油化工、海洋经济等9个千亿级产业集群 gives three industries with the scale
//! 千亿级; 大力发展高端预制菜 gives 预制菜 (the adjective 高端 stays as an alias). A list item
//! is taken when the lexicon knows it, or when it stands in a list with known items and has
//! the shape of a sector.

use super::text::{extend_left, is_han, is_sentence_end, PROVINCE_SHORT};
use super::{Ctx, IndustryCue, Known, LocalId, Recognition};
use crate::model::{EntityDetail, EntityKind};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// Head words of a list of sectors (found by [`Known::Heads`]).
pub(crate) const HEADS: &[&str] = &[
    "产业集群",
    "产业群体",
    "产业群",
    "产业链",
    "产业",
    "行业",
    "业态",
    "赛道",
];
static COUNT_QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\d+|[一二三四五六七八九十两]+)(?:大|个|类|项|条|张|种)(?:(?:万亿|五千亿|千亿|五百亿|百亿|十亿)级|主导|支柱|重点|特色|优势|新兴|战略性|传统|现代|先导|未来|基础|核心|绿色|高端|产业)*$")
        .unwrap()
});
static SCALE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:万亿|五千亿|千亿|五百亿|百亿|十亿)(?:级|以上)?").unwrap());
/// Words that say a sector is developed (found by [`Known::Develop`]).
pub(crate) const DEVELOP: &[&str] = &[
    "发展", "培育", "打造", "壮大", "做强", "做大", "做优", "做特", "做旺", "构建", "引进", "聚焦", "瞄准", "布局",
    "主导", "支柱", "首位", "延伸", "延长", "集群",
];
/// Verbs that open a list of sectors (found by [`Known::ListVerbs`]).
pub(crate) const LIST_VERBS: &[&str] = &[
    "发展", "培育", "打造", "壮大", "做强", "做大", "做优", "做精", "做特", "做旺", "引进", "聚焦", "布局", "延伸",
    "延长", "提升", "巩固", "振兴",
];
/// Words of a clause about reform or governance, whose lists are policy areas, not sectors
/// (深化放管服、国资国企、金融服务等重点领域改革).
static NOT_SECTORS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"改革|领域|环节|体制|机制|监管|风险|整治|执法|督查|考核").unwrap());

/// Adjectives that may stand before a sector without changing it.
/// The most items a list before a head word keeps, nearest the head first: real lists name a
/// dozen sectors at most, and the bound keeps a page of 产业、产业、… linear.
const MAX_LIST_ITEMS: usize = 16;
const ADJECTIVES: &[&str] = &[
    "高端",
    "新兴",
    "传统",
    "优势",
    "特色",
    "现代",
    "绿色",
    "新型",
    "先进",
    "战略性",
    "高新技术",
    "数字化",
    "智能",
];
/// Items that are not sectors.
const GENERIC: &[&str] = &[
    "重点",
    "主导",
    "支柱",
    "新兴",
    "优势",
    "特色",
    "传统",
    "配套",
    "相关",
    "本地",
    "其他",
    "龙头",
    "战略性新兴",
    "新",
    "各类",
    "三大",
    "四大",
    "五大",
    "六大",
    "一批",
    "上下游",
    "全",
    "夕阳",
    "朝阳",
    "富民",
    "主体",
    "地方",
    "县域",
    "加工",
    "深加工",
    "精深加工",
    "未来",
    "首位",
    "一流",
    "制品",
    "产品",
    // 高新区还在培育哪些产业: a question, not a sector.
    "哪些",
    "什么",
    "哪类",
];
/// Words of scope before a list's first item (全镇茶产业, 我县白酒产业): not part of it.
const SCOPES: &[&str] = &[
    "全国", "全镇", "全乡", "全市", "全县", "全区", "全省", "全州", "全旗", "我市", "我县", "我区", "我省", "我镇",
    "本市", "本县", "全年", "今年", "去年", "明年", "当年",
    // 园区生物医药产业营业收入: the park whose sector it is, named by its kind.
    "园区",
];
/// Determiners before a list's first item.
const DETERMINERS: &[&str] = &["各类", "各种", "相关", "有关", "这些", "其他", "各"];
/// Endings that give an unknown item the shape of a sector.
const SECTOR_ENDINGS: &[&str] = &[
    "业",
    "经济",
    "制造",
    "加工",
    "材料",
    "能源",
    "汽车",
    "医药",
    "旅游",
    "康养",
    "信息",
    "服务",
    "化工",
    "装备",
    "电子",
    "物流",
    "茶",
    "菜",
    "笋",
    "果",
    "药",
    "药材",
    "器件",
    "元器件",
    "电池",
    "芯片",
    "纺织",
    "服装",
    "家居",
    "建材",
    "健康",
    "文旅",
    "饮料",
    "食品",
];

pub(crate) fn recognise(ctx: &Ctx<'_>, rec: &mut Recognition) {
    for &line in &ctx.body.spans {
        let s = &ctx.text[line.range()];
        ordinal_items(ctx, rec, line);
        calling_cards(ctx, rec, line);
        if s.contains("基地") {
            bases(ctx, rec, line);
        }
        aspects(ctx, rec, line);
        for m in ctx.known(Known::Heads, line) {
            let head = Span::new(m.start, m.end);
            // 产业城, 产业园, 产业新城, 产业聚集区 are places and projects, not sectors; 产业化 is
            // a process.
            if super::text::char_at(ctx.text, head.end).is_some_and(|c| "城园区基带新平聚化".contains(c)) {
                continue;
            }
            // 引进各类汽车产业人才: the people or money of an industry, not the industry.
            // (以高原天然饮用水、藏香…为主的产业格局: what a layout is made of are sectors.)
            let represented = REPRESENTED
                .iter()
                .any(|w| ctx.text[line.start..head.start].ends_with(w));
            if !represented
                && NOT_OF_SECTOR
                    .iter()
                    .any(|w| ctx.text[head.end..line.end].starts_with(w))
            {
                continue;
            }
            list_before(ctx, rec, line, head);
        }
        // Known sectors in a clause that develops them. A sector needs a verb that develops
        // it earlier in its sentence (checked below), so the automaton starts at the sentence
        // that holds the line's first such verb; no sector's name holds a sentence end, so
        // no match straddles that start.
        let Some(first_verb) = ctx.known(Known::Develop, line).next() else {
            continue;
        };
        let from = s[..first_verb.start - line.start]
            .char_indices()
            .rev()
            .find(|(_, c)| is_sentence_end(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        for m in ctx.known(Known::Industries, Span::new(line.start + from, line.end)) {
            let span = Span::new(m.start, m.end);
            if rec.covered(
                span,
                &[EntityKind::Industry, EntityKind::Place, EntityKind::Organization],
            ) {
                continue;
            }
            // A sector stands as a list item or before its head word: 金融服务专班 and
            // 金融双保障 are other things.
            let next = &ctx.text[span.end..line.end];
            // 珲春跨境电商发展很快: a sector right after its place and before 发展 is the place's.
            // (Not a body named so: 大数据发展局.)
            let grows = ["发展", "产业发展"]
                .iter()
                .filter_map(|w| next.strip_prefix(w))
                .any(|rest| GROWS.iter().any(|g| rest.starts_with(g)))
                && rec.ending_at(span.start, |e| e.kind == EntityKind::Place).is_some();
            // 海洋经济是珲春近年来着力打造的新引擎, 半导体是开发区重点培育的方向: what 是 says a
            // place develops.
            let developed_after =
                next.starts_with('是') && DEVELOPED_AFTER.is_match(&ctx.text[span.end..ctx.clause(span).end]);
            let item_end = grows
                || developed_after
                || next.is_empty()
                || next.starts_with(['、', '，', ',', '。', '；', ';', '等', '和', '及', '与', '”', '）', ')'])
                || next.starts_with("产业")
                || next.starts_with("行业")
                // 把乡村旅游作为主导产业.
                || next.starts_with("作为");
            if !whole_word(ctx, span) || !item_end {
                continue;
            }
            let cl = ctx.clause(span);
            // A verb that develops must stand before it in the sentence (大力发展生产性服务业,
            // 如电子商务、数字经济), and the clause must not be about reform.
            let sent = ctx.sentence(span);
            let develops = || {
                ctx.known(Known::Develop, Span::new(sent.start, span.end))
                    .next()
                    .is_some()
            };
            if !(grows || developed_after || develops()) || NOT_SECTORS.is_match(&ctx.text[cl.range()]) {
                continue;
            }
            let (name, _) = &ctx.res.lexical.industry_names[m.word];
            // 水 | 饮料 after 水饮料 was listed, 汽车 | 软件: a word glued before the sector that
            // makes a sector of the document, or that is a sector itself, names a narrower one.
            let compound = ctx.tokens.word_ending_at(span.start).filter(|w| {
                let whole = &ctx.text[w.start..span.end];
                let word = &ctx.text[w.range()];
                word.chars().all(is_han)
                    && (rec.find(EntityKind::Industry, whole).is_some()
                        || ctx.res.lexical.industry_lookup.contains_key(word))
            });
            let (span, name) = match compound {
                Some(w) => {
                    let span = Span::new(w.start, span.end);
                    let whole = &ctx.text[span.range()];
                    if rec.covered(
                        span,
                        &[EntityKind::Industry, EntityKind::Place, EntityKind::Organization],
                    ) {
                        continue;
                    }
                    (span, whole)
                }
                None => (span, name.as_str()),
            };
            let surface = &ctx.text[span.range()];
            let id = rec.add(EntityKind::Industry, name, surface, Some(span), EntityDetail::None);
            // The place that develops it stands before it in its clause (从江县要大力发展乡村旅游),
            // not before the clause.
            let subjects = subjects_of(ctx, rec, span);
            push_cues(rec, id, cl, &subjects, None, false);
            listed_with(ctx, rec, span, cl, &subjects);
        }
    }
}

/// A sentence that is an ordinal, 是 and a name alone (第一是马铃薯种薯。二是中藏药材。), on
/// `line`: an answer listing what the place develops, item by item. Each name is a sector the
/// lexicon knows, with a sector's ending, or a known sector and one word of what of it.
/// (Found by 是 after a numeral, without a pattern: nearly every line holds 是.)
fn ordinal_items(ctx: &Ctx<'_>, rec: &mut Recognition, line: Span) {
    let s = &ctx.text[line.range()];
    for (at, _) in s.match_indices('是') {
        let before = &s[..at];
        let Some(numeral) = before
            .chars()
            .next_back()
            .filter(|c| "一二三四五六七八九十".contains(*c))
        else {
            continue;
        };
        let before_numeral = &before[..before.len() - numeral.len_utf8()];
        let ordinal = before_numeral.strip_suffix('第').unwrap_or(before_numeral);
        if !(ordinal.is_empty() || ordinal.ends_with(['。', '！', '？', '；', '：', ':'])) {
            continue;
        }
        let from = at + '是'.len_utf8();
        let name_len: usize = s[from..]
            .chars()
            .take_while(|c| is_han(*c))
            .take(9)
            .map(char::len_utf8)
            .sum();
        let n = s[from..from + name_len].chars().count();
        if !(2..=8).contains(&n) || !s[from + name_len..].starts_with(['。', '；']) {
            continue;
        }
        let span = Span::new(line.start + from, line.start + from + name_len);
        let surface = &ctx.text[span.range()];
        let (name, known) = canonical(ctx, surface);
        let shaped = has_sector_shape(&name);
        let first_word = ctx.tokens.word_at(span.start);
        // (马铃薯 | 种薯: a known sector and one word of what of it.)
        let known_first = first_word.is_some_and(|w| {
            canonical(ctx, &ctx.text[w.range()]).1 && ctx.tokens.word_at(w.end).is_some_and(|next| next.end == span.end)
        });
        // (三是做强县域工业: a task, not a sector.)
        let verb_first = first_word.is_some_and(|w| ctx.res.segmenter.is_verb(&ctx.text[w.range()]));
        if !(known || shaped || known_first)
            || verb_first
            || names_no_sector(ctx, &name)
            || NOT_SECTORS.is_match(surface)
            || !ctx.tokens.aligned(span)
            || named_otherwise(rec, span)
        {
            continue;
        }
        let subjects = subjects_of(ctx, rec, span);
        add_sector(rec, &name, surface, span, span, &subjects, false);
    }
}

/// Whether `name` ends as sectors do (see [`SECTOR_ENDINGS`]), and is no companies' (企业
/// ends in 业).
fn has_sector_shape(name: &str) -> bool {
    SECTOR_ENDINGS.iter().any(|e| name.ends_with(e)) && !name.ends_with("企业")
}

/// Whether no word of `span` is a verb or a function word in jieba's dictionary: nouns alone
/// (庞各庄镇 | 西瓜, 自行车; not 要做强茶叶).
fn no_verb_or_function_word(ctx: &Ctx<'_>, span: Span) -> bool {
    let seg = &ctx.res.segmenter;
    ctx.tokens.words_in(span).iter().all(|w| {
        let word = &ctx.text[w.range()];
        !seg.is_verb(word) && !seg.is_function_word(word)
    })
}

/// Where the run of Han characters that ends `text` starts.
fn han_run_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .find(|(_, c)| !is_han(*c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Adds the sector `name`, written `surface` at `span`, developed by `subjects` as `evidence`
/// says.
fn add_sector(
    rec: &mut Recognition,
    name: &str,
    surface: &str,
    span: Span,
    evidence: Span,
    subjects: &[LocalId],
    exclusive: bool,
) {
    let id = rec.add(EntityKind::Industry, name, surface, Some(span), EntityDetail::None);
    push_cues(rec, id, evidence, subjects, None, exclusive);
}

/// Broad fields, and means, that a card or an aspect names without naming a sector (工业是我们的
/// 看家本领, 在金融方面，我们设立了…基金).
const BROAD_FIELDS: &[&str] = &[
    "工业",
    "农业",
    "制造业",
    "服务业",
    "金融",
    "金融服务",
    "先进制造业",
    "现代服务业",
];

/// What a place's sector is to it, after 是 and the place's 的 (林产加工是我们的又一张名片,
/// 有色冶金是金昌的立市之本, 煤炭是我们的家底).
const CALLING_CARDS: &[&str] = &[
    "名片",
    "立市之本",
    "立县之本",
    "立区之本",
    "立旗之本",
    "家底",
    "金字招牌",
    "看家本领",
];

/// The sector that opens a clause and 是 calls its place's card (see [`CALLING_CARDS`]): the
/// place after 是 develops it, or the page's place after 我们 or 全市. A sector the lexicon
/// knows or with a sector's ending; the words between 的 and the card are few (又一张, 新).
fn calling_cards(ctx: &Ctx<'_>, rec: &mut Recognition, line: Span) {
    let s = &ctx.text[line.range()];
    for (at, _) in s.match_indices('是') {
        // What follows 是 is checked first: nearly every line holds 是, few a card after it.
        let after_at = line.start + at + '是'.len_utf8();
        let Some((owner_len, place)) = owner_after_copula(ctx, rec, after_at, line.end) else {
            continue;
        };
        let Some(rest) = ctx.text[after_at + owner_len..line.end].strip_prefix('的') else {
            continue;
        };
        let near_end = rest.char_indices().nth(8).map_or(rest.len(), |(i, _)| i);
        let near = &rest[..near_end];
        let card = CALLING_CARDS
            .iter()
            .filter_map(|c| near.find(c))
            .min()
            .is_some_and(|i| near[..i].chars().count() <= 4);
        if !card {
            continue;
        }
        let before = &s[..at];
        let item_from = han_run_start(before);
        let n = before[item_from..].chars().count();
        if !(2..=8).contains(&n) {
            continue;
        }
        let span = Span::new(line.start + item_from, line.start + at);
        let surface = &ctx.text[span.range()];
        let (name, known) = canonical(ctx, surface);
        let shaped = has_sector_shape(&name);
        if !(known || shaped)
            || BROAD_FIELDS.contains(&name.as_str())
            || names_no_sector(ctx, &name)
            || !ctx.tokens.aligned(span)
            || named_otherwise(rec, span)
        {
            continue;
        }
        let evidence = Span::new(span.start, after_at + owner_len);
        let subjects = match place {
            Some(p) => vec![p],
            None => subjects_of(ctx, rec, span),
        };
        add_sector(rec, &name, surface, span, evidence, &subjects, place.is_some());
    }
}

/// 是全国重要的冰箱、洗衣机生产基地, 是全国有名的自行车生产基地: what a place is a base of.
/// The scope before the adjective, the adjectives, and the kinds of base.
const BASE_SCOPES: &[&str] = &[
    "全国", "全省", "全球", "国家", "中国", "我国", "世界", "西部", "东部", "中部",
];
const BASE_ADJECTIVES: &[&str] = &["最大", "重要", "有名", "知名", "著名", "主要"];
/// (Not 产业: 汽车产业 is one word, and the item keeps it.)
const BASE_KINDS: &[&str] = &["生产", "制造", "繁育", "加工", "种植", "养殖", "出口"];

/// The sectors a place is a base of (是全国有名的自行车生产基地): each item a sector the lexicon
/// knows, with a sector's ending, or nouns alone (自行车); the place is the subject of 是.
/// (Found back from 基地, without a pattern: a pattern of Han runs costs a large automaton.)
fn bases(ctx: &Ctx<'_>, rec: &mut Recognition, line: Span) {
    let s = &ctx.text[line.range()];
    for (at, _) in s.match_indices("基地") {
        let before = &s[..at];
        let before = BASE_KINDS.iter().find_map(|k| before.strip_suffix(k)).unwrap_or(before);
        let Some(de) = before.rfind('的') else { continue };
        let list_text = &before[de + '的'.len_utf8()..];
        if list_text.is_empty() || list_text.len() > 80 || !list_text.chars().all(|c| is_han(c) || c == '、') {
            continue;
        }
        let Some(head) = BASE_ADJECTIVES.iter().find_map(|a| before[..de].strip_suffix(a)) else {
            continue;
        };
        let head = BASE_SCOPES.iter().find_map(|w| head.strip_suffix(w)).unwrap_or(head);
        let Some(copula_at) = head.strip_suffix('是').map(str::len) else {
            continue;
        };
        let copula = line.start + copula_at;
        let mut at = line.start + de + '的'.len_utf8();
        for piece in list_text.split('、') {
            let span = Span::new(at, at + piece.len());
            at = span.end + '、'.len_utf8();
            if !(2..=8).contains(&piece.chars().count()) {
                continue;
            }
            let (name, known) = canonical(ctx, piece);
            let shaped = has_sector_shape(&name);
            let nouns = piece.chars().count() <= 6 && no_verb_or_function_word(ctx, span);
            if !(known || shaped || nouns)
                || BROAD_FIELDS.contains(&name.as_str())
                || names_no_sector(ctx, &name)
                || !ctx.tokens.aligned(span)
                || named_otherwise(rec, span)
            {
                continue;
            }
            let subjects = match rec.ending_at(copula, |e| e.kind == EntityKind::Place) {
                Some((_, place)) => vec![place],
                None => subjects_of(ctx, rec, span),
            };
            add_sector(rec, &name, piece, span, Span::new(copula, span.end), &subjects, false);
        }
    }
}

/// A known sector that opens a clause with 方面 (文化旅游方面，我们围绕…; 在汽车零部件配套方面): an
/// answer or a report taking the sector up, which the page's place develops.
fn aspects(ctx: &Ctx<'_>, rec: &mut Recognition, line: Span) {
    let s = &ctx.text[line.range()];
    for (at, _) in s.match_indices("方面") {
        let before = &s[..at];
        let from = han_run_start(before);
        let from = if before[from..].starts_with('在') {
            from + '在'.len_utf8()
        } else {
            from
        };
        let span = Span::new(line.start + from, line.start + at);
        let surface = &ctx.text[span.range()];
        let (name, known) = canonical(ctx, surface);
        if !known
            || BROAD_FIELDS.contains(&name.as_str())
            || !(2..=8).contains(&surface.chars().count())
            || !ctx.tokens.aligned(span)
            || named_otherwise(rec, span)
        {
            continue;
        }
        let subjects = subjects_of(ctx, rec, span);
        add_sector(rec, &name, surface, span, span, &subjects, false);
    }
}

/// The other items of the list that a known sector at `known` stands in, right after a verb
/// that develops them (发展水产品加工、冷链物流和海产品贸易, 发展光伏和风电的条件): each is a sector
/// when the lexicon knows it or it has a sector's ending. The list ends at its clause's end,
/// at 等 or at 的.
fn listed_with(ctx: &Ctx<'_>, rec: &mut Recognition, known: Span, cl: Span, subjects: &[LocalId]) {
    let Some(verb) = ctx.known(Known::ListVerbs, Span::new(cl.start, known.start)).last() else {
        return;
    };
    let start = verb.end;
    let tail = &ctx.text[known.end..cl.end];
    let end = known.end
        + tail
            .find(['等', '的', '，', ',', '。', '；', ';'])
            .unwrap_or(tail.len());
    let items = split_items(ctx, start, end);
    if items.len() < 2 || items.len() > MAX_LIST_ITEMS || !items.iter().any(|s| s.contains(known)) {
        return;
    }
    for span in items {
        let surface = &ctx.text[span.range()];
        if span.overlaps(known)
            || !(2..=8).contains(&surface.chars().count())
            || !surface.chars().all(is_han)
            || !ctx.tokens.aligned(span)
            || rec.covered(
                span,
                &[
                    EntityKind::Industry,
                    EntityKind::Place,
                    EntityKind::Organization,
                    EntityKind::Official,
                ],
            )
        {
            continue;
        }
        let (name, is_known) = canonical(ctx, surface);
        // 引进软件和数字创意企业: companies of a sector, not the sector (企业 ends in 业).
        let shaped = has_sector_shape(&name);
        if !(is_known || shaped) || names_no_sector(ctx, &name) || NOT_SECTORS.is_match(surface) {
            continue;
        }
        let id = rec.add(EntityKind::Industry, &name, surface, Some(span), EntityDetail::None);
        push_cues(rec, id, cl, subjects, None, false);
    }
}

/// A verb that develops, then 的: after 是, it says the subject of 是 is developed.
static DEVELOPED_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:打造|培育|发展|壮大|做强|布局)的").unwrap());

/// Builds this module's patterns now rather than on the first document (see
/// [`warm_up`](super::warm_up)).
pub(super) fn warm_up() {
    for pattern in [&COUNT_QUALIFIER, &SCALE, &NOT_SECTORS, &DEVELOPED_AFTER] {
        LazyLock::force(pattern);
    }
}

/// What follows 发展 when a sector before it grows (珲春跨境电商发展很快).
const GROWS: &[&str] = &[
    "很快", "迅速", "势头", "态势", "良好", "较快", "提速", "加快", "壮大", "得", "，", "。", "；",
];

fn whole_word(ctx: &Ctx<'_>, span: Span) -> bool {
    let before = super::text::char_before(ctx.text, span.start).is_some_and(is_han);
    let after = super::text::char_at(ctx.text, span.end).is_some_and(is_han);
    (!before || ctx.tokens.starts_at(span.start)) && (!after || ctx.tokens.ends_at(span.end))
}

/// The list of sectors before a head word, within its clause.
fn list_before(ctx: &Ctx<'_>, rec: &mut Recognition, line: Span, head: Span) {
    // 坚持“强工业、优城市、兴产业”: a slogan whose last item is one character that is no sector
    // (a verb, and the head word its object) lists no sectors.
    let slogan = ctx.tokens.word_ending_at(head.start).is_some_and(|w| {
        let word = &ctx.text[w.range()];
        word.chars().count() == 1 && ctx.text[..w.start].ends_with('、') && !canonical(ctx, word).1
    });
    if slogan {
        return;
    }
    let cl = ctx.clause(head);
    let seg_start = cl.start.max(line.start);
    if head.start <= seg_start {
        return;
    }
    // 获评全国农业产业强镇: an honour's name, not a sector the place develops.
    // (Their first characters are looked for first: most clauses hold none.)
    let seg = &ctx.text[seg_start..head.start];
    if seg.contains(['获', '荣', '被']) && HONOURED.iter().any(|w| seg.contains(w)) {
        return;
    }
    // 智能家电、泛家居、铝型材是我们的五大支柱产业: the list is the subject of 是, and ends there.
    let copula = copula_list(ctx, rec, seg_start, head);
    let mut list_limit = copula.map_or(head.start, |(c, _)| c.start);
    // 大力发展以天麻、漆器为代表的特色产业: the list stands between 以 and 为代表的, and what
    // it names are sectors as surely as a copula's.
    let seg = &ctx.text[seg_start..list_limit];
    // (Every ending holds 为: most segments have none, and are searched once.)
    let represented = seg
        .contains('为')
        .then(|| REPRESENTED.iter().find_map(|w| seg.rfind(w)))
        .flatten()
        .and_then(|end| Some((seg[..end].rfind('以')? + '以'.len_utf8(), end)));
    let seg_start = match represented {
        Some((start, end)) => {
            list_limit = seg_start + end;
            seg_start + start
        }
        None => seg_start,
    };
    let seg = &ctx.text[seg_start..list_limit];
    if owned_items(ctx, rec, seg_start, list_limit, head) {
        return;
    }
    // Modifiers before 的 are not part of the list (由龙头项目带动的机电、新材料…); after 作为,
    // they qualify the head, not the list (把陶艺作为村里的特色产业).
    let before_as = seg.find("作为").map_or(seg, |i| &seg[..i]);
    let seg_start = match before_as.rfind('的') {
        Some(i) => seg_start + i + '的'.len_utf8(),
        None => seg_start,
    };
    // The list follows the clause's last verb that develops (凯里市和麻江县要做强茶叶产业:
    // the places before it are its subject, not items).
    let seg_start = match ctx.known(Known::ListVerbs, Span::new(seg_start, list_limit)).last() {
        Some(m) => m.end,
        None => seg_start,
    };
    // A place before the list is its subject, not an item (鹿邑县化妆刷产业, 太康县锅炉产业集群).
    let seg_start = rec
        .places_in(Span::new(seg_start, list_limit))
        .into_iter()
        .filter(|(s, _)| s.start == seg_start && s.end < list_limit)
        .map(|(s, _)| s.end)
        .max()
        .unwrap_or(seg_start);
    // 省委、省政府把汽车产业作为首位产业: the list starts after a preposition that takes it as
    // its object.
    // (The characters are looked for first: most clauses hold none, and need no words.)
    let object_of = ctx.text[seg_start..list_limit]
        .char_indices()
        .rev()
        .filter(|(_, c)| LIST_OBJECT_OF.contains(c))
        .map(|(i, c)| Span::new(seg_start + i, seg_start + i + c.len_utf8()))
        .find(|&p| ctx.tokens.word_at(p.start) == Some(p));
    let seg_start = object_of.map_or(seg_start, |p| p.end);
    let seg = &ctx.text[seg_start..list_limit];
    // The list ends at 等 (…等9个千亿级); what follows 等 only qualifies the head.
    // …等9个千亿级 or, without 等, …机械电子三大主导: the count and its adjectives qualify the head.
    // 把乡村旅游作为主导产业: what 作为 makes of the list only qualifies the head.
    // So does what follows 这类 (把鞋业这类富民产业做大做强).
    let (list_end, qualifier) = match seg
        .find("作为")
        .or_else(|| seg.rfind('等'))
        .or_else(|| seg.rfind("这类"))
    {
        Some(i) => (seg_start + i, &seg[i..]),
        None => match COUNT_QUALIFIER.find(seg) {
            Some(m) => (seg_start + m.start(), &seg[m.start()..]),
            None => (list_limit, ""),
        },
    };
    let mut scale = SCALE
        .find(qualifier)
        .map(|m| m.as_str().trim_end_matches("以上").to_owned());
    let mut list_text_end = list_end;
    let mut seg_start = seg_start;
    // Where the items start when a scale word opens them (打造 | 百亿级 | 螺蛳粉), that word's start.
    let mut scale_first = None;
    // 英德红茶、西牛麻竹笋百亿级农业产业: the scale word splits item from head; 打造百亿级螺蛳粉
    // 产业集群: it opens the list, and the item follows it.
    if qualifier.is_empty() {
        if let Some(m) = SCALE.find_iter(&ctx.text[seg_start..list_end]).last() {
            scale = Some(m.as_str().to_owned());
            if m.start() == 0 {
                scale_first = Some(seg_start);
                seg_start += m.end();
            } else {
                list_text_end = seg_start + m.start();
            }
        }
    }
    if list_text_end <= seg_start {
        return;
    }
    // Split on 、 and on 和/与/及 between items; the first item reaches left to a verb.
    let mut items = split_items(ctx, seg_start, list_text_end);
    if items.is_empty() {
        return;
    }
    // 姜堰区抓住 | 新能源赛道: a verb that opens the first item is not part of it.
    if let Some(first) = items.first_mut() {
        if let Some(w) = ctx.tokens.word_at(first.start).filter(|w| w.end < first.end) {
            // (Only where the rest is a sector the lexicon knows and the whole is none: 再生 is
            // a verb, and 再生金属 a sector.)
            let rest = &ctx.text[w.end..first.end];
            // (Nor where a place follows the verb: 推动开封汽车零部件产业 is the place's.)
            let place_next = rec
                .starting_in(w.end, w.end + 1)
                .any(|(_, id)| rec.entities[id].kind == EntityKind::Place);
            let verb = &ctx.text[w.range()];
            // (开封 is a verb and a city.)
            // (A preposition too: 针对 | 中药材.)
            let seg = &ctx.res.segmenter;
            // (Not one of means: what 用物联网、大数据赋能 uses is no sector developed.)
            if (seg.is_verb(verb) || seg.is_function_word(verb))
                && !["用", "以", "通过", "利用", "借助", "依托", "运用"].contains(&verb)
                && ctx.res.gazetteer.lookup(verb).is_empty()
                && !place_next
                && canonical(ctx, rest).1
                && !canonical(ctx, &ctx.text[first.range()]).1
            {
                first.start = w.end;
            }
        }
    }
    if items.len() > MAX_LIST_ITEMS {
        items.drain(..items.len() - MAX_LIST_ITEMS);
    }
    // Known to the lexicon, or already taken as a sector in this document (化妆刷 listed
    // earlier, then 鹿邑县化妆刷产业).
    let known: Vec<bool> = items
        .iter()
        .map(|s| {
            let (name, known) = canonical(ctx, &ctx.text[s.range()]);
            known || rec.find(EntityKind::Industry, &name).is_some()
        })
        .collect();
    let any_known = known.iter().any(|k| *k);
    let single = items.len() == 1;
    let evidence = Span::new(items[0].start, head.end);
    let subjects = match copula {
        Some((_, Some(place))) => vec![place],
        _ => subjects_of(ctx, rec, evidence),
    };
    for (mut span, is_known) in items.into_iter().zip(known) {
        // 打造中医药首位产业: the rank before the head word is not part of the sector.
        if let Some(rank) = RANKS.iter().find(|r| ctx.text[span.range()].ends_with(*r)) {
            span.end -= rank.len();
        }
        // 与沪苏浙汽车产业链协作, 承接京津医药产业转移: the provinces, by their short names, whose
        // sector it is are not part of it.
        let provinces: usize = ctx.text[span.range()]
            .chars()
            .take_while(|c| PROVINCE_SHORT.contains(*c))
            .map(char::len_utf8)
            .sum();
        if provinces >= 2 * '京'.len_utf8() && ctx.text[span.start + provinces..span.end].chars().count() >= 2 {
            span.start += provinces;
        }
        let surface = &ctx.text[span.range()];
        let (name, _) = canonical(ctx, surface);
        if name.chars().count() < 2 || names_no_sector(ctx, &name) || name.contains(['亿', '万']) {
            continue;
        }
        // (支持本地企业与…: companies, not a sector, though 企业 ends in 业.)
        let shaped = has_sector_shape(&name) || (any_known && ctx.tokens.aligned(span));
        // One item right after a verb that develops it (做大花木产业, 巩固提升马铃薯产业).
        // 打造 | 百亿级 | 螺蛳粉: the verb stands before the scale word that opens the list.
        let verb_end = match scale_first {
            Some(scale_start) if span.start == seg_start => scale_start,
            _ => span.start,
        };
        // 把陶艺作为村里的特色产业: what is taken as a ranked sector is one (not 把这三年作为
        // “产业招商落地年”).
        let taken_as =
            object_of.is_some() && qualifier.starts_with("作为") && RANKS.iter().any(|r| qualifier.ends_with(r));
        let developed = single
            && !ADJECTIVES.contains(&name.as_str())
            && ctx.tokens.aligned(span)
            && (taken_as || ends_with_list_verb(&ctx.text[..verb_end]));
        // 崔黄口镇的地毯产业历史悠久: a place's own sector, named before the head word; the place
        // develops it.
        let owner = (single && ctx.tokens.aligned(span))
            .then(|| ctx.text[..span.start].strip_suffix('的'))
            .flatten()
            .and_then(|b| rec.ending_at(b.len(), |e| e.kind == EntityKind::Place))
            .map(|(_, id)| id);
        let single_ok = is_known || shaped || developed || owner.is_some();
        // What 是 says is a sector is one, when it has a sector's length.
        let asserted = (copula.is_some() || represented.is_some())
            && (2..=8).contains(&name.chars().count())
            && surface.chars().all(is_han)
            && ctx.tokens.aligned(span);
        // A single item the lexicon does not know is short, or longer with a sector's ending
        // (新能源电池材料, 有色金属精深加工).
        let n = name.chars().count();
        let single_len_ok = n <= 6 || shaped && n <= 8;
        if !(is_known || asserted || (any_known && shaped) || single_ok && single_len_ok) {
            continue;
        }
        if named_otherwise(rec, span) && !is_known {
            continue;
        }
        let id = rec.add(EntityKind::Industry, &name, surface, Some(span), EntityDetail::None);
        // 是宜兴的特色产业: the place after 是 is the only one the list can be of.
        let exclusive = matches!(copula, Some((_, Some(_))));
        // (Of 翠屏区、叙州区的白酒产业集聚区, every place of the list is an owner.)
        match owner.filter(|o| !subjects.contains(o)) {
            Some(place) => push_cues(rec, id, evidence, &[place], scale.as_deref(), true),
            None => push_cues(rec, id, evidence, &subjects, scale.as_deref(), exclusive),
        }
    }
}

/// What ends a list that 以 opens, before the sectors' head word (以天麻、漆器为代表的特色产业).
const REPRESENTED: &[&str] = &["为代表的", "为主的", "为重点的", "为主导的", "为龙头的"];

/// Scopes after 是 that say whose sectors the list before it are, as a place would: 是我们
/// 的五大支柱产业, 是全市的主导产业.
const COPULA_SCOPES: &[&str] = &[
    "我们", "我市", "我县", "我区", "我省", "我镇", "全市", "全县", "全区", "全省", "全镇",
];

/// Whose 是 says something is, from `after` (right after 是) to at most `end`: the place that
/// starts there, the longest that can be a subject, or a scope (我们, 全市) that stands for
/// the page's place. The length of the owner's words, and the place when one is named.
fn owner_after_copula(ctx: &Ctx<'_>, rec: &Recognition, after: usize, end: usize) -> Option<(usize, Option<LocalId>)> {
    let place = rec
        .starting_in(after, after + 1)
        .filter(|(_, id)| is_subject(rec, *id))
        .max_by_key(|(s, _)| s.len());
    match place {
        Some((s, id)) => Some((s.len(), Some(id))),
        None => COPULA_SCOPES
            .iter()
            .find(|w| ctx.text[after..end].starts_with(*w))
            .map(|w| (w.len(), None)),
    }
}

/// 智能家电、泛家居、铝型材是我们的五大支柱产业, 再生金属是长葛的特色产业: a list that is the
/// subject of 是, where what follows 是 is a place or a scope (我们, 全市), 的, and only a
/// rank or a count of ranked sectors before the head word. The copula, and the place when
/// one is named.
fn copula_list(ctx: &Ctx<'_>, rec: &Recognition, start: usize, head: Span) -> Option<(Span, Option<LocalId>)> {
    let seg = &ctx.text[start..head.start];
    let i = seg.rfind('是')?;
    let copula = Span::new(start + i, start + i + '是'.len_utf8());
    if ctx.tokens.word_at(copula.start) != Some(copula) {
        return None;
    }
    let after = &ctx.text[copula.end..head.start];
    let (owner_len, place) = owner_after_copula(ctx, rec, copula.end, head.start)?;
    // A place may run past the head word (是X产业集聚区): then nothing qualifies it.
    let rank = after.get(owner_len..)?.strip_prefix('的')?;
    // Ranks may be stacked (传统优势) and follow an ordinal (第一大产业).
    // (第一支柱产业: an ordinal may stand without 大.)
    let mut rest = ["第一大", "第二大", "第三大", "第一", "第二", "第三"]
        .iter()
        .find_map(|o| rank.strip_prefix(o))
        .unwrap_or(rank);
    while let Some(r) = RANKS.iter().chain(&["传统"]).find_map(|w| rest.strip_prefix(w)) {
        rest = r;
    }
    let ranked = rest.is_empty() || COUNT_QUALIFIER.find(rank).is_some_and(|m| m.start() == 0);
    (ranked && copula.start > start).then_some((copula, place))
}

/// Whether `name` can be no sector: a generic word (产业, 制品) or a title (专访了省委常委、…).
fn names_no_sector(ctx: &Ctx<'_>, name: &str) -> bool {
    GENERIC.contains(&name) || ctx.res.lexical.titles.is_match(name)
}

/// Whether a place, an organisation or an official already covers `span`.
fn named_otherwise(rec: &Recognition, span: Span) -> bool {
    rec.covered(
        span,
        &[EntityKind::Place, EntityKind::Organization, EntityKind::Official],
    )
}

/// The sector after a place in an item of an owned list (see [`owned_items`]): after 的, two
/// to eight Han characters; without it (庞各庄镇 | 西瓜), words that are no verb or function
/// word (not 麻江县 | 要做强茶叶).
fn owned_sector(ctx: &Ctx<'_>, after_place: Span) -> Option<Span> {
    let text = &ctx.text[after_place.range()];
    let (sector, plain) = match text.strip_prefix('的') {
        Some(rest) => (Span::new(after_place.end - rest.len(), after_place.end), false),
        None => (after_place, true),
    };
    let n = ctx.text[sector.range()].chars().count();
    if !(2..=8).contains(&n) || !ctx.text[sector.range()].chars().all(is_han) {
        return None;
    }
    (!plain || ctx.tokens.aligned(sector) && no_verb_or_function_word(ctx, sector)).then_some(sector)
}

/// 泊头市的铸造模具、河间市的汽车零部件再制造、东光县的包装机械等特色产业集群, 庞各庄镇西瓜、
/// 魏善庄镇月季等特色产业: a list whose every item is a place, perhaps 的, and a sector names
/// each place's sector. Whether it was such a list (then its sectors are added).
fn owned_items(ctx: &Ctx<'_>, rec: &mut Recognition, start: usize, limit: usize, head: Span) -> bool {
    let seg = &ctx.text[start..limit];
    // (Most segments hold no 、: they are left at once.)
    let Some(first_sep) = seg.find('、') else {
        return false;
    };
    let end = start + seg.rfind('等').unwrap_or(seg.len());
    // The first item starts at the last place before its sector (and its 的).
    let first_end = start + first_sep;
    let Some((first, _)) = rec
        .places_in(Span::new(start, first_end))
        .into_iter()
        .filter(|(s, _)| owned_sector(ctx, Span::new(s.end, first_end)).is_some())
        .min_by_key(|(s, _)| std::cmp::Reverse(s.start))
    else {
        return false;
    };
    // (A 等 may stand before the list: 等项目…湖北省的….)
    if end <= first.start {
        return false;
    }
    let mut items = Vec::new();
    let mut at = first.start;
    for piece in ctx.text[first.start..end].split('、') {
        let item = Span::new(at, at + piece.len());
        at = item.end + '、'.len_utf8();
        let owned = rec
            .places_in(item)
            .into_iter()
            .filter(|(s, _)| s.start == item.start)
            .find_map(|(s, id)| Some((owned_sector(ctx, Span::new(s.end, item.end))?, id)));
        let Some((sector, id)) = owned else {
            return false;
        };
        items.push((item.start, sector, id));
    }
    if items.len() < 2 {
        return false;
    }
    for (item_start, sector, place) in items {
        let surface = &ctx.text[sector.range()];
        let (name, _) = canonical(ctx, surface);
        if names_no_sector(ctx, &name) {
            continue;
        }
        let id = rec.add(EntityKind::Industry, &name, surface, Some(sector), EntityDetail::None);
        push_cues(rec, id, Span::new(item_start, head.end), &[place], None, true);
    }
    true
}

/// One cue for each place that develops `industry` (none named: one cue without a subject).
/// An `exclusive` cue names the one place that develops it (see [`IndustryCue::exclusive`]).
fn push_cues(
    rec: &mut Recognition,
    industry: LocalId,
    span: Span,
    subjects: &[LocalId],
    scale: Option<&str>,
    exclusive: bool,
) {
    let cue = |subject| IndustryCue {
        industry,
        span,
        subject,
        scale: scale.map(str::to_owned),
        exclusive,
    };
    if subjects.is_empty() {
        rec.industries.push(cue(None));
    }
    for &s in subjects {
        rec.industries.push(cue(Some(s)));
    }
}

/// What a list item joined by 及 or 和 names as the parts of the item before it.
const PARTS: &[&str] = &["零部件", "配件", "零配件"];

/// The item before its parts (汽车 of 汽车及零部件), if `item` names a sector with its parts.
fn parts_head(item: &str) -> Option<&str> {
    PARTS
        .iter()
        .find_map(|p| {
            let rest = item.strip_suffix(p)?;
            ["以及", "及", "和", "与"].iter().find_map(|j| rest.strip_suffix(j))
        })
        .filter(|head| !head.is_empty())
}

/// Item spans of a list between `start` and `end`.
fn split_items(ctx: &Ctx<'_>, start: usize, end: usize) -> Vec<Span> {
    let text = ctx.text;
    // Each part, and whether 、 follows it.
    let mut parts = Vec::new();
    let mut cur = start;
    let seg = &text[start..end];
    for (i, c) in seg.char_indices() {
        if c == '、' || c == '，' || c == ',' || c == '/' {
            parts.push((Span::new(cur, start + i), c == '、'));
            cur = start + i + c.len_utf8();
        }
    }
    parts.push((Span::new(cur, end), false));
    // 和 / 与 / 及 join the last items: 建材和铝合金加工材料, 电子信息及通讯. Before a 、, 与
    // and 及 stand inside an item's name (泵与电机、鞋业、汽摩配四大传统优势产业, 再生金属及
    // 制品、…), where 和 still joins items (新能源和节能环保、…).
    let first_listed = parts.first().is_some_and(|(_, listed)| *listed);
    let mut out = Vec::with_capacity(parts.len() + 2);
    for (p, listed) in parts {
        // The part's pieces are the last of `out`; each joiner splits each piece once, in
        // place (the two halves are not split again by the same joiner).
        let first_piece = out.len();
        out.push(p);
        for joiner in ["以及", "和", "与", "及"] {
            if listed && joiner != "和" {
                continue;
            }
            let mut k = first_piece;
            while k < out.len() {
                let q: Span = out[k];
                let qs = &text[q.range()];
                // One-character joiners search as a char (memchr), not as a substring.
                let found = match joiner.chars().count() {
                    1 => qs.find(joiner.chars().next().unwrap_or_default()),
                    _ => qs.find(joiner),
                };
                // 汽车及零部件: the parts of what comes before are one sector with it.
                let parts_of = |i: usize| PARTS.contains(&&qs[i + joiner.len()..]);
                match found {
                    Some(i) if i > 0 && ctx.tokens.starts_at(q.start + i) && !parts_of(i) => {
                        out[k] = Span::new(q.start, q.start + i);
                        out.insert(k + 1, Span::new(q.start + i + joiner.len(), q.end));
                        k += 2;
                    }
                    _ => k += 1,
                }
            }
        }
    }
    // The first item reaches left only to the verb before it (做强苹果 → 苹果).
    if let Some(first) = out.first_mut() {
        // (汽车及零部件: the walk starts before the parts, which it would stop at.)
        // (钛及钛合金、…, 泵与电机、…: the first item's own joiner, which stops the walk, is
        // inside it; the walk starts before it. Not after a word that is a sector by itself:
        // 汽车及新能源汽车 are two.)
        let joined = || {
            let item = &text[first.range()];
            let at = first.start + item.find(['及', '与']).filter(|&i| i > 0 && first_listed)?;
            let before = ctx.tokens.word_ending_at(at)?;
            let known = ctx.res.lexical.industry_lookup.contains_key(&text[before.range()]);
            (ctx.tokens.starts_at(at) && !known).then_some(at)
        };
        let walk_end = parts_head(&text[first.range()])
            .map(|head| first.start + head.len())
            .or_else(joined)
            .unwrap_or(first.end);
        let reached = extend_left(text, ctx.tokens, first.start, walk_end, 10);
        // 做强 | 水饮料 cut as 做 | 强水 | 饮料: where the list starts inside a word, the walk
        // stops at that word's end; the item still starts where the list does.
        let straddled = ctx
            .tokens
            .word_covering(first.start)
            .filter(|w| w.start < first.start)
            .is_some_and(|w| w.end == reached);
        if !straddled {
            first.start = reached;
        }
        // 大力发展小商品制造: jieba may glue the verbs into one word; peel them off.
        while let Some(stop) = super::text::leading_left_stop(&text[first.range()]) {
            first.start += stop.len();
        }
        if let Some(scope) = SCOPES.iter().find(|s| text[first.range()].starts_with(*s)) {
            first.start += scope.len();
        }
        // 各类汽车, 相关汽车: a determiner is not part of the sector.
        if let Some(d) = DETERMINERS.iter().find(|d| text[first.range()].starts_with(*d)) {
            first.start += d.len();
        }
    }
    out.retain(|s| {
        let t = &text[s.range()];
        let n = t.chars().count();
        (2..=10).contains(&n) && t.chars().all(is_han)
    });
    out
}

/// `s` without every repetition of `suffix` at its end: what `trim_end_matches` does, without
/// building a substring searcher on each call.
fn strip_all<'s>(mut s: &'s str, suffix: &str) -> &'s str {
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

/// The canonical name of an item, and whether the lexicon knows it.
fn canonical(ctx: &Ctx<'_>, surface: &str) -> (String, bool) {
    // An alias that holds 产业 (茶产业 of 茶叶) is looked up as written.
    let trimmed = strip_all(strip_all(surface, "产业集群"), "产业");
    let lookup = &ctx.res.lexical.industry_lookup;
    if let Some(name) = lookup.get(trimmed).or_else(|| lookup.get(surface)) {
        return (name.clone(), true);
    }
    // 汽车及零部件: a known sector with its parts is a sector, named as written.
    if parts_head(trimmed).is_some_and(|head| ctx.res.lexical.industry_lookup.contains_key(head)) {
        return (trimmed.to_owned(), true);
    }
    // An adjective is dropped only when what remains is a known sector (高端预制菜 → 预制菜);
    // 智能制造 stays 智能制造.
    let mut bare = trimmed;
    for adj in ADJECTIVES {
        if let Some(rest) = bare.strip_prefix(adj) {
            bare = rest;
        }
    }
    match ctx.res.lexical.industry_lookup.get(bare) {
        Some(name) => (name.clone(), true),
        None => (trimmed.to_owned(), false),
    }
}

/// The places that develop what `span` names: the first place or zone with a code named
/// before it in its own clause (…，高新区将打造氢能产业集群), else in its sentence, and the
/// places listed with it (黎平县、从江县要大力发展乡村旅游).
fn subjects_of(ctx: &Ctx<'_>, rec: &Recognition, span: Span) -> Vec<LocalId> {
    let sent = ctx.sentence(span);
    let cl = ctx.clause(Span::new(span.start, span.start));
    let in_clause = rec.places_in(Span::new(cl.start.max(sent.start), span.start));
    let places = if in_clause.iter().any(|(_, id)| is_subject(rec, *id)) {
        in_clause
    } else {
        rec.places_in(Span::new(sent.start, span.start))
    };
    // A place named inside a longer one (鄂尔多斯 in 鄂尔多斯高新技术产业开发区) is not the subject.
    let outer = |s: Span| !places.iter().any(|(o, _)| o.contains(s) && o.len() > s.len());
    // 泰兴市以泰兴经济开发区为载体，推动…: what 以…为 takes as its means is not the subject.
    let means = |s: Span| ctx.text[..s.start].ends_with('以') && ctx.text[s.end..].starts_with('为');
    let outers: Vec<(Span, LocalId)> = places.iter().copied().filter(|(s, _)| outer(*s)).collect();
    let Some(first) = outers.iter().position(|(s, id)| is_subject(rec, *id) && !means(*s)) else {
        return Vec::new();
    };
    let mut subjects = vec![outers[first].1];
    let mut end = outers[first].0.end;
    for &(s, id) in &outers[first + 1..] {
        // Two mentions may overlap without one holding the other (和县 | 县电商产业园): the
        // list ends there.
        let joiner = ctx.text.get(end..s.start);
        if !joiner.is_some_and(|j| LIST_JOINERS.contains(&j)) || !is_subject(rec, id) {
            break;
        }
        if !subjects.contains(&id) {
            subjects.push(id);
        }
        end = s.end;
    }
    subjects
}

/// Whether `before` ends with a verb that opens a list (each is two characters).
fn ends_with_list_verb(before: &str) -> bool {
    let from = before.char_indices().rev().nth(1).map_or(0, |(i, _)| i);
    LIST_VERBS.contains(&&before[from..])
}

/// Ranks that stand between a sector and its head word (中医药首位产业, 电子信息主导产业).
const RANKS: &[&str] = &["首位", "主导", "支柱", "龙头", "优势", "特色", "重点", "新兴"];

/// Prepositions whose object is the list before a head word (把汽车产业作为首位产业).
const LIST_OBJECT_OF: &[char] = &['把', '将', '对', '以', '让', '使', '靠', '凭'];

/// Verbs whose object is an honour a place won (获评, 荣获 …).
const HONOURED: &[&str] = &["获评", "荣获", "被评为", "被命名为"];

/// Words after a head word that name the people, money or rules of an industry.
const NOT_OF_SECTOR: &[&str] = &[
    "人才",
    "工人",
    "资金",
    "基金",
    "政策",
    "工作专班",
    "专班",
    "工作者",
    "体系",
    "品牌",
    "结构",
    "格局",
];

/// What joins the places of a list.
const LIST_JOINERS: &[&str] = &["、", "和", "与", "及", "以及"];

/// A place that can develop an industry: a division with a code, or a zone.
fn is_subject(rec: &Recognition, id: LocalId) -> bool {
    rec.entities[id]
        .place()
        .is_some_and(|p| p.adcode.is_some() || p.level == Some(crate::model::PlaceLevel::Zone))
}
