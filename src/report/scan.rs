//! Hand-written matchers for the parser's small fixed patterns (years, dates, 文号, number runs).
//!
//! Building a regex costs about 1–4 M instructions, more than parsing a whole report, and a cold
//! `fzcheck check` would pay it for each of these on every run. Each matcher keeps the leftmost-first,
//! greedy semantics of the regex named in its comment; a test checks them against those regexes on
//! the real reports.

use std::ops::Range;

/// Length of `(?:19|20)[0-9]{2}` at the start of `s`.
pub fn year_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let century = b.starts_with(b"19") || b.starts_with(b"20");
    (century && b.len() >= 4 && b[2].is_ascii_digit() && b[3].is_ascii_digit()).then_some(4)
}

/// Number of ASCII digits at the start of `s`.
pub fn digit_run(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// Length of the whitespace (`\s*`) at the start of `s`.
fn ws_len(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// Length of an optional single space (` ?`) at the start of `s`.
fn space_len(s: &str) -> usize {
    usize::from(s.starts_with(' '))
}

/// Length of one of `chars` at the start of `s`.
fn one_of(s: &str, chars: &[char]) -> Option<usize> {
    s.chars()
        .next()
        .filter(|c| chars.contains(c))
        .map(char::len_utf8)
}

/// Start offsets of candidate years (`1…`/`2…`) in `s`, in order.
fn year_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'1', b'2', s.as_bytes()).filter(move |&i| year_len(&s[i..]).is_some())
}

/// `((?:19|20)\d{2}) ?年`: the range of the year.
pub fn year_before_nian(s: &str) -> Option<Range<usize>> {
    year_starts(s).find_map(|i| {
        let j = i + 4 + space_len(&s[i + 4..]);
        s[j..].starts_with('年').then_some(i..i + 4)
    })
}

/// `^((?:19|20)\d{2})年度?(?:[,:以是全]|来)|现将((?:19|20)\d{2})年`: the range of the year.
pub fn opening_year(s: &str) -> Option<Range<usize>> {
    let at_start = year_len(s).and_then(|_| {
        let rest = s[4..].strip_prefix('年')?;
        let rest = rest.strip_prefix('度').unwrap_or(rest);
        let follows =
            one_of(rest, &[',', ':', '以', '是', '全']).is_some() || rest.starts_with('来');
        follows.then_some(0..4)
    });
    at_start.or_else(|| {
        s.match_indices("现将").find_map(|(i, m)| {
            let y = i + m.len();
            year_len(&s[y..])?;
            s[y + 4..].starts_with('年').then_some(y..y + 4)
        })
    })
}

/// A date written with digits: the year, month and day ranges and the whole match.
pub struct DigitDate {
    pub year: Range<usize>,
    pub month: Range<usize>,
    pub day: Range<usize>,
    pub whole: Range<usize>,
}

/// `((?:19|20)\d{2}) ?[-/.年] ?(\d{1,2}) ?[-/.月] ?(\d{1,2})(?: ?日)?`, every match in order.
pub fn digit_dates(s: &str) -> impl Iterator<Item = DigitDate> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let found = year_starts(&s[from..]).find_map(|i| digit_date_at(s, from + i))?;
        from = found.whole.end;
        Some(found)
    })
}

fn digit_date_at(s: &str, i: usize) -> Option<DigitDate> {
    let mut j = i + 4;
    j += space_len(&s[j..]);
    j += one_of(&s[j..], &['-', '/', '.', '年'])?;
    j += space_len(&s[j..]);
    let month = j..j + digit_run(&s[j..]).min(2);
    j = month.end;
    j += space_len(&s[j..]);
    j += one_of(&s[j..], &['-', '/', '.', '月'])?;
    j += space_len(&s[j..]);
    let day = j..j + digit_run(&s[j..]).min(2);
    if month.is_empty() || day.is_empty() {
        return None;
    }
    let mut end = day.end;
    let nian = space_len(&s[end..]);
    if s[end + nian..].starts_with('日') {
        end += nian + '日'.len_utf8();
    }
    Some(DigitDate {
        year: i..i + 4,
        month,
        day,
        whole: i..end,
    })
}

/// `[\p{Han}A-Za-z]{1,12}[〔\[(【]\s*(?:19|20)\d{2}\s*[〕\])】]\s*第?\s*\d{1,4}\s*号`: the first match.
pub fn doc_number(s: &str) -> Option<Range<usize>> {
    let opens = ['〔', '[', '(', '【'];
    s.match_indices(opens).find_map(|(b, open)| {
        // The issuer's abbreviation: up to 12 Han characters or letters right before the bracket.
        let start = s[..b]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_han_or_letter(c))
            .take(12)
            .last()?
            .0;
        let mut j = b + open.len();
        j += ws_len(&s[j..]);
        year_len(&s[j..])?;
        j += 4;
        j += ws_len(&s[j..]);
        j += one_of(&s[j..], &['〕', ']', ')', '】'])?;
        j += ws_len(&s[j..]);
        if s[j..].starts_with('第') {
            j += '第'.len_utf8();
        }
        j += ws_len(&s[j..]);
        let digits = digit_run(&s[j..]);
        if !(1..=4).contains(&digits) {
            return None;
        }
        j += digits;
        j += ws_len(&s[j..]);
        s[j..].starts_with('号').then(|| start..j + '号'.len_utf8())
    })
}

fn is_han_or_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || super::script::is_han(c)
}

/// `[0-9]+|[零〇一二两三四五六七八九十百千万亿]+`: maximal runs of ASCII digits or of Chinese numerals.
pub fn number_runs(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    use super::numerals::is_cn_numeral_char as cn;
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || loop {
        let (start, c) = chars.next()?;
        let same: fn(char) -> bool = if c.is_ascii_digit() {
            |c| c.is_ascii_digit()
        } else if cn(c) {
            cn
        } else {
            continue;
        };
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek().filter(|&&(_, c)| same(c)) {
            end = i + c.len_utf8();
            chars.next();
        }
        return Some(start..end);
    })
}

/// `《[^《》\n]{1,100}》`: quoted document titles, in order.
pub fn book_titles(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    const MAX_CHARS: usize = 100;
    // memmem, not str::find: that one scans for 《's last byte, which half of CJK text shares.
    let opening = memchr::memmem::Finder::new("《");
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let open = from + opening.find(&s.as_bytes()[from..])?;
        let inner = open + '《'.len_utf8();
        // Only the next hundred characters can hold the title: a paragraph without one is
        // not read to its end.
        let window = s[inner..]
            .char_indices()
            .nth(MAX_CHARS)
            .map_or(s.len(), |(i, _)| inner + i);
        let len = s[inner..window]
            .find(['《', '》', '\n'])
            .unwrap_or(window - inner);
        from = inner + len;
        if len > 0 && s[from..].starts_with('》') {
            from += '》'.len_utf8();
            return Some(open..from);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::NormText;
    use regex::Regex;

    /// Every line of the real reports, and lines built to reach each branch.
    fn haystacks() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
        // A fresh clone has no ../shared: then only the built lines below (CI=true requires it).
        let seeds = std::path::Path::new(dir).exists();
        let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
        assert!(seeds || !ci, "{dir} is missing (CI=true)");
        let mut lines: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
            .flat_map(|e| {
                let text = std::fs::read_to_string(e.path()).unwrap_or_default();
                text.lines()
                    .map(|l| NormText::new(l).text)
                    .collect::<Vec<_>>()
            })
            .collect();
        lines.extend(
            [
                "2023年,全区", "2023年度以来", "2023年来", "2023年度是", "现将2024年法治政府建设情况报告如下",
                "2024 年12月5日", "2024-1-05", "2024/123/4", "2024.1.2 日", "1999年13月40日,2000年2月3日",
                "12024年1月1日", "辽中区政发〔2024〕12号", "区府办[ 2023 ] 第 7 号", "XX(2023)12345号",
                "很长很长很长很长很长很长很长的机关〔2023〕1号", "〔2023〕1号", "政发〔〔2024〕12号", "关于。、政发【2024】12号", "《办法》〔2024〕3 号", "现将有关情况\n报告如下",
                "现将一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十报告如下",
                "现将一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一报告如下",
                "共3万5千人,12.5%和二〇二三年", "", "1", "19", "200",
                "《》《办法》", "《《条例》》", "《未完\n》", "《甲》、《乙》和《丙", "》《",
                "《一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十》",
                "《一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一》《短》",
            ]
            .map(String::from),
        );
        assert!(
            !seeds || lines.len() > 200,
            "the seeds were not read from {dir}"
        );
        lines
    }

    #[test]
    fn matchers_agree_with_the_regexes_they_replace() {
        let re = |p: &str| Regex::new(p).unwrap();
        let year = re(r"((?:19|20)\d{2}) ?年");
        let opening = re(r"^((?:19|20)\d{2})年度?(?:[,:以是全]|来)|现将((?:19|20)\d{2})年");
        let doc =
            re(r"[\p{Han}A-Za-z]{1,12}[〔\[(【]\s*(?:19|20)\d{2}\s*[〕\])】]\s*第?\s*\d{1,4}\s*号");
        let date = re(r"((?:19|20)\d{2}) ?[-/.年] ?(\d{1,2}) ?[-/.月] ?(\d{1,2})(?: ?日)?");
        let runs = re("[0-9]+|[零〇一二两三四五六七八九十百千万亿]+");
        let titles = re(r"《[^《》\n]{1,100}》");
        for s in haystacks() {
            let want: Vec<_> = titles.find_iter(&s).map(|m| m.range()).collect();
            assert_eq!(book_titles(&s).collect::<Vec<_>>(), want, "{s}");
            let want = year.captures(&s).and_then(|c| c.get(1)).map(|m| m.range());
            assert_eq!(year_before_nian(&s), want, "{s}");
            let want = opening
                .captures(&s)
                .and_then(|c| c.get(1).or_else(|| c.get(2)));
            assert_eq!(opening_year(&s), want.map(|m| m.range()), "{s}");
            assert_eq!(doc_number(&s), doc.find(&s).map(|m| m.range()), "{s}");
            let want: Vec<_> = date
                .captures_iter(&s)
                .map(|c| [0, 1, 2, 3].map(|g| c.get(g).unwrap().range()))
                .collect();
            let got: Vec<_> = digit_dates(&s)
                .map(|d| [d.whole, d.year, d.month, d.day])
                .collect();
            assert_eq!(got, want, "{s}");
            let want: Vec<_> = runs.find_iter(&s).map(|m| m.range()).collect();
            assert_eq!(number_runs(&s).collect::<Vec<_>>(), want, "{s}");
        }
    }
}
