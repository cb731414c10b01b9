"""Extracted pages → records: names resolved to ids, a ``SourceDocument`` with stable ids.

People and institutions go through the project's resolver (``kg.ingest.resolve.people``): a name the
registry knows (or an alias) gets its id; a variant that fits a registry person and shares an
organization or a coauthor is merged and its spelling added to ``alt_names``; anyone else
becomes a new person. Events the data already holds (same id or same name) are referred to,
not defined again. Ids are made from what the page says (event and date, speaker, title), so
ingesting a page again gives the same ids.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import partial
from typing import TypeVar

from pydantic import ValidationError

from kg.ingest.pages import relations as bio
from kg.ingest.pages.common import same_person
from kg.ingest.pages.extracted import EventText, PageExtract, PaperText, SpeakerText, TalkText
from kg.ingest.printed import ImportedPaper
from kg.ingest.resolve import institutions, names
from kg.ingest.resolve.people import Resolution, resolve
from kg.records.aliases import Aliases
from kg.records.ids import slugify
from kg.records.models import (
    WEB_ADDRESS,
    Advising,
    Affiliation,
    AltTitle,
    Contact,
    Dataset,
    Education,
    Event,
    Organization,
    Paper,
    Person,
    Source,
    SourceDocument,
    Talk,
    TalkSpeaker,
)

_R = TypeVar("_R")


@dataclass
class Extraction:
    """A page's records and what they need added to the registries."""

    document: SourceDocument
    new_people: list[Person] = field(default_factory=list)
    new_organizations: list[Organization] = field(default_factory=list)
    alt_names: dict[str, list[str]] = field(default_factory=dict)
    """Registry person id → spellings this page adds to its ``alt_names``."""


def to_records(page: PageExtract, stored_file: str, dataset: Dataset, aliases: Aliases,
               source_id: str | None = None) -> Extraction:
    """Resolve the names of ``page`` against ``dataset`` and build its record file's content."""
    source_id = source_id or slugify(page.key)[:120]
    others = [d for d in dataset.documents if d.source.id != source_id]
    known_orgs = frozenset(institutions.key(s) for o in dataset.organizations
                           for s in (o.name, *o.alt_names))
    bios = {id(t): _bio_relations(t, known_orgs) for t in page.talks}
    resolution = resolve(list(_name_contexts(page, bios)), dataset.people, dataset.organizations,
                         aliases, dataset.documents)
    builder = _Builder(resolution, source_id, dataset, others, page.problems)
    events = builder.events(page.events)
    talks = [t for t in (builder.talk(t, events) for t in page.talks) if t is not None]
    papers = builder.papers(page.papers)
    for talk in page.talks:
        builder.talk_relations(talk, bios[id(talk)])
    for event in page.events:
        for organizer in event.organizers:
            builder.affiliation(organizer, "organizer of " + event.name, event.at)
    for person in page.people:
        builder.affiliation(person, "author information", None)
    document = SourceDocument(
        source=Source(id=source_id, title=page.title, kind=page.kind,  # type: ignore[arg-type]
                      file=stored_file),
        events=events.defined, talks=talks, papers=papers,
        affiliations=_unique(builder.affiliations), education=_unique(builder.education),
        advising=_unique(builder.advising))
    used = set(_person_ids(document))
    used_orgs = set(_org_ids(document))
    homepages = {builder.person(s.name): url for t in page.talks for s in t.speakers
                 if (url := builder.url(s.homepage, _where(t.line, t.at))) is not None}
    return Extraction(
        document,
        new_people=[p.model_copy(update={"homepage": p.homepage or homepages.get(p.id)})
                    for p in resolution.new_people if p.id in used],
        new_organizations=[o for o in resolution.new_organizations if o.id in used_orgs],
        alt_names=_alt_names(resolution, dataset.people, used))


def _bio_relations(talk: TalkText, known: frozenset[str]) -> bio.Relations:
    if not talk.biography or not talk.speakers:
        return bio.Relations([], [], [])
    found = bio.Relations([], [], [])
    subject = talk.speakers[0].name
    for paragraph in talk.biography.split("\n\n"):
        subject = _subject_of(paragraph, talk.speakers) or subject
        more = bio.relations(subject, paragraph, known)
        found.advising.extend(a for a in more.advising if not same_person(a.advisor, a.student))
        found.education.extend(more.education)
        found.positions.extend(more.positions)
    return bio.Relations(
        [replace(a, institution=bio.institution_names(a.institution, known)) if a.institution else a
         for a in found.advising],
        [replace(e, institution=bio.institution_names(e.institution, known)) for e in found.education],
        [replace(p, institution=bio.institution_names(p.institution, known)) for p in found.positions])


def _subject_of(paragraph: str, speakers: list[SpeakerText]) -> str | None:
    """The speaker a biography paragraph is about: the one whose name (or last name) opens it."""
    opening = re.sub(r"^(?:Prof\.?|Professor|Dr\.?)\s+", "", paragraph.strip())
    for speaker in speakers:
        words = speaker.name.split()
        if opening.startswith((speaker.name, words[-1] + " ")):
            return speaker.name
    return None


def _name_contexts(page: PageExtract, bios: dict[int, bio.Relations]) -> Iterator[ImportedPaper]:
    """Every printed name with the names and affiliations printed beside it, for the resolver."""
    def context(label: str, people: list[str], affiliations: list[str | None]) -> ImportedPaper:
        return ImportedPaper(key=label, title=label, year=2000, authors=people,
                             affiliations=affiliations)

    for n, talk in enumerate(page.talks):
        people = [s.name for s in talk.speakers] + talk.collaborators
        affiliations = [s.affiliation for s in talk.speakers] + [
            talk.collaborator_affiliations.get(c) for c in talk.collaborators]
        yield context(f"talk-{n}", people, affiliations)
        found = bios[id(talk)]
        for m, advising in enumerate(found.advising):
            yield context(f"advisor-{n}-{m}", [advising.advisor], [advising.institution])
        stated = [(p.person, p.institution) for p in found.positions] + [
            (e.person, e.institution) for e in found.education]
        for m, (subject, institution) in enumerate(stated):
            yield context(f"bio-{n}-{m}", [subject], [institution])
    for n, paper in enumerate(page.papers):
        yield context(f"paper-{n}", paper.authors, [])
    for n, event in enumerate(page.events):
        people = [s.name for s in event.organizers] + [c[0] for c in event.contacts]
        people += event.attended_by_groups_of
        affiliations = [s.affiliation for s in event.organizers]
        if people:
            yield context(f"event-{n}", people, affiliations + [None] * (len(people) - len(affiliations)))
    for n, person in enumerate(page.people):
        yield context(f"person-{n}", [person.name], [person.affiliation])


@dataclass
class _Events:
    defined: list[Event] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)


class _Builder:
    """Builds records with ids, keeping ids unique against the rest of the data."""

    def __init__(self, resolution: Resolution, source_id: str, dataset: Dataset,
                 others: list[SourceDocument], problems: list[str]) -> None:
        self.resolution = resolution
        self.problems = problems
        """Where the page's problems are reported: a web address dropped, a record left out."""
        self.source_id = source_id
        self.dataset = dataset
        self.events_elsewhere = {e.id: e for d in others for e in d.events}
        self.events_here = {e.id: e for d in dataset.documents if d.source.id == source_id
                            for e in d.events}
        self.taken_talks = {t.id for d in others for t in d.talks}
        self.taken_papers = {p.id for d in others for p in d.papers}
        self.affiliations: list[Affiliation] = []
        self.education: list[Education] = []
        self.advising: list[Advising] = []
        self.printed_orgs: set[str] = set()
        """Organizations printed beside a speaker on this page."""

    def person(self, printed: str, where: tuple[str, int] | None = None) -> str:
        """The person id of a printed name; ``where`` (context key, position) is the authorship.

        The resolver reads the authors of a paper printed family name first ("Bongo L. A") the
        other way round, so a name it swapped is found under its authorship, or read swapped.
        """
        try:
            return self.resolution.person(printed, where)
        except KeyError:
            words = printed.split()
            return self.resolution.person(" ".join(words[1:] + words[:1]))

    def url(self, text: str | None, where: str) -> str | None:
        """A link of the page as an absolute web address (spaces around it cut), or ``None``.

        A relative link is left out quietly (it cannot be followed later); an absolute one that is
        not a valid IRI (a truncated ``%2``, a space inside) is left out with a problem naming where.
        """
        cleaned = web_address(text)
        if cleaned is None and text and text.strip().startswith(("http://", "https://")):
            self._problem(f"{where}: link {text.strip()!r} left out: not a valid web address")
        return cleaned

    def urls(self, texts: Iterable[str], where: str) -> list[str]:
        """The valid absolute web addresses among a record's links, in order."""
        return [u for u in (self.url(t, where) for t in texts) if u is not None]

    def record(self, make: Callable[[], _R], what: str, where: str) -> _R | None:
        """The record ``make`` builds, or ``None`` with a problem naming where and which field failed."""
        try:
            return make()
        except ValidationError as exc:
            fields = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
            self._problem(f"{where}: {what} left out: {fields}")
            return None

    def _problem(self, text: str) -> None:
        if text not in self.problems:  # a link printed twice on one line is reported once
            self.problems.append(text)

    def organizations(self, printed: str | None) -> list[str]:
        return self.resolution.organizations(printed) if printed else []

    def bio_organizations(self, printed: str | None) -> list[str]:
        """Organizations a biography names: known ones, ones printed beside a speaker, or new
        universities and companies."""
        known = {o.id for o in self.dataset.organizations} | self.printed_orgs
        new = {o.id: o for o in self.resolution.new_organizations}
        return [o for o in self.organizations(printed)
                if o in known or (o in new and new[o].kind in ("university", "company"))]

    # events -------------------------------------------------------------------------------

    def events(self, found: list[EventText]) -> _Events:
        result = _Events()
        for event in found:
            existing = self._existing_event(event)
            result.ids[event.key] = existing or slugify(event.key)[:120]
        for event in found:
            event_id = result.ids[event.key]
            if event_id in self.events_elsewhere:
                continue
            made = self.record(partial(Event,
                id=event_id, name=event.name, kind=event.kind,  # type: ignore[arg-type]
                part_of=result.ids.get(event.part_of or "", event.part_of),
                start=event.start, end=event.end, timezone=event.timezone,
                schedule=event.schedule, place=event.place, address=event.address,
                organizers=_ordered(self.person(o.name) for o in event.organizers),
                contacts=[Contact(person=self.person(c[0]), role=c[1], phone=c[2])
                          for c in event.contacts],
                attended_by_groups_of=_ordered(self.person(p) for p in event.attended_by_groups_of),
                audience=event.audience, description=event.description,
                links=self.urls(event.links, event.at or event.name), at=event.at),
                f"event {event.name!r}", event.at or event.name)
            if made is not None:
                result.defined.append(made)
        return result

    def _existing_event(self, event: EventText) -> str | None:
        key = slugify(event.key)
        for pool in (self.events_here, self.events_elsewhere):
            if key in pool:
                return key
            for existing in pool.values():
                if names.fold(existing.name) == names.fold(event.name):
                    return existing.id
        return None

    # talks --------------------------------------------------------------------------------

    def talk(self, talk: TalkText, events: _Events) -> Talk | None:
        """The talk's record, or ``None`` (a problem reported) when a field does not fit."""
        where = _where(talk.line, talk.at)
        if not talk.speakers:  # a personal talk page never prints its owner: the user names them
            self._problem(f"{where}: talk {talk.title!r} names no speaker, left out (on a page of one "
                          f"person's talks, give that person with --speaker NAME; a group's session "
                          f"that names no presenter stays out)")
            return None
        speakers = [self._speaker(s) for s in talk.speakers]
        event = events.ids.get(talk.event or "", talk.event) if talk.event else None
        return self.record(partial(Talk,
            id=self._talk_id(talk, speakers[0].person, event),
            title=talk.title, alt_titles=[AltTitle(text=t, at=a or None) for t, a in talk.alt_titles],
            speakers=speakers, event=event, start=talk.start, end=talk.end, place=talk.place,
            abstract=talk.abstract, biography=talk.biography,
            collaborators=_ordered(self.person(c) for c in talk.collaborators),
            keywords=talk.keywords, links=self.urls(talk.links, where),
            slides=self.url(talk.media.get("slides"), where), video=self.url(talk.media.get("video"), where),
            paper_link=self.url(talk.media.get("paper"), where), page=self.url(talk.media.get("page"), where),
            recording_offset=talk.recording_offset, at=talk.at), f"talk {talk.title!r}", where)

    def _speaker(self, speaker: SpeakerText) -> TalkSpeaker:
        organizations = self.organizations(speaker.affiliation)
        self.printed_orgs.update(organizations)
        return TalkSpeaker(person=self.person(speaker.name), affiliation=speaker.affiliation,
                           organizations=organizations, role=speaker.role)

    def _talk_id(self, talk: TalkText, speaker: str, event: str | None) -> str:
        start = talk.start.date().isoformat() if talk.start else None
        if (start and event and start in event) or (event and re.search(r"-\d{4}-\d{2}-\d{2}$", event)):
            base = f"{event}-{speaker}"  # one speaker, one day of a series: one talk, whatever its title
        elif start:
            base = f"{start}-{speaker}"
        else:
            base = f"{speaker}-{_short_slug(talk.title or 'talk')}"
        return _unique_id(base, self.taken_talks)

    # papers -------------------------------------------------------------------------------

    def papers(self, found: list[PaperText]) -> list[Paper]:
        """The papers' records; one whose fields do not fit is reported and left out."""
        made = (self.record(partial(Paper,
                    id=_unique_id(f"{p.year}-{_short_slug(p.title)}", self.taken_papers),
                    title=p.title, year=p.year,
                    alt_titles=[AltTitle(text=t, at=a or None) for t, a in p.alt_titles],
                    authors=[self.person(a, (f"paper-{n}", i)) for i, a in enumerate(p.authors)],
                    url=self.url(p.url, _where(p.line, p.at)), kinds=p.kinds,  # type: ignore[arg-type]
                    at=p.at), f"paper {p.title!r}", _where(p.line, p.at))
                for n, p in enumerate(found) if p.year is not None and p.authors)
        return [p for p in made if p is not None]

    # relations ----------------------------------------------------------------------------

    def affiliation(self, speaker: SpeakerText, context: str, at: str | None) -> None:
        orgs = self.organizations(speaker.affiliation)
        if speaker.affiliation and orgs:
            self.affiliations.append(Affiliation(
                person=self.person(speaker.name), organizations=orgs, as_stated=speaker.affiliation,
                role=speaker.role, evidence=speaker.printed, at=at or context))

    def talk_relations(self, talk: TalkText, found: bio.Relations) -> None:
        for speaker in talk.speakers:
            self.affiliation(speaker, "speaker line", talk.at)
        for name, printed in talk.collaborator_affiliations.items():
            self.affiliation(SpeakerText(name, printed, printed=talk.collaboration_evidence),
                             "collaborators", talk.at)
        for position in found.positions:
            at = f"biography of {position.person}"
            orgs = self.bio_organizations(position.institution)
            if orgs:
                self.affiliations.append(Affiliation(
                    person=self.person(position.person), organizations=orgs,
                    as_stated=position.institution, role=position.role, current=position.current,
                    start_year=position.start_year, end_year=position.end_year,
                    evidence=position.evidence, at=at))
        for degree in found.education:
            at = f"biography of {degree.person}"
            orgs = self.bio_organizations(degree.institution)
            if orgs:
                self.education.append(Education(
                    person=self.person(degree.person), institution=orgs[-1], degree=degree.degree,
                    field=degree.field, year=degree.year, evidence=degree.evidence, at=at))
        for advising in found.advising:
            at = f"biography of {advising.student}"
            orgs = self.bio_organizations(advising.institution)
            self.advising.append(Advising(
                student=self.person(advising.student), advisor=self.person(advising.advisor),
                kind=advising.kind, institution=orgs[-1] if len(orgs) == 1 else None,  # type: ignore[arg-type]
                evidence=advising.evidence, at=at))


def web_address(text: str | None) -> str | None:
    """``text`` as an absolute web address with the spaces around it cut, or ``None`` when it is
    relative (it cannot be followed later) or not a valid IRI."""
    cleaned = text.strip() if text else ""
    return cleaned if WEB_ADDRESS.fullmatch(cleaned) else None


def _where(line: int | None, at: str | None) -> str:
    """Where a record was read on its page, for a problem: its line, else its ``at`` note."""
    return f"line {line}" if line else (at or "somewhere on the page")


def _short_slug(title: str) -> str:
    """A title's slug cut at a word boundary (at most 60 characters)."""
    slug = slugify(title)
    if len(slug) <= 60:
        return slug
    return slug[:60].rsplit("-", 1)[0]


def _unique_id(base: str, taken: set[str]) -> str:
    base = slugify(base)[:110].strip("-")
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def _ordered(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _unique(records: list[Affiliation] | list[Education] | list[Advising]) -> list:  # type: ignore[type-arg]
    seen: list = []  # type: ignore[type-arg]
    for record in records:
        if record not in seen:
            seen.append(record)
    return seen


def _person_ids(doc: SourceDocument) -> Iterator[str]:
    for event in doc.events:
        yield from event.organizers
        yield from event.attended_by_groups_of
        yield from (c.person for c in event.contacts)
    for talk in doc.talks:
        yield from (s.person for s in talk.speakers)
        yield from talk.collaborators
    for paper in doc.papers:
        yield from paper.authors
    yield from (a.person for a in doc.affiliations)
    yield from (e.person for e in doc.education)
    for advising in doc.advising:
        yield advising.student
        yield advising.advisor


def _org_ids(doc: SourceDocument) -> Iterator[str]:
    for talk in doc.talks:
        for speaker in talk.speakers:
            yield from speaker.organizations
    for affiliation in doc.affiliations:
        yield from affiliation.organizations
    yield from (e.institution for e in doc.education)
    yield from (a.institution for a in doc.advising if a.institution)
    for event in doc.events:
        yield from event.hosts


def _alt_names(resolution: Resolution, people: list[Person], used: set[str]) -> dict[str, list[str]]:
    registry = {p.name: p for p in people}
    added: dict[str, list[str]] = {}
    for merge in resolution.merges:
        person = registry.get(merge.canonical)
        if merge.kind != "person" or person is None or person.id not in used:
            continue
        spelling = names.clean(merge.variant)
        if spelling != person.name and spelling not in person.alt_names:
            added.setdefault(person.id, [])
            if spelling not in added[person.id]:
                added[person.id].append(spelling)
    return added


def same_title(a: str | None, b: str | None) -> bool:
    """Whether two titles are one title spelled (a little) differently."""
    if a is None or b is None:
        return a is b
    fa, fb = (re.sub(r"[^a-z0-9]+", " ", t.casefold()).strip() for t in (a, b))
    return fa == fb or difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.85


def day(value: datetime | date | None) -> date | None:
    """The calendar day of a date or datetime."""
    return value.date() if isinstance(value, datetime) else value
