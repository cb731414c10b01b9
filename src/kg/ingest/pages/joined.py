"""One line that holds several talks, each speaker followed by their own title: "Sep 16: Ada
Lovelace (Lie algebras) and Mary Somerville (Knot polynomials): at 11am", "Part 1: Ada Lovelace -
Engines; Part 2: Mary Somerville - Tides".

A line read as one talk of several speakers whose title is the line's leftover is split at its
speakers' names: each name's own stretch of the line (up to the next name) gives its title, from a
bracket right after the name or from the words after a colon or a dash. The line is split only when
every speaker has such a title; otherwise it stays one talk of several speakers (a talk given
together, "Ada Lovelace and Mary Somerville: Tides").
"""

from __future__ import annotations

import re

from kg.ingest.pages.entries import Person, clean_title
from kg.ingest.pages.fields import bracket_holds_title

_BRACKET = re.compile(r"^\s*\((?P<title>[^()]{3,200})\)")
"""A bracket right after the name: "Ada Lovelace (Lie algebras continued)"."""
_AFTER_MARK = re.compile(r"^\s*(?:[:–—]|\s-)\s*(?P<title>.{3,250}?)\s*$", re.DOTALL)
"""The words after a colon or a dash: "Ada Lovelace - Support Vector Machines"."""
_JOINER_TAIL = re.compile(r"(?>\s*+[;,.]?\s*+(?:\band\b|&|\bpart\s*+\d++\s*+:?)\s*+)+$|[\s;,]++$",
                          re.IGNORECASE)
"""What joins a talk to the next one at the end of its stretch: "; Part 2:", " and ", " & ". Each joiner
is an atomic group and its runs possessive: a run of spaces is read one way, with no other split of it
to try (a plain group tries them all, in time exponential in the number of joiners, " and and ... x",
and square in a run's length)."""
_PART_HEAD = re.compile(r"(?:^|[\s;,])part\s*\d+\s*:?\s*$", re.IGNORECASE)
"""The head of the next part left at the end of a title: "Engines; Part 2:"."""


def split_speakers(text: str, speakers: list[Person]) -> list[tuple[Person, str]]:
    """The talks of a line that gives each of its two or more speakers a title of their own, in
    the line's order: (speaker, title) pairs; empty when a speaker's name is not printed whole and
    once, or when a speaker has no title of their own."""
    if len(speakers) < 2:
        return []
    spots = []
    for person in speakers:
        at = [m.start() for m in re.finditer(re.escape(person.name), text)]
        if len(at) != 1:
            return []
        spots.append((at[0], person))
    spots.sort(key=lambda spot: spot[0])
    talks = []
    for k, (start, person) in enumerate(spots):
        end = spots[k + 1][0] if k + 1 < len(spots) else len(text)
        stretch = text[start + len(person.name):end]
        title = _own_title(stretch, last=k + 1 == len(spots))
        if title is None:
            return []
        talks.append((Person(person.name, None, person.homepage), title))
    return talks


def _own_title(stretch: str, last: bool) -> str | None:
    """The title a speaker's stretch of the line gives: a bracket right after the name that holds a
    title, else the words after a colon or a dash (up to the joiner before the next name)."""
    bracket = _BRACKET.match(stretch)
    if bracket:
        rest = stretch[bracket.end():]
        if bracket_holds_title(bracket["title"]) and (last or _JOINER_TAIL.fullmatch(rest) or not rest.strip()
                                                        or _PART_HEAD.search(rest)):
            return bracket["title"].strip()
        return None
    if last:
        return None  # the last speaker's words after a mark run to the line's end: its place, time or notes
    marked = _AFTER_MARK.match(stretch)
    if not marked:
        return None
    title = _JOINER_TAIL.sub("", marked["title"]).strip()
    title = _PART_HEAD.sub("", title).strip(" ;,")
    return clean_title(title) if len(title.split()) >= 2 else None
