"""How far a Word file from outside (a verslag, a letterhead) may unpack before
python-docx reads it. python-docx loads every part into memory, and a .docx of 1 MB
can hold a gigabyte of XML (a zip bomb).

The zip's table of contents cannot be trusted for this: it may understate a part's
size, and zipfile's ``read()`` of a whole part inflates everything in one go before
it notices. So every part is unpacked here in pieces of a megabyte, counting, and
python-docx gets a copy made of exactly what was counted (stored, not compressed):
it can never unpack more than passed the limits.
"""

from __future__ import annotations

import io
import zipfile

MAX_TOTAL = 100 * 1024 * 1024  # all parts together, photos included
MAX_XML = 5 * 1024 * 1024  # one XML part: hundreds of pages of Word text
MAX_ENTRIES = 2000  # a real .docx has tens of parts
_PIECE = 1024 * 1024
_DOCTYPE = tuple("<!DOCTYPE".encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be"))


class TooLarge(ValueError):
    """The package unpacks beyond the limits (or has too many parts)."""


def checked_copy(data: bytes) -> bytes:
    """The zip in ``data``, unpacked under the limits and packed again uncompressed.

    Raises :class:`TooLarge`; a damaged zip raises what zipfile raises for it
    (``BadZipFile``, also for a compression Word does not use; ``RuntimeError`` for
    an encrypted part, ``EOFError``, ``OSError``), an XML part with a DTD
    ``ValueError``."""
    out = io.BytesIO()
    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        infos = src.infolist()
        if len(infos) > MAX_ENTRIES:
            raise TooLarge()
        # A name given twice: zipfile (and so python-docx) reads the last one.
        last = {info.filename: info for info in infos}
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
            for info in last.values():
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    # Word uses these two. zipfile inflates bzip2 and lzma without a
                    # limit per read, so a small bzip2 part could still be a bomb.
                    raise zipfile.BadZipFile(f"compression {info.compress_type}")
                xml = info.filename.lower().endswith((".xml", ".rels"))
                limit = MAX_XML if xml else MAX_TOTAL
                pieces, size = [], 0
                with src.open(info) as part:
                    while piece := part.read(_PIECE):  # never inflates more at once
                        size += len(piece)
                        total += len(piece)
                        if size > limit or total > MAX_TOTAL:
                            raise TooLarge()
                        pieces.append(piece)
                content = b"".join(pieces)
                if xml and any(d in content for d in _DOCTYPE):
                    # OOXML forbids DTDs and says to treat one as an error (ECMA-376
                    # part 2, M1.18): entity tricks live there, and python-docx would
                    # write an entity it does not resolve into a letter Word cannot open.
                    raise ValueError(f"DTD in {info.filename}")
                copy = zipfile.ZipInfo(info.filename)  # its own date: a broken one is no matter
                dst.writestr(copy, content)
    return out.getvalue()
