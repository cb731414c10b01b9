"""Variants of `kg suggest`'s signals, each replacing a part of it, on the real histories.

Not a test: where `bench/suggest_signals.py` adds a feature, this replaces how one is computed
(the ideas of issue 12's fifth round, for a series whose speakers are in the field), ranks every
series as `kg evaluate-suggest` does (cut where half its talks were given) and prints, for the
development and the check series, recall@50 / recall@200 (averaged over the series), the same
counted among the later speakers the field knew on the cutoff day ("of the known"), and the
geometric mean over the series of the median rank of those known later speakers (finer than
recall on a few dozen people); then, per series, hits in the first 50 / 200 / known later
speakers. The variants:

- **walk kept to the topic (floor f)**: a step of the walk leaves a person along a work with a
  weight multiplied by ``f`` plus the work's topic fit to the series (cosine of its words with
  the series' talks), so the walk stays among the works on the series' subject (personalized
  PageRank on the topic neighbourhood);
- **topic per work^p**: a person's topic fit, the sum over their works, divided by their number
  of works to the power ``p`` (0.5 in `suggest`; 1 is the mean fit per work, as BM25 normalises
  by length);
- **topic of the best work (share s)**: ``s`` of the topic fit is that of the person's best
  matching work (recency-weighted), the rest the breadth (each scaled to its maximum): since the
  fifth round `suggest` itself takes s = 0.5, and "topic as breadth only" is the fit before it
  (the "topic per work" variants replace the whole fit, breadth only, too);
- **topic as its log rank**: the topic feature is ``-log10`` of the rank by topic, as the walk's
  is (so the model multiplies the two ranks, as a rank fusion would); this also kept to the
  people the walk reaches (`suggest` adds those who only share the topic). Since the seventh
  round `suggest` itself takes the log rank (its pool stated on that scale), so this variant is
  left out of ``VARIANTS``: applied again, it would rank the log ranks (see
  `bench/suggest_fusion.py` for that round's variants);
- **speakers' half-life (years)**: how fast a past speaker's weight in the walk's restart falls;
- **prior strength**: how many speakers a series needs before its own fit weighs as much as the prior.

    python bench/suggest_real.py --ml-venues ../shared/data/ml-venues --work /tmp/kg-real
    PYTHONPATH=src:bench python bench/suggest_variants.py --store /tmp/kg-real/store
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import ExitStack
from typing import Any

import numpy as np
import suggest_harness as harness  # type: ignore[import-not-found]

from kg.network import signals, suggest, taste
from kg.network.index import GraphIndex

Row = tuple[str, int, int, int, int, float]
"""(series, later speakers, known later speakers, hits in the first 50, in the first 200, median rank)."""


def _work_fits(v: signals.View, queries: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Works × queries: the cosine of each work's words with each query."""
    works = v.index.work_terms
    return np.column_stack([np.asarray(works[:, terms] @ weights).ravel() if len(terms)
                            else np.zeros(len(v.index.works)) for terms, weights in queries])


def topic_walk(floor: float) -> Callable[[], Any]:
    """The walk of `suggest`, leaving each person along their works weighted by floor + topic fit."""
    original_features = suggest.features
    boost: list[np.ndarray] = []

    def walk(v: signals.View, restarts: np.ndarray) -> np.ndarray:
        m, mt = v.walk_matrix, v.walk_transposed
        b = boost[0].astype(np.float32)
        out_degree = np.asarray(m @ b, dtype=np.float32)
        to_person = np.divide(1.0, out_degree, out=np.zeros_like(out_degree), where=out_degree > 0)
        work_degree = np.asarray(mt.sum(axis=1), dtype=np.float32).ravel()
        to_work = np.divide(1.0, work_degree, out=np.zeros_like(work_degree), where=work_degree > 0)
        start = (restarts / np.maximum(restarts.sum(axis=0, keepdims=True), 1e-12)).astype(np.float32)
        x = start.copy()
        for _ in range(signals.STEPS):
            moved = m @ (((mt @ (x * to_person)) * b) * to_work[:, None])
            lost = 1.0 - moved.sum(axis=0, keepdims=True)
            x = signals.RESTART * start + (1 - signals.RESTART) * (moved + lost * start)
        return np.asarray(x, dtype=np.float64)

    def features(v, series, stages, index, rows=None):
        queries = [signals.query_vector(v, suggest.talk_texts(index, stage.talks)) for stage in stages]
        boost[:] = [floor + _work_fits(v, queries)]
        with harness.patched(signals, "walk", walk):
            return original_features(v, series, stages, index, rows)

    return lambda: harness.patched(suggest, "features", features)


def topic_shape(power: float = 0.5, best_share: float = 0.0) -> Callable[[], Any]:
    """Topic fit divided by works^power, and mixed with the fit of the best work by ``best_share``."""
    def topic_scores(v, queries):
        fits = _work_fits(v, list(queries))
        count = np.asarray(v.binary.sum(axis=1)).ravel()
        mean = np.asarray(v.walk_matrix @ fits) / np.power(np.maximum(count, 1.0), power)[:, None]
        if best_share <= 0:
            return mean
        best = np.column_stack([np.asarray(v.walk_matrix.multiply(fits[:, [k]].T).max(axis=1).todense())
                                .ravel() for k in range(fits.shape[1])])
        return ((1 - best_share) * mean / np.maximum(mean.max(axis=0), 1e-12)
                + best_share * best / np.maximum(best.max(axis=0), 1e-12))

    return lambda: harness.patched(signals, "topic_scores", topic_scores)


def constant(owner: Any, name: str, value: float) -> Callable[[], Any]:
    """A module constant of `suggest` or `taste` changed."""
    return lambda: harness.patched(owner, name, value)


VARIANTS: dict[str, Callable[[], Any]] = {
    "walk kept to the topic (floor 0.05)": topic_walk(0.05),
    "walk kept to the topic (floor 0.3)": topic_walk(0.3),
    "topic as breadth only (before the fifth round)": topic_shape(0.5, 0.0),
    "topic per work^0.25": topic_shape(0.25),
    "topic per work^0.75": topic_shape(0.75),
    "topic per work^1": topic_shape(1.0),
    "topic of the best work (share 0.5)": topic_shape(0.5, 0.5),
    "topic of the best work (share 1)": topic_shape(0.5, 1.0),
    "speakers' half-life 1 year": constant(suggest, "SPEAKER_HALF_LIFE_YEARS", 1.0),
    "speakers' half-life 4 years": constant(suggest, "SPEAKER_HALF_LIFE_YEARS", 4.0),
    "prior strength 30": constant(taste, "PRIOR_STRENGTH", 30),
    "prior strength 300": constant(taste, "PRIOR_STRENGTH", 300),
}


def measure(index: GraphIndex, stems: tuple[str, ...]) -> list[Row]:
    """Per series: later and known later speakers, hits at 50 and 200, median rank of the known."""
    rows = []
    for stem in stems:
        cut = harness.cut(index, stem)
        known, where = harness.known_later(index, cut), harness.ranks(index, cut)
        ranks = [where[p] for p in known if p in where]
        rows.append((stem, len(cut.later), len(known), harness.hits(where, cut.later, 50),
                     harness.hits(where, cut.later, 200), float(np.median(ranks)) if ranks else float("nan")))
    return rows


def summary(rows: list[Row]) -> str:
    """recall@50 / @200 (of the known @50 / @200) / geometric mean of the median ranks."""
    recall = [np.mean([h / later for _, later, _, h, _, _ in rows]),
              np.mean([h / later for _, later, _, _, h, _ in rows])]
    known = [np.mean([h / k if k else 0.0 for _, _, k, h, _, _ in rows]),
             np.mean([h / k if k else 0.0 for _, _, k, _, h, _ in rows])]
    medians = [m for *_, m in rows if m == m]
    median = float(np.exp(np.mean(np.log(medians)))) if medians else float("nan")
    return f"{recall[0]:.3f} / {recall[1]:.3f} ({known[0]:.3f} / {known[1]:.3f}) / {median:,.0f}"


def hits(rows: list[Row]) -> str:
    """Per series: hits at 50 / at 200 / known later speakers."""
    return ", ".join(f"{h50}/{h200}/{k}" for _, _, k, h50, h200, _ in rows)


def print_table(index: GraphIndex, variants: dict[str, Callable[[], Any]], development: tuple[str, ...],
                check: tuple[str, ...] = (), only: Sequence[str] = ()) -> None:
    """Measure `suggest` as it is and under each variant (those whose name holds a word of ``only``,
    when given) on the development series and, when given, the check series; print one table row each."""
    print("| variant | development: recall@50 / @200 (of the known) / median rank | check: the same "
          "| development hits @50/@200/known per series | check hits per series |")
    print("|---|---|---|---|---|")
    chosen = {name: v for name, v in variants.items() if not only or any(word in name for word in only)}
    for name, variant in {"none (`suggest` as it is)": None, **chosen}.items():
        with variant() if variant else ExitStack():
            dev = measure(index, development)
            rows = measure(index, check) if check else []
        print(f"| {name} | {summary(dev)} | {summary(rows) if rows else '-'} | {hits(dev)} "
              f"| {hits(rows) if rows else '-'} |", flush=True)


def main() -> None:
    """Parse the options, measure `suggest` and every variant, print the table."""
    index = harness.open_index(harness.store_parser(__doc__).parse_args().store)
    print_table(index, VARIANTS, harness.DEVELOPMENT, harness.CHECK)


if __name__ == "__main__":
    main()
