//! `report-lens` — the command-line tool over the analysis core.
//!
//! ```text
//! report-lens analyze  [--format json|table|csv|markdown] [--jobs N] FILE|DIR...   (- reads stdin)
//! report-lens overview [--format table|csv|json|xlsx] [--out FILE] [--jobs N] FILE|DIR...
//! report-lens review   [--format docx|markdown|text] --out DIR [--signer NAME] [--jobs N] FILE|DIR...
//! report-lens compare  [--format table|csv|json] A B
//! report-lens text     FILE|DIR...                                                    (- reads stdin)
//! ```
//! FILE may be `.txt` (UTF-8/UTF-16/GB18030/Big5), `.docx`, `.doc`/`.wps` (Word 97–2003
//! binary), `.ofd`, a `.pdf` with a text layer, or a saved `.html`/`.htm` page (see
//! [`report_lens::input`]); scans and images are refused with a hint on how to convert them.
//! JSON prints one object per file per line (the contract, code-point
//! offsets); CSV prints one header (UTF-8 BOM) and one row per indicator with a file column.
//! Directories are expanded to their report files (`.txt`, `.text`, `.docx`, `.doc`, `.wps`,
//! `.ofd`, `.pdf`, `.html`, `.htm`, `.shtml`, `.xhtml`; hidden files skipped:
//! [`report_lens::input::files`]). Line breaks are read as `\n`, as the web page holds them.
//! Files are
//! read and analysed on `--jobs` threads (default: all cores); output keeps the order of the
//! arguments.
//!
//! `overview` prints one row per report ([`report_lens::output::overview`]): a table (default), CSV
//! with a BOM, or JSON Lines, on `--jobs` threads like `analyze`; `--format xlsx --out FILE.xlsx`
//! writes the batch as a workbook ([`report_lens::output::workbook`]: 概览, 指标, 问题, 纲要任务;
//! every report's status 待审). `--out FILE` writes any format to a file instead of stdout.
//!
//! `review` drafts the 审查意见 of each report ([`report_lens::output::memo`]) and writes one
//! file per report into `--out DIR` (created if needed): `.docx` (default), Markdown or plain
//! text, named `审查意见-<title>.<ext>` (`-2`, `-3` … when two titles are the same), dated
//! today (Beijing time) and signed by `--signer` (the reviewing body, e.g. `某区司法局`) when
//! given. The written paths are printed, one a line.
//!
//! `compare` matches the indicators and outlines of an earlier report `A` and a later `B`
//! ([`report_lens::output::compare`]): a table (default), CSV with a BOM, or one JSON object.
//!
//! `text` prints the text the readers extract from each file, as UTF-8: the text the
//! analysis sees (a PDF's or OFD's paragraphs, a `.doc`'s text, a page without its markup),
//! to copy out or to see what a reader made of a file. Several files are printed in the
//! order of the arguments, each after a `==> FILE <==` line.
//!
//! Errors go to stderr in English; the exit code is 1 when any file failed, 2 on a usage
//! error.

use report_lens::analyze;
use report_lens::input::files::{is_report_name, read_report};
use report_lens::input::MAX_INPUT_BYTES;
use report_lens::output::{compare, export, memo, overview, workbook};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str =
    "usage: report-lens analyze [--format json|table|csv|markdown] [--jobs N] FILE...\n\
  \x20      report-lens overview [--format table|csv|json|xlsx] [--out FILE] [--jobs N] FILE|DIR...\n\
  \x20      report-lens review [--format docx|markdown|text] --out DIR [--signer NAME] [--jobs N] FILE|DIR...\n\
  \x20      report-lens compare [--format table|csv|json] A B   (A earlier, B later)\n\
  \x20      report-lens text FILE...   (the text the readers extract, UTF-8)\n\
  FILE: .txt, .docx, .doc/.wps, .ofd, .pdf, .html/.htm, - (stdin), or a directory (its report files).\n\
  Offsets in JSON are code points.";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Table,
    Csv,
    Markdown,
    Text,
    Docx,
    Xlsx,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(msg) => {
            eprintln!("report-lens: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Returns Ok(all files succeeded) or Err(usage message).
fn run(args: &[String]) -> Result<bool, String> {
    let mut it = args.iter();
    let command = match it.next().map(String::as_str) {
        Some(c @ ("analyze" | "overview" | "compare" | "text" | "review")) => c,
        Some("-h" | "--help") => {
            println!("{USAGE}");
            return Ok(true);
        }
        Some(other) => return Err(format!("unknown command '{other}'")),
        None => return Err("missing command".into()),
    };
    let mut format = None;
    let mut jobs = None;
    let mut out: Option<PathBuf> = None;
    let mut signer: Option<String> = None;
    let mut files: Vec<String> = Vec::new();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => {
                let v = it.next().ok_or("--format needs a value")?;
                format = Some(parse_format(v)?);
            }
            s if s.starts_with("--format=") => format = Some(parse_format(&s[9..])?),
            "--jobs" | "-j" => {
                let v = it.next().ok_or("--jobs needs a value")?;
                jobs = Some(parse_jobs(v)?);
            }
            s if s.starts_with("--jobs=") => jobs = Some(parse_jobs(&s[7..])?),
            "--out" | "-o" => {
                let v = it.next().ok_or("--out needs a value")?;
                out = Some(PathBuf::from(v));
            }
            s if s.starts_with("--out=") => out = Some(PathBuf::from(&s[6..])),
            "--signer" => {
                let v = it.next().ok_or("--signer needs a value")?;
                signer = Some(v.clone());
            }
            s if s.starts_with("--signer=") => signer = Some(s[9..].to_string()),
            "-" => files.push(a.clone()),
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'")),
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return Err("no input files".into());
    }
    if signer.is_some() && command != "review" {
        return Err("only review takes --signer".into());
    }
    if out.is_some() && matches!(command, "analyze" | "compare" | "text") {
        return Err(format!("{command} takes no --out (redirect its output)"));
    }
    match command {
        "text" if format.is_some() => Err("text takes no --format".into()),
        "review" => run_review(
            format.unwrap_or(Format::Docx),
            out,
            signer.unwrap_or_default(),
            jobs,
            &files,
        ),
        "overview" => run_overview(format.unwrap_or(Format::Table), out, jobs, &files),
        "text" => run_text(jobs, &files),
        "analyze" => run_analyze(format.unwrap_or(Format::Json), jobs, &files),
        _ => run_compare(format.unwrap_or(Format::Table), &files),
    }
}

fn run_analyze(format: Format, jobs: Option<usize>, files: &[String]) -> Result<bool, String> {
    if !matches!(
        format,
        Format::Json | Format::Table | Format::Markdown | Format::Csv
    ) {
        return Err("analyze writes json, table, csv or markdown".into());
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let threads = threads(jobs);
    let names = expand(files);
    let mut ok = true;
    let mut wrote_header = false;
    // Batches keep the output streaming and the memory bounded; each batch is analysed on
    // all threads and printed in the order of the arguments.
    for batch in names.chunks(threads * 8) {
        let results = map_parallel(batch, threads, |name| -> Result<String, String> {
            let text = read_input(name)?;
            let a = analyze(&text);
            Ok(match format {
                Format::Json => export::to_json(&text, &a) + "\n",
                Format::Table => format!("# {name}\n{}\n", export::to_table(&text, &a)),
                Format::Markdown => export::to_markdown(&a),
                _ => export::to_csv(&file_label(name), &text, &a, false),
            })
        });
        for (name, r) in batch.iter().zip(results) {
            let s: String = match r {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("report-lens: {name}: {e}");
                    ok = false;
                    continue;
                }
            };
            if format == Format::Csv && !wrote_header {
                wrote_header = true;
                if out.write_all(export::CSV_HEADER.as_bytes()).is_err() {
                    return Ok(false);
                }
            }
            if out.write_all(s.as_bytes()).is_err() {
                return Ok(false); // stdout closed (e.g. piped into head)
            }
        }
    }
    let _ = out.flush();
    Ok(ok)
}

/// Prints the text the readers extract from each file (a header line before each when there
/// are several).
fn run_text(jobs: Option<usize>, files: &[String]) -> Result<bool, String> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let threads = threads(jobs);
    let names = expand(files);
    let headers = names.len() > 1;
    let mut ok = true;
    for batch in names.chunks(threads * 8) {
        let results = map_parallel(batch, threads, |name| read_input(name));
        for (name, r) in batch.iter().zip(results) {
            let mut text = match r {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("report-lens: {name}: {e}");
                    ok = false;
                    continue;
                }
            };
            if !text.ends_with('\n') {
                text.push('\n');
            }
            let header = if headers {
                format!("==> {name} <==\n")
            } else {
                String::new()
            };
            if out.write_all(header.as_bytes()).is_err() || out.write_all(text.as_bytes()).is_err()
            {
                return Ok(false);
            }
        }
    }
    let _ = out.flush();
    Ok(ok)
}

/// `--jobs`, or every core.
fn threads(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The file name without its directory, as shown in CSV file columns.
fn file_label(name: &str) -> String {
    Path::new(name)
        .file_name()
        .map_or(name.to_string(), |f| f.to_string_lossy().into_owned())
}

fn parse_jobs(v: &str) -> Result<usize, String> {
    v.parse::<usize>()
        .ok()
        .filter(|&n| n > 0)
        .ok_or(format!("--jobs needs a positive number, got '{v}'"))
}

fn run_overview(
    format: Format,
    out: Option<PathBuf>,
    jobs: Option<usize>,
    files: &[String],
) -> Result<bool, String> {
    if !matches!(
        format,
        Format::Table | Format::Csv | Format::Json | Format::Xlsx
    ) {
        return Err("overview writes table, csv, json or xlsx".into());
    }
    let names = expand(files);
    let threads = threads(jobs);
    let mut ok = true;
    if format == Format::Xlsx {
        let out = out.ok_or("--format xlsx needs --out FILE.xlsx")?;
        let read = map_parallel(&names, threads, |name| {
            read_input(name).map(|text| {
                let a = analyze(&text);
                (file_label(name), text, a)
            })
        });
        let mut good = Vec::with_capacity(read.len());
        for (name, r) in names.iter().zip(read) {
            match r {
                Ok(x) => good.push(x),
                Err(e) => {
                    eprintln!("report-lens: {name}: {e}");
                    ok = false;
                }
            }
        }
        let reports: Vec<workbook::Report> = good
            .iter()
            .map(|(name, text, a)| workbook::Report {
                name,
                status: workbook::UNREVIEWED,
                note: "",
                text,
                analysis: a,
            })
            .collect();
        let written = workbook::to_xlsx(&reports)
            .map_err(|e| e.to_string())
            .and_then(|bytes| write_file(&out, &bytes));
        if let Err(e) = written {
            eprintln!("report-lens: {}: {e}", out.display());
            return Ok(false);
        }
        return Ok(ok);
    }
    let rows = map_parallel(&names, threads, |name| {
        read_input(name).map(|text| overview::row(&file_label(name), &analyze(&text)))
    });
    let mut good = Vec::with_capacity(rows.len());
    for (name, r) in names.iter().zip(rows) {
        match r {
            Ok(row) => good.push(row),
            Err(e) => {
                eprintln!("report-lens: {name}: {e}");
                ok = false;
            }
        }
    }
    let s = match format {
        Format::Csv => overview::to_csv(&good),
        Format::Json => good
            .iter()
            .map(|r| serde_json::to_string(r).unwrap_or_default() + "\n")
            .collect(),
        _ => overview::to_table(&good),
    };
    match out {
        Some(path) => match write_file(&path, s.as_bytes()) {
            Ok(()) => Ok(ok),
            Err(e) => {
                eprintln!("report-lens: {}: {e}", path.display());
                Ok(false)
            }
        },
        None => Ok(write_stdout(&s) && ok),
    }
}

/// Drafts the memo of each report and writes it into `out` (a directory).
fn run_review(
    format: Format,
    out: Option<PathBuf>,
    signer: String,
    jobs: Option<usize>,
    files: &[String],
) -> Result<bool, String> {
    let ext = match format {
        Format::Docx => "docx",
        Format::Markdown => "md",
        Format::Text => "txt",
        _ => return Err("review writes docx, markdown or text".into()),
    };
    let dir = out.ok_or("review needs --out DIR")?;
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!(
            "report-lens: {}: cannot create the directory: {e}",
            dir.display()
        );
        return Ok(false);
    }
    let names = expand(files);
    let date = today();
    let memos = map_parallel(&names, threads(jobs), |name| {
        let text = read_input(name)?;
        let a = analyze(&text);
        let mut m = memo::draft(&text, &a, &file_label(name));
        m.date = date.clone();
        m.signer = signer.clone();
        let bytes = match format {
            Format::Docx => memo::to_docx(&m).map_err(|e| e.to_string())?,
            Format::Markdown => (memo::to_markdown(&m) + "\n").into_bytes(),
            _ => (memo::to_text(&m) + "\n").into_bytes(),
        };
        Ok::<_, String>((m.file_name(ext), bytes))
    });
    let mut ok = true;
    let mut taken = std::collections::HashSet::new();
    let stdout = std::io::stdout();
    let mut listing = stdout.lock();
    for (name, r) in names.iter().zip(memos) {
        let (file, bytes) = match r {
            Ok(x) => x,
            Err(e) => {
                eprintln!("report-lens: {name}: {e}");
                ok = false;
                continue;
            }
        };
        let path = unique_path(&dir, &file, ext, &mut taken);
        if let Err(e) = write_file(&path, &bytes) {
            eprintln!("report-lens: {}: {e}", path.display());
            ok = false;
            continue;
        }
        let _ = writeln!(listing, "{}", path.display());
    }
    Ok(ok)
}

/// `dir/file`, or `dir/<stem>-2.<ext>`, `-3` … when an earlier memo of this run took it.
fn unique_path(
    dir: &Path,
    file: &str,
    ext: &str,
    taken: &mut std::collections::HashSet<String>,
) -> PathBuf {
    let stem = file.strip_suffix(&format!(".{ext}")).unwrap_or(file);
    let mut name = file.to_string();
    let mut n = 1;
    while !taken.insert(name.clone()) {
        n += 1;
        name = format!("{stem}-{n}.{ext}");
    }
    dir.join(name)
}

/// Writes `bytes` to `path`, replacing it.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write: {e}"))
}

/// Today's date in China Standard Time (UTC+8, where the reviewers sign), as a memo is
/// dated: `2026年12月7日`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        + 8 * 3600;
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y}年{m}月{d}日")
}

/// Applies `f` to every item on up to `threads` threads, keeping the order. Each thread
/// takes the next unclaimed item, so one long report does not hold up a chunk.
fn map_parallel<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = threads.min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, f(item)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

fn run_compare(format: Format, files: &[String]) -> Result<bool, String> {
    if !matches!(format, Format::Table | Format::Csv | Format::Json) {
        return Err("compare writes table, csv or json".into());
    }
    let [a, b] = files else {
        return Err(format!(
            "compare needs two files (earlier, later), got {}",
            files.len()
        ));
    };
    let mut texts = Vec::new();
    for name in [a, b] {
        match read_input(name) {
            Ok(t) => texts.push(t),
            Err(e) => {
                eprintln!("report-lens: {name}: {e}");
                return Ok(false);
            }
        }
    }
    let c = compare::compare(&analyze(&texts[0]), &analyze(&texts[1]));
    let s = match format {
        Format::Csv => compare::to_csv(&c),
        Format::Json => compare::to_json(&c) + "\n",
        _ => compare::to_table(&c),
    };
    Ok(write_stdout(&s))
}

/// Writes `s` to stdout; false when stdout is closed (e.g. piped into `head`).
fn write_stdout(s: &str) -> bool {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .is_ok()
}

fn parse_format(v: &str) -> Result<Format, String> {
    match v {
        "json" => Ok(Format::Json),
        "table" => Ok(Format::Table),
        "csv" => Ok(Format::Csv),
        "markdown" | "md" => Ok(Format::Markdown),
        "text" | "txt" => Ok(Format::Text),
        "docx" => Ok(Format::Docx),
        "xlsx" => Ok(Format::Xlsx),
        _ => Err(format!(
            "unknown format '{v}' (json, table, csv, markdown, text, docx, xlsx)"
        )),
    }
}

/// Expands directories into their report files ([`is_report_name`]), sorted by name.
fn expand(files: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for f in files {
        let p = PathBuf::from(f);
        if f != "-" && p.is_dir() {
            let mut v: Vec<String> = std::fs::read_dir(&p)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && is_report_name(&p.to_string_lossy()))
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            v.sort();
            out.extend(v);
        } else {
            out.push(f.clone());
        }
    }
    out
}

fn read_input(name: &str) -> Result<String, String> {
    let limit = MAX_INPUT_BYTES as u64;
    let mut bytes = Vec::new();
    if name == "-" {
        std::io::stdin()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
    } else {
        let f = std::fs::File::open(name).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            _ => format!("cannot open: {e}"),
        })?;
        f.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read: {e}"))?;
    }
    let doc = read_report(name, &bytes).map_err(|e| e.to_string())?;
    if doc.ocr {
        eprintln!(
            "report-lens: {name}: note: the text is the OCR layer of a scan (machine-recognised); figures may carry recognition errors"
        );
    }
    Ok(doc.text)
}
