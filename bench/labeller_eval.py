"""Measure the learned labeller (``bench/page_labeller.py``) alone and beside the rule readers.

Run from the repository root:

    PYTHONPATH=src python bench/labeller_eval.py                # trains the model, then scores
    PYTHONPATH=src python bench/labeller_eval.py --model /tmp/labeller_model.json --cache /tmp/rules.pickle

Each page is read by ``extract_file`` (the rule readers, as ``kg ingest PAGE``: "rules") and by
``page_labeller.learned_talks`` on its own blocks ("alone"). The combinations are scored the same
way as ``bench/extract_real.py`` (same matching, same halves and lists of blind sites):

- ``fill``: the labeller's talks on a page where the rules find no talk and no paper;
- ``add``: the rules' talks, and the labeller's whose speaker no rule talk names;
- ``add-titled@C``: those of them with a title and a confidence of at least C;
- ``add-dated@C``: those with a title, a date and a confidence of at least C;
- ``richer@R``: the labeller's reading of the page instead of the rules' when it holds R times as many
  talks with a title and a date (a page-level arbiter);
- ``fields``: the rules' talks, a missing title or date taken from the labeller's talk of the
  same speaker.

Only totals are printed: the blind rows must not be read talk by talk.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_real import (  # noqa: E402
    CORPUS,
    Counts,
    Talk,
    extracted_rows,
    fold,
    fresh_site_lists,
    halves,
    load_gold,
    score_page,
    summary,
)

VARIANTS = ("rules", "alone", "fill", "add", "add-titled@0.4", "add-dated@0.3", "richer@2.0", "fields")


def rule_rows(corpus: Path, gold_lines: list[dict[str, Any]], cache: Path | None) -> dict[str, Any]:
    """What the rule readers extract from each page, cached on disk."""
    if cache is not None and cache.exists():
        with cache.open("rb") as stream:
            loaded: dict[str, Any] = pickle.load(stream)
        return loaded
    rows = {g["file"]: extracted_rows(corpus / g["file"]) for g in gold_lines}
    if cache is not None:
        with cache.open("wb") as stream:
            pickle.dump(rows, stream)
    return rows


def learned_rows(path: Path, model: dict[str, Any]) -> list[Talk]:
    """The labeller's talks on one page, as the scorer reads them."""
    from page_labeller import learned_talks

    from kg.ingest.pages.blocks import layout
    from kg.ingest.pages.document import read_document
    from kg.ingest.pages.extract import day_first

    try:
        document = read_document(path)
    except Exception:  # noqa: BLE001 - a page the reader refuses: nothing learned either
        return []
    talks = learned_talks(layout(document), model, day_first(document.source))
    return [Talk([s.name for s in t.speakers], t.title, t.day, t.clock.strftime("%H:%M") if t.clock else None,
                 None, t.confidence) for t in talks]  # the line's place holds the confidence


def combined(variant: str, rules: list[Talk], papers: int, learned: list[Talk]) -> list[Talk]:
    """The talks of one page under one way of using the labeller (see the module's list)."""
    name, _, value = variant.partition("@")
    complete = [t for t in learned if t.title and t.date]
    if name == "rules":
        return rules
    if name == "alone":
        return learned
    if name == "fill":
        return learned if not rules and not papers else rules
    if name == "richer":
        ruled = [t for t in rules if t.title and t.date]
        return complete if len(complete) >= 2 and len(complete) > float(value) * len(ruled) and not papers \
            else rules
    if name == "fields":
        by_speaker = {fold(t.speakers[0]): t for t in learned if t.speakers}
        filled = []
        for talk in rules:
            other = by_speaker.get(fold(talk.speakers[0])) if talk.speakers else None
            if other is not None and (not talk.title and other.title or not talk.date and other.date):
                talk = Talk(talk.speakers, talk.title or other.title, talk.date or other.date,
                            talk.time or (other.time if not talk.date else None), talk.affiliation, talk.line)
            filled.append(talk)
        return filled
    named = {fold(s) for t in rules for s in t.speakers}
    least = float(value or 0)
    return rules + [t for t in learned if not any(fold(s) in named for s in t.speakers)
                    and (t.line or 0) >= least  # the row's line holds the labeller's confidence
                    and (t.title or name == "add") and (t.date or name != "add-dated")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--cache", type=Path, default=None, help="the rules' rows, kept between runs")
    parser.add_argument("--model", type=Path, default=None, help="a model from train_labeller.py")
    args = parser.parse_args(argv)
    from train_labeller import trained_model

    model = json.loads(args.model.read_text(encoding="utf-8")) if args.model else trained_model(args.corpus)
    gold_lines = load_gold(args.corpus)
    rules = rule_rows(args.corpus, gold_lines, args.cache)
    results: dict[str, dict[str, Any]] = {}
    learned, reading = {}, []
    for gold in gold_lines:
        start = time.perf_counter()
        learned[gold["file"]] = learned_rows(args.corpus / gold["file"], model)
        reading.append(time.perf_counter() - start)
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
        whole = {"kinds": per_kind, "sites": per_site, "times": [], "site_kinds": site_kinds,
                 "site_times": site_times}
        results[variant] = halves(whole, fresh_site_lists(args.corpus))
    print("| variant | half | talks | talks (site mean) | date-time | papers | spurious | "
          "spurious (site mean) |")
    print("|---|---|---|---|---|---|---|---|")
    for half in ("dev", "check", "new sites 4", "new sites 5", "all"):
        for variant in VARIANTS:
            f = summary(results[variant][half])
            print(f"| {variant} | {half} | {f['talks']:.3f} | {f['talks_sites']:.3f} | {f['datetime']:.3f} | "
                  f"{f['papers']:.3f} | {f['spurious']:.3f} | {f['spurious_sites']:.3f} |")
    print(f"\nlabeller (page read included): median {statistics.median(reading):.3f} s/page, "
          f"max {max(reading):.3f} s; model: {len(model['weights'])} weighted features")
    return 0


if __name__ == "__main__":
    sys.exit(main())
