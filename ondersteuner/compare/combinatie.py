"""The combiner: a second look at a note the rules call missing for too little coverage.

The rules of ``engine`` call a note missing when its closest passage covers less than
a fixed share of its words. On verslagen nobody tuned on, about a third of their ✘ were
notes said in other words. Instead of that one threshold, the combiner
weighs what the rules saw of such a note (coverage by the closest passage, its
neighbours, any one sentence, any three in a row, the whole verslag; the kind of note;
which rule judged it) with a logistic model learned from the labelled pairs in
``eval/vergelijk/`` by ``bench/train_vergelijk.py``. Its weights are data, in
``combinatie.json`` beside this file: reviewable, and rebuilt by that script, never
edited by hand. A ✘ it takes back becomes gedeeltelijk, "misschien in andere woorden",
with its closest passage: still a difference for the adviser to check. The content
rules (an afspraak without a promise, a quote not conveyed, a part not said) stand.
Pure Python, no Qt.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def model() -> dict:
    """The learned model: feature names, their mean and spread in the training
    data, the weights, the bias and the threshold."""
    text = resources.files("ondersteuner.compare").joinpath("combinatie.json").read_text("utf-8")
    return json.loads(text)


def kans(signalen: dict[str, float], m: dict | None = None) -> float:
    """The chance that a note with these signals is really missing from the verslag."""
    m = m or model()
    s = m["bias"] + sum(
        w * (signalen[k] - mu) / sd
        for k, w, mu, sd in zip(m["kenmerken"], m["gewichten"], m["gemiddelde"], m["spreiding"], strict=True)
    )
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, s))))


def ontbreekt(signalen: dict[str, float]) -> bool:
    """Whether a note the rules call missing stays missing."""
    return kans(signalen) >= model()["drempel"]
