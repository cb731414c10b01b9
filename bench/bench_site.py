"""How long ``kg site`` takes, how much memory it needs and how big the site is, at two sizes.

1. The bundled data (``data/``: the seed documents and COLT 2011-2024).
2. The same plus a real field's bibliography given on the command line (``ml-venues``: NeurIPS,
   ICML, ICLR, AISTATS and UAI 2013-2021, about 40,000 people): its ``.bib.gz`` and ``.csv.gz``
   are decompressed into a temporary copy of ``data/`` and registered there with ``kg ingest``,
   as a user would, then the store is built and the site written.

Each ``kg`` command runs in its own process under ``/usr/bin/time``, so the figures are the
command's own wall time and peak resident memory. Prints Markdown for BENCHMARKS.md.

    python bench/bench_site.py [--ml-venues /work/shared/data/ml-venues] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(*args: str, cwd: Path) -> tuple[float, float, str]:
    """Run ``kg ARGS`` in ``cwd``; seconds, peak RSS in MB and its stderr."""
    command = ["/usr/bin/time", "-f", "TIME %e %M", sys.executable, "-m", "kg", *args]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"kg {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    line = [x for x in done.stderr.splitlines() if x.startswith("TIME ")][-1]
    _, seconds, kilobytes = line.split()
    return float(seconds), int(kilobytes) / 1024, done.stderr


def site_sizes(site: Path) -> list[str]:
    """A Markdown table of the site's pages by kind: count, median and largest size."""
    sizes: dict[str, list[int]] = defaultdict(list)
    for path in site.rglob("*"):
        if path.is_file():
            kind = path.parent.name if path.parent != site else path.name
            sizes[kind].append(path.stat().st_size)
    lines = ["| part | files | total MB | median KB | largest KB |", "|---|---|---|---|---|"]
    for kind in sorted(sizes, key=lambda k: -sum(sizes[k])):
        values = sizes[kind]
        lines.append(f"| {kind} | {len(values):,} | {sum(values) / 1e6:,.1f} | "
                     f"{statistics.median(values) / 1e3:,.1f} | {max(values) / 1e3:,.1f} |")
    return lines


def measure(data: Path, work: Path, label: str) -> list[str]:
    """Build the store from ``data`` and write its site; the report's lines."""
    store, site = work / "store", work / "site"
    build_s, build_mb, _ = timed("--store", str(store), "build", "--data", str(data), cwd=work)
    site_s, site_mb, err = timed("--store", str(store), "site", "--out", str(site), cwd=work)
    wrote = [x for x in err.splitlines() if x.startswith("Wrote")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    people = len(list((site / "person").glob("*.html")))
    return [
        f"**{label}**: {people:,} people. `kg build` {build_s:,.1f} s (peak {build_mb:,.0f} MB); "
        f"`kg site` {site_s:,.1f} s, peak {site_mb:,.0f} MB, {total / 1e6:,.1f} MB on disk. "
        f"{wrote[-1] if wrote else ''}",
        "",
        *site_sizes(site),
        "",
        *open_times(site),
        "",
    ]


def open_times(site: Path) -> list[str]:
    """Milliseconds until pages are ready in headless Chromium (no network): median of three loads."""
    from playwright.sync_api import sync_playwright

    people = sorted((site / "person").glob("*.html"), key=lambda p: p.stat().st_size)
    chosen = {"home": site / "index.html", "coauthor network": site / "coauthors.html",
              "median person page": people[len(people) // 2], "largest person page": people[-1],
              "search for 'rene vidal'": site / "search.html"}
    lines = ["| page | size KB | ready ms (median of 3) |", "|---|---|---|"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                      else route.abort())
        for name, path in chosen.items():
            times = []
            for _ in range(3):
                page = context.new_page()
                page.goto(path.as_uri() + ("?q=rene%20vidal" if "search" in name else ""))
                if page.query_selector("#graph, #search-results"):
                    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=120_000)
                times.append(page.evaluate("performance.now()"))
                page.close()
            lines.append(f"| {name} ({path.relative_to(site)}) | {path.stat().st_size / 1e3:,.0f} | "
                         f"{statistics.median(times):,.0f} |")
        browser.close()
    return lines


def ml_venues_data(source: Path, work: Path) -> Path:
    """A copy of data/ with the ml-venues bibliography and authorship table registered by ``kg ingest``."""
    data = work / "data"
    shutil.copytree(ROOT / "data", data)
    plain = work / "downloads"
    plain.mkdir()
    files = []
    for packed in sorted(source.glob("*.gz")):
        target = plain / packed.name.removesuffix(".gz")
        with gzip.open(packed, "rb") as stream, target.open("wb") as out:
            shutil.copyfileobj(stream, out)
        files.append(str(target))
    # The authorship table first: it gives every author in order with the affiliation printed.
    files.sort(key=lambda f: not f.endswith(".csv"))
    seconds, megabytes, _ = timed("--store", str(work / "store"), "ingest", "--no-build", "--data",
                                  str(data), *files, cwd=work)
    print(f"kg ingest of {len(files)} files: {seconds:,.1f} s, peak {megabytes:,.0f} MB", file=sys.stderr)
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ml-venues", type=Path, help="folder with ml-venues-*.bib.gz and *.csv.gz")
    parser.add_argument("--keep", type=Path, help="work here and keep the stores and sites")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-site-"))
    work.mkdir(parents=True, exist_ok=True)
    (work / "bundled").mkdir(exist_ok=True)
    lines = measure(ROOT / "data", work / "bundled", "Bundled data (seed documents + COLT 2011-2024)")
    if args.ml_venues:
        (work / "ml").mkdir(exist_ok=True)
        data = ml_venues_data(args.ml_venues, work / "ml")
        lines += measure(data, work / "ml", "Bundled data + ml-venues 2013-2021")
    print("\n".join(lines))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
