"""Round twelve: a topic space learned from the field (LSA), judged on several cutoffs per series.

Not a test. Two things the earlier harnesses lacked:

- **a steadier yardstick**: each development series is cut not once (where half its talks had
  been given) but at several shares of its talks (``--shares``, 0.4 / 0.5 / 0.6 / 0.7 by
  default); recall@50 and @200 are averaged over the series at each cutoff, then over the
  cutoffs. A few people per series decide a single cutoff's figure; four cutoffs ask four
  different questions of the same series (different pasts, different later speakers). The
  usual single cutoff (0.5) is printed too.
- **a semantic topic fit** (``kg.network.semantic``): the topic fit compared exact words only, so
  a series on "bandits" never met a paper on "regret". Latent semantic analysis of the field's
  own titles and abstracts (a truncated SVD of the index's works × words TF-IDF matrix, learned
  at build time, nothing downloaded) gives every work a dense vector; since round twelve the
  same fit computed in that space (``signals.semantic_scores``) is a feature of its own
  (``semantic``, the log of its rank, prior weight 0.15), which each series' taste weighs. The
  variants: without it (round eleven), its prior, mixing the space's cosine into each work's
  exact-word fit instead (in both parts of the fit, the best work or the breadth), a person's
  profile in the space (the recency-weighted sum of their works' vectors), and the space's
  dimensions and sample.

    python bench/suggest_real.py --ml-venues ../shared/data/ml-venues --work /tmp/kg-real --reuse
    PYTHONPATH=src:bench python bench/suggest_semantic.py --store /tmp/kg-real/store
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any

import numpy as np
import suggest_harness as harness  # type: ignore[import-not-found]
from suggest_harness import patched  # type: ignore[import-not-found]

from kg.network import semantic, signals, taste
from kg.network.index import GraphIndex

SHARES = (0.4, 0.5, 0.6, 0.7)

Row = tuple[str, float, int, int, int, int]
"""(series, share, later speakers, known later speakers, hits in the first 50, in the first 200)."""


def measure(index: GraphIndex, stems: Sequence[str], shares: Sequence[float]) -> list[Row]:
    """Per series and cutoff share: later and known later speakers, hits at 50 and at 200."""
    rows = []
    for stem in stems:
        for share in shares:
            cut = harness.cut(index, stem, share)
            if not cut.later:
                continue
            known, where = harness.known_later(index, cut), harness.ranks(index, cut, 200)
            rows.append((stem, share, len(cut.later), len(known), harness.hits(where, cut.later, 50),
                         harness.hits(where, cut.later, 200)))
    return rows


def averages(rows: list[Row], share: float | None = None) -> tuple[float, float]:
    """recall@50 and @200, averaged over the series at each cutoff, then over the cutoffs
    (or at the one ``share``)."""
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


MIX = 0.5
"""The share of a work's fit taken from the space in the variants that mix it into the topic fit."""


def without() -> Callable[[], Any]:
    """No fit in the space (its feature the same for everyone, so it weighs nothing): round eleven."""
    return lambda: patched(signals, "semantic_scores", lambda v, queries: np.zeros((v.people, len(queries))))


def mixed(where: str = "both", value: float = MIX) -> Callable[[], Any]:
    """Instead of a feature of its own, the space's cosine mixed (``value``) into each work's topic
    fit, in the ``breadth``, the ``best`` work or ``both`` parts of it."""
    def topic_scores(v: signals.View, queries: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        works = v.index.work_terms
        spread = np.sqrt(np.maximum(np.asarray(v.binary.sum(axis=1)).ravel(), 1.0))
        columns = []
        for terms, weights in queries:
            if len(terms) == 0:
                columns.append(np.zeros(v.people))
                continue
            exact = np.asarray(works[:, terms] @ weights).ravel()
            target = semantic.query_vector(v.index.term_space, terms, weights)
            fit = (1 - value) * exact + value * np.maximum(v.index.work_space @ target, 0.0)
            breadth = np.asarray(v.walk_matrix @ (exact if where == "best" else fit)).ravel() / spread
            best = signals._row_max(v.walk_matrix, exact if where == "breadth" else fit)
            columns.append((1 - signals.BEST_WORK_SHARE) * signals._scaled(breadth)
                           + signals.BEST_WORK_SHARE * signals._scaled(best))
        return np.column_stack(columns) if columns else np.zeros((v.people, 0))

    return _topic_scores_replaced(topic_scores)


def _topic_scores_replaced(topic_scores: Callable[..., np.ndarray]) -> Callable[[], Any]:
    """A variant: the learned space's own feature left out and ``signals.topic_scores`` replaced."""
    def entered() -> Any:
        stack = ExitStack()
        stack.enter_context(without()())
        stack.enter_context(patched(signals, "topic_scores", topic_scores))
        return stack

    return entered


@contextmanager
def _space(index: GraphIndex, dimensions: int, sample: int) -> Iterator[None]:
    old = index.term_space
    started = time.process_time()
    index.term_space = semantic.learn_space(index.work_terms, dimensions, sample)
    print(f"  (space of {dimensions} dimensions from at most {sample:,} works: "
          f"{time.process_time() - started:.1f} s of CPU)", flush=True)
    index.__dict__.pop("work_space", None)
    try:
        yield
    finally:
        index.term_space = old
        index.__dict__.pop("work_space", None)


def space(dimensions: int, sample: int = semantic.SAMPLE) -> Callable[[GraphIndex], Any]:
    """The index's topic space learned again with other dimensions or another sample of works."""
    return lambda index: _space(index, dimensions, sample)


def profile(value: float) -> Callable[[], Any]:
    """Instead of a feature of its own, the topic fit mixed (``value``) with the cosine of each
    person's profile in the space (the recency-weighted sum of their works' vectors) and the
    series' words there."""
    original = signals.topic_scores

    def topic_scores(v: signals.View, queries: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        people = np.asarray(v.walk_matrix @ v.index.work_space)
        norms = np.linalg.norm(people, axis=1, keepdims=True)
        people = np.divide(people, norms, out=np.zeros_like(people), where=norms > 0)
        near = np.column_stack([np.maximum(people @ semantic.query_vector(v.index.term_space, t, w), 0.0)
                                for t, w in queries]) if queries else np.zeros((v.people, 0))
        return (1 - value) * original(v, queries) + value * near

    return _topic_scores_replaced(topic_scores)


def prior(value: float) -> Callable[[], Any]:
    """The prior weight of the feature ``semantic`` (0.15 in `taste.PRIOR`)."""
    return lambda: patched(taste, "PRIOR", {**taste.PRIOR, "semantic": value})


VARIANTS: dict[str, Callable[..., Any]] = {
    "without the space (round eleven)": without(),
    "prior 0": prior(0.0),
    "prior 0.3": prior(0.3),
    "mixed into each work's topic fit (share 0.5)": mixed(),
    "mixed into each work's topic fit (share 0.25)": mixed("both", 0.25),
    "mixed into each work's topic fit (share 1)": mixed("both", 1.0),
    "mixed into the best work only": mixed("best"),
    "mixed into the breadth only": mixed("breadth"),
    "person profile in the space, share 0.5": profile(0.5),
    "space of 80 dimensions": space(80),
    "space of 300 dimensions": space(300),
    "space from at most 5,000 works": space(150, 5_000),
}
"""Variants taking the index (``space``) are called with it; the others with nothing."""


def main() -> None:
    """Parse the options, measure `suggest` and every variant on several cutoffs, print the table."""
    parser = harness.store_parser(__doc__)
    parser.add_argument("--check", action="store_true", help="the check series instead (report once)")
    parser.add_argument("--shares", type=float, nargs="+", default=list(SHARES),
                        help="the shares of each series' talks at which it is cut (default 0.4 0.5 0.6 0.7)")
    parser.add_argument("--only", action="append", default=[], help="variants whose name has this")
    parser.add_argument("--per-share", action="store_true", help="also a row of the figures at each share")
    options = parser.parse_args()
    stems = harness.CHECK if options.check else harness.DEVELOPMENT
    index = harness.open_index(options.store)
    print("| variant | recall@50 / @200, average of the cutoffs | at the half (0.5) "
          "| hits @50/@200/known per series, summed over the cutoffs |")
    print("|---|---|---|---|")
    chosen = {n: v for n, v in VARIANTS.items() if not options.only or any(w in n for w in options.only)}
    for name, variant in {"none (`suggest` as it is)": None, **chosen}.items():
        entered = variant(index) if name.startswith("space") else variant() if variant else ExitStack()
        with entered:
            rows = measure(index, stems, options.shares)
        at_half = "{:.3f} / {:.3f}".format(*averages(rows, 0.5)) if 0.5 in options.shares else "-"
        print("| {} | {:.3f} / {:.3f} | {} | {} |".format(name, *averages(rows), at_half, hits(rows)),
              flush=True)
        if options.per_share:
            print("|  | per share: " + ", ".join("{}: {:.3f} / {:.3f}".format(s, *averages(rows, s))
                                               for s in options.shares) + " | | |", flush=True)


if __name__ == "__main__":
    main()
