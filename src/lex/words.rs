//! Word lists shared by the passes, the checks and the outputs: direction words, comparison
//! bases and scope words. Each list keeps the exact entries its users need (the indicator
//! pass reads a change's direction with `DIRECTIONS`; the from–to check of
//! [`crate::checks::figures`] reads the wider `UP_WORDS`/`DOWN_WORDS`; subjects and
//! comparison keys strip `SUBJECT_LEAD` and `SCOPE_PREFIXES`). Longer entries come first
//! wherever a list is matched by prefix.

use serde::Serialize;

/// Direction of a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// 增长 上升 提高 增加
    Up,
    /// 下降 减少 降低 压缩
    Down,
}

/// Direction words directly before the number: `下降14.7%`, `提高5.17个百分点`.
pub(crate) const DIRECTIONS: &[(&str, Direction)] = &[
    ("增长了", Direction::Up),
    ("上升了", Direction::Up),
    ("提高了", Direction::Up),
    ("提升了", Direction::Up),
    ("增加了", Direction::Up),
    ("下降了", Direction::Down),
    ("减少了", Direction::Down),
    ("降低了", Direction::Down),
    ("压缩了", Direction::Down),
    ("缩短了", Direction::Down),
    ("增长", Direction::Up),
    ("上升", Direction::Up),
    ("提高", Direction::Up),
    ("提升", Direction::Up),
    ("增加", Direction::Up),
    ("上涨", Direction::Up),
    ("增幅", Direction::Up),
    ("下降", Direction::Down),
    ("减少", Direction::Down),
    ("降低", Direction::Down),
    ("压缩", Direction::Down),
    ("缩短", Direction::Down),
    ("缩减", Direction::Down),
    ("下滑", Direction::Down),
    ("降幅", Direction::Down),
];

/// Single-character directions, accepted only right after a basis (`比增`, `同比降`).
pub(crate) const SHORT_DIRECTIONS: &[(&str, Direction)] = &[
    ("增", Direction::Up),
    ("升", Direction::Up),
    ("降", Direction::Down),
    ("减", Direction::Down),
];

/// What a change is compared with, longest first.
pub(crate) const BASES: &[&str] = &[
    "较上一年度",
    "比上一年度",
    "较上一年",
    "比上一年",
    "较上年度",
    "比上年度",
    "较上年",
    "比上年",
    "较去年",
    "比去年",
    "同比",
    "环比",
    "比",
];

/// Words stripped from the start of a subject: scope, time and counting words.
pub(crate) const SUBJECT_LEAD: &[&str] = &[
    "辖区",
    "在",
    "将",
    "截至目前",
    "截至年底",
    "截至",
    "目前",
    "其中",
    "共计",
    "累计",
    "总计",
    "合计",
    "先后",
    "全年",
    "全区",
    "全市",
    "全县",
    "全镇",
    "全省",
    "我区",
    "我市",
    "我县",
    "我镇",
    "本年度",
    "今年",
    "年内",
    "当年",
    "以来",
    "共有",
    "共",
    "已",
    "还",
    "并",
    "均",
    "和",
    "对",
    "占",
    "被",
    "有",
    "为",
    "了",
    "是",
    "的",
    "再",
    "等",
];

/// Direction words between a `由/从 A` figure and a `至/到 B` figure.
pub(crate) const UP_WORDS: &[&str] = &[
    "增加", "增长", "提高", "提升", "上升", "扩大", "增至", "升至",
];

pub(crate) const DOWN_WORDS: &[&str] = &[
    "减少", "下降", "降低", "压缩", "缩短", "缩减", "压减", "减至", "降至",
];

/// Scope words removed from the start of a phrase: `全区共受理` → `受理`.
/// Longer entries first; each is removed repeatedly while it leads the phrase.
pub(crate) const SCOPE_PREFIXES: &[&str] = &[
    "截至目前",
    "截至年底",
    "本年度",
    "全街道",
    "已经",
    "全区",
    "全市",
    "全县",
    "全省",
    "全镇",
    "全乡",
    "全旗",
    "全州",
    "我区",
    "我市",
    "我县",
    "我省",
    "我镇",
    "全年",
    "本年",
    "今年",
    "年内",
    "当年",
    "累计",
    "共计",
    "合计",
    "总计",
    "其中",
    "目前",
    "共",
    "已",
    "另",
];

/// Prefixes kept when followed by these characters: `共享`, `共同`, `全区域`.
pub(crate) const KEEP_AFTER_PREFIX: &[(&str, &[char])] = &[
    (
        "共",
        &['享', '同', '建', '治', '青', '产', '性', '识', '商', '用'],
    ),
    ("全区", &['域']),
    ("全市", &['场']),
    ("另", &['行', '外']),
];

/// Scope words removed from the end of a phrase: `行政许可事项共` → `行政许可事项`.
pub(crate) const SCOPE_SUFFIXES: &[&str] = &[
    "分别为",
    "共计",
    "累计",
    "合计",
    "总计",
    "分别",
    "达到",
    "超过",
    "共",
    "约",
    "近",
];

/// Names and slogans that contain a counted numeral (`三项制度`, `两个维护`): a small Chinese
/// numeral with its measure word is a count everywhere else (`两次主持`, `聘请两名律师`).
/// Matched at the numeral; quoted names (`“八五”普法`) are protected by the indicator pass.
pub(crate) const SET_PHRASES: &[&str] = &[
    "三项制度",
    "两项制度",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "四个全面",
    "两个责任",
    "八项规定",
    "三个代表",
    "三个务必",
    "两个务必",
    "两个主体",
    "两个大局",
    "两个结合",
    "两个毫不动摇",
    "三个区分开来",
    "四个最严",
    "三张清单",
    "四套班子",
    "五位一体",
    "两个全覆盖",
    "三个全覆盖",
    "三个转变",
    "三个着力",
];

/// Measure words that, after a small Chinese numeral, name the parts of a plan, not a count:
/// `从三个方面推进`, `两个层面`.
pub(crate) const SET_PHRASE_TAILS: &[&str] = &["个方面", "个层面", "个维度", "个部分", "大"];

/// Words after `N期` that make it a project phase (`二期工程`), not a count of sessions.
pub(crate) const PHASE_WORDS: &[&str] = &["工程", "项目", "建设", "改造", "扩建"];

/// Verbs that take the counted thing as their object (`主动公开政府信息559条`, `办结67件`):
/// a subject is the noun phrase after the last of them. Verbs that also form the genre's
/// noun compounds (`审计`, `落实`, `建设`, `评估`, `执行`, `处罚`) are left out.
pub(crate) const SUBJECT_VERBS: &[&str] = &[
    "精简",
    "取消",
    "公开",
    "受理",
    "办理",
    "办结",
    "调解",
    "调处",
    "裁决",
    "维持",
    "撤回",
    "排查",
    "摸排",
    "化解",
    "查处",
    "查询",
    "录入",
    "移送",
    "生成",
    "使用",
    "设置",
    "新建",
    "走访",
    "帮助",
    "解决",
    "抽查",
    "出具",
    "提出",
    "提供",
    "参与",
    "聘请",
    "组建",
    "主持",
    "完成",
    "查出",
    "处置",
    "接待",
    "处理",
    "回应",
    "设立",
    "整合",
    "联网",
    "举办",
    "召开",
    "发放",
    "发布",
    "制定",
    "出台",
    "清理",
    "开通",
    "审结",
    "立案",
    "结案",
    "签订",
    "印发",
    "下发",
    "收到",
    "收集",
    "答复",
    "开展",
    "进行",
    "成功",
    "共同",
    "推出",
    "建设完成",
    "建成",
    "撤销",
    "废止",
    "解除",
    "邀请",
    "实现",
    "实施",
    "建立",
    "确定",
    "审核",
    "发现",
    "采集",
    "保留",
    "安排",
    "追收",
    "划转",
    "担任",
    "推进",
    "修订",
    "关停",
    "侦破",
    "挽回",
    "涉及",
    "驳回",
    "整改",
    "终止",
    "挂牌成立",
    "成立",
    "明确",
    "梳理出",
    "梳理",
    "公示",
    "归集",
    "接受",
    "强制拆除",
    "拆除",
    "约定",
    "公布",
    "曝光",
    "审查",
];

/// Words after a verb that make it part of a noun (`调解室`, `调解员`, `调解工作室`).
pub(crate) const NOUN_AFTER_VERB: &[&str] = &[
    "工作室",
    "委员会",
    "中心",
    "机构",
    "机关",
    "平台",
    "系统",
    "小组",
    "组织",
    "工作",
    "人数",
    "金额",
    "面积",
    "内容",
    "室",
    "员",
    "率",
    "站",
    "所",
    "队",
];

/// Endings of a doer (`各镇`, `经济开发区`, `各部门`): before a verb that ends the clause
/// (`各部门公开388条`), the thing counted is the sentence's, not the doer.
pub(crate) const AGENT_ENDINGS: &[&str] = &[
    "部门",
    "单位",
    "政府",
    "开发区",
    "街道",
    "社区",
    "机关",
    "法院",
    "检察院",
    "镇",
    "乡",
    "区",
    "县",
    "市",
    "村",
    "局",
    "委",
    "办",
];

/// The entry of [`SUBJECT_VERBS`] that `s` starts with, longest first. A binary search on
/// the first character: subjects look for verbs at every character of a clause.
pub(crate) fn subject_verb_at(s: &str) -> Option<&'static str> {
    static BY_FIRST: std::sync::OnceLock<Vec<(char, &'static str)>> = std::sync::OnceLock::new();
    let table = BY_FIRST.get_or_init(|| {
        let mut v: Vec<(char, &'static str)> = SUBJECT_VERBS
            .iter()
            .filter_map(|&w| Some((w.chars().next()?, w)))
            .collect();
        crate::text::sort::sort_by(&mut v, |a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
        v
    });
    let c = s.chars().next()?;
    let at = table.partition_point(|&(f, _)| f < c);
    table[at..]
        .iter()
        .take_while(|&&(f, _)| f == c)
        .find(|(_, w)| s.starts_with(w))
        .map(|&(_, w)| w)
}

/// A word list indexed by its words' first and last characters, for the prefix and suffix
/// tests that subjects make at every character of a clause. A test returns what a scan of
/// the list in order returns (the first word that matches), in a binary search and a few
/// comparisons instead of one comparison per word.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    /// (first character, index into `words`), sorted.
    by_first: Vec<(char, u16)>,
    /// (last character, index into `words`), sorted.
    by_last: Vec<(char, u16)>,
}

impl WordSet {
    /// Indexes `words` (empty words are never matched).
    pub(crate) fn new(words: &'static [&'static str]) -> Self {
        let index = |end: fn(&str) -> Option<char>| {
            let mut v: Vec<(char, u16)> = words
                .iter()
                .enumerate()
                .filter_map(|(i, w)| Some((end(w)?, u16::try_from(i).ok()?)))
                .collect();
            crate::text::sort::sort(&mut v);
            v
        };
        WordSet {
            words,
            by_first: index(|w| w.chars().next()),
            by_last: index(|w| w.chars().next_back()),
        }
    }

    /// The first word of the list that `s` starts with.
    pub(crate) fn prefix_of(&self, s: &str) -> Option<&'static str> {
        let c = s.chars().next()?;
        self.group(&self.by_first, c).find(|w| s.starts_with(w))
    }

    /// The first word of the list that `s` ends with.
    pub(crate) fn suffix_of(&self, s: &str) -> Option<&'static str> {
        let c = s.chars().next_back()?;
        self.group(&self.by_last, c).find(|w| s.ends_with(w))
    }

    /// The words of `index` keyed by `c`, in list order.
    fn group<'a>(
        &'a self,
        index: &'a [(char, u16)],
        c: char,
    ) -> impl Iterator<Item = &'static str> + 'a {
        let at = index.partition_point(|&(k, _)| k < c);
        index[at..]
            .iter()
            .take_while(move |&&(k, _)| k == c)
            .map(|&(_, i)| self.words[usize::from(i)])
    }
}
