"""A prior for the taste learned from the replayed pasts of the development series, measured.

Not a test: round 13 (issue-12k) tried it and dropped it (BENCHMARKS.md, "Suggestions"). For
each development history, cut as `kg evaluate-suggest` cuts it (the day by which half of its
talks were given), it takes the training rows `suggest` itself fits the series' taste on — the
speakers who first spoke in each block of its past against people drawn at random who had not
spoken by then, every feature as known the day before the block — and standardizes them as that
fit does. Nothing after a series' cutoff is read, and no check series is. The rows of all
development series are pooled, each series weighing the same and, within it, its speakers as
much as its non-speakers, and one logistic regression (scikit-learn, the regularization of a
series' own fit) gives coefficients that replace the hand-set ``taste.PRIOR`` (towards which
every series' fit is shrunk). It prints them, writes them as JSON with how they were made
(``--output``), then ranks every series with each prior (``suggest.ranked_people`` at the
cutoff, as `kg evaluate-suggest` does) and prints recall@10/50/200, over all later speakers and
over those the field knew on the day, averaged over the development and the check series.

    PYTHONPATH=src:bench python bench/suggest_prior.py --store /tmp/kg-real/store
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import suggest_harness as harness  # type: ignore[import-not-found]

from kg.network import suggest, taste
from kg.network.index import GraphIndex

C = 0.3
"""The regularization of a series' own fit (``taste.fit``)."""
KS = (10, 50, 200)


def rows_of(index: GraphIndex, stem: str) -> tuple[np.ndarray, np.ndarray, str]:
    """A series' standardized training rows and labels at its middle cutoff, and the cutoff."""
    cut = harness.cut(index, stem)
    series, speakers, v = harness.seen(index, cut)
    x, y, _, _ = suggest.replayed(index, series, cut.event, v, speakers)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    return (x - mean) / scale, y, cut.cutoff.isoformat()


def learn(parts: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """One logistic regression on the pooled rows; each series and each class within it weighs the same."""
    from sklearn.linear_model import LogisticRegression

    xs, ys, weights = [], [], []
    for x, y in parts:
        positives = max(1.0, float(y.sum()))
        negatives = max(1.0, float(len(y) - y.sum()))
        weights.append(np.where(y > 0, 0.5 / positives, 0.5 / negatives) * len(y))
        xs.append(x)
        ys.append(y)
    model = LogisticRegression(C=C, solver="newton-cholesky", max_iter=200)
    model.fit(np.vstack(xs), np.concatenate(ys), sample_weight=np.concatenate(weights) / len(parts))
    return model.coef_[0].astype(np.float64)


def measure(index: GraphIndex, stems: tuple[str, ...]) -> list[float]:
    """recall@k over all later speakers, then over the known ones, averaged over ``stems``."""
    rows = []
    for stem in stems:
        cut = harness.cut(index, stem)
        where, known = harness.ranks(index, cut, max(KS)), harness.known_later(index, cut)
        rows.append([harness.recall(where, cut.later, k) for k in KS]
                    + [harness.recall(where, known, k) for k in KS[1:]])
    return [float(value) for value in np.mean(rows, axis=0)]


def main() -> None:
    """Parse the options, learn the prior, write it, and measure both priors."""
    parser = harness.store_parser(__doc__)
    parser.add_argument("--output", type=Path, default=Path("/tmp/taste_prior.json"),
                        help="where to write the learned prior")
    options = parser.parse_args()
    index = harness.open_index(options.store)
    parts, made_from = [], []
    for stem in harness.DEVELOPMENT:
        x, y, cutoff = rows_of(index, stem)
        if y.sum() >= taste.MIN_POSITIVES:
            parts.append((x, y))
            made_from.append({"series": stem, "cutoff": cutoff, "speakers": int(y.sum()),
                              "non_speakers": int(len(y) - y.sum())})
    coefficients = learn(parts)
    learned = {name: round(float(c), 4) for name, c in zip(taste.FEATURES, coefficients, strict=True)}
    prior = {
        "coefficients": learned,
        "how": (f"bench/suggest_prior.py: one logistic regression (C={C}, classes balanced within each "
                "series, "
                "each series weighing the same) on the standardized training rows of the replayed pasts of "
                "the development histories, each cut on the day by which half of its talks were given; "
                "nothing after a cutoff, and no check history, is read"),
        "made": date.today().isoformat(),
        "from": made_from,
    }
    options.output.write_text(json.dumps(prior, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("| feature | hand-set prior | learned prior |\n|---|---|---|")
    for name, value in sorted(learned.items(), key=lambda p: -abs(p[1])):
        print(f"| {name} | {taste.PRIOR.get(name, 0.0):+.2f} | {value:+.3f} |")
    print("\n| prior | development recall@10 / 50 / 200 (of the known @50 / @200) | check: the same |")
    print("|---|---|---|")
    hand = dict(taste.PRIOR)
    for label, chosen in (("hand-set", hand), ("learned", learned)):
        taste.PRIOR = chosen
        cells = []
        for stems in (harness.DEVELOPMENT, harness.CHECK):
            r = measure(index, stems)
            cells.append(f"{r[0]:.3f} / {r[1]:.3f} / {r[2]:.3f} ({r[3]:.3f} / {r[4]:.3f})")
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
    taste.PRIOR = hand


if __name__ == "__main__":
    main()
