"""A prior for the taste learned across series, measured by leaving each series out.

Not a test. Round 13 (issue-12k, `bench/suggest_prior.py`) learned one prior from the development
series and measured it on the check series: five series' replays were too few, and the organizer
features, which only the series that name organizers inform, came out near zero. Here every
series is ranked with a prior learned from the *other* fifteen, so all sixteen teach and none is
ranked with what it taught:

1. For each history, cut as `kg evaluate-suggest` cuts it (the day by which half of its talks
   were given), the training rows `suggest` itself fits the series' taste on (`suggest.replayed`:
   the speakers who first spoke in each block of its past against people drawn at random who had
   not spoken by then, every feature as known the day before the block), standardized as that
   fit does. Nothing after the series' own cutoff is read; no series' later speakers are.
2. A prior for series S from the others' rows, one of two ways (``--pooling``):
   ``per-feature`` fits each other series on its own (the logistic regression of ``taste.fit``,
   unshrunk) and takes, feature by feature, the mean of its coefficient over the series where that
   feature varies in the rows (weighted by their speakers); ``joint`` is round 13's single
   regression on the pooled rows (each series weighing the same). Either is then shrunk to the
   hand-set ``taste.PRIOR``: a feature learned from n speakers gets ``n / (n + strength)`` of the
   learned value (``--strength``, several may be given).
3. Series S is ranked as `kg evaluate-suggest` ranks it (``suggest.ranked_people``: its own fit,
   shrunk to the prior, on the whole field as of its cutoff) with that prior, and with the
   hand-set one; recall@10/50/200 and MRR (over the first 200, as the command counts it), over
   all later speakers and over those the field knew on the day, per series and averaged over the
   development and the check series.

It also prints the prior learned from all sixteen series (what would ship; ``--output`` writes it
as JSON with how it was made) and how far the series' own fits agree: per feature, the spread of
their coefficients between series beside each fit's own standard error (bootstrap). ``--hard N``
draws each replayed stage's negatives among the first N people of the hand-set prior's score
instead of the whole field (``--hard 0`` redraws uniformly: the hand-set figures again).
``--share`` cuts the series elsewhere than at their middle; with several shares it prints only
the averages over the cutoffs and the later speakers found, summed. The per-series features are
kept in ``--cache`` (a pickle; ``{share}`` in its name stands for the cutoff), so a second run
only re-ranks. Round fourteen (issue-12m) measured it: BENCHMARKS.md, "Suggestions".

    PYTHONPATH=src:bench python bench/suggest_prior_loso.py --store /tmp/kg-real/store \\
        --cache /tmp/loso.pickle --pooling per-feature joint --strength 100 300
    PYTHONPATH=src:bench python bench/suggest_prior_loso.py --store /tmp/kg-real/store \\
        --cache '/tmp/loso-{share}.pickle' --share 0.4 0.5 0.6 0.7 --strength 300
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path

import numpy as np

from kg.network import evaluate, signals, suggest, taste
from kg.network.index import GraphIndex, day_number, index_for
from kg.store import open_store

C = 0.3
"""The regularization of a series' own fit (``taste.fit``)."""
KS = (10, 50, 200)
BOOTSTRAP = 30
EVENT = "https://w3id.org/kg/id/event/"


@dataclass
class Case:
    """One series at its middle cutoff: its training rows and everything its ranking needs."""

    stem: str
    cutoff: str
    x: np.ndarray
    """Training rows, raw (``taste.fit`` standardizes them)."""
    y: np.ndarray
    pool: np.ndarray
    """The people it ranks (reachable, not a past speaker or host)."""
    x_pool: np.ndarray
    later: list[int]
    known: list[int]
    stages: list[tuple[np.ndarray, np.ndarray, np.ndarray, str]] | None = None
    """With ``--hard``: per past stage, its positives, the people its negatives may be drawn from,
    everyone's features at that stage (positives first, then the candidates) and the sampling seed."""
    recent: np.ndarray | None = None
    """The pool's fit to the series' recent talks (``suggest.recent_fit``)."""

    def standardized(self) -> np.ndarray:
        mean, scale = self.x.mean(axis=0), self.x.std(axis=0)
        return (self.x - mean) / np.where(scale > 1e-9, scale, 1.0)

    def varies(self) -> np.ndarray:
        """Per feature: does it take more than one value in the rows?"""
        return self.x.std(axis=0) > 1e-9 if len(self.x) else np.zeros(len(taste.FEATURES), dtype=bool)


def case_of(index: GraphIndex, stem: str, share: float = 0.5) -> Case:
    """A series cut as `kg evaluate-suggest` cuts it (by default: on the day by which half of its
    talks were given), with what ``suggest.ranked_people`` computes."""
    event = EVENT + stem
    days = evaluate.speaker_days(index, event)
    cutoff = evaluate.middle_cutoff(days, share)
    _, later = evaluate.split(days, cutoff)
    day = day_number(cutoff)
    series = suggest.series_of(index, index.event_index[event], day)
    speakers = sorted({p for _, p, _ in series.talks})
    v = signals.view(index, day, series.hidden)
    x, y, x_now, _ = suggest.replayed(index, series, event, v, speakers)
    active = suggest._reachable(v, x_now)
    active[speakers + series.hosts] = False
    pool = np.flatnonzero(active)
    plain = signals.view(index, day)
    known_now = np.asarray(plain.binary.sum(axis=1)).ravel() > 0
    later_ids = sorted(index.person_index[p] for p in later if p in index.person_index)
    return Case(stem, cutoff.isoformat(), x, y, pool, x_now[pool],
                later_ids + [-1] * (len(later) - len(later_ids)),
                [p for p in later_ids if known_now[p]], recent=suggest.recent_fit(index, v, series, pool)[0])


def stages_of(index: GraphIndex, stem: str, share: float = 0.5,
              ) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, str]]:
    """``suggest.replayed``'s past stages with everyone's features, so negatives can be drawn anew."""
    event = EVENT + stem
    cutoff = evaluate.middle_cutoff(evaluate.speaker_days(index, event), share)
    day = day_number(cutoff)
    series = suggest.series_of(index, index.event_index[event], day)
    v = signals.view(index, day, series.hidden)
    firsts: dict[int, int] = {}
    for talk_day, person, _ in series.talks:
        firsts.setdefault(person, talk_day)
    parts = taste.blocks([(d, p) for p, d in firsts.items()])
    stages = [suggest.Stage(parts[n][0][0] - 1, sorted({p for block in parts[:n] for _, p in block}),
                            [t for t in series.talks if t[0] < parts[n][0][0]]) for n in range(1, len(parts))]
    if not stages:
        return []
    signals.count_days(v, [stage.day for stage in stages] + [v.day])
    active = np.asarray(v.binary.sum(axis=1)).ravel() > 0
    wanted = []
    for number, stage in enumerate(stages, start=1):
        known = signals.counts_until(v, stage.day).works > 0
        positives = np.array(sorted({p for _, p in parts[number] if known[p]}), dtype=np.int64)
        pool = active & known
        pool[stage.speakers + positives.tolist() + series.hosts] = False
        wanted.append((positives, np.flatnonzero(pool), f"{event}#{number}"))
    computed = suggest.features(v, series, stages, index,
                                [np.concatenate([p, c]) for p, c, _ in wanted])
    return [(p, c, x, seed) for (p, c, seed), (x, _) in zip(wanted, computed, strict=True)]


def rows_drawn(case: Case, hard: int) -> tuple[np.ndarray, np.ndarray]:
    """Training rows with negatives drawn as ``suggest.replayed`` draws them (``hard`` 0: uniformly
    among everyone the field knew) or among the ``hard`` candidates the hand-set prior ranks first
    at that stage (the people a ranking has to order, not the field's bulk)."""
    assert case.stages is not None
    hand = np.array([HAND.get(name, 0.0) for name in taste.FEATURES])
    rows, labels = [], []
    for positives, candidates, x, seed in case.stages:
        count = len(positives)
        if count == 0:
            continue
        pool = np.arange(len(candidates))
        if hard:
            xc = x[count:]
            mean, scale = xc.mean(axis=0), xc.std(axis=0)
            score = ((xc - mean) / np.where(scale > 1e-9, scale, 1.0)) @ hand
            pool = np.sort(np.argsort(-score, kind="stable")[:hard])
        drawn = taste.sample_negatives(candidates[pool], taste.NEGATIVES_PER_POSITIVE * count, seed)
        where = np.searchsorted(candidates, drawn)
        rows += [x[:count], x[count + where]]
        labels += [np.ones(count), np.zeros(len(drawn))]
    if not rows:
        return np.zeros((0, len(taste.FEATURES))), np.zeros(0)
    return np.vstack(rows), np.concatenate(labels)


def fit_one(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The unshrunk coefficients of a series' own fit on standardized rows (``taste.fit``'s model)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, class_weight="balanced", solver="newton-cholesky", max_iter=100)
    model.fit(x, y)
    return model.coef_[0].astype(np.float64)


def bootstrap_error(case: Case, draws: int = BOOTSTRAP) -> np.ndarray:
    """Per feature, the standard deviation of the series' own fit over resamples of its rows
    (speakers and non-speakers resampled apart, seeded): how much of a coefficient is noise."""
    x, y = case.standardized(), case.y
    rng = np.random.default_rng(0)
    positives, negatives = np.flatnonzero(y > 0), np.flatnonzero(y == 0)
    found = []
    for _ in range(draws):
        rows = np.concatenate([rng.choice(positives, len(positives)), rng.choice(negatives, len(negatives))])
        found.append(fit_one(x[rows], y[rows]))
    return np.std(found, axis=0)


def learned(cases: list[Case], pooling: str) -> tuple[np.ndarray, np.ndarray]:
    """Coefficients learned from ``cases`` and, per feature, the speakers they were learned from."""
    usable = [c for c in cases if c.y.sum() >= taste.MIN_POSITIVES]
    if pooling == "joint":
        xs, ys, weights = [], [], []
        for c in usable:
            positives, negatives = float(c.y.sum()), float(len(c.y) - c.y.sum())
            weights.append(np.where(c.y > 0, 0.5 / positives, 0.5 / negatives) * len(c.y) / len(usable))
            xs.append(c.standardized())
            ys.append(c.y)
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=C, solver="newton-cholesky", max_iter=200)
        model.fit(np.vstack(xs), np.concatenate(ys), sample_weight=np.concatenate(weights))
        evidence = sum((c.varies() * c.y.sum() for c in usable), np.zeros(len(taste.FEATURES)))
        return model.coef_[0].astype(np.float64), evidence
    total = np.zeros(len(taste.FEATURES))
    evidence = np.zeros(len(taste.FEATURES))
    for c in usable:
        weight = c.varies() * float(c.y.sum())
        total += weight * fit_one(c.standardized(), c.y)
        evidence += weight
    return np.divide(total, evidence, out=np.zeros_like(total), where=evidence > 0), evidence


_ERRORS: dict[tuple[str, str], np.ndarray] = {}
"""Each series' bootstrap errors, by series and cutoff."""


def tested(cases: list[Case]) -> dict[str, float]:
    """Per feature, the per-feature mean of the series' own fits moved from the hand-set value only
    as far as it stands out of its noise: hand + (mean - hand) * max(0, 1 - se² / (mean - hand)²),
    with se the standard error of the mean from each fit's bootstrap error (a positive-part
    James-Stein step per feature, so a feature whose learned value is within its noise of the
    hand-set one keeps the hand-set value)."""
    usable = [c for c in cases if c.y.sum() >= taste.MIN_POSITIVES]
    mean, evidence = learned(usable, "per-feature")
    variance = np.zeros(len(taste.FEATURES))
    for c in usable:
        if (c.stem, c.cutoff) not in _ERRORS:
            _ERRORS[c.stem, c.cutoff] = bootstrap_error(c)
        weight = c.varies() * float(c.y.sum())
        variance += (weight * _ERRORS[c.stem, c.cutoff]) ** 2
    se2 = np.divide(variance, evidence ** 2, out=np.zeros_like(variance), where=evidence > 0)
    hand = np.array([HAND.get(name, 0.0) for name in taste.FEATURES])
    gap = mean - hand
    keep = np.clip(1 - np.divide(se2, gap ** 2, out=np.ones_like(gap), where=gap != 0), 0, 1)
    return {name: float(v) for name, v in zip(taste.FEATURES, hand + gap * keep, strict=True)}


def shrunk(coefficients: np.ndarray, evidence: np.ndarray, strength: float) -> dict[str, float]:
    """The learned coefficients pulled towards the hand-set prior by how much evidence each has."""
    hand = np.array([HAND.get(name, 0.0) for name in taste.FEATURES])
    trust = evidence / (evidence + strength)
    return {name: float(v) for name, v in zip(taste.FEATURES, trust * coefficients + (1 - trust) * hand,
                                             strict=True)}


def scored(case: Case, prior: dict[str, float]) -> np.ndarray:
    """The pool's scores as ``suggest.ranked_people`` orders them for the series with ``prior``: the
    series' taste, the untied then moved by their topic fits and papers (``suggest.unlinked_adjusted``)."""
    taste.PRIOR = prior
    try:
        model = taste.fit(case.x, case.y)
    finally:
        taste.PRIOR = HAND
    rows = np.arange(len(case.pool))
    return suggest.unlinked_adjusted(case.x_pool, rows, model.score(case.x_pool), case.recent)


def ranked(index: GraphIndex, case: Case, prior: dict[str, float]) -> list[int]:
    """The first 200 people ``suggest.ranked_people`` gives for the series with ``prior``."""
    scores = scored(case, prior)
    return [int(case.pool[i]) for i in islice(suggest._ranking(index, case.pool, scores, max(KS)), max(KS))]


def figures(case: Case, ranking: list[int]) -> dict[str, float]:
    """Hits and recall at each k (all later speakers, and the known ones), and MRR over the first 200."""
    where = {p: r for r, p in enumerate(ranking, start=1)}
    out: dict[str, float] = {}
    for k in KS:
        hits = sum(1 for p in case.later if where.get(p, k + 1) <= k)
        out[f"hits@{k}"] = hits
        out[f"r@{k}"] = hits / len(case.later) if case.later else 0.0
        out[f"known@{k}"] = hits / len(case.known) if case.known else 0.0
    out["mrr"] = sum(1 / where[p] for p in case.later if p in where) / len(case.later) if case.later else 0.0
    return out


def average(rows: list[dict[str, float]]) -> str:
    mean = {key: float(np.mean([r[key] for r in rows])) for key in rows[0]}
    return (f"{mean['r@10']:.3f} / {mean['r@50']:.3f} / {mean['r@200']:.3f}, {mean['mrr']:.4f} "
            f"({mean['known@50']:.3f} / {mean['known@200']:.3f})")


HAND = dict(taste.PRIOR)


def gathered(index: GraphIndex, options: argparse.Namespace, share: float,
             stems: tuple[str, ...]) -> list[Case]:
    """The series cut at ``share``, from the cache (``{share}`` in its name is replaced) or gathered."""
    cache = Path(str(options.cache).replace("{share}", f"{share:g}")) if options.cache else None
    if cache and cache.exists():
        cases: list[Case] = pickle.loads(cache.read_bytes())
        return cases
    cases = []
    for stem in stems:
        print(f"gathering {stem} ({share:g})", file=sys.stderr, flush=True)
        cases.append(case_of(index, stem, share))
        if options.hard:
            cases[-1].stages = stages_of(index, stem, share)
    if cache:
        cache.write_bytes(pickle.dumps(cases))
    return cases


def ranked_by_variant(index: GraphIndex, cases: list[Case], options: argparse.Namespace,
                      ) -> dict[str, list[dict[str, float]]]:
    """Per variant of the prior (and of the negatives, with ``--hard``), each series' figures."""
    variants: list[tuple[str, list[dict[str, float]]]] = [("hand-set", [HAND] * len(cases))]
    for changed in options.changed:
        pairs = dict(item.split("=") for item in changed.split(","))
        variants.append((f"hand-set with {changed}", [{**HAND, **{k: float(v) for k, v in pairs.items()}}]
                         * len(cases)))
    for pooling in options.pooling:
        if pooling == "tested":
            variants.append(("left out, per-feature, tested against its noise",
                             [tested(cases[:n] + cases[n + 1:]) for n in range(len(cases))]))
            continue
        for strength in options.strength:
            priors = []
            for n in range(len(cases)):
                coefficients, evidence = learned(cases[:n] + cases[n + 1:], pooling)
                priors.append(shrunk(coefficients, evidence, strength))
            variants.append((f"left out, {pooling}, strength {strength:g}", priors))
    results: dict[str, list[dict[str, float]]] = {}
    for label, priors in variants:
        results[label] = [figures(c, ranked(index, c, p)) for c, p in zip(cases, priors, strict=True)]
    for hard in options.hard:
        drawn = [Case(c.stem, c.cutoff, *rows_drawn(c, hard), c.pool, c.x_pool, c.later, c.known)
                 for c in cases]
        label = f"negatives {'uniform' if hard == 0 else f'among the first {hard}'}"
        results[label + ", hand-set"] = [figures(c, ranked(index, c, HAND)) for c in drawn]
        for strength in options.strength:
            priors = []
            for n in range(len(drawn)):
                coefficients, evidence = learned(drawn[:n] + drawn[n + 1:], options.pooling[0])
                priors.append(shrunk(coefficients, evidence, strength))
            results[f"{label}, left out, {options.pooling[0]}, strength {strength:g}"] = [
                figures(c, ranked(index, c, p)) for c, p in zip(drawn, priors, strict=True)]
    return results


def across_cutoffs(index: GraphIndex, options: argparse.Namespace, development: tuple[str, ...],
                   check: tuple[str, ...]) -> None:
    """Each variant at every cutoff of ``--share``: recall averaged over series and cutoffs, and the
    later speakers found, summed (a small series moves the average by a whole person)."""
    table: dict[str, list[list[dict[str, float]]]] = {}
    lists: list[list[bool]] = []
    for share in options.share:
        cases = gathered(index, options, share, development + check)
        for label, rows in ranked_by_variant(index, cases, options).items():
            table.setdefault(label, []).append(rows)
        lists.append([c.stem in development for c in cases])
    print(f"| prior | development recall@10 / 50 / 200, MRR (of the known @50 / @200) | check: the same | "
          f"later speakers found @10 / 50 / 200 over {len(options.share)} cutoffs, development | check |")
    print("|---|---|---|---|---|")
    for label, runs in table.items():
        cells = []
        for wanted in (True, False):
            rows = [r for run, kinds in zip(runs, lists, strict=True)
                    for r, kind in zip(run, kinds, strict=True) if kind == wanted]
            cells.append(average(rows))
        for wanted in (True, False):
            rows = [r for run, kinds in zip(runs, lists, strict=True)
                    for r, kind in zip(run, kinds, strict=True) if kind == wanted]
            cells.append(" / ".join(str(int(sum(r[f"hits@{k}"] for r in rows))) for k in KS))
        print(f"| {label} | " + " | ".join(cells) + " |")


def main() -> None:
    """Parse the options, gather the series, learn the priors, rank, print, write the shipped prior."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="the store of bench/suggest_real.py")
    parser.add_argument("--cache", type=Path, help="keep the series' features here (a pickle) between runs; "
                        "'{share}' in the name stands for the cutoff's share")
    parser.add_argument("--pooling", choices=("per-feature", "joint", "tested"), nargs="+",
                        default=["per-feature"], help="how the others' fits make a prior ('tested': "
                        "per-feature, each feature moved from the hand-set value only beyond its noise)")
    parser.add_argument("--strength", type=float, nargs="+", default=[100.0],
                        help="speakers' worth of evidence at which learned and hand-set count the same")
    parser.add_argument("--share", type=float, nargs="+", default=[0.5],
                        help="cut each series on the day by which this share of its talks were given; "
                        "several: the averages over the cutoffs only")
    parser.add_argument("--hard", type=int, nargs="*", default=[],
                        help="also draw the negatives among the first N of the hand-set prior (needs a "
                        "cache gathered with --hard)")
    parser.add_argument("--changed", nargs="*", default=[], metavar="FEATURE=VALUE,...",
                        help="also rank with the hand-set prior so changed (no learning): which change "
                        "matters")
    parser.add_argument("--output", type=Path, help="write the prior learned from all series here (JSON), "
                        "with the first pooling and strength")
    options = parser.parse_args()
    index = index_for(open_store(str(options.store)))
    from suggest_real import CHECK, DEVELOPMENT  # type: ignore[import-not-found]

    if len(options.share) > 1:
        across_cutoffs(index, options, DEVELOPMENT, CHECK)
        return
    cases = gathered(index, options, options.share[0], DEVELOPMENT + CHECK)
    print("| series | cutoff | training speakers / rows | features that vary |\n|---|---|---|---|")
    for c in cases:
        print(f"| {c.stem} | {c.cutoff} | {int(c.y.sum())} / {len(c.y)} | {int(c.varies().sum())} of "
              f"{len(taste.FEATURES)} |")
    results = ranked_by_variant(index, cases, options)
    print("\n| prior | development recall@10 / 50 / 200, MRR (of the known @50 / @200) | check: the same |")
    print("|---|---|---|")
    dev = [i for i, c in enumerate(cases) if c.stem in DEVELOPMENT]
    check = [i for i, c in enumerate(cases) if c.stem in CHECK]
    for label, rows in results.items():
        print(f"| {label} | {average([rows[i] for i in dev])} | {average([rows[i] for i in check])} |")
    print("\nPer series, hits in the first 10 / 50 / 200 of the later speakers (known), MRR:\n")
    print("| series | " + " | ".join(results) + " |\n|---|" + "---|" * len(results))
    for i, c in enumerate(cases):
        cells = [f"{int(r[i]['hits@10'])}/{int(r[i]['hits@50'])}/{int(r[i]['hits@200'])} of "
                 f"{len(c.later)} ({len(c.known)}), {r[i]['mrr']:.4f}" for r in results.values()]
        print(f"| {c.stem} | " + " | ".join(cells) + " |")
    coefficients, evidence = learned(cases, options.pooling[0])
    everyone = shrunk(coefficients, evidence, options.strength[0])
    print(f"\nLearned from all {len(cases)} series ({options.pooling[0]}, "
          f"strength {options.strength[0]:g}):\n")
    print("| feature | hand-set | learned, unshrunk | speakers it was learned from | shipped |")
    print("|---|---|---|---|---|")
    for j, name in enumerate(taste.FEATURES):
        print(f"| {name} | {HAND.get(name, 0.0):+.2f} | {coefficients[j]:+.3f} | {int(evidence[j])} | "
              f"{everyone[name]:+.3f} |")
    print("\nHow far the series agree (each series' own unshrunk fit, on the series where the feature "
          "varies):\n")
    print("| feature | series | weighted mean | spread between series (sd) | a fit's own standard error "
          "(bootstrap, root mean square) | series with a positive sign |")
    print("|---|---|---|---|---|---|")
    usable = [c for c in cases if c.y.sum() >= taste.MIN_POSITIVES]
    fits = [(c.varies(), float(c.y.sum()), fit_one(c.standardized(), c.y), bootstrap_error(c))
            for c in usable]
    for j, name in enumerate(taste.FEATURES):
        values = np.array([f[2][j] for f in fits if f[0][j]])
        weights = np.array([f[1] for f in fits if f[0][j]])
        errors = np.array([f[3][j] for f in fits if f[0][j]])
        if len(values):
            mean = float(np.average(values, weights=weights))
            spread = float(np.sqrt(np.average((values - mean) ** 2, weights=weights)))
            error = float(np.sqrt(np.average(errors ** 2, weights=weights)))
            print(f"| {name} | {len(values)} | {mean:+.3f} | {spread:.3f} | {error:.3f} | "
                  f"{int((values > 0).sum())} |")
    if options.output:
        made = {
            "coefficients": {name: round(value, 4) for name, value in everyone.items()},
            "how": (f"bench/suggest_prior_loso.py, pooling {options.pooling[0]}, strength "
                    f"{options.strength[0]:g}: the training rows of each real history's replayed past "
                    f"(tests/data/histories/, each cut on the day by which {options.share[0]:g} of its "
                    "talks were given, nothing after it read), standardized per series; "
                    + ("a logistic regression per series (C=0.3, classes balanced), each feature's "
                       "coefficients averaged over the series where it varies, weighted by their speakers"
                       if options.pooling[0] == "per-feature" else
                       "one logistic regression on the pooled rows (C=0.3, classes balanced within each "
                       "series, each series weighing the same)")
                    + "; then shrunk to the hand-set prior by n / (n + strength) for a feature learned "
                    "from n speakers"),
            "made": date.today().isoformat(),
            "hand_set": HAND,
            "from": [{"series": c.stem, "cutoff": c.cutoff, "speakers": int(c.y.sum()),
                      "non_speakers": int(len(c.y) - c.y.sum()),
                      "features_varying": [n for n, v in zip(taste.FEATURES, c.varies(), strict=True) if v]}
                     for c in cases if c.y.sum() >= taste.MIN_POSITIVES],
        }
        options.output.write_text(json.dumps(made, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
