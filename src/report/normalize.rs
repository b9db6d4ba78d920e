//! Source text → [`NormText`]: width folding, dropping of layout spaces and repair of breaks that PDF or
//! Word conversion left inside a sentence or a number.
//!
//! A line break is a real paragraph end when the line ends a sentence (。；：！？), is a heading or a
//! header line, or the next line is indented or starts a heading. It is a conversion break when the line
//! stops mid-sentence and the next line (after blank lines or a page number) cannot start a paragraph, or
//! the line is a full-length body line. Only whitespace, page-number lines, running page headers and
//! pinyin glosses are ever dropped, so every normalised character still maps to the character it came
//! from.

use super::{fold_width, NormBuilder, NormText};
use std::collections::HashMap;

/// A line this long is body text even without punctuation in it.
const LONG_LINE_CHARS: usize = 40;
/// A line with a comma in it is body text from this length on; shorter ones may be headers.
const MIN_BODY_LINE_CHARS: usize = 12;
/// An official document's line holds 28 characters (GB/T 9704): a bracketed paragraph line this
/// long was wrapped, not ended.
const MIN_WRAPPED_CHARS: usize = 24;
/// At most this many blank lines may separate the two halves of a cut sentence.
const MAX_BREAK_GAP: usize = 4;

/// One source line: byte range of its content (without `\r\n`), and the same trimmed.
#[derive(Debug, Clone, Copy)]
struct RawLine<'a> {
    start: usize,
    text: &'a str,
    /// Offset of `trimmed` inside `text`.
    lead: usize,
    trimmed: &'a str,
}

fn is_space(c: char) -> bool {
    // Han and most punctuation lie above U+3000: skip the Unicode table for them.
    c.is_ascii_whitespace()
        || (('\u{85}'..='\u{3000}').contains(&c) && c.is_whitespace())
        || c == '\u{feff}'
}

fn raw_lines(src: &str) -> Vec<RawLine<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in src.split_inclusive('\n') {
        let text = piece.trim_end_matches(['\n', '\r']);
        let trimmed_start = text.trim_start_matches(is_space);
        let lead = text.len() - trimmed_start.len();
        out.push(RawLine {
            start,
            text,
            lead,
            trimmed: trimmed_start.trim_end_matches(is_space),
        });
        start += piece.len();
    }
    out
}

/// Normalise `src`; see the module documentation.
pub fn normalize(src: &str) -> NormText {
    // Same byte offsets either way, so the map still points into the source as given.
    let simplified = super::script::simplified(src);
    let src = simplified.as_ref();
    let lines = raw_lines(src);
    let header = running_headers(&lines);
    let rows = tab_rows(&lines);
    let mut b = NormBuilder::with_capacity(src.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if header[i] {
            i += 1;
            continue;
        }
        push_line(&mut b, line, rows[i]);
        match continuation(&lines, &header, i) {
            Some(j) => i = j, // the sentence goes on in line j: no newline
            None => {
                if i + 1 < lines.len() || src.ends_with('\n') {
                    b.push('\n', line.start + line.text.len());
                }
                i += 1;
            }
        }
    }
    b.finish(src.len())
}

/// Push the trimmed content of a line, folded, without spaces that only separate Chinese from
/// numbers or other Chinese (`2023 年`, `出庭应诉率为 100%`).
/// In a row of a tab-separated table (`cells`), a tab between cells becomes the `|` the table reader
/// looks for.
fn push_line(b: &mut NormBuilder, line: RawLine<'_>, cells: bool) {
    let base = line.start + line.lead;
    let text = line.trimmed;
    let mut last: Option<char> = None;
    // Offset of a run of spaces not yet written; kept only between two ASCII characters.
    let mut pending: Option<usize> = None;
    // Offset of a tab in that run, in a table row.
    let mut tab: Option<usize> = None;
    let mut off = 0;
    let strong = strong_span(text);
    while let Some(raw) = text[off..].chars().next() {
        if let Some((open, close)) = strong {
            if off == 0 || off == close {
                off += if off == 0 { open } else { text.len() - close };
                continue;
            }
        }
        let next = off + raw.len_utf8();
        let c = fold_width(raw);
        if c == '(' && last.is_some_and(super::script::is_han) {
            if let Some(n) = pinyin_gloss(&text[off..]) {
                off += n;
                continue;
            }
        }
        if is_space(c) {
            pending = pending.or(Some(off));
            if cells && raw == '\t' {
                tab = tab.or(Some(off));
            }
            off = next;
            continue;
        }
        if let Some(at) = tab.take() {
            b.push('|', base + at);
            pending = None;
        }
        if let Some(at) = pending.take() {
            if last.is_some_and(|l| l.is_ascii()) && c.is_ascii() {
                b.push(' ', base + at);
            }
        }
        b.push(c, base + off);
        last = Some(c);
        // Most of a line is characters this loop would copy one by one: copy them at once.
        let mut plain = plain_len(&text[next..]);
        if let Some((_, close)) = strong.filter(|&(_, close)| close >= next) {
            plain = plain.min(close - next);
        }
        if plain > 0 {
            b.push_str(&text[next..next + plain], base + next);
            last = text[..next + plain].chars().next_back();
        }
        off = next + plain;
    }
}

/// A line that is wholly Markdown strong emphasis (`**一、主要举措**`, `__标题__`), as converters
/// write bold headings and titles: the opening marker's length and where the closing one starts.
/// The markers are dropped so the line reads as the heading it is.
fn strong_span(line: &str) -> Option<(usize, usize)> {
    let marker = ["**", "__"].into_iter().find(|m| line.starts_with(m))?;
    let inner = line.strip_prefix(marker)?.strip_suffix(marker)?;
    (!inner.is_empty() && !inner.contains(marker) && !inner.starts_with(' '))
        .then(|| (marker.len(), line.len() - marker.len()))
}

/// Length of the run opening `s` of characters kept as they are: not folded, not a space, not
/// a bracket that may open a pinyin gloss.
fn plain_len(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| {
            // Han characters (the bulk of a report) are plain without further tests.
            !('\u{3400}'..='\u{9FFF}').contains(&c)
                && (c == '(' || fold_width(c) != c || is_space(c))
        })
        .map_or(s.len(), |(i, _)| i)
}

/// Length of a pinyin gloss opening `rest` (`(qū)`, `（shè）`): converter garbage some mirror sites
/// put after a character. Only a syllable with a tone mark counts, so `(a)` or `(pdf)` stay.
fn pinyin_gloss(rest: &str) -> Option<usize> {
    const MAX_SYLLABLE: usize = 6;
    let mut chars = rest.char_indices().skip(1);
    let mut toned = false;
    for (n, (at, c)) in chars.by_ref().enumerate() {
        match fold_width(c) {
            ')' if n > 0 && toned => return Some(at + c.len_utf8()),
            c if n < MAX_SYLLABLE && (c.is_ascii_lowercase() || c == 'ü') => {}
            c if n < MAX_SYLLABLE && "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".contains(c) => {
                toned = true
            }
            _ => return None,
        }
    }
    None
}

/// A line of page fields (`…来源：某局发布时间：2024-03-28 09:18`) ends where it ends.
fn is_field_line(line: &str) -> bool {
    const MAX_FIELD_LINE: usize = 400;
    line.len() <= MAX_FIELD_LINE
        && (line.contains(':') || line.contains('：'))
        && super::page_fields::split(line).is_some()
}

/// Rows of a table copied from Word or a spreadsheet: cells separated by tabs, in at least two
/// adjacent lines with the same number of cells (a single tabbed line is layout, not a table).
fn tab_rows(lines: &[RawLine<'_>]) -> Vec<bool> {
    let cells: Vec<usize> = lines
        .iter()
        .map(|l| match l.trimmed.contains('\t') {
            true => l
                .trimmed
                .split('\t')
                .filter(|c| !c.trim().is_empty())
                .count(),
            false => 0,
        })
        .collect();
    (0..lines.len())
        .map(|i| {
            let same = |j: Option<usize>| j.and_then(|j| cells.get(j)) == Some(&cells[i]);
            cells[i] >= 2 && (same(i.checked_sub(1)) || same(Some(i + 1)))
        })
        .collect()
}

/// Lines that are a PDF's running page header: the same text as the first line after another page
/// number, or the document's title repeated (a two-page copy has one header only). Only a repeat
/// counts, so a heading that happens to open one page is kept.
fn running_headers(lines: &[RawLine<'_>]) -> Vec<bool> {
    let mut after_page: Vec<usize> = Vec::new();
    for (p, line) in lines.iter().enumerate() {
        if is_page_number(line.trimmed) {
            if let Some(h) = (p + 1..lines.len()).find(|&h| !lines[h].trimmed.is_empty()) {
                after_page.push(h);
            }
        }
    }
    // Counted once: comparing each with every other would be quadratic in a long PDF's pages.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for &h in &after_page {
        *seen.entry(lines[h].trimmed).or_default() += 1;
    }
    let mut header = vec![false; lines.len()];
    for &h in &after_page {
        let text = lines[h].trimmed;
        let repeated = seen.get(text).is_some_and(|&n| n > 1);
        header[h] =
            (repeated || repeats_title(lines, h)) && !is_page_number(text) && !ends_sentence(text);
    }
    header
}

/// Line `h` repeats the document's opening title: one of its first lines, or two of them joined
/// (a title set on two lines is one line in the header).
fn repeats_title(lines: &[RawLine<'_>], h: usize) -> bool {
    const TITLE_LINES: usize = 4;
    let text = lines[h].trimmed;
    let opening: Vec<&str> = lines[..h]
        .iter()
        .map(|l| l.trimmed)
        .filter(|t| !t.is_empty())
        .take(TITLE_LINES)
        .collect();
    opening.contains(&text)
        || opening
            .windows(2)
            .any(|w| text.strip_prefix(w[0]).is_some_and(|r| r == w[1]))
}

/// If line `i` is continued by a later line (a conversion break), the index of that line.
/// Blank lines, page numbers and running headers (`header`) between the halves are skipped.
fn continuation(lines: &[RawLine<'_>], header: &[bool], i: usize) -> Option<usize> {
    let cur = lines[i].trimmed;
    let last = cur.chars().next_back()?;
    // A numbered line may be a long paragraph cut by a page break; short ones fail the length test below.
    let run_in = run_in_bracket(cur);
    if ends_sentence(cur)
        || (starts_block(cur) && !starts_numbered(cur) && !run_in)
        || is_field_line(cur)
    {
        return None;
    }
    let mut j = i + 1;
    let mut gap = 0;
    while j < lines.len()
        && gap <= MAX_BREAK_GAP
        && (lines[j].trimmed.is_empty() || is_page_number(lines[j].trimmed) || header[j])
    {
        gap += 1;
        j += 1;
    }
    let next = lines.get(j)?;
    if gap > MAX_BREAK_GAP {
        return None;
    }
    let first = next.trimmed.chars().next()?;
    if run_in {
        // A `【…】` paragraph goes on only in the line right below a full line, never across a gap:
        // a `【栏目】` title or a page's 【打印】 line stands alone.
        let full = cur.chars().count() >= MIN_WRAPPED_CHARS;
        let joins = gap == 0
            && full
            && next.lead == 0
            && !starts_block(next.trimmed)
            && !is_field_line(next.trimmed)
            && !super::title::ends_like_title(cur.trim_end_matches(['》', '”']));
        return joins.then_some(j);
    }
    if cannot_start_paragraph(last, first) {
        return Some(j);
    }
    let indented = next.lead > 0;
    // Titles and header lines are short and have no commas; a cut paragraph line has both length and commas.
    // A numbered line is a paragraph too when its run-in heading ends inside it (（二）完善决策机制。县政府…).
    let n = cur.chars().take(LONG_LINE_CHARS).count();
    let long = n >= LONG_LINE_CHARS
        || (n >= MIN_BODY_LINE_CHARS
            && (!starts_numbered(cur) || cur.contains('。'))
            && cur.contains([',', '，', '、', '。', ';', '；']));
    let soft_end = matches!(fold_width(last), ',' | '、' | '(' | '“' | '《' | '—');
    if !indented && gap == 0 && wrapped_item(cur, next.trimmed) {
        return Some(j);
    }
    if indented || starts_block(next.trimmed) || !(long || soft_end) {
        return None;
    }
    Some(j)
}

/// A numbered item as long as a full line, with a list inside it, whose sentence ends in the
/// shorter line right below: one paragraph wrapped (`1.全面落实行政执法公示、…重大执法决定法` /
/// `制审核制度。`). A heading has no list of 、 and is not followed by its own shorter ending.
fn wrapped_item(cur: &str, next: &str) -> bool {
    let n = cur.chars().count();
    starts_numbered(cur)
        && n >= MIN_WRAPPED_CHARS
        && cur.contains('、')
        && !cur.contains('。')
        && ends_sentence(next)
        && !starts_block(next)
        && next.chars().count() < n
}

/// `【规范决策程序】市政府…`: a bracketed run-in heading with its paragraph's text after it.
fn run_in_bracket(line: &str) -> bool {
    const MIN_TEXT_CHARS: usize = 8;
    line.strip_prefix('【')
        .and_then(|r| r.split_once('】'))
        .is_some_and(|(_, text)| text.chars().count() >= MIN_TEXT_CHARS)
}

/// The line ends a sentence: 。；：！？ possibly followed by closing quotes or brackets.
pub fn ends_sentence(line: &str) -> bool {
    let closing = |c: char| matches!(c, '”' | '’' | '"' | '\'' | ')' | '】' | '》' | '」' | '』');
    let core = line.trim_end_matches(|c: char| closing(fold_width(c)));
    matches!(
        core.chars().next_back().map(fold_width),
        Some('。' | ';' | ':' | '!' | '?' | '…')
    ) || (core.len() < line.len() && core.is_empty())
}

/// A line that starts a heading, a list item or a web-page element: never the tail of a sentence.
fn starts_block(line: &str) -> bool {
    let mut chars = line.chars().map(fold_width);
    let Some(c0) = chars.next() else {
        return false;
    };
    let c1 = chars.next();
    match c0 {
        '#' | '•' | '·' | '●' | '■' | '◆' | '【' | '[' | '|' | '>' | '-' | '*' => true,
        '(' => c1.is_some_and(|c| c.is_ascii_digit() || super::numerals::is_cn_numeral_char(c)),
        c if c.is_ascii_digit() => {
            let mut rest = line
                .chars()
                .map(fold_width)
                .skip_while(|c| c.is_ascii_digit());
            matches!(rest.next(), Some('.' | '、'))
                && !rest.next().is_some_and(|c| c.is_ascii_digit())
        }
        c if super::numerals::is_cn_numeral_char(c) => matches!(
            line.chars()
                .find(|&c| !super::numerals::is_cn_numeral_char(c)),
            Some('、' | '是')
        ),
        _ => false,
    }
}

/// The line opens with a list or heading number (`1.`, `（二）`, `三、`), not with a figure
/// (`10项，其中…` is the tail of a wrapped sentence).
fn starts_numbered(line: &str) -> bool {
    const MARKER_CHARS: usize = 12;
    let head: String = line.chars().take(MARKER_CHARS).map(fold_width).collect();
    super::outline::heading_marker(&head).is_some()
}

/// The next line cannot begin a paragraph after `last`: a unit, a percent sign or closing punctuation.
fn cannot_start_paragraph(last: char, first: char) -> bool {
    let first = fold_width(first);
    if matches!(
        first,
        '%' | ',' | '。' | '、' | ';' | ':' | ')' | '”' | '’' | '》'
    ) {
        return true;
    }
    fold_width(last).is_ascii_digit()
        && matches!(
            first,
            '年' | '月'
                | '日'
                | '万'
                | '亿'
                | '件'
                | '次'
                | '人'
                | '个'
                | '项'
                | '家'
                | '名'
                | '元'
                | '余'
                | '多'
        )
}

/// `- 3 -`, `— 12 —`, `第 3 页`, `第3页 共8页`: a page number left between two halves of a sentence.
fn is_page_number(line: &str) -> bool {
    // `第 12 页 / 共 120 页` with spaces is the longest form; a body line is longer.
    const MAX_PAGE_LINE: usize = 40;
    if line.len() > MAX_PAGE_LINE || !line.chars().any(|c| fold_width(c).is_ascii_digit()) {
        return false;
    }
    let core: String = line
        .chars()
        .filter(|c| !is_space(*c))
        .map(fold_width)
        .collect();
    // `共8页` after the page's own number says how many pages there are.
    let core = match core.split_once('共') {
        Some((page, total))
            if page.trim_end_matches(['/', ',', '，']).ends_with('页') && total.ends_with('页') =>
        {
            let n = total.trim_end_matches('页');
            if n.is_empty() || !n.chars().all(|c| c.is_ascii_digit()) {
                return false;
            }
            page.trim_end_matches(['/', ',', '，'])
        }
        _ => core.as_str(),
    };
    let inner = core
        .trim_start_matches(['-', '—', '–', '第'])
        .trim_end_matches(['-', '—', '–', '页']);
    inner.len() < core.len() && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_a_page_break_inside_a_number() {
        let src =
            "截至年底，平台共受理群众各类诉求4321件，按时办结率98.76\n\n%。下一段落开始了。\n";
        let n = normalize(src);
        assert!(n.text.contains("办结率98.76%。"), "{}", n.text);
        let at = n.text.find("98.76%").unwrap();
        let span = n.to_source(at..at + "98.76%".len());
        assert!(src[span.start..span.end].starts_with("98.76"));
        assert!(src[span.start..span.end].ends_with('%'));
    }

    #[test]
    fn repairs_a_break_inside_a_word_of_a_long_line() {
        let src = "我们召开专题会议研究部署全年重点工作，并结合明\n\n年任务安排制定了长效机制。\n";
        assert_eq!(
            normalize(src).text,
            "我们召开专题会议研究部署全年重点工作,并结合明年任务安排制定了长效机制。\n"
        );
    }

    #[test]
    fn keeps_real_paragraphs_and_header_lines_apart() {
        let src = "某某县人民政府\n\n某政发〔2024〕3号\n\n一、主要做法\n\n全年办结各类案件很多件。\n\n二、存在问题\n";
        let n = normalize(src);
        assert_eq!(
            n.text.lines().filter(|l| !l.is_empty()).count(),
            5,
            "{}",
            n.text
        );
    }

    #[test]
    fn does_not_join_an_indented_next_paragraph() {
        let src = "  这是第一个段落很长很长很长很长很长很长很长很长很长很长但没有句号\n  这是下一个段落。\n";
        assert_eq!(normalize(src).text.lines().count(), 2);
    }

    #[test]
    fn folds_width_and_drops_layout_spaces_with_crlf() {
        let src = "（一）出庭应诉率为 １００％，共 52 件。\r\nWord 2019 版\r\n";
        assert_eq!(
            normalize(src).text,
            "(一)出庭应诉率为100%,共52件。\nWord 2019版\n"
        );
    }

    #[test]
    fn skips_page_numbers_between_halves() {
        let src =
            "全年共组织开展各类普法宣传活动，以及法律咨询服务活动\n\n- 3 -\n\n多场，受众广泛。\n";
        assert!(normalize(src).text.contains("服务活动多场"));
    }

    #[test]
    fn drops_a_running_header_repeated_after_page_numbers() {
        let src = "主持召开会议专题研究法治建设工作5次，带头学习习近平法治\n\n— 2 —\n\n某局2024年度法治政府建设情况报告\n思想，年终述法。\n一、其他\n全年办理案件很多，\n\n第3页 共8页\n\n某局2024年度法治政府建设情况报告\n件数较多。\n";
        let n = normalize(src);
        assert!(n.text.contains("习近平法治思想,年终述法。"), "{}", n.text);
        assert!(n.text.contains("很多,件数较多。"), "{}", n.text);
        assert!(!n.text.contains("情况报告"), "{}", n.text);
        // A two-page copy: the title set on two lines comes back once as the page's header.
        let two = "某局\n2024年度报告\n\n主持召开会议5次，带头学习习近平法治\n\n- 2 -\n\n某局2024年度报告\n思想。\n";
        assert!(
            normalize(two).text.contains("习近平法治思想。"),
            "{}",
            normalize(two).text
        );
        // Once after a page number is a heading that opens a page, not a header.
        let once = "全年办理案件很多，\n\n- 3 -\n\n二、存在的不足\n";
        assert!(normalize(once).text.contains("二、存在的不足"));
    }

    #[test]
    fn a_numbered_item_wrapped_at_the_line_width_is_joined() {
        let src = "1.全面落实行政执法公示、执法全过程记录、重大执法决定法\n制审核制度。\n(二)提升执法质效\n全年办理案件很多。\n";
        let n = normalize(src);
        assert!(n.text.contains("法制审核制度。"), "{}", n.text);
        assert!(n.text.contains("\n(二)提升执法质效\n"), "{}", n.text);
    }

    #[test]
    fn tabs_between_cells_of_a_table_become_bars() {
        let src =
            "项目\t2023年\t2024年\n行政处罚案件(件)\t96\t118\n发布时间:2025-03-18\t来源:某局\n";
        assert_eq!(
            normalize(src).text,
            "项目|2023年|2024年\n行政处罚案件(件)|96|118\n发布时间:2025-03-18来源:某局\n"
        );
    }

    #[test]
    fn page_numbers_with_a_page_count() {
        for line in [
            "第3页 共8页",
            "第 3 页 / 共 8 页",
            "- 3 -",
            "—12—",
            "— ３ —",
        ] {
            assert!(is_page_number(line), "{line}");
        }
        for line in ["共8页", "第3页共计8页", "第三部分", "2024"] {
            assert!(!is_page_number(line), "{line}");
        }
    }

    #[test]
    fn a_wrapped_bracketed_paragraph_is_joined_but_a_bracketed_title_is_not() {
        let src =
            "【规范决策程序】市政府重大行政决策事项目录共列入事\n项10项，其中已作出决策8项。\n";
        assert_eq!(
            normalize(src).text,
            "【规范决策程序】市政府重大行政决策事项目录共列入事项10项,其中已作出决策8项。\n"
        );
        for src in [
            "【法治政府建设】某某区2022年法治政府建设年度报告\n2022年，我区坚持依法行政。\n",
            "【规范决策程序】市政府重大行政决策事项目录共列\n\n入事项10项。\n",
            "【打印】【关闭】\n某某区人民政府办公室主办\n",
            "【政策解读】图解《某县人民政府关于2022年度法治政府建设情况的报告》\n近日，该报告在县政府门户网站全文公开。\n",
        ] {
            assert_eq!(normalize(src).text.lines().count(), src.lines().count(), "{src}");
        }
    }

    #[test]
    fn markdown_bold_around_a_whole_line_is_dropped() {
        let n = normalize(
            "**一、主要举措和成效**\n\n__（一）强化领导__\n\n**其中**民事8件、**刑事**2件\n",
        );
        assert_eq!(
            n.text,
            "一、主要举措和成效\n\n(一)强化领导\n\n**其中**民事8件、**刑事**2件\n"
        );
        // Offsets still point into the source.
        let s = n.to_source(0..3);
        assert_eq!((s.start, s.end), (2, 5));
    }

    #[test]
    fn pinyin_glosses_after_characters_are_dropped() {
        let src = "区(qū)司法局设（shè）立公共法律服务站，见附件(pdf)和附表(a)。";
        let n = normalize(src);
        assert_eq!(n.text, "区司法局设立公共法律服务站,见附件(pdf)和附表(a)。");
    }
}
