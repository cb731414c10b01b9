"""What an honest ``--as-of`` costs per answer: the words (IDF, topic space) derived for a past day.

Reads a store's saved graph index and times ``suggest.rank`` for the first series with enough
talks: now (the stored words), then on each past day given, the first answer of the day (which
derives the day's words) and the next ones (which reuse them):

    nice -n 10 python bench/suggest_as_of_cost.py /tmp/12j/kg-real/store/kg-index 2021-06-01 2022-09-01
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from kg.errors import KGError
from kg.network import evaluate, suggest
from kg.network.index import GraphIndex, day_of, load_index


def timed(index: GraphIndex, event: str, as_of: date | None) -> float | None:
    """Seconds for one answer (``None`` when the series has nobody to start from on that day)."""
    start = time.perf_counter()
    try:
        suggest.rank(index, event, as_of=as_of)
    except KGError:
        return None
    return time.perf_counter() - start


def main() -> None:
    """Print the per-answer times."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("index", type=Path, help="a store's kg-index folder")
    parser.add_argument("days", nargs="+", type=date.fromisoformat, help="past days (YYYY-MM-DD)")
    parser.add_argument("--answers", type=int, default=4, help="series asked about per day")
    args = parser.parse_args()
    index = load_index(args.index)
    if index is None:
        raise SystemExit(f"{args.index}: no graph index of this format")
    series = evaluate.seminar_series(index, 10)[:args.answers]
    latest = day_of(index.last_day) if index.last_day is not None else None
    print(f"{len(index.works):,} works, {index.work_terms.shape[1]:,} words; latest work {latest}")

    def shown(seconds: float | None) -> str:
        return "-" if seconds is None else f"{seconds:.3f} s"

    timed(index, series[0], None)  # the stored path's own first-time work (work vectors)
    print("now (stored words):", ", ".join(shown(timed(index, e, None)) for e in series))
    for day in args.days:
        times = [timed(index, e, day) for e in series]
        print(f"{day}: first {shown(times[0])}; next", ", ".join(shown(t) for t in times[1:]))


if __name__ == "__main__":
    main()
