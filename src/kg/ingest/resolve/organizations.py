"""Institutions named in affiliations → organization ids: the registry's, or new ones.

``affiliations.Registry`` finds the registry's institutions in each printed affiliation (by any
of their names, abbreviations or translations, or with a typo). A name the registry does not
know becomes a new institution when it looks like one; new names with the same key (see
``institutions.key``) are one institution, and keys one typo apart (a misspelled city) are
merged and reported.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict

from kg.ingest.resolve import institutions, names
from kg.ingest.resolve.affiliations import Registry
from kg.ingest.resolve.resolution import (
    Merge,
    PrintedPeople,
    Resolution,
    corporate_key,
    most_common,
    unique_id,
)
from kg.records.aliases import Aliases
from kg.records.ids import slugify
from kg.records.models import Organization


def top_level(org_id: str, parents: dict[str, str]) -> str:
    """The institution a department or lab is part of, followed to the top (itself if none)."""
    seen = {org_id}
    while org_id in parents and parents[org_id] not in seen:
        org_id = parents[org_id]
        seen.add(org_id)
    return org_id


def registry_of(organizations: list[Organization], aliases: Aliases) -> tuple[Registry, list[Organization]]:
    """The registry's names (and the alias file's), and the organizations the alias file adds."""
    spelled: list[tuple[str, str]] = []
    for org in organizations:
        spelled.extend((name, org.id) for name in (org.name, *org.alt_names))
    by_key = {institutions.key(name): org_id for name, org_id in spelled}
    taken = {o.id for o in organizations}
    added: list[Organization] = []
    for entry in aliases.organizations:
        target = by_key.get(institutions.key(entry.name))
        if target is None:
            target = unique_id(slugify(entry.name), taken)
            added.append(Organization(id=target, name=entry.name, kind=institutions.guess_kind(entry.name)))
            by_key[institutions.key(entry.name)] = target
        spelled.extend((name, target) for name in (entry.name, *entry.aliases))
    return Registry(spelled), added


def resolve_organizations(papers: list[PrintedPeople], organizations: list[Organization], aliases: Aliases,
                          resolution: Resolution) -> None:
    """Fill ``resolution`` with the organization ids of every institution the papers print."""
    registry, added = registry_of(organizations, aliases)
    resolution.registry = registry
    resolution.known_organizations = frozenset(registry.by_key)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for paper in papers:
        for affiliation in paper.affiliations:
            if affiliation:
                for named in registry.read(affiliation):
                    if named.org_id is None:
                        spellings[named.key][named.printed] += 1
        for corporate in getattr(paper, "organization_authors", ()):
            if not any(n.org_id for n in registry.read(corporate)):
                spellings[corporate_key(corporate)][corporate] += 1
    taken = {o.id for o in organizations} | {o.id for o in added}
    canonical: dict[str, str] = {}
    for org_key in sorted(spellings, key=lambda k: (-sum(spellings[k].values()), k)):
        match = None if org_key.startswith("corporate ") else _close_key(org_key, canonical)
        if match is not None:
            canonical[org_key] = canonical[match]
            resolution.merges.append(Merge("organization", most_common(spellings[match]),
                                           most_common(spellings[org_key]), "typo"))
        else:
            canonical[org_key] = org_key
    new: dict[str, tuple[str, list[str]]] = {}
    for org_key, target in sorted(canonical.items()):
        if target not in new:
            new[target] = (unique_id(slugify(_org_name(target, spellings[target])), taken), [])
        resolution.org_ids[org_key] = new[target][0]
        new[target][1].extend(spellings[org_key])
    for target, (org_id, all_spellings) in sorted(new.items(), key=lambda item: item[1][0]):
        name = _org_name(target, spellings[target])
        alt = sorted({s for s in all_spellings if s != name})
        resolution.new_organizations.append(
            Organization(id=org_id, name=name, kind=institutions.guess_kind(name), alt_names=alt,
                         part_of=None if target.startswith("corporate ") else registry.umbrella_of(target)))
    resolution.new_organizations.extend(added)
    resolution.new_organizations.sort(key=lambda o: o.id)
    _note_spelling_merges(spellings, canonical, resolution)


def _org_name(org_key: str, spellings: Counter[str]) -> str:
    """The most common spelling that is not an abbreviation; else the full name the key spells."""
    full = Counter({s: n for s, n in spellings.items()
                    if institutions.fold(s) not in institutions.ABBREVIATIONS})
    if full:
        return most_common(full)
    written_out = institutions.ABBREVIATIONS.get(institutions.fold(most_common(spellings)), org_key)
    small = {"of", "and", "for", "de", "di", "the", "at"}
    return " ".join(w if w in small else w.capitalize() for w in written_out.split())


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


def _note_spelling_merges(spellings: dict[str, Counter[str]], canonical: dict[str, str],
                          resolution: Resolution) -> None:
    for org_key in sorted(spellings):
        variants = sorted(spellings[org_key])
        if len(variants) > 1:
            main = most_common(spellings[org_key])
            for variant in variants:
                if variant != main:
                    resolution.merges.append(Merge("organization", main, variant,
                                                   "same name written differently"))
