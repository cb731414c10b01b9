"""Institutions named in affiliations → organization ids: the registry's, or new ones.

``affiliations.Registry`` finds the registry's institutions in each printed affiliation (by any
of their names, abbreviations or translations, or with a typo). A name the registry does not
know becomes a new institution when it looks like one; new names with the same key (see
``institutions.key``) are one institution, and keys one typo apart (a misspelled city) are
merged and reported.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter, defaultdict

from kg.ingest.resolve import acronyms, institutions, names, ror
from kg.ingest.resolve.affiliations import (
    FIELD_OF_STUDY,
    LEGAL_FORM,
    WEB_DOMAIN,
    Registry,
    name_words,
    without_legal_forms,
)
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


def ror_twins(organizations: list[Organization], registry: ror.Ror) -> dict[str, str]:
    """ROR id → the curated organization whose names name that one ROR record and no other."""
    twins: dict[str, str] = {}
    claimed: Counter[str] = Counter()
    for org in organizations:
        found = {ror_id for name in (org.name, *org.alt_names) for ror_id in registry.ids_named(name)}
        if len(found) == 1:
            ror_id = found.pop()
            twins[ror_id] = org.id
            claimed[ror_id] += 1
    return {ror_id: org_id for ror_id, org_id in twins.items() if claimed[ror_id] == 1}


def located_twins(organizations: list[Organization], registry: ror.Ror,
                  twins: dict[str, str]) -> dict[str, str]:
    """Curated organization id → its ROR record: its twin, or else the one record its names name in its
    country ("Institute for Advanced Study", US: Princeton's, not Delmenhorst's)."""
    found = {org_id: ror_id for ror_id, org_id in twins.items()}
    for org in organizations:
        if org.id not in found and org.country:
            named = {ror_id for name in (org.name, *org.alt_names) for ror_id in registry.ids_named(name)
                     if registry.records[ror_id].country == org.country}
            if len(named) == 1:
                found[org.id] = named.pop()
    return found


def registry_of(organizations: list[Organization], aliases: Aliases, ror_registry: ror.Ror | None = None,
                twins: dict[str, str] | None = None) -> tuple[Registry, list[Organization]]:
    """The registry's names (and the alias file's, and those of two words or more of each one's ROR
    twin: a one-word alias such as "Statale" for the University of Milan would be read inside "Washington
    State University"), and the organizations the alias file adds. ``twins``: ``ror_twins`` when the
    caller has them already."""
    spelled: list[tuple[str, str]] = []
    for org in organizations:
        spelled.extend((name, org.id) for name in (org.name, *org.alt_names))
    borrowed: list[tuple[str, str]] = []
    if ror_registry is not None:
        curated = {institutions.key(name) for name, _ in spelled}
        if twins is None:
            twins = ror_twins(organizations, ror_registry)
        for ror_id, org_id in sorted(twins.items()):
            borrowed.extend((name, org_id) for name in ror_registry.records[ror_id].names
                            if " " in ror.name_key(name) and institutions.key(name) not in curated)
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
    return Registry(spelled, borrowed), added


def resolve_organizations(papers: list[PrintedPeople], organizations: list[Organization], aliases: Aliases,
                          resolution: Resolution, ror_registry: ror.Ror | None = None) -> None:
    """Fill ``resolution`` with the organization ids of every institution the papers print.

    ``ror_registry`` (the bundled ROR by default) names what the curated registry does not know."""
    if ror_registry is None:
        ror_registry = ror.bundled()
    twins = ror_twins(organizations, ror_registry)
    registry, added = registry_of(organizations, aliases, ror_registry, twins)
    registry.elsewhere = functools.partial(_named_by_ror, ror_registry)
    registry.acronym_elsewhere = functools.partial(_spelled_by_ror, ror_registry)
    registry.name_elsewhere = functools.partial(_named_by_ror_in, ror_registry)
    registry.kind_elsewhere = lambda ror_id: ror_registry.records[ror_id].kind
    registry.head_elsewhere = lambda ror_id: ror_id in ror_registry.parents \
        and ror_registry.records[ror_id].parent is None
    registry.system_elsewhere = lambda ror_id: ror_id in ror_registry.systems
    registry.umbrella_elsewhere = lambda name: ror_registry.umbrella(name) is not None
    countries = {o.id: o.country for o in organizations if o.country}
    registry.country_of = countries.get
    ror_of = located_twins(organizations, ror_registry, twins)
    registry.town_of = lambda org_id: ror_registry.town_of(ror_of[org_id]) if org_id in ror_of else None
    registry.known_towns = frozenset(ror_registry.towns)
    registry.spelled_in_town = functools.partial(_spelled_in_town, ror_registry)
    registry.acronym_in_town = lambda acronym, town: (record.ror_id if (
        record := ror_registry.listed_in(acronym, town)) is not None else None)
    resolution.registry = registry
    resolution.known_organizations = frozenset(registry.by_key)
    registry.learn(a for paper in papers for a in sorted({a for a in paper.affiliations if a}))
    learned = acronyms.learn(papers, registry)
    registry.add_forms((one.form, one.target) for one in learned)
    for one in learned:
        canonical_name = registry.spelled[one.target][0] if one.target in registry.spelled else one.target[1:]
        resolution.merges.append(Merge("organization", canonical_name, one.form, "acronym", one.evidence))
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    towns_beside: dict[str, set[str]] = defaultdict(set)  # new keys → the towns printed with them
    for paper in papers:
        for affiliation in paper.affiliations:
            if affiliation:
                towns: set[str] | None = None
                for named in registry.read(affiliation):
                    if named.org_id is None and not named.learned:
                        spellings[named.key][named.printed] += 1
                        if towns is None:
                            towns = ror.towns_in(list(name_words(affiliation)), registry.known_towns)
                        towns_beside[named.key] |= towns
        for corporate in getattr(paper, "organization_authors", ()):
            if not any(n.org_id for n in registry.read(corporate)):
                spellings[corporate_key(corporate)][corporate] += 1
    taken = {o.id for o in organizations} | {o.id for o in added}
    canonical: dict[str, str] = {}
    for org_key in sorted(spellings, key=lambda k: (-sum(spellings[k].values()), k)):
        match = None if org_key.startswith("corporate ") else _close_key(org_key, canonical)
        in_town = None if org_key.startswith("corporate ") else _town_after(org_key, spellings, towns_beside,
                                                                          registry.known_towns)
        if in_town is not None and match is None:
            canonical[org_key] = in_town  # its own key when it comes first; mapped on below
            resolution.merges.append(Merge("organization", most_common(spellings[in_town]),
                                           most_common(spellings[org_key]), "its town after its name"))
        elif match is not None:
            canonical[org_key] = canonical[match]
            resolution.merges.append(Merge("organization", most_common(spellings[match]),
                                           most_common(spellings[org_key]), "typo"))
        else:
            canonical[org_key] = org_key
    for org_key, target in list(canonical.items()):
        while canonical.get(target, target) != target:
            target = canonical[target]
        canonical[org_key] = target
    company_ids = frozenset(o.id for o in organizations if o.kind == "company")
    subsidiaries = _subsidiaries(canonical, spellings)
    for org_key, head in sorted(subsidiaries.items()):
        owner = registry.by_key.get(head)
        if owner not in company_ids and (canonical.get(head) != head or head == org_key):
            continue  # perhaps the company of a lab the field prints ("VMware Research"): asked below
        del subsidiaries[org_key]
        for key in [key for key, target in canonical.items() if target == org_key]:
            if owner in company_ids:  # a registry company in a country ("Google Switzerland GmbH")
                resolution.org_ids[key] = owner  # type: ignore[assignment]
                del canonical[key]
            else:
                canonical[key] = head
        company = registry.spelled[owner][0] if owner in company_ids else most_common(spellings[head])
        resolution.merges.append(Merge("organization", company, most_common(spellings[org_key]),
                                       "a company's subsidiary in a country"))
    records = _ror_records(canonical, spellings, ror_registry, registry.ror_acronyms,
                           _place_words(registry))
    first_of: dict[str, str] = {}
    for target in sorted(records):
        first_of.setdefault(records[target].ror_id, target)
    for org_key, target in sorted(canonical.items()):
        if target in records:
            matched = records[target]
            if matched.ror_id in twins:  # a curated institution by another of its names
                resolution.org_ids[org_key] = twins[matched.ror_id]
                del canonical[org_key]
            elif first_of[matched.ror_id] != target:  # two spellings of one ROR record
                canonical[org_key] = first_of[matched.ror_id]
                resolution.merges.append(Merge("organization", matched.plain_name,
                                               most_common(spellings[org_key]), "one ROR record",
                                               matched.ror_id))
    new: dict[str, tuple[str, list[str]]] = {}
    for org_key, target in sorted(canonical.items()):
        if target not in new:
            new[target] = (unique_id(slugify(_org_name(target, spellings[target])), taken), [])
        resolution.org_ids[org_key] = new[target][0]
        new[target][1].extend(spellings[org_key])
    companies = _companies_of_labs(new, spellings, registry, taken,
                                   frozenset(o.id for o in organizations if o.kind == "company"))
    of_labs = {(found["head"] or found["short"]): company for lab, (company, _) in companies.items()
               if (found := _LAB_OF_COMPANY.match(lab)) is not None}
    for org_key, head in sorted(subsidiaries.items()):  # "VMware Bulgaria EOOD" beside "VMware Research"
        if head in of_labs and org_key in new and org_key not in companies:
            for key in [key for key, target in canonical.items() if target == org_key]:
                resolution.org_ids[key] = of_labs[head]
            del new[org_key]
            resolution.merges.append(Merge("organization", head, most_common(spellings[org_key]),
                                           "a company's subsidiary in a country"))
    by_ror = {records[target].ror_id: org_id for target, (org_id, _) in new.items() if target in records}
    by_ror.update(twins)
    # each new institution by the key of any of its spellings, which a unit's name may hold ("Computing
    # Centre of Russian Academy of Sciences", when "RAS" printed elsewhere is the one ROR record too);
    # a subsidiary read as its company is no new institution
    by_spelling = {org_key: new[target] for org_key, target in canonical.items() if target in new}
    for target, (org_id, all_spellings) in sorted(new.items(), key=lambda item: item[1][0]):
        record = records.get(target)
        name = record.plain_name if record else _org_name(target, spellings[target])
        ror_names = [n for n in record.names if ror.name_key(n)] if record else []
        alt = sorted({s for s in [*all_spellings, *ror_names] if s != name})
        part_of = None if target.startswith("corporate ") else registry.umbrella_of(target)
        if part_of is None and record is None and not target.startswith("corporate "):
            part_of = _unit_of(target, registry, by_spelling, ror_registry, by_ror, org_id) \
                or registry.owner_of_unit(target)
        if record is not None and record.parent in by_ror:
            part_of = by_ror[record.parent]
        elif record is not None and record.parent is None and part_of is None:
            # the bundle's record has no parent, but another of its names ends with a known one's
            # ("... Institute for Information Transmission Problems ... Russian Academy of Sciences")
            part_of = next((owner for other in record.other_names if (owner := _named_after_owner(
                " ".join(name_words(other)), registry, by_spelling, org_id)) is not None), None)
        if target in companies:
            part_of = companies[target][0]
        kind = "lab" if target in companies else record.kind if record else institutions.guess_kind(name)
        resolution.new_organizations.append(
            Organization(id=org_id, name=name, alt_names=alt, part_of=part_of, kind=kind,
                         country=record.country if record else None))
    made = {org_id: name for org_id, name in companies.values() if name is not None}
    for org_id, name in sorted(made.items()):
        resolution.new_organizations.append(Organization(id=org_id, name=name, kind="company"))
    resolution.new_organizations.extend(added)
    resolution.new_organizations.sort(key=lambda o: o.id)
    _note_spelling_merges(spellings, canonical, resolution)


def _unit_of(target: str, registry: Registry, new: dict[str, tuple[str, list[str]]], ror_registry: ror.Ror,
             by_ror: dict[str, str], own_id: str) -> str | None:
    """The institution a new name is a unit of when it is printed alone: the name (or a learned acronym,
    or the distinctive words of an "X University") of one known institution followed by a unit's words
    ("Columbia Business School", "Rutgers Business School", "DLR Institute of Data Science" when DLR is
    known); or a unit's words followed by one known institution's whole name of two words or more
    ("Steklov Mathematical Institute of Russian Academy of Sciences"). Not when the unit's words name a
    whole institution ("Rutgers Technological Institute", "X University College"), nor when ROR holds
    the whole name (the caller asks: its record has its own parent). ``new`` holds the new institutions
    by the key of each of their spellings."""
    words = target.split()
    for cut in range(len(words) - 1, 0, -1):
        head, rest = " ".join(words[:cut]), set(words[cut:])
        if not rest & _UNIT_WORDS or rest & _WHOLE_INSTITUTION_WORDS or words[cut] in _LINK_WORDS:
            continue
        owner = registry.by_key.get(head) or registry.stem_owner(head)
        learned = registry.learned.get(head, "")  # "DLR", learned from "German Aerospace Center (DLR)"
        if owner is None and head in new:
            owner = new[head][0]
        elif owner is None and learned.startswith("?") and learned[1:] in new:
            owner = new[learned[1:]][0]
        elif owner is None and learned and not learned.startswith("?"):
            owner = learned
        if owner is None and (record := ror_registry.with_acronym(head.upper()) or ror_registry.named(head)):
            owner = by_ror.get(record.ror_id)
        if owner is not None and owner != own_id:
            return owner
    return _named_after_owner(target, registry, new, own_id)


def _named_after_owner(target: str, registry: Registry, new: dict[str, tuple[str, list[str]]],
                       own_id: str) -> str | None:
    """The known institution a unit's name ends with, after the unit's words ("Steklov Mathematical
    Institute of Russian Academy of Sciences"), whole and of two words or more."""
    words = target.split()
    for cut in range(1, len(words) - 1):
        unit, tail = set(words[:cut]), " ".join(words[cut:])
        if " " not in tail or not unit & _UNIT_WORDS or unit & _WHOLE_INSTITUTION_WORDS:
            continue
        owner = registry.by_key.get(tail) or (new[tail][0] if tail in new else None)
        if owner is not None and owner != own_id:
            return owner
    return None


_UNIT_WORDS = frozenset("school institute centre center lab labs laboratory laboratories department division "
                        "faculty group".split())
"""Words of a unit's name inside an institution."""
_WHOLE_INSTITUTION_WORDS = frozenset("university universities college polytechnic technology technological "
                                     "academy hospital foundation inc corporation company".split())
"""Words of a whole institution's name: after a known name they make another institution."""
_LINK_WORDS = frozenset("and for of at in".split())


def _named_by_ror(ror_registry: ror.Ror, segment: str, beside_known: bool) -> bool:
    """Whether ROR names one institution so; beside a registry institution, one that is no other's part
    ("Gatsby Unit, University College London" is a unit of its university, "Mila, HEC Montréal" two)."""
    record = ror_registry.named(segment)
    return record is not None and not (beside_known and record.parent)


def _spelled_in_town(ror_registry: ror.Ror, acronym: str, towns: set[str]) -> str | None:
    """The name of the one ROR record of one of the towns whose name the acronym spells, or None."""
    record = ror_registry.spelled_in(acronym, sorted(towns))
    return record.name if record is not None else None


def _named_by_ror_in(ror_registry: ror.Ror, name: str, countries: frozenset[str]) -> bool:
    """Whether ROR names one institution so, in one of ``countries`` when there are any."""
    record = ror_registry.named(name)
    return record is not None and (not countries or record.country in countries)


def _spelled_by_ror(ror_registry: ror.Ror, acronym: str, countries: frozenset[str],
                    beside_known: bool) -> str | None:
    """The id of the one ROR record whose name the acronym spells (in one of ``countries`` when there are
    any); beside a registry institution, only a record that is no other's part ("LIPN, Université Paris
    13" is a lab of its university); never a record named as a unit is ("Laboratoire Jean Kuntzmann",
    "Département de mathématiques et applications": the partial bundle often lacks their parents)."""
    record = ror_registry.spelled_by(acronym, countries)
    if record is None or (beside_known and record.parent) or institutions.is_unit(record.name):
        return None
    return record.ror_id


def _ror_records(canonical: dict[str, str], spellings: dict[str, Counter[str]], ror_registry: ror.Ror,
                 by_acronym: dict[str, set[str]] | None = None,
                 places: frozenset[str] = frozenset()) -> dict[str, ror.RorRecord]:
    """New institutions (their keys) whose printed spellings name one ROR record between them, no other;
    else whose keys were read as one ROR record's acronym (``by_acronym``) everywhere they were printed;
    else whose spellings name one record printed another way (``_printed_otherwise``)."""
    printed: dict[str, set[str]] = defaultdict(set)
    acronym_ids: dict[str, set[str]] = defaultdict(set)
    for org_key, target in canonical.items():
        if not target.startswith("corporate "):
            printed[target].update(spellings[org_key])
            acronym_ids[target].update((by_acronym or {}).get(org_key, ()))
    found: dict[str, ror.RorRecord] = {}
    bags: _Bags | None = None  # made once, when a first name needs them
    for target, spelled in sorted(printed.items()):
        ids = {ror_id for one in spelled for ror_id in ror_registry.ids_named(one)}
        ids = ids or set(acronym_ids[target])
        if not ids:
            bags = bags or _ror_bags(ror_registry, places)
            ids = {ror_id for one in spelled
                   for ror_id in _printed_otherwise(ror_registry, one, places, bags)}
        if len(ids) == 1 and "" not in ids:
            found[target] = ror_registry.records[ids.pop()]
    return found


def _printed_otherwise(ror_registry: ror.Ror, printed: str, places: frozenset[str],
                       bags: _Bags) -> frozenset[str]:
    """The ROR records a whole institution's name names when its words are compared as a bag (generic
    links dropped, accents and word order ignored, in English: "Université Saint-Etienne" is ROR's
    "Université de Saint-Étienne"), or else when they are a record's words but its town ("Goethe
    University" is "Goethe University Frankfurt"). Only a name with an institution's word and a word of
    its own that is no town, and only records that are no other's part (a university ROR files under a
    federation is read as printed); the caller takes one record only, so a name two records share names
    neither."""
    words = frozenset(name_words(printed))
    if not words & _WHOLE_WORDS or not words - _PLAIN_WORDS - places:
        return frozenset()
    exact, without_town = bags
    found = exact.get(words) or without_town.get(words, frozenset())
    return frozenset(ror_id for ror_id in found if not ror_registry.records[ror_id].parent)


_WHOLE_WORDS = frozenset("university universities institute college academy polytechnic school".split())
"""Words of a whole institution's name (with a word of its own beside them)."""
_PLAIN_WORDS = FIELD_OF_STUDY | _WHOLE_WORDS | frozenset(
    "and of the for technology technical national state research centre applied arts free open".split())
"""Words that make no name of their own: a name of these alone names many institutions."""


_Bags = tuple[dict[frozenset[str], frozenset[str]], dict[frozenset[str], frozenset[str]]]
"""ROR's names as bags of words → records, and the bags of names with a town without it → records."""


def _ror_bags(ror_registry: ror.Ror, places: frozenset[str]) -> _Bags:
    """ROR's names as bags of compared words → records; and, for names that hold a town, the bag without
    it → records (made once per resolution, for the names no record is named by as printed)."""
    exact: dict[frozenset[str], set[str]] = defaultdict(set)
    without_town: dict[frozenset[str], set[str]] = defaultdict(set)
    for record in ror_registry.records.values():
        for name in record.names:
            words = frozenset(name_words(name))
            exact[words].add(record.ror_id)
            if (kept := words - places) != words and kept & _WHOLE_WORDS and kept - _PLAIN_WORDS:
                without_town[kept].add(record.ror_id)
    return ({k: frozenset(v) for k, v in exact.items()}, {k: frozenset(v) for k, v in without_town.items()})


def _place_words(registry: Registry) -> frozenset[str]:
    """Towns of the field: one-word segments it prints after an institution, and the words it prints alone
    after a name that holds them, never a subject's or an institution's word."""
    return frozenset(p for p in registry.places | registry.towns
                     if " " not in p and p.isalpha() and p not in _PLAIN_WORDS and p not in _NOT_A_COMPANY)


_LAB_OF_COMPANY = re.compile(r"^(?P<head>[a-z][a-z0-9]{2,}) (?:research|labs|laboratories|research labs?|"
                             r"research laboratory|(?:ai|ml) (?:labs?|research|research labs?))"
                             r"(?: (?:europe|asia|america|americas|africa|international))?$|"
                             r"^(?P<short>[a-z][a-z0-9]+) global research(?: cent(?:er|re))?$")
"""A lab named after its company ("Xiaomi AI Lab", "Philips Research", "Oracle Labs"), or its research
division across the world ("GE Global Research", the company's name perhaps of two letters). Not "X Lab"
nor "X Research Center": those are as often a university's ("STAIR Lab", "Operations Research Center")."""


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
        head = (match["head"] or match["short"]) if match is not None else ""
        if match is None or head in _NOT_A_COMPANY or head in FIELD_OF_STUDY or head in registry.places:
            continue  # "Operations Research", "Shanghai AI Lab": a subject or a place, not a company
        heads[target] = head
        if head in registry.by_key:
            found[target] = (registry.by_key[head], None)
        elif head in new:
            found[target] = (new[head][0], None)
        elif (near := registry.near_miss(head)) in companies:
            found[target] = (near, None)  # "Tecent AI Lab": Tencent's, its name misprinted
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
        elif (longer := _NAMED_LAB_OF_COMPANY.match(target)) is not None and target not in found \
                and (longer["head"] in owners or longer["head"] in new):
            head = longer["head"]  # "Nokia Bell Labs": Nokia's, when "Nokia" is printed as an institution
            found[target] = (owners[head] if head in owners else new[head][0], None)
        elif match is not None and target not in found and match["head"] in new \
                and any(LEGAL_FORM.search(printed) for printed in spellings[match["head"]]):
            found[target] = (new[match["head"]][0], None)  # "Kakao Brain" when "Kakao Corp." is printed
    return found

_NAMED_LAB_OF_COMPANY = re.compile(r"^(?P<head>[a-z][a-z0-9]{2,}) (?:[a-z0-9]+ ){1,2}(?:labs?|laboratories|"
                                   r"research(?: labs?)?)$")
"""A lab with a name of its own after its company's ("Nokia Bell Labs", "Huawei Noah's Ark Lab"): the
company's lab when that company is known as one, or printed as an institution of its own."""
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


def _subsidiaries(canonical: dict[str, str], spellings: dict[str, Counter[str]]) -> dict[str, str]:
    """New names that may be a company's subsidiary in a country: printed as a name, a country's and a legal
    form ("VMware Bulgaria EOOD", "Saab Finland Oy", "Google Switzerland GmbH") → the name before the
    country (the caller asks whether a company is so named)."""
    found: dict[str, str] = {}
    for org_key, target in canonical.items():
        words = org_key.split()
        if target != org_key or org_key.startswith("corporate ") or len(words) < 2 or not any(
                without_legal_forms(printed) != printed and not WEB_DOMAIN.search(printed)
                for printed in spellings[org_key]):
            continue
        for cut in (1, 2):
            if len(words) > cut and ror.countries_of([" ".join(words[-cut:])]):
                found[org_key] = " ".join(words[:-cut])
                break
    return found



def _town_after(org_key: str, spellings: dict[str, Counter[str]], towns_beside: dict[str, set[str]],
                towns: frozenset[str]) -> str | None:
    """The key of a new institution that ``org_key`` names with its town after it ("Information Technology
    University Lahore"), when the field prints that institution's name without the town, and beside it that
    town at least once and no other (so "Open University Israel" is not the Open University of Milton Keynes,
    nor "Indian Institute of Technology Mandi" every institute printed "Indian Institute of Technology")."""
    words = org_key.split()
    for size in (1, 2, 3):
        town, rest = " ".join(words[-size:]), " ".join(words[:-size])
        if len(words) - size >= 2 and town in towns and rest in spellings and town in towns_beside[rest] \
                and institutions.INSTITUTION_WORDS.search(rest) \
                and all(other in town or town in other for other in towns_beside[rest]):
            return rest
    return None


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
