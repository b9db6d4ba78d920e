//! Numbers as Word (ST_NumberFormat) and HTML lists render them: 一, 十一, ②, iv, bb.

/// Word keeps nine list levels, each with its own counter while the document is laid out.
pub(crate) const LEVELS: usize = 9;
pub(crate) type Counters = [Option<u32>; LEVELS];

/// One more item at `ilvl` (the first is `start`); every deeper level starts again.
pub(crate) fn advance(counters: &mut Counters, ilvl: usize, start: u32) {
    counters[ilvl] = Some(counters[ilvl].map_or(start, |n| n + 1));
    for deeper in &mut counters[ilvl + 1..] {
        *deeper = None;
    }
}

/// A filled-in level text as Word shows it: none when blank; one ending in ASCII (`1.`) is
/// followed by Word's tab, written as a space, unless the level has no suffix.
pub(crate) fn finish_label(mut label: String, no_suffix: bool) -> Option<String> {
    if label.trim().is_empty() {
        return None;
    }
    if !no_suffix && label.ends_with(|c: char| c.is_ascii()) {
        label.push(' ');
    }
    Some(label)
}

/// `n` as Word renders number format `format` (ST_NumberFormat).
pub(crate) fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "koreanCounting" => chinese(n, &DIGITS, &["", "十", "百", "千"]),
        "chineseLegalSimplified" | "japaneseLegal" => chinese(n, &LEGAL, &["", "拾", "佰", "仟"]),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|d| DIGITS[d.to_digit(10).unwrap_or(0) as usize])
            .collect(),
        "ideographTraditional" => cyclic(n, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => cyclic(n, "子丑寅卯辰巳午未申酉戌亥"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|d| char::from_u32(d as u32 + 0xFEE0).unwrap_or(d))
            .collect(),
        "decimalZero" => format!("{n:02}"),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => enclosed(n, 0x2460, 20),
        "decimalEnclosedParen" => enclosed(n, 0x2474, 20),
        "decimalEnclosedFullstop" => enclosed(n, 0x2488, 20),
        "lowerLetter" => letters(n).to_ascii_lowercase(),
        "upperLetter" => letters(n),
        "lowerRoman" => roman(n).to_ascii_lowercase(),
        "upperRoman" => roman(n),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// Chinese counting below 10 000: 十, 十一, 二十, 一百零五, 一千零一十 (a skipped place is read 零,
/// while `ideographDigital` writes each zero digit as 〇).
fn chinese(n: u32, digits: &[char; 10], units: &[&str; 4]) -> String {
    if n == 0 || n >= 10_000 {
        return n.to_string();
    }
    let parts = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero_pending = false;
    for (i, &d) in parts.iter().enumerate() {
        let unit = units[3 - i];
        if d == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if zero_pending {
            out.push(if digits[0] == '〇' { '零' } else { digits[0] });
            zero_pending = false;
        }
        // 十一, not 一十一, when the number starts at the tens.
        if !(d == 1 && i == 2 && out.is_empty()) {
            out.push(digits[d as usize]);
        }
        out.push_str(unit);
    }
    out
}

fn cyclic(n: u32, symbols: &str) -> String {
    let symbols: Vec<char> = symbols.chars().collect();
    let i = (n.max(1) as usize - 1) % symbols.len();
    symbols[i].to_string()
}

fn enclosed(n: u32, first: u32, count: u32) -> String {
    match n {
        1.. if n <= count => char::from_u32(first + n - 1).map_or(n.to_string(), String::from),
        _ => n.to_string(),
    }
}

fn letters(n: u32) -> String {
    // Word repeats the letter: a … z, aa … zz.
    let n = n.max(1) - 1;
    let letter = char::from(b'A' + (n % 26) as u8);
    std::iter::repeat_n(letter, n as usize / 26 + 1).collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, symbol) in TABLE {
        while n >= value {
            out.push_str(symbol);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn chinese_counting() {
        let got: Vec<String> = [1, 10, 11, 20, 21, 100, 105, 110, 1010]
            .iter()
            .map(|&n| format_number(n, "chineseCounting"))
            .collect();
        assert_eq!(
            got,
            [
                "一",
                "十",
                "十一",
                "二十",
                "二十一",
                "一百",
                "一百零五",
                "一百一十",
                "一千零一十"
            ]
        );
    }

    #[test]
    fn other_formats() {
        assert_eq!(format_number(3, "ideographTraditional"), "丙");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
    }
}
