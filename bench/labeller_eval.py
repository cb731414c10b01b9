"""Measure the learned labeller (``kg.ingest.pages.labeller``) alone and beside the rule readers.

Run from the repository root:

    PYTHONPATH=src python bench/labeller_eval.py                # rules / alone / combined, per half
    PYTHONPATH=src python bench/labeller_eval.py --cache /tmp/rules.pickle   # reuse the rules' rows

Each page is read by ``extract_file`` with the labeller's hook off (the rule readers: "rules"), and by
``labeller.learned_talks`` on its own blocks ("alone"). The combinations are scored the same way as
``bench/extract_real.py`` (same matching, same halves and lists of blind sites):

- ``fill``: the labeller's talks on a page where the rules find no talk and no paper;
- ``fill-few``: the labeller's talks where the rules find fewer than half as many talks as it does;
- ``add``: the rules' talks, and the labeller's whose speaker no rule talk names (sure ones only).

Only totals are printed: the blind rows must not be read talk by talk.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_real import (  # noqa: E402
    CORPUS, Counts, Talk, extracted_rows, fold, fresh_site_lists, halves, load_gold, score_page, summary)

VARIANTS = ("rules", "alone", "fill", "fill-few", "add")


def rule_rows(corpus: Path, gold_lines: list[dict[str, Any]], cache: Path | None) -> dict[str, Any]:
    """What the rule readers extract from each page (the labeller's hook off), cached on disk."""
    from kg.ingest.pages import extract

    if cache is not None and cache.exists():
        with cache.open("rb") as stream:
            loaded: dict[str, Any] = pickle.load(stream)
        return loaded
    hook, extract.LEARNED_READER = extract.LEARNED_READER, False
    try:
        rows = {g["file"]: extracted_rows(corpus / g["file"]) for g in gold_lines}
    finally:
        extract.LEARNED_READER = hook
    if cache is not None:
        with cache.open("wb") as stream:
            pickle.dump(rows, stream)
    return rows


def learned_rows(path: Path) -> list[Talk]:
    """The labeller's talks on one page, as the scorer reads them."""
    from kg.ingest.pages.blocks import layout
    from kg.ingest.pages.document import read_document
    from kg.ingest.pages.extract import day_first
    from kg.ingest.pages.labeller import learned_talks

    try:
        document = read_document(path)
    except Exception:  # noqa: BLE001 - a page the reader refuses: nothing learned either
        return []
    talks = learned_talks(layout(document), day_first(document.source))
    return [Talk([s.name for s in t.speakers], t.title, t.day, t.clock.strftime("%H:%M") if t.clock else None,
                 None, t.line) for t in talks]


def combined(variant: str, rules: list[Talk], papers: int, learned: list[Talk]) -> list[Talk]:
    """The talks of one page under one way of using the labeller."""
    if variant == "rules":
        return rules
    if variant == "alone":
        return learned
    if variant == "fill":
        return learned if not rules and not papers else rules
    if variant == "fill-few":
        return learned if len(rules) < 0.5 * len(learned) and not papers else rules
    named = {fold(s) for t in rules for s in t.speakers}
    return rules + [t for t in learned if not any(fold(s) in named for s in t.speakers)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args(argv)
    gold_lines = load_gold(args.corpus)
    rules = rule_rows(args.corpus, gold_lines, args.cache)
    results: dict[str, dict[str, Any]] = {}
    learned = {g["file"]: learned_rows(args.corpus / g["file"]) for g in gold_lines}
    for variant in VARIANTS:
        per_kind: dict[str, Counts] = defaultdict(Counts)
        per_site: dict[str, Counts] = defaultdict(Counts)
        site_kinds: dict[str, dict[str, Counts]] = defaultdict(lambda: defaultdict(Counts))
        site_times: dict[str, list[float]] = defaultdict(list)
        for gold in gold_lines:
            site = gold["file"].split("/")[0]
            kind, talks, papers, seconds = rules[gold["file"]]
            talks = combined(variant, talks, len(papers), learned[gold["file"]])
            counts = score_page(gold, kind, talks, papers)
            per_kind[gold["kind"]].add(counts)
            per_site[site].add(counts)
            site_kinds[gold["kind"]][site].add(counts)
            site_times[site].append(seconds)
        results[variant] = halves({"kinds": per_kind, "sites": per_site, "times": [], "site_kinds": site_kinds,
                                   "site_times": site_times}, fresh_site_lists(args.corpus))
    print("| variant | half | talks | talks (site mean) | date-time | papers | spurious | spurious (site mean) |")
    print("|---|---|---|---|---|---|---|---|")
    for half in ("dev", "check", "new sites 4", "new sites 5", "all"):
        for variant in VARIANTS:
            f = summary(results[variant][half])
            print(f"| {variant} | {half} | {f['talks']:.3f} | {f['talks_sites']:.3f} | {f['datetime']:.3f} | "
                  f"{f['papers']:.3f} | {f['spurious']:.3f} | {f['spurious_sites']:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
