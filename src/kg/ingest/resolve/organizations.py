"""Institutions named in affiliations → organization ids: the registry's, or new ones.

Strings with the same key (see ``institutions.key``) are one institution; keys one typo apart (a
misspelled city) are merged and reported.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict

from kg.ingest.resolve import institutions, names
from kg.ingest.resolve.resolution import Merge, PrintedPeople, Resolution, most_common, unique_id
from kg.records.aliases import Aliases
from kg.records.ids import slugify
from kg.records.models import Organization

_most_common = most_common
_unique_id = unique_id


def top_level(org_id: str, parents: dict[str, str]) -> str:
    """The institution a department or lab is part of, followed to the top (itself if none)."""
    seen = {org_id}
    while org_id in parents and parents[org_id] not in seen:
        org_id = parents[org_id]
        seen.add(org_id)
    return org_id


def resolve_organizations(papers: list[PrintedPeople], organizations: list[Organization], aliases: Aliases,
                          resolution: Resolution) -> None:
    """Fill ``resolution`` with the organization ids of every institution the papers print."""
    registry = _org_registry(organizations, aliases)
    resolution.known_organizations = frozenset(registry)
    _resolve_organizations(papers, registry, organizations, resolution)

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

