"""How big the ``kg viz`` pages are and how fast they settle in Debian's headless Chromium.

Builds the seed graph (the five documents) and the COLT graph (the seed documents plus COLT
2011-2024) in a temporary folder, runs ``kg viz all`` on each (timed), then opens every page in
``/usr/bin/chromium`` (headless, no network) several times and reads ``kgView.readyAt``: the
milliseconds from navigation start until the layout has settled and the physics is off. Prints
Markdown tables for BENCHMARKS.md.

    python bench/bench_viz.py [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from kg.build import build_folder
from kg.sparql.catalog import find_query
from kg.store import LocalStore
from kg.views.render import read_entry

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND"]


def draw_all(store: Path, out: Path) -> float:
    """Seconds ``kg viz all`` takes on ``store``, writing into ``out``."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "kg", "--store", str(store), "viz", "all", "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"kg viz all failed on {store}:\n{done.stderr}")
    return time.perf_counter() - started


def ego_query_ms(store: Path, nodes: dict[str, str], runs: int = 20) -> list[str]:
    """Median milliseconds of one ``graph_node_links`` query (an ego-graph step) per node."""
    import pyoxigraph as ox

    opened = LocalStore.open_read_only(store)
    text = find_query("graph_node_links").text
    lines = []
    for name, iri in nodes.items():
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            rows = opened.select(text, {"node": ox.NamedNode(iri)}).values()
            times.append((time.perf_counter() - started) * 1000)
        lines.append(f"- `graph_node_links` for {name}: {len(rows)} rows, "
                     f"{statistics.median(times):.1f} ms (median of {runs})")
    return lines


EGO_NODES = {
    "a person (Sanjeev Arora)": "https://w3id.org/kg/id/person/sanjeev-arora",
    "a paper": "https://w3id.org/kg/id/paper/2017-generalization-and-equilibrium-in-gans",
}


def settle_times(browser: Browser, page_path: Path, runs: int) -> list[float]:
    """Milliseconds from navigation to a settled page, once per run, each in a fresh page."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                  else route.abort())
    times = []
    for _ in range(runs):
        page = context.new_page()
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=120_000)
        times.append(float(page.evaluate("kgView.readyAt")))
        page.close()
    context.close()
    return times


def measure(name: str, store: Path, out: Path, browser: Browser, runs: int) -> list[str]:
    """Markdown lines for one graph: the time to draw every page, then one row per page kind."""
    seconds = draw_all(store, out)
    pages = sorted(p for p in out.glob("*.html") if p.name != "index.html")
    rows = []
    for path in pages:
        entry = read_entry(path)
        assert entry is not None
        times = settle_times(browser, path, runs)
        rows.append((path.stem, entry.nodes, entry.edges, path.stat().st_size, statistics.median(times)))
    total = sum(r[3] for r in rows)
    lines = [
        f"**{name}**: `kg viz all` wrote {len(rows)} pages ({total / 1e6:.1f} MB) in {seconds:.1f} s; "
        f"settle time median of {runs} loads per page.",
        "",
        "| page kind | pages | nodes (max) | links (max) | size KB (max) | settled ms (median of pages) "
        "| settled ms (max) |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in ("coauthors", "person", "event", "lineage", "suggest"):
        chosen = [r for r in rows if r[0] == kind or r[0].startswith(kind + "-")]
        if not chosen:
            continue
        lines.append(
            f"| {kind} | {len(chosen)} | {max(r[1] for r in chosen)} | {max(r[2] for r in chosen)} | "
            f"{max(r[3] for r in chosen) / 1024:,.0f} | {statistics.median(r[4] for r in chosen):,.0f} | "
            f"{max(r[4] for r in chosen):,.0f} |"
        )
    return lines


def main() -> None:
    """Build both graphs, draw them, time them in Chromium, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="loads of each page")
    parser.add_argument("--keep", type=Path, help="folder to keep stores and pages in")
    options = parser.parse_args()
    work = options.keep or Path(tempfile.mkdtemp(prefix="bench-viz-"))
    graphs = {"Seed graph": False, "COLT graph": True}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        print(f"Chromium {browser.version}, {options.runs} loads per page\n")
        for name, imports in graphs.items():
            slug = name.split()[0].lower()
            store = work / f"{slug}-store"
            if not store.exists():
                build_folder(ROOT / "data", store, imports=imports)
            print("\n".join(measure(name, store, work / f"{slug}-viz", browser, options.runs)))
            print()
            if imports:
                print("\n".join(ego_query_ms(store, EGO_NODES)))
                print()
        browser.close()


if __name__ == "__main__":
    main()
