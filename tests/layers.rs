//! The core's modules form layers, and every dependency points down (or sideways inside a
//! layer, without cycles). This test reads the `crate::` and `super::` paths of every module
//! under `src/` (unit-test modules excluded) and checks them against [`LAYERS`].
//!
//! ```text
//! output      export, view, overview, compare       (reads everything below)
//! analysis    analyze: runs passes and checks, maps spans back
//! checks      parts, coverage, figures (+ cues, lexicon)
//! passes      document, outline, indicator
//! model       Analysis, Section, Indicator, Diagnostic, Part, AreaCoverage …
//! lex         numerals, phrase index
//! text        Span, normalised view, offsets
//!
//! input       readers (decode, docx, html …): beside the pipeline, read text and lex only
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level module → rank. A module may use modules of a lower or equal rank; `input` is a
/// column of its own (see [`INPUT_MAY_USE`]) and nothing in the pipeline may use it.
const LAYERS: &[(&str, u8)] = &[
    ("text", 0),
    ("lex", 1),
    ("model", 2),
    ("passes", 3),
    ("checks", 4),
    ("analysis", 5),
    ("output", 6),
    ("invariants", 7),
];

/// What the readers may use: foundations only.
const INPUT_MAY_USE: &[&str] = &["input", "text", "lex"];

fn rank(top: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == top).map(|&(_, r)| r)
}

/// Module path of a source file: `src/checks/cues.rs` → `checks::cues`, `src/text/mod.rs`
/// → `text`; `None` for the crate root.
fn module_of(src: &Path, file: &Path) -> Option<Vec<String>> {
    let rel = file.strip_prefix(src).ok()?;
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop()?;
    let stem = last.strip_suffix(".rs")?;
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    (!parts.is_empty()).then_some(parts)
}

/// Source without comments, string literals and `#[cfg(test)]` modules.
fn code_of(text: &str) -> String {
    let body = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    let mut out = String::with_capacity(body.len());
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            i += 2;
            while i < b.len() && !b[i..].starts_with(b"*/") {
                i += 1;
            }
            i += 2;
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && i + 2 < b.len() && (b[i + 2] == b'\'' || b[i + 1] == b'\\') {
            // A char literal ('x', '\n'); lifetimes ('a) are left alone.
            let end = body[i + 1..].find('\'').map_or(b.len(), |e| i + 2 + e);
            i = end;
            out.push_str("' '");
        } else {
            let ch = body[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// Every module path named after `crate::` or `super::` (brace groups expanded one level).
fn used_paths(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (prefix, base) in [
        ("crate::", Vec::new()),
        ("super::", {
            let mut m = module.to_vec();
            m.pop();
            m
        }),
    ] {
        let mut from = 0;
        while let Some(at) = code[from..].find(prefix) {
            let start = from + at;
            from = start + prefix.len();
            // `$crate::` in macros and identifiers ending in `crate` are not paths of ours.
            let before = code[..start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                continue;
            }
            let rest = &code[from..];
            if let Some(group) = rest.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                for item in group[..end].split(',') {
                    let p = path_words(item.trim());
                    if !p.is_empty() {
                        out.push([base.clone(), p].concat());
                    }
                }
            } else {
                let p = path_words(rest);
                if !p.is_empty() {
                    out.push([base.clone(), p].concat());
                }
            }
        }
    }
    out
}

/// The lower-case words of a path (`checks::cues::LineHits` → `[checks, cues]`).
fn path_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut rest = s;
    loop {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let w = &rest[..end];
        if w.is_empty() || w.starts_with(|c: char| c.is_uppercase()) || w == "self" {
            break;
        }
        words.push(w.to_string());
        match rest[end..].strip_prefix("::") {
            Some(r) => rest = r,
            None => break,
        }
    }
    words
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "bin") {
                rust_files(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

struct Graph {
    /// Module → the modules it uses (resolved to existing module files).
    edges: BTreeMap<String, BTreeSet<String>>,
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeMap<String, PathBuf> = files
        .iter()
        .filter_map(|f| module_of(&src, f).map(|m| (m.join("::"), f.clone())))
        .collect();
    let mut edges = BTreeMap::new();
    for (name, file) in &modules {
        let module: Vec<String> = name.split("::").map(String::from).collect();
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        let mut uses = BTreeSet::new();
        for path in used_paths(&code, &module) {
            // The longest prefix of the path that is a module file.
            let target = (1..=path.len())
                .rev()
                .map(|n| path[..n].join("::"))
                .find(|p| modules.contains_key(p));
            if let Some(t) = target {
                if &t != name {
                    uses.insert(t);
                }
            }
        }
        edges.insert(name.clone(), uses);
    }
    Graph { edges }
}

fn top(m: &str) -> &str {
    m.split("::").next().unwrap()
}

#[test]
fn every_module_has_a_layer() {
    let g = graph();
    for m in g.edges.keys() {
        assert!(
            rank(top(m)).is_some() || top(m) == "input",
            "module {m} is in no layer: add it to LAYERS in tests/layers.rs"
        );
    }
    assert!(
        g.edges.len() >= 20,
        "too few modules found: {:?}",
        g.edges.keys()
    );
}

#[test]
fn dependencies_point_down() {
    let g = graph();
    let mut wrong = Vec::new();
    for (from, uses) in &g.edges {
        for to in uses {
            let ok = match (top(from), top(to)) {
                ("input", t) => INPUT_MAY_USE.contains(&t),
                (_, "input") => false,
                (f, t) => rank(f) >= rank(t),
            };
            if !ok {
                wrong.push(format!("{from} -> {to}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up a layer:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_cycles_between_modules() {
    let g = graph();
    // Depth-first search with colours; report the first cycle found.
    fn visit<'a>(
        g: &'a Graph,
        m: &'a str,
        state: &mut BTreeMap<&'a str, u8>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        state.insert(m, 1);
        stack.push(m);
        for n in g.edges.get(m).into_iter().flatten() {
            match state.get(n.as_str()) {
                Some(1) => {
                    let i = stack.iter().position(|s| *s == n).unwrap();
                    let mut c: Vec<String> = stack[i..].iter().map(|s| s.to_string()).collect();
                    c.push(n.clone());
                    return Some(c);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(g, n, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(m, 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in g.edges.keys() {
        if !state.contains_key(m.as_str()) {
            if let Some(c) = visit(&g, m, &mut state, &mut Vec::new()) {
                panic!("import cycle: {}", c.join(" -> "));
            }
        }
    }
}

#[test]
fn the_reader_sees_paths_as_written() {
    let code = code_of(
        "use crate::{model::Section, text::Span};\n// crate::output::x\nlet s = \"crate::checks\";\nuse super::lexicon::AREAS;\n#[cfg(test)]\nmod tests { use crate::analysis::analyze; }",
    );
    let m = ["checks".to_string(), "parts".to_string()];
    let got = used_paths(&code, &m);
    assert_eq!(
        got,
        [
            vec!["model".to_string()],
            vec!["text".to_string()],
            vec!["checks".to_string(), "lexicon".to_string()],
        ]
    );
}
