"""The later speakers with no tie to the series, against the untied people ranked above them.

Not a test: an error analysis and a trial of lifts for the untied (round eighteen, issue-12s).
Every real history is replayed as `kg suggest` sees it on its cutoff day (``suggest_harness``:
the series' taste fitted on its replayed past, everyone's features) and its pool ranked as
`suggest` ranks it (``suggest.unlinked_adjusted``, ``KEPT``). Among the pool's *untied* people (no work in
common with a past speaker or host) in the first ``--band`` of that ranking, it prints per
property the AUC of the later speakers against the rest (per series, then the mean over the
series with an untied later speaker there): the taste's features, and properties it does not
read — the topic fit to the series' *recent* talks (those of the last two years before the
cutoff, or its last third of talks), years since the latest paper, coauthors, works.

Then it re-ranks the pool with other lifts for the untied (``--lift NAME=WEIGHT,...``: the score
moved by each weight times the property standardized over the pool, times the spread of the
pool's scores, the taste's first ten kept first, as ``suggest.unlinked_adjusted`` does) and
prints recall@10 / @50 / @200 / @1000 averaged over the development and the check series, the
first row being `suggest`'s own ranking. With ``--fit``, also the lift fitted per series on its
own replayed past: a logistic regression of the untied speakers against the untied non-speakers
of the training rows (``suggest.replayed``), on the lift's properties, shrunk to the fixed lift.
The per-series columns are kept in ``--cache`` (a pickle), so a second run only re-ranks.

    PYTHONPATH=src:bench python bench/suggest_untied.py --store /tmp/kg-real/store --cache /tmp/untied.pickle
    PYTHONPATH=src:bench python bench/suggest_untied.py --store /tmp/kg-real/store \\
        --cache /tmp/untied.pickle --lift topic=0.5,papers=-0.25 topic_recent=0.5,papers=-0.25 --check
"""

from __future__ import annotations

import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from suggest_harness import CHECK, DEVELOPMENT, cut, open_index, seen, store_parser
from suggest_near import extras

from kg.network import signals, suggest, taste
from kg.network.index import GraphIndex

YEAR = 365.25
KS = (10, 50, 200, 1000)
KEPT = {"topic": suggest.UNLINKED_TOPIC, "semantic_recent_third": suggest.UNLINKED_RECENT,
        "papers": suggest.UNLINKED_PAPERS}
"""The lift `suggest` applies (``suggest.unlinked_adjusted`` with ``suggest.recent_fit``)."""
ROUND_17 = {"topic": 0.5, "papers": -0.25}


@dataclass
class Series:
    """One series on its cutoff day: its pool's scores, properties and later speakers."""

    stem: str
    raw: np.ndarray
    """The taste's score of each pool member."""
    names: list[str]
    values: np.ndarray
    """Pool × properties (``taste.FEATURES`` then the extras)."""
    tied: np.ndarray
    invited: np.ndarray
    later: int
    train_x: np.ndarray
    """The replayed past's rows (``taste.FEATURES``)."""
    train_y: np.ndarray


def recent_talks(talks: list[tuple[int, int, int]], day: int, mode: str) -> list[tuple[int, int, int]]:
    """The talks of the last two years before ``day`` (``years``) or the last third of them (``third``);
    all of them when that leaves none."""
    if mode == "years":
        found = [t for t in talks if t[0] >= day - 2 * YEAR]
    else:
        found = talks[len(talks) - max(1, len(talks) // 3):]
    return found or talks


def recent_topic(index: GraphIndex, v: signals.View, talks: list[tuple[int, int, int]], day: int,
                 mode: str, among: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Log ranks of the topic fit and the learned-space fit to the recent talks."""
    query = signals.query_vector(v, suggest.talk_texts(index, recent_talks(talks, day, mode)))
    return (suggest._log_rank(signals.topic_scores(v, [query])[:, 0], among),
            suggest._log_rank(signals.semantic_scores(v, [query])[:, 0], among))


def gather(index: GraphIndex, stem: str) -> Series:
    """The series cut at its middle, as `suggest` sees it, with the properties of its pool."""
    found = cut(index, stem)
    series, speakers, v = seen(index, found)
    x, y, x_now, _ = suggest.replayed(index, series, found.event, v, speakers)
    model = taste.fit(x, y)
    active = suggest._reachable(v, x_now)
    active[speakers + series.hosts] = False
    pool = np.flatnonzero(active)
    columns: dict[str, np.ndarray] = {}
    for mode in ("years", "third"):
        topic, near = recent_topic(index, v, series.talks, v.day, mode, pool)
        columns[f"topic_recent_{mode}"], columns[f"semantic_recent_{mode}"] = topic, near
    more = extras(index, v, speakers, series.hosts, series.talks)
    for name in ("idle_years", "coauthors", "works"):
        columns[name] = more[name][pool]
    names = list(taste.FEATURES) + list(columns)
    values = np.column_stack([x_now[pool]] + [columns[n] for n in columns])
    later = {index.person_index[p] for p in found.later if p in index.person_index}
    return Series(stem, model.score(x_now)[pool], names, values, suggest._tied(x_now, pool),
                  np.isin(pool, sorted(later)), len(found.later), x, y)


def lifted(s: Series, weights: dict[str, float], below: int = suggest.UNLINKED_BELOW) -> np.ndarray:
    """The pool's scores with the untied moved as ``suggest.unlinked_adjusted`` moves them, by ``weights``."""
    scores, spread = s.raw, float(s.raw.std())
    moved = np.zeros(len(scores))
    for name, weight in weights.items():
        column = s.values[:, s.names.index(name)]
        scale = float(column.std())
        if scale > 0:
            moved += weight * (column - column.mean()) / scale
    found = np.where(s.tied, scores, scores + spread * moved)
    if len(scores) <= below:
        return found
    tenth = float(np.partition(scores, len(scores) - below)[len(scores) - below])
    kept = scores >= tenth
    lowered = max(0.0, float(found[~kept].max()) - tenth + 1e-6)
    return np.where(kept, scores, found - lowered)


def fitted_lift(s: Series, names: list[str], prior: dict[str, float], strength: float) -> dict[str, float]:
    """The lift's weights fitted on the series' replayed past: the untied speakers against the untied
    non-speakers, on ``names`` standardized over those rows, shrunk to ``prior``; scaled like the
    fixed lift (coefficients per standard deviation of the score's spread in the rows)."""
    rows = ~suggest._tied(s.train_x)
    y = s.train_y[rows]
    positives = int(y.sum())
    fixed = {n: prior.get(n, 0.0) for n in names}
    if positives < taste.MIN_POSITIVES or positives == len(y):
        return fixed
    x = s.train_x[rows][:, [taste.FEATURES.index(n) for n in names]]
    scale = np.where(x.std(axis=0) > 1e-9, x.std(axis=0), 1.0)
    weights, _ = taste.logistic_regression((x - x.mean(axis=0)) / scale, y)
    norm = float(np.abs(weights).sum()) or 1.0
    size = sum(abs(v) for v in fixed.values()) or 1.0
    trust = positives / (positives + strength)
    return {n: trust * float(w) / norm * size + (1 - trust) * fixed[n]
            for n, w in zip(names, weights, strict=True)}


def figures(s: Series, scores: np.ndarray) -> list[int]:
    """Hits at each of ``KS``."""
    order = np.argsort(-scores, kind="stable")
    where = np.empty(len(order), dtype=np.int64)
    where[order] = np.arange(1, len(order) + 1)
    ranks = where[s.invited]
    return [int((ranks <= k).sum()) for k in KS]


def auc(values: np.ndarray, positive: np.ndarray) -> float:
    """The chance a positive has a higher value than a negative (ties half)."""
    from scipy.stats import rankdata

    ranks = rankdata(values)
    n1, n0 = int(positive.sum()), int((~positive).sum())
    return float((ranks[positive].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def analysis(cases: list[Series], band: int) -> None:
    """Per property, the AUC among the untied of the first ``band``: later speakers against the rest."""
    rows = []
    names = cases[0].names
    for s in cases:
        scores = lifted(s, KEPT)
        top = np.argsort(-scores, kind="stable")[:band]
        chosen = top[~s.tied[top]]
        invited = s.invited[chosen]
        if not invited.any() or invited.all():
            continue
        rows.append([auc(scores[chosen], invited)]
                    + [auc(s.values[chosen, i], invited) for i in range(len(names))])
        print(f"  {s.stem}: {int(invited.sum())} untied later speakers in the first {band}", file=sys.stderr)
    if not rows:
        print("no untied later speaker in the band")
        return
    mean = np.mean(rows, axis=0)
    print(f"| property (untied, first {band}) | mean AUC over {len(rows)} series |")
    print("|---|---|")
    for name, value in zip(["score"] + names, mean, strict=True):
        print(f"| {name} | {value:.3f} |")


def parsed(text: str) -> dict[str, float]:
    """'a=0.5,b=-0.25' → {'a': 0.5, 'b': -0.25}."""
    return {k: float(v) for k, v in (part.split("=") for part in text.split(",") if part)}


def main() -> None:
    """Gather (or read the cache), analyse, re-rank."""
    parser = store_parser(__doc__)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--band", type=int, default=5000)
    parser.add_argument("--check", action="store_true", help="also print the check series")
    parser.add_argument("--lift", nargs="*", default=[])
    parser.add_argument("--fit", nargs="*", default=[], help="NAMES:STRENGTH, e.g. topic,papers,semantic:30")
    options = parser.parse_args()
    if options.cache and options.cache.exists():
        cases = pickle.loads(options.cache.read_bytes())
    else:
        index = open_index(options.store)
        cases = []
        for stem in DEVELOPMENT + CHECK:
            print(f"gathering {stem}", file=sys.stderr, flush=True)
            cases.append(gather(index, stem))
        if options.cache:
            options.cache.write_bytes(pickle.dumps(cases))
    development = [s for s in cases if s.stem in DEVELOPMENT]
    analysis(development, options.band)
    base = KEPT
    variants: list[tuple[str, object]] = [("suggest (topic 0.25, recent 0.25, papers -0.25)", base),
                                          ("round seventeen (topic 0.5, papers -0.25)", ROUND_17),
                                          ("no lift", {})]
    variants += [(text, parsed(text)) for text in options.lift]
    variants += [(f"fitted {text}", text) for text in options.fit]
    lists = [("development", development)]
    if options.check:
        lists.append(("check", [s for s in cases if s.stem in CHECK]))
    print("\n| lift | " + " | ".join(f"{name} recall@10/50/200/1000 (hits)" for name, _ in lists) + " |")
    print("|---|" + "---|" * len(lists))
    for label, variant in variants:
        cells = []
        for _, group in lists:
            found = []
            for s in group:
                if isinstance(variant, str):
                    names, strength = variant.split(":")
                    weights = fitted_lift(s, names.split(","), base, float(strength))
                else:
                    weights = variant  # type: ignore[assignment]
                found.append(figures(s, lifted(s, weights) if weights else s.raw))
            recall = np.mean([[h / s.later for h in f] for f, s in zip(found, group, strict=True)], axis=0)
            hits = " ".join(str(f[1]) for f in found)
            cells.append(" / ".join(f"{r:.3f}" for r in recall) + f" ({hits})")
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
