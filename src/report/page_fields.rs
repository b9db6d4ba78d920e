//! The `key:value` fields web pages print around a document — 来源, 发布时间, 浏览次数, 字号【大 中 小】,
//! metadata tables (索引号, 发文机关, 成文日期, 标题…) — often several on one line and glued to the title
//! (`…的报告来源:区司法局发布时间:2024-03-28 09:18`). A line is cut at each key; a value whose shape is
//! known (a date and time, a count, the font-size widget) ends where its shape ends, so text glued after
//! it is left over as a title candidate; free values (来源, 栏目…) run to the next key.

use super::dates::find_date;
use std::ops::Range;

/// What a field says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// 发布时间, 发布日期, 时间, 日期: the page's publication date.
    Published,
    /// 成文日期, 发文日期: the document's own date.
    Issued,
    /// 来源, 信息来源, 发文机关: who published or issued it.
    Source,
    /// 标题, 名称: the document title in a metadata table.
    Title,
    /// 浏览次数, 字号, 栏目, 索引号…: nothing the report model keeps.
    Other,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Date,
    Count,
    FontSize,
    Free,
}

/// Where a key counts without a colon after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bare {
    /// Anywhere: a metadata word no sentence uses (发布时间, 索引号).
    Anywhere,
    /// At the start of the line only: a metadata-table cell (标题 某县…).
    AtStart,
    /// Never: an ordinary word in prose (来源, 时间, 作者).
    Never,
}

/// Keys, longest first where one contains another.
const KEYS: &[(&str, FieldKind, Shape, Bare)] = &[
    (
        "发布时间",
        FieldKind::Published,
        Shape::Date,
        Bare::Anywhere,
    ),
    (
        "發布時間",
        FieldKind::Published,
        Shape::Date,
        Bare::Anywhere,
    ),
    (
        "发布日期",
        FieldKind::Published,
        Shape::Date,
        Bare::Anywhere,
    ),
    (
        "發布日期",
        FieldKind::Published,
        Shape::Date,
        Bare::Anywhere,
    ),
    ("成文日期", FieldKind::Issued, Shape::Date, Bare::Anywhere),
    ("成文时间", FieldKind::Issued, Shape::Date, Bare::Anywhere),
    ("发文日期", FieldKind::Issued, Shape::Date, Bare::Anywhere),
    ("发文时间", FieldKind::Issued, Shape::Date, Bare::Anywhere),
    ("失效时间", FieldKind::Other, Shape::Date, Bare::Anywhere),
    ("信息来源", FieldKind::Source, Shape::Free, Bare::Anywhere),
    ("文章来源", FieldKind::Source, Shape::Free, Bare::Anywhere),
    ("发文机关", FieldKind::Source, Shape::Free, Bare::Anywhere),
    ("发文机构", FieldKind::Source, Shape::Free, Bare::Anywhere),
    ("发布机构", FieldKind::Source, Shape::Free, Bare::Anywhere),
    ("浏览次数", FieldKind::Other, Shape::Count, Bare::Anywhere),
    ("阅读次数", FieldKind::Other, Shape::Count, Bare::Anywhere),
    ("访问次数", FieldKind::Other, Shape::Count, Bare::Anywhere),
    ("点击数", FieldKind::Other, Shape::Count, Bare::Anywhere),
    ("点击量", FieldKind::Other, Shape::Count, Bare::Anywhere),
    ("字号", FieldKind::Other, Shape::FontSize, Bare::Anywhere),
    ("字体", FieldKind::Other, Shape::FontSize, Bare::Anywhere),
    ("索引号", FieldKind::Other, Shape::Free, Bare::Anywhere),
    ("发文字号", FieldKind::Other, Shape::Free, Bare::Anywhere),
    ("主题分类", FieldKind::Other, Shape::Free, Bare::Anywhere),
    ("信息分类", FieldKind::Other, Shape::Free, Bare::Anywhere),
    ("效力状态", FieldKind::Other, Shape::Free, Bare::Anywhere),
    ("栏目", FieldKind::Other, Shape::Free, Bare::Never),
    ("来源", FieldKind::Source, Shape::Free, Bare::Never),
    ("時間", FieldKind::Published, Shape::Date, Bare::Never),
    ("时间", FieldKind::Published, Shape::Date, Bare::Never),
    ("日期", FieldKind::Published, Shape::Date, Bare::Never),
    ("作者", FieldKind::Other, Shape::Free, Bare::Never),
    ("编辑", FieldKind::Other, Shape::Free, Bare::Never),
    ("阅读", FieldKind::Other, Shape::Count, Bare::Never),
    ("分类", FieldKind::Other, Shape::Free, Bare::Never),
    ("文号", FieldKind::Other, Shape::Free, Bare::Never),
    ("标题", FieldKind::Title, Shape::Free, Bare::AtStart),
    ("名称", FieldKind::Title, Shape::Free, Bare::AtStart),
];

/// One field: its kind and the byte range of its value in the line (possibly empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub kind: FieldKind,
    pub value: Range<usize>,
}

/// A line cut into fields, with the text before the first key and after the last shaped value.
#[derive(Debug, Default)]
pub struct FieldLine {
    pub fields: Vec<Field>,
    /// Text before the first key and text glued after a shaped value (title candidates).
    pub residue: Vec<Range<usize>>,
}

/// Cut `line` (normalised) at its keys; `None` when it has none.
pub fn split(line: &str) -> Option<FieldLine> {
    let keys = find_keys(line);
    if keys.is_empty() {
        return None;
    }
    let mut out = FieldLine::default();
    let lead = trim_range(line, 0..keys[0].0.start);
    if !lead.is_empty() {
        out.residue.push(lead);
    }
    for (k, &(ref key, kind, shape)) in keys.iter().enumerate() {
        let end = keys.get(k + 1).map_or(line.len(), |next| next.0.start);
        let free = trim_range(line, key.end..end);
        let value = match shape {
            // `来源:某局 | 2023-01-19 | 阅读 5 次`: a bar ends a free value too.
            Shape::Free => match line[free.clone()].find('|') {
                Some(bar) => {
                    for piece in line[free.start + bar..free.end].split('|') {
                        let at = piece.as_ptr() as usize - line.as_ptr() as usize;
                        let r = trim_range(line, at..at + piece.len());
                        if !r.is_empty() {
                            out.residue.push(r);
                        }
                    }
                    trim_range(line, free.start..free.start + bar)
                }
                None => free,
            },
            _ => {
                let shaped = shaped_len(&line[free.clone()], shape);
                let value = free.start..free.start + shaped;
                let rest = trim_range(line, value.end..free.end);
                if !rest.is_empty() {
                    out.residue.push(rest);
                }
                value
            }
        };
        out.fields.push(Field { kind, value });
    }
    Some(out)
}

/// Every key in the line, in order, with the range the key (and its colon) takes.
fn find_keys(line: &str) -> Vec<(Range<usize>, FieldKind, Shape)> {
    let mut out: Vec<(Range<usize>, FieldKind, Shape)> = Vec::new();
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        let hit = KEYS.iter().find_map(|&(key, kind, shape, bare)| {
            let after = rest.strip_prefix(key)?;
            let spaces = after.len() - after.trim_start().len();
            let colon_len = [":", "："]
                .iter()
                .find(|c| after[spaces..].starts_with(*c))
                .map_or(0, |c| c.len());
            let has_colon = colon_len > 0;
            // A key without a colon counts only at the start of the line (a metadata table cell).
            let at_start = line[..i]
                .trim_matches(|c: char| c.is_whitespace() || "|•·-".contains(c))
                .is_empty();
            let ok = has_colon || bare == Bare::Anywhere || (bare == Bare::AtStart && at_start);
            let end = i + key.len() + if has_colon { spaces + colon_len } else { 0 };
            ok.then_some((i..end, kind, shape))
        });
        match hit {
            Some(h) => {
                i = h.0.end;
                out.push(h);
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// How much of `v` the value of a shaped field takes.
fn shaped_len(v: &str, shape: Shape) -> usize {
    match shape {
        Shape::Date => find_date(v)
            .filter(|(_, r)| r.start == 0)
            .map_or(0, |(_, r)| r.end + time_len(&v[r.end..])),
        Shape::Count => v.len() - v.trim_start_matches(|c: char| c.is_ascii_digit()).len(),
        Shape::FontSize => {
            v.len()
                - v.trim_start_matches(|c: char| "【】[]大中小 :".contains(c))
                    .len()
        }
        Shape::Free => v.len(),
    }
}

/// ` 09:18`, ` 09:18:05`, ` 16: 05`, `09时24分`: a clock time after a date.
fn time_len(s: &str) -> usize {
    let mut j = s.len() - s.trim_start().len();
    let digits = |k: usize| s[k..].bytes().take_while(u8::is_ascii_digit).count();
    let h = digits(j);
    if !(1..=2).contains(&h) {
        return 0;
    }
    j += h;
    let mut parts = 0;
    loop {
        let sep = [":", "时", "分", "秒"]
            .iter()
            .find(|s2| s[j..].starts_with(*s2))
            .map_or(0, |s2| s2.len());
        if sep == 0 {
            break;
        }
        let k = j + sep;
        let sp = s[k..].len() - s[k..].trim_start_matches(' ').len();
        let m = digits(k + sp);
        if m == 0 {
            j = k;
            break;
        }
        j = k + sp + m;
        parts += 1;
    }
    if parts == 0 {
        return 0;
    }
    if s[j..].starts_with("分") || s[j..].starts_with("秒") {
        j += "分".len();
    }
    j
}

fn trim_range(line: &str, r: Range<usize>) -> Range<usize> {
    let junk = |c: char| c.is_whitespace() || "|•·●-—_".contains(c);
    let s = &line[r.clone()];
    let start = r.start + (s.len() - s.trim_start_matches(junk).len());
    let end = r.end - (s.len() - s.trim_end_matches(junk).len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(line: &str) -> (Vec<(FieldKind, &str)>, Vec<&str>) {
        let f = split(line).expect("fields");
        (
            f.fields
                .iter()
                .map(|x| (x.kind, &line[x.value.clone()]))
                .collect(),
            f.residue.iter().map(|r| &line[r.clone()]).collect(),
        )
    }

    #[test]
    fn title_glued_before_the_fields() {
        let (f, rest) =
            show("某县关于2023年度法治政府建设情况的报告来源:县司法局发布时间:2024-03-28 09:18");
        assert_eq!(rest, ["某县关于2023年度法治政府建设情况的报告"]);
        assert_eq!(
            f,
            [
                (FieldKind::Source, "县司法局"),
                (FieldKind::Published, "2024-03-28 09:18")
            ]
        );
    }

    #[test]
    fn title_glued_after_a_shaped_value() {
        let (f, rest) =
            show("栏目:工作动态信息来源:某街道办事处浏览次数:88字号:【大】【中】【小】某街道2024年度法治政府建设情况报告");
        assert_eq!(rest, ["某街道2024年度法治政府建设情况报告"]);
        assert_eq!(f[1], (FieldKind::Source, "某街道办事处"));
        assert_eq!(f[2], (FieldKind::Other, "88"));
    }

    #[test]
    fn metadata_table_cells_and_spaced_times() {
        let (f, _) = show("成文日期:2023-02-17 15:40名称:某区2022年法治政府建设年度报告");
        assert_eq!(
            f,
            [
                (FieldKind::Issued, "2023-02-17 15:40"),
                (FieldKind::Title, "某区2022年法治政府建设年度报告")
            ]
        );
        let (f, _) = show("标题某市人民政府关于2023年度法治政府建设情况的报告");
        assert_eq!(f[0].0, FieldKind::Title);
        let (f, _) = show("发布日期: 2025- 02- 12 16: 05 访问次数: 信息来源: 某市审计局");
        assert_eq!(f[0], (FieldKind::Published, "2025- 02- 12 16: 05"));
        assert_eq!(f[2], (FieldKind::Source, "某市审计局"));
        let (f, _) = show("發布時間:2023年03月16日 09时24分");
        assert_eq!(f[0], (FieldKind::Published, "2023年03月16日 09时24分"));
    }

    #[test]
    fn bars_end_a_free_value() {
        let (f, rest) = show("来源：某区人民政府办公室 | 2023-01-19 | 阅读 57 次");
        assert_eq!(f[0], (FieldKind::Source, "某区人民政府办公室"));
        assert_eq!(rest[0], "2023-01-19");
    }

    #[test]
    fn prose_words_without_a_colon_are_not_keys() {
        assert!(split("全年来源于群众举报的线索共12条,时间跨度较长").is_none());
        assert!(split("本报告的标题与名称均按规定拟定").is_none());
        let (f, _) = show("发文字号某政文〔2024〕4号发布时间2024年03月22日");
        assert_eq!(f[1], (FieldKind::Published, "2024年03月22日"));
    }
}
