"""Compare the notes of a gesprek with the verslag the gemeente sent.

1. The verslag is cut into passages (sentences, with their place in the text).
2. Each note is matched to the passage, or two neighbouring passages, that covers
   most of its content (weighted by how rare a word is in the verslag; domain
   synonyms count as the same concept; fuzzy matching catches spelling variants).
3. A covered note is checked for distortion: another number, a flipped negation,
   a promise weakened into "wordt onderzocht", an added condition, or only part of
   the note covered → ``gedeeltelijk``. Not covered → ``ontbreekt``.
4. Passages with content that no note supports are listed (``niet_onderbouwd``).
5. The verslag is checked for the contents ANBO rule 20 requires.
Pure Python; rapidfuzz and a Snowball stemmer, nothing heavy.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ondersteuner.compare import tekst as tx
from ondersteuner.gesprek.notities import soort_van
from ondersteuner.models.enums import NotitieSoort as K

GEVONDEN, GEDEELTELIJK, ONTBREEKT = "gevonden", "gedeeltelijk", "ontbreekt"

# Coverage thresholds (share of the note's weighted content found in a passage).
FOUND = 0.55
PARTIAL = 0.30
# A verslag passage counts as supported when a note covers this much of it.
SUPPORTED = 0.34


@dataclass(frozen=True)
class Passage:
    tekst: str
    start: int  # offset in the verslag
    eind: int


@dataclass
class Punt:
    notitie: str
    status: str
    passage: str | None
    score: float
    reden: str = ""  # why gedeeltelijk: "ander getal", "ontkenning omgedraaid" …
    soort: K = K.OBSERVATIE
    start: int | None = None  # where the passage is in the verslag
    eind: int | None = None

    @property
    def belangrijk(self) -> bool:
        return self.soort in (K.AFSPRAAK, K.TOEZEGGING)


@dataclass
class Vergelijking:
    punten: list[Punt]
    niet_onderbouwd: list[str]
    checklist: dict[str, bool]
    bewijs: dict[str, str | None] = field(default_factory=dict)
    passages: list[Passage] = field(default_factory=list)
    niet_onderbouwd_plaats: list[Passage] = field(default_factory=list)

    @property
    def verschillen(self) -> list[Punt]:
        """Missing or distorted notes, afspraken and toezeggingen first."""
        diff = [p for p in self.punten if p.status != GEVONDEN]
        return sorted(
            diff, key=lambda p: (not p.belangrijk, p.status != ONTBREEKT, self.punten.index(p))
        )


_SPLIT = re.compile(r"(?<=[.!?;:])\s+|\n+|(?<=\S)\s+[•\-–]\s+")
# A line break inside a sentence (a pdf's wrapped lines): the line does not end a
# sentence and the next one goes on in lower case.
_WRAPPED = re.compile(r"(?<=[^.!?:;\n])\n(?=[ \t]*[a-zà-ÿ(0-9])")


def passages(verslag: str) -> list[Passage]:
    out = []
    pos = 0
    # Same length as the original (a newline becomes a space), so offsets still fit.
    joined = _WRAPPED.sub(" ", verslag)
    for part in _SPLIT.split(joined):
        if part is None:
            continue
        start = joined.find(part, pos)
        if start < 0:
            continue
        pos = start + len(part)
        text = part.strip(" •-–\t")
        if len(text) >= 3:
            out.append(Passage(text, start, start + len(part)))
    return out


class _Index:
    """Tokens and weights of the verslag passages."""

    def __init__(self, parts: list[Passage]) -> None:
        self.parts = parts
        self.tokens = [tx.tokens(p.tekst) for p in parts]
        self.sets = [set(t) for t in self.tokens]
        df: Counter[str] = Counter()
        for s in self.sets:
            df.update(s)
        n = max(1, len(parts))
        self.idf = {t: math.log(1 + n / (1 + c)) for t, c in df.items()}
        self.default_idf = math.log(1 + n)

    def weight(self, token: str) -> float:
        w = self.idf.get(token, self.default_idf)
        return w * (1.6 if token.startswith("§") else 1.0)


def _fuzzy_hit(token: str, candidates: set[str]) -> bool:
    if token.startswith("§") or token[0].isdigit() or len(token) < 5:
        return False
    from rapidfuzz import fuzz

    return any(
        len(c) >= 5 and not c.startswith("§") and fuzz.ratio(token, c) >= 85 for c in candidates
    )


def _coverage(note_tokens: list[str], target: set[str], index: _Index) -> float:
    if not note_tokens:
        return 0.0
    total = hit = 0.0
    for t in set(note_tokens):
        w = index.weight(t)
        total += w
        if t in target or _fuzzy_hit(t, target):
            hit += w
    return hit / total if total else 0.0


def _distortion(note: str, passage: str, soort: K, coverage: float) -> str:
    """Why a covered note is only partly right, or "" when it is right."""
    note_numbers = tx.numbers(note)
    pass_numbers = tx.numbers(passage)
    if note_numbers and pass_numbers:
        for n in note_numbers:
            same_unit = [p for p in pass_numbers if p.eenheid == n.eenheid or not n.eenheid]
            if same_unit and all(abs(p.waarde - n.waarde) > 1e-9 for p in same_unit):
                return "ander getal"
    if tx.negated(note) != tx.negated(passage):
        return "ontkenning omgedraaid"
    promised = soort in (K.TOEZEGGING, K.AFSPRAAK) or tx.strong(note)
    if promised and tx.weak(passage) and not tx.weak(note):
        return "toezegging afgezwakt"
    if tx.condition(passage) and not tx.condition(note):
        return "voorwaarde toegevoegd"
    if coverage < FOUND:
        return "maar deels"
    return ""


def _checklist(parts: list[Passage]) -> tuple[dict[str, bool], dict[str, str | None]]:
    from ondersteuner.compare.checklist import CHECKS

    result: dict[str, bool] = {}
    evidence: dict[str, str | None] = {}
    folded = [tx.fold(p.tekst) for p in parts]
    for key, pattern in CHECKS.items():
        hit = next((p.tekst for p, f in zip(parts, folded, strict=True) if pattern.search(f)), None)
        result[key] = hit is not None
        evidence[key] = hit
    return result, evidence


def vergelijk(notities: list[str], verslag: str) -> Vergelijking:
    """Each note against the verslag, the verslag's unsupported passages, and the
    ANBO rule 20 checklist."""
    parts = passages(verslag)
    index = _Index(parts)
    # Candidate spans: single passages and pairs of neighbours (a note covered by
    # two sentences together).
    spans: list[tuple[int, int, set[str]]] = [(i, i, s) for i, s in enumerate(index.sets)]
    spans += [(i, i + 1, index.sets[i] | index.sets[i + 1]) for i in range(len(parts) - 1)]
    punten: list[Punt] = []
    support = [0.0] * len(parts)
    for raw in notities:
        soort, body = soort_van(raw)
        note_tokens = tx.tokens(body)
        best = (0.0, -1, -1)
        for a, b, target in spans:
            cov = _coverage(note_tokens, target, index)
            # A pair must add something over its parts to be preferred.
            if cov > best[0] + (0.05 if a != b else 0.0):
                best = (cov, a, b)
        cov, a, b = best
        if cov < PARTIAL or a < 0:
            punten.append(Punt(raw, ONTBREEKT, None, round(cov, 3), soort=soort))
            continue
        passage = " ".join(parts[k].tekst for k in range(a, b + 1))
        reden = _distortion(body, passage, soort, cov)
        punten.append(
            Punt(
                raw,
                GEDEELTELIJK if reden else GEVONDEN,
                passage,
                round(cov, 3),
                reden,
                soort,
                parts[a].start,
                parts[b].eind,
            )
        )
        for k in range(a, b + 1):
            # How much of the passage this note supports (the reverse direction).
            support[k] = max(support[k], _coverage(index.tokens[k], set(note_tokens), index))
    unsupported = [
        p
        for p, s, toks in zip(parts, support, index.tokens, strict=True)
        if s < SUPPORTED
        and _substantive(p.tekst, toks)
        and max(
            (_coverage(toks, set(tx.tokens(soort_van(n)[1])), index) for n in notities), default=0.0
        )
        < SUPPORTED
    ]
    checklist, evidence = _checklist(parts)
    return Vergelijking(
        punten=punten,
        niet_onderbouwd=[p.tekst for p in unsupported],
        checklist=checklist,
        bewijs=evidence,
        passages=parts,
        niet_onderbouwd_plaats=unsupported,
    )


_PROCEDURAL = re.compile(
    r"\b(vriendelijke groet|hoogachtend|geachte|verslag van|gesprek vond plaats|"
    r"aanwezig waren|aanwezigen|datum|kenmerk|onderwerp|pagina|bijlage|handtekening|"
    r"telefoonnummer|e-mail|postbus|vragen over dit verslag|reageren op dit verslag|"
    r"binnen twee weken|binnen 14 dagen)\b"
)


def _substantive(text: str, toks: list[str]) -> bool:
    """A claim about the client's situation, not a heading or a procedural line."""
    if len(toks) < 4 or text.rstrip().endswith(":"):
        return False
    return not _PROCEDURAL.search(tx.fold(text))
