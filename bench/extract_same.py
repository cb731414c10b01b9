"""Whether a change to the page extractors leaves every page's extraction as it was, and what it costs.

Run from the repository root, once before a change and once after:

    PYTHONPATH=src python bench/extract_same.py --out /tmp/before.jsonl
    PYTHONPATH=src python bench/extract_same.py --out /tmp/after.jsonl --compare /tmp/before.jsonl

Every page of the corpus (``tests/data/pages/real``, all of ``gold.jsonl``) goes through
``extract_file`` and ``support.kept``, as ``kg ingest PAGE`` takes it; its kind, talks and papers are
written as one JSON line with the seconds it took. ``--compare`` prints the pages whose extraction
differs from an earlier run and the seconds per page of both runs; ``--calls NAME`` (repeatable)
also counts the calls of the functions of that name under a profiler, a measure of cost that the
load of a shared machine does not blur as it blurs the seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "pages" / "real"


def extractions(corpus: Path, profile: cProfile.Profile | None = None) -> list[dict[str, object]]:
    """Each page's extraction as plain data (kind, talks, papers as their reprs) and its seconds."""
    from kg.errors import KGError
    from kg.ingest.pages.pipeline import extract_file
    from kg.ingest.pages.support import kept

    rows: list[dict[str, object]] = []
    with (corpus / "gold.jsonl").open(encoding="utf-8") as stream:
        files = [json.loads(line)["file"] for line in stream if line.strip()]
    for name in files:
        start = time.perf_counter()
        if profile is not None:
            profile.enable()
        try:
            page = kept(extract_file(corpus / name))
            row: dict[str, object] = {"kind": page.kind, "talks": [repr(t) for t in page.talks],
                                      "papers": [repr(p) for p in page.papers]}
        except KGError as error:
            row = {"error": str(error)}
        finally:
            if profile is not None:
                profile.disable()
        row["file"], row["seconds"] = name, time.perf_counter() - start
        rows.append(row)
    return rows


def differing(before: list[dict[str, object]], after: list[dict[str, object]]) -> list[str]:
    """The pages whose extraction differs between two runs (seconds left out)."""
    def strip(row: dict[str, object]) -> dict[str, object]:
        return {k: v for k, v in row.items() if k != "seconds"}
    old = {str(r["file"]): strip(r) for r in before}
    return sorted(str(r["file"]) for r in after if old.get(str(r["file"])) != strip(r))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, required=True, help="the JSON lines file this run writes")
    parser.add_argument("--compare", type=Path, help="an earlier run's file to compare with")
    parser.add_argument("--calls", action="append", default=[], metavar="NAME",
                        help="count the calls of the functions of this name (repeatable)")
    args = parser.parse_args(argv)
    profile = cProfile.Profile() if args.calls else None
    rows = extractions(args.corpus, profile)
    with args.out.open("w", encoding="utf-8") as stream:
        stream.writelines(json.dumps(row) + "\n" for row in rows)
    seconds = [float(r["seconds"]) for r in rows]  # type: ignore[arg-type]
    print(f"{len(rows)} pages, median {statistics.median(seconds):.4f} s/page, total {sum(seconds):.1f} s")
    if profile is not None:
        stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
        for name in args.calls:
            calls = sum(value[1] for key, value in stats.items() if key[2] == name)
            print(f"calls of {name}: {calls}")
    if args.compare:
        with args.compare.open(encoding="utf-8") as stream:
            before = [json.loads(line) for line in stream if line.strip()]
        old = [float(r["seconds"]) for r in before]
        changed = differing(before, rows)
        print(f"before: median {statistics.median(old):.4f} s/page, total {sum(old):.1f} s")
        print(f"{len(changed)} of {len(rows)} pages differ" + "".join(f"\n  {name}" for name in changed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
