"""Candidate signals for `kg suggest`, each tried as an added feature on the real histories.

Not a test: for every candidate it adds one column to the features `suggest` computes
(``taste.FEATURES``), gives it a prior weight (``taste.PRIOR``: what a series with a short past
uses, and what every fit is shrunk towards), ranks each development series as `kg
evaluate-suggest` does (cut where half its talks were given) and prints recall@50, recall@200 and
the median rank of the later speakers the field knew on the cutoff day (finer than recall on a
few dozen people), against `suggest` as it is. The candidates are the ideas for a series of ML
theory (issue 12, fourth round):

- **hot in the topic**: the topic fit of the works of the last three years only, not divided by
  the number of works (someone publishing on the series' subject now);
- **career like the past speakers'**: how close the years since a person's first paper are to
  those of the past speakers when they first spoke (a Gaussian kernel of three years, averaged);
- **output like the past speakers'**: the same on the log of the number of papers;
- **venue lift**: the share of a person's papers at each venue, weighed by how much more the
  past speakers publish there than the field does (a COLT-heavy series lifts COLT authors);
- **spoke elsewhere**: 1 for people with a talk at another series known on the day.

and two pieces of information the ranking did not read (round fifteen):

- **places the series draws on**: how much more often than the field the people of a person's
  top organizations had spoken at the series by the day (a smoothed lift over all the
  organizations the past speakers were at, not only the hosts');
- **recent links of the speakers' coauthors**: for how many past speakers a person wrote a
  paper with one of their coauthors after that speaker first spoke at the series.

`--shares` prints, for these two, how often the known later speakers have a value above zero on
the cutoff day against everyone (no ranking: a few seconds a series).

    python bench/suggest_real.py --ml-venues ../shared/data/ml-venues --work /tmp/kg-real
    PYTHONPATH=src:bench python bench/suggest_signals.py --store /tmp/kg-real/store
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
import scipy.sparse as sp
import suggest_harness as harness  # type: ignore[import-not-found]

from kg.network import signals, suggest, taste
from kg.network.index import PAPER, TALK, GraphIndex

Signal = Callable[[signals.View, suggest.Stage, GraphIndex, np.ndarray, tuple[np.ndarray, np.ndarray]],
                  np.ndarray]
PAPERS, CAREER, TALKS = taste.FEATURES.index("papers"), taste.FEATURES.index("career_years"), \
    taste.FEATURES.index("talks_elsewhere")


def hot_topic(years: float = 3.0) -> Signal:
    """Topic fit summed over the person's papers and talks of the last ``years`` (log1p of ten times it)."""
    def column(v, stage, index, x, query):
        terms, weights = query
        if not len(terms):
            return np.zeros(v.people)
        per_work = np.asarray(index.work_terms[:, terms] @ weights).ravel()
        day = index.member_day
        recent = v.known & (day <= stage.day) & (day >= stage.day - int(years * 365.25)) \
            & np.isin(index.member_kind, (PAPER, TALK))
        values = np.where(recent, per_work[index.member_work], 0.0)
        running = np.concatenate([[0.0], np.cumsum(values)])
        starts = index.person_starts
        return np.log1p(10 * (running[starts[1:]] - running[starts[:-1]]))
    return column


def _first_talks(stage: suggest.Stage) -> dict[int, int]:
    firsts: dict[int, int] = {}
    for day, person, _ in stage.talks:
        firsts.setdefault(person, day)
    return firsts


def _kernel(values: np.ndarray, past: np.ndarray, width: float, mask: np.ndarray) -> np.ndarray:
    found = np.zeros(len(values))
    if len(past):
        found[mask] = np.exp(-((values[mask, None] - past[None, :]) ** 2) / (2 * width ** 2)).mean(axis=1)
    return found


def career_like_past(width: float = 3.0) -> Signal:
    """Mean Gaussian kernel between a person's career years and the past speakers' when they first spoke."""
    def column(v, stage, index, x, query):
        past = np.array([x[p, CAREER] - (stage.day - day) / 365.25 for p, day in _first_talks(stage).items()
                         if x[p, PAPERS] > 0])
        return _kernel(x[:, CAREER], past[past >= 0], width, x[:, PAPERS] > 0)
    return column


def output_like_past(width: float = 1.0) -> Signal:
    """Mean Gaussian kernel between a person's log papers and the past speakers' when they first spoke."""
    def column(v, stage, index, x, query):
        past = []
        for person, day in _first_talks(stage).items():
            papers = signals.counts_until(v, day).papers[person]
            if papers > 0:
                past.append(np.log1p(papers))
        return _kernel(x[:, PAPERS], np.array(past), width, x[:, PAPERS] > 0)
    return column


def venue_lift() -> Signal:
    """Share of a person's papers by venue, weighed by the past speakers' share there over the field's."""
    def column(v, stage, index, x, query):
        has = (index.work_venue[index.member_work] >= 0) & v.known & (index.member_day <= stage.day)
        profile = sp.csr_matrix((np.ones(int(has.sum())), (index.member_person[has],
                                                           index.work_venue[index.member_work[has]])),
                                shape=(v.people, len(index.venues)))
        field = np.asarray(profile.sum(axis=0)).ravel()
        mine = np.asarray(profile[np.asarray(stage.speakers, dtype=np.int64)].sum(axis=0)).ravel()
        if not mine.sum():
            return np.zeros(v.people)
        lift = (mine / mine.sum()) / np.maximum(field / max(field.sum(), 1.0), 1e-12)
        return np.asarray(profile @ lift).ravel() / np.maximum(np.asarray(profile.sum(axis=1)).ravel(), 1.0)
    return column


def spoke_elsewhere() -> Signal:
    """1 for people with a talk at another series known on the stage's day."""
    def column(v, stage, index, x, query):
        return (x[:, TALKS] > 0).astype(np.float64)
    return column


def places_drawn_on(smoothing: float = 5.0) -> Signal:
    """How much more often than the field the people of a person's top organizations spoke at the
    series by the stage's day (log of the smoothed lift, the best of their organizations; 0 without
    a known affiliation). Affiliations count as known on the stage's day."""
    def column(v, stage, index, x, query):
        known = index.affiliation_day <= stage.day
        person = index.affiliation_person[known].astype(np.int64)
        org = index.organization_top[index.affiliation_organization[known]].astype(np.int64)
        orgs = len(index.organizations) + 1
        pairs = np.unique(person * orgs + org)
        person, org = pairs // orgs, pairs % orgs
        field = np.bincount(org, minlength=orgs).astype(np.float64)
        is_speaker = np.zeros(v.people, dtype=bool)
        is_speaker[np.asarray(stage.speakers, dtype=np.int64)] = True
        mine = np.bincount(org[is_speaker[person]], minlength=orgs).astype(np.float64)
        placed = len(np.unique(person))
        if not mine.sum() or not placed:
            return np.zeros(v.people)
        base = mine.sum() / placed
        lift = np.log((mine + smoothing * base) / (field + smoothing) / base)
        best = np.full(v.people, -np.inf)
        np.maximum.at(best, person, lift[org])
        return np.where(np.isfinite(best), np.maximum(best, 0.0), 0.0)
    return column


def recent_links() -> Signal:
    """How many past speakers' coauthors a person wrote a paper with after that speaker first spoke
    at the series and by the stage's day (log1p of the number of such speakers): the circle the
    speakers' collaborators moved into since."""
    def column(v, stage, index, x, query):
        rows = v.known & (index.member_kind == PAPER) & (index.member_day <= stage.day)
        people, works = index.member_person[rows].astype(np.int64), index.member_work[rows].astype(np.int64)
        shape = (v.people, len(index.works))
        papers = sp.csr_matrix((np.ones(len(people)), (people, works)), shape=shape)
        by_work = papers.T.tocsr()
        found = np.zeros(v.people)
        for person, day in _first_talks(stage).items():
            mine = papers[person].indices
            around = np.unique(by_work[mine].indices)
            around = around[around != person]
            if not len(around):
                continue
            theirs = papers[around]
            later = theirs.indices[index.work_day[theirs.indices] > day]
            if len(later):
                found[np.unique(by_work[np.unique(later)].indices)] += 1
        return np.log1p(found)
    return column


CANDIDATES: dict[str, tuple[Signal, tuple[float, ...]]] = {
    "recent links of the speakers' coauthors": (recent_links(), (0.15, 0.3, 0.6)),
    "places the series draws on": (places_drawn_on(), (0.15, 0.3, 0.6)),
    "hot in the topic": (hot_topic(), (0.15, 0.3)),
    "career like the past speakers'": (career_like_past(), (0.3, 0.6)),
    "output like the past speakers'": (output_like_past(), (0.3, 0.6)),
    "venue lift": (venue_lift(), (0.3, 0.6)),
    "spoke elsewhere": (spoke_elsewhere(), (0.3, 0.6)),
}


@contextmanager
def added(name: str, signal: Signal, weight: float) -> Iterator[None]:
    """`suggest` with one more feature, ``name``, of prior weight ``weight``, for the duration."""
    features, prior, compute = taste.FEATURES, dict(taste.PRIOR), suggest.features

    def extended(v, series, stages, index, rows=None):
        # Every stage for everyone (the signals read the whole field's features), then the rows wanted.
        found = compute(v, series, stages, index)  # fills all but the last column
        for stage, (x, query) in zip(stages, found, strict=True):
            x[:, -1] = signal(v, stage, index, x, query)
        if rows is None:
            return found
        return [(x if wanted is None else x[wanted], query)
                for (x, query), wanted in zip(found, rows, strict=True)]

    taste.FEATURES = (*features, name)
    taste.PRIOR = {**prior, name: weight}
    suggest.features = extended
    try:
        yield
    finally:
        taste.FEATURES, taste.PRIOR, suggest.features = features, prior, compute


def measure(index: GraphIndex, stems: tuple[str, ...]) -> list[tuple[float, float, float]]:
    """Per series: recall@50, recall@200 and the median rank of the known later speakers."""
    found = []
    for stem in stems:
        cut = harness.cut(index, stem)
        where = harness.ranks(index, cut)
        ranks = [where[p] for p in cut.later if p in where]
        found.append((harness.recall(where, cut.later, 50), harness.recall(where, cut.later, 200),
                      float(np.median(ranks)) if ranks else float("nan")))
    return found


def row(label: str, figures: list[tuple[float, float, float]]) -> str:
    """A Markdown row: per series recall@50 / @200 / median rank, then the averages (of ranks: geometric)."""
    cells = [f"{a:.3f} / {b:.3f} / {m:,.0f}" for a, b, m in figures]
    values = np.array(figures)
    medians = values[:, 2][~np.isnan(values[:, 2])]
    mean_rank = float(np.exp(np.log(medians).mean())) if len(medians) else float("nan")
    average = f"{values[:, 0].mean():.3f} / {values[:, 1].mean():.3f} / {mean_rank:,.0f}"
    return f"| {label} | " + " | ".join(cells) + f" | **{average}** |"


FIELD_ONLY = ("places the series draws on", "recent links of the speakers' coauthors")
"""The candidates that read only the view and the stage (not the other features or the query)."""


def shares(index: GraphIndex, stems: tuple[str, ...]) -> list[str]:
    """Markdown rows: for each candidate of ``FIELD_ONLY``, per series on its cutoff day, the share
    of the known later speakers with a value above zero against the share of everyone with a known
    paper or talk (neither a past speaker nor a host), and the lift of the first over the second."""
    lines = []
    for name in FIELD_ONLY:
        cells, later_sum, later_count, field_sum, field_count = [], 0, 0, 0, 0
        for stem in stems:
            cut = harness.cut(index, stem)
            series, speakers, v = harness.seen(index, cut)
            stage = suggest.Stage(cut.day, speakers, list(series.talks))
            column = CANDIDATES[name][0](v, stage, index, None, None)
            field = v.works_known > 0
            field[speakers + series.hosts] = False
            later = np.array(sorted(index.person_index[p] for p in harness.known_later(index, cut)),
                             dtype=np.int64)
            up = int((column[later] > 0).sum())
            everyone = int((column[field] > 0).sum())
            cells.append(f"{up} of {len(later)} / {everyone / max(int(field.sum()), 1):.1%}")
            later_sum, later_count = later_sum + up, later_count + len(later)
            field_sum, field_count = field_sum + everyone, field_count + int(field.sum())
        mine, theirs = later_sum / max(later_count, 1), field_sum / max(field_count, 1)
        lift = f"{mine / theirs:.1f}x" if theirs else "-"
        lines.append(f"| {name} | " + " | ".join(cells) + f" | **{mine:.1%} / {theirs:.1%} ({lift})** |")
    return lines


def main() -> None:
    """Parse the options, try every candidate on the chosen series, print the table."""
    parser = harness.store_parser(__doc__)
    parser.add_argument("--check", action="store_true", help="the check series, not the development ones")
    parser.add_argument("--only", nargs="*", default=None, help="only the candidates whose names start so")
    parser.add_argument("--weights", nargs="*", type=float, default=None, help="prior weights to try instead")
    parser.add_argument("--shares", action="store_true",
                        help="how often the known later speakers have each field-only signal vs everyone")
    options = parser.parse_args()
    stems = harness.CHECK if options.check else harness.DEVELOPMENT
    index = harness.open_index(options.store)
    if options.shares:
        print("| signal | " + " | ".join(stems) + " | all: later speakers / everyone (lift) |")
        print("|---|" + "---|" * (len(stems) + 1))
        print("\n".join(shares(index, stems)))
        return
    print("| added feature (prior weight) | " + " | ".join(stems) + " | average |")
    print("|---|" + "---|" * (len(stems) + 1))
    print(row("none (`suggest` as it is)", measure(index, stems)))
    for name, (signal, weights) in CANDIDATES.items():
        if options.only is not None and not any(name.startswith(start) for start in options.only):
            continue
        for weight in options.weights or weights:
            with added(name, signal, weight):
                print(row(f"{name} ({weight})", measure(index, stems)), flush=True)


if __name__ == "__main__":
    main()
