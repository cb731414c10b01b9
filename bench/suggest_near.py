"""Among the first few hundred `kg suggest` ranks, who is invited and who is not.

Not a test: an error analysis and a re-ranking trial. For every real history (cut, as `kg
evaluate-suggest` cuts it, on the day by which half of its talks were given) the series is
replayed as `suggest` sees it (``suggest_harness.replay``) and its pool ranked by the series'
taste. The *band* is the first ``--band`` people (500 by default): the later speakers there are
the invited, everyone else there the not invited. For each feature of ``taste.FEATURES`` and a
few properties the taste does not read, all as known on the cutoff day (``extras``), it prints
the AUC within the band (the chance that an invited person has a higher value than one not
invited, per series, then the mean over the series with later speakers in the band):
a property whose AUC is far from 0.5 on the development series separates the invited from
those who outrank them, which is what recall@50 needs.

Then it re-ranks each band and prints recall@50 / @200 averaged over the series, and the hits of
each, against the ranking as it is (the first row: `kg evaluate-suggest`'s figures): with
``--rerank NAME=WEIGHT,...`` the score plus each weight times the property standardized within the
band; with ``--diverse W`` (and ``--places``, which adds the properties of places and each person's
works with the series' people) picked greedily, less ``W`` standard deviations of the band's score
times the share of the person's shared works someone above shares already; with ``--learn
NAME,...:C`` by a logistic regression on the score and those properties learned from the
development bands (each development series left out); and always the ceiling, the band's later
speakers first. The series' features are kept in ``--cache`` (a pickle), so a second run only
re-ranks. Round sixteen (issue-12q) measured it: BENCHMARKS.md, "Suggestions".

    PYTHONPATH=src:bench python bench/suggest_near.py --store /tmp/kg-real/store --cache /tmp/near.pickle
    PYTHONPATH=src:bench python bench/suggest_near.py --store /tmp/kg-real/store --cache /tmp/near.pickle \\
        --rerank dependence=-0.5 --check
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from suggest_harness import CHECK, DEVELOPMENT, cut, open_index, replay, seen, store_parser

from kg.network import evaluate, signals, taste
from kg.network.index import ALWAYS, NEVER, PAPER, GraphIndex

YEAR = 365.25


@dataclass
class Band:
    """One series on its cutoff day: its pool, their scores and properties, and its later speakers."""

    stem: str
    pool: np.ndarray
    scores: np.ndarray
    names: list[str]
    """The properties' names: ``taste.FEATURES`` then ``extras``."""
    values: np.ndarray
    """Pool × properties."""
    later: int
    """How many later speakers (known or not: recall's denominator)."""
    invited: np.ndarray
    """Per pool member: a later speaker."""
    shared: list[frozenset[int]] | None = None
    """Per pool member (with ``--places``): the works they share with a past speaker or host."""


def extras(index: GraphIndex, v: signals.View, speakers: list[int], hosts: list[int],
           talks: list[tuple[int, int, int]]) -> dict[str, np.ndarray]:
    """Properties of everyone as known on the view's day that the taste does not read."""
    people, day = v.people, v.day
    seeds = sorted(set(speakers) | set(hosts))
    person, seed, work = signals.linked_pairs(v, seeds)
    wday = index.work_day[work].astype(np.int64)
    dated = (wday != ALWAYS) & (wday != NEVER)
    key = np.unique(person * len(index.works) + work)
    shared = np.bincount(key // len(index.works), minlength=people).astype(np.float64)
    recent = dated & (wday >= day - 3 * 365)
    rkey = np.unique(person[recent] * len(index.works) + work[recent])
    shared_recent = np.bincount(rkey // len(index.works), minlength=people).astype(np.float64)
    known = np.maximum(v.works_known, 1.0)
    last_talk: dict[int, int] = {}
    for talk_day, who, _ in talks:
        last_talk[who] = max(talk_day, last_talk.get(who, talk_day))
    weight = np.zeros(people)
    for who in speakers:
        weight[who] = 0.5 ** (max(0, day - last_talk.get(who, day)) / YEAR / 2.0)
    for who in hosts:
        weight[who] = max(weight[who], 1.0)
    best_tie = np.zeros(people)
    np.maximum.at(best_tie, person, weight[seed])
    # the latest and first known paper of each person
    rows = np.flatnonzero(v.known & (index.member_kind == PAPER))
    mday = index.member_day[rows].astype(np.int64)
    ok = (mday != ALWAYS) & (mday != NEVER)
    latest = np.full(people, -10 ** 7, dtype=np.int64)
    np.maximum.at(latest, index.member_person[rows[ok]], mday[ok])
    idle = np.where(latest > -10 ** 7, (day - latest) / YEAR, 30.0)
    coauthors = np.log1p(evaluate._coauthor_counts(v))
    return {
        "shared_works": np.log1p(shared),
        "shared_recent": np.log1p(shared_recent),
        "dependence": shared / known,
        "tie_recency": best_tie,
        "idle_years": idle,
        "coauthors": coauthors,
        "works": np.log1p(v.works_known),
    }


def places(index: GraphIndex, v: signals.View, speakers: list[int], hosts: list[int],
           talks: list[tuple[int, int, int]]) -> dict[str, np.ndarray]:
    """Properties of places and recent links, as known on the view's day (cheap: no walk)."""
    people, day = v.people, v.day
    known = index.affiliation_day <= day
    person = index.affiliation_person[known].astype(np.int64)
    org = index.organization_top[index.affiliation_organization[known]].astype(np.int64)
    orgs = len(index.organizations) + 1
    pairs = np.unique(person * orgs + org)
    person, org = pairs // orgs, pairs % orgs
    is_speaker = np.zeros(people, dtype=bool)
    is_speaker[speakers] = True
    is_host = np.zeros(people, dtype=bool)
    is_host[hosts] = True
    at_speaker = np.bincount(org[is_speaker[person]], minlength=orgs).astype(np.float64)
    at_host = np.bincount(org[is_host[person]], minlength=orgs) > 0
    staff = np.bincount(org, minlength=orgs).astype(np.float64)
    speaker_org = np.zeros(people)
    np.maximum.at(speaker_org, person, at_speaker[org])
    host_org = np.zeros(people)
    np.maximum.at(host_org, person, at_host[org].astype(np.float64))
    small = np.zeros(people)  # the speakers' share of the staff at their best place
    np.maximum.at(small, person, at_speaker[org] / np.maximum(staff[org], 1.0))
    # the hosts' own recent coauthors, and the people at their places
    seeds = sorted(set(hosts))
    recent_host = np.zeros(people)
    if seeds:
        who, _, work = signals.linked_pairs(v, seeds)
        wday = index.work_day[work].astype(np.int64)
        fresh = (wday != ALWAYS) & (wday != NEVER) & (wday >= day - 3 * 365)
        recent_host = np.bincount(who[fresh], minlength=people).astype(np.float64)
    recent = np.zeros(orgs)
    fresh_people = np.zeros(people, dtype=bool)
    who, _, work = signals.linked_pairs(v, sorted(set(speakers) | set(hosts)))
    wday = index.work_day[work].astype(np.int64)
    fresh_people[who[(wday != ALWAYS) & (wday != NEVER) & (wday >= day - 3 * 365)]] = True
    recent = np.bincount(org[fresh_people[person]], minlength=orgs).astype(np.float64)
    coauthor_org = np.zeros(people)
    np.maximum.at(coauthor_org, person, recent[org])
    rows = np.flatnonzero(v.known & (index.member_kind == PAPER))
    mday = index.member_day[rows].astype(np.int64)
    last_year = np.bincount(index.member_person[rows[(mday != NEVER) & (mday >= day - 365)]],
                            minlength=people).astype(np.float64)
    return {"speaker_org": np.log1p(speaker_org), "host_org": host_org, "speaker_share": small,
            "host_recent": np.log1p(recent_host), "coauthor_org": np.log1p(coauthor_org),
            "papers_last_year": np.log1p(last_year)}


def extended(index: GraphIndex, b: Band) -> Band:
    """``b`` with ``places`` added to its properties."""
    if "speaker_org" in b.names:
        return b
    found = cut(index, b.stem)
    series, speakers, v = seen(index, found)
    more = places(index, v, speakers, series.hosts, series.talks)
    values = np.column_stack([b.values] + [more[n][b.pool] for n in more])
    found_band = Band(b.stem, b.pool, b.scores, b.names + list(more), values, b.later, b.invited)
    person, _, work = signals.linked_pairs(v, sorted(set(speakers) | set(series.hosts)))
    starts = np.searchsorted(person, b.pool)
    ends = np.searchsorted(person, b.pool, side="right")
    found_band.shared = [frozenset(work[s:e].tolist()) for s, e in zip(starts, ends, strict=True)]
    return found_band


def band_of(index: GraphIndex, stem: str) -> Band:
    """The series of ``stem`` at its middle cutoff with everyone's properties."""
    found = replay(index, stem)
    more = extras(index, found.view, found.speakers, found.series.hosts, found.series.talks)
    names = list(taste.FEATURES) + list(more)
    values = np.column_stack([found.x[found.pool]] + [more[n][found.pool] for n in more])
    later = {index.person_index[p] for p in found.cut.later if p in index.person_index}
    invited = np.isin(found.pool, sorted(later))
    return Band(stem, found.pool, found.scores[found.pool], names, values, len(found.cut.later), invited)


def order(scores: np.ndarray, pool: np.ndarray) -> np.ndarray:
    """Positions in the pool, best first (ties by row)."""
    return np.lexsort((pool, -np.round(scores, 9)))


def auc(values: np.ndarray, positive: np.ndarray) -> float:
    """The chance that a positive has a higher value than a negative (ties count half)."""
    pos, neg = values[positive], values[~positive]
    if not len(pos) or not len(neg):
        return float("nan")
    both = np.concatenate([pos, neg])
    sorted_values = np.sort(both)
    low = np.searchsorted(sorted_values, both, side="left")
    high = np.searchsorted(sorted_values, both, side="right")
    ranks = (low + high - 1) / 2.0
    return float((ranks[:len(pos)].sum() - len(pos) * (len(pos) - 1) / 2) / (len(pos) * len(neg)))


def reranked(b: Band, band: int, weights: dict[str, float]) -> np.ndarray:
    """Positions in the pool, best first, with the first ``band`` re-scored by ``weights``."""
    first = order(b.scores, b.pool)
    top = first[:band]
    score = b.scores[top].copy()
    for name, weight in weights.items():
        column = b.values[top, b.names.index(name)]
        scale = column.std() or 1.0
        score += weight * (column - column.mean()) / scale
    return np.concatenate([top[order(score, b.pool[top])], first[band:]])


def band_rows(b: Band, band: int, names: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The first ``band`` of ``b``: their positions, the score and ``names`` standardized within the
    band (columns), and whether each was invited."""
    top = order(b.scores, b.pool)[:band]
    columns = [b.scores[top]] + [b.values[top, b.names.index(n)] for n in names]
    x = np.column_stack([(c - c.mean()) / (c.std() or 1.0) for c in columns])
    return top, x, b.invited[top]


def learned(train: list[Band], band: int, names: list[str], c: float) -> np.ndarray:
    """Weights (the score's first) of a logistic regression on the bands of ``train``, pooled, each
    series weighing by its invited people, classes balanced."""
    from sklearn.linear_model import LogisticRegression

    xs, ys = [], []
    for b in train:
        _, x, y = band_rows(b, band, names)
        if y.any():
            xs.append(x)
            ys.append(y)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=500)
    model.fit(np.vstack(xs), np.concatenate(ys))
    return model.coef_[0]


def relearned(b: Band, band: int, names: list[str], weights: np.ndarray) -> np.ndarray:
    """Positions in the pool, best first, the first ``band`` ordered by the learned weights."""
    top, x, _ = band_rows(b, band, names)
    rest = order(b.scores, b.pool)[band:]
    return np.concatenate([top[order(x @ weights, b.pool[top])], rest])


def diversified(b: Band, band: int, weight: float, first: int = 200) -> np.ndarray:
    """Positions in the pool, best first: the first ``first`` picked greedily from the first ``band``,
    each time the best score less ``weight`` (in the band's standard deviations of the score) times
    the share of the person's works with the series' people that someone picked before shares too
    (a coauthor of the same paper as a candidate above says less than one of another paper)."""
    assert b.shared is not None
    top = order(b.scores, b.pool)[:band]
    score = b.scores[top]
    scale = score.std() or 1.0
    covered: set[int] = set()
    left = list(range(len(top)))
    picked: list[int] = []
    while left and len(picked) < first:
        best, best_value = -1, -np.inf
        for at in left:
            works = b.shared[top[at]]
            seen_share = len(works & covered) / len(works) if works else 0.0
            value = score[at] - weight * scale * seen_share
            if value > best_value:
                best, best_value = at, value
        picked.append(best)
        left.remove(best)
        covered |= b.shared[top[best]]
    chosen = top[picked]
    everyone = order(b.scores, b.pool)
    return np.concatenate([chosen, everyone[~np.isin(everyone, chosen)]])


def hits(b: Band, positions: np.ndarray, k: int) -> int:
    """How many later speakers ``positions`` puts in its first ``k``."""
    return int(b.invited[positions[:k]].sum())


def ceiling(b: Band, band: int) -> np.ndarray:
    """The band's invited first, then the rest of the band, then everyone after it: what a perfect
    re-ranking of the band could reach."""
    top = order(b.scores, b.pool)
    part = top[:band]
    return np.concatenate([part[b.invited[part]], part[~b.invited[part]], top[band:]])


def row(label: str, bands: list[Band], ranked: Callable[[Band], np.ndarray]) -> str:
    """A table row: recall@50 and @200 averaged over ``bands``, and the hits of each."""
    r50, r200, per = [], [], []
    for b in bands:
        positions = ranked(b)
        h50, h200 = hits(b, positions, 50), hits(b, positions, 200)
        r50.append(h50 / b.later if b.later else 0.0)
        r200.append(h200 / b.later if b.later else 0.0)
        per.append(f"{h50}/{h200}")
    return f"| {label} | {np.mean(r50):.3f} | {np.mean(r200):.3f} | {' '.join(per)} |"


def auc_row(label: str, found: list[float]) -> str:
    """A table row of AUCs per series and their mean over the series that have one."""
    usable = [f for f in found if f == f]
    return (f"| {label} | " + " | ".join("-" if f != f else f"{f:.2f}" for f in found)
            + f" | {np.mean(usable):.3f} |")


def separation(chosen: list[Band], band: int) -> list[str]:
    """The AUC table: each property, and the taste's score, within each series' band."""
    lines = ["| property | " + " | ".join(b.stem[:12] for b in chosen) + " | mean |",
             "|---|" + "---|" * (len(chosen) + 1)]
    tops = [(b, order(b.scores, b.pool)[:band]) for b in chosen]
    for number, name in enumerate(chosen[0].names):
        lines.append(auc_row(name, [auc(b.values[t, number], b.invited[t]) for b, t in tops]))
    lines.append(auc_row("the taste's score", [auc(b.scores[t], b.invited[t]) for b, t in tops]))
    counts = " | ".join(str(int(b.invited[t].sum())) for b, t in tops)
    lines.append(f"| invited in the band | {counts} | |")
    return lines


def variants(chosen: list[Band], development: list[Band], options: argparse.Namespace) -> list[str]:
    """The re-rankings asked for, as table rows (a learned one for a development series is learned
    from the others)."""
    band = options.band
    lines = ["| variant | recall@50 | recall@200 | hits @50/@200 per series |", "|---|---|---|---|"]
    for text in [""] + options.rerank:
        weights = {k: float(w) for k, w in (item.split("=") for item in text.split(",") if item)}
        lines.append(row(text or "as it is", chosen, lambda b, w=weights: reranked(b, band, w)))
    for weight in options.diverse:
        lines.append(row(f"diversified {weight:g}", chosen, lambda b, w=weight: diversified(b, band, w)))
    lines.append(row("the band's invited first (a ceiling)", chosen, lambda b: ceiling(b, band)))
    for text in options.learn:
        names, c = text.split(":")[0].split(","), float(text.split(":")[1])
        weights_of = {b.stem: learned([o for o in development if o.stem != b.stem], band, names, c)
                      for b in chosen}
        shown = "" if chosen[0] in development else (
            " (" + ", ".join(f"{w:+.2f}" for w in weights_of[chosen[0].stem]) + ")")
        lines.append(row(f"learned {text}{shown}", chosen,
                         lambda b, found=weights_of, n=names: relearned(b, band, n, found[b.stem])))
    return lines


def gathered(options: argparse.Namespace) -> list[Band]:
    """Every series' band, from ``--cache`` or replayed (and kept there); with ``--places`` extended."""
    if options.cache and options.cache.exists():
        bands: list[Band] = pickle.loads(options.cache.read_bytes())
    else:
        index = open_index(options.store)
        bands = []
        for stem in DEVELOPMENT + CHECK:
            print(f"replaying {stem}", file=sys.stderr, flush=True)
            bands.append(band_of(index, stem))
        if options.cache:
            options.cache.write_bytes(pickle.dumps(bands))
    if options.places:
        index = open_index(options.store)
        bands = [extended(index, b) for b in bands]
    return bands


def main() -> None:
    parser = store_parser(__doc__)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--band", type=int, default=500)
    parser.add_argument("--check", action="store_true", help="print the check series too")
    parser.add_argument("--places", action="store_true", help="add the properties of places")
    parser.add_argument("--diverse", nargs="*", type=float, default=[],
                        help="weights of the penalty for works already covered above (needs --places)")
    parser.add_argument("--learn", nargs="*", default=[],
                        help="NAME,NAME:C a re-ranker learned on the development bands (each left out)")
    parser.add_argument("--rerank", nargs="*", default=[], help="NAME=WEIGHT[,NAME=WEIGHT]")
    options = parser.parse_args()
    bands = gathered(options)
    development = [b for b in bands if b.stem in DEVELOPMENT]
    for label, stems in [("development", DEVELOPMENT)] + ([("check", CHECK)] if options.check else []):
        chosen = [b for b in bands if b.stem in stems]
        print(f"\n## {label}: AUC within the first {options.band}, invited against not\n")
        print("\n".join(separation(chosen, options.band)) + "\n")
        print("\n".join(variants(chosen, development, options)))


if __name__ == "__main__":
    main()
