"""Files from outside, fuzzed: verslag import (.docx, .pdf, .txt), the organisation's
letterhead and its own letter templates. Every input ends in a result or the
module's own clear error, in reasonable time, and the open vault is not touched.

The short run here is 100 inputs per target (``bench/fuzz.py`` runs 1,000 and more);
its seed is random and printed: repeat it with FUZZ_SEED=<seed>. Below it, the
hostile inputs that must be refused before they exhaust memory (zip bombs, a 120 MB
text file), and one test per defect the fuzzing found, each fixed in the app.
"""

from __future__ import annotations

import io
import os
import random
import resource
import sys
import time
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import fuzz
from bench import fuzz_inputs as inputs
from ondersteuner import letters
from ondersteuner.compare.importeren import ImportFout, lees_bestand, pdf_paginas
from ondersteuner.letters import BriefpapierFout, SjabloonFout, woord
from ondersteuner.letters import sjabloon as sj
from tests.test_letters import volledig


@pytest.fixture
def capped_memory() -> Iterator[None]:
    """At most 3 GB more address space while the test runs: a bomb that got through
    fails with MemoryError here instead of taking the machine down."""
    if not sys.platform.startswith("linux"):
        yield
        return
    before = resource.getrlimit(resource.RLIMIT_AS)
    fuzz.limit_memory(3.0)
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, before)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------------ the short run
@pytest.mark.slow
@pytest.mark.parametrize("name", ["docx", "pdf", "txt", "briefpapier", "sjabloon"])
def test_fuzz_short_run(name: str, tmp_path: Path, capped_memory):
    seed = int(os.environ.get("FUZZ_SEED") or random.randrange(2**32))
    print(f"fuzz {name} seed {seed} (repeat with FUZZ_SEED={seed})")
    fuzz.quiet_libraries()
    vault = fuzz.open_vault(tmp_path / "kluis")
    work = tmp_path / "werk"
    work.mkdir()
    try:
        stats = fuzz.fuzz(fuzz.targets()[name], 100, seed, work, vault, light=True, hang_s=20)
    finally:
        letters.gebruik_sjabloonmap(None)
        vault.lock()
    print(stats.line())
    assert stats.crashes == [], f"seed {seed}: " + "\n".join(stats.crashes[:10])
    assert stats.hangs == [], f"seed {seed}: {stats.hangs}"
    assert stats.vault_unchanged, f"seed {seed}"
    assert stats.inputs == 100 and stats.results > 0 and stats.clear > 0  # both kinds seen


# ------------------------------------------------- refused before memory runs out
def test_docx_zip_bomb_is_refused_unread(tmp_path: Path, capped_memory):
    """1 MB on disk, 1 GB of XML inside: refused once 5 MB of it is unpacked. Before:
    read whole (2 GB of memory for this one; a 25 MB file can hold 25 GB)."""
    bomb = inputs.zip_bomb(inputs.base_verslag_docx(), 1024)
    assert len(bomb) < 2 * 1024 * 1024
    path = tmp_path / "verslag.docx"
    path.write_bytes(bomb)
    peak, t0 = _peak_mb(), time.perf_counter()
    with pytest.raises(ImportFout, match="uitgepakt veel te groot"):
        lees_bestand(path)
    assert time.perf_counter() - t0 < 2.0
    assert _peak_mb() - peak < 100  # nothing was unpacked


def test_docx_zip_bomb_with_falsified_sizes_unpacks_no_more_than_declared(tmp_path: Path):
    """A zip whose table of contents says 4 kB for 300 MB of XML: unpacked in pieces,
    it stops at the declared size and reads as damaged. Before: zipfile's read() of
    the whole part inflated all 300 MB at once before it noticed (600 MB of memory)."""
    path = tmp_path / "verslag.docx"
    path.write_bytes(inputs.zip_bomb(inputs.base_verslag_docx(), 300, lie=True))
    peak = _peak_mb()
    with pytest.raises(ImportFout, match="beschadigd"):
        lees_bestand(path)
    assert _peak_mb() - peak < 100


def test_docx_with_too_many_parts_is_refused(tmp_path: Path):
    entries = inputs._entries(inputs.base_verslag_docx())
    entries += [(f"word/extra/{i}.bin", b"") for i in range(3000)]
    path = tmp_path / "verslag.docx"
    path.write_bytes(inputs._zip(entries, zipfile.ZIP_STORED))
    with pytest.raises(ImportFout, match="te veel delen"):
        lees_bestand(path)


def test_huge_text_file_is_refused_before_reading(tmp_path: Path, capped_memory):
    """120 MB: refused on its size (a sparse file: nothing is written or read)."""
    path = tmp_path / "verslag.txt"
    with open(path, "wb") as fh:
        fh.truncate(120 * 1024 * 1024)
    peak, t0 = _peak_mb(), time.perf_counter()
    with pytest.raises(ImportFout, match=r"te groot \(120 MB\)"):
        lees_bestand(path)
    assert time.perf_counter() - t0 < 1.0 and _peak_mb() - peak < 50


def test_letterhead_zip_bomb_is_refused_unread(tmp_path: Path, capped_memory):
    path = tmp_path / "briefpapier.docx"
    path.write_bytes(inputs.zip_bomb(inputs.base_briefpapier(), 1024))
    peak = _peak_mb()
    with pytest.raises(BriefpapierFout, match="uitgepakt veel te groot"):
        woord.lees_briefpapier(path)
    with pytest.raises(BriefpapierFout):
        letters.render("klacht", volledig("klacht"), tmp_path / "k.docx", path)
    assert _peak_mb() - peak < 100 and not (tmp_path / "k.docx").exists()


def test_pdf_decompression_bomb_is_refused(tmp_path: Path, capped_memory):
    """A stream that inflates to 400 MB: pypdf stops at its limit; we say 'damaged'."""
    bomb = inputs.flate_bomb(400)
    assert len(zlib.decompressobj().decompress(bomb, 1 << 20)) == 1 << 20  # it is real
    data = inputs._page_pdf(bomb, filters=b"/Filter /FlateDecode ")
    path = tmp_path / "verslag.pdf"
    path.write_bytes(data)
    with pytest.raises(ImportFout, match="beschadigd"):
        lees_bestand(path)


# ---------------------------------------------------- defects the fuzzing found
def _pdf(**kw) -> bytes:
    return inputs._page_pdf(b"BT /F1 12 Tf 72 760 Td (Mevrouw kan niet koken) Tj ET", **kw)


@pytest.mark.parametrize(
    ("label", "data"),
    [
        # pypdf: NotImplementedError (an encryption version it does not know)
        ("encryption V=9", _pdf().replace(b"/Root 1 0 R", b"/Root 1 0 R /Encrypt << /V 9 /R 9 >>")),
        # pypdf: DependencyError (jbig2dec not installed)
        ("JBIG2 stream", _pdf(filters=b"/Filter /JBIG2Decode ")),
        # pypdf: LimitReachedError (a stream's /Length refers to the stream itself)
        ("length loop", _pdf().replace(b"/Length 53", b"/Length 4 0 R")),
    ],
)
def test_damaged_pdf_says_damaged(tmp_path: Path, label: str, data: bytes):
    """Before: pypdf's other exceptions went through unhandled (the import dialog
    only catches ImportFout)."""
    path = tmp_path / "verslag.pdf"
    path.write_bytes(data)
    with pytest.raises(ImportFout, match="beschadigd"):
        lees_bestand(path)


def test_pdf_whose_pages_do_not_load_is_not_shown():
    """Before: pdfium's error for a page that does not load went through unhandled."""
    data = _pdf().replace(b"/Count 1", b"/Count 5")  # five pages promised, one there
    with pytest.raises(ImportFout, match="niet worden getoond"):
        pdf_paginas(data)


def _docx_with_document_twice(base: bytes) -> bytes:
    return inputs._zip([*inputs._entries(base), ("word/document.xml", b"<niet/>")])


def test_docx_with_two_document_parts(tmp_path: Path):
    """Before: AttributeError from python-docx (verslag and letterhead alike)."""
    path = tmp_path / "verslag.docx"
    path.write_bytes(_docx_with_document_twice(inputs.base_verslag_docx()))
    with pytest.raises(ImportFout, match="beschadigd"):
        lees_bestand(path)
    path = tmp_path / "briefpapier.docx"
    path.write_bytes(_docx_with_document_twice(inputs.base_briefpapier()))
    with pytest.raises(BriefpapierFout, match="beschadigd"):
        woord.lees_briefpapier(path)


def test_letterhead_with_a_big_table_is_read_quickly(tmp_path: Path):
    """Before: emptying the letterhead's body took time growing with the square of a
    table's size (a 2 MB table: 25 s, 11 MB: 7 minutes)."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    cell = b"<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
    body = b"<w:tbl>" + (b"<w:tr>" + cell * 1000 + b"</w:tr>") * 40 + b"</w:tbl>"
    doc = f"<w:document {ns}><w:body>".encode() + body + b"<w:sectPr/></w:body></w:document>"
    entries = inputs._entries(inputs.base_briefpapier())
    path = tmp_path / "briefpapier.docx"
    path.write_bytes(inputs._zip([(n, doc if n == "word/document.xml" else d) for n, d in entries]))
    t0 = time.perf_counter()
    papier = woord.lees_briefpapier(path)
    assert time.perf_counter() - t0 < 3.0  # 7.6 s before, mostly the removal
    assert [c.tag.rsplit("}", 1)[1] for c in papier.element.body] == ["sectPr"]


def test_template_with_many_unclosed_tags_parses_quickly():
    """Before: every line starting with an unclosed '{{#' searched the rest of the
    text (quadratic: 60,000 such lines took 18 s)."""
    t0 = time.perf_counter()
    with pytest.raises(SjabloonFout):
        sj.parse("{{#\n" * 60_000, "eigen.txt")
    assert time.perf_counter() - t0 < 1.0
    # A tag on a line of its own still disappears with its line.
    nodes = sj.parse("a\n{{#als x}}\nb\n{{/als}}\nc")
    assert sj.vul(nodes, {"x": True}, lambda n: []) == "a\nb\nc"


def test_template_that_multiplies_is_stopped():
    """Before: blocks {{#elk}} inside each other multiply (five points, twelve deep:
    244 million copies) and hung the app; blocks 2,000 deep overflowed the stack."""
    punten = [{"citaat": "a", "correctie": "b"}] * 5
    for text in (
        "{{#elk punten}}" * 12 + "{{.citaat}}" + "{{/elk}}" * 12,
        "{{#elk punten}}" * 12 + "{{/elk}}" * 12,  # no text at all: the work counts
    ):
        t0 = time.perf_counter()
        with pytest.raises(SjabloonFout, match="veel te lang"):
            sj.vul(sj.parse(text), {"punten": punten}, lambda n: [])
        assert time.perf_counter() - t0 < 2.0
    with pytest.raises(SjabloonFout, match="te veel blokken in elkaar"):
        sj.parse("{{#als pgb}}" * 2000 + "x" + "{{/als}}" * 2000)
    # Normal nesting is untouched.
    nodes = sj.parse("{{#elk punten}}{{#als .citaat}}{{nr}}{{/als}}{{/elk}}")
    assert sj.vul(nodes, {"punten": punten}, lambda n: []) == "12345"


def test_letter_with_control_characters_in_a_field(tmp_path: Path):
    """Before: a form feed, vertical tab or NUL in a field (pasted, or quoted from a
    verslag) made python-docx refuse the whole letter with a ValueError."""
    import docx

    waarde = "Pagina 1\x0cpagina 2\x0bregel\x00 einde"
    data = volledig("klacht", gedraging=waarde)
    assert waarde in letters.tekst("klacht", data)  # the preview shows it as it is
    uit = letters.render("klacht", data, tmp_path / "klacht.docx")
    text = "\n".join(p.text for p in docx.Document(str(uit)).paragraphs)
    assert "Pagina 1 pagina 2 regel  einde" in text


def test_bsn_in_a_docx_whose_file_cannot_be_rewritten(tmp_path: Path):
    """Before: a .docx whose text reads but whose header part is missing made the
    redaction (when storing) fail with KeyError. Now the file is not kept — it would
    keep the BSN — and the redacted text is."""
    from ondersteuner.compare.importeren import BSN_VERVANGING, redigeer_bestand, vind_bsn

    entries = inputs._entries(inputs.base_verslag_docx())
    path = tmp_path / "verslag.docx"
    path.write_bytes(inputs._zip([e for e in entries if e[0] != "word/_rels/document.xml.rels"]))
    ingelezen = lees_bestand(path)
    found = vind_bsn(ingelezen.tekst)
    assert found == [inputs.BSN]
    redacted = redigeer_bestand(ingelezen, found)
    assert redacted.bestand is None
    assert inputs.BSN not in redacted.tekst and BSN_VERVANGING in redacted.tekst


def test_template_list_block_over_a_field_that_is_no_list():
    """Before: {{#elk pgb}} with the box ticked gave TypeError ('bool' object is not
    iterable) from the preview and the letter; a date or a text likewise."""
    import datetime as dt

    nodes = sj.parse("{{#elk pgb}}x{{/elk}}", "eigen.txt")
    for waarde in (True, dt.date(2026, 1, 5), "ja"):
        with pytest.raises(SjabloonFout, match=r"\{\{#elk pgb\}\} kan alleen een lijst"):
            sj.vul(nodes, {"pgb": waarde}, lambda n: [])
    assert sj.vul(nodes, {"pgb": False}, lambda n: []) == ""  # empty: nothing to go over


def test_pdf_page_as_large_as_a_wall_is_shown_smaller():
    """Before: a page size of 2,147,483,648 points (one changed number) made pdfium
    ask for gigabytes of pixels: MemoryError. Now a damaged size is refused and a
    huge page (the largest a pdf allows: 200 inches) is shown at a smaller scale."""
    text = b"BT /F1 12 Tf 72 760 Td (Mevrouw kan niet koken) Tj ET"
    box = b"/MediaBox [0 0 595 842]"
    damaged = inputs._page_pdf(text).replace(box, b"/MediaBox [0 0 2147483648 842]")
    with pytest.raises(ImportFout, match="niet worden getoond"):
        pdf_paginas(damaged)
    [wall] = pdf_paginas(inputs._page_pdf(text).replace(box, b"/MediaBox [0 0 14400 14400]"))
    assert wall.breedte * wall.hoogte <= 16_000_000
    [a4] = pdf_paginas(inputs._page_pdf(text))
    assert (a4.breedte, a4.hoogte) == (833, 1179)  # an ordinary page as before


def test_docx_packed_with_bzip2_is_refused(tmp_path: Path):
    """zipfile unpacks a bzip2 part without a limit per read (a small part could
    still be a bomb), and Word never writes one: such a file reads as damaged."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_BZIP2) as z:
        for name, data in inputs._entries(inputs.base_verslag_docx()):
            z.writestr(name, data)
    path = tmp_path / "verslag.docx"
    path.write_bytes(out.getvalue())
    with pytest.raises(ImportFout, match="beschadigd"):
        lees_bestand(path)


@pytest.mark.parametrize("part", ["word/document.xml", "word/footer1.xml"])
def test_docx_with_a_dtd_is_refused(tmp_path: Path, part: str):
    """OOXML forbids DTDs (ECMA-376 part 2, M1.18). Before: a letterhead whose footer
    declared an external entity gave letters Word cannot open (python-docx leaves
    the entity unresolved — no file is read — and writes it into the letter)."""
    import re

    xxe = b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'

    def with_dtd(base: bytes) -> bytes:
        entries = []
        for name, data in inputs._entries(base):
            if name == part:
                data = re.sub(rb"(<\?xml[^>]*\?>)", rb"\1" + xxe, data, count=1)
                data = data.replace(b"<w:t>", b"<w:t>&x;", 1)
            entries.append((name, data))
        return inputs._zip(entries)

    papier = tmp_path / "briefpapier.docx"
    papier.write_bytes(with_dtd(inputs.base_briefpapier()))
    with pytest.raises(BriefpapierFout, match="beschadigd"):
        letters.render("klacht", volledig("klacht"), tmp_path / "k.docx", papier)
    if part == "word/document.xml":
        verslag = tmp_path / "verslag.docx"
        verslag.write_bytes(with_dtd(inputs.base_verslag_docx()))
        with pytest.raises(ImportFout, match="beschadigd"):
            lees_bestand(verslag)


def test_a_file_that_cannot_be_read(tmp_path: Path):
    """Before: a file that exists but cannot be read (no permission, locked by
    another program; here a folder with a file's name) raised OSError unhandled."""
    folder = tmp_path / "verslag.txt"
    folder.mkdir()
    (folder / "x").write_text("x")
    with pytest.raises(ImportFout, match="kan niet worden geopend"):
        lees_bestand(folder)
