"""Round nine: the speaker circuit (talks at other series) as information for `kg suggest`.

Not a test. On the store of `bench/suggest_real.py` (which now ingests the real pages of other
series, leaving out the histories' own sites), it first counts, per series, how many of the
later speakers the field knew on the cutoff day had spoken at another series by then (and how
common that is in the field), then measures candidate signals of the circuit, each honest as of
the stage's day, as variants of `suggest` (like `bench/suggest_fusion.py`, whose ``measure``,
``summary`` and ``hits`` it shares through `bench/suggest_variants.py`):

- **series in N years**: ``log(1 + distinct other series spoken at in the N years to the day)``;
- **series near in topic**: the best TF-IDF cosine, over the other series a person spoke at by
  the day, between that series' talk titles known by the day and this series' (the query);
- **co-speakers**: ``log(1 + how many of this series' past speakers spoke at a series where the
  person spoke)`` (a two-step walk speaker → series → speaker);
- **series weight w**: the weight of a speaker–series link in the walk (`signals.KIND_WEIGHT`).

A feature variant adds a column to the taste with a prior coefficient (``@p``).

    python bench/suggest_real.py --ml-venues ../shared/data/ml-venues --work /tmp/kg-real
    PYTHONPATH=src:bench python bench/suggest_circuit.py --store /tmp/kg-real/store
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import ExitStack
from typing import Any

import numpy as np
import scipy.sparse as sp
import suggest_harness as harness  # type: ignore[import-not-found]
from suggest_harness import patched  # type: ignore[import-not-found]
from suggest_variants import print_table  # type: ignore[import-not-found]

from kg.network import signals, suggest, taste
from kg.network.index import SERIES, TALK, GraphIndex

YEAR = 365.25
Maker = Callable[[signals.View, suggest.Series, suggest.Stage, tuple[np.ndarray, np.ndarray]], np.ndarray]


def _series_rows(v: signals.View, day: int, years: float | None = None) -> np.ndarray:
    """Membership rows: a talk at another series (the view hides the series' own), known by ``day``
    (and, with ``years``, not older than that)."""
    index = v.index
    mask = v.known & (index.member_kind == SERIES) & (index.member_day <= day)
    if years is not None:
        mask &= index.member_day > day - years * YEAR
    return np.flatnonzero(mask)


def series_in_years(years: float | None) -> Maker:
    """log(1 + distinct other series a person spoke at in the ``years`` to the stage's day)."""
    def make(v: signals.View, series: suggest.Series, stage: suggest.Stage, query: Any) -> np.ndarray:
        rows = _series_rows(v, stage.day, years)
        pairs = np.unique(v.index.member_person[rows].astype(np.int64) * len(v.index.works)
                          + v.index.member_work[rows])
        return np.log1p(np.bincount(pairs // len(v.index.works), minlength=v.people).astype(np.float64))
    return make


_TALK_SERIES: dict[int, tuple[GraphIndex, np.ndarray]] = {}


def talk_series(index: GraphIndex) -> np.ndarray:
    """Per work: for a talk, the work id of the series (top event) it was given at, else -1."""
    found = _TALK_SERIES.get(id(index))
    if found is not None and found[0] is index:
        return found[1]
    work_of = {iri: w for w, iri in enumerate(index.works)}
    top = np.arange(len(index.events))
    for _ in range(8):  # events nest a few levels at most
        parent = index.event_parent[top]
        top = np.where(parent >= 0, parent, top)
    series_work = np.array([work_of.get(index.events[e], -1) for e in top], dtype=np.int64)
    result = np.full(len(index.works), -1, dtype=np.int64)
    talks = np.flatnonzero((index.work_kind == TALK) & (index.talk_event >= 0))
    result[talks] = series_work[index.talk_event[talks]]
    _TALK_SERIES[id(index)] = (index, result)
    return result


def series_near() -> Maker:
    """The best cosine between this series' words and those of another series a person spoke at."""
    def make(v: signals.View, series: suggest.Series, stage: suggest.Stage,
             query: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        index = v.index
        terms, weights = query
        if not len(terms):
            return np.zeros(v.people)
        of_talk = talk_series(index)
        rows = np.flatnonzero(v.known & (index.member_kind == TALK) & (index.member_day <= stage.day))
        talks = np.unique(index.member_work[rows])
        talks = talks[of_talk[talks] >= 0]
        owner = sp.csr_matrix((np.ones(len(talks)), (of_talk[talks], talks)),
                              shape=(len(index.works), len(index.works)))
        texts = owner @ sp.csr_matrix(index.work_terms)  # series × words: the sum of its talks' rows
        norms = np.sqrt(np.asarray(texts.multiply(texts).sum(axis=1)).ravel())
        fit = np.asarray(texts[:, terms] @ weights).ravel() / np.maximum(norms, 1e-12)
        spoke = _series_rows(v, stage.day)
        best = np.zeros(v.people)
        np.maximum.at(best, index.member_person[spoke], fit[index.member_work[spoke]])
        return best
    return make


def co_speakers() -> Maker:
    """log(1 + past speakers of this series who spoke at a series where the person spoke)."""
    def make(v: signals.View, series: suggest.Series, stage: suggest.Stage, query: Any) -> np.ndarray:
        index = v.index
        rows = _series_rows(v, stage.day)
        spoke = sp.csr_matrix((np.ones(len(rows)), (index.member_person[rows], index.member_work[rows])),
                              shape=(v.people, len(index.works)))
        spoke.data[:] = 1.0
        seeds = np.zeros(v.people)
        seeds[list(stage.speakers)] = 1.0
        return np.log1p(np.asarray(spoke @ (spoke.T @ seeds)).ravel())
    return make


def with_features(named: Sequence[tuple[str, Maker, float]]) -> Callable[[], Any]:
    """`suggest` with extra taste columns (name, maker, prior coefficient)."""
    original, base = suggest.features, len(taste.FEATURES)

    def features(v: signals.View, series: suggest.Series, stages: Sequence[suggest.Stage],
                 index: GraphIndex, rows: Sequence[np.ndarray | None] | None = None) -> list[Any]:
        found = original(v, series, stages, index, rows)
        out = []
        for column, (stage, (x, query)) in enumerate(zip(stages, found, strict=True)):
            wanted = rows[column] if rows is not None else None
            extra = [make(v, series, stage, query) for _, make, _ in named]
            extra = [e if wanted is None else e[wanted] for e in extra]
            out.append((np.column_stack([x[:, :base], *extra]), query))  # x is sized by the patched list
        return out

    def entered() -> Any:
        stack = ExitStack()
        stack.enter_context(patched(suggest, "features", features))
        stack.enter_context(patched(taste, "FEATURES", taste.FEATURES + tuple(n for n, _, _ in named)))
        stack.enter_context(patched(taste, "PRIOR", {**taste.PRIOR, **{n: p for n, _, p in named}}))
        return stack

    return entered


def series_weight(weight: float) -> Callable[[], Any]:
    """The walk's weight of a speaker–series link."""
    def entered() -> Any:
        signals._DAY_WEIGHTS.clear()
        stack = ExitStack()
        stack.enter_context(patched(signals, "KIND_WEIGHT", {**signals.KIND_WEIGHT, SERIES: weight}))
        stack.callback(signals._DAY_WEIGHTS.clear)
        return stack
    return entered


VARIANTS: dict[str, Callable[[], Any]] = {
    "series in 3 years @0.3": with_features([("series_recent", series_in_years(3), 0.3)]),
    "series in 3 years @1": with_features([("series_recent", series_in_years(3), 1.0)]),
    "series ever @0.3": with_features([("series_ever", series_in_years(None), 0.3)]),
    "series near in topic @0.3": with_features([("series_near", series_near(), 0.3)]),
    "series near in topic @1": with_features([("series_near", series_near(), 1.0)]),
    "co-speakers @0.3": with_features([("co_speakers", co_speakers(), 0.3)]),
    "co-speakers @1": with_features([("co_speakers", co_speakers(), 1.0)]),
    "series weight 1": series_weight(1.0),
    "series weight 0.1": series_weight(0.1),
}


def circuit_counts(index: GraphIndex, stems: Sequence[str], years: float = 3.0) -> list[str]:
    """Markdown rows: per series, the known later speakers who had spoken at another series by the
    cutoff (and in the ``years`` before it), against the share of the field who had."""
    lines = ["| series | cutoff | known later speakers | spoke at another series by the cutoff | "
             f"in the {years:g} years before | of the field (known people) |", "|---|---|---|---|---|---|"]
    totals = [0, 0, 0]
    for stem in stems:
        cut = harness.cut(index, stem)
        cutoff, day, (_, _, v) = cut.cutoff, cut.day, harness.seen(index, cut)
        active = np.asarray(v.binary.sum(axis=1)).ravel() > 0
        known = sorted(index.person_index[p] for p in cut.later if active[index.person_index[p]])
        ever = np.zeros(v.people, dtype=bool)
        ever[index.member_person[_series_rows(v, day)]] = True
        recent = np.zeros(v.people, dtype=bool)
        recent[index.member_person[_series_rows(v, day, years)]] = True
        totals[0] += len(known)
        totals[1] += int(ever[known].sum())
        totals[2] += int(recent[known].sum())
        lines.append(f"| {stem} | {cutoff.isoformat()} | {len(known)} | {int(ever[known].sum())} | "
                     f"{int(recent[known].sum())} | {int(ever[active].sum()):,} of {int(active.sum()):,} |")
    lines.append(f"| **all** | | **{totals[0]}** | **{totals[1]}** | **{totals[2]}** | |")
    return lines


def main() -> None:
    """Parse the options, count the circuit, measure `suggest` and every variant."""
    parser = harness.store_parser(__doc__)
    parser.add_argument("--check", action="store_true", help="also the check series (report once)")
    parser.add_argument("--counts-only", action="store_true", help="only the counts of the circuit")
    parser.add_argument("--only", action="append", default=[], help="variants whose name has this")
    options = parser.parse_args()
    index = harness.open_index(options.store)
    print("\n".join(circuit_counts(index, harness.DEVELOPMENT + harness.CHECK)) + "\n", flush=True)
    if options.counts_only:
        return
    print_table(index, VARIANTS, harness.DEVELOPMENT, harness.CHECK if options.check else (), options.only)


if __name__ == "__main__":
    main()
