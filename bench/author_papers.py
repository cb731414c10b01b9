"""Score publication lists alone: paper recall and spurious papers on the corpus's author pages.

Run from the repository root:

    PYTHONPATH=src python bench/author_papers.py                      # figures per half and blind list
    PYTHONPATH=src python bench/author_papers.py --show-misses dev    # and the misses of one group

The pages are those whose gold kind is ``author_page``, read as ``kg ingest PAGE`` reads them
(``bench/extract_real.py``'s scorer, so the figures agree with its author-page row). Groups: the
development and check halves (by site), and each list of sites collected blind (``new sites``...).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_real import CORPUS, Counts, extracted_rows, fresh_site_lists, half_of, load_gold, score_page  # noqa: E402


def score(corpus: Path = CORPUS,
          show: tuple[str, ...] = ()) -> tuple[dict[str, Counts], dict[str, list[str]]]:
    """Counts of the author pages per group (``dev``, ``check``, ``new sites``...), and the misses of
    the groups in ``show``."""
    fresh = fresh_site_lists(corpus)
    groups: dict[str, Counts] = defaultdict(Counts)
    misses: dict[str, list[str]] = defaultdict(list)
    for gold in load_gold(corpus):
        if gold["kind"] != "author_page":
            continue
        site = gold["file"].split("/")[0]
        kind, _talks, papers, _ = extracted_rows(corpus / gold["file"])
        found: list[str] = []
        counts = score_page({**gold, "talks": []}, kind, [], papers, found)
        for name in [half_of(site)] + [row for row, sites in fresh.items() if site in sites]:
            groups[name].add(counts)
            if name in show:
                misses[name].extend(found)
    return {name: groups[name] for name in ["dev", "check", *fresh]}, misses


def figures(groups: dict[str, Counts]) -> dict[str, tuple[float, float]]:
    """Paper recall and the share of spurious papers, per group."""
    return {name: (c.values["papers"][0] / c.values["papers"][1] if c.values["papers"][1] else 0.0,
                   c.spurious / c.extracted if c.extracted else 0.0) for name, c in groups.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show-misses", action="append", default=[], metavar="GROUP",
                        help="print the misses of this group (dev, check, 'new sites 6'...)")
    args = parser.parse_args(argv)
    groups, misses = score(args.corpus, tuple(args.show_misses))
    ratios = figures(groups)
    print("| group | pages | gold papers | papers | extracted | spurious |")
    print("|---|---|---|---|---|---|")
    for name, c in groups.items():
        recall, spurious = ratios[name]
        print(f"| {name} | {c.pages} | {c.values['papers'][1]} | {recall:.2f} | {c.extracted} "
              f"| {spurious:.2f} |")
    for name in args.show_misses:
        print(f"\n## misses of {name}")
        print("\n".join(misses[name]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
