//! Web pages: the article of a government portal page without its navigation, breadcrumbs, share
//! widgets, scripts and footer. Block elements become paragraphs, `<br>` a line break, table rows one
//! line with cells joined by ` | `, ordered list items keep their numbers (`5. `). A heading
//! (`<h1>`–`<h6>`) that does not start with an outline marker gets a Markdown prefix by level, as a
//! Word heading style does.

use super::blocks::{Blocks, Place};
use super::limits::HTML_MAX_DEPTH;
use super::numfmt::format_number;
use super::outline::starts_with_outline_marker;
use super::{encoding, Format, IngestError, IngestOptions, SourceMeta, SourceText};
use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;

/// Containers portals put the article in (TRS, 政府网站集约化平台, WeChat, common CMSs), best first.
const CONTENT_SELECTORS: &[&str] = &[
    "#zoom",
    "#UCAP-CONTENT",
    ".TRS_Editor",
    ".TRS_UEDITOR",
    "#js_content",
    ".article-content",
    ".pages_content",
    "#content",
    ".content",
    "article",
    "main",
];
/// A container with less text than this is a wrapper or a teaser, not the article.
const MIN_ARTICLE_CHARS: usize = 100;

/// Elements that never hold article text. (Not `form`: ASP.NET pages wrap the whole page in one.)
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "nav", "header", "footer", "button",
    "select", "textarea", "aside", "svg", "object", "head",
];
/// `class`/`id` words of page chrome.
const CHROME: &[&str] = &[
    "share",
    "bdsharebuttonbox",
    "crumb",
    "breadcrumb",
    "nav",
    "navbar",
    "footer",
    "toolbar",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "blockquote",
    "pre",
    "hr",
    "figure",
    "figcaption",
    "center",
    "address",
    "body",
];
const CELL_SEPARATOR: &str = " | ";

pub(crate) fn read(
    name: &str,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<SourceText, IngestError> {
    let decoded = encoding::decode(name, bytes, opts.encoding, declared_charset(bytes))?;
    if nesting_depth(&decoded.text) > HTML_MAX_DEPTH {
        return Err(IngestError::LimitExceeded {
            path: name.to_string(),
            what: "网页元素的嵌套层数".to_string(),
            limit: HTML_MAX_DEPTH.to_string(),
        });
    }
    let html = Html::parse_document(&decoded.text);
    let root = content_root(&html);
    let mut render = Render::default();
    render.walk(*root);
    let meta = SourceMeta {
        title: title(&html),
        published: published(&html),
    };
    Ok(SourceText {
        name: name.to_string(),
        format: Format::Html,
        encoding: decoded.encoding,
        text: render.out.text,
        origins: Vec::new(),
        meta,
    })
}

/// Elements that are never open for long: void elements, and those a parser closes implicitly.
const NOT_NESTING: &[&str] = &[
    "br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "source", "track",
    "wbr", "param", "p", "li", "td", "th", "tr", "option", "dt", "dd",
];

/// The deepest nesting of start and end tags, counted roughly (no parser) before the real parse;
/// comments, doctypes and processing instructions do not count.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let closing = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '?')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || NOT_NESTING.contains(&name.as_str()) || name.starts_with(['!', '?']) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// `<meta charset=…>` or `content="text/html; charset=…"` in the first kilobytes.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'')
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b'_')
        .copied()
        .collect();
    let enc = encoding_rs::Encoding::for_label(&label)?;
    // GB2312 and GBK pages routinely contain characters only GB18030 names.
    Some(if enc == encoding_rs::GBK {
        encoding_rs::GB18030
    } else {
        enc
    })
}

fn visible_chars(el: ElementRef<'_>) -> usize {
    el.text()
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .count()
}

/// The article: a known container, else the element whose paragraphs hold the most text.
fn content_root(html: &Html) -> ElementRef<'_> {
    for sel in CONTENT_SELECTORS {
        let Ok(selector) = Selector::parse(sel) else {
            continue;
        };
        if let Some(el) = html
            .select(&selector)
            .find(|el| visible_chars(*el) >= MIN_ARTICLE_CHARS)
        {
            return el;
        }
    }
    densest(html).unwrap_or_else(|| html.root_element())
}

/// Each paragraph-like element scores its own text (without links) for its parent and half for its
/// grandparent; the best-scoring container wins (the idea of Readability).
fn densest(html: &Html) -> Option<ElementRef<'_>> {
    let mut scores: std::collections::HashMap<ego_tree::NodeId, usize> = Default::default();
    let paragraphs = Selector::parse("p, h1, h2, h3, h4, h5, h6, li, td, pre, blockquote").ok()?;
    for p in html.select(&paragraphs) {
        let own: usize = p
            .children()
            .filter_map(|c| match c.value() {
                Node::Text(t) => Some(t.chars().filter(|c| !c.is_whitespace()).count()),
                Node::Element(e) if e.name() != "a" => ElementRef::wrap(c).map(visible_chars),
                _ => None,
            })
            .sum();
        let parent = p.parent();
        if let Some(parent) = parent {
            *scores.entry(parent.id()).or_default() += own * 2;
            if let Some(grand) = parent.parent() {
                *scores.entry(grand.id()).or_default() += own;
            }
        }
    }
    // Ties go to the earlier node.
    let (id, _) = scores
        .into_iter()
        .max_by_key(|&(id, s)| (s, std::cmp::Reverse(id)))?;
    // A page too short to hold an article among chrome is read whole (less the chrome elements).
    html.tree
        .get(id)
        .and_then(ElementRef::wrap)
        .filter(|el| visible_chars(*el) >= MIN_ARTICLE_CHARS)
}

fn is_chrome(el: &scraper::node::Element) -> bool {
    let words = el
        .attr("class")
        .into_iter()
        .flat_map(str::split_whitespace)
        .chain(el.attr("id"));
    words
        .map(str::to_ascii_lowercase)
        .any(|w| CHROME.contains(&w.as_str()))
}

#[derive(Default)]
struct Render {
    out: Blocks,
    line: String,
    pending_space: bool,
    pre: usize,
    /// Inside a table cell, blocks do not end the line: the row does.
    cell: usize,
    /// Level of the `<h1>`–`<h6>` being read.
    heading: Option<usize>,
    /// Length of the list label (`5. `) that starts `line`, kept until the item's text arrives.
    label_len: usize,
    /// One entry per open list: the next number of an `<ol>` (with its `type`), `None` for `<ul>`.
    lists: Vec<Option<(u32, &'static str)>>,
}

impl Render {
    fn walk(&mut self, root: NodeRef<'_, Node>) {
        let mut skipping: Option<ego_tree::NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) if skipping.is_none() => match node.value() {
                    Node::Element(el) => {
                        let tag = el.name();
                        let chrome = SKIPPED.contains(&tag) || is_chrome(el);
                        if chrome && node.id() != root.id() {
                            skipping = Some(node.id());
                        } else {
                            self.open(tag, el);
                        }
                    }
                    Node::Text(t) => self.text(t),
                    _ => {}
                },
                Edge::Close(node) => {
                    if skipping == Some(node.id()) {
                        skipping = None;
                    } else if skipping.is_none() {
                        if let Node::Element(el) = node.value() {
                            self.close(el.name());
                        }
                    }
                }
                Edge::Open(_) => {}
            }
        }
        self.flush();
    }

    fn open(&mut self, tag: &str, el: &scraper::node::Element) {
        match tag {
            "br" => {
                self.line.push('\n');
                self.pending_space = false;
            }
            "td" | "th" => {
                if self.cell == 0 && !self.line.trim().is_empty() {
                    self.line.push_str(CELL_SEPARATOR);
                }
                self.pending_space = false;
                self.cell += 1;
            }
            "ol" => {
                let start = el.attr("start").and_then(|s| s.trim().parse().ok());
                let format = match el.attr("type") {
                    Some("a") => "lowerLetter",
                    Some("A") => "upperLetter",
                    Some("i") => "lowerRoman",
                    Some("I") => "upperRoman",
                    _ => "decimal",
                };
                self.flush();
                self.lists.push(Some((start.unwrap_or(1), format)));
            }
            "ul" => {
                self.flush();
                self.lists.push(None);
            }
            "li" => {
                self.flush();
                if let Some(Some((n, format))) = self.lists.last_mut() {
                    self.line = format!("{}. ", format_number(*n, format));
                    self.label_len = self.line.len();
                    *n += 1;
                }
            }
            "pre" => {
                self.flush();
                self.pre += 1;
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.block_edge();
                if self.cell == 0 {
                    self.heading = tag[1..].parse().ok();
                }
            }
            _ if BLOCKS.contains(&tag) => self.block_edge(),
            _ => {}
        }
    }

    fn close(&mut self, tag: &str) {
        match tag {
            "td" | "th" => self.cell = self.cell.saturating_sub(1),
            "li" if self.label_only() => {
                self.line.clear();
                self.label_len = 0;
            }
            "ol" | "ul" => {
                self.lists.pop();
                self.flush();
            }
            "pre" => {
                self.pre = self.pre.saturating_sub(1);
                self.flush();
            }
            _ if BLOCKS.contains(&tag) => self.block_edge(),
            _ => {}
        }
    }

    fn block_edge(&mut self) {
        if self.cell > 0 {
            self.pending_space = true;
        } else {
            self.flush();
        }
    }

    /// Whitespace collapses as a browser collapses it, except inside `<pre>`.
    fn text(&mut self, t: &str) {
        if self.pre > 0 {
            self.line.push_str(t);
            return;
        }
        for c in t.chars() {
            if c.is_ascii_whitespace() {
                self.pending_space = true;
                continue;
            }
            let after_break = self.line.is_empty() || self.line.ends_with(['\n', ' ']);
            if self.pending_space && !after_break {
                self.line.push(' ');
            }
            self.pending_space = false;
            self.line.push(c);
        }
    }

    fn label_only(&self) -> bool {
        self.label_len > 0 && self.line.len() == self.label_len
    }

    /// End the current paragraph, unless it holds only a list label still waiting for its text
    /// (`<li><p>…`).
    fn flush(&mut self) {
        if self.label_only() {
            return;
        }
        let line = std::mem::take(&mut self.line);
        self.label_len = 0;
        self.pending_space = false;
        let cleaned: Vec<&str> = line.lines().map(str::trim).collect();
        let text = cleaned.join("\n");
        let text = text.trim();
        match self.heading.take() {
            // The same rule as for Word heading styles: see `docx`.
            Some(level) if !text.is_empty() && !starts_with_outline_marker(text) => self
                .out
                .push(&format!("{} {text}", "#".repeat(level)), Place::Untracked),
            _ => self.out.push(text, Place::Untracked),
        }
    }
}

/// `<meta name="ArticleTitle">`, `og:title`, the first `<h1>`, or `<title>` without the site name.
fn title(html: &Html) -> Option<String> {
    for name in ["ArticleTitle", "og:title", "title"] {
        if let Some(v) = meta_content(html, name) {
            return Some(v);
        }
    }
    let first_text = |sel: &str| {
        let selector = Selector::parse(sel).ok()?;
        let el = html.select(&selector).next()?;
        let text = el.text().collect::<String>().trim().to_string();
        (!text.is_empty()).then_some(text)
    };
    first_text("h1").or_else(|| {
        let t = first_text("title")?;
        let site_cut = t.find(['_', '|']).unwrap_or(t.len());
        Some(t[..site_cut].trim().to_string())
    })
}

/// The publication date of the page as written: a date `<meta>`, else a 发布时间 line.
fn published(html: &Html) -> Option<String> {
    const NAMES: &[&str] = &[
        "PubDate",
        "publishdate",
        "pubdate",
        "publish_date",
        "firstpublishedtime",
        "article:published_time",
        "dc.date",
        "dcterms.issued",
    ];
    if let Some(v) = NAMES.iter().find_map(|n| meta_content(html, n)) {
        return Some(v);
    }
    static LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:发布时间|发布日期|发文日期|成文日期)\s*[:：]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)")
            .expect("valid regex")
    });
    let selector = Selector::parse("body").ok()?;
    let body = html.select(&selector).next()?;
    let text: String = body.text().collect();
    LINE.captures(&text).map(|c| c[1].trim().to_string())
}

/// `content` of `<meta name=…>` or `<meta property=…>`, names compared without case.
fn meta_content(html: &Html, name: &str) -> Option<String> {
    let selector = Selector::parse("meta").ok()?;
    html.select(&selector).find_map(|m| {
        let el = m.value();
        let key = el.attr("name").or_else(|| el.attr("property"))?;
        let content = el.attr("content")?.trim();
        (key.eq_ignore_ascii_case(name) && !content.is_empty()).then(|| content.to_string())
    })
}
