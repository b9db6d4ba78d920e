#!/usr/bin/env python3
"""Build the example .docx files of tests/fixtures/docx/ with the Python standard library only.

  python3 scripts/make_docx_examples.py

numbered.docx  Word heading styles that carry automatic numbering (numbering.xml): 一、 (chineseCounting),
               （一） (chineseCounting), 1. (decimal, restarting under each （一）); the paragraph text has
               no numbers of its own. A table of figures. A title in docProps/core.xml.
headings.docx  Chinese-named heading styles (标题 1, 标题 2) without numbering, as WPS writes them; the
               numbers are typed, and one heading has none.

The report is fictional: a 县司法局 reporting on 2024.
"""
import os
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "docx")

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>"""


def core(title):
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{escape(title)}</dc:title><dc:creator>示例县司法局</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-20T08:00:00Z</dcterms:created>
</cp:coreProperties>"""


def style(style_id, name, outline=None, num=None):
    ppr = ""
    if outline is not None or num is not None:
        inner = ""
        if num is not None:
            inner += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        if outline is not None:
            inner += f'<w:outlineLvl w:val="{outline}"/>'
        ppr = f"<w:pPr>{inner}</w:pPr>"
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="Normal"/>{ppr}</w:style>')


def styles(extra):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
            + "".join(extra) + "</w:styles>")


def level(ilvl, fmt, text):
    # Chinese labels end in 、 or ）, so Word is told to put nothing after them; 1. gets a tab.
    suff = "" if fmt == "decimal" else '<w:suff w:val="nothing"/>'
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{suff}<w:lvlJc w:val="left"/></w:lvl>')


NUMBERING = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>'
             '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
             + level(0, "chineseCounting", "%1、")
             + level(1, "chineseCounting", "（%2）")
             + level(2, "decimal", "%3.")
             + '</w:abstractNum>'
             '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
             + level(0, "bullet", "\u2022")
             + '</w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
             '</w:numbering>')


def para(text, style_id=None, num=None):
    ppr = ""
    if style_id or num:
        inner = f'<w:pStyle w:val="{style_id}"/>' if style_id else ""
        if num:
            inner += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr = f"<w:pPr>{inner}</w:pPr>"
    # Split the text over two runs, as Word does after an edit.
    half = len(text) // 2
    runs = "".join(f'<w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r>' for t in (text[:half], text[half:]) if t)
    return f"<w:p>{ppr}{runs}</w:p>"


def table(rows):
    def cell(text):
        return f"<w:tc><w:tcPr/>{para(text)}</w:tc>"
    body = "".join("<w:tr>" + "".join(cell(c) for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/>{body}</w:tbl>"


def document(blocks):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>'
            + "".join(blocks) + "<w:sectPr/></w:body></w:document>")


def write(name, parts):
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            # A fixed timestamp keeps the files identical from run to run.
            info = zipfile.ZipInfo(part, date_time=(2025, 1, 20, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    print("wrote", os.path.normpath(path))


def package(doc, style_xml, title):
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": RELS,
        "word/_rels/document.xml.rels": DOC_RELS,
        "word/document.xml": doc,
        "word/styles.xml": style_xml,
        "word/numbering.xml": NUMBERING,
        "docProps/core.xml": core(title),
    }


def numbered():
    h1, h2 = ("Heading1", None), ("Heading2", None)
    item = (None, ("1", 2))
    body = [
        para("示例县司法局2024年法治政府建设年度报告", "Title"),
        para("2024年，县司法局在县委、县政府领导下，统筹推进法治政府建设各项工作，现将有关情况报告如下。"),
        para("2024年推进法治政府建设的主要举措和成效", *h1),
        para("健全依法行政制度体系", *h2),
        para("完成县政府规范性文件合法性审核42件，提出修改意见118条。", *item),
        para("开展规范性文件清理，废止文件6件、修改文件3件。", *item),
        para("严格规范公正文明执法", *h2),
        para("组织行政执法案卷评查，评查案卷210卷，优秀率82%。", *item),
        para("办理行政复议案件36件，其中纠错5件，纠错率13.9%。", *item),
        para("行政诉讼案件主要负责人出庭应诉率达到100%。", *item),
        table([["项目", "2023年", "2024年"], ["行政复议案件", "31", "36"], ["法律援助案件", "412", "455"]]),
        para("党政主要负责人履行推进法治建设第一责任人职责情况", *h1),
        para("县司法局党组书记、局长带头学法、述法，全年主持召开专题会议4次。"),
        para("存在的不足和原因", *h1),
        para("基层执法人员法律素养有待提高。", None, ("2", 0)),
        para("2025年推进法治政府建设的主要安排", *h1),
        para("深化法治宣传教育", *h2),
        para("全面完成“八五”普法总结验收。", *item),
    ]
    style_xml = styles([
        style("Title", "Title"),
        style("Heading1", "heading 1", outline=0, num=("1", 0)),
        style("Heading2", "heading 2", outline=1, num=("1", 1)),
    ])
    write("numbered.docx", package(document(body), style_xml, "示例县司法局2024年法治政府建设年度报告"))


def headings():
    body = [
        para("一、主要工作", "1"),
        para("（一）推进严格执法", "2"),
        para("全年开展执法检查15次。"),
        para("工作成效", "2"),
        para("群众满意度保持在95%以上。"),
    ]
    style_xml = styles([style("1", "标题 1", outline=0), style("2", "标题 2", outline=1)])
    write("headings.docx", package(document(body), style_xml, ""))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    numbered()
    headings()
