//! Outline levels, generated: random outline trees (depth ≤ 4, 1–4 children per heading),
//! rendered as small reports in every family order real reports use, analysed with
//! [`report_lens::analyze`]. The outline must be exactly the generated tree: every
//! heading's marker, title, level and parent, and the run-in `一是…二是…` items of a body as
//! children of their heading. No numbering diagnostic may be raised and no marker repaired.
//!
//! Orders (one family per level, top first):
//!
//! | order | families |
//! |---|---|
//! | textbook (GB/T 9704) | `一、` `（一）` `1.` `（1）` |
//! | parts on top | `第一部分` `一、` `（一）` `1.` |
//! | chapters on top | `第一章` `第一节` `一、` `（一）` |
//! | volumes and chapters | `第一篇` `第一章` `第一节` `一、` |
//! | starting at （一） | `（一）` `1、` `（1）` `①` |
//! | `1、` first | `1、` `（1）` `①` |
//! | `（一）` first, full | `（一）` `1.` `（1）` `①` |
//! | single-character forms | `一、` `㈠` `⑴` `①` |
//! | letters | `一、` `（一）` `1)` `a.` |
//!
//! Brackets are written full-width or half-width at random, heading by heading (web copies
//! mix `(一)` and `（二）`). A heading stands alone on its line or runs into its paragraph
//! (`（一）加强领导。全年召开会议12次。`); a body is a line with figures, or a paragraph with a
//! run-in list `一是…；二是…。`, either after a lead sentence or opening the line.
//!
//! The case count is 256 unless `PROPTEST_CASES` says otherwise.

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use report_lens::{analyze, Analysis};

// ---- families and orders ----------------------------------------------------------------

/// How one level writes its markers.
#[derive(Clone, Copy, Debug)]
enum Style {
    /// `一、`
    CnComma,
    /// `第一部分 `
    Part,
    /// `第一篇 `
    Volume,
    /// `第一章 `
    Chapter,
    /// `第一节 `
    Section,
    /// `（一）` or `(一)`
    CnParen,
    /// `㈠`
    CnParenGlyph,
    /// `1.` or `1．`
    DigitDot,
    /// `1、`
    DigitComma,
    /// `（1）` or `(1)`
    DigitParen,
    /// `⑴`
    DigitParenGlyph,
    /// `1)` or `1）`
    DigitHalfParen,
    /// `①`
    Circled,
    /// `a.`
    Latin,
}

const ORDERS: &[(&str, &[Style])] = {
    use Style::*;
    &[
        ("textbook", &[CnComma, CnParen, DigitDot, DigitParen]),
        ("parts on top", &[Part, CnComma, CnParen, DigitDot]),
        ("chapters on top", &[Chapter, Section, CnComma, CnParen]),
        ("volumes and chapters", &[Volume, Chapter, Section, CnComma]),
        (
            "starting at (一)",
            &[CnParen, DigitComma, DigitParen, Circled],
        ),
        ("1、 first", &[DigitComma, DigitParen, Circled]),
        (
            "(一) first, full",
            &[CnParen, DigitDot, DigitParen, Circled],
        ),
        (
            "single-character forms",
            &[CnComma, CnParenGlyph, DigitParenGlyph, Circled],
        ),
        ("letters", &[CnComma, CnParen, DigitHalfParen, Latin]),
    ]
};

const CN: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// The marker of item `n` (1-based) as written, and the separator before the title.
fn marker(style: Style, n: usize, full: bool) -> (String, &'static str) {
    let cn = CN[n - 1];
    let (open, close) = if full { ("（", "）") } else { ("(", ")") };
    let glyph = |first: u32| char::from_u32(first + n as u32 - 1).unwrap().to_string();
    match style {
        Style::CnComma => (format!("{cn}、"), ""),
        Style::Part => (format!("第{cn}部分"), " "),
        Style::Volume => (format!("第{cn}篇"), " "),
        Style::Chapter => (format!("第{cn}章"), " "),
        Style::Section => (format!("第{cn}节"), " "),
        Style::CnParen => (format!("{open}{cn}{close}"), ""),
        Style::CnParenGlyph => (glyph(0x3220), ""),
        Style::DigitDot => (format!("{n}{}", if full { "．" } else { "." }), ""),
        Style::DigitComma => (format!("{n}、"), ""),
        Style::DigitParen => (format!("{open}{n}{close}"), ""),
        Style::DigitParenGlyph => (glyph(0x2474), ""),
        Style::DigitHalfParen => (format!("{n}{close}"), ""),
        Style::Circled => (glyph(0x2460), ""),
        Style::Latin => (format!("{}.", (b'a' + n as u8 - 1) as char), ""),
    }
}

// ---- word pools -------------------------------------------------------------------------

/// Heading titles, as reports word them.
const TITLES: &[&str] = &[
    "加强组织领导",
    "依法全面履行政府职能",
    "完善依法行政制度体系",
    "推进行政决策科学化、民主化、法治化",
    "坚持严格规范公正文明执法",
    "强化行政权力制约和监督",
    "依法有效化解社会矛盾纠纷",
    "深化“放管服”改革",
    "加强规范性文件备案审查",
    "全面推行行政执法三项制度",
    "健全法律顾问制度",
    "做好行政复议和应诉工作",
    "抓好法治宣传教育",
    "坚持依法决策，提升决策质量",
    "推进政务公开",
    "强化执法监督",
];

/// Titles of run-in items (`一是…`): short, no comma.
const ITEMS: &[&str] = &[
    "严格合法性审核",
    "开展文件清理",
    "加强执法培训",
    "落实述法制度",
    "完善考核机制",
    "优化审批服务",
];

/// Sentences with figures.
const FIGURES: &[&str] = &[
    "全年召开专题会议12次",
    "办理行政复议案件35件，同比增长12.5%",
    "培训执法人员1200人次",
    "审核规范性文件38件",
    "投入经费1.35亿元",
    "办结率达到98.79%",
    "压缩审批时限至3.5个工作日",
    "清理文件64项",
];

/// Lead sentences before a run-in list.
const LEADS: &[&str] = &["主要做法如下", "今年以来我们重点抓了以下工作", "具体措施有"];

// ---- trees ------------------------------------------------------------------------------

/// What follows a heading before its children.
#[derive(Clone, Debug)]
enum Body {
    /// Nothing: the next line is a child or the next heading.
    None,
    /// The heading runs into its paragraph: `（一）加强领导。全年召开会议12次。`
    RunIn(usize),
    /// A line with figures below the heading.
    Line(usize, usize),
    /// A paragraph `引导句。一是…，…；二是…，…。` below the heading (`lead`), or a paragraph
    /// opening with `一是` (no lead), or the list right after a run-in heading (`same_line`).
    Shi {
        items: Vec<(usize, usize)>,
        lead: Option<usize>,
        same_line: bool,
    },
}

#[derive(Clone, Debug)]
struct Node {
    title: usize,
    body: Body,
    children: Vec<Node>,
}

fn body() -> impl Strategy<Value = Body> {
    let idx = |n: usize| 0..n;
    prop_oneof![
        Just(Body::None),
        idx(FIGURES.len()).prop_map(Body::RunIn),
        (idx(FIGURES.len()), idx(FIGURES.len())).prop_map(|(a, b)| Body::Line(a, b)),
        (
            prop::collection::vec((idx(ITEMS.len()), idx(FIGURES.len())), 1..=4),
            prop::option::of(idx(LEADS.len())),
            any::<bool>(),
        )
            .prop_map(|(items, lead, same_line)| Body::Shi {
                items,
                lead,
                same_line
            }),
    ]
}

/// 1–4 headings, each with up to `depth - 1` levels below it.
fn forest(depth: usize) -> BoxedStrategy<Vec<Node>> {
    let children = if depth <= 1 {
        Just(Vec::new()).boxed()
    } else {
        prop_oneof![Just(Vec::new()), forest(depth - 1)].boxed()
    };
    prop::collection::vec(
        (0..TITLES.len(), body(), children).prop_map(|(title, body, children)| Node {
            title,
            body,
            children,
        }),
        1..=4,
    )
    .boxed()
}

// ---- rendering --------------------------------------------------------------------------

/// One expected outline entry: marker, title, level, parent.
type Entry = (String, String, u8, Option<usize>);

struct Render<'a> {
    styles: &'a [Style],
    /// Full-width brackets per heading, cycled.
    widths: &'a [bool],
    text: String,
    want: Vec<Entry>,
    headings: usize,
}

impl Render<'_> {
    fn forest(&mut self, nodes: &[Node], level: usize, parent: Option<usize>) {
        for (k, node) in nodes.iter().enumerate() {
            let full = self.widths[self.headings % self.widths.len()];
            self.headings += 1;
            let (m, sep) = marker(self.styles[level - 1], k + 1, full);
            let title = TITLES[node.title];
            let me = self.want.len();
            self.want
                .push((m.clone(), title.to_string(), level as u8, parent));
            self.text.push_str(&format!("{m}{sep}{title}"));
            match &node.body {
                Body::None => self.text.push('\n'),
                Body::RunIn(f) => self.text.push_str(&format!("。{}。\n", FIGURES[*f])),
                Body::Line(a, b) => {
                    self.text
                        .push_str(&format!("\n{}，{}。\n", FIGURES[*a], FIGURES[*b]));
                }
                Body::Shi {
                    items,
                    lead,
                    same_line,
                } => {
                    self.text.push(if *same_line { '。' } else { '\n' });
                    // The list opens the paragraph only on a line of its own.
                    let opens_line = !*same_line && lead.is_none();
                    if let Some(l) = lead.filter(|_| !opens_line) {
                        self.text.push_str(&format!("{}。", LEADS[l]));
                    } else if *same_line {
                        self.text.push_str("具体措施有：");
                    }
                    for (j, &(item, fig)) in items.iter().enumerate() {
                        let end = if j + 1 == items.len() { "。" } else { "；" };
                        self.text.push_str(&format!(
                            "{}是{}，{}{end}",
                            CN[j], ITEMS[item], FIGURES[fig]
                        ));
                        // A list opening its line: the first item is a heading at the line
                        // start, whose title runs to the first `；`.
                        let t = if j == 0 && opens_line {
                            format!("{}，{}", ITEMS[item], FIGURES[fig])
                        } else {
                            ITEMS[item].to_string()
                        };
                        self.want
                            .push((format!("{}是", CN[j]), t, level as u8 + 1, Some(me)));
                    }
                    self.text.push('\n');
                }
            }
            self.forest(&node.children, level + 1, Some(me));
        }
    }
}

/// A small report: a title line, an opening paragraph, the outline; and the outline it must
/// give.
fn render(nodes: &[Node], styles: &[Style], widths: &[bool]) -> (String, Vec<Entry>) {
    let mut r = Render {
        styles,
        widths,
        text: "某市司法局2023年法治政府建设年度报告\n\
               2023年，我局深入学习贯彻习近平法治思想，现将有关情况报告如下。\n"
            .to_string(),
        want: Vec::new(),
        headings: 0,
    };
    r.forest(nodes, 1, None);
    (r.text, r.want)
}

fn depth(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| 1 + depth(&n.children))
        .max()
        .unwrap_or(0)
}

/// Cuts the tree to `max` levels.
fn prune(nodes: &mut [Node], max: usize) {
    for n in nodes {
        if max <= 1 {
            n.children.clear();
        } else {
            prune(&mut n.children, max - 1);
        }
    }
}

fn outline(a: &Analysis) -> Vec<Entry> {
    a.sections
        .iter()
        .map(|s| (s.marker.clone(), s.title.clone(), s.level, s.parent))
        .collect()
}

/// The first entry where `got` and `want` differ, with the text around it.
fn first_difference(got: &[Entry], want: &[Entry]) -> String {
    let k = got
        .iter()
        .zip(want)
        .position(|(g, w)| g != w)
        .unwrap_or(got.len().min(want.len()));
    format!(
        "entry {k}: got {:?}, want {:?} ({} vs {} entries)",
        got.get(k),
        want.get(k),
        got.len(),
        want.len()
    )
}

fn check(nodes: &[Node], order: usize, widths: &[bool]) -> Result<(), TestCaseError> {
    let (name, styles) = ORDERS[order];
    let mut nodes = nodes.to_vec();
    prune(&mut nodes, styles.len());
    prop_assert!(depth(&nodes) <= styles.len());
    let (text, want) = render(&nodes, styles, widths);
    let a = analyze(&text);
    let got = outline(&a);
    prop_assert!(
        got == want,
        "{name}: {}\n{text}",
        first_difference(&got, &want)
    );
    prop_assert!(
        a.sections.iter().all(|s| !s.inferred),
        "{name}: repaired\n{text}"
    );
    let numbering: Vec<&str> = a
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str().starts_with("numbering"))
        .map(|d| d.message.as_str())
        .collect();
    prop_assert!(numbering.is_empty(), "{name}: {numbering:?}\n{text}");
    Ok(())
}

fn config() -> ProptestConfig {
    let mut c = ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = 256;
    }
    c
}

proptest! {
    #![proptest_config(config())]

    /// Each generated tree in one order.
    #[test]
    fn outline_is_the_generated_tree(
        nodes in forest(4),
        order in 0..ORDERS.len(),
        widths in prop::collection::vec(any::<bool>(), 1..5),
    ) {
        check(&nodes, order, &widths)?;
    }

    /// The same tree in every order.
    #[test]
    fn every_order_gives_the_same_tree(
        nodes in forest(4),
        widths in prop::collection::vec(any::<bool>(), 1..5),
    ) {
        for order in 0..ORDERS.len() {
            check(&nodes, order, &widths)?;
        }
    }
}

/// The examples, whole: each order once, a tree three levels deep with two
/// branches, so that every family closes back to its level at least once.
#[test]
fn every_order_on_a_fixed_tree() {
    let leaf = |title, body| Node {
        title,
        body,
        children: Vec::new(),
    };
    let branch = |title, children| Node {
        title,
        body: Body::None,
        children,
    };
    let nodes = vec![
        branch(
            0,
            vec![
                branch(1, vec![leaf(2, Body::RunIn(0)), leaf(3, Body::Line(1, 2))]),
                leaf(
                    4,
                    Body::Shi {
                        items: vec![(0, 3), (1, 4)],
                        lead: Some(0),
                        same_line: false,
                    },
                ),
            ],
        ),
        branch(
            5,
            vec![branch(
                6,
                vec![
                    branch(7, vec![leaf(8, Body::RunIn(5))]),
                    leaf(9, Body::None),
                ],
            )],
        ),
    ];
    for order in 0..ORDERS.len() {
        for widths in [[true], [false]] {
            if let Err(e) = check(&nodes, order, &widths) {
                panic!("{e}");
            }
        }
    }
}
