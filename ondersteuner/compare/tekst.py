"""Text normalisation for comparing terse notes with a formal verslag.

Lower case and no diacritics; domain synonyms and abbreviations read as one concept
(``synoniemen.txt``); Dutch number words as digits; Dutch stopwords dropped; the
rest stemmed (Snowball Dutch). Also the cues the comparison looks for: negation,
weakened promises, added conditions, and numbers with their unit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

NUMBER_WORDS = {
    "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "half": 0.5,
    "anderhalf": 1.5, "dagelijks": 7, "honderd": 100, "tweehonderd": 200,
    "driehonderd": 300, "vierhonderd": 400, "vijfhonderd": 500, "zeshonderd": 600,
    "zevenhonderd": 700, "achthonderd": 800, "negenhonderd": 900, "dertien": 13,
    "veertien": 14, "vijftien": 15, "twintig": 20, "dertig": 30, "veertig": 40,
    "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
}  # fmt: skip

_STOPWORDS = """aan al alle als alleen also altijd ben bij daar dan dat de deze die dit doen door
    dus echter een eens en er erg ga gaat geven had heb hebben heeft hem het hier hoe
    hun ik in is ja je jij kan kon kunnen maar me meer men met mij mijn na naar nog nu
    of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel
    voor vooral want waren was wat we wel werd wezen wie wij wil willen word worden wordt
    zal ze zeer zelf zich zij zijn zo zonder zou zullen hij haar hen heel even daarom
    daarbij hierbij tijdens gesprek aangegeven geeft aan gaf verder tevens
    ervan hierover waarin waarbij welke doet doen deed lukt lukken lukte gaat gaan ging
    staat kunt zit zitten sinds nu nog samen
    af toe mee weer echt iets net via gewoon terug laat laten steeds iemand mag moet moeten
    allemaal zeker misschien volgens anders graag wanneer elke elk ieder zelfs nee
    helemaal bijna ten ter rond enige nou beetje genoeg soms ooit best eerder opnieuw
    slechts daarna juist vanwege waardoor vervolgens meteen uiteindelijk heen direct
    evt ivm vnl ca circa ongeveer zo'n dmv mbt tav oa bijv etc momenteel inmiddels nogal
    waarschijnlijk weet weten wist waarmee waarvan waarop waaraan waarna
    maken maakt maakte gemaakt krijgen krijgt kreeg krijg nemen neemt
    zetten zet besproken bespreken besprak naast binnen"""
STOPWORDS = frozenset(_STOPWORDS.split())

_NEGATIONS = (
    "niet geen nooit niets niemand nergens zonder onvoldoende onmogelijk nauwelijks amper weinig"
)
NEGATIONS = frozenset(_NEGATIONS.split())
# "Wordt onderzocht", "bekijkt of": a promise weakened into an intention.
WEAK = re.compile(
    r"\b(onderzoekt|onderzoeken|onderzocht|onderzoek naar|bekijkt of|bekijken of|"
    r"(wordt|worden) (nog |verder |nader )?bekeken|zal bekijken|nagaan|gaat na|nagegaan|"
    r"of het mogelijk|(wordt|worden) (nog |verder |nader )?verkend|meegenomen in de|"
    r"of dit mogelijk|of er mogelijkheden|eventueel|eventuele|in overweging|overweegt|"
    r"verkent|verkennen|wordt gekeken|zal worden gekeken|kijkt of|kijken of|proberen|"
    r"probeert|streeft|streven|indien mogelijk|wellicht|misschien|zo mogelijk|zou kunnen|"
    r"wordt uitgezocht|zoekt uit|uitzoeken|nader bekeken|nader onderzocht|bezien|beziet|"
    r"wordt voorgelegd|legt (dit |het )?voor|intern overleg|"
    r"informeert of|vraagt na of|in beraad|op termijn|mogelijkerwijs|bespreekbaar)\b"
)
STRONG = re.compile(
    r"\b(regel\w*|geregeld|zorgt|zorgen|stuurt|sturen|gestuurd|zegt toe|toegezegd|"
    r"afgesproken|afspraak|komt|zal|gaat|meldt|aanmeld\w*|belt|bellen|krijgt|ontvangt)\b"
)
CONDITION = re.compile(
    r"\b(mits|op voorwaarde|onder voorwaarde|voorwaarde\w*|indien|tenzij|alleen als|"
    r"pas als|na goedkeuring|afhankelijk van|zodra|pas nadat|pas wanneer|pas na|"
    r"alleen wanneer|alleen indien|na toestemming|na akkoord|onder de voorwaarde|"
    r"alleen zolang|geldt alleen|kan alleen (als|wanneer|indien|zolang|na|met toestemming))\b"
)
_NUMBER = re.compile(
    r"\b(\d+(?:[.,]\d+)?|(?:(?:twee|drie|vier|vijf|zes|zeven|acht|negen)?honderd|een|één|"
    r"twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|"
    r"twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|anderhalf|half)"
    r"(?![a-z]))\s*(x\b\s*|keer\b\s*|maal\b\s*)?(uur|uren|u\b|dagen|dgn|dag|weken|week|"
    r"wk|maanden|maand|mnd|euro|€|km|kilometer|meter|m\b)?"
)


@lru_cache(maxsize=16384)
def one_line(text: str) -> str:
    """The text as one line with single spaces: a passage quoted from the verslag."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """Lower case without diacritics: 'Cliënt' → 'client'."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# The adviser's own words of a gemeente ("halszender" is "alarmering" there), on top
# of the list in the repo; set for one comparison with ``eigen_synoniemen``.
_EIGEN: ContextVar[str] = ContextVar("eigen_synoniemen", default="")
MAX_EIGEN_TEKENS = 20_000
MAX_WOORD = 60


class SynoniemFout(ValueError):
    """A line of own synonyms that cannot be read; the message is Dutch and names it."""


def lees_synoniemen(tekst: str) -> list[tuple[str, list[str]]]:
    """Own synonym lines ("begrip: woord, woord") as (concept, variants); an empty line
    or one starting with # is skipped. Raises ``SynoniemFout`` naming the first bad line."""
    if len(tekst) > MAX_EIGEN_TEKENS:
        raise SynoniemFout(f"De lijst is te lang (meer dan {MAX_EIGEN_TEKENS:,} tekens).")
    return _regels(tekst)


def _regels(tekst: str) -> list[tuple[str, list[str]]]:
    """The lines of a synonym list, own or built-in (the one format of both)."""
    out: list[tuple[str, list[str]]] = []
    for n, line in enumerate(tekst.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if ":" not in line:
            raise SynoniemFout(
                f"Regel {n}: zet een dubbele punt achter het begrip, "
                f"bijvoorbeeld 'alarmering: halszender, noodknop'."
            )
        concept, variants = line.split(":", 1)
        name = re.sub(r"[\s-]+", "_", fold(concept.strip()))
        if not re.fullmatch(r"[a-z0-9_]{2,60}", name):
            raise SynoniemFout(
                f"Regel {n}: het begrip vóór de dubbele punt moet uit letters bestaan "
                f"(2 tot {MAX_WOORD} tekens)."
            )
        words = [w.strip() for w in variants.split(",") if w.strip()]
        if not words:
            raise SynoniemFout(f"Regel {n}: zet na de dubbele punt minstens één woord.")
        for w in words:
            if len(w) > MAX_WOORD or not re.search(r"[^\W\d_]", w):
                raise SynoniemFout(
                    f"Regel {n}: '{w[:20]}' is geen woord of is langer dan {MAX_WOORD} tekens."
                )
        out.append((name, words))
    return out


@contextmanager
def eigen_synoniemen(tekst: str) -> Iterator[None]:
    """Compare with the adviser's own synonyms as well (already checked with
    ``lees_synoniemen``); the built-in list alone again afterwards."""
    token = _EIGEN.set(tekst or "")
    try:
        yield
    finally:
        _EIGEN.reset(token)


def synonyms() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every variant (longest first) and the variant → concept map."""
    return _synonyms(_EIGEN.get())


@lru_cache(maxsize=8)
def _synonyms(eigen: str) -> tuple[re.Pattern[str], dict[str, str]]:
    text = resources.files("ondersteuner.compare").joinpath("synoniemen.txt").read_text("utf-8")
    pairs: list[tuple[str, str]] = []
    # The adviser's own lines first: where they map a word elsewhere, theirs counts.
    for concept, variants in lees_synoniemen(eigen) if eigen else []:
        pairs += [(fold(v), concept) for v in variants if fold(v)]
    own = len(pairs)
    for concept, variants in _regels(text):
        pairs += [(fold(v), concept) for v in variants if fold(v)]
    # Longest first (a phrase before its words); among equals, own lines first.
    order = sorted(range(len(pairs)), key=lambda i: (-len(pairs[i][0]), i >= own))
    lookup: dict[str, str] = {}
    for i in order:
        v, c = pairs[i]
        lookup.setdefault(v, "§" + c)
    alternation = "|".join(re.escape(v) for v in lookup)
    return re.compile(r"(?<![a-z0-9])(" + alternation + r")(?![a-z0-9])"), lookup


_HOURS = re.compile(r"(\d)\s*u\b")


@cache
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("dutch")


def concepts_and_words(text: str) -> list[str]:
    """Folded text with synonyms replaced by §concept tokens, then split into words."""
    pattern, lookup = synonyms()
    # "28 u p/w" is hours; a "u" on its own is the reader ("U vertelde dat ...").
    t = _times(_HOURS.sub(r"\1 uur", fold(text)).replace("€", " euro "))
    t = pattern.sub(lambda m: " " + lookup[m.group(1)] + " ", t)
    words = [w.rstrip("-'") for w in re.findall(r"§[a-z_]+|\d+(?:[.,]\d+)?|[a-z][a-z'-]*", t)]
    # A hyphenated compound counts as its parts too ('nah-dagbesteding').
    return [p for w in words for p in ([w, *w.split("-")] if "-" in w[1:] else [w]) if p]


@cache
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


def _stem_concepts() -> dict[str, str]:
    return _stem_concepts_of(_EIGEN.get())


@lru_cache(maxsize=8)
def _stem_concepts_of(_eigen: str) -> dict[str, str]:
    """Stems of the one-word variants of the synonym list, so a past participle
    reads as the concept too ('gewassen' as 'wassen', 'gedoucht' as 'douchen').
    Only participles: other words with the stem of a variant are too often another
    word ('naast' is not 'naaste', 'beleid' not 'begeleiding')."""
    _pattern, lookup = synonyms()
    out: dict[str, str] = {}
    for variant, concept in lookup.items():
        if variant.isalpha() and len(variant) >= 4 and variant not in STOPWORDS:
            out.setdefault(_stem(variant), concept)
    return out


def verb_forms(token: str) -> set[str]:
    """Other stems of a verb form the stemmer leaves with its -t ('meldt' → 'meld',
    'mel' as in 'melden'; 'woont' → 'woon'), so a note's "meldt aan" meets a
    verslag's "aanmelden". Only a candidate: it counts where the other text has it."""
    if len(token) < 4 or not token.endswith("t") or not token.isalpha() or token.endswith("tt"):
        return set()
    return {token[:-1], _stem(token[:-1] + "en")}


def concept_stems() -> dict[str, frozenset[str]]:
    """Per concept the stems (6+ letters) of its one-word variants, to find the
    concept inside compounds ('schulden' in 'schuldenlast')."""
    return _concept_stems_of(_EIGEN.get())


@lru_cache(maxsize=8)
def _concept_stems_of(_eigen: str) -> dict[str, frozenset[str]]:
    _pattern, lookup = synonyms()
    out: dict[str, set[str]] = {}
    for variant, concept in lookup.items():
        stem = _stem(variant) if variant.isalpha() and variant not in STOPWORDS else ""
        # Only a stem the word starts with ('begeleiding' stems to 'beleid', which
        # starts 'beleidsregels'), and long enough to name the thing ('buurt' is in
        # 'buurtsportcoach', 'huurt' in 'huurtoeslag').
        if len(stem) >= 6 and variant.startswith(stem):
            out.setdefault(concept, set()).add(stem)
    return {c: frozenset(v) for c, v in out.items()}


def tokens(text: str) -> tuple[str, ...]:
    """Content tokens: concepts, numbers, stems of the non-stopwords."""
    return _tokens_of(text, _EIGEN.get())


@lru_cache(maxsize=8192)
def _tokens_of(text: str, _eigen: str) -> tuple[str, ...]:
    return tuple(_tokens(text))


def _tokens(text: str) -> list[str]:
    out = []
    for w in concepts_and_words(text):
        if w.startswith("§"):
            out.append(w)
        elif w[0].isdigit():
            # "18.000" is Dutch for eighteen thousand, as "18000" and "18k" are.
            out.append(w.replace(".", "") if _THOUSANDS.fullmatch(w) else w.replace(",", "."))
        elif w in NUMBER_WORDS and w not in ("een",):
            out.append(str(NUMBER_WORDS[w]))
        elif w not in STOPWORDS and w not in NEGATIONS and len(w) > 1:
            # Negations are compared on their own (see ``negated``), not as content.
            stem = _stem(w)
            if w.startswith("ge") and len(w) > len(stem) + 2:
                stem = _stem_concepts().get(stem, stem)
            out.append(stem)
    return out


def negations(text: str) -> int:
    """How many negation words; a hyphenated word ('niet-aangeboren') is no negation."""
    # A negation inside a synonym phrase ("hou het niet vol": overbelast) is part of
    # that concept, not a negation of the sentence.
    pattern, lookup = synonyms()
    t = pattern.sub(lambda m: " " + lookup[m.group(1)] + " ", fold(text))
    return sum(1 for w in re.findall(r"[a-z]+(?:-[a-z]+)*", t) if w in NEGATIONS)


_DOUBLE = re.compile(r"\b(niet|geen|nooit)\b(\s+\w+){0,2}\s+(zonder|onmogelijk|onvoldoende)\b")


def negated(text: str) -> bool:
    """Negative in meaning: any negation, except a double one ('niet zonder hulp':
    help is needed). Coordinated negations ('niet bukken en geen zware dingen
    tillen') stay negative."""
    n = negations(text)
    return n > 0 and not (n == 2 and _DOUBLE.search(fold(text)))


def weak(text: str) -> bool:
    return bool(WEAK.search(fold(text)))


def strong(text: str) -> bool:
    return bool(STRONG.search(fold(text)))


def condition(text: str) -> bool:
    return bool(CONDITION.search(fold(text)))


@dataclass(frozen=True)
class Getal:
    waarde: float
    eenheid: str  # "uur", "keer", "dag", "week", "maand", "euro", "" (unknown)


_UNIT = {
    "uur": "uur", "uren": "uur", "u": "uur", "keer": "keer", "x": "keer", "dag": "dag",
    "dagen": "dag", "week": "week", "weken": "week", "maand": "maand", "maanden": "maand",
    "euro": "euro", "€": "euro", "dgn": "dag", "wk": "week", "km": "km", "kilometer": "km",
    "meter": "meter", "m": "meter", "mnd": "maand",
}  # fmt: skip


_ONCE = re.compile(r"\beens per\b")
# "tweemaal", "eenmaal per week": a number of times written as one word.
_TIMES = re.compile(r"\b(een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)maal\b")


# "tweeënhalf", "drieënhalf": a half written onto the number.
_AND_A_HALF = re.compile(r"\b(een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)e?enhalf\b")


_KILO = re.compile(r"(?<![\d.,])(\d+)\s?k\b")  # "18k": 18000 (not "5 km")


def _times(text: str) -> str:
    text = _KILO.sub(lambda m: str(int(m.group(1)) * 1000), text)
    text = _AND_A_HALF.sub(lambda m: f"{NUMBER_WORDS[m.group(1)]},5", text)
    return _TIMES.sub(lambda m: f"{NUMBER_WORDS[m.group(1)]} keer", text)


_EURO_FIRST = re.compile(r"€\s*(\d[\d.,]*\d|\d)")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


@dataclass(frozen=True)
class Frequentie:
    """How often, per week: ``laag``..``hoog`` (equal unless a range such as "2-3x p/w"),
    of visits or parts of days (``soort`` "keer") or of hours ("uur")."""

    laag: float
    hoog: float
    soort: str

    def zelfde(self, other: Frequentie) -> bool:
        """The same frequency, within 15% ("1x p/mnd" is "eens per vier weken"), or
        overlapping ranges."""
        return self.laag <= other.hoog * 1.15 and other.laag <= self.hoog * 1.15


_WEEKS = {
    "dag": 1 / 7, "dagen": 1 / 7, "d": 1 / 7, "week": 1.0, "weken": 1.0, "wk": 1.0,
    "w": 1.0, "maand": 4.345, "maanden": 4.345, "mnd": 4.345, "m": 4.345, "jaar": 52.0,
    "jr": 52.0,
}  # fmt: skip
_NUM = r"(\d+(?:[.,]\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
# What is counted per period: times, or parts of days (visits on "3 middagen p/w").
_TIMES_UNIT = (
    r"(?:x|keer|maal|avond(?:en)?|middag(?:en)?|ochtend(?:en)?|dag(?:en|delen|deel)?|"
    r"dgn|nacht(?:en)?|dagdel(?:en)?|bezoek(?:en)?|weekend(?:en)?|uur|uren|u)"
)
_PERIOD = (
    r"(?:per|p/|/|in de|elke|iedere)\s*(?:"
    + _NUM
    + r"\s*)?("
    + "|".join(sorted(_WEEKS, key=len, reverse=True))
    + r")\b"
)
_RATE = re.compile(
    r"\b" + _NUM + r"(?:\s*(?:-|tot|a|à|of)\s*" + _NUM + r")?\s*(" + _TIMES_UNIT + r")\s*" + _PERIOD
)
_EVERY = {
    "dagelijks": 7.0, "wekelijks": 1.0, "tweewekelijks": 0.5, "maandelijks": 1 / 4.345,
    "elke dag": 7.0, "iedere dag": 7.0, "elke week": 1.0, "iedere week": 1.0,
    "om de week": 0.5, "om de andere week": 0.5, "om de twee weken": 0.5,
    "elke maand": 1 / 4.345, "iedere maand": 1 / 4.345, "om de drie weken": 1 / 3,
    "om de vier weken": 0.25,
}  # fmt: skip
_EVERY_RE = re.compile(r"\b(" + "|".join(sorted(_EVERY, key=len, reverse=True)) + r")\b")


def _value(raw: str) -> float:
    return float(raw.replace(",", ".")) if raw[0].isdigit() else float(NUMBER_WORDS.get(raw, 0))


def frequenties(text: str) -> list[Frequentie]:
    """How often something happens, per week: "2x p/w", "twee tot drie avonden per
    week", "eens per twee weken", "1x p/mnd", "3 uur per week", "wekelijks"."""
    folded = _ONCE.sub("1 keer per", _times(fold(text)))
    out = []
    for m in _RATE.finditer(folded):
        low = _value(m.group(1))
        high = _value(m.group(2)) if m.group(2) else low
        unit, every, period = m.group(3), m.group(4), m.group(5)
        weeks = _WEEKS[period] * (_value(every) if every else 1.0)
        if not weeks or not low:
            continue
        kind = "uur" if unit in ("uur", "uren", "u") else "keer"
        out.append(Frequentie(low / weeks, high / weeks, kind))
    for m in _EVERY_RE.finditer(folded):
        # "Komt wekelijks" counts; "dagelijks 2 uur" is an amount each day, not a count.
        rate = _EVERY[m.group(1)]
        out.append(Frequentie(rate, rate, "keer"))
    return out


def numbers(text: str) -> list[Getal]:
    """Numbers with a unit ('2,5 uur', 'twee keer', '3x'); bare 'een' is not a number."""
    out = []
    folded = _EURO_FIRST.sub(r"\1 euro", _ONCE.sub("1 keer per", _times(fold(text))))
    for m in _NUMBER.finditer(folded):
        raw, unit = m.group(1), (m.group(3) or "").strip()
        if m.group(2) and not unit:
            unit = "keer"  # "2x", "twee keer" (per week or month: a frequency)
        if raw == "een" and not unit:
            continue
        if _THOUSANDS.fullmatch(raw):  # "18.000": Dutch thousands, not a decimal point
            raw = raw.replace(".", "")
        value = float(raw.replace(",", ".")) if raw[0].isdigit() else NUMBER_WORDS.get(raw, 0)
        if not unit and not raw[0].isdigit():
            continue
        out.append(Getal(float(value), _UNIT.get(unit, "")))
    return out
