//! Placed glyphs → lines → paragraphs, in reading order, without running page numbers; shared by
//! the fixed-layout formats (PDF, OFD).

use super::blocks::{Blocks, Place};
use crate::ingest::outline::starts_with_outline_marker;
use regex::Regex;
use std::sync::LazyLock;

/// A glyph placed on the page, y growing upwards (PDF user space; OFD's y is negated).
#[derive(Debug, Clone)]
pub(super) struct Placed {
    pub text: String,
    pub x: f32,
    pub y: f32,
    /// Advance width.
    pub width: f32,
    /// Font size as drawn.
    pub size: f32,
}

/// Pages → paragraphs: a paragraph whose last line runs to the margin goes on with the next page's
/// first. Page breaks inside a sentence otherwise are left to the parser.
#[derive(Debug, Default)]
pub(super) struct PageFlow {
    pub out: Blocks,
    carried: Option<(String, u32)>,
    /// Whether any page had a glyph with text.
    pub any_text: bool,
}

impl PageFlow {
    pub fn add_page(&mut self, number: u32, glyphs: Vec<Placed>) {
        self.any_text |= glyphs.iter().any(|g| !g.text.trim().is_empty());
        let lines = drop_page_numbers(lines(glyphs));
        let mut paragraphs = paragraphs(&lines).into_iter().peekable();
        // The last paragraph of the page before, if it ran to the margin, goes on here.
        if let Some((mut text, page)) = self.carried.take() {
            if let Some(next) = paragraphs.next() {
                if needs_space(&text, &next.text) {
                    text.push(' ');
                }
                text.push_str(&next.text);
                if next.open && paragraphs.peek().is_none() {
                    self.carried = Some((text, page));
                    return;
                }
            }
            self.out.push(&text, Place::Page(page));
        }
        while let Some(p) = paragraphs.next() {
            if p.open && paragraphs.peek().is_none() {
                self.carried = Some((p.text, number));
            } else {
                self.out.push(&p.text, Place::Page(number));
            }
        }
    }

    pub fn finish(mut self) -> Self {
        if let Some((text, page)) = self.carried.take() {
            self.out.push(&text, Place::Page(page));
        }
        self
    }
}

#[derive(Debug, Clone)]
pub(super) struct Line {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
}

/// Group glyphs by baseline (top to bottom), order each line left to right, and put a space where
/// the gap between two glyphs is wider than a quarter of the font size.
fn lines(mut glyphs: Vec<Placed>) -> Vec<Line> {
    glyphs.retain(|g| g.x.is_finite() && g.y.is_finite() && g.size.is_finite());
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut rows: Vec<Vec<Placed>> = Vec::new();
    for g in glyphs {
        let tolerance = g.size.max(1.0) * 0.4;
        match rows.last_mut() {
            Some(row) if (row[0].y - g.y).abs() <= tolerance => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    rows.into_iter().filter_map(line).collect()
}

fn line(mut row: Vec<Placed>) -> Option<Line> {
    row.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut text = String::new();
    let mut end: Option<f32> = None;
    let mut last: Option<&Placed> = None;
    let mut x0 = None;
    for g in &row {
        // Fake bold draws a glyph twice, a hair apart.
        if last.is_some_and(|l| l.text == g.text && (g.x - l.x).abs() < g.size * 0.1) {
            continue;
        }
        // A glyph without known text (no ToUnicode entry) would only be junk.
        if g.text.is_empty() {
            continue;
        }
        let after_space = text.ends_with(char::is_whitespace);
        if g.text.trim().is_empty() {
            // A drawn space (kept as drawn: it may be a no-break space); runs of them count once.
            if !text.is_empty() && !after_space {
                text.push_str(&g.text);
            }
        } else {
            // An undrawn gap wider than a quarter of the font size separates words.
            if end.is_some_and(|e| g.x - e > g.size * 0.25) && !after_space {
                text.push(' ');
            }
            x0.get_or_insert(g.x);
            text.push_str(&g.text);
        }
        end = Some(g.x + g.width);
        last = Some(g);
    }
    // A drawn space at the end stays: the line may have wrapped there (`2023 ⏎年`).
    let text = text.trim_start().to_string();
    let x0 = x0?;
    let drawn = row.iter().filter(|g| !g.text.trim().is_empty());
    let x1 = drawn.clone().map(|g| g.x + g.width).fold(x0, f32::max);
    let size = drawn.map(|g| g.size).fold(0.0, f32::max);
    Some(Line {
        text,
        x0,
        x1,
        y: row[0].y,
        size,
    })
}

/// Drop a running page number (`— 3 —`, `- 3 -`, `3`, `第 3 页 共 9 页`, `3/9`) at the top or bottom,
/// set apart from the text by more than two lines (a number cut off at a page break is not).
pub(super) fn drop_page_numbers(mut lines: Vec<Line>) -> Vec<Line> {
    static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[-—–－‒~\s]*\d{1,4}[-—–－‒~\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")
            .expect("valid regex")
    });
    let apart = |edge: &Line, next: &Line| (edge.y - next.y).abs() > 2.0 * edge.size.max(1.0);
    let n = lines.len();
    if n > 1
        && PAGE_NUMBER.is_match(lines[n - 1].text.trim())
        && apart(&lines[n - 1], &lines[n - 2])
    {
        lines.pop();
    }
    if lines.len() > 1 && PAGE_NUMBER.is_match(lines[0].text.trim()) && apart(&lines[0], &lines[1])
    {
        lines.remove(0);
    }
    lines
}

/// A paragraph and whether it may go on on the next page.
struct Paragraph {
    pub text: String,
    pub open: bool,
}

/// Join wrapped lines into paragraphs. A line goes on the paragraph before it when it follows at
/// normal line spacing, is not indented, and the line before ran to the right margin, or stopped
/// short by no more than the Latin word this line starts with (it wrapped at a space).
fn paragraphs(lines: &[Line]) -> Vec<Paragraph> {
    let Some(first) = lines.first() else {
        return Vec::new();
    };
    let left = lines.iter().map(|l| l.x0).fold(first.x0, f32::min);
    let right = lines.iter().map(|l| l.x1).fold(first.x1, f32::max);
    let gaps: Vec<f32> = lines
        .windows(2)
        .map(|w| w[0].y - w[1].y)
        .filter(|g| *g > 0.0)
        .collect();
    let leading = gaps.iter().copied().fold(f32::INFINITY, f32::min);
    let leading = if leading.is_finite() {
        leading
    } else {
        first.size * 1.2
    };
    let spaced = gaps.iter().any(|g| *g > leading * 1.6);
    let em = |l: &Line| l.size.max(1.0);
    // Line-breaking rules for CJK punctuation may end a full line up to two characters early.
    let reaches_right = |l: &Line| l.x1 >= right - 3.0 * em(l);
    let wide = |l: &Line| l.x1 >= left + 0.6 * (right - left);
    // At the foot of a page typed with blank lines between paragraphs, a wide line that does not
    // end a sentence goes on overleaf.
    let open = |text: &str, l: &Line| {
        reaches_right(l) || (spaced && wide(l) && !text.trim_end().ends_with(TERMINAL))
    };
    // Did `p` end only because `l` did not fit? A full line, or one short by the Latin word `l` starts
    // with, or by the CJK text after a Latin word it ends with (the line broke at a space). A short
    // line that ends a sentence before a numbered line (`（五）`, `2.`) is a paragraph's last.
    let wrapped = |p: &Line, l: &Line| {
        let mut slack = leading_word(&l.text) as f32;
        if p.text
            .trim_end()
            .ends_with(|c: char| c.is_ascii_alphanumeric())
        {
            slack += 4.0;
        }
        let short = p.x1 < right - 0.5 * em(p);
        if short && p.text.trim_end().ends_with(SENTENCE_END) && starts_with_outline_marker(&l.text)
        {
            return false;
        }
        p.x1 + slack * em(p) >= right - 3.0 * em(p)
    };
    let mut out: Vec<Paragraph> = Vec::new();
    let mut prev: Option<&Line> = None;
    for l in lines {
        let continues = prev.is_some_and(|p| {
            p.y - l.y <= leading * 1.6 && l.x0 <= left + 1.5 * em(l) && wrapped(p, l)
        });
        match out.last_mut() {
            Some(para) if continues => {
                if needs_space(&para.text, &l.text) {
                    para.text.push(' ');
                }
                para.text.push_str(&l.text);
                para.open = open(&para.text, l);
            }
            _ => out.push(Paragraph {
                text: l.text.clone(),
                open: open(&l.text, l),
            }),
        }
        prev = Some(l);
    }
    out
}

/// Characters of the Latin word (and the space before it) that `text` starts with.
fn leading_word(text: &str) -> usize {
    let word = text
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || ".,%-".contains(*c))
        .count();
    if word == 0 {
        0
    } else {
        word + 1
    }
}

const SENTENCE_END: &[char] = &['。', '！', '？', '!', '?'];

/// Characters that end a sentence or a paragraph.
const TERMINAL: &[char] = &[
    '。', '！', '？', '；', '：', '…', '”', '」', '』', '）', ')', '!', '?', ';', ':', '.',
];

/// Latin words wrapped at a line end were separated by a space; Chinese text was not.
fn needs_space(before: &str, after: &str) -> bool {
    let b = before.chars().next_back();
    let a = after.chars().next();
    matches!((b, a), (Some(b), Some(a)) if b.is_ascii_alphanumeric() && a.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::{drop_page_numbers, Line};

    fn line(text: &str, y: f32) -> Line {
        Line {
            text: text.to_string(),
            x0: 50.0,
            x1: 500.0,
            y,
            size: 10.0,
        }
    }

    #[test]
    fn running_page_numbers_at_the_edges_only() {
        for number in ["— 3 —", "- 3 -", "3", "第 3 页 共 9 页", "3/9", "－ 12 －"] {
            let page = vec![
                line("正文第一行", 700.0),
                line("2024", 680.0),
                line(number, 40.0),
            ];
            let kept: Vec<String> = drop_page_numbers(page)
                .into_iter()
                .map(|l| l.text)
                .collect();
            assert_eq!(kept, ["正文第一行", "2024"], "{number}");
        }
        let header = vec![line("- 4 -", 800.0), line("正文", 700.0)];
        assert_eq!(drop_page_numbers(header)[0].text, "正文");
        let alone = vec![line("5", 700.0)];
        assert_eq!(
            drop_page_numbers(alone).len(),
            1,
            "a page of one number keeps it"
        );
        let cut = vec![line("正文", 700.0), line("1", 688.0)];
        assert_eq!(
            drop_page_numbers(cut).len(),
            2,
            "a number in the text's last line stays"
        );
    }
}
