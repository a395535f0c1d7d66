//! A saved government web page (`.html`/`.htm`) → the article's text, one paragraph a line.
//!
//! ```
//! let page = "<html><head><title>梅列区2019年法治政府建设工作情况报告_梅列区人民政府</title>\
//!   <script>var a = '<p>不是正文</p>';</script></head><body><div class=\"nav\"><a>首页</a></div>\
//!   <div id=\"zoom\"><p>一、强化组织领导</p><p>办结率&nbsp;100%&#x3002;</p></div></body></html>";
//! let article = report_lens::input::html::extract(page);
//! assert_eq!(article.title.as_deref(), Some("梅列区2019年法治政府建设工作情况报告"));
//! assert_eq!(article.to_text(), "梅列区2019年法治政府建设工作情况报告\n一、强化组织领导\n办结率 100%。");
//! ```
//!
//! ## Choice of parser
//! A small hand-written tolerant tokenizer, no dependency: `html5ever`/`scraper` bring a full
//! tree builder, selectors and string interning (hundreds of KB of wasm), and `tl` is
//! unmaintained; what is needed here is tags, attributes, text and entities, nothing more.
//!
//! ## Grammar accepted
//! * Text, start tags `<name attr=value attr='v' attr="v" attr>` (also `/>`), end tags
//!   `</name>`, comments `<!-- … -->`, `<!DOCTYPE …>`/`<![CDATA[ … ]]>`/`<? … ?>` (skipped).
//!   A `<` not followed by a letter, `/`, `!` or `?` is text (`a < b`), as in browsers.
//! * Raw-text elements `script`, `style`, `textarea`, `title`, `xmp`, `iframe`, `noscript`,
//!   `noembed`, `noframes`: their content runs to the matching end tag, unparsed.
//! * Nesting is repaired the tolerant way: an end tag closes the nearest open element of the
//!   same name (and everything opened inside it); an end tag with no open match is ignored;
//!   void elements (`br`, `img`, `meta`, `input`, `hr` …) never open.
//! * Character references: decimal `&#19968;`, hexadecimal `&#x4e00;`, and the named
//!   entities gov pages use (`&nbsp; &amp; &lt; &gt; &quot; &apos; &ldquo; &rdquo; &mdash;
//!   &hellip; &middot; &times; &copy; &emsp; …`), the semicolon optional as in browsers;
//!   `&#150;` style references in 128–159 are read as Windows-1252, as browsers do; unknown
//!   names stay literal (`&foo;`).
//!
//! ## Text
//! * Dropped with their content: `head` (except the title), `script`, `style`, `noscript`,
//!   `template`, `nav`, `iframe`, `form`, `select`, `button`, `svg`, `object`, elements with
//!   a `hidden` attribute or `display:none` style, and `header`/`footer` unless inside an
//!   `article` or `main` (there they hold the article's own title and date).
//! * Block elements (`p div br li tr h1–h6 section article table ul ol dl dt dd blockquote
//!   pre hr main aside center address figure figcaption caption`) end a line; `td`/`th` are
//!   separated by a tab.
//! * Whitespace inside a line is collapsed to one space (`&nbsp;` and U+3000 included) and
//!   lines are trimmed; a source line break between two CJK characters disappears instead of
//!   becoming a space (`法治\n政府` → `法治政府`, as in Firefox); `pre` keeps its line breaks.
//!
//! ## The article
//! Elements whose `id` or `class` names an article body (`content`, `article`, `zoom`,
//! `TRS_Editor`, `Custom_UnionStyle`, `main-txt`, `detail`, `zhengwen`, `zw` …) are
//! candidates; the one holding the most Chinese characters wins (the outermost on a tie, so
//! its date and source lines stay). A candidate must hold at least [`MIN_ARTICLE_HAN`]
//! Chinese characters or half of the body's; without one, the whole body is used. Look-alikes not taken:
//! `class="content-nav"`-style candidates lose to the real body by the Chinese-character count,
//! and `id="contact"` is no candidate.
//!
//! The title comes from the page's `<title>` (the part before a site suffix such as
//! `_XX区人民政府` or ` - 政府网`) or else the first `h1`; it becomes the first line unless the
//! article already starts with it.
//!
//! ## Encodings
//! [`sniff_charset`] finds the label in a BOM, `<meta charset>`, `<meta http-equiv
//! content="text/html; charset=…">` or `<?xml encoding=…?>` in the first 8 KB;
//! [`crate::input`] decodes with it (GBK pages are common).

/// An article candidate with this many Chinese characters (or half the body's) beats the body.
pub const MIN_ARTICLE_HAN: usize = 50;

/// The text of a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// The page title without the site suffix, if any.
    pub title: Option<String>,
    /// The article text, one line per paragraph or table row.
    pub body: String,
}

impl Article {
    /// The title (unless the body already starts with it) and the body, as one text.
    pub fn to_text(&self) -> String {
        match &self.title {
            Some(t) if !starts_with_title(&self.body, t) => format!("{t}\n{}", self.body),
            _ => self.body.clone(),
        }
    }
}

fn starts_with_title(body: &str, title: &str) -> bool {
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let title = squash(title);
    body.lines()
        .filter(|l| !l.trim().is_empty())
        .take(5)
        .any(|l| squash(l).contains(&title))
}

/// Extracts the article of an HTML page (already decoded to text).
pub fn extract(html: &str) -> Article {
    let tree = parse(html);
    let mut title = tree.title.clone().map(|t| site_title(&t));
    if title.as_deref().is_none_or(str::is_empty) {
        title = tree.first_h1.clone();
    }
    let title = title.filter(|t| !t.is_empty());
    let root = choose_article(&tree);
    let mut out = TextOut::default();
    tree.render(root, &mut out, false);
    Article {
        title,
        body: out.finish(),
    }
}

/// The charset label a page declares (BOM first, then `<meta>` or the XML declaration in the
/// first 8 KB), lower-cased, e.g. `"gbk"`, `"gb2312"`, `"utf-8"`.
pub fn sniff_charset(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Some("utf-8".into());
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return Some("utf-16le".into());
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some("utf-16be".into());
    }
    let head = &bytes[..bytes.len().min(8192)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut i = 0;
    while let Some(pos) = find(&lower[i..], b"<") {
        let start = i + pos;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if tag.starts_with(b"<meta") || tag.starts_with(b"<?xml") {
            let key: &[u8] = if tag.starts_with(b"<?xml") {
                b"encoding"
            } else {
                b"charset"
            };
            if let Some(label) = charset_in(tag, key) {
                return Some(label);
            }
        }
        i = start + 1;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `charset=gbk`, `charset="gb2312"`, `content="text/html; charset=GBK"`.
fn charset_in(tag: &[u8], key: &[u8]) -> Option<String> {
    let at = find(tag, key)? + key.len();
    let rest = &tag[at..];
    let rest = rest.trim_ascii_start();
    let rest = rest.strip_prefix(b"=")?.trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let label: Vec<u8> = rest
        .iter()
        .copied()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        .collect();
    (!label.is_empty()).then(|| String::from_utf8_lossy(&label).into_owned())
}

/// Whether text looks like an HTML document (for files without an `.html` name).
pub fn looks_like_html(text_start: &[u8]) -> bool {
    let s = text_start
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(text_start)
        .trim_ascii_start();
    let head: Vec<u8> = s[..s.len().min(1024)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<meta",
        b"<body",
    ]
    .iter()
    .any(|p| head.starts_with(p))
        || ((head.starts_with(b"<!--") || head.starts_with(b"<?xml"))
            && find(&head, b"<html").is_some())
}

/// The title without the site name: `报告_XX区人民政府` → `报告`; the part with the most
/// Chinese characters when the site comes first.
fn site_title(title: &str) -> String {
    let parts: Vec<&str> = title
        .split(['_', '|', '｜'])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" — "))
        .flat_map(|p| p.split("--"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts
        .iter()
        .enumerate()
        .max_by_key(|(i, p)| (han_count(p), std::cmp::Reverse(*i)))
        .map_or_else(|| title.trim().to_string(), |(_, p)| p.to_string())
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

fn han_count(s: &str) -> usize {
    s.chars().filter(|&c| is_han(c)).count()
}

// ---- patterns ---------------------------------------------------------------------------

/// id/class substrings of article containers. Matches `class="TRS_Editor"`,
/// `id="zoom"`, `class="article-content"`; `id="contact"` does not match.
const ARTICLE_HINTS: &[&str] = &[
    "content",
    "article",
    "zoom",
    "trs_editor",
    "trs_ueditor",
    "custom_unionstyle",
    "main-txt",
    "main_txt",
    "maintxt",
    "detail",
    "zhengwen",
    "wenzhang",
    "xxgk_",
    "pages_content",
    "news_text",
    "newstext",
    "text-con",
];
/// Whole class/id tokens that name an article body (`class="zw"` = 正文).
const ARTICLE_TOKENS: &[&str] = &["zw", "con", "text", "main", "body", "wz", "nr"];

/// Elements dropped with their content.
const DROPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "iframe", "form", "select", "button",
    "svg", "object", "embed", "noembed", "noframes", "textarea", "datalist", "audio", "video",
    "canvas", "map",
];
/// Raw-text elements: content up to the matching end tag is not markup.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noscript",
    "noembed",
    "noframes",
    "plaintext",
];
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "hr",
    "main",
    "aside",
    "center",
    "address",
    "figure",
    "figcaption",
    "caption",
    "header",
    "footer",
    "tbody",
    "thead",
    "tfoot",
    "body",
    "html",
    "fieldset",
    "legend",
    "details",
    "summary",
    "option",
];

// ---- tree -------------------------------------------------------------------------------

#[derive(Debug)]
enum Node {
    Element {
        name: String,
        children: Vec<usize>,
        dropped: bool,
        candidate: bool,
    },
    Text(String),
    /// `<br>`.
    Break,
}

#[derive(Debug)]
struct Tree {
    nodes: Vec<Node>,
    title: Option<String>,
    first_h1: Option<String>,
    body: Option<usize>,
}

fn attr_value<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn is_candidate(attrs: &[(String, String)]) -> bool {
    let mut names = String::new();
    for key in ["id", "class"] {
        if let Some(v) = attr_value(attrs, key) {
            names.push(' ');
            names.push_str(&v.to_ascii_lowercase());
        }
    }
    ARTICLE_HINTS.iter().any(|h| names.contains(h))
        || names
            .split(|c: char| c.is_whitespace())
            .any(|t| ARTICLE_TOKENS.contains(&t))
}

fn is_hidden(attrs: &[(String, String)]) -> bool {
    attr_value(attrs, "hidden").is_some()
        || attr_value(attrs, "style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Tokenizes and builds the tolerant tree.
fn parse(html: &str) -> Tree {
    let mut tree = Tree {
        nodes: vec![Node::Element {
            name: "#root".into(),
            children: Vec::new(),
            dropped: false,
            candidate: false,
        }],
        title: None,
        first_h1: None,
        body: None,
    };
    // Open elements: (node index, name).
    let mut open: Vec<(usize, String)> = vec![(0, "#root".into())];
    let mut h1_open: Option<(usize, String)> = None;
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    let push_node = |tree: &mut Tree, open: &[(usize, String)], node: Node| -> usize {
        let id = tree.nodes.len();
        tree.nodes.push(node);
        let parent = open.last().map_or(0, |(p, _)| *p);
        if let Node::Element { children, .. } = &mut tree.nodes[parent] {
            children.push(id);
        }
        id
    };
    let flush_text = |tree: &mut Tree, open: &[(usize, String)], s: &str| {
        if !s.is_empty() {
            push_node(tree, open, Node::Text(decode_entities(s)));
        }
    };
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if next == b'!' || next == b'?' {
            flush_text(&mut tree, &open, &html[text_start..i]);
            let end = if html[i..].starts_with("<!--") {
                html[i + 4..]
                    .find("-->")
                    .map_or(html.len(), |e| i + 4 + e + 3)
            } else if html[i..].starts_with("<![CDATA[") {
                html[i..].find("]]>").map_or(html.len(), |e| i + e + 3)
            } else {
                html[i..].find('>').map_or(html.len(), |e| i + e + 1)
            };
            i = end;
            text_start = i;
            continue;
        }
        let closing = next == b'/';
        let name_start = if closing { i + 2 } else { i + 1 };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            if closing && bytes.get(name_start) == Some(&b'>') {
                // `</>` is nothing.
                flush_text(&mut tree, &open, &html[text_start..i]);
                i = name_start + 1;
                text_start = i;
            } else {
                i += 1;
            }
            continue;
        }
        flush_text(&mut tree, &open, &html[text_start..i]);
        let (tag, end) = read_tag(html, name_start);
        i = end;
        text_start = i;
        let name = tag.name;
        if closing {
            if let Some(pos) = open.iter().rposition(|(_, n)| *n == name) {
                if pos > 0 {
                    open.truncate(pos);
                }
            }
            if name == "h1" {
                if let Some((id, _)) = h1_open.take() {
                    if tree.first_h1.is_none() {
                        let mut out = TextOut::default();
                        tree.render(id, &mut out, false);
                        let t = out.finish().replace('\n', " ");
                        if !t.is_empty() {
                            tree.first_h1 = Some(t);
                        }
                    }
                }
            }
            continue;
        }
        if name == "br" {
            push_node(&mut tree, &open, Node::Break);
            continue;
        }
        // Implied ends: a new <p> closes an open <p>, <li> an open <li> …, within the parent.
        if let Some(implied) = implied_end(&name) {
            if let Some(pos) = open
                .iter()
                .rposition(|(_, n)| implied.contains(&n.as_str()))
            {
                let blocker = open[pos + 1..]
                    .iter()
                    .any(|(_, n)| matches!(n.as_str(), "table" | "ul" | "ol" | "div" | "td"));
                if pos > 0 && !blocker {
                    open.truncate(pos);
                }
            }
        }
        let inside_article = open.iter().any(|(_, n)| n == "article" || n == "main");
        let dropped = (DROPPED.contains(&name.as_str())
            || (matches!(name.as_str(), "header" | "footer") && !inside_article)
            || is_hidden(&tag.attrs))
            && name != "title";
        let candidate = is_candidate(&tag.attrs);
        let id = push_node(
            &mut tree,
            &open,
            Node::Element {
                name: name.clone(),
                children: Vec::new(),
                dropped,
                candidate,
            },
        );
        if name == "body" && tree.body.is_none() {
            tree.body = Some(id);
        }
        if RAW_TEXT.contains(&name.as_str()) && !tag.self_closing {
            let (content_end, after) = match find_end_tag(html, i, &name) {
                Some(at) => {
                    let tag_end = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
                    (at, tag_end)
                }
                None => (html.len(), html.len()),
            };
            let content = &html[i..content_end];
            if name == "title" && tree.title.is_none() {
                let t = collapse_line(&decode_entities(content));
                tree.title = Some(t);
            }
            i = after;
            text_start = i;
            continue;
        }
        if VOID.contains(&name.as_str()) || tag.self_closing {
            continue;
        }
        if name == "h1" && h1_open.is_none() && tree.first_h1.is_none() {
            h1_open = Some((id, name.clone()));
        }
        open.push((id, name));
    }
    flush_text(&mut tree, &open, &html[text_start.min(html.len())..]);
    tree
}

/// The position of `</name` (any case) at or after `from`.
fn find_end_tag(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(p) = html[i..].find("</") {
        let at = i + p;
        let candidate = bytes.get(at + 2..at + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

/// Elements an opening tag implicitly closes (HTML's optional end tags, simplified).
fn implied_end(name: &str) -> Option<&'static [&'static str]> {
    match name {
        "p" | "div" | "ul" | "ol" | "table" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        | "section" | "article" | "blockquote" | "pre" | "dl" => Some(&["p"]),
        "li" => Some(&["li", "p"]),
        "dt" | "dd" => Some(&["dt", "dd", "p"]),
        "tr" => Some(&["tr", "td", "th"]),
        "td" | "th" => Some(&["td", "th"]),
        "option" => Some(&["option"]),
        _ => None,
    }
}

struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    self_closing: bool,
}

/// Reads a tag starting at its name; returns it and the index after `>`.
fn read_tag(html: &str, name_start: usize) -> (Tag, usize) {
    let bytes = html.as_bytes();
    let mut i = name_start;
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'>' | b'/') {
        i += 1;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            self_closing = bytes[i] == b'/';
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        if bytes[i] == b'>' {
            i += 1;
            break;
        }
        self_closing = false;
        let key_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'>' | b'=' | b'/')
        {
            i += 1;
        }
        let key = html[key_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = html[i + 1..]
                        .find(q as char)
                        .map_or(html.len(), |e| i + 1 + e);
                    value = decode_entities(&html[i + 1..end]);
                    i = (end + 1).min(html.len());
                }
                _ => {
                    let start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = decode_entities(&html[start..i]);
                }
            }
        }
        if !key.is_empty() {
            attrs.push((key, value));
        } else if i == key_start {
            // Nothing consumed (a stray `/`): step over one whole character.
            i += html[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    (
        Tag {
            name,
            attrs,
            self_closing,
        },
        i.min(html.len()),
    )
}

impl Tree {
    fn render(&self, id: usize, out: &mut TextOut, in_pre: bool) {
        match &self.nodes[id] {
            Node::Break => out.line_break(),
            Node::Text(t) => out.text(t, in_pre),
            Node::Element {
                name,
                children,
                dropped,
                ..
            } => {
                if *dropped {
                    return;
                }
                let block = BLOCK.contains(&name.as_str());
                let cell = matches!(name.as_str(), "td" | "th");
                if block {
                    out.line_break();
                }
                if cell {
                    out.cell();
                }
                let pre = in_pre || name == "pre";
                for &c in children {
                    self.render(c, out, pre);
                }
                if block {
                    out.line_break();
                }
            }
        }
    }

    /// Chinese characters under each node. Children are created after their parents, so
    /// one reverse sweep sees every child before its parent (no recursion).
    fn han_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.nodes.len()];
        for n in (0..self.nodes.len()).rev() {
            counts[n] = match &self.nodes[n] {
                Node::Text(t) => han_count(t),
                Node::Break | Node::Element { dropped: true, .. } => 0,
                Node::Element { children, .. } => children.iter().map(|&c| counts[c]).sum(),
            };
        }
        counts
    }
}

fn choose_article(tree: &Tree) -> usize {
    let counts = tree.han_counts();
    let whole = tree.body.unwrap_or(0);
    let mut best: Option<(usize, usize)> = None;
    // Document order = index order; only undropped candidates reachable from the root count.
    let mut stack = vec![0usize];
    let mut order = Vec::new();
    while let Some(id) = stack.pop() {
        if let Node::Element {
            children,
            dropped: false,
            candidate,
            ..
        } = &tree.nodes[id]
        {
            if *candidate {
                order.push(id);
            }
            stack.extend(children.iter().rev());
        }
    }
    let enough = |n: usize| n > 0 && (n >= MIN_ARTICLE_HAN || n * 2 >= counts[whole]);
    for id in order {
        let n = counts[id];
        if enough(n) && best.is_none_or(|(_, b)| n > b) {
            best = Some((id, n));
        }
    }
    best.map_or(whole, |(id, _)| id)
}

// ---- text output ------------------------------------------------------------------------

/// Builds lines: collapses whitespace, tracks pending line and cell breaks.
#[derive(Default)]
struct TextOut {
    lines: Vec<String>,
    line: String,
    /// Whitespace seen since the last character (collapsed; `true` if it held a newline).
    space: Option<bool>,
    cell_pending: bool,
}

impl TextOut {
    fn text(&mut self, t: &str, pre: bool) {
        for c in t.chars() {
            if pre && c == '\n' {
                self.line_break();
                continue;
            }
            if c.is_whitespace() || c == '\u{00A0}' {
                let newline = c == '\n' || c == '\r';
                self.space = Some(self.space.unwrap_or(false) || newline);
                continue;
            }
            if self.cell_pending {
                if !self.line.is_empty() {
                    self.line.push('\t');
                }
                self.cell_pending = false;
                self.space = None;
            }
            if let Some(newline) = self.space.take() {
                let prev_cjk = self.line.chars().last().is_some_and(is_wide);
                let join = newline && prev_cjk && is_wide(c);
                if !self.line.is_empty() && !join {
                    self.line.push(' ');
                }
            }
            self.line.push(c);
        }
    }

    fn cell(&mut self) {
        self.cell_pending = true;
    }

    fn line_break(&mut self) {
        let line = std::mem::take(&mut self.line);
        let line = line.trim_end();
        if !line.is_empty() {
            self.lines.push(line.to_string());
        }
        self.space = None;
        self.cell_pending = false;
    }

    fn finish(mut self) -> String {
        self.line_break();
        self.lines.join("\n")
    }
}

/// CJK characters and punctuation, between which a source line break is no space.
fn is_wide(c: char) -> bool {
    is_han(c)
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{2018}'..='\u{201D}')
}

fn collapse_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---- entities ---------------------------------------------------------------------------

/// Named entities seen on government pages (name without `&`/`;`, text).
const ENTITIES: &[(&str, &str)] = &[
    ("nbsp", "\u{A0}"),
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("hellip", "…"),
    ("middot", "·"),
    ("bull", "•"),
    ("times", "×"),
    ("divide", "÷"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("plusmn", "±"),
    ("yen", "¥"),
    ("emsp", "\u{2003}"),
    ("ensp", "\u{2002}"),
    ("thinsp", "\u{2009}"),
    ("zwsp", "\u{200B}"),
    ("zwnj", "\u{200C}"),
    ("zwj", "\u{200D}"),
    ("shy", ""),
    ("laquo", "«"),
    ("raquo", "»"),
    ("sect", "§"),
    ("para", "¶"),
    ("permil", "‰"),
    ("larr", "←"),
    ("rarr", "→"),
    ("uarr", "↑"),
    ("darr", "↓"),
    ("le", "≤"),
    ("ge", "≥"),
    ("ne", "≠"),
    ("micro", "µ"),
    ("frac12", "½"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("rmb", "¥"),
];

/// Windows-1252 meanings of `&#128;`–`&#159;` (browsers read them so).
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Resolves character references and the named entities above.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        if let Some((text, used)) = entity_at(after) {
            out.push_str(&text);
            rest = &after[used..];
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Parses a reference after `&`; returns its text and the bytes used (including `;`).
fn entity_at(s: &str) -> Option<(String, usize)> {
    if let Some(num) = s.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(h) => (h, 16, 2),
            None => (num, 10, 1),
        };
        let len = digits
            .bytes()
            .take_while(|&b| (b as char).is_digit(radix))
            .count();
        if len == 0 {
            return None;
        }
        let value = u32::from_str_radix(&digits[..len.min(8)], radix).unwrap_or(u32::MAX);
        let c = match value {
            0x80..=0x9F => CP1252[(value - 0x80) as usize],
            0 => '\u{FFFD}',
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        let semi = usize::from(digits[len..].starts_with(';'));
        return Some((c.to_string(), skip + len + semi));
    }
    let len = s.bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
    let name = &s[..len];
    if !s[len..].starts_with(';') {
        // Without a semicolon browsers take the longest known prefix: `&nbspb` → nbsp + b.
        let (n, text) = ENTITIES
            .iter()
            .filter(|(n, _)| name.starts_with(n))
            .max_by_key(|(n, _)| n.len())?;
        return Some((text.to_string(), n.len()));
    }
    let text = ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .or_else(|| {
            // Upper-case variants browsers accept: &NBSP; is not one, but &AMP; &LT; &GT; &QUOT; are.
            let lower = name.to_ascii_lowercase();
            ENTITIES
                .iter()
                .find(|(n, _)| *n == lower && matches!(*n, "amp" | "lt" | "gt" | "quot"))
        })?
        .1;
    let semi = usize::from(s[len..].starts_with(';'));
    Some((text.to_string(), len + semi))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        // (input, expected, reason)
        let rows: &[(&str, &str, &str)] = &[
            ("a&nbsp;b", "a\u{A0}b", "named, with semicolon"),
            ("a&nbspb", "a\u{A0}b", "legacy: semicolon optional"),
            ("&#x4e00;&#19968;", "一一", "hex and decimal"),
            ("&#X4E00;", "一", "upper-case X"),
            ("&#150;", "–", "C1 range read as Windows-1252"),
            (
                "&#0;&#xD800;",
                "\u{FFFD}\u{FFFD}",
                "NUL and surrogates are replaced",
            ),
            ("&#99999999999;", "\u{FFFD}", "out of range, no overflow"),
            ("&ldquo;法&rdquo;", "“法”", "quotes"),
            ("&AMP;", "&", "upper-case core entity"),
            (
                "&foo; & &#;",
                "&foo; & &#;",
                "unknown and broken references stay",
            ),
            ("100%&amp;", "100%&", "at the end"),
        ];
        for (s, want, why) in rows {
            assert_eq!(decode_entities(s), *want, "{why}");
        }
    }

    #[test]
    fn charset_sniffing() {
        // (page start, expected label, reason)
        let rows: &[(&[u8], Option<&str>, &str)] = &[
            (b"<meta charset=\"gbk\">", Some("gbk"), "HTML5 meta"),
            (
                b"<META CHARSET=GB2312>",
                Some("gb2312"),
                "upper case, unquoted",
            ),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />",
                Some("gb2312"),
                "http-equiv content",
            ),
            (
                b"<?xml version=\"1.0\" encoding=\"GBK\"?><html>",
                Some("gbk"),
                "XHTML declaration",
            ),
            (
                b"\xEF\xBB\xBF<meta charset=gbk>",
                Some("utf-8"),
                "the BOM wins",
            ),
            (
                b"<meta name=\"description\" content=\"charset\">",
                None,
                "charset without =",
            ),
            (b"<p>charset=gbk</p>", None, "text is not a meta tag"),
            (b"<html><body>", None, "nothing declared"),
        ];
        for (bytes, want, why) in rows {
            assert_eq!(sniff_charset(bytes).as_deref(), *want, "{why}");
        }
    }

    #[test]
    fn html_look_alikes() {
        // (start, is HTML, reason)
        let rows: &[(&[u8], bool, &str)] = &[
            (b"<!DOCTYPE html><html>", true, "doctype"),
            (b"  \n<HTML>", true, "leading space, upper case"),
            (b"<!-- saved from url --><html>", true, "comment first"),
            (b"\xEF\xBB\xBF<html>", true, "BOM"),
            (b"<meta charset=gbk>", true, "meta only"),
            ("一、<html>".as_bytes(), false, "a report mentioning a tag"),
            (b"<p>text", false, "fragments are text"),
        ];
        for (bytes, want, why) in rows {
            assert_eq!(looks_like_html(bytes), *want, "{why}");
        }
    }

    #[test]
    fn text_rules() {
        // (html, expected body, reason)
        let rows: &[(&str, &str, &str)] = &[
            ("<p>一</p><p>二</p>", "一\n二", "paragraphs are lines"),
            ("甲<br>乙<br/>丙", "甲\n乙\n丙", "br breaks lines"),
            ("<p>法治\n  政府</p>", "法治政府", "a source line break between CJK disappears"),
            ("<p>word\n  wrap</p>", "word wrap", "between Latin it is a space"),
            ("<p>a &nbsp;&nbsp; b</p>", "a b", "nbsp collapses"),
            ("<p>　　一、标题</p>", "一、标题", "U+3000 indentation trimmed"),
            (
                "<table><tr><td>指标</td><td>数值</td></tr><tr><td>办结率</td><td>100%</td></tr></table>",
                "指标\t数值\n办结率\t100%",
                "cells tab-separated, rows lines",
            ),
            ("<table><tr><td>a<td>b<tr><td>c</table>", "a\tb\nc", "implied end tags"),
            ("<ul><li>一<li>二</ul>", "一\n二", "implied li ends"),
            ("<p>1 < 2 and 3>2</p>", "1 < 2 and 3>2", "a stray < is text"),
            ("<script>document.write('<p>x</p>')</script><p>正文</p>", "正文", "script content is raw and dropped"),
            ("<style>p{}</style><noscript>请启用</noscript><p>正文</p>", "正文", "style and noscript dropped"),
            ("<nav><a>首页</a></nav><header>网站头</header><p>正文</p><footer>版权</footer>", "正文", "page header, nav, footer dropped"),
            ("<article><header><h1>标题</h1></header><p>正文</p></article>", "标题\n正文", "an article's own header stays"),
            ("<div style=\"display: none\">隐藏</div><div hidden>也隐藏</div><p>正文</p>", "正文", "hidden elements dropped"),
            ("<form><select><option>北京</option></select></form><p>正文</p>", "正文", "forms dropped"),
            ("<p>a<!-- <p>注释</p> -->b</p>", "ab", "comments skipped"),
            ("<p>未闭合<div>块</p>", "未闭合\n块", "unbalanced end tag"),
            ("<pre>一行\n二行</pre>", "一行\n二行", "pre keeps breaks"),
            ("<p>end</span></b></p>", "end", "stray end tags ignored"),
            ("<", "<", "a lone < is text"),
            ("<a href='x", "", "unterminated attribute"),
            ("<p title=\"a>b\">正文</p>", "正文", "> inside a quoted attribute"),
        ];
        for (html, want, why) in rows {
            assert_eq!(extract(html).body, *want, "{why}: {html}");
        }
    }

    #[test]
    fn article_choice_and_title() {
        let filler = "依法行政工作取得新进展".repeat(10);
        let page = format!(
            "<html><head><title>梅列区2019年法治政府建设工作情况报告_梅列区人民政府</title></head>\
             <body><div class=\"header\"><h1>梅列区人民政府</h1></div>\
             <div class=\"content-nav\"><ul><li>首页</li><li>政务公开</li></ul></div>\
             <div class=\"main\"><div class=\"title\">梅列区2019年法治政府建设工作情况报告</div>\
             <div class=\"info\">发布时间:2020-01-24</div>\
             <div id=\"zoom\"><p>一、强化组织领导</p><p>{filler}</p></div></div>\
             <div class=\"sidebar\"><p>相关链接</p></div></body></html>"
        );
        let a = extract(&page);
        assert_eq!(
            a.title.as_deref(),
            Some("梅列区2019年法治政府建设工作情况报告"),
            "the site suffix is cut"
        );
        // `main` (a token) holds the zoom div plus title and date: same count, outermost wins.
        assert_eq!(
            a.body,
            format!("梅列区2019年法治政府建设工作情况报告\n发布时间:2020-01-24\n一、强化组织领导\n{filler}"),
        );
        assert_eq!(a.to_text(), a.body, "title not repeated");
        let no_candidate = "<title>报告</title><body><p>短</p></body>";
        let a = extract(no_candidate);
        assert_eq!(a.to_text(), "报告\n短", "whole body and the title");
        assert_eq!(
            site_title("政府网 - 2023年度法治政府建设报告"),
            "2023年度法治政府建设报告"
        );
    }
}
