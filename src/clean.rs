//! Stage 2, **clean**: find the article body without moving a single offset.
//!
//! The cleaner never rewrites text. It returns the byte ranges of the original text that
//! belong to the article ([`Body::spans`]) and the redacted placeholders (×区, ×亿元) that
//! must never become entities ([`Body::redactions`]). Everything else is page furniture:
//! navigation, news lists, share buttons, time-stamped headlines, HTML tags, and the second
//! copy of an article that some pages repeat.
//!
//! The rules work line by line, then smooth: a short line between two furniture lines is
//! furniture too (a news list's section heading), and a short line inside a repeated
//! block is part of the repeat.

use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// The article body of one document, as byte ranges of its original text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    /// Sorted, non-overlapping body ranges: one per kept line, trimmed of white space.
    pub spans: Vec<Span>,
    /// Redacted placeholders (×区, ×亿元, ×%), sorted and non-overlapping; no entity may
    /// overlap one.
    pub redactions: Vec<Span>,
    /// Lines the cleaner left out, with why: for inspection and tests.
    pub dropped: Vec<(Span, DropReason)>,
}

/// Why a line is not body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropReason {
    /// Navigation, share buttons, page chrome.
    Furniture,
    /// An item of a news list (bulleted or time-stamped).
    NewsList,
    /// A line already seen earlier in the page.
    Repeat,
    /// An HTML tag or script.
    Markup,
}

impl Body {
    /// Whether `span` lies inside one body range.
    pub fn contains(&self, span: Span) -> bool {
        let i = self.spans.partition_point(|s| s.end < span.end);
        self.spans.get(i).is_some_and(|s| s.contains(span))
    }

    /// Whether `span` touches a redaction. A binary search: recognisers ask this of every
    /// candidate, and a page of ×亿元, ×% … has as many redactions as candidates.
    pub fn is_redacted(&self, span: Span) -> bool {
        // Redactions are sorted and disjoint: only the first that ends after `span.start`
        // can overlap it.
        let i = self.redactions.partition_point(|r| r.end <= span.start);
        self.redactions.get(i).is_some_and(|r| r.overlaps(span))
    }
}

static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?)\s*$")
        .unwrap()
});
// A news-list item that opens with its date: [2023-02-19] 杭州亚运会筹备……
static LEADING_TIMESTAMP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\[【(（]?\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*[\]】)）]").unwrap());
static ONLY_TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\d\s:/.\-年月日]+$").unwrap());
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:返回顶部|返回首页|分享到.*|分享|打印|关闭|关闭窗口|收藏|点赞|评论|扫一扫|新闻排行榜?|精彩推荐|热点推荐|",
        r"【?相关新闻】?|【?相关阅读】?|【?推荐阅读】?|【?延伸阅读】?|热门推荐|扫一扫.*|字号.*|数字报|官方微信|官方微博|上一篇|下一篇|更多|",
        r"登录|注册|首页|网站地图|联系我们|版权所有.*|Copyright.*|ICP.*|.{0,6}24小时|The End|END|（完）|\(完\)|",
        // A site's footer: who runs it, its address, its registrations (晋ICP备…, 晋公网安备…).
        r"(?:主办|承办|协办|主管)(?:单位)?[：:].*|(?:地址|邮编|技术支持|网站标识码)[：:].*|.{1,2}(?:ICP备|公网安备).*)$"
    ))
    .unwrap()
});
// Breadcrumbs: 新闻中心>广东>政经热闻
static BREADCRUMB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^\s>]{1,12}(?:\s*[>＞›»]\s*[^\s>]{1,12}){1,6}$").unwrap());
// Redactions: ×区, ××县, ×亿元, ×%, X区 (a Latin X only next to a unit or division word).
static REDACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"[×✕╳＊*]+(?:[省市县区镇乡村街园]|万亿元|亿元|万元|元|亿|万|%|％|个|名|位|家|项)?",
        r"|X+(?:[省市县区镇乡村]|万亿元|亿元|万元|亿|%|％)"
    ))
    .unwrap()
});
static CAPTION_COUNTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*第\s*\d+\s*[张页]\s*$").unwrap());

/// Builds this module's patterns now rather than on the first document (see
/// `crate::recognise::warm_up`).
pub(crate) fn warm_up() {
    for pattern in [
        &TIMESTAMP,
        &LEADING_TIMESTAMP,
        &ONLY_TIMESTAMP,
        &FURNITURE,
        &BREADCRUMB,
        &REDACTION,
        &CAPTION_COUNTER,
    ] {
        LazyLock::force(pattern);
    }
}

/// The number of a headline in a numbered ranking (2. 拉萨至日喀则高速公路建设进展顺利): one
/// or two digits, a full stop or 、, and at most 40 characters with no comma or full stop.
fn numbered_headline(line: &str) -> Option<usize> {
    let line = line.trim();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = line[digits..].strip_prefix(['.', '、', '．'])?.trim_start();
    let n = rest.chars().count();
    let plain = !rest.contains(['，', '。', '；', '！', '？', ',', ';']);
    ((4..=40).contains(&n) && plain)
        .then(|| line[..digits].parse().ok())
        .flatten()
}

/// Finds the article body of `text`. `is_html` makes tags and scripts furniture.
///
/// ```
/// let text = "肇庆市委书记范中杰表示……\n  • 北京迎来2021年首场降雪 2021-01-20\n返回顶部\n";
/// let body = interview_kg::clean::find_body(text, false);
/// assert_eq!(body.spans.len(), 1);
/// assert_eq!(&text[body.spans[0].range()], "肇庆市委书记范中杰表示……");
/// ```
pub fn find_body(text: &str, is_html: bool) -> Body {
    let mut body = Body::default();
    let lines = split_lines(text, is_html, &mut body.dropped);

    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Keep,
        Drop(DropReason),
    }
    let mut marks: Vec<Mark> = Vec::with_capacity(lines.len());
    let mut short: Vec<bool> = Vec::with_capacity(lines.len());
    let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
    for &span in &lines {
        let line = &text[span.range()];
        let chars = line.chars().count();
        short.push(chars <= 80);
        // Each pattern below runs only on lines that have what it needs at their ends: most
        // lines have not, and a pattern not anchored at the start reads the whole line.
        let gate = Gate::of(line);
        // "标题 第1张" is an image caption repeating the headline.
        let key_str = match gate.caption.then(|| CAPTION_COUNTER.find(line)).flatten() {
            Some(m) => &line[..m.start()],
            None => line,
        };
        // (A picture gallery link, …图库, is furniture too: a suffix test, so that the
        // anchored pattern stops early on ordinary lines.)
        let mark = if FURNITURE.is_match(line)
            || line.ends_with("图库")
            || (gate.breadcrumb && BREADCRUMB.is_match(line))
            || is_menu(line)
        {
            Mark::Drop(DropReason::Furniture)
        } else if line.starts_with(['•', '●', '·', '▪', '■', '◆', '►', '▶', '○', '◇'])
            || (gate.only_timestamp && ONLY_TIMESTAMP.is_match(line))
            || (chars <= 80 && gate.leading_timestamp && LEADING_TIMESTAMP.is_match(line))
            || (chars <= 80 && gate.timestamp && TIMESTAMP.is_match(line) && !line.contains("来源"))
        {
            Mark::Drop(DropReason::NewsList)
        } else if chars >= 6 && !is_speaker_marker(line) && !seen.insert(key_str) {
            Mark::Drop(DropReason::Repeat)
        } else {
            Mark::Keep
        };
        marks.push(mark);
    }

    // A ranking of headlines (热点排行: 1. …, 2. …, 3. …): three or more numbered lines in a
    // row, counting up from one, none of which holds a sentence's punctuation. (A numbered
    // list of the body, 1.锦州港…工程，总投资26.5亿元；, has clauses.)
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while j < lines.len() && marks[j] == Mark::Keep && numbered_headline(&text[lines[j].range()]) == Some(j - i + 1)
        {
            j += 1;
        }
        if j - i >= 3 {
            for mark in &mut marks[i..j] {
                *mark = Mark::Drop(DropReason::NewsList);
            }
            i = j;
        } else {
            i += 1;
        }
    }

    // Smoothing: a short kept line whose nearest neighbours on both sides are dropped for
    // the same kind of reason goes with them (section headings of news lists, the short
    // lines of a repeated article). Lines of the first screen are exempt on the left.
    let n = marks.len();
    for _ in 0..2 {
        for i in 0..n {
            if marks[i] != Mark::Keep {
                continue;
            }
            if !short[i] {
                continue;
            }
            let prev = (0..i).rev().map(|j| marks[j]).next();
            let next = (i + 1..n).map(|j| marks[j]).next();
            // Between two repeated lines it is part of the repeat; between two news-list
            // items it is a list heading. Navigation alone does not swallow body text.
            match (prev, next) {
                (Some(Mark::Drop(DropReason::Repeat)), Some(Mark::Drop(DropReason::Repeat))) => {
                    marks[i] = Mark::Drop(DropReason::Repeat)
                }
                (
                    Some(Mark::Drop(DropReason::NewsList)),
                    Some(Mark::Drop(DropReason::NewsList | DropReason::Furniture)),
                )
                | (Some(Mark::Drop(DropReason::Furniture)), Some(Mark::Drop(DropReason::NewsList))) => {
                    marks[i] = Mark::Drop(DropReason::NewsList)
                }
                _ => {}
            }
        }
    }
    for (span, mark) in lines.iter().zip(marks) {
        match mark {
            Mark::Keep => body.spans.push(*span),
            Mark::Drop(r) => body.dropped.push((*span, r)),
        }
    }
    body.dropped.sort_by_key(|(s, _)| *s);
    for span in &body.spans {
        for m in REDACTION.find_iter(&text[span.range()]) {
            body.redactions
                .push(Span::new(span.start + m.start(), span.start + m.end()));
        }
    }
    body
}

/// Whether `line` is a speaker's marker in a transcript (【市委常委、副市长 刘晓峰】), which
/// comes back each time the speaker does: a repeat of it repeats no article, and must not
/// take the short answer after it along (a short line between two repeats is smoothed into
/// them).
fn is_speaker_marker(line: &str) -> bool {
    line.starts_with('【') && line.ends_with('】') && line.chars().count() <= 30
}

/// Which of the line patterns can match a line, from its first and last characters (and,
/// for breadcrumbs, whether it has a separator): each is what its pattern requires, so a
/// pattern skipped is a pattern that would have failed. A property test holds each pattern
/// to its gate.
#[derive(Debug, Clone, Copy)]
struct Gate {
    /// [`CAPTION_COUNTER`] ends in 张 or 页, then white space.
    caption: bool,
    /// [`BREADCRUMB`] has at least one separator.
    breadcrumb: bool,
    /// [`ONLY_TIMESTAMP`] opens with a digit, a space or one of `:/.-年月日`.
    only_timestamp: bool,
    /// [`LEADING_TIMESTAMP`] opens with a bracket, a space or a digit.
    leading_timestamp: bool,
    /// [`TIMESTAMP`] ends in a digit, then white space.
    timestamp: bool,
}

impl Gate {
    fn of(line: &str) -> Gate {
        // `\d` and `\s` are Unicode classes: `is_numeric` holds for every `\d` (and more),
        // `is_whitespace` is `\s` exactly.
        let first = line.chars().next();
        let last = line.trim_end().chars().next_back();
        Gate {
            caption: matches!(last, Some('张' | '页')),
            // (One byte search per separator, where a search for any of the four decodes
            // every character of every line.)
            breadcrumb: ['>', '＞', '›', '»'].iter().any(|sep| line.contains(*sep)),
            only_timestamp: first.is_some_and(|c| c.is_numeric() || c.is_whitespace() || ":/.-年月日".contains(c)),
            leading_timestamp: first.is_some_and(|c| c.is_numeric() || c.is_whitespace() || "[【(（".contains(c)),
            timestamp: last.is_some_and(char::is_numeric),
        }
    }
}

/// A menu: five or more short words separated by spaces (精彩推荐 滚动 新闻 广州 广东 …).
fn is_menu(line: &str) -> bool {
    // Words of at most four characters between white space; most lines fail at their fifth
    // character.
    let mut words = 0;
    let mut in_word = 0;
    for c in line.chars() {
        if c.is_whitespace() {
            in_word = 0;
        } else {
            if in_word == 0 {
                words += 1;
            }
            in_word += 1;
            if in_word > 4 {
                return false;
            }
        }
    }
    words >= 5
}

/// Splits text into trimmed, non-empty line spans; in HTML, tags split lines too.
fn split_lines(text: &str, is_html: bool, dropped: &mut Vec<(Span, DropReason)>) -> Vec<Span> {
    let mut pieces = Vec::new();
    if is_html {
        let mut last = 0;
        for m in html_tags(text) {
            pieces.push(Span::new(last, m.start));
            dropped.push((m, DropReason::Markup));
            last = m.end;
        }
        pieces.push(Span::new(last, text.len()));
    } else {
        pieces.push(Span::new(0, text.len()));
    }
    let mut lines = Vec::new();
    for piece in pieces {
        let mut start = piece.start;
        for line in text[piece.range()].split_inclusive('\n') {
            let end = start + line.len();
            let trimmed_start = start + (line.len() - line.trim_start().len());
            let trimmed_end = start + line.trim_end().len();
            if trimmed_end > trimmed_start {
                lines.push(Span::new(trimmed_start, trimmed_end));
            }
            start = end;
        }
    }
    lines
}

/// The tags, comments, scripts and styles of an HTML text, in order: what the pattern
/// `(?is)<(script|style)\b.*?</(?:script|style)\s*>|<!--.*?-->|<[a-zA-Z/!][^<>]*>` finds
/// (with ASCII case folding), in time linear in the text.
///
/// The pattern itself, with its Unicode `\b`, runs in the regex crate's slower engines, and
/// each unclosed `<script` or `<!--` made it read to the end of the page: 64 KB of them took
/// seconds. Here the next closing tag and the next `-->` are each searched for once per
/// stretch of text and remembered.
fn html_tags(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // (searched from, first match at or after it): searches only move forward.
    let mut raw_close: Option<(usize, Option<Span>)> = None;
    let mut comment_close: Option<(usize, Option<usize>)> = None;
    let mut i = 0;
    while let Some(off) = text[i..].find('<') {
        let p = i + off;
        // <script …>…</script>, <style …>…</style>
        let name = [&b"script"[..], &b"style"[..]]
            .into_iter()
            .find(|n| starts_with_ignore_case(&b[p + 1..], n));
        if let Some(name) = name {
            let after = p + 1 + name.len();
            let boundary = !text[after..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if boundary {
                let close = match raw_close {
                    Some((from, found)) if from <= after && !matches!(found, Some(f) if f.start < after) => found,
                    _ => {
                        let found = find_raw_close(text, after);
                        raw_close = Some((after, found));
                        found
                    }
                };
                if let Some(close) = close {
                    out.push(Span::new(p, close.end));
                    i = close.end;
                    continue;
                }
            }
        }
        // <!-- … -->
        if b[p..].starts_with(b"<!--") {
            let from = p + 4;
            let close = match comment_close {
                Some((f, found)) if f <= from && !matches!(found, Some(e) if e < from) => found,
                _ => {
                    let found = text[from..].find("-->").map(|k| from + k);
                    comment_close = Some((from, found));
                    found
                }
            };
            if let Some(c) = close {
                out.push(Span::new(p, c + 3));
                i = c + 3;
                continue;
            }
        }
        // <a …>, </p>, <!DOCTYPE …>: up to the next '>', unless a '<' comes first.
        if b.get(p + 1)
            .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'/' || c == b'!')
        {
            match b[p + 1..].iter().position(|&c| c == b'<' || c == b'>') {
                Some(k) if b[p + 1 + k] == b'>' => {
                    out.push(Span::new(p, p + 2 + k));
                    i = p + 2 + k;
                    continue;
                }
                Some(k) => {
                    i = p + 1 + k;
                    continue;
                }
                None => break,
            }
        }
        i = p + 1;
    }
    out
}

/// The first `</script\s*>` or `</style\s*>` (ASCII case folding) at or after `from`.
fn find_raw_close(text: &str, from: usize) -> Option<Span> {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(off) = text[i..].find("</") {
        let q = i + off;
        let name = [&b"script"[..], &b"style"[..]]
            .into_iter()
            .find(|n| starts_with_ignore_case(&b[q + 2..], n));
        if let Some(name) = name {
            let rest = &text[q + 2 + name.len()..];
            let spaces = rest.len() - rest.trim_start().len();
            if rest[spaces..].starts_with('>') {
                return Some(Span::new(q, q + 2 + name.len() + spaces + 1));
            }
        }
        i = q + 2;
    }
    None
}

fn starts_with_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> Vec<&str> {
        find_body(text, false).spans.iter().map(|s| &text[s.range()]).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// A line pattern matches only lines its gate lets through.
        #[test]
        fn gates_pass_every_line_their_pattern_matches(
            line in concat!(
                r"[\[【(（ ]?[新闻中心广东 0-9]{0,4}",
                r"(第 ?[0-9０-９٣]{1,2} ?[张页]|[0-9０-９٣]{4}[-/.年][0-9０-９]{1,2}[-/.月][0-9０-９]{1,2}日?",
                r"|[0-9０-９٣]{1,2}:[0-9０-９٣]{2}|[>＞›»]|[\]】)）]|[ \t\u{3000}]|[新闻中心广东]{1,3}){0,4}",
            ),
        ) {
            let gate = Gate::of(&line);
            proptest::prop_assert!(!CAPTION_COUNTER.is_match(&line) || gate.caption);
            proptest::prop_assert!(!BREADCRUMB.is_match(&line) || gate.breadcrumb);
            proptest::prop_assert!(!ONLY_TIMESTAMP.is_match(&line) || gate.only_timestamp);
            proptest::prop_assert!(!LEADING_TIMESTAMP.is_match(&line) || gate.leading_timestamp);
            proptest::prop_assert!(!TIMESTAMP.is_match(&line) || gate.timestamp);
        }
    }

    #[test]
    fn gates_let_through_the_lines_the_patterns_are_for() {
        let cases = [
            ("新闻中心>广东>政经热闻", &BREADCRUMB),
            ("肇庆召开大会 第2张", &CAPTION_COUNTER),
            ("2023-02-19", &ONLY_TIMESTAMP),
            ("【2023-02-19】杭州亚运会筹备", &LEADING_TIMESTAMP),
            ("北京迎来首场降雪 2021-01-20 ", &TIMESTAMP),
        ];
        for (line, pattern) in cases {
            assert!(pattern.is_match(line), "{line}");
        }
        let g = |l: &str| Gate::of(l);
        assert!(g(cases[0].0).breadcrumb && g(cases[1].0).caption && g(cases[2].0).only_timestamp);
        assert!(g(cases[3].0).leading_timestamp && g(cases[4].0).timestamp);
        let prose = g("肇庆将加快发展新能源汽车产业。");
        assert!(
            !(prose.caption || prose.breadcrumb || prose.only_timestamp || prose.leading_timestamp || prose.timestamp)
        );
    }

    #[test]
    fn news_lists_and_navigation_are_dropped() {
        let text = "新闻中心>广东>政经热闻\n\n肇庆将加快发展新能源汽车产业。\n分享到\n  • IBM第四季度营收204亿美元 2021-01-22\n  • 北京迎来首场降雪\n吃顿好的\n  • 肯德基门店突破600家 2020-12-29\n返回顶部\n";
        assert_eq!(kept(text), vec!["肇庆将加快发展新能源汽车产业。"]);
    }

    #[test]
    fn menus_and_gallery_links_are_furniture() {
        let body_line = "点击进入英德 新闻图库";
        let text = format!("首页 新闻 政务 图片 视频\n精彩图库\n{body_line}\n首页 新闻 政务 图片\n");
        // Four short words are too few for a menu, and a line ending in 图库 is furniture.
        assert_eq!(kept(&text), vec!["首页 新闻 政务 图片"]);
        let body = find_body(&text, false);
        let dropped: Vec<&str> = body.dropped.iter().map(|(s, _)| &text[s.range()]).collect();
        assert_eq!(dropped, vec!["首页 新闻 政务 图片 视频", "精彩图库", body_line]);
    }

    #[test]
    fn a_repeated_article_is_kept_once() {
        let para = "肇庆市委书记范中杰在接受羊城晚报专访时表示,肇庆将坚持产业第一。";
        let text = format!("标题\n{para}\n小标题\n{para}\n其他\n{para}\n小标题\n{para}\n");
        let body = find_body(&text, false);
        let kept: Vec<&str> = body.spans.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(kept.iter().filter(|l| **l == para).count(), 1);
        assert!(body.spans[0].start < text.find(para).unwrap() + 1);
    }

    #[test]
    fn offsets_are_into_the_original_text() {
        let text = "  英德将大力发展鞋业。  \r\n";
        let body = find_body(text, false);
        assert_eq!(&text[body.spans[0].range()], "英德将大力发展鞋业。");
    }

    #[test]
    fn is_redacted_agrees_with_a_scan() {
        let text = "×区×亿元,增速×%,5亿元,X亿元 ××万元".repeat(3);
        let body = find_body(&text, false);
        assert!(
            body.redactions.windows(2).all(|w| w[0].end <= w[1].start),
            "{:?}",
            body.redactions
        );
        for start in 0..=text.len() {
            for end in start..=(start + 12).min(text.len()) {
                let span = Span::new(start, end);
                let scan = body.redactions.iter().any(|r| r.overlaps(span));
                assert_eq!(body.is_redacted(span), scan, "{span}");
            }
        }
    }

    #[test]
    fn redactions_are_found() {
        let text = "我们×区上半年地区生产总值完成×亿元,增速×%,全市排名第×。";
        let body = find_body(text, false);
        let r: Vec<&str> = body.redactions.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(r, vec!["×区", "×亿元", "×%", "×"]);
    }

    /// The pattern `html_tags` replaces; the scanner must find exactly what it finds.
    const HTML_TAG: &str = r"(?is)<(script|style)\b.*?</(?:script|style)\s*>|<!--.*?-->|<[a-zA-Z/!][^<>]*>";

    #[test]
    fn html_tags_match_the_pattern() {
        let re = Regex::new(HTML_TAG).unwrap();
        let pieces = [
            "<",
            ">",
            "/",
            "!",
            "-",
            "--",
            "<!--",
            "-->",
            "<script",
            "</script",
            "<style",
            "</STYLE",
            "Script",
            "<p",
            "</p>",
            "a",
            " ",
            "\n",
            "漳",
            "_",
            "<scripts>",
            "x>",
            "</script >",
            "<!",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let n = (next() % 12) as usize;
            let text: String = (0..n)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            let want: Vec<Span> = re.find_iter(&text).map(|m| Span::new(m.start(), m.end())).collect();
            assert_eq!(html_tags(&text), want, "{text:?}");
        }
    }

    #[test]
    fn unclosed_scripts_and_comments_are_linear() {
        // Each piece opens something that never closes; the pattern read to the end for each.
        for piece in ["<script>漳州 <p>", "<!-- 漳州 <a>", "<style>a</scrip"] {
            let text = piece.repeat(20_000);
            let body = find_body(&text, true);
            assert!(body.dropped.iter().all(|(s, _)| text.get(s.range()).is_some()));
        }
    }

    #[test]
    fn html_tags_are_skipped() {
        let text = "<html><script>var a='广州';</script><p>漳州市委书记张国旺表示</p></html>";
        let body = find_body(text, true);
        let kept: Vec<&str> = body.spans.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(kept, vec!["漳州市委书记张国旺表示"]);
    }
}
