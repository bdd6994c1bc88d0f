//! Projects and the figures around them.
//!
//! A project is named by the frames that introduce one:
//! - an investment before it: 总投资733亿元的古雷炼化一体化二期;
//! - an investment after it: 风华高科增资扩产项目投入120亿元;
//! - a list before 等…项目: 由电机产业城、优美科等龙头项目带动;
//! - a name before 项目: 肇庆万达国家度假区项目;
//! - a construction verb before a facility: 加快推进深茂铁路(江海段)征地拆迁工作, 加快江门高新公共码头建设.
//!
//! Money not tied to a project is a figure of a place (新引进项目计划投资总额897亿元), a target
//! when the clause says so (实现GDP超3000亿元的目标). Counts and percentages are kept only
//! where an indicator gives them a meaning (GDP增长6.5%, 引进项目80个).

use super::text::{extend_left, has_proper_word, is_han, start_of_words_before};
use super::{
    add_amount, Ctx, FigureCue, FoundAmount, InvestmentCue, Investor, Known, LocalId, ProjectCue, Recognition,
};
use crate::chars::CharSet;
use crate::model::{EntityDetail, EntityKind, InvestmentRole, PlaceLevel, Unit};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

static INVEST_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(总投资额?|计划总投资|计划投资|年度计划投资|实际投资额?|完成投资|投资额?|投入|概算投资|增资|出资)(?:约|超过?|近|达到?|逾)?$").unwrap()
});
/// The fields of a list of signed projects (see `field_investment`).
static AMOUNT_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\p{Zs}]*(?:总投资额?|投资总额|投资额|计划投资|协议投资额?)[：:][\s\p{Zs}]*$").unwrap()
});
static NAME_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\p{Zs}]*(?:\d+[．.、]?[\s\p{Zs}]*)?项目名称[：:][\s\p{Zs}]*(\p{Han}[^，。；,;]*?)[\s\p{Zs}]*$")
        .unwrap()
});
static INVESTOR_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\p{Zs}]*(?:投资方|投资主体|签约企业)[：:][\s\p{Zs}]*(\p{Han}.*?)[\s\p{Zs}]*$").unwrap()
});
/// Verbs that open a facility clause (加快推进深茂铁路建设).
pub(crate) const FACILITY_VERBS: &[&str] = &[
    "加快",
    "推进",
    "推动",
    "启动",
    "建成",
    "开工建设",
    "开工",
    "实施",
    "完成",
    "新建",
    "扩建",
    "筹建",
    "谋划",
    "加速",
];
/// Words that may follow the verb (加快推进…).
const FACILITY_SECOND_VERBS: &[&str] = &["推进", "建设", "实施"];
/// Words that close a facility clause, in order of preference.
const FACILITY_CLOSERS: &[&str] = &["建设", "征地拆迁", "前期工作", "工作", "动工", "开工", "落地", "投产"];

/// Whether `c` may stand in a facility's name: what `[\p{Han}A-Za-z0-9（）()—\-、和]` matches.
/// The pattern is asked once per character of the Basic Multilingual Plane, on first use.
fn facility_char(c: char) -> bool {
    static CLASS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[\p{Han}A-Za-z0-9（）()—\-、和]$").expect("class builds"));
    static SET: LazyLock<CharSet> = LazyLock::new(|| CharSet::new(|c| CLASS.is_match(c.encode_utf8(&mut [0u8; 4]))));
    SET.contains(c)
}

/// Facility clauses of a line: verb, an optional second verb, three to sixty characters of
/// name, a closing word; as (clause, name) byte ranges of `s`.
///
/// The matches of `(?:VERB|…)(?:推进|建设|实施)?([\p{Han}A-Za-z0-9（）()—\-、和]{3,60}?)(?:CLOSER|…)`,
/// found the way a backtracking engine would (verbs in order, the second verb taken if it
/// can be, the shortest name, closers in order) from each place a verb starts: the pattern
/// run over whole lines spent most of its time building DFA states for the counted
/// repetition.
fn facility_frames(s: &str, verb_starts: impl Iterator<Item = usize>) -> Vec<(Span, Span)> {
    let at = |pos: usize| {
        for verb in FACILITY_VERBS.iter().filter(|v| s[pos..].starts_with(**v)) {
            let after_verb = pos + verb.len();
            let second = FACILITY_SECOND_VERBS
                .iter()
                .find(|w| s[after_verb..].starts_with(**w))
                .map(|w| after_verb + w.len());
            for name_start in second.into_iter().chain([after_verb]) {
                // `chars`: the characters of the name before `i`.
                for (chars, (i, c)) in s[name_start..].char_indices().enumerate() {
                    let i = name_start + i;
                    if chars >= 3 {
                        if let Some(closer) = FACILITY_CLOSERS.iter().find(|w| s[i..].starts_with(**w)) {
                            return Some((Span::new(pos, i + closer.len()), Span::new(name_start, i)));
                        }
                    }
                    if chars == 60 || !facility_char(c) {
                        break;
                    }
                }
            }
        }
        None
    };
    let mut out = Vec::new();
    let mut next = 0;
    for start in verb_starts {
        if start < next {
            continue;
        }
        if let Some((whole, name)) = at(start) {
            next = whole.end;
            out.push((whole, name));
        }
    }
    out
}
static FACILITY_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:工程|铁路|高铁|城际|高速公路|高速|码头|港区|机场|大桥|隧道|水库|电站|核电站|基地|产业城|新城中心|中心|",
        r"综合体|公园|医院|管网|枢纽|一体化|二期|三期|四期|一期)(?:[(（][\p{Han}]{1,8}[)）]|\p{Han}{1,4}段)?$"
    ))
    .unwrap()
});
/// Head words of parks and plants, facilities too where an amount is invested in them
/// (投资3亿元建设…产业园), though not where only a verb of building stands before them (加快
/// …产业园建设 names a zone).
const PARK_HEADS: &[&str] = &["产业园", "工业园", "科技园", "物流园", "创业园", "工厂"];

/// Whether `name` ends with a facility's head word or, see [`PARK_HEADS`], a park's.
fn invested_facility(name: &str) -> bool {
    FACILITY_HEAD.is_match(name) || PARK_HEADS.iter().any(|h| name.ends_with(h))
}

static INDICATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(GDP增长|GDP增速|GDP|地区生产总值|生产总值|经济总量|固定资产投资|一般公共预算收入|财政收入|税收|规上工业增加值|",
        r"工业增加值|工业总产值|总产值|产值|营业收入|营收|进出口总额|进出口|出口|社会消费品零售总额|计划投资总额|投资总额|",
        r"城镇居民人均可支配收入|农村居民人均可支配收入|居民人均可支配收入|人均可支配收入|可支配收入|",
        r"实际投资额|实际投资|计划投资|总投资|投资|增长|增速|占比|比重|占|引进项目|项目|签约)"
    ))
    .unwrap()
});
static TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"目标|力争|争取|确保|预计|提出[，,：:]|努力(?:实现|达到)|[将要](?:实现|达到|突破|增长|提高|提升)|计划(?:实现|达到|用)|到20\d\d年")
        .unwrap()
});
static PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"十[一二三四五六七八九]五|\d{4}年|今年|明年|上半年|下半年|前三季度|一季度").unwrap());

/// Builds this module's patterns now rather than on the first document (see
/// [`warm_up`](super::warm_up)).
pub(super) fn warm_up() {
    for pattern in [
        &INVEST_BEFORE,
        &AMOUNT_FIELD,
        &NAME_FIELD,
        &INVESTOR_FIELD,
        &FACILITY_HEAD,
        &INDICATOR,
        &TARGET,
        &PERIOD,
    ] {
        LazyLock::force(pattern);
    }
    facility_char('和');
}

/// The level of the county or town a sentence speaks of without naming it: 全县, 我县 or 本县
/// (and 旗, a county of Inner Mongolia), 全镇, 我乡 … (全县共谋划重点项目126个). One pass over the
/// sentence's characters, since nearly every figure asks.
fn unnamed_scope(sentence: &str) -> Option<PlaceLevel> {
    let mut before = None;
    for c in sentence.chars() {
        if matches!(before, Some('全' | '我' | '本')) {
            match c {
                '县' | '旗' => return Some(PlaceLevel::County),
                '镇' | '乡' => return Some(PlaceLevel::Town),
                _ => {}
            }
        }
        before = Some(c);
    }
    None
}

/// The county or district that a sentence of 全县 or 全区 (see [`unnamed_scope`]) speaks of:
/// the last place of that level its line names before it. 全区 of an autonomous region (广西,
/// 西藏 …) is the region, so a page that names one takes no district for it.
fn scope_named_before(
    rec: &Recognition,
    line: Span,
    sent: Span,
    sent_text: &str,
    scope: Option<PlaceLevel>,
) -> Option<LocalId> {
    let level = match scope {
        Some(PlaceLevel::County) => PlaceLevel::County,
        None if sent_text.contains("全区") => PlaceLevel::District,
        _ => return None,
    };
    if level == PlaceLevel::District
        && rec
            .entities
            .iter()
            .any(|e| e.kind == EntityKind::Place && e.name.ends_with("自治区"))
    {
        return None;
    }
    rec.places_in(Span::new(line.start, sent.start))
        .into_iter()
        .rev()
        .map(|(_, id)| id)
        .find(|id| rec.entities[*id].place().is_some_and(|p| p.level == Some(level)))
}

/// What 争取 obtains rather than strives for (争取中央预算内投资, 争取专项债券资金).
const OBTAINED: &[&str] = &[
    "中央",
    "上级",
    "国家",
    "省级",
    "省里",
    "地方政府",
    "专项",
    "资金",
    "债券",
    "政策",
];

/// Words after which a clause tells what a project will yield (达产后年产值…).
const PROJECTED: &[&str] = &["达产后", "满产后", "建成后", "投产后", "达效后", "投用后", "全面达产"];

/// Generic words that cannot name a project by themselves.
const GENERIC: &[&str] = &[
    "产业",
    "重点",
    "重大",
    // 补短板的关键项目.
    "关键",
    "民生",
    "招商",
    "建设",
    "投资",
    "储备",
    "在建",
    "新上",
    "新建",
    "续建",
    "签约",
    "开工",
    "竣工",
    "龙头",
    "大",
    "好",
    "优质",
    "单体",
    "示范",
    "基础设施",
    "社会",
    "政府",
    "工业",
    "农业",
    "引进",
    "落地",
    "合作",
    "试点",
    "民营",
    "外资",
    "城建",
    "交通",
    "水利",
    "能源",
    "重中之重",
    "重点工程",
    "省级重点工程",
    "市级重点工程",
    "重大工程",
    "一批",
    "这些",
    "该",
    "各类",
    "产业化",
    "好项目",
    "大项目",
    "城市",
    "乡村振兴",
    "帮扶",
    "PPP",
    "招商引资",
    "攻坚",
    "提升",
    "改造",
    "配套",
    "相关",
    "技改",
    "增资",
    "扩产",
    // 延链补链项目, 强链项目: what a project does for a chain, not its name.
    // 非遗项目, 包联项目: a class of heritage, a leader's charge.
    "非遗",
    "包联",
    "延链补链",
    "补链强链",
    "延链",
    "补链",
    "强链",
];

pub(crate) fn recognise(ctx: &Ctx<'_>, rec: &mut Recognition, amounts: &[FoundAmount]) {
    let mut used = vec![false; amounts.len()];
    let referring = investments(ctx, rec, amounts, &mut used);
    named_before_project(ctx, rec);
    facilities(ctx, rec);
    built_by_organisation(ctx, rec);
    // Once every project is named: 该项目总投资…
    for r in referring {
        refer_back(ctx, rec, &amounts[r.amount], r.at, r.role);
    }
    investors_after(ctx, rec);
    figures(ctx, rec, amounts, &used);
}

/// An investment whose project is referred to (该项目总投资12.3亿元): the amount, where the
/// reference starts, and the role.
struct Referring {
    amount: usize,
    at: usize,
    role: InvestmentRole,
}

/// Records the investment of a project referred to at `at` (该项目…): the project named
/// last before, in this sentence or the one before it.
fn refer_back(ctx: &Ctx<'_>, rec: &mut Recognition, a: &FoundAmount, at: usize, role: InvestmentRole) {
    let Some(line) = super::text::line_of(&ctx.body.spans, a.span) else {
        return;
    };
    let sent = ctx.sentence(Span::new(at, at));
    // Where the sentence before starts: after the end of the one before it.
    let before = ctx.text[line.start..sent.start].trim_end_matches(super::text::is_sentence_end);
    let from = before
        .char_indices()
        .rev()
        .find(|(_, c)| super::text::is_sentence_end(*c))
        .map_or(line.start, |(i, c)| line.start + i + c.len_utf8());
    // A project named since that was not recognised (…算力中心项目，该项目…) is the one
    // referred to: then none is.
    let named = rec
        .starting_in(from, at)
        .filter(|(s, id)| s.end <= at && rec.entities[*id].kind == EntityKind::Project)
        .last()
        .filter(|(s, _)| !ctx.text[s.end..at].contains("项目"));
    if let Some((_, project)) = named {
        invest(ctx, rec, a, project, role, Span::new(at, a.span.end));
        return;
    }
    // The project referred to, named since but not recognised (东海岛绿色石化新材料一体化项目
    // 全面进入设备安装阶段，该项目总投资256亿元): the reference vouches for a long name.
    let unnamed = ctx.text[from..at]
        .rfind("项目")
        .map(|i| from + i)
        .filter(|&p| !rec.covered(Span::new(p, p + "项目".len()), &[EntityKind::Project]));
    if let Some(p) = unnamed {
        let cl = ctx.clause(Span::new(p, p));
        let start = project_start(ctx, rec, cl.start, p);
        if ctx.text[start..p].chars().count() >= 6 {
            if let Some(project) = add_project(ctx, rec, Span::new(start, p + "项目".len())) {
                invest(ctx, rec, a, project, role, Span::new(at, a.span.end));
                return;
            }
        }
    }
    // Still an amount the text states.
    add_amount(ctx, rec, a);
}

/// 总投资N亿元的X and X(项目)投资N亿元. Returns the investments of projects referred to
/// (该项目…), for when every project is named.
fn investments(ctx: &Ctx<'_>, rec: &mut Recognition, amounts: &[FoundAmount], used: &mut [bool]) -> Vec<Referring> {
    let mut referring = Vec::new();
    for (i, a) in amounts.iter().enumerate() {
        if !a.amount.unit.is_money() {
            continue;
        }
        let Some(line) = super::text::line_of(&ctx.body.spans, a.span) else {
            continue;
        };
        // The keyword ends where the amount starts and is at most eight characters long:
        // only the line's last 32 bytes before the amount can hold it (a pattern anchored at
        // the end, run over the whole line, costs as much as the line for every amount).
        let mut from = a.span.start.saturating_sub(32).max(line.start);
        while !ctx.text.is_char_boundary(from) {
            from += 1;
        }
        let Some(kw) = INVEST_BEFORE.captures(&ctx.text[from..a.span.start]) else {
            used[i] = field_investment(ctx, rec, a, line);
            continue;
        };
        let keyword = kw.get(1).map_or("", |m| m.as_str());
        let role = if keyword.contains("计划") {
            InvestmentRole::Planned
        } else if keyword.contains("实际") || keyword.contains("完成") {
            InvestmentRole::Actual
        } else {
            InvestmentRole::Total
        };
        let kw_start = from + kw.get(0).map_or(0, |m| m.start());
        // Amount before the project: …的X、
        let after = &ctx.text[a.span.end..line.end];
        if let Some(rest) = after.strip_prefix('的') {
            let start = a.span.end + '的'.len_utf8();
            let mut end = start
                + rest
                    .find(['、', '，', ',', '。', '；', ';', '等'])
                    .unwrap_or(rest.len());
            // A facility's name ends at its head word where the predicate starts (总投资26.5亿元
            // 的周口中心港二期工程 | 今年将全面投用), even when the predicate names a project
            // (…生态综合治理工程 | 是陕南地区的标志性项目).
            end = facility_end(ctx, start, end);
            // The name ends with 项目 where it has one (…转型升级项目建设 → …转型升级项目), and
            // before the next investment of a list joined by 和 (X和总投资60亿元的Y).
            if let Some(i) = ctx.text[start..end].find("项目") {
                end = start + i + "项目".len();
            }
            if let Some(i) = ctx.text[start..end].find("投资") {
                end = start + ctx.text[start..start + i].trim_end_matches(['总', '计', '划']).len();
                end = start + ctx.text[start..end].trim_end_matches(['和', '及', '与', '、']).len();
            }
            let name_span = Span::new(start, end);
            if let Some(project) = add_project(ctx, rec, name_span) {
                invest(ctx, rec, a, project, role, Span::new(kw_start, end));
                used[i] = true;
            }
            continue;
        }
        // Amount, then what it builds: 计划投资50亿元建设X项目 (the name ends at 项目, within
        // the clause).
        // Also after a comma, where nothing before the keyword names a project: 宣布增资5亿美元,
        // 扩建年产20GWh动力电池项目.
        let comma = ['，', ',']
            .into_iter()
            .find(|c| after.starts_with(*c))
            .map_or(0, char::len_utf8);
        // …项目。由…有限公司投资建设,总投资15亿元,建设…中心: what it builds is the project's part.
        let head_raw = &ctx.text[line.start..kw_start];
        let head_text = head_raw.trim_end_matches(['，', ',']);
        let project_before = || {
            head_text.ends_with("项目")
                || head_text.len() < head_raw.len() && built_by_clause(ctx, rec, line.start, head_text).is_some()
        };
        let built = (comma == 0 || !project_before())
            .then(|| built_object(&after[comma..]))
            .flatten()
            .map(|(verb_end, rest)| (comma + verb_end, rest));
        if let Some((verb_len, rest)) = built {
            let clause_len = rest
                .find(['，', ',', '。', '；', ';', '、', '：', ':'])
                .unwrap_or(rest.len());
            // 投资3.2亿元建设的恒远精密智能工厂项目: the name starts after 的.
            let particle = rest.strip_prefix(['的', '了']).map_or(0, |r| rest.len() - r.len());
            let start = a.span.end + verb_len + particle;
            let rest = &rest[particle..];
            let clause_len = clause_len - particle;
            if let Some(at) = rest[..clause_len].find("项目") {
                let name_span = Span::new(start, start + at + "项目".len());
                if let Some(project) = add_project(ctx, rec, name_span) {
                    invest(ctx, rec, a, project, role, Span::new(kw_start, name_span.end));
                    used[i] = true;
                    continue;
                }
            } else {
                // Without 项目, what is built is a facility when its name ends with a
                // facility's head word, before what is said of it: 投资3000万元建设家具产业
                // 大数据中心, 投资2600万元建设的柑橘冷链仓储中心已经投入使用.
                let end = facility_end(ctx, start, start + clause_len);
                let span = Span::new(start, end);
                if start < end
                    && invested_facility(&ctx.text[span.range()])
                    && !rec.covered(span, &[EntityKind::Project])
                {
                    if let Some(project) = add_project(ctx, rec, span) {
                        invest(ctx, rec, a, project, role, Span::new(kw_start, end));
                        used[i] = true;
                        continue;
                    }
                }
            }
        }
        // Project before the amount: X项目(总)投资N亿元, X项目投入N亿元.
        let head = &ctx.text[line.start..kw_start];
        let after_comma = head.ends_with(['，', ',']);
        // …封测基地（计划投资9.5亿元）: the amount in brackets after a name is its investment.
        let head = head.trim_end_matches(['，', ',', '（', '(']);
        // A phase's investment is the project's: X项目一期投资3.6亿元. So is the amount of the
        // clause after its progress: X项目已开工建设,投资5亿元.
        let head = ["一期", "二期", "三期", "四期"]
            .iter()
            .chain(PROGRESS.iter().filter(|_| after_comma))
            .find_map(|p| {
                // (A facility's progress too: …三期工程开工建设，总投资38.7亿元; its phase
                // names it, …产业园二期.)
                let phase = p.ends_with('期');
                head.strip_suffix(p)
                    .map(before_progress)
                    .filter(|h| h.ends_with("项目") || !phase && invested_facility(h))
            })
            .unwrap_or(head);
        // And after where it is sited: X项目落户高新区,总投资65亿元.
        let head = match after_comma.then(|| sited_project_end(rec, line.start, head)).flatten() {
            Some(end) => &head[..end],
            None => head,
        };
        // So is the amount after the clause naming who builds it: X项目,由…有限公司投资建设,
        // 总投资18.3亿元.
        let built_by = after_comma
            .then(|| built_by_clause(ctx, rec, line.start, head))
            .flatten();
        let head = match built_by {
            Some(project_end) => &ctx.text[line.start..project_end],
            None => head,
        };
        // 该项目总投资12.3亿元: the project named before, once every project is named. Named
        // or not, a project's investment is no figure of the place.
        // A bare 项目 opening its clause refers back too (…项目正式开工,项目总投资50亿元).
        let bare = head
            .strip_suffix("项目")
            .is_some_and(|h| h.is_empty() || h.ends_with(['，', ',', '。', '；', ';']))
            .then_some(&"项目");
        if let Some(reference) = ANAPHORA.iter().find(|w| head.ends_with(*w)).or(bare) {
            let at = line.start + head.len() - reference.len();
            referring.push(Referring { amount: i, at, role });
            used[i] = true;
            continue;
        }
        // 三是…制造基地项目。这是…集团在华中地区投资的首个生产基地,总投资3.5亿美元: a sentence
        // that says what the item's heading is speaks of the heading's project.
        // (The sentence is looked for only where the line holds 这是 before the amount.)
        let sent_start = if ctx.text[line.start..a.span.start].contains("这是") {
            ctx.sentence(a.span).start
        } else {
            a.span.start
        };
        let of_heading = ctx.text[sent_start..].starts_with("这是")
            && ctx.text[line.start..sent_start]
                .strip_suffix('。')
                .is_some_and(|b| b.ends_with("项目") && is_heading(b));
        if of_heading {
            // The heading names the project, if nothing recognised it yet.
            let heading_end = sent_start - '。'.len_utf8();
            let name_end = heading_end - "项目".len();
            if !rec.covered(Span::new(name_end, heading_end), &[EntityKind::Project]) {
                let start = project_start(ctx, rec, line.start, name_end);
                add_project(ctx, rec, Span::new(start, heading_end));
            }
            referring.push(Referring {
                amount: i,
                at: sent_start,
                role,
            });
            used[i] = true;
            continue;
        }
        if let Some(stripped) = head.strip_suffix("项目") {
            let end = line.start + stripped.len() + "项目".len();
            let start = project_start(ctx, rec, line.start, line.start + stripped.len());
            if let Some(project) = add_project(ctx, rec, Span::new(start, end)) {
                invest(ctx, rec, a, project, role, Span::new(start, a.span.end));
                used[i] = true;
            }
        } else if invested_facility(head) {
            // A facility before the amount, without 项目: 凯里至雷山高速公路总投资98亿元,
            // 张江科学城二期总投资约350亿元. As for facilities named after a verb, the name
            // needs something proper (a place, an organisation, a name jieba does not know).
            let mut end = line.start + head.len();
            // …配套工程（凌海市）: a place in brackets after the name says where it is; it is
            // no part of the name.
            if let Some(open) = head.strip_suffix(['）', ')']).and_then(|h| h.rfind(['（', '('])) {
                let open_len = head[open..].chars().next().map_or(0, char::len_utf8);
                let inner = Span::new(
                    line.start + open + open_len,
                    end - '）'.len_utf8().min(head.len() - open),
                );
                if rec.places_in(inner).iter().any(|(s, _)| *s == inner) {
                    end = line.start + open;
                }
            }
            // Names of works run long (凌海精细化工产业园基础设施配套工程, 锦州医科大学附属第一医院
            // 新院区建设工程): twenty characters.
            let mut start = extend_left(ctx.text, ctx.tokens, line.start, end, 20);
            // Words of work stop the phrase (…管网改造 | 工程): then the name is the phrase
            // before them, with them.
            let name = &ctx.text[start..end];
            if FACILITY_HEAD.find(name).is_some_and(|m| m.start() == 0) || PARK_HEADS.contains(&name) {
                start = project_start(ctx, rec, line.start, start);
            }
            let span = Span::new(start, end);
            // Or an organisation invests in it (由…药业有限公司投资建设的…智能制造基地,总投资12.5
            // 亿元), or the name is long and opens its clause or follows a verb of building
            // (。县城集中供热管网改造工程计划投资2800万元, 建设新能源装备制造产业园,总投资21亿元):
            // a generic facility (重大水利工程) is short.
            let long = ctx.text[span.range()].chars().count() >= 8;
            // (After the number of an item of a list: 1.锦州港…二期工程，总投资26.5亿元.)
            let opens_clause = {
                let cl_start = ctx.clause(span).start;
                cl_start == start || is_item_number(&ctx.text[cl_start..start])
            };
            let built = BUILD_VERBS.iter().any(|v| ctx.text[..start].ends_with(v));
            let vouched = || {
                has_proper_word(ctx, rec, span)
                    || investor_before(ctx, rec, span).is_some()
                    || long && (opens_clause || built)
            };
            // A facility recognised already (the heading of an item, …产业园。产业园由…投资,
            // 总投资56亿元) takes the amount.
            let known = built_by.and_then(|_| {
                rec.starting_in(line.start, end)
                    .filter(|(s, id)| s.end == end && rec.entities[*id].kind == EntityKind::Project)
                    .last()
            });
            if let Some((s, project)) = known {
                invest(ctx, rec, a, project, role, Span::new(s.start, a.span.end));
                used[i] = true;
            } else if !rec.covered(span, &[EntityKind::Project]) && vouched() {
                if let Some(project) = add_project(ctx, rec, span) {
                    invest(ctx, rec, a, project, role, Span::new(start, a.span.end));
                    used[i] = true;
                }
            }
        }
        // Progress on the project the sentence opens with: X项目计划总投资12.6亿元,目前已完成
        // 投资3.5亿元. Only for what was done, where no other subject can stand between.
        if !used[i] && matches!(role, InvestmentRole::Actual) {
            let sent = ctx.sentence(a.span);
            // A Q&A answer opens after its speaker: 何永仙:红河综合保税区二期项目…
            let text = &ctx.text[sent.range()];
            let opens = match text.char_indices().take(8).find(|(_, c)| matches!(c, '：' | ':')) {
                Some((at, c)) => {
                    let rest = &text[at + c.len_utf8()..];
                    sent.start + text.len() - rest.trim_start().len()
                }
                None => sent.start,
            };
            // Or the one project the sentence names before the amount (…有限公司投资建设的30万
            // 吨煤基新材料项目总投资38亿元,目前完成投资12亿元).
            let only = || {
                let mut named = rec
                    .starting_in(opens, a.span.start)
                    .filter(|(_, id)| rec.entities[*id].kind == EntityKind::Project);
                let first = named.next()?;
                named.all(|(_, id)| id == first.1).then_some(first)
            };
            let opener = rec
                .starting_in(opens, opens + 1)
                .filter(|(_, id)| rec.entities[*id].kind == EntityKind::Project)
                .max_by_key(|(s, _)| s.len())
                .or_else(only);
            if let Some((s, project)) = opener {
                invest(ctx, rec, a, project, role, Span::new(s.start, a.span.end));
                used[i] = true;
            } else if let Some(at) = ANAPHORA
                .iter()
                .filter_map(|w| text[..a.span.start - sent.start].rfind(w))
                .max()
            {
                // Or the project the sentence refers back to before the amount (…项目建设，该项目
                // 总投资45亿元，今年要完成投资12亿元), once every project is named.
                referring.push(Referring {
                    amount: i,
                    at: sent.start + at,
                    role,
                });
                used[i] = true;
            }
        }
    }
    referring
}

/// Whether `s` is the number of an item of a list and nothing else: 1. 2、 (3) （三） 一是.
fn is_item_number(s: &str) -> bool {
    let s = s.trim();
    let body = s
        .strip_suffix(['.', '、', '．', '，', ')', '）'])
        .map(|b| b.trim_start_matches(['(', '（']))
        .or_else(|| s.strip_suffix('是'))
        .unwrap_or("");
    !body.is_empty()
        && body.chars().count() <= 3
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
}

/// Words that refer back to the project named before (该项目总投资…).
const ANAPHORA: &[&str] = &["该项目", "这个项目", "此项目", "这一项目", "该工程"];

/// Verbs of building that take a project after an amount (计划投资50亿元建设X项目).
const BUILD_VERBS: &[&str] = &["建设", "实施", "打造", "新建", "兴建", "扩建", "用于建设"];

/// After an amount, the end of the verb of building that follows it, and the text after
/// the verb; the verb may come after where it builds (投资18亿元在让胡路区建设…), at most
/// sixteen characters of a place without punctuation.
fn built_object(after: &str) -> Option<(usize, &str)> {
    fn verb_at(s: &str) -> Option<(usize, &str)> {
        BUILD_VERBS
            .iter()
            .find_map(|v| s.strip_prefix(v).map(|rest| (v.len(), rest)))
    }
    if let Some(found) = verb_at(after) {
        return Some(found);
    }
    let rest = after.strip_prefix('在')?;
    rest.char_indices()
        .take(16)
        .take_while(|(_, c)| is_han(*c))
        .skip(2)
        .find_map(|(i, _)| verb_at(&rest[i..]).map(|(len, r)| ('在'.len_utf8() + i + len, r)))
}

/// How far a project has come, said right after its name (X项目已开工建设,投资5亿元).
const PROGRESS: &[&str] = &[
    "已开工建设",
    "已开工",
    "开工建设",
    "正在建设",
    "加快建设",
    "已建成投产",
    "建成投产",
    "已建成",
    "已投产",
    "已签约",
    "已落地",
    "签约落地",
    "进展顺利",
    "顺利推进",
    "开工",
    "投产",
    "竣工",
    "建成",
    "落地",
    "签约",
];

/// `head` without the adverbs and the time before a word of progress (…项目 | 今年6月 | 开工,
/// …项目 | 已于去年3月正式 | 投产).
fn before_progress(head: &str) -> &str {
    let mut h = head;
    for adverb in ["正式", "顺利", "全面"] {
        h = h.strip_suffix(adverb).unwrap_or(h);
    }
    if let Some(rest) = h.strip_suffix('月') {
        let month = rest.trim_end_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
        if month.len() < rest.len() {
            h = month;
        }
    }
    for time in ["上半年", "下半年", "年初", "年底", "年内", "今年", "去年", "明年"] {
        h = h.strip_suffix(time).unwrap_or(h);
    }
    for adverb in ["已于", "于", "已经", "已"] {
        h = h.strip_suffix(adverb).unwrap_or(h);
    }
    h
}

/// Records `a` as the investment of `project`, stated by `span`.
fn invest(ctx: &Ctx<'_>, rec: &mut Recognition, a: &FoundAmount, project: LocalId, role: InvestmentRole, span: Span) {
    let amount = add_amount(ctx, rec, a);
    rec.investments.push(InvestmentCue {
        project,
        amount,
        role,
        span,
    });
}

/// A field of a list of signed projects: the amount after 投资额： on its own line, the
/// name after 项目名称： a few lines before it, and the company after 投资方： between them.
///
/// ```text
/// 1．项目名称：新能源汽车热管理系统生产基地
/// 　投资方：韩国大成精工株式会社
/// 　投资额：1.2亿美元
/// ```
fn field_investment(ctx: &Ctx<'_>, rec: &mut Recognition, a: &FoundAmount, line: Span) -> bool {
    if !AMOUNT_FIELD.is_match(&ctx.text[line.start..a.span.start]) {
        return false;
    }
    let lines = &ctx.body.spans;
    let at = lines.partition_point(|l| l.start < line.start);
    let mut investor = None;
    for l in lines[at.saturating_sub(4)..at].iter().rev() {
        let text = &ctx.text[l.range()];
        if let Some(m) = INVESTOR_FIELD.captures(text).and_then(|c| c.get(1)) {
            let org = Span::new(l.start + m.start(), l.start + m.end());
            investor = rec
                .starting_in(org.start, org.start + 1)
                .find(|(s, id)| s.end <= org.end && rec.entities[*id].kind == EntityKind::Organization)
                .map(|(_, id)| id);
            continue;
        }
        let Some(m) = NAME_FIELD.captures(text).and_then(|c| c.get(1)) else {
            continue;
        };
        let name = Span::new(l.start + m.start(), l.start + m.end());
        let Some(project) = add_project(ctx, rec, name) else {
            return false;
        };
        if let Some(cue) = rec.projects.last_mut().filter(|c| c.project == project) {
            let field = investor.map(|org| Investor {
                org,
                span: Span::new(l.start, line.start),
                rule: "investor-field",
            });
            cue.investor = cue.investor.or(field);
        }
        let role = if ctx.text[line.start..a.span.start].contains("计划") {
            InvestmentRole::Planned
        } else {
            InvestmentRole::Total
        };
        invest(ctx, rec, a, project, role, Span::new(l.start, a.span.end));
        return true;
    }
    false
}

/// Words that start what is said of a facility (…工程今年将全面投用, …基地已在…动工, …中心去年底
/// 建成运营, …工程要在雨季前…, …工程是…的标志性项目).
const PREDICATE_STARTS: &[&str] = &[
    "今年",
    "明年",
    "去年",
    "去年底",
    "年内",
    "年底",
    "要",
    "是",
    "目前",
    "预计",
    "计划",
    "已",
    "已经",
    "现已",
    "已于",
    "也",
    "均",
    "正",
    "正在",
    "将",
    "将于",
    "即将",
    "有望",
    "建成后",
    "投产后",
    // …数字交易中心 | 建成投用: what happened to it.
    "建成",
    "建成投用",
    "建成投产",
    "竣工",
    "投用",
    "投产",
    "开工",
    "落成",
    "完工",
    "全面",
    "顺利",
    "由",
    "在",
];

/// The end of a facility's name that runs from `start` to at most `end`: before the first
/// word that starts a predicate, where what comes before it ends with a facility's head
/// word, a park's or a hall's (汽车电子产业园 | 正加紧建设, …文化体验馆 | 今年开工建设); `end`
/// when there is none.
fn facility_end(ctx: &Ctx<'_>, start: usize, end: usize) -> usize {
    let text = &ctx.text[start..end];
    text.char_indices()
        .map(|(i, _)| start + i)
        .filter(|&p| p > start && ctx.tokens.starts_at(p))
        .find(|&p| {
            ctx.tokens
                .word_at(p)
                .is_some_and(|w| PREDICATE_STARTS.contains(&&ctx.text[w.range()]))
                && (invested_facility(&ctx.text[start..p]) || ctx.text[start..p].ends_with(['园', '区', '馆']))
        })
        .unwrap_or(end)
}

/// Adds a project if `span` holds a name: not a count (876个重点项目), not generic.
fn add_project(ctx: &Ctx<'_>, rec: &mut Recognition, span: Span) -> Option<LocalId> {
    // A name that starts inside an organisation's name (…有限公司年产5万吨电子级化学品项目)
    // starts with it: the organisation is the investor.
    // So does one right after an organisation's name (深圳市鑫达光电科技有限公司 | 年产…项目).
    let span = rec
        .starting_in(span.start.saturating_sub(rec.longest_mention()), span.start)
        .filter(|(s, id)| {
            s.start < span.start
                && s.end >= span.start
                && s.end < span.end
                && rec.entities[*id].kind == EntityKind::Organization
        })
        .map(|(s, _)| s.start)
        .min()
        .map_or(span, |start| Span::new(start, span.end));
    // The mention is the name without surrounding white space (U+2001, U+3000 …), so that
    // it slices out exactly the name.
    let raw = ctx.text.get(span.range())?;
    let name = raw.trim();
    let start = span.start + (raw.len() - raw.trim_start().len());
    let span = Span::new(start, start + name.len());
    if !project_name_ok(name) || ctx.body.is_redacted(span) || counted(ctx.text, span.start) {
        return None;
    }
    // A division and a generic word name no project (福山区各重点项目, 赣州市重大项目). (A
    // park's name with 项目 is one: 滇瑞生物医药产业园 | 项目.)
    let after_division = rec
        .places_in(span)
        .into_iter()
        .filter(|(s, id)| {
            s.start == span.start
                && rec.entities[*id]
                    .place()
                    .is_some_and(|p| p.level.is_some_and(|l| l != PlaceLevel::Zone))
        })
        .map(|(s, _)| &ctx.text[s.end..span.end])
        .min_by_key(|rest| rest.len());
    // (泽州县项目建设工作: a division and 项目 alone name none either.)
    if after_division.is_some_and(|rest| {
        let stem = rest.trim_end_matches("项目");
        stem.is_empty() || generic_stem(stem)
    }) {
        return None;
    }
    if sector_class(ctx, name) {
        return None;
    }
    let id = rec.add(EntityKind::Project, name, name, Some(span), EntityDetail::None);
    // The place the name starts with, and the organisation that invests.
    let investor = rec
        .starting_in(span.start, span.start + 1)
        .find(|(s, eid)| s.end < span.end && rec.entities[*eid].kind == EntityKind::Organization);
    // A place in the investor's name (江西金磁永磁科技有限公司) says where the company is
    // registered, not where the project is.
    let place = rec
        .places_in(span)
        .into_iter()
        .find(|(s, _)| s.start == span.start && investor.is_none_or(|(org, _)| !org.contains(*s)))
        .map(|(_, id)| id)
        .or_else(|| built_at(ctx, rec, span));
    let investor = investor
        .map(|(_, org)| Investor {
            org,
            span,
            rule: "investor-in-project-name",
        })
        .or_else(|| investor_before(ctx, rec, span));
    let industry = ctx
        .res
        .lexical
        .industries
        .find(name)
        .map(|m| ctx.res.lexical.industry_names[m.word].0.clone())
        .and_then(|n| rec.find(EntityKind::Industry, &n));
    rec.projects.push(ProjectCue {
        project: id,
        place,
        investor,
        industry,
        span,
    });
    Some(id)
}

/// Whether a count stands right before `at` (611个 | 省级重点项目, 三批 | 重大项目): what
/// follows is a kind of project counted, not a name.
fn counted(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    before.next().is_some_and(|c| "个项批".contains(c))
        && before
            .next()
            .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十百千万两几多".contains(c))
}

/// The place where the clause says the project at `span` is built, right before its name:
/// 在神木市建设的 | 煤制高端聚烯烃项目, 在高新区投资建设的 | ….
fn built_at(ctx: &Ctx<'_>, rec: &Recognition, span: Span) -> Option<LocalId> {
    const VERBS: &[&str] = &["投资建设的", "建设的", "投资的", "投建的", "新建的", "兴建的"];
    let before = &ctx.text[..span.start];
    let verb = VERBS.iter().find(|v| before.ends_with(*v))?;
    let place_end = span.start - verb.len();
    rec.starting_in(place_end.saturating_sub(rec.longest_mention()), place_end)
        .filter(|(s, id)| {
            s.end == place_end && rec.entities[*id].kind == EntityKind::Place && ctx.text[..s.start].ends_with('在')
        })
        .map(|(_, id)| id)
        .last()
}

/// Verbs by which an organisation invests in what follows (宁德时代投资50亿元建设…项目).
const INVEST_VERBS: &[&str] = &["投资", "增资", "出资", "投建", "追加投资", "再投资"];
/// Verbs by which a place brings a company in (引进北京…集团).
const BRING_IN: &[&str] = &["引进", "引进了", "引入", "招引"];
/// Words that may stand between the organisation and its verb (赣州瑞能…公司宣布增资).
const BEFORE_INVEST_VERB: &[&str] = &[
    "今年", "明年", "去年", "年内", "近期", "宣布", "计划", "拟", "将", "再", "追加", "累计", "共", "已", "又", "还",
];
/// Verbs right before a project's name that make the organisation before them its builder
/// (…有限公司今年将在威远镇启动青稞酒产业园技改扩能项目).
const STARTS_PROJECT: &[&str] = &[
    "启动",
    "启动了",
    "建设",
    "实施",
    "实施了",
    "新建",
    "扩建",
    "开工建设",
    "启动建设",
    "投建",
    // …电子科技有限公司(华光电子)的车规级功率半导体封装测试项目: the company's own.
    "的",
];

/// The organisation that invests in the project at `project`, when the clause says so: the
/// organisation, its verb right after it (a few adverbs apart), then the project later in
/// the same sentence, at most one comma on: 由江西铜业集团投资建设的南康铜箔产业园项目,
/// 赣州瑞能电池科技有限公司宣布增资5亿元,扩建年产10GWh锂电池项目. An organisation one signs
/// with (与正邦集团签约, 总投资8亿元的…项目) is not the investor.
fn investor_before<'a>(ctx: &Ctx<'a>, rec: &Recognition, project: Span) -> Option<Investor> {
    let line = super::text::line_of(&ctx.body.spans, project)?;
    let sentence_start = ctx.text[line.start..project.start]
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '。' | '；' | ';' | '！' | '？'))
        .map_or(line.start, |(i, c)| line.start + i + c.len_utf8());
    let (org_span, org) = rec
        .starting_in(sentence_start, project.start)
        .filter(|(s, id)| s.end <= project.start && rec.entities[*id].kind == EntityKind::Organization)
        .last()?;
    let between = &ctx.text[org_span.end..project.start];
    // A company brought in is the subject of the next clause too: 我们引进北京…科技集团,计划
    // 投资18亿元在让胡路区建设松嫩智算中心.
    let brought_in = BRING_IN
        .iter()
        .any(|w| ctx.text[sentence_start..org_span.start].ends_with(w));
    // The verb after the organisation, past adverbs (计划, 拟 …) and where it invests (…有限
    // 公司在高新区投资建设的…项目).
    let verb_after = |mut rest: &'a str| -> &'a str {
        while let Some(w) = BEFORE_INVEST_VERB.iter().find(|w| rest.starts_with(*w)) {
            rest = &rest[w.len()..];
        }
        if let Some(place) = rest.strip_prefix('在') {
            let verb_at = place
                .char_indices()
                .take_while(|(_, c)| is_han(*c))
                .take(16)
                .map(|(j, _)| j)
                .find(|&j| {
                    INVEST_VERBS.iter().any(|v| place[j..].starts_with(v))
                        || builds_own(&place[j..])
                        || STARTS_PROJECT.contains(&&place[j..])
                });
            if let Some(j) = verb_at {
                rest = &place[j..];
            }
        }
        rest
    };
    // (A short name in brackets after the organisation's says nothing of the project.)
    let between = match between.strip_prefix(['(', '（']) {
        Some(rest) => rest
            .find([')', '）'])
            .map_or(between, |i| rest[i..].trim_start_matches([')', '）'])),
        None => between,
    };
    let mut after_adverbs = verb_after(if brought_in {
        between.trim_start_matches(['，', ','])
    } else {
        between
    });
    // A company that opens the sentence is the subject of its next clause too: 浙江驰拓电机集团
    // 也把新基地放在了高新区,计划投资15亿元建设稀土永磁电机项目.
    // (After a time that opens the sentence: 今年1月,韩国…株式会社与我们签约,计划投资2.8亿
    // 美元,在…建设智能声学模组项目.)
    let opening = ctx.text[sentence_start..org_span.start].trim();
    let opens_sentence = opening.is_empty()
        || opening.ends_with(['，', ','])
            && opening.chars().count() <= 10
            && opening.contains(['年', '月', '日', '近'])
            && !opening.trim_end_matches(['，', ',']).contains(['，', ',']);
    let invests = |rest: &str| {
        INVEST_VERBS.iter().any(|v| rest.starts_with(v)) || builds_own(rest) || STARTS_PROJECT.contains(&rest)
    };
    if opens_sentence && !brought_in && !invests(after_adverbs) {
        if let Some(i) = between.find(['，', ',']) {
            after_adverbs = verb_after(between[i..].trim_start_matches(['，', ',']));
        }
    }
    let partner = ctx.text[sentence_start..org_span.start].ends_with(['与', '和', '同', '跟']);
    // Brought in, it builds too: 引进天山风电装备集团,在开发区伊宁园区建设新能源装备制造产业园.
    let ok = (invests(after_adverbs) || brought_in && built_object(after_adverbs).is_some())
        && between.matches(['，', ',']).count() <= 1 + usize::from(opens_sentence)
        && !rec.covered(Span::new(org_span.end, project.start), &[EntityKind::Organization])
        && !partner;
    ok.then_some(Investor {
        org,
        span: Span::new(org_span.start, project.end),
        rule: "investor-of-clause",
    })
}

/// Verbs by which an organisation after 由 builds or funds what was named before.
const BUILT_BY_VERBS: &[&str] = &[
    "投资建设",
    "投资兴建",
    "投资打造",
    "开发建设",
    "出资建设",
    "牵头投资",
    "牵头建设",
    "建设",
    "兴建",
    "投建",
    "投资",
];

/// The organisation that builds a project named before it in the sentence: …光伏储能一体化
/// 项目,总投资21.5亿元,由青海昆仑绿能发电有限公司投资建设; …产业化基地由…集团有限公司投资建设;
/// …智能工厂在开发区开工,项目由…有限公司投资建设. 由 follows the project's name, a comma or a
/// bare 项目 (a clause about something else, 配套道路由…建设, is another subject's), and
/// the organisation is the only one named after the project.
fn investors_after(ctx: &Ctx<'_>, rec: &mut Recognition) {
    let mut found: Vec<(LocalId, Investor)> = Vec::new();
    for &line in &ctx.body.spans {
        for (i, _) in ctx.text[line.range()].match_indices('由') {
            let by = line.start + i;
            let Some((org, clause_end)) = built_by_at(ctx, rec, by) else {
                continue;
            };
            let sent = ctx.sentence(Span::new(by, by + '由'.len_utf8()));
            // A sentence that opens with the clause, or with a word referring back, refers to
            // an item's heading before it (一是…产业园项目。由…有限公司投资, 这个项目由…,
            // …产业园。产业园由…).
            let opener = &ctx.text[sent.start..by];
            let refers = opener.is_empty() || ANAPHORA.iter().chain(&["项目"]).chain(PARK_HEADS).any(|w| opener == *w);
            let heading = ctx.text[..sent.start]
                .strip_suffix('。')
                .filter(|b| refers && is_heading(b));
            let from = heading.map_or(sent.start, |b| {
                b.rfind(super::text::is_sentence_end).map_or(line.start, |i| i)
            });
            let Some((project_span, project)) = rec
                .starting_in(from.max(line.start), by)
                .filter(|(s, id)| s.end <= by && rec.entities[*id].kind == EntityKind::Project)
                .last()
            else {
                continue;
            };
            let between = &ctx.text[project_span.end..by];
            let before = if heading.is_some() { "" } else { between };
            let follows = before.is_empty()
                || before.ends_with(['，', ','])
                || ANAPHORA.iter().chain(&["项目"]).any(|w| before.ends_with(w));
            if !follows || rec.covered(Span::new(project_span.end, by), &[EntityKind::Organization]) {
                continue;
            }
            found.push((
                project,
                Investor {
                    org,
                    span: Span::new(project_span.start, clause_end),
                    rule: "investor-after-project",
                },
            ));
        }
    }
    // A project whose investor is named already keeps it.
    for (project, investor) in found {
        if rec
            .projects
            .iter()
            .any(|c| c.project == project && c.investor.is_some())
        {
            continue;
        }
        if let Some(cue) = rec.projects.iter_mut().find(|c| c.project == project) {
            cue.investor = Some(investor);
        }
    }
}

/// Verbs that say where a project is sited (X项目落户高新区).
const SITED: &[&str] = &["落户", "位于", "选址", "落地", "坐落于", "建在", "布局在"];

/// Where the project's name ends in `head` (the text of a line from `line_start`) when `head`
/// ends with <name>项目<verb of siting><place>: 内蒙古…投资建设的N型单晶硅片项目落户高新区.
fn sited_project_end(rec: &Recognition, line_start: usize, head: &str) -> Option<usize> {
    // The verb stands in the last clause: only that is searched, not the whole line.
    let clause_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| super::text::is_clause_end(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let (at, verb) = SITED
        .iter()
        .filter_map(|v| head[clause_start..].rfind(v).map(|at| (clause_start + at, *v)))
        .max_by_key(|(at, _)| *at)?;
    let place = Span::new(line_start + at + verb.len(), line_start + head.len());
    let placed = rec.places_in(place).iter().any(|(s, _)| *s == place);
    // (…高纯硅材料三期项目，落户太和区: a comma may stand before the verb.)
    let name = head[..at].trim_end_matches(['，', ',']);
    (name.ends_with("项目") && placed).then_some(name.len())
}

/// Where `head` (the text of a line from `line_start`) ends in a clause 由<organisation><verb of
/// building>, after a name ending with 项目 and a comma: the end of that name.
///
/// The name may also be a sentence of its own, the heading of an item: 一是…产业园项目。由…
/// 有限公司投资,总投资28亿元.
///
/// A word that refers back to the name may open the clause: 这个项目由…, and a park's head
/// word after a park (…零部件产业园。产业园由…牵头投资).
fn built_by_clause(ctx: &Ctx<'_>, rec: &Recognition, line_start: usize, head: &str) -> Option<usize> {
    let comma = head.rfind(['，', ',', '。'])?;
    let separator = head[comma..].chars().next()?;
    let clause_start = line_start + comma + separator.len_utf8();
    let before = head[..comma].trim_end();
    let clause = &head[comma + separator.len_utf8()..];
    let park = PARK_HEADS
        .iter()
        .find(|h| clause.starts_with(*h) && before.ends_with(*h));
    let refers = ANAPHORA
        .iter()
        .chain(&["项目"])
        .find(|w| clause.starts_with(*w))
        .or(park)
        .map_or(0, |w| w.len());
    let (_, by) = built_by_at(ctx, rec, clause_start + refers)?;
    // (Or a facility's heading referred back to: 二是…综合物流枢纽。这个项目由….)
    let facility = refers > 0 && invested_facility(before);
    let named = (before.ends_with("项目") || park.is_some() || facility) && (separator != '。' || is_heading(before));
    (by == line_start + head.len() && named).then_some(line_start + before.len())
}

/// Whether the last sentence of `before` is a bare name, the heading of an item (一是…项目):
/// no comma since the sentence before.
fn is_heading(before: &str) -> bool {
    let sentence = before
        .rfind(super::text::is_sentence_end)
        .map_or(before, |i| &before[i..]);
    !sentence.contains(['，', ',', '；', ';'])
}

/// The organisation of a clause 由<organisation><verb of building> that starts at `at`, and
/// where the clause ends, if one starts there.
fn built_by_at(ctx: &Ctx<'_>, rec: &Recognition, at: usize) -> Option<(LocalId, usize)> {
    let org_at = at + ctx.text[at..].strip_prefix('由').map(|_| '由'.len_utf8())?;
    let (org_span, org) = rec
        .starting_in(org_at, org_at + 1)
        .filter(|(_, id)| rec.entities[*id].kind == EntityKind::Organization)
        .max_by_key(|(s, _)| s.len())?;
    let verb = BUILT_BY_VERBS
        .iter()
        .find(|v| ctx.text[org_span.end..].starts_with(*v))?;
    Some((org, org_span.end + verb.len()))
}

/// Whether `s` opens with a verb of building and 的: what an organisation builds so is its
/// own (…集团有限公司在神木市建设的煤制高端聚烯烃项目).
fn builds_own(s: &str) -> bool {
    BUILD_VERBS
        .iter()
        .any(|v| s.strip_prefix(v).is_some_and(|rest| rest.starts_with('的')))
}

/// Units of capacity that may open a project's name.
const CAPACITY_UNITS: &[&str] = &[
    "万千瓦",
    "千瓦",
    "兆瓦",
    "万吨",
    "吨",
    "GW",
    "MW",
    "万平方米",
    "万方",
    "万标箱",
];

fn project_name_ok(name: &str) -> bool {
    let n = name.chars().count();
    if !(3..=30).contains(&n) {
        return false;
    }
    let first = name.chars().next().unwrap_or(' ');
    // A name may open with its capacity (300万千瓦风光制氢一体化项目), not with other figures.
    let capacity_first = || {
        let unit = name.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        CAPACITY_UNITS.iter().any(|u| unit.starts_with(u))
    };
    // Or with a short Latin code before Han characters (N型单晶硅片项目, AI算力中心项目).
    let code_first = || {
        let code_len = name.chars().take_while(char::is_ascii_alphanumeric).count();
        (1..=4).contains(&code_len)
            && name.chars().take(code_len).any(|c| c.is_ascii_uppercase())
            && name.chars().nth(code_len).is_some_and(is_han)
    };
    // (超十亿元项目: a class of projects by their size.)
    if !(is_han(first) || first.is_ascii_digit() && capacity_first() || code_first())
        || name.chars().any(|c| c.is_ascii_digit()) && name.contains('个')
        || name.contains("亿元")
        || name.contains("万元")
    {
        return false;
    }
    let stem = name.trim_end_matches("项目");
    // 上半年重点项目, 旗级领导包联重点项目, 自治州二季度重点项目: what ends with a rank of
    // projects names a class of them, whatever stands before.
    if stem.chars().count() < 2 || generic_stem(stem) || ["重点", "重大"].iter().any(|r| stem.ends_with(r)) {
        return false;
    }
    !GENERIC.iter().any(|g| stem.starts_with(g) && stem.chars().count() <= 4)
}

/// Whether `name` is a known sector and a class word (属于装备制造产业链项目, 新能源领域项目):
/// a kind of project, not one. (储能电池项目, what a company builds, is one.)
fn sector_class(ctx: &Ctx<'_>, name: &str) -> bool {
    ctx.res
        .lexical
        .industries
        .find(name)
        .is_some_and(|m| m.start == 0 && ["产业项目", "产业链项目", "领域项目", "类项目"].contains(&&name[m.end..]))
}

/// Whether `stem` (a name without 项目) is a generic word, perhaps after one character (各重点).
fn generic_stem(stem: &str) -> bool {
    GENERIC
        .iter()
        .any(|g| stem == *g || stem.ends_with(g) && stem.chars().count() <= g.chars().count() + 1)
}

/// Words for the work a project does, which stop names elsewhere (加快改造…) but end
/// them before 项目 (太极岛湿地公园提升改造项目).
const WORK_WORDS: &[&str] = &[
    "提升",
    "改造",
    "提升改造",
    "改扩建",
    "扩建",
    "新建",
    "建设",
    "升级",
    "技改",
];

/// Where the name of a project whose stem ends at `end` starts: its words of work, then
/// the phrase before them, back to `limit` and at most 16 characters before the work, and
/// back to the start of a town's name that runs across that start.
fn project_start(ctx: &Ctx<'_>, rec: &Recognition, limit: usize, end: usize) -> usize {
    let core_end = start_of_words_before(ctx.text, ctx.tokens, limit, end, WORK_WORDS);
    let start = extend_left(ctx.text, ctx.tokens, limit, core_end, 16);
    // Work words alone (改造项目) are no name: their phrase is what it was.
    let start = if start == core_end {
        extend_left(ctx.text, ctx.tokens, limit, end, 16)
    } else {
        start
    };
    // 千两茶非遗工坊及精深加工项目, 乌兰工业园道路及管网提升工程: 及 joins the parts of one
    // name, where a phrase stands before it that the walk would have taken.
    let start = match ctx.text[limit..start].strip_suffix('及') {
        Some(before) if !before.is_empty() => {
            let joined = limit + before.len();
            let earlier = extend_left(ctx.text, ctx.tokens, limit, joined, 16);
            if earlier < joined {
                earlier
            } else {
                start
            }
        }
        _ => start,
    };
    let start = town_stem_start(ctx, rec, limit, start);
    // 古丽娜尔·吐尔逊 | 就文旅项目建设作了安排: a person named inside the walk is the subject
    // of the clause, not part of the name.
    rec.starting_in(start, end)
        .filter(|(s, id)| s.end <= end && matches!(rec.entities[*id].kind, EntityKind::Official | EntityKind::Person))
        .map(|(s, _)| s.end)
        .max()
        .unwrap_or(start)
}

/// Where a name that starts at `start` starts when the name of a town of the document, without
/// its suffix, runs across `start` (里水镇的 | 里 | 水智能家电产业社区项目: jieba cuts 里 | 水).
/// Stems of two to four characters starting at most three characters before `start` are
/// looked up by name, so the cost does not grow with the towns of the page.
fn town_stem_start(ctx: &Ctx<'_>, rec: &Recognition, limit: usize, start: usize) -> usize {
    let is_town = |name: &str| {
        rec.find(EntityKind::Place, name).is_some_and(|id| {
            rec.entities[id]
                .place()
                .is_some_and(|p| p.level == Some(PlaceLevel::Town))
        })
    };
    let before: Vec<usize> = ctx.text[limit..start]
        .char_indices()
        .rev()
        .take(3)
        .map(|(i, _)| limit + i)
        .collect();
    // The earliest start whose stem runs past `start` and names a town. (One buffer for the
    // names looked up: this runs for every project name.)
    let mut name = String::new();
    let mut names_town = |stem: &str, suffix: &str| {
        name.clear();
        name.push_str(stem);
        name.push_str(suffix);
        is_town(&name)
    };
    before
        .into_iter()
        .rev()
        .find(|&from| {
            ctx.text[from..]
                .char_indices()
                .skip(2)
                .take(3)
                .map(|(i, _)| from + i)
                .filter(|&end| end > start)
                .any(|end| {
                    ["镇", "乡"]
                        .iter()
                        .any(|suffix| names_town(&ctx.text[from..end], suffix))
                })
        })
        .unwrap_or(start)
}

/// Words after 项目 that make it qualify something else (项目机制, 项目清单, 项目库).
const NOT_A_PROJECT_AFTER: &[&str] = &["机制", "制度", "清单", "库", "专班", "工作机制", "审批", "手续"];

/// X项目, and lists before 等…项目.
fn named_before_project(ctx: &Ctx<'_>, rec: &mut Recognition) {
    for &line in &ctx.body.spans {
        let s = &ctx.text[line.range()];
        for m in ctx.known(Known::ProjectWord, line) {
            let at = m.start;
            let word_end = m.end - line.start;
            let word_len = m.end - m.start;
            // 建立区级领导包联重点项目机制: the words before 项目 qualify a mechanism or a list,
            // not a project.
            if NOT_A_PROJECT_AFTER.iter().any(|w| s[word_end..].starts_with(w)) {
                continue;
            }
            let cl = ctx.clause(Span::new(at, at + word_len));
            let seg = &ctx.text[cl.start..at];
            if let Some(i) = seg.rfind('等') {
                // 电机产业城、优美科等龙头项目: every item is a project.
                let qualifier = &seg[i + '等'.len_utf8()..];
                if qualifier.chars().count() <= 6 {
                    let list_end = cl.start + i;
                    let mut start = cl.start;
                    let items: Vec<&str> = ctx.text[cl.start..list_end].split('、').collect();
                    for (k, item) in items.iter().enumerate() {
                        let mut span = Span::new(start, start + item.len());
                        start = span.end + '、'.len_utf8();
                        if k == 0 {
                            span.start = extend_left(ctx.text, ctx.tokens, span.start, span.end, 20);
                        }
                        // 龙头项目, 重点项目: the text vouches for each item; otherwise each needs a name.
                        // Not 重点产业项目 or 民生领域项目: kinds of projects, by their sector
                        // or field (电力装备、硅碳新材料等重点产业项目).
                        // (Nor 土族盘绣、安昭舞等非遗项目: items of heritage.)
                        let kinds = ["产业", "领域", "民生", "非遗"].iter().any(|w| qualifier.contains(w));
                        let vouched = items.len() > 1
                            && ["龙头", "重点", "重大", "重中之重"]
                                .iter()
                                .any(|w| qualifier.contains(w));
                        let item = &ctx.text[span.range()];
                        let facility = FACILITY_HEAD.is_match(item);
                        // A sector, or a work with nothing proper but its words (老旧小区改造),
                        // names no project.
                        let sector = ctx.res.lexical.industry_lookup.contains_key(item);
                        let work = WORK_WORDS.iter().any(|w| item.ends_with(w))
                            && !rec.covered(span, &[EntityKind::Place, EntityKind::Organization]);
                        let named =
                            !kinds && !sector && !work && (vouched || facility || has_proper_word(ctx, rec, span));
                        if named && !rec.covered(span, &[EntityKind::Project]) {
                            add_project(ctx, rec, span);
                        }
                    }
                }
                continue;
            }
            let start = project_start(ctx, rec, cl.start, at);
            let span = Span::new(start, at + word_len);
            let anaphor = ANAPHORA.contains(&&ctx.text[span.range()]);
            // 这是近年来…引进的单体规模最大的外资农产品加工项目: what 这是 says of a project
            // describes it; it names none.
            let described = ctx.text[cl.start..start].starts_with("这是") && ctx.text[..start].ends_with('的');
            if start < at && !anaphor && !described && !rec.covered(span, &[EntityKind::Project]) {
                // A project name needs something proper: a place, an organisation, a name; or
                // an investor that builds it (…有限公司投资建设的高性能铜箔项目).
                // Or one named after it: X项目,由…有限公司投资建设.
                let after = &ctx.text[span.end..];
                let comma = after
                    .chars()
                    .next()
                    .filter(|c| matches!(c, '，' | ','))
                    .map_or(0, char::len_utf8);
                // (Or a park's long name: 加快推进新能源汽车零部件产业园项目建设.)
                let stem = &ctx.text[start..at];
                let park = PARK_HEADS.iter().any(|h| stem.ends_with(h)) && stem.chars().count() >= 8;
                if has_proper_word(ctx, rec, Span::new(start, at))
                    || park
                    || investor_before(ctx, rec, span).is_some()
                    || built_by_at(ctx, rec, span.end + comma).is_some()
                {
                    add_project(ctx, rec, span);
                }
            }
        }
    }
}

/// 加快推进深茂铁路(江海段)征地拆迁工作; 推进A工程和B工程建设.
fn facilities(ctx: &Ctx<'_>, rec: &mut Recognition) {
    for &line in &ctx.body.spans {
        let s = &ctx.text[line.range()];
        let verbs = ctx
            .known_starts(Known::FacilityVerbs, line)
            .map(|m| m.start - line.start);
        for (_, name) in facility_frames(s, verbs) {
            let base = line.start + name.start;
            let g = &s[name.range()];
            // One named facility vouches for those joined to it (江海…工程和高新…工程).
            let any_proper = has_proper_word(ctx, rec, Span::new(base, base + g.len()));
            let mut offset = 0;
            for item in split_keep(g) {
                let span = Span::new(base + offset, base + offset + item.len());
                offset += item.len();
                let t = &ctx.text[span.range()];
                if t == "、" || t == "和" {
                    continue;
                }
                if FACILITY_HEAD.is_match(t) && !rec.covered(span, &[EntityKind::Project]) && any_proper {
                    add_project(ctx, rec, span);
                }
            }
        }
    }
}

/// What an organisation builds, named after 由…投资建设的, is a project even where its amount
/// is redacted or not given: 由长治太行药业有限公司投资建设的潞党参精深加工产业园,总投资×亿元.
/// So is what it builds, named after <organisation>投资建设的: 云南花都数智科技有限公司投资建设
/// 的斗南花卉数字交易中心建成投用.
fn built_by_organisation(ctx: &Ctx<'_>, rec: &mut Recognition) {
    // Where each clause <organisation><verb of building>的 ends, after 由 or opening the phrase:
    // every organisation's mention is looked at, so the one after 由 is too.
    let mut clause_ends: Vec<usize> = Vec::new();
    for (span, id) in &rec.mentions {
        if rec.entities[*id].kind != EntityKind::Organization {
            continue;
        }
        let after = &ctx.text[span.end..];
        if let Some(verb) = BUILT_BY_VERBS
            .iter()
            .find(|v| after.starts_with(*v) && after[v.len()..].starts_with('的'))
        {
            clause_ends.push(span.end + verb.len());
        }
    }
    clause_ends.sort_unstable();
    clause_ends.dedup();
    for clause_end in clause_ends {
        let Some(line) = super::text::line_of(&ctx.body.spans, Span::new(clause_end, clause_end)) else {
            continue;
        };
        let Some(rest) = ctx.text[clause_end..line.end].strip_prefix('的') else {
            continue;
        };
        let start = line.end - rest.len();
        let clause_len = rest
            .find(['，', ',', '。', '；', ';', '、', '：', ':'])
            .unwrap_or(rest.len());
        let end = facility_end(ctx, start, start + clause_len);
        let name = &ctx.text[start..end];
        let named = match name.find("项目") {
            Some(at) => at + "项目".len() == name.len(),
            None => invested_facility(name),
        };
        let span = Span::new(start, end);
        if named && !rec.covered(span, &[EntityKind::Project]) {
            add_project(ctx, rec, span);
        }
    }
}

/// Splits on 、 and 和, keeping the separators as their own pieces so offsets add up.
fn split_keep(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut last = 0;
    for (i, c) in s.char_indices() {
        if c == '、' || c == '和' {
            if i > last {
                out.push(&s[last..i]);
            }
            out.push(&s[i..i + c.len_utf8()]);
            last = i + c.len_utf8();
        }
    }
    if last < s.len() {
        out.push(&s[last..]);
    }
    out
}

/// Words of a village's, a cooperative's or a household's own accounts.
const VILLAGE_SCOPES: &[&str] = &[
    "村里",
    "全村",
    "村集体",
    "村民",
    "该村",
    "本村",
    "合作社",
    "社员",
    "自家",
    "户均",
    "家里",
];

/// Whether the sentence up to a figure speaks of a village, a cooperative or a household,
/// and not of a wider scope (全县村集体经济收入 is the county's).
fn of_village_or_household(sent_before: &str) -> bool {
    sent_before.contains(['村', '社', '家', '户'])
        && VILLAGE_SCOPES.iter().any(|w| sent_before.contains(w))
        && !["全县", "全市", "全区", "全省", "全镇", "全乡", "全旗"]
            .iter()
            .any(|w| sent_before.contains(w))
}

/// Whether the total investment ending the clause `cl`, before `after`, is of one project
/// named by a common word: the one that follows (的项目, 的工程), or the one that ends the
/// clause before, without a count (实施了高标准农田建设工程，总投资…).
fn single_project_invested(ctx: &Ctx<'_>, cl: Span, after: &str) -> bool {
    if ["的项目", "的工程"].iter().any(|w| after.starts_with(w)) {
        return true;
    }
    let Some(comma) = ctx.text[..cl.start].strip_suffix(['，', ',']).map(str::len) else {
        return false;
    };
    let previous = &ctx.text[ctx.clause(Span::new(comma, comma)).start..comma];
    let Some(head) = previous.strip_suffix("工程").or_else(|| previous.strip_suffix("项目")) else {
        return false;
    };
    !head.chars().any(|c| c.is_ascii_digit() || "个批共全各等".contains(c))
}

/// Money, counts and percentages of places.
/// The last indicator of `before`, with the measure that grows when both are named side by
/// side (固定资产投资 | 增长 → 固定资产投资增长, as GDP增长).
fn last_indicator(before: &str) -> Option<&str> {
    // The last two matches, without collecting them all.
    let (previous, last) = INDICATOR
        .find_iter(before)
        .fold((None, None), |(_, last), m| (last, Some(m)));
    let last = last?;
    match previous {
        Some(measure) if ["增长", "增速"].contains(&last.as_str()) && measure.end() == last.start() => {
            Some(&before[measure.start()..last.end()])
        }
        _ => Some(last.as_str()),
    }
}

fn figures(ctx: &Ctx<'_>, rec: &mut Recognition, amounts: &[FoundAmount], used: &[bool]) {
    let mut accepted_count_end: Option<usize> = None;
    for (i, a) in amounts.iter().enumerate() {
        if used[i] {
            continue;
        }
        let surface = &ctx.text[a.span.range()];
        let after = &ctx.text[a.span.end..];
        // 千亿级, 五百亿以上产业集群: a scale, not a figure.
        if surface.ends_with('级') || after.starts_with('级') || after.trim_start_matches("以上").starts_with("产业")
        {
            continue;
        }
        let Some(line) = super::text::line_of(&ctx.body.spans, a.span) else {
            continue;
        };
        let cl = ctx.clause(a.span);
        let before = &ctx.text[cl.start.max(line.start)..a.span.start];
        // The indicator stands in the clause, or earlier in the sentence (力争地区生产总值增长7%以上,突破3000亿元).
        let sent_before = &ctx.text[ctx.sentence(a.span).start..a.span.start];
        let earlier = || {
            INDICATOR
                .find_iter(sent_before)
                .filter(|m| !["增长", "增速", "占比", "比重", "占"].contains(&m.as_str()))
                .last()
                .map(|m| m.as_str())
        };
        // 固定资产投资1171亿元,同比增长7.5%: a clause of growth alone is the growth of the
        // measure named before it.
        let bare_growth = |growth: &str| {
            let words = before.trim_end_matches(growth).trim_start_matches(['，', ',', '；']);
            ["", "同比", "比上年", "较上年", "分别", "年均", "同比分别"].contains(&words)
        };
        let indicator = match last_indicator(before) {
            Some(growth @ ("增长" | "增速")) if bare_growth(growth) => {
                Some(earlier().map_or(growth.to_owned(), |m| format!("{m}{growth}")))
            }
            Some(found) => Some(found.to_owned()),
            None => earlier().map(str::to_owned),
        };
        let keep = match a.amount.unit {
            Unit::Cny | Unit::Usd | Unit::Eur | Unit::Hkd => true,
            Unit::Percent => indicator.is_some(),
            Unit::Count => {
                let chained = accepted_count_end.is_some_and(|e| ctx.text[e..a.span.start] == *"、");
                let project_after = after
                    .trim_start_matches(['重', '点', '大', '产', '业'])
                    .starts_with("项目")
                    || after.starts_with("重中之重项目");
                before.ends_with("项目") || project_after || chained
            }
            Unit::Other(_) => false,
        };
        if !keep {
            continue;
        }
        // 这个总投资3.8亿元的项目, 实施了高标准农田建设工程，总投资8600万元: the total
        // investment of one project the text names by a common word is no figure of the
        // place. (项目21个，总投资86.4亿元 is the place's: a count of projects.)
        if before.ends_with("总投资") && single_project_invested(ctx, cl, after) {
            add_amount(ctx, rec, a);
            continue;
        }
        // …项目,总投资32亿元,满产后年产值可超过80亿元: what a project will yield once built is
        // an amount but no figure of the place, unless the clause names the place or its scope
        // (建成后全县…).
        // The word may open an earlier clause of the sentence (建成后可年产水泵300万台,年产值
        // 预计超过40亿元).
        // (Every word holds 后 or 达产: most sentences hold neither, and are searched once.)
        let projected = (sent_before.contains('后') || sent_before.contains("达产"))
            .then(|| PROJECTED.iter().filter_map(|w| sent_before.rfind(w)).max())
            .flatten()
            .map(|at| a.span.start - sent_before.len() + at);
        if projected.is_some_and(|from| {
            !ctx.text[from..a.span.start].contains(['全', '我'])
                && rec.places_in(Span::new(from, a.span.start)).is_empty()
        }) {
            // Still an amount the text states.
            add_amount(ctx, rec, a);
            continue;
        }
        if a.amount.unit == Unit::Count {
            accepted_count_end = Some(a.span.end);
        }
        let sent = ctx.sentence(a.span);
        let sent_text = &ctx.text[sent.range()];
        // A target is announced before its figure, in its sentence or before a list of targets
        // joined by ；(主要预期目标是：…增长6.5%左右；固定资产投资增长8%以上), or named right
        // after it in its clause (…亿元的目标). 去年完成520亿元,今年力争突破600亿元: the first
        // figure is reported.
        let announced_from = ctx.text[line.start..a.span.start]
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, '。' | '！' | '？' | '!' | '?'))
            .map_or(line.start, |(i, c)| line.start + i + c.len_utf8());
        let clause_after = &ctx.text[a.span.end..cl.end.max(a.span.end)];
        // 预计全年全市实现地区生产总值1420.6亿元: an estimate of the year ending is reported.
        // 争取 before funds, in a sentence about what was done, is the verb that obtained them
        // (今年以来,全市争取专项债券资金142亿元; but 全年争取专项债券资金12亿元以上 is a goal).
        let announcement = &ctx.text[announced_from..a.span.start];
        let done = || ["以来", "累计", "去年", "已"].iter().any(|w| announcement.contains(w));
        let target = TARGET.find_iter(announcement).any(|m| {
            let rest = &announcement[m.end()..];
            match m.as_str() {
                "预计" => !rest.starts_with("全年"),
                "争取" => !(OBTAINED.iter().any(|w| rest.starts_with(w)) && done()),
                _ => true,
            }
        }) || clause_after.contains("目标");
        let period = PERIOD.find(sent_text).map(|m| m.as_str().to_owned());
        let subject = rec
            .places_in(Span::new(sent.start, a.span.start))
            .into_iter()
            .map(|(_, id)| id)
            .find(|id| {
                let e = &rec.entities[*id];
                // (A village, which has no level, is the subject of what it earns: 原隆村村集体
                // 经济收入突破260万元.)
                e.is_village()
                    || e.place().is_some_and(|p| {
                        p.level
                            .is_some_and(|l| l != PlaceLevel::Country && l != PlaceLevel::Region)
                    })
            });
        let scope = unnamed_scope(sent_text);
        // 璧山区是全市新能源汽车产业的重要承载地。2024年，全区实现地区生产总值1068.4亿元: a
        // sentence of 全县 or 全区 that names no place speaks of the county or district its
        // paragraph named last.
        let subject = subject.or_else(|| scope_named_before(rec, line, sent, sent_text, scope));
        let amount = add_amount(ctx, rec, a);
        rec.figures.push(FigureCue {
            amount,
            target,
            indicator,
            period,
            subject,
            scope,
            of_village: of_village_or_household(sent_before),
            span: cl,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognise::text::{every_start, literal_set};
    use proptest::prelude::*;

    proptest! {
        /// The hand-written search finds what the pattern finds in a whole line.
        #[test]
        fn facility_frames_match_the_pattern(
            text in "(推进|开工建设|开工|新建|建成|建设|工作|前期|铁路|深茂|和|、|，|A|1|（|）|江海段|工程|〇|々|♥){0,40}"
        ) {
            let pattern = format!(
                "(?:{})(?:{})?([\\p{{Han}}A-Za-z0-9（）()—\\-、和]{{3,60}}?)(?:{})",
                FACILITY_VERBS.join("|"),
                FACILITY_SECOND_VERBS.join("|"),
                FACILITY_CLOSERS.join("|")
            );
            let expected: Vec<(Span, Span)> = Regex::new(&pattern)
                .unwrap()
                .captures_iter(&text)
                .map(|c| {
                    let (m, g) = (c.get(0).unwrap(), c.get(1).unwrap());
                    (Span::new(m.start(), m.end()), Span::new(g.start(), g.end()))
                })
                .collect();
            let set = literal_set(FACILITY_VERBS);
            prop_assert_eq!(facility_frames(&text, every_start(&set, &text).map(|m| m.start())), expected);
        }
    }

    #[test]
    fn facility_characters_are_the_patterns() {
        for c in ['江', '〇', '々', 'A', '9', '（', '—', '-', '、', '和', '𠀀'] {
            assert!(facility_char(c), "{c}");
        }
        for c in ['，', ' ', '。', '♥', '_'] {
            assert!(!facility_char(c), "{c}");
        }
    }
}
