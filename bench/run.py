"""Benchmarks of kg at scale: one command writes its section of BENCHMARKS.md.

    python bench/run.py                      # 1M and 10M triples (10M takes a while)
    python bench/run.py --sizes 100k         # a quick run

For each size it generates a synthetic dataset (``kg synth``), then measures, each step in its
own process so that its peak memory is its own:

- build throughput: ``kg build --synthetic N`` (records → N-Quads text → Oxigraph's bulk loader,
  streamed), ``kg build --nquads FILE``, and Oxigraph's own ``Store.bulk_load`` of the same
  file, interleaved in the same run, so the ratio compares like with like on a noisy machine;
- p50 and p95 latency of every named query (in-process, warm, parameters picked from the data:
  a person with about ten papers, and for person queries also the most prolific author);
- ``kg suggest`` latency for the seminar series with the most sessions;
- the peak resident memory of each step;
- how each figure grows from the smallest to the largest size.

Everything is written between the markers ``<!-- bench/run.py:start -->`` and
``<!-- bench/run.py:end -->`` of BENCHMARKS.md; the rest of the file is left as it is. Each step
can be run alone with ``python bench/run.py step ...``: the tables give that command per row.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
START = "<!-- bench/run.py:start -->"
END = "<!-- bench/run.py:end -->"
BUILD_STEPS = ("bulk-load", "build-nquads", "build-stream")


# -- steps: each runs in its own process and prints one JSON object ----------------------------


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step_synth(args: argparse.Namespace) -> dict[str, Any]:
    """Generate the synthetic dataset (``kg synth``)."""
    from kg.rdf.synthetic import write_synthetic

    started = time.perf_counter()
    path, summary = write_synthetic(Path(args.out), args.triples, args.seed)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "quads": summary.quads, "file": str(path), "people": summary.people,
            "papers": summary.papers, "talks": summary.talks, "bytes": path.stat().st_size}


def step_bulk_load(args: argparse.Namespace) -> dict[str, Any]:
    """Oxigraph's own bulk load of an N-Quads file into a new on-disk store."""
    import pyoxigraph as ox

    target = Path(args.store)
    shutil.rmtree(target, ignore_errors=True)
    started = time.perf_counter()
    store = ox.Store(str(target))
    store.bulk_load(path=args.file, format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "quads": len(store)}


def step_build_nquads(args: argparse.Namespace) -> dict[str, Any]:
    """``kg build --nquads FILE``: the file streamed into a new store, swapped in."""
    from kg.build import FromNQuads, build

    _remove_store(Path(args.store))
    started = time.perf_counter()
    quads = build(FromNQuads([Path(args.file)]), Path(args.store)).quads
    return {"seconds": time.perf_counter() - started, "quads": quads}


def step_build_stream(args: argparse.Namespace) -> dict[str, Any]:
    """``kg build --synthetic N``: records generated, written as N-Quads and bulk-loaded, streamed."""
    from kg.build import FromQuads, build
    from kg.rdf.synthetic import SyntheticGraph

    _remove_store(Path(args.store))
    started = time.perf_counter()
    quads = build(FromQuads(SyntheticGraph(args.triples, args.seed).quads()), Path(args.store)).quads
    return {"seconds": time.perf_counter() - started, "quads": quads}


def _remove_store(path: Path) -> None:
    for old in path.parent.glob(path.name + "*"):
        if old.is_symlink() or old.is_file():
            old.unlink()
        else:
            shutil.rmtree(old, ignore_errors=True)


def query_cases(summary: dict[str, Any]) -> list[tuple[str, str, dict[str, str]]]:
    """(label, query name, parameters as text) for every named query, hub variants included."""
    from kg.sparql.catalog import list_queries

    samples, names = summary["samples"], summary["names"]
    values = {
        "person": samples["mid_person"],
        "speaker": samples["hub_person"],
        "event": samples["series"],
        "organization": samples["university"],
        "needle": names["mid_person"],
        "class": "https://w3id.org/kg/ontology#Person",
        "talk": samples["talk"],
        "node": samples["mid_person"],
        "venue": "synthetic",
        "until": "9999",
    }
    cases = []
    for query in list_queries():
        params = {p.name: values[p.name] for p in query.params}
        cases.append((query.name, query.name, params))
        if any(p.kind == "person" for p in query.params):
            hub = {n: (samples["hub_person"] if n in ("person", "speaker") else v)
                   for n, v in params.items()}
            if hub != params:
                cases.append((f"{query.name} (hub)", query.name, hub))
    return cases


def step_queries(args: argparse.Namespace) -> dict[str, Any]:
    """p50/p95 of every named query on a built store, warm, in-process."""
    from kg.sparql.catalog import find_query
    from kg.sparql.resolver import bind_parameters
    from kg.store import LocalStore

    store = LocalStore.open_read_only(args.store)
    summary = json.loads(Path(args.summary).read_text())
    results = []
    for label, name, params in query_cases(summary):
        if args.only and label not in args.only:
            continue
        query = find_query(name)
        terms = bind_parameters(store, query, params.items()).terms
        runner: Callable[[], int]
        if "CONSTRUCT" in query.text:
            def runner(q: str = query.text) -> int:
                return len(store.construct(q))
        else:
            def runner(q: str = query.text, t: dict = terms) -> int:  # type: ignore[type-arg]
                return len(store.select(q, t).rows)
        times, rows = _timed_runs(runner, args.runs, args.budget)
        results.append({"label": label, "query": name, "params": params, "rows": rows,
                        "runs": len(times), "p50_ms": _percentile(times, 50) * 1000,
                        "p95_ms": _percentile(times, 95) * 1000})
    return {"queries": results}


def _timed_runs(runner: Callable[[], int], runs: int, budget_s: float) -> tuple[list[float], int]:
    """Time up to ``runs`` runs after one warm-up, stopping early once ``budget_s`` is spent."""
    started = time.perf_counter()
    rows = runner()
    warm_up = time.perf_counter() - started
    if warm_up > budget_s:
        return [warm_up], rows  # too slow to repeat: the one (cold) run is the figure
    times: list[float] = []
    spent = warm_up
    while len(times) < runs and (spent < budget_s or len(times) < 3):
        t = time.perf_counter()
        runner()
        times.append(time.perf_counter() - t)
        spent += times[-1]
    return times, rows


def _percentile(values: list[float], percent: float) -> float:
    """The nearest-rank percentile: the smallest value with ``percent`` % of values at or below."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, math.ceil(percent / 100 * len(ordered)) - 1))
    return ordered[rank]


def step_suggest(args: argparse.Namespace) -> dict[str, Any]:
    """``kg suggest`` for the busiest synthetic seminar series, through the library."""
    from kg.network.suggest import suggest
    from kg.store import LocalStore

    store = LocalStore.open_read_only(args.store)
    summary = json.loads(Path(args.summary).read_text())
    times = []
    candidates = considered = 0
    for _ in range(args.runs):
        started = time.perf_counter()
        answer = suggest(store, summary["samples"]["series"], top=10)
        times.append(time.perf_counter() - started)
        candidates, considered = len(answer.candidates), answer.considered
    return {"times": times, "candidates": candidates, "considered": considered,
            "event": summary["names"]["series"]}


STEPS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "synth": step_synth,
    "bulk-load": step_bulk_load,
    "build-nquads": step_build_nquads,
    "build-stream": step_build_stream,
    "queries": step_queries,
    "suggest": step_suggest,
}


def run_step(argv: list[str]) -> None:
    """Run one step in this process and print its result, with peak memory, as JSON."""
    parser = argparse.ArgumentParser(prog="bench/run.py step")
    parser.add_argument("name", choices=sorted(STEPS))
    parser.add_argument("--triples", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="bench/work")
    parser.add_argument("--file")
    parser.add_argument("--store")
    parser.add_argument("--summary")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds per query, at most")
    parser.add_argument("--only", nargs="*", help="only these cases: query names, or 'NAME (hub)'")
    args = parser.parse_args(argv)
    result = STEPS[args.name](args)
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))


# -- the driver --------------------------------------------------------------------------------


def spawn(step: list[str], timeout: float | None = None) -> dict[str, Any] | None:
    """Run ``bench/run.py step ...`` in a fresh process; its JSON result, ``None`` on timeout."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    command = [sys.executable, str(Path(__file__).resolve()), "step", *step]
    log(" ".join(["python bench/run.py step", *step]))
    try:
        done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        log(f"  timed out after {timeout:g} s")
        return None
    if done.returncode != 0:
        raise SystemExit(f"bench step failed: {' '.join(step)}\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    log(f"  {json.dumps(result)[:400]}")
    return result


def log(message: str) -> None:
    """Progress of the benchmark, on stderr."""
    print(f"[{datetime.now(UTC):%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def parse_size(text: str) -> int:
    """``1M`` → 1,000,000; ``250k`` → 250,000; plain numbers as they are."""
    match = re.fullmatch(r"\s*([0-9.]+)\s*([kKmM]?)\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1M or 250k")
    scale = {"": 1, "k": 1_000, "m": 1_000_000}[match.group(2).lower()]
    return int(float(match.group(1)) * scale)


def label(triples: int) -> str:
    """A short name for a size: 1M, 250k."""
    if triples % 1_000_000 == 0:
        return f"{triples // 1_000_000}M"
    if triples % 1_000 == 0:
        return f"{triples // 1_000}k"
    return str(triples)


def measured(triples: int, args: argparse.Namespace) -> dict[str, Any]:
    """The figures of one size: measured now, or with ``--reuse`` read from an earlier run."""
    saved = Path(args.work) / f"figures-{label(triples)}.json"
    if args.reuse and saved.exists():
        log(f"reusing {saved}")
        return json.loads(saved.read_text())
    figures = measure(triples, args)
    saved.write_text(json.dumps(figures, indent=1))
    return figures


def measure(triples: int, args: argparse.Namespace) -> dict[str, Any]:
    """Every figure for one size."""
    work = Path(args.work)
    size = label(triples)
    synth = spawn(["synth", "--triples", str(triples), "--seed", str(args.seed), "--out", str(work)])
    assert synth is not None
    nq, summary = synth["file"], str(Path(synth["file"]).with_suffix(".json"))
    stores = {
        "bulk-load": str(work / f"raw-{size}"),
        "build-nquads": str(work / f"store-{size}-nquads"),
        "build-stream": str(work / f"store-{size}"),
    }
    builds: dict[str, list[dict[str, Any]]] = {name: [] for name in BUILD_STEPS}
    for _ in range(args.build_repeats):
        for name in BUILD_STEPS:
            common = ["--store", stores[name], "--triples", str(triples), "--seed", str(args.seed)]
            result = spawn([name, *common, "--file", nq])
            assert result is not None
            builds[name].append(result)
    shutil.rmtree(stores["bulk-load"], ignore_errors=True)
    _remove_store(Path(stores["build-nquads"]))
    queries = measure_queries(stores["build-stream"], summary, args)
    suggestion = spawn(["suggest", "--store", stores["build-stream"], "--summary", summary,
                        "--runs", str(args.suggest_runs)], timeout=args.suggest_timeout)
    return {"size": size, "triples": triples, "synth": synth, "builds": builds,
            "queries": queries, "suggest": suggestion, "store": stores["build-stream"],
            "file": nq, "summary": summary}


def measure_queries(store: str, summary: str, args: argparse.Namespace) -> dict[str, Any]:
    """Every query case in its own process, so that a very slow one can be stopped."""
    results: list[dict[str, Any]] = []
    peak = 0.0
    for case, name, params in query_cases(json.loads(Path(summary).read_text())):
        if args.queries and name not in args.queries:
            continue
        step = ["queries", "--store", store, "--summary", summary, "--runs", str(args.runs),
                "--budget", str(args.budget), "--only", case]
        found = spawn(step, timeout=args.query_timeout)
        if found is None:
            results.append({"label": case, "query": name, "params": params, "rows": None,
                            "runs": 0, "p50_ms": None, "p95_ms": None,
                            "timeout_s": args.query_timeout})
            continue
        results.extend(found["queries"])
        peak = max(peak, found["peak_rss_mb"])
    return {"queries": results, "peak_rss_mb": peak}


# -- the report --------------------------------------------------------------------------------


def median_of(results: list[dict[str, Any]], key: str) -> float:
    """The median of one figure over repeated runs."""
    return statistics.median(r[key] for r in results)


def report(figures: list[dict[str, Any]], args: argparse.Namespace, started: float) -> str:
    """The markdown of this benchmark's section of BENCHMARKS.md."""
    lines = [
        "## Scale: build, queries, suggest (bench/run.py)",
        "",
        f"Run on {datetime.now(UTC):%Y-%m-%d} with `python bench/run.py --sizes "
        f"{','.join(f['size'] for f in figures)}` in {(time.perf_counter() - started) / 60:.0f} min: "
        f"Python {platform.python_version()}, {os.cpu_count()} cores, load average at the end "
        f"{os.getloadavg()[0]:.1f} (the machine is shared: other jobs ran at the same time, so "
        "compare figures of the same run, not across runs). Data: `kg synth` (seed "
        f"{args.seed}); commands run from the repository root with `PYTHONPATH=src`.",
        "",
        "### Data",
        "",
        "| size | quads | people | papers | talks | N-Quads file | generate (s) | command |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        s = f["synth"]
        lines.append(
            f"| {f['size']} | {s['quads']:,} | {s['people']:,} | {s['papers']:,} | {s['talks']:,} "
            f"| {s['bytes'] / 1e6:,.0f} MB | {s['seconds']:.1f} | "
            f"`kg synth --triples {f['size']} --out {args.work}` |"
        )
    lines += [
        "",
        "### Build throughput",
        "",
        "Median of the interleaved runs. The ratio is kg's throughput over Oxigraph's own bulk "
        "load of the same triples in the same run (goal: at least 0.7). kg's builds also load "
        "the ontology, compact the store (`optimize`) and swap it in atomically; the streaming "
        "build also generates the records and writes them as N-Quads text as it goes.",
        "",
        "| size | route | seconds | triples/s | ratio to bulk load | peak RSS | command |",
        "|---|---|---|---|---|---|---|",
    ]
    routes = {
        "bulk-load": ("Oxigraph `Store.bulk_load(path=…)`", "python bench/run.py step bulk-load "
                      "--file {file} --store /tmp/raw"),
        "build-nquads": ("`kg build --nquads FILE`", "kg --store /tmp/s build --nquads {file}"),
        "build-stream": ("`kg build --synthetic N` (records → triples → loader)",
                         "kg --store /tmp/s build --synthetic {size}"),
    }
    for f in figures:
        base = f["synth"]["quads"] / median_of(f["builds"]["bulk-load"], "seconds")
        for name in BUILD_STEPS:
            runs = f["builds"][name]
            seconds = median_of(runs, "seconds")
            rate = f["synth"]["quads"] / seconds
            title, command = routes[name]
            lines.append(
                f"| {f['size']} | {title} | {seconds:.1f} | {rate:,.0f} | {rate / base:.2f} | "
                f"{max(r['peak_rss_mb'] for r in runs):,.0f} MB | "
                f"`{command.format(file=f['file'], size=f['size'])}` |"
            )
    lines += [
        "",
        "Peak RSS is the whole process's. A streaming build holds one pipe buffer of N-Quads "
        "and the generator's few bytes per person beyond what Oxigraph's bulk loader itself "
        "uses: compare its rows with the bulk-load rows of the same size.",
    ]
    lines += _query_table(figures, args)
    lines += _suggest_table(figures, args)
    if len(figures) > 1:
        lines += _growth_table(figures)
    return "\n".join(lines) + "\n"


def _query_table(figures: list[dict[str, Any]], args: argparse.Namespace) -> list[str]:
    sizes = [f["size"] for f in figures]
    header = "| query | " + " | ".join(f"{s} p50 ms | {s} p95 ms | {s} rows" for s in sizes)
    lines = [
        "",
        "### Named queries",
        "",
        "Warm, in-process (`LocalStore.select`, parameters bound by `kg.store.bind`), after one "
        f"warm-up run; up to {args.runs} runs or about {args.budget:g} s per query, whichever "
        "comes first (a query slower than that ran once, cold; one that ran longer than "
        f"{args.query_timeout:g} s was stopped). Person parameters: a person with about "
        "ten papers; rows marked (hub): the most prolific author. Event: the seminar series "
        "with the most sessions. The command reruns one row.",
        "",
        header + " | command |",
        "|---|" + "---|---|---|" * len(sizes) + "---|",
    ]
    by_size = [{q["label"]: q for q in f["queries"]["queries"]} for f in figures]
    last = figures[-1]
    for name in by_size[0]:
        cells = []
        for table in by_size:
            q = table[name]
            if q["p50_ms"] is None:
                cells.append(f"> {q['timeout_s'] * 1000:,.0f} (stopped) | | ")
            else:
                cells.append(f"{q['p50_ms']:,.1f} | {q['p95_ms']:,.1f} | {q['rows']:,}")
        q = by_size[-1][name]
        params = " ".join(f"-p {k} '{v}'" for k, v in q["params"].items())
        command = f"kg --store {last['store']} query {q['query']} {params}".strip()
        lines.append(f"| {name} | " + " | ".join(cells) + f" | `{command}` |")
    lines.append("")
    lines.append("Peak RSS of the query processes (the largest over all queries, the graph-wide "
                 "ones included): " + ", ".join(
                     f"{f['size']}: {f['queries']['peak_rss_mb']:,.0f} MB" for f in figures) + ".")
    return lines


def _suggest_table(figures: list[dict[str, Any]], args: argparse.Namespace) -> list[str]:
    lines = [
        "",
        "### kg suggest",
        "",
        "`suggest(store, series, top=10)` through the library in a fresh process, median of "
        f"{args.suggest_runs} run(s), the first one cold (time limit {args.suggest_timeout:g} s "
        "unless the row says otherwise).",
        "",
        "| size | event | seconds | people considered | peak RSS | command |",
        "|---|---|---|---|---|---|",
    ]
    for f in figures:
        s = f["suggest"]
        summary = json.loads(Path(f["summary"]).read_text())
        command = f"kg --store {f['store']} suggest '{summary['names']['series']}'"
        if s is None or not s.get("times"):
            limit = (s or {}).get("limit_s", args.suggest_timeout)
            lines.append(f"| {f['size']} | {summary['names']['series']} | did not finish within "
                         f"{limit:g} s | | | `{command}` |")
            continue
        lines.append(
            f"| {f['size']} | {s['event']} | {statistics.median(s['times']):.1f} | "
            f"{s['considered']:,} | {s['peak_rss_mb']:,.0f} MB | `{command}` |"
        )
    return lines


def _growth_table(figures: list[dict[str, Any]]) -> list[str]:
    small, big = figures[0], figures[-1]
    factor = big["synth"]["quads"] / small["synth"]["quads"]
    lines = [
        "",
        f"### Growth from {small['size']} to {big['size']} ({factor:.1f}× the triples)",
        "",
        "Ratio of the larger figure to the smaller one; about "
        f"{factor:.0f} means linear growth, less means sub-linear.",
        "",
        "| figure | growth |",
        "|---|---|",
    ]
    for name in BUILD_STEPS:
        a = median_of(small["builds"][name], "seconds")
        b = median_of(big["builds"][name], "seconds")
        lines.append(f"| {name} time | {b / a:.1f}× |")
        ma = max(r["peak_rss_mb"] for r in small["builds"][name])
        mb = max(r["peak_rss_mb"] for r in big["builds"][name])
        lines.append(f"| {name} peak RSS | {mb / ma:.1f}× |")
    qa = {q["label"]: q for q in small["queries"]["queries"]}
    qb = {q["label"]: q for q in big["queries"]["queries"]}
    growth = sorted(((qb[k]["p50_ms"] / max(qa[k]["p50_ms"], 1e-3), k) for k in qa
                     if k in qb and qa[k]["p50_ms"] is not None and qb[k]["p50_ms"] is not None),
                    reverse=True)
    stopped = sorted(k for k in qb if qb[k]["p50_ms"] is None)
    median_growth = statistics.median(g for g, _ in growth)
    lines.append(f"| named queries p50, median over queries | {median_growth:.1f}× |")
    lines.append(f"| named queries p50, largest ({growth[0][1]}) | {growth[0][0]:.1f}× |")
    lines.append(f"| named queries p50, smallest ({growth[-1][1]}) | {growth[-1][0]:.1f}× |")
    if stopped:
        lines.append(f"| named queries stopped at {big['size']} (not in the ratios) | "
                     f"{', '.join(stopped)} |")
    lines.append(f"| query process peak RSS | "
                 f"{big['queries']['peak_rss_mb'] / small['queries']['peak_rss_mb']:.1f}× |")
    if (small["suggest"] or {}).get("times") and (big["suggest"] or {}).get("times"):
        ratio = statistics.median(big["suggest"]["times"]) / statistics.median(small["suggest"]["times"])
        lines.append(f"| kg suggest time | {ratio:.1f}× |")
    else:
        lines.append("| kg suggest time | not measured at both sizes (time limit) |")
    return lines


def write_section(path: Path, section: str, start: str = START, end: str = END) -> None:
    """Put ``section`` between the markers ``start`` and ``end`` in ``path``, leaving the rest alone."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"{start}\n{section}{end}"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> None:
    """``python bench/run.py [--sizes 1M,10M]``, or ``python bench/run.py step NAME ...``."""
    if argv[:1] == ["step"]:
        run_step(argv[1:])
        return
    sys.path.insert(0, str(ROOT / "src"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1M,10M", help="comma-separated sizes (default 1M,10M)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default="bench/work", help="where data and stores go")
    parser.add_argument("--runs", type=int, default=20, help="timed runs per query, at most")
    parser.add_argument("--budget", type=float, default=30.0, help="seconds per query, about")
    parser.add_argument("--build-repeats", type=int, default=1)
    parser.add_argument("--suggest-timeout", type=float, default=900.0)
    parser.add_argument("--suggest-runs", type=int, default=3)
    parser.add_argument("--query-timeout", type=float, default=300.0,
                        help="stop a query case (all its runs) after this many seconds")
    parser.add_argument("--queries", type=lambda text: text.split(","), default=None,
                        help="only these named queries, comma-separated (default: all)")
    parser.add_argument("--reuse", action="store_true",
                        help="take the figures of a size measured by an earlier run in --work")
    parser.add_argument("--output", default=str(ROOT / "BENCHMARKS.md"))
    args = parser.parse_args(argv)
    args.work = str(Path(args.work).resolve())
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    started = time.perf_counter()
    figures = [measured(n, args) for n in sizes]
    write_section(Path(args.output), report(figures, args, started).replace(f"{ROOT}/", ""))
    log(f"wrote {args.output}")


if __name__ == "__main__":
    main(sys.argv[1:])
