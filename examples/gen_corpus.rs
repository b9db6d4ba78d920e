//! Writes a corpus of fictional 法治政府建设年度报告 for scale tests:
//!
//!     cargo run --release --example gen_corpus -- DIR N [SEED]
//!
//! N plain-text reports of about 20 KB each, 1,000 per subfolder. The text is made up from templates
//! here (no real report is copied); the same SEED always gives the same files. About one report in
//! six leaves out a required part, one in twenty keeps a draft marker, so checks have work to do.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

const TARGET_BYTES: usize = 20_000;

const FIRST: &[&str] = &[
    "云", "青", "明", "石", "临", "安", "松", "清", "宁", "远", "白", "丰", "金", "望",
];
const SECOND: &[&str] = &[
    "溪", "岚", "湖", "桥", "川", "平", "阳", "山", "河", "泉", "原", "林",
];
const LEVEL: &[&str] = &["区", "县", "市"];
const ORGANS: &[&str] = &["人民政府", "司法局", "人民政府办公室"];
const NUMERALS: &[&str] = &[
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];
const DEPARTMENTS: &[&str] = &[
    "市场监管局",
    "生态环境局",
    "自然资源局",
    "住房和城乡建设局",
    "交通运输局",
    "卫生健康委员会",
    "教育局",
    "农业农村局",
    "应急管理局",
    "城市管理综合执法局",
    "人力资源和社会保障局",
    "文化和旅游局",
];

/// SplitMix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A percentage with one decimal, e.g. `97.3`.
    fn percent(&mut self, lo: u64, hi: u64) -> String {
        let tenths = self.range(lo * 10, hi * 10);
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// One topic paragraph of the achievements section, with its own figures.
fn topic(rng: &mut Rng, which: u64, place: &str, year: u64) -> (String, String) {
    match which {
        0 => {
            let total = rng.range(40, 600);
            let civil = rng.range(total / 3, total * 2 / 3);
            let criminal = total - civil;
            // One report in twenty states a total its parts don't add up to, as a typo would.
            let total = if rng.chance(5) {
                total + rng.range(1, 9)
            } else {
                total
            };
            (
                "深化法律援助惠民工程".into(),
                format!(
                    "全年共办理法律援助案件{total}件，其中民事援助案件{civil}件，刑事援助案件{criminal}件，\
                     为困难群众挽回经济损失{}万元。在乡镇（街道）设立法律援助工作站{}个，\
                     推行“容缺受理”“当日受理”等便民举措，群众满意率达到{}%。",
                    rng.range(80, 3000),
                    rng.range(5, 30),
                    rng.percent(95, 100)
                ),
            )
        }
        1 => {
            let cases = rng.range(20, 400);
            let appeared = rng.range(cases * 4 / 5, cases);
            let tenths = (appeared * 1000 + cases / 2) / cases;
            (
                "支持配合行政审判工作".into(),
                format!(
                    "{year}年，{place}行政机关共应诉行政诉讼案件{cases}件，行政机关负责人出庭应诉{appeared}件，\
                     出庭应诉率为{}.{}%，较上年提高{}个百分点。对败诉案件逐案分析原因，\
                     形成败诉案件分析报告{}份，推动执法单位整改问题{}项。",
                    tenths / 10,
                    tenths % 10,
                    rng.percent(0, 9),
                    rng.range(1, 12),
                    rng.range(3, 40)
                ),
            )
        }
        2 => {
            let received = rng.range(30, 500);
            (
                "发挥行政复议化解行政争议主渠道作用".into(),
                format!(
                    "全年收到行政复议申请{received}件，受理{}件，审结{}件，\
                 其中维持{}件、撤销{}件、确认违法{}件、驳回{}件，\
                 通过调解和解方式结案{}件，调解和解率为{}%。",
                    received * 9 / 10,
                    received * 8 / 10,
                    received / 3,
                    received / 10,
                    received / 20,
                    received / 8,
                    received / 6,
                    rng.percent(10, 45)
                ),
            )
        }
        3 => (
            "加强行政规范性文件管理".into(),
            format!(
                "严格落实行政规范性文件合法性审核机制，全年审核行政规范性文件{}件，\
             提出修改意见{}条，向上级备案{}件，备案审查及时率、规范率均为100%。\
             组织开展规范性文件清理，废止{}件、修改{}件，清理结果及时向社会公布。",
                rng.range(10, 80),
                rng.range(20, 300),
                rng.range(10, 80),
                rng.range(1, 20),
                rng.range(1, 15)
            ),
        ),
        4 => (
            "提升行政执法质量和效能".into(),
            format!(
                "全面推行行政执法公示、执法全过程记录、重大执法决定法制审核“三项制度”，\
             全年开展执法检查{}次，办理行政处罚案件{}件，罚没款{}万元。\
             组织执法人员培训{}期、{}人次，执法证件持证率达到{}%。\
             推行包容审慎监管，对首次轻微违法行为免予处罚{}件。",
                rng.range(200, 5000),
                rng.range(50, 2000),
                rng.range(10, 900),
                rng.range(2, 20),
                rng.range(100, 3000),
                rng.percent(96, 100),
                rng.range(5, 300)
            ),
        ),
        5 => (
            "推进政务公开和诚信建设".into(),
            format!(
                "全年主动公开政府信息{}条，受理政府信息公开申请{}件，均在法定期限内答复。\
             12345政务服务便民热线受理群众诉求{}件，按时办结率{}%，满意率{}%。\
             开展政务诚信专项治理，清理拖欠中小企业账款{}万元。",
                rng.range(1000, 20000),
                rng.range(10, 300),
                rng.range(5000, 90000),
                rng.percent(95, 100),
                rng.percent(90, 100),
                rng.range(50, 5000)
            ),
        ),
        6 => (
            "完善依法行政制度体系".into(),
            format!(
                "坚持科学决策、民主决策、依法决策，制定并公布年度重大行政决策事项目录，\
             {}项重大行政决策均履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。\
             政府常务会议学法{}次，组织领导干部旁听庭审{}场、参加{}人次。",
                rng.range(2, 12),
                rng.range(4, 12),
                rng.range(1, 6),
                rng.range(40, 600)
            ),
        ),
        7 => (
            "深化法治宣传教育".into(),
            format!(
            "落实“谁执法谁普法”普法责任制，制定普法责任清单{}份，开展“宪法宣传周”“民法典宣传月”\
             等主题活动{}场次，发放宣传资料{}万份，覆盖群众{}万人次。\
             培育“法律明白人”{}名，建成法治文化阵地{}处。",
            rng.range(20, 90), rng.range(50, 900), rng.range(1, 30), rng.range(2, 60),
            rng.range(100, 3000), rng.range(5, 60)),
        ),
        8 => {
            let disputes = rng.range(500, 9000);
            let settled = rng.range(disputes * 9 / 10, disputes);
            let tenths = (settled * 1000 + disputes / 2) / disputes;
            (
                "健全矛盾纠纷多元化解机制".into(),
                format!(
                    "全{}共有人民调解委员会{}个、人民调解员{}名，全年排查化解矛盾纠纷{disputes}件，\
                     调解成功{settled}件，调解成功率{}.{}%。推进“一站式”矛盾纠纷调处化解中心建设，\
                     实现{}个乡镇（街道）全覆盖。",
                    &place[place.len() - 3..],
                    rng.range(50, 400),
                    rng.range(200, 2000),
                    tenths / 10,
                    tenths % 10,
                    rng.range(5, 30)
                ),
            )
        }
        _ => (
            "优化法治化营商环境".into(),
            format!(
                "持续深化“放管服”改革，{}项政务服务事项实现“一网通办”，\
             企业开办时间压缩至{}个工作日以内。开展涉企行政执法专项检查，\
             纠正不规范执法行为{}起，为企业提供“法治体检”{}次。",
                rng.range(300, 1800),
                rng.range(1, 3),
                rng.range(3, 60),
                rng.range(20, 400)
            ),
        ),
    }
}

/// What one department did, as a numbered item under a topic.
fn department_item(rng: &mut Rng) -> String {
    let dept = rng.pick(DEPARTMENTS);
    match rng.below(8) {
        0 => format!(
            "{dept}梳理权责清单事项{}项，动态调整{}项，并在门户网站集中公开。",
            rng.range(80, 900),
            rng.range(3, 60)
        ),
        1 => format!(
            "{dept}开展行政执法案卷评查，抽查案卷{}卷，发现问题{}个，已全部完成整改。",
            rng.range(20, 300),
            rng.range(2, 50)
        ),
        2 => format!(
            "{dept}制定轻微违法行为免罚清单，涉及事项{}项，全年适用{}次。",
            rng.range(5, 60),
            rng.range(3, 200)
        ),
        3 => format!(
            "{dept}组织执法人员参加法律知识考试，参考{}人，合格率{}%。",
            rng.range(20, 600),
            rng.percent(90, 100)
        ),
        4 => format!(
            "{dept}聘请法律顾问{}名，审查合同和涉法事务{}件，提出法律意见{}条。",
            rng.range(1, 6),
            rng.range(10, 400),
            rng.range(10, 600)
        ),
        5 => format!(
            "{dept}办理人大代表建议和政协委员提案{}件，办复率100%。",
            rng.range(3, 80)
        ),
        6 => format!(
            "{dept}推行“双随机、一公开”监管，开展联合抽查{}次，检查市场主体{}户。",
            rng.range(5, 120),
            rng.range(50, 5000)
        ),
        _ => format!(
            "{dept}落实行政执法责任制，对{}名执法人员开展执法评议考核，优秀率{}%。",
            rng.range(10, 500),
            rng.percent(20, 60)
        ),
    }
}

fn report(rng: &mut Rng) -> (String, String, u64) {
    let place = format!("{}{}{}", rng.pick(FIRST), rng.pick(SECOND), rng.pick(LEVEL));
    let issuer = format!("{place}{}", rng.pick(ORGANS));
    let year = rng.range(2019, 2024);
    let mut text = String::with_capacity(TARGET_BYTES + 4_000);
    let title = match rng.below(3) {
        0 => format!("{issuer}关于{year}年度法治政府建设情况的报告"),
        1 => format!("{place}{year}年法治政府建设年度报告"),
        _ => format!("{issuer}{year}年度法治政府建设工作报告"),
    };
    let _ = writeln!(text, "{title}");
    if rng.chance(5) {
        text.push_str("（征求意见稿）\n");
    }
    if rng.chance(60) {
        let _ = writeln!(
            text,
            "{}政发〔{}〕{}号",
            &place[..3],
            year + 1,
            rng.range(1, 60)
        );
    }
    let _ = writeln!(
        text,
        "发布时间：{}-{:02}-{:02}\n",
        year + 1,
        rng.range(1, 4),
        rng.range(1, 28)
    );
    let outline = if year >= 2021 {
        "2021—2025年"
    } else {
        "2015—2020年"
    };
    let _ = writeln!(
        text,
        "{year}年，{place}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，\
         认真落实《法治政府建设实施纲要（{outline}）》，统筹推进法治政府建设各项任务。现将有关情况报告如下：\n"
    );

    let skip_duty = rng.chance(15);
    let skip_shortcomings = rng.chance(15);
    let mut section = 0;
    let mut heading = |text: &mut String, title: &str| {
        let _ = writeln!(text, "{}、{title}", NUMERALS[section]);
        section += 1;
    };
    heading(&mut text, &format!("{year}年法治政府建设主要举措和成效"));
    // Each topic once, in a random order, with department items under it, until the report
    // reaches its size; a last subsection takes the items still needed.
    let target = TARGET_BYTES - 3_000 + rng.below(6_000) as usize;
    let mut topics: Vec<u64> = (0..10).collect();
    for i in (1..topics.len()).rev() {
        topics.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let mut sub = 0;
    for &t in &topics {
        if text.len() >= target {
            break;
        }
        let (topic_title, body) = topic(rng, t, &place, year);
        let _ = writeln!(text, "（{}）{topic_title}\n{body}", NUMERALS[sub]);
        sub += 1;
        for item in 1..=rng.range(3, 7) {
            let _ = writeln!(text, "{item}. {}", department_item(rng));
        }
    }
    if text.len() < target {
        let _ = writeln!(text, "（{}）部门依法履职情况", NUMERALS[sub]);
        let mut item = 1;
        while text.len() < target {
            let _ = writeln!(text, "{item}. {}", department_item(rng));
            item += 1;
        }
    }
    if !skip_duty {
        heading(
            &mut text,
            "党政主要负责人履行推进法治建设第一责任人职责情况",
        );
        let _ = writeln!(
            text,
            "{place}党政主要负责人认真履行推进法治建设第一责任人职责，全年主持召开常务会议专题研究法治政府建设{}次，\
             带头参加集中学法{}次，对{}个部门法治建设情况开展督察，并将法治建设成效纳入政绩考核指标体系。",
            rng.range(2, 8),
            rng.range(3, 10),
            rng.range(5, 40)
        );
    }
    if !skip_shortcomings {
        heading(&mut text, "存在的不足和原因");
        text.push_str(
            "一是部分基层执法人员法治意识和执法能力仍有差距，执法规范化水平不够均衡；\
             二是行政复议、行政诉讼案件中反映出的程序问题整改不够彻底；\
             三是法治宣传的针对性和实效性有待提高。原因主要是培训覆盖面不足、考核机制不够健全。\n",
        );
    }
    heading(&mut text, &format!("{}年工作打算", year + 1));
    let _ = writeln!(
        text,
        "{}年，{place}将继续深入学习贯彻习近平法治思想，重点抓好以下工作：一是健全依法决策机制；\
         二是深化行政执法体制改革，开展执法案卷评查{}次以上；三是加强行政复议规范化建设；\
         四是推进法治宣传教育与基层治理深度融合。\n",
        year + 1,
        rng.range(1, 4)
    );
    let _ = writeln!(
        text,
        "{issuer}\n{}年{}月{}日",
        year + 1,
        rng.range(1, 3),
        rng.range(1, 28)
    );
    (text, place, year)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(Ok(count))) = (args.first(), args.get(1).map(|n| n.parse::<usize>()))
    else {
        eprintln!("用法：gen_corpus DIR N [SEED]");
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2024);
    let mut rng = Rng(seed);
    let mut bytes = 0;
    for i in 0..count {
        let (text, place, year) = report(&mut rng);
        let folder = PathBuf::from(dir).join(format!("{:03}", i / 1000));
        let path = folder.join(format!("{place}-{year}-{i:05}.txt"));
        let written = std::fs::create_dir_all(&folder).and_then(|()| std::fs::write(&path, &text));
        if let Err(e) = written {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        bytes += text.len();
    }
    println!(
        "wrote {count} reports, {} KB on average, to {dir}",
        bytes / count.max(1) / 1024
    );
    ExitCode::SUCCESS
}
