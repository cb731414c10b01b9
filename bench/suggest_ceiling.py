"""How far a better weighing of `kg suggest`'s signals could go on the real histories.

Not a test: per series (cut as `kg evaluate-suggest` does), it takes the features `suggest`
computes for everyone on the cutoff day (``taste.FEATURES``) and fits a logistic regression on
**the answer itself** (the people who first spoke after the cutoff against everyone else among
the walk's first ``--depth``), then ranks with it. Cheating on purpose: no weighing of these
signals can do better on that series, so the figures bound what tuning the weights (per series,
across series, by learning to rank) can bring, and say when new information is needed instead.

    python bench/suggest_real.py --ml-venues ../shared/data/ml-venues --work /tmp/kg-real
    PYTHONPATH=src python bench/suggest_ceiling.py --store /tmp/kg-real/store
"""

from __future__ import annotations

import numpy as np
import suggest_harness as harness  # type: ignore[import-not-found]

from kg.network.index import GraphIndex

KS = (50, 200)


def recalls(scores: np.ndarray, pool: np.ndarray, wanted: np.ndarray, total: int) -> list[float]:
    """recall@k of ranking ``pool`` by ``scores`` (ties by row) against ``wanted`` of ``total``."""
    order = harness.by_value(scores, pool)
    return [float(wanted[order[:k]].sum()) / total for k in KS]


def ceiling(index: GraphIndex, stem: str, depth: int) -> tuple[str, list[float], list[float]]:
    """(series name, recall@k of suggest, recall@k of the model fitted on the answer)."""
    from sklearn.linear_model import LogisticRegression

    r = harness.replay(index, stem)
    x, pool, later = r.x, r.pool, r.cut.later
    name = index.event_names[index.event_index[r.cut.event]]
    wanted = np.zeros(r.view.people, dtype=bool)
    wanted[[index.person_index[p] for p in later if p in index.person_index]] = True
    mine = recalls(r.scores, pool, wanted, len(later))
    near = harness.by_value(x[:, 0], pool)[:depth]  # the walk's first ``depth``
    if not wanted[near].any():
        return name, mine, mine
    mean, scale = x[near].mean(axis=0), np.maximum(x[near].std(axis=0), 1e-9)
    fitted = LogisticRegression(C=10.0, class_weight="balanced", max_iter=1000)
    fitted.fit((x[near] - mean) / scale, wanted[near])
    best = np.full(r.view.people, -np.inf)
    best[pool] = x[pool, 0] - 1e6  # beyond the first ``depth``: the walk's order
    best[near] = ((x[near] - mean) / scale) @ fitted.coef_[0]
    return name, mine, recalls(best, pool, wanted, len(later))


def main() -> None:
    """Parse the options and print the table of every history."""
    parser = harness.store_parser(__doc__)
    parser.add_argument("--depth", type=int, default=2000, help="fit among the walk's first N people")
    options = parser.parse_args()
    index = harness.open_index(options.store)
    print("| series | suggest recall@50 | @200 | fitted on the answer recall@50 | @200 |")
    print("|---|---|---|---|---|")
    for title, stems in (("development", harness.DEVELOPMENT), ("check", harness.CHECK)):
        rows = [ceiling(index, stem, options.depth) for stem in stems]
        for name, mine, best in rows:
            print(f"| {name} | {mine[0]:.3f} | {mine[1]:.3f} | {best[0]:.3f} | {best[1]:.3f} |")
        averages = np.mean([[*m, *b] for _, m, b in rows], axis=0)
        shown = " | ".join(f"**{a:.3f}**" for a in averages)
        print(f"| **average of {len(rows)} ({title})** | {shown} |")


if __name__ == "__main__":
    main()
