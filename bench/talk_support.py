"""Fit and score the support of talk readings (``kg.ingest.pages.support``) on the real pages.

Run from the repository root:

    PYTHONPATH=src python bench/talk_support.py               # fit on dev, score thresholds
    PYTHONPATH=src python bench/talk_support.py --cache /tmp/rows.json   # reuse the extraction

Every page is read once as ``kg ingest PAGE`` reads it, all talks kept (weak ones too). Each talk
of the development half is labelled right or spurious as ``bench/extract_real.py`` counts it
(spurious: no speaker and no title of the page's gold talks), described by ``support.evidence``,
and a logistic regression (scikit-learn, lbfgs, C=1, deterministic) is fitted on them: its weights
are printed next to the rounded ones ``support.WEIGHTS`` ships. Then, for each threshold, the talks
whose shipped support falls under it are left out and every half and list of new sites is scored
(talks, papers, spurious, kind right; only totals are printed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import extract_real as er  # noqa: E402


def read_all(corpus: Path, cache: Path | None) -> dict[str, Any]:
    """Every page's kind and talks (with their evidence and support) and papers, read once."""
    if cache is not None and cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    from kg.errors import KGError
    from kg.ingest.pages import support
    from kg.ingest.pages.blocks import layout
    from kg.ingest.pages.document import read_document
    from kg.ingest.pages.own_talks import page_title_of
    from kg.ingest.pages.pipeline import extract_file

    pages: dict[str, Any] = {}
    for gold in er.load_gold(corpus):
        try:
            found = extract_file(corpus / gold["file"])
        except KGError:
            pages[gold["file"]] = {"kind": "none", "talks": [], "papers": []}
            continue
        document = read_document(corpus / gold["file"])
        parts = layout(document)
        cells = [c for table in parts.tables for row in table.rows for c in row]
        shape = support.PageShape.of(found.talks, support.paper_list_lines([*parts.blocks, *cells],
                                                                           page_title_of(document)))
        talks = [{"speakers": [s.name for s in t.speakers], "title": t.title, "date": t.day,
                  "time": t.clock.strftime("%H:%M") if t.clock else None,
                  "affiliation": t.speakers[0].affiliation if t.speakers else None, "line": t.line,
                  "evidence": support.evidence(t, found.talks, shape),
                  "support": support.support(t, found.talks, shape)}
                 for t in found.talks]
        papers = [{"title": p.title, "authors": list(p.authors)} for p in found.papers]
        pages[gold["file"]] = {"kind": found.kind, "talks": talks, "papers": papers}
    if cache is not None:
        cache.write_text(json.dumps(pages), encoding="utf-8")
    return pages


def rows_of(page: dict[str, Any], below: float) -> tuple[str, list[er.Talk], list[er.Paper]]:
    talks = [er.Talk(t["speakers"], t["title"], t["date"], t["time"], t["affiliation"], t["line"])
             for t in page["talks"] if t["support"] >= below]
    return page["kind"], talks, [er.Paper(p["title"], p["authors"]) for p in page["papers"]]


def spurious_talk(gold: dict[str, Any], talk: dict[str, Any]) -> bool:
    """Whether a talk shares neither a speaker nor a title with the page's gold talks."""
    names = [n for t in gold["talks"] for n in t["speakers"]]
    titles = [t["title"] for t in gold["talks"] if t["title"]]
    return not any(er.same_name(g, s) for g in names for s in talk["speakers"]) and not any(
        er.same_title(g, talk["title"]) for g in titles)


def fit(corpus: Path, pages: dict[str, Any]) -> dict[str, float]:
    """The logistic regression's weights (and bias) on the development half's talks."""
    from sklearn.linear_model import LogisticRegression

    features: list[list[float]] = []
    right: list[int] = []
    names: list[str] = []
    for gold in er.load_gold(corpus):
        if er.half_of(gold["file"].split("/")[0]) != "dev":
            continue
        for talk in pages[gold["file"]]["talks"]:
            names = sorted(talk["evidence"])
            features.append([talk["evidence"][n] for n in names])
            right.append(int(not spurious_talk(gold, talk)))
    model = LogisticRegression(C=1.0, max_iter=1000).fit(features, right)
    return {"bias": float(model.intercept_[0]), **dict(zip(names, map(float, model.coef_[0]), strict=True))}


def score(corpus: Path, pages: dict[str, Any], below: float) -> dict[str, er.Counts]:
    """Counts of every half and list of new sites with the talks under ``below`` left out."""
    lists = er.fresh_site_lists(corpus)
    totals: dict[str, er.Counts] = defaultdict(er.Counts)
    for gold in er.load_gold(corpus):
        site = gold["file"].split("/")[0]
        counts = er.score_page(gold, *rows_of(pages[gold["file"]], below))
        for row in [er.half_of(site), *(row for row, sites in lists.items() if site in sites)]:
            totals[row].add(counts)
    return totals


def _3(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=er.CORPUS)
    parser.add_argument("--cache", type=Path, help="a JSON file to keep the extraction in")
    parser.add_argument("--below", type=float, action="append", help="thresholds (repeatable)")
    args = parser.parse_args(argv)
    from kg.ingest.pages import support

    pages = read_all(args.corpus, args.cache)
    fitted = fit(args.corpus, pages)
    print("weight | fitted on dev | shipped")
    print(f"bias | {fitted['bias']:.2f} | {support.BIAS:.2f}")
    for name, weight in support.WEIGHTS.items():
        print(f"{name} | {fitted[name]:.2f} | {weight:.2f}")
    print("\n| left out under | row | talks | papers | spurious | kind right |\n|---|---|---|---|---|---|")
    for below in args.below or [0.0, 0.3, support.ABSTAIN_BELOW, 0.6]:
        for row, counts in sorted(score(args.corpus, pages, below).items()):
            print(f"| {below:.2f} | {row} | {_3(counts.ratio('talks'))} | "
                  f"{_3(counts.ratio('papers'))} | {_3(counts.spurious_share)} | "
                  f"{counts.kind_right / counts.pages:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
