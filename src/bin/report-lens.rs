//! `report-lens` — the command-line tool over the analysis core.
//!
//! ```text
//! report-lens analyze [--format json|table|csv|markdown] FILE...   (- reads stdin)
//! ```
//! FILE may be `.txt` (UTF-8/UTF-16/GB18030/Big5), `.docx`, or a saved `.html`/`.htm` page
//! (see [`report_lens::input`]); `.doc`, `.pdf` and images are refused with a hint on how to
//! convert them. JSON prints one object per file per line (the contract, code-point
//! offsets); CSV prints one header (UTF-8 BOM) and one row per indicator with a file column.
//! Directories are expanded to their `.txt`, `.docx`, `.html` and `.htm` files. Errors go to
//! stderr in English; the exit code is 1 when any file failed, 2 on a usage error.

use report_lens::input::{extension, read_bytes, MAX_INPUT_BYTES};
use report_lens::{analyze, export};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: report-lens analyze [--format json|table|csv|markdown] FILE...\n\
  FILE: .txt, .docx, .html/.htm, - (stdin), or a directory (its .txt/.docx/.html/.htm files).\n\
  Offsets in JSON are code points.";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Table,
    Csv,
    Markdown,
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
    match it.next().map(String::as_str) {
        Some("analyze") => {}
        Some("-h" | "--help") => {
            println!("{USAGE}");
            return Ok(true);
        }
        Some(other) => return Err(format!("unknown command '{other}'")),
        None => return Err("missing command".into()),
    }
    let mut format = Format::Json;
    let mut files: Vec<String> = Vec::new();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => {
                let v = it.next().ok_or("--format needs a value")?;
                format = parse_format(v)?;
            }
            s if s.starts_with("--format=") => format = parse_format(&s[9..])?,
            "-" => files.push(a.clone()),
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'")),
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return Err("no input files".into());
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut ok = true;
    let mut wrote_header = false;
    for name in expand(&files) {
        let text = match read_input(&name) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("report-lens: {name}: {e}");
                ok = false;
                continue;
            }
        };
        let a = analyze(&text);
        let file_label = Path::new(&name)
            .file_name()
            .map_or(name.clone(), |f| f.to_string_lossy().into_owned());
        let s = match format {
            Format::Json => export::to_json(&text, &a) + "\n",
            Format::Table => format!("# {name}\n{}\n", export::to_table(&text, &a)),
            Format::Markdown => export::to_markdown(&a),
            Format::Csv => {
                let s = export::to_csv(&file_label, &text, &a, !wrote_header);
                wrote_header = true;
                s
            }
        };
        if out.write_all(s.as_bytes()).is_err() {
            return Ok(false); // stdout closed (e.g. piped into head)
        }
    }
    let _ = out.flush();
    Ok(ok)
}

fn parse_format(v: &str) -> Result<Format, String> {
    match v {
        "json" => Ok(Format::Json),
        "table" => Ok(Format::Table),
        "csv" => Ok(Format::Csv),
        "markdown" | "md" => Ok(Format::Markdown),
        _ => Err(format!("unknown format '{v}' (json, table, csv, markdown)")),
    }
}

/// Extensions read from a directory.
const DIR_EXTENSIONS: &[&str] = &["txt", "docx", "html", "htm"];

/// Expands directories into their `.txt`/`.docx`/`.html`/`.htm` files, sorted by name.
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
                .filter(|p| {
                    p.is_file()
                        && DIR_EXTENSIONS.contains(&extension(&p.to_string_lossy()).as_str())
                })
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
    read_bytes(name, &bytes)
        .map(|doc| doc.text)
        .map_err(|e| e.to_string())
}
