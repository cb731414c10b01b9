"""Bulk imports: bibliographies, authorship tables, calendars and DBLP dumps in ``data/imports.yaml``.

Large files are not turned into record files: ``kg build`` streams each registered file through
its importer into the same new store version as the records, so a rebuild stays atomic and
reproducible. ``data/imports.yaml`` lists the files (paths relative to ``data/``)::

    - id: colt-2011-2024-authorships
      kind: authorships          # bibtex | authorships | calendar | dblp
      file: colt/colt-2011-2024-authorships.csv
      title: COLT 2011-2024 authorships (PMLR)
    - id: dblp-colt
      kind: dblp
      file: imports/dblp.xml.gz
      venues: [colt]             # dblp only: keep these venues (booktitle, journal or key stream)
      years: 2011-2024           # dblp only: keep these years

Papers with the same key in several imports are one paper, and so are papers with the same
authors and the same title up to case, punctuation or a typo: the first import listed gives
title and authors, later ones fill in what is missing (venue, pages, link) and add affiliations.
A calendar becomes a seminar series whose events are its talks.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from kg import rdf, vocab
from kg.errors import DataError
from kg.ingest import authorships, bibtex, dblp, ics, names
from kg.ingest.ics import ImportedCalendar, ImportedTalk
from kg.ingest.records import ImportedPaper, Problem
from kg.ingest.resolve import Merge, Resolution, load_aliases, resolve
from kg.models import (
    Affiliation,
    Dataset,
    Event,
    Id,
    Paper,
    Record,
    Source,
    SourceKind,
    Talk,
    TalkSpeaker,
    Text,
)

IMPORTS_FILE = "imports.yaml"
IMPORTED_REGISTRY_GRAPH = vocab.resource("graph", "imported-registry")
ImportKind = Literal["bibtex", "authorships", "calendar", "dblp"]
SOURCE_KIND: dict[str, SourceKind] = {"bibtex": "bibliography", "authorships": "authorship_table",
                                      "calendar": "calendar", "dblp": "bibliography"}
ImportedItem = ImportedPaper | ImportedTalk | ImportedCalendar | Problem


class ImportEntry(Record):
    """One registered bulk file."""

    id: Id
    kind: ImportKind
    file: Text
    title: Text | None = None
    venues: list[Text] = []
    """DBLP only: keep records of these venues."""
    years: Text | None = None
    """DBLP only: keep records of this year or range of years (``2011-2024``)."""

    def dblp_filter(self) -> dblp.Filter:
        """The DBLP record filter this entry asks for."""
        return dblp.Filter.of(self.venues, self.years)


@dataclass
class ImportResult:
    """Papers of every registered import, merged by key, their resolution and the bad entries."""

    entries: list[ImportEntry]
    papers: dict[str, tuple[str, ImportedPaper]] = field(default_factory=dict)
    talks: list[tuple[str, ImportedTalk]] = field(default_factory=list)
    calendars: dict[str, ImportedCalendar] = field(default_factory=dict)
    same_paper: dict[str, str] = field(default_factory=dict)
    """Keys of papers found again under another key (same authors and title) → the key kept."""
    paper_merges: list[Merge] = field(default_factory=list)
    record_events: frozenset[str] = frozenset()
    """Ids of the events the record files define: a calendar with such an id adds talks to it."""
    filled: dict[str, list[tuple[str, dict[str, str]]]] = field(default_factory=dict)
    """Per paper key: the later imports that filled in fields, and the fields they gave."""
    problems: list[str] = field(default_factory=list)
    resolution: Resolution = field(default_factory=Resolution)


def load_entries(data_dir: Path) -> list[ImportEntry]:
    """The imports registered in ``data_dir/imports.yaml`` (none when the file does not exist)."""
    from kg.load import read_yaml

    path = data_dir / IMPORTS_FILE
    if not path.exists():
        return []
    content = read_yaml(path) or []
    if not isinstance(content, list):
        raise DataError(f"{path}: expected a list of imports")
    entries = []
    for i, item in enumerate(content):
        try:
            entries.append(ImportEntry.model_validate(item))
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error["loc"]) or "(record)"
            raise DataError(f"{path}: import #{i + 1}: {where}: {error['msg']}") from None
        if not (data_dir / entries[-1].file).is_file():
            raise DataError(f"{path}: import #{i + 1} ({entries[-1].id}): file: "
                            f"{entries[-1].file} not found under {data_dir}")
    return entries


def read_import(path: Path, kind: str, label: str, keep: dblp.Filter | None = None,
                progress: dblp.Progress | None = None) -> Iterator[ImportedItem]:
    """Every paper, talk or calendar (or problem) in one bulk file of the given kind.

    ``keep`` and ``progress`` apply to DBLP dumps, which are streamed rather than read whole.
    """
    if kind == "dblp":
        yield from dblp.parse(path, label, keep or dblp.Filter(), progress)
        return
    text = read_text(path)
    if kind == "bibtex":
        for item in bibtex.parse(text):
            yield item if isinstance(item, Problem) else bibtex.paper_of(item, label)
    elif kind == "authorships":
        yield from authorships.parse(text, label)
    elif kind == "calendar":
        yield from ics.parse(text, label)
    else:
        raise DataError(f"{path}: unknown import kind {kind!r}")


def read_text(path: Path) -> str:
    """A file's text as UTF-8, with a one-line error naming the file when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DataError(f"{path}: line {line}: not UTF-8 text (byte {exc.start}); "
                        "convert the file to UTF-8 first") from None


def run_imports(data_dir: Path, dataset: Dataset) -> ImportResult:
    """Read every registered import, merge papers by key and resolve names."""
    result = ImportResult(load_entries(data_dir),
                          record_events=frozenset(e.id for d in dataset.documents for e in d.events))
    for entry in result.entries:
        path = data_dir / entry.file
        titles = _TitleIndex()
        for _, paper in result.papers.values():
            titles.add(paper)
        for item in read_import(path, entry.kind, entry.file, entry.dblp_filter()):
            if isinstance(item, Problem):
                result.problems.append(f"{path}: {item}")
            elif isinstance(item, ImportedCalendar):
                result.calendars[entry.id] = item
            elif isinstance(item, ImportedTalk):
                result.talks.append((entry.id, item))
            else:
                _merge(result, entry.id, item, titles)
    if result.entries:
        result.resolution = resolve(
            [*(paper for _, paper in result.papers.values()), *(talk for _, talk in result.talks)],
            dataset.people, dataset.organizations, load_aliases(data_dir), dataset.documents)
    return result


class _TitleIndex:
    """Papers of earlier imports by their authors' last names, to find one listed again."""

    def __init__(self) -> None:
        self._by_authors: dict[tuple[str, ...], list[ImportedPaper]] = {}

    def add(self, paper: ImportedPaper) -> None:
        self._by_authors.setdefault(_author_block(paper), []).append(paper)

    def same_as(self, paper: ImportedPaper) -> ImportedPaper | None:
        """An earlier paper with the same authors and the same title up to case or a typo."""
        title = names.fold(paper.title)
        for other in self._by_authors.get(_author_block(paper), []):
            if other.key == paper.key or abs(other.year - paper.year) > 1:
                continue
            other_title = names.fold(other.title)
            if other_title == title or (
                min(len(title), len(other_title)) >= 20
                and difflib.SequenceMatcher(None, title, other_title).ratio() >= 0.95
            ):
                return other
        return None


def _author_block(paper: ImportedPaper) -> tuple[str, ...]:
    """The folded last names of a paper's authors, in order."""
    return tuple(names.parts(names.key(a))[2] or names.key(a) for a in paper.authors)


def _merge(result: ImportResult, import_id: str, paper: ImportedPaper, titles: _TitleIndex) -> None:
    if paper.key in result.same_paper:
        paper = replace(paper, key=result.same_paper[paper.key])
    elif paper.key not in result.papers:
        earlier = titles.same_as(paper)
        if earlier is None:
            result.papers[paper.key] = (import_id, paper)
            return
        result.same_paper[paper.key] = earlier.key
        result.paper_merges.append(Merge(
            "paper", f"{earlier.title} ({earlier.key})", f"{paper.title} ({paper.key})",
            "same authors and title" if names.fold(earlier.title) == names.fold(paper.title)
            else "same authors, title with a typo", f"{import_id}: {paper.at or paper.key}"))
        paper = replace(paper, key=earlier.key)
    first_id, first = result.papers[paper.key]
    given = {name: getattr(paper, name) for name in ("venue", "pages", "url")
             if getattr(first, name) is None and getattr(paper, name) is not None}
    if not first.affiliations and paper.affiliations and len(paper.authors) == len(first.authors):
        first = replace(first, affiliations=paper.affiliations)
    result.papers[paper.key] = (first_id, first)
    if given:
        result.filled.setdefault(paper.key, []).append((import_id, given))


def import_quads(result: ImportResult) -> Iterator[rdf.Quad]:
    """The quads of every import: sources, papers, stated affiliations, new people and institutions."""
    resolution = result.resolution
    graphs = {e.id: rdf.iri(vocab.source_graph(e.id)) for e in result.entries}
    for entry in result.entries:
        source = Source(id=entry.id, title=entry.title or entry.file, kind=SOURCE_KIND[entry.kind],
                        file=f"data/{entry.file}")
        yield from rdf.source_quads(source, graphs[entry.id])
    for import_id, paper in result.papers.values():
        graph = graphs[import_id]
        record = to_paper(paper, resolution)
        yield from rdf.paper_quads(record, graph)
        for other_id, given in result.filled.get(paper.key, []):
            yield from _filled_quads(rdf.paper_iri(record.id), given, graphs[other_id])
        for position, stated in enumerate(paper.affiliations):
            orgs = resolution.organizations(stated) if stated else []
            if stated and orgs:
                yield from rdf.affiliation_quads(
                    Affiliation(person=record.authors[position], organizations=orgs, as_stated=stated,
                                at=paper.at),
                    graph, context=rdf.paper_iri(record.id))
    for import_id, calendar in sorted(result.calendars.items()):
        if import_id not in result.record_events:  # else the talks join the series recorded there
            yield from rdf.event_quads(to_event(import_id, calendar), graphs[import_id])
    taken: set[str] = set()
    for import_id, talk in result.talks:
        yield from rdf.talk_quads(to_talk(import_id, talk, resolution, taken), graphs[import_id])
    registry = rdf.iri(IMPORTED_REGISTRY_GRAPH)
    for person in resolution.new_people:
        yield from rdf.person_quads(person, registry)
    for org in resolution.new_organizations:
        yield from rdf.organization_quads(org, registry)


def _filled_quads(paper: str, given: dict[str, str], graph: str) -> Iterator[rdf.Quad]:
    """Fields a later import added to a paper, in that import's graph, with their source."""
    for name, value in sorted(given.items()):
        yield paper, rdf.kg(name), rdf.iri(value) if name == "url" else rdf.literal(value), graph
    yield paper, rdf.kg("source"), graph, graph


def to_paper(paper: ImportedPaper, resolution: Resolution) -> Paper:
    """An imported paper as a record, its authors resolved to person ids."""
    return Paper(
        id=paper_id(paper.key),
        title=paper.title,
        year=paper.year,
        authors=[resolution.person(a, (paper.key, i)) for i, a in enumerate(paper.authors)],
        venue=paper.venue,
        url=paper.url,
        pages=paper.pages,
        at=paper.at,
    )


def to_event(import_id: str, calendar: ImportedCalendar) -> Event:
    """The seminar series a calendar stands for; its id is the import's."""
    return Event(id=import_id, name=calendar.name, kind="seminar_series", timezone=calendar.timezone,
                 at=calendar.at)


def to_talk(import_id: str, talk: ImportedTalk, resolution: Resolution, taken: set[str]) -> Talk:
    """A calendar event as a talk of the calendar's series, its speakers resolved to person ids."""
    local = talk.uid.split("@")[0].rstrip("/").rsplit("/", 1)[-1]  # a UID may be an IRI
    base = vocab.slugify(f"{import_id}-{local}")[:110].strip("-")
    talk_id, n = base, 2
    while talk_id in taken:
        talk_id, n = f"{base}-{n}", n + 1
    taken.add(talk_id)
    speakers = []
    for position, name in enumerate(talk.speakers):
        stated = talk.affiliations[position] if position < len(talk.affiliations) else None
        speakers.append(TalkSpeaker(person=resolution.person(name, (talk.uid, position)), affiliation=stated,
                                    organizations=resolution.organizations(stated) if stated else []))
    return Talk(id=talk_id, title=talk.title, speakers=speakers, event=import_id, start=talk.start,
                end=talk.end, place=talk.place, abstract=talk.abstract,
                links=[talk.url] if talk.url else [], at=talk.at)


def paper_id(key: str) -> str:
    """The record id of a bibliography key (``pmlr-v19-kallweit11a``)."""
    return vocab.slugify(key)[:120]
