//! A deterministic generator of interviews in the style of the seeds, for benchmarks and
//! scale tests.
//!
//! Document `i` of seed `s` is a pure function of `(s, i)`: a corpus of 1,000 documents is
//! the first thousand of a corpus of 100,000, and documents can be generated in any order or
//! in parallel, for a given version of the crate's gazetteer. Places come from that gazetteer
//! (prefectures, counties, districts and zones, with their real parents), sectors from a fixed
//! bank, and officials from a name bank keyed by (place, post, term): the same place's party secretary has the same name
//! in every document that talks about that place in that term, so officials and places recur
//! across documents the way they do in real news.
//!
//! Each document is one of four shapes found in the seeds: a newspaper's 【X日报专访】 with a
//! `—访…` headline and `记者:`/`NAME:` turns; a headline naming the official and a slogan; a
//! portal page with breadcrumbs, a source line and a by-line; and a speech (`县委书记在…会议上的
//! 讲话`) with numbered sections. Pages carry furniture (share buttons, news lists with
//! dates, 返回顶部) and, now and then, a redaction (×区, ×亿元).

use interview_kg::gazetteer::{Division, Gazetteer};
use interview_kg::PlaceLevel;
use std::fmt::Write;

/// A small, fast, seeded generator (xorshift64*); no external crate.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` and a stream number, mixed by splitmix64 so that nearby seeds
    /// give unrelated streams.
    pub fn new(seed: u64, stream: u64) -> Rng {
        let mut z = seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(z | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p` percent.
    pub fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    /// `k` distinct indices of `0..n`, in random order.
    pub fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::with_capacity(k);
        while out.len() < k.min(n) {
            let i = self.below(n);
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林",
    "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋",
    "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪",
    "范", "金", "廖", "贾", "夏", "韦", "欧阳", "司马",
];

const GIVEN: &[&str] = &[
    "国", "建", "华", "明", "伟", "志", "红", "军", "平", "杰", "峰", "涛", "斌", "强", "林", "海", "东", "文", "晓",
    "永", "春", "光", "宏", "新", "荣", "德", "俊", "毅", "振", "鹏", "飞", "坤", "彬", "旺", "瑞", "章", "中", "力",
    "勇", "刚", "亮", "辉", "庆", "祥", "胜", "清", "立", "成", "波", "锋", "剑", "卫", "忠", "学", "和", "兴", "旭",
    "昌", "安", "泽", "远", "帆", "宁",
];

const SLOGANS: &[&str] = &[
    "以拼抢姿态抓产业上项目促发展",
    "夯实产业 经营城市 共享成果",
    "加快绿色崛起 争当湾区新秀",
    "奋力建设现代化产业体系",
    "坚定不移推动高质量发展",
    "以项目建设为抓手 打造区域增长极",
    "聚焦实体经济 建设制造强市",
    "勇当改革开放排头兵",
    "全力以赴拼经济 凝心聚力促发展",
    "做强产业集群 壮大县域经济",
    "锚定目标 实干争先",
    "以更大力度推进招商引资",
];

const MEETINGS: &[&str] = &[
    "传达二十届三中全会精神会议",
    "全县经济工作会议",
    "全区项目建设推进会",
    "县委全会",
    "招商引资工作大会",
    "优化营商环境大会",
];

const FILLER: &[&str] = &[
    "今年是全面贯彻落实党的二十大精神的开局之年",
    "我们坚持把发展作为第一要务,统筹推进疫情防控和经济社会发展",
    "扎实做好“六稳”工作,全面落实“六保”任务,经济呈现恢复性增长势头",
    "全市干部群众干事创业的热情空前高涨,凝聚起高质量发展的强大内生动力",
    "我们将切实把思想和行动统一到党中央的决策部署上来",
    "持续优化营商环境,全面加强党的建设",
    "坚持以人民为中心的发展思想,让发展成果更多更公平惠及全体人民",
    "深入开展“大学习、深调研、真落实”活动,推动党员干部增强“四个意识”",
    "主动对接深圳产业和科技创新资源的外溢,开展“靶向招商”和以商引商",
    "建立激励和考核两个机制,把选拔机会向业务骨干倾斜",
    "增进了部门间协作配合,加快了重大项目建设进度",
    "大力弘扬“马上就办、真抓实干”等优良作风",
    "在推动高质量发展、强化战略性基础性支撑、深化改革扩大开放、增进民生福祉上见实效",
    "春节前就出台一季度经济稳增长措施,大年初七就召开全市产业发展项目建设动员大会",
    "紧接着举行项目集中签约、集中开竣工活动",
    "全力稳预期、强信心、拼经济,冲刺首季“开门红”",
    "充分发挥媒体平台矩阵作用,开设融媒体宣传专栏",
    "积极推动党的二十大精神进课堂、进头脑",
    "深入机关、企业、社区、农村等各个领域开展宣讲活动,实现宣传宣讲全覆盖",
    "以一往无前的奋斗姿态、风雨无阻的精神状态,走对走实走好高质量发展路子",
    "围绕产业链部署创新链,围绕创新链布局产业链",
    "推动土地、资金、人才等要素向重点产业和重大项目集聚",
    "实施乡村振兴战略,推进城乡融合发展",
    "坚决守住不发生规模性返贫的底线",
    "推进生态环境综合治理,守护好绿水青山",
    "以数字化转型赋能传统产业提质增效",
    "加快补齐交通、水利、能源等基础设施短板",
    "着力破解中小企业融资难、融资贵问题",
    "深化“放管服”改革,推行“一网通办”",
    "我们将以钉钉子精神抓好各项工作落实",
    "坚持项目为王,以项目论英雄、以项目比担当",
    "把招商引资作为经济工作的生命线",
    "统筹发展和安全,守牢安全生产底线",
    "推动党建工作与中心工作深度融合",
];

const LEDE: &[&str] = &[
    "坚定不移实施“工业立市、工业强市”战略",
    "大抓招商引资、大抓项目建设",
    "坚持“产业第一、制造业优先”",
    "全面融入区域发展大局",
    "持续优化营商环境",
    "以拼抢姿态抓产业上项目",
];

const QUESTIONS: &[&str] = &[
    "请您结合具体工作实践,谈谈{S}如何贯彻落实?",
    "过去一年,{S}各项事业取得显著成绩,请问成绩背后有哪些值得总结的经验?",
    "{S}在产业发展方面有哪些新的谋划?",
    "在项目建设方面,{S}今年有哪些重点工作?",
    "作为区域重要节点城市,{S}如何抢抓发展机遇?",
    "新的一年,{S}将如何推动经济社会高质量发展?",
    "在优化营商环境方面,{S}有哪些具体举措?",
    "请您谈谈{S}在乡村振兴方面的打算。",
];

const PROJECT_STEMS: &[&str] = &[
    "产业园",
    "产业基地",
    "科技城",
    "智造园",
    "示范区",
    "综合体",
    "物流园",
    "创新中心",
];
const PROJECT_PHASES: &[&str] = &["", "", "一期", "二期", "三期"];

/// Sectors for industry lists and project names: a fixed bank (the crate's industry lexicon
/// as of its first release), so that the corpus does not change when the lexicon grows.
const INDUSTRIES: &[&str] = &[
    "新能源汽车",
    "智能网联汽车",
    "汽车",
    "汽车零部件",
    "电子信息",
    "新一代信息技术",
    "集成电路",
    "半导体",
    "电子元器件",
    "新型显示",
    "人工智能",
    "大数据",
    "云计算",
    "物联网",
    "软件和信息服务",
    "软件",
    "信息服务",
    "数字经济",
    "数字服务",
    "电子商务",
    "跨境电商",
    "生物医药",
    "医药健康",
    "医疗器械",
    "新材料",
    "冶金新材料",
    "新能源",
    "光伏",
    "风电",
    "储能",
    "氢能",
    "核电",
    "锂电池",
    "石油化工",
    "精细化工",
    "化工",
    "钢铁",
    "有色金属",
    "金属加工",
    "装备制造",
    "机电",
    "机械制造",
    "船舶",
    "航空航天",
    "低空经济",
    "海洋经济",
    "现代海洋",
    "食品加工",
    "预制菜",
    "纺织服装",
    "鞋业",
    "家具",
    "建材家居",
    "建材",
    "陶瓷",
    "五金",
    "家电",
    "纸业",
    "文旅康养",
    "文化旅游",
    "旅游",
    "康养",
    "体育",
    "现代物流",
    "仓储物流",
    "商贸物流",
    "金融",
    "会展",
    "现代服务业",
    "生产性服务业",
    "先进制造业",
    "现代农业",
    "农产品加工",
    "茶叶",
    "红茶",
    "节能环保",
    "环保",
    "建筑业",
    "房地产",
    "总部经济",
];

const NEWS_LIST: &[&str] = &[
    "北京迎来首场降雪",
    "多地出台稳经济措施",
    "全国春运正式启动",
    "国务院常务会议召开",
    "一季度经济数据发布",
    "夏粮收购进度过半",
    "高校毕业生就业形势总体稳定",
    "多部门部署防汛工作",
    "央行发布最新金融数据",
    "全国秋粮收获进度过七成",
];

/// Divisions a document can be about, with the official titles written after their name.
#[derive(Debug, Clone)]
struct Place {
    division: &'static Division,
    /// The suffix the post's titles hang on: 市, 县, 区, 州, 旗; `None` for zones.
    suffix: Option<char>,
}

/// The generator: build once, then ask for any document.
#[derive(Debug, Clone)]
pub struct Generator {
    seed: u64,
    gazetteer: &'static Gazetteer,
    places: Vec<Place>,
    industries: Vec<&'static str>,
}

/// One generated document.
#[derive(Debug, Clone)]
pub struct GeneratedDoc {
    /// The file stem: `NNNNNN_hhhhhhhhhhhhhhhh`, like the seeds.
    pub id: String,
    /// The text.
    pub text: String,
}

impl Generator {
    /// A generator for `seed`, over the crate's gazetteer.
    pub fn new(seed: u64) -> Generator {
        let gazetteer = Gazetteer::shared();
        let places = gazetteer
            .divisions()
            .filter_map(|d| {
                let last = d.name.chars().last()?;
                let suffix = match (d.level, last) {
                    (PlaceLevel::Prefecture, '市' | '州') => Some(last),
                    (PlaceLevel::County, '市' | '县' | '旗') => Some(last),
                    (PlaceLevel::District, '区') => Some(last),
                    (PlaceLevel::Zone, _) => None,
                    _ => return None,
                };
                d.parent?;
                Some(Place { division: d, suffix })
            })
            .collect();
        Generator {
            seed,
            gazetteer,
            places,
            industries: INDUSTRIES.to_vec(),
        }
    }

    /// A person's name, as a pure function of the key: the same key is the same person.
    fn name(&self, key: u64) -> String {
        let mut r = Rng::new(self.seed ^ 0x6E61_6D65, key);
        let mut s = String::from(SURNAMES[r.below(SURNAMES.len())]);
        let given = if r.percent(70) { 2 } else { 1 };
        for _ in 0..given {
            s.push_str(GIVEN[r.below(GIVEN.len())]);
        }
        s
    }

    /// The official holding post `post` (0 = party secretary, 1 = head of government, 2 =
    /// deputy) of `place` in term `term`.
    fn official(&self, place: &Place, post: u64, term: u64) -> String {
        self.name(u64::from(place.division.code.get()) * 16 + post * 4 + term)
    }

    /// A place's short form where it has one, else its name.
    fn short(d: &Division) -> &str {
        d.short_names.first().map_or(d.name.as_str(), String::as_str)
    }

    fn project(&self, place: &Place, k: u64) -> String {
        let mut r = Rng::new(self.seed ^ 0x7072_6F6A, u64::from(place.division.code.get()) * 8 + k);
        let industry = self.industries[r.below(self.industries.len())];
        let stem = PROJECT_STEMS[r.below(PROJECT_STEMS.len())];
        let phase = PROJECT_PHASES[r.below(PROJECT_PHASES.len())];
        format!("{}{industry}{stem}{phase}", Self::short(place.division))
    }

    fn media(&self, place: &Place) -> String {
        // The province's paper or the prefecture's.
        let province = self
            .gazetteer
            .province_of(place.division.code)
            .and_then(|c| self.gazetteer.get(c));
        let prefecture = std::iter::once(place.division)
            .chain(self.gazetteer.ancestors(place.division.code))
            .find(|d| d.level == PlaceLevel::Prefecture);
        let mut r = Rng::new(self.seed ^ 0x6D65_6469, u64::from(place.division.code.get()));
        match (province, prefecture) {
            (_, Some(p)) if r.percent(40) => format!("{}日报", Self::short(p)),
            (Some(p), _) => format!("{}日报", Self::short(p)),
            _ => "人民日报".to_owned(),
        }
    }

    /// The titles of the three posts of a place, written after its full name.
    fn titles(place: &Place) -> [String; 3] {
        match place.suffix {
            Some(c) => ["委书记".to_owned(), "长".to_owned(), format!("常务副{c}长")],
            None => [
                "党工委书记、管委会主任".to_owned(),
                "管委会主任".to_owned(),
                "管委会副主任".to_owned(),
            ],
        }
    }

    /// Document `i`.
    pub fn document(&self, i: usize) -> GeneratedDoc {
        let mut r = Rng::new(self.seed, i as u64);
        let hash = r.next_u64();
        let id = format!("{i:06}_{hash:016x}");
        // Popular places come up more often: a skewed pick.
        let n = self.places.len();
        let a = r.below(n);
        let place = &self.places[if r.percent(50) { a % (n / 8).max(1) } else { a }];
        let d = place.division;
        let short = Self::short(d);
        let term = r.below(3) as u64;
        let year = 2017 + r.below(8);
        let date = format!("{year}-{:02}-{:02}", r.range(1, 12), r.range(1, 28));
        let post = if r.percent(75) { 0 } else { 1 };
        let titles = Self::titles(place);
        let name = self.official(place, post, term);
        let title = &titles[post as usize];
        let media = self.media(place);
        let reporter = self.name(0xBEEF_0000 + u64::from(d.code.get()) * 4 + r.below(4) as u64);
        let mut t = String::with_capacity(12 << 10);
        let shape = r.below(10);

        // A chain of posts: 省委常委、漳州市委书记.
        let chain = if post == 0 && r.percent(30) {
            let prov = self.gazetteer.province_of(d.code).and_then(|c| self.gazetteer.get(c));
            match prov {
                Some(_) if r.percent(50) => format!("省委常委、{}{}", d.name, title),
                Some(_) => format!("省政协副主席、{}{}", d.name, title),
                None => format!("{}{}", d.name, title),
            }
        } else {
            format!("{}{}", d.name, title)
        };
        let slogan = SLOGANS[r.below(SLOGANS.len())];

        if shape == 0 {
            self.speech(&mut r, &mut t, place, &date);
            return GeneratedDoc { id, text: t };
        }
        match shape {
            1..=4 => {
                let _ = writeln!(t, "【{media}专访】{slogan}—访{chain}{name}\n");
                let _ = writeln!(t, "{} {date} {}\n", self.news_item(&mut r), r.range(100, 9999));
            }
            5..=7 => {
                let _ = writeln!(t, "{}{}{name}:{slogan}\n", d.name, title);
            }
            _ => {
                let province = self.gazetteer.province_of(d.code).and_then(|c| self.gazetteer.get(c));
                let p = province.map_or("国内", |p| Self::short(p));
                let _ = writeln!(t, "新闻中心>{p}>政经热闻\n");
                let _ = writeln!(t, "{slogan} {short}争当发展先锋\n");
                let _ = writeln!(
                    t,
                    "来源:{media} 作者:{reporter} 发表时间:{date} {:02}:{:02}",
                    r.range(6, 22),
                    r.below(60)
                );
                let _ = writeln!(t, "分享到\n");
                let _ = writeln!(t, "文/{media}记者 {reporter} 通讯员 {}\n", self.name(r.next_u64()));
            }
        }

        // The lede.
        let _ = write!(t, "{}", self.filler(&mut r, 2, 2));
        let _ = writeln!(
            t,
            "近日,本报记者专访了{chain}{name}。{name}表示,{short}将{},推动{short}高质量发展。\n",
            LEDE[r.below(LEDE.len())]
        );
        if shape <= 4 {
            let _ = writeln!(t, "【{media}专访】{slogan}—访{chain}{name}  第1张\n");
        }

        // Questions and answers.
        let turns = r.range(3, 6);
        let mut projects_said = 0;
        for q in 0..turns {
            let question = QUESTIONS[r.below(QUESTIONS.len())].replace("{S}", short);
            let _ = writeln!(t, "记者:{question}\n");
            let _ = write!(t, "{name}:");
            let paragraphs = r.range(2, 4);
            for p in 0..paragraphs {
                let _ = write!(t, "{}", self.filler(&mut r, 1, 3));
                match (q + p + r.below(4)) % 4 {
                    0 => self.industries_sentence(&mut r, &mut t, short),
                    1 => {
                        self.project_sentence(&mut r, &mut t, place, projects_said);
                        projects_said += 1;
                    }
                    2 => self.target_sentence(&mut r, &mut t, short, year),
                    _ => self.neighbour_sentence(&mut r, &mut t, place),
                }
                let _ = writeln!(t, "{}\n", self.filler(&mut r, 1, 3));
            }
        }
        // Page furniture: a news list and the page's buttons.
        let _ = writeln!(t, "相关新闻");
        for _ in 0..r.range(2, 6) {
            let _ = writeln!(
                t,
                "  • {} {}-{:02}-{:02}",
                self.news_item(&mut r),
                year,
                r.range(1, 12),
                r.range(1, 28)
            );
        }
        let _ = writeln!(t, "返回顶部");
        GeneratedDoc { id, text: t }
    }

    fn news_item(&self, r: &mut Rng) -> &'static str {
        NEWS_LIST[r.below(NEWS_LIST.len())]
    }

    /// Between `lo` and `hi` sentences of boilerplate.
    fn filler(&self, r: &mut Rng, lo: usize, hi: usize) -> String {
        let sentences = r.range(lo, hi);
        let mut s = String::new();
        for _ in 0..sentences {
            s.push_str(FILLER[r.below(FILLER.len())]);
            s.push('。');
        }
        s
    }

    fn industries_sentence(&self, r: &mut Rng, t: &mut String, short: &str) {
        let k = r.range(2, 5);
        let list: Vec<&str> = r
            .distinct(self.industries.len(), k)
            .into_iter()
            .map(|i| self.industries[i])
            .collect();
        let scale = ["千亿级", "百亿级", "五百亿级", ""][r.below(4)];
        let _ = match r.below(3) {
            0 => write!(t, "{short}将重点培育{}等{scale}产业集群。", list.join("、")),
            1 => write!(t, "我们将大力发展{}等产业,打造{scale}产业集群。", list.join("、")),
            _ => write!(t, "{short}聚焦{}等主导产业,推动产业链延链补链强链。", list.join("、")),
        };
    }

    fn project_sentence(&self, r: &mut Rng, t: &mut String, place: &Place, said: usize) {
        let project = self.project(place, (said as u64 + r.below(3) as u64) % 6);
        // An occasional redaction: ×亿元.
        let amount = if r.percent(5) {
            "×亿元".to_owned()
        } else if r.percent(70) {
            format!("{}亿元", r.range(5, 900))
        } else {
            format!("{}.{}亿元", r.range(1, 99), r.range(1, 9))
        };
        let _ = match r.below(3) {
            0 => write!(t, "推进总投资{amount}的{project}项目建设。"),
            1 => write!(t, "{project}项目总投资{amount},预计明年投产。"),
            _ => write!(t, "加快{project}建设,今年计划完成投资{amount}。"),
        };
    }

    fn target_sentence(&self, r: &mut Rng, t: &mut String, short: &str, year: usize) {
        let _ = match r.below(3) {
            0 => write!(t, "实现今年GDP增长{}.{}%以上。", r.range(4, 9), r.below(10)),
            1 => write!(
                t,
                "力争到{}年{short}地区生产总值突破{}亿元。",
                year + r.range(2, 8),
                r.range(2, 60) * 100
            ),
            _ => write!(
                t,
                "去年{short}完成固定资产投资{}亿元,同比增长{}.{}%。",
                r.range(50, 2000),
                r.range(1, 20),
                r.below(10)
            ),
        };
    }

    fn neighbour_sentence(&self, r: &mut Rng, t: &mut String, place: &Place) {
        let d = place.division;
        let siblings: Vec<&Division> = match d.parent {
            Some(p) => self.gazetteer.children(p).filter(|s| s.code != d.code).collect(),
            None => Vec::new(),
        };
        if siblings.is_empty() || r.percent(10) {
            // A redacted neighbour.
            let _ = write!(t, "与×区加强协作,共建产业转移合作园区。");
            return;
        }
        let s = siblings[r.below(siblings.len())];
        let _ = write!(t, "{}与{}加强协作,共建产业转移合作园区。", Self::short(d), s.name);
    }

    fn speech(&self, r: &mut Rng, t: &mut String, place: &Place, date: &str) {
        let level = match place.suffix {
            Some('区') => "区委书记",
            Some('市') if place.division.level == PlaceLevel::Prefecture => "市委书记",
            Some('市') => "市委书记",
            Some(_) => "县委书记",
            None => "党工委书记",
        };
        let meeting = MEETINGS[r.below(MEETINGS.len())];
        let head = format!("{level}在{meeting}上的讲话");
        let _ = writeln!(t, "{head}\n{head}\n{date}");
        let _ = writeln!(
            t,
            "刚才,我们集中学习了会议精神,进行了讨论发言。下面,结合所学所思,谈几点意见。"
        );
        let short = Self::short(place.division);
        for (k, heading) in ["一、充分认识重要意义", "二、聚焦重点任务", "三、狠抓工作落实"]
            .iter()
            .enumerate()
        {
            let _ = writeln!(t, "{heading}");
            for p in 0..r.range(2, 4) {
                let _ = write!(t, "{}", self.filler(r, 2, 4));
                match (k + p) % 3 {
                    0 => self.industries_sentence(r, t, short),
                    1 => self.project_sentence(r, t, place, p),
                    _ => self.target_sentence(r, t, short, 2024),
                }
                let _ = writeln!(t, "{}", self.filler(r, 1, 3));
            }
        }
    }
}
