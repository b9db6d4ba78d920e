#!/usr/bin/env python3
"""Write the PDF fixtures of tests/ingest_producers.rs into tests/fixtures/ingest/.

    apt-get install ghostscript pango1.0-tools fonts-wqy-zenhei
    python3 -m venv v && v/bin/pip install reportlab && v/bin/python scripts/make_ingest_fixtures.py

reportlab (PyPI) writes PDFs the way many report systems do: the non-embedded Adobe CID fonts
STSong-Light and MSung-Light with Adobe's predefined CMaps (UniGB-UCS2-H, GBK-EUC-H, ETen-B5-H)
and no ToUnicode map. Ghostscript's pdfwrite (what ps2pdf and many "print to PDF" drivers run)
re-distils the GBK-EUC-H file: it embeds a substitute font, keeps GBK-EUC-H and adds a ToUnicode
map that covers only the one-byte codes, with two-byte keys and wrong text. cairo (through
pango-view) sets the text in an embedded WenQuanYi Zen Hei subset, Identity-H with ToUnicode,
first lines indented, all on one page as tall as the text. The rest are written here byte by
byte, for what no producer at hand writes: UniGB-UTF16-H with a character outside the BMP, an
embedded CMap with mixed one- and two-byte codes, Identity-H without ToUnicode, and a page that is
only an image (a scan). The text is made up for these tests and is also written as
producers.txt, for comparing verdicts. The reportlab and hand-written files are the same bytes on
every run; Ghostscript and cairo stamp the date.
"""

import subprocess

import os
import sys

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "ingest")

TITLE = "某县司法局2024年法治政府建设情况报告"
PARAGRAPHS = [
    "一、主要工作",
    "（一）健全制度体系。全年审查行政规范性文件36件，合法性审查率达到100%，"
    "清理不符合上位法规定的文件12件，并向社会公布清理结果。",
    "（二）规范执法行为。组织执法人员培训8期，参训人员共计420人次，"
    "行政执法案卷评查合格率为97.5%。",
    "二、存在的问题",
    "基层法治力量仍然薄弱，部分乡镇缺少专职法制审核人员。",
]


def reportlab_pdf(path, font, encode, measure, title=TITLE, paragraphs=PARAGRAPHS):
    """Lay out with the metrics of the Unicode font ``measure`` (reportlab measures strings in
    the byte-encoded CIDFonts as 0 wide), draw in ``font`` with strings ``encode`` makes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(path, pagesize=A4, invariant=1, pageCompression=0)
    c.setTitle(title)
    size, left, right, top, bottom = 14, 72, A4[0] - 72, A4[1] - 80, 100
    width = lambda s, size=size: c.stringWidth(s, measure, size)
    page, y = 1, top

    def footer():
        c.setFont(font, 10)
        folio = f"- {page} -"
        c.drawString((A4[0] - width(folio, 10)) / 2, 50, encode(folio))

    def line(text, x):
        nonlocal y, page
        if y < bottom:
            footer()
            c.showPage()
            page, y = page + 1, top
        c.setFont(font, size)
        c.drawString(x, y, encode(text))
        y -= size * 1.8

    c.setFont(font, 18)
    c.drawString((A4[0] - width(title, 18)) / 2, y, encode(title))
    y -= 18 * 2.5
    for p in paragraphs:
        indent, rest = 2 * size, p
        while rest:
            n = len(rest)
            while width(rest[:n]) > right - left - indent:
                n -= 1
            line(rest[:n], left + indent)
            rest, indent = rest[n:], 0
        y -= size * 0.6
    footer()
    c.save()


def raw_pdf(path, font_dict, content, extra=()):
    """A one-page PDF: font object 4 (``font_dict``), page content ``content``; ``extra``
    objects follow as 6, 7, …"""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>",
        font_dict,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *extra,
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


def type0(encoding, name=b"STSong-Light", ordering=b"GB1"):
    return (b"<< /Type /Font /Subtype /Type0 /BaseFont /" + name + b" /Encoding " + encoding
            + b" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /" + name
            + b" /CIDSystemInfo << /Registry (Adobe) /Ordering (" + ordering
            + b") /Supplement 4 >> /DW 1000 >>] >>")


def hexstr(b):
    return b"<" + b.hex().upper().encode() + b">"


def text_lines(lines):
    """Content drawing each (bytes) line 30 points below the one before."""
    ops = [b"BT /F1 14 Tf 72 760 Td"]
    for i, b in enumerate(lines):
        ops.append((b"0 -30 Td " if i else b"") + hexstr(b) + b" Tj")
    ops.append(b"ET")
    return b"\n".join(ops)


def ghostscript_pdf(source, path):
    """Re-distil ``source`` with pdfwrite; the PDF interpreter substitutes its fallback CJK
    font for the non-embedded STSong-Light."""
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
                    "-sOutputFile=" + path, source], check=True)


def cairo_pdf(text_path, path):
    """pango-view lays the text out with cairo: a paragraph per line, first lines indented two
    characters, wrapped at the width of an A4 text block."""
    subprocess.run(["pango-view", "-q", "--font=WenQuanYi Zen Hei 14", "--language=zh_CN",
                    "--width=451", "--wrap=word-char", "--indent=28", "--line-spacing=1.5",
                    "--margin=72", "-o", path, text_path], check=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    text_path = os.path.join(OUT, "producers.txt")
    with open(text_path, "w", encoding="utf-8") as f:
        f.write("\n".join([TITLE, *PARAGRAPHS]) + "\n")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import CIDFont, UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdfmetrics.registerFont(UnicodeCIDFont("MSung-Light"))
    reportlab_pdf(os.path.join(OUT, "cid_unigb_ucs2.pdf"), "STSong-Light", lambda s: s,
                  "STSong-Light")
    gbk = CIDFont("STSong-Light", "GBK-EUC-H")
    pdfmetrics.registerFont(gbk)
    reportlab_pdf(os.path.join(OUT, "cid_gbk_euc.pdf"), gbk.fontName, lambda s: s.encode("gbk").decode("latin-1"), "STSong-Light")
    ghostscript_pdf(os.path.join(OUT, "cid_gbk_euc.pdf"), os.path.join(OUT, "gs_pdfwrite.pdf"))
    cairo_pdf(text_path, os.path.join(OUT, "cairo_pango.pdf"))
    big5 = CIDFont("MSung-Light", "ETen-B5-H")
    pdfmetrics.registerFont(big5)
    reportlab_pdf(
        os.path.join(OUT, "cid_eten_b5.pdf"), big5.fontName, lambda s: s.encode("big5").decode("latin-1"), "MSung-Light",
        title="某縣司法局2024年法治政府建設情況報告",
        paragraphs=["一、主要工作", "全年審查行政規範性文件36件，合法性審查率達到100%。"],
    )

    utf16 = "全年受理案件𠀀件".encode("utf-16-be")
    raw_pdf(os.path.join(OUT, "cid_unigb_utf16.pdf"), type0(b"/UniGB-UTF16-H"),
            text_lines([utf16]))

    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Mixed-H def\n"
            b"2 begincodespacerange <00> <7F> <8140> <FEFE> endcodespacerange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    mixed = b"<< /Type /CMap /CMapName /Mixed-H /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"
    tounicode = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                 b"2 begincodespacerange <00> <7F> <8140> <FEFE> endcodespacerange\n"
                 b"2 beginbfchar <32> <0032> <C4EA> <5E74> endbfchar\n"
                 b"1 beginbfrange <30> <31> <0030> endbfrange\n"
                 b"endcmap CMapName currentdict /CMap defineresource pop end end")
    to_u = b"<< /Length %d >>\nstream\n" % len(tounicode) + tounicode + b"\nendstream"
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /Mixed /Encoding 6 0 R /ToUnicode 7 0 R"
            b" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Mixed"
            b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>")
    raw_pdf(os.path.join(OUT, "embedded_cmap_mixed.pdf"), font,
            text_lines([b"2020\xC4\xEA", b"2021\xC4\xEA"]), extra=[mixed, to_u])

    raw_pdf(os.path.join(OUT, "identity_no_tounicode.pdf"),
            type0(b"/Identity-H", name=b"ABCDEF+SimSun"),
            text_lines([bytes([0, 0x21, 0, 0x22, 0, 0x23]), bytes([0, 0x24, 0, 0x25])]))

    pixel = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray" \
            b" /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
    raw_pdf(os.path.join(OUT, "image_only.pdf"), type0(b"/Identity-H"),
            b"q 595 0 0 842 0 0 cm /Im1 Do Q", extra=[pixel])


if __name__ == "__main__":
    sys.exit(main())
