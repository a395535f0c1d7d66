//! The `report-lens` command line: formats, several files, stdin, encodings and bad input.

use std::process::Output;

mod common;
mod office;

const SEED000: &str = "tests/fixtures/000_4650dba7b757251d.txt";
const SEED003: &str = "tests/fixtures/003_41826c3ca9c971ec.txt";

use common::cli as run;

fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn json_has_the_contract_shape_and_code_point_offsets() {
    let o = run(&["analyze", "--format", "json", SEED000], None);
    assert!(o.status.success());
    let v = &json_lines(&o)[0];
    assert!(v["version"].as_u64().unwrap() >= 1);
    assert_eq!(v["meta"]["year"], 2019);
    let text: Vec<char> = std::fs::read_to_string(SEED000).unwrap().chars().collect();
    for i in v["indicators"].as_array().unwrap() {
        let (s, e) = (
            i["start"].as_u64().unwrap() as usize,
            i["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..e].iter().collect::<String>(),
            i["text"].as_str().unwrap()
        );
    }
    let first = &v["sections"][0];
    assert_eq!(first["marker"], "一、");
    assert_eq!(first["title"], "强化法治政府建设的组织领导");
}

#[test]
fn several_files_give_one_object_per_line() {
    let o = run(&["analyze", SEED000, SEED003], None);
    assert!(o.status.success());
    let v = json_lines(&o);
    assert_eq!(v.len(), 2);
    assert_eq!(v[1]["meta"]["script"], "traditional");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let o = run(
        &["analyze", "-"],
        Some("一、加强组织领导\n共办理案件12件。".as_bytes()),
    );
    assert!(o.status.success());
    assert_eq!(json_lines(&o)[0]["indicators"][0]["text"], "12件");
}

#[test]
fn gbk_and_utf16_files_are_decoded() {
    let dir = std::env::temp_dir().join(format!("report-lens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = "一、加强组织领导\n共办理行政复议案件12件，办结率100%。";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let gbk_path = dir.join("gbk.txt");
    std::fs::write(&gbk_path, &gbk).unwrap();
    let mut u16 = vec![0xFF, 0xFE];
    u16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let u16_path = dir.join("utf16.txt");
    std::fs::write(&u16_path, &u16).unwrap();
    let o = run(
        &[
            "analyze",
            gbk_path.to_str().unwrap(),
            u16_path.to_str().unwrap(),
        ],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for v in json_lines(&o) {
        let texts: Vec<&str> = v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["text"].as_str().unwrap())
            .collect();
        assert_eq!(texts, ["12件", "100%"]);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn csv_has_a_bom_a_header_and_a_file_column() {
    let o = run(&["analyze", "--format", "csv", SEED000, SEED003], None);
    assert!(o.status.success());
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(s.starts_with('\u{feff}'), "UTF-8 BOM for Excel");
    let lines: Vec<&str> = s.lines().collect();
    assert!(lines[0].contains("章节") && lines[0].contains("主题"));
    assert_eq!(
        s.matches('\u{feff}').count(),
        1,
        "one header for several files"
    );
    assert!(lines[1].starts_with("000_4650dba7b757251d.txt,1,"));
    assert!(lines[1].contains("3个"), "{}", lines[1]);
    assert!(lines
        .iter()
        .any(|l| l.starts_with("003_41826c3ca9c971ec.txt,")));
}

#[test]
fn table_is_readable() {
    let o = run(&["analyze", "--format", "table", SEED000], None);
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(s.contains("== 提纲"));
    assert!(
        s.contains("二、 依法全面履行政府职能 [补]"),
        "repaired marker flagged"
    );
}

#[test]
fn bad_input_gives_a_clear_english_error_and_a_nonzero_exit() {
    let o = run(&["analyze", "no/such/file.txt"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such file"));

    let o = run(
        &["analyze", "-"],
        Some(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("binary"));

    let o = run(&["analyze", "-"], Some(b""));
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("empty"));

    let o = run(&["analyze", "--format", "xml", SEED000], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown format"));

    let o = run(&[], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_directory_expands_to_its_txt_files() {
    let o = run(&["analyze", "--format", "csv", "tests/fixtures"], None);
    assert!(o.status.success());
    let s = String::from_utf8(o.stdout).unwrap();
    for n in ["000_", "001_", "002_", "003_", "004_"] {
        assert!(s.lines().any(|l| l.starts_with(n)), "{n}");
    }
}

/// Files are analysed on several threads; the output keeps the order of the arguments, CSV
/// has one header, and a bad file in the middle is reported without losing the others.
#[test]
fn parallel_analysis_keeps_order_and_reports_bad_files() {
    let fixtures: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
    let mut args: Vec<&str> = vec!["analyze", "--format", "csv"];
    // 25 files: more than one batch of work per thread, and a missing one in the middle.
    for k in 0..25 {
        args.push(if k == 12 {
            "tests/fixtures/missing.txt"
        } else {
            &fixtures[k % fixtures.len()]
        });
    }
    let serial = run(&[&args[..], &["--jobs", "1"]].concat(), None);
    let parallel = run(&[&args[..], &["--jobs", "4"]].concat(), None);
    for o in [&serial, &parallel] {
        assert_eq!(o.status.code(), Some(1), "a file failed");
        assert!(String::from_utf8_lossy(&o.stderr).contains("missing.txt"));
    }
    assert_eq!(serial.stdout, parallel.stdout);
    let csv = String::from_utf8(parallel.stdout).unwrap();
    assert_eq!(csv.matches('\u{feff}').count(), 1, "one BOM");
    assert_eq!(
        csv.lines().filter(|l| l.contains("序号")).count(),
        1,
        "one header"
    );
    // Rows follow the argument order: the file column changes exactly where the list does.
    let files: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let mut runs: Vec<&str> = files.clone();
    runs.dedup();
    let expected: Vec<String> = (0..25)
        .filter(|&k| k != 12)
        .map(|k| {
            std::path::Path::new(&fixtures[k % fixtures.len()])
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let mut expected_runs = expected.clone();
    expected_runs.dedup();
    assert_eq!(runs, expected_runs);
}

/// `text` prints the text the readers extract, as UTF-8: a `.txt` as it is, a PDF's
/// paragraphs (one per line of the text it was printed from), several files each after a
/// `==> FILE <==` line; a missing file fails with exit code 1 and the others still print.
#[test]
fn text_prints_what_the_readers_extract() {
    let o = run(&["text", SEED000], None);
    assert!(o.status.success());
    let got = String::from_utf8(o.stdout).unwrap();
    let want = std::fs::read_to_string(SEED000).unwrap();
    assert_eq!(got.trim_end(), want.trim_end());

    let pdf = "tests/fixtures/pdf/lo-001.pdf";
    let o = run(&["text", pdf], None);
    assert!(o.status.success());
    let got = String::from_utf8(o.stdout).unwrap();
    // Spaces aside: the PDF draws the gaps of `08.01.2018  19:40` as it likes.
    let squeeze = |l: &str| l.split_whitespace().collect::<String>();
    let lines: Vec<String> = got.lines().map(squeeze).collect();
    let source = std::fs::read_to_string("tests/fixtures/001_b9193b597ac501b4.txt").unwrap();
    for line in source.lines().map(squeeze).filter(|l| !l.is_empty()) {
        assert!(lines.contains(&line), "{pdf} lacks the paragraph {line}");
    }

    let o = run(&["text", SEED003, "no-such-file.pdf", SEED000], None);
    assert_eq!(o.status.code(), Some(1));
    let got = String::from_utf8(o.stdout).unwrap();
    let heads: Vec<&str> = got.lines().filter(|l| l.starts_with("==> ")).collect();
    assert_eq!(
        heads,
        [format!("==> {SEED003} <=="), format!("==> {SEED000} <==")]
    );
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("no-such-file.pdf"));

    let o = run(&["text", "--format", "json", SEED000], None);
    assert_eq!(o.status.code(), Some(2), "text takes no --format");
}

/// A fresh directory for one test's output.
fn out_dir(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("report-lens-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn review_writes_one_word_memo_per_report() {
    let dir = out_dir("review-docx");
    let d = dir.to_str().unwrap();
    let o = run(
        &["review", "--format", "docx", "--out", d, "tests/fixtures"],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let listed: Vec<String> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(listed.len(), 5, "the five fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 5);
    assert!(names.contains(&"审查意见-梅列区2019年法治政府建设工作情况报告.docx".to_string()));
    assert!(
        names.contains(&"审查意见-004_f9597e8d61f080e1.docx".to_string()),
        "{names:?}"
    );
    for path in &listed {
        let ps = office::docx_paragraphs(&std::fs::read(path).unwrap());
        assert!(ps[0].text.starts_with("关于《") && ps[0].text.ends_with("》的审查意见"));
        for h in ["一、基本情况", "三、纲要任务落实", "六、审查结论"] {
            assert!(ps.iter().any(|p| p.text == h), "{path} lacks {h}");
        }
    }
    let ps = office::docx_paragraphs(
        &std::fs::read(dir.join("审查意见-梅列区2019年法治政府建设工作情况报告.docx")).unwrap(),
    );
    assert!(ps.iter().any(|p| p.text.contains("由梅列区人民政府发布")));
    // Dated as drafted (the last paragraph): 2026年12月7日.
    let last = &ps.last().unwrap().text;
    assert!(last.ends_with('日') && last.contains('年'), "{last}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn review_writes_markdown_and_keeps_same_titles_apart() {
    let dir = out_dir("review-md");
    let d = dir.to_str().unwrap();
    let o = run(
        &[
            "review",
            "--format",
            "markdown",
            "--out",
            d,
            "--signer",
            "某区司法局",
            SEED000,
            SEED000,
        ],
        None,
    );
    assert!(o.status.success());
    let first = dir.join("审查意见-梅列区2019年法治政府建设工作情况报告.md");
    let second = dir.join("审查意见-梅列区2019年法治政府建设工作情况报告-2.md");
    let md = std::fs::read_to_string(&first).unwrap();
    assert!(md.starts_with("# 关于《梅列区2019年法治政府建设工作情况报告》的审查意见\n"));
    assert!(md.contains("\n## 六、审查结论\n\n经审查，建议该报告修改后通过。"));
    assert_eq!(std::fs::read_to_string(&second).unwrap(), md);
    // Signed, then dated: the last two paragraphs.
    let tail: Vec<&str> = md.trim_end().lines().rev().step_by(2).take(2).collect();
    assert_eq!(tail[1], "某区司法局", "{tail:?}");
    assert!(tail[0].ends_with('日'), "{tail:?}");
    let o = run(&["overview", "--signer", "x", SEED000], None);
    assert_eq!(o.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn review_reports_bad_files_and_usage_in_english() {
    let dir = out_dir("review-errors");
    let d = dir.to_str().unwrap();
    let o = run(&["review", "--out", d, "no-such-file.txt", SEED003], None);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("no-such-file.txt: no such file"), "{err}");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "the good file's memo"
    );

    let o = run(&["review", SEED000], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("review needs --out DIR"));
    let o = run(&["review", "--format", "xlsx", "--out", d, SEED000], None);
    assert_eq!(o.status.code(), Some(2));
    // A file where the directory should be: an error, not a panic.
    let file = dir.join("memo.docx");
    std::fs::write(&file, b"x").unwrap();
    let o = run(&["review", "--out", file.to_str().unwrap(), SEED000], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("cannot create the directory"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn overview_writes_the_batch_as_a_workbook() {
    let dir = out_dir("overview-xlsx");
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("batch.xlsx");
    let x = xlsx.to_str().unwrap();
    let o = run(
        &["overview", "--format", "xlsx", "--out", x, "tests/fixtures"],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty());
    let sheets = office::xlsx_sheets(&std::fs::read(&xlsx).unwrap());
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["概览", "指标", "问题", "纲要任务"]);
    let o = &sheets[0];
    assert_eq!(o.rows.len(), 1 + 5, "one row per report");
    let status = o.column("审查状态");
    assert!((1..6).all(|r| o.rows[r][&status] == office::Value::Text("待审".into())));
    let title = o.column("标题");
    assert_eq!(
        o.rows[1][&title],
        office::Value::Text("梅列区2019年法治政府建设工作情况报告".into())
    );
    assert_eq!(o.rows[1][&o.column("年度")], office::Value::Number(2019.0));
    assert!(matches!(
        o.rows[1][&o.column("纲要任务得分")],
        office::Value::Number(_)
    ));

    // The CSV overview can go to a file too.
    let csv = dir.join("batch.csv");
    let o = run(
        &[
            "overview",
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
            SEED000,
        ],
        None,
    );
    assert!(o.status.success() && o.stdout.is_empty());
    assert!(std::fs::read_to_string(&csv)
        .unwrap()
        .starts_with("\u{feff}文件,标题"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn overview_xlsx_errors_are_english_and_never_panic() {
    let o = run(&["overview", "--format", "xlsx", SEED000], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("--format xlsx needs --out FILE.xlsx"));
    let o = run(
        &[
            "overview",
            "--format",
            "xlsx",
            "--out",
            "/no-such-dir/x/batch.xlsx",
            SEED000,
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("/no-such-dir/x/batch.xlsx: cannot write"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    let o = run(&["analyze", "--out", "x.json", SEED000], None);
    assert_eq!(o.status.code(), Some(2));
}
