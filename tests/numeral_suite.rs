//! A public-suite-style pass rate (issue 12): the kinds of cases that public test suites for
//! Chinese numbers, percentages and money check (strict and colloquial numerals, 零 inside,
//! financial and Traditional forms, mixed Arabic and Chinese, decimals, signs, rates,
//! approximations), restricted to what a 法治政府建设年度报告 writes, each row a sentence of
//! the genre with the value a reviewer reads in it.
//!
//! A row's expected figure is the normalised value and unit (`Indicator::normalized`, the
//! one scale a spreadsheet sums: `1.35亿元` → 135000000 元, `三成` → 30 %), or none for a
//! look-alike. Outcomes: **pass**; **miss** (no figure where one is expected); **wrong** (a
//! figure with another value or unit, a figure for a look-alike, or a second figure). No row
//! may be wrong; a miss is allowed only for a row marked out of scope, with its reason.

use report_lens::analyze;

/// Whether a row is a form the reader must read.
#[derive(Clone, Copy, PartialEq)]
enum Scope {
    /// The genre writes it: it must pass.
    In,
    /// The genre does not write it (the reason says why): it may be missed, never misread.
    Out(&'static str),
}
use Scope::{In, Out};

/// A sentence, its figure as `(normalised value, normalised unit)` or none, the scope, and
/// what the row tests.
type Row = (
    &'static str,
    Option<(f64, &'static str)>,
    Scope,
    &'static str,
);

const ROWS: &[Row] = &[
    // ---- strict numerals, 零 inside -------------------------------------------------
    (
        "全年召开政府常务会议十一次。",
        Some((11.0, "次")),
        In,
        "十一",
    ),
    (
        "办理人大代表建议一十一件。",
        Some((11.0, "件")),
        In,
        "一十一 (formal 一 before 十)",
    ),
    ("组织执法人员培训二十次。", Some((20.0, "次")), In, "二十"),
    (
        "受理行政复议案件一百零一件。",
        Some((101.0, "件")),
        In,
        "零 keeps the tens place",
    ),
    (
        "审查规范性文件一百一十件。",
        Some((110.0, "件")),
        In,
        "一百一十",
    ),
    (
        "办理政务服务事项一千零一十件。",
        Some((1010.0, "件")),
        In,
        "零 then 一十",
    ),
    (
        "办理政务服务事项一千零十件。",
        Some((1010.0, "件")),
        In,
        "零 then a bare 十",
    ),
    (
        "化解矛盾纠纷一千零一件。",
        Some((1001.0, "件")),
        In,
        "零 for two places",
    ),
    (
        "接待群众来访一万一千一百一十一人次。",
        Some((11111.0, "人次")),
        In,
        "every place",
    ),
    (
        "公开政府信息十一万一千一百一十一条。",
        Some((111_111.0, "条")),
        In,
        "十一万…",
    ),
    (
        "受理申请一万零一件。",
        Some((10001.0, "件")),
        In,
        "零 after 万",
    ),
    (
        "受理申请十万零一件。",
        Some((100_001.0, "件")),
        In,
        "零 after 十万",
    ),
    (
        "办理业务一亿零一件。",
        Some((100_000_001.0, "件")),
        In,
        "零 after 亿",
    ),
    (
        "投入资金一千零一万元。",
        Some((10_010_000.0, "元")),
        In,
        "零 inside the 万 group",
    ),
    (
        "完成投资一亿零一万元。",
        Some((100_010_000.0, "元")),
        In,
        "亿 and 万 groups",
    ),
    (
        "全年财政收入一百一十一亿元。",
        Some((11_100_000_000.0, "元")),
        In,
        "亿元",
    ),
    (
        "涉及四十五億四千零四萬元。",
        Some((4_540_040_000.0, "元")),
        In,
        "億 萬 with 零",
    ),
    ("融资规模四万亿元。", Some((4e12, "元")), In, "万亿"),
    // ---- financial numerals -------------------------------------------------------
    (
        "落实资金壹拾壹万元。",
        Some((110_000.0, "元")),
        In,
        "壹拾壹万",
    ),
    (
        "拨付经费壹佰壹拾壹万元。",
        Some((1_110_000.0, "元")),
        In,
        "壹佰壹拾壹万",
    ),
    ("支出壹仟壹佰壹拾壹元。", Some((1111.0, "元")), In, "壹仟…"),
    (
        "支出壹拾万零叁仟肆佰伍拾叁元。",
        Some((103_453.0, "元")),
        In,
        "financial with 零",
    ),
    (
        "安排资金玖仟陆佰陆拾伍元。",
        Some((9665.0, "元")),
        In,
        "financial thousands",
    ),
    ("支付补偿金壹拾壹元整。", Some((11.0, "元")), In, "元整"),
    ("支付补偿金伍仟元整。", Some((5000.0, "元")), In, "伍仟元整"),
    (
        "共七十八萬五佰零六人次。",
        Some((780_506.0, "人次")),
        In,
        "佰 among common numerals",
    ),
    (
        "共拾六萬零五百零六人次。",
        Some((160_506.0, "人次")),
        In,
        "leading 拾",
    ),
    (
        "支付玖仟陆佰陆拾伍圆壹角捌分。",
        Some((9665.18, "元")),
        Out("cheque amounts in 圆角分 are not how reports state money"),
        "圆角分",
    ),
    // ---- colloquial abbreviated tails -------------------------------------------------
    (
        "全年受理三万五件。",
        Some((35_000.0, "件")),
        In,
        "三万五 = 35000",
    ),
    ("办理十三万五件。", Some((135_000.0, "件")), In, "十三万五"),
    ("培训两千六人次。", Some((2600.0, "人次")), In, "两千六"),
    ("发放宣传资料一百二份。", Some((120.0, "份")), In, "一百二"),
    (
        "受理一百二十万三件。",
        Some((1_203_000.0, "件")),
        In,
        "tail after 万",
    ),
    (
        "走访群众十万零一千人次。",
        Some((101_000.0, "人次")),
        In,
        "零 then 一千",
    ),
    (
        "受理一百九十万零三千九百七十一件。",
        Some((1_903_971.0, "件")),
        In,
        "long",
    ),
    (
        "投入一亿五千万零六千三百五十五元。",
        Some((150_006_355.0, "元")),
        In,
        "亿 万 零",
    ),
    (
        "全年受理一千三件。",
        Some((1300.0, "件")),
        In,
        "一千三 = 1300",
    ),
    (
        "受理两千三百五件。",
        Some((2350.0, "件")),
        In,
        "两千三百五 = 2350",
    ),
    // ---- Traditional --------------------------------------------------------------
    ("培训兩千六人次。", Some((2600.0, "人次")), In, "兩"),
    (
        "受理九萬四件。",
        Some((94_000.0, "件")),
        In,
        "萬 with a tail",
    ),
    // ---- Arabic, grouped, full-width, mixed -------------------------------------------
    (
        "全年受理1,234,567件。",
        Some((1_234_567.0, "件")),
        In,
        "thousands groups",
    ),
    (
        "全年受理１２３４５件。",
        Some((12345.0, "件")),
        In,
        "full-width digits",
    ),
    (
        "投入１，２００．５万元。",
        Some((12_005_000.0, "元")),
        In,
        "full-width groups and point",
    ),
    (
        "办件量100万件。",
        Some((1_000_000.0, "件")),
        In,
        "Arabic before 万",
    ),
    (
        "办件量100万三千件。",
        Some((1_003_000.0, "件")),
        In,
        "Arabic 万, Chinese tail",
    ),
    (
        "投入200亿零四千230元。",
        Some((20_000_004_230.0, "元")),
        In,
        "mixed across groups",
    ),
    (
        "完成10.1万件。",
        Some((101_000.0, "件")),
        In,
        "decimal before 万",
    ),
    (
        "投入16.4亿元。",
        Some((1_640_000_000.0, "元")),
        In,
        "decimal before 亿元",
    ),
    ("受理1万600件。", Some((10600.0, "件")), In, "1万600"),
    ("办结1百01件。", Some((101.0, "件")), In, "1百01"),
    ("受理3万4000件。", Some((34_000.0, "件")), In, "3万4000"),
    ("受理25万6千件。", Some((256_000.0, "件")), In, "25万6千"),
    (
        "投入2千零30万元。",
        Some((20_300_000.0, "元")),
        In,
        "2千零30万",
    ),
    // ---- Chinese decimals ------------------------------------------------------------
    ("平均办理十五点七件。", Some((15.7, "件")), In, "十五点七"),
    (
        "投入一百二十三点四五万元。",
        Some((1_234_500.0, "元")),
        In,
        "点 before 万元",
    ),
    (
        "建成一百点五平方米。",
        Some((100.5, "平方米")),
        In,
        "点 after 百",
    ),
    (
        "提高零点五个百分点。",
        Some((0.5, "个百分点")),
        In,
        "零点五",
    ),
    // ---- rates and changes ------------------------------------------------------------
    (
        "网上办理率达到百分之九十五。",
        Some((95.0, "%")),
        In,
        "百分之 Chinese",
    ),
    (
        "满意率百分之九十九点五。",
        Some((99.5, "%")),
        In,
        "百分之 with 点",
    ),
    ("差错率百分之零点二。", Some((0.2, "%")), In, "百分之零点"),
    ("差错率千分之二。", Some((0.2, "%")), In, "千分之"),
    ("办结率98.5%。", Some((98.5, "%")), In, "%"),
    ("覆盖七成以上企业。", Some((70.0, "%")), In, "成 with 以上"),
    (
        "约三分之一的案件。",
        Some((100.0 / 3.0, "%")),
        In,
        "fraction",
    ),
    (
        "案件下降了百分之十二。",
        Some((-12.0, "%")),
        In,
        "a fall in 百分之",
    ),
    ("同比增长8%。", Some((8.0, "%")), In, "a rise"),
    ("同比下降3.8%。", Some((-3.8, "%")), In, "a fall"),
    ("增速为-3.8%。", Some((-3.8, "%")), In, "a minus sign"),
    ("增速为负三点八%。", Some((-3.8, "%")), In, "负 in Chinese"),
    // ---- approximations ---------------------------------------------------------------
    ("全年共组织学法活动十余次。", Some((10.0, "次")), In, "十余"),
    ("受理案件一千多件。", Some((1000.0, "件")), In, "一千多"),
    (
        "投入资金五百余万元。",
        Some((5_000_000.0, "元")),
        In,
        "五百余万",
    ),
    (
        "培训3,000余人次。",
        Some((3000.0, "人次")),
        In,
        "grouped with 余",
    ),
    // ---- a bare 百/千/万 with 余 or a qualifier (`十余次` one place up) ---------------------
    ("培训执法人员百余人次。", Some((100.0, "人次")), In, "百余"),
    ("开展执法检查千余次。", Some((1000.0, "次")), In, "千余"),
    ("惠及群众万余户。", Some((10_000.0, "户")), In, "万余"),
    ("受理来信逾千件。", Some((1000.0, "件")), In, "逾千"),
    ("开展普法活动上千场。", Some((1000.0, "场")), In, "上千"),
    ("覆盖近千个村（社区）。", Some((1000.0, "个")), In, "近千"),
    (
        "节约资金上千万元。",
        Some((10_000_000.0, "元")),
        In,
        "上千万: 千 then a larger group",
    ),
    (
        "投入资金百余万元。",
        Some((1_000_000.0, "元")),
        In,
        "百余万: 余 between the magnitudes",
    ),
    // ---- small counts -------------------------------------------------------------------
    ("聘请两名律师担任法律顾问。", Some((2.0, "名")), In, "两名"),
    (
        "市委书记两次主持召开会议。",
        Some((2.0, "次")),
        In,
        "两次 before a verb",
    ),
    // ---- look-alikes: no figure -----------------------------------------------------------
    ("依法出庭应诉一审案件。", None, In, "一审 is an instance"),
    ("贯彻党的十九届四中全会精神。", None, In, "a plenum's name"),
    ("深入推进行政执法三项制度。", None, In, "set phrase"),
    ("开通12345热线。", None, In, "a hotline"),
    ("坚决做到两个维护。", None, In, "slogan"),
    ("启动“八五”普法。", None, In, "a plan's name"),
    ("2020年1月10日召开会议。", None, In, "a date"),
    ("召开第一次会议。", None, In, "an ordinal"),
    ("一是加强组织领导。", None, In, "an enumerator"),
    ("履行第一责任人职责。", None, In, "a title"),
    ("根据〔2019〕10号文件。", None, In, "a document number"),
    ("检查机械零件。", None, In, "零件 is a word"),
    (
        "认真收拾一批历史遗留问题。",
        None,
        In,
        "收拾 is a verb, not 拾一 (11)",
    ),
    ("受理群众来信数十件。", None, In, "数十: no definite value"),
    ("开展几十场宣讲。", None, In, "几十: no definite value"),
    ("发放宣传资料数万份。", None, In, "数万: no definite value"),
    (
        "数百余人参加。",
        None,
        In,
        "数百余: 数 takes the 百 with it",
    ),
    ("成百上千名群众参与。", None, In, "成百上千 is an idiom"),
    ("千方百计为群众办实事。", None, In, "千方百计 is an idiom"),
    // ---- the last colloquial and old forms (issue 22), each with its look-alike -----------
    (
        "受理政务咨询两千三点一件。",
        Some((2300.1, "件")),
        In,
        "两千三 then 点一: the abbreviated tail keeps its place (2300.1, not 2003.1)",
    ),
    (
        "受理政务咨询两千零三点一件。",
        Some((2003.1, "件")),
        In,
        "look-alike: 零 writes every place, so 三 is units (2003.1)",
    ),
    (
        "参加法治培训的老党员达半百人。",
        Some((50.0, "人")),
        In,
        "半百 = 50",
    ),
    (
        "老同志年过半百，仍坚守调解一线。",
        None,
        In,
        "look-alike: 年过半百 states an age, no unit follows",
    ),
    (
        "全年受理法律咨询千三件。",
        Some((1300.0, "件")),
        In,
        "千三 = 一千三: the leading 一 left out",
    ),
    (
        "组织法治讲座百三场。",
        Some((130.0, "场")),
        In,
        "百三 = 一百三",
    ),
    (
        "在社区新建秋千三座。",
        Some((3.0, "座")),
        Out("a word ending in 千 before a count is not segmented: 三座 is missed, never 千三座"),
        "look-alike: 秋千 is a swing; the count is 三座, not 千三",
    ),
    (
        "为老百姓办理实事三件。",
        Some((3.0, "件")),
        In,
        "look-alike: 百姓 has no digit after 百",
    ),
    (
        "全年办理倆千件。",
        Some((2000.0, "件")),
        In,
        "倆 (俩) before 千",
    ),
    (
        "他们倆一起调解纠纷3件。",
        Some((3.0, "件")),
        In,
        "look-alike: 倆 alone is the pronoun's two, no numeral",
    ),
    (
        "涉及资金十万万元。",
        Some((1e9, "元")),
        In,
        "万万 is an old 亿: 十万万 = 10⁹",
    ),
    (
        "普法宣传覆盖四万万人。",
        Some((4e8, "人")),
        In,
        "四万万 = 4×10⁸",
    ),
    (
        "万万不可掉以轻心。",
        None,
        In,
        "look-alike: 万万 the adverb (by no means)",
    ),
    (
        "千千万万群众受益。",
        None,
        In,
        "look-alike: 千千万万 is an idiom",
    ),
    (
        "投入资金一百零几万元。",
        Some((1e6, "元")),
        In,
        "一百零几万: 几 for the digit after 零, approximate",
    ),
    (
        "参与群众几万人次。",
        None,
        In,
        "look-alike: 几万 alone has no definite value",
    ),
    (
        "补录档案零十份。",
        Some((10.0, "份")),
        In,
        "零十 = 10: a redundant leading zero",
    ),
    (
        "抽检零部件十批。",
        Some((10.0, "批")),
        In,
        "look-alike: 零部件 is a word; 零 before 部 is no number",
    ),
    (
        "差错率控制在仟分之贰以内。",
        Some((0.2, "%")),
        In,
        "仟分之 with a financial digit alone: 2‰",
    ),
    (
        "差错率控制在萬分之肆以内。",
        Some((0.04, "%")),
        In,
        "萬分之肆: 4‱ (萬 folds to 万)",
    ),
    (
        "工作队伍壮大至3支。",
        Some((3.0, "支")),
        In,
        "look-alike: 伍 in 队伍 is no financial digit",
    ),
    (
        "计算精确到万分之位。",
        None,
        In,
        "look-alike: 万分之 with no number after it",
    ),
    // ---- out of scope: may be missed, never misread ------------------------------------
    (
        "受理廿二件。",
        Some((22.0, "件")),
        Out("廿 (20) is archaic, not mainland usage; its tail 二件 must not be read"),
        "廿",
    ),
    (
        "修建道路两千米。",
        Some((2000.0, "米")),
        Out("两千米 is ambiguous: 两千 米 or 两 千米"),
        "两千米",
    ),
    (
        "审批用时一个半月。",
        Some((1.5, "个月")),
        Out("个半 compound durations are not read"),
        "一个半月",
    ),
    (
        "占比为1/2。",
        Some((50.0, "%")),
        Out("slash fractions are not the genre's; it writes 二分之一"),
        "1/2",
    ),
    (
        "覆盖一半以上的村。",
        Some((50.0, "%")),
        Out("一半 is a word, not a stated rate"),
        "一半",
    ),
    (
        "编号一二三件。",
        Some((123.0, "件")),
        Out("digit-by-digit numerals write codes, not counts"),
        "一二三",
    ),
    (
        "气温零下四度。",
        Some((-4.0, "度")),
        Out("temperatures are not in the genre"),
        "零下",
    ),
];

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

#[test]
fn public_suite_style_cases_pass_or_are_missed_out_of_scope_never_wrong() {
    let (mut pass, mut miss_out) = (0, 0);
    let mut failures = Vec::new();
    for &(t, want, scope, why) in ROWS {
        let a = analyze(t);
        let got: Vec<(f64, &str, &str)> = a
            .indicators
            .iter()
            .map(|i| {
                (
                    i.normalized,
                    i.normalized_unit.as_str(),
                    &t[i.span.start..i.span.end],
                )
            })
            .collect();
        let ok = match (want, got.as_slice()) {
            (None, []) => true,
            (Some((v, u)), [(gv, gu, _)]) => close(*gv, v) && *gu == u,
            _ => false,
        };
        if ok {
            pass += 1;
        } else if want.is_some() && got.is_empty() {
            match scope {
                Out(reason) => {
                    println!("missed, out of scope: {t} ({reason})");
                    miss_out += 1;
                }
                In => failures.push(format!("missed: {t} ({why})")),
            }
        } else {
            failures.push(format!("wrong: {t} ({why}): want {want:?}, got {got:?}"));
        }
    }
    let n = ROWS.len();
    println!(
        "public-suite-style cases: {pass}/{n} pass ({:.0} %), {miss_out} missed out of scope, \
         {} failing",
        100.0 * pass as f64 / n as f64,
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let out = ROWS.iter().filter(|r| matches!(r.2, Out(_))).count();
    assert!(n >= 90 && out <= 10, "{n} rows, {out} out of scope");
}

/// `约` is a qualifier (`约1.2万元`) except at the end of a word: `节约`, `签约`, `履约`.
#[test]
fn yue_ending_a_word_is_no_qualifier() {
    let table: &[(&str, &str, Option<&str>)] = &[
        ("全年节约资金1.2万余元。", "1.2万余元", Some("余")),
        ("审批时间平均节约30%。", "30%", None),
        ("现场签约12个项目。", "12个", None),
        ("投入资金约1.2万元。", "约1.2万元", Some("约")),
        ("大约30%的案件", "大约30%", Some("大约")),
    ];
    for &(t, text, approx) in table {
        let a = analyze(t);
        let i = &a.indicators[0];
        assert_eq!(
            (&t[i.span.start..i.span.end], i.approx),
            (text, approx),
            "{t}"
        );
    }
}
