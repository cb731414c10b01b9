"""Score page extraction on the real pages in tests/data/pages/real against their hand-checked gold.

Run from the repository root:

    PYTHONPATH=src python bench/extract_real.py                 # all pages, both halves
    PYTHONPATH=src python bench/extract_real.py --write         # and write the table to BENCHMARKS.md
    PYTHONPATH=src python bench/extract_real.py --half dev --show-misses 30

Every page goes through ``extract_file`` with no kind given, as ``kg ingest PAGE`` does, and the
talks it reads too weakly (``pages.support``) are left out, as ``kg ingest`` leaves them. The sites
(the corpus's top folders) are split once into a development half and a check half by a hash of
their name (``half_of``): the extractor is tuned on the development half only, and the check half
estimates how it does on sites nobody looked at. The sites listed in ``fresh-sites.txt`` were
collected blind during the extractor's third round and measured once it was done, those in
``fresh-sites-2.txt`` during the fourth, those in ``fresh-sites-3.txt`` during the fifth, those in
``fresh-sites-4.txt`` during the seventh, those in ``fresh-sites-5.txt`` during the eighth, those in
``fresh-sites-6.txt`` during the ninth, those in ``fresh-sites-7.txt`` during the tenth, those in
``fresh-sites-8.txt`` during the eleventh, those in ``fresh-sites-9.txt`` during the twelfth, those in
``fresh-sites-10.txt`` during the thirteenth, those in ``fresh-sites-11.txt`` during the
fourteenth, those in ``fresh-sites-12.txt`` during the fifteenth, those in ``fresh-sites-13.txt``
during the sixteenth, those in ``fresh-sites-14.txt`` during the seventeenth, those in
``fresh-sites-15.txt`` during the eighteenth; they join the halves
by the same rule and are also shown as rows of their own ("new sites", "new sites 2", "new sites 3",
"new sites 4", "new sites 5", "new sites 6", "new sites 7", "new sites 8", "new sites 9", "new sites
10", "new sites 11", "new sites 12", "new sites 13", "new sites 14", "new sites 15").

Matching: text is compared after folding case, accents, punctuation and spaces. A gold talk is
found when an extracted talk has one of its speakers (same name, or a fuzzy ratio >= 90) and the
same title (rapidfuzz ratio >= 85), or both titles are null. Date-time: of the gold talks with a
date or a time, those found with the same date (``YYYY-MM-DD``, ``--MM-DD``, ``YYYY-MM`` or ``YYYY``
as the gold writes it) and the same start time. Affiliation: of the gold talks with one, those
found with the first speaker's affiliation (partial ratio >= 85). A gold paper is found when an
extracted paper has its title (ratio >= 85) and its authors in order (each name matching, or
the last names equal); a gold paper without authors needs the title only. Spurious: extracted
talks that share neither a speaker nor a title with any gold talk of the page, and extracted
papers whose title matches no gold paper, as a share of all extracted rows.

Figures are given per kind (pooled over pages) and macro-averaged over sites (each site's own
ratio, then the mean over sites), so that a few big sites do not decide the result.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "pages" / "real"
KINDS = ("seminar_page", "event_page", "talk_listing", "meeting_programme", "author_page", "none")
METRICS = ("talks", "datetime", "affiliation", "papers", "unnamed")
START, END = "<!-- bench/extract_real.py:start -->", "<!-- bench/extract_real.py:end -->"


def fold(text: str | None) -> str:
    """Case, accents, punctuation and spaces folded away."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text)).strip()


def half_of(site: str) -> str:
    """``dev`` or ``check``: a fixed split of the sites by a hash of the site's name."""
    return "dev" if hashlib.sha1(site.encode()).digest()[0] % 2 == 0 else "check"


def same_name(a: str, b: str) -> bool:
    """Whether two printed names are one person's (folded equal, fuzzy, or initial + last name)."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb or fuzz.ratio(fa, fb) >= 90:
        return True
    wa, wb = fa.split(), fb.split()
    return wa[-1] == wb[-1] and wa[0][0] == wb[0][0] if len(wa) > 1 and len(wb) > 1 else False


def same_title(a: str | None, b: str | None) -> bool:
    """Whether two titles are one (rapidfuzz ratio >= 85 once folded); two nulls are the same."""
    if not a or not b:
        return not a and not b
    return fuzz.ratio(fold(a), fold(b)) >= 85


def same_affiliation(gold: str, found: str | None) -> bool:
    """Whether an extracted affiliation states the gold one."""
    return bool(found) and fuzz.partial_ratio(fold(gold), fold(found)) >= 85


@dataclass
class Counts:
    """Hits and totals of one page, one site or one kind."""

    values: dict[str, list[int]] = field(default_factory=lambda: {m: [0, 0] for m in METRICS})
    extracted: int = 0
    spurious: int = 0
    seconds: float = 0.0
    pages: int = 0
    kind_right: int = 0
    same_records: int = 0
    """Pages whose detected kind files their talks as their gold kind would (``filed_under``)."""
    detected: dict[str, int] = field(default_factory=dict)
    """How many of the pages were detected as each kind ("none": nothing extracted)."""
    when_causes: dict[str, int] = field(default_factory=dict)
    """Why gold talks with a date or time missed it (``when_cause``), the talk itself not found included."""

    def add(self, other: Counts) -> None:
        for metric in METRICS:
            for i in (0, 1):
                self.values[metric][i] += other.values[metric][i]
        self.extracted += other.extracted
        self.spurious += other.spurious
        self.seconds += other.seconds
        self.pages += other.pages
        self.kind_right += other.kind_right
        self.same_records += other.same_records
        for kind, n in other.detected.items():
            self.detected[kind] = self.detected.get(kind, 0) + n
        for cause, n in other.when_causes.items():
            self.when_causes[cause] = self.when_causes.get(cause, 0) + n

    def ratio(self, metric: str) -> float | None:
        hit, total = self.values[metric]
        return hit / total if total else None

    @property
    def spurious_share(self) -> float | None:
        return self.spurious / self.extracted if self.extracted else None


@dataclass
class Talk:
    speakers: list[str]
    title: str | None
    date: str | None
    time: str | None
    affiliation: str | None
    line: int | None = None


@dataclass
class Paper:
    title: str
    authors: list[str]
    line: int | None = None


def extracted_rows(path: Path) -> tuple[str, list[Talk], list[Paper], float]:
    """What ``kg ingest PAGE`` extracts from a page: kind, talks, papers, and the seconds it took."""
    from kg.errors import KGError
    from kg.ingest.pages.pipeline import extract_file
    from kg.ingest.pages.support import kept

    start = time.perf_counter()
    try:
        page = kept(extract_file(path))  # the talks kg ingest takes: weakly supported ones stay out
    except KGError:
        return "none", [], [], time.perf_counter() - start
    seconds = time.perf_counter() - start
    talks = [Talk([s.name for s in t.speakers], t.title, t.day,
                  t.clock.strftime("%H:%M") if t.clock else None,
                  t.speakers[0].affiliation if t.speakers else None, t.line) for t in page.talks]
    papers = [Paper(p.title, list(p.authors), p.line) for p in page.papers]
    return page.kind, talks, papers, seconds


def filed_under(kind: str, talks: int, wanted: bool = False) -> str:
    """What ingesting a page of ``kind`` with ``talks`` talks files them under, which is what a kind
    costs when it is wrong: nothing; one talk's day ("one talk": an event page); a meeting (a
    programme); a series and its days (a seminar page, a listing, an author's page: these three
    write the same records, and the gold splits pages of one shape between them). ``wanted``: as
    the gold kind asks, an event page of several talks being a meeting's (a workshop's day)."""
    if kind == "none" or not talks:
        return "nothing"
    if kind == "meeting_programme" or (wanted and kind == "event_page" and talks > 1):
        return "meeting"
    return "one talk" if kind == "event_page" and talks == 1 else "series and days"


def score_page(gold: dict[str, Any], kind: str, talks: list[Talk], papers: list[Paper],
               misses: list[str] | None = None) -> Counts:
    """Hits and totals of one page."""
    counts = Counts(pages=1, extracted=len(talks) + len(papers))
    counts.kind_right = int(kind == gold["kind"] or (gold["kind"] == "none" and not talks and not papers))
    counts.detected = {kind if talks or papers else "none": 1}
    counts.same_records = int(filed_under(kind, len(talks)) == filed_under(gold["kind"], len(gold["talks"]),
                                                                            wanted=True))
    free = list(talks)
    for wanted in gold["talks"]:
        match = _closest(wanted, [t for t in free if any(same_name(g, s) for g in wanted["speakers"]
                                                          for s in t.speakers)
                                  and same_title(wanted["title"], t.title)])
        if not wanted["speakers"]:
            match = _closest(wanted, [t for t in free if same_title(wanted["title"], t.title) and t.title])
        counts.values["talks"][1] += 1
        if not wanted["speakers"]:  # a talk the page gives without its speaker's name
            counts.values["unnamed"][1] += 1
            counts.values["unnamed"][0] += match is not None
        if match is not None:
            free.remove(match)
            counts.values["talks"][0] += 1
        elif misses is not None:
            near = next((t for t in talks if any(same_name(g, s) for g in wanted["speakers"]
                                                 for s in t.speakers)), None)
            misses.append(f"{gold['file']}:{wanted['line']}: talk {wanted['speakers']} {wanted['title']!r}"
                          + (f" ~ got title {near.title!r}" if near else " (speaker not found)"))
        if wanted["date"] or wanted["time"]:
            counts.values["datetime"][1] += 1
            cause = when_cause(wanted["date"], wanted["time"], match)
            counts.when_causes[cause] = counts.when_causes.get(cause, 0) + 1
            if match is not None and (not wanted["date"] or match.date == wanted["date"]) and (
                    not wanted["time"] or match.time == wanted["time"]):
                counts.values["datetime"][0] += 1
            elif misses is not None and match is not None:
                misses.append(f"{gold['file']}:{wanted['line']}: when {wanted['date']} {wanted['time']}"
                              f" ~ got {match.date} {match.time} ({cause})")
        if wanted["affiliation"]:
            counts.values["affiliation"][1] += 1
            if match is not None and same_affiliation(wanted["affiliation"], match.affiliation):
                counts.values["affiliation"][0] += 1
    free_papers = list(papers)
    for wanted in gold["papers"]:
        counts.values["papers"][1] += 1
        match = next((p for p in free_papers if same_title(wanted["title"], p.title) and _same_authors(
            wanted["authors"], p.authors)), None)
        if match is not None:
            free_papers.remove(match)
            counts.values["papers"][0] += 1
        elif misses is not None:
            near = next((p for p in papers if same_title(wanted["title"], p.title)), None)
            misses.append(f"{gold['file']}:{wanted['line']}: paper {wanted['title']!r}"
                          + (f" ~ authors {near.authors} vs {wanted['authors']}" if near else " (not found)"))
    gold_names = [n for t in gold["talks"] for n in t["speakers"]]
    gold_titles = [t["title"] for t in gold["talks"] if t["title"]]
    for talk in talks:
        if not any(same_name(g, s) for g in gold_names for s in talk.speakers) and not any(
                same_title(g, talk.title) for g in gold_titles):
            counts.spurious += 1
            if misses is not None:
                misses.append(f"{gold['file']}:{talk.line}: spurious talk {talk.speakers} {talk.title!r}")
    gold_paper_titles = [p["title"] for p in gold["papers"]]
    for paper in papers:
        if not any(same_title(g, paper.title) for g in gold_paper_titles) and not any(
                same_title(g, paper.title) for g in gold_titles):
            counts.spurious += 1
            if misses is not None:
                misses.append(f"{gold['file']}:{paper.line}: spurious paper {paper.title!r}")
    return counts


def _closest(wanted: dict[str, Any], candidates: list[Talk]) -> Talk | None:
    """Of the extracted talks that match a gold talk by speaker and title (a talk given several times,
    a personal list whose titles are left empty), the one with the gold's day and time, else its day,
    else the first: a repeated talk is paired with its own entry, not with the first of its kind."""
    def agreement(talk: Talk) -> int:
        day = bool(wanted["date"]) and talk.date == wanted["date"]
        return 2 * day + (day and bool(wanted["time"]) and talk.time == wanted["time"])

    return max(candidates, key=agreement, default=None)  # max keeps the first of equals


WHEN_CAUSES = ("right", "talk not found", "no date", "year only", "year missing", "wrong year",
               "day and month swapped", "wrong day", "no time", "wrong time")
"""The causes ``when_cause`` tells apart, in the order the bench prints them."""


def when_cause(date_: str | None, time_: str | None, found: Talk | None) -> str:
    """Why a found talk's date and time differ from the gold's ("right" when they do not)."""
    if found is None:
        return "talk not found"
    if date_ and found.date != date_:
        got = found.date or ""
        if not got:
            return "no date"
        if len(got) == 4 and len(date_) > 4 and date_.startswith(got):
            return "year only"
        if got.startswith("--") and date_.endswith(got[1:]):
            return "year missing"
        if got[4:] == date_[4:] and len(got) == len(date_):
            return "wrong year"
        if len(got) == len(date_) == 10 and got[:4] == date_[:4] and got[5:7] == date_[8:] \
                and got[8:] == date_[5:7]:
            return "day and month swapped"
        return "wrong day"
    if time_ and found.time != time_:
        return "no time" if not found.time else "wrong time"
    return "right"


def causes_table(results: dict[str, dict[str, Any]]) -> str:
    """Gold talks with a date or time, per row, by why their date-time was missed."""
    lines = ["| half | " + " | ".join(WHEN_CAUSES) + " |", "|" + "---|" * (len(WHEN_CAUSES) + 1)]
    for half, result in results.items():
        pooled = Counts()
        for counts in result["sites"].values():
            pooled.add(counts)
        cells = " | ".join(str(pooled.when_causes.get(c, 0)) for c in WHEN_CAUSES)
        lines.append(f"| {half} | {cells} |")
    return "\n".join(lines)


def _same_authors(gold: list[str], found: list[str]) -> bool:
    if not gold:
        return True
    if len(gold) != len(found):
        return False
    return all(same_name(g, f) or (fold(g).split() or [""])[-1] == (fold(f).split() or [""])[-1]
               or _apa(g, f) for g, f in zip(gold, found, strict=True))


def _apa(gold: str, found: str) -> bool:
    """"Truong, C." and "C. Truong" name one author."""
    parts = [p.strip() for p in gold.split(",")]
    return len(parts) == 2 and fold(parts[0]) in fold(found).split()


def load_gold(corpus: Path) -> list[dict[str, Any]]:
    """The gold lines of the corpus."""
    with (corpus / "gold.jsonl").open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def run(corpus: Path, half: str = "all", misses: list[str] | None = None,
        sites: set[str] | None = None, gold_kind: str | None = None,
        pages: dict[str, Counts] | None = None) -> dict[str, Any]:
    """Score every page of the chosen half: counts per kind, per site, and the page times."""
    per_kind: dict[str, Counts] = defaultdict(Counts)
    per_site: dict[str, Counts] = defaultdict(Counts)
    site_kinds: dict[str, dict[str, Counts]] = defaultdict(lambda: defaultdict(Counts))
    site_times: dict[str, list[float]] = defaultdict(list)
    times: list[float] = []
    extracted_rows(corpus / load_gold(corpus)[0]["file"])  # imports and caches out of the timing
    for gold in load_gold(corpus):
        site = gold["file"].split("/")[0]
        if (half != "all" and half_of(site) != half) or (sites and site not in sites) or (
                gold_kind and gold["kind"] != gold_kind):
            continue
        kind, talks, papers, seconds = extracted_rows(corpus / gold["file"])
        counts = score_page(gold, kind, talks, papers, misses)
        counts.seconds = seconds
        if pages is not None:
            pages[gold["file"]] = counts
        times.append(seconds)
        site_times[site].append(seconds)
        per_kind[gold["kind"]].add(counts)
        per_site[site].add(counts)
        site_kinds[gold["kind"]][site].add(counts)
    return {"kinds": per_kind, "sites": per_site, "times": times, "site_kinds": site_kinds,
            "site_times": site_times}


FRESH_LISTS = {"new sites": "fresh-sites.txt", "new sites 2": "fresh-sites-2.txt",
               "new sites 3": "fresh-sites-3.txt", "new sites 4": "fresh-sites-4.txt",
               "new sites 5": "fresh-sites-5.txt", "new sites 6": "fresh-sites-6.txt",
               "new sites 7": "fresh-sites-7.txt", "new sites 8": "fresh-sites-8.txt",
               "new sites 9": "fresh-sites-9.txt", "new sites 10": "fresh-sites-10.txt",
               "new sites 11": "fresh-sites-11.txt", "new sites 12": "fresh-sites-12.txt",
               "new sites 13": "fresh-sites-13.txt", "new sites 14": "fresh-sites-14.txt",
               "new sites 15": "fresh-sites-15.txt"}
"""Sites collected blind, each list after one round of the extractor, and measured once when it ended."""


def fresh_sites(corpus: Path, listing: str = "fresh-sites.txt") -> set[str]:
    """The sites of one list of sites collected after the extractor was tuned (one a line)."""
    listed = corpus / listing
    if not listed.exists():
        return set()
    return {line.strip() for line in listed.read_text(encoding="utf-8").splitlines() if line.strip()}


def fresh_site_lists(corpus: Path) -> dict[str, set[str]]:
    """Every list of blind sites the corpus has, by its row's name (``new sites``, ``new sites 2``...)."""
    lists = {row: fresh_sites(corpus, listing) for row, listing in FRESH_LISTS.items()}
    return {row: sites for row, sites in lists.items() if sites}


def halves(result: dict[str, Any],
           fresh: dict[str, set[str]] | set[str] | None = None) -> dict[str, dict[str, Any]]:
    """A run of the whole corpus, its two halves and its lists of fresh sites (taken from it, not rerun)."""
    split: dict[str, dict[str, Any]] = {"all": result}
    parts: dict[str, Any] = {"dev": lambda s: half_of(s) == "dev", "check": lambda s: half_of(s) == "check"}
    if isinstance(fresh, set):
        fresh = {"new sites": fresh}
    for row, listed in (fresh or {}).items():
        parts[row] = listed.__contains__
    for half, chosen in parts.items():
        sites = {s: c for s, c in result["sites"].items() if chosen(s)}
        kinds: dict[str, Counts] = defaultdict(Counts)
        for kind, counts in result["site_kinds"].items():
            for site, part in counts.items():
                if site in sites:
                    kinds[kind].add(part)
        times = [t for site, values in result["site_times"].items() if site in sites for t in values]
        split[half] = {"kinds": kinds, "sites": sites, "times": times, "site_kinds": {}}
    return split


def summary(result: dict[str, Any]) -> dict[str, float | None]:
    """Pooled and site-averaged figures of a run."""
    pooled = Counts()
    for counts in result["kinds"].values():
        pooled.add(counts)
    figures: dict[str, float | None] = {}
    for metric in METRICS:
        figures[metric] = pooled.ratio(metric)
        per_site = [c.ratio(metric) for c in result["sites"].values() if c.ratio(metric) is not None]
        figures[f"{metric}_sites"] = statistics.mean(per_site) if per_site else None  # type: ignore[arg-type]
    figures["spurious"] = pooled.spurious_share
    shares = [c.spurious_share for c in result["sites"].values() if c.spurious_share is not None]
    figures["spurious_sites"] = statistics.mean(shares) if shares else None  # type: ignore[arg-type]
    times = sorted(result["times"])
    figures["median_s"] = statistics.median(times) if times else None
    figures["max_s"] = times[-1] if times else None
    figures["pages"] = float(len(times))
    figures["sites"] = float(len(result["sites"]))
    figures["kinds_right"] = pooled.kind_right / pooled.pages if pooled.pages else None
    return figures


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def table(results: dict[str, dict[str, Any]]) -> str:
    """The Markdown tables of the figures, per half and per kind."""
    lines = ["| half | sites | pages | talks | talks (site mean) | date-time | date-time (site mean) | "
             "affiliation | papers | papers (site mean) | spurious | spurious (site mean) | kind right | "
             "median s/page | max s/page |", "|" + "---|" * 15]
    for name, result in results.items():
        f = summary(result)
        lines.append(f"| {name} | {int(f['sites'] or 0)} | {int(f['pages'] or 0)} | {_pct(f['talks'])} | "
                     f"{_pct(f['talks_sites'])} | {_pct(f['datetime'])} | {_pct(f['datetime_sites'])} | "
                     f"{_pct(f['affiliation'])} | {_pct(f['papers'])} | {_pct(f['papers_sites'])} | "
                     f"{_pct(f['spurious'])} | {_pct(f['spurious_sites'])} | {_pct(f['kinds_right'])} | "
                     f"{f['median_s']:.3f} | {f['max_s']:.3f} |")
    lines += ["", "| half | gold talks without a speaker's name | found |", "|---|---|---|"]
    for name, result in results.items():
        pooled = Counts()
        for counts in result["kinds"].values():
            pooled.add(counts)
        lines.append(f"| {name} | {pooled.values['unnamed'][1]} | {_pct(pooled.ratio('unnamed'))} |")
    whole = results.get("all") or next(iter(results.values()))
    lines += ["", "| kind (gold) | pages | gold talks | talks | date-time | affiliation | gold papers | "
              "papers | spurious | kind right |", "|" + "---|" * 10]
    for kind in KINDS:
        counts = whole["kinds"].get(kind)
        if counts is None:
            continue
        lines.append(f"| {kind} | {counts.pages} | {counts.values['talks'][1]} | "
                     f"{_pct(counts.ratio('talks'))} | "
                     f"{_pct(counts.ratio('datetime'))} | {_pct(counts.ratio('affiliation'))} | "
                     f"{counts.values['papers'][1]} | {_pct(counts.ratio('papers'))} | "
                     f"{_pct(counts.spurious_share)} | {counts.kind_right / counts.pages:.2f} |")
    return "\n".join(lines)


def confusion(results: dict[str, dict[str, Any]]) -> str:
    """Gold kind × detected kind, one matrix per row of the results (pages counted), with the share
    of each gold kind's pages whose talks are filed as their gold kind would file them."""
    short = {"seminar_page": "seminar", "event_page": "event", "talk_listing": "listing",
             "meeting_programme": "meeting", "author_page": "author", "none": "none"}
    lines = []
    for name, result in results.items():
        lines += ["", f"{name}: gold kind (rows) × detected kind (columns)", "",
                  "| gold \\ detected | " + " | ".join(short[k] for k in KINDS) + " | right | same records |",
                  "|" + "---|" * (len(KINDS) + 3)]
        for kind in KINDS:
            counts = result["kinds"].get(kind)
            if counts is None or not counts.pages:
                continue
            cells = " | ".join(str(counts.detected.get(k, 0)) for k in KINDS)
            lines.append(f"| {short[kind]} | {cells} | {counts.kind_right / counts.pages:.2f} | "
                         f"{counts.same_records / counts.pages:.2f} |")
        kinds = list(result["kinds"].values())
        pages = sum(c.pages for c in kinds)
        if pages:
            right, same = sum(c.kind_right for c in kinds) / pages, sum(c.same_records for c in kinds) / pages
            lines += ["", f"{name}: kind right {right:.2f}, talks filed as the gold kind files them "
                          f"{same:.2f} ({pages} pages)"]
    return "\n".join(lines)


def page_table(pages: dict[str, Counts]) -> str:
    """One line per page: talks found of gold, date-times right, spurious rows, the kind detected."""
    lines = ["| page | talks | date-time | spurious | extracted | detected |", "|---|---|---|---|---|---|"]
    for file, counts in sorted(pages.items()):
        talks, datetimes = counts.values["talks"], counts.values["datetime"]
        lines.append(f"| {file} | {talks[0]}/{talks[1]} | {datetimes[0]}/{datetimes[1]} | {counts.spurious} "
                     f"| {counts.extracted} | {next(iter(counts.detected))} |")
    return "\n".join(lines)


def write_section(path: Path, text: str) -> None:
    """Put ``text`` between this benchmark's markers in ``path`` (added at the end the first time)."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"{START}\n{text}\n{END}"
    if START in old and END in old:
        new = old.split(START)[0] + block + old.split(END, 1)[1]
    else:
        new = old.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="a folder of pages with gold.jsonl (default: tests/data/pages/real)")
    parser.add_argument("--half", choices=("all", "dev", "check", "both"), default="both",
                        help="score every site together, one half, or each half and list (default)")
    parser.add_argument("--site", action="append", help="only these sites (repeatable)")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N",
                        help="print up to N gold talks and papers that were not found")
    parser.add_argument("--spurious", type=int, default=0, metavar="N",
                        help="print up to N spurious rows (talks and papers matching no gold row of "
                             "their page), each with its page and line")
    parser.add_argument("--when-misses", type=int, default=0, metavar="N",
                        help="print up to N found talks whose date or time differs from the gold, each "
                             "with its page, line and cause (wrong day, no time...)")
    parser.add_argument("--confusion", action="store_true",
                        help="also print gold kind × detected kind for each half and list of new sites")
    parser.add_argument("--causes", action="store_true",
                        help="also print why gold date-times were missed (talk not found, no time...)")
    parser.add_argument("--kind", choices=KINDS, help="only the pages of this gold kind")
    parser.add_argument("--pages", action="store_true",
                        help="also print each page's talks found / gold, spurious rows and detected kind")
    parser.add_argument("--write", action="store_true", help="write the tables to BENCHMARKS.md")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md",
                        help="the file --write writes its section into")
    args = parser.parse_args(argv)
    misses: list[str] = []
    sites = set(args.site) if args.site else None
    pages: dict[str, Counts] = {}
    if args.half == "both":
        results = halves(run(args.corpus, "all", misses, sites, args.kind, pages),
                         fresh_site_lists(args.corpus))
    else:
        results = {args.half: run(args.corpus, args.half, misses, sites, args.kind, pages)}
    text = table(results)
    print(text)
    if args.confusion:
        print(confusion(results))
    if args.causes:
        print(causes_table(results))
    if args.pages:
        print(page_table(pages))
    for miss in misses[: args.show_misses]:
        print(miss, file=sys.stderr)
    for row in [m for m in misses if ": spurious " in m][: args.spurious]:
        print(row, file=sys.stderr)
    for row in [m for m in misses if ": when " in m][: args.when_misses]:
        print(row, file=sys.stderr)
    if args.write:
        header = (f"## Page extraction on real pages (`bench/extract_real.py`)\n\n"
                  f"`PYTHONPATH=src python bench/extract_real.py --write`, {date.today().isoformat()}, on "
                  f"`tests/data/pages/real/` (the gold in `gold.jsonl`); dev and check are the two fixed "
                  f"halves of the sites (`half_of`); \"new sites\" are the sites of `fresh-sites.txt`, "
                  f"collected blind during the third round, \"new sites 2\" those of `fresh-sites-2.txt`, "
                  f"collected blind during the fourth, \"new sites 3\" those of `fresh-sites-3.txt`, "
                  f"collected blind during the fifth, \"new sites 4\" those of `fresh-sites-4.txt`, "
                  f"collected blind during the seventh, \"new sites 5\" those of `fresh-sites-5.txt`, "
                  f"collected blind during the eighth, \"new sites 6\" those of `fresh-sites-6.txt`, "
                  f"collected blind during the ninth, \"new sites 7\" those of `fresh-sites-7.txt`, "
                  f"collected blind during the tenth, \"new sites 8\" those of `fresh-sites-8.txt`, "
                  f"collected blind during the eleventh, \"new sites 9\" those of `fresh-sites-9.txt`, "
                  f"collected blind during the twelfth, \"new sites 10\" those of `fresh-sites-10.txt`, "
                  f"collected blind during the thirteenth, \"new sites 11\" those of `fresh-sites-11.txt`, "
                  f"collected blind during the fourteenth, \"new sites 12\" those of `fresh-sites-12.txt`, "
                  f"collected blind during the fifteenth, \"new sites 13\" those of `fresh-sites-13.txt`, "
                  f"collected blind during the sixteenth, \"new sites 14\" those of `fresh-sites-14.txt`, "
                  f"collected blind during the seventeenth, \"new sites 15\" those of `fresh-sites-15.txt`, "
                  f"collected blind during the eighteenth; each list was measured once when its round ended "
                  f"(they are in the halves too). Ratios are recalls except spurious (a share of the rows "
                  f"extracted); \"site mean\" averages each site's own ratio.\n\n")
        write_section(args.output, header + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
