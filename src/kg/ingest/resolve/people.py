"""Name resolution: the people and institutions behind the names printed in imported papers.

People: spellings with the same key (accents, case, titles, "Last, First" aside) are one name.
Two different names are merged only when ``names.compatible`` says they may be one person (an
initial, a middle name, a short form, a typo) **and** another fact agrees: a shared coauthor or
a shared organization. A compatible pair without such a fact is reported as ambiguous, never
merged. The alias file (``data/aliases.yaml``) lets people settle cases by hand.

Institutions: strings with the same key (see ``institutions.key``) are one institution; keys one
typo apart (a misspelled city) are merged and reported.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from kg.ingest.resolve import institutions, names
from kg.records.aliases import Aliases
from kg.records.ids import slugify
from kg.records.models import Organization, Person, SourceDocument


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


@dataclass(frozen=True)
class Ambiguity:
    """Two names that may be one person, left apart for a person to decide."""

    kind: str
    name: str
    other: str
    reason: str


@dataclass
class Resolution:
    """Names → ids, the people and organizations to add, and what was merged or left open."""

    person_ids: dict[str, str] = field(default_factory=dict)
    org_ids: dict[str, str] = field(default_factory=dict)
    new_people: list[Person] = field(default_factory=list)
    new_organizations: list[Organization] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    ambiguities: list[Ambiguity] = field(default_factory=list)
    known_organizations: frozenset[str] = frozenset()
    namesake_ids: dict[tuple[str, int], str] = field(default_factory=dict)
    """(paper key or talk uid, position) → person id, for names several people share."""

    def person(self, printed: str, where: tuple[str, int] | None = None) -> str:
        """The person id of a printed name; ``where`` (key, position) tells namesakes apart."""
        if where is not None and where in self.namesake_ids:
            return self.namesake_ids[where]
        return self.person_ids[names.key(printed)]

    def organizations(self, affiliation: str) -> list[str]:
        """The organization ids named in an affiliation string, in printed order, no repeats."""
        found = institutions.institutions(affiliation, self.known_organizations)
        ids = [self.org_ids[institutions.key(n)] for n in found if institutions.key(n) in self.org_ids]
        return list(dict.fromkeys(ids))


@dataclass
class _Name:
    key: str
    spellings: Counter[str] = field(default_factory=Counter)
    coauthors: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)
    registry_id: str | None = None
    display: str = ""
    uses: list[_Use] = field(default_factory=list)


@dataclass(frozen=True)
class _Use:
    """One paper or talk that prints a name: its year and what it says beside the name."""

    year: int | None
    coauthors: frozenset[str]
    orgs: frozenset[str]
    places: frozenset[str] = frozenset()
    """The telling words of the organizations' ids (``mit``, ``weizmann``), to compare them loosely."""
    where: tuple[str, int] = ("", 0)


def resolve(
    papers: Iterable[PrintedPeople],
    people: list[Person],
    organizations: list[Organization],
    aliases: Aliases,
    documents: Iterable[SourceDocument] = (),
) -> Resolution:
    """Resolve every author and affiliation of ``papers`` against the registry and each other.

    ``documents`` (the record files) tell what is known of registry people: their coauthors and
    organizations count as corroborating facts.
    """
    papers = list(papers)
    resolution = Resolution()
    org_registry = _org_registry(organizations, aliases)
    resolution.known_organizations = frozenset(org_registry)
    _resolve_organizations(papers, org_registry, organizations, resolution)
    _resolve_people(papers, people, aliases, resolution, list(documents))
    return resolution


# --- institutions -------------------------------------------------------------------------

def _org_registry(organizations: list[Organization], aliases: Aliases) -> dict[str, str]:
    registry: dict[str, str] = {}
    for org in organizations:
        for spelling in (org.name, *org.alt_names):
            registry.setdefault(institutions.key(spelling), org.id)
    by_name = {institutions.key(o.name): o.id for o in organizations}
    for entry in aliases.organizations:
        target = by_name.get(institutions.key(entry.name)) or slugify(entry.name)
        registry.setdefault(institutions.key(entry.name), target)
        for alias in entry.aliases:
            registry[institutions.key(alias)] = target
    return registry


def _resolve_organizations(
    papers: list[PrintedPeople],
    registry: dict[str, str],
    organizations: list[Organization],
    resolution: Resolution,
) -> None:
    known = frozenset(registry)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for paper in papers:
        for affiliation in paper.affiliations:
            for name in institutions.institutions(affiliation or "", known):
                spellings[institutions.key(name)][name] += 1
    registry_ids = {o.id for o in organizations}
    taken = set(registry_ids)
    canonical: dict[str, str] = {}
    for org_key in sorted(spellings, key=lambda k: (-sum(spellings[k].values()), k)):
        if org_key in registry:
            canonical[org_key] = org_key
            continue
        match = _close_key(org_key, canonical)
        if match is not None:
            canonical[org_key] = canonical[match]
            resolution.merges.append(Merge("organization", _most_common(spellings[match]),
                                           _most_common(spellings[org_key]), "typo"))
        else:
            canonical[org_key] = org_key
    new: dict[str, tuple[str, list[str]]] = {}
    for org_key, target in sorted(canonical.items()):
        if target in registry:
            resolution.org_ids[org_key] = registry[target]
            continue
        if target not in new:
            name = _org_name(target, spellings[target])
            org_id = _unique_id(slugify(name), taken)
            new[target] = (org_id, [])
        resolution.org_ids[org_key] = new[target][0]
        new[target][1].extend(spellings[org_key])
    for org_key, mapped in registry.items():
        resolution.org_ids.setdefault(org_key, mapped)
    for target, (org_id, all_spellings) in sorted(new.items(), key=lambda item: item[1][0]):
        name = _org_name(target, spellings[target])
        alt = sorted({s for s in all_spellings if s != name})
        resolution.new_organizations.append(
            Organization(id=org_id, name=name, kind=institutions.guess_kind(name), alt_names=alt))
    _note_spelling_merges("organization", spellings, canonical, resolution)
    _add_alias_organizations(registry, registry_ids, {o.id for o in resolution.new_organizations},
                             resolution)


def _org_name(org_key: str, spellings: Counter[str]) -> str:
    """The most common spelling that is not an abbreviation; else the full name the key spells."""
    full = Counter({s: n for s, n in spellings.items()
                    if institutions.fold(s) not in institutions.ABBREVIATIONS})
    if full:
        return _most_common(full)
    small = {"of", "and", "for", "de", "di", "the", "at"}
    return " ".join(w if w in small else w.capitalize() for w in org_key.split())


def _add_alias_organizations(registry: dict[str, str], registry_ids: set[str], new_ids: set[str],
                             resolution: Resolution) -> None:
    """Organizations the alias file names that neither the registry nor the papers define."""
    missing = sorted({target for target in registry.values()} - registry_ids - new_ids)
    for org_id in missing:
        spelled = sorted(k for k, v in registry.items() if v == org_id)
        resolution.new_organizations.append(Organization(
            id=org_id, name=spelled[0], kind=institutions.guess_kind(spelled[0])))


def _close_key(org_key: str, known: dict[str, str]) -> str | None:
    """A known key one typo away from ``org_key`` (long keys only, same first word)."""
    if len(org_key) < 12:
        return None
    first = org_key.split()[0]
    candidates = [k for k in known if k.split()[0][:3] == first[:3] and abs(len(k) - len(org_key)) <= 2]
    for candidate in sorted(candidates):
        if names.edit_distance_at_most_one(org_key, candidate) or (
            difflib.SequenceMatcher(None, org_key, candidate).ratio() >= 0.96
        ):
            return candidate
    return None


def _note_spelling_merges(kind: str, spellings: dict[str, Counter[str]], canonical: dict[str, str],
                          resolution: Resolution) -> None:
    for org_key in sorted(spellings):
        variants = sorted(spellings[org_key])
        if len(variants) > 1:
            main = _most_common(spellings[org_key])
            for variant in variants:
                if variant != main:
                    resolution.merges.append(Merge(kind, main, variant, "same name written differently"))


# --- people -------------------------------------------------------------------------------

def _resolve_people(papers: list[PrintedPeople], people: list[Person], aliases: Aliases,
                    resolution: Resolution, documents: list[SourceDocument]) -> None:
    alias_of = _person_aliases(aliases)
    found: dict[str, _Name] = {}
    registry_key: dict[str, str] = {}
    for person in people:
        # Every spelling of a registry person shares one entry, under the key of the main name.
        main_key = alias_of.get(names.key(person.name), names.key(person.name))
        entry = found.setdefault(main_key, _Name(main_key, display=person.name))
        entry.registry_id = entry.registry_id or person.id
        registry_key[person.id] = main_key
        for spelling in person.alt_names:
            alias_of.setdefault(names.key(spelling), main_key)
    _add_record_facts(found, registry_key, documents)
    for paper in papers:
        keys = [alias_of.get(names.key(a), names.key(a)) for a in paper.authors]
        for position, (author, name_key) in enumerate(zip(paper.authors, keys, strict=True)):
            entry = found.setdefault(name_key, _Name(name_key))
            entry.spellings[names.clean(author)] += 1
            entry.coauthors.update(k for k in keys if k != name_key)
            orgs: list[str] = []
            if position < len(paper.affiliations) and paper.affiliations[position]:
                orgs = resolution.organizations(paper.affiliations[position] or "")
                entry.orgs.update(orgs)
            entry.uses.append(_Use(_year_of(paper), frozenset(k for k in keys if k != name_key),
                                   frozenset(orgs), where=(_item_key(paper), position)))
    _note_namesakes(found, aliases, resolution)
    groups = _group_people(found, _distinct_pairs(aliases), resolution)
    _assign_people(found, groups, people, alias_of, resolution)
    _split_namesakes(found, aliases, resolution)


def _item_key(item: PrintedPeople) -> str:
    """What names a paper or talk in ``Resolution.namesake_ids``: its key or its UID."""
    return str(getattr(item, "key", None) or getattr(item, "uid", ""))


def _split_namesakes(found: dict[str, _Name], aliases: Aliases, resolution: Resolution) -> None:
    """Give each use of a shared name to the namesake whose places or coauthors it shares.

    A use that fits none of them, or several equally, keeps the name's own id and is reported.
    """
    taken = {p.id for p in resolution.new_people} | set(resolution.person_ids.values())
    for entry in aliases.namesakes:
        name_key = names.key(entry.name)
        if name_key not in found:
            continue
        wanted = [(n.id, {_org_id(o, resolution) for o in n.organizations},
                   {names.key(c) for c in n.coauthors}) for n in entry.people]
        for use in found[name_key].uses:
            scores = sorted(((2 * len(use.orgs & orgs) + len(use.coauthors & coauthors), person_id)
                             for person_id, orgs, coauthors in wanted), reverse=True)
            if scores[0][0] > 0 and (len(scores) == 1 or scores[0][0] > scores[1][0]):
                resolution.namesake_ids[use.where] = scores[0][1]
            else:
                resolution.ambiguities.append(Ambiguity(
                    "person", entry.name, f"{use.where[0]} #{use.where[1] + 1}",
                    "a namesake use that fits none of the people listed in aliases.yaml, or several"))
        placed = {u.where for u in found[name_key].uses} <= set(resolution.namesake_ids)
        own_id = resolution.person_ids.get(name_key)
        if placed and own_id is not None:  # every use went to a namesake: the shared name is no one
            resolution.new_people = [p for p in resolution.new_people if p.id != own_id]
        used = set(resolution.namesake_ids.values())
        for person_id, _, _ in wanted:
            if person_id in used and person_id not in taken:
                resolution.new_people.append(Person(id=person_id, name=entry.name))
                taken.add(person_id)
    resolution.new_people.sort(key=lambda p: p.id)


def _org_id(printed: str, resolution: Resolution) -> str:
    """The organization id an alias file names by id or by a printed name."""
    ids = resolution.organizations(printed)
    return ids[0] if ids else printed


def _year_of(item: PrintedPeople) -> int | None:
    year = getattr(item, "year", None)
    if isinstance(year, int):
        return year
    start = getattr(item, "start", None)
    return getattr(start, "year", None)


def _note_namesakes(found: dict[str, _Name], aliases: Aliases, resolution: Resolution) -> None:
    """Report names printed identically whose uses disagree: maybe two people of one name.

    The uses of a name are grouped when they share a coauthor or an organization; two groups
    that put the name at different organizations in the same year, with nothing in common,
    are reported. The name stays one person (identical spellings cannot be told apart) until
    someone settles it.
    """
    checked = {names.key(n) for n in aliases.one_person} | {names.key(e.name) for e in aliases.namesakes}
    for name_key in sorted(found):
        if name_key in checked:
            continue
        uses = [_Use(u.year, u.coauthors, u.orgs, frozenset(_telling_words(u.orgs)), u.where)
                for u in found[name_key].uses]
        uses = [u for u in uses if u.places]
        if len(uses) < 2:
            continue
        groups = _connected_uses(uses)
        if len(groups) < 2:
            continue
        clash = _same_year_clash(groups)
        if clash is not None:
            label = _label(found[name_key])
            resolution.ambiguities.append(Ambiguity(
                "person", label, label,
                f"same name, at {clash[0]} and at {clash[1]} in {clash[2]} with no coauthor or place in "
                "common: maybe two people (list it under one_person if not)"))


_GENERIC_WORDS = frozenset(
    "of the and for at in de di du la le der und university universite universitat universita college "
    "institute institut inst school department dept faculty lab laboratory center centre research group "
    "computer science sciences engineering electrical mathematics mathematical statistics applied data "
    "technology tech national graduate division program ai artificial intelligence machine learning".split())


_SAME_WORD = {"msr": "microsoft", "mit": "massachusetts", "ttic": "toyota", "technionisrael": "technion",
              "cmu": "carnegie", "ucsd": "diego", "usc": "southern", "ucla": "angeles", "epfl": "lausanne",
              "eth": "zurich", "mpi": "planck", "nyu": "york", "ucb": "berkeley", "cwi": "wiskunde"}


def _telling_words(org_ids: Iterable[str]) -> set[str]:
    """The words of organization ids that tell one place from another ("mit", "weizmann")."""
    return {_SAME_WORD.get(w, w) for org in org_ids for w in org.split("-")
            if w not in _GENERIC_WORDS and not w.isdigit()}


def _connected_uses(uses: list[_Use]) -> list[list[_Use]]:
    """Uses grouped by shared coauthors or organizations (connected components)."""
    groups: list[tuple[set[str], set[str], list[_Use]]] = []
    for use in uses:
        joined = [g for g in groups if g[0] & use.coauthors or g[1] & use.places]
        coauthors, orgs, members = set(use.coauthors), set(use.places), [use]
        for group in joined:
            coauthors |= group[0]
            orgs |= group[1]
            members += group[2]
            groups.remove(group)
        groups.append((coauthors, orgs, members))
    return [g[2] for g in groups]


def _same_year_clash(groups: list[list[_Use]]) -> tuple[str, str, int] | None:
    for i, first in enumerate(groups):
        for second in groups[i + 1:]:
            for a in first:
                for b in second:
                    if a.year is not None and a.year == b.year:
                        here, there = sorted((min(a.orgs), min(b.orgs)))
                        return here, there, a.year
    return None


def _add_record_facts(found: dict[str, _Name], registry_key: dict[str, str],
                      documents: list[SourceDocument]) -> None:
    """Coauthors and organizations the record files give registry people."""
    for document in documents:
        for paper in document.papers:
            keys = [registry_key[a] for a in paper.authors if a in registry_key]
            for k in keys:
                found[k].coauthors.update(other for other in keys if other != k)
        for affiliation in document.affiliations:
            if affiliation.person in registry_key:
                found[registry_key[affiliation.person]].orgs.update(affiliation.organizations)
        for talk in document.talks:
            for speaker in talk.speakers:
                if speaker.person in registry_key:
                    found[registry_key[speaker.person]].orgs.update(speaker.organizations)


def _person_aliases(aliases: Aliases) -> dict[str, str]:
    alias_of: dict[str, str] = {}
    for entry in aliases.people:
        for alias in entry.aliases:
            alias_of[names.key(alias)] = names.key(entry.name)
    return alias_of


def _distinct_pairs(aliases: Aliases) -> set[frozenset[str]]:
    pairs: set[frozenset[str]] = set()
    for group in aliases.distinct_people:
        keys = [names.key(n) for n in group]
        pairs.update(frozenset((a, b)) for a in keys for b in keys if a != b)
    return pairs


def _group_people(found: dict[str, _Name], distinct: set[frozenset[str]],
                  resolution: Resolution) -> dict[str, list[str]]:
    """Union compatible, corroborated names; returns group leader → member keys."""
    leader = {k: k for k in found}
    members = {k: [k] for k in found}
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for name_key in sorted(found):
        first, _, last = names.parts(name_key)
        by_last[last].append(name_key)
        by_first[first].append(name_key)
    pairs: set[tuple[str, str]] = set()
    for block in (*by_last.values(), *by_first.values()):
        pairs.update((a, b) for i, a in enumerate(block) for b in block[i + 1:])
    for a, b in sorted(pairs):
        reason = names.compatible(a, b)
        if reason is None or frozenset((a, b)) in distinct:
            continue
        ga, gb = leader[a], leader[b]
        if ga == gb:
            continue
        shared = _shared_facts(found[a], found[b])
        label_a, label_b = _label(found[a]), _label(found[b])
        if not shared:
            resolution.ambiguities.append(Ambiguity(
                "person", label_a, label_b, f"{reason}, but no shared coauthor or organization"))
            continue
        registry_ids = {found[k].registry_id for k in members[ga] + members[gb]} - {None}
        if len(registry_ids) > 1 or not _all_compatible(members[ga], members[gb], distinct):
            resolution.ambiguities.append(Ambiguity(
                "person", label_a, label_b, f"{reason}, but the name fits more than one person"))
            continue
        for k in members[gb]:
            leader[k] = ga
        members[ga].extend(members.pop(gb))
        resolution.merges.append(Merge("person", label_a, label_b, reason, shared))
    return members


def _shared_facts(a: _Name, b: _Name) -> str:
    coauthors = sorted(a.coauthors & b.coauthors)
    if coauthors:
        return f"shared coauthor {coauthors[0]}"
    orgs = sorted(a.orgs & b.orgs)
    return f"shared organization {orgs[0]}" if orgs else ""


def _all_compatible(a: list[str], b: list[str], distinct: set[frozenset[str]]) -> bool:
    return all(x == y or (names.compatible(x, y) and frozenset((x, y)) not in distinct)
               for x in a for y in b)


def _label(entry: _Name) -> str:
    return entry.display or (_most_common(entry.spellings) if entry.spellings else entry.key)


def _assign_people(found: dict[str, _Name], groups: dict[str, list[str]], people: list[Person],
                   alias_of: dict[str, str], resolution: Resolution) -> None:
    registry = {p.id: p for p in people}
    taken = set(registry)
    for leader in sorted(groups, key=lambda k: (_best_spelling(found, groups[k]), k)):
        keys = groups[leader]
        registry_id = next((found[k].registry_id for k in keys if found[k].registry_id), None)
        spellings: Counter[str] = Counter()
        for k in keys:
            spellings.update(found[k].spellings)
        if registry_id is not None:
            person_id = registry_id
            known = {registry[registry_id].name, *registry[registry_id].alt_names}
            extra = sorted(s for s in spellings if s not in known)
            for spelling in extra:
                resolution.merges.append(Merge("person", registry[registry_id].name, spelling,
                                               "registry name written differently"))
        elif spellings:
            name = _best_spelling(found, keys)
            person_id = _unique_id(slugify(name), taken)
            resolution.new_people.append(
                Person(id=person_id, name=name, alt_names=sorted(s for s in spellings if s != name)))
            if len(spellings) > 1 and len(keys) == 1:
                for spelling in sorted(spellings):
                    if spelling != name:
                        resolution.merges.append(Merge("person", name, spelling,
                                                       "same name written differently"))
        else:
            continue
        for k in keys:
            resolution.person_ids[k] = person_id
    for alias_key, target_key in alias_of.items():
        if target_key in resolution.person_ids:
            resolution.person_ids.setdefault(alias_key, resolution.person_ids[target_key])
    resolution.new_people.sort(key=lambda p: p.id)


def _best_spelling(found: dict[str, _Name], keys: list[str]) -> str:
    spellings: Counter[str] = Counter()
    for k in keys:
        spellings.update(found[k].spellings)
    if not spellings:
        return keys[0]
    # A full first name beats an initial ("Alistair Stewart" over "A. Stewart"), then frequency.
    return min(spellings, key=lambda s: (len(names.parts(names.key(s))[0]) <= 1, -spellings[s],
                                         -len(s), s))


def _most_common(counter: Counter[str]) -> str:
    """The most frequent spelling; ties go to the longest (most complete), then alphabetical."""
    return min(counter, key=lambda s: (-counter[s], -len(s), s))


def _unique_id(base: str, taken: set[str]) -> str:
    candidate, n = base[:120].strip("-") or "x", 2
    while candidate in taken:
        candidate = f"{base[:115]}-{n}"
        n += 1
    taken.add(candidate)
    return candidate
