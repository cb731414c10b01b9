"""Compare the readers of a page's repeated units on the real corpus: the shape families
(``kg.ingest.pages.shapes``) alone, the sibling units (``kg.ingest.pages.units``) alone, and the
whole extractor, scored on the gold talks with ``extract_real``'s matching.

Run from the repository root:

    PYTHONPATH=src python bench/shape_families.py --half dev
    PYTHONPATH=src python bench/shape_families.py --half check --fresh "new sites 5"   # totals only
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_real import (  # noqa: E402
    CORPUS,
    Counts,
    Talk,
    extracted_rows,
    fresh_site_lists,
    half_of,
    load_gold,
    score_page,
)

from kg.ingest.pages.document import read_document  # noqa: E402
from kg.ingest.pages.extract import day_first  # noqa: E402
from kg.ingest.pages.shapes import families  # noqa: E402
from kg.ingest.pages.units import repeated_units  # noqa: E402


def _talk(fields, line=None) -> Talk:  # type: ignore[no-untyped-def]
    return Talk([p.name for p in fields.speakers], fields.title,
                 fields.date.iso() if fields.date else None,
                 fields.time.strftime("%H:%M") if fields.time else None,
                 fields.speakers[0].affiliation if fields.speakers else None, line)


def readings(path: Path) -> dict[str, list[Talk]]:
    """The talks each reader finds on one page."""
    document = read_document(path)
    first = day_first(document.source)
    shaped = [_talk(r.fields) for f in families(document.root, first) for r in f.records]
    units = [_talk(u.fields, u.line) for u in repeated_units(document, first)]
    _, whole, _, _ = extracted_rows(path)
    return {"shapes": shaped, "units": units, "extractor": whole}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--half", choices=("all", "dev", "check"), default="dev")
    parser.add_argument("--fresh", help="only the sites of this list of blind sites ('new sites 5')")
    parser.add_argument("--show", type=int, default=0,
                        help="show N pages where the readers differ (dev only)")
    args = parser.parse_args(argv)
    chosen = fresh_site_lists(args.corpus).get(args.fresh) if args.fresh else None
    totals = {name: Counts() for name in ("shapes", "units", "extractor")}
    shown = 0
    for gold in load_gold(args.corpus):
        site = gold["file"].split("/")[0]
        if chosen is not None and site not in chosen:
            continue
        if chosen is None and args.half != "all" and half_of(site) != args.half:
            continue
        if not gold["talks"]:
            continue
        found = readings(args.corpus / gold["file"])
        scored = {}
        for name, talks in found.items():
            counts = score_page({**gold, "papers": []}, gold["kind"], talks, [])
            totals[name].add(counts)
            scored[name] = counts
        differ = scored["shapes"].values["talks"][0] != scored["extractor"].values["talks"][0]
        if args.show and shown < args.show and len(gold["talks"]) >= 3 and args.half == "dev" \
                and chosen is None and differ:
            shown += 1
            print(f"{gold['file']}: talks shapes {scored['shapes'].values['talks']} units "
                  f"{scored['units'].values['talks']} extractor {scored['extractor'].values['talks']}; "
                  f"spurious {scored['shapes'].spurious}/{len(found['shapes'])}")
    print("| reader | gold talks | talks found | recall | extracted | spurious | spurious share |")
    print("|---|---|---|---|---|---|---|")
    for name, counts in totals.items():
        hit, total = counts.values["talks"]
        print(f"| {name} | {total} | {hit} | {hit / max(total, 1):.2f} | {counts.extracted} | "
              f"{counts.spurious} | {counts.spurious / max(counts.extracted, 1):.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
