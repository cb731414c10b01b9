"""Round twelve: a topic space learned from the field (LSA), judged on several cutoffs per series.

Not a test. Two things the earlier harnesses lacked:

- **a steadier yardstick**: each development series is cut not once (where half its talks had
  been given) but at several shares of its talks (``--shares``, 0.4 / 0.5 / 0.6 / 0.7 by
  default); recall@50 and @200 are averaged over the series at each cutoff, then over the
  cutoffs. A few people per series decide a single cutoff's figure; four cutoffs ask four
  different questions of the same series (different pasts, different later speakers). The
  usual single cutoff (0.5) is printed too.
- **a semantic topic fit** (``semantic``): the topic fit of `suggest` compares exact words, so a
  series on "bandits" never meets a paper on "regret". Latent semantic analysis of the field's
  own titles and abstracts (a truncated SVD of the index's works × words TF-IDF matrix, nothing
  downloaded) gives every work a dense vector; a work's fit to the series is then mixed from the
  cosine of its words (as now) and the cosine of its LSA vector with the series' (the query
  projected into the same space, negative cosines counted as 0). The variants take a share of
  LSA in the per-work fit and a number of dimensions.

    python bench/suggest_real.py --ml-venues ../shared/data/ml-venues --work /tmp/kg-real --reuse
    PYTHONPATH=src:bench python bench/suggest_semantic.py --store /tmp/kg-real/store
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from suggest_variants import patched  # type: ignore[import-not-found]

from kg.network import evaluate, signals, suggest
from kg.network.index import GraphIndex, day_number, index_for
from kg.store import open_store

SHARES = (0.4, 0.5, 0.6, 0.7)

Row = tuple[str, float, int, int, int, int]
"""(series, share, later speakers, known later speakers, hits in the first 50, in the first 200)."""


def measure(index: GraphIndex, stems: Sequence[str], shares: Sequence[float]) -> list[Row]:
    """Per series and cutoff share: later and known later speakers, hits at 50 and at 200."""
    rows = []
    for stem in stems:
        event = f"https://w3id.org/kg/id/event/{stem}"
        days = evaluate.speaker_days(index, event)
        for share in shares:
            cutoff = evaluate.middle_cutoff(days, share)
            _, later = evaluate.split(days, cutoff)
            if not later:
                continue
            v = signals.view(index, day_number(cutoff))
            active = np.asarray(v.binary.sum(axis=1)).ravel() > 0
            known = {p for p in later if p in index.person_index and active[index.person_index[p]]}
            ranked = suggest.ranked_people(index, event, cutoff, 200)
            where = {p: r for r, p in enumerate(ranked, 1)}
            rows.append((stem, share, len(later), len(known),
                         sum(where.get(p, 10**9) <= 50 for p in later),
                         sum(where.get(p, 10**9) <= 200 for p in later)))
    return rows


def averages(rows: list[Row], share: float | None = None) -> tuple[float, float]:
    """recall@50 and @200, averaged over the series at each cutoff, then over the cutoffs (or at one share)."""
    shares = sorted({r[1] for r in rows}) if share is None else [share]
    per_share = []
    for s in shares:
        mine = [r for r in rows if r[1] == s]
        per_share.append((np.mean([h / later for _, _, later, _, h, _ in mine]),
                          np.mean([h / later for _, _, later, _, _, h in mine])))
    return float(np.mean([a for a, _ in per_share])), float(np.mean([b for _, b in per_share]))


def hits(rows: list[Row]) -> str:
    """Per series, summed over the cutoffs: hits at 50 / at 200 / known later speakers."""
    stems = list(dict.fromkeys(r[0] for r in rows))
    return ", ".join("{}/{}/{}".format(*(sum(r[k] for r in rows if r[0] == stem) for k in (4, 5, 3)))
                     for stem in stems)


_SPACES: dict[tuple[int, int], tuple[GraphIndex, np.ndarray, np.ndarray]] = {}


def space(index: GraphIndex, dimensions: int) -> tuple[np.ndarray, np.ndarray]:
    """The LSA space of the index's works: (works × k unit vectors, k × words components)."""
    key = (id(index), dimensions)
    found = _SPACES.get(key)
    if found is not None and found[0] is index:
        return found[1], found[2]
    from sklearn.decomposition import TruncatedSVD

    started = time.process_time()
    matrix = sp.csr_matrix(index.work_terms)
    svd = TruncatedSVD(dimensions, algorithm="randomized", n_iter=5, random_state=0)
    vectors = svd.fit_transform(matrix).astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    print(f"  (LSA, {dimensions} dimensions over {matrix.shape[0]:,} works × {matrix.shape[1]:,} words: "
          f"{time.process_time() - started:.1f} s of CPU)", flush=True)
    _SPACES[key] = (index, vectors, svd.components_.astype(np.float32))
    return vectors, svd.components_.astype(np.float32)


def semantic(share: float, dimensions: int = 150) -> Callable[[], Any]:
    """`suggest`'s topic fit with ``share`` of each work's fit taken from the LSA cosine."""
    def topic_scores(v: signals.View, queries: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        vectors, components = space(v.index, dimensions)
        works = v.index.work_terms
        spread = np.sqrt(np.maximum(np.asarray(v.binary.sum(axis=1)).ravel(), 1.0))
        columns = []
        for terms, weights in queries:
            if len(terms) == 0:
                columns.append(np.zeros(v.people))
                continue
            exact = np.asarray(works[:, terms] @ weights).ravel()
            projected = components[:, terms] @ weights
            norm = float(np.linalg.norm(projected))
            near = np.maximum(vectors @ (projected / norm), 0.0) if norm > 0 else np.zeros_like(exact)
            per_work = (1 - share) * exact + share * near
            breadth = np.asarray(v.walk_matrix @ per_work).ravel() / spread
            best = signals._row_max(v.walk_matrix, per_work)
            columns.append((1 - signals.BEST_WORK_SHARE) * signals._scaled(breadth)
                           + signals.BEST_WORK_SHARE * signals._scaled(best))
        return np.column_stack(columns) if columns else np.zeros((v.people, 0))

    return lambda: patched(signals, "topic_scores", topic_scores)


def _profiles(v: signals.View, vectors: np.ndarray) -> np.ndarray:
    """Each person's LSA profile: the recency-weighted sum of their known works' vectors, unit length."""
    found = np.asarray(v.walk_matrix @ vectors)
    norms = np.linalg.norm(found, axis=1, keepdims=True)
    return np.divide(found, norms, out=np.zeros_like(found), where=norms > 0)


def profile(share: float, speakers: float, dimensions: int = 150) -> Callable[[], Any]:
    """`suggest`'s topic fit mixed (``share``) with the cosine of each person's LSA profile and the
    series' vector: its talks' words projected, plus ``speakers`` times the mean profile of its past
    speakers (what the field says they work on)."""
    original_features = suggest.features
    staged: list[list[Sequence[int]]] = [[]]

    def topic_scores(v: signals.View, queries: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        exact = original_topic(v, queries)
        vectors, components = space(v.index, dimensions)
        people = _profiles(v, vectors)
        columns = []
        for (terms, weights), speakers_now in zip(queries, staged[0], strict=True):
            target = np.zeros(vectors.shape[1], dtype=np.float32)
            if len(terms):
                projected = components[:, terms] @ weights
                target += projected / max(float(np.linalg.norm(projected)), 1e-12)
            if speakers and len(speakers_now):
                mean = people[np.asarray(list(speakers_now), dtype=np.int64)].mean(axis=0)
                target += speakers * mean / max(float(np.linalg.norm(mean)), 1e-12)
            norm = float(np.linalg.norm(target))
            columns.append(np.maximum(people @ (target / norm), 0.0) if norm > 0 else np.zeros(v.people))
        near = np.column_stack(columns) if columns else np.zeros((v.people, 0))
        return (1 - share) * exact + share * near

    def features(v, series, stages, index, rows=None):
        staged[0] = [stage.speakers for stage in stages]
        with patched(signals, "topic_scores", topic_scores):
            return original_features(v, series, stages, index, rows)

    return lambda: patched(suggest, "features", features)


original_topic = signals.topic_scores

VARIANTS: dict[str, Callable[[], Any]] = {
    "LSA profile share 0.5, talks only": profile(0.5, 0.0),
    "LSA profile share 0.5, talks + speakers": profile(0.5, 1.0),
    "LSA profile share 0.5, speakers only": profile(0.5, 1000.0),
    "LSA profile share 0.25, talks + speakers": profile(0.25, 1.0),
    "LSA share 0.25 (150 dimensions)": semantic(0.25),
    "LSA share 0.5 (150 dimensions)": semantic(0.5),
    "LSA share 1 (150 dimensions)": semantic(1.0),
    "LSA share 0.5 (300 dimensions)": semantic(0.5, 300),
    "LSA share 0.5 (80 dimensions)": semantic(0.5, 80),
}


def main() -> None:
    """Parse the options, measure `suggest` and every variant on several cutoffs, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="the store of bench/suggest_real.py")
    parser.add_argument("--check", action="store_true", help="the check series instead (report once)")
    parser.add_argument("--shares", type=float, nargs="+", default=list(SHARES),
                        help="the shares of each series' talks at which it is cut (default 0.4 0.5 0.6 0.7)")
    parser.add_argument("--only", action="append", default=[], help="variants whose name has this")
    options = parser.parse_args()
    from suggest_real import CHECK, DEVELOPMENT  # type: ignore[import-not-found]

    stems = CHECK if options.check else DEVELOPMENT
    index = index_for(open_store(str(options.store)))
    print("| variant | recall@50 / @200, average of the cutoffs | at the half (0.5) "
          "| hits @50/@200/known per series, summed over the cutoffs |")
    print("|---|---|---|---|")
    chosen = {n: v for n, v in VARIANTS.items() if not options.only or any(w in n for w in options.only)}
    for name, variant in {"none (`suggest` as it is)": None, **chosen}.items():
        with variant() if variant else ExitStack():
            rows = measure(index, stems, options.shares)
        at_half = "{:.3f} / {:.3f}".format(*averages(rows, 0.5)) if 0.5 in options.shares else "-"
        print("| {} | {:.3f} / {:.3f} | {} | {} |".format(name, *averages(rows), at_half, hits(rows)),
              flush=True)


if __name__ == "__main__":
    main()
