"""The graph index: the whole store as arrays, derived once per store version, for suggestions.

``derive_index`` reads four whole-store scans (``suggest_index_links``, ``_values``, ``_types``
and ``_affiliations``: plain SPARQL 1.1, one pattern each but for the last) and keeps what a
suggestion needs as numpy and scipy arrays:

- people and *works*: papers (authors), talks (speakers and named collaborators), advising
  (advisor and student) and series (everyone who spoke in the series, so "who spoke where" is a
  link too); one *membership* row per person and work, with the day it became known (a paper
  from the last day of its year, a talk from its day, advising always, an undated talk never);
- events with their parent event, organizers, leads of the groups they are for, and hosts;
- affiliations with the day they are known from, organizations mapped to their top
  organization;
- a work × word matrix over titles and abstracts (``topics.words``): each word once, times its
  inverse document frequency, rows of unit length, stored by column so a query reads only its
  words; the topic space learned from it (``semantic``: LSA, dimensions × words), so a series'
  words meet works on the same subject in other words; and each person's place in the order of
  names, for ties.

``IndexCollector`` gathers the same rows from the quads as ``kg build`` streams them, so a build
never scans the store it just wrote. A store directory keeps the index inside its version
directory (``kg build`` writes it before the swap, so it is versioned and replaced with the
store); a build on a SPARQL endpoint leaves a stamp there (``BuildStamp``) and caches the index
under it; an endpoint loaded another way gets it derived through SPARQL once and cached per
store version (``index_for``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from kg.errors import StoreError
from kg.network import semantic, topics
from kg.sparql.catalog import find_query
from kg.store import GraphStore, is_remote

FORMAT = 4
"""Bumped whenever the files change shape; an index of another format is derived again."""
INDEX_DIR = "kg-index"
"""The folder, inside a store's version directory, that holds its graph index."""
KG = "https://w3id.org/kg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
EPOCH = date(1970, 1, 1).toordinal()
ALWAYS = -(10 ** 6)
"""The day of a fact with no date that is always known (advising)."""
NEVER = 10 ** 7
"""The day of a fact that is never known as of any day (a talk with no date)."""

PAPER, TALK, PHD, POSTDOC, SERIES = range(5)
WORK_KINDS = ("paper", "talk", "phd", "postdoc", "series")
AUTHOR, SPEAKER, COLLABORATOR, ADVISOR, STUDENT = range(5)
ORGANIZER, GROUP_LEAD = range(2)
EVENT_CLASSES = frozenset(KG + c for c in ("Event", "SeminarSeries", "Seminar", "Meeting", "Workshop",
                                           "School", "Conference", "TalkCollection"))


def day_number(day: date) -> int:
    """Days since 1970-01-01."""
    return day.toordinal() - EPOCH


def day_of(number: int) -> date | None:
    """The date of a day number; ``None`` for ``ALWAYS`` and ``NEVER``."""
    if number in (ALWAYS, NEVER):
        return None
    return date.fromordinal(int(number) + EPOCH)


@dataclass
class GraphIndex:
    """The store as arrays (see the module's help). Rows of the membership arrays are sorted."""

    people: list[str]
    names: list[str]
    works: list[str]
    work_kind: np.ndarray
    work_day: np.ndarray
    work_title: list[str]
    work_venue: np.ndarray
    venues: list[str]
    member_person: np.ndarray
    member_work: np.ndarray
    member_role: np.ndarray
    member_day: np.ndarray
    events: list[str]
    event_names: list[str]
    event_parent: np.ndarray
    event_series: np.ndarray
    talk_event: np.ndarray
    role_event: np.ndarray
    role_person: np.ndarray
    role_kind: np.ndarray
    organizations: list[str]
    organization_names: list[str]
    organization_top: np.ndarray
    host_event: np.ndarray
    host_organization: np.ndarray
    affiliation_person: np.ndarray
    affiliation_organization: np.ndarray
    affiliation_day: np.ndarray
    terms: list[str]
    term_idf: np.ndarray
    work_terms: sp.csc_matrix
    """Works × words: binary TF times IDF, rows of unit length."""
    name_rank: np.ndarray
    term_space: np.ndarray
    """Dimensions × words: the topic space learned from ``work_terms`` (``semantic.learn_space``)."""
    @cached_property
    def person_index(self) -> dict[str, int]:
        """Person IRI → row."""
        return {p: i for i, p in enumerate(self.people)}

    @cached_property
    def event_index(self) -> dict[str, int]:
        """Event IRI → row."""
        return {e: i for i, e in enumerate(self.events)}

    @cached_property
    def person_starts(self) -> np.ndarray:
        """Where each person's membership rows start (rows are sorted by person): a CSR ``indptr``."""
        return _starts(self.member_person, len(self.people))

    @cached_property
    def by_work(self) -> np.ndarray:
        """The membership rows ordered by work (then person)."""
        return np.argsort(self.member_work, kind="stable")

    @cached_property
    def person_by_work(self) -> np.ndarray:
        """The person of each membership row, in the order of ``by_work``."""
        return self.member_person[self.by_work]

    @cached_property
    def member_venue(self) -> np.ndarray:
        """The venue of each membership row's work (-1 for none)."""
        return self.work_venue[self.member_work]

    @cached_property
    def last_day(self) -> int | None:
        """The latest day of a dated membership (``None`` when there is none)."""
        known = self.member_day[(self.member_day != NEVER) & (self.member_day != ALWAYS)]
        return int(known.max()) if len(known) else None

    @cached_property
    def work_starts(self) -> np.ndarray:
        """Where each work's rows start in ``by_work``: a CSR ``indptr``."""
        return _starts(self.member_work, len(self.works))

    @cached_property
    def member_kind(self) -> np.ndarray:
        """The kind of work of each membership row."""
        return self.work_kind[self.member_work]

    @cached_property
    def work_space(self) -> np.ndarray:
        """Works × dimensions: each work's unit vector in ``term_space`` (derived when first asked for)."""
        return semantic.work_vectors(self.work_terms, self.term_space)

    @cached_property
    def term_index(self) -> dict[str, int]:
        """Word → column of ``work_terms``."""
        return {w: i for i, w in enumerate(self.terms)}

    @property
    def memberships(self) -> sp.csr_matrix:
        """People × works, 1 where the person is a member of the work (any role, any day)."""
        return sp.csr_matrix((np.ones(len(self.member_person), dtype=np.float32),
                              (self.member_person, self.member_work)),
                             shape=(len(self.people), len(self.works)))


def _starts(owners: np.ndarray, count: int) -> np.ndarray:
    starts = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(owners, minlength=count), out=starts[1:])
    return starts


def expand(starts: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows of several owners of a CSR layout, in order, and for each row the position of its
    owner in ``owners``."""
    owners = np.asarray(owners, dtype=np.int64)
    lengths = starts[owners + 1] - starts[owners]
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    position = np.repeat(np.arange(len(owners)), lengths)
    offsets = np.arange(total) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return starts[owners[position]] + offsets, position


# --- Deriving the index from a store -------------------------------------------------------------


class _Ids:
    """Dense integer ids of strings, in the order first seen (renumbered sorted at the end)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def __call__(self, key: str) -> int:
        found = self.ids.get(key)
        if found is None:
            found = self.ids[key] = len(self.ids)
        return found


def derive_index(store: GraphStore) -> GraphIndex:
    """Read the store through four whole-store scans and build its graph index."""
    links: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for subject, link, obj in _rows(store, "suggest_index_links"):
        links[link].add((subject, obj))
    values: dict[str, dict[str, str]] = defaultdict(dict)
    for subject, name, value in _rows(store, "suggest_index_values"):
        kept = values[name]
        if subject not in kept or value < kept[subject]:  # several sources: the first value wins
            kept[subject] = value
    classes: dict[str, set[str]] = defaultdict(set)
    for subject, value in _rows(store, "suggest_index_types"):
        classes[subject].add(value)
    context_of = dict(sorted(links.pop("context", set()), reverse=True))
    start_of = values.pop("startYear", {})
    affiliations = list({(person, org, start_of.get(a, ""), context_of.get(a, ""))
                         for a, person, org in _rows(store, "suggest_index_affiliations")})
    return _assemble(links, values, classes, affiliations)


class IndexCollector:
    """The graph index gathered from quads as a build streams them (no scan of the finished store).

    ``add`` takes each quad (N-Quads terms, as ``kg.rdf`` writes them) and keeps the rows the four
    scans of ``derive_index`` would return; ``index`` assembles them the same way. An affiliation
    node's ``kg:person`` is kept when its ``rdf:type kg:Affiliation`` came before it (``kg.rdf``
    writes the type first), so the many authorship nodes' ``kg:person`` cost nothing.
    """

    def __init__(self) -> None:
        self.links: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.values: dict[str, dict[str, str]] = defaultdict(dict)
        self.classes: dict[str, set[str]] = defaultdict(set)
        self._affiliations: set[str] = set()
        self._person: dict[str, str] = {}
        self._organizations: list[tuple[str, str]] = []

    def add(self, quad: tuple[str, str, str, str]) -> None:
        """Keep what the index needs of one quad."""
        subject, predicate, obj = quad[0], quad[1], quad[2]
        link = _LINK_OF.get(predicate)
        if link is not None:
            self.links[link].add((subject[1:-1], obj[1:-1]))
            return
        field = _VALUE_OF.get(predicate)
        if field is not None:
            kept = self.values[field]
            value = _lexical(obj)
            key = subject[1:-1]
            if key not in kept or value < kept[key]:
                kept[key] = value
            return
        if predicate == _TYPE_TERM:
            if obj in _CLASS_TERMS:
                self.classes[subject[1:-1]].add(obj[1:-1])
            elif obj == _AFFILIATION_TERM:
                self._affiliations.add(subject)
        elif predicate == _PERSON_TERM:
            if subject in self._affiliations:
                self._person[subject] = obj[1:-1]
        elif predicate == _ORGANIZATION_TERM:
            self._organizations.append((subject, obj[1:-1]))

    def index(self) -> GraphIndex:
        """The graph index of every quad added."""
        links = {k: set(v) for k, v in self.links.items()}
        links = defaultdict(set, links)
        values = defaultdict(dict, {k: dict(v) for k, v in self.values.items()})
        context_of = dict(sorted(links.pop("context", set()), reverse=True))
        start_of = values.pop("startYear", {})
        affiliations = list({(self._person[a], org, start_of.get(a[1:-1], ""), context_of.get(a[1:-1], ""))
                             for a, org in self._organizations if a in self._person})
        return _assemble(links, values, self.classes, affiliations)


_LINKS = ("author", "speaker", "collaborator", "advisor", "student", "partOf", "organizer", "host",
          "attendedByGroupOf", "subOrganizationOf", "context")
_VALUES = ("name", "title", "abstract", "year", "start", "venue", "startYear")
_LINK_OF = {f"<{KG}{name}>": name for name in _LINKS}
_VALUE_OF = {f"<{KG}{name}>": name for name in _VALUES}
_TYPE_TERM = f"<{RDF_TYPE}>"
_CLASS_TERMS = frozenset(f"<{c}>" for c in EVENT_CLASSES | {KG + "DoctoralAdvising", KG + "PostdocAdvising"})
_AFFILIATION_TERM = f"<{KG}Affiliation>"
_PERSON_TERM = f"<{KG}person>"
_ORGANIZATION_TERM = f"<{KG}organization>"
_ECHAR = re.compile(r"\\(.)")
_UNESCAPED = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _lexical(term: str) -> str:
    """The lexical form of an N-Quads literal (or the text of an IRI)."""
    if term.startswith("<"):
        return term[1:-1]
    text = term[1:term.rfind('"')]
    return _ECHAR.sub(lambda m: _UNESCAPED.get(m.group(1), m.group(1)), text) if "\\" in text else text


def _rows(store: GraphStore, name: str) -> Iterator[list[str]]:
    rows = store.select_text(find_query(name).text)
    next(rows, None)  # the header
    return rows


def _assemble(
    links: dict[str, set[tuple[str, str]]],
    values: dict[str, dict[str, str]],
    classes: dict[str, set[str]],
    affiliations: list[tuple[str, str, str, str]],
) -> GraphIndex:
    names, titles, abstracts = values["name"], values["title"], values["abstract"]
    years, starts, venues_of = values["year"], values["start"], values["venue"]
    # Works: papers, talks, advising (each a hyperedge), then series.
    members: list[tuple[str, str, int, int]] = []  # person, work, role, day
    work_kind: dict[str, int] = {}
    for paper, person in links["author"]:
        work_kind[paper] = PAPER
        members.append((person, paper, AUTHOR, _paper_day(years.get(paper))))
    for role, prop in ((SPEAKER, "speaker"), (COLLABORATOR, "collaborator")):
        for talk, person in links[prop]:
            work_kind[talk] = TALK
            members.append((person, talk, role, _talk_day(starts.get(talk))))
    advising_kind = {s: (PHD if KG + "DoctoralAdvising" in c else POSTDOC) for s, c in classes.items()
                     if KG + "DoctoralAdvising" in c or KG + "PostdocAdvising" in c}
    for role, prop in ((ADVISOR, "advisor"), (STUDENT, "student")):
        for advising, person in links[prop]:
            if advising in advising_kind:
                work_kind[advising] = advising_kind[advising]
                members.append((person, advising, role, ALWAYS))
    # Events: every resource typed as an event or part of one.
    parent: dict[str, str] = {}
    for part, whole in sorted(links["partOf"]):
        parent.setdefault(part, whole)
    event_set = {s for s, c in classes.items() if c & EVENT_CLASSES}
    event_set |= {w for p, w in links["partOf"] if p not in work_kind}
    event_set |= {p for p, _ in links["partOf"] if p not in work_kind}
    event_set |= {e for e, _ in links["organizer"]} | {e for e, _ in links["host"]}
    events = sorted(event_set)
    event_ids = {e: i for i, e in enumerate(events)}
    # Series membership: a speaker joins the top event of each talk, on the talk's day.
    for talk, person in links["speaker"]:
        top = _top(parent.get(talk), parent, event_set)
        if top is not None:
            work_kind[top] = SERIES
            members.append((person, top, SPEAKER, _talk_day(starts.get(talk))))
    people = sorted({m[0] for m in members} | {p for _, p in links["organizer"]}
                    | {p for _, p in links["attendedByGroupOf"]} | {a[0] for a in affiliations})
    person_ids = {p: i for i, p in enumerate(people)}
    works = sorted(work_kind)
    work_ids = {w: i for i, w in enumerate(works)}
    count = len(members)
    member_person = np.fromiter((person_ids[m[0]] for m in members), np.int32, count)
    member_work = np.fromiter((work_ids[m[1]] for m in members), np.int32, count)
    member_role = np.fromiter((m[2] for m in members), np.int8, count)
    member_day = np.fromiter((m[3] for m in members), np.int32, count)
    ordered = np.lexsort((member_role, member_day, member_work, member_person))
    venue_names = sorted({_venue(v) for v in venues_of.values()} - {""})
    venue_ids = {v: i for i, v in enumerate(venue_names)}
    work_days = np.array([_paper_day(years.get(w)) if work_kind[w] == PAPER
                          else _talk_day(starts.get(w)) if work_kind[w] == TALK else ALWAYS
                          for w in works], dtype=np.int32)
    organizations = sorted({o for _, o in links["host"]} | {a[1] for a in affiliations}
                           | {o for pair in links["subOrganizationOf"] for o in pair})
    org_ids = {o: i for i, o in enumerate(organizations)}
    org_parent = dict(sorted(links["subOrganizationOf"], reverse=True))
    roles = sorted({(event_ids[e], person_ids[p], ORGANIZER) for e, p in links["organizer"] if e in event_ids}
                   | {(event_ids[e], person_ids[p], GROUP_LEAD) for e, p in links["attendedByGroupOf"]
                      if e in event_ids})
    hosts = sorted({(event_ids[e], org_ids[o]) for e, o in links["host"] if e in event_ids})
    known_from = sorted({(person_ids[p], org_ids[o], _affiliation_day(start, context, years, starts))
                         for p, o, start, context in affiliations if p in person_ids})
    vocabulary, counts = _work_terms(works, titles, abstracts)
    idf, matrix = weighted_terms(counts)
    person_names = [names.get(p, p.rsplit("/", 1)[-1]) for p in people]
    order = sorted(range(len(people)), key=lambda i: (person_names[i], people[i]))
    name_rank = np.empty(len(people), dtype=np.int64)
    name_rank[order] = np.arange(len(people))
    return GraphIndex(
        people=people,
        names=person_names,
        works=works,
        work_kind=np.array([work_kind[w] for w in works], dtype=np.int8),
        work_day=work_days,
        work_title=[titles.get(w) or names.get(w) or "" for w in works],
        work_venue=np.array([venue_ids.get(_venue(venues_of.get(w, "")), -1) for w in works], dtype=np.int32),
        venues=venue_names,
        member_person=member_person[ordered],
        member_work=member_work[ordered],
        member_role=member_role[ordered],
        member_day=member_day[ordered],
        events=events,
        event_names=[names.get(e, e) for e in events],
        event_parent=np.array([event_ids.get(parent.get(e, ""), -1) for e in events], dtype=np.int32),
        event_series=np.array([KG + "SeminarSeries" in classes.get(e, ()) for e in events], dtype=bool),
        talk_event=np.array([event_ids.get(parent.get(w, ""), -1) if work_kind[w] == TALK else -1
                             for w in works], dtype=np.int32),
        role_event=np.array([r[0] for r in roles], dtype=np.int32),
        role_person=np.array([r[1] for r in roles], dtype=np.int32),
        role_kind=np.array([r[2] for r in roles], dtype=np.int8),
        organizations=organizations,
        organization_names=[names.get(o, o) for o in organizations],
        organization_top=np.array([org_ids[_top_organization(o, org_parent)] for o in organizations],
                                  dtype=np.int32),
        host_event=np.array([h[0] for h in hosts], dtype=np.int32),
        host_organization=np.array([h[1] for h in hosts], dtype=np.int32),
        affiliation_person=np.array([a[0] for a in known_from], dtype=np.int32),
        affiliation_organization=np.array([a[1] for a in known_from], dtype=np.int32),
        affiliation_day=np.array([a[2] for a in known_from], dtype=np.int32),
        terms=vocabulary,
        term_idf=idf,
        work_terms=matrix,
        name_rank=name_rank,
        term_space=semantic.learn_space(matrix),
    )


@cache
def _paper_day(year: str | None) -> int:
    """A paper known only by its year counts from the last day of that year."""
    try:
        return day_number(date(int(str(year)[:4]), 12, 31))
    except (TypeError, ValueError):
        return NEVER


def _talk_day(start: str | None) -> int:
    return _day_of_text(str(start)[:10]) if start else NEVER


@cache
def _day_of_text(text: str) -> int:
    try:
        return day_number(datetime.fromisoformat(text).date())
    except (TypeError, ValueError):
        return NEVER


def _affiliation_day(start_year: str, context: str, years: dict[str, str], starts: dict[str, str]) -> int:
    """Since when an affiliation is known: its paper's or talk's day, else the start of its first year."""
    if context:
        return _paper_day(years[context]) if context in years else _talk_day(starts.get(context))
    if start_year:
        try:
            return day_number(date(int(start_year[:4]), 1, 1))
        except ValueError:
            return ALWAYS
    return ALWAYS


_ORDINAL = re.compile(r"^(?:[0-9]+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|"
                      r"eighth|ninth|tenth|eleventh|twelfth|\w+teenth|twenty\w*|thirty\w*|forty\w*|"
                      r"fifty\w*|proceedings|of|the|annual|in|on)$", re.IGNORECASE)


@cache
def _venue(text: str) -> str:
    """A venue's name without year, volume, ordinals and "Proceedings of the": one name per venue."""
    words = [w for w in re.split(r"[\s-]+", text) if w and not _ORDINAL.match(w.strip(",.:"))]
    return " ".join(words).strip(" ,.:")


def _top(event: str | None, parent: dict[str, str], events: set[str]) -> str | None:
    seen = set()
    while event is not None and event in parent and event not in seen and parent[event] in events:
        seen.add(event)
        event = parent[event]
    return event if event in events else None


def _top_organization(org: str, parent: dict[str, str]) -> str:
    seen = set()
    while org in parent and org not in seen:
        seen.add(org)
        org = parent[org]
    return org


def _work_terms(works: list[str], titles: dict[str, str],
                abstracts: dict[str, str]) -> tuple[list[str], sp.csr_matrix]:
    """The vocabulary (sorted) and the works × words matrix of counts."""
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    seen: dict[str, list[str]] = {}
    for row, work in enumerate(works):
        text = " ".join(t for t in (titles.get(work), abstracts.get(work)) if t)
        found = seen.get(text)
        if found is None:
            found = seen[text] = topics.words(text)
        for word in found:
            rows.append(row)
            cols.append(vocabulary.setdefault(word, len(vocabulary)))
    ordered = sorted(vocabulary)
    renumber = np.empty(len(vocabulary), dtype=np.int32)
    for new, word in enumerate(ordered):
        renumber[vocabulary[word]] = new
    matrix = sp.csr_matrix((np.ones(len(rows), dtype=np.float32),
                            (np.array(rows, dtype=np.int32), renumber[np.array(cols, dtype=np.int32)]
                             if cols else np.array([], dtype=np.int32))),
                           shape=(len(works), len(ordered)))
    matrix.sum_duplicates()
    return ordered, matrix


def weighted_terms(counts: sp.csr_matrix, documents: int | None = None) -> tuple[np.ndarray, sp.csc_matrix]:
    """Smoothed IDF of each word, and the works × words matrix: binary TF × IDF, unit rows.

    ``documents`` is how many works the IDF counts (default: every row of ``counts``); a word
    that no row has gets an IDF of 0, so it weighs nothing (``known_words`` passes the works
    known on a day, the others' rows empty)."""
    works = counts.shape[0] if documents is None else documents
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.where(df > 0, np.log((1 + works) / (1 + df)) + 1, 0.0).astype(np.float64)
    matrix = counts.tocsr(copy=True)
    matrix.data = idf[matrix.indices].astype(np.float32)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return idf, sp.csc_matrix(sp.diags(scale.astype(np.float32)) @ matrix)


# --- Files ---------------------------------------------------------------------------------------

_LISTS = ("people", "names", "works", "work_title", "venues", "events", "event_names", "organizations",
          "organization_names", "terms")


DERIVED = ("by_work", "work_space")
"""Arrays the index derives from its own (``GraphIndex.by_work``, ``GraphIndex.work_space``) that
``save_index`` keeps beside them, each in its own ``.npy`` file, so that the first answer of a
process reads them instead of deriving them (about 0.4 s of CPU at 10M triples, mostly the works'
vectors in the learned topic space). They depend only on the stored arrays; an index saved without
them (an older kg) still loads, and derives them when first asked for. Their files carry
``DERIVED_VERSION`` in their names: a change to how they are derived (say, to the topic space's
vectors) raises it, so an index saved before the change derives them anew instead of reading stale
ones."""

DERIVED_VERSION = 1
"""The version of the ``DERIVED`` arrays' derivation, in their file names (``work_space.v1.npy``)."""

_DERIVED_KIND = {"by_work": "i", "work_space": "f"}
"""The numpy kind each ``DERIVED`` array must have to be read (integers, floats)."""


def save_index(index: GraphIndex, folder: Path) -> None:
    """Write the index into ``folder`` (created; files written to temporary names, then renamed)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in DERIVED:  # written first: FORMAT, written last, says the folder is complete
        value = getattr(index, name)
        _replace(folder / f"{name}.v{DERIVED_VERSION}.npy",
                 lambda f, value=value: np.save(f, value, allow_pickle=False))
    arrays = {name: getattr(index, name) for name in index.__dataclass_fields__
              if isinstance(getattr(index, name), np.ndarray)}
    matrix = index.work_terms
    arrays.update(terms_data=matrix.data, terms_indices=matrix.indices, terms_indptr=matrix.indptr,
                  terms_shape=np.array(matrix.shape, dtype=np.int64))
    _replace(folder / "arrays.npz", lambda f: np.savez(f, allow_pickle=False, **arrays))
    lists = {name: getattr(index, name) for name in _LISTS}
    _replace(folder / "lists.json", lambda f: f.write(json.dumps(lists, ensure_ascii=False).encode()))
    _replace(folder / "FORMAT", lambda f: f.write(str(FORMAT).encode()))


def _replace(path: Path, write: Any) -> None:
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as handle:
        write(handle)
    os.replace(partial, path)


def load_index(folder: Path) -> GraphIndex | None:
    """The index saved in ``folder``; ``None`` when there is none of the current format."""
    try:
        if (folder / "FORMAT").read_text().strip() != str(FORMAT):
            return None
        with np.load(folder / "arrays.npz") as stored:
            arrays = {name: stored[name] for name in stored.files}
        lists = json.loads((folder / "lists.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError):
        return None
    shape = tuple(int(n) for n in arrays.pop("terms_shape"))
    matrix = sp.csc_matrix((arrays.pop("terms_data"), arrays.pop("terms_indices"),
                            arrays.pop("terms_indptr")), shape=shape)
    index = GraphIndex(**arrays, **lists, work_terms=matrix)
    _read_derived(index, folder)
    return index


def _read_derived(index: GraphIndex, folder: Path) -> None:
    """Give ``index`` the ``DERIVED`` arrays saved in ``folder`` that fit it (the others it derives
    when first asked for). The works' vectors are mapped from the file, not read: the pages an
    answer touches are read then, and processes answering from the same store share them."""
    expected = {"by_work": (len(index.member_work),),
                "work_space": (len(index.works), index.term_space.shape[0])}
    for name in DERIVED:
        try:
            value = np.load(folder / f"{name}.v{DERIVED_VERSION}.npy",
                            mmap_mode="r" if name == "work_space" else None, allow_pickle=False)
        except (OSError, ValueError):
            continue
        if value.shape == expected[name] and value.dtype.kind == _DERIVED_KIND[name]:
            index.__dict__[name] = value  # what the cached property would have derived


def write_index(store: GraphStore, version_dir: Path) -> None:
    """Derive the index of a freshly built store and keep it inside its version directory."""
    save_index(derive_index(store), version_dir / INDEX_DIR)


def index_for(store: GraphStore, cache_dir: Path | None = None) -> GraphIndex:
    """The graph index of ``store``.

    A store directory has it inside its version directory (written by ``kg build``; derived and
    written there when missing, for stores built by an older kg, if the folder is writable). A
    SPARQL endpoint gets it derived through SPARQL and cached in ``cache_dir`` (default
    ``$KG_CACHE`` or ``~/.cache/kg``) under the endpoint and a fingerprint of its contents, so
    a rebuild of the server's graph derives it again.
    """
    version_dir = getattr(store, "version_dir", None)
    if isinstance(version_dir, Path):
        folder = version_dir / INDEX_DIR
        found = load_index(folder)
        if found is not None:
            return found
        index = derive_index(store)
        try:
            save_index(index, folder)
        except OSError:
            pass  # a read-only store: derive it each time
        return index
    if not is_remote(store.location):  # an in-memory store: nothing to keep it beside
        return derive_index(store)
    folder = (cache_dir or default_cache_dir()) / _remote_key(store)
    found = load_index(folder)
    if found is not None:
        return found
    index = derive_index(store)
    try:
        save_index(index, folder)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot cache the graph index: {exc}") from None
    return index


STAMP_GRAPH = "https://w3id.org/kg/id/graph/build"
"""The named graph where ``kg build`` leaves its stamp (in a store directory and on a SPARQL server)."""
STAMP_SUBJECT = "https://w3id.org/kg/id/build"


class BuildStamp:
    """A digest of every quad a build sends to a server: the same quads give the same stamp."""

    def __init__(self) -> None:
        self._hash = hashlib.blake2b(digest_size=16)
        self._pending: list[str] = []

    def add(self, quad: tuple[str, str, str, str]) -> None:
        """Take one quad into the digest."""
        self._pending.append(" ".join(quad))
        if len(self._pending) >= 4096:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        self._hash.update(("\n".join(self._pending) + "\n").encode("utf-8"))
        self._pending.clear()

    def digest(self) -> str:
        """The stamp: the digest in hexadecimal."""
        self._flush()
        return self._hash.hexdigest()

    def quad(self) -> tuple[str, str, str, str]:
        """The quad that leaves the stamp on the server (``kg:buildStamp`` in its own kg graph)."""
        return (f"<{STAMP_SUBJECT}>", f"<{KG}buildStamp>", f'"{self.digest()}"', f"<{STAMP_GRAPH}>")


def cache_built(store: GraphStore, stamp: str, index: GraphIndex, cache_dir: Path | None = None) -> None:
    """Keep the index a build gathered for a server in the cache, under the server and its stamp."""
    try:
        save_index(index, (cache_dir or default_cache_dir()) / _stamp_key(store.location, stamp))
    except OSError:
        pass  # the cache is an optimisation: the index is derived through SPARQL when first needed


def _stamp_key(location: str, stamp: str) -> str:
    return hashlib.sha256(f"{location}\nstamp {stamp}".encode()).hexdigest()[:32]


def default_cache_dir() -> Path:
    """Where indexes of SPARQL endpoints are cached: ``$KG_CACHE`` or ``~/.cache/kg/index``."""
    configured = os.environ.get("KG_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "kg" / "index"


def _remote_key(store: GraphStore) -> str:
    """The endpoint and what it holds: the stamp ``kg build`` left there, else (a graph loaded
    another way) a fingerprint: the number of quads in each kg graph."""
    stamps = [row[0] for row in list(store.select_text(find_query("suggest_index_stamp").text))[1:] if row]
    if len(stamps) == 1:
        return _stamp_key(store.location, stamps[0])
    rows = store.select_text(find_query("suggest_index_fingerprint").text)
    digest = hashlib.sha256(store.location.encode())
    for row in rows:
        digest.update(("\t".join(row) + "\n").encode())
    return digest.hexdigest()[:32]


def flatten(groups: Iterable[Iterable[int]]) -> np.ndarray:
    """Integers of several groups in one array."""
    return np.array([i for group in groups for i in group], dtype=np.int64)
