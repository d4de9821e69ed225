"""Right vs wrong trade-off of the offline matcher's acceptance rule, over every labelled
question set in tests/vpatient/data.

A wrong fact misleads the student; "I'm not sure what you mean" lets them rephrase, so a
stricter acceptance rule that turns a few right answers into "unsure" can be worth it when
it turns more wrong answers into "unsure" too. This script varies the rule's settings
(:data:`eduapp.vpatient.matcher.MARGIN`, the runner-up margin; ``STRAY_THIN``, the score
below which a win is refused while the question holds an English word the vocabulary does
not know, 0 = off; ``CC_FALLBACK_STRICT``, whether the chief complaint may answer a
question that names its symptom beside words nothing explains; ``KEYWORD_ONLY_STRICT``,
whether a fact won by a case keyword alone is refused beside an unknown English word) and
prints, per setting,
the pooled right share (of questions labelled with a fact) and wrong share (of all
questions) for every set and for all sets together. Takes about three minutes.

Run: ``PYTHONPATH=. python bench/bench_vpatient_tradeoff.py``
"""

from __future__ import annotations

import itertools
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from eduapp.vpatient import matcher as M  # noqa: E402
from eduapp.vpatient.bench import evaluate_all  # noqa: E402

SETS = ("questions", "round2", "holdout", "holdout2", "holdout3", "holdout4", "holdout5",
        "holdout6", "holdout8", "holdout9", "holdout10",
        "devset", "devset2", "devset3", "devset4",
        "devset5", "devset6")


def measure() -> dict[str, tuple[int, int, int, int]]:
    """``{set prefix: (right, with_fact, wrong, total)}`` under the current settings."""
    out = {}
    for prefix in SETS:
        res = evaluate_all(prefix=prefix)
        out[prefix] = (sum(r.right for r in res), sum(r.with_fact for r in res),
                       sum(r.wrong for r in res), sum(r.total for r in res))
    return out


def main(argv: list[str]) -> int:
    margins = (0.15, 0.3)
    thins = (0.0, 1.05)
    stricts = (False, True)
    keywords = (False, True)
    base = (M.MARGIN, M.STRAY_THIN, M.CC_FALLBACK_STRICT, M.KEYWORD_ONLY_STRICT)
    print("margin stray cc    kw     " + "  ".join(f"{p:>12}" for p in SETS)
          + "   all sets")
    for margin, thin, strict, kw in itertools.product(margins, thins, stricts, keywords):
        M.MARGIN, M.STRAY_THIN, M.CC_FALLBACK_STRICT, M.KEYWORD_ONLY_STRICT = \
            margin, thin, strict, kw
        figs = measure()
        cells = [f"{r / max(1, wf):>5.1%}/{w / max(1, t):>5.1%}" for r, wf, w, t in
                 figs.values()]
        r = sum(v[0] for v in figs.values()) / sum(v[1] for v in figs.values())
        w = sum(v[2] for v in figs.values()) / sum(v[3] for v in figs.values())
        mark = " <- shipped" if (margin, thin, strict, kw) == base else ""
        print(f"{margin:<6} {thin:<5} {str(strict):<6} {str(kw):<6} "
              + "  ".join(f"{c:>12}" for c in cells) + f"   {r:.1%}/{w:.1%}{mark}")
    M.MARGIN, M.STRAY_THIN, M.CC_FALLBACK_STRICT, M.KEYWORD_ONLY_STRICT = base
    print("cells: right share / wrong share")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
