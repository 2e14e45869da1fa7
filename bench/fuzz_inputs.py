"""The inputs of bench/fuzz.py: valid base documents made here (a verslag and a
letterhead as .docx, pdfs), and deterministic mutations of them — bit flips, cuts,
random zip entries, damaged or huge XML, entity tricks, zip and deflate bombs,
hostile pdf structures, odd text encodings, random templates with their tags and
field values an adviser might paste. Every generator takes a ``random.Random`` (the
same seed gives the same inputs), the number of inputs and ``light`` (smaller huge
inputs, for the test run), and yields ``(label, input)``.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import Any

BSN = "111.222.333"  # passes the elfproef; fictitious (also used in tests)


# ============================================================== byte mutations
def _bitflips(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    b = bytearray(data)
    k = rng.choice([1, 2, 4, 8, 32, 128])
    for _ in range(k):
        pos = rng.randrange(len(b))
        b[pos] ^= 1 << rng.randrange(8)
    return f"{k} bit flips", bytes(b)


def _chunk(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    b = bytearray(data)
    pos = rng.randrange(len(b))
    size = rng.choice([1, 4, 16, 256, 4096])
    how = rng.choice(["overwrite", "insert", "delete", "duplicate", "zero"])
    if how == "overwrite":
        b[pos : pos + size] = rng.randbytes(size)
    elif how == "insert":
        b[pos:pos] = rng.randbytes(size)
    elif how == "delete":
        del b[pos : pos + size]
    elif how == "duplicate":
        b[pos:pos] = b[pos : pos + size]
    else:
        b[pos : pos + size] = bytes(len(b[pos : pos + size]))
    return f"{how} {size} bytes at {pos}", bytes(b)


def _truncate(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    cut = rng.choice([0, 1, 4, 30, rng.randrange(len(data)), len(data) - 1, len(data) - 22])
    return f"truncated at {max(cut, 0)}", data[: max(cut, 0)]


def _byte_mutation(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    return rng.choice([_bitflips, _chunk, _chunk, _truncate])(rng, data)


# =============================================================== docx (zip+xml)
def _zip(entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with _quiet_warnings(), zipfile.ZipFile(out, "w", method) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 5, 0, 0, 0)), data, method)
    return out.getvalue()


def _entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def base_verslag_docx() -> bytes:
    """A verslag as a gemeente sends it: heading, paragraphs, a table, header."""
    from docx import Document

    doc = Document()
    doc.sections[0].header.paragraphs[0].text = f"Gemeente Nergensdorp — BSN {BSN}"
    doc.add_heading("Verslag van het keukentafelgesprek", level=1)
    doc.add_paragraph(f"Cliënt: mevrouw Fictief, BSN {BSN}, geboren 1 januari 1950.")
    for line in (
        "Mevrouw kan niet meer zelf koken sinds haar val.",
        "Er is twee uur hulp bij het huishouden per week besproken.",
        "De dochter komt één keer per week; de buurvrouw doet boodschappen.",
    ):
        p = doc.add_paragraph()
        p.add_run(line[:20]).bold = True
        p.add_run(line[20:])
    t = doc.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            t.cell(r, c).text = f"cel {r}.{c} – traplift"
    t.cell(0, 0).merge(t.cell(0, 1))
    doc.add_page_break()
    doc.add_paragraph("Afspraken: we bellen over twee weken.", style="List Bullet")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _png() -> bytes:
    """A tiny valid PNG (a logo), made without any imaging library."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return len(body).to_bytes(4, "big") + kind + body + crc.to_bytes(4, "big")

    w = h = 8
    raw = b"".join(b"\x00" + bytes([200, 30, 30] * w) for _ in range(h))
    ihdr = w.to_bytes(4, "big") + h.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def base_briefpapier() -> bytes:
    """An organisation's letterhead: logo and name in the header, address in the
    footer, its own margins, a sample body text (removed when used)."""
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    s = doc.sections[0]
    s.left_margin = Cm(3)
    head = s.header.paragraphs[0]
    head.add_run().add_picture(io.BytesIO(_png()), width=Cm(1))
    head.add_run(" Adviespunt Fictief")
    s.footer.paragraphs[0].text = "Postbus 0000, 9999 ZZ Nergensdorp · 010 0000000"
    doc.add_paragraph("Voorbeeldtekst die de brief vervangt.")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _xml_mutation(rng: random.Random, xml: bytes) -> tuple[str, bytes]:
    how = rng.choice(["flip", "truncate", "tag", "text", "encoding", "entity", "unclosed", "attr"])
    if how == "flip":
        label, out = _bitflips(rng, xml)
        return "xml " + label, out
    if how == "truncate":
        return "xml truncated", xml[: rng.randrange(len(xml))]
    if how == "tag":
        pos = xml.rfind(b"<", 0, rng.randrange(len(xml)))
        junk = rng.choice(
            [b"<w:p/>", b"<w:tbl/>", b"<w:tr><w:tc/></w:tr>", b"<x:y xmlns:x='u'/>",
             b"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val='99'/></w:tcPr></w:tc></w:tr></w:tbl>",
             b"<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr></w:tbl>",
             b"<w:r><w:t>\xc3\x28</w:t></w:r>", b"<w:sectPr/>"]
        )  # fmt: skip
        return "xml tag inserted", xml[: max(pos, 0)] + junk + xml[max(pos, 0) :]
    if how == "text":
        weird = rng.choice(["\u202e", "\ufeff", "𝕍", "e\u0301", "\x85", "&amp;", "€"]) * 50
        return "xml text", re.sub(rb"<w:t>[^<]*", b"<w:t>" + weird.encode(), xml, count=3)
    if how == "encoding":
        return "xml says utf-16", xml.replace(b'encoding="UTF-8"', b'encoding="UTF-16"', 1)
    if how == "entity":
        kind = rng.choice(["laughs", "xxe", "param"])
        if kind == "laughs":
            dtd = (
                b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
                + b"".join(
                    b'<!ENTITY %s "%s">'
                    % (chr(98 + i).encode(), (b"&" + chr(97 + i).encode() + b";") * 10)
                    for i in range(9)
                )
                + b"]>"
            )
            body = b"&j;"
        elif kind == "xxe":
            dtd = b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            body = b"&x;"
        else:
            dtd = b'<!DOCTYPE w [<!ENTITY % p SYSTEM "http://192.0.2.1/x.dtd"> %p;]>'
            body = b""
        xml = re.sub(rb"^<\?xml[^>]*\?>", b"", xml.lstrip())
        xml = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + dtd + xml
        return f"xml entity {kind}", re.sub(rb"<w:t>", b"<w:t>" + body, xml, count=1)
    if how == "unclosed":
        return "xml unclosed", xml.replace(b"</w:body>", b"", 1)
    return "xml attr", re.sub(rb'w:val="[^"]*"', b'w:val="-99999999999"', xml, count=5)


def _huge_document(rng: random.Random, light: bool) -> tuple[str, bytes]:
    """document.xml that is large when unpacked (a long text, a wide table, deep
    nesting): up to 60 MB, beyond the limit of 5 MB; ``light``: up to 512 kB."""
    how = rng.choice(["paragraphs", "one text", "deep", "wide table"])
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    kb = rng.choice([256, 512] if light else [1024, 4096, 20 * 1024, 60 * 1024])
    if how == "paragraphs":  # each with a BSN: the redaction has work too
        p = b"<w:p><w:r><w:t>Mevrouw kan niet meer koken. BSN 111.222.333</w:t></w:r></w:p>"
        body = p * (kb * 1024 // len(p))
    elif how == "one text":
        body = b"<w:p><w:r><w:t>" + b"lang " * (kb * 1024 // 5) + b"</w:t></w:r></w:p>"
    elif how == "deep":
        depth = rng.choice([300, 10_000, 200_000])
        body = b"<w:p>" * depth + b"</w:p>" * depth
    else:
        cell = b"<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
        cols = rng.choice([500, 1000] if light else [1000, 5000])
        rows = 5 if light else 50
        body = b"<w:tbl>" + (b"<w:tr>" + cell * cols + b"</w:tr>") * rows + b"</w:tbl>"
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body>'.encode()
    return (
        f"huge document.xml ({how}, {len(body) // 1024} kB)",
        doc + body + b"</w:body></w:document>",
    )


_BOMBS: dict[tuple[int, bool], bytes] = {}


def zip_bomb(base: bytes, megabytes: int, *, lie: bool = False) -> bytes:
    """``base`` with word/document.xml replaced by valid XML that unpacks to
    ``megabytes`` MB of spaces in one text (about a kilobyte per megabyte when
    packed). With ``lie`` the sizes in the zip's headers are falsified to 4 kB.

    Made in well under a second: the compressed megabyte of spaces is made once and
    repeated (each piece ends with a full flush, so pieces do not refer back)."""
    key = (megabytes, lie)
    if key in _BOMBS:
        return _BOMBS[key]
    items = []
    for name, data in _entries(base):
        if name != "word/document.xml":
            items.append(_raw_item(name, [data]))
            continue
        head, _, rest = data.partition(b"<w:body>")
        tail = rest.partition(b"</w:body>")[2]
        pieces = [head + b"<w:body><w:p><w:r><w:t>", *[b" " * (1 << 20)] * megabytes,
                  b"</w:t></w:r></w:p></w:body>" + tail]  # fmt: skip
        items.append(_raw_item(name, pieces, lie=lie))
    _BOMBS[key] = _raw_zip(items)
    return _BOMBS[key]


def _raw_item(name: str, pieces: list[bytes], lie: bool = False) -> tuple:
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed: dict[bytes, bytes] = {}
    out, crc, size = [], 0, 0
    for piece in pieces:
        if piece not in packed:  # after a full flush the same input packs the same
            packed[piece] = comp.compress(piece) + comp.flush(zlib.Z_FULL_FLUSH)
        out.append(packed[piece])
        crc = zlib.crc32(piece, crc)
        size += len(piece)
    out.append(comp.flush(zlib.Z_FINISH))
    raw = b"".join(out)
    return name.encode(), raw, crc, (4096 if lie else size)


def _raw_zip(items: list[tuple]) -> bytes:
    """A zip (deflate, no zip64) from already compressed items."""
    import struct

    out, central = bytearray(), bytearray()
    for name, raw, crc, size in items:
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x5C25, crc, len(raw),
                           size, len(name), 0) + name + raw  # fmt: skip
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x5C25, crc,
                               len(raw), size, len(name), 0, 0, 0, 0, 0, offset) + name  # fmt: skip
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(items), len(items), len(central),
                       start, 0)  # fmt: skip
    return bytes(out)


def _zip_mutation(rng: random.Random, base: bytes, light: bool) -> tuple[str, bytes]:
    entries = _entries(base)
    kinds = "drop add xml xml xml huge dup many stored bzip2 rels types"
    how = rng.choice(kinds.split())
    if how == "drop":
        i = rng.randrange(len(entries))
        name = entries.pop(i)[0]
        return f"zip without {name}", _zip(entries)
    if how == "add":
        for _ in range(rng.randint(1, 5)):
            name = rng.choice(
                ["../../buiten.txt", "/abs/pad.xml", "word/media/image9.png", "x" * 300,
                 "word/document.xml.rels", "customXml/item1.xml", "word/\u00e9\u00e8.xml", ""]
            )  # fmt: skip
            entries.append((name or "leeg", rng.randbytes(rng.choice([0, 10, 5000]))))
        return "zip with random entries", _zip(entries)
    if how == "xml":
        xmls = [i for i, (n, _) in enumerate(entries) if n.endswith((".xml", ".rels"))]
        i = rng.choice(xmls)
        label, new = _xml_mutation(rng, entries[i][1])
        entries[i] = (entries[i][0], new)
        return f"{entries[i][0]}: {label}", _zip(entries)
    if how == "huge":
        label, new = _huge_document(rng, light)
        entries = [(n, new if n == "word/document.xml" else d) for n, d in entries]
        return label, _zip(entries)
    if how == "dup":
        entries.append(("word/document.xml", b"<niet/>"))
        return "zip with document.xml twice", _zip(entries)
    if how == "many":
        k = rng.choice([1000, 5000] if light else [1000, 20_000, 60_000])
        entries += [(f"word/extra/{j}.bin", b"") for j in range(k)]
        return f"zip with {k} extra entries", _zip(entries, zipfile.ZIP_STORED)
    if how == "bzip2":
        return "zip packed with bzip2", _zip(entries, zipfile.ZIP_BZIP2)
    if how == "stored":
        return "zip stored (no compression)", _zip(entries, zipfile.ZIP_STORED)
    if how == "rels":
        i = next(i for i, (n, _) in enumerate(entries) if n == "word/_rels/document.xml.rels")
        rels = entries[i][1].replace(
            b"</Relationships>",
            b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/image" Target="media/nergens.png"/>'
            b'<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/hyperlink" Target="http://192.0.2.1/" TargetMode="External"/>'
            b"</Relationships>",
        )
        entries[i] = (entries[i][0], rels)
        return "rels to a missing part and an external link", _zip(entries)
    i = next(i for i, (n, _) in enumerate(entries) if n == "[Content_Types].xml")
    entries[i] = (entries[i][0], entries[i][1].replace(b"wordprocessingml", b"spreadsheetml"))
    return "content types of another program", _zip(entries)


@contextlib.contextmanager
def _quiet_warnings() -> Iterator[None]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def docx_inputs(base: bytes) -> Callable[[random.Random, int, bool], Iterator]:
    def gen(rng: random.Random, n: int, light: bool) -> Iterator[tuple[str, bytes]]:
        for i in range(n):
            r = rng.random()
            if i == 0:
                yield "the valid base", base
            elif i == 1:
                yield "zip bomb: 1 GB of XML in 1 MB", zip_bomb(base, 1024)
            elif i == 2:
                yield "zip bomb with falsified sizes", zip_bomb(base, 200, lie=True)
            elif r < 0.4:
                yield _byte_mutation(rng, base)
            elif r < 0.97:
                yield _zip_mutation(rng, base, light)
            else:
                yield "random bytes", rng.randbytes(rng.choice([1, 100, 10_000]))

    return gen


# ======================================================================== pdf
def base_pdfs() -> list[bytes]:
    """Made with pypdf: one page, and three pages with compressed content."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    out = []
    for pages, compress in ((1, False), (3, True)):
        writer = PdfWriter()
        for n in range(pages):
            page = writer.add_blank_page(595, 842)
            font = DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Font"),
                    NameObject("/Subtype"): NameObject("/Type1"),
                    NameObject("/BaseFont"): NameObject("/Helvetica"),
                    NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
                }
            )
            page[NameObject("/Resources")] = DictionaryObject(
                {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
            )
            lines = [
                f"Verslag pagina {n + 1}",
                f"BSN {BSN}",
                "Mevrouw kan niet meer zelf koken sinds de val.",
                "Er is twee uur hulp per week besproken.",
            ]
            ops = " ".join(f"({line}) Tj 0 -16 Td" for line in lines)
            stream = DecodedStreamObject()
            stream.set_data(f"BT /F1 12 Tf 72 760 Td {ops} ET".encode("latin-1"))
            page[NameObject("/Contents")] = writer._add_object(stream)
            if compress:
                page.compress_content_streams()
        writer.add_metadata({"/Title": "Verslag", "/Author": "Gemeente Nergensdorp"})
        buffer = io.BytesIO()
        writer.write(buffer)
        out.append(buffer.getvalue())
    return out


def raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A pdf from object bodies (numbered from 1) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def _page_pdf(content: bytes, *, extra: bytes = b"", filters: bytes = b"") -> bytes:
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> " + extra + b">>",
            b"<< /Length %d %s>>\nstream\n" % (len(content), filters) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def flate_bomb(megabytes: int) -> bytes:
    """A zlib stream that inflates to ``megabytes`` MB of text operators (the packed
    megabyte is made once and repeated, as in ``zip_bomb``)."""
    piece = b"(a) Tj " * (1 << 17)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(piece) + comp.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(megabytes):
        adler = zlib.adler32(piece, adler)
    end = comp.flush(zlib.Z_FINISH) + adler.to_bytes(4, "big")
    return b"\x78\xda" + block * megabytes + end


def hostile_pdf(rng: random.Random, light: bool) -> tuple[str, bytes]:
    how = rng.choice(
        ["flate bomb", "kids loop", "deep array", "length loop", "many ops", "huge count",
         "bad filter", "xref garbage", "encrypt junk", "nested forms"]
    )  # fmt: skip
    text = b"BT /F1 12 Tf 72 760 Td (Mevrouw kan niet koken) Tj ET"
    if how == "flate bomb":
        mb = 100 if light else 400
        return f"FlateDecode stream of {mb} MB", _page_pdf(
            flate_bomb(mb), filters=b"/Filter /FlateDecode "
        )
    if how == "kids loop":
        return how, raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
            ]
        )
    if how == "deep array":
        depth = rng.choice([1000, 100_000])
        return f"array nested {depth} deep", _page_pdf(text, extra=b"/X " + b"[" * depth)
    if how == "length loop":
        pdf = _page_pdf(text)
        return how, re.sub(rb"/Length \d+", b"/Length 4 0 R", pdf, count=1)
    if how == "many ops":
        k = rng.choice([10_000, 100_000] if light else [100_000, 1_000_000])
        return f"{k} text operators", _page_pdf(b"BT /F1 1 Tf " + b"(x) Tj " * k + b"ET")
    if how == "huge count":
        return how, _page_pdf(text).replace(b"/Count 1", b"/Count 999999999")
    if how == "bad filter":
        f = rng.choice([b"/LZWDecode", b"/ASCII85Decode", b"/RunLengthDecode", b"/DCTDecode",
                        b"/JBIG2Decode", b"/Crypt", b"[/FlateDecode /FlateDecode]",
                        b"/Nergens"])  # fmt: skip
        return f"filter {f.decode()}", _page_pdf(rng.randbytes(500), filters=b"/Filter " + f + b" ")
    if how == "xref garbage":
        pdf = _page_pdf(text)
        return how, re.sub(rb"startxref\n\d+", b"startxref\n99999999", pdf)
    if how == "encrypt junk":
        return how, _page_pdf(text).replace(
            b"/Root 1 0 R", b"/Root 1 0 R /Encrypt << /Filter /Standard /V 9 /R 9 /O (x) /U (y) >>"
        )
    return how, raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /XObject << /X1 5 0 R >> >> >>",
            b"<< /Length 8 >>\nstream\n/X1 Do  \nendstream",
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 9 9] /Length 8"
            b" /Resources << /XObject << /X1 5 0 R >> >> >>\nstream\n/X1 Do  \nendstream",
        ]
    )


def _number_mutation(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    numbers = list(re.finditer(rb"(?<![\w.])\d+(?![\w.])", data))
    if not numbers:
        return _bitflips(rng, data)
    m = rng.choice(numbers)
    new = rng.choice([b"0", b"-1", b"2147483648", b"99999999999999999999", b"1e308", b"3.5"])
    return f"number at {m.start()} -> {new.decode()}", data[: m.start()] + new + data[m.end() :]


def pdf_inputs(bases: list[bytes]) -> Callable[[random.Random, int, bool], Iterator]:
    def gen(rng: random.Random, n: int, light: bool) -> Iterator[tuple[str, bytes]]:
        for i in range(n):
            base = rng.choice(bases)
            r = rng.random()
            if i < len(bases):
                yield "a valid base", bases[i]
            elif r < 0.45:
                yield _byte_mutation(rng, base)
            elif r < 0.65:
                yield _number_mutation(rng, base)
            elif r < 0.8:
                yield hostile_pdf(rng, light)
            elif r < 0.9:
                yield (
                    "random bytes after %PDF",
                    b"%PDF-1.4\n" + rng.randbytes(rng.choice([0, 10, 1000, 50_000])),
                )
            else:
                a, b = rng.choice(bases), rng.choice(bases)
                cut = rng.randrange(min(len(a), len(b)))
                yield "two pdfs spliced", a[:cut] + b[cut:]

    return gen


# ======================================================================== txt
def txt_inputs(rng: random.Random, n: int, light: bool) -> Iterator[tuple[str, bytes]]:
    dutch = "Mevrouw kan niet meer koken. Cliënt wil één keer per week hulp; café reünie. "
    for i in range(n):
        how = rng.choice(
            ["random", "utf8 weird", "invalid utf8", "nul", "cp1252", "utf16", "huge line",
             "whitespace", "undefined cp1252", "line ends", "bsn", "controls"]
        )  # fmt: skip
        if i == 0:
            yield "plain Dutch text", (dutch * 20).encode()
        elif how == "random":
            yield how, rng.randbytes(rng.choice([1, 10, 1000, 100_000]))
        elif how == "utf8 weird":
            chars = ["\u202e", "\u200b", "\ufeff", "😀", "e\u0301", "\u2028", "\u0085", "ﷺ", "𝕍"]
            yield how, "".join(rng.choice([*chars, dutch]) for _ in range(200)).encode()
        elif how == "invalid utf8":
            bad = [b"\xc3\x28", b"\xe2\x82", b"\xf0\x28\x8c\xbc", b"\xed\xa0\x80", b"\xff\xfe"]
            yield how, b"".join(rng.choice([*bad, dutch.encode()]) for _ in range(100))
        elif how == "nul":
            yield how, b"\x00".join(dutch.encode() for _ in range(rng.choice([1, 50])))
        elif how == "cp1252":
            yield how, (dutch * 5 + "‘quote’ € …").encode("cp1252")
        elif how == "utf16":
            yield how, (dutch * 5).encode(rng.choice(["utf-16", "utf-16-be", "utf-32"]))
        elif how == "huge line":
            mb = rng.choice([1, 3] if light else [1, 5, 20])
            yield f"one line of {mb} MB", b"koken" * (mb * 1024 * 1024 // 5)
        elif how == "whitespace":
            yield how, rng.choice([b" \n\t\r ", b"\xc2\xa0" * 50, "\u3000\u2003".encode() * 9])
        elif how == "undefined cp1252":
            yield how, dutch.encode("cp1252") + rng.choice([b"\x81", b"\x8d", b"\x8f", b"\x90"])
        elif how == "line ends":
            yield how, dutch.encode().replace(b". ", rng.choice([b".\r", b".\r\n", b".\n\r"]))
        elif how == "bsn":
            yield how, f"{dutch} BSN {BSN} en 123456782 en 1112.22.333".encode()
        else:
            yield (
                how,
                "".join(rng.choice([dutch, *map(chr, range(32))]) for _ in range(300)).encode(),
            )


# ================================================================== templates
FIELDS = ["client_naam", "datum", "kenmerk", "gronden", "pgb", "wet", "jeugdwet", "nr",
          "onbekend_veld", ".citaat", ".correctie"]  # fmt: skip
BAD_NAMES = ["CLIENT", "a.b", "", "_", "1"]
INCLUDES = ["kop", "afzender", "geadresseerde", "ondertekening", "nergens", "..", "eigen"]
JUNK = ["{{", "}}", "{{#", "{{/als}}", "{{#als}}", "{{#onbekend x}}", "{{>}}", "{{{x}}}",
        "\x02", "\x00", "\x03", "\x0c", "{{#als pgb x y}}", "{{ client_naam }}"]  # fmt: skip
TEXT = ["Geachte heer, mevrouw,", "Ik maak bezwaar.", "\n", "\n\n", "## Kop\n", "- punt\n",
        "> citaat\n", "[[handtekening]]\n", "; uitleg\n", "# Titel\n", "\r\n", " ", "é",
        "\t"]  # fmt: skip


def random_template(rng: random.Random, depth: int = 0) -> str:
    """Mostly well-formed (blocks closed, known tags), with some of everything else."""
    parts: list[str] = []
    for _ in range(rng.randint(1, 10)):
        r = rng.random()
        if r < 0.3:
            parts.append(rng.choice(TEXT))
        elif r < 0.55:
            name = rng.choice(FIELDS) if rng.random() < 0.9 else rng.choice(BAD_NAMES)
            parts.append("{{" + name + "}}")
        elif r < 0.75 and depth < 12:
            kind = rng.choice(["als", "alsniet", "elk", "elk"])
            veld = rng.choice(["punten", "pgb", "kenmerk", ".citaat", "nergens"])
            inner = random_template(rng, depth + 1)
            close = kind if rng.random() < 0.95 else rng.choice(["als", "elk", "x"])
            nl = rng.choice(["", "\n"])
            parts.append(f"{{{{#{kind} {veld}}}}}{nl}{inner}{nl}{{{{/{close}}}}}")
        elif r < 0.82:
            parts.append("{{>" + rng.choice(INCLUDES) + "}}")
        elif r < 0.86:
            parts.append(rng.choice(JUNK))
        else:
            parts.append(
                "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randint(1, 30)))
            )
    return "".join(parts)


def hostile_template(rng: random.Random, light: bool) -> tuple[str, str]:
    how = rng.choice(["nested elk", "unclosed tag lines", "long line", "deep blocks", "includes"])
    if how == "nested elk":
        d = rng.choice([8, 12, 20])
        return (
            f"{{{{#elk}}}} nested {d} deep",
            "{{#elk punten}}" * d + "x{{.citaat}}" + "{{/elk}}" * d,
        )
    if how == "unclosed tag lines":
        k = rng.choice([5_000, 20_000] if light else [20_000, 60_000])
        return f"{k} lines with an unclosed tag", "{{#\n" * k
    if how == "long line":
        return "a line of 250 kB", "x" * 250_000 + "{{client_naam}}"
    if how == "deep blocks":
        d = rng.choice([100, 2000])
        return f"{{{{#als}}}} nested {d} deep", "{{#als pgb}}" * d + "x" + "{{/als}}" * d
    return "includes that include themselves", "{{>eigen}}" * 10


def _required(soort: str) -> str:
    """Tags for every field the law requires in ``soort`` (an own template may not
    drop them, so without these nearly every random template is refused for that)."""
    from ondersteuner.letters import velden

    tags = [
        "{{#elk punten}}> {{.citaat}}\n{{/elk}}" if v.naam == "punten" else f"{{{{{v.naam}}}}}"
        for v in velden(soort)
        if v.verplicht
    ]
    return "\n" + "\n".join(tags) + "\n"


def template_inputs(rng: random.Random, n: int, light: bool) -> Iterator[tuple[str, Any]]:
    from ondersteuner import letters

    for i in range(n):
        if i == 0:
            text = letters.ingebouwd_sjabloon("klacht")
            yield "the built-in klacht template", (text, {}, "klacht")
            continue
        r = rng.random()
        if r < 0.12:
            label, text = hostile_template(rng, light)
        elif r < 0.35:  # a built-in template, edited
            soort = rng.choice(letters.SOORTEN)
            text = letters.ingebouwd_sjabloon(soort)
            pos = rng.randrange(len(text))
            text = text[:pos] + random_template(rng) + text[pos + rng.randrange(50) :]
            label = f"built-in {soort} edited"
        else:
            label, text = "random", random_template(rng)
        soort = rng.choice(letters.SOORTEN)
        if rng.random() < 0.7:
            text += _required(soort)
        parts = {}
        if rng.random() < 0.4:  # own shared parts too
            for naam in rng.sample(INCLUDES, 2):
                parts[naam] = random_template(rng) if naam != "eigen" else "{{>eigen}}" * 3
        if rng.random() < 0.05:
            parts["kop"] = b"\xff\xfe niet utf-8"
        yield label, (text, parts, soort)


def wild_values(rng: random.Random, soort: str) -> dict[str, Any]:
    """Field values as an adviser might paste them: control characters, very long,
    other scripts, template code (which must stay text), empty lists."""
    from bench.brieven import volledige_gegevens

    data = volledige_gegevens(soort)
    data.setdefault(
        "punten", [{"citaat": "Het verslag zegt dit.", "correctie": "Dat klopt niet."}] * 5
    )
    for naam in rng.sample(sorted(data), k=min(len(data), rng.randint(0, 6))):
        v = data[naam]
        wild = rng.choice(
            ["tab\there", "nul\x00byte", "form\x0cfeed", "vt\x0bx", "esc\x1b[31m",
             "{{client_naam}}", "x" * 100_000, "\ud800 lone surrogate", "\ufffe\uffff", "עברית",
             "\r\n\r\n", " "]
        )  # fmt: skip
        if isinstance(v, str):
            data[naam] = wild
        elif isinstance(v, list):
            data[naam] = rng.choice([[], [{"citaat": wild, "correctie": wild}], [{}]])
    return data
