"""How well `kg suggest` finds the next speakers of real seminars: recall@10/50/200 and MRR.

Not a test: it prints the Markdown table of README.md ("How good are the suggestions") and
BENCHMARKS.md. It assembles the field in a scratch folder and measures there:

1. a copy of `data/` (the seed documents and COLT 2011-2024);
2. the ML-venues bibliography (NeurIPS, ICML, ICLR, AISTATS, UAI 2013-2021), gunzipped from the
   folder given with `--ml-venues`, taken in with `kg ingest`;
3. each real history of `tests/data/histories/*.json` written as an iCalendar file (one event
   per talk: the date at noon UTC, the title, "Speaker: Name (Affiliation)", and an ORGANIZER
   for each of the history's `organizers_by_middle`: the organizers its pages show at work by
   the middle of the history, where the evaluation cuts it) and taken in with `kg ingest`, so the
   series reaches the store the way any calendar does;
4. with `--other-series`, the speaker circuit: the real pages of other series, workshops
   and programmes of `tests/data/pages/real/` (those SOURCES.tsv lists), taken in with `kg ingest`
   as a user would ingest the pages of the other series they know, so who gave invited talks
   elsewhere, and when, is in the field. Every page of the sixteen histories' own sites is left
   out (`own_sites`: the hosts and repositories of their pages and sources, and the folders their
   `files` name), so no series' own later talks come in through another door; a talk the
   extractor gives no full date counts as of no day (the index never knows an undated talk);
5. `kg build` (which derives the graph index), then `kg evaluate-suggest` on every series: the
   cutoff is the day by which half of its talks were given, everything later is hidden.

The series are split in two: those looked at while the ranking was developed (`DEVELOPMENT`) and
those it was only checked on afterwards (`CHECK`); the table gives the average of each.

    python bench/suggest_real.py --ml-venues ../shared/data/ml-venues --work /tmp/kg-real
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import shutil
import subprocess
import sys
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HISTORIES = ROOT / "tests" / "data" / "histories"
PAGES = ROOT / "tests" / "data" / "pages" / "real"
# Which list a history joins is decided when it is added, before any figure on it is seen.
DEVELOPMENT = ("nyu-mad-seminar", "ucla-scai-ml-seminar", "mcgill-statistics-seminar",
               "uq-data-science-seminar", "automl-seminars", "stanford-rain-seminar",
               "boston-data-privacy-seminar")
CHECK = ("nyu-madplus-seminar", "mtl-mlopt-seminar", "tuw-ml-research-seminar", "uva-ml-seminar",
         "s3-paris-saclay-signal-seminar", "stat-learning-seminars", "gp-seminar-series",
         "ens-data-science-colloquium", "modl-collaboration-meeting")
KS = (10, 50, 200)


def calendar(history: dict, stem: str) -> bytes:
    """A history as an iCalendar file that `kg ingest` reads as a seminar series."""
    from icalendar import Calendar, Event, vCalAddress

    cal = Calendar()
    cal.add("prodid", "-//kg//real seminar histories//EN")
    cal.add("version", "2.0")
    cal.add("X-WR-CALNAME", history["series"])
    cal.add("X-WR-TIMEZONE", "UTC")
    for number, talk in enumerate(history["talks"], start=1):
        event = Event()
        event.add("uid", f"{stem}-{number:04d}@kg-histories")
        event.add("dtstart", datetime.fromisoformat(talk["date"] + "T12:00:00+00:00"))
        event.add("summary", talk["title"] or "TBA")
        where = f" ({talk['affiliation']})" if talk.get("affiliation") else ""
        event.add("description", "Speaker: " + " and ".join(talk["speakers"]) + where)
        for organizer in history.get("organizers_by_middle", ()):
            address = vCalAddress(f"mailto:{stem}@kg-histories.invalid")
            address.params["cn"] = organizer
            event.add("organizer", address)
        cal.add_component(event)
    return cal.to_ical()


BAD_ESCAPE = re.compile(r"https?://[^\s'\"]*%(?![0-9A-Fa-f]{2})")
"""A link with a '%' not followed by two hex digits (a truncated link): not a valid IRI."""
HOST = re.compile(r"https?://([^/\s)]+)|\(((?:[\w-]+\.)+[a-z]{2,})\)", re.IGNORECASE)


def _hosts(text: str) -> set[str]:
    """The host names a site column or a history's `site` mentions (`www.` dropped)."""
    return {(url or bare).lower().removeprefix("www.") for url, bare in HOST.findall(text or "")}


def _sources(folder: Path) -> list[dict[str, str]]:
    """The rows of a folder's SOURCES.tsv (file, site, repo, ...)."""
    with (folder / "SOURCES.tsv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


def own_sites(histories: list[dict]) -> tuple[set[str], set[str], set[str]]:
    """The hosts, repositories and page folders of the histories' own sites.

    Taken from each history's `site`, and from the SOURCES.tsv rows of the files it was read
    from (in the page corpus or beside the histories): a page of any of them may hold the
    series' own later talks.
    """
    named = {name for history in histories for name in history.get("files", ())}
    rows = [row for folder in (PAGES, HISTORIES / "sources") for row in _sources(folder)
            if row["file"] in named]
    hosts = {host for history in histories for host in _hosts(history.get("site", ""))}
    hosts |= {host for row in rows for host in _hosts(row["site"])}
    repos = {row["repo"].lower() for row in rows if row.get("repo")}
    folders = {name.split("/", 1)[0] for name in named}
    return hosts, repos, folders


def other_series_files(histories: list[dict]) -> list[Path]:
    """The files of the real page corpus that belong to none of the histories' sites."""
    hosts, repos, folders = own_sites(histories)
    files = []
    for row in _sources(PAGES):
        if (row["file"].split("/", 1)[0] in folders or row.get("repo", "").lower() in repos
                or _hosts(row["site"]) & hosts):
            continue
        if (PAGES / row["file"]).is_file():
            files.append(PAGES / row["file"])
    return files


def other_series_pages(histories: list[dict]) -> list[Path]:
    """Those of ``other_series_files`` that `kg ingest` takes as pages and can read."""
    return [path for path in other_series_files(histories) if _is_page(path)]


def _is_page(path: Path) -> bool:
    """Whether `kg ingest` takes the file as a web page (not configuration, nor a page that
    starts like a bibliography) and can turn it into records: a page whose records the
    extractor cannot build (it stops the whole ingest) is left out and named on stderr."""
    sys.path.insert(0, str(ROOT / "src"))  # this checkout's kg, as the commands run below
    from kg.errors import DataError
    from kg.ingest.detect import PAGE, detect_kind
    from kg.ingest.pages.pipeline import extract_file
    from kg.ingest.pages.records import to_records

    try:
        if detect_kind(path) != PAGE:
            return False
        extracted = extract_file(path)
        records = to_records(extracted, path.name, _seed_folder().dataset, _seed_folder().aliases)
        if BAD_ESCAPE.search(repr(records)):  # an IRI the store refuses stops the whole build
            print(f"{path}: left out, a link in it has a broken %-escape", file=sys.stderr)
            return False
    except DataError:
        return False
    except Exception as exc:  # noqa: BLE001 - an extractor bug in one page must not stop the field
        print(f"{path}: left out, the extractor fails on it: {type(exc).__name__}", file=sys.stderr)
        return False
    return True


@cache
def _seed_folder() -> Any:
    """The repository's data folder (a ``DataFolder``), read once: what the pages' names are
    resolved against when they are checked."""
    from kg.records.folder import read_data_folder

    return read_data_folder(ROOT / "data")


def kg(*args: str, partial: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the kg command line of this checkout; with ``partial``, exit code 1 (some files not
    ingested, the others in) is accepted and its lines are passed on to stderr."""
    done = subprocess.run([sys.executable, "-m", "kg", *args], check=False, text=True,
                          capture_output=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    lines = done.stderr.splitlines()
    skipped = [line for line in lines if line.startswith(("Not ingested: ", "Error: "))]
    if (partial and done.returncode == 1 and skipped and "Traceback" not in done.stderr
            and all(f" {PAGES}/" in line for line in skipped)):
        print(f"{len(skipped)} pages not ingested (no talk or paper found in them)", file=sys.stderr)
    elif done.returncode:
        sys.stderr.write(done.stderr)
        raise subprocess.CalledProcessError(done.returncode, done.args, done.stdout, done.stderr)
    return done


def assemble(ml_venues: Path, work: Path, circuit: bool = False) -> Path:
    """The data folder and store of the field with the histories (and, with ``circuit``, the
    talks of the other series' pages); returns the store path."""
    if work.exists():
        shutil.rmtree(work)
    data, store, inbox = work / "data", work / "store", work / "inbox"
    shutil.copytree(ROOT / "data", data)
    inbox.mkdir(parents=True)
    bulk = []
    for packed in sorted(ml_venues.glob("*.gz")):
        plain = inbox / packed.name.removesuffix(".gz")
        with gzip.open(packed, "rb") as source, plain.open("wb") as target:
            shutil.copyfileobj(source, target)
        bulk.append(str(plain))
    calendars, histories = [], []
    for path in sorted(HISTORIES.glob("*.json")):
        target = inbox / f"{path.stem}.ics"
        histories.append(json.loads(path.read_text(encoding="utf-8")))
        target.write_bytes(calendar(histories[-1], path.stem))
        calendars.append(str(target))
    pages = [str(path) for path in other_series_pages(histories)] if circuit else []
    kg("--store", str(store), "ingest", "--data", str(data), *bulk, *calendars, *pages, partial=bool(pages))
    return store


def evaluate(store: Path, stems: tuple[str, ...]) -> list[dict]:
    """`kg evaluate-suggest` on the series made from the given histories, as JSON rows."""
    iris = [f"https://w3id.org/kg/id/event/{stem}" for stem in stems]
    args = ["--store", str(store), "evaluate-suggest", *iris, "--format", "json"]
    for k in KS:
        args += ["--k", str(k)]
    return json.loads(kg(*args).stdout)["results"]


def of_known(row: dict, k: int) -> float:
    """recall@k counted among the later speakers the field knew on the cutoff day (the findable
    ones: nobody else can be ranked), as a series of ML theory, whose speakers mostly publish
    at the venues of the field, would be measured."""
    return row["recall"][str(k)] * row["laterSpeakers"] / row["known"] if row["known"] else 0.0


def table(rows: list[dict], title: str) -> list[str]:
    """Markdown rows: one per series (suggest and the best baseline), then the averages."""
    methods = []
    for row in rows:
        if row["method"] not in methods:
            methods.append(row["method"])
    lines = [f"**{title}**", "",
             "| series | cutoff | past / later (known) speakers | method | recall@10 | recall@50 "
             "| recall@200 | MRR | of the known: recall@50 | @200 |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        lines.append(f"| {row['name']} | {row['cutoff']} | {row['pastSpeakers']} / {row['laterSpeakers']} "
                     f"({row['known']}) | {row['method']} | " + " | ".join(
                         f"{row['recall'][str(k)]:.3f}" for k in KS) + f" | {row['mrr']:.4f} | "
                     + " | ".join(f"{of_known(row, k):.3f}" for k in (50, 200)) + " |")
    count = len({r["series"] for r in rows})
    for method in methods:
        mine = [r for r in rows if r["method"] == method]
        averages = [sum(r["recall"][str(k)] for r in mine) / len(mine) for k in KS]
        mrr = sum(r["mrr"] for r in mine) / len(mine)
        known = [sum(of_known(r, k) for r in mine) / len(mine) for k in (50, 200)]
        lines.append(f"| **average of {count}** | | | **{method}** | " + " | ".join(
            f"**{a:.3f}**" for a in averages) + f" | **{mrr:.4f}** | " + " | ".join(
            f"**{a:.3f}**" for a in known) + " |")
    return lines


def main() -> None:
    """Parse the options, assemble the field, evaluate, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ml-venues", type=Path, required=True,
                        help="the folder with ml-venues-2013-2021*.gz")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-real"), help="scratch folder")
    parser.add_argument("--reuse", action="store_true", help="use the store already in --work")
    parser.add_argument("--other-series", action="store_true",
                        help="also ingest the real pages of other series (the speaker circuit, round 9)")
    options = parser.parse_args()
    store = options.work / "store" if options.reuse else assemble(
        options.ml_venues, options.work, circuit=options.other_series)
    for title, stems in (("Series used while developing", DEVELOPMENT),
                         ("Series only checked afterwards", CHECK)):
        print("\n".join(table(evaluate(store, stems), title)) + "\n")


if __name__ == "__main__":
    main()
