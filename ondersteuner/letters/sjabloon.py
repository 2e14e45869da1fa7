"""A small, safe template language for letters, readable by the people who write
them (no code runs from a template, so an organisation's own template cannot harm
the vault).

    {{veld}}                 the value of a field (a date as "3 maart 2026")
    {{#als veld}} … {{/als}}        only when the field has a value (or is "ja")
    {{#alsniet veld}} … {{/alsniet}} only when it has none
    {{#elk punten}} … {{/elk}}      once per item of a list; inside: {{.citaat}}, {{nr}}
    {{>ondertekening}}       another template (``_ondertekening.txt``)
    ; a comment line          left out of the letter

A line holding only a tag disappears with it, so conditions can stand on their own
lines. After filling in, the text is read as blocks (``blokken``): a blank line ends
a paragraph, lines within a paragraph stay separate lines, ``# `` is the title of a
document (a plan, a machtiging), ``## `` starts a heading,
``- `` a bullet, ``> `` a quotation and ``[[handtekening]]`` leaves room to sign.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ondersteuner.i18n import tr

_TAG = re.compile(r"\{\{\s*([#/>]?)\s*([a-z_.]+)(?:\s+(\.?[a-z_]+))?\s*\}\}")
# One line holding only a tag. ``[^}\n]``: a tag line never runs on to the next line
# (with ``[^}]`` every unclosed "{{#" searched the rest of the text: quadratic).
_STANDALONE = re.compile(r"^[ \t]*(\{\{\s*[#/>][^}\n]*\}\})[ \t]*$", re.MULTILINE)
MAX_DIEPTE = 8  # includes within includes
MAX_BLOKKEN_IN_ELKAAR = 40  # blocks within blocks (a letter needs two or three)
# Work (parts visited, fields copied per list item, characters written) filling in
# one letter may take. A letter takes thousands; blocks {{#elk}} inside each other
# multiply (five points, twelve deep: 244 million) and would hang the app.
MAX_WERK = 2_000_000


class SjabloonFout(ValueError):
    """A template that cannot be read; the message says where, in Dutch."""


@dataclass
class _Node:
    kind: str  # "text", "var", "als", "alsniet", "elk", "include"
    value: str = ""
    children: list[_Node] | None = None


_GONE = "\x02"  # a line end taken out with its comment or tag line (kept for counting)


def parse(text: str, naam: str = "") -> list[_Node]:
    # Comment lines go; a standalone tag line keeps only the tag. The newlines they
    # take away become markers, so error messages still name the line in the file.
    lines = text.replace("\r\n", "\n").replace(_GONE, "").split("\n")
    text = "\n".join("\x03" if ln.startswith(";") else ln for ln in lines)
    text = text.replace("\x03\n", _GONE).replace("\x03", "")
    text = _STANDALONE.sub(lambda m: m.group(1) + "\x00", text)
    text = text.replace("\x00\n", _GONE).replace("\x00", "")
    root: list[_Node] = []
    stack: list[tuple[str, list[_Node], int]] = [("", root, 0)]
    pos = 0
    for m in _TAG.finditer(text):
        if m.start() > pos:
            stack[-1][1].append(_Node("text", text[pos : m.start()].replace(_GONE, "")))
        pos = m.end()
        sigil, word, arg = m.group(1), m.group(2), m.group(3)
        if sigil == "#":
            if word not in ("als", "alsniet", "elk") or not arg:
                wat = tr("onbekend blok {0}").format(m[0])
                raise SjabloonFout(_waar(naam, text, m.start(), wat))
            if len(stack) > MAX_BLOKKEN_IN_ELKAAR:  # filling in is recursive: keep it shallow
                wat = tr("te veel blokken in elkaar")
                raise SjabloonFout(_waar(naam, text, m.start(), wat))
            children: list[_Node] = []
            stack[-1][1].append(_Node(word, arg, children))
            stack.append((word, children, m.start()))
        elif sigil == "/":
            if len(stack) == 1 or stack[-1][0] != word:
                raise SjabloonFout(_waar(naam, text, m.start(), tr("{0} sluit niets").format(m[0])))
            stack.pop()
        elif sigil == ">":
            stack[-1][1].append(_Node("include", word))
        else:
            stack[-1][1].append(_Node("var", word))
    if pos < len(text):
        stack[-1][1].append(_Node("text", text[pos:].replace(_GONE, "")))
    if len(stack) > 1:
        wat = tr("blok {{{{#{0}}}}} is niet gesloten").format(stack[-1][0])
        raise SjabloonFout(_waar(naam, text, stack[-1][2], wat))
    if "{{" in "".join(n.value for n in _walk(root) if n.kind == "text"):
        raise SjabloonFout(_waar(naam, text, text.find("{{"), tr("onleesbare code met {{")))
    return root


def _walk(nodes: list[_Node]) -> Iterator[_Node]:
    for n in nodes:
        yield n
        if n.children:
            yield from _walk(n.children)


def _waar(naam: str, text: str, pos: int, wat: str) -> str:
    regel = text.count("\n", 0, pos) + text.count(_GONE, 0, pos) + 1
    return tr("Sjabloon {0}, regel {1}: {2}.").format(naam or "?", regel, wat)


def velden_in(nodes: list[_Node]) -> set[str]:
    """The field names a template uses (to check a user template)."""
    return {n.value for n in _walk(nodes) if n.kind in ("var", "als", "alsniet", "elk")}


def waarde_tekst(waarde: Any) -> str:
    if waarde is None or waarde is False:
        return ""
    if waarde is True:
        return tr("ja")
    if isinstance(waarde, dt.date):
        from ondersteuner.documenten.gesprek import datum_lang

        return datum_lang(waarde)
    return str(waarde).strip()


def _waar_is(waarde: Any) -> bool:
    if isinstance(waarde, str):
        return bool(waarde.strip()) and waarde.strip().lower() not in ("nee", "0")
    return bool(waarde)


def vul(
    nodes: list[_Node],
    gegevens: Mapping[str, Any],
    include: Callable[[str], list[_Node]],
    *,
    ontbreekt: Callable[[str], str] | None = None,
    _diepte: int = 0,
    _werk: list[int] | None = None,
) -> str:
    """The template filled in. ``ontbreekt`` (for a preview) says what to show for an
    empty field; without it an empty field shows nothing."""
    werk = _werk if _werk is not None else [MAX_WERK]
    out: list[str] = []

    def stap(kosten: int) -> None:
        werk[0] -= kosten
        if werk[0] < 0:
            raise SjabloonFout(
                tr(
                    "Het sjabloon maakt de brief veel te lang. Staan er blokken {{#elk}} in "
                    "elkaar, of voegen delen elkaar steeds opnieuw in?"
                )
            )

    def add(tekst: str) -> None:
        out.append(tekst)
        stap(len(tekst))

    def dieper(children: list[_Node], scope: Mapping[str, Any], diepte: int) -> str:
        return vul(children, scope, include, ontbreekt=ontbreekt, _diepte=diepte, _werk=werk)

    for n in nodes:
        stap(1)
        if n.kind == "text":
            add(n.value)
        elif n.kind == "var":
            if n.value.startswith("."):
                add(_zelfde_soort_regel(out, waarde_tekst(gegevens.get(n.value[1:]))))
                continue
            tekst = waarde_tekst(gegevens.get(n.value))
            if not tekst and ontbreekt:
                tekst = ontbreekt(n.value)
            add(_zelfde_soort_regel(out, tekst))
        elif n.kind in ("als", "alsniet"):
            # "{{#als .citaat}}" inside a list: the item's own field.
            if _waar_is(gegevens.get(n.value.removeprefix("."))) == (n.kind == "als"):
                out.append(dieper(n.children or [], gegevens, _diepte))
        elif n.kind == "elk":
            items = gegevens.get(n.value) or []
            if not isinstance(items, list | tuple):  # {{#elk pgb}}: a yes/no, a date, a text
                raise SjabloonFout(
                    tr("{{{{#elk {0}}}}} kan alleen een lijst doorlopen, zoals punten.").format(
                        n.value
                    )
                )
            if not items and ontbreekt:
                add(ontbreekt(n.value))
            for i, item in enumerate(items, 1):
                stap(1 + len(gegevens))  # copying the fields for the item costs too
                scope = {**gegevens, **(item if isinstance(item, Mapping) else {}), "nr": i}
                out.append(dieper(n.children or [], scope, _diepte))
        elif n.kind == "include":
            if _diepte >= MAX_DIEPTE:
                raise SjabloonFout(tr("Sjablonen roepen elkaar te diep aan ({0}).").format(n.value))
            out.append(dieper(include(n.value), gegevens, _diepte + 1))
    return "".join(out)


def _zelfde_soort_regel(out: list[str], tekst: str) -> str:
    """A value of several lines after "> " stays one quotation: its other lines get
    the "> " too (and blank lines inside it do not end the quotation)."""
    if "\n" not in tekst:
        return tekst
    regel = ("".join(out[-3:])).rsplit("\n", 1)[-1]
    if regel.startswith("> "):
        return "\n".join(r if i == 0 else "> " + r for i, r in enumerate(tekst.split("\n")))
    return tekst


@dataclass(frozen=True)
class Blok:
    soort: str  # "alinea", "titel", "kop", "punt", "citaat", "handtekening"
    regels: tuple[str, ...]


def blokken(tekst: str) -> list[Blok]:
    """The filled-in text as paragraphs, headings, bullets and quotations."""
    out: list[Blok] = []
    alinea: list[str] = []

    def einde() -> None:
        if alinea:
            out.append(Blok("alinea", tuple(alinea)))
            alinea.clear()

    for raw in tekst.split("\n"):
        regel = raw.rstrip()
        if not regel.strip():
            einde()
        elif regel.startswith("## "):
            einde()
            out.append(Blok("kop", (regel[3:].strip(),)))
        elif regel.startswith("# "):
            einde()
            out.append(Blok("titel", (regel[2:].strip(),)))
        elif regel.lstrip().startswith(("- ", "• ")):
            einde()
            out.append(Blok("punt", (regel.lstrip()[2:].strip(),)))
        elif regel.startswith("> ") or regel == ">":
            einde()
            if out and out[-1].soort == "citaat":
                out[-1] = Blok("citaat", (*out[-1].regels, regel[2:].strip()))
            else:
                out.append(Blok("citaat", (regel[2:].strip(),)))
        elif regel.strip() == "[[handtekening]]":
            einde()
            out.append(Blok("handtekening", ()))
        else:
            alinea.append(regel.strip())
    einde()
    return out


def platte_tekst(bl: list[Blok]) -> str:
    """The blocks as plain text (the preview, the search in tests)."""
    parts: list[str] = []
    for i, b in enumerate(bl):
        if b.soort in ("kop", "titel"):
            tekst = b.regels[0].upper()
        elif b.soort == "punt":
            tekst = "• " + b.regels[0]
        elif b.soort == "citaat":
            tekst = "\n".join("    " + r for r in b.regels)
        elif b.soort == "handtekening":
            tekst = "\n______________________________"
        else:
            tekst = "\n".join(b.regels)
        # Bullets of one list, and a heading with its text, stay together.
        close = i > 0 and (
            (b.soort == "punt" and bl[i - 1].soort == "punt") or bl[i - 1].soort == "kop"
        )
        parts.append(("\n" if close else "\n\n") + tekst if parts else tekst)
    return "".join(parts)
