"""What resolution hands on: names → ids, the people and institutions to add, and the cases found."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from kg.ingest.resolve import names
from kg.ingest.resolve.affiliations import Registry
from kg.records.models import Organization, Person


class PrintedPeople(Protocol):
    """What the resolver reads of a paper or a talk: names in order, affiliations as printed."""

    @property
    def authors(self) -> Sequence[str]: ...

    @property
    def affiliations(self) -> Sequence[str | None]: ...


@dataclass(frozen=True)
class Merge:
    """Two spellings resolved to one person or institution, and why."""

    kind: str
    canonical: str
    variant: str
    reason: str
    evidence: str = ""
    score: float | None = None


@dataclass(frozen=True)
class Ambiguity:
    """Two names that may be one person, left apart for a person to decide."""

    kind: str
    name: str
    other: str
    reason: str
    evidence: str = ""
    score: float | None = None


CaseStatus = Literal["merged", "split", "open"]


@dataclass(frozen=True)
class Case:
    """One decision of the resolver a person may review, under an ID that stays the same across runs.

    ``merged``: two names taken as one person; ``split``: one name taken as two people;
    ``open``: two names or two groups of one name left apart, though they may be one person.
    ``name`` and ``other`` are the two sides as printed; ``keys`` the name keys they stand for;
    ``sides`` describe each side (institutions, coauthors) for a namesake entry.
    """

    status: CaseStatus
    kind: str
    name: str
    other: str
    reason: str
    evidence: str
    score: float
    keys: tuple[str, str]
    sides: tuple[Side, Side] | None = None

    @property
    def id(self) -> str:
        """A short stable ID: the same two names (or name and groups) give the same ID in every run."""
        anchor = "|".join((self.kind, "same" if self.keys[0] == self.keys[1] else "pair", *sorted(self.keys),
                           *(sorted(s.anchor for s in self.sides) if self.sides else ())))
        return hashlib.sha1(anchor.encode()).hexdigest()[:8]


@dataclass(frozen=True)
class Side:
    """One of two groups of a name: its first authorship, institutions and main coauthors."""

    anchor: str
    organizations: tuple[str, ...]
    coauthors: tuple[str, ...]
    person: str


@dataclass
class Resolution:
    """Names → ids, the people and organizations to add, and what was merged, split or left open."""

    person_ids: dict[str, str] = field(default_factory=dict)
    org_ids: dict[str, str] = field(default_factory=dict)
    new_people: list[Person] = field(default_factory=list)
    new_organizations: list[Organization] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    ambiguities: list[Ambiguity] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    known_organizations: frozenset[str] = frozenset()
    registry: Registry | None = None
    """The registry's institutions, to read any printed affiliation."""
    namesake_ids: dict[tuple[str, int], str] = field(default_factory=dict)
    """(paper key or talk uid, position) → person id, for every authorship resolved."""

    def person(self, printed: str, where: tuple[str, int] | None = None) -> str:
        """The person id of a printed name; ``where`` (key, position) tells namesakes apart."""
        if where is not None and where in self.namesake_ids:
            return self.namesake_ids[where]
        return self.person_ids[names.key(printed)]

    def corporate(self, printed: str) -> list[str]:
        """The organization an author that is an organization names (``{OpenAI}``): known or new."""
        known = self.organizations(printed)
        if known:
            return known[:1]
        return [self.org_ids[k] for k in (corporate_key(printed),) if k in self.org_ids]

    def organizations(self, affiliation: str) -> list[str]:
        """The organization ids named in an affiliation string, in printed order, no repeats."""
        if self.registry is None:
            return []
        ids = [named.org_id or self.org_ids.get(named.key) for named in self.registry.read(affiliation)]
        if not any(ids):  # "Xiaomi" alone, known from "Xiaomi AI Lab" elsewhere in the field
            ids = [self.org_ids.get(k) for k in self.registry.segment_keys(affiliation)]
        return list(dict.fromkeys(i for i in ids if i))


def corporate_key(printed: str) -> str:
    """The key of an organization printed as an author, whatever words it has."""
    return "corporate " + names.fold(printed)


def most_common(counter: Counter[str]) -> str:
    """The most frequent spelling; ties go to the longest (most complete), then alphabetical."""
    return min(counter, key=lambda s: (-counter[s], -len(s), s))


def unique_id(base: str, taken: set[str]) -> str:
    """``base`` cut to an id's length, with ``-2``, ``-3``... when it is taken; the id is then taken."""
    candidate, n = base[:120].strip("-") or "x", 2
    while candidate in taken:
        candidate = f"{base[:115]}-{n}"
        n += 1
    taken.add(candidate)
    return candidate
