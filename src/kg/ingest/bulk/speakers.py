"""Speakers of calendar talks matched to the authors of the bibliographies taken in with them.

A calendar prints a speaker the way people call them ("Dave Donoho", "Tom Hartvigsen",
"Wasi Ahmad"); the bibliography prints the same person in full ("David L. Donoho", "Thomas
Hartvigsen", "Wasi Uddin Ahmad"). The name resolver (``kg.ingest.resolve``) merges two such spellings only
when a coauthor or an organization corroborates it, and a talk has no coauthors: its speaker
stays a person of their own, with no papers, and every suggestion or analysis misses them.

Here a speaker known from talks only is given to an author when the two names may be one
person (``names.compatible``: a short form of the first name, a middle name or initial one of
them leaves out; not a typo, not an initial for the first name) **and** that author is the only
one in the whole bibliography the speaker's name fits. Two or more fitting authors leave the speaker apart; so
does a speaker already matched to an author or listed in the registry (``data/people.yaml``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from kg.ingest.printed import ImportedPaper
from kg.ingest.resolve import names
from kg.ingest.resolve.people import Merge, Resolution

REASONS = frozenset({"short form", "middle name", "middle initial", "spacing"})
"""The reasons of ``names.compatible`` that may match a speaker to an author with nothing else to
back them. Not a typo ("Jian" is not "Jiang"), and not an initial: "Z. Wang" fits too many."""


def why_same(speaker_key: str, author_key: str) -> str | None:
    """Why a speaker's name key and an author's may name one person, or ``None``."""
    if min(len(names.parts(speaker_key)[0]), len(names.parts(author_key)[0])) < 2:
        return None
    reason = names.compatible(speaker_key, author_key)  # e.g. "short form, middle name"
    return reason if reason and set(reason.split(", ")) <= REASONS else None


def match_speakers(resolution: Resolution, papers: Iterable[ImportedPaper],
                   talks: Sequence[tuple[Sequence[str], str]]) -> None:
    """Give each talk-only speaker to the one author whose name fits theirs (see the module's help).

    ``talks`` holds each talk's speakers as printed and its UID. Updates ``resolution`` in place:
    the speaker's name keys point at the author, the speaker's own person is dropped and their
    spellings become the author's other names, and each match is listed in ``merges``.
    """
    authors: dict[str, str] = {}  # author name key → person id
    for paper in papers:
        for position, author in enumerate(paper.authors):
            authors.setdefault(names.key(author), resolution.person(author, (paper.key, position)))
    authored = set(authors.values())
    by_last: dict[str, list[str]] = defaultdict(list)
    for author_key in sorted(authors):
        by_last[names.parts(author_key)[2]].append(author_key)
    new_people = {p.id: p for p in resolution.new_people}
    moved: dict[str, tuple[str, str, str]] = {}  # speaker's person id → (author id, spelling, reason)
    for printed, where in ((s, (uid, i)) for speakers, uid in talks for i, s in enumerate(speakers)):
        speaker_key = names.key(printed)
        own = resolution.namesake_ids.get(where, resolution.person_ids.get(speaker_key))
        if own is None or own in authored or own not in new_people or own in moved:
            continue
        fitting = {authors[k]: why for k in by_last.get(names.parts(speaker_key)[2], [])
                   if (why := why_same(speaker_key, k)) is not None}
        if len(fitting) == 1:
            target, reason = next(iter(fitting.items()))
            moved[own] = (target, names.clean(printed), reason)
    if not moved:
        return
    for name_key, person_id in list(resolution.person_ids.items()):
        if person_id in moved:
            resolution.person_ids[name_key] = moved[person_id][0]
    for authorship, person_id in list(resolution.namesake_ids.items()):
        if person_id in moved:  # each authorship resolved on its own follows its person
            resolution.namesake_ids[authorship] = moved[person_id][0]
    spellings: dict[str, set[str]] = defaultdict(set)
    for own, (target, spelling, reason) in sorted(moved.items()):
        gone = new_people.pop(own)
        spellings[target].update({gone.name, *gone.alt_names})
        label = new_people[target].name if target in new_people else target
        resolution.merges.append(Merge("person", label, spelling,
                                       f"talk speaker: {reason}, the only author whose name fits"))
    for target, extra in spellings.items():
        if target in new_people:
            person = new_people[target]
            new_people[target] = person.model_copy(
                update={"alt_names": sorted(set(person.alt_names) | (extra - {person.name}))})
    resolution.new_people = sorted(new_people.values(), key=lambda p: p.id)
