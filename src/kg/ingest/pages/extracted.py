"""What page extractors produce: talks, events and papers with names still as printed.

Names of people and institutions are resolved to ids later (``records``); here every fact keeps
the place in the page it came from (``at``: a section name and a line number).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time


@dataclass
class SpeakerText:
    """A speaker as printed: name, affiliation (as printed) and role."""

    name: str
    affiliation: str | None = None
    role: str | None = None
    printed: str | None = None
    """The line the speaker was read from, kept as evidence of the affiliation."""
    homepage: str | None = None
    """The address the page links the speaker's name to."""


@dataclass
class EventText:
    """An event (a series, one seminar, a meeting, a collection) as the page describes it."""

    key: str
    name: str
    kind: str
    part_of: str | None = None
    start: datetime | date | None = None
    end: datetime | date | None = None
    timezone: str | None = None
    schedule: str | None = None
    place: str | None = None
    address: str | None = None
    organizers: list[SpeakerText] = field(default_factory=list)
    attended_by_groups_of: list[str] = field(default_factory=list)
    contacts: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    audience: list[str] = field(default_factory=list)
    description: str | None = None
    links: list[str] = field(default_factory=list)
    at: str | None = None


@dataclass
class TalkText:
    """A talk as printed: speakers, title (``None`` when not announced yet), time, abstract, bio."""

    speakers: list[SpeakerText]
    title: str | None = None
    alt_titles: list[tuple[str, str]] = field(default_factory=list)
    event: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    place: str | None = None
    abstract: str | None = None
    biography: str | None = None
    collaborators: list[str] = field(default_factory=list)
    collaborator_affiliations: dict[str, str] = field(default_factory=dict)
    collaboration_evidence: str | None = None
    keywords: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    recording_offset: str | None = None
    at: str | None = None
    day: str | None = None
    """The date as precise as the page gives it: ``YYYY-MM-DD``, ``--MM-DD``, ``YYYY-MM``, ``YYYY``."""
    clock: time | None = None
    """The start time as printed (no zone needed)."""
    media: dict[str, str] = field(default_factory=dict)
    """Links of the talk by kind: ``slides``, ``video``, ``paper``, ``page``."""
    line: int | None = None
    confidence: float = 1.0
    guessed: list[str] = field(default_factory=list)
    """Fields the extractor guessed (from position rather than a label or mark)."""
    read_as: str | None = None
    """How the talk was read: ``table``, ``entry``, ``block``, ``unit``, ``front matter``,
    ``json-ld``, or ``layout`` (a layout reader's)."""
    weak: bool = False
    """Whether the page supports the reading too little for ``kg ingest`` to take it (``support``)."""


@dataclass
class PaperText:
    """A paper as an author page lists it: year, title, authors in order, presentation kinds."""

    title: str
    year: int | None
    authors: list[str]
    kinds: list[str] = field(default_factory=list)
    alt_titles: list[tuple[str, str]] = field(default_factory=list)
    at: str | None = None
    venue: str | None = None
    url: str | None = None
    line: int | None = None
    confidence: float = 1.0
    guessed: list[str] = field(default_factory=list)


@dataclass
class PageExtract:
    """Everything one page yields, before names are resolved."""

    kind: str
    title: str
    key: str
    events: list[EventText] = field(default_factory=list)
    talks: list[TalkText] = field(default_factory=list)
    papers: list[PaperText] = field(default_factory=list)
    people: list[SpeakerText] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Blocks that could not be read: ``line N: why``."""
