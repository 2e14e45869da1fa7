"""Blocks of a letter into a Word document, plain or on an organisation's letterhead
(whose logo, header, footer and styles are kept; the letter replaces its body)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from ondersteuner.i18n import tr
from ondersteuner.letters.sjabloon import Blok

MAX_BRIEFPAPIER = 20 * 1024 * 1024  # a letterhead with a logo is well under this
_ANDERS = tr("Kies ander briefpapier of ‘Geen’ bij Extra → Instellingen.")


class BriefpapierFout(ValueError):
    """A letterhead that cannot be used; the message says why, in Dutch."""


def lees_briefpapier(pad: Path) -> Any:
    """The letterhead as a python-docx Document with an empty body, or a clear error."""
    from docx import Document

    try:
        grootte = pad.stat().st_size
    except OSError as e:
        raise BriefpapierFout(
            tr("Het briefpapier is niet te openen: {0}").format(pad.name) + " " + _ANDERS
        ) from e
    if grootte > MAX_BRIEFPAPIER:
        raise BriefpapierFout(tr("Het briefpapier is te groot (meer dan 20 MB)."))
    try:
        data = pad.read_bytes()
    except OSError as e:  # a folder, no permission, a stick pulled out
        raise BriefpapierFout(
            tr("Het briefpapier is niet te lezen: {0}").format(pad.name) + " " + _ANDERS
        ) from e
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise BriefpapierFout(
            tr("Het briefpapier is geen Word-bestand (.docx). Sla het in Word op als .docx.")
        )
    from ondersteuner.ziplimits import TooLarge, checked_copy

    try:
        doc = Document(io.BytesIO(checked_copy(data)))  # a zip bomb stops there
        body = doc.element.body
        for child in list(body):
            if not child.tag.endswith("}sectPr"):  # keep the page setup, header and footer
                # Emptied first: lxml's remove() of a large subtree takes time that
                # grows with the square of its size (minutes for a big table).
                child.clear()
                body.remove(child)
    except TooLarge as e:
        raise BriefpapierFout(
            tr("Het briefpapier is uitgepakt veel te groot of bestaat uit te veel delen.")
            + " "
            + _ANDERS
        ) from e
    except Exception as e:  # python-docx raises many kinds for a broken package
        raise BriefpapierFout(
            tr("Het briefpapier is beschadigd of geen gewoon Word-document (.docx).")
        ) from e
    return doc


def nieuw_document() -> Any:
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    style.paragraph_format.space_after = Pt(8)
    style.paragraph_format.line_spacing = 1.15
    _paginanummer(section.footer.paragraphs[0])
    return doc


def _paginanummer(paragraph: Any) -> None:
    """ "Pagina 1 van 2" in the footer, as Word fields (updated on open and print)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def tekst(t: str) -> None:
        run = paragraph.add_run(t)
        run.font.size = Pt(9)

    def veld(code: str) -> None:
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), code)
        run = OxmlElement("w:r")
        props = OxmlElement("w:rPr")
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "18")  # 9 pt, as the words around it
        props.append(size)
        run.append(props)
        t = OxmlElement("w:t")
        t.text = "1"
        run.append(t)
        fld.append(run)
        paragraph._p.append(fld)

    tekst(tr("Pagina") + " ")
    veld("PAGE")
    tekst(" " + tr("van") + " ")
    veld("NUMPAGES")


# What Word's XML cannot hold (python-docx refuses it with a ValueError): control
# characters other than tab and line ends (a form feed or vertical tab comes with
# text pasted from elsewhere, a NUL from a damaged file), the non-characters U+FFFE
# and U+FFFF, and half surrogate pairs. Each becomes a space.
_NIET_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_tekst(tekst: str) -> str:
    return _NIET_IN_XML.sub(" ", tekst)


def schrijf(doc: Any, bl: list[Blok]) -> None:
    from docx.shared import Cm, Pt

    bl = [Blok(b.soort, tuple(xml_tekst(r) for r in b.regels)) for b in bl]
    has_bullets = "List Bullet" in [s.name for s in doc.styles]
    for i, b in enumerate(bl):
        volgende = bl[i + 1].soort if i + 1 < len(bl) else ""
        if b.soort == "titel":
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(12)
            p.paragraph_format.keep_with_next = True
            run = p.add_run(b.regels[0])
            run.bold = True
            run.font.size = Pt(15)
        elif b.soort == "kop":
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(10)
            p.paragraph_format.space_after = Pt(4)
            p.paragraph_format.keep_with_next = True
            p.add_run(b.regels[0]).bold = True
        elif b.soort == "punt":
            if has_bullets:
                p = doc.add_paragraph(style="List Bullet")
                p.add_run(b.regels[0])
            else:
                p = doc.add_paragraph("• " + b.regels[0])
                p.paragraph_format.left_indent = Cm(0.6)
                p.paragraph_format.first_line_indent = Cm(-0.4)
            # A list stays together and has room after its last item.
            laatste = volgende != "punt"
            p.paragraph_format.space_after = Pt(8 if laatste else 3)
            p.paragraph_format.keep_with_next = not laatste
        elif b.soort == "citaat":
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Cm(1)
            _regels(p, b.regels, italic=True)
            p.paragraph_format.keep_together = True
        elif b.soort == "handtekening":
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(30)
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.keep_with_next = True  # the line stays with the name
            p.add_run("______________________________")
        else:
            p = doc.add_paragraph()
            _regels(p, b.regels)
            p.paragraph_format.keep_together = len(b.regels) > 1 or None
            # An intro ("Ik vraag u:") stays with its list or quote; the greeting with
            # the signature below it.
            if volgende in ("punt", "citaat", "handtekening"):
                p.paragraph_format.keep_with_next = True


def _regels(p: Any, regels: tuple[str, ...], *, italic: bool = False) -> None:
    for i, regel in enumerate(regels):
        run = p.add_run(regel)
        run.italic = italic or None
        if i < len(regels) - 1:
            run.add_break()


def als_bytes(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def schrijf_bestand(inhoud: bytes, uitvoer: Path) -> Path:
    """Write atomically: a half-written letter never replaces a good one. The letter
    is the user's own file (mode 0644, like any document they save)."""
    from ondersteuner.vault.atomic import atomic_write

    atomic_write(Path(uitvoer), inhoud, mode=0o644)
    return Path(uitvoer)
