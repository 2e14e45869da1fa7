"""Reading the verslag the gemeente sent: .docx, .pdf (with a text layer), .txt or
pasted text; and finding citizen service numbers (BSN) to redact before storing.

Every failure is an ``ImportFout`` with a Dutch message; nothing is stored here.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ondersteuner.compare.engine import line_ends
from ondersteuner.i18n import tr

MAX_BYTES = 25 * 1024 * 1024  # a verslag is a few pages; 25 MB is far beyond any
MIME = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
}
BSN_VERVANGING = "[BSN verwijderd]"


class ImportFout(Exception):
    """A verslag that cannot be read; the message says why, in Dutch."""


@dataclass(frozen=True)
class Ingelezen:
    tekst: str
    bestandsnaam: str
    mime: str
    bestand: bytes | None  # the original, to keep inside the vault


def lees_bestand(path: Path, progress: Callable[[int, int], None] | None = None) -> Ingelezen:
    suffix = path.suffix.lower()
    if suffix not in MIME:
        raise ImportFout(
            tr(
                "Dit soort bestand kan niet worden ingelezen ({s}). Gebruik een Word-bestand "
                "(.docx), een pdf of een tekstbestand (.txt), of plak de tekst.",
                s=suffix or tr("zonder extensie"),
            )
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFout(tr("Het bestand kan niet worden geopend: {e}", e=exc.strerror)) from exc
    if size == 0:
        raise ImportFout(tr("Het bestand is leeg."))
    if size > MAX_BYTES:
        raise ImportFout(
            tr(
                "Het bestand is te groot ({mb} MB). Een verslag is meestal kleiner dan 1 MB; "
                "kies het juiste bestand.",
                mb=size // (1024 * 1024),
            )
        )
    try:
        data = path.read_bytes()
    except OSError as exc:  # no permission, locked by another program, a folder
        raise ImportFout(tr("Het bestand kan niet worden geopend: {e}", e=exc.strerror)) from exc
    if suffix == ".docx":
        text = docx_tekst(data)
    elif suffix == ".pdf":
        text = pdf_tekst(data, progress)
    else:
        text = txt_tekst(data)
    if not text.strip():
        raise ImportFout(tr("Er staat geen tekst in dit bestand."))
    return Ingelezen(text, path.name, MIME[suffix], data)


def geplakt(tekst: str) -> Ingelezen:
    if not tekst.strip():
        raise ImportFout(tr("Plak eerst de tekst van het verslag."))
    return Ingelezen(tekst, "", "text/plain", None)


def txt_tekst(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return line_ends(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise ImportFout(tr("De tekens in dit bestand zijn niet te lezen."))


def docx_tekst(data: bytes) -> str:
    """Paragraphs and tables, in document order."""
    from ondersteuner.ziplimits import TooLarge, checked_copy

    try:
        from docx import Document
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        doc = Document(io.BytesIO(checked_copy(data)))  # a zip bomb stops there
        lines: list[str] = []
        body = doc.element.body
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(child, doc).text)
            elif tag == "tbl":
                for row in Table(child, doc).rows:
                    cells: list[str] = []
                    for cell in row.cells:
                        text = cell.text.strip()
                        if text and (not cells or cells[-1] != text):  # merged cells repeat
                            cells.append(text)
                    lines.append(" – ".join(cells))
    except TooLarge as exc:
        raise ImportFout(
            tr(
                "Dit Word-bestand is uitgepakt veel te groot voor een verslag (of bestaat uit "
                "te veel delen). Kies het juiste bestand, of plak de tekst."
            )
        ) from exc
    except Exception as exc:  # python-docx raises many kinds for a bad file or table
        raise ImportFout(tr("Dit Word-bestand is beschadigd of geen echt .docx-bestand.")) from exc
    return "\n".join(lines)


def pdf_tekst(data: bytes, progress: Callable[[int, int], None] | None = None) -> str:
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ImportFout(
                tr(
                    "Deze pdf is beveiligd met een wachtwoord. Vraag de gemeente om een pdf "
                    "zonder beveiliging, of plak de tekst."
                )
            )
        pages = reader.pages
        out = []
        for i, page in enumerate(pages):
            out.append(page.extract_text() or "")
            if progress is not None:
                progress(i + 1, len(pages))
    except ImportFout:
        raise
    except Exception as exc:  # pypdf raises many kinds for a damaged or hostile pdf
        raise ImportFout(tr("Deze pdf is beschadigd en kan niet worden gelezen.")) from exc
    text = "\n".join(out)
    if not text.strip():
        raise ImportFout(
            tr(
                "Deze pdf bevat geen tekst, alleen een afbeelding (een scan). Vraag de gemeente "
                "om het verslag als Word-bestand of als pdf met tekst, of typ of plak de tekst."
            )
        )
    return text


# A BSN: nine digits, possibly grouped with dots or spaces (123.456.782).
_BSN = re.compile(r"(?<![\d.])(\d{3})[. ]?(\d{2,3})[. ]?(\d{3,4})(?![\d])")


def elfproef(digits: str) -> bool:
    """The BSN check: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11 (and not 0)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    total -= int(digits[8])
    return total % 11 == 0


def vind_bsn(tekst: str) -> list[str]:
    """The BSN-like numbers in ``tekst`` as written there (nine digits passing the
    elfproef), each once."""
    found: list[str] = []
    for m in _BSN.finditer(tekst):
        digits = "".join(m.groups())
        if len(digits) == 9 and elfproef(digits) and m.group(0) not in found:
            found.append(m.group(0))
    return found


def redigeer(tekst: str, nummers: list[str]) -> str:
    for n in nummers:
        tekst = tekst.replace(n, BSN_VERVANGING)
    return tekst


def redigeer_bestand(ingelezen: Ingelezen, nummers: list[str]) -> Ingelezen:
    """The same verslag with the numbers removed from the text and from the file.

    A .txt or .docx file is rewritten; a pdf cannot be redacted reliably here, so
    its original is not kept (only the redacted text is), nor is a .docx that cannot
    be rewritten."""
    text = redigeer(ingelezen.tekst, nummers)
    data = ingelezen.bestand
    if data is None or not nummers:
        return Ingelezen(text, ingelezen.bestandsnaam, ingelezen.mime, data)
    if ingelezen.mime == MIME[".txt"]:
        return Ingelezen(text, ingelezen.bestandsnaam, ingelezen.mime, text.encode("utf-8"))
    if ingelezen.mime == MIME[".docx"]:
        try:
            redacted: bytes | None = _redact_docx(data, nummers)
        except Exception:  # a damaged part the text did not need (a header, a style):
            redacted = None  # the file is not kept, with its BSN; the redacted text is
        return Ingelezen(text, ingelezen.bestandsnaam, ingelezen.mime, redacted)
    return Ingelezen(text, ingelezen.bestandsnaam, ingelezen.mime, None)


def _redact_docx(data: bytes, nummers: list[str]) -> bytes:
    from docx import Document

    from ondersteuner.ziplimits import checked_copy

    doc = Document(io.BytesIO(checked_copy(data)))  # read under the same limits

    def paragraphs() -> Iterator[Any]:
        yield from doc.paragraphs
        for table in doc.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield from cell.paragraphs
        for section in doc.sections:
            for part in (section.header, section.footer):
                yield from part.paragraphs

    for p in paragraphs():
        if any(n in p.text for n in nummers) and p.runs:
            # The number may be split over runs: put the text in the first run.
            new = redigeer(p.text, nummers)
            p.runs[0].text = new
            for run in p.runs[1:]:
                run.text = ""
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


MAX_PIXELS = 16_000_000  # per page shown: an A4 page at 1.4 is 1.1 million


@dataclass(frozen=True)
class Pagina:
    """One rendered page: RGB pixels, row by row (never written to disk)."""

    breedte: int
    hoogte: int
    regel: int  # bytes per row
    pixels: bytes


def pdf_paginas(data: bytes, schaal: float = 1.4, max_paginas: int = 40) -> list[Pagina]:
    """The pages of a pdf as images, to show the original beside the comparison."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ImportFout(tr("Deze pdf kan niet worden getoond.")) from exc
    out = []
    try:
        for i in range(min(len(doc), max_paginas)):
            page = doc[i]
            breedte, hoogte = page.get_size()  # points
            if not (0 < breedte < 1e6 and 0 < hoogte < 1e6):
                raise ImportFout(tr("Deze pdf kan niet worden getoond."))
            # A page as large as a wall (or a damaged page size) would need gigabytes
            # of pixels: such a page is shown smaller.
            pagina_schaal = min(schaal, (MAX_PIXELS / (breedte * hoogte)) ** 0.5)
            bitmap = page.render(scale=pagina_schaal, rev_byteorder=True)  # RGB order
            out.append(Pagina(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer)))
    except pdfium.PdfiumError as exc:  # a page that does not load (a damaged pdf)
        raise ImportFout(tr("Deze pdf kan niet worden getoond.")) from exc
    finally:
        doc.close()
    return out
