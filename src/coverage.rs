//! Coverage of the 纲要 areas A1–A9 (《法治政府建设实施纲要（2021—2025年）》).
//!
//! The phrase lists are lexicon A and B: each area's `phrases` weigh 2, its `extra` 1; A0
//! (习近平法治思想) and AX (法治宣传教育) count towards A9, and the 2015–2020 areas L0–L7
//! count towards the area they map to (L5 → A7, L7 → A9 …) with weight 2.
//!
//! ## Matching
//! One forward scan over the report's text lines (chrome and metadata lines are skipped) on
//! the normalised view, so `行政復議` matches `行政复议`. At each position the phrases that
//! start with the next two characters are tried, longest first, and the longest match wins
//! and is consumed: `行政规范性文件` counts once, not also as `规范性文件`; `三项制度` inside
//! `行政执法三项制度` is not counted twice. Matching is literal: `调处` also matches inside
//! `调处成功`, and `智慧` inside `智慧城市` — which is why such words are only `extra`.
//!
//! ## Score
//! `points = Σ weight × min(count, 3)` over the phrases that hit: one phrase repeated forty
//! times counts as three uses. `score = min(100, round(points × 100 / 24))`: 24 points —
//! four key phrases used three times each, or twelve used once — is full coverage. An area
//! with score 0 is flagged.
//!
//! Cost: the index is built once (a multi-phrase index); the scan is linear.

use crate::analysis::Section;
use crate::cues::LineHits;
use crate::document::Document;
use crate::text::Span;
use serde::Serialize;

/// Coverage of one area.
#[derive(Clone, Debug, Serialize)]
pub struct AreaCoverage {
    /// `A1` … `A9`.
    pub area: &'static str,
    /// The area's short name (`依法全面履行政府职能`).
    pub name: &'static str,
    /// 0–100; see the module docs.
    pub score: u32,
    /// `Σ weight × min(count, 3)`.
    pub points: u32,
    /// Indices of the innermost sections where phrases hit, ascending.
    pub sections: Vec<usize>,
    /// The phrases that hit, in lexicon order.
    pub phrases: Vec<PhraseHit>,
    /// Every hit, in document order (for highlighting).
    #[serde(skip)]
    pub spans: Vec<Span>,
}

/// The areas the report says nothing about (score 0), in A1–A9 order: what a reviewer flags.
pub fn uncovered(areas: &[AreaCoverage]) -> Vec<&'static str> {
    areas
        .iter()
        .filter(|c| c.score == 0)
        .map(|c| c.area)
        .collect()
}

/// One phrase and how often it occurs.
#[derive(Clone, Debug, Serialize)]
pub struct PhraseHit {
    /// The phrase as listed (Simplified).
    pub text: &'static str,
    /// Occurrences in the report.
    pub count: u32,
    /// 2 for a key phrase, 1 for an extra term.
    pub weight: u32,
}

/// Uses of one phrase counted towards a score.
pub const PHRASE_CAP: u32 = 3;
/// Points that make a score of 100.
pub const FULL_POINTS: u32 = 24;

// ---- patterns (lexicon A and B) ---------------------------------------------------------

/// Areas: id, short name, key phrases (weight 2), extra terms (weight 1).
type AreaList = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const AREAS: [AreaList; 9] = [
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
pub(crate) type Tag = (usize, &'static str, u32);

/// Every area phrase with its tag; [`crate::cues`] compiles them with the parts' cues into
/// one index.
pub(crate) fn area_phrases() -> Vec<(&'static str, Tag)> {
    let mut tags: Vec<(&'static str, Tag)> = Vec::new();
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

/// Coverage of A1–A9 in `text` (the normalised view). `sections` are in view coordinates.
pub fn find_coverage(text: &str, doc: &Document, sections: &[Section]) -> Vec<AreaCoverage> {
    coverage_in(&LineHits::new(text, doc), sections)
}

/// [`find_coverage`] over the phrase hits of the text lines, shared with the parts check.
pub(crate) fn coverage_in(hits: &LineHits, sections: &[Section]) -> Vec<AreaCoverage> {
    let mut counts: Vec<Vec<(&'static str, u32, u32)>> = vec![Vec::new(); AREAS.len()];
    let mut secs: Vec<Vec<usize>> = vec![Vec::new(); AREAS.len()];
    let mut spans: Vec<Vec<Span>> = vec![Vec::new(); AREAS.len()];
    let mut cursor = Innermost::new(sections);
    hits.longest_areas(|&(area, phrase, weight), span| {
        let c = &mut counts[area];
        match c
            .iter_mut()
            .find(|(t, _, _)| t.len() == phrase.len() && *t == phrase)
        {
            Some(e) => e.1 += 1,
            None => c.push((phrase, 1, weight)),
        }
        if let Some(k) = cursor.at(span.start) {
            secs[area].push(k);
        }
        spans[area].push(span);
    });
    AREAS
        .iter()
        .enumerate()
        .map(|(a, &(area, name, phrases, extra))| {
            let order = |t: &str| {
                phrases
                    .iter()
                    .chain(extra.iter())
                    .position(|p| *p == t)
                    .unwrap_or(usize::MAX)
            };
            let mut hits: Vec<PhraseHit> = counts[a]
                .iter()
                .map(|&(text, count, weight)| PhraseHit {
                    text,
                    count,
                    weight,
                })
                .collect();
            hits.sort_by_cached_key(|h| order(h.text));
            let points: u32 = hits
                .iter()
                .map(|h| h.weight * h.count.min(PHRASE_CAP))
                .sum();
            let mut sections = std::mem::take(&mut secs[a]);
            sections.sort_unstable();
            sections.dedup();
            AreaCoverage {
                area,
                name,
                score: (points * 100 + FULL_POINTS / 2) / FULL_POINTS,
                points,
                sections,
                phrases: hits,
                spans: std::mem::take(&mut spans[a]),
            }
            .capped()
        })
        .collect()
}

impl AreaCoverage {
    fn capped(mut self) -> Self {
        self.score = self.score.min(100);
        self
    }
}

/// The innermost section containing each of a sequence of ascending positions.
pub(crate) struct Innermost<'a> {
    sections: &'a [Section],
    stack: Vec<usize>,
    next: usize,
}

impl<'a> Innermost<'a> {
    /// A cursor at the start of the text.
    pub(crate) fn new(sections: &'a [Section]) -> Self {
        Innermost {
            sections,
            stack: Vec::new(),
            next: 0,
        }
    }

    /// The innermost section containing `pos`; positions must not decrease.
    pub(crate) fn at(&mut self, pos: usize) -> Option<usize> {
        let s = self.sections;
        while self.next < s.len() && s[self.next].heading.start <= pos {
            while self
                .stack
                .last()
                .is_some_and(|&t| s[t].span.end <= s[self.next].heading.start)
            {
                self.stack.pop();
            }
            self.stack.push(self.next);
            self.next += 1;
        }
        while self.stack.last().is_some_and(|&t| s[t].span.end <= pos) {
            self.stack.pop();
        }
        self.stack.last().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cov(text: &str) -> Vec<AreaCoverage> {
        let doc = Document::new(text);
        find_coverage(text, &doc, &[])
    }

    fn phrases(c: &AreaCoverage) -> Vec<(&str, u32)> {
        c.phrases.iter().map(|h| (h.text, h.count)).collect()
    }

    #[test]
    fn longest_phrase_wins_and_is_consumed() {
        // `行政规范性文件` counts once, not also as `规范性文件`.
        let c = cov("审核行政规范性文件8件,清理规范性文件3件。");
        assert_eq!(phrases(&c[1]), [("规范性文件", 1), ("行政规范性文件", 1)]);
        // `行政执法三项制度` once; `三项制度` alone elsewhere.
        let c = cov("全面推行行政执法三项制度。落实三项制度。");
        assert_eq!(phrases(&c[3]), [("行政执法三项制度", 1), ("三项制度", 1)]);
    }

    #[test]
    fn a_phrase_in_two_areas_counts_in_both() {
        // `听证`: A2 extra (weight 1) and A3 key phrase (weight 2).
        let c = cov("组织听证会。");
        assert_eq!(c[1].points, 1);
        assert_eq!(c[2].points, 2);
    }

    #[test]
    fn repeats_are_capped() {
        let c = cov(&"信访。".repeat(40));
        assert_eq!(phrases(&c[5]), [("信访", 40)]);
        assert_eq!(c[5].points, 2 * PHRASE_CAP);
        assert_eq!(c[5].score, (6 * 100 + 12) / 24);
    }

    #[test]
    fn traditional_and_full_width_text_matches() {
        let t = "推進“互聯網＋政務服務”,辦理行政復議案件。";
        let n = crate::text::Normalized::new(t);
        let c = cov(&n.text);
        assert_eq!(phrases(&c[7]), [("互联网+政务服务", 1)]);
        assert_eq!(phrases(&c[5]), [("行政复议", 1)]);
    }

    #[test]
    fn old_and_auxiliary_areas_map_into_a9() {
        // L7 `学法用法`, AX `普法`, A0 `习近平法治思想` all count for A9.
        let c = cov("深入学习习近平法治思想,推进学法用法,开展普法。");
        assert_eq!(
            phrases(&c[8]),
            [("习近平法治思想", 1), ("普法", 1), ("学法用法", 1)]
        );
        assert!(c[..8].iter().all(|a| a.points == 0));
    }

    #[test]
    fn uncovered_lists_the_areas_with_nothing() {
        let a = crate::analyze("一、深化“放管服”改革\n办理行政复议案件12件。");
        let flagged = uncovered(&a.coverage);
        assert!(
            !flagged.contains(&"A1") && !flagged.contains(&"A6"),
            "{flagged:?}"
        );
        assert!(
            flagged.contains(&"A5"),
            "nothing about emergencies: {flagged:?}"
        );
    }
}
