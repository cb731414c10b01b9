"""Train the learned line labeller (``bench/page_labeller.py``) on the development half's gold.

Run from the repository root:

    PYTHONPATH=src python bench/train_labeller.py --output /tmp/labeller_model.json
    PYTHONPATH=src python bench/train_labeller.py --check     # and score the check half's pieces

The pages are those of ``tests/data/pages/real`` whose site is in the development half
(``extract_real.half_of``) and in none of the lists of blind sites (``fresh-sites*.txt``): the
check half and every blind list stay unseen. Each candidate piece of a page's blocks is labelled
from the page's gold by string match: ``speaker`` when it is a gold speaker's name (folded equal,
or a fuzzy ratio >= 90), ``title`` when it is a gold title (ratio >= 90), ``other`` otherwise.
A multinomial logistic regression (scikit-learn, lbfgs, fixed settings: deterministic) is fitted on
their features; its weights (rounded, near-zero ones dropped), the pages and the commit are written
as JSON, which ``page_labeller.probabilities`` reads without scikit-learn. ``bench/labeller_eval.py``
trains the same model in memory when it is given none.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_real import CORPUS, ROOT, fold, fresh_site_lists, half_of, load_gold  # noqa: E402

MODEL = Path(tempfile.gettempdir()) / "kg-labeller-model.json"


def training_pages(corpus: Path, half: str = "dev") -> list[dict[str, Any]]:
    """The gold lines of the development half (or the check half, to score), blind sites left out."""
    blind = set().union(*fresh_site_lists(corpus).values())
    return [g for g in load_gold(corpus)
            if half_of(g["file"].split("/")[0]) == half and g["file"].split("/")[0] not in blind]


def piece_report(corpus: Path, model: dict[str, Any], least: float) -> str:
    """Precision and recall of the speaker and title pieces of the check half (blind sites left out),
    a piece taken for its likeliest label when that label's probability is at least ``least``."""
    from page_labeller import probabilities

    rows, labels = examples(corpus, training_pages(corpus, "check"))
    lines = []
    for label in ("speaker", "title"):
        hit = said = 0
        for features, wanted in zip(rows, labels, strict=True):
            probs = probabilities(features, model)
            chosen = max(probs, key=probs.__getitem__)
            if chosen == label and probs[label] >= least:
                said += 1
                hit += wanted == label
        total = labels.count(label)
        lines.append(f"{label}: precision {hit / max(said, 1):.2f}, recall {hit / max(total, 1):.2f} "
                     f"({total} pieces, at p >= {least})")
    return "\n".join(lines)


def label_of(text: str, speakers: list[str], titles: list[str]) -> str:
    """The label a piece's text gets from a page's gold."""
    from kg.ingest.pages.fields import strip_honorifics

    folded = fold(strip_honorifics(text.strip("\"“”«» ")))
    if folded and len(folded) <= 60 and any(folded == s or fuzz.ratio(folded, s) >= 90 for s in speakers):
        return "speaker"
    if len(folded) >= 4 and any(fuzz.ratio(folded, t) >= 90 for t in titles):
        return "title"
    return "other"


def examples(corpus: Path, gold_lines: list[dict[str, Any]]) -> tuple[list[dict[str, float]], list[str]]:
    """Features and labels of every candidate piece of the pages."""
    from page_labeller import labelled_pieces

    from kg.ingest.pages.blocks import layout
    from kg.ingest.pages.document import read_document

    rows, labels = [], []
    for gold in gold_lines:
        try:
            document = read_document(corpus / gold["file"])
        except Exception:  # noqa: BLE001 - a page the reader refuses teaches nothing
            continue
        speakers = [fold(s) for t in gold["talks"] for s in t["speakers"]]
        titles = [fold(t["title"]) for t in gold["talks"] if t["title"]]
        for piece, features in labelled_pieces(layout(document)):
            rows.append(features)
            labels.append(label_of(piece.text, speakers, titles))
    return rows, labels


def train(rows: list[dict[str, float]], labels: list[str], c: float = 0.03) -> dict[str, Any]:
    """A multinomial logistic regression as a JSON-ready dict of weights per feature."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(matrix, labels)
    order = [list(model.classes_).index(label) for label in ("speaker", "title", "other")]
    weights = {}
    for j, name in enumerate(vectorizer.get_feature_names_out()):
        row = [round(float(model.coef_[i, j]), 4) for i in order]
        if any(abs(w) >= 1e-3 for w in row):
            weights[str(name)] = row
    return {"labels": ["speaker", "title", "other"],
            "intercept": [round(float(model.intercept_[i]), 4) for i in order], "weights": weights}


def trained_model(corpus: Path = CORPUS, c: float = 0.03) -> dict[str, Any]:
    """The model trained on the development half of ``corpus``, with its source recorded."""
    gold_lines = training_pages(corpus)
    rows, labels = examples(corpus, gold_lines)
    model = train(rows, labels, c)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                            check=False).stdout.strip()
    model["source"] = {"trained_by": "bench/train_labeller.py", "commit": commit, "c": c,
                       "pieces": len(rows), "labels": {k: labels.count(k) for k in ("speaker", "title")},
                       "pages": sorted(g["file"] for g in gold_lines)}
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--output", type=Path, default=MODEL)
    parser.add_argument("--c", type=float, default=0.03, help="inverse regularisation strength")
    parser.add_argument("--check", action="store_true", help="score the check half's pieces")
    args = parser.parse_args(argv)
    model = trained_model(args.corpus, args.c)
    if args.check:
        for least in (0.0, 0.85):
            print(piece_report(args.corpus, model, least))
    gold_lines, rows = model["source"]["pages"], model["source"]["pieces"]
    args.output.write_text(json.dumps(model, indent=0, sort_keys=True, ensure_ascii=False) + "\n",
                           encoding="utf-8")
    print(f"{len(gold_lines)} pages, {rows} pieces, {model['source']['labels']} → {args.output}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
