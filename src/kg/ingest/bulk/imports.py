"""Bulk imports → records: the files registered in ``data/imports.yaml`` (see ``kg.records.imports``).

Large files are not turned into record files: ``kg build`` streams each registered file through
its importer and hands the records (``import_records``) to ``kg.rdf`` with the record files', so
a rebuild stays atomic and reproducible.

Papers with the same key in several imports are one paper, and so are papers with the same
authors and the same title up to case, punctuation or a typo: the first import listed gives
title and authors, later ones fill in what is missing (venue, pages, link) and add affiliations.
A calendar becomes a seminar series whose events are its talks.
"""

from __future__ import annotations

import difflib
import gzip
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.errors import DataError
from kg.ingest.bulk import authorships, bibtex, dblp, ics, speakers
from kg.ingest.bulk.ics import ImportedCalendar, ImportedTalk
from kg.ingest.encoding import not_utf8
from kg.ingest.printed import ImportedPaper, Problem
from kg.ingest.resolve import names
from kg.ingest.resolve.people import Merge, Resolution, resolve
from kg.records.folder import DataFolder
from kg.records.ids import slugify
from kg.records.imports import ImportEntry, check_files
from kg.records.models import (
    IMPORTED_REGISTRY,
    Affiliation,
    Event,
    Paper,
    PaperDetails,
    Placed,
    Source,
    SourceKind,
    Talk,
    TalkSpeaker,
    source_graph,
)

SOURCE_KIND: dict[str, SourceKind] = {"bibtex": "bibliography", "authorships": "authorship_table",
                                      "calendar": "calendar", "dblp": "bibliography"}
ImportedItem = ImportedPaper | ImportedTalk | ImportedCalendar | Problem


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
    series: dict[str, str] = field(default_factory=dict)
    """Calendar import id → the import id of the series its talks belong to (``one_talk_per_uid``)."""
    front_matter: list[tuple[str, ImportedPaper, str]] = field(default_factory=list)
    """Entries that are not papers (prefaces, front matter, proceedings, errata): import, entry, what."""


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
    """A file's text as UTF-8 (gunzipped if it ends in ``.gz``), with a one-line error naming the file."""
    try:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8(path, data, exc) from None


def run_imports(folder: DataFolder) -> ImportResult:
    """Read every import registered in ``folder``, merge papers by key and resolve names."""
    data_dir, dataset, aliases = folder.root, folder.dataset, folder.aliases
    check_files(data_dir, folder.imports)
    result = ImportResult(folder.imports,
                          record_events=frozenset(e.id for d in dataset.documents for e in d.events))
    for entry in result.entries:
        path = data_dir / entry.file
        titles = _TitleIndex()
        for _, paper in result.papers.values():
            titles.add(paper)
        for item in read_import(path, entry.kind, entry.file, dblp.Filter.of(entry.venues, entry.years)):
            if isinstance(item, Problem):
                result.problems.append(f"{path}: {item}")
            elif isinstance(item, ImportedCalendar):
                result.calendars[entry.id] = item
            elif isinstance(item, ImportedTalk):
                result.talks.append((entry.id, item))
            elif (what := not_a_paper(item.title)) is not None:
                if all(item.key != listed.key for _, listed, _ in result.front_matter):
                    result.front_matter.append((entry.id, item, what))  # the first import lists it
            else:
                _merge(result, entry.id, item, titles)
    one_talk_per_uid(result)
    if result.entries:
        organizing = list(_organizing(result.calendars))
        result.resolution = resolve(
            [*(paper for _, paper in result.papers.values()), *(talk for _, talk in result.talks),
             *_signed(result.front_matter), *organizing],
            dataset.people, dataset.organizations, aliases, dataset.documents)
        ids = result.resolution.namesake_ids
        for _, signed, _ in result.front_matter:  # each signer under the entry's own key and position
            for position in range(len(signed.authors)):
                if (f"{signed.key}#{position}", 0) in ids:
                    ids[(signed.key, position)] = ids[(f"{signed.key}#{position}", 0)]
        speakers.match_speakers(result.resolution, (paper for _, paper in result.papers.values()),
                                [*((talk.speakers, talk.uid) for _, talk in result.talks),
                                 *((one.authors, one.key) for one in organizing)])
    return result


_NOT_A_PAPER = re.compile(
    r"^(?:(?P<front>front\s*matter|table of contents|contents|author index|index of authors|foreword)$)"
    r"|\b(?P<preface>preface|editorial)\b"
    r"|^(?P<errata>errat(?:um|a)|corrigend(?:um|a)|correction to)\b"
    r"|^(?P<proceedings>proceedings of\b)", re.IGNORECASE)


def not_a_paper(title: str) -> str | None:
    """What an entry is when its title says it is no paper: a preface, front matter, proceedings, errata."""
    match = _NOT_A_PAPER.search(title.strip())
    if match is None:
        return None
    return {"front": "front matter", "preface": "preface", "errata": "erratum",
            "proceedings": "proceedings volume"}[match.lastgroup or "front"]


@dataclass(frozen=True)
class _Organizer:
    """One organizer of a calendar's series, as the resolver reads a printed person: alone, since
    the organizers of a series are no coauthors of each other."""

    key: str
    authors: tuple[str]
    title: str
    affiliations: tuple[None] = (None,)


def _organizer_key(import_id: str, position: int) -> str:
    return f"{import_id}#organizer{position}"


def _organizing(calendars: dict[str, ImportedCalendar]) -> Iterator[_Organizer]:
    """Each organizer of each calendar, one at a time."""
    for import_id, calendar in calendars.items():
        for position, name in enumerate(calendar.organizers):
            yield _Organizer(_organizer_key(import_id, position), (name,), calendar.name)


def _signed(front_matter: list[tuple[str, ImportedPaper, str]]) -> Iterator[ImportedPaper]:
    """Who signed each entry that is not a paper, one name a time: signers are not coauthors."""
    for _, entry, _ in front_matter:
        for position, author in enumerate(entry.authors):
            stated = entry.affiliations[position] if position < len(entry.affiliations) else None
            at = entry.author_at[position] if position < len(entry.author_at) else entry.at
            yield ImportedPaper(key=f"{entry.key}#{position}", title=entry.title, year=entry.year,
                                authors=[author], affiliations=[stated], at=at, author_at=[at or ""])


class _TitleIndex:
    """Papers of earlier imports by their authors' last names, to find one listed again."""

    def __init__(self) -> None:
        self._by_authors: dict[tuple[str, ...], list[ImportedPaper]] = {}
        self._by_doi: dict[str, ImportedPaper] = {}

    def add(self, paper: ImportedPaper) -> None:
        self._by_authors.setdefault(_author_block(paper), []).append(paper)
        if paper.doi:
            self._by_doi.setdefault(paper.doi, paper)

    def same_as(self, paper: ImportedPaper) -> ImportedPaper | None:
        """An earlier paper with the same DOI, or the same authors and the same title up to case or a typo."""
        same_doi = self._by_doi.get(paper.doi) if paper.doi else None
        if same_doi is not None and same_doi.key != paper.key:
            return same_doi
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
            "same DOI" if paper.doi and paper.doi == earlier.doi
            else "same authors and title" if names.fold(earlier.title) == names.fold(paper.title)
            else "same authors, title with a typo", f"{import_id}: {paper.at or paper.key}"))
        paper = replace(paper, key=earlier.key)
    first_id, first = result.papers[paper.key]
    given = {name: getattr(paper, name) for name in ("venue", "pages", "url")
             if getattr(first, name) is None and getattr(paper, name) is not None}
    if not first.affiliations and paper.affiliations and len(paper.authors) == len(first.authors):
        first = replace(first, affiliations=paper.affiliations)
    if paper.organization_authors and not first.organization_authors:
        first = replace(first, organization_authors=paper.organization_authors)
    if paper.more_authors and not first.more_authors:
        first = replace(first, more_authors=True)
    if first.abstract is None and paper.abstract:
        first = replace(first, abstract=paper.abstract)
    result.papers[paper.key] = (first_id, first)
    if given:
        result.filled.setdefault(paper.key, []).append((import_id, given))


def import_records(result: ImportResult) -> Iterator[Placed]:
    """Every import as records: sources, papers, stated affiliations, talks, new people and institutions."""
    resolution = result.resolution
    graphs = {e.id: source_graph(e.id) for e in result.entries}
    for entry in result.entries:
        yield Placed(Source(id=entry.id, title=entry.title or entry.file, kind=SOURCE_KIND[entry.kind],
                            file=f"data/{entry.file}"), graphs[entry.id])
    for import_id, paper in result.papers.values():
        graph = graphs[import_id]
        record = to_paper(paper, resolution)
        yield Placed(record, graph)
        for other_id, given in result.filled.get(paper.key, []):
            yield Placed(PaperDetails(paper=record.id, **given), graphs[other_id])
        for position, stated in enumerate(paper.affiliations):
            orgs = resolution.organizations(stated) if stated else []
            if stated and orgs:
                at = paper.author_at[position] if position < len(paper.author_at) else paper.at
                stated_by = Affiliation(person=record.authors[position], organizations=orgs,
                                        as_stated=stated, paper=record.id, at=at)
                yield Placed(stated_by, graph)
    for import_id, signed, what in result.front_matter:
        for signer in _signed([(import_id, signed, what)]):
            stated = signer.affiliations[0]
            orgs = resolution.organizations(stated) if stated else []
            if stated and orgs:
                signer_id = resolution.person(signer.authors[0], (signer.key, 0))  # key "entry#position"
                yield Placed(Affiliation(person=signer_id, organizations=orgs, as_stated=stated,
                                         evidence=f"signed the {what} of {signed.title}", at=signer.at),
                             graphs[import_id])
    for import_id, calendar in sorted(result.calendars.items()):
        # A calendar named after a recorded series adds its talks there; one seen before, to that one.
        if import_id not in result.record_events and result.series.get(import_id, import_id) == import_id:
            yield Placed(to_event(import_id, calendar, resolution), graphs[import_id])
    taken: set[str] = set()
    for import_id, talk in result.talks:
        series = result.series.get(import_id, import_id)
        yield Placed(to_talk(series, talk, resolution, taken), graphs[import_id])
    for person in resolution.new_people:
        yield Placed(person, IMPORTED_REGISTRY)
    for org in resolution.new_organizations:
        yield Placed(org, IMPORTED_REGISTRY)


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
        organization_authors=list(dict.fromkeys(
            org for name in paper.organization_authors for org in resolution.corporate(name))),
        author_list_note="and others" if paper.more_authors else None,
        abstract=paper.abstract,
        at=paper.at,
    )


def to_event(import_id: str, calendar: ImportedCalendar, resolution: Resolution) -> Event:
    """The seminar series a calendar stands for, with its organizers; its id is the import's."""
    organizers = [resolution.person(name, (_organizer_key(import_id, position), 0))
                  for position, name in enumerate(calendar.organizers)]
    return Event(id=import_id, name=calendar.name, kind="seminar_series", timezone=calendar.timezone,
                 organizers=list(dict.fromkeys(organizers)), at=calendar.at)


def one_talk_per_uid(result: ImportResult) -> None:
    """Keep one talk per calendar UID, and make calendars that share a talk (or an
    ``X-WR-RELCALID``) one series: the same calendar saved twice (``seminar (1).ics``) or
    downloaded again later adds only its new talks, to the series of the import listed first.
    """
    first_import: dict[str, str] = {}

    def joins(import_id: str, earlier: str) -> None:
        if earlier != import_id and import_id not in result.record_events:
            result.series.setdefault(import_id, result.series.get(earlier, earlier))

    for import_id, calendar in result.calendars.items():
        if calendar.calendar_id is not None:
            joins(import_id, first_import.setdefault(f"calendar {calendar.calendar_id}", import_id))
    kept: list[tuple[str, ImportedTalk]] = []
    for import_id, talk in result.talks:
        earlier = first_import.setdefault(f"talk {talk.uid}", import_id)
        joins(import_id, earlier)
        if earlier == import_id:
            kept.append((import_id, talk))
    result.talks = kept


def to_talk(import_id: str, talk: ImportedTalk, resolution: Resolution, taken: set[str]) -> Talk:
    """A calendar event as a talk of the series ``import_id``, its speakers resolved to person ids.

    The talk's id comes from its calendar UID, which names the event wherever the calendar is
    saved, never from the file's name.
    """
    base = talk_id_of(talk.uid)
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


def talk_id_of(uid: str) -> str:
    """The record id of a calendar UID (``talk-7@theory.example.edu`` → ``talk-7-theory-example-edu``)."""
    slug = slugify(uid)
    if len(slug) <= 110:
        return slug
    return f"{slug[:100].strip('-')}-{hashlib.sha1(uid.encode()).hexdigest()[:8]}"


def paper_id(key: str) -> str:
    """The record id of a bibliography key (``pmlr-v19-kallweit11a``)."""
    return slugify(key)[:120]
