//! The phrase lists of the review checks: the parts' cue phrases and heading variants
//! ([`super::parts`]) and the 纲要 areas' key phrases ([`super::coverage`]). Both lists are
//! compiled into one phrase index by `cues`, so a text line is scanned once.
//!
//! Phrases are Simplified and width-folded, as the normalised view is; `(variant, generic)`
//! heading pairs mark the variants that count on top-level headings only.

// ---- the required parts ------------------------------------------------------------------

/// Part ids and short names, in order.
pub const PARTS: [(&str, &str); 5] = [
    ("P1", "主要举措和成效"),
    ("P2", "存在的不足和原因"),
    ("P3", "党政主要负责人履行第一责任人职责情况"),
    ("P4", "下一年度主要安排"),
    ("P5", "其他需要报告的情况"),
];

/// Heading variants of the required parts, per part index; `(variant, generic)`. Generic variants count
/// on top-level headings only. Matches `三、存在的问题`; `(三)重点工作推进` is not P4.
pub(crate) const HEADING_VARIANTS: [&[(&str, bool)]; 5] = [
    &[
        ("推进法治政府建设的主要举措和成效", false),
        ("主要举措和成效", false),
        ("主要举措及成效", false),
        ("主要做法和成效", false),
        ("主要做法及成效", false),
        ("主要做法和成绩", false),
        ("主要工作及成效", false),
        ("工作开展情况", true),
        ("主要工作情况", true),
        ("工作成效", true),
        ("取得的成效", true),
        ("推进法治政府建设情况", true),
        ("法治政府建设情况", true),
        ("年度工作情况", true),
        ("工作完成情况", true),
        ("基本情况", true),
        ("工作回顾", true),
        ("重点工作推进情况", true),
        ("主要成效", true),
        ("工作举措", true),
    ],
    &[
        ("存在的不足和原因", false),
        ("存在的不足及原因", false),
        ("存在问题及原因分析", false),
        ("存在的问题和不足", false),
        ("存在的主要问题", false),
        ("存在的问题", false),
        ("存在问题", false),
        ("存在的不足", false),
        ("问题和不足", false),
        ("不足和问题", false),
        ("差距和不足", false),
        ("薄弱环节", false),
        ("短板弱项", false),
        ("困难和问题", false),
        ("不足之处", false),
        ("问题及原因", false),
    ],
    &[
        ("党政主要负责人履行推进法治建设第一责任人职责情况", false),
        ("履行推进法治建设第一责任人职责", false),
        ("履行第一责任人职责", false),
        ("第一责任人职责履行情况", false),
        ("加强法治政府建设的有关情况", false),
        ("党政主要负责人履职情况", false),
        ("第一责任人", false),
    ],
    &[
        ("下一年度推进法治政府建设的主要安排", false),
        ("下一年度主要安排", false),
        ("下一步工作打算", false),
        ("下一步工作安排", false),
        ("下一步工作计划", false),
        ("下一步工作思路", false),
        ("下一步工作举措", false),
        ("下一步打算", false),
        ("下步工作打算", false),
        ("下步打算", false),
        ("今后工作打算", false),
        ("明年工作打算", false),
        ("努力方向", false),
        ("下一步", false),
        ("主要安排", true),
        ("工作打算", true),
        ("工作思路", true),
        ("工作安排", true),
        ("工作计划", true),
        ("工作展望", true),
        ("工作重点", true),
        ("重点工作", true),
    ],
    &[
        ("其他需要报告的情况", false),
        ("其他需要说明的情况", false),
        ("需要说明的问题", false),
        ("其他情况", true),
        ("其他事项", true),
        ("其他", true),
    ],
];

/// Titles of party-leadership sections where P3 is often folded in.
pub(crate) const LEADERSHIP_TITLES: &[&str] = &[
    "党的领导",
    "组织领导",
    "党对法治政府建设的领导",
    "党委领导",
    "领导责任",
];

/// Titles naming the leadership's duty: `形成闭环,着力落实法治政府建设主体责任`. Such a
/// section carries P3 weakly even without naming the 第一责任人.
pub(crate) const DUTY_TITLES: &[&str] = &["主体责任", "第一责任"];

/// P3 cues; the strong ones name the duty itself.
pub(crate) const P3_STRONG: &[&str] = &[
    "党政主要负责人履行推进法治建设第一责任人职责规定",
    "第一责任人",
    "述法",
    "亲自部署",
    "亲自过问",
    "亲自协调",
    "亲自督办",
];
pub(crate) const P3_CUES: &[&str] = &[
    "党政主要负责人",
    "主要负责人",
    "主要负责同志",
    "主要领导",
    "专题研究",
    "常务会议",
    "常委会会议",
    "党组会",
];

/// P2 openers: a paragraph that starts admitting shortcomings. `但也存在一些薄弱环节`;
/// nouns alone (`查找一批短板弱项`, `补齐薄弱环节`) are tasks, not admissions.
pub(crate) const P2_OPENERS: &[&str] = &[
    "但也存在",
    "但还存在",
    "但仍存在",
    "还存在",
    "仍存在",
    "仍然存在",
    "依然存在",
    "存在一些",
    "存在以下",
    "存在的问题",
    "还需进一步加强",
];
/// P2 body cues (without the too common `个别`, `主要是`).
pub(crate) const P2_CUES: &[&str] = &[
    "不足",
    "有待",
    "不够",
    "不强",
    "不高",
    "不到位",
    "不平衡",
    "短板",
    "薄弱",
    "滞后",
    "差距",
    "一定程度上",
    "部分单位",
    "原因",
    "问题",
    "还需",
];
/// Openers of a plan paragraph, in its first sentence: `下一步,我们将…`, `新的一年…`.
pub(crate) const P4_OPENERS: &[&str] = &["下一步", "下步", "新的一年", "明年", "今后"];
/// Verbs of intent that must accompany an opener.
pub(crate) const P4_INTENT: &[&str] = &["将", "要", "继续", "持续", "进一步", "力争", "计划", "拟"];
/// Cues of a plan item: `(三)进一步加强规范性文件管理`.
pub(crate) const P4_CUES: &[&str] = &["进一步", "继续", "持续", "着力", "力争", "将", "深入推进"];
/// P1 body cues.
pub(crate) const P1_CUES: &[&str] = &[
    "一年来",
    "全年",
    "共计",
    "累计",
    "同比",
    "实现",
    "完成",
    "出台",
    "制定",
    "开展",
];
/// The phrase that names P5 in a passage.
pub(crate) const P5_PHRASES: &[&str] = &["其他需要报告的情况", "其他需要说明的情况"];

/// Cue lists, as tags of the passage index.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    P1Cue,
    P2Opener,
    P2Cue,
    P3Strong,
    P3Cue,
    P4Opener,
    P4Intent,
    P4Cue,
    P5,
    Leadership,
    Duty,
}

/// Every cue phrase with its list; [`crate::checks::cues`] compiles them with the coverage phrases
/// into one index, so that a line is scanned once.
pub(crate) fn cue_phrases() -> impl Iterator<Item = (&'static str, List)> {
    let lists: [(List, &[&'static str]); 11] = [
        (List::P1Cue, P1_CUES),
        (List::P2Opener, P2_OPENERS),
        (List::P2Cue, P2_CUES),
        (List::P3Strong, P3_STRONG),
        (List::P3Cue, P3_CUES),
        (List::P4Opener, P4_OPENERS),
        (List::P4Intent, P4_INTENT),
        (List::P4Cue, P4_CUES),
        (List::P5, P5_PHRASES),
        (List::Leadership, LEADERSHIP_TITLES),
        (List::Duty, DUTY_TITLES),
    ];
    lists
        .into_iter()
        .flat_map(|(l, ps)| ps.iter().map(move |&p| (p, l)))
}

// ---- the 纲要 areas ----------------------------------------------------------------------

/// Areas: id, short name, key phrases (weight 2), extra terms (weight 1).
pub(crate) type AreaList = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

pub(crate) const AREAS: [AreaList; 9] = [
    (
        "A1",
        "依法全面履行政府职能",
        &[
            "放管服",
            "简政放权",
            "权责清单",
            "权力清单",
            "责任清单",
            "证照分离",
            "告知承诺",
            "市场准入负面清单",
            "行政许可事项清单",
            "政务服务事项",
            "行政审批制度改革",
            "营商环境",
            "法治化营商环境",
            "双随机、一公开",
            "事中事后监管",
            "信用监管",
            "跨省通办",
            "一业一证",
            "马上办、网上办、就近办、一次办、自助办",
            "中介服务",
            "变相许可",
            // L1
            "负面清单",
            "商事制度改革",
            "先照后证",
            "多证合一",
            "加强市场监管",
            "创新社会治理",
            "优化公共服务",
            "生态环境保护",
        ],
        &[
            "三定",
            "机构改革",
            "公平竞争",
            "涉企",
            "市场主体",
            "优化营商环境条例",
            "非禁即入",
            "隐性壁垒",
            "减证便民",
            "证明事项",
            "容缺受理",
            "一件事一次办",
            "政务服务中心",
            "帮办代办",
        ],
    ),
    (
        "A2",
        "完善依法行政制度体系",
        &[
            "规范性文件",
            "行政规范性文件",
            "合法性审核",
            "备案审查",
            "有件必备、有备必审、有错必纠",
            "报备率",
            "政府规章",
            "地方性法规",
            "立法计划",
            "立法项目",
            "基层立法联系点",
            "规章清理",
            "文件清理",
            "公平竞争审查",
            "立改废释",
            "征求意见",
            // L2
            "政府立法",
            "立法体制机制",
            "重点领域立法",
            "规章",
            "清理长效机制",
            "立法公众参与",
        ],
        &[
            "制定程序",
            "有效期",
            "统一登记、统一编号、统一印发",
            "立法后评估",
            "听证",
            "法规草案",
            "规章草案",
            "备案率",
            "及时率",
            "规范率",
            "合法率",
            "清理结果",
        ],
    ),
    (
        "A3",
        "健全行政决策制度体系",
        &[
            "重大行政决策",
            "决策事项目录",
            "公众参与",
            "专家论证",
            "风险评估",
            "社会稳定风险评估",
            "合法性审查",
            "集体讨论决定",
            "法律顾问",
            "公职律师",
            "决策后评估",
            "决策终身责任追究",
            "重大行政决策程序暂行条例",
            "听证",
            // L3
            "决策责任追究",
        ],
        &[
            "政府合同",
            "合同审查",
            "涉法事务",
            "法律意见书",
            "常务会议",
            "会前学法",
            "民意调查",
            "决策执行",
            "决策评估",
            "法律顾问覆盖率",
        ],
    ),
    (
        "A4",
        "严格规范公正文明执法",
        &[
            "行政执法三项制度",
            "行政执法公示",
            "执法全过程记录",
            "重大执法决定法制审核",
            "综合行政执法",
            "行政执法体制改革",
            "两法衔接",
            "行政执法与刑事司法衔接",
            "案卷评查",
            "行政裁量权基准",
            "行政执法证件",
            "持证上岗",
            "包容审慎监管",
            "首违不罚",
            "轻微违法不罚",
            "免罚清单",
            "行政执法监督",
            "提升行政执法质量三年行动",
            // L4
            "综合执法",
            "相对集中行政处罚权",
            "行政执法程序",
            "行政执法责任制",
            "执法人员持证上岗",
            "资格管理",
            "裁量基准",
            "三项制度",
        ],
        &[
            "执法力量下沉",
            "赋权乡镇",
            "执法事项清单",
            "柔性执法",
            "说理式执法",
            "联合执法",
            "跨部门执法",
            "执法人员培训",
            "执法记录仪",
            "行政处罚",
            "行政检查",
            "行政强制",
            "涉企检查",
            "执法协调监督",
            "执法监督员",
            "案卷",
            "卷宗",
        ],
    ),
    (
        "A5",
        "健全突发事件应对体系",
        &[
            "突发事件应对法",
            "应急预案",
            "应急演练",
            "应急管理",
            "应急处置",
            "应急响应",
            "应急物资",
            "防灾减灾",
            "防汛",
            "安全生产",
            "风险隐患排查",
            "监测预警",
            "疫情防控",
            "依法防控",
        ],
        &[
            "应急指挥",
            "应急救援队伍",
            "森林防火",
            "自然灾害",
            "公共卫生事件",
            "社会安全事件",
            "应急保障",
            "基层应急",
            "社会力量参与",
            "复工复产",
        ],
    ),
    (
        "A6",
        "依法有效化解社会矛盾纠纷",
        &[
            "行政复议",
            "行政复议体制改革",
            "纠错率",
            "直接纠错率",
            "行政应诉",
            "行政机关负责人出庭应诉",
            "出庭应诉率",
            "败诉率",
            "行政调解",
            "人民调解",
            "行政裁决",
            "信访",
            "矛盾纠纷排查",
            "调解成功率",
            "诉源治理",
            "枫桥经验",
            "行政争议实质性化解",
            "法律援助",
            "公共法律服务",
            // L6
            "仲裁",
            "信访工作制度改革",
            "大调解",
        ],
        &[
            "复议决定书",
            "复议案件",
            "行政诉讼",
            "一审行政案件",
            "司法建议",
            "调处",
            "化解",
            "多元化解",
            "访调对接",
            "诉调对接",
            "人民调解员",
            "人民调解委员会",
            "法律咨询",
            "12348",
        ],
    ),
    (
        "A7",
        "行政权力制约和监督",
        &[
            "人大监督",
            "民主监督",
            "司法监督",
            "审计监督",
            "统计监督",
            "社会监督",
            "舆论监督",
            "政府督查",
            "政务公开",
            "政府信息公开",
            "依申请公开",
            "主动公开",
            "政务诚信",
            "12345",
            "人大代表建议",
            "政协委员提案",
            "办复率",
            "满意率",
            "问责",
            // L5
            "纠错问责",
            "行政问责",
        ],
        &[
            "纪检监察",
            "巡视巡察",
            "经济责任审计",
            "检察建议",
            "司法建议",
            "政府开放日",
            "政策解读",
            "失信",
            "拖欠账款",
            "专项工作报告",
            "专题询问",
            "民主协商",
        ],
    ),
    (
        "A8",
        "全面建设数字法治政府",
        &[
            "数字法治政府",
            "数字政府",
            "一网通办",
            "一网统管",
            "一网协同",
            "互联网+政务服务",
            "互联网+监管",
            "政务数据共享",
            "电子证照",
            "电子签章",
            "非现场执法",
            "执法监督平台",
            "行政执法综合管理监督信息系统",
            "大数据",
            "掌上办",
        ],
        &[
            "政务服务平台",
            "数据归集",
            "数据安全",
            "信息化平台",
            "智慧",
            "人工智能",
            "区块链",
            "网上办理率",
            "全程网办",
            "统一身份认证",
            "数据孤岛",
        ],
    ),
    (
        "A9",
        "加强党的领导，完善推进机制",
        &[
            "党政主要负责人履行推进法治建设第一责任人职责",
            "第一责任人",
            "述法",
            "全面依法治区委员会",
            "依法治区办",
            "法治政府建设示范创建",
            "法治政府建设督察",
            "法治建设考核",
            "绩效考核",
            "年度报告",
            "领导干部学法",
            "常务会议学法",
            "法治培训",
            "法治思维和依法行政能力",
            "法治政府建设实施方案",
            "工作要点",
            // A0
            "习近平法治思想",
            "职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意",
            "法治政府建设全面突破",
            "率先突破",
            "政府治理体系",
            // AX
            "法治宣传教育",
            "普法",
            "八五普法",
            "七五普法",
            "谁执法谁普法",
            "宪法宣传周",
            "民法典",
            "法治文化",
            "民主法治示范村（社区）",
            "法律明白人",
            "法治社会",
            // L7, L0
            "学法用法",
            "法治教育培训",
            "法治能力考查测试",
            "法治思维",
            "依法行政能力",
            "任前法律知识考试",
            "加强党对法治政府建设的领导",
            "党政主要负责人",
            "考核评价",
            "督促检查",
            "示范创建",
            "依法行政考核",
        ],
        &[
            "全面依法治市",
            "全面依法治县",
            "依法治省",
            "委员会会议",
            "协调小组",
            "第一议题",
            "理论学习中心组",
            "专题讲座",
            "法治讲座",
            "宪法宣誓",
            "任前考法",
            "法治素养",
            "法治工作队伍",
            "民主法治示范村",
        ],
    ),
];

/// What a phrase counts for: area index, the phrase as listed, weight.
pub(crate) type AreaTag = (usize, &'static str, u32);

/// Every area phrase with its tag; [`crate::checks::cues`] compiles them with the parts' cues into
/// one index.
pub(crate) fn area_phrases() -> Vec<(&'static str, AreaTag)> {
    let mut tags: Vec<(&'static str, AreaTag)> = Vec::new();
    for (area, (_, _, phrases, extra)) in AREAS.iter().enumerate() {
        let tiers = phrases
            .iter()
            .map(|p| (*p, 2))
            .chain(extra.iter().map(|p| (*p, 1)));
        for (phrase, weight) in tiers {
            // A phrase listed twice in one area keeps its higher weight.
            match tags.iter_mut().find(|(p, t)| *p == phrase && t.0 == area) {
                Some((_, t)) => t.2 = t.2.max(weight),
                None => tags.push((phrase, (area, phrase, weight))),
            }
        }
    }
    tags
}
