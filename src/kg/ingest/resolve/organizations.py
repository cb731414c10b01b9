"""Institutions named in affiliations → organization ids: the registry's, or new ones.

``affiliations.Registry`` finds the registry's institutions in each printed affiliation (by any
of their names, abbreviations or translations, or with a typo). A name the registry does not
know becomes a new institution when it looks like one; new names with the same key (see
``institutions.key``) are one institution, and keys one typo apart (a misspelled city) are
merged and reported.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict

from kg.ingest.resolve import acronyms, institutions, names
from kg.ingest.resolve.affiliations import FIELD_OF_STUDY, Registry
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
    registry.learn(a for paper in papers for a in sorted({a for a in paper.affiliations if a}))
    learned = acronyms.learn(papers, registry)
    registry.add_forms((one.form, one.target) for one in learned)
    for one in learned:
        canonical_name = registry.spelled[one.target][0] if one.target in registry.spelled else one.target[1:]
        resolution.merges.append(Merge("organization", canonical_name, one.form, "acronym", one.evidence))
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for paper in papers:
        for affiliation in paper.affiliations:
            if affiliation:
                for named in registry.read(affiliation):
                    if named.org_id is None and not named.learned:
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
    companies = _companies_of_labs(new, spellings, registry, taken,
                                   frozenset(o.id for o in organizations if o.kind == "company"))
    for target, (org_id, all_spellings) in sorted(new.items(), key=lambda item: item[1][0]):
        name = _org_name(target, spellings[target])
        alt = sorted({s for s in all_spellings if s != name})
        part_of = None if target.startswith("corporate ") else registry.umbrella_of(target)
        if target in companies:
            part_of = companies[target][0]
        resolution.new_organizations.append(
            Organization(id=org_id, name=name, alt_names=alt, part_of=part_of,
                         kind="lab" if target in companies else institutions.guess_kind(name)))
    made = {org_id: name for org_id, name in companies.values() if name is not None}
    for org_id, name in sorted(made.items()):
        resolution.new_organizations.append(Organization(id=org_id, name=name, kind="company"))
    resolution.new_organizations.extend(added)
    resolution.new_organizations.sort(key=lambda o: o.id)
    _note_spelling_merges(spellings, canonical, resolution)


_LAB_OF_COMPANY = re.compile(r"^(?P<head>[a-z][a-z0-9]{2,}) (?:research|labs|laboratories|research labs?|"
                             r"research laboratory|(?:ai|ml) (?:labs?|research|research labs?))"
                             r"(?: (?:europe|asia|america|americas|africa|international))?$")
"""A lab named after its company ("Xiaomi AI Lab", "Philips Research", "Oracle Labs"). Not "X Lab" nor
"X Research Center": those are as often a university's ("STAIR Lab", "Operations Research Center")."""


def _companies_of_labs(new: dict[str, tuple[str, list[str]]], spellings: dict[str, Counter[str]],
                       registry: Registry, taken: set[str],
                       companies: frozenset[str] = frozenset()) -> dict[str, tuple[str, str | None]]:
    """New institutions that are a company's lab → the company's id, and its name when it is new too.

    The company is the registry's, or a new institution of that name, or else made here from the
    lab's printed name ("Xiaomi AI Lab" → Xiaomi), so that the lab is part of it. ``companies``
    are the registry's companies' ids.
    """
    found: dict[str, tuple[str, str | None]] = {}
    made: dict[str, str] = {}
    heads: dict[str, str] = {}  # lab → the company's name it starts with
    for target in sorted(new):
        match = _LAB_OF_COMPANY.match(target)
        if match is None or match["head"] in _NOT_A_COMPANY or match["head"] in FIELD_OF_STUDY \
                or match["head"] in registry.places:
            continue  # "Operations Research", "Shanghai AI Lab": a subject or a place, not a company
        head = heads[target] = match["head"]
        if head in registry.by_key:
            found[target] = (registry.by_key[head], None)
        elif head in new:
            found[target] = (new[head][0], None)
        else:
            if head not in made:
                made[head] = unique_id(slugify(head), taken)
            printed = most_common(spellings[target]).split()[0]
            found[target] = (made[head], printed if names.fold(printed) == head else head.capitalize())
    owners = {head: found[lab][0] for lab, head in heads.items()}
    owners.update({key: org_id for key, org_id in registry.by_key.items() if org_id in companies})
    for target in sorted(new):
        match = _CENTRE_OF_COMPANY.match(target)
        if match is not None and target not in found and match["head"] in owners:
            found[target] = (owners[match["head"]], None)  # "Technicolor Research Center", Technicolor's
        elif match is not None and target not in found and match["head"] in new \
                and any(_COMPANY_FORM.search(printed) for printed in spellings[match["head"]]):
            found[target] = (new[match["head"]][0], None)  # "Kakao Brain" when "Kakao Corp." is printed
    return found


_COMPANY_FORM = re.compile(r"\b(?:Inc|Corp|Corporation|Ltd|LLC|GmbH|Co)\b\.?$")
"""A legal form at a name's end: the name is a company's."""
_CENTRE_OF_COMPANY = re.compile(r"^(?P<head>[a-z][a-z0-9]{2,}) (?:research centre(?: [a-z]+)?|brain)$")
"""A research centre named after a company already known as one ("Technicolor Research Center" when
"Technicolor Research" is printed too; "Xerox Research Centre Europe"; "Kakao Brain"): the company's lab.
A centre named after a place or a subject is no company's ("Paris Research Center", "Operations Research
Center")."""


_NOT_A_COMPANY = frozenset(
    "the national international joint central applied advanced global open public state federal general "
    "research data computer computing science vision language learning machine neural quantum army navy "
    "corporate industrial operations acoustics foundational clinical".split())


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
