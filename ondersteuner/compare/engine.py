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

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ondersteuner.compare import tekst as tx
from ondersteuner.gesprek.notities import soort_van
from ondersteuner.models.enums import NotitieSoort as K

GEVONDEN, GEDEELTELIJK, ONTBREEKT = "gevonden", "gedeeltelijk", "ontbreekt"

# Coverage thresholds (share of the note's weighted content found in a passage).
FOUND = 0.40
PARTIAL = 0.30
# A verslag passage counts as supported when a note covers this much of it.
SUPPORTED = 0.34
# A part of a note counts as said when this much of its content is in the passage.
PART_SAID = 0.6
# ... or, for a note of several parts, each part by a sentence of its own.
EACH_PART = 0.5


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
    # For a note that is ontbreekt: the passage that came closest (its topic, not its
    # content), so the adviser can check it in a glance; None when nothing came near.
    dichtbij: Passage | None = None

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


# Sentence ends, not after an initial ("de heer M. van Dalen") or an abbreviation.
_SPLIT = re.compile(
    r"(?<=[.!?;:])(?<!\s[A-Z]\.)(?<!^[A-Z]\.)(?<!dhr\.)(?<!Dhr\.)(?<!mw\.)(?<!Mw\.)(?<!cl\.)(?<!Cl\.)"
    r"(?<!bijv\.)(?<!evt\.)(?<!o\.a\.)(?<!ca\.)(?<!nr\.)(?<!mevr\.)(?<!Mevr\.)\s+"
    r"|\n+|(?<=\S)\s+[•\-–]\s+"
)
# A line break inside a sentence (a pdf's wrapped lines): the line does not end a
# sentence and the next one goes on in lower case.
_WRAPPED = re.compile(r"(?<=[^.!?:;\n])\n(?=[ \t]*[a-zà-ÿ(0-9])")


def line_ends(text: str) -> str:
    """Every line end as one newline, as a text widget shows it ("\r\n" from a
    Windows .txt, a lone "\r")."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def unwrapped(verslag: str) -> str:
    """The verslag with one newline per line end and wrapped lines joined: each such
    break becomes one space, so every offset (a passage, a mark) fits the text the
    comparison window shows."""
    return _WRAPPED.sub(" ", line_ends(verslag))


def passages(verslag: str) -> list[Passage]:
    out = []
    pos = 0
    joined = unwrapped(verslag)
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


_CLIENT_WORDS = re.compile(r"\b(u|uw|je|jij|jouw|jullie|moeder|vader|ouders)\b")


class _Index:
    """Tokens and weights of the verslag passages."""

    def __init__(self, parts: list[Passage]) -> None:
        self.parts = parts
        self.tokens = [tx.tokens(p.tekst) for p in parts]
        self.sets = [set(t) for t in self.tokens]
        # A verslag written to the client ("je", "u") or, under the Jeugdwet, about a
        # parent speaks of the client without "mevrouw": those words are the client.
        for p, s in zip(parts, self.sets, strict=True):
            if _CLIENT_WORDS.search(tx.fold(p.tekst)):
                s.add("§client")
        df: Counter[str] = Counter()
        for s in self.sets:
            df.update(s)
        n = max(1, len(parts))
        self.idf = {t: math.log(1 + n / (1 + c)) for t, c in df.items()}
        self.default_idf = math.log(1 + n)

    def weight(self, token: str) -> float:
        w = self.idf.get(token, self.default_idf)
        return w * (1.6 if token.startswith("§") else 1.0)


class _Vocabulary:
    """The verslag's words, sorted forwards and backwards for compound lookups."""

    def __init__(self, words: set[str]) -> None:
        self.words = words
        self.plain = sorted(v for v in words if len(v) >= 5 and not v.startswith("§"))
        self.backwards = sorted(v[::-1] for v in self.plain)
        # The verslag's -t verb forms under their other stems ('meldt' under 'mel').
        self.t_forms: dict[str, set[str]] = {}
        for v in words:
            for alt in tx.verb_forms(v):
                self.t_forms.setdefault(alt, set()).add(v)


_PARTICLES = frozenset({
    "aan", "af", "bij", "door", "in", "langs", "mee", "na", "om", "op", "terug", "toe", "uit",
    "weg",
})  # fmt: skip


def _equivalents(
    tokens: set[str], vocab: _Vocabulary, particles: frozenset[str] = frozenset()
) -> dict[str, set[str]]:
    """For each note token the verslag tokens that count as the same word: itself, or
    (for words of 5+ letters not in the verslag) close spellings (rapidfuzz ≥ 85)."""
    from rapidfuzz import fuzz, process

    vocabulary, plain, backwards = vocab.words, vocab.plain, vocab.backwards
    stems = tx.concept_stems()
    out: dict[str, set[str]] = {}
    for t in tokens:
        out[t] = {t}
        # A concept inside a compound: 'schulden' in 'schuldenlast', 'achterstand'
        # in 'huurachterstand'.
        for s in stems.get(t, ()):
            out[t] |= {v for v in _starting(plain, s) if len(v) >= len(s) + 3}
            out[t] |= {v[::-1] for v in _starting(backwards, s[::-1]) if len(v) >= len(s) + 3}
        if t.startswith("§") or t[0].isdigit() or len(t) < 3:
            continue
        # Verb forms with and without their -t ("meldt" and "melden"), and separable
        # verbs: "belden aan" is "aanbelden", "meldt aan" is "aanmelden".
        forms = {t} | tx.verb_forms(t)
        out[t] |= {f for f in forms if f in vocabulary} | vocab.t_forms.get(t, set())
        out[t] |= {p + f for f in forms for p in particles if p + f in vocabulary}
        if len(t) < 4:
            continue
        # Compounds: 'pijn' is in 'pijnklachten', 'dagbesteding' in 'nah-dagbesteding'.
        out[t] |= {v for v in _starting(plain, t) if len(v) >= len(t) + 3}
        out[t] |= {v[::-1] for v in _starting(backwards, t[::-1]) if len(v) >= len(t) + 3}
        if t not in vocabulary and len(t) >= 5:
            found = process.extract(t, plain, scorer=fuzz.ratio, score_cutoff=85, limit=5)
            out[t] |= {m for m, _score, _i in found}
        if t not in vocabulary and len(t) >= 8:
            # A compound is a kind of its last part: a 'duwrolstoel' is a 'rolstoel',
            # a 'huurachterstand' an 'achterstand' (the longest such part only).
            head = next((t[i:] for i in range(3, len(t) - 4) if t[i:] in vocabulary), None)
            if head:
                out[t].add(head)
    return out


_ROLE_NAME = re.compile(
    r"\b(buurvrouw|buurman|dochter|zoon|schoondochter|schoonzoon|kleindochter|kleinzoon|"
    r"broer|zus|zwager|schoonzus|partner|echtgenote|echtgenoot|vriendin|vriend|oma|opa|"
    r"moeder|vader|nicht|neef|mantelzorger)\s+([A-Z][a-zà-ÿ]+)\b",
    re.IGNORECASE,
)


def _first_names(notes: list[str]) -> frozenset[str]:
    """Capitalised words the notes use inside a line (not the first word, not a
    surname with a hyphen, not an abbreviation): the first names of the people."""
    out = set()
    for note in notes:
        _soort, body = soort_van(note)
        for m in _CAPITAL.finditer(body):
            if m.start(2) > 0 and not m.group(1).strip():
                out.add(tx.fold(m.group(2)))
    return frozenset(out - tx.STOPWORDS - _NOT_NAMES - tx.synonyms()[1].keys())


# Capitalised words in notes that are no one's name.
_NOT_NAMES = frozenset(
    (
        *("wmo", "jeugdwet", "zvw", "wlz", "cak", "uwv", "ggz", "cjg", "wia", "wajong"),
        *("awb", "zorgverzekeringswet", "participatiewet", "ov", "poh", "ocs", "pgb"),
        *("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus"),
        *("september", "oktober", "november", "december", "maandag", "dinsdag"),
        *("woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    )
)


def _aliases(texts: list[str]) -> dict[str, str]:
    """First names the notes or the verslag give a role ("Buurvrouw Truus",
    "dochter Ellen"): the name's token → the role's token."""
    out: dict[str, str] = {}
    for text in texts:
        for m in _ROLE_NAME.finditer(text):
            name = m.group(2)
            if not name[0].isupper():
                continue  # "de buurvrouw komt": no name
            role, who = tx.tokens(m.group(1)), tx.tokens(name)
            if len(role) == 1 and len(who) == 1 and not who[0].startswith("§"):
                out.setdefault(who[0], role[0])
    return out


# How much of a note a passage must share to be offered as "perhaps here".
NEAR = 0.15


def _missing(
    raw: str, cov: float, soort: K, passage: str, parts: list[Passage], a: int, b: int
) -> Punt:
    """A missing note, with the best passage (``parts[a..b]``) as "closest" if it
    shares enough."""
    near = Passage(passage, parts[a].start, parts[b].eind) if a >= 0 and cov >= NEAR else None
    return Punt(raw, ONTBREEKT, None, round(cov, 3), soort=soort, dichtbij=near)


def _note_tokens(text: str, vocab: _Vocabulary) -> tuple[set[str], dict[str, float]]:
    """The note's tokens and the share of a word's weight each carries: a compound
    the verslag writes apart is split into its parts ('douchebakrand' → 'douchebak'
    + 'rand' when the verslag has both), each weighing half; a hyphenated word
    ('jeugd-ggz') weighs half and its parts a quarter each, so together they count
    as one word, in full when the verslag has the same word and half for its parts."""
    out: set[str] = set()
    share: dict[str, float] = {}
    for t in tx.tokens(text):
        if "-" in t and not t.startswith("§"):
            parts = [p for p in tx.tokens(t.replace("-", " "))]
            share[t] = 0.5
            for p in parts:
                share[p] = min(share.get(p, 1.0), 0.5 / max(1, len(parts)))
        split = _split(t, vocab.words) if t not in vocab.words else None
        if split:
            out |= set(split)
            for p in split:
                share[p] = min(share.get(p, 1.0), 0.5)
        else:
            out.add(t)
    return out, share


_LINKS = ("", "s", "e", "en")


def _split(token: str, words: set[str]) -> tuple[str, ...] | None:
    """Two parts of 4+ letters (with a linking s/e/en) that are both words of the
    verslag, the most even split first; None if there is none."""
    if len(token) < 8 or token.startswith("§") or not token.isalpha():
        return None
    best: tuple[int, tuple[str, ...]] | None = None
    for i in range(4, len(token) - 3):
        head, tail = token[:i], token[i:]
        right = tx.tokens(tail)
        if len(right) != 1 or right[0] not in words:
            continue
        for link in _LINKS:
            if link and not head.endswith(link):
                continue
            left = tx.tokens(head[: len(head) - len(link)] if link else head)
            if len(left) == 1 and left[0] in words and len(head) - len(link) >= 4:
                balance = min(len(head), len(tail))
                if best is None or balance > best[0]:
                    best = (balance, (left[0], right[0]))
    return best[1] if best else None


def _adds_content(
    content: dict[str, float],
    equiv: dict[str, set[str]],
    both: set[str],
    best: tuple[float, int, int],
    index: _Index,
) -> bool:
    """Whether a pair of sentences covers more of what the note says (beyond who it
    is about) than the best passage so far."""
    _cov, a, b = best
    so_far = set().union(*(index.sets[k] for k in range(a, b + 1)))
    return _coverage(content, equiv, both) > _coverage(content, equiv, so_far) + 1e-9


def _names_only(content: dict[str, float], equiv: dict[str, set[str]], target: set[str]) -> bool:
    """No word of the note's content (beyond people, numbers, units) is in ``target``."""
    return all(equiv[t].isdisjoint(target) for t in content)


_NOTE_PARTS = re.compile(r"[,;:+()]|\s[-–/]\s")


def _parts(body: str, weights: dict[str, float]) -> Iterator[tuple[set[str], set[str]]]:
    """Per part of a note ("Badkamer: drempel weg + beugels"): its weighed tokens
    beyond people, and of those its content (no numbers or units); parts without
    content are left out."""
    for part in _NOTE_PARTS.split(body):
        toks = {t for t in tx.tokens(part) if t in weights and t not in _PEOPLE}
        content = {t for t in toks if not _measure(t)}
        if content:
            yield toks, content


def _part_said(
    body: str, weights: dict[str, float], equiv: dict[str, set[str]], target: set[str]
) -> bool:
    """Whether one part of a note ("Badkamer: drempel weg + beugels") is said in full
    by ``target`` — a note only partly in the verslag — rather than a few words of
    its topic scattered over a passage."""
    return any(
        _coverage({t: weights[t] for t in toks}, equiv, target) >= PART_SAID
        for toks, _content in _parts(body, weights)
    )


def _whole_part_said(
    body: str, weights: dict[str, float], equiv: dict[str, set[str]], target: set[str]
) -> bool:
    """Whether one part of a note of several parts, a statement of two words or
    more ("Post kan ze niet lezen"), is in ``target`` word for word: the note is
    partly said, however little of the rest is ("rekeningen blijven liggen, al een
    aanmaning")."""
    # A remark in brackets ("(eigen risico)") is context, not a statement.
    parts = list(_parts(re.sub(r"\([^)]*\)", " ", body), weights))
    return len(parts) > 1 and any(
        len(content) >= 2 and _coverage({t: weights[t] for t in toks}, equiv, target) >= 0.99
        for toks, content in parts
    )


def _each_part_said(
    body: str, weights: dict[str, float], equiv: dict[str, set[str]], sets: list[set[str]]
) -> bool:
    """Whether every part of a note of several parts is said in full somewhere in
    the verslag (each by a sentence of its own)."""
    found = [
        any(_coverage({t: weights[t] for t in toks}, equiv, s) >= EACH_PART for s in sets)
        for toks, _content in _parts(body, weights)
    ]
    return len(found) > 1 and all(found)


def _part_unsaid(
    body: str, weights: dict[str, float], equiv: dict[str, set[str]], near: set[str]
) -> bool:
    """Whether a part of the note that carries at least 30% of its weight has
    none of its content anywhere near the passage ("Badkamer: drempel douche weg +
    beugels" against a passage about the beugels only): the note is only half said."""
    total = sum(weights.values()) or 1.0
    return any(
        sum(weights[t] for t in content) >= 0.3 * total
        and _coverage({t: weights[t] for t in content}, equiv, near) == 0.0
        for _toks, content in _parts(body, weights)
    )


def _starting(words: list[str], prefix: str) -> list[str]:
    """The words of a sorted list that start with ``prefix`` (binary search)."""
    i = bisect.bisect_left(words, prefix)
    out = []
    while i < len(words) and words[i].startswith(prefix):
        out.append(words[i])
        i += 1
    return out


def _coverage(weights: dict[str, float], equiv: dict[str, set[str]], target: set[str]) -> float:
    total = sum(weights.values())
    if not total:
        return 0.0
    hit = sum(w for t, w in weights.items() if not equiv[t].isdisjoint(target))
    return hit / total


def _reverse(passage: set[str], note: set[str], index: _Index) -> float:
    """How much of a passage's weighted content the note(s) mention."""
    total = sum(index.weight(t) for t in passage)
    if not total:
        return 0.0
    return sum(index.weight(t) for t in passage if t in note) / total


# Words that open a clause of its own; "nog maar" is "only" ("ziet nog maar heel weinig").
_CONJUNCTIONS = r"zodat|omdat|waardoor|(?<![Nn]og\s)maar|terwijl|doordat|want|nadat|voordat"
_CLAUSE = re.compile(r"[,;:()]|(?<=[.!?])\s|\b(?:" + _CONJUNCTIONS + r"|waarbij)\b")


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE.split(text) if c and c.strip()]


def _about(text: str, tokens: set[str]) -> str:
    """The clauses of ``text`` most about ``tokens`` (sharing the most content words),
    so a "niet" elsewhere in the sentence does not count (a weakening counts in the
    wider part of the sentence that ``_about_sentence`` gives)."""
    scored = [(len(set(tx.tokens(c)) & tokens), c) for c in _clauses(text)]
    best = max((n for n, _c in scored), default=0)
    parts = [c for n, c in scored if n == best and n > 0]
    return " ".join(parts) if parts else text


_CONJUNCTION = re.compile(r"\b(?:" + _CONJUNCTIONS + r"|hoewel)\b")


def _about_sentence(text: str, tokens: set[str]) -> str:
    """The part of a sentence of ``text`` most about ``tokens``, commas included but
    not past a conjunction: "Een inzet van begeleiding, in afwachting van ..., zal in
    overweging worden genomen" is one promise; in "zal de traplift aanvragen, terwijl
    de badkamer nog wordt bekeken" the badkamer is another."""
    pieces = [
        piece
        for sentence in _SPLIT.split(text)
        if sentence and sentence.strip()
        for piece in _CONJUNCTION.split(sentence)
        if piece.strip()
    ] or [text]
    return max(pieces, key=lambda x: len(set(tx.tokens(x)) & tokens))


def _negation_flipped(note: str, passage: str) -> bool:
    """Clause against clause: each part of the note that the passage speaks about is
    compared with the passage clause closest to it ('thuis zonder structuur' with the
    clause about being at home, not with one about work)."""
    passage_clauses = [(set(tx.tokens(c)), c) for c in _clauses(passage)]
    for part in _clauses(note):
        toks = set(tx.tokens(part)) - _PEOPLE  # "cl." alone says nothing to negate
        mine = tx.negated(part)
        if not toks or (len(toks) == 1 and not mine):
            # One word without a negation ("(orthopeed)", "zelf rugklachten") asserts
            # nothing a "niet" elsewhere in the clause could turn round.
            continue
        overlap = max((len(toks & pt) for pt, _c in passage_clauses), default=0)
        # One shared word of a longer part ("vervoer" in "Vervoer dialyse =
        # zorgverz.") does not make a clause say the same thing, or its opposite.
        if overlap < (len(toks) + 1) // 2:
            continue
        closest = [c for pt, c in passage_clauses if len(toks & pt) == overlap]
        # Flipped only when no clause about the same thing keeps the note's sense.
        if closest and all(mine != tx.negated(c) for c in closest):
            # "Geen pgb, liever natura" and "kiest voor natura": a preference, worded
            # with or without a negation, is no flipped negation.
            if _WISH.search(tx.fold(note)) and _PREFERENCE.search(tx.fold(passage)):
                continue
            return True
    return False


# A sentence that only qualifies the one before it: "Dit geldt alleen als ...",
# "Voorwaarde is wel dat ...", "Kan alleen als ...", "Of dit passend is, wordt nog
# bekeken". It changes that sentence's note, and stands or falls with it as a claim.
_QUALIFIES = re.compile(
    r"^\s*[-•–]?\s*((dit|dat|hiervoor|daarvoor|hierbij|daarbij) geldt|voorwaarde|"
    r"(kan|geldt) alleen|alleen (als|wanneer|zolang)|of (dit|dat|het)\b|wel (is|moet|geldt))"
)


# "als hij ...", "zolang de hulp loopt" (not "als mantelzorger": a role).
_IF = re.compile(
    r"\b(als|wanneer|zolang) (hij|zij|ze|het|er|mw|dhr|cl|u|je|jij|dit|dat|de|die|ik|wij)\b"
)


def _conditional(note: str) -> bool:
    """A note with a condition of its own ("wil wel naar dagbesteding als hij iets
    met zijn handen kan doen"): the verslag's "mits ..." may be that one."""
    return tx.condition(note) or bool(_IF.search(tx.fold(note)))


def _qualified_after(sentence: str, note: str, soort: K) -> str:
    """What ``sentence`` does to the one before it: "voorwaarde toegevoegd" when it
    puts a condition on it ("Dit geldt alleen als ..."), "toezegging afgezwakt" when
    it leaves a promise open ("Of dit passend is, wordt nog bekeken"); else ""."""
    folded = tx.fold(sentence)
    if not _QUALIFIES.match(folded):
        return ""
    if tx.condition(folded) and not _conditional(note):
        return "voorwaarde toegevoegd"
    if _promised(note, soort) and tx.weak(folded) and not tx.weak(note):
        return "toezegging afgezwakt"
    return ""


def _promised(note: str, soort: K) -> bool:
    """An afspraak or toezegging, or a note worded as a firm promise."""
    return soort in (K.TOEZEGGING, K.AFSPRAAK) or tx.strong(note)


_WISH = re.compile(r"\b(voorkeur|liever|liefst|wil|wenst|wens)\b")
_PREFERENCE = re.compile(
    r"\b(voorkeur|liever|liefst|kiest|kiezen|gekozen|wil graag|wenst|hecht eraan)\b"
)


_DAYS = {"dag": 1, "week": 7, "maand": 30.4, "jaar": 365}


def _distortion(
    note: str,
    passage: str,
    soort: K,
    coverage: float,
    note_tokens: set[str],
    elders: frozenset[tuple[float, str]] = frozenset(),
) -> str:
    """Why a covered note is only partly right, or "" when it is right."""
    # How often (per week): "1x p/mnd" against "eens per twee weken" is another
    # number though both say "once"; "2x per maand" and "eens per twee weken" agree.
    pass_rates = tx.frequenties(passage)
    decided: set[str] = set()
    for rate in tx.frequenties(note):
        same_kind = [r for r in pass_rates if r.soort == rate.soort]
        if same_kind:
            if not any(rate.zelfde(r) for r in same_kind):
                return "ander getal"
            decided.add(rate.soort)
    # Numbers with a unit (hours, times, days, km …): another value, or none at all.
    note_numbers = [
        n
        for n in tx.numbers(note)
        if n.eenheid and not (n.eenheid in decided or (n.eenheid == "dag" and "keer" in decided))
    ]
    pass_numbers = tx.numbers(passage)
    for n in note_numbers:
        same_unit = [p for p in pass_numbers if p.eenheid == n.eenheid]
        if same_unit and all(abs(p.waarde - n.waarde) > 1e-9 for p in same_unit):
            return "ander getal"
        if not same_unit and n.eenheid in _DAYS:
            # "4 mnd thuis" against "sinds zes weken": one duration in other units.
            other = [p for p in pass_numbers if p.eenheid in _DAYS]
            if other and all(
                abs(p.waarde * _DAYS[p.eenheid] - n.waarde * _DAYS[n.eenheid])
                > 0.15 * n.waarde * _DAYS[n.eenheid]
                for p in other
            ):
                return "ander getal"
        if (
            not same_unit
            and n.eenheid in ("uur", "keer", "dag", "km", "euro")
            # The next sentence may give it ("Individuele begeleiding. Twee uur per week.")
            and (n.waarde, n.eenheid) not in elders
        ):
            return "getal ontbreekt"
    pass_part = _about(passage, note_tokens)
    if _negation_flipped(note, passage):
        return "ontkenning omgedraaid"
    # The promise may be weakened in another clause of its sentence: "Een tijdelijke
    # inzet van begeleiding, in afwachting van ..., zal in overweging worden genomen."
    sentence = _about_sentence(passage, note_tokens)
    if _promised(note, soort) and (tx.weak(pass_part) or tx.weak(sentence)) and not tx.weak(note):
        return "toezegging afgezwakt"
    if tx.condition(passage) and not _conditional(note):
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
    ANBO rule 20 checklist. Offsets are in ``unwrapped(verslag)``."""
    verslag = line_ends(verslag)
    parts = passages(verslag)
    index = _Index(parts)
    vocab = _Vocabulary(set().union(*index.sets) if index.sets else set())
    postings: dict[str, list[int]] = {}
    for i, toks in enumerate(index.sets):
        for t in toks:
            postings.setdefault(t, []).append(i)
    # Headings, greetings, who was present: never the passage that covers a note.
    procedural = _procedural(parts, verslag)
    agreed = _under_agreements(parts, verslag)
    all_numbers = frozenset((g.waarde, g.eenheid) for g in tx.numbers(verslag))
    punten: list[Punt] = []
    support = [0.0] * len(parts)
    note_sets: list[set[str]] = []
    aliases = _aliases([*notities, verslag])
    names = _first_names(notities) | frozenset(aliases)  # and "Kleindochter Lotte"
    roles: dict[str, set[str]] = {}
    for name, role in aliases.items():
        roles.setdefault(role, set()).add(name)
    for raw in notities:
        soort, body = soort_van(raw)
        note_tokens, share = _note_tokens(body, vocab)
        # Only a particle the note has ("belden aan") joins its verb ("aanbelden").
        particles = frozenset(re.findall(r"[a-z]+", tx.fold(body))) & _PARTICLES
        equiv = _equivalents(note_tokens, vocab, particles)
        # "tot Truus kwam" is about the buurvrouw when a note says "Buurvrouw Truus".
        for t in note_tokens & aliases.keys():
            equiv[t].add(aliases[t])
        for t in note_tokens & roles.keys():  # "dochter" where the verslag says "Kim"
            equiv[t] |= roles[t]
        # What this note mentions, in the verslag's own words (for "supported").
        note_sets.append(set().union(*equiv.values()) if equiv else set())
        # Numbers and units weigh half: they are checked apart (a changed number is a
        # distortion), the topic is what makes a passage cover the note.
        weights = {
            t: max(index.weight(e) for e in equiv[t])
            * (0.5 if _measure(t) else 1.0)
            * share.get(t, 1.0)
            for t in note_tokens
        }
        # Only passages sharing a word can cover the note; pairs of neighbours too
        # (a note covered by two sentences together).
        # Words in many passages (mevrouw, gemeente) do not pick candidates by themselves.
        common = max(3, len(parts) // 5)
        pick = {e for t in note_tokens for e in equiv[t] if len(postings.get(e, ())) <= common}
        if not pick:
            pick = {e for t in note_tokens for e in equiv[t]}
        hits = sorted({i for e in pick for i in postings.get(e, ())} - procedural)
        # Only the people in common ("de dochter") is not the note's content: such a
        # passage never covers the note, however much weight the names carry.
        content = {
            t: w
            for t, w in weights.items()
            if t not in _PEOPLE and t not in aliases and not _measure(t)
        }

        # "mz" says what someone is to the client: that counts as content here.
        no_people = {
            t: w
            for t, w in weights.items()
            if t not in _PEOPLE - {"§mantelzorger"} and t not in aliases
        }
        best = (0.0, -1, -1)
        for i in hits:
            cov = _coverage(weights, equiv, index.sets[i])
            if cov > best[0] and not _names_only(content, equiv, index.sets[i]):
                best = (cov, i, i)
        for i in hits:
            for a, b in ((i - 1, i), (i, i + 1)):
                if a < 0 or b >= len(parts) or a in procedural or b in procedural:
                    continue
                both = index.sets[a] | index.sets[b]
                cov = _coverage(weights, equiv, both)
                # A pair must add something over one sentence, and more than a
                # person ("Meneer is slechtziend." before the sentence that matters).
                if (
                    cov > best[0] + 0.05
                    and not _names_only(content, equiv, both)
                    and (best[1] < 0 or _adds_content(no_people, equiv, both, best, index))
                ):
                    best = (cov, a, b)
        cov, a, b = best
        passage = " ".join(parts[k].tekst for k in range(a, b + 1)) if a >= 0 else ""
        if a < 0 or (
            cov < PARTIAL
            and not (
                cov >= NEAR and _whole_part_said(body, weights, equiv, set(tx.tokens(passage)))
            )
        ):
            punten.append(_missing(raw, cov, soort, passage, parts, a, b))
            continue
        reden = _distortion(body, passage, soort, cov, note_tokens, all_numbers)
        # The sentence right after, in the same paragraph and not a heading.
        after = (
            parts[b + 1].tekst
            if b + 1 < len(parts)
            and b + 1 not in procedural
            and "\n\n" not in verslag[parts[b].eind : parts[b + 1].start]
            else ""
        )
        if reden in ("", "maar deels"):
            # "... een pas voor de regiotaxi aanvragen. Dit geldt alleen als de
            # fysiotherapeut het bevestigt.": the condition in the sentence after.
            reden = _qualified_after(after, body, soort) or reden
        if not reden:
            near = set().union(*index.sets[max(0, a - 1) : min(len(parts), b + 2)])
            if _part_unsaid(body, weights, equiv, near):
                reden = "maar deels"
        if reden == "maar deels" and _each_part_said(
            body, weights, equiv, [s for k, s in enumerate(index.sets) if k not in procedural]
        ):
            # "Dhr. 84 jr, Parkinson sinds 2018, valt 2x p/mnd": the verslag says
            # each fact in a sentence of its own, so no sentence holds the whole note.
            reden = ""
        # "Zij neemt contact op met de corporatie": the one before says who "zij" is.
        before = parts[a - 1].tekst if a > 0 else ""
        if soort in (K.AFSPRAAK, K.TOEZEGGING) and not (
            _commits(passage, soort, _actor(body), before, names)
            or a in agreed
            or reden == "toezegging afgezwakt"  # by the sentence after
        ):
            # The topic is there, the agreement is not: "hulpmiddelen vallen onder de
            # Zorgverzekeringswet" does not say that meneer will call his insurer, and
            # "meneer kan bij het UWV aanvragen" is no promise of the consulent.
            punten.append(_missing(raw, cov, soort, passage, parts, a, b))
            continue
        if soort is K.CITAAT and reden in ("maar deels", "ontkenning omgedraaid"):
            # A quote is one utterance: the verslag conveys it or it does not. Some of
            # its words elsewhere ("moeder", "last van tremoren") is another sentence,
            # and its "niet" is the speaker's way of saying it ("hier ga ik niet weg"
            # is "wil er niet weg"), not a fact to turn round.
            if reden == "maar deels" or cov < FOUND:
                punten.append(_missing(raw, cov, soort, passage, parts, a, b))
                continue
            reden = ""
        if reden in ("maar deels", "getal ontbreekt") and not _part_said(
            body, weights, equiv, set(tx.tokens(passage))
        ):
            # Only some words of the topic, no part of the note said: the note's own
            # content (the afspraak, the wish) is not in the verslag.
            punten.append(_missing(raw, cov, soort, passage, parts, a, b))
            continue
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
            support[k] = max(support[k], _reverse(index.sets[k], note_tokens, index))
    rare = 0.9 * math.log(1 + max(1, len(parts)) / 2)  # the weight of a word in ≤ 1 passage
    flagged = [
        k
        for k, (p, toks) in enumerate(zip(parts, index.tokens, strict=True))
        if support[k] < SUPPORTED
        and k not in procedural
        and _claim(p.tekst, toks, names)
        # A note sharing a rare word (or several common ones) speaks about it.
        and max((_shared(index.sets[k], n, index) for n in note_sets), default=0.0) < rare
    ]
    # "Dit geldt alleen zolang ...", "Voorwaarde is wel dat ...": a sentence that
    # speaks of the one before stands or falls with it.
    unsupported = [
        parts[k]
        for k in flagged
        if not (
            k > 0
            and _QUALIFIES.match(tx.fold(parts[k].tekst))
            and k - 1 not in flagged
            and k - 1 not in procedural
        )
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
    r"\b(vriendelijke groet|hoogachtend|geachte|gesprek vond plaats|"
    r"aanwezig waren|aanwezigen|pagina \d|bijlage|handtekening|postbus|"
    r"vragen over dit verslag|reageren op dit verslag|"
    # "Op 3 maart is een melding binnengekomen", "hebben wij met u gesproken".
    r"melding (is )?(binnengekomen|ontvangen)|"
    r"(hebben|heb|spraken|sprak) (wij|we|ik)\b.{0,60}\bmet (u|je|jou|jullie)\b.{0,30}"
    r"\bgesproken\W*$|"
    r"(was|waren) (ook )?(bij|aanwezig bij) het gesprek|bij (dit|het) verslag|"
    r"in dit verslag|hierin (is|staat|staan) |aan het einde staan|onderzoek ingesteld|"
    r"naar aanleiding van (deze|uw|je|jouw|de) melding|"
    r"^\s*\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
    # A line that is only a date, perhaps with where ("3 november 2025, bij mw. thuis").
    r"november|december) \d{4}\b(,?\s*(bij|te|in|op)\b[^!?]{0,30})?\W*$|"
    r"(clientondersteuner|consulent|ocs)\W+(\w+\W+)?aanwezig\W*$)|"
    r"^\s*verslag van\b|"  # a heading; "het verslag van de huisarts" is content
    r"^\s*(datum|kenmerk|onderwerp|betreft|telefoon\w*|e-mail|aan|van|aanwezig\w*|plaats|"
    r"datum gesprek|locatie|gespreksdatum)\s*:|@|"
    r"^\s*(beste|lieve|dag|hallo)\b[^.!?]{0,60},\s*$"  # "Beste mevrouw en meneer Hoekstra,"
)


_LABEL = re.compile(
    r"^\s*(datum\w*|plaats|locatie|aanwezig\w*|kenmerk|onderwerp|betreft|gesprek\w*)\s*:\s*$"
)
_GREETING = re.compile(r"\b(met vriendelijke groet|hoogachtend|met een vriendelijke groet)\b")


def _procedural(parts: list[Passage], verslag: str) -> set[int]:
    """Passages that need no support: headings, dates, who was present (the value
    after a "Plaats:" label, and the rest of the line after "aanwezig:", however
    many pieces its ';' cut it into), and everything from the greeting on (the
    signature, the consulent's title)."""
    out: set[int] = set()
    after_greeting = False
    present = False  # inside the line that lists who was present
    for i, p in enumerate(parts):
        folded = tx.fold(p.tekst)
        after_greeting = after_greeting or bool(_GREETING.search(folded))
        label_before = i > 0 and bool(_LABEL.match(tx.fold(parts[i - 1].tekst)))
        if present and "\n" in verslag[parts[i - 1].eind : p.start]:
            present = False
        if after_greeting or label_before or present or _PROCEDURAL.search(folded):
            out.add(i)
        present = present or bool(_PRESENT.search(folded))
    return out


_PRESENT = re.compile(r"\baanwezig(en|e|ig)?( waren| zijn)?\s*:?\s*$")


# Someone who acts: the people of the note, pronouns, professionals, a party.
_ACTOR = re.compile(
    r"\b(ik|wij|we|u|jij|je|jullie|hij|zij|ze|men|ergotherapeut\w*|huisarts|aanbieder|"
    r"zorgaanbieder|begeleider|vrijwilliger|leverancier|casemanager|wijkverpleegkundige|"
    r"school|corporatie|woningcorporatie|zorgverzekeraar|uwv)\b"
)
# What is agreed or promised, and what will happen.
_AGREED = re.compile(
    r"\b(afgesproken|afspraak|afspraken|toegezegd|zegt toe|in overleg|besproken is)\b"
)
_FUTURE = re.compile(r"\b(zal|zullen|gaat|gaan|wordt|worden)\b")
# The gemeente's side: who can promise something.
_PROMISER = re.compile(r"\b(ik|wij|we|ons|onze)\b")
_AGREEMENT_HEADING = re.compile(
    r"^\W*(\d+\.?\s*)?(\w+\s+){0,3}(afspra\w*|vervolg\w*|toezegging\w*|actie\w*|"
    r"wat gaan|wat spreken|wat gaat er gebeuren|wat gebeurt er|hoe verder|"
    r"oplossing\w*|plan van aanpak|conclusie\w*)\b"
)


def _commits(
    passage: str, soort: K, actor: str | None, before: str = "", names: frozenset[str] = frozenset()
) -> bool:
    """Whether a passage can hold an afspraak or toezegging: words of agreement, or
    for a toezegging the gemeente's side (the consulent, "ik"/"wij" in a verslag the
    consulent writes) or a future; for an afspraak whoever the note says will act
    ("ocs belt de huisarts" is not held by a passage in which only the consulent
    and the huisarts appear), or someone who acts when the note names nobody."""
    folded = tx.fold(passage)
    toks = set(tx.tokens(passage))
    if _AGREED.search(folded):
        return True
    if soort is K.TOEZEGGING:
        return (
            # A promise weakened ("is bespreekbaar", "gaat na of") or made
            # conditional is still that promise, distorted.
            tx.weak(passage)
            or tx.condition(passage)
            or bool(_FUTURE.search(folded))
            or "§gemeente" in toks
            or bool(_PROMISER.search(folded))
            or _named(passage, names)  # "Noor stuurt je per mail …"
        )
    if actor is not None:
        return (
            actor in toks
            or bool(_STANDS_FOR.get(actor) and _STANDS_FOR[actor].search(folded))
            or bool(_TITLED_NAME.search(passage))
            or _named(passage, names)
            or (bool(_PRONOUN.search(folded)) and actor in tx.tokens(before))
        )
    return not _PEOPLE.isdisjoint(toks) or bool(_ACTOR.search(folded))


# How a verslag may name the note's actor without the note's word: the reader ("u"),
# a parent in a Jeugdwet verslag, the consulent writing "ik"/"wij".
_STANDS_FOR = {
    "§client": re.compile(r"\b(u|uw|jij|je|jullie|moeder|vader|ouders?|client\w*)\b"),
    "§gemeente": re.compile(r"\b(ik|wij|we|ons|jeugdconsulent|wijkteam)\b"),
    # In a couple the partner is "meneer" or "mevrouw" too.
    "§partner": re.compile(r"\b(meneer|mevrouw|de heer|echtpaar)\b"),
    "§clientondersteuner": re.compile(r"\b(ondersteuner|ocs)\b"),
}
_PRONOUN = re.compile(r"\b(hij|zij|ze)\b")
_CAPITAL = re.compile(r"(^|[.!?:;]\s+|\s)([A-Z][a-zà-ÿ]{2,})\b(?!-)")


def _named(passage: str, names: frozenset[str] | set[str]) -> bool:
    """Whether the passage names someone by a first name the notes or the verslag
    use for a person ("Noor stuurt je …", "… dat Lotte de alarmering aanvraagt")."""
    return any(tx.fold(m.group(2)) in names for m in _CAPITAL.finditer(passage))


# Someone named with a title ("mevrouw Amrani-Bedacht zal haar helpen"): could be
# anyone of the note, the consulent or the cliëntondersteuner.
_TITLED_NAME = re.compile(
    r"\b(?:[Mm]evrouw|[Mm]eneer|de heer|[Dd]hr\.|[Mm]w\.)\s+(?:[A-Z]|de |van |ter )"
)


def _actor(note: str) -> str | None:
    """Who a note says will act: the first person it names ("ocs belt huisarts")."""
    for t in tx.tokens(note):
        if t in _PEOPLE:
            return t
    return None


def _under_agreements(parts: list[Passage], verslag: str) -> set[int]:
    """Passages under a heading such as "Afspraken" or "Vervolg" (up to the next
    heading, or a blank line before a paragraph that is no list item): lines there
    are agreements without saying so."""
    out: set[int] = set()
    inside = False
    for i, p in enumerate(parts):
        text = p.tekst.strip()
        heading = len(text) <= 60 and not text.endswith((".", ";")) and len(text.split()) <= 6
        gap = verslag[parts[i - 1].eind : p.start] if i else ""
        line = verslag[verslag.rfind("\n", 0, p.start) + 1 : p.eind]
        if inside and "\n\n" in gap.replace(" ", "") and not _LIST_ITEM.match(line):
            inside = False
        if heading:
            inside = bool(_AGREEMENT_HEADING.match(tx.fold(text)))
        elif inside:
            out.add(i)
    return out


_LIST_ITEM = re.compile(r"^\s*([-•–*]|\d+[.)]|[a-z][.)])\s")


_PEOPLE = {
    "§client", "§partner", "§dochter", "§zoon", "§buren", "§mantelzorger", "§gemeente",
    "§clientondersteuner",
}  # fmt: skip
_EXPLAINS = re.compile(
    r"\b(consulent|gemeente|wij)\b[^.]*\b(toegelicht|uitgelegd|gewezen|informeert|legt uit|"
    r"wijst|genoemd|neemt[^.]*besluit)\b|"
    # The reason for the melding and the procedure: not claims about the situation.
    r"\b(heeft zich[^.]*gemeld|melding gedaan|contact opgenomen|plaatsgevonden|aanvraag\w*|"
    r"formulier|beschikking|besluit|dit verslag|ter ondertekening|gesprek gevoerd|"
    r"contact gezocht|(was|waren|is|zijn) (niet )?aanwezig|afschrift|kopie van (dit|het) verslag|"
    r"gesprek\b[^.]{0,30}\bgevoerd|(is|zijn|werd|werden) (er )?(\w+ )?op gewezen|"
    r"aanwezig (zijn|is|zal zijn)|op de hoogte|"
    # Consent to the procedure: "heeft laten weten daarmee in te stemmen".
    r"in te stemmen|stemt (hier|daar)mee in|stemmen (hier|daar)mee in|gaat akkoord|"
    # The gemeente's rules: who pays, who is responsible, what it looks at.
    r"verschuldigd|verantwoordelijk|(kijkt|let|beoordeelt) de gemeente|"
    r"de gemeente (kijkt|let|beoordeelt)|"
    r"gaan akkoord|akkoord (is|zijn|gaat|gaan))\b"
)
# The consulent's own view ("Ik zie dat ...", "naar mijn indruk"): an assessment the
# verslag signs for itself, not something the client is said to have said.
_OPINION = re.compile(
    r"\b(ik|wij|we) (zie|zien|denk|denken|vind|vinden|adviseer|adviseren|twijfel|twijfelen|"
    r"schat|schatten|verwacht|verwachten|acht|achten|constateer|constateren)\b|"
    r"\b(naar mijn|naar onze) (indruk|mening|inschatting|idee)\b|\bmijns inziens\b|"
    r"\b(de )?consulent (is van mening|vindt|acht|adviseert|ziet|schat|concludeert)\b|"
    r"\b(concludeert|vindt|acht|adviseert) de consulent\b|\bvan oordeel\b|"
    r"\b(is|lijkt) het (van belang|belangrijk|wenselijk|raadzaam)\b|"
    r"\b(wij|we|ik) (concluderen|concludeer)\b"
)
# "De consulent zal bekijken ...": what the gemeente does, not what the client said.
_GEMEENTE_ACTS = re.compile(
    r"\s*[-•]?\s*(de |het )?(consulent|wmo-consulent|jeugdconsulent|gemeente|wijkteam|"
    r"sociaal team|wij)\b"
)
_ADDRESSED = re.compile(r"\b(u|uw)\b")
_ABOUT_SOMEONE = re.compile(
    r"\b(zij|hij|haar|zijn|hun|hen|echtpaar|moeder|vader|ouders|"
    r"kind|kinderen|client\w*)\b"
)
# Words put in someone's mouth: "geeft aan", "vertelde", "volgens moeder".
_ATTRIBUTED = re.compile(
    r"\b(geeft aan|gaf aan|gaven aan|geven aan|aangegeven|vertelt|vertelde|vertelden|"
    r"verteld|volgens|zegt|zei|naar voren gekomen|noemt|noemde)\b"
)
# Lines that tell the reader what to do or what comes next, not what they said.
_INSTRUCTION = re.compile(
    r"\b(kunt u|u kunt|ontvangt u|u ontvangt|wilt u|neemt u|u neemt|leest u|mist u|"
    r"klopt er|laat (het|dit)\b[^.]*\bweten|neem[^.]*contact|heeft u vragen|bel(t)? u|"
    r"u hoort|hoort u|je hoort|hoor je|jullie horen)\b"
)


_UNITS = {
    "§uur", "§week", "§dag", "§maand", "§jaar", "§per_week", "§per_dag", "euro", "km", "meter",
    "keer",
}  # fmt: skip


def _measure(token: str) -> bool:
    """A number or a unit: what a note says about its topic, not the topic itself
    ("over 2 wk" shares nothing with "besluit binnen twee weken")."""
    return token[0].isdigit() or token in _UNITS


# People around the client ("moeder" and "vader" may be the client, in a Jeugdwet
# verslag about a parent, so they are not here).
_NETWORK = {
    tok
    for word in (
        *("partner", "dochter", "zoon", "buurvrouw", "oma", "broer", "zus", "zwager"),
        *("schoonzus", "vriend", "vriendin", "kleindochter", "kleinzoon", "werkgever"),
        *("collega", "tante", "oom", "nicht", "neef", "stiefvader", "stiefmoeder"),
        *("schoonmoeder", "schoonvader", "kleinkinderen", "broertje", "zusje"),
    )
    for tok in tx.tokens(word)
}


def _shared(passage: set[str], note: set[str], index: _Index) -> float:
    """How much a note speaks about a passage: the weight of the words they share;
    none if the passage names someone of the network the note does not (“her son
    helps daily” is not supported by a note about the neighbour)."""
    if not (passage & _NETWORK) <= note:
        return 0.0
    # Units are no topic: "per week" in a note about the dagbesteding does not
    # support "gaat twee keer per week naar de judoclub" (a rare number, an age,
    # does).
    return sum(index.weight(t) for t in passage & note if t not in _PEOPLE | _UNITS)


def _claim(text: str, toks: list[str], names: frozenset[str] = frozenset()) -> bool:
    """A statement about the client or their people (what they can, do, want or
    said), not a heading, a list of names, the gemeente explaining its rules, or a
    line addressed to the reader."""
    if len(toks) < 3 or text.rstrip().endswith((":", "?")):
        return False  # a heading, or a question the verslag asks itself
    folded = tx.fold(text)
    if (
        _PROCEDURAL.search(folded)
        or _EXPLAINS.search(folded)
        or _INSTRUCTION.search(folded)
        or _GEMEENTE_ACTS.match(folded)
        or _OPINION.search(folded)
    ):
        return False
    words = re.findall(r"[^\W\d_]+", text)
    if words and sum(w[0].isupper() for w in words) / len(words) > 0.4:
        return False  # mostly names
    # A verslag written to the client ("U vertelde dat ...") speaks about them as "u".
    about_people = (
        not _PEOPLE.isdisjoint(toks)
        or _ABOUT_SOMEONE.search(folded)
        or _ADDRESSED.search(folded)
        or _ATTRIBUTED.search(folded)
        or _named(text, names)  # someone the notes name ("dat Lotte ...")
    )
    return bool(about_people)
