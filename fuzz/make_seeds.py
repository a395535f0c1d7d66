#!/usr/bin/env python3
"""Builds starting corpora for the fuzz targets in fuzz/corpus/<target>/ (not committed).

Seeds come from the real reports in tests/fixtures/*.txt: cuts of a few KB at line breaks,
the same cuts in GBK, Big5 and UTF-16, wrapped in web pages, and packed into small real
.docx files (with Word automatic numbering). After fuzzing, `cargo fuzz cmin` shrinks the
corpus and the survivors are copied to fuzz/seeds/<target>/, which is committed.

    python3 fuzz/make_seeds.py        # from the repository root or from fuzz/
"""

import hashlib
import io
import pathlib
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "corpus"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Name selectors of the `input` target (first byte modulo 8).
TXT, DOCX, HTML, DOC, NONAME = 0, 1, 2, 3, 4


def fixtures():
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").glob("*.txt"))]


def cuts(text, size):
    """Pieces of about `size` bytes, cut at line breaks."""
    out, cur = [], []
    n = 0
    for line in text.splitlines(keepends=True):
        cur.append(line)
        n += len(line.encode())
        if n >= size:
            out.append("".join(cur))
            cur, n = [], 0
    if cur:
        out.append("".join(cur))
    return out


def write(target, data):
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="3"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="space"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/><w:lvlRestart w:val="0"/></w:lvl>
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
</w:numbering>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"""


def para(text, ilvl=None, num=7, style=None):
    ppr = ""
    if ilvl is not None:
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
    elif style:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r></w:p>'


def document(body):
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )


def docx_body(text):
    """Paragraphs of a report cut; every few lines numbered, one table, one tracked deletion."""
    out = []
    for k, line in enumerate(l for l in text.splitlines() if l.strip()):
        if k % 7 == 1:
            out.append(para(line[:30], ilvl=0))
        elif k % 7 == 3:
            out.append(para(line[:30], ilvl=1, num=8 if k % 2 else 7))
        elif k % 7 == 5:
            out.append(para(line[:30], style="Heading2"))
        else:
            out.append(para(line))
    out.append(
        "<w:tbl><w:tr><w:tc>" + para("指标") + "</w:tc><w:tc>" + para("2023年") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + para("行政复议案件") + "</w:tc><w:tc>" + para("128件") + "</w:tc></w:tr></w:tbl>"
    )
    out.append('<w:p><w:del><w:r><w:delText>删除的文字</w:delText></w:r></w:del><w:r><w:t>保留</w:t><w:tab/><w:t>制表</w:t><w:br/><w:t>换行</w:t></w:r></w:p>')
    out.append('<w:p><mc:AlternateContent><mc:Choice><w:r><w:t>文本框</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>文本框</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>')
    return "".join(out)


def docx_file(doc_xml, numbering=True, styles=True):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", doc_xml)
        if numbering:
            z.writestr("word/numbering.xml", NUMBERING)
        if styles:
            z.writestr("word/styles.xml", STYLES)
    return buf.getvalue()


def page(text, charset="utf-8"):
    paras = "".join(f"<p>{xml_escape(l)}</p>\n" for l in text.splitlines() if l.strip())
    return (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>2023年法治政府建设年度报告_某区人民政府</title><script>var a='<p>x</p>';</script>"
        f'<style>p{{margin:0}}</style></head><body><div class="nav"><a href="/">首页</a> &gt; 政务公开</div>'
        f'<div id="zoom" class="TRS_Editor">{paras}<table><tr><td>指标</td><td>128件</td></tr></table></div>'
        f'<div class="footer">版权所有 &copy; 2023 &nbsp;&#x3002;&#12290;&ldquo;引号&rdquo;</div></body></html>'
    )


# ---- PDF and layout -----------------------------------------------------------------------


def pdf_file(objects, xref_stream=False):
    """A PDF from object bodies (object n is objects[n - 1]; object 1 is the catalog). With
    `xref_stream`, objects 2.. go into a compressed object stream indexed by an xref stream."""
    import zlib

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    if not xref_stream:
        offsets = []
        for i, body in enumerate(objects, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
        return bytes(out)
    # Streams cannot live in an object stream: keep them as plain objects.
    plain = [i for i, b in enumerate(objects, 1) if b"stream\n" in b or i == 1]
    packed = [i for i in range(1, len(objects) + 1) if i not in plain]
    header, body = [], b""
    for i in packed:
        header.append(b"%d %d" % (i, len(body)))
        body += objects[i - 1] + b"\n"
    head = b" ".join(header) + b"\n"
    objstm_id = len(objects) + 1
    data = zlib.compress(head + body)
    objstm = b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (
        len(packed), len(head), len(data)) + data + b"\nendstream"
    offsets = {}
    for i in plain:
        offsets[i] = len(out)
        out += b"%d 0 obj\n" % i + objects[i - 1] + b"\nendobj\n"
    offsets[objstm_id] = len(out)
    out += b"%d 0 obj\n" % objstm_id + objstm + b"\nendobj\n"
    xref_id = objstm_id + 1
    rows = [b"\x00\x00\x00\x00\xff\xff"]
    for i in range(1, xref_id + 1):
        if i in packed:
            rows.append(b"\x02" + objstm_id.to_bytes(4, "big") + packed.index(i).to_bytes(1, "big"))
        elif i == xref_id:
            rows.append(b"\x01" + len(out).to_bytes(4, "big") + b"\x00")
        else:
            rows.append(b"\x01" + offsets[i].to_bytes(4, "big") + b"\x00")
    rows[0] = b"\x00" + b"\x00\x00\x00\x00" + b"\xff"
    table = zlib.compress(b"".join(rows))
    xref = len(out)
    out += b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 1] /Root 1 0 R /Filter /FlateDecode /Length %d >>\nstream\n" % (
        xref_id, xref_id + 1, len(table)) + table + b"\nendstream\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(dict_, data):
    return b"<< " + dict_ + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def cid_page(lines, size=12):
    """Content and ToUnicode CMap drawing `lines` with 2-byte codes (Identity-H /F1)."""
    chars = sorted({c for l in lines for c in l})
    code = {c: i + 1 for i, c in enumerate(chars)}
    ops = [b"BT /F1 %d Tf 14 TL 72 770 Td" % size]
    for k, line in enumerate(lines):
        if k % 3 == 0:
            ops.append(b"24 0 Td")  # a first-line indent
        elif k % 3 == 1:
            ops.append(b"-24 0 Td")
        hexes = b"".join(b"%04X" % code[c] for c in line)
        half = len(hexes) // 8 * 4
        ops.append(b"T* [<" + hexes[:half] + b"> -120 <" + hexes[half:] + b">] TJ")
    ops.append(b"ET BT /F2 9 Tf 290 40 Td (- 1 -) Tj ET")
    cmap = [b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange",
            b"%d beginbfchar" % len(chars)]
    cmap += [b"<%04X> <%s>" % (code[c], c.encode("utf-16-be").hex().upper().encode()) for c in chars]
    cmap += [b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"]
    return b"\n".join(ops), b"\n".join(cmap)


def pdf_for(content, cmap, xref_stream=False):
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources "
        b"<< /Font << /F1 5 0 R /F2 8 0 R >> >> >>",
        stream(b"", content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /F /DW 1000 /W [1 [500 600]] >>",
        stream(b"", cmap),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ], xref_stream)


LAYOUT_ALPHABET = ["一", "、", "（", "）", "是", "中", "文", "。", "，", "1", "2", ".", " ", "—",
                   "第", "页", "共", "/", "a", "b", "个", "\u3000", "\n", "%"]


def layout_seed(lines):
    """Runs of the layout target's format: a page of lines from the target's alphabet."""
    out = bytearray()
    def num(v):
        n = max(0, min(int(v * 64), 0xEFFF))
        return n.to_bytes(2, "big")
    for k, line in enumerate(lines):
        if line == "\f":
            out.append(0xFF)
            continue
        x = 50 + (20 if k % 4 == 0 else 0)
        for start in range(0, len(line), 7):
            piece = line[start:start + 7]
            codes = [LAYOUT_ALPHABET.index(c) for c in piece]
            out += num(x) + num(100 + 15 * k) + num(10 * len(piece)) + num(10 * 16)
            out.append(len(codes))
            out += bytes(codes)
            x += 10 * len(piece)
    return bytes(out)


def main():
    texts = fixtures()
    small = [c for t in texts for c in cuts(t, 3000)]
    tiny = [c for t in texts for c in cuts(t, 600)][::6]
    specials = [
        "",
        " \n\t",
        "一、标题\n" * 50,
        "（一）标题\n（二）\n（四）跳号\n1.小标题\n(1)更小\n①圈号\n",
        "第一部分 总体情况\n第二章\n一是加强领导，二是强化监督。",
        "全区已精简64项申报材料，同比下降14.7%。办复率100%。共有“甲,乙”\"丙\"\n",
        "梅列区人民政府\n2020年1月10日\n",
        "\u0000\u0001binary?",
        "\ufeff一、BOM\r\n二、CRLF\r\n",
        "一、\n" * 3 + "一二三四五六七八九十百千万亿" * 3,
    ]
    for s in small + specials:
        write("analyze", s)
    for s in tiny:
        write("superlinear", s.splitlines()[0] if s.strip() else s)
    for s in ["一、标题\n", "（一）标题\n", "1.", "64项，", "同比下降14.7%，", "\n", "一是", "约1000余件", "a < b &amp; <p>"]:
        write("superlinear", s)

    docx_cuts = small[::8]
    docxs = [docx_file(document(docx_body(c))) for c in docx_cuts]
    docxs.append(docx_file(document(docx_body(small[1])), numbering=False, styles=False))
    for d in docxs:
        write("docx", b"\x00" + d)
        write("input", bytes([DOCX]) + d)
    for c in docx_cuts:
        parts = document(docx_body(c)).encode() + b"\x00" + NUMBERING.encode() + b"\x00" + STYLES.encode()
        write("docx", b"\x01" + parts)

    for k, c in enumerate(small[::3]):
        utf8 = c.encode()
        gbk = c.encode("gbk", errors="replace")
        variants = [utf8, gbk, b"\xff\xfe" + c.encode("utf-16-le"), b"\xef\xbb\xbf" + utf8]
        try:
            variants.append(c.encode("big5"))
        except UnicodeEncodeError:
            pass
        variants.append(utf8[: len(utf8) // 2] + gbk[len(gbk) // 2 :])  # mixed encodings
        for v in variants:
            write("decode", v)
            write("input", bytes([[TXT, NONAME, DOC][k % 3]]) + v)
        html = page(c)
        write("html", html)
        write("input", bytes([HTML]) + html.encode())
        write("input", bytes([TXT]) + page(c, "gbk").encode("gbk", errors="replace"))
    for magic in [b"%PDF-1.7\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", b"\x89PNG\r\n\x1a\n\x00", b"{\\rtf1\\ansi", b"PK\x05\x06" + b"\x00" * 18]:
        write("input", bytes([DOC]) + magic)
        write("decode", magic)
    for c in small[:12]:
        lines = [l.strip()[:24] for l in c.splitlines() if l.strip()][:12]
        content, cmap = cid_page(lines)
        write("pdf", b"\x01" + content + b"\x00" + cmap)
        write("pdf", b"\x00" + pdf_for(content, cmap, xref_stream=len(lines) % 2 == 0))
    write("pdf", b"\x00" + pdf_for(b"BT /F2 12 Tf 72 700 Td (Hello) Tj ET", b""))
    write("pdf", b"\x01q 1 0 0 1 5 5 cm BT /F2 10 Tf 0.5 Tc 2 Tw 90 Tz 3 Ts 72 700 Td (a b) ' ET Q /X Do\x00")
    mix = ["一、中文。", "（一）中文，是文", "1.中文个", "中文中文中文中文中文中文中文中文中文中文", "— 1 —", "\f",
           "第1页 共2页", "一是中文。", "ab ab", "2/2"]
    write("layout", layout_seed(mix))
    write("layout", layout_seed(mix[:5]))
    print("seeds:", {d.name: len(list(d.iterdir())) for d in sorted(OUT.iterdir())})


if __name__ == "__main__":
    main()
