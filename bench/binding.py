"""Binding parameters: pyoxigraph ``substitutions`` against the ``VALUES`` block of ``kg.store.bind``.

    python bench/binding.py --store bench/work/store-1M --summary bench/work/synthetic-1000000-s1.json

Runs every named query that has parameters both ways on the same store, warm, and writes the
medians between ``<!-- bench/binding.py:start -->`` and ``<!-- bench/binding.py:end -->`` in
BENCHMARKS.md. Both ways must give the same rows; the script stops if they do not.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START = "<!-- bench/binding.py:start -->"
END = "<!-- bench/binding.py:end -->"


def main(argv: list[str]) -> None:
    """Measure both ways of binding and write the table."""
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    import pyoxigraph as ox
    from run import query_cases, write_section  # bench/run.py

    from kg.sparql.catalog import find_query
    from kg.sparql.resolver import bind_parameters
    from kg.store import LocalStore

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--summary", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit-s", type=float, default=60.0, help="skip the rest of a slow case")
    parser.add_argument("--values-only", nargs="*", default=[], metavar="CASE",
                        help="cases timed with VALUES only (substitutions known to take too long)")
    parser.add_argument("--output", default=str(ROOT / "BENCHMARKS.md"))
    args = parser.parse_args(argv)
    store = LocalStore.open_read_only(args.store)
    summary = json.loads(Path(args.summary).read_text())
    rows = []
    for case, name, params in query_cases(summary):
        if not params:
            continue
        query = find_query(name)
        terms = bind_parameters(store, query, params.items()).terms
        substitutions = {ox.Variable(k): v for k, v in terms.items()}

        def by_values(q: str = query.text, t: dict = terms) -> list:  # type: ignore[type-arg]
            return store.select(q, t).rows

        def by_substitutions(q: str = query.text, s: dict = substitutions) -> list:  # type: ignore[type-arg]
            result = store.raw.query(q, use_default_graph_as_union=True, substitutions=s)
            columns = [v.value for v in result.variables]
            return [tuple(solution[c] for c in columns) for solution in result]

        timings: dict[str, float | None] = {"substitutions": None}
        answers: dict[str, list] = {}  # type: ignore[type-arg]
        ways = [("values", by_values), ("substitutions", by_substitutions)]
        for label, runner in ways[:1] if case in args.values_only else ways:
            times = []
            for _ in range(args.runs + 1):
                started = time.perf_counter()
                answers[label] = runner()
                times.append(time.perf_counter() - started)
                if sum(times) > args.limit_s:
                    break
            timings[label] = statistics.median(times[1:] or times)
        if "substitutions" in answers and (
                sorted(map(str, answers["values"])) != sorted(map(str, answers["substitutions"]))):
            raise SystemExit(f"{case}: the two ways of binding give different rows")
        rows.append((case, timings["values"], timings["substitutions"], len(answers["values"])))
        print(f"{case}: {timings}", file=sys.stderr, flush=True)
    size = f"{len(store.raw):,}"
    lines = [
        "## Binding parameters: VALUES block against pyoxigraph substitutions (bench/binding.py)",
        "",
        f"Median ms of warm runs on a synthetic store of {size} quads; the same rows both ways. "
        f"Command: `python bench/binding.py --store {args.store} --summary {args.summary}`.",
        "",
        "| query | VALUES (kg.store.bind) | substitutions | substitutions / VALUES | rows |",
        "|---|---|---|---|---|",
    ]
    for case, values_s, subst_s, count in rows:
        if subst_s is None:
            lines.append(f"| {case} | {values_s * 1000:,.1f} | not run (see below) | | {count:,} |")
            continue
        lines.append(f"| {case} | {values_s * 1000:,.1f} | {subst_s * 1000:,.1f} | "
                     f"{subst_s / max(values_s, 1e-6):.1f}× | {count:,} |")
    if args.values_only:
        lines += ["", f"Not run with substitutions: {', '.join(args.values_only)}: with "
                  "substitutions it ran for more than five minutes before it was stopped, where "
                  "the same query for a person with ten papers already took minutes."]
    write_section(Path(args.output), "\n".join(lines).replace(f"{ROOT}/", "") + "\n", START, END)


if __name__ == "__main__":
    main(sys.argv[1:])
