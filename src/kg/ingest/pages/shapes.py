"""Record families by shape: the units a page repeats, found from its tree alone, read by slot.

A listing repeats one record per talk, and a record's markup has one shape whatever its words: the
same tags in the same order (``li`` with a ``b`` and a tail; ``h3``, ``p``, ``p``; ``dt``, ``dd``;
cards of one class; runs of siblings between ``hr`` rules). ``families`` finds, under every
element, the runs of sibling windows (1 to 4 siblings) whose tag signatures repeat at least three
times, without reading a word (the idea of record detection in MDR and DEPTA). Each unit is cut
into slots: a slot is one stretch of text at one tag path inside the unit (``li/b``, the ``li``'s
own text after its link, the second of three `` - ``-separated parts), numbered in order, so that
the slots of different units align. Then the words are read, slot by slot across the family: the
slot that parses as a date or a clock time in most units is the date, the slot that reads as
people's names in most units is the speaker, and the marked (link, bold, heading, italics) or
longest other slot is the title. A family is kept when most of its units hold a speaker and a date
or time in those aligned slots; of overlapping families the better supported wins.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kg.ingest.pages.blocks import SKIPPED_TAGS
from kg.ingest.pages.entries import LINK_WORDS, Fields, Person, clean_title, speakers_of
from kg.ingest.pages.fields import (
    PartialDate,
    find_dates,
    find_times,
    is_name,
    is_organization,
    is_placeholder,
)
from kg.ingest.pages.siblings import tag_of

_SKIP = SKIPPED_TAGS | {"table", "img"}
"""What a family never holds: what no page reading holds, and tables (the table reader's) and images."""
_MARKED = frozenset({"a", "b", "strong", "i", "em", "cite", "h1", "h2", "h3", "h4", "h5", "h6", "u"})
_INLINE = frozenset({"a", "b", "strong", "i", "em", "cite", "span", "small", "code", "sup", "sub",
                     "font", "u", "mark", "time", "abbr", "big", "tt", "s", "del", "strike"})
_SEPARATOR = re.compile(r"\s+[-–—]{1,2}\s+|\s*[|•·]\s*|\n|\s*;\s+|\s+/\s+")
_EDGE = " \t\n,;:.-–—|•·*_()[]"
_OPENER = re.compile(r"^(?:h[1-6]|hr|dt)\.|^\w+\.\S")
"""What opens a unit of varying length: a heading, a rule, a term, or an element of a class."""
_BREAK = "\u2028"
_MAX_WINDOW = 4
_MIN_REPEATS = 3
_MIN_RUN = 2
_MAX_UNIT_TEXT = 4000
_PROSE_WORDS = 30


@dataclass
class Slot:
    """One stretch of a unit's text at one place of its shape."""

    text: str
    marked: bool
    href: str | None = None


@dataclass
class Record:
    """One unit of a family: its elements and the fields its aligned slots give."""

    elements: list[Any]
    fields: Fields
    abstract: str | None = None


@dataclass
class Family:
    """Units of one shape under one parent, and the slot each field was read from."""

    units: list[list[Any]]
    roles: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    records: list[Record] = field(default_factory=list)

    @property
    def support(self) -> int:
        """How many units hold a speaker and a date or a time."""
        return len(self.records)


def _signature(element: Any) -> str:
    """An element's shape as its siblings are compared: its tag and the class it is styled by
    (numbers dropped: ``event-3`` and ``event-4`` are one class)."""
    classes = (element.get("class") or "").split()
    first = re.sub(r"\d+", "", classes[0]) if classes else ""
    return f"{tag_of(element)}.{first}"


def _runs(children: list[Any]) -> list[list[list[Any]]]:
    """Runs of sibling windows with one signature sequence, repeated at least twice (the runs of
    one path are pooled, and a family needs three units): each run a list of units, each unit
    ``width`` consecutive siblings; and the units a repeated opener starts (``_opened_by``)."""
    signatures = [_signature(c) for c in children]
    found: list[list[list[Any]]] = []
    for width in range(2, _MAX_WINDOW + 1):  # single elements are pooled by their path instead
        start = 0
        while start + width * _MIN_RUN <= len(children):
            window = signatures[start:start + width]
            repeats = 1
            while signatures[start + repeats * width:start + (repeats + 1) * width] == window:
                repeats += 1
            if repeats >= _MIN_RUN and len(set(window)) > 1:
                found.append([children[start + n * width:start + (n + 1) * width] for n in range(repeats)])
                start += repeats * width
            else:
                start += 1
    found.extend(_opened_by(children, signatures))
    return found


def _opened_by(children: list[Any], signatures: list[str]) -> list[list[list[Any]]]:
    """Units opened by a repeated opener and running to the next one: a signature that repeats at
    least three times while the siblings between its repeats differ in number (a heading over
    one to three paragraphs, an ``hr`` rule, a ``dt`` with its ``dd``)."""
    found = []
    for opener, count in Counter(signatures).items():
        if count < _MIN_REPEATS or count == len(signatures) or not _OPENER.match(opener):
            continue
        units: list[list[Any]] = []
        for child, signature in zip(children, signatures, strict=True):
            if signature == opener:
                units.append([] if tag_of(child) == "hr" else [child])
            elif units:
                units[-1].append(child)
        units = [u for u in units if u]
        lengths = {len(u) for u in units}
        if len(units) >= _MIN_REPEATS and len(lengths) > 1 and max(lengths) <= 2 * _MAX_WINDOW:
            found.append(units)
    return found


def _slots(elements: list[Any]) -> dict[tuple[str, int], Slot]:
    """A unit's text cut by its shape: each stretch of text keyed by its tag path in the unit and
    its number among the stretches at that path, parts between separators (" - ", "|", line
    breaks) counted apart."""
    slots: dict[tuple[str, int], Slot] = {}
    counts: Counter[str] = Counter()

    def put(path: str, text: str, marked: bool, href: str | None) -> None:
        text = text.replace("\n", " ").replace(_BREAK, "\n")  # a source's line breaks are spaces
        for part in (text.split("\n") if marked else _SEPARATOR.split(text)):  # a marked run is one field
            part = re.sub(r"\s+", " ", part).strip(_EDGE)
            if part:
                slots[(path, counts[path])] = Slot(part, marked, href)
                counts[path] += 1

    def walk(node: Any, path: str, marked: bool, href: str | None) -> None:
        pending: list[str] = [node.text or ""]
        for child in node:
            tag = tag_of(child)
            if not tag or tag in _SKIP or tag == "br":
                pending.append(_BREAK if tag == "br" else "")
                pending.append(child.tail or "")
                continue
            flat = tag in _INLINE and tag not in _MARKED - {"a"}
            if flat and _mid_phrase("".join(pending), child.tail or ""):
                pending.append(child.text_content())  # "... solver using <a>Trixi.jl</a>": one phrase
                pending.append(child.tail or "")
                continue
            put(path, "".join(pending), marked, href)
            pending = []
            name = f"{tag}.{re.sub(r'[0-9]+', '', (child.get('class') or '').split(' ')[0])}"
            walk(child, f"{path}/{name}", marked or tag in _MARKED,
                 child.get("href") if tag == "a" else href)
            pending.append(child.tail or "")
        put(path, "".join(pending), marked, href)

    seen: Counter[str] = Counter()
    for element in elements:  # keyed by shape and rank, not position: units of varying length align
        signature = _signature(element)
        seen[signature] += 1
        walk(element, f"{signature}#{seen[signature]}", tag_of(element) in _MARKED,
             element.get("href") if tag_of(element) == "a" else None)
    return slots


def _mid_phrase(before: str, after: str) -> bool:
    """Whether an inline element stands inside a phrase of its parent's text, not between fields:
    a word in lower case runs into it, or words run on both sides of it."""
    before = before.replace(_BREAK, "\n").rstrip(" ")
    if not before or not (before[-1].isalnum()):
        return False
    last = before.split()[-1]
    return last != "by" and (last.islower() or after[:1].isalnum())


@lru_cache(maxsize=8192)
def _is_when(text: str, day_first: bool) -> bool:
    """Whether a slot is a date or a time: what it parses as covers most of it."""
    found = [*_dates(text, day_first), *_times(text)]
    covered = sum(f.end - f.start for f in found)
    return bool(found) and covered >= 0.4 * len(text.strip(_EDGE + "0123456789"))


def _people(text: str) -> list[Person]:
    """The people a slot names, when it is nothing but people (with their affiliations)."""
    return [Person(*person) for person in _named(text)]


@lru_cache(maxsize=8192)
def _named(text: str) -> tuple[tuple[str, str | None, str | None], ...]:
    people = speakers_of(text)
    if not people or not all(is_name(p.name) for p in people):
        return ()
    return tuple((p.name, p.affiliation, p.homepage) for p in people)


@lru_cache(maxsize=8192)
def _dates(text: str, day_first: bool) -> tuple[Any, ...]:
    return tuple(find_dates(text, day_first))


@lru_cache(maxsize=8192)
def _times(text: str) -> tuple[Any, ...]:
    return tuple(find_times(text))


Key = tuple[str, int]


def _roles(units: list[dict[Key, Slot]], day_first: bool) -> dict[str, list[Key]]:
    """Which slots of the family hold each field, the likeliest first: the date, the time, the
    speaker, the affiliation, the title. A unit that lacks a field's first slot takes the next."""
    keys = Counter(key for unit in units for key in unit)
    enough = max(2, int(0.5 * len(units)))
    common = [key for key, count in keys.items() if count >= enough]
    rare = [key for key, count in keys.items() if 2 <= count < enough]
    roles: dict[str, list[Key]] = {}

    def share(key: Key, test: Any) -> float:
        values = [unit[key].text for unit in units if key in unit]
        return sum(1 for v in values if test(v)) / len(values) if values else 0.0

    def ranked(role: str, test: Any, least: float, among: list[Key]) -> None:
        taken = {k for keys in roles.values() for k in keys}
        found = [(share(k, test), keys[k], k) for k in among if k not in taken]
        found = sorted((w for w in found if w[0] >= least), key=lambda w: (-w[1] * w[0], -w[1]))
        if found:
            roles.setdefault(role, []).extend(k for _, _, k in found)

    def dated(value: str) -> bool:
        return _is_when(value, day_first) and bool(_dates(value, day_first))

    def timed(value: str) -> bool:
        return _is_when(value, day_first) and bool(_times(value))

    def named(value: str) -> bool:
        return bool(_people(value)) and not _is_when(value, day_first)

    for role, test in (("date", dated), ("time", timed)):
        found = sorted(((share(k, test), keys[k], k) for k in common),
                       key=lambda w: (-w[1] * w[0], -w[1]))
        roles[role] = [k for score, _, k in found if score >= 0.6]  # one slot may give both
        if not roles[role]:
            del roles[role]
    ranked("speaker", named, 0.6, common)
    if "speaker" in roles:
        ranked("speaker", named, 0.8, rare)
    ranked("affiliation", lambda v: is_organization(v) and not _people(v), 0.5, common)
    titles = []
    taken = {k for keys in roles.values() for k in keys}
    for key in [*common, *rare]:
        if key in taken or share(key, is_organization) > 0.3:
            continue
        values = [unit[key] for unit in units if key in unit]
        words = sum(len(v.text.split()) for v in values) / len(values)
        if words < 2 or words > _PROSE_WORDS or share(key, lambda v: bool(LINK_WORDS.match(v))) > 0.3 \
                or share(key, lambda v: bool(_people(v))) > 0.3 \
                or share(key, lambda v: _is_when(v, day_first)) > 0.3:
            continue
        marked = sum(1 for v in values if v.marked) / len(values)
        titles.append((keys[key] + len(units) * 0.5 * marked + min(words, 12) / 12, key))
    if titles:
        roles["title"] = [key for _, key in sorted(titles, reverse=True)]
    return roles


def _first(unit: dict[Key, Slot], keys: list[Key], test: Any) -> Slot | None:
    """The unit's slot for a field: the first of the family's slots for it that the unit has and
    that reads as the field."""
    return next((unit[k] for k in keys if k in unit and test(unit[k].text)), None)


def _read(family: Family, slotted: list[dict[Key, Slot]], day_first: bool,
          headed: dict[int, PartialDate]) -> None:
    """Each unit's fields from the family's slots; units without a speaker and a date or time
    are left out. A family whose units state no date takes each unit's from the heading it
    stands under (``headed``), when its units have a title too."""
    roles = family.roles
    for elements, unit in zip(family.units, slotted, strict=True):
        speaker = _first(unit, roles.get("speaker", []), lambda v: bool(_people(v)))
        day = _first(unit, roles.get("date", []), lambda v: bool(_dates(v, day_first)))
        clock = _first(unit, roles.get("time", []), lambda v: bool(_times(v)))
        heading = headed.get(id(elements[0])) if "date" not in roles and "time" not in roles else None
        if speaker is None or (day is None and clock is None and heading is None):
            continue
        if sum(1 for slot in unit.values() if _people(slot.text)) > 3:
            continue  # many people in one unit: a citation's authors or a committee, not a talk
        if heading is not None and _first(unit, roles.get("title", []), lambda v: True) is None:
            continue
        people = _people(speaker.text)
        if speaker.href and len(people) == 1 and speaker.href.startswith(("http://", "https://")):
            people[0].homepage = people[0].homepage or speaker.href
        place = _first(unit, roles.get("affiliation", []), is_organization)
        if place is not None and len(people) == 1 and people[0].affiliation is None:
            people[0].affiliation = place.text
        fields = Fields(speakers=people, date=heading)
        if day is not None:
            fields.date = _dates(day.text, day_first)[0].value  # type: ignore[assignment]
        if clock is None and (fields.date is None or fields.date.day is None):
            continue  # a month or a year: when a paper appeared, not when a talk is given
        if clock is not None:
            fields.time, fields.end = _times(clock.text)[0].value  # type: ignore[misc]
        titles = roles.get("title", [])  # a slot other than the family's first holds a title of words
        title = _first(unit, titles[:1], lambda v: True) \
            or _first(unit, titles[1:], lambda v: len(v.split()) >= 3)
        if title is not None and is_placeholder(title.text):
            fields.title_open = True
        elif title is not None:
            fields.title = clean_title(title.text)
            if not title.marked:
                fields.guessed.add("title")  # read by its place, not marked as a title
            if title.href and title.href.startswith(("http://", "https://")):
                fields.links["page"] = title.href
        prose = [s.text for s in unit.values() if len(s.text.split()) > _PROSE_WORDS]
        family.records.append(Record(elements, fields, "\n".join(prose) or None))


def _pooled(root: Any) -> list[list[list[Any]]]:
    """Candidate unit groups of the whole page: the elements at one tag path from the root (every
    ``li`` of the lists under each day's heading is one family), and the multi-element windows and
    opened units of each parent, pooled across parents at one path with one window shape."""
    paths: dict[Any, str] = {}
    groups: dict[tuple[str, ...], list[list[Any]]] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        parent = element.getparent()
        above = paths.get(parent, "") if parent is not None else ""
        tag = tag_of(element)
        if tag in _SKIP or above == "-" or tag in ("tr", "tbody", "thead", "td", "th"):
            paths[element] = "-"  # tables are read by their columns; skipped parts are not read
            continue
        paths[element] = f"{above}/{_signature(element)}"
        groups.setdefault((paths[element],), []).append([element])
        children = [c for c in element if isinstance(c.tag, str) and tag_of(c) not in _SKIP]
        if len(children) < 2 * _MIN_RUN:
            continue
        for units in _runs(children):
            shape = tuple(_signature(e) for e in units[0]) if len(units[0]) > 1 else ()
            key = (paths[element], "|".join(shape), str(len({len(u) for u in units}) > 1))
            groups.setdefault(key, []).extend(units)
    return [units for units in groups.values() if len(units) >= _MIN_REPEATS]


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "summary"})


def _heading_dates(elements: list[Any], day_first: bool) -> dict[int, PartialDate]:
    """The date of the heading each element stands under ("### Sep 2, 2022" over that day's
    list), for the elements after a heading that is a date, up to the next heading."""
    found: dict[int, PartialDate] = {}
    current: PartialDate | None = None
    inside: set[int] = set()
    for element in elements:
        if not isinstance(element.tag, str) or id(element) in inside:
            continue
        if tag_of(element) in _HEADINGS:
            text = element.text_content()
            dates = _dates(text, day_first) if len(text) <= 60 else []
            current = dates[0].value if dates and _is_when(text, day_first) else None  # type: ignore[assignment]
            inside.update(id(d) for d in element.iter())
        elif current is not None:
            found[id(element)] = current
    return found


def families(root: Any, day_first: bool) -> list[Family]:
    """The record families of a page's tree that hold talks, the best supported first, none
    overlapping another; of a family of days whose days hold families of talks, the talks."""
    alive = list(root.iter())  # lxml's proxies keep their ids (compared below) only while referenced
    headed = _heading_dates(alive, day_first)
    candidates: list[Family] = []
    for units in _pooled(root):
        texts = [" ".join(e.text_content() for e in u) for u in units]
        dated = 0
        for text, unit in zip(texts, units, strict=True):
            if len(text) <= _MAX_UNIT_TEXT and (id(unit[0]) in headed or re.search(r"\d", text) and (
                    find_times(text) or find_dates(text, day_first))):
                dated += 1
                if dated >= _MIN_REPEATS:
                    break
        if dated < _MIN_REPEATS:
            continue
        slotted = [_slots(u) for u in units]
        family = Family(units, _roles(slotted, day_first))
        if "speaker" not in family.roles or not ("date" in family.roles or "time" in family.roles
                                                 or "title" in family.roles):
            continue
        _read(family, slotted, day_first, headed)
        if family.support >= _MIN_REPEATS and family.support >= 0.5 * len(units):
            candidates.append(family)
    inside_of = [{id(d) for r in f.records for e in r.elements for d in e.iter()} for f in candidates]
    beaten = set()
    for n, outer in enumerate(candidates):  # a family of days whose days are families of talks
        within = [m for m in range(len(candidates)) if m != n and _within(inside_of[m], inside_of[n])]
        widest = [m for m in within if not any(_within(inside_of[m], inside_of[k]) for k in within if k != m)]
        inner = sum(candidates[m].support for m in widest)  # a family inside another counts once
        if inner >= 1.5 * outer.support:  # its units hold several talks each: days, not talks
            beaten.add(n)
    chosen: list[Family] = []
    taken: set[int] = set()
    kept = [f for n, f in enumerate(candidates) if n not in beaten]
    for family in sorted(kept, key=lambda f: (-f.support, "title" not in f.roles, -len(f.units))):
        inside = {id(d) for r in family.records for e in r.elements for d in e.iter()}
        above = {id(a) for r in family.records for e in r.elements for a in e.iterancestors()}
        if inside & taken or above & taken:
            continue
        chosen.append(family)
        taken |= inside
    del alive
    return chosen


def _within(inner: set[int], outer: set[int]) -> bool:
    """Whether the elements ``inner`` are (mostly) inside the larger ``outer``."""
    return len(inner) < len(outer) and len(inner & outer) >= 0.8 * len(inner)


__all__ = ["Family", "Record", "Slot", "families"]
