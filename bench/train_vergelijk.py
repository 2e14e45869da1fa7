"""Learn the combiner (``ondersteuner/compare/combinatie.json``) from the labelled pairs.

    .venv/bin/python bench/train_vergelijk.py [--schrijf]

For every development pair (all pairs but the hold-outs of ``eval_vergelijk.py``) the
engine gives each note's rule status and signals (``engine.signalen``). A logistic
model (L2-regularised, fitted by Newton's method, pure Python) learns from them whether
a note is really missing; the app asks it only about the notes the rules call missing
for too little coverage (their content rules — an afspraak without a promise, a quote
not conveyed, a part not said — stand). Cross-validation by batch (each former hold-out one fold, the
other pairs in folds of four, in number order) gives the honest development figures,
and chooses the threshold: the highest at which the cross-validated recall on
``ontbreekt`` stays ≥ 0.93. The final model is fitted on all development pairs.
Deterministic: the same pairs give the same file (``tests/test_combinatie.py`` checks).
``--schrijf`` writes the file; without it the figures are only printed.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_vergelijk as ev  # noqa: E402

MODEL = ROOT / "ondersteuner" / "compare" / "combinatie.json"
L2 = 1.0
MIN_RECALL = 0.93
FEATURES = (
    "cov",
    "near",
    "single",
    "window",
    "global",
    "prefix",
    "prefix_global",
    "n",
    "afspraak",
    "citaat",
    "p_laag",
    "p_afspraak",
    "p_citaat",
    "p_deel",
    "reden",
)
MEANING = ("sem_best", "sem_max", "sem_zbest", "sem_zmax")
if "--betekenis" in sys.argv:
    FEATURES = FEATURES + MEANING

Row = tuple[str, str, str, bool, dict[str, float]]  # pair, label, rule status, passage?, signals


def rows(pairs: list[ev.Pair]) -> list[Row]:
    from ondersteuner.compare.engine import signalen

    out: list[Row] = []
    for pair in pairs:
        judged = signalen([n for _l, n in pair.notes], pair.verslag)
        for (label, _note), (status, has_passage, sig) in zip(pair.notes, judged, strict=True):
            out.append((pair.name, label, status, has_passage, sig))
    return out


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (a is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n + 1):
                m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def fit(data: list[Row]) -> dict:
    """Standardised features, then Newton's method on the penalised log-likelihood
    (the bias is not penalised)."""
    xs = [[r[4][k] for k in FEATURES] for r in data]
    ys = [1.0 if r[1] == "ontbreekt" else 0.0 for r in data]
    d = len(FEATURES)
    mean = [sum(x[j] for x in xs) / len(xs) for j in range(d)]
    spread = [
        max(1e-6, math.sqrt(sum((x[j] - mean[j]) ** 2 for x in xs) / len(xs))) for j in range(d)
    ]
    zs = [[1.0] + [(x[j] - mean[j]) / spread[j] for j in range(d)] for x in xs]
    beta = [0.0] * (d + 1)
    for _ in range(50):
        grad = [0.0] * (d + 1)
        hess = [[0.0] * (d + 1) for _ in range(d + 1)]
        for z, y in zip(zs, ys, strict=True):
            s = sum(b * v for b, v in zip(beta, z, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, s))))
            e, w = p - y, p * (1.0 - p)
            for i in range(d + 1):
                grad[i] += e * z[i]
                zi = w * z[i]
                for j in range(i, d + 1):
                    hess[i][j] += zi * z[j]
        for i in range(d + 1):
            for j in range(i):
                hess[i][j] = hess[j][i]
            if i:
                grad[i] += L2 * beta[i]
                hess[i][i] += L2
        step = _solve(hess, grad)
        beta = [b - s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-10:
            break
    return {
        "kenmerken": list(FEATURES),
        "gemiddelde": [round(v, 6) for v in mean],
        "spreiding": [round(v, 6) for v in spread],
        "gewichten": [round(v, 6) for v in beta[1:]],
        "bias": round(beta[0], 6),
    }


def statuses(data: list[Row], probs: list[float], threshold: float | None) -> list[str]:
    """What the app shows: a ✘ of too little coverage that has a closest passage and
    a chance below the threshold becomes gedeeltelijk (as ``engine._vergelijk`` does)."""
    out = []
    for r, p in zip(data, probs, strict=True):
        low = r[4]["p_laag"] == 1.0
        flip = threshold is not None and r[2] == "ontbreekt" and low and r[3] and p < threshold
        out.append("gedeeltelijk" if flip else r[2])
    return out


def figures(data: list[Row], shown: list[str]) -> tuple[float, float, float]:
    """ontbreekt precision and recall, gedeeltelijk recall."""
    tp = sum(r[1] == s == "ontbreekt" for r, s in zip(data, shown, strict=True))
    said = sum(s == "ontbreekt" for s in shown)
    real = sum(r[1] == "ontbreekt" for r in data)
    g_tp = sum(r[1] == s == "gedeeltelijk" for r, s in zip(data, shown, strict=True))
    g_real = sum(r[1] == "gedeeltelijk" for r in data)
    return tp / (said or 1), tp / (real or 1), g_tp / (g_real or 1)


def folds(names: list[str]) -> dict[str, str]:
    fold = {n: batch for batch, members in ev.FORMER_HOLD_OUTS.items() for n in members}
    rest = sorted((n for n in names if n not in fold), key=lambda n: int(n[4:]))
    for i, n in enumerate(rest):
        fold[n] = f"paren {i // 4}"
    return fold


def train(pairs: list[ev.Pair]) -> tuple[dict, dict[str, tuple[float, float, float]]]:
    """The model and its cross-validated figures (rules alone and with the combiner)."""
    from ondersteuner.compare.combinatie import kans

    data = rows(pairs)
    fold = folds([p.name for p in pairs])
    probs = [0.0] * len(data)
    for f in sorted(set(fold.values())):
        model = fit([r for r in data if fold[r[0]] != f])
        for i, r in enumerate(data):
            if fold[r[0]] == f:
                probs[i] = kans(r[4], model)
    threshold = 0.0
    for step in range(20, 81):
        t = step / 100
        if figures(data, statuses(data, probs, t))[1] >= MIN_RECALL:
            threshold = t
    former = [i for i, r in enumerate(data) if fold[r[0]].startswith("hold-out")]
    sub = [data[i] for i in former]
    sub_probs = [probs[i] for i in former]
    report = {
        "regels": figures(data, statuses(data, probs, None)),
        "combinatie": figures(data, statuses(data, probs, threshold)),
        "regels, voormalige hold-outs": figures(sub, statuses(sub, sub_probs, None)),
        "combinatie, voormalige hold-outs": figures(sub, statuses(sub, sub_probs, threshold)),
    }
    model = fit(data)
    model["drempel"] = threshold
    model["getraind_op"] = sorted({r[0] for r in data}, key=lambda n: int(n[4:]))
    model["kruisvalidatie"] = {k: [round(v, 3) for v in fs] for k, fs in report.items()}
    return model, report


def development_pairs() -> list[ev.Pair]:
    pairs = [ev.load(p) for p in sorted(ev.EVAL.glob("paar*.txt"))]
    return [p for p in pairs if p.name not in ev.HOLD_OUT]


def main() -> None:
    model, report = train(development_pairs())
    print(f"{len(model['getraind_op'])} pairs; threshold {model['drempel']:.2f}")
    for name, (p, r, g) in report.items():
        print(f"  {name:34s} ontbreekt P {p:.2f} R {r:.2f}   gedeeltelijk R {g:.2f}")
    for k, w in zip(model["kenmerken"], model["gewichten"], strict=True):
        print(f"    {k:14s} {w:+.2f}")
    if "--schrijf" in sys.argv:
        MODEL.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"written: {MODEL.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
