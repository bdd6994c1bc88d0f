//! Figures in Chinese text: money, percentages, counts and measures, parsed exactly.
//!
//! [`scan`] finds every figure in a stretch of text; [`parse_amount`] parses one figure
//! written alone; [`parse_number`] parses a bare number in Arabic or Chinese numerals.
//!
//! Values are exact [`Decimal`]s in base units (1.02万亿元 is `1020000000000` yuan): no
//! floating point is used anywhere, and every multiplication is checked, so a number too
//! large for a `Decimal` is skipped rather than wrapped or rounded.
//!
//! The scanner is hand-written and runs in time linear in the length of the text: each
//! candidate number is read once, and a candidate that fails is skipped as a whole.
//!
//! What is *not* a figure: years and dates (2023年, 1—11月), times (06:41), ordinals
//! (第77位), bare numbers with no unit (3067), digits inside Latin words (Mate40, 5G),
//! and Chinese numerals used as words (一把手, 十四五, 三个学). Chinese numerals are only
//! read as money (五百亿, 百亿元, 十二万元), as percentages (百分之十) or as measures with a
//! multiplier (十万亩); a count in Chinese numerals (三个, 十个) is never emitted.

use crate::chars::{by_first_char, CharSet};
use crate::model::{Amount, Unit};
use crate::span::Span;
use rust_decimal::Decimal;
use std::sync::LazyLock;

/// One figure found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Byte span of the figure in the scanned text, hedge words (超, 以上 …) included.
    pub span: Span,
    /// What the figure is.
    pub kind: FigureKind,
}

/// What a [`Figure`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureKind {
    /// A parsed figure.
    Amount(Amount),
    /// A redacted figure (×亿元, ×%, X亿元, ××万元): a placeholder, not a number. It must
    /// never become an Amount.
    Redacted,
}

/// Every figure in `text[within]`, in text order, non-overlapping (leftmost-longest).
///
/// Spans are byte offsets into `text` (not relative to `within`) and always lie on
/// character boundaries inside `within`. A `within` that is not on character boundaries
/// is shrunk to the nearest boundaries inside it; one past the end of `text` is clipped;
/// an empty or reversed one yields nothing. The text before `within` is read as context
/// (so the 第 of 第77位 still marks an ordinal), but nothing after `within.end` is.
///
/// Hedges make a figure approximate and are part of its span: prefixes 超/超过/逾/近/约/
/// 突破/不到/不足/将近/接近/至少/过/上(百亿), infixes 多/余 (3100多亿元), suffixes
/// 以上/以下/以内/左右/上下, and the scale word 级 (千亿级).
///
/// # Example
/// ```
/// use interview_kg::figures::{scan, FigureKind};
/// use interview_kg::Unit;
/// use interview_kg::Span;
///
/// let text = "总投资1.02万亿元的876个项目,增速×%,GDP增长6.5%以上,2023年";
/// let figures = scan(text, Span::new(0, text.len()));
/// let found: Vec<&str> = figures.iter().map(|f| &text[f.span.range()]).collect();
/// assert_eq!(found, ["1.02万亿元", "876个", "×%", "6.5%以上"]);
///
/// let FigureKind::Amount(money) = &figures[0].kind else { panic!() };
/// assert_eq!(money.value.to_string(), "1020000000000");
/// assert_eq!(money.unit, Unit::Cny);
/// assert!(!money.approx);
/// assert_eq!(figures[2].kind, FigureKind::Redacted);
/// let FigureKind::Amount(growth) = &figures[3].kind else { panic!() };
/// assert_eq!((growth.value.to_string().as_str(), growth.approx), ("6.5", true));
/// ```
pub fn scan(text: &str, within: Span) -> Vec<Figure> {
    let starts = figure_starts();
    // On to the next character a figure may start at (most characters of a page are none),
    // in one pass of the decoder.
    scan_from_starts(text, within, |hay, pos| {
        hay[pos..]
            .char_indices()
            .find(|(_, c)| starts.contains(*c))
            .map(|(i, c)| (pos + i, c))
    })
}

/// [`scan`], told where figures may start: `next_start(hay, pos)` is the first character at
/// or after byte `pos` of `hay` (the text up to the end of `within`) that one of
/// [`figure_start_chars`] is, with its position.
pub(crate) fn scan_from_starts(
    text: &str,
    within: Span,
    mut next_start: impl FnMut(&str, usize) -> Option<(usize, char)>,
) -> Vec<Figure> {
    let Some((start, end)) = clamp(text, within) else {
        return Vec::new();
    };
    let hay = &text[..end];
    let mut out = Vec::new();
    let mut pos = start;
    let mut floor = start;
    while pos < end {
        let Some((at, c)) = next_start(hay, pos) else {
            break;
        };
        pos = at;
        let step = pos + c.len_utf8();
        let res = if digit_val(c).is_some() {
            Some(digits_figure(hay, pos, floor))
        } else if hay[pos..].starts_with("百分之") {
            Some(percent_words(hay, pos, floor))
        } else if is_cn_numeral(c) {
            Some(chinese_figure(hay, pos, floor))
        } else if is_redact_char(c) {
            Some(redacted_figure(hay, pos, floor))
        } else {
            None
        };
        match res {
            Some(Ok(fig)) => {
                pos = fig.span.end.max(step);
                floor = pos;
                out.push(fig);
            }
            Some(Err(skip)) => pos = skip.max(step),
            None => pos = step,
        }
    }
    out
}

/// Parse one figure written alone ("1.02万亿元", "超百亿元", "6.5%", "80个"), or `None`.
///
/// The whole of `s` (less surrounding whitespace) must be one figure as [`scan`] would
/// find it; a redacted figure (×亿元) or a bare number (3100) is `None`.
///
/// ```
/// use interview_kg::figures::parse_amount;
/// let a = parse_amount("超百亿元").unwrap();
/// assert_eq!(a.value.to_string(), "10000000000");
/// assert!(a.approx);
/// assert!(parse_amount("3100").is_none());
/// ```
pub fn parse_amount(s: &str) -> Option<Amount> {
    let s = s.trim();
    let figures = scan(s, Span::new(0, s.len()));
    match figures.as_slice() {
        [Figure {
            span,
            kind: FigureKind::Amount(a),
        }] if span.start == 0 && span.end == s.len() => Some(a.clone()),
        _ => None,
    }
}

/// Parse a number written in Arabic or Chinese numerals with optional 万/亿/万亿
/// multipliers ("3100", "1.02万亿", "五百亿", "百", "十二", "３,１００"), or `None`.
///
/// Digit-by-digit Chinese numerals in year style ("二〇二三") are rejected, as is
/// anything with a unit, a hedge or trailing text.
///
/// ```
/// use interview_kg::figures::parse_number;
/// assert_eq!(parse_number("1.02万亿").unwrap().to_string(), "1020000000000");
/// assert_eq!(parse_number("五百亿").unwrap().to_string(), "50000000000");
/// assert!(parse_number("二〇二三").is_none());
/// ```
pub fn parse_number(s: &str) -> Option<Decimal> {
    let s = s.trim();
    let first = s.chars().next()?;
    if digit_val(first).is_some() {
        let run = scan_digit_run(s, 0);
        if !run.ok {
            return None;
        }
        let num = Decimal::from_str_exact(&run.text).ok()?;
        let tail = parse_tail(s, run.end, true, false, false);
        if tail.end != s.len() || tail.approx {
            return None;
        }
        Some(num.checked_mul(tail.mult)?.normalize())
    } else if s.chars().all(|c| is_cn_numeral(c) || c == '点') {
        parse_cn(s).map(|d| d.normalize())
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------
// Characters

/// The value of an ASCII or fullwidth digit.
fn digit_val(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn is_decimal_point(c: char) -> bool {
    matches!(c, '.' | '．')
}

fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cn_small(c: char) -> Option<u64> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

fn cn_big(c: char) -> Option<u64> {
    match c {
        '万' => Some(10_000),
        '亿' => Some(100_000_000),
        _ => None,
    }
}

fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_small(c).is_some() || cn_big(c).is_some()
}

/// The characters a figure may start at (a digit, a Chinese numeral, a redaction mark): one
/// bit look-up per character of the Basic Multilingual Plane, as most characters of a page
/// are none of these.
fn figure_starts() -> &'static CharSet {
    static STARTS: LazyLock<CharSet> = LazyLock::new(|| {
        CharSet::new(|c| digit_val(c).is_some() || is_cn_numeral(c) || is_redact_char(c) || c == '百')
    });
    &STARTS
}

/// Builds this module's tables now rather than on the first document (see
/// `crate::recognise::warm_up`).
pub(crate) fn warm_up() {
    figure_starts();
    match_unit("元", false);
}

/// Every character a figure may start at, in code point order: what [`scan_from_starts`]
/// asks for. (All lie in the Basic Multilingual Plane, whose characters the set was built
/// from: a test holds the set to its test beyond it.)
pub(crate) fn figure_start_chars() -> impl Iterator<Item = char> {
    let starts = figure_starts();
    (0..0x10000u32)
        .filter_map(char::from_u32)
        .filter(|c| starts.contains(*c))
}

fn is_redact_char(c: char) -> bool {
    matches!(c, '×' | 'X' | 'x' | 'Ｘ' | 'ｘ' | '✕')
}

/// A CJK ideograph (the common blocks).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// `within` shrunk to character boundaries inside `text`, or `None` when empty.
fn clamp(text: &str, within: Span) -> Option<(usize, usize)> {
    let len = text.len();
    let mut start = within.start.min(len);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = within.end.min(len);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (start < end).then_some((start, end))
}

// ---------------------------------------------------------------------------------------
// Units

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Money,
    Percent,
    Count,
    Other,
}

/// Unit words, longest first wherever one is a prefix of another.
const UNITS: &[(&str, Cat, &str)] = &[
    ("元人民币", Cat::Money, "CNY"),
    ("人民币", Cat::Money, "CNY"),
    ("美元", Cat::Money, "USD"),
    ("美金", Cat::Money, "USD"),
    ("欧元", Cat::Money, "EUR"),
    ("港元", Cat::Money, "HKD"),
    ("港币", Cat::Money, "HKD"),
    ("日元", Cat::Money, "JPY"),
    ("英镑", Cat::Money, "GBP"),
    ("元", Cat::Money, "CNY"),
    ("%", Cat::Percent, "percent"),
    ("％", Cat::Percent, "percent"),
    ("个百分点", Cat::Other, "pp"),
    ("百分点", Cat::Other, "pp"),
    ("平方公里", Cat::Other, "km2"),
    ("平方千米", Cat::Other, "km2"),
    ("平方米", Cat::Other, "m2"),
    ("立方米", Cat::Other, "m3"),
    ("公里", Cat::Other, "km"),
    ("千米", Cat::Other, "km"),
    ("公顷", Cat::Other, "ha"),
    ("千瓦时", Cat::Other, "kWh"),
    ("千瓦", Cat::Other, "kW"),
    ("兆瓦", Cat::Other, "MW"),
    ("标箱", Cat::Other, "TEU"),
    ("吨", Cat::Other, "t"),
    ("亩", Cat::Other, "mu"),
    ("米", Cat::Other, "m"),
    ("人次", Cat::Count, "count"),
    ("个", Cat::Count, "count"),
    ("家", Cat::Count, "count"),
    ("项", Cat::Count, "count"),
    ("条", Cat::Count, "count"),
    ("次", Cat::Count, "count"),
    ("篇", Cat::Count, "count"),
    ("位", Cat::Count, "count"),
    ("名", Cat::Count, "count"),
    ("人", Cat::Count, "count"),
    ("户", Cat::Count, "count"),
    ("所", Cat::Count, "count"),
    ("座", Cat::Count, "count"),
    ("栋", Cat::Count, "count"),
    ("套", Cat::Count, "count"),
    ("台", Cat::Count, "count"),
    ("辆", Cat::Count, "count"),
    ("架", Cat::Count, "count"),
    ("艘", Cat::Count, "count"),
    ("处", Cat::Count, "count"),
    ("批", Cat::Count, "count"),
    ("宗", Cat::Count, "count"),
    ("件", Cat::Count, "count"),
    ("只", Cat::Count, "count"),
    ("种", Cat::Count, "count"),
    ("类", Cat::Count, "count"),
    ("支", Cat::Count, "count"),
];

/// 个 followed by these is a duration or a colloquial percentage point, not a count.
const GE_NOT_COUNT: &[&str] = &[
    "月",
    "小时",
    "工作日",
    "星期",
    "礼拜",
    "季度",
    "年头",
    "半",
    "多月",
    "多小时",
    "钟头",
    "点",
];

/// The unit word at the start of `rest`, as (byte length, category, code).
///
/// `has_mult` says whether the number carried a multiplier (万, 亿 …).
fn match_unit(rest: &str, has_mult: bool) -> Option<(usize, Cat, &'static str)> {
    // Units by their first character, in the order of `UNITS` (longest first where they
    // share a start): one hash look-up instead of comparing every unit.
    type UnitWord = (&'static str, Cat, &'static str);
    static BY_FIRST: LazyLock<foldhash::HashMap<char, Vec<UnitWord>>> =
        LazyLock::new(|| by_first_char(UNITS, |unit| unit.0));
    let first = rest.chars().next()?;
    let &(word, cat, code) = BY_FIRST.get(&first)?.iter().find(|(w, _, _)| rest.starts_with(w))?;
    let after = &rest[word.len()..];
    let rejected = match word {
        "个" => GE_NOT_COUNT.iter().any(|w| after.starts_with(w)),
        "元" => after.starts_with(['旦', '宵', '素', '首', '帅', '件', '器', '月']),
        "位" => after.starts_with('数'),
        "人" => !has_mult && after.starts_with('民'),
        _ => false,
    };
    (!rejected).then_some((word.len(), cat, code))
}

fn make_unit(code: &str) -> Unit {
    match code {
        "CNY" => Unit::Cny,
        "USD" => Unit::Usd,
        "EUR" => Unit::Eur,
        "HKD" => Unit::Hkd,
        "percent" => Unit::Percent,
        "count" => Unit::Count,
        other => Unit::Other(other.to_string()),
    }
}

// ---------------------------------------------------------------------------------------
// Numbers

/// A run of Arabic digits with optional thousands groups and decimal part.
struct DigitRun {
    /// One past the run, including any trailing dotted segments (2021.01.14).
    end: usize,
    /// The number as ASCII, without group separators.
    text: String,
    /// Whether the run is a plain number (not 0763, not 1.2.3, not too long).
    ok: bool,
}

/// Longest number of significant digits accepted: a `Decimal` holds 28.
const MAX_DIGITS: usize = 28;

fn scan_digit_run(s: &str, p: usize) -> DigitRun {
    let mut i = p;
    let mut text = String::new();
    let mut ndigits = 0usize;
    let mut push = |text: &mut String, d: u32| {
        ndigits += 1;
        if ndigits <= MAX_DIGITS + 1 {
            text.push(char::from_digit(d, 10).unwrap_or('0'));
        }
    };
    let mut int_len = 0usize;
    while let Some(c) = char_at(s, i) {
        let Some(d) = digit_val(c) else { break };
        push(&mut text, d);
        int_len += 1;
        i += c.len_utf8();
    }
    let leading_zero = int_len > 1 && text.starts_with('0');
    // Thousands groups: 1,234,567 (exactly three digits after each comma).
    if int_len <= 3 {
        loop {
            if char_at(s, i) != Some(',') {
                break;
            }
            let mut j = i + 1;
            let mut group = [0u32; 3];
            let mut n = 0;
            while n < 3 {
                match char_at(s, j).and_then(|c| digit_val(c).map(|d| (c, d))) {
                    Some((c, d)) => {
                        group[n] = d;
                        n += 1;
                        j += c.len_utf8();
                    }
                    None => break,
                }
            }
            if n < 3 || char_at(s, j).and_then(digit_val).is_some() {
                break;
            }
            for d in group {
                push(&mut text, d);
            }
            i = j;
        }
    }
    let digit_after = |i: usize| {
        char_at(s, i)
            .filter(|&c| is_decimal_point(c))
            .and_then(|c| char_at(s, i + c.len_utf8()))
            .and_then(digit_val)
            .is_some()
    };
    let mut ok = !leading_zero;
    let mut dotted = 0;
    while digit_after(i) {
        dotted += 1;
        if dotted == 1 {
            text.push('.');
        } else {
            ok = false; // 1.2.3, 2021.01.14: a version or a date
        }
        i += char_at(s, i).map_or(1, char::len_utf8);
        while let Some(c) = char_at(s, i) {
            let Some(d) = digit_val(c) else { break };
            if dotted == 1 {
                push(&mut text, d);
            }
            i += c.len_utf8();
        }
    }
    if ndigits > MAX_DIGITS {
        ok = false;
    }
    DigitRun { end: i, text, ok }
}

/// The multipliers and 多/余 after a number, up to a unit word.
struct Tail {
    end: usize,
    mult: Decimal,
    approx: bool,
    /// Whether any multiplier was read.
    any_mult: bool,
    /// Whether 亿 was read.
    yi: bool,
}

/// Read `[多余]? [十百千]? [多余]? 万? [多余]? 亿? [多余]?` (one hedge at most), stopping
/// before a unit word, so that 20千米 is 20 km and 50万千瓦 is 500000 kW.
fn parse_tail(s: &str, mut i: usize, allow_small: bool, mut seen_wan: bool, mut seen_yi: bool) -> Tail {
    let mut mult = Decimal::ONE;
    let mut approx = false;
    let mut any_mult = false;
    let mut yi = false;
    let mut small_done = !allow_small;
    loop {
        let rest = &s[i..];
        if match_unit(rest, true).is_some() {
            break;
        }
        let Some(c) = rest.chars().next() else { break };
        let factor = match c {
            '多' | '余' if !approx => {
                // Taken only before a multiplier or unit, or at the end of a phrase:
                // 3100多亿元, 50多个, 3亿多。 but not the 多 of 过万亿多做贡献.
                let after = &rest[c.len_utf8()..];
                let take = match after.chars().next() {
                    None => true,
                    Some(n) => !is_han(n) || "十百千万亿".contains(n) || match_unit(after, true).is_some(),
                };
                if !take {
                    break;
                }
                approx = true;
                i += c.len_utf8();
                continue;
            }
            '十' | '百' | '千' if !small_done && !seen_wan && !seen_yi => {
                small_done = true;
                cn_small(c)
            }
            '万' if !seen_wan && !seen_yi => {
                seen_wan = true;
                small_done = true;
                Some(10_000)
            }
            '亿' if !seen_yi => {
                seen_yi = true;
                small_done = true;
                yi = true;
                Some(100_000_000)
            }
            _ => None,
        };
        let Some(f) = factor else { break };
        match mult.checked_mul(Decimal::from(f)) {
            Some(m) => mult = m,
            None => break,
        }
        any_mult = true;
        i += c.len_utf8();
    }
    Tail {
        end: i,
        mult,
        approx,
        any_mult,
        yi,
    }
}

/// An integer in Chinese numerals: 十二, 一百零五, 三万五千, 五百亿, 万亿, 一百二 (= 120).
/// Digit-by-digit forms (二〇二三, 十四五) and misordered units (千百) are rejected.
fn parse_cn_int(s: &str) -> Option<u64> {
    #[derive(Clone, Copy, PartialEq)]
    enum Tok {
        Start,
        Digit(u64),
        Small(u64),
        Big(u64),
    }
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut pending: Option<u64> = None;
    let mut unit_before_pending: Option<u64> = None;
    let mut last_small = u64::MAX;
    let mut seen_wan = false;
    let mut seen_yi = false;
    let mut last = Tok::Start;
    for c in s.chars() {
        if let Some(d) = cn_digit(c) {
            match last {
                Tok::Digit(pd) if pd != 0 || d == 0 => return None,
                _ => {}
            }
            if d != 0 {
                pending = Some(d);
                unit_before_pending = match last {
                    Tok::Small(u) | Tok::Big(u) => Some(u),
                    _ => None,
                };
            }
            last = Tok::Digit(d);
        } else if let Some(u) = cn_small(c) {
            let n = match pending.take() {
                Some(d) => d,
                None if last == Tok::Start => 1,
                None => return None,
            };
            if u >= last_small {
                return None;
            }
            section = section.checked_add(n.checked_mul(u)?)?;
            last_small = u;
            last = Tok::Small(u);
        } else if let Some(b) = cn_big(c) {
            let mut part = section.checked_add(pending.take().unwrap_or(0))?;
            if b == 10_000 {
                if seen_wan {
                    return None;
                }
                if part == 0 {
                    if last != Tok::Start {
                        return None;
                    }
                    part = 1;
                }
                total = total.checked_add(part.checked_mul(b)?)?;
                seen_wan = true;
            } else {
                if seen_yi {
                    return None;
                }
                if part == 0 && total == 0 {
                    if last != Tok::Start {
                        return None;
                    }
                    part = 1;
                }
                total = total.checked_add(part)?.checked_mul(b)?;
                seen_yi = true;
                seen_wan = false;
            }
            section = 0;
            last_small = u64::MAX;
            last = Tok::Big(b);
        } else {
            return None;
        }
    }
    if last == Tok::Start {
        return None;
    }
    let trailing = match (pending, unit_before_pending) {
        // 一百二 is 120, 三万五 is 35000: a digit right after a unit counts one place lower.
        (Some(d), Some(u)) => d.checked_mul(u / 10)?,
        (Some(d), None) => d,
        (None, _) => 0,
    };
    total.checked_add(section)?.checked_add(trailing)
}

/// A number in Chinese numerals, with an optional decimal part: 六点五, 一点零二万亿.
fn parse_cn(s: &str) -> Option<Decimal> {
    let Some((int_s, rest)) = s.split_once('点') else {
        return parse_cn_int(s).map(Decimal::from);
    };
    if int_s.is_empty() || int_s.contains(['万', '亿']) {
        return None;
    }
    let int = parse_cn_int(int_s)?;
    let mut frac = String::new();
    let mut mult_s = rest;
    for (k, c) in rest.char_indices() {
        match cn_digit(c) {
            Some(d) if c != '两' => frac.push(char::from_digit(d as u32, 10)?),
            _ => {
                mult_s = &rest[k..];
                break;
            }
        }
        mult_s = &rest[k + c.len_utf8()..];
    }
    if frac.is_empty() || frac.len() > MAX_DIGITS {
        return None;
    }
    let mult: u64 = match mult_s {
        "" => 1,
        "万" => 10_000,
        "亿" => 100_000_000,
        "万亿" => 1_000_000_000_000,
        _ => return None,
    };
    let value = Decimal::from_str_exact(&format!("{int}.{frac}")).ok()?;
    value.checked_mul(Decimal::from(mult))
}

// ---------------------------------------------------------------------------------------
// Hedges

/// Two-character hedge prefixes.
const PREFIXES_2: &[&str] = &["超过", "将近", "接近", "大约", "约为", "不到", "不足", "突破", "至少"];

/// Characters before 约 that make it part of a word (签约, 节约 …), not a hedge.
const NOT_BEFORE_YUE: &[char] = &[
    '签', '制', '节', '合', '邀', '公', '条', '履', '违', '预', '契', '特', '相', '集', '践', '守', '隐', '赴', '失',
    '解', '立', '租', '毁', '盟', '誓', '婚', '有', '之', '纽', '简',
];

/// Where a hedge prefix before `start` begins (not before `floor`), or `None`.
///
/// `implicit` says whether the number starts with a bare multiplier (百亿), the only case
/// where 上 (上百亿) is a hedge.
fn find_prefix(s: &str, floor: usize, start: usize, implicit: bool) -> Option<usize> {
    let before = s.get(floor..start)?;
    let ctx = |p: usize| char_before(s, p);
    for w in PREFIXES_2 {
        if before.ends_with(w) {
            let p = start - w.len();
            if w.starts_with('约') && ctx(p).is_some_and(|c| NOT_BEFORE_YUE.contains(&c)) {
                return None;
            }
            return Some(p);
        }
    }
    let c = before.chars().next_back()?;
    let p = start - c.len_utf8();
    let prev = ctx(p);
    let ok = match c {
        '超' => prev != Some('赶'),
        '逾' => true,
        '近' => !prev.is_some_and(|c| "最附临邻靠就亲贴将接".contains(c)),
        '约' => !prev.is_some_and(|c| NOT_BEFORE_YUE.contains(&c)),
        // 过 is mostly an aspect particle (做过3次); a hedge only after a measure noun.
        '过' => !prev.is_some_and(|c| is_han(c) && !"量值额模入收资口数均产".contains(c)),
        '上' => implicit && !prev.is_some_and(|c| "以加之向马线网会面身".contains(c)),
        _ => false,
    };
    ok.then_some(p)
}

/// The scale word 级 (money only) and a hedge suffix after a figure ending at `i`.
fn find_suffix(s: &str, mut i: usize, money: bool) -> (usize, bool) {
    let mut approx = false;
    if money && s[i..].starts_with('级') {
        i += '级'.len_utf8();
        approx = true;
    }
    let rest = &s[i..];
    for w in ["以上", "以下", "以内", "左右", "上下"] {
        let Some(after) = rest.strip_prefix(w) else {
            continue;
        };
        let next = after.chars().next();
        let ok = match w {
            "以上" => next != Some('率'),
            "左右" => !next.is_some_and(|c| "开逢为着了局摇手两".contains(c)),
            "上下" => !next.is_some_and(|c| is_han(c) && c != '的'),
            _ => true,
        };
        if ok {
            i += w.len();
            approx = true;
        }
        break;
    }
    (i, approx)
}

// ---------------------------------------------------------------------------------------
// Matchers: each returns the figure found at `p`, or where to resume scanning.

type Found = Result<Figure, usize>;

fn amount_figure(start: usize, end: usize, value: Decimal, code: &str, approx: bool) -> Figure {
    Figure {
        span: Span::new(start, end),
        kind: FigureKind::Amount(Amount {
            value: value.normalize(),
            unit: make_unit(code),
            approx,
        }),
    }
}

/// A figure starting with Arabic digits: 1.02万亿元, 6.5%, 80个, 191.8平方公里.
fn digits_figure(s: &str, p: usize, floor: usize) -> Found {
    let run = scan_digit_run(s, p);
    let skip = run.end;
    if !run.ok {
        return Err(skip);
    }
    let prev = char_before(s, p);
    if matches!(prev, Some('第' | '每')) {
        return Err(skip);
    }
    let after_word_dot = prev
        .filter(|&c| is_decimal_point(c))
        .is_some_and(|dot| char_before(s, p - dot.len_utf8()).is_some_and(|c| c.is_ascii_alphanumeric()));
    if after_word_dot {
        return Err(skip); // ID.4
    }
    let latin_prev = prev.is_some_and(|c| c.is_ascii_alphabetic());
    if char_at(s, run.end).is_some_and(|c| c.is_ascii_alphabetic()) {
        return Err(skip); // 5G, 3.8L, 5A级
    }
    let Ok(num) = Decimal::from_str_exact(&run.text) else {
        return Err(skip);
    };
    // One space is allowed before a money or percent word: "1.02 万亿元", "6.5 %".
    let mut i = run.end;
    let mut spaced = false;
    if let Some(sp @ (' ' | '\u{a0}')) = char_at(s, i) {
        let after = &s[i + sp.len_utf8()..];
        if ["万", "亿", "元", "%", "％", "美元", "欧元", "港元", "港币"]
            .iter()
            .any(|w| after.starts_with(w))
        {
            i += sp.len_utf8();
            spaced = true;
        }
    }
    let tail = parse_tail(s, i, true, false, false);
    let Some(value) = num.checked_mul(tail.mult) else {
        return Err(skip);
    };
    let (end, cat, code) = match match_unit(&s[tail.end..], tail.any_mult) {
        Some((len, cat, code)) => (tail.end + len, cat, code),
        None if tail.yi && bare_yi_is_money(&s[tail.end..]) => (tail.end, Cat::Money, "CNY"),
        None => return Err(skip),
    };
    if (spaced || latin_prev) && !matches!(cat, Cat::Money | Cat::Percent) {
        return Err(skip);
    }
    if cat == Cat::Count && !value.fract().is_zero() {
        return Err(skip);
    }
    let mut start = p;
    let mut value = value;
    // A minus sign before a percentage: 增速-3.2%.
    if cat == Cat::Percent {
        if let Some(m @ ('-' | '−')) = prev {
            let mp = p - m.len_utf8();
            // Only after a word or an opening: not in a range (5%-8%, 2021-3).
            let before = char_before(s, mp);
            let sign_context = match before {
                None => true,
                Some(c) => is_han(c) || c.is_whitespace() || "(（:：,，、;；".contains(c),
            };
            if mp >= floor && sign_context {
                start = mp;
                value = -value;
            }
        }
    }
    let (end, suffix_approx) = find_suffix(s, end, cat == Cat::Money);
    let mut approx = tail.approx || suffix_approx;
    if start == p {
        if let Some(ps) = find_prefix(s, floor, p, false) {
            start = ps;
            approx = true;
        }
    }
    Ok(amount_figure(start, end, value, code, approx))
}

/// 百分之十, 百分之六点五, 百分之6.5.
fn percent_words(s: &str, p: usize, floor: usize) -> Found {
    let q = p + "百分之".len();
    let c = char_at(s, q);
    let (value, end) = if c.and_then(digit_val).is_some() {
        let run = scan_digit_run(s, q);
        if !run.ok || char_at(s, run.end).is_some_and(|c| c.is_ascii_alphabetic()) {
            return Err(run.end);
        }
        match Decimal::from_str_exact(&run.text) {
            Ok(v) => (v, run.end),
            Err(_) => return Err(run.end),
        }
    } else {
        let r_end = cn_run_end(s, q);
        if r_end == q {
            return Err(q);
        }
        match parse_cn(&s[q..r_end]) {
            Some(v) => (v, r_end),
            None => return Err(r_end),
        }
    };
    let (end, mut approx) = find_suffix(s, end, false);
    let mut start = p;
    if let Some(ps) = find_prefix(s, floor, p, false) {
        start = ps;
        approx = true;
    }
    Ok(amount_figure(start, end, value, "percent", approx))
}

/// One past the maximal run of Chinese numerals at `p` (with 点 inside a number), leaving
/// out a final 千 that starts 千瓦 or 千米.
fn cn_run_end(s: &str, p: usize) -> usize {
    let mut i = p;
    while let Some(c) = char_at(s, i) {
        let next = char_at(s, i + c.len_utf8());
        if c == '千' && i > p && matches!(next, Some('瓦' | '米')) {
            break;
        }
        let take = is_cn_numeral(c) || (c == '点' && i > p && next.is_some_and(|n| cn_digit(n).is_some() && n != '两'));
        if !take {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// A figure in Chinese numerals: 五百亿, 百亿元, 十二万元, 千亿级, 三百多亿元.
fn chinese_figure(s: &str, p: usize, floor: usize) -> Found {
    let r_end = cn_run_end(s, p);
    let skip = r_end;
    let r = &s[p..r_end];
    let Some(first) = r.chars().next() else {
        return Err(skip);
    };
    let prev = char_before(s, p);
    if matches!(prev, Some('第' | '每')) {
        return Err(skip);
    }
    let implicit = cn_digit(first).is_none();
    if implicit && prev.is_some_and(|c| "几数多余来".contains(c) || digit_val(c).is_some()) {
        return Err(skip); // 几十亿, 数百亿: not a figure
    }
    let Some(value) = parse_cn(r) else {
        return Err(skip);
    };
    let has_big = r.contains(['百', '千', '万', '亿']);
    let r_has_big = r.contains(['万', '亿']);
    let single = r.chars().count() == 1;
    let tail = parse_tail(s, r_end, false, r_has_big, r_has_big);
    if single && implicit && first != '亿' && !tail.any_mult {
        return Err(skip); // 万元, 百米, 千家: words, not figures
    }
    let Some(value) = value.checked_mul(tail.mult) else {
        return Err(skip);
    };
    let multiplied = has_big || tail.any_mult;
    let yi = r.contains('亿') || tail.yi;
    let prefix = find_prefix(s, floor, p, implicit);
    let (end, cat, code) = match match_unit(&s[tail.end..], multiplied) {
        Some((len, cat, code)) => (tail.end + len, cat, code),
        None if yi && bare_yi_is_money(&s[tail.end..]) => (tail.end, Cat::Money, "CNY"),
        None => return Err(skip),
    };
    let bare = end == tail.end;
    let ok = match cat {
        Cat::Money => multiplied,
        Cat::Percent => true,
        Cat::Other => multiplied || code == "pp",
        Cat::Count => false,
    };
    if !ok {
        return Err(skip);
    }
    let (end, suffix_approx) = find_suffix(s, end, cat == Cat::Money);
    // A lone 亿 with no unit (亿利, 亿航 are companies) needs a hedge or 级: 上亿, 过亿.
    if single && first == '亿' && bare && prefix.is_none() && !suffix_approx {
        return Err(skip);
    }
    let approx = tail.approx || suffix_approx || prefix.is_some();
    Ok(amount_figure(prefix.unwrap_or(p), end, value, code, approx))
}

/// Whether a figure in 亿 without a unit is money: not when a measure follows it (上千亿斤,
/// 3亿吨, 5亿人次, 2亿千瓦时), which [`match_unit`] does not know.
fn bare_yi_is_money(rest: &str) -> bool {
    !rest.starts_with(|c: char| "斤吨亩人度件只头株棵双台辆套米升方条粒袋瓶箱张户次千立平支片颗部".contains(c))
}

/// A redacted figure: ×亿元, ×%, X亿元, ××万元, ×.×%.
fn redacted_figure(s: &str, p: usize, floor: usize) -> Found {
    let mut i = p;
    while let Some(c) = char_at(s, i).filter(|&c| is_redact_char(c)) {
        i += c.len_utf8();
    }
    if let Some(d) = char_at(s, i).filter(|&c| is_decimal_point(c)) {
        let mut j = i + d.len_utf8();
        let k = j;
        while let Some(c) = char_at(s, j).filter(|&c| is_redact_char(c)) {
            j += c.len_utf8();
        }
        if j > k {
            i = j;
        }
    }
    let skip = i;
    let prev = char_before(s, p);
    if prev.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '第' | '每'))
        || char_at(s, i).is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return Err(skip);
    }
    let tail = parse_tail(s, i, true, false, false);
    let end = match match_unit(&s[tail.end..], tail.any_mult) {
        Some((len, cat, _)) => {
            let (end, _) = find_suffix(s, tail.end + len, cat == Cat::Money);
            end
        }
        None if tail.yi => find_suffix(s, tail.end, true).0,
        None => return Err(skip),
    };
    let start = find_prefix(s, floor, p, false).unwrap_or(p);
    Ok(Figure {
        span: Span::new(start, end),
        kind: FigureKind::Redacted,
    })
}

// ---------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn figures_start_only_at_characters_of_the_basic_plane() {
        for c in (0x10000..=0x10FFFF).filter_map(char::from_u32) {
            assert!(!figure_starts().contains(c), "{c:?}");
        }
        let starts: Vec<char> = figure_start_chars().collect();
        assert!(
            starts.contains(&'7') && starts.contains(&'亿') && starts.contains(&'×'),
            "{starts:?}"
        );
    }

    fn all(text: &str) -> Vec<Figure> {
        let figs = scan(text, Span::new(0, text.len()));
        check_spans(text, Span::new(0, text.len()), &figs);
        figs
    }

    /// Every span slices `text` on char boundaries, lies inside `within`, and the spans
    /// are in order and disjoint.
    fn check_spans(text: &str, within: Span, figs: &[Figure]) {
        let mut last = 0;
        for f in figs {
            assert!(f.span.start < f.span.end, "empty span in {text:?}");
            assert!(within.contains(f.span), "{} outside {within} in {text:?}", f.span);
            assert!(f.span.text(text).is_some(), "{} not on char boundaries", f.span);
            assert!(f.span.start >= last, "overlap at {} in {text:?}", f.span);
            last = f.span.end;
        }
    }

    #[test]
    fn bare_yi_before_a_measure_is_no_money() {
        for text in ["大豆上千亿斤", "年产3亿吨", "接待游客5亿人次", "发电2亿千瓦时"] {
            assert!(
                all(text)
                    .iter()
                    .all(|f| !matches!(&f.kind, FigureKind::Amount(a) if a.unit.is_money())),
                "{text}"
            );
        }
        let money = parse_amount("上千亿").expect("a bare 亿 is money");
        assert!(money.unit.is_money());
    }

    /// (text, span text, value, unit, approx): the text holds exactly this one figure.
    const ONE: &[(&str, &str, &str, &str, bool)] = &[
        // Money
        ("总投资1.02万亿元、", "1.02万亿元", "1020000000000", "CNY", false),
        ("年度计划投资2131亿元的", "2131亿元", "213100000000", "CNY", false),
        ("733亿元", "733亿元", "73300000000", "CNY", false),
        ("突破3100多亿元大关", "突破3100多亿元", "310000000000", "CNY", true),
        ("3100多亿元", "3100多亿元", "310000000000", "CNY", true),
        ("三个超百亿元项目", "超百亿元", "10000000000", "CNY", true),
        ("三个超百亿元以上的单体", "超百亿元以上", "10000000000", "CNY", true),
        ("投入0.4亿元", "0.4亿元", "40000000", "CNY", false),
        ("等五百亿以上产业集群", "五百亿以上", "50000000000", "CNY", true),
        ("工业产值200亿", "200亿", "20000000000", "CNY", false),
        ("实现200亿产值", "200亿", "20000000000", "CNY", false),
        ("2×60万千瓦机组", "60万千瓦", "600000", "kW", false),
        ("装机百万千瓦", "百万千瓦", "1000000", "kW", false),
        ("5G基站1200个", "1200个", "1200", "count", false),
        ("PM2.5浓度下降10%", "10%", "10", "percent", false),
        ("每户1万元", "1万元", "10000", "CNY", false),
        ("奖励12万元", "12万元", "120000", "CNY", false),
        ("售价199900元", "199900元", "199900", "CNY", false),
        ("售价19.99万元起", "19.99万元", "199900", "CNY", false),
        ("营收204亿美元 利润", "204亿美元", "20400000000", "USD", false),
        ("净利润5.857亿美元", "5.857亿美元", "585700000", "USD", false),
        ("投资3亿欧元", "3亿欧元", "300000000", "EUR", false),
        ("12亿港元", "12亿港元", "1200000000", "HKD", false),
        ("12亿港币", "12亿港币", "1200000000", "HKD", false),
        ("50亿元人民币", "50亿元人民币", "5000000000", "CNY", false),
        ("50亿人民币", "50亿人民币", "5000000000", "CNY", false),
        ("打造百亿元产业", "百亿元", "10000000000", "CNY", false),
        ("迈向万亿级城市", "万亿级", "1000000000000", "CNY", true),
        ("经济总量过万亿", "过万亿", "1000000000000", "CNY", true),
        ("为经济总量过万亿多做贡献", "过万亿", "1000000000000", "CNY", true),
        ("营收3亿多,", "3亿多", "300000000", "CNY", true),
        ("等千亿级产业集群", "千亿级", "100000000000", "CNY", true),
        ("百亿级农业产业", "百亿级", "10000000000", "CNY", true),
        ("GDP超3000亿元的目标", "超3000亿元", "300000000000", "CNY", true),
        ("营收近5000万元", "近5000万元", "50000000", "CNY", true),
        ("约20亿元", "约20亿元", "2000000000", "CNY", true),
        ("逾8亿元", "逾8亿元", "800000000", "CNY", true),
        ("超过1亿元", "超过1亿元", "100000000", "CNY", true),
        ("3亿元左右,", "3亿元左右", "300000000", "CNY", true),
        ("300余亿元", "300余亿元", "30000000000", "CNY", true),
        ("3万多元", "3万多元", "30000", "CNY", true),
        ("3千万元", "3千万元", "30000000", "CNY", false),
        ("十二万元", "十二万元", "120000", "CNY", false),
        ("一千零五十亿元", "一千零五十亿元", "105000000000", "CNY", false),
        ("两千万元", "两千万元", "20000000", "CNY", false),
        ("三百多亿元", "三百多亿元", "30000000000", "CNY", true),
        ("十多亿元", "十多亿元", "1000000000", "CNY", true),
        ("三点五亿元", "三点五亿元", "350000000", "CNY", false),
        ("投资上百亿元", "上百亿元", "10000000000", "CNY", true),
        ("投资过亿", "过亿", "100000000", "CNY", true),
        ("亿元以上项目", "亿元以上", "100000000", "CNY", true),
        ("1,234亿元", "1,234亿元", "123400000000", "CNY", false),
        ("１．０２万亿元", "１．０２万亿元", "1020000000000", "CNY", false),
        ("完成 1.02 万亿元", "1.02 万亿元", "1020000000000", "CNY", false),
        ("GDP3000亿元", "3000亿元", "300000000000", "CNY", false),
        ("5000亿级", "5000亿级", "500000000000", "CNY", true),
        ("３亿日元", "３亿日元", "300000000", "JPY", false),
        // Percent
        ("GDP增长6.5%以上,全力", "6.5%以上", "6.5", "percent", true),
        ("占全市税收的55.12%。", "55.12%", "55.12", "percent", false),
        ("增长６.５％", "６.５％", "6.5", "percent", false),
        ("增长百分之十", "百分之十", "10", "percent", false),
        ("百分之六点五", "百分之六点五", "6.5", "percent", false),
        ("百分之6.5", "百分之6.5", "6.5", "percent", false),
        ("百分之百", "百分之百", "100", "percent", false),
        ("增长6.5%", "6.5%", "6.5", "percent", false),
        ("增速-3.2%", "-3.2%", "-3.2", "percent", false),
        ("(−0.5%)", "−0.5%", "-0.5", "percent", false),
        ("增长10%左右", "10%左右", "10", "percent", true),
        ("增长7%上下。", "7%上下", "7", "percent", true),
        ("控制在3%以内", "3%以内", "3", "percent", true),
        ("增长6.50%", "6.50%", "6.5", "percent", false),
        ("提高2.5个百分点", "2.5个百分点", "2.5", "pp", false),
        ("提高三个百分点", "三个百分点", "3", "pp", false),
        // Counts
        ("共引进项目80个。", "80个", "80", "count", false),
        ("的876个重点项目", "876个", "876", "count", false),
        ("新引进项目391个、", "391个", "391", "count", false),
        ("等46个重中之重", "46个", "46", "count", false),
        ("等9个", "9个", "9", "count", false),
        ("等122个项目", "122个", "122", "count", false),
        ("大幅提升了13位,", "13位", "13", "count", false),
        ("建设3条市级", "3条", "3", "count", false),
        ("四个方面16项工作任务", "16项", "16", "count", false),
        ("特别是17次到漳州调研", "17次", "17", "count", false),
        ("转载相关新闻520篇,", "520篇", "520", "count", false),
        ("创建1家企业", "1家", "1", "count", false),
        ("门店突破600家", "突破600家", "600", "count", true),
        ("超过50人参加", "超过50人", "50", "count", true),
        ("共收到提案1192件", "1192件", "1192", "count", false),
        ("1400万人", "1400万人", "14000000", "count", false),
        ("14亿人民", "14亿人", "1400000000", "count", false),
        ("1.5万人次", "1.5万人次", "15000", "count", false),
        ("50多个", "50多个", "50", "count", true),
        ("20余家", "20余家", "20", "count", true),
        ("3所学校", "3所", "3", "count", false),
        ("5辆", "5辆", "5", "count", false),
        ("引进3个上下游企业", "3个", "3", "count", false),
        ("签约12个项目", "12个", "12", "count", false),
        ("做过3次", "3次", "3", "count", false),
        ("最近10个", "10个", "10", "count", false),
        ("100户", "100户", "100", "count", false),
        // Other units
        ("规划总面积191.8平方公里的", "191.8平方公里", "191.8", "km2", false),
        ("面积超12万平方米的绿化", "超12万平方米", "120000", "m2", true),
        ("沿岸20公里长", "20公里", "20", "km", false),
        ("全长20千米", "20千米", "20", "km", false),
        ("50米宽", "50米", "50", "m", false),
        ("3000亩", "3000亩", "3000", "mu", false),
        ("产能500万吨", "500万吨", "5000000", "t", false),
        ("100吨", "100吨", "100", "t", false),
        ("装机50万千瓦", "50万千瓦", "500000", "kW", false),
        ("100千瓦", "100千瓦", "100", "kW", false),
        ("发电1.2亿千瓦时", "1.2亿千瓦时", "120000000", "kWh", false),
        ("吞吐量300万标箱", "300万标箱", "3000000", "TEU", false),
        ("十万亩", "十万亩", "100000", "mu", false),
        ("200公顷", "200公顷", "200", "ha", false),
        // Checked arithmetic: fits in a Decimal
        (
            "９９９９９９９９９９万亿元",
            "９９９９９９９９９９万亿元",
            "9999999999000000000000",
            "CNY",
            false,
        ),
    ];

    /// Texts that hold no figure at all.
    const NONE: &[&str] = &[
        "",
        "2023年",
        "2022年12月27日起",
        "今年1—11月,制造业",
        "2017年高新区",
        "06:41",
        "发表时间:2021-01-14 06:41",
        "张国旺  第1张",
        "第三",
        "3067",
        "\n 3067\n",
        "bf96360b9d2a6ab4",
        "13812345678",
        "0763-3380000",
        "一是发挥引领作用",
        "二是丰富学习方式",
        "“三个学”让",
        "一把手访谈",
        "一带一路",
        "十四五规划",
        "党的十九大",
        "二十届三中全会",
        "‘1+1+9’工作部署",
        "以“2+4+N”产业",
        "七比一看",
        "四个一",
        "一行路",
        "三个",
        "十个宣讲团",
        "两大工业园区",
        "五件大事",
        "千名干部挂千企",
        "千方百计",
        "千百亿产业培育",
        "千家万户",
        "万元GDP能耗",
        "每万人",
        "每10万人拥有",
        "肇庆万达国家度假区",
        "亿利集团",
        "亿万群众",
        "数百亿元",
        "几十亿元",
        "十几亿元",
        "3天逾3万游客",
        "预售13.58万起",
        "综合排名从第77位跃升至第64位",
        "第10000辆小鹏汽车",
        "第18届",
        "5A级旅游景区",
        "5G手机",
        "华为Mate40 Pro",
        "荣耀V40发布",
        "大众ID.4 CROZZ",
        "钉钉6.0:开放",
        "1300+开发接口",
        "3.8L/百公里",
        "1.5T发动机",
        "经济特区建立40周年",
        "北京地铁4号线",
        "羊晚24小时",
        "2021.01.14",
        "1.2.3个",
        "30多年",
        "3个月",
        "3个多月",
        "2个半小时",
        "2.5个",
        "2021元旦",
        "2021人民网",
        "两位数增长",
        "×区",
        "×",
        "我们×区还是抓落实",
        "全市排名第×",
        "SpaceX亿",
        "max个",
        "二〇二三年",
        "百分之",
        "百分百",
        "多元化",
        "二元结构",
        "三元里",
        "百米冲刺",
        "千米",
        "万亩良田",
        "一个亿",
        "G15沈海高速",
        "3D打印",
        "7×24小时",
        "一点一滴",
        "两点一线",
        "千万不能",
        "万众一心",
        "上千人",
        "一百多个",
        "近百家企业",
        "做过3年",
        "９９９９９９９９９９９９９９９９９９９９万亿元",
    ];

    /// Texts that hold exactly one redacted figure, with its span text.
    const REDACTED: &[(&str, &str)] = &[
        ("生产总值完成×亿元,", "×亿元"),
        ("增速×%", "×%"),
        ("完成X亿元", "X亿元"),
        ("投资×万元", "×万元"),
        ("投资××亿元", "××亿元"),
        ("增速×.×%", "×.×%"),
        ("引进×个项目", "×个"),
        ("超×亿元", "超×亿元"),
        ("Ｘ亿", "Ｘ亿"),
    ];

    fn amount_of(f: &Figure) -> &Amount {
        match &f.kind {
            FigureKind::Amount(a) => a,
            FigureKind::Redacted => panic!("redacted, expected an amount"),
        }
    }

    #[test]
    fn single_figures() {
        let mut failures = Vec::new();
        for &(text, span_text, value, unit, approx) in ONE {
            let figs = all(text);
            let got: Vec<(&str, String, &str, bool)> = figs
                .iter()
                .filter_map(|f| match &f.kind {
                    FigureKind::Amount(a) => {
                        Some((&text[f.span.range()], a.value.to_string(), a.unit.as_str(), a.approx))
                    }
                    FigureKind::Redacted => None,
                })
                .collect();
            let want = (span_text, value.to_string(), unit, approx);
            if figs.len() != 1 || got.len() != 1 || got[0] != want {
                failures.push(format!("{text:?}: got {got:?}, want {want:?}"));
                continue;
            }
            let a = amount_of(&figs[0]);
            assert_eq!(a.value, Decimal::from_str(value).unwrap(), "{text:?}");
            // The span, parsed alone, gives the same amount.
            if parse_amount(span_text).as_ref() != Some(a) {
                failures.push(format!("parse_amount({span_text:?}) differs"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn no_figures() {
        let mut failures = Vec::new();
        for &text in NONE {
            let figs = all(text);
            if !figs.is_empty() || parse_amount(text).is_some() {
                failures.push(format!("{text:?}: {figs:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn redacted_figures() {
        for &(text, span_text) in REDACTED {
            let figs = all(text);
            assert_eq!(figs.len(), 1, "{text:?}: {figs:?}");
            assert_eq!(figs[0].kind, FigureKind::Redacted, "{text:?}");
            assert_eq!(&text[figs[0].span.range()], span_text, "{text:?}");
            assert_eq!(parse_amount(span_text), None, "{span_text:?}");
        }
    }

    #[test]
    fn real_sentence() {
        let text = "谋划推动总投资1.02万亿元、年度计划投资2131亿元的876个重点项目,特别是对总投资733亿元的古雷炼化一体化二期、总投资420亿元的中沙乙烯";
        let figs = all(text);
        let got: Vec<(&str, String, &str)> = figs
            .iter()
            .map(|f| {
                let a = amount_of(f);
                (&text[f.span.range()], a.value.to_string(), a.unit.as_str())
            })
            .collect();
        let want = [
            ("1.02万亿元", "1020000000000", "CNY"),
            ("2131亿元", "213100000000", "CNY"),
            ("876个", "876", "count"),
            ("733亿元", "73300000000", "CNY"),
            ("420亿元", "42000000000", "CNY"),
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for (g, w) in got.iter().zip(want) {
            assert_eq!((g.0, g.1.as_str(), g.2), w);
        }
    }

    #[test]
    fn redacted_sentence() {
        let text = "地区生产总值完成×亿元,增速×%,全市排名第×";
        let figs = all(text);
        let got: Vec<&str> = figs.iter().map(|f| &text[f.span.range()]).collect();
        assert_eq!(got, ["×亿元", "×%"]);
        assert!(figs.iter().all(|f| f.kind == FigureKind::Redacted));
    }

    #[test]
    fn seed_like_paragraphs() {
        let text = "开设6个融媒体宣传专栏,发布、转载相关新闻520篇,第一时间让党的二十大精神“飞入寻常百姓家”";
        let got: Vec<&str> = all(text).iter().map(|f| &text[f.span.range()]).collect();
        assert_eq!(got, ["6个", "520篇"]);

        let text = "江门高新区在147个国家高新区综合排名从第77位跃升至第64位,大幅提升了13位,等等";
        let got: Vec<&str> = all(text).iter().map(|f| &text[f.span.range()]).collect();
        assert_eq!(got, ["147个", "13位"]);

        let text = "投资额分别为171.2亿元、91.9亿元,三个超百亿元以上的单体";
        let got: Vec<&str> = all(text).iter().map(|f| &text[f.span.range()]).collect();
        assert_eq!(got, ["171.2亿元", "91.9亿元", "超百亿元以上"]);

        let text = "增长5%-8%,2021-3%";
        let got: Vec<String> = all(text).iter().map(|f| amount_of(f).value.to_string()).collect();
        assert_eq!(got, ["5", "8", "3"]);

        let text = "大众ID．4亿元";
        assert!(all(text).is_empty());

        let text = "色现代农业等9个千亿级产业集群、数字服务等5个五百亿以上产业集群";
        let got: Vec<&str> = all(text).iter().map(|f| &text[f.span.range()]).collect();
        assert_eq!(got, ["9个", "千亿级", "5个", "五百亿以上"]);
    }

    #[test]
    fn within_is_respected() {
        let text = "总投资733亿元的古雷炼化,增长6.5%以上";
        let whole = all(text);
        assert_eq!(whole.len(), 2);
        // A window that starts inside 总 and ends inside 以: shrunk to boundaries inside.
        let w = Span::new(1, text.len() - 4);
        let figs = scan(text, w);
        check_spans(text, w, &figs);
        let got: Vec<&str> = figs.iter().map(|f| &text[f.span.range()]).collect();
        assert_eq!(got, ["733亿元", "6.5%"]);
        // Offsets are into `text`, not into the window.
        assert_eq!(figs[0].span, whole[0].span);
        // The window cuts a figure: only what lies inside counts.
        let cut = text.find("亿元").unwrap() + "亿".len();
        let figs = scan(text, Span::new(0, cut));
        assert_eq!(&text[figs[0].span.range()], "733亿");
        // Past the end, empty, reversed.
        assert!(scan(text, Span::new(text.len() + 5, text.len() + 10)).is_empty());
        assert!(scan(text, Span::new(3, 3)).is_empty());
        assert!(scan(text, Span { start: 9, end: 3 }).is_empty());
        let figs = scan(text, Span::new(0, usize::MAX));
        assert_eq!(figs, whole);
        // Context before the window still marks an ordinal.
        let text = "第77位";
        assert!(scan(text, Span::new(3, text.len())).is_empty());
    }

    #[test]
    fn parse_number_cases() {
        let cases: &[(&str, Option<&str>)] = &[
            ("3100", Some("3100")),
            ("1.02万亿", Some("1020000000000")),
            ("五百亿", Some("50000000000")),
            ("百", Some("100")),
            ("十二", Some("12")),
            ("十", Some("10")),
            ("二十", Some("20")),
            ("一百零五", Some("105")),
            ("一百二", Some("120")),
            ("三万五", Some("35000")),
            ("三万五千", Some("35000")),
            ("一亿五千万", Some("150000000")),
            ("一万五千亿", Some("1500000000000")),
            ("万亿", Some("1000000000000")),
            ("两千", Some("2000")),
            ("六点五", Some("6.5")),
            ("一点零二万亿", Some("1020000000000")),
            ("3千万", Some("30000000")),
            ("0.4亿", Some("40000000")),
            ("３１００", Some("3100")),
            ("1,234", Some("1234")),
            (" 42 ", Some("42")),
            ("二〇二三", None),
            ("一九七八", None),
            ("十四五", None),
            ("千百", None),
            ("亿万", None),
            ("一亿亿", None),
            ("", None),
            ("abc", None),
            ("3100元", None),
            ("3100多", None),
            ("1.2.3", None),
            ("0763", None),
            ("99999999999999999999999999999", None),
            ("9999999999999999999999万亿", None),
            ("点五", None),
            ("五点", None),
        ];
        for &(s, want) in cases {
            let got = parse_number(s).map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{s:?}");
        }
    }

    #[test]
    fn parse_amount_cases() {
        type Case<'a> = (&'a str, Option<(&'a str, Unit, bool)>);
        let cases: &[Case] = &[
            ("1.02万亿元", Some(("1020000000000", Unit::Cny, false))),
            ("超百亿元", Some(("10000000000", Unit::Cny, true))),
            ("6.5%", Some(("6.5", Unit::Percent, false))),
            ("6.5%以上", Some(("6.5", Unit::Percent, true))),
            ("80个", Some(("80", Unit::Count, false))),
            ("五百亿", Some(("50000000000", Unit::Cny, false))),
            ("百分之十", Some(("10", Unit::Percent, false))),
            ("191.8平方公里", Some(("191.8", Unit::Other("km2".into()), false))),
            (" 733亿元 ", Some(("73300000000", Unit::Cny, false))),
            ("3100", None),
            ("×亿元", None),
            ("733亿元,420亿元", None),
            ("总投资733亿元", None),
            ("三个", None),
            ("2023年", None),
        ];
        for (s, want) in cases {
            let got = parse_amount(s);
            let want = want.as_ref().map(|(v, u, a)| Amount {
                value: Decimal::from_str(v).unwrap(),
                unit: u.clone(),
                approx: *a,
            });
            assert_eq!(got, want, "{s:?}");
        }
    }

    #[test]
    fn no_overflow_and_long_inputs() {
        // 10 000 digits in a row, then a unit.
        let digits = "9".repeat(10_000) + "亿元";
        assert!(all(&digits).is_empty());
        // Runs of Chinese numerals, redaction marks, dots and hedges.
        for piece in ["一", "亿", "万亿", "×", "1.", "多", "百分之", "超", "第1", "元"] {
            let text = piece.repeat(5_000);
            all(&text);
        }
        let text = "1".repeat(27) + "万亿元";
        assert!(all(&text).is_empty());
        let text = "12亿元,".repeat(2_000);
        assert_eq!(all(&text).len(), 2_000);
    }

    /// A deterministic generator, to fuzz without a dependency.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
    }

    #[test]
    fn fuzz_no_panic_and_consistent() {
        let alphabet: Vec<char> = "0123456789０５.．,%％×Xx一二两三五十百千万亿〇零点多余超近约过上以下左右级第每元亿美欧港个位人民币平方公里米吨千瓦标箱分之年月 -−aZ的，。é😀"
            .chars()
            .collect();
        let mut rng = Lcg(0x5eed);
        for _ in 0..4_000 {
            let len = (rng.next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(rng.next() as usize) % alphabet.len()])
                .collect();
            let a = (rng.next() as usize) % (text.len() + 3);
            let b = (rng.next() as usize) % (text.len() + 3);
            let within = Span { start: a, end: b };
            let figs = scan(&text, within);
            if a < b {
                check_spans(&text, within, &figs);
            } else {
                assert!(figs.is_empty());
            }
            for f in &figs {
                if let FigureKind::Amount(amount) = &f.kind {
                    let s = &text[f.span.range()];
                    assert_eq!(parse_amount(s).as_ref(), Some(amount), "{s:?} in {text:?}");
                }
            }
            let _ = parse_number(&text);
            let _ = parse_amount(&text);
        }
    }
}
