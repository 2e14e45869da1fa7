"""A suggested line for "Woorden van de gemeente": the words of a note the verslag
does not use, and the words of the passage that came closest that the note does not
use. The
adviser picks which belong together; nothing here guesses that for them. Pure, no Qt.
"""

from __future__ import annotations

import re

from ondersteuner.compare import tekst as tx
from ondersteuner.compare.engine import _PEOPLE, _UNITS
from ondersteuner.gesprek.notities import soort_van

# People and units say who or how much, not what: no use as a gemeente's own word.
_NOT_TOPICS = _PEOPLE | _UNITS
MAX_WOORDEN = 10


def _words(text: str) -> list[tuple[str, set[str]]]:
    """The words of ``text`` (folded: lower case, no accents) with their content
    tokens (none for function words, numbers, people and units), in order and
    without repeats; a word inside a phrase of the synonym list ("hulp in de
    huishouding") carries that phrase's concept. Words and phrases are both found in
    the folded text, so their places agree ('ﬁ' and 'ß' change length when folded)."""
    pattern, lookup = tx.synonyms()
    folded_text = tx.fold(text)
    in_phrase: dict[int, str] = {}  # start of a word → concept of its phrase
    for m in pattern.finditer(folded_text):
        for w in re.finditer(r"\S+", m.group(1)):
            in_phrase[m.start(1) + w.start()] = lookup[m.group(1)]
    out: list[tuple[str, set[str]]] = []
    seen: set[str] = set()
    for m in re.finditer(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", folded_text):
        word = m.group()
        if word in seen or len(word) < 3:
            continue
        seen.add(word)
        toks = set(tx.tokens(word))
        phrase = in_phrase.get(m.start())
        if phrase is not None:
            toks.add(phrase)
        toks = {t for t in toks if t not in _NOT_TOPICS and not t[0].isdigit()}
        if toks and phrase not in _NOT_TOPICS:
            out.append((word, toks))
    return out


def woordvoorstel(notitie: str, passage: str) -> tuple[list[str], list[str]]:
    """The words of ``notitie`` that ``passage`` does not use, and those of
    ``passage`` that the note does not use (lower case, in order, at most
    ``MAX_WOORDEN`` each): the candidates for a line "begrip: woord, woord"."""
    _soort, body = soort_van(notitie)
    note, near = _words(body), _words(passage)
    # All tokens of each side, abbreviations and phrases included ("HH").
    note_tokens, near_tokens = set(tx.tokens(body)), set(tx.tokens(passage))
    eigen = [w for w, t in note if not t & near_tokens]
    verslag = [w for w, t in near if not t & note_tokens]
    return eigen[:MAX_WOORDEN], verslag[:MAX_WOORDEN]


def woordregel(notitie_woorden: list[str], verslag_woorden: list[str]) -> str:
    """One line for the adviser's list: the first word of the note names the
    concept, and every chosen word (the note's and the verslag's) is a variant.
    Raises ``ValueError`` with a Dutch message when a side is empty."""
    if not notitie_woorden:
        raise ValueError("Kies minstens één woord uit uw aantekening.")
    if not verslag_woorden:
        raise ValueError("Kies minstens één woord uit het verslag.")
    begrip = re.sub(r"[^a-z0-9]+", "_", tx.fold(notitie_woorden[0])).strip("_")
    woorden = list(dict.fromkeys([*notitie_woorden, *verslag_woorden]))
    return f"{begrip}: {', '.join(woorden)}"
