//! Encodings and format recognition.
#[macro_use]
mod seeds;

use fzcheck::ingest::{read_bytes, EncodingChoice, Format, IngestError, IngestOptions};

const SAMPLE: &str = "一、总体情况\r\n全年办理行政复议案件36件。\r\n";

fn auto() -> IngestOptions {
    IngestOptions::default()
}

fn forced(encoding: EncodingChoice) -> IngestOptions {
    IngestOptions { encoding }
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = (if bom { "\u{feff}" } else { "" })
        .encode_utf16()
        .chain(text.encode_utf16());
    for u in units {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

fn gb18030(text: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(text).0.into_owned()
}

fn seed(name: &str) -> Vec<u8> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/formats/");
    std::fs::read(format!("{dir}{name}")).unwrap()
}

#[test]
fn utf8_with_and_without_bom() {
    let plain = read_bytes("a.txt", SAMPLE.as_bytes(), &auto()).unwrap();
    assert_eq!((plain.text.as_str(), plain.encoding), (SAMPLE, "UTF-8"));
    let bom = [b"\xEF\xBB\xBF".as_slice(), SAMPLE.as_bytes()].concat();
    let with_bom = read_bytes("a.txt", &bom, &auto()).unwrap();
    assert_eq!(with_bom.text, SAMPLE, "BOM dropped, CRLF kept");
    assert_eq!(with_bom.format, Format::Text);
}

#[test]
fn utf16_le_and_be_with_bom() {
    let le = read_bytes("a.txt", &utf16(SAMPLE, false, true), &auto()).unwrap();
    assert_eq!((le.text.as_str(), le.encoding), (SAMPLE, "UTF-16LE"));
    let be = read_bytes("a.txt", &utf16(SAMPLE, true, true), &auto()).unwrap();
    assert_eq!((be.text.as_str(), be.encoding), (SAMPLE, "UTF-16BE"));
}

#[test]
fn gb18030_is_detected() {
    let doc = read_bytes("a.txt", &gb18030(SAMPLE), &auto()).unwrap();
    assert_eq!((doc.text.as_str(), doc.encoding), (SAMPLE, "gb18030"));
}

#[test]
fn utf16_without_bom_is_recognised_by_content() {
    for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let doc = read_bytes("a.txt", &utf16(SAMPLE, big_endian, false), &auto()).unwrap();
        assert_eq!((doc.text.as_str(), doc.encoding), (SAMPLE, name));
        // Chinese alone has no NUL byte to go by.
        let chinese = "法治政府建设年度报告全年办理行政复议案件";
        let doc = read_bytes("b.txt", &utf16(chinese, big_endian, false), &auto()).unwrap();
        assert_eq!((doc.text.as_str(), doc.encoding), (chinese, name));
    }
    // ASCII of an even length stays ASCII, though its byte pairs read as CJK in UTF-16.
    let ascii = "Annual report 2024\n";
    let doc = read_bytes("c.txt", ascii.as_bytes(), &auto()).unwrap();
    assert_eq!((doc.text.as_str(), doc.encoding), (ascii, "UTF-8"));
}

/// A Taiwan or Hong Kong copy in Big5 is valid GB18030 too; it must not be read as GB nonsense.
#[test]
fn big5_is_told_from_gb18030() {
    let text = "一、總體情況\r\n全年辦理行政復議案件三十六件，其中糾錯五件，\
                行政機關負責人出庭應訴率達到百分之百。\r\n";
    let big5 = encoding_rs::BIG5.encode(text).0.into_owned();
    let doc = read_bytes("tw.txt", &big5, &auto()).unwrap();
    assert_eq!((doc.text.as_str(), doc.encoding), (text, "Big5"));
    let doc = read_bytes("tw.txt", &big5, &forced(EncodingChoice::Big5)).unwrap();
    assert_eq!(doc.text, text);
    let simplified = "一、总体情况\r\n全年办理行政复议案件三十六件，其中纠错五件，\
                      行政机关负责人出庭应诉率达到百分之百。\r\n";
    let doc = read_bytes("cn.txt", &gb18030(simplified), &auto()).unwrap();
    assert_eq!((doc.text.as_str(), doc.encoding), (simplified, "gb18030"));
}

#[test]
fn utf8_cut_off_inside_its_last_character() {
    let whole = "全年办理行政复议案件36件。";
    let bytes = [whole.as_bytes(), &"年".as_bytes()[..2]].concat();
    let doc = read_bytes("cut.txt", &bytes, &auto()).unwrap();
    assert_eq!((doc.text.as_str(), doc.encoding), (whole, "UTF-8"));
}

#[test]
fn encoding_option_overrides_detection() {
    let bytes = utf16(SAMPLE, false, false);
    let doc = read_bytes("a.txt", &bytes, &forced(EncodingChoice::Utf16Le)).unwrap();
    assert_eq!(doc.text, SAMPLE);
    // Forcing UTF-8 on GB18030 text reports where it goes wrong instead of guessing.
    let gb = [b"ok\n".as_slice(), &gb18030(SAMPLE)].concat();
    match read_bytes("gb.txt", &gb, &forced(EncodingChoice::Utf8)) {
        Err(IngestError::InvalidBytes {
            encoding,
            offset,
            line,
            ..
        // 一 is D2 BB in GB18030, which happens to be valid UTF-8 (U+04BB); 、 (A1 A2) is not.
        }) => assert_eq!((encoding, offset, line), ("UTF-8", 5, 2)),
        other => panic!("{other:?}"),
    }
    let doc = read_bytes("gb.txt", &gb, &forced(EncodingChoice::Gb18030)).unwrap();
    assert_eq!(doc.text, format!("ok\n{SAMPLE}"));
}

#[test]
fn encoding_names_for_the_command_line() {
    for (name, choice) in [
        ("auto", EncodingChoice::Auto),
        ("UTF-8", EncodingChoice::Utf8),
        ("utf16le", EncodingChoice::Utf16Le),
        ("utf-16be", EncodingChoice::Utf16Be),
        ("GBK", EncodingChoice::Gb18030),
        ("gb2312", EncodingChoice::Gb18030),
    ] {
        assert_eq!(name.parse::<EncodingChoice>(), Ok(choice), "{name}");
    }
    assert_eq!("Big5".parse::<EncodingChoice>(), Ok(EncodingChoice::Big5));
    assert!("latin1"
        .parse::<EncodingChoice>()
        .unwrap_err()
        .contains("big5"));
}

#[test]
fn invalid_bytes_are_located() {
    let bytes = [SAMPLE.as_bytes(), b"\xFF\xFF tail"].concat();
    let err = read_bytes("bad.txt", &bytes, &auto()).unwrap_err();
    match &err {
        IngestError::InvalidBytes { offset, line, .. } => {
            assert_eq!((*offset, *line), (SAMPLE.len(), 3))
        }
        other => panic!("{other:?}"),
    }
    let message = err.to_string();
    assert!(message.starts_with("bad.txt: 第 3 行"), "{message}");
    assert!(message.contains("--encoding"), "{message}");
    // An unpaired surrogate in UTF-16.
    let mut utf16le = utf16("一二", false, true);
    utf16le.extend([0x00, 0xD8, b'a', 0]);
    match read_bytes("u.txt", &utf16le, &auto()) {
        Err(IngestError::InvalidBytes {
            encoding, offset, ..
        }) => {
            assert_eq!((encoding, offset), ("UTF-16LE", 6))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn damaged_utf8_is_not_mistaken_for_gb18030() {
    // 啊 in GB18030 spliced into UTF-8 text: as a whole it decodes as GB18030 without error, to
    // 娉曟不鏀垮簻寤鸿骞村害鎶ュ憡….
    let text = "法治政府建设年度报告\n";
    let bytes = [text.as_bytes(), b"\xB0\xA1", text.as_bytes()].concat();
    match read_bytes("damaged.txt", &bytes, &auto()) {
        Err(IngestError::InvalidBytes {
            encoding, offset, ..
        }) => assert_eq!((encoding, offset), ("UTF-8", text.len())),
        other => panic!("{other:?}"),
    }
}

#[test]
fn markdown_or_text() {
    let md = read_bytes("a.txt", "# 报告\n\n## 一、总体情况\n".as_bytes(), &auto()).unwrap();
    assert_eq!(md.format, Format::Markdown);
    let by_name = read_bytes("a.md", SAMPLE.as_bytes(), &auto()).unwrap();
    assert_eq!(by_name.format, Format::Markdown);
    let hashtag = read_bytes("a.txt", "#法治政府# 话题\n".as_bytes(), &auto()).unwrap();
    assert_eq!(hashtag.format, Format::Text);
}

#[test]
fn format_comes_from_content_not_extension() {
    need_shared!("seeds/formats");
    let cases = [
        ("000_6a7d678843610ca3.docx", "report.txt", Format::Docx),
        ("000_6a7d678843610ca3.pdf", "report.docx", Format::Pdf),
        ("000_6a7d678843610ca3.html", "report.txt", Format::Html),
        (
            "000_6a7d678843610ca3.gb18030.txt",
            "report.html",
            Format::Markdown,
        ),
    ];
    for (file, name, format) in cases {
        let doc = read_bytes(name, &seed(file), &auto()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(doc.format, format, "{file} as {name}");
        assert!(doc.text.contains("辽中区司法局"), "{file} as {name}");
    }
}

#[test]
fn html_in_a_declared_legacy_charset() {
    let page = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
        <meta name=\"PubDate\" content=\"2025-03-28 09:30\"><title>示例县司法局2024年法治政府建设情况报告_示例县人民政府</title></head>\
        <body><div class=\"nav\">首页 | 政务公开</div><div class=\"TRS_Editor\"><p>一、总体情况</p>\
        <p>全年办理行政复议案件36件，其中纠错5件，同比增长&nbsp;12%。全年共审核规范性文件42件，提出修改意见118条，法律顾问参与重大决策事项27件。</p>\
        <table><tr><td>项目</td><td>件数</td></tr><tr><td>行政复议</td><td><p>36</p></td></tr></table>\
        <h3>工作成效</h3><ol start=\"3\"><li>深化法治宣传。</li></ol><script>var x = '不应出现';</script></div>\
        <div class=\"footer\">版权所有</div></body></html>";
    let doc = read_bytes("page.htm", &gb18030(page), &auto()).unwrap();
    assert_eq!(doc.format, Format::Html);
    assert_eq!(doc.encoding, "gb18030");
    assert_eq!(
        doc.text,
        "一、总体情况\n\n全年办理行政复议案件36件，其中纠错5件，同比增长\u{a0}12%。全年共审核规范性文件42件，\
         提出修改意见118条，法律顾问参与重大决策事项27件。\n\n项目 | 件数\n\n行政复议 | 36\n\n### 工作成效\n\n3. 深化法治宣传。"
    );
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("示例县司法局2024年法治政府建设情况报告")
    );
    assert_eq!(doc.meta.published.as_deref(), Some("2025-03-28 09:30"));
}

#[test]
fn asp_net_page_wrapped_in_a_form() {
    let page = "<!DOCTYPE html><html><body><form id=\"form1\"><div class=\"breadcrumb\">首页 &gt; 通知公告</div>\
        <div id=\"zoom\" class=\"print\"><p>一、总体情况</p><p>全年办理行政复议案件36件。</p></div></form></body></html>";
    let doc = read_bytes("p.aspx", page.as_bytes(), &auto()).unwrap();
    assert_eq!(doc.text, "一、总体情况\n\n全年办理行政复议案件36件。");
}

#[test]
fn page_without_known_container_uses_text_density() {
    let filler = "县司法局全面推进严格规范公正文明执法，行政执法案卷评查优秀率达到百分之八十以上。"
        .repeat(4);
    let page = format!(
        "<html><body><div id=\"menu\"><a href=\"/\">首页</a><a href=\"/a\">机构概况</a></div>\
         <div id=\"main-box\"><div class=\"wrap\"><p>{filler}</p><p>{filler}</p></div></div>\
         <div class=\"links\"><p>友情链接</p></div></body></html>"
    );
    let doc = read_bytes("p.html", page.as_bytes(), &auto()).unwrap();
    assert_eq!(doc.text, format!("{filler}\n\n{filler}"));
}
